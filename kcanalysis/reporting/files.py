"""Atomic file writes: a reader sees the previous good file or the new one, never half.

Every output goes to a temporary file in the same folder (so the final rename stays on one
file system) and is renamed into place with `os.replace`. Temporary files are hidden and
end in ``.tmp`` (``.66-dak-lak.html.k3j9x2.tmp``), so a glob for ``*.html`` or ``*.ipynb``
never mistakes one for an output, even after a run was killed mid-write.
"""

from __future__ import annotations

import os
import re
import tempfile
import time
from pathlib import Path

from kcanalysis.errors import ReportError

#: What a temporary sibling looks like: ``.<name>.<random>.tmp``.
TEMP_RE = re.compile(r"^\..+\.[a-z0-9_]{6,12}\.tmp$")


def _mkstemp(path: Path) -> tuple[int, str]:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.fchmod(fd, 0o644)
    return fd, tmp


def atomic_write_bytes(path: Path, data: bytes) -> Path:
    """Write `data` to `path` through a temporary file in the same folder and a rename."""
    path = Path(path)
    try:
        fd, tmp = _mkstemp(path)
    except OSError as err:
        raise ReportError(
            f"Cannot write to {path.parent}: {err.strerror}. "
            "Choose a writable output folder with --out."
        ) from err
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except OSError as err:
        Path(tmp).unlink(missing_ok=True)
        raise ReportError(
            f"Cannot write {path}: {err.strerror}. Earlier outputs are intact; "
            "free some space or choose another folder with --out."
        ) from err
    return path


def atomic_write_text(path: Path, text: str) -> Path:
    """Write UTF-8 `text` to `path` atomically (see `atomic_write_bytes`)."""
    return atomic_write_bytes(path, text.encode("utf-8"))


def temp_sibling(path: Path) -> Path:
    """Return a fresh temporary path next to `path` (same file system, for renames)."""
    fd, tmp = _mkstemp(Path(path))
    os.close(fd)
    return Path(tmp)


def remove_stale_temps(folder: Path, older_than_s: float = 60.0) -> int:
    """Delete temporary siblings left in `folder` by a killed run; return how many.

    Only files named like ours (``.<name>.<random>.tmp``) and not modified for
    `older_than_s` seconds are removed, so a writer that is still running keeps its file.
    """
    folder = Path(folder)
    if not folder.is_dir():
        return 0
    now = time.time()
    removed = 0
    for entry in folder.iterdir():
        if not TEMP_RE.match(entry.name) or not entry.is_file():
            continue
        try:
            if now - entry.stat().st_mtime >= older_than_s:
                entry.unlink()
                removed += 1
        except OSError:
            continue
    return removed
