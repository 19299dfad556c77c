"""The `kcanalysis` command: a thin layer over the package's functions.

Errors of kcanalysis are shown as one message and exit code 2, never as a traceback.
"""

from __future__ import annotations

import sys

import click

from kcanalysis.errors import KcAnalysisError


class _Group(click.Group):
    """A click group that turns kcanalysis errors into a message and exit code 2."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except KcAnalysisError as err:
            click.echo(f"error: {err}", err=True)
            sys.exit(2)


@click.group(cls=_Group)
@click.version_option(package_name="kcanalysis")
def main() -> None:
    """Evaluate the khuyến công programme per province and year."""


@main.command()
def info() -> None:
    """Print what the built-in data hold."""
    from kcanalysis.cli_info import describe_builtin

    click.echo(describe_builtin())


@main.command("provinces")
@click.option(
    "--year",
    type=int,
    default=None,
    help="The map in force in YEAR: the 63 provinces before 2025, the 34 units from 2025.",
)
@click.option(
    "--period",
    default="FY",
    show_default=True,
    help="With --year 2025: M6/Q2 are before the merger, FY/H2 after it.",
)
def provinces_cmd(year: int | None, period: str) -> None:
    """List the provinces or units of a map, with their codes.

    Without --year, or before 1 July 2025: the 63 provinces and the unit each joined.
    From then on: the 34 units, each with the provinces it was formed from.
    """
    from kcanalysis import provinces, units
    from kcanalysis.periods import NEW, normalize_period, vintage_of

    if year is not None and vintage_of(year, normalize_period(period)) == NEW:
        for u in units.unit_table(NEW).itertuples():
            click.echo(f"{u.code}  {u.name:<22} <- {u.predecessors}")
        return
    for p in provinces.province_table().itertuples():
        click.echo(
            f"{p.code}  {p.name:<22} {p.name_ascii:<22} -> {p.successor_code} {p.successor_name}"
        )


@main.command()
@click.option("--province", help="Province name or code (a report on one province).")
@click.option("--region", help="Region id, e.g. MTTN (a regional overview).")
@click.option(
    "--year",
    type=int,
    default=None,
    help="The report's year (for a programme period P<a>-<b>: b, which is the default).",
)
@click.option(
    "--period",
    default="FY",
    show_default=True,
    help="FY, M1..M11 (H1 = M6), Q1..Q4, H2 or P<a>-<b>.",
)
@click.option("--lang", type=click.Choice(["vi", "en"]), default="vi", show_default=True)
@click.option(
    "--data",
    "data",
    multiple=True,
    type=click.Path(dir_okay=False),
    help="Data file (repeatable); none means the built-in data.",
)
@click.option(
    "--out",
    type=click.Path(file_okay=False),
    default=None,
    help="Output folder (default: outputs/).",
)
@click.option(
    "--issuer",
    default="",
    help='Issuing body printed at the top, e.g. "Sở Công Thương tỉnh Đắk Lắk".',
)
@click.option(
    "--with-builtin",
    is_flag=True,
    help="Put the built-in demo panel beside the --data files: the files' areas and "
    "periods replace the panel's, the other provinces stay (labelled synthetic).",
)
def report(province, region, year, period, lang, data, out, issuer, with_builtin) -> None:
    """Render one report: execute its notebook with papermill and publish HTML.

    A programme period (``--period P2021-2025``) renders the programme review, of a
    province or, with ``--region`` alone, of a region. The last line printed is the HTML
    path.
    """
    from pathlib import Path

    from kcanalysis.errors import ParameterError
    from kcanalysis.params import (
        ProgrammeReviewParams,
        ProvinceReportParams,
        RegionalOverviewParams,
    )
    from kcanalysis.periods import normalize_period, programme_years
    from kcanalysis.reporting import render_report

    if not province and not region:
        raise ParameterError(
            "Give --province (a province report; with --region, the region it is compared "
            "with) or --region alone (a regional overview)."
        )
    span = programme_years(normalize_period(period))
    if year is None and span is None:
        raise ParameterError("Give --year (it may be left out only for a programme period).")
    year = span[1] if year is None else year
    if with_builtin and not data:
        raise ParameterError(
            "--with-builtin goes with --data FILE: the built-in data are used anyway."
        )
    data = [*data, "builtin"] if with_builtin else list(data)
    common = {"year": year, "period": period, "lang": lang, "data": data, "issuer": issuer}
    if span is not None:
        area = {"province": province or region}
        if province and region:
            area["region"] = region
        params = ProgrammeReviewParams.from_dict({**area, **common})
        notebook = "programme_review"
    elif province:
        params = ProvinceReportParams.from_dict(
            {"province": province, **common, **({"region": region} if region else {})}
        )
        notebook = "province_report"
    else:
        params = RegionalOverviewParams.from_dict({"region": region, **common})
        notebook = "regional_overview"
    _check_data(params)
    click.echo(f"Rendering {_confirmation(params, bool(province and region))} ...", err=True)
    html = render_report(notebook, params, Path(out) if out else None)
    click.echo(str(html))


def _confirmation(params, compared: bool = False) -> str:
    """One line saying what is rendered: "Đắk Lắk (66) · 2024 · cả năm · vi" (and the
    region it is compared with when `compared`, i.e. given with --region)."""
    from kcanalysis import provinces
    from kcanalysis.sections.words import period_label

    area = getattr(params, "province", None) or params.region
    name = provinces.area_label(area, params.year, params.lang, params.period)
    where = f"{name} ({area})" if name != area else area
    when = period_label(params.period, params.lang)
    if params.lang == "vi":  # mid-line: "cả năm", "8 tháng đầu năm"
        when = when[:1].lower() + when[1:]
    parts = [where, str(params.year), when, params.lang]
    region = getattr(params, "region", None)
    if compared and getattr(params, "province", None) and region:
        word = "so sánh với" if params.lang == "vi" else "compared with"
        parts.insert(1, f"{word} {provinces.area_label(region, params.year, params.lang)}")
    return " · ".join(parts)


def _check_data(params) -> None:
    """Fail before any kernel starts if the year or period has no data."""
    from kcanalysis.panel import load_report_data
    from kcanalysis.params import check_available

    check_available(params, load_report_data(params.data).facts)


def _register() -> None:
    """Add the commands defined beside the functions they drive."""
    from kcanalysis.ingest.cli import validate
    from kcanalysis.reporting.batch.cli import batch, summary

    main.add_command(validate)
    main.add_command(batch)
    main.add_command(summary)


_register()
