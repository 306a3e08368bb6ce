"""jieba's HMM for runs of characters its dictionary does not cut (``jieba.finalseg.cut``),
the same words, faster.

``finalseg`` finds the tags (B, M, E, S) of a run by Viterbi over four states kept in dicts of
lists, building a copy of each state's path at every character. ``hmm_cutter`` reads the same
probability tables and does the same floating-point additions in the same order (previous
score + transition + emission), with the same tie-breaks (``max`` over ``(score, state)``
tuples: the later state letter wins a tie), keeping four scores and a back pointer per
character, so the words are ``finalseg.cut``'s. A process that forces words apart
(``finalseg.add_force_split``) gets ``finalseg.cut`` itself.
"""
from __future__ import annotations

from typing import Callable, Iterable

# the states by index, and each state's two possible predecessors in finalseg's order
# (PrevStatus): B <- E, S; M <- M, B; S <- S, E; E <- B, M
B, M, S, E = 0, 1, 2, 3


def hmm_cutter(finalseg) -> Callable[[str], Iterable[str]]:
    """A function ``cut(text)`` that yields ``finalseg.cut(text)``'s words (``finalseg``:
    the module ``jieba.finalseg``, its tables read once, now)."""
    low = finalseg.MIN_FLOAT
    start, trans, emit = finalseg.start_P, finalseg.trans_P, finalseg.emit_P
    first = tuple(start[y] for y in "BMSE")
    steps = tuple(trans[a].get(b, low) for a, b in
                  ("EB", "SB", "MM", "BM", "SS", "ES", "BE", "ME"))
    tables = (first, steps, emit["B"].get, emit["M"].get, emit["S"].get, emit["E"].get, low)
    han, skip = finalseg.re_han, finalseg.re_skip

    def cut(text: str) -> Iterable[str]:
        if finalseg.Force_Split_Words:
            return list(finalseg.cut(text))
        out: list[str] = []
        for blk in han.split(text):
            if han.match(blk):
                _words(blk, tables, out)
            else:
                out.extend(x for x in skip.split(blk) if x)
        return out

    return cut


def _words(s: str, tables, out: list[str]) -> None:
    """Append the words of ``s`` (a run of Chinese characters) by its Viterbi tags."""
    tags = _tags(s, tables)
    begin = nexti = 0
    for i, tag in enumerate(tags):
        if tag == B:
            begin = i
        elif tag == E:
            out.append(s[begin:i + 1])
            nexti = i + 1
        elif tag == S:
            out.append(s[i])
            nexti = i + 1
    if nexti < len(s):
        out.append(s[nexti:])


def _tags(s: str, tables) -> list[int]:
    """The most likely tags of ``s`` (finalseg's ``viterbi``, same arithmetic and ties)."""
    (fb, fm, fs, fe), (eb_, sb_, mm_, bm_, ss_, es_, be_, me_), gb, gm, gs, ge, low = tables
    c = s[0]
    vb, vm, vs, ve = fb + gb(c, low), fm + gm(c, low), fs + gs(c, low), fe + ge(c, low)
    back: list[tuple[int, int, int, int]] = []
    for c in s[1:]:
        em = gb(c, low)
        x, y = ve + eb_ + em, vs + sb_ + em
        nb, pb = (y, S) if y >= x else (x, E)
        em = gm(c, low)
        x, y = vm + mm_ + em, vb + bm_ + em
        nm, pm = (x, M) if x >= y else (y, B)
        em = gs(c, low)
        x, y = vs + ss_ + em, ve + es_ + em
        ns, ps = (x, S) if x >= y else (y, E)
        em = ge(c, low)
        x, y = vb + be_ + em, vm + me_ + em
        ne, pe = (y, M) if y >= x else (x, B)
        back.append((pb, pm, ps, pe))
        vb, vm, vs, ve = nb, nm, ns, ne
    state = S if vs >= ve else E
    tags = [state]
    for step in reversed(back):
        state = step[state]
        tags.append(state)
    tags.reverse()
    return tags
