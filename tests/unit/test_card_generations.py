"""Both injury-card generations: same injuries in each give the same statistics; inference; rules."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from safecommunity_docs import InputError, load, read_records
from safecommunity_docs.analysis import analyse
from safecommunity_docs.codes import MERGED_OTHER_UNKNOWN, CodedEnum, InjuryCause, InjuryNature
from safecommunity_docs.codes.cards import CardVersion, card_code
from safecommunity_docs.models.community import Community
from safecommunity_docs.models.injury import InjuryRecord
from safecommunity_docs.render.xlsx.ledger import CODES, RECORDS, render_ledger
from safecommunity_docs.schema import schema_texts
from safecommunity_docs.views.ledger import ledger_view
from tests.conftest import COMMUNITY, EXAMPLES, RECORD

SHARED = [
    n
    for n in InjuryRecord.model_fields
    if n not in ("card_version", "products", "product_relation", "typical_case")
]
PRODUCTS = {
    InjuryCause.BURN: ("电热水壶", "某牌 K-1", "家用电器"),
    InjuryCause.NON_MOTOR_VEHICLE: ("电动自行车", "某牌 E-3", "交通工具"),
}


def _common_injuries() -> tuple[list[InjuryRecord], Community]:
    """The example's cards both generations can hold: no merged 其他/不清楚 where the newer
    card splits it (性质 counts the main nature, so that is the one that matters)."""
    dossier = load(EXAMPLES / "qinghe-street")
    keep = [
        r
        for r in dossier.injury_records
        if not {r.activity, r.intent, r.body_part, r.nature[0]} & MERGED_OTHER_UNKNOWN
    ]
    return keep, dossier.community


def _cell(record: InjuryRecord, field: str, version: CardVersion) -> Any:
    """One card value as the card of ``version`` writes it: codes as that card's numbers."""
    value = getattr(record, field)
    if field == "nature":
        natures = value if version is CardVersion.V2006 else value[:1]
        return "；".join(str(card_code(version, field, n)) for n in natures)
    if isinstance(value, CodedEnum):
        number = card_code(version, field, value)
        assert number is not None, (field, value)
        return number
    if isinstance(value, bool):
        return "是" if value else "否"
    if value is None:
        return ""
    if hasattr(value, "strftime"):
        return value.strftime("%Y-%m-%d %H:%M" if field.endswith("_time") else "%Y-%m-%d")
    return value


def card_table(
    records: Sequence[InjuryRecord], version: CardVersion, *, state: bool
) -> list[list[Any]]:
    """The rows of a card file of ``version``: Chinese titles, numbers for codes; the newer
    card adds its product columns and 典型案例; ``state`` adds a 报告卡版本 column."""
    titles = [InjuryRecord.model_fields[n].title or n for n in SHARED]
    newer = version is CardVersion.PRODUCT
    header = [
        *(["报告卡版本"] if state else []),
        *titles,
        *(["产品名称1", "品牌/型号1", "产品分类1", "典型案例"] if newer else []),
    ]
    rows: list[list[Any]] = [header]
    for r in records:
        row = [*(["2006版" if not newer else "新版"] if state else [])]
        row += [_cell(r, n, version) for n in SHARED]
        if newer:
            product = PRODUCTS.get(r.cause, ("", "", ""))
            case = r.description if r.cause is InjuryCause.BURN else ""
            row += [*product, case]
        rows.append(row)
    return rows


def write_table(path: Path, rows: list[list[Any]]) -> Path:
    if path.suffix == ".csv":
        with path.open("w", encoding="utf-8-sig", newline="") as handle:
            csv.writer(handle).writerows(rows)
    else:
        book = Workbook()
        sheet = book.active
        assert sheet is not None
        for row in rows:
            sheet.append(row)
        book.save(path)
    return path


