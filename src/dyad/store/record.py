"""The resolved record, kept in its own tables at write time and read by SQL.

When a document is written, each of its event mentions is compared (by index: same type, pair and
status, near dates or the same named instrument) with the mentions already stored; the clusters it
touches (``dyad.resolve.events.clusters``) are resolved again and their rows replaced. Figures resolve
within their kind, unit, direction, year and status. Removing a document re-resolves the clusters it was
in. ``rebuild`` resolves everything again, after a change of the rules. Event headlines and independent
source counts depend on the whole store (actors' roles, who wrote what), so readers add them to the rows
they show (``dyad.query``).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from fractions import Fraction
from functools import cache, lru_cache
from itertools import combinations
from typing import Any

from sqlalchemy import (
    Connection,
    Date,
    and_,
    bindparam,
    case,
    delete,
    func,
    insert,
    literal,
    or_,
    select,
    text,
    union_all,
    update,
)

from dyad.resolve.actors import read_mention
from dyad.resolve.events import (
    clusters,
    date_conflict,
    dates_conflict,
    group_events,
    group_order,
    instrument_key,
    partition,
    resolve_event,
    same_event,
    span,
)
from dyad.resolve.figures import resolve_figures, value_conflict, values_agree
from dyad.resolve.sources import source_keys
from dyad.store import schema
from dyad.weights import counts, event_scope, event_shares, figure_scope, figure_shares

_NEAR = dt.timedelta(days=7)  # resolve.events: day-precise mentions a week apart can be one event
_SHORT = dt.timedelta(days=schema.SHORT_SPAN_DAYS)


def long_span(start: dt.date | None, end: dt.date | None) -> int:
    """1 for a mention undated, open at one end or longer than SHORT_SPAN_DAYS (``record_event_links``)."""
    return int(start is None or end is None or (end - start).days > schema.SHORT_SPAN_DAYS)


_CHUNK = 500  # ids per IN (...) list: well under SQLite's limit on bound parameters


def chunks(items: Iterable[Any]) -> Iterator[list[Any]]:
    items = list(items)
    for i in range(0, len(items), _CHUNK):
        yield items[i : i + _CHUNK]


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, default=str)


def order_key(head: dict[str, Any]) -> str:
    """``group_order`` as one string that sorts the same way (widths zero-padded, tab-separated)."""
    kind, participants, (basis, width), first = group_order(head)
    return f"{kind}\t{participants}\t{basis}\t{width.days:010d}\t{first}"


def _instrument(row: dict[str, Any]) -> str:
    return " ".join(sorted(row["_name"]))


# -- events ------------------------------------------------------------------------------------------------


def _event_rows(conn: Connection, where: Any) -> list[dict[str, Any]]:
    return [dict(r) for r in conn.execute(select(schema.events).where(where)).mappings()]


def _neighbours(conn: Connection, rows: list[dict[str, Any]]) -> set[str]:
    """Components holding a stored mention that could be the same event as one of ``rows``: one statement
    for a few dozen rows (a write's cost on a server is in its round trips). The index finds mentions of a
    row's type, pair and status near its dates or naming its instrument (``_near``: everything
    ``same_event`` can join, and more), and ``same_event`` decides."""
    out = set()
    for i in range(0, len(rows), _NEAR_ROWS):
        chunk = rows[i : i + _NEAR_ROWS]
        by_partition: dict[tuple[str, str, str], list[dict[str, Any]]] = {}
        for row in chunk:
            by_partition.setdefault(partition(row), []).append(row)
        kinds: list[str] = []
        params: dict[str, Any] = {}
        for row in chunk:
            for kind, values in _near(row):
                params.update({f"{name}{len(kinds)}": value for name, value in values.items()})
                kinds.append(kind)
        for c in conn.execute(_near_statement(tuple(kinds)), params).mappings():
            if c["component"] in out:
                continue
            other = {**c, "_name": frozenset(c["instrument"].split())}
            if any(same_event(other, row) for row in by_partition[partition(other)]):
                out.add(c["component"])
    return out


_NEAR_ROWS = 50  # mentions whose neighbours one statement finds

# The index ranges a new mention's neighbours lie in (``_near``), as SQL over record_event_links with
# parameters numbered by the range's place in the statement: the statements are built once per sequence
# of ranges and cached, since building them as expressions was the largest constant cost of a write.
_SAME = "type = :type{n} AND participants = :participants{n} AND status = :status{n}"
_NO_DAYS = "day_start IS NULL AND day_end IS NULL"
_RANGES = {
    "undated": f"{_SAME} AND long_span = 1 AND {_NO_DAYS}",
    "named": f"{_SAME} AND instrument = :instrument{{n}}",
    "named_undated": f"{_SAME} AND instrument = :instrument{{n}} AND {_NO_DAYS}",
    # a short mention that ends on or after ``lo`` starts at most SHORT_SPAN_DAYS before it: a bounded
    # range of first days, not every earlier mention of the pair (which grew with the store)
    "short": f"{_SAME} AND long_span = 0 AND day_start >= :earliest{{n}} AND day_start <= :hi{{n}}"
    " AND day_end >= :lo{n}",
    # the few long ones apart
    "long": f"{_SAME} AND long_span = 1 AND NOT ({_NO_DAYS})"
    " AND (day_start IS NULL OR day_start <= :hi{n}) AND (day_end IS NULL OR day_end >= :lo{n})",
}


@lru_cache(maxsize=512)
def _near_statement(kinds: tuple[str, ...]) -> Any:
    """One SELECT per range, read as a UNION ALL: an OR of them is read as one scan of the whole pair."""
    links = schema.event_links
    columns = "component, day_start, day_end, instrument, type, participants, status"
    sql = " UNION ALL ".join(
        f"SELECT {columns} FROM {links.name} WHERE {_RANGES[kind].format(n=n)}"
        for n, kind in enumerate(kinds)
    )
    dates = [
        bindparam(f"{name}{n}", type_=Date)
        for n, kind in enumerate(kinds)
        for name in ("earliest", "hi", "lo")
        if f":{name}{{n}}" in _RANGES[kind]
    ]
    return text(sql).bindparams(*dates).columns(*(links.c[name] for name in columns.split(", ")))


def _near(row: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """Where to find stored mentions of ``row``'s type, pair and status near its dates (a week either way;
    undated when it is) or, undated on one side, naming its instrument: each one index range of
    ``_RANGES``, with its values."""
    same = {"type": row["type"], "participants": row["participants"], "status": row["status"]}
    named = {**same, "instrument": _instrument(row)} if row["_name"] else None
    found = span(row)
    if found is None:
        return [("undated", same)] if named is None else [("undated", same), ("named", named)]
    lo, hi = found
    lo = lo - _NEAR if lo > dt.date.min + _NEAR else dt.date.min
    hi = hi + _NEAR if hi < dt.date.max - _NEAR else dt.date.max
    earliest = lo - _SHORT if lo > dt.date.min + _SHORT else dt.date.min
    ranges = [
        ("short", {**same, "earliest": earliest, "hi": hi, "lo": lo}),
        ("long", {**same, "hi": hi, "lo": lo}),
    ]
    return ranges if named is None else [*ranges, ("named_undated", named)]


def _component_rows(conn: Connection, components: set[str]) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """The mentions of ``components``, and where each is linked now (mention id → (component, event))."""
    links = schema.event_links
    rows, linked = [], {}
    for chunk in chunks(components):
        query = select(links.c.mention_id, links.c.component, links.c.event_id).where(
            links.c.component.in_(chunk)
        )
        linked.update({m: (c, e) for m, c, e in conn.execute(query).all()})
    for chunk in chunks(linked):
        rows += _event_rows(conn, schema.events.c.id.in_(chunk))
    return rows, linked


def _doc_names(conn: Connection, doc_ids: Iterable[str]) -> dict[str, str]:
    d = schema.documents
    names = {}
    for chunk in chunks(set(doc_ids)):
        names.update(dict(conn.execute(select(d.c.id, d.c.name).where(d.c.id.in_(chunk))).all()))
    return names


# What a resolved event keeps in columns of its own rather than in its ``data`` (read back by _decode).
_EVENT_COLUMNS = ("independent_sources", "day_start", "day_end", "initiator")


def _record_event_row(event: dict[str, Any], head: dict[str, Any], component: str) -> dict[str, Any]:
    data = {k: v for k, v in event.items() if k not in _EVENT_COLUMNS}
    return {
        "id": event["id"],
        "component": component,
        "pair": ",".join(sorted(set(event["participants"]))),
        "participants": head["participants"],
        "type": event["type"],
        "status": event["status"],
        "dimension": event["dimension"],
        "date_edtf": event["date_edtf"],
        "day_start": event["day_start"],
        "day_end": event["day_end"],
        "source_count": event["source_count"],
        "initiator": event["initiator"],
        "order_key": order_key(head),
        "head_name": _instrument(head),
        "head_day_start": head["day_start"],
        "head_day_end": head["day_end"],
        "data": _dumps(data),
    }


def _resolve_events(conn: Connection, old: set[str], new_rows: list[dict[str, Any]]) -> None:
    """Replace the resolved events of components ``old`` and of the mentions ``new_rows``."""
    stored, linked = _component_rows(conn, old)
    rows = new_rows + stored
    e = schema.record_events
    scopes = {(r["type"], r["participants"]) for r in rows}  # and those of events that may vanish:
    for chunk in chunks(old):
        found = conn.execute(select(e.c.type, e.c.participants).where(e.c.component.in_(chunk)))
        scopes |= {(kind, participants) for kind, participants in found}
        conn.execute(delete(e).where(e.c.component.in_(chunk)))
    names = _doc_names(conn, (r["doc_id"] for r in rows))
    parts: dict[tuple[str, str, str], list[dict[str, Any]]] = {}
    for row in rows:
        parts.setdefault(partition(row), []).append(row)
    links, events = [], []
    for part in parts.values():
        for cluster in clusters(part):
            component = min(r["id"] for r in cluster)
            for group in group_events(cluster):
                event = resolve_event(group, names, {})
                events.append(_record_event_row(event, group[0], component))
                links += [
                    _link_row(r, component, event["id"])
                    for r in group
                    if linked.get(r["id"]) != (component, event["id"])  # many links stay as they were
                ]
    moved = [link["mention_id"] for link in links if link["mention_id"] in linked]
    for chunk in chunks(moved):
        conn.execute(delete(schema.event_links).where(schema.event_links.c.mention_id.in_(chunk)))
    _insert(conn, schema.event_links, links)
    _count_independent(conn, "event", events)  # over the links just written
    _insert(conn, schema.record_events, events)
    _refresh_event_conflicts(conn, scopes)
    _replace_terms(conn, "event", _terms_of("component", old), events)


def _link_row(row: dict[str, Any], component: str, event_id: str) -> dict[str, Any]:
    return {
        "mention_id": row["id"],
        "doc_id": row["doc_id"],
        "type": row["type"],
        "participants": row["participants"],
        "status": row["status"],
        "day_start": row["day_start"],
        "day_end": row["day_end"],
        "instrument": _instrument(row),
        "component": component,
        "event_id": event_id,
        "long_span": long_span(row["day_start"], row["day_end"]),
    }


def _refresh_event_conflicts(conn: Connection, scopes: set[tuple[str, str]]) -> None:
    """Date conflicts within each (type, participants): between groups that name one instrument. One
    statement deletes the scopes' conflicts and one reads their named events (a few hundred scopes at a
    time), whatever their number: a write's cost is in round trips on a server."""
    e, c = schema.record_events, schema.record_conflicts
    ordered = sorted(scopes)
    for i in range(0, len(ordered), _COMPOUND):
        chunk = ordered[i : i + _COMPOUND]
        conn.execute(delete(c).where(c.c.scope.in_([f"event\t{kind}\t{p}" for kind, p in chunk])))
        named = [
            select(e.c.type, e.c.participants, e.c.head_name, e.c.head_day_start, e.c.head_day_end)
            .add_columns(e.c.order_key, e.c.data)
            .where(
                e.c.type == kind,
                e.c.participants == participants,
                e.c.head_name != "",
                or_(e.c.head_day_start.is_not(None), e.c.head_day_end.is_not(None)),
            )
            for kind, participants in chunk
        ]
        heads: dict[tuple[str, str], list[Any]] = {}
        for r in conn.execute(union_all(*named) if len(named) > 1 else named[0]).mappings():
            head = {
                "type": r["type"],
                "participants": r["participants"],
                "_name": frozenset(r["head_name"].split()),
                "day_start": r["head_day_start"],
                "day_end": r["head_day_end"],
            }
            heads.setdefault((r["type"], r["participants"]), []).append(
                (r["order_key"], head, json.loads(r["data"]))
            )
        found = []
        for (kind, participants), listed in heads.items():
            listed.sort(key=lambda h: h[0])
            found += [
                {
                    "scope": f"event\t{kind}\t{participants}",
                    "order_key": f"0\n{ka}\n{kb}",
                    "codes": ",".join(a["participants"]),
                    "pair": _pair(a["participants"]),
                    "data": _dumps(date_conflict(a, b)),
                }
                for i, (ka, ha, a) in enumerate(listed)
                for kb, hb, b in listed[i + 1 :]
                if dates_conflict(ha, hb)
            ]
        _insert(conn, c, found)


