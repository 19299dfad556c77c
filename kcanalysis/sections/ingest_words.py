"""The file reader's reasons and warnings in the report's language.

The reader (`kcanalysis.ingest`) writes its quarantine reasons and warnings in English, for
the command line. A Vietnamese report shows each of them in Vietnamese: the known messages
through the patterns below, any other one as a general sentence that says where to see
the details, so that no English text reaches a Vietnamese reader.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from kcanalysis import vocab
from kcanalysis.text import check_lang, format_number

_SIDE = {
    "actual": "thực hiện",
    "planned": "kế hoạch",
    "the plan": "kế hoạch",
    # the project list's value columns (`kcanalysis.schema.PROJECT_MONEY`/`PROJECT_OUTPUTS`)
    "budget_kc": "kinh phí khuyến công",
    "budget_counterpart": "vốn đối ứng",
    "budget_total": "tổng kinh phí",
    "disbursed": "giải ngân",
    "trainees": "học viên",
    "participants": "người tham gia",
    "models": "mô hình",
    "establishments": "cơ sở",
    "jobs_created": "việc làm mới",
}


def _num(text: str) -> str:
    return format_number(float(text), "vi", 0 if float(text).is_integer() else 1)


def _indicator(code: str) -> str:
    return vocab.indicator_label(code, "vi").lower() if code in vocab.INDICATORS else code


def _unit(text: str) -> str:
    return {"million VND": "triệu đồng", "count": "đơn vị đếm", "persons": "người"}.get(text, text)


_Sub = str | Callable[[re.Match], str]

#: (pattern, Vietnamese replacement) of the reader's messages, most specific first.
_PATTERNS: tuple[tuple[re.Pattern, _Sub], ...] = (
    (
        re.compile(r"unknown province '(.+?)' \(did you mean: (.+?)\)"),
        r"không nhận ra tỉnh “\1” (có thể là: \2)",
    ),
    (re.compile(r"unknown province '(.+?)'"), r"không nhận ra tỉnh “\1”"),
    (
        re.compile(r"negative amount (-?[\d.]+) in (\w+); amounts are >= 0"),
        lambda m: f"số âm {_num(m[1])} ở cột {_SIDE.get(m[2], m[2])}; số liệu phải không âm",
    ),
    (re.compile(r"negative amount (-?[\d.]+)"), lambda m: f"số âm {_num(m[1])}"),
    (re.compile(r"text '(.+?)' where a number is expected"), r"ô ghi chữ “\1” thay vì một số"),
    (
        re.compile(r"year (\d{4}) is outside the data \((\d{4})-(\d{4})\)"),
        r"năm \1 nằm ngoài phạm vi số liệu (\2–\3)",
    ),
    (
        re.compile(r"year (\d{4}) is outside the data: (.+?) says (\d{4})"),
        r"năm \1 khác với năm \3 ghi ở \2",
    ),
    (
        re.compile(
            r"duplicate of row (\d+): same area, year, period, level, activity and indicator"
        ),
        r"trùng với dòng \1 (cùng tỉnh, năm, kỳ, cấp, nội dung và chỉ tiêu)",
    ),
    (
        re.compile(r"activity '(.+?)' is not understood; use a code or words listed in \S+"),
        r"không nhận ra nội dung hoạt động “\1”; hãy ghi tên nội dung theo danh mục khuyến công",
    ),
    (
        re.compile(r"activity (.+?) is not recognised; add its words to \S+"),
        r"không nhận ra nội dung hoạt động \1; hãy ghi tên nội dung theo danh mục khuyến công",
    ),
    (
        re.compile(r"unit '(.+?)' does not fit indicator (\w+) \((.+?)\)"),
        lambda m: f"đơn vị “{m[1]}” không hợp với chỉ tiêu {_indicator(m[2])} ({_unit(m[3])})",
    ),
    (
        re.compile(r"row inside the table with no indicator and no amount"),
        "dòng trong bảng không có chỉ tiêu và không có số liệu",
    ),
    (
        re.compile(
            r"section carries figures but lists no project under it; give the projects or "
            r"load it as a summary table"
        ),
        "mục có số liệu nhưng không liệt kê đề án nào; hãy ghi các đề án, hoặc nạp tệp "
        "như một bảng tổng hợp",
    ),
    (
        re.compile(r"no figure: planned and actual are both empty"),
        "không có số liệu: cả kế hoạch và thực hiện đều trống",
    ),
    (re.compile(r"area (.+?) differs from (.+?) given by (.+)"), r"tỉnh \1 khác với \2 ghi ở \3"),
    (
        re.compile(
            r"(actual|planned) (-?[\d.]+) is ([\d.]+) times (the plan|actual|planned) "
            r"(-?[\d.]+) \(beyond the sane bound of ([\d.]+)x\); kept, please check"
        ),
        lambda m: (
            f"{_SIDE.get(m[1], m[1])} {_num(m[2])} gấp {_num(m[3])} lần "
            f"{_SIDE.get(m[4], m[4])} {_num(m[5])} (vượt ngưỡng hợp lý {_num(m[6])} lần); "
            "vẫn giữ, đề nghị kiểm tra lại"
        ),
    ),
    (
        re.compile(
            r"'(.+?)' is approximate \('(.)'\); the project list keeps ([\d.]+) without the "
            r"qualifier"
        ),
        lambda m: (
            f"“{m[1]}” là số ước lượng; danh sách đề án giữ {_num(m[3])}, bỏ ghi chú ước lượng"
        ),
    ),
    (
        re.compile(
            r"percentage ([\d.]+)% is above 100%: the project is loaded with an empty "
            r"completion_pct"
        ),
        lambda m: (
            f"tỷ lệ {_num(m[1])}% vượt quá 100%: đề án vẫn được nạp, bỏ trống mức độ hoàn thành"
        ),
    ),
)

#: Why an ambiguous cell was read one way (`kcanalysis.ingest.numbers`).
_WHY = {
    "the column's other values use Vietnamese separators": (
        "các số khác trong cột dùng dấu phân cách kiểu Việt Nam"
    ),
    "the column's other values use English separators": (
        "các số khác trong cột dùng dấu phân cách kiểu tiếng Anh"
    ),
    "no other value in the column shows the convention, so the Vietnamese one": (
        "không số nào khác trong cột cho biết cách ghi, nên đọc theo kiểu Việt Nam"
    ),
    "counts are whole numbers": "số đếm phải là số nguyên",
}
_OTHER_READING = re.compile(
    r"the other reading, ([\d.]+) million VND, is beyond the plausible ([\d.]+) for one cell"
)


def _why(text: str) -> str:
    m = _OTHER_READING.fullmatch(text)
    if m:
        return f"cách đọc kia, {m[1]} triệu đồng, vượt mức hợp lý {m[2]} triệu đồng cho một ô"
    return _WHY.get(text, text)


def _when(text: str) -> str:
    """ "FY 2025" -> "cả năm 2025", "M6" -> "6 tháng đầu năm"."""
    from kcanalysis.sections.words import period_label

    period, _, year = text.partition(" ")
    words = period_label(period, "vi")
    words = words[0].lower() + words[1:]
    return f"{words} {year}".strip()


def _merger(text: str) -> str:
    """ "Phú Yên (54) joined Đắk Lắk (66) on 1 July 2025" in Vietnamese."""
    m = re.fullmatch(r"(.+?) joined (.+?) on 1 July 2025", text)
    if m:
        return f"{m[1]} sáp nhập vào {m[2]} từ 1/7/2025"
    m = re.fullmatch(r"(.+?) was formed from (.+?) on 1 July 2025", text)
    if m:
        return f"{m[1]} được hợp nhất từ {m[2].replace(' and ', ' và ')} từ 1/7/2025"
    m = re.fullmatch(r"region (.+?) changed its members on 1 July 2025", text)
    if m:
        return f"vùng {m[1]} thay đổi thành phần từ 1/7/2025"
    return text


_LEGACY_FONT = {"TCVN3 (ABC)": "TCVN3 (ABC)", "VNI": "VNI"}
_SIDE_WORD = {"plan": "kế hoạch", "actual": "thực hiện"}
_STATUS = {"completed": "hoàn thành", "ongoing": "đang thực hiện", "planned": "kế hoạch"}

#: The reader's notes and readings (what `kcanalysis validate --lang vi` also prints).
_PATTERNS += (
    (
        re.compile(r"ambiguous '(.+?)' read as ([\d.]+)( million VND)?: (.+)$"),
        lambda m: (
            f"“{m[1]}” có thể đọc hai cách; đã đọc là {_num(m[2])}"
            f"{' triệu đồng' if m[3] else ''}: {_why(m[4])}"
        ),
    ),
    (re.compile(r"column ([A-Z]+) \('(.+?)'\) is not loaded"), r"cột \1 (“\2”) không được nạp"),
    (
        re.compile(
            r"column ([A-Z]+) \('(.+?)'\) is read but not stored: the project table has no "
            r"field for it"
        ),
        r"cột \1 (“\2”) được đọc nhưng không lưu: bảng đề án không có trường cho cột này",
    ),
    (
        re.compile(r"column '(.+?)' read as (planned|actual) for (\w+(?: \d{4})?)$"),
        lambda m: f"cột “{m[1]}” được đọc là {_SIDE[m[2]]} của {_when(m[3])}",
    ),
    (
        re.compile(
            r"column '(.+?)' gives the (plan|actual) figures for (\w+ \d{4}) \((.+?)\), but "
            r"the rows' area changed in the merger \((.+?)\): (\d+) figure\(s\) not loaded\. "
            r"Take the figures for (\w+ \d{4}) from the report of the unit of that period"
        ),
        lambda m: (
            f"cột “{m[1]}” ghi số liệu {_SIDE_WORD[m[2]]} của {_when(m[3])} "
            f"({'từ 1/7/2025' if m[4].startswith('from') else 'trước 1/7/2025'}), nhưng địa "
            f"bàn của các dòng đã thay đổi khi sắp xếp ({_merger(m[5])}): {m[6]} số liệu "
            f"không được nạp. Hãy lấy số liệu {_when(m[7])} từ báo cáo của đơn vị hành chính "
            "của kỳ đó"
        ),
    ),
    (
        re.compile(
            r"the (plan|actual) in column '(.+?)' is for (\w+ \d{4}), and (.+?): not loaded, "
            r"and the row has no other figure"
        ),
        lambda m: (
            f"số liệu {_SIDE_WORD[m[1]]} ở cột “{m[2]}” là của {_when(m[3])}, và "
            f"{_merger(m[4])}: không được nạp, dòng này không có số liệu nào khác"
        ),
    ),
    (
        re.compile(r"no activity column: the rows are totals over all activities \(ALL\)"),
        "không có cột nội dung hoạt động: các dòng là tổng của mọi nội dung",
    ),
    (
        re.compile(
            r"no level column and no 'khuyến công quốc gia/địa phương' in the title: the rows "
            r"are totals over both levels \(ALL\)"
        ),
        "không có cột cấp và tiêu đề không ghi “khuyến công quốc gia/địa phương”: các dòng "
        "là tổng của cả hai cấp",
    ),
    (
        re.compile(r"activity inferred from the project title for (\d+) project\(s\)"),
        r"nội dung hoạt động được suy ra từ tên đề án cho \1 đề án",
    ),
    (
        re.compile(
            r"no status column: projects at 100% are 'completed', the others 'ongoing'; the "
            r"number accepted \(nghiệm thu\) is not known and is left missing"
        ),
        "không có cột tình trạng: đề án đạt 100% được coi là “hoàn thành”, các đề án khác "
        "“đang thực hiện”; số đề án đã nghiệm thu không biết nên để trống",
    ),
    (
        re.compile(r"counterpart funds computed as total - extension funds for (\d+) project\(s\)"),
        r"vốn đối ứng được tính bằng tổng vốn trừ kinh phí khuyến công cho \1 đề án",
    ),
    (
        re.compile(
            r"the title \((.+?)\) says this is a plan and no column reports progress: the "
            r"projects are 'planned' and the facts carry planned figures only"
        ),
        r"tiêu đề (\1) cho biết đây là kế hoạch và không cột nào báo cáo tiến độ: các đề án "
        r"là “kế hoạch” và chỉ có số liệu kế hoạch",
    ),
    (
        re.compile(
            r"text typed in the legacy (.+?) font encoding was converted to Unicode "
            r"\((\d+) distinct text values\)"
        ),
        r"chữ gõ bằng bảng mã cũ \1 đã được chuyển sang Unicode (\2 giá trị chữ khác nhau)",
    ),
    (
        re.compile(
            r"formula (.*?) ?has no cached value \(the file was saved by a program that does "
            r"not calculate\); the cell is read as empty\. Open and save the file in Excel or "
            r"LibreOffice\."
        ),
        r"công thức \1 không có giá trị đã tính (tệp được lưu bởi một chương trình không tính "
        r"công thức); ô được coi là trống. Hãy mở và lưu lại tệp bằng Excel hoặc LibreOffice.",
    ),
    (
        re.compile(
            r"subtotal '(.+?)' says ([\d.,]+) but rows (\S+) add up to ([\d.,]+); the rows are "
            r"loaded, the subtotal dropped"
        ),
        r"dòng cộng “\1” ghi \2 nhưng các dòng \3 cộng lại được \4; các dòng được nạp, "
        r"dòng cộng bị bỏ",
    ),
    (
        re.compile(r"rows (\S+) are blank in column ([A-Z]+)"),
        r"các dòng \1 để trống ở cột \2",
    ),
    (
        re.compile(
            r"breakdown '(.+?)' says ([\d.,]+) but the (\d+) loaded project\(s\) of (\w+) add "
            r"up to ([\d.,]+); the projects are loaded, the breakdown row is not"
        ),
        lambda m: (
            f"dòng chi tiết “{m[1]}” ghi {m[2]} nhưng {m[3]} đề án đã nạp thuộc "
            f"{_activity(m[4])} cộng lại được {m[5]}; các đề án được nạp, dòng chi tiết thì không"
        ),
    ),
    (
        re.compile(
            r"disbursed ([\d.]+) is ([\d.]+) times the extension funds ([\d.]+) \(beyond the "
            r"sane bound of ([\d.]+)x\); kept, please check"
        ),
        lambda m: (
            f"số giải ngân {_num(m[1])} gấp {_num(m[2])} lần kinh phí khuyến công {_num(m[3])} "
            f"(vượt ngưỡng hợp lý {_num(m[4])} lần); vẫn giữ, đề nghị kiểm tra lại"
        ),
    ),
    (re.compile(r"duplicate project: same as row (\d+)"), r"đề án trùng: giống dòng \1"),
)


def _activity(code: str) -> str:
    return vocab.activity_label(code, "vi").lower() if code in vocab.ACTIVITIES else code


#: English words whose presence after translation means the message is not known here.
_ENGLISH = re.compile(
    r"\b(the|is|are|not|no|of|and|for|with|row|rows|column|read|kept|project|projects|"
    r"file|loaded|taken|says|from|as|to|in|by|be|or|its|plan|total|figures?)\b",
    re.IGNORECASE,
)
#: A leading "file: Sheet!A1: " of a warning (kept as it is: it names the place).
_PLACE = re.compile(r"^((?:[^:]+: )?[^:!]+![A-Z]+\d+: )")


def ingest_message(text: str, lang: str, unknown: str = "general") -> str:
    """Return a reader's reason or warning in `lang` (English is kept as written).

    A message with no Vietnamese wording yet becomes, with ``unknown="general"`` (for a
    report), a general sentence that says where to see the details; with
    ``unknown="original"`` (for `kcanalysis validate`, which is where the details are),
    it is kept as written, marked as untranslated, so that nothing is lost.

    >>> ingest_message("negative amount -8300 in actual; amounts are >= 0", "vi")
    'số âm -8.300 ở cột thực hiện; số liệu phải không âm'
    """
    if check_lang(lang) == "en":
        return text
    m = _PLACE.match(text)
    place, body = (m[1], text[m.end() :]) if m else ("", text)
    out, known = body, False
    for pattern, vi in _PATTERNS:
        out, n = pattern.subn(vi, out)
        known = known or n > 0
    if (not known or _ENGLISH.search(out)) and unknown == "original":
        out = f"(chưa có bản tiếng Việt) {body}"
    elif not known or _ENGLISH.search(out):
        out = (
            "bộ đọc tệp có ghi chú cho dòng này; xem chi tiết bằng lệnh "
            "“kcanalysis validate” với tệp số liệu"
        )
    return place + out


# ---------------------------------------------------------------- `kcanalysis validate`

#: The words of `kcanalysis validate`'s own lines: key -> (Vietnamese, English).
VALIDATE_WORDS: dict[str, tuple[str, str]] = {
    "notes": ("Ghi chú", "Notes"),
    "warnings": ("Cảnh báo", "Warnings"),
    "readings": ("Cách đọc cần kiểm tra", "Readings to check"),
    "quarantined": ("Các dòng bị cách ly", "Quarantined rows"),
    "more": ("... và {n} mục nữa", "... and {n} more"),
    "written": ("Đã ghi các dòng bị cách ly vào {path}", "Quarantined rows written to {path}"),
    "nothing": ("Không nạp được gì.", "Nothing could be loaded."),
    "totals": (
        "Tổng số liệu đã nạp theo cấp và nội dung:",
        "Totals loaded per level and activity:",
    ),
    "projects": (
        "Đề án:     nạp {n} đề án, tổng hợp thành {facts} số liệu",
        "Projects:   {n} loaded, aggregated into {facts} facts",
    ),
    "error": ("lỗi", "error"),
}

_LAYOUTS_VI = {
    "canonical": "bảng số liệu chuẩn",
    "summary": "báo cáo tổng hợp",
    "projects": "danh sách đề án",
}
_KINDS_VI = {
    "title": "tiêu đề",
    "header": "dòng tên cột",
    "section": "đề mục",
    "subtotal": "dòng cộng",
    "note": "ghi chú",
    "blank": "dòng trống",
}
_LEVELS_VI = {"KCQG": "quốc gia", "KCDP": "địa phương", "ALL": "tổng"}


_ENCODING_WORDS = {
    "converted to Unicode": "đã chuyển sang Unicode",
    "comma-separated": "phân cách bằng dấu phẩy",
    "semicolon-separated": "phân cách bằng dấu chấm phẩy",
    "tab-separated": "phân cách bằng dấu tab",
}


def validate_word(key: str, lang: str, **fields: object) -> str:
    """Return one of `kcanalysis validate`'s own words in `lang`, `fields` filled in."""
    text = VALIDATE_WORDS[key][0 if check_lang(lang) == "vi" else 1]
    return text.format(**fields) if fields else text


