from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from dyad.extract.timex import find_time_expressions, parse_edtf, year_value
from dyad.models import TimeValue

WED = dt.date(2024, 9, 11)  # a Wednesday
TUE = dt.date(2008, 11, 25)  # a Tuesday
DEC = dt.date(2015, 12, 1)


def _found(text: str, anchor: dt.date | None = None) -> list[tuple[str, str]]:
    return [(e.text, e.value.edtf) for e in find_time_expressions(text, anchor=anchor)]


CASES = [
    # full dates
    ("Wednesday, September 11, 2024", None, [("Wednesday, September 11, 2024", "2024-09-11")]),
    ("It was published 11 September 2024 in Lima.", None, [("11 September 2024", "2024-09-11")]),
    ("publicationDate: 2022-05-11.", None, [("2022-05-11", "2022-05-11")]),
    ("Signed on Nov. 30, 2015 in Paris.", None, [("on Nov. 30, 2015", "2015-11-30")]),
    ("On the 11th of September 2024 they met.", None, [("On the 11th of September 2024", "2024-09-11")]),
    (
        "Dated 25/12/2023 and 12/25/2023 and 11.09.2024.",
        None,
        [("25/12/2023", "2023-12-25"), ("12/25/2023", "2023-12-25"), ("11.09.2024", "2024-09-11")],
    ),
    ("On 11/09/2024 they met.", None, []),  # day/month order unknown
    # the weekday written before it tells the order: 4 March 2020 was a Wednesday, 3 April a Friday
    ("Friday, 03/04/2020", None, [("Friday, 03/04/2020", "2020-04-03")]),
    ("Wed 03/04/2020", None, [("Wed 03/04/2020", "2020-03-04")]),
    ("Sunday, 11/09/2024", None, []),  # neither 9 November nor 11 September 2024 was a Sunday
    (
        "MARCH 2019 AND NOVEMBER 30, 2015",
        None,
        [("MARCH 2019", "2019-03"), ("NOVEMBER 30, 2015", "2015-11-30")],
    ),
    # year-less dates need the anchor
    ("The talks in Paris on November 30 went well.", DEC, [("on November 30", "2015-11-30")]),
    ("The talks in Paris on November 30 went well.", None, []),
    ("They met on 30 November.", DEC, [("on 30 November", "2015-11-30")]),
    ("They met on December 30.", WED, [("on December 30", "2023-12-30")]),  # 2024-12-30 is too late
    ("They met on October 30.", WED, [("on October 30", "2024-10-30")]),  # within two months: kept
    ("They will meet on December 30.", DEC, [("on December 30", "2015-12-30")]),
    ("In 2014, on November 4, Humala visited.", DEC, [("In 2014", "2014"), ("on November 4", "2014-11-04")]),
    ("Elections were held in April.", WED, [("in April", "2024-04")]),
    ("The summit will be held in April.", WED, [("in April", "2025-04")]),
    ("It happened last May.", WED, [("last May", "2024-05")]),
    # month and year
    ("In February 2019, Peru and Russia celebrated.", None, [("In February 2019", "2019-02")]),
    ("Feb. 2019 was cold.", None, [("Feb. 2019", "2019-02")]),
    (
        "in early November 2014 and mid-November 2014 and late November 2014",
        None,
        [
            ("in early November 2014", "2014-11-01/2014-11-10"),
            ("mid-November 2014", "2014-11-11/2014-11-20"),
            ("late November 2014", "2014-11-21/2014-11-30"),
        ],
    ),
    # years
    ("The first contact dates back to 1863.", None, [("1863", "1863")]),
    ("the Soviet Union was established in 1917", None, [("in 1917", "1917")]),
    ("the Cuban Revolution of 1959", None, [("of 1959", "1959")]),
    ("By 1996, the policy had failed.", None, [("By 1996", "1996")]),
    ("in the year 2000", None, [("in the year 2000", "2000")]),
    ("the Technical-Military Agreement signed in 2004.", None, [("in 2004", "2004")]),
    # not years
    ("It cost 135 million dollars, $4.4 billion, 2,000 tons and 1985 km.", None, []),
    ("Mi17Sh and Mi35 helicopters, a Su-24 jet, the Mi-35, COP21, G8 and G20.", None, []),
    ("DOI 10.46272/2409-3416-2021-9-4-84-100, pp. 1985-1990, p. 2003.", None, []),
    ("Russia ranked 31st; growth was 2015% and 9.4 percent.", None, []),
    ('"FirstCategoryId":"1085","PeriodicalId":93419', None, []),
    ("Some 2000 people marched and nearly 1500 troops arrived.", None, []),
    ("(Smith, 2019) and (Smith et al. 2018; Jones 2017)", None, []),
    ("Call 2019 1234 or see https://example.com/2019/05/x or file_2019.pdf", None, []),
    ("Adins, S. (2019). Title. Smith et al. (2018) said. Adins, Sebastien. 2019. Title.", None, []),
    ("The talks ended at 1900 GMT and resumed at 10:30; the 2nd century BC.", None, []),
    # decades
    ("during the 1970s", None, [("during the 1970s", "197X")]),
    (
        "the '70s, the seventies, the nineties, the sixties, the 1980s, the 1970's",
        None,
        [
            ("the '70s", "197X"),
            ("the seventies", "197X"),
            ("the nineties", "199X"),
            ("the sixties", "196X"),
            ("the 1980s", "198X"),
            ("the 1970's", "197X"),
        ],
    ),
    ("The eighties were difficult.", None, [("The eighties", "198X")]),
    (
        "the early 1990s, the mid-1990s, the late 1990s",
        None,
        [("the early 1990s", "1990/1993"), ("the mid-1990s", "1994/1996"), ("the late 1990s", "1997/1999")],
    ),
    (
        "in the first half of the nineties; after the second half of the nineties",
        None,
        [
            ("in the first half of the nineties", "1990/1994"),
            ("the second half of the nineties", "1995/1999"),
        ],
    ),
    (
        "the beginning of the nineties and the end of the 1980s",
        None,
        [("the beginning of the nineties", "1990/1992"), ("the end of the 1980s", "1987/1989")],
    ),
    ("a dynamic that continued until the nineties", None, [("until the nineties", "199X")]),
    ("people in their sixties and over 70s", None, []),
    # centuries
    ("traced back to the 19th century", None, [("the 19th century", "18XX")]),
    (
        "the nineteenth century and the 21st century and the XIX century",
        None,
        [("the nineteenth century", "18XX"), ("the 21st century", "20XX"), ("the XIX century", "18XX")],
    ),
    ("at the beginning of the 21st century", None, [("the beginning of the 21st century", "2000/2009")]),
    ("the first half of the 20th century", None, [("the first half of the 20th century", "1900/1949")]),
    ("the 19th and 20th centuries", None, [("the 19th and 20th centuries", "1800/1999")]),
    # ranges
    ("especially between 2008 and 2013, of weapons", None, [("between 2008 and 2013", "2008/2013")]),
    (
        "from 2006 to 2011, 2005-2008, 2005–2008 and 1998-99",
        None,
        [
            ("from 2006 to 2011", "2006/2011"),
            ("2005-2008", "2005/2008"),
            ("2005–2008", "2005/2008"),
            ("1998-99", "1998/1999"),
        ],
    ),
    ("led by Juan Velasco (1968-1975), meant", None, [("1968-1975", "1968/1975")]),
    ("the 1990s–2000s", None, [("the 1990s–2000s", "1990/2009")]),
    ("from March 2010 to May 2012", None, [("from March 2010 to May 2012", "2010-03/2012-05")]),
    ("between March and May 2015", None, [("between March and May 2015", "2015-03/2015-05")]),
    ("November 30 – December 2, 2015", None, [("November 30 – December 2, 2015", "2015-11-30/2015-12-02")]),
    ("12-14 November 2015", None, [("12-14 November 2015", "2015-11-12/2015-11-14")]),
    ("in 2013 and 2014", None, [("in 2013", "2013"), ("2014", "2014")]),
    ("tensions with the West since 2008, as", None, [("since 2008", "2008/")]),
    ("until 2010", None, [("until 2010", "2010")]),
    # parts of years, seasons, quarters
    (
        "at the beginning of 1995, early 1995, at the start of 1995",
        None,
        [("the beginning of 1995", "1995"), ("early 1995", "1995"), ("the start of 1995", "1995")],
    ),
    ("by the end of 2015, late 2015", None, [("by the end of 2015", "2015"), ("late 2015", "2015")]),
    ("the first half of 2019", None, [("the first half of 2019", "2019-01/2019-06")]),
    (
        "the summer of 2010 and Q3 2019",
        None,
        [("the summer of 2010", "2010-06/2010-08"), ("Q3 2019", "2019-07/2019-09")],
    ),
    # relative to the anchor
    (
        "yesterday, today, tomorrow",
        WED,
        [("yesterday", "2024-09-10"), ("today", "2024-09-11"), ("tomorrow", "2024-09-12")],
    ),
    ("yesterday, today, tomorrow", None, []),
    ("Yesterday, Putin met Humala.", DEC, [("Yesterday", "2015-11-30")]),
    ("Russia concluded treaties, EFE reported Tuesday.", TUE, [("Tuesday", "2008-11-25")]),
    ("The accords, signed Monday during the visit", TUE, [("Monday", "2008-11-24")]),
    ("Medvedev, who arrived in Lima last Friday to attend", TUE, [("last Friday", "2008-11-21")]),
    (
        "They met on Monday and will meet next Tuesday.",
        WED,
        [("on Monday", "2024-09-09"), ("next Tuesday", "2024-09-17")],
    ),
    ("Ministers will meet on Friday.", WED, [("on Friday", "2024-09-13")]),
    ("The meeting is set for Dec. 10.", WED, [("Dec. 10", "2024-12-10")]),
    ("On Good Friday and at Black Monday.", WED, []),
    ("Russia Today reported.", WED, []),
    (
        "last year, this year, next year",
        WED,
        [("last year", "2023"), ("this year", "2024"), ("next year", "2025")],
    ),
    (
        "last month, earlier this month, next month",
        WED,
        [("last month", "2024-08"), ("earlier this month", "2024-09"), ("next month", "2024-10")],
    ),
    (
        "two months ago, three years ago, a decade ago",
        WED,
        [("two months ago", "2024-07"), ("three years ago", "2021"), ("a decade ago", "2014")],
    ),
    ("almost 40 years ago", WED, [("almost 40 years ago", "1984/1986")]),
    ("last week", WED, [("last week", "2024-09-02/2024-09-08")]),
    ("a seven fold increase over the last 10 years", DEC, [("over the last 10 years", "2005/2015")]),
    ("recently, in recent years", WED, []),
    # anaphora against the text
    (
        "Thus, by 2018, Peru exported 135 million dollars (of 48 billion in this year). An increase over the "
        "previous year.",
        None,
        [("by 2018", "2018"), ("in this year", "2018"), ("the previous year", "2017")],
    ),
    (
        "In 2018 trade grew. That year exports rose. The following year they fell. Two years later, a deal.",
        None,
        [
            ("In 2018", "2018"),
            ("That year", "2018"),
            ("The following year", "2019"),
            ("Two years later", "2020"),
        ],
    ),
    (
        "In 2010 it grew; the same year, it fell; a year later it rose.",
        None,
        [("In 2010", "2010"), ("the same year", "2010"), ("a year later", "2011")],
    ),
    ("That year was bad. The previous year too.", None, []),
    (
        "Trade reached $20 billion in 2019-20, up from $17 billion a year earlier.",
        None,
        [("in 2019-20", "2019/2020"), ("a year earlier", "2018/2019")],
    ),
    ("Between 2008 and 2013 it rose; the same year it fell.", None, [("Between 2008 and 2013", "2008/2013")]),
    # "the same year" reaches back over paragraphs to the latest year named (issue 9: dates from the
    # whole document)
    ("In 2016 it rose.\n\nThe same year it fell.", None, [("In 2016", "2016"), ("The same year", "2016")]),
    (
        "On 5 May 2019 they met. The next day they signed.",
        None,
        [("On 5 May 2019", "2019-05-05"), ("The next day", "2019-05-06")],
    ),
    # not dates
    ("Peru may sign. A second chapter. 3 of the 5 states. Troops march.", None, []),
    ("Mar, Jun and May went home; March on! May God help.", WED, []),
    (
        "since the 1990s and since November 2015",
        None,
        [("since the 1990s", "199X/"), ("since November 2015", "2015-11/")],
    ),
    ("The 50th anniversary. The Fourth Fleet. At 10:30 p.m. One of the first states.", None, []),
    # a day of the story's month ("on the 8th"), the month before when the day is still to come
    ("He was invited to visit Mongolia on the 8th.", dt.date(2022, 8, 9), [("on the 8th", "2022-08-08")]),
    ("On the 20th, the ministers met.", dt.date(2022, 8, 9), [("On the 20th", "2022-07-20")]),
    ("He will arrive on the 20th.", dt.date(2022, 8, 9), [("on the 20th", "2022-08-20")]),
    ("They met on Tuesday the 2nd.", dt.date(2022, 8, 9), [("Tuesday the 2nd", "2022-08-02")]),
    ("The 8th round of talks marked the 20th anniversary.", dt.date(2022, 8, 9), []),
    ("the first decades of the Cold War; it survived the Cold War", None, []),
    ("During the Cold War, Peru aligned with the US.", None, [("During the Cold War", "1947/1991")]),
    # "the same day" opening a paragraph is the day the paragraph before ended on, not after another date
    (
        "The troops left Chile on 15 August 2022.\n\nOn the same day, Peru wrote to the council.",
        None,
        [("on 15 August 2022", "2022-08-15"), ("On the same day", "2022-08-15")],
    ),
    (
        "The troops left Chile on 15 August 2022.\n\nThey met in 2023. On the same day, Peru wrote.",
        None,
        [("on 15 August 2022", "2022-08-15"), ("in 2023", "2023")],
    ),
    (
        "The troops left Chile on 15 August 2022. Talks stalled.\n\nOn the same day, Peru wrote.",
        None,
        [("on 15 August 2022", "2022-08-15")],
    ),
    # "a day later" after a month with no day, the latest date of its paragraph; not across paragraphs
    (
        "In June 2022 a jet crossed the border. Jets were scrambled. Villagers were angry. Chile apologised "
        "a day later.",
        None,
        [("In June 2022", "2022-06"), ("a day later", "2022-06-02/2022-07-01")],
    ),
    (
        "In June 2022 a jet crossed the border. Jets were scrambled.\n\nChile apologised a day later.",
        None,
        [("In June 2022", "2022-06")],
    ),
    # a month with the year before or after the story's is one expression, of that year
    (
        "The border was closed in May last year and will reopen in March next year.",
        dt.date(2012, 4, 24),
        [("in May last year", "2011-05"), ("in March next year", "2013-03")],
    ),
    (
        "In May, last year's talks failed.",
        dt.date(2012, 4, 24),
        [("In May", "2012-05"), ("last year", "2011")],
    ),
    # a year in a past-perfect clause is of an earlier time: the year-less date after it is the story's
    (
        "Chile withdrew the status it had granted Peru in 1996, and on February 16 it raised duties.",
        dt.date(2019, 3, 1),
        [("in 1996", "1996"), ("on February 16", "2019-02-16")],
    ),
    (
        "Both had praised the ruling of January 2014, and on March 6 their ministers met in Lima.",
        dt.date(2015, 2, 20),
        [("of January 2014", "2014-01"), ("on March 6", "2014-03-06")],
    ),
]


