"""Ingest: format detection, decoding, records, HTML, PDF and the refusal of bad input."""

from __future__ import annotations

import codecs
import gzip
import hashlib
import io
import json
import random
import zipfile

import pytest
from pypdf import PdfWriter

import dyad.ingest.html
from dyad.errors import IngestError
from dyad.ingest import detect_format, read_document, read_documents
from dyad.ingest.decode import decode_bytes

SPANISH = "Perú y Rusia firmaron un acuerdo de cooperación técnico-militar en 2004"
SPANISH_TEXT = (
    f"{SPANISH}.\n\nEl año pasado, la señora Muñoz viajó a Moscú para la reunión de la comisión "
    "intergubernamental, según informó el ministerio de Relaciones Exteriores del Perú.\n"
)


def make_pdf(pages: list[list[str]], info: dict[str, str] | None = None) -> bytes:
    """A minimal valid PDF: one Helvetica text line per string, one page per list, optional /Info."""
    objects: dict[int, bytes] = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        3: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    }
    page_ids = [4 + 2 * i for i in range(len(pages))]
    kids = " ".join(f"{pid} 0 R" for pid in page_ids)
    objects[2] = f"<< /Type /Pages /Kids [{kids}] /Count {len(pages)} >>".encode()
    for pid, lines in zip(page_ids, pages, strict=True):
        shown = [f"({_pdf_escape(line)}) Tj T*" for line in lines]
        stream = "\n".join(["BT /F1 12 Tf 14 TL 72 720 Td", *shown, "ET"]).encode("cp1252")
        objects[pid] = (
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> "
            f"/Contents {pid + 1} 0 R >>"
        ).encode()
        objects[pid + 1] = b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream"
    info_id = None
    if info:
        info_id = max(objects) + 1
        entries = " ".join(f"/{key} ({_pdf_escape(value)})" for key, value in info.items())
        objects[info_id] = f"<< {entries} >>".encode("cp1252")
    return _pdf_file(objects, info_id)


def _pdf_file(objects: dict[int, bytes], info_id: int | None) -> bytes:
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = {}
    for oid in sorted(objects):
        offsets[oid] = out.tell()
        out.write(b"%d 0 obj\n" % oid + objects[oid] + b"\nendobj\n")
    xref = out.tell()
    size = max(objects) + 1
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % size)
    for oid in range(1, size):
        out.write(b"%010d 00000 n \n" % offsets[oid])
    trailer = f"<< /Size {size} /Root 1 0 R" + (f" /Info {info_id} 0 R" if info_id else "") + " >>"
    out.write(b"trailer\n" + trailer.encode() + b"\nstartxref\n%d\n%%%%EOF\n" % xref)
    return out.getvalue()


def _pdf_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def _zip_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("article.txt", "Peru and Russia")
    return buffer.getvalue()


def _blank_pdf() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=612, height=792)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


HTML_PAGE = """<!DOCTYPE html>
<html lang="en"><head>
<title>Peru and Russia sign defence pact | Andes Daily</title>
<meta property="og:title" content="Peru and Russia sign defence pact">
<meta property="og:site_name" content="Andes Daily">
<meta name="author" content="Maria Quispe">
<meta property="article:published_time" content="2019-02-14T09:30:00Z">
<style>.x { color: red } body { font-family: SECRETSTYLE; }</style>
<script>var tracking = "SECRETSCRIPT";</script>
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">NAVWORLD section</a></li></ul></nav>
<div id="cookie-banner" class="cookie-consent">We use cookies COOKIETEXT to improve your experience.
<button>Accept all</button></div>
<article>
<h1>Peru and Russia sign defence pact</h1>
<p>LIMA, Feb 14 (Andes Daily) - Peru and Russia signed an agreement on military-technical cooperation on
Thursday, the foreign ministry said in a statement.</p>
<p>The accord covers the maintenance of Russian-built helicopters operated by the Peruvian armed forces,
officials said. It follows years of negotiations between the two governments.</p>
<p>Trade between the two countries reached 135 million dollars in 2018, according to customs figures
published by the ministry.</p>
<script>document.write("SECRETINLINE")</script>
</article>
<footer>Copyright 2019 Andes Daily. FOOTERTEXT</footer>
</body></html>
"""

