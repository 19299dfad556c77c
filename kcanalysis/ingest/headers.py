"""Column headers as Vietnamese (and English) tables write them, per layout.

Aliases are compared folded (no diacritics, lower case, punctuation as spaces, bracketed
units removed), so "Tỉnh, thành phố", "TỈNH/THÀNH PHỐ" and "tinh thanh pho" are one alias.
A header matches an alias exactly or starts with it ("Kinh phí khuyến công hỗ trợ năm
2017"); the longest alias wins.
"""

from __future__ import annotations

import re

from kcanalysis.ingest.row_labels import level_of_text
from kcanalysis.normalize import fold_words

_BRACKETS = re.compile(r"[(\[][^()\[\]]*[)\]]")


def header_key(text: object) -> str:
    """Return the comparison key of a header cell: folded, bracketed parts removed."""
    if text is None:
        return ""
    return fold_words(_BRACKETS.sub(" ", str(text)))


def _table(spec: dict[str, tuple[str, ...]]) -> dict[str, str]:
    out: dict[str, str] = {}
    for target, aliases in spec.items():
        for alias in aliases:
            out[header_key(alias)] = target
    return out


#: Layout 1, the canonical long table: `facts` columns in English or Vietnamese.
CANONICAL = _table({
    "area_code": ("area_code", "Mã tỉnh", "Mã địa bàn", "Mã tỉnh/thành phố"),
    "area_name": ("area_name", "Tỉnh", "Tỉnh, thành phố", "Địa bàn", "Tỉnh/thành phố"),
    # the map a row's area is of: 2008 (63 provinces, to 30/6/2025) or 2025 (34 units)
    "vintage": ("vintage", "Địa giới", "Địa giới hành chính"),
    "year": ("year", "Năm"),
    "period": ("period", "Kỳ", "Kỳ báo cáo"),
    "level": ("level", "Cấp"),
    "activity": ("activity", "Hoạt động"),
    "indicator": ("indicator", "Chỉ tiêu"),
    "unit": ("unit", "Đơn vị", "ĐVT", "Đơn vị tính"),
    "planned": ("planned", "Kế hoạch", "KH"),
    "actual": ("actual", "Thực hiện", "TH"),
    "qualifier": ("qualifier", "Định tính"),
    "source": ("source", "Nguồn"),
    "note": ("note", "Ghi chú"),
})  # fmt: skip

#: Layout 2, the project list (danh sách đề án). Targets other than `projects` columns:
#: stt, location, budget_total, classes, note (read, checked or reported, not stored).
PROJECT = _table({
    "stt": ("STT", "TT", "Số TT", "Số thứ tự"),
    "project_id": ("Mã đề án", "Mã số đề án", "Số hiệu đề án", "project_id"),
    "title": ("Tên đề án", "Nội dung", "Tên dự án", "Tên đề án, dự án", "Nội dung đề án",
              "Tên đề án khuyến công", "title"),
    "beneficiary": ("Đơn vị thụ hưởng", "Đơn vị thực hiện", "Cơ sở thụ hưởng", "Đơn vị chủ trì",
                    "Đối tượng thụ hưởng", "Đơn vị thực hiện đề án", "beneficiary"),
    "location": ("Địa điểm", "Địa điểm thực hiện", "Địa chỉ"),
    "area": ("Tỉnh", "Tỉnh, thành phố", "Mã tỉnh", "area_code"),
    "year": ("Năm", "Năm thực hiện", "year"),
    "level": ("Cấp", "Nguồn vốn", "Nguồn kinh phí", "level"),
    "activity": ("Hoạt động", "Lĩnh vực", "Nội dung hoạt động", "Nhóm hoạt động", "activity"),
    "status": ("Tình trạng", "Trạng thái", "Tiến độ thực hiện", "Kết quả thực hiện", "status"),
    "budget_total": ("Tổng kinh phí", "Tổng vốn", "Tổng kinh phí thực hiện", "Tổng vốn đầu tư"),
    "budget_kc": ("Kinh phí khuyến công hỗ trợ", "KP KCQG", "KP KCĐP", "Kinh phí khuyến công",
                  "Kinh phí KC", "KP KC", "Kinh phí hỗ trợ", "Kinh phí KCQG", "Kinh phí KCĐP",
                  "Kinh phí khuyến công quốc gia", "Kinh phí khuyến công địa phương",
                  "Kinh phí KC hỗ trợ", "Ngân sách hỗ trợ", "budget_kc"),
    "budget_counterpart": ("Vốn đối ứng", "Kinh phí đối ứng", "Vốn của cơ sở", "Vốn cơ sở",
                           "Vốn doanh nghiệp", "Cơ sở đối ứng", "budget_counterpart"),
    "disbursed": ("Giải ngân", "Kinh phí giải ngân", "Đã giải ngân", "Kinh phí đã giải ngân",
                  "Số giải ngân", "disbursed"),
    "trainees": ("Số học viên", "Học viên", "Số lao động được đào tạo", "trainees"),
    "participants": ("Số lao động", "Số người tham gia", "Lượt người", "participants"),
    "classes": ("Số lớp", "Lớp"),
    "models": ("Số mô hình", "Mô hình", "models"),
    "establishments": ("Số cơ sở", "Số cơ sở được hỗ trợ", "Số doanh nghiệp", "establishments"),
    "jobs_created": ("Việc làm mới", "Số việc làm mới", "Giải quyết việc làm",
                     "Tạo việc làm mới", "jobs_created"),
    "completion_pct": ("Tỷ lệ (%) so KH", "Tỷ lệ so KH", "Tỷ lệ % so KH", "Tỷ lệ hoàn thành",
                       "Tiến độ hoàn thành", "% hoàn thành", "completion_pct"),
    "planned_end": ("Thời gian hoàn thành", "Thời hạn hoàn thành", "Thời gian kết thúc",
                    "Hạn hoàn thành", "planned_end"),
    "actual_end": ("Ngày hoàn thành", "Ngày nghiệm thu", "Thời gian nghiệm thu",
                   "Thời gian hoàn thành thực tế", "actual_end"),
    "note": ("Ghi chú",),
})  # fmt: skip

