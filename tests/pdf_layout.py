"""Measure the typeset pages of a dossier PDF with pdfplumber: body lines, tables, titles.

Positions are in PDF points from the top of the page. LibreOffice embeds the CJK fonts without
a usable descent, so pdfplumber's ``bottom`` of a character is its baseline.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path
from typing import Any

import pdfplumber

MM = 72 / 25.4
TOP, BOTTOM = 37.01 * MM, 262.0 * MM  # the GB/T 9704 type area
LEFT, RIGHT = 28.01 * MM, 184.01 * MM
PITCH = 28.95  # points from one body baseline to the next
FIRST_BASELINE = 45.33 * MM  # the first row's baseline (80 % down a 28.95 pt line)
COLUMN = 15.75  # points: one character of 16 pt body text at −0.25 pt spacing
BODY_SIZE, TITLE_SIZE = 16.0, 22.0
CELL_MARGINS = 8.5  # points: the table style's left and right cell margins
CLOSING = set("、，。；：！？）》」』】〕…％%‰")
"""Marks that never begin a line (closing punctuation, and units that belong to a number)."""
DATE = re.compile(r"\d{4}年\d{1,2}月\d{1,2}日")
HEADING_FONTS = ("NotoSansCJK", "FandolKai")  # 黑体 一、 headings, 楷体 （一） headings


@dataclass
class Line:
    """One line of text: characters on one baseline, in one cell or outside tables."""

    baseline: float
    x0: float
    x1: float
    text: str
    size: float
    font: str
    advances: tuple[float, ...] = ()

    @property
    def is_heading(self) -> bool:
        """Set in a heading face at body size (h1 黑体, h2 楷体)."""
        return abs(self.size - BODY_SIZE) < 0.5 and any(f in self.font for f in HEADING_FONTS)

    @property
    def is_caption(self) -> bool:
        """A 四号 黑体 table or figure caption (表1 …, 图1 …)."""
        return abs(self.size - 14.0) < 0.5 and re.match(r"[表图]\d", self.text) is not None

    @property
    def is_label(self) -> bool:
        """A short line that ends with 「：」 and introduces what follows."""
        return self.text.endswith(("：", ":")) and self.x1 < RIGHT - COLUMN


@dataclass
class Fragment:
    """The part of one table on one page: its box and the (top, bottom) of each row."""

    top: float
    bottom: float
    rows: list[tuple[float, float]]
    first_row: tuple[str, ...]


@dataclass
class Page:
    """What one page holds: body lines (outside tables), table fragments, cell lines, images."""

    number: int
    landscape: bool
    lines: list[Line] = field(default_factory=list)
    fragments: list[Fragment] = field(default_factory=list)
    cells: list[tuple[float, list[Line]]] = field(default_factory=list)
    """(inner width, lines) of each table cell."""
    images: list[tuple[float, float]] = field(default_factory=list)
    footer: str = ""

    @property
    def body(self) -> list[Line]:
        """Lines inside the type area (not the page number)."""
        return [line for line in self.lines if line.baseline < BOTTOM + 2]

    @property
    def last_element_bottom(self) -> float:
        """Where the lowest table, figure or line of the page ends."""
        ends = [b for _, b in self.images] + [f.bottom for f in self.fragments]
        ends += [line.baseline for line in self.body]
        return max(ends, default=0.0)

    @property
    def text_only(self) -> bool:
        """Only body-size lines: no table, no figure, no title."""
        return (
            not self.fragments
            and not self.images
            and bool(self.body)
            and all(abs(line.size - BODY_SIZE) < 0.5 for line in self.body)
        )


def _lines(chars: list[dict[str, Any]]) -> list[Line]:
    """Group characters by baseline, left to right."""
    rows: dict[float, list[dict[str, Any]]] = {}
    for ch in chars:
        if not ch["text"].strip():
            continue
        key = round(ch["bottom"] * 2) / 2
        near = next((k for k in rows if abs(k - key) < 1.0), key)
        rows.setdefault(near, []).append(ch)
    out = []
    for baseline, group in sorted(rows.items()):
        group.sort(key=lambda c: c["x0"])
        main = max(group, key=lambda c: c["size"])
        out.append(
            Line(
                baseline=baseline,
                x0=group[0]["x0"],
                x1=group[-1]["x1"],
                text="".join(c["text"] for c in group),
                size=round(main["size"], 1),
                font=str(main["fontname"]),
                advances=tuple(c["x1"] - c["x0"] for c in group),
            )
        )
    return out


def _inside(ch: dict[str, Any], box: tuple[float, float, float, float]) -> bool:
    x = (ch["x0"] + ch["x1"]) / 2
    y = ch["bottom"] - ch["size"] * 0.4
    return box[0] <= x <= box[2] and box[1] <= y <= box[3]


def measure_page(page: Any) -> Page:
    """The layout of one pdfplumber page."""
    out = Page(number=page.page_number, landscape=page.width > page.height)
    chars = list(page.chars)
    boxes = []
    for table in page.find_tables():
        rows = [(r.bbox[1], r.bbox[3]) for r in table.rows]
        first = tuple((c or "").replace("\n", "") for c in (table.extract()[0] or []))
        out.fragments.append(Fragment(table.bbox[1], table.bbox[3], rows, first))
        boxes.append(table.bbox)
        for cell in (c for row in table.rows for c in row.cells if c is not None):
            inner = cell[2] - cell[0] - CELL_MARGINS
            out.cells.append((inner, _lines([ch for ch in chars if _inside(ch, cell)])))
    free = [ch for ch in chars if not any(_inside(ch, box) for box in boxes)]
    lines = _lines(free)
    out.lines = [line for line in lines if line.baseline < BOTTOM + 4]
    out.footer = "".join(line.text for line in lines if line.baseline >= BOTTOM + 4)
    out.images = [(img["top"], img["bottom"]) for img in page.images]
    return out


def measure(path: Path) -> list[Page]:
    """Every page of the PDF at ``path``."""
    with pdfplumber.open(path) as pdf:
        return [measure_page(page) for page in pdf.pages]


def is_title(line: Line) -> bool:
    """A line of a 2号 title (document, annex, cover)."""
    return abs(line.size - TITLE_SIZE) < 0.5


def starts_document(page: Page) -> bool:
    """Whether a document (or an annex with its own title) begins on this page."""
    return any(is_title(line) for line in page.body[:3]) or bool(
        page.body and re.fullmatch(r"附件\d+", page.body[0].text)
    )


def closing_lines(page: Page) -> list[Line]:
    """The 落款 and 附件说明 at the foot of a page: the trailing lines set off from the left
    margin (signature, date, the hanging lines of a 附件说明), a 附注 「（联系人：…）」, and the
    「附件：」 line they hang from; empty unless they hold a date or a 「附件：」."""
    run: list[Line] = []
    for line in reversed(page.body):
        if line.x0 > LEFT + 4.5 * COLUMN or (line.text.startswith("（") and "联系" in line.text):
            run.append(line)
            continue
        if line.text.startswith("附件："):
            run.append(line)
        break
    if not any(DATE.fullmatch(line.text) or line.text.startswith("附件：") for line in run):
        return []
    return list(reversed(run))


def page_of_only_closing(page: Page) -> bool:
    """A page whose body is a 落款 or 附件说明 with fewer than two lines of text above it."""
    closing = closing_lines(page)
    if not closing or page.fragments or page.images:
        return False
    return len(page.body) - len(closing) < 2


def title_blocks(page: Page) -> list[list[Line]]:
    """Consecutive 2号 title lines, one list per title."""
    blocks: list[list[Line]] = []
    previous: Line | None = None
    for line in page.body:
        if is_title(line):
            if (
                previous is not None
                and is_title(previous)
                and line.baseline - previous.baseline < 40
            ):
                blocks[-1].append(line)
            else:
                blocks.append([line])
        previous = line
    return blocks


def first_char_faults(lines: list[Line]) -> list[str]:
    """Lines that begin with a closing punctuation mark or a unit."""
    return [line.text for line in lines if line.text[0] in CLOSING]


_NUMBER_END = re.compile(r"([（(]?\d+[.．]?\d*)$")
_NUMBER_START = re.compile(r"^(?:[\d.．]*\d[年月日%‰]?|[%‰])[）)]?")
_DATE_START = re.compile(r"^[年月日][）)]?")


def split_numbers(lines: list[Line], room: float = RIGHT - LEFT, dates: bool = False) -> list[str]:
    """Consecutive lines of one paragraph or cell where a number runs over the break although
    the whole of it would fit in a line of ``room`` points: 「1.」 / 「4」, 「58」 / 「%」, and
    with ``dates`` (table cells) a number and its 年, 月 or 日 (「2025年3」 / 「月10日」)."""
    out = []
    for a, b in pairwise(lines):
        if not (0 < b.baseline - a.baseline < PITCH + 1 and abs(a.size - b.size) < 0.5):
            continue
        end = _NUMBER_END.search(a.text)
        start = _NUMBER_START.match(b.text) or (_DATE_START.match(b.text) if dates else None)
        if end is None or start is None:
            continue
        width = sum(a.advances[len(a.text) - len(end.group(1)) :]) + sum(
            b.advances[: len(start.group(0))]
        )
        if width <= room:
            out.append(f"{a.text} / {b.text}")
    return out


def toc_faults(page: Page) -> list[str]:
    """目录 lines whose text (less the dot leader and the folio) is shorter than three
    characters: a title wrapped with one or two characters left over."""
    out = []
    for line in page.body[1:]:
        text = re.sub(r"[.·…]*\d*$", "", line.text)
        if len(text) < 3:
            out.append(f"{line.text}")
    return out


def slot(line: Line) -> float:
    """The grid row (0 … 21) of a body line's baseline."""
    return (line.baseline - FIRST_BASELINE) / PITCH


