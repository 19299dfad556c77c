import pandas as pd
import pytest

from kcanalysis import load as load_canonical
from kcanalysis.datasets import load_published
from kcanalysis.errors import DataError


def test_canonical_csv_and_xlsx_round_trip(tmp_path):
    pub = load_published()
    csv = tmp_path / "facts.csv"
    pub.to_csv(csv, index=False)
    xlsx = tmp_path / "facts.xlsx"
    pub.to_excel(xlsx, index=False)
    for path in (csv, xlsx):
        got = load_canonical(path).facts
        assert len(got) == 53 + 43  # published_figures.csv + published_figures_2020s.csv
        # Lâm Đồng 2017 KCDP plan: 8850 million VND (published_figures.csv).
        row = got[
            (got["area_code"] == "68")
            & (got["level"] == "KCDP")
            & (got["indicator"] == "budget_kc")
        ]
        assert row["planned"].item() == 8850


def test_bad_cell_is_quarantined_and_named_by_its_cell(tmp_path):
    pub = load_published().head(3).copy()
    pub.loc[1, "year"] = 1890
    path = tmp_path / "bad.csv"
    pub.to_csv(path, index=False)
    report = load_canonical(path).report
    # 4 physical rows: the header, 2 loaded, and file line 3 quarantined (year column D,
    # after area_code, area_name and vintage).
    assert (report.loaded, report.structural, report.quarantined) == (2, 1, 1)
    bad = report.records[report.records["category"] == "quarantined"].iloc[0]
    assert bad["cell"] == "bad!D3" and "1890" in bad["reason"]


@pytest.mark.parametrize(
    ("name", "content"), [("empty.csv", b""), ("x.xlsx", b"a,b\n1,2\n"), ("f.pdf", b"%PDF-1.4")]
)
def test_unreadable_files_give_a_data_error_naming_the_file(tmp_path, name, content):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(DataError, match=name.split(".")[0]):
        load_canonical(path)


def test_load_is_exported(tmp_path):
    import kcanalysis

    path = tmp_path / "f.csv"
    load_published().to_csv(path, index=False)
    loaded = kcanalysis.load(path)
    # the shape load_demo returns: facts, projects = ...; .reports
    assert isinstance(loaded, kcanalysis.datasets.Dataset)
    assert isinstance(loaded.facts, pd.DataFrame) and loaded.projects is None
    assert type(loaded) is type(kcanalysis.load_demo())
    assert loaded.facts.attrs == {}  # nothing for pandas to copy into every derived frame
