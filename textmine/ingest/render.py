"""Draw claims on a page image (pdfplumber ``page.to_image``) so an analyst can check them."""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Iterable

from ..errors import InputError
from ..types import Claim
from .pdf import _open

COLOURS = [(220, 40, 40), (30, 110, 220), (20, 150, 60), (200, 120, 0), (150, 50, 180)]


def claim_label(c: Claim) -> str:
    """A short ASCII label (the page font may lack CJK glyphs): value, unit when it is
    ASCII, else the claim kind."""
    v = c.value
    if isinstance(v, Decimal):
        v = format(v.normalize(), "f") if v == v.to_integral_value() else format(v, "f")
    unit = c.unit if c.unit and c.unit.isascii() else f"({c.kind})"
    return f"{v} {unit}".strip()


def _font(size: int):
    from PIL import ImageFont
    try:
        return ImageFont.load_default(size=size)
    except TypeError:  # Pillow < 10.1
        return ImageFont.load_default()


def draw_claims(img, claims: Iterable, page_no: int, scale: float) -> int:
    """Box and label, on ``img`` (a page rendered at ``scale`` pixels a point), each claim of
    page ``page_no`` (objects with ``page``, ``bbox``, ``value``, ``unit``, ``kind``); returns
    the number drawn."""
    from PIL import ImageDraw
    draw = ImageDraw.Draw(img, "RGBA")
    font = _font(max(10, int(7 * scale)))
    n = 0
    for c in claims:
        if c.page != page_no or c.bbox is None:
            continue
        colour = COLOURS[n % len(COLOURS)]
        x0, top, x1, bottom = (v * scale for v in c.bbox)
        draw.rectangle([x0, top, x1, bottom], outline=colour + (255,), width=2,
                       fill=colour + (40,))
        label = claim_label(c)
        tx, ty = x0, max(0, top - font.size - 2) if hasattr(font, "size") else top - 12
        box = draw.textbbox((tx, ty), label, font=font)
        draw.rectangle(box, fill=(255, 255, 255, 220))
        draw.text((tx, ty), label, fill=colour + (255,), font=font)
        n += 1
    return n


def render_claims_page(path: str | Path, page_no: int, claims: Iterable[Claim],
                       out: str | Path, *, password: str | None = None,
                       resolution: int = 110) -> int:
    """Write a PNG of page ``page_no`` (1-based) with each claim on it boxed and labelled;
    returns the number of boxes drawn."""
    from ..output import open_output
    from .limits import check_render

    pdf = _open(Path(path), password)
    try:
        if not 1 <= page_no <= len(pdf.pages):
            raise InputError(f"{path}: has {len(pdf.pages)} page(s), no page {page_no}")
        page = pdf.pages[page_no - 1]
        check_render(path, page_no, float(page.width), float(page.height), resolution)
        img = page.to_image(resolution=resolution).annotated.convert("RGB")
        n = draw_claims(img, claims, page_no, resolution / 72.0)
        with open_output(out, binary=True) as fh:  # atomic, as every output (-o)
            img.save(fh, format="PNG")
        page.close()
        return n
    finally:
        pdf.close()


def render_pages(path: str | Path, claims: list, *, password: str | None = None,
                 resolution: int = 110):
    """Every page of a PDF with its claims drawn (the ``show`` rendering), opened once:
    yields (page number, RGB image, (width, height) in points)."""
    from .limits import check_render
    pdf = _open(Path(path), password)
    try:
        for no, page in enumerate(pdf.pages, 1):
            check_render(path, no, float(page.width), float(page.height), resolution)
            img = page.to_image(resolution=resolution).annotated.convert("RGB")
            draw_claims(img, claims, no, resolution / 72.0)
            size = (float(page.width), float(page.height))
            page.close()
            yield no, img, size
    finally:
        pdf.close()
