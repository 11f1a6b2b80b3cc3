"""The application letter view: user texts, defaults from the dossier, the honest request."""

from __future__ import annotations

import io
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import docx
import pytest

import safecommunity_docs
from safecommunity_docs.build import build, context_for
from safecommunity_docs.errors import InputError
from safecommunity_docs.kinds import annex_titles, get_kind, kinds
from safecommunity_docs.models import Dossier
from safecommunity_docs.models.application import Application
from safecommunity_docs.views.application import (
    application_view,
    standard_body,
)
from safecommunity_docs.views.document import DocumentView
from tests.conftest import ASSESSMENT, COMMUNITY, EXAMPLES, PLAN
from tests.texts import map_texts, model_texts

FOLDERS = ("qinghe-street", "dongshan-town", "jiangkou-park")


@cache
def _dossier(folder: str) -> Dossier:
    return safecommunity_docs.load(EXAMPLES / folder)


def _annexes(dossier: Dossier) -> list[str]:
    others = [k for k in kinds(dossier.options.part_order) if k.name != "application"]
    return annex_titles(others, dossier)


def _letter(application: Application | None, dossier: Dossier) -> DocumentView:
    context = context_for(dossier)
    return application_view(application, dossier, context.rubric, context.score, _annexes(dossier))


def _without_application(folder: str) -> Dossier:
    return _dossier(folder).model_copy(update={"application": None})


def _shown(view: DocumentView, text: str) -> bool:
    return any(text in shown for shown in view.texts())


def _kinds(view: DocumentView) -> list[str]:
    return [b.kind for b in view.blocks]


def _minimal(**parts: Any) -> Dossier:
    return Dossier.model_validate({"community": COMMUNITY, **parts})


@pytest.mark.parametrize("folder", FOLDERS)
def test_every_application_text_is_shown(folder: str) -> None:
    dossier = _dossier(folder)
    assert dossier.application is not None
    view = _letter(dossier.application, dossier)
    missing = [t for t in model_texts(dossier.application) if not _shown(view, t)]
    assert missing == []


def test_every_field_of_a_full_application_is_shown() -> None:
    dossier = _dossier("qinghe-street")
    application = Application.model_validate(
        {
            "addressee": "云州市安全生产委员会办公室",
            "applicant": "清河街道办事处",
            "submitted_on": "2026-11-05",
            "title": "关于清河街道申请评定市级安全社区的请示",
            "body": ["第一段。", "第二段，特申请评定，请予审查。"],
            "attachments": ["清河街道安全社区建设工作报告", "清河街道安全社区自评表"],
            "contact": {"name": "孙建华", "position": "主任", "phone": "0896-83216610"},
        }
    )
    view = _letter(application, dossier)
    assert [t for t in model_texts(application) if not _shown(view, t)] == []
    assert view.title == "关于清河街道申请评定市级安全社区的请示"
    assert view.blocks[0].kind == "plain"
    assert view.blocks[0].text == "云州市安全生产委员会办公室："
    assert [b.text for b in view.blocks if b.kind == "p"][:2] == [
        "第一段。",
        "第二段，特申请评定，请予审查。",
    ]
    notes = [b.text for b in view.blocks if b.kind == "annex_note"]
    assert notes == ["附件：1.清河街道安全社区建设工作报告\n2.清河街道安全社区自评表"]
    assert _kinds(view)[-5:] == ["blank", "blank", "signature", "date", "p"]
    assert view.blocks[-3].text == "清河街道办事处"
    assert view.blocks[-2].text == "2026年11月5日"
    assert view.blocks[-1].text == "（联系人：主任孙建华，电话：0896-83216610）", (
        "附注 under the date"
    )
    assert view.document_date == date(2026, 11, 5)
    assert view.author == "清河街道办事处"


def test_defaults_come_from_the_dossier() -> None:
    dossier = _without_application("qinghe-street")
    view = _letter(None, dossier)
    assert view.title == "关于申请评定市级安全社区的申请书"
    assert view.blocks[0].text == "云州市临川区安全生产委员会办公室："
    assert view.blocks[-3].text == "云州市临川区清河街道办事处"
    assert view.blocks[-2].text == "2026年10月20日"
    assert view.blocks[-1].text.startswith("（联系人："), "the community's contact as 附注"
    assert view.document_date == date(2026, 10, 20)
    contact = dossier.community.contact
    assert contact is not None
    assert contact.phone is not None
    assert _shown(view, f"联系人：{contact.position or ''}{contact.name}")
    assert _shown(view, f"电话：{contact.phone}")


def test_standard_text_states_the_numbers_and_the_request() -> None:
    dossier = _without_application("qinghe-street")
    body = standard_body(dossier, context_for(dossier).rubric, context_for(dossier).score)
    assert body[0].startswith("清河街道隶属云州市临川区，辖区面积6.8平方公里")
    assert "常住人口68240人" in body[0]
    assert "2025年3月1日" in body[1]
    assert "设立11个工作组" in body[1]
    assert "实施安全促进项目6个（其中重点项目3个）" in body[1]
    assert "收集伤害监测报告卡420份" in body[1]
    assert "自评总分为94.5分（满分100分），达到市级安全社区标准。" in body[2]
    assert body[-1] == "现特申请市级安全社区评定，请予审查。"
    view = _letter(None, dossier)
    assert [b.text for b in view.blocks if b.kind == "p"][: len(body)] == body


