"""Write the ingest test fixtures: small tables as provinces send them, in .csv and .xlsx.

Run from the repository root: ``python tests/data/ingest/make_fixtures.py [OUT_DIR]``.
The files are committed; ``tests/ingest/test_fixtures.py`` checks that running this script
again gives the same bytes. Every layout written as CSV is also written as .xlsx with merged
cells where Excel users merge them (titles, group headers, vertical header cells), and with
subtotals as formulas whose cached values are stored, as Excel stores them.

The figures are small and worked out by hand; several come from published sources (see
kcanalysis/data/published_figures.csv): Lâm Đồng 2017, Bình Định 2017, Đắk Lắk 2021.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import re
import sys
import unicodedata
import zipfile
from dataclasses import dataclass, field, replace
from pathlib import Path

from kcanalysis.schema import FACTS_COLUMNS

HERE = Path(__file__).resolve().parent
FIXED_TIME = (2024, 1, 1, 0, 0, 0)


@dataclass(frozen=True)
class F:
    """A formula with the value Excel would cache for it."""

    expr: str
    cached: float


@dataclass
class Sheet:
    name: str
    rows: list[list]
    merges: list[str] = field(default_factory=list)
    csv: dict | None = field(default_factory=dict)  # None: no CSV; else csv options
    xlsx: bool = True
    xls: bool = False  # also an Excel 97-2003 copy (formulas stored as their cached values)
    text: str = "unicode"  # "tcvn3" or "vni": legacy font text
    sheet: str = "Sheet1"


# ------------------------------------------------------------------------------ text


def _tcvn3_table() -> dict[str, str]:
    pairs = (
        "b5à b6ả b7ã b8á b9ạ a8ă bbằ bcẳ bdẵ beắ c6ặ a9â c7ầ c8ẩ c9ẫ caấ cbậ a7Đ aeđ ccè ceẻ "
        "cfẽ d0é d1ẹ aaê d2ề d3ể d4ễ d5ế d6ệ d7ì d8ỉ dcĩ ddí deị dfò e1ỏ e2õ e3ó e4ọ abô e5ồ "
        "e6ổ e7ỗ e8ố e9ộ acơ eaờ ebở ecỡ edớ eeợ efù f1ủ f2ũ f3ú f4ụ adư f5ừ f6ử f7ữ f8ứ f9ự "
        "faỳ fbỷ fcỹ fdý feỵ a1Ă a2Â a3Ê a4Ô a5Ơ a6Ư"
    )
    table = {p[2:]: chr(int(p[:2], 16)) for p in pairs.split()}
    for letter, code in list(table.items()):  # capitals typed with the ".VnTimeH" font
        table.setdefault(letter.upper(), code)
    return table


def _vni_table() -> dict[str, str]:
    letters = "áàảãạăắằẳẵặâấầẩẫậéèẻẽẹêếềểễệíìỉĩịóòỏõọôốồổỗộơớờởỡợúùủũụưứừửữựýỳỷỹỵđ"
    vni_codes = (
        "aù aø aû aõ aï aê aé aè aú aü aë aâ aá aà aå aã aä eù eø eû eõ eï eâ eá eà eå eã eä "
        "í ì æ ó ò où oø oû oõ oï oâ oá oà oå oã oä ô ôù ôø ôû ôõ ôï uù uø uû uõ uï ö öù öø öû "
        "öõ öï yù yø yû yõ î ñ"
    )
    codes = vni_codes.split()
    table = dict(zip(letters, codes, strict=True))
    table.update({k.upper(): v.upper() for k, v in list(table.items())})
    return table


TCVN3, VNI = _tcvn3_table(), _vni_table()


def to_legacy(text: str, kind: str) -> str:
    table = TCVN3 if kind == "tcvn3" else VNI
    return "".join(table.get(ch, ch) for ch in unicodedata.normalize("NFC", text))


def to_cp1258(text: str) -> bytes:
    """Encode as Windows does: precomposed letters where the code page has them, otherwise
    the base letter (with circumflex, breve or horn) followed by a combining tone mark."""
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


# ------------------------------------------------------------------------------ writers


def _csv_value(v) -> str:
    if v is None:
        return ""
    if isinstance(v, F):
        v = v.cached
    if isinstance(v, float):
        text = f"{v:.6f}".rstrip("0").rstrip(".")
        return text.replace(".", ",")
    return str(v)


def write_csv(sheet: Sheet, path: Path) -> None:
    opts = sheet.csv or {}
    delimiter = opts.get("delimiter", ",")
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, delimiter=delimiter, lineterminator="\r\n")
    for row in sheet.rows:
        cells = [_csv_value(v) for v in row]
        if sheet.text != "unicode":
            cells = [to_legacy(c, sheet.text) for c in cells]
        writer.writerow(cells)
    text = buf.getvalue()
    encoding = opts.get("encoding", "utf-8")
    if sheet.text != "unicode":
        data = text.encode("cp1252")
    elif encoding == "utf-8-sig":
        data = codecs.BOM_UTF8 + text.encode("utf-8")
    elif encoding == "utf-16":
        data = codecs.BOM_UTF16_LE + text.encode("utf-16-le")
    elif encoding == "cp1258":
        data = to_cp1258(text)
    else:
        data = text.encode("utf-8")
    path.write_bytes(data)


def write_xlsx(sheet: Sheet, path: Path) -> None:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet.sheet
    cached = {}
    for r, row in enumerate(sheet.rows, start=1):
        for c, v in enumerate(row, start=1):
            if v is None:
                continue
            if isinstance(v, F):
                ws.cell(r, c, "=" + v.expr)
                cached[ws.cell(r, c).coordinate] = v.cached
            elif isinstance(v, str) and sheet.text != "unicode":
                ws.cell(r, c, to_legacy(v, sheet.text))
            else:
                ws.cell(r, c, v)
    for rng in sheet.merges:
        ws.merge_cells(rng)
    buf = io.BytesIO()
    wb.save(buf)
    path.write_bytes(_deterministic(buf.getvalue(), cached))


def write_xls(sheet: Sheet, path: Path) -> None:
    """Write an Excel 97-2003 copy with xlwt: the same cells and merged ranges. xlwt
    cannot compute formulas, so a formula cell holds the value Excel would cache, which
    is what a reader of an .xls gets."""
    import xlwt

    wb = xlwt.Workbook(encoding="utf-8")
    ws = wb.add_sheet(sheet.sheet)
    date_style = xlwt.easyxf(num_format_str="DD/MM/YYYY")
    for r, row in enumerate(sheet.rows):
        for c, v in enumerate(row):
            if v is None:
                continue
            if isinstance(v, F):
                v = v.cached
            elif isinstance(v, str) and sheet.text != "unicode":
                v = to_legacy(v, sheet.text)
            if isinstance(v, dt.date):
                ws.write(r, c, v, date_style)
            else:
                ws.write(r, c, v)
    for rng in sheet.merges:
        first, last = rng.split(":")
        (c1, r1), (c2, r2) = _cell_index(first), _cell_index(last)
        ws.merge(r1, r2, c1, c2)
    buf = io.BytesIO()
    wb.save(buf)
    path.write_bytes(buf.getvalue())


def _encrypted_xls() -> bytes:
    """An .xls as Excel saves it with a password to open: a FILEPASS record (0x002F, RC4)
    right after the workbook's BOF record; what follows is not decrypted by anyone here."""
    import struct

    import xlwt
    from xlwt.CompoundDoc import XlsDoc

    wb = xlwt.Workbook(encoding="utf-8")
    wb.add_sheet("Sheet1").write(0, 0, "Báo cáo")
    biff = wb.get_biff_data()
    bof_end = 4 + struct.unpack("<H", biff[2:4])[0]
    filepass = struct.pack("<HHHH", 0x002F, 54, 1, 1) + bytes(50)
    buf = io.BytesIO()
    XlsDoc().save(buf, biff[:bof_end] + filepass + biff[bof_end:])
    return buf.getvalue()


