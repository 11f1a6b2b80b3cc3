"""What every chart with axes shares: axes, legend, value axis, category ticks and headroom."""

from __future__ import annotations

import math
from collections.abc import Sequence
from decimal import Decimal

from matplotlib.axes import Axes
from matplotlib.axis import Axis
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator, ScalarFormatter

from safecommunity_docs.render.charts.style import (
    BASE_PT,
    GROUP_FROM,
    HEIGHT_IN,
    UNIT_EM,
    WIDTH_IN,
    text_width_pt,
    wrap_label,
)
from safecommunity_docs.views.chart import ChartSpec

PLOT_WIDTH_PT = WIDTH_IN * 72 - 60
"""Estimated width of the plotting area (the figure less the value-axis labels and padding)."""

PLOT_HEIGHT_PT = HEIGHT_IN * 72 - 80
"""Estimated height of the plotting area (the figure less legend and tick labels)."""

MAX_LABEL_LINES = 2
"""A category label wrapped into more lines than this is slanted instead."""


def new_axes(fig: Figure) -> Axes:
    """Add the single axes of a chart; no title is drawn (the document's caption 图n is it)."""
    return fig.add_subplot()


def add_legend(fig: Figure, spec: ChartSpec) -> None:
    """Put a one-row legend above the plot when the chart has several series."""
    if not spec.multi_series:
        return
    ax = fig.axes[0]
    ax.legend(
        loc="lower center",
        bbox_to_anchor=(0.5, 1.0),
        ncols=min(len(spec.series), 6),
        borderaxespad=0.3,
    )


def as_floats(values: Sequence[Decimal | int]) -> list[float]:
    """Return plotting coordinates for exact values (only the drawing sees floats)."""
    return [float(v) for v in values]


def all_integers(spec: ChartSpec) -> bool:
    """Whether every value of every series is a whole number, so the axis ticks are integers."""
    return all(
        isinstance(v, int) or v == v.to_integral_value() for s in spec.series for v in s.values
    )


class PlainFormatter(ScalarFormatter):
    """Tick numbers as written in a report: no offset, no powers of ten, 12,345 grouped."""

    def __init__(self) -> None:
        super().__init__(useOffset=False)
        self.set_scientific(False)

    def __call__(self, x: float, pos: int | None = None) -> str:
        """Format one tick value, grouping thousands from ``GROUP_FROM`` on."""
        text = super().__call__(x, pos)
        if abs(x) >= GROUP_FROM and "." not in text:
            return f"{round(x):,}".replace("-", "\N{MINUS SIGN}")
        return text


def style_value_axis(axis: Axis, integer: bool, label: str) -> None:
    """Give the value axis plain numbers (no offset, no scientific notation) and its label."""
    axis.set_major_locator(MaxNLocator(nbins=6, integer=integer, min_n_ticks=3))
    axis.set_major_formatter(PlainFormatter())
    if label:
        axis.set_label_text(label)


def value_limits(
    low: float, high: float, label_room_pt: float, span_pt: float
) -> tuple[float, float]:
    """Axis limits from zero (or the lowest value) to the highest value plus room for labels.

    ``label_room_pt`` is how far the value labels stick out past the bar ends; the top limit is
    raised so that they end inside the plotting area of ``span_pt`` points.
    """
    low = min(low, 0.0)
    high = max(high, 0.0)
    if high == low:
        high = low + 1.0
    fraction = min(0.45, (label_room_pt + 4.0) / span_pt)
    top = high + (high - low) * fraction / (1.0 - fraction) if high > 0 else high
    bottom = low - (high - low) * fraction / (1.0 - fraction) if low < 0 else low
    return bottom, top


SLANT_DEG = 35
"""Angle of category labels too wide for their slot."""

LINE_EM = 1.15
"""Room a line of text needs across its baseline, in em (closer lines would touch)."""


def category_ticks(ax: Axes, labels: Sequence[str], positions: Sequence[float]) -> None:
    """Label the horizontal category axis: wrapped to the slot, else slanted, else upright.

    Slanted labels that would touch their neighbours are turned upright; when even upright
    labels would touch, every step-th category is labelled (the others keep a minor tick).
    """
    slot_pt = PLOT_WIDTH_PT / max(len(labels), 1)
    max_units = max(4, math.floor(slot_pt * 0.92 / (BASE_PT * UNIT_EM)))
    wrapped = [wrap_label(label, max_units) for label in labels]
    too_tall = any(w.count("\n") + 1 > MAX_LABEL_LINES for w in wrapped)
    too_wide = any(text_width_pt(w, BASE_PT) > slot_pt * 1.02 for w in wrapped)
    line_pt = BASE_PT * LINE_EM
    ax.tick_params(axis="x", length=0, pad=4)
    if not (too_tall or too_wide):
        ax.set_xticks(list(positions))
        ax.set_xticklabels(wrapped)
    elif slot_pt * math.sin(math.radians(SLANT_DEG)) >= line_pt:
        ax.set_xticks(list(positions))
        ax.set_xticklabels(list(labels), rotation=SLANT_DEG, ha="right", rotation_mode="anchor")
    else:
        step = math.ceil(line_pt / slot_pt)
        ax.set_xticks(list(positions)[::step])
        ax.set_xticklabels(list(labels)[::step], rotation=90, ha="center")
        if step > 1:
            ax.set_xticks(list(positions), minor=True)
            ax.tick_params(axis="x", which="minor", length=2)


def tick_step(labels: Sequence[str], size: float = BASE_PT) -> int:
    """The smallest step (1, 2, 3, 4, 6, 12, …) at which every step-th label fits side by side."""
    if not labels:
        return 1
    widest = max(text_width_pt(label, size) for label in labels) + size
    fits = max(1, math.floor(PLOT_WIDTH_PT / widest))
    for step in (1, 2, 3, 4, 6, 12, 24, 36, 48, 60):
        if math.ceil(len(labels) / step) <= fits:
            return step
    return math.ceil(len(labels) / fits)
