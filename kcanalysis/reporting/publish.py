"""Publish an executed notebook as one self-contained, offline HTML file."""

from __future__ import annotations

import threading
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from kcanalysis.errors import ReportError
from kcanalysis.reporting.files import atomic_write_bytes

if TYPE_CHECKING:  # nbformat is imported when needed: it takes a second (jsonschema)
    import nbformat

_TEMPLATES = Path(str(resources.files("kcanalysis"))) / "reporting" / "templates"
_KEEP_MIME = ("text/html", "image/png", "text/markdown")
#: The exporter and its preprocessors keep state while converting: one thread at a time.
_EXPORT_LOCK = threading.Lock()


@cache
def _exporter():
    """One HTMLExporter, reused: loading the templates is the slow part."""
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(
        template_name="kcreport",
        extra_template_basedirs=[str(_TEMPLATES)],
        exclude_input=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
        anchor_link_text="",
    )
    from nbconvert.preprocessors import TagRemovePreprocessor

    # Cells tagged "notes" are for JupyterLab users, not for readers.
    exporter.register_preprocessor(
        TagRemovePreprocessor(remove_cell_tags={"notes"}, enabled=True), enabled=True
    )
    return exporter


@cache
def _css() -> str:
    return (_TEMPLATES / "report.css").read_text(encoding="utf-8")


def clean_outputs(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Keep only what readers should see: HTML, PNG and markdown outputs.

    Streams (stdout, stderr, warnings) and plain-text reprs are dropped. An error output
    means the run failed, which is a `ReportError`, never a published page.
    """
    for index, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        kept = []
        for out in cell.get("outputs", []):
            if out.output_type == "error":
                raise ReportError(
                    f"Cell {index} holds an error ({out.get('ename')}: {out.get('evalue')}); "
                    "a failed notebook is not published."
                )
            if out.output_type in ("display_data", "execute_result"):
                data = {k: v for k, v in out.get("data", {}).items() if k in _KEEP_MIME}
                if data:
                    out["data"] = data
                    out["metadata"] = {}
                    kept.append(out)
        cell["outputs"] = kept
        cell["execution_count"] = None
    return nb


def css_string(text: str) -> str:
    """`text` as a CSS string literal: every character but letters, digits and spaces as
    a hex escape, so no title can close the string or the style element."""
    body = "".join(
        ch if (ch.isascii() and ch.isalnum()) or ch == " " else f"\\{ord(ch):x} " for ch in text
    )
    return f'"{body}"'


def page_css(title: str, lang: str) -> str:
    """Printed pages: the report's title at the top, "Trang 3 / 12" at the bottom."""
    page = "Trang" if lang == "vi" else "Page"
    return (
        "@page { "
        f"@top-center {{ content: {css_string(title)}; font-size: 8pt; color: #555; }} "
        f'@bottom-center {{ content: "{page} " counter(page) " / " counter(pages); '
        "font-size: 8pt; color: #555; } }"
    )


def publish_html(
    executed: Path | nbformat.NotebookNode,
    html_path: Path,
    *,
    lang: str = "vi",
    title: str = "kcanalysis",
) -> Path:
    """Convert an executed notebook into a self-contained HTML report, atomically.

    The page has no code, prompts, streams or scripts; images are embedded as data URIs;
    a Content-Security-Policy meta tag forbids any request to another host.

    Returns
    -------
    Path
        `html_path`.
    """
    import nbformat

    nb = (
        executed
        if isinstance(executed, nbformat.NotebookNode)
        else nbformat.read(str(executed), as_version=4)
    )
    nb = clean_outputs(nb)
    with _EXPORT_LOCK:
        body, _ = _exporter().from_notebook_node(
            nb,
            resources={
                "kc_css": _css(),
                "kc_lang": lang,
                "kc_title": title,
                "kc_page_css": page_css(title, lang),
            },
        )
    return atomic_write_bytes(Path(html_path), body.encode("utf-8"))
