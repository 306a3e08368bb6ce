"""Attribution on real reports: the five national work reports 2008-2012 against the project's
own answer key (tests/data/national_series_key.toml), their series across the reports, and
the checks over them (no restatement conflict is there to find; targets meet their outcomes).
Skipped without ../shared/eval (CI has it)."""
from __future__ import annotations

import tomllib
from collections import Counter
from pathlib import Path

import pytest

from _store_helpers import SHARED

REAL = SHARED / "eval" / "real"
SERIES_DIR = REAL / "national-series"
KEY = Path(__file__).parent / "data" / "national_series_key.toml"
PROVINCIAL_KEY = Path(__file__).parent / "data" / "provincial_key.toml"
FIELDS = ("period", "role", "region")
# measured when the key was written: period 83/85, role 85/85, region 85/85
FLOORS = {"period": 0.95, "role": 0.95, "region": 0.95}

pytestmark = pytest.mark.skipif(not SERIES_DIR.is_dir(), reason="no ../shared/eval national series")


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    """The reports ingested into one database, and each report's claims."""
    from textmine.api import Extractor
    from textmine.batch import DBSink, WorkOptions, run_batch
    from textmine.store.db import IndicatorDB
    paths = sorted(SERIES_DIR.glob("national-gov-*.txt"))
    ex = Extractor(classify=False)
    claims = {p.stem: ex.extract_file(p)[1] for p in paths}
    db = IndicatorDB(tmp_path_factory.mktemp("series") / "national.db")
    run_batch(paths, DBSink(db, "test"), options=WorkOptions(classify=False), jobs=1)
    yield claims, db
    db.close()


def _key(path: Path = KEY) -> list[dict]:
    return tomllib.loads(path.read_text(encoding="utf-8"))["figure"]


def _find(claims, fig):
    same = [c for c in claims[fig["doc"]] if c.text == fig["text"]]
    n = fig.get("n", 1)
    return same[n - 1] if len(same) >= n else None


def test_the_key_is_large_enough():
    figs = _key()
    assert len(figs) >= 60 and len({f["doc"] for f in figs}) == 5


def _score(claims, figs) -> tuple[dict, list[str]]:
    right, wrong = Counter(), []
    for fig in figs:
        c = _find(claims, fig)
        for f in FIELDS:
            got = getattr(c, f) if c is not None else None
            if got == fig[f]:
                right[f] += 1
            else:
                wrong.append(f"{fig['doc']} {fig['text']}: {f} {got!r}, key {fig[f]!r}")
    return {f: right[f] / len(figs) for f in FIELDS}, wrong


def test_period_role_region_against_the_key(extracted):
    shares, wrong = _score(extracted[0], _key())
    assert all(shares[f] >= FLOORS[f] for f in FIELDS), (shares, wrong)


def test_provincial_reports_against_their_key():
    """Regions from the header (宁夏回族自治区, 贵州省) and from a clause's subject (石嘴山),
    the 2025 review, the five-year review, the 十五五 targets and the 2026 tasks."""
    from textmine.api import Extractor
    figs = _key(PROVINCIAL_KEY)
    ex = Extractor(classify=False)
    claims = {doc: ex.extract_file(REAL / f"{doc}.txt")[1] for doc in {f["doc"] for f in figs}}
    shares, wrong = _score(claims, figs)
    assert len(figs) >= 25 and all(shares[f] >= FLOORS[f] for f in FIELDS), (shares, wrong)


# The series of six statistics across the reports: (period, text, document year).
SERIES = {
    ("GDP", "money"): [("2007", "24.66万亿元", 2008), ("2008", "超过３０万亿元", 2009),
                       ("2009", "３３．５万亿元", 2010), ("2010", "39.8万亿元", 2011),
                       ("2011", "47．2万亿元", 2012)],
    ("国内生产总值", "percent"): [("2007", "65.5%", 2008), ("2003/2007", "10.6%", 2008),
                               ("2006/2010", "11.2%", 2011), ("2008", "９％", 2009),
                               ("2009", "８．７％", 2010), ("2010", "10.3%", 2011),
                               ("2011", "9．2%", 2012)],
    ("城镇新增就业", "count"): [("2003/2007", "5100万人", 2008), ("2003/2007", "1000多万人", 2008),
                            ("2006/2010", "5771万人", 2011),
                            ("2008", "１１１３万人", 2009), ("2009", "１１０２万人", 2010),
                            ("2010", "1168万人", 2011), ("2011", "1221万人", 2012)],
    ("财政收入", "money"): [("2005", "3.16万亿元", 2011), ("2007", "5.13万亿元", 2008),
                          ("2008", "６．１３万亿元", 2009), ("2009", "６．８５万亿元", 2010),
                          ("2010", "8.31万亿元", 2011), ("2011", "10．37万亿元", 2012)],
    ("CPI", "percent"): [("2010", "控制在3.3%", 2011)],
    # (产量 and 总产量 after a streak of 粮食 are its output; 屡创历史新高 is no part of a name)
    ("粮食产量", "quantity"): [("2007", "50150万吨", 2008), ("2008", "５２８５０万吨", 2009),
                           ("2009", "５３０８２万吨", 2010), ("2010", "54641万吨", 2011),
                           ("2011", "57121万吨", 2012)],
}


@pytest.mark.parametrize("name,kind", list(SERIES))
def test_outcome_series_across_reports(extracted, name, kind):
    from textmine.store.series import series
    _, db = extracted
    rows = [r for r in series(db, name, region="全国", role="outcome") if r["kind"] == kind]
    got = sorted((r["period"], r["text"], int(r["doc"][-4:])) for r in rows)
    assert got == sorted(SERIES[(name, kind)])


def test_targets_of_the_series(extracted):
    """The yearly targets as stated, and judged by the next report's outcome."""
    from textmine.store.checks import run_checks
    from textmine.store.series import series
    _, db = extracted
    cpi = [(r["period"], r["text"]) for r in series(db, "居民消费价格", role="target")]
    assert ("2011", "控制在4%左右") in cpi and ("2012", "控制在4%左右") in cpi
    judged = {(a.claims[0]["indicator_key"], a.claims[0]["period"]): a.relation
              for a in run_checks(db, within=False).attainments}
    assert judged[("国内生产总值", "2010")] == "met"        # 8%左右 -> 10.3%
    assert judged[("国内生产总值", "2011")] == "met"        # 8%左右 -> 9.2%
    assert judged[("城镇新增就业", "2011")] == "met"        # 900万人以上 -> 1221万人
    assert judged[("居民消费价格", "2010")] == "met"        # 3%左右 ceiling -> 3.3%


def test_no_false_restatement_conflicts(extracted):
    """The five reports restate no figure differently: the check finds no conflict (an
    annual change and a five-year one, a target and its outcome, are never compared)."""
    from textmine.store.checks import run_checks
    _, db = extracted
    result = run_checks(db)
    assert [f.message for f in result.findings] == []
