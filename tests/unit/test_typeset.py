"""The keep-together model and the line breaks of titles, 目录 entries and table cells, and how
the Word renderer writes them (keepNext styles, row keeps, explicit line breaks)."""

from __future__ import annotations

import io
from datetime import date

import docx
from docx.oxml.ns import qn

from safecommunity_docs.render.docx.engine import render_docx
from safecommunity_docs.render.docx.tables import cell_text, column_twips
from safecommunity_docs.views.document import Block, DocumentView, TableView
from safecommunity_docs.views.dossier import ContentsEntry, contents_view
from safecommunity_docs.views.keep import keep_with_next
from safecommunity_docs.views.linebreak import (
    TITLE_EM,
    ZWSP,
    break_hints,
    em_width,
    title_lines,
    tokens,
    wrap,
)
from safecommunity_docs.views.rowlines import MARGIN_EM, SAFETY_EM, UNIT_EM, cell_lines
from tests.conftest import EXAMPLES

LONG_TITLES = (
    "清河街道安全社区创建工作计划（2025—2026年）",
    "清河街道电动自行车骑行安全促进项目实施方案",
    "清河街道“阻燃楼道”电动自行车充电与楼道火灾防控项目实施方案",
    "江口经济开发区安置社区老年人防跌倒项目实施方案",
    "江口经济开发区市级安全社区创建工作计划（2025—2027年）",
)
TABLE = TableView(
    columns=("序号", "完成时间", "内容"),
    rows=tuple((str(i), "2026年12月31日", f"第{i}项任务，基线58%（2024年）") for i in range(1, 7)),
    widths=(4, 8, 40),
)


def _blocks() -> tuple[Block, ...]:
    return (
        Block("h1", "一、主要职责"),
        Block("p", "各工作组的主要职责："),
        Block("p", "负责辖区安全促进工作。" * 3),
        Block("caption", "表1 任务"),
        Block("table", table=TABLE),
        Block("figure", image=b"png"),
        Block("caption", "图1 构成"),
        Block("p", "正文第一段。" * 8),
        Block("p", "以上，请审查。"),
        Block("blank"),
        Block("annex_note", "附件：1.工作计划"),
        Block("blank"),
        Block("signature", "清河街道办事处"),
        Block("date", "2026年11月5日"),
    )


def test_what_keeps_with_the_next_block() -> None:
    keep = dict(enumerate(keep_with_next(_blocks())))
    assert keep[0], "a heading keeps with what follows"
    assert keep[1], "a label keeps with what it introduces"
    assert not keep[2], "plain body text does not"
    assert keep[3], "a caption keeps with the table below it"
    assert keep[5], "a figure keeps with its caption"
    assert not keep[6], "a caption below its figure keeps with nothing"
    # the closing group keeps together, with the last body paragraph (one line) and the one
    # before it, so two lines of body text share the page of the 落款
    assert all(keep[i] for i in range(7, 13))
    assert not keep[13], "the last block keeps with nothing"


def test_each_annex_ends_its_own_closing_group() -> None:
    blocks = (
        Block("p", "正文。" * 20),
        Block("signature", "办事处"),
        Block("date", "2026年1月1日"),
        Block("annex_label", "附件1"),
        Block("annex_title", "名单"),
        Block("p", "名单正文。"),
    )
    keep = keep_with_next(blocks)
    assert keep[:3] == (True, True, False), "the date does not keep with the next annex"
    assert keep[3:] == (True, True, False)


def _document(blocks: tuple[Block, ...], title: str = "测试文档") -> docx.document.Document:
    view = DocumentView(
        kind="work_report",
        title=title,
        subtitle="",
        blocks=blocks,
        author="测试",
        document_date=date(2026, 1, 1),
    )
    return docx.Document(io.BytesIO(render_docx(view)))


def _keeps(paragraph: object) -> bool:
    """Whether a paragraph keeps with the next, directly or through its style chain."""
    p = paragraph._p  # type: ignore[attr-defined]
    if p.pPr is not None and p.pPr.find(qn("w:keepNext")) is not None:
        return True
    style = paragraph.style  # type: ignore[attr-defined]
    while style is not None:
        ppr = style.element.pPr
        if ppr is not None and ppr.find(qn("w:keepNext")) is not None:
            return True
        style = style.base_style
    return False


def test_the_word_document_keeps_what_the_view_keeps() -> None:
    blocks = tuple(b for b in _blocks() if b.kind != "figure")
    document = _document(blocks)
    shown = {p.text: p for p in document.paragraphs if p.text}
    assert _keeps(shown["各工作组的主要职责："])
    assert not _keeps(shown["负责辖区安全促进工作。" * 3])
    assert _keeps(shown["表1 任务"])
    assert not _keeps(shown["图1 构成"])
    assert _keeps(shown["以上，请审查。"])
    assert _keeps(shown["清河街道办事处"])
    assert not _keeps(shown["2026年11月5日"])
    kept = shown["以上，请审查。"].style
    assert kept.element.pPr.find(qn("w:widowControl")).get(qn("w:val")) is None, (
        "a kept paragraph carries two lines over a page break (widow control on)"
    )


def test_table_rows_never_split_and_break_with_two_rows_each_side() -> None:
    table = _document((Block("table", table=TABLE),)).tables[0]
    rows = table._tbl.tr_lst
    assert all(tr.trPr.find(qn("w:cantSplit")) is not None for tr in rows)
    keeps = [
        all(p.pPr.find(qn("w:keepNext")) is not None for p in tr.iter(qn("w:p"))) for tr in rows
    ]
    # header and first row together; the last row but one with the last; nothing else
    assert keeps == [True, True, False, False, False, True, False]


