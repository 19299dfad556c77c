"""Run files: expansion to the full grid, and validation of all of it before anything runs."""

from __future__ import annotations

import pytest
from batch_helpers import PROJECT, tiny_sets, write_run

from kcanalysis.errors import ParameterError
from kcanalysis.reporting.batch.grid import read_plan
from kcanalysis.reporting.batch.jobs import check_data

MTTN = ["44", "45", "46", "48", "49", "51", "52", "54", "56", "58", "62", "64", "66", "67", "68"]


def test_demo_run_file_expands_to_the_provinces_the_units_and_three_overviews(tmp_path):
    plan = read_plan(PROJECT / "params" / "demo.yaml", out=tmp_path)
    # 15 provinces x (2011 M8, 2024 FY) + 8 post-merger units x 2026 + 3 overviews
    # + 2 programme reviews (MTTN and Đắk Lắk, 2021-2025) = 43.
    assert len(plan.jobs) == 15 * 2 + 8 + 3 + 2
    reviews = [(j.area, j.year, j.period) for j in plan.jobs if j.notebook == "programme_review"]
    assert reviews == [("MTTN", 2025, "P2021-2025"), ("66", 2025, "P2021-2025")]
    provinces = [j for j in plan.jobs if j.notebook == "province_report"]
    old = [j for j in provinces if j.year < 2025]
    assert sorted({j.area for j in old}) == MTTN
    assert {(j.year, j.period) for j in old} == {(2011, "M8"), (2024, "FY")}
    new = sorted(j.area for j in provinces if j.year == 2026)
    assert new == ["44", "46", "48", "51", "52", "56", "66", "68"]
    assert all(j.lang == "vi" and j.params["region"] == "MTTN" for j in provinces)
    overviews = [j for j in plan.jobs if j.notebook == "regional_overview"]
    assert [(j.area, j.year, j.period) for j in overviews] == [
        ("MTTN", 2011, "M8"),
        ("MTTN", 2024, "FY"),
        ("MTTN", 2026, "FY"),
    ]
    assert plan.jobs[0].html == tmp_path / "2011" / "M8" / "44-quang-binh.html"
    assert overviews[1].html == tmp_path / "2024" / "FY" / "mttn.html"
    check_data(plan.jobs)  # the built-in data hold every one of them


@pytest.mark.parametrize(
    "name", ["dak_lak_2024.yaml", "dak_lak_2024_en.yaml", "mttn_2011_m8.yaml", "mttn_2024.yaml"]
)
def test_single_report_run_files_name_one_report(name, tmp_path):
    (job,) = read_plan(PROJECT / "params" / name, out=tmp_path).jobs
    check_data([job])
    assert job.html.parent.parent.parent == tmp_path


def test_a_grid_is_the_product_of_its_lists(tmp_path):
    run = write_run(
        tmp_path,
        {
            "notebook": ["province_report"],
            "areas": ["Đắk Lắk", "kontum", 64],
            "years": [2023, 2024],
            "periods": "FY",
            "langs": ["vi", "en"],
        },
    )
    plan = read_plan(run)
    assert len(plan.jobs) == 3 * 2 * 2
    assert {j.area for j in plan.jobs} == {"66", "62", "64"}
    en = [j for j in plan.jobs if j.lang == "en"]
    assert all(j.html.name.endswith(".en.html") for j in en)
    assert plan.out_dir == tmp_path / "outputs"  # $KCANALYSIS_OUTPUTS, set by tests/conftest.py


def test_runs_and_sets_and_regional_areas(tmp_path):
    run = write_run(
        tmp_path,
        {
            "runs": [
                {"notebook": "regional_overview", "areas": "all", "years": 2024},
                {
                    "sets": [
                        {"province": "Gia Lai", "year": 2015},
                        {"region": "MTTN", "year": 2011, "period": "M8"},
                    ]
                },
                {"notebook": "province_report", "areas": "all", "years": 2011, "periods": "M8"},
            ]
        },
    )
    plan = read_plan(run, out=tmp_path / "o")
    kinds = [(j.notebook, j.area, j.year, j.period) for j in plan.jobs]
    assert kinds[0] == ("regional_overview", "MTTN", 2024, "FY")  # VN: no demo data for all
    assert ("province_report", "64", 2015, "FY") in kinds
    assert ("regional_overview", "MTTN", 2011, "M8") in kinds
    assert sorted(a for n, a, y, p in kinds if n == "province_report" and y == 2011) == MTTN
    check_data(plan.jobs)


