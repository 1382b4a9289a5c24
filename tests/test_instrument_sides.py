"""An instrument named only by a participle on it ("the accord, signed in Vienna") is the pair's."""

from __future__ import annotations

from dyad.pipeline import process_bytes

PAIR = ("GHA", "TGO")


def _read(text: str) -> set[tuple[str, tuple[str, ...], str | None]]:
    lead = "Ghana and Togo keep close ties."
    story = f"Ghana and Togo: a partnership\n\nPublished: 2022-07-25\n\n{lead} {text}"
    [processed] = process_bytes("story.txt", story.encode("utf-8"))
    return {(e.type, e.participants, e.date.edtf if e.date else None) for e in processed.events}


def test_signed_in_a_third_capital_is_still_the_pairs() -> None:
    read = _read(
        "The instruments in force include (c) the Framework Agreement on Fisheries and Coastal Protection, "
        "signed in Vienna on 14 October 2016."
    )
    assert ("agreement", PAIR, "2016-10-14") in read


def test_a_memorandum_signed_by_unnamed_ministers() -> None:
    read = _read(
        "The presidents also witnessed the exchange of a Memorandum of Understanding on Cooperation in Data "
        "Protection, signed by the respective ministers responsible for digital affairs on 3 May 2022."
    )
    assert ("agreement", PAIR, "2022-05-03") in read


def test_a_third_country_as_a_party_keeps_it_off() -> None:
    read = _read(
        "The instruments in force include (c) the Framework Agreement on Fisheries, signed with Benin in "
        "Vienna on 14 October 2016."
    )
    assert ("agreement", PAIR, "2016-10-14") not in read
