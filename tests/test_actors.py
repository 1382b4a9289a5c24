"""Officials nobody listed (extract/actors.py): names read beside titles, and the country each official is
of when the title does not say. Every sentence here was written for these tests."""

from __future__ import annotations

import itertools
import json

import pytest

from dyad import pipeline
from dyad.clean import clean_document
from dyad.export import build_export
from dyad.extract import extract_facts
from dyad.models import Document
from dyad.resolve.actors import list_actors
from dyad.store import Store

# Names the pair twice each, so that "the other side" is defined.
PAIR = "Chile and Peru renewed their partnership. Chile and Peru trade copper. "


def _mentions(text: str) -> list[dict]:
    doc = Document(id="t", name="t.txt", path="t.txt", format="text", kind="news", published="2023-05-02")
    doc.raw_text = doc.text = text
    clean_document(doc)
    mentions = extract_facts(doc).mentions
    return [{"value": m["value"], **json.loads(m["attrs"])} for m in mentions if m["kind"] == "person"]


def _people(text: str) -> dict[str, dict]:
    """Each person's first mention: how the text introduced them."""
    people: dict[str, dict] = {}
    for m in _mentions(text):
        people.setdefault(m["value"], m)
    return people


def _assert_introduced(text: str, name: str, country: str, role: str) -> None:
    """The text introduces ``name`` as an official of ``country`` whose role holds ``role``."""
    people = _people(text)
    assert name in people, people
    assert people[name]["iso3"] == country and role in people[name]["role"]


@pytest.mark.parametrize(
    ("text", "name", "country", "role"),
    [
        # a title joined to another word by a hyphen is not that title
        ("Peru's Prosecutor-General, Rosa Quispe Salas, said so.", "Rosa Quispe Salas", "PER", "prosecutor"),
        # a title not yet held
        ("Chile's Ambassador-designate, Mario Soto Vidal, arrived.", "Mario Soto Vidal", "CHL", "ambassador"),
        (
            "Peru's High Commissioner-designate, Mr. Tupac-ul-Inca, arrived.",
            "Tupac-ul-Inca",
            "PER",
            "ambassador",
        ),
        # name words of other shapes: a capital inside, a capitalised "Al-", a family name in capitals
        ("Chilean chief executive Tomas VanderBerg spoke.", "Tomas VanderBerg", "CHL", "chief executive"),
        ("Peru's envoy, Ambassador Al-Rashid Omar Vega, spoke.", "Al-Rashid Omar Vega", "PER", "envoy"),
        ("Chile's Press Secretary SATO Kenta spoke.", "SATO Kenta", "CHL", "spokes"),
        # a retired officer, and an envoy "on" a subject
        ("Peru's adviser, General (retd) Luis Paz Soto, spoke.", "Luis Paz Soto", "PER", "general"),
        ("Chile's special envoy on Bolivia, Ana Ruiz Toro, spoke.", "Ana Ruiz Toro", "CHL", "envoy"),
        # the complement of the title is a country, no comma before the name
        (
            "Former Chilean ambassador to Peru Jorge Vial Lagos said so.",
            "Jorge Vial Lagos",
            "CHL",
            "ambassador",
        ),
        # the complement lists the portfolio, no comma before the name
        (
            "Chile's Minister of Mining, Energy and Environment Carla Rojas Mena signed it.",
            "Carla Rojas Mena",
            "CHL",
            "minister",
        ),
        # a one-word name, the title giving its country or standing between commas
        ("Peruvian Agriculture Minister Quispecahuana criticised it.", "Quispecahuana", "PER", "agriculture"),
        ("Peru's Agriculture Minister, Quispecahuana, criticised it.", "Quispecahuana", "PER", "agriculture"),
    ],
)
def test_names_beside_titles(text: str, name: str, country: str, role: str) -> None:
    _assert_introduced(text, name, country, role)


@pytest.mark.parametrize(
    ("text", "not_a_name"),
    [
        # a run of title words is a title, not a name
        ("It was said by the Official Spokesman, Ambassador Rosa Quispe Salas.", "Official Spokesman"),
        # a one-word name with no country and nothing setting it apart, or part of a longer name
        ("Then Agriculture Minister Quispecahuana criticised it.", "Quispecahuana"),
        ("Chilean Foreign Minister Vial said so. Jorge Vial arrived.", "Vial"),
        # a known person's name word alone is that person
        ("Chinese Foreign Minister Wang said so on Monday.", "Wang"),
    ],
)
def test_what_is_no_name(text: str, not_a_name: str) -> None:
    assert not_a_name not in _people(text)


def test_two_officials_under_one_plural_title() -> None:
    people = _people(
        "The two states named chargés d'affaires, Ana Ruiz Toro for Chile and Luis Paz Soto for Peru."
    )
    assert people["Ana Ruiz Toro"]["iso3"] == "CHL" and people["Luis Paz Soto"]["iso3"] == "PER"
    assert "affaires" in people["Luis Paz Soto"]["role"]
    people = _people(PAIR + "Trade ministers Ana Ruiz Toro and Luis Paz Soto signed the pact.")
    assert people["Ana Ruiz Toro"]["role"] == "trade minister"
    # neither side is known: neither gets a country
    assert people["Ana Ruiz Toro"].get("iso3") is None and people["Luis Paz Soto"].get("iso3") is None


def test_a_spouse_is_of_the_same_side() -> None:
    people = _people(PAIR + "President Gabriel Boric and First Lady Ana Ruiz Toro arrived in Lima.")
    assert people["Ana Ruiz Toro"].get("iso3") == "CHL"


def test_an_official_after_another_officials_title_is_of_the_other_side() -> None:
    text = PAIR + "Ana Ruiz Toro, Ambassador of Chile to Peru and Luis Paz Soto, Secretary of Finance signed."
    people = _people(text)
    assert people["Ana Ruiz Toro"]["iso3"] == "CHL" and people["Luis Paz Soto"]["iso3"] == "PER"


def test_an_official_joined_to_one_of_the_pair_is_of_the_other_side() -> None:
    text = PAIR + "Finance Minister Ana Ruiz Toro and Peru's trade minister, Luis Paz Soto, signed the pact."
    people = _people(text)
    assert people["Ana Ruiz Toro"]["iso3"] == "CHL" and people["Luis Paz Soto"]["iso3"] == "PER"
    # not joined by "and": no side read from the other official (Peru is that official's, not acting)
    text = PAIR + "Finance Minister Ana Ruiz Toro said Peru's trade minister, Luis Paz Soto, was wrong."
    assert _people(text)["Ana Ruiz Toro"].get("iso3") is None


@pytest.mark.parametrize(
    "sentence",
    [
        "Peru's trade minister, Luis Paz Soto, met Finance Minister Ana Ruiz Toro in Lima.",
        "Peru's trade minister, Luis Paz Soto, held talks with Finance Minister Ana Ruiz Toro.",
        "Peru voted to expel Ambassador Ana Ruiz Toro.",
        "Peru's foreign ministry summoned the envoy, Ana Ruiz Toro.",
    ],
)
def test_the_one_met_or_expelled_is_of_the_other_side(sentence: str) -> None:
    assert _people(PAIR + sentence)["Ana Ruiz Toro"]["iso3"] == "CHL"


def test_the_one_met_by_someone_of_no_known_side_gets_no_guess() -> None:
    # the sentence's only country is where the meeting is; the visitor's side is unknown
    people = _people(PAIR + "He met Finance Minister Ana Ruiz Toro on Monday after arriving from Peru.")
    assert people["Ana Ruiz Toro"].get("iso3") is None


def test_a_place_is_not_the_country_acting() -> None:
    # "in Lima" is where it happened; the one who acts there may be the visitor
    people = _people(PAIR + "Finance Minister Ana Ruiz Toro repeated the request in Lima.")
    assert people["Ana Ruiz Toro"].get("iso3") is None
    # the sentence set there: the official speaking is of there
    people = _people(PAIR + "In Lima, Finance Minister Ana Ruiz Toro repeated the request.")
    assert people["Ana Ruiz Toro"]["iso3"] == "PER"


def test_a_country_owning_another_official_is_not_the_one_acting() -> None:
    text = PAIR + "Chile sanctioned Peru's prosecutor, Luis Paz Soto, and recalled Ambassador Ana Ruiz Toro."
    people = _people(text)
    assert people["Luis Paz Soto"]["iso3"] == "PER" and people["Ana Ruiz Toro"]["iso3"] == "CHL"


