"""The work report view: 概况 numbers, element sections as prose, 创建成效, result and next
steps."""

from __future__ import annotations

import io
from functools import cache
from pathlib import Path

import docx
import pytest

import safecommunity_docs
from safecommunity_docs.build import build, context_for
from safecommunity_docs.kinds import get_kind
from safecommunity_docs.models import Community, Dossier
from safecommunity_docs.views.document import Block, DocumentView
from safecommunity_docs.views.numbering import chinese_number
from safecommunity_docs.views.work_report import work_report_view
from tests.conftest import COMMUNITY, EXAMPLES, PLAN
from tests.texts import map_texts, model_texts

FOLDERS = ("qinghe-street", "dongshan-town", "jiangkou-park")
H1 = (
    "一、基本概况",
    "二、对照《安全社区建设基本要求》开展的工作",
    "三、创建成效",
    "四、自评结果",
    "五、存在的问题和下一步打算",
)
VERDICTS = {
    "qinghe-street": "自评总分为94.5分（满分100分），达到市级安全社区标准。",
    "dongshan-town": "自评总分为83.0分（满分100分），创建考核合格。",
    "jiangkou-park": "自评总分为65.0分（满分100分），不合格。",
}


@cache
def _dossier(folder: str) -> Dossier:
    return safecommunity_docs.load(EXAMPLES / folder)


def _report(dossier: Dossier) -> DocumentView:
    context = context_for(dossier)
    return work_report_view(dossier, context.rubric, context.score, context.outcomes)


@cache
def _view(folder: str) -> DocumentView:
    return _report(_dossier(folder))


def _section(view: DocumentView, heading: str) -> list[Block]:
    blocks = list(view.blocks)
    start = next(i for i, b in enumerate(blocks) if b.kind == "h1" and b.text == heading)
    end = next((i for i in range(start + 1, len(blocks)) if blocks[i].kind == "h1"), len(blocks))
    return blocks[start + 1 : end]


def _joined(view: DocumentView) -> str:
    return "\n".join(view.texts())


@pytest.mark.parametrize("folder", FOLDERS)
def test_structure(folder: str) -> None:
    view = _view(folder)
    dossier = _dossier(folder)
    assert view.title == f"{dossier.community.name}安全社区建设工作报告"
    assert tuple(b.text for b in view.blocks if b.kind == "h1") == H1
    overview = [b.text for b in _section(view, H1[0]) if b.kind == "h2"]
    assert overview == [
        "（一）位置面积",
        "（二）人口",
        "（三）单位构成",
        "（四）安全特征和难点",
        "（五）创建历程和荣誉",
    ]
    assert dossier.assessment is not None
    assert dossier.work_plan is not None
    assert (view.blocks[-2].kind, view.blocks[-2].text) == (
        "signature",
        dossier.work_plan.issuing_body,
    )
    assert view.document_date == dossier.assessment.assessed_on
    captions = [b.text for b in view.blocks if b.kind == "caption"]
    assert captions == [
        "表1 安全社区创建工作组设置",
        "表2 安全促进项目一览",
        "表3 量化目标完成情况",
        "表4 干预效果评价",
    ]


@pytest.mark.parametrize("folder", FOLDERS)
def test_elements_are_prose_not_a_checklist(folder: str) -> None:
    view = _view(folder)
    dossier = _dossier(folder)
    assert dossier.assessment is not None
    rubric = safecommunity_docs.load_rubric(dossier.assessment.rubric)
    text = _joined(view)
    assert "针对二级指标" not in text
    for _, item in rubric.items():
        assert item.text not in text, item.id
    for n, element in enumerate(rubric.elements, start=1):
        assert sum(1 for b in view.blocks if b.kind == "h2" and b.text.endswith(element.title)) == 1
        evidence = [
            t
            for i in element.items
            for e in dossier.assessment.items
            if e.item == i.id
            for t in e.evidence
        ]
        if evidence:
            assert f"已按档案目录第{chinese_number(n)}部分归档备查。" in text, element.id


@pytest.mark.parametrize("folder", FOLDERS)
def test_activities_are_told_with_their_quantities(folder: str) -> None:
    dossier = _dossier(folder)
    assert dossier.assessment is not None
    text = _joined(_view(folder))
    activities = [a for e in dossier.assessment.items for a in e.activities]
    assert activities, "every example records the work done"
    for a in activities:
        told = a.text.rstrip("。；")
        if a.sessions is not None:
            told += f"{a.sessions}{a.unit}"
        if a.participants is not None:
            told += f"，参与{a.participants}人次"
        assert told in text


@pytest.mark.parametrize("folder", FOLDERS)
def test_community_texts_deductions_and_improvements_are_shown(folder: str) -> None:
    view = _view(folder)
    dossier = _dossier(folder)
    assert dossier.assessment is not None
    text = _joined(view)
    community = dossier.community.model_copy(update={"contact": None})
    assert [t for t in model_texts(community) if t not in text] == []
    deductions = [e.deductions for e in dossier.assessment.items if e.deductions]
    improvements = [e.improvement for e in dossier.assessment.items if e.improvement]
    assert [t for t in deductions + improvements if t not in text] == []


