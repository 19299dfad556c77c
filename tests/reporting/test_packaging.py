"""What a wheel carries: package data (templates, data files) and the report notebooks.

Building and installing a wheel is checked by hand (see the CHANGELOG); these tests keep the
packaging declarations in step with the files, and check where an installed copy looks."""

from __future__ import annotations

import fnmatch
import sys
import sysconfig
import tomllib
from pathlib import Path

import pytest

from kcanalysis.errors import ReportError
from kcanalysis.reporting import execute

ROOT = Path(__file__).resolve().parents[2]
CONFIG = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]


@pytest.mark.parametrize("folder", ["data", "reporting/templates"])
def test_every_file_the_package_reads_is_declared_package_data(folder):
    patterns = CONFIG["package-data"]["kcanalysis"]
    package = ROOT / "kcanalysis"
    files = [
        p.relative_to(package).as_posix()
        for p in (package / folder).rglob("*")
        if p.is_file() and p.suffix not in (".py", ".pyc")
    ]
    assert files, folder
    missing = [f for f in files if not any(fnmatch.fnmatch(f, pat) for pat in patterns)]
    assert not missing, f"not shipped in a wheel: {missing}"


def test_every_report_notebook_is_declared_data_files():
    declared = CONFIG["data-files"]["share/kcanalysis/notebooks"]
    for name in execute.NOTEBOOKS:
        assert any(fnmatch.fnmatch(f"notebooks/{name}.ipynb", pat) for pat in declared), name


def test_an_installed_copy_finds_its_notebooks_under_share(tmp_path, monkeypatch):
    # No source checkout beside the package: the notebook comes from <prefix>/share.
    package = tmp_path / "site-packages" / "kcanalysis"
    package.mkdir(parents=True)
    monkeypatch.setattr(execute.resources, "files", lambda _name: package)
    shared = tmp_path / "prefix" / "share" / "kcanalysis" / "notebooks"
    shared.mkdir(parents=True)
    (shared / "province_report.ipynb").write_text("{}", encoding="utf-8")
    monkeypatch.setattr(sys, "prefix", str(tmp_path / "prefix"))
    monkeypatch.setattr(sysconfig, "get_path", lambda _name: str(tmp_path / "elsewhere"))
    assert execute.notebook_path("province_report") == shared / "province_report.ipynb"
    with pytest.raises(ReportError, match=r"Notebook explore.ipynb is missing \(looked in "):
        execute.notebook_path("explore")


def test_a_source_checkout_uses_its_own_notebooks_folder():
    assert execute.notebook_path("province_report") == ROOT / "notebooks" / "province_report.ipynb"
