from __future__ import annotations

import copy
import itertools
import json
import random
import re
from datetime import date
from pathlib import Path

import pytest

from dyad.evaluate import (
    check_floors,
    dates_compatible,
    evaluate,
    format_report,
    interval_days,
    load_floors,
    max_matching,
    parse_edtf,
    read_gold,
    score_time_expressions,
    texts_overlap,
    timex_right,
)

FLOORS = Path(__file__).resolve().parents[1] / "quality_floors.toml"
D = date


def ev(type_: str, when: str | None, parts: tuple[str, ...] = ("PER", "RUS"), **extra: object) -> dict:
    return {"type": type_, "date": when, "participants": list(parts), **extra}


def fig(kind: str, value: float, frm: str | None = "PER", to: str | None = "RUS", **extra: object) -> dict:
    return {"kind": kind, "value": value, "unit": "USD", "year": "2018", "from": frm, "to": to, **extra}


def gold_of(**sections: list) -> dict:
    return {
        "dyad": ["PER", "RUS"],
        "documents": [],
        "events": [],
        "other_dyad_events": [],
        "figures": [],
        "time_expressions": [],
        "vague_time_expressions": [],
        "questions": [],
        **sections,
    }


def score(section: str, predicted: list, gold_items: list, **gold_extra: list) -> dict:
    return evaluate({section: predicted}, gold_of(**{section: gold_items}, **gold_extra))[section]


# ---------------------------------------------------------------- EDTF and dates


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("1863", (D(1863, 1, 1), D(1863, 12, 31))),
        ("1969-02", (D(1969, 2, 1), D(1969, 2, 28))),
        ("2000-02", (D(2000, 2, 1), D(2000, 2, 29))),
        ("2008-11-24", (D(2008, 11, 24), D(2008, 11, 24))),
        ("197X", (D(1970, 1, 1), D(1979, 12, 31))),
        ("18XX", (D(1800, 1, 1), D(1899, 12, 31))),
        ("2008/2013", (D(2008, 1, 1), D(2013, 12, 31))),
        ("2015-11/2015-12", (D(2015, 11, 1), D(2015, 12, 31))),
        ("197X/1985-03", (D(1970, 1, 1), D(1985, 3, 31))),
        ("2008/", (D(2008, 1, 1), None)),
        ("/2008", (None, D(2008, 12, 31))),
        ("2008/..", (D(2008, 1, 1), None)),
        ("1995?", (D(1995, 1, 1), D(1995, 12, 31))),
        (" 1995 ", (D(1995, 1, 1), D(1995, 12, 31))),
        # a time of day (EDTF level 0) is the day it falls on
        ("2016-03-12T21:04", (D(2016, 3, 12), D(2016, 3, 12))),
        ("2016-03-12T21:04:30Z", (D(2016, 3, 12), D(2016, 3, 12))),
        ("2016-03-12T09:00+03:00/2016-03-14", (D(2016, 3, 12), D(2016, 3, 14))),
    ],
)
def test_parse_edtf(value: str, expected: tuple) -> None:
    assert parse_edtf(value) == expected


@pytest.mark.parametrize(
    "value",
    [
        "",
        "/",
        "abc",
        "2008-13",
        "2008-02-30",
        "2010/2008",
        "19XXX",
        "95",
        "2016-03-12T25",
        "2016-03-12 21:04",
    ],
)
def test_parse_edtf_rejects(value: str) -> None:
    with pytest.raises(ValueError):
        parse_edtf(value)


@pytest.mark.parametrize(
    ("value", "days"), [("2001", 365), ("2000", 366), ("2015-11", 30), ("2008-11-24", 1), ("199X", 3652)]
)
def test_interval_days(value: str, days: int) -> None:
    assert interval_days(parse_edtf(value)) == days


