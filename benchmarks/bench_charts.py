"""Benchmark: the diagnosis charts of the examples, drawn as before (a drawn figure saved with
``savefig``: three layout passes, two rasterisations) and as now (``render_chart``: one layout
pass, two for a pie, one rasterisation, zlib level 1), alternately in one run; CPU medians,
and the pixels compared.

Run: .venv/bin/python benchmarks/bench_charts.py [--repeat 5]
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import time
from pathlib import Path

from safecommunity_docs import load
from safecommunity_docs.build import context_for
from safecommunity_docs.render.charts import DPI, drawn, render_chart
from safecommunity_docs.render.charts.png import png_size, strip_volatile
from safecommunity_docs.views.chart import ChartSpec
from safecommunity_docs.views.diagnosis import diagnosis_view

ROOT = Path(__file__).resolve().parents[1]


def before(spec: ChartSpec) -> bytes:
    """The PNG as the renderer wrote it before (db077dd)."""
    buffer = io.BytesIO()
    with drawn(spec) as fig:
        fig.savefig(buffer, format="png", dpi=DPI, metadata={"Software": None})
    return strip_volatile(buffer.getvalue())


def _pixels(png: bytes) -> bytes:
    """The decoded pixels (the two ways compress them at different zlib levels)."""
    from PIL import Image

    with Image.open(io.BytesIO(png)) as image:
        return image.tobytes()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    specs: list[ChartSpec] = []
    for example in ("qinghe-street", "dongshan-town", "jiangkou-park"):
        dossier = load(ROOT / "examples" / example)
        if dossier.diagnosis is not None:
            view = diagnosis_view(dossier.diagnosis, dossier, context_for(dossier).statistics)
            specs += [b.chart for b in view.blocks if b.chart is not None]
    render_chart(specs[0])  # imports and font cache
    times: dict[str, list[float]] = {"before": [], "now": []}
    for _ in range(args.repeat):
        for name, draw in (("before", before), ("now", render_chart)):
            started = time.process_time()
            pngs = [draw(spec) for spec in specs]
            times[name].append(time.process_time() - started)
            if name == "before":
                old = pngs
    same = sum(_pixels(a) == _pixels(b) for a, b in zip(old, pngs, strict=True))
    print(f"{len(specs)} charts of the three examples, median of {args.repeat}:")
    for name, runs in times.items():
        print(
            f"  {name:<7} {statistics.median(runs):.2f} s CPU ({statistics.median(runs) / len(specs):.3f} s a chart)"
        )
    print(f"  ratio: {statistics.median(times['now']) / statistics.median(times['before']):.2f}")
    print(f"  identical pixels: {same} of {len(specs)}")
    for spec, png in zip(specs, pngs, strict=True):
        print(f"  {spec.kind:<12} {png_size(png)[0]}x{png_size(png)[1]} px {len(png):>7} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