@pytest.mark.parametrize(("text", "anchor", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_cases(text: str, anchor: dt.date | None, expected: list[tuple[str, str]]) -> None:
    assert _found(text, anchor) == expected


@pytest.mark.parametrize(
    ("edtf", "start", "end", "granularity"),
    [
        ("2008-11-24", dt.date(2008, 11, 24), dt.date(2008, 11, 24), "day"),
        ("2008-11", dt.date(2008, 11, 1), dt.date(2008, 11, 30), "month"),
        ("2008", dt.date(2008, 1, 1), dt.date(2008, 12, 31), "year"),
        ("197X", dt.date(1970, 1, 1), dt.date(1979, 12, 31), "decade"),
        ("18XX", dt.date(1800, 1, 1), dt.date(1899, 12, 31), "century"),
        ("2008/2013", dt.date(2008, 1, 1), dt.date(2013, 12, 31), "interval"),
        ("2015-11/2015-12", dt.date(2015, 11, 1), dt.date(2015, 12, 31), "interval"),
        ("2008/", dt.date(2008, 1, 1), None, "open"),
        ("/2008", None, dt.date(2008, 12, 31), "open"),
    ],
)
def test_parse_edtf(edtf: str, start: dt.date | None, end: dt.date | None, granularity: str) -> None:
    assert parse_edtf(edtf, basis="relative") == TimeValue(edtf, start, end, granularity, "relative")  # type: ignore[arg-type]


@pytest.mark.parametrize("bad", ["", "/", "20081", "2008-13", "2013/2008", "Nov 2008"])
def test_parse_edtf_rejects(bad: str) -> None:
    with pytest.raises(ValueError):
        parse_edtf(bad)


def test_year_value() -> None:
    assert year_value(1863) == TimeValue(
        "1863", dt.date(1863, 1, 1), dt.date(1863, 12, 31), "year", "explicit"
    )
    assert year_value(2017, basis="relative").basis == "relative"


def test_offsets_sorted_and_disjoint() -> None:
    text = ("Yesterday, on Monday 24 November 2008, between 2005 and 2008, in the 1990s.\n\nIn 2008, the "
            "previous year, the 19th century, last Friday, 1968-1975.")  # fmt: skip
    found = find_time_expressions(text, anchor=TUE)
    assert len(found) >= 8
    for e in found:
        assert text[e.start : e.end] == e.text
    assert all(a.end <= b.start for a, b in zip(found, found[1:], strict=False))
    assert [e.value.basis for e in find_time_expressions("Yesterday and in 2008.", anchor=TUE)] == [
        "relative", "explicit"]  # fmt: skip


# ---------------------------------------------------------------- seed corpus against the gold

SEED_ANCHORS = {"000": dt.date(2024, 9, 11), "001": dt.date(2022, 5, 11), "002": None,
                "003": dt.date(2015, 12, 1), "004": dt.date(2008, 11, 25)}  # fmt: skip


def _clean(raw: str) -> str:
    """Approximates the clean stage: hyphenated line breaks joined, whitespace collapsed, paragraphs kept."""
    raw = re.sub(r"(\w)-\s*\n\s*(\w)", r"\1\2", raw)
    return "\n\n".join(" ".join(p.split()) for p in re.split(r"\n\s*\n", raw) if p.strip())


def _occurrences(text: str, needle: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(re.escape(needle), text)]


def _right(got: TimeValue, gold: TimeValue) -> bool:
    """ARCHITECTURE.md: inside the gold interval and covering at least half of it; open needs open."""
    if gold.start is None or gold.end is None:
        return got.start == gold.start and got.end == gold.end
    if got.start is None or got.end is None or got.start < gold.start or got.end > gold.end:
        return False
    return 2 * ((got.end - got.start).days + 1) >= (gold.end - gold.start).days + 1


def test_seed_corpus_against_gold(seeds_dir: Path, gold: dict) -> None:
    texts = {p.name: _clean(p.read_text(encoding="utf-8")) for p in sorted(seeds_dir.glob("*.txt"))}
    found = {name: find_time_expressions(t, anchor=SEED_ANCHORS[name[:3]]) for name, t in texts.items()}
    right, misses = 0, []
    for g in gold["time_expressions"]:
        spans = _occurrences(texts[g["doc"]], g["text"])
        hits = [e for e in found[g["doc"]] if any(e.start < b and a < e.end for a, b in spans)]
        ok = [e for e in hits if _right(e.value, parse_edtf(g["value"]))]
        right += bool(ok)
        if not ok:
            got = [(e.text, e.value.edtf) for e in hits] or ("not found" if spans else "gold text not in doc")
            misses.append(f"{g['id']} {g['doc'][:3]} {g['text']!r} gold {g['value']}: got {got}")
    known = {name: [] for name in texts}
    for item in gold["time_expressions"] + gold["vague_time_expressions"]:
        known[item["doc"]] += _occurrences(texts[item["doc"]], item["text"])
    false_pos = [f"{name[:3]} {e.text!r} {e.value.edtf}" for name, exprs in found.items() for e in exprs
                 if not any(e.start < b and a < e.end for a, b in known[name])]  # fmt: skip
    report = f"right {right}/{len(gold['time_expressions'])}\nmisses:\n  " + "\n  ".join(misses)
    report += "\nfalse positives:\n  " + "\n  ".join(false_pos)
    print(report)
    assert right >= 36, report
    assert len(false_pos) <= 3, report


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In 2014 Russia wrote off the debt. Putin visited Havana in July of that year.", "2014-07"),
        ("Talks began in 2010 and resumed in March of the following year.", "2011-03"),
        ("The treaty was signed in 1995; ratification came in June of the same year.", "1995-06"),
        # without "of", and a part of a month
        ("Talks began in 2010 and resumed in March the following year.", "2011-03"),
        ("The envoy left on 2 June 2014. In late November that year he returned.", "2014-11-21/2014-11-30"),
    ],
)
def test_month_of_an_anaphoric_year(text: str, expected: str) -> None:
    found = find_time_expressions(text, anchor=dt.date(2019, 10, 4))
    assert found[-1].value.edtf == expected and found[-1].text.endswith("year")


