"""Benchmark: CPU time and peak memory of ``import safecommunity_docs`` and of
``safecommunity-docs --help``, for this tree and (optionally) a baseline revision, in one run.

Run: .venv/bin/python benchmarks/bench_startup.py [--baseline REV] [--repeat 9]
Each measurement is a fresh interpreter (``python -c …``); CPU is user + system seconds of that
child (``os.wait4``), memory its peak RSS; medians of ``--repeat`` runs. The baseline is checked out with
``git worktree`` into a temporary folder and imported from there with the same interpreter.
Results are recorded in benchmarks/RESULTS.md.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CASES = {
    "import": "import safecommunity_docs",
    "--help": (
        "import contextlib, io\nfrom safecommunity_docs.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n    main(['--help'])"
    ),
}


def _measure(code: str, src: Path) -> tuple[float, float]:
    """CPU seconds and peak RSS (MiB) of one fresh interpreter running ``code``."""
    env = {**os.environ, "PYTHONPATH": str(src)}
    child = subprocess.Popen(
        [sys.executable, "-c", code], env=env, stdout=subprocess.DEVNULL, cwd=src
    )
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise SystemExit(f"{code!r} failed in {src}")
    return usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def _series(src: Path, repeat: int) -> dict[str, tuple[float, float]]:
    out = {}
    for name, code in CASES.items():
        runs = [_measure(code, src) for _ in range(repeat)]
        out[name] = (
            statistics.median(cpu for cpu, _ in runs),
            statistics.median(rss for _, rss in runs),
        )
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--baseline", help="a git revision to compare with, e.g. HEAD~5")
    parser.add_argument("--repeat", type=int, default=9)
    args = parser.parse_args()
    rows: list[tuple[str, str, float, float]] = []
    if args.baseline:
        with tempfile.TemporaryDirectory() as tmp:
            tree = Path(tmp) / "baseline"
            subprocess.run(
                ["git", "worktree", "add", "--detach", str(tree), args.baseline],
                cwd=ROOT,
                check=True,
                capture_output=True,
            )
            try:
                for name, (cpu, rss) in _series(tree / "src", args.repeat).items():
                    rows.append((f"baseline {args.baseline}", name, cpu, rss))
            finally:
                subprocess.run(
                    ["git", "worktree", "remove", "--force", str(tree)], cwd=ROOT, check=True
                )
    for name, (cpu, rss) in _series(ROOT / "src", args.repeat).items():
        rows.append(("this tree", name, cpu, rss))
    print(f"median of {args.repeat} fresh interpreters")
    print(f"{'tree':<22} {'case':<8} {'CPU s':>7} {'peak RSS MiB':>13}")
    for tree_name, case, cpu, rss in rows:
        print(f"{tree_name:<22} {case:<8} {cpu:>7.3f} {rss:>13.1f}")
    if args.baseline:
        for case in CASES:
            base = next(r for r in rows if r[1] == case and r[0] != "this tree")
            now = next(r for r in rows if r[1] == case and r[0] == "this tree")
            print(f"{case}: {base[2] / now[2]:.1f}x less CPU than the baseline")
    return 0


if __name__ == "__main__":
    sys.exit(main())
