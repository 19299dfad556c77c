"""Funnel-plot control limits (Spiegelhalter 2005) and overdispersion estimates."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import stats

from kcanalysis.errors import DataError, ParameterError

KINDS = ("poisson", "proportion", "binomial", "normal")


@dataclass(frozen=True)
class OverdispersionResult:
    """Result of :func:`overdispersion`: ratio ``phi``, additive ``tau2`` and unit count."""

    phi: float
    tau2: float
    n: int


def _level_suffix(level: float) -> str:
    """0.95 -> "95", 0.998 -> "998", 0.975 -> "975"."""
    return f"{level * 100:.10g}".replace(".", "")


def _as_float(name: str, values: object) -> np.ndarray:
    try:
        arr = np.atleast_1d(np.asarray(values, dtype=float))
    except (TypeError, ValueError) as err:
        raise DataError(f"Funnel {name} must be numeric: {err}") from err
    return arr.ravel()


def funnel_limits(
    denominator: Sequence[float],
    target: float,
    kind: str,
    levels: Sequence[float] = (0.95, 0.998),
    *,
    sd: float | Sequence[float] | None = None,
    se: Sequence[float] | None = None,
    tau2: float = 0.0,
) -> pd.DataFrame:
    """Control limits of a funnel plot, one row per denominator.

    With ``z = Phi^-1(1 - a/2)`` for each level (1.959964 for 95%, 3.090232 for 99.8%):

    * ``kind="poisson"`` — ratio O/E with ``denominator = E`` (expected count): exact
      chi-square limits ``chi2.ppf(a/2, 2E) / (2E)`` and ``chi2.ppf(1-a/2, 2E+2) / (2E)``,
      times ``target`` (as NHS-R FunnelPlotR; exact when target = 1).
    * ``kind="proportion"`` — proportion with ``denominator = n`` trials: the inverted
      Wilson score method of PHE Fingertips. The limit is the observed proportion whose
      Wilson interval just touches the target; solving the Wilson equation
      ``(p - target)^2 = z^2 target(1 - target)/n`` for p gives the closed form
      ``target ± z sqrt(target(1-target)/n + tau2)`` (tau2 = 0 for PHE), clipped to [0, 1].
    * ``kind="binomial"`` — proportion with ``denominator = n`` trials, exact binomial
      limits with Spiegelhalter's (2005, appendix A.1.1) interpolation: with F the
      Binomial(n, target) distribution function, ``r_p`` the smallest r with
      ``F(r) >= p`` and ``alpha = (F(r_p) - p) / (F(r_p) - F(r_p - 1))``, the limit is
      ``(r_p - alpha) / n`` for p = a/2 and 1 - a/2. Right for small numbers, where the
      normal forms are not; ``denominator`` is rounded to whole trials.
    * ``kind="normal"`` — ratios and means: ``target ± z sqrt(se^2 + tau2)`` with
      ``se = sd / sqrt(denominator)`` (pass ``sd``, the unit-level standard deviation,
      scalar or one per denominator) or ``se`` (one per denominator) directly.

    ``tau2`` (see :func:`overdispersion`) widens the normal-form limits additively
    (Spiegelhalter 2005, random-effects funnel); it is not defined for ``"poisson"``.

    Parameters
    ----------
    denominator : sequence of float
        Positive precision parameter for the x axis: expected count, trials or sample size.
    target : float
        The benchmark theta_0, usually the pooled ratio (sum of numerators over sum of
        denominators) — not the mean of unit ratios.
    kind : {"poisson", "proportion", "normal"}
    levels : sequence of float, default (0.95, 0.998)
        Two-sided coverage of each pair of limits; the columns are named after them.
    sd, se : float or sequence of float, optional
        Spread for ``kind="normal"`` (exactly one of them).
    tau2 : float, default 0
        Between-unit variance added for overdispersion.

    Returns
    -------
    DataFrame
        ``denominator``, then ``lower_<L>`` and ``upper_<L>`` for every level, with
        ``<L>`` the level in percent without the dot (``lower_95``, ``upper_998``).

    Raises
    ------
    ParameterError
        Unknown ``kind``, bad levels, ``sd``/``se`` missing or both given, tau2 < 0,
        target outside [0, 1] for proportions.
    DataError
        Non-positive, missing or non-numeric denominators.
    """
    if kind not in KINDS:
        raise ParameterError(f"kind={kind!r} is not supported; use one of {list(KINDS)}.")
    levels = [float(lv) for lv in levels]
    if not levels or any(not 0 < lv < 1 for lv in levels):
        raise ParameterError(f"levels must lie strictly between 0 and 1; got {levels}.")
    if len({_level_suffix(lv) for lv in levels}) != len(levels):
        raise ParameterError(f"levels must be distinct; got {levels}.")
    if not np.isfinite(tau2) or tau2 < 0:
        raise ParameterError(f"tau2 must be a non-negative number; got {tau2}.")
    den = _as_float("denominator", denominator)
    bad = ~np.isfinite(den) | (den <= 0)
    if bad.any():
        raise DataError(
            f"Funnel denominators must be positive and finite; bad values at positions "
            f"{np.flatnonzero(bad)[:10].tolist()}: {den[bad][:10].tolist()}."
        )
    target = float(target)
    spread = _spread(kind, den, target, sd, se, tau2)
    out = pd.DataFrame({"denominator": den})
    for lv in levels:
        a = 1.0 - lv
        name = _level_suffix(lv)
        if kind == "poisson":
            lower = stats.chi2.ppf(a / 2, 2 * den) / (2 * den) * target
            upper = stats.chi2.ppf(1 - a / 2, 2 * den + 2) / (2 * den) * target
        elif kind == "binomial":
            lower = _binomial_limit(den, target, a / 2)
            upper = _binomial_limit(den, target, 1 - a / 2)
        else:
            z = stats.norm.ppf(1 - a / 2)
            lower, upper = target - z * spread, target + z * spread
            if kind == "proportion":
                lower, upper = np.clip(lower, 0.0, 1.0), np.clip(upper, 0.0, 1.0)
        out[f"lower_{name}"] = lower
        out[f"upper_{name}"] = upper
    return out


def _binomial_limit(den: np.ndarray, target: float, p: float) -> np.ndarray:
    """Spiegelhalter's interpolated exact binomial quantile ``(r_p - alpha) / n``."""
    n = np.maximum(np.round(den), 1.0)
    r = stats.binom.ppf(p, n, target)
    f_r = stats.binom.cdf(r, n, target)
    f_below = stats.binom.cdf(r - 1, n, target)
    jump = f_r - f_below
    with np.errstate(divide="ignore", invalid="ignore"):
        alpha = np.where(jump > 0, (f_r - p) / jump, 0.0)
    return np.clip((r - alpha) / n, 0.0, 1.0)


