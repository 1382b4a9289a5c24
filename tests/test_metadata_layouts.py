"""Metadata on the layouts of pages written by others: an institution's or a blog's name over the title,
date lines with a place or a room, stamps that put the date among other parts, issuers' transcripts."""

from __future__ import annotations

import pytest

from dyad.ingest.dates import parse_date_line, stamp_date
from dyad.ingest.metadata import read_text_metadata

BODY = (
    "Peru and Chile agreed on Tuesday to reopen talks on a lithium partnership, the two foreign ministers "
    "said after meeting in Lima, adding that a first round would be held before the end of the year."
)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Lusaka, May 4, 2022", ("2022-05-04", False)),
        ("VIENNA, 4 March 2024", ("2024-03-04", False)),
        ("12 June 2021, Quito", ("2021-06-12", False)),
        ("12 June 2021, Quito, Ecuador", ("2021-06-12", False)),
        ("Monday, March 3, 2025, 11:30 a.m. Briefing Room, Foreign Ministry", ("2025-03-03", False)),
        ("Published online: 14 January 2022", ("2022-01-14", False)),
        ("Last edited 9 October 2021", ("2021-10-09", True)),
        ("Last revised 9 October 2021", ("2021-10-09", True)),
        ("This page was last edited on 9 October 2021", ("2021-10-09", True)),
        ("Lusaka, 4 May 2022, the minister said", None),
        ("Since 4 May 2022", None),
        ("March 3, 2025, 11:30 a.m. the delegation arrived", None),
        ("Lusaka, 4 May 2022, Quito", None),
    ],
)
def test_date_lines_with_a_place_a_room_or_a_revision_label(line: str, expected: object) -> None:
    assert parse_date_line(line) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Andes Desk | 3 April 2023", ("2023-04-03", False)),
        ("Pacific Desk · Explainers · Updated 7 May 2022", ("2022-05-07", True)),
        ("Trade Desk · compiled by Rosa Quispe · last updated 1 July 2021", ("2021-07-01", True)),
        ("Prepared by the Andean Research Unit. Last revised 8 August 2020.", ("2020-08-08", True)),
        (
            "From Wikiland, the free encyclopaedia. This page was last edited on 2 May 2019.",
            ("2019-05-02", True),
        ),
        ("The talks began in Lima. They ended on 4 May 2022.", None),
        ("Andes Desk | 3 April 2023 | 5 April 2023", None),
        ("A single line on 4 May 2022", None),
    ],
)
def test_stamps_with_the_date_among_other_parts(line: str, expected: object) -> None:
    assert stamp_date(line) == expected


