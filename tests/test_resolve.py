"""Cross-document resolution: one event per real-world event, independent sources, conflicts."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from dyad import analyze, pipeline
from dyad.resolve import resolve
from dyad.resolve.events import instrument_key
from dyad.resolve.sources import independence_groups
from dyad.store import Store


@pytest.fixture(scope="module")
def seed_store(tmp_path_factory: pytest.TempPathFactory, seeds_dir: Path) -> Store:
    db = tmp_path_factory.mktemp("resolve") / "seeds.db"
    store = Store(f"sqlite:///{db}")
    assert pipeline.ingest(store, [seeds_dir]).ok
    return store


def _agreements(store: Store) -> list[dict]:
    return [
        e for e in resolve(store).events if e["type"] == "agreement" and e["participants"] == ["PER", "RUS"]
    ]


def test_declaration_reported_twice_is_one_event_with_both_sources(seed_store: Store) -> None:
    [declaration] = [
        e for e in _agreements(seed_store) if e["date_edtf"] and e["date_edtf"].startswith("2015")
    ]
    assert {s["doc"] for s in declaration["sources"]} == {
        "002_104a4800072aadd7.txt",
        "003_1fdc36ad657d76f1.txt",
    }
    assert declaration["source_count"] == 2 and declaration["independent_sources"] == 2
    own_dates = {s["doc"][:3]: s["date"] for s in declaration["sources"]}  # each source keeps its own date
    assert own_dates == {"002": "2015-11", "003": "2015-11-30"}


def test_distinct_agreements_stay_apart(seed_store: Store) -> None:
    dates = sorted(e["date_edtf"] for e in _agreements(seed_store) if e["date_edtf"])
    assert "2004" in dates and "2006" in dates


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        (
            "the Joint Declaration of Strategic Partnership signed in November 2015",
            {"joint", "declaration", "strategic", "partnership"},
        ),
        (
            "sign a Joint Declaration on Strategic Partnership.",
            {"joint", "declaration", "strategic", "partnership"},
        ),
        ("the Technical-Military Agreement signed in 2004", {"technical-military", "agreement"}),
        ("they signed an agreement on fisheries", set()),
    ],
)
def test_instrument_names(sentence: str, words: set[str]) -> None:
    assert instrument_key(sentence) == frozenset(words)


def test_same_author_or_outlet_counts_once() -> None:
    docs = [
        {"name": "a", "authors": ["S. Adins"], "publisher": None},
        {"name": "b", "authors": ["Sebastien ADINS", "Mildred Rooney"], "publisher": None},
        {"name": "c", "authors": ["Mildred Rooney"], "publisher": "Lima Times"},
        {"name": "d", "authors": [], "publisher": "The Lima Times"},
        {"name": "e", "authors": ["Simon Wilson"], "publisher": "Latin Correspondent"},
    ]
    groups = independence_groups(docs)
    assert groups["a"] == groups["b"] == groups["c"] == groups["d"] != groups["e"]


def _write(folder: Path, name: str, text: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")


def test_conflicting_figures_and_dates_are_both_kept(tmp_path: Path) -> None:
    corpus = tmp_path / "c"
    _write(
        corpus,
        "a.txt",
        "Brazil and China\n\nBy Ana Lima\n\nIn 2019, Brazil exported 63 billion dollars of "
        "goods to China. The Beijing Trade Agreement was signed in 2010 by Brazil and China.",
    )
    _write(
        corpus,
        "b.txt",
        "China and Brazil trade\n\nBy Wei Zhang\n\nIn 2019, Brazil exported 80 billion dollars "
        "of goods to China. Brazil and China signed the Beijing Trade Agreement in 2012.",
    )
    with Store(f"sqlite:///{tmp_path / 'x.db'}") as store:
        assert pipeline.ingest(store, [corpus]).ok
        record = resolve(store)
    kinds = sorted(c["kind"] for c in record.conflicts)
    assert kinds == ["event_date", "figure_value"]
    figure = next(c for c in record.conflicts if c["kind"] == "figure_value")
    assert sorted(side["value"] for side in figure["sides"]) == [63e9, 80e9]
    assert {s["doc"] for side in figure["sides"] for s in side["sources"]} == {"a.txt", "b.txt"}


def test_adding_a_document_updates_the_record_without_rebuild(tmp_path: Path, seeds_dir: Path) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    for path in seeds_dir.iterdir():
        shutil.copy(path, (second if path.name.startswith("003") else first) / path.name)
    with Store(f"sqlite:///{tmp_path / 'inc.db'}") as store:
        pipeline.ingest(store, [first])
        before = [e for e in _agreements(store) if (e["date_edtf"] or "").startswith("2015")]
        pipeline.ingest(store, [second])
        after = [e for e in _agreements(store) if (e["date_edtf"] or "").startswith("2015")]
    assert [e["source_count"] for e in before] == [1]
    assert [e["source_count"] for e in after] == [2]


def test_intensity_by_decade_matches_the_papers_account(seed_store: Store) -> None:
    rows = {
        r["period"]: r["total"]
        for r in analyze.intensity(resolve(seed_store), by="decade", dyad=("PER", "RUS"))
    }
    assert rows["1970s"] > rows["1990s"]
    assert rows["2000s"] > rows["1990s"] and rows["2010s"] > rows["1990s"]


def test_periods_cover_the_span_and_name_their_events(seed_store: Store) -> None:
    phases = analyze.periods(resolve(seed_store), dyad=("PER", "RUS"))
    assert phases[0]["start"] == 1863
    assert all(a["end"] + 1 == b["start"] for a, b in zip(phases, phases[1:], strict=False))
    high = [p for p in phases if p["level"] == "high"]
    assert any(p["start"] <= 2008 <= p["end"] for p in high)
    assert any(p["start"] <= 1975 <= p["end"] for p in high)
    assert not any(p["start"] <= 1996 <= p["end"] for p in high)
    assert all(p["events"] for p in high)


def test_two_days_in_one_document_are_two_acts_and_a_days_difference_between_documents_one(
    tmp_path: Path,
) -> None:
    # Tit-for-tat summonses a day apart in one story are two acts; another story's report of a summons
    # a day or two later is one of them reported again (its date a conflict), not a third act.
    corpus = tmp_path / "c"
    _write(
        corpus,
        "story.txt",
        "Chile and Japan summon envoys\n\nChile summoned the Japanese ambassador on 12 March 2024. "
        "Japan summoned the Chilean ambassador on 13 March 2024.",
    )
    _write(corpus, "other.txt", "Envoy summoned\n\nJapan summoned the Chilean ambassador on 14 March 2024.")
    with Store(f"sqlite:///{tmp_path / 'x.db'}") as store:
        assert pipeline.ingest(store, [corpus]).ok
        record = resolve(store)
    summons = [e for e in record.events if e["type"] == "dispute"]
    assert sorted(e["date_edtf"] for e in summons) == ["2024-03-12", "2024-03-13"], summons
    assert sorted(s["doc"] for e in summons for s in e["sources"]) == ["other.txt", "story.txt", "story.txt"]


def test_visits_dated_explicitly_days_apart_are_two_visits_and_a_day_apart_one(tmp_path: Path) -> None:
    # Two visits a few days apart, each with its own dates, are two acts though within a week of each
    # other; another story that dates the first visit a day later is that visit reported again.
    corpus = tmp_path / "c"
    _write(
        corpus,
        "chronology.txt",
        "Chile and Japan: a month of visits\n\n"
        "Chilean President Gabriel Boric paid a state visit to Japan on 9 July 2018.\n\n"
        "Japanese Prime Minister Fumio Kishida paid a state visit to Chile on 15 July 2018.",
    )
    _write(
        corpus, "other.txt", "Boric in Tokyo\n\nGabriel Boric began a state visit to Japan on 10 July 2018."
    )
    with Store(f"sqlite:///{tmp_path / 'x.db'}") as store:
        assert pipeline.ingest(store, [corpus]).ok
        record = resolve(store)
    visits = sorted(sorted(s["doc"] for s in e["sources"]) for e in record.events if e["type"] == "visit")
    assert visits == [["chronology.txt"], ["chronology.txt", "other.txt"]], visits


def test_a_storys_different_conflict_acts_dated_by_the_story_stay_apart(tmp_path: Path) -> None:
    # A story tells an accusation, a rejection and a demand, all dated by its "on Monday": three acts,
    # though they share the day; the accusation told again later stays one act.
    corpus = tmp_path / "c"
    _write(
        corpus,
        "story.txt",
        "Chile and Japan trade charges\n\nPublished: 12 March 2024\n\nSANTIAGO, March 12 (Reuters) - Chile "
        "accused Japan of spying on its navy on Monday. Japan rejected the charge. Chilean President Gabriel "
        "Boric demanded that Japan withdraw its trawlers.\n\nChile's foreign ministry accused Japan of "
        "spying on its navy on Monday.",
    )
    with Store(f"sqlite:///{tmp_path / 'x.db'}") as store:
        assert pipeline.ingest(store, [corpus]).ok
        record = resolve(store)
    disputes = sorted(len(e["sources"]) for e in record.events if e["type"] == "dispute")
    assert disputes == [1, 1, 2], record.events


@pytest.mark.parametrize(
    "told",
    [
        # each act with the date the story writes
        "On 11 March 2024 Chile accused Japan of spying on its navy. On 11 March 2024 Chile demanded that "
        "Japan withdraw its trawlers.",
        # both only of the story's week: no date is written
        "Chile accused Japan of spying on its navy. Chile demanded that Japan withdraw its trawlers.",
    ],
)
def test_a_storys_different_conflict_acts_stay_apart_however_dated(tmp_path: Path, told: str) -> None:
    # An accusation and a demand by one side on one date are two acts; the accusation told again is one.
    corpus = tmp_path / "c"
    _write(
        corpus,
        "story.txt",
        f"Chile and Japan trade charges\n\nPublished: 12 March 2024\n\n{told}\n\nThe Chilean accusation "
        "that Japan spied on its navy stands, officials said.",
    )
    with Store(f"sqlite:///{tmp_path / 'x.db'}") as store:
        assert pipeline.ingest(store, [corpus]).ok
        record = resolve(store)
    disputes = [e for e in record.events if e["type"] == "dispute"]
    assert len(disputes) == 2, disputes
    assert {e["cameo"][:2] for e in disputes} == {"10", "11"}, disputes


@pytest.mark.parametrize(
    ("second", "expected"),
    [
        # a rejection by the same side on the same day: another kind of act (CAMEO 12 beside 11)
        ("Chile rejected Japan's proposal for joint naval patrols on 11 March 2024.", [1, 1]),
        # the same accusation in other words: one act, reported twice
        ("Chile accused Japan of espionage against its navy on 11 March 2024.", [2]),
    ],
)
def test_two_documents_telling_different_conflict_acts_of_one_side_are_two_acts(
    tmp_path: Path, second: str, expected: list[int]
) -> None:
    corpus = tmp_path / "c"
    _write(
        corpus,
        "a.txt",
        "Chile and Japan\n\nPublished: 12 March 2024\n\nChile accused Japan of spying on its navy on 11 "
        "March 2024.",
    )
    _write(corpus, "b.txt", f"Chile and Japan\n\nPublished: 13 March 2024\n\n{second}")
    with Store(f"sqlite:///{tmp_path / 'x.db'}") as store:
        assert pipeline.ingest(store, [corpus]).ok
        record = resolve(store)
    disputes = [e for e in record.events if e["type"] == "dispute"]
    assert sorted(len(e["sources"]) for e in disputes) == expected, disputes


def test_tit_for_tat_acts_of_one_day_are_two_events(tmp_path: Path) -> None:
    # Each side expels the other's diplomats on the same day: two sanctions, each with the side that acted;
    # a second story reporting Japan's expulsion joins Japan's, and an undirected mention joins one of them.
    corpus = tmp_path / "c"
    _write(
        corpus,
        "a.txt",
        "Diplomats expelled\n\nPublished: 15 March 2024\n\nOn 14 March 2024 Japan expelled two Chilean "
        "diplomats. On 14 March 2024 Chile expelled two Japanese diplomats in response.",
    )
    _write(
        corpus,
        "b.txt",
        "Tokyo acts\n\nPublished: 16 March 2024\n\nJapan expelled two Chilean diplomats on 14 March 2024, "
        "the foreign ministry said.",
    )
    with Store(f"sqlite:///{tmp_path / 'x.db'}") as store:
        assert pipeline.ingest(store, [corpus]).ok
        record = resolve(store)
    sanctions = [e for e in record.events if e["type"] == "sanction" and e["participants"] == ["CHL", "JPN"]]
    assert sorted((e["initiator"], len(e["sources"])) for e in sanctions) == [("CHL", 1), ("JPN", 2)]