# -- figures -----------------------------------------------------------------------------------------------


_FIGURE_KEY = tuple(
    getattr(schema.figures.c, k) for k in ("kind", "unit", "from_code", "to_code", "year_edtf", "status")
)


def figure_component(row: Any) -> str:
    """Figures resolve within one kind, unit, direction, year and status (``resolve.figures``)."""
    return _dumps([row[c.name] for c in _FIGURE_KEY])


def _resolve_figures(conn: Connection, components: set[str], new_rows: list[dict[str, Any]]) -> None:
    """Replace the resolved figures (and their conflicts) of ``components`` and of new mentions."""
    f, links, rf, c = schema.figures, schema.figure_links, schema.record_figures, schema.record_conflicts
    rows = list(new_rows)
    for chunk in chunks(components):
        ids = select(links.c.mention_id).where(links.c.component.in_(chunk))
        rows += _figure_rows(conn, f.c.id.in_(ids))
        conn.execute(delete(links).where(links.c.component.in_(chunk)))
        conn.execute(delete(rf).where(rf.c.component.in_(chunk)))
        conn.execute(delete(c).where(c.c.scope.in_(["figure\t" + x for x in chunk])))
    figures = _write_resolved_figures(conn, rows)
    _replace_terms(conn, "figure", _terms_of("component", components), figures)


def _figure_conflict_row(conflict: dict[str, Any], component: str) -> dict[str, Any]:
    first, second = (side["figure"] for side in conflict["sides"])
    return {
        "scope": "figure\t" + component,
        "order_key": f"1\n{first}\n{second}",
        "codes": ",".join(p for p in conflict["participants"] if p),
        "pair": _pair(conflict["participants"]),
        "data": _dumps(conflict),
        "first": first,
        "second": second,
    }


def _report(value: tuple[float, str]) -> dict[str, Any]:
    return {"value": value[0], "qualifier": value[1]}


def _agreeing(fresh: list[dict[str, Any]], known: Sequence[Any]) -> set[tuple[float, str]]:
    """The values (with qualifiers) of ``known`` reports that agree with a ``fresh`` one, directly or
    through a chain of values that agree one with the next."""
    values = {(r.value, r.qualifier) for r in known}
    reached = {(r["value"], r["qualifier"]) for r in fresh}
    frontier = set(reached)
    while frontier:
        found = {v for v in values - reached if any(values_agree(_report(v), _report(w)) for w in frontier)}
        reached |= found
        frontier = found
    return reached


def _add_figures(conn: Connection, new_rows: list[dict[str, Any]]) -> None:
    """Resolve new figure reports into the record, touching only what they can change. Reports of one
    quantity (kind, unit, direction, year, status) are grouped by agreeing values; a report whose value
    cannot meet a new report's, even through a chain of agreeing values, is grouped as before. So only the
    figures of the new reports' chains are resolved again, and only their conflicts with the others of the
    quantity written again: the cost follows the figures of that quantity, not the square of them. The
    quantities a batch touches are done a few dozen at a time, each step one statement for all of them."""
    parts: dict[str, list[dict[str, Any]]] = {}
    for row in new_rows:
        parts.setdefault(figure_component(row), []).append(row)
    components = list(parts)
    for i in range(0, len(components), _QUANTITIES):
        _add_figure_quantities(conn, {c: parts[c] for c in components[i : i + _QUANTITIES]})


