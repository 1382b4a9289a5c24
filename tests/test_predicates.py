"""Events read from sentence structure: predicates from the lexicon with their arguments in the parse,
officials nobody listed, modality (planned, threats, refusals, negation) and conflict types."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dyad.clean import clean_document
from dyad.errors import ExtractError
from dyad.extract import extract_facts
from dyad.extract.parse import MODEL_DIGESTS, load_parser, mend_verbs_read_as_nouns, verify_model
from dyad.knowledge import load_knowledge
from dyad.models import Document, Event

# Officials introduced the way news introduces them; nobody here is in the knowledge files.
INTRO = (
    "SANTIAGO, May 2 (Reuters) - Chile's foreign minister Rodrigo Aránguiz Pell arrived in Tokyo on "
    "Monday, May 1, 2023. Japanese Foreign Minister Kenji Hoshino welcomed the visit. "
)


def _doc(text: str, published: str | None = "2023-05-02") -> Document:
    doc = Document(id="t", name="t.txt", path="t.txt", format="text", kind="news", published=published)
    doc.raw_text = doc.text = text
    clean_document(doc)
    return doc


def _events(text: str, published: str | None = "2023-05-02") -> list[Event]:
    return extract_facts(_doc(text, published)).events


def _facts(events: list[Event]) -> set[tuple[str, tuple[str, ...], str | None]]:
    return {(e.type, e.participants, e.date.edtf if e.date else None) for e in events}


MEETING = ("meeting", ("CHL", "JPN"), "2023-05-03")


@pytest.mark.parametrize(
    "sentence",
    [
        # the five meeting forms a new user tried
        "Aránguiz Pell met Japanese Foreign Minister Kenji Hoshino on Wednesday, May 3, 2023.",
        "Aránguiz Pell met Japan's Foreign Minister on Wednesday, May 3, 2023.",
        "The Chilean foreign minister met the Japanese foreign minister on Wednesday, May 3, 2023.",
        "Chile's foreign minister met Japan's on Wednesday, May 3, 2023.",
        "Rodrigo Aránguiz Pell met Kenji Hoshino on Wednesday, May 3, 2023.",
        # passives, nominal events, calls
        "Talks between the two ministers were held in Tokyo on Wednesday, May 3, 2023.",
        "On May 3, 2023, Hoshino held talks with his Chilean counterpart.",
        "Hoshino spoke by phone with the Chilean foreign minister on May 3, 2023.",
    ],
)
def test_meeting_forms(sentence: str) -> None:
    assert MEETING in _facts(_events(INTRO + sentence))


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("On May 3, 2023, Japan praised Chile's role in the Pacific.", ("statement", "SUPPORT")),
        ("On May 3, 2023, Hoshino condemned Chile's decision.", ("dispute", "ACCUSE")),
        ("On May 3, 2023, Chile denounced Japan's whaling fleet.", ("dispute", "ACCUSE")),
        ("On May 3, 2023, Japan threatened to impose sanctions on Chile.", ("dispute", "THREATEN")),
        ("On May 3, 2023, Chile threatened to break off relations with Japan.", ("dispute", "THREATEN")),
        ("On May 3, 2023, Japan imposed sanctions on Chile.", ("sanction", "SANCTION")),
        ("On May 3, 2023, Japanese warships shelled Chilean positions.", ("use_of_force", "ASSAULT")),
    ],
)
def test_statements_and_conflict(sentence: str, expected: tuple[str, str]) -> None:
    events = _events(INTRO + sentence)
    found = {(e.type, e.plover) for e in events if e.date and e.date.edtf == "2023-05-03"}
    assert expected in found, found
    assert ("statement", "SUPPORT") not in found or expected[0] == "statement"  # condemned is not praise


def test_a_threat_is_not_the_act() -> None:
    events = _events(INTRO + "On May 3, 2023, Chile threatened to break off relations with Japan.")
    assert not [e for e in events if e.type == "diplomatic_relations"]


@pytest.mark.parametrize(
    "sentence",
    [
        "On May 3, 2023, the two sides did not sign the agreement.",
        "The two sides may sign an agreement on May 3, 2023.",
        "If the talks succeed, Chile and Japan will sign an agreement on May 3, 2023.",
    ],
)
def test_negated_or_hedged_acts_are_not_events(sentence: str) -> None:
    assert not [e for e in _events(INTRO + sentence) if e.type == "agreement"]


def test_a_plan_is_planned() -> None:
    events = _events(INTRO + "Hoshino will visit Santiago in June 2023.")
    visits = [e for e in events if e.type == "visit" and e.date and e.date.edtf == "2023-06"]
    assert visits and all(e.status == "planned" for e in visits)


def test_officials_get_their_country_and_appear_as_actors() -> None:
    processed = extract_facts(_doc(INTRO + "Aránguiz Pell and Hoshino signed an agreement on May 3, 2023."))
    officials = {m["value"]: m for m in processed.mentions if m["kind"] == "person"}
    assert {"Rodrigo Aránguiz Pell", "Kenji Hoshino"} <= set(officials)
    (agreement,) = [e for e in processed.events if e.type == "agreement"]
    assert agreement.participants == ("CHL", "JPN")
    assert {"Rodrigo Aránguiz Pell", "Kenji Hoshino"} <= set(agreement.actors)


@pytest.mark.parametrize(
    ("text", "name", "country", "role"),
    [
        ("Brazil's trade minister Ana Lúcia Prado spoke.", "Ana Lúcia Prado", "BRA", "trade minister"),
        ("Marta Quiroga, Brazil's trade minister, said so.", "Marta Quiroga", "BRA", "trade minister"),
        ("The head of Rosoboronexport, Pavel Sukhov, said so.", "Pavel Sukhov", "RUS", "head"),
        ("Japanese Ambassador Ken Tanaka said so.", "Ken Tanaka", "JPN", "ambassador"),
        # a title the role lexicon knows only in part, its complement listing several words
        (
            "Peru's Minister of Energy and Mines, Rosa Quispe Huamán, said so.",
            "Rosa Quispe Huamán",
            "PER",
            "minister",
        ),
        (
            "Japan's State Minister of Land, Infrastructure and Transport, Aiko Mori, said so.",
            "Aiko Mori",
            "JPN",
            "state minister",
        ),
        # "its" stands for the country named earlier in the sentence, words between
        (
            "Ecuador denied the report, and its army spokesman, Colonel Luis Ortega Vera, called it false.",
            "Luis Ortega Vera",
            "ECU",
            "military",
        ),
        # a body of the country in the possessive between the country and the title
        (
            "The Kenyan foreign ministry's spokesperson, Grace Wanjiru, said so.",
            "Grace Wanjiru",
            "KEN",
            "spokes",
        ),
        # no country with the title: the one country its sentence names
        (
            "In Quito, Finance Minister Pablo Andrade Ruiz presented the budget.",
            "Pablo Andrade Ruiz",
            "ECU",
            "finance minister",
        ),
        # where the sentence is set wins over another country it names, for an official who speaks there
        (
            "In Quito, Finance Minister Pablo Andrade Ruiz said Peru owed money.",
            "Pablo Andrade Ruiz",
            "ECU",
            "finance minister",
        ),
        # a body of the country between it and the title, not in the possessive
        (
            "Peru's Foreign Office spokesperson, Rosa Quispe, said so.",
            "Rosa Quispe",
            "PER",
            "spokes",
        ),
        (
            "India's external affairs ministry spokesperson, Ravi Kumar, said so.",
            "Ravi Kumar",
            "IND",
            "spokes",
        ),
    ],
)
def test_official_introductions(text: str, name: str, country: str, role: str) -> None:
    rows = [m for m in extract_facts(_doc(text)).mentions if m["kind"] == "person" and m["value"] == name]
    assert rows, extract_facts(_doc(text)).mentions
    attrs = json.loads(rows[0]["attrs"])
    assert attrs["iso3"] == country and role in attrs["role"]


def test_every_predicate_row_is_well_formed() -> None:
    k = load_knowledge()
    rows = [p for preds in k.predicates.values() for p in preds]
    assert len(rows) >= 1000
    assert {p.type for p in rows} >= {"dispute", "sanction", "use_of_force", "aid", "meeting", "agreement"}
    assert all(k.code(p.cameo) is not None for p in rows)


def test_the_parser_is_the_pinned_release() -> None:
    nlp = load_parser()
    assert "parser" in nlp.pipe_names and "ner" not in nlp.pipe_names


def test_a_changed_model_is_refused(tmp_path: Path) -> None:
    for name in MODEL_DIGESTS:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(b"not the pinned weights")
    with pytest.raises(ExtractError, match="does not match the pinned"):
        verify_model(tmp_path)


def _corpus_sentences() -> list[str]:
    root = Path(__file__).resolve().parents[1]
    folders = [
        root / "src" / "dyad" / "examples" / "seeds",
        root / "src" / "dyad" / "examples" / "india_china",
        *(root / "tests" / "data").glob("heldout*"),
    ]
    sentences = []
    for folder in folders:
        for path in sorted(folder.glob("*")):
            if path.suffix in (".txt", ".md", ".html") and path.name != "README.md":
                doc = _doc(path.read_text(encoding="utf-8", errors="replace"))
                sentences.extend(s.text for s in doc.sentences)
    return sentences


def test_parse_prefilter_never_hides_a_reading() -> None:
    """A sentence the prefilter skips would yield no reading if it were parsed (checked on every corpus)."""
    from dyad.extract.parse import parse_sentences
    from dyad.extract.predicates import Context, could_hold_predicate, read_sentence

    k = load_knowledge()
    sentences = _corpus_sentences()
    skipped = [s for s in sentences if not could_hold_predicate(s, k)]
    assert len(sentences) > 500 and skipped  # the prefilter does skip sentences
    context = Context(lambda start, end: {"PER", "RUS"}, lambda word: set(), [], [])
    for sentence, parse in zip(skipped, parse_sentences(skipped), strict=True):
        readings = [r for r in read_sentence(parse, k, context) if not r.cameo.startswith("01")]
        assert not readings, (sentence, [r.predicate.lemma for r in readings])


def test_an_envoy_posted_to_a_place_is_of_the_other_side() -> None:
    text = (
        "Chile and Japan signed an agreement. Chile's exports to Japan grew. "
        "A new ambassador, Mariana Torres Leiva, took up her post in Tokyo in May 2023."
    )
    people = {
        m["value"]: json.loads(m["attrs"])
        for m in extract_facts(_doc(text)).mentions
        if m["kind"] == "person"
    }
    assert people["Mariana Torres Leiva"]["iso3"] == "CHL"


def test_an_official_of_a_sentence_with_two_countries_keeps_no_guessed_country() -> None:
    text = "In Quito, Finance Minister Pablo Andrade Ruiz met the Chinese delegation and Peru's envoy."
    people = {
        m["value"]: json.loads(m["attrs"])
        for m in extract_facts(_doc(text)).mentions
        if m["kind"] == "person"
    }
    assert people["Pablo Andrade Ruiz"].get("iso3") is None


def test_officials_introduced_in_pairs_get_their_countries_in_order() -> None:
    text = "The foreign ministers of Armenia and Azerbaijan, Ararat Mirzoyan and Jeyhun Bayramov, met."
    mentions = extract_facts(_doc(text)).mentions
    people = {m["value"]: json.loads(m["attrs"]) for m in mentions if m["kind"] == "person"}
    assert people["Ararat Mirzoyan"]["iso3"] == "ARM" and people["Jeyhun Bayramov"]["iso3"] == "AZE"
    assert people["Ararat Mirzoyan"]["role"] == "foreign minister"


def test_the_unnamed_other_side_is_the_pairs_other_country() -> None:
    """In a document about Chile and Japan, Japan condemning "the decision" is a dispute with Chile; the
    same act with a third country named is not read as one with Chile."""
    alone = _facts(_events(INTRO + "On May 3, 2023, Japan condemned the decision."))
    assert ("dispute", ("CHL", "JPN"), "2023-05-03") in alone
    third = _facts(_events(INTRO + "On May 3, 2023, Japan condemned the decision by Peru."))
    assert ("dispute", ("CHL", "JPN"), "2023-05-03") not in third


@pytest.mark.parametrize(
    "sentence",
    [
        "On May 3, 2023, Japan rejected talks before any withdrawal.",
        "On May 3, 2023, Japan refused to apologise.",
    ],
)
def test_a_rejection_with_no_one_named_is_against_the_pairs_other_side(sentence: str) -> None:
    """A refusal, accusation, protest or threat by one of the pair with no target and no third country in
    the sentence is aimed at the other of the pair; with a third country named it is not."""
    assert ("dispute", ("CHL", "JPN"), "2023-05-03") in _facts(_events(INTRO + sentence))
    third = _facts(_events(INTRO + "On May 3, 2023, Japan rejected talks with Peru."))
    assert ("dispute", ("CHL", "JPN"), "2023-05-03") not in third


def test_the_one_who_offers_is_the_actor_of_the_act_offered() -> None:
    facts = _facts(_events(INTRO + "On May 3, 2023, Boric repeated his offer to hold talks with Japan."))
    assert any(t == "statement" and p == ("CHL", "JPN") and d == "2023-05-03" for t, p, d in facts), facts


@pytest.mark.parametrize(
    "sentence",
    [
        "On May 3, 2023, Boric accepted an invitation to visit Japan.",
        "Boric has accepted an invitation to make a state visit to Japan in 2024.",
    ],
)
def test_an_invitation_accepted_is_a_visit_planned_by_the_one_who_accepts(sentence: str) -> None:
    """The offer is taken up: what was offered is now planned, not merely offered."""
    found = [e for e in _events(INTRO + sentence) if e.source.text.startswith(sentence[:20])]
    assert [(e.type, e.participants, e.status) for e in found] == [("visit", ("CHL", "JPN"), "planned")]
    declined = _events(INTRO + "Boric declined an invitation to visit Japan.")
    assert not [e for e in declined if e.type == "visit" and e.source.text.startswith("Boric")]


def test_a_known_person_is_meant_by_the_surname_later() -> None:
    # the knowledge files list no alias "Khan" for Imran Khan
    text = "Prime Minister Imran Khan spoke on 1 March 2019. Later that day Khan praised India."
    people = [m for m in extract_facts(_doc(text)).mentions if m["kind"] == "person" and m["text"] == "Khan"]
    assert people and all(m["value"] == "Imran Khan" for m in people)


# Common ways of writing each kind of act, one sentence each (written for this test), between the
# document's pair: each is read as that act, between Chile and Japan, on its day.
PHRASINGS = [
    ("meeting", "A new round of talks began in Geneva on May 3, 2023."),  # no one named: the pair's
    ("agreement", "Chile and Japan signed the treaty in 2021; it entered into force on May 3, 2023."),
    (
        "dispute",
        "On May 3, 2023, Chilean jets will bomb Japanese positions.",
    ),  # force announced: a threat
    (
        "dispute",
        "Chile's foreign ministry summoned Japanese Ambassador Ken Tanaka on May 3, 2023 to protest.",
    ),
    ("use_of_force", "On May 3, 2023, Chile annexed the Japanese-held islands."),
    ("use_of_force", "Japan responded on May 3, 2023 with air strikes across Chile."),
    ("use_of_force", "On May 3, 2023, Japan announced a ground operation in northern Chile."),
    ("arms_transfer", "On May 3, 2023, Japan authorised arms exports to Chile worth $80 million."),
    ("agreement", "On May 3, 2023, Chile and Japan agreed a ceasefire."),
    ("agreement", "On May 3, 2023, the two sides agreed to reduce transit fees."),
    ("agreement", "A ceasefire agreed in Lima on May 3, 2023 collapsed within hours."),  # no one named
    ("agreement", "The Japan-Chile EPA was signed on May 3, 2023."),
    ("agreement", "The war ended with a statement signed by Boric and Kishida on May 3, 2023."),
    ("agreement", "A ceasefire between Chile and Japan was agreed on May 3, 2023."),
    ("agreement", "On May 3, 2023, Chile and Japan reached a truce."),
    ("diplomatic_relations", "On May 3, 2023, Chile expelled Japanese Ambassador Ken Tanaka."),
    ("sanction", "On May 3, 2023, Chile halted all trade with Japan."),
    ("use_of_force", "On May 3, 2023, Chilean forces seized a Japanese trawler."),
    ("dispute", "On May 3, 2023, Chile accused Japan of spying."),
    ("diplomatic_relations", "On May 3, 2023, Chile recalled its ambassador from Tokyo."),
    ("sanction", "On May 3, 2023, Chile imposed tariffs on Japanese cars."),
    ("sanction", "On May 3, 2023, provisional duties of 107 per cent were imposed on Chilean wine."),
    ("sanction", "On May 3, 2023, Japan put new duties on Chilean transit goods."),
    ("sanction", "On May 3, 2023, Japan withdrew the transshipment facility for Chilean cargo."),
    ("sanction", "On May 3, 2023, Japanese customs stopped clearing Chilean coal."),
    ("use_of_force", "On May 3, 2023, Chilean police detained two Japanese diplomats."),
    ("meeting", "On May 3, 2023, the Chilean and Japanese foreign ministers held talks in Lima."),
    ("meeting", "On May 3, 2023, Boric spoke by phone with Japanese Prime Minister Fumio Kishida."),
    ("statement", "On May 3, 2023, Japan welcomed Chile's decision."),
    ("statement", "On May 3, 2023, Chile urged Japan to reconsider."),
    ("dispute", "On May 3, 2023, Chile warned Japan against further incursions."),
    ("aid", "On May 3, 2023, Japan sent humanitarian aid to Chile."),
    ("aid", "Japan provided emergency relief goods to Chile on May 3, 2023 after the floods."),
    ("use_of_force", "On May 3, 2023, Japanese forces took the town of Arica."),
    ("use_of_force", "On May 3, 2023, a Japanese offensive broke through and pushed on to the coast."),
    ("sanction", "On May 3, 2023, Japan began confiscating crude passing through its pipelines."),
    ("aid", "On May 3, 2023, Japan pledged $5 million in aid to Chile."),
    ("diplomatic_relations", "On May 3, 2023, Chile and Japan restored diplomatic relations."),
    ("diplomatic_relations", "On May 3, 2023, Chile closed its embassy in Tokyo."),
    ("sanction", "On May 3, 2023, Japan banned imports of Chilean salmon."),
    ("use_of_force", "On May 3, 2023, Japanese warplanes bombed Chilean positions."),
    ("use_of_force", "Clashes broke out between Chilean and Japanese troops on May 3, 2023."),
    ("other", "On May 3, 2023, Chile released the captured Japanese pilot."),
    ("agreement", "On May 3, 2023, Chile and Japan signed a memorandum of understanding on mining."),
    ("visit", "On May 3, 2023, Boric arrived in Tokyo for a state visit."),
    ("agreement", "The Chile-Japan free trade agreement entered into force on May 3, 2023."),
    ("dispute", "On May 3, 2023, Japan condemned Chile's missile test."),
    ("sanction", "On May 3, 2023, Chile froze the assets of Japanese officials."),
    ("dispute", "On May 3, 2023, Chile demanded that Japan withdraw its troops."),
    ("dispute", "On May 3, 2023, Japan lodged a formal protest with Chile."),
    ("statement", "On May 3, 2023, Chile thanked Japan for its support."),
    ("cooperation", "On May 3, 2023, Chile and Japan held joint naval exercises."),
    ("arms_transfer", "On May 3, 2023, Japan delivered two patrol boats to Chile."),
    ("diplomatic_relations", "On May 3, 2023, Japan appointed a new ambassador to Chile."),
    # judgements of the other side's act are criticism
    ("dispute", "On May 3, 2023, Chile called Japan's actions irresponsible and provocative."),
    ("dispute", 'On May 3, 2023, the Chilean minister called the Japanese plan "unacceptable".'),
    ("dispute", "On May 3, 2023, Chile branded the Japanese decision illegal."),
    ("dispute", "On May 3, 2023, Chile described the Japanese move as a provocation."),
    ("dispute", 'On May 3, 2023, Chile said Japan\'s duties were "unjustified".'),
    # a name the parser attaches to the verb as an adverbial is its object
    (
        "dispute",
        "On May 3, 2023, Chile's foreign secretary, Ana Ruiz, summoned Japanese Ambassador Ken Tanaka.",
    ),
    ("sanction", "On May 3, 2023, Chile expelled two Japanese diplomats."),
    ("dispute", "On May 3, 2023, Chile summoned Japan's acting high commissioner."),
    # "responded by firing": the one who responded acts
    ("use_of_force", "On May 3, 2023, Chilean forces responded by firing heavy weapons at Japanese posts."),
    ("use_of_force", "On May 3, 2023, Chile sent fighter jets into Japanese airspace."),  # no arms sale
    ("agreement", "On May 3, 2023, Japan signed an Exchange of Notes with Chile."),
    ("sanction", "On May 3, 2023, Chile pulled out of talks with Japan."),  # CAMEO 16x, as "quit talks"
    ("dispute", "On May 3, 2023, Chile and Japan traded accusations."),
    ("agreement", "The exchange of instruments of ratification between Chile and Japan was on May 3, 2023."),
    ("dispute", "On May 3, 2023, Chile vowed to retake the oilfield from Japan."),  # force vowed: a threat
]


@pytest.mark.parametrize(("kind", "sentence"), PHRASINGS)
def test_common_phrasings_of_each_kind_of_act(kind: str, sentence: str) -> None:
    facts = _facts(_events(INTRO + sentence))
    assert (kind, ("CHL", "JPN"), "2023-05-03") in facts, facts


def test_fires_that_kill_are_no_force_between_the_pair() -> None:
    facts = _facts(_events(INTRO + "On May 3, 2023, the forest fires in Chile killed at least 90 people."))
    assert not [f for f in facts if f[0] == "use_of_force"], facts


def test_a_judgement_of_nothing_foreign_is_no_dispute() -> None:
    facts = _facts(_events(INTRO + "On May 3, 2023, Chile described the situation as dangerous."))
    assert not [f for f in facts if f[0] == "dispute" and f[2] == "2023-05-03"], facts


def test_a_datelines_city_is_no_second_subject() -> None:
    text = "SANTIAGO, May 3 (Reuters) - Chile summoned Japan's acting high commissioner on Wednesday."
    assert ("dispute", ("CHL", "JPN"), "2023-05-03") in _facts(_events(text, "2023-05-03"))


def test_a_date_before_the_verb_is_no_particle() -> None:
    # "On May 3, Chile called ..." is no "call on" (an appeal): the particle follows the verb
    facts = _facts(_events(INTRO + "On May 3, 2023, Chile called Japan's plan unacceptable."))
    assert ("dispute", ("CHL", "JPN"), "2023-05-03") in facts
    assert not [f for f in facts if f[0] == "statement" and f[2] == "2023-05-03"], facts


def test_talks_only_referred_to_are_no_meeting() -> None:
    facts = _facts(_events(INTRO + "On May 3, 2023, people familiar with the talks said little."))
    assert not [f for f in facts if f[0] == "meeting" and f[2] == "2023-05-03"], facts


def test_an_instrument_agreed_between_others_is_not_the_pairs() -> None:
    text = INTRO + "A ceasefire agreed between Israel and Egypt on May 3, 2023 collapsed within hours."
    assert not any(t == "agreement" and p == ("CHL", "JPN") for t, p, _ in _facts(_events(text)))


def test_goods_described_by_a_participle_are_no_trade_act() -> None:
    text = INTRO + "On May 3, 2023, Japan raised the duty on all goods imported from Chile to 200%."
    assert "trade" not in {t for t, _, _ in _facts(_events(text))}


def test_a_year_that_names_which_thing_does_not_date_the_act() -> None:
    """ "the 2016 arrangements" says which arrangements, not when they were ruled out; "the 2016 visit"
    still dates the visit."""
    text = INTRO + "On May 3, 2023, Japan ruled out any return to the 2016 arrangements with Chile."
    assert any(d == "2023-05-03" for t, p, d in _facts(_events(text)) if p == ("CHL", "JPN"))
    visit = INTRO + "Japan's 2016 visit to Chile was remembered fondly."
    assert ("visit", ("CHL", "JPN"), "2016") in _facts(_events(visit))


def test_a_meeting_that_agreed_to_do_something_is_one_meeting() -> None:
    text = INTRO + "On May 3, 2023, Boric met Kishida in Lima and agreed to open a dialogue on tourism."
    kinds = [t for t, p, _ in _facts(_events(text)) if p == ("CHL", "JPN")]
    assert "meeting" in kinds and "agreement" not in kinds


@pytest.mark.parametrize(
    "sentence",
    [
        "On May 3, 2023, Boric flew to Tokyo, and the two sides agreed to lift the ban on salmon imports.",
        "On May 3, 2023, the two sides agreed the route of the new fibre-optic cable.",
        "On May 3, 2023, the two sides agreed on the coordinates of the fishing zone.",
        "Boric and Kishida met in Lima on May 3, 2023 and agreed on a ten-point consensus.",
        "On May 3, 2023, the two sides agreed on the terms of the salmon quota.",
    ],
)
def test_what_the_two_sides_settle_is_an_agreement(sentence: str) -> None:
    kinds = {t for t, p, d in _facts(_events(INTRO + sentence)) if p == ("CHL", "JPN") and d == "2023-05-03"}
    assert "agreement" in kinds


@pytest.mark.parametrize(
    "sentence",
    [
        "On May 3, 2023, the two sides agreed to raise their trade to $15 billion by 2030.",
        "On May 3, 2023, the two sides agreed to double salmon sales by the end of 2026.",
        # the visit's own outcome, told with the visitor as subject
        "On May 3, 2023, Boric flew to Tokyo and agreed to lift the ban on salmon imports.",
        "On May 3, 2023, the two sides agreed on the importance of free trade.",
    ],
)
def test_a_goal_or_a_meeting_outcome_agreed_is_no_agreement(sentence: str) -> None:
    kinds = {t for t, p, _ in _facts(_events(INTRO + sentence)) if p == ("CHL", "JPN")}
    assert "agreement" not in kinds


def test_a_goal_cut_by_a_figure_is_still_a_step_agreed() -> None:
    text = INTRO + "On May 3, 2023, the two sides agreed to cut tariffs on wine by 10 percent."
    assert ("agreement", ("CHL", "JPN"), "2023-05-03") in _facts(_events(text))


def test_agreeing_to_restore_relations_is_no_separate_agreement() -> None:
    text = INTRO + "On May 3, 2023, Chile and Japan agreed to restore diplomatic relations."
    assert "agreement" not in {t for t, p, _ in _facts(_events(text)) if p == ("CHL", "JPN")}


def test_an_offensive_named_for_no_state_is_no_force_between_the_pair() -> None:
    text = INTRO + "On May 3, 2023, a Japanese rebel offensive began in the north."
    assert "use_of_force" not in {t for t, p, _ in _facts(_events(text)) if p == ("CHL", "JPN")}


def test_hauliers_blockading_a_border_are_no_state_force() -> None:
    text = INTRO + "On May 3, 2023, Japanese hauliers blockaded the main border crossings in protest."
    assert "use_of_force" not in {t for t, p, _ in _facts(_events(text)) if p == ("CHL", "JPN")}


def test_a_date_in_a_participle_clause_is_that_clauses() -> None:
    """ "the consultations held in Lima in August 2015" dates those consultations, not the round chaired."""
    text = INTRO + (
        "On May 3, 2023, Boric and Kishida chaired the second round of Chilean-Japanese consultations, "
        "the first since the consultations held in Lima in August 2015."
    )
    meetings = {d for t, p, d in _facts(_events(text)) if t == "meeting" and p == ("CHL", "JPN")}
    assert "2023-05-03" in meetings and "2015-08" not in meetings


def test_an_opposition_leaders_condemnation_is_no_states_act() -> None:
    text = INTRO + "On May 3, 2023, opposition leaders in Japan condemned the decision."
    assert "dispute" not in {t for t, p, _ in _facts(_events(text)) if p == ("CHL", "JPN")}


def test_a_company_that_invests_still_invests() -> None:
    text = INTRO + "On May 3, 2023, the Japanese company Mitsui invested in a Chilean copper mine."
    assert "investment" in {t for t, p, _ in _facts(_events(text)) if p == ("CHL", "JPN")}


def test_a_double_surname_is_later_shortened_to_the_first() -> None:
    text = (
        "SANTIAGO, May 2 (Reuters) - Chile's trade minister Rodrigo Aránguiz Pell arrived in Tokyo on "
        "Monday, May 1, 2023. On May 3, 2023, Aránguiz met Kishida."
    )
    assert ("meeting", ("CHL", "JPN"), "2023-05-03") in _facts(_events(text))


def _pair_facts(sentence: str) -> set[tuple[str, str | None]]:
    return {(t, d) for t, p, d in _facts(_events(INTRO + sentence)) if p == ("CHL", "JPN")}


def test_calling_on_a_leader_is_a_meeting_and_calling_on_one_to_act_an_appeal() -> None:
    assert ("meeting", "2023-05-03") in _pair_facts(
        "On May 3, 2023, Hoshino called on President Gabriel Boric."
    )
    appeal = _pair_facts("On May 3, 2023, Hoshino called on the Chilean president to lift the ban.")
    assert ("statement", "2023-05-03") in appeal and ("meeting", "2023-05-03") not in appeal


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("On May 3, 2023, Hoshino announced a grant of 500 million yen for Chile.", "aid"),
        ("Japan stopped issuing visas to Chileans on May 3, 2023.", "sanction"),
        ("On May 3, 2023, Japan halted joint patrols with the Chilean navy.", "sanction"),
        ("On May 3, 2023, Chile temporarily shut its high commission in Tokyo.", "diplomatic_relations"),
        ("On May 3, 2023, the Chilean minister said Japan's claim was untenable.", "dispute"),
        (
            "Japanese Ambassador Ken Tanaka was recalled to Tokyo for consultations on May 3, 2023.",
            "diplomatic_relations",
        ),
    ],
)
def test_more_phrasings_of_each_kind_of_act(sentence: str, kind: str) -> None:
    assert (kind, "2023-05-03") in _pair_facts(sentence)


def test_suspended_joint_exercises_are_a_sanction_not_exercises_held() -> None:
    found = _pair_facts("Japan suspended joint naval exercises with Chile on May 3, 2023.")
    assert ("sanction", "2023-05-03") in found
    assert not {t for t, _ in found} & {"cooperation", "other"}


@pytest.mark.parametrize(
    "sentence",
    [
        "Chile could expel Japanese diplomats, the minister warned on May 3, 2023.",
        "Japan may impose sanctions on Chile, Hoshino said on May 3, 2023.",
    ],
)
def test_a_coercive_act_a_side_says_it_may_take_is_a_threat_dated_when_said(sentence: str) -> None:
    events = [e for e in _events(INTRO + sentence) if e.source.text.startswith(sentence[:20])]
    assert {(e.type, e.plover, e.date.edtf if e.date else None) for e in events} == {
        ("dispute", "THREATEN", "2023-05-03")
    }


def test_what_onlookers_say_a_side_may_do_is_no_event() -> None:
    """The object of a hedged verb is as hedged as the verb: no sanction from "sanctions" either."""
    sentence = "Japan may impose sanctions on Chile, analysts said on May 3, 2023."
    assert not [e for e in _events(INTRO + sentence) if e.source.text.startswith(sentence[:20])]


def test_a_statement_is_dated_by_the_date_it_was_made() -> None:
    text = "Chile's foreign minister said on May 3, 2023 that Japan's decision was unacceptable."
    assert ("dispute", "2023-05-03") in _pair_facts(text)


@pytest.mark.parametrize(
    "sentence",
    [
        "On May 3, 2023, Hoshino said: We are not planning to break off diplomatic relations with Chile.",
        "On May 3, 2023, Japan said it had no plans to expel Chilean diplomats.",
    ],
)
def test_a_plan_denied_is_no_act(sentence: str) -> None:
    assert not [e for e in _events(INTRO + sentence) if e.source.text.startswith(sentence[:20])]


def test_a_side_that_will_not_deal_with_the_other_refuses() -> None:
    refusal = (
        "On May 3, 2023, Hoshino said Japan will not negotiate with the aggressor while Chilean troops stay."
    )
    assert ("dispute", "2023-05-03") in _pair_facts(refusal)
    reassurance = "On May 3, 2023, Hoshino said Japan would not join any alliance aimed at a third country."
    assert not [e for e in _events(INTRO + reassurance) if e.source.text.startswith(reassurance[:20])]


@pytest.mark.parametrize(
    "sentence",
    [
        "On May 3, 2023, Hoshino said Japan would not grant overflight rights to the Chilean aircraft.",
        "On May 3, 2023, Japan did not allow Chilean inspectors into the port.",
    ],
)
def test_a_concession_a_side_will_not_make_is_a_refusal(sentence: str) -> None:
    assert ("dispute", "2023-05-03") in _pair_facts(sentence)
    # with no side named as the one withholding it, nothing is refused by anyone
    passive = "On May 3, 2023, no Chilean inspectors were allowed into the Japanese port."
    assert ("dispute", "2023-05-03") not in _pair_facts(passive)


def test_a_counterclaim_or_a_condition_is_a_dispute() -> None:
    assert ("dispute", "2023-05-03") in _pair_facts(
        "On May 3, 2023, Japan submitted its counter-memorial to the court in its case against Chile."
    )
    assert ("dispute", "2023-05-03") in _pair_facts(
        "On May 3, 2023, Japan set preconditions for talks with Chile."
    )
    # a memorial unveiled is a monument, no pleading
    assert ("dispute", "2023-05-03") not in _pair_facts(
        "On May 3, 2023, Japan unveiled a memorial to Chilean sailors."
    )


def test_a_trailing_participle_acts_for_the_clauses_subject() -> None:
    text = "On May 3, 2023, Boric ordered the pipeline closed, accusing Tokyo of supporting the rebels."
    assert ("dispute", "2023-05-03") in _pair_facts(text)


def test_calling_something_a_threat_is_criticism() -> None:
    assert ("dispute", "2023-05-03") in _pair_facts(
        "On May 3, 2023, Hoshino called the Chilean dam an existential threat."
    )


def test_a_press_conference_of_one_side_is_no_meeting() -> None:
    one_side = "On May 3, 2023, Japanese spokesperson Kenji Ito hosted a regular press conference."
    assert "meeting" not in {t for t, _ in _pair_facts(one_side)}
    both = "On May 3, 2023, Hoshino and Aránguiz held a joint press conference in Tokyo."
    assert ("meeting", "2023-05-03") in _pair_facts(both)


@pytest.mark.parametrize(
    ("sentence", "status"),
    [
        ("The next round of Chilean-Japanese consultations will take place in Santiago in 2024.", "planned"),
        (
            "The second round of Chilean-Japanese consultations took place in Santiago in March 2023.",
            "occurred",
        ),
        ("A meeting of the two coast guard chiefs is scheduled for February 2024 in Tokyo.", "planned"),
        ("A meeting of the two coast guard chiefs was held in Tokyo in February 2023.", "occurred"),
    ],
)
def test_a_meeting_to_take_place_is_planned(sentence: str, status: str) -> None:
    meetings = [
        e
        for e in _events(INTRO + sentence)
        if e.type == "meeting" and e.source.text.startswith(sentence[:20])
    ]
    assert meetings and {e.status for e in meetings} == {status}


def test_a_participle_after_a_clause_with_its_own_subject_acts_for_that_subject() -> None:
    text = (
        "On May 3, 2023, the two governments agreed to talk and Chile withdrew its bid, backing Tokyo's bid."
    )
    assert ("statement", "2023-05-03") in _pair_facts(text)


def test_one_sides_envoy_detained_by_no_one_named_is_force_between_the_pair() -> None:
    assert ("use_of_force", "2023-05-03") in _pair_facts(
        "On May 3, 2023, Chilean Ambassador Rosa Vidal was briefly detained in Tokyo."
    )
    killed = (
        "On May 3, 2023, two Chilean soldiers were killed near the border."  # by whom, the text does not say
    )
    assert "use_of_force" not in {t for t, _ in _pair_facts(killed)}


def test_one_sides_statement_is_no_agreement_and_a_joint_one_is() -> None:
    one = "On May 3, 2023, Chile's foreign ministry issued a statement saying the road was built on its land."
    assert "agreement" not in {t for t, _ in _pair_facts(one)}
    joint = "On May 3, 2023, Boric and Kishida issued a joint statement on ocean cooperation."
    assert ("agreement", "2023-05-03") in _pair_facts(joint)


# Sixth round: parts and stages of what is acted on, go-betweens and venues, judgements in a clause,
# raised subjects, incursions and ceremonies abroad.
SIXTH_ROUND = [
    # a part or a stage stands for what it is of
    (
        "On 18 September 2023 Chile closed seven of its eight road crossings with Japan.",
        "sanction",
        "2023-09-18",
    ),
    (
        "In April 2023 Chile blocked the opening of Chapter 23 in Japan's EU accession talks.",
        "dispute",
        "2023-04",
    ),
    # a judgement in a clause: "amounted to", "was a hostile act", "an act of hostility"
    (
        "On 3 May 2023 Japan said the move amounted to a blatant interference in Chile's affairs.",
        "dispute",
        "2023-05-03",
    ),
    ("On 3 May 2023 Boric said Japan's decision was a hostile act.", "dispute", "2023-05-03"),
    ('"This is an act of hostility," Hoshino said of Chile on 3 May 2023.', "dispute", "2023-05-03"),
    ("On 3 May 2023 Boric called the Japanese “Nazi remnants.”", "dispute", "2023-05-03"),
    # a passive's subject does the act of its complement
    (
        "Chilean and Japanese security officials are scheduled to meet in Osaka on 9 May 2023.",
        "meeting",
        "2023-05-09",
    ),
    # aircraft in the other side's airspace; a ceremony of the other side attended
    ("On 3 May 2023 a Chilean Air Force jet crossed into Japanese airspace.", "use_of_force", "2023-05-03"),
    ("On 3 May 2023 Boric attended Kishida's inauguration for a third term.", "visit", "2023-05-03"),
    # a modifier says what kind of note was sent; "it" is the one who announces
    ("Chile sent a sharply worded protest note to Japan on 3 May 2023.", "dispute", "2023-05-03"),
    # documents signed during a visit are instruments of the pair, however many and whoever signed them
    ("In connection with the visit, 80 documents were signed on 3 May 2023.", "agreement", "2023-05-03"),
    ("On 3 May 2023 Boric was already on his way to Tokyo, officials said.", "visit", "2023-05-03"),
    (
        "On 3 May 2023 Chile announced it was pulling out of talks with Japan over the war in Ukraine.",
        "sanction",
        "2023-05-03",
    ),
]


@pytest.mark.parametrize(("sentence", "etype", "date"), SIXTH_ROUND)
def test_sixth_round_readings(sentence: str, etype: str, date: str) -> None:
    assert (etype, ("CHL", "JPN"), date) in _facts(_events(INTRO + sentence))


@pytest.mark.parametrize(
    "sentence",
    [
        "In April 2023 Chile blocked the opening of a new bakery in Japan.",  # a stage of nothing listed
        # "one of the oldest …" describes; it names no act on the relationship
        "On 3 May 2023 the war froze one of the oldest bilateral relationships, between Chile and Japan.",
        "On 3 May 2023 Japan said the move amounted to a small change in Chile's policy.",  # no judgement
        "On 3 May 2023 Chilean refugees crossed into Japanese territory.",  # people, not aircraft
        "On 3 May 2023 Boric attended the funeral of a Chilean poet.",  # a ceremony at home
        "On 3 May 2023 Chile said the hostility of its press to Japan had faded.",  # enmity is no fighting
        "On 3 May 2023 JEM fighters attacked Osaka, across the river from Tokyo.",  # a group's fighters
        "On 3 May 2023 the quarrel between Chile and Japan escalated into a trade war.",  # no fighting
        "On 3 May 2023 Chile and Japan began a war of words over fishing.",
        "On 3 May 2023 the leaked documents on Japan were published in Chile.",  # no signing
        "On 3 May 2023 Chilean voters headed to the polls, watched by Japanese observers.",  # no place
        # the act nearest the trigger is on a third country
        "On 3 May 2023 Japan and Chile discussed sanctions imposed over the invasion of Ukraine.",
    ],
)
def test_sixth_round_negatives(sentence: str) -> None:
    read = [e for e in _events(INTRO + sentence) if e.date and e.date.edtf in ("2023-04", "2023-05-03")]
    assert not read, read


def test_a_go_between_and_a_venue_are_no_parties() -> None:
    """A brokered accord names its broker and its place of signing: neither is a party to it."""
    text = INTRO + "Further accords followed: the Qatar-brokered agreement signed in Doha on 3 May 2023"
    text += " and the Lima Agreement of 9 May 2023, each collapsing within weeks."
    facts = _facts(_events(text))
    assert ("agreement", ("CHL", "JPN"), "2023-05-03") in facts
    assert not [f for f in facts if {"QAT", "PER"} & set(f[1])], facts


@pytest.mark.parametrize(
    "sentence",
    [
        "On 3 May 2023 Chile banned Japanese goods and Japan banned Chilean cars.",
        # the parser hangs "Japan" on the first object; "ones" are what the first side expelled
        "On 3 May 2023 Chile expelled two Japanese diplomats and Japan expelled three Chilean ones.",
    ],
)
def test_one_sentence_with_each_side_acting_gives_two_acts(sentence: str) -> None:
    """Tit-for-tat in one sentence: each side's ban is an act of its own (one event per type and date in a
    sentence otherwise)."""
    events = _events(INTRO + sentence)
    bans = [e for e in events if e.type == "sanction" and e.date and e.date.edtf == "2023-05-03"]
    assert sorted(e.initiator or "" for e in bans) == ["CHL", "JPN"]


@pytest.mark.parametrize(
    "sentence",
    [
        "On 3 May 2023 Chile's foreign ministry summoned the head of Japan's diplomatic mission.",
        "On 3 May 2023 Chile summoned the chief of the Japanese embassy to protest.",
        # a participle on the instrument happened even when the instrument's later fate is negated
        "A 2023 fisheries treaty, signed in Tokyo on 3 May 2023 by the two ministers, was never ratified.",
        # instruments counted in the plural, with no side named, are the pair's
        "Eight agreements were signed on 3 May 2023, including one on sentenced persons.",
        # an ambassador back at the post is a relations step
        "The Chilean ambassador returned to Tokyo on 3 May 2023 after a year's absence.",
        "Boric called the seizure part of a pattern of Japanese hybrid pressure on 3 May 2023.",
        # "on" hangs from the date, not from the verb: a judgement, not an appeal ("called on")
        "Santiago called Japan's measure protectionist on 3 May 2023.",
        # the judging word may qualify the small clause's noun ("called the raid a terrorist act")
        'On 3 May 2023 Chile\'s foreign ministry called the raid "a terrorist act".',
        # a quote judging the other side's own acts accuses it
        '"Japan has never stopped its hostile actions against Chile," Boric said on 3 May 2023.',
    ],
)
def test_seventh_round_positives(sentence: str) -> None:
    read = [e for e in _events(INTRO + sentence) if e.date and e.date.edtf == "2023-05-03"]
    assert [(e.type, e.participants) for e in read] in (
        [("dispute", ("CHL", "JPN"))],
        [("agreement", ("CHL", "JPN"))],
        [("diplomatic_relations", ("CHL", "JPN"))],
    ), read


@pytest.mark.parametrize(
    "sentence",
    [
        # calling home one's own envoy is a recall, not a protest
        "On 3 May 2023 Chile summoned its ambassador in Tokyo for consultations.",
        # one who speaks to no one named makes a speech, not a call
        "Speaking at a rally in Tokyo on 3 May 2023, Boric said Japan had let Chile down.",
        # allies against a third are not the two sides of a fight
        "On 3 May 2023 Chile and Japan fought as allies against Peru.",
        "On 3 May 2023 Chilean and Japanese troops fought together against rebels.",
        # a judging word on an act no one owns accuses no one
        "Boric said on 3 May 2023 that Chile and Japan had discussed illegal fishing.",
    ],
)
def test_seventh_round_negatives(sentence: str) -> None:
    read = [
        e
        for e in _events(INTRO + sentence)
        if e.date and e.date.edtf == "2023-05-03" and e.type in ("dispute", "meeting", "use_of_force")
    ]
    assert not read, read


def test_a_conversation_and_a_fight_between_the_two_still_read() -> None:
    """The negatives above keep their positive twins."""
    for sentence, kind in (
        ("On 3 May 2023 Boric spoke with Hoshino by phone.", "meeting"),
        ("On 3 May 2023 Chile summoned Japan's ambassador.", "dispute"),
        ("On 3 May 2023 Chile and Japan fought against each other.", "use_of_force"),
    ):
        facts = _facts(_events(INTRO + sentence))
        assert (kind, ("CHL", "JPN"), "2023-05-03") in facts, (sentence, facts)


def test_an_ambassador_back_at_talks_is_no_relations_step() -> None:
    events = _events(INTRO + "The Chilean ambassador returned to talks with the ministry on 3 May 2023.")
    assert not [e for e in events if e.type == "diplomatic_relations"]


_NEIGHBOURS = (
    "KABUL, Jan 6 (Reuters) - Afghanistan and Pakistan exchanged fire on Thursday. "
    "Afghanistan blamed Pakistan. "
)


def test_a_border_closed_with_no_one_named_is_the_pairs_sanction() -> None:
    """In a document about two neighbours, "the border was closed" is their border closed; not a border
    with a third country."""
    closed = _facts(_events(_NEIGHBOURS + "The main border crossing was closed on 6 January 2023."))
    assert ("sanction", ("AFG", "PAK"), "2023-01-06") in closed
    third = _facts(_events(_NEIGHBOURS + "The border with Iran was closed on 6 January 2023."))
    assert not [f for f in third if f[0] == "sanction"], third


def test_a_side_named_by_the_body_that_acts_for_it_makes_the_pair() -> None:
    """The Taliban stand for Afghanistan: a story that names Afghanistan once and the Taliban often is still
    about Afghanistan and Pakistan, and its unnamed border is theirs."""
    text = (
        "Taliban and Pakistani forces clashed at the border on Thursday. Pakistan blamed the Taliban, and an "
        "Afghan citizen was killed. The Taliban said nothing. The border was closed on 6 January 2023."
    )
    assert ("sanction", ("AFG", "PAK"), "2023-01-06") in _facts(_events(text))


@pytest.mark.parametrize(
    "text",
    [
        "On 3 May 2023 Chile expelled two Japanese diplomats. Japan responded in kind on 5 May 2023.",
        "On 5 May 2023 Chile expelled two Japanese diplomats, and Japan responded in kind.",
        "On 3 May 2023 Chile expelled two Japanese diplomats. On 5 May 2023 Tokyo took reciprocal measures.",
    ],
)
def test_an_answer_in_kind_is_the_act_answered_done_back(text: str) -> None:
    """ "Japan responded in kind": the other side's last act, done by this side, dated by its own sentence."""
    expulsions = [e for e in _events(INTRO + text) if e.type == "sanction"]
    assert sorted(e.initiator or "" for e in expulsions) == ["CHL", "JPN"]
    answer = next(e for e in expulsions if e.initiator == "JPN")
    assert answer.participants == ("CHL", "JPN") and answer.date and answer.date.edtf == "2023-05-05"
    praised = _events(INTRO + "On 3 May 2023 Chile praised Japan. Japan responded in kind on 5 May 2023.")
    assert not [e for e in praised if e.date and e.date.edtf == "2023-05-05"]


