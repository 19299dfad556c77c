"""A province whose region has no figures (a file of one province outside MTTN, say) gets
an empty comparison, not a failed report."""

from __future__ import annotations

import pandas as pd

from kcanalysis.ingest import load
from kcanalysis.panel import dea_scores, region_panel


def test_an_empty_region_panel_has_its_columns_and_no_dea(tmp_path):
    path = tmp_path / "one.csv"
    path.write_text(
        "KẾT QUẢ KHUYẾN CÔNG NĂM 2024 TỈNH TÂY NINH\n"
        "Chỉ tiêu,ĐVT,Kế hoạch,Thực hiện\n"
        "Kinh phí khuyến công,triệu đồng,500,480\n",
        encoding="utf-8",
    )
    facts = load(path).facts
    panel = region_panel(facts, "MTTN", 2024, "FY", 2024)  # Tây Ninh is not in MTTN
    assert panel.empty
    assert {"budget_kc_real", "cost_per_trainee_real"} <= set(panel.columns)
    dea = dea_scores(panel)
    assert isinstance(dea, pd.DataFrame) and dea.empty
