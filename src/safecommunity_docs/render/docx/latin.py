"""The Latin layout of our Word templates, for documents in English (the ISCCC application).

The same style ids as the GB/T 9704 templates (:mod:`.ooxml`), so the same template body and
table XML work: A4, 25 mm margins, 12 pt Times New Roman body at 1.15 line spacing with 6 pt
after each paragraph, bold headings, widow control on, no document grid, page numbers as plain
figures centred in the footer. Latin text is set in Times New Roman (Liberation Serif in the
PDF: the same metrics), Chinese names in 宋体 (Noto Serif CJK SC); languages en-GB and zh-CN.
"""

from __future__ import annotations

from dataclasses import dataclass

from .ooxml import R_NS, SONGTI, TABLE_STYLE, W_NS, XML_HEAD
from .package import assemble, core_xml

SERIF = "Times New Roman"
LANGUAGE = "en-GB"
MARGIN = 1417  # 25 mm
LINE = 276  # 1.15 lines (auto)
LANG = f'<w:lang w:val="{LANGUAGE}" w:eastAsia="zh-CN" w:bidi="ar-SA"/>'


def rpr(half_points: int, bold: bool = False, italic: bool = False) -> str:
    """Run properties: Times New Roman for Latin text, 宋体 for Chinese names."""
    fonts = f'<w:rFonts w:ascii="{SERIF}" w:hAnsi="{SERIF}" w:eastAsia="{SONGTI}" w:cs="{SERIF}"/>'
    marks = ("<w:b/><w:bCs/>" if bold else "") + ("<w:i/><w:iCs/>" if italic else "")
    size = f'<w:sz w:val="{half_points}"/><w:szCs w:val="{half_points}"/>'
    return f"<w:rPr>{fonts}{marks}{size}{LANG}</w:rPr>"


@dataclass(frozen=True)
class LatinStyle:
    """One paragraph style of the Latin template."""

    style_id: str
    name: str
    half_points: int = 24
    bold: bool = False
    italic: bool = False
    jc: str = "both"
    before: int = 0
    after: int = 120
    line: int = LINE
    keep_next: bool = False
    page_break_before: bool = False
    outline_level: int | None = None
    left: int = 0
    hanging: int = 0
    tabs: str = ""

    def xml(self) -> str:
        ppr = []
        if self.keep_next:
            ppr.append("<w:keepNext/>")
        if self.page_break_before:
            ppr.append("<w:pageBreakBefore/>")
        if self.tabs:
            ppr.append(f"<w:tabs>{self.tabs}</w:tabs>")
        ppr.append(
            f'<w:spacing w:before="{self.before}" w:after="{self.after}" w:line="{self.line}" '
            'w:lineRule="auto"/>'
        )
        ppr.append(f'<w:ind w:left="{self.left}" w:hanging="{self.hanging}"/>')
        ppr.append(f'<w:jc w:val="{self.jc}"/>')
        if self.outline_level is not None:
            ppr.append(f'<w:outlineLvl w:val="{self.outline_level}"/>')
        default = ' w:default="1"' if self.style_id == "Normal" else ' w:customStyle="1"'
        based = "" if self.style_id == "Normal" else '<w:basedOn w:val="Normal"/>'
        return (
            f'<w:style w:type="paragraph"{default} w:styleId="{self.style_id}">'
            f'<w:name w:val="{self.name}"/>{based}<w:next w:val="Normal"/><w:qFormat/>'
            f"<w:pPr>{''.join(ppr)}</w:pPr>{rpr(self.half_points, self.bold, self.italic)}"
            "</w:style>"
        )


STYLES: tuple[LatinStyle, ...] = (
    LatinStyle("Normal", "Normal"),
    LatinStyle("GWTitle", "GW Title", 36, bold=True, jc="center", after=120, keep_next=True),
    LatinStyle(
        "GWSubtitle", "GW Subtitle", 26, italic=True, jc="center", after=360, keep_next=True
    ),
    LatinStyle(
        "GWH1",
        "GW Heading 1",
        28,
        bold=True,
        jc="left",
        before=360,
        after=120,
        keep_next=True,
        outline_level=0,
    ),
    LatinStyle(
        "GWH2",
        "GW Heading 2",
        24,
        bold=True,
        italic=True,
        jc="left",
        before=200,
        after=80,
        keep_next=True,
        outline_level=1,
    ),
    LatinStyle(
        "GWH3",
        "GW Heading 3",
        24,
        bold=True,
        jc="left",
        before=160,
        after=60,
        keep_next=True,
        outline_level=2,
    ),
    LatinStyle(
        "GWH4",
        "GW Heading 4",
        24,
        italic=True,
        jc="left",
        before=120,
        after=60,
        keep_next=True,
        outline_level=3,
    ),
    LatinStyle("GWPlain", "GW Plain", jc="left", after=60),
    LatinStyle(
        "GWCaption", "GW Caption", 20, bold=True, jc="left", before=120, after=60, keep_next=True
    ),
    LatinStyle("GWSignature", "GW Signature", jc="right", after=0),
    LatinStyle("GWAnnexNote", "GW Annex Note", jc="left", left=720, hanging=720),
    LatinStyle("GWFigure", "GW Figure", jc="center", line=240, keep_next=True),
    LatinStyle(
        "GWToc",
        "GW Contents",
        jc="left",
        left=360,
        hanging=360,
        tabs=f'<w:tab w:val="right" w:leader="dot" w:pos="{11906 - 2 * MARGIN}"/>',
    ),
    LatinStyle(
        "GWAnnexLabel",
        "GW Annex Label",
        bold=True,
        jc="left",
        page_break_before=True,
        keep_next=True,
    ),
    LatinStyle(
        "GWAnnexTitle", "GW Annex Title", 32, bold=True, jc="center", before=240, keep_next=True
    ),
    LatinStyle("GWTableText", "GW Table Text", 20, jc="left", after=0, line=240),
    LatinStyle("GWTableHead", "GW Table Head", 20, bold=True, jc="center", after=0, line=240),
)
"""The Latin paragraph styles, under the ids the renderer uses (see ``ooxml.BLOCK_STYLES``)."""