def test_a_habit_is_no_act_of_a_day() -> None:
    """ "Has repeatedly criticised", "over the past years … have supported each other": a habit over a
    stretch of time, not an act dated to the story's day; the same words with a day of their own are that
    day's act."""
    for sentence in (
        "In recent years, Japan has repeatedly criticised Chile.",
        "Over the past years, the two sides have firmly supported each other on their core interests.",
    ):
        assert not [e for e in _events(INTRO + sentence) if e.source.text.startswith(sentence[:12])], sentence
    dated = _facts(
        _events(INTRO + "Japan again criticised Chile on 3 May 2023, repeatedly calling the plan unfair.")
    )
    assert ("dispute", ("CHL", "JPN"), "2023-05-03") in dated


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        # the ambassador summoned is the host's guest; one's own summoned home is a recall
        ("On 3 May 2023 Chile summoned the ambassador.", "dispute"),
        ("On 3 May 2023 Chile summoned its ambassador in Tokyo home.", "diplomatic_relations"),
    ],
)
def test_who_is_summoned_says_protest_or_recall(sentence: str, kind: str) -> None:
    read = {f[0] for f in _facts(_events(INTRO + sentence)) if f[2] == "2023-05-03"}
    assert read == {kind}, read


def _mended(sentence: str) -> dict[str, tuple[str, str, str]]:
    knowledge = load_knowledge()
    sdoc = load_parser()(sentence)
    mend_verbs_read_as_nouns(sdoc, lambda lemma: (lemma, "verb") in knowledge.predicates)
    return {t.text: (t.pos_, t.dep_, t.head.text) for t in sdoc}


