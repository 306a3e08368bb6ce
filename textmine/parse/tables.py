"""Read the data tables in ``textmine/data`` (TOML) and its word lists (one word a line).
Each is read once per process."""
from __future__ import annotations

import re
import tomllib
from functools import cache
from importlib import resources
from typing import Any, Callable


@cache
def table(name: str) -> dict[str, Any]:
    """The parsed ``textmine/data/<name>.toml``."""
    text = resources.files("textmine").joinpath("data", f"{name}.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


@cache
def word_list(name: str) -> frozenset[str]:
    """The words of ``textmine/data/<name>.txt``, one a line (``#`` lines are comments)."""
    text = resources.files("textmine").joinpath("data", f"{name}.txt").read_text(encoding="utf-8")
    return frozenset(w for w in map(str.strip, text.splitlines()) if w and not w.startswith("#"))


@cache
def divisions() -> tuple[tuple[str, str, str, str], ...]:
    """(code, name, level, parent code) of every division in ``textmine/data/admin_regions.tsv``."""
    text = resources.files("textmine").joinpath("data", "admin_regions.tsv").read_text("utf-8")
    return tuple(tuple((line.split("\t") + [""])[:4]) for line in text.splitlines()
                 if line and not line.startswith("#"))


def searchers(word_lists: dict[str, Any]) -> dict[str, Callable[[str], re.Match | None]]:
    """For every list of words in a table, the ``search`` of their alternation (a match when
    one of the words occurs in a text), compiled once: one C call instead of a loop of
    ``in`` tests."""
    return {name: re.compile("|".join(map(re.escape, words)) or "(?!)").search
            for name, words in word_lists.items()
            if isinstance(words, list) and all(isinstance(w, str) for w in words)}
