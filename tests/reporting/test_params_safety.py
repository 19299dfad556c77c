"""Parameter values are injected as literals and validated; they are never executed."""

import papermill as pm
import pytest

from kcanalysis.errors import ParameterError
from kcanalysis.params import ProvinceReportParams
from kcanalysis.reporting.batch.grid import read_run_doc
from kcanalysis.reporting.execute import notebook_path

HOSTILE = 'Đắk Lắk"\nimport pathlib; pathlib.Path("PWNED").touch()  # \''


def test_hostile_province_is_a_parameter_error_before_any_kernel():
    with pytest.raises(ParameterError, match="province"):
        ProvinceReportParams(province=HOSTILE, year=2024)


def test_papermill_injects_the_value_as_a_literal():
    nb = pm.iorw.load_notebook_node(str(notebook_path("province_report")))
    injected = pm.parameterize.parameterize_notebook(nb, {"province": HOSTILE})
    cell = next(c for c in injected.cells if "injected-parameters" in c.metadata.get("tags", []))
    namespace: dict = {}
    exec(compile(cell.source, "<injected>", "exec"), namespace)  # the cell only assigns
    assert namespace["province"] == HOSTILE


@pytest.mark.slow
def test_kernel_rejects_a_hostile_value_without_running_it(tmp_path):
    out = tmp_path / "out.ipynb"
    with pytest.raises(pm.PapermillExecutionError, match="ParameterError"):
        pm.execute_notebook(
            str(notebook_path("province_report")),
            str(out),
            parameters={"province": HOSTILE},
            kernel_name="python3",
            progress_bar=False,
            cwd=str(tmp_path),
        )
    assert not (tmp_path / "PWNED").exists()


def test_run_files_are_read_with_safe_load(tmp_path):
    path = tmp_path / "evil.yaml"
    path.write_text("!!python/object/apply:os.system ['touch PWNED']\n", encoding="utf-8")
    with pytest.raises(ParameterError, match=r"evil\.yaml"):
        read_run_doc(path)
    assert not (tmp_path / "PWNED").exists()
