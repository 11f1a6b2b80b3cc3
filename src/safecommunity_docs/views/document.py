"""The shape every document view shares: a title area and a flat list of typed blocks.

A renderer maps each block kind to a style (GB/T 9704 in the Word templates); it never formats
text itself: numbers, dates and heading numbers are already in ``text``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from .cells import chinese_punctuation, tidy_cells
from .chart import ChartSpec
from .widths import LANDSCAPE_BUDGET, PORTRAIT_BUDGET, display_width, fit_widths, needs_landscape

__all__ = ["Block", "BlockKind", "DocumentView", "TableView", "display_width", "fit_widths"]

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
    "section",  # a new section starts here, text "landscape" or "portrait" (its orientation)
    "cover_line",  # the cover's 申报单位/日期 lines: 仿宋, label then value, flush left
]


@dataclass(frozen=True, slots=True)
class TableView:
    """A table: header row, body rows of text, relative column widths, merged cells.

    ``merge_down`` lists (row, column, rows) spans: the body cell at (row, column) spans that
    many rows downwards (row and column are 0-based body indices). ``landscape`` puts the table
    on landscape pages (True), keeps it portrait (False) or decides from its content (None: when
    its minimum widths exceed the portrait type area, see :func:`.widths.needs_landscape`).
    Cells are tidied on construction: full-width brackets and colons in Chinese, one number
    format per column (see :mod:`.cells`).
    """

    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[int, ...] = ()
    align: tuple[Literal["left", "center", "right"], ...] = ()
    merge_down: tuple[tuple[int, int, int], ...] = ()
    total_row: bool = False
    landscape: bool | None = None

    @property
    def is_landscape(self) -> bool:
        """Whether the table is set on landscape pages."""
        if self.landscape is None:
            return needs_landscape(self.columns, self.rows, fitted=not self.widths)
        return self.landscape

    @property
    def column_widths(self) -> tuple[int, ...]:
        """The widths given, else widths fitted to the content and the page (see
        :func:`.widths.fit_widths`)."""
        budget = LANDSCAPE_BUDGET if self.is_landscape else PORTRAIT_BUDGET
        return self.widths or fit_widths(self.columns, self.rows, budget)

    def __post_init__(self) -> None:
        if self.widths and len(self.widths) != len(self.columns):
            raise ValueError("one width per column is needed")
        for row in self.rows:
            if len(row) != len(self.columns):
                raise ValueError(f"row {row!r} does not have {len(self.columns)} cells")
        columns = tuple(chinese_punctuation(c) for c in self.columns)
        object.__setattr__(self, "columns", columns)
        object.__setattr__(self, "rows", tidy_cells(columns, self.rows))


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
    document_date: date | None
    """The 成文日期 (the file's created and modified dates); None for an undated document:
    the template's own dates are kept."""
    subject: str = ""
    keywords: tuple[str, ...] = field(default_factory=tuple)
    kind: str = ""
    """The document kind (and so the default template); set by the kind's declaration."""
    language: str = "zh-CN"
    """The document's language (its core properties say so)."""

    def texts(self) -> list[str]:
        """Every text the document shows, in order (title, blocks, table cells)."""
        out = [self.title, self.subtitle]
        for block in self.blocks:
            out.append(block.text)
            if block.table is not None:
                out.extend(block.table.columns)
                out.extend(cell for row in block.table.rows for cell in row)
        return [t for t in out if t]
