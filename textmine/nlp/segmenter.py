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
instead of 500,000. ``Segmenter.cut`` turns the words into the tokens spaCy's ``zh``
tokenizer (jieba segmenter) makes of the text, the tokens the classifier was trained on,
without importing spaCy.
"""
from __future__ import annotations

import threading

from .dictionary import (CACHE_NAME, Buckets, _load_cache, full_dictionary,  # noqa: F401
                         import_jieba, jieba_module, open_buckets)
from .hmm import hmm_cutter


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


def _flush(buf: str, get, hmm, out: list[str]) -> None:
    """Single characters in a row: one, a word of the dictionary (as its characters), or
    unknown (jieba's HMM finds the words in it)."""
    if len(buf) == 1:
        out.append(buf)
    elif get(buf) is None:
        out.extend(hmm(buf))
    else:
        out.extend(buf)


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

    def __init__(self, tmp_dir: str | None = None):
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
        self._need(text)
        out: list[str] = []
        words, miss, hmm, han, skip = self._words, self._miss, self._hmm, self._han, self._skip
        for block in han.split(text):
            if not block:
                continue
            if han.match(block):
                cut_run(block, words, miss, hmm, out)
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
