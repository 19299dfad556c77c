"""The canonical tables, `facts` and `projects`, and their validation (the one place).

`facts` has one row per area x year x period x level x activity x indicator; money is in
million VND. `projects` has one row per project (danh sách đề án). Both are validated
with pandera; every violation becomes a `DataError` that names the column, the rule, the
first offending rows and values, and the fix.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np
import pandas as pd

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    import pandera.pandas as pa

from kcanalysis import periods, provinces, vocab
from kcanalysis.errors import DataError

FACTS_KEY = ("area_code", "year", "period", "level", "activity", "indicator")
#: A row's unit identity: the code and the map vintage (codes were reused in 2025).
UNIT_KEY = ("area_code", "vintage")
# Canonical order as in the design: area_code, area_name, vintage, year, ...
FACTS_COLUMNS = (
    "area_code",
    "area_name",
    "vintage",
    "year",
    "period",
    "level",
    "activity",
    "indicator",
    "unit",
    "planned",
    "actual",
    "qualifier",
    "source",
    "note",
)

PROJECT_MONEY = ("budget_kc", "budget_counterpart", "disbursed")
PROJECT_OUTPUTS = ("trainees", "participants", "models", "establishments", "jobs_created")
PROJECTS_COLUMNS = (
    "project_id",
    "area_code",
    "year",
    "level",
    "activity",
    "title",
    "beneficiary",
    "status",
    *PROJECT_MONEY,
    *PROJECT_OUTPUTS,
    "completion_pct",
    "planned_end",
    "actual_end",
    "source",
)

PERIOD_RE = periods.PERIOD_RE
YEAR_RANGE = (1990, 2100)

_FIX = {
    "area_code": "use a GSO province code ('01'..'96'), a region id (MTTN) or 'VN'; "
    "see `kcanalysis provinces`",
    "area_name": "give the area's name",
    "vintage": "leave it blank (it follows from year and period), or write 2008 for the "
    "63 provinces before 1 July 2025 and 2025 for the 34 units after; a province merged "
    "away in 2025 has no figures of vintage 2025",
    "year": f"use a whole year between {YEAR_RANGE[0]} and {YEAR_RANGE[1]}",
    "period": "use FY, M1..M11 (first N months), Q1..Q4, H2 (last six months) or "
    "P<start>-<end> ending in `year`",
    "level": f"use one of {', '.join(vocab.LEVELS)}",
    "activity": f"use one of {', '.join(vocab.ACTIVITIES)}",
    "indicator": f"use one of {', '.join(vocab.INDICATORS)}",
    "unit": "money is in 'million VND', people in 'persons', other counts in 'count'",
    "planned": "amounts are numbers >= 0 (blank when not reported)",
    "actual": "amounts are numbers >= 0 (blank when not reported)",
    "qualifier": "use '', '>', '<' or '~'",
    "source": "name the file or address the figure came from",
    "project_id": "give every project a unique id",
    "status": f"use one of {', '.join(vocab.PROJECT_STATUSES)}",
    "completion_pct": "give a percentage between 0 and 100",
}


def _is_area(series: pd.Series) -> pd.Series:
    known = set(provinces.codes()) | set(provinces.regions())
    return series.isin(known)


def _area_in_vintage(df: pd.DataFrame) -> pd.Series:
    """A province code of vintage 2025 must be one of the 34 units."""
    from kcanalysis.units import unit_codes

    regions = set(provinces.regions())
    new = set(unit_codes(periods.NEW)) | regions
    return ((df["vintage"] != periods.NEW) | df["area_code"].isin(new)).astype(bool)


def _vintage_matches_period(df: pd.DataFrame) -> pd.Series:
    """Vintage follows from year and period, except for a programme period, whose total
    may be a pre-merger province's or a post-merger unit's."""
    derived = _derived_vintage(df)
    multi = df["period"].astype("str").str.startswith("P")
    return (multi | (df["vintage"] == derived)).astype(bool)


def with_vintage(df: pd.DataFrame) -> pd.DataFrame:
    """Return `df` with a ``vintage`` column, derived from year and period if it has none.

    For tables built by hand (tests, notebooks) before they are validated.
    """
    if "vintage" in df.columns:
        return df
    return df.assign(vintage=_derived_vintage(df) if len(df) else pd.Series(dtype="str"))


def _derived_vintage(df: pd.DataFrame) -> pd.Series:
    pairs = pd.MultiIndex.from_arrays([df["year"], df["period"].astype("str")])
    lookup = {
        (y, p): periods.vintage_of(y, p) if PERIOD_RE.match(p) else "" for y, p in pairs.unique()
    }
    return pd.Series([lookup[k] for k in pairs], index=df.index, dtype="str")


def _period_matches_year(df: pd.DataFrame) -> pd.Series:
    parts = df["period"].astype("str").str.extract(r"^P(\d{4})-(\d{4})$")
    start = pd.to_numeric(parts[0], errors="coerce")
    end = pd.to_numeric(parts[1], errors="coerce")
    multi = end.notna()
    good_multi = (end == df["year"]) & (start < end)
    return (~multi | good_multi).astype(bool)


def _unit_matches(df: pd.DataFrame) -> pd.Series:
    expected = df["indicator"].map({c: t.unit for c, t in vocab.INDICATORS.items()})
    return ((df["unit"] == expected) | expected.isna()).astype(bool)


def _has_value(df: pd.DataFrame) -> pd.Series:
    return df["planned"].notna() | df["actual"].notna()


_NONNEG = pa.Check.ge(0, error="must be a number >= 0", ignore_na=True)
_FINITE = pa.Check(lambda s: ~np.isinf(s), element_wise=False, error="must be finite")
_TEXT = {"nullable": False}
#: Text that is not empty (a comparison, not a per-value length as in Check.str_length).
_NONEMPTY = pa.Check(lambda s: s != "", element_wise=False, error="must not be empty")

FACTS_SCHEMA = pa.DataFrameSchema(
    {
        "area_code": pa.Column(str, pa.Check(_is_area, error="known area code"), **_TEXT),
        "area_name": pa.Column(str, _NONEMPTY, **_TEXT),
        "vintage": pa.Column(str, pa.Check.isin(periods.VINTAGES), **_TEXT),
        "year": pa.Column("int64", pa.Check.in_range(*YEAR_RANGE)),
        "period": pa.Column(str, pa.Check.str_matches(PERIOD_RE.pattern), **_TEXT),
        "level": pa.Column(str, pa.Check.isin(vocab.LEVELS), **_TEXT),
        "activity": pa.Column(str, pa.Check.isin(list(vocab.ACTIVITIES)), **_TEXT),
        "indicator": pa.Column(str, pa.Check.isin(list(vocab.INDICATORS)), **_TEXT),
        "unit": pa.Column(str, **_TEXT),
        "planned": pa.Column("float64", [_NONNEG, _FINITE], nullable=True),
        "actual": pa.Column("float64", [_NONNEG, _FINITE], nullable=True),
        "qualifier": pa.Column(str, pa.Check.isin(vocab.QUALIFIERS), **_TEXT),
        "source": pa.Column(str, _NONEMPTY, **_TEXT),
        "note": pa.Column(str, **_TEXT),
    },
    checks=[
        pa.Check(_period_matches_year, error="a P<start>-<end> period must end in `year`"),
        pa.Check(
            _vintage_matches_period,
            error="vintage must be 2008 before 1 July 2025 and 2025 from then on",
        ),
        pa.Check(_area_in_vintage, error="a province merged away in 2025 has no vintage 2025"),
        pa.Check(_unit_matches, error="unit must be the indicator's canonical unit"),
        pa.Check(_has_value, error="planned or actual must be given"),
    ],
    unique=[*FACTS_KEY, "vintage"],
    strict=True,
    ordered=False,
    name="facts",
)

PROJECTS_SCHEMA = pa.DataFrameSchema(
    {
        "project_id": pa.Column(str, _NONEMPTY, unique=True, **_TEXT),
        "area_code": pa.Column(str, pa.Check(_is_area, error="known area code"), **_TEXT),
        "year": pa.Column("int64", pa.Check.in_range(*YEAR_RANGE)),
        "level": pa.Column(str, pa.Check.isin(["KCQG", "KCDP"]), **_TEXT),
        "activity": pa.Column(
            str, pa.Check.isin([a for a in vocab.ACTIVITIES if a != "ALL"]), **_TEXT
        ),
        "title": pa.Column(str, **_TEXT),
        "beneficiary": pa.Column(str, **_TEXT),
        "status": pa.Column(str, pa.Check.isin(vocab.PROJECT_STATUSES), **_TEXT),
        **{
            c: pa.Column("float64", [_NONNEG, _FINITE], nullable=True)
            for c in (*PROJECT_MONEY, *PROJECT_OUTPUTS)
        },
        "completion_pct": pa.Column("float64", pa.Check.in_range(0, 100), nullable=True),
        "planned_end": pa.Column("datetime64[ns]", nullable=True),
        "actual_end": pa.Column("datetime64[ns]", nullable=True),
        "source": pa.Column(str, _NONEMPTY, **_TEXT),
    },
    strict=True,
    ordered=False,
    name="projects",
)


def _coerce(df: pd.DataFrame, columns: tuple[str, ...], what: str, source: str) -> pd.DataFrame:
    if "vintage" in columns and "vintage" not in df.columns:
        df = df.assign(vintage="")  # derived below from year and period
    missing = [c for c in columns if c not in df.columns]
    extra = [c for c in df.columns if c not in columns]
    if missing or extra:
        parts = []
        if missing:
            parts.append(f"missing column(s) {', '.join(missing)}")
        if extra:
            parts.append(f"unexpected column(s) {', '.join(map(str, extra))}")
        raise DataError(
            f"{what} from {source}: {'; '.join(parts)}. The {what} table has exactly these "
            f"columns: {', '.join(columns)}."
        )
    out = df.loc[:, list(columns)].copy()
    for col in columns:
        series = out[col]
        if col in ("year",):
            num = pd.to_numeric(series, errors="coerce")
            bad = num.isna() | (num % 1 != 0)
            if bad.any():
                raise _error(what, source, col, "must be a whole year", out.index[bad], series[bad])
            out[col] = num.astype("int64")
        elif col in ("planned", "actual", *PROJECT_MONEY, *PROJECT_OUTPUTS, "completion_pct"):
            if pd.api.types.is_numeric_dtype(series) and not pd.api.types.is_bool_dtype(series):
                out[col] = series.astype("float64")
                continue
            num = pd.to_numeric(series, errors="coerce")
            bad = num.isna() & series.notna() & (series.astype(str).str.strip() != "")
            if bad.any():
                raise _error(what, source, col, "must be a number", out.index[bad], series[bad])
            out[col] = num.astype("float64")
        elif col in ("planned_end", "actual_end"):
            if pd.api.types.is_datetime64_dtype(series):
                out[col] = series.astype("datetime64[ns]")
                continue
            dates = pd.to_datetime(series, errors="coerce")
            bad = dates.isna() & series.notna() & (series.astype(str).str.strip() != "")
            if bad.any():
                raise _error(what, source, col, "must be a date", out.index[bad], series[bad])
            out[col] = dates.astype("datetime64[ns]")
        else:
            fill = "" if col in ("qualifier", "note", "title", "beneficiary") else None
            out[col] = _text_column(series, fill, zero_pad=col == "area_code")
    if "vintage" in columns:
        out["vintage"] = _fill_vintage(out)
    return out


def _fill_vintage(out: pd.DataFrame) -> pd.Series:
    """Blank vintages follow from year and period; given ones are kept (and checked)."""
    given = out["vintage"].astype(object)
    blank = given.isna() | (given.astype("str").str.strip().isin(["", "nan"]))
    if not blank.any():
        return given.astype("str").str.replace(r"\.0$", "", regex=True)
    derived = _derived_vintage(out)
    text = given.where(~blank, derived).astype("str").str.replace(r"\.0$", "", regex=True)
    return text


def _text_column(series: pd.Series, fill: str | None, zero_pad: bool) -> pd.Series:
    """Return a text column stripped of outer spaces, in pandas' ``str`` dtype when it has
    no missing value; numbers in an area-code column become zero-padded codes."""
    if fill is not None:
        series = series.fillna(fill)
    kind = pd.api.types.infer_dtype(series, skipna=True)
    if kind in ("string", "empty") and not series.hasnans:
        # str.strip over an object array: a third of the time of pandas' .str.strip().
        values = series.to_numpy(dtype=object)
        text = pd.Series([v.strip() for v in values], index=series.index, dtype="str")
    elif kind in ("string", "empty"):
        text = series.astype("str").str.strip()
    else:  # mixed: numbers (e.g. area codes read as integers), dates
        text = series.map(lambda v: v.strip() if isinstance(v, str) else v)
        if zero_pad:
            text = text.map(_area_code_text)
        text = text.astype(object).where(text.notna(), None)
        if text.isna().any():
            return text
        text = text.astype("str")
    if zero_pad:  # a one-digit code ("1") is "01"; checked once per distinct code
        short = {u: "0" + u for u in text.dropna().unique() if len(u) == 1 and u.isdigit()}
        if short:
            text = text.replace(short)
    return text


def _area_code_text(value: object) -> object:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int):
        return str(value).zfill(2)
    if isinstance(value, str) and value.isdecimal():
        return value.zfill(2)
    return value


def _error(what: str, source: str, column: str, rule: str, index, values) -> DataError:
    rows = ", ".join(str(i) for i in list(index)[:5])
    more = f" and {len(index) - 5} more" if len(index) > 5 else ""
    shown = ", ".join(repr(v) for v in list(values)[:5])
    fix = _FIX.get(column, "correct the value")
    return DataError(
        f"{what} from {source}: column '{column}' {rule}; rows {rows}{more} "
        f"(values: {shown}). Fix: {fix}."
    )


def _validate(schema: pa.DataFrameSchema, df: pd.DataFrame, what: str, source: str):
    try:
        return schema.validate(df, lazy=True)
    except pa.errors.SchemaErrors as err:
        cases = err.failure_cases
        messages = []
        for check, by_check in cases.groupby("check", dropna=False, sort=False):
            row_column = _row_rule_column(str(check))
            groups = (
                [(row_column, by_check.drop_duplicates("index"))]
                if row_column
                else by_check.groupby("column", dropna=False, sort=False)
            )
            for column, group in groups:
                col = column if isinstance(column, str) and column != what else "(table)"
                idx = [i for i in group["index"].tolist() if i is not None and i == i]
                values = group["failure_case"].tolist()
                if row_column:
                    values = [_row_value(df, i, row_column) for i in group["index"]]
                messages.append(str(_error(what, source, col, f"fails '{check}'", idx, values)))
        raise DataError("\n".join(messages)) from err


def _row_value(df: pd.DataFrame, index, column: str):
    try:
        return df.loc[index, column]
    except KeyError:
        return None


def _row_rule_column(check: str) -> str | None:
    """Return the column to name for a table-wide (row) rule, or None for column rules."""
    if check.startswith("unit must be"):
        return "unit"
    if check.startswith("a P<start>"):
        return "period"
    if check.startswith("planned or actual"):
        return "planned"
    if check.startswith("vintage must"):
        return "vintage"
    if check.startswith("a province merged"):
        return "area_code"
    return None


def validate_facts(df: pd.DataFrame, source: str = "input") -> pd.DataFrame:
    """Validate a `facts` table and return it with canonical dtypes and column order.

    Parameters
    ----------
    df : DataFrame
        A table with exactly the `facts` columns (see `FACTS_COLUMNS`).
    source : str
        Where the table came from, for messages.

    Returns
    -------
    DataFrame
        The same rows, with `year` as int64, amounts as float64, text stripped, empty
        `qualifier` and `note` as "", and area codes as two-character strings.

    Raises
    ------
    DataError
        Naming the column, the rule, the first offending rows and values, and the fix.
    """
    out = _coerce(df, FACTS_COLUMNS, "facts", source)
    return _validate(FACTS_SCHEMA, out, "facts", source)


def validate_projects(df: pd.DataFrame, source: str = "input") -> pd.DataFrame:
    """Validate a `projects` table and return it with canonical dtypes and column order.

    Money is in million VND; `planned_end` and `actual_end` are dates (NaT when unknown).

    Raises
    ------
    DataError
        Naming the column, the rule, the first offending rows and values, and the fix.
    """
    out = _coerce(df, PROJECTS_COLUMNS, "projects", source)
    return _validate(PROJECTS_SCHEMA, out, "projects", source)


def empty_facts() -> pd.DataFrame:
    """Return an empty `facts` table with the canonical dtypes."""
    df = pd.DataFrame({c: pd.Series(dtype="str") for c in FACTS_COLUMNS})
    df["year"] = df["year"].astype("int64")
    df["planned"] = df["planned"].astype("float64")
    df["actual"] = df["actual"].astype("float64")
    return df


@dataclass(frozen=True)
class Dataset:
    """A `facts` table, the project list it came from (or None) and the account of each
    file read (`kcanalysis.ingest.IngestReport`; none for the built-in data).

    What `kcanalysis.load`, `kcanalysis.load_many` and `kcanalysis.load_demo` return, so
    that a file and the demo panel are used the same way::

        facts, projects = kc.load("bao_cao.xlsx")  # or kc.load_demo()
        report = kc.load("bao_cao.xlsx").report

    The projects and reports are fields, not ``facts.attrs``: pandas copies ``attrs``
    deeply into every frame derived from the facts.
    """

    facts: pd.DataFrame
    projects: pd.DataFrame | None
    reports: tuple = ()

    def __iter__(self) -> Iterator:
        """Unpack as ``facts, projects``."""
        return iter((self.facts, self.projects))

    @property
    def report(self):
        """The account of the one file read (`kcanalysis.load`)."""
        if len(self.reports) != 1:
            raise AttributeError(
                f"this dataset comes from {len(self.reports)} files; use .reports instead."
            )
        return self.reports[0]
