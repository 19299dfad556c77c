"""A batch's reports (`Job`), its plan, and the data checks made before anything runs."""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass, field
from pathlib import Path

from kcanalysis.errors import KcAnalysisError, ParameterError
from kcanalysis.params import _Params

_MAX_SHOWN = 25
#: One problem's message is cut at this length (a value may be a long list).
_MAX_MESSAGE = 600


def shown(value: object, limit: int = 80) -> str:
    """Return ``repr(value)``, cut to `limit` characters (with "…") for messages."""
    try:
        text = reprlib_repr(value)
    except Exception:  # a repr must never break an error message
        text = f"<{type(value).__name__}>"
    return text if len(text) <= limit else text[: limit - 1] + "…"


def reprlib_repr(value: object) -> str:
    """`repr` that stops early on long or deep containers (never expands a huge value)."""
    import reprlib

    short = reprlib.Repr()
    short.maxstring = short.maxother = 200
    short.maxlist = short.maxdict = short.maxset = short.maxtuple = 8
    short.maxlevel = 4
    return short.repr(value)


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
        """The sidecar JSON with the cache key, headline and key figures:
        ``<stem>.report.json`` beside the executed notebook (in ``_work/``)."""
        return self.ipynb.with_suffix(".report.json")

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
        text = f"{entry}: {message}"
        if len(text) > _MAX_MESSAGE:
            text = text[: _MAX_MESSAGE - 1] + "…"
        self.items.append(text)

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


_DATA: dict[tuple, object] = {}
_DATA_LOCK = threading.Lock()


def _version(path: str) -> tuple:
    try:
        st = os.stat(path)
    except OSError:
        return (path, None)
    return (path, st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)


def load_data(data: tuple[str, ...]):
    """Return `load_report_data(data)`, loaded once per version of the files."""
    from kcanalysis.panel import load_report_data

    key = (tuple(data), tuple(_version(p) for p in data))
    with _DATA_LOCK:
        if key not in _DATA:
            if len(_DATA) >= 64:  # old versions of changed files go first
                _DATA.pop(next(iter(_DATA)))
            _DATA[key] = load_report_data(list(data))
        return _DATA[key]


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


@dataclass(frozen=True)
class RecordedJob:
    """A rendered report as its record describes it (for ``kcanalysis summary``)."""

    notebook: str
    area: str
    year: int
    period: str
    lang: str
    data: tuple[str, ...]
    html: Path
    record: Path
    checked: _Params


def record_job(path: Path, record: dict, out_dir: Path) -> RecordedJob | None:
    """Rebuild the report a ``.report.json`` at `path` describes; None if it cannot be."""
    from kcanalysis.params import NOTEBOOK_PARAMS

    # report_params: every parameter of the report (params: those given to its notebook)
    params = record.get("report_params") or record.get("params")
    notebook = str(record.get("notebook") or "")
    if not isinstance(params, dict):
        return None
    cls = (
        NOTEBOOK_PARAMS.get(notebook)
        or NOTEBOOK_PARAMS["province_report" if "province" in params else "regional_overview"]
    )
    names = {f.name for f in cls.__dataclass_fields__.values()}  # type: ignore[attr-defined]
    try:
        checked = cls.from_dict({k: v for k, v in params.items() if k in names})
    except (KcAnalysisError, ValueError, TypeError, LookupError):
        return None
    html = record.get("html")
    if isinstance(html, str) and html:
        html_path = (path.parent / html).resolve()
    else:  # records written before the working files had their own folder
        html_path = path.with_name(path.name.removesuffix(".report.json") + ".html")
    return RecordedJob(
        notebook,
        getattr(checked, "province", None) or checked.region,  # type: ignore[attr-defined]
        checked.year,  # type: ignore[attr-defined]
        checked.period,  # type: ignore[attr-defined]
        checked.lang,  # type: ignore[attr-defined]
        tuple(checked.data),  # type: ignore[attr-defined]
        html_path,
        path,
        checked,
    )
