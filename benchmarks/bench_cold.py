"""Benchmark: one full dossier (docx + xlsx + pdf + dossier.pdf) from a cold process, this tree
against a baseline revision, in one run.

Run: .venv/bin/python benchmarks/bench_cold.py [EXAMPLE] [--baseline db077dd] [--repeat 5]
Each measurement is a fresh interpreter building the example with its own LibreOffice
converter (started and stopped in that build). CPU is user + system seconds of the child and
of every process it waited for (the LibreOffice workers included, ``os.wait4``); wall is the
elapsed time. The two trees alternate, so load on the machine hits both alike; medians of
``--repeat``. The baseline is checked out with ``git worktree`` into a temporary folder and
imported from there with the same interpreter. Both trees are byte-compiled first, as ``pip
install`` leaves a package (otherwise, with ``PYTHONDONTWRITEBYTECODE`` set, every cold process
would compile the library again).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CODE = (
    "import sys\nfrom safecommunity_docs import build, load\n"
    "build(load(sys.argv[1]), sys.argv[2], ['docx', 'xlsx', 'pdf'])\n"
)


def measure(src: Path, example: Path, out: Path) -> tuple[float, float]:
    """CPU seconds (the process tree) and wall seconds of one cold build."""
    env = {**os.environ, "PYTHONPATH": str(src)}
    started = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-c", CODE, str(example), str(out)],
        env=env,
        stdout=subprocess.DEVNULL,
        cwd=src,
    )
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"the build failed in {src}")
    return usage.ru_utime + usage.ru_stime, wall


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("example", nargs="?", default="qinghe-street")
    parser.add_argument("--baseline", default="db077dd", help="a git revision to compare with")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    example = ROOT / "examples" / args.example
    runs: dict[str, list[tuple[float, float]]] = {"baseline": [], "this tree": []}
    with tempfile.TemporaryDirectory() as tmp:
        tree = Path(tmp) / "baseline"
        subprocess.run(
            ["git", "worktree", "add", "--detach", str(tree), args.baseline],
            cwd=ROOT,
            check=True,
            capture_output=True,
        )
        try:
            for src in (tree / "src", ROOT / "src"):
                env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
                subprocess.run(
                    [sys.executable, "-m", "compileall", "-q", str(src)], env=env, check=True
                )
            for n in range(args.repeat):
                for name, src in (("baseline", tree / "src"), ("this tree", ROOT / "src")):
                    runs[name].append(measure(src, example, Path(tmp) / f"{name}-{n}"))
                    cpu, wall = runs[name][-1]
                    print(
                        f"{name:<10} run {n + 1}: {cpu:6.2f} s CPU {wall:6.2f} s wall", flush=True
                    )
        finally:
            subprocess.run(
                ["git", "worktree", "remove", "--force", str(tree)], cwd=ROOT, check=True
            )
    medians = {
        name: (statistics.median(c for c, _ in r), statistics.median(w for _, w in r))
        for name, r in runs.items()
    }
    print(f"{args.example}, one full dossier from a cold process, median of {args.repeat}:")
    for name, (cpu, wall) in medians.items():
        label = f"{name} ({args.baseline})" if name == "baseline" else name
        print(f"  {label:<22} {cpu:6.2f} s CPU  {wall:6.2f} s wall")
    (base_cpu, base_wall), (cpu, wall) = medians["baseline"], medians["this tree"]
    print(f"  ratio: {cpu / base_cpu:.2f} of the CPU, {wall / base_wall:.2f} of the wall time")
    return 0


if __name__ == "__main__":
    sys.exit(main())
