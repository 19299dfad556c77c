"""Text summary of the built-in data, for `kcanalysis info` and `make reports`."""

from __future__ import annotations

from kcanalysis import provinces
from kcanalysis.datasets import load_cpi, load_demo, load_published


def describe_builtin() -> str:
    """Return a short description of the published figures, the CPI and the demo panel."""
    pub = load_published()
    demo = load_demo()
    cpi = load_cpi()
    lines = ["Built-in data of kcanalysis", ""]
    lines.append(
        f"Published figures (real, sourced): {len(pub)} rows, "
        f"{pub['source'].nunique()} sources, years {pub['year'].min()}-"
        f"{pub['year'].max()}"
    )
    for (code, name), part in pub.groupby(["area_code", "area_name"], sort=True):
        years = ", ".join(str(y) for y in sorted(part["year"].unique()))
        lines.append(f"  {code:<5} {name:<26} {len(part):>3} rows  years {years}")
    seed = pub[(pub["area_code"] == "MTTN") & (pub["year"] == 2011) & (pub["period"] == "M8")]
    lines.append(
        "  Seed article, MTTN Jan-Aug 2011: "
        + "; ".join(
            f"{r.activity} {r.indicator} {r.qualifier}{r.actual:,.0f}".replace(",", ".")
            for r in seed.itertuples()
        )
    )
    lines.append("")
    f, p = demo.facts, demo.projects
    lines.append(
        "Demo panel (SYNTHETIC, invented numbers for demonstration only): "
        f"{len(f)} facts rows, {len(p)} projects, "
        f"{f['area_code'].nunique()} provinces, years {f['year'].min()}-"
        f"{f['year'].max()}, periods {', '.join(sorted(f['period'].unique()))}"
    )
    names = ", ".join(provinces.province_name(c) for c in sorted(f["area_code"].unique()))
    lines.append(f"  provinces: {names}")
    lines.append("")
    lines.append(f"CPI (World Bank, GSO): {cpi['year'].min()}-{cpi['year'].max()}")
    return "\n".join(lines)
