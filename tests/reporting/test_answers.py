"""Answers, not only tables: verdicts, the closing assessment, methods in plain words,
the issuing body. Sections are built in process (fast)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kcanalysis.sections import province_report

DATA = Path(__file__).parents[1] / "data" / "ingest"
#: Method names that belong in the appendix, not in the body of a report.
ACRONYMS = re.compile(
    r"Theil|Mann|Kendall|BCa|Wilson|Spiegelhalter|FunnelPlotR|Bayes|Malmquist|DEA|CRS|VRS|"
    r"bootstrap"
)


@pytest.fixture(scope="module")
def dak_lak():
    return province_report(province="Đắk Lắk", year=2024)


def test_each_question_ends_with_a_bold_verdict_from_the_numbers(dak_lak):
    # Demo, Đắk Lắk 2024: 21 projects due, 14 on time, so 21 - 14 = 7 late.
    assert dak_lak.verdicts["schedule"] == "Chậm tiến độ: 7 trong 21 đề án đến hạn bị trễ."
    # Disbursed 4.938,5 of 5.914 planned = 83,5 % (< 90 %: slow); the largest activity is
    # machinery, 2.266 of 5.329 = 42,5 %.
    assert dak_lak.verdicts["purpose"].startswith("Giải ngân chậm: mới đạt 83,5%")
    assert "(42,5%)" in dak_lak.verdicts["purpose"]
    # DEA: the reference province needs 2.761,2 of 5.329 million VND = 52 %.
    assert "52% kinh phí của tỉnh" in dak_lak.verdicts["quality"]
    for section, key in (
        (dak_lak.schedule, "schedule"),
        (dak_lak.purpose, "purpose"),
        (dak_lak.quality, "quality"),
    ):
        html = section()
        assert html.endswith(f'<p class="kc-verdict"><strong>{dak_lak.verdicts[key]}</strong></p>')


def test_a_verdict_without_figures_says_it_cannot_conclude():
    # Control: one province's own list has no due dates and no peers.
    report = province_report(province="67", year=2011, data=[str(DATA / "projects_kp.csv")])
    assert report.verdicts["schedule"].startswith("Chưa kết luận được về tiến độ")
    assert report.verdicts["quality"].startswith("Chưa kết luận được")


def test_the_report_ends_with_an_assessment_naming_its_figures(dak_lak):
    sentences = dak_lak.assessment
    assert 3 <= len(sentences) <= 5
    assert all(re.search(r"\d", s) for s in sentences)
    assert sentences[0].startswith("7 trong 21 đề án đến hạn bị trễ (33,3%)")  # 7 / 21
    html = dak_lak.conclusion()
    assert "Đánh giá chung và kiến nghị" in html and sentences[-1] in html


def test_methods_are_in_plain_words_and_the_acronyms_in_the_appendix(dak_lak):
    body = "".join(
        str(s()) for s in (dak_lak.header, dak_lak.schedule, dak_lak.purpose, dak_lak.quality)
    )
    body = re.sub(r"base64,[^\"]+", "", body)  # the charts' bytes are no words
    assert ACRONYMS.findall(body) == []
    assert "với cùng số học viên và cơ sở" in body.lower()
    appendix = str(dak_lak.methods_appendix())
    # Control: the same pattern finds every method in the appendix.
    # (the funnel's limits are exact binomial ones, Spiegelhalter 2005, no longer Wilson's)
    assert {"Theil", "Mann", "BCa", "Spiegelhalter", "Bayes", "Malmquist", "DEA"} <= set(
        ACRONYMS.findall(appendix)
    )
    assert "Phụ lục phương pháp" in appendix


def test_the_issuer_is_printed_at_the_top_escaped():
    report = province_report(province="66", year=2024, issuer="Sở Công Thương <Đắk Lắk>")
    head = report.header()
    assert head.startswith(
        '<header class="kc-title"><p class="kc-issuer">Sở Công Thương &lt;Đắk Lắk&gt;</p><h1>'
    )
    assert "Cơ quan ban hành: Sở Công Thương &lt;Đắk Lắk&gt;" in report.footer()
    # Control: no issuer, no line.
    assert "kc-issuer" not in province_report(province="66", year=2024).header()
