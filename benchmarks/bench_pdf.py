"""Benchmark: convert every Word document of one example to PDF, warm workers vs a naive loop.

Run: .venv/bin/python benchmarks/bench_pdf.py [EXAMPLE] [--workers 2] [--variants]
The naive loop runs one cold ``soffice --convert-to pdf`` per document (same fontconfig file,
one reused profile); the converter is :class:`LibreOfficeConverter`, timed from a cold start
(start-up included) and again warm. ``--variants`` adds one worker and the batch fallback.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from safecommunity_docs import load
from safecommunity_docs.build import build
from safecommunity_docs.render.pdf import LibreOfficeConverter, check_pdf, find_soffice
from safecommunity_docs.render.pdf.fontconfig import write_fontconfig
from safecommunity_docs.render.pdf.libreoffice import Mode

ROOT = Path(__file__).resolve().parents[1]


def naive_loop(paths: list[Path], work: Path) -> float:
    """Convert each file with its own cold soffice call; return the seconds taken."""
    soffice = find_soffice()
    env = {**os.environ, "FONTCONFIG_FILE": str(write_fontconfig(work))}
    profile = (work / "profile").as_uri()
    out = work / "naive"
    started = time.perf_counter()
    for path in paths:
        subprocess.run(
            [
                soffice,
                "--headless",
                "--norestore",
                f"-env:UserInstallation={profile}",
                "--convert-to",
                "pdf",
                "--outdir",
                str(out),
                str(path),
            ],
            env=env,
            capture_output=True,
            check=True,
            timeout=300,
        )
    seconds = time.perf_counter() - started
    for path in paths:
        check_pdf((out / f"{path.stem}.pdf").read_bytes(), path.name, "naive")
    return seconds


def converter_run(
    items: list[tuple[str, bytes]], workers: int = 2, mode: Mode = "auto"
) -> tuple[float, float, str]:
    """Return (cold seconds incl. start-up, warm seconds, stats) for one converter."""
    with LibreOfficeConverter(workers, mode=mode) as converter:
        started = time.perf_counter()
        for pdf, (name, _) in zip(converter.convert_many(items), items, strict=True):
            check_pdf(pdf, name, converter.name)
        cold = time.perf_counter() - started
        started = time.perf_counter()
        converter.convert_many(items)
        warm = time.perf_counter() - started
        return cold, warm, f"{converter.mode}: {converter.stats}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("example", nargs="?", default="qinghe-street")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--variants", action="store_true")
    args = parser.parse_args()
    dossier = load(ROOT / "examples" / args.example)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        paths = build(dossier, work / "docx", formats=["docx"]).paths
        items = [(p.stem, p.read_bytes()) for p in paths]
        out = sys.stdout
        out.write(f"{args.example}: {len(items)} Word documents\n")
        cold, warm, stats = converter_run(items, workers=args.workers)
        out.write(
            f"converter ({args.workers} warm workers): {cold:.2f} s from cold "
            f"(start-up included), {warm:.2f} s warm  [{stats}]\n"
        )
        naive = naive_loop(paths, work)
        out.write(f"naive loop (one cold soffice per document): {naive:.2f} s\n")
        out.write(
            f"ratio naive / converter: {naive / cold:.1f}x from cold, {naive / warm:.1f}x warm\n"
        )
        if args.variants:
            for label, options in (
                ("1 warm worker", {"workers": 1}),
                ("batch fallback (no python3-uno)", {"mode": "oneshot"}),
            ):
                c, w, s = converter_run(items, **options)
                out.write(f"{label}: {c:.2f} s from cold, {w:.2f} s second run  [{s}]\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
