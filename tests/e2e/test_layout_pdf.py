"""The typesetting of every example's dossier.pdf, measured on its pages with pdfplumber.

A reviewer pages through the dossier: no heading, label or table caption ends a page, no page
holds only the 落款 or the 附件说明, titles and 目录 entries break at word boundaries, no line
starts with closing punctuation, numbers stay whole, tables break with two rows or more on each
side, and the 22 × 28 grid still holds on full pages. See tests/pdf_layout.py for the meter.
"""

from __future__ import annotations

from collections import Counter
from itertools import pairwise
from pathlib import Path

import pytest

from safecommunity_docs.build import BuildResult
from safecommunity_docs.models import Dossier
from tests.pdf_layout import (
    Page,
    full_line_lengths,
    measure,
    report,
    slot,
    starts_document,
    title_blocks,
)

pytestmark = pytest.mark.libreoffice

_MEASURED: dict[Path, tuple[list[Page], dict[str, list[str]]]] = {}


def _measured(built: tuple[Dossier, BuildResult, Path]) -> tuple[list[Page], dict[str, list[str]]]:
    """The measured pages of the example's dossier.pdf and its faults, once per example."""
    [merged] = [o for o in built[1].outputs if o.kind == "dossier"]
    if merged.path not in _MEASURED:
        pages = measure(merged.path)
        _MEASURED[merged.path] = (pages, report(pages))
    return _MEASURED[merged.path]


def test_the_meter_sees_the_pages(built: tuple[Dossier, BuildResult, Path]) -> None:
    """The rules below look at real content: body lines, titles, tables and closings."""
    pages, _ = _measured(built)
    portrait = [p for p in pages if not p.landscape]
    assert sum(len(p.body) for p in portrait) > 1000
    assert sum(len(p.fragments) for p in portrait) > 10
    assert sum(starts_document(p) for p in portrait) >= 8


def test_no_heading_label_or_caption_ends_a_page(built: tuple[Dossier, BuildResult, Path]) -> None:
    _, faults = _measured(built)
    assert faults["stranded"] == []


def test_no_page_holds_only_the_closing(built: tuple[Dossier, BuildResult, Path]) -> None:
    """At least two lines of body text share the page of a 落款 or a 附件说明."""
    _, faults = _measured(built)
    assert faults["closing_alone"] == []


def test_titles_and_contents_break_at_word_boundaries(
    built: tuple[Dossier, BuildResult, Path],
) -> None:
    """No line of a two-line title, and no wrapped 目录 line, has fewer than three characters."""
    pages, faults = _measured(built)
    assert faults["short_title_line"] == []
    assert any(len(block) > 1 for p in pages for block in title_blocks(p)), "a title is broken"


def test_no_line_starts_with_closing_punctuation(built: tuple[Dossier, BuildResult, Path]) -> None:
    _, faults = _measured(built)
    assert faults["closing_punct"] == []


def test_numbers_stay_whole(built: tuple[Dossier, BuildResult, Path]) -> None:
    """No indicator number or number with its unit (in cells also no date) is split by a line
    break where it would fit on one line."""
    _, faults = _measured(built)
    assert faults["split_number"] == []


def test_tables_break_with_two_rows_on_each_side(built: tuple[Dossier, BuildResult, Path]) -> None:
    pages, faults = _measured(built)
    assert faults["lonely_row"] == []
    continued = [
        after
        for page, after in pairwise(pages)
        if page.fragments
        and after.fragments
        and after.fragments[0].first_row == page.fragments[-1].first_row
    ]
    assert continued, "some table runs over a page break (the rule is exercised)"


def test_the_grid_holds_on_full_pages(built: tuple[Dossier, BuildResult, Path]) -> None:
    """Body lines sit on the 22 rows of 28.95 pt; a full text page ends on row 22; full lines
    of CJK text hold 28 characters (29 with a hanging 。)."""
    pages, faults = _measured(built)
    assert faults["grid"] == []
    last_rows = Counter(
        round(slot(page.body[-1]))
        for page, after in pairwise(pages)
        if page.text_only and not page.landscape and after.body and not starts_document(after)
    )
    assert last_rows.most_common(1)[0][0] == 21, last_rows
    lengths = Counter(full_line_lengths(pages))
    assert lengths.most_common(1)[0][0] == 28, lengths
    assert (lengths[28] + lengths[29]) / sum(lengths.values()) >= 0.85, lengths
