"""The programme review: one province, unit or region over one programme period.

The period is the sum of its years (`kcanalysis.programme`); the report answers the
Ministry's three questions for the whole period, shows the year-by-year table, the trend
inside the period, the programme's targets and the previous period.
"""

from __future__ import annotations

from functools import cached_property

import numpy as np
import pandas as pd

from kcanalysis import indicators, methods, plots, programme, provinces, vocab
from kcanalysis import panel as A  # noqa: N812
from kcanalysis.params import ProgrammeReviewParams, check_available
from kcanalysis.periods import period_end
from kcanalysis.sections import blocks as B  # noqa: N812
from kcanalysis.sections import shared as S  # noqa: N812
from kcanalysis.sections.words import SECTIONS, say, source_label
from kcanalysis.text import format_figure, format_money, format_number, format_percent_value

_V = {
    "title": (
        "Tổng kết khuyến công {name} giai đoạn {a}–{b}",
        "Industrial extension programme review: {name}, programme period {a}–{b}",
    ),
    "meta": (
        "Giai đoạn {a}–{b} · Căn cứ: {basis} · Vùng so sánh: {region}",
        "Programme period {a}–{b} · Basis: {basis} · Region: {region}",
    ),
    "intro": (
        "Giai đoạn được tính bằng tổng các năm (số liệu cả năm của từng năm). Tiền tính bằng "
        "triệu đồng, theo giá hiện hành và theo giá so sánh năm {base} (giảm phát từng năm).",
        "The period is the sum of its years (each year's full-year figures). Money in "
        "million VND, in current prices and at {base} prices (deflated year by year).",
    ),
    "t_years": (
        "Kinh phí khuyến công từng năm và cả giai đoạn",
        "Khuyến công spending by year and for the period",
    ),
    "t_outputs": ("Kết quả từng năm và cả giai đoạn", "Results by year and for the period"),
    "t_fulfilment": (
        "Mức đạt kế hoạch từng năm và cả giai đoạn (thực hiện so với kế hoạch năm)",
        "Fulfilment by year and for the period (actual against each year's plan)",
    ),
    "no_yearly_plans": (
        "Dữ liệu không có kế hoạch năm riêng cho các chỉ tiêu này, nên không tính mức đạt kế "
        "hoạch.",
        "The data hold no separate yearly plans for these indicators, so no fulfilment is "
        "computed.",
    ),
    "period_total": ("Cả giai đoạn", "Whole period"),
    "real": ("Thực hiện (giá {base})", "Actual ({base} prices)"),
    "basis_col": ("Số liệu", "Figures"),
    "basis_own": ("của đơn vị", "the unit's own"),
    "basis_pred": ("tổng các tỉnh cũ", "sum of former provinces"),
    "basis_members": ("tổng các tỉnh trong vùng", "sum of the region's members"),
    "missing_years": (
        "Thiếu số liệu năm {years}: tổng cả giai đoạn chỉ gồm các năm có số liệu.",
        "No figures for {years}: the period total covers the years with figures only.",
    ),
    "differs": (
        "Tổng giai đoạn do địa phương tự báo cáo ({reported}) khác tổng các năm ({summed}) "
        "đối với {indicator}; báo cáo này dùng tổng các năm và ghi cả hai.",
        "The period total the province reported itself ({reported}) differs from the sum "
        "of the years ({summed}) for {indicator}; this report uses the sum of the years "
        "and shows both.",
    ),
    "agrees": (
        "Tổng giai đoạn do địa phương tự báo cáo khớp với tổng các năm.",
        "The period total the province reported itself agrees with the sum of the years.",
    ),
    "t_targets": (
        "Mức đạt so với mục tiêu của chương trình giai đoạn",
        "Results against the programme's targets for the period",
    ),
    "target": ("Mục tiêu giai đoạn", "Period target"),
    "summed": ("Tổng các năm", "Sum of the years"),
    "reported": ("Địa phương tự báo cáo", "Reported total"),
    "reached": ("Đạt % mục tiêu", "% of target"),
    "no_targets": (
        "Dữ liệu không có mục tiêu giai đoạn (kế hoạch chương trình) cho đơn vị này.",
        "The data hold no period target (programme plan) for this unit.",
    ),
    "t_national": (
        "Mục tiêu quốc gia của chương trình (số liệu đã công bố, để tham khảo)",
        "National targets of the programme (published figures, for reference)",
    ),
    "t_previous": ("So sánh với giai đoạn trước", "Against the previous period"),
    "no_previous": (
        "Dữ liệu không có đủ các năm của giai đoạn {a}–{b} để so sánh.",
        "The data do not hold the years of {a}–{b} for a comparison.",
    ),
    "prev_col": ("Giai đoạn {a}–{b}", "{a}–{b}"),
    "f_budget": (
        "Cả giai đoạn thực hiện {actual} kinh phí khuyến công, đạt {pct} kế hoạch các năm.",
        "Over the period {actual} of khuyến công funds were spent, {pct} of the yearly plans.",
    ),
    "f_target": (
        "So với mục tiêu giai đoạn {target}, kinh phí thực hiện đạt {pct}.",
        "Against the period target of {target}, spending reached {pct}.",
    ),
    "f_on_time": (
        "{n}/{due} đề án đến hạn trong giai đoạn hoàn thành đúng tiến độ ({pct}).",
        "{n} of {due} projects due in the period finished on time ({pct}).",
    ),
    "f_disbursed": (
        "Giải ngân cả giai đoạn đạt {pct} kinh phí kế hoạch.",
        "Disbursement over the period reached {pct} of planned funds.",
    ),
    "c_trend": (
        "Tổng kinh phí cho một học viên trong giai đoạn (giá so sánh), với đường Theil–Sen",
        "Total spending per trainee within the period (constant prices), with the Theil–Sen line",
    ),
    "merger_years": (
        "Các năm trước 2025 trong giai đoạn là tổng của các tỉnh cũ {olds}.",
        "The period's years before 2025 are the sums of the former provinces {olds}.",
    ),
    "region_2025": (
        "Từ năm 2025 vùng gồm 8 đơn vị hành chính mới thay cho 15 tỉnh cũ; Lâm Đồng mới có "
        "cả tỉnh Bình Thuận cũ, vốn thuộc nhóm các tỉnh phía Nam, nên địa bàn năm 2025 rộng "
        "hơn các năm trước.",
        "From 2025 the region is 8 new units instead of 15 provinces; the new Lâm Đồng also "
        "holds the former Bình Thuận, from the Southern group, so the 2025 territory is "
        "larger than the earlier years'.",
    ),
    "few_years": (
        "Chỉ có {n} năm có số liệu trong giai đoạn: chưa đủ ba năm để ước lượng xu hướng.",
        "Only {n} year(s) with figures in the period: three are needed for a trend.",
    ),
}

