"""Legacy Vietnamese font encodings: TCVN3 (ABC) and VNI, detected and converted to Unicode.

Old spreadsheets typed with the ".VnTime" (TCVN3) or "VNI-Times" fonts store Vietnamese
letters as Windows-1252 characters: "§¾k L¾k" is TCVN3 and "Ñaék Laék" is VNI for
"Đắk Lắk". Detection compares how Vietnamese the text looks as it is and after each
conversion (`badness`): characters that are neither ASCII, Vietnamese letters nor common
punctuation, and words with more than one tone mark, count against a reading. A file is
converted only when a conversion clearly beats the text as it is.
"""

from __future__ import annotations

import re
import unicodedata

# TCVN3 (TCVN 5712:1993, VN3/ABC) byte -> Unicode; bytes are read as Windows-1252, which
# equals Latin-1 for 0xA1-0xFE. Uppercase toned letters use the same codes in the ".VnTimeH"
# fonts, which is why `_restore_case` upper-cases words typed in capitals.
_TCVN3_PAIRS = (
    "b5à b6ả b7ã b8á b9ạ a8ă bbằ bcẳ bdẵ beắ c6ặ a9â c7ầ c8ẩ c9ẫ caấ cbậ a7Đ aeđ ccè ceẻ cfẽ "
    "d0é d1ẹ aaê d2ề d3ể d4ễ d5ế d6ệ d7ì d8ỉ dcĩ ddí deị dfò e1ỏ e2õ e3ó e4ọ abô e5ồ e6ổ e7ỗ "
    "e8ố e9ộ acơ eaờ ebở ecỡ edớ eeợ efù f1ủ f2ũ f3ú f4ụ adư f5ừ f6ử f7ữ f8ứ f9ự faỳ fbỷ fcỹ "
    "fdý feỵ a1Ă a2Â a3Ê a4Ô a5Ơ a6Ư"
)
TCVN3 = {chr(int(p[:2], 16)): p[2:] for p in _TCVN3_PAIRS.split()}
_TCVN3_TABLE = str.maketrans(TCVN3)

# VNI Windows: a base letter followed by one mark character (Windows-1252), aligned with
# the Unicode letters below; a few letters are single characters.
_VIET = "áàảãạăắằẳẵặâấầẩẫậéèẻẽẹêếềểễệíìỉĩịóòỏõọôốồổỗộơớờởỡợúùủũụưứừửữựýỳỷỹỵđ"
_VNI_TEXT = (
    "aù aø aû aõ aï aê aé aè aú aü aë aâ aá aà aå aã aä eù eø eû eõ eï eâ eá eà eå eã eä "
    "í ì æ ó ò où oø oû oõ oï oâ oá oà oå oã oä ô ôù ôø ôû ôõ ôï uù uø uû uõ uï ö öù öø öû "
    "öõ öï yù yø yû yõ î ñ"
)
_VNI = _VNI_TEXT.split()
VNI: dict[str, str] = {}
for _code, _letter in zip(_VNI, _VIET, strict=True):
    VNI[_code] = _letter
    VNI[_code.upper()] = _letter.upper()
    if len(_code) == 2:  # capitalised words: upper base, lower mark ("Aù" -> "Á")
        VNI.setdefault(_code[0].upper() + _code[1], _letter.upper())
_VNI_RE = re.compile("|".join(sorted(map(re.escape, VNI), key=len, reverse=True)))

VIETNAMESE_LETTERS = frozenset(_VIET + _VIET.upper() + "Đ")
_OK_SYMBOLS = frozenset("–—‘’“”•…€°\u00a0")
_TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")
_WORD_RE = re.compile(r"[^\W\d_]+")
# Characters that occur in TCVN3 or VNI text but are no Vietnamese letter: cheap pre-check.
_SIGNALS = frozenset(
    c for c in (*TCVN3, *"".join(VNI)) if c not in VIETNAMESE_LETTERS and not c.isascii()
)

LEGACY_NAMES = {"tcvn3": "TCVN3 (ABC)", "vni": "VNI"}


def convert_tcvn3(text: str) -> str:
    """Return TCVN3 text (read as Windows-1252) in Unicode NFC ("§¾k L¾k" -> "Đắk Lắk")."""
    return _restore_case(text, text.translate(_TCVN3_TABLE))


def convert_vni(text: str) -> str:
    """Return VNI text (read as Windows-1252) in Unicode NFC ("Ñaék Laék" -> "Đắk Lắk")."""
    return _VNI_RE.sub(lambda m: VNI[m.group(0)], text)


CONVERTERS = {"tcvn3": convert_tcvn3, "vni": convert_vni}


def _restore_case(original: str, converted: str) -> str:
    """Upper-case a cell typed in capitals with an uppercase (".VnTimeH") font.

    Those fonts draw capitals from the lowercase codes, so "§¾K L¾K" is "ĐẮK LẮK": when
    every ASCII letter of the cell is a capital (three at least), the whole cell is.
    """
    letters = [c for c in original if c.isascii() and c.isalpha()]
    if len(letters) >= 3 and all(c.isupper() for c in letters):
        return converted.upper()
    return converted


def badness(text: str) -> int:
    """Return how un-Vietnamese `text` looks: stray symbols plus words with several tones."""
    bad = 0
    for ch in text:
        if not ch.isascii() and ch not in VIETNAMESE_LETTERS and ch not in _OK_SYMBOLS:
            bad += 1
    for word in _WORD_RE.findall(text):
        if not word.isascii():
            tones = sum(1 for c in unicodedata.normalize("NFD", word) if c in _TONES)
            bad += tones > 1
    return bad


def has_signals(text: str) -> bool:
    """Return True if `text` holds characters typical of TCVN3 or VNI text."""
    return not text.isascii() and not _SIGNALS.isdisjoint(text)


def detect_legacy(text: str) -> str | None:
    """Return "tcvn3" or "vni" if `text` reads better converted from that encoding, else None.

    A conversion must remove at least two problems and at least half of them, so that a
    stray "§" or "×" in a Unicode file does not trigger one.
    """
    if not has_signals(text):
        return None
    plain = badness(text)
    best, best_score = None, plain
    for name, convert in CONVERTERS.items():
        score = badness(convert(text))
        if score < best_score:
            best, best_score = name, score
    if best is None or plain - best_score < 2 or best_score * 2 > plain:
        return None
    return best
