"""Run files: expand one into the full list of reports, and validate all of it first.

Format
------
A run file (YAML, read with ``yaml.safe_load``) has one of three shapes.

**One grid** -- every combination of its lists is one report::

    notebook: province_report     # or regional_overview, or a list; or a path to an .ipynb
    areas: region:MTTN            # or all, or a list of province names or codes
    years: [2011, 2024]           # a year or a list
    periods: [FY]                 # default FY; M1..M11 or P<a>-<b>
    langs: [vi]                   # default vi
    data: []                      # data files; empty means the built-in data
    region: MTTN                  # optional: comparison region of province reports
    base_year: 2024               # optional: price base year
    out: ../outputs               # optional: output folder

``areas`` means, for province reports: ``region:X``, the provinces of region X in each
year (and X becomes their comparison region); ``all``, every province with data for the
year and period; a list, those provinces (any spelling `normalize_province` accepts, or GSO
codes). For ``regional_overview`` the areas are region ids: ``region:X`` is X, ``all``
every region with data, or a list of ids.

**Several grids** -- ``runs: [grid, grid, ...]``, plus an optional top-level ``out``.

**An explicit list** -- ``sets: [{province: Đắk Lắk, year: 2015}, ...]``, with optional
top-level ``notebook`` (default for the sets), ``data`` and ``out``. A set may name its own
``notebook``; without one it is a province report if it has ``province``, else a regional
overview. Its other keys are the notebook's parameters. A ``runs`` item may be a sets
mapping too.

A notebook may also be a path to an ``.ipynb`` whose ``parameters`` cell takes the
parameters of the province report (if it has ``province``) or of the regional overview,
or a subset of them, plus parameters of its own; sets may give those too. Its outputs are
named ``<area>.<notebook stem>.html`` so they never overwrite the standard reports.

Paths
-----
Paths in a run file (``data``, ``out``, notebook paths) are relative to the run file's
folder and must stay inside that folder or inside the project (the nearest folder above
it with ``pyproject.toml`` or ``.git``), once ``..`` and symbolic links are resolved: a
path that escapes both, any absolute path, ``~``, and a path with a NUL character are
refused, and so is an ``out`` whose year or period folder is a link that leads outside.
An absolute ``--out`` on the command line is the user's choice and is fine; it replaces
every ``out`` of the run file (as does the default, ``$KCANALYSIS_OUTPUTS`` or
``outputs/``).

Reading
-------
`read_run_doc` reads the file with ``yaml.safe_load`` (never a loader that can build
Python objects: ``!!python/...`` tags are refused as invalid YAML). A run file must be
UTF-8 text of at most 1 MB, hold a mapping, have text keys only, nest at most 40 levels
deep and hold at most 200 000 values once aliases are expanded (so a "billion laughs"
file of aliases of aliases is refused, not expanded).

Parameter values
----------------
Parameters are injected into the notebook as Python literals (papermill writes them into
a cell after the ``parameters`` cell). The standard parameters are type-checked by their
classes; a custom notebook's own parameters may be text, numbers, true/false, null, and
lists and mappings (with text keys) of those, nothing else: YAML dates, sets and binary
values are refused, because papermill would write them as raw text rather than as
literals. The engines check the injected cell again before a kernel runs it
(`kcanalysis.reporting.batch.literals`).

Validation
----------
`read_plan` checks every key, notebook, area, year, period, language and path, and
`kcanalysis.reporting.batch.jobs.check_data` that the data hold the area, year and
period of every report to be run.
All problems are collected and raised as one `ParameterError` naming each entry, before
any kernel starts.
"""

from __future__ import annotations

import ast
import dataclasses
import json
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from kcanalysis import provinces
from kcanalysis.errors import KcAnalysisError, ParameterError
from kcanalysis.params import NOTEBOOK_PARAMS, _Params
from kcanalysis.reporting.batch.jobs import Job, Plan, Problems, load_data, shown
from kcanalysis.reporting.batch.literals import literal_problem
from kcanalysis.reporting.batch.paths import (
    data_paths,
    inside,
    out_path,
    project_root,
    safe_path,
)

#: Limits of a run file (see "Reading" above).
MAX_RUN_FILE_BYTES = 1_000_000
MAX_DEPTH = 40
MAX_VALUES = 200_000

GRID_KEYS = ("notebook", "areas", "years", "periods", "langs", "data", "region", "base_year", "out")
SETS_KEYS = ("sets", "notebook", "data", "out")