#: Second header row under a money group ("Kinh phí" over "Tổng", "KC hỗ trợ", "Đối ứng").
PROJECT_MONEY_PARTS = _table({
    "budget_total": ("Tổng", "Tổng số", "Tổng cộng"),
    "budget_kc": ("KC hỗ trợ", "Khuyến công hỗ trợ", "Hỗ trợ", "KCQG", "KCĐP", "Khuyến công",
                  "Ngân sách", "Ngân sách nhà nước"),
    "budget_counterpart": ("Đối ứng", "Cơ sở", "Vốn cơ sở", "Cơ sở đối ứng"),
    "disbursed": ("Giải ngân", "Đã giải ngân"),
})  # fmt: skip

#: Layout 3, the summary report: the label column, column groups and their sub-columns.
SUMMARY_LABEL = _table({
    "stt": ("STT", "TT", "Số TT"),
    "label": ("Nội dung", "Hoạt động", "Chỉ tiêu", "Nội dung hoạt động", "Danh mục",
              "Các hoạt động", "Tên chỉ tiêu", "Nội dung chỉ tiêu", "Lĩnh vực"),
    "note": ("Ghi chú",),
})  # fmt: skip
SUMMARY_GROUPS = _table({
    "planned": ("Kế hoạch", "KH", "Kế hoạch giao", "KH giao", "Kế hoạch được giao", "Dự toán"),
    "actual": ("Thực hiện", "TH", "Kết quả thực hiện", "Đã thực hiện", "Kết quả"),
    "estimate": ("Ước TH", "Ước thực hiện", "Ước"),
    "cumulative": ("Lũy kế", "Luỹ kế", "Lũy kế thực hiện"),
    "ratio": ("Tỷ lệ", "So sánh", "% so KH", "Tỷ lệ %", "Tỷ lệ TH/KH"),
})  # fmt: skip
SUMMARY_SUBS = _table({
    "projects": ("Số đề án", "Đề án", "Số dự án"),
    "projects_accepted": ("Số đề án nghiệm thu", "Đề án đã nghiệm thu", "Số đề án đã nghiệm thu"),
    "budget_kc": ("Kinh phí", "Kinh phí KC", "Kinh phí khuyến công", "KP", "Kinh phí hỗ trợ"),
    "budget_total": ("Tổng kinh phí", "Tổng vốn"),
    "budget_counterpart": ("Vốn đối ứng", "Đối ứng", "Kinh phí đối ứng"),
    "disbursed": ("Giải ngân", "Kinh phí giải ngân", "Đã giải ngân"),
    "trainees": ("Số học viên", "Học viên", "Số lao động được đào tạo"),
    "participants": ("Số người tham gia", "Số người", "Lượt người", "Số lượt người"),
    "events": ("Số cuộc", "Cuộc", "Số hội nghị", "Số đoàn"),
    "models": ("Số mô hình", "Mô hình"),
    "establishments": ("Số cơ sở", "Cơ sở", "Số cơ sở được hỗ trợ"),
    "products": ("Số sản phẩm", "Sản phẩm"),
    "jobs_created": ("Việc làm mới", "Số việc làm mới"),
})  # fmt: skip


def match(text: object, table: dict[str, str]) -> tuple[str | None, str]:
    """Return (target, rest) for a header: the alias it is or starts with, and what follows.

    >>> match("Thực hiện 9 tháng", SUMMARY_GROUPS)
    ('actual', '9 thang')
    """
    key = header_key(text)
    if not key:
        return None, ""
    if key in table:
        return table[key], ""
    best = None
    for alias in table:
        if key.startswith(alias + " ") and (best is None or len(alias) > len(best)):
            best = alias
    if best is None:
        return None, ""
    return table[best], key[len(best) + 1 :]


def level_of_header(text: object) -> str | None:
    """Return the programme level a money header names ("KP KCQG" -> "KCQG"), or None."""
    return level_of_text(_BRACKETS.sub(" ", str(text))) if text is not None else None
