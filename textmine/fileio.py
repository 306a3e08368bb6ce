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


def walk(folder: str | Path, errors: list[tuple[Path, str]] | None = None,
         hidden: bool = False) -> list[Path]:
    """Every file under ``folder`` (sorted), following symbolic links to folders but never
    into a folder already walked (its device and inode), so that links to a parent or to
    itself cannot make the walk endless; a folder that cannot be read goes to ``errors``
    as (path, reason). Names starting with a dot are left out unless ``hidden``."""
    import os
    out: list[Path] = []
    seen: set[tuple[int, int]] = set()

    def visit(d: Path) -> None:
        try:
            st = os.stat(d)
            if (st.st_dev, st.st_ino) in seen:
                return
            seen.add((st.st_dev, st.st_ino))
            entries = sorted(os.scandir(d), key=lambda e: e.name)
        except OSError as e:
            if errors is not None:
                errors.append((d, f"cannot read the folder ({e.strerror or e})"))
            return
        for e in entries:
            if e.name.startswith(".") and not hidden:
                continue
            p = d / e.name
            try:
                is_dir = e.is_dir()  # follows a link
            except OSError:
                is_dir = False
            if is_dir:
                visit(p)
            elif e.is_file():
                out.append(p)

    visit(Path(folder))
    return out


def glob_files(pattern: str, errors: list[tuple[Path, str]] | None = None) -> list[Path]:
    """The files a glob pattern matches (``**`` any depth, ``*``, ``?``, ``[...]`` within a
    name; sorted), walked as ``walk`` does: links followed, loops never entered, unreadable
    folders in ``errors``. The part before the first wildcard is the folder walked."""
    import re
    parts = Path(pattern).parts
    base_parts: list[str] = []
    for part in parts:
        if any(c in part for c in "*?["):
            break
        base_parts.append(part)
    base = Path(*base_parts) if base_parts else Path(".")
    rest = parts[len(base_parts):]
    rx = re.compile(_glob_regex(rest))
    hidden = any(p.startswith(".") for p in rest)
    return [f for f in walk(base, errors, hidden=hidden)
            if rx.fullmatch("/".join(f.relative_to(base).parts))]


def _glob_regex(parts) -> str:
    out = []
    for i, part in enumerate(parts):
        last = i == len(parts) - 1
        if part == "**":
            out.append(".*" if last else "(?:[^/]+/)*")
        else:
            out.append(_segment(part) + ("" if last else "/"))
    return "".join(out)


def _segment(part: str) -> str:
    """One name of a glob pattern as a regular expression that never crosses a ``/``."""
    import re
    out, i = [], 0
    while i < len(part):
        c = part[i]
        if c == "*":
            out.append("[^/]*")
        elif c == "?":
            out.append("[^/]")
        elif c == "[":
            j = part.find("]", i + 2 if part[i + 1:i + 2] in ("!", "]") else i + 1)
            if j < 0:
                out.append(re.escape(c))
            else:
                body = part[i + 1:j]
                body = "^" + body[1:] if body.startswith("!") else body
                out.append("[" + body.replace("\\", "\\\\") + "]")
                i = j
        else:
            out.append(re.escape(c))
        i += 1
    return "".join(out)