def grid_faults(page: Page) -> list[str]:
    """Body lines of a text-only page off the 28.95 pt grid or outside its 22 rows."""
    return [
        f"line off the grid at {line.baseline:.1f} pt: {line.text}"
        for line in page.body
        if abs(slot(line) - round(slot(line))) > 0.05 or not 0 <= round(slot(line)) < 22
    ]


def full_line_lengths(pages: list[Page]) -> list[int]:
    """Characters on each full line of CJK text (flush with both margins, no Latin letters or
    digits, whose column widths differ)."""
    out = []
    for page in pages:
        if not page.text_only or page.landscape:
            continue
        for line in page.body:
            cjk = all(unicodedata.east_asian_width(c) in "WF" for c in line.text)
            if cjk and abs(line.x0 - LEFT) < 1 and line.x1 > RIGHT - 2:
                out.append(len(line.text))
    return out


def stranded_headings(pages: list[Page]) -> list[str]:
    """Headings and labels that end a page whose document goes on on the next page."""
    out = []
    for page, after in pairwise(pages):
        if not page.body or starts_document(after) or page.landscape:
            continue
        last = page.body[-1]
        if last.baseline < page.last_element_bottom - 1:
            continue  # a table or figure follows it on the page
        if last.is_heading or last.is_label or (last.is_caption and last.text.startswith("表")):
            out.append(f"p.{page.number}: {last.text}")
    for page, after in pairwise(pages):
        first = after.body[0] if after.body else None
        figure_caption = first is not None and first.is_caption and first.text.startswith("图")
        alone = first is not None and (not after.images or after.images[0][0] > first.baseline)
        if page.images and figure_caption and alone and first is not None:
            out.append(f"p.{after.number}: {first.text} (its figure is on p.{page.number})")
    return out


