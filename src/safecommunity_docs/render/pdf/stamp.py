"""Stamp page numbers onto PDFs converted without them, from one converted page-number
document (``render/docx/furniture.py``): each page gets the footer of the number it carries,
drawn as a form XObject over its own content, which is left as LibreOffice wrote it."""

from __future__ import annotations

import io
from collections.abc import Sequence

from pypdf import PageObject, PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    IndirectObject,
    NameObject,
)

from ...errors import ConversionError
from .assemble import read

_NAME = NameObject("/ScdFolio")
"""The page resource name of the stamped number."""


def _stream(data: bytes) -> DecodedStreamObject:
    stream = DecodedStreamObject()
    stream.set_data(data)
    return stream


def _landscape(page: PageObject) -> bool:
    box = page.mediabox
    return float(box.width) > float(box.height)


class PageNumbers:
    """A converted page-number document of ``pages`` portrait pages numbered 1 … ``pages``
    followed by as many landscape ones (:func:`..docx.furniture.numbers_document`)."""

    def __init__(self, pdf: bytes, pages: int, converter: str = "") -> None:
        self.reader = read(pdf)
        self.pages = pages
        found = self.reader.pages
        shapes = [_landscape(p) for p in found]
        if len(found) != 2 * pages or any(shapes[:pages]) or not all(shapes[pages:]):
            raise ConversionError(
                f"the page-number document came back with {len(found)} pages "
                f"({sum(shapes)} landscape); {pages} portrait and {pages} landscape were expected",
                converter=converter,
            )

    def _page(self, number: int, landscape: bool) -> PageObject:
        if not 1 <= number <= self.pages:
            raise ValueError(f"page number {number} is beyond this document's 1 … {self.pages}")
        return self.reader.pages[(self.pages if landscape else 0) + number - 1]

    def stamp(self, pdf: bytes | PdfReader, first: int) -> bytes:
        """``pdf`` with its pages numbered from ``first``, each number where the footer of a
        page of that number and orientation prints it (a reader given is left as it was)."""
        writer = PdfWriter(clone_from=read(pdf))
        self.stamp_pages(writer, list(writer.pages), first)
        out = io.BytesIO()
        writer.write(out)
        return out.getvalue()

    def stamp_pages(self, writer: PdfWriter, pages: Sequence[PageObject], first: int) -> None:
        """Number ``pages`` of ``writer`` from ``first`` (see :meth:`stamp`)."""
        forms: dict[tuple[int, bool], IndirectObject] = {}
        opening = writer._add_object(_stream(b"q\n"))
        for offset, page in enumerate(pages):
            key = (first + offset, _landscape(page))
            if key not in forms:
                forms[key] = self._form(writer, self._page(*key))
            self._draw(writer, page, forms[key], opening)

    @staticmethod
    def _form(writer: PdfWriter, page: PageObject) -> IndirectObject:
        """``page`` as a form XObject added to ``writer`` (its resources copied along)."""
        contents = page.get_contents()
        form = _stream(contents.get_data() if contents is not None else b"")
        resources = page.get("/Resources")
        form.update(
            {
                NameObject("/Type"): NameObject("/XObject"),
                NameObject("/Subtype"): NameObject("/Form"),
                NameObject("/BBox"): ArrayObject(page.mediabox),
                NameObject("/Resources"): (
                    resources.get_object().clone(writer)
                    if resources is not None
                    else DictionaryObject()
                ),
            }
        )
        return writer._add_object(form.flate_encode())

    @staticmethod
    def _draw(
        writer: PdfWriter, page: PageObject, form: IndirectObject, opening: IndirectObject
    ) -> None:
        """Draw ``form`` over ``page``: its content is bracketed by ``q`` … ``Q`` first, so
        whatever graphics state it leaves does not move the number."""
        # Pages often share one resource dictionary: each stamped page gets its own copy.
        shared = page.get("/Resources")
        resources = DictionaryObject(shared.get_object() if shared is not None else {})
        xobjects = resources.get("/XObject")
        xobjects = DictionaryObject(xobjects.get_object() if xobjects is not None else {})
        xobjects[_NAME] = form
        resources[NameObject("/XObject")] = xobjects
        page[NameObject("/Resources")] = resources
        contents = page.get("/Contents")
        streams = contents.get_object() if contents is not None else ArrayObject()
        if not isinstance(streams, ArrayObject):
            streams = ArrayObject([contents])
        closing = _stream(b"\nQ q " + _NAME.encode() + b" Do Q\n")
        page[NameObject("/Contents")] = ArrayObject(
            [opening, *streams, writer._add_object(closing)]
        )