PAPER_PAGE = """<html><head>
<meta name="citation_title" content="Russia in Latin America: A Peruvian View">
<meta name="citation_author" content="Adins, Sebastien">
<meta name="citation_author" content="Rooney, Mildred">
<meta name="citation_publication_date" content="2021/12/30">
<meta name="citation_journal_title" content="Journal of Latin American Affairs">
<meta name="citation_doi" content="10.1234/jlaa.2021.77">
<title>Russia in Latin America</title></head>
<body><div class="article-body">
<p>Since the beginning of the twenty-first century Russia has tried to regain its status as a great power
in world politics, and Latin America has been one of the regions where it sought partners.</p>
<p>This article examines the bilateral relationship between Peru and the Russian Federation, with a focus
on arms transfers, trade and diplomatic visits between 2000 and 2020.</p>
</div></body></html>
"""


@pytest.mark.parametrize(
    ("path", "data", "expected"),
    [
        ("report.pdf", b"%PDF-1.4\n%...", "pdf"),
        ("report.txt", b"%PDF-1.7\n1 0 obj", "pdf"),
        ("broken.pdf", b"not a pdf at all", "pdf"),
        ("page.txt", b"<!DOCTYPE html><html><body><p>Peru</p></body></html>", "html"),
        ("page.txt", b"  <html lang='es'><body>Lima</body></html>", "html"),
        ("page.txt", b"<?xml version='1.0'?>\n<html><body>x</body></html>", "html"),
        ("snippet.txt", b"<div>" + b"<p>Lima <a href='#'>link</a></p>" * 6 + b"</div>", "html"),
        ("page.htm", "<!DOCTYPE html><html><body>Perú</body></html>".encode("utf-16"), "html"),
        ("page.html", b"Just words, no tags at all.", "html"),
        ("notes.md", b"# Peru and Russia\n\nSome text.", "markdown"),
        ("notes.markdown", b"Text with one <br> tag.", "markdown"),
        ("record.txt", b'{"title": "Peru and Russia", "year": 2021}', "json"),
        ("records.txt", b'[{"title": "A"}, {"title": "B"}]', "json"),
        ("records.dat", b'{"title": "A"}\n{"title": "B"}\n', "json"),
        ("records.jsonl", b'{"title": "A"}\n', "json"),
        ("broken.json", b'{"title": ', "json"),
        ("prefixed.txt", b'{"title": "A"}\nAbstract\nThe text goes on.', "text"),
        ("brace.txt", b"{not json} but a text that starts with a brace", "text"),
        ("article.txt", b"Peru and Russia\n\nA text mentioning <Peru> once.", "text"),
        ("README", b"Plain text.", "text"),
    ],
)
def test_detect_format(path: str, data: bytes, expected: str) -> None:
    assert detect_format(path, data) == expected


