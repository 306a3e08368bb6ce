"""Which reader a file needs (PDF, Word, HTML, text), what a folder holds that textmine does
not read, and the one-line refusal of known formats it does not read. The suffixes and magic
bytes are data: ``textmine/data/formats.toml``.

    >>> reader_name(Path("report.docx"), b"PK\\x03\\x04...")      # doctest: +SKIP
    'docx'
    >>> reader_name(Path("report.doc"), b"\\xd0\\xcf\\x11\\xe0")      # doctest: +SKIP
    InputError: report.doc: unsupported format: .doc (Word 97-2003 document) (convert to PDF or DOCX)
"""
from __future__ import annotations

import tomllib
import zipfile
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Iterable

from ..errors import InputError
from ..fileio import glob_files, walk

CONVERT = "convert to PDF or DOCX"
_HTML_START = (b"<!doctype html", b"<html", b"<head", b"<body", b"<meta")


@cache
def _formats() -> dict:
    text = resources.files("textmine").joinpath("data", "formats.toml").read_text(encoding="utf-8")
    data = tomllib.loads(text)
    data["magic"] = {bytes.fromhex(k): v for k, v in data["magic"].items()}
    return data


def unsupported(path: Path, what: str) -> InputError:
    return InputError(f"{path}: unsupported format: {what} ({CONVERT})")


def _by_magic(path: Path, head: bytes) -> str | None:
    for magic, name in _formats()["magic"].items():
        if head.startswith(magic):
            if name.startswith("unsupported:"):
                raise unsupported(path, name.split(":", 1)[1])
            return name
    return None


def _zip_reader(path: Path) -> str:
    """``docx`` for a Word document under another name; else the ZIP is refused."""
    try:
        with zipfile.ZipFile(path) as z:
            names = set(z.namelist())
    except (zipfile.BadZipFile, OSError):
        raise unsupported(path, "ZIP archive (damaged)") from None
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        raise unsupported(path, "Excel workbook")
    if "ppt/presentation.xml" in names:
        raise unsupported(path, "PowerPoint presentation")
    raise unsupported(path, "ZIP archive (unpack it first)")


def reader_name(path: Path, head: bytes) -> str:
    """``pdf``, ``docx``, ``html`` or ``text`` for a file that starts with ``head``; an
    InputError for a format textmine does not read. A PDF is a PDF under any name; otherwise
    the suffix decides, and the leading bytes where the suffix is unknown."""
    f = _formats()
    suffix = path.suffix.lower()
    if head.lstrip().startswith(b"%PDF"):
        return "pdf"
    if suffix in f["read"]:
        return f["read"][suffix]
    if suffix in f["unsupported"]:
        raise unsupported(path, f["unsupported"][suffix])
    name = _by_magic(path, head)
    if name == "zip":
        return _zip_reader(path)
    if name is not None:
        return name
    if head.lstrip(b"\xef\xbb\xbf \t\r\n").lower().startswith(_HTML_START):
        return "html"
    return "text"


def folder_reason(path: Path) -> str | None:
    """None when a folder walk takes ``path``; else why it is skipped."""
    f = _formats()
    suffix = path.suffix.lower()
    if suffix in f["read"]:
        return None
    if suffix in f["unsupported"]:
        return f"unsupported format: {f['unsupported'][suffix]} ({CONVERT})"
    kinds = ", ".join(sorted(set(f["read"])))
    return (f"not a report format ({suffix or 'no suffix'}; textmine reads {kinds}; "
            "name the file itself to read it as text)")


@dataclass
class Inputs:
    """The files of a run, what folders held that is not read, and the folders that could
    not be read (each with its path and reason)."""

    files: list[Path] = field(default_factory=list)
    skipped: list[tuple[Path, str]] = field(default_factory=list)
    unreadable: list[tuple[Path, str]] = field(default_factory=list)


def _walk(folder: Path, inputs: Inputs) -> list[Path]:
    found = []
    # hidden files and folders (.git, .DS_Store) are not reports; links are followed, never
    # into a folder walked already (fileio.walk)
    for f in walk(folder, inputs.unreadable):
        reason = folder_reason(f)
        if reason is None:
            found.append(f)
        else:
            inputs.skipped.append((f, reason))
    return found


def scan_inputs(paths: Iterable[str | Path]) -> Inputs:
    """Folders expanded into the files textmine reads (sorted; the others listed as skipped
    with their reason), glob patterns the shell did not expand (``"archive/**/*.pdf"``) into
    the files they match; files named as given (read whatever their suffix, or refused)."""
    import glob

    inputs = Inputs()
    for p in map(Path, paths):
        if not p.exists() and glob.has_magic(str(p)):
            found = glob_files(str(p), inputs.unreadable)
        elif p.is_dir():
            found = _walk(p, inputs)
        else:
            found = [p]
        # a folder or pattern with nothing to read stays as given: reading it says why
        inputs.files.extend(found or [p])
    return inputs
