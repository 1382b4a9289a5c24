"""Officials and organisations nobody listed: a name next to a title from ``roles_en.tsv``.

"Chile's foreign minister Alberto van Klaveren", "Japanese Ambassador Ken Tanaka", "Mauro Vieira, Brazil's
foreign minister", "the head of Rosoboronexport, Alexander Mikheyev". The country is the one named with the
title (a possessive, an adjective, "of X"), else the one given for the same name elsewhere in the document.
Later in the document the surname alone, "Mr Surname" and "the minister" refer back to the official.
Ministries, embassies and central banks named with a country become organisations of that country.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from dyad.extract.mentions import Mention
from dyad.knowledge import Knowledge, Role
from dyad.models import Document, Sentence

# A personal name: capitalised words, with the particles names carry ("van", "de", "al-", "bin").
_PARTICLE = r"(?:van|von|de|da|das|do|dos|del|della|der|di|du|la|le|bin|ibn|al|el|ben|ter|y)"
_WORD = r"(?:[A-Z][a-z'’\u00C0-\u024F-]+|[A-Z]\.|[A-Z][a-z]*[A-Z][a-z]+|(?:al|el)-[A-Z][a-z'’-]+)"
NAME = rf"{_WORD}(?:\s+(?:{_PARTICLE}\s+)*{_WORD}){{1,3}}"
_PREFIX = r"(?:(?:deputy|vice|acting|former|then|first|chief|senior|assistant|state|special|new|top)[\s-]+)*"
# Words that start a capitalised run but are not a name.
_NOT_NAME = frozenset(
    [
        "Shri",
        "Smt",
        "Sir",
        "Dame",
        "Sheikh",
        "Excellency",
        "Madam",
        "The",
        "A",
        "An",
        "This",
        "That",
        "These",
        "His",
        "Her",
        "Their",
        "Its",
        "On",
        "In",
        "At",
        "By",
        "For",
        "Of",
        "And",
        "But",
        "Mr",
        "Mrs",
        "Ms",
        "Dr",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
        "President",
        "Prime",
        "Minister",
        "Foreign",
        "Ministry",
        "Ambassador",
        "General",
        # military ranks before a name ("Major General Asif Ghafoor")
        "Major",
        "Lieutenant",
        "Colonel",
        "Brigadier",
        "Admiral",
        "Captain",
        "Commander",
        "Marshal",
        "Gen",
        "Lt",
        "Col",
        "Maj",
        "Brig",
        "Adm",
        "Capt",
    ]
)
_ORG = re.compile(
    r"\b(?:(?:Ministry|Department|Secretariat)\s+of\s+(?:the\s+)?(?:[A-Z][\w,'’-]*\s*(?:and\s+)?){1,5}"
    r"|(?:[A-Z][\w'’-]+\s+){0,2}(?:Ministry|Foreign\s+Office|Embassy|Central\s+Bank|Reserve\s+Bank|"
    r"Armed\s+Forces|Navy|Air\s+Force|Army|Coast\s+Guard|Parliament|Senate|Congress|Cabinet)"
    r"|(?:Central\s+)?Bank\s+of\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)"
)
# A title's complement that lists capitalised words: "of Economy, Trade and Industry".
_COMPLEMENT = r"(?:the\s+)?[A-Z][\w'’-]*(?:(?:,\s+|\s+and\s+|\s+(?:of\s+)?)[A-Z][\w'’-]*){1,5}"
# The rest of a title the role lexicon matched in part: "Minister of Planning| and Budget|, Simone Tebet".
_CONTINUATION = r"(?:,?\s+and\s+|,\s+)[A-Z][\w'’-]*(?:(?:\s+and\s+|\s+)[A-Z][\w'’-]*){0,3}(?=,)"
# Words before a title: the title without them is looked up; some of them are part of the role.
_TITLE_PREFIXES = (
    "deputy",
    "vice",
    "acting",
    "former",
    "then",
    "first",
    "senior",
    "new",
    "top",
    "state",
    "chief",
)
_RANK_PREFIXES = ("deputy", "vice", "state")
_COUNTRY_FORMS = ("name", "adjective", "metonym", "historical")


@dataclass(slots=True)
class Official:
    name: str
    role: str
    rank: str
    iso3: str | None


def _trie_regex(phrases: list[list[str]]) -> str:
    """One regular expression for many phrases, their common beginnings factored out (a word trie), so
    that matching costs about as much as for a few phrases rather than for a thousand."""
    trie: dict[str, dict] = {}
    for words in phrases:
        node = trie
        for word in words:
            node = node.setdefault(word, {})
        node[""] = {}  # a phrase may end here

    def render(node: dict) -> str:
        parts = []
        for word, child in node.items():
            if not word:
                continue
            rest = {k: v for k, v in child.items() if k}
            tail = ""
            if rest:
                tail = r"(?:\s+" + render(rest) + ")" + ("?" if "" in child else "")
            parts.append(re.escape(word) + tail)
        return "(?:" + "|".join(sorted(parts, key=len, reverse=True)) + ")"

    return render(trie)


@lru_cache(maxsize=4)
def _role_pattern(phrases: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = _trie_regex([p.split() for p in phrases])
    return re.compile(rf"\b{_PREFIX}{alternatives}\b", re.IGNORECASE)


def _clean_name(text: str) -> str | None:
    words = text.split()
    while words and words[0].strip(".") in _NOT_NAME:
        words = words[1:]
    while words and words[-1] in _NOT_NAME:
        words = words[:-1]
    if len(words) < 2 or not words[-1][:1].isupper():
        return None
    return " ".join(words)


class ActorFinder:
    def __init__(self, knowledge: Knowledge) -> None:
        self.k = knowledge
        phrases = tuple(sorted(knowledge.roles, key=len, reverse=True))
        self.roles = _role_pattern(phrases) if phrases else None

    def _role(self, text: str) -> Role | None:
        key = re.sub(r"\s+", " ", text.lower()).strip()
        for word in _TITLE_PREFIXES:
            if key.startswith(word + " ") and key not in self.k.roles:
                base = self._role(key[len(word) + 1 :])
                if base is None:
                    return None
                prefix = word
                return Role(
                    key,
                    f"{prefix} {base.role}" if prefix in _RANK_PREFIXES else base.role,
                    "deputy_minister"
                    if prefix in ("deputy", "vice") and base.rank == "minister"
                    else base.rank,
                )
        return self.k.roles.get(key)

    def find(self, text: str, mentions: list[Mention]) -> list[Mention]:
        """Mentions of officials and organisations not in the knowledge files, in text order."""
        if self.roles is None:
            return []
        # A known name of one word ("Prado", "Tanaka": a past leader's surname) inside a longer name
        # introduced with a title is that official, not the leader: only full names and organisations
        # hold their place (the caller drops the one-word mentions an official covers).
        taken = [
            (m.start, m.end)
            for m in mentions
            if m.kind == "organisation" or (m.kind == "person" and " " in m.text.strip())
        ]
        countries = [
            m
            for m in mentions
            if m.kind in ("country", "organisation")
            and m.attrs.get("iso3")
            or (m.kind == "country" and m.form in _COUNTRY_FORMS)
        ]
        officials: dict[str, Official] = {}
        found: list[Mention] = []

        def free(start: int, end: int) -> bool:
            return not any(s < end and start < e for s, e in taken)

        def add(name: str, start: int, end: int, role: Role | None, iso3: str | None, form: str) -> None:
            known = officials.get(name)
            if known is None:
                known = officials[name] = Official(
                    name, role.role if role else "", role.rank if role else "", iso3
                )
            elif iso3 and not known.iso3:
                known.iso3 = iso3
            taken.append((start, end))
            found.append(
                Mention(
                    start,
                    end,
                    text[start:end],
                    "person",
                    name,
                    form,
                    {"role": known.role, "rank": known.rank, "official": True},
                )
            )

        for hit in _PAIRED.finditer(text):  # "the foreign ministers of Armenia and Azerbaijan, A and B"
            role = self._role(hit.group("role"))
            sides = [_country_in(countries, hit.start(g), hit.end(g)) for g in ("x", "y")]
            if role is None or None in sides:
                continue
            for group, iso3 in zip(("a", "b"), sides, strict=True):
                name = _clean_name(hit.group(group))
                if name and free(hit.start(group), hit.end(group)):
                    add(name, hit.start(group), hit.end(group), role, iso3, "official")
        for m in self.roles.finditer(text):
            role = self._role(m.group(0))
            if role is None:
                continue
            iso3 = _country_near(text, m.start(), m.end(), countries)
            # "Minister Y", "the head of Rosoboronexport, Z", "the central bank governor, Z,"
            after = re.match(
                rf"(?:{_CONTINUATION})?"
                rf"(?:\s+(?:of|in|to|at|for)\s+{_COMPLEMENT},\s+|\s+(?:of|in|to|at|for)\s+[^,.;]{{2,40}}?,\s+|,\s+|\s+)"
                rf"({NAME})",
                text[m.end() : m.end() + 120],
            )
            # "the head of Rosoboronexport, Alexander Mikheyev": a name after the title's complement
            if after:
                start = m.end() + after.start(1)
                name = _clean_name(after.group(1))
                if name and free(start, start + len(after.group(1))):
                    end = start + after.group(1).rfind(name.split()[-1]) + len(name.split()[-1])
                    add(name, start, end, role, iso3, "official")
                    continue
            before = re.search(
                rf"({NAME}),\s+(?:the\s+|a\s+|an\s+)?[^,.;]{{0,30}}$",
                text[max(0, m.start() - 90) : m.start()],
            )
            if before:  # "Mauro Vieira, Brazil's foreign minister"
                start = max(0, m.start() - 90) + before.start(1)
                name = _clean_name(before.group(1))
                if name and free(start, start + len(before.group(1))):
                    add(name, start, start + len(before.group(1)), role, iso3, "official")
        self._fill_countries(officials, found)
        found += self._later_mentions(text, officials, taken, found)
        for mention in found:
            official = officials[mention.value]
            mention.attrs["iso3"] = official.iso3
            mention.attrs["role"] = official.role
        found += _known_surnames(text, mentions, taken, officials)
        found += _organisations(text, mentions, taken)
        return sorted(found, key=lambda x: x.start)

    @staticmethod
    def _fill_countries(officials: dict[str, Official], found: list[Mention]) -> None:
        """A surname shared with a full name of known country gives the country ("Ambassador Tanaka")."""
        by_surname: dict[str, set[str]] = {}
        for o in officials.values():
            if o.iso3:
                by_surname.setdefault(o.name.split()[-1], set()).add(o.iso3)
        for o in officials.values():
            options = by_surname.get(o.name.split()[-1], set())
            if not o.iso3 and len(options) == 1:
                o.iso3 = next(iter(options))

    def _later_mentions(
        self, text: str, officials: dict[str, Official], taken: list[tuple[int, int]], found: list[Mention]
    ) -> list[Mention]:
        """The surname alone, "Mr Surname", and "the minister" after an official was introduced."""
        out: list[Mention] = []
        first_seen: dict[str, int] = {}
        for m in found:
            first_seen.setdefault(m.value, m.start)
        surnames: dict[str, list[str]] = {}
        for name in officials:
            surnames.setdefault(name.split()[-1], []).append(name)
        for surname, names in surnames.items():
            if len(names) != 1 or len(surname) < 3:
                continue
            name = names[0]
            for hit in re.finditer(rf"\b{re.escape(surname)}\b(?!\s+[A-Z])", text):
                if hit.start() <= first_seen[name] or any(
                    s < hit.end() and hit.start() < e for s, e in taken
                ):
                    continue
                out.append(
                    Mention(
                        hit.start(), hit.end(), hit.group(0), "person", name, "official", {"official": True}
                    )
                )
        # "the minister", "the ambassador": the latest official before it whose role has that word
        introduced = sorted(found, key=lambda m: m.start)
        for hit in re.finditer(
            r"\b[Tt]he\s+(minister|ambassador|envoy|spokes(?:wo)?man|spokesperson|"
            r"governor|secretary|general|chancellor|premier)\b",
            text,
        ):
            if any(s < hit.end() and hit.start() < e for s, e in taken):
                continue
            word = hit.group(1).lower()
            prior = [
                x for x in introduced if x.start < hit.start() and word in officials[x.value].role.lower()
            ]
            if prior:
                out.append(
                    Mention(
                        hit.start(),
                        hit.end(),
                        hit.group(0),
                        "person",
                        prior[-1].value,
                        "anaphor",
                        {"official": True},
                    )
                )
        return out


def _known_surnames(
    text: str, mentions: list[Mention], taken: list[tuple[int, int]], officials: dict[str, Official]
) -> list[Mention]:
    """A person of the knowledge files named in full ("Imran Khan") is meant by the surname alone later
    in the document ("Khan also repeated his offer"), unless another person named there shares it."""
    first: dict[str, int] = {}
    for m in mentions:
        if m.kind == "person" and len(m.value.split()) >= 2:
            first.setdefault(m.value, m.start)
    by_surname: dict[str, list[str]] = {}
    for name in [*first, *officials]:
        by_surname.setdefault(name.split()[-1], []).append(name)
    covered = taken + [(m.start, m.end) for m in mentions if m.kind in ("person", "organisation", "country")]
    out = []
    for surname, names in by_surname.items():
        if len(set(names)) != 1 or names[0] not in first or len(surname) < 3 or not surname[:1].isupper():
            continue
        for hit in re.finditer(rf"\b{re.escape(surname)}\b(?!\s+[A-Z])", text):
            if hit.start() > first[names[0]] and not any(
                s < hit.end() and hit.start() < e for s, e in covered
            ):
                out.append(Mention(hit.start(), hit.end(), surname, "person", names[0], "surname", {}))
    return out


# Two officials of the same title introduced together, in the order of their countries.
_PAIRED = re.compile(
    rf"\b(?P<role>(?:[a-z]+\s+)?(?:minister|ambassador|president|envoy|leader|negotiator|spokesperson))s\s+of\s+"
    rf"(?:the\s+)?(?P<x>[A-Z][^,;]{{2,40}}?)\s+and\s+(?:the\s+)?(?P<y>[A-Z][^,;]{{2,40}}?),\s+"
    rf"(?P<a>{NAME})\s+and\s+(?P<b>{NAME})",
)


def _country_in(countries: list[Mention], start: int, end: int) -> str | None:
    inside = [m for m in countries if start <= m.start and m.end <= end]
    return _iso(inside[0]) if len(inside) == 1 else None


def _country_near(text: str, start: int, end: int, countries: list[Mention]) -> str | None:
    """The country named with a title: just before it ("Chile's", "Japanese"), "of X" just after, or the
    country a possessive pronoun stands for ("Australia recalls its ambassador, Paul Grigson")."""
    # "its military spokesman", "their own envoy": the latest country named before, in the same sentence
    pronoun = re.search(r"\b(?:its|their)\s+(?:[a-z]+\s+){0,2}$", text[max(0, start - 40) : start])
    if pronoun:
        before = [
            m for m in countries if m.end <= start and start - m.end <= 200 and "." not in text[m.end : start]
        ]
        if before:
            return _iso(before[-1])
    for m in countries:
        gap_before = text[m.end : start]
        if 0 <= start - m.end <= 12 and re.fullmatch(
            r"(?:['’]s)?\s*(?:new\s+|then\s+|former\s+)?", gap_before
        ):
            return _iso(m)
        if 0 <= start - m.end <= 40 and _BODY_POSSESSIVE.fullmatch(gap_before):
            return _iso(m)  # "the Armenian foreign ministry's spokesperson"
        gap_after = text[end : m.start]
        if 0 <= m.start - end <= 12 and re.fullmatch(r"\s+(?:of|to|for|in)\s+(?:the\s+)?", gap_after):
            return _iso(m)
    return None


# Between a country and a title: a body of that country in the possessive ("foreign ministry's").
# Also without the second possessive: "Pakistan's Foreign Office spokesperson", "India's external affairs
# ministry spokesperson".
_BODY_POSSESSIVE = re.compile(
    r"(?:['’]s)?\s+(?:[a-z]+\s+){0,2}(?:ministry|government|army|military|navy|embassy|office|parliament|"
    r"cabinet|treasury|presidency)(?:['’]s)?\s+",
    re.IGNORECASE,
)


def _iso(m: Mention) -> str | None:
    return m.attrs.get("iso3") if m.kind == "organisation" else m.value


def _organisations(text: str, mentions: list[Mention], taken: list[tuple[int, int]]) -> list[Mention]:
    """Ministries, embassies, central banks and armed forces named with their country."""
    countries = [m for m in mentions if m.kind == "country" and m.form in _COUNTRY_FORMS]
    out = []
    for hit in _ORG.finditer(text):
        start, end = hit.start(), hit.end()
        name = hit.group(0).strip()
        if any(s < end and start < e for s, e in taken):
            continue
        inside = [c for c in countries if start <= c.start and c.end <= end]
        iso3 = inside[0].value if inside else _country_near(text, start, end, countries)
        if iso3 is None:
            continue
        out.append(
            Mention(
                start,
                start + len(name),
                name,
                "organisation",
                name,
                "official",
                {"iso3": iso3, "official": True},
            )
        )
    return out


def settle_countries(doc: Document, mentions: list[Mention], pair: tuple[str, str] | None) -> None:
    """An official introduced with no country ("Environment Minister Marina Silva") takes the one country
    the sentence of the introduction names as someone who acts or hosts (not a partner or destination
    after "to", "with", "against": "suspended exports to Indonesia"); with no country in that sentence,
    the sentence before it in the same paragraph. An envoy posted to a place ("ambassador ... in Cairo")
    is of the pair's other side. Updates the mentions' ``iso3`` in place; two countries or none leave the
    official without one."""
    sentences = doc.sentences
    starts = [s.start for s in sentences]
    countries = [m for m in mentions if m.kind == "country" and m.form in _COUNTRY_FORMS]
    by_official: dict[str, list[Mention]] = {}
    for m in mentions:
        if m.kind == "person" and m.attrs.get("official"):
            by_official.setdefault(m.value, []).append(m)

    def named_in(s: Sentence) -> list[Mention]:
        return [c for c in countries if s.start <= c.start < s.end]

    def placed(c: Mention) -> bool:
        return bool(_PLACE_BEFORE.search(doc.text[max(0, c.start - 30) : c.start]))

    def partner(c: Mention) -> bool:
        return bool(_PARTNER_BEFORE.search(doc.text[max(0, c.start - 30) : c.start]))

    for group in by_official.values():
        if any(m.attrs.get("iso3") for m in group):
            continue
        first = min(group, key=lambda m: m.start)
        i = bisect_right(starts, first.start) - 1
        if i < 0:
            continue
        named = named_in(sentences[i])
        if not named and i > 0 and "\n\n" not in doc.text[sentences[i - 1].end : sentences[i].start]:
            named = named_in(sentences[i - 1])
        codes = {c.value for c in named}
        if first.attrs.get("rank") == "diplomat" and named and all(placed(c) for c in named):
            if len(codes) == 1 and pair and (posted := codes.pop()) in pair:
                iso3: str | None = pair[0] if posted == pair[1] else pair[1]
            else:
                continue  # posted there, so not of there; which side sent the envoy is unknown
        else:
            acting = {c.value for c in named if not partner(c)}
            # "In Juba, Information Minister X said ...": an official speaking where the sentence is set is
            # of that country (one who meets someone there may be the visitor)
            speaks = _SPEAKS.match(doc.text, first.end)
            setting = [c for c in named if speaks and _SETTING.match(doc.text, sentences[i].start, c.start)]
            iso3 = setting[0].value if setting else acting.pop() if len(acting) == 1 else None
        if iso3 is not None:
            for m in group:
                m.attrs["iso3"] = iso3


_PLACE_BEFORE = re.compile(r"\b(?:in|to|at)\s+(?:the\s+)?$", re.IGNORECASE)  # where an envoy is posted
_SETTING = re.compile(r"\W*In\s+$")  # a sentence opening "In Juba, ..."
_SPEAKS = re.compile(r",?\s+(?:said|told|announced|stated|declared|added)\b")
# A country after these is a partner or destination, not the one acting ("suspended exports to Indonesia")
_PARTNER_BEFORE = re.compile(r"\b(?:to|from|into|with|against|for)\s+(?:the\s+)?$", re.IGNORECASE)
