"""Event extraction on sentences from many outlets and pairs: types, participants, dates, and non-events."""

from __future__ import annotations

import pytest

from dyad.models import Event
from dyad.pipeline import process_bytes


def _events(text: str, name: str = "story.txt") -> list[Event]:
    [processed] = process_bytes(name, text.encode("utf-8"))
    return processed.events


def _summary(events: list[Event]) -> set[tuple[str, tuple[str, ...], str | None]]:
    return {(e.type, e.participants, e.date.edtf if e.date else None) for e in events}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Brazil and China established diplomatic relations on 15 August 1974.",
            ("diplomatic_relations", ("BRA", "CHN"), "1974-08-15"),
        ),
        (
            "In 2019, India and Russia celebrated the 70th anniversary of the establishment of diplomatic "
            "relations.",
            ("diplomatic_relations", ("IND", "RUS"), "1949"),
        ),
        # expelling diplomats is a sanction; expelling the ambassador, a step in relations (ARCHITECTURE)
        (
            "Canada expelled two Indian diplomats in October 2024.",
            ("sanction", ("CAN", "IND"), "2024-10"),
        ),
        (
            "Canada expelled the Indian high commissioner in October 2024.",
            ("diplomatic_relations", ("CAN", "IND"), "2024-10"),
        ),
        (
            "Turkey recalled its ambassador from Berlin in June 2016.",
            ("diplomatic_relations", ("DEU", "TUR"), "2016-06"),
        ),
        (
            "The Agreement on Commerce between Australia and Japan, signed in Tokyo on 6 July 1957, opened "
            "markets.",
            ("agreement", ("AUS", "JPN"), "1957-07-06"),
        ),
        (
            "New Delhi signed a $5.43 billion contract with Moscow for S-400 systems in October 2018.",
            ("agreement", ("IND", "RUS"), "2018-10"),
        ),
        (
            "In March 2023, the two governments of Vietnam and South Korea signed 17 memorandums of "
            "understanding.",
            ("agreement", ("KOR", "VNM"), "2023-03"),
        ),
        (
            "Egypt bought 24 Rafale fighter jets from France in 2015.",
            ("arms_transfer", ("EGY", "FRA"), "2015"),
        ),
        (
            "Chancellor Scholz met with his Turkish counterpart in Berlin in November 2023.",
            ("meeting", ("DEU", "TUR"), "2023-11"),
        ),
        ("In 2014, President Xi Jinping made a state visit to Argentina.", ("visit", ("ARG", "CHN"), "2014")),
        (
            "In April 1982, Argentina invaded the Falkland Islands, and Britain went to war with Argentina.",
            ("use_of_force", ("ARG", "GBR"), "1982-04"),
        ),
        (
            "Samsung announced in July 2023 that it would invest $1.8 billion in Vietnam.",
            ("investment", ("KOR", "VNM"), "2023-07"),
        ),
    ],
)
def test_event_is_found(text: str, expected: tuple[str, tuple[str, ...], str]) -> None:
    assert expected in _summary(_events(text))


@pytest.mark.parametrize(
    "text",
    [
        "Both countries have recognized the importance of diversifying their partnerships with Asia.",
        "Kenya and Ethiopia could sign a free trade agreement if talks resume.",
        "Despite Peruvian interest in negotiating a free trade agreement with Moscow, none was signed.",
        "Germany and Turkey did not sign the accord in 2019.",
        "Foreign Minister Baerbock is expected to travel to Ankara early next year.",
        "Samsung has invested more than $20 billion in Vietnam so far.",
        "Will China and Brazil sign a new agreement in 2025?",
    ],
)
def test_no_event_from_generic_hedged_or_negated_prose(text: str) -> None:
    dated = [e for e in _events(text) if e.date is not None and len(set(e.participants)) == 2]
    assert dated == [], _summary(dated)


def test_planned_visit_has_status_planned() -> None:
    [visit] = [
        e for e in _events("In May 2010, Mexico's president is to travel to Washington.") if e.type == "visit"
    ]
    assert visit.status == "planned" and visit.participants == ("MEX", "USA")


def test_visit_goes_to_the_destination_not_the_place_of_a_summit() -> None:
    text = "After the summit in Lima in 2008, Medvedev is to travel to Brazil and Venezuela."
    visits = [e for e in _events(text) if e.type == "visit"]
    assert visits and visits[0].participants == ("BRA", "RUS")


def test_leader_country_follows_the_term_of_office() -> None:
    text = "Putin met with Chinese President Hu Jintao in Beijing in October 2009."
    [meeting] = [e for e in _events(text) if e.type == "meeting"]
    assert meeting.participants == ("CHN", "RUS") and "Vladimir Putin" in meeting.actors


