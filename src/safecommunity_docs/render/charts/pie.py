"""Pie charts: shares of one series, small slices merged into 其他, a legend with percentages."""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal

from matplotlib.figure import Figure

from safecommunity_docs.analysis.rounding import largest_remainder
from safecommunity_docs.render.charts.style import (
    BASE_PT,
    OTHER_COLOUR,
    VALUE_PT,
    colour,
    format_value,
    text_on,
    text_width_pt,
)
from safecommunity_docs.views.chart import ChartSpec

OTHER = "其他"
"""The label of the slice that small slices are merged into (when no category is 其他)."""

MERGED = "其他（合并）"
"""The label of that slice when it also holds a category named 其他: the table's 其他 row
shows that category alone, so the merged slice must not pass for it."""

MIN_SHARE = Decimal(3)
"""Slices under this many per cent are merged into 其他 (when at least two are, or 其他 exists)."""

MAX_SLICES = 8
"""At most this many slices are drawn; the smallest beyond it go into 其他."""

LABEL_RADIUS = 0.66
"""Where a percentage is set inside its slice, as a fraction of the pie's radius."""

RADIUS_PT = 110.0
"""The pie's radius in figure points (a little less than half the figure's height)."""


def fits_inside(text: str, percent: Decimal) -> bool:
    """Whether ``text`` fits across its slice at ``LABEL_RADIUS`` with a margin on both sides.

    Smaller slices show no percentage inside (it would spill over their edges); the legend
    gives every slice its value and percentage.
    """
    angle = 2 * math.pi * float(percent) / 100
    chord = 2 * LABEL_RADIUS * RADIUS_PT * math.sin(min(angle, math.pi) / 2)
    return text_width_pt(text, VALUE_PT) <= 0.8 * chord


@dataclass(frozen=True, slots=True)
class Slice:
    """One drawn slice: its label, exact value and share in per cent."""

    label: str
    value: Decimal
    percent: Decimal


def _percents(values: list[Decimal]) -> tuple[Decimal, ...]:
    """Shares in per cent at one decimal by largest remainder, the rule of the tables.

    Values are scaled to whole units exactly (counts as they are, shares with one decimal by
    10), so shares the view computed for its table come back unchanged.
    """
    exponents = [v.as_tuple().exponent for v in values]
    places = max([-e for e in exponents if isinstance(e, int) and e < 0], default=0)
    return largest_remainder([int(v.scaleb(places)) for v in values])


def slices(spec: ChartSpec) -> list[Slice]:
    """Return the slices to draw, largest first and 其他 last.

    Empty categories are dropped; slices under ``MIN_SHARE`` per cent go into 其他 when at
    least two of them do or the categories already have a 其他; then the smallest go into
    其他 until at most ``MAX_SLICES`` remain. A 其他 that merged categories into a category
    named 其他 is labelled ``MERGED``. Percentages are by largest remainder over the slices
    drawn: they add up to 100.0, and shares given as values come back as they were.
    """
    total = Decimal(sum(spec.series[0].values))
    pairs = [
        (label, Decimal(value))
        for label, value in zip(spec.categories, spec.series[0].values, strict=True)
        if value > 0
    ]
    other = sum((v for label, v in pairs if label == OTHER), Decimal(0))
    kept = [(label, v) for label, v in pairs if label != OTHER]
    small = [v * 100 < MIN_SHARE * total for _, v in kept]
    merged = False
    if sum(small) >= 2 or (any(small) and other > 0):
        other += sum(v for (_, v), tiny in zip(kept, small, strict=True) if tiny)
        kept = [pair for pair, tiny in zip(kept, small, strict=True) if not tiny]
        merged = True
    kept.sort(key=lambda pair: pair[1], reverse=True)
    room = MAX_SLICES - (1 if other > 0 or len(kept) > MAX_SLICES else 0)
    if len(kept) > room:
        other += sum(v for _, v in kept[room:])
        kept = kept[:room]
        merged = True
    if other > 0:
        holds_other = any(label == OTHER for label, _ in pairs)
        kept.append((MERGED if merged and holds_other else OTHER, other))
    shares = _percents([v for _, v in kept])
    return [Slice(label, v, p) for (label, v), p in zip(kept, shares, strict=True)]


def legend_label(part: Slice, unit: str) -> str:
    """Name a slice in the legend with its value and share: ``家中  170例（45.3%）``.

    A slice whose values are shares already (``unit`` ``%``, as the views hand them over)
    shows its percentage once: ``家中  45.3%``.
    """
    if unit == "%":
        return f"{part.label}  {part.percent}%"
    return f"{part.label}  {format_value(part.value, unit)}（{part.percent}%）"


def draw_pie(fig: Figure, spec: ChartSpec) -> None:
    """Draw the pie with percentages inside the slices they fit in and a legend with every
    slice's value and percentage (the chart's title is the document's caption, not drawn)."""
    ax = fig.add_subplot()
    parts = slices(spec)
    colours = [
        OTHER_COLOUR if s.label in (OTHER, MERGED) and i == len(parts) - 1 else colour(i)
        for i, s in enumerate(parts)
    ]
    wedges, _ = ax.pie(
        [float(s.value) for s in parts],
        colors=colours,
        startangle=90,
        counterclock=False,
        radius=1.0,
        wedgeprops={"linewidth": 1.0, "edgecolor": "white"},
    )
    for wedge, part, fill in zip(wedges, parts, colours, strict=True):
        text = f"{part.percent}%"
        if not fits_inside(text, part.percent):
            continue
        angle = math.radians((wedge.theta1 + wedge.theta2) / 2)
        ax.text(
            LABEL_RADIUS * math.cos(angle),
            LABEL_RADIUS * math.sin(angle),
            text,
            ha="center",
            va="center",
            fontsize=VALUE_PT,
            color=text_on(fill),
        )
    ax.set_aspect("equal")
    ax.legend(
        wedges,
        [legend_label(s, spec.unit) for s in parts],
        loc="center left",
        bbox_to_anchor=(1.0, 0.5),
        fontsize=BASE_PT,
        handlelength=1.0,
        handleheight=1.0,
        labelspacing=0.6,
        title=spec.x_label or None,
        title_fontsize=BASE_PT,
    )
