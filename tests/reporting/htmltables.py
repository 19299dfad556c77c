"""Read the numbered tables of a rendered report back into DataFrames (for tests)."""

from __future__ import annotations

import math
from html.parser import HTMLParser

import pandas as pd


class _Tables(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tables: dict[str, list[list[str]]] = {}
        self._rows: list[list[str]] | None = None
        self._cell: list[str] | None = None
        self._caption: list[str] | None = None
        self._name = ""

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self._rows = []
        elif tag == "caption":
            self._caption = []
        elif tag == "tr" and self._rows is not None:
            self._rows.append([])
        elif tag in ("td", "th") and self._rows is not None:
            self._cell = []

    def handle_endtag(self, tag):
        if tag == "caption" and self._caption is not None:
            self._name = "".join(self._caption).split(".")[0].strip()
            self._caption = None
        elif tag in ("td", "th") and self._cell is not None and self._rows is not None:
            self._rows[-1].append("".join(self._cell).strip())
            self._cell = None
        elif tag == "table" and self._rows is not None:
            self.tables[self._name] = self._rows
            self._rows = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)
        elif self._caption is not None:
            self._caption.append(data)


def read_tables(html: str) -> dict[str, pd.DataFrame]:
    """Return {"Bảng 1": DataFrame, ...} with the header row as columns."""
    parser = _Tables()
    parser.feed(html)
    out = {}
    for name, rows in parser.tables.items():
        if rows:
            width = len(rows[0])
            body = [row + [""] * (width - len(row)) for row in rows[1:]]  # colspan rows
            out[name] = pd.DataFrame(body, columns=rows[0])
    return out


def vi_number(text: str) -> float:
    """Parse a number as the Vietnamese reports print it ("5.329", "2.851,0", "90,1%")."""
    text = text.strip().rstrip("%")
    if text in ("", "–"):
        return math.nan
    return float(text.replace(".", "").replace(",", "."))