def test_undated_news_story_dates_events_from_a_named_summit() -> None:
    text = (
        "Leaders arrive for summit\n\n"
        "BRISBANE : Russian President Vladimir Putin met with Australian Prime Minister Tony Abbott on "
        "Saturday on the sidelines of the G20 summit in Brisbane, officials said Sunday."
    )
    [meeting] = [e for e in _events(text) if e.type == "meeting"]
    assert meeting.participants == ("AUS", "RUS")
    assert meeting.date is not None and meeting.date.edtf.startswith("2014-11")


def test_every_event_points_to_its_sentence() -> None:
    text = "Chile and Bolivia broke off diplomatic relations in 1978. Trade continued at a low level."
    [processed] = process_bytes("c.txt", text.encode())
    for event in processed.events:
        assert processed.document.text[event.source.start : event.source.end] == event.source.text
        assert event.source.doc == "c.txt" and event.cameo and event.quad_class in (1, 2, 3, 4)


@pytest.mark.parametrize(
    ("lead", "estimate"),
    [
        # van Klaveren was foreign minister from March 2023 to March 2026: Nov 18 fits 2023, 2024 and
        # 2025, and was a Monday only in 2024
        ("signed a fisheries memorandum on Monday", "2024-11-18"),
        ("signed a fisheries memorandum", None),  # three years fit: no guess
    ],
)
def test_a_yearless_dateline_takes_the_year_of_the_office_holders_it_names(
    lead: str, estimate: str | None
) -> None:
    text = (
        "Chile and Peru sign fisheries pact\n\n"
        f"LIMA, Nov 18 (Wire) - Chile and Peru {lead}, Chilean Foreign Minister Alberto van Klaveren said."
    )
    [processed] = process_bytes("wire.txt", text.encode())
    assert processed.document.date_estimate == estimate


def test_wire_story_dated_from_a_summit_later_that_week_and_its_dateline() -> None:
    text = (
        "Kenya and China agree new loans\n\n"
        "BEIJING, Sept 3 (Wire) - Kenyan President William Ruto and Chinese President Xi Jinping "
        "agreed on Tuesday to upgrade relations between their countries, as Beijing prepared to host the "
        "Forum on China-Africa Cooperation summit later this week."
    )
    [processed] = process_bytes("wire.txt", text.encode())
    assert processed.document.date_estimate == "2024-09-03"
    [upgrade] = [e for e in processed.events if e.type == "diplomatic_relations"]
    assert upgrade.participants == ("CHN", "KEN") and upgrade.date is not None
    assert upgrade.date.edtf == "2024-09-03"


def test_an_undated_act_in_a_readout_takes_the_date_of_its_occasion() -> None:
    """A joint statement dated at its head, its acts not dated one by one: they are of that day (a news
    story's would be of the week before it, a backgrounder's ranging over decades stay undated)."""
    text = (
        "Joint Statement on the Visit of the President of Chile to Japan\n\n"
        "Tokyo, 12 May 2023\n\n"
        "Japanese Foreign Minister Kenji Hoshino and Chilean Foreign Minister Rodrigo Aránguiz Pell held a "
        "meeting on the margins of the visit."
    )
    [processed] = process_bytes("statement.txt", text.encode())
    meetings = [e for e in processed.events if e.type == "meeting"]
    assert meetings and all(e.date is not None and e.date.edtf == "2023-05-12" for e in meetings)


def test_a_yearless_dateline_is_placed_by_the_weekday_its_lead_gives() -> None:
    """The latest year the story names is 2020 ("in June 2020"), but Feb 25 was a Thursday in 2021: the
    story is of 2021, and "last June" is June 2020."""
    text = (
        "Chile and Peru renew fisheries pact\n\n"
        "LIMA, Feb 25 (Wire) - Chile and Peru said on Thursday they had renewed their fisheries pact.\n\n"
        "The pact had lapsed in June 2020, when talks between Chile and Peru broke down."
    )
    [processed] = process_bytes("wire.txt", text.encode())
    assert processed.document.date_estimate == "2021-02-25"


def test_a_yearless_dateline_may_be_years_after_the_latest_year_named() -> None:
    """Jan 3 was a Wednesday in 2024, not in 2022 (the only year named) nor 2023."""
    text = (
        "Chile and Peru free prisoners\n\n"
        "LIMA, Jan 3 (Wire) - Chile and Peru exchanged prisoners on Wednesday, the largest swap since "
        "their border dispute flared in February 2022."
    )
    [processed] = process_bytes("wire.txt", text.encode())
    assert processed.document.date_estimate == "2024-01-03"


@pytest.mark.parametrize(
    ("people", "estimate"),
    [
        # March 14 was a Tuesday in 1933, 1939, ... 2017 and 2023; Boric took office in March 2022 (the
        # predecessor the story recalls was in office in none of those years)
        ("President Gabriel Boric, like former president Sebastián Piñera before him,", "2023-03-14"),
        ("The Chilean government", "1929-03-14"),  # no office-holder: many years fit, none past 1929
    ],
)
def test_a_yearless_dateline_after_its_agency_is_of_the_year_its_weekday_and_office_holders_give(
    people: str, estimate: str
) -> None:
    """The story names only 1929, in which March 14 was a Thursday, not the Tuesday its lead gives."""
    text = (
        "Chile expels Peruvian diplomats\n\n"
        "SANTIAGO, Chile (Wire) — March 14 — Chile on Tuesday expelled two Peruvian diplomats over a "
        f"fishing dispute. {people} said the border treaty of 1929 was not in question."
    )
    [processed] = process_bytes("wire.txt", text.encode())
    assert processed.document.date_estimate == estimate


