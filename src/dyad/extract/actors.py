"""Officials and organisations nobody listed: a name next to a title from ``roles_en.tsv``.

"Chile's foreign minister Alberto van Klaveren", "Japanese Ambassador Ken Tanaka", "Mauro Vieira, Brazil's
foreign minister", "the head of Rosoboronexport, Alexander Mikheyev". The country is the one named with the
title (a possessive, an adjective, "of X"), else the one given for the same name elsewhere in the document.
Later in the document the surname alone, "Mr Surname" and "the minister" refer back to the official.
Ministries, embassies and central banks named with a country become organisations of that country.
An official still without a country after this is placed by ``official_sides.settle_countries``.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache

from dyad.extract.mentions import Mention
from dyad.knowledge import Knowledge, Role
from dyad.models import TimeValue

# A personal name: capitalised words, with the particles names carry ("van", "de", "al-", "bin").
_PARTICLE = r"(?:van|von|de|da|das|do|dos|del|della|der|di|du|la|le|bin|ibn|al|el|ben|ter|y)"
# A word of a name: "Klaveren", "GebreMariam", "Zaghari-Ratcliffe", "Daffa-Alla", "Moin-ul-Haque", "Al-Obeid".
_LETTERS = r"[a-z'’\u00C0-\u024F]"
# A capital letter, accented ones too ("Ángel", "Élise", "Šimon").
_UPPER = "[A-Z" + "".join(c for c in map(chr, range(0xC0, 0x250)) if c.isupper()) + "]"
# An initial written without its full stop starts a name too ("M Shahidul Haque"), not "A" or "I".
_WORD = (
    rf"(?:{_UPPER}{_LETTERS}+(?:{_UPPER}{_LETTERS}+)?(?:-[A-Za-z]{_LETTERS}+)*|(?:[A-Z]\.){{1,3}}"
    rf"|(?:[Aa]l|[Ee]l)-{_UPPER}{_LETTERS}+|(?![AI]\b)[A-Z](?=[^\S\n]+{_UPPER}[a-z]))"
)
# A family name in capitals before the given name, as Japanese and Korean official texts write it
# ("ITO Satoshi"); only at the start of a name and followed by a capitalised word.
_FAMILY_CAPS = r"[A-Z]{2,}(?:-[A-Z]{2,})?"
# The words of a name are on one line: a name does not run into the next line's heading.
_SP = r"[^\S\n]+"
NAME = rf"(?:{_FAMILY_CAPS}{_SP}{_WORD}(?:{_SP}{_WORD})?|{_WORD}(?:{_SP}(?:{_PARTICLE}{_SP})*{_WORD}){{1,5}})"
_PREFIX = (
    r"(?:(?:deputy|vice|acting|former|then|first|chief|senior|assistant|state|special|new|top|presidential)"
    r"[\s-]+)*"
)
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
# Last words of the names of bodies, never of a person's.
_BODY_WORDS = frozenset(
    [
        "Division",
        "Department",
        "Ministry",
        "Office",
        "Agency",
        "Council",
        "Commission",
        "Committee",
        "Bank",
        "Corporation",
        "Group",
        "Authority",
        "Forces",
        "Army",
        "Navy",
        "Court",
        "Assembly",
        "Parliament",
        "Government",
        "Embassy",
        "Secretariat",
        "Directorate",
        "Bureau",
        "Institute",
        "Company",
        "Organization",
        "Organisation",
        "Union",
        "Party",
        "Front",
        "Service",
        "Services",
        "Centre",
        "Center",
        "Board",
        "Republic",
        "Kingdom",
        "Federation",
        "Emirates",
        "States",
        "Talks",
        "Summit",
        "Conference",
        "Forum",
        "Meeting",
        "Agreement",
        "Treaty",
        "Declaration",
        "Statement",
        "Results",
        "Operations",
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
    "assistant",
    "special",
    "presidential",  # "Presidential Press Secretary X": the president's own spokesperson, envoy, adviser
)
_RANK_PREFIXES = ("deputy", "vice", "state", "assistant")
COUNTRY_FORMS = ("name", "adjective", "metonym", "historical")


# Between a title and the name: its complement, a comma, or a space ("the head of Rosoboronexport, Z"); a
# name an editor added in square brackets ("its ambassador to Canada [Z]"); a transcript's speaker in brackets
# after the title ("SPOKESPERSON (Z): Good afternoon").
_BETWEEN = (
    rf"(?:\s+(?:of|in|to|at|for|on)\s+{_COMPLEMENT},\s+"
    rf"|\s+(?:of|in|to|at|for|on|from)\s+[^,.;\[]{{2,40}}?(?:,\s+|\s+\[)|,\s+|\s+\[|\s+\((?=[^()\n]{{3,60}}\))|\s+)"
)
# A courtesy title between a title and the name: "Foreign Minister of Nepal Mr. N.P. Saud", "Ambassador,
# Dr. X", "Secretary Shri X".
# a courtesy title, or a military rank abbreviated as news agencies write it ("Gen.", "Lt. Gen.", "Rear Adm.")
_HONORIFIC = (
    r"(?:(?:Mr|Mrs|Ms|Dr|Shri|Smt|Sri|Prof)\.?\s+"
    r"|(?:(?:Rear|Vice)\s+)?(?:(?:Lt|Maj|Brig|Gen|Col|Adm|Capt|Cmdr|Cdr|Sgt)\.[-\s]*){1,3})?"
)
_NAME_GROUP = re.compile(rf"{_HONORIFIC}({NAME})")
_RETIRED = r"(?:\s+\((?:[Rr]etd|[Rr]etired)\.?\))?"  # "Lieutenant General (retd) X"
# A one-word name after a title, standing apart: "Minister Suswono said", "Minister, Suswono,"; a double
# surname joined by a hyphen is one word ("Ambassador Botsan-Kharchenko met").
_SINGLE = re.compile(
    r"(?P<comma>,)?\s+(?P<sir>(?:Mr|Mrs|Ms|Dr)\.?\s+)?"
    r"(?P<name>[A-Z][a-z\u00C0-\u024F]{3,}(?:-[a-z]+-[A-Z][a-z]+|-[A-Z][a-z\u00C0-\u024F]{2,})?)"
    r"(?P<end>[,;.:)]|\s+[a-z])"
)


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


def _plural(phrase: str) -> str:
    """The plural of a title: its head word in the plural ("trade ministers", "chiefs of staff",
    "charges d'affaires", "spokesmen")."""
    words = phrase.split()
    i = 0 if "of" in words or words[-1] == "d'affaires" else len(words) - 1
    word = words[i]
    if word.endswith("man"):
        word = word[:-3] + "men"
    elif word.endswith("y") and word[-2:-1] not in ("a", "e", "o", "u"):
        word = word[:-1] + "ies"
    elif word.endswith(("s", "sh", "ch", "x")):
        word += "es"
    else:
        word += "s"
    return " ".join([*words[:i], word, *words[i + 1 :]])


@lru_cache(maxsize=4)
def _role_pattern(phrases: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = _trie_regex([p.split() for p in phrases])
    # a title joined to a word by a hyphen is not that title ("Prosecutor-General" is no "General"), except
    # an appointed or elected one not yet in office ("High Commissioner-designate")
    return re.compile(rf"(?<![\w-]){_PREFIX}{alternatives}(?:-designate|-elect)?(?![\w-])", re.IGNORECASE)


def _clean_name(text: str) -> str | None:
    words = text.split()
    while words and words[0].strip(".") in _NOT_NAME:
        words = words[1:]
    while words and words[-1] in _NOT_NAME:
        words = words[:-1]
    # the last word is capitalised ("Chang-yang"), or an "al-" family name ("al-Atta")
    if len(words) < 2 or not re.match(rf"(?:[ae]l-)?{_UPPER}", words[-1]):
        return None
    return " ".join(words)


class ActorFinder:
    def __init__(self, knowledge: Knowledge) -> None:
        self.k = knowledge
        phrases = tuple(sorted(knowledge.roles, key=len, reverse=True))
        self.roles = _role_pattern(phrases) if phrases else None
        # the words titles are made of ("trade", "minister", "affairs"): a run of them is no one's name
        self.title_words = frozenset(w for p in knowledge.roles for w in re.split(r"[\s-]+", p) if len(w) > 2)
        # "Minister of Trade, Industry and Energy Lee Chang-yang": the portfolio is a run of title words
        # (not "and" or "the" after a comma: ", and Minister X" joins a list)
        words = "|".join(
            sorted(
                (re.escape(w) for w in self.title_words if w.isalpha() and w not in ("and", "the", "for")),
                key=len,
                reverse=True,
            )
        )
        self.portfolio = re.compile(
            rf"(?:\s+(?:of|for)\s+(?:the\s+)?|,\s+|\s+and\s+)(?i:{words})(?:(?:,\s+|\s+and\s+|\s+)(?i:{words})){{0,6}}\s+(?={NAME})"
        )
        # every word of a known person's name: "Wang" of "Wang Yi" alone is that person, not a new one
        self.known_surnames = frozenset(
            w for t in knowledge.terms for n in (t.name, *t.aliases) for w in n.split()
        )
        # plural titles before two names: "Trade ministers A and B", "charges d'affaires, A for X and B for
        # Y", "the foreign secretaries of the two countries — A and B"
        self.plurals = {_plural(p): p for p in knowledge.roles}
        plurals = _trie_regex([p.split() for p in self.plurals])
        self.plural_titles = (
            re.compile(
                rf"(?<![\w-])(?i:(?P<pre>{_PREFIX})(?P<core>{plurals}))"
                rf"(?![\w-])(?:\s+of\s+(?:the\s+two|both)\s+(?:countries|sides|nations|states|governments))?"
                rf"(?:,|\s+[—–])?\s+(?P<a>{NAME})(?P<af>\s+(?:for|of)\s+[^,;]{{2,30}}?)?,?\s+and\s+(?P<b>{NAME})"
                rf"(?P<bf>\s+(?:for|of)\s+(?:the\s+)?[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*)?"
            )
            if knowledge.roles
            else None
        )
        # "Zhao Lijian, one of the ministry's spokesmen, said": a name before one of a plural title
        self.one_of = (
            re.compile(
                rf"(?P<name>{NAME}),\s+one\s+of\s+[^,.;]{{0,40}}?(?<![\w-])(?i:(?P<core>{plurals}))(?![\w-])"
            )
            if knowledge.roles
            else None
        )

        # "Chief Cabinet Secretary X", "the Ministry of External Affairs spokesperson X": a title or a body
        # only one country's government has (titles_national_en.tsv)
        national = _trie_regex([p.split() for p in knowledge.national_titles])
        body = rf"(?<![\w-])(?i:{national})(?:['’]s)?[^\S\n]+$"
        self.national_body = re.compile(body) if knowledge.national_titles else None

        # "the Spanish conquistador X", "British author X": occupations of people who hold no office
        occupations = _trie_regex([p.split() for p in knowledge.occupations])
        self.occupations = re.compile(rf"(?<![\w-]){occupations}(?![\w-])") if knowledge.occupations else None

    def _role(self, text: str) -> Role | None:
        key = re.sub(r"\s+", " ", text.lower()).strip()
        key = re.sub(r"-(?:designate|elect)$", "", key) if key not in self.k.roles else key
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

    def _national(self, text: str, start: int, title: str) -> str | None:
        """The countries (|) whose governments alone have this title ("Chief Cabinet Secretary") or the body
        named right before it ("the Ministry of External Affairs spokesperson")."""
        key = " ".join(title.lower().split())
        for phrase, codes in self.k.national_titles.items():
            if key == phrase or key.endswith(" " + phrase):
                return "|".join(codes)
        body = self.national_body.search(text, max(0, start - 60), start) if self.national_body else None
        if body is None:
            return None
        phrase = re.sub(r"['’]s$", "", " ".join(body.group(0).lower().split()))
        return "|".join(self.k.national_titles.get(phrase, ())) or None

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
            or (m.kind == "country" and m.form in COUNTRY_FORMS)
        ]
        countries += self._leaders_with_country(mentions)
        places = [m for m in mentions if m.kind == "country"]
        officials: dict[str, Official] = {}
        found: list[Mention] = []

        # a one-word body inside a longer name is part of the name ("Elias Bou Saab" is no Saab)
        inner = {(m.start, m.end) for m in mentions if m.kind == "organisation" and " " not in m.text.strip()}

        def free(start: int, end: int) -> bool:
            return not any(
                s < end and start < e and not ((s, e) in inner and start < s and e <= end) for s, e in taken
            )

        def add(
            name: str,
            start: int,
            end: int,
            role: Role | None,
            iso3: str | None,
            form: str,
            opposite: str | None = None,
            chief: str | None = None,
            posted: str | None = None,
            international: bool = False,
            national: str | None = None,
        ) -> None:
            # a place is no part of a name: "Hungary Péter Szijjártó" is Péter Szijjártó, "New Delhi" no one
            for place in places:
                if (place.start, place.end) == (start, end) and place.form == "name":
                    continue  # a one-word name after its title that is a country's name, as _single_name let
                if place.start < end and start < place.end:
                    if place.start > start and place.end >= end:
                        # a name run on into the place after it, as a heading joined to its dateline
                        # ("... Vice-Minister Carlos Roverssi Rojas San José, 4 November"): the words before
                        head = text[start : place.start].rstrip()
                        if self._country_surname(text, head, place, end):
                            continue  # "Minister of Finance Siniša Mali,": a given name and a surname
                        trimmed = self._clean(head) if len(head.split()) >= 2 else None
                        if trimmed is None or re.search(r"[,;:()\d]", head):
                            return
                        end, name = start + len(head), trimmed
                        continue
                    if place.start > start or place.end >= end:
                        return
                    start = place.end + len(text[place.end : end]) - len(text[place.end : end].lstrip())
                    trimmed = self._clean(text[start:end])
                    if trimmed is None:
                        return
                    name = trimmed
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
                    {"role": known.role, "rank": known.rank, "official": True}
                    | ({"opposite": opposite} if opposite else {})
                    | ({"chief": chief} if chief else {})
                    | ({"posted": posted} if posted else {})
                    | ({"international": True} if international else {})
                    | ({"national": national} if national else {}),
                )
            )

        for hit in _PAIRED.finditer(text):  # "the foreign ministers of Armenia and Azerbaijan, A and B"
            role = self._role(hit.group("role"))
            sides = [_country_in(countries, hit.start(g), hit.end(g)) for g in ("x", "y")]
            if role is None or None in sides:
                continue
            for group, iso3 in zip(("a", "b"), sides, strict=True):
                name = self._clean(hit.group(group))
                if name and free(hit.start(group), hit.end(group)):
                    add(name, hit.start(group), hit.end(group), role, iso3, "official")
        for hit in self.plural_titles.finditer(text) if self.plural_titles else ():
            core = self.plurals.get(re.sub(r"\s+", " ", hit.group("core").lower()))
            role = self._role(hit.group("pre") + core) if core else None
            names = [(g, self._clean(hit.group(g))) for g in ("a", "b")]
            # one of the two may be a known person ("Defence ministers Richard Marles and Prabowo Subianto")
            known = {g: _known_at(mentions, hit.start(g), hit.end(g), text) for g, _ in names}
            names = [(g, k.value if (k := known[g]) else n) for g, n in names]
            if (
                role is None
                or not all(n for _, n in names)
                # "the Special Representatives, Security Advisor A and B": each has a title of its own
                or any(str(n).split()[0].lower() in self.title_words for _, n in names)
                or all(known.values())
                or not all(known[g] or free(hit.start(g), hit.end(g)) for g, _ in names)
            ):
                continue
            # "their Russian counterparts, A and B" are of one side, the one named with the title
            shared = (
                _country_near(text, hit.start("core"), hit.end("core"), countries)
                if role.role == _PEER
                else None
            )
            if role.role == _PEER and shared is None:
                continue
            for (group, name), (_, other) in zip(names, names[::-1], strict=True):
                if known[group]:
                    continue
                place = hit.group(group + "f")
                iso3 = (
                    _country_in(countries, hit.start(group + "f"), hit.end(group + "f")) if place else shared
                )
                opposite = None if role.role == _PEER else other
                add(str(name), hit.start(group), hit.end(group), role, iso3, "official", opposite=opposite)
        for hit in self.one_of.finditer(text) if self.one_of else ():
            core = self.plurals.get(re.sub(r"\s+", " ", hit.group("core").lower()))
            role = self._role(core) if core else None
            name = self._clean(hit.group("name"))
            if role and name and free(hit.start("name"), hit.end("name")):
                iso3 = _country_near(text, hit.start("core"), hit.end("core"), countries)
                add(name, hit.start("name"), hit.end("name"), role, iso3, "official")
        for org in mentions:  # "Gazprom's Alexei Miller": a company's or agency's own person
            if (
                org.kind != "organisation"
                or org.form not in ("company", "agency")
                or not org.attrs.get("iso3")
            ):
                continue
            own = _OWN_PERSON.match(text, org.end)
            name = self._clean(own.group(1)) if own else None
            if (
                own
                and name
                and free(own.start(1), own.end(1))
                and not _known_at(mentions, own.start(1), own.end(1))
            ):
                rank = "business" if org.form == "company" else "official"
                add(
                    name,
                    own.start(1),
                    own.end(1),
                    Role(name, f"{org.value} official", rank),
                    org.attrs["iso3"],
                    "official",
                )
        for m in self.roles.finditer(text):
            role = self._role(m.group(0))
            if m.group(0).lower() in _DESCRIPTIONS and not m.group(0).islower():
                continue  # "Official Development Assistance": a description is no capitalised title
            if role is None or _OFFICE_OF.search(text, max(0, m.start() - 40), m.start()):
                continue  # "Head of the Office of the President X": X is not the president
            iso3 = _country_near(text, m.start(), m.end(), countries)
            if role.rank == _EXPERT and _field_before(text, m.start(), countries):
                iso3 = None  # "a Russia expert" knows of Russia; "the Argentine expert" is Argentina's
            # "Selaković's deputy, X": the deputy of an official introduced before is of that official's side
            boss = _OWNER.search(text, max(0, m.start() - 40), m.start())
            chief = next(
                (o for o in officials.values() if boss and o.name.split()[-1] == boss.group(1)), None
            )
            if chief is not None:
                iso3 = iso3 or chief.iso3
                if m.group(0).lower() == "deputy" and chief.role:
                    rank = "deputy_minister" if chief.rank == "minister" else chief.rank
                    role = Role("deputy", f"deputy {chief.role}", rank)
            after = self._name_after(text, m.end(), countries) or self._single_name(
                text, m.end(), iso3, mentions
            )
            if after and role.role == _PEER and self._titled(text[m.end() : after[0]]):
                continue  # "his counterpart, Commerce Minister X": the second title introduces X
            # "the EU ambassador in Lima, X", "UN envoy X": an international body's official, of no country
            body = None if iso3 else _igo_before(text, m.start(), mentions)
            if after and body is None and iso3 is None:  # "the Secretary General of the OAS, X"
                body = _igo_between(text, m.end(), after[0], mentions)
            if after:  # a name after the title, maybe a known person's: no name before it is meant
                if free(after[0], after[1]) and not _known_at(mentions, after[0], after[1], text):
                    iso3 = iso3 or _of_country(text, m.end(), after[0], countries)
                    iso3 = iso3 or _appositive_country(text, after[1], countries)
                    add(
                        after[2],
                        after[0],
                        after[1],
                        role,
                        iso3,
                        "official",
                        chief=chief.name if chief else None,
                        international=body is not None and iso3 is None,
                        national=None if iso3 else self._national(text, m.start(), m.group(0)),
                    )
                continue
            before = re.search(
                rf"({NAME}),\s+(?:the\s+|a\s+|an\s+)?[^,.;]{{0,30}}$",
                text[max(0, m.start() - 90) : m.start()],
            )
            if before:  # "Mauro Vieira, Brazil's foreign minister"
                iso3 = iso3 or _body_after(text, m.end(), countries)
                start = max(0, m.start() - 90) + before.start(1)
                name = self._clean(before.group(1))
                if name and free(start, start + len(before.group(1))):
                    national = None if iso3 else self._national(text, m.start(), m.group(0))
                    add(name, start, start + len(before.group(1)), role, iso3, "official", national=national)
                continue
            named = _APPOINTED.search(text, max(0, m.start() - 90), m.start())
            name = self._clean(named.group(1)) if named else None
            if named and name and free(named.start(1), named.end(1)):
                # "Chile named X as its new ambassador to Peru", "appointed X ambassador to Peru": the title
                # after the name it is given to; an envoy sent "to" a country is of the other side
                to = re.match(r"\s+to\s+(?:the\s+)?", text[m.end() : m.end() + 12])
                place = next((c for c in places if to and c.start == m.end() + to.end()), None)
                posted = _iso(place) if place and not iso3 and role.rank == "diplomat" else None
                add(name, named.start(1), named.end(1), role, iso3, "official", posted=posted)
        for hit in _CREDENTIALS.finditer(text):  # "X presented his credentials in Tehran": an ambassador
            name = self._clean(hit.group("name"))
            role = self._role("ambassador")
            if name and role and free(hit.start("name"), hit.end("name")):
                where = _credentials_to(text, hit.end(), countries)
                add(name, hit.start("name"), hit.end("name"), role, None, "official", posted=where)
        for hit in self.occupations.finditer(text) if self.occupations else ():
            self._private_person(text, hit, countries, free, add)
        self._fill_countries(officials, found)
        # a country's plain name stays the country after a namesake official ("Finance Minister Mali")
        place_names = [(p.start, p.end) for p in places if p.form == "name"]
        found += self._later_mentions(text, officials, taken + place_names, found)
        for mention in found:
            official = officials[mention.value]
            mention.attrs["iso3"] = official.iso3
            mention.attrs["role"] = official.role
        found += self._international(text, mentions)
        found += _title_anaphors(text, mentions, found, officials)
        found += _known_surnames(text, mentions, taken, officials)
        found += _organisations(text, mentions, taken)
        for mention in found:  # a journalist or an author holds no office: listed, never a side
            if mention.attrs.get("rank") == _PRIVATE:
                mention.attrs["official"] = False
        return sorted(found, key=lambda x: x.start)

    def unseat_namesakes(self, text: str, mentions: list[Mention], when: TimeValue | None) -> list[Mention]:
        """A known person's surname alone after a title ("Lithuanian Foreign Minister Landsbergis") is
        someone else of that surname when the knowledge files have that person in no office on the
        document's date and never in the title's office: an official of the title, of the country the
        text gives with the title. With no date, only a title of an office the knowledge files follow
        (leaders, foreign ministers) the person never held says so. Every mention of that surname alone is
        then that official."""
        if self.roles is None:
            return mentions
        days = (when.start, when.end or when.start) if when is not None and when.start is not None else None
        countries = [m for m in mentions if m.kind == "country" and m.form in COUNTRY_FORMS]
        unseated: dict[tuple[str, str], Mention] = {}
        for m in mentions:
            people = m.attrs.get("people") or []
            if m.kind != "person" or m.form != "person" or not people or " " in m.text.strip():
                continue
            title = next(
                (
                    t
                    for t in self.roles.finditer(text, max(0, m.start - 60), m.start)
                    if re.fullmatch(r"[^\S\n]+", text[t.end() : m.start])
                ),
                None,
            )
            role = self._role(title.group(0)) if title else None
            if title is None or role is None:
                continue
            office = role.rank if role.rank in ("head_of_state", "head_of_government") else role.role
            office = office.replace(" ", "_")
            terms = [t for p in people for t in self.k.terms_of(p)]
            # undated, only a title of an office the knowledge files follow says the person never held it
            if any(t.role == office for t in terms):
                continue
            if days is None and office not in _FOLLOWED_OFFICES:
                continue
            if days is not None and any(t.covers(*days) for t in terms):
                continue
            iso3 = _country_near(text, title.start(), title.end(), countries)
            unseated[(m.value, m.text.strip())] = Mention(
                m.start,
                m.end,
                m.text,
                "person",
                m.text.strip(),
                "official",
                {"role": role.role, "rank": role.rank, "official": True, "iso3": iso3},
            )
        if not unseated:
            return mentions
        out = []
        for m in mentions:
            twin = (
                unseated.get((m.value, m.text.strip())) if m.kind == "person" and m.form == "person" else None
            )
            out.append(replace(twin, start=m.start, end=m.end, text=m.text) if twin else m)
        return out

    def _private_person(
        self,
        text: str,
        hit: re.Match[str],
        countries: list[Mention],
        free: Callable[[int, int], bool],
        add: Callable[..., None],
    ) -> None:
        """A person named with an occupation and a nationality: "the Spanish conquistador X", "former U.S.
        intelligence contractor X", "X, an Argentine journalist,". Without a nationality, no one."""
        nationality = _nationality(text, hit.start(), countries)
        if nationality is None:
            return
        role = Role(hit.group(0), self.k.occupations[hit.group(0)], _PRIVATE)
        after = re.match(rf"(?:,\s+|[^\S\n]+){_HONORIFIC}({NAME})", text[hit.end() : hit.end() + 80])
        if after:
            start, end = hit.end() + after.start(1), hit.end() + after.end(1)
        else:  # "X, an Argentine journalist": the name before the apposition
            lo = max(0, nationality.start - 90)
            before = _APPOSED.search(text, lo, nationality.start)
            if before is None:
                return
            start, end = before.start(1), before.end(1)
        name = self._clean(text[start:end])
        if name and free(start, end) and not any(w in self.k.occupations for w in name.lower().split()):
            add(name, start, end, role, nationality.value, "person")

    def _leaders_with_country(self, mentions: list[Mention]) -> list[Mention]:
        """Known people of one country, for titles read against them ("Abiy's chief of staff", "an adviser
        to President Isaias Afwerki")."""
        out = []
        for m in mentions:
            codes = {t.iso3 for t in self.k.terms_of(m.value)} if m.kind == "person" else set()
            if len(codes) == 1:
                out.append(Mention(m.start, m.end, m.text, "person", m.value, m.form, {"iso3": codes.pop()}))
        return out

    def _international(self, text: str, mentions: list[Mention]) -> list[Mention]:
        """A known person introduced with the title of an international body ("UN Secretary-General X",
        "the European Council president, X") holds that office in the text: no country, whatever country
        they once led."""
        out = []
        bodies = [m for m in mentions if _stateless_body(m)]
        for body, person in itertools.pairwise(mentions):
            if person.kind != "person":
                continue
            # "the Permanent Council of the OAS, and yesterday the Secretary General, Mr X": the body's head,
            # named earlier in the sentence
            head = _BODY_HEAD.search(text, max(0, person.start - 40), person.start)
            named = (
                [b for b in bodies if b.end <= head.start() and _same_sentence(text, b.end, head.start())]
                if head
                else []
            )
            if head and named:
                body, title = named[-1], head.group("title")
            else:
                title = text[body.end : person.start]
                # "the Secretary General of the OAS, X": the title before the body, the name after it
                before = _TITLE_OF.search(text, max(0, body.start - 60), body.start)
                if before and re.fullmatch(r",?\s+", title):
                    title = before.group("title")
            if not _stateless_body(body):
                continue
            words = re.findall(r"[A-Za-z]+", title)
            if words and len(title) < 40 and all(w.lower() in self.title_words for w in words):
                role = f"{body.text} {title.strip(' ,')}"
                attrs = {
                    "role": role,
                    "rank": "official",
                    "official": True,
                    "iso3": None,
                    "international": True,
                }
                out.append(
                    Mention(person.start, person.end, person.text, "person", person.value, "official", attrs)
                )
        return out

    def _clean(self, text: str) -> str | None:
        """A person's name without the title words around it; None for a title ("the Official Spokesman,
        Ambassador X") or a body ("the Economic Relations Division")."""
        name = _clean_name(text)
        # a second title before the name: "his counterpart, Commerce Minister X" is X (not "Amir Khan X")
        while name and len(words := name.split()) > 2 and self._title_run(words[0], words[1]):
            name = _clean_name(name.split(maxsplit=1)[1])
        if name is None or name.split()[-1] in _BODY_WORDS or re.search(r"['’]s\b", name):
            return None  # a body ("Military Operations"), or a possessive ("India's Lieutenant General X")
        if all(w.lower() in self.title_words or w in _NOT_NAME for w in name.split()):
            return None
        return name

    def _titled(self, between: str) -> bool:
        """Whether words of a title stand between a title and a name."""
        return any(w.lower() in self.title_words for w in re.findall(r"[A-Za-z]+", between))

    def _title_run(self, first: str, second: str) -> bool:
        """Whether two words of a name start with a title of two words ("Commerce Minister")."""
        return first.lower() in self.title_words and (
            second in _NOT_NAME or second.lower() in self.title_words
        )

    def _name_after(self, text: str, at: int, countries: list[Mention]) -> tuple[int, int, str] | None:
        """The name after a title ending at ``at``: "Minister Y", "the head of Rosoboronexport, Z", "the
        central bank governor, Z", "Minister of Trade and Energy Y", "ambassador to China Y"."""
        window = text[at : at + 120]
        found = re.match(rf"{_RETIRED}(?:{_CONTINUATION})?{_BETWEEN}{_HONORIFIC}({NAME})", window)
        if found is None:
            lead = self.portfolio.match(window)
            # "the President and First Lady X": a second title joined by "and" is another person's
            joined = lead and re.match(r"\s+and\s+(.+?)\s*$", lead.group(0))
            if joined and self._role(joined.group(1)) is not None:
                lead = None
            found = _NAME_GROUP.match(window, lead.end()) if lead else None
        if found is None:  # the complement is a country: "ambassador to China Geoff Raby"
            place = next((c for c in countries if c.kind == "country" and c.start > at), None)
            lead = (
                # "of Foreign Affairs and Trade of Hungary Péter Szijjártó": a portfolio before the country
                re.fullmatch(
                    r"\s+(?:(?:of|for|and)\s+(?:[A-Z][\w'’-]*,?\s+(?:and\s+)?){1,6})?(?:of|to|in|for|on)\s+(?:the\s+)?",
                    text[at : place.start],
                )
                if place
                else None
            )
            if place and lead:
                # a second complement: "the Ambassador of Ukraine to Hungary Fedir Shandor"
                second = next((c for c in countries if c.kind == "country" and c.start > place.end), None)
                if second and re.fullmatch(r"\s+(?:to|in)\s+(?:the\s+)?", text[place.end : second.start]):
                    place = second
                found = re.match(rf"(?:,\s+|\s+){_HONORIFIC}({NAME})", text[place.end : place.end + 80])
                at, window = place.end, text[place.end : place.end + 80]
        if found is None:
            return None
        name = self._clean(found.group(1))
        if not name or "\n\n" in window[: found.start(1)]:
            return None  # a title and a name paragraphs apart are not one introduction
        # a portfolio's last word before the name ("Minister for Economic Affairs and Climate Action Robert
        # Habeck"): a word the text also writes in lower case is no part of a name of three words or more
        words = name.split()
        while len(words) >= 3 and re.search(rf"(?<![\w-]){re.escape(words[0].lower())}(?![\w-])", text):
            words = words[1:]
        name = " ".join(words)
        start = at + found.start(1) + found.group(1).find(words[0])
        end = at + found.start(1) + found.group(1).rfind(words[-1]) + len(words[-1])
        return start, end, name

    def _single_name(
        self, text: str, at: int, iso3: str | None, mentions: list[Mention]
    ) -> tuple[int, int, str] | None:
        """A one-word name after a title ("Indonesian Agriculture Minister Suswono", "Mongolian President
        Khurilesukh,", "the High Commissioner-designate, Mr. Moin-ul-Haque,"): only where the title has
        its country or the name stands apart (commas, "Mr."), and the word is no surname of a known person
        or of a longer name in the text."""
        hit = _SINGLE.match(text, at)
        if hit is None or not (iso3 or hit.group("sir") or (hit.group("comma") and hit.group("end") == ",")):
            return None
        word = hit.group("name")
        if (
            word in _NOT_NAME
            or word.lower() in self.title_words
            or word in self.known_surnames
            or any(
                m.start < hit.end("name")
                and hit.start("name") < m.end
                # "Serbian Finance Minister Mali met": another country's plain name is the surname
                and not (
                    m.kind == "country"
                    and m.form == "name"
                    and (m.start, m.end) == hit.span("name")
                    and iso3 not in (None, m.value)
                )
                for m in mentions
            )
            or self._in_longer_name(text, word)
        ):
            return None
        return hit.start("name"), hit.end("name"), word

    def _country_surname(self, text: str, head: str, place: Mention, end: int) -> bool:
        """Whether a title's name ending in a country's name ("Siniša Mali") is a given name and a surname:
        one capitalised word before the country's plain name, which ends the name and starts no heading's
        dateline or list of places (a capitalised word or a number after it)."""
        return (
            place.form == "name"
            and place.end == end
            and re.fullmatch(rf"{_UPPER}[\w'’-]+", head) is not None
            and head not in _NOT_NAME
            and head.lower() not in self.title_words
            and re.match(r"[^\S\n]*(?:[,(][^\S\n]*)?(?:\d|[A-Z])", text[end : end + 6]) is None
        )

    def _in_longer_name(self, text: str, word: str) -> bool:
        """Whether the text writes ``word`` next to another part of a name (not a title): "Wang" of "Wang
        Yi", "Tanaka" of "Ken Tanaka"."""
        for hit in re.finditer(
            rf"\b([A-Z][\w'’-]*)\s+{re.escape(word)}\b|\b{re.escape(word)}\s+([A-Z][\w'’-]*)", text
        ):
            other = hit.group(1) or hit.group(2)
            if other.lower() not in self.title_words and other not in _NOT_NAME:
                return True
        return False

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
            for surname in _surnames(name):
                surnames.setdefault(surname, []).append(name)
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


