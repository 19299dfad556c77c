"""Trend of one series: Mann-Kendall test and Theil-Sen slope."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np
from scipy import stats

from kcanalysis.errors import DataError, ParameterError

#: Up to this many points the exact null distribution of S is used.
EXACT_MAX_N = 10
#: Fewest points for which Mann-Kendall is reported as a test. With n = 4 the smallest
#: two-sided exact p is P(|S| = 6) = 2/4! = 0.083 (only the two monotone orderings), so
#: no p below 5 % can occur; with n = 5 it is 2/5! = 0.017.
MK_MIN_N = 5


@dataclass(frozen=True)
class MannKendallResult:
    """Result of :func:`mann_kendall` (see there for the formulas)."""

    n: int
    s: int
    var_s: float
    z: float
    p: float
    tau: float
    method: Literal["exact", "normal"]

    @property
    def reportable(self) -> bool:
        """Whether the test can reject at 5 % at all (``n >= MK_MIN_N``); else do not report it."""
        return self.n >= MK_MIN_N


@dataclass(frozen=True)
class TheilSenResult:
    """Result of :func:`theil_sen`: slope per unit of time, intercept and slope CI."""

    slope: float
    intercept: float
    low: float
    high: float
    n: int


@dataclass(frozen=True)
class GrowthResult:
    """Result of :func:`growth_rate`: growth in % a year with its interval."""

    pct: float
    low_pct: float
    high_pct: float
    n: int


def _clean(values: Sequence[float], times: Sequence[float] | None) -> tuple[np.ndarray, ...]:
    """Drop NaNs (keeping each value's time) and sort by time."""
    try:
        y = np.asarray(values, dtype=float).ravel()
        t = np.arange(y.size, dtype=float) if times is None else np.asarray(times, dtype=float)
    except (TypeError, ValueError) as err:
        raise DataError(f"Trend values and times must be numeric: {err}") from err
    t = t.ravel()
    if t.size != y.size:
        raise DataError(f"Trend needs one time per value; got {y.size} values, {t.size} times.")
    keep = np.isfinite(y) & np.isfinite(t)
    y, t = y[keep], t[keep]
    order = np.argsort(t, kind="stable")
    y, t = y[order], t[order]
    if np.any(np.diff(t) == 0):
        dup = np.unique(t[1:][np.diff(t) == 0])
        raise DataError(f"Trend times must be distinct; repeated: {dup.tolist()}.")
    if y.size < 2:
        raise DataError(
            f"A trend needs at least 2 non-missing values; got {y.size}. "
            "Report the value itself instead."
        )
    return y, t


def _mk_s(y: np.ndarray) -> int:
    diff = y[None, :] - y[:, None]
    return int(np.sign(diff[np.triu_indices(y.size, k=1)]).sum())


def _exact_s_distribution(y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Exact null distribution of S over all orderings of the observed values (with ties).

    Dynamic programme over the multiset of values already placed: putting value v after
    the placed ones adds (#placed < v) - (#placed > v) to S. Every distinct arrangement
    of the multiset is equally likely under H0, so counting arrangements gives exact
    probabilities (equivalent to enumerating all n! permutations).
    """
    uniq, counts = np.unique(y, return_counts=True)
    n, d = y.size, uniq.size
    max_s = n * (n - 1) // 2
    start = np.zeros(2 * max_s + 1, dtype=np.int64)
    start[max_s] = 1
    layer: dict[tuple[int, ...], np.ndarray] = {(0,) * d: start}
    for placed in range(n):
        nxt: dict[tuple[int, ...], np.ndarray] = defaultdict(
            lambda: np.zeros(2 * max_s + 1, dtype=np.int64)
        )
        for used, dist in layer.items():
            below = 0
            for v in range(d):
                if used[v] < counts[v]:
                    above = placed - below - used[v]
                    shift = below - above
                    key = (*used[:v], used[v] + 1, *used[v + 1 :])
                    nxt[key] += np.roll(dist, shift)
                below += used[v]
        layer = dict(nxt)
    (dist,) = layer.values()
    return np.arange(-max_s, max_s + 1), dist


def mann_kendall(
    values: Sequence[float], times: Sequence[float] | None = None
) -> MannKendallResult:
    """Mann-Kendall test for a monotonic trend, with tie correction.

    ``S = sum_{i<j} sgn(x_j - x_i)`` over the series in time order;
    ``Var(S) = [n(n-1)(2n+5) - sum_t t(t-1)(2t+5)] / 18`` (t = size of each tie group);
    ``z = (S - sgn S) / sqrt(Var S)`` (continuity-corrected); ``tau = S / (n(n-1)/2)``
    (Kendall's tau-a, as in the Mann-Kendall literature, not scipy's tau-b).

    The two-sided p is ``P(|S| >= |s|)`` under H0 (every ordering of the observed values
    equally likely). For ``n <= 10`` it is exact: the null distribution of S is computed
    by a dynamic programme that is equivalent to enumerating all permutations, ties
    included, so no random numbers are used (``method="exact"``). For ``n > 10`` it is
    ``2 * (1 - Phi(|z|))`` (``method="normal"``). An all-equal series has S = 0, Var = 0,
    and is reported as z = 0, p = 1.

    Parameters
    ----------
    values : sequence of float
        The series, e.g. an indicator of one province per year. NaNs are dropped.
    times : sequence of float, optional
        Time of each value (e.g. the year). Values are sorted by time; times must be
        distinct. Default: positions 0, 1, 2, ... in ``values`` (a NaN keeps its slot).

    Returns
    -------
    MannKendallResult
        ``n``, ``s``, ``var_s``, ``z``, ``p`` (two-sided), ``tau``, ``method``.

    Raises
    ------
    DataError
        Fewer than 2 non-missing values, repeated times, non-numeric input.

    Notes
    -----
    With 5-15 years the test has little power: report the Theil-Sen slope and its CI
    too. Serial correlation inflates significance. Correct p-values across provinces
    with :func:`adjust_pvalues`.
    """
    y, _ = _clean(values, times)
    n = y.size
    s = _mk_s(y)
    _, ties = np.unique(y, return_counts=True)
    var_s = (n * (n - 1) * (2 * n + 5) - np.sum(ties * (ties - 1) * (2 * ties + 5))) / 18.0
    z = 0.0 if var_s <= 0 else (s - np.sign(s)) / np.sqrt(var_s)
    if var_s <= 0:
        p, method = 1.0, "exact"
    elif n <= EXACT_MAX_N:
        support, counts = _exact_s_distribution(y)
        p = float(counts[np.abs(support) >= abs(s)].sum() / counts.sum())
        method = "exact"
    else:
        p, method = float(2.0 * stats.norm.sf(abs(z))), "normal"
    tau = s / (n * (n - 1) / 2.0)
    return MannKendallResult(
        n=n, s=s, var_s=float(var_s), z=float(z), p=min(1.0, p), tau=float(tau), method=method
    )


def theil_sen(
    values: Sequence[float],
    times: Sequence[float] | None = None,
    confidence: float = 0.95,
) -> TheilSenResult:
    """Theil-Sen slope: the median of all pairwise slopes ``(x_j - x_i)/(t_j - t_i)``.

    Computed by :func:`scipy.stats.theilslopes` on the real time values, so a missing
    year widens the gap instead of being ignored. The intercept is scipy's default
    ``median(x) - slope * median(t)``; the CI is Sen's (1968) distribution-free interval.

    Parameters
    ----------
    values : sequence of float
        The series; NaNs are dropped. The slope is in value units per time unit (e.g.
        million VND per year); use :func:`growth_rate` for growth in % a year.
    times : sequence of float, optional
        Time of each value (e.g. the year); default positions 0, 1, 2, ...
    confidence : float, default 0.95
        Confidence **level** of the slope interval, in [0.5, 1): 0.95 for a 95 %
        interval. scipy's ``alpha`` is symmetric around 0.5 (0.05 and 0.95 both give a
        95 % interval), so a value below 0.5 could be meant either way; it is refused
        with a message instead of being read silently.

    Returns
    -------
    TheilSenResult
        ``slope``, ``intercept``, ``low``, ``high``, ``n``. With n = 2 there is one
        pairwise slope and no interval: ``low`` and ``high`` are NaN.

    Raises
    ------
    DataError
        Fewer than 2 non-missing values or repeated times.
    ParameterError
        ``confidence`` not in [0.5, 1).
    """
    _check_confidence(confidence)
    y, t = _clean(values, times)
    res = stats.theilslopes(y, t, alpha=confidence)
    low, high = (res.low_slope, res.high_slope) if y.size > 2 else (np.nan, np.nan)
    return TheilSenResult(
        slope=float(res.slope),
        intercept=float(res.intercept),
        low=float(low),
        high=float(high),
        n=int(y.size),
    )


def _check_confidence(confidence: float) -> None:
    if not isinstance(confidence, int | float) or not 0 < confidence < 1:
        raise ParameterError(
            f"confidence is a level strictly between 0 and 1 (0.95 for 95 %); got {confidence!r}."
        )
    if confidence < 0.5:
        raise ParameterError(
            f"confidence={confidence} is below 0.5; it is the confidence level, not alpha. "
            f"For a {100 * (1 - confidence):g} % interval pass confidence={1 - confidence:g}."
        )


def growth_rate(
    values: Sequence[float],
    times: Sequence[float] | None = None,
    confidence: float = 0.95,
) -> GrowthResult:
    """Growth of a money or cost series in % a year: Theil-Sen on the log.

    ``b`` = Theil-Sen slope of ``log(values)`` against ``times``; growth
    ``= 100 (exp(b) - 1)`` % a year, and Sen's interval on ``b`` is transformed the same
    way (the transform is monotone, so the interval stays exact). Give it beside the
    level's slope: a fall of 2 million VND a year means little without the level.

    Parameters
    ----------
    values : sequence of float
        Positive values (money, cost per unit); NaNs are dropped.
    times, confidence
        As in :func:`theil_sen`.

    Returns
    -------
    GrowthResult
        ``pct``, ``low_pct``, ``high_pct`` (NaN with 2 points), ``n``.

    Raises
    ------
    DataError
        A value <= 0 (no logarithm), fewer than 2 values, repeated times.
    ParameterError
        ``confidence`` as in :func:`theil_sen`.
    """
    _check_confidence(confidence)
    y = np.asarray(values, dtype=float).ravel()
    bad = np.flatnonzero(np.isfinite(y) & (y <= 0))
    if bad.size:
        raise DataError(
            f"A growth rate needs positive values; value {y[bad[0]]} at position "
            f"{int(bad[0])} is not. Leave out zero or negative values first."
        )
    with np.errstate(divide="ignore", invalid="ignore"):
        ts = theil_sen(np.log(y), times, confidence)
    pct = lambda b: 100.0 * np.expm1(b)  # noqa: E731
    return GrowthResult(
        pct=float(pct(ts.slope)), low_pct=float(pct(ts.low)), high_pct=float(pct(ts.high)), n=ts.n
    )
