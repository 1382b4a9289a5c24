"""The `dyad` command line: thin wrappers that parse options, call the library and print.

The library (spaCy, SQLAlchemy, plotly, the web stack) is imported inside the commands that use it, so
that `dyad --help`, `dyad --version` and the small commands start quickly (bench/bench_startup.py); `docs`,
`show` and `errors` read a SQLite store through the standard library (``dyad.store.lists``), and plain
options are converted without pydantic (``_plain_conversion``).
"""

from __future__ import annotations

import json
import re
import shlex
import sys
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer
from rich.console import Console
from typer.core import TyperArgument, TyperCommand, TyperGroup

from dyad.errors import DyadError
from dyad.settings import Settings, load_settings

if TYPE_CHECKING:
    from rich.table import Table

    from dyad.pipeline import IngestReport
    from dyad.store import Store
    from dyad.store.lists import Run


try:  # typer 0.2x converts every parameter through pydantic (see _plain_conversion)
    from typer._coercion import RuntimeParam
except ImportError:  # an older typer converts with click alone: nothing to avoid
    _PlainValue = None
else:

    @dataclass(frozen=True)
    class _PlainValue(RuntimeParam):  # type: ignore[no-redef]
        """The value as its type (str, Path), as pydantic would give it for a command-line string."""

        def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
            return self.annotation(value)  # type: ignore[operator]


# Path options that ask typer to check the file are left to typer's conversion.
_PATH_CHECKS = ("exists", "writable", "resolve_path", "allow_dash", "path_type")


def _plain_conversion(param: Any) -> None:
    """A plain string or path option, or a switch, is converted by calling its type.

    Typer 0.2x converts each parameter of the command it runs through a pydantic TypeAdapter, even one
    left at None, and importing pydantic is about a fifth of a small command's start-up
    (bench/bench_startup.py). Any other parameter, or another typer, keeps typer's own conversion."""
    descriptor = getattr(param, "type_descriptor", None)
    if _PlainValue is None or descriptor is None or not hasattr(param, "_runtime_param"):
        return
    info = descriptor.parameter_info
    # A switch's value is already a bool, or None when absent (--help): its conversion never runs.
    switch = descriptor.annotation is bool and getattr(param, "is_bool_flag", False) and not param.envvar
    if not (switch or descriptor.annotation in (str, Path)) or getattr(info, "parser", True) is not None:
        return
    if descriptor.annotation is Path and (
        any(getattr(info, check, True) for check in _PATH_CHECKS)
        or not all(getattr(info, default, False) for default in ("file_okay", "dir_okay", "readable"))
    ):
        return
    param._runtime_param = _PlainValue(parameter_info=info, annotation=descriptor.annotation)


def _as_switch(param: Any) -> Any:
    """A boolean flag takes no value: an empty metavar keeps typer from showing `<bool>` after it."""
    if getattr(param, "is_bool_flag", False):
        param.metavar = ""
    return param


class _Switches:
    """Boolean options, --help among them, shown as switches without a `<bool>` value; plain string and
    path options converted without pydantic."""

    params: list[Any]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for param in self.params:
            _as_switch(param)
            _plain_conversion(param)

    def get_help_option(self, ctx: Any) -> Any:
        option = _as_switch(super().get_help_option(ctx))  # type: ignore[misc]
        if option is not None:
            _plain_conversion(option)
        return option


class _DyadCommand(_Switches, TyperCommand):
    """Help that reads like a man page: switches without a `<bool>` value, `PATH...` in the usage line."""

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        pieces = [self.options_metavar] if self.options_metavar else []
        for param in self.get_params(ctx):
            if isinstance(param, TyperArgument):
                name = param.metavar or (param.name or "").upper()
                pieces.append(name if param.required else f"[{name}]")
        return pieces


class _DyadGroup(_Switches, TyperGroup):
    """Turns every DyadError into a one-line message and exit code 2: a user never sees a traceback."""

    def invoke(self, ctx: Any) -> Any:  # a typer (vendored click) Context
        try:
            return super().invoke(ctx)
        except DyadError as exc:
            typer.echo(f"error: {exc}", err=True)
            raise typer.Exit(2) from None


app = typer.Typer(
    cls=_DyadGroup,
    help="Build a sourced model of the relationship between two countries from a pile of documents.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
T = TypeVar("T")
out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)  # one-line messages stay one line


