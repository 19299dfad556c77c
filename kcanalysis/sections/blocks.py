"""HTML building blocks of the reports: numbered tables and figures, banner, footer.

Every string that comes from data goes through `kcanalysis.text.escape`. Blocks are
`HTMLBlock` strings, which Jupyter displays as HTML (``_repr_html_``).
"""

from __future__ import annotations

import base64
import platform
import subprocess
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd

from kcanalysis.text import escape, phrase

#: Machine-readable headline figures a report exposes to the batch index (never published).
HEADLINE_MIME = "application/vnd.kcanalysis.headline+json"


class HTMLBlock(str):
    """A piece of report HTML; notebooks display it as HTML.

    `data` adds other MIME types to the display (e.g. the headline figures as JSON);
    the publisher keeps only HTML and images, so readers never see them.
    """

    def __new__(cls, html: str = "", data: dict | None = None):
        block = super().__new__(cls, html)
        block.extra = dict(data or {})
        return block

    def _repr_html_(self) -> str:
        return str(self)

    def _repr_mimebundle_(self, include=None, exclude=None) -> dict:
        return {"text/html": str(self), **self.extra}


class Numbering:
    """Running numbers for the figures and tables of one report."""

    def __init__(self, lang: str):
        self.lang = lang
        self.figures = 0
        self.tables = 0

    def next_figure(self) -> str:
        self.figures += 1
        return f"{'Hình' if self.lang == 'vi' else 'Figure'} {self.figures}"

    def next_table(self) -> str:
        self.tables += 1
        return f"{'Bảng' if self.lang == 'vi' else 'Table'} {self.tables}"


def table(
    df: pd.DataFrame,
    columns: Sequence[tuple[str, str, Callable | None]],
    caption: str,
    numbering: Numbering,
    note: str = "",
) -> HTMLBlock:
    """Render `df` as a numbered table.

    Parameters
    ----------
    columns : sequence of (column, header, formatter)
        A formatter turns a value into display text (numbers right-aligned); None shows
        the escaped value as text. A column empty ("" or "–") in every row is left out,
        except the first.

    The table sits in a ``kc-table-wrap`` block that scrolls sideways on a narrow screen.
    """
    label = numbering.next_table()
    records = df.to_dict("records")
    texts = [
        [
            (fmt(r.get(col)) if fmt else ("" if _missing(r.get(col)) else str(r.get(col))))
            for col, _, fmt in columns
        ]
        for r in records
    ]
    # A column with nothing in any row says nothing: it is dropped (the first, which
    # names the rows, is kept).
    keep = [
        j
        for j in range(len(columns))
        if j == 0 or not texts or any(row[j] not in ("", "–") for row in texts)
    ]
    head = "".join(
        f'<th class="{"num" if columns[j][2] else ""}">{escape(columns[j][1])}</th>' for j in keep
    )
    rows = []
    for row in texts:
        cells = [
            f'<td class="num">{escape(row[j])}</td>'
            if columns[j][2]
            else f"<td>{escape(row[j])}</td>"
            for j in keep
        ]
        rows.append("<tr>" + "".join(cells) + "</tr>")
    if not rows:
        empty = phrase("not_available", numbering.lang)
        rows.append(f'<tr><td colspan="{len(keep)}">{escape(empty)}</td></tr>')
    note_html = f'<p class="kc-note">{escape(note)}</p>' if note else ""
    return HTMLBlock(
        f'<div class="kc-table-wrap"><table class="kc-table">'
        f"<caption>{escape(label)}. {escape(caption)}</caption>"
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>{note_html}"
    )


def _missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and value != value)


def figure(fig, caption: str, numbering: Numbering, dpi: int = 100) -> HTMLBlock:
    """Embed a matplotlib Figure as a numbered PNG figure with a caption."""
    from kcanalysis.plots import figure_to_png_bytes

    label = numbering.next_figure()
    png = base64.b64encode(figure_to_png_bytes(fig, dpi=dpi)).decode("ascii")
    return HTMLBlock(
        f'<figure class="kc-figure"><img alt="{escape(caption)}" '
        f'src="data:image/png;base64,{png}"/>'
        f"<figcaption>{escape(label)}. {escape(caption)}</figcaption></figure>"
    )


