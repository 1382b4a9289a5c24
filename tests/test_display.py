"""What a person reads: numbers, source counts and event headlines in the CLI, export and answers."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from typer.testing import CliRunner

from dyad.ask import compose
from dyad.cli import app
from dyad.display import number_words, quantity_text, sources_text
from dyad.pipeline import ingest
from dyad.resolve.headlines import ActorInfo, headline, instrument_name
from dyad.store import Store

runner = CliRunner()

# Two stories by one author and one by another report one signing; one story also plans a visit.
STORIES = {
    "a.txt": "Peru and Russia sign fisheries accord\n\nBy Maria Lopez\n\nLima, 12 March 2019 - "
    "Peru and Russia signed the Fisheries Cooperation Agreement on Monday in Lima. "
    "The Fisheries Cooperation Agreement signed by Peru and Russia covers the Pacific.\n",
    "b.txt": "Fisheries deal for Peru and Russia\n\nBy Maria Lopez\n\nLima, 13 March 2019 - "
    "Peru and Russia signed the Fisheries Cooperation Agreement on Monday, officials said.\n",
    "c.txt": "Russia and Peru in the Pacific\n\nBy Ivan Petrov\n\nMoscow, 14 March 2019 - "
    "Russia and Peru signed the Fisheries Cooperation Agreement on 11 March 2019. "
    "Russian President Vladimir Putin is to visit Lima in 2020. "
    "Peru's exports to Russia reached $8.2 bn in 2018.\n",
}


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("display")
    for name, text in STORIES.items():
        (folder / name).write_text(text, encoding="utf-8")
    path = str(folder / "store.db")
    with Store(f"sqlite:///{path}") as store:
        assert ingest(store, sorted(str(p) for p in folder.glob("*.txt"))).ok
    yield path


def _run(*args: str) -> str:
    result = runner.invoke(app, list(args), env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    return result.output


@pytest.mark.parametrize(
    ("value", "unit", "qualifier", "value_max", "text"),
    [
        (8199999999.999999, "USD", "exact", None, "8.2 billion USD"),  # float noise from old stores
        (135e6, "USD", "about", None, "about 135 million USD"),
        (9.6, "percent", "exact", None, "9.6%"),
        (16e9, "EUR", "more_than", None, "more than 16 billion EUR"),
        (2.3e9, "USD", "about", 4.1e9, "2.3–4.1 billion USD"),
        (25000, "count", "exact", None, "25,000"),
        (7, "factor", "exact", None, "×7"),
    ],
)
def test_quantity_text(value: float, unit: str, qualifier: str, value_max: float | None, text: str) -> None:
    assert quantity_text(value, unit, qualifier, value_max) == text


def test_number_words_and_sources_text() -> None:
    assert number_words(1.5e12) == "1.5 trillion"
    assert [sources_text(1, 1), sources_text(3, 2)] == ["1 source", "3 sources, 2 independent"]


def test_exported_values_are_exact_integers(db: str) -> None:
    text = _run("export", "--db", db)
    (figure,) = [f for f in json.loads(text)["figures"] if f["unit"] == "USD"]
    assert figure["value"] == 8_200_000_000 and '"value": 8200000000,' in text


def test_figures_table_reads_as_words(db: str) -> None:
    assert "8.2 billion USD" in _run("figures", "--db", db)


def test_sources_mean_documents_everywhere(db: str) -> None:
    exported = json.loads(_run("export", "--db", db))
    (signing,) = [e for e in exported["events"] if e["type"] == "agreement"]
    # four sentences from three documents, two of them by one author
    assert (len(signing["sources"]), signing["source_count"], signing["independent_sources"]) == (4, 3, 2)
    assert "[3 sources, 2 independent]" in _run("timeline", "--db", db)
    assert "3 sources, 2 independent" in _run("events", "--db", db)


def test_timeline_lines_are_headlines_and_sentences_are_one_flag_away(db: str) -> None:
    plain = _run("timeline", "--db", db)
    assert "Peru–Russia: agreement signed: Fisheries Cooperation Agreement [3 sources" in plain
    assert "Russia–Peru: visit of Vladimir Putin (planned)" in plain
    assert "covers the Pacific" not in plain
    with_sentences = _run("timeline", "--db", db, "--sentences")
    assert "“The Fisheries Cooperation Agreement signed by Peru and Russia covers the Pacific.” (a.txt)" in (
        with_sentences
    )


def test_answers_name_an_event_planned() -> None:
    event = {"type": "visit", "participants": ["PER", "RUS"], "date": "2020", "status": "planned"}
    assert compose.event_words(event) == "visit (planned), Peru–Russia, 2020"


PUTIN = {"Vladimir Putin": ActorInfo("person", "head of state", "RUS")}
WANG = {
    "Wang Yi": ActorInfo("person", "foreign minister", "CHN"),
    "Narendra Modi": ActorInfo("person", None, "IND"),
}


@pytest.mark.parametrize(
    ("event", "actors", "line"),
    [
        (
            {
                "type": "visit",
                "participants": ["PER", "RUS"],
                "actors": ["Vladimir Putin"],
                "location": "Lima",
                "trigger": "state visit",
                "status": "occurred",
                "sources": [],
            },
            PUTIN,
            "Russia–Peru: state visit of Vladimir Putin to Lima",
        ),
        (
            {
                "type": "meeting",
                "participants": ["CHN", "IND"],
                "actors": ["Narendra Modi", "Wang Yi"],
                "location": None,
                "trigger": "met",
                "status": "planned",
                "sources": [],
            },
            WANG,
            "India–China: meeting of Narendra Modi and Foreign Minister Wang Yi (planned)",
        ),
        (
            {
                "type": "agreement",
                "participants": ["PER", "RUS"],
                "actors": [],
                "location": None,
                "trigger": "signed",
                "status": "occurred",
                "sources": [
                    {"text": "They signed the Joint Declaration of Strategic Partnership in November."}
                ],
            },
            {},
            "Peru–Russia: agreement signed: Joint Declaration of Strategic Partnership",
        ),
        (
            {
                "type": "use_of_force",
                "participants": ["CHN", "IND"],
                "actors": [],
                "location": "Galwan Valley",
                "trigger": "clashed",
                "status": "occurred",
                "sources": [],
            },
            {},
            "China–India: use of force in Galwan Valley",
        ),
    ],
)
def test_headline_is_filled_from_the_fields(event: dict, actors: dict, line: str) -> None:
    assert headline(event, actors) == line


def test_instrument_name_leaves_out_a_date_after_it() -> None:
    assert instrument_name("They signed the Fisheries Agreement on Monday.") == "Fisheries Agreement"
    assert instrument_name("They talked about fish.") is None


def test_a_yes_no_answer_does_not_take_a_plan_for_a_fact(db: str) -> None:
    answer = _run("ask", "Did Putin visit Peru?", "--db", db)
    assert not answer.startswith("Yes"), answer
    assert "planned" in answer.lower() or "no evidence" in answer.lower(), answer
