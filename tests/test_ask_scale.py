"""Questions that name no time read a bounded number of ranked candidate events, not every event of their
type and pair: the answers stay those of reading every candidate, on a test corpus and on a pair with many
visits, on each backend."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable

import pytest

from conftest import CORPORA
from dyad import query
from dyad.ask import analyse_question, ask, facts
from dyad.clean import clean_document
from dyad.models import Document, Event, ProcessedDocument, Source, TimeValue
from dyad.store import Store

Processed = Callable[[str], list[ProcessedDocument]]


def _answers(store: Store, questions: list[str], pairs: list[tuple[str, ...]]) -> list[str]:
    return [json.dumps(ask(store, q, dyad=p).to_dict(), sort_keys=True) for q in questions for p in pairs]


def test_few_ranked_candidates_give_the_answers_of_all(
    processed: Processed, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """heldout's gold questions, with and without its main pair: the same answers (and citations) when
    only 5 ranked candidates are read as when every one is, and some questions did have more than 5."""
    for doc in processed("heldout"):
        store.add(doc)
    gold = json.loads((CORPORA["heldout"] / "gold.json").read_text(encoding="utf-8"))
    questions = [g["question"] for g in gold["questions"]]
    pairs = [(), query.main_pair(store)[0]]
    monkeypatch.setattr(facts, "CANDIDATES", 10**6)
    every = _answers(store, questions, pairs)
    monkeypatch.setattr(facts, "CANDIDATES", 5)
    narrowed = [facts.event_candidates(store, analyse_question(q), None) for q in questions]
    assert any(found is not None and found.ids is not None for found in narrowed)
    assert _answers(store, questions, pairs) == every


def _visit(n: int, day: dt.date, person: str) -> ProcessedDocument:
    """A one-sentence story of a visit between China and India by ``person`` on ``day``."""
    text = f"{person} arrived in New Delhi for talks on {day:%d %B %Y}, officials said."
    doc = clean_document(
        Document(f"v{n}", f"v{n}.txt", f"/tmp/v{n}.txt", "text", "news", authors=[f"Reporter {n}"],
                 publisher=f"Outlet {n}", raw_text=text, size_bytes=len(text))
    )  # fmt: skip
    s = doc.sentences[0]
    date = TimeValue(day.isoformat(), day, day, "day")
    visit = Event("visit", ("CHN", "IND"), date, "political", "042", 1.9, 1, "occurred", "visit",
                  Source(doc.name, s.text, s.start, s.end), [person])  # fmt: skip
    return ProcessedDocument(document=doc, events=[visit])


def test_the_events_that_name_the_person_are_read_first(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Twelve visits of one pair, two by Wang Yi: with 3 candidates read, the ranking still reaches his,
    and "first" and "last" pick the earliest and latest of them."""
    others = ["Narendra Modi", "Xi Jinping", "Li Keqiang", "Sushma Swaraj", "Rajnath Singh"]
    days = [dt.date(2000 + i, 3, 1 + i) for i in range(12)]
    for i, day in enumerate(days):
        store.add(_visit(i, day, "Wang Yi" if i in (4, 9) else others[i % len(others)]))
    monkeypatch.setattr(facts, "CANDIDATES", 3)
    q = analyse_question("When did Wang Yi last visit India?")
    found = facts.event_candidates(store, q, "CHN,IND")
    assert found is not None and found.ids is not None and len(found.ids) == 3
    first = [query.event_view(e) for e in query.resolved_events(store, found).items]
    his = [days[4].isoformat(), days[9].isoformat()]
    assert [e["date"] for e in first if "Wang Yi" in e["actors"]] == his
    for question, day in (
        ("When did Wang Yi last visit India?", days[9]),
        ("When did Wang Yi first visit India?", days[4]),
    ):
        answer = ask(store, question, dyad=("CHN", "IND"))
        assert answer.found and f"{day.day} March {day.year}" in answer.answer, answer.answer
