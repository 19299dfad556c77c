"""Multiple-testing adjustment of p-values (Benjamini-Hochberg, Holm, Bonferroni)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from kcanalysis.errors import DataError, ParameterError

METHODS = ("bh", "holm", "bonferroni")


def adjust_pvalues(
    p: Sequence[float] | np.ndarray | pd.Series, method: str = "bh"
) -> np.ndarray | pd.Series:
    """Adjust p-values for multiple comparisons; NaNs stay NaN and are not counted.

    With the ``m`` non-missing p-values sorted ascending, ``p_(1) <= ... <= p_(m)``:

    * ``"bh"`` (Benjamini-Hochberg false-discovery rate):
      ``p_adj_(i) = min_{j >= i} min(1, m p_(j) / j)``;
    * ``"holm"`` (family-wise error): ``p_adj_(i) = max_{j <= i} min(1, (m - j + 1) p_(j))``;
    * ``"bonferroni"``: ``min(1, m p_i)``.

    Use BH across provinces (e.g. one Mann-Kendall test per province), Holm for the few
    pairwise comparisons after a Kruskal-Wallis test.

    Parameters
    ----------
    p : sequence of float, ndarray or Series
        Raw p-values in [0, 1]; NaN allowed.
    method : {"bh", "holm", "bonferroni"}

    Returns
    -------
    ndarray or Series
        Adjusted p-values in the input order (a Series keeps its index).

    Raises
    ------
    ParameterError
        Unknown ``method``.
    DataError
        Values outside [0, 1] or non-numeric.
    """
    if method not in METHODS:
        raise ParameterError(f"method={method!r} is not supported; use one of {list(METHODS)}.")
    try:
        arr = np.asarray(p, dtype=float)
    except (TypeError, ValueError) as err:
        raise DataError(f"p-values must be numeric: {err}") from err
    flat = arr.ravel()
    ok = ~np.isnan(flat)
    if np.any((flat[ok] < 0) | (flat[ok] > 1)):
        raise DataError(f"p-values must lie in [0, 1]; got {flat[ok & ((flat < 0) | (flat > 1))]}.")
    vals = flat[ok]
    m = vals.size
    adj = np.full(flat.shape, np.nan)
    if m:
        order = np.argsort(vals, kind="stable")
        ranked = vals[order]
        rank = np.arange(1, m + 1)
        if method == "bh":
            out = np.minimum.accumulate((m * ranked / rank)[::-1])[::-1]
        elif method == "holm":
            out = np.maximum.accumulate((m - rank + 1) * ranked)
        else:
            out = m * ranked
        res = np.empty(m)
        res[order] = np.minimum(out, 1.0)
        adj[ok] = res
    adj = adj.reshape(arr.shape)
    if isinstance(p, pd.Series):
        return pd.Series(adj, index=p.index, name=p.name)
    return adj
