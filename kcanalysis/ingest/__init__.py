"""Files that provinces send -> canonical tables.

`load(path, province=None, year=None, period=None, sheet=None)` reads a `.xlsx` or `.csv`
file in one of three layouts (canonical long table, project list, summary report) and
returns a `Dataset`: validated `facts`, for a project list its ``projects``, and the
``report`` saying what became of every row. `load_many` concatenates files and refuses to
overwrite a figure silently.

Files are untrusted: whatever cannot be read becomes a one-line `DataError` naming the file
(and the sheet and cell where one is to blame), within limits on size, rows, cells and
unpacked size (see `kcanalysis.ingest.readers` and `kcanalysis.ingest.xlsx`); text that
looks like a formula is kept as text and never evaluated.

To add a layout (say, a budget estimate "dự toán"):
1. write `find(pos, texts, rows)`, which returns a `tables.Table` when row `pos` is its header;
2. write `reshape(job)`, which marks every row in `job.report` and returns `Converted(facts)`;
3. use the shared steps: `values.read_values` for figures, `values.source_text` for sources;
4. add `Layout(name, find, reshape)` to `layouts.LAYOUTS`, before any layout it resembles;
5. add a fixture to tests/data/ingest and write the snapshot again.
"""

from kcanalysis.ingest.loading import Ingested, ingest, load, load_many
from kcanalysis.ingest.report import IngestReport

__all__ = ["IngestReport", "Ingested", "ingest", "load", "load_many"]
