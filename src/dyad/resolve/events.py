"""Per-document event mentions → resolved events, and the conflicts between them.

Two mentions are one event when type, participants and status are equal, they do not name different
instruments ("the 2004 Technical-Military Agreement" is not "the 2006 Partnership Agreement"), and their
dates are compatible: the intervals overlap, both are day-precise within a week ("arrived last Friday",
"signed Monday" of one state visit), or one is undated and both name the same instrument. Mentions that
name the same instrument with incompatible dates stay apart and are reported as a date conflict.
``group_events`` keeps apart, besides, mentions that tell two acts (``_Group.refuses``): one-day acts one
document dates to two days, visits dated explicitly days apart, acts of different sides, and conflict acts
of different kinds (CAMEO roots) told by one story, or by two that each name the side and the date.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from dyad.models import ACTS_OF_KINDS

_BASIS_RANK = {"explicit": 0, "relative": 1, "inferred": 2}
_NEAR = dt.timedelta(days=7)
INSTRUMENT = re.compile(
    r"\b((?:[A-Z][\w-]*\s+(?:(?:of|on|for|and)\s+)?){0,6}"
    r"(?:Agreement|Declaration|Treaty|Accord|Memorandum|Convention|Protocol|Pact|Charter|Partnership))"
    r"((?:\s+(?:of|on|for)\s+(?:[A-Z][\w-]*\s*){1,5})?)"
)
_STOP = frozenset(["a", "an", "the", "of", "on", "for", "and", "in", "to"])


# a write re-resolves the stored mentions of the clusters it touches: their sentences come back each time
@lru_cache(maxsize=1 << 16)
def instrument_key(sentence: str) -> frozenset[str]:
    """Content words of the named instrument in a sentence ("Joint Declaration on Strategic Partnership")."""
    best: frozenset[str] = frozenset()
    for m in INSTRUMENT.finditer(sentence):
        words = frozenset(w.lower() for w in re.findall(r"[\w-]+", m.group(0)) if w.lower() not in _STOP)
        if len(words) >= 2 and len(words) > len(best):
            best = words
    return best


def span(row: dict[str, Any]) -> tuple[dt.date, dt.date] | None:
    start, end = row.get("day_start"), row.get("day_end")
    if start is None and end is None:
        return None
    return (start or dt.date.min, end or dt.date.max)


def dates_compatible(a: dict[str, Any], b: dict[str, Any]) -> bool:
    sa, sb = span(a), span(b)
    if sa is None or sb is None:
        return sa is None and sb is None
    if sa[0] <= sb[1] and sb[0] <= sa[1]:
        return True
    short = all((s[1] - s[0]) <= _NEAR for s in (sa, sb))
    return short and abs(sa[0] - sb[0]) <= _NEAR


def names_agree(a: frozenset[str], b: frozenset[str]) -> bool:
    return not a or not b or len(a & b) >= 0.6 * min(len(a), len(b))


# Acts over in a day: one document giving two days for acts of one of these kinds tells of two acts
# ("summoned the envoy on Sunday; Dhaka's envoy was summoned on Monday"), which never join one group. A
# visit or a round of talks lasts days, and two documents that differ by a day may be reporting one act.
# (Checked in group_events, not in same_event: clusters stay as coarse as before, and alike mentions of
# many documents keep one signature.)
_ONE_DAY_ACTS = frozenset(("dispute", "sanction", "use_of_force", "diplomatic_relations", "statement"))


# Two documents that each say one side did a conflict act to the other, each dating it by its own words,
# and that name acts of different kinds ("Chile accused Japan of spying on 11 March"; "Chile rejected
# Japan's proposal on 11 March") tell two acts, as one story does. (Checked in group_events.)
#
# A story that tells a conflict act of one kind (a demand, a rejection, a protest: another CAMEO root) in
# one sentence and an act of another kind in another tells two acts, however it dates them: by its own day
# ("on Monday"), by a date it writes, or only by its week. Sharing that date does not make them one.
# (Checked in group_events, for models.ACTS_OF_KINDS.)


def _told_act(row: dict[str, Any]) -> tuple[str, tuple[str, int]] | None:
    """(document, (CAMEO root, sentence start)) of a conflict act, else None."""
    if row["type"] not in ACTS_OF_KINDS:
        return None
    return (row["doc_id"], (str(row.get("cameo") or "")[:2], row["start"]))


def _dated_act(row: dict[str, Any]) -> tuple[str, str] | None:
    """(document, CAMEO root) of a conflict act whose own words give the side that acted and the date
    (written, or told against the story: "on Monday"), else None."""
    told = _told_act(row)
    if told is None or not row.get("initiator") or row.get("date_basis") not in ("explicit", "relative"):
        return None
    return (told[0], told[1][0])


def _act_day(row: dict[str, Any]) -> tuple[str, Any] | None:
    """(document, day) of a mention dated to one day of an act over in a day, else None."""
    start = row.get("day_start")
    if start is None or start != row.get("day_end") or row.get("type") not in _ONE_DAY_ACTS:
        return None
    return (row["doc_id"], start)


# Two mentions each dated explicitly ("on 8 July", "14-16 July 2018") to days that do not overlap and lie
# more than this apart are two acts, though within the week that lets a relative date ("arrived last
# Friday") join an explicit one. (Checked in group_events, as _ONE_DAY_ACTS is.)
_EXPLICIT_GAP = dt.timedelta(days=2)


def _explicit_span(row: dict[str, Any]) -> tuple[dt.date, dt.date] | None:
    found = span(row)
    if row.get("date_basis") != "explicit" or found is None or dt.date.min in found or dt.date.max in found:
        return None
    return found


def _apart(a: tuple[dt.date, dt.date], b: tuple[dt.date, dt.date]) -> bool:
    return b[0] - a[1] > _EXPLICIT_GAP or a[0] - b[1] > _EXPLICIT_GAP


def same_event(a: dict[str, Any], b: dict[str, Any]) -> bool:
    if not names_agree(a["_name"], b["_name"]):
        return False
    if dates_compatible(a, b):
        return True
    one_undated = (span(a) is None) != (span(b) is None)
    return one_undated and bool(a["_name"]) and a["_name"] == b["_name"]


def date_rank(row: dict[str, Any]) -> tuple[int, dt.timedelta]:
    """Lower is better: explicit before relative before inferred, then the narrowest interval."""
    found = span(row)
    if found is None:
        return (9, dt.timedelta.max)
    bounded = found[0] != dt.date.min and found[1] != dt.date.max
    return (
        _BASIS_RANK.get(row.get("date_basis") or "", 3),
        (found[1] - found[0]) if bounded else dt.timedelta.max,
    )


def _source(row: dict[str, Any], names: dict[str, str]) -> dict[str, Any]:
    return {
        "doc": names[row["doc_id"]],
        "text": row["sentence"],
        "start": row["start"],
        "end": row["end"],
        "date": row["date_edtf"],
        "date_basis": row["date_basis"],
    }


def group_order(row: dict[str, Any]) -> tuple[str, str, tuple[int, dt.timedelta], str]:
    """The order in which mentions are grouped (and groups listed): type, pair, best date first."""
    return (row["type"], row["participants"], date_rank(row), row["id"])


def partition(row: dict[str, Any]) -> tuple[str, str, str]:
    """Mentions can only be one event within one type, pair and status (a planned visit is not the visit
    made)."""
    return (row["type"], row["participants"], row["status"])


Signature = tuple[Any, Any, frozenset[str]]


def signature(row: dict[str, Any]) -> Signature:
    """All that ``same_event`` reads of a mention: rows alike in it merge alike (many reports of one
    event often are), so each group is checked once per signature, not once per member."""
    return (row.get("day_start"), row.get("day_end"), row["_name"])


def _same(a: Signature, b: Signature, known: dict[tuple[Signature, Signature], bool]) -> bool:
    if (a, b) not in known:
        known[(a, b)] = same_event(
            {"day_start": a[0], "day_end": a[1], "_name": a[2]},
            {"day_start": b[0], "day_end": b[1], "_name": b[2]},
        )
    return known[(a, b)]


def clusters(rows: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """The rows of one ``partition`` split where no chain of ``same_event`` links them: ``group_events``
    never puts a mention in a group with one it cannot be the same event as, so each cluster groups
    alone as it would among all the rows. This is what lets a new document re-resolve only the clusters
    it touches."""
    parent = list(range(len(rows)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def join(i: int, j: int) -> None:
        parent[find(i)] = find(j)

    first: dict[Signature, int] = {}
    for i, row in enumerate(rows):
        if "_name" not in row:
            row["_name"] = instrument_key(row["sentence"])
        first.setdefault(signature(row), i)
    for i, row in enumerate(rows):  # alike mentions are always the same event: compare one of each kind
        join(i, first[signature(row)])
    spans = {i: s for i in first.values() if (s := span(rows[i])) is not None}
    dated = sorted(spans, key=lambda i: spans[i][0])
    for a, i in enumerate(dated):
        lo, hi = spans[i]
        reach = max(hi, lo + _NEAR)  # a later start beyond this can neither overlap nor be near
        for j in dated[a + 1 :]:
            if spans[j][0] > reach:
                break
            if find(i) != find(j) and same_event(rows[i], rows[j]):
                join(i, j)
    undated = [i for i in first.values() if i not in spans]
    unnamed = [i for i in undated if not rows[i]["_name"]]
    named = [i for i in undated if rows[i]["_name"]]
    for i in unnamed[1:] + named:  # an unnamed undated mention agrees with every undated one
        if unnamed:
            join(i, unnamed[0])
    for a, i in enumerate(named):
        for j in named[a + 1 :]:
            if find(i) != find(j) and same_event(rows[i], rows[j]):
                join(i, j)
    by_name: dict[frozenset[str], list[int]] = {}
    for i in dated:
        if rows[i]["_name"]:
            by_name.setdefault(rows[i]["_name"], []).append(i)
    for i in named:  # an undated mention is the dated one that names the same instrument
        for j in by_name.get(rows[i]["_name"], []):
            join(i, j)
    found: dict[int, list[dict[str, Any]]] = {}
    for i, row in enumerate(rows):
        found.setdefault(find(i), []).append(row)
    return list(found.values())


@dataclass
class _Group:
    """A group being built, with what its members say against newcomers."""

    rows: list[dict[str, Any]]
    kinds: set[Signature] = field(default_factory=set)
    days: dict[str, Any] = field(default_factory=dict)  # the day each document gives its one-day acts
    told: set[tuple[dt.date, dt.date]] = field(default_factory=set)  # the explicit dates of its mentions
    acts: dict[str, set[tuple[str, int]]] = field(
        default_factory=dict
    )  # per document: (CAMEO root, sentence)
    initiators: set[str] = field(default_factory=set)  # the sides its mentions say acted
    dated: set[tuple[str, str]] = field(default_factory=set)  # (document, CAMEO root) of its _dated_act

    def refuses(self, row: dict[str, Any]) -> bool:
        act, explicit, told = _act_day(row), _explicit_span(row), _told_act(row)
        if act is not None and self.days.get(act[0], act[1]) != act[1]:
            return True  # this document dates another act of the kind to another day
        if explicit is not None and any(_apart(explicit, other) for other in self.told):
            return True  # "8-9 July" and "14-16 July": two visits, each dated by its text
        if row.get("initiator") and self.initiators - {row["initiator"]}:
            return True  # "the UK expelled 23 Russian diplomats", "Russia expelled 23 British": two acts
        if (mine := _dated_act(row)) is not None and any(
            doc != mine[0] and root != mine[1] for doc, root in self.dated
        ):
            return True  # another document tells another kind of act by the same side
        return told is not None and any(
            root != told[1][0] and start != told[1][1] for root, start in self.acts.get(told[0], ())
        )  # the story tells another kind of act in another sentence

    def add(self, row: dict[str, Any]) -> None:
        self.rows.append(row)
        self.kinds.add(signature(row))
        if (act := _act_day(row)) is not None:
            self.days[act[0]] = act[1]
        if (explicit := _explicit_span(row)) is not None:
            self.told.add(explicit)
        if (told := _told_act(row)) is not None:
            self.acts.setdefault(told[0], set()).add(told[1])
        if row.get("initiator"):
            self.initiators.add(row["initiator"])
        if (mine := _dated_act(row)) is not None:
            self.dated.add(mine)


def group_events(rows: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Mentions in ``group_order``, each joining the first group of its partition whose every member can
    be the same event (greedy: the first mentions, the best dated, found the groups)."""
    groups: list[_Group] = []
    known: dict[tuple[Signature, Signature], bool] = {}
    for row in sorted(rows, key=group_order):
        if "_name" not in row:  # clusters() may have read it already
            row["_name"] = instrument_key(row["sentence"])
        key, mine = partition(row), signature(row)
        for group in groups:
            if group.refuses(row):
                continue
            if partition(group.rows[0]) == key and all(_same(k, mine, known) for k in group.kinds):
                group.add(row)
                break
        else:
            groups.append(_Group([]))
            groups[-1].add(row)
    return [g.rows for g in groups]


