"""The shape of the number layer (issue 17): small functions, words in data tables, no hidden
state.

- every function in ``textmine/parse/`` is at most 60 lines long with a cyclomatic complexity of
  at most 25 (radon);
- the grammar modules hold no Chinese characters outside comments and docstrings:
  they read them from ``textmine/data/*.toml``;
- the caches are safe to share between threads: many threads reading at once find what one
  thread finds alone.
"""
from __future__ import annotations

import ast
import re
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from textmine.parse.numbers import find_numbers

PARSE = Path(__file__).resolve().parents[1] / "textmine" / "parse"
MAX_LINES = 60
MAX_COMPLEXITY = 25
# the modules of the number and date grammars
GRAMMAR_MODULES = ["numbers.py", "reading.py", "forms.py", "mention.py", "numerals.py",
                   "qualifiers.py", "units.py", "tables.py", "dates.py"]
CJK = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")  # Chinese characters


def _functions():
    for path in sorted(PARSE.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                yield f"{path.name}:{node.name}", node.end_lineno - node.lineno + 1


@pytest.mark.parametrize("name,lines", list(_functions()))
def test_functions_are_short(name, lines):
    assert lines <= MAX_LINES, f"{name} has {lines} lines"


def test_complexity():
    radon = pytest.importorskip("radon.complexity", reason="radon is in the test extra")
    over = []
    for path in sorted(PARSE.glob("*.py")):
        for block in radon.cc_visit(path.read_text(encoding="utf-8")):
            if block.complexity > MAX_COMPLEXITY:
                over.append(f"{path.name}:{block.name} {block.complexity}")
    assert not over


def _literals(path: Path) -> list[str]:
    """String constants of a module that are not docstrings."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docs = {id(n.body[0].value) for n in ast.walk(tree)
            if isinstance(n, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
            and n.body and isinstance(n.body[0], ast.Expr) and isinstance(n.body[0].value, ast.Constant)}
    return [n.value for n in ast.walk(tree)
            if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in docs]


@pytest.mark.parametrize("module", GRAMMAR_MODULES)
def test_words_live_in_data_tables(module):
    found = [s for s in _literals(PARSE / module) if CJK.search(s)]
    assert not found, f"{module} spells words of the grammar itself: {found}"


SENTENCES = ["销售扶贫产品2100多种113余亿元", "受益群众2.4万余人，比上年增长百分之三十",
             "排名第2，累计投入1000余万元", "整改历时3个多月，完成3至5个项目", "两万两（合1000公斤）",
             "大于二十的同时小于等于三十五", "2019年12月31日前，发放补贴-5.5万元"] * 40


def test_threads_find_what_one_thread_finds():
    alone = [find_numbers(s + str(k)) for k, s in enumerate(SENTENCES)]
    with ThreadPoolExecutor(max_workers=8) as pool:
        together = list(pool.map(lambda ks: find_numbers(ks[1] + str(ks[0])), enumerate(SENTENCES)))
    assert together == alone