def _print_version(value: bool) -> None:
    if value:
        from dyad import __version__  # read from the package metadata on first use

        typer.echo(f"dyad {__version__}")
        raise typer.Exit()


@app.callback()
def _options(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_print_version, is_eager=True, help="Print the version and exit."),
    ] = False,
) -> None:
    pass


DbOption = Annotated[
    str | None,
    typer.Option("--db", help="Store: SQLAlchemy URL or SQLite file path (env DYAD_DB; default dyad.db)."),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]
ConfigOption = Annotated[
    Path | None,
    typer.Option("--config", help="Config file, TOML (env DYAD_CONFIG; default ./dyad.toml if present)."),
]


def _print_json(data: Any) -> None:
    out.print_json(json.dumps(data, ensure_ascii=False, default=str), highlight=False)


def _table(rows: list[dict[str, Any]], columns: list[str], title: str | None = None) -> Table:
    from rich.table import Table

    table = Table(title=title, show_lines=False)
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(*("" if row.get(c) is None else str(row.get(c)) for c in columns))
    return table


def _open(settings: Settings) -> Store:
    """The store for a command that reads: a SQLite file that does not exist is an error, not a new store."""
    from dyad.store import Store

    return Store(settings.db_url, create=False)


def _read(settings: Settings, read: Callable[[Run], T]) -> T:
    """One of the store's small reads (``dyad.store.lists``): from a SQLite file through the standard
    library when it can be (no SQLAlchemy to import), else through the Store, which also reports a missing
    store."""
    from dyad.store import lists

    found = lists.read_sqlite(settings.db_url, read)
    if found is not None:
        return found
    with _open(settings) as store:
        return store.read(read)