def _cell_index(ref: str) -> tuple[int, int]:
    """Return (column, row) from 0 for a reference like "AB12"."""
    letters = ref.rstrip("0123456789")
    col = 0
    for ch in letters:
        col = col * 26 + ord(ch) - 64
    return col - 1, int(ref[len(letters) :]) - 1


def _deterministic(data: bytes, cached: dict) -> bytes:
    """Store formulas' cached values and fix timestamps, so the bytes are reproducible."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                body = re.sub(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", b"2024-01-01T00:00:00Z", body)
            if info.filename.startswith("xl/worksheets/sheet"):
                for ref, value in cached.items():
                    body = re.sub(
                        rb'(<c r="' + ref.encode() + rb'"[^>]*>)<f>([^<]*)</f><v\s*/>',
                        lambda m, v=value: (
                            m.group(1)
                            + b"<f>"
                            + m.group(2)
                            + b"</f><v>"
                            + repr(float(v)).encode()
                            + b"</v>"
                        ),
                        body,
                    )
            dst.writestr(zipfile.ZipInfo(info.filename, FIXED_TIME), body, zipfile.ZIP_DEFLATED)
    return out.getvalue()


# ------------------------------------------------------------------------------ layouts

HEADER_RIGHT = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]


def summary_two_row(bad_subtotal: bool = False) -> Sheet:
    """Lâm Đồng 2017 results: KCQG 9 projects, plan 1.400 / done 1.800; KCDP 56 projects,
    plan 8.850 / done 8.300 (baolamdong.vn, Jan 2018); split into activities by hand."""
    plan_sum = F("SUM(D14:D16)", 8900 if bad_subtotal else 8850)
    rows = [
        ["UBND TỈNH LÂM ĐỒNG", None, None, None, HEADER_RIGHT[0]],
        ["SỞ CÔNG THƯƠNG", None, None, None, HEADER_RIGHT[1]],
        [],
        ["BÁO CÁO KẾT QUẢ THỰC HIỆN CHƯƠNG TRÌNH KHUYẾN CÔNG NĂM 2017"],
        [
            "(Kèm theo Báo cáo số 25/BC-SCT ngày 15 tháng 01 năm 2018 của Sở Công Thương tỉnh "
            "Lâm Đồng)"
        ],
        [None, None, None, None, None, None, "ĐVT: triệu đồng"],
        ["STT", "Nội dung", "Kế hoạch", None, "Thực hiện", None, "Tỷ lệ TH/KH (%)", "Ghi chú"],
        [None, None, "Số đề án", "Kinh phí", "Số đề án", "Kinh phí"],
        [
            None,
            "TỔNG CỘNG",
            F("C10+C13", 65),
            F("D10+D13", 10250),
            F("E10+E13", 65),
            F("F10+F13", 10100),
            98.5,
        ],
        [
            "I",
            "Khuyến công quốc gia",
            F("SUM(C11:C12)", 9),
            F("SUM(D11:D12)", 1400),
            F("SUM(E11:E12)", 9),
            F("SUM(F11:F12)", 1800),
            128.6,
        ],
        [1, "Mô hình trình diễn kỹ thuật", 2, 900, 2, 1000],
        [2, "Hỗ trợ ứng dụng máy móc thiết bị tiên tiến", 7, 500, 7, 800],
        ["II", "Khuyến công địa phương", 56, 8850, 56, 8300, 93.8],
        [1, "Đào tạo nghề, truyền nghề", 20, 2000, 20, 1900],
        [2, "Hỗ trợ ứng dụng máy móc thiết bị", 30, 6000, 30, 5600],
        [3, "Thông tin tuyên truyền", 6, 850, 6, 800],
        [
            None,
            "Cộng",
            F("SUM(C14:C16)", 56),
            plan_sum,
            F("SUM(E14:E16)", 56),
            F("SUM(F14:F16)", 8300),
        ],
        [],
        ["Ghi chú: số liệu thực hiện đến ngày 31/12/2017."],
        [None, None, None, None, None, None, "GIÁM ĐỐC"],
    ]
    merges = [
        "A1:C1",
        "E1:H1",
        "A2:C2",
        "E2:H2",
        "A4:H4",
        "A5:H5",
        "G6:H6",
        "A7:A8",
        "B7:B8",
        "C7:D7",
        "E7:F7",
        "G7:G8",
        "H7:H8",
        "A19:H19",
        "G20:H20",
    ]
    name = "summary_bad_subtotal" if bad_subtotal else "summary_two_row"
    return Sheet(name, rows, merges, sheet="Báo cáo")


def summary_estimate() -> Sheet:
    """Đắk Lắk 2021, nine months: 16 projects and 1.759 million VND of extension funds planned
    (tapchicongthuong.vn); written in thousand VND ("Đơn vị tính: 1.000 đồng")."""
    rows = [
        ["BÁO CÁO TÌNH HÌNH THỰC HIỆN ĐỀ ÁN KHUYẾN CÔNG ĐỊA PHƯƠNG 9 THÁNG ĐẦU NĂM 2021"],
        ["TỈNH ĐẮK LẮK"],
        [None, None, None, None, None, None, None, None, "Đơn vị tính: 1.000 đồng"],
        [
            "STT",
            "Nội dung",
            "Kế hoạch năm 2021",
            None,
            "Thực hiện 9 tháng",
            None,
            "Ước TH cả năm",
            None,
            "Lũy kế 2016-2021",
        ],
        [
            None,
            None,
            "Số đề án",
            "Kinh phí",
            "Số đề án",
            "Kinh phí",
            "Số đề án",
            "Kinh phí",
            "Số đề án",
            "Kinh phí",
        ],
        [1, "Đào tạo nghề", 4, 400000, 3, 250000, 4, 390000, 20, 2100000],
        [2, "Mô hình trình diễn kỹ thuật", 2, 600000, 1, 300000, 2, 590000, 9, 3000000],
        [3, "Hỗ trợ máy móc thiết bị", 10, 759000, 6, 400000, 10, 779000, 41, 5200000],
        [
            None,
            "Tổng cộng",
            F("SUM(C6:C8)", 16),
            F("SUM(D6:D8)", 1759000),
            F("SUM(E6:E8)", 10),
            F("SUM(F6:F8)", 950000),
            F("SUM(G6:G8)", 16),
            F("SUM(H6:H8)", 1759000),
            F("SUM(I6:I8)", 70),
            F("SUM(J6:J8)", 10300000),
        ],
    ]
    merges = ["A1:J1", "A2:J2", "I3:J3", "A4:A5", "B4:B5", "C4:D4", "E4:F4", "G4:H4", "I4:J4"]
    return Sheet("summary_estimate", rows, merges)


def summary_ty_dong() -> Sheet:
    """Lâm Đồng 2017 per level only, in billion VND (same published figures)."""
    rows = [
        ["KẾT QUẢ KHUYẾN CÔNG TỈNH LÂM ĐỒNG NĂM 2017"],
        ["(Đơn vị: tỷ đồng)"],
        ["STT", "Nội dung", "Kế hoạch", None, "Thực hiện"],
        [None, None, "Số đề án", "Kinh phí", "Số đề án", "Kinh phí"],
        ["I", "Khuyến công quốc gia", 9, "1,4", 9, "1,8"],
        ["II", "Khuyến công địa phương", 56, "8,85", 56, "8,3"],
        [None, "Tổng cộng", 65, "10,25", 65, "10,1"],
    ]
    return Sheet("summary_ty_dong", rows, ["A1:F1", "A2:F2", "C3:D3", "E3:F3", "A3:A4", "B3:B4"])


def summary_indicators() -> Sheet:
    """Lâm Đồng 2017 as a report of indicators (one row each, an ĐVT column, no level or
    activity): the published 65 projects and 10.250 / 10.100 million VND; the trainee
    counts are made up."""
    rows = [
        ["BÁO CÁO KẾT QUẢ THỰC HIỆN CHƯƠNG TRÌNH KHUYẾN CÔNG NĂM 2017"],
        ["TỈNH LÂM ĐỒNG"],
        ["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch", "Thực hiện", "Tỷ lệ (%)"],
        [1, "Số đề án", "đề án", 65, 65, "100"],
        [2, "Kinh phí khuyến công", "triệu đồng", "10.250", "10.100", "98,5"],
        [3, "Số lao động được đào tạo", "người", 320, 345, "107,8"],
        ["Ghi chú: tỷ lệ = thực hiện / kế hoạch."],
    ]
    return Sheet("summary_indicators", rows, ["A1:F1", "A2:F2", "A7:F7"])


def canonical_half_year() -> Sheet:
    """Bình Định, first half of 2023 (made up): indicators with the year's plan beside the
    six months' actual ("Kế hoạch năm" / "Thực hiện 6 tháng")."""
    rows = [
        ["BÁO CÁO KẾT QUẢ KHUYẾN CÔNG 6 THÁNG ĐẦU NĂM 2023"],
        ["TỈNH BÌNH ĐỊNH"],
        ["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch năm", "Thực hiện 6 tháng", "So sánh (%)"],
        [1, "Số đề án", "đề án", 12, 5, "41,7"],
        [2, "Kinh phí khuyến công", "triệu đồng", "3.200,0", "1.250,5", "39,1"],
        [3, "Số lao động được đào tạo", "người", 400, None, None],
    ]
    return Sheet("canonical_half_year", rows, ["A1:F1", "A2:F2"])