@pytest.mark.parametrize(
    ("text", "title", "published", "authors", "kind"),
    [
        (  # a ministry's transcript: the title above the date stamp with the room
            "Ministry of Foreign Affairs of Chile\n\nPress Conference by the Spokesperson on Lithium\n\n"
            f"Monday, March 3, 2025, 11:30 a.m. Briefing Room, Foreign Ministry\n\nMain points:\n\n{BODY}",
            "Press Conference by the Spokesperson on Lithium",
            "2025-03-03",
            [],
            "other",
        ),
        (  # a presidency's readout: a genre line, the title, the place and date
            "DEPARTMENT OF FOREIGN AFFAIRS, REPUBLIC OF ZAMBIA\nStatement by the Spokesperson\n"
            f"Zambia-Peru Consultations — Outcome\n\nLusaka, May 4, 2022\n\n{BODY}",
            "Zambia-Peru Consultations — Outcome",
            "2022-05-04",
            [],
            "other",
        ),
        (  # a press office: release number, place and date, then the title and numbered paragraphs
            "Federal Press Office of the Republic\nPress release No. 12/24\nVienna, 4 March 2024\n\n"
            f"Joint Statement of Austria and Peru on Trade and Investment\n\n1. {BODY}",
            "Joint Statement of Austria and Peru on Trade and Investment",
            "2024-03-04",
            [],
            "other",
        ),
        (  # a breadcrumb and a "Posted on" stamp with the time after a bar
            "Ministry of Foreign Affairs, Government of Peru\nNewsroom > Briefings\n\n"
            "Transcript of the Weekly Briefing by the Spokesperson (June 3, 2021)\n\n"
            f"Posted on: 03 Jun 2021 | 17:45 PET\n\n{BODY}",
            "Transcript of the Weekly Briefing by the Spokesperson (June 3, 2021)",
            "2021-06-03",
            [],
            "other",
        ),
        (  # a transcript whose date line is followed by the place it was given in, on a line of its own
            "Ministry of External Affairs\nMedia Centre\n\nTranscript of Special Briefing by the Foreign "
            f"Secretary on the Visit\n\nOctober 2, 2024\n\nSantiago\n\n{BODY}",
            "Transcript of Special Briefing by the Foreign Secretary on the Visit",
            "2024-10-02",
            [],
            "other",
        ),
        (  # a blog: its name in capitals, its tagline, the date, the post's title, "Posted by"
            "ANDES LETTERS\nNotes on trade, roads and rivers in Peru\n\nSunday, March 9, 2025\n\n"
            f"Why the Chancay port matters\n\nPosted by Rosa Quispe\n\n{BODY}",
            "Why the Chancay port matters",
            "2025-03-09",
            ["Rosa Quispe"],
            "blog",
        ),
        (  # a blog whose tagline is in lower case (not a wrapped title) and whose byline is "by"
            "Pacific Dispatches\na blog about ports and the people who work in them\n\n"
            "Monday, March 10, 2025\n\n"
            f"A quiet week in Callao\n\nby Jorge Salas\n\n{BODY}\n\n2 comments:",
            "A quiet week in Callao",
            "2025-03-10",
            ["Jorge Salas"],
            "blog",
        ),
        (  # a think tank's name and series over the title and the author line
            "ANDEAN POLICY INSTITUTE | Country Note No. 7\n\nPeru and Chile: partners under strain\n\n"
            f"Rosa Quispe\n12 May 2024\n\n{BODY}",
            "Peru and Chile: partners under strain",
            "2024-05-12",
            ["Rosa Quispe"],
            None,
        ),
    ],
)
def test_title_under_an_institution_or_a_blog_name(
    text: str, title: str, published: str, authors: list[str], kind: str | None
) -> None:
    meta = read_text_metadata(text)
    assert (meta.title, meta.published, meta.authors) == (title, published, authors)
    if kind is not None:
        assert meta.kind == kind


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (  # a section label, a headline, its standfirst, the stamp and the byline: the headline stays
            "WORLD | AMERICAS\n\nPeru and Chile reopen their lithium talks\n\n"
            "The accord covers exploration permits and a joint refinery\n\n3 March 2025\n\n"
            f"By Ana Ruiz\n\n{BODY}",
            "Peru and Chile reopen their lithium talks",
        ),
        (  # a headline in Title Case with a standfirst and a byline
            "Peru And Chile Reopen Lithium Talks\n\nThe accord covers exploration permits and a refinery\n\n"
            f"By Ana Ruiz\n\n{BODY}",
            "Peru And Chile Reopen Lithium Talks",
        ),
        (  # an encyclopaedia page: its title, where it comes from, when it was edited
            "Chile–Peru relations\n\nFrom the Open Encyclopaedia of Diplomacy\n"
            f"Last edited 2 November 2023\n\n{BODY}",
            "Chile–Peru relations",
        ),
        (  # a chronology in capitals over a compiler's line
            "CHILE-PERU RELATIONS: A CHRONOLOGY 1990-2020\n"
            f"Prepared by the Andean Research Unit. Last revised 8 August 2020.\n\n1990 - {BODY}",
            "Chile-Peru Relations: A Chronology 1990-2020",
        ),
    ],
)
def test_a_headline_is_not_taken_for_a_site_name(text: str, title: str) -> None:
    assert read_text_metadata(text).title == title


@pytest.mark.parametrize(
    ("text", "published"),
    [
        (
            f"Chile–Peru relations\n\nFrom the Encyclopaedia of Diplomacy\nLast edited 2 May 2023\n\n{BODY}",
            "2023-05-02",
        ),
        (
            f"Chile and Peru: a timeline\n\nAndes Desk · Backgrounders · Updated 7 May 2022\n\n{BODY}",
            "2022-05-07",
        ),
        (f"TIMELINE: Chile and Peru since 1990\n\nAndes Desk | 3 April 2023\n\n{BODY}", "2023-04-03"),
        (f"Chile and Peru\n\nAndes Desk | 3 April 2023 | 5 April 2023\n\n{BODY}", None),
    ],
)
def test_published_from_stamps_under_the_title(text: str, published: str | None) -> None:
    assert read_text_metadata(text).published == published


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("Transcript of the briefing by the Foreign Ministry Spokesperson", "other"),
        ("Press Conference by the Press Secretary", "other"),
        ("Readout of the call between the two foreign ministers", "other"),
        ("Joint Statement on the outcome of the consultations", "other"),
        ("Peru and Chile reopen lithium talks", "news"),
    ],
)
def test_an_issuers_transcript_or_statement_is_not_news(title: str, kind: str) -> None:
    text = (
        f"{title}\n\nLIMA, March 3 (Andes Wire) - The spokesperson told reporters on Monday that the talks "
        "would resume, according to a statement.\n\nMore details were given in a statement."
    )
    assert read_text_metadata(text).kind == kind


def test_a_word_hyphenated_across_title_lines_is_joined() -> None:
    text = (
        "The 2019 Chile-Peru Fisheries Agree-\nment and the Limits of Quiet Diplomacy\n\n"
        f"Rosa Quispe and Jorge Salas\n\n{BODY}"
    )
    meta = read_text_metadata(text)
    assert meta.title == "The 2019 Chile-Peru Fisheries Agreement and the Limits of Quiet Diplomacy"
    assert meta.authors == ["Rosa Quispe", "Jorge Salas"]