@dataclass
class _Notebook:
    name: str
    source: Path
    cls: type[_Params]
    names: tuple[str, ...]  # parameters the notebook takes
    custom: bool

    @property
    def area_field(self) -> str:
        return "province" if "province" in _fields(self.cls) else "region"


@dataclass
class _Ctx:
    run_file: Path
    base: Path
    root: Path
    out_dir: Path
    out_fixed: bool
    problems: Problems = field(default_factory=Problems)
    #: The output folder not taken from the run file (--out, or the default).
    own_out: Path | None = None

    def problem(self, entry: str, message: str) -> None:
        self.problems.add(entry, message)


def _fields(cls: type[_Params]) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls))  # type: ignore[arg-type]


# ---------------------------------------------------------------------- reading
def _where(path: str, key: object) -> str:
    if isinstance(key, int):
        return f"{path}[{key}]"
    return f"{path}.{key}" if path else str(key)


def _shape_problems(doc: object) -> list[str]:
    """Return what makes a loaded run file unusable (see "Reading"); stop at the limits."""
    problems: list[str] = []
    stack: list[tuple[object, str, int]] = [(doc, "", 0)]
    count = 0
    while stack:
        value, where, depth = stack.pop()
        count += 1
        if count > MAX_VALUES:
            return [f"it holds more than {MAX_VALUES:,} values (aliases counted each time)."]
        if depth > MAX_DEPTH:
            return [f"{where or 'it'} is nested more than {MAX_DEPTH} levels deep."]
        if isinstance(value, str):
            try:
                value.encode("utf-8")
            except UnicodeEncodeError:
                problems.append(f"{where}: {shown(value)} is not valid Unicode text.")
        elif isinstance(value, dict):
            for key, item in value.items():
                if not isinstance(key, str):
                    problems.append(
                        f"{where or 'the top level'}: key {shown(key)} is not a text; "
                        "keys are names (put it in quotes if it is meant as one)."
                    )
                    continue
                stack.append((key, _where(where, key), depth + 1))
                stack.append((item, _where(where, key), depth + 1))
        elif isinstance(value, list):
            stack.extend((item, _where(where, i), depth + 1) for i, item in enumerate(value))
        if len(problems) >= 10:
            break
    return problems


#: Deepest bracket nesting read at all (the shape check later allows 40 levels).
MAX_PARSE_DEPTH = 200


def _flow_depth(text: str) -> int:
    """Return the deepest nesting of YAML flow brackets ([ and {), outside quoted text."""
    depth = deepest = 0
    quote = ""
    for ch in text:
        if quote:
            if ch == quote:
                quote = ""
        elif ch in "\"'":
            quote = ch
        elif ch in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif ch in "]}":
            depth = max(depth - 1, 0)
    return deepest


def read_run_doc(run_file: Path) -> dict:
    """Read a run file with ``yaml.safe_load`` and check its shape (see "Reading").

    Raises
    ------
    ParameterError
        Naming the file: unreadable, too large, not UTF-8, not YAML, not a mapping, a key
        that is not a text, nested too deeply or too many values.
    """
    run_file = Path(run_file)
    try:
        size = run_file.stat().st_size
        if size > MAX_RUN_FILE_BYTES:
            raise ParameterError(
                f"Run file {run_file} is {size:,} bytes; a run file is at most "
                f"{MAX_RUN_FILE_BYTES:,}. Use grids (lists of areas and years) instead of "
                "listing every report, or split it into several files."
            )
        raw = run_file.read_bytes()
    except OSError as err:
        raise ParameterError(f"Cannot read run file {run_file}: {err.strerror}.") from err
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise ParameterError(
            f"Run file {run_file} is not UTF-8 text (byte 0x{raw[err.start]:02x} at "
            f"position {err.start}). Save it as UTF-8."
        ) from err
    if _flow_depth(text) > MAX_PARSE_DEPTH:
        # Refused before parsing: the YAML parser recurses once per level and would hit
        # Python's recursion limit (leaving unraisable errors behind) long before 40.
        raise ParameterError(
            f"Run file {run_file} is nested too deeply to read; a run file needs only a few levels."
        )
    try:
        doc = yaml.safe_load(text)
    except yaml.YAMLError as err:
        if "\t" in text and ("tab" in str(err).lower() or "'\\t'" in str(err)):
            line = next(n for n, ln in enumerate(text.splitlines(), 1) if "\t" in ln)
            raise ParameterError(
                f"Run file {run_file} has a tab character (line {line}): YAML indents with "
                "spaces; use spaces, not tabs."
            ) from err
        raise ParameterError(f"Run file {run_file} is not valid YAML: {err}") from err
    except RecursionError as err:
        raise ParameterError(
            f"Run file {run_file} is nested too deeply to read; a run file needs only a few levels."
        ) from err
    except Exception as err:  # e.g. a date such as 2024-02-30
        raise ParameterError(
            f"Run file {run_file} is not valid YAML: {type(err).__name__}: {err}."
        ) from err
    if not isinstance(doc, dict):
        raise ParameterError(
            f"Run file {run_file} must hold a mapping of keys to values (notebook:, "
            f"areas:, years: ... or runs: or sets:), got {shown(doc)}."
        )
    problems = _shape_problems(doc)
    if problems:
        raise ParameterError(
            f"Run file {run_file} cannot be used; nothing was run:\n  - " + "\n  - ".join(problems)
        )
    return doc


