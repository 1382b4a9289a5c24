"""Start-up of the small commands (issue 11, item 16): `--help`, `--version`, `dyad docs`, `dyad show` and
`dyad errors` on a SQLite store import no heavy library, and the light read path they use
(``dyad.store.lists`` over the standard library's sqlite3) reads exactly what the Store reads through
SQLAlchemy.

The times themselves are measured by bench/bench_startup.py, not asserted here.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from dyad.cli import app
from dyad.errors import StoreError
from dyad.models import ProcessedDocument
from dyad.store import Store, lists, schema

runner = CliRunner()

# Libraries that cost tenths of a second to import; pydantic is what typer converts options with, which
# the CLI avoids for plain string, path and switch options.
HEAVY = ("spacy", "sqlalchemy", "pandas", "pyarrow", "fastapi", "plotly", "dask", "pydantic")


@pytest.fixture(scope="module")
def small_store(
    tmp_path_factory: pytest.TempPathFactory, processed: Callable[[str], list[ProcessedDocument]]
) -> Path:
    """Three documents of the seed corpus and one ingest error and one warning, in a SQLite file."""
    path = tmp_path_factory.mktemp("small") / "small.db"
    with Store(f"sqlite:///{path}") as store:
        for doc in processed("seeds")[:3]:
            store.add(doc)
        store.record_error("notes/broken.pdf", "not a PDF: no %PDF header")
        store.record_error("notes/latin.txt", "encoding guessed: cp1252 (low confidence)", level="warning")
    return path


def _run_cli(*args: str) -> tuple[subprocess.CompletedProcess[str], list[str]]:
    """Run the command line in a fresh interpreter: its result, and which HEAVY modules it had loaded."""
    code = (
        "import sys\n"
        f"sys.argv = ['dyad', *{list(args)!r}]\n"
        "from dyad.cli import main\n"
        "try:\n    main()\n"
        "finally:\n"
        f"    loaded = [m for m in {HEAVY!r} if m in sys.modules]\n"
        "    print('LOADED=' + ','.join(loaded), file=sys.stderr)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    loaded_line = [line for line in result.stderr.splitlines() if line.startswith("LOADED=")]
    assert loaded_line, result.stderr
    return result, [m for m in loaded_line[-1].removeprefix("LOADED=").split(",") if m]


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--help"], "Build a sourced model"),
        (["--version"], "dyad "),
        (["errors", "--help"], "--db"),
        (["errors", "--db", "{db}"], "not a PDF"),
        (["errors", "--db", "{db}", "--json"], '"level": "warning"'),
        (["docs", "--db", "{db}"], "words"),
        (["docs", "--json", "--config", "{config}"], '"n_sentences"'),
        (["show", "000_", "--db", "{db}"], "n_sentences:"),
    ],
)
def test_small_commands_import_no_heavy_library(
    small_store: Path, tmp_path: Path, args: list[str], expected: str
) -> None:
    config = tmp_path / "dyad.toml"
    config.write_text(f"db = {json.dumps(str(small_store))}\n", encoding="utf-8")
    result, loaded = _run_cli(*(a.format(db=small_store, config=config) for a in args))
    assert result.returncode == 0, result.stderr
    assert expected in result.stdout
    assert loaded == []


def test_a_missing_store_is_still_reported(tmp_path: Path) -> None:
    # The light path steps aside; the Store says what it always said.
    result, _loaded = _run_cli("errors", "--db", str(tmp_path / "typo.db"))
    assert result.returncode == 2
    assert f"error: no store at {tmp_path / 'typo.db'}" in result.stderr
    assert not (tmp_path / "typo.db").exists()


def _read_through_sqlalchemy_core(url: str) -> tuple[list[dict], list[dict], dict]:
    """The documents, the errors and the first document with its sentences as the Store selected them
    before the light path, by SQLAlchemy's typed selects (its own datetime conversion)."""
    d, e, s = schema.documents, schema.ingest_errors, schema.sentences
    with Store(url) as store, store.engine.connect() as conn:
        cols = [c for c in d.c if c.name not in ("raw_text", "text")]
        docs = [dict(r) for r in conn.execute(select(*cols).order_by(d.c.name, d.c.id)).mappings()]
        errors = [
            dict(r)
            for r in conn.execute(select(e.c.path, e.c.level, e.c.reason, e.c.at).order_by(e.c.id)).mappings()
        ]
        first = dict(conn.execute(select(d).where(d.c.id == docs[0]["id"])).mappings().one())
        sentences = select(s.c.idx, s.c.start, s.c.end, s.c.text).where(s.c.doc_id == first["id"])
        first["sentences"] = [dict(r) for r in conn.execute(sentences.order_by(s.c.idx)).mappings()]
    for doc in [*docs, first]:
        doc["authors"] = json.loads(doc["authors"])
        doc["ingested_at"] = doc["ingested_at"].isoformat(timespec="seconds")
    return docs, [{**r, "at": r["at"].isoformat(timespec="seconds")} for r in errors], first


