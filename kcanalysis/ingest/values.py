"""The steps every layout shares on its figures: one `source` text, one subtotal tolerance,
one negative-amount check and `read_values`, which parses a value column, quarantines the
cells that cannot be read and warns where a cell's reading is ambiguous."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from kcanalysis import vocab
from kcanalysis.ingest.cells import shown
from kcanalysis.ingest.numbers import ColumnResult, parse_column

#: Most ranges a `source` text lists before it only counts them.
MAX_RANGES = 12


def tolerance(total):
    """Return how far rows may add up from their stated total: max(0.5, 0.05 % of it).

    Half a unit absorbs rounding to whole numbers; 0.05 % absorbs rounding of large sums.
    Works on a number or an array.
    """
    return np.maximum(0.5, 5e-4 * np.abs(total))


def ranges(rows) -> str:
    """Return sorted row numbers as ranges: "5-9, 12" (the first 12 ranges, then a count)."""
    r = np.asarray(rows)
    breaks = np.flatnonzero(r[1:] != r[:-1] + 1) + 1
    starts = r[np.concatenate(([0], breaks))].tolist()
    ends = r[np.concatenate((breaks - 1, [len(r) - 1]))].tolist()
    parts = [str(a) if a == b else f"{a}-{b}" for a, b in zip(starts, ends, strict=True)]
    text = ", ".join(parts[:MAX_RANGES])
    return text if len(parts) <= MAX_RANGES else text + f", ... ({len(parts)} ranges)"


def source_text(name: str, sheet: str, rows) -> str:
    """Return the `source` of a figure: "f.xlsx!Sheet1 row 12" or "f.xlsx!Sheet1 rows 5-9, 12".

    Parameters
    ----------
    name, sheet : str
        The file name and the sheet.
    rows : iterable of int
        The sheet rows the figure comes from (any order; repeats are ignored).
    """
    r = np.unique(np.asarray(list(rows), dtype=np.int64))
    if len(r) == 1:
        return f"{name}!{sheet} row {int(r[0])}"
    return f"{name}!{sheet} rows {ranges(r)}"


def kind_of(indicator: str) -> str:
    """Return how an indicator's cells are read: "money" (million VND) or "count"."""
    return "money" if vocab.INDICATORS[indicator].unit == vocab.MONEY_UNIT else "count"


def money_factor(unit, default: float) -> float:
    """Return million VND per plain number of a column: its own money unit (a header
    "(tỷ đồng)"), else the table's (`default`, from the unit line)."""
    return unit.factor if unit is not None and unit.unit == vocab.MONEY_UNIT else default


def negative(value: float, name: str) -> str:
    """Return the quarantine reason of a negative amount in column `name`."""
    return f"negative amount {value:g} in {name}; amounts are >= 0"


def read_values(
    cells,
    kind: str,
    factor: float,
    name: str,
    bad: Callable[[int, str], None],
    warn: Callable[[int, str], None],
) -> ColumnResult:
    """Parse one value column and report what cannot be used.

    Parameters
    ----------
    cells : array-like of object
        The column's cells, one per item row.
    kind : {"money", "count", "percent", "number"}
        What the column holds (see `numbers.parse_column`).
    factor : float
        Million VND per plain number of a money column (1000 for "tỷ đồng").
    name : str
        The column's name in messages ("actual", "budget_kc").
    bad : callable(i, reason)
        Quarantines item `i`: a cell that cannot be read, or a negative amount.
    warn : callable(i, text)
        Reports how an ambiguous cell of item `i` was read ("1.800" as 1800).

    Returns
    -------
    ColumnResult
        The values (NaN where empty or unreadable) and the qualifiers.
    """
    parsed = parse_column(cells, kind, factor)
    for i, message in parsed.errors.items():
        bad(i, message)
    for i, text, value, why in parsed.ambiguous:
        warn(i, f"ambiguous {shown(text)} read as {value:g} million VND: {why}")
    values = parsed.values
    for i in np.flatnonzero(values < 0):
        bad(int(i), negative(float(values[i]), name))
    return parsed