# ---------------------------------------------------------------------- notebooks
def _parameter_names(source: Path) -> tuple[str, ...]:
    nb = json.loads(source.read_text(encoding="utf-8"))
    for cell in nb.get("cells", []):
        if "parameters" in cell.get("metadata", {}).get("tags", []):
            code = "".join(cell.get("source", []))
            names = []
            for node in ast.parse(code).body:
                if isinstance(node, ast.Assign):
                    names += [t.id for t in node.targets if isinstance(t, ast.Name)]
                elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
                    names.append(node.target.id)
            return tuple(names)
    return ()


def _notebook(value: object, ctx: _Ctx, entry: str, cache: dict) -> _Notebook | None:
    from kcanalysis.reporting.execute import notebook_path

    if not isinstance(value, str) or not value.strip():
        ctx.problem(entry, f"'notebook' must be a name or a path, got {shown(value)}.")
        return None
    if value in cache:
        return cache[value]
    if value in NOTEBOOK_PARAMS:
        cls = NOTEBOOK_PARAMS[value]
        found = _Notebook(value, notebook_path(value), cls, _fields(cls), custom=False)
    elif value.endswith(".ipynb"):
        source = safe_path(value, ctx, entry, "notebook")
        if source is None:
            return None
        if not source.is_file():
            ctx.problem(entry, f"notebook {shown(value)} not found ({source}).")
            return None
        try:
            names = _parameter_names(source)
        except (OSError, ValueError, SyntaxError, TypeError, AttributeError) as err:
            ctx.problem(entry, f"cannot read the parameters cell of {shown(value)}: {err}.")
            return None
        key = "province_report" if "province" in names else "regional_overview"
        if "province" not in names and "region" not in names:
            ctx.problem(entry, f"notebook {shown(value)} takes neither 'province' nor 'region'.")
            return None
        found = _Notebook(source.stem, source, NOTEBOOK_PARAMS[key], names, custom=True)
    else:
        ctx.problem(
            entry,
            f"unknown notebook {shown(value)}; use {', '.join(NOTEBOOK_PARAMS)} or a path to an "
            ".ipynb file.",
        )
        return None
    cache[value] = found
    return found


def did_you_mean(unknown: list[str], known) -> str:
    """Return " (did you mean province?)" for misspelt keys, or "" when none is close."""
    import difflib

    guesses = [
        f"{m[0]}" for u in unknown if (m := difflib.get_close_matches(u, list(known), 1, 0.75))
    ]
    return f" (did you mean {', '.join(dict.fromkeys(guesses))}?)" if guesses else ""


def _make_job(nb: _Notebook, values: dict, out: Path, ctx: _Ctx, entry: str) -> Job | None:
    from kcanalysis.reporting.execute import output_paths
    from kcanalysis.reporting.render import report_title

    fields = _fields(nb.cls)
    unknown = sorted(map(str, set(values) - set(fields) - set(nb.names)))
    if unknown:
        hint = did_you_mean(unknown, [*fields, *nb.names])
        ctx.problem(
            entry,
            f"unknown parameter(s) {', '.join(unknown)}{hint} for {nb.name}; it takes "
            f"{', '.join(dict.fromkeys((*fields, *nb.names)))}.",
        )
        return None
    own = {k: v for k, v in values.items() if k not in fields}
    bad = [f"{k}: {why}" for k, v in own.items() if (why := literal_problem(v))]
    if bad:
        ctx.problem(entry, f"parameter {'; '.join(bad)}")
        return None
    try:
        params = nb.cls.from_dict({k: v for k, v in values.items() if k in fields})
        ipynb, html = output_paths(params, out)
        title = report_title(params)
    except KcAnalysisError as err:
        ctx.problem(entry, str(err))
        return None
    except (ValueError, TypeError, LookupError, OverflowError) as err:  # a value no check saw
        ctx.problem(entry, f"invalid parameter value ({type(err).__name__}: {err}).")
        return None
    injected = {k: v for k, v in params.to_dict().items() if k in nb.names}
    injected.update(own)
    if nb.custom:
        ipynb = ipynb.with_name(f"{ipynb.stem}.{nb.name}.ipynb")
        html = html.with_name(f"{html.stem}.{nb.name}.html")
    if out != ctx.own_out and not inside(html.parent, ctx):
        ctx.problem(
            entry,
            f"would write {html.name} into {html.parent.resolve()}, outside the run file's "
            f"folder and the project ({ctx.root}): a folder under {out} is a symbolic link "
            "that leads elsewhere. Remove the link, or pass the output folder with --out.",
        )
        return None
    area = getattr(params, nb.area_field)
    return Job(
        nb.name,
        nb.source,
        injected,
        area,
        params.year,  # type: ignore[attr-defined]
        params.period,  # type: ignore[attr-defined]
        params.lang,  # type: ignore[attr-defined]
        tuple(params.data),  # type: ignore[attr-defined]
        ipynb.absolute(),
        html.absolute(),
        title,
        entry,
        params,
    )


