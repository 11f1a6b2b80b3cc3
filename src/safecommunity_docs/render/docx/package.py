"""The Word package around a template body: fontTable, content types, relationships, core and
app properties, and the zip (deterministic bytes). The styles, settings and footers it packs
come from :mod:`.ooxml`."""

from __future__ import annotations

import io
import zipfile
from xml.sax.saxutils import escape

from .ooxml import (
    FANGSONG,
    FIXED_DATE,
    HEITI,
    KAITI,
    R_NS,
    SONGTI,
    W_NS,
    XIAOBIAOSONG,
    XML_HEAD,
    document_xml,
    footer_xml,
    settings_xml,
    styles_xml,
)


def font_table_xml() -> str:
    """fontTable.xml: the declared Chinese fonts, GB2312 charset."""
    fonts = "".join(
        f'<w:font w:name="{name}"><w:charset w:val="86"/><w:family w:val="{family}"/>'
        '<w:pitch w:val="variable"/></w:font>'
        for name, family in (
            (FANGSONG, "modern"),
            (KAITI, "modern"),
            (HEITI, "modern"),
            (XIAOBIAOSONG, "script"),
            (SONGTI, "auto"),
        )
    )
    return XML_HEAD + f'<w:fonts xmlns:w="{W_NS}" xmlns:r="{R_NS}">{fonts}</w:fonts>'


CONTENT_TYPES = (
    XML_HEAD + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Default Extension="png" ContentType="image/png"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.document.main+xml"/>'
    '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.styles+xml"/>'
    '<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.settings+xml"/>'
    '<Override PartName="/word/fontTable.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.fontTable+xml"/>'
    '<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.footer+xml"/>'
    '<Override PartName="/word/footer2.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.footer+xml"/>'
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-'
    'package.core-properties+xml"/>'
    '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.extended-properties+xml"/></Types>'
)

ROOT_RELS = (
    XML_HEAD
    + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/'
    'metadata/core-properties" Target="docProps/core.xml"/>'
    '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/extended-properties" Target="docProps/app.xml"/></Relationships>'
)

DOCUMENT_RELS = (
    XML_HEAD
    + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/styles" Target="styles.xml"/>'
    '<Relationship Id="rIdSettings" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/settings" Target="settings.xml"/>'
    '<Relationship Id="rIdFonts" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/fontTable" Target="fontTable.xml"/>'
    '<Relationship Id="rIdFooter1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/footer" Target="footer1.xml"/>'
    '<Relationship Id="rIdFooter2" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/footer" Target="footer2.xml"/></Relationships>'
)


def core_xml(title: str, language: str = "zh-CN") -> str:
    """docProps/core.xml of a template (the renderer sets the document's own values)."""
    return (
        XML_HEAD + '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
        'metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{escape(title)}</dc:title><dc:creator>safecommunity-docs</dc:creator>"
        f"<dc:language>{language}</dc:language>"
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{FIXED_DATE}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{FIXED_DATE}</dcterms:modified>'
        "</cp:coreProperties>"
    )


APP_XML = (
    XML_HEAD + '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
    'extended-properties"><Application>safecommunity-docs</Application></Properties>'
)


def package(body: str, title: str, footer: bool = True) -> bytes:
    """Zip a complete .docx from the body XML; same input, same bytes."""
    return assemble(
        document_xml(body, footer),
        styles_xml(),
        settings_xml(),
        font_table_xml(),
        (footer_xml(), footer_xml(even=True)),
        core_xml(title),
    )


def assemble(
    document: str, styles: str, settings: str, fonts: str, footers: tuple[str, str], core: str
) -> bytes:
    """The .docx of these parts with the fixed content types, relationships and app
    properties (both footers are named by the relationships)."""
    return zip_parts(
        [
            ("[Content_Types].xml", CONTENT_TYPES),
            ("_rels/.rels", ROOT_RELS),
            ("word/document.xml", document),
            ("word/_rels/document.xml.rels", DOCUMENT_RELS),
            ("word/styles.xml", styles),
            ("word/settings.xml", settings),
            ("word/fontTable.xml", fonts),
            ("word/footer1.xml", footers[0]),
            ("word/footer2.xml", footers[1]),
            ("docProps/core.xml", core),
            ("docProps/app.xml", APP_XML),
        ]
    )


def zip_parts(parts: list[tuple[str, str]]) -> bytes:
    """The .docx zip of ``(part name, XML)`` pairs: fixed dates and modes, same input same bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as z:
        for name, text in parts:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, text.encode("utf-8"))
    return out.getvalue()