def test_a_present_tense_verb_read_as_a_plural_noun_is_mended() -> None:
    # Chronologies tell in the historic present; the small tagger reads "summons" as a noun
    words = _mended("The Italian foreign ministry summons the Egyptian ambassador.")
    assert words["summons"][0] == "VERB"
    assert words["ministry"][1:] == ("nsubj", "summons")
    assert words["ambassador"][1:] == ("dobj", "summons")
    # a chronology line: the verb hangs on the date that opens it
    words = _mended("3 June 2012 – The Polish foreign ministry protests and calls the arrests unlawful.")
    assert words["protests"][0] == "VERB" and words["ministry"][1] == "nsubj"


@pytest.mark.parametrize(
    "heading",
    [
        "Border clashes.",
        "Border clashes near Tacna.",
        "Chilean wine exports to Japan.",
        "Trade talks in Tokyo.",
    ],
)
def test_a_noun_phrase_heading_is_not_mended(heading: str) -> None:
    assert not [w for w, (pos, _dep, _head) in _mended(heading).items() if pos == "VERB"]


def test_a_chronology_in_the_historic_present_gives_its_acts() -> None:
    text = (
        INTRO + "\n\n4 May 2023 – The Japanese foreign ministry summons the Chilean ambassador.\n\n"
        "5 May 2023 – The Chilean foreign ministry protests and calls the summons unjustified.\n"
    )
    facts = _facts(_events(text))
    assert ("dispute", ("CHL", "JPN"), "2023-05-04") in facts
    assert ("dispute", ("CHL", "JPN"), "2023-05-05") in facts


