"""Figures as readers see them (kcanalysis.text)."""

import math

import pytest

from kcanalysis.text import format_figure, format_qualified


@pytest.mark.parametrize(
    ("value", "vi", "en"),
    [
        (4882.0, "4.882", "4,882"),  # a count: no decimals ("4.882,0" reads as a fraction)
        (39541.5, "39.541,5", "39,541.5"),  # half a million VND keeps its decimal
        (18.0, "18", "18"),
        (math.nan, "–", "–"),  # missing is a dash, never 0
    ],
)
def test_figures_are_written_with_decimals_only_when_they_have_them(value, vi, en):
    assert format_figure(value, "vi") == vi
    assert format_figure(value, "en") == en


def test_a_qualified_figure_reads_in_words():
    assert format_qualified(3000.0, ">", "vi") == "hơn 3.000"
