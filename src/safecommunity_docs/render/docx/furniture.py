"""Page furniture (headers and footers) apart from the text: a Word document without its page
numbers, and a document of nothing but page numbers in the same furniture.

LibreOffice then lays out each part of the dossier once, without page numbers: the part's own
PDF gets the numbers 1, 2, 3 … and the dossier's copy its folios, both stamped from one
converted page-number document (``render/pdf/stamp.py``). The numbers land where the part's
own footer would print them: the same section geometry, the same footer paragraphs and
styles, and the same side of the page for the same number (GB/T 9704 7.5).

This holds only for furniture whose text is the ``PAGE`` field and fixed text in plain
paragraphs, and for sections that are the template's portrait section or that section turned
to landscape (``sections.py``); :func:`numbering_plan` returns None for anything else, and the
caller converts such a document with its page numbers, as before.
"""

from __future__ import annotations

import copy
import hashlib
import io
import re
import zipfile
from dataclasses import dataclass

from lxml import etree

from ..zipfix import replace_parts
from .sections import continued, portrait, turned

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_FURNITURE = re.compile(r"word/(header|footer)\d+\.xml")
_FURNITURE_REL = re.compile(r"<Relationship [^>]*relationships/(?:header|footer)\"[^>]*>")
"""A relationship that names a header or footer part (and its id)."""
_SHARED = ("word/styles.xml", "word/settings.xml", "word/fontTable.xml", "word/theme/theme1.xml")
"""Parts besides the furniture that shape how a footer looks."""
_PLAIN_RUN = {"rPr", "t", "tab", "fldChar", "instrText", "fldSimple"}
"""What a run of plain furniture may hold: text, tabs and fields."""
_SWITCHES = {"\\*", "MERGEFORMAT", "Arabic", "CHARFORMAT"}
"""Format switches a ``PAGE`` field may carry (Word adds ``\\* MERGEFORMAT``)."""
_DROPPED = ("pgNumType",)
"""Section children that differ between a part and its numbering without moving any text."""


def _qn(tag: str) -> str:
    return f"{{{W}}}{tag}"


def _local(element: etree._Element) -> str:
    return etree.QName(element).localname


@dataclass(frozen=True)
class NumberingPlan:
    """How a Word document's pages are numbered apart from it: ``bare`` is the document
    without page-number text; ``key`` names its furniture (documents with the same key share
    one page-number document, :func:`numbers_document`)."""

    bare: bytes
    key: str
    template: bytes
    """The document the page-number document is made from (its furniture and section)."""


def _page_field(words: list[str], partial: bool = False) -> bool:
    """Whether a field's instruction ``words`` are ``PAGE`` with at most format switches
    (``partial``: a piece of a complex field's instruction, which may also be empty)."""
    if not words:
        return partial
    return words[0] == "PAGE" and all(w in _SWITCHES for w in words[1:])


def _plain(part: etree._Element) -> bool:
    """Whether header or footer ``part`` is plain paragraphs of text and ``PAGE`` fields."""
    for child in part:
        if _local(child) not in ("p", "sectPr"):
            return False
        for node in child.iter():
            if not isinstance(node.tag, str):
                continue
            name = _local(node)
            if name == "r" and any(
                isinstance(c.tag, str) and _local(c) not in _PLAIN_RUN for c in node
            ):
                return False
            if name == "instrText" and not _page_field((node.text or "").split(), True):
                return False
            if name == "fldSimple" and not _page_field((node.get(_qn("instr")) or "").split()):
                return False
            if name in ("drawing", "pict", "object", "tbl", "sdt", "hyperlink"):
                return False
    return True


def _strip(part: etree._Element) -> None:
    """Remove the runs of every paragraph of ``part``; the paragraph mark takes the first
    run's character properties, so the empty paragraph keeps the height of its text."""
    for p in part.iter(_qn("p")):
        runs = [c for c in p if isinstance(c.tag, str) and _local(c) in ("r", "fldSimple")]
        if not runs:
            continue
        first = runs[0] if _local(runs[0]) == "r" else runs[0].find(_qn("r"))
        rpr = first.find(_qn("rPr")) if first is not None else None
        ppr = p.find(_qn("pPr"))
        if ppr is None:
            ppr = etree.Element(_qn("pPr"))
            p.insert(0, ppr)
        if rpr is not None and ppr.find(_qn("rPr")) is None:
            mark = copy.deepcopy(rpr)
            ppr.append(mark)
        for run in runs:
            p.remove(run)


