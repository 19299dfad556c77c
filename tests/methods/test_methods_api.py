"""The public API of kcanalysis.methods: exported names, docstrings and type hints."""

from __future__ import annotations

import inspect

import kcanalysis.methods as methods

EXPECTED = {
    "mann_kendall",
    "theil_sen",
    "funnel_limits",
    "overdispersion",
    "dea",
    "super_efficiency",
    "malmquist",
    "malmquist_summary",
    "shrink",
    "james_stein",
    "compare_groups",
    "adjust_pvalues",
    "ratio_ci",
}


def test_all_lists_the_contract_functions():
    assert set(methods.__all__) >= EXPECTED
    assert sorted(methods.__all__) == methods.__all__
    for name in methods.__all__:
        assert hasattr(methods, name), name


def test_public_functions_have_numpy_docstrings_and_hints():
    for name in methods.__all__:
        obj = getattr(methods, name)
        if not inspect.isfunction(obj):
            continue
        doc = inspect.getdoc(obj) or ""
        assert "Parameters" in doc and "Returns" in doc, name
        sig = inspect.signature(obj)
        assert sig.return_annotation is not inspect.Signature.empty, name
        for param in sig.parameters.values():
            assert param.annotation is not inspect.Parameter.empty, (name, param.name)
