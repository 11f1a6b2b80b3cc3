"""Page numbers of a Word document that start at a given folio (its place in the dossier)."""

from __future__ import annotations

import io
import zipfile

from lxml import etree

from ..zipfix import replace_parts

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_AFTER_PGNUM = ("cols", "formProt", "vAlign", "noEndnote", "titlePg", "textDirection", "bidi")
"""Children of ``w:sectPr`` that follow ``w:pgNumType`` in the schema's order."""


def _qn(tag: str) -> str:
    return f"{{{W}}}{tag}"


def _swap_sides(root: etree._Element) -> None:
    """Swap every section's odd (default) and even header and footer.

    LibreOffice lays out a document's first page as a right-hand (odd) page whatever number
    it carries, and alternates from there; a part whose first folio is even then needs its
    footers swapped so that the folio still stands at the outer side (GB/T 9704 7.5).
    """
    rid = f"{{{R}}}id"
    for section in root.iter(_qn("sectPr")):
        for tag in ("headerReference", "footerReference"):
            refs = {ref.get(_qn("type")): ref for ref in section.findall(_qn(tag))}
            odd, even = refs.get("default"), refs.get("even")
            if odd is not None and even is not None:
                first, second = odd.get(rid), even.get(rid)
                if first is not None and second is not None:
                    odd.set(rid, second)
                    even.set(rid, first)


def number_from(docx: bytes, start: int) -> bytes:
    """Return ``docx`` with its first section's page numbers starting at ``start`` (the
    ``PAGE`` field of its footer then prints the folio of the page in the dossier); later
    sections continue the count unless they restart it themselves. From an even ``start``
    the odd and even footers are swapped (see :func:`_swap_sides`): the converted pages
    keep their folio at the outer side."""
    source = zipfile.ZipFile(io.BytesIO(docx))
    root = etree.fromstring(source.read("word/document.xml"))
    section = next(root.iter(_qn("sectPr")), None)
    if section is None:
        body = root.find(_qn("body"))
        if body is None:
            raise ValueError("the Word document has no body")
        section = etree.SubElement(body, _qn("sectPr"))
    number = section.find(_qn("pgNumType"))
    if number is None:
        number = etree.Element(_qn("pgNumType"))
        follower = next((c for c in section if etree.QName(c).localname in _AFTER_PGNUM), None)
        if follower is not None:
            follower.addprevious(number)
        else:
            section.append(number)
    number.set(_qn("start"), str(start))
    if start % 2 == 0:
        _swap_sides(root)
    xml = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return replace_parts(docx, {"word/document.xml": xml})