def _spread(kind, den, target, sd, se, tau2) -> np.ndarray | None:
    """Standard error of the normal-form funnels (None for the exact ones)."""
    if kind in ("poisson", "binomial"):
        if tau2 > 0:
            raise ParameterError(
                f"tau2 is not defined for exact {kind} limits; use 'proportion' or 'normal'."
            )
        if kind == "binomial" and not 0 <= target <= 1:
            raise ParameterError(f"A proportion target must lie in [0, 1]; got {target}.")
        return None
    if kind == "proportion":
        if not 0 <= target <= 1:
            raise ParameterError(f"A proportion target must lie in [0, 1]; got {target}.")
        return np.sqrt(target * (1 - target) / den + tau2)
    if (sd is None) == (se is None):
        raise ParameterError("kind='normal' needs exactly one of sd= or se=.")
    if sd is not None:
        sd_arr = _as_float("sd", sd)
        if sd_arr.size not in (1, den.size):
            raise DataError(f"sd needs 1 or {den.size} values; got {sd_arr.size}.")
        s = sd_arr / np.sqrt(den)
    else:
        s = _as_float("se", se)
        if s.size != den.size:
            raise DataError(f"se needs one value per denominator ({den.size}); got {s.size}.")
    if np.any(~np.isfinite(s) | (s < 0)):
        raise DataError("Funnel sd/se values must be finite and non-negative.")
    return np.sqrt(s**2 + tau2)


def overdispersion(
    values: Sequence[float],
    se: Sequence[float],
    target: float,
    winsor: float | None = 0.1,
) -> OverdispersionResult:
    """Overdispersion of unit estimates around a target (Spiegelhalter 2005).

    ``z_i = (y_i - target) / s_i`` is winsorised at the ``winsor`` and ``1 - winsor``
    quantiles (numpy's linear interpolation; default 10%/90%), then::

        phi  = sum z_i^2 / I
        tau2 = max(0, (I*phi - (I - 1)) / (sum w - sum w^2 / sum w)),   w = 1/s_i^2

    ``phi > 1`` means more spread than the within-unit standard errors explain. Use
    ``tau2`` in :func:`funnel_limits` (additive, random-effects limits); the
    multiplicative alternative scales the half-widths by ``sqrt(phi)``.

    Parameters
    ----------
    values : sequence of float
        Unit estimates (e.g. cost per trainee per province, in constant million VND).
    se : sequence of float
        Their standard errors, same units, all positive.
    target : float
        The benchmark theta_0 (pooled estimate).
    winsor : float or None, default 0.1
        Tail fraction for winsorising; ``None`` or 0 disables it.

    Returns
    -------
    OverdispersionResult
        ``phi``, ``tau2`` (clipped at 0) and ``n`` (units used; NaN pairs are dropped).

    Raises
    ------
    DataError
        Mismatched lengths, non-positive standard errors, fewer than 2 units.
    ParameterError
        ``winsor`` outside [0, 0.5).
    """
    y = _as_float("values", values)
    s = _as_float("se", se)
    if y.size != s.size:
        raise DataError(f"values and se differ in length ({y.size} vs {s.size}).")
    keep = np.isfinite(y) & np.isfinite(s)
    y, s = y[keep], s[keep]
    if np.any(s <= 0):
        raise DataError("Standard errors must be positive for overdispersion().")
    if y.size < 2:
        raise DataError(f"overdispersion() needs at least 2 units; got {y.size}.")
    if winsor is not None and not 0 <= winsor < 0.5:
        raise ParameterError(f"winsor must be in [0, 0.5); got {winsor}.")
    z = (y - float(target)) / s
    if winsor:
        lo, hi = np.quantile(z, [winsor, 1.0 - winsor])
        z = np.clip(z, lo, hi)
    n = y.size
    phi = float(np.sum(z**2) / n)
    w = 1.0 / s**2
    tau2 = (n * phi - (n - 1)) / (w.sum() - np.sum(w**2) / w.sum())
    return OverdispersionResult(phi=phi, tau2=float(max(0.0, tau2)), n=int(n))
