"""Read a file that already holds the canonical `facts` columns (CSV or XLSX).

This is the plain reader of the foundation: English column names, one row per fact. The
messy layouts that provinces send (Vietnamese headers, two-row headers, legacy encodings)
are the job of `kcanalysis.ingest`, which supersedes this reader where it is installed.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pandas as pd

from kcanalysis.errors import DataError
from kcanalysis.schema import validate_facts

_TEXT = {
    "area_code": str,
    "area_name": str,
    "period": str,
    "level": str,
    "activity": str,
    "indicator": str,
    "unit": str,
    "qualifier": str,
    "source": str,
    "note": str,
}


def load_canonical(path: str | Path, sheet: str | int | None = None) -> pd.DataFrame:
    """Read a canonical `facts` table from CSV (UTF-8, with or without BOM) or XLSX.

    Raises
    ------
    DataError
        Naming the file when it cannot be read, or the column, rows and fix when a value
        breaks the schema. Row numbers in messages are the file's own line numbers.
    """
    p = Path(path)
    if not p.is_file():
        raise DataError(f"{p}: no such file. Check the path.")
    if p.stat().st_size == 0:
        raise DataError(f"{p.name}: the file is empty.")
    suffix = p.suffix.lower()
    try:
        if suffix == ".csv":
            df = pd.read_csv(
                p,
                dtype=_TEXT,
                keep_default_na=False,
                encoding="utf-8-sig",
                na_values={"planned": [""], "actual": [""]},
            )
        elif suffix == ".xlsx":
            df = pd.read_excel(
                p, sheet_name=0 if sheet is None else sheet, dtype=_TEXT, engine="openpyxl"
            )
            for col in ("qualifier", "note"):
                if col in df:
                    df[col] = df[col].fillna("")
        else:
            raise DataError(f"{p.name}: unsupported file type {suffix!r}; use .csv or .xlsx.")
    except DataError:
        raise
    except (UnicodeDecodeError, zipfile.BadZipFile, ValueError, KeyError, OSError) as err:
        raise DataError(f"{p.name}: cannot be read as {suffix[1:].upper()} ({err}).") from err
    df.index = df.index + 2  # line 1 is the header
    return validate_facts(df, p.name)