def test_population_numbers_match_the_community() -> None:
    view = _view("qinghe-street")
    population = [
        b.text for b in _section(view, H1[0]) if b.kind == "p" and "常住人口68240人" in b.text
    ]
    assert population == [
        "清河街道共有26480户，常住人口68240人，其中男性33610人、女性34630人。"
        "户籍人口49860人。流动人口18380人，占常住人口的26.9%。残疾人1247人，占常住人口的1.8%。"
    ]
    text = _joined(view)
    assert "辖区面积6.8平方公里，下辖9个社区：东关社区、柳塘社区" in text
    assert "70岁及以上6480人，占9.5%" in text
    assert "0—14岁少年儿童9300人，占13.6%；60岁及以上老年人15010人，占22.0%。" in text
    assert (
        "辖区内有企业412家、中小学3所、幼儿园6所、医疗机构17家、公共场所41处、危险化学品单位2家。"
        in text
    )
    assert "1.2023年 云州市平安街道（中共云州市委平安云州建设领导小组）；" in text
    assert "5.2025年 临川区应急管理工作先进集体（云州市临川区应急管理局）。" in text


def test_age_shares_add_up_to_one_hundred() -> None:
    for folder in FOLDERS:
        text = _joined(_view(folder))
        start = text.index("从年龄结构看，")
        shares = text[start : text.index("。", start)].split("；")
        total = sum(float(s.rsplit("占", 1)[1].rstrip("%")) for s in shares)
        assert round(total, 1) == 100.0, folder


def test_element_facts_come_from_the_dossier() -> None:
    dossier = _dossier("qinghe-street")
    text = _joined(_view("qinghe-street"))
    assert dossier.work_plan is not None
    assert "成立了清河街道安全社区促进委员会" in text
    assert "按领域设立11个工作组：老年人安全工作组、交通安全工作组" in text
    assert "共辨识危险源和隐患20处" in text
    assert "样本量1200，有效样本1146" in text
    assert dossier.work_plan.objectives is not None
    n = len(dossier.work_plan.objectives.targets)
    assert f"计划确定了{n}项量化指标：居民安全知识知晓率不低于85%" in text
    assert "共策划实施安全促进项目6个" in text
    assert "其中重点项目3个（“稳步银龄”老年人居家防跌倒项目" in text
    assert "项目经费预算合计113.8万元" in text
    assert "共收集伤害监测报告卡420份" in text
    for project in dossier.projects:
        assert project.title in text


@pytest.mark.parametrize("folder", FOLDERS)
def test_result_and_next_steps(folder: str) -> None:
    view = _view(folder)
    result = _section(view, H1[3])
    assert VERDICTS[folder] in result[0].text
    steps = [b.text for b in _section(view, H1[4])]
    assert steps.index("（二）下一步打算") > steps.index("（一）存在的问题")
    report = safecommunity_docs.score(_dossier(folder))
    for item in report.priorities:
        assert any(f".二级指标{item.id}失分" in t for t in steps), item.id


def test_without_an_assessment() -> None:
    dossier = Dossier.model_validate({"community": COMMUNITY, "work_plan": PLAN})
    view = _report(dossier)
    assert tuple(b.text for b in view.blocks if b.kind == "h1") == (*H1[:3], "四、自评结果")
    assert _section(view, "四、自评结果")[0] == Block("p", "测试街道尚未开展自评。")
    assert "本项工作暂无可归档的证明材料。" in _joined(view)
    assert "测试街道尚无伤害监测记录，无法比较创建前后的伤害发生情况。" in _joined(view)
    assert view.blocks[-2].text == PLAN["issuing_body"]
    assert get_kind("work_report").documents(dossier) == []


def test_sparse_community() -> None:
    community = Community.model_validate(COMMUNITY)
    dossier = Dossier(community=community)
    view = _report(dossier)
    overview = [b.text for b in _section(view, H1[0]) if b.kind == "h2"]
    assert overview == ["（一）位置面积", "（二）人口", "（三）创建历程和荣誉"]
    assert "测试街道于2025年3月1日启动市级安全社区创建工作。" in _joined(view)
    assert view.blocks[-2].text == "测试街道"


@pytest.mark.parametrize("folder", FOLDERS)
def test_build_writes_the_report(folder: str, tmp_path: Path) -> None:
    dossier = _dossier(folder)
    result = build(dossier, tmp_path, formats=["docx"])
    [output] = [o for o in result.outputs if o.kind == "work_report"]
    assert output.path.name == f"{dossier.community.name}安全社区建设工作报告.docx"
    kinds = [o.kind for o in result.outputs]
    assert kinds.index("application") < kinds.index("work_report") < kinds.index("work_plan")
    document = docx.Document(str(output.path))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "二、对照《安全社区建设基本要求》开展的工作" in text
    assert len(document.tables) == 4  # 工作组, 项目, 量化目标, 干预效果


def test_hostile_community_text_comes_out_literally() -> None:
    dossier = _dossier("qinghe-street")
    made: list[str] = []

    def change(_: str) -> str:
        made.append(f"〔{len(made)}〕<w:p>&amp;{{{{ title }}}}{{% endfor %}}'\"=SUM(A1)]]>")
        return made[-1]

    community = Community.model_validate(map_texts(dossier.community, change))
    hostile = dossier.model_copy(update={"community": community})
    data = get_kind("work_report").render(hostile, "docx", context_for(hostile))
    document = docx.Document(io.BytesIO(data))
    text = "\n".join(p.text for p in document.paragraphs)
    shown = [t for t in made if t in text]
    contact = community.contact
    assert contact is not None
    expected = [t for t in made if t not in (contact.name, contact.position, contact.phone)]
    assert shown == expected
