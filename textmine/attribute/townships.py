"""Townships (乡, 镇, 街道): the divisions under a county, which the gazetteer's table of
divisions does not list. A county's report gives their figures in lists and clauses that open
with the name (其中河口镇300套, 周庄镇新建蔬菜大棚200座); such a figure is the township's.

>>> township("周庄镇新建蔬菜大棚")
'周庄镇'
>>> township("推进乡村振兴"), township("各乡镇"), township("贫困乡镇")
('', '', '')
"""
from __future__ import annotations

import re

from ..parse.tables import table

_T = table("attribution")["regions"]["townships"]
_SUFFIXES = sorted(_T["suffixes"], key=len, reverse=True)
_NAME = re.compile("([^%s]{2,3}?)(%s)" % (re.escape(_T["name_chars_not"]),
                                          "|".join(map(re.escape, _SUFFIXES))))
_NOT_NAMES = frozenset(_T["not_names"])
_NOT_BEFORE: dict[str, str] = dict(_T["not_before"])
_LAST_NOT: dict[str, str] = dict(_T["last_not"])
_CJK = re.compile(r"[\u4e00-\u9fff]+\Z")


def township(phrase: str) -> str:
    """The township ``phrase`` opens with (a name of two or three characters and its
    suffix, not a word of another kind: 乡村, 城镇化, 新增城镇, 街道办), else ""."""
    m = _NAME.match(phrase)
    if m is None:
        return ""
    name, suffix = m.groups()
    after = phrase[m.end():m.end() + 1]
    if name in _NOT_NAMES or not _CJK.match(name) or name[-1] in _LAST_NOT.get(suffix, "") or \
            (after and after in _NOT_BEFORE.get(suffix, "")):
        return ""
    return m.group()