_BASIS = {
    "P2021-2025": ("Quyết định 1881/QĐ-TTg ngày 24/11/2020", "Decision 1881/QĐ-TTg of 24/11/2020"),
    "P2026-2030": (
        "Quyết định 2646/QĐ-BCT ngày 23/9/2025; Nghị định 45/2012/NĐ-CP, sửa đổi bởi Nghị "
        "định 235/2025/NĐ-CP",
        "Decision 2646/QĐ-BCT of 23/9/2025; Decree 45/2012/NĐ-CP as amended by Decree "
        "235/2025/NĐ-CP",
    ),
}


def _v(key: str, lang: str, **fields: str) -> str:
    text = _V[key][0 if lang == "vi" else 1]
    return text.format(**fields) if fields else text


class ProgrammeReview:
    """All sections of one programme review, computed from `ReportData`."""

    def __init__(self, params: ProgrammeReviewParams, data: A.ReportData | None = None):
        self.p = params
        self.lang = params.lang
        self.data = data or A.load_report_data(params.data)
        self.num = B.Numbering(self.lang)
        self.area = params.province
        self.a, self.b = programme.period_years(params.period)
        self.lineage = A.lineage(self.area, self.b, "FY")
        self.name = provinces.area_label(self.area, self.b, self.lang)
        check_available(params, self.data.facts)

    # ------------------------------------------------------------------ numbers
    @cached_property
    def years(self) -> pd.DataFrame:
        return programme.yearly_table(self.data.facts, self.area, self.p.period, self.p.base_year)

    @cached_property
    def totals(self) -> pd.DataFrame:
        return programme.period_totals(self.data.facts, self.area, self.p.period, self.p.base_year)

    @cached_property
    def previous(self) -> pd.DataFrame:
        prev = programme.previous_period(self.p.period)
        return programme.period_totals(self.data.facts, self.area, prev, self.p.base_year)

    @cached_property
    def projects(self) -> pd.DataFrame | None:
        """The period's projects of the unit (of its former provinces before 2025)."""
        pr = self.data.projects
        if pr is None:
            return None
        codes = {self.area}
        if self.lineage.restated:
            codes |= {c for c, _ in self.lineage.predecessors}
        if self.area in provinces.regions():
            codes = set(pr["area_code"])
        part = pr[pr["year"].between(self.a, self.b)]
        # Only years whose figures are complete: never a part of the former provinces.
        complete = set(self.years.loc[self.years["indicator"] == "budget_kc", "year"])
        old = part[
            (part["year"] < 2025) & part["area_code"].isin(codes) & part["year"].isin(complete)
        ]
        new = part[(part["year"] >= 2025) & (part["area_code"] == self.area)]
        if self.area in provinces.regions():
            new = part[part["year"] >= 2025]
        out = pd.concat([old, new])
        return out if len(out) else None

    @cached_property
    def on_time(self) -> pd.DataFrame:
        if self.projects is None:
            return pd.DataFrame()
        whole = self.projects.assign(area_code="period", year=self.b)
        res = indicators.on_time_completion(whole, as_of=period_end(self.b, "FY"))
        return res[res["level"] == "ALL"]

    @cached_property
    def trend(self):
        t = self.years
        wide = t.pivot_table(index="year", columns="indicator", values="actual_real")
        trainees = t[t["indicator"] == "trainees"].set_index("year")["actual"]
        if "budget_kc" not in wide or trainees.empty:
            return pd.DataFrame(), None, None
        series = pd.DataFrame({"budget_kc_real": wide["budget_kc"], "trainees": trainees})
        series["cost_per_trainee_real"] = (series["budget_kc_real"] / series["trainees"]).where(
            series["trainees"] > 0
        )
        series = series.dropna(subset=["cost_per_trainee_real"]).reset_index(names="year")
        if len(series) < 3:
            return series, None, None
        ts = methods.theil_sen(series["cost_per_trainee_real"], series["year"])
        mk = methods.mann_kendall(series["cost_per_trainee_real"], series["year"])
        return series, ts, mk

    def _total(self, indicator: str) -> pd.Series | None:
        t = self.totals
        row = t[t["indicator"] == indicator]
        return row.iloc[0] if len(row) else None

    @cached_property
    def findings(self) -> list[str]:
        lang, out = self.lang, []
        budget = self._total("budget_kc")
        if budget is not None and budget["missing_years"]:
            out.append(_v("missing_years", lang, years=budget["missing_years"]))
        if budget is not None and pd.notna(budget["fulfilment_ratio"]):
            out.append(
                _v(
                    "f_budget",
                    lang,
                    actual=format_money(budget["actual_sum"], lang),
                    pct=format_percent_value(budget["fulfilment_ratio"], lang),
                )
            )
        if budget is not None and pd.notna(budget["reached_ratio"]):
            out.append(
                _v(
                    "f_target",
                    lang,
                    target=format_money(budget["target"], lang),
                    pct=format_percent_value(budget["reached_ratio"], lang),
                )
            )
        if len(self.on_time) and pd.notna(self.on_time["on_time_ratio"].iloc[0]):
            r = self.on_time.iloc[0]
            out.append(
                _v(
                    "f_on_time",
                    lang,
                    n=format_number(r["n_on_time"], lang),
                    due=format_number(r["n_due"], lang),
                    pct=format_percent_value(r["on_time_ratio"], lang),
                )
            )
        disbursed = self._total("disbursed")
        if budget is not None and disbursed is not None and budget["planned_sum"] > 0:
            out.append(
                _v(
                    "f_disbursed",
                    lang,
                    pct=format_percent_value(disbursed["actual_sum"] / budget["planned_sum"], lang),
                )
            )
        _, ts, mk = self.trend
        if ts is not None:
            out.append(S.trend_finding(ts, mk, lang))
        return out or [say("f_none", lang)]

    # ------------------------------------------------------------------ sections
    def header(self) -> B.HTMLBlock:
        """Title, the merger sentence, banner, summary for the period and contents."""
        lang = self.lang
        a, b = str(self.a), str(self.b)
        basis = _BASIS.get(self.p.period, ("", ""))[0 if lang == "vi" else 1] or "–"
        region = provinces.area_label(self.p.region, self.b, lang)
        parts = [
            f'<header class="kc-title">{B.issuer(self.p.issuer)}'
            f"<h1>{B.escape(_v('title', lang, name=self.name, a=a, b=b))}"
            f'</h1><p class="kc-meta">'
            f"{B.escape(_v('meta', lang, a=a, b=b, basis=basis, region=region))}</p></header>"
        ]
        if self.lineage.restated:
            names = [n for _, n in self.lineage.predecessors]
            olds = (" và " if lang == "vi" else " and ").join([", ".join(names[:-1]), names[-1]])
            parts.append(
                B.paragraph(say("merger_unit", lang, name=self.name, olds=olds), "kc-merger")
            )
            parts.append(B.paragraph(_v("merger_years", lang, olds=olds), "kc-merger"))
        if self.area == "MTTN" and self.a <= 2025 <= self.b:
            parts.append(B.paragraph(_v("region_2025", lang), "kc-merger"))
        if self.data.synthetic:
            parts.append(S.data_banner(self.data, lang))
        parts.append(f"<h2>{B.escape(say('summary', lang))}</h2>")
        parts.append(B.bullets(self.findings, "kc-summary"))
        parts.append(
            B.toc(
                [
                    (k, SECTIONS[k][lang])
                    for k in ("schedule", "purpose", "quality", "quality_data")
                ],
                lang,
            )
        )
        return B.HTMLBlock("".join(parts))

    def _basis_label(self, basis: str) -> str:
        key = {"own": "basis_own", "predecessors": "basis_pred", "members": "basis_members"}
        return _v(key.get(basis, "basis_own"), self.lang)

    def schedule(self) -> B.HTMLBlock:
        """Question 1 for the period: on-time completion and results against plans."""
        lang = self.lang
        num = lambda v: format_number(v, lang)  # noqa: E731
        pct = lambda v: format_percent_value(v, lang)  # noqa: E731
        parts = [
            B.heading(SECTIONS["schedule"][lang], anchor="schedule"),
            B.paragraph(_v("intro", lang, base=str(self.p.base_year))),
        ]
        t = self.years[self.years["indicator"] != "budget_kc"]
        t = t[t["indicator"] != "disbursed"]
        if len(t):
            wide = t.pivot_table(index="indicator", columns="year", values="actual")
            tot = self.totals.set_index("indicator")
            wide[_v("period_total", lang)] = tot["actual_sum"].reindex(wide.index)
            wide = wide.reindex(
                [i for i in programme.REVIEW_INDICATORS if i in wide.index]
            ).reset_index()
            wide["label"] = wide["indicator"].map(lambda i: vocab.indicator_label(i, lang))
            cols = [("label", say("indicator", lang), None)]
            cols += [(c, str(c), num) for c in wide.columns if isinstance(c, int | np.integer)]
            cols.append((_v("period_total", lang), _v("period_total", lang), num))
            parts.append(
                B.table(wide, cols, _v("t_outputs", lang), self.num, note=say("money_note", lang))
            )
        parts.append(self._fulfilment_by_year())
        if len(self.on_time):
            parts.append(
                B.table(
                    self.on_time,
                    [
                        ("n_projects", say("n_projects", lang), num),
                        ("n_due", say("n_due", lang), num),
                        ("n_on_time", say("n_on_time", lang), num),
                        ("n_late", say("n_late", lang), num),
                        ("on_time_ratio", say("on_time", lang), pct),
                    ],
                    say("t_on_time", lang),
                    self.num,
                )
            )
        else:
            parts.append(B.paragraph(say("no_projects", lang), "kc-note"))
        return B.HTMLBlock("".join(parts))

    def _fulfilment_by_year(self) -> str:
        """Actual against each year's plan, for every headline indicator with a plan."""
        lang = self.lang
        t = self.years.dropna(subset=["fulfilment_ratio"])
        if t.empty:
            return B.paragraph(_v("no_yearly_plans", lang), "kc-note")
        wide = t.pivot_table(index="indicator", columns="year", values="fulfilment_ratio")
        tot = self.totals.set_index("indicator")["fulfilment_ratio"]
        wide[_v("period_total", lang)] = tot.reindex(wide.index)
        wide = wide.reindex([i for i in programme.REVIEW_INDICATORS if i in wide.index])
        wide = wide.reset_index()
        wide["label"] = wide["indicator"].map(lambda i: vocab.indicator_label(i, lang))
        pct = lambda v: format_percent_value(v, lang)  # noqa: E731
        cols = [("label", say("indicator", lang), None)]
        cols += [(c, str(c), pct) for c in wide.columns if isinstance(c, int | np.integer)]
        cols.append((_v("period_total", lang), _v("period_total", lang), pct))
        return B.table(wide, cols, _v("t_fulfilment", lang), self.num)

    def purpose(self) -> B.HTMLBlock:
        """Question 2: spending by year, current and constant prices, with the period sum."""
        lang = self.lang
        money = lambda v: format_number(v, lang, 1)  # noqa: E731
        pct = lambda v: format_percent_value(v, lang)  # noqa: E731
        parts = [B.heading(SECTIONS["purpose"][lang], anchor="purpose")]
        t = self.years[self.years["indicator"] == "budget_kc"].copy()
        t["basis_text"] = t["basis"].map(self._basis_label)
        t["year_text"] = t["year"].astype(str)
        b = self._total("budget_kc")
        if b is not None:
            total = {
                "year_text": _v("period_total", lang),
                "planned": b["planned_sum"],
                "actual": b["actual_sum"],
                "fulfilment_ratio": b["fulfilment_ratio"],
                "actual_real": b["actual_real_sum"],
                "basis_text": "",
            }
            t = pd.concat([t, pd.DataFrame([total])], ignore_index=True)
        parts.append(
            B.table(
                t,
                [
                    ("year_text", say("year", lang), None),
                    ("planned", say("planned", lang), money),
                    ("actual", say("actual", lang), money),
                    ("fulfilment_ratio", say("fulfil", lang), pct),
                    ("actual_real", _v("real", lang, base=str(self.p.base_year)), money),
                    ("basis_text", _v("basis_col", lang), None),
                ],
                _v("t_years", lang),
                self.num,
                note=say("money_note", lang),
            )
        )
        if b is not None and b["missing_years"]:
            parts.append(
                B.paragraph(_v("missing_years", lang, years=b["missing_years"]), "kc-note")
            )
        parts.append(self._reported_totals())
        return B.HTMLBlock("".join(parts))

    def _reported_totals(self) -> str:
        lang = self.lang
        t = self.totals.dropna(subset=["reported_actual"])
        if t.empty:
            return ""
        out = []
        for r in t.itertuples():
            if r.differs:
                out.append(
                    _v(
                        "differs",
                        lang,
                        reported=format_number(r.reported_actual, lang, 1),
                        summed=format_number(r.actual_sum, lang, 1),
                        indicator=vocab.indicator_label(r.indicator, lang).lower(),
                    )
                )
        return B.paragraph(" ".join(out) or _v("agrees", lang), "kc-merger" if out else "kc-note")

    def quality(self) -> B.HTMLBlock:
        """Question 3: the trend inside the period, targets, the previous period."""
        lang = self.lang
        parts = [B.heading(SECTIONS["quality"][lang], anchor="quality")]
        series, ts, mk = self.trend
        parts.append(B.heading(say("h_trend", lang), 3))
        if ts is not None:
            fig = plots.plot_trend(
                series["year"],
                series["cost_per_trainee_real"],
                slope=ts.slope,
                intercept=ts.intercept,
                low=ts.low,
                high=ts.high,
                ylabel=say("cost_axis", lang, base=str(self.p.base_year)),
                lang=lang,
                mark_at=2024.5 if self.lineage.restated and self.a <= 2024 < self.b else None,
                mark_label=say("merger_mark", lang) if self.lineage.restated else "",
            )
            parts.append(B.figure(fig, _v("c_trend", lang), self.num))
            cost = series["cost_per_trainee_real"]
            parts.append(B.paragraph(S.trend_text(cost, series["year"], ts, mk, lang)))
        else:
            parts.append(B.paragraph(_v("few_years", lang, n=str(len(series))), "kc-note"))
        parts.append(self._targets())
        parts.append(self._previous())
        return B.HTMLBlock("".join(parts))

    def _targets(self) -> str:
        lang = self.lang
        money = lambda v: format_figure(v, lang)  # noqa: E731
        pct = lambda v: format_percent_value(v, lang)  # noqa: E731
        t = self.totals.dropna(subset=["target"])
        parts = []
        if t.empty:
            parts.append(B.paragraph(_v("no_targets", lang), "kc-note"))
        else:
            t = t.assign(label=t["indicator"].map(lambda i: vocab.indicator_label(i, lang)))
            parts.append(
                B.table(
                    t,
                    [
                        ("label", say("indicator", lang), None),
                        ("target", _v("target", lang), money),
                        ("actual_sum", _v("summed", lang), money),
                        ("reached_ratio", _v("reached", lang), pct),
                        ("reported_actual", _v("reported", lang), money),
                    ],
                    _v("t_targets", lang),
                    self.num,
                    note=say("money_note", lang),
                )
            )
        pub = self.data.published
        national = pub[(pub["area_code"] == "VN") & (pub["period"] == self.p.period)]
        if len(national):
            national = national.assign(
                label=[
                    f"{vocab.activity_label(a, lang)}: {vocab.indicator_label(i, lang)}"
                    for a, i in zip(national["activity"], national["indicator"], strict=True)
                ]
            )
            parts.append(
                B.table(
                    national,
                    [
                        ("label", say("indicator", lang), None),
                        ("planned", _v("target", lang), lambda v: format_number(v, lang)),
                        ("source", say("source", lang), None),
                    ],
                    _v("t_national", lang),
                    self.num,
                )
            )
        return "".join(parts)

    def _previous(self) -> str:
        lang = self.lang
        prev = programme.previous_period(self.p.period)
        pa, pb = programme.period_years(prev)
        p = self.previous
        parts = [B.heading(_v("t_previous", lang), 3)]
        if p.empty or not (p["n_years"] > 0).any():
            return "".join(parts) + B.paragraph(
                _v("no_previous", lang, a=str(pa), b=str(pb)), "kc-note"
            )
        both = p[["indicator", "actual_sum", "actual_real_sum"]].merge(
            self.totals[["indicator", "actual_sum", "actual_real_sum"]],
            on="indicator",
            suffixes=("_prev", "_now"),
        )
        both["change"] = (both["actual_sum_now"] / both["actual_sum_prev"] - 1).where(
            both["actual_sum_prev"] > 0
        )
        both["label"] = both["indicator"].map(lambda i: vocab.indicator_label(i, lang))
        num = lambda v: format_figure(v, lang)  # noqa: E731
        parts.append(
            B.table(
                both,
                [
                    ("label", say("indicator", lang), None),
                    ("actual_sum_prev", _v("prev_col", lang, a=str(pa), b=str(pb)), num),
                    ("actual_sum_now", _v("prev_col", lang, a=str(self.a), b=str(self.b)), num),
                    ("change", say("change", lang), lambda v: format_percent_value(v, lang)),
                ],
                _v("t_previous", lang),
                self.num,
                note=say("money_note", lang),
            )
        )
        return "".join(parts)

    def data_quality(self) -> B.HTMLBlock:
        """Section 4: sources, predecessor sums, missing years."""
        lang = self.lang
        parts = [B.heading(SECTIONS["quality_data"][lang], anchor="quality_data")]
        f = self.data.facts
        rows = f[f["year"].between(self.a, self.b) & (f["period"] == "FY")]
        if self.area not in provinces.regions():
            codes = {self.area} | {c for c, _ in self.lineage.predecessors}
            rows = rows[rows["area_code"].isin(codes)]
            if not self.lineage.restated:
                rows = rows[rows["vintage"] == self.lineage.unit.vintage]
        srcs = sorted({source_label(s, lang) for s in rows["source"]} - {""})
        srcs = [s for s in srcs if not s.startswith("computed total")]
        parts.append(B.paragraph(say("dq_sources", lang)))
        parts.append(B.bullets(srcs[:20]))
        if self.lineage.restated:
            missing = sorted(
                {
                    name
                    for y in range(self.a, min(self.b, 2024) + 1)
                    for name in self.lineage.missing(f, y, "FY")
                }
            )
            if missing:
                span = f"{self.a}–{min(self.b, 2024)}"
                parts.append(
                    B.paragraph(
                        say("merger_missing", lang, year=span, missing=", ".join(missing)),
                        "kc-note",
                    )
                )
        return B.HTMLBlock("".join(parts))

    def footer(self) -> B.HTMLBlock:
        """Provenance: parameters, data files with SHA-256, versions, time."""
        return B.provenance(self.p.to_dict(), self.data.files, self.lang)

    def methods_appendix(self) -> B.HTMLBlock:
        """ "Phụ lục phương pháp": each statistical method in one sentence."""
        return S.methods_appendix(self.lang)
