from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from dyad.clean.sentences import split_sentences
from dyad.extract.figures import extract_figures
from dyad.extract.mentions import PAIR_PHRASES, Mention
from dyad.extract.quantities import find_quantities
from dyad.models import Document, Figure, TimeExpression, TimeValue
from dyad.pipeline import process_bytes

# A tiny gazetteer, so that these tests do not depend on the knowledge files.
COUNTRIES = {
    "Peru": ("PER", "name"),
    "Peruvian": ("PER", "adjective"),
    "Lima": ("PER", "metonym"),
    "Russia": ("RUS", "name"),
    "Russian": ("RUS", "adjective"),
    "Moscow": ("RUS", "metonym"),
    "Soviet": ("RUS", "adjective"),
    "Chile": ("CHL", "name"),
    "Ecuador": ("ECU", "name"),
    "Venezuela": ("VEN", "name"),
    "United States": ("USA", "name"),
    "US": ("USA", "name"),
    "U.S.": ("USA", "name"),
    "American": ("USA", "adjective"),
    "Washington": ("USA", "metonym"),
    "China": ("CHN", "name"),
    "Chinese": ("CHN", "adjective"),
    "Beijing": ("CHN", "metonym"),
    "Paris": ("FRA", "metonym"),
    "Brazil": ("BRA", "name"),
    "Brazilian": ("BRA", "adjective"),
    "Germany": ("DEU", "name"),
    "German": ("DEU", "adjective"),
    "Turkey": ("TUR", "name"),
    "Turkish": ("TUR", "adjective"),
    "Mexico": ("MEX", "name"),
    "Mexican": ("MEX", "adjective"),
    "India": ("IND", "name"),
    "Indian": ("IND", "adjective"),
    "France": ("FRA", "name"),
    "Italy": ("ITA", "name"),
    "Japan": ("JPN", "name"),
    "Japanese": ("JPN", "adjective"),
    "Egypt": ("EGY", "name"),
    "Argentina": ("ARG", "name"),
    "Spain": ("ESP", "name"),
    "Colombia": ("COL", "name"),
    "Vietnam": ("VNM", "name"),
    "Vietnamese": ("VNM", "adjective"),
    "Indonesia": ("IDN", "name"),
}
REGIONS = ("Latin America", "Europe", "Asia")
# organisations: (home country or None, form, dimension)
ORGANISATIONS = {
    "Rosoboronexport": ("RUS", "company", "military"),
    "IMF": (None, "igo", "multilateral"),
    "European Union": (None, "igo", "multilateral"),
}
_NAMES = re.compile(
    r"(?<![\w])("
    + "|".join(
        sorted(map(re.escape, [*COUNTRIES, *ORGANISATIONS, *PAIR_PHRASES, *REGIONS]), key=len, reverse=True)
    )
    + r")(?![\w])",
    re.IGNORECASE,
)
_YEARS = re.compile(
    r"\b(?:between\s+(\d{4})\s+and\s+(\d{4})|from\s+(\d{4})\s+to\s+(\d{4})|"
    r"(?:the\s+same\s+(?:period|quarter)\s+of\s+|(?:in|by|during|of|since|over|from|with)\s+)?(\d{4}))\b",
    re.IGNORECASE,
)


def find_mentions(text: str) -> list[Mention]:
    out = []
    for m in _NAMES.finditer(text):
        word = m.group(1)
        if word in COUNTRIES:
            iso3, form = COUNTRIES[word]
            out.append(Mention(m.start(), m.end(), word, "country", iso3, form))
        elif word in ORGANISATIONS:
            home, form, dimension = ORGANISATIONS[word]
            attrs = {"dimension": dimension, **({"iso3": home} if home else {})}
            out.append(Mention(m.start(), m.end(), word, "organisation", word, form, attrs))
        elif word in REGIONS:
            out.append(Mention(m.start(), m.end(), word, "region", word, "region"))
        elif word.lower() in PAIR_PHRASES:
            out.append(Mention(m.start(), m.end(), word, "pair", "pair", "pair"))
    return out


def _value(first: int, last: int) -> TimeValue:
    edtf = str(first) if first == last else f"{first}/{last}"
    return TimeValue(
        edtf, dt.date(first, 1, 1), dt.date(last, 12, 31), "year" if first == last else "interval"
    )


def find_years(text: str) -> list[TimeExpression]:
    out = []
    for m in _YEARS.finditer(text):
        a, b = m.group(1) or m.group(3), m.group(2) or m.group(4)
        first, last = (int(a), int(b)) if a else (int(m.group(5)), int(m.group(5)))
        if 1800 <= first <= 2100:
            out.append(TimeExpression(m.group(0), m.start(), m.end(), _value(first, last)))
    return out


def make_doc(text: str) -> Document:
    paragraphs = text.split("\n\n")
    doc = Document(id="t", name="test.txt", path="test.txt", format="text", raw_text=text)
    doc.text = "\n\n".join(paragraphs)
    doc.sentences = split_sentences(paragraphs)
    return doc


def figures_of(text: str, pair: tuple[str, str] | None = None) -> list[Figure]:
    doc = make_doc(text)
    return extract_figures(doc, find_mentions(doc.text), find_years(doc.text), pair)


def as_rows(figures: list[Figure]) -> list[tuple]:
    return [
        (f.kind, f.value, f.unit, f.year.edtf if f.year else None, f.from_, f.to, f.qualifier)
        for f in figures
    ]


