"""Library entry points; the only module that wires stages together.

    >>> import textmine
    >>> claims = textmine.extract("到位帮扶资金54.52亿元。", year=2020)
    >>> claims[0].value, claims[0].unit
    (Decimal('5452000000'), '元')

Reading (``read_document``, ``file_kind``, and for the batch a PDF's page ranges), extraction
(``Extractor``: sentences, claims, classification, boxes, attribution), the number layer, the
text of a document and its tables, page images and the classifier are reached from here: the
command line (``cli.py``) and the batch runner (``textmine.batch``) call these functions and
``textmine.store``, never the stages themselves.

Nothing heavy happens at import: jieba's dictionary, the classifier and the attribution tables
load on first use (``Extractor`` keeps them for the life of the object; ``default_extractor``
keeps one of each kind for the process). Extraction does not import spaCy.
"""
from __future__ import annotations

import threading
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

from .errors import InputError
from .types import Claim, Document, Sentence

# ---------------------------------------------------------------- reading

PDF = "pdf"
SNIFF_BYTES = 1024


def file_kind(path: str | Path) -> str:
    """``pdf``, ``docx``, ``html`` or ``text``: which reader a file needs (a PDF is a PDF
    under any name; otherwise its suffix, or its first bytes where the suffix says nothing;
    ``ingest.formats``), the one rule every reader and the batch planner use. An
    ``InputError`` when the file cannot be read or is in a format textmine does not read."""
    from .ingest.formats import reader_name
    p = Path(path)
    try:
        with open(p, "rb") as fh:
            head = fh.read(SNIFF_BYTES)
    except OSError as e:  # no read permission, a device, a vanished file
        raise InputError(f"{p}: cannot read ({e.strerror or e})") from None
    return reader_name(p, head)


def read_document(path: str | Path, *, password: str | None = None,
                  year: int | None = None, ocr: str = "auto") -> Document:
    """Read a PDF, Word (.docx), web page (.html) or text file into a ``Document`` (blocks in
    reading order). ``ocr`` (PDF): ``auto`` reads pages without a usable text layer by OCR
    (``pip install 'textmine[ocr]'``), ``always`` every page, ``never`` none."""
    p = Path(path)
    if not p.exists():
        raise InputError(f"{p}: no such file" + (" (the pattern matches nothing)"
                                                 if any(c in str(p) for c in "*?[") else ""))
    if p.is_dir():
        raise InputError(f"{p}: is a directory with no .pdf, .docx, .html or .txt file in it")
    kind = file_kind(p)
    if kind == PDF:
        from .ingest.pdf import read_pdf
        doc = read_pdf(p, password=password, ocr=ocr)
    elif kind == "docx":
        from .ingest.docx import read_docx
        doc = read_docx(p)
    elif kind == "html":
        from .ingest.html import read_html
        doc = read_html(p)
    else:
        from .ingest.text import read_text_file
        doc = read_text_file(p)
    return with_year(doc, year)


def with_year(doc: Document, year: int | None) -> Document:
    """``doc`` with its reference year set by the caller (``--year``), when given; a year
    the document names itself (its title's) keeps its source, which the attribution reads
    (a year-end summary titled with its year reviews that year, not the year before)."""
    if year is not None and year != doc.year:
        doc.year, doc.year_source = year, "option"
    return doc


def document_from_text(text: str, *, doc_id: str = "text", year: int | None = None) -> Document:
    """A ``Document`` from a string (lines re-joined into paragraphs as for files)."""
    from .ingest.text import document_from_text as _from_text
    return with_year(_from_text(text, doc_id=doc_id), year)


def read_segments(path: str | Path, year: int | None = None, attributor=None):
    """A large text file as documents of about 250,000 characters each, read one at a
    time (``ingest.text.read_text_segments``): ``(segment, None)`` for each, then ``(None,
    decoding warnings)``. Each is extracted and attributed as a document of its own, so
    that memory does not grow with the file; what the whole document says of itself comes
    from its top and goes to every segment: title, year, header, and (with ``attributor``)
    the region the top names, as a header ``region`` would."""
    from .ingest.text import read_text_segments
    header = None
    for doc, notes in read_text_segments(Path(path)):
        if doc is not None:
            if header is None:
                header = dict(doc.metadata.get("header") or {})
                if attributor is not None and "region" not in header:
                    region = attributor.reader.read(doc).region
                    if region is not None:
                        header["region"] = region.name
            if header:
                doc.metadata = dict(doc.metadata, header=header)
            doc = with_year(doc, year)
        yield doc, notes


