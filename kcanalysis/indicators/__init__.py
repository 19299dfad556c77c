"""Effectiveness indicators of khuyến công per area, year and period.

Pure functions from `facts` (or a project list) to tidy DataFrames, one row per area ×
year × period × level × activity (× indicator or output), with ``area_name`` for display
and `add_labels` for Vietnamese or English labels of the codes.

=====================  ==========================================================
`plan_fulfilment`      actual / planned per indicator
`cost_effectiveness`   million VND of khuyến công money per trainee, model, firm, job
`leverage`             counterpart VND per VND of khuyến công money
`disbursement_rate`    disbursed / planned khuyến công budget
`on_time_completion`   share of due projects finished by their planned end
`acceptance_share`     projects accepted (nghiệm thu) / projects carried out
`yoy_change`           change on the same row one year earlier
`region_share`         a province's share of its region's total
`region_rank`          rank within the region (ties: method "min")
`cost_ci`              cost per output with bootstrap CIs from projects
`leverage_ci`          leverage with bootstrap CIs from projects
`add_labels`           vi/en labels for level, activity, indicator and output codes
=====================  ==========================================================

Rules shared by every indicator
-------------------------------
- **Periods are never mixed.** A ratio reads numerator and denominator from the same
  period (M8 with M8), unless ``plan_period`` asks for the plan of another period of the
  same year (e.g. ``plan_period="FY"``: "disbursed by September against the year's plan").
- **Totals are ratios of sums**, never averages of ratios. `facts` goes through
  `kcanalysis.aggregate.add_totals` first and totals are read from the "ALL" rows, so a
  reported total is used as reported and nothing is counted twice. For actual-against-plan
  ratios (plan fulfilment, disbursement, acceptance) a total computed from parts uses only
  the parts that report both values, and its ``note`` says when parts were left out.
- **Zero or missing denominators** give NaN, never inf or 0, with the cause in ``reason``
  ("number of trainees is zero", "planned budget not reported"). Missing values are never
  read as zero in `facts`. In project lists (`cost_ci`) a project's missing output counts
  as zero unless no project reports it, as in `kcanalysis.aggregate.aggregate`.
- **Qualifiers travel with the values.** A `facts` row's qualifier qualifies its actual
  (its plan when it gives no actual). For N / D (and N - D):
  ``qualifier = combine(q(N), flip(q(D)))`` where flip swaps ">" and "<" and combine is
  `kcanalysis.aggregate.combine_qualifiers`. So "more than 7.700 trainees" gives a cost per
  trainee of "<" (at most), "more than 3.000 million VND" a cost of ">" (at least), both
  together "~". A ratio that is NaN has no qualifier.
- **Money** is in million VND (columns ending ``_mvnd``); ``_real_mvnd`` columns are at
  constant prices of ``base_year``: real = nominal × CPI(base_year) / CPI(year)
  (`kcanalysis.datasets.cpi.deflate`). Ratios end in ``_ratio`` (fractions) and ``_pct``
  (percent).
"""

from kcanalysis.indicators.context import add_labels, region_rank, region_share, yoy_change
from kcanalysis.indicators.cost import COST_OUTPUTS, cost_effectiveness, leverage
from kcanalysis.indicators.finance import disbursement_rate, on_time_completion
from kcanalysis.indicators.fulfilment import acceptance_share, plan_fulfilment
from kcanalysis.indicators.intervals import cost_ci, leverage_ci

__all__ = [
    "COST_OUTPUTS",
    "acceptance_share",
    "add_labels",
    "cost_ci",
    "cost_effectiveness",
    "disbursement_rate",
    "leverage",
    "leverage_ci",
    "on_time_completion",
    "plan_fulfilment",
    "region_rank",
    "region_share",
    "yoy_change",
]