def _run_ingest(store: Store, paths: list[str], settings: Settings, replace: bool) -> IngestReport:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from dyad import pipeline

    files = pipeline.expand_paths(paths)
    kwargs: dict[str, Any] = {
        "workers": settings.worker_count,
        "max_bytes": settings.max_bytes,
        "time_limit": settings.time_limit,
        "memory_limit": settings.memory_limit,
        "replace": replace,
        "dyad": settings.dyad_codes,
        "knowledge_dirs": settings.knowledge_dirs,
        "dask": settings.dask or None,
    }
    if not err.is_terminal:
        return pipeline.ingest(store, files, **kwargs)
    columns = (TextColumn("ingesting"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=err, transient=True) as bar:
        task = bar.add_task("ingest", total=len(files))
        advance: Callable[[str], None] = lambda _path: bar.advance(task)  # noqa: E731
        return pipeline.ingest(store, files, progress=advance, **kwargs)


def _print_report(report: IngestReport) -> None:
    out.print(
        f"stored {len(report.added)} new document(s), {len(report.unchanged)} unchanged, "
        f"{len(report.failed)} file(s) failed"
        + (f", {len(report.warnings)} warning(s)" if report.warnings else "")
    )
    for failure in report.failed:
        err.print(f"  skipped {failure.path}: {failure.reason}", highlight=False, markup=False)
    for warning in report.warnings:
        err.print(f"  warning {warning.path}: {warning.reason}", highlight=False, markup=False)


@app.command(cls=_DyadCommand)
def ingest(
    paths: Annotated[
        list[str], typer.Argument(metavar="PATH...", help="Files and folders (searched recursively).")
    ],
    db: DbOption = None,
    workers: Annotated[int | None, typer.Option(help="Worker processes; 0 = one per core.")] = None,
    max_bytes: Annotated[int | None, typer.Option(help="Refuse files larger than this (bytes).")] = None,
    replace: Annotated[bool, typer.Option("--replace", help="Re-process documents already stored.")] = False,
    dask: Annotated[
        str | None,
        typer.Option(
            help="Read and extract on Dask: 'local' (--workers processes) or a scheduler's tcp://host:8786, "
            "whose workers must read the same paths (into PostgreSQL they also write: they must reach it). "
            "Needs pip install 'dyad\\[dask]'.",
        ),
    ] = None,
    as_json: JsonOption = False,
    config: ConfigOption = None,
) -> None:
    """Ingest documents (creating the store if needed): read, clean, extract and store them. Exits 1 if any
    file failed, 3 if every file was stored but some with a warning (see dyad errors)."""
    from dyad.store import Store

    settings = load_settings(config, db=db, workers=workers, max_bytes=max_bytes, dask=dask)
    with Store(settings.db_url) as store:
        report = _run_ingest(store, paths, settings, replace)
    if as_json:
        _print_json(
            {
                "added": report.added,
                "unchanged": report.unchanged,
                "failed": [{"path": f.path, "reason": f.reason} for f in report.failed],
                "warnings": [{"path": w.path, "reason": w.reason} for w in report.warnings],
            }
        )
    else:
        _print_report(report)
    raise typer.Exit(1 if not report.ok else 3 if report.warnings else 0)


@app.command(cls=_DyadCommand)
def docs(db: DbOption = None, as_json: JsonOption = False, config: ConfigOption = None) -> None:
    """List the stored documents."""
    from dyad.store import lists

    rows = _read(load_settings(config, db=db), lists.documents)
    if as_json:
        _print_json(rows)
        return
    view = [{**r, "id": r["id"][:8]} for r in rows]
    out.print(_table(view, ["id", "kind", "published", "title", "words"]))


@app.command(cls=_DyadCommand)
def show(
    doc: Annotated[str, typer.Argument(metavar="DOC", help="Document id, id prefix or file name.")],
    db: DbOption = None,
    raw: Annotated[
        bool, typer.Option("--raw", help="Show the raw text as read, not the clean text.")
    ] = False,
    as_json: JsonOption = False,
    config: ConfigOption = None,
) -> None:
    """Show one document: metadata, then its clean (or raw) text."""
    from dyad.store import lists

    row = _read(load_settings(config, db=db), lambda run: lists.document(run, doc))
    if as_json:
        _print_json(row)
        return
    for key in (
        "id",
        "name",
        "kind",
        "format",
        "title",
        "authors",
        "publisher",
        "published",
        "date_estimate",
        "language",
        "doi",
        "words",
        "n_sentences",
    ):
        value = row[key]
        if key == "date_estimate" and value:
            value = f"{value} ({row['date_estimate_basis']})"
        out.print(
            f"{key + ':':<14} {', '.join(value) if isinstance(value, list) else value}", highlight=False
        )
    out.print()
    out.print(row["raw_text"] if raw else row["text"], markup=False, highlight=False)


@app.command(cls=_DyadCommand)
def remove(
    doc: Annotated[str, typer.Argument(metavar="DOC", help="Document id, id prefix or file name.")],
    db: DbOption = None,
    config: ConfigOption = None,
) -> None:
    """Remove one document and what it said; the events and figures it shared keep their other sources."""
    with _open(load_settings(config, db=db)) as store:
        doc_id = store.remove(doc)
    out.print(f"removed {doc_id}", highlight=False)


@app.command(cls=_DyadCommand)
def rebuild(db: DbOption = None, config: ConfigOption = None) -> None:
    """Resolve the whole record again (after an upgrade that changed the merge rules)."""
    with _open(load_settings(config, db=db)) as store:
        counts = store.rebuild()
    out.print(", ".join(f"{n} {name}" for name, n in counts.items()), highlight=False)


@app.command(cls=_DyadCommand)
def check(db: DbOption = None, as_json: JsonOption = False, config: ConfigOption = None) -> None:
    """Verify the store: documents, sentences, full-text index, facts and the merged record agree, and the
    schema is current. Prints one line per problem; exits 0 when consistent, 1 when not. Reads only."""
    from dyad.store import check as store_check

    problems = store_check.check_store(load_settings(config, db=db).db_url)
    if as_json:
        _print_json({"ok": not problems, "problems": problems})
    else:
        for line in problems:
            out.print(line, highlight=False, markup=False)
        out.print(f"{len(problems)} problem(s) found" if problems else "store is consistent", highlight=False)
    raise typer.Exit(1 if problems else 0)


@app.command(cls=_DyadCommand)
def errors(db: DbOption = None, as_json: JsonOption = False, config: ConfigOption = None) -> None:
    """List files that could not be ingested (level error) and files stored with a doubt about how they
    were read (level warning, e.g. an encoding guessed with low confidence), with the reason."""
    from dyad.store import lists

    rows = _read(load_settings(config, db=db), lists.errors)
    if as_json:
        _print_json(rows)
        return
    out.print(_table(rows, ["path", "level", "reason", "at"]) if rows else "no ingest errors or warnings")


DyadOption = Annotated[
    str | None,
    typer.Option(
        "--dyad",
        help="Only this pair: codes or names, e.g. PER,RUS or Peru,Russia; 'all' for every pair "
        "(default: the store's main pair).",
    ),
]


def _given_pair(text: str | None, settings: Settings) -> tuple[str, ...]:
    """--dyad as ISO codes; when it named countries, the codes they were read as go to stderr."""
    from dyad import query

    codes = query.parse_dyad(text, settings.knowledge_dirs)
    if codes and re.sub(r"[^A-Z]", "", (text or "").upper()) != "".join(codes):
        err.print(f"pair: {'–'.join(codes)}", highlight=False)
    return codes


def _choose_pair(text: str | None, settings: Settings, store: Store) -> tuple[str, ...]:
    """The pair a listing shows: --dyad ('all': every pair), else the configured pair, else the store's main
    pair when it holds several, said on stderr: facts about other pairs never mix in unasked."""
    from dyad import query

    if text and text.strip().lower() == "all":
        return ()
    if text or settings.dyad_codes:
        return _given_pair(text, settings) or settings.dyad_codes
    main, others = query.main_pair(store)
    if others:
        shown = "–".join(main)
        err.print(f"showing {shown}, the store's main pair; --dyad to choose; --dyad all for every pair")
    return main


@app.command(cls=_DyadCommand)
def events(
    db: DbOption = None,
    dyad: DyadOption = None,
    type_: Annotated[list[str] | None, typer.Option("--type", help="Event type(s), e.g. agreement.")] = None,
    date_from: Annotated[str | None, typer.Option("--from", help="From this date (YYYY[-MM[-DD]]).")] = None,
    date_to: Annotated[str | None, typer.Option("--to", help="Up to this date (YYYY[-MM[-DD]]).")] = None,
    undated: Annotated[bool, typer.Option("--undated", help="Also list events without a date.")] = False,
    by: Annotated[
        str | None,
        typer.Option(
            "--by",
            help="Only the acts this side initiated on the other (code or name, e.g. GBR or Britain); "
            "with any partner unless --dyad is given.",
        ),
    ] = None,
    as_json: JsonOption = False,
    config: ConfigOption = None,
) -> None:
    """List resolved events (one per real-world event, all its sources), oldest first. 'GBR → RUS' marks
    an act one side did to the other (the acting side first)."""
    from dyad import display, query

    settings = load_settings(config, db=db)
    acting = query.parse_country(by, settings.knowledge_dirs)
    with _open(settings) as store:
        any_pair = acting is not None and not dyad and not settings.dyad_codes
        rows = query.events(
            store,
            dyad=() if any_pair else _choose_pair(dyad, settings, store),
            types=tuple(type_ or ()),
            date_from=date_from,
            date_to=date_to,
            include_undated=undated,
            by=acting,
        )
    if as_json:
        _print_json(rows)
        return
    view = [
        {
            **e,
            "participants": display.sides_text(e["participants"], e["initiator"]),
            "sources": display.sources_text(e["source_count"], e["independent_sources"]),
            "summary": e["summary"].split(": ", 1)[-1][:100],
        }
        for e in rows
    ]
    out.print(_table(view, ["date", "type", "participants", "sources", "summary"]))


@app.command(cls=_DyadCommand)
def figures(
    db: DbOption = None,
    dyad: DyadOption = None,
    kind: Annotated[list[str] | None, typer.Option("--kind", help="Figure kind(s), e.g. export.")] = None,
    as_json: JsonOption = False,
    config: ConfigOption = None,
) -> None:
    """List figures (trade, investment, arms values, growth rates...) with their sources."""
    from dyad import display, query

    settings = load_settings(config, db=db)
    with _open(settings) as store:
        pair = _choose_pair(dyad, settings, store)
        rows = query.figures(store, dyad=pair, kinds=tuple(kind or ()))
    if as_json:
        _print_json(rows)
        return
    view = [
        {
            **f,
            "value": display.quantity_text(f["value"], f["unit"], f["qualifier"], f["value_max"]),
            "sources": display.sources_text(f["source_count"], f["independent_sources"]),
        }
        for f in rows
    ]
    out.print(_table(view, ["kind", "value", "year", "from", "to", "sources"]))


@app.command(cls=_DyadCommand)
def actors(db: DbOption = None, as_json: JsonOption = False, config: ConfigOption = None) -> None:
    """List the countries, people (with role and country) and organisations the documents mention."""
    from dyad import query

    with _open(load_settings(config, db=db)) as store:
        rows = query.actors(store)
    if as_json:
        _print_json(rows)
        return
    view = [{**r, "role": r["role"] or "", "country": r["country"] or ""} for r in rows]
    out.print(_table(view, ["kind", "name", "role", "country", "documents", "mentions"]))


@app.command(cls=_DyadCommand)
def export(
    db: DbOption = None,
    fmt: Annotated[
        str, typer.Option("--format", help="json, jsonl, or csv / parquet (one file per table in -o DIR).")
    ] = "json",
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="File (csv, parquet: folder); default stdout.")
    ] = None,
    undated: Annotated[bool, typer.Option("--undated", help="Also export events without a date.")] = False,
    config: ConfigOption = None,
) -> None:
    """Export the record: JSON/JSONL (the contract in docs/schema.md) or flat tables (CSV, Parquet)."""
    from dyad import export as exporting
    from dyad import tables

    if fmt not in exporting.FORMATS:
        raise DyadError(f"unknown format {fmt!r}; choose one of {', '.join(exporting.FORMATS)}")
    if fmt in tables.TABLE_FORMATS and output is None:
        raise DyadError(f"--format {fmt} writes one file per table: give a folder with -o DIR")
    if output:
        _check_folder(output)
    with _open(load_settings(config, db=db)) as store:
        data = exporting.build_export(store, include_undated=undated)
    if output and fmt in tables.TABLE_FORMATS:
        flat = tables.build_tables(data)
        paths = tables.write_tables(flat, output, fmt)
        counts = ", ".join(f"{p.name} ({len(flat[p.stem])} rows)" for p in paths)
        out.print(f"wrote {counts} in {output}", highlight=False)
        return
    text = exporting.render(data, fmt)
    if not output:
        sys.stdout.write(text)
        return
    _write_text(output, text)
    counts = ", ".join(f"{len(rows)} {name.replace('_', ' ')}" for name, rows in data.items())
    out.print(f"wrote {output} ({fmt}): {counts}", highlight=False, markup=False)


