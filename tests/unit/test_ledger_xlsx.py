"""The 伤害监测台账 workbook: view cells, structure through openpyxl, LibreOffice recalculation."""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from safecommunity_docs import load
from safecommunity_docs.analysis import analyse, largest_remainder
from safecommunity_docs.codes import InjuryCause, InjuryNature, InjuryPlace, Sex
from safecommunity_docs.models.community import Community
from safecommunity_docs.models.injury import InjuryRecord
from safecommunity_docs.render.xlsx.ledger import (
    BY_AGE_SEX,
    BY_CAUSE,
    BY_MONTH,
    BY_PLACE,
    CODES,
    RECORDS,
    SPARE_ROWS,
    render_ledger,
)
from safecommunity_docs.render.xlsx.ledger_summary import HELPER_TITLES
from safecommunity_docs.views.ledger import AgeGroup, LedgerView, age_groups, ledger_view
from tests.conftest import COMMUNITY, EXAMPLES, RECORD
from tests.lo import recalc

EXAMPLE = EXAMPLES / "dongshan-town"
TRICKY = {
    "card_no": "-0001",
    "name": "=1+1",
    "reporting_unit": "+86 卫生院",
    "description": "@SUM(A1) 摔倒",
}


def _example() -> tuple[list[InjuryRecord], Community]:
    dossier = load(EXAMPLE)
    return list(dossier.injury_records), dossier.community


def _record(**changes: Any) -> InjuryRecord:
    return InjuryRecord.model_validate({**RECORD, **changes})


def _community() -> Community:
    return Community.model_validate(COMMUNITY)


def _group(groups: Sequence[AgeGroup], age: int) -> str:
    [label] = [g.label for g in groups if g.lower <= age and (g.upper is None or age < g.upper)]
    return label


def _sheet(book: Workbook, name: str) -> Worksheet:
    ws = book[name]
    assert isinstance(ws, Worksheet)
    return ws


# --- the view -------------------------------------------------------------------------------


def test_view_columns_follow_the_card() -> None:
    view = ledger_view([_record()], _community())
    assert [c.field for c in view.columns] == list(InjuryRecord.model_fields)
    assert [c.title for c in view.columns] == [f.title for f in InjuryRecord.model_fields.values()]
    coded = {c.field for c in view.columns if c.kind in ("code", "codes")}
    assert coded == {cl.field for cl in view.code_lists}
    assert {"sex", "cause", "place", "nature", "alcohol"} <= coded
    assert view.code_list("cause").entries == tuple((m.code, m.label) for m in InjuryCause)
    assert view.code_list("place").labels == tuple(m.label for m in InjuryPlace)
    assert view.code_list("sex").labels == ("男", "女")
    assert view.sub_units == ("东社区", "西社区")
    assert view.title == "测试街道伤害监测台账"


def test_view_cells_are_formatted() -> None:
    record = _record(
        injury_time="2024-03-05T14:30:00",
        visit_time="2024-03-05T15:00:00",
        report_date="2024-03-06",
        nature=["骨折", "挫伤、擦伤"],
        disabled=True,
        sub_unit="东社区",
    )
    view = ledger_view([record], _community())
    [row] = view.rows
    cell = dict(zip((c.field for c in view.columns), row, strict=True))
    assert cell["injury_time"] == "2024-03-05 14:30"
    assert cell["report_date"] == "2024-03-06"
    assert cell["sex"] == "女"
    assert cell["cause"] == "跌倒/坠落"
    assert cell["nature"] == f"{InjuryNature.FRACTURE.label}；{InjuryNature.CONTUSION.label}"
    assert cell["disabled"] == "是"
    assert cell["age"] == 72
    assert cell["name"] == ""
    assert cell["birth_date"] == ""
    assert view.document_date.isoformat() == "2024-03-06"
    assert view.years == (2024,)


def test_view_order_date_and_age_groups() -> None:
    late = _record(
        card_no="B",
        injury_time="2024-05-01T08:00:00",
        visit_time="2024-05-01T09:00:00",
        report_date="2024-06-30",
    )
    early = _record(card_no="A")
    view = ledger_view([late, early], _community())
    assert [row[0] for row in view.rows] == ["A", "B"]
    assert view.document_date.isoformat() == "2024-06-30"
    assert [g.label for g in view.age_groups] == [
        "0—4岁",
        "5—14岁",
        "15—24岁",
        "25—44岁",
        "45—59岁",
        "60—69岁",
        "70岁及以上",
    ]
    assert view.age_groups[-1] == AgeGroup("70岁及以上", 70, None)
    assert view.age_groups[0] == AgeGroup("0—4岁", 0, 5)
    empty = ledger_view([], _community())
    assert empty.document_date == _community().creation_start
    assert empty.rows == ()
    assert [g.label for g in age_groups((0, 15, 60))] == ["0—14岁", "15—59岁", "60岁及以上"]
    with pytest.raises(ValueError, match=r"start at 0"):
        age_groups((5, 15))
    with pytest.raises(ValueError, match=r"increase"):
        age_groups((0, 15, 15))


