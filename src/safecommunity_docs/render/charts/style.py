"""The look every chart shares: size, resolution, palette, type sizes and label helpers."""

from __future__ import annotations

import itertools
import math
import unicodedata
from decimal import Decimal
from typing import Any

from safecommunity_docs.render.charts.fonts import FONT_FAMILY

WIDTH_IN = 6.1
"""Figure width in inches (155 mm; the document scales it to ``PRINT_WIDTH_MM`` on the page)."""

HEIGHT_IN = 3.6
"""Figure height in inches (about 91 mm): a chart and its caption fit in a third of a page."""

DPI = 200
"""Pixels per inch of the figure: 1220 × 720 px keeps a PNG near 50 kB and sharp in print."""

PRINT_WIDTH_MM = 150
"""Width at which a chart is placed in a document (``Block.image_width_mm``'s default)."""

PRINT_SCALE = PRINT_WIDTH_MM / (WIDTH_IN * 25.4)
"""Printed size of one figure point: the figure is shrunk by this factor (about 0.968)."""

MIN_PRINT_PT = 10.5
"""Smallest type on the printed page (五号 10.5 pt, the body text of a table)."""


def figure_pt(print_pt: float) -> float:
    """Return the figure font size (a multiple of 0.25 pt) that prints at least ``print_pt``."""
    return math.ceil(print_pt / PRINT_SCALE * 4) / 4


BASE_PT = figure_pt(MIN_PRINT_PT)
"""Tick labels, legend and axis labels: 11 pt in the figure, at least 五号 10.5 pt in print."""

VALUE_PT = BASE_PT
"""Value labels on bars, points and slices (as large as the rest: 五号 is the minimum)."""

PALETTE = (
    "#4E79A7",  # blue
    "#F28E2B",  # orange
    "#59A14F",  # green
    "#E15759",  # red
    "#76B7B2",  # teal
    "#EDC948",  # yellow
    "#B07AA1",  # purple
    "#FF9DA7",  # pink
    "#9C755F",  # brown
)
"""Series and slice colours in order: Tableau 10, readable in print and for most colour vision."""

UNIT_EM = 0.5
"""Width of one half-width unit in em (a CJK character, two units, is 1 em)."""

LATIN_EM = 0.58
"""Estimated width of a Latin letter, digit or sign in em (digits are 0.55 em)."""

OTHER_COLOUR = "#BAB0AC"
"""Grey for the merged 其他 slice of a pie."""

TEXT_COLOUR = "#222222"
AXIS_COLOUR = "#666666"
GRID_COLOUR = "#E3E3E3"

STYLE: dict[str, Any] = {
    "font.family": [FONT_FAMILY],
    "font.size": BASE_PT,
    "text.color": TEXT_COLOUR,
    "axes.labelsize": BASE_PT,
    "axes.labelcolor": TEXT_COLOUR,
    "axes.edgecolor": AXIS_COLOUR,
    "axes.linewidth": 0.8,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.unicode_minus": True,
    "axes.axisbelow": True,
    "axes.grid": False,
    "grid.color": GRID_COLOUR,
    "grid.linewidth": 0.6,
    "grid.linestyle": "-",
    "xtick.labelsize": BASE_PT,
    "ytick.labelsize": BASE_PT,
    "xtick.color": AXIS_COLOUR,
    "ytick.color": AXIS_COLOUR,
    "xtick.labelcolor": TEXT_COLOUR,
    "ytick.labelcolor": TEXT_COLOUR,
    "xtick.major.size": 3.0,
    "ytick.major.size": 3.0,
    "xtick.major.width": 0.8,
    "ytick.major.width": 0.8,
    "legend.fontsize": BASE_PT,
    "legend.frameon": False,
    "legend.handlelength": 1.2,
    "legend.handleheight": 0.8,
    "legend.columnspacing": 1.5,
    "figure.facecolor": "white",
    "axes.facecolor": "white",
    "savefig.facecolor": "white",
    "figure.dpi": DPI,
    "savefig.dpi": DPI,
}
"""rc settings applied (over matplotlib's defaults, not the user's matplotlibrc) while drawing."""


