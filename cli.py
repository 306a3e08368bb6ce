"""textmine command line: a thin layer over ``textmine.api``.

Every command parses options, calls the library, and renders the result with rich.
Errors raised on purpose (``TextmineError``) become one line on stderr and exit code 1;
``--debug`` shows the traceback instead. Usage errors exit 2 (click's default).
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click
from rich.console import Console
from rich.table import Table
from rich.text import Text

import textmine
from textmine.errors import TextmineError
from textmine import api
from textmine.output import printable

# text printed is data: no rich markup, no :emoji: codes, no highlighting of what looks like
# numbers or paths (a file named a[/]b.txt or :x:.txt prints as it is named)
out = Console(markup=False, emoji=False, highlight=False)
err = Console(stderr=True, markup=False, emoji=False, highlight=False, soft_wrap=True)

EXIT_ERROR = 1
STYLES = {"Error": "bold red", "Warning": "yellow", "Interrupted": "yellow", "failed": "red",
          "Skipped": "yellow"}


def say(label: str, message: object, indent: str = "") -> None:
    """One line on standard error: ``label: message``, the message shown as plain text with
    control characters and undecodable bytes escaped (``printable``)."""
    err.print(Text.assemble(indent, (f"{label}:", STYLES.get(label, "")), " ",
                            printable(message)), soft_wrap=True)


def cell(value: object) -> Text:
    """A table cell: the value as plain text (no markup), escaped like ``say``."""
    return Text("" if value is None else printable(value))


def fail(message: str, debug: bool, exc: BaseException | None = None) -> None:
    if debug and exc is not None:
        raise exc
    say("Error", message)
    sys.exit(EXIT_ERROR)


class Stopped(KeyboardInterrupt):
    """SIGTERM or SIGHUP: stopped as by Ctrl-C (workers stopped, temporary files removed,
    the database consistent), exit 128 + the signal's number."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum


def _stop(signum, frame) -> None:
    raise Stopped(signum)


class Leave(SystemExit):
    """An interrupted batch: its output files are cleaned up on the way out (``with``
    blocks), then the process ends at once (``TextmineGroup.main``)."""


def _leave(code: int) -> None:
    """Exit now, after an interruption: the workers are stopped and the temporary files
    removed already, but the interpreter's exit would join the process pool's manager
    thread, which can wait forever on a result a terminated worker was halfway through
    writing (concurrent.futures reads it whole)."""
    import os
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            pass
    os._exit(code)


def _install_signals() -> None:
    import signal
    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), _stop)
    if hasattr(signal, "SIGXFSZ"):
        # a file size limit (ulimit -f) makes the write fail with EFBIG, a one-line error with
        # the temporary file removed, instead of killing the process
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)


