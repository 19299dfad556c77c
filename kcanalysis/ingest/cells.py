"""A sheet as a grid of raw cells (`Grid`), and the text clean-up every grid gets: NFC, and
legacy TCVN3/VNI text converted to Unicode."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from kcanalysis.errors import DataError
from kcanalysis.ingest import legacy

#: Cells (rows x columns) of one sheet read into a grid; a province's table has thousands.
MAX_CELLS = 5_000_000
#: Rows of one sheet (the national demo table has 14.000; about 30.000 are read a second).
MAX_ROWS = 200_000


def too_many_rows(name: str, sheet: str, n_rows: int, where: str = "") -> str:
    """Return the message refusing a sheet of more than MAX_ROWS rows."""
    return (
        f"{name}: sheet {sheet!r} has {n_rows:,} rows{where}, more than the {MAX_ROWS:,} "
        "read from one table. Give the province's table alone, or split the file."
    )


def password_protected(name: str) -> DataError:
    """Return the error refusing a workbook with a password to open (.xlsx or .xls)."""
    return DataError(
        f"{name} is password-protected. Open it in Excel, remove the password "
        "(File > Info > Protect Workbook > Encrypt with Password) and save it as .xlsx."
    )


def one_line(err: object, limit: int = 300) -> str:
    """Return an exception's (or any) text on one line, shortened to `limit` characters."""
    text = " ".join(str(err).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def shown(value: object, limit: int = 80) -> str:
    """Return `repr(value)` for a message, shortened when long: a cell of 10.000 characters
    is shown by its start and its length."""
    text = repr(value)
    if len(text) <= limit:
        return text
    return f"{text[: limit - 1]}… ({len(str(value)):,} characters)"


@dataclass
class Grid:
    """The cells of one sheet, with what reading them involved."""

    path: Path
    sheet: str
    cells: pd.DataFrame
    encoding: str
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    #: (cell, message) for formulas without a cached value
    warnings: list[tuple[str, str]] = field(default_factory=list)
    sheets: tuple[str, ...] = ()
    #: why a sheet has no cells to read ("a chart sheet"), for messages
    empty_reason: str = ""

    @property
    def first_row(self) -> int:
        """Physical number of the first row (1)."""
        return int(self.cells.index[0]) if len(self.cells) else 1


def normalise_text(grid: Grid, kind: str | None = None) -> None:
    """Make every text cell NFC and convert legacy-font text to Unicode, saying so.

    `kind` ("tcvn3" or "vni") is detected from the cells unless given.
    """
    arr = grid.cells.to_numpy(dtype=object)
    if not arr.size:
        return
    flat = arr.ravel()
    is_text = np.fromiter((isinstance(v, str) for v in flat), bool, len(flat))
    texts = pd.unique(flat[is_text])
    if kind is None:
        sample = "\n".join(t for t in texts[:5000] if not t.isascii())
        kind = legacy.detect_legacy(sample) if sample else None
    mapping: dict[str, str] = {}
    converted = 0
    for t in texts:
        if t.isascii():
            continue
        new = unicodedata.normalize("NFC", t)
        if kind and not _has_unicode_vietnamese(new):
            # In a legacy-font file, text such as "Ghi chó" ("Ghi chú") holds only letters
            # that also exist in Unicode Vietnamese: it is converted too, unless that makes
            # it read worse.
            conv = legacy.CONVERTERS[kind](new)
            if legacy.has_signals(new) or legacy.badness(conv) <= legacy.badness(new):
                new = conv
                converted += 1
        if new != t:
            mapping[t] = new
    if kind:
        grid.notes.append(
            f"text typed in the legacy {legacy.LEGACY_NAMES[kind]} font encoding was converted "
            f"to Unicode ({converted} distinct text values)"
        )
        grid.encoding += f"; {legacy.LEGACY_NAMES[kind]} converted to Unicode"
    if mapping:
        flat = flat.copy()
        idx = np.flatnonzero(is_text)
        flat[idx] = [mapping.get(v, v) for v in flat[idx]]
        grid.cells = pd.DataFrame(
            flat.reshape(arr.shape),
            index=grid.cells.index,
            columns=grid.cells.columns,
            dtype=object,
        )


_VIET_ONLY = re.compile("[\u0102\u0103\u0110\u0111\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9]")


def _has_unicode_vietnamese(text: str) -> bool:
    return _VIET_ONLY.search(text) is not None