@pytest.mark.parametrize(
    ("doc", "message"),
    [
        (
            {"notebook": "province_report", "areas": ["66"], "years": [2024], "yeras": 1},
            r"grid: unknown key\(s\) yeras",
        ),
        ({"notebook": "province_report", "areas": ["66"]}, r"missing key\(s\) years"),
        ({"notebook": "nope", "areas": ["66"], "years": 2024}, "unknown notebook 'nope'"),
        (
            {"notebook": "province_report", "areas": ["Dak Lax"], "years": 2024},
            "area 'Dak Lax'.*Did you mean",
        ),
        (
            {"notebook": "province_report", "areas": ["66"], "years": ["2024"]},
            "'years' must be a year",
        ),
        (
            {"notebook": "province_report", "areas": ["66"], "years": 2024, "langs": "fr"},
            "'lang'='fr'",
        ),
        (
            {"notebook": "province_report", "areas": "region:XX", "years": 2024},
            r"province_report, 2024 FY\)",
        ),
        (
            {"sets": [{"province": "66", "year": 2024, "colour": "red"}]},
            r"sets\[0\].*unknown parameter\(s\) colour",
        ),
        ({"sets": [{"province": "66"}], "extra": 1}, r"unknown: extra"),
        (
            {"runs": [{"notebook": "province_report", "areas": ["66"], "years": 2024}, 3]},
            r"runs\[1\]: must be a mapping",
        ),
    ],
)
def test_a_bad_entry_stops_the_batch_and_is_named(doc, message, tmp_path):
    with pytest.raises(ParameterError, match=message):
        read_plan(write_run(tmp_path, doc))


def test_all_problems_are_listed_at_once(tmp_path):
    doc = {
        "sets": [
            {"province": "Dak Lax", "year": 2024},
            {"province": "66", "year": 2024, "lang": "fr"},
        ]
    }
    with pytest.raises(ParameterError, match=r"2 problem\(s\); nothing was run") as err:
        read_plan(write_run(tmp_path, doc))
    assert "sets[0]" in str(err.value) and "sets[1]" in str(err.value)


def test_years_and_periods_without_data_are_named_before_anything_runs(tmp_path):
    doc = {
        "notebook": "province_report",
        "areas": ["66", "64"],
        "years": [2024, 2010],
        "periods": ["FY", "M8"],
    }
    plan = read_plan(write_run(tmp_path, doc))
    with pytest.raises(ParameterError, match=r"6 problem\(s\)") as err:
        check_data(plan.jobs)
    text = str(err.value)
    assert "area '66', 2010 FY vi): No data for area 66 in year=2010" in text
    assert "area '64', 2024 M8 vi)" in text
    assert "2024 FY vi)" not in text


def test_a_region_whose_members_lack_data_is_refused(tmp_path):
    plan = read_plan(
        write_run(tmp_path, {"notebook": "province_report", "areas": "region:VN", "years": 2024})
    )
    with pytest.raises(ParameterError, match=r"problem\(s\)") as err:
        check_data(plan.jobs)
    assert "area '01'" in str(err.value)  # Hà Nội is in VN but not in the demo data


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("data", ["../../../etc/passwd"], "outside the run file's folder and the project"),
        ("data", ["/etc/hosts"], "is an absolute path"),
        ("data", ["~/x.csv"], "is an absolute path"),
        ("out", "../../elsewhere", "outside the run file's folder"),
        ("out", "/tmp/somewhere", "is an absolute path"),
        ("data", ["missing.csv"], r"data file\(s\) not found"),
    ],
)
def test_paths_may_not_escape_the_run_file_folder_or_the_project(key, value, message, tmp_path):
    inner = tmp_path / "a" / "b"
    inner.mkdir(parents=True)
    doc = {"notebook": "province_report", "areas": ["66"], "years": 2024, key: value}
    with pytest.raises(ParameterError, match=message):
        read_plan(write_run(inner, doc))