def styles_xml() -> str:
    """styles.xml: Latin defaults, the paragraph styles, a bordered table style."""
    defaults = (
        f"<w:docDefaults><w:rPrDefault>{rpr(24)}</w:rPrDefault><w:pPrDefault><w:pPr>"
        f'<w:spacing w:before="0" w:after="120" w:line="{LINE}" w:lineRule="auto"/>'
        "</w:pPr></w:pPrDefault></w:docDefaults>"
    )
    borders = "".join(
        f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
        for side in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    table = (
        '<w:style w:type="table" w:default="1" w:styleId="TableNormal">'
        '<w:name w:val="Normal Table"/><w:semiHidden/><w:tblPr><w:tblCellMar>'
        '<w:left w:w="108" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar>'
        "</w:tblPr></w:style>"
        f'<w:style w:type="table" w:customStyle="1" w:styleId="{TABLE_STYLE}">'
        '<w:name w:val="GW Table"/><w:basedOn w:val="TableNormal"/><w:tblPr>'
        f'<w:jc w:val="center"/><w:tblBorders>{borders}</w:tblBorders><w:tblCellMar>'
        '<w:top w:w="40" w:type="dxa"/><w:left w:w="85" w:type="dxa"/>'
        '<w:bottom w:w="40" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar>'
        '</w:tblPr><w:tcPr><w:vAlign w:val="center"/></w:tcPr></w:style>'
    )
    char = (
        '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">'
        '<w:name w:val="Default Paragraph Font"/><w:semiHidden/></w:style>'
    )
    body = "".join(style.xml() for style in STYLES)
    return (
        f'{XML_HEAD}<w:styles xmlns:w="{W_NS}" xmlns:r="{R_NS}">{defaults}{body}{char}{table}'
        "</w:styles>"
    )


def settings_xml() -> str:
    """settings.xml: Word 2013+ compatibility, British English."""
    return (
        f'{XML_HEAD}<w:settings xmlns:w="{W_NS}" xmlns:r="{R_NS}">'
        '<w:defaultTabStop w:val="720"/><w:compat><w:compatSetting w:name="compatibilityMode" '
        'w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>'
        f'<w:themeFontLang w:val="{LANGUAGE}" w:eastAsia="zh-CN"/></w:settings>'
    )


def footer_xml() -> str:
    """footer1.xml: the page number, centred, 10 pt."""
    run = rpr(20)
    fields = "".join(
        f"<w:r>{run}{inner}</w:r>"
        for inner in (
            '<w:fldChar w:fldCharType="begin"/>',
            '<w:instrText xml:space="preserve"> PAGE </w:instrText>',
            '<w:fldChar w:fldCharType="separate"/>',
            "<w:t>1</w:t>",
            '<w:fldChar w:fldCharType="end"/>',
        )
    )
    return (
        f'{XML_HEAD}<w:ftr xmlns:w="{W_NS}" xmlns:r="{R_NS}"><w:p><w:pPr>'
        '<w:spacing w:before="0" w:after="0"/><w:jc w:val="center"/></w:pPr>'
        f"{fields}</w:p></w:ftr>"
    )


def document_xml(body: str, footer: bool = True) -> str:
    """document.xml: ``body`` and an A4 section with 25 mm margins."""
    reference = '<w:footerReference w:type="default" r:id="rIdFooter1"/>' if footer else ""
    section = (
        f'<w:sectPr>{reference}<w:pgSz w:w="11906" w:h="16838"/>'
        f'<w:pgMar w:top="{MARGIN}" w:right="{MARGIN}" w:bottom="{MARGIN}" w:left="{MARGIN}" '
        'w:header="709" w:footer="709" w:gutter="0"/><w:cols w:space="720"/></w:sectPr>'
    )
    return (
        f'{XML_HEAD}<w:document xmlns:w="{W_NS}" xmlns:r="{R_NS}"><w:body>{body}{section}'
        "</w:body></w:document>"
    )


def font_table_xml() -> str:
    """fontTable.xml: Times New Roman and 宋体."""
    return (
        f'{XML_HEAD}<w:fonts xmlns:w="{W_NS}" xmlns:r="{R_NS}">'
        f'<w:font w:name="{SERIF}"><w:charset w:val="00"/><w:family w:val="roman"/>'
        '<w:pitch w:val="variable"/></w:font>'
        f'<w:font w:name="{SONGTI}"><w:charset w:val="86"/><w:family w:val="auto"/>'
        '<w:pitch w:val="variable"/></w:font></w:fonts>'
    )


def latin_package(body: str, title: str, footer: bool = True) -> bytes:
    """Zip a complete Latin .docx from the body XML; same input, same bytes."""
    return assemble(
        document_xml(body, footer),
        styles_xml(),
        settings_xml(),
        font_table_xml(),
        (footer_xml(), footer_xml()),  # one footer for odd and even pages
        core_xml(title, LANGUAGE),
    )
