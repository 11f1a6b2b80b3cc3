"""Document kinds are single declarations; formats are renderers in a registry; derived data is
computed once per build."""

from __future__ import annotations

import io
import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import docx
import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

import safecommunity_docs
from safecommunity_docs import InputError, build, load, load_rubric, render, rubric_ids
from safecommunity_docs.build import context_for
from safecommunity_docs.kinds import Kind, all_kinds, default_order, get_kind
from safecommunity_docs.kinds import base as kinds_base
from safecommunity_docs.models import Dossier
from safecommunity_docs.render.formats import (
    Format,
    RenderOptions,
    register_format,
    unregister_format,
)
from safecommunity_docs.render.pdf import FakeConverter
from safecommunity_docs.views.document import DocumentView
from tests.conftest import EXAMPLES

SRC = Path(safecommunity_docs.__file__).parent
QINGHE = EXAMPLES / "qinghe-street"
NOT_PARTS = {"community", "options"}
"""Dossier fields that are no document kind's part: the profile every document uses, and the
build options."""


@pytest.fixture(scope="module")
def qinghe() -> Dossier:
    return load(QINGHE)


def _declaring_module(kind: Kind) -> Path:
    builder = next(iter(kind.views.values()))
    module = sys.modules[builder.__module__]
    assert module.__file__ is not None
    return Path(module.__file__)


def test_every_kind_is_declared_in_a_module_of_its_own() -> None:
    modules = [_declaring_module(k) for k in all_kinds()]
    assert all(m.parent == SRC / "kinds" for m in modules)
    in_dossier = [m for k, m in zip(all_kinds(), modules, strict=True) if k.in_dossier]
    assert len(set(in_dossier)) == len(in_dossier)


def test_no_kind_is_listed_by_hand_outside_its_declaration() -> None:
    """A kind's name in quotes anywhere in the package but its declaring module means a list of
    kinds kept by hand somewhere (a registry order, a template table, a loader map …). Names
    that are also Dossier fields (``work_plan``) may stand as field paths. ``names.py`` holds
    the kind names as a type for type checkers; the test below keeps it equal to the registry."""
    found = []
    for kind in all_kinds():
        if kind.name in Dossier.model_fields:
            continue
        home = _declaring_module(kind)
        pattern = re.compile(rf"""["']{kind.name}["']""")
        for path in SRC.rglob("*.py"):
            if path not in (home, SRC / "names.py") and pattern.search(
                path.read_text(encoding="utf-8")
            ):
                found.append(f"{path.relative_to(SRC)}: {kind.name}")
    assert found == []


def test_the_kind_name_type_lists_every_declared_kind() -> None:
    """``KindName`` (a Literal for type checkers) names exactly the declared kinds, and
    ``Format`` only formats the registry offers."""
    from typing import get_args

    from safecommunity_docs import Format, KindName
    from safecommunity_docs.render.formats import formats

    assert set(get_args(KindName)) == {k.name for k in all_kinds()}
    assert set(get_args(Format)) <= {f.name for f in formats()}


def test_dossier_fields_and_kind_parts_agree() -> None:
    parts = {k.part.field: k for k in all_kinds() if k.part is not None}
    fields = set(Dossier.model_fields) - NOT_PARTS
    assert fields == set(parts)
    for field, kind in parts.items():
        annotation = str(Dossier.model_fields[field].annotation)
        row = kind.part.row if kind.part is not None else None
        assert (row or kind.model).__name__ in annotation, (field, annotation)


def test_declared_order_is_the_dossier_order() -> None:
    assert default_order() == (
        "application",
        "work_report",
        "improvement_report",
        "rectification_report",
        "work_plan",
        "diagnosis_report",
        "promotion_project",
        "self_assessment",
        "injury_ledger",
        "annual_summary",
        "archive_index",
        "isccc_application",
        "compliance_report",
    )


@pytest.mark.parametrize("rubric_id", rubric_ids())
def test_every_rubric_item_names_its_facts_or_is_evidence_only(rubric_id: str) -> None:
    rubric = load_rubric(rubric_id)
    unmarked = [
        i.id for e in rubric.elements for i in e.items if not i.facts and not i.evidence_only
    ]
    assert unmarked == []


