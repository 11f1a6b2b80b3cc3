"""Put a rendered body into the Word document in linear time.

docxtpl parses the rendered body into a document of its own and moves it into the Word
document with ``replace``. lxml fixes the namespaces of every moved node, and for attributes in
the ``xml:`` namespace its namespace cache misses on every node and grows by one entry: the
move is quadratic in the number of ``xml:space`` attributes (one per line of user text). Ten
thousand line breaks in each of two hundred fields took minutes in that one step.
"""

from __future__ import annotations

import gc
from typing import Any

from lxml import etree

XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def replace_body(root: etree._Element, body: etree._Element) -> None:
    """Replace the ``w:body`` of ``root`` with ``body`` (an element of another document).

    The ``xml:space`` attributes are taken off before the move and put back after it, in their
    original place among the element's attributes: the result serialises exactly as lxml's own
    ``replace``, without its quadratic namespace fix-up. The garbage collector is paused
    meanwhile (hundreds of thousands of element proxies would trigger full collections).
    """
    old = root.find(body.tag)
    if old is None:
        raise ValueError("the document has no body to replace")
    collecting = gc.isenabled()
    gc.disable()
    try:
        found = body.xpath("descendant-or-self::*[@xml:space]")
        marked: list[Any] = found if isinstance(found, list) else []
        values = [element.get(XML_SPACE) for element in marked]
        others = {i: list(e.attrib.items()) for i, e in enumerate(marked) if len(e.attrib) > 1}
        for element in marked:
            del element.attrib[XML_SPACE]
        root.replace(old, body)
        for i, (element, value) in enumerate(zip(marked, values, strict=True)):
            if i in others:
                element.attrib.clear()
                for key, item in others[i]:
                    element.set(key, item)
            else:
                element.set(XML_SPACE, value)
    finally:
        if collecting:
            gc.enable()


__all__ = ["replace_body"]