# --- the workbook ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def example_view() -> LedgerView:
    records, community = _example()
    return ledger_view(records, community)


@pytest.fixture(scope="module")
def example_book(example_view: LedgerView) -> Workbook:
    return load_workbook(io.BytesIO(render_ledger(example_view)))


def test_sheets_and_headers(example_view: LedgerView, example_book: Workbook) -> None:
    assert example_book.sheetnames == [RECORDS, BY_CAUSE, BY_PLACE, BY_AGE_SEX, BY_MONTH, CODES]
    ws = _sheet(example_book, RECORDS)
    heads = [c.value for c in ws[1]]
    assert heads[: len(example_view.columns)] == [c.title for c in example_view.columns]
    assert heads[-2:] == ["发生年份（自动）", "发生月份（自动）"]
    assert ws.freeze_panes == "B2"
    assert ws["A1"].font.bold
    assert ws["A1"].fill.fgColor.rgb.endswith("D9E1F2")
    assert ws.max_row == len(example_view.rows) + 1 + SPARE_ROWS
    age = example_view.index("age") + 1
    assert ws.cell(row=2, column=age).data_type == "n"
    for r, row in enumerate(example_view.rows[:20], start=2):
        assert [c.value or "" for c in ws[r]][: len(row)] == list(row)
    year = ws.cell(row=2, column=len(example_view.columns) + 1).value
    assert isinstance(year, str)
    assert year.startswith("=IF(")
    assert ws.page_setup.orientation == "landscape"
    assert ws.page_setup.paperSize == 9
    assert ws.page_setup.scale == 90, "printed across pages at 9.45 pt, not fitted to one"
    assert not ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.page_setup.pageOrder == "overThenDown"
    assert ws.print_title_rows == "$1:$1"
    assert ws.print_title_cols == "$A:$A", "the 卡片编号 repeats on every page across"
    codes = _sheet(example_book, CODES)
    assert codes["A1"].value == "性别"
    assert codes["A2"].value == "代码"
    assert codes["B2"].value == "名称"
    assert [codes.cell(row=r, column=2).value for r in (3, 4)] == ["男", "女"]


def test_validations_point_at_the_code_sheet(
    example_view: LedgerView, example_book: Workbook
) -> None:
    ws = _sheet(example_book, RECORDS)
    codes = _sheet(example_book, CODES)
    last = len(example_view.rows) + 1 + SPARE_ROWS
    rules = {str(dv.sqref): dv for dv in ws.data_validations.dataValidation}
    for c, column in enumerate(example_view.columns, start=1):
        letter = get_column_letter(c)
        if column.kind not in ("code", "codes", "unit"):
            continue
        dv = rules[f"{letter}2:{letter}{last}"]
        assert dv.type == "list"
        assert dv.formula1 is not None
        assert dv.formula1.startswith(f"'{CODES}'!$")
        sheet_range = dv.formula1.split("!")[1].replace("$", "")
        labels = [cell.value for (cell,) in codes[sheet_range]]
        expected = (
            list(example_view.sub_units)
            if column.kind == "unit"
            else list(example_view.code_list(column.field).labels)
        )
        assert labels == expected, column.field
        assert dv.showErrorMessage == (column.kind != "codes")
    age = get_column_letter(example_view.index("age") + 1)
    dv = rules[f"{age}2:{age}{last}"]
    assert (dv.type, dv.formula1, dv.formula2) == ("whole", "0", "120")


