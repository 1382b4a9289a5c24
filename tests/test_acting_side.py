"""The side that acted, shown to users: stored with the resolved event, exported, filtered, shown.

Three short stories of one week of expulsions between Britain and Russia: Britain's (told by a story that
names Britain as acting and by one that does not say who acted), and Russia's in reply. Every surface is
read from a real store built from them.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text, update
from typer.testing import CliRunner

from dyad import pipeline, query
from dyad.ask import ask
from dyad.cli import app
from dyad.export import build_export
from dyad.models import ProcessedDocument
from dyad.report import build_report
from dyad.serve import create_app
from dyad.store import Store, schema
from dyad.tables import build_tables
from test_record import assert_same_record

STORIES = {
    "a.txt": "Britain expels Russian diplomats\n\nPublished: 15 March 2018\n\nLONDON – On 14 March 2018 "
    "Britain expelled 23 Russian diplomats over the poisoning of a former spy in Salisbury, Prime "
    "Minister Theresa May told parliament.\n",
    "b.txt": "Moscow retaliates\n\nPublished: 18 March 2018\n\nMOSCOW – On 17 March 2018 Russia expelled 23 "
    "British diplomats in response, the Russian foreign ministry said.\n",
    # Names no acting side; sorts first, so its mention is the resolved event's id and best mention.
    "0-week.txt": "A week of expulsions\n\nPublished: 20 March 2018\n\nThe expulsion of 23 Russian "
    "diplomats from Britain on 14 March 2018 was the largest in three decades.\n",
}
RUNNER = CliRunner()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("expulsions")
    for name, body in STORIES.items():
        (folder / name).write_text(body, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def docs(corpus: Path) -> list[ProcessedDocument]:
    out: list[ProcessedDocument] = []
    for path in sorted(corpus.iterdir()):
        result = pipeline.process_file(str(path), pipeline.Options())
        assert isinstance(result, list), result
        out += result
    return out


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory, docs: list[ProcessedDocument]) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('sides') / 'sides.db'}"
    with Store(url) as store:
        store.add_many(docs)
    return url


def _sides(events: list[dict[str, Any]]) -> list[tuple[str, str | None, int]]:
    return sorted((e["date"], e["initiator"], e["source_count"]) for e in events)


BOTH = [("2018-03-14", "GBR", 2), ("2018-03-17", "RUS", 1)]


def test_the_resolved_event_keeps_the_side_its_mentions_name(store: Store, docs: list[Any]) -> None:
    # Britain's expulsion is resolved from the story that names no side (its best mention) and the one
    # that names Britain: the record keeps Britain; Russia's reply stays apart with Russia.
    for doc in docs:
        store.add(doc)
    events = query.events(store, types=("sanction",))
    assert _sides(events) == BOTH
    assert_same_record(store)
    assert _sides(query.events(store, by="GBR")) == BOTH[:1]
    assert _sides(query.events(store, by="RUS")) == BOTH[1:]
    assert query.events_page(store, by="PER").total == 0


def test_an_older_store_gets_its_acting_sides_when_opened(store_url: str, docs: list[Any]) -> None:
    with Store(store_url) as store:
        store.add_many(docs)
    # What a store of schema 8 looks like: no column, each event's data with its best mention's side.
    with Store(store_url) as store, store.engine.begin() as conn:
        conn.execute(text("DROP INDEX IF EXISTS ix_record_events_initiator"))
        conn.execute(text("ALTER TABLE record_events DROP COLUMN initiator"))
        e = schema.record_events
        for ident, data in conn.execute(text("SELECT id, data FROM record_events")).all():
            old = {**json.loads(data), "initiator": None}
            conn.execute(update(e).where(e.c.id == ident).values(data=json.dumps(old)))
        conn.execute(update(schema.meta).where(schema.meta.c.key == "schema").values(value="8"))
    with Store(store_url) as store:
        assert _sides(query.events(store, types=("sanction",))) == BOTH
        assert_same_record(store)


def test_export_json_and_csv_carry_the_acting_side(db: str) -> None:
    with Store(db) as store:
        data = build_export(store)
    assert _sides(data["events"]) == BOTH
    rows = build_tables(data)["events"]
    assert sorted((r["date"], r["initiator"]) for r in rows) == [(d, s) for d, s, _ in BOTH]


def test_cli_lists_and_filters_by_the_acting_side(db: str, tmp_path: Path) -> None:
    path = db.removeprefix("sqlite:///")
    listed = RUNNER.invoke(app, ["events", "--db", path])
    assert listed.exit_code == 0, listed.output
    assert "GBR → RUS" in listed.output and "RUS → GBR" in listed.output
    by_name = RUNNER.invoke(app, ["events", "--db", path, "--by", "Britain", "--json"])
    assert by_name.exit_code == 0, by_name.output
    assert _sides(json.loads(by_name.output)) == BOTH[:1]
    unknown = RUNNER.invoke(app, ["events", "--db", path, "--by", "Narnia"])
    assert unknown.exit_code == 2 and "--by: unknown country 'Narnia'" in unknown.output
    out = tmp_path / "tables"
    assert RUNNER.invoke(app, ["export", "--format", "csv", "-o", str(out), "--db", path]).exit_code == 0
    with (out / "events.csv").open(encoding="utf-8") as f:
        assert sorted(r["initiator"] for r in csv.DictReader(f)) == ["GBR", "RUS"]


def test_api_and_dashboard_show_and_filter_the_acting_side(db: str) -> None:
    with TestClient(create_app(db)) as client:
        page = client.get("/api/events", params={"by": "RUS"}).json()
        assert _sides(page["items"]) == BOTH[1:]
        assert client.get("/api/events", params={"by": "Narnia"}).status_code == 400
        timeline = client.get("/timeline", params={"dyad": "GBR,RUS"}).text
        assert "GBR → RUS" in timeline and "RUS → GBR" in timeline
        only_russia = client.get("/timeline", params={"dyad": "GBR,RUS", "by": "RUS"}).text
        assert "RUS → GBR" in only_russia and "GBR → RUS" not in only_russia
        [russian] = page["items"]
        event_page = client.get(f"/events/{russian['id']}").text
        assert "Acting side" in event_page and "Russia → United Kingdom" in event_page
        assert "RUS → GBR" in client.get("/documents/b.txt").text  # the facts read from a document


def test_report_lines_show_the_acting_side(db: str) -> None:
    with Store(db) as store:
        html, md = build_report(store), build_report(store, fmt="md")
    for report in (html, md):
        assert "United Kingdom → Russia" in report and "Russia → United Kingdom" in report


QUESTIONS: list[tuple[str, Callable[[str], bool]]] = [
    ("Who expelled whom?", lambda a: a.startswith("United Kingdom → Russia") and "Russia → United" in a),
    ("Did Russia expel British diplomats?", lambda a: a.startswith("Yes") and "Russia → United" in a),
    ("Were Russian diplomats expelled by Britain?", lambda a: "Yes" in a and "United Kingdom → Russia" in a),
    (
        "Did Russia expel British diplomats on 14 March 2018?",
        lambda a: a.startswith("No: the sources tell of the reverse") and "United Kingdom → Russia" in a,
    ),
    ("When did Russia expel British diplomats?", lambda a: a.startswith("17 March 2018")),
    ("Which country expelled British diplomats?", lambda a: a.startswith("Russia (")),
    ("Which country did Britain expel diplomats of?", lambda a: a.startswith("Russia (sanction, United")),
]


@pytest.mark.parametrize(("question", "right"), QUESTIONS, ids=[q for q, _ in QUESTIONS])
def test_answers_say_which_side_acted(db: str, question: str, right: Callable[[str], bool]) -> None:
    with Store(db) as store:
        answer = ask(store, question)
    assert answer.found and answer.kind != "sentence" and right(answer.answer), answer.answer
