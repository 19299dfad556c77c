"""Units as Vietnamese tables name them, and the unit line ("ĐVT: triệu đồng").

Money becomes million VND (`vocab.MONEY_UNIT`); people are `vocab.PERSONS`; projects,
models, classes and the like are `vocab.COUNT`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kcanalysis import vocab
from kcanalysis.normalize import fold_words

#: Folded money phrases -> million VND per unit.
MONEY_UNITS = {
    "trieu dong": 1.0, "trieu": 1.0, "tr dong": 1.0, "trd": 1.0, "tr d": 1.0, "tr": 1.0,
    "million vnd": 1.0, "trieu vnd": 1.0, "1 000 000 dong": 1.0, "1000000 dong": 1.0,
    "ty dong": 1000.0, "ti dong": 1000.0, "ty": 1000.0, "ti": 1000.0, "ty vnd": 1000.0,
    "billion vnd": 1000.0,
    "nghin dong": 0.001, "ngan dong": 0.001, "1 000 dong": 0.001, "1000 dong": 0.001,
    "1 000d": 0.001, "1 000 d": 0.001, "1000d": 0.001, "1000 d": 0.001, "nghin": 0.001,
    "thousand vnd": 0.001, "dong": 1e-6, "vnd": 1e-6, "d": 1e-6,
}  # fmt: skip
PERSON_UNITS = frozenset({
    "nguoi", "luot nguoi", "hoc vien", "lao dong", "persons", "person", "nguoi lao dong",
})  # fmt: skip
COUNT_UNITS = frozenset({
    "de an", "du an", "mo hinh", "co so", "cuoc", "lop", "luot", "san pham", "count",
    "doanh nghiep", "cai", "hoi nghi", "dot", "chuong trinh", "so", "bo", "may",
})  # fmt: skip

_UNIT_LINE_RE = re.compile(r"^(?:dvt|don vi tinh|don vi|unit)\s+(?P<unit>.+)$")


@dataclass(frozen=True)
class Unit:
    """A unit understood: the canonical unit and, for money, million VND per unit."""

    text: str
    unit: str
    factor: float = 1.0


def parse_unit(text: object) -> Unit | None:
    """Return the unit that `text` names ("tỷ đồng", "người", "đề án"), or None.

    >>> parse_unit("tỷ đồng").factor
    1000.0
    >>> parse_unit("Đơn vị tính: 1.000 đồng").factor
    0.001
    """
    key = fold_words(_strip_brackets(str(text)))
    m = _UNIT_LINE_RE.match(key)
    if m:
        key = m.group("unit")
    if key in MONEY_UNITS:
        return Unit(str(text), vocab.MONEY_UNIT, MONEY_UNITS[key])
    if key in PERSON_UNITS:
        return Unit(str(text), vocab.PERSONS)
    if key in COUNT_UNITS:
        return Unit(str(text), vocab.COUNT)
    return None


def parse_unit_line(text: object) -> Unit | None:
    """Return the money unit of a unit line ("ĐVT: triệu đồng", "(tỷ đồng)"), or None.

    A unit line is a cell that starts with "ĐVT", "Đơn vị tính" or "Đơn vị" followed by a
    money unit, or a cell that holds nothing but a money unit (possibly in brackets).
    """
    raw = str(text).strip()
    key = fold_words(_strip_brackets(raw))
    m = _UNIT_LINE_RE.match(key)
    if m and m.group("unit") in MONEY_UNITS:
        return Unit(raw, vocab.MONEY_UNIT, MONEY_UNITS[m.group("unit")])
    if key in MONEY_UNITS and key not in ("d", "tr") and len(raw) <= 20:
        return Unit(raw, vocab.MONEY_UNIT, MONEY_UNITS[key])
    return None


def unit_in_brackets(text: str) -> Unit | None:
    """Return the unit written in brackets in a header: "Kinh phí (triệu đồng)"."""
    for inner in re.findall(r"[(\[]([^()\[\]]*)[)\]]", str(text)):
        unit = parse_unit(inner)
        if unit is not None:
            return unit
    return None


def _strip_brackets(text: str) -> str:
    text = text.strip()
    if len(text) > 2 and text[0] in "([" and text[-1] in ")]":
        return text[1:-1]
    return text