@pytest.mark.parametrize(
    "sentence",
    [
        "On 4 May 2023 both foreign ministries announced that the text of the treaty had been agreed.",
        "The two sides agreed the terms of a fisheries treaty on 4 May 2023.",
    ],
)
def test_the_text_of_an_instrument_agreed_is_the_instrument_agreed(sentence: str) -> None:
    assert ("agreement", ("CHL", "JPN"), "2023-05-04") in _facts(_events(INTRO + sentence))


def test_the_text_of_an_instrument_published_is_no_agreement() -> None:
    text = INTRO + "The text of the treaty was published on 4 May 2023."
    assert not [e for e in _events(text) if e.type == "agreement"]


def test_delegates_of_a_pair_meeting_are_the_pairs() -> None:
    # in a story about Chile and Japan, unnamed delegations meeting are the two sides' ...
    facts = _facts(_events(INTRO + "Delegations met again in Osaka on 4 May 2023."))
    assert ("meeting", ("CHL", "JPN"), "2023-05-04") in facts
    # ... but not when a body names them for someone else
    facts = _facts(_events(INTRO + "EU delegations met in Osaka on 4 May 2023."))
    assert ("meeting", ("CHL", "JPN"), "2023-05-04") not in facts


@pytest.mark.parametrize(
    "sentence",
    [
        "On 4 May 2023 the UN Security Council urged Chile and Japan to resume talks.",
        "On 4 May 2023 the OAS Permanent Council adopted a resolution calling on both states to withdraw.",
    ],
)
def test_a_third_partys_appeal_to_both_is_not_their_act(sentence: str) -> None:
    assert not [e for e in _events(INTRO + sentence) if e.date and e.date.edtf == "2023-05-04"]