def test_renaming_a_rubric_element_keeps_its_facts(qinghe: Dossier) -> None:
    """Facts follow the item ids in the rubric data, not words in the element titles."""
    context = context_for(qinghe)
    rubric = context.rubric
    renamed = rubric.model_copy(
        update={
            "elements": [
                e.model_copy(update={"title": f"第{n}部分"})
                for n, e in enumerate(rubric.elements, start=1)
            ]
        }
    )
    from safecommunity_docs.views.work_report import work_report_view

    before = work_report_view(qinghe, rubric, context.score)
    after = work_report_view(qinghe, renamed, context.score)
    strip = [b.text for b in before.blocks if b.kind != "h2"]
    assert [b.text for b in after.blocks if b.kind != "h2"] == strip


def test_a_part_order_naming_an_unknown_kind_is_a_located_error(tmp_path: Path) -> None:
    folder = tmp_path / "c"
    folder.mkdir()
    (folder / "community.yaml").write_bytes((QINGHE / "community.yaml").read_bytes())
    (folder / "options.yaml").write_text(
        "part_order:\n  - work_plan\n  - yearly_report\n", encoding="utf-8"
    )
    with pytest.raises(InputError) as caught:
        load(folder)
    [problem] = caught.value.problems
    assert problem.path == "part_order[1]"
    assert problem.file is not None
    assert problem.file.endswith("options.yaml")
    assert (problem.line, problem.column) == (3, 5)
    assert "yearly_report" in problem.message
    assert "annual_summary" in problem.message


def test_a_kind_the_part_order_leaves_out_is_reported(qinghe: Dossier, tmp_path: Path) -> None:
    order = ["application", "work_plan"]
    dossier = qinghe.model_copy(
        update={"options": qinghe.options.model_copy(update={"part_order": order})}
    )
    result = build(dossier, tmp_path, formats=["docx"])
    assert {o.kind for o in result.outputs} == {"application", "work_plan"}
    left = [w for w in result.warnings if "part_order leaves out" in w]
    assert len(left) == len(default_order()) - 2
    assert any("diagnosis_report" in w for w in left)


def _models(dossier: Dossier) -> Iterator[tuple[Kind, Any]]:
    for kind in all_kinds():
        for document in kind.documents(dossier)[:1]:
            yield kind, document.model


@pytest.mark.parametrize("kind_name", default_order())
def test_render_works_for_every_kind_and_format(qinghe: Dossier, kind_name: str) -> None:
    kind = get_kind(kind_name)
    dossier = qinghe if kind.documents(qinghe) else load(QINGHE.parent / "fenglin-street")
    [(_, model)] = [(k, m) for k, m in _models(dossier) if k.name == kind_name]
    for fmt in kind.formats:
        data = render(model, fmt, dossier=dossier, kind=kind_name, converter=FakeConverter())
        if fmt == "docx":
            assert docx.Document(io.BytesIO(data)).paragraphs
        elif fmt == "xlsx":
            assert load_workbook(io.BytesIO(data)).sheetnames
        else:
            assert len(PdfReader(io.BytesIO(data)).pages) >= 1


def test_every_document_view_carries_its_kind(qinghe: Dossier) -> None:
    context = context_for(qinghe)
    for kind, model in _models(qinghe):
        if "document" in kind.views:
            view = kind.view("document", model, context)
            assert isinstance(view, DocumentView)
            assert view.kind == kind.name


def test_a_registered_format_is_offered_and_built(qinghe: Dossier, tmp_path: Path) -> None:
    def plain_text(view: Any, options: RenderOptions) -> bytes:
        assert isinstance(view, DocumentView)
        return "\n".join(view.texts()).encode("utf-8")

    register_format(Format("txt", "document", plain_text))
    try:
        assert "txt" in get_kind("work_plan").formats
        assert "txt" not in get_kind("injury_ledger").formats
        assert qinghe.work_plan is not None
        text = render(qinghe.work_plan, "txt", dossier=qinghe).decode("utf-8")
        assert text.startswith(qinghe.work_plan.title)
        result = build(qinghe, tmp_path, formats=["txt"])
        written = sorted(p.suffix for p in tmp_path.iterdir() if p.name != "manifest.json")
        documents = sum(len(k.documents(qinghe)) for k in all_kinds() if "document" in k.views)
        assert written == [".txt"] * documents
        assert {o.format for o in result.outputs} == {"txt"}
    finally:
        unregister_format("txt")
    with pytest.raises(InputError, match="unknown format 'txt'"):
        render(qinghe.work_plan, "txt", dossier=qinghe)