def _check_folder(output: Path) -> None:
    """Refuse an output file whose folder does not exist (a typo must not create folders)."""
    if not output.parent.is_dir():
        raise DyadError(f"cannot write {output}: folder {output.parent} does not exist")


def _write_text(output: Path, text: str) -> None:
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise DyadError(f"cannot write {output}: {(exc.strerror or str(exc)).lower()}") from exc


@app.command("eval", cls=_DyadCommand)
def eval_(
    gold: Annotated[
        Path,
        typer.Argument(metavar="GOLD", help="Gold annotation file (JSON), e.g. tests/data/gold/seeds.json."),
    ],
    db: DbOption = None,
    floors: Annotated[
        Path | None, typer.Option(help="Also check these floors (TOML); exit 1 if below.")
    ] = None,
    questions: Annotated[bool, typer.Option("--questions", help="Also ask the gold's questions.")] = False,
    as_json: JsonOption = False,
    config: ConfigOption = None,
) -> None:
    """Score the store against a gold file: precision/recall/F1, then missed and spurious items."""
    from dyad import evaluate as scoring

    report = scoring.evaluate_store(load_settings(config, db=db).db_url, gold, questions=questions)
    failures = scoring.check_floors(report, scoring.load_floors(floors)) if floors else []
    if as_json:
        _print_json({**report, "floor_failures": failures})
    else:
        out.print(scoring.format_report(report), markup=False, highlight=False)
        for failure in failures:
            err.print(f"below floor: {failure}", markup=False)
    raise typer.Exit(1 if failures else 0)


