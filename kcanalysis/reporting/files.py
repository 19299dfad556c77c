"""Atomic file writes: a reader sees the previous good file or the new one, never half.

Every output goes to a temporary file in the same folder (so the final rename stays on one
file system) and is renamed into place with `os.replace`. Temporary files are hidden and
end in ``.tmp`` (``.66-dak-lak.html.k3j9x2.tmp``), so a glob for ``*.html`` or ``*.ipynb``
never mistakes one for an output, even after a run was killed mid-write.

A write that fails (a full disk, a read-only folder, no permission) removes its temporary
file, leaves the earlier file as it was, and raises `OutputWriteError`: a `ReportError`
whose message names the file and its folder and says what to do. `stage_bytes` and
`commit` write several files "together": all are written to temporary files first, and
only renamed into place when every one of them was written.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import tempfile
import time
from pathlib import Path

from kcanalysis.errors import ReportError

#: What a temporary sibling looks like: ``.<name>.<random>.tmp``.
TEMP_RE = re.compile(r"^\..+\.[a-z0-9_]{6,12}\.tmp$")

#: Errors that concern the whole folder, not one file: the next write would fail too.
FOLDER_ERRNOS = frozenset(
    {errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EACCES, errno.EPERM, errno.EFBIG}
)


class OutputWriteError(ReportError):
    """Raised when an output cannot be written; the earlier file is left as it was.

    Attributes
    ----------
    path : Path
        The file (or folder) that could not be written.
    errno : int or None
        The operating system's error number (``errno.ENOSPC``, ``errno.EROFS``...).
    """

    def __init__(self, message: str, path: Path, err_no: int | None = None):
        super().__init__(message)
        self.path = Path(path)
        self.errno = err_no

    @property
    def folder_fault(self) -> bool:
        """True for a full disk, a read-only folder or no permission: nothing more fits."""
        return self.errno in FOLDER_ERRNOS


def write_error(path: Path, err: OSError, *, folder: bool = False) -> OutputWriteError:
    """Return the `OutputWriteError` for `err`, raised while writing `path`.

    `folder` says that `path` is the output folder itself (creating it, or probing it).
    """
    path = Path(path)
    where = path if folder else path.parent
    what = f"Cannot write to {where}" if folder else f"Cannot write {path}"
    kept = f"Earlier outputs in {where} are unchanged."
    reason = err.strerror or str(err)
    if err.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        text = (
            f"{what}: the disk is full ({reason}). {kept} Free some space, or choose "
            "another output folder with --out, and run again."
        )
    elif err.errno == errno.EROFS:
        text = (
            f"{what}: {'it' if folder else 'its folder'} is on a read-only file system. "
            f"{kept} Choose a writable output folder with --out."
        )
    elif err.errno in (errno.EACCES, errno.EPERM):
        text = (
            f"{what}: permission denied. {kept} Make the folder writable, or choose "
            "another output folder with --out."
        )
    else:
        text = f"{what}: {reason}. {kept} Check the folder, or choose another one with --out."
    return OutputWriteError(text, path, err.errno)


def _mkstemp(path: Path) -> tuple[int, str]:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.fchmod(fd, 0o644)
    return fd, tmp


def _write_file(fd: int, data: bytes) -> None:
    """Write `data` to the open temporary file `fd`, flush it to disk and close it."""
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())


def stage_bytes(path: Path, data: bytes) -> Path:
    """Write `data` to a new temporary sibling of `path`; return it (for `commit`).

    Raises
    ------
    OutputWriteError
        Nothing was left behind, and `path` is unchanged.
    """
    path = Path(path)
    try:
        fd, tmp = _mkstemp(path)
    except OSError as err:
        raise write_error(path, err) from err
    try:
        _write_file(fd, data)
    except OSError as err:
        Path(tmp).unlink(missing_ok=True)
        raise write_error(path, err) from err
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return Path(tmp)


def commit(staged: list[tuple[Path, Path]]) -> None:
    """Rename each staged ``(temporary, final)`` file into place, in order.

    On failure the temporary files not yet renamed are removed and `OutputWriteError` is
    raised; the files already renamed are complete new versions.
    """
    for n, (tmp, final) in enumerate(staged):
        try:
            os.replace(tmp, final)
        except OSError as err:
            discard([t for t, _ in staged[n:]])
            raise write_error(Path(final), err) from err


def discard(temps: list[Path]) -> None:
    """Remove temporary files (best effort)."""
    for tmp in temps:
        with contextlib.suppress(OSError):
            Path(tmp).unlink(missing_ok=True)


def atomic_write_bytes(path: Path, data: bytes) -> Path:
    """Write `data` to `path` through a temporary file in the same folder and a rename.

    Raises
    ------
    OutputWriteError
        The earlier `path`, if any, is unchanged (see `write_error` for the messages).
    """
    path = Path(path)
    commit([(stage_bytes(path, data), path)])
    return path


def atomic_write_text(path: Path, text: str) -> Path:
    """Write UTF-8 `text` to `path` atomically (see `atomic_write_bytes`)."""
    return atomic_write_bytes(path, text.encode("utf-8", "backslashreplace"))


def check_writable(folder: Path) -> None:
    """Create `folder` if needed, and write, flush and remove a small file in it.

    Raises
    ------
    OutputWriteError
        The folder cannot be created or written (read-only, full, no permission).
    """
    folder = Path(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".kcanalysis-write-check.", suffix=".tmp", dir=folder)
    except OSError as err:
        raise write_error(folder, err, folder=True) from err
    try:
        _write_file(fd, b"kcanalysis write check\n" * 64)
    except OSError as err:
        raise write_error(folder, err, folder=True) from err
    finally:
        discard([Path(tmp)])


def temp_sibling(path: Path) -> Path:
    """Return a fresh temporary path next to `path` (same file system, for renames).

    Raises
    ------
    OutputWriteError
        The folder cannot be written.
    """
    path = Path(path)
    try:
        fd, tmp = _mkstemp(path)
    except OSError as err:
        raise write_error(path, err) from err
    os.close(fd)
    return Path(tmp)


def remove_stale_temps(folder: Path, older_than_s: float = 60.0) -> int:
    """Delete temporary siblings left in `folder` by a killed run; return how many.

    Only files named like ours (``.<name>.<random>.tmp``) and not modified for
    `older_than_s` seconds are removed, so a writer that is still running keeps its file.
    """
    folder = Path(folder)
    try:
        if not folder.is_dir():
            return 0
        entries = list(folder.iterdir())
    except OSError:
        return 0
    now = time.time()
    removed = 0
    for entry in entries:
        if not TEMP_RE.match(entry.name):
            continue
        try:
            if entry.is_file() and now - entry.stat().st_mtime >= older_than_s:
                entry.unlink()
                removed += 1
        except OSError:
            continue
    return removed
