"""The regional overview: one region, one year, one period."""

from __future__ import annotations

from functools import cached_property

import numpy as np
import pandas as pd

from kcanalysis import indicators, plots, provinces, units, vocab
from kcanalysis import panel as A  # noqa: N812
from kcanalysis.params import RegionalOverviewParams, check_available
from kcanalysis.periods import NEW, OLD, vintage_of
from kcanalysis.sections import blocks as B  # noqa: N812
from kcanalysis.sections import regional_summary as RS  # noqa: N812
from kcanalysis.sections import shared as S  # noqa: N812
from kcanalysis.sections.words import (
    SECTIONS,
    period_in_title,
    period_label,
    say,
    source_label,
    translate_reason,
)
from kcanalysis.text import format_number, format_qualified

_R = {
    "r_intro": (
        "Các tỉnh được so sánh bằng khoảng tin cậy và giới hạn phễu, không bằng bảng "
        "xếp hạng đơn thuần.",
        "Provinces are compared with intervals and funnel limits, not with a bare league table.",
    ),
    "synthetic_col": ("Tổng từ dữ liệu đang dùng", "Total of the data used"),
    "published_col": ("Số liệu đã công bố (thực)", "Published figure (real)"),
    "t_totals": (
        "Tổng của vùng so với số liệu đã công bố",
        "Regional totals against published figures",
    ),
    "no_published": (
        "Không có số liệu công bố cho vùng trong kỳ này.",
        "No published regional figures for this period.",
    ),
    "c_rank": (
        "Tổng kinh phí cho một học viên (triệu đồng, giá so sánh) với khoảng tin cậy 95%",
        "Total spending per trainee (million VND, constant prices) with 95% intervals",
    ),
    "t_rank": (
        "Tổng kinh phí cho một học viên: ước lượng trực tiếp và ước lượng co rút về mức chung",
        "Total spending per trainee: raw and empirical-Bayes shrunk",
    ),
    "raw": ("Ước lượng", "Estimate"),
    "unbounded": (
        "{n} tỉnh có cận trên không xác định (một số mẫu lặp không có học viên): thanh của "
        "các tỉnh này kéo dài tới mép phải của hình và kết thúc bằng mũi tên.",
        "{n} province(s) have an undefined upper limit (some resamples have no trainees): "
        "their bars run to the chart's right edge and end in an arrow.",
    ),
    "rank_note_v2": (
        "Ước lượng co rút kéo chi phí của tỉnh có ít số liệu về gần mức chung của vùng "
        "(trên thang logarit, với sai số lấy từ các lần lấy mẫu lại đề án; phương sai giữa "
        "các tỉnh τ² = {tau2}). Dùng để xếp hạng và hiển thị, không dùng để kiểm toán. Mỗi "
        "đầu ra được tính trên toàn bộ kinh phí. Cách tính ở Phụ lục phương pháp.",
        "Empirical-Bayes shrinkage (normal–normal, DerSimonian–Laird τ²) on the log scale, "
        "with standard errors from the bootstrap distribution; τ² = {tau2}. For ranking and "
        "display, not for auditing. Each output is charged the full budget.",
    ),
    "tau2_unstable": (
        "τ² chỉ ước lượng từ {k} tỉnh (dưới 5) nên không ổn định; mức co rút chỉ mang tính "
        "tham khảo.",
        "τ² is estimated from only {k} province(s) (fewer than 5), so it is unstable; read "
        "the shrinkage as indicative only.",
    ),
    "shrunk": ("Ước lượng co rút", "Shrunk (EB)"),
    "folded_why": (
        "hai mục này cần danh sách đề án của cả năm, mà kỳ này không có.",
        "both need the provinces' project lists of a full year, which this period lacks.",
    ),
    "no_rank": (
        "Không có danh sách đề án cho kỳ này: không có khoảng tin cậy.",
        "No project lists for this period: no intervals.",
    ),
    "t_dea_all": ("Điểm hiệu quả của các tỉnh", "Efficiency scores of the provinces"),
    "new_unit": ("Đơn vị sau 2025", "Unit after 2025"),
    "old_units": ("Gồm các tỉnh cũ", "Former provinces"),
    "missing_olds": ("Thiếu số liệu của", "No figures for"),
    "merger_partial": (
        "Tổng của một đơn vị chỉ được tính khi có đủ số liệu của mọi tỉnh cũ hợp thành; "
        "thiếu một tỉnh thì để trống.",
        "A unit's sum is shown only when every former province in it has figures; "
        "otherwise it is left blank.",
    ),
    "lam_dong_note": (
        "Lâm Đồng mới gồm cả tỉnh Bình Thuận cũ, vốn thuộc nhóm các tỉnh phía Nam, không "
        "thuộc vùng Miền Trung – Tây Nguyên trước ngày 1/7/2025.",
        "The new Lâm Đồng also holds the former Bình Thuận, which belonged to the Southern "
        "group, not to the Central and Central Highlands region, before 1 July 2025.",
    ),
    "t_merger": (
        "Kinh phí và học viên theo đơn vị hành chính sau sáp nhập 2025",
        "Spending and trainees by the post-2025 units",
    ),
    "budget": ("Kinh phí (triệu đồng)", "Spending (million VND)"),
}


