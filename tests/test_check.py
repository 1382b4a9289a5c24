"""`dyad check`: a whole store passes; a real store corrupted in each way is named, one line per problem."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import Connection, Engine, create_engine, text
from typer.testing import CliRunner

from dyad.ask import search
from dyad.cli import app
from dyad.models import ProcessedDocument
from dyad.store import Store, check, schema

runner = CliRunner()


def _pg_admin() -> Engine:
    base = os.environ.get("DYAD_TEST_PG_URL")
    if not base:
        pytest.skip("DYAD_TEST_PG_URL not set (.ci/run starts a PostgreSQL server and sets it)")
    return create_engine(base, isolation_level="AUTOCOMMIT")


def _pg_url(name: str) -> str:
    return os.environ["DYAD_TEST_PG_URL"].rsplit("/", 1)[0] + "/" + name


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def template(
    request: pytest.FixtureRequest,
    tmp_path_factory: pytest.TempPathFactory,
    processed: Callable[[str], list[ProcessedDocument]],
) -> Iterator[str]:
    """A store of the India–China example (merged events with several sources, value conflicts), written
    once per backend; each test damages its own copy."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('check') / 'template.db'}"
    else:
        admin = _pg_admin()
        name = f"dyad_check_template_{os.getpid()}"
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        url = _pg_url(name)
    with Store(url) as store:
        for doc in processed("example_ind_chn"):
            store.add(doc)
        assert store.record_counts()["conflicts"] > 0
    yield url
    if request.param == "postgresql":
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture
def filled(template: str, tmp_path: Path) -> Iterator[str]:
    if template.startswith("sqlite"):
        copy = tmp_path / "store.db"
        shutil.copy(template.removeprefix("sqlite:///"), copy)
        yield f"sqlite:///{copy}"
        return
    admin = _pg_admin()
    name = f"dyad_check_{os.getpid()}_{tmp_path.name}"[:63]
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{template.rsplit("/", 1)[1]}"'))
    yield _pg_url(name)
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def _raw(url: str) -> Iterator[Connection]:
    """A connection that writes past the foreign keys, as a store damaged outside dyad might be."""
    engine = create_engine(url)
    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(text("SET session_replication_role = replica"))  # no FK triggers
        yield conn  # SQLite: pysqlite leaves foreign keys off unless asked
    engine.dispose()


def _corrupt(url: str, *statements: str) -> None:
    for conn in _raw(url):
        for sql in statements:
            conn.execute(text(sql))


def test_a_whole_store_is_consistent(filled: str) -> None:
    assert check.check_store(filled) == []
    result = runner.invoke(app, ["check", "--db", filled])
    assert result.exit_code == 0, result.output
    assert result.output.strip() == "store is consistent"


A_DOC = "(SELECT min(id) FROM documents)"
LAST_DOC = "(SELECT max(id) FROM documents)"
AN_EVENT = "(SELECT min(mention_id) FROM record_event_links)"
A_FIGURE = "(SELECT min(mention_id) FROM record_figure_links)"
A_MERGED_EVENT = "(SELECT min(id) FROM record_events)"
A_FIGURE_CONFLICT = "(SELECT min(substr(scope, 8)) FROM record_conflicts WHERE scope LIKE 'figure%')"
# How to damage the store → a phrase that the line naming it must contain.
DAMAGE = {
    "sentence lost": (
        [f"DELETE FROM sentences WHERE doc_id = {A_DOC} AND idx = 0"],
        "sentences stored",
    ),
    "document half-written": (
        [f"DELETE FROM sentences WHERE doc_id = {A_DOC}", f"DELETE FROM events WHERE doc_id = {A_DOC}"],
        "0 of its",
    ),
    "rows of a missing document": (
        [f"DELETE FROM documents WHERE id = {A_DOC}"],
        "which is not stored",
    ),
    "event mention unlinked": (
        [f"DELETE FROM record_event_links WHERE mention_id = {AN_EVENT}"],
        "in no merged event",
    ),
    "figure mention unlinked": (
        [f"DELETE FROM record_figure_links WHERE mention_id = {A_FIGURE}"],
        "in no merged figure",
    ),
    "link to a merged event that is gone": (
        ["DELETE FROM record_events WHERE id = (SELECT min(event_id) FROM record_event_links)"],
        "which does not exist",
    ),
    "merged event without mentions": (
        [
            "INSERT INTO record_events (id, component, pair, participants, type, status, dimension, "
            "source_count, independent_sources, order_key, head_name, data) VALUES ('zz-e9', 'zz-e9', "
            "'CHN,IND', '[\"CHN\", \"IND\"]', 'meeting', 'occurred', 'diplomatic', 1, 1, 'x', '', '{}')"
        ],
        "merged event zz-e9: no mentions",
    ),
    "source count wrong": (
        [f"UPDATE record_events SET source_count = source_count + 1 WHERE id = {A_MERGED_EVENT}"],
        "source(s) counted",
    ),
    "independent sources wrong": (
        [f"UPDATE record_events SET independent_sources = 7 WHERE id = {A_MERGED_EVENT}"],
        "independent source(s) kept",
    ),
    "figure independent sources wrong": (
        ["UPDATE record_figures SET independent_sources = 0 WHERE id = (SELECT min(id) FROM record_figures)"],
        "merged figure",
    ),
    "figure source count wrong": (
        ["UPDATE record_figures SET source_count = 9 WHERE id = (SELECT min(id) FROM record_figures)"],
        "merged figure",
    ),
    "link in the wrong document": (
        [
            f"UPDATE record_event_links SET doc_id = {LAST_DOC} "
            f"WHERE mention_id = (SELECT min(e.id) FROM events e WHERE e.doc_id <> {LAST_DOC})"
        ],
        "its mention is in",
    ),
    "document in no source group": (
        [f"DELETE FROM record_source_groups WHERE doc_id = {A_DOC}"],
        "in no group of sources",
    ),
    "conflict about nothing": (
        [f"DELETE FROM record_figures WHERE component = {A_FIGURE_CONFLICT}"],
        "no longer in the record",
    ),
    "event outside its document": (
        [f'UPDATE events SET "end" = 10000000 WHERE id = {AN_EVENT}'],
        "outside its document",
    ),
    "mention past the last sentence": (
        ["UPDATE mentions SET sentence_idx = 100000 WHERE doc_id = (SELECT min(doc_id) FROM mentions)"],
        "mention of document",
    ),
    "old schema version": (
        ["UPDATE dyad_meta SET value = '3' WHERE key = 'schema'"],
        "schema: version 3",
    ),
    "table missing": (
        ["DROP TABLE record_conflicts"],
        "table(s) missing: record_conflicts",
    ),
}


