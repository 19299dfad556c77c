"""Where a run file may point: inside its own folder or inside the project, never beyond.

Paths in a run file are relative to the run file's folder. After resolving ``..`` and
symbolic links they must lie inside that folder or inside the project (the nearest folder
above it with ``pyproject.toml`` or ``.git``). Absolute paths (and ``~``) are refused: a
run file handed over by someone else must not read or write anywhere on this machine.
An absolute ``--out`` given on the command line is the user's own choice and is allowed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from kcanalysis.data_names import BUILTIN


class _Context(Protocol):
    base: Path
    root: Path
    out_dir: Path
    out_fixed: bool

    def problem(self, entry: str, message: str) -> None: ...


def project_root(folder: Path) -> Path:
    """Return the nearest folder at or above `folder` with pyproject.toml or .git."""
    folder = folder.resolve()
    for candidate in (folder, *folder.parents):
        if (candidate / "pyproject.toml").is_file() or (candidate / ".git").exists():
            return candidate
    return folder


def inside(path: Path, ctx: _Context) -> bool:
    """Return whether `path`, with ``..`` and symbolic links resolved, is in the run
    file's folder or the project."""
    try:
        full = Path(path).resolve()
    except (OSError, ValueError, RuntimeError):
        return False
    return full.is_relative_to(ctx.base) or full.is_relative_to(ctx.root)


def safe_path(value: object, ctx: _Context, entry: str, what: str) -> Path | None:
    """Return the resolved path, or None after recording why it is refused."""
    from kcanalysis.reporting.batch.jobs import shown

    if not isinstance(value, str) or not value.strip():
        ctx.problem(entry, f"{what} must be a path (a string), got {shown(value)}.")
        return None
    if "\0" in value or len(value) > 4096:
        ctx.problem(
            entry,
            f"{what} {shown(value)} is not a usable path (it holds a NUL character or is "
            "longer than 4096 characters).",
        )
        return None
    path = Path(value)
    if path.is_absolute() or value.startswith("~"):
        ctx.problem(
            entry,
            f"{what} {shown(value)} is an absolute path. A run file may only name paths "
            f"inside its folder or the project ({ctx.root}); give them relative to "
            f"{ctx.base}, or pass an absolute output folder with --out.",
        )
        return None
    try:
        full = (ctx.base / path).resolve()
    except (OSError, ValueError, RuntimeError) as err:  # a loop of links, a name too long
        ctx.problem(entry, f"{what} {shown(value)} cannot be resolved: {err}.")
        return None
    if not (full.is_relative_to(ctx.base) or full.is_relative_to(ctx.root)):
        ctx.problem(
            entry,
            f"{what} {shown(value)} leads to {full}, outside the run file's folder and the "
            f"project ({ctx.root}). Move the file into the project or copy it there.",
        )
        return None
    return full


def data_paths(value: object, ctx: _Context, entry: str) -> tuple[str, ...] | None:
    """Return the data files as absolute paths, or None after recording the problem."""
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list):
        from kcanalysis.reporting.batch.jobs import shown

        ctx.problem(entry, f"'data' must be a list of file paths, got {shown(value)}.")
        return None
    # "builtin": the built-in panel beside the files (kcanalysis.datasets.BUILTIN)
    files = [v for v in items if v != BUILTIN]
    paths = [safe_path(v, ctx, entry, "data file") for v in files]
    if any(p is None for p in paths):
        return None
    missing = [str(p) for p in paths if not p.is_file()]  # type: ignore[union-attr]
    if missing:
        ctx.problem(entry, f"data file(s) not found: {', '.join(missing)}.")
        return None
    return tuple(str(p) for p in paths) + ((BUILTIN,) if BUILTIN in items else ())


def out_path(value: object, ctx: _Context, entry: str) -> Path:
    """Return an ``out`` folder (the batch's own when absent or fixed by --out)."""
    if value is None or ctx.out_fixed:
        return ctx.out_dir
    return safe_path(value, ctx, entry, "out") or ctx.out_dir