def test_dotdot_inside_the_project_is_fine_and_paths_are_relative_to_the_run_file(tmp_path):
    (tmp_path / "pyproject.toml").write_text("")
    (tmp_path / "params").mkdir()
    data = tmp_path / "data" / "kc.csv"
    data.parent.mkdir()
    data.write_text("x")
    doc = {
        "notebook": "province_report",
        "areas": ["66"],
        "years": 2024,
        "data": ["../data/kc.csv"],
        "out": "../out",
    }
    plan = read_plan(write_run(tmp_path / "params", doc))
    assert plan.jobs[0].data == (str(data),)
    assert plan.out_dir == tmp_path / "out"
    # An absolute --out on the command line is allowed and wins.
    assert (
        read_plan(write_run(tmp_path / "params", doc), out=tmp_path / "cli").out_dir
        == tmp_path / "cli"
    )


def test_custom_notebooks_take_a_subset_plus_their_own_parameters(project):
    plan = read_plan(write_run(project, tiny_sets("66", "Gia Lai", sleep_s=0.5)))
    first = plan.jobs[0]
    assert first.params == {
        "province": "66",
        "year": 2024,
        "period": "FY",
        "lang": "vi",
        "sleep_s": 0.5,
    }
    assert first.html.name == "66-dak-lak.tiny.html"  # never overwrites the real report
    assert plan.jobs[1].area == "64"
    bad = tiny_sets("66", region="MTTN", colour=1)
    with pytest.raises(ParameterError, match=r"unknown parameter\(s\) colour"):
        read_plan(write_run(project, bad))


def test_two_entries_writing_the_same_file_are_refused_unless_identical(tmp_path):
    same = {"sets": [{"province": "66", "year": 2024}, {"province": "Đắk Lắk", "year": 2024}]}
    assert len(read_plan(write_run(tmp_path, same)).jobs) == 1
    clash = {
        "sets": [
            {"province": "66", "year": 2024},
            {"province": "66", "year": 2024, "base_year": 2020},
        ]
    }
    with pytest.raises(ParameterError, match=r"sets\[1\].*writes .*66-dak-lak.html, as sets\[0\]"):
        read_plan(write_run(tmp_path, clash))


def test_a_code_that_names_no_unit_in_the_year_is_refused(tmp_path):
    doc = {"notebook": "province_report", "areas": ["64"], "years": 2030}
    with pytest.raises(ParameterError, match="since then Gia Lai is code 52"):
        read_plan(write_run(tmp_path, doc))


def test_builtin_beside_a_file_in_a_run_file_is_kept_and_its_files_are_watched(tmp_path):
    # `data: [own.xlsx, builtin]`: the file is resolved against the run file, "builtin"
    # stays a word, and the cache key and the stale-data watch cover the panel's files.
    import shutil
    from pathlib import Path

    from kcanalysis.reporting.batch.cache import Watch, job_key

    (tmp_path / "pyproject.toml").write_text("")
    own = Path(__file__).parents[1] / "data" / "ingest" / "projects_decree235.xlsx"
    shutil.copy(own, tmp_path / "own.xlsx")
    doc = {
        "notebook": "province_report",
        "areas": ["66"],
        "years": 2026,
        "data": ["own.xlsx", "builtin"],
    }
    plan = read_plan(write_run(tmp_path, doc))
    (job,) = plan.jobs
    assert job.data == (str(tmp_path / "own.xlsx"), "builtin")
    watched = {Path(p).name for p in Watch([job]).start}
    assert {"own.xlsx", "demo_facts.csv", "demo_projects.csv"} <= watched
    assert len(job_key(job)) == 64
    check_data(plan.jobs)  # new Đắk Lắk 2026 is in the user's file: nothing refused
