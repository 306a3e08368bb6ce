"""jieba, loaded once and quickly: ``jieba_module()`` returns the ``jieba`` module with its
default dictionary loaded and its start-up messages silenced.

jieba keeps its prefix dictionary in a marshal cache (``jieba.cache`` in the temp folder) and
reads it with ``marshal.load(file)``, which reads the 9 MB file piece by piece: about 1.3 s,
the largest single cost of textmine's start-up. Reading the file in one call and
``marshal.loads`` on the bytes gives the same dictionary in about 0.4 s. When there is no
usable cache (first run, another dictionary, an unexpected jieba), jieba's own
``initialize()`` runs, which builds and writes the cache as before.
"""
from __future__ import annotations

import marshal
import os
import tempfile

CACHE_NAME = "jieba.cache"  # jieba's own name for the default dictionary's cache


def _load_cache(tokenizer) -> bool:
    """Fill ``tokenizer`` (a ``jieba.Tokenizer`` on the default dictionary) from jieba's
    cache file; False if it has none that reads as ``(dict, int)``."""
    import jieba
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


def jieba_module():
    """The ``jieba`` module, default dictionary loaded (once per process)."""
    import jieba
    jieba.setLogLevel(60)  # silence jieba's start-up messages
    dt = jieba.dt
    if not dt.initialized:
        try:
            _load_cache(dt)
        except AttributeError:  # a jieba with other internals: its own loader below
            pass
        dt.initialize()  # no-op once loaded; else jieba builds (and caches) the dictionary
    return jieba