@pytest.mark.parametrize("damage", list(DAMAGE))
def test_each_kind_of_damage_is_named(filled: str, damage: str) -> None:
    statements, phrase = DAMAGE[damage]
    _corrupt(filled, *statements)
    result = runner.invoke(app, ["check", "--db", filled])
    assert result.exit_code == 1, result.output
    lines = result.output.strip().splitlines()
    assert any(phrase in line for line in lines[:-1]), result.output
    assert lines[-1] == f"{len(lines) - 1} problem(s) found"
    assert "Traceback" not in result.output


def test_many_problems_of_one_kind_are_counted_not_listed(filled: str) -> None:
    _corrupt(filled, "DELETE FROM record_event_links")
    problems = check.check_store(filled)
    unlinked = [p for p in problems if p.startswith("event mention")]
    assert len(unlinked) == check.SHOWN
    with Store(filled) as store:
        total = store.counts()["events"]
    assert f"... and {total - check.SHOWN} more event mentions in no merged event" in problems


def test_a_broken_full_text_index(
    tmp_path: Path, processed: Callable[[str], list[ProcessedDocument]]
) -> None:
    """SQLite's FTS5 index, once built, is kept in step by triggers: a missing trigger, or an index that no
    longer matches the sentences, is damage; documents added after it was built are not."""
    url = f"sqlite:///{tmp_path / 'fts.db'}"
    with Store(url) as store:
        for doc in processed("seeds")[:2]:
            store.add(doc)
        search.ensure_fts(store)
        assert check.check_store(url) == []
        for doc in processed("seeds")[2:]:
            store.add(doc)  # the triggers index them
    assert check.check_store(url) == []
    # A trigger lost, then a sentence changed behind the index's back.
    _corrupt(
        url,
        f"DROP TRIGGER {search.FTS_TABLE}_au",
        "UPDATE sentences SET text = 'nothing of the kind' WHERE idx = 0",
    )
    problems = check.check_store(url)
    assert f"full-text index: its trigger {search.FTS_TABLE}_au is missing" in " ".join(problems), problems
    assert [p for p in problems if "disagrees with the sentences" in p], problems


def test_the_full_text_table_name_is_the_one_ask_builds() -> None:
    assert check.FTS_TABLE == search.FTS_TABLE


def test_a_missing_full_text_index(filled: str) -> None:
    """PostgreSQL's GIN index is part of the schema: missing is damage. SQLite's FTS5 table is built by the
    first question: missing (with its triggers) is a store nobody has asked yet."""
    if filled.startswith("postgresql"):
        _corrupt(filled, "DROP INDEX ix_sentences_fts")
        assert check.check_store(filled) == [
            "full-text index: ix_sentences_fts is missing (dyad ask searches without it, slowly)"
        ]
    else:
        names = schema.FTS_TRIGGERS.values()
        _corrupt(
            filled,
            *(f"DROP TRIGGER IF EXISTS {n}" for n in names),
            f"DROP TABLE IF EXISTS {search.FTS_TABLE}",
        )
        assert check.check_store(filled) == []


def test_check_reads_only(filled: str) -> None:
    """An old store is reported as old, not upgraded by the check; a missing file is not created."""
    _corrupt(filled, "UPDATE dyad_meta SET value = '3' WHERE key = 'schema'")
    check.check_store(filled)
    check.check_store(filled)
    for conn in _raw(filled):
        assert conn.execute(text("SELECT value FROM dyad_meta WHERE key = 'schema'")).scalar() == "3"
    assert schema.SCHEMA_VERSION != 3


def test_check_of_a_missing_file_is_an_error_not_a_new_store(tmp_path: Path) -> None:
    result = runner.invoke(app, ["check", "--db", str(tmp_path / "typo.db")])
    assert result.exit_code == 2
    assert "no store at" in result.output and not (tmp_path / "typo.db").exists()
