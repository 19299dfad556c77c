"""The key figures of one report, for the batch's ``summary.csv`` and ``summary.xlsx``.

Every report gets the same eight figures (`FIGURES`): khuyến công budget planned and
actual, % of plan, disbursement, on-time rate, cost per trainee at constant prices,
leverage and the DEA score. Each figure that cannot be given is empty, and its reason
says why, in Vietnamese and English.

The figures are the report's own: a province report's come from the same
`kcanalysis.sections.province.ProvinceReport` properties its tables use. A regional
overview's are ratios of sums over its members (each member's parts that report both
values, as the indicators do); a programme review's are the period's sums
(`kcanalysis.programme.period_totals`). A region or a period has no DEA score of its own.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd


@dataclass(frozen=True)
class Figure:
    """One column of the summary: its key, Vietnamese and English headers, Excel format."""

    key: str
    vi: str
    en: str
    excel_format: str


FIGURES: tuple[Figure, ...] = (
    Figure(
        "budget_planned_mvnd",
        "Kinh phí khuyến công kế hoạch (triệu đồng)",
        "Industrial extension budget planned (million VND)",
        "#,##0",
    ),
    Figure(
        "budget_actual_mvnd",
        "Kinh phí khuyến công thực hiện (triệu đồng)",
        "Industrial extension budget spent (million VND)",
        "#,##0",
    ),
    Figure("budget_plan_pct", "Tỷ lệ thực hiện kế hoạch kinh phí (%)", "% of plan", "#,##0.0"),
    Figure("disbursement_pct", "Tỷ lệ giải ngân (%)", "Disbursement (%)", "#,##0.0"),
    Figure("on_time_pct", "Tỷ lệ đề án đúng hạn (%)", "Projects on time (%)", "#,##0.0"),
    Figure(
        "cost_per_trainee_real_mvnd",
        "Chi phí cho mỗi học viên, giá so sánh (triệu đồng)",
        "Cost per trainee at constant prices (million VND)",
        "#,##0.00",
    ),
    Figure(
        "leverage_ratio",
        "Vốn đối ứng trên mỗi đồng khuyến công",
        "Counterpart funds per VND of extension money",
        "#,##0.00",
    ),
    Figure("dea_crs", "Điểm hiệu quả DEA (CRS)", "DEA efficiency score (CRS)", "0.00"),
)
KEYS = tuple(f.key for f in FIGURES)

#: Reasons written by this module, in both languages.
REASONS = {
    "no_budget": ("không có số liệu kinh phí khuyến công", "no industrial extension budget"),
    "no_plan": ("không có số liệu kế hoạch kinh phí", "planned budget not reported"),
    "no_disbursed": ("không có số liệu kinh phí đã giải ngân", "funds disbursed not reported"),
    "no_projects": (
        "không có danh sách đề án cho năm và kỳ này",
        "no project list for this year and period",
    ),
    "no_due": ("không có đề án đến hạn", "no project was due"),
    "no_trainees": ("không có số liệu học viên", "number of trainees not reported"),
    "no_counterpart": ("không có số liệu vốn đối ứng", "counterpart funds not reported"),
    "dea_few": (
        "vùng có dưới 9 tỉnh có kinh phí và kết quả để so sánh",
        "fewer than 9 provinces of the region with spending and outputs to compare",
    ),
    "dea_missing": (
        "tỉnh không có kinh phí hoặc kết quả để so sánh",
        "the province has no spending or outputs to compare",
    ),
    "dea_region": (
        "điểm DEA chỉ tính cho từng tỉnh, không tính cho cả vùng",
        "DEA scores are given per province, not for a whole region",
    ),
    "dea_period": (
        "điểm DEA chỉ tính cho từng năm, không tính cho cả giai đoạn",
        "DEA scores are given per year, not for a programme period",
    ),
    "not_rendered": ("báo cáo chưa được tạo", "the report was not rendered"),
}


def _number(value: object) -> float | None:
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


class _Figures:
    """Values and reasons being collected for one report."""

    def __init__(self) -> None:
        self.values: dict[str, float | None] = dict.fromkeys(KEYS)
        self.reasons: dict[str, dict[str, str]] = {}

    def set(self, key: str, value: object, why: str | tuple[str, str] = "") -> None:
        """Set a figure; when it is empty, `why` (a `REASONS` key or (vi, en)) says why."""
        number = _number(value)
        self.values[key] = number
        if number is None:
            self.why(key, why or "no_budget")

    def why(self, key: str, why: str | tuple[str, str]) -> None:
        vi, en = REASONS[why] if isinstance(why, str) else why
        self.reasons[key] = {"vi": vi, "en": en}

    def as_dict(self) -> dict:
        return {"values": self.values, "reasons": self.reasons}


def _indicator_reason(text: object, fallback: str) -> str | tuple[str, str]:
    """An indicator's own reason (English) with its Vietnamese wording, or `fallback`."""
    from kcanalysis.sections.words import translate_reason

    if not isinstance(text, str) or not text.strip():
        return fallback
    return (translate_reason(text, "vi"), text)


