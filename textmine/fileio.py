"""Files as textmine reads and names them: content hashes, file names as text."""
from __future__ import annotations

import hashlib
from pathlib import Path


def name_text(name: str) -> str:
    """A file name as text that any UTF-8 writer takes: the bytes of a name that is not
    UTF-8 (decoded by Python with surrogateescape) as ``\\xff`` escapes."""
    try:
        name.encode("utf-8")
        return name
    except UnicodeEncodeError:
        pass
    try:
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:  # a surrogate that is no escaped byte
        return name.encode("utf-8", "backslashreplace").decode("utf-8")


def sha256_file(path: str | Path) -> str:
    """Hex SHA-256 of a file's bytes, read in 1 MiB chunks."""
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()
