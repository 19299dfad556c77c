"""Shared look of the report figures: greyscale-safe palette, words, formatters, checks.

Every series is told apart by line style, marker shape or hatch as well as by a grey
level, so that the figures survive greyscale printing. The highlighted unit (the report's
province, the report year) is always black and larger.
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.container import BarContainer
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, MaxNLocator

from kcanalysis import vocab
from kcanalysis.errors import DataError, ParameterError
from kcanalysis.text import check_lang, format_number, format_percent_value, phrase

#: Greyscale-safe palette: black for the highlighted unit, three greys and one accent
#: (a dark blue that prints as a dark grey; it always comes with its own line style).
INK = "#000000"
DARK = "#404040"
MID = "#8c8c8c"
LIGHT = "#d0d0d0"
ACCENT = "#1f4e9c"
WHITE = "#ffffff"

FIGSIZE = (6.5, 3.6)
TITLE_SIZE = 10.5
LABEL_SIZE = 9.0
TICK_SIZE = 8.5
NOTE_SIZE = 8.0

#: Figure words that are not in `kcanalysis.text.PHRASES`, by language.
WORDS: dict[str, dict[str, str]] = {
    "series": {"vi": "Số liệu hằng năm", "en": "Yearly values"},
    "theil_sen": {"vi": "Đường xu hướng", "en": "Theil–Sen trend"},
    "slope_band": {"vi": "Khoảng tin cậy {level} của độ dốc", "en": "{level} CI of the slope"},
    "year": {"vi": "Năm", "en": "Year"},
    "limits": {"vi": "Giới hạn kiểm soát {level}", "en": "{level} control limits"},
    "benchmark": {"vi": "Mức chuẩn của vùng", "en": "Regional benchmark"},
    "provinces": {"vi": "Các tỉnh", "en": "Provinces"},
    "outside": {"vi": "Ngoài giới hạn {level}", "en": "Outside {level} limits"},
    "planned": {"vi": "Kế hoạch", "en": "Planned"},
    "actual": {"vi": "Thực hiện", "en": "Actual"},
    "spending": {"vi": "Kinh phí khuyến công", "en": "Extension funds"},
    "pct_of_plan": {"vi": "Tỷ lệ so với kế hoạch", "en": "Share of plan"},
    "efficient": {"vi": "Hiệu quả (điểm = 1)", "en": "Efficient (score = 1)"},
    "inefficient": {"vi": "Chưa hiệu quả", "en": "Not efficient"},
    "frontier": {
        "vi": "Đường biên hiệu quả (đầu ra trên kinh phí cao nhất)",
        "en": "CRS frontier (best output per input)",
    },
    "score": {"vi": "điểm", "en": "score"},
    "plan_line": {"vi": "Kế hoạch = 100%", "en": "Plan = 100%"},
    "open_ended": {
        "vi": "Cận trên không xác định (kéo dài)",
        "en": "Upper limit undefined (open-ended)",
    },
    "interval": {"vi": "Khoảng tin cậy 95%", "en": "95% interval"},
    "estimate": {"vi": "Ước lượng", "en": "Estimate"},
    "reference": {"vi": "Giá trị tham chiếu", "en": "Reference"},
    "M": {"vi": "Thay đổi năng suất", "en": "Malmquist index (M)"},
    "EC": {"vi": "Thay đổi hiệu quả", "en": "Efficiency change (EC)"},
    "TC": {"vi": "Thay đổi công nghệ", "en": "Technical change (TC)"},
    "m_grew": {"vi": "Trên 1: năng suất tăng", "en": "M > 1: productivity grew"},
    "index": {"vi": "Chỉ số (1 = không đổi)", "en": "Index (1 = no change)"},
}


def word(key: str, lang: str, **fields: str) -> str:
    """Return a figure word in `lang`, with ``{fields}`` filled in."""
    return WORDS[key][check_lang(lang)].format(**fields)


def new_figure(nrows_height: float | None = None) -> tuple[Figure, Axes]:
    """A fresh Figure (object API, no pyplot state) with one Axes, constrained layout.

    ``nrows_height`` overrides the height in inches (for long category lists).
    """
    height = FIGSIZE[1] if nrows_height is None else max(FIGSIZE[1], nrows_height)
    fig = Figure(figsize=(FIGSIZE[0], height), layout="constrained")
    ax = fig.subplots()
    ax.tick_params(labelsize=TICK_SIZE)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    return fig, ax


def category_height(n: int, per_row: float = 0.32) -> float:
    """Height (inches) that fits `n` category rows of a horizontal chart."""
    return 1.3 + per_row * n


def finish(ax: Axes, *, title: str = "", xlabel: str = "", ylabel: str = "") -> None:
    """Set title and axis labels at the report's text sizes."""
    if title:
        ax.set_title(title, fontsize=TITLE_SIZE, loc="left")
    if xlabel:
        ax.set_xlabel(xlabel, fontsize=LABEL_SIZE)
    if ylabel:
        ax.set_ylabel(ylabel, fontsize=LABEL_SIZE)


