"""``textmine review``: one self-contained HTML page to check a document's claims against its
text (``build`` gathers, ``page`` renders)."""
from __future__ import annotations

from .build import Review, ReviewDoc, review_files, review_stored
from .page import render_review

__all__ = ["Review", "ReviewDoc", "render_review", "review_files", "review_stored"]