@pytest.mark.parametrize(
    ("data", "label"),
    [
        (SPANISH_TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + SPANISH_TEXT.encode("utf-8"), "utf-8 with BOM"),
        (SPANISH_TEXT.encode("utf-16"), "utf-16 with BOM (native order)"),
        (codecs.BOM_UTF16_LE + SPANISH_TEXT.encode("utf-16-le"), "utf-16 LE with BOM"),
        (codecs.BOM_UTF16_BE + SPANISH_TEXT.encode("utf-16-be"), "utf-16 BE with BOM"),
        (codecs.BOM_UTF32_LE + SPANISH_TEXT.encode("utf-32-le"), "utf-32 LE with BOM"),
        (SPANISH_TEXT.encode("utf-16-le"), "utf-16 LE without BOM"),
        (SPANISH_TEXT.encode("latin-1"), "latin-1"),
        (SPANISH_TEXT.encode("cp1252"), "cp1252"),
        (SPANISH_TEXT.replace("\n", "\r\n").encode("cp1252"), "cp1252 with CRLF"),
    ],
)
def test_decoding_keeps_accents(data: bytes, label: str) -> None:
    document = read_document("noticia.txt", data)
    assert SPANISH in document.raw_text, label
    assert "Muñoz viajó a Moscú" in document.raw_text, label
    assert not document.raw_text.startswith("\ufeff") and "\r" not in document.raw_text, label
    assert document.language == "es", label


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("Россия и Перу подписали соглашение о военно-техническом сотрудничестве в 2008 году.", "cp1251"),
        ("Россия и Перу подписали соглашение о военно-техническом сотрудничестве в 2008 году.", "koi8_r"),
        (
            "« Le Pérou et la Russie ont signé un accord », a déclaré le ministre des Affaires étrangères.",
            "cp1252",
        ),
        ("“Peru and Russia signed the accord,” the minister said — a first since 1969.", "cp1252"),
    ],
)
def test_decode_legacy_encodings(text: str, encoding: str) -> None:
    assert decode_bytes("x.txt", text.encode(encoding)).text == text


def test_decode_utf8_with_stray_cp1252_bytes() -> None:
    data = "Perú y Rusia: cooperación técnico-militar. ".encode() + "Señora Muñoz".encode("cp1252")
    assert decode_bytes("mixed.txt", data).text == "Perú y Rusia: cooperación técnico-militar. Señora Muñoz"


def test_document_identity_fields() -> None:
    data = SPANISH_TEXT.encode("utf-8")
    document = read_document("/corpus/es/noticia.txt", data)
    assert document.id == hashlib.sha256(data).hexdigest()[:16]
    assert (document.name, document.path) == ("noticia.txt", "/corpus/es/noticia.txt")
    assert document.format == "text"
    assert document.size_bytes == len(data)
    assert document.text == "" and document.sentences == []


SEMANTIC_SCHOLAR = {
    "title": "Bilateral relations between Peru and Russia in the 21st century",
    "authors": "S. Adins, M. Rooney",
    "doi": "10.46272/2409-3416-2021-9-4-84-100",
    "abstract": "Since the beginning of the 21st century, Russia has tried to regain its status.",
    "journal": {"name": "Cuadernos iberoamericanos", "volume": None},
    "publicationDate": "2022-05-11",
}
SEMANTIC_SCHOLAR_API = {
    "paperId": "abc",
    "title": "Russia and the Andes",
    "authors": [{"authorId": "1", "name": "Ana García"}, {"authorId": "2", "name": "Iván Petrov"}],
    "venue": "Revista de Ciencia Política",
    "year": 2019,
    "externalIds": {"DOI": "10.4067/S0718-090X2019000100001"},
    "abstract": "Relations between Russia and the Andean countries are examined.",
}
CROSSREF = {
    "status": "ok",
    "message-type": "work",
    "message": {
        "title": ["Russia’s <i>return</i> to Latin America"],
        "author": [{"given": "Vladimir", "family": "Rouvinski", "sequence": "first"}],
        "DOI": "10.1080/2222.2019.1",
        "published-print": {"date-parts": [[2019, 3]]},
        "container-title": ["Latin American Policy"],
        "abstract": "<jats:p>Moscow has increased its presence in the region.</jats:p>",
    },
}
OPENALEX = {
    "id": "https://openalex.org/W1",
    "doi": "https://doi.org/10.5555/openalex.1",
    "title": "Peru and Russia",
    "display_name": "Peru and Russia",
    "publication_date": "2020-07-01",
    "authorships": [{"author": {"display_name": "Mildred Rooney"}}, {"author": {"display_name": "Luis Paz"}}],
    "primary_location": {"source": {"display_name": "Agenda Internacional"}},
    "abstract_inverted_index": {"Peru": [0], "and": [1], "Russia": [2], "signed": [3], "accords.": [4]},
}


