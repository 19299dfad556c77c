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
    ]


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
