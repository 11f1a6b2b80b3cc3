"""Re-assessment (复评) dossiers: the 持续改进报告 and 整改报告 as written, and their checks."""

from __future__ import annotations

import io
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader

from safecommunity_docs import InputError, build, load, render
from safecommunity_docs.analysis.follow_up import follow_up_outcomes
from safecommunity_docs.compliance import check
from safecommunity_docs.kinds import get_kind
from safecommunity_docs.models import Dossier
from tests.conftest import EXAMPLES

FENGLIN = EXAMPLES / "fenglin-street"
NEW_RULES = {"SC-E9-021", "SC-E12-021", "SC-E5-021", "SC-E12-022", "SC-E12-023"}


@pytest.fixture(scope="module")
def fenglin() -> Dossier:
    return load(FENGLIN)


@pytest.fixture(scope="module")
def built(fenglin: Dossier, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("fenglin")
    result = build(fenglin, out, formats=["docx"])
    return {o.kind: o.path for o in result.outputs if o.format == "docx"}


def _texts(path: Path) -> list[str]:
    return [p.text for p in docx.Document(str(path)).paragraphs]


def _row(row: object) -> list[str]:
    return [c.text.replace("\n", "") for c in row.cells]  # type: ignore[attr-defined]


def _rules(dossier: Dossier) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for f in check(dossier):
        found.setdefault(f.rule, []).append(f.path)
    return found


def test_the_example_passes_the_new_checks(fenglin: Dossier) -> None:
    findings = check(fenglin)
    assert len(findings.errors) == 0
    assert NEW_RULES.isdisjoint(f.rule for f in findings)


def test_improvement_report_states_designation_follow_ups_and_trend(
    fenglin: Dossier, built: dict[str, Path]
) -> None:
    path = built["improvement_report"]
    assert path.name == "枫林街道安全社区持续改进报告（2023—2026年）.docx"
    texts = _texts(path)
    headings = [t for t in texts if t[:2] in {"一、", "二、", "三、", "四、", "五、", "六、"}]
    assert headings == [
        "一、命名情况",
        "二、命名以来主要工作",
        "三、安全促进项目跟踪",
        "四、伤害监测数据与趋势",
        "五、存在的问题",
        "六、下一步工作",
    ]
    body = "\n".join(texts)
    assert "至2026年12月7日" in body  # three years from 2023-12-08
    assert "已持续开展安全社区建设2年10个月" in body
    document = docx.Document(str(path))
    designation = {_row(r)[0]: _row(r)[1] for r in document.tables[0].rows[1:]}
    assert designation["命名文号"] == "岚安委〔2023〕41号"
    assert designation["命名单位"] == "岚州市安全生产委员会"
    # The falls project's first target is counted from the records in 2025 against 2024.
    project = fenglin.projects[0]
    [first, *_] = follow_up_outcomes(project, fenglin)
    assert first.baseline is not None
    assert first.result is not None
    falls = next(t for t in document.tables if "原定目标" in [c.text for c in t.rows[0].cells])
    row = _row(falls.rows[1])
    assert row[1] == project.targets[0].indicator
    assert row[3].startswith(f"{first.baseline:f}例")
    assert row[4].startswith(f"{first.result:f}例")
    assert row[5] == ("已达到" if first.met else "未达到")
    years = sorted({r.injury_time.year for r in fenglin.injury_records})
    trend = next(t for t in document.tables if t.rows[0].cells[0].text == "年度")
    assert [_row(r)[0] for r in trend.rows[1:]] == [f"{y}年" for y in years]
    counts = [sum(1 for r in fenglin.injury_records if r.injury_time.year == y) for y in years]
    assert [int(_row(r)[1]) for r in trend.rows[1:]] == counts


def test_rectification_report_lists_every_item(fenglin: Dossier, built: dict[str, Path]) -> None:
    path = built["rectification_report"]
    assert path.name == "枫林街道安全社区复评现场评定整改报告.docx"
    body = "\n".join(_texts(path))
    assert "现场评定得分96.5分（满分150分），失分53.5分" in body
    assert "限期整改" in body
    assert fenglin.reassessment is not None
    field = fenglin.reassessment.field_assessment
    assert field is not None
    table = docx.Document(str(path)).tables[0]
    header = _row(table.rows[0])
    assert header == ["序号", "指标", "存在问题", "整改措施", "责任单位", "完成时限", "状态"]
    rows = [_row(r) for r in table.rows[1:]]
    assert [r[1] for r in rows] == [i.item for i in field.items]
    assert [r[4] for r in rows] == [i.responsible for i in field.items]
    assert rows[0][6].startswith("已完成")


def test_no_rectification_report_outside_the_rectify_band(fenglin: Dossier) -> None:
    kind = get_kind("rectification_report")
    assert len(kind.documents(fenglin)) == 1
    for total in ("100", "74.5"):
        dossier = fenglin.model_copy(deep=True)
        assert dossier.reassessment is not None
        assert dossier.reassessment.field_assessment
        dossier.reassessment.field_assessment.total = Decimal(total)
        assert kind.documents(dossier) == []


def test_a_future_designation_is_a_finding(fenglin: Dossier) -> None:
    dossier = fenglin.model_copy(deep=True)
    assert dossier.reassessment is not None
    dossier.reassessment.designation.designated_on = date.today() + timedelta(days=30)
    assert _rules(dossier)["SC-E12-021"] == ["reassessment.designation.designated_on"]


def test_a_project_without_follow_up_is_a_finding(fenglin: Dossier) -> None:
    dossier = fenglin.model_copy(deep=True)
    dossier.projects[2].follow_up = None
    assert _rules(dossier)["SC-E5-021"] == ["projects[2].follow_up"]


def test_fewer_than_three_years_of_data_is_a_finding(fenglin: Dossier) -> None:
    dossier = fenglin.model_copy(deep=True)
    last = max(r.injury_time.year for r in dossier.injury_records)
    dossier.injury_records = [r for r in dossier.injury_records if r.injury_time.year >= last - 1]
    assert _rules(dossier)["SC-E9-021"] == ["injury_records"]
    assert "SC-E9-021" not in _rules(fenglin)


def test_rectify_band_without_items_and_lost_points_that_do_not_add_up(
    fenglin: Dossier,
) -> None:
    dossier = fenglin.model_copy(deep=True)
    assert dossier.reassessment is not None
    assert dossier.reassessment.field_assessment
    field = dossier.reassessment.field_assessment
    field.items[0].lost = Decimal("2.1")
    assert _rules(dossier)["SC-E12-023"] == ["reassessment.field_assessment.items"]
    field.items = []
    assert _rules(dossier)["SC-E12-022"] == ["reassessment.field_assessment.items"]


def test_a_follow_up_naming_an_unknown_target_is_a_located_error(tmp_path: Path) -> None:
    import shutil

    folder = tmp_path / "fl"
    shutil.copytree(FENGLIN, folder)
    path = folder / "projects" / "01-elderly-falls.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace(
            "    - indicator: 高龄独居老人家庭居家适老化改造\n      result: 300",
            "    - indicator: 高龄老人家庭改造\n      result: 300",
        ),
        encoding="utf-8",
    )
    with pytest.raises(InputError) as caught:
        load(folder)
    [problem] = caught.value.problems
    assert problem.path == "follow_up.results[1].indicator"  # inside its file
    assert problem.file is not None
    assert problem.file.endswith("01-elderly-falls.yaml")
    assert "高龄老人家庭改造" in problem.message