_QUANTITIES = 50  # figure quantities resolved together: what is held is their mentions, not the store's


def _add_figure_quantities(conn: Connection, parts: dict[str, list[dict[str, Any]]]) -> None:
    f, links, rf, c = schema.figures, schema.figure_links, schema.record_figures, schema.record_conflicts
    known: dict[str, list[Any]] = {component: [] for component in parts}
    query = select(f.c.id, f.c.value, f.c.qualifier, links.c.figure_id, links.c.component).join(
        links, links.c.mention_id == f.c.id
    )
    for r in conn.execute(query.where(links.c.component.in_(list(parts)))):
        known[r.component].append(r)
    touched: set[str] = set()
    linked: dict[str, str] = {}  # the chains' mentions and the figure each is linked to now
    for component, fresh in parts.items():
        reach = _agreeing(fresh, known[component])
        chain = {r.figure_id for r in known[component] if (r.value, r.qualifier) in reach}
        touched |= chain
        linked |= {r.id: r.figure_id for r in known[component] if r.figure_id in chain}
    rows = [row for fresh in parts.values() for row in fresh]
    for chunk in chunks(linked):
        rows += _figure_rows(conn, f.c.id.in_(chunk))
    for chunk in chunks(touched):
        conn.execute(delete(rf).where(rf.c.id.in_(chunk)))
        conn.execute(delete(c).where(or_(c.c.first.in_(chunk), c.c.second.in_(chunk))))
    others: dict[str, list[dict[str, Any]]] = {component: [] for component in parts}
    remaining = select(rf.c.component, rf.c.data).where(rf.c.component.in_(list(parts))).order_by(rf.c.id)
    for component, data in conn.execute(remaining):
        others[component].append(json.loads(data))
    figures = _write_resolved_figures(conn, rows, others, linked)
    _replace_terms(conn, "figure", _terms_of("item_id", touched), figures)


def _write_resolved_figures(
    conn: Connection,
    rows: list[dict[str, Any]],
    others: dict[str, list[dict[str, Any]]] | None = None,
    linked: dict[str, str] | None = None,
) -> list[dict[str, Any]]:
    """Resolve figure mention ``rows`` within their components and write the record's figures, the links
    of their mentions and their conflicts, also with ``others`` (a component's resolved figures left in
    place). ``linked``: the mentions among ``rows`` that are linked already, to which figure; a link that
    stays as it was is not written again (a figure reported hundreds of times keeps its lowest mention's
    id, so its links, when a report joins it). Returns the figure rows written."""
    linked = linked or {}
    names = _doc_names(conn, (r["doc_id"] for r in rows))
    doc_of = {r["id"]: r["doc_id"] for r in rows}
    parts: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        parts.setdefault(figure_component(row), []).append(row)
    figures, found_links, found_conflicts = [], [], []
    for component, part in parts.items():
        resolved, conflicts = resolve_figures(part, names, {})
        for fig in resolved:
            for other in (others or {}).get(component, []):
                first, second = sorted((fig, other), key=lambda x: x["id"])
                if found := value_conflict(first, second):
                    conflicts.append(found)
        figures += [_record_figure_row(fig, component) for fig in resolved]
        found_links += [
            {"mention_id": m, "doc_id": doc_of[m], "component": component, "figure_id": fig["id"]}
            for fig in resolved
            for m in fig["mention_ids"]
            if linked.get(m) != fig["id"]
        ]
        found_conflicts += [_figure_conflict_row(x, component) for x in conflicts]
    moved = [link["mention_id"] for link in found_links if link["mention_id"] in linked]
    for chunk in chunks(moved):
        conn.execute(delete(schema.figure_links).where(schema.figure_links.c.mention_id.in_(chunk)))
    _insert(conn, schema.figure_links, found_links)
    _count_independent(conn, "figure", figures)  # over the links just written
    _insert(conn, schema.record_figures, figures)
    _insert(conn, schema.record_conflicts, found_conflicts)
    return figures


def _figure_rows(conn: Connection, where: Any) -> list[dict[str, Any]]:
    return [dict(r) for r in conn.execute(select(schema.figures).where(where)).mappings()]


def _record_figure_row(fig: dict[str, Any], component: str) -> dict[str, Any]:
    data = {k: v for k, v in fig.items() if k not in ("independent_sources", "day_start", "day_end")}
    return {
        "id": fig["id"],
        "component": component,
        "pair": ",".join(sorted(c for c in (fig["from_code"], fig["to_code"]) if c)),
        "kind": fig["kind"],
        "unit": fig["unit"],
        "from_code": fig["from_code"],
        "to_code": fig["to_code"],
        "year_edtf": fig["year_edtf"],
        "day_start": fig["day_start"],
        "day_end": fig["day_end"],
        "status": fig["status"],
        "source_count": fig["source_count"],
        "value": fig["value"],
        "data": _dumps(data),
    }


# -- independent sources -----------------------------------------------------------------------------------


def _join_source_group(conn: Connection, doc: dict[str, Any]) -> None:
    """Put a new document in the group of every document it shares an author or outlet with."""
    k, g = schema.source_keys, schema.source_groups
    keys = source_keys(doc)
    _insert(conn, k, [{"doc_id": doc["id"], "key": key} for key in keys])
    groups = set()
    for key in keys:  # every document with a key is in one group: one of them says which
        holder = select(k.c.doc_id).where(k.c.key == key, k.c.doc_id != doc["id"]).limit(1).scalar_subquery()
        groups |= set(conn.execute(select(g.c.grp).where(g.c.doc_id == holder)).scalars())
    label = min(groups | {doc["id"]})
    if groups - {label}:  # relabel only the groups that change (the whole store can be one group)
        conn.execute(update(g).where(g.c.grp.in_(groups - {label})).values(grp=label))
    conn.execute(insert(g).values(doc_id=doc["id"], grp=label))
    if len(groups) > 1:  # groups merged: what their documents report has fewer independent sources now
        _reweigh(conn, set(conn.execute(select(g.c.doc_id).where(g.c.grp == label)).scalars()))


def _leave_source_group(conn: Connection, doc_id: str) -> None:
    """Take a document out of its group; what it alone joined falls apart again."""
    k, g = schema.source_keys, schema.source_groups
    label = conn.execute(select(g.c.grp).where(g.c.doc_id == doc_id)).scalar()
    keys = set(conn.execute(select(k.c.key).where(k.c.doc_id == doc_id)).scalars())
    conn.execute(delete(k).where(k.c.doc_id == doc_id))
    conn.execute(delete(g).where(g.c.doc_id == doc_id))
    if label is None:
        return
    if _still_joined(conn, [key for key in keys if conn.execute(_KEY_HELD, {"key": key}).first()]):
        if label == doc_id:  # a group is labelled by its least member
            least = conn.execute(select(func.min(g.c.doc_id)).where(g.c.grp == label)).scalar()
            conn.execute(update(g).where(g.c.grp == label).values(grp=least))
        return
    members = select(g.c.doc_id).where(g.c.grp == label)
    owners: dict[str, set[str]] = {}
    for member, key in conn.execute(select(k.c.doc_id, k.c.key).where(k.c.doc_id.in_(members))):
        owners.setdefault(key, set()).add(member)
    for doc in conn.execute(members).scalars().all():
        owners.setdefault("doc:" + doc, {doc})
    groups = _merge_sets(list(owners.values()))
    for group in groups:
        conn.execute(update(g).where(g.c.doc_id.in_(group)).values(grp=min(group)))
    if len(groups) > 1:  # the group fell apart: what its documents report has more independent sources
        _reweigh(conn, set().union(*groups))


