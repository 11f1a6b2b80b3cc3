"""Line charts: one line per series over ordered categories (months, years), ticks thinned to fit."""

from __future__ import annotations

from matplotlib.figure import Figure

from safecommunity_docs.render.charts.frame import (
    PLOT_HEIGHT_PT,
    add_legend,
    all_integers,
    as_floats,
    new_axes,
    style_value_axis,
    tick_step,
    value_limits,
)
from safecommunity_docs.render.charts.style import (
    TEXT_COLOUR,
    VALUE_PT,
    colour,
    format_value,
)
from safecommunity_docs.views.chart import ChartSpec

MARKER_LIMIT = 24
"""Points are marked when a line has at most this many."""

LABEL_LIMIT = 12
"""Each point of a single line is value-labelled when it has at most this many."""


def draw_line(fig: Figure, spec: ChartSpec) -> None:
    """Draw one line per series; label every step-th category so that the labels never touch."""
    ax = new_axes(fig)
    n = len(spec.categories)
    xs = list(range(n))
    for i, series in enumerate(spec.series):
        ys = as_floats(series.values)
        ax.plot(
            xs,
            ys,
            color=colour(i),
            linewidth=1.6,
            marker="o" if n <= MARKER_LIMIT else None,
            markersize=3.5,
            label=series.name,
            zorder=3,
        )
        if n <= LABEL_LIMIT and not spec.multi_series:
            for x, value, y in zip(xs, series.values, ys, strict=True):
                ax.annotate(
                    format_value(value, spec.unit),
                    (x, y),
                    xytext=(0, 5),
                    textcoords="offset points",
                    ha="center",
                    va="bottom",
                    fontsize=VALUE_PT,
                    color=TEXT_COLOUR,
                )
    values = [float(v) for s in spec.series for v in s.values]
    ax.set_ylim(*value_limits(min(values), max(values), VALUE_PT * 1.6, PLOT_HEIGHT_PT))
    ax.set_xlim(-0.5, n - 0.5)
    step = tick_step(spec.categories)
    ax.set_xticks(xs[::step])
    ax.set_xticklabels(list(spec.categories[::step]))
    if step > 1:
        ax.set_xticks(xs, minor=True)
        ax.tick_params(axis="x", which="minor", length=2)
    style_value_axis(ax.yaxis, all_integers(spec), spec.y_label)
    if spec.x_label:
        ax.set_xlabel(spec.x_label)
    ax.grid(axis="y")
    add_legend(fig, spec)
