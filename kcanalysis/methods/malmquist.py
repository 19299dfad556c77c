"""Malmquist productivity index with its efficiency-change / technical-change split."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

import numpy as np
import pandas as pd

from kcanalysis.errors import DataError, ParameterError
from kcanalysis.methods._lp import solve_radial
from kcanalysis.methods.dea import check_values

_INDEX_COLUMNS = ("M", "EC", "TC", "PEch", "SEch")


def _input_scores(x_eval, y_eval, x_ref, y_ref, rts: str) -> np.ndarray:
    """Farrell input efficiency of each evaluated unit against a reference technology.

    Units whose inputs are all zero get NaN (the radial input measure is undefined).
    """
    score = np.full(len(x_eval), np.nan)
    ok = np.flatnonzero((x_eval > 0).any(axis=1))
    score[ok] = solve_radial(x_eval[ok], y_eval[ok], x_ref, y_ref, rts=rts, orientation="input")[0]
    return score


def _check_panel(
    panel: pd.DataFrame, inputs: list[str], outputs: list[str], dmu: str, period: str
) -> pd.DataFrame:
    if not isinstance(panel, pd.DataFrame):
        raise DataError("malmquist() needs a long DataFrame with one row per dmu and period.")
    missing = [c for c in [dmu, period, *inputs, *outputs] if c not in panel.columns]
    if missing:
        raise DataError(f"Malmquist panel lacks columns {missing}; it has {list(panel.columns)}.")
    if not inputs or not outputs:
        raise ParameterError("malmquist() needs at least one input and one output column.")
    if set(inputs) & set(outputs):
        raise ParameterError(f"Columns {sorted(set(inputs) & set(outputs))} are both.")
    if panel[[dmu, period]].isna().any().any():
        raise DataError(f"Malmquist panel has missing {dmu!r} or {period!r} labels.")
    dup = panel.duplicated([dmu, period], keep=False)
    if dup.any():
        pairs = list(panel.loc[dup, [dmu, period]].drop_duplicates().itertuples(index=False))
        raise DataError(
            f"Malmquist panel has more than one row for (dmu, period) {pairs[:10]}; "
            "aggregate to one row per unit and period first."
        )
    data = panel.set_index([dmu, period]).sort_index()
    full = pd.MultiIndex.from_product(data.index.levels, names=[dmu, period])
    absent = full.difference(data.index)
    if len(absent):
        shown = ", ".join(f"({d!r}, {p!r})" for d, p in list(absent)[:20])
        more = f" and {len(absent) - 20} more" if len(absent) > 20 else ""
        raise DataError(
            f"Malmquist needs a balanced panel; missing dmu-period pairs: {shown}{more}. "
            "Drop those units or fill the periods before calling."
        )
    if len(data.index.levels[1]) < 2:
        raise DataError("Malmquist needs at least two periods.")
    where = f"{dmu}-{period}"
    check_values(data[inputs], "input", where)
    check_values(data[outputs], "output", where)
    return data


def malmquist(
    panel: pd.DataFrame,
    inputs: Sequence[str],
    outputs: Sequence[str],
    dmu: str = "dmu",
    period: str = "period",
) -> pd.DataFrame:
    """Input-oriented Malmquist productivity index (Färe, Grosskopf, Norris & Zhang 1994).

    With ``D^a(b)`` the Farrell input efficiency (CRS, radial theta) of a unit's period-b
    data against the period-a frontier::

        M   = sqrt[ D^t(t+1)/D^t(t) * D^{t+1}(t+1)/D^{t+1}(t) ]
        EC  = D^{t+1}(t+1) / D^t(t)                     (efficiency change, catching up)
        TC  = M / EC = sqrt[ D^t(t+1)/D^{t+1}(t+1) * D^t(t)/D^{t+1}(t) ]  (frontier shift)
        PEch = V^{t+1}(t+1) / V^t(t)                    (pure efficiency change, VRS)
        SEch = EC / PEch                                (scale efficiency change)

    Sign convention: M > 1 means productivity grew (the unit needs less input for its
    output). DEAP's input orientation prints the reciprocal. Cross-period scores can
    exceed 1 (the unit is not in the other period's reference set). PEch uses only
    same-period VRS scores, which are always feasible, so no cross-period VRS LP is
    solved; any undefined score (all-zero inputs, infeasible LP) gives NaN, never an error.

    Parameters
    ----------
    panel : DataFrame
        Long format: one row per ``dmu`` and ``period``; input and output columns
        non-negative and complete. Deflate money to constant prices first.
    inputs, outputs : sequence of str
        Column names.
    dmu, period : str
        Names of the unit and period columns. Periods are sorted; consecutive sorted
        periods form the pairs.

    Returns
    -------
    DataFrame
        One row per dmu and consecutive period pair: ``dmu``, ``from_period``,
        ``to_period``, ``M``, ``EC``, ``TC``, ``PEch``, ``SEch`` (M = EC*TC,
        EC = PEch*SEch). Summarise with :func:`malmquist_summary` (geometric means).

    Raises
    ------
    DataError
        Missing columns, duplicated or missing dmu-period pairs (unbalanced panel,
        listing the absent pairs), NaN, negative or non-numeric values.
    """
    inputs, outputs = list(inputs), list(outputs)
    data = _check_panel(panel, inputs, outputs, dmu, period)
    units, periods = data.index.levels
    xs = {p: data.xs(p, level=1)[inputs].to_numpy(dtype=float) for p in periods}
    ys = {p: data.xs(p, level=1)[outputs].to_numpy(dtype=float) for p in periods}
    crs = {p: _input_scores(xs[p], ys[p], xs[p], ys[p], "crs") for p in periods}
    vrs = {p: _input_scores(xs[p], ys[p], xs[p], ys[p], "vrs") for p in periods}
    frames = []
    for t0, t1 in pairwise(periods):
        d_0_1 = _input_scores(xs[t1], ys[t1], xs[t0], ys[t0], "crs")  # D^t(x_{t+1})
        d_1_0 = _input_scores(xs[t0], ys[t0], xs[t1], ys[t1], "crs")  # D^{t+1}(x_t)
        with np.errstate(divide="ignore", invalid="ignore"):
            ec = crs[t1] / crs[t0]
            tc = np.sqrt((d_0_1 / crs[t1]) * (crs[t0] / d_1_0))
            pech = vrs[t1] / vrs[t0]
            sech = ec / pech
            m = ec * tc
        frames.append(
            pd.DataFrame(
                {
                    "dmu": units,
                    "from_period": t0,
                    "to_period": t1,
                    "M": m,
                    "EC": ec,
                    "TC": tc,
                    "PEch": pech,
                    "SEch": sech,
                }
            )
        )
    out = pd.concat(frames, ignore_index=True)
    cols = list(_INDEX_COLUMNS)
    out[cols] = out[cols].where(np.isfinite(out[cols].to_numpy()), np.nan)
    return out


def malmquist_summary(result: pd.DataFrame, by: str | None = "dmu") -> pd.DataFrame:
    """Geometric means of the Malmquist components, as DEAP reports them.

    ``gmean(M) = exp(mean(log M))`` over the non-missing values of each group; because
    M = EC*TC row by row, the geometric means keep that identity.

    Parameters
    ----------
    result : DataFrame
        Output of :func:`malmquist`.
    by : {"dmu", "period", None}
        ``"dmu"``: one row per unit over all period pairs; ``"period"``: one row per
        (from_period, to_period) over all units; ``None``: one overall row.

    Returns
    -------
    DataFrame
        Columns ``M``, ``EC``, ``TC``, ``PEch``, ``SEch`` (geometric means) and ``n``
        (number of rows with a finite M).
    """
    keys = {"dmu": ["dmu"], "period": ["from_period", "to_period"], None: []}
    if by not in keys:
        raise ParameterError(f"by={by!r} is not supported; use 'dmu', 'period' or None.")
    cols = list(_INDEX_COLUMNS)
    missing = [c for c in [*cols, *keys[by]] if c not in result.columns]
    if missing:
        raise DataError(f"malmquist_summary() needs columns {missing} from malmquist().")
    with np.errstate(divide="ignore", invalid="ignore"):
        logs = np.log(result[cols].astype(float))
    logs = logs.where(np.isfinite(logs))
    logs["n"] = result["M"].notna().astype(int)
    if keys[by]:
        logs[keys[by]] = result[keys[by]]
        grouped = logs.groupby(keys[by], sort=True)
        means, counts = grouped[cols].mean(), grouped["n"].sum()
    else:
        means = logs[cols].mean().to_frame().T
        counts = pd.Series([int(logs["n"].sum())])
    out = np.exp(means)
    out["n"] = counts.to_numpy()
    return out
