"""The province report: one area, one year, one period.

Each method returns one `HTMLBlock`, so the notebook is a list of one-line calls. The
report answers the Ministry's three questions: on schedule? funds used for their purpose?
better quality and scale?
"""

from __future__ import annotations

from functools import cached_property

import numpy as np
import pandas as pd

from kcanalysis import indicators, methods, plots, programme, provinces, vocab
from kcanalysis import panel as A  # noqa: N812
from kcanalysis.datasets.cpi import cpi_carried_years, latest_cpi_year
from kcanalysis.params import ProvinceReportParams
from kcanalysis.periods import OLD, period_end, vintage_of
from kcanalysis.sections import blocks as B  # noqa: N812
from kcanalysis.sections import shared as S  # noqa: N812
from kcanalysis.sections.costs import cost_by_producing_activity
from kcanalysis.sections.ingest_words import ingest_message
from kcanalysis.sections.words import (
    SECTIONS,
    period_in_title,
    period_label,
    say,
    source_label,
    translate_reason,
)
from kcanalysis.text import (
    figure_decimals,
    format_figure,
    format_money,
    format_number,
    format_percent_value,
    format_qualified,
)

_HEADLINE = (
    "budget_kc",
    "disbursed",
    "projects",
    "trainees",
    "models",
    "establishments",
    "jobs_created",
)