DimensionOption = Annotated[
    str | None, typer.Option("--dimension", help="political, economic, military, ...")
]


@app.command(cls=_DyadCommand)
def timeline(
    db: DbOption = None,
    dyad: DyadOption = None,
    dimension: DimensionOption = None,
    date_from: Annotated[str | None, typer.Option("--from", help="From this date (YYYY[-MM[-DD]]).")] = None,
    date_to: Annotated[str | None, typer.Option("--to", help="Up to this date (YYYY[-MM[-DD]]).")] = None,
    sentences: Annotated[
        bool, typer.Option("--sentences", help="Under each event, the source sentences it was read from.")
    ] = False,
    as_json: JsonOption = False,
    config: ConfigOption = None,
) -> None:
    """Dated events in order, grouped by decade: date, the date's basis, what happened, sources."""
    from dyad import analyze, display, query

    settings = load_settings(config, db=db)
    with _open(settings) as store:
        pair = _choose_pair(dyad, settings, store)
        page = query.timeline_page(
            store, dyad=pair, dimension=dimension, date_from=date_from, date_to=date_to
        )
    decades = analyze.by_decade(page.items)
    if as_json:
        _print_json(decades)
        return
    for decade in decades:
        out.print(f"[bold]{decade['decade']}[/bold]")
        for e in decade["events"]:
            out.print(
                f"  {e['date']:<22} {e['basis']:<9} {e['headline']} "
                f"[{display.sources_text(e['sources'], e['independent_sources'])}]",
                highlight=False,
                markup=False,
            )
            for s in e["citations"] if sentences else ():
                out.print(f"      “{s['text']}” ({s['doc']})", highlight=False, markup=False)


