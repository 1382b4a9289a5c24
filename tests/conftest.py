from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from dyad import pipeline
from dyad.models import ProcessedDocument
from dyad.store import Store

# The seed corpus ships as package data and its gold file is kept under tests/data, so the tests need
# nothing outside this repository.
ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "src" / "dyad" / "examples" / "seeds"
GOLD = ROOT / "tests" / "data" / "gold" / "seeds.json"


# Every test corpus with documents: name → folder (the India–China example's gold is under tests/data).
CORPORA = {"seeds": SEEDS, "example_ind_chn": ROOT / "src" / "dyad" / "examples" / "india_china"}
CORPORA |= {
    name: ROOT / "tests" / "data" / name
    for name in (
        "heldout",
        "heldout_b",
        "heldout_c",
        "blind_d1",
        "blind_d2",
        "blind_e1",
        "blind_e2",
        "blind_f1",
        "blind_f2",
        "blind_g1",
        "blind_g2",
        "blind_h1",
        "blind_h2",
        "blind_i1",
        "blind_i2",
        "blind_j1",
        "blind_j2",
        "blind_k1",
        "blind_k2",
        "blind_l1",
        "blind_l2",
        "blind_m1",
        "blind_m2",
        "blind_n1",
        "blind_n2",
        "blind_o1",
        "blind_o2",
        "blind_p1",
        "blind_p2",
        "blind_q1",
        "blind_q2",
    )
}
NOT_DOCUMENTS = ("gold.json", "README.md", "manifest.json")


@pytest.fixture(scope="session")
def processed() -> Callable[[str], list[ProcessedDocument]]:
    """A corpus of ``CORPORA`` read, cleaned and extracted once per session (the slow part), as the
    pipeline hands it to the store: tests then write it in any order."""
    cache: dict[str, list[ProcessedDocument]] = {}

    def read(name: str) -> list[ProcessedDocument]:
        if name not in cache:
            files = sorted(p for p in CORPORA[name].iterdir() if p.name not in NOT_DOCUMENTS)
            docs = []
            for path in files:
                result = pipeline.process_file(str(path), pipeline.Options())
                assert isinstance(result, list), result
                docs += result
            cache[name] = docs
        return cache[name]

    return read


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def gold() -> dict:
    return json.loads(GOLD.read_text(encoding="utf-8"))


def _backends() -> list:
    params = [pytest.param("sqlite", id="sqlite")]
    params.append(pytest.param("postgresql", id="postgresql", marks=pytest.mark.postgres))
    return params


@pytest.fixture(params=_backends())
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty store on each backend: SQLite in a temp dir, PostgreSQL in a temp schema."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'test.db'}"
        return
    base = os.environ.get("DYAD_TEST_PG_URL")
    if not base:
        pytest.skip("DYAD_TEST_PG_URL not set (.ci/run starts a PostgreSQL server and sets it)")
    from sqlalchemy import create_engine, text

    name = f"dyad_test_{os.getpid()}_{abs(hash(request.node.nodeid)) % 10**8}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = base.rsplit("/", 1)[0] + "/" + name
    try:
        yield url
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    with Store(store_url) as s:
        yield s
