"""Score an export (the JSON contract of ARCHITECTURE.md) against a gold file.

Pure functions: no store, no network; the only I/O is :func:`load_floors` reading a TOML file.

Readings of the scoring rules where ARCHITECTURE.md is silent:

* Dates are EDTF-style: ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``, ``197X`` (decade), ``18XX`` (century),
  intervals ``A/B`` of those, open ``2008/`` and ``/2008`` (``..`` also means open). Trailing EDTF
  qualifiers ``? ~ %`` are ignored. An interval's length is counted in days, both ends included; an
  open side counts as ``date.min``/``date.max``, so an open interval is longer than any closed one.
* Date compatibility (events, figure years): gold ``null`` accepts anything; a predicted ``null`` or
  unparseable date never matches a dated gold; otherwise the intervals must overlap and the predicted
  one may be at most 366 days longer than the gold one.
* Events: only gold and predicted events whose participant set (upper-cased) is exactly the gold ``dyad``
  are scored; the others are counted as ``ignored``. A gold event's ``alt_types`` are accepted as well
  as its ``type``. Matching is one-to-one and maximum; it first maximises matched required gold items,
  then matched optional ones (augmenting paths never unmatch a gold item, and required items are tried
  first, so both maxima are reached together).
* precision = matched_required / (predicted - matched_optional), recall = matched_required / required;
  a zero denominator gives 0.0. ``missed`` lists required gold items only.
* Figures: all gold figures are scored (also those outside the dyad, e.g. ``RUS -> VEN``). Kind equal,
  unit equal ignoring case, ``|value - gold| <= 1% of |gold|``; direction ordered ``(from, to)`` for
  export/import/investment/arms_value (gold ``to: null`` needs a predicted null), else an unordered
  pair; year compatible as above. ``optional`` is honoured when present.
* Documents: per gold ``doc``; an exported document missing from the export fails all four fields.
* Time expressions: the gold gives text only, so overlap is decided on the texts (case-folded,
  whitespace collapsed, typographic quotes made plain): one contains the other at word boundaries, or
  a suffix of one equals a prefix of the other over at least max(4, half the shorter) characters (the
  string image of two overlapping spans). Exported ``start``/``end`` are not used. "Right" means the
  exported interval lies inside the gold one and covers at least half its days; an open gold interval
  needs the same open interval. Only exported expressions in documents named by the gold can be false
  positives.
"""

from __future__ import annotations

import calendar
import re
import tomllib
import unicodedata
from collections import Counter
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

Interval = tuple[date | None, date | None]
Item = dict[str, Any]

ORDERED_FIGURE_KINDS = frozenset({"export", "import", "investment", "arms_value"})
MAX_EXTRA_DAYS = 366
VALUE_TOLERANCE = 0.01

_YEAR = re.compile(r"(\d{4})")
_MONTH = re.compile(r"(\d{4})-(\d{2})")
_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
# EDTF level 0 also writes a time of day ("2016-03-12T21:04", "…T21:04:00Z", "…T21:04+03:00"): that day
_DAY_TIME = re.compile(r"(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}(?::?\d{2})?)?")
_DECADE = re.compile(r"(\d{3})[XxUu]")
_CENTURY = re.compile(r"(\d{2})[XxUu]{2}")
_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "«": '"', "»": '"'})
_TITLE_STRIP = " \t\n\"'`.,;:!?-–—()[]"


# ---------------------------------------------------------------- EDTF


def _parse_single(text: str) -> tuple[date, date]:
    if m := _DAY_TIME.fullmatch(text):
        text = m[1]
    if m := _DAY.fullmatch(text):
        d = date(int(m[1]), int(m[2]), int(m[3]))
        return d, d
    if m := _MONTH.fullmatch(text):
        year, month = int(m[1]), int(m[2])
        return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
    if m := _YEAR.fullmatch(text):
        return date(int(m[1]), 1, 1), date(int(m[1]), 12, 31)
    if m := _DECADE.fullmatch(text):
        return date(int(m[1]) * 10, 1, 1), date(int(m[1]) * 10 + 9, 12, 31)
    if m := _CENTURY.fullmatch(text):
        return date(int(m[1]) * 100, 1, 1), date(int(m[1]) * 100 + 99, 12, 31)
    raise ValueError(f"not an EDTF date: {text!r}")