def test_summaries_are_formulas(example_view: LedgerView, example_book: Workbook) -> None:
    for name in (BY_CAUSE, BY_PLACE):
        ws = _sheet(example_book, name)
        assert str(ws["C3"].value).startswith("=COUNTIFS('伤害记录'!$")
        assert ws["D3"].number_format == "0.0%"
        assert str(ws.cell(row=ws.max_row, column=3).value).startswith("=SUM(")
    for name, share in ((BY_CAUSE, 4), (BY_PLACE, 4), (BY_AGE_SEX, 5)):
        ws = _sheet(example_book, name)
        # Largest remainder: hidden whole units, remainders and their ranks beside the share.
        helpers = [get_column_letter(share + 2 + k) for k in range(3)]
        assert [ws[f"{c}2"].value for c in helpers] == list(HELPER_TITLES), name
        assert all(ws.column_dimensions[c].hidden for c in helpers), name
        assert not ws.column_dimensions[get_column_letter(share)].hidden
        assert "QUOTIENT(" in str(ws[f"{helpers[0]}3"].value)
        assert str(ws[f"{helpers[2]}4"].value).startswith("=COUNTIF(")
    ws = _sheet(example_book, BY_AGE_SEX)
    assert '">=0"' in str(ws["B3"].value)
    assert '"<5"' in str(ws["B3"].value)
    ws = _sheet(example_book, BY_MONTH)
    assert str(ws["B3"].value).startswith("=COUNTIFS(")
    for name, first_col, last_col in (
        (BY_CAUSE, 3, 4),
        (BY_PLACE, 3, 4),
        (BY_AGE_SEX, 2, 5),
        (BY_MONTH, 2, 14),
    ):
        ws = _sheet(example_book, name)
        cells = [
            c.value
            for row in ws.iter_rows(min_row=3, min_col=first_col, max_col=last_col)
            for c in row
        ]
        assert cells, name
        assert all(isinstance(v, str) and v.startswith("=") for v in cells), name


def test_user_text_stays_text() -> None:
    view = ledger_view([_record(**TRICKY)], _community())
    ws = _sheet(load_workbook(io.BytesIO(render_ledger(view))), RECORDS)
    for field, text in TRICKY.items():
        cell = ws.cell(row=2, column=view.index(field) + 1)
        assert (cell.value, cell.data_type) == (text, "s"), field


def test_empty_ledger_still_offers_rows() -> None:
    community = _community().model_copy(update={"sub_units": []})
    view = ledger_view([], community)
    book = load_workbook(io.BytesIO(render_ledger(view)))
    ws = _sheet(book, RECORDS)
    assert ws.max_row == 1 + SPARE_ROWS
    unit = get_column_letter(view.index("sub_unit") + 1)
    sqrefs = {str(dv.sqref) for dv in ws.data_validations.dataValidation}
    assert f"{unit}2:{unit}{1 + SPARE_ROWS}" not in sqrefs
    cause = get_column_letter(view.index("cause") + 1)
    assert f"{cause}2:{cause}{1 + SPARE_ROWS}" in sqrefs
    months = _sheet(book, BY_MONTH)
    assert months["A3"].value == "合计", "no all-zero 其他年份 row"
    assert str(months["B3"].value).startswith("=COUNTIFS(")
    assert months.max_row == 3


def test_same_view_same_bytes(example_view: LedgerView) -> None:
    data = render_ledger(example_view)
    assert data == render_ledger(example_view)
    props = load_workbook(io.BytesIO(data)).properties
    assert props.created is not None
    assert props.created.date() == example_view.document_date
    assert props.title == example_view.title


# --- LibreOffice recalculation --------------------------------------------------------------

APPENDED: list[dict[str, str | int]] = [
    {"sex": "女", "age": 3, "injury_time": "2024/7/15 10:00", "cause": "溺水", "place": "其他"},
    {
        "sex": "男",
        "age": 75,
        "injury_time": "2025-01-02 08:00",
        "cause": "跌倒/坠落",
        "place": "家中",
    },
    {"sex": "女", "age": 70, "injury_time": "2026-05-01 09:30", "cause": "烧烫伤", "place": "家中"},
]


def _appended(view: LedgerView) -> bytes:
    book = load_workbook(io.BytesIO(render_ledger(view)))
    ws = _sheet(book, RECORDS)
    for r, values in enumerate(APPENDED, start=len(view.rows) + 2):
        for field, value in values.items():
            ws.cell(row=r, column=view.index(field) + 1, value=value)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


@pytest.fixture(scope="module")
def recalculated(
    example_view: LedgerView, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, Workbook]:
    tricky = ledger_view([_record(**TRICKY)], _community())
    files = {
        "example": render_ledger(example_view),
        "appended": _appended(example_view),
        "tricky": render_ledger(tricky),
        "ties": render_ledger(ledger_view(TIES, _community())),
    }
    return recalc(files, tmp_path_factory.mktemp("ledger"))