def _first(frame: pd.DataFrame, column: str, reason_fallback: str):
    if frame is None or not len(frame) or column not in frame:
        return None, reason_fallback
    row = frame.iloc[0]
    return row[column], _indicator_reason(row.get("reason"), reason_fallback)


def _province(job, data) -> _Figures:
    from kcanalysis.sections.province import ProvinceReport

    rep = ProvinceReport(job.checked, data)
    out = _Figures()
    f = rep.fulfilment.set_index("indicator")
    if "budget_kc" in f.index:
        row = f.loc["budget_kc"]
        out.set("budget_planned_mvnd", row["planned"], "no_plan")
        out.set("budget_actual_mvnd", row["actual"], "no_budget")
        ratio = _number(row["fulfilment_ratio"])
        out.set(
            "budget_plan_pct",
            None if ratio is None else 100 * ratio,
            _indicator_reason(row.get("reason"), "no_plan"),
        )
    else:
        for key in ("budget_planned_mvnd", "budget_actual_mvnd", "budget_plan_pct"):
            out.set(key, None, "no_budget")
    out.set("disbursement_pct", *_first(rep.disbursement, "disbursement_pct", "no_disbursed"))
    if rep.projects is None:
        out.set("on_time_pct", None, "no_projects")
    else:
        out.set("on_time_pct", *_first(rep.on_time, "on_time_pct", "no_due"))
    cost = rep.cost[rep.cost["output"] == "trainees"] if len(rep.cost) else rep.cost
    out.set("cost_per_trainee_real_mvnd", *_first(cost, "cost_per_unit_real_mvnd", "no_trainees"))
    out.set("leverage_ratio", *_first(rep.leverage, "leverage_ratio", "no_counterpart"))
    dea = rep.dea
    if not len(dea):
        out.set("dea_crs", None, "dea_few")
    elif job.area not in set(dea["area_code"]):
        out.set("dea_crs", None, "dea_missing")
    else:
        out.set("dea_crs", dea.set_index("area_code").loc[job.area, "crs"])
    return out


def _ratio_of_sums(frame: pd.DataFrame, num: str, den: str) -> float | None:
    """Σnum / Σden over the rows that give both, with a positive denominator sum."""
    if frame is None or not len(frame) or num not in frame or den not in frame:
        return None
    both = frame.dropna(subset=[num, den])
    total = both[den].sum()
    return float(both[num].sum() / total) if len(both) and total > 0 else None