@app.command(cls=_DyadCommand)
def intensity(
    db: DbOption = None,
    by: Annotated[str, typer.Option("--by", help="year or decade.")] = "year",
    dyad: DyadOption = None,
    dimension: DimensionOption = None,
    as_json: JsonOption = False,
    config: ConfigOption = None,
) -> None:
    """The relationship's intensity index per year or decade and dimension (see docs/analysis.md).
    Without --dyad, the pair most events are about (as in the report)."""
    from dyad import analyze, query

    settings = load_settings(config, db=db)
    with _open(settings) as store:
        pair = _choose_pair(dyad, settings, store)
        rows = query.intensity(store, by=by, dyad=pair, dimension=dimension)
    if as_json:
        _print_json(rows)
        return
    view = [{k: v if k == "period" else f"{v:.2f}" for k, v in r.items()} for r in rows]
    title = f"Intensity index, {'–'.join(pair) or 'all pairs'} ({analyze.INDEX_UNIT})"
    out.print(_table(view, list(rows[0]) if rows else ["period", "total"], title=title))


@app.command(cls=_DyadCommand)
def periods(
    db: DbOption = None, dyad: DyadOption = None, as_json: JsonOption = False, config: ConfigOption = None
) -> None:
    """Phases of higher and lower intensity, cooperation and conflict apart, with their defining events.
    Without --dyad, the pair most events are about (as in the report)."""
    from dyad import query

    settings = load_settings(config, db=db)
    with _open(settings) as store:
        pair = _choose_pair(dyad, settings, store)
        rows = query.periods(store, dyad=pair)
    if as_json:
        _print_json(rows)
        return
    view = [
        {
            **p,
            "span": f"{p['start']}–{p['end']}",
            "mean_index": f"{p['mean_index']:.2f}",
            "defined by": "; ".join(f"{e['date']} {e['type']}" for e in p["events"]),
        }
        for p in rows
    ]
    title = f"Periods, {'–'.join(pair) or 'all pairs'} (mean yearly intensity index)"
    out.print(_table(view, ["side", "span", "level", "mean_index", "defined by"], title=title))


@app.command(cls=_DyadCommand)
def series(
    kind: Annotated[
        str, typer.Option("--kind", help="export, import, trade_total, investment, arms_value, ...")
    ],
    db: DbOption = None,
    dyad: DyadOption = None,
    as_json: JsonOption = False,
    config: ConfigOption = None,
) -> None:
    """One kind of figure over time, from the figures the documents give."""
    from dyad import display, query

    settings = load_settings(config, db=db)
    with _open(settings) as store:
        pair = _choose_pair(dyad, settings, store)
        rows = query.series(store, kind=kind, dyad=pair)
    if as_json:
        _print_json(rows)
        return
    view = [{**r, "value": display.quantity_text(r["value"], r["unit"], r["qualifier"])} for r in rows]
    out.print(_table(view, ["year", "value", "from", "to", "sources"]))


@app.command(cls=_DyadCommand)
def conflicts(
    db: DbOption = None, dyad: DyadOption = None, as_json: JsonOption = False, config: ConfigOption = None
) -> None:
    """Facts on which sources disagree (a figure's value, an event's date), with both sides' sources."""
    from dyad import query

    settings = load_settings(config, db=db)
    with _open(settings) as store:
        rows = query.conflicts(store, _choose_pair(dyad, settings, store))
    if as_json:
        _print_json(rows)
        return
    if not rows:
        out.print("no conflicts between sources")
    for c in rows:
        out.print(f"{c['kind']}: {c['about']}", markup=False, highlight=False)
        for side in c["sides"]:
            said = side.get("date") or f"{side.get('qualifier', '')} {side.get('value')}"
            docs = ", ".join(sorted({s["doc"] for s in side["sources"]}))
            out.print(f"  {said}  ← {docs}", markup=False, highlight=False)


