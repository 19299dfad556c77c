"""Parameters reach a notebook as Python literals, never as code.

papermill writes the parameters into a cell tagged ``injected-parameters``, one
``name = <literal>`` line each. It quotes text correctly (quotes, backslashes and newlines
are escaped), but writes a value of any type it does not know -- a YAML date, set or
binary value -- as ``"<str(value)>"`` without escaping, and a text inside a set could
then close the quotes and run as code. So:

- `literal_problem` says which values may be injected: text, numbers, booleans, None, and
  lists and mappings with text keys of those (checked when a run file is read);
- `check_injected` parses the injected cell before a kernel runs it and checks that it
  only assigns, to the parameters' names, literals equal to the values given.
"""

from __future__ import annotations

import ast
import math

from kcanalysis.errors import ReportError

_FLOAT_WORDS = {"nan": math.nan, "inf": math.inf, "-inf": -math.inf}
_MAX_DEPTH = 40


def literal_problem(value: object, depth: int = 0) -> str | None:
    """Return why `value` cannot be injected as a Python literal, or None if it can."""
    from kcanalysis.reporting.batch.jobs import shown

    if depth > _MAX_DEPTH:
        return "nested too deeply."
    if value is None or isinstance(value, bool | int | float):
        return None
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return f"{shown(value)} is not valid Unicode text."
        return None
    if isinstance(value, list):
        for item in value:
            if why := literal_problem(item, depth + 1):
                return why
        return None
    if isinstance(value, dict):
        for key, item in value.items():
            if not isinstance(key, str):
                return f"mapping key {shown(key)} is not a text; put it in quotes."
            if why := literal_problem(key, depth + 1) or literal_problem(item, depth + 1):
                return why
        return None
    return (
        f"{shown(value)} is a {type(value).__name__}, which cannot be passed to a notebook; "
        "use a text, a number, true/false, null, or a list or mapping of those (write a "
        "date in quotes)."
    )


def literal_value(node: ast.AST) -> object:
    """Evaluate a literal expression: what `ast.literal_eval` takes, plus ``float('nan')``.

    Raises
    ------
    ValueError
        The expression is not a literal (a name, a call, an operator on non-numbers...).
    """
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == "float"
        and len(node.args) == 1
        and not node.keywords
        and isinstance(node.args[0], ast.Constant)
        and node.args[0].value in _FLOAT_WORDS
    ):
        return _FLOAT_WORDS[node.args[0].value]
    if isinstance(node, ast.List):
        return [literal_value(item) for item in node.elts]
    if isinstance(node, ast.Dict):
        if any(k is None for k in node.keys):
            raise ValueError("a ** expansion is not a literal")
        return {
            literal_value(k): literal_value(v)  # type: ignore[arg-type]
            for k, v in zip(node.keys, node.values, strict=True)
        }
    return ast.literal_eval(node)  # type: ignore[arg-type]


def same(a: object, b: object) -> bool:
    """Return whether two injected values are equal (NaN equals NaN, True is not 1)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, float):
        return (math.isnan(a) and math.isnan(b)) or a == b  # type: ignore[arg-type]
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=False))  # type: ignore[arg-type]
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)  # type: ignore[attr-defined,index]
    return a == b


def injected_source(nb) -> str | None:
    """Return the source of the notebook's ``injected-parameters`` cell, if it has one."""
    for cell in nb.cells:
        if "injected-parameters" in cell.get("metadata", {}).get("tags", []):
            source = cell.get("source", "")
            return "".join(source) if isinstance(source, list) else source
    return None


def check_injected(nb, parameters: dict, where: str = "the notebook") -> None:
    """Check that `nb`'s injected cell only assigns `parameters` as literals.

    Raises
    ------
    ReportError
        Naming the parameter whose line is not a plain literal equal to its value.
    """
    if not parameters:
        return
    source = injected_source(nb)
    if source is None:
        raise ReportError(f"{where}: no injected-parameters cell was written.")
    try:
        tree = ast.parse(source)
    except SyntaxError as err:
        raise ReportError(
            f"{where}: the injected parameters are not valid Python ({err.msg}, line "
            f"{err.lineno}); nothing was run."
        ) from err
    seen: dict[str, object] = {}
    for stmt in tree.body:
        if not (
            isinstance(stmt, ast.Assign)
            and len(stmt.targets) == 1
            and isinstance(stmt.targets[0], ast.Name)
        ):
            raise ReportError(
                f"{where}: the injected parameters cell holds code other than assignments "
                f"(line {stmt.lineno}); nothing was run."
            )
        name = stmt.targets[0].id
        try:
            seen[name] = literal_value(stmt.value)
        except (ValueError, TypeError, SyntaxError, RecursionError) as err:
            raise ReportError(
                f"{where}: parameter {name!r} was not injected as a literal (line "
                f"{stmt.lineno} of the injected cell is an expression that would run); "
                "nothing was run."
            ) from err
    for name, value in parameters.items():
        if name not in seen or not same(seen[name], value):
            raise ReportError(
                f"{where}: parameter {name!r} was not injected as the value given; nothing was run."
            )
    extra = sorted(set(seen) - set(parameters))
    if extra:
        raise ReportError(
            f"{where}: the injected cell assigns {', '.join(extra)}, which were not given; "
            "nothing was run."
        )
