"""The Jinja-tagged body of the default Word templates: a title area and one loop over blocks."""

from __future__ import annotations

from typing import Literal

from .ooxml import BLOCK_STYLES, package, paragraph

Typography = Literal["gbt9704", "latin"]
"""The layout of a default template: GB/T 9704 (Chinese) or Latin (see :mod:`.latin`)."""


def _tag(tag: str) -> str:
    """A paragraph that holds only a docxtpl paragraph tag (removed when rendering)."""
    return paragraph("GWPlain", tag)


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
        parts.append(_tag(f"{{%p {'if' if first else 'elif'} b.kind == '{kind}' %}}"))
        parts.append(paragraph(style, "" if kind == "blank" else "{{ b.text }}"))
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