def test_one_sides_appeal_to_the_other_stays() -> None:
    facts = _facts(_events(INTRO + "On 4 May 2023 Chile urged Japan to resume talks."))
    assert ("statement", ("CHL", "JPN"), "2023-05-04") in facts


@pytest.mark.parametrize(
    ("sentence", "pair"),
    [
        (
            "On May 3, 2023, Japan dispatched tents and medical supplies on two special flights.",
            ("CHL", "JPN"),
        ),
        (
            "On May 3, 2023, Japan sent a rescue team of 40 people, who worked in the ruins of Talca.",
            ("CHL", "JPN"),
        ),
        # the sentence names another country: the help is its
        ("On May 3, 2023, Japan sent a rescue team of 40 people to Ecuador.", ("ECU", "JPN")),
    ],
)
def test_relief_sent_to_no_one_named_goes_to_the_other_side(sentence: str, pair: tuple[str, str]) -> None:
    assert ("aid", pair, "2023-05-03") in _facts(_events(INTRO + sentence))


def test_money_lent_to_no_one_named_is_no_aid_between_the_pair() -> None:
    text = INTRO + "On May 3, 2023, Japan's state bank lent $300 million for the new port."
    assert "aid" not in {t for t, p, _ in _facts(_events(text)) if p == ("CHL", "JPN")}


