"""Cache keys, the record beside each report, and the batch's state file.

A report's key is the SHA-256 of: its notebook's name and contents, its parameters, the
contents of its data files, and the kcanalysis version together with a fingerprint of
the package's code, templates and built-in data (the batch runner's own modules are
left out: they do not change a report). Built-in data are covered by that fingerprint.

After a report is rendered, ``<stem>.report.json`` is written beside its executed notebook
(in the output folder's ``_work/``), last and
atomically: the key, status, seconds, headline indicators and whether the data were
synthetic. A report is skipped when that record holds the same key and its ``.ipynb``
and ``.html`` exist. The key is also stored in the notebook's ``metadata.kcanalysis``.

The state file ``_work/.kcbatch-state.json`` in the output folder records the outcome of every
report of the last runs, so that ``--retry-failed`` knows what failed.

`Watch` notices a data file or notebook that changes while a batch runs: it keeps the
SHA-256 each had when the batch started (the one in the cache keys) and compares it with
the current one after each report and at the end of the batch. The reports that use a
changed file are marked ``stale`` (their record too, so the next run renders them again).
Hashes are cached per file version, identified by its inode, size, modification and
change times: the change time moves with every write and cannot be set back, so an
edit that keeps the size and modification time is still seen.
"""

from __future__ import annotations

import hashlib
import json
import os
from datetime import UTC, datetime
from functools import cache
from importlib import resources
from pathlib import Path

from kcanalysis.datasets import data_files
from kcanalysis.reporting.files import atomic_write_text

STATE_FILE = "_work/.kcbatch-state.json"
RECORD_FORMAT = 1
_SKIP_NAMES = ("cli.py", "cli_info.py")
_HASHES: dict[tuple, str] = {}


def file_sha256(path: str | Path) -> str:
    """Return the SHA-256 of a file, computed once per content version in this process."""
    st = os.stat(path)
    key = (str(path), st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)
    if key not in _HASHES:
        digest = hashlib.sha256()
        with open(path, "rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                digest.update(chunk)
        _HASHES[key] = digest.hexdigest()
    return _HASHES[key]


@cache
def code_fingerprint() -> str:
    """Return a SHA-256 over kcanalysis's code, templates and built-in data."""
    import kcanalysis

    root = Path(str(resources.files("kcanalysis")))
    digest = hashlib.sha256(f"kcanalysis {kcanalysis.__version__}\n".encode())
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root)
        if not path.is_file() or path.suffix == ".pyc" or path.name in _SKIP_NAMES:
            continue
        if rel.parts[:2] == ("reporting", "batch") or "__pycache__" in rel.parts:
            continue
        digest.update(f"{rel.as_posix()}\0{file_sha256(path)}\n".encode())
    return digest.hexdigest()


def job_key(job) -> str:
    """Return the cache key of a `Job` (see the module docstring)."""
    import kcanalysis

    payload = {
        "notebook": job.notebook,
        "notebook_sha256": file_sha256(job.source),
        "params": job.params,
        "data_sha256": [file_sha256(p) for p in data_files(job.data)],
        "kcanalysis": kcanalysis.__version__,
        "code": code_fingerprint(),
    }
    text = json.dumps(payload, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def read_json(path: Path) -> dict | None:
    """Return the mapping in a JSON file, or None if it is missing or unreadable."""
    try:
        value = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return value if isinstance(value, dict) else None


def fresh_record(job, key: str) -> dict | None:
    """Return the job's record if its outputs are up to date for `key`, else None."""
    record = read_json(job.record)
    if (
        record
        and record.get("key") == key
        and record.get("status") == "done"
        and job.html.is_file()
        and job.ipynb.is_file()
    ):
        return record
    return None


def write_record(job, record: dict) -> None:
    """Write the job's ``.report.json`` atomically."""
    record = {"format": RECORD_FORMAT, **record}
    atomic_write_text(job.record, json.dumps(record, ensure_ascii=False, indent=1))


def now_iso() -> str:
    """Return the current UTC time, to the second."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def state_key(out_dir: Path, job) -> str:
    """Return how a job is named in the state file: its HTML path relative to `out_dir`."""
    return Path(os.path.relpath(job.html, out_dir)).as_posix()


def read_state(out_dir: Path) -> dict:
    """Return the state of earlier runs in `out_dir` (empty if there is none)."""
    state = read_json(Path(out_dir) / STATE_FILE) or {}
    reports = state.get("reports")
    return {**state, "reports": reports if isinstance(reports, dict) else {}}


def write_state(out_dir: Path, state: dict) -> None:
    """Write the state file atomically."""
    state = {**state, "updated": now_iso()}
    atomic_write_text(Path(out_dir) / STATE_FILE, json.dumps(state, ensure_ascii=False, indent=1))


def current_sha256(path: str | Path) -> str | None:
    """Return the SHA-256 of a file now, or None if it is gone or cannot be read."""
    try:
        return file_sha256(path)
    except OSError:
        return None


class Watch:
    """The SHA-256 of every data file and notebook of a batch when it started."""

    def __init__(self, jobs) -> None:
        self.start: dict[str, str | None] = {}
        for job in jobs:
            for path in self._files(job):
                if path not in self.start:
                    self.start[path] = current_sha256(path)

    @staticmethod
    def _files(job) -> list[str]:
        return [*map(str, data_files(job.data)), str(job.source)]

    def changes(self, job) -> list[str]:
        """Return how the files of `job` changed since the batch started (empty: none)."""
        found = []
        for path in self._files(job):
            before, now = self.start.get(path), current_sha256(path)
            if now == before:
                continue
            what = "data file" if path in map(str, data_files(job.data)) else "notebook"
            if now is None:
                found.append(f"{what} {path} was removed or became unreadable during the batch")
            else:
                found.append(
                    f"{what} {path} changed during the batch (SHA-256 "
                    f"{(before or '?')[:12]}… at the start, {now[:12]}… now)"
                )
        return found


def stale_message(changes: list[str]) -> str:
    """The error text of a stale report."""
    return (
        "stale: "
        + "; ".join(changes)
        + ". The report may mix old and new data; run the batch again to render it from "
        "the current files."
    )


def mark_stale(job, message: str) -> bool:
    """Set the status of the job's record to ``stale`` (if it has one); return whether."""
    record = read_json(job.record)
    if not record:
        return False
    record.update(status="stale", error=message)
    record.pop("format", None)
    write_record(job, record)
    return True
