"""Context for a province's figures: change on last year, share of and rank in its region."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

import numpy as np
import pandas as pd

from kcanalysis import provinces, vocab
from kcanalysis.errors import DataError, ParameterError
from kcanalysis.indicators import _display, _ratios


def _group_columns(df: pd.DataFrame, by: Sequence[str] | None) -> list[str]:
    if by is not None:
        missing = [c for c in by if c not in df.columns]
        if missing:
            raise ParameterError(f"by={list(by)!r}: column(s) {missing} are not in the table.")
        return list(by)
    return [c for c in _ratios.GROUP_COLUMNS if c in df.columns]


def _check_value(df: pd.DataFrame, value: str, func: str) -> None:
    missing = [c for c in ("area_code", "year", value) if c not in df.columns]
    if missing:
        raise DataError(
            f"{func}: the table lacks column(s) {', '.join(missing)}; pass a result of a "
            "kcanalysis.indicators function (or `facts`) and name its value column."
        )


def yoy_change(
    df: pd.DataFrame, value: str = "actual", *, by: Sequence[str] | None = None
) -> pd.DataFrame:
    """Return each row's change on the same row one year earlier.

    Formula: ``change = v(t) - v(t-1)`` (in the unit of `value`) and
    ``change_pct = 100 * (v(t) / v(t-1) - 1)``. Rows are matched on area, the previous
    calendar year and every identifying column (`by`); M8 is compared with M8, KCQG with
    KCQG. Compare money at constant prices (``cost_per_unit_real_mvnd``), since nominal
    VND overstates growth.

    Parameters
    ----------
    df : DataFrame
        `facts` or a result of this package, with ``area_code``, ``year`` and `value`.
    value : str
        The column to compare, e.g. "actual", "fulfilment_ratio",
        "cost_per_unit_real_mvnd".
    by : sequence of str, optional
        Columns that identify a row besides area and year; by default those of
        ``period``, ``plan_period``, ``level``, ``activity``, ``indicator``, ``output``,
        ``base_year`` and ``region`` that `df` has.

    Returns
    -------
    DataFrame
        `df` with ``previous_value``, ``change``, ``change_pct``, ``change_qualifier`` and
        ``change_reason`` ("no value for 2014", "previous value is zero") added.
        The qualifier rule is that of a ratio: "more than" this year gives ">", "more
        than" last year gives "<".

    Raises
    ------
    DataError
        If two rows share area, year and `by` (say which columns tell them apart).
    """
    _check_value(df, value, "yoy_change")
    keys = ["area_code", *_group_columns(df, by)]
    if df.duplicated([*keys, "year"]).any():
        raise DataError(
            f"yoy_change: several rows share {', '.join([*keys, 'year'])}; pass `by` with the "
            "columns that tell them apart, or filter the table first."
        )
    qual = df["qualifier"].fillna("").astype(str) if "qualifier" in df.columns else None
    prev = df.loc[:, keys].copy()
    prev["year"] = df["year"].astype("int64") + 1
    prev["_prev"] = pd.to_numeric(df[value], errors="coerce").to_numpy(dtype="float64")
    prev["_qprev"] = qual.to_numpy() if qual is not None else ""
    cur = df.copy()
    cur["_year"] = cur["year"].astype("int64")
    merged = cur.merge(
        prev.rename(columns={"year": "_year"}), on=[*keys, "_year"], how="left", sort=False
    )
    merged.index = df.index
    now = pd.to_numeric(df[value], errors="coerce").to_numpy(dtype="float64")
    before = merged["_prev"].to_numpy(dtype="float64")
    ratio, _ = _ratios.divide(now, before, "", "")
    reasons = []
    for y, v, b in zip(df["year"], now, before, strict=True):
        parts = []
        if np.isnan(v):
            parts.append(f"no value for {int(y)}")
        if np.isnan(b):
            parts.append(f"no value for {int(y) - 1}")
        elif b == 0 and not np.isnan(v):
            parts.append("previous value is zero")
        reasons.append("; ".join(parts))
    qnow = qual.to_numpy() if qual is not None else [""] * len(df)
    qprev = merged["_qprev"].fillna("").astype(str).to_numpy()
    quals = _ratios.ratio_qualifier(qnow, qprev)
    out = df.copy()
    out["previous_value"] = before
    out["change"] = now - before
    out["change_pct"] = 100 * (ratio - 1)
    out["change_qualifier"] = [
        q if not np.isnan(c) else "" for q, c in zip(quals, out["change"], strict=True)
    ]
    out["change_reason"] = reasons
    return out


_SHARE_COLUMNS = [
    "area_code",
    "area_name",
    "year",
    "period",
    "region",
    "level",
    "activity",
    "indicator",
    "unit",
    "value",
    "region_total",
    "n_members",
    "n_reporting",
    "share_ratio",
    "share_pct",
    "qualifier",
    "reason",
]


def region_share(
    facts: pd.DataFrame,
    indicator: str,
    *,
    region: str = "MTTN",
    level: str = "ALL",
    activity: str = "ALL",
    field: Literal["actual", "planned"] = "actual",
    total: Literal["members", "reported"] = "members",
) -> pd.DataFrame:
    """Return each member province's share of its region's total.

    Formula: ``share_ratio = v(p) / Σ_q v(q)`` over the region's member provinces ``q``
    (in that year) that report the indicator, ``share_pct = 100 * share_ratio``; shares add
    up to 1. With ``total="reported"`` the denominator is the region's own reported row
    (e.g. area "MTTN"), and shares need not add up to 1.

    Parameters
    ----------
    facts : DataFrame
        A `facts` table with province rows (and, for ``total="reported"``, region rows).
    indicator : str
        An additive indicator: "budget_kc", "trainees", "projects", ...
    region : str
        Region id ("MTTN" by default); membership by year from `kcanalysis.provinces`.
    level, activity : str
        The row of each province to use; the all-level, all-activity total by default.
    field : {"actual", "planned"}
        The value to share out.
    total : {"members", "reported"}
        Denominator: the sum over reporting members (default), or the region's row.

    Returns
    -------
    DataFrame
        One row per member province, year and period in which any member reports:
        ``area_code``, ``area_name``, ``year``, ``period``, ``region``, ``level``,
        ``activity``, ``indicator``, ``unit``, ``value``, ``region_total``, ``n_members``,
        ``n_reporting``, ``share_ratio``, ``share_pct``, ``qualifier`` and ``reason``
        (members that do not report get NaN and "not reported"; with fewer reporting than
        members, read the share as a share of the reporting members).

    Notes
    -----
    Qualifier: combine(q(own value), flip(q(rest))), where the rest is the other members'
    sum (its qualifier combined from theirs), since the own value is part of the total.
    """
    _ratios.check_facts(facts, "region_share")
    _ratios.check_choice(indicator, vocab.INDICATORS, "indicator", "region_share")
    _ratios.check_choice(field, ("actual", "planned"), "field", "region_share")
    _ratios.check_choice(total, ("members", "reported"), "total", "region_share")
    region_id = provinces.get_region(region).region_id
    full = _ratios.with_totals(facts)
    rows = full[
        (full["indicator"] == indicator)
        & (full["level"] == level)
        & (full["activity"] == activity)
        & full[field].notna()
    ].copy()
    rows["_q"] = _ratios.side_qualifier(rows, field)
    names = _display.area_names(facts)
    frames = []
    for (year, period), grp in rows.groupby(["year", "period"], sort=True):
        members = provinces.region_members(region_id, int(year), str(period))
        mine = grp[grp["area_code"].isin(members)].set_index("area_code")
        if mine.empty:
            continue
        frame = pd.DataFrame({"area_code": members})
        frame["year"] = int(year)
        frame["period"] = period
        frame["value"] = mine[field].reindex(members).to_numpy(dtype="float64")
        q = mine["_q"].reindex(members).fillna("").astype(str).to_numpy()
        reported = frame["value"].notna().to_numpy()
        frame["n_members"] = len(members)
        frame["n_reporting"] = int(reported.sum())
        if total == "members":
            frame["region_total"] = float(np.nansum(frame["value"]))
            q_den = [
                _ratios.combine_all(q[reported & (np.arange(len(q)) != i)]) for i in range(len(q))
            ]
            what = f"total of the {region_id} members"
        else:
            own = grp[grp["area_code"] == region_id]
            frame["region_total"] = float(own[field].iloc[0]) if len(own) else np.nan
            q_den = [str(own["_q"].iloc[0]) if len(own) else ""] * len(q)
            what = f"reported {region_id} total"
        ratio, reasons = _ratios.divide(frame["value"], frame["region_total"], "value", what)
        frame["share_ratio"] = ratio
        frame["qualifier"] = [
            qq if not np.isnan(r) else ""
            for qq, r in zip(_ratios.ratio_qualifier(q, q_den), ratio, strict=True)
        ]
        frame["reason"] = reasons
        frames.append(frame)
    if not frames:
        return pd.DataFrame({c: pd.Series(dtype="object") for c in _SHARE_COLUMNS})
    out = pd.concat(frames, ignore_index=True)
    out["share_pct"] = 100 * out["share_ratio"]
    out["region"] = region_id
    out["level"] = level
    out["activity"] = activity
    out["indicator"] = indicator
    out["unit"] = vocab.unit_of(indicator)
    out = _display.attach_area_name(out, names)
    return _display.sort_result(out.loc[:, _SHARE_COLUMNS])


def region_rank(
    df: pd.DataFrame,
    value: str,
    *,
    region: str = "MTTN",
    ascending: bool = False,
    by: Sequence[str] | None = None,
) -> pd.DataFrame:
    """Return each member province's rank within its region.

    Ranks are computed per year and identifying columns (`by`), among the member provinces
    of `region` in that year that have a value. Ties share the lowest rank of their
    block (``method="min"``: values 9, 7, 7, 5 rank 1, 2, 2, 4). Rows without a value get
    no rank (<NA>) and are not counted in ``n_ranked``.

    Parameters
    ----------
    df : DataFrame
        A result of this package (or `facts`) with ``area_code``, ``year`` and `value`.
    value : str
        Column to rank on, e.g. "fulfilment_ratio" or "cost_per_unit_real_mvnd".
    region : str
        Region id ("MTTN" by default); rows of other areas are dropped.
    ascending : bool
        False (default): the largest value ranks 1. Use True where smaller is better,
        e.g. a cost per trainee.
    by : sequence of str, optional
        Columns that identify a comparison besides the year; by default those of
        ``period``, ``plan_period``, ``level``, ``activity``, ``indicator``, ``output``,
        ``base_year`` and ``region`` that `df` has.

    Returns
    -------
    DataFrame
        The member rows of `df` with ``region``, ``rank`` (Int64, 1 = best), ``n_ranked``
        (provinces with a value), ``tied`` (True where another province has the same
        value) and ``rank_method`` ("min") added, sorted by rank within each comparison.
    """
    _check_value(df, value, "region_rank")
    region_id = provinces.get_region(region).region_id
    keys = ["year", *[c for c in _group_columns(df, by) if c != "region"]]
    periods_ = df["period"] if "period" in df else pd.Series("FY", index=df.index)
    pairs = set(zip(df["year"].astype(int), periods_.astype(str), strict=True))
    members = {(y, p): set(provinces.region_members(region_id, y, p)) for y, p in pairs}
    keep = [
        c in members[(int(y), str(p))]
        for c, y, p in zip(df["area_code"], df["year"], periods_, strict=True)
    ]
    out = df[keep].copy()
    out["region"] = region_id
    v = pd.to_numeric(out[value], errors="coerce").astype("float64")
    g = v.groupby([out[k] for k in keys], sort=False, dropna=False)
    out["rank"] = g.rank(method="min", ascending=ascending).astype("Int64")
    out["n_ranked"] = g.transform("count").astype("int64")
    dup = v.notna() & v.groupby([*(out[k] for k in keys), v], sort=False, dropna=False).transform(
        "size"
    ).gt(1)
    out["tied"] = dup.astype(bool)
    out["rank_method"] = "min"
    order = [c for c in keys if c in out.columns]
    out = out.sort_values([*order, "rank", "area_code"], na_position="last", kind="stable")
    return out.reset_index(drop=True)


def add_labels(df: pd.DataFrame, lang: Literal["vi", "en"] = "vi") -> pd.DataFrame:
    """Return `df` with display labels beside its code columns.

    Adds ``level_label``, ``activity_label``, ``indicator_label`` and ``output_label`` (in
    Vietnamese or English) after each of ``level``, ``activity``, ``indicator`` and
    ``output`` that `df` has; an unknown code is shown as itself.
    """
    _ratios.check_choice(lang, ("vi", "en"), "lang", "add_labels")
    i = 0 if lang == "vi" else 1
    maps = {
        "level": {k: v[i] for k, v in vocab.LEVEL_LABELS.items()},
        "activity": {k: t.label(lang) for k, t in vocab.ACTIVITIES.items()},
        "indicator": {k: t.label(lang) for k, t in vocab.INDICATORS.items()},
        "output": {k: t.label(lang) for k, t in vocab.INDICATORS.items()},
    }
    out = df.copy()
    for col, mapping in maps.items():
        if col in out.columns:
            labels = [mapping.get(v, str(v)) for v in out[col]]
            name = f"{col}_label"
            if name in out.columns:
                out = out.drop(columns=name)
            out.insert(out.columns.get_loc(col) + 1, name, pd.array(labels, dtype="str"))
    return out