class TextmineGroup(click.Group):
    """The one place where a TextmineError (or memory running out, or a defect of textmine's
    own) becomes one line on stderr and exit 1; ``--debug`` shows the traceback instead."""

    def main(self, *args, **kwargs):
        try:
            return super().main(*args, **kwargs)
        except Leave as e:
            from concurrent.futures import process as pool_module
            if getattr(pool_module, "_threads_wakeups", None):  # a process pool was started
                _leave(e.code)
            raise SystemExit(e.code) from None

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except (TextmineError, MemoryError) as e:
            if (ctx.obj or {}).get("debug"):
                raise
            say("Error", e if isinstance(e, TextmineError) else "out of memory")
            ctx.exit(EXIT_ERROR)
        except Stopped as e:  # outside a batch's run (before it, or while its output is
            say("Interrupted", "stopped by a signal")  # finished): no partial output is kept
            ctx.exit(128 + e.signum)
        except (click.exceptions.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except Exception as e:  # a defect, not the input's fault: still one line, no traceback
            if (ctx.obj or {}).get("debug"):
                raise
            say("Error", f"internal error ({type(e).__name__}: {str(e)[:300]}); "
                         "run with --debug for the traceback and please report it")
            ctx.exit(EXIT_ERROR)


@click.group(cls=TextmineGroup, context_settings={"help_option_names": ["-h", "--help"]})
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
    _install_signals()
    for stream in (sys.stdout, sys.stderr):
        # a file name that is not UTF-8 reaches the output as an escape, not an exception
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")


# ---------------------------------------------------------------- extract (core)

COLUMNS_OPTION = click.option(
    "--columns", "columns", metavar="COL,...", help="Columns of the table (e.g. "
    "text,value,unit,indicator); default: all that fit the terminal.")


def _columns(spec: str | None):
    from textmine.output import parse_columns
    if spec is None:
        return None
    try:
        return parse_columns(spec)
    except TextmineError as e:
        raise click.BadParameter(str(e), param_hint="--columns")


NO_BOM = click.option("--no-bom", is_flag=True, help="CSV without the UTF-8 byte order mark "
                      "(by default it starts the file: Excel needs it to read UTF-8).")


OCR_OPTION = click.option(
    "--ocr", type=click.Choice(["auto", "always", "never"]), default="auto", show_default=True,
    help="PDF pages without a usable text layer (scans, fonts without Unicode mapping): auto "
    "reads them by OCR when the engine is installed (pip install 'textmine[ocr]'); always: "
    "every page; never: none.")


def batch_options(f):
    """Options shared by the batch commands (extract, ingest)."""
    for opt in reversed([
        click.option("--jobs", "-j", type=click.IntRange(1), default=None,
                     help="Worker processes (default: all cores). Pages of a large PDF are "
                     "split across them."),
        click.option("--engine", type=click.Choice(["local", "dask"]), default="local",
                     show_default=True, help="local: a process pool on this machine; dask: a "
                     "dask.distributed cluster (pip install 'textmine[dask]')."),
        click.option("--scheduler", metavar="ADDR", help="Dask scheduler address "
                     "(tcp://host:8786); default: a LocalCluster of --jobs workers."),
        click.option("--quiet", "-q", is_flag=True, help="No progress bar, no end summary, no "
                     "list of skipped files; errors are still shown, and ingest still prints "
                     "its one-line result (scripts read it)."),
        click.option("--log-json", type=click.Path(dir_okay=False, path_type=Path),
                     help="Append one JSON event a file (file, status, claims, seconds, error) "
                     "to this file; - for standard error."),
    ]):
        f = opt(f)
    return f


def _progress_columns():
    from rich.progress import (BarColumn, MofNCompleteColumn, TaskProgressColumn, TextColumn,
                               TimeElapsedColumn, TimeRemainingColumn)
    return (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
            TaskProgressColumn(), TextColumn("{task.fields[pages]} pages"),
            TextColumn("{task.fields[claims]} claims"),
            TextColumn("{task.fields[rate]}"), TimeElapsedColumn(), TextColumn("ETA"),
            TimeRemainingColumn())


SUMMARY_FAILURES = 10  # failed files listed again in the end summary


def report_unreadable(unreadable, log=None) -> list[tuple[str, str]]:
    """Folders that could not be read: an error line each (and a --log-json event); they
    count as failed, so that the run exits 1."""
    from textmine.batch.runner import FileEvent
    failed = []
    for path, reason in unreadable:
        say("Error", f"{path}: {reason}")
        if log is not None:
            log.write(FileEvent(str(path), "failed", error=reason).to_json() + "\n")
        failed.append((str(path), f"{path}: {reason}"))
    return failed


def report_skipped(skipped, quiet: bool, log=None) -> None:
    """The files a folder held that are not read, each with its reason (on standard error
    unless --quiet; always as --log-json events)."""
    from textmine.batch.runner import FileEvent
    for path, reason in skipped:
        if not quiet:
            say("Skipped", f"{path}: {reason}")
        if log is not None:
            log.write(FileEvent(str(path), "skipped", error=reason).to_json() + "\n")


def run_batch_cli(ctx, what: str, paths, sink, opts, jobs, engine, scheduler, quiet, log_json):
    """Run a batch with a rich progress bar and --log-json events; returns the summary.
    Ctrl-C stops the workers, keeps what was stored, and exits 130."""
    import time
    from rich.progress import Progress
    from textmine.batch import run_batch
    debug = ctx.obj["debug"]
    inputs = api.scan_inputs(paths)
    files = inputs.files
    log = None
    if log_json is not None:
        log = sys.stderr if str(log_json) == "-" else open(log_json, "a", encoding="utf-8",
                                                           errors="backslashreplace")
    report_skipped(inputs.skipped, quiet, log)
    unreadable = report_unreadable(inputs.unreadable, log)
    t0 = time.perf_counter()
    counts = {"pages": 0, "claims": 0}
    with Progress(*_progress_columns(), console=err, transient=True,
                  disable=quiet or not err.is_terminal) as bar:
        task = bar.add_task(what, total=len(files), pages=0, claims=0, rate="")

        def on_event(ev):
            counts["claims"] += ev.claims
            dt = max(time.perf_counter() - t0, 1e-9)
            bar.update(task, advance=1, claims=counts["claims"], rate=f"{counts['claims'] / dt:,.0f} claims/s")
            for w in ev.warnings:
                say("Warning", f"{ev.file}: {w}")
            if ev.status == "failed":
                say("Error", ev.error)
            elif ev.status == "skipped" and ev.error != "unchanged" and not quiet:
                say("Skipped", f"{ev.file}: {ev.error}")  # a duplicate ("unchanged": no news)
            if log is not None:
                log.write(ev.to_json() + "\n")
                log.flush()

        def on_pages(n):
            counts["pages"] += n
            bar.update(task, pages=counts["pages"])

        try:
            summary = run_batch(files, sink, options=opts, jobs=jobs, engine=engine,
                                scheduler=scheduler, on_event=on_event, on_pages=on_pages)
        except KeyboardInterrupt as e:
            say("Interrupted", f"{what} stopped; run the same command again to continue.")
            raise Leave(128 + e.signum if isinstance(e, Stopped) else 130) from None
        except TextmineError as e:
            fail(str(e), debug, e)
        finally:
            if log is not None and log is not sys.stderr:
                log.close()
    summary.skipped += [(str(p), reason) for p, reason in inputs.skipped]
    summary.failed += unreadable
    if not quiet and err.is_terminal:  # for people; scripts read --log-json
        rate = summary.chars / summary.seconds if summary.seconds else 0
        err.print(f"{len(summary.ok)} ok ({summary.claims} claims, {summary.pages} pages, "
                  f"{rate:,.0f} chars/s), {len(summary.failed)} failed, "
                  f"{len(summary.skipped)} skipped in {summary.seconds:.1f} s "
                  f"({summary.engine}, {summary.workers} worker(s))", highlight=False, soft_wrap=True)
        # the reasons again at the end: on a long run they scrolled away with the bar
        for path, reason in summary.failed[:SUMMARY_FAILURES]:
            say("failed", reason or path, indent="  ")
        more = len(summary.failed) - SUMMARY_FAILURES
        if more > 0:
            err.print(f"  ... and {more} more failed file(s) (--log-json lists every file)",
                      highlight=False)
    return summary


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "csv"]), default="table",
              show_default=True, help="table: a rich table; jsonl: the claim contract, one record "
              "a line; csv: one row a claim.")
