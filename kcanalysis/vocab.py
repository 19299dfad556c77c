"""Vocabularies: activity and indicator codes with Vietnamese and English labels and units.

This module is the one place where codes, labels, units and the words that point to them
in Vietnamese documents (section headings, column headers) are kept.
"""

from __future__ import annotations

from dataclasses import dataclass

from kcanalysis.normalize import fold_words

#: Unit of every money column and indicator: million VND (triệu đồng).
MONEY_UNIT = "million VND"
PERSONS = "persons"
COUNT = "count"

LEVELS = ("KCQG", "KCDP", "ALL")
LEVEL_LABELS = {
    "KCQG": ("Khuyến công quốc gia", "National programme"),
    "KCDP": ("Khuyến công địa phương", "Local programme"),
    "ALL": ("Tất cả các cấp", "All levels"),
}
QUALIFIERS = ("", ">", "<", "~")


@dataclass(frozen=True)
class Term:
    """One code of a vocabulary, with its labels and unit."""

    code: str
    vi: str
    en: str
    unit: str = ""
    parent: str | None = None

    def label(self, lang: str = "vi") -> str:
        """Return the label in `lang` ("vi" or "en")."""
        return self.vi if lang == "vi" else self.en


ACTIVITIES: dict[str, Term] = {
    t.code: t
    for t in (
        Term("TRAIN", "Đào tạo nghề, truyền nghề", "Vocational training"),
        Term(
            "MGMT",
            "Nâng cao năng lực quản lý, khởi sự doanh nghiệp",
            "Management and start-up training",
        ),
        Term("CONF", "Hội nghị, hội thảo, tập huấn", "Training conferences", parent="MGMT"),
        Term("TOUR", "Tham quan, khảo sát học tập kinh nghiệm", "Study tours", parent="MGMT"),
        Term("DEMO", "Mô hình trình diễn kỹ thuật", "Technical demonstration models"),
        Term(
            "MACH",
            "Ứng dụng máy móc thiết bị tiên tiến, chuyển giao công nghệ",
            "Advanced machinery and technology transfer",
        ),
        Term(
            "PROD",
            "Sản phẩm công nghiệp nông thôn tiêu biểu, hội chợ, triển lãm",
            "Typical rural industrial products, fairs and exhibitions",
        ),
        Term(
            "CONS",
            "Tư vấn, hỗ trợ cơ sở công nghiệp nông thôn",
            "Consulting for rural industrial establishments",
        ),
        Term("INFO", "Thông tin tuyên truyền", "Information and communication"),
        Term(
            "CLUS",
            "Liên kết, hợp tác, phát triển cụm công nghiệp",
            "Linkages and industrial clusters",
        ),
        Term("SXSH", "Sản xuất sạch hơn", "Cleaner production"),
        Term(
            "CAP",
            "Nâng cao năng lực tổ chức thực hiện khuyến công",
            "Capacity of extension centres and staff",
        ),
        Term(
            "INVEST",
            "Hỗ trợ vốn đầu tư, dự án công nghiệp – tiểu thủ công nghiệp",
            "Investment support for local industry and handicraft",
        ),
        Term("OTHER", "Hoạt động khác", "Other activities"),
        Term("ALL", "Tất cả hoạt động", "All activities"),
    )
}

INDICATORS: dict[str, Term] = {
    t.code: t
    for t in (
        Term("projects", "Số đề án", "Projects", COUNT),
        Term("projects_accepted", "Số đề án đã nghiệm thu", "Projects accepted", COUNT),
        Term("budget_kc", "Kinh phí khuyến công", "Extension funds", MONEY_UNIT),
        Term("budget_counterpart", "Vốn đối ứng", "Counterpart funds", MONEY_UNIT),
        Term("budget_total", "Tổng kinh phí", "Total funds", MONEY_UNIT),
        Term("disbursed", "Kinh phí đã giải ngân", "Funds disbursed", MONEY_UNIT),
        Term("trainees", "Số học viên", "Trainees", PERSONS),
        Term("events", "Số cuộc", "Events", COUNT),
        Term("participants", "Số người tham gia", "Participants", PERSONS),
        Term("models", "Số mô hình trình diễn", "Demonstration models", COUNT),
        Term(
            "models_over_half_complete",
            "Số mô hình hoàn thành trên 50%",
            "Models over half complete",
            COUNT,
        ),
        Term("establishments", "Số cơ sở được hỗ trợ", "Establishments supported", COUNT),
        Term("products", "Số sản phẩm", "Products", COUNT),
        Term("jobs_created", "Số việc làm mới", "New jobs", PERSONS),
    )
}

