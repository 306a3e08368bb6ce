"""jieba, loaded quickly, and the words of a sentence as the extraction reads them.

``jieba_module()`` returns the ``jieba`` module with its default dictionary loaded and its
start-up messages silenced. jieba keeps its prefix dictionary in a marshal cache
(``jieba.cache`` in the temp folder) and reads it with ``marshal.load(file)``, which reads the
9 MB file piece by piece: about 1.3 s. Reading the file in one call and ``marshal.loads`` on
the bytes gives the same dictionary in about 0.4 s. When there is no usable cache (first run,
another dictionary, an unexpected jieba), jieba's own ``initialize()`` runs, which builds and
writes the cache as before.

``Segmenter`` is what extraction uses: jieba's precise mode (``jieba.cut``) on its own
``jieba.Tokenizer`` whose dictionary is read only as far as the text needs it. Every word
jieba looks up while it cuts a text starts with a character of that text, so the entries
that start with the text's characters are all it can see; a one-line input reads a few
hundred entries instead of 580,000. They come from a cache of jieba's dictionary grouped by
first character (``textmine-jieba-*.cache`` beside jieba's, written once from jieba's own
dictionary; without it the whole dictionary is read). ``Segmenter.tokens`` cuts a text the
way spaCy's ``zh`` tokenizer with the jieba segmenter cuts it (the tokens the classifier
was trained on), without importing spaCy.
"""
from __future__ import annotations

import hashlib
import marshal
import mmap
import os
import sys
import tempfile
import threading

CACHE_NAME = "jieba.cache"  # jieba's own name for the default dictionary's cache
BUCKETS_FORMAT = 1  # of textmine's cache of the dictionary grouped by first character
_HEAD = 8  # bytes: the length of the cache's index, before it


def _import_jieba():
    """``import jieba`` without its ``import pkg_resources`` (0.1 s, and a deprecation
    warning on new setuptools): jieba falls back to opening its files by path, which is
    what it does with what it reads from them anyway."""
    if "jieba" in sys.modules or "pkg_resources" in sys.modules:
        import jieba
        return jieba
    sys.modules["pkg_resources"] = None  # type: ignore[assignment]  # -> ImportError
    try:
        import jieba
    finally:
        del sys.modules["pkg_resources"]
    return jieba


def _load_cache(tokenizer) -> bool:
    """Fill ``tokenizer`` (a ``jieba.Tokenizer`` on the default dictionary) from jieba's
    cache file; False if it has none that reads as ``(dict, int)``."""
    jieba = _import_jieba()
    if (getattr(tokenizer, "dictionary", "?") != jieba.DEFAULT_DICT
            or getattr(tokenizer, "cache_file", "?") is not None):
        return False  # another dictionary or cache file: jieba decides
    path = os.path.join(getattr(tokenizer, "tmp_dir", None) or tempfile.gettempdir(),
                        CACHE_NAME)
    try:
        with open(path, "rb") as fh:
            freq, total = marshal.loads(fh.read())
    except (OSError, ValueError, EOFError, TypeError):
        return False
    if not (isinstance(freq, dict) and freq and isinstance(total, int)):
        return False
    with tokenizer.lock:
        if not tokenizer.initialized:
            tokenizer.FREQ, tokenizer.total = freq, total
            tokenizer.initialized = True
    return True


def _load(tokenizer) -> None:
    """``tokenizer``'s whole dictionary: from jieba's cache in one read, else jieba's way."""
    if not tokenizer.initialized:
        try:
            _load_cache(tokenizer)
        except AttributeError:  # a jieba with other internals: its own loader below
            pass
        tokenizer.initialize()  # no-op once loaded; else jieba builds (and caches) it


def jieba_module():
    """The ``jieba`` module, default dictionary loaded (once per process)."""
    jieba = _import_jieba()
    jieba.setLogLevel(60)  # silence jieba's start-up messages
    _load(jieba.dt)
    return jieba


# ---------------------------------------------------------------- the dictionary by first character

def buckets_path(tmp_dir: str | None = None) -> str:
    """Where the dictionary grouped by first character is cached: named after the jieba
    version and its dictionary file, so that another jieba writes a cache of its own."""
    jieba = _import_jieba()
    try:
        st = os.stat(os.path.join(os.path.dirname(jieba.__file__), jieba.DEFAULT_DICT_NAME))
        stamp = f"{st.st_size}:{st.st_mtime_ns}"
    except (OSError, AttributeError):
        stamp = "?"
    key = f"{BUCKETS_FORMAT}:{getattr(jieba, '__version__', '?')}:{stamp}"
    name = f"textmine-jieba-{hashlib.sha1(key.encode()).hexdigest()[:12]}.cache"
    return os.path.join(tmp_dir or tempfile.gettempdir(), name)