def test_a_leader_serves_an_international_body() -> None:
    # Guterres led Portugal, and Stoltenberg Norway, before these offices: the text's title wins
    mentions = _mentions(
        "UN Secretary-General António Guterres spoke. Later Guterres and António Guterres left."
    )
    assert len(mentions) == 3 and all(
        m["value"] == "António Guterres" and not m.get("iso3") for m in mentions
    )
    assert "Secretary-General" in mentions[0]["role"]
    text = "Chile's president said he had informed NATO Secretary-General Jens Stoltenberg of it."
    assert _people(text)["Jens Stoltenberg"].get("iso3") is None
    # a title of a country's body is no international title
    assert _people("Japan's Foreign Minister Kenji Hoshino spoke.")["Kenji Hoshino"]["iso3"] == "JPN"


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        # a known leader in the possessive, or served by the title
        ("Boric's chief of staff, Ana Ruiz Toro, wrote on Monday.", "Ana Ruiz Toro", "CHL"),
        (
            "Ana Ruiz Toro, a long-serving adviser to President Gabriel Boric, arrived.",
            "Ana Ruiz Toro",
            "CHL",
        ),
        # an appositive after the name
        (
            "Peru handed over Wing Commander Ana Ruiz Toro, the Chilean navy pilot, on Monday.",
            "Ana Ruiz Toro",
            "CHL",
        ),
        (
            "Finance Minister Ana Ruiz Toro, who led Peru's delegation, said it was over.",
            "Ana Ruiz Toro",
            "PER",
        ),
        # the title begins inside the name of a body of known country
        ("Chinese foreign ministry spokesman Liu Weimin spoke in Lima.", "Liu Weimin", "CHN"),
    ],
)
def test_countries_from_what_surrounds_the_name(text: str, name: str, country: str) -> None:
    assert _people(text)[name]["iso3"] == country


def test_an_appositive_naming_another_act_gives_no_country() -> None:
    text = "Finance Minister Ana Ruiz Toro, who met Peru's and Japan's envoys, said it was over."
    assert _people(text)["Ana Ruiz Toro"].get("iso3") is None


def test_a_body_after_a_title_is_no_name() -> None:
    people = _people("Luis Paz Soto, Secretary of the Economic Relations Division, signed it.")
    assert (
        "Luis Paz Soto" in people
        and "Relations Division" not in people
        and "Economic Relations" not in people
    )


def test_titles_added_to_the_lexicon() -> None:
    people = _people(
        "Chile's human rights ombudswoman Ana Ruiz Toro met the Chief Representative of JICA, KATO Ren."
    )
    assert people["Ana Ruiz Toro"]["iso3"] == "CHL" and people["Ana Ruiz Toro"]["role"] == "ombudsman"
    assert people["KATO Ren"]["iso3"] == "JPN"


def test_a_government_speaks_for_itself_in_its_own_transcript() -> None:
    heading = "Ministry of Foreign Affairs of Chile\n\nBriefing by the Spokesperson\n\n"
    people = _people(heading + "Spokesperson Ana Ruiz Toro opened the briefing.\n\nQuestion: What of Peru?")
    assert people["Ana Ruiz Toro"]["iso3"] == "CHL"
    # a wire story from a capital: the home side's officials go unnamed by country
    people = _people("LIMA, May 2 (Wire) - Trade talks resumed, spokeswoman Ana Ruiz Toro said.")
    assert people["Ana Ruiz Toro"]["iso3"] == "PER"
    # no heading naming a government, no dateline: no country
    people = _people("Talks resumed\n\nTrade talks resumed, spokeswoman Ana Ruiz Toro said.")
    assert people["Ana Ruiz Toro"].get("iso3") is None
    # an envoy is often abroad: the home country says nothing of one
    people = _people(heading + "Ambassador Ana Ruiz Toro opened the briefing.\n\nQuestion: What of Peru?")
    assert people["Ana Ruiz Toro"].get("iso3") is None


def test_a_name_is_on_one_line_and_may_have_five_words() -> None:
    people = _people("Briefing by the Spokesman, Ambassador Ana Ruiz Toro\nLima, Tuesday 2 May 2023")
    assert "Ana Ruiz Toro" in people and not any("Lima" in name for name in people)
    people = _people("Peru's envoy, Ambassador Ana Maria Ruiz Toro Vega, said so.")
    assert "Ana Maria Ruiz Toro Vega" in people


@pytest.mark.parametrize(
    ("text", "not_a_name"),
    [
        ("Briefing by the Press Secretary\nChile-Peru Summit Talks", "Chile-Peru Summit Talks"),
        ("Ties between the People's Republic of China and Peru grew.", "People's Republic"),
        (
            "The Directors General of Military Operations, Peru's Major General Luis Paz Soto, met.",
            "Peru's Major General Luis Paz Soto",
        ),
    ],
)
def test_bodies_and_possessives_are_no_names(text: str, not_a_name: str) -> None:
    assert not_a_name not in _people(text)


def test_an_actors_country_is_the_one_most_documents_give_in_any_order(tmp_path) -> None:
    texts = {
        "a.txt": "Peru's trade minister, Luis Paz Soto, spoke in Lima on Monday.",
        "b.txt": "Chile's trade minister, Luis Paz Soto, spoke in Santiago on Monday.",
        "c.txt": "Peruvian trade minister Luis Paz Soto spoke again on Tuesday.",
    }
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    countries = set()
    for order in (["a.txt", "b.txt", "c.txt"], ["c.txt", "a.txt", "b.txt"], ["a.txt", "c.txt", "b.txt"]):
        with Store(f"sqlite:///{tmp_path}/{''.join(order)}.db") as store:
            pipeline.ingest(store, [str(tmp_path / n) for n in order], workers=1)
            people = {a["name"]: a for a in build_export(store)["actors"] if a["kind"] == "person"}
        countries.add(people["Luis Paz Soto"]["country"])
    assert countries == {"PER"}


def test_documents_that_differ_evenly_give_the_same_country_in_any_order() -> None:
    def rows(docs: list[tuple[str, str]]) -> list[dict]:
        attrs = '{{"iso3": "{}", "role": "envoy"}}'
        return [
            {"kind": "person", "value": "Ana Ruiz Toro", "doc": d, "attrs": attrs.format(c)} for d, c in docs
        ]

    docs = [("x", "PER"), ("y", "CHL"), ("y", "CHL"), ("z", "PER"), ("w", "CHL")]
    found = {list_actors(rows(list(order)))[0]["country"] for order in itertools.permutations(docs)}
    # two documents each; CHL is given by more mentions
    assert found == {"CHL"}


@pytest.mark.parametrize(
    ("text", "name", "country", "role"),
    [
        # a courtesy title between the title and the name, and initials written together
        (
            "It followed an invitation from Foreign Minister of Peru Mr. J.L. Quispe.",
            "J.L. Quispe",
            "PER",
            "foreign",
        ),
        (
            "Ambassador of Chile to Peru, Dr. Ana Ruiz Toro, was present.",
            "Ana Ruiz Toro",
            "CHL",
            "ambassador",
        ),
        ("The Chilean navy chief, Admiral R.M. Vidal, said so.", "R.M. Vidal", "CHL", "navy"),
        # two complements, the title's own country after "of"
        (
            "It was attended by the Ambassador of Peru to Chile Luis Paz Soto.",
            "Luis Paz Soto",
            "PER",
            "ambassador",
        ),
        (
            "Minister of Foreign Affairs and Trade of Peru Luis Paz Soto, the Ambassador of Chile to Peru "
            "Ana Ruiz Toro and others attended.",
            "Luis Paz Soto",
            "PER",
            "foreign",
        ),
    ],
)
def test_names_after_courtesy_titles_and_complements(text: str, name: str, country: str, role: str) -> None:
    _assert_introduced(text, name, country, role)


def test_a_place_is_no_part_of_a_name() -> None:
    people = _people("Lima, its foreign minister said, would act. Chile's envoy Peru Ana Ruiz spoke.")
    assert not any("Lima" in name or "Peru" in name for name in people), people


def test_a_title_inside_an_office_is_not_the_persons() -> None:
    # the head of the president's office is no president, and no name before a title that has its own
    people = _people(
        "Head of the Office of the President Ana Ruiz Toro, Minister of Trade of Peru Luis Paz Soto and "
        "others attended."
    )
    assert people.get("Ana Ruiz Toro", {}).get("role") not in ("president", "head of state", "trade minister")
    assert people["Luis Paz Soto"]["iso3"] == "PER"


