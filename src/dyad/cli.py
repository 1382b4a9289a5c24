"""The `dyad` command line: thin wrappers that parse options, call the library and print."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from typer.core import TyperGroup

from dyad import analyze, pipeline, query
from dyad import evaluate as scoring
from dyad import export as exporting
from dyad.errors import DyadError
from dyad.knowledge import petrarch
from dyad.resolve import resolve
from dyad.settings import Settings, load_settings
from dyad.store import Store


class _DyadGroup(TyperGroup):
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
out = Console(soft_wrap=True)
err = Console(stderr=True)

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


def _number(value: float) -> str:
    """135000000 → '135,000,000'; 9.4 → '9.4'."""
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.6g}"


def _table(rows: list[dict[str, Any]], columns: list[str], title: str | None = None) -> Table:
    table = Table(title=title, show_lines=False)
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(*("" if row.get(c) is None else str(row.get(c)) for c in columns))
    return table


def _run_ingest(store: Store, paths: list[str], settings: Settings, replace: bool) -> pipeline.IngestReport:
    files = pipeline.expand_paths(paths)
    kwargs: dict[str, Any] = {
        "workers": settings.worker_count,
        "max_bytes": settings.max_bytes,
        "replace": replace,
        "dyad": settings.dyad_codes,
        "knowledge_dirs": settings.knowledge_dirs,
    }
    if not err.is_terminal:
        return pipeline.ingest(store, files, **kwargs)
    columns = (TextColumn("ingesting"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=err, transient=True) as bar:
        task = bar.add_task("ingest", total=len(files))
        advance: Callable[[str], None] = lambda _path: bar.advance(task)  # noqa: E731
        return pipeline.ingest(store, files, progress=advance, **kwargs)


def _print_report(report: pipeline.IngestReport) -> None:
    out.print(
        f"stored {len(report.added)} new document(s), {len(report.unchanged)} unchanged, "
        f"{len(report.failed)} file(s) failed"
        + (f", {len(report.warnings)} warning(s)" if report.warnings else "")
    )
    for failure in report.failed:
        err.print(f"  skipped {failure.path}: {failure.reason}", highlight=False, markup=False)
    for warning in report.warnings:
        err.print(f"  warning {warning.path}: {warning.reason}", highlight=False, markup=False)


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files and folders (searched recursively).")],
    db: DbOption = None,
    workers: Annotated[int | None, typer.Option(help="Worker processes; 0 = one per core.")] = None,
    max_bytes: Annotated[int | None, typer.Option(help="Refuse files larger than this (bytes).")] = None,
    replace: Annotated[bool, typer.Option("--replace", help="Re-process documents already stored.")] = False,
    as_json: JsonOption = False,
    config: ConfigOption = None,
) -> None:
    """Ingest documents: read, clean, extract and store them. Exits 1 if any file failed, 3 if every file
    was stored but some with a warning (see dyad errors)."""
    settings = load_settings(config, db=db, workers=workers, max_bytes=max_bytes)
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


@app.command()
def docs(db: DbOption = None, as_json: JsonOption = False, config: ConfigOption = None) -> None:
    """List the stored documents."""
    with Store(load_settings(config, db=db).db_url) as store:
        rows = store.documents()
    if as_json:
        _print_json(rows)
        return
    view = [{**r, "id": r["id"][:8]} for r in rows]
    out.print(_table(view, ["id", "kind", "published", "title", "words"]))


@app.command()
def show(
    doc: Annotated[str, typer.Argument(help="Document id, id prefix or file name.")],
    db: DbOption = None,
    raw: Annotated[
        bool, typer.Option("--raw", help="Show the raw text as read, not the clean text.")
    ] = False,
    as_json: JsonOption = False,
    config: ConfigOption = None,
) -> None:
    """Show one document: metadata, then its clean (or raw) text."""
    with Store(load_settings(config, db=db).db_url) as store:
        row = store.document(doc)
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


@app.command()
def errors(db: DbOption = None, as_json: JsonOption = False, config: ConfigOption = None) -> None:
    """List files that could not be ingested (level error) and files stored with a doubt about how they
    were read (level warning, e.g. an encoding guessed with low confidence), with the reason."""
    with Store(load_settings(config, db=db).db_url) as store:
        rows = store.errors()
    if as_json:
        _print_json(rows)
        return
    out.print(_table(rows, ["path", "level", "reason", "at"]) if rows else "no ingest errors or warnings")


DyadOption = Annotated[str | None, typer.Option("--dyad", help="Only this pair, e.g. PER,RUS.")]


@app.command()
def events(
    db: DbOption = None,
    dyad: DyadOption = None,
    type_: Annotated[list[str] | None, typer.Option("--type", help="Event type(s), e.g. agreement.")] = None,
    date_from: Annotated[str | None, typer.Option("--from", help="From this date (YYYY[-MM[-DD]]).")] = None,
    date_to: Annotated[str | None, typer.Option("--to", help="Up to this date (YYYY[-MM[-DD]]).")] = None,
    undated: Annotated[bool, typer.Option("--undated", help="Also list events without a date.")] = False,
    as_json: JsonOption = False,
    config: ConfigOption = None,
) -> None:
    """List resolved events (one per real-world event, all its sources), oldest first."""
    with Store(load_settings(config, db=db).db_url) as store:
        rows = query.events(
            store,
            dyad=query.parse_dyad(dyad),
            types=tuple(type_ or ()),
            date_from=date_from,
            date_to=date_to,
            include_undated=undated,
        )
    if as_json:
        _print_json(rows)
        return
    view = [
        {
            **e,
            "participants": "–".join(e["participants"]),
            "sources": len(e["sources"]),
            "summary": e["summary"].split(": ", 1)[-1][:100],
        }
        for e in rows
    ]
    out.print(_table(view, ["date", "type", "participants", "sources", "summary"]))


@app.command()
def figures(
    db: DbOption = None,
    dyad: DyadOption = None,
    kind: Annotated[list[str] | None, typer.Option("--kind", help="Figure kind(s), e.g. export.")] = None,
    as_json: JsonOption = False,
    config: ConfigOption = None,
) -> None:
    """List figures (trade, investment, arms values, growth rates...) with their sources."""
    with Store(load_settings(config, db=db).db_url) as store:
        rows = query.figures(store, dyad=query.parse_dyad(dyad), kinds=tuple(kind or ()))
    if as_json:
        _print_json(rows)
        return
    view = [{**f, "value": _number(f["value"]), "sources": len(f["sources"])} for f in rows]
    out.print(_table(view, ["kind", "value", "unit", "qualifier", "year", "from", "to", "sources"]))


@app.command()
def actors(db: DbOption = None, as_json: JsonOption = False, config: ConfigOption = None) -> None:
    """List the countries, people (with role and country) and organisations the documents mention."""
    with Store(load_settings(config, db=db).db_url) as store:
        rows = query.actors(store)
    if as_json:
        _print_json(rows)
        return
    view = [{**r, "role": r["role"] or "", "country": r["country"] or ""} for r in rows]
    out.print(_table(view, ["kind", "name", "role", "country", "documents", "mentions"]))


@app.command()
def export(
    db: DbOption = None,
    fmt: Annotated[str, typer.Option("--format", help="json, jsonl or csv.")] = "json",
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="Write here instead of stdout.")
    ] = None,
    undated: Annotated[bool, typer.Option("--undated", help="Also export events without a date.")] = False,
    config: ConfigOption = None,
) -> None:
    """Export documents, events, figures and time expressions (the contract in ARCHITECTURE.md)."""
    if fmt not in exporting.FORMATS:
        raise DyadError(f"unknown format {fmt!r}; choose one of {', '.join(exporting.FORMATS)}")
    with Store(load_settings(config, db=db).db_url) as store:
        text = exporting.render(exporting.build_export(store, include_undated=undated), fmt)
    if output:
        output.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)


@app.command("eval")
def eval_(
    gold: Annotated[
        Path, typer.Argument(help="Gold annotation file (JSON), e.g. ../shared/gold/seeds.json.")
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


def _record(db: str | None, config: Path | None) -> Any:
    with Store(load_settings(config, db=db).db_url) as store:
        return resolve(store)


@app.command()
def timeline(
    db: DbOption = None,
    dyad: DyadOption = None,
    dimension: DimensionOption = None,
    date_from: Annotated[str | None, typer.Option("--from", help="From this date (YYYY[-MM[-DD]]).")] = None,
    date_to: Annotated[str | None, typer.Option("--to", help="Up to this date (YYYY[-MM[-DD]]).")] = None,
    as_json: JsonOption = False,
    config: ConfigOption = None,
) -> None:
    """Dated events in order, grouped by decade, with the date's basis and the number of sources."""
    lo, hi = query.date_bounds(date_from, date_to)
    decades = analyze.timeline(
        _record(db, config), dyad=query.parse_dyad(dyad), dimension=dimension, date_from=lo, date_to=hi
    )
    if as_json:
        _print_json(decades)
        return
    for decade in decades:
        out.print(f"[bold]{decade['decade']}[/bold]")
        for e in decade["events"]:
            summary = e["summary"].split(": ", 1)[-1]
            kind = e["type"] + (" (planned)" if e["status"] == "planned" else "")
            out.print(
                f"  {e['date']:<22} {e['basis']:<9} {kind:<20} {'–'.join(e['participants'])} "
                f"[{e['sources']} source(s)] {summary[:90]}",
                highlight=False,
                markup=False,
            )