@pytest.mark.parametrize(
    "sentence",
    [
        "On May 3, 2023, Japan signed a fisheries agreement with Peru, Chile's neighbour.",
        "On May 3, 2023, after talks in Santiago, Tokyo signed a memorandum with Korea on ports.",
    ],
)
def test_an_instrument_signed_with_a_third_country_is_not_the_pairs(sentence: str) -> None:
    assert "agreement" not in {t for t, p, _ in _facts(_events(INTRO + sentence)) if p == ("CHL", "JPN")}


@pytest.mark.parametrize(
    "sentence",
    [
        "On May 3, 2023, Boric signed a fisheries agreement with Japan.",
        "On May 3, 2023, Boric and Kishida signed a declaration with the UN chief as witness.",
        "On May 3, 2023, Boric and Kishida signed the treaty in Lima, with Lula looking on.",
    ],
)
def test_an_instrument_signed_by_the_pair_before_others_is_theirs(sentence: str) -> None:
    assert ("agreement", ("CHL", "JPN"), "2023-05-03") in _facts(_events(INTRO + sentence))


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        (
            "On May 3, 2023, UN Secretary-General António Guterres spoke to Boric and Kishida by phone.",
            "meeting",
        ),
        ("On May 3, 2023, UN Secretary-General António Guterres travelled to both capitals.", "visit"),
    ],
)
def test_a_third_party_who_talks_to_both_sides_is_no_meeting_of_theirs(sentence: str, kind: str) -> None:
    assert (kind, ("CHL", "JPN"), "2023-05-03") not in _facts(_events(INTRO + sentence))


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        (
            "On May 3, 2023, UN Secretary-General António Guterres hosted the two leaders in Geneva.",
            "meeting",
        ),
        ("On May 3, 2023, the two foreign ministers spoke by telephone.", "meeting"),
    ],
)
def test_a_third_party_who_brings_both_sides_together_leaves_their_meeting(sentence: str, kind: str) -> None:
    assert (kind, ("CHL", "JPN"), "2023-05-03") in _facts(_events(INTRO + sentence))


@pytest.mark.parametrize(
    "sentence",
    [
        "About two million Japanese tourists visited Chile on May 3, 2023.",
        "On May 3, 2023 the family of the jailed senator flew to Tokyo on a Japanese plane.",
    ],
)
def test_a_trip_by_tourists_or_a_family_is_no_visit(sentence: str) -> None:
    assert ("visit", ("CHL", "JPN"), "2023-05-03") not in _facts(_events(INTRO + sentence))


