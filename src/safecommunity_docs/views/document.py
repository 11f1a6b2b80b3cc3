"""The shape every document view shares: a title area and a flat list of typed blocks.

A renderer maps each block kind to a style (GB/T 9704 in the Word templates); it never formats
text itself: numbers, dates and heading numbers are already in ``text``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

BlockKind = Literal[
    "h1",  # 一、 黑体
    "h2",  # （一） 楷体
    "h3",  # 1. 仿宋
    "h4",  # （1） 仿宋
    "p",  # body paragraph, two-character first-line indent
    "plain",  # body text without first-line indent (lists of names, 附件说明 continuation)
    "caption",  # table or figure caption, centred
    "table",
    "signature",  # issuing body, right-aligned (右空二字)
    "date",  # date line, right-aligned under the signature
    "annex_label",  # 「附件1」 黑体, flush left, starts a new page
    "annex_title",  # annex title, centred like the document title
    "blank",  # an empty line (one of the 22 rows)
]


@dataclass(frozen=True, slots=True)
class TableView:
    """A table: header row, body rows of text, relative column widths, merged cells.

    ``merge_down`` lists (row, column, rows) spans: the body cell at (row, column) spans that
    many rows downwards (row and column are 0-based body indices).
    """

    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[int, ...]
    align: tuple[Literal["left", "center", "right"], ...] = ()
    merge_down: tuple[tuple[int, int, int], ...] = ()
    total_row: bool = False

    def __post_init__(self) -> None:
        if len(self.widths) != len(self.columns):
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


@dataclass(frozen=True, slots=True)
class DocumentView:
    """A document ready to render: title area, blocks, and its core properties."""

    kind: str
    title: str
    subtitle: str
    blocks: tuple[Block, ...]
    author: str
    document_date: date
    subject: str = ""
    keywords: tuple[str, ...] = field(default_factory=tuple)

    def texts(self) -> list[str]:
        """Every text the document shows, in order (title, blocks, table cells)."""
        out = [self.title, self.subtitle]
        for block in self.blocks:
            out.append(block.text)
            if block.table is not None:
                out.extend(block.table.columns)
                out.extend(cell for row in block.table.rows for cell in row)
        return [t for t in out if t]
