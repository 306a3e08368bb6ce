"""Where the tests find the project and the shared evaluation files (not a test module).

``EVAL`` is ``../shared/eval`` beside the repository (CI has it); tests that read it skip
with a reason on a fresh clone without it."""
from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
EVAL = SHARED / "eval"