def _say(key: str, lang: str, **fields: str) -> str:
    if key in _R:
        text = _R[key][0 if lang == "vi" else 1]
        return text.format(**fields) if fields else text
    return say(key, lang, **fields)


class RegionalOverview:
    """All sections of one regional overview."""

    def __init__(self, params: RegionalOverviewParams, data: A.ReportData | None = None):
        self.p = params
        self.lang = params.lang
        self.data = data or A.load_report_data(params.data)
        self.num = B.Numbering(self.lang)
        self.name = provinces.area_label(params.region, params.year, self.lang, params.period)
        check_available(params, self.data.facts)

    @cached_property
    def panel(self) -> pd.DataFrame:
        return A.region_panel(
            self.data.facts, self.p.region, self.p.year, self.p.period, self.p.base_year
        )

    @cached_property
    def totals(self) -> pd.DataFrame:
        """Regional sums of the data used beside the published regional figures."""
        f = self.data.facts
        codes = provinces.region_members(self.p.region, self.p.year, self.p.period)
        mine = f[
            f["area_code"].isin(codes)
            & (f["vintage"] == vintage_of(self.p.year, self.p.period))
            & (f["year"] == self.p.year)
            & (f["period"] == self.p.period)
        ]
        sums = mine.groupby(["level", "activity", "indicator"])["actual"].sum(min_count=1)
        pub = self.data.published
        pub = pub[
            (pub["area_code"] == self.p.region)
            & (pub["year"] == self.p.year)
            & (pub["period"] == self.p.period)
        ]
        rows = []
        for r in pub.itertuples():
            total = sums.get((r.level, r.activity, r.indicator), np.nan)
            rows.append(
                {
                    "activity": vocab.activity_label(r.activity, self.lang),
                    "indicator": vocab.indicator_label(r.indicator, self.lang),
                    "ours": total,
                    "published": format_qualified(
                        r.actual if pd.notna(r.actual) else r.planned, r.qualifier, self.lang
                    ),
                    "source": source_label(r.source, self.lang),
                }
            )
        return pd.DataFrame(rows)

    def header(self) -> B.HTMLBlock:
        """Title block, banner, summary and table of contents."""
        lang = self.lang
        title = _say(
            "region_title",
            lang,
            name=self.name,
            when=period_in_title(self.p.period, self.p.year, lang),
        )
        f = self.data.facts
        codes = provinces.region_members(self.p.region, self.p.year, self.p.period)
        present = f[
            f["area_code"].isin(codes) & (f["year"] == self.p.year) & (f["period"] == self.p.period)
        ]
        levels = sorted(set(present["level"]) - {"ALL"})
        meta = say(
            "title_meta",
            lang,
            period=period_label(self.p.period, lang),
            levels=", ".join(vocab.LEVEL_LABELS[lv][0 if lang == "vi" else 1] for lv in levels)
            or "–",
            region=self.name,
            basis=vocab.legal_basis(self.p.year, lang),
        )
        parts = [
            f'<header class="kc-title">{B.issuer(self.p.issuer)}<h1>{B.escape(title)}</h1>'
            f'<p class="kc-meta">{B.escape(meta)}</p></header>'
        ]
        if self.data.synthetic:
            parts.append(S.data_banner(self.data, lang))
        parts.append(B.paragraph(_say("r_intro", lang)))
        parts.append(RS.summary_box(self.rows, lang, self.p.region, self.p.year, self.p.period))
        if self.folded:
            names = ", ".join(SECTIONS[k][lang].split(". ", 1)[-1].lower() for k in self.folded)
            parts.append(
                B.paragraph(_say("folded", lang, names=names, reason=_say("folded_why", lang)))
            )
        parts.append(B.toc([(k, self._title(k)) for k in self.shown], lang))
        return B.HTMLBlock("".join(parts))

    @cached_property
    def rows(self) -> pd.DataFrame:
        """Key figures per province (numbered as on the charts)."""
        return RS.province_rows(
            self.data.facts, self.data.projects, self.p.region, self.p.year, self.p.period
        )

    @property
    def numbers(self) -> dict[str, int]:
        """Province name -> its row number in the key-figures table (written on charts)."""
        r = self.rows
        return dict(zip(r["area_name"], r["no"], strict=True)) if len(r) else {}

    @property
    def folded(self) -> tuple[str, ...]:
        """Sections with nothing to show this period: one note instead of empty sections."""
        no_lists = self.data.projects is None or self.p.period != "FY"
        return ("ranking", "funnel") if no_lists else ()

    @property
    def shown(self) -> list[str]:
        keys = ("provinces", "totals", "ranking", "funnel", "frontier", "merger")
        return [k for k in keys if k not in self.folded]

    def _title(self, key: str) -> str:
        """A section's title, numbered among the sections shown."""
        text = SECTIONS[key][self.lang].split(". ", 1)[-1]
        return f"{self.shown.index(key) + 1}. {text}" if key in self.shown else text

    def provinces_table(self) -> B.HTMLBlock:
        """The key figures of every province, numbered as on the charts."""
        return B.HTMLBlock(
            B.heading(self._title("provinces"), anchor="provinces")
            + RS.provinces_table(self.rows, self.lang, self.num)
        )

    def published_totals(self) -> B.HTMLBlock:
        """Section 1: the region's totals against its real published figures."""
        lang = self.lang
        parts = [B.heading(self._title("totals"), anchor="totals")]
        t = self.totals
        if t.empty:
            return B.HTMLBlock(parts[0] + B.paragraph(_say("no_published", lang), "kc-note"))
        parts.append(
            B.table(
                t,
                [
                    ("activity", say("activity", lang), None),
                    ("indicator", say("indicator", lang), None),
                    ("ours", _say("synthetic_col", lang), lambda v: format_number(v, lang)),
                    ("published", _say("published_col", lang), None),
                    ("source", say("source", lang), None),
                ],
                _say("t_totals", lang),
                self.num,
                note=say("money_note", lang),
            )
        )
        return B.HTMLBlock("".join(parts))

    def ranking(self) -> B.HTMLBlock:
        """Section 2: cost per trainee with bootstrap intervals, raw and EB-shrunk."""
        lang = self.lang
        if "ranking" in self.folded:
            return B.HTMLBlock("")
        parts = [B.heading(self._title("ranking"), anchor="ranking")]
        pr = self.data.projects
        if pr is None or self.p.period != "FY":
            return B.HTMLBlock(parts[0] + B.paragraph(_say("no_rank", lang), "kc-note"))
        codes = A.members_with_data(self.data.facts, self.p.region, self.p.year, self.p.period)
        part = pr[(pr["year"] == self.p.year) & pr["area_code"].isin(codes)]
        ci = indicators.cost_ci(part, self.p.base_year, outputs=["trainees"], levels=["ALL"])
        ci = A.shrink_log_costs(ci.dropna(subset=["cost_per_unit_real_mvnd"]))
        bounded = ci.dropna(subset=["ci_low_real_mvnd", "ci_high_real_mvnd"])
        if len(ci) < 3:
            return B.HTMLBlock(parts[0] + B.paragraph(_say("no_rank", lang), "kc-note"))
        fig = plots.plot_ranking(
            ci,  # every province: an undefined upper limit is drawn open-ended
            label="area_name",
            estimate="cost_per_unit_real_mvnd",
            low="ci_low_real_mvnd",
            high="ci_high_real_mvnd",
            ascending=True,
            lang=lang,
        )
        parts.append(B.figure(fig, _say("c_rank", lang), self.num))
        if len(bounded) < len(ci):
            parts.append(
                B.paragraph(_say("unbounded", lang, n=str(len(ci) - len(bounded))), "kc-note")
            )
        num1 = lambda v: format_number(v, lang, 1)  # noqa: E731
        tau2 = ci.attrs.get("tau2_log", float("nan"))
        note = _say("rank_note_v2", lang, tau2=format_number(tau2, lang, 3))
        note += " " + S.bootstrap_note(ci["n_projects"], ci["area_name"], lang)
        if ci.attrs.get("tau2_unstable"):
            note += " " + _say("tau2_unstable", lang, k=str(ci.attrs.get("k_log", 0)))
        parts.append(
            B.table(
                ci.sort_values("cost_per_unit_real_mvnd").assign(
                    reason=lambda d: [
                        translate_reason("; ".join(x for x in (r, n) if x), lang)
                        for r, n in zip(d["reason"], d["shrink_note"], strict=True)
                    ]
                ),
                [
                    ("area_name", say("pub_area", lang), None),
                    ("n_projects", say("n_projects", lang), lambda v: format_number(v, lang)),
                    ("cost_per_unit_real_mvnd", _say("raw", lang), num1),
                    ("ci_low_real_mvnd", say("ci_low", lang), num1),
                    ("ci_high_real_mvnd", say("ci_high", lang), num1),
                    ("shrunk", _say("shrunk", lang), num1),
                    ("reason", say("reason", lang), None),
                ],
                _say("t_rank", lang),
                self.num,
                note=note,
            )
        )
        return B.HTMLBlock("".join(parts))

    def funnel(self) -> B.HTMLBlock:
        """Section 3: on-time completion funnel plot."""
        lang = self.lang
        if "funnel" in self.folded:
            return B.HTMLBlock("")
        parts = [B.heading(self._title("funnel"), anchor="funnel")]
        parts.append(
            S.on_time_funnel(
                self.data,
                self.p.region,
                self.p.year,
                self.p.period,
                lang,
                self.num,
                numbers=self.numbers,
            )
        )
        return B.HTMLBlock("".join(parts))

    def frontier(self) -> B.HTMLBlock:
        """Section 4: DEA scores of every province."""
        lang = self.lang
        parts = [B.heading(self._title("frontier"), anchor="frontier")]
        d = A.dea_scores(self.panel)
        if d.empty:
            return B.HTMLBlock(
                parts[0] + B.paragraph(say("no_dea", lang), "kc-note") + S.dea_notes(d, lang)
            )
        parts.append(S.dea_figure(d, lang, self.num, numbers=self.numbers))
        num2 = lambda v: format_number(v, lang, 2)  # noqa: E731
        parts.append(
            B.table(
                d.sort_values("crs", ascending=False),
                [
                    ("area_name", say("pub_area", lang), None),
                    ("crs", say("crs", lang), num2),
                    ("vrs", say("vrs", lang), num2),
                    ("scale", say("scale", lang), num2),
                    ("peers", say("peers", lang), None),
                ],
                _say("t_dea_all", lang),
                self.num,
            )
        )
        m = A.malmquist_change(
            self.data.facts, self.p.region, self.p.year, self.p.period, self.p.base_year
        )
        if len(m):
            fig = plots.plot_malmquist(m, dmu="area_name", lang=lang)
            caption = say("t_malmquist", lang, prev=str(self.p.year - 1), year=str(self.p.year))
            parts.append(B.figure(fig, caption, self.num))
            parts.append(B.paragraph(say("malmquist_note", lang), "kc-note"))
        elif m.attrs.get("reason"):
            reason = translate_reason(m.attrs["reason"], lang)
            parts.append(B.paragraph(say("malmquist_refused", lang, reason=reason), "kc-note"))
        return B.HTMLBlock("".join(parts))

    def merger(self) -> B.HTMLBlock:
        """Section 5: the old provinces grouped into their post-2025 units."""
        lang = self.lang
        parts = [B.heading(self._title("merger"), anchor="merger")]
        p = self.panel
        if p.empty:
            return B.HTMLBlock(parts[0] + B.paragraph(say("f_none", lang), "kc-note"))
        if vintage_of(self.p.year, self.p.period) == OLD:
            g = self._grouped_into_units(p)
        else:  # the units themselves, with the provinces they were formed from
            g = p.assign(
                unit=p["area_name"],
                old=p["area_code"].map(
                    lambda c: ", ".join(units.unit_name(o, OLD) for o in units.predecessors(c))
                ),
                missing="",
            )
        parts.append(
            B.table(
                g,
                [
                    ("unit", _say("new_unit", lang), None),
                    ("old", _say("old_units", lang), None),
                    ("missing", _say("missing_olds", lang), None),
                    ("budget_kc", _say("budget", lang), lambda v: format_number(v, lang, 1)),
                    ("trainees", say("trainees", lang), lambda v: format_number(v, lang)),
                ],
                _say("t_merger", lang),
                self.num,
                note=_say("merger_partial", lang),
            )
        )
        if "68" in set(p["area_code"].map(provinces.successor)) and self.p.region == "MTTN":
            parts.append(B.paragraph(_say("lam_dong_note", lang), "kc-note"))
        return B.HTMLBlock("".join(parts))

    @staticmethod
    def _grouped_into_units(p: pd.DataFrame) -> pd.DataFrame:
        """Old provinces summed into their new units; a unit with a former province
        missing gets no sum (a partial sum is never shown), and names what is missing."""
        p = p.assign(new=p["area_code"].map(provinces.successor))
        g = (
            p.groupby("new", sort=True)
            .agg(
                budget_kc=("budget_kc", lambda s: s.sum(min_count=len(s))),
                trainees=("trainees", lambda s: s.sum(min_count=len(s))),
                old=("area_name", lambda s: ", ".join(s)),
                have=("area_code", lambda s: frozenset(s)),
            )
            .reset_index()
        )
        missing = [
            ", ".join(units.unit_name(c, OLD) for c in units.predecessors(new) if c not in have)
            for new, have in zip(g["new"], g["have"], strict=True)
        ]
        g["missing"] = missing
        partial = g["missing"] != ""
        g.loc[partial, ["budget_kc", "trainees"]] = np.nan
        g["unit"] = g["new"].map(lambda c: units.unit_name(c, NEW))
        return g

    def footer(self) -> B.HTMLBlock:
        """Provenance footer."""
        return B.provenance(self.p.to_dict(), self.data.files, self.lang)

    def methods_appendix(self) -> B.HTMLBlock:
        """ "Phụ lục phương pháp": each statistical method in one sentence."""
        return S.methods_appendix(self.lang)