@pytest.mark.parametrize(
    ("record", "title", "authors", "published", "doi", "publisher", "abstract"),
    [
        (
            SEMANTIC_SCHOLAR,
            SEMANTIC_SCHOLAR["title"],
            ["S. Adins", "M. Rooney"],
            "2022-05-11",
            "10.46272/2409-3416-2021-9-4-84-100",
            "Cuadernos iberoamericanos",
            "regain its status",
        ),
        (
            SEMANTIC_SCHOLAR_API,
            "Russia and the Andes",
            ["Ana García", "Iván Petrov"],
            "2019",
            "10.4067/S0718-090X2019000100001",
            "Revista de Ciencia Política",
            "Andean countries",
        ),
        (
            CROSSREF,
            "Russia’s return to Latin America",
            ["Vladimir Rouvinski"],
            "2019-03",
            "10.1080/2222.2019.1",
            "Latin American Policy",
            "Moscow has increased its presence in the region.",
        ),
        (
            OPENALEX,
            "Peru and Russia",
            ["Mildred Rooney", "Luis Paz"],
            "2020-07-01",
            "10.5555/openalex.1",
            "Agenda Internacional",
            "Peru and Russia signed accords.",
        ),
    ],
)
def test_json_records(
    record: dict[str, object],
    title: str,
    authors: list[str],
    published: str,
    doi: str,
    publisher: str,
    abstract: str,
) -> None:
    document = read_document("record.json", json.dumps(record).encode())
    assert (document.format, document.kind) == ("json", "record")
    assert (document.title, document.authors, document.published) == (title, authors, published)
    assert (document.doi, document.publisher, document.published_basis) == (doi, publisher, "explicit")
    assert document.raw_text.startswith(title) and abstract in document.raw_text
    assert "<" not in document.raw_text


def test_jsonl_with_several_records_gives_one_document_each() -> None:
    lines = [SEMANTIC_SCHOLAR, SEMANTIC_SCHOLAR_API, OPENALEX]
    data = "\n".join(json.dumps(line) for line in lines).encode() + b"\n"
    documents = read_documents("dir/records.jsonl", data)
    assert [d.name for d in documents] == ["records.jsonl#1", "records.jsonl#2", "records.jsonl#3"]
    assert [d.title for d in documents] == [r["title"] for r in lines]
    assert len({d.id for d in documents}) == 3 and all(len(d.id) == 16 for d in documents)
    with pytest.raises(IngestError, match="records.jsonl: holds 3 records"):
        read_document("dir/records.jsonl", data)


def test_crossref_item_list_and_single_line_jsonl() -> None:
    listing = {"status": "ok", "message": {"items": [CROSSREF["message"], SEMANTIC_SCHOLAR]}}
    assert len(read_documents("works.json", json.dumps(listing).encode())) == 2
    single = read_document("one.jsonl", json.dumps(OPENALEX).encode() + b"\n")
    assert (single.name, single.title) == ("one.jsonl", "Peru and Russia")


@pytest.mark.parametrize("with_abstract_in_text", [True, False])
def test_json_prefixed_text_is_a_record(with_abstract_in_text: bool) -> None:
    tail = "Cited by: 0\nAbstract\n" + (SEMANTIC_SCHOLAR["abstract"] if with_abstract_in_text else "Share")
    data = (json.dumps(SEMANTIC_SCHOLAR) + "\n" + tail).encode()
    document = read_document("paper.txt", data)
    assert (document.kind, document.format) == ("record", "text")
    assert (document.title, document.authors) == (SEMANTIC_SCHOLAR["title"], ["S. Adins", "M. Rooney"])
    assert document.published == "2022-05-11"
    assert "{" not in document.raw_text and "Cited by: 0" in document.raw_text
    assert document.raw_text.count("regain its status") == 1


