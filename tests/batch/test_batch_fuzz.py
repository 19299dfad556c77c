"""Fuzzing the batch run files (Hypothesis): random keys and values give `ParameterError`.

Three properties, each run in the normal suite with a bounded number of examples and again
with ten times as many in the `slow` profile:

- random documents (grids, sets, runs and plain mappings with random keys and values of
  every type YAML can express, dates, sets and binary values included), dumped to YAML
  and read by `read_plan`, whose plans are then checked with `check_data` and keyed with
  `job_key`: each returns or raises `ParameterError`, nothing else;
- random bytes, random text and damaged copies of good run files: the same;
- the `batch` command on random documents (the rendering itself replaced by a stub, so no
  kernel starts): exit code 0 or 2, and on 2 a one-paragraph "error: ..." and no traceback.

A control runs the first property against the reader as it was before this fuzzing (plain
``yaml.safe_load``, no checks of the document's shape) and shows that it finds the crash
that reader had, so a passing run means something.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest
import yaml
from batch_helpers import PROJECT, TINY
from click.testing import CliRunner
from hypothesis import HealthCheck, Phase, event, given, settings
from hypothesis import strategies as st

from kcanalysis.errors import ParameterError
from kcanalysis.reporting.batch import cache, grid
from kcanalysis.reporting.batch.grid import GRID_KEYS, SETS_KEYS, read_plan
from kcanalysis.reporting.batch.jobs import check_data

NORMAL_EXAMPLES, SLOW_EXAMPLES = 200, 2000
CLI_EXAMPLES, CLI_SLOW_EXAMPLES = 50, 500
_HEALTH = list(HealthCheck)

NAMES = [
    *GRID_KEYS,
    *SETS_KEYS,
    "runs",
    "province",
    "region",
    "year",
    "period",
    "lang",
    "base_year",
    "sleep_s",
    "payload_kb",
    "fail_if",
    "pid_file",
]
SPECIAL = [
    "all",
    "region:MTTN",
    "region:VN",
    "region:XX",
    "region:",
    "province_report",
    "regional_overview",
    "explore",
    "nb/tiny.ipynb",
    "nb/../nb/tiny.ipynb",
    "nb",
    "../outside.ipynb",
    "/etc",
    "/etc/passwd",
    "~",
    "~root/x.csv",
    "../../etc",
    "FY",
    "M8",
    "M12",
    "P2014-2020",
    "P1-3",
    "vi",
    "en",
    "fr",
    "66",
    "64",
    "Đắk Lắk",
    "kontum",
    "MTTN",
    "d.csv",
    "a\x00b",
    "\ud800",
    " ",
    "",
    "x" * 5000,
    '"; import os; os.system("touch PWNED") #',
]
KEYS = st.one_of(  # mostly the names run files use
    st.sampled_from(NAMES),
    st.sampled_from(NAMES),
    st.sampled_from(NAMES),
    st.text(max_size=6),
    st.integers() | st.none() | st.booleans(),
)
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**20), 10**20),
    st.integers(1985, 2035),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=12),
    st.sampled_from(SPECIAL),
    st.dates(),
    st.datetimes(),
    st.binary(max_size=3),
    st.sets(st.text(max_size=3), max_size=2),
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(KEYS, inner, max_size=4),
    max_leaves=10,
)
MAPPINGS = st.dictionaries(KEYS, VALUES, max_size=7)
_NOTEBOOKS = st.sampled_from(["province_report", "regional_overview", "nb/tiny.ipynb", "explore"])
GRIDS = st.fixed_dictionaries(
    {
        "notebook": _NOTEBOOKS | VALUES,
        "areas": st.sampled_from(["all", "region:MTTN", ["66"], ["64", "Gia Lai"]]) | VALUES,
        "years": st.integers(2009, 2026) | VALUES,
    },
    optional={k: VALUES for k in ("periods", "langs", "data", "region", "base_year", "out")},
)
ONE_SET = (
    st.fixed_dictionaries(
        {},
        optional={
            k: VALUES
            for k in (
                "province",
                "region",
                "year",
                "period",
                "lang",
                "notebook",
                "data",
                "sleep_s",
                "payload_kb",
                "fail_if",
                "base_year",
            )
        },
    )
    | MAPPINGS
)
SETS = st.fixed_dictionaries(
    {"sets": st.lists(ONE_SET, max_size=4) | VALUES},
    optional={"notebook": VALUES, "data": VALUES, "out": VALUES},
)
RUNS = st.fixed_dictionaries(
    {"runs": st.lists(GRIDS | SETS | VALUES, max_size=3) | VALUES}, optional={"out": VALUES}
)

# Valid entries with a few keys replaced by random values or removed: these reach the
# deep checks (parameters, areas, data, paths, keys), not just the first one.
_DELETE = object()
GOOD_GRIDS = st.fixed_dictionaries(
    {
        "notebook": st.sampled_from(["province_report", "regional_overview", "nb/tiny.ipynb"]),
        "areas": st.sampled_from(["region:MTTN", ["66"], ["64", "Gia Lai"], "all", [66]]),
        "years": st.sampled_from([2024, [2024], [2011, 2024]]),
    },
    optional={
        "periods": st.sampled_from(["FY", ["FY"], ["M8"]]),
        "langs": st.sampled_from(["vi", ["vi", "en"]]),
        "data": st.sampled_from([[], ["d.csv"], "d.csv"]),
        "region": st.just("MTTN"),
        "base_year": st.sampled_from([2020, 2024]),
        "out": st.sampled_from(["o", "sub/o", "./o"]),
    },
)
GOOD_SETS = st.fixed_dictionaries(
    {"province": st.sampled_from(["66", "Đắk Lắk", "64", 66]), "year": st.just(2024)},
    optional={
        "notebook": st.sampled_from(["nb/tiny.ipynb", "province_report"]),
        "lang": st.sampled_from(["vi", "en"]),
        "data": st.sampled_from([[], ["d.csv"]]),
        "sleep_s": st.floats(0, 1),
        "payload_kb": st.integers(0, 3),
        "fail_if": st.text(max_size=20),
    },
)


def _mutated(good):
    changes = st.lists(st.tuples(KEYS, VALUES | st.just(_DELETE)), max_size=2)

    def apply(pair):
        doc, edits = pair
        doc = dict(doc)
        for key, value in edits:
            if value is _DELETE:
                doc.pop(key, None)
            else:
                doc[key] = value
        return doc

    return st.tuples(good, changes).map(apply)


NEAR_GRIDS = _mutated(GOOD_GRIDS)
NEAR_SETS = _mutated(
    st.fixed_dictionaries(
        {"sets": st.lists(_mutated(GOOD_SETS), min_size=1, max_size=3)},
        optional={"notebook": st.sampled_from(["nb/tiny.ipynb"]), "out": st.just("o")},
    )
)
NEAR_RUNS = _mutated(
    st.fixed_dictionaries({"runs": st.lists(NEAR_GRIDS | NEAR_SETS, min_size=1, max_size=3)})
)
DOCUMENTS = st.one_of(NEAR_GRIDS, NEAR_SETS, NEAR_RUNS, GRIDS, SETS, RUNS, MAPPINGS)

GOOD_FILES = [
    (PROJECT / "params" / "demo.yaml").read_bytes(),
    b"sets:\n  - {province: 66, year: 2024}\n  - {region: MTTN, year: 2011, period: M8}\n",
    b"notebook: nb/tiny.ipynb\nareas: [66, Gia Lai]\nyears: [2024]\nlangs: [vi, en]\n",
    b"runs:\n  - &g {notebook: province_report, areas: [66], years: 2024}\n  - *g\nout: o\n",
]
DAMAGE = st.lists(st.tuples(st.integers(0, 4000), st.binary(min_size=0, max_size=4)), max_size=4)


@pytest.fixture(scope="module")
def folder():
    """A run-file folder with the tiny notebook and a small data file beside it."""
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        (base / "nb").mkdir()
        shutil.copy(TINY, base / "nb" / "tiny.ipynb")
        (base / "d.csv").write_text(
            "area_code,area_name,year,period,level,activity,indicator,unit,planned,actual\n"
            "66,Đắk Lắk,2024,FY,ALL,ALL,budget_kc,million VND,1000,900\n",
            encoding="utf-8",
        )
        yield base


def _dump(doc: object) -> bytes:
    try:
        return yaml.safe_dump(doc, allow_unicode=True).encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate: write it escaped, as YAML allows
        return yaml.safe_dump(doc, allow_unicode=False).encode("ascii")


def _only_parameter_errors(run_file: Path, data: bytes) -> None:
    """Read `data` as a run file: a plan (checked and keyed) or `ParameterError`, only."""
    run_file.write_bytes(data)
    try:
        plan = read_plan(run_file)
        check_data(plan.jobs, f"Run file {run_file}")
        for job in plan.jobs:
            cache.job_key(job)
    except ParameterError as err:
        text = str(err)
        assert text.startswith("Run file ") and str(run_file) in text, text
        assert len(text) < 20_000, "an error message must stay readable"
        event("ParameterError")
        return
    except Exception as err:  # the property: nothing else escapes
        raise AssertionError(f"{type(err).__name__}: {err} from {data[:300]!r}") from err
    event(f"valid plan of {min(len(plan.jobs), 3)}+ report(s)")


def _documents_property(folder: Path, examples: int, phases=tuple(Phase)) -> None:
    @settings(max_examples=examples, deadline=None, suppress_health_check=_HEALTH, phases=phases)
    @given(DOCUMENTS)
    def check(doc):
        _only_parameter_errors(folder / "run.yaml", _dump(doc))

    check()


def _bytes_property(folder: Path, examples: int) -> None:
    @settings(max_examples=examples, deadline=None, suppress_health_check=_HEALTH)
    @given(
        st.sampled_from(GOOD_FILES),
        DAMAGE,
        st.binary(max_size=60),
        st.text(max_size=60),
    )
    def check(good, damage, raw, text):
        damaged = bytearray(good)
        for at, new in damage:
            at %= len(damaged) + 1
            damaged[at : at + len(new)] = new
        for data in (bytes(damaged), raw, text.encode("utf-8", "surrogatepass")):
            _only_parameter_errors(folder / "run.yaml", data)

    check()


def test_random_run_files_give_parameter_errors(folder):
    _documents_property(folder, NORMAL_EXAMPLES)


def test_random_bytes_and_damaged_run_files_give_parameter_errors(folder):
    _bytes_property(folder, NORMAL_EXAMPLES)


@pytest.mark.slow
def test_random_run_files_give_parameter_errors_long(folder):
    _documents_property(folder, SLOW_EXAMPLES)


@pytest.mark.slow
def test_random_bytes_and_damaged_run_files_give_parameter_errors_long(folder):
    _bytes_property(folder, SLOW_EXAMPLES)


def test_control_the_fuzzer_finds_the_crash_of_the_earlier_code(folder, monkeypatch):
    """The code before this work: the reader was ``yaml.safe_load`` alone, and unknown keys
    were listed with ``sorted(set(grid) - ...)``. A key that is not a text (``2024: x``
    beside ``notebook:``) then crashed ``sorted`` or ``join`` with a TypeError. Restoring
    both must make the property fail."""

    def unchecked(path):
        doc = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
        if not isinstance(doc, dict):
            raise ParameterError(f"Run file {path} must hold a mapping.")
        return doc

    monkeypatch.setattr(grid, "read_run_doc", unchecked)
    monkeypatch.setattr(grid, "map", lambda _str, keys: keys, raising=False)
    with pytest.raises(AssertionError, match="TypeError"):
        _documents_property(folder, NORMAL_EXAMPLES, phases=(Phase.generate,))


# ------------------------------------------------------------------ the command


def _cli_property(folder: Path, examples: int, monkeypatch) -> None:
    from kcanalysis.reporting.batch import runner
    from kcanalysis.reporting.batch.cli import batch

    def no_rendering(plan, options):  # everything but the kernels
        check_data(plan.jobs, f"Run file {plan.run_file}")
        return runner.Outcome([runner.Result(j, "cached") for j in plan.jobs], plan.out_dir)

    monkeypatch.setattr(runner, "run_batch", no_rendering)
    run_file, out = folder / "cli.yaml", folder / "cli-out"

    @settings(max_examples=examples, deadline=None, suppress_health_check=_HEALTH)
    @given(DOCUMENTS)
    def check(doc):
        run_file.write_bytes(_dump(doc))
        # catch_exceptions=False: an exception escaping the command fails the test.
        result = CliRunner().invoke(
            batch, [str(run_file), "--out", str(out), "--no-progress"], catch_exceptions=False
        )
        assert result.exit_code in (0, 2), result.output
        if result.exit_code == 2:
            assert result.stderr.startswith("error: Run file "), result.stderr
            assert "Traceback" not in result.stderr + result.stdout
            event("exit 2")
        else:
            event("exit 0")

    check()


def test_the_command_exits_2_with_a_message_on_random_run_files(folder, monkeypatch):
    _cli_property(folder, CLI_EXAMPLES, monkeypatch)


@pytest.mark.slow
def test_the_command_exits_2_with_a_message_on_random_run_files_long(folder, monkeypatch):
    _cli_property(folder, CLI_SLOW_EXAMPLES, monkeypatch)
