"""Tables for Word documents: a TableView becomes GB/T-styled table XML (header row repeated),
followed by one blank line of the body grid."""

from __future__ import annotations

from xml.sax.saxutils import escape

from ...models.base import normalise_text
from ...views.document import TableView
from ...views.format import nobreak
from .ooxml import TABLE_STYLE

TYPE_AREA_TWIPS = 8844  # 156 mm: the width of the GB/T 9704 type area
LANDSCAPE_TWIPS = 12756  # 225 mm: the type area of a landscape page (the same area, turned)
SPACE_AFTER = '<w:p><w:pPr><w:pStyle w:val="GWPlain"/></w:pPr></w:p>'
"""The blank line after every table: one row of the 22-line grid."""
_JC = {"left": "left", "center": "center", "right": "right"}


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
    """The cell text, its dates and numbers with units kept on one line."""
    return f'<w:r><w:t xml:space="preserve">{text_xml(nobreak(text))}</w:t></w:r>' if text else ""


def _cell(text: str, width: int, style: str, jc: str, merge: str | None) -> str:
    vmerge = (
        ""
        if merge is None
        else ('<w:vMerge w:val="restart"/>' if merge == "restart" else "<w:vMerge/>")
    )
    return (
        f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{vmerge}'
        '<w:vAlign w:val="center"/></w:tcPr>'
        f'<w:p><w:pPr><w:pStyle w:val="{style}"/><w:jc w:val="{jc}"/></w:pPr>'
        f"{_runs(text if merge != 'continue' else '')}</w:p></w:tc>"
    )


def table_xml(view: TableView) -> RawXml:
    """Return the ``w:tbl`` XML of ``view``: fixed column widths over the type area (of a
    landscape page for a landscape table), a repeated header row, rows that do not split across
    pages, vertical merges, a bold total row; then a blank line."""
    area = LANDSCAPE_TWIPS if view.is_landscape else TYPE_AREA_TWIPS
    twips = column_twips(view.column_widths, area)
    aligns = [_JC[a] for a in view.align] if view.align else ["left"] * len(view.columns)
    merges: dict[tuple[int, int], str] = {}
    for r, c, span in view.merge_down:
        if span > 1:
            merges[(r, c)] = "restart"
            for k in range(1, span):
                merges[(r + k, c)] = "continue"
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in twips)
    head = "".join(
        _cell(text, w, "GWTableHead", "center", None)
        for text, w in zip(view.columns, twips, strict=True)
    )
    rows = [f"<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>{head}</w:tr>"]
    for r, row in enumerate(view.rows):
        style = "GWTableHead" if view.total_row and r == len(view.rows) - 1 else "GWTableText"
        cells = "".join(
            _cell(text, w, style, aligns[c], merges.get((r, c)))
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
