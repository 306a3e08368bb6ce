"""The notebook API: textmine.open_db(...) -> DataFrames; Claim values as floats."""
from __future__ import annotations

from decimal import Decimal

import pytest

import textmine
from _desk_helpers import planted_db
from _store_helpers import fixtures_module
from textmine.errors import ConfigError, StoreError

pd = pytest.importorskip("pandas", reason="pandas is not installed (textmine[notebook])")


@pytest.fixture
def dbp(tmp_path):
    planted_db(tmp_path / "n.db").close()
    return tmp_path / "n.db"


def test_claims_frame_numbers_and_filters(dbp):
    with textmine.open_db(dbp) as db:
        df = db.claims()
        planted = sum(len(r.claims()) for r in fixtures_module().planted_reports()[0])
        assert len(df) == planted and list(df.columns[:6]) == ["doc", "page", "text", "kind", "value",
                                                           "value_text"]
        assert df["value"].dtype == "float64" and df["lower"].dtype == "float64"
        money = db.claims(kind="money", min_value="1亿", max_value="100亿")
        assert sorted(money["text"]) == sorted(["54.52亿元", "54.5亿元", "21.3亿元", "2亿多元", "2.6亿元"])
        assert money["value"].sum() == pytest.approx(5452e6 + 5450e6 + 2130e6 + 200e6 + 260e6)
        dates = db.claims(kind="date")
        assert dates["value"].isna().all() and set(dates["value_text"]) == {"2020-06", "2020-01/2020-06"}
        assert len(db.claims(doc="p4", limit=2)) == 2


def test_exact_text_is_kept(dbp):
    with textmine.open_db(dbp) as db:
        row = db.claims(indicator="到位帮扶资金", doc="p1").iloc[0]
        assert row["value_text"] == "5452000000" and row["value"] == 5452000000.0


def test_bad_filters_raise_with_the_valid_values(dbp):
    with textmine.open_db(dbp) as db:
        with pytest.raises(ConfigError, match="employment"):
            db.claims(measure="jobs")
        with pytest.raises(ConfigError, match="unknown filter colour"):
            db.claims(colour="red")
        with pytest.raises(ConfigError, match="not an amount"):
            db.claims(min_value="很多")


def test_empty_result_has_the_columns(dbp):
    with textmine.open_db(dbp) as db:
        df = db.claims(doc="nope")
        assert df.empty and "value" in df.columns and "indicator_key" in df.columns


def test_findings_frame(dbp):
    with textmine.open_db(dbp) as db:
        f = db.findings()
    assert list(f.columns[:4]) == ["finding", "type", "relation", "message"]
    assert f["finding"].nunique() == 6  # the planted reports' six findings
    assert set(f["type"]) == {"between_reports", "within_report"}
    p3 = f[f["type"] == "within_report"]
    assert set(p3["doc"]) == {"p3"} and p3["value"].notna().all()


def test_search_frame(dbp):
    with textmine.open_db(dbp) as db:
        s = db.search("就业")
    assert len(s) == 2 and all("就业" in t for t in s["sentence"])


def test_missing_database(tmp_path):
    with pytest.raises(StoreError, match="no such database"):
        textmine.open_db(tmp_path / "none.db")


def test_claim_as_float():
    claims = textmine.extract("到位帮扶资金54.52亿元，开工率90.61%，截至6月底。", year=2020,
                              classify=False)
    money, rate, date = claims if claims[0].kind == "money" else sorted(claims, key=lambda c: c.kind)
    assert float(money) == 5452000000.0 and money.value == Decimal("5452000000")
    assert float(rate) == 90.61
    assert sum(map(float, [money, rate])) == pytest.approx(5452000090.61)
    with pytest.raises(TypeError, match="has no numeric value"):
        float(date)


def test_series_frame(tmp_path):
    """The series of one indicator across reports (the province reports of test_series)."""
    import cli
    from click.testing import CliRunner
    from test_series import REPORTS
    for name, text in REPORTS.items():
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    dbp = tmp_path / "jx.db"
    r = CliRunner().invoke(cli.main, ["ingest", str(tmp_path), "--db", str(dbp), "-q",
                                      "--no-classify", "--jobs", "1"])
    assert r.exit_code == 0, r.output
    with textmine.open_db(dbp) as db:
        s = db.series("GDP", region="江西省", role="outcome")
        with pytest.raises(ConfigError, match="outcome"):
            db.series("GDP", role="result")
    money = s[s["kind"] == "money"]
    assert list(money["period"]) == ["2015", "2019", "2020", "2020", "2020", "2021"]
    assert money["value"].dtype == "float64" and money["value"].iloc[-1] == 2962e9
    assert set(money.loc[money["text"] == "25782亿元", "finding"]) == {"conflict"}
    assert (s["role"] == "outcome").all()
