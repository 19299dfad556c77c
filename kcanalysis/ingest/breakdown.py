"""Rows of a project list that are neither projects nor headings: a breakdown of a total
("Trong đó: - Khuyến công quốc gia 1.400 ...") and a project name wrapped onto the next row.

A breakdown row repeats figures of projects already listed, so it is structural; its figures
are checked against the loaded projects of the level or activity it names, and a mismatch is
a warning naming the cell. A wrapped name (a row with text in the name column only, right
under a project) is joined to that project's name.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from kcanalysis.ingest.cells import shown
from kcanalysis.ingest.conversion import Job
from kcanalysis.ingest.structure import Marker, figures_of
from kcanalysis.ingest.values import tolerance
from kcanalysis.text import format_number


def join_wrapped(titles: np.ndarray, items: np.ndarray, wrapped: dict[int, list[str]]) -> None:
    """Append wrapped lines to the names of the projects they continue (in place).

    `wrapped` maps an item's position to the text of the rows below it.
    """
    if not wrapped:
        return
    at = np.searchsorted(items, list(wrapped))
    for i, lines in zip(at, wrapped.values(), strict=True):
        titles[i] = " ".join([str(titles[i]).rstrip(), *(line.strip() for line in lines)])


def check_breakdowns(
    job: Job,
    rows: list[Marker | int],
    frame: pd.DataFrame,
    ok: np.ndarray,
    value_cols: list,
    kinds: dict[int, str],
    factors: dict[int, float],
) -> None:
    """Check each breakdown row against the loaded projects of its level or activity.

    `rows` holds a Marker for a row naming a level or an activity, else the row's position.
    """
    for row in rows:
        pos = row.pos if isinstance(row, Marker) else row
        figures = figures_of(job, pos, kinds, factors)
        if not figures:
            continue
        if not isinstance(row, Marker) or not (row.level or row.activity):
            label = next((v for v in job.values[pos] if isinstance(v, str)), "")
            job.report.note(
                f"breakdown row {shown(label)} names no level or activity; its figures are "
                "not loaded and not checked",
                job.ref(pos, next(iter(figures))),
            )
            continue
        mask = ok.copy()
        if row.level:
            mask &= frame["level"].to_numpy() == row.level
        if row.activity:
            mask &= frame["activity"].to_numpy() == row.activity
        what = " ".join(x for x in (row.level, row.activity) if x)
        for c, total in figures.items():
            target = next(v.target for v in value_cols if v.col == c)
            got = float(np.nansum(frame[f"{target}@{c}"].to_numpy()[mask]))
            if abs(got - total) > tolerance(total):
                job.warn(
                    pos,
                    c,
                    f"breakdown {shown(row.label)} says {_vn(total)} but the {int(mask.sum())} "
                    f"loaded project(s) of {what} add up to {_vn(got)}; the projects are "
                    "loaded, the breakdown row is not",
                )


def _vn(value: float) -> str:
    """Return a figure of a message the Vietnamese way ("7.700", "10,25")."""
    return format_number(value, decimals=None)