def canonical_phu_yen_h1_2025() -> Sheet:
    """Phú Yên, first six months of 2025 (made up), reported before the province joined
    Đắk Lắk on 1 July 2025: the actuals are Phú Yên's (54, the 63-province map), while the
    plan for the year (FY 2025) belongs to the new Đắk Lắk and is not loaded."""
    rows = [
        ["BÁO CÁO KẾT QUẢ KHUYẾN CÔNG 6 THÁNG ĐẦU NĂM 2025"],
        ["Tỉnh Phú Yên"],
        ["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch năm 2025", "Thực hiện 6 tháng đầu năm",
         "Tỷ lệ (%)"],
        [1, "Số đề án", "đề án", 14, 6, "42,9"],
        [2, "Kinh phí khuyến công", "triệu đồng", "3.600,0", "1.420,5", "39,5"],
        [3, "Số lao động được đào tạo", "người", 350, None, None],
        ["Ghi chú: số liệu minh họa, không phải số liệu thực."],
    ]  # fmt: skip
    return Sheet("canonical_phu_yen_h1_2025", rows, ["A1:F1", "A2:F2", "A7:F7"])


def canonical_merger_mixed() -> Sheet:
    """2025 across the merger (made up): the old Đắk Lắk and Phú Yên for the first six
    months, the new Đắk Lắk (which holds Phú Yên) for the whole year, and Phú Yên's own
    2021-2025 total, marked as of the old map by its "Địa giới" (vintage) cell."""
    rows = [
        ["SỐ LIỆU KHUYẾN CÔNG NĂM 2025 (SỐ LIỆU MINH HỌA, KHÔNG PHẢI SỐ LIỆU THỰC)"],
        ["Mã tỉnh", "Tỉnh", "Địa giới", "Năm", "Kỳ", "Cấp", "Hoạt động", "Chỉ tiêu", "ĐVT",
         "Kế hoạch", "Thực hiện", "Ghi chú"],
        [66, "Đắk Lắk", None, 2025, "6 tháng đầu năm", "ALL", "Tất cả",
         "Kinh phí khuyến công", "triệu đồng", None, 2150, "Đắk Lắk trước 1/7/2025"],
        [None, "Phú Yên", None, 2025, "H1", "ALL", "Tất cả", "Kinh phí khuyến công",
         "triệu đồng", None, 1420.5, None],
        [66, "Đắk Lắk", None, 2025, "Cả năm", "ALL", "Tất cả", "Kinh phí khuyến công",
         "triệu đồng", 9800, 9450, "Đắk Lắk mới, gồm cả Phú Yên"],
        [54, "Phú Yên", 2008, 2025, "Giai đoạn 2021-2025", "ALL", "Tất cả", "Số đề án",
         "đề án", None, 58, "tổng 5 năm của tỉnh Phú Yên"],
    ]  # fmt: skip
    return Sheet("canonical_merger_mixed", rows, ["A1:L1"])


