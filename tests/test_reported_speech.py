"""What officials say about the other side: reported speech read as a statement or a dispute by the tone
of the reported clause (knowledge/tone_en.tsv), with who speaks for which side."""

from __future__ import annotations

import pytest

from dyad.clean import clean_document
from dyad.extract import extract_facts
from dyad.knowledge import load_knowledge
from dyad.models import Document

INTRO = (
    "SANTIAGO, May 2 (Reuters) - Chile's foreign minister Rodrigo Aránguiz Pell arrived in Tokyo on "
    "Monday, May 1, 2023. Japanese Foreign Minister Kenji Hoshino welcomed the visit. "
)
DAY = "2023-05-03"


def _acts(sentence: str) -> set[tuple[str, tuple[str, ...], str]]:
    doc = Document(id="t", name="t.txt", path="t.txt", format="text", kind="news", published="2023-05-02")
    doc.raw_text = doc.text = INTRO + sentence
    clean_document(doc)
    events = extract_facts(doc).events
    return {(e.type, e.participants, e.plover) for e in events if e.date and e.date.edtf == DAY}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the other side is the subject of a harsh clause: an accusation
        ("On May 3, 2023, Hoshino said Chile wanted to steal Japanese fishing grounds.", "dispute"),
        ("On May 3, 2023, Aránguiz Pell told parliament that the Japanese tariff was ridiculous.", "dispute"),
        # a friendly clause about the other side or about the relationship: a statement
        ("On May 3, 2023, Hoshino said Tokyo valued the relationship enormously.", "statement"),
        (
            "On May 3, 2023, Aránguiz Pell told reporters that Chile was ready to work with Japan.",
            "statement",
        ),
        ("On May 3, 2023, Hoshino said Chile was a trusted partner.", "statement"),
    ],
)
def test_speech_about_the_other_side_is_an_act(sentence: str, expected: str) -> None:
    assert expected in {t for t, pair, _ in _acts(sentence) if pair == ("CHL", "JPN")}


@pytest.mark.parametrize(
    "sentence",
    [
        # negated: no judgement
        "On May 3, 2023, Hoshino said Chile never wanted to steal Japanese fishing grounds.",
        # only the speaker's own side: no act between the two
        "On May 3, 2023, Aránguiz Pell said Chile was ready to sign.",
        # a third country spoken of, in a Chile–Japan story
        "On May 3, 2023, Hoshino said relations with China were excellent.",
        # a party's readiness, not the state's
        "On May 3, 2023, Hoshino said his party was ready to work with Chile.",
        # a topic, not a judgement: the harsh word qualifies what was done
        "On May 3, 2023, Aránguiz Pell said Chile and Japan had discussed illegal fishing.",
        # "prepared" as a verb is no readiness
        "On May 3, 2023, Hoshino said the ministry had prepared a reply to Chile.",
        # a neutral clause: "said" alone is no act
        "On May 3, 2023, Hoshino said Chile would hold elections in November.",
    ],
)
def test_speech_that_judges_nothing_between_the_two_is_no_act(sentence: str) -> None:
    acts = {t for t, pair, _ in _acts(sentence) if pair == ("CHL", "JPN")}
    assert not acts & {"statement", "dispute"}


def test_tones_are_data() -> None:
    tone = load_knowledge().tone
    assert {"praise", "pledge", "blame"} <= set(tone)
    assert "value" in tone["praise"] and "steal" in tone["blame"] and "ready" in tone["pledge"]
    assert not tone["praise"] & tone["blame"]


def test_readiness_for_conflict_is_no_pledge() -> None:
    """Ready to work with the other side is a pledge (CAMEO 030); ready to impose sanctions on it is not."""
    friendly = _acts("On May 3, 2023, Hoshino said Japan was ready to work with Chile.")
    assert ("statement", ("CHL", "JPN"), "AGREE") in friendly
    harsh = _acts("On May 3, 2023, Hoshino said Japan was ready to impose sanctions on Chile.")
    assert ("statement", ("CHL", "JPN"), "AGREE") not in harsh
