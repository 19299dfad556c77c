"""Property tests of the number parser (Hypothesis): Vietnamese and English formatting round
trips, and no input ever makes it raise or load a figure beyond the plausible bound.

Each property runs in the normal suite with a bounded number of examples, and again with
many more in the `slow` profile."""

from __future__ import annotations

import datetime as dt
import math
from decimal import Decimal

import numpy as np
import pytest
from babel.numbers import format_decimal
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kcanalysis.ingest.numbers import MAX_ABS_NUMBER, parse_column, parse_text
from kcanalysis.text import format_number

NORMAL = settings(max_examples=200, deadline=None, suppress_health_check=list(HealthCheck))
SLOW = settings(max_examples=2000, deadline=None, suppress_health_check=list(HealthCheck))
LOCALES = {"vi": "vi_VN", "en": "en_US"}


@st.composite
def amounts(draw):
    """A decimal amount (up to 3 decimals, below 10^11) and its number of decimals."""
    places = draw(st.integers(0, 3))
    units = draw(st.integers(-(10**11) * 10**places, 10**11 * 10**places))
    return Decimal(units).scaleb(-places), places


def _text(x: Decimal, places: int, lang: str, how: str) -> str:
    if how == "format_number":  # the package's own formatter, as reports print figures
        return format_number(float(x), lang, places)
    return format_decimal(x, format="#,##0.###", locale=LOCALES[lang])


def _round_trip(case, lang: str, how: str) -> None:
    (x, places) = case
    text = _text(x, places, lang, how)
    cell = parse_text(text)
    assert not cell.error, (text, cell.error)
    # alone, a cell is read the Vietnamese way; an English "1,234" is ambiguous and its
    # English reading is the alternative
    got = cell.alt if lang == "en" and cell.ambiguous else cell.value
    assert got == x, (text, cell)
    # in a column, another value that shows the convention decides an ambiguous cell
    other = "1.234.567,5" if lang == "vi" else "1,234,567.5"
    column = parse_column([text, other], "number")
    assert not column.errors
    assert math.isclose(column.values[0], float(x), rel_tol=1e-12, abs_tol=1e-9), text


@pytest.mark.parametrize("how", ["format_number", "babel"])
@pytest.mark.parametrize("lang", ["vi", "en"])
@NORMAL
@given(case=amounts())
def test_formatted_numbers_parse_back(case, lang, how):
    _round_trip(case, lang, how)


@pytest.mark.slow
@pytest.mark.parametrize("how", ["format_number", "babel"])
@pytest.mark.parametrize("lang", ["vi", "en"])
@SLOW
@given(case=amounts())
def test_formatted_numbers_parse_back_long(case, lang, how):
    _round_trip(case, lang, how)


# ------------------------------------------------------------------ never raises

NUMBERISH = st.from_regex(
    r"\A[-+(~<>]?\s?(hơn |khoảng |gần )?[0-9.,\u00a0 eE+-]{1,40}%?\)?\s?"
    r"(tỷ|tỉ|triệu|đồng|người|đề án|nghìn|VND)?\Z",
    fullmatch=True,
)
TEXTS = st.one_of(
    st.text(max_size=60),
    NUMBERISH,
    st.sampled_from(["inf", "-inf", "NaN", "nan", "1e300", "1e999", "#REF!", "-", "x", ""]),
    st.text(alphabet="0123456789.,", min_size=1, max_size=400),
)
CELLS = st.one_of(
    TEXTS,
    st.none(),
    st.floats(),  # NaN and infinities included
    st.integers(min_value=-(10**400), max_value=10**400),
    st.booleans(),
    st.datetimes(min_value=dt.datetime(1900, 1, 1)),
    st.dates(),
    st.decimals(allow_nan=False),
)


def _never_raises(text) -> None:
    cell = parse_text(text)
    if cell.value is not None:
        assert not cell.error and cell.value.is_finite()
    if cell.error:
        assert cell.value is None and "\n" not in cell.error


def _column_never_raises(values, kind, multiplier) -> None:
    result = parse_column(values, kind, multiplier)
    out = result.values
    assert len(out) == len(values)
    assert not np.isinf(out).any()
    assert (np.nan_to_num(np.abs(out)) <= MAX_ABS_NUMBER).all()
    assert set(result.errors) <= set(range(len(values)))
    for i in result.errors:
        assert np.isnan(out[i])
    for i, v in enumerate(values):
        if isinstance(v, str) and v.strip().lower() in ("inf", "nan", "1e300", "1e999"):
            assert i in result.errors  # never loaded as inf, NaN or 1e300


@NORMAL
@given(TEXTS)
def test_parse_text_never_raises(text):
    _never_raises(text)


@pytest.mark.slow
@SLOW
@given(TEXTS)
def test_parse_text_never_raises_long(text):
    _never_raises(text)


COLUMNS = st.tuples(
    st.lists(CELLS, max_size=12),
    st.sampled_from(["money", "count", "percent", "number"]),
    st.sampled_from([1.0, 1000.0, 0.001, 1e-6]),
)


@NORMAL
@given(COLUMNS)
def test_parse_column_never_raises(column):
    _column_never_raises(*column)


@pytest.mark.slow
@SLOW
@given(COLUMNS)
def test_parse_column_never_raises_long(column):
    _column_never_raises(*column)
