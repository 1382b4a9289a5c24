"""Docs stay true: every command, option and setting is documented; the README has its Quick start."""

from __future__ import annotations

import re
from dataclasses import fields
from pathlib import Path

import pytest
import typer

from dyad.cli import app
from dyad.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
CLI_DOC = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
COMMANDS = typer.main.get_command(app).commands  # type: ignore[attr-defined]


def _section(name: str) -> str:
    match = re.search(rf"^## dyad {re.escape(name)}\n(.*?)(?=^## |\Z)", CLI_DOC, re.S | re.M)
    assert match, f"docs/cli.md has no section for `dyad {name}`; run docs/gen_cli.sh"
    return match.group(1)


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_and_option_is_documented(name: str) -> None:
    section = _section(name)
    for param in COMMANDS[name].params:
        for opt in getattr(param, "opts", []):
            if opt.startswith("-"):
                assert opt in section, f"`dyad {name} {opt}` is not in docs/cli.md; run docs/gen_cli.sh"


@pytest.mark.parametrize("setting", [f.name for f in fields(Settings)])
def test_every_setting_is_documented(setting: str) -> None:
    assert f"`{setting}`" in CLI_DOC and f"DYAD_{setting.upper()}" in CLI_DOC


def test_readme_quick_start_has_exactly_two_commands() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"## Quick start\s+```bash\n(.*?)```", readme, re.S)
    assert block, "README.md needs a Quick start with a bash block"
    commands = [line for line in block.group(1).splitlines() if line.strip()]
    assert len(commands) == 2
    assert "dyad demo" in commands[0] and "pytest" in commands[1]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert commands[1].split("#")[0].strip() in ci, ".ci/run must run the README's test command verbatim"
