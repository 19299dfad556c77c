"""The floor of a province report: CPU seconds of its sections in one process.

Run: ``.venv/bin/python benchmarks/report_floor.py`` (plain script, not a test).

With the built-in data loaded once (as a warm kernel holds them), it builds every section
of the province reports of the 15 MTTN provinces for 2024, as the notebook does, and
prints:

- the CPU seconds per report (``time.process_time``, so other load on the machine counts
  less than in wall time), best of `ROUNDS` rounds of the 15 reports;
- the breakdown from a profiled round: figures (drawing and PNG encoding), totals
  (`add_totals`), region-wide methods (DEA, Malmquist, funnel, shrinkage, bootstrap) and
  the rest (indicators, tables, HTML). The profiler slows everything, so the breakdown is
  given as shares, applied to the unprofiled CPU time.

The goal (issue "Speed"): at most 0,4 s per report.
"""

from __future__ import annotations

import cProfile
import pstats
import time

from kcanalysis import provinces
from kcanalysis.panel import load_report_data
from kcanalysis.params import ProvinceReportParams
from kcanalysis.sections.province import ProvinceReport

YEAR = 2024
ROUNDS = 2
SECTIONS = ("header", "schedule", "purpose", "quality", "data_quality", "footer")
#: (label, predicate on a profiled function's (file, line, name)): the cumulative time of
#: the outermost matching calls is that part's time.
PARTS = (
    ("figures", lambda f: f[0].endswith("plots/export.py") and f[2] == "figure_to_png_bytes"),
    ("totals", lambda f: f[0].endswith("kcanalysis/aggregate.py") and f[2] == "add_totals"),
    (
        "region methods",
        lambda f: (
            "/kcanalysis/methods/" in f[0]
            and f[2] in {"dea", "super_efficiency", "malmquist", "shrink", "funnel_limits"}
        ),
    ),
)


def build(code: str, data) -> None:
    """Build every section of one province report."""
    report = ProvinceReport(ProvinceReportParams.from_dict({"province": code, "year": YEAR}), data)
    for name in SECTIONS:
        getattr(report, name)()


def cpu_per_report(codes: list[str], data) -> float:
    """Best of `ROUNDS` rounds: CPU seconds per report."""
    best = float("inf")
    for _ in range(ROUNDS):
        start = time.process_time()
        for code in codes:
            build(code, data)
        best = min(best, (time.process_time() - start) / len(codes))
    return best


def breakdown(codes: list[str], data) -> dict[str, float]:
    """Shares of the profiled time of one round, per part of `PARTS` and the rest."""
    profile = cProfile.Profile(time.process_time)  # CPU time, like the total below
    start = time.process_time()
    profile.enable()
    for code in codes:
        build(code, data)
    profile.disable()
    total = time.process_time() - start
    stats = pstats.Stats(profile).stats  # {(file, line, name): (cc, nc, tt, ct, callers)}
    shares = {}
    for label, match in PARTS:
        # outermost calls only: a matching function called by another matching one is
        # already inside its caller's cumulative time
        seconds = sum(
            ct
            for func, (_, _, _, ct, callers) in stats.items()
            if match(func) and not any(match(c) for c in callers)
        )
        shares[label] = seconds / total
    shares["rest (indicators, tables, HTML)"] = max(0.0, 1 - sum(shares.values()))
    return shares


def main() -> None:
    data = load_report_data()
    codes = provinces.region_members("MTTN", YEAR)
    build(codes[0], data)  # fonts, caches and imports, as a warm kernel has them
    cpu = cpu_per_report(codes, data)
    print(f"province report sections, MTTN {YEAR}, {len(codes)} reports, data loaded once")
    print(f"  CPU per report: {cpu:.2f} s (goal 0,40 s: {cpu / 0.4:.1f}x the goal)")
    for label, share in breakdown(codes, data).items():
        print(f"  {label:<32} {share:6.1%}  ~{share * cpu:.2f} s")


if __name__ == "__main__":
    main()
