"""Empirical-Bayes shrinkage of noisy unit estimates (normal-normal and James-Stein)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from kcanalysis.errors import DataError


@dataclass(frozen=True)
class JamesSteinResult:
    """Result of :func:`james_stein`: shrunken values, factor ``c`` and the grand mean."""

    shrunk: np.ndarray
    c: float
    mean: float


def _floats(name: str, values: object) -> np.ndarray:
    try:
        return np.asarray(values, dtype=float).ravel()
    except (TypeError, ValueError) as err:
        raise DataError(f"Shrinkage {name} must be numeric: {err}") from err


def dersimonian_laird(estimates: Sequence[float], variances: Sequence[float]) -> float:
    """DerSimonian-Laird (1986) between-unit variance tau², clipped at 0.

    ``w = 1/s^2``, ``mu_FE = sum w y / sum w``, ``Q = sum w (y - mu_FE)^2``,
    ``tau2 = max(0, (Q - (k - 1)) / (sum w - sum w^2 / sum w))``.

    Parameters
    ----------
    estimates : sequence of float
        Unit estimates y_i (finite).
    variances : sequence of float
        Their sampling variances s_i² (positive, squared units of ``estimates``).

    Returns
    -------
    float
        tau² in squared units of ``estimates``; 0 when Q <= k - 1.

    Raises
    ------
    DataError
        Lengths differ, non-finite values, variances <= 0, or k < 2.
    """
    y, v = _floats("estimates", estimates), _floats("variances", variances)
    if y.size != v.size or y.size < 2:
        raise DataError(f"DerSimonian-Laird needs k >= 2 paired values; got {y.size}, {v.size}.")
    if not (np.all(np.isfinite(y)) and np.all(np.isfinite(v)) and np.all(v > 0)):
        raise DataError("DerSimonian-Laird needs finite estimates and positive variances.")
    w = 1.0 / v
    mu_fe = np.sum(w * y) / w.sum()
    q = np.sum(w * (y - mu_fe) ** 2)
    denom = w.sum() - np.sum(w**2) / w.sum()
    return float(max(0.0, (q - (y.size - 1)) / denom))


def shrink(
    estimates: Sequence[float] | pd.Series,
    variances: Sequence[float] | pd.Series,
) -> pd.DataFrame:
    """Normal-normal empirical-Bayes shrinkage with a DerSimonian-Laird tau².

    Model: ``theta_hat_i ~ N(theta_i, s_i^2)``, ``theta_i ~ N(mu, tau^2)``. With tau²
    from :func:`dersimonian_laird` (clipped at 0), ``mu = sum w_i theta_hat_i / sum w_i``
    with ``w_i = 1/(s_i^2 + tau^2)``, and ``B_i = tau^2 / (tau^2 + s_i^2)``::

        shrunk_i = mu + B_i (theta_hat_i - mu)

    so noisy units (large s_i²) move most towards mu. ``posterior_variance = B_i s_i^2``
    (ignores the uncertainty in mu and tau²). For ranking and display next to the raw
    values and the funnel plot, not for auditing: shrinkage hides real outliers.

    Parameters
    ----------
    estimates : sequence of float or Series
        Unit estimates (e.g. cost per trainee per province), any unit of measure.
    variances : sequence of float or Series
        Their sampling variances s_i² (squared units), positive. Rows where either is
        NaN are kept with NaN results and left out of tau² and mu.

    Returns
    -------
    DataFrame
        ``estimate``, ``variance``, ``shrunk``, ``weight`` (B_i) and
        ``posterior_variance``; index from ``estimates`` if it is a Series. ``attrs``
        holds ``tau2``, ``mu`` and ``k`` (units used).

    Raises
    ------
    DataError
        Different lengths, non-positive variances, fewer than 2 usable units.
    """
    y, v = _floats("estimates", estimates), _floats("variances", variances)
    if y.size != v.size:
        raise DataError(f"estimates and variances differ in length ({y.size} vs {v.size}).")
    index = estimates.index if isinstance(estimates, pd.Series) else pd.RangeIndex(y.size)
    ok = np.isfinite(y) & np.isfinite(v)
    if np.any(v[ok] <= 0):
        bad = index[ok & (v <= 0)].tolist()
        raise DataError(f"Sampling variances must be positive; zero or negative at {bad[:10]}.")
    if ok.sum() < 2:
        raise DataError(
            f"shrink() needs at least 2 units with estimate and variance; got {ok.sum()}."
        )
    tau2 = dersimonian_laird(y[ok], v[ok])
    w = 1.0 / (v[ok] + tau2)
    mu = float(np.sum(w * y[ok]) / w.sum())
    b = np.where(ok, tau2 / (tau2 + v), np.nan)
    out = pd.DataFrame(
        {
            "estimate": y,
            "variance": v,
            "shrunk": mu + b * (y - mu),
            "weight": b,
            "posterior_variance": b * v,
        },
        index=index,
    )
    out.attrs.update(tau2=tau2, mu=mu, k=int(ok.sum()))
    return out


def james_stein(
    values: Sequence[float],
    sigma2: float,
    *,
    positive_part: bool = True,
) -> JamesSteinResult:
    """James-Stein estimator towards the grand mean, for equal sampling variances.

    ``c = 1 - (k - 3) sigma2 / sum (y_i - ybar)^2`` and ``shrunk_i = ybar + c (y_i - ybar)``
    (Efron & Morris 1975). With ``positive_part`` (default) ``c`` is clipped at 0, which
    never does worse than the plain estimator.

    Parameters
    ----------
    values : sequence of float
        ``k >= 4`` estimates, all with the same sampling variance, no NaN.
    sigma2 : float
        That common sampling variance, in squared units of ``values``. For proportions
        from ``n`` trials each, Efron & Morris's baseball example uses
        ``ybar (1 - ybar) / n`` (this reproduces their c = 0.212).

    Returns
    -------
    JamesSteinResult
        ``shrunk`` (array), ``c`` and ``mean`` (ybar).

    Raises
    ------
    DataError
        Fewer than 4 values, NaNs or negative sigma2. All-equal values give c = 0 and
        unchanged values.
    """
    y = _floats("values", values)
    if y.size < 4 or not np.all(np.isfinite(y)):
        raise DataError(f"james_stein() needs at least 4 finite values; got {y.tolist()[:10]}.")
    if not np.isfinite(sigma2) or sigma2 < 0:
        raise DataError(f"sigma2 must be a non-negative number; got {sigma2}.")
    ybar = float(y.mean())
    ss = float(np.sum((y - ybar) ** 2))
    if ss == 0:  # all equal: every c gives the same values; report full shrinkage
        return JamesSteinResult(shrunk=y.copy(), c=0.0, mean=ybar)
    c = 1.0 - (y.size - 3) * sigma2 / ss
    if positive_part:
        c = max(0.0, c)
    return JamesSteinResult(shrunk=ybar + c * (y - ybar), c=float(c), mean=ybar)
