"""Rows that structure a table rather than carry data: section headings and subtotals.

Headings set the level ("I. Khuyến công quốc gia") or the activity ("1. Đào tạo nghề") of
the rows below them. Subtotal rows ("Cộng", "Tổng cộng", "Tổng số"), and headings that
carry figures, are checked against the rows they total and then dropped; a disagreement is
a warning naming the cell.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from kcanalysis.ingest.cells import shown
from kcanalysis.ingest.conversion import Job
from kcanalysis.ingest.numbers import parse_column
from kcanalysis.ingest.row_labels import (
    activity_of_label,
    depth,
    is_grand_total,
    is_note,
    is_subtotal,
    level_of_text,
    split_numbering,
)
from kcanalysis.ingest.values import tolerance
from kcanalysis.text import format_number


@dataclass
class Marker:
    """A structural row inside the table: a heading or a subtotal."""

    pos: int
    kind: str  # "level", "activity", "section" (heading naming neither), "subtotal", "total"
    label: str
    level: str | None = None
    activity: str | None = None
    #: position where the rows it totals end (for an item that heads deeper items)
    end: int | None = None


def has_number(value: object) -> bool:
    """Return True for a number, or text with a digit in it ("1.400", "hơn 3 tỷ")."""
    if value is None:
        return False
    if isinstance(value, str):
        return any(ch.isdigit() for ch in value)
    return True


def classify(
    job: Job, pos: int, label: str | None, stt, has_values: bool, item_like: bool
) -> Marker | str | None:
    """Classify a row that is not obviously an item.

    Returns a Marker (heading or subtotal), "blank", "note", or None when the row is an item.
    `item_like` says the row has what only items have (a beneficiary, a location).
    """
    if all(v is None for v in job.values[pos]):
        return "blank"
    stt_text = str(stt).strip() if stt is not None else ""
    text = label or stt_text
    if is_subtotal(text) or (stt_text and is_subtotal(stt_text)):
        kind = "total" if is_grand_total(text) else "subtotal"
        return Marker(pos, kind, text, level=level_of_text(text))
    if not has_values and is_note(text):
        return "note"
    if item_like:
        return None
    number, body = split_numbering(text) if label else (stt_text, "")
    number = stt_text or number
    rank = depth(number)
    arabic = rank == 2 or isinstance(stt, int | float)
    level = level_of_text(body or text)
    if level and (rank == 1 or not arabic or not has_values):
        return Marker(pos, "level", text, level=level)
    activity = activity_of_label(body or text)
    if activity and (not has_values or rank in (0, 1) or not arabic):
        return Marker(pos, "activity", text, activity=activity)
    if not has_values and rank == 1:
        return Marker(pos, "section", text)
    return None


def sections_state(markers: list[Marker]) -> tuple[np.ndarray, list, list]:
    """Return (heading positions, level after each, activity after each) for look-ups.

    A level heading resets the activity; a subtotal closes the current activity section.
    """
    pos, levels, activities = [], [], []
    level = activity = None
    for m in markers:
        if m.kind == "level":
            level, activity = m.level, None
        elif m.kind == "activity":
            activity = m.activity
        elif m.kind == "section":
            activity = None
        elif m.kind in ("subtotal", "total"):
            activity = None
            if m.kind == "total":
                level = None
        else:
            continue
        pos.append(m.pos)
        levels.append(level)
        activities.append(activity)
    return np.asarray(pos, dtype=int), levels, activities


def state_of(positions, heading_pos: np.ndarray, states: list) -> np.ndarray:
    """Return, for each position, the state after the last heading above it (or None)."""
    idx = np.searchsorted(heading_pos, np.asarray(positions), side="right") - 1
    table = np.full(len(states) + 1, None, dtype=object)  # the last one for idx -1
    for k, state in enumerate(states):
        table[k] = state
    return table[idx]


def check_totals(
    job: Job,
    markers: list[Marker],
    item_pos: np.ndarray,
    columns: dict[int, np.ndarray],
    kinds: dict[int, str],
    factors: dict[int, float],
    quarantined: np.ndarray,
) -> list[int]:
    """Check each subtotal (and heading with figures) against the items it totals.

    Parameters
    ----------
    item_pos : positions of the item rows, ascending
    columns : grid column -> item values (aligned with `item_pos`, NaN when missing)
    kinds, factors : grid column -> "money"/"count", and money factor
    quarantined : mask over `item_pos` of items not loaded (left out of the sums)

    Returns
    -------
    list of int
        Positions of headings that carry figures but head no item: their figures are the
        data (e.g. a level heading with no activity under it). They count as items for the
        totals above them.
    """
    figures = {k: figures_of(job, m.pos, kinds, factors) for k, m in enumerate(markers)}
    lone = [
        k
        for k, m in enumerate(markers)
        if figures[k]
        and m.kind in ("level", "activity")
        and all(hi == lo for lo, hi in _scopes(markers, k, item_pos))
    ]
    if lone:  # count lone headings' figures as items
        extra = np.array([markers[k].pos for k in lone], dtype=int)
        order = np.argsort(np.concatenate([item_pos, extra]), kind="stable")
        item_pos = np.concatenate([item_pos, extra])[order]
        quarantined = np.concatenate([quarantined, np.zeros(len(lone), dtype=bool)])[order]
        columns = {
            c: np.concatenate([v, [figures[k].get(c, np.nan) for k in lone]])[order]
            for c, v in columns.items()
        }
    sums = {
        c: np.concatenate([[0.0], np.cumsum(np.where(quarantined, 0, np.nan_to_num(v)))])
        for c, v in columns.items()
    }
    counts = {
        c: np.concatenate([[0], np.cumsum(~np.isnan(v) & ~quarantined)]) for c, v in columns.items()
    }
    for k, m in enumerate(markers):
        if figures[k] and k not in lone:
            _compare(
                job,
                m,
                figures[k],
                _scopes(markers, k, item_pos),
                sums,
                counts,
                item_pos,
                quarantined,
            )
    return [markers[k].pos for k in lone]


def figures_of(job: Job, pos: int, kinds, factors) -> dict[int, float]:
    """Return the figures a structural row carries: grid column -> value (million VND for
    money); a figure that cannot be read is warned about and left out."""
    out = {}
    for c, kind in kinds.items():
        v = job.values[pos][c]
        if v is None:
            continue
        parsed = parse_column([v], kind, factors[c])
        if parsed.errors:
            reason = parsed.errors[0]
            job.warn(pos, c, f"subtotal {shown(v)} cannot be read ({reason}); not checked")
        elif not np.isnan(parsed.values[0]):
            out[c] = float(parsed.values[0])
    return out


def _scopes(markers: list[Marker], k: int, item_pos: np.ndarray) -> list[tuple[int, int]]:
    """Candidate ranges of items, as bounds into `item_pos`, that marker k may total."""
    m = markers[k]

    def bound(p: int) -> int:
        return int(np.searchsorted(item_pos, p, side="right"))

    def next_pos(stop) -> int:
        return next((x.pos for x in markers[k + 1 :] if stop(x)), 1 << 40)

    if m.kind == "total":
        return [(0, len(item_pos))]
    if m.end is not None:  # an item heading deeper items
        return [(bound(m.pos), bound(m.end - 1))]
    if m.kind == "level":
        end = next_pos(lambda x: x.kind in ("total", "level") or (x.kind == "subtotal" and x.level))
        return [(bound(m.pos), bound(end))]
    if m.kind == "activity":
        end = next_pos(lambda x: True)  # the next heading or subtotal of any kind
        return [(bound(m.pos), bound(end))]
    # a "Cộng" row: the rows since the last heading, since the last level heading, or all
    out = []
    for kinds in (("activity", "section", "subtotal", "level", "total"), ("level", "total")):
        start = next((x.pos for x in reversed(markers[:k]) if x.kind in kinds), -1)
        out.append((bound(start), bound(m.pos)))
    out.append((0, bound(m.pos)))
    return out


def _compare(job: Job, m: Marker, totals, scopes, sums, counts, item_pos, quarantined) -> None:
    mismatch = None
    for lo, hi in scopes:
        bad = []
        for c, total in totals.items():
            if c not in sums:
                continue
            got = sums[c][hi] - sums[c][lo]
            if counts[c][hi] == counts[c][lo] or abs(got - total) > tolerance(total):
                bad.append((c, total, got))
        if not bad:
            return
        if mismatch is None:
            mismatch = (lo, hi, bad)
    lo, hi, bad = mismatch
    rows = job.rows[item_pos[lo:hi]] if hi > lo else []
    span = f"rows {rows[0]}-{rows[-1]}" if len(rows) else "no rows"
    left_out = int(quarantined[lo:hi].sum())
    extra = f" ({left_out} quarantined row(s) in the range are not counted)" if left_out else ""
    for c, total, got in bad:
        job.warn(
            m.pos,
            c,
            f"subtotal {shown(m.label)} says {_vn(total)} but {span} add up to "
            f"{_vn(got)}{extra}; the rows are loaded, the subtotal dropped",
        )


def _vn(value: float) -> str:
    """Return a figure of a message the Vietnamese way ("7.700", "10,25")."""
    return format_number(value, decimals=None)