@click.option("-o", "--output", type=click.Path(path_type=Path),
              help="Write to this file (atomically) instead of standard output.")
@click.option("--parquet", "parquet_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Write the records as Parquet parts into this folder instead.")
@click.option("--year", type=click.IntRange(1900, 2200),
              help="Year for dates written without one (default: from the document: masthead, "
              "file name, title, then the text).")
@click.option("--password", help="Password for encrypted PDFs.")
@OCR_OPTION
@click.option("--no-classify", is_flag=True, help="Leave measure = other (skip the classifier).")
@NO_BOM
@COLUMNS_OPTION
@batch_options
@click.pass_context
def extract(ctx, files, fmt, output, parquet_dir, year, password, ocr, no_classify, no_bom,
            columns, jobs, engine, scheduler, quiet, log_json):
    """Extract quantified claims from PDF, Word (.docx), web page (.html) and text files,
    folders or globs.

    Files are processed in parallel (--jobs); records come out in input order, the same
    as with --jobs 1. A file that fails is reported and the others are kept; exit 1 then.
    """
    from textmine.batch import WorkOptions
    from textmine.output import TABLE_COLUMNS, open_output, screen_table, table_text
    cols = _columns(columns)
    opts = WorkOptions(classify=not no_classify, password=password, year=year,
                       ocr=ocr)
    target = open_output(output) if output and fmt != "table" and parquet_dir is None else None
    sink = _extract_sink(fmt, parquet_dir, target or sys.stdout, not no_bom)
    try:
        summary = run_batch_cli(ctx, "extract", files, sink, opts, jobs, engine, scheduler,
                                quiet, log_json)
    except BaseException:
        if target is not None:
            target.abort()
        raise
    nothing = summary.failed and not summary.ok  # every input failed: no empty result
    if nothing and target is not None:
        target.abort()
    elif fmt == "table" and parquet_dir is None and not nothing:
        if output:
            textmine.write_atomic(output, table_text(sink.records, columns=cols or TABLE_COLUMNS))
        else:
            screen_table(sink.records, cols, TABLE_COLUMNS)
    elif target is not None:
        target.commit()
    where = parquet_dir or output
    if where and not quiet and not nothing:
        err.print(f"{sink.count} claims from {len(summary.ok)} file(s) -> {printable(where)}")
    if summary.failed:
        sys.exit(EXIT_ERROR)


def _extract_sink(fmt: str, parquet_dir: Path | None, dest, bom: bool):
    from textmine.batch import CsvSink, JsonlSink, ParquetSink, RecordSink
    if parquet_dir is not None:
        return ParquetSink(parquet_dir)
    if fmt == "table":
        return RecordSink()
    return CsvSink(dest, bom) if fmt == "csv" else JsonlSink(dest)


@main.command()
@click.argument("source", type=click.Path(allow_dash=True, dir_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["jsonl", "table"]), default="table",
              show_default=True, help="jsonl: one record a number; table: a rich table.")
@click.option("-o", "--output", type=click.Path(allow_dash=True, path_type=Path),
              help="Write to this file.")
@click.option("--year", type=click.IntRange(1900, 2200),
              help="The document's year: for dates without one and relative dates (去年).")
@click.option("--month", type=click.IntRange(1, 12),
              help="The document's month (with --year): for relative months (上个月).")
