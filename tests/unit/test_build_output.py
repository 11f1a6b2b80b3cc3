"""What a build does to its output folder: modes, stale files, staging, names, template folders."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from safecommunity_docs import InputError, build, load
from safecommunity_docs.filenames import MAX_NAME_BYTES, NameBook, safe_stem
from safecommunity_docs.models import Dossier
from safecommunity_docs.render.formats import Format, register_format, unregister_format
from tests.conftest import EXAMPLES

QINGHE = EXAMPLES / "qinghe-street"


@pytest.fixture(scope="module")
def qinghe() -> Dossier:
    return load(QINGHE)


def _files(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir()}


def _manifest(folder: Path) -> dict[str, object]:
    data: dict[str, object] = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    return data


def test_files_follow_the_umask(qinghe: Dossier, tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        build(qinghe, tmp_path / "out", formats=["docx"])
    finally:
        os.umask(old)
    modes = {stat.S_IMODE(p.stat().st_mode) for p in (tmp_path / "out").iterdir()}
    assert modes == {0o644}
    assert stat.S_IMODE((tmp_path / "out").stat().st_mode) == 0o755


def test_a_rebuild_removes_the_files_of_the_earlier_build(qinghe: Dossier, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build(qinghe, out, formats=["docx", "xlsx"])
    mine = out / "my-notes.txt"
    mine.write_text("kept", encoding="utf-8")
    result = build(qinghe, out, formats=["docx"])
    listed = {Path(str(f["path"])).name for f in _manifest(out)["files"]}  # type: ignore[union-attr]
    assert _files(out) == listed | {"manifest.json", "my-notes.txt"}
    assert not any(name.endswith(".xlsx") for name in _files(out))
    assert {p.name for p in result.paths} == listed
    assert mine.read_text(encoding="utf-8") == "kept"
    assert not [p for p in tmp_path.iterdir() if "staging" in p.name]


def test_a_failed_build_leaves_the_folder_as_it_was(qinghe: Dossier, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build(qinghe, out, formats=["docx"])
    before = {p.name: p.read_bytes() for p in out.iterdir()}

    def broken(view: object, options: object) -> bytes:
        raise RuntimeError("the renderer broke half-way")

    register_format(Format("broken", "workbook", broken))
    try:
        with pytest.raises(RuntimeError, match="half-way"):
            build(qinghe, out, formats=["docx", "broken"])
    finally:
        unregister_format("broken")
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_an_output_path_that_is_a_file_is_an_error(qinghe: Dossier, tmp_path: Path) -> None:
    target = tmp_path / "out"
    target.write_text("x", encoding="utf-8")
    with pytest.raises(InputError, match="is a file, not a folder"):
        build(qinghe, target, formats=["docx"])
    assert target.read_text(encoding="utf-8") == "x"


def test_a_missing_template_folder_is_an_error(qinghe: Dossier, tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such template folder"):
        build(qinghe, tmp_path / "out", formats=["docx"], template_dir=tmp_path / "nope")
    assert not (tmp_path / "out").exists()


def test_the_options_template_dir_is_relative_to_the_community_folder(tmp_path: Path) -> None:
    from shutil import copytree

    from safecommunity_docs.cli import main

    folder = copytree(QINGHE, tmp_path / "c")
    assert main(["templates", "export", str(folder / "tpl")]) == 0
    (folder / "options.yaml").write_text("template_dir: tpl\n", encoding="utf-8")
    dossier = load(folder)
    assert dossier.source_dir == folder
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    cwd = Path.cwd()
    os.chdir(elsewhere)
    try:
        result = build(dossier, tmp_path / "out", formats=["docx"])
    finally:
        os.chdir(cwd)
    assert result.outputs
    (folder / "options.yaml").write_text("template_dir: missing\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"options\.template_dir"):
        build(load(folder), tmp_path / "out2", formats=["docx"])


def test_a_dossier_without_documents_is_not_built(qinghe: Dossier, tmp_path: Path) -> None:
    bare = Dossier(community=qinghe.community)
    with pytest.raises(InputError, match="nothing to build") as caught:
        build(bare, tmp_path / "out", formats=["docx"])
    assert "plan.yaml" in str(caught.value)
    assert not (tmp_path / "out").exists()


def test_safe_stems() -> None:
    assert safe_stem("a/b:c*?") == "a_b_c__"
    assert safe_stem("清河\u202e街道\u200b计划\ufeff") == "清河街道计划"
    assert safe_stem("CON") == "_CON"
    assert safe_stem("nul.txt") == "_nul.txt"
    assert safe_stem("  ..  ") == "document"
    assert safe_stem("a\n\tb") == "a b"


def test_long_names_are_shortened_deterministically() -> None:
    title = "清河" * 60 + "街道安全社区创建工作计划"
    name = NameBook().name(title, "docx")
    assert len(name.encode("utf-8")) <= MAX_NAME_BYTES
    assert name.startswith("清河清河")
    assert name == NameBook().name(title, "docx")
    assert name != NameBook().name(title + "二", "docx")


def test_same_titles_get_numbered_names() -> None:
    book = NameBook()
    names = [book.name("项目方案", "docx") for _ in range(3)] + [book.name("项目方案", "pdf")]
    assert names == ["项目方案.docx", "项目方案（2）.docx", "项目方案（3）.docx", "项目方案.pdf"]
    assert "same title" in book.notes["项目方案（2）.docx"]


def test_a_long_community_name_and_equal_titles_build(qinghe: Dossier, tmp_path: Path) -> None:
    community = qinghe.community.model_copy(update={"name": "长" * 60 + "街道"})
    twin = qinghe.projects[0]
    dossier = qinghe.model_copy(
        update={"community": community, "projects": [twin, twin.model_copy(update={"id": "twin"})]}
    )
    result = build(dossier, tmp_path / "out", formats=["docx"])
    names = [p.name for p in result.paths]
    assert len(names) == len(set(names)) == len(_files(tmp_path / "out")) - 1
    assert all(len(n.encode("utf-8")) <= MAX_NAME_BYTES for n in names)
    notes = [f for f in _manifest(tmp_path / "out")["files"] if "note" in f]  # type: ignore[union-attr]
    assert any("same title" in str(f["note"]) for f in notes)  # type: ignore[index]
    assert any("shortened" in str(f["note"]) for f in notes)  # type: ignore[index]
    assert any("same title" in w for w in result.warnings)


def test_what_validates_builds(tmp_path: Path) -> None:
    """validate runs every check build would stop on: a diagnosis without injury records
    builds (it used to pass validation and then fail on an empty chart), and an options
    template folder that does not exist fails validation, not only the build."""
    from shutil import copytree

    from safecommunity_docs import validate

    folder = copytree(QINGHE, tmp_path / "c")
    (folder / "injuries.csv").unlink()
    assert validate(folder).ok
    result = build(load(folder), tmp_path / "out", formats=["docx"])
    assert any(o.kind == "diagnosis_report" for o in result.outputs)
    (folder / "options.yaml").write_text("template_dir: nowhere\n", encoding="utf-8")
    report = validate(folder)
    assert [p.path for p in report.problems] == ["options.template_dir"]
    assert "no such template folder" in report.problems[0].message