NEWS_BODY = (
    "Ghana and Nigeria agreed on Tuesday to reopen their shared trade corridor, the Ghanaian trade ministry "
    "said in a statement, ending a dispute over retail licences that began last year."
)


@pytest.mark.parametrize(
    ("record", "kind"),
    [
        ({"title": "Accra and Abuja end trade row", "@type": "NewsArticle"}, "news"),
        ({"title": "Accra and Abuja end trade row", "itemType": "newspaperArticle"}, "news"),
        ({"title": "Accra and Abuja end trade row", "type": "article-newspaper"}, "news"),
        ({"title": "Notes from Accra", "@type": "BlogPosting"}, "blog"),
        ({"title": "Trade in West Africa", "publicationTypes": ["JournalArticle"]}, "record"),
        ({"title": "Trade in West Africa", "type": "journal-article", "section": "Economics"}, "record"),
        ({"title": "Trade in West Africa", "container-title": ["West African Review"]}, "record"),
        ({"title": "Accra and Abuja end trade row", "sectionName": "World news"}, "news"),
        ({"title": "Trade in West Africa"}, "record"),
    ],
)
def test_json_record_kind_follows_its_type_and_venue(record: dict[str, object], kind: str) -> None:
    assert read_document("item.json", json.dumps(record).encode()).kind == kind


@pytest.mark.parametrize(
    ("record", "kind", "publisher"),
    [
        # a newsroom record over a news story: news, whatever the text
        (
            {"title": "Accra and Abuja end trade row", "section": "Africa", "source": "Gulf Wire"},
            "news",
            "Gulf Wire",
        ),
        # a record that states no kind takes the kind of the text under it (a wire dateline: news), and
        # the agency the dateline credits as its publisher
        ({"id": "a-77", "title": "Accra and Abuja end trade row"}, "news", "Reuters"),
        # a journal record stays a record even over a news-like text
        (
            {"title": "Trade in West Africa", "doi": "10.1234/war.2020.3", "journal": {"name": "WAR"}},
            "record",
            "WAR",
        ),
    ],
)
def test_json_prefixed_news_takes_its_kind(
    record: dict[str, object], kind: str, publisher: str | None
) -> None:
    text = f"{json.dumps(record)}\n\nAccra and Abuja end trade row\n\nACCRA, May 3 (Reuters) - {NEWS_BODY}\n"
    document = read_document("story.txt", text.encode())
    assert (document.kind, document.title, document.publisher) == (kind, record["title"], publisher)


@pytest.mark.parametrize(
    ("stamp", "published"),
    [
        ("2021-03-01T23:30:00-05:00", "2021-03-01"),  # the local date, not 2021-03-02 in UTC
        ("2021-03-02T01:15:00+09:00", "2021-03-02"),  # not 2021-03-01 in UTC
        ("2021-03-01T12:00:00Z", "2021-03-01"),
    ],
)
def test_iso_timestamps_keep_their_local_date(stamp: str, published: str) -> None:
    record = read_document("item.json", json.dumps({"title": "Trade row ends", "published": stamp}).encode())
    page = (
        f'<html><head><meta property="article:published_time" content="{stamp}"><title>Trade row ends</title>'
        f"</head><body><article><h1>Trade row ends</h1><p>{NEWS_BODY * 4}</p></article></body></html>"
    )
    assert record.published == read_document("page.html", page.encode()).published == published


def test_html_keeps_main_text_and_reads_meta_tags() -> None:
    document = read_document("pact.html", HTML_PAGE.encode())
    assert "military-technical cooperation" in document.raw_text
    for junk in ("SECRETSCRIPT", "SECRETSTYLE", "SECRETINLINE", "NAVWORLD", "COOKIETEXT", "Accept all", "{"):
        assert junk not in document.raw_text
    assert document.title == "Peru and Russia sign defence pact"
    assert document.authors == ["Maria Quispe"]
    assert (document.published, document.published_basis) == ("2019-02-14", "explicit")
    assert (document.publisher, document.language, document.kind) == ("Andes Daily", "en", "news")


