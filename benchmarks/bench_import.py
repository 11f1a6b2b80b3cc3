"""Benchmark: import a 100,000-row injury-record workbook (read + validate), and the CSV twin.

Run: .venv/bin/python benchmarks/bench_import.py [--rows 100000] [--repeat 3]
The workbook is generated from an example's records (unique card numbers) into a temp folder.
"""

from __future__ import annotations

import argparse
import csv
import statistics
import sys
import tempfile
import time
from pathlib import Path

from openpyxl import Workbook
from pydantic import TypeAdapter

from safecommunity_docs import load
from safecommunity_docs.io import read_records
from safecommunity_docs.models import InjuryRecord
from safecommunity_docs.views.ledger import ledger_view

ROOT = Path(__file__).resolve().parents[1]
RECORDS = TypeAdapter(list[InjuryRecord])


def _rows(count: int) -> tuple[list[str], list[list[object]]]:
    dossier = load(ROOT / "examples" / "qinghe-street")
    view = ledger_view(dossier.injury_records, dossier.community)
    header = [c.title for c in view.columns]
    card = [c.field for c in view.columns].index("card_no")
    rows = []
    for i in range(count):
        row = list(view.rows[i % len(view.rows)])
        row[card] = f"B{i:06d}"
        rows.append(row)
    return header, rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    header, rows = _rows(args.rows)
    with tempfile.TemporaryDirectory() as tmp:
        xlsx, csv_path = Path(tmp) / "injuries.xlsx", Path(tmp) / "injuries.csv"
        book = Workbook(write_only=True)
        sheet = book.create_sheet("伤害记录")
        sheet.append(header)
        for row in rows:
            sheet.append(row)
        book.save(xlsx)
        with csv_path.open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(header)
            writer.writerows(rows)
        for path in (xlsx, csv_path):
            read_times, validate_times = [], []
            for _ in range(args.repeat):
                t0 = time.perf_counter()
                source = read_records(path)
                t1 = time.perf_counter()
                records = RECORDS.validate_python(source.data)
                t2 = time.perf_counter()
                read_times.append(t1 - t0)
                validate_times.append(t2 - t1)
            assert len(records) == args.rows
            assert not source.problems
            sys.stdout.write(
                f"{path.suffix} {args.rows} rows ({path.stat().st_size // 1024} KiB): read median "
                f"{statistics.median(read_times):.2f} s, validate median "
                f"{statistics.median(validate_times):.2f} s\n"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