# text, document pair, expected figures (kind, value, unit, year, from, to, qualifier) in text order
CASES = [
    # trade totals: the pair that trades, not a country named only as a comparison or a region ranked "in"
    (
        "In 2021, two-way trade of $12 billion was more than twice the value of Egypt's trade with France.",
        ("EGY", "JPN"),
        [("trade_total", 12e9, "USD", "2021", "EGY", "JPN", "exact")],
    ),
    (
        "Germany's statistics office put bilateral trade at 48 billion euros in 2022, making Turkey the "
        "fifth-largest trading partner of Europe's biggest economy and its largest in Asia.",
        ("DEU", "TUR"),
        [
            ("trade_total", 48e9, "EUR", "2022", "DEU", "TUR", "exact"),
            ("other", 5, "rank", "2022", "DEU", "TUR", "exact"),
        ],
    ),
    (
        "Brazil's total trade reached $600 billion in 2023.",
        ("BRA", "CHN"),
        [("trade_total", 600e9, "USD", "2023", "BRA", None, "exact")],
    ),
    # a change has a span: to the latest data ("has since"), from a base level, forward from the year in view
    (
        "India's exports to Japan reached $6 billion in 2022.\n\nTotal trade stood at about $3 billion in "
        "2010, when Japan opened a consulate in Chennai; it has since grown more than fivefold.",
        ("IND", "JPN"),
        [
            ("export", 6e9, "USD", "2022", "IND", "JPN", "exact"),
            ("trade_total", 3e9, "USD", "2010", "IND", "JPN", "about"),
            ("growth_rate", 5, "factor", "2010/2022", "IND", "JPN", "more_than"),
        ],
    ),
    (
        "By 2019 German investment in Turkey was almost double its level in 2012.",
        None,
        [("growth_rate", 2, "factor", "2012/2019", "DEU", "TUR", "about")],
    ),
    (
        "A commerce treaty was signed in 1958. Mexican exports to Japan roughly doubled in the decade that "
        "followed.",
        None,
        [("growth_rate", 2, "factor", "1958/1968", "MEX", "JPN", "about")],
    ),
    (
        "Brazil opened its market to Chinese carmakers in 2009. Chinese investment in Brazil tripled over "
        "the next five years.",
        None,
        [("growth_rate", 3, "factor", "2009/2014", "CHN", "BRA", "exact")],
    ),
    # falls are negative; a change that ends at a level takes that level's year
    (
        "In 2020 Japanese exports to India slipped 4% as demand cooled.",
        None,
        [("growth_rate", -4, "percent", "2020", "JPN", "IND", "exact")],
    ),
    (
        "Trade between Egypt and Japan hit $5 billion in 2018 before sliding 20% to $4 billion in 2019.",
        None,
        [
            ("trade_total", 5e9, "USD", "2018", "EGY", "JPN", "exact"),
            ("growth_rate", -20, "percent", "2019", "EGY", "JPN", "exact"),
            ("trade_total", 4e9, "USD", "2019", "EGY", "JPN", "exact"),
        ],
    ),
    # a quarter without a year: the one after "the same period of 2022"
    (
        "Chinese exports to Mexico rose 12 percent in the second quarter compared with the same period of "
        "2022.",
        None,
        [("growth_rate", 12, "percent", "2023-04/2023-06", "CHN", "MEX", "exact")],
    ),
    # a label's year in parentheses before the colon that gives its amount
    (
        "Peruvian exports to Russia (2022): US$1.7 billion.",
        None,
        [("export", 1.7e9, "USD", "2022", "PER", "RUS", "exact")],
    ),
    # a share of what one side owns that the other side holds: kind other
    (
        "Peruvian nationals held nearly 40 per cent of Russian study permits in 2022.",
        None,
        [("other", 40, "percent", "2022", "PER", "RUS", "about")],
    ),
    # a rate blocker's phrase ends where the clause does: the exports' own rise is still theirs
    (
        "Duties on Peruvian fish stayed high, but Peru's exports to Russia rose 12% in 2023.",
        None,
        [("growth_rate", 12, "percent", "2023", "PER", "RUS", "exact")],
    ),
    # ranks: a bare superlative is 1; a country only compared with is no side
    (
        "France remains Egypt's largest arms supplier, ahead of Russia.",
        None,
        [("other", 1, "rank", None, "FRA", "EGY", "exact")],
    ),
    (
        "In 2015 China overtook Germany as Vietnam's largest source of imports.",
        None,
        [("other", 1, "rank", "2015", "CHN", "VNM", "exact")],
    ),
    (
        "In 2022 Spain was Mexico's ninth-largest trading partner, behind Germany and Japan.",
        None,
        [("other", 9, "rank", "2022", "ESP", "MEX", "exact")],
    ),
    # a country written as an abbreviation with stops between the rank and the partner noun
    (
        "In 2022 Vietnam was the eighth-largest U.S. trading partner.",
        None,
        [("other", 8, "rank", "2022", "VNM", "USA", "exact")],
    ),
    (
        "In 2021 China, the world's second-largest economy, was Peru's top trading partner.",
        None,
        [("other", 1, "rank", "2021", "CHN", "PER", "exact")],
    ),
    # money lent, given or forgiven between the two, goods hit by tariffs: kind other
    (
        "Russia granted Peru a $100 million credit line in 2010 to buy trade goods.",
        None,
        [("other", 100e6, "USD", "2010", "RUS", "PER", "exact")],
    ),
    (
        "In 2017 China wrote off 3 billion yuan of debt owed by Venezuela.",
        None,
        [("other", 3e9, "CNY", "2017", "CHN", "VEN", "exact")],
    ),
    (
        "Japan extended a 50 billion yen loan to India in 2014 for a metro line.",
        None,
        [("other", 50e9, "JPY", "2014", "JPN", "IND", "exact")],
    ),
    (
        "Indonesia's debt to Japan stood at $25 billion in 2020.",
        None,
        [("other", 25e9, "USD", "2020", "IDN", "JPN", "exact")],
    ),
    (
        "In 2001 Washington pledged $300 million in helicopters and training for Colombia's army.",
        None,
        [("other", 300e6, "USD", "2001", "USA", "COL", "exact")],
    ),
    (
        "In 2019 Spain imposed tariffs on €400 million worth of American goods.",
        None,
        [("other", 400e6, "EUR", "2019", "ESP", "USA", "exact")],
    ),
    (
        "Chinese grants to Peru were worth as much as $50 million in 2016.",
        None,
        [("other", 50e6, "USD", "2016", "CHN", "PER", "less_than")],
    ),
    # goods counted in tonnes or barrels
    (
        "In 2018 China bought 9 million tonnes of Brazilian iron ore.",
        ("BRA", "CHN"),
        [("import", 9e6, "tonne", "2018", "CHN", "BRA", "exact")],
    ),
    (
        "Russia shipped 30 million barrels of oil to India in 2023.",
        None,
        [("export", 30e6, "barrel", "2023", "RUS", "IND", "exact")],
    ),
    # a defence company is the supplier; a conversion in parentheses is the same figure again
    (
        "Rosoboronexport signed a $1 billion contract with Egypt for fighter jets in 2015.",
        ("EGY", "RUS"),
        [("arms_value", 1e9, "USD", "2015", "RUS", "EGY", "exact")],
    ),
    (
        "India will pay more than 400 billion rupees ($5.4 billion) for Russian air defence systems under "
        "the 2018 contract.",
        None,
        [
            ("arms_value", 400e9, "INR", "2018", "RUS", "IND", "more_than"),
            ("arms_value", 5.4e9, "USD", "2018", "RUS", "IND", "more_than"),
        ],
    ),
    # a company's exports with no partner named go to the world
    (
        "Toyota's Mexican plants exported vehicles worth $9 billion in 2021.",
        ("MEX", "JPN"),
        [("export", 9e9, "USD", "2021", "MEX", None, "exact")],
    ),
    # a headline without a year repeats the body's figure
    (
        "A $20 billion trade relationship with India\n\nTrade between Japan and India reached $20 billion in "
        "2022.",
        ("IND", "JPN"),
        [("trade_total", 20e9, "USD", "2022", "JPN", "IND", "exact")],
    ),
    # exports and imports: from = reporter, to = partner
    (
        "Brazil's exports to China reached $67.7 billion in 2020.",
        None,
        [("export", 67.7e9, "USD", "2020", "BRA", "CHN", "exact")],
    ),
    (
        "In 2019, China's imports from Brazil rose to 450 billion yuan.",
        None,
        [("import", 450e9, "CNY", "2019", "CHN", "BRA", "exact")],
    ),
    (
        "U.S. exports to Mexico totaled $324 billion in 2022.",
        None,
        [("export", 324e9, "USD", "2022", "USA", "MEX", "exact")],
    ),
    (
        "By 2018, Vietnam came to export some 4 billion dollars to the Indian market.",
        None,
        [("export", 4e9, "USD", "2018", "VNM", "IND", "about")],
    ),
    (
        "Mexico has a large deficit with China. In 2021 it imported 110 billion dollars of Chinese goods.",
        None,
        [("import", 110e9, "USD", "2021", "MEX", "CHN", "exact")],
    ),
    (
        "Exports to Russia reached 135 million dollars in 2018.",
        ("PER", "RUS"),
        [("export", 135e6, "USD", "2018", "PER", "RUS", "exact")],
    ),
    (
        "Imports from Turkey amounted to €21 billion in 2022.",
        ("DEU", "TUR"),
        [("import", 21e9, "EUR", "2022", "DEU", "TUR", "exact")],
    ),
    (
        "The value of Chinese goods sold to Mexico reached 82 billion dollars in 2022.",
        None,
        [("export", 82e9, "USD", "2022", "CHN", "MEX", "exact")],
    ),
    (
        "Russian exports to Peru amounted to 339 million dollars, while Peruvian exports to Russia stood at "
        "135 million dollars in 2018.",
        None,
        [
            ("export", 339e6, "USD", "2018", "RUS", "PER", "exact"),
            ("export", 135e6, "USD", "2018", "PER", "RUS", "exact"),
        ],
    ),
    (
        "Brazilian exports to China rose from $2 billion in 2001 to $67 billion in 2020.",
        None,
        [
            ("export", 2e9, "USD", "2001", "BRA", "CHN", "exact"),
            ("export", 67e9, "USD", "2020", "BRA", "CHN", "exact"),
        ],
    ),
    # totals with the world: to = None
    (
        "Brazil exported $30 billion of soybeans to China in 2020, out of total shipments of about "
        "$280 billion.",
        None,
        [
            ("export", 30e9, "USD", "2020", "BRA", "CHN", "exact"),
            ("export", 280e9, "USD", "2020", "BRA", None, "about"),
        ],
    ),
    (
        "In 2021 Turkey sold goods worth $8 billion to Germany (out of overall exports of $225 billion).",
        None,
        [
            ("export", 8e9, "USD", "2021", "TUR", "DEU", "exact"),
            ("export", 225e9, "USD", "2021", "TUR", None, "exact"),
        ],
    ),
    # investment: from = investor, to = destination
    (
        "German companies invested €2.5 billion in Turkey in 2018.",
        None,
        [("investment", 2.5e9, "EUR", "2018", "DEU", "TUR", "exact")],
    ),
    (
        "Turkey attracted about €1.2 billion of German investment in 2021.",
        None,
        [("investment", 1.2e9, "EUR", "2021", "DEU", "TUR", "about")],
    ),
    (
        "Investment by Japanese firms in Mexico reached $2 billion in 2019.",
        None,
        [("investment", 2e9, "USD", "2019", "JPN", "MEX", "exact")],
    ),
    (
        "Russian investments in Peru are negligible: they do not reach three million dollars.",
        None,
        [("investment", 3e6, "USD", None, "RUS", "PER", "less_than")],
    ),
    (
        "Chinese FDI in Brazil totalled US$ 1.9bn in 2021, down 30% from 2020.",
        None,
        [
            ("investment", 1.9e9, "USD", "2021", "CHN", "BRA", "exact"),
            ("growth_rate", -30, "percent", "2021", "CHN", "BRA", "exact"),
        ],
    ),
    (
        "Turkey received 1.2 billion euros in German FDI in 2019.",
        None,
        [("investment", 1.2e9, "EUR", "2019", "DEU", "TUR", "exact")],
    ),
    (
        "In 2015 Chinese firms invested $800 million in Brazilian companies.",
        None,
        [("investment", 800e6, "USD", "2015", "CHN", "BRA", "exact")],
    ),
    # arms: from = supplier, to = recipient
    (
        "Russia sold Peru helicopters worth $200 million on 24 November 2008.",
        None,
        [("arms_value", 200e6, "USD", "2008", "RUS", "PER", "exact")],
    ),
    (
        "India bought Russian arms worth $5.4 billion between 2014 and 2018.",
        None,
        [("arms_value", 5.4e9, "USD", "2014/2018", "RUS", "IND", "exact")],
    ),
    (
        "Russia sold weapons worth more than $2 billion to Egypt in 2015.",
        None,
        [("arms_value", 2e9, "USD", "2015", "RUS", "EGY", "more_than")],
    ),
    (
        "Peru spent $400 million on Russian helicopters during its border conflict with Ecuador in 1995.",
        None,
        [("arms_value", 400e6, "USD", "1995", "RUS", "PER", "exact")],
    ),
    (
        "Arms deliveries from Russia to India were worth between $2 billion and $3 billion in 2012.",
        None,
        [("arms_value", 2e9, "USD", "2012", "RUS", "IND", "about")],
    ),
    (
        "In 2010 Venezuela's purchases of Russian military equipment exceeded US$ 4 billion.",
        None,
        [("arms_value", 4e9, "USD", "2010", "RUS", "VEN", "more_than")],
    ),
    # trade totals: an unordered pair
    (
        "Trade between Mexico and the United States exceeded $600 billion in 2019.",
        None,
        [("trade_total", 600e9, "USD", "2019", "MEX", "USA", "more_than")],
    ),
    (
        "US-Mexico trade reached a record $779 billion in 2022.",
        None,
        [("trade_total", 779e9, "USD", "2022", "USA", "MEX", "exact")],
    ),
    (
        "In 2016 bilateral trade stood at around 35 billion euros.",
        ("DEU", "TUR"),
        [("trade_total", 35e9, "EUR", "2016", "DEU", "TUR", "about")],
    ),
    (
        "Commerce between the two countries did not reach $1 billion in 2009.",
        ("PER", "RUS"),
        [("trade_total", 1e9, "USD", "2009", "PER", "RUS", "less_than")],
    ),
    (
        "Russia's trade with Latin America reached $16 billion in 2013.",
        ("PER", "RUS"),
        [("trade_total", 16e9, "USD", "2013", "RUS", None, "exact")],
    ),
    (
        "Turkish exports to Asia reached 4 billion euros in 2020.",
        ("DEU", "TUR"),
        [("export", 4e9, "EUR", "2020", "TUR", None, "exact")],
    ),
    # a value in parentheses after a percentage is the change, not a level; "(2021: …)" is a level
    (
        "U.S. goods exports to Mexico in 2022 were $324.4 billion, up 17.9 percent ($49.2 billion) "
        "from 2021.",
        None,
        [
            ("export", 324.4e9, "USD", "2022", "USA", "MEX", "exact"),
            ("growth_rate", 17.9, "percent", "2022", "USA", "MEX", "exact"),
        ],
    ),
    (
        "Germany's exports to Turkey stood at €21.6 billion in 2022 (2021: €19.3 billion).",
        None,
        [
            ("export", 21.6e9, "EUR", "2022", "DEU", "TUR", "exact"),
            ("export", 19.3e9, "EUR", "2021", "DEU", "TUR", "exact"),
        ],
    ),
    # growth rates
    (
        "In 2017, bilateral trade grew by 12.5 percent.",
        ("DEU", "TUR"),
        [("growth_rate", 12.5, "percent", "2017", "DEU", "TUR", "exact")],
    ),
    (
        "In 2017, Peru's exports to Russia rose 15% over 2016.",
        None,
        [("growth_rate", 15, "percent", "2017", "PER", "RUS", "exact")],
    ),
    (
        "Exports from Turkey to Germany doubled between 2010 and 2020.",
        None,
        [("growth_rate", 2, "factor", "2010/2020", "TUR", "DEU", "exact")],
    ),
    (
        "Japanese investment in India has seen a threefold increase over the last 5 years, reaching "
        "$3 billion in 2020.",
        None,
        [
            ("growth_rate", 3, "factor", "2015/2020", "JPN", "IND", "exact"),
            ("investment", 3e9, "USD", "2020", "JPN", "IND", "exact"),
        ],
    ),
    (
        "Trade between Brazil and Argentina saw a four-fold increase over the past 8 years, exceeding "
        "$30 billion in 2011.",
        None,
        [
            ("growth_rate", 4, "factor", "2003/2011", "BRA", "ARG", "exact"),
            ("trade_total", 30e9, "USD", "2011", "BRA", "ARG", "more_than"),
        ],
    ),
    (
        "The two countries' trade turnover fell 8% in 2020 compared with 2019.",
        ("CHN", "BRA"),
        [("growth_rate", -8, "percent", "2020", "CHN", "BRA", "exact")],
    ),
    (
        "In 2014 Turkey's exports to Germany grew by 9.4 per cent, to 15 billion euros.",
        None,
        [
            ("growth_rate", 9.4, "percent", "2014", "TUR", "DEU", "exact"),
            ("export", 15e9, "EUR", "2014", "TUR", "DEU", "exact"),
        ],
    ),
    (
        "German exports to Turkey grew 12% over 2016.",
        None,
        [("growth_rate", 12, "percent", "2017", "DEU", "TUR", "exact")],
    ),
    (
        "Turkish exports to Germany fell 5% on the previous year to 19 billion euros in 2020.",
        None,
        [
            ("growth_rate", -5, "percent", "2020", "TUR", "DEU", "exact"),
            ("export", 19e9, "EUR", "2020", "TUR", "DEU", "exact"),
        ],
    ),
    # ranks and shares
    (
        "Germany ranked 5th among Turkey's export markets in 2019.",
        None,
        [("other", 5, "rank", "2019", "DEU", "TUR", "exact")],
    ),
    (
        "In 2020 Mexico was only the 12th largest trading partner of Spain.",
        None,
        [("other", 12, "rank", "2020", "MEX", "ESP", "exact")],
    ),
    (
        "China accounted for 32% of Brazil's exports in 2020.",
        None,
        [("export", 32, "percent", "2020", "BRA", "CHN", "exact")],  # a share keeps the flow's kind
    ),
    # comparison lists inherit kind, reporter and year
    (
        "Turkey's exports to Germany were $16 billion in 2019, well ahead of France (7 billion dollars) and "
        "Italy (9 billion dollars).",
        None,
        [
            ("export", 16e9, "USD", "2019", "TUR", "DEU", "exact"),
            ("export", 7e9, "USD", "2019", "TUR", "FRA", "exact"),
            ("export", 9e9, "USD", "2019", "TUR", "ITA", "exact"),
        ],
    ),
    (
        "In 2018 Colombia exported 400 million dollars to India. That is far below neighbours such as "
        "Brazil (2 billion dollars) or Mexico (900 million dollars).",
        None,
        [
            ("export", 400e6, "USD", "2018", "COL", "IND", "exact"),
            ("export", 2e9, "USD", "2018", "COL", "BRA", "exact"),
            ("export", 900e6, "USD", "2018", "COL", "MEX", "exact"),
        ],
    ),
    (
        "In 2018, Russian exports to Peru (339 million dollars) were more than double Peruvian exports to "
        "Russia (135 million dollars).",
        None,
        [
            ("export", 339e6, "USD", "2018", "RUS", "PER", "exact"),
            ("export", 135e6, "USD", "2018", "PER", "RUS", "exact"),
        ],
    ),
    (
        "Like Chile, Peru ships copper worth $10 billion a year to China.",
        None,
        [("export", 10e9, "USD", None, "PER", "CHN", "exact")],
    ),
    (
        "In 2018 India signed a $5.43 billion deal for air defence systems.",
        ("IND", "RUS"),
        [("arms_value", 5.43e9, "USD", "2018", "RUS", "IND", "exact")],
    ),
    # the year is carried from the paragraph's previous figure
    (
        "Peru's exports to Russia totalled 135 million dollars in 2018. Imports from Russia reached "
        "339 million dollars.",
        ("PER", "RUS"),
        [
            ("export", 135e6, "USD", "2018", "PER", "RUS", "exact"),
            ("import", 339e6, "USD", "2018", "PER", "RUS", "exact"),
        ],
    ),
    (
        "Mexico's exports to Japan reached $5 billion in 2015. This figure was an increase of 20% over the "
        "previous year.",
        None,
        [
            ("export", 5e9, "USD", "2015", "MEX", "JPN", "exact"),
            ("growth_rate", 20, "percent", "2015", "MEX", "JPN", "exact"),
        ],
    ),
]

