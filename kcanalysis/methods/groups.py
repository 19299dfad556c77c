"""Group comparison: Kruskal-Wallis test followed by Dunn's pairwise test."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations

import numpy as np
import pandas as pd
from scipy import stats

from kcanalysis.errors import DataError
from kcanalysis.methods.multiple import adjust_pvalues


@dataclass(frozen=True)
class GroupComparison:
    """Result of :func:`compare_groups`.

    ``h``, ``p`` and ``df`` of the Kruskal-Wallis test, ``n`` observations used, and
    ``pairs``: one row per pair of groups with ``group_a``, ``group_b``, ``n_a``, ``n_b``,
    ``mean_rank_a``, ``mean_rank_b``, ``z``, ``p`` and ``p_adj``.
    """

    h: float
    p: float
    df: int
    n: int
    pairs: pd.DataFrame


def compare_groups(
    values: Sequence[float],
    groups: Sequence[object],
    p_adjust: str = "holm",
) -> GroupComparison:
    """Kruskal-Wallis test, then Dunn's (1964) pairwise z-tests with tie correction.

    H is :func:`scipy.stats.kruskal` (ranks of the pooled sample, tie-corrected).
    For groups i and j, with mean ranks R_i, N observations and tie groups of size t::

        z_ij = (R_i - R_j) / sqrt[(N(N+1)/12 - sum(t^3 - t) / (12(N-1))) (1/n_i + 1/n_j)]

    two-sided ``p = 2 (1 - Phi(|z|))``, adjusted over all pairs with ``p_adjust``
    (Holm by default; see :func:`adjust_pvalues`). If all values are equal there is no
    evidence of a difference: H = 0, p = 1 and every z = 0, p = 1.

    Parameters
    ----------
    values : sequence of float
        One value per unit, e.g. a province's cost per trainee or DEA score (use one year
        or province means: DEA scores of one run are not independent). NaNs are dropped.
    groups : sequence
        Group label of each value (e.g. region); missing labels are dropped.
    p_adjust : {"holm", "bh", "bonferroni"}

    Returns
    -------
    GroupComparison
        Groups are ordered by sorted label; ``pairs`` has ``group_a < group_b``.

    Raises
    ------
    DataError
        Different lengths, non-numeric values, fewer than 2 non-empty groups.
    """
    try:
        x = np.asarray(values, dtype=float).ravel()
    except (TypeError, ValueError) as err:
        raise DataError(f"compare_groups() values must be numeric: {err}") from err
    g = pd.Series(list(groups) if not isinstance(groups, pd.Series) else groups.to_numpy())
    if g.size != x.size:
        raise DataError(f"values and groups differ in length ({x.size} vs {g.size}).")
    keep = ~np.isnan(x) & g.notna().to_numpy()
    x, g = x[keep], g[keep].to_numpy()
    labels = sorted(pd.unique(g), key=lambda v: (str(type(v)), v))
    if len(labels) < 2:
        raise DataError(f"compare_groups() needs at least 2 non-empty groups; got {labels}.")
    samples = [x[g == lab] for lab in labels]
    n_total = x.size
    ranks = stats.rankdata(x)
    _, ties = np.unique(x, return_counts=True)
    spread = n_total * (n_total + 1) / 12.0 - np.sum(ties**3 - ties) / (12.0 * (n_total - 1))
    if spread <= 0:  # all values equal
        h, p = 0.0, 1.0
    else:
        res = stats.kruskal(*samples)
        h, p = float(res.statistic), float(res.pvalue)
    mean_rank = [ranks[g == lab].mean() for lab in labels]
    sizes = [s.size for s in samples]
    rows = []
    for a, b in combinations(range(len(labels)), 2):
        if spread <= 0:
            z = 0.0
        else:
            z = (mean_rank[a] - mean_rank[b]) / np.sqrt(spread * (1 / sizes[a] + 1 / sizes[b]))
        rows.append(
            {
                "group_a": labels[a],
                "group_b": labels[b],
                "n_a": sizes[a],
                "n_b": sizes[b],
                "mean_rank_a": mean_rank[a],
                "mean_rank_b": mean_rank[b],
                "z": float(z),
                "p": float(2 * stats.norm.sf(abs(z))),
            }
        )
    pairs = pd.DataFrame(rows)
    pairs["p_adj"] = adjust_pvalues(pairs["p"].to_numpy(), method=p_adjust)
    return GroupComparison(h=h, p=p, df=len(labels) - 1, n=int(n_total), pairs=pairs)
