"""Regressions found outside the fixture set."""

from kcanalysis.ingest import load

HEADER = (
    "STT,Tỉnh,Năm,Cấp,Hoạt động,Tên đề án,Đơn vị thụ hưởng,Địa điểm,"
    "Kinh phí khuyến công hỗ trợ,Vốn đối ứng,Giải ngân,Số học viên,Số mô hình,Việc làm mới"
)


def test_a_data_row_with_header_words_is_not_a_second_header(tmp_path):
    # Found by the ingest benchmark: a first project whose activity is "Mô hình trình diễn"
    # and whose title says "Đề án" matched two header words, so the row was read as a
    # second header line and the file had "no recognisable table".
    path = tmp_path / "projects.csv"
    path.write_text(
        HEADER + "\n1,Kon Tum,2017,KCQG,Mô hình trình diễn,Đề án hỗ trợ số 0,HTX số 0,"
        "Phường C,773.5,762.6,758.8,,1,12\n",
        encoding="utf-8",
    )
    loaded = load(path)
    projects = loaded.projects
    assert len(projects) == 1
    # The one project: 773,5 million VND of KCQG money for one demonstration model.
    assert projects["budget_kc"].item() == 773.5
    assert projects["activity"].item() == "DEMO" and projects["level"].item() == "KCQG"
    assert projects["models"].item() == 1