NEGATIVES = [
    "The earthquake killed 3,000 people in 2010.",
    "The two capitals are 12,000 kilometres apart.",
    "Peru has a population of 33 million.",
    "The Su-24 was shot down near the border in 2015.",
    "In February 2019, the two countries celebrated the 50th anniversary of relations.",
    "Peru's president visited Moscow three times between 2010 and 2015.",
    # a rank in the world is no rank among a country's partners, abbreviation or not
    "Peru is the world's second-largest U.S.-listed copper exporter.",
    "Russia sent 200 military advisers to Venezuela in 2019.",
    "In Caracas, he is likely to seal new arms deals worth billions of dollars.",
    "Several hundreds of Peruvian students were trained in Soviet universities.",
    "The 2006 agreement has 25 articles.",
    "GDP grew by 3 percent in 2019.",
    "Mexico City hosts 22 million people, 40% of them under 25.",
    "The ministers met in Lima on 25 November 2008 at 10:30.",
    "Inflation rose to 7% in 2022, hurting exports to Russia.",
    "Peru's economy grew 2.9% in 2022, driven by exports to Russia.",
    "Peru, a country of 33 million people with a GDP of $200 billion, signed a free trade agreement in 2009.",
    # money owed to a multilateral lender or a country's debt to the world is not between the two
    "Peru owes the IMF $3 billion.",
    "Peru's external debt reached $30 billion in 2010.",
    # a superlative needs the ranked country and the one it serves
    "Gazprom is Peru's biggest single foreign investor.",
    "Russia is one of the world's largest exporters of wheat and a partner of Peru.",
    "The ruble fell 40% against the dollar in 2014, making Russian imports of Peruvian fruit dearer.",
    "The company plans to invest S/ 500 million in a new plant in Arequipa.",
    # a rate of the noun a flow only modifies: the tariff's, not the imports'
    "Moscow says the tariff on the rest of its imports from Peru may drop from 25% to 12%.",
    # a share held by no country the clause makes its subject: the place is no holder
    "In Peru, 40 per cent of Russian tourists are under 30.",
]


@pytest.mark.parametrize(("text", "pair", "expected"), CASES)
def test_figures(text: str, pair: tuple[str, str] | None, expected: list[tuple]) -> None:
    rows = as_rows(figures_of(text, pair))
    assert len(rows) == len(expected), rows
    for row, want in zip(rows, expected, strict=True):
        assert row[0] == want[0] and row[1] == pytest.approx(want[1]), row
        if want[0] in ("export", "import", "investment", "arms_value"):
            assert row[2:] == want[2:], row
        else:
            assert (row[2], row[3], row[6]) == (want[2], want[3], want[6]), row
            assert sorted(row[4:6], key=str) == sorted(want[4:6], key=str), row


@pytest.mark.parametrize("text", NEGATIVES)
def test_no_figure(text: str) -> None:
    assert figures_of(text, ("PER", "RUS")) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The two governments agreed to raise bilateral trade to $10 billion by 2025.", 10e9),
        ("Lima and Moscow have set a goal of $1 billion in annual trade.", 1e9),
        ("Peru and Russia did not reach their target of $2 billion in trade by 2020.", 2e9),
        ("Officials expect trade between Peru and Russia to top $10 bn by 2025.", 10e9),
        ("Bilateral trade is set to reach $3 billion next year, the ministry said.", 3e9),
    ],
)
def test_targets_and_forecasts_are_planned(text: str, value: float) -> None:
    """A target, goal or forecast is a figure with status planned, never an observed value."""
    (figure,) = figures_of(text, ("PER", "RUS"))
    assert (figure.kind, figure.value, figure.status) == ("trade_total", pytest.approx(value), "planned")


@pytest.mark.parametrize(
    ("sentence", "sides"),
    [
        # "US dollars", "Chilean pesos": a currency, not a side; the document's pair trades
        ("Bilateral trade reached 4.2 billion US dollars in 2022.", {"CHL", "PER"}),
        ("Bilateral trade reached 4.2 billion U.S. dollars in 2022.", {"CHL", "PER"}),
        # the United States named as a country still is one
        ("Peru's exports to the United States reached 4.2 billion dollars in 2022.", {"PER", "USA"}),
    ],
)
def test_a_currency_named_after_a_country_is_no_side(sentence: str, sides: set[str]) -> None:
    text = f"Peru and Chile signed a treaty. Peru and Chile met again.\n\n{sentence}"
    [processed] = process_bytes("story.txt", text.encode())
    [figure] = processed.figures
    assert {figure.from_, figure.to} == sides


def test_a_projected_cost_is_a_planned_figure() -> None:
    text = "The Peru–Russia bridge had a projected cost estimated at between $3 billion and $4 billion."
    (figure,) = figures_of(text, ("PER", "RUS"))
    assert (figure.kind, figure.value, figure.value_max, figure.status) == ("other", 3e9, 4e9, "planned")
    # a cost that is nobody's project between the two is still no figure
    assert figures_of("Peru's cost of living rose by $3 billion.", ("PER", "RUS")) == []


@pytest.mark.parametrize(
    "text",
    [
        "Peru and Russia agreed to double bilateral trade by 2030.",
        "Economists in Lima expect Peruvian exports to Russia to double within a few years.",
    ],
)
def test_a_change_to_come_is_planned(text: str) -> None:
    (figure,) = figures_of(text, ("PER", "RUS"))
    assert (figure.kind, figure.value, figure.unit, figure.status) == ("growth_rate", 2, "factor", "planned")


@pytest.mark.parametrize(
    ("text", "pair", "expected"),
    [
        ("China took 9.6% of Peru's exports in 2019.", ("PER", "CHN"), ("export", 9.6, "PER", "CHN")),
        (
            "Russia accounted for 2.1% of Peruvian imports in 2018.",
            ("PER", "RUS"),
            ("import", 2.1, "PER", "RUS"),
        ),
    ],
)
def test_a_share_of_a_flow_keeps_its_kind(text: str, pair: tuple[str, str], expected: tuple) -> None:
    (figure,) = figures_of(text, pair)
    assert (figure.kind, figure.value, figure.from_, figure.to, figure.unit) == (*expected, "percent")