MONEY_INDICATORS = tuple(k for k, t in INDICATORS.items() if t.unit == MONEY_UNIT)

#: Project statuses of the `projects` table.
PROJECT_STATUSES = ("planned", "ongoing", "completed", "accepted", "cancelled")
STATUS_LABELS = {
    "planned": ("Chưa triển khai", "Planned"),
    "ongoing": ("Đang thực hiện", "Ongoing"),
    "completed": ("Hoàn thành", "Completed"),
    "accepted": ("Đã nghiệm thu", "Accepted"),
    "cancelled": ("Đã hủy", "Cancelled"),
}

#: Words in Vietnamese section headings and activity columns, folded (no diacritics, lower
#: case), mapped to activity codes. The first match in this order wins, so specific phrases
#: come before general ones.
ACTIVITY_KEYWORDS: tuple[tuple[str, str], ...] = (
    ("san xuat sach hon", "SXSH"),
    ("mo hinh trinh dien", "DEMO"),
    ("trinh dien ky thuat", "DEMO"),
    ("mo hinh tdkt", "DEMO"),
    # Before the MGMT phrases: "Nâng cao năng lực quản lý và tổ chức thực hiện chương
    # trình khuyến công" is the capacity of the programme's own staff, not firms' managers.
    ("to chuc thuc hien chuong trinh khuyen cong", "CAP"),
    ("to chuc thuc hien khuyen cong", "CAP"),
    ("khoi su", "MGMT"),
    ("nang cao nang luc quan ly", "MGMT"),
    ("quan ly doanh nghiep", "MGMT"),
    ("hoi nghi", "CONF"),
    ("hoi thao", "CONF"),
    ("tap huan", "CONF"),
    ("tham quan", "TOUR"),
    ("khao sat hoc tap", "TOUR"),
    ("dao tao nghe", "TRAIN"),
    ("truyen nghe", "TRAIN"),
    ("dao tao", "TRAIN"),
    ("may moc", "MACH"),
    ("mmtb", "MACH"),
    ("thiet bi tien tien", "MACH"),
    ("chuyen giao cong nghe", "MACH"),
    ("san pham cong nghiep nong thon", "PROD"),
    ("san pham tieu bieu", "PROD"),
    ("san pham cnnt", "PROD"),
    ("binh chon san pham", "PROD"),
    ("hoi cho", "PROD"),
    ("trien lam", "PROD"),
    ("phong trung bay", "PROD"),
    ("trung bay", "PROD"),
    ("thuong hieu", "PROD"),
    ("tu van", "CONS"),
    ("thong tin tuyen truyen", "INFO"),
    ("tuyen truyen", "INFO"),
    ("cum cong nghiep", "CLUS"),
    ("cum cn", "CLUS"),
    ("xu ly o nhiem", "SXSH"),
    ("lien doanh lien ket", "CLUS"),
    ("lien ket", "CLUS"),
    ("nang cao nang luc", "CAP"),
    ("trung tam khuyen cong", "CAP"),
    ("von dau tu", "INVEST"),
    ("du an dau tu", "INVEST"),
    ("co thu hoi", "INVEST"),
    ("hoat dong khac", "OTHER"),
)


def activity_of_text(text: str) -> str | None:
    """Return the activity code that a Vietnamese heading or label names, or None.

    >>> activity_of_text("1. Đào tạo nghề, truyền nghề")
    'TRAIN'
    >>> activity_of_text("Mô hình trình diễn kỹ thuật")
    'DEMO'
    >>> activity_of_text("CAP")  # a code, as the facts and projects tables write it
    'CAP'

    "ALL" is not an activity of a row or a project; it gives None.
    """
    code = text.strip().upper()
    if code in ACTIVITIES and code != "ALL":
        return code
    folded = fold_words(text)
    for phrase, code in ACTIVITY_KEYWORDS:
        if phrase in folded:
            return code
    return None


def rollup_activity(code: str) -> str:
    """Return the activity a code rolls up to (CONF and TOUR roll up to MGMT)."""
    term = ACTIVITIES[code]
    return term.parent or term.code


def activity_label(code: str, lang: str = "vi") -> str:
    """Return the label of an activity code in `lang`."""
    return ACTIVITIES[code].label(lang)


def indicator_label(code: str, lang: str = "vi") -> str:
    """Return the label of an indicator code in `lang`."""
    return INDICATORS[code].label(lang)


def unit_of(indicator: str) -> str:
    """Return the canonical unit of an indicator ("million VND", "persons" or "count")."""
    return INDICATORS[indicator].unit
