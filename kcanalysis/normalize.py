"""Text normalisation shared by the registry, the vocabularies and the readers.

Vietnamese text arrives in NFC or NFD, with either tone-mark placement ("hoà"/"hòa") and
with or without diacritics. These helpers reduce it to comparison keys.
"""

from __future__ import annotations

import re
import unicodedata

_NON_ALNUM = re.compile(r"[^0-9a-z]+")


def fold_words(value: object) -> str:
    """Return `value` lower-cased, without diacritics (đ -> d), with every run of other
    characters turned into one space ("Đắk Lắk" -> "dak lak", "TT-Huế" -> "tt hue")."""
    text = unicodedata.normalize("NFD", str(value).strip().lower())
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Mn")
    text = text.replace("đ", "d")
    return _NON_ALNUM.sub(" ", text).strip()


def fold(value: object) -> str:
    """Return a comparison key: `fold_words` without spaces ("Đắk Lắk" -> "daklak")."""
    return fold_words(value).replace(" ", "")


def to_ascii(value: str) -> str:
    """Return `value` without Vietnamese diacritics, keeping case and spacing."""
    text = unicodedata.normalize("NFD", str(value))
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Mn")
    return text.replace("đ", "d").replace("Đ", "D")


def nfc(value: str) -> str:
    """Return `value` in Unicode NFC."""
    return unicodedata.normalize("NFC", value)
