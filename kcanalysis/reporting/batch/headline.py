"""The two or three headline indicators of a report, for the index page.

A notebook may expose them itself: a display output with the MIME type
``application/vnd.kcanalysis.headline+json`` holding a mapping such as
``{"budget_kc_mvnd": 5329.0, "budget_kc_plan_pct": 90.1, "trainees": 761.0}`` (the
published HTML keeps only HTML, PNG and markdown outputs, so readers never see it). When
the notebook does not, they are read from the report's data: khuyến công spending
(actual, million VND), the same as a percentage of plan, and trainees, for the area
(summed over the region's members for a regional overview), year and period, all levels
and activities.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported when needed: nbformat takes a second to import
    import nbformat

HEADLINE_MIME = "application/vnd.kcanalysis.headline+json"
#: Shown on the index page, in this order.
HEADLINE_KEYS = ("budget_kc_mvnd", "budget_kc_plan_pct", "trainees")


def from_notebook(nb: nbformat.NotebookNode) -> dict | None:
    """Return the headline mapping an executed notebook displayed, or None."""
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            value = out.get("data", {}).get(HEADLINE_MIME)
            if isinstance(value, dict):
                return {k: _number(v) for k, v in value.items()}
    return None


def _number(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return None if math.isnan(value) else float(value)


def from_data(job) -> dict:
    """Compute the headline indicators of `job` from its data (see the module docstring)."""
    from kcanalysis import provinces
    from kcanalysis.reporting.batch.jobs import load_data

    facts = load_data(job.data).facts
    areas = [job.area]
    if job.area in provinces.regions():
        areas = provinces.region_members(job.area, job.year, job.period)
    rows = facts[
        facts["area_code"].isin(areas)
        & (facts["year"] == job.year)
        & (facts["period"] == job.period)
        & (facts["level"] == "ALL")
        & (facts["activity"] == "ALL")
    ]
    budget = rows[rows["indicator"] == "budget_kc"]
    trainees = rows[rows["indicator"] == "trainees"]["actual"]
    planned = budget.dropna(subset=["planned", "actual"])
    pct = None
    if len(planned) and planned["planned"].sum() > 0:
        pct = float(planned["actual"].sum() / planned["planned"].sum() * 100)
    return {
        "budget_kc_mvnd": float(budget["actual"].sum()) if budget["actual"].notna().any() else None,
        "budget_kc_plan_pct": pct,
        "trainees": float(trainees.sum()) if trainees.notna().any() else None,
    }


def headline(job, nb: nbformat.NotebookNode | None) -> dict:
    """Return the notebook's own headline if it shows one, else the one from the data."""
    found = from_notebook(nb) if nb is not None else None
    if found is not None:
        return found
    try:
        return from_data(job)
    except Exception:  # a headline is a convenience; never fail a report for it
        return {}
