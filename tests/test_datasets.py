import csv
import filecmp
from pathlib import Path

import numpy as np
import pytest

import kcanalysis
from kcanalysis import add_totals, aggregate, periods
from kcanalysis.datasets import deflate, is_synthetic, load_cpi, load_demo, load_published
from kcanalysis.datasets.generate_demo import SOURCE, write
from kcanalysis.errors import ParameterError
from kcanalysis.provinces import region_members

DATA = Path(kcanalysis.__file__).parent / "data"

#: The 15 pre-merger MTTN provinces and (by hand, from provinces_63_to_34.csv) their 8
#: successor units with the units' names.
OLD_MTTN = {"44", "45", "46", "48", "49", "51", "52", "54", "56", "58", "62", "64", "66"}
OLD_MTTN |= {"67", "68"}
NEW_MTTN = {
    "44": "Quảng Trị",
    "46": "Huế",
    "48": "Đà Nẵng",
    "51": "Quảng Ngãi",
    "52": "Gia Lai",
    "56": "Khánh Hòa",
    "66": "Đắk Lắk",
    "68": "Lâm Đồng",
}
#: New unit -> its predecessors in the panel (new Lâm Đồng also holds Bình Thuận, 60).
PREDECESSORS = {
    "44": ["44", "45"],
    "46": ["46"],
    "48": ["48", "49"],
    "51": ["51", "62"],
    "52": ["52", "64"],
    "56": ["56", "58"],
    "66": ["66", "54"],
    "68": ["68", "67"],
}


def _totals(facts, period, indicator="budget_kc"):
    t = add_totals(facts)
    return t[
        (t["period"] == period)
        & (t["level"] == "ALL")
        & (t["activity"] == "ALL")
        & (t["indicator"] == indicator)
    ]


def test_generator_reproduces_the_committed_demo_byte_for_byte(tmp_path):
    for path in write(tmp_path):
        assert filecmp.cmp(path, DATA / path.name, shallow=False), path.name


def test_demo_rows_before_2025_are_as_committed_before_the_2025_extension():
    # Hand-checked against the committed files before the 2025/2026 rows were added
    # (git show 764b167:kcanalysis/data/demo_facts.csv, lines 6641, 10911, 72;
    # demo_projects.csv line 2712; 13853 facts rows and 195 projects of 2024).
    facts, projects = load_demo()
    old = facts[(facts["year"] < 2025) & (facts["period"] != "M6")]
    assert len(old) == 13_853
    assert (old["vintage"] == "2008").all()

    def one(code, year, period, level, activity, indicator):
        sel = old[
            (old["area_code"] == code)
            & (old["year"] == year)
            & (old["period"] == period)
            & (old["level"] == level)
            & (old["activity"] == activity)
            & (old["indicator"] == indicator)
        ]
        assert len(sel) == 1
        return sel.iloc[0]

    row = one("52", 2024, "FY", "KCDP", "TRAIN", "budget_kc")
    assert (row["area_name"], row["planned"], row["actual"]) == ("Bình Định", 2308, 2218.5)
    row = one("64", 2024, "FY", "KCDP", "DEMO", "budget_counterpart")
    assert (row["area_name"], row["planned"], row["actual"]) == ("Gia Lai", 3468.5, 3468.5)
    row = one("44", 2011, "M8", "ALL", "ALL", "budget_kc")
    assert (row["area_name"], row["planned"], row["actual"]) == ("Quảng Bình", 2000, 701)
    assert (projects["year"] == 2024).sum() == 195
    p = projects.set_index("project_id").loc["DEMO-52-2024-001"]
    assert (p["area_code"], p["activity"], p["budget_kc"], p["disbursed"]) == (
        "52",
        "TRAIN",
        228,
        217,
    )


def test_demo_m6_rows_are_the_old_provinces_first_half_year():
    facts = load_demo().facts
    m6 = facts[facts["period"] == "M6"]
    assert set(m6["area_code"]) == OLD_MTTN
    assert (m6["vintage"] == "2008").all()
    assert (m6["level"] == "ALL").all()
    names = dict(zip(m6["area_code"], m6["area_name"], strict=True))
    assert (names["52"], names["44"], names["46"], names["64"]) == (
        "Bình Định",
        "Quảng Bình",
        "Thừa Thiên Huế",
        "Gia Lai",
    )
    budget = _totals(facts, "M6").set_index(["year", "area_code"])
    fy = _totals(facts, "FY").set_index(["year", "area_code"])
    for year in (2024, 2025):
        assert set(budget.loc[year].index) == OLD_MTTN
    # 2024: 40-65 % of what the year spent, the year's plan as `planned`
    share = budget.loc[2024, "actual"] / fy.loc[2024, "actual"].loc[sorted(OLD_MTTN)]
    assert share.between(0.40, 0.65).all()
    assert (budget.loc[2024, "planned"] == fy.loc[2024, "planned"].loc[sorted(OLD_MTTN)]).all()
    # 2025: drawn around the 2024 scale
    ratio = budget.loc[2025, "planned"] / fy.loc[2024, "planned"].loc[sorted(OLD_MTTN)]
    assert ratio.between(0.9, 1.15).all()
    assert (budget.loc[2025, "actual"] / budget.loc[2025, "planned"]).between(0.3, 0.7).all()
    assert (m6["note"] == "planned = the plan for the whole year").all()