def parse_edtf(value: str) -> Interval:
    """EDTF string -> (first day, last day); ``None`` for an open side. Raises ValueError."""
    text = value.strip().rstrip("?~%")
    if "/" not in text:
        return _parse_single(text)
    left, _, right = text.partition("/")
    if left in ("", "..") and right in ("", ".."):
        raise ValueError(f"interval open on both sides: {value!r}")
    start = None if left in ("", "..") else _parse_single(left.rstrip("?~%"))[0]
    end = None if right in ("", "..") else _parse_single(right.rstrip("?~%"))[1]
    if start and end and start > end:
        raise ValueError(f"interval ends before it starts: {value!r}")
    return start, end


def _bounds(interval: Interval) -> tuple[date, date]:
    return interval[0] or date.min, interval[1] or date.max


def interval_days(interval: Interval) -> int:
    """Length in days, both ends included; open sides reach date.min/date.max."""
    first, last = _bounds(interval)
    return (last - first).days + 1


def _try_parse(value: Any) -> Interval | None:
    if value is None:
        return None
    try:
        return parse_edtf(str(value))
    except ValueError:
        return None


def dates_compatible(predicted: Any, gold: Any) -> bool:
    """Gold null accepts all; else the intervals overlap and predicted is at most 366 days longer."""
    if gold is None:
        return True
    pred = _try_parse(predicted)
    if pred is None:
        return False
    gold_iv = parse_edtf(str(gold))
    (p0, p1), (g0, g1) = _bounds(pred), _bounds(gold_iv)
    if p0 > g1 or g0 > p1:
        return False
    return interval_days(pred) - interval_days(gold_iv) <= MAX_EXTRA_DAYS


# ---------------------------------------------------------------- matching


def max_matching(
    n_gold: int, n_pred: int, edge: Callable[[int, int], bool], order: Sequence[int]
) -> dict[int, int]:
    """Maximum bipartite matching by augmenting paths, gold vertices tried in ``order``.

    Returns {gold index: predicted index}. A matched gold vertex stays matched, so gold items early in
    ``order`` are favoured.
    """
    adj = [[p for p in range(n_pred) if edge(g, p)] for g in range(n_gold)]
    pred_to_gold: dict[int, int] = {}
    for root in order:
        _augment(root, adj, pred_to_gold)
    return {g: p for p, g in pred_to_gold.items()}


def _augment(root: int, adj: list[list[int]], pred_to_gold: dict[int, int]) -> bool:
    """Search one augmenting path from a free gold vertex (iterative DFS) and flip it."""
    seen: set[int] = set()
    stack: list[tuple[int, int]] = [(root, 0)]
    via: dict[int, int] = {}  # gold vertex -> predicted vertex it was reached through
    while stack:
        g, i = stack.pop()
        if i >= len(adj[g]):
            continue
        stack.append((g, i + 1))
        p = adj[g][i]
        if p in seen:
            continue
        seen.add(p)
        owner = pred_to_gold.get(p)
        if owner is None:
            chain = [vertex for vertex, _ in stack]  # root .. g, the gold vertices of the path
            pred_to_gold[p] = chain[-1]
            for prev, nxt in zip(chain, chain[1:], strict=False):
                pred_to_gold[via[nxt]] = prev
            return True
        via[owner] = p
        stack.append((owner, 0))
    return False


def _prf(matched: int, predicted: int, matched_optional: int, required: int) -> dict[str, float]:
    denom = predicted - matched_optional
    precision = matched / denom if denom else 0.0
    recall = matched / required if required else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


