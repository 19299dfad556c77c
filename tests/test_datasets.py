import filecmp
from pathlib import Path

import numpy as np
import pytest

import kcanalysis
from kcanalysis import add_totals
from kcanalysis.datasets import deflate, is_synthetic, load_cpi, load_demo, load_published
from kcanalysis.datasets.generate_demo import write
from kcanalysis.errors import ParameterError
from kcanalysis.provinces import region_members

DATA = Path(kcanalysis.__file__).parent / "data"


def test_generator_reproduces_the_committed_demo_byte_for_byte(tmp_path):
    for path in write(tmp_path):
        assert filecmp.cmp(path, DATA / path.name, shallow=False), path.name


def test_demo_m8_2011_adds_up_to_the_seed_article():
    # Seed article (16/09/2011): more than 7.700 rural workers trained, 1.150 trained in
    # management and start-up, 3 training conferences, 4 study tours with 56 participants,
    # 16 demonstration models of which 3 are more than half complete.
    facts = load_demo().facts
    m8 = facts[(facts["year"] == 2011) & (facts["period"] == "M8")]
    sums = m8.groupby(["activity", "indicator"])["actual"].sum()
    assert sums[("TRAIN", "trainees")] == 7700
    assert sums[("MGMT", "trainees")] == 1150
    assert sums[("CONF", "events")] == 3
    assert sums[("TOUR", "events")] == 4
    assert sums[("TOUR", "participants")] == 56
    assert sums[("DEMO", "models")] == 16
    assert sums[("DEMO", "models_over_half_complete")] == 3
    assert set(m8["area_code"]) == set(region_members("MTTN", 2011))


def test_seed_figures_match_the_published_regional_rows():
    pub = load_published()
    seed = pub[(pub["area_code"] == "MTTN") & (pub["period"] == "M8") & (pub["year"] == 2011)]
    got = dict(
        zip(zip(seed["activity"], seed["indicator"], strict=True), seed["actual"], strict=True)
    )
    assert got[("TRAIN", "trainees")] == 7700
    assert seed.loc[seed["activity"] == "TRAIN", "qualifier"].item() == ">"


def test_demo_budgets_are_plausible_in_scale():
    facts = add_totals(load_demo().facts)
    spend = facts[
        (facts["period"] == "FY")
        & (facts["level"] == "ALL")
        & (facts["activity"] == "ALL")
        & (facts["indicator"] == "budget_kc")
    ]
    assert spend["actual"].between(1_000, 25_000).all()
    per_year = spend.groupby("year")["actual"].sum()
    assert per_year.between(30_000, 60_000).all()
    assert list(per_year.index) == list(range(2011, 2025))
    assert spend.groupby("year").size().eq(15).all()


def test_demo_has_plans_and_actuals_and_full_project_records():
    facts, projects = load_demo()
    budget = facts[(facts["indicator"] == "budget_kc") & (facts["period"] == "FY")]
    assert budget["planned"].notna().all() and budget["actual"].notna().all()
    assert set(facts["period"]) == {"FY", "M8"}
    assert set(facts.loc[facts["period"] == "M8", "year"]) == {2011}
    required = ["activity", "budget_kc", "budget_counterpart", "planned_end", "status"]
    assert projects[required].notna().all().all()
    done = projects["status"] != "cancelled"
    assert projects.loc[done, "actual_end"].notna().all()
    assert {"accepted", "completed", "cancelled"} <= set(projects["status"])


def test_every_demo_row_is_labelled_synthetic():
    facts, projects = load_demo()
    assert facts["source"].str.contains("synthetic demo").all()
    assert projects["source"].str.contains("synthetic demo").all()
    assert is_synthetic(facts)
    assert not is_synthetic(load_published())


def test_cpi_covers_2005_to_2024():
    cpi = load_cpi()
    assert cpi["year"].tolist() == list(range(2005, 2025))
    assert cpi.loc[cpi["year"] == 2024, "cpi_change_pct"].item() == 3.63


def test_deflate_by_hand():
    # cpi_vietnam.csv: 2023 +3.25 %, 2024 +3.63 %. 1.036,3 million VND of 2024 at 2023
    # prices is 1036.3 / 1.0363 = 1000; 1.000 of 2022 at 2024 prices is
    # 1000 * 1.0325 * 1.0363 = 1069.97975.
    assert deflate([1036.3], [2024], 2023)[0] == pytest.approx(1000.0)
    assert deflate([1000.0], [2022], 2024)[0] == pytest.approx(1069.97975)
    out = deflate([np.nan, 5.0], 2024, 2024)
    assert np.isnan(out[0]) and out[1] == 5.0


def test_deflate_outside_the_table_is_a_parameter_error():
    with pytest.raises(ParameterError, match="base_year=1999"):
        deflate([1.0], [2020], 1999)
    with pytest.raises(ParameterError, match="2030"):
        deflate([1.0], [2030], 2020)