# Titles of one office-holder that stand for the person later ("Federal Chancellor Olaf Scholz ... The
# Chancellor accepted"), written before a name ("President Lula", "the President of Brazil, Lula").
_HEAD_TITLE = (
    r"(?:Federal\s+)?(?P<title>Chancellor|President|Prime\s+Minister|Premier|King|Queen|Emir|Crown\s+Prince)"
)
_TITLE_BEFORE = re.compile(rf"\b{_HEAD_TITLE}(?:\s+of\s+(?:the\s+)?[A-Z][\w'’ -]{{2,50}}?,)?\s+$")
_TITLE_ALONE = re.compile(rf"\b[Tt]he\s+{_HEAD_TITLE}\b(?!\s+(?:of\b|[A-Z]))(?!['’]s\s+[a-z]+\s+[A-Z])")


# The head of an international body named before in the sentence: "the Secretary General, Mr X".
_BODY_HEAD = re.compile(
    r"\b[Tt]he\s+(?P<title>Secretary[\s-]General|Director[\s-]General),?\s+(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?$"
)


_TITLE_OF = re.compile(r"(?P<title>(?<![\w-])[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3})\s+of\s+(?:the\s+)?$")


def _same_sentence(text: str, start: int, end: int) -> bool:
    """Whether nothing between two points of the text ends a sentence or a paragraph."""
    return 0 <= end - start <= 200 and not re.search(r"[.!?]\s|\n\n", text[start:end])


