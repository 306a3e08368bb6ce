"""The words of a sentence as the extraction reads them: jieba's precise mode (``jieba.cut``,
HMM on), the same words, cut faster and with the dictionary read as far as the text needs it.

``Segmenter.words(text)`` is ``jieba.lcut(text)``: the text split into runs of Chinese
characters, letters and digits (jieba's ``re_han``) and the rest; each run cut at the route of
highest probability through jieba's prefix dictionary (``get_DAG`` + ``calc``), ties to the
longer word, as jieba does; runs of single characters that are no word go to jieba's own HMM
(``jieba.finalseg``'s model and words, computed faster by ``hmm.hmm_cutter``). The route is
found in one backward pass over the run, with each word's
log probability read from the dictionary (``dictionary.entries``: the same floating-point
operations as jieba's ``calc``), which is about 1.5 times jieba's speed.

Every word looked up while cutting a text starts with a character of that text, so the
dictionary entries that start with the text's characters are all it can see: the segmenter
reads those (``dictionary.open_buckets``) and a one-line input reads a few hundred entries
instead of 500,000.

Once the texts cut add up to ``COMPILED_AFTER`` characters, the route comes from rjieba
(``dictionary.compiled_route``: jieba's algorithm in Rust over the same dictionary; its route
about 8 times as fast as the one above): its cut without HMM is jieba's route with single
letters and digits in a row joined, so the single-character steps are found again
(``cut_route``) and given to the same HMM by jieba's rule. The words are the same, about 2.5
times as fast. Below that, importing rjieba (building its dictionary, 0.07 s) costs more than
it saves (reading the dictionary entries of 10,000 characters of report prose and cutting
them costs about as much).

``Segmenter.cut`` turns the words into the tokens spaCy's ``zh`` tokenizer (jieba segmenter)
makes of the text, the tokens the classifier was trained on, without importing spaCy.
"""
from __future__ import annotations

import threading

from .dictionary import (CACHE_NAME, Buckets, _load_cache, compiled_route,  # noqa: F401
                         full_dictionary, import_jieba, jieba_module, open_buckets)
from .hmm import hmm_cutter

COMPILED_AFTER = 10_000  # characters cut before the route comes from rjieba


def cut_run(s: str, words: dict, miss: float, hmm, out: list[str]) -> None:
    """Append to ``out`` jieba's words of ``s``, a run of ``re_han`` characters
    (``Tokenizer.__cut_DAG``). ``words``: entry -> log probability (None: a prefix only);
    ``miss``: the log probability of a character no word covers; ``hmm``: jieba's
    ``finalseg.cut`` (or ``hmm.hmm_cutter``'s)."""
    n = len(s)
    score = [0.0] * (n + 1)
    nxt = [0] * (n + 1)
    get = words.get
    absent = False
    for i in range(n - 1, -1, -1):
        best, end = None, i + 1
        j = i + 1
        frag = s[i]
        while True:  # every word starting at i: the best route through it, the longer on ties
            w = get(frag, absent)
            if w is absent:
                break
            if w is not None:
                sc = w + score[j]
                if best is None or sc >= best:
                    best, end = sc, j
            if j >= n:
                break
            j += 1
            frag = s[i:j]
        score[i] = miss + score[i + 1] if best is None else best
        nxt[i] = end
    x, buf = 0, ""
    while x < n:
        y = nxt[x]
        if y - x == 1:
            buf += s[x]
        else:
            if buf:
                _flush(buf, get, hmm, out)
                buf = ""
            out.append(s[x:y])
        x = y
    if buf:
        _flush(buf, get, hmm, out)


def cut_route(s: str, route, is_word, hmm, out: list[str]) -> None:
    """``cut_run``'s words of ``s`` from ``route(s, False)``, jieba's cut without HMM (the
    route's words; its single-character steps alone, except letters and digits in a row,
    joined: the dictionary has no word of letters and digits only, so such a piece is always
    single steps). ``is_word(w)``: whether ``w`` has a frequency above 0."""
    buf = ""
    append = out.append
    for w in route(s, False):
        if len(w) == 1 or (w.isascii() and w.isalnum()):
            buf += w
        else:
            if buf:
                if len(buf) == 1:  # (most often: _flush's first case, without the call)
                    append(buf)
                else:
                    _flush(buf, is_word, hmm, out)
                buf = ""
            append(w)
    if buf:
        _flush(buf, is_word, hmm, out)