@pytest.mark.parametrize(
    ("sentence", "country"),
    [
        # the official acts on one side: summons its envoy, visits its capital, talks with it
        ("Foreign Minister Ana Ruiz Toro summoned the Peruvian ambassador, Luis Paz Soto, on Monday.", "CHL"),
        ("Trade Minister Ana Ruiz Toro later visited Lima for two days.", "CHL"),
        ("Trade Minister Ana Ruiz Toro suspended all copper exports to Peru for six months.", "CHL"),
        # going home, or visiting a third country, says nothing of the side
        ("Trade Minister Ana Ruiz Toro went back to Peru.", None),
        ("Trade Minister Ana Ruiz Toro visited Tokyo for two days.", None),
    ],
)
def test_the_one_who_acts_on_one_side_is_of_the_other(sentence: str, country: str | None) -> None:
    assert _people(PAIR + sentence)["Ana Ruiz Toro"].get("iso3") == country


def test_a_side_named_in_the_officials_own_clause() -> None:
    people = _people(
        PAIR
        + "His Peruvian counterpart was the trade minister, Luis Paz Soto; on the Chilean side the talks "
        "were led by the finance minister, Ana Ruiz Toro, and the central bank governor, Rosa Quispe Salas."
    )
    assert people["Luis Paz Soto"]["iso3"] == "PER"
    assert people["Ana Ruiz Toro"]["iso3"] == "CHL" and people["Rosa Quispe Salas"]["iso3"] == "CHL"


@pytest.mark.parametrize(
    ("sentence", "name", "country"),
    [
        # one of two under a plural title is a known person: the other is of the other side
        ("Defence ministers Ana Ruiz Toro and Gabriel Boric signed the pact.", "Ana Ruiz Toro", "PER"),
        # the envoy recalled "from" a capital, named after it
        (
            "Peru recalls its ambassador from Santiago, Luis Paz Soto, and demands cuts.",
            "Luis Paz Soto",
            "PER",
        ),
        # "He" who meets is the person of the sentence before
        (
            "Gabriel Boric arrived in Lima. He held talks with the trade adviser, Ana Ruiz Toro, and left.",
            "Ana Ruiz Toro",
            "PER",
        ),
        # a body of known country named after the title, and the one joined to that official
        (
            "It was signed by Luis Paz Soto, Secretary, Ministry of Mines of Peru; and by others.",
            "Luis Paz Soto",
            "PER",
        ),
        (
            "It was signed by Ana Ruiz Toro, Secretary (Trade), and Luis Paz Soto, Secretary, Ministry of "
            "Mines of Peru; and by others.",
            "Ana Ruiz Toro",
            "CHL",
        ),
        # a company's own person
        ("Codelco's Ana Ruiz Toro signed the contract.", "Ana Ruiz Toro", "CHL"),
    ],
)
def test_countries_from_what_the_official_is_named_with(sentence: str, name: str, country: str) -> None:
    people = _people(PAIR + sentence)
    assert name in people, people
    assert people[name]["iso3"] == country


def test_a_news_outlets_writer_and_titled_names_under_a_plural_title_are_no_officials_of_it() -> None:
    people = _people(PAIR + "Xinhua's Ana Ruiz Toro reported it.")
    assert "Ana Ruiz Toro" not in people
    people = _people(
        PAIR + "The Special Representatives, National Security Advisor Ana Ruiz Toro and Gabriel Boric, met."
    )
    assert "National Security Advisor Ana Ruiz Toro" not in people


def test_a_title_alone_stands_for_the_one_person_named_with_it() -> None:
    mentions = _mentions(
        "At the invitation of Federal Chancellor Ana Ruiz Toro, the President of Peru, Luis Paz Soto, "
        "arrived in Berlin. The Chancellor and the President signed a plan. Luis Paz Soto thanked the "
        "Federal Chancellor."
    )
    read = [(m["value"], m["form"]) for m in mentions if m["form"] == "anaphor"]
    assert read == [("Ana Ruiz Toro", "anaphor"), ("Luis Paz Soto", "anaphor"), ("Ana Ruiz Toro", "anaphor")]


def test_a_title_two_people_held_in_the_text_stands_for_no_one() -> None:
    mentions = _mentions(
        "President Ana Ruiz Toro of Peru met President Luis Paz Soto of Chile. The President said so."
    )
    assert not [m for m in mentions if m["form"] == "anaphor"]


def test_a_body_named_earlier_gives_its_officials_country() -> None:
    text = (
        "Lima protested after a Chilean foreign ministry spokesman posted a map. The ministry's "
        "spokeswoman, Ana Ruiz Toro, defended it. Luis Paz Soto, one of the ministry's spokesmen, agreed."
    )
    people = _people(text)
    assert people["Ana Ruiz Toro"]["iso3"] == "CHL" and people["Luis Paz Soto"]["iso3"] == "CHL"
    # no body of that kind named before: no country from it
    people = _people("The ministry's spokeswoman, Ana Ruiz Toro, defended the map of Chile and Peru.")
    assert people["Ana Ruiz Toro"].get("iso3") is None
    # a body named with its own country is that country's, whatever was named before
    text = (
        "Peru's foreign ministry protested. The Chilean foreign ministry's spokesman, Luis Paz Soto, replied."
    )
    assert _people(text)["Luis Paz Soto"]["iso3"] == "CHL"


def test_a_known_one_word_name_inside_a_longer_name_is_not_that_person() -> None:
    # "Boric" alone is Gabriel Boric; inside "Ana Boric Vidal" it is part of another name
    text = "The engineer Ana Boric Vidal replied. Boric Vidal's report followed. President Boric spoke."
    assert [m["value"] for m in _mentions(text)] == ["Gabriel Boric"]


def test_a_portfolio_word_before_a_name_is_no_part_of_it() -> None:
    people = _people(
        "Chile's Minister for Energy and Climate Action Ana Ruiz Toro spoke. Climate action is urgent."
    )
    assert "Ana Ruiz Toro" in people and not any(name.startswith("Action") for name in people)


@pytest.mark.parametrize(
    ("text", "name", "country", "role"),
    [
        # a capital with an accent starts a word of a name
        ("Peru's ambassador, Julio Ángel Ñique, left.", "Julio Ángel Ñique", "PER", "ambassador"),
        # an initial without its full stop, and an "al-" family name last
        ("Chilean Foreign Secretary R Montes Vidal spoke.", "R Montes Vidal", "CHL", "foreign"),
        ("General Omar al-Quispe, the commander of Peru's army, spoke.", "Omar al-Quispe", "PER", "general"),
        # a title's prefix the lexicon does not list with it; a body of the country after the title
        (
            "Luis Soto Paz, the assistant commander-in-chief of the Chilean Armed Forces, spoke.",
            "Luis Soto Paz",
            "CHL",
            "assistant commander-in-chief",
        ),
        # a name an editor added in square brackets
        ("Peru recalls its ambassador to Chile [Ana Ruiz Toro] today.", "Ana Ruiz Toro", "PER", "ambassador"),
        (
            "Peru's representative to the United Nations, Ana Ruiz Toro, spoke.",
            "Ana Ruiz Toro",
            "PER",
            "ambassador",
        ),
    ],
)
def test_name_forms_of_other_languages(text: str, name: str, country: str, role: str) -> None:
    _assert_introduced(PAIR + text, name, country, role)


def test_words_that_only_look_like_a_name_are_none() -> None:
    # "A" and "I" are no initials; a Korean given name's hyphenated part in lower case still ends a name
    people = _people(PAIR + "A Chilean minister spoke. I Met Peru's minister Kim Chang-ho.")
    assert set(people) == {"Kim Chang-ho"}, people
    assert _people(PAIR + "The Chilean envoy said al-qaeda cells were active.") == {}


def test_initials_before_a_known_name_are_that_person() -> None:
    people = _people(
        "India and Bangladesh trade. India and Bangladesh met. Foreign Minister S Jaishankar spoke."
    )
    assert "S. Jaishankar" in people and "S Jaishankar" not in people, people


def test_one_of_two_under_a_plural_title_of_the_two_countries() -> None:
    people = _people(
        "India and Bangladesh trade. India and Bangladesh met. The foreign secretaries of the two "
        "countries — S Jaishankar and R Karim Ahmed — exchanged the instruments."
    )
    assert people["R Karim Ahmed"]["iso3"] == "BGD", people


def test_an_official_who_summons_after_an_apposition_is_of_the_other_side() -> None:
    people = _people(
        PAIR + "The Minister of Foreign Affairs, Mr. Luis Paz Soto, summoned the Chilean chargé d'affaires, "
        "Mr. Ana Ruiz Toro, to protest."
    )
    assert people["Luis Paz Soto"]["iso3"] == "PER" and people["Ana Ruiz Toro"]["iso3"] == "CHL", people