def test_an_unknown_field_item_is_a_located_error(tmp_path: Path) -> None:
    import shutil

    folder = tmp_path / "fl"
    shutil.copytree(FENGLIN, folder)
    path = folder / "reassessment.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('item: "9.3"', 'item: "9.9"'), encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load(folder)
    [problem] = caught.value.problems
    assert "field_assessment.items[" in problem.path
    assert problem.path.endswith("].item")


@pytest.mark.libreoffice
def test_rectification_report_pdf(fenglin: Dossier) -> None:
    assert fenglin.reassessment is not None
    field = fenglin.reassessment.field_assessment
    pdf = render(field, "pdf", dossier=fenglin)
    reader = PdfReader(io.BytesIO(pdf))
    text = "".join(page.extract_text() for page in reader.pages)
    flat = "".join(text.split())
    assert "枫林街道安全社区复评现场评定整改报告" in flat
    assert "岚州市安全社区复评评定组" in flat
    assert all(i.responsible.replace("、", "") in flat.replace("、", "") for i in field.items)


def test_a_reassessment_dossier_asks_for_a_review_on_its_cover_and_letter(
    fenglin: Dossier,
) -> None:
    from safecommunity_docs.build import context_for
    from safecommunity_docs.kinds.dossier_pages import COVER, request_of
    from safecommunity_docs.views.dossier import Request

    context = context_for(fenglin)
    assert request_of(fenglin, context) is Request.REVIEW
    cover = docx.Document(io.BytesIO(COVER.render(fenglin, "docx", context)))
    text = "".join(p.text for p in cover.paragraphs)
    assert "复评" in text
    assert "评定" not in text
    [letter] = get_kind("application").documents(fenglin)
    assert letter.stem == "枫林街道安全社区复评申请书"
    qinghe = load(EXAMPLES / "qinghe-street")
    assert request_of(qinghe, context_for(qinghe)) is Request.TITLE
