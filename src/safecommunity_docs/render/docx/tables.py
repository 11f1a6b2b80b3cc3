"""Tables for Word documents: a TableView becomes GB/T-styled table XML (header row repeated),
followed by one blank line of the body grid."""

from __future__ import annotations

from xml.sax.saxutils import escape

from ...models.base import normalise_text
from ...views.document import TableView
from ...views.linebreak import em_width, wrap
from ...views.rowlines import SAFETY_EM
from ...views.widths import LANDSCAPE_BUDGET, fit_widths
from .ooxml import TABLE_STYLE

TYPE_AREA_TWIPS = 8844  # 156 mm: the width of the GB/T 9704 type area
LANDSCAPE_TWIPS = 12756  # 225 mm: the type area of a landscape page (the same area, turned)
SPACE_AFTER = '<w:p><w:pPr><w:pStyle w:val="GWPlain"/></w:pPr></w:p>'
"""The blank line after every table: one row of the 22-line grid."""
_JC = {"left": "left", "center": "center", "right": "right"}
CELL_MARGINS = 170  # twips: the GWTable cell margins, 85 left and 85 right
CELL_EM = 240  # twips: one em of the 12 pt table text


class RawXml:
    """Table XML for the template: ``__html__`` tells Jinja's autoescape it is already safe.

    Only the library builds these, from escaped text; user text never reaches it unescaped.
    """

    def __init__(self, xml: str) -> None:
        self.xml = xml

    def __html__(self) -> str:
        return self.xml

    def __str__(self) -> str:
        return self.xml

    def __bool__(self) -> bool:
        return bool(self.xml)


def column_twips(widths: tuple[int, ...], area: int = TYPE_AREA_TWIPS) -> list[int]:
    """Split the type area (``area`` twips wide) in proportion to ``widths``; the parts add up
    exactly."""
    total = sum(widths)
    out = [area * w // total for w in widths]
    out[-1] += area - sum(out)
    return out


_BRACES = str.maketrans({"{": "&#123;", "}": "&#125;", "%": "&#37;"})


def text_xml(value: str) -> str:
    """User text as the content of a ``w:t``: normalised for XML, escaped, braces and percent
    signs as character references (docxtpl rewrites ``{_{`` and friends in the rendered XML),
    line breaks and tabs as ``w:br`` / ``w:tab`` between text elements."""
    clean, _ = normalise_text(value)
    escaped = escape(clean).translate(_BRACES)
    escaped = escaped.replace("\n", '</w:t><w:br/><w:t xml:space="preserve">')
    return escaped.replace("\t", '</w:t><w:tab/><w:t xml:space="preserve">')


def _runs(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text_xml(text)}</w:t></w:r>' if text else ""


def cell_text(text: str, width: int) -> str:
    """Cell text with line breaks between whole words, dates and numbers with their units,
    for a column ``width`` twips wide (LibreOffice breaks 「58 / %」 and 「2025年3 / 月10日」).
    Text whose every line fits the column is left as it is (a short header never wraps)."""
    room = (width - CELL_MARGINS) / CELL_EM
    if all(em_width(line) <= room for line in text.split("\n")):
        return text
    return wrap(text, room - SAFETY_EM)


def _cell(text: str, width: int, style: str, jc: str, merge: str | None, keep: bool) -> str:
    vmerge = (
        ""
        if merge is None
        else ('<w:vMerge w:val="restart"/>' if merge == "restart" else "<w:vMerge/>")
    )
    keep_next = "<w:keepNext/>" if keep else ""
    return (
        f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{vmerge}'
        '<w:vAlign w:val="center"/></w:tcPr>'
        f'<w:p><w:pPr><w:pStyle w:val="{style}"/>{keep_next}<w:jc w:val="{jc}"/></w:pPr>'
        f"{_runs(cell_text(text, width) if merge != 'continue' else '')}</w:p></w:tc>"
    )


def kept_rows(view: TableView, keep_with_next: bool = False) -> list[bool]:
    """For each body row, whether it stays on the page of the next row (keepNext on its
    paragraphs, which LibreOffice honours row by row): the first row, so a table starts with
    two rows under its header; the last row but one, so it never ends with one row alone on a
    page; the rows of a vertical merge but its last; the last row when ``keep_with_next``."""
    n = len(view.rows)
    keep = [r == 0 or r == n - 2 for r in range(n)]
    for r, _, span in view.merge_down:
        for k in range(r, min(r + span - 1, n)):
            keep[k] = True
    if n:
        keep[-1] = keep_with_next
    return keep


def table_xml(view: TableView, keep_with_next: bool = False, landscape: bool = False) -> RawXml:
    """Return the ``w:tbl`` XML of ``view``: fixed column widths over the type area (of a
    landscape page for a landscape table), a repeated header row, rows that do not split across
    pages, at least two rows on either side of a page break (:func:`kept_rows`), vertical
    merges, a bold total row, then a blank line; ``keep_with_next`` keeps the last row with the
    paragraph after the table; ``landscape`` says the table stands on a landscape page (any
    table of a landscape section spans its wider type area)."""
    area = LANDSCAPE_TWIPS if landscape or view.is_landscape else TYPE_AREA_TWIPS
    widths = view.column_widths
    if landscape and not view.widths and not view.is_landscape:  # fitted to the wider page
        widths = fit_widths(view.columns, view.rows, LANDSCAPE_BUDGET)
    twips = column_twips(widths, area)
    aligns = [_JC[a] for a in view.align] if view.align else ["left"] * len(view.columns)
    merges: dict[tuple[int, int], str] = {}
    for r, c, span in view.merge_down:
        if span > 1:
            merges[(r, c)] = "restart"
            for k in range(1, span):
                merges[(r + k, c)] = "continue"
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in twips)
    head = "".join(
        _cell(text, w, "GWTableHead", "center", None, True)
        for text, w in zip(view.columns, twips, strict=True)
    )
    keeps = kept_rows(view, keep_with_next)
    rows = [f"<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>{head}</w:tr>"]
    for r, row in enumerate(view.rows):
        style = "GWTableHead" if view.total_row and r == len(view.rows) - 1 else "GWTableText"
        cells = "".join(
            _cell(text, w, style, aligns[c], merges.get((r, c)), keeps[r])
            for c, (text, w) in enumerate(zip(row, twips, strict=True))
        )
        rows.append(f"<w:tr><w:trPr><w:cantSplit/></w:trPr>{cells}</w:tr>")
    return RawXml(
        f'<w:tbl><w:tblPr><w:tblStyle w:val="{TABLE_STYLE}"/><w:tblW w:w="{sum(twips)}" '
        'w:type="dxa"/><w:jc w:val="center"/><w:tblLayout w:type="fixed"/>'
        '<w:tblLook w:val="0420" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" '
        'w:noHBand="0" w:noVBand="1"/></w:tblPr>'
        f"<w:tblGrid>{grid}</w:tblGrid>{''.join(rows)}</w:tbl>{SPACE_AFTER}"
    )