def lonely_rows(pages: list[Page]) -> list[str]:
    """Table fragments on either side of a page break that hold a single body row (a
    continued fragment repeats the header row, which does not count)."""
    out = []
    for page, after in pairwise(pages):
        if not page.fragments or not after.fragments:
            continue
        tail, head = page.fragments[-1], after.fragments[0]
        if tail.bottom < page.last_element_bottom - 1 or (
            after.body and after.body[0].baseline < head.top
        ):
            continue  # the table ends on the page, or the next page starts with text
        continued = head.first_row == page.fragments[-1].first_row
        if not continued:
            continue
        if len(tail.rows) - 1 < 2:
            out.append(f"p.{page.number}: a table breaks after {len(tail.rows) - 1} row(s)")
        if len(head.rows) - 1 < 2:
            out.append(f"p.{after.number}: a table goes on with {len(head.rows) - 1} row(s)")
    return out


def is_contents(page: Page) -> bool:
    """A page of the 目录 (its title 「目　　录」 reads 「目录」 in the text)."""
    return bool(page.body) and page.body[0].text == "目录"


def report(pages: list[Page]) -> dict[str, list[str]]:
    """Every fault of the rules above, by rule, on the portrait pages (the bound workbooks,
    printed landscape, are measured elsewhere)."""
    portrait = [page for page in pages if not page.landscape]
    faults: dict[str, list[str]] = {
        "stranded": stranded_headings(portrait),
        "closing_alone": [
            f"p.{p.number}" for p in portrait if p.footer and page_of_only_closing(p)
        ],
        "short_title_line": [],
        "closing_punct": [],
        "split_number": [],
        "lonely_row": lonely_rows(portrait),
        "grid": [],
    }
    for page in portrait:
        for block in title_blocks(page):
            if len(block) > 1:
                faults["short_title_line"] += [
                    f"p.{page.number}: {line.text}" for line in block if len(line.text) < 3
                ]
        if is_contents(page):
            faults["short_title_line"] += [f"p.{page.number}: {t}" for t in toc_faults(page)]
        blocks = [(RIGHT - LEFT, page.body, False)] + [(r, c, True) for r, c in page.cells]
        for room, lines, cell in blocks:
            faults["closing_punct"] += [f"p.{page.number}: {t}" for t in first_char_faults(lines)]
            faults["split_number"] += [
                f"p.{page.number}: {t}" for t in split_numbers(lines, room, dates=cell)
            ]
        if page.text_only:
            faults["grid"] += [f"p.{page.number}: {t}" for t in grid_faults(page)]
    return faults
