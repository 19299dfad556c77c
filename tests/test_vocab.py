import pytest

from kcanalysis import vocab
from kcanalysis.normalize import to_ascii


def test_activity_codes_are_exactly_the_designed_ones():
    assert list(vocab.ACTIVITIES) == [
        "TRAIN",
        "MGMT",
        "CONF",
        "TOUR",
        "DEMO",
        "MACH",
        "PROD",
        "CONS",
        "INFO",
        "CLUS",
        "SXSH",
        "CAP",
        "INVEST",
        "INTL",
        "DIGI",
        "SUST",
        "ARTI",
        "OTHER",
        "ALL",
    ]


def test_indicator_codes_are_exactly_the_designed_ones():
    assert list(vocab.INDICATORS) == [
        "projects",
        "projects_accepted",
        "budget_kc",
        "budget_counterpart",
        "budget_total",
        "disbursed",
        "trainees",
        "events",
        "participants",
        "models",
        "models_over_half_complete",
        "establishments",
        "products",
        "jobs_created",
        "artisans",
    ]


def test_decree_235_activities_record_their_basis_and_indicators():
    # Decree 235/2025/NĐ-CP adds digital transformation, sustainable production and
    # consumption, and support for artisans; international cooperation was in Decree 45.
    assert vocab.activities_of_basis(vocab.DECREE_235) == ("DIGI", "SUST", "ARTI")
    assert vocab.ACTIVITIES["INTL"].basis == vocab.DECREE_45
    assert vocab.ACTIVITIES["DIGI"].indicators == ("establishments",)
    assert vocab.ACTIVITIES["ARTI"].indicators == ("artisans",)
    for code in vocab.ACTIVITIES:
        assert vocab.ACTIVITIES[code].basis in vocab.LEGAL_BASES
        assert set(vocab.ACTIVITIES[code].indicators) <= set(vocab.INDICATORS)


@pytest.mark.parametrize(
    ("heading", "code"),
    [
        ("1. Hỗ trợ chuyển đổi số cho cơ sở công nghiệp nông thôn", "DIGI"),
        ("Ứng dụng công nghệ số trong quản lý sản xuất", "DIGI"),
        ("Hỗ trợ tham gia sàn thương mại điện tử", "DIGI"),
        ("II. Sản xuất và tiêu dùng bền vững", "SUST"),
        ("Áp dụng mô hình kinh tế tuần hoàn", "SUST"),
        ("Hỗ trợ, tôn vinh nghệ nhân, thợ giỏi", "ARTI"),
        ("Hợp tác quốc tế về khuyến công", "INTL"),
        # Whole words only: "công nghệ sơ chế" is machinery, not digital technology.
        ("Ứng dụng máy móc công nghệ sơ chế cà phê", "MACH"),
        # Cleaner production stays apart from sustainable production.
        ("Hỗ trợ áp dụng sản xuất sạch hơn", "SXSH"),
        # Training given by an artisan is still training.
        ("Đào tạo nghề, truyền nghề do nghệ nhân hướng dẫn", "TRAIN"),
    ],
)
def test_decree_235_headings_name_their_activity(heading, code):
    assert vocab.activity_of_text(heading) == code


def test_legal_basis_from_2026_names_decree_235():
    assert vocab.legal_basis(2025) == "Nghị định 45/2012/NĐ-CP"
    assert "235/2025" in vocab.legal_basis(2026)
    assert "235/2025" in vocab.legal_basis(2027, "en")


@pytest.mark.parametrize(
    "term", [*vocab.ACTIVITIES.values(), *vocab.INDICATORS.values()], ids=lambda t: t.code
)
def test_every_code_has_vietnamese_and_english_labels(term):
    assert term.vi and term.en and term.vi != term.en
    # Vietnamese labels carry diacritics ("Đào tạo", not "Dao tao").
    assert to_ascii(term.vi) != term.vi


def test_money_is_always_in_million_vnd():
    money = {"budget_kc", "budget_counterpart", "budget_total", "disbursed"}
    assert set(vocab.MONEY_INDICATORS) == money
    assert all(vocab.unit_of(c) == "million VND" for c in money)
    assert vocab.unit_of("trainees") == "persons"
    assert vocab.unit_of("models") == "count"


def test_conf_and_tour_roll_up_to_mgmt():
    assert vocab.rollup_activity("CONF") == "MGMT"
    assert vocab.rollup_activity("TOUR") == "MGMT"
    assert vocab.rollup_activity("TRAIN") == "TRAIN"


@pytest.mark.parametrize(
    ("heading", "code"),
    [
        ("1. Đào tạo nghề, truyền nghề", "TRAIN"),
        ("Mô hình trình diễn kỹ thuật", "DEMO"),
        ("II. Hỗ trợ ứng dụng máy móc thiết bị", "MACH"),
        ("Tổ chức hội nghị, hội thảo", "CONF"),
        ("Tham quan học tập kinh nghiệm", "TOUR"),
        ("Sản xuất sạch hơn", "SXSH"),
        ("Thông tin tuyên truyền", "INFO"),
        ("Bảng kê", None),
        ("CAP", "CAP"),  # a code as the tables write it (moved here from the project reader)
        ("ALL", None),  # not the activity of a row or a project
    ],
)
def test_headings_map_to_activities(heading, code):
    assert vocab.activity_of_text(heading) == code