def legend(fig: Figure, ax: Axes, ncols: int = 3) -> None:
    """The legend above the plot, outside the axes, so it never hides data.

    Bars come first, then lines and markers in the order they were drawn.
    """
    handles, labels = ax.get_legend_handles_labels()
    bars = [isinstance(h, BarContainer) for h in handles]
    order = sorted(range(len(handles)), key=lambda i: not bars[i])
    fig.legend(
        [handles[i] for i in order],
        [labels[i] for i in order],
        loc="outside upper center",
        ncols=min(ncols, len(handles)) or 1,
        fontsize=NOTE_SIZE,
        frameon=False,
        handlelength=2.4,
    )


def auto_decimals(step: float, cap: int = 4) -> int:
    """Decimals that tell tick values `step` apart (step 0.25 -> 2, step 500 -> 0)."""
    if not np.isfinite(step) or step <= 0:
        return 0
    decimals = 0
    while decimals < cap and abs(step * 10**decimals - round(step * 10**decimals)) > 1e-6:
        decimals += 1
    return decimals


class NumberFormatter(FuncFormatter):
    """Tick labels in the reader's language via `kcanalysis.text.format_number`.

    vi: ``7.700`` and ``10,25``; en: ``7,700`` and ``10.25``. With ``decimals=None`` the
    number of decimals follows the tick spacing (0.25 apart -> 2 decimals).
    """

    def __init__(self, lang: str = "vi", decimals: int | None = None, scale: float = 1.0):
        self.lang = check_lang(lang)
        self.decimals = decimals
        self.scale = scale
        self._auto = 0
        super().__init__(self._format)

    def _format(self, value: float, pos: int | None = None) -> str:
        decimals = self._auto if self.decimals is None else self.decimals
        value = value * self.scale
        if abs(value) < 0.5 * 10.0**-decimals:
            value = 0.0  # no "-0"
        return format_number(value, self.lang, decimals)

    def set_locs(self, locs: Sequence[float]) -> None:
        super().set_locs(locs)
        finite = np.sort(np.asarray([v for v in locs if np.isfinite(v)], dtype=float))
        steps = np.diff(finite) * self.scale
        self._auto = auto_decimals(float(np.min(steps))) if steps.size else 0


class PercentFormatter(FuncFormatter):
    """Tick labels for ratios as percentages (1.0 -> ``100%``) in the reader's language."""

    def __init__(self, lang: str = "vi", decimals: int = 0):
        self.lang = check_lang(lang)
        self.decimals = decimals
        super().__init__(lambda v, pos=None: format_percent_value(float(v), self.lang, decimals))


def year_axis(axis) -> None:
    """Whole years without thousands separators (2015, not 2.015)."""
    axis.set_major_locator(MaxNLocator(integer=True, nbins=8))
    axis.set_major_formatter(FuncFormatter(lambda v, pos=None: f"{round(v):d}"))


def money_label(label: str, lang: str, unit: str) -> str:
    """``"Kinh phí (triệu đồng)"``; `unit` is ``"million"`` or ``"billion"`` VND."""
    return f"{label} ({phrase(money_key(unit), lang)})"


def money_key(unit: str) -> str:
    """Phrase key of a money unit; raises `ParameterError` for anything else."""
    if unit not in ("million", "billion"):
        raise ParameterError(f"unit={unit!r} is not supported; use 'million' or 'billion'.")
    return f"{unit}_vnd"


def money_scale(unit: str) -> float:
    """Factor from million VND (the package's money unit) to `unit`."""
    return 1.0 if money_key(unit) == "million_vnd" else 1e-3