def score_items(preds: list[Item], golds: list[Item], match: Callable[[Item, Item], bool]) -> dict:
    """One-to-one maximum matching (required gold first) and P/R/F1 as in ARCHITECTURE.md."""
    required = [i for i, g in enumerate(golds) if not g.get("optional")]
    optional = [i for i, g in enumerate(golds) if g.get("optional")]
    pairs = max_matching(len(golds), len(preds), lambda g, p: match(preds[p], golds[g]), required + optional)
    matched_req = sum(1 for g in pairs if not golds[g].get("optional"))
    matched_opt = len(pairs) - matched_req
    used = set(pairs.values())
    return {
        **_prf(matched_req, len(preds), matched_opt, len(required)),
        "matched": matched_req,
        "predicted": len(preds),
        "required": len(required),
        "matched_optional": matched_opt,
        "missed": [golds[i] for i in required if i not in pairs],
        "spurious": [p for i, p in enumerate(preds) if i not in used],
    }


# ---------------------------------------------------------------- events and figures


def _participants(item: Item) -> frozenset[str]:
    return frozenset(str(c).strip().upper() for c in item.get("participants") or [])


def event_matches(pred: Item, gold: Item) -> bool:
    types = {gold.get("type"), *(gold.get("alt_types") or [])}
    return (
        pred.get("type") in types
        and _participants(pred) == _participants(gold)
        and dates_compatible(pred.get("date"), gold.get("date"))
    )


def _ends(item: Item) -> tuple[str | None, ...]:
    return tuple(str(item[k]).strip().upper() if item.get(k) else None for k in ("from", "to"))


def _direction_ok(pred: Item, gold: Item) -> bool:
    """Ordered (from, to) for the Comtrade/SIPRI kinds, an unordered pair for the others."""
    if gold.get("kind") in ORDERED_FIGURE_KINDS:
        return _ends(pred) == _ends(gold)
    return Counter(_ends(pred)) == Counter(_ends(gold))


def _value_ok(pred: Any, gold: Any) -> bool:
    try:
        return abs(float(pred) - float(gold)) <= VALUE_TOLERANCE * abs(float(gold))
    except (TypeError, ValueError):
        return False


def figure_matches(pred: Item, gold: Item) -> bool:
    return (
        pred.get("kind") == gold.get("kind")
        and str(pred.get("unit") or "").casefold() == str(gold.get("unit") or "").casefold()
        and _value_ok(pred.get("value"), gold.get("value"))
        and _direction_ok(pred, gold)
        and dates_compatible(pred.get("year"), gold.get("year"))
    )


def _scored_dyads(gold: dict) -> set[frozenset[str]]:
    """The pairs whose events are scored: ``dyad``, or every pair of a multi-pair gold's ``dyads`` map."""
    if gold.get("dyads"):
        return {frozenset(c.upper() for c in pair) for pair in gold["dyads"].values()}
    return {frozenset(c.upper() for c in gold.get("dyad") or [])}


def score_events(export: dict, gold: dict) -> dict:
    dyads = _scored_dyads(gold)
    preds = [e for e in export.get("events") or [] if _participants(e) in dyads]
    golds = [e for e in gold.get("events") or [] if _participants(e) in dyads]
    report = score_items(preds, golds, event_matches)
    report["ignored"] = len(export.get("events") or []) - len(preds)
    missed = Counter(str(g.get("type")) for g in report["missed"])
    required = Counter(str(g.get("type")) for g in golds if not g.get("optional"))
    report["by_type"] = {t: {"found": n - missed[t], "required": n} for t, n in sorted(required.items())}
    return report


# Words that address or honour a person and are no part of the name ("Mr. N.P. Saud", "Sheikh Rashid Ahmed").
_HONORIFICS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "shri",
        "smt",
        "sri",
        "sir",
        "dame",
        "sheikh",
        "prince",
        "princess",
        "ayatollah",
        "excellency",
        "he",
        "hon",
    ]
)


