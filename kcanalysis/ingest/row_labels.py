"""What a row's label says about the table's structure: section headings that set the
programme level ("I. Khuyến công quốc gia") or the activity ("1. Đào tạo nghề"), subtotal
rows ("Cộng", "Tổng cộng", "Tổng số"), notes below a table, and item numbering depth.

The mapping of heading words to activities lives in `vocab.ACTIVITY_KEYWORDS`
(`vocab.activity_of_text`); this module only adds the level words and the numbering.
"""

from __future__ import annotations

import re
import unicodedata

from kcanalysis.normalize import fold_words
from kcanalysis.vocab import activity_of_text

_ROMAN = re.compile(r"^(?=[ivxlc]+\b)(c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$")
_NUMBERING = re.compile(
    r"^\s*(?P<num>(?:[IVXLC]+|[A-Z]|[a-zđ]|\d+(?:\.\d+)*)|[-+*•–])\s*(?:[.):/-]|\s)\s*(?=\S)"
)
_TOTAL_WORDS = frozenset({"cộng", "total", "subtotal"})
_TOTAL_NEXT = frozenset({"kcqg", "kcđp", "kcdp", "khuyến", "phần", "mục", "các", "nhóm"})
_NOTE_STARTS = (
    "ghi chu", "nguon", "luu y", "chu thich", "nguoi lap", "nguoi lap bieu", "giam doc",
    "ke toan", "noi nhan", "thu truong", "pho giam doc", "tm ", "kt ", "xac nhan", "note",
)  # fmt: skip
LEVEL_WORDS = (
    ("khuyen cong quoc gia", "KCQG"), ("kcqg", "KCQG"), ("ngan sach trung uong", "KCQG"),
    ("quoc gia", "KCQG"), ("khuyen cong dia phuong", "KCDP"), ("kcdp", "KCDP"),
    ("ngan sach dia phuong", "KCDP"), ("ngan sach tinh", "KCDP"), ("dia phuong", "KCDP"),
)  # fmt: skip


def split_numbering(text: str) -> tuple[str, str]:
    """Split "II. Khuyến công địa phương" into ("II", "Khuyến công địa phương")."""
    m = _NUMBERING.match(text)
    if not m:
        return "", text.strip()
    return m.group("num"), text[m.end() :].strip()


def depth(number: object) -> int:
    """Return the depth of an item number: 1 for I/II/A, 2 for 1/2, 3 for 1.1/a/-/+, 0 none.

    >>> [depth(x) for x in ("II", "A", "3", "2.1", "a", "-", "")]
    [1, 1, 2, 3, 3, 3, 0]
    """
    if number is None:
        return 0
    if isinstance(number, int | float) and not isinstance(number, bool):
        return 2 if float(number).is_integer() else 3
    text = str(number).strip().rstrip(".):")
    if not text:
        return 0
    if is_roman(text) or (len(text) == 1 and text.isupper()):
        return 1
    if text.isdecimal():
        return 2
    return 3


def is_roman(text: str) -> bool:
    """Return True for an upper-case Roman numeral ("I", "IV", "XII")."""
    return text.isupper() and bool(_ROMAN.match(text.lower()))


def is_subtotal(text: object) -> bool:
    """Return True for a subtotal or total label: "Cộng", "Tổng cộng", "Tổng số", "Cộng I".

    Words that merely start like one ("Cộng đồng", "Công nghệ", "Tổng hợp") are not.
    """
    if not isinstance(text, str):
        return False
    label = unicodedata.normalize("NFC", split_numbering(text)[1]).lower()
    words = [w.strip(":,.") for w in label.split()]
    words = [w for w in words if w]
    if not words:
        return False
    first, rest = words[0], words[1:]
    if first in ("tổng", "tong"):
        if not rest:
            return True
        if rest[0] in ("cộng", "số", "cong", "so"):
            return True
        first, rest = "cộng", rest
    elif first not in _TOTAL_WORDS:
        return False
    if not rest:
        return True
    nxt = rest[0]
    return nxt.startswith("(") or nxt in _TOTAL_NEXT or nxt.isdigit() or is_roman(nxt.upper())


def is_grand_total(text: object) -> bool:
    """Return True for "Tổng cộng" / "Tổng số" / "Tổng" (as opposed to a section's "Cộng")."""
    if not is_subtotal(text) or level_of_text(text) is not None:
        return False
    return fold_words(split_numbering(str(text))[1]).startswith(("tong", "total"))


def is_breakdown_start(text: object) -> bool:
    """Return True for "Trong đó:" ("of which"), which opens a breakdown of a total."""
    return isinstance(text, str) and fold_words(text).startswith("trong do")


def level_of_text(text: object) -> str | None:
    """Return "KCQG" or "KCDP" if a label names the programme level, else None."""
    key = fold_words(text)
    for phrase, level in LEVEL_WORDS:
        if re.search(rf"\b{phrase}\b", key):
            return level
    return None


def activity_of_label(text: object) -> str | None:
    """Return the activity a heading or label names (via `vocab.activity_of_text`)."""
    if not isinstance(text, str):
        return None
    return activity_of_text(split_numbering(text)[1])


def is_note(text: object) -> bool:
    """Return True for a note or signature line below a table ("Ghi chú: ...", "*", "(1)")."""
    if not isinstance(text, str):
        return False
    stripped = text.strip()
    if stripped.startswith(("*", "(*", "Ghi chú", "- Ghi chú", "Nguồn:")):
        return True
    key = fold_words(stripped)
    return key.startswith(_NOTE_STARTS) or bool(re.match(r"^.{0,40}ngay \d{1,2} thang", key))
