"""Execute a report notebook with papermill, one run per parameter set."""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

from kcanalysis.errors import ReportError
from kcanalysis.params import NOTEBOOK_PARAMS, _Params, area_slug

NOTEBOOKS = tuple(NOTEBOOK_PARAMS)


def notebook_path(name: str) -> Path:
    """Return the path of a report notebook shipped with the project."""
    if name not in NOTEBOOKS:
        raise ReportError(f"Unknown notebook {name!r}; use one of {', '.join(NOTEBOOKS)}.")
    here = Path(str(resources.files("kcanalysis"))).parent / "notebooks" / f"{name}.ipynb"
    if not here.is_file():
        raise ReportError(f"Notebook {here} is missing; reinstall kcanalysis from its source.")
    return here


def default_out_dir() -> Path:
    """Return the output folder: $KCANALYSIS_OUTPUTS, else ./outputs."""
    return Path(os.environ.get("KCANALYSIS_OUTPUTS", "outputs"))


def output_paths(params: _Params, out_dir: Path | None = None) -> tuple[Path, Path]:
    """Return ``(ipynb, html)`` paths: ``OUT/<year>/<period>/<area-slug>[.en].{ipynb,html}``."""
    out = Path(out_dir) if out_dir else default_out_dir()
    area = getattr(params, "province", None) or params.region  # type: ignore[attr-defined]
    stem = area_slug(area, params.year)  # type: ignore[attr-defined]
    if params.lang != "vi":  # type: ignore[attr-defined]
        stem += f".{params.lang}"  # type: ignore[attr-defined]
    folder = out / str(params.year) / params.period  # type: ignore[attr-defined]
    return folder / f"{stem}.ipynb", folder / f"{stem}.html"


def execute_notebook(name: str, params: _Params, out_ipynb: Path, timeout: int = 600) -> Path:
    """Execute notebook `name` with `params` through papermill into `out_ipynb`.

    Parameters are injected by papermill as Python literals. The executed notebook is
    written to a temporary file and renamed into place only when the run succeeds; a
    failed run is kept as ``<name>.failed.ipynb`` with its traceback.

    Raises
    ------
    ReportError
        Naming the failing cell, the error and the path of the failed notebook.
    """
    import papermill as pm
    from papermill.exceptions import PapermillExecutionError

    from kcanalysis.reporting.files import temp_sibling

    out_ipynb = Path(out_ipynb)
    tmp = temp_sibling(out_ipynb)
    try:
        pm.execute_notebook(
            str(notebook_path(name)),
            str(tmp),
            parameters=params.to_dict(),
            kernel_name="python3",
            progress_bar=False,
            log_output=False,
            execution_timeout=timeout,
            cwd=str(notebook_path(name).parent),
            # The kernel's start-up log ("running over TCP without encryption") is noise.
            extra_arguments=["--IPKernelApp.log_level=ERROR"],
        )
    except PapermillExecutionError as err:
        failed = out_ipynb.with_suffix(".failed.ipynb")
        os.replace(tmp, failed)
        raise ReportError(
            f"{name} failed in cell {err.exec_count} with {err.ename}: {err.evalue}. "
            f"The executed notebook with the traceback is {failed}."
        ) from err
    except Exception as err:
        tmp.unlink(missing_ok=True)
        raise ReportError(f"{name} could not be executed: {err}") from err
    os.replace(tmp, out_ipynb)
    return out_ipynb
