from __future__ import annotations

import pytest

from dyad.extract.quantities import currency_choices, find_quantities, parse_number_words

# text → the quantities expected, as (value, unit, qualifier), in order; counts (bare numbers) left out.
CASES = [
    ("Venezuela bought Russian weapons worth $4.4 billion.", [(4.4e9, "USD", "exact")]),
    ("The loan amounts to US$ 1.2bn over ten years.", [(1.2e9, "USD", "exact")]),
    ("Exports reached 135 million dollars.", [(135e6, "USD", "exact")]),
    ("They do not reach three million dollars.", [(3e6, "USD", "less_than")]),
    ("Sales did not reach $40 million that year.", [(40e6, "USD", "less_than")]),
    ("An investment of USD 500 million was announced.", [(500e6, "USD", "exact")]),
    ("Berlin pledged €20 million for the project.", [(20e6, "EUR", "exact")]),
    ("German firms put 20 million euros into the plant.", [(20e6, "EUR", "exact")]),
    ("Trade reached 1.5 billion rubles.", [(1.5e9, "RUB", "exact")]),
    ("Trade reached 1.5 billion roubles.", [(1.5e9, "RUB", "exact")]),
    ("The contract is worth S/ 10 million.", [(10e6, "PEN", "exact")]),
    ("The contract is worth 10 million soles.", [(10e6, "PEN", "exact")]),
    ("Chinese exports to Brazil reached 450 billion yuan.", [(450e9, "CNY", "exact")]),
    ("China invested ¥30 billion in Brazil.", [(30e9, "CNY", "exact")]),
    ("Toyota invested ¥30 billion in Mexico.", [(30e9, "JPY", "exact")]),
    ("British exports to India were worth £8.8bn.", [(8.8e9, "GBP", "exact")]),
    ("Mexican purchases rose to 5 billion Mexican pesos.", [(5e9, "MXN", "exact")]),
    ("Brazil received R$ 10 billion.", [(10e9, "BRL", "exact")]),
    ("Turkish exports reached 3 billion Canadian dollars.", [(3e9, "CAD", "exact")]),
    ("Trade fell to 600 million US dollars.", [(600e6, "USD", "exact")]),
    ("Some 2,500 million dollars were invested.", [(2.5e9, "USD", "about")]),
    ("Japan offered half a billion dollars in aid.", [(0.5e9, "USD", "exact")]),
    ("The deal is worth two and a half billion dollars.", [(2.5e9, "USD", "exact")]),
    ("Twenty-five million dollars were lost.", [(25e6, "USD", "exact")]),
    ("A hundred million euros were promised.", [(100e6, "EUR", "exact")]),
    ("The fund holds $750k in cash.", [(750e3, "USD", "exact")]),
    ("The $1.2-billion deal was signed.", [(1.2e9, "USD", "exact")]),
    ("Trade rose 50% last year.", [(50, "percent", "exact")]),
    ("Trade grew by 9.4 percent in 2014.", [(9.4, "percent", "exact")]),
    ("Exports fell 9.4 per cent.", [(9.4, "percent", "exact")]),
    ("an increase over the previous year with more than 50%", [(50, "percent", "more_than")]),
    ("Tariffs of up to 25% apply.", [(25, "percent", "less_than")]),
    ("a seven fold increase", [(7, "factor", "exact")]),
    ("a sevenfold increase", [(7, "factor", "exact")]),
    ("a seven-fold increase", [(7, "factor", "exact")]),
    ("a 3-fold rise in sales", [(3, "factor", "exact")]),
    ("Trade doubled in five years.", [(2, "factor", "exact")]),
    ("Investment tripled after the accord.", [(3, "factor", "exact")]),
    ("Arms sales quadrupled.", [(4, "factor", "exact")]),
    ("Exports are three times higher than in 2000.", [(3, "factor", "exact")]),
    ("Russia only ranked 31st among Peru's export partners.", [(31, "rank", "exact")]),
    ("Mexico is the 31st largest market for Turkish goods.", [(31, "rank", "exact")]),
    ("Germany was the 5th destination of Turkish exports.", [(5, "rank", "exact")]),
    ("China is Brazil's second-largest investor.", [(2, "rank", "exact")]),
    ("India ranked third among Russia's arms buyers.", [(3, "rank", "exact")]),
    ("Prices reached between $2 and $3 billion.", [(2e9, "USD", "about")]),
    ("Sales of $2-3 billion a year are expected.", [(2e9, "USD", "about")]),
    ("Growth of between 2 and 3 percent is forecast.", [(2, "percent", "about")]),
    (
        "in 1985 Peru set a record for an amount of more than 230 million dollars.",
        [(230e6, "USD", "more_than")],
    ),
    ("out of a total of almost 48 billion dollars of Peruvian shipments", [(48e9, "USD", "about")]),
    ("Trade exceeded $500 million in 2013.", [(500e6, "USD", "more_than")]),
    ("exceeding $500 million in 2013", [(500e6, "USD", "more_than")]),
    ("Investment is over €1 billion.", [(1e9, "EUR", "more_than")]),
    ("Exports above $3 billion were recorded.", [(3e9, "USD", "more_than")]),
    ("Investment in excess of $2bn is planned.", [(2e9, "USD", "more_than")]),
    ("Orders upwards of $1 billion came in.", [(1e9, "USD", "more_than")]),
    ("The plant will cost at least $300 million.", [(300e6, "USD", "more_than")]),
    ("Trade of $5bn or more is expected.", [(5e9, "USD", "more_than")]),
    ("Imports of less than $1 billion were recorded.", [(1e9, "USD", "less_than")]),
    ("Deals under $50 million are exempt.", [(50e6, "USD", "less_than")]),
    ("Investment below $10 million was reported.", [(10e6, "USD", "less_than")]),
    ("Fewer than 20 percent of firms export.", [(20, "percent", "less_than")]),
    ("Aid of about $2 billion was pledged.", [(2e9, "USD", "about")]),
    ("Around €400 million was invested.", [(400e6, "EUR", "about")]),
    ("Nearly $1 billion changed hands.", [(1e9, "USD", "about")]),
    ("Roughly 30% of trade is in oil.", [(30, "percent", "about")]),
    ("Approximately 12 billion yuan was spent.", [(12e9, "CNY", "about")]),
    ("Trade is close to $80 billion.", [(80e9, "USD", "about")]),
    ("An estimated $2 billion was lost.", [(2e9, "USD", "about")]),
    ("Exports of ~$5bn were reported.", [(5e9, "USD", "about")]),
    ("Exports grew from $2bn in 2010 to $3bn in 2015.", [(2e9, "USD", "exact"), (3e9, "USD", "exact")]),
    ("Trade rose 5% to $3 billion.", [(5, "percent", "exact"), (3e9, "USD", "exact")]),
    ("Peru bought Mi35 and Mi17Sh helicopters for $400 million.", [(400e6, "USD", "exact")]),
    ("Beijing invested RMB5bn in the port.", [(5e9, "CNY", "exact")]),
    ("The fund has USD1.2 billion.", [(1.2e9, "USD", "exact")]),
    ("Ankara approved EUR500 million.", [(500e6, "EUR", "exact")]),
    ("India allotted Rs1,000 crore.", [(1e10, "INR", "exact")]),
    ("Trade grew 5pc last year.", [(5, "percent", "exact")]),
    ("a 25-percent rise in sales", [(25, "percent", "exact")]),
    ("a 9.4-per-cent rise in sales", [(9.4, "percent", "exact")]),
    ("Two-way trade hit $1.2tn.", [(1.2e12, "USD", "exact")]),
    ("Sales of $2bn-$3bn are expected.", [(2e9, "USD", "about")]),
    ("Exports more than doubled.", [(2, "factor", "more_than")]),
    # the plain verb after "to" or a modal: a change to come
    ("Officials expect exports to double within a few years.", [(2, "factor", "exact")]),
    ("Trade could triple if the border opens.", [(3, "factor", "exact")]),
    # a bare superlative before a partner noun is rank 1
    ("Mexico is Canada's largest export market.", [(1, "rank", "exact")]),
    ("Chile remains Bolivia's main trading partner.", [(1, "rank", "exact")]),
    ("France is by far Egypt's biggest arms supplier.", [(1, "rank", "exact")]),
    ("Japan became the top source of foreign direct investment in Thailand.", [(1, "rank", "exact")]),
    ("Spain is Morocco's ninth-largest trading partner.", [(9, "rank", "exact")]),
    # "triple their level", "doubles"
    ("Sales were nearly triple their 2015 level.", [(3, "factor", "about")]),
    ("Exports would double the value seen in 2010.", [(2, "factor", "exact")]),
    ("Trade doubles every decade.", [(2, "factor", "exact")]),
    ("Exports are doubling.", [(2, "factor", "exact")]),
    ("Sales multiplied nearly twelve-fold.", [(12, "factor", "about")]),
    # "as much as" is an upper bound
    ("Aid was worth as much as $3 billion a year.", [(3e9, "USD", "less_than")]),
    ("Tariffs as high as 40% were imposed.", [(40, "percent", "less_than")]),
    ("Shipments reached ten million tonnes of wheat.", [(1e7, "tonne", "exact")]),
]