def test_a_range_keeps_both_ends() -> None:
    (figure,) = figures_of("Peru's exports to Russia were worth $500-800 million in 2019.", ("PER", "RUS"))
    assert (figure.value, figure.value_max, figure.status) == (500e6, 800e6, "occurred")


def test_an_observed_figure_is_occurred() -> None:
    (figure,) = figures_of("Trade between Peru and Russia reached $1.2 billion in 2019.", ("PER", "RUS"))
    assert figure.status == "occurred" and figure.value_max is None


def test_source_and_text() -> None:
    text = (
        "First paragraph.\n\nNevertheless, in 1985 Peru set a record in its exports to the Soviet market, "
        "for an amount of more than 230 million dollars."
    )
    (figure,) = figures_of(text, ("PER", "RUS"))
    assert figure.text == "more than 230 million dollars"
    assert figure.source.doc == "test.txt"
    assert (
        figure.source.text.startswith("Nevertheless")
        and text[figure.source.start : figure.source.end] == figure.source.text
    )
    assert 0.5 <= figure.confidence <= 0.9


def test_year_carries_over_paragraphs_and_falls_back_to_a_news_date() -> None:
    text = (
        "Bilateral trade reached 41 billion euros in 2021.\n\nTurkey sold goods worth 19.3 billion euros to "
        "Germany.\n\nGerman exports to Turkey are worth 20 billion euros in 2022."
    )
    rows = as_rows(figures_of(text, ("DEU", "TUR")))
    assert [r[3] for r in rows] == ["2021", "2021", "2022"]
    doc = make_doc("Peru's exports to Russia are worth some $100 million a year.")
    doc.kind, doc.published = "news", "2023-04-14"
    (figure,) = extract_figures(doc, find_mentions(doc.text), [], ("PER", "RUS"))
    assert figure.year is not None and (figure.year.edtf, figure.year.basis) == ("2023", "inferred")
    doc.kind = "paper"
    (figure,) = extract_figures(doc, find_mentions(doc.text), [], ("PER", "RUS"))
    assert figure.year is None


@pytest.mark.parametrize(
    ("kind", "published", "year"),
    [("other", "2019-05-02", "2019"), ("record", "2019-05-02", "2019"), ("other", "2019", None)],
)
def test_a_readout_dated_to_the_day_dates_its_present_figures(
    kind: str, published: str, year: str | None
) -> None:
    """A briefing or readout (read as `other` or a record) dated to the day speaks of its own year, as news
    does; a page that gives only a year (an encyclopaedia's, a paper's) does not."""
    doc = make_doc("Peru's exports to Russia are worth some $100 million a year.")
    doc.kind, doc.published = kind, published
    (figure,) = extract_figures(doc, find_mentions(doc.text), [], ("PER", "RUS"))
    assert (figure.year.edtf if figure.year else None) == year


def test_that_year_is_a_year_written_before_it_in_the_sentence() -> None:
    """ "that year" after a year in the same sentence is that year, not the one a previous sentence or the
    story's date left."""
    text = (
        "Trade between Peru and Chile was $5 billion in 2018. It reached $6 billion in 2021; Peru's "
        "exports to Chile passed $2 billion for the first time that year."
    )
    doc = make_doc(text)
    start = text.index("that year")
    timexes = [*find_years(text), TimeExpression("that year", start, start + 9, _value(2021, 2021))]
    rows = as_rows(extract_figures(doc, find_mentions(doc.text), timexes, ("PER", "CHL")))
    assert [r[3] for r in rows if r[1] == 2e9] == ["2021"], rows


def test_a_part_of_the_year_takes_the_news_date() -> None:
    doc = make_doc("Indian exports to Japan grew 9% in the first half.")
    doc.kind, doc.published = "news", "2021-08-01"
    (figure,) = extract_figures(doc, find_mentions(doc.text), [], ("IND", "JPN"))
    assert figure.year is not None and figure.year.edtf == "2021-01/2021-06"


def test_that_year_is_the_paragraph_year() -> None:
    text = "Ties warmed in 2012. In March of that year Japan forgave $2 billion of debt owed by Indonesia."
    doc = make_doc(text)
    start = text.index("In March")
    wrong = TimeExpression("In March of that year", start, start + 21, _month(2019, 3))  # anchored elsewhere
    timexes = [*find_years(text), wrong]
    (figure,) = extract_figures(doc, find_mentions(doc.text), timexes, None)
    assert (figure.kind, figure.value, figure.year.edtf if figure.year else None) == ("other", 2e9, "2012")
    assert {figure.from_, figure.to} == {"JPN", "IDN"}


def _month(year: int, month: int) -> TimeValue:
    return TimeValue(f"{year}-{month:02d}", dt.date(year, month, 1), dt.date(year, month, 28), "month")


def test_duplicates_collapse() -> None:
    sentence = "In 2014, trade between Russia and Peru grew by 9.4 percent."
    assert len(figures_of(f"{sentence}\n\n{sentence}")) == 1


# ---------------------------------------------------------------- the real chain on the seed corpus


def _ready() -> str | None:
    import dyad.knowledge as knowledge

    if not (Path(knowledge.__file__).parent / "countries.tsv").is_file():
        return "knowledge/countries.tsv not written yet"
    try:
        import dyad.extract.timex  # noqa: F401
    except ImportError:
        return "dyad.extract.timex not written yet"
    return None


def test_seed_figures(seeds_dir: Path, gold: dict) -> None:
    reason = _ready()
    if reason:
        pytest.skip(reason)
    from dyad.clean import clean_document
    from dyad.evaluate import figure_matches, score_items
    from dyad.extract.mentions import mention_finder
    from dyad.extract.timex import find_time_expressions

    evidenced = {e["doc"] for f in gold["figures"] for e in f.get("evidence", [])}
    predicted = []
    for path in sorted(seeds_dir.glob("*.txt")):
        doc = clean_document(
            Document(
                id=path.stem,
                name=path.name,
                path=str(path),
                format="text",
                raw_text=path.read_text(encoding="utf-8"),
            )
        )
        mentions = mention_finder().find(doc.text)
        for f in extract_figures(doc, mentions, find_time_expressions(doc.text), ("PER", "RUS")):
            predicted.append(
                {
                    "kind": f.kind,
                    "value": f.value,
                    "unit": f.unit,
                    "year": f.year.edtf if f.year else None,
                    "from": f.from_,
                    "to": f.to,
                    "qualifier": f.qualifier,
                    "doc": doc.name,
                    "text": f.source.text,
                }
            )
    assert evidenced <= {p.name for p in seeds_dir.glob("*.txt")}
    report = score_items(predicted, gold["figures"], figure_matches)
    detail = json.dumps(
        {"missed": report["missed"], "spurious": report["spurious"]}, indent=1, ensure_ascii=False
    )
    print(
        f"seed figures P={report['precision']:.3f} R={report['recall']:.3f} F1={report['f1']:.3f}\n{detail}"
    )
    assert report["f1"] >= 0.9, detail


def test_words_inside_an_organisation_name_are_no_kind_cue() -> None:
    from dyad.pipeline import process_bytes

    text = (
        "China and Zambia\n\n"
        "The Export-Import Bank of China lent about $2 billion to Zambia in 2019 for a new highway."
    )
    [processed] = process_bytes("z.txt", text.encode())
    assert not [f for f in processed.figures if f.kind in ("export", "import")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a Markdown table: the unit in the caption, the series in the headers
            "Chile and Japan trade notes. Chile's exports to Japan grew.\n\n"
            "## Chilean trade with Japan (US$ billion)\n\n"
            "| Year | Chilean exports to Japan | Chilean imports from Japan |\n\n|---|---|---|\n\n"
            "| 2021 | 7.9 | 2.6 |\n\n| 2022* | 8.4 | 2.9 |\n\n"
            "Source: central bank.",
            {
                ("export", 7.9e9, "USD", "2021", "CHL", "JPN"),
                ("import", 2.6e9, "USD", "2021", "CHL", "JPN"),
                ("export", 8.4e9, "USD", "2022", "CHL", "JPN"),
                ("import", 2.9e9, "USD", "2022", "CHL", "JPN"),
            },
        ),
        (  # plain rows of a year and numbers, the units in the header cells, thousands of head
            "Peru sold cattle to Ecuador. Ecuador bought more from Peru in 2012.\n\n"
            "Table 2. Live cattle exports from Peru to Ecuador\n\n"
            "Year Head (000) Value (US$ m)\n\n2011 35 41\n\n2012 48 57\n\n"
            "Source: ministry data.",
            {
                ("export", 35000, "head", "2011", "PER", "ECU"),
                ("export", 41e6, "USD", "2011", "PER", "ECU"),
                ("export", 48000, "head", "2012", "PER", "ECU"),
                ("export", 57e6, "USD", "2012", "PER", "ECU"),
            },
        ),
        (  # a row per item, the year and the currency in a column's header, the scale in the cells;
            # the rows written one under another, with no blank line between them
            "Peru sells copper to Brazil, and Brazil buys fish meal from Peru.\n\n"
            "| Good | Route | Exports to Brazil in 2018 (US$) |\n|---|---|---|\n"
            "| Copper ore | road | ~1.5 bn |\n| Fish meal (frozen) | port | 350 mn |\n",
            {
                ("export", 1.5e9, "USD", "2018", "PER", "BRA"),
                ("export", 350e6, "USD", "2018", "PER", "BRA"),
            },
        ),
        (  # plain rows whose cells carry their currency and scale, columns named by flow words
            "Peru sells copper to Chile, and Chile buys fish meal from Peru.\n\n"
            "Year Exports to Chile Imports from Chile\n\n"
            "2020 US$1.2 billion US$0.8 billion\n\n2021 US$1.4 billion US$0.9 billion\n",
            {
                ("export", 1.2e9, "USD", "2020", "PER", "CHL"),
                ("import", 0.8e9, "USD", "2020", "PER", "CHL"),
                ("export", 1.4e9, "USD", "2021", "PER", "CHL"),
                ("import", 0.9e9, "USD", "2021", "PER", "CHL"),
            },
        ),
        (  # a caption that introduces the table with its unit in words, fiscal years, a balance column
            "Peru sells copper to Chile, and Chile buys fish meal from Peru.\n\n"
            "Peru's trade with Chile by fiscal year (July–June), in US$ million (source: customs):\n\n"
            "| Fiscal year | Exports to Chile | Imports from Chile | Balance |\n|---|---|---|---|\n"
            "| 2020–21 | 410 | 380 | 30 |\n| 2021–22 | 450 | 395 | 55 |\n",
            {
                ("export", 410e6, "USD", "2020/2021", "PER", "CHL"),
                ("import", 380e6, "USD", "2020/2021", "PER", "CHL"),
                ("other", 30e6, "USD", "2020/2021", "PER", "CHL"),
                ("export", 450e6, "USD", "2021/2022", "PER", "CHL"),
            },
        ),
        (  # the caption's unit a currency's name, written after the amount; a total column
            "Kenya buys tea machinery from India, and India buys Kenyan avocados.\n\n"
            "Table 3. Kenya's recorded trade with India (million shillings)\n\n"
            "  Period    Exports to India    Imports from India    Total\n"
            "  2019          12,400              87,150              99,550\n"
            "  2020          13,050              80,200              93,250\n",
            {
                ("export", 12.4e9, "KES", "2019", "KEN", "IND"),
                ("import", 87.15e9, "KES", "2019", "KEN", "IND"),
                ("trade_total", 93.25e9, "KES", "2020", "IND", "KEN"),
            },
        ),
        (  # a header on two lines, the columns named with a possessive; a note in parentheses under a
            # caption that ends with its unit after a comma
            "Peru sells fish meal to Chile, and Chile sells wine to Peru.\n\n"
            "Table 4. Peru–Chile trade in goods, USD million\n"
            "(Peruvian customs)\n\n"
            "  Year   Peru's exports    Peru's imports    Total\n"
            "         to Chile          from Chile\n"
            "  2018      640               510            1,150\n"
            "  2019      700               530            1,230\n",
            {
                ("export", 640e6, "USD", "2018", "PER", "CHL"),
                ("import", 510e6, "USD", "2018", "PER", "CHL"),
                ("trade_total", 1150e6, "USD", "2018", "CHL", "PER"),
                ("export", 700e6, "USD", "2019", "PER", "CHL"),
                ("import", 530e6, "USD", "2019", "PER", "CHL"),
                ("trade_total", 1230e6, "USD", "2019", "CHL", "PER"),
            },
        ),
    ],
)
def test_figures_in_tables_point_to_their_rows(text: str, expected: set[tuple[object, ...]]) -> None:
    [processed] = process_bytes("table.md", text.encode())
    found = {
        (f.kind, round(f.value), f.unit, f.year.edtf if f.year else None, f.from_, f.to)
        for f in processed.figures
    }
    assert {(k, round(v), *rest) for k, v, *rest in expected} <= found, found
    rows = [f for f in processed.figures if f.unit in ("USD", "head")]
    assert all(re.match(r"\|? ?(?:20\d\d|[A-Z])", f.source.text) for f in rows)