def test_demo_fy_2025_2026_are_the_new_units_from_their_projects():
    facts, projects = load_demo()
    new = facts[facts["year"] >= 2025]
    fy = new[new["period"] == "FY"]
    assert set(fy["year"]) == {2025, 2026}
    assert set(fy["area_code"]) == set(NEW_MTTN)
    assert (fy["vintage"] == "2025").all()
    assert dict(zip(fy["area_code"], fy["area_name"], strict=True)) == NEW_MTTN
    assert set(new["period"]) == {"FY", "M6", "P2021-2025", "P2026-2030"}
    assert set(new.loc[new["period"] == "M6", "vintage"]) == {"2008"}  # the old provinces'
    new = new[new["period"].isin(["FY", "M6"])]
    assert set(new.loc[new["period"] == "M6", "vintage"]) == {"2008"}
    later = projects[projects["year"] >= 2025]
    assert set(later["year"]) == {2025, 2026}
    assert set(later["area_code"]) == set(NEW_MTTN)
    prefix = "DEMO-" + later["area_code"] + "-" + later["year"].astype(str) + "-"
    assert all(i.startswith(x) for i, x in zip(later["project_id"], prefix, strict=True))
    assert projects["project_id"].is_unique
    # the facts are the aggregate of those projects (outputs get their own plans)
    agg = aggregate(later).set_index(["area_code", "year", "level", "activity", "indicator"])
    got = fy.set_index(["area_code", "year", "level", "activity", "indicator"])
    assert len(got) == len(agg)
    money = agg.index.get_level_values("indicator") == "budget_kc"
    pd_agg = agg.loc[money, ["planned", "actual"]]
    assert got.loc[pd_agg.index, ["planned", "actual"]].equals(pd_agg)
    # budget around the predecessors' 2024 budgets (Lâm Đồng: + Bình Thuận's part)
    fy_old = _totals(facts, "FY").set_index(["year", "area_code"])["planned"]
    decree_235 = fy[
        fy["activity"].isin(["DIGI", "SUST", "ARTI", "INTL"]) & (fy["indicator"] == "budget_kc")
    ]
    extra = decree_235.groupby("area_code")["planned"].sum().to_dict()
    for year in (2025, 2026):
        for unit, olds in PREDECESSORS.items():
            base = sum(fy_old.loc[(2024, c)] for c in olds)
            low, high = (1.2, 1.4) if unit == "68" else (0.9, 1.15)
            # 2026's Decree 235 projects come on top (test below)
            budget = fy_old.loc[(year, unit)] - extra.get(unit, 0.0) * (year == 2026)
            assert low - 0.01 <= budget / base <= high + 0.01, (year, unit)


def test_demo_has_no_binh_thuan():
    # Bình Thuận (60) is in the southern group; it is part of new Lâm Đồng (68) but its
    # own figures are not in the panel.
    facts, projects = load_demo()
    assert "60" not in set(facts["area_code"]) | set(projects["area_code"])
    assert not facts["area_name"].str.contains("Bình Thuận").any()
    assert not projects["project_id"].str.startswith("DEMO-60-").any()


