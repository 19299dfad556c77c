"""Execute a report notebook with papermill, one run per parameter set.

The steps are papermill's own (`papermill.execute_notebook` does the same): load the
notebook, inject the parameters as Python literals in a cell tagged
``injected-parameters`` after the ``parameters`` cell, record papermill's metadata, run the
cells with papermill's notebook client (which stops at the first error and records it),
then raise `PapermillExecutionError` if a cell failed. Two things differ, so that batches
can use the same code on a kernel that is already running (the ``warm`` engine):

- the kernel is passed in (`kcanalysis.reporting.batch.kernel.Kernel`); papermill would
  start one per run and change this process's working folder, which threads cannot share;
- the injected cell gets a fixed id, so two renders of the same parameters give the same
  notebook and the same HTML.
"""

from __future__ import annotations

import logging
import os
import sys
import sysconfig
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from kcanalysis.errors import ReportError
from kcanalysis.params import NOTEBOOK_PARAMS, _Params, area_slug

if TYPE_CHECKING:  # nbformat is imported when needed: it takes a second (jsonschema)
    import nbformat

NOTEBOOKS = tuple(NOTEBOOK_PARAMS)

#: nbclient's own log lines ("Kernel died while waiting...") are reported by the caller.
_LOG = logging.getLogger("kcanalysis.reporting.kernel")
_LOG.propagate = False
_LOG.addHandler(logging.NullHandler())

INJECTED_CELL_ID = "injected-parameters"


def notebook_path(name: str) -> Path:
    """Return the path of a report notebook shipped with the project.

    From a source checkout (``pip install -e .``, as ``make`` does) it is the checkout's
    ``notebooks/`` folder, which researchers open in JupyterLab; from an installed wheel,
    the copy installed under ``<prefix>/share/kcanalysis/notebooks``.
    """
    if name not in NOTEBOOKS:
        raise ReportError(f"Unknown notebook {name!r}; use one of {', '.join(NOTEBOOKS)}.")
    source = Path(str(resources.files("kcanalysis"))).parent / "notebooks"
    installed = [Path(sysconfig.get_path("data")), Path(sys.prefix)]
    places = [source, *(p / "share" / "kcanalysis" / "notebooks" for p in installed)]
    for folder in places:
        if (folder / f"{name}.ipynb").is_file():
            return folder / f"{name}.ipynb"
    raise ReportError(
        f"Notebook {name}.ipynb is missing (looked in {', '.join(map(str, places))}); "
        "reinstall kcanalysis."
    )


def default_out_dir() -> Path:
    """Return the output folder: $KCANALYSIS_OUTPUTS, else ./outputs."""
    return Path(os.environ.get("KCANALYSIS_OUTPUTS", "outputs"))


#: The output folder's subfolder for working files: executed notebooks (which hold the
#: data), records, the batch's lock and state. Everything else is for readers.
WORK_DIR = "_work"


def output_paths(params: _Params, out_dir: Path | None = None) -> tuple[Path, Path]:
    """Return ``(ipynb, html)`` paths: ``OUT/<year>/<period>/<area-slug>[.en].html`` and the
    executed notebook in ``OUT/_work/<year>/<period>/`` (`WORK_DIR`)."""
    out = Path(out_dir) if out_dir else default_out_dir()
    area = getattr(params, "province", None) or params.region  # type: ignore[attr-defined]
    stem = area_slug(area, params.year, params.period)  # type: ignore[attr-defined]
    if params.lang != "vi":  # type: ignore[attr-defined]
        stem += f".{params.lang}"  # type: ignore[attr-defined]
    where = Path(str(params.year)) / params.period  # type: ignore[attr-defined]
    return out / WORK_DIR / where / f"{stem}.ipynb", out / where / f"{stem}.html"


def failed_path(out_ipynb: Path) -> Path:
    """Return where a failed run's notebook is kept: ``<stem>.failed.ipynb``."""
    return Path(out_ipynb).with_suffix(".failed.ipynb")


