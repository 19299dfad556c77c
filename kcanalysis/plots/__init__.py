"""Report figures: greyscale-safe matplotlib Figures with vi/en text.

Every ``plot_*`` function builds a new :class:`matplotlib.figure.Figure` with the object
API (no pyplot state, so batch runs leak no figures) and never saves or shows it; the
report publisher embeds it with :func:`figure_to_png_bytes`. Text follows ``lang``
("vi" by default, or "en"), numbers on the axes follow the reader's format (vi ``7.700``
and ``10,25``; en ``7,700`` and ``10.25``), money axes state their unit, and series
differ by marker, line style or hatch as well as by grey level; the highlighted province
is black and larger.

* ``trend``      — :func:`plot_trend` (yearly series, Theil–Sen line and slope band)
* ``funnel``     — :func:`plot_funnel` (provinces against 95% / 99.8% control limits)
* ``spending``   — :func:`plot_activity_mix`, :func:`plot_plan_vs_actual`
* ``efficiency`` — :func:`plot_dea_frontier`, :func:`plot_malmquist`
* ``ranking``    — :func:`plot_ranking` (caterpillar plot)
* ``export``     — :func:`figure_to_png_bytes`
"""

from kcanalysis.plots.efficiency import plot_dea_frontier, plot_malmquist
from kcanalysis.plots.export import figure_to_png_bytes
from kcanalysis.plots.funnel import plot_funnel
from kcanalysis.plots.ranking import plot_ranking
from kcanalysis.plots.spending import plot_activity_mix, plot_plan_vs_actual
from kcanalysis.plots.trend import plot_trend

__all__ = [
    "figure_to_png_bytes",
    "plot_activity_mix",
    "plot_dea_frontier",
    "plot_funnel",
    "plot_malmquist",
    "plot_plan_vs_actual",
    "plot_ranking",
    "plot_trend",
]