@pytest.mark.parametrize(
    ("day", "years", "expected"),
    [
        (dt.date(2019, 2, 28), 50, dt.date(1969, 2, 28)),
        (dt.date(2020, 2, 29), 1, dt.date(2019, 2, 28)),
        (dt.date(2020, 12, 31), 4, dt.date(2016, 12, 31)),
    ],
)
def test_minus_years(day: dt.date, years: int, expected: dt.date) -> None:
    from dyad.extract.timex_values import minus_years

    assert minus_years(day, years) == expected


def test_the_same_year_reaches_back_over_paragraphs_but_two_years_later_does_not() -> None:
    text = (
        "The treaty was signed in March 2007.\n\nTrade grew quickly. Copper led the way.\n\n"
        "Both parliaments ratified it the same year. Two years later, a review began."
    )
    found = {t.text: t.value.edtf for t in find_time_expressions(text)}
    assert found["the same year"] == "2007"
    assert "Two years later" not in found  # "later" than what: too far from its year to say


@pytest.mark.parametrize(("narrative", "expected"), [(True, "2022-03-10"), (False, "2023-03-10")])
def test_a_yearless_date_in_a_narrative_takes_the_year_just_spoken_of(narrative: bool, expected: str) -> None:
    """A text dated from its content reads "on 10 March" in the year of the sentence before; a story dated
    by its publisher (2023-05-02) reads it against that date."""
    text = "Delegations met twice in February 2022. The ministers held talks in Vienna on 10 March."
    found = find_time_expressions(text, anchor=dt.date(2023, 5, 2), narrative=narrative)
    assert [t.value.edtf for t in found if t.text.endswith("10 March")] == [expected]