@pytest.mark.parametrize(("older", "newer"), [("csv", "xlsx"), ("xlsx", "csv")])
def test_same_injuries_in_each_generation_give_the_same_statistics(
    tmp_path: Path, older: str, newer: str
) -> None:
    records, community = _common_injuries()
    assert len(records) > 380
    burns = [r for r in records if r.cause is InjuryCause.BURN]
    assert burns
    assert all(card_code(CardVersion.V2006, "nature", r.nature[0]) == 6 for r in burns)
    old = write_table(tmp_path / f"old.{older}", card_table(records, CardVersion.V2006, state=True))
    new = write_table(
        tmp_path / f"new.{newer}", card_table(records, CardVersion.PRODUCT, state=False)
    )
    old_records, new_records = read_records(old), read_records(new)
    assert {r.card_version for r in old_records} == {CardVersion.V2006}
    assert {r.card_version for r in new_records} == {CardVersion.PRODUCT}
    a, b = analyse(old_records, community), analyse(new_records, community)
    assert a.record_count == b.record_count == len(records)
    for table in a.tables:
        assert table == b.table(table.dimension), table.dimension
    assert a.table("nature").row("烧烫伤").count == len(burns)
    assert (a.sex_age, a.rates, a.year_on_year, a.focus, a.findings) == (
        b.sex_age,
        b.rates,
        b.year_on_year,
        b.focus,
        b.findings,
    )
    assert (a.period_start, a.period_end, a.duplicates) == (
        b.period_start,
        b.period_end,
        b.duplicates,
    )
    # what only the newer card has: products by category
    assert a.product_category.rows == ()
    counted = {row.label: row.count for row in b.product_category.rows}
    assert counted == {
        "家用电器": len(burns),
        "交通工具": sum(r.cause is InjuryCause.NON_MOTOR_VEHICLE for r in records),
    }


def _rows(*changes: dict[str, Any]) -> list[dict[str, Any]]:
    return [{**RECORD, "card_no": f"T-{n}", **c} for n, c in enumerate(changes, start=1)]


def _file(tmp_path: Path, name: str, header: list[str], rows: list[list[Any]]) -> Path:
    return write_table(tmp_path / name, [header, *rows])


BASE = ["卡片编号", "性别", "年龄", "伤害发生时间", "就诊时间", "填报日期", "伤害发生原因",
        "伤害发生地点", "伤害发生时活动", "伤害意图", "伤害性质", "伤害部位", "严重程度", "伤害结局"]  # fmt: skip
ROW = ["T-1", 2, 72, "2024-01-05 08:30", "2024-01-05 09:40", "2024-01-06", 3, 1, 2, 1, 1, 2, 2, 4]


def test_generation_is_inferred_from_the_product_columns_and_reported(tmp_path: Path) -> None:
    header = [*BASE, "产品名称1", "品牌/型号1", "产品分类1", "产品相关", "典型案例"]
    rows = [[*ROW, "浴室防滑垫", "某牌", "家居用品", 2, "防滑垫打滑致跌倒"]]
    rows.append(["T-2", *ROW[1:], "", "", "", "", ""])
    file = _file(tmp_path, "new.csv", header, rows)
    records = read_records(file)
    assert [r.card_version for r in records] == [CardVersion.PRODUCT] * 2
    first = records[0]
    assert (first.products[0].name, first.products[0].brand_model) == ("浴室防滑垫", "某牌")
    assert first.product_relation is not None
    assert first.product_relation.label == "与产品质量有关"
    assert first.typical_case == "防滑垫打滑致跌倒"
    assert records[1].products == []
    [note] = [w for w in records.warnings if "报告卡版本" in w]
    assert str(file) in note
    assert "2 row(s) inferred as 'product'" in note
    assert "产品名称1, 品牌/型号1, 产品分类1, 产品相关, 典型案例" in note
    # a stated generation is not inferred and not reported; no product columns: nothing to infer
    stated = read_records(_file(tmp_path, "s.csv", ["报告卡版本", *header], [["2006", *ROW]]))
    assert stated[0].card_version is CardVersion.V2006
    assert not stated.warnings
    plain = read_records(_file(tmp_path, "p.csv", BASE, [ROW]))
    assert plain[0].card_version is None
    assert not plain.warnings


def test_a_rule_matches_by_label_across_both_numberings(tmp_path: Path) -> None:
    """Cause 7 烧烫伤 needs nature 烧烫伤: number 6 on the 2006 card, 5 on the newer one."""
    burn = [*ROW[:6], 7, 1, 2, 1]
    header = ["报告卡版本", *BASE]
    good = [["2006", *burn, 6, 2, 2, 4], ["新版", *burn, 5, 2, 2, 4], ["", *burn, 5, 2, 2, 4]]
    for n, row in enumerate(good):
        row[1] = f"G-{n}"
    records = read_records(_file(tmp_path, "good.csv", header, good))
    assert [r.nature for r in records] == [[InjuryNature.BURN]] * 3
    bad = [["2006", *burn, 5, 2, 2, 4], ["新版", *burn, 6, 2, 2, 4]]
    bad[1][1] = "B-2"
    file = _file(tmp_path, "bad.csv", header, bad)
    with pytest.raises(InputError) as info:
        read_records(file)
    problems = info.value.problems
    assert [(p.file, p.line, p.column, p.path) for p in problems] == [
        (str(file), 2, 12, "[0].nature"),
        (str(file), 3, 12, "[1].nature"),
    ]
    for problem in problems:
        assert "cause 烧烫伤 needs nature 烧烫伤, got 脑震荡、脑挫裂伤" in problem.message