def numbers(source, fmt, output, year, month):
    """Every number expression of each line of SOURCE (a file, or - for stdin), claim or not.
    The file may be in any encoding textmine reads (UTF-8, GB18030, Big5, UTF-16, ...)."""
    import json as json_mod
    from textmine.output import open_output, render_table, table_text
    notes: list[str] = []
    records = api.number_records(api.text_lines(source, notes), year,
                                 month if year is not None else None)
    if fmt == "jsonl":
        with open_output(output or "-") as fh:  # streamed: a large input is never all held
            for r in records:
                fh.write(json_mod.dumps(r, ensure_ascii=False) + "\n")
    else:
        records = list(records)
        columns = ("line", "text", "kind", "value", "unit", "qualifier", "lower", "upper")
        title = f"{len(records)} numbers"
        if output:
            textmine.write_atomic(output, table_text(records, columns=columns, title=title))
        else:
            render_table(records, columns=columns, title=title)
    for w in notes:
        say("Warning", f"{source}: {w}")


# ---------------------------------------------------------------- pdf (text, show)


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--password", help="Password for encrypted PDFs.")
@OCR_OPTION
@click.option("--tables", "tables_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Also write each table as DIR/<doc>-p<page>-t<n>.csv.")
@click.pass_context
def text(ctx, files, password, ocr, tables_dir):
    """Print the reading-order text of PDF or text files: one paragraph a line, tables as
    TAB-separated rows where they stand."""
    debug = ctx.obj["debug"]
    failures = 0
    inputs = api.scan_inputs(files)
    report_skipped(inputs.skipped, False)
    failures += len(report_unreadable(inputs.unreadable))
    for path in inputs.files:
        try:
            doc = api.read_document(path, password=password, ocr=ocr)
        except TextmineError as e:
            if debug:
                raise
            say("Error", e)
            failures += 1
            continue
        for w in doc.warnings:
            say("Warning", f"{path}: {w}")
        body = api.document_text(doc)
        if body:  # an empty document prints nothing, not an empty line
            click.echo(body)
        if tables_dir is not None:
            for name, data in api.table_files(doc):
                textmine.write_atomic(tables_dir / name, data)
            if doc.tables:
                err.print(f"{len(doc.tables)} table(s) of {printable(path)} -> "
                          f"{printable(tables_dir)}")
    if failures:
        sys.exit(EXIT_ERROR)


@main.command()
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--page", "page_no", type=click.IntRange(1), default=1, show_default=True,
              help="Page to render (1-based).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="PNG file to write.")
@click.option("--password", help="Password for encrypted PDFs.")
@click.option("--resolution", type=click.IntRange(36, 600), default=110, show_default=True,
              help="Pixels per inch.")
@OCR_OPTION
@click.pass_context
def show(ctx, file, page_no, output, password, resolution, ocr):
    """Render a PDF page with each claim's box drawn and its value labelled."""
    debug = ctx.obj["debug"]
    try:
        _, claims = api.default_extractor(classify=False).extract_file(file, password=password,
                                                                       ocr=ocr)
        n = api.render_page(file, page_no, claims, output, password=password,
                            resolution=resolution)
    except TextmineError as e:
        fail(str(e), debug, e)
        return
    err.print(f"page {page_no}: {n} claim box(es) -> {printable(output)}")

@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--db", "db_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Review documents stored in this database instead: PATHS are their ids or "
              "paths (none: every stored document).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              default=Path("review.html"), show_default=True, help="HTML file to write.")
@click.option("--password", help="Password for encrypted PDFs.")
@click.option("--no-pages", is_flag=True, help="Leave out the page images of PDFs.")
@click.option("--no-classify", is_flag=True, help="Leave measure = other (skip the classifier).")
@click.pass_context
def review(ctx, paths, db_path, output, password, no_pages, no_classify):
    """Write one self-contained HTML page to check claims against their documents.

    The text with every claim highlighted (colour by measure; hover for value, unit,
    qualifier, bounds, period, role, region and indicator), a table of the claims that
    filters by measure, role, kind and indicator and jumps to each sentence, the pages of a
    PDF with the claim boxes, and the findings of `check` linked to their sentences.
    """
    debug = ctx.obj["debug"]
    from textmine.review import render_review, review_files, review_stored
    if not paths and db_path is None:
        raise click.UsageError("give the files to review, or --db DB for stored documents")
    try:
        if db_path is not None:
            db = _open_db(db_path, debug)
            try:
                names = list(map(str, paths)) or [d["path"] for d in db.documents()]
                result = review_stored(db, names, pages=not no_pages)
            finally:
                db.close()
        else:
            from textmine.api import Extractor, scan_inputs
            inputs = scan_inputs(paths)
            report_skipped(inputs.skipped, False)
            result = review_files(inputs.files, Extractor(classify=not no_classify),
                                  password=password, pages=not no_pages)
        for _, reason in result.failed:
            say("Error", reason)
        if not result.docs:
            sys.exit(EXIT_ERROR)
        title = "textmine review: " + ", ".join(d.title or d.doc_id for d in result.docs[:3])
        textmine.write_atomic(output, render_review(result, title=title))
    except TextmineError as e:
        fail(str(e), debug, e)
    except OSError as e:
        fail(f"{printable(output)}: cannot write: {e.strerror or e}", debug, e)
    n = sum(len(d.records) for d in result.docs)
    err.print(f"{len(result.docs)} document(s), {n} claims, {len(result.findings)} finding(s) "
              f"-> {printable(output)}", highlight=False)
    if result.failed:
        sys.exit(EXIT_ERROR)


