"""Vietnamese numbers: separators, words, qualifiers, missing markers, ambiguity."""

from __future__ import annotations

from decimal import Decimal

import numpy as np
import pytest
from babel.numbers import format_decimal, parse_decimal
from hypothesis import given
from hypothesis import strategies as st

from kcanalysis.ingest.numbers import parse_column, parse_text
from kcanalysis.text import format_number


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("7.700", Decimal("7700")),  # the seed article's "hơn 7.700 lao động"
        ("10,25", Decimal("10.25")),
        ("1.234.567,5", Decimal("1234567.5")),
        ("84,06%", Decimal("84.06")),
        ("1 234 567", Decimal("1234567")),
        ("0,125", Decimal("0.125")),  # a leading zero is never a thousands group
        ("1234.567", Decimal("1234.567")),  # four digits before: not a grouping
        ("(1.500)", Decimal("-1500")),  # accounting negative
    ],
)
def test_parse_text_reads_vietnamese_separators(text, value):
    assert parse_text(text).value == value


@pytest.mark.parametrize(
    ("text", "million_vnd", "qualifier"),
    [
        ("2,035 tỷ", Decimal("2035"), ""),  # 2,035 billion = 2.035 million VND
        ("262,5 triệu", Decimal("262.5"), ""),
        ("1,5 tỉ", Decimal("1500"), ""),  # both spellings of tỷ
        ("hơn 3 tỷ", Decimal("3000"), ">"),
        ("trên 3.000", Decimal("3000"), ">"),
        ("khoảng 50", Decimal("50"), "~"),
        ("gần 1.000 triệu", Decimal("1000"), "~"),
        ("dưới 20 triệu đồng", Decimal("20"), "<"),
    ],
)
def test_parse_text_reads_money_words_and_qualifiers(text, million_vnd, qualifier):
    cell = parse_text(text)
    assert cell.value * (cell.multiplier or 1) == million_vnd
    assert cell.qualifier == qualifier


@pytest.mark.parametrize("text", ["", "-", "–", "x", "X", "...", "n/a"])
def test_missing_markers_are_missing(text):
    cell = parse_text(text)
    assert cell.value is None and not cell.error


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("abc", "where a number is expected"),
        ("#DIV/0!", "Excel error"),
        ("1.23.4", "does not group"),
        ("hơn nữa 3", "where a number is expected"),
    ],
)
def test_unreadable_text_is_an_error(text, fragment):
    assert fragment in parse_text(text).error


def test_one_separator_and_three_digits_is_ambiguous():
    assert parse_text("4.899").ambiguous and parse_text("4,899").ambiguous
    assert not parse_text("4.89").ambiguous and not parse_text("4.899,5").ambiguous


def test_column_fast_path_and_slow_path_give_the_same_numbers():
    # plain numbers take the vectorised path; Vietnamese ones the parser; None is missing
    result = parse_column(["1500", "412.5", 7, 2.5, None, "412,5", "-"], "money")
    np.testing.assert_array_equal(result.values, [1500, 412.5, 7, 2.5, np.nan, 412.5, np.nan])
    assert result.errors == {}


def test_ambiguous_money_uses_the_column_convention():
    # "3,14 tỷ" shows the Vietnamese decimal comma, so "1,759 tỷ" is 1,759 billion = 1.759
    result = parse_column(["1,759 tỷ", "3,14 tỷ"], "money")
    assert result.values.tolist() == [1759.0, 3140.0]
    assert [a[0] for a in result.ambiguous] == [0]
    assert "Vietnamese separators" in result.ambiguous[0][3]


def test_ambiguous_money_obeys_the_plausibility_rule():
    # "4.899 tỷ" read the Vietnamese way is 4.899.000 million VND, more than a whole national
    # programme; the other reading, 4,899 billion = 4.899 million VND, is plausible
    # (tapchicongthuong.vn's Đắk Lắk 2021 article prints it that way).
    result = parse_column(["4.899 tỷ", "3,14 tỷ"], "money")
    assert result.values[0] == 4899.0
    assert "beyond the plausible" in result.ambiguous[0][3]


def test_english_separators_in_the_column_decide_the_other_way():
    result = parse_column(["7.700", "12.5"], "money")  # "12.5" shows a decimal point
    assert result.values[0] == 7.7


def test_ambiguous_counts_are_whole_numbers_without_warning():
    result = parse_column(["1.150", "1,150"], "count")
    assert result.values.tolist() == [1150.0, 1150.0]
    assert result.ambiguous == []


def test_counts_must_be_whole_and_money_words_do_not_fit_counts():
    result = parse_column([2.5, "3 tỷ", "12 người"], "count")
    assert set(result.errors) == {0, 1}
    assert result.values[2] == 12


def test_column_multiplier_applies_to_plain_numbers_only():
    # the unit line says "1.000 đồng": 400000 thousand VND = 400 million; a cell with its own
    # word keeps its word
    result = parse_column([400000, "759000", "2 tỷ"], "money", multiplier=0.001)
    assert result.values.tolist() == [400.0, 759.0, 2000.0]


@pytest.mark.parametrize(
    ("value", "text"),
    [(7700, "7.700"), (10.25, "10,25"), (1234567.5, "1.234.567,5"), (-0.5, "-0,5"), (0, "0")],
)
def test_format_number_as_needed(value, text):
    # the numbers of messages about cells: as many decimals as the value needs
    assert format_number(value, decimals=None) == text


amounts = st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False)


@given(amounts)
def test_babel_formatted_numbers_parse_back(value):
    # Babel's Vietnamese format -> our parser (ambiguous ones read the Vietnamese way)
    text = format_decimal(value, locale="vi", decimal_quantization=False)
    assert parse_text(text).value == value


@given(amounts)
def test_our_format_parses_back_with_babel(value):
    # our formatter -> Babel's Vietnamese parser, strict about grouping
    text = format_number(float(value), decimals=None)
    assert parse_decimal(text, locale="vi", strict=True) == Decimal(str(float(value))).normalize()