def page_count(path: str | Path, password: str | None = None) -> int:
    """Pages of a PDF file (``IngestError`` when it cannot be opened)."""
    from .ingest.pdf import page_count as _count
    return _count(path, password)


def scanned_pages(path: str | Path, password: str | None = None) -> tuple[int, bool]:
    """Pages of a PDF file, and whether its first page is a scan (an image, no text layer)."""
    from .ingest.pdf import scanned
    return scanned(path, password)


def read_page_range(path: str | Path, first: int, last: int | None,
                    password: str | None = None, files: "PdfFiles | None" = None,
                    ocr: str = "auto"):
    """Pages ``first..last`` of a PDF laid out (a ``PagePart``); ``files``: PDFs kept open,
    so that the parts of one file do not each parse it again; ``ocr`` as for
    ``read_document``."""
    from .ingest.pdf import read_page_range as _read
    if files is None:
        return _read(path, first, last, password, ocr=ocr)
    pdf, warnings = files.get(path, password)
    part = _read(path, first, last, password, pdf=pdf, ocr=ocr)
    part.warnings[:0] = warnings  # pdfminer's complaints while opening it, as for one part
    return part


def assemble(path: str | Path, parts: list, year: int | None = None) -> Document:
    """The ``Document`` of a PDF read in page ranges (the same as ``read_document``)."""
    from .ingest.pdf import assemble as _assemble
    return with_year(_assemble(path, parts), year)


class PdfFiles:
    """PDF files kept open (at most ``size``, the least recently used closed first), for a
    worker that lays out the page ranges of split files: each file is parsed once per
    worker, not once per range. Safe to share between threads."""

    def __init__(self, size: int = 2):
        self.size = size
        self._open: dict[tuple, object] = {}
        self._lock = threading.Lock()

    def get(self, path: str | Path, password: str | None = None) -> tuple[object, list[str]]:
        """The open file and pdfminer's complaints while opening it."""
        from .ingest.pdf import open_pdf
        p = Path(path)
        st = p.stat()
        key = (str(p), password, st.st_mtime_ns, st.st_size)
        with self._lock:
            entry = self._open.pop(key, None)
            if entry is None:
                warnings: list[str] = []
                entry = (open_pdf(p, password, warnings), warnings)
            self._open[key] = entry  # now the most recently used
            while len(self._open) > self.size:
                self._open.pop(next(iter(self._open)))[0].close()
            return entry

    def close(self) -> None:
        with self._lock:
            for pdf, _ in self._open.values():
                pdf.close()
            self._open.clear()


# ---------------------------------------------------------------- extraction

CLASSIFY_BATCH = 2000  # claims per prediction: bounded feature lists on huge documents


@contextmanager
def _loading():
    """Load (read jieba's whole dictionary, build a spaCy pipeline, read the model) with
    the garbage collector paused: these loads create millions of long-lived objects and the
    collector would re-scan them all many times over (about 0.3 s of a 2 s start-up). After
    the load, everything loaded is moved out of the collector's reach (``gc.freeze``), so that
    its full collections during extraction do not re-scan it either."""
    import gc
    paused = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()
        gc.collect()
        gc.freeze()