# ---------------------------------------------------------------- classifier (train, classify)

@main.command()
@click.option("--corpus", "corpus_dir", type=click.Path(path_type=Path), default=None,
              help="Corpus folder (train.jsonl and heldout.jsonl, or measures/ holding them); "
              "default: ./corpora in a source tree, else the corpus shipped with textmine.")
@click.option("--out", "out_dir", type=click.Path(path_type=Path), default=Path("models"),
              show_default=True, help="Where to write measure.npz, measure.json and README.md.")
@click.option("--seed", type=int, default=0, show_default=True, help="Random seed.")
@click.pass_context
def train(ctx, corpus_dir, out_dir, seed):
    """Train the measure classifier and write the model and its model card."""
    try:
        metrics = api.train(corpus_dir, out_dir, seed=seed)
    except TextmineError as e:
        fail(str(e), ctx.obj["debug"], e)
    table = Table(title=f"held-out split ({metrics['model_file']})")
    table.add_column("")
    for col in ("macro-F1", "accuracy"):
        table.add_column(col, justify="right")
    for name in ("model", "keyword_baseline", "majority_baseline"):
        table.add_row(name, f"{metrics[name]['macro_f1']:.3f}", f"{metrics[name]['accuracy']:.3f}")
    out.print(table)
    out.print(f"kept: {metrics['kept']}; fit {metrics['train_seconds']} s; "
              f"model card: {printable(Path(out_dir) / 'README.md')}")


@main.command()
@click.argument("sentences", nargs=-1, required=True)
@click.option("--indicator", default="", help="What the number measures (weighs most).")
@click.option("--section", default="", help="The section heading above the sentence.")
@click.option("--mention", default=None,
              help="The claim's number mention inside the sentence (default: the whole sentence).")
@click.option("--model", "model_path", type=click.Path(path_type=Path),
              help="Model folder or .npz file (default: the bundled model).")
@click.option("--explain", is_flag=True, help="Show the top features behind the label.")
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table",
              show_default=True)
@click.pass_context
def classify(ctx, sentences, indicator, section, mention, model_path, explain, fmt):
    """Label sentences (or one claim in each) with their policy measure."""
    try:
        model = api.load_model(model_path)
    except TextmineError as e:
        fail(str(e), ctx.obj["debug"], e)
    items = []
    for s in sentences:
        start = s.find(mention) if mention else -1
        if mention and start < 0:
            fail(f"--mention {mention!r} does not occur in {s!r}", ctx.obj["debug"])
        end = start + len(mention) if start >= 0 else len(s)
        items.append(api.measure_input(s, max(start, 0), end, indicator, section))
    results = [model.explain(i) if explain else None for i in items]
    preds = model.predict(items)
    if fmt == "jsonl":
        for s, (label, p), ex in zip(sentences, preds, results):
            rec = {"sentence": s, "measure": label, "measure_confidence": round(p, 4)}
            if ex:
                rec["features"] = [{"group": g, "feature": t, "weight": round(w, 4)}
                                   for g, t, w in ex["features"]]
            sys.stdout.write(json.dumps(rec, ensure_ascii=False) + "\n")
        return
    table = Table(show_lines=bool(explain))
    for col in ("sentence", "measure", "confidence") + (("top features",) if explain else ()):
        table.add_column(col, overflow="fold")
    for s, (label, p), ex in zip(sentences, preds, results):
        row = [cell(s), cell(label), cell(f"{p:.2f}")]
        if ex:
            row.append(Text("\n".join(printable(f"{g}: {t} ({w:+.2f})")
                                      for g, t, w in ex["features"])))
        table.add_row(*row)
    out.print(table)


# ---------------------------------------------------------------- database (ingest, query, export, check)

EXIT_FINDINGS = 3
DB_OPTION = click.option("--db", "db_path", type=click.Path(dir_okay=False, path_type=Path),
                         default=Path("indicators.db"), show_default=True,
                         help="SQLite indicator database (opens as-is in Datasette/sqlite-utils).")


def _open_db(path: Path, debug: bool, create: bool = False):
    from textmine.store.db import IndicatorDB
    try:
        return IndicatorDB(path, create=create)
    except TextmineError as e:
        fail(str(e), debug, e)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@DB_OPTION
@click.option("--year", type=click.IntRange(1900, 2200), help="Year for dates written without one.")
@click.option("--password", help="Password for encrypted PDFs.")
@OCR_OPTION
@click.option("--no-classify", is_flag=True, help="Leave measure = other (skip the classifier).")
@click.option("--replace", is_flag=True, help="Read files stored unchanged again and replace "
              "their records (after a textmine upgrade, or a changed option).")