def summary_lines_vi(report) -> list[str]:
    """Return `IngestReport.summary_lines` in Vietnamese."""
    kinds = ", ".join(f"{_KINDS_VI.get(k, k)} {n}" for k, n in report.structural_kinds().items())
    encoding = report.encoding
    for en, vi in _ENCODING_WORDS.items():
        encoding = encoding.replace(en, vi)
    unit = report.money_unit.replace("million VND", "triệu đồng").replace(
        "(unit line", "(dòng ghi đơn vị"
    )
    return [
        f"Tệp:        {report.path.name} (trang {report.sheet!r}; {encoding})",
        f"Bố cục:     {_LAYOUTS_VI.get(report.layout, report.layout)}",
        f"Địa bàn:    {report.area_code or '(theo từng dòng)'}",
        f"Năm:        {report.year or '(theo từng dòng)'}    "
        f"Kỳ: {_when(report.period) if report.period else '(theo từng dòng, mặc định: cả năm)'}",
        f"Đơn vị tiền: {unit} (nạp theo triệu đồng)",
        f"Số dòng:    {report.n_rows} = nạp {report.loaded} + dòng cấu trúc {report.structural}"
        f"{f' ({kinds})' if kinds else ''} + cách ly {report.quarantined}",
    ]


def totals_heads(lang: str) -> tuple[str, ...]:
    """Return the column heads of `kcanalysis validate`'s table of totals."""
    if check_lang(lang) == "vi":
        return ("cấp", "nội dung", "chỉ tiêu", "kế hoạch", "thực hiện", "đơn vị")
    return ("level", "activity", "indicator", "planned", "actual", "unit")


def totals_cells(level: str, activity: str, indicator: str, unit: str, lang: str) -> tuple:
    """Return (level, activity, indicator, unit) as `kcanalysis validate` shows them."""
    if check_lang(lang) == "en":
        return level, activity, indicator, unit
    return (
        _LEVELS_VI.get(level, level),
        _activity(activity) if activity != "ALL" else "tổng",
        _indicator(indicator),
        _unit(unit),
    )


def when_cells(key: str, value: object, lang: str, head: bool = False) -> str:
    """Return a year, period or map vintage (or, with `head`, its column head) as
    `kcanalysis validate` shows it."""
    if check_lang(lang) == "en":
        return str(value)
    if head:
        return {"year": "năm", "period": "kỳ", "vintage": "địa giới"}[key]
    if key == "period":
        return _when(str(value))
    if key == "vintage":
        from kcanalysis.periods import vintage_label

        return vintage_label(str(value), "vi")
    return str(value)