def test_html_scholarly_meta_tags_make_a_paper() -> None:
    document = read_document("article.txt", PAPER_PAGE.encode())
    assert (document.format, document.kind) == ("html", "paper")
    assert document.title == "Russia in Latin America: A Peruvian View"
    assert document.authors == ["Sebastien Adins", "Mildred Rooney"]
    assert (document.published, document.doi) == ("2021-12-30", "10.1234/jlaa.2021.77")
    assert document.publisher == "Journal of Latin American Affairs"


@pytest.mark.parametrize("failure", ["nothing", "exception"])
def test_html_falls_back_to_page_text(monkeypatch: pytest.MonkeyPatch, failure: str) -> None:
    def extractor(*args: object, **kwargs: object) -> None:
        if failure == "exception":
            raise ValueError("extractor broke")

    monkeypatch.setattr(dyad.ingest.html.trafilatura, "bare_extraction", extractor)
    document = read_document("pact.html", HTML_PAGE.encode())
    assert "military-technical cooperation" in document.raw_text
    assert "135 million dollars" in document.raw_text
    for junk in ("SECRETSCRIPT", "SECRETSTYLE", "SECRETINLINE", "NAVWORLD", "COOKIETEXT", "FOOTERTEXT"):
        assert junk not in document.raw_text
    assert (document.title, document.authors) == ("Peru and Russia sign defence pact", ["Maria Quispe"])


def test_html_without_text_is_refused() -> None:
    with pytest.raises(IngestError, match="empty.html: HTML page without text"):
        read_document("empty.html", b"<html><head><script>var a = 1;</script></head><body></body></html>")


def test_pdf_text_pages_and_metadata() -> None:
    data = make_pdf(
        [["Hello Peru"], ["Second page about Russia (and Perú)"]],
        info={"Title": "Peru and Russia: A Study", "Author": "Ana Garcia; Luis Paz"},
    )
    document = read_document("study.pdf", data)
    assert document.format == "pdf" and document.kind == "paper"
    assert document.raw_text == "Hello Peru\n\nSecond page about Russia (and Perú)"
    assert document.title == "Peru and Russia: A Study"
    assert document.authors == ["Ana Garcia", "Luis Paz"]


def test_pdf_junk_metadata_title_is_ignored() -> None:
    lines = ["THE RELATIONS BETWEEN PERU AND", "THE RUSSIAN FEDERATION", "", "Some body text follows here."]
    data = make_pdf([lines], info={"Title": "Microsoft Word - draft_v3.docx", "Author": "jsmith"})
    document = read_document("relations.pdf", data)
    assert document.title == "The Relations between Peru and the Russian Federation"
    assert document.authors == []


