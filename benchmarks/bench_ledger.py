"""Benchmark: write the 伤害监测台账 workbook for many records (median of 5).

Run: .venv/bin/python benchmarks/bench_ledger.py [--records 10000]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

from safecommunity_docs import load
from safecommunity_docs.render.xlsx import render_ledger
from safecommunity_docs.views.ledger import ledger_view

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--records", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    dossier = load(ROOT / "examples" / "dongshan-town")
    base = dossier.injury_records
    many = [
        base[i % len(base)].model_copy(update={"card_no": f"X{i:06d}"}) for i in range(args.records)
    ]
    times, size = [], 0
    for _ in range(args.repeat):
        started = time.perf_counter()
        data = render_ledger(ledger_view(many, dossier.community))
        times.append(time.perf_counter() - started)
        size = len(data)
    sys.stdout.write(
        f"ledger, {args.records} records: median {statistics.median(times):.2f} s, "
        f"{size} bytes (runs: {', '.join(f'{t:.2f}' for t in times)})\n"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
