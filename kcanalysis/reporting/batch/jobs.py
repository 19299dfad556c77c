"""A batch's reports (`Job`), its plan, and the data checks made before anything runs."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path

from kcanalysis.errors import KcAnalysisError, ParameterError
from kcanalysis.params import _Params

_MAX_SHOWN = 25


@dataclass(frozen=True)
class Job:
    """One report to render: which notebook, with which parameters, to which files."""

    notebook: str
    source: Path
    params: dict
    area: str
    year: int
    period: str
    lang: str
    data: tuple[str, ...]
    ipynb: Path
    html: Path
    title: str
    entry: str
    checked: _Params = field(compare=False, repr=False)

    @property
    def record(self) -> Path:
        """The sidecar JSON with the cache key and headline: ``<stem>.report.json``."""
        return self.html.with_suffix(".report.json")

    @property
    def failed_ipynb(self) -> Path:
        """Where the executed notebook of a failed run is kept."""
        return self.ipynb.with_suffix(".failed.ipynb")


@dataclass
class Plan:
    """The validated reports of a run file and the batch's output folder."""

    run_file: Path | None
    out_dir: Path
    jobs: list[Job]


class Problems:
    """Problems found while validating a batch, raised together with their entries."""

    def __init__(self) -> None:
        self.items: list[str] = []

    def add(self, entry: str, message: str) -> None:
        """Record that `entry` (e.g. ``runs[1] (province_report, 2024 FY)``) is wrong."""
        self.items.append(f"{entry}: {message}")

    def raise_if_any(self, what: str) -> None:
        """Raise one `ParameterError` listing every problem, if there is any."""
        if not self.items:
            return
        shown = self.items[:_MAX_SHOWN]
        more = len(self.items) - len(shown)
        raise ParameterError(
            f"{what} has {len(self.items)} problem(s); nothing was run:\n  - "
            + "\n  - ".join(shown)
            + (f"\n  ... and {more} more." if more else "")
        )


_DATA: dict[tuple[str, ...], object] = {}
_DATA_LOCK = threading.Lock()


def load_data(data: tuple[str, ...]):
    """Return `load_report_data(data)`, loaded once per batch process."""
    from kcanalysis.sections.analysis import load_report_data

    with _DATA_LOCK:
        if data not in _DATA:
            _DATA[data] = load_report_data(list(data))
        return _DATA[data]


def check_data(jobs: list[Job], what: str = "The batch") -> None:
    """Raise `ParameterError` naming every job whose data lack its area, year or period."""
    from kcanalysis.params import check_available

    problems = Problems()
    for job in jobs:
        try:
            check_available(job.checked, load_data(job.data).facts)  # type: ignore[attr-defined]
        except KcAnalysisError as err:
            problems.add(job.entry, str(err))
    problems.raise_if_any(what)
