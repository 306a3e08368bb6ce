"""textmine: quantified claims from Chinese government reports.

Importing textmine is cheap and silent: jieba, spaCy and the classifier load on first use.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .api import Extractor, document_from_text, extract, iter_inputs, read_document
from .errors import (ConfigError, IngestError, InputError, ModelError, StoreError,
                     TextmineError)
from .types import Block, Claim, Document, Measure, Sentence, Table

__version__ = "0.1.0"

__all__ = [
    "Block", "Claim", "ConfigError", "Document", "Extractor", "IngestError", "InputError",
    "Measure", "ModelError", "Sentence", "StoreError", "Table", "TextmineError",
    "document_from_text", "extract", "find_numbers", "iter_inputs", "read_document",
    "write_atomic", "__version__",
]


def find_numbers(text: str):
    """Every number expression in ``text`` (no claim filtering); see ``textmine.parse.numbers``."""
    from .parse.numbers import find_numbers as _find
    return _find(text)


def write_atomic(path: str | Path, data: str | bytes) -> None:
    """Write a file so that readers see the old content or the new, never a part."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data.encode("utf-8") if isinstance(data, str) else data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