def _name_key(name: Any, family_first: bool = True) -> tuple[str, ...]:
    """A name's words for comparison: folded to ASCII lower case, a family name written first in capitals
    put last unless ``family_first`` is false ("IWAYA Takeshi" is Takeshi Iwaya), honorifics and a
    quoted nickname dropped, and initials written together and marked with a final dot ("K.P.", "K. P."
    and "KP" are "kp.")."""
    text = re.sub(r"['‘“\"][^'’”\"]{2,30}['’”\"]", " ", str(name or ""))
    caps_first = family_first and re.fullmatch(
        r"\s*([A-Z]{3,}(?:-[A-Z]{2,})?)\s+([A-Z][a-z\u00C0-\u024F-]+)\s*", text
    )
    if caps_first:
        text = f"{caps_first.group(2)} {caps_first.group(1)}"
    text = re.sub(r"\b([A-Z]{2})\b(?=\s+[A-Z][a-z])", lambda m: ".".join(m.group(1)) + ".", text)
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().casefold()
    words = [w for w in re.split(r"[^a-z.]+", folded) if w.strip(".")]
    words = [w for w in words if w.strip(".") not in _HONORIFICS]
    out: list[str] = []
    for word in words:
        initials = re.fullmatch(r"(?:[a-z]\.)+[a-z]?\.?", word)
        letters = word.replace(".", "")
        if initials and out and out[-1].endswith("."):  # "K. P." as "K.P."
            out[-1] += letters + "."
        else:
            out.append(letters + ("." if initials else ""))
    return tuple(w for w in out if w.rstrip("."))


def _same_surname(a: str, b: str) -> bool:
    """The same family name, allowing one letter of transliteration in a long one ("Zelensky" and
    "Zelenskyy", "Lukashenko" and "Lukashenka", "Paudel" and "Poudel")."""
    if a == b:
        return True
    if min(len(a), len(b)) < 6 or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long = sorted((a, b), key=len)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


def _given_agree(a: str, b: str) -> bool:
    """Given names agree when equal or when one is written as initials of the other ("S." for
    "Subrahmanyam")."""
    if a.endswith(".") and not b.endswith("."):
        a, b = b, a
    return a == b or (b.endswith(".") and not a.endswith(".") and a.startswith(b[0]))


def _same_person(pred: Any, gold: Any) -> bool:
    """Same surname, and the given names agree where both are written ("Yoko Kamikawa" = "Yōko Kamikawa",
    "S. Jaishankar" = "Subrahmanyam Jaishankar"); or one name is the other with more of its parts
    ("Salva Kiir" and "Salva Kiir Mayardit"), or its family names alone ("López Obrador" and "Andrés Manuel
    López Obrador"). A family name first in capitals may also be written so by the other ("ITO Naoki" and
    "Ito Naoki")."""
    return _same_name(_name_key(pred), _name_key(gold)) or _same_name(
        _name_key(pred, family_first=False), _name_key(gold, family_first=False)
    )


