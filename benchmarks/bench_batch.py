"""Benchmark: N dossiers (docx + xlsx + pdf) as a batch against the naive loop, a second run
with nothing changed, peak memory, and the same batch through a Dask LocalCluster.

Run: .venv/bin/python benchmarks/bench_batch.py [--dossiers 100] [--jobs 2] [--naive 10] [--dask]
     [--sizes 20,100]
All sides run in this one process run, one after the other, on the same machine:

* batch: ``batch(..., jobs=J)`` — a process pool, one cached LibreOffice converter per process;
* dask: the same batch through ``distributed.Client(LocalCluster(J workers)).get_executor()``,
  right after it (into another folder);
* rerun: the pool's call again (every community unchanged);
* naive: for each community, build Word + Excel, then one cold ``soffice --convert-to pdf`` per
  Word document (no dossier assembly); measured on ``--naive`` communities and scaled to N.

Peak memory: the parent's peak RSS, and the peak of the summed RSS of the whole process tree
(parent, pool workers, soffice; split by process name at the peak), sampled every 0.2 s
during each batch; ``--sizes`` runs one
more batch per size (e.g. 20 and 100 dossiers), each in a fresh process, to show whether
memory grows with N.
"""

from __future__ import annotations

import argparse
import contextlib
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_pdf import naive_loop
from communities import make_communities

from safecommunity_docs import batch, build, load


class TreePeak:
    """Samples the summed RSS of this process and all its descendants."""

    def __init__(self) -> None:
        self.peak = 0
        self.parent = 0
        self.at_peak: dict[str, int] = {}
        """The summed RSS of each kind of process (python, soffice.bin …) at the peak."""
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        me = psutil.Process()
        while not self._stop.is_set():
            total = 0
            kinds: dict[str, int] = {}
            with contextlib.suppress(psutil.Error):
                self.parent = max(self.parent, me.memory_info().rss)
            for proc in [me, *me.children(recursive=True)]:
                with contextlib.suppress(psutil.Error):  # a process that just ended
                    rss = proc.memory_info().rss
                    total += rss
                    kinds[proc.name()] = kinds.get(proc.name(), 0) + rss
            if total > self.peak:
                self.peak, self.at_peak = total, kinds
            self._stop.wait(0.2)

    def __enter__(self) -> TreePeak:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def mib(n: float) -> str:
    return f"{n / 2**20:.0f} MiB"


def kinds(tree: TreePeak) -> str:
    """The tree's peak by kind of process, largest first."""
    ordered = sorted(tree.at_peak.items(), key=lambda kv: -kv[1])
    return ", ".join(f"{name} {mib(rss)}" for name, rss in ordered)


def memory(size: int, jobs: int, formats: list[str]) -> int:
    """One batch of ``size`` dossiers in this (fresh) process: its peak memory."""
    with tempfile.TemporaryDirectory() as tmp:
        made = make_communities(Path(tmp) / "in", size)
        with TreePeak() as tree:
            t0 = time.perf_counter()
            result = batch(made, Path(tmp) / "out", formats, jobs=jobs)
            took = time.perf_counter() - t0
    print(
        f"memory, {size} dossiers (--jobs {jobs}, {result.built} built): parent peak "
        f"{mib(tree.parent)}, process tree peak {mib(tree.peak)} ({kinds(tree)}; {took:.1f} s)",
        flush=True,
    )
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--dossiers", type=int, default=100)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--naive", type=int, default=10, help="communities for the naive loop")
    parser.add_argument("--dask", action="store_true")
    parser.add_argument("--sizes", default="", help="e.g. 20,100: peak memory per batch size")
    parser.add_argument("--memory", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    formats = ["docx", "xlsx", "pdf"]
    if args.memory:
        return memory(args.memory, args.jobs, formats)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        made = make_communities(work / "in", args.dossiers)
        with TreePeak() as tree:
            t0 = time.perf_counter()
            first = batch(made, work / "out", formats, jobs=args.jobs)
            ours = time.perf_counter() - t0
        print(
            f"batch: {args.dossiers} dossiers, --jobs {args.jobs}: {ours:.1f} s "
            f"({first.built} built, {first.failed} failed); parent peak {mib(tree.parent)}, "
            f"process tree peak {mib(tree.peak)} ({kinds(tree)})",
            flush=True,
        )
        if args.dask:  # right after the pool, on a machine in the same state
            from distributed import Client, LocalCluster

            with (
                LocalCluster(
                    n_workers=args.jobs, threads_per_worker=1, dashboard_address=None
                ) as cluster,
                Client(cluster) as client,
            ):
                t0 = time.perf_counter()
                batch(made, work / "dask", formats, client.get_executor())
                dask = time.perf_counter() - t0
            print(
                f"dask LocalCluster({args.jobs}): {dask:.1f} s = {dask / ours:.2f}x the pool",
                flush=True,
            )
        t0 = time.perf_counter()
        again = batch(made, work / "out", formats, jobs=args.jobs)
        rerun = time.perf_counter() - t0
        print(
            f"rerun: {rerun:.2f} s ({again.unchanged} unchanged) = "
            f"{100 * rerun / ours:.1f} % of the first run",
            flush=True,
        )
        naive_n = min(args.naive, args.dossiers)
        t0 = time.perf_counter()
        for n, folder in enumerate(made[:naive_n]):
            result = build(load(folder), work / f"naive{n}", formats=["docx", "xlsx"])
            scratch = work / f"n{n}"
            scratch.mkdir()
            naive_loop([o.path for o in result.outputs if o.format == "docx"], scratch)
        naive = (time.perf_counter() - t0) * args.dossiers / naive_n
        print(
            f"naive loop: {naive:.1f} s for {args.dossiers} (measured on {naive_n}, scaled); "
            f"batch is {naive / ours:.1f}x faster",
            flush=True,
        )
    for size in [int(x) for x in args.sizes.split(",") if x]:
        # a fresh parent per size: this one has built dossiers and imported dask by now
        subprocess.run(
            [sys.executable, __file__, "--memory", str(size), "--jobs", str(args.jobs)], check=True
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
