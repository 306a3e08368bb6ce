"""The examples in the number layer's docstrings are part of its specification: run them."""
from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = ["textmine.parse.numbers", "textmine.parse.reading", "textmine.parse.qualifiers",
           "textmine.parse.numerals", "textmine.parse.dates"]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    result = doctest.testmod(importlib.import_module(name))
    assert result.attempted > 0 and result.failed == 0, result