def test_authors_each_on_a_line_with_an_affiliation_in_brackets() -> None:
    text = (
        "Copper and quiet diplomacy: Chile and Peru\nafter the 2014 maritime ruling\n\n"
        "Rosa Quispe (University of Lima)\nJorge Salas (Andean Institute of Trade)\n\n"
        f"Abstract. {BODY}"
    )
    assert read_text_metadata(text).authors == ["Rosa Quispe", "Jorge Salas"]


@pytest.mark.parametrize(
    ("credit", "authors"),
    [
        (
            "(Reporting by Rosa Quispe in Lima and Jorge Salas in Santiago; Editing by Ana Ruiz)",
            ["Rosa Quispe", "Jorge Salas"],
        ),
        (
            "(Reporting by Rosa Quispe and Jorge Salas in Lima and Marta Villanueva Torres in Santiago "
            "de Chile; Editing by Ana Ruiz)",
            ["Rosa Quispe", "Jorge Salas", "Marta Villanueva Torres"],
        ),
    ],
)
def test_credit_lines_name_every_reporter_without_their_places(credit: str, authors: list[str]) -> None:
    text = f"Chile and Peru reopen lithium talks\n\nLIMA, March 3 (Andes Wire) - {BODY}\n\n{credit}"
    assert read_text_metadata(text).authors == authors


def test_a_compilers_stamp_names_the_compiler_without_making_news() -> None:
    text = (
        "Chile and Peru: copper, fish and the sea border — a timeline\n\n"
        "Andes Affairs Desk · compiled by Rosa Quispe · last updated 4 May 2022\n\n"
        "Relations between Lima and Santiago have moved on two tracks since 2014.\n\n"
        "- **27 January 2014** – The International Court of Justice draws the maritime boundary."
    )
    meta = read_text_metadata(text, markdown=True)
    assert (meta.authors, meta.published, meta.kind) == (["Rosa Quispe"], "2022-05-04", "other")


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("TIMELINE: Chile and Peru since the 2014 ruling", "news"),
        ("FACTBOX-What Chile and Peru trade", "news"),
        ("Timeline: Chile and Peru since the 2014 ruling", "other"),
    ],
)
def test_a_wire_slug_before_the_headline_makes_news(title: str, kind: str) -> None:
    text = f"{title}\n\nAndes Desk | 3 April 2023\n\n1990 – 12 May: Chile and Peru sign a fisheries accord."
    assert read_text_metadata(text).kind == kind


def test_a_wrapped_title_under_an_institutes_name() -> None:
    text = (
        "ANDEAN POLICY INSTITUTE | Working Paper No. 3\n\nCopper, fish and the sea border: Chile and Peru\n"
        f"after the 2014 ruling of the Court\n\nRosa Quispe and Jorge Salas\n\n{BODY}"
    )
    meta = read_text_metadata(text)
    assert meta.title == "Copper, fish and the sea border: Chile and Peru after the 2014 ruling of the Court"
    assert meta.authors == ["Rosa Quispe", "Jorge Salas"]


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("The Chile-Peru Fisheries Agree- ment of 2019", "The Chile-Peru Fisheries Agreement of 2019"),
        ("Pre- and post-war trade between Chile and Peru", "Pre- and post-war trade between Chile and Peru"),
    ],
)
def test_a_hyphen_left_by_joined_lines_is_closed_but_not_a_suspended_one(title: str, expected: str) -> None:
    assert read_text_metadata(f"{title}\n\nRosa Quispe and Jorge Salas\n\n{BODY}").title == expected


def test_a_spokespersons_regular_press_conference_is_not_news() -> None:
    text = (
        "Foreign Ministry Spokesperson Ana Ruiz's Regular Press Conference on May 5, 2023\n\n"
        "LIMA, May 5 (Andes Wire) - The spokesperson told reporters that talks would resume, according to "
        "a statement.\n\nMore details were given in a statement."
    )
    assert read_text_metadata(text).kind == "other"


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("Issued on 3 June 2024", "2024-06-03"),
        ("Release date: 3 June 2024", "2024-06-03"),
        ("Publication date: 3 June 2024", "2024-06-03"),
        ("Issued by the Ministry on 3 June 2024", None),
    ],
)
def test_issue_and_release_labels(line: str, date: str | None) -> None:
    found = parse_date_line(line)
    assert (found[0] if found else None) == date


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("Author: Rosa Quispe", ["Rosa Quispe"]),
        ("Authors: Rosa Quispe and Jorge Salas", ["Rosa Quispe", "Jorge Salas"]),
        ("Authors: the editorial board", []),
    ],
)
def test_an_author_label_names_the_authors_and_is_no_news_byline(line: str, authors: list[str]) -> None:
    meta = read_text_metadata(f"Chile and Peru after the sea ruling\n\n{line}\n\n{BODY}")
    assert meta.authors == authors
    assert meta.kind != "news"