@batch_options
@click.pass_context
def ingest(ctx, paths, db_path, year, password, ocr, no_classify, replace, jobs, engine,
           scheduler, quiet, log_json):
    """Extract claims from files, folders or globs (PDF, .docx, .html, text) into the database.

    Workers extract in parallel (--jobs); this process alone writes the database, each
    document with its claims in one transaction. A file whose content is already stored is
    skipped, so re-running after an interruption (Ctrl-C, kill, power loss) continues where it
    stopped. A changed file replaces its old records; --replace reads unchanged ones again.
    Several ingests may write into one database at once. Exit 0 when every file went in or
    was skipped, 1 when a file failed (the others are still stored), 130 when interrupted.
    """
    from textmine.batch import DBSink, WorkOptions
    db = _open_db(db_path, ctx.obj["debug"], create=True)
    opts = WorkOptions(classify=not no_classify, password=password, year=year, ocr=ocr)
    try:
        summary = run_batch_cli(ctx, "ingest", paths,
                                DBSink(db, textmine.__version__, replace=replace), opts,
                                jobs, engine, scheduler, quiet, log_json)
    finally:
        db.close()
    # the one-line result, also with --quiet (scripts read it)
    err.print(f"{printable(db_path)}: {len(summary.ok)} ok ({summary.claims} claims), "
              f"{len(summary.failed)} failed, {len(summary.skipped)} skipped",
              highlight=False)
    if summary.failed:
        sys.exit(EXIT_ERROR)


@main.command()
@click.argument("docs", nargs=-1, required=True)
@DB_OPTION
@click.pass_context
def remove(ctx, docs, db_path):
    """Take documents out of the database: their claims, sentences and full-text rows. DOCS
    are stored paths or document ids (the file name without extension); an id that names
    several documents is refused (give the path). Exit 1 when a DOC was not found."""
    debug = ctx.obj["debug"]
    db = _open_db(db_path, debug)
    missing = 0
    try:
        for ref in docs:
            found = db.find_documents(ref)
            if len(found) > 1:
                say("Error", f"{ref}: {len(found)} documents have this id ("
                    + ", ".join(d["path"] for d in found[:3]) + "); give the path")
                missing += 1
            elif not found:
                say("Error", f"{ref}: no such document in {db_path}")
                missing += 1
            else:
                db.remove_ids([found[0]["id"]])
                err.print(f"removed {printable(found[0]['path'])} "
                          f"({found[0]['n_claims']} claims)")
    except TextmineError as e:
        fail(str(e), debug, e)
    finally:
        db.close()
    if missing:
        sys.exit(EXIT_ERROR)


class Amount(click.ParamType):
    """A number, or a numeral with 万/亿 as reports write it (1亿, 5000万, 1.5e8)."""
    name = "amount"

    def convert(self, value, param, ctx):
        from textmine.query import parse_amount
        try:
            return parse_amount(value)
        except TextmineError as e:
            self.fail(str(e), param, ctx)


def _filter_options(f):
    from textmine.types import KINDS, ROLES, Measure
    for opt in reversed([
        click.option("--measure", type=click.Choice([m.value for m in Measure]),
                     help="Policy measure."),
        click.option("--role", type=click.Choice(ROLES), help="What the figure is: an outcome, "
                     "a target, a plan or a forecast."),
        click.option("--indicator", help="Indicator key or words (帮扶资金 matches 到位帮扶资金)."),
        click.option("--region", help="Region name (北京市, 河北, 受援地区)."),
        click.option("--period", help="Period: 2020, 2020-06 or 2020-01/2020-06."),
        click.option("--unit", help="Unit as normalised (元, 个, %, 人)."),
        click.option("--kind", type=click.Choice(KINDS), help="Kind of figure."),
        click.option("--doc", help="Document id (file name without extension)."),
        click.option("--min", "min_value", type=Amount(), help="Smallest value (1亿, 5000万, 1.5e8)."),
        click.option("--max", "max_value", type=Amount(), help="Largest value (1亿, 5000万, 1.5e8)."),
        click.option("--limit", type=click.IntRange(1), help="At most this many claims."),
    ]):
        f = opt(f)
    return f


@main.command()
@DB_OPTION
@_filter_options
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "jsonl", "parquet"]),
              default="table", show_default=True, help="parquet needs -o.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write to this file instead of standard output.")
@NO_BOM
@COLUMNS_OPTION
@click.pass_context
def query(ctx, db_path, measure, role, indicator, region, period, unit, kind, doc, min_value,
          max_value, limit, fmt, output, no_bom, columns):
    """Claims from the indicator database that match every filter given."""
    debug = ctx.obj["debug"]
    from textmine.output import QUERY_COLUMNS, records_text, screen_table, write_records
    from textmine.query import make_filter
    cols = _columns(columns)
    db = _open_db(db_path, debug)
    try:
        records = db.query(make_filter(measure=measure, role=role, indicator=indicator,
                                       region=region, period=period, unit=unit, kind=kind,
                                       doc=doc, min_value=min_value, max_value=max_value,
                                       limit=limit))
    except TextmineError as e:
        fail(str(e), debug, e)
    finally:
        db.close()
    try:
        if output:
            n = write_records(records, fmt if fmt != "table" else "csv", output, bom=not no_bom)
            err.print(f"{n} claims -> {printable(output)}")
        elif fmt == "parquet":
            fail("--format parquet needs -o FILE", debug)
        elif fmt == "table":
            screen_table(records, cols, QUERY_COLUMNS)
        else:
            sys.stdout.write(records_text(records, fmt, bom=not no_bom))
    except TextmineError as e:
        fail(str(e), debug, e)


