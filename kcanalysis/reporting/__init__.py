"""Executing notebooks with papermill and publishing them as self-contained HTML."""

from kcanalysis.reporting.execute import execute_notebook, notebook_path, output_paths
from kcanalysis.reporting.publish import publish_html
from kcanalysis.reporting.render import render_report

__all__ = ["execute_notebook", "notebook_path", "output_paths", "publish_html", "render_report"]
