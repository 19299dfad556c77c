"""Safe run files, paths and parameters.

- Run files are read with ``yaml.safe_load`` only: Python tags never run, and files that
  are too large, too deep, alias bombs, not UTF-8 or not a mapping are refused by name.
- Paths in a run file cannot leave its folder or the project: ``..``, absolute paths,
  ``~``, symbolic links and NUL characters are refused; a path given on the command line
  is the user's own choice and is allowed.
- Parameters reach a notebook as literals: the values papermill could not write as
  literals (YAML sets, dates, binary) are refused, and the injected cell is checked
  before a kernel runs it.

Each detector has a control: the marker file that shows an execution is created by the
unsafe counterpart, and an in-bounds path beside each refused one is accepted.
"""

from __future__ import annotations

import json
import math
import os
import re
import time
from pathlib import Path

import papermill as pm
import pytest
import yaml
from batch_helpers import PROJECT, TINY, run_cli, tiny_sets, write_run
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kcanalysis.errors import ParameterError, ReportError
from kcanalysis.reporting.batch import engines
from kcanalysis.reporting.batch.grid import read_plan, read_run_doc
from kcanalysis.reporting.batch.literals import check_injected, injected_source, literal_problem

BATCH = PROJECT / "kcanalysis" / "reporting" / "batch"
UNSAFE_YAML = re.compile(
    r"yaml\.(load|load_all|unsafe_load|unsafe_load_all|full_load|full_load_all)\s*\("
    r"|\b(Unsafe|Full)?Loader\b|yaml\.Loader"
)


# ------------------------------------------------------------------ reading run files


def test_run_files_are_read_with_yaml_safe_load_only():
    sources = {p: p.read_text(encoding="utf-8") for p in BATCH.glob("*.py")}
    sources[PROJECT / "kcanalysis" / "params.py"] = (
        PROJECT / "kcanalysis" / "params.py"
    ).read_text(encoding="utf-8")
    offending = [
        f"{path.name}: {line.strip()}"
        for path, text in sources.items()
        for line in text.splitlines()
        if UNSAFE_YAML.search(line)
    ]
    assert offending == []
    assert "yaml.safe_load(text)" in sources[BATCH / "grid.py"]
    # Control: the pattern does catch the unsafe calls.
    for bad in ("yaml.load(text, Loader=yaml.Loader)", "yaml.unsafe_load(t)", "yaml.full_load(t)"):
        assert UNSAFE_YAML.search(bad), bad


def test_python_tags_are_refused_and_never_run(tmp_path):
    marker = tmp_path / "PWNED"
    text = f'notebook: !!python/object/apply:os.system ["touch {marker}"]\nareas: [66]\n'
    run = tmp_path / "evil.yaml"
    run.write_text(text, encoding="utf-8")
    with pytest.raises(ParameterError, match=rf"Run file {re.escape(str(run))} is not valid YAML"):
        read_plan(run)
    result = run_cli(run, "--out", tmp_path / "out")
    assert result.exit_code == 2 and result.stderr.startswith("error: Run file ")
    assert "Traceback" not in result.stderr
    assert not marker.exists()
    # Control: an unsafe loader would have run the command (so the marker detects it).
    yaml.unsafe_load(text)
    assert marker.exists()


