"""Pages without a usable text layer, read by OCR into the same glyphs a text layer gives.

    pip install 'textmine[ocr]'     # rapidocr-onnxruntime: PP-OCR Chinese models in its wheel

A page is rendered with pypdfium2 (installed with pdfplumber) and recognised by RapidOCR
(PP-OCR detection and recognition on onnxruntime, one thread: pages run in parallel
through ``--jobs``). Each recognised character becomes a ``Glyph`` with its box in PDF
points, so the page then goes through the same layout, column and table code as a text
layer (``page.layout_page``); each text line keeps the recogniser's confidence, which the
claims read back from their characters' boxes. Nothing is downloaded at run time: the
models ship inside the package.
"""
from __future__ import annotations

import importlib.util
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from ..errors import IngestError
from ..types import BBox
from .columns import Glyph

INSTALL = "pip install 'textmine[ocr]'"
SCALE = 2.0          # pixels per PDF point when a page is rendered (144 dpi)
DET_SCALE = 1.5      # ... and when its text lines are looked for (a smaller copy: 0.56x the pixels)
DET_MAX_SIDE = 2000  # pixels, at most, of the copy's longer side
INK_GREY = 160       # pixels darker than this (of 255) are ink, when a line's box is trimmed to it
MIN_SCORE = 0.5      # lines recognised with less confidence are dropped
REC_HEIGHT = 48      # pixels high a line is recognised at (the model's own: lower, narrow digits
                     # and separators are lost, 3,260 read as 3,2 at 32 pixels)
REC_STRIDE = 8       # input pixels per step of the recogniser's output (where characters fall)
SAME_SIZE = 0.12     # line sizes this close are one size (recognised boxes jitter)
MODES = ("auto", "always", "never")


def available() -> bool:
    """Whether the OCR engine is installed (the ``ocr`` extra)."""
    return importlib.util.find_spec("rapidocr_onnxruntime") is not None


@lru_cache(maxsize=1)
def _engine():
    """The detector and recogniser, loaded once per process, on one thread. Lines are
    recognised REC_HEIGHT pixels high, one at a time (a batch of lines costs more than the
    lines alone), none padded wider than it is; no classifier for lines upside down (pages
    are rendered upright)."""
    import cv2
    from rapidocr_onnxruntime import RapidOCR
    cv2.setNumThreads(1)  # one thread a worker: cutting out lines in parallel only fights them
    return RapidOCR(intra_op_num_threads=1, inter_op_num_threads=1, rec_batch_num=1,
                    use_cls=False, rec_img_shape=[3, REC_HEIGHT, REC_HEIGHT])


@dataclass
class OcrLine:
    """A recognised line: its box in PDF points, text and confidence."""

    bbox: BBox
    text: str
    confidence: float


@dataclass
class OcrPage:
    glyphs: list[Glyph]
    lines: list[OcrLine]


class Renderer:
    """Renders pages of one PDF with pypdfium2 (opened when the first page is needed)."""

    def __init__(self, path, password: str | None = None, scale: float = SCALE):
        self.path, self.password, self.scale = path, password, scale
        self._pdf = None

    def image(self, index: int):
        """Page ``index`` (0-based) as a BGR pixel array."""
        import numpy as np
        import pypdfium2
        if self._pdf is None:
            try:
                self._pdf = pypdfium2.PdfDocument(str(self.path), password=self.password or None)
            except pypdfium2.PdfiumError as e:
                raise IngestError(f"{self.path}: cannot render pages for OCR ({e})") from None
        page = self._pdf[index]
        try:
            pil = page.render(scale=self.scale).to_pil().convert("RGB")
        finally:
            page.close()
        return np.asarray(pil)[:, :, ::-1].copy()

    def close(self) -> None:
        if self._pdf is not None:
            self._pdf.close()
            self._pdf = None