# no quantity other than bare counts at all
NEGATIVES = [
    "In 1985 Peru set a record.",
    "The Su-24 was shot down over Syria.",
    "It was signed at COP21 in Paris.",
    "Russia was expelled from the G8.",
    "They celebrated the 50th anniversary of relations.",
    "It happened in the 21st century.",
    "The talks began on November 30, 2015.",
    "Call +51 1 234 5678 for details.",
    "See doi 10.46272/2409-3416-2021-9-4-84-100 for the article.",
    "Juan Velasco (1968-1975) ruled Peru.",
    "The dispute lasted from 2008 to 2014.",
    "The F-16 and MiG-29 fleets were compared.",
    "Customs officers had to double-check every truck.",
    "A double tax treaty was signed.",
    "The meeting was held on 2022-05-11 at 10:30.",
    "Arms deals worth billions of dollars are expected.",
    "Several hundreds of students were trained.",
    "Russia is one of the largest suppliers of wheat to Egypt.",
    "China is among the main buyers of Peruvian copper.",
    "Lima is the largest city in Peru.",
    "She was the top candidate for the post.",
    "The treaty avoids double taxation.",
    "They signed a double taxation agreement.",
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_quantities(text: str, expected: list[tuple[float, str, str]]) -> None:
    found = [(q.value, q.unit, q.qualifier) for q in find_quantities(text) if q.unit != "count"]
    assert len(found) == len(expected), found
    for (value, unit, qualifier), (e_value, e_unit, e_qualifier) in zip(found, expected, strict=True):
        assert value == pytest.approx(e_value)
        assert (unit, qualifier) == (e_unit, e_qualifier)


@pytest.mark.parametrize("text", NEGATIVES)
def test_no_quantity(text: str) -> None:
    assert [q for q in find_quantities(text) if q.unit != "count"] == []


@pytest.mark.parametrize(
    "text",
    [
        "In 1985 Peru set a record.",
        "Mi35 helicopters",
        "the Su-24",
        "COP21",
        "the G8",
        "on November 30, 2015",
        "doi 10.46272/2409-3416-2021-9-4-84-100",
    ],
)
def test_codes_and_dates_are_not_counts(text: str) -> None:
    assert find_quantities(text) == []


def test_offsets_and_text_include_the_qualifier() -> None:
    text = "Peru exported for an amount of more than 230 million dollars."
    (q,) = find_quantities(text)
    assert q.text == "more than 230 million dollars" == text[q.start : q.end]
    assert q.value == 230e6 and q.is_money


def test_range_bounds() -> None:
    (q,) = find_quantities("between $2 and $3 billion")
    assert (q.low, q.high, q.unit) == (2e9, 3e9, "USD")
    (q,) = find_quantities("$2-3 billion")
    assert (q.low, q.high) == (2e9, 3e9)


def test_from_to_borrows_the_scale() -> None:
    first, second = find_quantities("rose from 2 to 3 billion dollars")
    assert (first.value, first.unit, second.value) == (2e9, "USD", 3e9)


@pytest.mark.parametrize(
    ("text", "value", "low"),
    [
        ("trade reached $8.2 bn", 8_200_000_000, None),  # 8.2 * 1e9 is 8199999999.999999 in floats
        ("a loan of 1.1 million dollars", 1_100_000, None),
        ("between $2.3 and $4.1 billion", 2_300_000_000, 2_300_000_000),
        ("from 1.1 to 3.3 billion dollars", 1_100_000_000, None),
    ],
)
def test_scaled_values_are_exact_as_written(text: str, value: int, low: int | None) -> None:
    q = find_quantities(text)[0]
    assert (q.value, q.low) == (value, low)  # exact equality, not approx


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("three", 3),
        ("twenty-five", 25),
        ("a hundred", 100),
        ("one hundred and twenty", 120),
        ("half a", 0.5),
        ("two and a half", 2.5),
        ("ninety nine", 99),
        ("eleven", 11),
    ],
)
def test_parse_number_words(words: str, value: float) -> None:
    assert parse_number_words(words) == value


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("The order is worth a combined three-point-four billion dollars.", 3.4e9, "USD"),
        ("Exports grew 12 point five percent last year.", 12.5, "percent"),
        ("Inflation stood at zero point seven per cent.", 0.7, "percent"),
    ],
)
def test_decimals_spelled_as_a_broadcast_script_says_them(text: str, value: float, unit: str) -> None:
    [q] = find_quantities(text)
    assert (q.value, q.unit) == (value, unit)