@dataclass
class Extractor:
    """Turns documents into claims: splits a document into sentences, finds their claims
    (cutting into words only the sentences that hold one), classifies the claims, fills their
    boxes and attributes them. Holds the loaded classifier and attribution tables so that
    many documents share them (and the process's segmenter, whose dictionary fills as the
    texts need it).

    ``classify``: True to label claims by measure with the trained model (loaded lazily
    from ``model_path`` or the bundled one), False to leave ``measure`` = ``other``.

    A document may also be extracted in parts (the batch runner does, across workers):
    ``sentences(doc)`` once, ``extract_document(shell, part)`` for each run of sentences
    (``shell(doc)``: the document without its blocks), then ``finish(doc, sentences,
    claims)`` once with all the claims in order.
    """

    classify: bool = True
    model_path: str | Path | None = None
    _nlp: object = field(default=None, init=False, repr=False)
    _model: object = field(default=None, init=False, repr=False)
    _attributor: object = field(default=None, init=False, repr=False)

    @property
    def segmenter(self):
        """The process's jieba segmenter (``nlp.segmenter.default_segmenter``)."""
        from .nlp.segmenter import default_segmenter
        return default_segmenter()

    @property
    def nlp(self):
        """The same segmentation and claims as a spaCy pipeline (``nlp.pipeline``), built on
        first use; extraction does not use it."""
        if self._nlp is None:
            with _loading():
                from .nlp.pipeline import build_nlp
                self._nlp = build_nlp()
        return self._nlp

    @property
    def model(self):
        if self._model is None:
            with _loading():
                from .classify.model import load_model
                self._model = load_model(self.model_path)
        return self._model

    @property
    def attributor(self):
        if self._attributor is None:
            from .attribute import Attributor
            self._attributor = Attributor.load()
        return self._attributor

    def load(self) -> "Extractor":
        """Load the segmenter (rjieba, or jieba's whole dictionary), the attribution tables and
        (when classifying) the model now, not on first use (before worker processes are forked
        to share them)."""
        with _loading():
            self.segmenter.prepare()
        self.attributor  # noqa: B018
        if self.classify:
            self.model  # noqa: B018
        return self

    def sentences(self, doc: Document) -> list[Sentence]:
        """The document's sentences, numbered in reading order (``Claim.sentence_index``)."""
        from .nlp.sentences import split_document
        return split_document(doc)

    def extract_document(self, doc: Document, sentences: list[Sentence] | None = None, *,
                         split: list[Sentence] | None = None) -> list[Claim]:
        """The claims of ``doc``, attributed. With ``sentences`` (a run of
        ``self.sentences(doc)``) only theirs, before boxes and attribution (``finish``);
        ``doc`` may then be a ``shell``. ``split``: all of ``self.sentences(doc)``, when the
        caller has them already (the whole document is extracted)."""
        whole = sentences is None
        if whole:
            sentences = split if split is not None else self.sentences(doc)
        claims, tokens = self.unlabelled_claims(doc, with_tokens=self.classify,
                                                sentences=sentences)
        if self.classify and claims:
            from .classify.model import apply_model
            for i in range(0, len(claims), CLASSIFY_BATCH):
                apply_model(self.model, claims[i:i + CLASSIFY_BATCH], tokens[i:i + CLASSIFY_BATCH])
        return self.attribute(doc, claims, sentences) if whole else claims

    def finish(self, doc: Document, sentences: list[Sentence], claims: list[Claim]
               ) -> list[Claim]:
        """The claims of a document extracted in parts, completed: boxes from the document's
        characters (which the parts did not have), then attribution over the whole."""
        from .nlp.sentences import fill_boxes
        fill_boxes(doc, sentences, claims)
        return self.attribute(doc, claims, sentences)

    def attribute(self, doc: Document, claims: list[Claim],
                  sentences: list[Sentence] | None = None) -> list[Claim]:
        """Fill each claim's period, role, region and indicator key from its sentence and the
        whole document (which must have its blocks). Called once per document: by
        ``extract_document`` for a whole document, and by ``finish`` for a document
        extracted in parts. ``sentences``: the document's (``self.sentences(doc)``), when
        already split."""
        return self.attributor.apply(doc, claims, sentences)

    def unlabelled_claims(self, doc: Document, with_tokens: bool = True, sentences=None
                          ) -> tuple[list[Claim], list[tuple[str, ...]]]:
        """The claims before classification and, per claim, its sentence's tokens (what the
        classifier reads; empty unless ``with_tokens``)."""
        from .nlp.extract import sentence_claims
        claims: list[Claim] = []
        tokens: list[tuple[str, ...]] = []
        for toks, found in sentence_claims(doc, self.segmenter, sentences):
            claims += found
            if with_tokens:
                tokens += [toks.texts] * len(found)
        return claims, tokens

    def extract_file(self, path: str | Path, *, password: str | None = None,
                     year: int | None = None, ocr: str = "auto") -> tuple[Document, list[Claim]]:
        doc = read_document(path, password=password, year=year, ocr=ocr)
        return doc, self.extract_document(doc)

    def extract_text(self, text: str, *, doc_id: str = "text",
                     year: int | None = None) -> list[Claim]:
        return self.extract_document(document_from_text(text, doc_id=doc_id, year=year))


def shell(doc: Document) -> Document:
    """The document without its blocks, tables and metadata: what extracting a run of its
    sentences needs (id, year, year source), cheap to send to a worker."""
    from dataclasses import replace
    return replace(doc, blocks=[], tables=[], metadata={})


_DEFAULTS: dict[bool, Extractor] = {}
_DEFAULTS_LOCK = threading.Lock()


def default_extractor(classify: bool = True) -> Extractor:
    """The process's shared extractor of each kind (with or without the classifier), built
    on first use under a lock; its pipeline loads when it first extracts."""
    with _DEFAULTS_LOCK:
        ex = _DEFAULTS.get(classify)
        if ex is None:
            ex = _DEFAULTS[classify] = Extractor(classify=classify)
        return ex