def recognise(image, scale: float = SCALE) -> OcrPage:
    """The characters of a page image (pixels at ``scale`` per point) as glyphs in points."""
    import numpy as np
    lines: list[OcrLine] = []
    raw: list[list[tuple[str, BBox]]] = []
    ink = np.asarray(image).min(axis=2) < INK_GREY
    for quad, text, score, spans in _read_lines(image):
        xs, ys = [p[0] / scale for p in quad], [p[1] / scale for p in quad]
        lines.append(OcrLine((min(xs), min(ys), max(xs), max(ys)), text, score))
        top, bottom = _inked_rows(ink, quad)
        raw.append(_char_boxes([(ch, x0 / scale, x1 / scale) for ch, x0, x1 in spans],
                               lines[-1].bbox, (top / scale, bottom / scale)))
    sizes = _sizes(raw, lines)
    glyphs = [Glyph(ch, b[0], b[1], b[2], b[3], size)
              for chars, size in zip(raw, sizes) for ch, b in chars]
    return OcrPage(glyphs, lines)


def _inked_rows(ink, quad) -> tuple[float, float]:
    """The top and bottom (pixels) of the ink inside a detected line's box: the box has a
    margin round its characters, and its characters should not (the text layer's boxes are
    the font's height). Rules crossing the box (a table's) are not ink of its characters:
    rows and columns inked nearly all along."""
    x0, x1 = int(min(p[0] for p in quad)), int(max(p[0] for p in quad)) + 1
    y0, y1 = max(0, int(min(p[1] for p in quad))), int(max(p[1] for p in quad)) + 1
    box = ink[y0:max(y0, y1), max(0, x0):max(0, x1)]
    if box.size:
        box = box[:, box.mean(axis=0) < 0.8]
    filled = box.mean(axis=1) if box.size else box.sum(axis=1)
    rows = ((filled > 0) & (filled < 0.8)).nonzero()[0]
    if len(rows) == 0:
        return float(y0), float(y1)
    return float(y0 + rows[0]), float(y0 + rows[-1] + 1)


def _read_lines(image) -> list[tuple[list, str, float, list[tuple[str, float, float]]]]:
    """The text lines of a page image: lines looked for on a copy at DET_SCALE (at most
    DET_MAX_SIDE pixels), cut from the image itself and recognised; per line its corners,
    text, confidence and each character's span across it (pixels)."""
    import cv2
    import numpy as np
    engine = _engine()
    factor = min(DET_SCALE / SCALE, DET_MAX_SIDE / max(image.shape[:2]))
    small = cv2.resize(image, None, fx=factor, fy=factor, interpolation=cv2.INTER_AREA)
    found, _ = engine.text_det(small)
    if found is None or len(found) == 0:
        return []
    quads = engine.sorted_boxes(np.asarray(found, dtype=np.float32) / factor)
    read, _ = engine.text_rec(engine.get_crop_img_list(image, quads), True)
    out = []
    for quad, (text, score, info) in zip(quads, read):
        if score >= MIN_SCORE and text.strip():
            x0, x1 = float(quad[:, 0].min()), float(quad[:, 0].max())
            wide = max(np.linalg.norm(quad[0] - quad[1]), np.linalg.norm(quad[2] - quad[3]))
            high = max(np.linalg.norm(quad[0] - quad[3]), np.linalg.norm(quad[1] - quad[2]))
            turned = high >= 1.5 * wide  # cut out turned upright (get_crop_img_list)
            out.append((quad.tolist(), text, float(score),
                        _spans(text, info, x0, x1, even=turned)))
    return out