def summary_q3_2025() -> Sheet:
    """New Gia Lai (52: old Gia Lai and Bình Định), third quarter of 2025 (made up): "Kế
    hoạch năm 2025" (FY), "Thực hiện quý III" (Q3) and "Ước TH 6 tháng cuối năm" (H2)."""
    rows = [
        ["BÁO CÁO KẾT QUẢ KHUYẾN CÔNG QUÝ III NĂM 2025"],
        ["TỈNH GIA LAI"],
        [None, None, None, None, None, None, None, "ĐVT: triệu đồng"],
        ["STT", "Nội dung", "Kế hoạch năm 2025", None, "Thực hiện quý III", None,
         "Ước TH 6 tháng cuối năm", None],
        [None, None, "Số đề án", "Kinh phí", "Số đề án", "Kinh phí", "Số đề án", "Kinh phí"],
        [1, "Đào tạo nghề", 6, 900, 2, 280, 5, 760],
        [2, "Hỗ trợ máy móc thiết bị", 12, 4200, 4, 1350, 9, 3150],
        [None, "Tổng cộng", F("SUM(C6:C7)", 18), F("SUM(D6:D7)", 5100), F("SUM(E6:E7)", 6),
         F("SUM(F6:F7)", 1630), F("SUM(G6:G7)", 14), F("SUM(H6:H7)", 3910)],
        ["Ghi chú: số liệu minh họa, không phải số liệu thực."],
    ]  # fmt: skip
    merges = ["A1:H1", "A2:H2", "A4:A5", "B4:B5", "C4:D4", "E4:F4", "G4:H4", "A9:H9"]
    return Sheet("summary_q3_2025", rows, merges)


def summary_vni() -> Sheet:
    """Kon Tum 2008, local programme 450 million VND (tapchicongthuong.vn), VNI font text."""
    rows = [
        ["BÁO CÁO KẾT QUẢ KHUYẾN CÔNG NĂM 2008 TỈNH KON TUM"],
        ["ĐVT: triệu đồng"],
        ["STT", "Nội dung", "Kế hoạch", None, "Thực hiện"],
        [None, None, "Số đề án", "Kinh phí", "Số đề án", "Kinh phí"],
        ["II", "Khuyến công địa phương", 3, 450, 3, 450],
        [1, "Đào tạo nghề", 2, 200, 2, 200],
        [2, "Tư vấn, hỗ trợ cơ sở", 1, 250, 1, 250],
        [None, "Tổng cộng", 3, 450, 3, 450],
    ]
    return Sheet(
        "summary_vni", rows, ["A1:F1", "C3:D3", "E3:F3", "A3:A4", "B3:B4"], csv=None, text="vni"
    )


def projects_sections() -> Sheet:
    """Bình Định 2017 local programme: showrooms and brands 262,5; information 60; capacity
    162,5 million VND (baobinhdinh.vn); projects and counterpart funds made up."""
    rows = [
        ["SỞ CÔNG THƯƠNG BÌNH ĐỊNH"],
        ["TRUNG TÂM KHUYẾN CÔNG VÀ TƯ VẤN PHÁT TRIỂN CÔNG NGHIỆP"],
        ["DANH SÁCH ĐỀ ÁN KHUYẾN CÔNG ĐỊA PHƯƠNG NĂM 2017"],
        [None, None, None, None, None, None, None, "ĐVT: triệu đồng"],
        [
            "STT",
            "Tên đề án",
            "Đơn vị thụ hưởng",
            "Địa điểm",
            "Kinh phí",
            None,
            None,
            "Giải ngân",
            "Ghi chú",
        ],
        [None, None, None, None, "Tổng", "KC hỗ trợ", "Đối ứng"],
        ["(1)", "(2)", "(3)", "(4)", "(5)=(6)+(7)", "(6)", "(7)", "(8)", "(9)"],
        [
            None,
            "TỔNG CỘNG",
            None,
            None,
            F("E9+E16+E18", 885),
            F("F9+F16+F18", 485),
            F("G9+G16+G18", 400),
            F("H9+H16+H18", 365),
        ],
        [
            "A",
            "Sản phẩm công nghiệp nông thôn tiêu biểu, hội chợ, triển lãm",
            None,
            None,
            F("SUM(E10:E12)", 662.5),
            F("SUM(F10:F12)", 262.5),
            F("SUM(G10:G12)", 400),
            F("SUM(H10:H12)", 250),
        ],
        [
            1,
            "Xây dựng thương hiệu sản phẩm nón lá Phú Gia",
            "HTX Phú Gia",
            "Xã Cát Tường, huyện Phù Cát",
            300,
            100,
            200,
            100,
        ],
        [
            2,
            "Hỗ trợ phòng trưng bày sản phẩm",
            "Công ty TNHH Mỹ nghệ Thanh Tâm",
            "TP Quy Nhơn",
            262.5,
            112.5,
            150,
            100,
        ],
        [
            3,
            "Tham gia hội chợ triển lãm hàng thủ công",
            "Trung tâm Khuyến công",
            "TP Quy Nhơn",
            100,
            50,
            50,
            50,
        ],
        ["B", "Thông tin tuyên truyền"],
        [
            1,
            "Xây dựng chuyên mục khuyến công trên Đài PT-TH",
            "Đài PT-TH Bình Định",
            "Tỉnh Bình Định",
            40,
            40,
            0,
            40,
        ],
        [2, "Xuất bản bản tin khuyến công", "Trung tâm Khuyến công", None, 20, 20, "-", 20],
        [
            None,
            "Cộng",
            None,
            None,
            F("SUM(E14:E15)", 60),
            F("SUM(F14:F15)", 60),
            F("SUM(G14:G15)", 0),
            F("SUM(H14:H15)", 60),
        ],
        ["C", "Nâng cao năng lực tổ chức thực hiện khuyến công"],
        [
            1,
            "Đào tạo nâng cao năng lực cán bộ khuyến công",
            "Trung tâm Khuyến công",
            None,
            162.5,
            162.5,
            None,
            55,
        ],
        [],
        ["Ghi chú: Kinh phí đối ứng do cơ sở tự bố trí."],
        ["Người lập biểu", None, None, None, None, None, "GIÁM ĐỐC"],
    ]
    merges = [
        "A1:D1",
        "A2:D2",
        "A3:I3",
        "H4:I4",
        "A5:A6",
        "B5:B6",
        "C5:C6",
        "D5:D6",
        "E5:G5",
        "H5:H6",
        "I5:I6",
        "B9:D9",
        "B13:I13",
        "B16:D16",
        "B17:I17",
        "A20:I20",
        "A21:C21",
        "G21:I21",
    ]
    return Sheet("projects_sections", rows, merges)


