"""Report sections: each call returns one block of HTML for a notebook cell."""

from __future__ import annotations

from kcanalysis.params import ProgrammeReviewParams, ProvinceReportParams, RegionalOverviewParams


def province_report(**params):
    """Validate the parameters and return a `ProvinceReport` (one call per notebook)."""
    from kcanalysis.sections.province import ProvinceReport

    return ProvinceReport(ProvinceReportParams.from_dict(params))


def regional_overview(**params):
    """Validate the parameters and return a `RegionalOverview`."""
    from kcanalysis.sections.regional import RegionalOverview

    return RegionalOverview(RegionalOverviewParams.from_dict(params))


def programme_review(**params):
    """Validate the parameters and return a `ProgrammeReview` (2021–2025, 2026–2030)."""
    from kcanalysis.sections.review import ProgrammeReview

    return ProgrammeReview(ProgrammeReviewParams.from_dict(params))


__all__ = ["programme_review", "province_report", "regional_overview"]