def test_demo_vintage_is_written_and_follows_year_and_period():
    with (DATA / "demo_facts.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert list(rows[0])[:3] == ["area_code", "area_name", "vintage"]
    assert {r["vintage"] for r in rows} == {"2008", "2025"}
    for r in rows:
        assert r["vintage"] == periods.vintage_of(int(r["year"]), r["period"]), r


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
    assert list(per_year.index) == list(range(2011, 2027))
    # the 15 old provinces to 2024, their 8 successor units from 2025 (never a mix)
    sizes = spend.groupby("year").size()
    assert sizes.loc[:2024].eq(15).all() and sizes.loc[2025:].eq(8).all()


def test_demo_has_plans_and_actuals_and_full_project_records():
    facts, projects = load_demo()
    budget = facts[(facts["indicator"] == "budget_kc") & (facts["period"] == "FY")]
    assert budget["planned"].notna().all() and budget["actual"].notna().all()
    assert set(facts["period"]) == {"FY", "M8", "M6", "P2021-2025", "P2026-2030"}
    assert set(facts.loc[facts["period"] == "M8", "year"]) == {2011}
    assert set(facts.loc[facts["period"] == "M6", "year"]) == {2024, 2025}
    required = ["activity", "budget_kc", "budget_counterpart", "planned_end", "status"]
    assert projects[required].notna().all().all()
    done = projects["status"] != "cancelled"
    assert projects.loc[done, "actual_end"].notna().all()
    assert {"accepted", "completed", "cancelled"} <= set(projects["status"])


def test_every_demo_row_is_labelled_synthetic():
    facts, projects = load_demo()
    assert facts["source"].str.contains("synthetic demo").all()
    assert projects["source"].str.contains("synthetic demo").all()
    added = facts[(facts["year"] >= 2025) | (facts["period"] == "M6")]
    assert len(added) > 0 and (added["source"] == SOURCE).all()
    assert (projects.loc[projects["year"] >= 2025, "source"] == SOURCE).all()
    assert is_synthetic(facts)
    assert not is_synthetic(load_published())


def test_cpi_covers_2005_to_2025():
    cpi = load_cpi()
    assert cpi["year"].tolist() == list(range(2005, 2026))
    assert cpi.loc[cpi["year"] == 2024, "cpi_change_pct"].item() == 3.63
    # General Statistics Office, 5 January 2026: 2025 average CPI +3,31 %.
    assert cpi.loc[cpi["year"] == 2025, "cpi_change_pct"].item() == 3.31


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
    with pytest.raises(ParameterError, match="2003"):
        deflate([1.0], [2003], 2020)


def test_a_year_after_the_cpi_table_takes_the_latest_years_prices():
    from kcanalysis.datasets.cpi import cpi_carried_years

    # 2026 has no CPI yet: its prices are 2025's, so 1.000 of 2026 is 1.000 at 2025
    # prices, and at 2024 prices 1000 / 1.0331 = 967,97 (2025: +3,31 %).
    assert deflate([1000.0], [2026], 2025)[0] == pytest.approx(1000.0)
    assert deflate([1000.0], [2026], 2024)[0] == pytest.approx(1000 / 1.0331)
    assert cpi_carried_years([2024, 2025, 2026, 2026]) == [2026]


def test_demo_has_programme_plans_of_the_8_units():
    # Plans only (a programme plan is not a result): P2021-2025 (year 2025) and P2026-2030
    # (year 2030) for each new unit, with a planned budget, trainees and establishments.
    facts = load_demo().facts
    p = facts[facts["period"].str.startswith("P")]
    assert set(p["area_code"]) == set(NEW_MTTN)
    assert (p["vintage"] == "2025").all()
    assert set(zip(p["period"], p["year"], strict=True)) == {
        ("P2021-2025", 2025),
        ("P2026-2030", 2030),
    }
    assert set(p["indicator"]) == {"budget_kc", "trainees", "establishments"}
    assert p["planned"].gt(0).all() and p["actual"].isna().all()
    # 2021-2025: the sum of the yearly plans times 0,95-1,10 (generate_demo._PROGRAMME_FACTOR);
    # for new Đắk Lắk (66) the years before 2025 are old Đắk Lắk's and Phú Yên's plans.
    fy = _totals(facts, "FY").set_index(["year", "area_code"])["planned"]
    yearly = (
        sum(fy.loc[(y, c)] for y in range(2021, 2025) for c in ("66", "54")) + fy.loc[(2025, "66")]
    )
    plan = p.set_index(["area_code", "period", "indicator"])["planned"]
    assert 0.95 <= plan[("66", "P2021-2025", "budget_kc")] / yearly <= 1.10
    # 2026-2030: five times the 2026 plan times the same range.
    assert 0.95 <= plan[("66", "P2026-2030", "budget_kc")] / (5 * fy.loc[(2026, "66")]) <= 1.10


def test_demo_2026_projects_include_decree_235_activities():
    # Every unit has a digital-transformation and a sustainable-production project in 2026
    # (generate_demo._DECREE_235_MIX, probability 1); no such project before 2026.
    projects = load_demo().projects
    in_2026 = projects[projects["year"] == 2026]
    for unit in NEW_MTTN:
        acts = set(in_2026.loc[in_2026["area_code"] == unit, "activity"])
        assert {"DIGI", "SUST"} <= acts, unit
    before = projects.loc[projects["year"] < 2026, "activity"]
    assert not before.isin(["DIGI", "SUST", "ARTI"]).any()
