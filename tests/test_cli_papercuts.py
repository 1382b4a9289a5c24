"""What a new user trips on (issue 11): missing stores, bad ports and folders, country names for --dyad,
listings that would mix pairs, help text, --version, start-up imports, the demo's paths.

Stores are built from the bundled examples (package data), so these tests need nothing outside the repo.
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
from importlib import metadata
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

import dyad
from dyad.cli import app, example_corpus
from dyad.errors import DyadError, StoreError
from dyad.query import parse_dyad
from dyad.serve.app import address

runner = CliRunner()
COMMANDS = typer.main.get_command(app).commands  # type: ignore[attr-defined]


def _ingest(db: Path, *examples: str) -> str:
    paths = [str(p) for name in examples for p in example_corpus(name)]
    result = runner.invoke(app, ["ingest", *paths, "--db", str(db), "--workers", "1"])
    assert result.exit_code == 0, result.output
    return str(db)


@pytest.fixture(scope="module")
def peru_russia(tmp_path_factory: pytest.TempPathFactory) -> str:
    return _ingest(tmp_path_factory.mktemp("pr") / "pr.db", "peru-russia")


@pytest.fixture(scope="module")
def two_examples(tmp_path_factory: pytest.TempPathFactory) -> str:
    """India–China (more events: the main pair) and Peru–Russia in one store."""
    return _ingest(tmp_path_factory.mktemp("two") / "two.db", "peru-russia", "india-china")


# -- 1. a missing store is an error, not a new empty store -----------------------------------------

READING = [
    ["docs"],
    ["show", "001"],
    ["errors"],
    ["events"],
    ["figures"],
    ["actors"],
    ["export"],
    ["timeline"],
    ["intensity"],
    ["periods"],
    ["series", "--kind", "export"],
    ["conflicts"],
    ["ask", "Who visited Peru?"],
    ["report", "-o", "r.html"],
    ["serve", "--get", "/api/events?min_sources=2"],
    ["eval", "gold.json"],
]


@pytest.mark.parametrize("args", READING, ids=lambda a: a[0])
def test_reading_commands_refuse_a_missing_store(
    args: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "gold.json").write_text('{"dyad": ["PER", "RUS"]}', encoding="utf-8")
    result = runner.invoke(app, [*args, "--db", "typo.db"])
    assert result.exit_code == 2, result.output
    said = "error: no store at typo.db: create one with `dyad ingest FILES --db typo.db`\n"
    assert result.stderr == said
    assert not (tmp_path / "typo.db").exists()


def test_the_default_store_is_not_created_by_a_reading_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The README's `dyad serve --get /api/events?min_sources=2`, with no --db and no dyad.db here."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("DYAD_DB", raising=False)
    result = runner.invoke(app, ["serve", "--get", "/api/events?min_sources=2"])
    assert result.exit_code == 2 and "no store at dyad.db" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_python_open_can_refuse_to_create(tmp_path: Path) -> None:
    missing = tmp_path / "typo.db"
    with pytest.raises(StoreError, match="no store at"):
        dyad.open(str(missing), create=False)
    assert not missing.exists()
    dyad.open(str(missing)).close()  # the default still creates, for code that ingests next
    assert missing.exists()
    dyad.open(str(missing), create=False).close()


def test_a_server_url_is_not_checked_as_a_file() -> None:
    """Nothing listens on port 1: the error is the connection's, not 'no store at'."""
    with pytest.raises(StoreError) as caught:
        dyad.open("postgresql+psycopg://nobody@127.0.0.1:1/dyad", create=False)
    assert "no store at" not in str(caught.value)


# -- 7. serve: bad port, port in use, bad host -----------------------------------------------------


def test_serve_refuses_a_port_out_of_range(peru_russia: str) -> None:
    result = runner.invoke(app, ["serve", "--port", "99999", "--db", peru_russia])
    assert result.exit_code == 2
    assert result.stdout == ""  # nothing said "serving at"
    assert result.stderr == "error: cannot serve on port 99999: a port is a number from 1 to 65535\n"


def test_serve_refuses_a_port_in_use(peru_russia: str) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = runner.invoke(app, ["serve", "--port", str(port), "--db", peru_russia])
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr == f"error: cannot serve on 127.0.0.1:{port}: address already in use\n"


def test_serve_refuses_a_host_that_does_not_resolve(peru_russia: str) -> None:
    result = runner.invoke(app, ["serve", "--host", "no-such-host.invalid", "--db", peru_russia])
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.startswith("error: cannot serve on host 'no-such-host.invalid': ")
    assert result.stderr.count("\n") == 1