def _laughs(levels: int = 9) -> bytes:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for n in range(1, levels + 1):
        lines.append(f"a{n}: &a{n} [" + ", ".join([f"*a{n - 1}"] * 9) + "]")
    return ("\n".join(lines) + "\n").encode()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ("notebook: province_report\nareas: [Tré]\n".encode("latin-1"), "is not UTF-8 text"),
        (b"# " + b"x" * 1_000_001 + b"\n", r"is 1,000,004 bytes; a run file is at most 1,000,000"),
        (b"a: " + b"[" * 3000 + b"]" * 3000 + b"\n", "is nested too deeply to read"),
        (b"a: " + b"[" * 60 + b"]" * 60 + b"\n", "is nested more than 40 levels deep"),
        (b"a: &a [*a]\n", "is nested more than 40 levels deep"),
        (_laughs(), r"holds more than 200,000 values \(aliases counted each time\)"),
        (b"notebook: province_report\nyears: 2024-02-30\n", "is not valid YAML"),
        (b"notebook: province_report\n2024: [66]\n", "key 2024 is not a text"),
        (b'sets:\n  - {province: 66, year: 2024, fail_if: "\\ud800"}\n', "not valid Unicode"),
        (b"- notebook: province_report\n", "must hold a mapping"),
        (b"", "must hold a mapping"),
        (b"notebook: [unclosed\n", "is not valid YAML"),
    ],
    ids=[
        "not-utf8",
        "too-large",
        "deep-parse",
        "deep",
        "self-alias",
        "billion-laughs",
        "bad-date",
        "int-key",
        "surrogate",
        "list",
        "empty",
        "syntax",
    ],
)
def test_unusable_run_files_are_refused_by_name(data, message, tmp_path):
    run = tmp_path / "run.yaml"
    run.write_bytes(data)
    started = time.monotonic()
    with pytest.raises(ParameterError, match=message) as err:
        read_run_doc(run)
    assert time.monotonic() - started < 5  # refused, not expanded
    assert str(run) in str(err.value)
    assert len(str(err.value)) < 2000


# ------------------------------------------------------------------ paths


@pytest.fixture
def proj(tmp_path) -> Path:
    """A project (pyproject.toml) with run files in ``params/`` and the tiny notebook in
    ``nb/``; ``outside/`` is a sibling folder beyond the project."""
    root = tmp_path / "proj"
    (root / "params").mkdir(parents=True)
    (root / "pyproject.toml").write_text("")
    (root / "nb").mkdir()
    (root / "nb" / "tiny.ipynb").write_bytes(TINY.read_bytes())
    (root / "data").mkdir()
    (root / "data" / "kc.csv").write_text("x\n")
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.csv").write_text("x\n")
    (outside / "tiny.ipynb").write_bytes(TINY.read_bytes())
    return root


def _grid(**extra) -> dict:
    return {"notebook": "province_report", "areas": ["66"], "years": 2024, **extra}


@pytest.mark.parametrize(
    ("refused", "allowed", "message"),
    [
        ({"out": "../../etc"}, {"out": "../reports"}, "outside the run file's folder"),
        ({"out": "../../../../../../../../etc"}, {"out": "./o"}, "outside the run file's folder"),
        ({"out": "/etc"}, {"out": "o"}, "is an absolute path"),
        ({"out": "~root"}, {"out": "o"}, "is an absolute path"),
        ({"out": "o/../../../x"}, {"out": "o/../o2"}, "outside the run file's folder"),
        ({"data": ["../../outside/secret.csv"]}, {"data": ["../data/kc.csv"]}, "outside"),
        ({"data": "/etc/passwd"}, {"data": "../data/kc.csv"}, "is an absolute path"),
        ({"data": ["../data/kc\x00.csv"]}, {"data": ["../data/kc.csv"]}, "NUL character"),
        (
            {"notebook": "../../outside/tiny.ipynb"},
            {"notebook": "../nb/tiny.ipynb"},
            "outside the run file's folder",
        ),
        ({"notebook": str(TINY)}, {"notebook": "../nb/tiny.ipynb"}, "is an absolute path"),
    ],
)
def test_run_file_paths_cannot_leave_the_folder_or_the_project(refused, allowed, message, proj):
    with pytest.raises(ParameterError, match=message):
        read_plan(write_run(proj / "params", _grid(**refused)))
    # Control: the path beside it, inside the project, is accepted.
    assert read_plan(write_run(proj / "params", _grid(**allowed))).jobs


def test_symbolic_links_are_followed_before_the_check(proj):
    (proj / "data" / "link.csv").symlink_to(proj.parent / "outside" / "secret.csv")
    (proj / "data" / "inner.csv").symlink_to(proj / "data" / "kc.csv")
    (proj / "nb" / "evil.ipynb").symlink_to(proj.parent / "outside" / "tiny.ipynb")
    (proj / "away").symlink_to(proj.parent / "outside", target_is_directory=True)
    for refused in (
        {"data": ["../data/link.csv"]},
        {"notebook": "../nb/evil.ipynb"},
        {"out": "../away/reports"},
    ):
        with pytest.raises(ParameterError, match="outside the run file's folder"):
            read_plan(write_run(proj / "params", _grid(**refused)))
    assert read_plan(write_run(proj / "params", _grid(data=["../data/inner.csv"]))).jobs


