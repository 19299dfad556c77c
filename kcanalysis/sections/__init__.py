"""Report sections: each call returns one block of HTML for a notebook cell."""

from __future__ import annotations

from kcanalysis.params import ProvinceReportParams, RegionalOverviewParams


def province_report(**params):
    """Validate the parameters and return a `ProvinceReport` (one call per notebook)."""
    from kcanalysis.sections.province import ProvinceReport

    return ProvinceReport(ProvinceReportParams.from_dict(params))


def regional_overview(**params):
    """Validate the parameters and return a `RegionalOverview`."""
    from kcanalysis.sections.regional import RegionalOverview

    return RegionalOverview(RegionalOverviewParams.from_dict(params))


__all__ = ["province_report", "regional_overview"]
