"""Jurisdiction packs: every shipped pack loads, `city` names the default pack, bad packs are
reported where they are wrong, and a dossier's pack sets its check thresholds and its wording."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import safecommunity_docs as scd
from safecommunity_docs import InputError
from safecommunity_docs.compliance import check
from safecommunity_docs.rubrics import pack_for
from safecommunity_docs.views.dossier import cover_view, title_name
from tests.conftest import EXAMPLES


@pytest.mark.parametrize("pack_id", scd.pack_ids())
def test_every_shipped_pack_loads_with_its_rubrics(pack_id: str) -> None:
    pack = scd.load_pack(pack_id)
    assert pack.id == pack_id
    assert pack.loaded_rubrics
    for rubric_id in pack.rubrics:
        rubric = scd.load_rubric(rubric_id)
        assert pack.loaded_rubrics[rubric_id].id == rubric.id
        assert rubric.bands


def test_the_sichuan_pack_marks_what_is_assumed() -> None:
    pack = scd.load_pack("sichuan-township")
    assert (pack.programme, pack.standard.code) == ("安全乡镇（街道）", "DB51/T 1795-2025")
    assert pack.project_areas.min_count >= 5
    assumed = {a.path for a in pack.assumed}
    assert {"rubrics", "issuing_body", "min_creation_months"} <= assumed
    titles = [e.title for e in scd.load_rubric("sichuan-township").elements]
    assert "安全保障能力" in titles


def test_city_is_an_alias_of_the_default_pack_and_rubric() -> None:
    assert scd.load_pack("city").id == "chongqing-municipal"
    rubric = scd.load_rubric("city")
    assert rubric.id == "chongqing-municipal"
    assert [(b.min, b.max) for b in rubric.bands] == [(0, 70), (70, 90), (90, None)]
    dossier = scd.load(EXAMPLES / "qinghe-street")
    assert dossier.assessment is not None
    assert dossier.assessment.rubric == "city"
    assert pack_for(dossier).id == "chongqing-municipal"
    assert scd.score(dossier, "city").rubric_id == "chongqing-municipal"


def test_a_folder_naming_city_as_its_pack_loads(tmp_path: Path) -> None:
    folder = tmp_path / "q"
    shutil.copytree(EXAMPLES / "qinghe-street", folder)
    (folder / "options.yaml").write_text("pack: city\n", encoding="utf-8")
    dossier = scd.load(folder)
    assert dossier.pack is not None
    assert dossier.pack.id == "chongqing-municipal"
    assert title_name(dossier) == "市级安全社区"


def _bad_pack(folder: Path) -> Path:
    folder.mkdir()
    text = (
        "id: my-pack\ntitle: 某市安全社区\njurisdiction: 某市\n"
        "standard: {code: AQ/T 9001-2006, title: 安全社区建设基本要求}\n"
        "issuing_body: 某市安委会\nrubrics: [no-such-rubric]\n"
        "min_creation_months: -3\ndossier_order: [application, no_such_kind]\n"
        "cover: {heading: '{level}{nope}'}\n"
    )
    path = folder / "my-pack.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_bad_user_pack_is_reported_by_file_line_and_field(tmp_path: Path) -> None:
    path = _bad_pack(tmp_path / "packs")
    with pytest.raises(InputError) as caught:
        scd.load_pack(path)
    where = {p.path: p for p in caught.value.problems}
    assert where["min_creation_months"].file == str(path)
    assert where["min_creation_months"].line == 7
    path.write_text(path.read_text(encoding="utf-8").replace("-3", "6"), encoding="utf-8")
    with pytest.raises(InputError) as caught:
        scd.load_pack(path)
    where = {p.path: p for p in caught.value.problems}
    assert "{nope}" in where["cover.heading"].message
    assert (where["cover.heading"].file, where["cover.heading"].line) == (str(path), 9)


def test_a_pack_with_an_unknown_rubric_or_kind_is_reported_at_it(tmp_path: Path) -> None:
    path = _bad_pack(tmp_path / "packs")
    text = path.read_text(encoding="utf-8").replace("-3", "6").replace("{nope}", "{programme}")
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        scd.load_pack(path)
    where = {p.path: p for p in caught.value.problems}
    assert "no-such-rubric" in where["rubrics[0]"].message
    assert (where["rubrics[0]"].file, where["rubrics[0]"].line) == (str(path), 6)
    assert "no_such_kind" in where["dossier_order[1]"].message


def test_a_community_folder_naming_a_bad_pack_in_pack_dir_fails_located(tmp_path: Path) -> None:
    folder = tmp_path / "q"
    shutil.copytree(EXAMPLES / "qinghe-street", folder)
    _bad_pack(folder / "packs")
    (folder / "options.yaml").write_text("pack: my-pack\npack_dir: packs\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        scd.load(folder)
    files = {(p.file, p.path) for p in caught.value.problems}
    assert (str(folder / "options.yaml"), "pack") in files
    assert (str(folder / "packs" / "my-pack.yaml"), "min_creation_months") in files


def _user_pack(folder: Path, body: str) -> None:
    folder.mkdir()
    (folder / "pack.yaml").write_text(
        "id: strict-town\ntitle: 某县安全社区\njurisdiction: 某县\nprogramme: 平安小镇\n"
        "standard: {code: XX/T 1-2030, title: 某县安全社区建设规范}\n"
        "issuing_body: 某县安委会\nrubrics: [rubric.yaml]\n" + body,
        encoding="utf-8",
    )
    rubric = scd.load_rubric("city").model_dump(mode="json")
    rubric.update(id="strict-town", aliases=[], title="某县自评表")
    rubric["bands"][2]["label"] = "达到某县标准"
    import yaml

    (folder / "rubric.yaml").write_text(yaml.safe_dump(rubric, allow_unicode=True), "utf-8")


def test_a_user_pack_folder_sets_rubric_thresholds_and_wording(tmp_path: Path) -> None:
    folder = tmp_path / "q"
    shutil.copytree(EXAMPLES / "qinghe-street", folder)
    _user_pack(
        folder / "my-pack",
        "min_creation_months: 60\nproject_areas: {min_count: 9, named: [涉水, 交通]}\n"
        "cover: {heading: '{jurisdiction}{programme}', lines: ['命名单位：{issuing_body}']}\n",
    )
    (folder / "options.yaml").write_text("pack: my-pack\n", encoding="utf-8")
    text = (folder / "assessment.yaml").read_text(encoding="utf-8")
    (folder / "assessment.yaml").write_text(text.replace("rubric: city\n", ""), "utf-8")
    dossier = scd.load(folder)
    assert dossier.assessment is not None
    assert dossier.assessment.rubric == "strict-town"
    report = scd.score(dossier, dossier.pack.loaded_rubrics["strict-town"])  # type: ignore[union-attr]
    assert report.rubric_id == "strict-town"
    found = check(dossier)
    areas = found.filter(rule="SC-E5-009")
    assert [f.path for f in areas] == ["projects"]
    assert "strict-town" in areas[0].detail
    named = found.filter(rule="SC-E5-014")
    assert {f.detail.split(" (")[0] for f in named} == {"no project in 涉水"}
    soon = found.filter(rule="SC-E4-009")
    assert [f.path for f in soon] == ["community.creation_start"]
    assert "60 needed" in soon[0].detail
    cover = [b.text for b in cover_view(dossier).blocks if b.text]
    assert cover[0] == "某县平安小镇评定"
    assert "命名单位：某县安委会" in cover


def test_an_assessment_outside_the_pack_is_reported_at_its_rubric(tmp_path: Path) -> None:
    folder = tmp_path / "q"
    shutil.copytree(EXAMPLES / "qinghe-street", folder)
    (folder / "options.yaml").write_text("pack: sichuan-township\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        scd.load(folder)
    problem = next(p for p in caught.value.problems if p.path == "rubric")
    assert problem.file == str(folder / "assessment.yaml")
    assert problem.line == 2
    assert "sichuan-township" in problem.message


def test_a_pack_orders_the_dossier_and_the_user_order_wins() -> None:
    from safecommunity_docs.kinds import default_order, part_order

    dossier = scd.load(EXAMPLES / "guihua-town")
    order = part_order(dossier)
    assert order is not None
    assert sorted(order) == sorted(default_order())
    assert order[:3] == ["application", "work_report", "self_assessment"]
    dossier.options.part_order = ["work_plan", "application"]
    assert part_order(dossier) == ["work_plan", "application"]
