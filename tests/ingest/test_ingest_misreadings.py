"""Misreadings found on realistic provincial files, each with its fixture
(tests/data/ingest/make_fixtures.py)."""

from __future__ import annotations

import pytest

from kcanalysis.ingest import ingest


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_staff_capacity_is_not_enterprise_management(data, suffix):
    # "Nâng cao năng lực quản lý và tổ chức thực hiện chương trình khuyến công" holds the
    # MGMT phrase "nâng cao năng lực quản lý", but it is the programme staff's capacity.
    result = ingest(data / f"projects_cap{suffix}")
    by_title = result.projects.set_index("title")["activity"].to_dict()
    assert by_title == {
        "Nâng cao năng lực quản lý và tổ chức thực hiện chương trình khuyến công": "CAP",
        "Nâng cao năng lực quản lý doanh nghiệp nông thôn": "MGMT",
    }
    f = result.facts.set_index(["activity", "indicator"])
    assert f.loc[("CAP", "budget_kc"), "planned"] == 120
    assert f.loc[("MGMT", "budget_kc"), "planned"] == 80


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_without_a_status_column_the_number_accepted_is_missing_not_zero(data, suffix):
    result = ingest(data / f"projects_no_status{suffix}")
    facts = result.facts
    assert "projects_accepted" not in set(facts["indicator"])
    # the two projects are still counted: 1 TRAIN and 1 MACH
    projects = facts[facts["indicator"] == "projects"].set_index("activity")["actual"]
    assert projects.to_dict() == {"MACH": 1.0, "TRAIN": 1.0}
    assert any("number accepted (nghiệm thu) is not known" in m.text for m in result.report.notes)


def test_a_status_column_still_gives_the_number_accepted(data):
    facts = ingest(data / "projects_cap.csv").facts
    accepted = facts[facts["indicator"] == "projects_accepted"].set_index("activity")["actual"]
    assert accepted.to_dict() == {"CAP": 1.0, "MGMT": 1.0}  # both "Đã nghiệm thu"


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_tcvn3_header_names_in_notes_are_converted(data, suffix):
    # TCVN3 "Ghi chó" and "Sè hé" hold only letters that Unicode Vietnamese has too; in a
    # TCVN3 file they are "Ghi chú" and "Số hộ".
    report = ingest(data / f"projects_tcvn3_notes{suffix}").report
    notes = [m.text for m in report.notes]
    assert "column E ('Số hộ') is not loaded" in notes
    assert any("column F ('Ghi chú') is read but not stored" in n for n in notes), notes
    assert not any("chó" in n or "Sè" in n for n in notes)