def test_long_titles_break_at_word_boundaries_into_balanced_lines() -> None:
    for title in LONG_TITLES:
        lines = title_lines(title)
        assert len(lines) == 2, lines
        assert "".join(lines) == title
        assert all(len(line) >= 3 and em_width(line) <= TITLE_EM for line in lines), lines
        assert abs(em_width(lines[0]) - em_width(lines[1])) < 12, lines
    assert title_lines(LONG_TITLES[0])[1] == "（2025—2026年）", "the period on its own line"
    assert title_lines(LONG_TITLES[1]) == ["清河街道电动自行车骑行", "安全促进项目实施方案"]
    assert title_lines("关于申请评定市级安全社区的申请书") == ["关于申请评定市级安全社区的申请书"]


def test_the_title_of_a_word_document_has_its_line_break() -> None:
    document = _document((Block("p", "正文。"),), title=LONG_TITLES[1])
    assert document.paragraphs[0].text == "清河街道电动自行车骑行\n安全促进项目实施方案"


def test_contents_entries_wrap_with_a_hanging_indent_and_no_short_line() -> None:
    from safecommunity_docs import load

    dossier = load(EXAMPLES / "jiangkou-park")
    entries = [
        ContentsEntry(LONG_TITLES[4], 30),
        ContentsEntry("江口经济开发区安置社区老年人防跌倒项目实施方案", 127),
        ContentsEntry("江口经济开发区安全社区创建工作领导小组成员名单及职责分工", 40, 2, "附件1"),
    ]
    view = contents_view(dossier, entries)
    for block, entry in zip(view.blocks, entries, strict=True):
        text, folio = block.text.rsplit("\t", 1)
        assert folio == str(entry.page)
        lines = text.split("\n")
        assert len(lines) == 2, lines
        assert all(len(line.strip("\u3000")) >= 3 for line in lines), lines
        assert "".join(line.strip("\u3000") for line in lines).endswith(entry.title)
    assert view.blocks[0].text.split("\n")[1].startswith("（2025—2027年）")
    assert view.blocks[2].text.split("\n")[1].startswith("\u3000\u3000"), "an annex hangs deeper"


def test_dates_and_numbers_with_units_are_whole_pieces() -> None:
    assert "2025年3月10日" in tokens("截止到2025年3月10日完成")
    assert "58%" in tokens("基线58%（2024年）")
    assert "3.5万元" in tokens("经费3.5万元")
    assert tokens("指标1.4、2.1")[-2:] == ["1.4、", "2.1"], "a closing mark joins the piece before"


def test_cell_text_wraps_between_whole_pieces() -> None:
    assert wrap("截止到2025年3月10日完成", 8.5) == "截止到\n2025年3月10日\n完成"
    assert wrap("58%（2024年）", 4.5) == "58%\n（2024年）"
    assert wrap("2025年10月—2026年12月", 4.5) == "2025年\n10月—\n2026年\n12月", (
        "a date wider than a line"
    )
    assert wrap("短文字", 5) == "短文字", "text that fits is left alone"
    text = "完成辖区内老旧小区的照明改造"
    assert all(len(line) >= 2 for line in wrap(text, 6).split("\n")), "no single last character"


def test_cells_of_a_word_table_get_the_line_breaks() -> None:
    twips = column_twips(TABLE.column_widths)
    shown = cell_text("2026年12月31日", twips[1])
    lines = shown.split("\n")
    assert len(lines) > 1
    assert "".join(lines) == "2026年12月31日"
    assert all(line[-1] in "年月日" for line in lines), "breaks fall after 年, 月 or 日"
    table = _document((Block("table", table=TABLE),)).tables[0]
    assert table.cell(1, 1).text == cell_text("2026年12月31日", twips[1])


def test_lists_of_indicator_numbers_get_break_opportunities() -> None:
    text = "对其余失分项（二级指标1.4、2.1、10.1），对照评分标准逐项整改。"
    hinted = break_hints(text)
    assert hinted == text.replace("、", "、" + ZWSP)
    assert break_hints("老人、儿童") == "老人、儿童"
    assert break_hints("五、2026年工作打算") == "五、2026年工作打算", (
        "a heading number is left alone"
    )
    document = _document((Block("p", text),))
    assert document.paragraphs[-1].text == hinted


def test_kept_pieces_and_lines_cannot_be_changed_by_a_caller() -> None:
    """Pieces and cell lines are kept between calls: what a caller does to the list it got
    changes neither the next answer nor the widths of a table fitted afterwards."""
    text = "截止到2025年3月10日完成辖区内老旧小区的照明改造"
    first = tokens(text)
    first.clear()
    assert "".join(tokens(text)) == text
    assert "2025年3月10日" in tokens(text)
    lines = cell_lines(text, 12)
    assert len(lines) > 1
    lines[:] = ["x"]
    assert cell_lines(text, 12) == wrap(text, 12 * UNIT_EM - MARGIN_EM - SAFETY_EM).split("\n")
    table = TableView(columns=("序号", "内容"), rows=(("1", text),))
    document = _document((Block("table", table=table),)).tables[0]
    twips = column_twips(table.column_widths)
    assert document.cell(1, 1).text == cell_text(text, twips[1])