@app.command(cls=_DyadCommand)
def ask(
    question: Annotated[str, typer.Argument(metavar="QUESTION", help="A question in plain English.")],
    db: DbOption = None,
    dyad: Annotated[
        str | None,
        typer.Option("--dyad", help="Only this pair: codes or names, e.g. PER,RUS or Peru,Russia."),
    ] = None,
    as_json: JsonOption = False,
    config: ConfigOption = None,
) -> None:
    """Answer a question from the record with citations, or say there is no evidence."""
    from dyad import ask as answering

    settings = load_settings(config, db=db)
    with _open(settings) as store:
        answer = answering.ask(store, question, dyad=_given_pair(dyad, settings) or settings.dyad_codes)
    if as_json:
        _print_json(answer.to_dict())
        return
    out.print(answer.answer, markup=False, highlight=False)
    facts = ", ".join(answer.facts) or "none"
    out.print(f"confidence {answer.confidence:.2f} · {answer.kind} · facts: {facts}", highlight=False)
    for n, c in enumerate(answer.citations, start=1):
        out.print(
            f"  [{n}] {c.doc} {c.start}-{c.end} (score {c.score:.2f}): {c.text}",
            markup=False,
            highlight=False,
        )


@app.command(cls=_DyadCommand)
def report(
    db: DbOption = None,
    dyad: Annotated[
        str | None,
        typer.Option(
            "--dyad",
            help="The pair: codes or names, e.g. PER,RUS or Peru,Russia (default: the store's main pair).",
        ),
    ] = None,
    output: Annotated[
        Path, typer.Option("-o", "--output", help="Report file: .html or .md, in an existing folder.")
    ] = Path("report.html"),
    fmt: Annotated[
        str | None, typer.Option("--format", help="html or md (default: from the file name).")
    ] = None,
    config: ConfigOption = None,
) -> None:
    """Write a self-contained report: summary, periods, charts, timeline with citations, sources."""
    from dyad.report import write_report  # plotly is slow to import; only this command needs it

    _check_folder(output)
    settings = load_settings(config, db=db)
    with _open(settings) as store:
        path = write_report(store, output, dyad=_given_pair(dyad, settings), fmt=fmt)
    out.print(f"wrote {path}")


@app.command(cls=_DyadCommand)
def serve(
    db: DbOption = None,
    host: Annotated[
        str, typer.Option("--host", help="Address to listen on (default: this machine only).")
    ] = ("127.0.0.1"),
    public: Annotated[
        bool,
        typer.Option("--public", help="Allow a --host other machines can reach (read-only unless --token)."),
    ] = False,
    port: Annotated[int, typer.Option("--port", help="Port to listen on (1-65535).")] = 8000,
    allow_ingest: Annotated[
        bool, typer.Option("--allow-ingest", help="Accept uploads (needs --token).")
    ] = False,
    token: Annotated[
        str | None, typer.Option("--token", envvar="DYAD_SERVE_TOKEN", help="Bearer token for uploads.")
    ] = None,
    get_path: Annotated[
        str | None, typer.Option("--get", metavar="PATH", help="Answer one GET request, print it, exit.")
    ] = None,
    config: ConfigOption = None,
) -> None:
    """Serve the JSON API (/openapi.json, /docs) and the dashboard; read-only unless --allow-ingest."""
    from dyad import serve as web  # the web stack is only imported by this command

    settings = load_settings(config, db=db)
    options = {
        "create": False,  # a mistyped --db is an error, not an empty dashboard
        "allow_ingest": allow_ingest,
        "token": token,
        "max_bytes": settings.max_bytes,
        "max_files": settings.upload_max_files,
        "ingest_options": {"dyad": settings.dyad_codes, "knowledge_dirs": settings.knowledge_dirs},
    }
    if get_path is not None:
        status, body = web.get(settings.db_url, get_path, **options)
        typer.echo(body)
        raise typer.Exit(0 if status < 400 else 1)
    web.run(
        settings.db_url,
        host=host,
        port=port,
        public=public,
        ready=lambda url: out.print(f"dyad serving {settings.db_url} at {url} (Ctrl-C to stop)"),
        **options,
    )