@app.command()
def intensity(
    db: DbOption = None,
    by: Annotated[str, typer.Option("--by", help="year or decade.")] = "year",
    dyad: DyadOption = None,
    dimension: DimensionOption = None,
    as_json: JsonOption = False,
    config: ConfigOption = None,
) -> None:
    """The relationship's intensity index per year or decade and dimension (see docs/analysis.md)."""
    rows = analyze.intensity(_record(db, config), by=by, dyad=query.parse_dyad(dyad), dimension=dimension)
    if as_json:
        _print_json(rows)
        return
    out.print(_table(rows, list(rows[0]) if rows else ["period", "total"]))


@app.command()
def periods(
    db: DbOption = None, dyad: DyadOption = None, as_json: JsonOption = False, config: ConfigOption = None
) -> None:
    """Phases of higher and lower intensity, cooperation and conflict apart, with their defining events."""
    rows = analyze.periods(_record(db, config), dyad=query.parse_dyad(dyad))
    if as_json:
        _print_json(rows)
        return
    view = [
        {
            **p,
            "span": f"{p['start']}–{p['end']}",
            "defined by": "; ".join(f"{e['date']} {e['type']}" for e in p["events"]),
        }
        for p in rows
    ]
    out.print(_table(view, ["side", "span", "level", "mean_index", "defined by"]))