def _flush(buf: str, is_word, hmm, out: list[str]) -> None:
    """Single characters in a row (jieba's ``buf``): one, a word of the dictionary (as its
    characters), or unknown (jieba's HMM finds the words in it). ``is_word(w)``: true when
    ``w`` has a frequency above 0 (a log probability, never 0.0, or True)."""
    if len(buf) == 1:
        out.append(buf)
    elif is_word(buf):
        out.extend(buf)
    else:
        out.extend(hmm(buf))


class Tokens:
    """A sentence's tokens as spaCy's ``zh`` tokenizer makes them, cut when first asked for:
    ``texts`` and ``starts``, the character offset where each begins (a single space after
    a token belongs to it, as spaCy's trailing whitespace; other whitespace is a token of
    its own)."""

    __slots__ = ("text", "_segmenter", "_texts", "_starts", "_start_set")

    def __init__(self, text: str, segmenter: "Segmenter"):
        self.text, self._segmenter = text, segmenter
        self._texts: tuple[str, ...] | None = None
        self._starts: list[int] = []
        self._start_set: set[int] | None = None

    @property
    def texts(self) -> tuple[str, ...]:
        if self._texts is None:
            self._texts, self._starts = self._segmenter.cut(self.text)
        return self._texts

    @property
    def starts(self) -> list[int]:
        self.texts  # noqa: B018
        return self._starts

    def __contains__(self, i: object) -> bool:
        """Whether a token starts at character ``i`` (``indicator`` cuts phrases there)."""
        if self._start_set is None:
            self._start_set = set(self.starts)
        return i in self._start_set