# ---------------------------------------------------------------------- expansion
def _as_list(value: object) -> list:
    return value if isinstance(value, list) else [value]


def _areas(spec: object, nb: _Notebook, year: int, period: str, data: tuple[str, ...]):
    """Return (areas, region implied by the spec or None); raise ParameterError."""
    from kcanalysis.params import check_available

    if isinstance(spec, str) and spec.strip().lower() == "all":
        facts = load_data(data).facts  # type: ignore[attr-defined]
        if nb.area_field == "region":
            found = []
            for region in provinces.regions():
                try:
                    check_available(nb.cls(region=region, year=year, period=period), facts)
                except KcAnalysisError:
                    continue
                found.append(region)
            return found, None
        have = facts[(facts["year"] == year) & (facts["period"] == period)]["area_code"]
        return sorted(set(have) - set(provinces.regions())), None
    if isinstance(spec, str) and spec.strip().lower().startswith("region:"):
        region = provinces.get_region(spec.split(":", 1)[1].strip()).region_id
        if nb.area_field == "region":
            return [region], None
        return provinces.region_members(region, year, period), region
    items = _as_list(spec)
    if not items or not all(isinstance(a, str | int) and not isinstance(a, bool) for a in items):
        raise ParameterError(
            f"'areas' must be 'all', 'region:<id>' or a list of names or codes, got {shown(spec)}."
        )
    return [str(a) for a in items], None


def _ints(value: object, key: str) -> list[int]:
    items = _as_list(value)
    if not items or not all(isinstance(v, int) and not isinstance(v, bool) for v in items):
        raise ParameterError(f"'{key}' must be a year or a list of years, got {shown(value)}.")
    return items


def _strs(value: object, key: str) -> list[str]:
    items = _as_list(value)
    if not items or not all(isinstance(v, str) for v in items):
        raise ParameterError(f"'{key}' must be a text or a list of texts, got {shown(value)}.")
    return items


def _expand_grid(grid: dict, entry: str, ctx: _Ctx, nbs: dict) -> list[Job]:
    unknown = sorted(map(str, set(grid) - set(GRID_KEYS)))
    missing = [k for k in ("notebook", "areas", "years") if k not in grid]
    if unknown or missing:
        what = [f"unknown key(s) {', '.join(unknown)}{did_you_mean(unknown, GRID_KEYS)}"]
        what = what if unknown else []
        what += [f"missing key(s) {', '.join(missing)}"] if missing else []
        ctx.problem(entry, f"{'; '.join(what)}. A grid takes {', '.join(GRID_KEYS)}.")
        return []
    try:
        years = _ints(grid["years"], "years")
        periods = _strs(grid.get("periods", "FY"), "periods")
        langs = _strs(grid.get("langs", "vi"), "langs")
    except ParameterError as err:
        ctx.problem(entry, str(err))
        return []
    data = data_paths(grid.get("data", []), ctx, entry)
    out = out_path(grid.get("out"), ctx, entry)
    extra = {k: grid[k] for k in ("region", "base_year") if k in grid}
    jobs = []
    for name in _as_list(grid["notebook"]):
        nb = _notebook(name, ctx, entry, nbs)
        if nb is None or data is None:
            continue
        for year in years:
            for period in periods:
                try:
                    areas, region = _areas(grid["areas"], nb, year, period, data)
                except KcAnalysisError as err:
                    ctx.problem(f"{entry} ({nb.name}, {year} {period})", str(err))
                    continue
                for area in areas:
                    for lang in langs:
                        values = {nb.area_field: area, "year": year, "period": period}
                        values.update(lang=lang, data=list(data), **extra)
                        if region and nb.area_field == "province" and "region" not in extra:
                            values["region"] = region
                        where = f"{entry} ({nb.name}, area {area!r}, {year} {period} {lang})"
                        jobs.append(_make_job(nb, values, out, ctx, where))
    return [j for j in jobs if j is not None]


