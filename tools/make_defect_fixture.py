"""Write tests/fixtures/injury_defects/: injury records with twelve defects, one a row (CSV, XLSX).

Run: .venv/bin/python tools/make_defect_fixture.py. Row 2 is a good card; rows 3-14 each hold
one defect (see DEFECTS); tests/unit/test_record_defects.py checks that all twelve are reported
at once, at their row and column.
"""

from __future__ import annotations

import csv
from pathlib import Path

from openpyxl import Workbook

HEADER = [
    "卡片编号", "性别", "年龄", "残疾人", "伤害发生时间", "就诊时间", "填报日期", "伤害发生原因",
    "伤害发生地点", "伤害发生时活动", "伤害意图", "伤害性质", "伤害部位", "严重程度", "伤害结局",
    "伤害经过",
]  # fmt: skip
DEFECTS: list[tuple[str, str | int]] = [
    ("injury_time", "2024/13/05 08:30"),  # no month 13, written with slashes
    ("report_date", "2024-02-30"),  # no 30 February
    ("cause", "跌到/坠落"),  # typo of 跌倒/坠落
    ("place", "99"),  # no such code
    ("age", "七十"),  # not a number
    ("sex", ""),  # required, left empty
    ("disabled", "也许"),  # not 是/否
    ("cause", "机动车车祸"),  # a road accident at home (place stays 家中)
    ("card_no", "D-01"),  # the card number of row 2
    ("extra", "多余的值"),  # one value more than the header has
    ("description", "=A1+1"),  # looks like a spreadsheet formula
    ("description", "在家中滑倒\x07右腕着地"),  # a control character (U+0007)
]
FIELDS = [
    "card_no", "sex", "age", "disabled", "injury_time", "visit_time", "report_date", "cause",
    "place", "activity", "intent", "nature", "body_part", "severity", "outcome", "description",
]  # fmt: skip
FOLDER = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "injury_defects"


def rows() -> list[list[str | int]]:
    """The good row, then one row per defect; each on its own day (no duplicate persons)."""
    out: list[list[str | int]] = []
    for n in range(len(DEFECTS) + 1):
        day = f"2024-01-{n + 1:02d}"
        good: dict[str, str | int] = {
            "card_no": f"D-{n + 1:02d}",
            "sex": "女",
            "age": 72,
            "disabled": "否",
            "injury_time": f"{day} 08:30",
            "visit_time": f"{day} 09:40",
            "report_date": day,
            "cause": "跌倒/坠落",
            "place": "家中",
            "activity": "家务",
            "intent": "非故意",
            "nature": "骨折",
            "body_part": "上肢",
            "severity": "中度",
            "outcome": "住院",
            "description": "在家中滑倒，右腕着地",
        }
        extra: list[str | int] = []
        if n:
            name, value = DEFECTS[n - 1]
            if name == "extra":
                extra = [value]
            else:
                good[name] = value
        out.append([good[f] for f in FIELDS] + extra)
    return out


def main() -> None:
    FOLDER.mkdir(parents=True, exist_ok=True)
    with (FOLDER / "injuries.csv").open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        writer.writerows(rows())
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "伤害记录"
    sheet.append(HEADER)
    for r, row in enumerate(rows(), start=2):
        for c, value in enumerate(row, start=1):
            if value == "":
                continue
            if isinstance(value, str) and "\x07" in value:
                value = value.replace("\x07", "_x0007_")  # OOXML's escape of a control character
            cell = sheet.cell(r, c, value)
            cell.data_type = "n" if isinstance(value, int) else "s"  # "=A1+1" stays text
    book.save(FOLDER / "injuries.xlsx")


if __name__ == "__main__":
    main()