class Segmenter:
    """jieba's precise mode with the dictionary read as far as the texts need it
    (``tmp_dir``: where the caches are; default the temp folder, as for jieba). Safe to
    share between threads."""

    def __init__(self, tmp_dir: str | None = None, compiled: bool | None = None):
        """``compiled``: the route from rjieba always (True; when it can be had), never
        (False), or once the texts cut add up to ``COMPILED_AFTER`` characters (None)."""
        jieba = import_jieba()
        jieba.setLogLevel(60)  # silence jieba's start-up messages
        self._han, self._skip = jieba.re_han_default, jieba.re_skip_default
        self._hmm = hmm_cutter(jieba.finalseg)  # finalseg.cut's words, faster
        self._tmp_dir = tmp_dir
        self._words: dict[str, float | None] = {}  # the entries read so far
        self._miss = 0.0
        self._buckets: Buckets | None = None
        self._seen: set[str] = set()  # first characters whose entries are read
        self._all = self._opened = False
        self._lock = threading.RLock()
        self._route = None if compiled is not False else ()  # () never; None not yet
        self._until = 0 if compiled else COMPILED_AFTER  # characters before it is tried

    @property
    def compiled(self) -> bool:
        """Whether the route comes from rjieba now."""
        return bool(self._route)

    def expect(self, n: int) -> None:
        """About ``n`` characters are to be cut now: when that makes rjieba pay, take it
        before the first of them (rather than cut ``COMPILED_AFTER`` of them the slower way,
        reading their dictionary entries, first)."""
        if self._route is None and n >= self._until:
            self._compiled(self._until)

    def _compiled(self, n: int):
        """rjieba's ``(cut, is_word)`` once the texts cut (``n`` characters now) make it pay;
        None before, or when it cannot be had."""
        if self._route is None:
            self._until -= n
            if self._until <= 0:
                with self._lock:
                    if self._route is None:
                        self._route = compiled_route() or ()
        return self._route or None

    @property
    def size(self) -> int:
        """Entries of jieba's dictionary read so far."""
        return len(self._words)

    def _open(self) -> None:
        self._opened = True
        self._buckets = open_buckets(self._tmp_dir)
        if self._buckets is None:  # no cache: the whole dictionary
            self.load_all()
        else:
            self._miss = 0.0 - self._buckets.logtotal  # jieba: log(1) - log(total)

    def _need(self, text: str) -> None:
        if self._all or self._seen.issuperset(text):  # (no set of the text made)
            return
        missing = set(text).difference(self._seen)
        with self._lock:
            if not self._opened:
                self._open()
                if self._all:
                    return
            try:
                for ch in missing.difference(self._seen):
                    entries = self._buckets.words(ch)
                    if entries:
                        self._words.update(entries)
                    self._seen.add(ch)
            except (ValueError, EOFError, TypeError):  # a cache damaged since it was opened
                self._buckets.close()
                self._buckets = None
                self.load_all()

    def prepare(self) -> "Segmenter":
        """What cutting needs, now (before worker processes are forked to share it): rjieba's
        route when it can be had (unless made with ``compiled=False``), else the whole
        dictionary."""
        if self._route is None:
            self._compiled(self._until)
        if not self._route:
            self.load_all()
        return self

    def load_all(self) -> "Segmenter":
        """The whole dictionary now (before worker processes are forked to share it)."""
        with self._lock:
            if self._all:
                return self
            if not self._opened:
                self._opened = True
                self._buckets = open_buckets(self._tmp_dir)
            if self._buckets is None:
                logtotal, self._words = full_dictionary(self._tmp_dir)
            else:
                logtotal = self._buckets.logtotal
                for ch in self._buckets.index.keys() - self._seen:
                    self._words.update(self._buckets.words(ch) or ())
                self._buckets.close()
                self._buckets = None
            self._miss = 0.0 - logtotal
            self._all = True
        return self

    def is_word(self, w: str) -> bool:
        """Whether ``w`` is a word of jieba's dictionary (frequency above 0: ``jieba.dt.FREQ``)."""
        self._need(w)
        return self._words.get(w) is not None

    def words(self, text: str) -> list[str]:
        """``jieba.lcut(text)``."""
        out: list[str] = []
        hmm, han, skip = self._hmm, self._han, self._skip
        compiled = self._compiled(len(text))
        if compiled is None:
            self._need(text)
            words, miss = self._words, self._miss
        else:
            route, is_word = compiled
        for block in han.split(text):
            if not block:
                continue
            if han.match(block):
                if compiled is None:
                    cut_run(block, words, miss, hmm, out)
                else:
                    cut_route(block, route, is_word, hmm, out)
                continue
            for x in skip.split(block):
                if skip.match(x):
                    out.append(x)
                else:
                    out.extend(x)
        return out

    def cut(self, text: str) -> tuple[tuple[str, ...], list[int]]:
        """The tokens of ``text`` as spaCy's ``zh`` tokenizer (jieba segmenter) makes them,
        and the offset where each starts."""
        words = self.words(text)
        if text.isprintable() and " " not in text:  # the words are the tokens, end to end
            starts, pos = [], 0
            for w in words:
                starts.append(pos)
                pos += len(w)
            return tuple(words), starts
        return align(words, text)

    def tokens(self, text: str) -> Tokens:
        """``text``'s tokens, cut when first asked for."""
        return Tokens(text, self)


_DEFAULT: list[Segmenter] = []
_DEFAULT_LOCK = threading.Lock()


def default_segmenter() -> Segmenter:
    """The process's segmenter (made on first use; its dictionary fills as texts need it)."""
    with _DEFAULT_LOCK:
        if not _DEFAULT:
            _DEFAULT.append(Segmenter())
        return _DEFAULT[0]


def align(words: list[str], text: str) -> tuple[tuple[str, ...], list[int]]:
    """Tokens and their offsets in ``text`` from jieba's words, by spaCy's rule
    (``spacy.util.get_words_and_spaces``): whitespace words are dropped and the words found
    in the text in order; what lies between two words is a token, except one space right
    after a word, which is that word's trailing whitespace."""
    texts: list[str] = []
    starts: list[int] = []
    pos = 0
    for word in words:
        if word.isspace():
            continue
        at = text.index(word, pos)
        if at > pos:
            texts.append(text[pos:at])
            starts.append(pos)
        texts.append(word)
        starts.append(at)
        pos = at + len(word)
        if pos < len(text) and text[pos] == " ":
            pos += 1
    if pos < len(text):
        texts.append(text[pos:])
        starts.append(pos)
    return tuple(texts), starts
