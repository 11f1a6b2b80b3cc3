"""Bar charts: vertical (grouped for several series), horizontal, and stacked, all value-labelled."""

from __future__ import annotations

from matplotlib.figure import Figure

from safecommunity_docs.render.charts.frame import (
    LINE_EM,
    PLOT_HEIGHT_PT,
    PLOT_WIDTH_PT,
    add_legend,
    all_integers,
    as_floats,
    category_ticks,
    new_axes,
    style_value_axis,
    value_limits,
)
from safecommunity_docs.render.charts.style import (
    TEXT_COLOUR,
    VALUE_PT,
    colour,
    format_value,
    text_on,
    text_width_pt,
    wrap_label,
)
from safecommunity_docs.views.chart import ChartSpec

BARH_MAX_PT = 24.0
"""A horizontal bar is at most this thick (a chart of few categories keeps slim bars)."""

BARH_LABEL_UNITS = 16
"""Horizontal-bar category labels longer than this (half-width units) wrap onto two lines."""


def _labelled(labels: list[list[str]], pitch_pt: float) -> list[list[str]]:
    """Return the value labels, or empty ones when bars stand too close for 五号 labels.

    Labels are never shrunk below ``VALUE_PT`` (五号 in print); the value axis carries the
    values of a chart with so many bars.
    """
    if pitch_pt >= VALUE_PT * LINE_EM:
        return labels
    return [["" for _ in row] for row in labels]


def _extremes(spec: ChartSpec) -> tuple[float, float]:
    values = [float(v) for s in spec.series for v in s.values]
    return min(values), max(values)


def draw_bar(fig: Figure, spec: ChartSpec) -> None:
    """Draw vertical bars, one group per category and one bar per series, each labelled."""
    ax = new_axes(fig)
    n, ns = len(spec.categories), len(spec.series)
    width = 0.8 / ns if ns > 1 else 0.6
    pitch_pt = PLOT_WIDTH_PT / n * (width if ns > 1 else 1.0)
    size = VALUE_PT
    labels = _labelled(
        [[format_value(v, spec.unit) for v in s.values] for s in spec.series], pitch_pt
    )
    widest = max(text_width_pt(t, size) for row in labels for t in row)
    upright = widest > pitch_pt * 0.95
    for i, series in enumerate(spec.series):
        offset = (i - (ns - 1) / 2) * width
        bars = ax.bar(
            [x + offset for x in range(n)],
            as_floats(series.values),
            width,
            color=colour(i),
            label=series.name,
            zorder=2,
        )
        ax.bar_label(
            bars,
            labels=labels[i],
            padding=2,
            fontsize=size,
            color=TEXT_COLOUR,
            rotation=90 if upright else 0,
        )
    room = widest if upright else size * 1.3
    ax.set_ylim(*value_limits(*_extremes(spec), room, PLOT_HEIGHT_PT))
    ax.set_xlim(-0.6, n - 0.4)
    style_value_axis(ax.yaxis, all_integers(spec), spec.y_label)
    category_ticks(ax, spec.categories, range(n))
    if spec.x_label:
        ax.set_xlabel(spec.x_label)
    ax.grid(axis="y")
    add_legend(fig, spec)


def draw_barh(fig: Figure, spec: ChartSpec) -> None:
    """Draw horizontal bars, first category on top, each bar labelled at its end."""
    ax = new_axes(fig)
    n, ns = len(spec.categories), len(spec.series)
    row_pt = PLOT_HEIGHT_PT / n
    height = min(0.8 if ns > 1 else 0.6, BARH_MAX_PT * ns / row_pt) / ns
    size = VALUE_PT
    pitch_pt = row_pt * (height if ns > 1 else 1.0)
    labels = _labelled(
        [[format_value(v, spec.unit) for v in s.values] for s in spec.series], pitch_pt
    )
    widest = max(text_width_pt(t, size) for row in labels for t in row)
    for i, series in enumerate(spec.series):
        offset = (i - (ns - 1) / 2) * height
        bars = ax.barh(
            [y + offset for y in range(n)],
            as_floats(series.values),
            height,
            color=colour(i),
            label=series.name,
            zorder=2,
        )
        ax.bar_label(bars, labels=labels[i], padding=3, fontsize=size, color=TEXT_COLOUR)
    ax.set_xlim(*value_limits(*_extremes(spec), widest, PLOT_WIDTH_PT * 0.75))
    ax.set_ylim(n - 0.4, -0.6)  # first category on top
    style_value_axis(ax.xaxis, all_integers(spec), spec.y_label)
    ax.set_yticks(list(range(n)))
    ax.set_yticklabels([wrap_label(c, BARH_LABEL_UNITS) for c in spec.categories])
    ax.tick_params(axis="y", length=0, pad=4)
    if spec.x_label:
        ax.set_ylabel(spec.x_label)
    ax.grid(axis="x")
    add_legend(fig, spec)


def draw_stacked_bar(fig: Figure, spec: ChartSpec) -> None:
    """Draw one bar per category with the series stacked in it, segments and totals labelled.

    A segment's value is printed inside it when it is tall and wide enough; the total is
    printed above the bar.
    """
    ax = new_axes(fig)
    n = len(spec.categories)
    width = 0.6
    totals = [sum(s.values[c] for s in spec.series) for c in range(n)]
    high = max(float(t) for t in totals)
    low, _ = _extremes(spec)
    bottom, top = value_limits(min(low, 0.0), high, VALUE_PT * 1.3, PLOT_HEIGHT_PT)
    pt_per_unit = PLOT_HEIGHT_PT / (top - bottom)
    bar_pt = PLOT_WIDTH_PT / n * width
    base = [0.0] * n
    bars = None
    for i, series in enumerate(spec.series):
        heights = as_floats(series.values)
        bars = ax.bar(
            list(range(n)),
            heights,
            width,
            bottom=base,
            color=colour(i),
            label=series.name,
            zorder=2,
            edgecolor="white",
            linewidth=0.5,
        )
        inside = []
        for value, h in zip(series.values, heights, strict=True):
            text = format_value(value, spec.unit)
            fits = h * pt_per_unit >= VALUE_PT * 1.5 and text_width_pt(text, VALUE_PT) < bar_pt
            inside.append(text if fits else "")
        ax.bar_label(
            bars, labels=inside, label_type="center", fontsize=VALUE_PT, color=text_on(colour(i))
        )
        base = [b + h for b, h in zip(base, heights, strict=True)]
    if bars is not None:
        ax.bar_label(
            bars,
            labels=[format_value(t, spec.unit) for t in totals],
            padding=2,
            fontsize=VALUE_PT,
            color=TEXT_COLOUR,
            fontweight="bold",
        )
    ax.set_ylim(bottom, top)
    ax.set_xlim(-0.6, n - 0.4)
    style_value_axis(ax.yaxis, all_integers(spec), spec.y_label)
    category_ticks(ax, spec.categories, range(n))
    if spec.x_label:
        ax.set_xlabel(spec.x_label)
    ax.grid(axis="y")
    add_legend(fig, spec)
