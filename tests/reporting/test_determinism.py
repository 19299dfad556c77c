"""Same inputs and version give byte-identical HTML, apart from the marked timestamp line."""

import re

import pytest

from kcanalysis.reporting import render_report

pytestmark = pytest.mark.slow

TIMESTAMP = re.compile(r'<p class="kc-timestamp">[^<]*</p>')


@pytest.mark.parametrize(
    ("notebook", "params"),
    [
        ("province_report", {"province": "Đắk Lắk", "year": 2024}),
        ("regional_overview", {"region": "MTTN", "year": 2024, "lang": "en"}),
    ],
)
def test_rendering_twice_gives_identical_html(tmp_path, notebook, params):
    first = render_report(notebook, params, tmp_path / "a").read_bytes()
    second = render_report(notebook, params, tmp_path / "b").read_bytes()
    assert len(TIMESTAMP.findall(first.decode())) == 1  # the one line allowed to differ
    assert TIMESTAMP.sub("", first.decode()) == TIMESTAMP.sub("", second.decode())
    assert first.count(b"data:image/png;base64,") >= 3  # the figures are compared too
