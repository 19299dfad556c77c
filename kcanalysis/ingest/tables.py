"""Where the table is in a sheet and which layout it has.

The header is the first row (within the first 40) that reads as one of the layouts:
a summary report (column groups "Kế hoạch" / "Thực hiện" / "Ước TH" / "Lũy kế" over
"Số đề án" / "Kinh phí" on the next row), the canonical long table (`facts` columns), or a
project list ("Tên đề án" with money or output columns, possibly over a second header row).
Merged header cells are filled from their top-left cell; in a CSV, a group label is carried
right over the empty cells beneath which the next row has a label.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kcanalysis.ingest import headers
from kcanalysis.ingest.unit_line import Unit, unit_in_brackets
from kcanalysis.schema import PROJECT_MONEY, PROJECT_OUTPUTS

SEARCH_ROWS = 40
_NUMBERING_CELL = re.compile(r"^\(?[0-9]{1,2}\)?(?:\s*=.*)?$|^\(?[A-Z]\)?$")
#: Columns of which a project list has at least one (besides the project's name).
PROJECT_VALUES = (*PROJECT_MONEY, "budget_total", *PROJECT_OUTPUTS)


@dataclass
class Column:
    """One understood column of the table (`col` counts from 0)."""

    col: int
    target: str
    header: str
    unit: Unit | None = None
    level: str | None = None
    group: str | None = None
    group_text: str = ""


@dataclass
class Table:
    """A located table: its layout, header rows (positions in the grid) and columns."""

    layout: str
    header: list[int]
    columns: list[Column]
    ignored: list[tuple[int, str]] = field(default_factory=list)
    #: (first column, second column, target) of a target named by two header cells
    duplicates: list[tuple[int, int, str]] = field(default_factory=list)

    @property
    def first_data(self) -> int:
        """Position of the first row below the header."""
        return self.header[-1] + 1

    def get(self, target: str) -> Column | None:
        """Return the first column with `target`, or None."""
        return next((c for c in self.columns if c.target == target), None)

    def all(self, target: str) -> list[Column]:
        """Return every column with `target`."""
        return [c for c in self.columns if c.target == target]


def locate(rows: list[list[object]], merged: list[tuple[int, int, int, int]]) -> Table | None:
    """Find the header in the first rows of a sheet and return the table, or None.

    Parameters
    ----------
    rows : list of lists
        The first rows of the sheet (raw values).
    merged : list of (first row, first col, last row, last col)
        Merged ranges, rows 1-based as in the sheet and columns 0-based.
    """
    from kcanalysis.ingest.layouts import LAYOUTS  # the layouts import this module

    texts = _header_texts(rows[: SEARCH_ROWS + 2], merged)
    for pos in range(min(SEARCH_ROWS, len(texts))):
        if sum(1 for t in texts[pos] if t) < 2:
            continue
        table = next(
            (t for t in (item.find(pos, texts, rows) for item in LAYOUTS) if t is not None), None
        )
        if table is not None:
            after = table.first_data
            if after < len(rows) and _is_numbering_row(rows[after]):
                table.header.append(after)
            return table
    return None


def _next(pos: int, texts: list[list[str]]) -> list[str]:
    return texts[pos + 1] if pos + 1 < len(texts) else []


def find_summary(pos: int, texts: list[list[str]], rows) -> Table | None:
    """Return the summary report whose two header rows start at `pos`, or None."""
    return _summary(pos, texts[pos], _next(pos, texts))


def find_canonical(pos: int, texts: list[list[str]], rows) -> Table | None:
    """Return the canonical long table whose header row is `pos`, or None."""
    return _canonical(pos, texts[pos])


def find_projects(pos: int, texts: list[list[str]], rows) -> Table | None:
    """Return the project list whose header starts at `pos` (1, 2 or 3 rows), or None."""
    nxt = _next(pos, texts)
    # "Kinh phí" over "Tổng số | Trong đó" over "KCĐP | Đối ứng": three header rows.
    third = _of_which(nxt, texts, rows, pos + 2)
    lower = third if third is not None else nxt
    raw = rows[pos + (2 if third is not None else 1)] if pos + 1 < len(rows) else []
    table = _projects(pos, texts[pos], lower, raw)
    if table is not None and third is not None and len(table.header) == 2:
        table.header.append(pos + 2)
    return table


def _header_texts(rows, merged) -> list[list[str]]:
    width = max((len(r) for r in rows), default=0)
    out = [[_text(v) for v in list(r) + [None] * (width - len(r))] for r in rows]
    # Merged ranges do not overlap, so they fill at most every cell once; overlapping ones
    # (a damaged or crafted file) stop being applied when that budget is spent.
    budget = len(out) * width
    for r1, c1, r2, c2 in merged:
        if r1 - 1 >= len(out) or c1 >= width or r1 < 1 or c1 < 0:
            continue
        budget -= max(min(r2, len(out)) - r1 + 1, 0) * max(min(c2 + 1, width) - c1, 0)
        if budget < 0:
            break
        value = out[r1 - 1][c1]
        for r in range(r1 - 1, min(r2, len(out))):
            for c in range(c1, min(c2 + 1, width)):
                out[r][c] = value
    return out


def _text(value: object) -> str:
    return value.strip() if isinstance(value, str) else ""


def _carry_right(upper: list[str], lower: list[str]) -> list[str]:
    """Carry group labels right over empty cells under which `lower` has a label."""
    out = list(upper)
    for c in range(1, len(out)):
        if not out[c] and c < len(lower) and lower[c] and out[c - 1]:
            out[c] = out[c - 1]
    return out


def _summary(pos: int, upper: list[str], lower: list[str]) -> Table | None:
    upper = _carry_right(upper, lower)
    columns, ignored = [], []
    has_label = False
    for c, top in enumerate(upper):
        bottom = lower[c] if c < len(lower) else ""
        group, rest = headers.match(top, headers.SUMMARY_GROUPS)
        sub, _ = headers.match(bottom, headers.SUMMARY_SUBS)
        label = (
            headers.match(top, headers.SUMMARY_LABEL)[0]
            or headers.match(bottom, headers.SUMMARY_LABEL)[0]
        )
        if group and group != "ratio" and sub:
            unit = unit_in_brackets(bottom) or unit_in_brackets(top)
            columns.append(Column(c, sub, f"{top} / {bottom}", unit, group=group, group_text=rest))
        elif label and not group:
            has_label = has_label or label == "label"
            columns.append(Column(c, label, top or bottom))
        elif top or bottom:
            ignored.append((c, " / ".join(dict.fromkeys(t for t in (top, bottom) if t))))
    if not has_label or not any(c.group for c in columns):
        return None
    return Table("summary", [pos, pos + 1], columns, ignored)


def _canonical(pos: int, row: list[str]) -> Table | None:
    columns, ignored, seen, duplicates = [], [], {}, []
    for c, text in enumerate(row):
        target, rest = headers.match(text, headers.CANONICAL)
        if rest and target not in ("planned", "actual"):
            target = None  # only "Kế hoạch năm 2023", "Thực hiện 6 tháng" carry more words
        if target and target not in seen:
            seen[target] = c
            group = target if rest else None
            columns.append(Column(c, target, text, unit_in_brackets(text), None, group, rest))
        elif target:
            duplicates.append((seen[target], c, target))
        elif text:
            ignored.append((c, text))
    if "indicator" in seen and seen.keys() & {"planned", "actual"} and len(seen) >= 3:
        return Table("canonical", [pos], columns, ignored, duplicates)
    return None


def _projects(pos: int, upper: list[str], lower: list[str], raw_lower) -> Table | None:
    if sum(1 for t in upper if t and headers.match(t, headers.PROJECT)[0]) < 2:
        return None
    two_rows = _is_second_header(lower, raw_lower)
    if two_rows:
        upper = _carry_right(upper, lower)
    columns, ignored, seen, duplicates = [], [], {}, []
    for c, top in enumerate(upper):
        bottom = lower[c] if two_rows and c < len(lower) else ""
        target = headers.match(bottom, headers.PROJECT)[0] if bottom else None
        if (
            target is None
            and bottom
            and any(w in headers.header_key(top) for w in ("kinh phi", "von"))
        ):
            target = headers.match(bottom, headers.PROJECT_MONEY_PARTS)[0]
        if target is None and top and (not bottom or bottom == top):
            target = headers.match(top, headers.PROJECT)[0]
        header = " / ".join(dict.fromkeys(t for t in (top, bottom) if t))
        if target and target in seen and target != "budget_kc":
            duplicates.append((seen[target], c, target))
        elif target:
            seen.setdefault(target, c)
            unit = unit_in_brackets(bottom) or unit_in_brackets(top)
            level = headers.level_of_header(bottom) or headers.level_of_header(top)
            columns.append(Column(c, target, header, unit, level))
        elif header:
            ignored.append((c, header))
    if "title" in seen and seen.keys() & set(PROJECT_VALUES):
        header = [pos, pos + 1] if two_rows else [pos]
        return Table("projects", header, columns, ignored, duplicates)
    return None


def _of_which(second: list[str], texts, rows, third_pos: int) -> list[str] | None:
    """Return the second and third header rows as one, when the second has "Trong đó"
    (of which) cells whose parts are named in the third; else None."""
    spans = [c for c, t in enumerate(second) if t and headers.header_key(t).startswith("trong do")]
    if not spans or third_pos >= len(texts):
        return None
    third, raw = texts[third_pos], rows[third_pos] if third_pos < len(rows) else []
    if any(isinstance(v, int | float) and not isinstance(v, bool) for v in raw or ()):
        return None
    if not any(t for c, t in enumerate(third) if c >= spans[0]) or any(
        t and _NUMBER_TEXT.match(t) for t in third
    ):
        return None
    width = max(len(second), len(third))
    second = second + [""] * (width - len(second))
    third = third + [""] * (width - len(third))
    return [
        b or ("" if c in spans or headers.header_key(a).startswith("trong do") else a)
        for c, (a, b) in enumerate(zip(second, third, strict=True))
    ]


def _is_second_header(lower: list[str], raw_lower) -> bool:
    if any(isinstance(v, int | float) and not isinstance(v, bool) for v in raw_lower or ()):
        return False
    # A CSV data row holds its numbers as text ("773.5"); a header row holds none, while a
    # project row may well mention header words ("Mô hình trình diễn", "Đề án ... số 0").
    if sum(1 for t in lower if t and _NUMBER_TEXT.match(t)) >= 2:
        return False
    hits = sum(
        1
        for t in lower
        if t
        and (
            headers.match(t, headers.PROJECT_MONEY_PARTS)[0] or headers.match(t, headers.PROJECT)[0]
        )
    )
    return hits >= 2


_NUMBER_TEXT = re.compile(r"^[+-]?\d[\d.,\s]*%?$")


def _is_numbering_row(raw) -> bool:
    """Return True for the row of column numbers under a header: "1 2 3" or "(1) (2)"."""
    cells = [v for v in raw if v is not None and str(v).strip()]
    if len(cells) < 3:
        return False
    texts = [
        str(int(v)) if isinstance(v, float) and v.is_integer() else str(v).strip() for v in cells
    ]
    if not all(_NUMBERING_CELL.match(t) for t in texts):
        return False
    digits = [
        int(re.sub(r"\D.*", "", t.strip("(")) or 0) for t in texts if t.strip("(")[0].isdecimal()
    ]
    return digits == sorted(digits) and len(set(digits)) == len(digits)
