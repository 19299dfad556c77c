import papermill as pm
import pytest

from kcanalysis.errors import ParameterError
from kcanalysis.panel import load_report_data
from kcanalysis.params import (
    NOTEBOOK_PARAMS,
    ProvinceReportParams,
    RegionalOverviewParams,
    check_available,
)
from kcanalysis.reporting.execute import notebook_path


@pytest.mark.parametrize("name", sorted(NOTEBOOK_PARAMS))
def test_notebook_parameters_equal_the_class_fields(name):
    import dataclasses

    inspected = pm.inspect_notebook(str(notebook_path(name)))
    fields = [f.name for f in dataclasses.fields(NOTEBOOK_PARAMS[name])]
    assert list(inspected) == fields
    # Types are annotated, so `papermill --help-notebook` shows them.
    assert all(p["inferred_type_name"] != "None" for p in inspected.values())


def test_province_is_normalised_to_its_code():
    assert ProvinceReportParams(province="Đăk Lăk", year=2024).province == "66"


@pytest.mark.parametrize(
    ("values", "match"),
    [
        ({"province": "66", "yaer": 2024}, "Unknown parameter\\(s\\) yaer"),
        ({"province": "Dak Lac Xyz"}, "Did you mean"),
        ({"province": "66", "year": "2024"}, "'year' must be int"),
        ({"province": "66", "year": True}, "'year' must be int"),
        ({"province": "66", "lang": "fr"}, "'lang'='fr' is not supported"),
        ({"province": "66", "period": "Q5"}, "not a period"),
        ({"province": "66", "data": ["/nonexistent.csv"]}, "does not exist"),
    ],
)
def test_bad_parameters_are_rejected_with_the_key_named(values, match):
    with pytest.raises(ParameterError, match=match):
        ProvinceReportParams.from_dict(values)


def test_a_year_without_data_is_rejected_before_any_kernel_starts():
    facts = load_report_data().facts
    with pytest.raises(ParameterError, match="No data for area 66 in year=2030"):
        check_available(ProvinceReportParams(province="66", year=2030), facts)
    with pytest.raises(ParameterError, match="period='M8'"):
        check_available(ProvinceReportParams(province="66", year=2015, period="M8"), facts)
    check_available(RegionalOverviewParams(region="MTTN", year=2011, period="M8"), facts)


@pytest.mark.parametrize(
    ("province", "year", "region"),
    [
        ("Đắk Lắk", 2024, "MTTN"),  # one of the 15 MTTN provinces
        ("Tây Ninh", 2024, "VN"),  # not in MTTN: compared with the whole country
        ("MTTN", 2024, "MTTN"),  # a region's own report
    ],
)
def test_the_default_region_is_the_provinces_own(province, year, region):
    assert ProvinceReportParams(province=province, year=year).region == region


def test_a_given_region_is_kept():
    assert ProvinceReportParams(province="Đắk Lắk", year=2024, region="VN").region == "VN"