@pytest.mark.parametrize(
    ("title", "estimate"),
    [
        # Medvedev was president from 2008 to 2012 and prime minister from 2012 to 2020; Oct 7 was a
        # Wednesday in 2009 and 2015: the title the story gives him tells which
        ("Russian President", "2009-10-07"),
        ("Russian Prime Minister", "2015-10-07"),
        ("Russia's", None),  # no title: both years fit, no guess
        ("former Russian President", None),  # a former holder says nothing of the story's year
    ],
)
def test_a_yearless_dateline_takes_the_office_its_title_gives_an_office_holder(
    title: str, estimate: str | None
) -> None:
    text = (
        "Russia and Serbia sign gas deal\n\n"
        f"MOSCOW, Oct 7 (Wire) - {title} Dmitry Medvedev said on Wednesday that Russia and Serbia had "
        "signed a gas supply deal."
    )
    [processed] = process_bytes("wire.txt", text.encode())
    assert processed.document.date_estimate == estimate


def test_a_yearless_dateline_is_read_with_the_accents_of_its_place() -> None:
    """ "ASUNCIÓN, April 1": the story names only 2023, in which April 1 was not the Tuesday its lead gives;
    it was in 2025."""
    text = (
        "Paraguay recalls envoy\n\n"
        "ASUNCIÓN, April 1 (Wire) - Paraguay recalled its ambassador from Brazil on Tuesday over a spying "
        "report.\n\nThe report said the operation had begun in March 2023."
    )
    [processed] = process_bytes("wire.txt", text.encode())
    assert processed.document.date_estimate == "2025-04-01"


def test_a_date_in_a_clause_about_a_participant_dates_only_the_clauses_act() -> None:
    # "who arrived on Sunday" dates the arrival, not the talks the main clause tells of (those are of the
    # story's week, as an undated act in news is)
    text = (
        "Boric in Tokyo\n\nTOKYO, March 5, 2024 (Wire) - Chilean President Gabriel Boric, who arrived in "
        "Tokyo on Sunday, held talks with Japanese Prime Minister Fumio Kishida at his residence."
    )
    dates = {e.type: e.date.edtf if e.date else None for e in _events(text)}
    assert dates["visit"] == "2024-03-03"
    assert dates["meeting"] == "2024-02-28/2024-03-05"


@pytest.mark.parametrize(
    ("title", "date"),
    [
        ("Visit of the Foreign Minister of Chile to Japan (March 04-05, 2024)", "2024-03-04/2024-03-05"),
        ("Chile and Japan: relations from 2019 to 2024", None),  # a title's span of years is no occasion
    ],
)
def test_undated_acts_of_a_readout_take_the_days_its_title_gives(title: str, date: str | None) -> None:
    # A ministry's readout published the day after a two-day visit: the acts it tells without a date are
    # of the days its title gives, though it also recalls dates of other years
    text = (
        f"{title}\n\nMarch 06, 2024\n\nThe Foreign Minister of Chile, Alberto van Klaveren, paid an official "
        "visit to Japan on March 04-05, 2024. It followed the visit of the Prime Minister of Japan to Chile "
        "in May 2023.\n\nThe two Ministers signed a memorandum of understanding on fisheries. The last "
        "meeting of the Joint Commission was held in Santiago in August 2019, and a trade agreement was "
        "signed in 2007."
    )
    [processed] = process_bytes("readout.txt", text.encode())
    [memorandum] = [e for e in processed.events if e.type == "agreement" and "fisheries" in e.source.text]
    assert (memorandum.date.edtf if memorandum.date else None) == date


def test_chronology_headings_date_the_acts_below_them() -> None:
    # A timeline whose sections open with a date ("- June 12: tensions -", underlined): the acts told
    # below a heading take its date, and a year-less date takes the year of the chronology's last date.
    text = (
        "Chile and Japan: a chronology\n\n"
        "- 3 April 2019: a first accord -\n================================\n"
        "Chile and Japan signed a memorandum of understanding on fisheries.\n\n"
        "- June 12: tensions -\n=====================\n"
        "Japan imposed tariffs on Chilean salmon.\n"
        "On August 2, Chile expelled two Japanese diplomats.\n"
    )
    assert _summary(_events(text, "timeline.txt")) >= {
        ("agreement", ("CHL", "JPN"), "2019-04-03"),
        ("sanction", ("CHL", "JPN"), "2019-06-12"),
        ("sanction", ("CHL", "JPN"), "2019-08-02"),
    }