@pytest.mark.parametrize(
    ("name", "data", "max_bytes", "fragment"),
    [
        ("empty.txt", b"", None, "empty"),
        ("blank.txt", b"  \n\t\r\n  ", None, "blank"),
        ("blank16.txt", "   \n\n".encode("utf-16"), None, "blank"),
        ("blob.txt", b"\x00\x01\x02binary\x00\xff\xfe\x10" * 40, None, "binary"),
        ("controls.txt", bytes(range(1, 32)) * 30, None, "binary"),
        ("report.txt", gzip.compress(b"Peru and Russia"), None, "gzip-compressed data; decompress it first"),
        ("bundle.txt", _zip_bytes(), None, "zip archive"),
        ("scan.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, None, "PNG image"),
        ("truncated.pdf", make_pdf([["Hello Peru"]])[:70], None, "PDF"),
        ("corrupt.pdf", b"%PDF-1.4\n1 0 obj << /Type /Catalog garbage", None, "PDF"),
        ("notapdf.pdf", b"this is not a PDF file", None, "PDF"),
        ("scan.pdf", _blank_pdf(), None, "scanned PDF without a text layer"),
        ("broken.json", b'{"title": "Peru",\n "authors": [}', None, "line 2, column"),
        ("broken.jsonl", b'{"title": "A"}\n{"title": "B"}\n{"title": \n', None, "line 3"),
        ("config.json", b'{"colour": "red", "size": 3}', None, "no 'title' or 'abstract'"),
        ("big.txt", b"Peru and Russia. " * 100, 1000, "limit"),
        ("bad16.txt", codecs.BOM_UTF16_LE + b"P\x00\x00\xd8e\x00", None, "decode"),
    ],
)
def test_bad_input_raises_one_line_ingest_error(
    name: str, data: bytes, max_bytes: int | None, fragment: str
) -> None:
    kwargs = {"max_bytes": max_bytes} if max_bytes else {}
    with pytest.raises(IngestError) as info:
        read_document(f"/in/{name}", data, **kwargs)
    message = str(info.value)
    assert message.startswith(f"{name}:") or f" {name}:" in message
    assert fragment in message
    assert "\n" not in message and "Traceback" not in message


def test_random_bytes_never_escape_as_other_exceptions() -> None:
    rng = random.Random(7)
    for index in range(40):
        data = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 400)))
        for name in (f"r{index}.txt", f"r{index}.pdf", f"r{index}.json", f"r{index}.html"):
            try:
                read_documents(name, data)
            except IngestError as exc:
                assert name in str(exc) and "please report" not in str(exc)


def test_a_records_authors_keep_the_form_the_record_writes() -> None:
    data = json.dumps(
        {
            "title": "Copper and quiet diplomacy",
            "authors": ["Quispe, Rosa M.", "Salas, Jorge"],
            "published": "2021-05-04",
            "journal": "Andean Review",
        }
    ).encode()
    document = read_document("record.json", data)
    assert document.authors == ["Quispe, Rosa M.", "Salas, Jorge"]


NEWS_PAGE_WITHOUT_OG_TYPE = """<html><head><title>Chile and Peru reopen lithium talks | Andes Ledger</title>
<meta property="article:published_time" content="2024-02-15T08:00:00-03:00"></head><body>
<nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/business">Business</a></nav>
<article><h1>Chile and Peru reopen lithium talks</h1>
<p class="byline">By Rosa Quispe, Lima &middot; 15 February 2024 &middot; 5 min read</p>
<p>Chile and Peru agreed on Tuesday to reopen talks on a lithium partnership, the two foreign ministers
said after meeting in Lima, adding that a first round would be held before the end of the year.</p>
<p>The talks had stalled in 2021 over royalties, and officials on both sides said the new round would
start with exploration permits and a joint refinery in the north.</p>
</article></body></html>"""

BLOG_PAGE = """<html><head><title>A quiet week in Callao</title></head><body>
<article><h1>A quiet week in Callao</h1>
<p class="byline">Posted by <span class="author">Jorge Salas</span> on <time>Monday, 10 March 2025</time></p>
<p>I spent the week at the port of Callao watching the ships come in from Valparaiso, and the mood among
the dockworkers was better than it has been for years, now that the two governments talk again.</p>
<p>Chile and Peru agreed on Tuesday to reopen talks on a lithium partnership, which few here expected.</p>
</article></body></html>"""


@pytest.mark.parametrize(
    ("page", "kind", "authors"),
    [
        (NEWS_PAGE_WITHOUT_OG_TYPE, "news", ["Rosa Quispe"]),
        (BLOG_PAGE, "blog", ["Jorge Salas"]),
    ],
)
def test_a_pages_byline_element_gives_its_authors_and_kind(page: str, kind: str, authors: list[str]) -> None:
    document = read_document("page.html", page.encode())
    assert (document.kind, document.authors) == (kind, authors)
