"""The OOXML parts of our Word templates, written out in full (GB/T 9704 report layout).

Every number was measured on LibreOffice output (see docs/architecture.md, Word layout): A4, margins
37/35/28/26 mm, 16 pt 仿宋 body on an exact 28.95 pt line (579 twips) with a lines-only grid,
−0.25 pt character spacing so 28 characters fit a line, widow control off, 「— 1 —」 page numbers.
Every style names all four font slots, marks them East Asian and sets zh-CN; no theme fonts.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from xml.sax.saxutils import escape

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

FANGSONG, KAITI, HEITI, XIAOBIAOSONG, SONGTI = (
    "仿宋_GB2312",
    "楷体_GB2312",
    "黑体",
    "方正小标宋简体",
    "宋体",
)
LINE = 579  # exact line pitch in twips: 22 lines in the 225 mm type area
INDENT_2CH = 630  # two characters at the 15.75 pt column pitch
FIXED_DATE = "2000-01-01T00:00:00Z"


def rfonts(font: str) -> str:
    """All four font slots with the East Asian hint (LAYOUT.md §6)."""
    return (
        f'<w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:eastAsia="{font}" w:cs="{font}" '
        'w:hint="eastAsia"/>'
    )


LANG = '<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/>'


def rpr(font: str, half_points: int, spacing: int | None = -5, bold: bool = False) -> str:
    """Run properties: font, size in half-points, optional character spacing (1/20 pt)."""
    parts = [rfonts(font)]
    if bold:
        parts.append("<w:b/><w:bCs/>")
    if spacing is not None:
        parts.append(f'<w:spacing w:val="{spacing}"/>')
    parts.append(f'<w:sz w:val="{half_points}"/><w:szCs w:val="{half_points}"/>')
    parts.append(LANG)
    return "<w:rPr>" + "".join(parts) + "</w:rPr>"


@dataclass(frozen=True)
class ParagraphStyle:
    """One paragraph style of the template."""

    style_id: str
    name: str
    font: str
    half_points: int = 32
    based_on: str | None = "Normal"
    jc: str = "both"
    first_line: int | None = INDENT_2CH
    left: int = 0
    hanging: int | None = None
    right: int = 0
    line: int = LINE
    line_rule: str = "exact"
    keep_next: bool = False
    widow_control: bool = False
    page_break_before: bool = False
    outline_level: int | None = None
    spacing: int | None = -5
    before: int = 0
    after: int = 0
    tabs: str = ""
    auto_space: bool = True
    """False: no extra space between Chinese and digits (「2026年3月10日」, not 「2026 年」)."""

    def xml(self) -> str:
        ppr = ["<w:widowControl/>" if self.widow_control else '<w:widowControl w:val="0"/>']
        if self.keep_next:
            ppr.append("<w:keepNext/>")
        if self.page_break_before:
            ppr.append("<w:pageBreakBefore/>")
        if not self.auto_space:
            ppr.append('<w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/>')
        ppr.append('<w:snapToGrid w:val="0"/>')
        ppr.append(
            f'<w:spacing w:before="{self.before}" w:after="{self.after}" '
            f'w:line="{self.line}" w:lineRule="{self.line_rule}"/>'
        )
        if self.hanging is not None:
            first = f'w:hanging="{self.hanging}"'
        elif self.first_line is not None:
            first = f'w:firstLine="{self.first_line}"'
        else:
            first = 'w:firstLine="0" w:firstLineChars="0"'
        if self.tabs:
            ppr.append(f"<w:tabs>{self.tabs}</w:tabs>")
        ppr.append(f'<w:ind w:left="{self.left}" w:right="{self.right}" {first}/>')
        ppr.append(f'<w:jc w:val="{self.jc}"/>')
        if self.outline_level is not None:
            ppr.append(f'<w:outlineLvl w:val="{self.outline_level}"/>')
        head = (
            f'<w:style w:type="paragraph" w:styleId="{self.style_id}"'
            + (' w:default="1"' if self.style_id == "Normal" else ' w:customStyle="1"')
            + ">"
        )
        based = f'<w:basedOn w:val="{self.based_on}"/>' if self.based_on else ""
        return (
            f'{head}<w:name w:val="{self.name}"/>{based}<w:next w:val="Normal"/><w:qFormat/>'
            f"<w:pPr>{''.join(ppr)}</w:pPr>"
            f"{rpr(self.font, self.half_points, self.spacing)}</w:style>"
        )


PARAGRAPH_STYLES: tuple[ParagraphStyle, ...] = (
    ParagraphStyle("Normal", "Normal", FANGSONG, based_on=None),
    ParagraphStyle(
        "GWTitle",
        "GW Title",
        XIAOBIAOSONG,
        44,
        jc="center",
        first_line=None,
        spacing=0,
        keep_next=True,
    ),
    ParagraphStyle(
        "GWSubtitle", "GW Subtitle", KAITI, jc="center", first_line=None, keep_next=True
    ),
    ParagraphStyle("GWH1", "GW Heading 1", HEITI, keep_next=True, outline_level=0),
    ParagraphStyle("GWH2", "GW Heading 2", KAITI, keep_next=True, outline_level=1),
    ParagraphStyle("GWH3", "GW Heading 3", FANGSONG, keep_next=True, outline_level=2),
    ParagraphStyle("GWH4", "GW Heading 4", FANGSONG, keep_next=True, outline_level=3),
    ParagraphStyle("GWPlain", "GW Plain", FANGSONG, first_line=None, jc="left"),
    ParagraphStyle(
        "GWCaption",
        "GW Caption",
        HEITI,
        28,
        jc="center",
        first_line=None,
        spacing=0,
    ),
    ParagraphStyle(
        "GWSignature",
        "GW Signature",
        FANGSONG,
        jc="right",
        first_line=None,
        right=630,
        auto_space=False,
    ),
    # The cover's 申报单位/日期 block: 仿宋, labels five characters in, a long name hanging
    # under the value column.
    ParagraphStyle(
        "GWCoverLine",
        "GW Cover Line",
        FANGSONG,
        jc="left",
        left=10 * 315,
        hanging=5 * 315,
        auto_space=False,
    ),
    # 附件说明: the first line starts two characters in with 附件：1.; the lines after it hang
    # under the 1. (five characters in).
    ParagraphStyle(
        "GWAnnexNote", "GW Annex Note", FANGSONG, jc="left", left=5 * 315, hanging=3 * 315
    ),
    # Figures: an inline picture needs an automatic line height, never the exact 28.95 pt.
    ParagraphStyle(
        "GWFigure",
        "GW Figure",
        FANGSONG,
        jc="center",
        first_line=None,
        line=240,
        line_rule="auto",
        keep_next=True,
        spacing=None,
    ),
    # 目录 lines: the title, a dot leader, the page number flush right.
    ParagraphStyle(
        "GWToc",
        "GW Contents",
        FANGSONG,
        jc="left",
        left=2 * 315,
        hanging=2 * 315,
        tabs='<w:tab w:val="right" w:leader="dot" w:pos="8844"/>',
    ),
    ParagraphStyle(
        "GWAnnexLabel",
        "GW Annex Label",
        HEITI,
        jc="left",
        first_line=None,
        page_break_before=True,
        keep_next=True,
    ),
    ParagraphStyle(
        "GWAnnexTitle",
        "GW Annex Title",
        XIAOBIAOSONG,
        44,
        jc="center",
        first_line=None,
        spacing=0,
        keep_next=True,
        before=LINE,
    ),
    ParagraphStyle(
        "GWTableText",
        "GW Table Text",
        FANGSONG,
        24,
        jc="left",
        first_line=None,
        line=360,
        line_rule="exact",
        spacing=None,
    ),
    ParagraphStyle(
        "GWTableHead",
        "GW Table Head",
        HEITI,
        24,
        jc="center",
        first_line=None,
        line=360,
        line_rule="exact",
        spacing=None,
    ),
)
"""Style ids used by the renderer: block kind -> style (see BLOCK_STYLES)."""

BLOCK_STYLES = {
    "h1": "GWH1",
    "h2": "GWH2",
    "h3": "GWH3",
    "h4": "GWH4",
    "p": "Normal",
    "plain": "GWPlain",
    "caption": "GWCaption",
    "signature": "GWSignature",
    "date": "GWSignature",
    "cover_line": "GWCoverLine",
    "toc": "GWToc",
    "annex_note": "GWAnnexNote",
    "annex_label": "GWAnnexLabel",
    "annex_title": "GWAnnexTitle",
    "blank": "GWPlain",
}

TABLE_STYLE = "GWTable"
KEEP_SUFFIX = "Keep"


def keep_style(style_id: str) -> str | None:
    """The variant of a block style that keeps with the next paragraph (see views/keep.py),
    or None when the style always does (headings, annex labels and titles)."""
    style = next(s for s in PARAGRAPH_STYLES if s.style_id == style_id)
    return None if style.keep_next else style_id + KEEP_SUFFIX


def keep_variants() -> tuple[ParagraphStyle, ...]:
    """A 「keep with next」 twin of every block style that lacks it: keepNext, and widow
    control so that a kept paragraph split by a page break carries two lines over."""
    used = dict.fromkeys(BLOCK_STYLES.values())
    return tuple(
        replace(
            style,
            style_id=style.style_id + KEEP_SUFFIX,
            name=style.name + " (keep with next)",
            based_on=style.style_id,
            keep_next=True,
            widow_control=True,
        )
        for style in PARAGRAPH_STYLES
        if style.style_id in used and not style.keep_next
    )


def styles_xml() -> str:
    """styles.xml: docDefaults, our paragraph styles, a default character and table style."""
    defaults = (
        "<w:docDefaults><w:rPrDefault><w:rPr>"
        + rfonts(FANGSONG)
        + '<w:sz w:val="32"/><w:szCs w:val="32"/>'
        + LANG
        + "</w:rPr></w:rPrDefault>"
        + f'<w:pPrDefault><w:pPr><w:spacing w:before="0" w:after="0" w:line="{LINE}" '
        'w:lineRule="exact"/></w:pPr></w:pPrDefault></w:docDefaults>'
    )
    borders = "".join(
        f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
        for side in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    table = (
        '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>'
        '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" '
        'w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>'
        '<w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr>'
        "</w:style>"
        f'<w:style w:type="table" w:customStyle="1" w:styleId="{TABLE_STYLE}"><w:name w:val="GW Table"/>'
        '<w:basedOn w:val="TableNormal"/><w:tblPr><w:jc w:val="center"/>'
        f'<w:tblBorders>{borders}</w:tblBorders><w:tblCellMar><w:top w:w="28" w:type="dxa"/>'
        '<w:left w:w="85" w:type="dxa"/><w:bottom w:w="28" w:type="dxa"/><w:right w:w="85" '
        'w:type="dxa"/></w:tblCellMar></w:tblPr><w:tcPr><w:vAlign w:val="center"/></w:tcPr></w:style>'
    )
    char = (
        '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">'
        '<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/>'
        "<w:unhideWhenUsed/></w:style>"
    )
    body = "".join(style.xml() for style in PARAGRAPH_STYLES + keep_variants())
    return (
        XML_HEAD
        + f'<w:styles xmlns:w="{W_NS}" xmlns:r="{R_NS}">'
        + defaults
        + body
        + char
        + table
        + "</w:styles>"
    )


def settings_xml() -> str:
    """settings.xml: different odd and even footers (page numbers at the outer side), no
    punctuation compression, zh-CN theme language, Word 2013+ compat."""
    return (
        XML_HEAD + f'<w:settings xmlns:w="{W_NS}" xmlns:r="{R_NS}">'
        '<w:defaultTabStop w:val="420"/><w:evenAndOddHeaders/>'
        '<w:characterSpacingControl w:val="doNotCompress"/>'
        '<w:compat><w:compatSetting w:name="compatibilityMode" '
        'w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>'
        '<w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/></w:settings>'
    )


FOLIO_INDENT = 280  # 一字 of the 14 pt folio: 单页码居右空一字, 双页码居左空一字 (GB/T 9704 7.5)


def footer_xml(even: bool = False) -> str:
    """A footer: 「— N —」 in 4号 宋体 with a PAGE field, at the outer side of the page (GB/T
    9704 7.5): odd pages (footer1.xml, the default) right, one character in; even pages
    (``even``, footer2.xml) left, one character in (settings.xml has evenAndOddHeaders)."""
    run = rpr(SONGTI, 28, spacing=None)

    def r(inner: str) -> str:
        return f"<w:r>{run}{inner}</w:r>"

    left, right, jc = (FOLIO_INDENT, 0, "left") if even else (0, FOLIO_INDENT, "right")
    return (
        XML_HEAD + f'<w:ftr xmlns:w="{W_NS}" xmlns:r="{R_NS}"><w:p><w:pPr>'
        '<w:snapToGrid w:val="0"/><w:spacing w:before="0" w:after="0" w:line="240" '
        f'w:lineRule="auto"/><w:ind w:left="{left}" w:right="{right}" w:firstLine="0" '
        f'w:firstLineChars="0"/><w:jc w:val="{jc}"/></w:pPr>'
        + r('<w:t xml:space="preserve">— </w:t>')
        + r('<w:fldChar w:fldCharType="begin"/>')
        + r('<w:instrText xml:space="preserve"> PAGE </w:instrText>')
        + r('<w:fldChar w:fldCharType="separate"/>')
        + r("<w:t>1</w:t>")
        + r('<w:fldChar w:fldCharType="end"/>')
        + r('<w:t xml:space="preserve"> —</w:t>')
        + "</w:p></w:ftr>"
    )


FOOTER_REFERENCES = (
    '<w:footerReference w:type="even" r:id="rIdFooter2"/>'
    '<w:footerReference w:type="default" r:id="rIdFooter1"/>'
)

SECTION = (
    f"<w:sectPr>{FOOTER_REFERENCES}"
    '<w:pgSz w:w="11906" w:h="16838"/>'
    '<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588" w:header="851" '
    'w:footer="1434" w:gutter="0"/><w:cols w:space="720"/>'
    f'<w:docGrid w:type="lines" w:linePitch="{LINE}"/></w:sectPr>'
)


def paragraph(style: str, text: str = "") -> str:
    """A paragraph of one style holding ``text`` (escaped) in a single run."""
    run = f'<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r>' if text else ""
    return f'<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr>{run}</w:p>'


def document_xml(body: str, footer: bool = True) -> str:
    """document.xml with ``body`` (paragraph XML) followed by the section properties; without
    ``footer`` the pages carry no page number (cover, 目录)."""
    section = SECTION if footer else SECTION.replace(FOOTER_REFERENCES, "")
    return (
        XML_HEAD + f'<w:document xmlns:w="{W_NS}" xmlns:r="{R_NS}"><w:body>{body}{section}'
        "</w:body></w:document>"
    )
