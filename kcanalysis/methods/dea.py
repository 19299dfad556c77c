"""Data envelopment analysis: radial CCR/BCC scores, slacks, peers and super-efficiency.

All LPs are solved with :func:`scipy.optimize.linprog` (``method="highs"``); the LPs of
all units are stacked into one block-diagonal problem per call (see ``_lp.py``).
"""

from __future__ import annotations

from collections.abc import Hashable

import numpy as np
import pandas as pd

from kcanalysis.errors import DataError, ParameterError
from kcanalysis.methods._lp import STATUS_RESIDUAL, solve_radial, solve_slacks

RTS = ("crs", "vrs")
ORIENTATIONS = ("input", "output")
#: A lambda above this counts the reference unit as a peer.
PEER_TOL = 1e-9


def _check_options(rts: str, orientation: str) -> None:
    """Raise :class:`ParameterError` unless ``rts`` and ``orientation`` are known."""
    if rts not in RTS:
        raise ParameterError(f"rts={rts!r} is not supported; use one of {list(RTS)}.")
    if orientation not in ORIENTATIONS:
        raise ParameterError(
            f"orientation={orientation!r} is not supported; use one of {list(ORIENTATIONS)}."
        )


def check_values(frame: pd.DataFrame, role: str, where: str = "unit") -> np.ndarray:
    """Return ``frame`` as a float array; raise :class:`DataError` on non-numeric, NaN or < 0.

    The message names the ``where`` label (unit) and the column of the first bad cell.
    """
    if frame.shape[1] == 0:
        raise DataError(f"DEA needs at least one {role} column; none was given.")
    try:
        values = frame.to_numpy(dtype=float)
    except (TypeError, ValueError) as err:
        raise DataError(
            f"DEA {role}s must be numeric; columns {list(frame.columns)} contain text. "
            "Convert them with pd.to_numeric first."
        ) from err
    for bad, rule in ((np.isnan(values), "is missing (NaN)"), (values < 0, "is negative")):
        if bad.any():
            r, c = np.argwhere(bad)[0]
            raise DataError(
                f"DEA {role} {frame.columns[c]!r} of {where} {frame.index[r]!r} {rule} "
                f"({values[r, c]}); DEA needs complete, non-negative data. "
                f"{int(bad.sum())} cell(s) affected; fill or drop them before calling."
            )
    if np.isinf(values).any():
        r, c = np.argwhere(np.isinf(values))[0]
        raise DataError(
            f"DEA {role} {frame.columns[c]!r} of {where} {frame.index[r]!r} is infinite."
        )
    return values