def projects_columns() -> Sheet:
    """A regional list with province, year, level and activity columns and one row for each
    reason a row is quarantined (see tests/ingest/test_projects.py)."""
    header = [
        "STT",
        "Tỉnh",
        "Năm",
        "Cấp",
        "Hoạt động",
        "Tên đề án",
        "Đơn vị thụ hưởng",
        "Kinh phí khuyến công hỗ trợ",
        "Vốn đối ứng",
        "Giải ngân",
        "Số học viên",
        "Số mô hình",
        "Tình trạng",
        "Thời gian hoàn thành",
    ]
    rows = [
        header,
        [
            1,
            "Đắk Lắk",
            2021,
            "KCĐP",
            "Đào tạo nghề",
            "Đào tạo nghề dệt thổ cẩm",
            "HTX Dệt Buôn Đôn",
            150,
            50,
            150,
            35,
            None,
            "Đã nghiệm thu",
            "30/11/2021",
        ],
        [
            2,
            "Đắk Lắk",
            2021,
            "KCĐP",
            "Mô hình trình diễn",
            "Mô hình trình diễn sấy cà phê",
            "Công ty TNHH Cà phê Ea Tu",
            400,
            1200,
            380,
            None,
            1,
            "Hoàn thành",
            "Quý IV/2021",
        ],
        [
            3,
            "Daklak",
            2021,
            "KCQG",
            "Máy móc thiết bị",
            "Hỗ trợ máy xay xát gạo",
            "Cơ sở xay xát Minh Tâm",
            210,
            630,
            210,
            None,
            None,
            "Hoàn thành",
            "12/2021",
        ],
        [
            4,
            "Đắk Lắk",
            2021,
            "KCĐP",
            "Đào tạo nghề",
            "Đào tạo nghề dệt thổ cẩm",
            "HTX Dệt Buôn Đôn",
            150,
            50,
            150,
            35,
            None,
            "Đã nghiệm thu",
            "30/11/2021",
        ],
        [
            5,
            "Đắk Lắc Nông",
            2021,
            "KCĐP",
            "Tư vấn",
            "Tư vấn lập dự án đầu tư",
            "Công ty CP Cơ khí Đắk Mil",
            50,
            0,
            50,
            None,
            None,
            "Hoàn thành",
            "10/2021",
        ],
        [
            6,
            "Đắk Lắk",
            2021,
            "KCĐP",
            "Tư vấn",
            "Tư vấn thiết kế mẫu mã",
            "Công ty CP Gỗ Tây Nguyên",
            -50,
            0,
            0,
            None,
            None,
            "Hoàn thành",
            "10/2021",
        ],
        [
            7,
            "Đắk Lắk",
            2021,
            "KCĐP",
            "Đào tạo nghề",
            "Đào tạo nghề mây tre",
            "HTX Mây tre Krông Pắc",
            "khoảng trăm",
            20,
            0,
            25,
            None,
            "Hoàn thành",
            "9/2021",
        ],
        [
            8,
            "Đắk Lắk",
            2107,
            "KCĐP",
            "Đào tạo nghề",
            "Đào tạo nghề may",
            "HTX May Cư M'gar",
            100,
            20,
            100,
            30,
            None,
            "Hoàn thành",
            "9/2021",
        ],
        [
            9,
            "Đắk Lắk",
            2021,
            "KCĐP",
            "Mô hình trình diễn",
            "Mô hình trình diễn chế biến hạt điều",
            "HTX Điều Ea Súp",
            100,
            200,
            350,
            None,
            1,
            "Đang thực hiện",
            "15/12/2021",
        ],
        [
            10,
            "Gia Lai",
            2021,
            "KCĐP",
            "Hội chợ triển lãm",
            "Tham gia hội chợ hàng thủ công",
            "HTX Thổ cẩm Ia Ka",
            80,
            20,
            80,
            None,
            None,
            "Hoàn thành",
            "15/10/2021",
        ],
    ]
    return Sheet("projects_columns", rows)


def projects_breakdown() -> Sheet:
    """Phú Yên 2019 (made up): project names wrapped onto a second row, a grand total, and a
    "Trong đó:" breakdown by level and activity below it, one line of which (Đào tạo nghề
    160 against the 150 listed) disagrees."""
    rows = [
        ["DANH SÁCH ĐỀ ÁN KHUYẾN CÔNG NĂM 2019"],
        ["TỈNH PHÚ YÊN"],
        [None, None, None, None, None, "ĐVT: triệu đồng"],
        ["STT", "Tên đề án", "Đơn vị thụ hưởng", "Cấp", "Kinh phí khuyến công hỗ trợ",
         "Vốn đối ứng"],
        [1, "Hỗ trợ ứng dụng máy móc thiết bị", "Công ty TNHH Hải sản Sông Cầu", "KCQG", 500,
         1500],
        [None, "trong chế biến cá ngừ đại dương", None, None, None, None],
        [2, "Đào tạo nghề đan lát", "HTX Phú Hòa", "KCĐP", 150, 30],
        [3, "Mô hình trình diễn kỹ thuật", "Cơ sở Minh Tâm", "KCĐP", 300, 600],
        [None, "sản xuất bánh tráng", None, None, None, None],
        ["TỔNG CỘNG", None, None, None, F("SUM(E5:E9)", 950), F("SUM(F5:F9)", 2130)],
        ["Trong đó:", None, None, None, None, None],
        [None, "- Khuyến công quốc gia", None, None, 500, None],
        [None, "- Khuyến công địa phương", None, None, 450, None],
        [None, "- Đào tạo nghề", None, None, 160, None],
        ["Ghi chú: số liệu minh họa, không phải số liệu thực."],
    ]  # fmt: skip
    return Sheet("projects_breakdown", rows, ["A1:F1", "A2:F2", "A10:D10", "A15:F15"])