def _shape(section: etree._Element) -> bytes:
    """``section`` without its page-number settings (they move no text)."""
    out = copy.deepcopy(section)
    for child in list(out):
        if _local(child) in _DROPPED:
            out.remove(child)
    return etree.tostring(out, method="c14n", exclusive=True)


def _xml(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def numbering_plan(docx: bytes) -> NumberingPlan | None:
    """The plan for numbering ``docx``'s pages apart from it, or None when its furniture or
    sections are not the plain kind this module can reproduce (see the module)."""
    try:
        source = zipfile.ZipFile(io.BytesIO(docx))
        root = etree.fromstring(source.read("word/document.xml"))
    except (zipfile.BadZipFile, KeyError, etree.XMLSyntaxError):
        return None
    body = root.find(_qn("body"))
    base = body.find(_qn("sectPr")) if body is not None else None
    if base is None:
        return None
    shapes = {_shape(portrait(base)), _shape(turned(base))}
    for section in root.iter(_qn("sectPr")):
        if section.find(_qn("titlePg")) is not None or _shape(section) not in shapes:
            return None
    names = set(source.namelist())
    digest = hashlib.sha256()
    replaced: dict[str, bytes] = {}
    for name in sorted(n for n in names if _FURNITURE.fullmatch(n)):
        data = source.read(name)
        part = etree.fromstring(data)
        if not _plain(part):
            return None
        digest.update(name.encode() + b"\0" + data + b"\0")
        _strip(part)
        replaced[name] = _xml(part)
    if not replaced:
        return None
    for name in _SHARED:
        if name in names:
            digest.update(name.encode() + b"\0" + source.read(name) + b"\0")
    if "word/_rels/document.xml.rels" in names:
        rels = source.read("word/_rels/document.xml.rels").decode("utf-8", "replace")
        digest.update("".join(sorted(_FURNITURE_REL.findall(rels))).encode())
    digest.update(_shape(portrait(base)))
    return NumberingPlan(replace_parts(docx, replaced), digest.hexdigest()[:16], docx)


def _numbered(section: etree._Element) -> etree._Element:
    """``section`` with its page numbers starting at 1."""
    out = continued(section)
    number = out.find(_qn("pgNumType"))
    if number is None:
        number = etree.Element(_qn("pgNumType"))
        margins = out.find(_qn("pgMar"))
        if margins is not None:
            margins.addnext(number)
        else:
            out.append(number)
    number.set(_qn("start"), "1")
    return out


def _pages(body: etree._Element, count: int, section: etree._Element | None) -> None:
    """Append ``count`` empty pages to ``body``, then a paragraph ending the section with
    ``section`` unless it is None (an empty paragraph on the last page: LibreOffice drops it,
    Word keeps it there)."""
    for page in range(count):
        ppr = etree.SubElement(etree.SubElement(body, _qn("p")), _qn("pPr"))
        if page:
            etree.SubElement(ppr, _qn("pageBreakBefore"))
    if section is not None:
        etree.SubElement(etree.SubElement(body, _qn("p")), _qn("pPr")).append(section)


def numbers_document(plan: NumberingPlan, pages: int) -> bytes:
    """A Word document of ``pages`` portrait pages numbered 1 … ``pages``, then ``pages``
    landscape pages numbered 1 … ``pages``, in the furniture of ``plan``'s document and with
    nothing else on them. ``pages`` must be even: the landscape pages then start on a
    right-hand page as their first number is odd, and LibreOffice inserts no blank page."""
    if pages < 2 or pages % 2:
        raise ValueError(f"a page-number document needs an even number of pages, not {pages}")
    source = zipfile.ZipFile(io.BytesIO(plan.template))
    root = etree.fromstring(source.read("word/document.xml"))
    body = root.find(_qn("body"))
    assert body is not None  # numbering_plan checked it
    base = body.find(_qn("sectPr"))
    assert base is not None
    for child in list(body):
        body.remove(child)
    _pages(body, pages, _numbered(portrait(base)))
    _pages(body, pages, None)
    body.append(_numbered(turned(base)))
    return replace_parts(plan.template, {"word/document.xml": _xml(root)})