def _title_anaphors(
    text: str, mentions: list[Mention], found: list[Mention], officials: dict[str, Official]
) -> list[Mention]:
    """ "The Chancellor", "the President": the one person the text has named with that title before, known
    or introduced ("Federal Chancellor Olaf Scholz", "the President of Brazil, Lula"); none when two
    people have held it in the text so far."""
    people = sorted(
        [m for m in mentions if m.kind == "person"] + [m for m in found if m.form == "official"],
        key=lambda m: m.start,
    )
    titled: list[tuple[int, str, str]] = []  # (where, title, person)
    for p in people:
        before = _TITLE_BEFORE.search(text, max(0, p.start - 80), p.start)
        if before:
            titled.append((p.start, _title_key(before.group("title")), p.value))
    covered = [(m.start, m.end) for m in (*mentions, *found)]
    out = []
    for hit in _TITLE_ALONE.finditer(text):
        if any(s < hit.end() and hit.start() < e for s, e in covered):
            continue
        named = {
            who for at, title, who in titled if at < hit.start() and title == _title_key(hit.group("title"))
        }
        if len(named) != 1:
            continue
        who = named.pop()
        official = officials.get(who)
        attrs = {"official": True, "iso3": official.iso3, "role": official.role} if official else {}
        out.append(Mention(hit.start(), hit.end(), hit.group(0), "person", who, "anaphor", attrs))
    return out