def test_an_output_subfolder_that_links_outside_is_refused_unless_given_on_the_command_line(
    proj,
):
    out = proj / "reports"
    out.mkdir()
    (out / "2024").symlink_to(proj.parent / "outside", target_is_directory=True)
    run = write_run(proj / "params", _grid(out="../reports"))
    with pytest.raises(ParameterError, match="is a symbolic link that leads elsewhere"):
        read_plan(run)
    # The same folder named by the user on the command line is the user's choice.
    (job,) = read_plan(run, out=out).jobs
    assert job.html == out / "2024" / "FY" / "66-dak-lak.html"
    # Control: without the link the run file's own out is fine.
    (out / "2024").unlink()
    assert read_plan(run).jobs[0].html == out / "2024" / "FY" / "66-dak-lak.html"


def test_the_command_refuses_an_escaping_out_and_writes_nothing_there(proj, tmp_path):
    target = tmp_path / "etc-like"
    run = write_run(proj / "params", _grid(out="../../etc-like"))
    result = run_cli(run)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: Run file {run} has 1 problem(s); nothing was run")
    assert "out '../../etc-like' leads to" in result.stderr and "Traceback" not in result.stderr
    assert not target.exists()
    # An absolute --out on the command line is allowed and replaces the run file's out.
    assert read_plan(run, out=tmp_path / "mine").out_dir == tmp_path / "mine"


# ------------------------------------------------------------------ parameter values

HOSTILE_TEXT = [
    '"; import os; os.system("touch {m}") #',
    "'''\nopen(r'{m}', 'w').close()\n'''",
    '\\"\nopen(r"{m}", "w").close()\n#',
    'x"""\nopen(r\'{m}\', \'w\').close()\n"""',
    "line\r\nbreak\u2028sep\u2029\t\x00\x1b[31m",
    "{{__import__('os').system('touch {m}')}}",
]


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        ("text", None),
        (3, None),
        (2.5, None),
        (math.nan, None),
        (True, None),
        (None, None),
        (["a", {"b": [1, None]}], None),
        (__import__("datetime").date(2024, 1, 1), "is a date, which cannot be passed"),
        ({"a", "b"}, "is a set, which cannot be passed"),
        (b"raw", "is a bytes, which cannot be passed"),
        ({1: "a"}, "mapping key 1 is not a text"),
        (["ok", ("tuple",)], "is a tuple"),
        ("\ud800", "is not valid Unicode text"),
    ],
)
def test_only_plain_values_may_be_injected(value, problem):
    found = literal_problem(value)
    if problem is None:
        assert found is None
    else:
        assert problem in found


def _tiny_injected(parameters: dict):
    nb = pm.iorw.load_notebook_node(str(TINY))
    return pm.parameterize.parameterize_notebook(nb, dict(parameters))


def test_papermill_would_run_a_set_value_and_the_check_stops_it(tmp_path):
    marker = tmp_path / "PWNED"
    payload = {f'x" + str(__import__("pathlib").Path(r"{marker}").touch()) + "'}
    nb = _tiny_injected({"fail_if": payload})
    with pytest.raises(ReportError, match="'fail_if' was not injected as a literal"):
        check_injected(nb, {"fail_if": payload})
    assert not marker.exists()
    # Control: the cell papermill wrote does run the payload; this is what is stopped.
    exec(compile(injected_source(nb), "<injected>", "exec"), {})
    assert marker.exists()


def test_hostile_texts_are_injected_as_literals(tmp_path):
    marker = tmp_path / "PWNED"
    values = [t.format(m=marker) for t in HOSTILE_TEXT]
    for value in values:
        nb = _tiny_injected({"fail_if": value, "sleep_s": math.nan, "province": value})
        check_injected(nb, {"fail_if": value, "sleep_s": math.nan, "province": value})
        namespace: dict = {}
        exec(compile(injected_source(nb), "<injected>", "exec"), namespace)
        assert namespace["fail_if"] == value and namespace["province"] == value
        assert math.isnan(namespace["sleep_s"])
    assert not marker.exists()
    # Control: pasted in without quoting, the first one would have run.
    exec(f'fail_if = "{values[0]}"', {})
    assert marker.exists()


