"""The 档案目录: every piece of evidence of the self-assessment, numbered element by element,
each once per element with every item it supports; the work report names it briefly."""

from __future__ import annotations

import io

import docx
import pytest

import safecommunity_docs
from safecommunity_docs.build import context_for
from safecommunity_docs.kinds import get_kind
from safecommunity_docs.models import Dossier
from tests.conftest import COMMUNITY, EXAMPLES, PLAN

FOLDERS = ("qinghe-street", "dongshan-town", "jiangkou-park")


@pytest.mark.parametrize("folder", FOLDERS)
def test_every_piece_of_evidence_is_listed_with_its_items(folder: str) -> None:
    dossier = safecommunity_docs.load(EXAMPLES / folder)
    assert dossier.assessment is not None
    rubric = safecommunity_docs.load_rubric(dossier.assessment.rubric)
    data = get_kind("archive_index").render(dossier, "docx", context_for(dossier))
    document = docx.Document(io.BytesIO(data))
    texts = [p.text for p in document.paragraphs]
    assert texts[0] == f"{dossier.community.name}安全社区创建档案目录"
    entries = {e.item: e for e in dossier.assessment.items}
    expected: list[list[str]] = []
    for n, element in enumerate(rubric.elements, start=1):
        seen: dict[str, list[str]] = {}
        for item in element.items:
            entry = entries.get(item.id)
            for text in entry.evidence if entry is not None else []:
                seen.setdefault(text, []).append(item.id)
        expected.extend(
            [f"{n}-{k:02d}", text, "、".join(items)]
            for k, (text, items) in enumerate(seen.items(), start=1)
        )
    rows = [
        [c.text.replace("\n", "") for c in row.cells]
        for table in document.tables
        for row in table.rows[1:]
    ]
    assert rows == expected
    total = sum(1 for _ in expected)
    assert any(f"共{total}份材料" in t for t in texts)


def test_the_work_report_refers_to_it() -> None:
    dossier = safecommunity_docs.load(EXAMPLES / "qinghe-street")
    data = get_kind("work_report").render(dossier, "docx", context_for(dossier))
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)
    assert "针对二级指标" not in text
    assert "主要材料有《清河街道安全社区促进委员会成立文件》" in text
    assert "已按档案目录第一部分归档备查。" in text


def test_no_assessment_no_archive_index() -> None:
    dossier = Dossier.model_validate({"community": COMMUNITY, "work_plan": PLAN})
    assert get_kind("archive_index").documents(dossier) == []


def test_self_assessment_report_has_a_short_outcome() -> None:
    dossier = safecommunity_docs.load(EXAMPLES / "qinghe-street")
    assert dossier.assessment is not None
    data = get_kind("self_assessment").render(dossier.assessment, "docx", context_for(dossier))
    texts = [p.text for p in docx.Document(io.BytesIO(data)).paragraphs]
    start = next(i for i, t in enumerate(texts) if t.endswith("、创建成效"))
    body = "\n".join(texts[start + 1 : start + 3])
    years = {r.injury_time.year for r in dossier.injury_records}
    counts = [
        sum(1 for r in dossier.injury_records if r.injury_time.year == y) for y in sorted(years)
    ]
    assert f"辖区伤害病例分别为{counts[0]}例、{counts[1]}例和{counts[2]}例" in body
    targets = (
        len(dossier.work_plan.objectives.targets)
        if dossier.work_plan and dossier.work_plan.objectives
        else 0
    )
    targets += sum(len(p.targets) for p in dossier.projects)
    assert f"共设定量化目标{targets}项" in body