def test_its_at_a_sentence_start_is_the_body_the_sentence_before_opened_with() -> None:
    people = _people(
        PAIR + "Chile's military government said it had been told. Its spokesman, General Luis Paz Soto, "
        "said Lima acted well."
    )
    assert people["Luis Paz Soto"]["iso3"] == "CHL", people
    # a sentence before that opens with no country gives none (Peruvian companies are partners)
    people = _people(
        "The Power Authority sold power under contracts with Peruvian companies. Its governor, Luis Paz "
        "Soto, said the agency earned a lot."
    )
    assert people["Luis Paz Soto"]["iso3"] is None, people


def test_a_body_named_before_a_title_is_the_one_named_earlier_with_its_country() -> None:
    people = _people(
        PAIR + "The Chilean government decided that Peruvian officials must announce visits. Government "
        "spokeswoman Ana Ruiz-Toro said the measure was reciprocal."
    )
    assert people["Ana Ruiz-Toro"]["iso3"] == "CHL", people
    # another body of the same head word is not that one
    people = _people(
        PAIR + "Peru's foreign ministry issued a statement. Chile answered within hours. External Affairs "
        "Ministry spokesperson Ana Ruiz Toro said so."
    )
    assert people["Ana Ruiz Toro"]["iso3"] == "CHL", people


def test_a_counterpart_is_of_the_other_side() -> None:
    people = _people(
        PAIR
        + "In July Chilean Foreign Minister Luis Paz Soto travelled to Lima, where he met his counterpart "
        "Ana Ruiz Toro."
    )
    assert people["Ana Ruiz Toro"]["iso3"] == "PER", people
    # a second title between: the name is after it, and a given name that is a title word stays
    people = _people(
        PAIR + "He said his Peruvian counterpart, Commerce Minister Ana Ruiz Toro, had not called. Peru's "
        "acting foreign minister, Amir Khan Soto, spoke."
    )
    assert people["Ana Ruiz Toro"]["iso3"] == "PER" and "Amir Khan Soto" in people, people


def test_counterparts_under_one_plural_title_are_of_the_side_named_with_it() -> None:
    people = _people(
        PAIR + "Chilean ministers Luis Paz Soto and Rosa Vidal held talks with their Peruvian counterparts, "
        "Ana Ruiz Toro and Jorge Quispe Mamani, today."
    )
    assert people["Ana Ruiz Toro"]["iso3"] == "PER" and people["Jorge Quispe Mamani"]["iso3"] == "PER", people
    # a second title after "counterpart" gives the role
    people = _people(
        PAIR + "He said his Peruvian counterpart, Commerce Minister Ana Ruiz Toro, had not called."
    )
    assert people["Ana Ruiz Toro"]["role"] == "trade minister", people


def test_a_second_title_joined_by_and_is_another_persons() -> None:
    people = _people(PAIR + "He was welcomed by the President and First Lady Ana Ruiz Toro of Chile.")
    assert people["Ana Ruiz Toro"]["role"] == "first lady", people
    # a portfolio joined by "and" is still part of the title
    people = _people(PAIR + "Chile's Minister of Trade and Industry Ana Ruiz Toro spoke.")
    assert people["Ana Ruiz Toro"]["role"] == "trade minister", people


def test_an_officials_deputy_is_of_that_officials_side() -> None:
    # Soto's side comes from the sentence before (Lima), his deputy's from Soto, not from what she says
    people = _people(
        PAIR + "Lima protested. Foreign Minister Luis Paz Soto said it was scandalous. Soto's deputy, Ana "
        "Ruiz Toro, said Santiago had lied."
    )
    assert people["Ana Ruiz Toro"]["iso3"] == "PER", people
    assert people["Ana Ruiz Toro"]["role"] == "deputy foreign minister", people
    # a deputy of no one named is the lexicon's (a member of parliament)
    assert _people(PAIR + "The deputy, Ana Ruiz Toro, spoke.")["Ana Ruiz Toro"]["role"] == "legislator"


@pytest.mark.parametrize(
    ("text", "country"),
    [
        # the official's sentence names a country only as a place: the sentence before gives the side
        (
            '"Chile wants parity. We ask no more," Foreign Minister Ana Ruiz Toro told reporters in Lima.',
            "CHL",
        ),
        (
            "The Chilean cabinet ordered a halt. Mining minister Ana Ruiz Toro presented the decision as a "
            "matter of sovereignty; in Lima it was read as warfare.",
            "CHL",
        ),
        # the sentence before names both sides, or stands in another paragraph: no side
        (
            "Chile's president arrived in Lima on Monday. Foreign Minister Ana Ruiz Toro told reporters in "
            "Lima that the talks went well.",
            None,
        ),
        (
            "Chile sent a note.\n\nForeign Minister Ana Ruiz Toro told reporters in Lima that it was read.",
            None,
        ),
    ],
)
def test_a_sentence_naming_only_places_takes_the_side_of_the_sentence_before(
    text: str, country: str | None
) -> None:
    assert _people(PAIR + text)["Ana Ruiz Toro"].get("iso3") == country


@pytest.mark.parametrize(
    ("sentence", "country"),
    [
        # an envoy "to" or "in" a country is posted there: of the pair's other side
        (
            "The kingdom said it was recalling its ambassador to Peru [Ana Ruiz Toro] for consultations.",
            "CHL",
        ),
        ("Ambassador to Peru Ana Ruiz Toro left on Monday.", "CHL"),
        ("The envoy in Lima, Ana Ruiz Toro, left on Monday.", "CHL"),
        # the country "of" the title, or named before it, is the envoy's own
        ("Ambassador of Peru Ana Ruiz Toro left on Monday.", "PER"),
        ("Peru's ambassador to Chile, Ana Ruiz Toro, left.", "PER"),
    ],
)
def test_an_envoy_to_a_country_is_not_of_it(sentence: str, country: str) -> None:
    assert _people(PAIR + sentence)["Ana Ruiz Toro"].get("iso3") == country


def test_a_sentence_after_the_first_line_is_no_masthead() -> None:
    text = (
        "Ministry Spokesperson Ana Ruiz Toro held a press conference on May 2\n\n"
        "Q: The minister was invited to visit Peru on the 1st.\n\nAna Ruiz Toro: The visit went well."
    )
    assert _people(text)["Ana Ruiz Toro"].get("iso3") is None


def test_foreign_ministers_of_each_country_under_one_plural_title() -> None:
    people = _people(
        PAIR + "Foreign ministers Ana Ruiz Toro of Peru and Luis Paz Soto of Chile met at the border."
    )
    assert people["Ana Ruiz Toro"]["iso3"] == "PER" and people["Luis Paz Soto"]["iso3"] == "CHL"
    assert "foreign minister" in people["Ana Ruiz Toro"]["role"]


def test_an_official_speaking_to_the_press_holds_no_talks_with_the_other_side() -> None:
    def meetings(sentence: str) -> list:
        doc = Document(id="t", name="t.txt", path="t.txt", format="text", kind="news", published="2023-05-02")
        doc.raw_text = doc.text = (
            PAIR + "Chile's trade minister Ana Ruiz Toro arrived in Lima on Monday. " + sentence
        )
        clean_document(doc)
        return [e for e in extract_facts(doc).events if e.type == "meeting"]

    assert not meetings("Ana Ruiz Toro spoke to reporters on May 3, 2023 about Peru.")
    assert not meetings("Ana Ruiz Toro, speaking to a radio station on May 3, 2023, said Peru must pay.")
    assert meetings("Ana Ruiz Toro spoke with the Peruvian trade minister on May 3, 2023.")


@pytest.mark.parametrize(
    ("sentence", "country"),
    [
        # the one demanded of, urged or accused is the other side
        ("Security Minister Ana Ruiz Toro said she would demand Peru make a public explanation.", "CHL"),
        ("Security Minister Ana Ruiz Toro accused Peru of spying on its leaders.", "CHL"),
        # one who demands in the sentence is acting, not addressed
        ("Security Minister Ana Ruiz Toro said Peru had made demands of its own.", "PER"),
    ],
)
def test_the_one_an_official_demands_of_or_accuses_is_the_other_side(sentence: str, country: str) -> None:
    assert _people(PAIR + sentence)["Ana Ruiz Toro"].get("iso3") == country


