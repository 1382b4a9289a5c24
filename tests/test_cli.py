"""The command line through Click's runner: exit codes, JSON output, one-line errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dyad.cli import app

runner = CliRunner()


@pytest.fixture
def seeded_db(tmp_path: Path, seeds_dir: Path) -> str:
    db = str(tmp_path / "cli.db")
    result = runner.invoke(app, ["ingest", str(seeds_dir), "--db", db, "--workers", "1"])
    assert result.exit_code == 0, result.output
    assert "stored 5 new document(s), 0 unchanged, 0 file(s) failed" in result.output
    return db


def test_docs_json_lists_the_seeds(seeded_db: str, gold: dict) -> None:
    result = runner.invoke(app, ["docs", "--db", seeded_db, "--json"])
    assert result.exit_code == 0
    rows = json.loads(result.output)
    assert sorted(r["name"] for r in rows) == sorted(d["doc"] for d in gold["documents"])
    assert {r["kind"] for r in rows} == {"blog", "record", "paper", "news"}


def test_show_by_name_prefix_prints_clean_text(seeded_db: str) -> None:
    result = runner.invoke(app, ["show", "002", "--db", seeded_db])
    assert result.exit_code == 0
    assert "establish a relationship with the then Russian Empire" in result.output
    assert "es-\ntablish" not in result.output and "es- tablish" not in result.output


def test_show_unknown_document_is_a_one_line_error(seeded_db: str) -> None:
    result = runner.invoke(app, ["show", "nothing-like-this", "--db", seeded_db])
    assert result.exit_code == 2
    assert "no document matches 'nothing-like-this'" in result.output
    assert "Traceback" not in result.output


def test_ingest_with_a_bad_file_exits_1_and_lists_it(tmp_path: Path, seeded_db: str) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02" * 100)
    good = tmp_path / "good.txt"
    good.write_text("Peru and Russia signed an agreement on fisheries in 2010.", encoding="utf-8")
    result = runner.invoke(app, ["ingest", str(bad), str(good), "--db", seeded_db])
    assert result.exit_code == 1
    assert "stored 1 new document(s)" in result.output and "bad.txt" in result.output
    errors = json.loads(runner.invoke(app, ["errors", "--db", seeded_db, "--json"]).output)
    assert [Path(e["path"]).name for e in errors] == ["bad.txt"]


def test_demo_builds_a_fresh_store(tmp_path: Path) -> None:
    result = runner.invoke(app, ["demo", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "stored 5 new document(s)" in result.output
    assert "Putin forges" in result.output and "5 documents" in result.output