def _title_key(title: str) -> str:
    return " ".join(title.lower().split())


def _surnames(name: str) -> list[str]:
    """The words a later mention may use alone for ``name``: its last word, and for three words or more
    the one before it when it is capitalised ("Rodrigo Aránguiz Pell" is later "Aránguiz", as Spanish and
    Portuguese double surnames are shortened to the first)."""
    words = name.split()
    found = [words[-1]]
    if len(words) >= 3 and words[-2][:1].isupper() and words[-2].isalpha() and not words[-2].isupper():
        found.append(words[-2])
    return found


# The Arabic article on a family name, which English writers often drop after the first mention
# ("Omar al-Bashir" ... "Bashir said"; "Abdel Fattah el-Sisi" ... "Sisi").
_ARTICLE = re.compile(r"^(?:[Aa]l|[Ee]l)-([A-Z][\w'’]+)$")


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
        if bare := _ARTICLE.match(name.split()[-1]):
            by_surname.setdefault(bare.group(1), []).append(name)  # "al-Bashir" is later "Bashir"
    covered = taken + [(m.start, m.end) for m in mentions if m.kind in ("person", "organisation", "country")]
    out = []
    for surname, names in by_surname.items():
        capital = surname[:1].isupper() or _ARTICLE.match(surname)  # "al-Bashir" alone is a name too
        if len(set(names)) != 1 or names[0] not in first or len(surname) < 3 or not capital:
            continue
        # the bare form never inside the full one ("al-Bashir" is the full name's own mention)
        before = r"(?<![\w-])" if surname not in [n.split()[-1] for n in names] else r"\b"
        for hit in re.finditer(rf"{before}{re.escape(surname)}\b(?!\s+[A-Z])", text):
            if hit.start() > first[names[0]] and not any(
                s < hit.end() and hit.start() < e for s, e in covered
            ):
                out.append(Mention(hit.start(), hit.end(), surname, "person", names[0], "surname", {}))
    return out