# One record in each of the seven default age groups and seven causes: 14.3% six times and
# 14.2% for the last (ties go to the earlier row), where 1/7 rounded alone gives 14.3% seven
# times (100.1%). Places: three records at home, two in the street (the two 车祸), two at
# school.
TIES = [
    _record(
        card_no=f"T{k}",
        age=age,
        cause=cause.label,
        place=place,
        nature=["烧烫伤" if cause is InjuryCause.BURN else "骨折"],
    )
    for k, (age, cause, place) in enumerate(
        zip(
            (3, 10, 20, 30, 50, 65, 80),
            list(InjuryCause)[:7],
            ("公路/街道", "公路/街道", "家中", "家中", "家中", "学校与公共场所", "学校与公共场所"),
            strict=True,
        )
    )
]


def _expected(view: LedgerView, rows: Sequence[dict[str, Any]]) -> dict[str, Counter[Any]]:
    """Python counts of what each summary sheet should show."""
    counts: dict[str, Counter[Any]] = {k: Counter() for k in ("cause", "place", "age", "month")}
    for row in rows:
        counts["cause"][row["cause"]] += 1
        counts["place"][row["place"]] += 1
        group = _group(view.age_groups, row["age"])
        counts["age"][(row["sex"], group)] += 1
        counts["age"][("合计", group)] += 1
        year, month = row["injury_time"].replace("/", "-").split(" ")[0].split("-")[:2]
        counts["month"][(int(year), int(month))] += 1
        counts["month"][("合计", int(month))] += 1
    return counts


def _shares(ws: Worksheet, column: int, first: int, total: int) -> list[Decimal]:
    """The shares a summary sheet shows (0.0% format) in rows ``first`` to ``total - 1``."""
    values = [ws.cell(row=r, column=column).value for r in range(first, total)]
    assert all(isinstance(v, int | float) for v in values), values
    assert ws.cell(row=first, column=column).number_format == "0.0%"
    return [Decimal(round(float(v) * 1000)).scaleb(-1) for v in values]  # type: ignore[arg-type]


def _check(book: Workbook, view: LedgerView, rows: Sequence[dict[str, Any]]) -> None:
    expected = _expected(view, rows)
    total = len(rows)
    for name, key in ((BY_CAUSE, "cause"), (BY_PLACE, "place")):
        ws = _sheet(book, name)
        labels = view.code_list(key).labels
        got = {
            ws.cell(row=r, column=2).value: ws.cell(row=r, column=3).value
            for r in range(3, 3 + len(labels))
        }
        assert got == {label: expected[key][label] for label in labels}, name
        total_row = 3 + len(labels)
        assert ws.cell(row=total_row, column=3).value == total
        assert ws.cell(row=total_row, column=4).value == pytest.approx(1)
        shares = largest_remainder([expected[key][label] for label in labels])
        assert _shares(ws, 4, 3, total_row) == list(shares), name
    ws = _sheet(book, BY_AGE_SEX)
    heads = [ws.cell(row=2, column=c).value for c in range(2, 5)]
    assert heads == ["男", "女", "合计"]
    for r, group in enumerate(view.age_groups, start=3):
        assert ws.cell(row=r, column=1).value == group.label
        for c, sex in enumerate(heads, start=2):
            assert ws.cell(row=r, column=c).value == expected["age"][(sex, group.label)], (
                group.label,
                sex,
            )
    age_total = 3 + len(view.age_groups)
    assert [ws.cell(row=age_total, column=c).value for c in (2, 3, 4)] == [
        sum(n for (sex, _), n in expected["age"].items() if sex == s) for s in heads
    ]
    assert ws.cell(row=age_total, column=4).value == total
    groups = [expected["age"][("合计", g.label)] for g in view.age_groups]
    assert _shares(ws, 5, 3, age_total) == list(largest_remainder(groups))
    assert ws.cell(row=age_total, column=5).value == pytest.approx(1)
    ws = _sheet(book, BY_MONTH)
    for r, year in enumerate([*view.years, "合计"], start=3):
        assert ws.cell(row=r, column=1).value == year
        got_months = [ws.cell(row=r, column=1 + m).value for m in range(1, 13)]
        assert got_months == [expected["month"][(year, m)] for m in range(1, 13)], year
    month_total = 3 + len(view.years)
    assert ws.cell(row=month_total, column=14).value == total, "records of any year count"
    assert ws.max_row == month_total