@pytest.mark.parametrize(
    ("predicted", "gold", "ok"),
    [
        (None, None, True),
        ("2001", None, True),  # gold null accepts any date
        (None, "2001", False),  # predicted null never matches a dated gold
        ("not a date", "2001", False),
        ("2001", "2001", True),
        ("2015", "2015-11", True),  # 334 days longer
        ("2015-11", "2015", True),  # shorter and inside
        ("2014/2015", "2015-11", False),  # 700 days longer
        ("2002", "2001", False),  # no overlap
        ("1968/1980", "197X", False),  # overlaps but 1096 days longer
        ("2001-06-15/2002-06-16", "2001-06-15", True),  # exactly 366 days longer: the boundary
        ("2001-06-15/2002-06-17", "2001-06-15", False),  # 367 days longer
        ("2008/", "2008/2013", False),  # an open prediction is longer than any closed gold
        ("2010", "2008/", True),
        ("2000/", "2008/", False),  # 8 years longer
        ("1999-12-31", "2000/2001", False),
    ],
)
def test_dates_compatible(predicted: str | None, gold: str | None, ok: bool) -> None:
    assert dates_compatible(predicted, gold) is ok


# ---------------------------------------------------------------- matching


def _brute_force(n_gold: int, n_pred: int, edges: set, required: set) -> tuple[int, int]:
    best = (0, 0)
    for size in range(min(n_gold, n_pred) + 1):
        for golds in itertools.combinations(range(n_gold), size):
            for preds in itertools.permutations(range(n_pred), size):
                if all((g, p) in edges for g, p in zip(golds, preds, strict=True)):
                    best = max(best, (len(required & set(golds)), size))
    return best


def test_max_matching_is_maximum_and_prefers_required() -> None:
    rng = random.Random(7)
    for _ in range(150):
        n_gold, n_pred = rng.randint(1, 5), rng.randint(1, 5)
        edges = {(g, p) for g in range(n_gold) for p in range(n_pred) if rng.random() < 0.4}
        required = {g for g in range(n_gold) if rng.random() < 0.6}
        order = sorted(required) + sorted(set(range(n_gold)) - required)
        pairs = max_matching(n_gold, n_pred, lambda g, p, e=edges: (g, p) in e, order)
        assert all((g, p) in edges for g, p in pairs.items())
        assert len(set(pairs.values())) == len(pairs)
        assert (len(required & set(pairs)), len(pairs)) == _brute_force(n_gold, n_pred, edges, required)


# ---------------------------------------------------------------- events


def test_event_type_mismatch() -> None:
    s = score("events", [ev("visit", "2008-11")], [ev("agreement", "2008-11")])
    assert (s["matched"], s["precision"], s["recall"], s["f1"]) == (0, 0.0, 0.0, 0.0)
    assert len(s["missed"]) == 1 and len(s["spurious"]) == 1


def test_event_alt_types_accepted() -> None:
    s = score("events", [ev("cooperation", "1985")], [ev("trade", "1980/1989", alt_types=["cooperation"])])
    assert s["matched"] == 1 and s["f1"] == 1.0


def test_event_participants() -> None:
    gold = gold_of(
        events=[ev("agreement", "2008-11")], other_dyad_events=[ev("visit", "2008-11", ("RUS", "BRA"))]
    )
    predicted = [
        ev("agreement", "2008-11", ("RUS", "PER")),  # order does not matter
        ev("agreement", "2008-11", ("PER", "RUS", "VEN")),  # other participants: ignored
        ev("visit", "2008-11", ("RUS", "BRA")),
    ]  # another dyad: not scored
    s = evaluate({"events": predicted}, gold)["events"]
    assert (s["matched"], s["predicted"], s["ignored"], s["precision"], s["recall"]) == (1, 1, 2, 1.0, 1.0)


@pytest.mark.parametrize(
    ("predicted", "gold", "matched"),
    [
        ("2001", None, 1),
        (None, None, 1),
        (None, "2001", 0),
        ("2001-06-15/2002-06-16", "2001-06-15", 1),
        ("2001-06-15/2002-06-17", "2001-06-15", 0),
    ],
)
def test_event_dates(predicted: str | None, gold: str | None, matched: int) -> None:
    assert score("events", [ev("visit", predicted)], [ev("visit", gold)])["matched"] == matched


