"""A user's own file beside the built-in panel (``data: [own.xlsx, builtin]``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kcanalysis.datasets import BUILTIN, data_files, load_demo
from kcanalysis.errors import ParameterError
from kcanalysis.panel import beside_builtin, load_report_data
from kcanalysis.params import ProvinceReportParams

FILE = Path(__file__).parents[1] / "data" / "ingest" / "projects_decree235.xlsx"


@pytest.fixture(scope="module")
def mixed():
    return load_report_data([str(FILE), BUILTIN])


def test_the_users_territory_leaves_the_panel_whole(mixed):
    # projects_decree235: new Đắk Lắk (66, map of 2025) in 2026, 1.700 million VND
    # (400 + 600 + 500 + 120 + 80, by hand from the fixture). The panel's rows of new
    # Đắk Lắk (all years) and of its former provinces, old Đắk Lắk (66) and Phú Yên (54),
    # are gone, so nothing synthetic of that territory is compared with the user's file.
    f = mixed.facts
    pairs = set(zip(f["area_code"], f["vintage"], f["year"], strict=True))
    assert not {p for p in pairs if p[:2] in {("66", "2008"), ("54", "2008")}}
    assert {y for a, v, y in pairs if (a, v) == ("66", "2025")} == {2026}
    total = f[
        (f["area_code"] == "66")
        & (f["level"] == "ALL")
        & (f["activity"] == "ALL")
        & (f["indicator"] == "budget_kc")
    ]
    assert total["actual"].tolist() == [1700.0]
    assert not total["source"].str.contains("synthetic").any()
    assert mixed.own == (("66", "2025", 2026, "FY"),)
    assert mixed.own_files == ("projects_decree235.xlsx",)
    assert mixed.synthetic  # the other provinces are the panel's


def test_the_other_provinces_are_the_panels_unchanged(mixed):
    demo = load_demo()
    f = mixed.facts
    for area, vintage in (("52", "2025"), ("64", "2008"), ("68", "2025")):
        ours = f[(f["area_code"] == area) & (f["vintage"] == vintage)]
        theirs = demo.facts[(demo.facts["area_code"] == area) & (demo.facts["vintage"] == vintage)]
        # the panel's detail rows are all there (totals are added on top of them)
        detail = ours[(ours["level"] != "ALL") & (ours["activity"] != "ALL")]
        assert len(detail) == len(
            theirs[(theirs["level"] != "ALL") & (theirs["activity"] != "ALL")]
        )
    p = mixed.projects
    assert not p["project_id"].str.startswith(("DEMO-66-", "DEMO-54-")).any()
    assert p["project_id"].str.startswith("DEMO-52-2026").any()
    # the user's 6 projects are kept, with no project id of the panel
    assert (p["area_code"].eq("66") & p["year"].eq(2026)).sum() == 6


def test_an_old_provinces_file_removes_its_successor_unit_too():
    # A file of Phú Yên (54, old map) for 2024: Phú Yên and new Đắk Lắk (66, which holds
    # it) leave the panel; old Đắk Lắk (66, old map) stays, being another territory.
    demo = load_demo()
    user = demo.facts[(demo.facts["area_code"] == "54") & (demo.facts["year"] == 2024)]
    user = user.assign(source="user file")
    facts, _, own = beside_builtin(user, None)
    pairs = set(zip(facts["area_code"], facts["vintage"], strict=True))
    assert ("66", "2025") not in pairs and ("66", "2008") in pairs
    assert set(facts.loc[facts["area_code"] == "54", "year"]) == {2024}
    assert {k[:3] for k in own} == {("54", "2008", 2024)}


def test_builtin_is_a_data_entry_not_a_path(tmp_path):
    params = ProvinceReportParams.from_dict(
        {"province": "Đắk Lắk", "year": 2026, "data": [str(FILE), BUILTIN]}
    )
    assert params.data == [str(FILE.resolve()), BUILTIN]
    names = [p.name for p in data_files(params.data)]
    assert names == ["projects_decree235.xlsx", "demo_facts.csv", "demo_projects.csv"]
    with pytest.raises(ParameterError, match="does not exist"):
        ProvinceReportParams.from_dict({"province": "66", "year": 2026, "data": ["nope.xlsx"]})


def test_with_builtin_needs_a_file():
    from click.testing import CliRunner

    from kcanalysis.cli import main

    result = CliRunner().invoke(
        main, ["report", "--province", "66", "--year", "2026", "--with-builtin"]
    )
    assert result.exit_code == 2
    assert "--with-builtin goes with --data" in result.output + result.stderr
