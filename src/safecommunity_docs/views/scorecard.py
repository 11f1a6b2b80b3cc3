"""The self-assessment scorecard (自评表) view: rubric rows with the assessment's entries."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from ..models.assessment import Assessment
from ..models.rubric import Rubric
from .numbering import chinese_number

NOT_APPLICABLE = "不适用"


@dataclass(frozen=True, slots=True)
class ScorecardItem:
    """One item row: the rubric's text and the assessment's entry, as the sheet shows them."""

    seq: int
    id: str
    text: str
    criteria: str
    points: Decimal
    score: Decimal | None
    not_applicable: bool
    part_points: tuple[Decimal | None, ...]
    grades: tuple[str | None, ...]
    deductions: str
    evidence: str

    @property
    def label(self) -> str:
        """The 二级指标 cell: 「1.1 item text」."""
        return f"{self.id} {self.text}"


@dataclass(frozen=True, slots=True)
class ScorecardElement:
    """One element block: its number (一、二 …), title and item rows."""

    number: str
    title: str
    items: tuple[ScorecardItem, ...]

    @property
    def heading(self) -> str:
        """The 一级指标 cell: 「一、title」."""
        return f"{self.number}、{self.title}"

    @property
    def subtotal_label(self) -> str:
        """The label of the element's subtotal row."""
        return f"{self.heading} 小计"


@dataclass(frozen=True, slots=True)
class ScorecardBand:
    """A verdict band: totals at or above ``min`` (bands sorted from the top down)."""

    min: Decimal
    label: str
    next_step: str


@dataclass(frozen=True, slots=True)
class ScorecardView:
    """Everything a scorecard renderer needs; the verdict logic is carried as data."""

    title: str
    community: str
    assessor: str
    assessed_on: str
    document_date: date
    rubric_id: str
    part_names: tuple[str, ...]
    grades: tuple[tuple[str, Decimal], ...]
    elements: tuple[ScorecardElement, ...]
    scale: Decimal
    places: int
    bands: tuple[ScorecardBand, ...]
    veto: ScorecardBand | None
    reapplication_threshold: Decimal | None
    reapplication: ScorecardBand | None
    previous_total: Decimal | None
    previous_year: str

    @property
    def info_line(self) -> str:
        """「评定人员：…　　评定日期：…」 under the title."""
        return f"评定人员：{self.assessor}　　评定日期：{self.assessed_on}"

    @property
    def summary_title(self) -> str:
        """The title of the summary sheet."""
        return f"{self.community}安全社区自评得分汇总" if self.community else "自评得分汇总"

    @property
    def previous_label(self) -> str:
        """The label of the previous year's total (for the reapplication rule)."""
        return f"上年度总分（{self.previous_year}）" if self.previous_year else "上年度总分"


def _date(value: date) -> str:
    return f"{value.year}年{value.month}月{value.day}日"


def scorecard_view(assessment: Assessment, rubric: Rubric, community: str = "") -> ScorecardView:
    """Build the scorecard view of ``assessment`` against ``rubric`` for ``community``."""
    entries = {entry.item: entry for entry in assessment.items}
    part_names: list[str] = []
    for _, item in rubric.items():
        part_names.extend(p.name for p in item.parts if p.name not in part_names)
    elements = []
    seq = 0
    for n, element in enumerate(rubric.elements, start=1):
        rows = []
        for item in element.items:
            seq += 1
            entry = entries.get(item.id)
            criteria = (
                item.criteria[0]
                if len(item.criteria) == 1
                else "\n".join(f"{i}. {c}" for i, c in enumerate(item.criteria, start=1))
            )
            points = {p.name: p.points for p in item.parts}
            given = (entry.grades or {}) if entry else {}
            grades = tuple(given.get(name) if name in points else None for name in part_names)
            rows.append(
                ScorecardItem(
                    seq=seq,
                    id=item.id,
                    text=item.text,
                    criteria=criteria,
                    points=item.points,
                    score=entry.score if entry else None,
                    not_applicable=bool(entry and entry.not_applicable),
                    part_points=tuple(points.get(name) for name in part_names),
                    grades=grades,
                    deductions=(
                        entry.reason
                        if entry and entry.not_applicable
                        else entry.deductions
                        if entry
                        else None
                    )
                    or "",
                    evidence="；".join(entry.evidence) if entry else "",
                )
            )
        elements.append(ScorecardElement(chinese_number(n), element.title, tuple(rows)))
    by_code = {band.code: band for band in rubric.bands}

    def band(code: str | None) -> ScorecardBand | None:
        if code is None:
            return None
        b = by_code[code]
        return ScorecardBand(b.min, b.label, b.next_step)

    bands = tuple(
        ScorecardBand(b.min, b.label, b.next_step)
        for b in sorted(rubric.bands, key=lambda b: b.min, reverse=True)
    )
    rule = rubric.reapplication
    previous = assessment.previous
    return ScorecardView(
        title=f"{community}安全社区自评表" if community else f"{rubric.title}",
        community=community,
        assessor=assessment.assessor,
        assessed_on=_date(assessment.assessed_on),
        document_date=assessment.assessed_on,
        rubric_id=rubric.id,
        part_names=tuple(part_names),
        grades=tuple(rubric.grades.items()),
        elements=tuple(elements),
        scale=rubric.scale,
        places=rubric.rounding_places,
        bands=bands,
        veto=band(rubric.veto_any_item_zero),
        reapplication_threshold=rule.threshold if rule else None,
        reapplication=band(rule.verdict) if rule else None,
        previous_total=previous.total if previous else None,
        previous_year=f"{previous.year}年" if previous else "",
    )
