"""Read the data tables in ``textmine/data`` (TOML) and its word lists (one word a line).
Each is read once per process."""
from __future__ import annotations

import re
import tomllib
import unicodedata
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


def alternation(words) -> str:
    """The words as one regular-expression alternation, each escaped and once, the longest
    first (a word wins over a shorter one it starts with)."""
    return "|".join(map(re.escape, sorted(dict.fromkeys(words), key=len, reverse=True)))


def searchers(word_lists: dict[str, Any]) -> dict[str, Callable[[str], re.Match | None]]:
    """For every list of words in a table, the ``search`` of their alternation (a match when
    one of the words occurs in a text), compiled once: one C call instead of a loop of
    ``in`` tests."""
    return {name: re.compile("|".join(map(re.escape, words)) or "(?!)").search
            for name, words in word_lists.items()
            if isinstance(words, list) and all(isinstance(w, str) for w in words)}


def short_names(name: str, level: str, rules: dict) -> list[str]:
    """The short names of a division (``rules``: attribution.toml ``[regions]``): of a
    province or prefecture; a county has none (its bare name is too often a word) but an
    autonomous county or banner its place with its last character and with the whole suffix
    (三都水族自治县 -> 三都县, 三都自治县)."""
    if level == "province":
        return [name[:-len(s)] for s in rules["province_suffixes"] if name.endswith(s)][:1]
    autonomous = rules["autonomous_prefecture"]
    if level == "county" and name.endswith(tuple(rules["autonomous_counties"])):
        place = place_before_ethnic(name[:-3], rules)
        return [place + name[-1], place + name[-3:]] if place else []
    if level != "prefecture":
        return []
    if name.endswith(autonomous):
        place = place_before_ethnic(name[:-len(autonomous)], rules)
        return [place + autonomous[-1], place] if place else []
    return [name[:-len(s)] for s in rules["prefecture_suffixes"] if name.endswith(s)][:1]


def place_before_ethnic(name: str, rules: dict) -> str:
    """黔南布依族苗族 -> 黔南: the name before its ethnic groups (each written with 族)."""
    head = name.split(rules["ethnic_mark"])[0]  # 黔南布依, 黔东南苗, 克孜勒苏柯尔克孜
    for e in sorted(rules["ethnic"], key=len, reverse=True):
        if head.endswith(e) and len(head) - len(e) >= 2:
            return head[:-len(e)]
    return ""


_PLAIN = re.compile(r"[\u4e00-\u9fff0-9A-Za-z]*")  # (NFKC leaves these, and none is P, Z, S or C)


def clean(text: str) -> str:
    """A name as the key table matches it (``attribute.keys``): NFKC, without spaces,
    punctuation and symbols (quotes, brackets)."""
    if _PLAIN.fullmatch(text or ""):  # (most phrases: Chinese characters, digits, letters)
        return text or ""
    s = unicodedata.normalize("NFKC", text or "")
    return "".join(ch for ch in s if unicodedata.category(ch)[0] not in "PZSC")
