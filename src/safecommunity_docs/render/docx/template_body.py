"""The Jinja-tagged body of the default Word templates: a title area and one loop over blocks."""

from __future__ import annotations

from typing import Literal

from .ooxml import BLOCK_STYLES, keep_style, paragraph
from .package import package

INDENTED = ("signature", "date")
"""Block kinds whose paragraph takes its right indent from the block (the 落款 lines)."""


_RIGHT = '<w:ind w:left="{{ b.left }}" w:right="{{ b.right }}"/><w:jc w:val="{{ b.align }}"/>'
"""The 落款 line's indents in twips and its alignment, from the view (``views/signoff.py``)."""

Typography = Literal["gbt9704", "latin"]
"""The layout of a default template: GB/T 9704 (Chinese) or Latin (see :mod:`.latin`)."""


def _tag(tag: str) -> str:
    """A paragraph that holds only a docxtpl paragraph tag (removed when rendering)."""
    return paragraph("GWPlain", tag)


def _styled(kind: str, style: str, text: str) -> str:
    """The paragraph of a block kind; a 落款 line takes its indents from the block."""
    if kind in INDENTED:
        return paragraph(style, text).replace("</w:pPr>", _RIGHT + "</w:pPr>", 1)
    return paragraph(style, text)


def body_xml() -> str:
    """Title, optional subtitle, a blank row, then every block in the style of its kind."""
    parts = [
        paragraph("GWTitle", "{{ title }}"),
        _tag("{%p if subtitle %}"),
        paragraph("GWSubtitle", "{{ subtitle }}"),
        _tag("{%p endif %}"),
        paragraph("GWPlain"),
        _tag("{%p for b in blocks %}"),
    ]
    first = True
    for kind, style in BLOCK_STYLES.items():
        text = "" if kind == "blank" else "{{ b.text }}"
        kept = keep_style(style)
        if kept is not None:  # b.keep: keep with the next block (views/keep.py)
            parts.append(
                _tag(f"{{%p {'if' if first else 'elif'} b.kind == '{kind}' and b.keep %}}")
            )
            parts.append(_styled(kind, kept, text))
            first = False
        parts.append(_tag(f"{{%p {'if' if first else 'elif'} b.kind == '{kind}' %}}"))
        parts.append(_styled(kind, style, text))
        first = False
    parts.append(_tag("{%p elif b.kind == 'table' %}"))
    parts.append(paragraph("GWPlain", "{{p b.table }}"))
    parts.append(_tag("{%p elif b.kind == 'figure' %}"))
    parts.append(paragraph("GWFigure", "{{ b.image }}"))
    parts.append(_tag("{%p endif %}"))
    parts.append(_tag("{%p endfor %}"))
    return "".join(parts)


def template_bytes(
    title: str, page_numbers: bool = True, typography: Typography = "gbt9704"
) -> bytes:
    """A default template titled ``title`` as .docx bytes (deterministic); ``page_numbers``
    puts 「— n —」 in its footer; ``typography`` ``latin`` gives the same styles in a Latin
    layout. The kinds' declarations say which templates exist."""
    if typography == "latin":
        from .latin import latin_package

        return latin_package(body_xml(), title, footer=page_numbers)
    return package(body_xml(), title, footer=page_numbers)