@pytest.mark.parametrize(
    ("host", "url"), [("127.0.0.1", "http://127.0.0.1:8000/"), ("::1", "http://[::1]:8000/")]
)
def test_the_address_served_is_one_a_browser_opens(host: str, url: str) -> None:
    assert address(host, 8000) == url


# -- 8. output files: no folders made by a typo; export says what it wrote -------------------------


@pytest.mark.parametrize("command", ["report", "export"])
def test_output_into_a_missing_folder_is_refused(command: str, peru_russia: str, tmp_path: Path) -> None:
    target = tmp_path / "no" / "such" / "out.html"
    result = runner.invoke(app, [command, "-o", str(target), "--db", peru_russia])
    assert result.exit_code == 2
    assert result.stderr == f"error: cannot write {target}: folder {target.parent} does not exist\n"
    assert not (tmp_path / "no").exists()


def test_export_to_a_file_says_what_it_wrote(peru_russia: str, tmp_path: Path) -> None:
    target = tmp_path / "record.json"
    result = runner.invoke(app, ["export", "-o", str(target), "--db", peru_russia])
    assert result.exit_code == 0, result.output
    data = json.loads(target.read_text(encoding="utf-8"))
    said = result.stdout.strip()
    assert said.startswith(f"wrote {target} (json): {len(data['documents'])} documents, ")
    assert f"{len(data['events'])} events" in said and f"{len(data['figures'])} figures" in said


# -- 9. --dyad: names, adjectives, codes; the store's main pair by default -------------------------


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("PER,RUS", ("PER", "RUS")),
        ("PER-RUS", ("PER", "RUS")),
        ("per, rus", ("PER", "RUS")),
        ("Peru,Russia", ("PER", "RUS")),
        ("peru-russia", ("PER", "RUS")),
        ("Peruvian,Russian", ("PER", "RUS")),
        ("PER,Russia", ("PER", "RUS")),
        ("Chile,Japan", ("CHL", "JPN")),
        ("Russia–Peru", ("RUS", "PER")),
        ("Guinea-Bissau-Peru", ("GNB", "PER")),
        ("United States, Peru", ("USA", "PER")),
        ("", ()),
    ],
)
def test_parse_dyad_reads_codes_names_and_adjectives(text: str, codes: tuple[str, ...]) -> None:
    assert parse_dyad(text) == codes


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Peur,Russia", "unknown country 'Peur'; closest known: Perú (PER)"),
        ("Narnia,Peru", "unknown country 'Narnia'; closest known: "),
        ("Peru", "give two different countries"),
        ("Peru,Peruvian", "give two different countries"),
        ("PER,RUS,CHL", "give two different countries"),
        ("Putin,Peru", "unknown country 'Putin'"),
        ("the Andean nation,Russia", "'the Andean nation' could be BOL, CHL, COL, ECU, PER"),
    ],
)
def test_parse_dyad_says_what_it_cannot_read(text: str, message: str) -> None:
    with pytest.raises(DyadError, match="^--dyad") as caught:
        parse_dyad(text)
    assert message in str(caught.value)


def _json_run(args: list[str]) -> tuple[list, str]:
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout), result.stderr  # --json stays parseable: messages go to stderr


def test_dyad_names_give_the_same_listing_as_codes(two_examples: str) -> None:
    by_code, said = _json_run(["figures", "--dyad", "PER,RUS", "--db", two_examples, "--json"])
    assert said == ""
    by_name, said = _json_run(["figures", "--dyad", "peru-russia", "--db", two_examples, "--json"])
    assert by_name == by_code and said == "pair: PER–RUS\n"
    assert by_code and all({f["from"], f["to"]} <= {"PER", "RUS", None} for f in by_code)


def test_the_configured_pair_is_the_default_and_needs_no_note(two_examples: str) -> None:
    result = runner.invoke(app, ["figures", "--db", two_examples, "--json"], env={"DYAD_DYAD": "PER,RUS"})
    assert result.exit_code == 0 and result.stderr == ""
    rows = json.loads(result.stdout)
    assert rows and all({f["from"], f["to"]} <= {"PER", "RUS", None} for f in rows)


def test_unknown_country_name_is_a_one_line_error(two_examples: str) -> None:
    result = runner.invoke(app, ["events", "--dyad", "Peru,Rusia", "--db", two_examples])
    assert result.exit_code == 2
    assert result.stderr.startswith("error: --dyad: unknown country 'Rusia'; closest known: Russia (RUS)")
    assert result.stderr.count("\n") == 1