def test_a_point_made_is_no_decimal() -> None:
    """ "point" not followed by a digit's word, or not after a number, leaves the numbers as they are."""
    text = "She made the point that five ships came; five point guards and nine centres were signed."
    assert [q.value for q in find_quantities(text)] == [5, 5, 9]


def test_written_out_counts() -> None:
    assert [(q.value, q.unit) for q in find_quantities("twenty-five ships and a hundred tanks")] == [
        (25, "count"),
        (100, "count"),
    ]


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        # any currency code before or after the amount, and local symbols (knowledge/currencies.tsv)
        ("Remittances of NPR 420 billion came home.", 420e9, "NPR"),
        ("The port cost KSh 38 billion.", 38e9, "KES"),
        ("Sales reached 12 billion PLN last year.", 12e9, "PLN"),
        ("The regulator imposed a fine of N2.5 trillion on the firm.", 2.5e12, "NGN"),
        ("The ministry set aside NIS 4 billion.", 4e9, "ILS"),
        ("Costs rose to 7 billion Egyptian pounds.", 7e9, "EGP"),
        ("The bank lent 300 million Kenyan shillings.", 300e6, "KES"),
        ("A contract of 2 billion CFA francs was signed.", 2e9, "XOF"),
        # the Gulf currencies as their own press abbreviates them
        ("Sales to the emirate came to QR 2.3 billion.", 2.3e9, "QAR"),
        ("The island's purchases were worth BD 45 million.", 45e6, "BHD"),
        ("The fund committed SR 9 billion.", 9e9, "SAR"),
        ("Shipments fell to Dh 700 million.", 700e6, "AED"),
        # Indian scales together: a lakh crore is 10^12
        ("The bill came to about ₹3.2 lakh crore.", 3.2e12, "INR"),
    ],
)
def test_currencies_keep_their_own_code(text: str, value: float, unit: str) -> None:
    (q,) = find_quantities(text)
    assert (q.value, q.unit) == (pytest.approx(value), unit)