@app.command("import-actors", cls=_DyadCommand)
def import_actors(
    dictionary: Annotated[
        Path,
        typer.Argument(
            metavar="DICTIONARY", help="A CAMEO/PETRARCH actor dictionary (NAME_ [CODE yymmdd-yymmdd])."
        ),
    ],
    out_dir: Annotated[Path, typer.Option("--out", help="Folder to write leaders.tsv into.")] = Path(
        "knowledge"
    ),
) -> None:
    """Convert a PETRARCH actor dictionary into a leaders.tsv for the knowledge_dirs setting."""
    from dyad.knowledge import petrarch

    try:
        lines = dictionary.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError as exc:
        raise DyadError(f"cannot read {dictionary}: {exc.strerror or exc}") from exc
    actors = petrarch.parse_actor_dictionary(lines, dictionary.name)
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "leaders.tsv").write_text(petrarch.to_leaders_tsv(actors), encoding="utf-8")
    out.print(
        f"wrote {sum(len(a.codes) for a in actors)} terms of {len(actors)} actors to "
        f"{out_dir / 'leaders.tsv'}; "
        f"add {out_dir} to knowledge_dirs (DYAD_KNOWLEDGE_DIRS)"
    )


# The bundled examples (package data): name → folder under dyad/examples.
EXAMPLES = {"peru-russia": "seeds", "india-china": "india_china"}


def example_corpus(name: str = "peru-russia") -> list[Path]:
    """The documents of a bundled example: Peru–Russia (real documents) or India–China (written for dyad,
    with conflict as well as cooperation)."""
    if name not in EXAMPLES:
        raise DyadError(f"unknown example {name!r}; choose one of {', '.join(EXAMPLES)}")
    folder = resources.files("dyad") / "examples" / EXAMPLES[name]
    return sorted(Path(str(p)) for p in folder.iterdir() if not p.name.startswith("."))


def _fresh_demo_store(out_dir: Path) -> Path:
    """The demo's store path in ``out_dir`` (made if missing: the demo is the one command that makes its
    own folder), with any earlier demo store removed."""
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DyadError(f"cannot create the folder {out_dir}: {(exc.strerror or str(exc)).lower()}") from exc
    db = out_dir.resolve() / "dyad-demo.db"
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    return db


@app.command(cls=_DyadCommand)
def demo(
    out_dir: Annotated[
        Path,
        typer.Option(
            "--out",
            help="Folder for the demo's store (dyad-demo.db, recreated) and report (dyad-demo.html); "
            "created if missing.",
        ),
    ] = Path("."),
    example: Annotated[
        str, typer.Option("--example", help="Which bundled example: peru-russia or india-china.")
    ] = "peru-russia",
) -> None:
    """Ingest a bundled example (Peru–Russia by default) into a fresh store; show it; write a report."""
    from dyad import query
    from dyad.report import write_report
    from dyad.store import Store

    corpus = example_corpus(example)
    db = _fresh_demo_store(out_dir)
    settings = load_settings(None, db=str(db))
    with Store(settings.db_url) as store:
        report = _run_ingest(store, [str(p) for p in corpus], settings, replace=False)
        _print_report(report)
        out.print(
            _table(
                [{**r, "id": r["id"][:8]} for r in store.documents()],
                ["id", "kind", "published", "title", "words"],
                title=f"Documents in {db}",
            )
        )
        counts = store.counts()
        main, _others = query.main_pair(store)  # the example's own pair, as in the report
        timeline = query.events(store, dyad=main, include_undated=False)
        report_path = write_report(store, db.with_suffix(".html"))
    out.print(", ".join(f"{v} {k}" for k, v in counts.items()))
    out.print(f"\nTimeline ({len(timeline)} dated events; number of source documents in brackets):")
    for e in timeline:
        out.print(f"  {e['date']:<22} {e['headline']}  [{e['source_count']}]", highlight=False, markup=False)
    out.print(f"\nStore:  {db}", highlight=False, markup=False)
    out.print(f"Report: {report_path}", highlight=False, markup=False)
    arg = shlex.quote(str(db))
    out.print(
        f"Try: dyad events --db {arg}   dyad figures --db {arg}   dyad periods --db {arg}",
        highlight=False,
        markup=False,
    )
    raise typer.Exit(0 if report.ok else 1)


def main() -> None:
    app(prog_name="dyad")


if __name__ == "__main__":
    main()