def _regional(job, data) -> _Figures:
    from kcanalysis import indicators, provinces
    from kcanalysis.panel import select
    from kcanalysis.periods import vintage_of

    p = job.checked
    members = provinces.region_members(p.region, p.year, p.period)
    facts = select(
        data.facts,
        area=members,
        year=p.year,
        period=p.period,
        level=None,
        activity=None,
        vintage=vintage_of(p.year, p.period),
    )
    out = _Figures()
    budget = select(facts, indicator="budget_kc")
    out.set("budget_planned_mvnd", budget["planned"].sum(min_count=1), "no_plan")
    out.set("budget_actual_mvnd", budget["actual"].sum(min_count=1), "no_budget")
    pct = _ratio_of_sums(budget, "actual", "planned")
    out.set("budget_plan_pct", None if pct is None else 100 * pct, "no_plan")
    if len(facts):
        kw = {"levels": ["ALL"], "activities": ["ALL"]}
        disb = indicators.disbursement_rate(facts, **kw)
        cost = indicators.cost_effectiveness(facts, p.base_year, **kw)
        lev = indicators.leverage(facts, **kw)
    else:
        disb = cost = lev = pd.DataFrame()
    ratio = _ratio_of_sums(disb, "disbursed_mvnd", "budget_kc_planned_mvnd")
    out.set("disbursement_pct", None if ratio is None else 100 * ratio, "no_disbursed")
    if len(cost):
        cost = cost[cost["output"] == "trainees"]
    out.set(
        "cost_per_trainee_real_mvnd",
        _ratio_of_sums(cost, "budget_kc_real_mvnd", "output_count"),
        "no_trainees",
    )
    out.set(
        "leverage_ratio",
        _ratio_of_sums(lev, "budget_counterpart_mvnd", "budget_kc_mvnd"),
        "no_counterpart",
    )
    projects = data.projects
    if projects is None or p.period != "FY":
        out.set("on_time_pct", None, "no_projects")
    else:
        mine = projects[projects["area_code"].isin(members) & (projects["year"] == p.year)]
        if not len(mine):
            out.set("on_time_pct", None, "no_projects")
        else:
            res = indicators.on_time_completion(mine.assign(area_code=p.region))
            res = res[res["level"] == "ALL"]
            out.set("on_time_pct", *_first(res, "on_time_pct", "no_due"))
    out.set("dea_crs", None, "dea_region")
    return out


def _review(job, data) -> _Figures:
    from kcanalysis.sections.review import ProgrammeReview

    rep = ProgrammeReview(job.checked, data)
    totals = rep.totals.set_index("indicator") if len(rep.totals) else pd.DataFrame()

    def total(indicator: str, column: str) -> float | None:
        if indicator not in totals.index or column not in totals:
            return None
        return _number(totals.loc[indicator, column])

    out = _Figures()
    planned, actual = total("budget_kc", "planned_sum"), total("budget_kc", "actual_sum")
    out.set("budget_planned_mvnd", planned, "no_plan")
    out.set("budget_actual_mvnd", actual, "no_budget")
    ratio = total("budget_kc", "fulfilment_ratio")
    out.set("budget_plan_pct", None if ratio is None else 100 * ratio, "no_plan")
    disbursed = total("disbursed", "actual_sum")
    out.set(
        "disbursement_pct",
        100 * disbursed / planned if disbursed is not None and planned else None,
        "no_disbursed",
    )
    if rep.projects is None:
        out.set("on_time_pct", None, "no_projects")
    else:
        out.set("on_time_pct", *_first(rep.on_time, "on_time_pct", "no_due"))
    real, trainees = total("budget_kc", "actual_real_sum"), total("trainees", "actual_sum")
    out.set(
        "cost_per_trainee_real_mvnd",
        real / trainees if real is not None and trainees else None,
        "no_trainees",
    )
    counterpart = total("budget_counterpart", "actual_sum")
    out.set(
        "leverage_ratio",
        counterpart / actual if counterpart is not None and actual else None,
        "no_counterpart",
    )
    out.set("dea_crs", None, "dea_period")
    return out


def key_figures(job) -> dict:
    """Return the key figures of `job`: ``{"values": {key: float | None}, "reasons":
    {key: {"vi": ..., "en": ...}}}``, one reason per empty figure.

    Never raises: a figure that cannot be computed is empty with the error as its reason.
    """
    from kcanalysis.params import ProgrammeReviewParams, ProvinceReportParams
    from kcanalysis.reporting.batch.jobs import load_data

    try:
        data = load_data(job.data)
        if isinstance(job.checked, ProgrammeReviewParams):
            found = _review(job, data)
        elif isinstance(job.checked, ProvinceReportParams):
            found = _province(job, data)
        else:
            found = _regional(job, data)
        return found.as_dict()
    except Exception as err:  # a summary row must never fail a report
        out = _Figures()
        text = f"{type(err).__name__}: {err}"
        for key in KEYS:
            out.why(key, (f"không tính được: {text}", f"could not be computed: {text}"))
        return out.as_dict()
