"""The promotion project plan view: every text shown, headings, tables, captions and totals."""

from __future__ import annotations

import copy
from datetime import date
from decimal import Decimal
from functools import cache

import pytest

import safecommunity_docs
from safecommunity_docs.models import Community, Dossier, PromotionProject
from safecommunity_docs.views.document import Block, DocumentView, TableView
from safecommunity_docs.views.numbering import heading_number
from safecommunity_docs.views.project import project_view, schedule_rows
from tests.conftest import COMMUNITY, EXAMPLES, PROJECT
from tests.texts import model_texts

FOLDERS = ("qinghe-street", "dongshan-town", "jiangkou-park")
HEADINGS = (
    "项目背景",
    "目的",
    "对象",
    "形式及方法",
    "职责",
    "资源配置",
    "时间进度表",
    "预期效果",
    "验证方法及标准",
)
TABLE_COLUMNS = {
    "项目目标": ("序号", "指标", "基线值", "目标值", "完成时间", "数据来源"),
    "干预措施": ("序号", "措施类型", "措施内容", "起止时间", "责任单位", "工作量/覆盖面", "状态"),
    "项目经费预算": ("序号", "支出项目", "金额（元）", "资金来源", "备注"),
    "项目时间进度": ("序号", "时间", "工作内容"),
    "验证方法及标准": ("序号", "评估指标", "验证方法", "判定标准", "评估时间"),
}


@cache
def _dossier(folder: str) -> Dossier:
    return safecommunity_docs.load(EXAMPLES / folder)


def _cases() -> list[tuple[str, int]]:
    return [(f, i) for f in FOLDERS for i in range(len(_dossier(f).projects))]


CASES = _cases()
IDS = [f"{f}/{_dossier(f).projects[i].id}" for f, i in CASES]


def _example(folder: str, index: int) -> tuple[PromotionProject, Community, DocumentView]:
    dossier = _dossier(folder)
    project = dossier.projects[index]
    return project, dossier.community, project_view(project, dossier.community)


def _tables(view: DocumentView) -> dict[str, TableView]:
    """Map each caption's name (without 表n) to the table that follows it."""
    out: dict[str, TableView] = {}
    blocks = view.blocks
    for i, block in enumerate(blocks):
        if block.kind == "caption":
            table = blocks[i + 1].table
            assert blocks[i + 1].kind == "table"
            assert table is not None
            out[block.text.split(" ", 1)[1]] = table
    return out


def _section(view: DocumentView, heading: str) -> list[Block]:
    """The blocks under the h1 whose text ends with ``heading``, up to the next h1."""
    blocks = list(view.blocks)
    start = next(i for i, b in enumerate(blocks) if b.kind == "h1" and b.text.endswith(heading))
    end = next((i for i in range(start + 1, len(blocks)) if blocks[i].kind == "h1"), len(blocks))
    return blocks[start + 1 : end]


def _number(cell: str) -> Decimal:
    return Decimal(cell.replace(",", ""))


@pytest.mark.parametrize(("folder", "index"), CASES, ids=IDS)
def test_every_project_text_is_shown(folder: str, index: int) -> None:
    project, _, view = _example(folder, index)
    texts = view.texts()
    missing = [t for t in model_texts(project) if not any(t in shown for shown in texts)]
    assert missing == []


@pytest.mark.parametrize(("folder", "index"), CASES, ids=IDS)
def test_headings_are_numbered_in_order(folder: str, index: int) -> None:
    project, _, view = _example(folder, index)
    names = HEADINGS + (("持续改进",) if project.improvement else ())
    h1 = [b.text for b in view.blocks if b.kind == "h1"]
    assert h1 == [heading_number(1, n) + name for n, name in enumerate(names, start=1)]
    duties = [b.text for b in _section(view, "职责") if b.kind == "h2"]
    assert duties == [
        heading_number(2, n) + r.unit for n, r in enumerate(project.responsibilities, start=1)
    ]
    for block in view.blocks:
        if block.kind in ("h1", "h2"):
            assert block.outline
            assert not block.text.endswith(("。", "；", "，", "：", ".")), block.text


@pytest.mark.parametrize(("folder", "index"), CASES, ids=IDS)
def test_paragraphs_are_sentences(folder: str, index: int) -> None:
    _, _, view = _example(folder, index)
    for block in view.blocks:
        if block.kind == "p":
            assert block.text.endswith(("。", "；", "！", "？")), block.text


