"""Code that runs inside a warm kernel: import once, then reset before every report.

The batch runner calls these functions through a silent execute request, so they leave
no names in the user namespace and no entry in the history.

`prepare` also memoizes `kcanalysis.panel.load_report_data` in this kernel:
reading and totalling the data is half a second per report, the same for every report
of a batch. The memo is keyed on the data files' paths, inodes, sizes, modification and
change times (the built-in files included), and every call returns fresh copies of the
frames, so a report that modified its data could not affect the next one.

`reset` gives the next report what a fresh kernel would: an empty user namespace, an
execution count starting at 1, the start-up working folder, environment, `sys.path`,
warning filters and matplotlib settings. Imported modules (and the read-only caches of
the built-in data) stay: that is the point of a warm kernel.
"""

from __future__ import annotations

import copy
import dataclasses
import gc
import os
import sys
import warnings
from importlib import resources
from pathlib import Path

_SNAPSHOT: dict = {}


def prepare() -> None:
    """Import what every report uses and remember the kernel's start-up state."""
    import io

    import matplotlib
    import pandas  # noqa: F401
    import scipy.optimize
    import scipy.stats  # noqa: F401
    from matplotlib.figure import Figure

    import kcanalysis
    import kcanalysis.datasets
    import kcanalysis.indicators
    import kcanalysis.methods
    import kcanalysis.plots
    import kcanalysis.sections
    import kcanalysis.sections.province
    import kcanalysis.sections.regional
    import kcanalysis.sections.review

    # The first figure drawn loads fonts and the Agg renderer; do it now.
    fig = Figure(figsize=(2, 1))
    fig.add_subplot().plot([0, 1], [0, 1], label="x")
    fig.savefig(io.BytesIO(), format="png")
    kcanalysis.datasets.load_demo()
    kcanalysis.datasets.load_published()
    _memoize_report_data()
    # Everything imported so far lives as long as the kernel: keep it out of the garbage
    # collector's full passes (IPython's reset runs one before every report).
    gc.collect()
    gc.freeze()
    _SNAPSHOT.update(
        environ=dict(os.environ),
        path=list(sys.path),
        filters=list(warnings.filters),
        rc=copy.deepcopy(dict(matplotlib.rcParams)),
    )


def reset(cwd: str) -> None:
    """Return the kernel to its start-up state (see the module docstring)."""
    from IPython import get_ipython

    get_ipython().reset(new_session=True)
    os.chdir(cwd)
    if _SNAPSHOT:
        os.environ.clear()
        os.environ.update(_SNAPSHOT["environ"])
        sys.path[:] = _SNAPSHOT["path"]
        warnings.filters[:] = _SNAPSHOT["filters"]
        getattr(warnings, "_filters_mutated", lambda: None)()
        import matplotlib

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            matplotlib.rcParams.update(_SNAPSHOT["rc"])


def _stamp(data) -> tuple:
    builtin = Path(str(resources.files("kcanalysis"))) / "data"
    from kcanalysis.datasets import data_files

    paths = data_files(data) + sorted(builtin.glob("*.csv"))
    stats = []
    for path in paths:
        st = path.stat()
        stats.append((str(path), st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns))
    return tuple(str(p) for p in data), tuple(stats)


def _memoize_report_data(keep: int = 4) -> None:
    """Wrap `load_report_data` with a small memo that returns copies (see above)."""
    from kcanalysis import panel as analysis

    original = analysis.load_report_data
    if getattr(original, "_kc_memo", False):
        return
    memo: dict = {}

    def load_report_data(data=()):
        key = _stamp(data)
        if key not in memo:
            if len(memo) >= keep:
                memo.pop(next(iter(memo)))
            memo[key] = original(data)
        found = memo[key]
        return dataclasses.replace(
            found,
            facts=found.facts.copy(),
            projects=None if found.projects is None else found.projects.copy(),
            published=found.published.copy(),
        )

    load_report_data.__doc__ = original.__doc__
    load_report_data.__wrapped__ = original  # type: ignore[attr-defined]
    load_report_data._kc_memo = True  # type: ignore[attr-defined]
    analysis.load_report_data = load_report_data
