"""Library entry points; the only module that wires stages together.

    >>> import textmine
    >>> claims = textmine.extract("到位帮扶资金54.52亿元。", year=2020)
    >>> claims[0].value, claims[0].unit
    (Decimal('5452000000'), '元')

Nothing heavy happens at import: the spaCy pipeline and the classifier load on first use
(``Extractor`` keeps them for the life of the object).
"""
from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from .errors import InputError
from .types import Claim, Document


def read_document(path: str | Path, *, password: str | None = None,
                  year: int | None = None) -> Document:
    """Read a PDF, Word (.docx), web page (.html) or text file into a ``Document`` (blocks in
    reading order)."""
    p = Path(path)
    if not p.exists():
        raise InputError(f"{p}: no such file" + (" (the pattern matches nothing)"
                                                 if any(c in str(p) for c in "*?[") else ""))
    if p.is_dir():
        raise InputError(f"{p}: is a directory with no .pdf, .docx, .html or .txt file in it")
    try:
        with open(p, "rb") as fh:
            head = fh.read(1024)
    except OSError as e:  # no read permission, a device, a vanished file
        raise InputError(f"{p}: cannot read ({e.strerror or e})") from None
    from .ingest.formats import reader_name
    kind = reader_name(p, head)  # pdf, docx, html or text; a format it does not read: refused
    if kind == "pdf":
        from .ingest.pdf import read_pdf
        doc = read_pdf(p, password=password)
    elif kind == "docx":
        from .ingest.docx import read_docx
        doc = read_docx(p)
    elif kind == "html":
        from .ingest.html import read_html
        doc = read_html(p)
    else:
        from .ingest.text import read_text_file
        doc = read_text_file(p)
    if year is not None:
        doc.year, doc.year_source = year, "option"
    return doc


def document_from_text(text: str, *, doc_id: str = "text", year: int | None = None) -> Document:
    """A ``Document`` from a string (lines re-joined into paragraphs as for files)."""
    from .ingest.text import document_from_text as _from_text
    doc = _from_text(text, doc_id=doc_id)
    if year is not None:
        doc.year, doc.year_source = year, "option"
    return doc


CLASSIFY_BATCH = 2000  # claims per prediction: bounded feature lists on huge documents


@contextmanager
def _loading():
    """Load (import spaCy, read jieba's dictionary, build the pipeline, read the model) with
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
    """Holds the loaded pipeline (and classifier) so that many documents share them.

    ``classify``: True to label claims by measure with the trained model (loaded lazily
    from ``model_path`` or the bundled one), False to leave ``measure`` = ``other``.
    """

    classify: bool = True
    model_path: str | Path | None = None
    _nlp: object = field(default=None, init=False, repr=False)
    _model: object = field(default=None, init=False, repr=False)
    _attributor: object = field(default=None, init=False, repr=False)

    @property
    def nlp(self):
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

    def extract_document(self, doc: Document, sentences=None) -> list[Claim]:
        """The claims of ``doc``; with ``sentences`` (a part of ``split_document(doc)``) only
        theirs, and ``doc`` may be a shell without blocks (then without boxes)."""
        claims, tokens = self.unlabelled_claims(doc, with_tokens=self.classify,
                                                sentences=sentences)
        if self.classify and claims:
            from .classify.model import apply_model
            for i in range(0, len(claims), CLASSIFY_BATCH):
                apply_model(self.model, claims[i:i + CLASSIFY_BATCH], tokens[i:i + CLASSIFY_BATCH])
        return claims if sentences is not None else self.attribute(doc, claims)

    def attribute(self, doc: Document, claims: list[Claim]) -> list[Claim]:
        """Fill each claim's period, role, region and indicator key from its sentence and the
        whole document (which must have its blocks). Called once per document: by
        ``extract_document`` for a whole document, and by whoever assembles the claims of a
        document extracted in parts (``sentences=...``)."""
        return self.attributor.apply(doc, claims)

    @property
    def attributor(self):
        if self._attributor is None:
            from .attribute import Attributor
            self._attributor = Attributor.load()
        return self._attributor

    def unlabelled_claims(self, doc: Document, with_tokens: bool = True, sentences=None
                          ) -> tuple[list[Claim], list[tuple[str, ...]]]:
        """The claims before classification and, per claim, its sentence as the pipeline cut
        it (what the classifier reads; empty unless ``with_tokens``)."""
        from .nlp.extract import sentence_claims, token_texts
        claims: list[Claim] = []
        tokens: list[tuple[str, ...]] = []
        for sdoc, found in sentence_claims(doc, self.nlp, sentences):
            claims += found
            if with_tokens:
                tokens += [token_texts(sdoc, found[0].sentence)] * len(found)
        return claims, tokens

    def extract_file(self, path: str | Path, *, password: str | None = None,
                     year: int | None = None) -> tuple[Document, list[Claim]]:
        doc = read_document(path, password=password, year=year)
        return doc, self.extract_document(doc)

    def extract_text(self, text: str, *, doc_id: str = "text",
                     year: int | None = None) -> list[Claim]:
        return self.extract_document(document_from_text(text, doc_id=doc_id, year=year))


_DEFAULT: Extractor | None = None


def _default_extractor(classify: bool) -> Extractor:
    global _DEFAULT  # one lazily built pipeline per process; never built at import
    if _DEFAULT is None:
        _DEFAULT = Extractor()
    return _DEFAULT if classify else Extractor(classify=False)


def extract(source: str | Path | Document, *, year: int | None = None, doc_id: str | None = None,
            classify: bool = True) -> list[Claim]:
    """Claims of a ``Document``, of a file (``Path``, or a string naming an existing file),
    or of a text given as a string."""
    ex = _default_extractor(classify)
    if isinstance(source, Document):
        return ex.extract_document(source)
    if isinstance(source, Path) or (isinstance(source, str) and "\n" not in source
                                    and len(source) < 4096 and Path(source).is_file()):
        return ex.extract_file(source, year=year)[1]
    return ex.extract_text(str(source), doc_id=doc_id or "text", year=year)


def iter_inputs(paths: Iterable[str | Path]) -> list[Path]:
    """The files of a run: folders expanded into the files textmine reads (sorted), glob
    patterns the shell did not expand (``"archive/**/*.pdf"``) into the files they match;
    files as given. ``scan_inputs`` also says what the folders held that is not read."""
    return scan_inputs(paths).files


def scan_inputs(paths: Iterable[str | Path]):
    """``Inputs``: the files of a run and the skipped ones of its folders, with reasons."""
    from .ingest.formats import scan_inputs as _scan
    return _scan(paths)