def test_optional_events_neither_add_recall_nor_cost_precision() -> None:
    golds = [ev("agreement", "2008-11"), ev("other", "1998", optional=True)]
    s = score("events", [ev("agreement", "2008-11"), ev("other", "1998")], golds)
    assert (s["matched"], s["matched_optional"], s["required"], s["precision"], s["recall"]) == (
        1,
        1,
        1,
        1.0,
        1.0,
    )
    s = score("events", [ev("other", "1998")], golds)
    assert (s["matched"], s["matched_optional"], s["precision"], s["recall"]) == (0, 1, 0.0, 0.0)
    assert s["missed"] == [golds[0]] and s["spurious"] == []
    s = score("events", [ev("agreement", "2008-11"), ev("visit", "1998")], golds)
    assert (s["precision"], s["recall"]) == (0.5, 1.0)


def test_required_gold_preferred_over_optional() -> None:
    golds = [ev("agreement", "2008", optional=True), ev("agreement", "2008-11")]
    s = score("events", [ev("agreement", "2008-11")], golds)
    assert (s["matched"], s["matched_optional"], s["f1"]) == (1, 0, 1.0)


def test_one_to_one_two_predictions_for_one_gold() -> None:
    s = score(
        "events", [ev("agreement", "2008-11"), ev("agreement", "2008-11-24")], [ev("agreement", "2008-11")]
    )
    assert (s["matched"], len(s["spurious"]), s["precision"], s["recall"]) == (1, 1, 0.5, 1.0)
    assert s["f1"] == pytest.approx(2 / 3)


def test_maximum_matching_beats_greedy_order() -> None:
    # A greedy pass gives the first prediction to the first gold event, leaving the second unmatched.
    golds = [ev("agreement", "2008"), ev("agreement", "2008-11")]
    s = score("events", [ev("agreement", "2008-11"), ev("agreement", "2008-03")], golds)
    assert (s["matched"], s["f1"]) == (2, 1.0)


# ---------------------------------------------------------------- figures


@pytest.mark.parametrize(("value", "matched"), [(202, 1), (198, 1), (202.5, 0), (197.9, 0)])
def test_figure_value_tolerance(value: float, matched: int) -> None:
    assert score("figures", [fig("export", value)], [fig("export", 200)])["matched"] == matched


@pytest.mark.parametrize(
    ("predicted", "gold", "matched"),
    [
        (fig("export", 1e6, "RUS", "PER"), fig("export", 1e6), 0),  # ordered kind: direction counts
        (fig("investment", 1e6, "PER", "RUS"), fig("investment", 1e6, "RUS", "PER"), 0),
        (fig("arms_value", 1e6, "RUS", "VEN"), fig("arms_value", 1e6, "RUS", "VEN"), 1),
        (fig("growth_rate", 9.4, "RUS", "PER"), fig("growth_rate", 9.4), 1),  # unordered pair
        (fig("trade_total", 5e8, "RUS", "CHL"), fig("trade_total", 5e8), 0),
        (fig("export", 4.8e10, "PER", "RUS"), fig("export", 4.8e10, "PER", None), 0),  # gold to: null
        (fig("export", 4.8e10, "PER", None), fig("export", 4.8e10, "PER", None), 1),
        (fig("import", 1e6), fig("export", 1e6), 0),  # kind
        ({**fig("export", 1e6), "unit": "usd"}, fig("export", 1e6), 1),  # unit ignores case
        ({**fig("export", 1e6), "unit": "EUR"}, fig("export", 1e6), 0),
        ({**fig("export", 1e6), "year": "2017"}, fig("export", 1e6), 0),
        ({**fig("export", 1e6), "year": None}, fig("export", 1e6), 0),  # predicted null year
        (fig("export", 1e6), {**fig("export", 1e6), "year": None}, 1),  # gold null year
        ({**fig("export", 1e6), "value": "a lot"}, fig("export", 1e6), 0),
    ],
)
def test_figure_matching(predicted: dict, gold: dict, matched: int) -> None:
    assert score("figures", [predicted], [gold])["matched"] == matched


def test_figures_optional_supported() -> None:
    s = score(
        "figures", [fig("export", 1), fig("export", 2)], [fig("export", 1), fig("export", 2, optional=True)]
    )
    assert (s["matched"], s["matched_optional"], s["precision"], s["recall"]) == (1, 1, 1.0, 1.0)


# ---------------------------------------------------------------- documents


