"""textmine command line: a thin layer over ``textmine.api``.

Every command parses options, calls the library, and renders the result with rich.
Errors raised on purpose (``TextmineError``) become one line on stderr and exit code 1;
``--debug`` shows the traceback instead. Usage errors exit 2 (click's default).
"""
from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path

import click
from rich.console import Console
from rich.table import Table

import textmine
from textmine.errors import TextmineError

out = Console()
err = Console(stderr=True)

EXIT_ERROR = 1


def fail(message: str, debug: bool, exc: BaseException | None = None) -> None:
    if debug and exc is not None:
        raise exc
    err.print(f"[bold red]Error:[/] {message}", highlight=False, soft_wrap=True)
    sys.exit(EXIT_ERROR)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(textmine.__version__, prog_name="textmine")
@click.option("--debug", is_flag=True, help="Show tracebacks instead of one-line errors.")
@click.pass_context
def main(ctx: click.Context, debug: bool) -> None:
    """textmine: quantified claims from Chinese government reports.

    Extract every quantified claim (money, counts, percentages, quantities, dates,
    durations, ranks) with its normalised value, unit, bounds, indicator and source.
    """
    ctx.ensure_object(dict)
    ctx.obj["debug"] = debug


# ---------------------------------------------------------------- extract (core)

CSV_FIELDS = ["doc", "page", "sentence_index", "text", "kind", "value", "unit", "qualifier",
              "lower", "upper", "indicator", "measure", "measure_confidence", "per", "change",
              "start", "end", "sentence", "bbox"]


def render_claims(records: list[dict], fmt: str, dest) -> None:
    if fmt == "jsonl":
        for r in records:
            dest.write(json.dumps(r, ensure_ascii=False) + "\n")
    elif fmt == "csv":
        w = csv.DictWriter(dest, fieldnames=CSV_FIELDS, extrasaction="ignore")
        w.writeheader()
        for r in records:
            w.writerow({k: (json.dumps(v) if isinstance(v, list) else v) for k, v in r.items()})
    else:
        table = Table(title=f"{len(records)} claims", show_lines=False)
        for col in ("doc", "page", "text", "kind", "value", "unit", "qualifier", "bounds",
                    "indicator", "measure"):
            table.add_column(col, overflow="fold")
        for r in records:
            lo, hi = r.get("lower"), r.get("upper")
            bounds = "" if lo is None and hi is None else f"[{'' if lo is None else lo}, {'' if hi is None else hi}]"
            table.add_row(r["doc"], "" if r["page"] is None else str(r["page"]), r["text"], r["kind"],
                          str(r["value"]), r["unit"], r["qualifier"], bounds, r["indicator"],
                          r["measure"])
        Console(file=dest, width=200 if dest is not sys.stdout else None).print(table)


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "csv"]), default="table",
              show_default=True, help="table: a rich table; jsonl: the claim contract, one record "
              "a line; csv: one row a claim.")
@click.option("-o", "--output", type=click.Path(path_type=Path),
              help="Write to this file (atomically) instead of standard output.")
@click.option("--year", type=click.IntRange(1900, 2200),
              help="Year for dates written without one (default: from the document: masthead, "
              "file name, title, then the text).")
@click.option("--password", help="Password for encrypted PDFs.")
@click.option("--no-classify", is_flag=True, help="Leave measure = other (skip the classifier).")
@click.pass_context
def extract(ctx, files, fmt, output, year, password, no_classify):
    """Extract quantified claims from text (UTF-8/GB18030) and PDF files or folders."""
    debug = ctx.obj["debug"]
    from textmine.api import Extractor, iter_inputs
    ex = Extractor(classify=not no_classify)
    records: list[dict] = []
    failures: list[str] = []
    paths = iter_inputs(files)
    for path in paths:
        try:
            doc, claims = ex.extract_file(path, password=password, year=year)
        except TextmineError as e:
            if debug:
                raise
            failures.append(str(e))
            continue
        for w in doc.warnings:
            err.print(f"[yellow]Warning:[/] {path}: {w}", highlight=False, soft_wrap=True)
        records.extend(c.to_dict() for c in claims)
    if output:
        buf = io.StringIO()
        render_claims(records, fmt, buf)
        textmine.write_atomic(output, buf.getvalue())
        err.print(f"{len(records)} claims from {len(paths) - len(failures)} file(s) -> {output}")
    else:
        render_claims(records, fmt, sys.stdout)
    for f in failures:
        err.print(f"[bold red]Error:[/] {f}", highlight=False, soft_wrap=True)
    if failures:
        sys.exit(EXIT_ERROR)


# ---------------------------------------------------------------- pdf (text, show)

# ---------------------------------------------------------------- classifier (train, classify)

# ---------------------------------------------------------------- database (ingest, query, export, check)


if __name__ == "__main__":
    main()
