"""Which country an official introduced with no country is of, read from the sentence that introduces
them and from the document: the side of whoever meets or expels them, the official they are joined to
by "and", the one country acting in the sentence, the government a transcript or dateline speaks for.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_right
from collections.abc import Callable, Sequence

from dyad.extract.actors import COUNTRY_FORMS
from dyad.extract.mentions import Mention
from dyad.knowledge import Knowledge
from dyad.models import Document, Sentence


def settle_countries(
    doc: Document,
    mentions: list[Mention],
    pair: tuple[str, str] | None,
    title_words: frozenset[str] = frozenset(),
) -> None:
    """An official introduced with no country takes one from the sentence of the introduction, in this
    order: the pair's other side from the one who meets, hosts, calls on, summons or expels it ("she met
    Environment Minister A", "Iran voted to expel Ambassador A"); the pair's other side from an official
    of the pair joined to it by "and" ("Economy Minister A and Brazil's energy minister B"; "Presidents A
    and B"); else the one country the sentence names as someone who acts or hosts (not a partner or
    destination after "to", "with", "against", nor a place after "in" or "at" unless the sentence opens
    with it), with none, the sentence before it in the same paragraph. An envoy posted to a place
    ("ambassador ... in Cairo") is of the pair's other side. Updates the mentions' ``iso3`` in place; two
    countries or none leave the official without one. ``title_words`` are the words titles are made of
    (``ActorFinder.title_words``), allowed between an official and the act or the official it is read
    against."""
    sentences = doc.sentences
    starts = [s.start for s in sentences]
    countries = [m for m in mentions if m.kind == "country" and m.form in COUNTRY_FORMS]
    country_starts = [c.start for c in countries]
    people = [m for m in mentions if m.kind == "person"]
    by_official: dict[str, list[Mention]] = {}
    for m in mentions:
        if m.kind == "person" and m.attrs.get("official"):
            by_official.setdefault(m.value, []).append(m)

    def named_in(s: Sentence) -> list[Mention]:
        return [c for c in countries if s.start <= c.start < s.end]

    def same_paragraph(i: int) -> bool:
        return "\n\n" not in doc.text[sentences[i - 1].end : sentences[i].start]

    def other_side(iso3: str | None) -> str | None:
        if pair is None or iso3 not in pair:
            return None
        return pair[0] if iso3 == pair[1] else pair[1]

    def titles_only(between: str) -> bool:
        words = re.findall(r"\w[\w'’-]*", between)
        return all(w[:1].isupper() or w.lower() in title_words or w.lower() in _GLUE for w in words)

    def joined(first: Mention, sentence: Sentence) -> str | None:
        """The country of the official of the pair joined to ``first`` by "and" (titles between)."""
        opposite = first.attrs.get("opposite")
        for p in people:
            if p is first or not sentence.start <= p.start < sentence.end or not p.attrs.get("iso3"):
                continue
            if opposite and p.value == opposite:
                return str(p.attrs["iso3"])
            lo, hi = (first.end, p.start) if p.start > first.start else (p.end, first.start)
            between = doc.text[lo:hi]
            # "A and B", "A and Brazil's minister B", "A, Ambassador of Japan to Bangladesh and B"; not over
            # another person ("Modi, his counterpart A, commerce minister B and his counterpart C")
            if (
                _AND.search(between)
                and titles_only(between)
                and len(between) < 90
                and not any(lo <= q.start < hi for q in people)
            ):
                return None if listed(first, sentence) else str(p.attrs["iso3"])
        return None

    def list_of(first: Mention, sentence: Sentence) -> list[Mention]:
        """The people of the list ``first`` is an item of, when three or more are listed with commas and
        only titles between ("the Minister of Finance A, the Minister of Culture B and Ambassador C"): a
        delegation, not two counterparts. Empty when ``first`` is in no such list."""
        inside = [q for q in people if sentence.start <= q.start < sentence.end]
        k = next((j for j, q in enumerate(inside) if q is first), None)
        if k is None:
            return []
        lo = hi = k
        while lo > 0 and _list_gap(doc.text[inside[lo - 1].end : inside[lo].start], titles_only):
            lo -= 1
        while hi + 1 < len(inside) and _list_gap(
            doc.text[inside[hi].end : inside[hi + 1].start], titles_only
        ):
            hi += 1
        members = inside[lo : hi + 1]
        commas = sum(
            doc.text[a.end : b.start].lstrip().startswith(",") for a, b in itertools.pairwise(members)
        )
        return members if len(members) >= 3 and commas >= 1 else []

    def listed(first: Mention, sentence: Sentence) -> bool:
        return bool(list_of(first, sentence))

    def list_side(first: Mention, sentence: Sentence) -> str | None:
        """The one country of a list's members of known country, when two or more are of it and none of
        another ("Foreign Minister A [Serbia's], the Minister of Culture B, the Minister of the Interior C
        and Serbian Ambassador D")."""
        sides = [str(q.attrs["iso3"]) for q in list_of(first, sentence) if q.attrs.get("iso3")]
        return sides[0] if len(sides) >= 2 and len(set(sides)) == 1 else None

    def meeting(first: Mention, sentence: Sentence) -> re.Match[str] | None:
        """The act of meeting, hosting or expelling ``first``, with only titles between."""
        acts = list(_MEETS.finditer(doc.text, sentence.start, first.start))
        return acts[-1] if acts and titles_only(doc.text[acts[-1].end() : first.start]) else None

    def met_by(act: re.Match[str], sentence: Sentence) -> str | None:
        """The side of the one who meets: the latest person with a country before the act (before the
        sentence when it opens with "He" or "She"), else the one country named before it as acting."""
        doers = [p for p in people if sentence.start <= p.start < act.start() and p.attrs.get("iso3")]
        if _PRONOUN_SUBJECT.match(sentence.text):  # "He held talks with A and called on B": he met B
            doers = [p for p in people if p.start < sentence.start and p.attrs.get("iso3")][-1:]
        if doers:
            return str(doers[-1].attrs["iso3"])
        before = {c.value for c in countries if sentence.start <= c.start < act.start() and not passive(c)}
        return before.pop() if len(before) == 1 else None

    def owner(c: Mention) -> bool:
        """A country introducing another official of it ("sanctions Iran's Prosecutor-General, X, and
        recalls Ambassador Y": Iran is X's, not the one acting; "summoned the Indian ambassador in
        Kathmandu, X"; "the chargé d'affaires of Belarus, Mr X, was summoned"; "X, Ambassador of Chile")."""
        nxt = next((p for p in people if p.start > c.end), None)
        prev = next((p for p in reversed(people) if p.end <= c.start), None)
        return any(
            p is not None
            and p.attrs.get("iso3") == c.value
            and abs(p.start - c.start) < 80
            and titles_only(doc.text[min(p.end, c.end) : max(p.start, c.start)])
            for p in (prev, nxt)
        )

    def partner(c: Mention) -> bool:
        """A partner or topic ("exports to Indonesia"), also the ones joined to it ("regarding Sri Lanka and
        Maldives")."""
        if _PARTNER_BEFORE.search(doc.text[max(0, c.start - 30) : c.start]) or owner(c):
            return True
        i = bisect_right(country_starts, c.start - 1) - 1
        prev = countries[i] if i >= 0 else None
        if prev is None or prev.end > c.start or not _JOINED.fullmatch(doc.text, prev.end, c.start):
            return False
        return partner(prev)

    def passive(c: Mention) -> bool:
        """A partner or destination ("exports to Indonesia"), or a place other than the sentence's
        setting ("signed in Jakarta")."""
        if partner(c):
            return True
        i = bisect_right(starts, c.start) - 1
        return _placed(doc.text, c) and not _SETTING.match(doc.text, sentences[i].start, c.start)

    def acts_on(first: Mention, sentence: Sentence) -> str | None:
        """The side of the one the official meets, summons, visits or expels right after the name
        ("Foreign Minister X summoned the Indian ambassador", "X visited Kathmandu")."""
        act = _ACTS_ON.match(doc.text, first.end, sentence.end)
        if act is None:
            return None
        target = next((m for m in countries if m.start >= act.end() and m.start < sentence.end), None)
        person = next((p for p in people if p.start >= act.end() and p.attrs.get("iso3")), None)
        nearer = person is not None and (target is None or person.start < target.start)
        if person is not None and nearer and titles_only(doc.text[act.end() : person.start]):
            return str(person.attrs["iso3"])
        if target and target.start - act.end() < 40 and titles_only(doc.text[act.end() : target.start]):
            return target.value
        return None

    def signs_for(first: Mention) -> str | None:
        """The country an official signs or speaks for, right after the name ("X signed for Iraq")."""
        act = _ON_BEHALF.match(doc.text, first.end)
        side = next((c for c in countries if act and c.start == act.end()), None)
        return side.value if side else None

    home = home_country(doc.text, countries, people, pair)
    agencies = [
        m for m in mentions if m.kind == "organisation" and m.form == "agency" and m.attrs.get("iso3")
    ]
    government = masthead_government(doc.text, countries, agencies)
    for group in by_official.values():
        if any(m.attrs.get("iso3") or m.attrs.get("international") for m in group):
            continue
        if any(m.attrs.get("rank") == "expert" for m in group):
            continue  # an expert speaks for no side: only the title's own country says whose it is
        first = min(group, key=lambda m: m.start)
        i = bisect_right(starts, first.start) - 1
        if i < 0:
            continue
        sentence = sentences[i]
        # "X met Prime Minister A and Chairman B": B is met by X, not A's counterpart
        act = meeting(first, sentence)
        chief = by_official.get(str(first.attrs.get("chief")), [])
        iso3: str | None
        # a title or body only one side of the pair has ("Chief Cabinet Secretary X" in a Japan–Russia text)
        national = [c for c in _split_codes(first.attrs.get("national")) if pair and c in pair]
        if len(national) == 1:
            iso3 = national[0]
        elif government and first.end <= government[1]:
            # named bare in a government's masthead ("Press conference by Foreign Minister A and
            # Vice-Minister B"): its own officials
            iso3 = government[0]
        elif chief and chief[0].attrs.get("iso3"):  # "Soto's deputy, X": of Soto's side, settled before
            iso3 = chief[0].attrs["iso3"]
        elif on_behalf := signs_for(first):  # "X signed for Iraq and his counterpart Y for Turkey"
            iso3 = on_behalf
        elif leader := _delegation_of(doc.text, first, countries):  # "a Bahraini delegation led by X"
            iso3 = leader
        elif first.attrs.get("posted"):  # "X presented his credentials in Tehran": of the side sending X
            iso3 = other_side(str(first.attrs["posted"]))
        elif act:
            iso3 = other_side(met_by(act, sentence))
        elif first.attrs.get("rank") == "family":  # "President X and First Lady Y" are one side
            iso3 = joined(first, sentence)
        elif first.attrs.get("opposite"):  # "Defence ministers A and B", B of known side
            iso3 = other_side(joined(first, sentence))
        else:
            iso3 = other_side(acts_on(first, sentence))
        # met by one whose side is unknown, or one of two under one title ("the foreign ministers, A and B,
        # met"): no guess from the sentence, which names both sides or a third
        if iso3 is None and act is None and not first.attrs.get("opposite"):
            # "the ministry summoned the Turkish ambassador and handed him what a ministry spokesman, X,
            # described as a protest": the summoned envoy's country is the other side of the one summoning
            iso3 = other_side(_summoned_side(doc.text, named_in(sentence), first))
        if iso3 is None and act is None and not first.attrs.get("opposite"):
            iso3 = list_side(first, sentence)
        if iso3 is None and act is None and not first.attrs.get("opposite"):
            named, own = _in_clause(doc.text, first, named_in(sentence)), True
            before = named_in(sentences[i - 1]) if i > 0 and same_paragraph(i) else []
            if not named:
                named, own = before, False
            # with no country in the sentence, the one acting in the sentence before is the official's (a
            # place there only when no one there acts); a side named before the official in its clause sets
            # the scene ("on the Israeli side the file was handled by A, and B"); else the counterpart of the
            # official of the pair joined to it by "and" ("Economy Minister A and Brazil's energy minister B";
            # "Presidents A and B"); else the one side acting anywhere in the sentence
            # (a sentence's setting, "In Quito, X met ...", is no side: the one who meets there may visit)
            ahead = [c for c in named if c.start < first.start and not _placed(doc.text, c)] if own else []
            iso3 = _acting_country(doc.text, first, sentence, ahead, passive, pair) if ahead else None
            if iso3 is None and first.attrs.get("rank") != "family":
                iso3 = other_side(joined(first, sentence))
            if iso3 is None:
                iso3 = _acting_country(doc.text, first, sentence, named, passive, pair)
                if iso3 is None and not own:
                    # the sentence before sets the scene: where no one there acts, a place there is where
                    # the official is ("signed in New Delhi by A and B. ... the chief minister X objected")
                    iso3 = _acting_country(doc.text, first, sentence, named, partner, pair)
            # only partners of one side named ("suspended exports to Indonesia", "talks with Ambassador
            # X of Peru"): the official is of the other side
            partners = {c.value for c in named if own and _FOR_WHOM.search(_before(doc.text, c))}
            if (
                iso3 is None
                and len(partners) == 1
                and all(_FOR_WHOM.search(_before(doc.text, c)) for c in named)
            ):
                iso3 = other_side(partners.pop())
            quiet = not any(not passive(c) for c in named_in(sentence))
            # the sentence names countries only as places or partners ("X told reporters in Tallinn"): the
            # side is the one the sentence before acts for, as when the sentence names no country
            if iso3 is None and quiet and own and named and before:
                iso3 = _acting_country(doc.text, first, sentences[i - 1], before, partner, pair)
            # nothing in the sentence: a government's own official in its own transcript or dateline story
            if iso3 is None and quiet and first.attrs.get("rank") not in _FOREIGN_RANKS:
                iso3 = home
        if iso3 is not None:
            for m in group:
                m.attrs["iso3"] = iso3


def settle_counterparts(
    doc: Document,
    mentions: list[Mention],
    pair: tuple[str, str] | None,
    k: Knowledge,
    title_words: frozenset[str] = frozenset(),
) -> None:
    """Two officials the text names as the two sides' and no rule placed ("Trade ministers A and B",
    "Deputy Prime Ministers A and B", "Minister of Trade A and Minister of Environment B signed", "minister
    A and his counterpart B") take the pair's countries in the one order their family names fit
    (``name_origins_en.tsv``: "Lee Chang-yang" is written as Koreans are named, "Dang Quoc Khanh" as
    Vietnamese are): at least one name fits its side and neither fits only the other's. Names of no
    listed tradition, or two orders that fit, leave both without a country."""
    if pair is None or not k.name_origins:
        return
    people = [m for m in mentions if m.kind == "person"]
    firsts: dict[str, Mention] = {}
    for m in people:
        if m.attrs.get("official"):
            firsts.setdefault(m.value, m)
    unplaced = {
        name for name, m in firsts.items() if not m.attrs.get("iso3") and not m.attrs.get("international")
    }
    for name in sorted(unplaced, key=lambda n: firsts[n].start):
        first = firsts[name]
        other = _counterpart(doc.text, first, people, firsts, title_words)
        if other is None or other.value not in unplaced or other.value == name:
            continue
        order = _order_by_names(k, first.value, other.value, pair)
        if order is None:
            continue
        for m, iso3 in ((first, order[0]), (other, order[1])):
            _place(people, m.value, iso3)
        unplaced -= {first.value, other.value}
    # one official alone, named family name first as China, Korea and Vietnam write their names ("Foreign
    # Ministry Spokesperson Wang Wenbin"), in the one tradition of the pair's sides: the actor's country,
    # too weak a reading to make the official one side of an event
    for name in unplaced:
        origins = k.origins_of(name, family_first=True)
        sides = [c for c in pair if origins and c in origins]
        if len(sides) == 1:
            _place(people, name, sides[0], "country")


def _place(people: list[Mention], name: str, iso3: str, attr: str = "iso3") -> None:
    for m in people:
        if m.value == name and m.attrs.get("official"):
            m.attrs[attr] = iso3


def _counterpart(
    text: str, first: Mention, people: list[Mention], firsts: dict[str, Mention], title_words: frozenset[str]
) -> Mention | None:
    """The official named as ``first``'s opposite number: under one plural title with it, or right after it
    joined by "and" with titles only between (not the last of a list, unless a "counterpart")."""
    opposite = first.attrs.get("opposite")
    if opposite:
        return firsts.get(str(opposite))
    nxt = next((p for p in people if p.start >= first.end), None)
    if nxt is None or not nxt.attrs.get("official"):
        return None
    between = text[first.end : nxt.start]
    if not re.fullmatch(r"\s+and\s+.*", between, re.DOTALL) or len(between) > 90 or "\n" in between:
        return None
    if not _titles_only(between, title_words):
        return None
    prev = next((p for p in reversed(people) if p.end <= first.start), None)
    gap = text[prev.end : first.start] if prev is not None else ""
    listed = (
        prev is not None and gap.lstrip().startswith(",") and len(gap) < 90 and _titles_only(gap, title_words)
    )
    if listed and nxt.attrs.get("role") != "counterpart":
        return None  # "A, B and C": a list, not two counterparts
    return firsts.get(nxt.value, nxt)


# A country's envoy summoned, expelled or called in ("summoned the Chilean ambassador", "expelled its envoy").
_SUMMONS = re.compile(
    r"\b(?:summon(?:ed|s|ing)?|expel(?:led|s|ling)?|call(?:ed|s|ing)?\s+in)\s+(?:the\s+)?$", re.I
)
_ENVOY = re.compile(
    r"(?:['’]s)?\s+(?:(?:top|new|acting|deputy)\s+)?(?:ambassador|envoy|charg[eé]s?\s+d['’]affaires|diplomats?)\b",
    re.I,
)


def _summoned_side(text: str, named: list[Mention], official: Mention) -> str | None:
    """The one country whose envoy the sentence has summoned or expelled, the official named apart from the
    envoy (not the envoy's own name after it) and holding no diplomat's rank."""
    if official.attrs.get("rank") == "diplomat":
        return None
    sides = {
        c.value
        for c in named
        if _SUMMONS.search(text, max(0, c.start - 30), c.start)
        and (envoy := _ENVOY.match(text, c.end))
        and not 0 <= official.start - envoy.end() <= 40
    }
    return sides.pop() if len(sides) == 1 else None


def _split_codes(cell: object) -> list[str]:
    return [c for c in str(cell or "").split("|") if c]


def _titles_only(between: str, title_words: frozenset[str]) -> bool:
    words = re.findall(r"\w[\w'’-]*", between)
    return all(w[:1].isupper() or w.lower() in title_words or w.lower() in _GLUE for w in words)


def _order_by_names(k: Knowledge, a: str, b: str, pair: tuple[str, str]) -> tuple[str, str] | None:
    """The one order of the pair's countries that the two names fit."""
    fitting = []
    for ca, cb in (pair, pair[::-1]):
        fits = [None if o is None else c in o for o, c in ((k.origins_of(a), ca), (k.origins_of(b), cb))]
        if False not in fits and True in fits:
            fitting.append((ca, cb))
    return fitting[0] if len(fitting) == 1 else None


def home_country(
    text: str,
    countries: list[Mention],
    people: Sequence[Mention] = (),
    pair: tuple[str, str] | None = None,
) -> str | None:
    """The country a document speaks for: the one government its heading names on the line that names a
    government ("Ministry of Foreign Affairs of Japan", "REPUBLIC OF THE SUDAN / MINISTRY OF FOREIGN
    AFFAIRS"); for a release, transcript or readout, the country of the known officials its heading names
    with no country while naming the others' ("Secretary Blinken's Call with Mexican Foreign Secretary
    Ebrard": a government names its own officials bare), or the pair's other side of the one country its
    heading names beside a bare title ("Briefing by Foreign Secretary on the Prime Minister's meeting with
    the President of China"); else the capital of its dateline ("SANTIAGO, Nov 18 (Reuters) -")."""
    heading = _HEADING.match(text)
    government = masthead_government(text, countries)
    if government:
        return government[0]
    if heading and _RELEASE.search(heading.group(0)):
        named = {c.value for c in countries if c.end <= heading.end()}
        bare = {
            str(p.attrs["iso3"])
            for p in people
            if p.end <= heading.end() and p.attrs.get("iso3") and not _marked(text, p, countries)
        }
        if len(bare) == 1 and named and not bare & named:
            return bare.pop()
        titles = [t for t in _BARE_TITLE.finditer(text, 0, heading.end()) if not _marked(text, t, countries)]
        if pair and titles and len(named) == 1 and (other := named.pop()) in pair:
            return pair[0] if other == pair[1] else pair[1]
    for c in countries:
        if c.start > 600:
            break
        if (
            c.form == "metonym"
            and _DATELINE.match(text, c.end)
            and text[max(0, c.start - 1) : c.start] in ("", "\n")
        ):
            return c.value
    return None


# The first lines of a document (up to three, within 300 characters), where a masthead stands; a line
# ending a sentence is the text's, not the masthead's ("Spokesperson X hosted a press conference\n\nQ: The
# minister was invited to visit Mongolia.").
_HEADING = re.compile(r"\s*(?:[^\n]{1,200}(?<![.?!])\n+){1,3}")
# (also in Spanish and Portuguese: "MINISTERIO DE RELACIONES EXTERIORES – REPÚBLICA DE COSTA RICA")
# A government's own release, transcript or readout (not a news headline, which names leaders bare too).
_RELEASE = re.compile(
    r"\b(?:release|readout|statement|spokesperson|spokesman|spokeswoman|attributable|briefing|transcript|"
    r"press\s+conference)\b",
    re.IGNORECASE,
)
_GOVERNMENT = re.compile(
    r"\b(?:ministry|government|presidency|embassy|republic\s+of|minist[eé]rio|gobierno|governo|embajada|"
    r"presidencia|rep[uú]blica\s+(?:de|del|da|do))\b",
    re.IGNORECASE,
)
_DATELINE = re.compile(
    r"(?:\s*\([^)]{1,30}\))?,\s+(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8})\b"
)
# Ranks often posted abroad or outside government: the home country says nothing of them.
_FOREIGN_RANKS = ("diplomat", "business", "party")


def masthead_government(
    text: str, countries: list[Mention], bodies: Sequence[Mention] = ()
) -> tuple[str, int] | None:
    """The one government a document's masthead names ("Ministry of Foreign Affairs of Japan", "OFFICE OF
    THE GOVERNMENT SPOKESPERSON / Republic of Rwanda"), and where the masthead ends: a masthead with a
    government's word and one country, not counting one named as another's ("… on the Prime Minister's
    meeting with the President of China", "visit to Peru")."""
    heading = _HEADING.match(text)
    if heading is None:
        return None
    end = heading.end()
    named = [c for c in countries if c.end <= end]
    if not _GOVERNMENT.search(text, 0, end):
        return None
    codes = {c.value for c in named if not _OTHERS.search(text, max(0, c.start - 40), c.start)}
    # a government body of known country ("Ministry of Foreign Affairs of Peru")
    codes |= {str(b.attrs["iso3"]) for b in bodies if b.end <= end and _GOVERNMENT.search(b.text)}
    return (codes.pop(), end) if len(codes) == 1 else None


# Before a country named as the other party's: "meeting with the President of", "visit to".
_OTHERS = re.compile(
    r"(?:\b(?:President|Minister|Secretary|Chancellor|King|Premier|Leader)\s+of|\b(?:with|to|in))\s+(?:the\s+)?$"
)


def _marked(text: str, person: Mention | re.Match[str], countries: list[Mention]) -> bool:
    """Whether a person's title names a country ("Mexican Foreign Secretary Ebrard", "Japan's X")."""
    if isinstance(person, re.Match):  # a title alone: "the President of China"
        start = person.start()
        if re.match(r"\s+of\b", text[person.end() : person.end() + 5]):
            return True
    else:
        start = person.start
    return any(0 <= start - c.end <= 40 and _TITLE_GAP.fullmatch(text, c.end, start) for c in countries)


# A head of state's, government's or ministry's title.
_BARE_TITLE = re.compile(r"\b(?:Prime\s+Minister|President|Chancellor|Foreign\s+(?:Minister|Secretary))\b")
_TITLE_GAP = re.compile(r"(?:['’]s)?(?:\s+[A-Z][\w-]*)*\s+")


def _acting_country(
    text: str,
    first: Mention,
    sentence: Sentence,
    named: list[Mention],
    passive: Callable[[Mention], bool],
    pair: tuple[str, str] | None,
) -> str | None:
    """The one country an official's sentence (or the one before) names as acting."""
    codes = {c.value for c in named}
    if first.attrs.get("rank") == "diplomat" and named and all(_placed(text, c) for c in named):
        if len(codes) == 1 and pair and (posted := codes.pop()) in pair:
            return pair[0] if posted == pair[1] else pair[1]
        return None  # posted there, so not of there; which side sent the envoy is unknown
    # "In Juba, Information Minister X said ...": an official speaking where the sentence is set is of
    # that country (one who meets someone there may be the visitor)
    speaks = _SPEAKS.match(text, first.end)
    setting = [c for c in named if speaks and _SETTING.match(text, sentence.start, c.start)]
    if setting:
        return setting[0].value
    acting = {c.value for c in named if not passive(c)}
    return acting.pop() if len(acting) == 1 else None


def _delegation_of(text: str, first: Mention, countries: list[Mention]) -> str | None:
    """The country of the delegation an official leads, named right before ("a Bahraini delegation led by
    Dr. X", "Egypt's team, headed by Minister X")."""
    for c in reversed(countries):
        if c.end > first.start:
            continue
        if first.start - c.end > 90:
            return None
        led = _LED_BY.fullmatch(text, c.end, first.start)
        # the delegation's own country: an adjective or a possessive ("Peru welcomed a delegation led by X"
        # is not Peru's)
        return c.value if led and (c.form == "adjective" or led.group("possessive")) else None
    return None


# Between a country and the official leading its delegation: "'s delegation, led by Foreign Minister".
_LED_BY = re.compile(
    r"(?P<possessive>['’]s)?\s+(?:[a-z-]+\s+)?(?:delegation|team|side|mission)s?,?\s+(?:was\s+)?(?:led|headed)\s+by\s+"
    r"(?:(?:the\s+)?[A-Z][\w.'’-]*\s+|[a-z]+\s+){0,6}"
)


def _in_clause(text: str, first: Mention, named: list[Mention]) -> list[Mention]:
    """The countries of the official's own clause when the sentence is split by semicolons and that clause
    names one ("His Lebanese interlocutor was X; on the Israeli side it was handled by Y")."""
    inside = [c for c in named if ";" not in text[min(c.end, first.start) : max(c.start, first.end)]]
    return inside or named


def _placed(text: str, c: Mention) -> bool:
    return bool(_PLACE_BEFORE.search(text[max(0, c.start - 30) : c.start]))


# Acts whose object is an official of the other side: met, hosted, called on, summoned, expelled.
_MEETS = re.compile(
    r"\b(?:met|meets?|meeting|received|receives|hosted|hosts|welcomed|welcomes|called\s+on|calls\s+on|"
    r"(?:talks|talked|spoke|speak|speaks|calls?|conversation|meetings?)\s+(?:by\s+(?:tele)?phone\s+)?with|"
    r"summoned|summons|expelled|expels?|expelling)\s+(?:with\s+)?",
    re.IGNORECASE,
)
# Acts whose subject is the official and whose object is of one side: that side is the other's (also after
# the comma closing an apposition: "the Minister, Mr X, summoned ...").
_ACTS_ON = re.compile(
    r"(?:,?\s+(?:on\s+[A-Z][a-z]+|later|also|then|again|first|yesterday|today|[a-z]+ly))*,?\s+"
    r"(?:met|meets|received|receives|hosted|hosts|summoned|summons|expelled|expels|visited|visits|"
    r"(?:travelled|traveled|went|flew)\s+to|arrived\s+in|called\s+on|calls\s+on|"
    r"(?:held|holds)\s+talks\s+with|(?:spoke|speaks|talked)\s+(?:by\s+(?:tele)?phone\s+)?(?:to|with))\s+"
)
# Acting in a country's name: "X signed for Iraq", "Y spoke on behalf of Chile".
_ON_BEHALF = re.compile(
    r",?\s+(?:signed|signs|spoke|speaks|voted|votes|negotiated|negotiates|initialled|initialed)\s+"
    r"(?:for|on\s+behalf\s+of)\s+(?:the\s+)?"
)
# Between countries of one list: "to Chile and Peru", "to Chile, Peru".
_JOINED = re.compile(r",?\s+(?:and|or)\s+(?:the\s+)?|,\s+(?:the\s+)?")
_PRONOUN_SUBJECT = re.compile(r"\W*(?:He|She)\s")
_AND = re.compile(r",?\s+and\s+")
# Words allowed besides titles and capitalised words between an official and the act or official beside it.
_GLUE = frozenset(
    [
        "the",
        "his",
        "her",
        "their",
        "its",
        "and",
        "of",
        "for",
        "to",
        "in",
        "at",
        "counterpart",
        "counterparts",
        "s",
    ]
)


def _list_gap(between: str, titles_only: Callable[[str], bool]) -> bool:
    """Whether the words between two people are those of a list: a comma or "and", then titles."""
    return bool(re.match(r",|\s+and\s", between)) and len(between) < 150 and titles_only(between)


def _before(text: str, c: Mention) -> str:
    return text[max(0, c.start - 30) : c.start]


# The one an act is aimed at or shared with ("exports to Indonesia", "talks with Peru", "sanctions on X"),
# or the one demanded of, urged or accused ("would demand Australia explain", "accused Peru of")
# verbs whose object is the one addressed or spoken of, not the speaker's side ("accused Chile", "describing
# the Chinese personnel as ...")
_ADDRESSED = (
    r"demand|demands|demanded|urge|urges|urged|urging|accuse|accuses|accused|accusing|pressed|ask|asks|asked"
    r"|describe|describes|described|describing|blame|blames|blamed|blaming|condemn|condemns|condemned"
    r"|condemning|criticise|criticises|criticised|criticising|criticize|criticizes|criticized|criticizing"
)
_FOR_WHOM = re.compile(
    rf"\b(?<!back\s)(?:to|with|against|into|towards|on|{_ADDRESSED})\s+(?:the\s+)?$", re.IGNORECASE
)
_PLACE_BEFORE = re.compile(r"\b(?:in|to|at)\s+(?:the\s+)?$", re.IGNORECASE)  # where an envoy is posted
_SETTING = re.compile(r"\W*In\s+$")  # a sentence opening "In Juba, ..."
_SPEAKS = re.compile(r",?\s+(?:said|told|announced|stated|declared|added)\b")
# A country after these is a partner or destination, not the one acting ("suspended exports to Indonesia",
# "visited Tokyo")
_PARTNER_BEFORE = re.compile(
    rf"\b(?:to|from|into|with|against|for|regarding|concerning|over|visit|visits|visited|visiting|toured|"
    rf"{_ADDRESSED})\s+"
    r"(?:the\s+)?$",
    re.IGNORECASE,
)
