"""Decoding CSV bytes: UTF-8 (with or without BOM), UTF-16, Windows-1258, and Windows-1252
text typed in the legacy TCVN3 or VNI fonts (converted later, cell by cell)."""

from __future__ import annotations

import codecs
import unicodedata

from kcanalysis.errors import DataError
from kcanalysis.ingest import legacy

_SAMPLE = 65536


def decode_text(data: bytes, name: str) -> tuple[str, str]:
    """Return the text of CSV bytes in Unicode NFC, and how it was decoded.

    Raises
    ------
    DataError
        If the bytes are no text in any of the encodings understood.
    """
    try:
        text, label = _decode(data, name)
    except UnicodeDecodeError as err:
        raise DataError(
            f"{name}: the text cannot be decoded ({err.encoding}: {err.reason} at byte "
            f"{err.start}). Save the file as CSV UTF-8 from Excel and try again."
        ) from err
    return unicodedata.normalize("NFC", text), label


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