def refer_surnames(mentions: list[Mention]) -> list[Mention]:
    """A known surname alone ("Castro", "MINISTER CASTRO:") means the one person of the knowledge files the
    document named in full with it before ("René Castro"), not another holder of the name (Fidel Castro);
    with none or two so named before, the mention stays as it was."""
    full: dict[str, set[str]] = {}
    out = []
    for m in mentions:
        words = m.text.split()
        if m.kind == "person" and m.form == "person" and len(words) >= 2:
            full.setdefault(words[-1].casefold(), set()).add(m.value)
        named = full.get(m.text.strip().casefold()) if m.kind == "person" and m.form == "person" else None
        if named and len(named) == 1 and len(words) == 1 and m.value not in named:
            value = next(iter(named))
            m = replace(m, value=value, attrs={**m.attrs, "people": [value]})
        out.append(m)
    return out


# The rank of experts, of the country named with their title only (``official_sides`` guesses none).
_FOLLOWED_OFFICES = ("head_of_state", "head_of_government", "foreign_minister", "party_leader")  # leaders.tsv
_EXPERT = "expert"
# The title of an opposite number ("his Peruvian counterpart X"), whose side the meeting rules read.
_PEER = "counterpart"
_OWNER = re.compile(r"\b([A-Z][\w'’-]+)['’]s\s+$")  # a person's title in the possessive: "Soto's deputy"
_OWN_PERSON = re.compile(rf"['’]s\s+({NAME})")
# A title inside the name of the office that serves it.
_OFFICE_OF = re.compile(r"\b(?:Office|Administration|Chancellery|Secretariat|Staff)\s+of\s+the\s+$", re.I)
# Two officials of the same title introduced together, in the order of their countries.
_PAIRED = re.compile(
    rf"\b(?P<role>(?:[a-z]+\s+)?(?:minister|ambassador|president|envoy|leader|negotiator|spokesperson))s\s+of\s+"
    rf"(?:the\s+)?(?P<x>[A-Z][^,;]{{2,40}}?)\s+and\s+(?:the\s+)?(?P<y>[A-Z][^,;]{{2,40}}?),\s+"
    rf"(?P<a>{NAME})\s+and\s+(?P<b>{NAME})",
)


