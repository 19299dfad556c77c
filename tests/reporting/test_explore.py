"""notebooks/explore.ipynb: the public API only, parameters used, charts shown as PNG."""

from __future__ import annotations

import json

import nbformat
import pytest

from kcanalysis.reporting.execute import notebook_path

pytestmark = pytest.mark.slow


def test_explore_uses_the_public_api_only():
    nb = nbformat.read(notebook_path("explore"), as_version=4)
    code = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
    assert "import kcanalysis as kc" in code
    assert "from kcanalysis" not in code and "import kcanalysis." not in code
    assert "load_report_data" not in code and "dea_scores" not in code
    assert all(not c.get("outputs") for c in nb.cells if c.cell_type == "code")


def test_explore_runs_with_its_parameters_and_shows_its_chart_as_png(tmp_path):
    import papermill as pm

    out = tmp_path / "explore.ipynb"
    pm.execute_notebook(
        str(notebook_path("explore")),
        str(out),
        parameters={"province": "Kon Tum", "year": 2024, "region": "MTTN", "base_year": 2020},
        kernel_name="python3",
        progress_bar=False,
        cwd=str(tmp_path),
    )
    nb = json.loads(out.read_text(encoding="utf-8"))
    outputs = [o for c in nb["cells"] if c["cell_type"] == "code" for o in c.get("outputs", [])]
    pngs = [o for o in outputs if "image/png" in o.get("data", {})]
    assert len(pngs) >= 1
    texts = [
        "".join(o["data"].get("text/plain", ""))
        for o in outputs
        if o.get("data") and "image/png" not in o["data"]
    ]
    assert not any(t.startswith("<Figure size") for t in texts)
    html = "\n".join("".join(o["data"].get("text/html", "")) for o in outputs if o.get("data"))
    # base_year reaches the indicators: cost at constant 2020 prices
    assert "base_year" in html and "<td>2020</td>" in html
    # region reaches the DEA: the 15 MTTN provinces of 2024, with their names
    dea = next(t for t in texts if "crs" in t and "area_name" in t)
    assert "Kon Tum" in dea and "Đắk Lắk" in dea