def test_a_fact_sheet_line_gives_its_label_and_its_year() -> None:
    """ "Label: amount (year)": the label before the colon says what the amount is, the year in parentheses
    after it dates it and the other amounts of the line."""
    text = (
        "Peru and Chile: key figures.\n\n"
        "Bilateral trade in goods: about USD 4.2 billion (2021), with Chilean exports to Peru of USD 2.5 "
        "billion, mostly fuels and food."
    )
    [processed] = process_bytes("sheet.md", text.encode())
    found = {(f.kind, round(f.value), f.year.edtf if f.year else None) for f in processed.figures}
    assert found == {("trade_total", 4_200_000_000, "2021"), ("export", 2_500_000_000, "2021")}


def test_a_cited_year_in_parentheses_does_not_date_an_amount() -> None:
    text = "Peru and Chile.\n\nChilean exports to Peru reached USD 2.5 billion, Lee (2019) notes, and grew."
    [processed] = process_bytes("paper.txt", text.encode())
    assert [(f.kind, f.year) for f in processed.figures] == [("export", None)]


def test_trade_between_two_countries_is_one_figure_whichever_way_it_is_written() -> None:
    """Trade has no direction: "Peru's trade with Chile" and "trade between Chile and Peru" give one pair
    order, so the record holds one figure with both sources; an export keeps its direction."""
    texts = [
        "Peru, Chile.\n\nPeru's trade with Chile reached $4 billion in 2019.",
        "Chile, Peru.\n\nTrade between Chile and Peru reached $4 billion in 2019.",
        "Peru, Chile.\n\nPeru's exports to Chile reached $4 billion in 2019.",
    ]
    read = [(f.kind, f.from_, f.to) for t in texts for f in process_bytes("t.txt", t.encode())[0].figures]
    assert read == [("trade_total", "CHL", "PER"), ("trade_total", "CHL", "PER"), ("export", "PER", "CHL")]


def test_money_claimed_in_a_dispute_is_no_flow() -> None:
    def read(text: str) -> list[tuple[str, float]]:
        [processed] = process_bytes("claim.txt", f"Peru, Chile.\n\n{text}".encode())
        return [(f.kind, f.value) for f in processed.figures]

    assert read("A Chilean firm brought a claim of $2 billion against Peru before an investment court.") == []
    assert read("Chile claims its investment in Peru reached $2 billion in 2019.") == [("investment", 2e9)]


def test_a_whole_whose_part_is_the_pair_s_is_no_figure_of_the_pair() -> None:
    text = "Peru, Chile.\n\nPeru's trade deficit was $9 billion in 2019, of which $2 billion was with Chile."
    [processed] = process_bytes("whole.txt", text.encode())
    assert [(f.kind, f.value, f.year.edtf if f.year else None) for f in processed.figures] == [
        ("other", 2e9, "2019")
    ]
    # a part that is a sector, not a partner: the whole is still the pair's
    text = "Peru, Chile.\n\nChilean investment in Peru was $9 billion in 2019, of which $2 billion in mining."
    [processed] = process_bytes("sector.txt", text.encode())
    assert ("investment", 9e9) in {(f.kind, f.value) for f in processed.figures}


def test_the_deal_named_again_keeps_the_kind_and_sides_a_sentence_before_gave() -> None:
    """ "The deal is worth …" after a sentence on an arms deal is the value of that arms deal, supplier first;
    after a deal for something else, or a later deal of another kind, it stays a deal's value."""

    def read(text: str) -> list[tuple[str, str | None, str | None]]:
        [processed] = process_bytes("deal.txt", f"Peru and Chile.\n\n{text}".encode())
        return [(f.kind, f.from_, f.to) for f in processed.figures if f.value == 1.2e9]

    worth = "\n\nThe deal is worth $1.2 billion, officials said."
    assert read("Chile signed a deal to sell six frigates to Peru." + worth) == [("arms_value", "CHL", "PER")]
    assert read("Chile signed a deal to sell copper to Peru." + worth) == [("other", "PER", "CHL")]
    later = "Chile signed a deal to sell six frigates to Peru. Later they signed a deal on fisheries."
    assert read(later + worth) == [("other", "PER", "CHL")]


def test_a_table_with_a_column_per_year() -> None:
    text = (
        "Peru sells copper to Chile, and Chile buys fish meal from Peru.\n\n"
        "Peru–Chile trade (US$ million)\n\n"
        "| Series | 2021 | 2022 |\n|---|---|---|\n"
        "| Exports to Chile | 410 | 450 |\n| Imports from Chile | 380 | 395 |\n| Ships (number) | 35 | 41 |\n"
    )
    [processed] = process_bytes("table.md", text.encode())
    found = {(f.kind, round(f.value), f.unit, f.year.edtf if f.year else None) for f in processed.figures}
    assert found == {
        ("export", 410_000_000, "USD", "2021"),
        ("export", 450_000_000, "USD", "2022"),
        ("import", 380_000_000, "USD", "2021"),
        ("import", 395_000_000, "USD", "2022"),
    }


def test_a_table_with_a_column_per_year_needs_a_unit() -> None:
    text = "Peru and Chile.\n\n| Series | 2021 | 2022 |\n|---|---|---|\n| Visitors from Chile | 410 | 450 |\n"
    [processed] = process_bytes("table.md", text.encode())
    assert processed.figures == []


def test_an_item_table_needs_a_year_and_a_unit_in_its_header() -> None:
    text = (
        "Peru sells copper to Brazil, and Brazil buys fish meal from Peru.\n\n"
        "| Good | Exports to Brazil (US$) | Exports to Brazil in 2018 |\n|---|---|---|\n"
        "| Copper ore | ~1.5 bn | ~1.5 bn |\n| Fish meal | 350 mn | 35 |\n"
    )
    [processed] = process_bytes("table.md", text.encode())
    assert not [f for f in processed.figures if f.source.text.startswith("|")]


def test_a_two_column_table_of_labels_and_numbers() -> None:
    text = (
        "Chile and Peru keep a free trade agreement.\n\n"
        "| Chile–Peru, 2021 | US$ million |\n|---|---|\n"
        "| Chilean exports to Peru | 1,840 |\n| Chilean direct investment in Peru (stock) | about 18,000 |\n"
        "| Peruvian students in Chile | 2,300 |\n"
    )
    [processed] = process_bytes("table.md", text.encode())
    found = {
        (f.kind, round(f.value), f.unit, f.year.edtf, f.from_, f.to, f.qualifier) for f in processed.figures
    }
    assert found == {
        ("export", 1_840_000_000, "USD", "2021", "CHL", "PER", "exact"),
        ("investment", 18_000_000_000, "USD", "2021", "CHL", "PER", "about"),
    }


@pytest.mark.parametrize(
    "header",
    ["| Chile–Peru | US$ million |", "| Chile–Peru, 2021 | Notes |", "| Chile–Peru, 2021 | Number |"],
)
def test_a_two_column_table_needs_a_year_and_a_unit_in_its_header(header: str) -> None:
    rows = "| Chilean exports to Peru | 1,840 |\n| Two-way trade | 3,100 |\n"
    text = f"Chile and Peru.\n\n{header}\n|---|---|\n{rows}"
    [processed] = process_bytes("table.md", text.encode())
    assert processed.figures == []


def test_a_table_row_read_as_text_leaves_its_figures_to_the_table() -> None:
    """Cells that carry their own currency are money to the sentence reader too, but without the year of
    their column: the table's reading, with the year, is the one kept."""
    text = (
        "Peru sells copper to Chile, and Chile buys fish meal from Peru.\n\n"
        "| | 2021 | 2022 |\n|---|---|---|\n"
        "| Peru's exports to Chile | US$1.5 billion | US$1.7 billion |\n"
    )
    [processed] = process_bytes("table.md", text.encode())
    found = sorted((f.kind, round(f.value), f.year.edtf if f.year else None) for f in processed.figures)
    assert found == [("export", 1_500_000_000, "2021"), ("export", 1_700_000_000, "2022")]


def test_the_rand_sign_needs_a_scale_word() -> None:
    [processed] = process_bytes("r.txt", b"South Africa's exports to Chile rose to R8.9 billion in 2021.")
    assert [(f.value, f.unit) for f in processed.figures] == [(8.9e9, "ZAR")]
    assert not find_quantities("The R2 engine of 2021 and the R-5 road.")


