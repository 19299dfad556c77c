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

_SIDE = {"actual": "thực hiện", "planned": "kế hoạch", "the plan": "kế hoạch"}


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

#: English words whose presence after translation means the message is not known here.
_ENGLISH = re.compile(
    r"\b(the|is|are|not|no|of|and|for|with|row|rows|column|read|kept|project|projects|"
    r"file|loaded|taken|says|from|as|to|in|by|be|or|its|plan|total|figures?)\b",
    re.IGNORECASE,
)
#: A leading "file: Sheet!A1: " of a warning (kept as it is: it names the place).
_PLACE = re.compile(r"^((?:[^:]+: )?[^:!]+![A-Z]+\d+: )")


def ingest_message(text: str, lang: str) -> str:
    """Return a reader's reason or warning in `lang` (English is kept as written).

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
    if not known or _ENGLISH.search(out):
        out = (
            "bộ đọc tệp có ghi chú cho dòng này; xem chi tiết bằng lệnh "
            "“kcanalysis validate” với tệp số liệu"
        )
    return place + out