def test_a_trip_by_a_president_is_a_visit() -> None:
    text = INTRO + "On May 3, 2023 the Chilean president flew to Tokyo."
    assert ("visit", ("CHL", "JPN"), "2023-05-03") in _facts(_events(text))


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        ("On May 3, 2023, the two defence ministers agreed a timetable in Lima.", True),
        ("On May 3, 2023, the two trade ministers agreed the terms in Lima.", True),
        # a title with no number names no pair: these may be any two countries' ministers
        ("On May 3, 2023, defence ministers agreed a timetable in Lima.", False),
    ],
)
def test_the_pairs_ministers_by_their_portfolio(sentence: str, found: bool) -> None:
    assert (("agreement", ("CHL", "JPN"), "2023-05-03") in _facts(_events(INTRO + sentence))) is found


@pytest.mark.parametrize(
    ("sentence", "kind", "found"),
    [
        ("Delegations met twice in Peru between May 3, 2023 and May 5, 2023.", "meeting", True),
        (
            "On May 3, 2023, meeting again in Lima, the envoys agreed to open the port to cargo.",
            "agreement",
            True,
        ),
        # a third country that acts is a party, not a venue
        ("On May 3, 2023, delegations met with Peru to discuss the port.", "meeting", False),
    ],
)
def test_delegates_meet_or_agree_for_the_pair_in_a_third_country(
    sentence: str, kind: str, found: bool
) -> None:
    kinds = {t for t, p, _ in _facts(_events(INTRO + sentence)) if p == ("CHL", "JPN")}
    assert (kind in kinds) is found


# -- round 9 (i9con6): conflict and statements read right ------------------------------------------------


def _on_day(text: str, day: str = "2023-05-04") -> set[tuple[str, tuple[str, ...], str | None]]:
    return {f for f in _facts(_events(INTRO + text, "2023-05-06")) if f[2] == day}


def test_another_clauses_postponement_does_not_call_off_the_act() -> None:
    text = 'On 4 May 2023 Hoshino called the trip "a provocation" and Japan postponed the working group.'
    assert ("dispute", ("CHL", "JPN"), "2023-05-04") in _on_day(text)
    # the act's own fate still calls it off
    text = "A visit by Hoshino to Santiago, first planned for 4 May 2023, was postponed."
    assert not [f for f in _on_day(text) if f[0] == "visit"]


@pytest.mark.parametrize(
    "text",
    [
        '"We do not rule out closing the border crossings," Hoshino said on 4 May 2023.',
        "Hoshino said on 4 May 2023, and I repeat it, that Japan may close all crossings with Chile.",
    ],
)
def test_a_quoted_we_is_the_speakers_side(text: str) -> None:
    assert ("dispute", ("CHL", "JPN"), "2023-05-04") in _on_day(text)


def test_a_quoted_we_of_no_side_makes_no_threat() -> None:
    text = '"We do not rule out closing the border crossings," a spokesman said on 4 May 2023.'
    assert not _on_day(text)


def test_we_acting_on_one_side_is_the_other_side() -> None:
    text = "On 4 May 2023 we delivered a note of protest to the Ambassador of Japan, Mr Ito."
    assert ("dispute", ("CHL", "JPN"), "2023-05-04") in _on_day(text)
    # a speaker of a third country is the "we"
    text = "On 4 May 2023 we delivered a note of protest to the Ambassador of Japan, the US envoy said."
    assert ("dispute", ("CHL", "JPN"), "2023-05-04") not in _on_day(text)


def test_calling_a_claim_untrue_is_criticism() -> None:
    text = 'On 4 May 2023 Japan called the claim "absolutely untrue".'
    assert ("dispute", ("CHL", "JPN"), "2023-05-04") in _on_day(text)


def test_an_envoy_called_back_is_recalled_not_a_call_for_talks() -> None:
    facts = _on_day("On 4 May 2023 Japan's ambassador was called back to Tokyo for consultations.")
    assert ("diplomatic_relations", ("CHL", "JPN"), "2023-05-04") in facts
    assert not [f for f in facts if f[0] == "statement"]
    # a call for consultations is still one
    facts = _on_day("On 4 May 2023 Chile called for consultations with Japan.")
    assert ("statement", ("CHL", "JPN"), "2023-05-04") in facts


def test_a_clause_after_a_semicolon_does_not_govern_the_one_before() -> None:
    text = 'On 4 May 2023 Japan restricted imports of Chilean wine; Chile called the measure "protectionist".'
    kinds = {f[0] for f in _on_day(text)}
    assert {"sanction", "dispute"} <= kinds and "statement" not in kinds


def test_an_act_judged_is_not_asked_for() -> None:
    facts = _on_day('On 4 May 2023 Chile called the visit to Japan "a provocation".')
    assert ("dispute", ("CHL", "JPN"), "2023-05-04") in facts
    assert not [f for f in facts if f[0] == "statement"]


@pytest.mark.parametrize(
    "text",
    [
        "On 4 May 2023 Chile took Japan's wine duties to the WTO.",
        '"If Japan does not lift the duties, we will take the case to the WTO," Aránguiz Pell said on 4 May'
        " 2023.",
    ],
)
def test_a_case_taken_to_court_and_its_threat_are_disputes(text: str) -> None:
    assert ("dispute", ("CHL", "JPN"), "2023-05-04") in _on_day(text)


def test_an_onlookers_conditional_is_no_threat() -> None:
    text = (
        "If Japan does not lift the duties, Chile will take the case to the WTO, analysts said on 4 May 2023."
    )
    assert not _on_day(text)


def test_a_third_country_in_another_clause_leaves_a_subordinate_acts_target_implied() -> None:
    text = "Only after Japanese forces took the island on 4 May 2023 did the United States broker a truce."
    assert ("use_of_force", ("CHL", "JPN"), "2023-05-04") in _on_day(text)
    # in the main clause the third country may be the one acted on
    text = "On 4 May 2023 Japanese forces took the island after the United States had left it."
    assert ("use_of_force", ("CHL", "JPN"), "2023-05-04") not in _on_day(text)


@pytest.mark.parametrize(
    "text",
    [
        "On 4 May 2023 Chile accused a Japanese warplane of shooting down a Chilean jet.",
        "On 4 May 2023 Chile complained that the Japanese coastguard was detaining Chilean fishermen.",
    ],
)
def test_an_act_one_side_accuses_the_other_of_is_the_accusation_only(text: str) -> None:
    kinds = {f[0] for f in _on_day(text)}
    assert "dispute" in kinds and "use_of_force" not in kinds


def test_an_act_reported_as_done_is_still_read() -> None:
    text = "On 4 May 2023 Chile said a Japanese patrol boat had attacked a Chilean trawler."
    assert ("use_of_force", ("CHL", "JPN"), "2023-05-04") in _on_day(text)


def test_the_pair_speaking_of_a_thirds_war_is_no_fight_of_theirs() -> None:
    text = "On 4 May 2023 both sides expressed deep concern about the war against Ukraine."
    assert not [f for f in _on_day(text) if f[0] == "use_of_force"]
    # their own war still is
    text = "On 4 May 2023 Japan declared war against Chile."
    assert ("use_of_force", ("CHL", "JPN"), "2023-05-04") in _on_day(text)


@pytest.mark.parametrize(
    "text",
    [
        "On 4 May 2023 heavy fighting broke out around the disputed island.",
        "On 4 May 2023 troops clashed again on the disputed island.",
    ],
)
def test_fighting_told_with_no_side_named_is_the_pairs(text: str) -> None:
    assert ("use_of_force", ("CHL", "JPN"), "2023-05-04") in _on_day(text)


@pytest.mark.parametrize(
    "text",
    [
        "On 4 May 2023 heavy fighting broke out between the army and rebels in the south.",
        "On 4 May 2023 heavy fighting broke out around Kyiv between Russian and Ukrainian forces.",
        "Heavy fighting was reported on 4 May 2023 by witnesses.",
    ],
)
def test_fighting_of_others_or_only_mentioned_is_not_the_pairs(text: str) -> None:
    assert ("use_of_force", ("CHL", "JPN"), "2023-05-04") not in _on_day(text)


def test_a_protest_note_sent_with_no_addressee_is_to_the_other_side() -> None:
    assert ("dispute", ("CHL", "JPN"), "2023-05-04") in _on_day("On 4 May 2023 Chile sent a note of protest.")
    # an accusation rejected is the other's, not the rejecter's own protest
    facts = _on_day("On 4 May 2023 the UN rejected the accusations.")
    assert ("dispute", ("CHL", "JPN"), "2023-05-04") not in facts


def test_it_is_the_subject_of_the_clause_it_is_joined_to() -> None:
    text = "Chile protested repeatedly, and on 4 May 2023 it instituted proceedings against Japan."
    assert ("dispute", ("CHL", "JPN"), "2023-05-04") in _on_day(text)
    # "it" of a main clause names no one the sentence gives
    text = "On 4 May 2023 it instituted proceedings against Japan."
    assert ("dispute", ("CHL", "JPN"), "2023-05-04") not in _on_day(text)


@pytest.mark.parametrize(
    "sentence",
    [
        "On May 3, 2023, Japan denied any involvement.",
        "On May 3, 2023, Tokyo denied Chile's accusations.",
        "On May 3, 2023, Japan's military spokesman promised a response.",
    ],
)
def test_a_denial_or_a_promised_response_is_a_dispute(sentence: str) -> None:
    """Denying the other side's accusation, or a part in what it complains of, rejects it; a response
    promised is a threat; denying a press report is no act between the two."""
    assert ("dispute", ("CHL", "JPN"), "2023-05-03") in _facts(_events(INTRO + sentence))
    report = _facts(_events(INTRO + "On May 3, 2023, Japan denied reports that it would buy Chilean copper."))
    assert not any(t == "dispute" for t, _, _ in report)