@main.command()
@click.argument("words", nargs=-1, required=True)
@DB_OPTION
@click.option("--limit", type=click.IntRange(1), default=50, show_default=True,
              help="At most this many sentences.")
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table",
              show_default=True, help="jsonl: one sentence a line with the places of the words.")
@click.pass_context
def search(ctx, words, db_path, limit, fmt):
    """Stored sentences that hold every one of WORDS, the words highlighted.

    Words of one or two characters (就业, 村) are found as words; longer ones (带动贫困人口)
    also as any part of a sentence."""
    debug = ctx.obj["debug"]
    db = _open_db(db_path, debug)
    try:
        result = db.search(list(words), limit=limit)
    except TextmineError as e:
        fail(str(e), debug, e)
    finally:
        db.close()
    if fmt == "jsonl":
        for h in result.hits:
            sys.stdout.write(json.dumps(h.to_dict(), ensure_ascii=False) + "\n")
        return
    out.print(search_table(result, styled=out.is_terminal))


def search_table(result, styled: bool) -> Table:
    """The hits as a table; the words highlighted (on a terminal) or between ** (piped)."""
    from rich.text import Text
    shown = len(result.hits)
    more = f" (the first {shown})" if shown < result.total else ""
    table = Table(title=f"{result.total} sentence(s) with {' '.join(result.terms)}{more}")
    for col in ("doc", "page", "sentence"):
        table.add_column(col, overflow="fold")
    for h in result.hits:
        text, spans = h.snippet()
        cell = Text()
        pos = 0
        for a, b in spans:
            cell.append(text[pos:a])
            cell.append(text[a:b] if styled else f"**{text[a:b]}**",
                        style="bold black on yellow" if styled else None)
            pos = b
        cell.append(text[pos:])
        table.add_row(Text(printable(h.doc)), "" if h.page is None else str(h.page), cell)
    return table


@main.command()
@DB_OPTION
@click.option("--format", "fmt", type=click.Choice(["csv", "jsonl", "parquet"]), default="csv",
              show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="File to write.")
@NO_BOM
@click.pass_context
def export(ctx, db_path, fmt, output, no_bom):
    """Export the whole claims table (with the document path) to CSV, JSONL or Parquet."""
    debug = ctx.obj["debug"]
    from textmine.output import write_records
    db = _open_db(db_path, debug)
    try:
        n = write_records(db.iter_claims(), fmt, output, bom=not no_bom)
    except TextmineError as e:
        fail(str(e), debug, e)
    finally:
        db.close()
    err.print(f"{n} claims -> {printable(output)}")


@main.command()
@DB_OPTION
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table",
              show_default=True, help="json: an array of {type, claims, message}.")
@click.option("--html", "html_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Also write an HTML report (sentences with the claims highlighted).")
@click.option("--no-within", is_flag=True, help="Skip the within-report arithmetic checks.")
@click.option("--no-between", is_flag=True, help="Skip the between-report conflict checks.")
@click.pass_context
def check(ctx, db_path, fmt, html_path, no_within, no_between):
    """Check the stored claims for consistency, within each report (rates against numerator
    and denominator, parts against totals, shares against bases) and between reports (same
    indicator, region and period with intervals that cannot both hold).

    Exit codes: 0 no finding; 3 findings exist; 1 error (e.g. no database).
    """
    debug = ctx.obj["debug"]
    from textmine.store.checks import run_checks
    from textmine.store.report import render_html, series_figures
    db = _open_db(db_path, debug)
    figures = []
    try:
        result = run_checks(db, within=not no_within, between=not no_between)
        if html_path:
            figures = series_figures(db, result)
    except TextmineError as e:
        fail(str(e), debug, e)
    finally:
        db.close()
    if html_path:
        try:
            textmine.write_atomic(html_path, render_html(result, db_path=str(db_path),
                                                         figures=figures))
        except OSError as e:
            fail(f"{html_path}: cannot write: {e.strerror or e}", debug, e)
    if fmt == "json":
        sys.stdout.write(json.dumps([f.to_dict() for f in result.findings], ensure_ascii=False,
                                    indent=1) + "\n")
    else:
        table = Table(title=f"{len(result.findings)} finding(s); "
                            f"{len(result.confirmed)} relation(s) confirmed", show_lines=True)
        for col in ("type", "claims", "message"):
            table.add_column(col, overflow="fold")
        for f in result.findings:
            table.add_row(cell(f.type), Text("\n".join(printable(f"{c['doc']}: {c['text']}")
                                                       for c in f.claims)), cell(f.message))
        out.print(table)
    if html_path:
        err.print(f"report -> {printable(html_path)}")
    sys.exit(EXIT_FINDINGS if result.findings else 0)