def test_weeks_count_from_the_day_just_named() -> None:
    """ "A week earlier" is that day seven days back, "the following week" the calendar week after it; after
    a month (no day to count from) "the following week" says nothing."""
    text = (
        "The envoy was expelled on 14 March 2021. A week earlier the ministry had protested. "
        "Three weeks later the embassy closed.\n\nTalks resumed on 2 June 2021. The following week a deal "
        "was signed.\n\nFishing rights lapsed in May 2022. The following week the fleets left."
    )
    found = [(t.text, t.value.edtf) for t in find_time_expressions(text)]
    assert ("A week earlier", "2021-03-07") in found
    assert ("Three weeks later", "2021-04-04") in found
    assert ("The following week", "2021-06-07/2021-06-13") in found
    assert [t for t, _v in found if t == "The following week"] == ["The following week"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The pact was signed in April 2009 and took effect on 1 October of the same year.", "2009-10-01"),
        ("The pact was signed in April 2009 and took effect in July of the following year.", "2010-07"),
        # without "of the same year" a date well after the year is read against the story's date
        ("The pact was signed in April 2009 and both parliaments approved it on 1 October.", "2015-10-01"),
    ],
)
def test_a_day_of_the_same_year_takes_that_year(text: str, expected: str) -> None:
    found = find_time_expressions(text, anchor=DEC)
    assert found[-1].value.edtf == expected