def heading(text: str, level: int = 2, anchor: str = "") -> HTMLBlock:
    """A section heading with an anchor for the table of contents."""
    ident = f' id="{escape(anchor)}"' if anchor else ""
    return HTMLBlock(f"<h{level}{ident}>{escape(text)}</h{level}>")


def paragraph(text: str, css: str = "") -> HTMLBlock:
    """A paragraph of escaped text."""
    cls = f' class="{css}"' if css else ""
    return HTMLBlock(f"<p{cls}>{escape(text)}</p>")


def bullets(items: Sequence[str], css: str = "") -> HTMLBlock:
    """An unordered list of escaped items."""
    cls = f' class="{css}"' if css else ""
    return HTMLBlock(f"<ul{cls}>" + "".join(f"<li>{escape(i)}</li>" for i in items) + "</ul>")


def issuer(text: str) -> str:
    """The issuing body above the title ("SỞ CÔNG THƯƠNG TỈNH ĐẮK LẮK"), or nothing."""
    return f'<p class="kc-issuer">{escape(text)}</p>' if text and text.strip() else ""


def banner(lang: str, own: str = "", files: str = "") -> HTMLBlock:
    """The synthetic-data banner, in the report's language.

    With `own` (which areas and periods are the user's, in words) and `files`, it says
    that those figures come from the user's files and everything else is synthetic.
    """
    text = (
        phrase("mixed_banner", lang).format(own=own, files=files)
        if own
        else phrase("synthetic_banner", lang)
    )
    return HTMLBlock(f'<div class="kc-banner" role="note">{escape(text)}</div>')


def toc(entries: Sequence[tuple[str, str]], lang: str) -> HTMLBlock:
    """A table of contents from (anchor, title) pairs."""
    title = "Mục lục" if lang == "vi" else "Contents"
    items = "".join(f'<li><a href="#{escape(a)}">{escape(t)}</a></li>' for a, t in entries)
    # Section titles carry their own numbers ("1. ..."), so the list is not numbered.
    return HTMLBlock(f'<nav class="kc-toc"><h2>{escape(title)}</h2><ul>{items}</ul></nav>')


def _git_commit() -> str:
    here = Path(__file__).resolve().parents[2]
    try:
        out = subprocess.run(
            ["git", "-C", str(here), "rev-parse", "--short=12", "HEAD"],
            capture_output=True,
            text=True,
            timeout=5,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return ""
    return out.stdout.strip() if out.returncode == 0 else ""


def provenance(params: dict, data_files: Sequence[tuple[str, str]], lang: str) -> HTMLBlock:
    """The footer: parameters, SHA-256 of each data file, versions, commit and time."""
    from importlib.metadata import version

    import kcanalysis

    versions = {name: version(name) for name in ("papermill", "nbconvert", "pandas", "scipy")}
    commit = _git_commit()
    made = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    label = {
        "vi": ("Nguồn gốc báo cáo", "Tham số", "Tệp dữ liệu", "Phiên bản", "Thời điểm tạo"),
        "en": ("Provenance", "Parameters", "Data files", "Versions", "Made"),
    }[lang]
    from kcanalysis.sections.words import params_in_words

    param_text = params_in_words(params, lang)
    files = "".join(
        f"<li>{escape(name)}: <code>sha256 {escape(digest)}</code></li>"
        for name, digest in data_files
    )
    ver = ", ".join(f"{k} {v}" for k, v in versions.items())
    ver = (
        f"kcanalysis {kcanalysis.__version__}"
        + (f" (git {commit})" if commit else "")
        + f", {ver}, Python {platform.python_version()}"
    )
    return HTMLBlock(
        f'<footer class="kc-footer"><h2>{escape(label[0])}</h2>'
        f"<p>{escape(label[1])}: {escape(param_text)}</p>"
        f"<p>{escape(label[2])}:</p><ul>{files}</ul>"
        f"<p>{escape(label[3])}: {escape(ver)}</p>"
        f'<p class="kc-timestamp">{escape(label[4])}: {escape(made)}</p></footer>'
    )