@app.command()
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
    rows = analyze.series(_record(db, config), kind=kind, dyad=query.parse_dyad(dyad))
    if as_json:
        _print_json(rows)
        return
    view = [{**r, "value": _number(r["value"])} for r in rows]
    out.print(_table(view, ["year", "value", "unit", "qualifier", "from", "to", "sources"]))


@app.command()
def conflicts(db: DbOption = None, as_json: JsonOption = False, config: ConfigOption = None) -> None:
    """Facts on which sources disagree (a figure's value, an event's date), with both sides' sources."""
    rows = _record(db, config).conflicts
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


@app.command()
def ask(
    question: Annotated[str, typer.Argument(help="A question in plain English.")],
    db: DbOption = None,
    dyad: DyadOption = None,
    as_json: JsonOption = False,
    config: ConfigOption = None,
) -> None:
    """Answer a question from the record with citations, or say there is no evidence."""
    settings = load_settings(config, db=db)
    with Store(settings.db_url) as store:
        answer = store.ask(question, dyad=query.parse_dyad(dyad) or settings.dyad_codes)
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


@app.command()
def report(
    db: DbOption = None,
    dyad: DyadOption = None,
    output: Annotated[Path, typer.Option("-o", "--output", help="Report file: .html or .md.")] = Path(
        "report.html"
    ),
    fmt: Annotated[
        str | None, typer.Option("--format", help="html or md (default: from the file name).")
    ] = None,
    config: ConfigOption = None,
) -> None:
    """Write a self-contained report: summary, periods, charts, timeline with citations, sources."""
    from dyad.report import write_report  # plotly is slow to import; only this command needs it

    with Store(load_settings(config, db=db).db_url) as store:
        path = write_report(store, output, dyad=query.parse_dyad(dyad), fmt=fmt)
    out.print(f"wrote {path}")