@pytest.mark.parametrize(("folder", "index"), CASES, ids=IDS)
def test_captions_are_numbered_and_tables_sized(folder: str, index: int) -> None:
    project, _, view = _example(folder, index)
    captions = [b.text for b in view.blocks if b.kind == "caption"]
    names = ["项目目标", "干预措施"]
    names += ["项目经费预算"] if project.resources.budget else []
    names += ["项目时间进度", "验证方法及标准"]
    assert captions == [f"表{n} {name}" for n, name in enumerate(names, start=1)]
    assert sum(1 for b in view.blocks if b.kind == "table") == len(names)
    tables = _tables(view)
    for name, table in tables.items():
        assert table.columns == TABLE_COLUMNS[name]
        assert len(table.column_widths) == len(table.columns) == len(table.align)
        assert [row[0] for row in table.rows if not table.total_row or row[0] != "合计"] == [
            str(n) for n in range(1, len(table.rows) + 1 - table.total_row)
        ]
    assert len(tables["项目目标"].rows) == len(project.targets)
    assert len(tables["干预措施"].rows) == len(project.measures)
    assert len(tables["验证方法及标准"].rows) == len(project.evaluation)
    schedule = tables["项目时间进度"]
    assert len(schedule.rows) == len(project.schedule or project.measures)
    assert [row[1:] for row in schedule.rows] == [tuple(r) for r in schedule_rows(project)]


@pytest.mark.parametrize(("folder", "index"), CASES, ids=IDS)
def test_budget_total_row_is_the_sum(folder: str, index: int) -> None:
    project, _, view = _example(folder, index)
    budget = project.resources.budget
    table = _tables(view)["项目经费预算"]
    assert table.total_row
    assert len(table.rows) == len(budget) + 1
    *lines, total = table.rows
    assert total[0] == "合计"
    assert [_number(row[2]) for row in lines] == [line.amount for line in budget]
    assert _number(total[2]) == sum(_number(row[2]) for row in lines) == project.resources.total
    paragraph = f"项目经费共计{total[2]}元，明细见表3。"
    assert paragraph in [b.text for b in _section(view, "资源配置")]


@pytest.mark.parametrize(("folder", "index"), CASES, ids=IDS)
def test_title_area(folder: str, index: int) -> None:
    project, community, view = _example(folder, index)
    assert view.title == f"{community.name}{project.title}实施方案"
    year, month = project.start.split("-")
    assert view.document_date == date(int(year), int(month), 1)
    assert view.author == project.lead_unit
    assert view.subtitle.startswith("（")
    assert view.subtitle.endswith("）")


def test_qinghe_elderly_falls_in_detail() -> None:
    project, _, view = _example("qinghe-street", 0)
    assert project.id == "elderly-falls"
    assert view.title == "清河街道“稳步银龄”老年人居家防跌倒项目实施方案"
    assert view.subtitle == "（2025年10月—2026年12月）"
    assert view.author == "清河街道社会事务办公室"
    assert view.document_date == date(2025, 10, 1)
    assert view.blocks[0] == Block(
        "p",
        "项目领域：老年人；实施部门：清河街道社会事务办公室；"
        "实施期限：2025年10月—2026年12月；重点项目：是。",
    )
    tables = _tables(view)
    assert tables["项目目标"].rows[0] == (
        "1",
        "60岁以上老年人跌倒伤害就诊人次（与2024年相比）",
        "—",
        "下降15%",
        "2026年9月",
        "伤害监测报告卡",
    )
    assert tables["项目目标"].rows[1][2:4] == ("0户", "300户")
    assert tables["项目目标"].rows[2][2:4] == ("12.5%", "不低于70%")
    assert tables["干预措施"].rows[0][1] == "政策"
    assert tables["干预措施"].rows[0][3] == "2025年10月8日—\n2025年11月30日"
    assert tables["干预措施"].rows[0][6] == "已完成"
    assert tables["项目经费预算"].rows[-1] == ("合计", "", "360000", "", "")
    assert tables["项目时间进度"].rows[0][1] == "2025年10月—2025年11月"
    objects = [b.text for b in _section(view, "对象")]
    assert objects[0] == "辖区60周岁以上老年人：15010人，宣传教育和跌倒风险筛查的覆盖对象。"
    assert objects[2] == "高龄独居老人家庭（居家适老化改造）：300户。"
    duties = _section(view, "职责")
    assert duties[0] == Block("h2", "（一）清河街道社会事务办公室", outline=True)
    assert duties[1].text == "1.牵头项目实施，制定适老化改造实施办法，组织改造对象审核和验收。"
    resources = [b.text for b in _section(view, "资源配置") if b.kind == "h2"]
    assert resources == ["（一）人员", "（二）物资设施", "（三）经费"]