def projects_three_rows() -> Sheet:
    """Quảng Trị 2022 (made up): a three-row header, "Kinh phí (triệu đồng)" over "Tổng số"
    and "Trong đó" over "KCĐP" and "Đối ứng", merged as Excel users merge them."""
    rows = [
        ["DANH SÁCH ĐỀ ÁN KHUYẾN CÔNG ĐỊA PHƯƠNG NĂM 2022 TỈNH QUẢNG TRỊ"],
        ["STT", "Tên đề án", "Đơn vị thụ hưởng", "Kinh phí (triệu đồng)", None, None],
        [None, None, None, "Tổng số", "Trong đó", None],
        [None, None, None, None, "KCĐP", "Đối ứng"],
        [1, "Hỗ trợ máy móc thiết bị sấy nông sản", "HTX Cam Lộ", 600, 200, 400],
        [2, "Đào tạo nghề mộc dân dụng", "Cơ sở Thành Công", 120, 100, 20],
    ]
    merges = ["A1:F1", "A2:A4", "B2:B4", "C2:C4", "D2:F2", "D3:D4", "E3:F3"]
    return Sheet("projects_three_rows", rows, merges)


def projects_plan() -> Sheet:
    """Tây Ninh 2024 (made up): an approved plan, not a report of results; no column says
    what became of the projects."""
    rows = [
        ["KẾ HOẠCH KHUYẾN CÔNG ĐỊA PHƯƠNG NĂM 2024 TỈNH TÂY NINH"],
        ["(Kèm theo Quyết định số 123/QĐ-UBND ngày 15/01/2024 của UBND tỉnh Tây Ninh)"],
        [None, None, None, "ĐVT: triệu đồng"],
        ["STT", "Tên đề án", "Đơn vị thụ hưởng", "Kinh phí khuyến công hỗ trợ"],
        [1, "Đào tạo nghề may công nghiệp", "Công ty TNHH May Tây Ninh", 200],
        [2, "Hỗ trợ ứng dụng máy móc thiết bị chế biến tinh bột mì", "Cơ sở Hòa Thành", 350],
        [3, "Hỗ trợ ứng dụng máy móc thiết bị sản xuất muối tôm", "Cơ sở Trảng Bàng", "150,5"],
    ]
    return Sheet("projects_plan", rows, ["A1:D1", "A2:D2"])


def projects_decree235() -> Sheet:
    """Đắk Lắk 2026 (made up): a project list under the headings of Decree 235/2025, which
    adds digital transformation, sustainable production and consumption and artisans to
    Decree 45/2012's activities (international cooperation was already there)."""
    rows = [
        ["SỞ CÔNG THƯƠNG TỈNH ĐẮK LẮK"],
        ["DANH SÁCH ĐỀ ÁN KHUYẾN CÔNG ĐỊA PHƯƠNG NĂM 2026"],
        [None, None, None, None, "ĐVT: triệu đồng"],
        ["STT", "Tên đề án", "Đơn vị thụ hưởng", "Kinh phí khuyến công", "Giải ngân"],
        ["I", "Ứng dụng máy móc thiết bị tiên tiến, chuyển giao công nghệ"],
        [1, "Hỗ trợ máy sấy cà phê", "HTX Cư M'gar", 400, 380],
        ["II", "Chuyển đổi số, ứng dụng công nghệ số, thương mại điện tử"],
        [1, "Hỗ trợ phần mềm quản lý sản xuất", "Công ty TNHH Ea Kar", 350, 300],
        [2, "Hỗ trợ đưa sản phẩm lên sàn thương mại điện tử", "Cơ sở Buôn Hồ", 250, 250],
        ["III", "Sản xuất và tiêu dùng bền vững, kinh tế tuần hoàn"],
        [1, "Hỗ trợ tái sử dụng vỏ cà phê làm phân bón", "HTX Krông Pắc", 500, 450],
        ["IV", "Hỗ trợ, tôn vinh nghệ nhân, thợ giỏi"],
        [1, "Tổ chức xét tặng danh hiệu nghệ nhân, thợ giỏi", "Sở Công Thương", 120, 120],
        ["V", "Hợp tác quốc tế về khuyến công"],
        [1, "Hội thảo trao đổi kinh nghiệm với Lào", "Trung tâm Khuyến công", 80, 60],
        [None, "Tổng cộng", None, 1700, 1560],
    ]
    merges = ["A1:E1", "A2:E2", "B5:E5", "B7:E7", "B10:E10", "B12:E12", "B14:E14"]
    return Sheet("projects_decree235", rows, merges)


def projects_kp() -> Sheet:
    """Đắk Nông 2011 with KP KCQG / KP KCĐP columns and amounts with words."""
    rows = [
        ["DANH SÁCH ĐỀ ÁN KHUYẾN CÔNG NĂM 2011 - TỈNH ĐẮK NÔNG"],
        ["STT", "Tên đề án", "Đơn vị thụ hưởng", "KP KCQG", "KP KCĐP", "Tỷ lệ (%) so KH"],
        [1, "Đào tạo nghề chế biến nông sản", "HTX Quảng Sơn", "262,5 triệu", None, "84,06%"],
        [
            2,
            "Hỗ trợ máy móc thiết bị sản xuất gạch không nung",
            "Công ty TNHH Đức Lập",
            "1,5 tỉ",
            None,
            100,
        ],
        [
            3,
            "Mô hình trình diễn kỹ thuật chế biến cà phê",
            "Cơ sở Thuận An",
            None,
            "hơn 300 triệu",
            "120%",
        ],
        [4, "Tuyên truyền khuyến công trên sóng phát thanh", "Đài PT-TH Đắk Nông", None, 120, 100],
    ]
    return Sheet("projects_kp", rows, ["A1:F1"])


def projects_tcvn3() -> Sheet:
    """Đắk Lắk 2014: one national project of 210 million VND (baodaklak.vn), TCVN3 text."""
    rows = [
        ["DANH SÁCH ĐỀ ÁN KHUYẾN CÔNG NĂM 2014 - TỈNH ĐẮK LẮK"],
        ["STT", "Tên đề án", "Đơn vị thụ hưởng", "Kinh phí khuyến công hỗ trợ (triệu đồng)"],
        ["I", "KHUYẾN CÔNG QUỐC GIA"],
        [1, "Hỗ trợ máy móc dây chuyền xay xát gạo", "Công ty TNHH Thuận Phát", 210],
        ["II", "KHUYẾN CÔNG ĐỊA PHƯƠNG"],
        [1, "Đào tạo nghề đan lát", "HTX Ea Kao", 150],
        [2, "Mô hình trình diễn kỹ thuật sấy nông sản", "Cơ sở Hoà Bình", 850],
    ]
    return Sheet("projects_tcvn3", rows, ["A1:D1"], text="tcvn3")


