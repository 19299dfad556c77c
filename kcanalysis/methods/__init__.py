"""Statistical methods of kcanalysis: one module per family.

* ``bootstrap``  — :func:`ratio_ci`, bootstrap CIs for ratios of sums (plan fulfilment, CER)
* ``trend``      — :func:`mann_kendall`, :func:`theil_sen`, :func:`growth_rate`
* ``funnel``     — :func:`funnel_limits`, :func:`overdispersion` (Spiegelhalter 2005)
* ``dea``        — :func:`dea` (CCR/BCC, slacks, peers), :func:`super_efficiency`
* ``malmquist``  — :func:`malmquist`, :func:`malmquist_summary`
* ``shrinkage``  — :func:`shrink` (normal-normal EB, DerSimonian-Laird), :func:`james_stein`
* ``groups``     — :func:`compare_groups` (Kruskal-Wallis + Dunn)
* ``multiple``   — :func:`adjust_pvalues` (BH, Holm, Bonferroni)

Every function validates its input and raises :class:`kcanalysis.errors.DataError` for bad
data and :class:`kcanalysis.errors.ParameterError` for bad options.
"""

from kcanalysis.methods.bootstrap import DEFAULT_SEED, ratio_ci
from kcanalysis.methods.dea import dea, super_efficiency
from kcanalysis.methods.funnel import OverdispersionResult, funnel_limits, overdispersion
from kcanalysis.methods.groups import GroupComparison, compare_groups
from kcanalysis.methods.malmquist import malmquist, malmquist_summary
from kcanalysis.methods.multiple import adjust_pvalues
from kcanalysis.methods.shrinkage import JamesSteinResult, dersimonian_laird, james_stein, shrink
from kcanalysis.methods.trend import (
    GrowthResult,
    MannKendallResult,
    TheilSenResult,
    growth_rate,
    mann_kendall,
    theil_sen,
)

__all__ = [
    "DEFAULT_SEED",
    "GroupComparison",
    "GrowthResult",
    "JamesSteinResult",
    "MannKendallResult",
    "OverdispersionResult",
    "TheilSenResult",
    "adjust_pvalues",
    "compare_groups",
    "dea",
    "dersimonian_laird",
    "funnel_limits",
    "growth_rate",
    "james_stein",
    "malmquist",
    "malmquist_summary",
    "mann_kendall",
    "overdispersion",
    "ratio_ci",
    "shrink",
    "super_efficiency",
    "theil_sen",
]


def __getattr__(name: str):
    # dea_panel works on `facts` and lives with the data layer (kcanalysis.panel), which
    # imports this package; it is reached here too, without an import cycle.
    if name == "dea_panel":
        from kcanalysis.panel import dea_panel

        return dea_panel
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