def test_a_date_in_a_since_clause_is_not_the_acts() -> None:
    # "since taking office in October" dates the start of his term; the visit is of the story's week (its
    # dateline), while a visit whose own words give the month keeps it.
    text = (
        "Chile minister in Tokyo\n\nTOKYO, March 3, 2023 (Reuters) - Chilean Foreign Minister Alberto van "
        "Klaveren, on his first visit to Japan since taking office in October, met Japanese Foreign Minister "
        "Yoshimasa Hayashi.\n\nVan Klaveren also visited Japan in October, on the way to Seoul."
    )
    visits = sorted(e.date.edtf for e in _events(text) if e.type == "visit" and e.date)
    assert visits == ["2022-10", "2023-02-25/2023-03-03"], visits


def test_acts_in_the_following_days_are_dated_after_the_day() -> None:
    text = (
        "Chile and Japan\n\nChile withdrew from the fisheries accord on 17 July 2023 and seized Japanese "
        "trawlers off Valparaíso in the following days."
    )
    force = [e.date.edtf for e in _events(text, "history.txt") if e.type == "use_of_force" and e.date]
    assert force == ["2023-07-18/2023-07-24"]


@pytest.mark.parametrize(
    ("host", "estimate"),
    [
        # Modi and Bolsonaro were both in office at the 2020 summit (Russia) and the 2021 one (New Delhi):
        # the country the story places the summit in tells which, though it names New Delhi too
        ("in Russia", "2020-11-18"),
        ("in India", "2021-09-10"),
    ],
)
def test_a_summit_is_the_one_held_in_the_country_the_story_names(host: str, estimate: str) -> None:
    text = (
        "India and Brazil agree on ethanol\n\n"
        f"NEW DELHI - Indian Prime Minister Narendra Modi and Brazilian President Jair Bolsonaro agreed on "
        f"ethanol trade at the BRICS summit {host}, officials in New Delhi said."
    )
    [processed] = process_bytes("wire.txt", text.encode())
    assert processed.document.date_estimate == estimate


@pytest.mark.parametrize(
    ("sentence", "estimate"),
    [
        # a year the story looks ahead to does not date the story
        ("The pact will take effect in 2026.", "2021"),
        ("The pact took effect in 2024.", "2024"),
    ],
)
def test_a_year_the_story_looks_ahead_to_is_not_its_date(sentence: str, estimate: str) -> None:
    text = f"Chile and Peru trade\n\nChile and Peru said their trade grew in 2021. {sentence}"
    [processed] = process_bytes("story.txt", text.encode())
    assert processed.document.date_estimate == estimate


@pytest.mark.parametrize(
    ("when", "estimate"),
    [
        # the summit was held 9-10 September 2023: the story is of the two weeks after it
        (" the previous week", "2023-09-11/2023-09-23"),
        ("", "2023-09-10"),  # without it, a story about the summit: the day after it opened
    ],
)
def test_a_summit_the_previous_week_dates_the_story_after_it(when: str, estimate: str) -> None:
    text = (
        "Canada and India row\n\n"
        "OTTAWA - Canadian Prime Minister Justin Trudeau said he had raised the matter with Indian Prime "
        f"Minister Narendra Modi at the G20 summit in New Delhi{when}."
    )
    [processed] = process_bytes("wire.txt", text.encode())
    assert processed.document.date_estimate == estimate


def test_a_yearless_day_in_a_story_dated_to_some_days_is_that_day() -> None:
    """A story dated only to the two weeks after a summit: "on Monday" can be any day of them, but "on
    June 18" is that day of their year, not the two weeks."""
    text = (
        "Canada and India row\n\n"
        "OTTAWA - Canadian Prime Minister Justin Trudeau said on Monday he had raised the matter with Indian "
        "Prime Minister Narendra Modi at the G20 summit in New Delhi the previous week. The Canadian "
        "activist was shot in Surrey on June 18."
    )
    [processed] = process_bytes("wire.txt", text.encode())
    dates = {t.text: t.value.edtf for t in processed.time_expressions}
    assert dates["on June 18"] == "2023-06-18"
    assert dates["on Monday"] == "2023-09-11/2023-09-23"


@pytest.mark.parametrize(
    ("before", "date"),
    [
        # a year in the name of a treaty dates the treaty, not the sentences after it: the act is of the
        # week before the story
        (
            "Peru's foreign minister said the talks on the 1929 Lima Treaty would stay frozen.",
            "2021-02-25/2021-03-03",
        ),
        ("In 1929 Chile and Peru settled their border in Lima.", "1929"),  # a year the story has gone back to
    ],
)
def test_a_year_naming_a_treaty_does_not_carry_to_the_next_sentence(before: str, date: str) -> None:
    text = (
        "Chile and Peru row\n\nLIMA, 3 March 2021 (Wire) - Peru suspended fishing talks with Chile on "
        f"Tuesday.\n\n{before} Chile's ambassador was summoned to the Peruvian foreign ministry."
    )
    summoned = [e for e in _events(text) if "summoned" in e.source.text]
    assert [e.date.edtf if e.date else None for e in summoned] == [date]


