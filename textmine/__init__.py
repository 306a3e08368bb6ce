"""textmine: quantified claims from Chinese government reports.

Importing textmine is cheap and silent: jieba, spaCy and the classifier load on first use.
"""
from __future__ import annotations

from ._version import __version__
from .api import Extractor, document_from_text, extract, iter_inputs, read_document
from .output import write_atomic
from .errors import (ConfigError, IngestError, InputError, ModelError, StoreError,
                     TextmineError)
from .types import Block, Claim, Document, Measure, Sentence, Table

__all__ = [
    "Block", "Claim", "ConfigError", "Document", "Extractor", "IngestError", "InputError",
    "Measure", "ModelError", "Sentence", "StoreError", "Table", "TextmineError",
    "document_from_text", "extract", "find_numbers", "iter_inputs", "read_document",
    "open_db", "write_atomic", "__version__",
]


def find_numbers(text: str):
    """Every number expression in ``text`` (no claim filtering); see ``textmine.parse.numbers``."""
    from .parse.numbers import find_numbers as _find
    return _find(text)


def open_db(path):
    """The indicator database at ``path`` for a notebook: ``.claims(**filters)``,
    ``.series(indicator)``, ``.findings()``, ``.search(*words)`` as pandas DataFrames; see ``textmine.notebook``."""
    from .notebook import open_db as _open
    return _open(path)
