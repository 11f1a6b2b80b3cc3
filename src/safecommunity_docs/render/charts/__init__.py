"""Chart renderer: a ``ChartSpec`` from a view becomes deterministic PNG bytes (matplotlib, Agg).

Importing this package locates the Noto Sans CJK SC font (Debian ``fonts-noto-cjk``) and raises
``ChartFontError`` naming that package when it is missing.
"""

from __future__ import annotations

import io
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from matplotlib import style as mpl_style
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.layout_engine import ConstrainedLayoutEngine
from PIL import Image

from safecommunity_docs.render.charts.bars import draw_bar, draw_barh, draw_stacked_bar
from safecommunity_docs.render.charts.fonts import FONT_FAMILY, FONT_FILE, ChartFontError
from safecommunity_docs.render.charts.line import draw_line
from safecommunity_docs.render.charts.pie import draw_pie
from safecommunity_docs.render.charts.png import strip_volatile
from safecommunity_docs.render.charts.style import (
    DPI,
    HEIGHT_IN,
    MIN_PRINT_PT,
    PRINT_WIDTH_MM,
    STYLE,
    WIDTH_IN,
)
from safecommunity_docs.views.chart import ChartKind, ChartSpec

__all__ = [
    "DPI",
    "FONT_FAMILY",
    "FONT_FILE",
    "HEIGHT_IN",
    "MIN_PRINT_PT",
    "PIXELS",
    "PRINT_WIDTH_MM",
    "WIDTH_IN",
    "ChartFontError",
    "drawn",
    "render_chart",
]

PIXELS = (round(WIDTH_IN * DPI), round(HEIGHT_IN * DPI))
"""Width and height of every chart PNG in pixels (1220 × 720)."""

PAD_IN = 0.06
"""White margin kept around the chart's contents, in inches."""

_DRAW: dict[ChartKind, Callable[[Figure, ChartSpec], None]] = {
    "bar": draw_bar,
    "barh": draw_barh,
    "pie": draw_pie,
    "line": draw_line,
    "stacked_bar": draw_stacked_bar,
}

_FAST_PNG: dict[str, Any] = {"compress_level": 1}
"""zlib's fastest level: five charts encode in about a third of the time of the default
level 6 (0.12 s less a diagnosis report), for files about 14 % larger."""

_SECOND_PASS: frozenset[ChartKind] = frozenset({"pie"})
"""Kinds whose constrained layout settles only on a second pass: a pie's legend moves once
more. For the others a second pass changes no pixel (tests/unit/test_charts.py checks it on
every kind and on the examples' charts) and costs about 0.08 s a chart."""

_LOCK = threading.Lock()
"""matplotlib's rc settings are process-wide: one chart is drawn at a time in a process."""


@contextmanager
def drawn(spec: ChartSpec) -> Iterator[Figure]:
    """Draw ``spec`` on a new figure and yield it, laid out, while the chart style is in force.

    Only one chart is drawn at a time in a process; leave the block before drawing another.
    """
    with _LOCK, mpl_style.context(["default", STYLE]):
        fig = _figure(spec)
        fig.canvas.draw()
        yield fig


def _figure(spec: ChartSpec) -> Figure:
    """A new figure on an Agg canvas with ``spec`` drawn on it, not yet laid out (call within
    the chart style)."""
    layout = ConstrainedLayoutEngine(w_pad=PAD_IN, h_pad=PAD_IN)
    fig = Figure(figsize=(WIDTH_IN, HEIGHT_IN), dpi=DPI, layout=layout)
    FigureCanvasAgg(fig)
    _DRAW[spec.kind](fig, spec)
    return fig


def render_chart(spec: ChartSpec) -> bytes:
    """Draw ``spec`` on a new figure and return it as PNG bytes.

    Every chart is ``WIDTH_IN`` × ``HEIGHT_IN`` inches at ``DPI``, set in Noto Sans CJK SC over
    matplotlib's default style (the user's matplotlibrc is ignored), with no title (the
    document's caption names it) and all text at least 五号 (10.5 pt) once the document
    places it ``PRINT_WIDTH_MM`` wide. The same spec always gives the same bytes: the PNG
    holds no software name, no date and no other text chunk.
    """
    buffer = io.BytesIO()
    with _LOCK, mpl_style.context(["default", STYLE]):
        fig = _figure(spec)
        # One rasterisation after one constrained-layout pass, or two for a kind that needs
        # them (:data:`_SECOND_PASS`): the pixels ``savefig`` drew after a drawn figure (three
        # passes, two rasterisations) at about half the CPU.
        if spec.kind in _SECOND_PASS:
            fig.draw_without_rendering()
        fig.canvas.draw()
        canvas = fig.canvas
        assert isinstance(canvas, FigureCanvasAgg)
        # RGB, not the canvas's RGBA: the figure is opaque, and an alpha channel costs
        # LibreOffice a soft mask per chart in the PDF (0.12 s less CPU for the five charts
        # of a diagnosis report; benchmarks/RESULTS.md).
        width, height = canvas.get_width_height()
        pixels = canvas.buffer_rgba()  # type: ignore[no-untyped-call]
        image = Image.frombuffer("RGBA", (width, height), pixels, "raw", "RGBA", 0, 1)
        image.convert("RGB").save(buffer, format="PNG", dpi=(DPI, DPI), **_FAST_PNG)
    return strip_volatile(buffer.getvalue())
