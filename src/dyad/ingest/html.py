"""HTML pages: the main text with trafilatura, metadata from meta tags (Highwire ``citation_*``, Dublin Core,
Open Graph) and trafilatura's own metadata; an lxml text fallback when trafilatura finds nothing.

Scripts, styles, navigation, forms and cookie/consent banners are pruned before either extractor sees
the page.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from typing import Any

import lxml.etree
import lxml.html
import trafilatura

from dyad.errors import IngestError
from dyad.ingest.bylines import Byline, display_name, parse_byline
from dyad.ingest.dates import find_date
from dyad.ingest.metadata import Metadata, read_text_metadata

LOGGER = logging.getLogger(__name__)

# no "form": ASP.NET pages wrap the whole body in one
PRUNE_TAGS = ("script", "style", "noscript", "template", "nav", "iframe", "svg", "button", "select")
BANNER = re.compile(r"cookie|consent|gdpr|onetrust|cookiebot|cmp-|privacy-banner|newsletter-signup", re.I)
BLOCK_TAGS = (
    "p",
    "div",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "pre",
    "blockquote",
    "td",
    "th",
    "tr",
    "section",
    "article",
    "header",
    "footer",
    "dt",
    "dd",
    "figcaption",
    "table",
    "ul",
    "ol",
)
BYLINE_TAGS = ("p", "div", "span", "address", "section")
BYLINE_MARK = re.compile(r"byline|\bauthor|\bmeta\b|\bcredit", re.I)
FALLBACK_PRUNE = ("header", "footer", "aside")
KEEP_TAGS = ("html", "body", "main", "article", "head")
MAX_BANNER_CHARS = 1500
MAX_DEPTH = 250  # libxml2 parses HTML 256 elements deep and silently drops the rest
XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
# Characters an lxml tree cannot hold (C0 controls but tab and newlines, lone surrogates, non-characters):
# never text, and lxml refuses to set them when the tree is edited.
NOT_XML_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
TRAFILATURA_OPTIONS: dict[str, Any] = {
    "with_metadata": True,
    "include_comments": False,
    "include_tables": True,
    "date_extraction_params": {"extensive_search": False, "original_date": True},
}


@dataclass(slots=True)
class HtmlPage:
    text: str
    meta: Metadata


def read_html(name: str, html: str) -> HtmlPage:
    """Main text and metadata of an HTML page; ``IngestError`` when no text can be found."""
    tree = parse_html(name, html)
    prune(tree)
    tags = meta_tags(tree)
    byline = page_byline(tree)
    extracted = _trafilatura(name, lxml.html.tostring(tree, encoding="unicode"))
    text = _paragraphs(extracted.text or "") if extracted else ""
    if not text.strip():
        LOGGER.info("%s: trafilatura found no main text; using the page's text", name)
        text = fallback_text(tree)
    if not text.strip():
        raise IngestError(f"{name}: HTML page without text (only markup or scripts); nothing to ingest")
    meta = _page_metadata(tree, tags, extracted, byline)
    text_meta = read_text_metadata(text)
    meta.kind = _page_kind(tags, text_meta.kind, byline)
    meta.fill_from(text_meta)
    return HtmlPage(text, meta)


def parse_html(name: str, html: str) -> lxml.html.HtmlElement:
    try:
        source = NOT_XML_CHARS.sub("", XML_DECLARATION.sub("", html, count=1))
        tree = lxml.html.document_fromstring(source)
    except (lxml.etree.ParserError, ValueError) as exc:
        raise IngestError(f"{name}: unreadable HTML ({exc}); save the page again or as text") from None
    if tree.xpath(f"boolean(//*[count(ancestor::*) >= {MAX_DEPTH}])"):
        # libxml2 drops what lies deeper than its limit: the page cannot be read whole
        raise IngestError(f"{name}: HTML nested too deeply (over {MAX_DEPTH} levels); save the page as text")
    return tree


def prune(tree: lxml.html.HtmlElement) -> None:
    """Remove elements that never hold a document's text: scripts, navigation, cookie banners."""
    doomed = list(tree.iter(*PRUNE_TAGS))
    doomed += [el for el in tree.iter() if isinstance(el.tag, str) and _is_banner(el)]
    doomed += list(tree.iter(lxml.etree.Comment))
    for element in doomed:
        if element.getparent() is not None:
            element.drop_tree()


def meta_tags(tree: lxml.html.HtmlElement) -> dict[str, list[str]]:
    """``<meta name|property=… content=…>`` values by lower-case key, in document order."""
    tags: dict[str, list[str]] = {}
    for element in tree.iter("meta"):
        key = (element.get("name") or element.get("property") or "").strip().lower()
        content = (element.get("content") or "").strip()
        if key and content:
            tags.setdefault(key, []).append(content)
    lang = tree.get("lang") or tree.get("xml:lang")
    if lang:
        tags.setdefault("html:lang", []).append(lang)
    return tags