@pytest.mark.parametrize(
    ("text", "narrative", "expected"),
    [
        # a backgrounder's paragraph that opens with a year-less date goes on in the year just named
        ("Relations soured after the vote in June 2020.\n\nOn 3 August the envoy left.", True, "2020-08-03"),
        # a story dated by its publisher reads it against that date
        ("Relations soured after the vote in June 2020.\n\nOn 3 August the envoy left.", False, "2023-08-03"),
        # a date inside a later paragraph's text is not its opening
        ("Relations soured after the vote in June 2020.\n\nThe envoy left on 3 August.", True, "2023-08-03"),
        # two paragraphs on, the year is no longer the one spoken of
        ("Relations soured in June 2020.\n\nTrade fell.\n\nOn 3 August the envoy left.", True, "2023-08-03"),
        # any story telling a past episode day by day: a later day opening the next paragraph goes on in it
        ("The border closed on 8 June 2020.\n\nOn 3 August the envoy left.", False, "2020-08-03"),
        # not a day before the one just told: the story is back in its own year
        ("The border closed on 8 June 2020.\n\nOn 3 May the envoy left.", False, "2023-05-03"),
    ],
)
def test_a_paragraph_opening_with_a_yearless_date_continues_the_year_before(
    text: str, narrative: bool, expected: str
) -> None:
    found = find_time_expressions(text, anchor=dt.date(2023, 10, 2), narrative=narrative)
    assert found[-1].value.edtf == expected