def _spans(text: str, info: list, x0: float, x1: float, even: bool = False
           ) -> list[tuple[str, float, float]]:
    """Each character's span across its line (x0 to x1): centred on the recogniser's output
    step that read it, as wide as the steps between characters of its kind (Chinese; other)
    are on average; shared out evenly without that (``even``: a line turned upright)."""
    steps, words, cols, kinds = info[0], info[1], info[2], info[3]
    flat = [(ch, col, kind) for w, c, kind in zip(words, cols, kinds) for ch, col in zip(w, c)]
    if even or not steps or len(flat) != len(text):
        step = (x1 - x0) / max(1, len(text))
        return [(ch, x0 + k * step, x0 + (k + 1) * step) for k, ch in enumerate(text)]
    cell = (x1 - x0) / steps
    width = {}
    for kind in set(kinds):
        gaps = [(c[-1] - c[0]) / (len(c) - 1) for c, k in zip(cols, kinds) if k == kind and len(c) > 1]
        width[kind] = cell * sum(gaps) / len(gaps) if gaps else (x1 - x0) / len(text)
    out = []
    for ch, col, kind in flat:
        mid = x0 + (col + 0.5) * cell
        out.append([ch, max(x0, mid - width[kind] / 2), min(x1, mid + width[kind] / 2)])
    for a, b in zip(out, out[1:]):  # neighbours that overlap meet half way
        if a[2] > b[1]:
            a[2] = b[1] = (a[2] + b[1]) / 2
    return [(ch, a, b) for ch, a, b in out]


def _char_boxes(spans: list[tuple[str, float, float]], line: BBox,
                inked: tuple[float, float]) -> list[tuple[str, BBox]]:
    """One box per character, top and bottom those of the line's ink (``inked``), small gaps inside the line
    closed so that the line stays one run of text. Between two letters or digits a gap stays
    (a blank: 表1 2020年) where the recognised text has one, or where it is wider than the
    spans can be off (two steps of the recogniser's output; a quarter em at least)."""
    em = line[3] - line[1]
    blank = max(0.25 * em, 2 * REC_STRIDE * em / REC_HEIGHT)
    chars: list[tuple[str, list[float]]] = []
    spaced = []
    for ch, a, b in spans:
        if ch.isspace():
            if spaced:
                spaced[-1] = True
            continue
        chars.append((ch, [a, b]))
        spaced.append(False)
    for (ca, a), (cb, b), space in zip(chars, chars[1:], spaced):
        gap = b[0] - a[1]
        if ca.isascii() and ca.isalnum() and cb.isascii() and cb.isalnum() \
                and (space or gap > blank):
            continue  # a blank between two words or numbers (表1 2020年) stays
        if 0 < gap < 1.2 * em:
            a[1] = b[0] = (a[1] + b[0]) / 2
    return [(ch, (x[0], inked[0], x[1], inked[1])) for ch, x in chars]


def _sizes(chars: list[list[tuple[str, BBox]]], lines: list[OcrLine]) -> list[float]:
    """A font size per line: its width over its characters (a Chinese character or a
    full-width sign one em, any other half an em), or for a short line its height. The
    estimates jitter, so close ones are grouped (each within SAME_SIZE of the group's
    smallest, neighbours within a third of that) and a group takes the middle size of its
    characters: body lines get one size, and only clearly larger lines are headings."""
    raw = []
    for cs, ln in zip(chars, lines):
        ems = sum(1.0 if unicodedata.east_asian_width(ch) in "WF" else 0.55 for ch, _ in cs)
        width = cs[-1][1][2] - cs[0][1][0] if cs else 0.0
        raw.append(width / ems if ems >= 6 else 0.9 * (ln.bbox[3] - ln.bbox[1]))
    out = [0.0] * len(raw)
    group: list[int] = []
    for i in sorted(range(len(raw)), key=raw.__getitem__):
        if group and (raw[i] > raw[group[0]] * (1 + SAME_SIZE)
                      or raw[i] > raw[group[-1]] * (1 + SAME_SIZE / 3)):
            _settle(group, raw, chars, out)
            group = []
        group.append(i)
    _settle(group, raw, chars, out)
    return out


