"""Atomic file writes: a reader sees the previous good file or the new one, never half."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from kcanalysis.errors import ReportError


def atomic_write_bytes(path: Path, data: bytes) -> Path:
    """Write `data` to `path` through a temporary file in the same folder and a rename."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(
            prefix=f".{path.stem}.", suffix=f".tmp{path.suffix}", dir=path.parent
        )
        os.fchmod(fd, 0o644)
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


def temp_sibling(path: Path) -> Path:
    """Return a fresh temporary path next to `path` (same file system, for renames)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(
        prefix=f".{path.stem}.", suffix=f".tmp{path.suffix}", dir=path.parent
    )
    os.fchmod(fd, 0o644)
    os.close(fd)
    return Path(tmp)
