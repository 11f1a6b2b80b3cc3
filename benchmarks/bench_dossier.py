"""Benchmark: full dossiers (docx, xlsx, pdf, dossier.pdf) vs a naive one-cold-soffice-per-file loop.

Run: .venv/bin/python benchmarks/bench_dossier.py [EXAMPLE] [--dossiers 20]
Both sides run in the same process, one after the other: the library's ``build`` with one warm
converter shared by all dossiers, and a naive loop that builds the Word/Excel files and then
runs one cold ``soffice --convert-to pdf`` per Word document (no dossier assembly at all).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from safecommunity_docs import load
from safecommunity_docs.build import build
from safecommunity_docs.render.pdf import LibreOfficeConverter

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_pdf import naive_loop

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("example", nargs="?", default="qinghe-street")
    parser.add_argument("--dossiers", type=int, default=20)
    args = parser.parse_args()
    dossier = load(ROOT / "examples" / args.example)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        started = time.perf_counter()
        with LibreOfficeConverter() as converter:
            first = None
            for n in range(args.dossiers):
                t0 = time.perf_counter()
                result = build(dossier, work / f"lib{n}", converter=converter)
                if first is None:
                    first = time.perf_counter() - t0
                    files = len(result.outputs)
        ours = time.perf_counter() - started
        sys.stdout.write(
            f"library: first dossier {first:.2f} s, {args.dossiers} dossiers {ours:.1f} s\n"
        )
        sys.stdout.flush()
        naive_first = None
        started = time.perf_counter()
        for n in range(args.dossiers):
            t0 = time.perf_counter()
            result = build(dossier, work / f"naive{n}", formats=["docx", "xlsx"])
            scratch = work / f"n{n}"
            scratch.mkdir()
            naive_loop([o.path for o in result.outputs if o.format == "docx"], scratch)
            if naive_first is None:
                naive_first = time.perf_counter() - t0
        naive = time.perf_counter() - started
    assert first is not None
    assert naive_first is not None
    sys.stdout.write(
        f"{args.example}: one full dossier ({files} files incl. dossier.pdf): {first:.2f} s "
        f"(cold start included) vs naive {naive_first:.2f} s -> {naive_first / first:.1f}x\n"
        f"{args.dossiers} dossiers in a row: {ours:.1f} s vs naive {naive:.1f} s -> "
        f"{naive / ours:.1f}x ({ours / args.dossiers:.2f} s per dossier)\n"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