GOLD_DOCS = [
    {"doc": "a.txt", "kind": "blog", "title": "Russia and Peru", "authors": [], "published": "2024-09-11"},
    {
        "doc": "b.txt",
        "kind": "paper",
        "title": "The Relations",
        "authors": ["Sebastien Adins", "Mildred Rooney"],
        "published": None,
    },
    {"doc": "c.txt", "kind": "news", "title": "Putin forges", "authors": ["Simon Wilson"], "published": None},
]


def test_documents() -> None:
    exported = [
        {"doc": "a.txt", "kind": "blog", "title": ' "russia  and\nPeru." ', "authors": [], "published": None},
        {
            "doc": "b.txt",
            "kind": "paper",
            "title": "“The Relations”",
            "authors": ["sebastien  adins", "Mildred Rooney"],
            "published": None,
        },
        {"doc": "x.txt", "kind": "news", "title": "not in the gold", "authors": [], "published": None},
    ]
    s = evaluate({"documents": exported}, gold_of(documents=GOLD_DOCS))["documents"]
    assert (s["all_fields_correct"], s["total"]) == (1, 3)
    assert s["fields"]["title"] == {"correct": 2, "total": 3}
    assert s["fields"]["published"] == {"correct": 1, "total": 3}
    assert s["fields"]["authors"] == {"correct": 2, "total": 3}
    assert {(m["doc"], m["field"]) for m in s["mismatches"]} == {
        ("a.txt", "published"),
        ("c.txt", "title"),
        ("c.txt", "kind"),
        ("c.txt", "authors"),
        ("c.txt", "published"),
    }


def test_document_author_order_matters() -> None:
    exported = [{**GOLD_DOCS[1], "authors": ["Mildred Rooney", "Sebastien Adins"]}]
    s = evaluate({"documents": exported}, gold_of(documents=GOLD_DOCS[1:2]))["documents"]
    assert s["fields"]["authors"]["correct"] == 0 and s["all_fields_correct"] == 0


# ---------------------------------------------------------------- time expressions


@pytest.mark.parametrize(
    ("a", "b", "ok"),
    [
        ("1995", "the beginning of 1995", True),
        ("Tuesday", "tuesday", True),
        ("2018", "by 2018", True),
        ("in  2013", "2013 and 2014", True),  # "in 2013 and 2014": the spans overlap on "2013"
        ("Wednesday, September 11", "September 11, 2024", True),
        ("in 2004", "signed in 2006", False),  # shared characters, but no overlap of spans
        ("2018", "20189", False),
        ("since 2008", "2008-2014", False),  # a 4-character overlap is below half of the shorter
        ("", "2018", False),
    ],
)
def test_texts_overlap(a: str, b: str, ok: bool) -> None:
    assert texts_overlap(a, b) is ok and texts_overlap(b, a) is ok


@pytest.mark.parametrize(
    ("predicted", "gold", "ok"),
    [
        ("1995", "1995", True),
        ("1995-01", "1995", False),  # inside but less than half
        ("1995-01/1995-06", "1995", False),  # 181 of 365 days
        ("1995-01/1995-07", "1995", True),  # 212 of 365 days
        ("1995/1996", "1995", False),  # not inside
        ("1990/1994", "199X", True),  # exactly half (1826 of 3652 days)
        ("1990/1993", "199X", False),
        ("199X", "1990/1994", False),
        ("2008", "2008/", False),  # "since 2008" needs the open interval
        ("2008/", "2008/", True),
        ("2007/", "2008/", False),
        ("/2008", "/2008", True),
        (None, "1995", False),
        ("soon", "1995", False),
    ],
)
def test_timex_right(predicted: str | None, gold: str, ok: bool) -> None:
    assert timex_right(predicted, gold) is ok


