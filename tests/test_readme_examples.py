"""Every console example of the README and docs/ runs as written, from a clone, and prints what is shown.

The examples run in order in one scratch folder that sees the clone's `src/` and `tests/` (the paths the
README names), so `--db peru-russia.db` and `-o tables/` land there. A shown output line must appear in
what the command prints (spacing aside; a line shown ending in "…" is a prefix). `dyad serve` without
`--get` starts a server and is left to the serve tests.
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dyad.cli import app

ROOT = Path(__file__).resolve().parents[1]
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
runner = CliRunner()


def _examples() -> list[tuple[str, str, list[str]]]:
    """(file, command line, shown output lines) for every `$ dyad ...` line of a console block."""
    out: list[tuple[str, str, list[str]]] = []
    for path in DOCS:
        for block in re.findall(r"```console\n(.*?)```", path.read_text(encoding="utf-8"), re.S):
            for line in block.splitlines():
                if line.startswith("$ "):
                    command = re.sub(r"\s+#.*$", "", line[2:]).strip()
                    out.append((path.name, command, []))
                elif line.strip() and out:
                    out[-1][2].append(line)
    return out


# `dyad serve` without `--get` starts a server that runs until stopped: left to the serve tests.
EXAMPLES = [e for e in _examples() if not (e[1].startswith("dyad serve") and "--get" not in e[1])]


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("readme")
    for name in ("src", "tests"):
        (folder / name).symlink_to(ROOT / name, target_is_directory=True)
    (folder / "tables").mkdir()
    return folder


def test_the_readme_has_console_examples() -> None:
    commands = [c for f, c, _ in EXAMPLES if f == "README.md"]
    assert len(commands) >= 10 and commands[0].startswith("dyad ingest")


@pytest.mark.parametrize(("doc", "command", "shown"), EXAMPLES, ids=[c[:60] for _, c, _ in EXAMPLES])
def test_console_example_runs_as_written(
    doc: str, command: str, shown: list[str], scratch: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    args = shlex.split(command)
    assert args[0] == "dyad", f"{doc}: a console example that is not a dyad command: {command}"
    monkeypatch.chdir(scratch)
    result = runner.invoke(app, args[1:], env={"COLUMNS": "250"})
    printed = _squash(result.output)
    assert result.exit_code == 0, f"{doc}: `{command}` exited {result.exit_code}:\n{result.output}"
    for line in shown:
        want = _squash(line)
        if want.endswith("…"):
            want = want[:-1].rstrip()
        assert want in printed, f"{doc}: `{command}` did not print:\n{line}\n--- it printed:\n{result.output}"