def projects_cap() -> Sheet:
    """Đắk Lắk 2023 (made up): a project on the capacity of the programme's own staff (CAP)
    whose title also holds "năng lực quản lý", beside an enterprise management course."""
    rows = [
        ["DANH SÁCH ĐỀ ÁN KHUYẾN CÔNG ĐỊA PHƯƠNG NĂM 2023 - TỈNH ĐẮK LẮK"],
        ["STT", "Tên đề án", "Đơn vị thụ hưởng", "Kinh phí khuyến công hỗ trợ", "Tình trạng"],
        [
            1,
            "Nâng cao năng lực quản lý và tổ chức thực hiện chương trình khuyến công",
            "Trung tâm Khuyến công Đắk Lắk",
            120,
            "Đã nghiệm thu",
        ],
        [
            2,
            "Nâng cao năng lực quản lý doanh nghiệp nông thôn",
            "Hội Doanh nghiệp huyện Krông Pắc",
            80,
            "Đã nghiệm thu",
        ],
    ]
    return Sheet("projects_cap", rows, ["A1:E1"])


def projects_no_status() -> Sheet:
    """Kon Tum 2022 (made up): a list of projects carried out, with no status column, so
    nothing says how many were accepted (nghiệm thu)."""
    rows = [
        ["DANH SÁCH ĐỀ ÁN KHUYẾN CÔNG ĐỊA PHƯƠNG NĂM 2022 - TỈNH KON TUM"],
        ["STT", "Tên đề án", "Đơn vị thụ hưởng", "Kinh phí khuyến công hỗ trợ"],
        [1, "Đào tạo nghề đan lát mây tre", "HTX Đăk Hà", 150],
        [2, "Hỗ trợ máy móc thiết bị chế biến cà phê", "Cơ sở Ngọc Hồi", 400],
    ]
    return Sheet("projects_no_status", rows, ["A1:D1"])


def projects_tcvn3_notes() -> Sheet:
    """Đắk Lắk 2015 (made up), TCVN3 text, with a "Ghi chú" column (TCVN3 "Ghi chó", which
    is made only of letters Unicode Vietnamese also has) and a "Số hộ" column not loaded."""
    rows = [
        ["DANH SÁCH ĐỀ ÁN KHUYẾN CÔNG ĐỊA PHƯƠNG NĂM 2015 - TỈNH ĐẮK LẮK"],
        ["STT", "Tên đề án", "Đơn vị thụ hưởng", "Kinh phí khuyến công hỗ trợ", "Số hộ", "Ghi chú"],
        [1, "Đào tạo nghề dệt thổ cẩm", "HTX Buôn Đôn", 150, 30, "hoàn thành"],
        [2, "Hỗ trợ máy móc thiết bị sấy cà phê", "Cơ sở Cư M'gar", 300, 5, None],
    ]
    return Sheet("projects_tcvn3_notes", rows, ["A1:F1"], text="tcvn3")


CANONICAL_VI = [
    ["SỐ LIỆU KHUYẾN CÔNG TỈNH KHÁNH HOÀ"],
    ["Mã tỉnh", "Tỉnh", "Năm", "Kỳ", "Cấp", "Hoạt động", "Chỉ tiêu", "ĐVT", "KH", "TH", "Ghi chú"],
    [
        56,
        "Khánh Hòa",
        2015,
        "Cả năm",
        "KCĐP",
        "Tất cả",
        "Kinh phí khuyến công",
        "tỷ đồng",
        "2,5",
        "2,035",
        None,
    ],
    [
        56,
        "Khánh Hòa",
        2015,
        "6 tháng",
        "ALL",
        "Đào tạo nghề",
        "Số học viên",
        "người",
        "1.150",
        "1.234",
        None,
    ],
    [
        56,
        "Khánh Hoà",
        2015,
        "FY",
        "KCQG",
        "Mô hình trình diễn",
        "Số đề án",
        "đề án",
        F("2+1", 3),
        2,
        "tone mark on the a",
    ],
    [
        56,
        "Khánh Hòa",
        2015,
        "FY",
        "KCQG",
        "Mô hình trình diễn",
        "Kinh phí khuyến công",
        "triệu đồng",
        "1.234,5",
        "262,5 triệu",
        None,
    ],
    [
        56,
        "Khánh Hòa",
        2015,
        "FY",
        "KCĐP",
        "Đào tạo nghề",
        "Kinh phí khuyến công",
        "triệu đồng",
        "7.700",
        "hơn 3 tỷ",
        None,
    ],
    [
        56,
        "Khánh Hòa",
        2015,
        "FY",
        "KCĐP",
        "Đào tạo nghề",
        "Số học viên",
        "người",
        "-",
        "1.150",
        None,
    ],
]


def canonical_vi(name: str, **csv_opts) -> Sheet:
    return Sheet(name, CANONICAL_VI, ["A1:K1"], csv=csv_opts, xlsx=name == "canonical_vi")


EN_HEADER = [c for c in FACTS_COLUMNS if c != "vintage"]  # canonical order; vintage derived


def canonical_en_clean() -> Sheet:
    """Gia Lai 2014-2020 (gialaitv.vn), as in published_figures.csv."""
    rows = [
        EN_HEADER,
        [
            "64",
            "Gia Lai",
            2020,
            "P2014-2020",
            "ALL",
            "ALL",
            "budget_kc",
            "million VND",
            None,
            "10200",
            ">",
            "gialaitv.vn",
            "seven-year total",
        ],
        [
            "64",
            "Gia Lai",
            2020,
            "P2014-2020",
            "KCQG",
            "ALL",
            "budget_kc",
            "million VND",
            None,
            "9500",
            ">",
            "gialaitv.vn",
            None,
        ],
        [
            "64",
            "Gia Lai",
            2020,
            "P2014-2020",
            "KCDP",
            "ALL",
            "budget_kc",
            "million VND",
            None,
            "712",
            None,
            "gialaitv.vn",
            None,
        ],
        [
            "64",
            "Gia Lai",
            2020,
            "P2014-2020",
            "ALL",
            "MACH",
            "establishments",
            "count",
            None,
            "18",
            None,
            "gialaitv.vn",
            None,
        ],
    ]
    return Sheet("canonical_en_clean", rows)


def canonical_quarantine() -> Sheet:
    """One row for each reason a canonical row is quarantined, and one warning."""
    base = ["68", None, 2017, "FY"]
    rows = [
        EN_HEADER,
        [*base, "ALL", "ALL", "projects", "count", "65", "65", None, "report A", None],
        [
            "Lâm Đông X",
            None,
            2017,
            "FY",
            "ALL",
            "ALL",
            "projects",
            "count",
            "1",
            "1",
            None,
            None,
            None,
        ],
        [*base, "KCDP", "ALL", "budget_kc", "million VND", "8850", "-8300", None, None, None],
        [*base, "KCQG", "ALL", "budget_kc", "million VND", "1400", "abc", None, None, None],
        ["68", None, 2107, "FY", "ALL", "ALL", "projects", "count", "1", "1", None, None, None],
        [*base, "ALL", "ALL", "projects", "count", "65", "65", None, "report B", None],
        [*base, "KCQG", "ALL", "projects", "count", "2", "9", None, None, "ratio 4,5"],
        [*base, "ALL", "Nấu ăn", "projects", "count", "1", "1", None, None, None],
        [*base, "ALL", "ALL", "budget_total", "người", "1", "1", None, None, None],
        [
            '=HYPERLINK("http://example.com","x")',
            None,
            2017,
            "FY",
            "ALL",
            "ALL",
            "projects",
            "count",
            "1",
            "1",
            None,
            None,
            None,
        ],
    ]
    return Sheet("canonical_quarantine", rows, xlsx=False)


