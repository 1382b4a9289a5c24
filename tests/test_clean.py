from __future__ import annotations

import pytest

from dyad.clean import clean_document, clean_text
from dyad.clean.boilerplate import drop_repeats, is_furniture
from dyad.clean.layout import join_hyphenated_breaks, unwrap_paragraphs
from dyad.clean.sentences import split_sentences
from dyad.models import Document


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("the first states to es-\ntablish a relationship", "the first states to establish a relationship"),
        ("a hydroe-\nlectric station", "a hydroelectric station"),
        ("its self-\nperception as a power", "its self-perception as a power"),
        ("non-\ntraditional exports", "non-traditional exports"),
        ("the Peru-\nEurasian Commission", "the Peru-Eurasian Commission"),  # capital after the break
        ("a multi-\nple choice", "a multiple choice"),  # 'ple' is no word of its own
        ("anti-communist mood and anti-\ncommunist elites", "anti-communist mood and anti-communist elites"),
        ("bilateral ties; bilater-\nalism", "bilateral ties; bilateralism"),
        ("Hyphen at line end but space - \nnext", "Hyphen at line end but space - \nnext"),
    ],
)
def test_join_hyphenated_breaks(raw: str, expected: str) -> None:
    assert join_hyphenated_breaks(raw) == expected


@pytest.mark.parametrize(
    ("raw", "paragraphs"),
    [
        # Hard-wrapped lines of a PDF column are one paragraph.
        (
            "Compared to other South American states, Peru was slow to establish\n"
            "official diplomatic relations with Moscow. On the one hand, Lima acted\n"
            "as one of the main allies of the United States during the Cold War.\n",
            1,
        ),
        # One paragraph per line (news pasted as text): long lines that end sentences stay apart.
        (
            "Russia signed a treaty with Peru on Monday, officials in Lima said in a statement.\n"
            "The accord covers defence, trade and scientific cooperation between both states.\n",
            2,
        ),
        # Short widget and heading lines are never glued to the text.
        ("Abstract\nSince the beginning of the century Russia has tried to regain its status.", 2),
        # A title in capitals over several lines is one paragraph.
        ("THE RELATIONS BETWEEN PERU AND\nTHE RUSSIAN FEDERATION\n\nBody text here.", 2),
        ("First paragraph.\n\n\n   \nSecond paragraph.", 2),
        # Items of a list or a chronology are never joined to the line before, wrapped or not.
        (
            "- 2013 – Uhuru Kenyatta's state visit to China, the first of his two terms (August).\n"
            "- 2014 – Li Keqiang visits Kenya; the railway financing agreement is signed (11 May).\n"
            "- 2017 – The railway from Mombasa to Nairobi opens to passengers and freight (31 May).\n",
            3,
        ),
        (
            "2014, 18 March – annexation of the peninsula after a referendum held under occupation\n"
            "2015, 12 February – the second Minsk package of measures is agreed by the leaders\n"
            "2018, 25 November – the incident in the strait and the seizure of three navy vessels\n",
            3,
        ),
    ],
)
def test_unwrap_paragraphs(raw: str, paragraphs: int) -> None:
    assert len(unwrap_paragraphs(raw)) == paragraphs


@pytest.mark.parametrize(
    "line",
    [
        "We use cookies to improve our website. By continuing to use this website, you are giving consent "
        "to cookies being used. More details…",
        "This site uses cookies.",
        "Support TwoCircles",
        "Subscribe to The Lima Post",
        "No comments:",
        "Post a Comment",
        "Newer Post Older Post Home",
        "Labels: Peru, Russia, diplomacy",
        "Posted by Maria Lopez at 10:15 AM",
        "引用次数: 0",
        "Cited by 12",
        "Latin Correspondent | by Simon Wilson",
        "By Jane Doe",
        "Share this article",
        "Advertisement",
        "© 2015 Latin Correspondent. All rights reserved.",
        "==========================",  # a Markdown heading's underline
        "---",
    ],
)
def test_furniture_is_dropped(line: str) -> None:
    assert is_furniture(line)


@pytest.mark.parametrize(
    "line",
    [
        "Support for the treaty grew in both parliaments after the visit.",
        "Russia signs accords with Peru in new Latin American thrust",
        "By 1996, when this policy had failed, Primakov started to redefine Russia's role.",
        "Bilateral relations",
        "The cookie industry in Peru exported 3 million dollars in 2019.",
    ],
)
def test_content_is_kept(line: str) -> None:
    assert not is_furniture(line)


def test_drop_repeats_keeps_first_of_exact_and_near_duplicates() -> None:
    lede = "The commencement of the climate talks in Paris provided a venue for Putin to forge alliances."
    near = "The commencement of the climate talks in Paris provided a venue for Putin to forge new alliances."
    other = "Trade between the two countries grew by 9.4 percent in 2014, officials said on Monday."
    assert drop_repeats([lede, lede, near, other]) == [lede, other]


def test_drop_repeats_keeps_longer_paragraph_quoting_an_earlier_one() -> None:
    short = "Russia and Peru signed a declaration of strategic partnership in Paris in 2015."
    longer = short + " The document covers political, economic, military and cultural cooperation in detail."
    assert drop_repeats([short, longer]) == [short, longer]


def test_clean_document_sentences_point_into_clean_text() -> None:
    raw = (
        "Lima : Russia has concluded a series of treaties with Peru, EFE reported Tuesday.\n\n"
        "Support TwoCircles\n\n"
        "The accords were signed Monday. Mr. Medvedev arrived in Lima last Friday for the U.S.-free summit.\n"
    )
    doc = clean_document(Document(id="x", name="x.txt", path="x.txt", format="text", raw_text=raw))
    assert "Support TwoCircles" not in doc.text
    assert [s.text for s in doc.sentences] == [
        "Lima : Russia has concluded a series of treaties with Peru, EFE reported Tuesday.",
        "The accords were signed Monday.",
        "Mr. Medvedev arrived in Lima last Friday for the U.S.-free summit.",
    ]
    for sentence in doc.sentences:
        assert doc.text[sentence.start : sentence.end] == sentence.text


def test_clean_text_of_pdf_seed_has_no_split_words(seeds_dir) -> None:
    text = " ".join(clean_text((seeds_dir / "002_104a4800072aadd7.txt").read_text(encoding="utf-8")))
    for broken in ("es-tablish", "es- tablish", "hydroe-lectric", "bilater-alism", "Pe-ru"):
        assert broken not in text
    assert "establish a relationship with the then Russian Empire" in text
    assert "self-perception" in text


def test_clean_text_of_news_seed_drops_cookie_line_and_repeated_lede(seeds_dir) -> None:
    paragraphs = clean_text((seeds_dir / "003_1fdc36ad657d76f1.txt").read_text(encoding="utf-8"))
    text = "\n".join(paragraphs)
    assert "cookies" not in text
    assert text.count("The commencement of the United Nation’s Climate Talks") == 1


def test_an_opening_quote_goes_with_the_sentence_it_opens() -> None:
    """The sentencizer keeps a quote mark after a full stop with the sentence before; one after a space
    opens the next sentence (and its quote is then whole), a closing one stays."""
    text = 'Lamamra announced the decision. "The kingdom never stopped," he said. He said "no." Then left.'
    sentences = split_sentences([text])
    assert [s.text for s in sentences] == [
        "Lamamra announced the decision.",
        '"The kingdom never stopped," he said.',
        'He said "no."',
        "Then left.",
    ]
    assert all(text[s.start : s.end] == s.text for s in sentences)
