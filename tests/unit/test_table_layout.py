"""Tables as printed: widths from content, landscape for wide tables, 其他 last, one number
format per column, one range dash, no thousands separators, word joiners."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from datetime import date

import docx
import pytest

from safecommunity_docs import load
from safecommunity_docs.build import context_for
from safecommunity_docs.kinds import kinds
from safecommunity_docs.render.docx.engine import render_docx
from safecommunity_docs.render.docx.tables import LANDSCAPE_TWIPS, cell_text, column_twips
from safecommunity_docs.views.builder import BlockBuilder
from safecommunity_docs.views.document import DocumentView, TableView
from safecommunity_docs.views.format import fmt_number
from safecommunity_docs.views.order import is_residual
from safecommunity_docs.views.rowlines import tallest_row
from safecommunity_docs.views.widths import (
    LANDSCAPE_BUDGET,
    ROW_LINES,
    column_limits,
    column_needs,
    fit_widths,
)
from tests.conftest import EXAMPLES

FOLDERS = sorted(p for p in EXAMPLES.iterdir() if (p / "community.yaml").is_file())
HAZARD_COLUMNS = ("序号", "危险源/隐患", "位置", "等级", "控制措施", "责任单位", "时限", "状态")
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
LONG = "楼道内堆放杂物和电动自行车，影响疏散并存在火灾隐患，需要逐户排查清理"


def _views() -> Iterator[tuple[str, DocumentView]]:
    for folder in FOLDERS:
        dossier = load(folder)
        context = context_for(dossier)
        for kind in kinds():
            if "document" not in kind.views:
                continue
            for document in kind.documents(dossier):
                yield document.stem, kind.view("document", document.model, context)


@pytest.fixture(scope="module")
def views() -> list[tuple[str, DocumentView]]:
    return list(_views())


def test_short_columns_keep_their_width_and_the_text_column_takes_the_rest() -> None:
    columns = ("序号", "责任单位", "时限", "措施内容")
    rows = [
        ("1", "清河街道办", "2026年12月31日", LONG * 2),
        ("12", "消防站", "2026年6月30日", LONG),
    ]
    widths = fit_widths(columns, rows)
    assert sum(widths) <= 72
    for c in range(3):  # what the short columns need, margins included: never wrapped
        assert widths[c] >= column_limits(columns[c], [r[c] for r in rows])[1] + 2
    assert widths[3] == 72 - sum(widths[:3])


def test_a_header_is_not_wrapped_inside_a_word_when_there_is_room() -> None:
    table = TableView(("序号", "工作量/覆盖面", "内容"), (("1", "3处", LONG * 3),))
    widths = table.column_widths
    assert widths[1] >= len("工作量/") * 2 + 2 - 1


def test_wide_tables_are_landscape_and_narrow_ones_are_not() -> None:
    row = (
        "1",
        LONG,
        "东关、柳塘社区",
        "较大",
        LONG,
        "清河街道城市管理办公室",
        "2026年6月30日",
        "已整改",
    )
    assert TableView(HAZARD_COLUMNS, (row,)).is_landscape
    assert not TableView(("年份", "例数", "构成比"), (("2024年", "3", "50.0%"),)).is_landscape
    assert not TableView(HAZARD_COLUMNS, (row,), landscape=False).is_landscape
    landscape = TableView(HAZARD_COLUMNS, (row,)).column_widths
    text = [landscape[i] * 225 / sum(landscape) for i in (1, 4)]  # mm of the 225 mm area
    assert min(text) >= 7 * 4.23  # seven 12 pt characters at least


def test_builder_puts_a_landscape_table_and_its_headings_in_their_own_section() -> None:
    row = ("1", LONG, "东关", "较大", LONG, "清河街道城市管理办公室", "2026年6月30日", "已整改")
    b = BlockBuilder()
    b.p("正文。")
    for name in ("一", "二"):
        b.h2(name)
        b.table(name, TableView(HAZARD_COLUMNS, (row,)))
    b.p("后文。")
    kinds_ = [(blk.kind, blk.text) for blk in b.blocks]
    assert kinds_ == [
        ("p", "正文。"),
        ("section", "landscape"),
        ("h2", "（一）一"),
        ("caption", "表1 一"),
        ("table", ""),
        ("h2", "（二）二"),
        ("caption", "表2 二"),
        ("table", ""),
        ("section", "portrait"),
        ("p", "后文。"),
    ]


def test_residual_categories_are_last_in_every_ranked_table_and_chart(
    views: list[tuple[str, DocumentView]],
) -> None:
    checked = 0
    for _, view in views:
        for block in view.blocks:
            labels: list[str] = []
            if block.table is not None and block.table.columns[1:] == ("例数", "构成比"):
                labels = [row[0] for row in block.table.rows[:-1]]  # the 合计 row stays last
            elif block.chart is not None:
                labels = list(block.chart.categories)
            flags = [is_residual(label) for label in labels]
            assert flags == sorted(flags), labels
            checked += any(flags) and not all(flags)
    assert checked > 0


def test_one_number_format_per_column(views: list[tuple[str, DocumentView]]) -> None:
    number = re.compile(r"^[+-]?\d+(?:\.(\d+))?([^\d\s.]{0,4})$")
    for stem, view in views:
        for block in view.blocks:
            if block.table is None:
                continue
            table = block.table
            for c, header in enumerate(table.columns):
                if header.endswith(("序号", "编号", "号")):
                    continue
                places: dict[str, set[int]] = {}
                for row in table.rows:
                    m = number.match(row[c])
                    if m:
                        places.setdefault(m.group(2), set()).add(len(m.group(1) or ""))
                for unit, found in places.items():
                    assert len(found) == 1, (stem, header, unit, found)


def test_one_dash_for_ranges_and_no_thousands_separators(
    views: list[tuple[str, DocumentView]],
) -> None:
    # The Chinese documents (the English ISCCC application groups thousands: 68,240)
    texts = [t for _, view in views if view.language == "zh-CN" for t in view.texts()]
    assert any(re.search(r"\d—\d+岁", t) for t in texts)
    assert not [t for t in texts if re.search(r"\d\s*[-~～－–]\s*\d+\s*岁", t)]
    assert not [t for t in texts if re.search(r"\d,\d{3}(?!\d)", t)]
    assert fmt_number(68240) == "68240"


def test_chinese_labels_have_full_width_brackets() -> None:
    table = TableView(("伤害意图", "例数"), (("故意(暴力、攻击)", "1"), ("ISO(2018)", "2")))
    assert table.rows == (("故意（暴力、攻击）", "1"), ("ISO(2018)", "2"))


def test_decimals_are_made_equal_in_a_column_but_not_in_numbering() -> None:
    table = TableView(("序号", "得分", "比例"), (("1.1", "2.7", "90%"), ("1.10", "2.33", "85.5%")))
    assert table.rows == (("1.1", "2.70", "90.0%"), ("1.10", "2.33", "85.5%"))


def test_word_cells_keep_a_date_whole_and_every_table_is_followed_by_a_blank_line() -> None:
    b = BlockBuilder()
    b.table("日期", TableView(("事项", "时限"), (("排查", "2026年6月30日"),)))
    b.p("后文。")
    view = DocumentView("标题", "", tuple(b.blocks), "清河街道", date(2026, 1, 1), kind="work_plan")
    document = docx.Document(io.BytesIO(render_docx(view)))
    body = document.element.body
    table = document.tables[0]
    assert table.rows[1].cells[1].text == "2026年6月30日"
    after = table._tbl.getnext()
    assert after is not None
    assert after.tag.endswith("}p")
    assert not "".join(after.itertext())
    assert body.index(after) == body.index(table._tbl) + 1


def _measures(view: DocumentView) -> TableView:
    [table] = [
        b.table for b in view.blocks if b.table is not None and "措施内容" in b.table.columns
    ]
    return table


def test_a_date_keeps_its_line_in_a_crowded_landscape_table() -> None:
    """LibreOffice sets 「2027年10月31日」 with gaps where digits meet 汉字: its column is sized
    as the Word renderer measures it, so the cell is not broken (it was 「2027年10月 / 31日」)."""
    row = (
        "1",
        LONG,
        "东关、柳塘、新华坊、桂花里社区老旧小区",
        "一般",
        LONG,
        "清河街道城市管理办公室",
        "2027年10月31日",
        "整改中，见说明",
    )
    widths = fit_widths(HAZARD_COLUMNS, [row] * 3, LANDSCAPE_BUDGET)
    twips = column_twips(widths, LANDSCAPE_TWIPS)
    assert cell_text("2027年10月31日", twips[6]) == "2027年10月31日"
    assert cell_text("整改中，见说明", twips[7]) in ("整改中，见说明", "整改中，\n见说明")


def test_the_measures_of_a_project_go_landscape_with_room_for_their_text(
    views: list[tuple[str, DocumentView]],
) -> None:
    """A 干预措施 table of long rows is not squeezed onto a portrait page with its 措施内容 five
    characters wide (rows nearly a page tall): it goes landscape, its text fourteen characters
    wide at least and no row over :data:`ROW_LINES` lines."""
    tables = [_measures(view) for stem, view in views if "项目实施方案" in stem]
    assert len(tables) > 10
    for table in tables:
        assert table.is_landscape
        widths = fit_widths(table.columns, table.rows, LANDSCAPE_BUDGET)
        assert widths[2] >= 28 + 2, widths
        assert tallest_row(table.rows, widths) <= ROW_LINES


def test_a_header_is_halved_only_when_its_whole_words_do_not_fit() -> None:
    assert column_needs("措施类型", ["政策", "环境"]).minimum == 4  # 「措施 / 类型」 if need be
    roomy = TableView(("序号", "措施类型", "措施内容"), (("1", "政策", LONG * 3),))
    assert roomy.column_widths[1] >= len("措施类型") * 2 + 2


def test_spare_width_goes_where_it_saves_the_most_lines() -> None:
    """Four wrapped item names gain more lines than one long note: the room goes where the
    table gets shortest, not in proportion to what each column lacks."""
    item = "宣传教育与培训（宣教体验馆布展、宣传品、培训讲座）"
    note = "充电设施与楼道整治、骑行与上学路安全、儿童居家安全、商业街燃气消防、应急演练与物资储备"
    rows = [(str(n), item, "186000", "街道财政专项", "") for n in range(1, 5)]
    rows.append(("5", "其他", "909000", "街道财政专项", note))
    columns = ("序号", "支出项目", "金额（元）", "资金来源", "备注")
    widths = fit_widths(columns, rows)
    assert sum(widths) <= 72
    shared = (6, 19, 8, 14, 24)  # minimum widths plus the room shared by what each lacks
    table = [columns, *rows]
    height = sum(tallest_row([row], widths) for row in table)
    assert height < sum(tallest_row([row], shared) for row in table)
    assert tallest_row([columns], widths) == 1  # 「金额（元）」 whole


def test_a_section_opens_with_a_paragraph_of_no_height_before_its_heading() -> None:
    """LibreOffice ignores keepNext on the first page of a section that starts with a heading
    (a heading then ends that page alone): a flat empty paragraph opens every section."""
    row = ("1", LONG, "东关", "较大", LONG, "清河街道城市管理办公室", "2026年6月30日", "已整改")
    b = BlockBuilder()
    b.p("正文。")
    b.h2("一")
    b.table("一", TableView(HAZARD_COLUMNS, (row,)))
    b.h1("五、职责")
    b.p("后文。")
    view = DocumentView("标题", "", tuple(b.blocks), "清河街道", date(2026, 1, 1), kind="work_plan")
    body = docx.Document(io.BytesIO(render_docx(view))).element.body
    paragraphs = list(body.iter(f"{W}p"))
    breaks = [p for p in paragraphs if p.find(f"{W}pPr/{W}sectPr") is not None]
    assert len(breaks) == 2
    for end in breaks:
        opener = end.getnext()
        assert opener is not None
        assert opener.tag == f"{W}p"
        assert not "".join(opener.itertext())
        spacing = opener.find(f"{W}pPr/{W}spacing")
        assert spacing is not None
        assert spacing.get(f"{W}line") == "20"
        snap = opener.find(f"{W}pPr/{W}snapToGrid")
        assert snap is not None
        assert snap.get(f"{W}val") == "0"
