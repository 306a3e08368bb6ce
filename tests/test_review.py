"""textmine review: one self-contained page with the text, its claims, the page images of a PDF
and check's findings. The page is checked as HTML here and in a real headless Chromium
(highlights, filters, links, console errors, a screenshot); those tests skip where Chromium or
playwright is missing."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

import cli
from _browser import Watched, browser
from _desk_helpers import planted_db
from textmine.api import Extractor
from textmine.review import render_review, review_files, review_stored

ROOT = Path(__file__).resolve().parents[1]
HOSTILE = '<script>alert(1)</script>'
REPORT = f"""西山县2020年扶贫协作工作简报
一、资金项目
全县到位帮扶资金3.2亿元，安排项目400个，已开工300个，开工率92%。
二、就业帮扶
组织劳务输出2600余人，新建扶贫车间15个，吸纳就业480人。
三、消费帮扶
销售扶贫产品1.5亿元，新设扶贫专柜42个。备注{HOSTILE}与"><img src=x onerror=alert(2)>共1份。
"""


@pytest.fixture(scope="module")
def ex():
    return Extractor(classify=False)


@pytest.fixture(scope="module")
def page_file(tmp_path_factory, ex):
    d = tmp_path_factory.mktemp("review")
    src = d / "xishan-2020.txt"
    src.write_text(REPORT, encoding="utf-8")
    out = d / "review.html"
    out.write_text(render_review(review_files([src], ex), title="西山 review"), encoding="utf-8")
    return out


def _ids(html: str, prefix: str) -> set[str]:
    return set(re.findall(rf'id="({prefix}[0-9-]+)"', html))


def test_page_is_self_contained_and_escaped(page_file):
    html = page_file.read_text(encoding="utf-8")
    assert HOSTILE not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert not re.search(r'(src|href)="(https?:)?//', html) and "@import" not in html
    # the JSON of the claims cannot close its script element
    data = html.split('id="claims-data">', 1)[1].split("</script>", 1)[0]
    assert "<" not in data
    assert html.count("<script") == 2  # the JSON and the page's own script, nothing else


def test_every_claim_is_marked_and_listed(page_file):
    html = page_file.read_text(encoding="utf-8")
    marks = set(re.findall(r'<mark class="c m-\w+" id="(c\d+)"', html))
    rows = set(re.findall(r'<tr id="r(\d+)"', html))
    assert len(rows) >= 10 and marks == {f"c{k}" for k in rows}
    for text in ("3.2亿元", "2600余人", "92%", "42个"):
        assert re.search(rf'<mark class="c m-other" id="c\d+" data-k="\d+">{re.escape(text)}</mark>', html)


def test_findings_link_to_their_sentences(page_file):
    html = page_file.read_text(encoding="utf-8")
    links = re.findall(r'<li class="finding">.*?</li></ul></li>', html)
    assert links, "the rate 92% of 300 of 400 projects is a finding"
    targets = set(re.findall(r'href="#(s[0-9-]+)"', links[0]))
    assert targets and targets <= _ids(html, "s")


def test_pdf_pages_with_claim_boxes(tmp_path, ex):
    review = review_files([ROOT / "examples" / "bulletin.pdf"], ex)
    d = review.docs[0]
    assert [p.page for p in d.pages] == list(range(1, len(d.pages) + 1)) and d.pages
    html = render_review(review)
    boxes = re.findall(r'<a class="box" href="#c(\d+)" data-k="\1"', html)
    with_box = sum(1 for r in d.records if r.get("bbox"))
    assert len(boxes) == with_box > 20
    assert html.count('src="data:image/jpeg;base64,') == len(d.pages)


def test_stored_document_review(tmp_path):
    db = planted_db(tmp_path / "r.db")
    try:
        review = review_stored(db, ["p3"])
    finally:
        db.close()
    assert [d.doc_id for d in review.docs] == ["p3"] and review.docs[0].blocks is None
    html = render_review(review)
    assert len(review.findings) == 3  # the three within-report findings of p3
    targets = set(re.findall(r'<li class="finding">.*?</ol>', html, re.S)[0].split('href="#')[1:])
    assert {t.split('"')[0] for t in targets} <= _ids(html, "s")
    assert "The database keeps the sentences that hold claims" in html


def test_cli_review(tmp_path):
    src = tmp_path / "xishan-2020.txt"
    src.write_text(REPORT, encoding="utf-8")
    out = tmp_path / "r.html"
    r = CliRunner().invoke(cli.main, ["review", str(src), "--no-classify", "-o", str(out)])
    assert r.exit_code == 0, r.output
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert f"-> {out}" in r.stderr
    r = CliRunner().invoke(cli.main, ["review"])
    assert r.exit_code == 2 and "--db DB" in r.output
    r = CliRunner().invoke(cli.main, ["review", str(tmp_path / "none.txt"), "-o", str(out)])
    assert r.exit_code == 1 and "none.txt: no such file" in r.stderr


def test_cli_review_db(tmp_path):
    planted_db(tmp_path / "r.db").close()
    out = tmp_path / "r.html"
    r = CliRunner().invoke(cli.main, ["review", "--db", str(tmp_path / "r.db"), "-o", str(out)])
    assert r.exit_code == 0, r.output
    assert "5 document(s)" in r.stderr and out.stat().st_size > 0
    r = CliRunner().invoke(cli.main, ["review", "--db", str(tmp_path / "r.db"), "nope"])
    assert r.exit_code == 1 and "nope: no such document" in r.stderr


# ---------------------------------------------------------------- in the browser

@pytest.fixture(scope="module")
def chromium():
    with browser() as b:
        yield b


@pytest.fixture
def opened(chromium, page_file):
    page = chromium.new_page(viewport={"width": 1400, "height": 900})
    w = Watched(page)
    page.goto(page_file.as_uri())
    page.wait_for_selector("html[data-ready='1']")
    yield w
    page.close()


def test_browser_no_errors_no_network_no_script_from_text(opened):
    p = opened.page
    assert opened.errors == [] and opened.dialogs == []
    assert all(u.startswith(("file:", "data:")) for u in opened.requests)
    assert HOSTILE in p.inner_text("article.doc")  # shown as text


def test_browser_hover_shows_the_claim(opened):
    p = opened.page
    mark = p.locator("mark.c", has_text="3.2亿元")
    mark.hover()
    tip = p.locator("#tip")
    assert tip.is_visible()
    text = tip.inner_text()
    for word in ("3.2亿元 (money)", "320000000", "元", "exact", "period", "role", "region",
                 "indicator"):
        assert word in text, word


def test_browser_filters(opened):
    p = opened.page
    total = p.locator("#claims tbody tr").count()
    p.select_option("#f-kind", "money")
    visible = p.locator("#claims tbody tr:visible")
    assert 0 < visible.count() < total
    assert set(visible.locator("td:nth-child(4)").all_inner_texts()) == {"money"}
    assert p.locator("#count").inner_text() == f"{visible.count()} of {total} claims"
    # the claims filtered out are dimmed in the text
    assert p.locator("mark.c.dim", has_text="400个").count() == 1
    assert p.locator("mark.c.dim", has_text="3.2亿元").count() == 0
    p.select_option("#f-kind", "")
    p.fill("#f-indicator", "扶贫专柜")
    assert p.locator("#claims tbody tr:visible").all_inner_texts()[0].startswith("42个")
    p.fill("#f-indicator", "")
    p.select_option("#f-measure", "employment")
    assert p.locator("#claims tbody tr:visible").count() == 0  # classified off: all other
    p.select_option("#f-measure", "other")
    assert p.locator("#claims tbody tr:visible").count() == total


def test_browser_links_jump(opened):
    p = opened.page
    p.locator("#claims a", has_text="42个").click()
    target = p.evaluate("location.hash")
    assert re.fullmatch(r"#c\d+", target)
    assert p.evaluate("document.querySelector(':target').textContent") == "42个"
    assert p.locator(target).is_visible() and "flash" in p.locator(target).get_attribute("class")
    p.locator("#findings a").first.click()
    sid = p.evaluate("location.hash")
    assert re.fullmatch(r"#s\d+-\d+", sid)
    assert "92%" in p.locator(sid).inner_text()
    box = p.locator(sid).bounding_box()
    assert box is not None and 0 <= box["y"] < 900  # scrolled into view


def test_browser_screenshot(opened, tmp_path):
    from PIL import Image
    shot = tmp_path / "review.png"
    opened.page.screenshot(path=str(shot))
    img = Image.open(shot).convert("RGB")
    assert img.size == (1400, 900)
    colours = img.getcolors(maxcolors=1 << 20)
    assert len(colours) > 50  # text, marks and table, not a blank page
    # the marks of measure "other" (#e6e6e6) are in the text (the legend also has the colour)
    b = opened.page.locator("article.doc .text").bounding_box()
    text = img.crop((int(b["x"]), int(b["y"]), int(b["x"] + b["width"]),
                     int(min(900, b["y"] + b["height"]))))
    n_marked = sum(n for n, c in text.getcolors(maxcolors=1 << 20) if c == (0xE6, 0xE6, 0xE6))
    assert n_marked > 2000  # pixels: about ten marks of a dozen characters' area
