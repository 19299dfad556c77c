"""Property tests of the province normaliser (Hypothesis): bounded here, longer when slow."""

import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kcanalysis import normalize_province, provinces
from kcanalysis.errors import UnknownProvinceError
from kcanalysis.normalize import to_ascii

CODES = provinces.codes()


@st.composite
def disguised_names(draw):
    """A registry name under random case, diacritic stripping, NFC/NFD, spacing, prefix."""
    code = draw(st.sampled_from(CODES))
    name = provinces.province_name(code)
    if draw(st.booleans()):
        name = to_ascii(name)
    name = "".join(ch.upper() if draw(st.booleans()) else ch.lower() for ch in name)
    name = name.replace(" ", draw(st.sampled_from([" ", "  ", "\t", " - ", "-", ""])))
    if draw(st.booleans()):
        name = draw(st.sampled_from(["Tỉnh ", "tinh ", "Thành phố ", "TP. ", "tp "])) + name
    name = draw(st.sampled_from([" ", "", "\n"])) + name + draw(st.sampled_from([" ", ""]))
    form = draw(st.sampled_from(["NFC", "NFD", "NFKC"]))
    return code, unicodedata.normalize(form, name)


def _accepts(pair):
    code, text = pair
    assert normalize_province(text) == code


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(disguised_names())
def test_normaliser_accepts_disguised_registry_names(pair):
    _accepts(pair)


@pytest.mark.slow
@settings(max_examples=5000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(disguised_names())
def test_normaliser_accepts_disguised_registry_names_long(pair):
    _accepts(pair)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40))
def test_normaliser_returns_a_code_or_raises_unknown_province(text):
    try:
        code = normalize_province(text)
    except UnknownProvinceError as err:
        assert len(err.suggestions) == 3
    else:
        assert code in CODES
