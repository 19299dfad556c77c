"""Decoding CSV bytes: UTF-8 (with or without BOM), UTF-16, Windows-1258, and Windows-1252
text typed in the legacy TCVN3 or VNI fonts (converted later, cell by cell).

A file that mixes encodings (UTF-8 lines and lines that are not) is refused rather than
half misread, and so is a byte-order mark after the start of the text (two files pasted
into one, or an invisible character inside a name)."""

from __future__ import annotations

import codecs
import re
import unicodedata

from kcanalysis.errors import DataError
from kcanalysis.ingest import legacy

_SAMPLE = 65536
_VIETNAMESE = re.compile(
    "[\u00c0-\u00fd\u0102\u0103\u0110\u0111\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9]"
)


def decode_text(data: bytes, name: str) -> tuple[str, str]:
    """Return the text of CSV bytes in Unicode NFC, and how it was decoded.

    Raises
    ------
    DataError
        If the bytes are no text in any of the encodings understood.
    """
    text, label, _ = decode_utf8_view(data, name)
    return text, label


def decode_utf8_view(data: bytes, name: str) -> tuple[str, str, bytes | None]:
    """Like `decode_text`, and also return the UTF-8 bytes of the text when `data` holds
    them already (plain UTF-8 text in NFC, or after a BOM), else None."""
    try:
        text, label = _decode(data, name)
    except UnicodeDecodeError as err:
        raise DataError(
            f"{name}: the text cannot be decoded ({err.encoding}: {err.reason} at byte "
            f"{err.start}). Save the file as CSV UTF-8 from Excel and try again."
        ) from err
    _check_bom(text, name)
    nfc = unicodedata.normalize("NFC", text)
    utf8 = None
    if nfc is text and label in ("UTF-8", "UTF-8 with BOM"):
        utf8 = data[3:] if label == "UTF-8 with BOM" else data
    return nfc, label, utf8


def _check_bom(text: str, name: str) -> None:
    """Raise DataError for a byte-order mark (U+FEFF) after the start of the text."""
    at = text.find("\ufeff")
    if at < 0:
        return
    line = text.count("\n", 0, at) + 1
    start = text.rfind("\n", 0, at) + 1
    if at == start:
        raise DataError(
            f"{name}: line {line} starts with a byte-order mark (U+FEFF), as if a second CSV "
            "file had been pasted after the first. Give the files separately."
        )
    raise DataError(
        f"{name}: line {line} holds an invisible byte-order mark (U+FEFF) at character "
        f"{at - start + 1}, which would make its text differ from what it shows. Save the "
        "file again as CSV UTF-8."
    )


def _mixed_lines(data: bytes) -> tuple[int, int] | None:
    """Return (a UTF-8 line, a line that is not UTF-8) when bytes mix encodings, or None."""
    utf8 = other = 0
    for n, line in enumerate(data.split(b"\n"), start=1):
        if line.isascii():
            continue
        try:
            text = line.decode("utf-8")
        except UnicodeDecodeError:
            other = other or n
        else:
            if _VIETNAMESE.search(text):
                utf8 = utf8 or n
        if utf8 and other:
            return utf8, other
    return None


def _decode(data: bytes, name: str) -> tuple[str, str]:
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8"), "UTF-8 with BOM"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16"), "UTF-16"
    head = data[:_SAMPLE]
    if b"\x00" in head:
        even, odd = head[0::2].count(0), head[1::2].count(0)
        if odd > len(head) // 4 and even < odd // 8:
            return data.decode("utf-16-le"), "UTF-16 LE (no BOM)"
        if even > len(head) // 4 and odd < even // 8:
            return data.decode("utf-16-be"), "UTF-16 BE (no BOM)"
        raise DataError(
            f"{name} is not a text file (it holds binary data) and not an Excel workbook. "
            "Give a .csv or .xlsx file."
        )
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    mixed = _mixed_lines(data)
    if mixed:
        raise DataError(
            f"{name} mixes text encodings: line {mixed[0]} is UTF-8 but line {mixed[1]} is "
            "not (rows pasted from files saved differently?), so some of its names would be "
            "misread. Save the whole file as CSV UTF-8 from Excel."
        )
    return _decode_windows(data)


def _decode_windows(data: bytes) -> tuple[str, str]:
    """Choose Windows-1258 or Windows-1252 (legacy-font text) by how Vietnamese each reads."""
    sample = data[:_SAMPLE]
    as_1258 = unicodedata.normalize("NFC", sample.decode("cp1258", errors="replace"))
    as_1252 = sample.decode("cp1252", errors="replace")
    kind = legacy.detect_legacy(as_1252)
    if kind is not None:
        converted = legacy.CONVERTERS[kind](as_1252)
        if legacy.badness(converted) < legacy.badness(as_1258):
            text = data.decode("cp1252", errors="replace")
            return text, "Windows-1252"
    return data.decode("cp1258"), "Windows-1258"