# An ambassador taking up the post: "X presented his credentials to President Y", "X, the new envoy,
# presents her letters of credence in Lima", "X takes up his post in London".
_CREDENTIALS = re.compile(
    rf"(?P<name>{NAME})(?:,[^,.;]{{1,60}},)?\s+(?:(?:presents|presented|presenting|has\s+presented|handed\s+over|"
    rf"hands\s+over|submitted|submits)\s+(?:his|her|their)\s+(?:credentials|letters\s+of\s+(?:credence|credentials))"
    # "X takes up his post in London" (an envoy arriving at an embassy)
    rf"|(?:takes|took|has\s+taken|taking)\s+up\s+(?:his|her)\s+post(?=\s+in\b))"
)


def _credentials_to(text: str, end: int, countries: list[Mention]) -> str | None:
    """The country an ambassador presents credentials in or to: a country or capital ("in Tehran"), or its
    known leader ("to President Y")."""
    for m in countries:
        if m.start >= end and re.fullmatch(
            r"\s+(?:in|to|at)\s+(?:the\s+)?(?:[A-Z][a-z]+\s+){0,2}", text[end : m.start]
        ):
            return _iso(m)
    return None


def _body_after(text: str, end: int, countries: list[Mention]) -> str | None:
    """The country of the body named after a title: "X, Secretary, Ministry of Energy, Water Resources and
    Irrigation of Nepal", "X, Counsellor, Embassy of Peru"."""
    body = _BODY_AFTER.match(text, end)
    if body is None:
        body = _AT_BODY.match(text, end)
        if body is None:
            return None
        # "a counselor at the Ethiopian embassy in Mogadishu": the body's own country, not where it is
        inside = {
            _iso(m)
            for m in countries
            if body.start() <= m.start
            and m.end <= body.end()
            and m.kind == "country"
            and not _PLACED_IN.search(text, max(0, m.start - 12), m.start)
        }
        return inside.pop() if len(inside) == 1 else None
    inside = {
        _iso(m) for m in countries if body.start() <= m.start and m.end <= body.end() and m.kind == "country"
    }
    return inside.pop() if len(inside) == 1 else None


