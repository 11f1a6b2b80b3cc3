"""The ``assessment.yaml`` of a new community folder, written from its rubric: every item with
its text, points and criteria as comments, and a score of 0 (or grade d) to fill in."""

from __future__ import annotations

from decimal import Decimal

from ..models import Rubric

HEADER = """\
# 自评 self-assessment (model: Assessment; schema: schemas/assessment.schema.json)
# 评分标准 {title}（{id} {version}），满分 {scale} 分。每个二级指标一项：对照注释中的评分标准，
# 把 score（得分）改为实际得分{grades_zh}，在 evidence 列出证明材料；不适用的项写
# not_applicable: true 和 reason（理由）。
# One entry per rubric item: replace the placeholder score{grades_en} with the real one and
# list the evidence; an item that does not apply gets not_applicable: true and a reason.

rubric: {id}                    # 评分标准 / rubric id (safecommunity-docs rubrics)
rubric_version: "{version}"     # 评分标准版本 / rubric version
assessor: {name}安全社区创建办公室自评小组   # 评定人员 / assessor
assessed_on: {date}             # 评定日期 / date of the assessment
year: {year}                    # 考核年度 / year assessed
# 自评总结（段落） / summary paragraphs
summary:
  - （请在自评完成后填写自评总体情况、主要失分原因和整改安排。）
items:
"""


def _points(value: Decimal) -> str:
    return f"{value.normalize():f}"


def assessment_yaml(rubric: Rubric, name: str, assessed_on: str, year: int) -> str:
    """The text of ``assessment.yaml`` for ``rubric``: every item, commented, scored 0."""
    graded = any(item.parts for element in rubric.elements for item in element.items)
    lines = [
        HEADER.format(
            title=rubric.title,
            id=rubric.id,
            version=rubric.version,
            scale=_points(rubric.scale),
            grades_zh="（分项等级 grades: " + "/".join(rubric.grades) + "）" if graded else "",
            grades_en=" (or the part grades)" if graded else "",
            name=name,
            date=assessed_on,
            year=year,
        )
    ]
    for element in rubric.elements:
        lines.append(f"  # {element.id} {element.title}")
        for item in element.items:
            lines.append(f"  # {item.id} {item.text}（{_points(item.points)} 分）")
            lines.extend(f"  #   - {criterion}" for criterion in item.criteria)
            lines.append(f'  - item: "{item.id}"')
            if item.parts:
                worst = list(rubric.grades)[-1]
                grades = ", ".join(f"{part.name}: {worst}" for part in item.parts)
                lines.append(f"    grades: {{{grades}}}")
            else:
                lines.append("    score: 0")
            lines.append("    evidence: []")
    return "\n".join(lines) + "\n"
