"""Time `kcanalysis.ingest.load` on a 100.000-row project list, against plain pandas.

Writes the list as CSV and as XLSX (in a temporary directory), then times, in the same run,
``pandas.read_csv`` / ``pandas.read_excel`` of the same file and ``load`` of it, and prints
the ratio load / plain read. Goal: at most 2x.

    python benchmarks/ingest_bench.py [--rows 100000] [--repeat 3] [--skip-xlsx]
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

from kcanalysis import provinces
from kcanalysis.aggregate import aggregate
from kcanalysis.ingest import load
from kcanalysis.schema import validate_projects

HEADER = [
    "STT",
    "Tỉnh",
    "Năm",
    "Cấp",
    "Hoạt động",
    "Tên đề án",
    "Đơn vị thụ hưởng",
    "Địa điểm",
    "Kinh phí khuyến công hỗ trợ",
    "Vốn đối ứng",
    "Giải ngân",
    "Số học viên",
    "Số mô hình",
    "Việc làm mới",
    "Tỷ lệ (%) so KH",
]
#: The 15 provinces of the Central and Central Highlands region (MTTN), from the registry.
PROVINCES = [provinces.province_name(c) for c in provinces.region_members("MTTN", 2017)]
ACTIVITIES = [
    "Đào tạo nghề",
    "Mô hình trình diễn",
    "Máy móc thiết bị",
    "Hội chợ triển lãm",
    "Tư vấn",
    "Thông tin tuyên truyền",
]


def make_table(n: int, seed: int = 0) -> pd.DataFrame:
    """A synthetic regional project list for 2017 of `n` rows: plain numbers, 1% of the
    disbursements written the Vietnamese way ("412,5")."""
    rng = np.random.default_rng(seed)
    kc = rng.integers(50, 900, n).astype(float) + rng.choice([0, 0.5], n)
    table = pd.DataFrame(
        {
            "STT": np.arange(1, n + 1),
            "Tỉnh": rng.choice(PROVINCES, n),
            "Năm": 2017,
            "Cấp": rng.choice(["KCQG", "KCĐP"], n),
            "Hoạt động": rng.choice(ACTIVITIES, n),
            "Tên đề án": [f"Đề án hỗ trợ số {i}" for i in range(n)],
            "Đơn vị thụ hưởng": [f"HTX số {i % 5000}" for i in range(n)],
            "Địa điểm": rng.choice(["Xã A", "Xã B", "Phường C"], n),
            "Kinh phí khuyến công hỗ trợ": kc,
            "Vốn đối ứng": (kc * rng.uniform(0.5, 3, n)).round(1),
            "Giải ngân": (kc * rng.uniform(0.6, 1.0, n)).round(1),
            "Số học viên": np.where(rng.random(n) < 0.3, rng.integers(20, 60, n), -1),
            "Số mô hình": np.where(rng.random(n) < 0.2, 1, -1),
            "Việc làm mới": rng.integers(0, 30, n),
            "Tỷ lệ (%) so KH": rng.integers(50, 101, n),
        }
    )
    for col in ("Số học viên", "Số mô hình"):
        table[col] = table[col].astype(object).where(table[col] >= 0, None)
    vn = rng.random(n) < 0.01  # a few amounts typed the Vietnamese way
    table["Giải ngân"] = table["Giải ngân"].astype(object)
    table.loc[vn, "Giải ngân"] = [f"{v:.1f}".replace(".", ",") for v in table.loc[vn, "Giải ngân"]]
    return table


def best_of(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--skip-xlsx", action="store_true")
    parser.add_argument("--profile", action="store_true", help="profile load of the CSV")
    args = parser.parse_args()
    table = make_table(args.rows)
    with tempfile.TemporaryDirectory() as tmp:
        csv_path = Path(tmp) / "projects.csv"
        table.to_csv(csv_path, index=False)
        print(f"{args.rows} project rows; best of {args.repeat}")
        plain = best_of(lambda: pd.read_csv(csv_path), args.repeat)
        ours = best_of(lambda: load(csv_path).facts, args.repeat)
        ratio = ours / plain
        print(f"CSV : pandas.read_csv {plain:7.3f} s   load {ours:7.3f} s   ratio {ratio:5.2f}x")
        projects = load(csv_path).loaded.projects
        checks = best_of(lambda: validate_projects(projects), args.repeat)
        totals = best_of(lambda: aggregate(projects), args.repeat)
        print(
            f"      of which, timed alone: schema.validate_projects {checks:6.3f} s, "
            f"aggregate {totals:6.3f} s"
        )
        # Every cell as text (what accounting for every row needs: a title, a section or a
        # "7.700" must be seen as written), plus the schema check, is already this much:
        as_text = best_of(
            lambda: pd.read_csv(csv_path, dtype=object, keep_default_na=False), args.repeat
        )
        print(
            f"      floor: read_csv as text {as_text:6.3f} s + validate_projects = "
            f"{(as_text + checks) / plain:5.2f}x the plain read"
        )
        if args.profile:
            stats = str(Path(tmp) / "ingest.prof")
            cProfile.runctx("load(csv_path).facts", globals(), {"csv_path": csv_path}, stats)
            pstats.Stats(stats).sort_stats("cumtime").print_stats(30)
        if not args.skip_xlsx:
            xlsx_path = Path(tmp) / "projects.xlsx"
            table.to_excel(xlsx_path, index=False)
            repeat = max(1, args.repeat - 2)
            plain = best_of(lambda: pd.read_excel(xlsx_path), repeat)
            ours = best_of(lambda: load(xlsx_path).facts, repeat)
            print(
                f"XLSX: pandas.read_excel {plain:7.3f} s   load {ours:7.3f} s   ratio "
                f"{ours / plain:5.2f}x"
            )


if __name__ == "__main__":
    main()