def test_time_expressions() -> None:
    gold = gold_of(
        documents=[{"doc": "a.txt"}, {"doc": "b.txt"}],
        time_expressions=[
            {"doc": "a.txt", "text": "the beginning of 1995", "value": "1995"},
            {"doc": "a.txt", "text": "since 2008", "value": "2008/"},
            {"doc": "a.txt", "text": "last year", "value": "2014"},
            {"doc": "b.txt", "text": "in 2013", "value": "2013"},
            {"doc": "b.txt", "text": "Tuesday", "value": "2008-11-25"},
        ],
        vague_time_expressions=[{"doc": "a.txt", "text": "In recent years"}],
    )
    exported = [
        {"doc": "a.txt", "text": "1995", "value": "1995"},  # found, right
        {"doc": "a.txt", "text": "since 2008", "value": "2008"},  # found, wrong
        {"doc": "b.txt", "text": "last year", "value": "2014"},  # other document: "last year" is missed
        {"doc": "b.txt", "text": "2013", "value": "2013-05"},  # two for "in 2013": one right is enough
        {"doc": "b.txt", "text": "in 2013", "value": "2013"},
        {"doc": "a.txt", "text": "in recent years", "value": "2020/2024"},  # vague: not a false positive
        {"doc": "a.txt", "text": "May", "value": "2024-05"},  # false positive
        {"doc": "z.txt", "text": "May", "value": "2024-05"},  # a document the gold does not cover
    ]
    s = score_time_expressions({"time_expressions": exported}, gold)
    assert (s["found"], s["right"], s["total"], s["false_positives"]) == (3, 2, 5, 2)
    assert [m["text"] for m in s["missed"]] == ["last year", "Tuesday"]
    assert s["wrong"] == [{"doc": "a.txt", "text": "since 2008", "value": "2008/", "got": ["2008"]}]
    assert [(p["doc"], p["text"]) for p in s["spurious"]] == [("b.txt", "last year"), ("a.txt", "May")]


# ---------------------------------------------------------------- questions


def test_questions(gold: dict) -> None:
    answers = {
        "Q01": {"answer": "In 1863.", "citations": [{"doc": "002_104a4800072aadd7.txt"}]},
        "Q05": {
            "answer": "in November 2015",
            "citations": [{"doc": "x"}, {"doc": "003_1fdc36ad657d76f1.txt"}],
        },
        "Q07": {"answer": "Mi-17 only", "citations": [{"doc": "002_104a4800072aadd7.txt"}]},  # misses Mi-35
        "Q13": {"answer": "Three million dollars", "citations": [{"doc": "002_104a4800072aadd7.txt"}]},
        "Q02": {"answer": "1969", "citations": [{"doc": "000_2f0e2a640d968ef9.txt"}]},  # wrong source
    }
    s = evaluate({}, gold, answers=answers)["questions"]
    assert (s["right"], s["total"]) == (3, 20)
    by_id = {r["id"]: r for r in s["results"]}
    assert by_id["Q07"]["cited_ok"] and not by_id["Q07"]["answer_ok"]
    assert by_id["Q02"]["answer_ok"] and not by_id["Q02"]["cited_ok"]
    assert not by_id["Q20"]["right"]
    assert "questions" not in evaluate({}, gold)


# ---------------------------------------------------------------- against the seed gold


def perfect_export(gold: dict) -> dict:
    keep = ("doc", "kind", "title", "authors", "published")
    return {
        "documents": [{k: d.get(k) for k in keep} for d in gold["documents"]],
        "events": [
            {k: e[k] for k in ("type", "date", "participants", "summary")}
            for e in gold["events"] + gold["other_dyad_events"]
        ],
        "figures": [
            {k: v for k, v in f.items() if k not in ("id", "evidence", "note")} for f in gold["figures"]
        ],
        "time_expressions": [{k: t[k] for k in ("doc", "text", "value")} for t in gold["time_expressions"]],
    }


def test_perfect_export_scores_perfectly(gold: dict) -> None:
    report = evaluate(perfect_export(gold), gold)
    json.dumps(report)  # serialisable
    events, figures = report["events"], report["figures"]
    assert (events["f1"], events["matched"], events["required"], events["matched_optional"]) == (
        1.0,
        16,
        16,
        7,
    )
    assert events["ignored"] == len(gold["other_dyad_events"])
    assert (figures["f1"], figures["matched"], figures["required"]) == (1.0, 13, 13)
    assert report["documents"]["all_fields_correct"] == report["documents"]["total"] == 5
    tx = report["time_expressions"]
    assert (tx["found"], tx["right"], tx["total"], tx["false_positives"]) == (40, 40, 40, 0)
    assert check_floors(report, load_floors(FLOORS)) == []


def _shift(value: str | None, years: int) -> str | None:
    return None if value is None else re.sub(r"\d{4}", lambda m: str(int(m[0]) + years), value)


