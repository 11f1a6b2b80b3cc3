"""Landscape sections for wide tables: section breaks built from the template's own section.

A view marks where a section of another orientation starts (``Block("section", "landscape")``
… ``Block("section", "portrait")``). Each mark becomes a small paragraph carrying the
``w:sectPr`` of the section it ends: a copy of the template's section (its footer, hence the
page numbers, its grid), for a landscape section turned on its side with the margins rotated
with the page (the portrait left edge becomes the top, GB/T 9704's 表头在订口一边 for a
right-hand page), so the type area is the same 156 × 225 mm, and the page number stays as far
below the type area as on portrait pages. Page numbers run on across sections.
"""

from __future__ import annotations

import copy

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_RESTARTS = ("titlePg",)
"""Children of a section that restart something on its first page; later sections drop them."""


def _qn(tag: str) -> str:
    return f"{{{W}}}{tag}"


def _set(element: etree._Element, name: str, value: int | str) -> None:
    element.set(_qn(name), str(value))


def _int(element: etree._Element, name: str, default: int) -> int:
    value = element.get(_qn(name))
    return int(value) if value is not None and value.lstrip("-").isdigit() else default


def continued(section: etree._Element) -> etree._Element:
    """A copy of ``section`` for a later section: its page numbers run on (no restart) and its
    first page is like the others."""
    out = copy.deepcopy(section)
    for child in list(out):
        name = etree.QName(child).localname
        if name in _RESTARTS:
            out.remove(child)
        elif name == "pgNumType" and child.get(_qn("start")) is not None:
            del child.attrib[_qn("start")]
    return out


def turned(section: etree._Element) -> etree._Element:
    """``section`` as a landscape section: page size swapped, margins rotated with the page
    (top ← left, right ← top, bottom ← right, left ← bottom), the footer as far below the type
    area as before."""
    out = continued(section)
    size = out.find(_qn("pgSz"))
    if size is None:
        size = etree.SubElement(out, _qn("pgSz"))
    width, height = _int(size, "w", 11906), _int(size, "h", 16838)
    _set(size, "w", max(width, height))
    _set(size, "h", min(width, height))
    _set(size, "orient", "landscape")
    margins = out.find(_qn("pgMar"))
    if margins is not None:
        top, right = _int(margins, "top", 1440), _int(margins, "right", 1440)
        bottom, left = _int(margins, "bottom", 1440), _int(margins, "left", 1440)
        footer = _int(margins, "footer", 720)
        _set(margins, "top", left)
        _set(margins, "right", top)
        _set(margins, "bottom", right)
        _set(margins, "left", bottom)
        _set(margins, "footer", max(right - (bottom - footer), 0))
    return out


def portrait(section: etree._Element) -> etree._Element:
    """``section`` as a portrait section (the template's own pages)."""
    out = copy.deepcopy(section)
    size = out.find(_qn("pgSz"))
    if size is not None and size.get(_qn("orient")) == "landscape":
        return turned(out)  # a landscape template turned the other way round
    return out


_FLAT = (
    '<w:snapToGrid w:val="0"/><w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/>'
)
_TINY = '<w:rPr><w:sz w:val="2"/><w:szCs w:val="2"/></w:rPr>'


def break_xml(section: etree._Element, ending: str, first: bool) -> str:
    """A paragraph of (almost) no height that ends a section of orientation ``ending`` with
    the template's ``section``; ``first`` when it ends the document's first section. Another
    such paragraph opens the next section: LibreOffice (7.4) ignores ``keepNext`` on the first
    page of a section whose first paragraph keeps with the next (a heading then ends that
    page alone)."""
    shaped = turned(section) if ending == "landscape" else portrait(section)
    if not first:
        shaped = continued(shaped)
    xml = etree.tostring(shaped, encoding="unicode")
    return (
        f"<w:p><w:pPr>{_FLAT}{_TINY}{xml}</w:pPr></w:p>"
        f'<w:p><w:pPr><w:pStyle w:val="GWPlain"/>{_FLAT}{_TINY}</w:pPr></w:p>'
    )


def settle_last(section: etree._Element) -> None:
    """The document's last section when sections came before it: its page numbers run on."""
    fixed = continued(section)
    for child in list(section):
        section.remove(child)
    for child in fixed:
        section.append(child)