@pytest.mark.parametrize(
    ("command", "pairs_of"),
    [
        (["events"], lambda rows: {tuple(sorted(e["participants"])) for e in rows}),
        (["figures"], lambda rows: {tuple(sorted(c for c in (f["from"], f["to"]) if c)) for f in rows}),
    ],
    ids=["events", "figures"],
)
def test_without_dyad_a_listing_shows_the_main_pair_and_says_so(
    command: list[str], pairs_of: object, two_examples: str
) -> None:
    rows, said = _json_run([*command, "--db", two_examples, "--json"])
    assert said == "showing CHN–IND, the store's main pair; --dyad to choose; --dyad all for every pair\n"
    assert rows and all(set(p) <= {"CHN", "IND"} for p in pairs_of(rows))  # type: ignore[operator]
    everything, said = _json_run([*command, "--dyad", "all", "--db", two_examples, "--json"])
    assert said == "" and any("PER" in p for p in pairs_of(everything))  # type: ignore[operator]


@pytest.mark.parametrize(
    "command", [["timeline"], ["intensity"], ["periods"], ["series", "--kind", "export"], ["conflicts"]]
)
def test_record_listings_default_to_the_main_pair(command: list[str], two_examples: str) -> None:
    main, said = _json_run([*command, "--db", two_examples, "--json"])
    assert said.startswith("showing CHN–IND, the store's main pair")
    chosen, _ = _json_run([*command, "--dyad", "India,China", "--db", two_examples, "--json"])
    assert main == chosen


# -- 11. --version, switches, usage lines ----------------------------------------------------------


def test_version_comes_from_the_package_metadata() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.stdout == f"dyad {metadata.version('dyad')}\n"


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_help_shows_switches_as_switches_and_plain_usage(name: str) -> None:
    result = runner.invoke(app, [name, "--help"], env={"COLUMNS": "120"})
    assert result.exit_code == 0
    assert "<bool>" not in result.stdout
    usage = next(line for line in result.stdout.splitlines() if "Usage:" in line)
    assert "{" not in usage and "}" not in usage


def test_usage_lines_name_their_arguments() -> None:
    result = runner.invoke(app, ["ingest", "--help"], env={"COLUMNS": "120"})
    usage = next(line for line in result.stdout.splitlines() if "Usage:" in line)
    assert usage.strip().endswith(" ingest [OPTIONS] PATH...")  # the runner calls the program "root"
    assert "<bool>" not in runner.invoke(app, ["--help"]).stdout


def test_a_switch_takes_no_value(peru_russia: str) -> None:
    result = runner.invoke(app, ["docs", "--json", "true", "--db", peru_russia])
    assert result.exit_code == 2


# -- 15. ingest names a missing or unreadable path as it was typed ---------------------------------


def test_ingest_reports_a_missing_folder_as_typed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "notes.txt").write_text("Peru and Russia met.", encoding="utf-8")
    result = runner.invoke(app, ["ingest", "corpus/", "notes.txt/x", "--db", "new.db"])
    assert result.exit_code == 1
    assert "  skipped corpus/: cannot read: no such file or directory\n" in result.stderr
    assert "  skipped notes.txt/x: cannot read: not a directory\n" in result.stderr


# -- 16. start-up: the CLI module imports no heavy library -----------------------------------------


def test_importing_the_cli_loads_no_heavy_library() -> None:
    heavy = ("spacy", "sqlalchemy", "plotly", "fastapi", "trafilatura", "pypdf", "uvicorn")
    code = f"import sys, dyad.cli; print(','.join(m for m in {heavy!r} if m in sys.modules))"
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert loaded.stdout.strip() == ""


# -- 17. the demo says where it wrote, and writes where it is told ---------------------------------


def test_demo_writes_into_out_and_prints_both_paths(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["demo", "--out", "demo/new"])
    assert result.exit_code == 0, result.output
    folder = (tmp_path / "demo" / "new").resolve()
    assert f"\nStore:  {folder / 'dyad-demo.db'}\n" in result.stdout
    assert f"\nReport: {folder / 'dyad-demo.html'}\n" in result.stdout
    assert sorted(p.name for p in folder.iterdir() if p.suffix in (".db", ".html")) == [
        "dyad-demo.db",
        "dyad-demo.html",
    ]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["demo"]  # nothing in the current folder