def extract(source: str | Path | Document, *, year: int | None = None, doc_id: str | None = None,
            classify: bool = True) -> list[Claim]:
    """Claims of a ``Document``, of a file (``Path``, or a string naming an existing file),
    or of a text given as a string."""
    ex = default_extractor(classify)
    if isinstance(source, Document):
        return ex.extract_document(source)
    if isinstance(source, Path) or (isinstance(source, str) and _names_file(source)):
        return ex.extract_file(source, year=year)[1]
    return ex.extract_text(str(source), doc_id=doc_id or "text", year=year)


def _names_file(text: str) -> bool:
    """Whether a string given to ``extract`` names an existing file (else it is text: also a
    line too long to be a file name, which the system refuses to look up)."""
    if "\n" in text or len(text) >= 4096:
        return False
    try:
        return Path(text).is_file()
    except (OSError, ValueError):  # (File name too long; an embedded NUL)
        return False


def iter_inputs(paths: Iterable[str | Path]) -> list[Path]:
    """The files of a run: folders expanded into the files textmine reads (sorted), glob
    patterns the shell did not expand (``"archive/**/*.pdf"``) into the files they match;
    files as given. ``scan_inputs`` also says what the folders held that is not read."""
    return scan_inputs(paths).files


def scan_inputs(paths: Iterable[str | Path]):
    """``Inputs``: the files of a run and the skipped ones of its folders, with reasons."""
    from .ingest.formats import scan_inputs as _scan
    return _scan(paths)


# ---------------------------------------------------------------- the other stages

def text_lines(source: str | Path, warnings: list[str] | None = None) -> Iterator[str]:
    """The lines of a text file, or of standard input for ``-``, decoded as files are (the
    encoding decided on the first bytes, bad bytes replaced); decoding's warnings go to
    ``warnings`` when the lines are all read."""
    import sys
    from .ingest.text import text_blocks
    name = str(source)
    try:
        fh = sys.stdin.buffer if name == "-" else open(source, "rb")
    except OSError as e:
        raise InputError(f"{name}: cannot read ({e.strerror or e})") from None
    try:
        blocks, notes = text_blocks(fh, name)
        rest = ""
        for block in blocks:
            lines = (rest + block).split("\n")
            rest = lines.pop()
            for line in lines:  # a CRLF line ends as a LF one, as in text mode
                yield line[:-1] if line.endswith("\r") else line
        if rest:
            yield rest
    except OSError as e:
        raise InputError(f"{name}: cannot read ({e.strerror or e})") from None
    finally:
        if fh is not sys.stdin.buffer:
            fh.close()
    if warnings is not None:
        warnings.extend(notes.warnings())


def number_records(lines: Iterable[str], year: int | None = None, month: int | None = None):
    """Every number expression of each line (``textmine numbers``), claim or not; ``year`` and
    ``month``: the document's, for dates without a year and relative dates."""
    from .parse.numbers import number_records as _records
    return _records(lines, year, month)


def document_text(doc: Document) -> str:
    """The reading-order text of a document: one paragraph a line, tables as TAB-separated
    rows where they stand."""
    from .ingest.pdf import document_text as _text
    return _text(doc)


def table_files(doc: Document) -> list[tuple[str, str]]:
    """(file name, CSV text) of each table of the document."""
    from .ingest.pdf import table_csv_name, table_to_csv
    return [(table_csv_name(doc, t), table_to_csv(doc.tables[t])) for t in range(len(doc.tables))]


def render_page(path: str | Path, page_no: int, claims: Iterable[Claim], out: str | Path, *,
                password: str | None = None, resolution: int = 110) -> int:
    """A PNG of a PDF page with each claim's box drawn; returns the number of boxes."""
    from .ingest.render import render_claims_page
    return render_claims_page(path, page_no, claims, out, password=password,
                              resolution=resolution)


def train(corpus_dir: str | Path | None, out_dir: str | Path, *, seed: int = 0) -> dict:
    """Train the measure classifier on a corpus folder (None: ``corpora/`` here, else the
    corpus shipped with textmine); returns the held-out metrics."""
    from .classify.corpus import default_corpus
    from .classify.train import train as _train
    return _train(corpus_dir or default_corpus(), out_dir, seed=seed)


def load_model(path: str | Path | None = None):
    """The measure classifier (the bundled one by default)."""
    from .classify.model import load_model as _load
    return _load(path)


def measure_input(sentence: str, start: int = 0, end: int | None = None, indicator: str = "",
                  section: str = ""):
    """What the classifier reads about one claim: its sentence, the mention's span (the
    whole sentence by default), its indicator and the heading above it."""
    from .classify.features import MeasureInput
    return MeasureInput(sentence, start, len(sentence) if end is None else end, indicator,
                        section)
