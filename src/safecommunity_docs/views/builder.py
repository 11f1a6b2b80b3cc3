"""Building a document view block by block: numbered headings, points, captioned tables."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from .chart import ChartSpec
from .document import Block, BlockKind, TableView
from .numbering import heading_number, point_prefix

SENTENCE_END = ("。", "！", "？", "；", "…", "：")
DEFAULT_POINT_STYLE = "1."
HEADING_KINDS: dict[int, BlockKind] = {1: "h1", 2: "h2", 3: "h3", 4: "h4"}
LEADING_KINDS = frozenset({"h1", "h2", "h3", "h4", "annex_label", "annex_title"})
"""Blocks that go with what follows them: a landscape section starts before them."""


def sentence(text: str) -> str:
    """Return ``text`` as a full sentence: a 。 is added unless it already ends one."""
    return text if text.endswith(SENTENCE_END) else text + "。"


class BlockBuilder:
    """Collects the blocks of one document; numbers headings (一、（一）…) and tables (表1 …)."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.tables = 0
        self.figures = 0
        self._h1 = 0
        self._h2 = 0
        self._landscape = False

    @property
    def next_table(self) -> int:
        """The number the next table's caption will carry."""
        return self.tables + 1

    def add(self, kind: BlockKind, text: str = "", *, outline: bool = False) -> None:
        """Add a block of ``kind`` as it is."""
        self.blocks.append(Block(kind, text, outline=outline))

    def p(self, text: str) -> None:
        """Add a body paragraph."""
        self.add("p", text)

    def paragraphs(self, texts: Sequence[str]) -> None:
        """Add one body paragraph per text."""
        for text in texts:
            self.p(text)

    def h1(self, title: str) -> None:
        """Add the next level-1 heading (一、…); level-2 numbering restarts under it."""
        self._h1 += 1
        self._h2 = 0
        self.add("h1", heading_number(1, self._h1) + title, outline=True)

    def h2(self, title: str) -> None:
        """Add the next level-2 heading (（一）…)."""
        self._h2 += 1
        self.add("h2", heading_number(2, self._h2) + title, outline=True)

    def heading(self, level: int, n: int, text: str) -> None:
        """Add heading number ``n`` at ``level``; below level 4 it becomes a ①-numbered
        paragraph."""
        if level in HEADING_KINDS:
            self.add(HEADING_KINDS[level], heading_number(level, n) + text, outline=level == 1)
        else:
            self.p(point_prefix("①", n) + text)

    def points(
        self, texts: Sequence[str], style: str | None = None, *, as_sentences: bool = False
    ) -> None:
        """Add enumerated points, one paragraph each, numbered in ``style`` (default 1.)."""
        for n, text in enumerate(texts, start=1):
            body = sentence(text) if as_sentences else text
            self.p(point_prefix(style or DEFAULT_POINT_STYLE, n) + body)

    def table(self, caption: str, table: TableView) -> None:
        """Add a caption numbered 表n and the table after it; a landscape table (see
        :attr:`TableView.is_landscape`) outside :meth:`landscape` gets a landscape section of
        its own, with the headings just before it."""
        self.tables += 1
        with self.landscape(table.is_landscape and not self._landscape, headings=True):
            self.add("caption", f"表{self.tables} {caption}")
            self.blocks.append(Block("table", table=table))

    def bare_table(self, table: TableView) -> None:
        """Add a table without a caption (its title is already above it), in a landscape
        section when it is a landscape table."""
        with self.landscape(table.is_landscape and not self._landscape, headings=True):
            self.blocks.append(Block("table", table=table))

    @contextmanager
    def landscape(self, wanted: bool = True, *, headings: bool = False) -> Iterator[None]:
        """Put the blocks added inside on landscape pages (when ``wanted``): a section of its
        own, or the one just closed before when only headings came between. ``headings`` takes
        the headings just before into the section, so none is left at the foot of a page."""
        if not wanted or self._landscape:
            yield
            return
        at = len(self.blocks)
        while headings and at and self.blocks[at - 1].kind in LEADING_KINDS:
            at -= 1
        if at and self.blocks[at - 1] == Block("section", "portrait"):
            del self.blocks[at - 1]  # the landscape section just closed goes on
        else:
            self.blocks.insert(at, Block("section", "landscape"))
        self._landscape = True
        try:
            yield
        finally:
            self._landscape = False
            self.blocks.append(Block("section", "portrait"))

    def figure(self, caption: str, content: ChartSpec | bytes, width_mm: int = 150) -> None:
        """Add a chart (drawn by the renderer) or a PNG, and its caption 图n below it."""
        self.figures += 1
        if isinstance(content, bytes):
            self.blocks.append(Block("figure", image=content, image_width_mm=width_mm))
        else:
            self.blocks.append(Block("figure", chart=content, image_width_mm=width_mm))
        self.add("caption", f"图{self.figures} {caption}")