def test_a_chart_renders_as_png(qinghe: Dossier) -> None:
    context = context_for(qinghe)
    assert qinghe.diagnosis is not None
    view = get_kind("diagnosis_report").view("document", qinghe.diagnosis, context)
    chart = next(b.chart for b in view.blocks if b.chart is not None)
    assert render(chart, "png").startswith(b"\x89PNG\r\n\x1a\n")
    with pytest.raises(InputError, match="png"):
        render(chart, "docx")


def test_derived_data_is_computed_once_per_build(
    qinghe: Dossier, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = {"analyse": 0, "score": 0}
    real_analyse, real_score = kinds_base.analyse, kinds_base.score

    def analyse(*args: Any, **kwargs: Any) -> Any:
        calls["analyse"] += 1
        return real_analyse(*args, **kwargs)

    def score(*args: Any, **kwargs: Any) -> Any:
        calls["score"] += 1
        return real_score(*args, **kwargs)

    monkeypatch.setattr(kinds_base, "analyse", analyse)
    monkeypatch.setattr(kinds_base, "score", score)
    build(qinghe, tmp_path, formats=["docx", "xlsx"])
    assert calls == {"analyse": 1, "score": 1}


def test_views_never_load_rubrics() -> None:
    for path in (SRC / "views").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "load_rubric" not in text, path
        assert not re.search(r"\bscore\(", text), path
        assert not re.search(r"\banalyse\(", text), path


def test_annual_summary_is_built_into_the_dossier(qinghe: Dossier, tmp_path: Path) -> None:
    result = build(qinghe, tmp_path, formats=["docx"])
    chinese = [o.kind for o in result.outputs if o.kind != "isccc_application"]
    assert chinese[-2:] == ["annual_summary", "archive_index"]  # the English part follows
    [summary] = [o for o in result.outputs if o.kind == "annual_summary"]
    assert summary.path.name == "清河街道2025年度安全社区建设工作总结.docx"
    document = docx.Document(str(summary.path))
    texts = [p.text for p in document.paragraphs]
    assert texts[0] == "清河街道2025年度安全社区建设工作总结"
    headings = [t for t in texts if re.match(r"^[一二三四五六]、", t)]
    assert headings == [
        "一、年度主要工作",
        "二、安全促进项目进展",
        "三、伤害监测情况",
        "四、存在的不足",
        "五、2026年工作打算",
    ]
    stats = context_for(qinghe).statistics
    year_rows = [
        [c.text.replace("\n", "") for c in row.cells] for row in document.tables[1].rows[1:]
    ]
    assert year_rows == [
        [f"{c.year}年", str(c.count), "—" if c.change is None else f"{c.change}%"]
        for c in stats.year_on_year
    ]
    measures = sum(len(p.measures) for p in qinghe.projects)
    assert f"安排干预措施{measures}项" in "\n".join(texts)
    application = next(o for o in result.outputs if o.kind == "application")
    letter = "\n".join(p.text for p in docx.Document(str(application.path)).paragraphs)
    assert "清河街道2025年度安全社区建设工作总结" in letter
    manifest = json.loads((tmp_path / "manifest.json").read_text(encoding="utf-8"))
    assert "annual_summary" in {f["kind"] for f in manifest["files"]}


def test_annual_summary_dated_before_its_year_is_refused(tmp_path: Path) -> None:
    from safecommunity_docs.models import AnnualSummary

    with pytest.raises(ValueError, match="report_date"):
        AnnualSummary.model_validate(
            {
                "year": 2025,
                "author": "办公室",
                "report_date": "2024-12-01",
                "work": ["x"],
                "next_year": ["y"],
            }
        )


def test_render_takes_a_user_template(qinghe: Dossier, tmp_path: Path) -> None:
    """``render(..., template=…)`` renders with that file: a template whose footer says
    something else shows it; the default template gives the default bytes."""
    import zipfile

    from safecommunity_docs.render.docx.templates import default_template

    assert qinghe.work_plan is not None
    plain = render(qinghe.work_plan, "docx", dossier=qinghe)
    same = render(qinghe.work_plan, "docx", dossier=qinghe, template=default_template("work_plan"))
    assert same == plain
    own = tmp_path / "work_plan.docx"
    with zipfile.ZipFile(default_template("work_plan")) as src, zipfile.ZipFile(own, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename.startswith("word/footer"):
                data = data.replace("—".encode(), "第".encode(), 1)
            dst.writestr(item, data)
    mine = render(qinghe.work_plan, "docx", dossier=qinghe, template=own)
    with zipfile.ZipFile(io.BytesIO(mine)) as z:
        footers = [z.read(n).decode() for n in z.namelist() if n.startswith("word/footer")]
    assert any("第" in f for f in footers)