def test_every_bad_cell_of_either_generation_is_located(tmp_path: Path) -> None:
    header = ["报告卡版本", *BASE, "产品名称1", "品牌/型号1", "典型案例"]
    rows = [
        ["2006", *ROW[:10], 9, *ROW[11:], "", "", ""],  # 性质 9: not on the 2006 card
        ["2006", *ROW[:10], 1, *ROW[11:], "", "", "经过"],  # 典型案例 on a 2006 card
        ["新版", *ROW[:10], "1；4", *ROW[11:], "", "", ""],  # two natures on the newer card
        ["新版", *ROW[:8], "其他/不清楚", *ROW[9:], "", "", ""],  # merged on the newer card
        ["新版", *ROW, "", "某牌", ""],  # a brand without a product
        ["2019", *ROW, "", "", ""],  # no such generation
    ]
    for n, row in enumerate(rows):
        row[1] = f"X-{n}"
    file = _file(tmp_path, "bad.xlsx", header, rows)
    with pytest.raises(InputError) as info:
        read_records(file)
    found = {p.path: p for p in info.value.problems}
    expected = {
        "[0].nature": (2, 12, "2006版报告卡没有代码9"),
        "[1].typical_case": (3, 18, "2006版报告卡没有此项"),
        "[2].nature": (4, 12, "新版报告卡的伤害性质为单选"),
        "[3].activity": (5, 10, "新版报告卡将其他与不清楚分列"),
        "[4].products[0].name": (6, 16, "缺少必填字段「产品名称」"),
        "[5].card_version": (7, 1, "'2019'"),
    }
    assert set(found) == set(expected)
    for path, (line, column, fragment) in expected.items():
        p = found[path]
        assert (p.file, p.line, p.column) == (f"{file}[Sheet]", line, column), path
        assert fragment in p.message, (path, p.message)


def _workbook(records: list[InjuryRecord]) -> Any:
    community = Community.model_validate(COMMUNITY)
    return load_workbook(io.BytesIO(render_ledger(ledger_view(records, community))))


def _header(ws: Worksheet) -> list[Any]:
    return [c.value for c in ws[1]]


def test_ledger_shows_product_columns_and_the_generation_codes() -> None:
    burn = {"cause": "烧烫伤", "nature": ["烧烫伤"], "card_version": "product"}
    product = {"name": "电热水壶", "brand_model": "某牌 K-1", "category": "家用电器"}
    records = [
        InjuryRecord.model_validate(r)
        for r in _rows({**burn, "products": [product], "typical_case": "倒水时壶底脱落"}, burn)
    ]
    book = _workbook(records)
    sheet = book[RECORDS]
    head = _header(sheet)
    for title in ("报告卡版本", "产品名称1", "品牌/型号1", "产品分类1", "典型案例"):
        assert title in head
    assert "产品名称2" not in head
    assert "产品相关" not in head
    first = [c.value for c in sheet[2]]
    assert first[head.index("产品名称1")] == "电热水壶"
    assert first[head.index("产品分类1")] == "家用电器"
    assert first[head.index("典型案例")] == "倒水时壶底脱落"
    assert first[head.index("报告卡版本")] == "product"
    codes = book[CODES]
    nature = [tuple(c.value for c in row) for row in codes.iter_rows(min_row=3)]
    col = next(i for i, c in enumerate(codes[1]) if c.value == "伤害性质")
    listed = [(r[col], r[col + 1]) for r in nature if r[col] is not None]
    assert (5, "烧烫伤") in listed
    assert (9, "不清楚") in listed
    assert not any(label == "其他/不清楚" for _, label in listed)
    # 2006 cards: 烧烫伤 is 6; no product columns without products
    old = [InjuryRecord.model_validate(r) for r in _rows({**burn, "card_version": "2006"})]
    book = _workbook(old)
    assert "产品名称1" not in _header(book[RECORDS])
    codes = book[CODES]
    col = next(i for i, c in enumerate(codes[1]) if c.value == "伤害性质")
    listed = [(row[col].value, row[col + 1].value) for row in codes.iter_rows(min_row=3)]
    assert (6, "烧烫伤") in listed
    assert (8, "其他/不清楚") in listed


def test_schema_describes_the_generation_and_the_product_section() -> None:
    schema = json.loads(schema_texts()["injury-record.schema.json"])
    text = json.dumps(schema, ensure_ascii=False)
    assert '"2006"' in text
    assert '"product"' in text
    assert "products" in schema["properties"]
    assert "typical_case" in schema["properties"]
    assert "产品分类" in text