def test_a_date_opening_a_chronology_item_dates_its_act() -> None:
    # the parse does not attach the item's date to "signed"; it opens the line, so it dates all of it
    text = (
        "Chile and Peru: a chronology\n\n"
        "Chile and Peru have held talks on their border for decades.\n\n"
        "- 3 June 1999 – The two countries hold talks on their maritime border.\n"
        "- 7 Sept. 2004 – Border peace and tranquillity agreement signed.\n"
    )
    signed = [e for e in _events(text) if e.type == "agreement"]
    assert [e.date.edtf if e.date else None for e in signed] == ["2004-09-07"]


@pytest.mark.parametrize(
    ("title", "date"),
    [
        # a page its layout does not mark as news: its undated acts are of the week up to its date
        ("Chile and Peru: a spying row", "2013-11-13/2013-11-19"),
        # an issuer's own record of the occasion: of its day
        ("Joint Statement on the Relations between Chile and Peru", "2013-11-19"),
    ],
)
def test_undated_acts_of_a_dated_page_are_of_its_day_only_in_an_issuers_record(title: str, date: str) -> None:
    text = (
        f"19 Nov 2013\n\n{title}\n\nChile has recalled its ambassador in Lima to Santiago following reports "
        "that Peru spied on Chilean navy officers."
    )
    [processed] = process_bytes("page.txt", text.encode())
    recalled = [e for e in processed.events if e.type == "diplomatic_relations"]
    assert [e.date.edtf if e.date else None for e in recalled] == [date]


def test_a_planned_act_does_not_stand_for_the_headlines_act() -> None:
    # the headline's rupture is of the week up to the page's date; the body's "has decided to break" is
    # a plan of Saturday, not the same act told again
    text = (
        "23 Feb 2019\n\nChile announces rupture of relations with Peru\n\n"
        '"I have decided to break all diplomatic relations with Peru," the Chilean president announced at a '
        "ceremony in Santiago on Saturday."
    )
    [processed] = process_bytes("page.txt", text.encode())
    ruptures = [e for e in processed.events if e.type == "diplomatic_relations" and e.status == "occurred"]
    assert [e.date.edtf if e.date else None for e in ruptures] == ["2019-02-17/2019-02-23"]


@pytest.mark.parametrize(
    ("later", "kept"),
    [
        # a rejection by the same side in the story's week is another kind of act than Tuesday's protest
        ("Santiago also rejected Lima's offer of joint naval patrols.", ["114", "120"]),
        # the protest told again without its day is that protest, not a second one
        ("Santiago also protested against the arrests.", ["114"]),
    ],
)
def test_an_act_of_another_kind_in_the_storys_week_is_no_restatement(later: str, kept: list[str]) -> None:
    text = (
        "Chile and Peru\n\nPublished: 3 July 2025\n\nSANTIAGO, July 3 - Chile lodged a protest with Peru on "
        "Tuesday over the arrest of two Chilean fishermen off Arica.\n\nThe fishermen were taken to Ilo, "
        f"officials said.\n\n{later}"
    )
    [processed] = process_bytes("story.txt", text.encode())
    disputes = [e for e in processed.events if e.type == "dispute"]
    assert sorted(str(e.cameo) for e in disputes) == kept, disputes


@pytest.mark.parametrize(
    ("later", "estimate"),
    [
        # "last year" beside another edition's city (Johannesburg, 2023) does not place the Kazan summit
        # of October 2024; the dateline gives the day within the summit's week
        ("last met at the BRICS summit in Johannesburg last year", "2024-10-22"),
        # "next week" beside this summit's own city places the story the week before it
        ("will meet again at the BRICS summit in Kazan next week", "2024-10-15"),
    ],
)
def test_a_shift_beside_another_editions_city_does_not_place_the_summit(later: str, estimate: str) -> None:
    day = estimate[-2:]
    text = (
        "Brazil and South Africa sign mining pact\n\n"
        f"KAZAN, Oct {day} (Wire) - Brazil and South Africa signed a mining pact on Tuesday, the first "
        "since the bloc grew in January 2024. Presidents Cyril Ramaphosa and Luiz Inácio Lula da Silva "
        f"{later}."
    )
    [processed] = process_bytes("wire.txt", text.encode())
    assert processed.document.date_estimate == estimate


