"""`kcanalysis validate --lang vi`: the reader's messages in Vietnamese, from the same
wording the reports use (`kcanalysis.sections.ingest_words`)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from kcanalysis.ingest.cli import validate
from kcanalysis.sections.ingest_words import _ENGLISH, ingest_message

SNAPSHOT = Path(__file__).parents[1] / "data" / "ingest" / "snapshot.json"
UNTRANSLATED = "(chưa có bản tiếng Việt)"
#: internal codes a Vietnamese reader must not see
CODES = re.compile(r"\b(budget_\w+|KCQG|KCDP|FY|M\d{1,2}|million VND)\b")


def _messages() -> list[str]:
    """Every warning, note and quarantine reason the committed fixtures produce."""
    found: set[str] = set()
    for entry in json.loads(SNAPSHOT.read_text(encoding="utf-8")).values():
        if not isinstance(entry, dict):
            continue
        found.update(m[1] for key in ("warnings", "notes") for m in entry.get(key) or [])
        found.update(r[2] for r in entry.get("quarantine_reasons") or [])
    return sorted(found)


MESSAGES = _messages()


def test_the_fixtures_give_messages_to_translate():
    # a guard for the test below: the snapshot holds the fixtures' 50 distinct messages
    assert len(MESSAGES) >= 40


@pytest.mark.parametrize("text", MESSAGES)
def test_every_fixture_message_has_vietnamese_words(text):
    vi = ingest_message(text, "vi", unknown="original")
    assert UNTRANSLATED not in vi, text
    assert not _ENGLISH.search(vi), vi
    assert not CODES.search(vi), vi


def test_an_unknown_message_is_kept_and_marked_not_lost():
    text = "a reading nobody has worded yet"
    assert ingest_message(text, "vi", unknown="original") == f"{UNTRANSLATED} {text}"
    # in a report it becomes the general sentence that points to `kcanalysis validate`
    assert "kcanalysis validate" in ingest_message(text, "vi")


def run(*args):
    return CliRunner().invoke(validate, [str(a) for a in args])


def test_validate_lang_vi_prints_the_warning_in_vietnamese(data):
    result = run(data / "summary_bad_subtotal.xlsx", "--lang", "vi")
    # the subtotal 'Cộng' says 8.900, rows 14-16 hold 2.000 + 6.000 + 850 = 8.850 (the
    # fixture): a disagreeing subtotal, so exit 1 as in English
    assert result.exit_code == 1, result.output
    out = result.output
    assert "Cảnh báo (1):" in out
    assert "Báo cáo!D17: dòng cộng “Cộng” ghi 8.900 nhưng các dòng 14-16 cộng lại được 8.850" in out
    assert "Bố cục:     báo cáo tổng hợp" in out
    assert "Số dòng:    20 = nạp 5 + dòng cấu trúc 15" in out
    # the totals table names the level, activity and indicator in words, not codes
    assert "địa phương" in out and "kinh phí khuyến công" in out and "6.000" in out
    for english in ("Warnings", "Rows:", "Layout:", "Totals loaded", "add up to", "KCDP"):
        assert english not in out, english


def test_validate_lang_vi_names_a_quarantined_cell_and_the_reason(data):
    result = run(data / "canonical_quarantine.csv", "--lang", "vi")
    assert result.exit_code == 1, result.output
    assert "Các dòng bị cách ly (8):" in result.output
    assert "canonical_quarantine!J5: ô ghi chữ “abc” thay vì một số" in result.output


def test_validate_in_english_is_unchanged(data):
    result = run(data / "summary_two_row.xlsx")
    assert "Totals loaded per level and activity:" in result.output
    assert "KCDP   MACH     budget_kc" in result.output