ROLES = ("outcome", "target", "plan", "forecast")


@main.command()
@DB_OPTION
@click.option("--indicator", required=True,
              help="The statistic: its key or any synonym (GDP, 财政收入, 城镇新增就业, CPI).")
@click.option("--region", help="Region by any of its names (宁夏, 宁夏回族自治区); with the "
              "divisions under it unless --no-rollup.")
@click.option("--no-rollup", is_flag=True, help="The region itself only.")
@click.option("--role", type=click.Choice(ROLES), help="Only figures of this role.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "jsonl"]), default="table",
              show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the rows to this file (csv unless --format jsonl).")
@click.option("--plot", "plot_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Also draw the series to this .png or .svg (pip install 'textmine[plot]').")
@click.option("--font", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="A font with Chinese characters for --plot (default: one found on the machine).")
@click.pass_context
def series(ctx, db_path, indicator, region, no_rollup, role, fmt, output, plot_path, font):
    """One indicator's figures across the stored reports, ordered by period: value, bounds,
    unit, kind and change (a level and its growth share the key), role, region, source, and
    whether a check touches it (conflict; target met or missed)."""
    debug = ctx.obj["debug"]
    from textmine.store.series import SERIES_FIELDS, series as get_series, series_text
    db = _open_db(db_path, debug)
    try:
        rows = get_series(db, indicator, region=region, role=role, rollup=not no_rollup)
    except TextmineError as e:
        fail(str(e), debug, e)
    finally:
        db.close()
    if plot_path is not None:
        _plot(rows, plot_path, indicator, region, font, debug)
    if output is not None:
        textmine.write_atomic(output, series_text(rows, "jsonl" if fmt == "jsonl" else "csv"))
        err.print(f"{len(rows)} figures -> {printable(output)}")
    elif fmt != "table":
        sys.stdout.write(series_text(rows, fmt))
    else:
        cols = ("period", "text", "kind", "change", "role", "region", "doc", "finding",
                "attainment")
        table = Table(title=f"{printable(indicator)}: {len(rows)} figures")
        for col in cols:
            table.add_column(col, overflow="fold")
        for r in rows:
            table.add_row(*(cell(r.get(c)) for c in cols))
        out.print(table)
    if not rows:
        err.print(f"no figures of {printable(indicator)} in {printable(db_path)}"
                  + (f" for {printable(region)}" if region else ""))


def _plot(rows, plot_path, indicator, region, font, debug) -> None:
    from textmine.store.plot import plot_series
    try:
        used = plot_series(rows, plot_path, title=f"{indicator}{' · ' + region if region else ''}",
                           font=str(font) if font else None)
    except TextmineError as e:
        fail(str(e), debug, e)
    except OSError as e:
        fail(f"{plot_path}: cannot write: {e.strerror or e}", debug, e)
    if used is None and plot_path.suffix.lower() == ".png":
        say("Warning", "no font with Chinese characters found: labels may show as boxes "
            "(install fonts-noto-cjk or fonts-wqy-zenhei, or pass --font)")
    err.print(f"plot -> {printable(plot_path)}")


@main.command()
@DB_OPTION
@click.option("--indicator", help="Only this statistic (its key or any synonym).")
@click.option("--region", help="Only this region (any of its names).")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table",
              show_default=True)
@click.pass_context
def targets(ctx, db_path, indicator, region, fmt):
    """Targets against the outcomes later reports give for them (same indicator, region,
    period, kind, unit and change): met or missed, with both sentences. A ceiling (CPI,
    unemployment, 控制在…以内) is met at or below it; any other target at or above it."""
    debug = ctx.obj["debug"]
    from textmine.store.checks import run_checks
    db = _open_db(db_path, debug)
    try:
        key = db.indicator_key(indicator) if indicator else None
        region_name = db.attributor.gazetteer.canonical(region) if region else None
        found = [a for a in run_checks(db, within=False).attainments
                 if (key is None or a.claims[0]["indicator_key"] == key)
                 and (region_name is None or a.claims[0].get("region") == region_name)]
    except TextmineError as e:
        fail(str(e), debug, e)
    finally:
        db.close()
    if fmt == "json":
        sys.stdout.write(json.dumps([a.to_dict() for a in found], ensure_ascii=False, indent=1)
                         + "\n")
        return
    met = sum(a.relation == "met" for a in found)
    table = Table(title=f"{len(found)} target(s) judged: {met} met, {len(found) - met} missed",
                  show_lines=True)
    for col in ("result", "target", "outcome", "message"):
        table.add_column(col, overflow="fold")
    for a in found:
        t, o = a.claims
        table.add_row(cell(a.relation), cell(f"{t['doc']}: {t['sentence']}"),
                      cell(f"{o['doc']}: {o['sentence']}"), cell(a.message))
    out.print(table)


if __name__ == "__main__":
    main()