def _expand_sets(item: dict, entry: str, ctx: _Ctx, nbs: dict) -> list[Job]:
    unknown = sorted(map(str, set(item) - set(SETS_KEYS)))
    if unknown or not isinstance(item.get("sets"), list):
        ctx.problem(
            entry,
            f"'sets' must be a list of mappings, with only {', '.join(SETS_KEYS)} beside it"
            + (f" (unknown: {', '.join(unknown)})." if unknown else "."),
        )
        return []
    default_data = item.get("data", [])
    out = out_path(item.get("out"), ctx, entry)
    jobs = []
    for i, one in enumerate(item["sets"]):
        where = f"{entry}[{i}]"
        if not isinstance(one, dict):
            ctx.problem(where, f"a set must be a mapping of parameters, got {shown(one)}.")
            continue
        values = dict(one)
        name = values.pop("notebook", item.get("notebook"))
        if name is None:
            name = "province_report" if "province" in values else "regional_overview"
        nb = _notebook(name, ctx, where, nbs)
        data = data_paths(values.pop("data", default_data), ctx, where)
        if nb is None or data is None:
            continue
        values["data"] = list(data)
        area = shown(values[nb.area_field]) if nb.area_field in values else "?"
        year = shown(values["year"]) if "year" in values else "?"
        where = f"{where} ({nb.name}, area {area}, {year})"
        jobs.append(_make_job(nb, values, out, ctx, where))
    return [j for j in jobs if j is not None]


def _dedupe(jobs: list[Job], ctx: _Ctx) -> list[Job]:
    by_html: dict[Path, Job] = {}
    kept = []
    for job in jobs:
        other = by_html.get(job.html)
        if other is None:
            by_html[job.html] = job
            kept.append(job)
        elif (other.source, other.params) != (job.source, job.params):
            ctx.problem(
                job.entry,
                f"writes {job.html}, as {other.entry} does with other parameters. Give "
                "them different out folders or remove one.",
            )
    return kept


def read_plan(run_file: Path, out: Path | None = None) -> Plan:
    """Read, expand and validate a run file (all but data availability, see `check_data`).

    Parameters
    ----------
    run_file : Path
        The YAML run file (format in this module's docstring).
    out : Path, optional
        Output folder from the command line; replaces every ``out`` in the file.

    Raises
    ------
    ParameterError
        Listing every bad entry, before anything runs.
    """
    from kcanalysis.reporting.execute import default_out_dir

    run_file = Path(run_file)
    doc = read_run_doc(run_file)
    base = run_file.resolve().parent
    ctx = _Ctx(run_file, base, project_root(base), Path(out or default_out_dir()), bool(out))
    ctx.own_out = ctx.out_dir.absolute()
    if not out and "out" in doc:
        ctx.out_dir = out_path(doc["out"], ctx, "out")
    ctx.out_dir = ctx.out_dir.absolute()
    nbs: dict = {}
    if "runs" in doc:
        extra = sorted(map(str, set(doc) - {"runs", "out"}))
        if extra or not isinstance(doc["runs"], list):
            ctx.problem("runs", "must be a list of grids, with only 'out' beside it.")
            ctx.problems.raise_if_any(f"Run file {run_file}")
        items = [(f"runs[{i}]", item) for i, item in enumerate(doc["runs"])]
    else:
        # The top-level out, checked above, is this entry's out.
        items = [
            ("sets" if "sets" in doc else "grid", {k: v for k, v in doc.items() if k != "out"})
        ]
    jobs: list[Job] = []
    for entry, item in items:
        if not isinstance(item, dict):
            ctx.problem(entry, f"must be a mapping, got {shown(item)}.")
        elif "sets" in item:
            jobs += _expand_sets(item, entry, ctx, nbs)
        else:
            jobs += _expand_grid(item, entry, ctx, nbs)
    jobs = _dedupe(jobs, ctx)
    if not jobs and not ctx.problems.items:
        ctx.problem("run file", "it names no report.")
    ctx.problems.raise_if_any(f"Run file {run_file}")
    return Plan(run_file, ctx.out_dir, jobs)
