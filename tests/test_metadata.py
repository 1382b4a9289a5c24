"""Plain-text metadata rules: date headers, titles, bylines, publishers, kinds; and the seed gold."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from dyad.ingest import read_document
from dyad.ingest.agencies import media_name
from dyad.ingest.bylines import parse_byline, parse_end_byline, parse_names
from dyad.ingest.dates import (
    dateline_agency,
    dateline_date,
    dateline_month_day,
    has_time_of_day,
    parse_date_line,
)
from dyad.ingest.header import is_page_chrome, is_section_label, read_header
from dyad.ingest.metadata import read_text_metadata, to_title_case

BODY = (
    "Russia and Peru signed an agreement on military-technical cooperation, officials in both capitals "
    "said, adding that talks on trade would continue next year."
)


@pytest.mark.parametrize(
    ("text", "published"),
    [
        (f"Wednesday, September 11, 2024\n\nRussia and Peru\n\n{BODY}", "2024-09-11"),
        (f"Peru, Russia sign deal\n\n11 September 2024\n\n{BODY}", "2024-09-11"),
        (f"Peru, Russia sign deal\n2024-09-11\n\n{BODY}", "2024-09-11"),
        (f"Peru, Russia sign deal\nSept. 11, 2024 8:00 AM ET\n\n{BODY}", "2024-09-11"),
        (f"Peru, Russia sign deal\nPublished: 3 March 2023 | Updated: 4 March 2023\n\n{BODY}", "2023-03-03"),
        (f"Peru, Russia sign deal\nUpdated 4 March 2023, 10:15 GMT\n\n{BODY}", "2023-03-04"),
        (f"Peru, Russia sign deal\nPosted on March 3, 2023\n\n{BODY}", "2023-03-03"),
        (f"Lunes, 9 de setiembre de 2024\n\nPerú y Rusia firman acuerdo\n\n{BODY}", "2024-09-09"),
        (f"Perú y Rusia firman acuerdo\nPublicado el 11 de marzo de 2015\n\n{BODY}", "2015-03-11"),
        (f"Россия и Перу подписали соглашение\n11 сентября 2024 г.\n\n{BODY}", "2024-09-11"),
        (f"mercredi 11 septembre 2024\n\nLe Pérou et la Russie\n\n{BODY}", "2024-09-11"),
        (f"Peru, Russia sign deal\nSeptember 2024\n\n{BODY}", "2024-09"),
        (f"Peru, Russia sign deal\n09/11/2024\n\n{BODY}", "2024"),
        (f"Peru, Russia sign deal\n\n{BODY}\n\nPosted on 3 March 2023", "2023-03-03"),
        (f"Peru, Russia sign deal\n\nLIMA, Nov 24, 2008 (Reuters) - {BODY}", "2008-11-24"),
        (f"Peru, Russia sign deal\n\nLIMA, Nov 24 (Reuters) - {BODY}", None),
        (f"Peru, Russia sign deal\n\nIn 2004, {BODY}", None),
        (f"Peru, Russia sign deal\n\n{BODY} The deal was signed on 3 March 2023.", None),
    ],
)
def test_published_from_header_lines(text: str, published: str | None) -> None:
    meta = read_text_metadata(text)
    assert meta.published == published
    assert meta.published_basis == ("explicit" if published else None)


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "THE RELATIONS BETWEEN PERU AND \nTHE RUSSIAN FEDERATION: \nREVISION AND INTERPRETATION  \n"
            f"FROM AN INTERNATIONAL \nRELATIONS PERSPECTIVE\n\n{BODY}",
            "The Relations between Peru and the Russian Federation: Revision and Interpretation from an "
            "International Relations Perspective",
        ),
        (
            " RUSSIA AND THE ANDEAN \nCOMMUNITY: THE ARMS \nTRADE IN THE 21ST CENTURY \n\n"
            f"Ana GARCÍA\n\n{BODY}",
            "Russia and the Andean Community: The Arms Trade in the 21st Century",
        ),
        (
            f"LA COOPERACIÓN MILITAR ENTRE EL PERÚ Y RUSIA\n\n{BODY}",
            "La Cooperación Militar entre el Perú y Rusia",
        ),
        (f"Saturday, 2 March 2019\n\nFifty years of friendship\n\n{BODY}", "Fifty years of friendship"),
        (
            f"Russia and Peru: fifty years of\ndiplomatic relations\n\n{BODY}",
            "Russia and Peru: fifty years of diplomatic relations",
        ),
        (f"Russia in the Andes\nJohn SMITH and Ana GARCÍA\n\n{BODY}", "Russia in the Andes"),
        (f"Why is Moscow courting Lima?\n\n{BODY}", "Why is Moscow courting Lima?"),
        (
            f"Decree No. 1234 approves arms deal with Russia\n\n{BODY}",
            "Decree No. 1234 approves arms deal with Russia",
        ),
        (
            f"Revista Andina, Vol. 5, No. 2 (2019), pp. 1-20\n\nSOVIET ARMS IN PERU\n\n{BODY}",
            "Soviet Arms in Peru",
        ),
        (
            f"Home | World | Politics | Contact\nSkip to content\n\nPeru and Russia sign pact\n\n{BODY}",
            "Peru and Russia sign pact",
        ),
        (f"{BODY}\n\nA second paragraph follows.", None),
        ("https://example.org/news/peru-russia\n\nPeru and Russia", "Peru and Russia"),
        (f"Peru and Russia. {BODY}\n\nMore text.", None),
    ],
)
def test_title_rules(text: str, title: str | None) -> None:
    assert read_text_metadata(text).title == title


def test_markdown_title_and_front_matter() -> None:
    plain = read_text_metadata(f"# Peru and Russia in 2024\n\n{BODY}", markdown=True)
    assert plain.title == "Peru and Russia in 2024"
    front = read_text_metadata(
        f'---\ntitle: "Moscow looks south"\nauthor: Ana Ruiz\ndate: 2021-06-30\n---\n\n# Other\n\n{BODY}',
        markdown=True,
    )
    assert (front.title, front.authors, front.published) == ("Moscow looks south", ["Ana Ruiz"], "2021-06-30")


@pytest.mark.parametrize(
    ("text", "authors", "publisher"),
    [
        (f"Peru buys Russian helicopters\nBy Marco Aquino\n\n{BODY}", ["Marco Aquino"], None),
        (
            f"Peru buys Russian helicopters\n\nby Jane Doe and John Roe\n\n{BODY}",
            ["Jane Doe", "John Roe"],
            None,
        ),
        (f"Peru buys Russian helicopters\nBY JANE DOE | March 3, 2023\n\n{BODY}", ["Jane Doe"], None),
        (
            f"Peru buys Russian helicopters\n\n{BODY}\n\nAndes Post | by Carla Ruiz",
            ["Carla Ruiz"],
            "Andes Post",
        ),
        (
            f"Russia in the Andes\n\nSebastien ADINS and Mildred ROONEY\n\n{BODY}",
            ["Sebastien Adins", "Mildred Rooney"],
            None,
        ),
        (
            f"Russia in the Andes\nVladimir Rouvinski¹, Ana María García²*\n\n{BODY}",
            ["Vladimir Rouvinski", "Ana María García"],
            None,
        ),
        (f"Russia in the Andes\nS. Adins\nUniversidad del Pacífico\n\n{BODY}", ["S. Adins"], None),
        (
            f"Perú compra helicópteros rusos\nPor Juan Pérez y María López\n\n{BODY}",
            ["Juan Pérez", "María López"],
            None,
        ),
        (
            f"Peru buys helicopters\n\n{BODY}\n\nReporting by Marco Aquino; Editing by Leslie Adler",
            ["Marco Aquino"],
            None,
        ),
        (
            f"Fifty years of friendship\n\n{BODY}\n\nPosted by Carlos Mendoza at 10:15 AM",
            ["Carlos Mendoza"],
            None,
        ),
        (
            f"Peru buys helicopters\n\n{BODY}\n\n(Reporting by Marco Aquino and Teresa Cespedes; Writing by "
            "Ana Ruiz; Editing by Leslie Adler)",
            ["Marco Aquino", "Teresa Cespedes", "Ana Ruiz"],
            None,
        ),
        (
            f"Peru buys helicopters\n\n{BODY}\n\nThe report, written by Juan Pérez and Ana Ruiz, is long.",
            [],
            None,
        ),
        (f"Russia in the Andes\nBilateral Trade\n\n{BODY}", [], None),
        (f"Peru buys helicopters\n\nBy contrast, Peter Smith argued that {BODY}", [], None),
        (f"Peru buys helicopters\n\nBy 2020, Peru and Russia had signed 12 agreements.\n\n{BODY}", [], None),
        (f"Peru buys helicopters\n\nBy Reuters Staff\n\n{BODY}", [], None),
    ],
)
def test_bylines(text: str, authors: list[str], publisher: str | None) -> None:
    meta = read_text_metadata(text)
    assert meta.authors == authors
    assert meta.publisher == publisher


@pytest.mark.parametrize(
    ("line", "publisher"),
    [
        ("Support The Lima Post", "The Lima Post"),
        ("Subscribe to Andina Weekly", "Andina Weekly"),
        ("© 2015 Latin Post. All rights reserved.", "Latin Post"),
        ("Copyright © 2019 Peru Reports", "Peru Reports"),
        ("Subscribe to our newsletter", None),
        ("Support independent journalism", None),
        ("Support us", None),
    ],
)
def test_publisher_lines(line: str, publisher: str | None) -> None:
    assert read_text_metadata(f"Peru buys helicopters\n\n{BODY}\n\n{line}\n\n{BODY}").publisher == publisher


REUTERS = (
    "Russia, Peru sign arms maintenance deal\n\nMOSCOW, March 3 (Reuters) - Russia and Peru signed a deal "
    "on Tuesday to service Peru's Soviet-built helicopters, the Kremlin said in a statement.\n\n"
    f"{BODY}\n\nReporting by Marco Aquino; Editing by Leslie Adler"
)
BLOGGER = (
    "Monday, March 4, 2019\n\nFifty years of friendship\n\nToday I want to write about the fifty years of "
    "relations between my country and Russia, which I have followed since I was a student.\n\n"
    f"{BODY}\n\nPosted by Carlos Mendoza at 10:15 AM\n\n3 comments:\n\nLabels: Peru, Russia"
)
WORDPRESS = f"Notes from Lima\n\n{BODY}\n\n{BODY}\n\nShare this:\n\nLike this:\n\nLeave a Reply"
PAPER = (
    "RUSSIA AND THE ANDEAN COMMUNITY:\nA REAPPRAISAL\n\nAna GARCÍA and Luis PAZ\n\nAbstract\n\n"
    f"{BODY}\n\nKeywords: Russia, Peru, arms trade\n\nIntroduction\n\nThe relationship has been stud-\n"
    "ied by several authors (Adins, 2021) and others (Rouvinski 2019: 12).1 Most of them fo-\ncus on the "
    "arms trade, which es-\ntablished the pattern.2\n\nReferences\n\nAdins, S. (2021). Peru and Russia."
)
PDF_TEXT = (
    "Peru and the Soviet Union\n\nThe military government turned to Moscow for weap-\nons in 1973, a "
    "decision that shaped the es-\ntablishment of the armed forces for dec-\nades, as Masterson notes.12 "
    f"The fishing agreement followed.13\n\n{BODY}.14"
)
SPACED_COLON = (
    "Russia and Colombia sign accords\n\n\nBogota : Russia has concluded a series of agreements with "
    f"Colombia on trade and energy, Xinhua reported Monday.\n\nSupport Andes Wire\n\n{BODY}"
)
INDIAN_DATELINE = (
    "India, Russia ink defence pact\n\nNEW DELHI: India and Russia on Monday signed an agreement to "
    f"jointly produce helicopters, officials said.\n\n{BODY}"
)
OUTLET_BYLINE = f"Putin courts Latin America\n\n{BODY}\n\n{BODY}\n\nLatin Post | by Ana Ruiz"
ENCYCLOPEDIA = (
    "Notes on Peru\n\nPeru is a country in western South America. It is bordered by Ecuador and Colombia "
    "to the north and by Brazil to the east.\n\nIts capital is Lima."
)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (REUTERS, "news"),
        (BLOGGER, "blog"),
        (WORDPRESS, "blog"),
        (PAPER, "paper"),
        (PDF_TEXT, "paper"),
        (SPACED_COLON, "news"),
        (INDIAN_DATELINE, "news"),
        (OUTLET_BYLINE, "news"),
        (ENCYCLOPEDIA, "other"),
    ],
)
def test_kind_rules(text: str, kind: str) -> None:
    assert read_text_metadata(text).kind == kind


def test_rules_together_on_invented_documents() -> None:
    reuters = read_text_metadata(REUTERS)
    assert (reuters.title, reuters.authors, reuters.published) == (
        "Russia, Peru sign arms maintenance deal",
        ["Marco Aquino"],
        None,
    )
    blogger = read_text_metadata(BLOGGER)
    assert (blogger.title, blogger.authors, blogger.published) == (
        "Fifty years of friendship",
        ["Carlos Mendoza"],
        "2019-03-04",
    )
    paper = read_text_metadata(PAPER)
    assert (paper.title, paper.authors) == (
        "Russia and the Andean Community: A Reappraisal",
        ["Ana García", "Luis Paz"],
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("THE WAR OF THE PACIFIC AND RUSSIA", "The War of the Pacific and Russia"),
        ("PERU-RUSSIA RELATIONS IN THE XXI CENTURY", "Peru-Russia Relations in the XXI Century"),
        ("SOVIET ARMS FOR PERU: AN OVERVIEW, 1968–1980", "Soviet Arms for Peru: An Overview, 1968–1980"),
        ("“A SECOND CHAPTER”: MEDVEDEV IN LIMA", "“A Second Chapter”: Medvedev in Lima"),
    ],
)
def test_title_case(text: str, expected: str) -> None:
    assert to_title_case(text) == expected


KENYA = (
    "Kenya and China sign rail financing deal after months of talks, officials in Nairobi said, adding that "
    "the first disbursement would follow in the spring."
)


@pytest.mark.parametrize(
    ("text", "title"),
    [
        # a cookie notice, a section label joined by a separator, then the headline
        (
            "This website uses cookies to improve your experience. Accept all | Reject | Preferences\n\n"
            f"NEWS › AFRICA\n\nKenya turns to Beijing for its railway\n\n{KENYA}",
            "Kenya turns to Beijing for its railway",
        ),
        # the site's name over its menu, a one-word section label
        (
            "Skip navigation\nInstitute for Baltic Affairs\nHome | Publications | Experts | Contact\n\n"
            "Analysis\n\n"
            f"Poland and Lithuania: a corridor worth defending\n\n{KENYA}",
            "Poland and Lithuania: a corridor worth defending",
        ),
        # a short ALL-CAPS kicker over a mixed-case headline
        (
            f"MIDDLE EAST\n\nMorocco and Spain reopen their land borders\n\n{KENYA}",
            "Morocco and Spain reopen their land borders",
        ),
        (
            f"Opinión\n\nChile y Bolivia, un mar de desconfianza\n\n{KENYA}",
            "Chile y Bolivia, un mar de desconfianza",
        ),
        # not a label: a short title followed by the body, an ALL-CAPS title followed by its authors
        (f"Kenya and China\n\n{KENYA}", "Kenya and China"),
        (f"RAILWAYS IN AFRICA\n\nWanjiru KAMAU and Li WEI\n\n{KENYA}", "Railways in Africa"),
        # a title whose last wrapped line is only a span of years
        (
            f"THE BALTIC STATES AND POLAND: ALLIANCE POLITICS,\n1919–1939\n\nJan KOWALSKI\n\n{KENYA}",
            "The Baltic States and Poland: Alliance Politics, 1919–1939",
        ),
        (
            f"Chile and Bolivia after the War of the Pacific,\n1884–1904\n\n{KENYA}",
            "Chile and Bolivia after the War of the Pacific, 1884–1904",
        ),
        # a stamp line with separators above the headline
        (
            f"Africa | 3 March 2021 | 4 min read\n\nGhana and Togo reopen border\n\n{KENYA}",
            "Ghana and Togo reopen border",
        ),
        # a blog's name, "Posted by …", then the post's own title and body
        (
            "Borneo Notebook\nPosted by Siti R. | 14 August 2022 | 5 Comments\n\n"
            f"Indonesia and Malaysia share more than a border\n\n{KENYA}",
            "Indonesia and Malaysia share more than a border",
        ),
        # "Posted by" under the post title: the title stays
        (f"Indonesia and Malaysia share more than a border\nPosted by Siti Rahman\n\n{KENYA}", None),
    ],
)
def test_title_after_page_chrome_and_labels(text: str, title: str | None) -> None:
    expected = title or text.split("\n")[0]
    assert read_text_metadata(text).title == expected


@pytest.mark.parametrize(
    ("lines", "start", "masthead"),
    [
        (
            ["Skip to main content", "Home | News | Sport | Business", "Ghana and Nigeria end trade row"],
            2,
            None,
        ),
        (
            ["Andean Monitor", "Home | Politics | Economy | Contact", "Bolivia courts Moscow"],
            2,
            "Andean Monitor",
        ),
        (["Posted by Mai L. | 3 May 2021 | 1 Comment", "Hanoi and Phnom Penh talk water"], 0, None),
        (
            ["We use cookies to analyse traffic. Cookie settings", "Canada and Denmark settle Hans Island"],
            1,
            None,
        ),
        (["Canada and Denmark settle Hans Island", "Home | World | Business"], 0, None),
    ],
)
def test_read_header(lines: list[str], start: int, masthead: str | None) -> None:
    header = read_header(lines)
    assert (header.start, header.masthead) == (start, masthead)


@pytest.mark.parametrize(
    ("line", "following", "label"),
    [
        ("WORLD | ASIA-PACIFIC", "Australia and Indonesia sign defence pact", True),
        ("Politics / Diplomacy", "Warsaw and Kyiv mend a grain quarrel", True),
        ("Kommentar", "Deutschland und Polen: Nachbarn mit Geschichte", True),
        ("EUROPE", "Baltic tensions", False),  # too short to be the headline under a label
        ("Kenya and China", "Railway deal signed in Nairobi today", False),
        ("Why now?", "Kenya and China sign a railway deal", False),
        ("ANALYSIS", "Wanjiru Kamau and Li Wei", False),  # names under a heading, not a headline
    ],
)
def test_section_labels(line: str, following: str, label: bool) -> None:
    assert is_section_label(line, following) is label


@pytest.mark.parametrize(
    ("line", "chrome"),
    [
        (
            "We use cookies to give you a better experience. By using this site you agree. OK | More info",
            True,
        ),
        ("Utilizamos cookies propias y de terceros. Aceptar | Configurar", True),
        ("Revista de Estudios Andinos, Vol. 12, No. 1 (2020), pp. 33-58", True),
        ("Home | Politics | Business | Sport", True),
        ("Cookie diplomacy: how biscuits opened doors in Hanoi", False),
        ("Kenya and China sign railway deal", False),
    ],
)
def test_page_chrome(line: str, chrome: bool) -> None:
    assert is_page_chrome(line) is chrome


@pytest.mark.parametrize(
    ("line", "authors", "located"),
    [
        ("By Dr. Agnieszka Nowak, Senior Fellow, Eastern Europe Programme", ["Agnieszka Nowak"], False),
        ("By Prof. Joseph Mensah and Dr. Ama Owusu", ["Joseph Mensah", "Ama Owusu"], False),
        ("By Chinedu Okafor, Lagos", ["Chinedu Okafor"], False),
        ("By Chinedu Okafor in Lagos", ["Chinedu Okafor"], True),
        ("By Ana Paula Ribeiro, from Luanda", ["Ana Paula Ribeiro"], True),
        ("Por Valentina Rojas en Santiago", ["Valentina Rojas"], True),
        ("By KWAME ASANTE-DARKO, Associated Press", ["Kwame Asante-Darko"], False),
        (
            "By JULIE R. TREMBLAY and SØREN HOLM, Associated Press Writers",
            ["Julie R. Tremblay", "Søren Holm"],
            False,
        ),
        ("By Budi Santoso, Jakarta bureau", ["Budi Santoso"], False),
        ("By Maya Levin, staff writer", ["Maya Levin"], False),
        ("By Tomás Ruiz, Inés Vidal and Pablo Gómez", ["Tomás Ruiz", "Inés Vidal", "Pablo Gómez"], False),
        ("Posted by Siti R. | 14 August 2022 | 5 Comments", ["Siti R."], False),
        ("Posted by Nguyen V. at 9:12 PM", ["Nguyen V."], False),
        ("By Royal Decree, the government may dissolve parliament", [], False),
        ("By then, Ghana and Togo had closed the border", [], False),
        ("By S.", [], False),
    ],
)
def test_byline_names_and_tags(line: str, authors: list[str], located: bool) -> None:
    found = parse_byline(line)
    assert (found.authors if found else []) == authors
    assert (found.located if found else False) is located


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("— Lars Eriksen", ["Lars Eriksen"]),
        ("-- Amina Diallo, Dakar", ["Amina Diallo"]),
        (
            "Joanna Kowalczyk is a senior fellow at the Warsaw Institute of International Affairs.",
            ["Joanna Kowalczyk"],
        ),
        ("Dr. Ravi Menon is an associate professor of history at a university in Kochi.", ["Ravi Menon"]),
        ("Vladimir Putin is a former intelligence officer who rose quickly.", []),
        ("The author is a researcher at the Baltic Institute.", []),
    ],
)
def test_end_bylines(line: str, authors: list[str]) -> None:
    found = parse_end_byline(line)
    assert (found.authors if found else []) == authors


@pytest.mark.parametrize(
    ("text", "authors"),
    [
        (f"Kenya and China sign deal\n\n{KENYA}\n\n{KENYA}\n\n— Wanjiru Kamau", ["Wanjiru Kamau"]),
        (
            f"Poland and Lithuania\n\n{KENYA}\n\n{KENYA}\n\nJoanna Kowalczyk is a senior fellow at the "
            "Warsaw Institute of International Affairs.",
            ["Joanna Kowalczyk"],
        ),
        (
            f"Kenya, China sign rail deal\n\n{KENYA}\n\n(Reporting by Duncan Miriri in Nairobi; Additional "
            "reporting by Liz Lee in Beijing; Editing by Alex Richardson)",
            ["Duncan Miriri"],
        ),
        (f"Poland and Lithuania\n\n{KENYA}\n\nLech Walesa is a former president of Poland.", []),
    ],
)
def test_bylines_at_the_end(text: str, authors: list[str]) -> None:
    assert read_text_metadata(text).authors == authors


@pytest.mark.parametrize(
    ("text", "strict", "names"),
    [
        ("Jan KOWALSKI and Anna NOWAK", True, ["Jan Kowalski", "Anna Nowak"]),
        (
            "Jan Kowalski, Anna Nowak, Piotr Wiśniewski",
            True,
            ["Jan Kowalski", "Anna Nowak", "Piotr Wiśniewski"],
        ),
        ("Jan Kowalski, Associate Fellow", True, []),
        ("Prof. Dr. Hans Müller", True, ["Hans Müller"]),
        ("Emeka Obi, PhD", False, ["Emeka Obi"]),
        ("Siti R.", False, ["Siti R."]),
        ("Siti R.", True, []),  # a name line under a paper's title needs a full surname
    ],
)
def test_parse_names(text: str, strict: bool, names: list[str]) -> None:
    assert parse_names(text, strict=strict) == names


@pytest.mark.parametrize(
    ("text", "published"),
    [
        # a date line followed by an update stamp, a UTC offset with minutes
        (
            f"Kenya, China sign rail deal\n\n14 March 2019 6:05 AM GMT+3 Updated 5 years ago\n\n{KENYA}",
            "2019-03-14",
        ),
        (f"India, Nepal open rail link\nApril 2, 2022 10:30 AM GMT+5:45\n\n{KENYA}", "2022-04-02"),
        # a wire dateline without its year: the year from a header line or the copyright line
        (
            f"Kenya, China sign rail deal\n\nNAIROBI, March 14 (Reuters) - {KENYA}\n\n{KENYA}\n\n"
            "© 2019 Thomson Reuters. All rights reserved.",
            "2019-03-14",
        ),
        (
            "World | 2 April 2022 | 3 min read\n\nNepal, India open rail link\n\n"
            f"KATHMANDU, Apr 2 (AFP) - {KENYA}",
            "2022-04-02",
        ),
        (f"Kenya, China sign rail deal\n\nNAIROBI, Feb 30 (Reuters) - {KENYA}\n\n© 2019 Reuters", None),
        # a short sentence under the dateline dates an event, not the story: no year from it
        (
            f"Kenya, China sign rail deal\n\nNAIROBI, March 14 (Reuters) - {KENYA}\n\n"
            "The line opened on 31 May 2017.\n\nMore talks are planned.",
            None,
        ),
        (f"Kenya, China sign rail deal\n\nNAIROBI, March 14 (Reuters) - {KENYA}", None),
        (
            f"Kenya, China sign rail deal\n\nNAIROBI, March 14 (Reuters) - {KENYA}\n\n© 2015–2024 Wire Co",
            None,
        ),
        # comment timestamps under a post are not its date; the byline's date is
        (
            f"Borneo Notebook\nPosted by Siti R. | 14 August 2022\n\nA border story\n\n{KENYA}\n\n"
            "3 comments\n\nRudi H. said...\nGreat post!\n15 August 2022 at 9:14 AM",
            "2022-08-14",
        ),
        (
            f"A border story\n\n{KENYA}\n\n2 comments:\n\nRudi H. said...\n\nGreat!\n\n"
            "15 August 2022 at 9:14",
            None,
        ),
    ],
)
def test_published_from_stamps_and_datelines(text: str, published: str | None) -> None:
    assert read_text_metadata(text).published == published


@pytest.mark.parametrize(
    ("text", "authors", "published"),
    [
        # names alone over a date line (newsletters, blogs), or with the place filed from
        (
            "Ghana and Togo reopen border\n\nWhat it means for traders\n\n"
            f"Kwame Mensah\nMar 3, 2024\n\n{KENYA}",
            ["Kwame Mensah"],
            "2024-03-03",
        ),
        (
            f"Ghana and Togo reopen border\n\nAbena Owusu in Accra\nSun 3 Mar 2024 14.00 GMT\n\n{KENYA}",
            ["Abena Owusu"],
            "2024-03-03",
        ),
        # a time of day before the date on an update stamp
        (
            f"Ghana and Togo reopen border\n\nBy KWAME MENSAH\nUpdated 3:14 PM EST, March 3, 2024\n\n{KENYA}",
            ["Kwame Mensah"],
            "2024-03-03",
        ),
        # a sentence-case standfirst over a date is not a name line (a Title Case one can be: a known limit)
        (
            f"Ghana and Togo reopen border\n\nTrade resumes today in Aflao\n3 March 2024\n\n{KENYA}",
            [],
            "2024-03-03",
        ),
    ],
)
def test_names_over_a_date_line(text: str, authors: list[str], published: str) -> None:
    meta = read_text_metadata(text)
    assert (meta.authors, meta.published) == (authors, published)


@pytest.mark.parametrize(
    ("line", "date", "timed"),
    [
        ("Tuesday, 4 June 2019 | 14:20 WIB", "2019-06-04", True),
        ("Friday 9 September 2022 06.00 CEST", "2022-09-09", True),
        ("Wednesday, September 11, 2024", "2024-09-11", False),
        ("2024.09.11", "2024-09-11", False),
    ],
)
def test_time_of_day_on_date_lines(line: str, date: str, timed: bool) -> None:
    found = parse_date_line(line)
    assert found is not None and found[0] == date
    assert has_time_of_day(line) is timed


@pytest.mark.parametrize(
    ("paragraph", "month_day"),
    [
        ("NAIROBI, March 14 (Reuters) - Kenya signed", (3, 14)),
        ("WARSAW, Sept. 5 (AP) — Poland said", (9, 5)),
        ("NAIROBI, March 14, 2019 (Reuters) - Kenya signed", None),
        ("NAIROBI (Reuters) - Kenya signed", None),
    ],
)
def test_dateline_month_day(paragraph: str, month_day: tuple[int, int] | None) -> None:
    assert dateline_month_day(paragraph) == month_day


STAMPED_NEWS = (
    "Tuesday, 4 June 2019 | 14:20 WIB\n\nPOLITICS / DIPLOMACY\n\nJakarta and Canberra seal defence pact\n\n"
    "By Budi Santoso in Jakarta\n\nIndonesia and Australia agreed on Tuesday to expand joint patrols in the "
    f"Timor Sea, according to the foreign ministry.\n\n{KENYA}"
)
FILED_FROM = (
    "This site uses cookies. Accept | Settings\n\nWORLD | EUROPE\n\nWarsaw and Kyiv mend a grain quarrel\n\n"
    f"Friday 9 September 2022 06.00 CEST\n\nBy Maya Levin in Warsaw\n\n{KENYA}\n\n{KENYA}"
)
THINK_TANK_BLOG = (
    "Institute for Baltic Affairs\nHome | Research | Experts | Donate\n\nAnalysis\n\nPoland and Lithuania: a "
    "corridor worth defending\n\n3 May 2023\nBy Dr. Agnieszka Nowak, Senior Fellow\n\nShare this:\n\n"
    f"{KENYA}\n\n{KENYA} according to officials.\n\nShare this:\n\nLike this:\n\n2 thoughts on “Poland and "
    "Lithuania”\n\nTomas K. says:\nGood piece.\n\nLeave a Reply\n\nYour email address will not be published."
)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (STAMPED_NEWS, "news"),  # a weekday header with the time of day is a news stamp, not a blog's date
        (FILED_FROM, "news"),
        (THINK_TANK_BLOG, "blog"),
    ],
)
def test_kind_from_stamps_bylines_and_comment_sections(text: str, kind: str) -> None:
    meta = read_text_metadata(text)
    assert meta.kind == kind
    assert meta.title and "|" not in meta.title and meta.authors


def _squash(text: str | None) -> str:
    return re.sub(r"\s+", " ", text or "").strip().lower()


def test_seed_metadata_matches_gold(seeds_dir: Path, gold: dict) -> None:
    documents = {entry["doc"]: entry for entry in gold["documents"]}
    matched, report = 0, []
    for name, expected in sorted(documents.items()):
        path = seeds_dir / name
        document = read_document(str(path), path.read_bytes())
        got = {
            "title": _squash(document.title),
            "kind": document.kind,
            "authors": document.authors,
            "published": document.published,
        }
        want = {
            "title": _squash(expected["title"]),
            "kind": expected["kind"],
            "authors": expected["authors"],
            "published": expected["published"],
        }
        wrong = [field for field in got if got[field] != want[field]]
        matched += not wrong
        report.append(f"{name}: " + (", ".join(f"{f} {got[f]!r} != {want[f]!r}" for f in wrong) or "ok"))
    print("\n".join(report))
    assert matched >= 4, "\n".join(report)


STORIES = Path(__file__).parent / "data" / "stories"


@pytest.mark.parametrize(
    ("name", "kind", "published", "publisher"),
    [
        # a yearless dateline and no date the story states about itself: no publication date, never a guess
        ("reuters_yearless.txt", "news", None, "Reuters"),
        ("body_year_only.txt", "news", None, "Reuters"),  # years in the body say when events were, not it
        ("reuters_copyright.txt", "news", "2008-11-24", "Reuters"),  # the year from "© 2008 Reuters"
        ("published_header.txt", "news", "2008-11-24", "Agence France-Presse"),  # "Published:" and "(AFP)"
        ("tass_full.txt", "news", "2015-03-03", "TASS"),
        ("tass_slashes.txt", "news", None, "TASS"),  # "MOSCOW, March 3. /TASS/."
        ("beijing_dash.txt", "news", None, None),  # "BEIJING —": a dateline without date or agency
        ("tokyo_kyodo.txt", "news", "2023-06-05", "Kyodo"),  # "Tokyo, 5 June 2023:" and "— Kyodo News"
        ("xinhua_yearless.txt", "news", None, "Xinhua"),
        ("ap_dash.txt", "news", None, "Associated Press"),  # "(AP)"
        ("credit_only.txt", "news", None, None),  # "(Reporting by …; Editing by …)" credits no agency
        ("efe_spanish.txt", "news", None, "EFE"),  # "LIMA, 24 nov (EFE).-", the Spanish wires' dateline
        ("ap_byline.txt", "news", None, "Associated Press"),  # "By Maria Verza, Associated Press"
        # not news: a press release with a dateline, a blog quoting agencies, a paper citing them, an article
        ("press_release.txt", "other", "2008-11-24", None),
        ("blog_post.txt", "blog", "2008-12-06", None),
        ("blog_dateline.txt", "blog", None, None),  # a post that opens like a wire story is still a post
        ("paper.txt", "paper", None, None),
        ("encyclopaedia.txt", "other", None, None),
        ("encyclopaedia_paren.txt", "other", None, None),  # "Peru (Republic of Peru) - a country …"
    ],
)
def test_news_datelines_agencies_and_kinds(
    name: str, kind: str, published: str | None, publisher: str | None
) -> None:
    path = STORIES / name
    document = read_document(str(path), path.read_bytes())
    assert (document.kind, document.published, document.publisher) == (kind, published, publisher)


@pytest.mark.parametrize(
    ("paragraph", "date", "month_day", "agency"),
    [
        ("LIMA, Nov 24 (Reuters) - Peru and Russia signed", None, (11, 24), "Reuters"),
        ("MOSCOW, March 3, 2015 (TASS) - Russian officials said", "2015-03-03", None, "TASS"),
        ("MOSCOW, March 3. /TASS/. Russia's foreign minister said", None, (3, 3), "TASS"),
        ("Tokyo, 5 June 2023: Japan and Chile signed", "2023-06-05", None, None),
        ("NEW DELHI, 6 Dec (PTI) - India and Russia", None, (12, 6), "PTI"),
        ("BEIJING — Chinese officials said", None, None, None),
        ("In 2008, Peru and Russia signed (Reuters) - an accord", None, None, None),  # not a dateline
        ("Peru (Republic of Peru) - a country in South America", None, None, None),  # a gloss, not an agency
        ("LIMA (Andina) - Peru said", None, None, "Andina"),
        # filed from two capitals
        ("ZAGREB/BELGRADE, Sept 24 (Wire) - Croatia barred", None, (9, 24), "Wire"),
        ("Peru/Chile (an overview) - a history of relations", None, None, None),
    ],
)
def test_dateline_parts(
    paragraph: str, date: str | None, month_day: tuple[int, int] | None, agency: str | None
) -> None:
    assert (dateline_date(paragraph), dateline_month_day(paragraph), dateline_agency(paragraph)) == (
        date,
        month_day,
        agency,
    )


@pytest.mark.parametrize(
    ("ending", "publisher"),
    [
        ("— Kyodo News", "Kyodo"),
        ("Source: Xinhua", "Xinhua"),
        ("(AP)", None),  # not a credit-line shape
        ("Xinhua", None),  # a bare name at the end may be a link or a list item, not a credit
        ("— Andean Daily Notes", None),  # a credit line must name a listed outlet
        ("— Maria Lopez", None),  # a signature: an author, not a publisher
    ],
)
def test_credit_line_names_a_listed_outlet(ending: str, publisher: str | None) -> None:
    text = f"Chile and Japan sign minerals pact\n\n{BODY}\n\n{BODY}\n\n{ending}\n"
    assert read_text_metadata(text).publisher == publisher


def test_media_names_come_from_the_knowledge_file() -> None:
    assert media_name("AP") == "Associated Press"
    assert media_name("press trust of india") == "Press Trust of India"
    assert media_name("Lima") is None


@pytest.mark.parametrize(
    "text",
    [
        " date 2021-08-24 Algeria cuts ties with Morocco\n\nALGIERS - Algeria cut relations today.\n",
        "Published: 2021-08-24\nAlgeria cuts ties with Morocco\n\nALGIERS - Algeria cut relations today.\n",
    ],
)
def test_a_labelled_date_field_opening_a_saved_page_is_its_date(text: str) -> None:
    meta = read_text_metadata(text)
    assert meta.published == "2021-08-24"
    assert meta.title == "Algeria cuts ties with Morocco"


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("23-07-2025", "2025-07-23"),  # day first, dashes: the day cannot be a month
        ("07-23-2025", "2025-07-23"),
        ("05-07-2025", "2025"),  # either way round: only the year is sure
        ("CNA23-07-2025", "2025-07-23"),  # a site's name run into its date line by a scraper
        # the weekday before it tells which way round: 5 July 2025 was a Saturday, 7 May a Wednesday
        ("Saturday, 07-05-2025", "2025-07-05"),
        ("Wed 07-05-2025", "2025-05-07"),
        ("Friday, 07-05-2025", "2025"),  # neither reading is a Friday: only the year is sure
    ],
)
def test_numeric_date_lines_with_dashes(line: str, date: str) -> None:
    found = parse_date_line(line)
    assert found is not None and found[0] == date


@pytest.mark.parametrize(
    "line", ["Section 12-07-2025 review of the treaty", "4-5-6-2020", "the 23-07-2025 session"]
)
def test_a_numeric_date_inside_other_words_is_no_date_line(line: str) -> None:
    assert parse_date_line(line) is None


@pytest.mark.parametrize(
    ("byline", "authors", "published"),
    [
        # strong emphasis around the name is markdown, not part of it: the post's author and date are read
        ("Posted by **Lucía Ferrer** on Tuesday, 4 June 2024 · Quito", ["Lucía Ferrer"], "2024-06-04"),
        ("Posted by __Lucía Ferrer__ on Tuesday, 4 June 2024 · Quito", ["Lucía Ferrer"], "2024-06-04"),
        # the same line without emphasis reads the same
        ("Posted by Lucía Ferrer on Tuesday, 4 June 2024 · Quito", ["Lucía Ferrer"], "2024-06-04"),
    ],
)
def test_markdown_emphasis_in_a_byline(byline: str, authors: list[str], published: str) -> None:
    text = f"# Andes Notebook\n\n## Ecuador and Peru reopen a crossing\n\n{byline}\n\nThe two countries met."
    meta = read_text_metadata(text, markdown=True)
    assert (meta.authors, meta.published) == (authors, published)


def test_markdown_emphasis_in_a_sentence_stays_a_sentence() -> None:
    meta = read_text_metadata("# A note\n\nBy **no** means was the border closed in May 2024.", markdown=True)
    assert meta.authors == []