def _fixture_project(**changes: object) -> PromotionProject:
    data = copy.deepcopy(PROJECT)
    data.update(changes)
    return PromotionProject.model_validate(data)


def test_minimal_project_without_community() -> None:
    project = _fixture_project()
    view = project_view(project)
    assert view.title == "老年人防跌倒项目实施方案"
    assert view.author == ""
    assert view.subtitle == "（2025年6月—2026年5月）"
    assert view.blocks[0].text == "项目领域：老年人；实施期限：2025年6月—2026年5月；重点项目：否。"
    h1 = [b.text for b in view.blocks if b.kind == "h1"]
    assert len(h1) == 9
    assert h1[-1] == "九、验证方法及标准"
    target = _tables(view)["项目目标"]
    assert target.rows == (("1", "跌倒发生率", "12.5‰", "不高于10‰", "—", "—"),)
    assert "本项目未单列人员、物资设施和经费。" in [b.text for b in _section(view, "资源配置")]
    assert [b.text for b in view.blocks if b.kind == "caption"] == [
        "表1 项目目标",
        "表2 干预措施",
        "表3 项目时间进度",
        "表4 验证方法及标准",
    ]
    assert _tables(view)["验证方法及标准"].rows == (
        ("1", "跌倒发生率", "伤害监测数据对比", "不高于10‰", "—"),
    )
    assert "60岁以上老人：2100人。" in view.texts()
    missing = [t for t in model_texts(project) if not any(t in s for s in view.texts())]
    assert missing == []


def test_community_gives_title_and_author_when_no_lead_unit() -> None:
    community = Community.model_validate(COMMUNITY)
    view = project_view(_fixture_project(), community)
    assert view.title == "测试街道老年人防跌倒项目实施方案"
    assert view.author == "测试街道"
    assert "实施部门：测试街道" in view.blocks[0].text
    titled = _fixture_project(title="测试街道老年人防跌倒项目实施方案")
    assert project_view(titled, community).title == "测试街道老年人防跌倒项目实施方案"


def test_schedule_is_built_from_measures_by_start_date() -> None:
    measures = [
        {
            "type": "宣传",
            "content": "开展防跌倒讲座",
            "start": "2025-09-01",
            "end": "2025-09-30",
            "owner": "社区卫生服务中心",
            "status": "进行中",
        },
        {
            "type": "环境",
            "content": "加装扶手",
            "start": "2025-07-01",
            "end": "2025-12-31",
            "owner": "社区居委会",
            "workload": "120户",
        },
        {
            "type": "服务",
            "content": "入户评估",
            "start": "2025-07-01",
            "end": "2025-07-31",
            "owner": "社区卫生服务中心",
        },
    ]
    view = project_view(_fixture_project(measures=measures))
    tables = _tables(view)
    assert tables["项目时间进度"].rows == (
        ("1", "2025年7月—2025年12月", "加装扶手"),
        ("2", "2025年7月", "入户评估"),
        ("3", "2025年9月", "开展防跌倒讲座"),
    )
    assert tables["干预措施"].rows[0] == (
        "1",
        "宣传",
        "开展防跌倒讲座",
        "2025年9月1日—\n2025年9月30日",
        "社区卫生服务中心",
        "—",
        "实施中",
    )
    assert tables["干预措施"].rows[1][5:] == ("120户", "计划")


def test_improvement_is_the_tenth_heading_and_budget_decimals() -> None:
    project = _fixture_project(
        improvement=["每季度回访改造家庭"],
        resources={
            "personnel": ["联络员1名"],
            "budget": [
                {"item": "扶手", "amount": "1200.5", "source": "街道财政"},
                {"item": "宣传", "amount": "800", "note": "含印刷"},
            ],
        },
    )
    view = project_view(project)
    h1 = [b.text for b in view.blocks if b.kind == "h1"]
    assert h1[-1] == "十、持续改进"
    assert _section(view, "持续改进") == [Block("p", "每季度回访改造家庭。")]
    resources = _section(view, "资源配置")
    assert [b.text for b in resources if b.kind == "h2"] == ["（一）人员", "（二）经费"]
    assert Block("p", "1.联络员1名。") in resources
    assert "项目经费共计2000.50元，明细见表3。" in [b.text for b in resources]
    assert _tables(view)["项目经费预算"].rows == (
        ("1", "扶手", "1200.50", "街道财政", ""),
        ("2", "宣传", "800.00", "", "含印刷"),
        ("合计", "", "2000.50", "", ""),
    )
