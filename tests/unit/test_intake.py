"""The Excel intake workbook: the template as a consultant opens it (drop-downs, input messages,
protected grey headers), export then import giving the same dossiers, every bad cell at once."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl.worksheet.worksheet import Worksheet

from safecommunity_docs.codes import CommunityType, InjuryCause
from safecommunity_docs.errors import InputError
from safecommunity_docs.intake import (
    export_workbook,
    import_workbook,
    read_intake,
    workbook,
    write_template,
)
from safecommunity_docs.intake.layout import headers
from safecommunity_docs.io import load
from safecommunity_docs.models import Dossier
from safecommunity_docs.scaffold import FolderNotEmpty
from tests.conftest import EXAMPLES

EXAMPLE_NAMES = ("qinghe-street", "dongshan-town", "jiangkou-park")
REQUIRED_SHEETS = (
    "基本情况",
    "人口",
    "组织机构",
    "工作组",
    "工作计划",
    "工作阶段",
    "安全促进项目",
    "项目措施",
    "隐患",
    "部门数据",
    "自评",
    "伤害记录",
    "其他内容",
)


def column_of(ws: Worksheet, title: str) -> int:
    for cell in ws[1]:
        if cell.value == title:
            return int(cell.column)
    raise AssertionError(f"{ws.title} has no column {title}")


def validation_at(ws: Worksheet, ref: str) -> Any:
    found = [dv for dv in ws.data_validations.dataValidation if ref in dv.sqref]
    assert len(found) == 1, (ws.title, ref)
    return found[0]


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> openpyxl.Workbook:
    path = write_template(tmp_path_factory.mktemp("intake") / "填报表.xlsx")
    return openpyxl.load_workbook(path)


def test_the_template_has_a_sheet_per_part_and_a_hidden_code_list(
    template: openpyxl.Workbook,
) -> None:
    assert set(REQUIRED_SHEETS) <= set(template.sheetnames)
    assert template["代码表"].sheet_state == "hidden"
    visible = [ws.title for ws in template.worksheets if ws.sheet_state == "visible"]
    assert visible[0] == "基本情况"
    assert visible[-1] == "其他内容"


def test_every_column_has_its_title_and_an_input_message(template: openpyxl.Workbook) -> None:
    for name in REQUIRED_SHEETS:
        ws = template[name]
        titles = [c.value for c in ws[1] if c.value is not None]
        assert titles == [h.title for h in headers(name)]
        for n, header in enumerate(headers(name), start=1):
            letter = openpyxl.utils.get_column_letter(n)
            rule = validation_at(ws, f"{letter}3")
            assert rule.showInputMessage
            assert rule.promptTitle == header.title[:32]
            assert ("必填" in rule.prompt) == header.required
            assert ws.column_dimensions[letter].width >= 10


def test_the_columns_carry_the_chinese_titles_of_the_models(template: openpyxl.Workbook) -> None:
    assert {"社区名称", "社区类型", "辖区面积（平方公里）", "人口·常住人口"} <= {
        c.value for c in template["基本情况"][1]
    }
    assert {"社区", "项目标识", "措施类型", "开始日期", "责任单位"} <= {
        c.value for c in template["项目措施"][1]
    }
    assert {"社区", "统计类别", "提供部门", "年份", "数量"} <= {
        c.value for c in template["部门数据"][1]
    }


def test_code_lists_are_drop_downs(template: openpyxl.Workbook) -> None:
    codes = template["代码表"]
    for sheet, title, labels in (
        ("基本情况", "社区类型", [m.value for m in CommunityType]),
        ("伤害记录", "伤害发生原因", [m.value for m in InjuryCause]),
        ("伤害记录", "残疾人", ["是", "否"]),
    ):
        ws = template[sheet]
        letter = openpyxl.utils.get_column_letter(column_of(ws, title))
        rule = validation_at(ws, f"{letter}3")
        assert rule.type == "list"
        assert rule.showErrorMessage
        target, cells = rule.formula1.split("!")
        assert target == "'代码表'"
        listed = [c.value for row in codes[cells.replace("$", "")] for c in row]
        assert listed == labels


def test_header_rows_are_protected_and_the_example_row_is_grey(
    template: openpyxl.Workbook,
) -> None:
    for name in REQUIRED_SHEETS:
        ws = template[name]
        assert ws.protection.sheet
        assert not ws.protection.insertRows
        assert not ws.protection.sort
        assert all(c.protection.locked for c in ws[1] if c.value is not None)
        assert all(c.protection.locked for c in ws[2])
        assert not ws.column_dimensions["A"].protection.locked
        assert ws.freeze_panes == "A3"
        example = [c for c in ws[2] if c.value is not None]
        assert example, name
        assert all(c.font.color.rgb.endswith("808080") and c.font.i for c in example)
    assert template["基本情况"]["A2"].value.startswith("某某")


def test_text_that_looks_like_a_formula_stays_text(tmp_path: Path) -> None:
    dossier = load(EXAMPLES / "dongshan-town")
    data = dossier.model_dump(mode="json", exclude_defaults=True)
    data["work_plan"]["phases"][0]["tasks"] = [
        {"text": '=HYPERLINK("http://x")', "owner": "东山镇应急办", "deadline": "2025-06-30"}
    ]
    data["community"]["address"] = "+86 某某路1号"
    changed = Dossier.model_validate(data)
    path = export_workbook(changed, tmp_path / "x.xlsx")
    book = openpyxl.load_workbook(path)
    ws = book["阶段任务"]
    cell = ws.cell(row=3, column=column_of(ws, "任务内容"))
    assert cell.value == '=HYPERLINK("http://x")'
    assert cell.data_type == "s"
    back = read_intake(path)[0]
    assert back.work_plan is not None
    assert back.work_plan.phases[0].tasks[0].text == '=HYPERLINK("http://x")'
    assert back.community.address == "+86 某某路1号"


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_export_then_import_gives_the_same_dossier(tmp_path: Path, name: str) -> None:
    original = load(EXAMPLES / name)
    path = export_workbook(EXAMPLES / name, tmp_path / f"{name}.xlsx")
    folders = import_workbook(path, tmp_path / name)
    assert folders == [tmp_path / name]
    assert load(folders[0]).model_dump() == original.model_dump()
    assert not load(folders[0]).warnings or all("重复" in w for w in load(folders[0]).warnings)


_BASE = load(EXAMPLES / "dongshan-town").model_dump(mode="json", exclude_defaults=True)
_TEXT = st.text(
    alphabet=st.sampled_from(list("安全社区街道=+-@ abcXYZ019（）、，。\n")),
    min_size=1,
    max_size=30,
).filter(lambda s: s.strip() != "")


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    name=_TEXT.filter(lambda s: "\n" not in s and s == s.strip()),
    task=_TEXT,
    preamble=st.lists(_TEXT, min_size=1, max_size=3),
    area=st.decimals(min_value=Decimal("0.001"), max_value=Decimal("9999"), places=3),
    records=st.integers(min_value=0, max_value=8),
    projects=st.integers(min_value=1, max_value=len(_BASE["projects"])),
    day=st.dates(min_value=date(2024, 1, 1), max_value=date(2025, 2, 1)),
)
def test_round_trip_of_generated_dossiers(
    tmp_path_factory: pytest.TempPathFactory,
    name: str,
    task: str,
    preamble: list[str],
    area: Decimal,
    records: int,
    projects: int,
    day: date,
) -> None:
    data = _BASE | {"injury_records": _BASE["injury_records"][:records]}
    data = {**data, "projects": _BASE["projects"][:projects]}
    data["community"] = _BASE["community"] | {"name": name, "area_km2": str(area)}
    plan = data["work_plan"] = {**_BASE["work_plan"], "preamble": preamble}
    phases = plan["phases"] = [dict(p) for p in _BASE["work_plan"]["phases"]]
    phases[0]["tasks"] = [{"text": task, "owner": "东山镇应急办"}, {"text": "召开动员会"}]
    data["community"]["creation_start"] = day.isoformat()
    dossier = Dossier.model_validate(data)
    folder = tmp_path_factory.mktemp("round")
    path = export_workbook(dossier, folder / "a.xlsx")
    [back] = read_intake(path)
    assert back.model_dump() == dossier.model_dump()
    [written] = import_workbook(path, folder / "c")
    assert load(written).model_dump() == dossier.model_dump()


def test_a_workbook_of_several_communities_imports_to_one_folder_each(tmp_path: Path) -> None:
    names = ("qinghe-street", "dongshan-town")
    path = export_workbook([EXAMPLES / n for n in names], tmp_path / "全区.xlsx")
    rows = openpyxl.load_workbook(path, read_only=True)["基本情况"]
    assert [r[0] for r in rows.iter_rows(min_row=3, values_only=True)] == ["清河街道", "东山镇"]
    folders = import_workbook(path, tmp_path / "out")
    assert [f.name for f in folders] == ["清河街道", "东山镇"]
    for folder, name in zip(folders, names, strict=True):
        assert load(folder).model_dump() == load(EXAMPLES / name).model_dump()


def _set(ws: Worksheet, row: int, title: str, value: Any) -> tuple[str, int, int]:
    column = column_of(ws, title)
    ws.cell(row=row, column=column).value = value
    return ws.title, row, column


def test_a_bad_workbook_reports_every_bad_cell_and_writes_nothing(tmp_path: Path) -> None:
    path = export_workbook(EXAMPLES / "dongshan-town", tmp_path / "bad.xlsx")
    book = openpyxl.load_workbook(path)
    bad = {
        _set(book["基本情况"], 3, "辖区面积（平方公里）", "很大"),
        _set(book["基本情况"], 3, "社区类型", "城市"),
        _set(book["人口"], 4, "男性人数", "abc"),
        _set(book["工作阶段"], 3, "开始月份", "三月"),
        _set(book["项目措施"], 4, "开始日期", "2026-13-45"),
        _set(book["项目措施"], 5, "项目标识", "no-such-project"),
        _set(book["隐患"], 3, "已整改", "也许"),
        _set(book["伤害记录"], 7, "伤害发生原因", "飞碟"),
        _set(book["伤害记录"], 9, "年龄", 130),
    }
    book.save(path)
    with pytest.raises(InputError) as caught:
        import_workbook(path, tmp_path / "out")
    problems = caught.value.problems
    reported = {(p.file, p.line, p.column) for p in problems}
    assert reported == {(f"bad.xlsx[{sheet}]", row, col) for sheet, row, col in bad}
    for problem in problems:
        letter = openpyxl.utils.get_column_letter(problem.column or 0)
        assert problem.message.startswith(f"{letter}{problem.line} ")
    assert any("'很大'" in p.message and "应为数字" in p.message for p in problems)
    assert any("'飞碟'" in p.message and "不是有效的代码" in p.message for p in problems)
    assert any("'no-such-project'" in p.message and "找不到项目标识" in p.message for p in problems)
    assert not (tmp_path / "out").exists()
    assert [p.name for p in tmp_path.iterdir()] == ["bad.xlsx"]


def test_an_unknown_column_and_an_unknown_community_are_reported(tmp_path: Path) -> None:
    path = export_workbook(EXAMPLES / "dongshan-town", tmp_path / "bad.xlsx")
    book = openpyxl.load_workbook(path)
    book["隐患"]["A3"].value = "西山镇"
    book["人口"].protection.sheet = False
    book["人口"].cell(row=1, column=20).value = "备注栏"
    book.save(path)
    with pytest.raises(InputError) as caught:
        read_intake(path)
    messages = [str(p) for p in caught.value.problems]
    assert any("bad.xlsx[隐患]:3:1" in m and "'西山镇'" in m and "未知社区" in m for m in messages)
    assert any("bad.xlsx[人口]:1:20" in m and "T1 '备注栏'" in m for m in messages)


def test_import_refuses_a_folder_with_files_unless_force(tmp_path: Path) -> None:
    path = export_workbook(EXAMPLES / "jiangkou-park", tmp_path / "a.xlsx")
    target = tmp_path / "park"
    target.mkdir()
    (target / "notes.txt").write_text("keep", encoding="utf-8")
    (target / "projects").mkdir()
    (target / "projects" / "99-old.yaml").write_text("id: old\n", encoding="utf-8")
    with pytest.raises(FolderNotEmpty):
        import_workbook(path, target)
    import_workbook(path, target, force=True)
    assert (target / "notes.txt").read_text(encoding="utf-8") == "keep"
    assert not (target / "projects" / "99-old.yaml").exists()
    assert load(target).model_dump() == load(EXAMPLES / "jiangkou-park").model_dump()


def test_the_empty_template_imports_nothing(tmp_path: Path) -> None:
    path = tmp_path / "t.xlsx"
    path.write_bytes(workbook())
    with pytest.raises(InputError, match="基本情况 has no filled row"):
        read_intake(path)