def prepare_notebook(
    source: Path, parameters: dict, output_path: Path | None = None
) -> nbformat.NotebookNode:
    """Load `source` and inject `parameters` exactly as papermill does.

    Returns
    -------
    nbformat.NotebookNode
        The notebook to execute, with ``metadata.papermill`` filled in.
    """
    from papermill.execute import prepare_notebook_metadata, remove_error_markers
    from papermill.iorw import load_notebook_node
    from papermill.parameterize import parameterize_notebook

    nb = load_notebook_node(str(source))
    nb = parameterize_notebook(nb, dict(parameters), kernel_name="python3", language="python")
    for cell in nb.cells:
        if "injected-parameters" in cell.metadata.get("tags", []):
            cell["id"] = INJECTED_CELL_ID
    nb = prepare_notebook_metadata(nb, str(source), str(output_path) if output_path else None)
    return remove_error_markers(nb)


def run_prepared(
    nb: nbformat.NotebookNode,
    kernel,
    timeout: float | None = None,
    on_cell_start: Callable | None = None,
) -> nbformat.NotebookNode:
    """Execute a prepared notebook on `kernel` with papermill's client, in place.

    Parameters
    ----------
    nb : NotebookNode
        From `prepare_notebook`; it is modified in place, so after an error it holds the
        outputs and the traceback.
    kernel : kcanalysis.reporting.batch.kernel.Kernel
        A started kernel; it is left running.
    timeout : float, optional
        Seconds one cell may take (papermill's ``execution_timeout``).
    on_cell_start : callable, optional
        Called as ``on_cell_start(cell=..., cell_index=...)`` before each cell.

    Raises
    ------
    papermill.exceptions.PapermillExecutionError
        A cell raised; the notebook holds papermill's error markers.
    nbclient.exceptions.DeadKernelError
        The kernel process ended.
    """
    from papermill.clientwrap import PapermillNotebookClient
    from papermill.engines import NotebookExecutionManager
    from papermill.execute import raise_for_execution_errors

    nb_man = NotebookExecutionManager(
        nb, output_path=None, log_output=False, progress_bar=False, autosave_cell_every=0
    )
    nb_man.notebook_start()
    try:
        options = {"on_cell_start": on_cell_start} if on_cell_start else {}
        client = PapermillNotebookClient(
            nb_man,
            km=kernel.km,
            timeout=timeout,
            startup_timeout=60,
            kernel_name="python3",
            log=_LOG,
            log_output=False,
            **options,
        )
        client.kc = kernel.kc
        client.execute(cleanup_kc=False)
    finally:
        nb_man.cleanup_pbar()
        nb_man.notebook_complete()
    raise_for_execution_errors(nb, None)
    return nb


def notebook_bytes(nb: nbformat.NotebookNode) -> bytes:
    """Serialise a notebook as papermill writes it."""
    import nbformat

    return nbformat.writes(nb).encode("utf-8")


def execute_notebook(name: str, params: _Params, out_ipynb: Path, timeout: int = 600) -> Path:
    """Execute notebook `name` with `params` on a fresh kernel into `out_ipynb`.

    Parameters are injected by papermill as Python literals. The executed notebook is
    written to a temporary file and renamed into place only when the run succeeds; a
    failed run is kept as ``<name>.failed.ipynb`` with its traceback.

    Raises
    ------
    ReportError
        Naming the failing cell, the error and the path of the failed notebook.
    """
    from papermill.exceptions import PapermillExecutionError

    from kcanalysis.reporting.batch.kernel import Kernel
    from kcanalysis.reporting.files import atomic_write_bytes

    out_ipynb = Path(out_ipynb)
    source = notebook_path(name)
    nb = prepare_notebook(source, params.to_dict(), out_ipynb)
    try:
        kernel = Kernel(source.parent)
    except Exception as err:
        raise ReportError(f"{name}: the Python kernel did not start: {err}") from err
    try:
        run_prepared(nb, kernel, timeout=timeout)
    except PapermillExecutionError as err:
        failed = atomic_write_bytes(failed_path(out_ipynb), notebook_bytes(nb))
        raise ReportError(
            f"{name} failed in cell {err.exec_count} with {err.ename}: {err.evalue}. "
            f"The executed notebook with the traceback is {failed}."
        ) from err
    except Exception as err:
        raise ReportError(f"{name} could not be executed: {err}") from err
    finally:
        kernel.shutdown()
    failed_path(out_ipynb).unlink(missing_ok=True)
    return atomic_write_bytes(out_ipynb, notebook_bytes(nb))