@pytest.mark.parametrize(
    ("sentence", "country"),
    [
        # one who presents credentials is an ambassador of the side that sends them
        ("Relations were upgraded: Ana Ruiz Toro presents her credentials in Lima.", "CHL"),
        ("Ana Ruiz Toro presented her credentials to President Dina Boluarte on Monday.", "CHL"),
        ("Ana Ruiz Toro presented her letters of credence in Santiago.", "PER"),
        # one who takes up the post in a capital is sent there
        ("Relations were upgraded: Ana Ruiz Toro takes up her post in Lima.", "CHL"),
    ],
)
def test_one_who_presents_credentials_is_an_ambassador(sentence: str, country: str) -> None:
    person = _people(PAIR + sentence)["Ana Ruiz Toro"]
    assert person["role"] == "ambassador" and person["iso3"] == country


def test_checking_credentials_makes_no_ambassador() -> None:
    assert "Ana Ruiz Toro" not in _people(PAIR + "Ana Ruiz Toro checked the credentials of the delegates.")
    assert "Ana Ruiz Toro" not in _people(PAIR + "Ana Ruiz Toro takes up the matter in Lima.")


def test_an_official_joined_to_one_of_known_side_in_a_sentence_naming_no_country() -> None:
    people = _people(
        PAIR + "In 2009 a dispute led Peru to halt flows through Chile. Enap chief executive Ana Ruiz Toro "
        "and Petroperu's Luis Paz Soto signed a contract on 19 January 2009."
    )
    assert people["Ana Ruiz Toro"]["iso3"] == "CHL"


def test_a_name_run_on_into_a_place_ends_before_it() -> None:
    # a heading joined to its dateline: the name stops at the place
    people = _people("Press briefing by Foreign Minister Ana Ruiz Toro Lima, Monday 2 May 2023\n\n" + PAIR)
    assert "Ana Ruiz Toro" in people, people
    # a place alone after a title is no name
    assert not any("Lima" in name for name in _people(PAIR + "Minister Lima said so."))


def test_a_one_word_body_inside_a_longer_name_is_part_of_the_name() -> None:
    # "Saab" is a company in the knowledge files, but here the last word of a person's name
    people = _people(PAIR + "Peru's deputy speaker of parliament, Elias Bou Saab, went to Santiago.")
    assert people["Elias Bou Saab"]["iso3"] == "PER", people
    # the company alone stays the company
    assert not _people(PAIR + "Saab delivered jets to Peru.")


def test_a_transcripts_speaker_in_brackets_after_the_title() -> None:
    text = (
        "MINISTERIO DE RELACIONES EXTERIORES – REPÚBLICA DEL PERÚ\n\nPress briefing, 2 May 2023\n\n"
        "SPOKESPERSON (Ana Ruiz Toro): Good afternoon. The minister will speak about Chile.\n\n"
        "MINISTER: We spoke with Chile."
    )
    assert _people(text)["Ana Ruiz Toro"].get("iso3") == "PER"
    # words in brackets that are no name make no one
    assert not _people(PAIR + "The spokesperson (in a statement): nothing new.")


def test_a_known_surname_alone_is_the_person_named_in_full_before() -> None:
    text = PAIR + "Foreign Minister Jorge Lara Castro went to Lima. Castro said the talks were good."
    mentions = _mentions(text)
    assert {m["value"] for m in mentions} == {"Jorge Lara Castro"}, mentions
    # named alone, the surname keeps its reading
    assert {m["value"] for m in _mentions(PAIR + "Castro said the talks were good.")} != {"Jorge Lara Castro"}


def test_an_official_named_bare_in_a_governments_masthead_is_its_own() -> None:
    # a masthead naming its government: the officials it names bare are that government's
    text = (
        "Ministry of Foreign Affairs of Peru\n\nPress conference by Foreign Minister Luis Paz Soto and "
        "Vice-Minister Ana Ruiz Toro\n\nThe minister spoke about Chile. Chile and Peru met."
    )
    assert _people(text)["Ana Ruiz Toro"]["iso3"] == "PER"
    # two ministers joined by "and" in the text are still counterparts
    people = _people(PAIR + "Economy Minister Ana Ruiz Toro and Peru's energy minister Luis Paz Soto met.")
    assert people["Ana Ruiz Toro"]["iso3"] == "CHL", people


@pytest.mark.parametrize(
    ("sentence", "country"),
    [
        # the one asked is addressed, as one urged is: the official is of the other side
        ("Finance secretary Ana Ruiz Toro said the government would ask Peru for a new loan.", "CHL"),
        # one who asks acts
        ("Finance secretary Ana Ruiz Toro said Peru asked for a new loan.", "PER"),
    ],
)
def test_the_one_an_official_asks_is_the_other_side(sentence: str, country: str) -> None:
    assert _people(PAIR + sentence)["Ana Ruiz Toro"].get("iso3") == country


def test_an_official_who_signs_for_a_country_is_of_it() -> None:
    people = _people(
        PAIR + "Transport minister Ana Ruiz Toro signed for Peru and her counterpart Luis Paz Soto for Chile."
    )
    assert people["Ana Ruiz Toro"]["iso3"] == "PER", people
    # signing "with" a country is no signing for it
    people = _people(PAIR + "Transport minister Ana Ruiz Toro signed with Peru on Monday.")
    assert people["Ana Ruiz Toro"].get("iso3") != "PER", people


def test_a_country_joined_to_a_partner_is_a_partner_too() -> None:
    # "regarding Chile and Bolivia": both are topics, so neither is the official's side
    people = _people(PAIR + "Joint secretary Ana Ruiz Toro handles matters regarding Chile and Bolivia.")
    assert people["Ana Ruiz Toro"].get("iso3") not in ("BOL", "CHL"), people


def test_the_head_of_the_presidents_office_is_an_official() -> None:
    people = _people(PAIR + "Peru's Head of the Office of the President Ana Ruiz Toro attended.")
    person = people["Ana Ruiz Toro"]
    assert person["iso3"] == "PER" and "presidential office" in person["role"]


def test_an_expert_is_of_the_country_named_with_the_title_only() -> None:
    people = _people(
        PAIR + "The treaty named the experts Ana Ruiz Toro for Chile and Luis Paz Soto for Peru."
    )
    assert people["Ana Ruiz Toro"]["iso3"] == "CHL" and people["Luis Paz Soto"]["iso3"] == "PER", people
    assert _people(PAIR + "The Peruvian expert Ana Ruiz Toro replied.")["Ana Ruiz Toro"]["iso3"] == "PER"
    # a country's name before the title is the expert's field; the sentence's acting side says nothing
    expert = _people(PAIR + "Peru expert Ana Ruiz Toro said Chile would win.")["Ana Ruiz Toro"]
    assert expert.get("iso3") is None


def test_a_release_naming_its_own_known_official_bare_speaks_for_that_side() -> None:
    text = (
        "Press Release\nSecretary Blinken's Call with Peruvian Foreign Minister Ana Gervasi\n\n"
        "The following is attributable to Spokesperson Ana Ruiz Toro:\n\nThe call went well."
    )
    assert _people(text)["Ana Ruiz Toro"].get("iso3") == "USA"
    # a news headline names leaders bare too: no side from it
    text = (
        "Blinken calls Peruvian Foreign Minister Ana Gervasi\n\n"
        "Ana Ruiz Toro, a spokesperson, said the call went well."
    )
    assert _people(text)["Ana Ruiz Toro"].get("iso3") is None


def test_the_secretary_general_of_a_body_named_before_in_the_sentence_has_no_country() -> None:
    text = PAIR + (
        "Chile asked for a session of the Permanent Council of the OAS, and on Monday the Secretary General, "
        "Mr José Miguel Insulza, came to Lima."
    )
    person = _people(text)["José Miguel Insulza"]
    assert person.get("iso3") is None and "Secretary General" in person["role"], person
    # with no international body in the sentence the known person keeps the country of the knowledge files
    text = PAIR + "The OAS met. On Monday the Secretary General, Mr José Miguel Insulza, came to Lima."
    assert _people(text)["José Miguel Insulza"].get("iso3") == "CHL"


def test_a_masthead_naming_a_bare_title_and_one_country_of_the_pair_speaks_for_the_other() -> None:
    text = (
        "Ministry of External Affairs\n\nTranscript of Special Briefing by Foreign Secretary on the Prime "
        "Minister's meeting with the President of Peru (May 2, 2023)\n\n"
        "Official Spokesperson, Ana Ruiz Toro: Good evening, friends, and welcome here in Lima.\n\n" + PAIR
    )
    assert _people(text)["Ana Ruiz Toro"].get("iso3") == "CHL"
    # naming no bare title, the masthead gives no side
    text = text.replace("Foreign Secretary on the Prime Minister's meeting with the", "the visit of the")
    assert _people(text)["Ana Ruiz Toro"].get("iso3") is None


