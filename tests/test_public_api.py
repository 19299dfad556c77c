"""The researchers' API: ``import kcanalysis as kc`` and the data layer's public names."""

from __future__ import annotations

import types
from pathlib import Path

import numpy as np
import pandas as pd

import kcanalysis as kc

INGEST = Path(__file__).parent / "data" / "ingest"


def test_submodules_and_data_layer_are_reachable_from_the_package():
    for name in ("indicators", "methods", "plots", "panel"):
        assert isinstance(getattr(kc, name), types.ModuleType), name
    assert kc.select is kc.panel.select and kc.region_panel is kc.panel.region_panel
    assert kc.methods.dea_panel is kc.panel.dea_panel is kc.dea_panel
    for func in (kc.select, kc.region_panel, kc.dea_panel, kc.load, kc.load_demo):
        assert "Returns" in (func.__doc__ or ""), func.__name__
    assert "region" in kc.select.__doc__ and "{" not in kc.select.__doc__


def test_select_by_region_follows_the_map_of_each_year():
    facts = kc.load_demo(totals=True).facts
    spend = kc.select(facts, region="MTTN", period="FY", indicator="budget_kc")
    per_year = spend.groupby("year")["area_code"].nunique()
    # 15 MTTN provinces to 2024, their 8 units in 2025 and 2026 (FY belongs to the units)
    assert per_year[2024] == 15 and per_year[2025] == 8 and per_year[2026] == 8
    assert set(spend.loc[spend["year"] == 2026, "area_code"]) == {
        "44", "46", "48", "51", "52", "56", "66", "68",
    }  # fmt: skip


def test_load_demo_says_whether_it_has_totals_and_gives_them_when_asked():
    assert "NOT complete totals" in kc.load_demo.__doc__
    plain, full = kc.load_demo().facts, kc.load_demo(totals=True).facts
    key = {"area": "66", "year": 2024, "period": "FY", "indicator": "budget_kc"}
    assert kc.select(plain, **key).empty  # no ALL x ALL row as made...
    row = kc.select(full, **key)  # ...until the totals are added
    assert row["planned"].item() == 5914 and row["actual"].item() == 5329
    assert len(full) > len(plain)


def test_load_and_load_demo_give_the_same_shape():
    demo = kc.load_demo()
    loaded = kc.load(INGEST / "projects_cap.csv")
    facts = loaded.facts
    assert list(facts.columns) == list(demo.facts.columns)
    assert facts.dtypes.equals(demo.facts.dtypes)
    projects = loaded.projects
    assert list(projects.columns) == list(demo.projects.columns)
    # totals=True as for the demo: 120 (CAP) + 80 (MGMT) = 200 million VND planned
    assert kc.select(facts, indicator="budget_kc").empty
    total = kc.select(
        kc.load(INGEST / "projects_cap.csv", totals=True).facts, indicator="budget_kc"
    )
    assert total["planned"].item() == 200


def test_dea_panel_is_tidy_with_province_names():
    dea = kc.methods.dea_panel(kc.load_demo().facts, "MTTN", 2024)
    assert list(dea.columns[:6]) == ["area_code", "area_name", "crs", "vrs", "scale", "peers"]
    assert len(dea) == 15 and dea.loc[dea["area_code"] == "66", "area_name"].item() == "Đắk Lắk"
    assert list(dea["crs"]) == sorted(dea["crs"], reverse=True)
    assert dea["crs"].iloc[0] == 1.0  # a frontier province
    assert (dea["crs"] <= dea["vrs"] + 1e-9).all()  # CRS never above VRS
    np.testing.assert_allclose(dea["scale"], dea["crs"] / dea["vrs"])
    empty = kc.dea_panel(kc.load_demo().facts, "MTTN", 2030)
    assert isinstance(empty, pd.DataFrame) and empty.empty and "crs" in empty.columns