@pytest.mark.parametrize(
    "text",
    [
        "The N2 road was closed.",  # a one-letter symbol only before a scaled amount
        "Flight KES12 left late.",
        "Everyone won 3 games.",  # "won" alone is no currency
        "The BDS movement held 3 rallies.",  # a symbol's letters inside a longer word
    ],
)
def test_letters_that_are_no_currency(text: str) -> None:
    assert [q for q in find_quantities(text) if q.is_money] == []


def test_a_shared_currency_name_lists_its_choices() -> None:
    assert currency_choices("25 billion rupees")[:2] == ("INR", "PKR")
    assert currency_choices("25 billion Pakistani rupees") == ()
    assert currency_choices("$25 billion") == ()


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # a decimal comma before a scale word, as much of Europe and Latin America writes it
        ("exports reached $3,5 billion", 3.5e9),
        ("US$ 12,75 bn", 12.75e9),
        ("3,5 million euros", 3.5e6),
        # a thousands group has three digits: still thousands
        ("3,500 million dollars", 3.5e9),
    ],
)
def test_a_decimal_comma_before_a_scale_word(text: str, value: float) -> None:
    [q] = find_quantities(text)
    assert q.value == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        # a currency hyphened to the number or its scale word in a compound before a noun
        ("a 50-euro fee for each crossing", 50, "EUR"),
        ("a five-billion-dollar loan", 5e9, "USD"),
        ("a 3.55-billion-U.S.-dollar pipeline", 3.55e9, "USD"),
        # a compound of another unit stays a count
        ("a 500-million-year-old rock", 5e8, "count"),
    ],
)
def test_a_currency_hyphened_into_a_compound(text: str, value: float, unit: str) -> None:
    [q] = find_quantities(text)
    assert (q.value, q.unit) == (pytest.approx(value), unit)