def test_a_table_of_unitless_counts_gives_no_figures() -> None:
    text = "Peru and Ecuador.\n\nYear Visitors Flights\n\n2011 35 41\n\n2012 48 57\n"
    [processed] = process_bytes("table.md", text.encode())
    assert not [f for f in processed.figures if f.source.text.startswith("20")]


@pytest.mark.parametrize(
    ("text", "year"),
    [
        # the year after "since <something> in" starts a span: it is not the figure's year
        ("Peru's exports to Russia reached $3 billion, the most since the accord took effect in 2009.", None),
        ("In 2015 Peru's exports to Russia reached $3 billion, the most since ties resumed in 1992.", "2015"),
        # a plain "in" keeps its year
        ("Since the accord, Peru's exports to Russia reached $3 billion in 2009.", "2009"),
    ],
)
def test_the_start_of_a_span_is_not_the_year(text: str, year: str | None) -> None:
    (figure,) = figures_of(text, ("PER", "RUS"))
    assert (figure.value, figure.year.edtf if figure.year else None) == (3e9, year)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # where the flow comes from, said after it
        ("Close to 20 percent of Chile's imports are from Peru.", [("import", 20, "CHL", "PER")]),
        # the whole of one side's sales abroad
        (
            "Peruvian exports to Chile accounted for 14 percent of all sales abroad.",
            [("export", 14, "PER", "CHL")],
        ),
        # the flow named before "its share"; the rounded fraction is the same share again
        (
            "Chile took about a third of Peru's exports, mostly copper; in 2019 its share was 32 per cent.",
            [("export", 32, "PER", "CHL")],
        ),
        # a written fraction that a share's change reaches
        (
            "Chile's share of Peru's imports fell from 30 per cent to under a fifth.",
            [("import", 30, "PER", "CHL"), ("import", 20, "PER", "CHL")],
        ),
        # a fraction of a flow with no share named: often a company's part, left out
        ("Codelco alone accounted for close to a fifth of Chile's exports to Peru.", []),
        # ... but a country that takes it is its subject
        (
            "It is a pattern in which Chile supplies nearly two thirds of Peru's imports.",
            [("import", 67, "PER", "CHL")],
        ),
        # not when the country is the subject of another verb
        (
            "Chile remains Peru's main partner, accounting for about a third of its imports.",
            [("other", 1, "CHL", "PER")],
        ),
    ],
)
def test_shares_of_a_flow_as_others_write_them(text: str, expected: list[tuple]) -> None:
    rows = [(f.kind, round(f.value), f.from_, f.to) for f in figures_of(text, ("PER", "CHL"))]
    assert rows == expected


def test_a_change_from_one_level_to_another_spans_the_paragraphs_years() -> None:
    text = (
        "Peru's exports to Chile were $2 billion in 2010 and $1 billion in 2020. "
        "Chile's share of Peru's exports fell from 30 per cent to a fifth over the same period."
    )
    shares = [f for f in figures_of(text, ("PER", "CHL")) if f.unit == "percent"]
    assert [(f.value, f.year.edtf if f.year else None) for f in shares] == [(30, "2010"), (20, "2020")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a purchase is the buyer's import; its share of the seller's export earnings is the seller's export
        (
            "Chile bought $300 million of Peruvian fish meal, 12 per cent of the sector's export earnings.",
            [("import", 300e6, "CHL", "PER"), ("export", 12, "PER", "CHL")],
        ),
        # "export" as a verb still names the seller
        ("Peru exports $300 million of fish meal a year to Chile.", [("export", 300e6, "PER", "CHL")]),
    ],
)
def test_a_flow_told_from_the_buyers_side(text: str, expected: list[tuple]) -> None:
    rows = [(f.kind, f.value, f.from_, f.to) for f in figures_of(text, ("PER", "CHL"))]
    assert [(k, pytest.approx(v), a, b) for k, v, a, b in expected] == rows


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a fee one side charges the other per unit is a figure of the pair
        ("In 2012 Peru agreed to pay Chile a transit fee of US$4.50 per barrel.", [("other", 4.5, "2012")]),
        ("Chile's port charges for Peruvian cargo rose to $12 a tonne in 2019.", [("other", 12, "2019")]),
        # a market price per unit is no figure of the pair, nor is a price that is no fee
        ("Peru sold oil to Chile when the price was $40 a barrel in 2016.", []),
    ],
)
def test_a_fee_per_unit_is_a_figure(text: str, expected: list[tuple]) -> None:
    rows = [(f.kind, f.value, f.year.edtf if f.year else None) for f in figures_of(text, ("PER", "CHL"))]
    assert rows == [(k, pytest.approx(v), y) for k, v, y in expected]


def test_the_exporter_named_before_the_amount_comes_first() -> None:
    text = "Peruvian exports to Chile were worth $3 billion in 2019 and Chile's exports to Peru $2 billion."
    rows = [(f.value, f.from_, f.to) for f in figures_of(text, ("PER", "CHL"))]
    assert rows == [(3e9, "PER", "CHL"), (2e9, "CHL", "PER")]


@pytest.mark.parametrize(
    ("text", "year"),
    [
        # "from 2019" with no change told is when something began, the figure's year
        ("Chile imposed bans on about $2 billion a year of Peru's exports from 2019.", "2019"),
        # with a change, "from 2018" is the base compared with
        ("In 2019 Peru's exports to Chile rose 10% from 2018 to $2 billion.", "2019"),
    ],
)
def test_from_a_year_is_a_base_only_for_a_change(text: str, year: str) -> None:
    money = [f for f in figures_of(text, ("PER", "CHL")) if f.unit == "USD"]
    assert [f.year.edtf if f.year else None for f in money] == [year]


def test_a_year_after_the_level_changed_from_is_that_levels() -> None:
    text = "Peru and Chile's trade has slumped to $1.5 billion a year from more than $2.5 billion in 2013."
    rows = [(f.value, f.year.edtf if f.year else None) for f in figures_of(text, ("PER", "CHL"))]
    assert rows == [(1.5e9, None), (2.5e9, "2013")]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Peruvian traders in Chile were losing $1 million a day while the border was shut.", "other"),
        ("Trade between Peru and Chile reached $1 million a day while the border was open.", "trade_total"),
    ],
)
def test_a_loss_is_no_trade_value(text: str, kind: str) -> None:
    assert [f.kind for f in figures_of(text, ("PER", "CHL"))] == [kind]


def test_a_new_flow_after_an_amount_is_the_next_clause() -> None:
    text = "In 2019 our exports to Chile were about 2.1 billion dollars and imports from Chile $495 million."
    rows = [(f.kind, f.value, f.from_, f.to) for f in figures_of(text, ("PER", "CHL"))]
    assert rows == [("export", 2.1e9, "PER", "CHL"), ("import", 495e6, "PER", "CHL")]


@pytest.mark.parametrize(
    ("pair", "unit"),
    [(("EGY", "ITA"), "EGP"), (("ITA", "FRA"), "GBP")],
)
def test_a_shared_currency_name_is_the_pairs_currency(pair: tuple[str, str], unit: str) -> None:
    """ "pounds" in an Egypt–Italy story are Egyptian pounds; with no country of the pair using pounds,
    sterling."""
    (figure,) = figures_of("Egypt's exports to Italy reached 40 billion pounds in 2021.", pair)
    assert (figure.kind, figure.value, figure.unit) == ("export", 40e9, unit)


@pytest.mark.parametrize(
    ("pair", "unit"),
    [(("CMR", "NGA"), "XAF"), (("SEN", "MRT"), "XOF"), (("FRA", "DEU"), "XOF")],
)
def test_cfa_francs_are_the_franc_of_the_pairs_union(pair: tuple[str, str], unit: str) -> None:
    """Two monetary unions write "CFA francs": Cameroon's is the Central African one, Senegal's the West
    African one; with neither in the pair, the first row's (West African)."""
    (figure,) = figures_of("Cross-border trade was worth about 90 billion CFA francs in 2019.", pair)
    assert (figure.kind, figure.value, figure.unit) == ("trade_total", 90e9, unit)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a share of the pair's trade names the partner; a share of what a country bought or sold
        ("Peru took about 30% of Chile's foreign trade in 2021.", ("trade_total", 30, "percent")),
        ("Russia supplied 12% of everything Peru imported in 2020.", ("import", 12, "percent")),
        # electric power sold across the border, gas in billions of cubic metres
        ("Peru exported about 300 MW of electricity to Ecuador in 2019.", ("export", 300, "MW")),
        ("Peru exported 2.5 bcm of gas to Chile in 2019.", ("export", 2.5e9, "m3")),
    ],
)
def test_shares_and_goods_as_others_write_them(text: str, expected: tuple) -> None:
    (figure,) = figures_of(text, ("PER", "CHL"))
    assert (figure.kind, figure.value, figure.unit) == (expected[0], pytest.approx(expected[1]), expected[2])


@pytest.mark.parametrize(
    "text",
    [
        "About 80% of Peru's trade passes through the port of Callao.",  # no partner: not the pair's trade
        "Trade with Chile accounts for 12% of Peru's GDP.",  # a share of an economy
        "The 450 MW hydropower plant will export power to Ecuador.",  # a plant's size
        "Peru has an installed capacity of 900 MW and sells power to Ecuador.",
    ],
)
def test_no_share_or_power_figure(text: str) -> None:
    assert figures_of(text, ("PER", "CHL")) == []


def test_a_list_takes_the_year_of_the_line_that_introduces_it() -> None:
    text = (
        "Peru and Chile traded more in 2019.\n\n"
        "The customs office gave these numbers for 2021:\n\n"
        "- Exports to Chile: $1.2 billion\n\n- Imports from Chile: $0.9 billion"
    )
    found = {(f.kind, f.year.edtf if f.year else None) for f in figures_of(text, ("PER", "CHL"))}
    assert found == {("export", "2021"), ("import", "2021")}


@pytest.mark.parametrize(
    ("text", "published", "year"),
    [
        # the twelve months to a month: of the latest such month before a dated story, or the year written
        (
            "Peru's exports to Chile were $2 billion in the year to September.",
            "2021-03-03",
            "2019-10/2020-09",
        ),
        (
            "In the 12 months to June 2020, Peru's exports to Chile reached $2 billion.",
            None,
            "2019-07/2020-06",
        ),
        # a plain month stays a month
        ("In June 2020, Peru's exports to Chile reached $2 billion.", None, "2020"),
    ],
)
def test_the_year_to_a_month_is_twelve_months(text: str, published: str | None, year: str) -> None:
    doc = make_doc(text)
    doc.published, doc.kind = published, "news"
    (figure,) = extract_figures(doc, find_mentions(doc.text), find_years(doc.text), ("PER", "CHL"))
    assert figure.year is not None and figure.year.edtf == year


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # a deal's value with no flow named is kind other
        ("Peru and Chile announced agreements worth about $3 billion in 2015.", "other"),
        ("In 2016 Peru agreed to sell gas to Chile, a deal valued at $1.5 billion.", "other"),
        # a flow named beside the deal wins
        (
            "Peru and Chile signed agreements under which Chile will invest $2 billion in Peru in 2016.",
            "investment",
        ),
        # money one side provides the other, with no flow named
        ("Peru said it would provide an initial $2 million to train Chilean engineers in 2023.", "other"),
    ],
)
def test_the_value_of_a_deal(text: str, kind: str) -> None:
    (figure,) = figures_of(text, ("PER", "CHL"))
    assert figure.kind == kind


