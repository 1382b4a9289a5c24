from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from dyad.errors import KnowledgeError
from dyad.extract.context import person_country
from dyad.knowledge import load_knowledge
from dyad.knowledge.petrarch import parse_actor_dictionary, to_leaders_tsv
from dyad.models import EVENT_TYPES, TimeValue


def test_bundled_knowledge_covers_what_extraction_needs() -> None:
    k = load_knowledge()
    assert len(k.countries) >= 197
    assert "Soviet Union" in [name for name, _a, _b in k.countries["RUS"].historical]
    assert {"Peruvian", "Peruvians"} <= set(k.countries["PER"].adjectives)
    assert any(s.forum == "APEC" and s.city == "Lima" and s.start == dt.date(2008, 11, 22) for s in k.summits)
    assert set(k.type_defaults) == set(EVENT_TYPES)


@pytest.mark.parametrize(
    ("name", "day", "country", "role"),
    [
        ("Vladimir Putin", "2010-06-01", "RUS", "head_of_government"),
        ("Vladimir Putin", "2015-11-30", "RUS", "head_of_state"),
        ("Dmitry Medvedev", "2008-11-24", "RUS", "head_of_state"),
        ("Alan García", "1987-03-01", "PER", "head_of_state"),
    ],
)
def test_leader_role_depends_on_the_date(name: str, day: str, country: str, role: str) -> None:
    d = dt.date.fromisoformat(day)
    found = person_country(load_knowledge(), name, TimeValue(day, d, d, "day"))
    assert found is not None and (found.iso3, found.role) == (country, role)


def test_user_knowledge_dir_adds_rows(tmp_path: Path) -> None:
    (tmp_path / "leaders.tsv").write_text(
        "name\taliases\tiso3\trole\tstart\tend\nAna Testa\tTesta\tPER\tforeign_minister\t2030-01-01\t\n",
        encoding="utf-8",
    )
    k = load_knowledge((str(tmp_path),))
    assert k.terms_of("Ana Testa")[0].iso3 == "PER"


def test_malformed_user_file_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "leaders.tsv").write_text(
        "name\taliases\tiso3\trole\tstart\tend\nX\tY\tPER\n", encoding="utf-8"
    )
    with pytest.raises(KnowledgeError, match="leaders.tsv row 2: wrong number of columns"):
        load_knowledge((str(tmp_path),))


def test_petrarch_actor_dictionary_imports_terms(tmp_path: Path) -> None:
    lines = [
        "# a comment",
        "VLADIMIR_PUTIN_",
        "+PUTIN_",
        "\t[RUSGOV 000507-080507]",
        "\t[RUSGOV 120507-]",
        "OLLANTA_HUMALA_ [PERGOV 110728-160728]",
    ]
    actors = parse_actor_dictionary(lines)
    assert [(a.name, a.codes) for a in actors] == [
        ("Vladimir Putin", [("RUS", "2000-05-07", "2008-05-07"), ("RUS", "2012-05-07", "")]),
        ("Ollanta Humala", [("PER", "2011-07-28", "2016-07-28")]),
    ]
    (tmp_path / "leaders.tsv").write_text(to_leaders_tsv(actors), encoding="utf-8")
    k = load_knowledge((str(tmp_path),))
    assert len([t for t in k.terms_of("Ollanta Humala") if t.role == "official"]) == 1


def test_petrarch_synonym_before_name_is_rejected() -> None:
    with pytest.raises(KnowledgeError, match="line 1: a synonym before any actor name"):
        parse_actor_dictionary(["+PUTIN_"])


def test_name_origins_read_family_names_first_and_endings() -> None:
    from dyad.knowledge import load_knowledge

    k = load_knowledge()
    assert k.origins_of("Tran Van Minh", family_first=True) == {"VNM"}
    assert k.origins_of("Aram Petrosyan") == {"ARM"}
    # a European particle before one word is no family name written first; a name of no listed tradition
    # fits none; an ending alone is no family name written first
    assert k.origins_of("Le Drian", family_first=True) is None
    assert k.origins_of("Ana Ruiz Toro") is None
    assert k.origins_of("Aram Petrosyan", family_first=True) is None
