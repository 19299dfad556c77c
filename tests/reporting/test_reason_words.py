"""Every reason a report can show reads in the report's language."""

import re

import pandas as pd
import pytest

from kcanalysis import vocab
from kcanalysis.indicators._prices import real_factors
from kcanalysis.sections.words import _REASON_PHRASES, translate_reason

#: English words that must not survive in a Vietnamese reason.
ENGLISH = re.compile(
    r"\b(no|not|for|the|table|covers|prices|value|values|project|projects|due|by|is|zero|"
    r"missing|reported|interval|resamples|multi-year|spending|planned|number|CPI for)\b"
)


def _reasons() -> list[str]:
    """The reason texts the indicators and methods emit, with figures filled in."""
    _, made = real_factors(pd.Series([2003, 2016]), pd.Series(["FY", "P2012-2016"]), base_year=2024)
    _, none = real_factors(pd.Series([2003]), pd.Series(["FY"]), base_year=None)
    walked = [*made, *none, "no value for 2014", "no project due by 2015-12-31"]
    walked += [en for en, _ in _REASON_PHRASES]
    for term in vocab.INDICATORS.values():
        name = term.en.lower()
        walked += [f"number of {name} is zero", f"planned {name} is missing"]
    return walked


@pytest.mark.parametrize("reason", _reasons())
def test_each_reason_is_vietnamese_in_a_vietnamese_report(reason):
    vi = translate_reason(reason, "vi")
    assert vi != reason
    assert not ENGLISH.search(vi), vi
    # In English the text stays as written.
    assert translate_reason(reason, "en") == reason


def test_cpi_reasons_translate_with_their_years():
    # real_factors for 2003 at 2024 prices: the CPI table starts in 2005 and ends in 2025.
    vi = translate_reason("no CPI for 2003 (CPI table covers 2005-2025)", "vi")
    assert vi == "chưa có chỉ số giá tiêu dùng năm 2003 (bảng CPI có các năm 2005–2025)"
