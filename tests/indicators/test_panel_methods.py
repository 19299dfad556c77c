"""How the reports call the methods on the regional panel (kcanalysis.panel)."""

from __future__ import annotations

import pytest

from kcanalysis.panel import load_report_data, malmquist_change, region_panel


@pytest.fixture(scope="module")
def demo():
    return load_report_data()


def test_malmquist_refuses_money_it_cannot_deflate(demo):
    # The CPI table (kcanalysis/data/cpi_vietnam.csv) starts in 2005: 2004 prices are
    # unknown, so neither year can be put at constant prices. Nominal VND would put
    # inflation into TC; the index is refused and says why.
    panel = region_panel(demo.facts, "MTTN", 2024, "FY", 2004)
    assert panel["budget_kc_real"].isna().all()  # never the nominal figure
    assert panel["budget_kc"].notna().any()
    got = malmquist_change(demo.facts, "MTTN", 2024, "FY", 2004)
    assert got.empty
    assert got.attrs["reason"] == "no CPI for 2004 (CPI table covers 2005-2025)"


def test_malmquist_with_constant_prices_has_no_reason(demo):
    got = malmquist_change(demo.facts, "MTTN", 2024, "FY", 2024)
    assert len(got) >= 9
    assert "reason" not in got.attrs