@pytest.mark.parametrize(
    ("said", "estimate"),
    [
        # Kadhimi was prime minister from 2020 to 2022: July 22 was a Wednesday in 2020 and a Friday in
        # 2022; the lead names both days, and the report was made on the Friday
        ("said on Friday", "2022-07-22"),
        ("said", "2020-07-22"),  # only Wednesday named: the year in which the day was a Wednesday
    ],
)
def test_a_yearless_dateline_is_the_day_its_lead_reports_on(said: str, estimate: str) -> None:
    text = (
        "Turkey protests to Iraq\n\n"
        "ANKARA, July 22 (Wire) - Turkey lodged a protest with Iraq over Wednesday's rocket attack on a "
        f"Turkish base near Mosul, Foreign Minister Mevlüt Çavuşoğlu {said}. He said he had told Iraqi "
        "Prime Minister Mustafa al-Kadhimi that Ankara expected action."
    )
    [processed] = process_bytes("wire.txt", text.encode())
    assert processed.document.date_estimate == estimate


def test_a_chronology_items_date_in_bold_dates_its_act_before_a_nearer_year() -> None:
    text = (
        "Chile and Peru: a chronology\n\n"
        "- **9 May 2016** – The Chilean president travels to Lima and apologises to Peru for the shelling "
        "of Callao in 1880.\n"
    )
    apologies = [e for e in _events(text, "c.md") if e.type == "statement"]
    assert [e.date.edtf if e.date else None for e in apologies] == ["2016-05-09"]


@pytest.mark.parametrize(
    ("tail", "dates"),
    [
        # a time after "since" starts a stretch the act came after: Belgrade's ban, with no date of its
        # own, is the day of the story's other act (one event of the kind and day), never the 1990s
        ("in the worst crisis between the neighbours since the wars of the 1990s", ["2015-09-24"]),
        # the act inside the since-clause keeps its date
        ("the first closure since the two countries restored relations in 1996", ["1996", "2015-09-24"]),
    ],
)
def test_a_time_after_since_is_no_date_of_the_act(tail: str, dates: list[str]) -> None:
    text = (
        "Croatia closes border\n\nBELGRADE - Croatia closed its border to Serbian trucks on 24 September "
        f"2015, hours after Belgrade had banned Croatian goods, {tail}."
    )
    found = sorted(
        e.date.edtf for e in _events(text) if e.date and e.type in ("sanction", "diplomatic_relations")
    )
    assert found == dates


@pytest.mark.parametrize(
    ("first", "date"),
    [
        # a date in a relative clause in the past perfect describes the plan, and does not carry on
        ("the fisheries plan he had proposed in Lima in May this year was taking shape", "2016-12-05"),
        ("he proposed a fisheries plan in Lima in May this year", "2016-05"),  # the story's own time
    ],
)
def test_a_date_of_a_past_perfect_relative_clause_does_not_carry(first: str, date: str) -> None:
    text = (
        "Chile and Peru sign agreements\n\n"
        f"SANTIAGO, 5 December 2016 (Wire) - Chile's president said {first}. Twelve agreements were signed "
        "by Chile and Peru, covering energy and fisheries."
    )
    signed = [e for e in _events(text) if e.type == "agreement" and e.source.text.startswith("Twelve")]
    assert [e.date.edtf if e.date else None for e in signed] == [date]


@pytest.mark.parametrize(
    ("host", "date"),
    [
        # Boluarte has been president since December 2022: the act is not of the March 2011 the sentence
        # before ended on, but of its Monday
        ("Peruvian President Dina Boluarte", "2024-04-22"),
        ("then-President Alan García", "2011-03"),  # a holder named as of then says nothing against it
        ("Peru's trade minister", "2011-03"),  # no head of state or government named
    ],
)
def test_a_date_carried_over_is_none_at_which_a_titled_head_was_out_of_office(host: str, date: str) -> None:
    text = (
        "Boric in Lima\n\nLIMA, 24 April 2024 (Wire) - On Monday Chilean President Gabriel Boric landed in "
        "Lima for his first visit to Peru in years; the last one by a Chilean president dates from March "
        f"2011. He was received at the airport by {host}."
    )
    received = [e for e in _events(text) if e.source.text.startswith("He was received")]
    assert [e.date.edtf if e.date else None for e in received] == [date]


@pytest.mark.parametrize(
    ("sentence", "dates"),
    [
        # the visit is 19 months after the other trip's date: November 2024, while that trip keeps its own
        (
            "Boric's state visit to Lima, which followed the APEC summit, came 19 months after Peruvian "
            "President Dina Boluarte's trip to Santiago in April 2023.",
            ["2023-04", "2024-11"],
        ),
        ("Chile expelled two Peruvian diplomats a week before the vote on 3 May 2023.", ["2023-04-26"]),
        # the span after the date is the date's own
        ("Chile expelled two Peruvian diplomats in May 2023, two years after the election.", ["2023-05"]),
    ],
)
def test_an_act_told_as_so_long_after_a_date_is_moved_from_it(sentence: str, dates: list[str]) -> None:
    found = sorted(e.date.edtf for e in _events(f"Chile and Peru\n\n{sentence}", "paper.txt") if e.date)
    assert found == dates


