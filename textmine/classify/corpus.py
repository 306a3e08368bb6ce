"""The labelled measure corpus (``corpora/measures/*.jsonl``): read, check, split, hash.

Each line: ``text`` (a sentence), ``span`` ([start, end] of the claim's number mention),
``indicator``, ``section``, ``label`` (a ``Measure``), ``source`` (``written`` or
``generated:<script>#<template>``). ``heldout.jsonl`` is the held-out split; every other
``*.jsonl`` file is training data.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from ..types import Document, Measure

LABELS: tuple[str, ...] = tuple(m.value for m in Measure)
HELDOUT_FILE = "heldout.jsonl"
REQUIRED = ("text", "span", "label", "source")


@dataclass(frozen=True)
class Example:
    text: str
    span: tuple[int, int]
    indicator: str
    section: str
    label: str
    source: str

    def as_input(self):
        from .features import MeasureInput
        return MeasureInput(self.text, self.span[0], self.span[1], self.indicator, self.section)


@dataclass(frozen=True)
class Corpus:
    train: list[Example]
    heldout: list[Example]
    digest: str  # sha256 over the corpus files, in name order
    files: list[str]


def default_corpus() -> Path:
    """``corpora/`` in the current folder (a source tree), else the corpus shipped with
    textmine (the package ``textmine.corpus``)."""
    local = Path("corpora")
    if (local / "measures").is_dir():
        return local
    from importlib import resources
    return Path(str(resources.files("textmine.corpus")))


def _measures_dir(corpus_dir: str | Path) -> Path:
    d = Path(corpus_dir)
    if (d / "measures").is_dir():
        d = d / "measures"
    if not d.is_dir():
        raise InputError(f"{d}: corpus folder not found (give --corpus a folder of train.jsonl "
                         f"and heldout.jsonl, or one with measures/ holding them; without "
                         f"--corpus, textmine trains on the corpus it ships)")
    return d


def read_examples(path: Path) -> list[Example]:
    out = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                r = json.loads(line)
            except json.JSONDecodeError as e:
                raise InputError(f"{path}:{n}: not valid JSON ({e.msg})") from None
            missing = [k for k in REQUIRED if k not in r]
            if missing:
                raise InputError(f"{path}:{n}: missing field(s) {', '.join(missing)}")
            if r["label"] not in LABELS:
                raise InputError(f"{path}:{n}: unknown label {r['label']!r} "
                                 f"(expected one of {', '.join(LABELS)})")
            s, e = r["span"]
            if not (0 <= s < e <= len(r["text"])):
                raise InputError(f"{path}:{n}: span {r['span']} outside the text")
            out.append(Example(r["text"], (s, e), r.get("indicator") or "", r.get("section") or "",
                               r["label"], r["source"]))
    return out


def load_corpus(corpus_dir: str | Path) -> Corpus:
    d = _measures_dir(corpus_dir)
    files = sorted(d.glob("*.jsonl"))
    if not any(f.name == HELDOUT_FILE for f in files):
        raise InputError(f"{d}: no {HELDOUT_FILE} (the held-out split); run corpora/generate.py")
    h = hashlib.sha256()
    train: list[Example] = []
    heldout: list[Example] = []
    for f in files:
        h.update(f.name.encode() + b"\0" + f.read_bytes())
        (heldout if f.name == HELDOUT_FILE else train).extend(read_examples(f))
    if not train:
        raise InputError(f"{d}: no training examples (*.jsonl besides {HELDOUT_FILE})")
    return Corpus(train, heldout, h.hexdigest(), [f.name for f in files])


def gold_inputs(gold: str | Path, doc: Document) -> tuple[list, list[str]]:
    """Classifier inputs and labels from annotated claim records (``docs/claims.md`` JSONL,
    optional records skipped) of the document ``doc`` (as ``textmine.read_document`` reads
    it): each record's sentence, mention, indicator, and the heading above its paragraph.
    Used to measure the model on real reports (bench, tests); never for training."""
    from .features import MeasureInput
    paras, heading = [], ""
    for b in doc.blocks:
        if b.kind in ("heading", "title"):
            heading = b.text
        else:
            paras.append((b.text, heading))
    recs = [json.loads(x) for x in Path(gold).read_text(encoding="utf-8").splitlines() if x.strip()]
    recs = [r for r in recs if not r.get("optional")]
    items = [MeasureInput(r["sentence"], r["start"], r["end"], r.get("indicator") or "",
                          next((h for p, h in paras if r["sentence"][:12] in p), ""))
             for r in recs]
    return items, [r["measure"] for r in recs]