def test_an_agreement_on_something_is_no_deal_value() -> None:
    """ "an agreement on" names a topic, not a deal worth the amount."""
    text = (
        "The agreement on fisheries between Peru and Chile covers waters where $3 billion of fish are caught."
    )
    assert figures_of(text, ("PER", "CHL")) == []


@pytest.mark.parametrize(
    ("text", "sides"),
    [
        # the subject's own flow, the partner after a preposition
        ("Chile relies on Peru for about 14% of its fish meal imports.", ("CHL", "PER")),
        (
            "Peruvian exports to Chile reached $2 billion in 2019, about 3% of the country's exports.",
            ("PER", "CHL"),
        ),
        # the partner named as the object, with no preposition: the possessive is the nearer one's
        ("Peru supplies Chile with about 14% of its fish meal imports.", ("CHL", "PER")),
    ],
)
def test_a_possessive_in_a_share_is_the_clause_subjects(text: str, sides: tuple[str, str]) -> None:
    shares = [f for f in figures_of(text, ("CHL", "PER")) if f.unit == "percent"]
    assert [(f.from_, f.to) for f in shares] == [sides]


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        (
            "In 2022, 300 tonnes of relief supplies worth about 2 million soles reached Chile from Peru.",
            ["other"],
        ),
        ("Peru sent humanitarian cargo worth $5 million to Chile in 2023.", ["other"]),
        ("Chile paid Peru $40 million in compensation for the fishing zone in 2015.", ["other"]),
        # goods that are no relief: the flow's own kind
        ("Peru sent cargo worth $5 million to Chile in 2023.", []),
    ],
)
def test_relief_and_compensation_between_the_two_are_other(text: str, kinds: list[str]) -> None:
    money = [f.kind for f in figures_of(text, ("PER", "CHL")) if f.unit in ("USD", "PEN")]
    assert money == kinds


@pytest.mark.parametrize(
    ("text", "sides"),
    [
        (
            "Japan remains Peru's largest foreign investor, with investment of about $8 billion.",
            ("JPN", "PER"),
        ),
        ("Chile is Peru's second-largest investor, with $9 billion invested in 2019.", ("CHL", "PER")),
        # a country's own investors invest abroad
        ("Peru's investors have put $2 billion into Chile since 2015.", ("PER", "CHL")),
    ],
)
def test_a_countrys_largest_foreign_investor_invests_in_it(text: str, sides: tuple[str, str]) -> None:
    [figure] = [f for f in figures_of(text) if f.unit == "USD"]
    assert (figure.kind, figure.from_, figure.to) == ("investment", *sides)


def test_a_target_year_and_a_stock_to_date_do_not_take_the_paragraphs_year() -> None:
    """A later paragraph does not go on in the year of a target ("$10 billion by 2030"); a cumulative stock
    with no year of its own is counted to the story's date."""
    text = (
        "Trade between Peru and Chile reached $6 billion in 2021 and should reach $10 billion by 2030.\n\n"
        "Peru's exports to Chile were $1 billion.\n\n"
        "Chile remains Peru's largest foreign investor, with cumulative investment of $20 billion."
    )
    doc = make_doc(text)
    doc.kind, doc.published = "news", "2023-05-04"
    rows = as_rows(extract_figures(doc, find_mentions(doc.text), find_years(doc.text), ("PER", "CHL")))
    years = {r[1]: r[3] for r in rows}
    assert (years[10e9], years[1e9], years[20e9]) == ("2030", "2021", "2023"), rows


def test_now_is_the_story_year() -> None:
    """An amount "now" held, with no year of its own, is of the story's date, not of the year the sentence
    before was about."""
    text = (
        "Peru's exports of copper to Russia reached $2 billion in 2021. Russian firms now hold about 30 per "
        "cent of Peru's retail market. Under the current terms Russia pays Peru about $360 million a year."
    )
    doc = make_doc(text)
    doc.kind, doc.published = "news", "2023-05-04"
    rows = as_rows(extract_figures(doc, find_mentions(doc.text), find_years(doc.text), ("PER", "RUS")))
    years = {r[1]: r[3] for r in rows}
    assert years == {2e9: "2021", 30: "2023", 360e6: "2023"}, rows


@pytest.mark.parametrize(
    ("text", "sides"),
    [
        # a third country named only as the border a railway stops at is no side of the loan
        (
            "Kenya and China signed the railway loan in 2014. A second loan of $1 billion from Beijing "
            "followed in 2019, but the line stops short of the Ugandan border.",
            ("CHN", None),
        ),
        # border trade is the country's own trade
        ("Peruvian border trade with Chile reached $2 billion in 2016.", ("PER", None)),
    ],
)
def test_a_country_named_as_a_border_is_no_side(text: str, sides: tuple[str, str | None]) -> None:
    [processed] = process_bytes("story.txt", text.encode())
    [figure] = processed.figures
    assert (figure.from_, figure.to) == sides


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a possessive refers to the country named outside a prepositional phrase, not the latest one named
        (
            "Peru imported goods worth $1.9 billion from Mexico in 2024, while its exports to Mexico were "
            "worth $850 million.",
            [("import", 1.9e9, "PER", "MEX"), ("export", 850e6, "PER", "MEX")],
        ),
        # the country a small clause makes something is not its complement's "its"
        (
            "Turkey exported goods worth $11 billion to Mexico in 2021, making Mexico one of its largest "
            "export markets.",
            [("export", 11e9, "TUR", "MEX")],
        ),
        # only a country after a preposition before it: that one still
        (
            "Exports to Peru rose in 2020; its imports from Chile were $1 billion.",
            [("import", 1e9, "PER", "CHL")],
        ),
    ],
)
def test_whose_possessive_a_flow_is(text: str, expected: list[tuple]) -> None:
    rows = [(f.kind, f.value, f.from_, f.to) for f in figures_of(text) if f.unit == "USD"]
    assert rows == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # money one of the pair pays the other, in costs or damages: other
        (
            "In 2018 Peru agreed to pay Chile $15 million in abortive costs.",
            [("other", 15e6, "2018", "occurred")],
        ),
        (
            "In 2021 the tribunal ordered Chile to pay Peru about $1.5 billion in damages.",
            [("other", 1.5e9, "2021", "occurred")],
        ),
        # damages sought are a claim, no money that moved
        ("In 2021 Peru sued Chile, seeking $1.5 billion in damages.", []),
        # a month named May is no modal, the noun "project" no projection, and the end of a suspension
        # ("until May 2020") is not when the money was paid
        (
            "In 2018 the two governments agreed to suspend the project until May 2020, with Peru paying "
            "Chile $15 million in abortive costs.",
            [("other", 15e6, "2018", "occurred")],
        ),
        ("In 2019 officials said Peru may pay Chile $15 million.", [("other", 15e6, "2019", "planned")]),
        # a stake bought is an investment; a payment for something else is not
        (
            "In 2019 Japanese firms paid $1.3 billion for a 30% interest in a copper mine in Chile.",
            [("investment", 1.3e9, "2019", "occurred")],
        ),
        ("In 2019 Chile paid Japan $1.3 billion for the mine.", [("other", 1.3e9, "2019", "occurred")]),
        # a minister's title that names trade among other remits is no trade flow; a ministry's data are
        (
            "In 2016 the Minister of Economy, Trade and Industry said the projects agreed with Russia were "
            "worth about $3 billion.",
            [],
        ),
        (
            "In 2016 the Ministry of Commerce said commerce with Russia was worth $5 billion.",
            [("trade_total", 5e9, "2016", "occurred")],
        ),
    ],
)
def test_payments_stakes_and_titles(text: str, expected: list[tuple]) -> None:
    rows = [
        (f.kind, f.value, f.year.edtf if f.year else None, f.status) for f in figures_of(text, ("PER", "CHL"))
    ]
    assert [r for r in rows if r[0] != "other" or r[1] > 100] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a plan is planned, over the years ahead of the story's date
        (
            "Officials said Japanese firms planned to invest $8 billion in Chile over the next four years.",
            [("investment", "2023/2026", "planned")],
        ),
        # what happened over the years behind it is not
        ("Japanese firms invested $8 billion in Chile in 2021.", [("investment", "2021", "occurred")]),
        # an offer is planned too; a loan extended is not
        (
            "India conveyed its willingness to consider extending a line of credit of $318 million to Chile.",
            [("other", "2023", "planned")],
        ),
        (
            "India extended a line of credit of $318 million to Chile in 2015.",
            [("other", "2015", "occurred")],
        ),
        # money made available is given; a planned sum with no year of its own is of the story's year
        (
            "Germany will make 200 million euros available for climate projects in Brazil.",
            [("other", "2023", "planned")],
        ),
    ],
)
def test_plans_are_planned_over_the_years_ahead(text: str, expected: list[tuple]) -> None:
    doc = make_doc(text)
    doc.kind, doc.published = "news", "2023-01-29"
    figures = extract_figures(doc, find_mentions(doc.text), find_years(doc.text), None)
    assert [(f.kind, f.year.edtf if f.year else None, f.status) for f in figures] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an absolute clause ("…, with Turkish exports …") opens a clause of its own: the amount before it
        # is the subject's trade
        (
            "Bilateral trade, which amounted to $1 billion in 2000, rose to around $5.8 billion in 2022, "
            "with Turkish exports to Mexico worth some $3.9 billion of that total.",
            [
                ("trade_total", 1e9, "2000", "MEX", "TUR"),
                ("trade_total", 5.8e9, "2022", "MEX", "TUR"),
                ("export", 3.9e9, "2022", "TUR", "MEX"),
            ],
        ),
        # the flow that takes a share "of the total" of the pair's trade: that flow, to the pair's other
        (
            "Bilateral trade amounted to about $2.6 billion in 2022, with Mexican exports accounting for "
            "roughly 65% of the total.",
            [("trade_total", 2.6e9, "2022", "MEX", "TUR"), ("export", 65, "2022", "MEX", "TUR")],
        ),
        # a share some goods take is no flow's share
        (
            "Mexican exports reached $2 billion in 2022, with copper accounting for roughly 65% of the "
            "total.",
            [("export", 2e9, "2022", "MEX", "TUR"), ("other", 65, "2022", "MEX", "TUR")],
        ),
        # a relative clause after the amount dates the noun it follows; "with whom" is no new clause
        (
            "In 2024 Turkey announced a grant of $75 million for Mexico's Oaxaca state, which was struck by "
            "an earthquake in 2023.",
            [("other", 75e6, "2024", "TUR", "MEX")],
        ),
        # financial support and a currency swap are money between the two
        (
            "In 2001 Turkey extended bilateral support of about $1 billion to Mexico.",
            [("other", 1e9, "2001", "TUR", "MEX")],
        ),
        (
            "Mexico and Turkey signed a $2 billion currency swap in 2018.",
            [("other", 2e9, "2018", "MEX", "TUR")],
        ),
    ],
)
def test_clauses_shares_and_money_as_others_write_them(text: str, expected: list[tuple]) -> None:
    def sides(kind: str, frm: str | None, to: str | None) -> tuple:  # an unordered pair for the others
        return (frm, to) if kind in ("export", "import") else tuple(sorted((frm or "", to or "")))

    figures = figures_of(text, ("MEX", "TUR"))
    rows = [
        (f.kind, f.value, f.year.edtf if f.year else None, *sides(f.kind, f.from_, f.to)) for f in figures
    ]
    assert rows == [(k, v, y, *sides(k, a, b)) for k, v, y, a, b in expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a capital a body sits in is a place, no side of the money
        (
            "In 2023 a tribunal in Paris ordered Turkey to pay Mexico about $1.5 billion in damages.",
            [("other", 1.5e9, "TUR", "MEX")],
        ),
        # a capital money is invested in is the host
        (
            "In 2023 Turkish investment in Beijing reached $1.5 billion.",
            [("investment", 1.5e9, "TUR", "CHN")],
        ),
        # "bilateral" support is the pair's even beside an international body; a loan from one is not
        (
            "In 2001 Turkey lobbied the IMF for Mexico and extended bilateral support of about $1 billion.",
            [("other", 1e9, "TUR", "MEX")],
        ),
        ("In 2001 Mexico received a loan of $1 billion from the IMF.", []),
    ],
)
def test_places_and_bodies_are_no_sides(text: str, expected: list[tuple]) -> None:
    rows = [(f.kind, f.value, f.from_, f.to) for f in figures_of(text, ("MEX", "TUR"))]
    assert [(k, v, *sorted((a, b))) if k == "other" else (k, v, a, b) for k, v, a, b in rows] == [
        (k, v, *sorted((a, b))) if k == "other" else (k, v, a, b) for k, v, a, b in expected
    ]