def fallback_text(tree: lxml.html.HtmlElement) -> str:
    """The page's visible text with one blank line between blocks."""
    body = tree.find("body")
    root = body if body is not None else tree
    for element in list(root.iter(*FALLBACK_PRUNE)):
        if element.getparent() is not None:
            element.drop_tree()
    for element in root.iter(*BLOCK_TAGS):
        element.tail = "\n\n" + (element.tail or "")
    for element in root.iter("br"):
        element.tail = "\n" + (element.tail or "")
    return _paragraphs(root.text_content())


def _trafilatura(name: str, html: str) -> Any:
    try:
        return trafilatura.bare_extraction(html, **TRAFILATURA_OPTIONS)
    except MemoryError:
        raise
    except Exception as exc:  # trafilatura raises many kinds on odd pages; the fallback still works
        LOGGER.warning("%s: trafilatura failed (%s: %s)", name, type(exc).__name__, exc)
        return None


def page_byline(tree: lxml.html.HtmlElement) -> Byline | None:
    """The byline the page marks as such (``class="byline"``, ``"author"``, ``"meta"``): "By Jane Doe,
    São Paulo · 15 February 2024 · 6 min read", "Posted by Jane Doe on …"."""
    for element in tree.iter(*BYLINE_TAGS):
        marks = f"{element.get('class') or ''} {element.get('itemprop') or ''} {element.get('rel') or ''}"
        if not BYLINE_MARK.search(marks):
            continue
        found = parse_byline(re.sub(r"\s+", " ", element.text_content()).strip())
        if found is not None and found.source != "credit":
            return found
    return None


def _page_metadata(
    tree: lxml.html.HtmlElement, tags: dict[str, list[str]], extracted: Any, byline: Byline | None
) -> Metadata:
    def first(*keys: str) -> str | None:
        return next((tags[key][0] for key in keys if tags.get(key)), None)

    found = extracted or _Empty()
    title = first("citation_title", "dc.title") or found.title or first("og:title") or _title_tag(tree)
    authors = tags.get("citation_author") or tags.get("dc.creator") or (byline.authors if byline else [])
    authors = authors or _split_authors(found.author) or _split_authors(first("author", "article:author"))
    date = first("citation_publication_date", "citation_date", "citation_online_date", "dc.date")
    published = _date(date) or _date(found.date) or _date(first("article:published_time"))
    meta = Metadata(
        title=_collapse(title),
        authors=[a for a in (display_name(a) for a in authors) if a and not a.startswith("http")],
        publisher=first("citation_journal_title", "og:site_name") or found.sitename or None,
        published=published,
        published_basis="explicit" if published else None,
        doi=_doi(first("citation_doi", "dc.identifier", "prism.doi")),
        language=_language(first("html:lang", "dc.language", "og:locale")),
    )
    return meta


def _page_kind(tags: dict[str, list[str]], text_kind: str | None, byline: Byline | None) -> str:
    """A scholarly page's citation tags make a paper; a blogging platform or a "Posted by" byline a blog;
    an Open Graph article (its type, or its publication time) news, when the text tells nothing else."""
    if tags.get("citation_title") or tags.get("citation_journal_title"):
        return "paper"
    if text_kind not in (None, "other"):
        return text_kind or "other"
    generator = " ".join(tags.get("generator", [])).lower()
    if "blogger" in generator or (byline is not None and byline.source == "posted_by"):
        return "blog"
    if "article" in tags.get("og:type", []) or tags.get("article:published_time"):
        return "news"
    return "other"


class _Empty:
    title = author = date = sitename = None


def _title_tag(tree: lxml.html.HtmlElement) -> str | None:
    element = tree.find(".//title")
    return element.text_content() if element is not None else None


def _split_authors(value: str | None) -> list[str]:
    return [part.strip() for part in re.split(r";|\s+and\s+", value or "") if part.strip()]


def _date(value: str | None) -> str | None:
    found = find_date(value or "")
    return found.edtf if found else None


def _doi(value: str | None) -> str | None:
    match = re.search(r"10\.\d{4,9}/\S+", value or "")
    return match.group(0) if match else None


def _language(value: str | None) -> str | None:
    code = (value or "").strip().lower()[:2]
    return code if code.isalpha() and len(code) == 2 else None


def _collapse(text: str | None) -> str | None:
    collapsed = re.sub(r"\s+", " ", text or "").strip()
    return collapsed or None


def _paragraphs(text: str) -> str:
    """One block per paragraph, blocks separated by one blank line."""
    blocks = (re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in text.split("\n"))
    return "\n\n".join(block for block in blocks if block)


def _is_banner(element: lxml.html.HtmlElement) -> bool:
    """A cookie/consent banner or navigation by its id, class or role (never a page's main container)."""
    if element.tag in KEEP_TAGS:
        return False
    marks = f"{element.get('id') or ''} {element.get('class') or ''} {element.get('aria-label') or ''}"
    if element.get("role") in ("navigation", "dialog", "alertdialog"):
        return True
    return bool(BANNER.search(marks)) and len(element.text_content()) <= MAX_BANNER_CHARS
