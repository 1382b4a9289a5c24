"""Words that stand for the document's pair without naming either side (extract/pair_refs.py)."""

from __future__ import annotations

import pytest

from dyad.extract.mentions import mention_finder
from dyad.extract.pair_refs import pair_references
from dyad.models import Document, Event, Sentence
from dyad.pipeline import process_bytes

PAIR = ("GHA", "TGO")


def _doc(*sentences: str) -> Document:
    doc = Document(id="d", name="d.txt", path="d.txt", format="text", kind="news")
    text, spans = "", []
    for s in sentences:
        if s == "":
            text += "\n\n"
            continue
        start = len(text)
        text += s + " "
        spans.append(Sentence(len(spans), start, start + len(s), s))
    doc.text, doc.sentences = text, spans
    return doc


def _refs(*sentences: str) -> list[str]:
    doc = _doc(*sentences)
    return [m.text for m in pair_references(doc, mention_finder().find(doc.text), PAIR)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The two ministers agreed to reopen the border.", ["The two ministers"]),
        ("Both parliaments must ratify the accord.", ["Both parliaments"]),
        ("The two NATO allies came close to blows.", ["The two NATO allies"]),
        ("the two interior ministers met in Lomé", ["the two interior ministers"]),
        # one side's: a country names them, or "of"/"from" a country follows
        ("Both Ghanaian ministers resigned.", []),
        ("The two ministers of Ghana resigned.", []),
        ("The two envoys from Ghana left.", []),
        ("Ghana's two envoys left.", []),
        # already a knowledge phrase, or no agents of a state
        ("The two countries agreed.", []),
        ("The two companies agreed to merge.", []),
        ("Both Ghana and Togo protested.", []),
    ],
)
def test_counted_plurals_of_state_agents(sentence: str, expected: list[str]) -> None:
    assert _refs(sentence) == expected


def test_a_third_country_in_the_sentence() -> None:
    # "the two ministers" beside Benin may be Benin's and one side's
    assert _refs("The two ministers met their Beninese counterpart.") == []
    assert _refs("Ghana hosted the talks.", "The two ministers met in Accra.") == ["The two ministers"]


def _events(text: str) -> list[Event]:
    story = "Ghana and Togo: border talks\n\nPublished: 2021-06-20\n\n" + text
    [processed] = process_bytes("story.txt", story.encode("utf-8"))
    return processed.events


def _read(text: str) -> set[tuple[str, tuple[str, ...], str | None]]:
    return {(e.type, e.participants, e.date.edtf if e.date else None) for e in _events(text)}


def test_the_pair_acts_through_its_agents() -> None:
    read = _read(
        "Ghana and Togo signed a fisheries accord in Accra on 3 March 2021. On 4 May 2021 the two "
        "ministers agreed to reopen the Aflao crossing."
    )
    assert ("agreement", PAIR, "2021-05-04") in read
    # one side's officials agreeing among themselves are no act of the pair
    read = {
        (e.type, e.date.edtf if e.date else None)
        for e in _events(
            "Ghana and Togo signed a fisheries accord in Accra on 3 March 2021. On 4 May 2021 the two "
            "ministers of Benin agreed to reopen the Kraké crossing."
        )
    }
    assert ("agreement", "2021-05-04") not in read


def test_two_envoys_meeting_judged_possible_is_none_and_held_is_the_pairs() -> None:
    lead = "Ghana and Togo traded accusations over the border in May 2021. "
    read = _read(lead + "Officials said on 14 June 2021 that a meeting of the two envoys was likely.")
    assert ("meeting", PAIR, "2021-06-14") not in read
    read = _read(lead + "On 14 June 2021 a meeting of the two interior ministers was held in Lomé.")
    assert ("meeting", PAIR, "2021-06-14") in read
