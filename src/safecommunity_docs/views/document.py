"""The shape every document view shares: a title area and a flat list of typed blocks.

A renderer maps each block kind to a style (GB/T 9704 in the Word templates); it never formats
text itself: numbers, dates and heading numbers are already in ``text``.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from .chart import ChartSpec

TABLE_BUDGET = 70
"""Half-width characters (12 pt table text) a table row holds across the 156 mm type area,
less the cell margins."""

SHORT_COLUMN = 14
"""Columns whose longest text is at most this wide (half-width units) keep their natural width:
numbers, dates like 2025年3月10日, short names."""


def display_width(text: str) -> int:
    """Width of ``text`` in half-width units: CJK and full-width characters count 2."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def fit_widths(
    columns: Sequence[str], rows: Sequence[Sequence[str]], budget: int = TABLE_BUDGET
) -> tuple[int, ...]:
    """Relative column widths from content: short columns get what their longest line needs,
    long text columns share the rest in proportion to their length."""
    natural = []
    for c, header in enumerate(columns):
        lines = [line for row in rows for line in row[c].split("\n")]
        longest = max([display_width(line) for line in lines] + [0])
        head = display_width(header)
        natural.append(max(min(head, 8), longest, 3) + 2)  # + the cell margins
    if sum(natural) <= budget:
        return tuple(natural)
    short = {i for i, w in enumerate(natural) if w <= SHORT_COLUMN}
    long = [i for i in range(len(natural)) if i not in short]
    floor = 8
    room = max(budget - sum(natural[i] for i in short), floor * len(long))
    extra = room - floor * len(long)
    weights = {i: natural[i] - floor for i in long}
    total = sum(weights.values()) or 1
    return tuple(
        natural[i] if i in short else floor + round(extra * weights[i] / total)
        for i in range(len(natural))
    )


BlockKind = Literal[
    "h1",  # 一、 黑体
    "h2",  # （一） 楷体
    "h3",  # 1. 仿宋
    "h4",  # （1） 仿宋
    "p",  # body paragraph, two-character first-line indent
    "plain",  # body text without first-line indent (lists of names, 附件说明 continuation)
    "caption",  # table or figure caption, centred
    "table",
    "figure",  # a chart (ChartSpec, drawn by the renderer) or a PNG, centred; caption below
    "signature",  # issuing body, right-aligned (indent_right, see views/signoff.py)
    "date",  # date line, right-aligned under the signature (indent_right)
    "toc",  # a 目录 line: title, dot leader, page number (text "title\tpage")
    "annex_note",  # 附件说明: 附件：1.×× with later lines hanging under 1.
    "annex_label",  # 「附件1」 黑体, flush left, starts a new page
    "annex_title",  # annex title, centred like the document title
    "blank",  # an empty line (one of the 22 rows)
    "cover_line",  # the cover's 申报单位/日期 lines: 仿宋, label then value, flush left
]


@dataclass(frozen=True, slots=True)
class TableView:
    """A table: header row, body rows of text, relative column widths, merged cells.

    ``merge_down`` lists (row, column, rows) spans: the body cell at (row, column) spans that
    many rows downwards (row and column are 0-based body indices).
    """

    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[int, ...] = ()
    align: tuple[Literal["left", "center", "right"], ...] = ()
    merge_down: tuple[tuple[int, int, int], ...] = ()
    total_row: bool = False

    @property
    def column_widths(self) -> tuple[int, ...]:
        """The widths given, else widths fitted to the content (see :func:`fit_widths`)."""
        return self.widths or fit_widths(self.columns, self.rows)

    def __post_init__(self) -> None:
        if self.widths and len(self.widths) != len(self.columns):
            raise ValueError("one width per column is needed")
        for row in self.rows:
            if len(row) != len(self.columns):
                raise ValueError(f"row {row!r} does not have {len(self.columns)} cells")


@dataclass(frozen=True, slots=True)
class Block:
    """One paragraph-level unit of a document."""

    kind: BlockKind
    text: str = ""
    table: TableView | None = None
    outline: bool = False
    image: bytes | None = None
    chart: ChartSpec | None = None
    image_width_mm: int = 150
    indent_right: float | None = None
    """A 落款 line (signature, date): its end's distance from the right margin, in body
    characters (None: the style's 右空二字)."""
    indent_left: float | None = None
    """A 落款 line set from the left instead: its first character's distance from the left
    margin, in body characters (the unsealed date, placed by its first character)."""


@dataclass(frozen=True, slots=True)
class DocumentView:
    """A document ready to render: title area, blocks, and its core properties."""

    title: str
    subtitle: str
    blocks: tuple[Block, ...]
    author: str
    document_date: date
    subject: str = ""
    keywords: tuple[str, ...] = field(default_factory=tuple)
    kind: str = ""
    """The document kind (and so the default template); set by the kind's declaration."""

    def texts(self) -> list[str]:
        """Every text the document shows, in order (title, blocks, table cells)."""
        out = [self.title, self.subtitle]
        for block in self.blocks:
            out.append(block.text)
            if block.table is not None:
                out.extend(block.table.columns)
                out.extend(cell for row in block.table.rows for cell in row)
        return [t for t in out if t]