def test_wrong_export_scores_exactly(gold: dict) -> None:
    export = perfect_export(gold)
    required = [e for e in gold["events"] if not e.get("optional")]
    # every required event ten years late, and one event of another pair of countries (ignored)
    export["events"] = [{**e, "date": _shift(e["date"], 10)} for e in required]
    export["events"].append(ev("visit", "2008-11", ("PER", "VEN")))
    # every figure's direction swapped; F11's value 2% off
    export["figures"] = [{**f, "from": f["to"], "to": f["from"]} for f in export["figures"]]
    export["figures"][10]["value"] *= 1.02
    docs = export["documents"]
    docs[0]["published"] = None
    docs[2]["authors"] = list(reversed(docs[2]["authors"]))
    docs[3]["title"] = docs[3]["title"].upper()  # still right
    docs[4]["kind"] = "blog"
    timex = [t for t in export["time_expressions"] if t["text"] != "Wednesday, September 11, 2024"]
    values = {
        "the beginning of 1995": "1995-01",
        "since 2008": "2008",
        "the first half of the nineties": "199X",
    }
    timex = [{**t, "value": values.get(t["text"], t["value"])} for t in timex]
    timex += [
        {"doc": "000_2f0e2a640d968ef9.txt", "text": "in recent years", "value": "2020/2024"},
        {"doc": "002_104a4800072aadd7.txt", "text": "May", "value": "2018-05"},
    ]
    export["time_expressions"] = timex

    report = evaluate(export, gold)
    events = report["events"]
    # E04 (1968/1980 -> 1978/1990) and E06 (1968/1999 -> 1978/2009) still overlap with the same length;
    # of the optional events, E20 (trade 1980/1989) takes shifted E05 and E21 (trade, no date) takes
    # shifted E07 or E18; E19 (cooperation, no date) could take shifted E06, but required E06 wins.
    assert (events["matched"], events["matched_optional"], events["predicted"], events["ignored"]) == (
        2,
        2,
        16,
        1,
    )
    assert events["precision"] == pytest.approx(2 / 14) and events["recall"] == pytest.approx(2 / 16)
    assert events["f1"] == pytest.approx(2 / 15)
    assert len(events["missed"]) == 14 and len(events["spurious"]) == 12
    figures = report["figures"]  # only the unordered kinds survive the swap: F04, F05, F10, F12
    assert (figures["matched"], figures["precision"], figures["recall"]) == (4, 4 / 13, 4 / 13)
    assert {f["id"] for f in figures["missed"]} == {
        "F01",
        "F02",
        "F03",
        "F06",
        "F07",
        "F08",
        "F09",
        "F11",
        "F13",
    }
    documents = report["documents"]
    assert documents["all_fields_correct"] == 2
    assert {f: c["correct"] for f, c in documents["fields"].items()} == {
        "title": 5,
        "kind": 4,
        "authors": 4,
        "published": 4,
    }
    tx = report["time_expressions"]
    assert (tx["found"], tx["right"], tx["false_positives"]) == (39, 36, 1)
    assert [t["id"] for t in tx["missed"]] == ["T01"]
    assert sorted(t["id"] for t in tx["wrong"]) == ["T15", "T18", "T21"]

    failures = check_floors(report, {"events_f1": 0.5, "figures_f1": 0.3, "documents_all_fields": 3})
    assert len(failures) == 2 and failures[0].startswith("events_f1") and failures[1].startswith("documents")

    text = format_report(report)
    assert "F1 0.133" in text.splitlines()[0] and "time_expressions wrong:" in text
    assert all(len(line) < 200 for line in text.splitlines())


# ---------------------------------------------------------------- floors and text


def test_floor_file_and_check_floors() -> None:
    floors = load_floors(FLOORS)
    assert set(floors) == {"events_f1", "figures_f1", "documents_all_fields", "time_expressions_right"}
    assert all(isinstance(v, int | float) and v >= 0 for v in floors.values())
    empty = evaluate({}, gold_of())
    assert check_floors(empty, {key: 0 for key in floors}) == []
    assert len(check_floors(empty, {"events_f1": 0.1})) == 1
    failures = check_floors(empty, {"events_f1": 0.1, "questions_right": 1, "bogus": 1})
    assert len(failures) == 3 and "below the floor" in failures[0] and "bogus" in failures[2]


