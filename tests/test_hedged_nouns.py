"""An event noun judged possible by its copula is hedged (extract/predicates.py)."""

from __future__ import annotations

from dyad.pipeline import process_bytes

PAIR = ("GHA", "TGO")


def _read(text: str) -> set[tuple[str, tuple[str, ...], str | None]]:
    story = f"Ghana and Togo: border talks\n\nPublished: 2021-06-20\n\n{text}"
    [processed] = process_bytes("story.txt", story.encode("utf-8"))
    return {(e.type, e.participants, e.date.edtf if e.date else None) for e in processed.events}


def test_a_meeting_judged_possible_is_no_meeting() -> None:
    lead = "Ghana and Togo traded accusations over the border in May 2021. "
    read = _read(lead + "Officials said on 14 June 2021 that a meeting of the two sides was likely.")
    assert ("meeting", PAIR, "2021-06-14") not in read
    read = _read(lead + "On 14 June 2021 a meeting of the two sides was held in Lomé.")
    assert ("meeting", PAIR, "2021-06-14") in read