def test_an_introduced_official_is_the_known_holder_of_the_office_then() -> None:
    # the knowledge files know Saudi Arabia's foreign minister from October 2019 as Faisal bin Farhan
    def people(sentence: str, published: str = "2021-03-03") -> set[str]:
        doc = Document(id="t", name="t.txt", path="t.txt", format="text", kind="news", published=published)
        doc.raw_text = doc.text = "Saudi Arabia and Peru met. Saudi Arabia and Peru talked. " + sentence
        clean_document(doc)
        return {m["value"] for m in extract_facts(doc).mentions if m["kind"] == "person"}

    assert people("Saudi Foreign Minister Prince Faisal spoke in Lima.") == {"Faisal bin Farhan"}
    # before the term began, or in another office, he is not meant; a full name stays as the text spells it
    assert people("Saudi Foreign Minister Prince Faisal spoke in Lima.", "2017-03-03") == {"Prince Faisal"}
    assert people("Saudi Energy Minister Prince Faisal spoke in Lima.") == {"Prince Faisal"}
    assert people("Saudi Foreign Minister Faisal Farhan spoke in Lima.") == {"Faisal Farhan"}


def _people_in(text: str, published: str) -> set[str]:
    doc = Document(id="t", name="t.txt", path="t.txt", format="text", kind="news", published=published)
    doc.raw_text = doc.text = text
    clean_document(doc)
    return {m["value"] for m in extract_facts(doc).mentions if m["kind"] == "person"}


@pytest.mark.parametrize(
    ("sentence", "published", "meant"),
    [
        # two people of the knowledge files share "Clinton": the title's office, else the one in office then
        ("Secretary Clinton will travel to Tokyo next week.", "2011-03-03", "Hillary Clinton"),
        ("In 1998 President Clinton travelled to Tokyo.", "2011-03-03", "Bill Clinton"),
        ("The former President Clinton spoke in Tokyo.", "2011-03-03", "Bill Clinton"),
        ("Clinton spoke with the Japanese premier.", "1996-03-03", "Bill Clinton"),
        ("Clinton spoke with the Japanese premier.", "2010-03-03", "Hillary Clinton"),
    ],
)
def test_a_shared_known_name_is_the_one_the_title_or_the_date_names(
    sentence: str, published: str, meant: str
) -> None:
    text = "Japan and the United States met. Japan and the United States talked. " + sentence
    assert meant in _people_in(text, published)


def test_a_title_and_one_word_is_the_known_holder_of_the_office_for_the_pair() -> None:
    text = "Japan and Vietnam met. Japan and Vietnam talked. {} met the Japanese delegation in Hanoi."
    assert "Phạm Minh Chính" in _people_in(text.format("Prime Minister Chinh"), "2022-05-01")
    # not in office then, "former", another office, or a word no holder of the pair bears: no one is meant
    assert "Phạm Minh Chính" not in _people_in(text.format("Prime Minister Chinh"), "2015-05-01")
    assert "Phạm Minh Chính" not in _people_in(text.format("The former Prime Minister Chinh"), "2022-05-01")
    assert "Phạm Minh Chính" not in _people_in(text.format("Foreign Minister Chinh"), "2022-05-01")
    assert not _people_in(text.format("Prime Minister Nguyen"), "2022-05-01")
    # a word of a person the text names in full stays that person's
    named = "President Lee Myong-bak came. Japan and Korea met. Japan and Korea talked. President Lee spoke."
    assert "Lee Myung-bak" not in _people_in(named, "2010-05-01")


def test_a_list_of_one_sides_officials_shares_their_side() -> None:
    # a delegation listed with commas: the unknown members are of the one side the known members are of,
    # and the last one is no counterpart of the next
    text = PAIR + (
        "The talks were attended by Peru's foreign minister Luis Paz Soto, the Minister of Culture Ana Ruiz "
        "Toro, the Minister of Energy Rosa Vidal Lara and Peruvian Ambassador to Chile Juan Mora Rey."
    )
    people = _people(text)
    assert people["Ana Ruiz Toro"]["iso3"] == "PER" and people["Rosa Vidal Lara"]["iso3"] == "PER"
    # a list whose known members are of both sides says nothing of the others
    mixed = PAIR + (
        "The talks were attended by Peru's foreign minister Luis Paz Soto, the Minister of Culture Ana Ruiz "
        "Toro, the Minister of Energy Rosa Vidal Lara and Chilean Ambassador to Peru Juan Mora Rey."
    )
    people = _people(mixed)
    assert people["Ana Ruiz Toro"].get("iso3") is None and people["Rosa Vidal Lara"].get("iso3") is None


def test_an_official_is_not_joined_over_another_person() -> None:
    # "his counterpart C" is B's counterpart; B's side is unknown, so C's is too, not the other side of A's
    text = PAIR + (
        "The pact was signed before President Dina Boluarte, her Chilean counterpart Gabriel Boric, trade "
        "minister Luis Paz Soto and his counterpart Ana Ruiz Toro."
    )
    assert _people(text)["Ana Ruiz Toro"].get("iso3") != "PER"


def test_a_body_after_at_gives_its_own_country_not_where_it_is() -> None:
    text = PAIR + "Peru said that Ana Ruiz Toro, a counselor at the Chilean embassy in Lima, must leave."
    assert _people(text)["Ana Ruiz Toro"]["iso3"] == "CHL"
    # the place an embassy is in is not the official's country
    text = PAIR + "Ana Ruiz Toro, a counselor at the embassy in Lima, spoke to the press."
    assert _people(text)["Ana Ruiz Toro"].get("iso3") != "PER"


KOR_VNM = "South Korea and Vietnam renewed their partnership. South Korea and Vietnam trade chips. "


@pytest.mark.parametrize(
    "sentence",
    [
        "Trade ministers Nguyen Van Binh and Park Ji-hoon signed the pact.",
        "Minister of Industry Park Ji-hoon and Minister of Environment Nguyen Van Binh signed the pact.",
        "The pact was signed by trade minister Nguyen Van Binh and his counterpart Park Ji-hoon.",
    ],
)
def test_two_counterparts_take_the_sides_their_family_names_fit(sentence: str) -> None:
    people = _people(KOR_VNM + sentence)
    assert people["Park Ji-hoon"]["iso3"] == "KOR" and people["Nguyen Van Binh"]["iso3"] == "VNM"


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # names of no listed tradition: no order fits
        (PAIR + "Trade ministers Ana Ruiz Toro and Luis Paz Soto signed the pact.", ["Ana Ruiz Toro"]),
        # both names fit both orders (one tradition on both sides)
        (
            "North Korea and South Korea met. North Korea and South Korea talked. Unification ministers Kim "
            "Yong-su and Park Ji-hoon met.",
            ["Kim Yong-su", "Park Ji-hoon"],
        ),
        # the last two of a list are no counterparts
        (
            KOR_VNM + "The pact was witnessed by Foreign Minister Hoa Binh, trade minister Nguyen Van Binh "
            "and industry minister Park Ji-hoon.",
            ["Nguyen Van Binh"],
        ),
    ],
)
def test_names_give_no_side_when_no_one_order_fits(text: str, names: list[str]) -> None:
    people = _people(text)
    assert all(people[name].get("iso3") is None for name in names), people


def test_one_official_named_family_name_first_is_of_the_side_of_that_tradition() -> None:
    china = "China and Australia renewed their partnership. China and Australia trade iron ore. "
    people = _people(china + "A spokesperson, Zhao Lijun, said the talks went well.")
    # the actor's country, not a side of the events the official takes part in
    assert people["Zhao Lijun"].get("country") == "CHN" and people["Zhao Lijun"].get("iso3") is None
    # written given name first, or between two sides of one tradition: no country from the name
    assert (
        _people(china + "A spokesperson, Andy Zhao, said the talks went well.")["Andy Zhao"].get("country")
        is None
    )
    singapore = "China and Singapore renewed their partnership. China and Singapore trade chips. "
    people = _people(singapore + "A spokesperson, Zhao Lijun, said the talks went well.")
    assert people["Zhao Lijun"].get("country") is None


