"""Numbers as Vietnamese tables write them.

Vietnamese uses "." to group thousands and "," for decimals ("7.700", "10,25",
"1.234.567,5"); amounts carry words ("2,035 tỷ", "262,5 triệu", "1,5 tỉ") and qualifiers
("hơn 3 tỷ" -> 3000 with ">", "khoảng", "gần" -> "~"); "-", "x" and blanks are missing.
One separator followed by exactly three digits ("4.899", "4,899") is ambiguous; the reading
is chosen per column (see `parse_column`) from the column's other values and a plausibility
rule, and each such money cell is reported.

`parse_text` handles one cell; `parse_column` a whole column, with a vectorised fast path
for values that are already plain numbers.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

import numpy as np
import pandas as pd

from kcanalysis.ingest.cells import shown
from kcanalysis.normalize import fold_words
from kcanalysis.text import format_number

MISSING_TOKENS = frozenset({"", "-", "--", "–", "—", "x", "...", "…", "n/a", "na", "#n/a"})
#: Money above this, in million VND (1.000 billion VND), is implausible for one table cell
#: of a province's extension programme; the whole national 2021-2025 programme had 1.436.000.
MAX_PLAUSIBLE_MONEY = 1_000_000.0
#: No figure of the programme comes near this, in its unit (million VND, people, ...):
#: 10^12 million VND is about a hundred times Vietnam's GDP. A cell beyond it ("1e300",
#: an overflow to infinity) is an error, never loaded.
MAX_ABS_NUMBER = 1e12
#: Text longer than this is not a number ("hơn 1.234.567,5 triệu đồng" has 26 characters);
#: the regular expression is not run on it.
MAX_NUMBER_TEXT = 80

QUALIFIER_WORDS = {
    "hon": ">", "tren": ">", "vuot": ">", "it nhat": ">",
    "duoi": "<", "chua den": "<", "chua toi": "<", "khong qua": "<", "it hon": "<",
    "khoang": "~", "gan": "~", "xap xi": "~", "uoc": "~", "uoc tinh": "~", "chung": "~",
    "tren duoi": "~",
}  # fmt: skip
QUALIFIER_SYMBOLS = {
    ">": ">",
    "≥": ">",
    ">=": ">",
    "<": "<",
    "≤": "<",
    "<=": "<",
    "~": "~",
    "≈": "~",
    "~=": "~",
}
#: Money words after a number -> multiplier to million VND.
MONEY_WORDS = {
    "ty": Decimal(1000), "ti": Decimal(1000), "ty dong": Decimal(1000), "ti dong": Decimal(1000),
    "trieu": Decimal(1), "trieu dong": Decimal(1), "tr": Decimal(1), "trd": Decimal(1),
    "tr d": Decimal(1), "tr dong": Decimal(1), "million vnd": Decimal(1),
    "nghin": Decimal("0.001"), "ngan": Decimal("0.001"), "nghin dong": Decimal("0.001"),
    "ngan dong": Decimal("0.001"), "dong": Decimal("0.000001"), "d": Decimal("0.000001"),
    "vnd": Decimal("0.000001"),
}  # fmt: skip
COUNT_WORDS = frozenset({
    "nguoi", "luot nguoi", "luot", "hoc vien", "lao dong", "de an", "du an", "mo hinh",
    "co so", "cuoc", "lop", "san pham", "doanh nghiep", "htx", "cai", "bo", "may",
})  # fmt: skip

_NUMBER_RE = re.compile(
    r"^(?P<pre>.*?)(?P<sign>[-+−]?)\s*(?P<num>\d(?:[\d.,\u00a0\u202f ]*\d)?)\s*(?P<pct>%?)"
    r"(?P<post>[^\d]*)$"
)
_EXCEL_ERRORS = frozenset({"#div/0!", "#ref!", "#value!", "#name?", "#num!", "#null!", "#n/a"})


@dataclass(frozen=True)
class ParsedCell:
    """One parsed cell. `value` is the Vietnamese reading; `alt` the other when ambiguous."""

    value: Decimal | None = None
    qualifier: str = ""
    multiplier: Decimal | None = None
    percent: bool = False
    ambiguous: bool = False
    alt: Decimal | None = None
    style: str = ""  # "vi" or "en" when the separators show the convention, else ""
    counted: bool = False  # a count word ("người", "đề án") followed the number
    error: str = ""


def parse_text(text: object) -> ParsedCell:
    """Parse one cell written as text; see the module docstring for the forms understood.

    >>> parse_text("7.700").value, parse_text("10,25").value
    (Decimal('7700'), Decimal('10.25'))
    >>> c = parse_text("hơn 3 tỷ"); (c.value * c.multiplier, c.qualifier)
    (Decimal('3000'), '>')
    """
    raw = unicodedata.normalize("NFC", str(text)).strip()
    low = raw.lower()
    if low in MISSING_TOKENS:
        return ParsedCell()
    if low in _EXCEL_ERRORS:
        return ParsedCell(error=f"Excel error value {raw!r} (a formula that failed)")
    if len(raw) > MAX_NUMBER_TEXT:
        return ParsedCell(error=f"text {shown(raw)} where a number is expected")
    negative = False
    if low.startswith("(") and low.endswith(")"):
        negative, low = True, low[1:-1].strip()
    m = _NUMBER_RE.match(low)
    if not m:
        return ParsedCell(error=f"text {shown(raw)} where a number is expected")
    qualifier = _qualifier(m.group("pre"))
    if qualifier is None:
        return ParsedCell(error=f"text {shown(raw)} where a number is expected")
    post = fold_words(m.group("post"))
    multiplier, counted = None, False
    if post:
        if post in MONEY_WORDS:
            multiplier = MONEY_WORDS[post]
        elif post in COUNT_WORDS:
            counted = True
        else:
            return ParsedCell(error=f"text {shown(raw)} where a number is expected")
    try:
        value, alt, style = _read_digits(m.group("num"))
    except (ValueError, InvalidOperation) as err:
        return ParsedCell(error=f"{shown(raw)} is not a well-formed number ({err})")
    if negative or m.group("sign") in ("-", "−"):
        value, alt = -value, (None if alt is None else -alt)
    return ParsedCell(
        value=value,
        qualifier=qualifier,
        multiplier=multiplier,
        percent=bool(m.group("pct")),
        ambiguous=alt is not None,
        alt=alt,
        style=style,
        counted=counted,
    )


def _qualifier(prefix: str) -> str | None:
    text = prefix.strip()
    if not text:
        return ""
    if text in QUALIFIER_SYMBOLS:
        return QUALIFIER_SYMBOLS[text]
    return QUALIFIER_WORDS.get(fold_words(text))


def _read_digits(num: str) -> tuple[Decimal, Decimal | None, str]:
    """Return (Vietnamese reading, other reading if ambiguous, style shown)."""
    num = re.sub(r"[\u00a0\u202f ]", " ", num)
    if " " in num:  # spaces group thousands: "1 234 567", "1 234,5"
        groups = num.split(" ")
        last = re.fullmatch(r"(\d{3})([.,]\d+)?", groups[-1])
        if (
            not (1 <= len(groups[0]) <= 3 and groups[0].isdigit())
            or any(len(g) != 3 or not g.isdigit() for g in groups[1:-1])
            or last is None
        ):
            raise ValueError("spaces inside the number")
        num = "".join(groups)
    dots, commas = num.count("."), num.count(",")
    if dots and commas:
        dec = "." if num.rfind(".") > num.rfind(",") else ","
        grp = "," if dec == "." else "."
        head, tail = num.rsplit(dec, 1)
        _check_groups(head, grp)
        return Decimal(head.replace(grp, "") + "." + tail), None, "vi" if dec == "," else "en"
    sep = "." if dots else "," if commas else ""
    if not sep:
        return Decimal(num), None, ""
    if num.count(sep) > 1:
        _check_groups(num, sep)
        return Decimal(num.replace(sep, "")), None, "vi" if sep == "." else "en"
    head, tail = num.split(sep)
    as_decimal = Decimal(head + "." + tail)
    if len(tail) != 3 or len(head) > 3 or head.startswith("0"):
        return as_decimal, None, "vi" if sep == "," else "en"
    as_thousands = Decimal(head + tail)
    # One separator and three digits: Vietnamese reads "." as thousands, "," as decimals.
    if sep == ".":
        return as_thousands, as_decimal, ""
    return as_decimal, as_thousands, ""


def _check_groups(text: str, sep: str) -> None:
    groups = text.split(sep)
    if (
        not 1 <= len(groups[0]) <= 3
        or any(len(g) != 3 for g in groups[1:])
        or not all(g.isdigit() for g in groups)
    ):
        raise ValueError(f"'{sep}' does not group the digits by three")


@dataclass
class ColumnResult:
    """Values of one parsed column (float64; NaN when missing), with what happened."""

    values: np.ndarray
    qualifiers: np.ndarray
    errors: dict[int, str] = field(default_factory=dict)
    #: (position, raw text, chosen value, reason) of each ambiguous money cell
    ambiguous: list[tuple[int, str, float, str]] = field(default_factory=list)


def parse_column(values, kind: str = "money", multiplier: float = 1.0) -> ColumnResult:
    """Parse a column of cells (numbers, text or None) into floats.

    Parameters
    ----------
    values : array-like of object
        The cells, top to bottom.
    kind : {"money", "count", "percent", "number"}
        Money is converted to million VND: a word in the cell ("tỷ") wins over
        `multiplier`, the column's unit (from the unit line or the header). Counts must be
        whole numbers. Percentages may carry "%".
    multiplier : float
        Million VND per unit of the column's plain numbers (1000 for "tỷ đồng").

    Returns
    -------
    ColumnResult
        Cells that cannot be read are NaN in `values` and described in `errors`.
    """
    arr = np.asarray(values, dtype=object)
    n = len(arr)
    out = np.full(n, np.nan)
    quals = np.full(n, "", dtype=object)
    result = ColumnResult(out, quals)
    if n == 0:
        return result
    is_none = np.asarray(pd.isna(arr), dtype=bool)
    inferred = pd.api.types.infer_dtype(arr, skipna=True)
    if inferred in ("string", "empty"):
        is_str = ~is_none
    elif inferred in ("integer", "floating", "mixed-integer-float", "decimal"):
        is_str = np.zeros(n, dtype=bool)
    else:
        is_str = np.fromiter((isinstance(v, str) for v in arr), bool, n)
    other = np.flatnonzero(~is_str & ~is_none)
    scale = multiplier if kind == "money" else 1.0
    try:
        if inferred not in ("integer", "floating", "mixed-integer-float", "decimal"):
            raise TypeError
        with np.errstate(over="ignore", invalid="ignore"):
            out[other] = arr[other].astype(float) * scale
    except (TypeError, ValueError, OverflowError):
        for i in other:  # numbers stored as numbers (or formulas' cached values)
            v = arr[i]
            if isinstance(v, bool) or not isinstance(v, int | float | np.number):
                result.errors[int(i)] = (
                    f"{shown(v)} ({type(v).__name__}) where a number is expected"
                )
                continue
            try:
                out[i] = float(v) * scale
            except (TypeError, ValueError, OverflowError):
                out[i] = np.inf  # an integer beyond float: refused below
    if is_str.any():
        _parse_strings(arr, np.flatnonzero(is_str), kind, multiplier, result)
    with np.errstate(invalid="ignore"):
        beyond = np.flatnonzero(np.isinf(out) | (np.abs(out) > MAX_ABS_NUMBER))
    for i in beyond:
        result.errors[int(i)] = (
            f"{shown(arr[i])} is beyond any plausible figure (more than {MAX_ABS_NUMBER:.0e}"
            f"{' million VND' if kind == 'money' else ''}); it is not loaded"
        )
    out[beyond] = np.nan
    quals[beyond] = ""
    if len(beyond):
        gone = set(beyond.tolist())
        result.ambiguous = [a for a in result.ambiguous if a[0] not in gone]
    if kind == "money":
        out[:] = np.round(out, 6)
    if kind == "count":
        fractional = np.flatnonzero(np.isfinite(out) & (out != np.round(out)))
        for i in fractional:
            result.errors[int(i)] = f"{shown(arr[i])} is not a whole number"
        out[fractional] = np.nan
    return result


def _parse_strings(arr, idx, kind, multiplier, result: ColumnResult) -> None:
    strs = pd.Series(arr[idx], dtype=object)
    joined = "".join(strs.to_numpy())
    fast = plain_floats(strs.to_numpy(), joined)
    if fast is None:
        fast = pd.to_numeric(strs, errors="coerce").to_numpy(dtype=float)
    ok = np.isfinite(fast)
    evidence = {"vi": 0, "en": 0}
    # With no dot, nothing to count nor to read again. The dots are looked at closely only
    # when a cell may end in a dot and three digits, or when the convention is needed for
    # cells read the slow way (a scan of the joined text rules out most columns at once).
    if (
        ok.any()
        and "." in joined
        and (not ok.all() or _DOT_THREE.search("\n".join(strs.to_numpy())) is not None)
    ):
        # "7.700" parses as 7.7 in C; a dot followed by exactly three digits goes the slow way.
        # Only numbers get here, so the fixed-width copy stays small.
        texts = np.strings.strip(strs.to_numpy()[ok].astype(str))
        dot = np.strings.rfind(texts, ".")
        sci = np.zeros(len(texts), dtype=bool)
        if "e" in joined or "E" in joined:
            sci = (np.strings.find(texts, "e") >= 0) | (np.strings.find(texts, "E") >= 0)
        three = (dot >= 0) & (np.strings.str_len(texts) - dot == 4) & ~sci
        where = np.flatnonzero(ok)
        ok[where[three]] = False
        evidence["en"] += int(((dot >= 0) & ~three & ~sci).sum())
    scale = multiplier if kind == "money" else 1.0
    with np.errstate(over="ignore", invalid="ignore"):
        result.values[idx[ok]] = fast[ok] * scale
    slow = np.flatnonzero(~ok)
    if not len(slow):
        return
    cache: dict[str, ParsedCell] = {}
    parsed = []
    for j in slow:
        s = strs.iat[j]
        cell = cache.get(s)
        if cell is None:
            cell = cache[s] = parse_text(s)
        parsed.append(cell)
        if cell.style:
            evidence[cell.style] += 1
    style = ""
    if evidence["vi"] != evidence["en"]:
        style = "vi" if evidence["vi"] > evidence["en"] else "en"
    for j, cell in zip(slow, parsed, strict=True):
        pos = int(idx[j])
        if cell.error:
            result.errors[pos] = cell.error
        elif cell.value is not None:
            _store(pos, strs.iat[j], cell, kind, multiplier, style, result)


#: A dot followed by exactly three digits: "7.700" (7700 in Vietnamese, 7.7 in C).
_DOT_THREE = re.compile(r"\.\d{3}(?!\d)")  # \d: any digit, a superset of what floats read


def plain_floats(texts: np.ndarray, joined: str | None = None) -> np.ndarray | None:
    """Return the floats of a column whose texts are all plain ASCII numbers, or None.

    Python's float() reads what pandas' to_numeric reads, once "_" (digit grouping in
    Python), non-ASCII digits and control characters (spaces to Python) are ruled out; it
    is about twice as quick. `joined` is "".join(texts) when the caller has it.
    """
    if joined is None:
        joined = "".join(texts)
    if not joined.isascii() or not joined.isprintable() or "_" in joined:
        return None
    try:
        return texts.astype(float)
    except (ValueError, OverflowError):
        return None


def _store(pos, raw, cell: ParsedCell, kind, multiplier, style, result: ColumnResult) -> None:
    if kind != "money" and cell.multiplier is not None:
        result.errors[pos] = f"money amount {shown(raw)} in a column of {kind}s"
        return
    if kind == "money" and cell.counted:
        result.errors[pos] = f"count {shown(raw)} in a money column"
        return
    if cell.percent and kind not in ("percent", "number"):
        result.errors[pos] = f"percentage {shown(raw)} where an amount is expected"
        return
    mult = Decimal(str(multiplier)) if cell.multiplier is None else cell.multiplier
    if kind != "money":
        mult = Decimal(1)
    value = cell.value
    if cell.ambiguous:
        value, reason = _decide(cell, kind, mult, style)
        if kind == "money":
            result.ambiguous.append((pos, str(raw), float(value * mult), reason))
    result.values[pos] = float(value * mult)
    result.qualifiers[pos] = cell.qualifier


def _decide(cell: ParsedCell, kind: str, mult: Decimal, style: str) -> tuple[Decimal, str]:
    """Choose between the two readings of an ambiguous cell; return (value, reason)."""
    vi, en = cell.value, cell.alt
    first, second = (en, vi) if style == "en" else (vi, en)
    why = {
        "vi": "the column's other values use Vietnamese separators",
        "en": "the column's other values use English separators",
        "": "no other value in the column shows the convention, so the Vietnamese one",
    }[style]
    if kind == "count":
        whole = [v for v in (first, second) if v == v.to_integral_value()]
        if len(whole) == 1:
            return whole[0], "counts are whole numbers"
        return first, why
    if kind == "money" and abs(first * mult) > Decimal(MAX_PLAUSIBLE_MONEY):
        return second, (
            f"the other reading, {format_number(float(first * mult), decimals=None)} million "
            f"VND, is beyond the plausible {format_number(MAX_PLAUSIBLE_MONEY)} for one cell"
        )
    return first, why
