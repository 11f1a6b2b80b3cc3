"""Measure printed pages with pdfplumber: text boxes that overprint, the smallest type."""

from __future__ import annotations

import io
from collections.abc import Iterator
from contextlib import contextmanager

import pdfplumber
from pdfplumber.page import Page
from pdfplumber.pdf import PDF

TOLERANCE = 0.5
"""Boxes touching by less than this (pt) do not count as overlapping (glyph boxes abut)."""


@contextmanager
def opened(pdf: bytes) -> Iterator[PDF]:
    """The PDF ``pdf`` opened with pdfplumber."""
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        yield document


def overlapping_words(page: Page) -> list[tuple[str, str]]:
    """Pairs of words of ``page`` whose boxes intersect: text printed over text."""
    words = page.extract_words(keep_blank_chars=False, use_text_flow=False)
    pairs = []
    for i, a in enumerate(words):
        for b in words[i + 1 :]:
            if (
                a["x0"] < b["x1"] - TOLERANCE
                and b["x0"] < a["x1"] - TOLERANCE
                and a["top"] < b["bottom"] - TOLERANCE
                and b["top"] < a["bottom"] - TOLERANCE
            ):
                pairs.append((a["text"], b["text"]))
    return pairs


def smallest_type(page: Page) -> float:
    """The smallest type size (pt) of the visible characters of ``page``."""
    return min((float(c["size"]) for c in page.chars if c["text"].strip()), default=99.0)


def texts_at(page: Page, start: str, lines: int = 6) -> list[str]:
    """For each place ``start`` is printed, the text (whitespace removed) from there to the
    right edge of the page over ``lines`` lines of its height: what one cell shows, however
    it wraps."""
    found = []
    for match in page.search(start, regex=False):
        height = (match["bottom"] - match["top"]) * 1.5
        box = (match["x0"] - 1, match["top"] - 1, page.width, match["top"] + lines * height)
        found.append("".join((page.crop(box).extract_text() or "").split()))
    return found
