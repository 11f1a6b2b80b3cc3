"""``safecommunity-docs init``: a new community folder of commented YAML that validates at once,
builds, and states what a placeholder dossier still lacks; a non-empty folder is refused."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import docx
import openpyxl
import pytest
from typer.testing import CliRunner, Result

from safecommunity_docs.cli.app import make_app
from safecommunity_docs.compliance import check
from safecommunity_docs.io import load, load_rubric
from safecommunity_docs.scaffold import FolderNotEmpty, init_community

TYPES = ("街道", "乡镇", "园区", "企业")
PARTS = [
    "annual_summary.yaml",
    "application.yaml",
    "assessment.yaml",
    "community.yaml",
    "diagnosis.yaml",
    "injuries.csv",
    "intake.xlsx",
    "options.yaml",
    "plan.yaml",
    "projects",
]


def invoke(*args: str) -> Result:
    return CliRunner().invoke(make_app(), list(args))


@pytest.mark.parametrize("kind", TYPES)
def test_init_writes_every_part_and_it_validates(tmp_path: Path, kind: str) -> None:
    folder = tmp_path / "new"
    result = invoke("init", str(folder), "--type", kind)
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in folder.iterdir()) == PARTS
    assert [p.name for p in (folder / "projects").iterdir()] == [
        next((folder / "projects").glob("01-*.yaml")).name
    ]
    assert sorted(result.stdout.split()) == sorted(str(p) for p in folder.rglob("*") if p.is_file())
    valid = invoke("validate", str(folder))
    assert valid.exit_code == 0, valid.output
    assert "warning" not in valid.stderr
    dossier = load(folder)
    assert dossier.community.type.value == kind
    assert dossier.community.name.startswith("某某")
    assert len(dossier.projects) == 1
    assert len(dossier.injury_records) == 5


@pytest.mark.parametrize("name", [p for p in PARTS if p.endswith(".yaml")])
def test_every_field_is_commented_in_chinese_and_english(tmp_path: Path, name: str) -> None:
    init_community(tmp_path / "s", "街道")
    text = (tmp_path / "s" / name).read_text(encoding="utf-8")
    comments = [line for line in text.splitlines() if line.lstrip().startswith("#")]
    assert comments[0].startswith("# ")
    assert any("/" in c and any("\u4e00" <= ch <= "\u9fff" for ch in c) for c in comments)
    assert any(word in text for word in ("model:", "(model"))


def test_the_assessment_lists_every_item_of_the_rubric_with_its_criteria(tmp_path: Path) -> None:
    for pack in ("city", "national-field"):
        folder = tmp_path / pack
        assert invoke("init", str(folder), "--type", "园区", "--pack", pack).exit_code == 0
        rubric = load_rubric(pack)
        assessment = load(folder).assessment
        assert assessment is not None
        assert pack in load_rubric(assessment.rubric).ids
        ids = [item.id for element in rubric.elements for item in element.items]
        assert [item.item for item in assessment.items] == ids
        text = (folder / "assessment.yaml").read_text(encoding="utf-8")
        first = rubric.elements[0].items[0]
        assert f"# {first.id} {first.text}" in text
        assert f"#   - {first.criteria[0]}" in text


def test_the_pack_is_named_in_options_and_its_rubric_scores(tmp_path: Path) -> None:
    from safecommunity_docs.rubrics import pack_for

    folder = tmp_path / "sichuan"
    assert (
        invoke("init", str(folder), "--type", "乡镇", "--pack", "sichuan-township").exit_code == 0
    )
    dossier = load(folder)
    assert dossier.options.pack == "sichuan-township"
    assert pack_for(dossier).programme.startswith("安全乡镇")
    assert dossier.assessment is not None
    assert dossier.assessment.rubric in pack_for(dossier).rubrics
    assert "pack: chongqing-municipal" in _options(tmp_path / "default")


def _options(folder: Path) -> str:
    init_community(folder, "街道")
    return (folder / "options.yaml").read_text(encoding="utf-8")


def test_an_unknown_pack_is_an_error_and_writes_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "new"
    result = invoke("init", str(folder), "--type", "街道", "--pack", "no-such-rubric")
    assert result.exit_code == 1
    assert "no-such-rubric" in result.stderr
    assert not folder.exists()


def test_the_placeholder_dossier_lacks_only_what_the_readme_states(tmp_path: Path) -> None:
    for kind in TYPES:
        init_community(tmp_path / kind, kind, today=date(2026, 3, 1))
        findings = check(load(tmp_path / kind))
        assert set(findings.errors.rules) == {
            "SC-E3-005",
            "SC-E3-006",
            "SC-E5-009",
            "SC-E5-010",
        }, kind
        assert set(findings.filter(severity="warning").rules) == {
            "SC-E9-003",
            "SC-E10-001",
            "SC-E12-003",
        }, kind


def test_the_new_folder_builds_word_and_excel(tmp_path: Path) -> None:
    folder = tmp_path / "town"
    assert invoke("init", str(folder), "--type", "乡镇").exit_code == 0
    target = tmp_path / "out"
    result = invoke("build", str(folder), "-o", str(target), "--formats", "docx,xlsx")
    assert result.exit_code == 0, result.stderr
    plan = next(target.glob("*工作计划*.docx"))
    texts = [p.text for p in docx.Document(str(plan)).paragraphs]
    assert any("某某镇" in text for text in texts)
    ledger = openpyxl.load_workbook(next(target.glob("*伤害监测台账.xlsx")))
    assert ledger.sheetnames


def test_a_folder_that_is_not_empty_is_refused_unless_force(tmp_path: Path) -> None:
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "notes.txt").write_text("keep me", encoding="utf-8")
    refused = invoke("init", str(folder), "--type", "企业")
    assert refused.exit_code == 1
    assert refused.stderr.splitlines()[0] == f"not-empty: {folder} is not empty (notes.txt)"
    assert "Traceback" not in refused.output
    assert sorted(p.name for p in folder.iterdir()) == ["notes.txt"]
    with pytest.raises(FolderNotEmpty):
        init_community(folder, "企业")
    forced = invoke("init", str(folder), "--type", "企业", "--force")
    assert forced.exit_code == 0
    assert sorted(p.name for p in folder.iterdir()) == sorted([*PARTS, "notes.txt"])
    assert (folder / "notes.txt").read_text(encoding="utf-8") == "keep me"


def test_a_missing_or_wrong_type_is_a_usage_error(tmp_path: Path) -> None:
    assert invoke("init", str(tmp_path / "a")).exit_code == 2
    wrong = invoke("init", str(tmp_path / "b"), "--type", "村")
    assert wrong.exit_code == 2
    assert "街道" in wrong.stderr
    assert not (tmp_path / "a").exists()
    assert not (tmp_path / "b").exists()


@pytest.mark.libreoffice
def test_the_new_folder_builds_its_pdf_dossier(tmp_path: Path) -> None:
    from pypdf import PdfReader

    folder = tmp_path / "street"
    assert invoke("init", str(folder), "--type", "街道").exit_code == 0
    target = tmp_path / "out"
    result = invoke("build", str(folder), "-o", str(target), "--formats", "pdf")
    assert result.exit_code == 0, result.stderr
    reader = PdfReader(target / "dossier.pdf")
    text = "".join(page.extract_text() for page in reader.pages[:3])
    assert "某某街道" in text
