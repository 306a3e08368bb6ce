"""jieba's dictionary, read quickly: whole, for the ``jieba`` module, or by first character,
for textmine's ``Segmenter``.

``jieba_module()`` returns the ``jieba`` module with its default dictionary loaded and its
start-up messages silenced. jieba keeps its prefix dictionary in a marshal cache
(``jieba.cache`` in the temp folder) and reads it with ``marshal.load(file)``, which reads the
9 MB file piece by piece: about 1.3 s. Reading the file in one call and ``marshal.loads`` on
the bytes gives the same dictionary in about 0.4 s. When there is no usable cache (first run,
another dictionary, an unexpected jieba), jieba's own ``initialize()`` runs, which builds and
writes the cache as before.

``open_buckets()`` opens textmine's cache of the same dictionary grouped by first character
(``textmine-jieba-*.cache`` beside jieba's, written once from jieba's own dictionary): each
entry as the log probability jieba computes for it (``log(freq) - log(total)``), ``None`` for
the prefixes jieba keeps with frequency 0. ``Buckets.words(ch)`` reads the entries that start
with ``ch``; the segmenter reads only those of the characters its texts hold.

``compiled_route()`` gives the segmenter rjieba's cut (jieba's algorithm in Rust, built with
the same dictionary file) when the installed jieba's dictionary is that file.
"""
from __future__ import annotations

import hashlib
import marshal
import mmap
import os
import sys
import tempfile
from math import log

CACHE_NAME = "jieba.cache"  # jieba's own name for the default dictionary's cache
# sha256 of jieba 0.42.1's dict.txt (unchanged since jieba 0.39), the file rjieba's words and
# frequencies are built from: its route is jieba's only over this dictionary
ROUTE_DICTIONARY = "7197c3211ddd98962b036cdf40324d1ea2bfaa12bd028e68faa70111a88e12a8"
BUCKETS_FORMAT = 2  # of textmine's cache of the dictionary grouped by first character
_HEAD = 8  # bytes: the length of the cache's index, before it
Entries = dict[str, "float | None"]


def import_jieba():
    """``import jieba`` without its ``import pkg_resources`` (0.1 s, and a deprecation
    warning on new setuptools): jieba then opens its files by path, which is what it does
    with what it reads from them anyway."""
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
    jieba = import_jieba()
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


def load_tokenizer(tokenizer) -> None:
    """``tokenizer``'s whole dictionary: from jieba's cache in one read, else jieba's way."""
    if not tokenizer.initialized:
        try:
            _load_cache(tokenizer)
        except AttributeError:  # a jieba with other internals: its own loader below
            pass
        tokenizer.initialize()  # no-op once loaded; else jieba builds (and caches) it


def jieba_module():
    """The ``jieba`` module, default dictionary loaded (once per process)."""
    jieba = import_jieba()
    jieba.setLogLevel(60)  # silence jieba's start-up messages
    load_tokenizer(jieba.dt)
    return jieba


def entries(freq: dict[str, int], total: int) -> tuple[float, Entries]:
    """(log of jieba's total, each entry's log probability as jieba's ``calc`` computes it:
    ``log(freq) - log(total)``, None for a prefix of frequency 0)."""
    logtotal = log(total)
    return logtotal, {w: (log(n) - logtotal if n else None) for w, n in freq.items()}


def buckets_path(tmp_dir: str | None = None) -> str:
    """Where the dictionary grouped by first character is cached: named after the jieba
    version and its dictionary file, so that another jieba writes a cache of its own."""
    jieba = import_jieba()
    try:
        st = os.stat(default_dictionary_file())
        stamp = f"{st.st_size}:{st.st_mtime_ns}"
    except (OSError, AttributeError):
        stamp = "?"
    key = f"{BUCKETS_FORMAT}:{getattr(jieba, '__version__', '?')}:{stamp}"
    name = f"textmine-jieba-{hashlib.sha1(key.encode()).hexdigest()[:12]}.cache"
    return os.path.join(tmp_dir or tempfile.gettempdir(), name)


def write_buckets(path: str, logtotal: float, words: Entries) -> None:
    """The cache: an 8-byte length, the marshalled index ``(logtotal, {char: (offset,
    length)})``, then one marshalled dict a first character (offsets after the index)."""
    groups: dict[str, Entries] = {}
    for word, w in words.items():
        groups.setdefault(word[0], {})[word] = w
    blobs, index, offset = [], {}, 0
    for ch, group in groups.items():
        blob = marshal.dumps(group)
        index[ch] = (offset, len(blob))
        blobs.append(blob)
        offset += len(blob)
    head = marshal.dumps((logtotal, index))
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


class Buckets:
    """An open cache: ``words(ch)`` reads the entries that start with ``ch``."""

    def __init__(self, path: str):
        with open(path, "rb") as fh:
            self.map = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
        try:
            n = int.from_bytes(self.map[:_HEAD], "little")
            self.logtotal, self.index = marshal.loads(self.map[_HEAD:_HEAD + n])
            self.base = _HEAD + n
            if not (isinstance(self.logtotal, float) and isinstance(self.index, dict)
                    and self.index):
                raise ValueError("not a dictionary cache")
            if self.base + max(a + b for a, b in self.index.values()) > len(self.map):
                raise ValueError("a truncated dictionary cache")
        except BaseException:
            self.map.close()
            raise

    def words(self, ch: str) -> Entries | None:
        where = self.index.get(ch)
        if where is None:
            return None
        off = self.base + where[0]
        return marshal.loads(self.map[off:off + where[1]])

    def close(self) -> None:
        self.map.close()


def full_dictionary(tmp_dir: str | None = None) -> tuple[float, Entries]:
    """jieba's whole default dictionary as ``entries`` (its caches in ``tmp_dir``)."""
    jieba = import_jieba()
    jieba.setLogLevel(60)  # silence jieba's messages (and its complaint when it cannot cache)
    if tmp_dir is None:
        dt = jieba_module().dt
        return entries(dt.FREQ, dt.total)
    full = jieba.Tokenizer()
    full.tmp_dir = tmp_dir
    load_tokenizer(full)
    return entries(full.FREQ, full.total)


def open_buckets(tmp_dir: str | None = None) -> Buckets | None:
    """The cache of jieba's default dictionary by first character, written first when
    missing or unreadable; None when it cannot be read or written."""
    path = buckets_path(tmp_dir)
    try:
        return Buckets(path)
    except (OSError, ValueError, EOFError, TypeError):
        pass
    try:
        write_buckets(path, *full_dictionary(tmp_dir))
        return Buckets(path)
    except (OSError, ValueError, EOFError, TypeError):
        return None


def default_dictionary_file() -> str:
    jieba = import_jieba()
    return os.path.join(os.path.dirname(jieba.__file__), jieba.DEFAULT_DICT_NAME)


def compiled_route():
    """``(cut, is_word)`` from rjieba when its dictionary is jieba's (the default dictionary
    file's digest is ``ROUTE_DICTIONARY``), else None: ``cut(text, False)`` is jieba's
    ``cut(text, HMM=False)`` (the route of highest probability; single letters and digits in a
    row joined, other single characters alone), ``is_word(w)`` whether ``w`` has a frequency
    above 0. Importing rjieba builds its dictionary (about 0.07 s, 30 MB)."""
    try:
        with open(default_dictionary_file(), "rb") as fh:
            if hashlib.sha256(fh.read()).hexdigest() != ROUTE_DICTIONARY:
                return None
        import rjieba
        return rjieba.cut, rjieba.has_word
    except (ImportError, OSError, AttributeError):
        return None