def test_with_no_country_in_its_sentence_an_official_is_of_the_one_acting_in_the_one_before() -> None:
    text = PAIR + (
        "Chilean jets struck a camp near the border, in Peru's southern province of Tacna. Foreign Secretary "
        "Ana Ruiz Toro described the strike as pre-emptive."
    )
    assert _people(text)["Ana Ruiz Toro"]["iso3"] == "CHL"
    # where no one acts in the sentence before, a place there is still where the official is
    text = PAIR + (
        "The water treaty was signed in Lima in 1996. A later accord was dropped after the governor of "
        "the region, Ana Ruiz Toro, objected."
    )
    assert _people(text)["Ana Ruiz Toro"]["iso3"] == "PER"


def test_the_leader_of_a_delegation_is_of_the_delegations_country() -> None:
    text = PAIR + (
        "They met in Lima: a Peruvian delegation led by Dr. Ana Ruiz Toro, Undersecretary for Trade at the "
        "foreign ministry, and a Chilean delegation headed by Luis Paz Soto, the deputy trade minister."
    )
    people = _people(text)
    assert people["Ana Ruiz Toro"]["iso3"] == "PER" and people["Luis Paz Soto"]["iso3"] == "CHL"
    # a country that receives the delegation is not its own: only an adjective or a possessive names it
    from dyad.extract.mentions import Mention
    from dyad.extract.official_sides import _delegation_of

    for text, form, side in [
        ("Peru welcomed a delegation led by Undersecretary Ana Ruiz Toro.", "name", None),
        ("Peru's delegation, led by Undersecretary Ana Ruiz Toro, came.", "name", "PER"),
    ]:
        country = Mention(0, 4, "Peru", "country", "PER", form)
        official = Mention(
            text.index("Ana"), text.index("Ana") + 13, "Ana Ruiz Toro", "person", "Ana Ruiz Toro"
        )
        assert _delegation_of(text, official, [country]) == side


@pytest.mark.parametrize(
    ("text", "name", "country", "occupation"),
    [
        (
            "The Portuguese navigator Tomás Ribeiro reached the coast in 1502.",
            "Tomás Ribeiro",
            "PRT",
            "explorer",
        ),
        (
            "The leak came from former U.S. defence contractor Dana Hollis last year.",
            "Dana Hollis",
            "USA",
            "contractor",
        ),
        (
            "Ines Albornoz, a Chilean journalist, asked about the border.",
            "Ines Albornoz",
            "CHL",
            "journalist",
        ),
        ("Peru's best-known novelist Rosa Quispe wrote about the war.", "Rosa Quispe", "PER", "author"),
    ],
)
def test_a_person_of_no_office_is_of_the_nationality_named(
    text: str, name: str, country: str, occupation: str
) -> None:
    person = _people(PAIR + text)[name]
    assert (person["iso3"], person["role"], person["official"]) == (country, occupation, False)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a country's name with no possessive is a field, not a nationality
        ("Tomás Ribeiro, a Chile specialist at the university, spoke.", "Tomás Ribeiro"),
        # two nationalities joined: which one is the person's the words do not say
        ("Ines Albornoz, a Chilean-Peruvian journalist, asked about the border.", "Ines Albornoz"),
        # no nationality at all
        ("The journalist Ines Albornoz asked about the border.", "Ines Albornoz"),
    ],
)
def test_no_nationality_no_private_person(text: str, name: str) -> None:
    person = _people(PAIR + text).get(name)
    assert person is None or not person.get("iso3")


def test_and_after_a_comma_joins_a_list_and_is_no_portfolio() -> None:
    # the name after ", and" is the next official, not the economy minister named before it
    people = _people(
        PAIR + "The deal was signed by Lucía Ferrer, Chile's economy minister, and Tomás Ibarra, Peru's "
        "production minister."
    )
    assert people["Tomás Ibarra"]["iso3"] == "PER"
    assert people["Lucía Ferrer"]["iso3"] == "CHL"
    # a portfolio joined by "and" still leads to the name ("Minister of Trade and Industry X")
    assert (
        _people(PAIR + "Peru's Minister of Trade and Industry Tomás Ibarra spoke.")["Tomás Ibarra"]["iso3"]
        == "PER"
    )


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("Chilean Senate President Rosa Lagos welcomed the deal.", "Rosa Lagos", "CHL"),
        ("The President of the Senate of Peru, Rosa Lagos, welcomed the deal.", "Rosa Lagos", "PER"),
    ],
)
def test_the_head_of_a_chamber_is_a_legislator(text: str, name: str, country: str) -> None:
    person = _people(PAIR + text)[name]
    assert (person["iso3"], person["role"], person["rank"]) == (country, "speaker", "legislator")


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("Peruvian army chief Gen. Tomás Ibarra inspected the border.", "Tomás Ibarra", "PER"),
        ("The commander of Chile's navy, Vice Adm. Rosa Lagos, inspected the port.", "Rosa Lagos", "CHL"),
        ("Chile's army chief, Lt. Gen. Rosa Lagos, inspected the border.", "Rosa Lagos", "CHL"),
        ("Chilean official Rosa Lagos said the border would stay open.", "Rosa Lagos", "CHL"),
        ("Tomás Ibarra, a senior Peruvian official, said the talks would resume.", "Tomás Ibarra", "PER"),
    ],
)
def test_abbreviated_ranks_and_plain_descriptions(text: str, name: str, country: str) -> None:
    assert _people(PAIR + text)[name]["iso3"] == country


def test_a_capitalised_description_is_no_title() -> None:
    # "Official" in a programme's name introduces no one
    people = _people(PAIR + "Chile funds Official Development Assistance to Peru.")
    assert "Development Assistance" not in people


def test_the_country_a_speaker_describes_is_not_the_speakers() -> None:
    text = (
        PAIR + "Peru's navy tracked the ships for a week. Defence Minister Tomás Ibarra told reporters, "
        "describing the Chilean manoeuvres as a provocation, that the navy would stay."
    )
    assert _people(text)["Tomás Ibarra"]["iso3"] != "CHL"


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Chile named Rosa Lagos as its new ambassador to Peru.", "CHL"),
        ("Peru appointed Rosa Lagos ambassador to Chile.", "PER"),
    ],
)
def test_a_name_given_a_title_by_appointment(text: str, country: str) -> None:
    person = _people(PAIR + text)["Rosa Lagos"]
    assert (person["role"], person["iso3"]) == ("ambassador", country)


def test_a_name_appointed_to_no_title_is_no_official() -> None:
    assert "Rosa Lagos" not in _people(PAIR + "Peru appointed Rosa Lagos after a long search.")


@pytest.mark.parametrize(
    "text",
    [
        "The EU ambassador in Lima, Rosa Lagos, said the talks would resume.",
        "UN envoy Rosa Lagos met both sides in Lima.",
    ],
)
def test_an_international_bodys_official_is_of_no_side(text: str) -> None:
    person = _people(PAIR + text)["Rosa Lagos"]
    assert person["iso3"] is None and person.get("international")


def test_a_countrys_envoy_after_a_body_name_keeps_the_country() -> None:
    # the country stands right before the title: the body named earlier changes nothing
    person = _people(PAIR + "After the EU summit, the Spanish ambassador in Lima, Rosa Lagos, said so.")[
        "Rosa Lagos"
    ]
    assert person["iso3"] == "ESP"


@pytest.mark.parametrize(
    ("text", "capital"),
    [
        ("Chile cited the Vienna Convention against Japan.", "Vienna"),
        ("The two leaders recalled the Tashkent Declaration.", "Tashkent"),
    ],
)
def test_a_capital_naming_an_instrument_is_no_state(text: str, capital: str) -> None:
    from dyad.extract.mentions import mention_finder

    found = mention_finder().find(text)
    assert capital not in {m.text for m in found}
    # the same capital acting is still the state
    acting = mention_finder().find(f"{capital} protested the convention.")
    assert capital in {m.text for m in acting}


JP_RU = "Japan and Russia held talks. Japan and Russia trade fish. "
IN_SA = "India and Saudi Arabia held talks. India and Saudi Arabia trade oil. "
US_AR = "The United States and Argentina held talks. The United States and Argentina trade beef. "


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        (JP_RU + "Chief Cabinet Secretary Kenta Morioka said talks would go on.", "Kenta Morioka", "JPN"),
        (US_AR + "Treasury Secretary Dale Whitcombe announced a credit line.", "Dale Whitcombe", "USA"),
        (US_AR + "Secretary of Homeland Security Mara Quill flew in.", "Mara Quill", "USA"),
        # the body right before the title is one only India (or Sri Lanka) has; Sri Lanka is no side here
        (
            IN_SA + "It was useful, the Ministry of External Affairs spokesperson Arun Varma said.",
            "Arun Varma",
            "IND",
        ),
        (JP_RU + "Sota Hirai, the chief cabinet secretary, declined to comment.", "Sota Hirai", "JPN"),
    ],
)
def test_a_title_only_one_side_has_places_the_official(text: str, name: str, country: str) -> None:
    assert _people(text)[name].get("iso3") == country