def write_buckets(path: str, freq: dict[str, int], total: int) -> None:
    """The cache: an 8-byte length, the marshalled index ``(total, {char: (offset,
    length)})``, then one marshalled dict a first character (offsets after the index)."""
    groups: dict[str, dict[str, int]] = {}
    for word, n in freq.items():
        groups.setdefault(word[0], {})[word] = n
    blobs, index, offset = [], {}, 0
    for ch, words in groups.items():
        blob = marshal.dumps(words)
        index[ch] = (offset, len(blob))
        blobs.append(blob)
        offset += len(blob)
    head = marshal.dumps((total, index))
    fd, tmp = tempfile.mkstemp(dir=os.path.dirname(path) or ".")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(len(head).to_bytes(_HEAD, "little"))
            fh.write(head)
            fh.writelines(blobs)
        os.replace(tmp, path)  # readers see the old file or the whole new one
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


class _Buckets:
    """An open cache: ``words(ch)`` reads the entries that start with ``ch``."""

    def __init__(self, path: str):
        with open(path, "rb") as fh:
            self.map = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
        try:
            n = int.from_bytes(self.map[:_HEAD], "little")
            self.total, self.index = marshal.loads(self.map[_HEAD:_HEAD + n])
            self.base = _HEAD + n
            if not (isinstance(self.total, int) and isinstance(self.index, dict)
                    and self.index):
                raise ValueError("not a dictionary cache")
        except BaseException:
            self.map.close()
            raise

    def words(self, ch: str) -> dict[str, int] | None:
        where = self.index.get(ch)
        if where is None:
            return None
        off = self.base + where[0]
        return marshal.loads(self.map[off:off + where[1]])


def open_buckets(tmp_dir: str | None = None) -> _Buckets | None:
    """The cache of jieba's default dictionary by first character, written first when
    missing or unreadable; None when it cannot be read or written (then the whole
    dictionary is read)."""
    path = buckets_path(tmp_dir)
    try:
        return _Buckets(path)
    except (OSError, ValueError, EOFError, TypeError):
        pass
    jieba = _import_jieba()
    full = jieba.Tokenizer()
    full.tmp_dir = tmp_dir
    _load(full)
    try:
        write_buckets(path, full.FREQ, full.total)
        return _Buckets(path)
    except (OSError, ValueError, EOFError, TypeError):
        return None


# ---------------------------------------------------------------- words of a sentence

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
        jieba = _import_jieba()
        jieba.setLogLevel(60)
        self.tokenizer = jieba.Tokenizer()
        self.tokenizer.tmp_dir = tmp_dir
        self._tmp_dir = tmp_dir
        self._buckets: _Buckets | None = None
        self._seen: set[str] = set()  # first characters whose entries are in the dictionary
        self._all = False
        self._lock = threading.RLock()
        self._opened = False

    def _open(self) -> None:
        self._opened = True
        self._buckets = open_buckets(self._tmp_dir)
        if self._buckets is None:  # no cache: the whole dictionary
            self.load_all()
            return
        tk = self.tokenizer
        tk.FREQ, tk.total, tk.initialized = {}, self._buckets.total, True

    def _need(self, text: str) -> None:
        if self._all:
            return
        missing = set(text).difference(self._seen)
        if not missing:
            return
        with self._lock:
            if not self._opened:
                self._open()
                if self._all:
                    return
            freq = self.tokenizer.FREQ
            for ch in missing.difference(self._seen):
                words = self._buckets.words(ch)
                if words:
                    freq.update(words)
                self._seen.add(ch)

    def load_all(self) -> "Segmenter":
        """The whole dictionary now (before worker processes are forked to share it): the
        ``jieba`` module's own (loaded by ``jieba_module``) when the caches are jieba's."""
        with self._lock:
            if self._all:
                return self
            tk = self.tokenizer
            if self._tmp_dir is None:
                dt = jieba_module().dt
                tk.FREQ, tk.total = dt.FREQ, dt.total
            else:
                tk.FREQ, tk.initialized = {}, False
                _load(tk)
            tk.initialized = self._all = self._opened = True
            if self._buckets is not None:
                self._buckets.map.close()
                self._buckets = None
        return self

    def words(self, text: str) -> list[str]:
        """``jieba.lcut(text)`` with empty words dropped."""
        self._need(text)
        return [w for w in self.tokenizer.cut(text) if w]

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
