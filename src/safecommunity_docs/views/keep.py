"""Which blocks stay on the page of the block after them (the keep-together model).

A renderer writes a kept block so that no page break falls between it and the next block
(Word's and LibreOffice's 「与下段同页」), and a kept table so that its last row goes with what
follows. The rules:

- headings (一、（一）1.（1）), annex labels and annex titles keep with what follows;
- a label, body text ending in 「：」, keeps with what it introduces;
- a caption above a table or a figure keeps with it; a figure keeps with its caption below;
- the 落款 and 附件说明 of a document (signature, date, annex note, and what lies between and
  after them) keep together and with at least two lines of the body text before them, so no
  page holds only the 落款 or only the 附件说明.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from .document import Block

ALWAYS = frozenset({"h1", "h2", "h3", "h4", "annex_label", "annex_title"})
CLOSING = frozenset({"signature", "date", "annex_note"})
BODY = frozenset({"p", "plain"})
STRUCTURE = frozenset({"h1", "h2", "h3", "h4", "caption", "table", "figure", "annex_title", "toc"})
"""Blocks that end a closing group when they follow it (the group is the document's end)."""
LINE_CHARS = 28
"""Characters of a full body line (the 22 × 28 grid)."""
CLOSING_BODY_LINES = 2
"""Lines of body text that go with the 落款 onto its page."""


def is_label(block: Block) -> bool:
    """Body text that ends in 「：」 and so introduces what follows."""
    return block.kind in BODY and block.text.rstrip().endswith(("：", ":"))


def body_lines(block: Block) -> int:
    """Lines a body block takes at 28 characters a line (its first line indented two)."""
    return sum(max(1, -(-(len(part) + 2) // LINE_CHARS)) for part in block.text.split("\n"))


def _sections(blocks: Sequence[Block]) -> list[tuple[int, int]]:
    """(start, end) of each run of blocks between annex labels (each annex begins a page)."""
    starts = [0] + [i for i, b in enumerate(blocks) if b.kind == "annex_label" and i > 0]
    ends = [*starts[1:], len(blocks)]
    return list(zip(starts, ends, strict=True))


def _closing_start(blocks: Sequence[Block], start: int, end: int) -> int | None:
    """The first block of the section's closing group: the earliest signature, date or annex
    note after which only body text, blanks and further closing blocks follow."""
    first = None
    for i in range(end - 1, start - 1, -1):
        kind = blocks[i].kind
        if kind in STRUCTURE:
            break
        if kind in CLOSING:
            first = i
    return first


def keep_with_next(blocks: Sequence[Block]) -> tuple[bool, ...]:
    """For each block, whether it must stay on the page of the block after it."""
    keep = [False] * len(blocks)
    for i, (block, after) in enumerate(pairwise(blocks)):
        keep[i] = (
            block.kind in ALWAYS
            or is_label(block)
            or (block.kind == "caption" and after.kind in ("table", "figure"))
            or (block.kind == "figure" and after.kind == "caption")
        )
    for start, end in _sections(blocks):
        first = _closing_start(blocks, start, end)
        if first is None:
            continue
        for i in range(first, end - 1):
            keep[i] = True
        lines = 0
        for i in range(first - 1, start - 1, -1):
            kind = blocks[i].kind
            if lines >= CLOSING_BODY_LINES or kind not in BODY | {"blank", "table"}:
                break
            keep[i] = True
            if kind == "table":
                break  # its last rows go with the 落款
            if kind in BODY:
                lines += body_lines(blocks[i])
    return tuple(keep)


__all__ = ["body_lines", "is_label", "keep_with_next"]