def _still_joined(conn: Connection, keys: list[str]) -> bool:
    """Whether the documents left with these keys (a removed document's keys that others hold) are still
    one group, as far as documents holding two of them at once show: then the group stays whole without
    being read (a news author's group can be most of the store). Every other member reached the removed
    document through one of its keys, so one key left, or keys all linked, leave nothing apart; False
    means "not shown", and the group is re-formed from its members."""
    linked = {key: key for key in keys}

    def root(key: str) -> str:
        while linked[key] != key:
            key = linked[key]
        return key

    for first, second in combinations(keys, 2):
        if root(first) != root(second) and conn.execute(_KEYS_SHARED, {"a": first, "b": second}).first():
            linked[root(first)] = root(second)
    return len({root(key) for key in keys}) <= 1


_KEY_HELD = select(schema.source_keys.c.doc_id).where(schema.source_keys.c.key == bindparam("key")).limit(1)
_SHARED = schema.source_keys.alias("shared")
_KEYS_SHARED = (
    select(schema.source_keys.c.doc_id)
    .join(_SHARED, _SHARED.c.doc_id == schema.source_keys.c.doc_id)
    .where(schema.source_keys.c.key == bindparam("a"), _SHARED.c.key == bindparam("b"))
    .limit(1)
)


def _merge_sets(sets: list[set[str]]) -> list[set[str]]:
    """Sets that share a member merged, until none do: union-find over the members, so a group of
    thousands of documents (one prolific author) falls apart in linear time, not in the square of it."""
    parent: dict[str, str] = {}

    def root(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for s in sets:
        members = list(s)
        for m in members:
            parent.setdefault(m, m)
        for m in members[1:]:
            parent[root(m)] = root(members[0])
    groups: dict[str, set[str]] = {}
    for m in parent:
        groups.setdefault(root(m), set()).add(m)
    return list(groups.values())


# -- summaries: the intensity index per pair and year, and each actor's latest reading --------------------


def _terms_of(column: str, keys: Iterable[str]) -> tuple[str, list[str]] | None:
    """The stored intensity terms (of the kind being replaced) whose ``column`` (``component`` or
    ``item_id``) is one of ``keys``; None for none."""
    keys = list(keys)
    return (column, keys) if keys else None


def _replace_terms(
    conn: Connection, kind: str, old: tuple[str, list[str]] | None, items: list[dict[str, Any]]
) -> None:
    """Replace the intensity terms ``old`` selects by those of the resolved rows ``items`` (weighed with
    the independent sources counted into them), and move the sums they are in by the difference."""
    t = schema.intensity_terms
    deltas: dict[tuple[str, int, str, str], Fraction] = {}
    if old is not None:
        column, keys = old
        at = {"t_kind": kind, "t_keys": keys}
        for scope, year, dimension, side, share in conn.execute(_TERMS_READ[column], at):
            if year is not None:
                key = (scope, year, dimension, side)
                deltas[key] = deltas.get(key, Fraction(0)) - Fraction(share)
        conn.execute(_TERMS_DELETE[column], at)
    rows = [r for item in items for r in _term_rows(kind, item)]
    _insert(conn, t, rows)
    for r in rows:
        if r["year"] is not None:
            key = (r["scope"], r["year"], r["dimension"], r["side"])
            deltas[key] = deltas.get(key, Fraction(0)) + Fraction(r["share"])
    _move_sums(conn, kind, deltas)


# Each kind of resolved item: its links to its mentions, the links' column naming it, and its own table.
_LINKED = {
    "event": (schema.event_links, schema.event_links.c.event_id, schema.record_events),
    "figure": (schema.figure_links, schema.figure_links.c.figure_id, schema.record_figures),
}


def _groups_of(kind: str) -> tuple[Any, Any, Any]:
    """The item column, its number of independent sources (source groups among its linked documents) and
    the join they are read from, for ``kind``: grouped by item for some items, or correlated with each row
    of the item's table (``fill_independent``)."""
    links, item, _ = _LINKED[kind]
    g = schema.source_groups
    return item, func.count(g.c.grp.distinct()), links.join(g, g.c.doc_id == links.c.doc_id)


def _count_independent(conn: Connection, kind: str, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Set each resolved row's independent sources from its links and the source groups as they stand,
    and return the rows whose count changed. Kept in the row: a page reads it there, and the overview's
    trade chart, whose figures have hundreds of sources, would otherwise count them at each read."""
    item, counted, joined = _groups_of(kind)
    found: dict[str, int] = {}
    for chunk in chunks({r["id"] for r in rows}):
        query = select(item, counted).select_from(joined).where(item.in_(chunk)).group_by(item)
        found.update(dict(conn.execute(query).all()))
    changed = []
    for row in rows:
        n = found.get(row["id"], 0)
        if row.get("independent_sources") != n:
            row["independent_sources"] = n
            changed.append(row)
    return changed


# A stored row's independent sources, counted again when its documents' source groups change (_reweigh).
_INDEPENDENT_UPDATE = {
    kind: update(table).where(table.c.id == bindparam("i_id")).values(independent_sources=bindparam("i_n"))
    for kind, (_, _, table) in _LINKED.items()
}


def _terms_where(column: str) -> Any:
    t = schema.intensity_terms
    return and_(t.c.kind == bindparam("t_kind"), t.c[column].in_(bindparam("t_keys", expanding=True)))


# The terms of some components or items, by bound parameters: statements built once, not on every write.
_TERMS_READ = {
    column: select(
        *(schema.intensity_terms.c[c] for c in ("scope", "year", "dimension", "side", "share"))
    ).where(_terms_where(column))
    for column in ("component", "item_id")
}
_TERMS_DELETE = {
    column: delete(schema.intensity_terms).where(_terms_where(column)) for column in ("component", "item_id")
}


def _term_rows(kind: str, row: dict[str, Any]) -> list[dict[str, Any]]:
    """What one stored resolved event or figure (a ``record_events``/``record_figures`` row) adds."""
    item = {**json.loads(row["data"]), "day_start": row["day_start"], "day_end": row["day_end"]}
    item["independent_sources"] = row["independent_sources"]
    if not counts(item):
        return []
    dimension, side, by_year = (event_shares if kind == "event" else figure_shares)(item)
    base = {
        "item_id": row["id"],
        "kind": kind,
        "component": row["component"],
        "scope": event_scope(item) if kind == "event" else figure_scope(item),
        "dimension": dimension,
        "side": side,
        "single": int(len(by_year) == 1),
        "day_start": row["day_start"],
        "order_key": row.get("order_key", ""),
    }
    if not by_year:
        return [{**base, "year": None, "share": 0.0}]
    return [{**base, "year": year, "share": share} for year, share in by_year.items()]


def _move_sums(conn: Connection, kind: str, deltas: dict[tuple[str, int, str, str], Fraction]) -> None:
    """Add each change to its bucket's sum. A sum is kept exact (a float is a binary fraction, so the sum
    of a bucket's shares is one exactly) and shown as the float nearest to it, which is what ``math.fsum``
    of the shares gives: the summary equals a whole-record sum, at the cost of the terms a write changes."""
    for (scope, year, dimension, side), delta in deltas.items():
        if delta == 0:
            continue  # a cluster resolved again to the same weights
        at = {"b_scope": scope, "b_kind": kind, "b_year": year, "b_dimension": dimension, "b_side": side}
        found = conn.execute(_SUM_READ, at).scalar()
        total = delta + (Fraction(found) if found is not None else 0)
        if total == 0:  # shares are positive: no term is left in the bucket
            conn.execute(_SUM_DELETE, at)
        elif found is not None:
            conn.execute(_SUM_UPDATE, {**at, "b_value": float(total), "b_exact": str(total)})
        else:
            row = {"scope": scope, "kind": kind, "year": year, "dimension": dimension, "side": side}
            conn.execute(insert(schema.intensity_sums), {**row, "value": float(total), "exact": str(total)})


# One bucket of the intensity sums, by bound parameters: statements built once, not on every write.
_SUM_AT = and_(
    *(
        getattr(schema.intensity_sums.c, name) == bindparam(f"b_{name}")
        for name in ("scope", "kind", "year", "dimension", "side")
    )
)
_SUM_READ = select(schema.intensity_sums.c.exact).where(_SUM_AT)
_SUM_DELETE = delete(schema.intensity_sums).where(_SUM_AT)
_SUM_UPDATE = (
    update(schema.intensity_sums)
    .where(_SUM_AT)
    .values(value=bindparam("b_value"), exact=bindparam("b_exact"))
)


def _reweigh(conn: Connection, doc_ids: set[str]) -> None:
    """Weigh again the events and figures these documents report (their independent sources changed)."""
    for kind, (links, item, table) in _LINKED.items():
        ids: set[str] = set()
        for chunk in chunks(doc_ids):
            ids |= set(conn.execute(select(item).where(links.c.doc_id.in_(chunk)).distinct()).scalars())
        for chunk in chunks(ids):
            rows = [dict(r) for r in conn.execute(select(table).where(table.c.id.in_(chunk))).mappings()]
            if changed := _count_independent(conn, kind, rows):
                counts = [{"i_id": r["id"], "i_n": r["independent_sources"]} for r in changed]
                conn.execute(_INDEPENDENT_UPDATE[kind], counts)
            _replace_terms(conn, kind, _terms_of("item_id", chunk), rows)


def _add_actors(conn: Connection, doc_ids: Sequence[str]) -> None:
    """Fold new documents' mentions into the actors' summaries, in the order they were written: each is
    the latest ingested when it comes, so where it gives a role or a country, that reading wins
    (``dyad.resolve.actors``). Each document's own reading of each actor is kept beside them
    (``record_actor_documents``), for its removal."""
    m, a, d = schema.mentions, schema.actor_summary, schema.documents
    by_doc: dict[str, list[Any]] = {doc_id: [] for doc_id in doc_ids}
    written: dict[str, Any] = {}
    for chunk in chunks(doc_ids):
        query = select(m.c.doc_id, m.c.kind, m.c.value, m.c.attrs).where(m.c.doc_id.in_(chunk))
        for r in conn.execute(query.order_by(m.c.doc_id, m.c.sentence_idx, m.c.start, m.c.end)).mappings():
            by_doc[r["doc_id"]].append(r)
        written.update(
            {i: at for i, at in conn.execute(select(d.c.id, d.c.ingested_at).where(d.c.id.in_(chunk)))}
        )
    found: dict[tuple[str, str], dict[str, Any]] = {}
    for chunk in chunks({r["value"] for mentions in by_doc.values() for r in mentions}):
        for r in conn.execute(select(a).where(a.c.value.in_(chunk))).mappings():
            found[(r["kind"], r["value"])] = dict(r)
    touched: set[tuple[str, str]] = set()
    readings: list[dict[str, Any]] = []
    for doc_id in doc_ids:
        own: dict[tuple[str, str], dict[str, Any]] = {}
        for r in by_doc[doc_id]:
            key = (r["kind"], r["value"])
            reading = own.setdefault(
                key,
                {
                    "doc_id": doc_id,
                    "kind": key[0],
                    "value": key[1],
                    "mentions": 0,
                    "role": None,
                    "country": None,
                },
            )
            reading["mentions"] += 1
            read_mention(reading, dict(r))
        for key, reading in own.items():
            summary = found.setdefault(
                key,
                {
                    "kind": key[0],
                    "value": key[1],
                    "role": None,
                    "country": None,
                    "mentions": 0,
                    "documents": 0,
                },
            )
            summary["documents"] += 1
            summary["mentions"] += reading["mentions"]
            summary["role"] = reading["role"] or summary["role"]
            summary["country"] = reading["country"] or summary["country"]
            readings.append({**reading, "ingested_at": written[doc_id]})
        touched |= set(own)
    values = {value for _, value in touched}
    _replace_actors(conn, values, [row for (_, value), row in found.items() if value in values])
    _insert(conn, schema.actor_documents, readings)


def _remove_actors(conn: Connection, doc_id: str) -> None:
    """Take a document's own readings out of its actors' summaries: its mentions and itself from their
    counts, and where it gave a role or a country, the latest other document's reading instead (its
    readings folded last win, so without one that gave none nothing changes). Reads the document's rows
    and, per role or country it gave, the newest row of the actor that gives one: not the actor's
    mentions, which for a leader named everywhere are a large part of the store."""
    ad, a = schema.actor_documents, schema.actor_summary
    own = {
        (r["kind"], r["value"]): r for r in conn.execute(select(ad).where(ad.c.doc_id == doc_id)).mappings()
    }
    if not own:
        return
    conn.execute(delete(ad).where(ad.c.doc_id == doc_id))
    values = {value for _, value in own}
    found = (conn.execute(select(a).where(a.c.value.in_(chunk))).mappings() for chunk in chunks(values))
    summaries = [dict(r) for rows in found for r in rows]
    kept = []
    for summary in summaries:
        gone = own.get((summary["kind"], summary["value"]))
        if gone is None:  # another kind of actor of the same name: as it was
            kept.append(summary)
            continue
        summary["mentions"] -= gone["mentions"]
        summary["documents"] -= 1
        if summary["documents"] == 0:
            continue
        for field in ("role", "country"):
            if gone[field]:
                column = ad.c[field]
                summary[field] = conn.execute(
                    select(column)
                    .where(ad.c.kind == summary["kind"], ad.c.value == summary["value"], column.is_not(None))
                    .order_by(ad.c.ingested_at.desc(), ad.c.doc_id.desc())
                    .limit(1)
                ).scalar()
        kept.append(summary)
    _replace_actors(conn, values, kept)


def _fold_all_actors(conn: Connection) -> None:
    """The actors' summaries of the whole store, built as writing its documents in their order would."""
    d = schema.documents
    conn.execute(delete(schema.actor_summary))
    conn.execute(delete(schema.actor_documents))
    ordered = conn.execute(select(d.c.id).order_by(d.c.ingested_at, d.c.id)).scalars().all()
    for chunk in chunks(ordered):
        _add_actors(conn, chunk)


def fill_actor_documents(conn: Connection) -> None:
    """Each document's reading of each actor it names (``record_actor_documents``) from the mentions, by
    one statement on either backend: what a store written before schema 11 needs. A reading is the one
    ``dyad.resolve.actors.read_mention`` folds: the mentions' count, and the role and country of the
    document's last mention that gives one (a country's mention gives itself)."""
    if conn.dialect.name == "postgresql":
        field = "NULLIF(CAST(NULLIF(attrs, '') AS json) ->> '{}', '')"
    else:
        field = "NULLIF(json_extract(NULLIF(attrs, ''), '$.{}'), '')"
    role = field.format("role")
    named = f"COALESCE({field.format('iso3')}, {field.format('country')})"
    country = f"CASE WHEN kind = 'country' THEN value ELSE {named} END"
    last = (
        "first_value({0}) OVER (PARTITION BY doc_id, kind, value"
        ' ORDER BY CASE WHEN {0} IS NULL THEN 1 ELSE 0 END, sentence_idx DESC, start DESC, "end" DESC)'
    )
    conn.execute(delete(schema.actor_documents))  # (empty, unless a newer dyad wrote into the store)
    conn.exec_driver_sql(
        "INSERT INTO record_actor_documents (doc_id, kind, value, ingested_at, mentions, role, country)"
        " SELECT r.doc_id, r.kind, r.value, d.ingested_at, count(*), max(r.role), max(r.country)"
        f" FROM (SELECT doc_id, kind, value, {last.format('mrole')} AS role,"
        f"       {last.format('mcountry')} AS country"
        f'       FROM (SELECT doc_id, kind, value, sentence_idx, start, "end", {role} AS mrole,'
        f"             {country} AS mcountry FROM mentions) AS m) AS r"
        " JOIN documents AS d ON d.id = r.doc_id"
        " GROUP BY r.doc_id, r.kind, r.value, d.ingested_at"
    )


def _replace_actors(conn: Connection, values: set[str], rows: list[dict[str, Any]]) -> None:
    """Replace the summaries of every actor named ``values`` (of any kind) by ``rows``: an IN list, one
    statement whose compiled form is cached, where a condition per actor was built on every write."""
    a = schema.actor_summary
    for chunk in chunks(values):
        conn.execute(delete(a).where(a.c.value.in_(chunk)))
    _insert(conn, a, rows)


# -- entry points ------------------------------------------------------------------------------------------


def add_document(conn: Connection, doc_id: str) -> None:
    """Resolve what the newly written document ``doc_id`` touches (in the write's transaction)."""
    add_documents(conn, [doc_id])


def add_documents(conn: Connection, doc_ids: Sequence[str]) -> None:
    """Resolve what the newly written documents ``doc_ids`` (in the order they were written) touch, once
    for all of them: each cluster they join is resolved again once, with all of their mentions in it, as
    one document's mentions are. The record is the one adding them one at a time makes (resolution does
    not depend on the order of writing); what is read and held is what the batch touches, not the store."""
    d = schema.documents
    for chunk in chunks(doc_ids):
        found = conn.execute(select(d.c.id, d.c.authors, d.c.publisher).where(d.c.id.in_(chunk))).mappings()
        by_id = {doc["id"]: doc for doc in found}
        for doc_id in chunk:
            _join_source_group(conn, {**by_id[doc_id], "authors": json.loads(by_id[doc_id]["authors"])})
    rows, figure_rows = [], []
    for chunk in chunks(doc_ids):
        rows += _event_rows(conn, schema.events.c.doc_id.in_(chunk))
        figure_rows += _figure_rows(conn, schema.figures.c.doc_id.in_(chunk))
    for row in rows:
        row["_name"] = instrument_key(row["sentence"])
    if rows:
        _resolve_events(conn, _neighbours(conn, rows), rows)
    _add_figures(conn, figure_rows)
    _add_actors(conn, doc_ids)


def remove_document(conn: Connection, doc_id: str) -> None:
    """Take a document out of the resolved record (before its rows are deleted)."""
    el, fl = schema.event_links, schema.figure_links
    events = set(conn.execute(select(el.c.component).where(el.c.doc_id == doc_id).distinct()).scalars())
    figures = set(conn.execute(select(fl.c.component).where(fl.c.doc_id == doc_id).distinct()).scalars())
    conn.execute(delete(el).where(el.c.doc_id == doc_id))
    conn.execute(delete(fl).where(fl.c.doc_id == doc_id))
    if events:
        _resolve_events(conn, events, [])
    _resolve_figures(conn, figures, [])
    _leave_source_group(conn, doc_id)
    _remove_actors(conn, doc_id)


def rebuild(conn: Connection) -> None:
    """Resolve the whole record again from the per-document rows."""
    for table in (*schema.RECORD_TABLES, schema.source_keys, schema.source_groups):
        conn.execute(delete(table))
    d = schema.documents
    for doc in conn.execute(select(d.c.id, d.c.authors, d.c.publisher).order_by(d.c.id)).mappings().all():
        _join_source_group(conn, {**doc, "authors": json.loads(doc["authors"])})
    e = schema.events
    for rows in _streamed(conn, e, (e.c.type, e.c.participants, e.c.status)):  # ``partition``
        _resolve_events(conn, set(), rows)
    for rows in _streamed(conn, schema.figures, _FIGURE_KEY):  # ``figure_component``
        _resolve_figures(conn, set(), rows)
    _fold_all_actors(conn)


_REBUILD_ROWS = 5000  # mentions resolved at once by a rebuild: what it holds, whatever the store's size


def _streamed(conn: Connection, table: Any, key: Sequence[Any]) -> Iterator[list[dict[str, Any]]]:
    """The rows of ``table`` in batches of whole groups of ``key`` (what resolves apart from the rest),
    read in that order by a cursor that streams: a batch at a time is held, not the table."""
    query = (
        select(table).order_by(*key, table.c.id).execution_options(stream_results=True, max_row_buffer=1000)
    )
    batch: list[dict[str, Any]] = []
    last = None
    for r in conn.execute(query).mappings():
        group = tuple(r[c.name] for c in key)
        if group != last and len(batch) >= _REBUILD_ROWS:
            yield batch
            batch = []
        last = group
        batch.append(dict(r))
    if batch:
        yield batch


def fill_initiators(conn: Connection) -> None:
    """Give every resolved event the side its mentions name as acting (``resolve.events.acting_side``),
    by one statement over the links: what a store written before the column existed needs (schema 9)."""
    e, links, m = schema.record_events, schema.event_links, schema.events
    named = (
        select(case((func.count(m.c.initiator.distinct()) == 1, func.min(m.c.initiator))))
        .select_from(links.join(m, m.c.id == links.c.mention_id))
        .where(links.c.event_id == e.c.id)
        .scalar_subquery()
    )
    conn.execute(update(e).values(initiator=named))


def fill_independent(conn: Connection) -> None:
    """Count every resolved event's and figure's independent sources into its row, by one statement a
    table over the links and the source groups: what a store written before the column existed needs
    (schema 12)."""
    for kind, (_, _, table) in _LINKED.items():
        item, counted, joined = _groups_of(kind)
        each = select(counted).select_from(joined).where(item == table.c.id).scalar_subquery()
        conn.execute(update(table).values(independent_sources=each))


def _insert(conn: Connection, table: Any, rows: list[dict[str, Any]]) -> None:
    for chunk in chunks(rows):
        conn.execute(insert(table), chunk)


# -- reading -----------------------------------------------------------------------------------------------


@dataclass(slots=True, frozen=True)
class EventQuery:
    """Which resolved events to read, in which order, one page at a time."""

    pair: str | None = None  # "CHN,IND": the participants exactly
    types: tuple[str, ...] = ()
    dimension: str | None = None
    day_from: dt.date | None = None  # events that end on or after it
    day_to: dt.date | None = None  # events that start on or before it
    dated: bool = True  # only events with a date
    min_sources: int = 0
    doc_id: str | None = None  # only events one of whose sources is this document
    countries: tuple[str, ...] = ()  # only events all of these countries take part in
    planned: bool | None = None  # only planned events (True), only others (False)
    # Only events whose dates may meet [first, last] (None: open): a superset of ``TimeValue.overlaps``.
    meets: tuple[dt.date | None, dt.date | None] | None = None
    order: str = "date"  # date: by first day then type (the export); timeline: also by last day
    ids: tuple[str, ...] | None = None  # only these events (at most a few hundred)
    naming: str | None = None  # only events whose stored record holds this text (say, an actor's name)
    initiator: str | None = None  # only events this side (ISO3) initiated, acting on the other
    limit: int | None = None
    offset: int = 0


def _binary(column: Any, conn: Connection) -> Any:
    """Text ordered by code point, as Python orders it (PostgreSQL's default collation may not be)."""
    return column.collate("C") if conn.dialect.name == "postgresql" else column


def _event_filter(q: EventQuery) -> list[Any]:
    e = schema.record_events
    where: list[Any] = []
    if q.pair is not None:
        where.append(e.c.pair == q.pair)
    if q.types:
        where.append(e.c.type.in_(q.types))
    if q.dimension:
        where.append(e.c.dimension == q.dimension)
    if q.dated or q.day_from or q.day_to:
        where.append(e.c.date_edtf.is_not(None))
    if q.order == "timeline":
        where.append(e.c.day_start.is_not(None))
    if q.day_from:
        # the last day, or the first when the last is open: one test, so that the planner reads the pair's
        # (pair, type, first day) index instead of joining two index scans on either day (SQLite)
        where.append(func.coalesce(e.c.day_end, e.c.day_start) >= q.day_from)
    if q.day_to:
        where.append(or_(e.c.day_start.is_(None), e.c.day_start <= q.day_to))
    if q.min_sources:
        where.append(e.c.source_count >= q.min_sources)
    if q.doc_id:
        links = schema.event_links
        where.append(e.c.id.in_(select(links.c.event_id).where(links.c.doc_id == q.doc_id)))
    where += [e.c.pair.contains(code, autoescape=True) for code in q.countries]
    if q.planned is not None:
        where.append((e.c.status == "planned") if q.planned else (e.c.status != "planned"))
    if q.meets is not None:
        where += _meets(e.c.day_start, e.c.day_end, *q.meets)
    if q.ids is not None:
        where.append(e.c.id.in_(q.ids))
    if q.naming:
        where.append(e.c.data.contains(q.naming, autoescape=True))
    if q.initiator:
        where.append(e.c.initiator == q.initiator)
    return where


def _meets(start: Any, end: Any, first: dt.date | None, last: dt.date | None) -> list[Any]:
    """Dates [start, end] (null: open) that can overlap [first, last] (None: open)."""
    where = []
    if first is not None:
        where.append(or_(end.is_(None), end >= first))
    if last is not None:
        where.append(or_(start.is_(None), start <= last))
    return where


def read_events(conn: Connection, q: EventQuery) -> tuple[int, list[dict[str, Any]]]:
    """The total number of events ``q`` selects, and its page of them (without headlines)."""
    e = schema.record_events
    where = _event_filter(q)
    key = _binary(e.c.order_key, conn)
    order = {
        "date": (e.c.day_start.is_(None), e.c.day_start, _binary(e.c.type, conn), key),
        "timeline": (e.c.day_start, e.c.day_end, _binary(e.c.type, conn), key),
        "record": (key,),
    }[q.order]
    query = select(*_event_read(e)).where(*where).order_by(*order)
    if q.limit is not None:
        query = query.limit(q.limit)
    if q.offset:
        query = query.offset(q.offset)
    items = [_decode(r) for r in conn.execute(query).mappings()]
    if q.limit is None and not q.offset:  # every event it selects: they are the total
        return len(items), items
    return conn.execute(select(func.count()).select_from(e).where(*where)).scalar_one(), items


def ranked_event_ids(
    conn: Connection,
    q: EventQuery,
    tiers: tuple[tuple[str, ...], ...],
    limit: int,
    by_date: str | None = None,
) -> list[str] | None:
    """The ids of the ``limit`` events ``q`` selects that name the most words of ``tiers`` in their mentions'
    sentences or actors (case aside): ranked by the first tier's count, then the next tier's, then by
    number of sources (up to 3, as ``dyad.ask`` scores them) and then in the export's order; with
    ``by_date`` ("first" or "last"), by date right after the tiers. None when ``q`` selects no more than
    ``limit`` events, all of which can then be read. The words are counted by SQL over the candidates'
    mentions: what is read afterwards does not grow with the store."""
    e, links, m = schema.record_events, schema.event_links, schema.events
    where = _event_filter(q)
    if conn.execute(select(func.count()).select_from(e).where(*where)).scalar_one() <= limit:
        return None

    def named(word: str) -> Any:  # 1 when one of the event's mentions names the word, else 0
        says = or_(m.c.sentence.icontains(word, autoescape=True), m.c.actors.icontains(word, autoescape=True))
        return func.max(case((says, 1), else_=0))

    counts = [sum((named(w) for w in tier), literal(0)).label(f"tier{i}") for i, tier in enumerate(tiers)]
    scored = (
        select(links.c.event_id, *counts)
        .join(m, m.c.id == links.c.mention_id)
        .where(links.c.event_id.in_(select(e.c.id).where(*where)))
        .group_by(links.c.event_id)
        .subquery()
    )
    ranks = [scored.c[f"tier{i}"].desc() for i in range(len(tiers))]
    if by_date is None:
        ranks.append(case((e.c.source_count > 3, 3), else_=e.c.source_count).desc())
    day = e.c.day_start.desc() if by_date == "last" else e.c.day_start
    export = (e.c.day_start.is_(None), day, _binary(e.c.type, conn), _binary(e.c.order_key, conn))
    query = select(e.c.id).join(scored, scored.c.event_id == e.c.id).order_by(*ranks, *export).limit(limit)
    return list(conn.execute(query).scalars())


def read_event(conn: Connection, ref: str) -> dict[str, Any] | None:
    """One resolved event by its id or the id of any mention merged into it."""
    e, links = schema.record_events, schema.event_links
    mention = select(links.c.event_id).where(links.c.mention_id == ref).scalar_subquery()
    row = conn.execute(select(*_event_read(e)).where(or_(e.c.id == ref, e.c.id == mention)))
    found = row.mappings().first()
    return _decode(found) if found else None


@dataclass(slots=True, frozen=True)
class FigureQuery:
    codes: tuple[str, ...] = ()  # both sides among these countries (or unnamed)
    kinds: tuple[str, ...] = ()
    doc_id: str | None = None
    limit: int | None = None
    offset: int = 0
    units: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()  # each of these countries on one side
    meets: tuple[dt.date | None, dt.date | None] | None = None  # a year that can overlap these days


def _figure_filter(q: FigureQuery) -> list[Any]:
    f = schema.record_figures
    where: list[Any] = []
    if q.codes:  # each side unnamed or one of the codes: as the pair column writes them, by its index
        sides = {"", *q.codes} | {",".join(sorted((a, b))) for a in q.codes for b in q.codes}
        where.append(f.c.pair.in_(sorted(sides)))
    if q.kinds:
        where.append(f.c.kind.in_(q.kinds))
    if q.doc_id:
        links = schema.figure_links
        where.append(f.c.id.in_(select(links.c.figure_id).where(links.c.doc_id == q.doc_id)))
    if q.units:
        where.append(f.c.unit.in_(q.units))
    where += [or_(f.c.from_code == code, f.c.to_code == code) for code in q.countries]
    if q.meets is not None:
        where += [f.c.year_edtf.is_not(None), *_meets(f.c.day_start, f.c.day_end, *q.meets)]
    return where


def read_figures(conn: Connection, q: FigureQuery, order: str = "record") -> tuple[int, list[dict[str, Any]]]:
    """The total number of figures ``q`` selects, and its page of them, in the record's order, or with
    ``order="series"`` in a series' (year, from, to, value: ``analyze.series``, the record's order after)."""
    f = schema.record_figures
    where = _figure_filter(q)
    total = conn.execute(select(func.count()).select_from(f).where(*where)).scalar_one()
    keys: list[Any] = []
    if order == "series":  # as Python sorts str(year or "9999"), str(from), str(to), value
        named = (func.coalesce(f.c.year_edtf, "9999"), func.coalesce(f.c.from_code, "None"))
        keys = [*(_binary(k, conn) for k in (*named, func.coalesce(f.c.to_code, "None"))), f.c.value]
    query = select(*_figure_read(f)).where(*where).order_by(*keys, _binary(f.c.id, conn))
    if q.limit is not None:
        query = query.limit(q.limit)
    if q.offset:
        query = query.offset(q.offset)
    return total, [_decode(r) for r in conn.execute(query).mappings()]


def read_chart_figures(
    conn: Connection, codes: tuple[str, ...], kinds: tuple[str, ...], per_year: int
) -> list[dict[str, Any]]:
    """The money (USD) figures of ``kinds`` with a year between exactly the countries ``codes`` (any two
    named sides when empty), at most ``per_year`` for each kind, direction (either way for a total) and
    year: the first in (from, to, record) order. What a chart of them shows, numbered by SQL over the kind
    index, in the record's order."""
    f = schema.record_figures
    ends = sorted(set(codes))
    if len(ends) > 2:
        return []
    if ends:  # a figure from a country to itself has the pair "CHN,CHN"
        sides = [f.c.pair == ",".join(ends * (3 - len(ends)))]
    else:
        sides = [f.c.from_code.is_not(None), f.c.to_code.is_not(None)]
    direction = case((f.c.kind == "trade_total", f.c.pair), else_=f.c.from_code + ">" + f.c.to_code)
    first = (_binary(f.c.from_code, conn), _binary(f.c.to_code, conn), _binary(f.c.id, conn))
    rank = func.row_number().over(partition_by=(f.c.year_edtf, f.c.kind, direction), order_by=first)
    found = (
        select(f.c.id, *_figure_read(f), rank.label("rank"))
        .where(f.c.kind.in_(kinds), *sides, f.c.unit == "USD", f.c.year_edtf.is_not(None))
        .subquery()
    )
    query = select(*_figure_read(found)).where(found.c.rank <= per_year)
    return [_decode(r) for r in conn.execute(query.order_by(_binary(found.c.id, conn))).mappings()]


def read_conflicts(conn: Connection, codes: tuple[str, ...] = ()) -> list[dict[str, Any]]:
    """Disagreements between sources, in the record's order; about ``codes`` only when given."""
    c = schema.record_conflicts
    rows = conn.execute(select(c.c.codes, c.c.data).order_by(_binary(c.c.order_key, conn)))
    return [
        json.loads(data) for found, data in rows if not codes or set(found.split(",")) - {""} <= set(codes)
    ]


def pair_counts(conn: Connection) -> dict[str, int]:
    """Resolved events per pair ("CHN,IND" → n)."""
    e = schema.record_events
    return dict(conn.execute(select(e.c.pair, func.count()).group_by(e.c.pair)).all())


def figure_pair_counts(conn: Connection) -> dict[tuple[str, str], int]:
    """Resolved figures per pair of distinct countries, from and to sorted."""
    f = schema.record_figures
    rows = conn.execute(
        select(f.c.from_code, f.c.to_code, func.count())
        .where(f.c.from_code.is_not(None), f.c.to_code.is_not(None), f.c.from_code != f.c.to_code)
        .group_by(f.c.from_code, f.c.to_code)
    )
    counts: dict[tuple[str, str], int] = {}
    for a, b, n in rows:
        key = (min(a, b), max(a, b))
        counts[key] = counts.get(key, 0) + n
    return counts


def _decode(row: Any) -> dict[str, Any]:
    """A stored resolved event or figure: its ``data`` with what is kept in columns (``_event_read``)."""
    item: dict[str, Any] = json.loads(row["data"])
    item["day_start"], item["day_end"] = row["day_start"], row["day_end"]
    item["independent_sources"] = row["independent_sources"]
    if "initiator" in row:
        item["initiator"] = row["initiator"]
    return item


def _event_read(e: Any) -> tuple[Any, ...]:
    """The columns a resolved event is read from (``_decode``)."""
    return (e.c.data, e.c.day_start, e.c.day_end, e.c.independent_sources, e.c.initiator)


def _figure_read(f: Any) -> tuple[Any, ...]:
    """The columns a resolved figure is read from (``_decode``)."""
    return (f.c.data, f.c.day_start, f.c.day_end, f.c.independent_sources)


def read_actors(conn: Connection, names: Iterable[str]) -> list[dict[str, Any]]:
    """The actors' summaries (kind, value, role, country, mentions, documents) naming any of ``names``."""
    a = schema.actor_summary
    return [
        dict(r)
        for chunk in chunks(set(names))
        for r in conn.execute(select(a).where(a.c.value.in_(chunk))).mappings()
    ]


def read_intensity(conn: Connection, pair: tuple[str, ...]) -> dict[tuple[str, str, int, str, str], float]:
    """The stored intensity sums (``dyad.weights.Bucket`` → value) of a pair's events and of the figures
    that count for it (naming only its countries, or fewer); of everything when ``pair`` is empty."""
    s = schema.intensity_sums
    query = select(s.c.scope, s.c.kind, s.c.year, s.c.dimension, s.c.side, s.c.value)
    if pair:
        a, b = sorted(pair)
        query = query.where(
            or_(
                and_(s.c.kind == "event", s.c.scope == f"{a},{b}"),
                and_(s.c.kind == "figure", s.c.scope.in_(["", a, b, f"{a},{b}"])),
            )
        )
    return {tuple(row[:5]): row[5] for row in conn.execute(query)}  # type: ignore[misc]


def has_events_on_side(conn: Connection, pair: tuple[str, ...], side: str) -> bool:
    """Whether any dated, not planned event of the pair (or of any pair) counts on ``side``."""
    t = schema.intensity_terms
    query = select(t.c.item_id).where(t.c.kind == "event", t.c.side == side)
    if pair:
        query = query.where(t.c.scope == ",".join(sorted(pair)))
    return conn.execute(query.limit(1)).first() is not None


def defining_candidates(
    conn: Connection, pair: tuple[str, ...], side: str, span: tuple[int, int], top: int
) -> list[str]:
    """Ids of the events that can be among the ``top`` that weigh most in the years ``span`` on ``side``
    (``dyad.analyze.periods``): in each year, the ``top`` whose whole weight falls in that year, heaviest
    first (then earliest, then in the record's order, as the analysis breaks ties), and every event that
    spreads over several years of the span."""
    t = schema.intensity_terms
    where = [t.c.kind == "event", t.c.side == side]
    if pair:
        where.append(t.c.scope == ",".join(sorted(pair)))
    found = set(
        conn.execute(select(t.c.item_id).where(*where, t.c.single == 0, t.c.year.between(*span))).scalars()
    )
    years = list(range(span[0], span[1] + 1))
    params: dict[str, Any] = {"side": side, "scope": ",".join(sorted(pair)), "top": top}
    for i in range(0, len(years), _COMPOUND):  # one statement per few hundred years: one round trip
        chosen = years[i : i + _COMPOUND]
        query = _heads_by_year(len(chosen), bool(pair), conn.dialect.name == "postgresql")
        found |= set(conn.execute(query, {**params, **{f"y{k}": y for k, y in enumerate(chosen)}}).scalars())
    return list(found)


@cache
def _heads_by_year(years: int, by_pair: bool, postgresql: bool) -> Any:
    """The statement that reads the ``top`` single-year events of each of ``years`` years (``:y0`` ...):
    written once per number of years, as text. Built as SQLAlchemy selects, one per year, it took longer
    to build and compile than to run."""
    t = schema.intensity_terms.name
    scope = "AND scope = :scope " if by_pair else ""
    binary = ' COLLATE "C"' if postgresql else ""  # the record's order is by code point (``_binary``)
    heads = [
        f"SELECT item_id FROM (SELECT item_id FROM {t} WHERE kind = 'event' AND side = :side {scope}"
        f"AND single = 1 AND year = :y{k} ORDER BY share DESC, day_start, order_key{binary} LIMIT :top)"
        f" AS y{k}"
        for k in range(years)
    ]
    return text(" UNION ALL ".join(heads))


_COMPOUND = 400  # SELECTs in one UNION ALL: SQLite allows 500


def read_events_by_id(conn: Connection, ids: Iterable[str]) -> list[dict[str, Any]]:
    """Resolved events by id, in the record's order."""
    e = schema.record_events
    rows: list[Any] = []
    for chunk in chunks(set(ids)):
        query = select(*_event_read(e), e.c.order_key).where(e.c.id.in_(chunk))
        rows += conn.execute(query).mappings().all()
    return [_decode(r) for r in sorted(rows, key=lambda r: r["order_key"])]


def event_span(conn: Connection, pair: str | None) -> dict[str, Any]:
    """A pair's resolved events (all pairs' when None): how many are dated and undated, the first day and
    the last day of the dated ones. Counted and found through the pair's date indexes."""
    e = schema.record_events
    where = [e.c.pair == pair] if pair is not None else []
    dated = [*where, e.c.day_start.is_not(None)]
    count = select(func.count()).select_from(e)
    first = select(e.c.day_start).where(*dated).order_by(e.c.day_start).limit(1)
    last = select(e.c.day_end).where(*dated, e.c.day_end.is_not(None)).order_by(e.c.day_end.desc()).limit(1)
    n_dated = conn.execute(count.where(*dated)).scalar_one()
    return {
        "dated": n_dated,
        "undated": conn.execute(count.where(*where)).scalar_one() - n_dated,
        "first": conn.execute(first).scalar(),
        "last": conn.execute(last).scalar(),
    }


def count_conflicts(conn: Connection, codes: tuple[str, ...] = ()) -> int:
    """How many disagreements ``read_conflicts`` gives for ``codes``, counted by index."""
    c = schema.record_conflicts
    query = select(func.count()).select_from(c)
    if codes:
        wanted = sorted(set(codes))
        subsets = {_pair(chosen) for n in range(len(wanted) + 1) for chosen in combinations(wanted, n)}
        query = query.where(c.c.pair.in_(subsets))
    return int(conn.execute(query).scalar_one())


def _pair(codes: Iterable[str | None]) -> str:
    """Countries as the conflicts' ``pair`` column keeps them: distinct, sorted, comma-joined."""
    return ",".join(sorted({c for c in codes if c}))


def document_kinds(conn: Connection) -> dict[str | None, int]:
    d = schema.documents
    return {kind: n for kind, n in conn.execute(select(d.c.kind, func.count()).group_by(d.c.kind))}


def documents_about(codes: tuple[str, ...]) -> Any:
    """The ids of the documents that mention every one of the countries ``codes`` (a subquery)."""
    m = schema.mentions
    wanted = sorted(set(codes))
    return (
        select(m.c.doc_id)
        .where(m.c.kind == "country", m.c.value.in_(wanted))
        .group_by(m.c.doc_id)
        .having(func.count(m.c.value.distinct()) == len(wanted))
    )