def test_the_light_path_reads_what_sqlalchemy_reads(small_store: Path) -> None:
    url = f"sqlite:///{small_store}"
    docs, errors, first = _read_through_sqlalchemy_core(url)
    assert len(docs) == 3 and [e["level"] for e in errors] == ["error", "warning"]
    assert len(first["sentences"]) == first["n_sentences"] > 0
    name = first["name"]
    assert lists.read_sqlite(url, lists.documents) == docs
    assert lists.read_sqlite(url, lists.errors) == errors
    for ref in (first["id"], name, first["id"][:6], name[:-4]):
        assert lists.read_sqlite(url, lambda run, ref=ref: lists.document(run, ref)) == first
    with Store(url, create=False) as store:
        assert store.documents() == docs
        assert store.errors() == errors
        assert store.document(name) == first


def test_the_cli_prints_the_same_json_either_way(small_store: Path) -> None:
    """`dyad docs --json` and `dyad show --json` through the light path, and through the Store when sqlite3
    does not read the file in place (a URL option the light path leaves to SQLAlchemy), print the same."""
    for command in (["docs"], ["show", "000_"]):
        light = runner.invoke(app, [*command, "--json", "--db", str(small_store)])
        via_store = runner.invoke(app, [*command, "--json", "--db", f"sqlite:///{small_store}?timeout=5"])
        assert light.exit_code == via_store.exit_code == 0, light.output + via_store.output
        assert light.stdout == via_store.stdout
    assert len(json.loads(light.stdout)["sentences"]) > 0


def test_show_reports_an_unknown_or_ambiguous_document(small_store: Path) -> None:
    for ref, said in (("zzz", "no document matches 'zzz'"), ("00", "3 documents match '00'")):
        result, loaded = _run_cli("show", ref, "--db", str(small_store))
        assert result.returncode == 2
        assert result.stderr.startswith(f"error: {said}; use an id or file name from `dyad docs`")
        assert loaded == []


def test_a_prefix_matches_wildcards_literally(store: Store, processed: Callable) -> None:
    """Both backends: `_` and `%` in a prefix are the characters themselves, not LIKE's wildcards."""
    doc = processed("seeds")[0].document
    store.add(processed("seeds")[0])
    assert doc.name.startswith("000_")
    assert store.document("000_")["id"] == doc.id
    for ref in ("00%", "0_0"):
        with pytest.raises(StoreError, match="no document matches"):
            store.document(ref)


def test_the_document_columns_are_the_schema_columns() -> None:
    assert tuple(c.name for c in schema.documents.c) == lists.DOCUMENT_COLUMNS


@pytest.mark.parametrize(
    "url", ["postgresql+psycopg://h/db", "sqlite://", "sqlite:///:memory:", "sqlite:///a.db?mode=ro"]
)
def test_only_a_plain_sqlite_file_takes_the_light_path(url: str) -> None:
    assert lists.sqlite_path(url) is None
    assert lists.read_sqlite(url, lists.errors) is None


def test_a_store_of_an_older_schema_is_left_to_the_store(small_store: Path, tmp_path: Path) -> None:
    """A store written before `ingest_errors.level` existed: sqlite3 cannot run the query, so `dyad errors`
    opens the Store, which upgrades it, and lists the errors as before."""
    old = tmp_path / "old.db"
    old.write_bytes(small_store.read_bytes())
    with sqlite3.connect(old) as conn:
        conn.execute("ALTER TABLE ingest_errors DROP COLUMN level")
        conn.execute("UPDATE dyad_meta SET value = '2' WHERE key = 'schema'")
    assert lists.read_sqlite(f"sqlite:///{old}", lists.errors) is None
    result = runner.invoke(app, ["errors", "--json", "--db", str(old)])
    assert result.exit_code == 0, result.output
    assert [e["level"] for e in json.loads(result.stdout)] == ["error", "error"]  # the column's default
    assert lists.read_sqlite(f"sqlite:///{old}", lists.errors) is not None  # upgraded in place


def test_a_file_that_is_not_a_store_is_reported_by_the_store(tmp_path: Path) -> None:
    junk = tmp_path / "notes.db"
    junk.write_text("not a database", encoding="utf-8")
    assert lists.read_sqlite(f"sqlite:///{junk}", lists.documents) is None
    result = runner.invoke(app, ["docs", "--db", str(junk)])
    assert result.exit_code == 2
    assert result.stderr.startswith("error: cannot open store")


def test_the_store_lists_through_the_same_queries(store: Store) -> None:
    """Both backends: the listings' SQL runs through SQLAlchemy on PostgreSQL too."""
    store.record_error("a.txt", "cannot decode a.txt")
    store.record_error("b.txt", "encoding guessed", level="warning")
    rows = store.errors()
    assert [(r["path"], r["level"]) for r in rows] == [("a.txt", "error"), ("b.txt", "warning")]
    assert all(isinstance(r["at"], str) and r["at"][:2] == "20" for r in rows)
    assert store.documents() == []
