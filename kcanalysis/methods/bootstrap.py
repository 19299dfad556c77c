"""Bootstrap confidence intervals for ratios of sums (plan fulfilment, cost per output)."""

from __future__ import annotations

import warnings
from collections.abc import Sequence

import numpy as np
import pandas as pd
from scipy import stats

from kcanalysis.errors import DataError, ParameterError

#: Seed used when none is given, so that reports are reproducible.
DEFAULT_SEED = 20110831
#: Below this many projects BCa is unreliable and the percentile method is used.
BCA_MIN_N = 10
_METHODS = ("auto", "bca", "percentile", "basic")


def _ratio_of_sums(num: np.ndarray, den: np.ndarray, axis: int = -1) -> np.ndarray:
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.sum(num, axis=axis) / np.sum(den, axis=axis)


def _resample_statistic(num: np.ndarray, den: np.ndarray):
    """Vectorised statistic of resampled project indices -> ratios of sums (k, ...).

    ``idx`` has shape (..., m) (bootstrap: m = n; jackknife: m = n - 1). Each row of
    indices becomes a vector of per-project counts, and all 2k sums come from one matrix
    product ``values @ counts.T`` instead of gathering a (k, B, n) copy of the data.
    """
    k, n = num.shape
    values = np.concatenate([num, den])

    def statistic(idx: np.ndarray, axis: int = -1) -> np.ndarray:
        idx = np.moveaxis(np.asarray(idx), axis, -1)
        lead, m = idx.shape[:-1], idx.shape[-1]
        flat = idx.reshape(-1, m)
        offset = n * np.arange(flat.shape[0])[:, None]
        counts = np.bincount((flat + offset).ravel(), minlength=flat.shape[0] * n)
        sums = values @ counts.reshape(-1, n).T.astype(float)
        with np.errstate(divide="ignore", invalid="ignore"):
            ratio = sums[:k] / sums[k:]
        return ratio.reshape(k, *lead)

    return statistic


def _as_2d(name: str, values: object) -> np.ndarray:
    try:
        arr = np.asarray(values, dtype=float)
    except (TypeError, ValueError) as err:
        raise DataError(f"ratio_ci() {name} must be numeric: {err}") from err
    if arr.ndim == 1:
        arr = arr[None, :]
    if arr.ndim != 2:
        raise DataError(f"ratio_ci() {name} must be 1-D or 2-D (ratios x projects).")
    return arr