class ProvinceReport:
    """All sections of one province report, computed from `ReportData`."""

    def __init__(self, params: ProvinceReportParams, data: A.ReportData | None = None):
        self.p = params
        self.lang = params.lang
        self.data = data or A.load_report_data(params.data)
        self.num = B.Numbering(self.lang)
        self.area = params.province
        self.vintage = vintage_of(params.year, params.period)
        self.lineage = A.lineage(self.area, params.year, params.period)
        self.name = provinces.area_label(self.area, params.year, self.lang, params.period)
        from kcanalysis.params import check_available

        check_available(params, self.data.facts)

    # ------------------------------------------------------------------ numbers
    @cached_property
    def facts(self) -> pd.DataFrame:
        """The unit's rows of the report's period, through time (see `panel.unit_facts`)."""
        f = A.unit_facts(self.data.facts, self.area, self.vintage)
        return f[f["period"] == self.p.period]

    def _olds(self) -> str:
        names = [name for _, name in self.lineage.predecessors]
        last = " và " if self.lang == "vi" else " and "
        return last.join([", ".join(names[:-1]), names[-1]]) if len(names) > 1 else names[0]

    @cached_property
    def merger_notes(self) -> dict[str, str]:
        """Plain sentences on the merger: what the unit is, and what each comparison uses."""
        lang, notes = self.lang, {}
        prev = self.p.year - 1
        if self.lineage.restated:
            notes["unit"] = say("merger_unit", lang, name=self.name, olds=self._olds())
            if vintage_of(prev, self.p.period) == OLD:
                missing = self.lineage.missing(self.data.facts, prev, self.p.period)
                notes["compare"] = (
                    say("merger_missing", lang, year=str(prev), missing=", ".join(missing))
                    if missing
                    else say("merger_compare", lang, year=str(prev), olds=self._olds())
                )
        elif self.vintage == OLD and self.p.year >= 2025 and self.area not in provinces.regions():
            new = provinces.province_name(provinces.successor(self.area), 2026)
            notes["unit"] = say("merger_old", lang, name=self.name, new=new)
        carried = cpi_carried_years([self.p.year])
        if carried:
            notes["cpi"] = say(
                "cpi_carried",
                lang,
                years=", ".join(map(str, carried)),
                last=str(latest_cpi_year()),
            )
        return notes

    @cached_property
    def fulfilment(self) -> pd.DataFrame:
        """Headline indicators: reported totals, fulfilment, last year, regional median.

        `planned` and `actual` are the full totals of the area (so nothing reported is left
        out of the table); the fulfilment ratio uses the parts that report both, and its
        note says when that differs.
        """
        this = self.facts[self.facts["year"] == self.p.year]
        totals = this[(this["level"] == "ALL") & (this["activity"] == "ALL")]
        shown = [i for i in _HEADLINE if i in set(totals["indicator"])]
        if not shown:
            return pd.DataFrame(
                columns=[
                    "indicator",
                    "planned",
                    "actual",
                    "fulfilment_ratio",
                    "plan_from_list",
                    "region_median",
                ]
            ).astype({"plan_from_list": bool})
        res = indicators.plan_fulfilment(
            this, indicators=shown, levels=["ALL"], activities=["ALL"]
        ).drop(columns=["planned", "actual"])
        res = res.merge(totals[["indicator", "planned", "actual"]], on="indicator", how="left")
        last = self.facts[self.facts["year"] == self.p.year - 1]
        if self.lineage.missing(self.data.facts, self.p.year - 1, self.p.period):
            last = last.iloc[0:0]  # a partial sum of the predecessors is never compared
        prev = {
            r.indicator: r.actual
            for r in last[(last["level"] == "ALL") & (last["activity"] == "ALL")].itertuples()
        }
        res["last_year"] = res["indicator"].map(prev)
        res["change"] = (res["actual"] / res["last_year"] - 1).where(res["last_year"] > 0)
        # A project list is its own plan: no fulfilment without a separate plan figure.
        listed = [
            i
            for i in res["indicator"]
            if S.plan_from_list(this[this["indicator"] == i], self.data.projects)
        ]
        res["plan_from_list"] = res["indicator"].isin(listed)
        res.loc[res["plan_from_list"], ["planned", "fulfilment_ratio", "fulfilment_pct"]] = np.nan
        panel = self.panel
        res["region_median"] = res["indicator"].map(
            lambda i: S.regional_median(panel[i]) if i in panel else np.nan
        )
        return res.assign(_o=res["indicator"].map(_HEADLINE.index)).sort_values("_o")

    @cached_property
    def panel(self) -> pd.DataFrame:
        return A.region_panel(
            self.data.facts, self.p.region, self.p.year, self.p.period, self.p.base_year
        )

    @cached_property
    def projects(self) -> pd.DataFrame | None:
        pr = self.data.projects
        if pr is None or self.p.period != "FY":
            return None
        part = pr[(pr["area_code"] == self.area) & (pr["year"] == self.p.year)]
        return part if len(part) else None

    @cached_property
    def on_time(self) -> pd.DataFrame:
        if self.projects is None:
            return pd.DataFrame()
        # Read on the period's last day: a report never changes with the day it is run.
        as_of = period_end(self.p.year, self.p.period)
        res = indicators.on_time_completion(self.projects, as_of=as_of)
        return res[res["level"] == "ALL"]

    @cached_property
    def disbursement(self) -> pd.DataFrame:
        this = self.facts[self.facts["year"] == self.p.year]
        return indicators.disbursement_rate(this, levels=["ALL"], activities=["ALL"])

    @cached_property
    def cost(self) -> pd.DataFrame:
        this = self.facts[self.facts["year"] == self.p.year]
        res = indicators.cost_effectiveness(
            this, self.p.base_year, levels=["ALL"], activities=["ALL"]
        )
        if self.projects is not None:
            ci = indicators.cost_ci(self.projects, self.p.base_year, levels=["ALL"])
            res = res.merge(
                ci[["output", "ci_low_real_mvnd", "ci_high_real_mvnd", "ci_method", "n_projects"]],
                on="output",
                how="left",
            )
        return res

    @cached_property
    def cost_by_activity(self) -> pd.DataFrame:
        """Table 5: each output charged only the money of the activities that produced it."""
        this = self.facts[self.facts["year"] == self.p.year]
        return cost_by_producing_activity(this, self.projects, self.p.base_year, self.lang)

    @cached_property
    def leverage(self) -> pd.DataFrame:
        this = self.facts[self.facts["year"] == self.p.year]
        return indicators.leverage(this, levels=["ALL"], activities=["ALL"])

    @cached_property
    def trend(self) -> tuple[pd.DataFrame, object, object]:
        series = A.province_trend(
            self.data.facts, self.area, self.p.period, self.p.year, self.p.base_year
        )
        if series.empty or "cost_per_trainee_real" not in series:
            return series, None, None
        s = series.dropna(subset=["cost_per_trainee_real"])
        if len(s) < 3:
            return series, None, None
        ts = methods.theil_sen(s["cost_per_trainee_real"], s["year"])
        mk = methods.mann_kendall(s["cost_per_trainee_real"], s["year"])
        return series, ts, mk

    @cached_property
    def dea(self) -> pd.DataFrame:
        return A.dea_scores(self.panel)

    @cached_property
    def malmquist(self) -> pd.DataFrame:
        return A.malmquist_change(
            self.data.facts, self.p.region, self.p.year, self.p.period, self.p.base_year
        )

    @cached_property
    def headline(self) -> dict[str, float | None]:
        """The index page's headline figures: spending (million VND), % of plan, trainees."""
        f = self.fulfilment.set_index("indicator")

        def get(ind: str, col: str) -> float | None:
            value = f[col].get(ind, np.nan) if col in f else np.nan
            return None if pd.isna(value) else float(value)

        pct = get("budget_kc", "fulfilment_ratio")
        return {
            "budget_kc_mvnd": get("budget_kc", "actual"),
            "budget_kc_plan_pct": None if pct is None else round(100 * pct, 1),
            "trainees": get("trainees", "actual"),
        }

    # ------------------------------------------------------------------ findings
    @cached_property
    def findings(self) -> list[str]:
        lang, out = self.lang, []
        f = self.fulfilment.set_index("indicator")
        if "budget_kc" in f.index and f.loc["budget_kc", "plan_from_list"]:
            out.append(
                say("f_budget_list", lang, actual=format_money(f.loc["budget_kc", "actual"], lang))
            )
        elif "budget_kc" in f.index and pd.notna(f.loc["budget_kc", "fulfilment_ratio"]):
            out.append(
                say(
                    "f_budget",
                    lang,
                    pct=format_percent_value(f.loc["budget_kc", "fulfilment_ratio"], lang),
                    actual=format_money(f.loc["budget_kc", "actual"], lang),
                )
            )
        if len(self.on_time) and pd.notna(self.on_time["on_time_ratio"].iloc[0]):
            r = self.on_time.iloc[0]
            out.append(
                say(
                    "f_on_time",
                    lang,
                    pct=format_percent_value(r["on_time_ratio"], lang),
                    n=format_number(r["n_on_time"], lang),
                    due=format_number(r["n_due"], lang),
                )
            )
        d = self.disbursement
        if len(d) and pd.notna(d["disbursement_ratio"].iloc[0]):
            out.append(
                say(
                    "f_disbursed",
                    lang,
                    pct=format_percent_value(d["disbursement_ratio"].iloc[0], lang),
                )
            )
        c = self.cost[self.cost["output"] == "trainees"]
        med = S.regional_median(self.panel["cost_per_trainee_real"]) if len(self.panel) else np.nan
        if len(c) and pd.notna(c["cost_per_unit_real_mvnd"].iloc[0]) and pd.notna(med):
            value = c["cost_per_unit_real_mvnd"].iloc[0]
            key = "f_cost_low" if value <= med else "f_cost_high"
            out.append(
                say(
                    key,
                    lang,
                    value=format_number(value, lang, 1),
                    median=format_number(med, lang, 1),
                )
            )
        _, ts, mk = self.trend
        if ts is not None:
            out.append(S.trend_finding(ts, mk, lang))
        dea = self._dea_words()
        if dea:
            out.append(say("f_dea", lang, **dea) if dea["pct"] else say("f_dea_best", lang))
        return out or [say("f_none", lang)]

    def _dea_words(self) -> dict[str, str]:
        """The DEA result in words: reference provinces, their money, its share ("" when
        the province is on the frontier); empty without a DEA result."""
        if not len(self.dea) or self.area not in set(self.dea["area_code"]):
            return {}
        r = self.dea.set_index("area_code").loc[self.area]
        best = bool(r["crs"] >= 1 - 1e-9)
        return {
            "peers": r["peers"] or "–",
            "target": format_number(r["frontier_budget_kc_real"], self.lang, 1),
            "pct": "" if best else format_percent_value(r["crs"], self.lang, 0),
        }

    @cached_property
    def _facts_in_words(self) -> dict:
        """The figures the verdicts and the closing assessment are worded from."""
        lang, f = self.lang, self.fulfilment.set_index("indicator")
        pct = lambda v: format_percent_value(v, lang)  # noqa: E731
        out: dict = {}
        if len(self.on_time) and self.on_time["n_due"].iloc[0] > 0:
            r = self.on_time.iloc[0]
            late = int(r["n_due"] - r["n_on_time"])
            out["late"] = {
                "late": format_number(late, lang),
                "due": format_number(r["n_due"], lang),
                "pct": pct(late / r["n_due"]),
                "n": late,
            }
        if "budget_kc" in f.index and pd.notna(f.loc["budget_kc", "fulfilment_ratio"]):
            ratio = float(f.loc["budget_kc", "fulfilment_ratio"])
            out["plan"] = {"pct": pct(ratio), "ratio": ratio}
        d = self.disbursement
        if len(d) and pd.notna(d["disbursement_ratio"].iloc[0]):
            ratio = float(d["disbursement_ratio"].iloc[0])
            out["disbursed"] = {"pct": pct(ratio), "ratio": ratio}
        this = self.facts[
            (self.facts["year"] == self.p.year)
            & (self.facts["level"] == "ALL")
            & (self.facts["activity"] != "ALL")
            & (self.facts["indicator"] == "budget_kc")
        ].dropna(subset=["actual"])
        if len(this) and this["actual"].sum() > 0:
            top = this.loc[this["actual"].idxmax()]
            out["mix"] = {
                "activity": vocab.activity_label(top["activity"], lang).lower(),
                "share": pct(top["actual"] / this["actual"].sum()),
            }
        c = self.cost[self.cost["output"] == "trainees"]
        med = S.regional_median(self.panel["cost_per_trainee_real"]) if len(self.panel) else np.nan
        if len(c) and pd.notna(c["cost_per_unit_real_mvnd"].iloc[0]) and pd.notna(med):
            value = float(c["cost_per_unit_real_mvnd"].iloc[0])
            out["cost"] = {
                "value": format_number(value, lang, 1),
                "median": format_number(med, lang, 1),
                "above": value > med,
            }
        if self._dea_words():
            out["dea"] = self._dea_words()
        return out

    @cached_property
    def verdicts(self) -> dict[str, str]:
        """One line per question, worded from the numbers ("Chậm tiến độ: 7 trong 21 ...")."""
        lang, w = self.lang, self._facts_in_words
        if "late" in w:
            schedule = say("v_late" if w["late"]["n"] else "v_on_time", lang, **w["late"])
        elif "plan" in w:
            key = "v_plan_met" if w["plan"]["ratio"] >= 1 else "v_plan_short"
            schedule = say(key, lang, pct=w["plan"]["pct"])
        else:
            schedule = say("v_no_schedule", lang)
        if "disbursed" in w and "mix" in w:
            key = "v_disbursed_ok" if w["disbursed"]["ratio"] >= 0.9 else "v_disbursed_slow"
            purpose = say(key, lang, pct=w["disbursed"]["pct"], **w["mix"])
        elif "mix" in w:
            purpose = say("v_mix_only", lang, **w["mix"])
        else:
            purpose = say("v_no_purpose", lang)
        if "dea" in w:
            dea = w["dea"]
            quality = say("v_inefficient", lang, **dea) if dea["pct"] else say("v_efficient", lang)
        elif "cost" in w:
            c = w["cost"]
            side = say("side_above" if c["above"] else "side_below", lang)
            quality = say("v_cost_only", lang, value=c["value"], median=c["median"], side=side)
        else:
            quality = say("v_no_quality", lang)
        return {"schedule": schedule, "purpose": purpose, "quality": quality}

    @cached_property
    def assessment(self) -> list[str]:
        """Three to five sentences for "Đánh giá chung và kiến nghị", each naming its figure."""
        lang, w, out = self.lang, self._facts_in_words, []
        if "late" in w:
            out.append(say("k_late" if w["late"]["n"] else "k_on_time", lang, **w["late"]))
        if "plan" in w:
            key = "k_plan_met" if w["plan"]["ratio"] >= 0.95 else "k_plan_short"
            out.append(say(key, lang, pct=w["plan"]["pct"]))
        if "disbursed" in w and w["disbursed"]["ratio"] < 0.9:
            out.append(say("k_disbursed_slow", lang, pct=w["disbursed"]["pct"]))
        if "cost" in w:
            c = w["cost"]
            key = "k_cost_high" if c["above"] else "k_cost_low"
            out.append(say(key, lang, value=c["value"], median=c["median"]))
        if "dea" in w and w["dea"]["pct"]:
            out.append(say("k_dea", lang, **w["dea"]))
        return out[:5] or [say("k_none", lang)]

    def conclusion(self) -> B.HTMLBlock:
        """The closing "Đánh giá chung và kiến nghị": sentences from the findings."""
        return B.HTMLBlock(
            B.heading(SECTIONS["verdict_all"][self.lang], anchor="verdict_all")
            + B.bullets(self.assessment, "kc-assessment")
        )

    def methods_appendix(self) -> B.HTMLBlock:
        """ "Phụ lục phương pháp": each statistical method in one sentence."""
        return S.methods_appendix(self.lang)

    # ------------------------------------------------------------------ sections
    def header(self) -> B.HTMLBlock:
        """Title block, synthetic banner, summary of findings and table of contents."""
        lang = self.lang
        levels = sorted(set(self.facts.loc[self.facts["year"] == self.p.year, "level"]) - {"ALL"})
        level_text = (
            ", ".join(vocab.LEVEL_LABELS[lv][0 if lang == "vi" else 1] for lv in levels) or "–"
        )
        title = say(
            "province_title",
            lang,
            name=self.name,
            when=period_in_title(self.p.period, self.p.year, lang),
        )
        meta = say(
            "title_meta",
            lang,
            period=period_label(self.p.period, lang),
            levels=level_text,
            region=provinces.area_label(self.p.region, self.p.year, lang),
            basis=vocab.legal_basis(self.p.year, lang),
        )
        parts = [
            f'<header class="kc-title">{B.issuer(self.p.issuer)}<h1>{B.escape(title)}</h1>'
            f'<p class="kc-meta">{B.escape(meta)}</p></header>'
        ]
        if "unit" in self.merger_notes:
            parts.append(B.paragraph(self.merger_notes["unit"], "kc-merger"))
        if self.data.synthetic:
            parts.append(S.data_banner(self.data, lang))
        parts.append(f"<h2>{B.escape(say('summary', lang))}</h2>")
        parts.append(B.bullets(self.findings, "kc-summary"))
        parts.append(
            B.toc(
                [
                    (k, SECTIONS[k][lang])
                    for k in (
                        "schedule",
                        "purpose",
                        "quality",
                        "quality_data",
                        "verdict_all",
                        "appendix",
                    )
                ],
                lang,
            )
        )
        return B.HTMLBlock("".join(parts), data={B.HEADLINE_MIME: self.headline})

    def schedule(self) -> B.HTMLBlock:
        """Section 1: plan fulfilment, against last year and the region; on-time completion."""
        lang, f = self.lang, self.fulfilment
        parts = [
            B.heading(SECTIONS["schedule"][lang], anchor="schedule"),
            B.paragraph(say("schedule_intro", lang)),
        ]
        ind = lambda i: vocab.indicator_label(i, lang)  # noqa: E731
        show = f.assign(label=f["indicator"].map(ind))
        pct = lambda v: format_percent_value(v, lang)  # noqa: E731
        num = lambda v: format_number(v, lang)  # noqa: E731
        parts.append(
            B.table(
                show,
                [
                    ("label", say("indicator", lang), None),
                    ("planned", say("planned", lang), num),
                    ("actual", say("actual", lang), num),
                    ("fulfilment_ratio", say("fulfil", lang), pct),
                    ("last_year", say("last_year", lang), num),
                    ("change", say("change", lang), pct),
                    ("region_median", say("region_median", lang), num),
                ],
                say("t_fulfilment", lang),
                self.num,
                note=" ".join(self._fulfilment_notes()),
            )
        )
        if "compare" in self.merger_notes:
            parts.append(B.paragraph(self.merger_notes["compare"], "kc-merger"))
        parts.append(self._programme_pace())
        bars = show.dropna(subset=["planned", "actual"])
        bars = bars[bars["planned"] > 0]
        if len(bars) > 1:  # one bar is no chart: Table 1 says it
            fig = plots.plot_plan_vs_actual(
                bars, label="label", planned="planned", actual="actual", lang=lang
            )
            parts.append(B.figure(fig, say("c_plan_actual", lang), self.num))
        if len(self.on_time) and not self.on_time["n_due"].iloc[0] > 0:
            r = self.on_time.iloc[0]
            reason = translate_reason(r.get("reason"), lang)
            parts.append(B.paragraph(say("no_due", lang, reason=reason), "kc-note"))
        elif len(self.on_time):
            r = self.on_time.iloc[0]
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
                    note=translate_reason(r.get("reason"), lang),
                )
            )
        else:
            parts.append(B.paragraph(say("no_projects", lang), "kc-note"))
        parts.append(S.verdict(self.verdicts["schedule"]))
        return B.HTMLBlock("".join(parts))

    def _fulfilment_notes(self) -> list[str]:
        """The notes under Table 1: units, plans taken from a project list, medians."""
        lang, f = self.lang, self.fulfilment
        notes = [say("money_note", lang)]
        listed = f.loc[f["plan_from_list"], "indicator"]
        if len(listed):
            names = ", ".join(vocab.indicator_label(i, lang).lower() for i in listed)
            notes.append(say("plan_from_list", lang, names=names))
        if self.alone:
            notes.append(say("no_peers", lang, n=str(self.n_peers)))
        elif f["region_median"].isna().any():
            notes.append(say("median_rule", lang, n=format_number(self.n_peers, lang)))
        return notes

    @cached_property
    def n_peers(self) -> int:
        """How many provinces of the region report spending this period (itself included)."""
        p = self.panel
        return int(p["budget_kc"].notna().sum()) if "budget_kc" in p else 0

    @property
    def alone(self) -> bool:
        """Too few provinces to compare with: the peer sections become one sentence."""
        return self.n_peers < S.MIN_FOR_MEDIAN

    def _programme_pace(self) -> str:
        """Where the unit stands against its running programme's plan (full years only)."""
        running = programme.running_period(self.p.year)
        if self.p.period != "FY" or running is None or self.area in provinces.regions():
            return ""
        pace = programme.pace(self.data.facts, self.area, self.p.year, running)
        if pace is None:
            return ""
        lang = self.lang
        a, b = programme.period_years(running)
        money = lambda v: format_number(v, lang, 1)  # noqa: E731
        row = pd.DataFrame([pace])
        return B.table(
            row,
            [
                (
                    "years_done",
                    say("pace_years", lang),
                    lambda v: f"{int(v)}/{int(row['years_total'][0])}",
                ),
                ("plan", say("pace_plan", lang), money),
                (
                    "cumulative",
                    say("pace_done", lang, a=str(a), year=str(self.p.year))
                    if a < self.p.year
                    else say("pace_done_one", lang, year=str(self.p.year)),
                    money,
                ),
                ("share", say("pace_share", lang), lambda v: format_percent_value(v, lang)),
                ("needed_per_year", say("pace_needed", lang), money),
            ],
            say("t_pace", lang, a=str(a), b=str(b)),
            self.num,
            note=say("pace_note", lang),
        )

    def purpose(self) -> B.HTMLBlock:
        """Section 2: disbursement and spending by activity against plan."""
        lang = self.lang
        parts = [
            B.heading(SECTIONS["purpose"][lang], anchor="purpose"),
            B.paragraph(say("purpose_intro", lang)),
        ]
        d = self.disbursement
        money = lambda v: format_number(v, lang, 1)  # noqa: E731
        pct = lambda v: format_percent_value(v, lang)  # noqa: E731
        parts.append(
            B.table(
                d,
                [
                    ("budget_kc_planned_mvnd", say("planned_budget", lang), money),
                    ("disbursed_mvnd", say("disbursed", lang), money),
                    ("disbursement_ratio", say("disbursement", lang), pct),
                ],
                say("t_disbursement", lang),
                self.num,
                note=say("money_note", lang),
            )
        )
        this = self.facts[
            (self.facts["year"] == self.p.year)
            & (self.facts["level"] == "ALL")
            & (self.facts["activity"] != "ALL")
            & (self.facts["indicator"] == "budget_kc")
        ]
        if len(this):
            mix = this.assign(
                label=this["activity"].map(lambda a: vocab.activity_label(a, lang)),
                share=this["actual"] / this["actual"].sum(),
            )
            parts.append(
                B.figure(plots.plot_activity_mix(mix, lang=lang), say("c_mix", lang), self.num)
            )
            parts.append(
                B.table(
                    mix.sort_values("actual", ascending=False),
                    [
                        ("label", say("activity", lang), None),
                        ("planned", say("planned", lang), money),
                        ("actual", say("actual", lang), money),
                        ("share", say("share", lang), pct),
                    ],
                    say("t_mix", lang),
                    self.num,
                    note=say("money_note", lang),
                )
            )
        parts.append(S.verdict(self.verdicts["purpose"]))
        return B.HTMLBlock("".join(parts))

    def quality(self) -> B.HTMLBlock:
        """Section 3: cost-effectiveness with CIs, leverage, trend, funnel, DEA, Malmquist."""
        lang = self.lang
        num1 = lambda v: format_number(v, lang, 1)  # noqa: E731
        num2 = lambda v: format_number(v, lang, 2)  # noqa: E731
        parts = [
            B.heading(SECTIONS["quality"][lang], anchor="quality"),
            B.paragraph(say("quality_intro", lang, base=str(self.p.base_year))),
        ]
        if "cpi" in self.merger_notes:
            parts.append(B.paragraph(self.merger_notes["cpi"], "kc-note"))
        cost = self.cost_by_activity
        cost = cost.assign(label=cost["output"].map(lambda o: vocab.indicator_label(o, lang)))
        cols = [
            ("label", say("output", lang), None),
            ("activities", say("made_by", lang), None),
            ("output_count", say("actual", lang), lambda v: format_number(v, lang)),
            ("cost_per_unit_mvnd", say("cost_nominal", lang), num1),
            ("cost_per_unit_real_mvnd", say("cost_real", lang, base=str(self.p.base_year)), num1),
        ]
        if "ci_low_real_mvnd" in cost:
            cols += [
                ("ci_low_real_mvnd", say("ci_low", lang), num1),
                ("ci_high_real_mvnd", say("ci_high", lang), num1),
            ]
        cols.append(("reason", say("reason", lang), None))
        if cost.empty:
            parts.append(B.paragraph(say("no_outputs", lang), "kc-note"))
        else:
            note = say("cost_note", lang)
            if "n_projects" in cost:
                note += " " + S.bootstrap_note(cost["n_projects"], None, lang)
            parts.append(B.table(cost, cols, say("t_cost", lang), self.num, note=note))
        lev = self.leverage
        lev = lev.assign(reason=lev["reason"].map(lambda r: translate_reason(r, lang)))
        parts.append(
            B.table(
                lev,
                [
                    ("budget_kc_mvnd", say("kc_funds", lang), num1),
                    ("budget_counterpart_mvnd", say("counterpart", lang), num1),
                    ("leverage_ratio", say("leverage", lang), num2),
                    ("reason", say("reason", lang), None),
                ],
                say("t_leverage", lang),
                self.num,
                note=say("money_note", lang),
            )
        )
        series, ts, mk = self.trend
        parts.append(B.heading(say("h_trend", lang), 3))
        if ts is not None:
            s = series.dropna(subset=["cost_per_trainee_real"])
            across = bool((s["basis"] == "predecessors").any()) and self.lineage.restated
            fig = plots.plot_trend(
                s["year"],
                s["cost_per_trainee_real"],
                slope=ts.slope,
                intercept=ts.intercept,
                low=ts.low,
                high=ts.high,
                highlight_year=self.p.year,
                ylabel=say("cost_axis", lang, base=str(self.p.base_year)),
                lang=lang,
                mark_at=2024.5 if across else None,
                mark_label=say("merger_mark", lang) if across else "",
            )
            parts.append(B.figure(fig, say("c_trend", lang), self.num))
            if across:
                parts.append(B.paragraph(say("merger_trend", lang, olds=self._olds()), "kc-merger"))
            parts.append(
                B.paragraph(S.trend_text(s["cost_per_trainee_real"], s["year"], ts, mk, lang))
            )
        else:
            parts.append(B.paragraph(say("no_trend", lang), "kc-note"))
        if self.alone:
            parts.append(B.heading(say("h_peers", lang), 3))
            parts.append(B.paragraph(say("no_peers", lang, n=str(self.n_peers)), "kc-note"))
        else:
            parts.append(self._funnel())
            parts.append(self._dea())
        parts.append(S.verdict(self.verdicts["quality"]))
        return B.HTMLBlock("".join(parts))

    def _funnel(self) -> B.HTMLBlock:
        mine = self.name
        return B.HTMLBlock(
            B.heading(say("h_funnel", self.lang), 3)
            + S.on_time_funnel(
                self.data,
                self.p.region,
                self.p.year,
                self.p.period,
                self.lang,
                self.num,
                highlight=mine,
            )
        )

    def _dea(self) -> B.HTMLBlock:
        lang = self.lang
        num2 = lambda v: format_number(v, lang, 2)  # noqa: E731
        parts = [B.heading(say("h_dea", lang), 3)]
        d = self.dea
        if d.empty:
            return B.HTMLBlock(
                parts[0] + B.paragraph(say("no_dea", lang), "kc-note") + S.dea_notes(d, lang)
            )
        parts.append(S.dea_figure(d, lang, self.num, self.name))
        mine = d[d["area_code"] == self.area]
        parts.append(
            B.table(
                mine,
                [
                    ("crs", say("crs", lang), num2),
                    ("vrs", say("vrs", lang), num2),
                    ("scale", say("scale", lang), num2),
                    ("peers", say("peers", lang), None),
                    (
                        "frontier_budget_kc_real",
                        say("frontier_budget", lang),
                        lambda v: format_number(v, lang, 1),
                    ),
                ],
                say("t_dea_v2", lang),
                self.num,
                note=say("frontier_note", lang),
            )
        )
        m = self.malmquist
        if len(m) and self.area in set(m["area_code"]):
            r = m[m["area_code"] == self.area]
            parts.append(
                B.table(
                    r,
                    [
                        ("M", say("m_index", lang), num2),
                        ("EC", say("m_ec", lang), num2),
                        ("TC", say("m_tc", lang), num2),
                        ("PEch", say("m_pe", lang), num2),
                        ("SEch", say("m_se", lang), num2),
                    ],
                    say("t_malmquist", lang, prev=str(self.p.year - 1), year=str(self.p.year)),
                    self.num,
                    note=say("malmquist_note", lang),
                )
            )
        elif m.attrs.get("reason"):
            reason = translate_reason(m.attrs["reason"], lang)
            parts.append(B.paragraph(say("malmquist_refused", lang, reason=reason), "kc-note"))
        return B.HTMLBlock("".join(parts))

    def data_quality(self) -> B.HTMLBlock:
        """Section 4: sources, qualifiers, missing values, ingest warnings, method notes."""
        lang = self.lang
        this = self.facts[self.facts["year"] == self.p.year]
        parts = [B.heading(SECTIONS["quality_data"][lang], anchor="quality_data")]
        srcs = sorted(set(this["source"]) - {""})
        computed = [s for s in srcs if s.startswith("computed total")]
        srcs = [source_label(s, lang) for s in srcs if not s.startswith("computed total")]
        parts.append(B.paragraph(say("dq_sources", lang)))
        parts.append(
            B.bullets(
                srcs[:20]
                + ([say("dq_more", lang, n=str(len(srcs) - 20))] if len(srcs) > 20 else [])
            )
        )
        if computed:
            parts.append(B.paragraph(say("dq_totals", lang), "kc-note"))
        qual = this[this["qualifier"] != ""]
        missing_plan = int(this["planned"].isna().sum())
        missing_actual = int(this["actual"].isna().sum())
        parts.append(
            B.bullets(
                [
                    say("dq_rows", lang, n=format_number(len(this), lang)),
                    say("dq_qualified", lang, n=format_number(len(qual), lang)),
                    say(
                        "dq_missing",
                        lang,
                        plan=format_number(missing_plan, lang),
                        actual=format_number(missing_actual, lang),
                    ),
                    say("dq_zero", lang),
                    *(ingest_message(w, lang) for w in self.data.warnings),
                ]
            )
        )
        q = self.data.quarantined
        if q:
            parts.append(B.paragraph(say("dq_quarantined", lang, n=format_number(len(q), lang))))
            rows = pd.DataFrame(q, columns=["file", "cell", "reason"])
            parts.append(
                B.table(
                    rows.assign(reason=rows["reason"].map(lambda r: ingest_message(r, lang))),
                    [
                        ("file", say("q_file", lang), None),
                        ("cell", say("q_cell", lang), None),
                        ("reason", say("q_reason", lang), None),
                    ],
                    say("t_quarantined", lang),
                    self.num,
                )
            )
        pub = self.published
        if len(pub):
            parts.append(B.paragraph(say("dq_published", lang)))
            pub = pub.assign(
                actual_text=[
                    format_qualified(a, q, lang, figure_decimals(a))
                    for a, q in zip(pub["actual"], pub["qualifier"], strict=True)
                ],
                source=pub["source"].map(lambda v: source_label(v, lang)),
            )
            parts.append(
                B.table(
                    pub,
                    [
                        ("who", say("pub_area", lang), None),
                        ("year", say("year", lang), str),
                        ("period", say("period", lang), lambda v: period_label(v, lang)),
                        (
                            "indicator",
                            say("indicator", lang),
                            lambda v: vocab.indicator_label(v, lang),
                        ),
                        ("planned", say("planned", lang), lambda v: format_figure(v, lang)),
                        ("actual_text", say("actual", lang), str),
                        ("source", say("source", lang), None),
                    ],
                    say("t_published", lang),
                    self.num,
                )
            )
        return B.HTMLBlock("".join(parts))

    @cached_property
    def published(self) -> pd.DataFrame:
        """Published figures of this unit: for a post-merger unit, its own and each
        predecessor's (labelled with the former province's name), never a namesake code
        of the other map."""
        pub = self.data.published
        own = pub[(pub["area_code"] == self.area) & (pub["vintage"] == self.vintage)]
        own = own.assign(who=self.name)
        if not self.lineage.restated:
            return own
        codes = [c for c, _ in self.lineage.predecessors]
        before = pub[pub["area_code"].isin(codes) & (pub["vintage"] == OLD)]
        before = before.assign(who=[say("former", self.lang, name=n) for n in before["area_name"]])
        return pd.concat([before, own], ignore_index=True).sort_values(
            ["year", "who"], kind="stable"
        )

    def footer(self) -> B.HTMLBlock:
        """Provenance: parameters, data files with SHA-256, versions, time."""
        return B.provenance(self.p.to_dict(), self.data.files, self.lang)