@app.command()
def serve(
    db: DbOption = None,
    host: Annotated[
        str, typer.Option("--host", help="Address to listen on (default: this machine only).")
    ] = ("127.0.0.1"),
    port: Annotated[int, typer.Option("--port", help="Port to listen on.")] = 8000,
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
        "allow_ingest": allow_ingest,
        "token": token,
        "max_bytes": settings.max_bytes,
        "ingest_options": {"dyad": settings.dyad_codes, "knowledge_dirs": settings.knowledge_dirs},
    }
    if get_path is not None:
        status, body = web.get(settings.db_url, get_path, **options)
        typer.echo(body)
        raise typer.Exit(0 if status < 400 else 1)
    out.print(f"dyad serving {settings.db_url} at http://{host}:{port}/ (Ctrl-C to stop)")
    web.run(settings.db_url, host=host, port=port, **options)


@app.command("import-actors")
def import_actors(
    dictionary: Annotated[
        Path, typer.Argument(help="A CAMEO/PETRARCH actor dictionary (NAME_ [CODE yymmdd-yymmdd]).")
    ],
    out_dir: Annotated[Path, typer.Option("--out", help="Folder to write leaders.tsv into.")] = Path(
        "knowledge"
    ),
) -> None:
    """Convert a PETRARCH actor dictionary into a leaders.tsv for the knowledge_dirs setting."""
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


@app.command()
def demo(
    db: Annotated[str, typer.Option("--db", help="Store to (re)create for the demo.")] = "dyad-demo.db",
    example: Annotated[
        str, typer.Option("--example", help="Which bundled example: peru-russia or india-china.")
    ] = "peru-russia",
) -> None:
    """Ingest a bundled example (Peru–Russia by default) into a fresh store and show what it holds."""
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(db + suffix).unlink(missing_ok=True)
    settings = load_settings(None, db=db)
    with Store(settings.db_url) as store:
        report = _run_ingest(store, [str(p) for p in example_corpus(example)], settings, replace=False)
        _print_report(report)
        out.print(
            _table(
                [{**r, "id": r["id"][:8]} for r in store.documents()],
                ["id", "kind", "published", "title", "words"],
                title=f"Documents in {db}",
            )
        )
        counts = store.counts()
        timeline = query.events(store, include_undated=False)
        from dyad.report import write_report

        report_path = write_report(store, Path(db).with_suffix(".html"))
    out.print(", ".join(f"{v} {k}" for k, v in counts.items()))
    out.print(f"\nTimeline ({len(timeline)} dated events; sources in brackets):")
    for e in timeline:
        summary = e["summary"].split(": ", 1)[-1]
        kind = e["type"] + (" (planned)" if e["status"] == "planned" else "")
        out.print(
            f"  {e['date']:<22} {kind:<20} {'–'.join(e['participants'])}  [{len(e['sources'])}]  "
            f"{summary[:70]}{'…' if len(summary) > 70 else ''}",
            highlight=False,
            markup=False,
        )
    out.print(f"\nReport: {report_path.resolve()}")
    out.print(f"Try: dyad events --db {db}   dyad figures --db {db}   dyad periods --db {db}")
    raise typer.Exit(0 if report.ok else 1)


def main() -> None:
    app(prog_name="dyad")


if __name__ == "__main__":
    main()
