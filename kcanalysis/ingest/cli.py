"""`kcanalysis validate FILE`: say what a file is understood to be and what became of every
row.

Exit codes, for scripts:

- 0: loaded, nothing quarantined and no problem. How an ambiguous cell such as "1.800"
  was read is information (listed under "Readings to check"), not a problem, unless
  ``--strict`` is given;
- 1: loaded, but rows were quarantined, or a figure disagrees with its subtotal (or
  another warning: a conflict between files, titles or unit lines), or, with
  ``--strict``, an ambiguous cell was read;
- 2: nothing loaded (or the options contradict the file).
"""

from __future__ import annotations

from pathlib import Path

import click
import pandas as pd

from kcanalysis.errors import KcAnalysisError
from kcanalysis.ingest.cells import one_line
from kcanalysis.ingest.loading import ingest, nothing_loaded
from kcanalysis.sections import ingest_words as words
from kcanalysis.text import format_number

MAX_SHOWN = 30


@click.command("validate")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--province", help="Province (name or GSO code) when the file does not say.")
@click.option("--year", type=int, help="Year when the file does not say.")
@click.option(
    "--period",
    help="FY (default), M1..M11 (first N months; H1 = M6), Q1..Q4, H2 (last six months) or "
    "P<start>-<end>.",
)
@click.option("--sheet", help="Sheet to read (default: the first with a table).")
@click.option(
    "--quarantine",
    "quarantine_csv",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the quarantined rows with their reasons to this CSV file.",
)
@click.option(
    "--lang",
    type=click.Choice(["en", "vi"]),
    default="en",
    show_default=True,
    help="The language of the messages (vi: Vietnamese, as in the reports).",
)
@click.option(
    "--strict",
    is_flag=True,
    help="Exit 1 also when an ambiguous number (such as '1.800') had to be read one way.",
)
def validate(file: Path, province, year, period, sheet, quarantine_csv, lang, strict) -> None:
    """Check FILE (.xlsx, .xls or .csv) and print what would be loaded from it.

    Exit code 0: clean (ambiguous numbers read one way are listed, as information); 1:
    rows quarantined, a figure disagreeing with its subtotal or another warning (with
    --strict, an ambiguous number too); 2: nothing loaded.
    """
    try:
        result = ingest(file, province=province, year=year, period=period, sheet=sheet)
    except KcAnalysisError as err:
        # one line, as the kcanalysis command shows its errors
        text = one_line(err, 2000)
        if lang == "vi":
            text = words.ingest_message(text, "vi", unknown="original")
        click.echo(f"{words.validate_word('error', lang)}: {text}", err=True)
        raise SystemExit(2) from err
    report = result.report
    lines = report.summary_lines() if lang == "en" else words.summary_lines_vi(report)
    for line in lines:
        click.echo(line)
    if result.projects is not None:
        n, facts = len(result.projects), len(result.facts)
        click.echo(words.validate_word("projects", lang, n=n, facts=facts))
    _echo_messages("notes", report.notes, lang)
    _echo_messages("warnings", report.problems, lang)
    _echo_messages("readings", report.readings, lang)
    quarantined = report.records.query("category == 'quarantined'")
    if len(quarantined):
        click.echo(f"{words.validate_word('quarantined', lang)} ({len(quarantined)}):")
        for r in quarantined.head(MAX_SHOWN).itertuples():
            click.echo(f"  {report.path.name}: {r.cell}: {_say(r.reason, lang)}")
        if len(quarantined) > MAX_SHOWN:
            click.echo("  " + words.validate_word("more", lang, n=len(quarantined) - MAX_SHOWN))
    if quarantine_csv is not None:
        report.write_quarantine(quarantine_csv)
        click.echo(words.validate_word("written", lang, path=quarantine_csv))
    if result.facts.empty:
        why = nothing_loaded(report)
        click.echo(f"{words.validate_word('nothing', lang)} {report.path.name}: {_say(why, lang)}.")
        raise SystemExit(2)
    click.echo(words.validate_word("totals", lang))
    click.echo(_totals(result.facts, lang))
    raise SystemExit(0 if report.clean and not (strict and report.readings) else 1)


def _say(text: str, lang: str) -> str:
    """A reader's message in `lang`; in Vietnamese, one without a translation yet is shown
    as written, so that nothing is lost."""
    return text if lang == "en" else words.ingest_message(text, "vi", unknown="original")


def _echo_messages(key: str, messages, lang: str) -> None:
    if not messages:
        return
    click.echo(f"{words.validate_word(key, lang)} ({len(messages)}):")
    for m in messages[:MAX_SHOWN]:
        click.echo(f"  {m.cell}: {_say(m.text, lang)}" if m.cell else f"  {_say(m.text, lang)}")
    if len(messages) > MAX_SHOWN:
        click.echo("  " + words.validate_word("more", lang, n=len(messages) - MAX_SHOWN))


def _totals(facts: pd.DataFrame, lang: str = "en") -> str:
    """Return the loaded totals per level and activity (and per year, period and map
    vintage, when the file has several: a plan for the year and an actual for 9 months
    are not added, nor an old province's figure and a new unit's)."""
    when = [k for k in ("year", "period", "vintage") if facts[k].nunique() > 1]
    keys = [*when, "level", "activity", "indicator", "unit"]
    totals = facts.groupby(keys, sort=True)[["planned", "actual"]].sum(min_count=1)
    heads = (*(words.when_cells(k, k, lang, head=True) for k in when), *words.totals_heads(lang))
    rows = []
    for key, row in totals.iterrows():
        *first, level, activity, indicator, unit = key
        cells = words.totals_cells(level, activity, indicator, unit, lang)
        first = [words.when_cells(k, v, lang) for k, v in zip(when, first, strict=True)]
        rows.append((*first, *cells[:3], *map(_number, row), cells[3]))
    # the widths of the English table since its first version, wider where the text is
    least = [10] * len(when) + [6, 8, 26, 14, 14, 0]
    widths = [max(least[i], *(len(r[i]) for r in (heads, *rows))) for i in range(len(heads))]

    def line(cells) -> str:
        *left, planned, actual, unit = (c.ljust(w) for c, w in zip(cells, widths, strict=True))
        return (
            f"  {' '.join(left)} {planned.strip():>{widths[-3]}} "
            f"{actual.strip():>{widths[-2]}}  {unit}"
        ).rstrip()

    return "\n".join(line(r) for r in (heads, *rows))


def _number(value: float) -> str:
    # the figures as provincial files write them (7.700), in both languages
    return "" if pd.isna(value) else format_number(value, "vi", decimals=None)