@pytest.mark.parametrize(
    ("folder", "verdict"),
    [
        ("dongshan-town", "83.0分（满分100分），创建考核合格。"),
        ("jiangkou-park", "65.0分（满分100分），不合格。"),
    ],
)
def test_below_the_standard_the_request_is_for_an_assessment(folder: str, verdict: str) -> None:
    dossier = _without_application(folder)
    body = standard_body(dossier, context_for(dossier).rubric, context_for(dossier).score)
    name = dossier.community.name
    assert any(verdict in text for text in body)
    assert body[-1] == f"现特申请对{name}市级安全社区创建工作进行评定，请予审查。"
    assert not any("达到市级安全社区标准" in text for text in body)


def test_default_attachments_follow_the_dossier() -> None:
    dossier = _dossier("qinghe-street")
    assert dossier.work_plan is not None
    assert dossier.diagnosis is not None
    assert _annexes(dossier) == [
        "清河街道安全社区建设工作报告",
        dossier.work_plan.title,
        dossier.diagnosis.title,
        "清河街道安全促进项目实施方案（6项）",
        "清河街道安全社区自评报告及自评表",
        "清河街道2025年度安全社区建设工作总结",
        "清河街道安全社区创建档案目录",
    ]
    reordered = dossier.model_copy(
        update={
            "options": dossier.options.model_copy(
                update={"part_order": ["self_assessment", "promotion_project", "work_plan"]}
            )
        }
    )
    assert _annexes(reordered) == [
        "清河街道安全社区自评报告及自评表",
        "清河街道安全促进项目实施方案（6项）",
        dossier.work_plan.title,
    ]


def test_a_lone_attachment_is_not_numbered() -> None:
    dossier = _minimal(work_plan=PLAN)
    view = _letter(None, dossier)
    assert [b.text for b in view.blocks if b.kind == "annex_note"] == [f"附件：{PLAN['title']}"]


def test_a_bare_dossier_still_gives_a_letter() -> None:
    dossier = _minimal(work_plan=PLAN)
    view = _letter(None, dossier)
    assert view.blocks[0].text == "示例市示例区安全生产委员会办公室："
    assert view.blocks[-2].text == PLAN["issuing_body"]
    assert view.document_date == date(2025, 3, 1)
    assert not any("联系人" in t for t in view.texts())
    assert [b.text for b in view.blocks if b.kind == "p"][
        -1
    ] == "现特申请市级安全社区评定，请予审查。"
    dossier = _minimal(assessment=ASSESSMENT)
    view = _letter(None, dossier)
    assert view.blocks[-2].text == "测试街道"
    assert view.document_date == date(2026, 10, 20)


def test_the_kind_yields_one_letter_with_a_plan_or_an_application() -> None:
    kind = get_kind("application")
    assert kind.documents(_minimal()) == []
    [document] = kind.documents(_minimal(work_plan=PLAN))
    assert document.stem == "测试街道安全社区评定申请书"
    assert document.title == "关于申请评定市级安全社区的申请书"
    with_letter = _minimal(
        application={
            "addressee": "某办",
            "applicant": "测试街道办事处",
            "submitted_on": "2026-11-01",
        }
    )
    [document] = kind.documents(with_letter)
    assert document.model == with_letter.application


def test_render_needs_the_dossier() -> None:
    dossier = _dossier("qinghe-street")
    assert dossier.application is not None
    data = safecommunity_docs.render(dossier.application, "docx", dossier=dossier)
    assert data[:2] == b"PK"
    with pytest.raises(InputError):
        safecommunity_docs.render(dossier.application, "docx")


@pytest.mark.parametrize("folder", FOLDERS)
def test_build_writes_the_letter(folder: str, tmp_path: Path) -> None:
    dossier = _dossier(folder)
    result = build(dossier, tmp_path, formats=["docx"])
    [output] = [o for o in result.outputs if o.kind == "application"]
    assert output.path.name == f"{dossier.community.name}安全社区评定申请书.docx"
    assert result.outputs[0] is output
    text = "\n".join(p.text for p in docx.Document(str(output.path)).paragraphs)
    assert dossier.application is not None
    assert dossier.application.addressee in text
    # 江口 (不合格) does not apply: its letter reports the self-assessment and asks for guidance.
    assert ("请予指导。" if folder == "jiangkou-park" else "请予审查。") in text


def test_hostile_text_comes_out_literally() -> None:
    dossier = _dossier("qinghe-street")
    assert dossier.application is not None
    made: list[str] = []

    def change(_: str) -> str:
        made.append(f"〔{len(made)}〕<w:p>&amp;{{{{ title }}}}{{% endfor %}}'\"=SUM(A1)]]>")
        return made[-1]

    hostile = Application.model_validate(map_texts(dossier.application, change))
    document = docx.Document(io.BytesIO(safecommunity_docs.render(hostile, dossier=dossier)))
    text = "\n".join(p.text for p in document.paragraphs)
    assert [t for t in made if t not in text] == []