def ratio_ci(
    numerator: Sequence[float] | np.ndarray,
    denominator: Sequence[float] | np.ndarray,
    *,
    confidence: float = 0.95,
    n_resamples: int = 2000,
    seed: int | np.random.Generator | None = DEFAULT_SEED,
    method: str = "auto",
    names: Sequence[str] | None = None,
) -> pd.DataFrame:
    """Bootstrap CI for ratios of sums ``R = sum(numerator) / sum(denominator)``.

    Projects are resampled with replacement, keeping each project's numerator and
    denominator together (``scipy.stats.bootstrap(..., paired=True, vectorized=True)``).
    scipy resamples the project indices; the statistic turns each resample into
    per-project counts and gets all sums from one matrix product, which gives the same
    intervals as passing ``(numerator, denominator)`` to scipy (same seed, same draws)
    without copying the data for every resample. Several ratios over the same projects
    (e.g. cost per trainee, per job, per model, per firm of one province-year) are given
    as 2-D arrays (ratios x projects) and share one bootstrap call and the same
    resamples. Do not average per-project ratios: the ratio of sums weights projects by
    their size.

    Parameters
    ----------
    numerator, denominator : array-like, 1-D (projects) or 2-D (ratios x projects)
        Non-negative amounts, e.g. budget in constant million VND and trainees, or actual
        and planned output. NaN marks a missing value: that project is left out of that
        ratio only (noted in ``reason``).
    confidence : float, default 0.95
    n_resamples : int, default 2000
    seed : int, Generator or None, default DEFAULT_SEED
        Seeds ``np.random.default_rng``; the default makes results reproducible.
    method : {"auto", "bca", "percentile", "basic"}
        ``"auto"``: BCa when n >= 10 projects, percentile below that.
    names : sequence of str, optional
        Row labels, one per ratio.

    Returns
    -------
    DataFrame
        One row per ratio: ``estimate``, ``low``, ``high``, ``method`` (the one used),
        ``n`` (projects used), ``se_log`` (standard deviation of log(ratio) over the
        resamples: the bootstrap standard error on the log scale; 0 if every resample
        gives the same ratio, NaN if some resample's ratio is 0 or undefined, or n < 2)
        and ``reason`` (empty, or why the interval or estimate is
        missing or how it was obtained). Rules: a zero denominator total gives NaN
        estimate (never inf); n < 2 gives the point estimate with a NaN interval; if
        every resample gives the same ratio the interval is the point; if BCa is
        undefined the percentile interval is used; bounds that are not finite (resamples
        with a zero denominator total) become NaN.

    Raises
    ------
    DataError
        Shapes differ, negative or non-numeric values, wrong number of names.
    ParameterError
        Bad ``method``, ``confidence`` or ``n_resamples``.
    """
    if method not in _METHODS:
        raise ParameterError(f"method={method!r} is not supported; use one of {list(_METHODS)}.")
    if not 0 < confidence < 1:
        raise ParameterError(f"confidence must lie strictly between 0 and 1; got {confidence}.")
    if int(n_resamples) < 1:
        raise ParameterError(f"n_resamples must be a positive integer; got {n_resamples}.")
    num, den = _as_2d("numerator", numerator), _as_2d("denominator", denominator)
    if num.shape != den.shape:
        raise DataError(f"numerator {num.shape} and denominator {den.shape} differ in shape.")
    if np.any(num < 0) or np.any(den < 0):
        raise DataError("ratio_ci() expects non-negative amounts (budgets, counts).")
    k = num.shape[0]
    if names is not None and len(names) != k:
        raise DataError(f"names has {len(names)} labels for {k} ratios.")
    cols: dict[str, list] = {
        "estimate": [np.nan] * k,
        "low": [np.nan] * k,
        "high": [np.nan] * k,
        "method": [""] * k,
        "n": [0] * k,
        "reason": [""] * k,
        "se_log": [np.nan] * k,
    }
    valid = np.isfinite(num) & np.isfinite(den)
    patterns: dict[bytes, list[int]] = {}
    for i in range(k):
        patterns.setdefault(valid[i].tobytes(), []).append(i)
    for rows in patterns.values():
        keep = valid[rows[0]]
        results = _ratio_rows(
            num[rows][:, keep],
            den[rows][:, keep],
            int((~keep).sum()),
            confidence,
            int(n_resamples),
            seed,
            method,
        )
        for i, row in zip(rows, results, strict=True):
            for key, value in row.items():
                cols[key][i] = value
    index = pd.Index(list(names)) if names is not None else pd.RangeIndex(k)
    return pd.DataFrame(cols, index=index)


def _ratio_rows(
    num: np.ndarray,
    den: np.ndarray,
    dropped: int,
    confidence: float,
    n_resamples: int,
    seed: int | np.random.Generator | None,
    method: str,
) -> list[dict[str, object]]:
    """Estimate and bootstrap the ratios in ``num``/``den`` (same projects) in one call."""
    n = num.shape[1]
    estimate = _ratio_of_sums(num, den)
    zero = np.sum(den, axis=1) == 0
    first = f"{dropped} project(s) with missing values left out" if dropped else ""
    rows: list[dict[str, object]] = []
    for r in range(num.shape[0]):
        reason = first
        if zero[r]:
            reason = _join(reason, "denominator total is zero: ratio undefined")
        elif n < 2:
            reason = _join(reason, f"fewer than 2 projects (n={n}): no interval")
        rows.append(
            {
                "estimate": np.nan if zero[r] else float(estimate[r]),
                "low": np.nan,
                "high": np.nan,
                "method": "",
                "n": n,
                "reason": reason,
                "se_log": np.nan,
            }
        )
    use = [r for r in range(num.shape[0]) if not zero[r] and n >= 2]
    if use:
        chosen = method if method != "auto" else ("bca" if n >= BCA_MIN_N else "percentile")
        low, high, used, why, se_log = _bootstrap(
            num[use], den[use], chosen, confidence, n_resamples, seed
        )
        for j, r in enumerate(use):
            rows[r].update(low=float(low[j]), high=float(high[j]), method=used[j])
            rows[r]["se_log"] = float(se_log[j])
            rows[r]["reason"] = _join(str(rows[r]["reason"]), why[j])
    return rows