def _validate(inputs: pd.DataFrame, outputs: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    if not isinstance(inputs, pd.DataFrame) or not isinstance(outputs, pd.DataFrame):
        raise DataError("DEA inputs and outputs must be pandas DataFrames indexed by unit.")
    if len(inputs) == 0:
        raise DataError("DEA needs at least one unit; the inputs frame is empty.")
    if not inputs.index.equals(outputs.index):
        raise DataError(
            "DEA inputs and outputs must have the same index (unit labels in the same "
            f"order); got {list(inputs.index)[:5]}... and {list(outputs.index)[:5]}..."
        )
    if inputs.index.has_duplicates:
        dups = list(inputs.index[inputs.index.duplicated()].unique())
        raise DataError(f"DEA unit labels must be unique; duplicated: {dups}.")
    both = set(inputs.columns) & set(outputs.columns)
    if both:
        raise DataError(f"Columns {sorted(map(str, both))} are both inputs and outputs.")
    return check_values(inputs, "input"), check_values(outputs, "output")


def _zero_rows(x: np.ndarray, y: np.ndarray, orientation: str) -> tuple[np.ndarray, str]:
    if orientation == "input":
        return ~(x > 0).any(axis=1), "all inputs are zero: input efficiency undefined"
    return ~(y > 0).any(axis=1), "all outputs are zero: output efficiency undefined"


def _status_note(status: int) -> str:
    return {
        2: "LP infeasible",
        3: "LP unbounded",
        STATUS_RESIDUAL: "LP solution failed the feasibility check",
    }.get(status, f"LP failed (status {status})")


def dea(
    inputs: pd.DataFrame,
    outputs: pd.DataFrame,
    rts: str = "crs",
    orientation: str = "input",
    *,
    slacks: bool = True,
) -> pd.DataFrame:
    """Radial DEA (CCR for ``rts="crs"``, BCC for ``"vrs"``) with phase-2 slacks.

    Input orientation solves, for each unit ``o``::

        min theta  s.t.  sum_j lambda_j x_ij <= theta x_io,  sum_j lambda_j y_rj >= y_ro,

    output orientation ``max phi`` s.t. ``sum lambda x <= x_o``, ``sum lambda y >= phi y_o``;
    VRS adds ``sum lambda = 1``; ``lambda >= 0``. Phase 2 keeps theta (phi) fixed and
    maximises the plain (unweighted) sum of input and output slacks, as in Cooper,
    Seiford & Tone (2007) and DataEnvelopmentAnalysis.jl.

    Parameters
    ----------
    inputs, outputs : DataFrame
        One row per unit (province, or province-year when pooling), same index; columns
        are inputs (e.g. budgets in constant million VND, projects) and outputs (counts).
        Values must be finite and non-negative; units of measure are free because the
        radial scores are invariant to rescaling a column (slacks are in column units).
    rts : {"crs", "vrs"}
        Constant (CCR) or variable (BCC) returns to scale.
    orientation : {"input", "output"}
    slacks : bool, default True
        Run phase 2. With ``False`` the ``slack_*`` and ``target_*`` columns are NaN and
        peers/lambdas come from phase 1 (faster; scores are identical).

    Returns
    -------
    DataFrame
        Indexed like ``inputs``, with columns

        * ``efficiency`` in (0, 1]: theta (input) or 1/phi (output); 0 means the unit
          produces nothing (input orientation);
        * ``theta``: Farrell input score (NaN for output orientation);
        * ``phi``: Farrell output expansion >= 1 (NaN for input orientation, because
          1/theta is not an output measure under VRS);
        * ``slack_<col>`` for every input and output column (excess input, output
          shortfall, in the column's unit);
        * ``target_<col>``: projection on the frontier; input orientation
          ``theta*x - s_minus`` and ``y + s_plus``, output ``x - s_minus`` and
          ``phi*y + s_plus``;
        * ``peers``: tuple of labels with lambda > 1e-9; ``lambdas``: dict label -> lambda
          for those peers;
        * ``note``: empty, or why the score is NaN (all-zero inputs under input
          orientation, all-zero outputs under output orientation, infeasible LP).

    Raises
    ------
    DataError
        Missing, negative, infinite or non-numeric values (naming unit and column),
        mismatched indexes, duplicated labels.
    ParameterError
        Unknown ``rts`` or ``orientation``.

    Notes
    -----
    Rule of thumb: n >= max(m*s, 3(m+s)) units for m inputs and s outputs; with fewer,
    most units come out efficient. Scores are biased upwards in small samples.

    Any scale: each unit's LP is scaled by that unit's own inputs and outputs and its
    solution is checked against every constraint afterwards (see ``_lp.py``), so a
    province-year 1e-8 the size of the largest gets its true score; a unit whose LP
    cannot be solved to that check gets NaN and the note "LP solution failed the
    feasibility check".
    """
    _check_options(rts, orientation)
    x, y = _validate(inputs, outputs)
    n = len(x)
    labels = inputs.index
    zero, zero_note = _zero_rows(x, y, orientation)
    ok = np.flatnonzero(~zero)
    score = np.full(n, np.nan)
    lambdas = np.full((n, n), np.nan)
    status = np.full(n, -1)
    score[ok], lambdas[ok], status[ok] = solve_radial(
        x[ok], y[ok], x, y, rts=rts, orientation=orientation
    )
    s_minus = np.full(x.shape, np.nan)
    s_plus = np.full(y.shape, np.nan)
    if slacks:
        lam2, s_minus, s_plus, st2 = solve_slacks(
            x, y, x, y, score, rts=rts, orientation=orientation
        )
        lambdas = np.where((st2 == 0)[:, None], lam2, lambdas)
    notes = np.where(zero, zero_note, "").astype(object)
    for i in np.flatnonzero(~zero & (status != 0)):
        notes[i] = _status_note(int(status[i]))
    # Remove solver noise: theta <= 1, phi >= 1 and slacks >= 0 hold exactly in theory.
    score = np.minimum(score, 1.0) if orientation == "input" else np.maximum(score, 1.0)
    s_minus, s_plus = np.maximum(s_minus, 0.0), np.maximum(s_plus, 0.0)
    return _assemble(inputs, outputs, labels, score, lambdas, s_minus, s_plus, notes, orientation)


def _assemble(
    inputs: pd.DataFrame,
    outputs: pd.DataFrame,
    labels: pd.Index,
    score: np.ndarray,
    lambdas: np.ndarray,
    s_minus: np.ndarray,
    s_plus: np.ndarray,
    notes: np.ndarray,
    orientation: str,
) -> pd.DataFrame:
    x = inputs.to_numpy(dtype=float)
    y = outputs.to_numpy(dtype=float)
    nan = np.full(len(score), np.nan)
    with np.errstate(divide="ignore"):
        efficiency = score if orientation == "input" else 1.0 / score
    out = pd.DataFrame(
        {
            "efficiency": efficiency,
            "theta": score if orientation == "input" else nan,
            "phi": score if orientation == "output" else nan,
        },
        index=labels,
    )
    for j, col in enumerate(inputs.columns):
        out[f"slack_{col}"] = s_minus[:, j]
    for j, col in enumerate(outputs.columns):
        out[f"slack_{col}"] = s_plus[:, j]
    radial_x = score[:, None] * x if orientation == "input" else x
    radial_y = y if orientation == "input" else score[:, None] * y
    for j, col in enumerate(inputs.columns):
        out[f"target_{col}"] = radial_x[:, j] - s_minus[:, j]
    for j, col in enumerate(outputs.columns):
        out[f"target_{col}"] = radial_y[:, j] + s_plus[:, j]
    out["peers"] = [_peers(labels, row) for row in lambdas]
    out["lambdas"] = [
        {labels[j]: float(row[j]) for j in np.flatnonzero(row > PEER_TOL)} for row in lambdas
    ]
    out["note"] = notes
    return out


def _peers(labels: pd.Index, row: np.ndarray) -> tuple[Hashable, ...]:
    return tuple(labels[np.flatnonzero(row > PEER_TOL)])


def super_efficiency(
    inputs: pd.DataFrame,
    outputs: pd.DataFrame,
    rts: str = "crs",
    orientation: str = "input",
) -> pd.DataFrame:
    """Andersen-Petersen (1993) super-efficiency: each unit is left out of its own frontier.

    The LP of unit ``o`` is the one of :func:`dea` with ``lambda_o = 0``. Inefficient units
    keep their ordinary score; efficient units get ``efficiency >= 1`` (input:
    theta; output: 1/phi), so the frontier units can be ranked.

    Parameters
    ----------
    inputs, outputs : DataFrame
        As in :func:`dea` (same index, finite, non-negative).
    rts : {"crs", "vrs"}
    orientation : {"input", "output"}

    Returns
    -------
    DataFrame
        Indexed like ``inputs``: ``efficiency``, ``theta`` (input; else NaN), ``phi``
        (output; else NaN), ``feasible`` (bool), ``peers`` (tuple of labels with
        lambda > 1e-9) and ``note``. Where the LP has no solution (common under VRS,
        e.g. for the unit with the largest output, and for a unit that is the only one
        producing some output) the scores are NaN and ``feasible`` is False.

    Raises
    ------
    DataError, ParameterError
        As in :func:`dea`.
    """
    _check_options(rts, orientation)
    x, y = _validate(inputs, outputs)
    n = len(x)
    labels = inputs.index
    zero, zero_note = _zero_rows(x, y, orientation)
    ok = np.flatnonzero(~zero)
    score = np.full(n, np.nan)
    lambdas = np.zeros((n, n))
    status = np.full(n, -1)
    score[ok], lambdas[ok], status[ok] = solve_radial(
        x[ok], y[ok], x, y, rts=rts, orientation=orientation, exclude=ok
    )
    notes = np.where(zero, zero_note, "").astype(object)
    for i in np.flatnonzero(~zero & (status != 0)):
        notes[i] = _status_note(int(status[i]))
    feasible = np.isfinite(score)
    with np.errstate(divide="ignore"):
        efficiency = score if orientation == "input" else 1.0 / score
    nan = np.full(n, np.nan)
    return pd.DataFrame(
        {
            "efficiency": efficiency,
            "theta": score if orientation == "input" else nan,
            "phi": score if orientation == "output" else nan,
            "feasible": feasible,
            "peers": [_peers(labels, np.nan_to_num(row)) for row in lambdas],
            "note": notes,
        },
        index=labels,
    )