JSON_LIKE = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=12,
)


@settings(max_examples=200, deadline=None, suppress_health_check=list(HealthCheck))
@given(JSON_LIKE, JSON_LIKE)
def test_any_plain_value_round_trips_through_the_injected_cell(a, b):
    assert literal_problem(a) is None and literal_problem(b) is None
    nb = _tiny_injected({"fail_if": a, "payload_kb": b})
    check_injected(nb, {"fail_if": a, "payload_kb": b})


def test_check_catches_a_cell_that_does_more_than_assign():
    nb = _tiny_injected({"fail_if": "x"})
    cell = next(c for c in nb.cells if "injected-parameters" in c.metadata.get("tags", []))
    cell.source += "\nimport os\n"
    with pytest.raises(ReportError, match="holds code other than assignments"):
        check_injected(nb, {"fail_if": "x"})
    cell.source = 'fail_if = "y"\n'
    with pytest.raises(ReportError, match="'fail_if' was not injected as the value given"):
        check_injected(nb, {"fail_if": "x"})


def test_the_engine_runs_nothing_when_the_injected_cell_is_not_literal(tmp_path, monkeypatch):
    marker = tmp_path / "PWNED"
    real = engines.prepare_notebook

    def translator_bug(source, parameters, output_path=None):
        nb = real(source, parameters, output_path)
        cell = next(c for c in nb.cells if "injected-parameters" in c.metadata.get("tags", []))
        cell.source = f'fail_if = "" + str(open(r"{marker}", "w").close())\n'
        return nb

    def no_kernel(self, cwd):
        raise AssertionError("a kernel was asked for")

    monkeypatch.setattr(engines, "prepare_notebook", translator_bug)
    monkeypatch.setattr(engines.PapermillEngine, "_acquire", no_kernel)
    ex = engines.PapermillEngine().run(
        TINY, {"fail_if": ""}, tmp_path / "x.ipynb", 10, check=check_injected
    )
    assert ex.outcome == "error" and "was not injected as a literal" in ex.message
    assert not marker.exists()


@pytest.mark.parametrize(
    ("yaml_value", "message"),
    [
        ("!!set {a: null}", "is a set"),
        ("2024-01-01", "is a date"),
        ("!!binary aGVsbG8=", "is a bytes"),
        ("{1: a}", "key 1 is not a text"),
    ],
)
def test_a_run_file_value_that_is_not_a_plain_literal_is_refused(yaml_value, message, project):
    run = project / "run.yaml"
    run.write_text(
        "notebook: nb/tiny.ipynb\nsets:\n"
        f"  - {{province: '66', year: 2024, fail_if: {yaml_value}}}\n",
        encoding="utf-8",
    )
    with pytest.raises(ParameterError, match=message):
        read_plan(run)


def test_a_hostile_province_in_a_run_file_is_refused(project):
    doc = {"sets": [{"province": HOSTILE_TEXT[0].format(m="x"), "year": 2024}]}
    with pytest.raises(ParameterError, match=r"sets\[0\].*Parameter 'province'"):
        read_plan(write_run(project, doc))


@pytest.mark.slow
def test_hostile_texts_reach_the_kernel_as_data_not_code(project):
    marker = project / "PWNED"
    values = [t.format(m=marker) for t in HOSTILE_TEXT]
    doc = tiny_sets("66", "64", "62", "68", "67", "54")
    for one, value in zip(doc["sets"], values, strict=True):
        one["fail_if"] = value
    run, out = write_run(project, doc), project / "out"
    result = run_cli(run, "--out", out, "--jobs", 2)
    assert result.exit_code == 0, result.stdout + result.stderr
    assert not marker.exists()
    executed = sorted((out / "_work" / "2024" / "FY").glob("*.tiny.ipynb"))
    assert len(executed) == 6
    seen = set()
    for path in executed:
        nb = json.loads(path.read_text(encoding="utf-8"))
        cell = next(
            c for c in nb["cells"] if "injected-parameters" in c["metadata"].get("tags", [])
        )
        namespace: dict = {}
        exec(compile("".join(cell["source"]), "<injected>", "exec"), namespace)
        seen.add(namespace["fail_if"])
    assert seen == set(values)
    assert os.listdir(project).count("PWNED") == 0