def _rows(records: Sequence[InjuryRecord]) -> list[dict[str, Any]]:
    return [
        {
            "sex": r.sex.label,
            "age": r.age,
            "injury_time": r.injury_time.strftime("%Y-%m-%d %H:%M"),
            "cause": r.cause.label,
            "place": r.place.label,
        }
        for r in records
    ]


@pytest.mark.libreoffice
def test_libreoffice_summaries_equal_python_counts(
    recalculated: dict[str, Workbook], example_view: LedgerView
) -> None:
    records, _ = _example()
    assert len(records) == len(example_view.rows)
    assert Counter(r.sex for r in records)[Sex.MALE] > 0
    _check(recalculated["example"], example_view, _rows(records))


@pytest.mark.libreoffice
def test_libreoffice_summaries_follow_appended_rows(
    recalculated: dict[str, Workbook], example_view: LedgerView
) -> None:
    records, _ = _example()
    book = recalculated["appended"]
    _check(book, example_view, [*_rows(records), *APPENDED])
    ws = _sheet(book, RECORDS)
    first = len(example_view.rows) + 2
    helpers = len(example_view.columns) + 1
    assert [
        (ws.cell(row=r, column=helpers).value, ws.cell(row=r, column=helpers + 1).value)
        for r in range(first, first + 3)
    ] == [(2024, 7), (2025, 1), (2026, 5)]
    blank = ws.cell(row=first + 3, column=helpers).value
    assert blank in (None, "")


@pytest.mark.libreoffice
def test_libreoffice_shares_are_largest_remainder_with_ties_to_the_earlier_row(
    recalculated: dict[str, Workbook],
) -> None:
    view = ledger_view(TIES, _community())
    book = recalculated["ties"]
    _check(book, view, _rows(TIES))
    causes = _shares(_sheet(book, BY_CAUSE), 4, 3, 3 + len(InjuryCause))
    assert [str(s) for s in causes[:8]] == ["14.3"] * 6 + ["14.2", "0.0"]
    places = dict(
        zip(
            view.code_list("place").labels,
            _shares(_sheet(book, BY_PLACE), 4, 3, 3 + len(InjuryPlace)),
            strict=True,
        )
    )
    # 3/7 = 42.86, 2/7 = 28.57 twice: floors 428 + 285 + 285 = 998, the two missing units
    # go to the larger remainders (.57 twice): 42.8, 28.6, 28.6, not 42.9 half up.
    assert (places["家中"], places["公路/街道"], places["学校与公共场所"]) == (
        Decimal("42.8"),
        Decimal("28.6"),
        Decimal("28.6"),
    )
    ages = _shares(_sheet(book, BY_AGE_SEX), 5, 3, 3 + len(view.age_groups))
    assert [str(s) for s in ages] == ["14.3"] * 6 + ["14.2"]
    stats = analyse(TIES, _community())
    assert causes == [row.share for row in stats.cause.rows]
    assert ages == [row.share for row in stats.age_group.rows]


@pytest.mark.libreoffice
def test_libreoffice_keeps_formula_like_text(recalculated: dict[str, Workbook]) -> None:
    view = ledger_view([_record(**TRICKY)], _community())
    ws = _sheet(recalculated["tricky"], RECORDS)
    for field, text in TRICKY.items():
        assert ws.cell(row=2, column=view.index(field) + 1).value == text, field


@pytest.mark.libreoffice
def test_libreoffice_summaries_equal_the_analysis(
    recalculated: dict[str, Workbook], example_view: LedgerView
) -> None:
    records, community = _example()
    stats = analyse(records, community)
    book = recalculated["example"]
    for name, table in ((BY_CAUSE, stats.cause), (BY_PLACE, stats.place)):
        ws = _sheet(book, name)
        sheet = {
            ws.cell(row=r, column=2).value: ws.cell(row=r, column=3).value
            for r in range(3, 3 + len(table.rows))
        }
        assert sheet == {row.label: row.count for row in table.rows}, name
        total = 3 + len(table.rows)
        assert _shares(ws, 4, 3, total) == [row.share for row in table.rows], name
    ws = _sheet(book, BY_AGE_SEX)
    total = 3 + len(stats.sex_age.rows)
    assert _shares(ws, 5, 3, total) == [row.total_share for row in stats.sex_age.rows]
    assert _shares(ws, 5, 3, total) == [row.share for row in stats.age_group.rows]
    for r, row in enumerate(stats.sex_age.rows, start=3):
        assert ws.cell(row=r, column=1).value == row.label
        assert [ws.cell(row=r, column=c).value for c in (2, 3, 4)] == [
            row.male,
            row.female,
            row.total,
        ]