def _settle(group: list[int], raw: list[float], chars: list, out: list[float]) -> None:
    """The group's lines all get the size most of its characters have (to half a point)."""
    if not group:
        return
    weighted = sorted((raw[i], len(chars[i])) for i in group)
    half, acc = sum(n for _, n in weighted) / 2, 0
    size = weighted[-1][0]
    for s, n in weighted:
        acc += n
        if acc >= half:
            size = s
            break
    for i in group:
        out[i] = round(size * 2) / 2


RULE_MIN_PT = 20.0    # a dark run this long (points) may be a rule; strokes of characters are shorter
RULE_MAX_PT = 2.5     # ... and a rule is at most this thick
RULE_GREY = 190       # rules are often printed grey: darker than this (of 255) counts


def rules(image, scale: float = SCALE) -> tuple[list[BBox], list[BBox]]:
    """Horizontal and vertical rules printed in a page image (table borders, the rule under
    a running header), in points: long thin runs of dark pixels."""
    import numpy as np
    grey = np.asarray(image).mean(axis=2) if np.ndim(image) == 3 else np.asarray(image)
    dark = grey < RULE_GREY
    horiz = [(x0 / scale, y0 / scale, x1 / scale, y1 / scale)
             for y0, x0, y1, x1 in _rule_runs(dark, scale)]
    vert = [(x0 / scale, y0 / scale, x1 / scale, y1 / scale)
            for x0, y0, x1, y1 in _rule_runs(dark.T, scale)]
    return horiz, vert


def _rule_runs(dark, scale: float) -> list[tuple[int, int, int, int]]:
    """Runs along each row of at least RULE_MIN_PT, stacked into lines at most RULE_MAX_PT
    thick: (row0, col0, row1, col1) in pixels."""
    import numpy as np
    edge = np.diff(np.pad(dark, ((0, 0), (1, 1))).astype(np.int8), axis=1)
    rows, starts = np.nonzero(edge == 1)
    _, ends = np.nonzero(edge == -1)
    keep = ends - starts >= RULE_MIN_PT * scale
    lines: list[list[int]] = []  # [row0, col0, row1, col1]
    open_: dict[int, list[int]] = {}
    for r, a, b in zip(rows[keep].tolist(), starts[keep].tolist(), ends[keep].tolist()):
        key = next((k for k in (a // 8, a // 8 - 1, a // 8 + 1) if k in open_
                    and open_[k][2] >= r - 1 and abs(open_[k][3] - b) <= 8), None)
        if key is not None:
            ln = open_.pop(key)
            ln[2], ln[1], ln[3] = r, min(ln[1], a), max(ln[3], b)
        else:
            ln = [r, a, r, b]
            lines.append(ln)
        open_[a // 8] = ln
    return [(r0, c0, r1 + 1, c1) for r0, c0, r1, c1 in lines if r1 + 1 - r0 <= RULE_MAX_PT * scale]


def rule_edges(horiz: list[BBox], vert: list[BBox]) -> list[dict]:
    """The rules as pdfplumber's edges (what its table finder reads)."""
    out = []
    for x0, top, x1, bottom in horiz:
        y = (top + bottom) / 2
        out.append({"x0": x0, "x1": x1, "top": y, "bottom": y, "width": x1 - x0, "height": 0,
                    "orientation": "h", "object_type": "line"})
    for x0, top, x1, bottom in vert:
        x = (x0 + x1) / 2
        out.append({"x0": x, "x1": x, "top": top, "bottom": bottom, "width": 0,
                    "height": bottom - top, "orientation": "v", "object_type": "line"})
    return out


def confidences(boxes, lines: list[OcrLine]) -> tuple[float | None, ...]:
    """Per character (by its box), the confidence of the recognised line it came from."""
    out = []
    for b in boxes:
        if b is None:
            out.append(None)
            continue
        cx, cy = (b[0] + b[2]) / 2, (b[1] + b[3]) / 2
        out.append(next((ln.confidence for ln in lines if ln.bbox[0] - 1 <= cx <= ln.bbox[2] + 1
                         and ln.bbox[1] - 1 <= cy <= ln.bbox[3] + 1), None))
    return tuple(out)
