from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from dyad.store import Store

# The seed corpus ships as package data and its gold file is kept under tests/data, so the tests need
# nothing outside this repository.
ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "src" / "dyad" / "examples" / "seeds"
GOLD = ROOT / "tests" / "data" / "gold" / "seeds.json"


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