def _join(a: str, b: str) -> str:
    return "; ".join(s for s in (a, b) if s)


def _bootstrap(num, den, method, confidence, n_resamples, seed):
    """One paired, vectorised scipy bootstrap for all ratios; per-ratio fallbacks."""
    rng = seed if isinstance(seed, np.random.Generator) else np.random.default_rng(seed)
    data = (np.arange(num.shape[1]),)  # project indices: num and den stay paired
    statistic = _resample_statistic(num, den)
    kw = dict(paired=True, vectorized=True, axis=-1, confidence_level=confidence)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", stats.DegenerateDataWarning)
        warnings.simplefilter("ignore", RuntimeWarning)
        res = stats.bootstrap(
            data, statistic, n_resamples=n_resamples, method=method, rng=rng, **kw
        )
        low = np.atleast_1d(np.asarray(res.confidence_interval.low, dtype=float)).copy()
        high = np.atleast_1d(np.asarray(res.confidence_interval.high, dtype=float)).copy()
        dist = np.atleast_2d(res.bootstrap_distribution)
        used = [method.lower() if method != "bca" else "BCa"] * len(low)
        why = [""] * len(low)
        retry = ~(np.isfinite(low) & np.isfinite(high))
        if method == "bca" and retry.any():
            pct = stats.bootstrap(
                data, statistic, n_resamples=0, method="percentile", bootstrap_result=res, **kw
            )
            p_low = np.atleast_1d(pct.confidence_interval.low)
            p_high = np.atleast_1d(pct.confidence_interval.high)
            for j in np.flatnonzero(retry):
                low[j], high[j] = p_low[j], p_high[j]
                used[j], why[j] = "percentile", "BCa undefined; percentile interval used"
    for j in range(len(low)):
        finite = dist[j][np.isfinite(dist[j])]
        if finite.size == dist.shape[1] and np.ptp(finite) == 0:
            low[j] = high[j] = finite[0]
            why[j] = "all resamples give the same ratio"
        if not (np.isfinite(low[j]) and np.isfinite(high[j])):
            low[j] = low[j] if np.isfinite(low[j]) else np.nan
            high[j] = high[j] if np.isfinite(high[j]) else np.nan
            why[j] = _join(why[j], "some resamples have a zero denominator total")
    return low, high, used, why, _se_log(dist)


def _se_log(dist: np.ndarray) -> np.ndarray:
    """Bootstrap standard error of log(ratio) from the resamples (k,).

    The standard deviation of the log ratios when every resample gives a finite, positive
    ratio; 0 when they are all equal. When a few resamples have no denominator (ratio
    infinite, e.g. a resample of projects without trainees), half the distance between
    the 15.87 % and 84.13 % quantiles of the log ratios (the SD for a normal
    distribution), as long as both quantiles are finite; otherwise NaN (unknown).
    """
    out = np.full(dist.shape[0], np.nan)
    for j, row in enumerate(dist):
        with np.errstate(divide="ignore", invalid="ignore"):
            logs = np.log(row)
        if np.isfinite(logs).all():
            out[j] = float(np.std(logs, ddof=1)) if np.ptp(logs) > 0 else 0.0
            continue
        logs = np.where(np.isnan(logs), np.inf, logs)  # 0/0 counts as undefined
        with np.errstate(invalid="ignore"):  # inf - inf between two undefined resamples
            lo, hi = np.quantile(logs, [stats.norm.cdf(-1.0), stats.norm.cdf(1.0)])
        if np.isfinite(lo) and np.isfinite(hi):
            out[j] = float((hi - lo) / 2)
    return out
