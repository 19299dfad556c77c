"""Vocabularies: activity and indicator codes with Vietnamese and English labels and units.

This module is the one place where codes, labels, units and the words that point to them
in Vietnamese documents (section headings, column headers) are kept.
"""

from __future__ import annotations

import unicodedata
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


#: Legal bases of the activities: the decree (and article) that introduced each one.
DECREE_45 = "45/2012"
DECREE_235 = "235/2025"
LEGAL_BASES = {
    DECREE_45: (
        "Nghị định 45/2012/NĐ-CP ngày 21/5/2012 về khuyến công",
        "Decree 45/2012/NĐ-CP of 21/5/2012 on industrial extension",
    ),
    DECREE_235: (
        "Nghị định 235/2025/NĐ-CP ngày 27/8/2025 sửa đổi, bổ sung Nghị định 45/2012/NĐ-CP",
        "Decree 235/2025/NĐ-CP of 27/8/2025 amending Decree 45/2012/NĐ-CP",
    ),
}
#: The year from which reports name Decree 235 beside Decree 45 (in force 15/10/2025; the
#: 2026-2030 programme is the first planned under it).
DECREE_235_FROM_YEAR = 2026


@dataclass(frozen=True)
class Term:
    """One code of a vocabulary, with its labels and unit.

    An activity also records the decree that introduced it (`basis`, a key of
    `LEGAL_BASES`) and its typical indicators.
    """

    code: str
    vi: str
    en: str
    unit: str = ""
    parent: str | None = None
    basis: str = DECREE_45
    indicators: tuple[str, ...] = ()

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
        Term(
            "INTL",
            "Hợp tác quốc tế về khuyến công",
            "International cooperation on industrial extension",
            indicators=("events", "participants"),
        ),
        # Added by Decree 235/2025/NĐ-CP (amending Decree 45/2012/NĐ-CP).
        Term(
            "DIGI",
            "Chuyển đổi số, ứng dụng công nghệ số, thương mại điện tử",
            "Digital transformation, digital technology and e-commerce",
            basis=DECREE_235,
            indicators=("establishments",),
        ),
        Term(
            "SUST",
            "Sản xuất và tiêu dùng bền vững, kinh tế tuần hoàn",
            "Sustainable production and consumption, circular economy",
            basis=DECREE_235,
            indicators=("establishments",),
        ),
        Term(
            "ARTI",
            "Hỗ trợ, tôn vinh nghệ nhân, thợ giỏi",
            "Support and honouring of artisans and skilled workers",
            basis=DECREE_235,
            indicators=("artisans",),
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
        Term(
            "artisans",
            "Số nghệ nhân, thợ giỏi được hỗ trợ, tôn vinh",
            "Artisans and skilled workers supported or honoured",
            PERSONS,
        ),
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
#: Phrases that need their diacritics to be told apart ("công nghệ số" is digital
#: technology, "công nghệ sơ chế" is processing machinery), matched on the lower-case NFC
#: text before the folded keywords below.
ACTIVITY_PHRASES_DIACRITIC: tuple[tuple[str, str], ...] = (
    ("công nghệ số", "DIGI"),
    ("số hóa", "DIGI"),
    ("số hoá", "DIGI"),
)
#: Folded phrases match whole words only ("dao tao" is not "dao taoo").
ACTIVITY_KEYWORDS: tuple[tuple[str, str], ...] = (
    # Decree 235/2025 activities first: their phrases are specific.
    ("chuyen doi so", "DIGI"),
    ("thuong mai dien tu", "DIGI"),
    ("san xuat va tieu dung ben vung", "SUST"),
    ("tieu dung ben vung", "SUST"),
    ("san xuat ben vung", "SUST"),
    ("kinh te tuan hoan", "SUST"),
    ("ton vinh", "ARTI"),
    ("nghe nhan tho gioi", "ARTI"),
    ("ho tro nghe nhan", "ARTI"),
    ("hop tac quoc te", "INTL"),
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
    ("nghe nhan", "ARTI"),
    ("tho gioi", "ARTI"),
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
    lowered = unicodedata.normalize("NFC", text).lower()
    for phrase, code in ACTIVITY_PHRASES_DIACRITIC:
        if phrase in lowered:
            return code
    folded = f" {fold_words(text)} "
    for phrase, code in ACTIVITY_KEYWORDS:
        if f" {phrase} " in folded:
            return code
    return None


def legal_basis(year: int, lang: str = "vi") -> str:
    """Return the legal basis a report of `year` names.

    >>> legal_basis(2024)
    'Nghị định 45/2012/NĐ-CP'
    >>> legal_basis(2026)
    'Nghị định 45/2012/NĐ-CP, sửa đổi bởi Nghị định 235/2025/NĐ-CP'
    """
    if year >= DECREE_235_FROM_YEAR:
        return (
            "Nghị định 45/2012/NĐ-CP, sửa đổi bởi Nghị định 235/2025/NĐ-CP"
            if lang == "vi"
            else "Decree 45/2012/NĐ-CP as amended by Decree 235/2025/NĐ-CP"
        )
    return "Nghị định 45/2012/NĐ-CP" if lang == "vi" else "Decree 45/2012/NĐ-CP"


def activities_of_basis(basis: str) -> tuple[str, ...]:
    """Return the activity codes a decree introduced (`DECREE_45` or `DECREE_235`)."""
    return tuple(c for c, t in ACTIVITIES.items() if t.basis == basis and c != "ALL")


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
