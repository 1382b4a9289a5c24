"""Plain-text metadata rules: date headers, titles, bylines, publishers, kinds; and the seed gold."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from dyad.ingest import read_document
from dyad.ingest.metadata import read_text_metadata, to_title_case

SEEDS = Path("/work/shared/corpus/seeds")
GOLD = Path("/work/shared/gold/seeds.json")
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


def _squash(text: str | None) -> str:
    return re.sub(r"\s+", " ", text or "").strip().lower()


@pytest.mark.skipif(not GOLD.exists(), reason="the shared seed corpus is not on this machine")
def test_seed_metadata_matches_gold() -> None:
    gold = {entry["doc"]: entry for entry in json.loads(GOLD.read_text(encoding="utf-8"))["documents"]}
    matched, report = 0, []
    for name, expected in sorted(gold.items()):
        path = SEEDS / name
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