@pytest.mark.parametrize(
    ("first", "date"),
    [
        # "the 1990s war" names a war: it does not carry; "Later that year" is the year of February 2015
        ("In February 2015 the court rejected the claims the two had filed over the 1990s war.", "2015"),
        ("In February 2015 the court rejected the claims.", "2015"),
        ("In February 2015 the court ruled. The 1990s saw the worst of it.", "199X"),  # the time itself
    ],
)
def test_a_decade_naming_a_war_does_not_carry_and_later_that_year_is_the_year(first: str, date: str) -> None:
    text = f"Chile and Peru\n\nThe row is old. {first} Later that year Chile banned Peruvian goods."
    banned = [e for e in _events(text, "paper.txt") if e.type == "sanction"]
    assert [e.date.edtf if e.date else None for e in banned] == [date]


@pytest.mark.parametrize(
    ("when", "date"),
    [
        ("on Monday ordered", "2023-01-23"),  # the order's own day, not the deadline it sets
        ("ordered", "2023-02-07"),  # the deadline is the only date the sentence gives
    ],
)
def test_a_deadline_yields_to_the_acts_own_date(when: str, date: str) -> None:
    text = (
        "Chile expels envoy\n\nSANTIAGO, 25 January 2023 (Wire) - The news agency reported it. Chile "
        f"{when} Peru's ambassador, Ana Ruiz, to leave the country by 7 February, saying it was downgrading "
        "relations with Lima."
    )
    dated = [e.date.edtf for e in _events(text) if e.date and "7 February" in e.source.text]
    assert dated == [date]


@pytest.mark.parametrize(
    ("title", "date"),
    [
        # an issuer's record of its day: its undated acts are of that day, however many past dates it recalls
        ("Joint Statement by the Presidents of Chile and Peru", "2025-01-07"),
        ("Chile and Peru: fifty years of ties", None),  # a page of many years: no occasion to date them by
    ],
)
def test_an_issuers_statement_recalling_past_dates_still_dates_its_acts(title: str, date: str | None) -> None:
    text = (
        f"# {title}\n\n**Lima, 7 January 2025**\n\n"
        "1. The Presidents recalled the border treaty of 3 June 1929, the fisheries accord of 4 May 1998 "
        "and the trade pact of 2 March 2009, and the ruling of 27 January 2014.\n\n"
        "2. The Presidents witnessed the signing of a Chile–Peru agreement on fisheries.\n"
    )
    [processed] = process_bytes("statement.md", text.encode())
    signed = [e for e in processed.events if e.type == "agreement" and "witnessed" in e.source.text]
    assert [e.date.edtf if e.date else None for e in signed] == [date]


_PRESIDENTS = "Argentine President Javier Milei and Chilean President Gabriel Boric"


@pytest.mark.parametrize(
    ("people", "drafted", "estimate", "dated"),
    [
        # Milei took office in December 2023: the story is of 2024, the first year after 2021 that both
        # presidents served through most of, and "on Tuesday" is a Tuesday of that year
        (_PRESIDENTS, "2021", "2024", "2024"),
        ("Javier Milei and Gabriel Boric", "2021", "2021", None),  # no title: no office to place the story
        (_PRESIDENTS, "2017", "2017", None),  # 2024 is too far after the latest year named
        (_PRESIDENTS, "2024", "2024", None),  # a year the text names may be only its background's
    ],
)
def test_a_story_that_names_only_earlier_years_is_of_the_year_its_titled_office_holders_serve_in(
    people: str, drafted: str, estimate: str, dated: str | None
) -> None:
    text = (
        "Argentina and Chile agree on fishing\n\n"
        f"{people} signed a fishing accord on Tuesday in Santiago.\n\n"
        f"The accord replaces a draft their governments exchanged in {drafted}."
    )
    [processed] = process_bytes("page.txt", text.encode())
    assert processed.document.date_estimate == estimate
    [accord] = [e for e in processed.events if e.type == "agreement"]
    assert accord.participants == ("ARG", "CHL")
    assert (accord.date.edtf if accord.date else None) == dated


@pytest.mark.parametrize(
    ("summit", "estimate"),
    [
        # Biden attended four G20 summits; the one in India was in September 2023, ending on a Sunday
        ("a summit of the Group of 20 major economies in India", "2023-09-10"),
        ("a summit of the Group of 20 major economies that India hosted", None),  # no host read: no guess
        ("a summit of the Group of 20", None),
    ],
)
def test_a_forum_described_by_its_members_is_still_placed_by_its_host_country(
    summit: str, estimate: str | None
) -> None:
    text = (
        "Vietnam and the United States upgrade ties\n\n"
        "The United States and Vietnam agreed on Sunday to upgrade their relations after President Joe "
        f"Biden attended {summit}."
    )
    [processed] = process_bytes("page.txt", text.encode())
    assert processed.document.date_estimate == estimate