def level_text(level: float, lang: str) -> str:
    """0.95 -> ``95%``, 0.998 -> vi ``99,8%`` / en ``99.8%``."""
    decimals = 0 if math.isclose(level * 100, round(level * 100)) else 1
    return format_percent_value(level, lang, decimals)


def wrap(text: str, width: int = 28) -> str:
    """Break a long category label onto lines of about `width` characters, between words
    only: a word longer than `width` stays whole ("Demonstration", never "Demonstratio n")."""
    lines = textwrap.wrap(str(text), width, break_long_words=False, break_on_hyphens=False)
    return "\n".join(lines) or str(text)


def count_axis(axis, lang: str) -> None:
    """Ticks of a count (projects, trainees) at whole numbers only, in `lang`'s format."""
    axis.set_major_locator(MaxNLocator(integer=True))
    axis.set_major_formatter(NumberFormatter(lang, 0))


def display_label(value: object, lang: str) -> str:
    """Label of an activity or indicator code in `lang`; other values as they are."""
    if isinstance(value, str):
        if value in vocab.ACTIVITIES:
            return vocab.activity_label(value, lang)
        if value in vocab.INDICATORS:
            return vocab.indicator_label(value, lang)
    return str(value)


def require_columns(df: pd.DataFrame, columns: Iterable[str], func: str) -> None:
    """Raise `DataError` naming the missing columns and those present."""
    if not isinstance(df, pd.DataFrame):
        raise DataError(f"{func}() needs a DataFrame; got {type(df).__name__}.")
    missing = [c for c in columns if c not in df.columns]
    if missing:
        raise DataError(
            f"{func}() needs columns {missing}, which the frame lacks; it has "
            f"{list(df.columns)}. Pass the right names as keyword arguments."
        )


def numeric(df: pd.DataFrame, column: str, func: str) -> np.ndarray:
    """Column as floats (NaN kept); `DataError` if it holds text."""
    try:
        return pd.to_numeric(df[column]).to_numpy(dtype=float)
    except (TypeError, ValueError) as err:
        raise DataError(f"{func}(): column {column!r} must be numeric: {err}") from err


def check_highlight(labels: Sequence[object], highlight: object, column: str, func: str) -> None:
    """Raise `ParameterError` if `highlight` is given but is not one of `labels`."""
    if highlight is not None and highlight not in list(labels):
        shown = ", ".join(repr(v) for v in list(dict.fromkeys(labels))[:15])
        raise ParameterError(
            f"{func}(): highlight={highlight!r} is not in column {column!r} ({shown}). "
            "Pass a value exactly as it appears there."
        )


def check_pair(a: object, b: object, name_a: str, name_b: str, func: str) -> None:
    """Raise `ParameterError` unless both or neither of two paired arguments are given."""
    if (a is None) != (b is None):
        raise ParameterError(f"{func}(): give both {name_a} and {name_b}, or neither.")


def label_point(
    ax: Axes,
    text: str,
    x: float,
    y: float,
    xs: np.ndarray,
    *,
    bold: bool = False,
    color: str = INK,
    dy: float = 5.0,
) -> None:
    """Write `text` next to a point: to its right, or to its left in the right 40% of `xs`.

    Keeps labels of points near the right edge inside the figure.
    """
    finite = xs[np.isfinite(xs)]
    lo, hi = (float(finite.min()), float(finite.max())) if finite.size else (x, x)
    left = hi > lo and x > lo + 0.6 * (hi - lo)
    ax.annotate(
        text,
        (x, y),
        xytext=(-6 if left else 6, dy),
        textcoords="offset points",
        ha="right" if left else "left",
        fontsize=LABEL_SIZE if bold else NOTE_SIZE,
        fontweight="bold" if bold else "normal",
        color=color,
    )


def number_points(ax: Axes, numbers: Iterable[object], xs: np.ndarray, ys: np.ndarray) -> None:
    """Write each point's number just above it (the row number of the report's table), so
    that a reader finds a province on a crowded chart."""
    for n, x, y in zip(numbers, xs, ys, strict=True):
        if n is None or n != n or not (np.isfinite(x) and np.isfinite(y)):
            continue
        ax.annotate(
            str(int(n)) if isinstance(n, float) else str(n),
            (x, y),
            xytext=(0, 4),
            textcoords="offset points",
            ha="center",
            va="bottom",
            fontsize=NOTE_SIZE - 1,
            color=DARK,
            zorder=6,
        )