_BODY_AFTER = re.compile(r",\s+(?:the\s+)?(?:Ministry|Department|Embassy|Office|Government)\b[^;()\n.]{0,90}")
# A title's body after "at" or "of": "a counselor at the Ethiopian embassy in Mogadishu", "an official of
# the Kenyan foreign ministry" (up to the next comma or full stop).
_AT_BODY = re.compile(
    r"\s+(?:at|of|in|with)\s+(?:the\s+|its\s+)?(?:[\w'’-]+\s+){0,3}?"
    r"(?i:ministry|embassy|consulate|high\s+commission|mission|foreign\s+office)\b[^,;()\n.]{0,40}"
)
_PLACED_IN = re.compile(r"\b(?:in|to)\s+$")


def _known_at(mentions: list[Mention], start: int, end: int, text: str = "") -> Mention | None:
    """The known person of the knowledge files named at exactly these words, or at their last words after
    initials only ("S Jaishankar" is the "Jaishankar" the knowledge files know as "S. Jaishankar")."""
    return next(
        (
            m
            for m in mentions
            if m.kind == "person"
            and m.end == end
            and (m.start == start or (start < m.start and _INITIALS.fullmatch(text[start : m.start])))
        ),
        None,
    )


_INITIALS = re.compile(r"(?:[A-Z]\.?\s*){1,3}")


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
    # "Myanmar's government said so. Its spokesman, X, said": a sentence opening with "Its" or "Their"
    # speaks of the country or body the sentence before opened with
    opening = _OPENING_PRONOUN.search(text, max(0, start - 40), start)
    if opening:
        subject = _opening_subject(text, opening.start(), countries)
        if subject:
            return subject
    # "the embassy's deputy head of mission", "one of the ministry's spokesmen": the body named earlier
    # with its country ("the Chinese embassy", "China's foreign ministry")
    body = _THE_BODY.search(text, max(0, start - 50), start)
    if body and not any(body.start() <= m.start < body.end() for m in countries):
        return _body_named_before(text, body.start(), body.group("head"), countries)
    found = _country_beside(text, start, end, countries)
    if found is None and (body := _BODY_BEFORE.search(text, max(0, start - 30), start)):
        # "Government spokeswoman X", "Foreign Ministry Spokesperson X": the body named earlier with its
        # country
        qualifier = body.group("qualifier") or ""
        return _body_named_before(text, body.start(), body.group("head"), countries, qualifier)
    return found


def _field_before(text: str, start: int, countries: list[Mention]) -> bool:
    """Whether a country's name stands right before a title, with no possessive: "a China expert"."""
    return any(
        m.kind == "country"
        and m.form == "name"
        and 0 <= start - m.end <= 3
        and not text[m.end : start].strip()
        for m in countries
    )


# Words that describe an official but are no title one is addressed by: only in lower case do they introduce
# a name ("Chilean official X", not "Official Development Assistance").
_DESCRIPTIONS = frozenset(("official", "representative"))
_PRIVATE = "private"  # the rank of a person named by an occupation (occupations_en.tsv): no office
# The words between a nationality and an occupation: "U.S. intelligence contractor", "Chile's leading poet".
_MODIFIERS = re.compile(
    r"(?:['’]s)?(?:\s+(?!(?:and|or|of|the|a|an|to|by|for|in|on|at|with|from|as)\b)[a-z][a-z-]*){0,2}\s+"
)
# A name before an apposition giving a nationality: "X, an Argentine journalist".
_APPOSED = re.compile(rf"({NAME}),\s+(?:a|an|the)\s+(?:[a-z][\w-]*\s+){{0,2}}$")


def _nationality(text: str, start: int, countries: list[Mention]) -> Mention | None:
    """The country named as a nationality right before an occupation: an adjective ("Spanish"), a
    possessive ("Britain's") or an abbreviation used as one ("U.S.", "UK"); not a country's name, which
    names a field ("a Russia specialist"), nor one of two joined by a hyphen ("British-Iranian"): which of
    them is the person's nationality the words do not say."""
    for c in countries:
        if c.kind != "country" or not 0 < start - c.end <= 40 or not _MODIFIERS.fullmatch(text, c.end, start):
            continue
        possessive = text[c.end : c.end + 2] in ("'s", "’s")
        abbreviation = re.fullmatch(r"(?:[A-Z]\.){2,}|[A-Z]{2,3}", c.text) is not None
        if not (c.form == "adjective" or possessive or (c.form == "name" and abbreviation)):
            continue
        if text[c.start - 1 : c.start] == "-" or text[c.end : c.end + 1] == "-":
            return None
        return c
    return None


def _stateless_body(m: Mention) -> bool:
    """An international body with no country of its own (the UN, the OAS; not a national agency)."""
    return m.kind == "organisation" and m.form == "igo" and not m.attrs.get("iso3")


def _igo_before(text: str, start: int, mentions: list[Mention]) -> Mention | None:
    """An international body named right before a title, with no country of its own ("the EU ambassador",
    "UN envoy", "the OAS's representative")."""
    return next(
        (
            b
            for b in mentions
            if _stateless_body(b)
            and 0 <= start - b.end <= 4
            and re.fullmatch(r"(?:['’]s)?\s*", text[b.end : start])
        ),
        None,
    )


def _igo_between(text: str, end: int, name: int, mentions: list[Mention]) -> Mention | None:
    """An international body with no country of its own between a title and the name after it ("the
    Secretary General of the Organization of American States, X", "Director-General of the WTO X")."""
    return next(
        (
            b
            for b in mentions
            if _stateless_body(b)
            and end < b.start < b.end <= name
            and re.fullmatch(r"\s+of\s+(?:the\s+)?", text[end : b.start])
            and re.fullmatch(r",?\s+", text[b.end : name])
        ),
        None,
    )