def test_the_following_days_are_the_week_after_the_day_just_named() -> None:
    text = (
        "Fighting broke out on 3 May 2021. In the preceding weeks both sides massed troops. The border "
        "stayed closed in the following days.\n\nTalks stalled in June 2021. In the following days nothing "
        "moved."
    )
    found = [(t.text, t.value.edtf) for t in find_time_expressions(text)]
    assert ("In the preceding weeks", "2021-04-05/2021-05-02") in found
    assert ("in the following days", "2021-05-04/2021-05-10") in found
    assert ("In the following days", "2021-05-04/2021-05-10") not in found  # after a month: no day to count


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        # the first such month after the one just named, a paragraph back
        (
            "The envoys met in October 2004.\n\nA treaty was drafted the following March.",
            "the following March",
            "2005-03",
        ),
        ("The envoys met in January 2004. A treaty was drafted the next March.", "the next March", "2004-03"),
        # no month named before it: nothing to count from (a year alone does not say which March)
        ("The envoys met in 2004. A treaty was drafted the following March.", "the following March", None),
    ],
)
def test_the_following_month_is_the_first_after_the_month_just_named(
    text: str, phrase: str, expected: str | None
) -> None:
    assert dict(_found(text, anchor=DEC)).get(phrase) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the first sentence of the next paragraph counts on from the year the paragraph before ended on
        ("The two fought a border war in 1998.\n\nA peace deal was signed two years later.", "2000"),
        # further on, the year is no longer the one spoken of
        (
            "The two fought a border war in 1998.\n\nTrade fell. A peace deal was signed two years later.",
            None,
        ),
        ("The two fought a border war in 1998.\n\nIt did not last. Two years later a deal was signed.", None),
    ],
)
def test_years_later_opening_a_paragraph_count_from_the_year_before(text: str, expected: str | None) -> None:
    found = {t.lower(): v for t, v in _found(text, anchor=DEC)}
    assert found.get("two years later") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # no day named, only a month: the day after one of its days
        (
            "In May 2019 a patrol boat entered the strait. The navy protested a day later.",
            "2019-05-02/2019-06-01",
        ),
        ("On 9 May 2019 a patrol boat entered the strait. The navy protested a day later.", "2019-05-10"),
        # a year is no month to count from
        ("In 2019 a patrol boat entered the strait. The navy protested a day later.", None),
    ],
)
def test_a_day_later_after_a_month_is_a_day_after_one_of_its_days(text: str, expected: str | None) -> None:
    assert dict(_found(text, anchor=DEC)).get("a day later") == expected
