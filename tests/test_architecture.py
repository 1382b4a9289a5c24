"""The layers import downwards only (ARCHITECTURE.md): checked on every module's imports, read with ast.

Extraction is a pure function of a file's bytes (a process pool or a Dask worker maps it), so it never
touches the store; the store writes and reads the record, so it imports nothing above it but the merge
rules it applies; the CLI, the web and the report read the stored record through ``dyad.query`` and
never resolve it themselves.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "dyad"


def _module(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(source: str, package: str) -> set[str]:
    """Every dyad module the source of a module in ``package`` imports, at the top or inside a
    function; ``from m import n`` gives ``m`` and ``m.n`` (n may be a module or a name in m)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1] + [base])
            found.add(base.strip("."))
            found |= {f"{base}.{alias.name}".strip(".") for alias in node.names}
    return {name for name in found if name == "dyad" or name.startswith("dyad.")}


def _package(path: Path) -> str:
    return _module(path) if path.name == "__init__.py" else _module(path).rpartition(".")[0]


MODULES = {_module(p): _imports(p.read_text(encoding="utf-8"), _package(p)) for p in PACKAGE.rglob("*.py")}


def _under(name: str, prefix: str) -> bool:
    return name == prefix or name.startswith(prefix + ".")


def _violations(importer: str, forbidden: tuple[str, ...], allowed: tuple[str, ...] = ()) -> list[str]:
    return sorted(
        f"{module} imports {name}"
        for module, names in MODULES.items()
        if _under(module, importer)
        for name in names
        if any(_under(name, f) for f in forbidden) and not any(_under(name, a) for a in allowed)
    )


ABOVE_THE_STORE = ("dyad.pipeline", "dyad.ask", "dyad.extract", "dyad.ingest", "dyad.clean", "dyad.query")
ABOVE_THE_STORE += ("dyad.export", "dyad.analyze", "dyad.report", "dyad.serve", "dyad.cli", "dyad.workspace")


@pytest.mark.parametrize(
    ("importer", "forbidden", "allowed"),
    [
        ("dyad.store", ABOVE_THE_STORE, ()),
        ("dyad.resolve", ("dyad.store", *ABOVE_THE_STORE), ()),  # the merge rules are pure
        ("dyad.extract", ("dyad.store", "dyad.query", "dyad.serve", "dyad.ask", "dyad.pipeline"), ()),
        # Dates are types (dyad.edtf); a --dyad given as names is read with the extractor's name finder.
        (
            "dyad.query",
            ("dyad.extract", "dyad.ingest", "dyad.pipeline", "dyad.export"),
            ("dyad.extract.mentions",),
        ),
        ("dyad.models", ("dyad.store", "dyad.extract", "dyad.pipeline"), ()),
        ("dyad.edtf", ("dyad.extract",), ()),
    ],
)
def test_layers_import_downwards(importer: str, forbidden: tuple[str, ...], allowed: tuple[str, ...]) -> None:
    assert importer in MODULES
    assert _violations(importer, forbidden, allowed) == []


READERS = ("dyad.cli", "dyad.serve", "dyad.report", "dyad.query", "dyad.export", "dyad.analyze", "dyad.ask")


def test_readers_never_resolve_the_record_themselves() -> None:
    """Whole-record resolution (``dyad.resolve.resolve``) is the reference the stored record is tested
    against; no reader calls it."""
    offenders = [
        module
        for module, names in MODULES.items()
        if any(_under(module, r) for r in READERS) and "dyad.resolve.resolve" in names
    ]
    assert offenders == []


def test_the_checker_sees_local_and_relative_imports() -> None:
    source = (
        "def f():\n    from dyad.resolve import resolve\n    import dyad.store.store\nfrom .record import x\n"
    )
    assert _imports(source, "dyad.store") == {
        "dyad.resolve",
        "dyad.resolve.resolve",
        "dyad.store.store",
        "dyad.store.record",
        "dyad.store.record.x",
    }