def acting_side(group: list[dict[str, Any]]) -> str | None:
    """The side a group's mentions say acted on the other: the one they name; none when none names one or,
    should they ever disagree (``_Group`` keeps mentions of different acting sides apart), none."""
    named = {r["initiator"] for r in group if r.get("initiator")}
    return named.pop() if len(named) == 1 else None


def resolve_event(
    group: list[dict[str, Any]], names: dict[str, str], independence: dict[str, int]
) -> dict[str, Any]:
    best = min(group, key=lambda r: (date_rank(r), -r["confidence"]))
    sources = list({(s["doc"], s["start"]): s for s in (_source(r, names) for r in group)}.values())
    docs = {s["doc"] for s in sources}
    actors = list(dict.fromkeys(a for r in group for a in json.loads(r["actors"])))
    resolved = {k: v for k, v in best.items() if not k.startswith("_")}
    return {
        **resolved,
        "participants": json.loads(best["participants"]),
        "initiator": acting_side(group),  # not only the best-dated mention's: any of them may name it
        "actors": actors,
        "sources": sources,
        "source_count": len(docs),
        "independent_sources": len({independence.get(d, d) for d in docs}),
        "mention_ids": [r["id"] for r in group],
        "confidence": round(min(0.99, max(r["confidence"] for r in group) + 0.05 * (len(docs) - 1)), 2),
        "name": " ".join(sorted(best["_name"])) or None,
    }


def dates_conflict(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Two groups (by their first mentions) that name the same instrument with dates that cannot both
    be right."""
    if (a["type"], a["participants"]) != (b["type"], b["participants"]):
        return False
    if not a["_name"] or not b["_name"] or not names_agree(a["_name"], b["_name"]):
        return False
    return span(a) is not None and span(b) is not None and not dates_compatible(a, b)


def date_conflict(a: dict[str, Any], b: dict[str, Any]) -> dict[str, Any]:
    """The conflict between two resolved events, ``a`` first in the record."""
    return {
        "kind": "event_date",
        "type": a["type"],
        "participants": a["participants"],
        "about": a["summary"],
        "sides": [{"date": r["date_edtf"], "event": r["id"], "sources": r["sources"]} for r in (a, b)],
    }


def event_conflicts(
    groups: list[list[dict[str, Any]]], resolved: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """Resolved events that name the same instrument with dates that cannot both be right."""
    return [
        date_conflict(resolved[i], resolved[j])
        for i in range(len(groups))
        for j in range(i + 1, len(groups))
        if dates_conflict(groups[i][0], groups[j][0])
    ]
