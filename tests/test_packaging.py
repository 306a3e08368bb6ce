"""`pip install .` (not editable) must ship every part of textmine: each package folder is
listed in pyproject.toml, and data tables and the model are package data."""
from __future__ import annotations

import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CONF = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]


def test_every_package_folder_is_listed():
    folders = {".".join(p.parent.relative_to(REPO).parts)
               for p in (REPO / "textmine").rglob("__init__.py")}
    assert folders <= set(CONF["packages"]), sorted(folders - set(CONF["packages"]))
    assert "textmine.models" in CONF["packages"] and CONF["package-dir"]["textmine.models"] == "models"


def test_data_tables_and_model_are_package_data():
    data = CONF["package-data"]
    assert "data/*.toml" in data["textmine"]
    assert list((REPO / "textmine" / "data").glob("*.toml"))
    shipped = {p.name for pattern in data["textmine.models"] for p in (REPO / "models").glob(pattern)}
    assert {"measure.npz", "measure.json"} <= shipped
