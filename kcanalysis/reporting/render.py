"""Render one report: execute its notebook with papermill, then publish HTML beside it."""

from __future__ import annotations

from pathlib import Path

from kcanalysis import provinces
from kcanalysis.params import NOTEBOOK_PARAMS, _Params
from kcanalysis.reporting.execute import execute_notebook, output_paths
from kcanalysis.reporting.publish import publish_html


def report_title(params: _Params) -> str:
    """Return the page title of a report ("Đắk Lắk – Cả năm 2024 – khuyến công")."""
    from kcanalysis.sections.words import period_label

    p = params
    area = getattr(p, "province", None) or p.region  # type: ignore[attr-defined]
    name = provinces.area_label(area, p.year, p.lang, p.period)  # type: ignore[attr-defined]
    word = "khuyến công" if p.lang == "vi" else "industrial extension"  # type: ignore[attr-defined]
    when = period_label(p.period, p.lang)  # type: ignore[attr-defined]
    if p.period.startswith("P"):  # type: ignore[attr-defined]
        return f"{name} – {when} – {word}"  # "Giai đoạn 2021–2025" already names its years
    return f"{name} – {when} {p.year} – {word}"  # type: ignore[attr-defined]


def render_report(
    notebook: str, params: _Params | dict, out_dir: Path | None = None, timeout: int = 600
) -> Path:
    """Execute `notebook` with `params` and publish it; return the HTML path.

    Outputs go to ``OUT/<year>/<period>/<area-slug>[.en].{ipynb,html}``.
    """
    if isinstance(params, dict):
        params = NOTEBOOK_PARAMS[notebook].from_dict(params)
    ipynb, html = output_paths(params, out_dir)
    execute_notebook(notebook, params, ipynb, timeout=timeout)
    return publish_html(ipynb, html, lang=params.lang, title=report_title(params))  # type: ignore[attr-defined]
