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
@click.option("--year", type=int, default=None, help="Show names as they were in YEAR.")
def provinces_cmd(year: int | None) -> None:
    """List the 63 pre-2025 provinces, their codes and their post-2025 unit."""
    from kcanalysis import provinces

    for p in provinces.province_table().itertuples():
        name = provinces.province_name(p.code, year) if year and year < 2025 else p.name
        click.echo(
            f"{p.code}  {name:<22} {p.name_ascii:<22} -> {p.successor_code} {p.successor_name}"
        )


def _register_optional() -> None:
    """Add the commands of the packages that provide them."""
    try:
        from kcanalysis.ingest.cli import validate
    except ImportError:  # pragma: no cover - ingest not installed
        return
    main.add_command(validate)


_register_optional()