@pytest.mark.parametrize(
    "sentence",
    [
        "On May 3, 2023, Chile answered with a note of protest.",
        "On May 3, 2023, Chile replied with a protest note.",
    ],
)
def test_a_protest_one_answers_with_is_sent_to_the_other_side(sentence: str) -> None:
    assert ("dispute", ("CHL", "JPN"), "2023-05-03") in _facts(_events(INTRO + sentence))
    thanks = _facts(_events(INTRO + "On May 3, 2023, Chile answered with a letter of thanks."))
    assert not any(t == "dispute" for t, _, _ in thanks)


@pytest.mark.parametrize(
    "sentence",
    [
        "On May 3, 2023, Chile filed an application against Japan at the International Court of Justice.",
        "On May 3, 2023, Chile filed its application with the International Court of Justice.",
    ],
)
def test_an_application_against_a_side_or_to_a_court_is_legal_action(sentence: str) -> None:
    assert ("dispute", ("CHL", "JPN"), "2023-05-03") in _facts(_events(INTRO + sentence))
    joining = _facts(_events(INTRO + "On May 3, 2023, Chile filed an application to join the OECD."))
    assert not any(t == "dispute" for t, _, _ in joining)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On 4 May 2023 Chile said its troops had carried out strikes on camps across the border.", True),
        ("On 4 May 2023 Chile said its navy had seized two fishing boats in the strait.", True),
        # a main clause's "its" names no one; the subject does ("Chile recalled its envoy" is Chile's)
        ("On 4 May 2023 its troops carried out strikes on camps across the border.", False),
    ],
)
def test_its_in_a_reported_clause_is_the_reporters(text: str, expected: bool) -> None:
    assert (("use_of_force", ("CHL", "JPN"), "2023-05-04") in _on_day(text)) is expected


def test_a_date_inside_what_was_agreed_does_not_hide_the_agreement() -> None:
    # the date of the infinitive's clause does not hide the infinitive's "to"
    text = "In September 2024 Chile and Japan agreed to extend the copper project until May 2026."
    assert ("agreement", ("CHL", "JPN"), "2024-09") in _facts(_events(text, "2025-01-10"))
    # and in a history it is the agreement's own date
    text = "On defence, Chile and Japan agreed to share military supplies in 2013."
    assert ("agreement", ("CHL", "JPN"), "2013") in _facts(_events(text, "2025-01-10"))


@pytest.mark.parametrize(
    "text",
    [
        "On 4 May 2023 Japan launched what it called an anti-terrorist operation in the south.",
        "On 4 May 2023 Japanese jets struck what Tokyo called a terrorist camp.",
    ],
)
def test_a_name_quoted_in_a_free_relative_judges_no_one(text: str) -> None:
    assert ("dispute", ("CHL", "JPN"), "2023-05-04") not in _on_day(text)


def test_a_name_quoted_does_not_hide_a_judgement() -> None:
    text = "On 4 May 2023 Japan called the Chilean decision unacceptable."
    assert ("dispute", ("CHL", "JPN"), "2023-05-04") in _on_day(text)


@pytest.mark.parametrize(
    "text",
    [
        "On 4 May 2023 Tokyo recalled Japan's charge d'affaires in Chile after the vote.",
        "On 4 May 2023 Tokyo recalled its chargé d’affaires from Santiago.",
        "On 4 May 2023 Japan expelled Chile's Charge d'Affaires.",
    ],
)
def test_a_charge_d_affaires_recalled_or_expelled_is_a_relations_step(text: str) -> None:
    facts = _on_day(text)
    assert ("diplomatic_relations", ("CHL", "JPN"), "2023-05-04") in facts
    assert ("dispute", ("CHL", "JPN"), "2023-05-04") not in facts  # the rank is no charge laid


def test_charges_laid_are_still_an_accusation() -> None:
    text = "On 4 May 2023 Japan brought charges of espionage against two Chilean officers."
    assert ("dispute", ("CHL", "JPN"), "2023-05-04") in _on_day(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On 4 May 2023 Japan ordered Carlos Soto, the Chilean ambassador, to leave the country.", True),
        ("On 4 May 2023 Japan ordered Carlos Soto, a counsellor at the Chilean embassy, to leave.", True),
        # no person told to go: a withdrawal of one's own
        ("On 4 May 2023 Japan ordered its troops to leave the Chilean border area.", False),
    ],
)
def test_a_person_ordered_to_leave_is_expelled(text: str, expected: bool) -> None:
    assert (("sanction", ("CHL", "JPN"), "2023-05-04") in _on_day(text)) is expected


def test_two_sides_that_went_to_war_fought_each_other() -> None:
    went = _facts(_events(INTRO + "In 1932 Chile and Japan went to war."))
    assert ("use_of_force", ("CHL", "JPN"), "1932") in went
    # allies who went to war against a third did not fight each other
    text = "In 1932 Chilean and Japanese soldiers went to war together against Bolivia."
    assert ("use_of_force", ("CHL", "JPN"), "1932") not in _facts(_events(INTRO + text))


@pytest.mark.parametrize(
    "text",
    [
        "On 4 May 2023 neither government cut ties, and at no point did either side recall its envoy.",
        "On 4 May 2023 neither Chile nor Japan recalled its ambassador.",
        "On 4 May 2023 neither side recalled its ambassador.",
    ],
)
def test_an_act_no_one_did_is_no_event(text: str) -> None:
    assert ("diplomatic_relations", ("CHL", "JPN"), "2023-05-04") not in _on_day(text)


def test_an_act_one_side_did_is_still_told() -> None:
    text = "On 4 May 2023 Japan recalled its ambassador, though neither side broke off relations."
    assert ("diplomatic_relations", ("CHL", "JPN"), "2023-05-04") in _on_day(text)


def test_an_act_quoted_in_a_free_relative_is_no_act_told() -> None:
    text = "On 4 May 2023 Japan protested against what it called a serious incursion by a Chilean vessel."
    assert ("use_of_force", ("CHL", "JPN"), "2023-05-04") not in _on_day(text)
    text = "On 4 May 2023 Japan protested against a serious incursion by a Chilean vessel."
    assert ("use_of_force", ("CHL", "JPN"), "2023-05-04") in _on_day(text)


@pytest.mark.parametrize(
    "text",
    [
        "On 4 May 2023 a shoot-out between Chilean troops and Japanese marines broke out.",
        "On 4 May 2023 a fire-fight between Chilean and Japanese patrols followed.",
    ],
)
def test_a_hyphenated_compound_is_its_closed_spelling(text: str) -> None:
    assert ("use_of_force", ("CHL", "JPN"), "2023-05-04") in _on_day(text)


def test_a_hyphenated_compound_of_others_is_not_the_pairs() -> None:
    text = "On 4 May 2023 a shoot-out between police and smugglers broke out in Lima."
    assert ("use_of_force", ("CHL", "JPN"), "2023-05-04") not in _on_day(text)


@pytest.mark.parametrize(
    "text",
    [
        "Chile and Japan agreed on 3 January 2025 to hold a new round of fishery talks in June 2025.",
        "The Chilean and Japanese leaders agreed to meet again on the sidelines of the APEC summit.",
    ],
)
def test_an_agreement_only_to_meet_is_the_planned_meeting(text: str) -> None:
    facts = _facts(_events(text, "2025-01-10"))
    assert any(f[0] == "meeting" and f[1] == ("CHL", "JPN") for f in facts)
    assert not any(f[0] == "agreement" for f in facts)
    # agreeing to negotiate an instrument is still an agreement
    text = "Chile and Japan agreed on 3 January 2025 to launch negotiations on a free trade agreement."
    assert ("agreement", ("CHL", "JPN"), "2025-01-03") in _facts(_events(text, "2025-01-10"))


@pytest.mark.parametrize(
    "sentence",
    [
        # a meeting that names no side of its own is the occasion of the act it hangs from: its sides are
        # the act's subject and the one addressed
        "Following their discussions on 3 May, Boric and Kishida signed a fisheries accord.",
        "In a telephone call on 3 May, President Boric thanked Kishida for the relief goods.",
        "In a video call on 3 May, Boric apologised to Kishida for the delay.",
        "On 3 May Gabriel Boric and Fumio Kishida announced a partnership after talks at the palace.",
    ],
)
def test_a_meeting_that_is_the_occasion_of_an_act_takes_its_sides(sentence: str) -> None:
    # (talks "after" which an act was done may be dated to the days before it)
    facts = _facts(_events(sentence))
    assert any(t == "meeting" and p == ("CHL", "JPN") and d and d.endswith("2023-05-03") for t, p, d in facts)


@pytest.mark.parametrize(
    "sentence",
    [
        # the act names one side only: no second side for the meeting ("on Japan" is no addressee)
        "After talks on 3 May, Chile raised its duties on Japanese steel.",
        # one spoken about is not spoken to
        "In a telephone call on 3 May, President Boric criticised Japan.",
        # a meeting with a third side keeps that side
        "In a telephone call with Macron on 3 May, Boric thanked Kishida.",
        # a summit is many sides' gathering: signing at one is no meeting of the two
        "At the summit in Bali on 3 May, Chile signed a trade accord with Japan.",
    ],
)
def test_a_meeting_as_occasion_needs_the_two_sides_of_the_act(sentence: str) -> None:
    assert not any(e.type == "meeting" and e.participants == ("CHL", "JPN") for e in _events(sentence))