def canonical_ambiguous() -> Sheet:
    """Đắk Lắk 2021: the article prints "4.899 tỷ" for 4,899 billion VND, with 1,759 of
    extension funds and 3,14 billion of counterpart funds (tapchicongthuong.vn)."""
    rows = [
        EN_HEADER,
        [
            "66",
            "Đắk Lắk",
            2021,
            "FY",
            "ALL",
            "ALL",
            "budget_total",
            None,
            None,
            "4.899 tỷ",
            None,
            None,
            None,
        ],
        [
            "66",
            "Đắk Lắk",
            2021,
            "FY",
            "ALL",
            "ALL",
            "budget_kc",
            None,
            None,
            "1,759 tỷ",
            None,
            None,
            None,
        ],
        [
            "66",
            "Đắk Lắk",
            2021,
            "FY",
            "ALL",
            "ALL",
            "budget_counterpart",
            None,
            None,
            "3,14 tỷ",
            None,
            None,
            None,
        ],
    ]
    return Sheet("canonical_ambiguous", rows)


def canonical_title_conflict() -> Sheet:
    """The title says 2017; every row says 2016."""
    rows = [
        ["SỐ LIỆU KHUYẾN CÔNG NĂM 2017 TỈNH LÂM ĐỒNG"],
        EN_HEADER,
        [
            "68",
            "Lâm Đồng",
            2016,
            "FY",
            "ALL",
            "ALL",
            "projects",
            "count",
            "60",
            "58",
            None,
            None,
            None,
        ],
    ]
    return Sheet("canonical_title_conflict", rows, ["A1:M1"])


def many(name: str, actual: str) -> Sheet:
    rows = [
        EN_HEADER,
        [
            "68",
            "Lâm Đồng",
            2017,
            "FY",
            "ALL",
            "ALL",
            "projects",
            "count",
            "65",
            "65",
            None,
            None,
            None,
        ],
        [
            "68",
            "Lâm Đồng",
            2017,
            "FY",
            "KCDP",
            "ALL",
            "budget_kc",
            "million VND",
            "8850",
            actual,
            None,
            None,
            None,
        ],
    ]
    return Sheet(name, rows, xlsx=False)


def formula_nocache() -> Sheet:
    rows = [
        EN_HEADER,
        [
            "68",
            "Lâm Đồng",
            2017,
            "FY",
            "ALL",
            "ALL",
            "projects",
            "count",
            65,
            "=60+5",
            None,
            None,
            None,
        ],
    ]
    return Sheet("formula_nocache", rows, csv=None)


SHEETS = [
    replace(summary_two_row(), xls=True),
    summary_two_row(bad_subtotal=True),
    summary_estimate(),
    summary_ty_dong(),
    summary_indicators(),
    canonical_half_year(),
    replace(summary_vni(), xls=True),
    replace(projects_sections(), xls=True),
    replace(projects_columns(), xls=True),
    projects_kp(),
    replace(projects_breakdown(), xls=True),
    replace(projects_three_rows(), xls=True),
    projects_plan(),
    projects_decree235(),
    replace(projects_tcvn3(), xls=True),
    canonical_vi("canonical_vi", delimiter=";"),
    canonical_vi("canonical_vi_bom", encoding="utf-8-sig"),
    canonical_vi("canonical_vi_utf16", encoding="utf-16", delimiter="\t"),
    canonical_vi("canonical_vi_1258", encoding="cp1258"),
    canonical_en_clean(),
    canonical_quarantine(),
    canonical_ambiguous(),
    canonical_title_conflict(),
    many("many_a", "8300"),
    many("many_b", "8200"),
    many("many_c", "8300"),
    formula_nocache(),
    canonical_phu_yen_h1_2025(),
    canonical_merger_mixed(),
    summary_q3_2025(),
    projects_cap(),
    projects_no_status(),
    projects_tcvn3_notes(),
]


def broken_files(out: Path) -> None:
    """Files that are not usable tables, each of a different kind."""
    (out / "broken_empty.csv").write_bytes(b"")
    good = (out / "summary_two_row.xlsx").read_bytes()
    (out / "broken_truncated.xlsx").write_bytes(good[: len(good) * 6 // 10])
    cfb = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
    (out / "broken_password.xlsx").write_bytes(
        cfb
        + "EncryptedInfo".encode("utf-16-le")
        + bytes(50)
        + "EncryptedPackage".encode("utf-16-le")
        + bytes(400)
    )
    (out / "broken_old.xls").write_bytes(cfb + "Workbook".encode("utf-16-le") + bytes(400))
    good_xls = (out / "summary_two_row.xls").read_bytes()
    (out / "broken_truncated.xls").write_bytes(good_xls[: len(good_xls) * 6 // 10])
    (out / "broken_password.xls").write_bytes(_encrypted_xls())
    (out / "broken_renamed_pdf.xlsx").write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")
    (out / "broken_renamed_text.xlsx").write_bytes("STT,Tên đề án\n1,x\n".encode())
    (out / "broken_no_table.csv").write_bytes(
        "Báo cáo tình hình khuyến công\nNăm nay các đề án đều hoàn thành tốt.\n".encode()
    )
    (out / "broken_binary.csv").write_bytes(bytes(range(256)) * 4)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr(zipfile.ZipInfo("readme.txt", FIXED_TIME), "not a workbook")
    (out / "broken_zip.xlsx").write_bytes(buf.getvalue())


def main(out: Path = HERE) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for sheet in SHEETS:
        if sheet.csv is not None:
            path = out / f"{sheet.name}.csv"
            write_csv(sheet, path)
            written.append(path)
        if sheet.xlsx:
            path = out / f"{sheet.name}.xlsx"
            write_xlsx(sheet, path)
            written.append(path)
        if sheet.xls:
            path = out / f"{sheet.name}.xls"
            write_xls(sheet, path)
            written.append(path)
    broken_files(out)
    written += sorted(out.glob("broken_*"))
    return written


if __name__ == "__main__":
    for p in main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE):
        print(p.name)
