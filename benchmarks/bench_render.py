"""Benchmark: render every Word document (and the 自评表 workbook) of one example community.

Run: .venv/bin/python benchmarks/bench_render.py [EXAMPLE] [--repeat 5]
Prints the median and the individual timings; results are recorded in benchmarks/RESULTS.md.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

from safecommunity_docs import load
from safecommunity_docs.build import build

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("example", nargs="?", default="qinghe-street")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    started = time.perf_counter()
    dossier = load(ROOT / "examples" / args.example)
    load_time = time.perf_counter() - started
    for label, formats in (("docx", ["docx"]), ("docx+xlsx", ["docx", "xlsx"])):
        times = []
        count = 0
        for _ in range(args.repeat):
            with tempfile.TemporaryDirectory() as out:
                t0 = time.perf_counter()
                result = build(dossier, out, formats=formats)
                times.append(time.perf_counter() - t0)
                count = len(result.outputs)
        sys.stdout.write(
            f"{args.example} {label}: {count} files, median {statistics.median(times):.3f} s "
            f"(runs: {', '.join(f'{t:.3f}' for t in times)})\n"
        )
    sys.stdout.write(
        f"load (YAML + {len(dossier.injury_records)} injury records): {load_time:.3f} s\n"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