def colour(index: int) -> str:
    """Return the palette colour for the ``index``-th series or slice, cycling when needed."""
    return PALETTE[index % len(PALETTE)]


def text_on(fill: str) -> str:
    """Return black or white, whichever reads better on the ``#RRGGBB`` colour ``fill``."""
    r, g, b = (int(fill[i : i + 2], 16) / 255 for i in (1, 3, 5))
    luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b
    return TEXT_COLOUR if luminance > 0.55 else "white"


GROUP_FROM = 10000
"""Values from this magnitude on are printed with thousands separators (12,345)."""


def format_value(value: Decimal | int, unit: str = "") -> str:
    """Print a value as the view gave it (a ``Decimal`` keeps its digits) followed by ``unit``.

    From ``GROUP_FROM`` on, thousands are separated by commas (``1,234,567``).
    """
    if isinstance(value, int):
        text = f"{value:,}" if abs(value) >= GROUP_FROM else str(value)
    else:
        text = format(value, ",f" if abs(value) >= GROUP_FROM else "f")
    return f"{text}{unit}"


def text_width(text: str) -> int:
    """Width of one line of ``text`` in half-width units: CJK and full-width characters count 2."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def text_width_pt(text: str, size: float) -> float:
    """Approximate printed width in points of the widest line of ``text`` at ``size`` points.

    A CJK character is one em wide; Latin letters, digits and signs are taken as ``LATIN_EM``.
    """
    return max(_line_em(line) for line in text.split("\n")) * size


def _line_em(line: str) -> float:
    return sum(1.0 if unicodedata.east_asian_width(ch) in "WF" else LATIN_EM for ch in line)


def wrap_label(text: str, max_units: int) -> str:
    """Break a category label into lines of at most ``max_units`` half-width units.

    A label with ``/`` or ``、`` breaks there first (``跌倒/坠落`` becomes two lines when it
    must break at all); otherwise it breaks between characters.
    """
    if text_width(text) <= max_units or max_units < 2:
        return text
    pieces: list[str] = []
    for part in _split_keep(text, "/、"):
        if text_width(part) <= max_units:
            pieces.append(part)
        else:
            pieces.extend(_chop(part, max_units))
    lines: list[str] = []
    for piece in pieces:
        if lines and text_width(lines[-1] + piece) <= max_units:
            lines[-1] += piece
        else:
            lines.append(piece)
    return "\n".join(lines)


def _split_keep(text: str, marks: str) -> list[str]:
    """Split after each mark, keeping the mark at the end of its piece."""
    pieces, current = [], ""
    for ch in text:
        current += ch
        if ch in marks:
            pieces.append(current)
            current = ""
    if current:
        pieces.append(current)
    return pieces


def _chop(text: str, max_units: int) -> list[str]:
    """Cut ``text`` into as few runs as fit ``max_units``, as even in width as possible.

    ``体育和运动场所`` at six units becomes ``体育`` / ``和运动`` / ``场所``, not a lone last
    character.
    """
    runs = len(_greedy(text, max_units))
    if runs == 1 or len(text) > 40:
        return _greedy(text, max_units)
    best: list[str] = []
    best_score = (max_units + 1, 0)
    for cuts in itertools.combinations(range(1, len(text)), runs - 1):
        edges = (0, *cuts, len(text))
        lines = [text[a:b] for a, b in itertools.pairwise(edges)]
        widths = [text_width(line) for line in lines]
        score = (max(widths), -min(widths))
        if score < best_score:
            best, best_score = lines, score
    return best or _greedy(text, max_units)


def _greedy(text: str, limit: int) -> list[str]:
    """Fill lines up to ``limit`` half-width units, one character at a time."""
    out, current = [], ""
    for ch in text:
        if current and text_width(current + ch) > limit:
            out.append(current)
            current = ""
        current += ch
    out.append(current)
    return out