def test_a_floor_on_officials_found_with_their_country() -> None:
    gold = gold_of(
        actors=[
            {"name": "Ana Ruiz Toro", "kind": "person", "country": "PER"},
            {"name": "Luis Paz Soto", "kind": "person", "country": "RUS"},
        ]
    )
    export = {"actors": [{"kind": "person", "name": "Ana Ruiz Toro", "country": "PER"}]}
    report = evaluate(export, gold)
    assert check_floors(report, {"officials_right": 1}) == []
    (failure,) = check_floors(report, {"officials_right": 2})
    assert failure.startswith("officials_right")


@pytest.mark.parametrize(
    ("exported", "gold", "same"),
    [
        ("Kenji Sato", "Kenji Satō", True),
        # initials written together or apart, and for a given name written in full
        ("KJ Rojas Mena", "K.J. Rojas Mena", True),
        ("R. Mena", "Rodrigo Mena", True),
        # a family name written first in capitals
        ("Kenji Sato", "SATO Kenji", True),
        ("SATO Kenji", "Sato Kenji", True),
        # honorifics and a quoted nickname are no part of the name
        ("Ana Ruiz Toro", "Dr. Ana Ruiz Toro", True),
        ("Luis Paz Soto", "Luis Paz Soto 'El Profe'", True),
        # a longer form of the same name
        ("Ana Ruiz Toro Vega", "Ana Ruiz Toro", True),
        # two family names without the given names
        ("Ana María Ruiz Toro", "Ruiz Toro", True),
        ("Ana María Ruiz Vega", "Ruiz Toro", False),
        # one letter of transliteration in a long family name
        ("Oleksandr Kovalenko", "Oleksandr Kovalenka", True),
        # and what stays apart: other given names, a short name one letter off, a word that is no initial
        ("Ana Ruiz Toro", "Luis Ruiz Toro", False),
        ("Wang Yi", "Wang Yu", False),
        ("Al Mena", "Ali Mena", False),
        ("Kenji Sato", "SATO Hiroshi", False),
        ("Oleksandr Kovalenko", "Oleksandr Kovalenkova", False),
    ],
)
def test_officials_are_matched_by_name_as_people_write_it(exported: str, gold: str, same: bool) -> None:
    report = evaluate(
        {"actors": [{"kind": "person", "name": exported, "country": "PER"}]},
        gold_of(actors=[{"name": gold, "kind": "person", "country": "PER"}]),
    )
    assert report["actors"]["right"] == int(same)


def test_format_report_truncates_excerpts() -> None:
    report = evaluate(
        {"events": [ev("visit", "2001", summary="x" * 200)]}, gold_of(events=[ev("agreement", None)])
    )
    lines = format_report(report).splitlines()
    assert lines[0].startswith("events") and "P 0.000" in lines[0]
    spurious = next(line for line in lines if "events spurious" in line)
    assert spurious.endswith("x" * 89 + "…")
    assert "events missed: agreement None PER-RUS" in format_report(report)


def test_evaluate_does_not_mutate(gold: dict) -> None:
    export = perfect_export(gold)
    before = (copy.deepcopy(export), copy.deepcopy(gold))
    evaluate(export, gold)
    assert (export, gold) == before


@pytest.mark.parametrize(
    ("section", "key", "value"),
    [("events", "date", "2016-13-99"), ("figures", "year", "FY22"), ("time_expressions", "value", "spring")],
)
def test_a_gold_whose_date_is_no_edtf_is_refused_with_its_place(
    tmp_path: Path, section: str, key: str, value: str
) -> None:
    from dyad.errors import EvalError

    gold = {"dyad": ["CHL", "JPN"], section: [{key: "2019"}, {key: value}]}
    path = tmp_path / "gold.json"
    path.write_text(json.dumps(gold), encoding="utf-8")
    with pytest.raises(EvalError, match=rf"{section}\[1\]\.{key} '{value}' is not an EDTF date"):
        read_gold(path)
    gold[section] = [{key: "2016-03-12T21:04"}, {key: None}]  # a time of day and an undated item are fine
    path.write_text(json.dumps(gold), encoding="utf-8")
    assert read_gold(path)[section][0][key] == "2016-03-12T21:04"
