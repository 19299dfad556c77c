"""The spreadsheet layouts `load` understands, declared as data, in the order tried.

Each `Layout` names how its header is found (`find`, over the header texts of the first
rows) and how its rows become facts (`reshape`, the only code that differs between
layouts). `tables.locate` tries `LAYOUTS` in order at each row of the first 40 and takes
the first layout whose header matches; `loading` then calls that layout's `reshape`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from kcanalysis.ingest import canonical, projects, summary_report, tables
from kcanalysis.ingest.conversion import Job


@dataclass(frozen=True)
class Converted:
    """What a layout's `reshape` gives: (unvalidated) facts, and a project list's projects
    (None for a layout without projects)."""

    facts: pd.DataFrame
    projects: pd.DataFrame | None = None


@dataclass(frozen=True)
class Layout:
    """One spreadsheet layout.

    Attributes
    ----------
    name : str
        The layout's name, as `IngestReport.layout` shows it.
    find : callable(pos, texts, rows) -> Table or None
        Reads the header at row `pos` of `texts` (the header texts of the first rows, merged
        cells filled) and `rows` (their raw cells); returns the located `tables.Table`, whose
        `layout` is this layout's name, or None when the header is not this layout's. The
        header may be 1, 2 or 3 rows ("Trong đó" over its parts).
    reshape : callable(Job) -> Converted
        Turns the sheet's rows into facts (and projects), recording every row in the report.
    """

    name: str
    find: Callable[[int, list[list[str]], list[list[object]]], tables.Table | None]
    reshape: Callable[[Job], Converted]


def _canonical(job: Job) -> Converted:
    return Converted(canonical.convert(job))


def _summary(job: Job) -> Converted:
    return Converted(summary_report.convert(job))


def _projects(job: Job) -> Converted:
    facts, found = projects.convert(job)
    return Converted(facts, found)


#: The layouts, in the order they are tried: a summary report's two header rows would also
#: read as a canonical or project header, so it comes first.
LAYOUTS: list[Layout] = [
    Layout(
        "summary",
        tables.find_summary,
        _summary,
    ),
    Layout(
        "canonical",
        tables.find_canonical,
        _canonical,
    ),
    Layout(
        "projects",
        tables.find_projects,
        _projects,
    ),
]


def layout(name: str) -> Layout:
    """Return the declared layout of this name."""
    return next(item for item in LAYOUTS if item.name == name)
