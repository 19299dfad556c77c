"""Batched envelopment linear programmes for radial DEA (private to kcanalysis.methods).

Each evaluated unit gives one small LP. Calling :func:`scipy.optimize.linprog` once per
unit costs more in Python overhead than HiGHS needs to solve it, so the LPs of one call
are stacked into one block-diagonal LP: the blocks share no variable, so the optimum of
the stack is the optimum of every block. A block that is infeasible (VRS
super-efficiency, cross-period VRS) would make the whole stack infeasible; such blocks
are found with one phase-0 stack (minimise artificial slack) and left out.

Conventions (Cooper, Seiford & Tone 2007, ch. 3-4):

* input orientation: ``min theta`` s.t. ``X'lambda <= theta x_o``, ``Y'lambda >= y_o``;
* output orientation: ``max phi`` s.t. ``X'lambda <= x_o``, ``Y'lambda >= phi y_o``;
* VRS adds ``sum(lambda) = 1``; ``lambda >= 0``;
* phase 2 fixes theta (phi) and maximises the plain sum of all slacks.

Scale. Every row of a block is divided by the evaluated unit's own value of that input or
output (by the column's largest value where the unit's value is 0), so each block's
right-hand sides are 0, 1 or theta and the solver's feasibility tolerance (1e-7) is
relative to the unit itself. Dividing each data column by its largest value instead (as
earlier versions did) let a unit 1e-8 the size of the largest one meet its output rows
with lambda = 0, which returned theta = 0. Row scaling leaves theta, lambda and the slacks
unchanged. Then each block's variables are scaled so that every LP column's largest entry
is 1 (a unit 1e10 times the evaluated one enters with lambda near 1e-10, below the
solver's tolerances, unless its column is scaled). Measured on 200 random problems with
units of 1 to 1e11 in size: this scaling with presolve off gave the true CRS score every
time; HiGHS's own scaling with presolve on (the one-unit LP in ``linprog`` defaults) was
wrong in 31, and slower on the stacked panel.

Check. After every solve the primal residuals of each block are recomputed in the scaled
rows (that is, relative to the unit's x and y). A block that breaks a constraint or a
bound by more than ``RESIDUAL_TOL`` is solved again alone, without the row scaling and
with HiGHS presolve on; if that solution breaks a constraint too, the block gets status 4
(numerical trouble) and no solution. No lambda that breaks a constraint is returned.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import sparse
from scipy.optimize import linprog

#: Largest number of non-zero matrix entries per stacked LP; larger jobs are chunked.
_MAX_NNZ = 400_000
#: Phase-0 artificial total above this (relative to the data scale) means infeasible.
_FEAS_TOL = 1e-9
#: Largest primal residual (constraint or bound violation) accepted in a scaled row, i.e.
#: relative to the evaluated unit's own input or output.
RESIDUAL_TOL = 1e-6
#: Status given to a block whose solution fails the residual check even when re-solved.
STATUS_RESIDUAL = 4


@dataclass(frozen=True)
class BlockLP:
    """A batch of ``k`` LPs of identical shape: ``min c'v, A_ub v <= b_ub, A_eq v = b_eq``.

    Arrays carry the block on axis 0: ``c`` (k, nv), ``a_ub`` (k, r, nv), ``b_ub`` (k, r),
    ``a_eq`` (k, q, nv), ``b_eq`` (k, q), ``lb``/``ub`` (k, nv).
    """

    c: np.ndarray
    a_ub: np.ndarray
    b_ub: np.ndarray
    a_eq: np.ndarray
    b_eq: np.ndarray
    lb: np.ndarray
    ub: np.ndarray

    def take(self, idx: np.ndarray) -> BlockLP:
        """Return the sub-batch of blocks ``idx``."""
        return BlockLP(*(getattr(self, f)[idx] for f in self.__dataclass_fields__))


def _block_diag(a: np.ndarray) -> sparse.csr_matrix:
    """Stack dense blocks ``a`` (k, r, nv) into a sparse block-diagonal (k*r, k*nv) matrix."""
    k, r, nv = a.shape
    blk, row, col = np.nonzero(a)
    return sparse.csr_matrix(
        (a[blk, row, col], (blk * r + row, blk * nv + col)), shape=(k * r, k * nv)
    )


def _linprog_stack(lp: BlockLP, *, presolve: bool = False):
    a_ub = _block_diag(lp.a_ub) if lp.a_ub.shape[1] else None
    a_eq = _block_diag(lp.a_eq) if lp.a_eq.shape[1] else None
    return linprog(
        lp.c.ravel(),
        A_ub=a_ub,
        b_ub=lp.b_ub.ravel() if a_ub is not None else None,
        A_eq=a_eq,
        b_eq=lp.b_eq.ravel() if a_eq is not None else None,
        bounds=np.column_stack([lp.lb.ravel(), lp.ub.ravel()]),
        method="highs",
        # Presolve only costs time here: every block is tiny, reduced and row-scaled.
        options={"presolve": presolve},
    )


def _infeasible_blocks(lp: BlockLP) -> np.ndarray:
    """Phase 0: flag blocks whose constraints cannot be met (minimal artificial > tol)."""
    k, r, nv = lp.a_ub.shape
    q = lp.a_eq.shape[1]
    eye_r = np.broadcast_to(np.eye(r), (k, r, r))
    eye_q = np.broadcast_to(np.eye(q), (k, q, q))
    a_ub = np.concatenate([lp.a_ub, -eye_r, np.zeros((k, r, 2 * q))], axis=2)
    a_eq = np.concatenate([lp.a_eq, np.zeros((k, q, r)), eye_q, -eye_q], axis=2)
    n_art = r + 2 * q
    phase0 = BlockLP(
        c=np.concatenate([np.zeros((k, nv)), np.ones((k, n_art))], axis=1),
        a_ub=a_ub,
        b_ub=lp.b_ub,
        a_eq=a_eq,
        b_eq=lp.b_eq,
        lb=np.concatenate([lp.lb, np.zeros((k, n_art))], axis=1),
        ub=np.concatenate([lp.ub, np.full((k, n_art), np.inf)], axis=1),
    )
    res = _linprog_stack(phase0)
    if res.status != 0:  # pragma: no cover - phase 0 is always feasible and bounded
        return np.ones(k, dtype=bool)
    art = res.x.reshape(k, nv + n_art)[:, nv:].sum(axis=1)
    scale = 1.0 + np.abs(np.concatenate([lp.b_ub, lp.b_eq], axis=1)).max(axis=1, initial=0.0)
    return art > _FEAS_TOL * scale


def solve_blocks(lp: BlockLP, unscaled: BlockLP | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Solve every block; return solutions (k, nv) (NaN rows where not optimal) and status.

    Status codes follow :func:`scipy.optimize.linprog`: 0 optimal, 2 infeasible,
    3 unbounded, 4 numerical trouble (here also: the solution failed the residual check
    of :func:`residuals_ok` after a re-solve).

    ``unscaled`` is the same batch of LPs before the row scaling (same variables, rows
    multiplied by positive numbers). A block whose solution fails the residual check is
    solved again alone from ``unscaled`` (HiGHS presolve on) and checked again against
    ``lp``; without ``unscaled`` the block of ``lp`` itself is re-solved that way.
    """
    k, nv = lp.c.shape
    x = np.full((k, nv), np.nan)
    status = np.zeros(k, dtype=int)
    if k == 0:
        return x, status
    nnz_per_block = max(1, np.count_nonzero(lp.a_ub[0]) + np.count_nonzero(lp.a_eq[0]))
    chunk = max(1, _MAX_NNZ // nnz_per_block)
    col = _column_scale(lp)
    for start in range(0, k, chunk):
        idx = np.arange(start, min(k, start + chunk))
        _solve_chunk(_scale_columns(lp.take(idx), col[idx]), idx, x, status)
    x /= col
    solved = np.flatnonzero(status == 0)
    bad = solved[~residuals_ok(lp.take(solved), x[solved])]
    for i in bad:
        again = (unscaled if unscaled is not None else lp).take(np.array([i]))
        res = _linprog_stack(again, presolve=True)
        x[i] = np.nan
        status[i] = res.status if res.status != 0 else STATUS_RESIDUAL
        if res.status == 0 and residuals_ok(lp.take(np.array([i])), res.x[None, :])[0]:
            x[i], status[i] = res.x, 0
    return x, status


def _column_scale(lp: BlockLP) -> np.ndarray:
    """Largest absolute entry of each variable's column in each block (k, nv); 1 if none."""
    top = np.zeros(lp.c.shape)
    for a in (lp.a_ub, lp.a_eq):
        if a.shape[1]:
            top = np.maximum(top, np.abs(a).max(axis=1))
    return np.where(top > 0, top, 1.0)


def _scale_columns(lp: BlockLP, col: np.ndarray) -> BlockLP:
    """The LP in the variables ``v * col``: every column's largest entry becomes 1.

    A unit 1e11 times larger than the evaluated one enters with lambda near 1e-11, below
    the solver's tolerances; in the scaled variable it is near 1.
    """
    return BlockLP(
        lp.c / col,
        lp.a_ub / col[:, None, :],
        lp.b_ub,
        lp.a_eq / col[:, None, :],
        lp.b_eq,
        lp.lb * col,
        lp.ub * col,
    )


def residuals_ok(lp: BlockLP, x: np.ndarray, tol: float = RESIDUAL_TOL) -> np.ndarray:
    """Whether each block's solution ``x`` (k, nv) meets its rows and bounds within ``tol``.

    Violations are absolute in the rows of ``lp``; with the row scaling of
    :func:`solve_radial` and :func:`solve_slacks` they are relative to the evaluated
    unit's own inputs and outputs. A row of NaN fails.
    """
    if len(x) == 0:
        return np.zeros(0, dtype=bool)
    viol = np.maximum(lp.lb - x, 0.0).max(axis=1)
    viol = np.maximum(viol, np.maximum(x - lp.ub, 0.0).max(axis=1))
    if lp.a_ub.shape[1]:
        over = np.einsum("krv,kv->kr", lp.a_ub, x) - lp.b_ub
        viol = np.maximum(viol, np.maximum(over, 0.0).max(axis=1))
    if lp.a_eq.shape[1]:
        off = np.abs(np.einsum("kqv,kv->kq", lp.a_eq, x) - lp.b_eq)
        viol = np.maximum(viol, off.max(axis=1))
    return np.isfinite(viol) & (viol <= tol)


def _solve_chunk(lp: BlockLP, idx: np.ndarray, x: np.ndarray, status: np.ndarray) -> None:
    nv = lp.c.shape[1]
    res = _linprog_stack(lp)
    if res.status == 0:
        x[idx] = res.x.reshape(idx.size, nv)
        return
    if res.status == 2 and idx.size > 1:
        bad = _infeasible_blocks(lp)
        status[idx[bad]] = 2
        good = np.flatnonzero(~bad)
        if good.size == 0:
            return
        lp, idx = lp.take(good), idx[good]
        res = _linprog_stack(lp)
        if res.status == 0:
            x[idx] = res.x.reshape(idx.size, nv)
            return
    if idx.size == 1:
        status[idx] = res.status
        return
    for j in range(idx.size):  # last resort: one block at a time
        r1 = _linprog_stack(lp.take(np.array([j])))
        status[idx[j]] = r1.status
        if r1.status == 0:
            x[idx[j]] = r1.x


def _bounds(k: int, nv: int, offset: int, exclude: np.ndarray | None) -> tuple[np.ndarray, ...]:
    """Bounds ``[0, inf)`` for all variables; lambda ``j`` sits at column ``offset + j``."""
    lb = np.zeros((k, nv))
    ub = np.full((k, nv), np.inf)
    if exclude is not None:
        rows = np.flatnonzero(exclude >= 0)
        ub[rows, offset + exclude[rows]] = 0.0
    return lb, ub


def solve_radial(
    x_eval: np.ndarray,
    y_eval: np.ndarray,
    x_ref: np.ndarray,
    y_ref: np.ndarray,
    *,
    rts: str,
    orientation: str,
    exclude: np.ndarray | None = None,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Phase 1 for every evaluated unit against one reference set.

    Returns ``score`` (k,) (theta for input, phi for output orientation; NaN where the LP
    is not optimal), ``lambdas`` (k, n) and ``status`` (k,). ``exclude[i] = j`` removes
    reference unit ``j`` from the LP of evaluated unit ``i`` (-1: none).
    """
    k, m = x_eval.shape
    s = y_eval.shape[1]
    n = x_ref.shape[0]
    a_ub = np.zeros((k, m + s, 1 + n))
    a_ub[:, :m, 1:] = x_ref.T
    a_ub[:, m:, 1:] = -y_ref.T
    b_ub = np.zeros((k, m + s))
    c = np.zeros((k, 1 + n))
    if orientation == "input":
        a_ub[:, :m, 0] = -x_eval
        b_ub[:, m:] = -y_eval
        c[:, 0] = 1.0
    else:
        a_ub[:, m:, 0] = y_eval
        b_ub[:, :m] = x_eval
        c[:, 0] = -1.0
    if rts == "vrs":
        a_eq = np.zeros((k, 1, 1 + n))
        a_eq[:, 0, 1:] = 1.0
        b_eq = np.ones((k, 1))
    else:
        a_eq, b_eq = np.zeros((k, 0, 1 + n)), np.zeros((k, 0))
    lb, ub = _bounds(k, 1 + n, 1, exclude)
    raw = BlockLP(c, a_ub, b_ub, a_eq, b_eq, lb, ub)
    row = _row_scale(x_eval, y_eval, x_ref, y_ref)
    scaled = BlockLP(c, a_ub / row[:, :, None], b_ub / row, a_eq, b_eq, lb, ub)
    sol, status = solve_blocks(scaled, raw)
    return sol[:, 0], sol[:, 1:], status


def _row_scale(
    x_eval: np.ndarray, y_eval: np.ndarray, x_ref: np.ndarray, y_ref: np.ndarray
) -> np.ndarray:
    """Divisor of each input and output row of each block (k, m + s).

    The evaluated unit's own value; where that is 0, the column's largest value over the
    evaluated and reference units (1 if the column is all zero).
    """
    values = np.concatenate([x_eval, y_eval], axis=1)
    top = np.concatenate(
        [
            np.abs(np.concatenate([x_eval, x_ref], axis=0)).max(axis=0, initial=0.0),
            np.abs(np.concatenate([y_eval, y_ref], axis=0)).max(axis=0, initial=0.0),
        ]
    )
    top = np.where(top > 0, top, 1.0)
    return np.where(values > 0, values, top[None, :])


def solve_slacks(
    x_eval: np.ndarray,
    y_eval: np.ndarray,
    x_ref: np.ndarray,
    y_ref: np.ndarray,
    score: np.ndarray,
    *,
    rts: str,
    orientation: str,
    exclude: np.ndarray | None = None,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Phase 2: maximise the sum of slacks with the radial ``score`` fixed.

    Returns ``lambdas`` (k, n), input slacks (k, m), output slacks (k, s) and ``status``.
    Rows whose ``score`` is NaN are not solved (status -1, results NaN).
    """
    k, m = x_eval.shape
    s = y_eval.shape[1]
    n = x_ref.shape[0]
    nv = n + m + s
    a_eq = np.zeros((k, m + s, nv))
    a_eq[:, :m, :n] = x_ref.T
    a_eq[:, :m, n : n + m] = np.eye(m)
    a_eq[:, m:, :n] = y_ref.T
    a_eq[:, m:, n + m :] = -np.eye(s)
    if orientation == "input":
        b_eq = np.concatenate([score[:, None] * x_eval, y_eval], axis=1)
    else:
        b_eq = np.concatenate([x_eval, score[:, None] * y_eval], axis=1)
    if rts == "vrs":
        conv = np.zeros((k, 1, nv))
        conv[:, 0, :n] = 1.0
        a_eq = np.concatenate([a_eq, conv], axis=1)
        b_eq = np.concatenate([b_eq, np.ones((k, 1))], axis=1)
    c = np.zeros((k, nv))
    c[:, n:] = -1.0
    lb, ub = _bounds(k, nv, 0, exclude)
    ok = np.flatnonzero(np.isfinite(score))
    sol = np.full((k, nv), np.nan)
    status = np.full(k, -1)
    row = np.ones((k, a_eq.shape[1]))
    row[:, : m + s] = _row_scale(x_eval, y_eval, x_ref, y_ref)
    no_ub = np.zeros((k, 0, nv)), np.zeros((k, 0))
    raw = BlockLP(c, *no_ub, a_eq, b_eq, lb, ub)
    scaled = BlockLP(c, *no_ub, a_eq / row[:, :, None], b_eq / row, lb, ub)
    sol[ok], status[ok] = solve_blocks(scaled.take(ok), raw.take(ok))
    return sol[:, :n], sol[:, n : n + m], sol[:, n + m :], status