def test_office_holders_named_only_below_the_lead_do_not_move_the_story_year() -> None:
    """A titled office-holder further down may be recalled from another time: only the lead's count."""
    filler = (
        "Fishing fleets from the south of both countries have argued for years about quotas for hake and "
        "squid in the waters off Tierra del Fuego, where stocks have fallen sharply. Scientists from "
        "universities on both sides of the Andes had warned that the stocks could collapse without limits "
        "on the catch, and trade groups had asked for a common register of vessels and for inspections at "
        "sea. Small boat owners feared the costs of new equipment, and the ports of the far south worried "
        "that processing plants would close if the catch were cut by more than a third in a single season. "
    )
    text = (
        "Argentina and Chile agree on fishing\n\n"
        "Argentina and Chile signed a fishing accord on Tuesday in Santiago.\n\n"
        f"{filler}\n\n"
        "Argentine President Javier Milei and Chilean President Gabriel Boric praised the accord, which "
        "replaces a draft their governments exchanged in 2021."
    )
    [processed] = process_bytes("page.txt", text.encode())
    assert processed.document.date_estimate == "2021"
    assert all(e.date is None for e in processed.events if e.type == "agreement")


@pytest.mark.parametrize(
    ("when", "invited"),
    [
        (" on Tuesday", "2024"),  # the page tells its news against its own days: its undated acts are of them
        ("", None),  # no act told against the page's days: the year is an estimate, not the acts' date
    ],
)
def test_an_undated_act_takes_the_year_its_office_holders_give_a_page_told_against_its_days(
    when: str, invited: str | None
) -> None:
    text = (
        "Argentina and Chile agree on fishing\n\n"
        f"Argentine President Javier Milei and Chilean President Gabriel Boric signed a fishing accord{when} "
        "in Santiago.\n\nBoric also invited Milei to visit Chile again.\n\n"
        "The accord replaces a draft their governments exchanged in 2021."
    )
    [processed] = process_bytes("page.txt", text.encode())
    [invitation] = [e for e in processed.events if e.type == "statement"]
    assert (invitation.date.edtf if invitation.date else None) == invited


def test_next_year_in_a_story_of_a_leap_year_is_the_year_after() -> None:
    """2024 has a day more than 2025: "next year" is still a year of its own, not the story's."""
    text = (
        "Argentina and Chile agree on fishing\n\n"
        "Argentine President Javier Milei and Chilean President Gabriel Boric signed a fishing accord in "
        "Santiago.\n\nBoric invited Milei to visit Chile next year.\n\n"
        "The accord replaces a draft their governments exchanged in 2021."
    )
    [processed] = process_bytes("page.txt", text.encode())
    assert processed.document.date_estimate == "2024"
    assert [t.value.edtf for t in processed.time_expressions if t.text == "next year"] == ["2025"]


# A meeting whose second side the parser hangs on the first side's name, and a meeting named as the occasion
# of an act that is suspended (round 10, i10agr).
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Lima, 3 May 2021. The row eased after a meeting in Arica between Peru's foreign minister Ana "
            "Gervasi and her Chilean counterpart on 4 April.",
            ("meeting", ("CHL", "PER"), "2021-04-04"),
        ),
        (
            "Lima, 3 May 2021. On Thursday the two governments said they would suspend their port limits, "
            "after a meeting in Tacna between Chile's foreign minister Antonia Urrejola and his Peruvian "
            "counterpart, Ana Gervasi.",
            ("meeting", ("CHL", "PER"), "2021-04-29"),
        ),
    ],
)
def test_a_meeting_named_with_its_sides_names_is_read(
    text: str, expected: tuple[str, tuple[str, ...], str]
) -> None:
    assert expected in _summary(_events(text))


@pytest.mark.parametrize(
    "text",
    [
        # the meeting is what was suspended or cancelled, not the occasion of the act
        "Lima, 3 May 2021. Chile suspended the meeting with Peru on 2 May.",
        "Lima, 3 May 2021. Chile cancelled the talks with Peru after the clashes on 2 May.",
    ],
)
def test_a_meeting_suspended_is_not_read(text: str) -> None:
    meetings = [e for e in _events(text) if e.type == "meeting"]
    assert meetings == [], _summary(meetings)


@pytest.mark.parametrize(
    "text",
    [
        "On 3 May 2019 the Court found that Peru had violated Chile's territory.",
        "On 3 May 2019 the tribunal held that Peru had breached Chilean sovereignty.",
    ],
)
def test_force_a_court_found_is_its_finding_not_an_attack(text: str) -> None:
    """What a court or tribunal found a side had done is its ruling on a case, not force used that day."""
    assert "use_of_force" not in {e.type for e in _events(text)}


@pytest.mark.parametrize(
    "text",
    [
        "On 3 May 2019 Peru violated Chile's airspace.",
        "On 3 May 2019 investigators found that Peruvian troops had violated Chile's territory.",
    ],
)
def test_force_no_court_found_is_still_force(text: str) -> None:
    assert "use_of_force" in {e.type for e in _events(text)}