def _country_beside(text: str, start: int, end: int, countries: list[Mention]) -> str | None:
    """The country right before a title ("Chile's", "Japanese", "the Armenian foreign ministry's"), or
    after it ("of Chile")."""
    for m in countries:
        gap_before = text[m.end : start]
        if m.kind == "person":  # a leader: only "Abiy's chief of staff", "adviser to President X"
            if 0 <= start - m.end <= 12 and re.fullmatch(r"['’]s\s+", gap_before):
                return _iso(m)
            if 0 <= m.start - end <= 40 and _TO_LEADER.fullmatch(text[end : m.start]):
                return _iso(m)
            continue
        if m.kind == "organisation" and m.start <= start < m.end:
            return _iso(m)  # the title begins inside the body's name: "Chinese foreign ministry spokesman"
        if 0 <= start - m.end <= 12 and re.fullmatch(
            r"(?:['’]s)?\s*(?:new\s+|then\s+|former\s+)?", gap_before
        ):
            return _iso(m)
        if 0 <= start - m.end <= 40 and _BODY_POSSESSIVE.fullmatch(gap_before):
            return _iso(m)  # "the Armenian foreign ministry's spokesperson"
        # "minister of Chile", "envoy for Peru"; not "ambassador to Canada" or "envoy in Lima", where the
        # official is posted (``official_sides`` reads them as the other side's)
        gap_after = text[end : m.start]
        if 0 <= m.start - end <= 12 and re.fullmatch(r"\s+(?:of|for)\s+(?:the\s+)?", gap_after):
            return _iso(m)
    return None


# A name given a title by appointment, the title after it: "named X as its new", "appointed X".
_APPOINTED = re.compile(
    rf"\b(?:named|names|appointed|appoints|nominated|nominates|designated|designates)\s+({NAME})\s+"
    r"(?:as\s+)?(?:(?:its|their|the|his|her)\s+)?(?:new\s+|next\s+)?$"
)
_BODY_HEADS = r"ministry|embassy|consulate|government|army|navy|military|treasury|cabinet|mission|office"
# A body's name with no country right before a title: "Government spokeswoman", "Foreign Ministry
# Spokesperson".
_BODY_BEFORE = re.compile(
    rf"(?:^|(?<=\s))(?:(?P<qualifier>[A-Z][a-z]+)\s+)?(?P<head>{_BODY_HEADS})\s+$", re.IGNORECASE
)
_OPENING_PRONOUN = re.compile(r"(?:^|[.!?]\s+|\n)(?:Its|Their)\s+(?:[a-z]+\s+){0,2}$")


def _opening_subject(text: str, at: int, countries: list[Mention]) -> str | None:
    """The country, or body of one, that the sentence before ``at`` opens with ("Myanmar's military
    government said ...", "The Chilean embassy said ..."): only capitalised words and "the" before it."""
    start = max(text.rfind(". ", 0, max(0, at - 1)) + 2, text.rfind("\n", 0, max(0, at - 1)) + 1, 0)
    first = next((m for m in countries if start <= m.start < at and m.kind != "person"), None)
    if first is None or not re.fullmatch(r"\s*(?:(?:[Tt]he|[A-Z][\w'’-]*)\s+)*", text[start : first.start]):
        return None
    return _iso(first)


_THE_BODY = re.compile(rf"\b[Tt]he\s+(?:[A-Za-z]+\s+){{0,2}}?(?P<head>{_BODY_HEADS})['’]s\s+$", re.IGNORECASE)


def _body_named_before(
    text: str, at: int, head: str, countries: list[Mention], qualifier: str = ""
) -> str | None:
    """The country of the latest body with this head word named before ``at`` with its country, within a few
    paragraphs ("the Chinese embassy" ... "the embassy's deputy head of mission"); with a ``qualifier``, a
    body named with it ("Foreign Ministry" is not the "External Affairs Ministry")."""
    body = rf"{re.escape(qualifier)}\s+{re.escape(head)}" if qualifier else re.escape(head)
    named = re.compile(rf"^(?:['’]s)?\s+(?:[\w-]+\s+){{0,2}}?{body}\b", re.IGNORECASE)
    for m in reversed(countries):
        if m.end > at or at - m.end > 3000:
            continue
        if m.kind == "country" and named.match(text[m.end : m.end + 40]):
            return _iso(m)
        if m.kind == "organisation" and re.search(rf"\b{body}\b", m.text, re.IGNORECASE):
            return _iso(m)  # "the Chinese foreign ministry", read as one body
    return None


# Between a country and a title: a body of that country in the possessive ("foreign ministry's").
# Also without the second possessive: "Pakistan's Foreign Office spokesperson", "India's external affairs
# ministry spokesperson".
_BODY_POSSESSIVE = re.compile(
    r"(?:['’]s)?\s+(?:[a-z]+\s+){0,2}(?:ministry|government|army|military|navy|embassy|office|parliament|"
    r"cabinet|treasury|presidency)(?:['’]s)?\s+",
    re.IGNORECASE,
)


def _of_country(text: str, start: int, end: int, countries: list[Mention]) -> str | None:
    """The country a title names after "of" before its name: "Minister of Foreign Affairs and Trade of
    Hungary X"."""
    inside = [
        m
        for m in countries
        if m.kind == "country"
        and start <= m.start
        and m.end <= end
        and text[: m.start].rstrip().endswith(" of")
    ]
    return _iso(inside[0]) if len(inside) == 1 else None


def _appositive_country(text: str, end: int, countries: list[Mention]) -> str | None:
    """The country an appositive after a name gives: "X, the Indian Air Force pilot", "X, who led Egypt's
    delegation" (up to the next comma)."""
    clause = _APPOSITIVE.match(text, end)
    if clause is None:
        return None
    stop = min(
        (i for i in (text.find(",", clause.end()), text.find(".", clause.end())) if i >= 0), default=end
    )
    # a country, or a body of one ("the commander of the Chilean Armed Forces")
    inside = [m for m in countries if m.kind != "person" and clause.end() <= m.start < min(stop, end + 80)]
    return _iso(inside[0]) if len({_iso(m) for m in inside}) == 1 else None


_APPOSITIVE = re.compile(r",\s+(?:the|a|an|who\s+(?:led|leads|heads|headed|represented|represents))\s+")
# Between a title and the leader it serves: "adviser to President ", "chief of staff to the prime minister ".
_TO_LEADER = re.compile(r"\s+(?:to|of)\s+(?:the\s+)?(?:[A-Za-z]+\s+){0,2}")


def _iso(m: Mention) -> str | None:
    return m.attrs.get("iso3") if m.kind != "country" else m.value


def _organisations(text: str, mentions: list[Mention], taken: list[tuple[int, int]]) -> list[Mention]:
    """Ministries, embassies, central banks and armed forces named with their country."""
    countries = [m for m in mentions if m.kind == "country" and m.form in COUNTRY_FORMS]
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