def _same_name(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    if not (a and b):
        return False
    short, long = sorted((a, b), key=len)
    if len(short) >= 2 and short[0] == long[0] and _in_order(short, long):
        return True
    if len(short) >= 2 and long[-len(short) :] == short:  # both family names alone: "Lopez Obrador"
        return True
    surnames = _same_surname(a[-1].rstrip("."), b[-1].rstrip("."))
    return surnames and (len(a) == 1 or len(b) == 1 or _given_agree(a[0], b[0]))


def _in_order(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    rest = iter(long)
    return all(word in rest for word in short)


def score_actors(export: dict, gold: dict) -> dict:
    """Named people in the gold found among the exported actors, and found with the right country."""
    people = [a for a in export.get("actors") or [] if a.get("kind") == "person"]
    golds = [g for g in gold.get("actors") or [] if g.get("kind", "person") == "person"]
    found = right = 0
    missed, wrong = [], []
    for g in golds:
        same = [p for p in people if _same_person(p.get("name"), g.get("name"))]
        found += bool(same)
        if any(str(p.get("country") or "").upper() == str(g.get("country") or "").upper() for p in same):
            right += 1
        elif same:
            wrong.append({**g, "got": [p.get("country") for p in same]})
        else:
            missed.append(g)
    total = len(golds)
    return {
        "total": total,
        "found": found,
        "right": right,
        "recall": right / total if total else 0.0,
        "missed": missed,
        "wrong": wrong,
    }


# ---------------------------------------------------------------- documents


def _collapse(text: Any) -> str:
    return " ".join(str(text or "").translate(_QUOTES).split()).casefold()


def _field_equal(field: str, pred: Any, gold: Any) -> bool:
    if field == "title":
        return _collapse(pred).strip(_TITLE_STRIP) == _collapse(gold).strip(_TITLE_STRIP)
    if field == "authors":
        return [_collapse(a) for a in pred or []] == [_collapse(a) for a in gold or []]
    if field == "published":
        return (str(pred).strip() if pred else None) == (str(gold).strip() if gold else None)
    return pred == gold


def score_documents(export: dict, gold: dict) -> dict:
    fields = ("title", "kind", "authors", "published")
    exported = {d.get("doc"): d for d in export.get("documents") or []}
    counts = {f: {"correct": 0, "total": 0} for f in fields}
    mismatches: list[Item] = []
    all_ok = 0
    for gold_doc in gold.get("documents") or []:
        pred = exported.get(gold_doc["doc"])
        ok = True
        for f in fields:
            counts[f]["total"] += 1
            got = pred.get(f) if pred else None
            if pred is not None and _field_equal(f, got, gold_doc.get(f)):
                counts[f]["correct"] += 1
                continue
            ok = False
            mismatches.append({"doc": gold_doc["doc"], "field": f, "expected": gold_doc.get(f), "got": got})
        all_ok += ok
    total = len(gold.get("documents") or [])
    return dict(fields=counts, all_fields_correct=all_ok, total=total, mismatches=mismatches)


# ---------------------------------------------------------------- time expressions


def texts_overlap(a: str, b: str) -> bool:
    """Whether two texts from one document could be overlapping spans (see the module docstring)."""
    a, b = _collapse(a), _collapse(b)
    if not a or not b:
        return False
    short, long_ = sorted((a, b), key=len)
    if re.search(rf"(?<!\w){re.escape(short)}(?!\w)", long_):
        return True
    need = max(4, (len(short) + 1) // 2)
    return any(a.endswith(b[:k]) or b.endswith(a[:k]) for k in range(need, len(short)))


def timex_right(predicted: Any, gold: str) -> bool:
    """Exported interval inside the gold one covering at least half of it; open gold needs equality."""
    pred, gold_iv = _try_parse(predicted), parse_edtf(gold)
    if pred is None:
        return False
    if None in gold_iv or None in pred:
        return pred == gold_iv
    (p0, p1), (g0, g1) = _bounds(pred), _bounds(gold_iv)
    return g0 <= p0 and p1 <= g1 and 2 * interval_days(pred) >= interval_days(gold_iv)


def _overlapping(items: list[Item], other: Item) -> list[Item]:
    """The items in ``other``'s document whose text overlaps ``other``'s text."""
    text = str(other.get("text") or "")
    return [i for i in items if i.get("doc") == other.get("doc") and texts_overlap(i.get("text") or "", text)]


def score_time_expressions(export: dict, gold: dict) -> dict:
    golds = gold.get("time_expressions") or []
    vague = gold.get("vague_time_expressions") or []
    docs = {d.get("doc") for d in gold.get("documents") or []} | {t["doc"] for t in golds}
    preds = [t for t in export.get("time_expressions") or [] if t.get("doc") in docs]
    found = right = 0
    missed: list[Item] = []
    wrong: list[Item] = []
    for g in golds:
        hits = [p for p in preds if _overlapping([g], p)]
        if not hits:
            missed.append(g)
            continue
        found += 1
        if any(timex_right(p.get("value"), g["value"]) for p in hits):
            right += 1
        else:
            wrong.append({**g, "got": [p.get("value") for p in hits]})
    spurious = [p for p in preds if not _overlapping(golds + vague, p)]
    return dict(
        found=found,
        right=right,
        total=len(golds),
        false_positives=len(spurious),
        missed=missed,
        wrong=wrong,
        spurious=spurious,
    )


# ---------------------------------------------------------------- questions


def score_questions(answers: dict[str, dict], gold: dict) -> dict:
    results = []
    for q in gold.get("questions") or []:
        given = answers.get(q["id"]) or {}
        text = str(given.get("answer") or "")
        answer_ok = bool(text) and all(re.search(p, text, re.IGNORECASE) for p in q["answer_patterns"])
        cited = {c.get("doc") for c in given.get("citations") or [] if isinstance(c, dict)}
        cited_ok = bool(cited & set(q.get("sources") or []))
        row = {"id": q["id"], "right": answer_ok and cited_ok, "answer_ok": answer_ok, "cited_ok": cited_ok}
        results.append({**row, "answer": text})
    return {"right": sum(r["right"] for r in results), "total": len(results), "results": results}


# ---------------------------------------------------------------- entry points


def evaluate(export: dict, gold: dict, *, answers: dict[str, dict] | None = None) -> dict:
    """Score ``export`` against ``gold``; a JSON-serialisable report (see the module docstring)."""
    report = {
        "events": score_events(export, gold),
        "figures": score_items(export.get("figures") or [], gold.get("figures") or [], figure_matches),
        "documents": score_documents(export, gold),
        "time_expressions": score_time_expressions(export, gold),
    }
    if gold.get("actors"):
        report["actors"] = score_actors(export, gold)
    if answers is not None:
        report["questions"] = score_questions(answers, gold)
    return report


def _excerpt(item: Item) -> str:
    text = item.get("summary") or ""
    if not text:
        sources = item.get("sources") or item.get("evidence") or [{}]
        text = sources[0].get("text") or ""
    text = " ".join(str(text).split())
    return text if len(text) <= 90 else text[:89] + "…"  # 90 characters at most


def _describe(section: str, item: Item) -> str:
    if "id" in item:
        return f"{item['id']} {_describe(section, {k: v for k, v in item.items() if k != 'id'})}"
    if section == "events":
        who = "-".join(sorted(_participants(item)))
        return f"{item.get('type')} {item.get('date')} {who}: {_excerpt(item)}"
    if section == "figures":
        what = f"{item.get('kind')} {item.get('value')} {item.get('unit')} {item.get('year')}"
        return f"{what} {item.get('from')}->{item.get('to')}: {_excerpt(item)}"
    got = f" got {item['got']}" if "got" in item else ""
    return f"{item.get('doc')}: {item.get('text')!r} = {item.get('value')}{got}"


def format_report(report: dict) -> str:
    """Compact text: one summary line per section, then missed / spurious items one per line."""
    lines = []
    for name in ("events", "figures"):
        s = report[name]
        lines.append(
            f"{name:<16} P {s['precision']:.3f}  R {s['recall']:.3f}  F1 {s['f1']:.3f}  "
            f"matched {s['matched']}/{s['required']} required, {s['predicted']} predicted, "
            f"{s['matched_optional']} optional matched"
        )
    docs = report["documents"]
    per_field = ", ".join(f"{f} {c['correct']}/{c['total']}" for f, c in docs["fields"].items())
    lines.append(f"{'documents':<16} all fields {docs['all_fields_correct']}/{docs['total']}  ({per_field})")
    tx = report["time_expressions"]
    lines.append(
        f"{'time_expressions':<16} found {tx['found']}/{tx['total']}  right {tx['right']}/{tx['total']}"
        f"  false positives {tx['false_positives']}"
    )
    if "actors" in report:
        ac = report["actors"]
        lines.append(
            f"{'officials':<16} found {ac['found']}/{ac['total']}  right country {ac['right']}/{ac['total']}"
        )
    by_type = report["events"].get("by_type") or {}
    if by_type:
        lines.append(
            "events by type   " + ", ".join(f"{t} {c['found']}/{c['required']}" for t, c in by_type.items())
        )
    if "questions" in report:
        lines.append(f"{'questions':<16} right {report['questions']['right']}/{report['questions']['total']}")
    for name in ("events", "figures", "time_expressions"):
        for kind in ("missed", "wrong", "spurious"):
            lines.extend(f"  {name} {kind}: {_describe(name, i)}" for i in report[name].get(kind, []))
    for kind in ("missed", "wrong"):
        for a in (report.get("actors") or {}).get(kind, []):
            got = f" got {a['got']}" if "got" in a else ""
            lines.append(f"  officials {kind}: {a.get('name')} ({a.get('role')}, {a.get('country')}){got}")
    lines.extend(
        f"  document {m['doc']} {m['field']}: expected {m['expected']!r} got {m['got']!r}"
        for m in docs["mismatches"]
    )
    return "\n".join(lines)


# ---------------------------------------------------------------- floors

FLOOR_KEYS: dict[str, tuple[str, str]] = {
    "events_f1": ("events", "f1"),
    "figures_f1": ("figures", "f1"),
    "documents_all_fields": ("documents", "all_fields_correct"),
    "time_expressions_right": ("time_expressions", "right"),
    "questions_right": ("questions", "right"),
    "officials_right": ("actors", "right"),  # named officials found with the right country (a count)
}


def load_floors(path: Path, section: str = "seeds") -> dict[str, float]:
    """One section of ``quality_floors.toml``."""
    with path.open("rb") as fh:
        return dict(tomllib.load(fh).get(section, {}))


def check_floors(report: dict, floors: dict) -> list[str]:
    """Human-readable failures of ``report`` against one section of floors (``key = minimum``)."""
    failures = []
    for key, floor in floors.items():
        if key not in FLOOR_KEYS:
            failures.append(f"unknown floor {key!r} (known: {', '.join(FLOOR_KEYS)})")
            continue
        section, field = FLOOR_KEYS[key]
        if section not in report:
            failures.append(f"{key}: no {section!r} section in the report")
        elif report[section][field] < floor:
            failures.append(f"{key}: {report[section][field]:.3f} is below the floor {floor}")
    return failures


def read_gold(path: Path) -> dict:
    """A gold annotation file; EvalError with the reason when it cannot be used."""
    import json

    from dyad.errors import EvalError

    try:
        gold = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise EvalError(f"cannot read gold file {path}: {exc}") from exc
    if not isinstance(gold, dict) or not ("dyad" in gold or "dyads" in gold):
        raise EvalError(f"{path} is not a dyad gold file (no 'dyad' or 'dyads' key)")
    for section, key in (("events", "date"), ("figures", "year"), ("time_expressions", "value")):
        for n, item in enumerate(gold.get(section) or []):
            value = item.get(key) if isinstance(item, dict) else None
            if value in (None, ""):
                continue
            try:
                parse_edtf(str(value))
            except ValueError as exc:  # the scorer reads every one of these as a date
                raise EvalError(
                    f"{path}: {section}[{n}].{key} {value!r} is not an EDTF date ({exc})"
                ) from exc
    return gold


def evaluate_store(db_url: str, gold_path: Path, *, questions: bool = False) -> dict:
    """Score the store at ``db_url`` (its JSON export) against the gold file. Ingests nothing.

    With ``questions``, also asks the gold's questions of the store and scores the answers.
    """
    from dyad.ask import ask
    from dyad.export import build_export
    from dyad.store import Store

    gold = read_gold(gold_path)
    with Store(db_url, create=False) as store:
        answers = None
        if questions:
            answers = {q["id"]: ask(store, q["question"]).to_dict() for q in gold.get("questions") or []}
        return evaluate(build_export(store), gold, answers=answers)