def test_a_title_of_a_country_outside_the_pair_places_no_one() -> None:
    # "Treasury Secretary" is the United States' title; in a Chile–Peru text it names neither side
    people = _people(PAIR + "Treasury Secretary Dale Whitcombe praised the deal.")
    assert people["Dale Whitcombe"].get("iso3") is None
    # a title others have too ("spokesperson" of a ministry the text does not name) says nothing
    people = _people(IN_SA + "The visit was useful, the ministry spokesperson Arun Varma said.")
    assert "national" not in people["Arun Varma"]


def test_a_presidential_title_is_the_title_with_its_country() -> None:
    text = "Russia and Lithuania argued. Russia and Lithuania trade. "
    people = _people(text + "Russian Presidential Press Secretary Olegov said the move was illegal.")
    assert people["Olegov"]["iso3"] == "RUS" and people["Olegov"]["role"] == "spokesperson"
    # a presidential building or guard is no title
    assert not _people(PAIR + "The Presidential Guard stopped Jorge Salas Vidal at the gate.")


@pytest.mark.parametrize(
    "sentence",
    [
        "Peru sent the Secretary General of the Organization of American States, Rafael Quintero Soto, it.",
        "Chile asked the Director-General of the World Trade Organization, Rafael Quintero Soto, to mediate.",
        # a known person of one country holds the body's office in the text
        "Peru sent the Secretary General of the Organization of American States, José Miguel Insulza, it.",
    ],
)
def test_the_head_of_an_international_body_named_after_it_is_of_no_side(sentence: str) -> None:
    people = _people(PAIR + sentence)
    assert all(p.get("iso3") is None and p.get("international") for p in people.values())


def test_an_envoy_to_an_international_body_keeps_the_country_named() -> None:
    people = _people(
        PAIR + "Chile's ambassador to the Organization of American States, Rafael Quintero Soto, spoke."
    )
    assert people["Rafael Quintero Soto"]["iso3"] == "CHL"


def test_an_official_of_the_side_summoning_an_envoy_is_not_of_the_envoys_side() -> None:
    text = PAIR + (
        "The foreign ministry summoned the Chilean ambassador and handed him what a ministry spokesman, "
        "Rosa Vidal Lara, described as a strong protest."
    )
    assert _people(text)["Rosa Vidal Lara"]["iso3"] == "PER"
    # the envoy named right after the title is the summoned side's own
    named = _people(PAIR + "The ministry summoned the Chilean ambassador, Luis Paz Soto, on Monday.")
    assert named["Luis Paz Soto"]["iso3"] == "CHL"


def test_a_citizen_is_of_the_nationality_named_and_holds_no_office() -> None:
    people = _people(
        PAIR
        + "Another Peruvian citizen, Ana Ruiz Vera, was detained in Chile. Senior citizen Mario Soto spoke."
    )
    assert people["Ana Ruiz Vera"]["iso3"] == "PER" and not people["Ana Ruiz Vera"]["official"]
    assert "Mario Soto" not in people


def test_a_portfolio_of_construction_and_transport() -> None:
    text = PAIR + "Chile's Minister of Construction, Transport and Infrastructure Ana Ruiz Vera spoke."
    assert _people(text)["Ana Ruiz Vera"]["iso3"] == "CHL"


def test_a_family_name_without_its_arabic_article_is_the_person_named_in_full_before() -> None:
    # "al-" or "el-" is often dropped after the first mention: "Zaid al-Rifai" is later "Rifai"
    text = PAIR + "Prime Minister Zaid al-Rifai of Jordan went to Lima in 1986. Rifai said talks were good."
    mentions = _mentions(text)
    assert [m["value"] for m in mentions].count("Zaid al-Rifai") == 2, mentions
    # the bare name with no one named in full before is no one of the knowledge files
    assert "Zaid al-Rifai" not in {m["value"] for m in _mentions(PAIR + "Rifai said the talks were good.")}
    # nor is the name with its article taken twice
    again = _mentions(text + " In 1987 al-Rifai went back.")
    assert [m["value"] for m in again].count("Zaid al-Rifai") == 3, again


@pytest.mark.parametrize(
    ("sentence", "published", "meant"),
    [
        # the knowledge files know a Landsbergis as Lithuania's head of state of 1990-92, never its foreign
        # minister: the title before the surname names someone else, of the title's country
        ("Lithuanian Foreign Minister Landsbergis spoke in Riga.", "2022-03-07", ("Landsbergis", "LTU")),
        ("Lithuanian Foreign Minister Landsbergis spoke in Riga.", None, ("Landsbergis", "LTU")),
        # the office he held, or a date in his term: the known person, as before
        ("Lithuanian President Landsbergis spoke in Riga.", "2022-03-07", ("Vytautas Landsbergis", "LTU")),
        (
            "Lithuanian Trade Minister Landsbergis spoke in Riga.",
            "1991-03-07",
            ("Vytautas Landsbergis", "LTU"),
        ),
        # a former foreign minister is still no one who never held the office
        (
            "Lithuania's former Foreign Minister Landsbergis spoke in Riga.",
            "2022-03-07",
            ("Landsbergis", "LTU"),
        ),
        # undated, a title of an office the knowledge files do not follow says nothing of his career
        ("Lithuanian Trade Minister Landsbergis spoke in Riga.", None, ("Vytautas Landsbergis", "LTU")),
    ],
)
def test_a_title_the_known_namesake_never_held_names_another_official(
    sentence: str, published: str | None, meant: tuple[str, str]
) -> None:
    doc = Document(id="t", name="t.txt", path="t.txt", format="text", kind="news", published=published)
    doc.raw_text = doc.text = "Lithuania and Latvia met. " + sentence + " Landsbergis left on Tuesday."
    clean_document(doc)
    people = [
        (m["value"], json.loads(m["attrs"]).get("iso3"))
        for m in extract_facts(doc).mentions
        if m["kind"] == "person"
    ]
    assert people == [meant, meant]


@pytest.mark.parametrize(
    ("sentence", "meant"),
    [
        # a surname that is a country's plain name, after a title with a country of its own
        ("Serbian Finance Minister Mali met the Malian envoy in Bamako.", {"Mali": "SRB"}),
        ("The talks included the Minister of Finance Siniša Mali, who spoke first.", {"Siniša Mali": None}),
        # the title's own country, or none: the country, as before
        ("Malian Finance Minister Mali met the Serbian envoy in Bamako.", {}),
        ("The Finance Minister Mali sent came to Belgrade.", {}),
        # a name run on into a dateline ("Rojas Mali, 4 May") is no one's
        ("Statement by Deputy Minister Rojas Mali, 4 May", {}),
    ],
)
def test_a_country_name_after_a_title_can_be_a_surname(sentence: str, meant: dict[str, str | None]) -> None:
    doc = Document(id="t", name="t.txt", path="t.txt", format="text", kind="news", published="2023-05-05")
    doc.raw_text = doc.text = sentence + " Mali and Serbia signed a deal later."
    clean_document(doc)
    mentions = [(m["value"], m["kind"], json.loads(m["attrs"])) for m in extract_facts(doc).mentions]
    people = {v: a.get("iso3") for v, k, a in mentions if k == "person" and a.get("official")}
    assert {p: c for p, c in people.items() if p in meant} == meant
    assert set(people) <= set(meant)
    # the country named alone after the official stays the country
    assert mentions[-2][:2] == ("MLI", "country")


@pytest.mark.parametrize(
    ("sentence", "meant"),
    [
        (
            "Russian Ambassador Botsan-Kharchenko met the Serbian minister in Belgrade.",
            {"Botsan-Kharchenko": "RUS"},
        ),
        # a title with no country and the name not standing apart: no one, as for any one-word name
        ("The Ambassador Botsan-Kharchenko met came to Belgrade.", {}),
        # a word joined to a lower-case one is no name ("Kremlin-backed")
        ("The Russian Ambassador Kremlin-backed groups chose came to Belgrade.", {}),
    ],
)
def test_a_hyphenated_surname_alone_after_a_title(sentence: str, meant: dict[str, str]) -> None:
    people = {
        v: a.get("iso3")
        for v, a in ((m["value"], m) for m in _mentions("Russia and Serbia met. " + sentence))
    }
    assert {p: c for p, c in people.items() if p in meant} == meant
    assert set(people) <= set(meant)
