import pytest

from kcanalysis import errors


def test_every_error_derives_from_the_base_class():
    for cls in (
        errors.DataError,
        errors.UnknownProvinceError,
        errors.ParameterError,
        errors.ReportError,
    ):
        assert issubclass(cls, errors.KcAnalysisError)


def test_unknown_province_is_also_a_value_error():
    with pytest.raises(ValueError):
        raise errors.UnknownProvinceError("x", value="x", suggestions=("a", "b", "c"))
    assert issubclass(errors.UnknownProvinceError, errors.DataError)