@pytest.mark.parametrize(
    ("text", "years"),
    [
        # the period a year-on-year change compares with is a base: what follows is of the later period
        (
            "Peru's imports from Chile were $3 billion in the first quarter of 2024, double the figure for "
            "the same quarter of 2023, making Chile the largest source of Peru's imports.",
            ["2024-01/2024-03"] * 3,
        ),
        # a level "in the same quarter of 2023" with no change told is of that quarter
        ("Peru's imports from Chile were $3 billion in the same quarter of 2023.", ["2023"]),
    ],
)
def test_a_year_on_year_base_dates_nothing_after_it(text: str, years: list[str]) -> None:
    [processed] = process_bytes("story.txt", text.encode())
    assert [f.year.edtf if f.year else None for f in processed.figures] == years


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # goods one side took from the other are money between them; goods shipped are a flow
        (
            "By January 2012 Mexico estimated that oil worth about $815 million had been taken by Turkey.",
            [("other", 815e6)],
        ),
        (
            "By January 2012 oil worth about $815 million had been shipped from Mexico to Turkey.",
            [("export", 815e6)],
        ),
    ],
)
def test_goods_taken_are_money_between_the_two(text: str, expected: list[tuple]) -> None:
    assert [(f.kind, f.value) for f in figures_of(text, ("MEX", "TUR"))] == expected


def test_where_someone_travelled_is_no_side() -> None:
    """The destination of a visit is not where the pledged money goes: it stays unread, not reversed."""
    text = (
        "He came home from a state visit to China in October 2016 with pledges of about $24 billion in "
        "investment and loans."
    )
    assert [(f.from_, f.to) for f in figures_of(text, ("MEX", "CHN")) if f.kind == "investment"] == []
    text = "Mexican firms pledged $24 billion in investment in China during a state visit to Beijing in 2016."
    assert [(f.from_, f.to) for f in figures_of(text, ("MEX", "CHN"))] == [("MEX", "CHN")]


@pytest.mark.parametrize(
    ("text", "years"),
    [
        # a clause on what a dated instrument did takes the instrument's year, not a later one of the sentence
        (
            "The paper follows the declaration of 2009, under which Mexico agreed to pay Turkey $360 million "
            "a year, to the end of the treaty in 2023.",
            ["2009"],
        ),
        # a date of the amount's own clause is its own
        (
            "The paper follows the declaration of 2009, under which Mexico paid Turkey $360 million in 2012.",
            ["2012"],
        ),
    ],
)
def test_an_instruments_clause_takes_its_year(text: str, years: list[str]) -> None:
    assert [f.year.edtf if f.year else None for f in figures_of(text, ("MEX", "TUR"))] == years


@pytest.mark.parametrize(
    ("before", "expected"),
    [
        # the story's flow of that kind between the pair, told on in a later paragraph without a country
        ("In 2010 Australia exported 520,000 head of cattle to Indonesia.", [(700_000, "AUS", "IDN")]),
        # the earlier paragraph gave a flow of another kind, or one to the whole world
        ("In 2010 Australia imported 52,000 tonnes of palm oil from Indonesia.", []),
        ("In 2010 Australia's total exports of cattle were 900,000 head.", []),
    ],
)
def test_a_flow_without_a_country_takes_the_sides_of_the_story_s_earlier_flow(
    before: str, expected: list[tuple[float, str, str]]
) -> None:
    later = "The trade then adapted. In 2014 exports recovered to 700,000 head."
    text = f"Australia and Indonesia: cattle\n\nIndonesia buys beef.\n\n{before}\n\n{later}"
    [processed] = process_bytes("cattle.txt", text.encode())
    found = [(f.value, f.from_, f.to) for f in processed.figures if f.kind == "export" and f.value == 700_000]
    assert found == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a heading with a year over a list or a paragraph: what they give with no year is of its year
        ("**Key figures (2022)**\n\n- Turkish exports to Azerbaijan: $3.3 billion", "2022"),
        ("## Trade in 2022\n\n* Turkish exports to Azerbaijan: $3.3 billion", "2022"),
        ("## Trade in 2022\n\nTurkish exports to Azerbaijan were $3.3 billion, officials said.", "2022"),
        # a year of its own, or a heading with no year: as before
        ("## Trade in 2022\n\nIn 2021 Turkish exports to Azerbaijan were $3.3 billion.", "2021"),
        ("**Key figures**\n\n- Turkish exports to Azerbaijan: $3.3 billion", "2024"),
    ],
)
def test_a_heading_with_a_year_dates_what_follows_it(body: str, expected: str) -> None:
    text = f"Turkey and Azerbaijan\n\nPublished: 2024-04-20\n\nAzerbaijan buys Turkish goods.\n\n{body}\n"
    [processed] = process_bytes("brief.md", text.encode())
    assert [f.year.edtf for f in processed.figures if f.value == 3.3e9 and f.year] == [expected]


@pytest.mark.parametrize(
    "change",
    # "on the year before" is the base of the change, not its year
    [
        "an increase of 9 percent on the year before",
        "a rise of 9 percent on the previous year",
        # a bare year right after a change and "on": the year compared with
        "a rise of 9 percent on 2018",
        "up 9% on 2018",
    ],
)
def test_a_change_on_the_year_before_keeps_its_own_year(change: str) -> None:
    sentence = f"Peru's exports to Russia reached $2 billion in 2019, {change}."
    [processed] = process_bytes("note.txt", sentence.encode())
    [growth] = [f for f in processed.figures if f.kind == "growth_rate"]
    assert growth.year is not None and growth.year.edtf == "2019"


def test_the_year_before_told_as_a_time_still_dates_its_figure() -> None:
    text = "Peru's exports to Russia were worth $2 billion the year before, in 2018, and $3 billion in 2019."
    [processed] = process_bytes("note.txt", text.encode())
    assert [(f.value, f.year.edtf if f.year else None) for f in processed.figures] == [
        (2e9, "2018"),
        (3e9, "2019"),
    ]


def test_a_change_on_a_day_is_dated_to_that_day() -> None:
    text = b"Peru's exports to Russia rose 12 percent on 24 November 2019 alone."
    [processed] = process_bytes("note.txt", text)
    [growth] = processed.figures
    assert growth.year is not None and growth.year.edtf == "2019-11-24"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Morocco's imports from Mauritania were worth MAD 650 million in 2021.", [(650e6, "MAD")]),
        ("Georgia's exports to Armenia reached GEL 310 million in 2022.", [(310e6, "GEL")]),
        # a code that is no amount's currency: no figure
        ("The MAD 2 doctrine of Morocco and Mauritania was discussed in 2021.", []),
    ],
)
def test_an_iso_code_before_an_amount_is_its_currency(sentence: str, expected: list[tuple]) -> None:
    [processed] = process_bytes("note.txt", sentence.encode())
    assert [(f.value, f.unit) for f in processed.figures] == expected


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        # airliners bought are no arms
        ("Peru's airline agreed to buy 20 Airbus A320neo jets from France worth $2 billion in 2022.", None),
        ("Peru ordered 12 passenger jets from Russia for about $900 million in 2021.", None),
        # fighter jets, and jets with no civil word before them, still are
        ("Peru ordered 12 fighter jets from Russia for about $900 million in 2021.", "arms_value"),
        ("Russia sold Peru 12 jets worth about $900 million in 2021.", "arms_value"),
    ],
)
def test_airliners_are_no_arms(sentence: str, kind: str | None) -> None:
    figures = figures_of(sentence, ("PER", "RUS"))
    if kind is None:
        assert all(f.kind != "arms_value" for f in figures)
    else:
        assert [f.kind for f in figures] == [kind]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the part of a flow a tariff cut covers is no share of the partner, nor a rate
        ("Under the deal, 99% of Peru's exports will enter Russia duty-free and gain new markets.", []),
        ("In return 90 percent of Russian exports to Peru will face zero tariffs.", []),
        # a share of a flow with duty-free goods named only after a comma still is one
        ("Russia took 9 percent of Peru's exports, duty-free goods included, in 2023.", [("export", 9.0)]),
    ],
)
def test_a_share_a_tariff_cut_covers_is_no_figure(sentence: str, expected: list[tuple]) -> None:
    assert [(f.kind, f.value) for f in figures_of(sentence, ("PER", "RUS"))] == expected
