"""Score an assessment against its rubric with exact Decimal arithmetic."""

from __future__ import annotations

from decimal import Decimal

from ..errors import InputError, Problem
from ..models.assessment import Assessment, ItemScore, check_against
from ..models.base import format_loc
from ..models.rubric import Rubric, RubricItem, VerdictBand
from .report import ElementResult, ItemResult, ScoreReport, Verdict, Veto

PRIORITY_COUNT = 5


def _item_score(item: RubricItem, entry: ItemScore, rubric: Rubric) -> Decimal:
    if entry.score is not None:
        return entry.score
    grades = entry.grades or {}
    return sum((part.points * rubric.grades[grades[part.name]] for part in item.parts), Decimal(0))


def _band(rubric: Rubric, total: Decimal) -> VerdictBand:
    for band in rubric.bands:
        if band.min <= total and (band.max is None or total < band.max):
            return band
    # The rubric model guarantees bands cover 0 … scale; totals never exceed the scale.
    raise AssertionError(f"no band for total {total}")


def _verdict(band: VerdictBand) -> Verdict:
    return Verdict(code=band.code, label=band.label, next_step=band.next_step)


def _by_code(rubric: Rubric, code: str) -> VerdictBand:
    return next(b for b in rubric.bands if b.code == code)


def quantize(value: Decimal, rubric: Rubric) -> Decimal:
    """Round ``value`` with the rubric's declared places and mode."""
    return value.quantize(Decimal(1).scaleb(-rubric.rounding_places), rounding=rubric.rounding_mode)


def score(assessment: Assessment, rubric: Rubric) -> ScoreReport:
    """Score ``assessment`` against ``rubric`` and return the full :class:`ScoreReport`.

    Item scores are exact Decimals (a score, or the sum of part points × grade fraction). N/A
    items are excluded and, where the rubric says ``rescale``, the total is scaled back to the
    rubric's scale. Rounding happens once, on the total. Vetoes (an item at zero) and the
    reapplication rule may override the band's verdict. Input problems (unknown items, scores
    above an item's points, undefined grades) raise :class:`~safecommunity_docs.InputError`.
    """
    problems = check_against(assessment, rubric)
    if problems:
        raise InputError(
            [Problem(path=format_loc(loc), message=msg) for loc, msg in problems],
            f"assessment does not fit rubric '{rubric.id}'",
        )
    entries = {entry.item: entry for entry in assessment.items}
    warnings: list[str] = []
    items: list[ItemResult] = []
    elements: list[ElementResult] = []
    for element in rubric.elements:
        subtotal, maximum = Decimal(0), Decimal(0)
        for item in element.items:
            entry = entries.get(item.id)
            if entry is None:
                warnings.append(f"item {item.id} is not scored; counted as 0 ({item.text})")
                result = ItemResult(
                    id=item.id,
                    element_id=element.id,
                    text=item.text,
                    max=item.points,
                    score=Decimal(0),
                    scored=False,
                )
            elif entry.not_applicable:
                result = ItemResult(
                    id=item.id,
                    element_id=element.id,
                    text=item.text,
                    max=item.points,
                    score=None,
                    not_applicable=True,
                    deductions=entry.reason,
                    evidence=tuple(entry.evidence),
                )
            else:
                result = ItemResult(
                    id=item.id,
                    element_id=element.id,
                    text=item.text,
                    max=item.points,
                    score=_item_score(item, entry, rubric),
                    grades=entry.grades,
                    deductions=entry.deductions,
                    improvement=entry.improvement,
                    evidence=tuple(entry.evidence),
                )
            items.append(result)
            if result.score is not None:
                subtotal += result.score
                maximum += result.max
        percent = (subtotal / maximum * 100).quantize(Decimal("0.1")) if maximum else Decimal(0)
        elements.append(
            ElementResult(
                id=element.id, title=element.title, score=subtotal, max=maximum, percent=percent
            )
        )
    raw = sum((e.score for e in elements), Decimal(0))
    applicable = sum((e.max for e in elements), Decimal(0))
    if applicable == 0:
        raise InputError(
            [Problem(path="items", message="every item is not applicable; nothing to score")]
        )
    exact = raw if applicable == rubric.scale else raw * rubric.scale / applicable
    total = quantize(exact, rubric)
    band = _band(rubric, total)
    verdict = band
    vetoes: list[Veto] = []
    if rubric.veto_any_item_zero is not None:
        zeros = [i.id for i in items if i.score == 0]
        if zeros:
            vetoes.append(
                Veto(
                    kind="item-zero",
                    verdict=rubric.veto_any_item_zero,
                    items=tuple(zeros),
                    message=f"item(s) at zero: {', '.join(zeros)}",
                )
            )
            verdict = _by_code(rubric, rubric.veto_any_item_zero)
    rule = rubric.reapplication
    previous = assessment.previous
    if (
        rule is not None
        and previous is not None
        and previous.total < rule.threshold
        and total < rule.threshold
        and verdict.code != rule.verdict
    ):
        vetoes.append(
            Veto(
                kind="reapplication",
                verdict=rule.verdict,
                previous_year=previous.year,
                previous_total=previous.total,
                message=f"{rule.reason} (previous {previous.year}: {previous.total})",
            )
        )
        verdict = _by_code(rubric, rule.verdict)
    priorities = sorted((i for i in items if i.lost > 0), key=lambda i: (-i.lost, items.index(i)))
    return ScoreReport(
        rubric_id=rubric.id,
        rubric_version=rubric.version,
        scale=rubric.scale,
        raw_total=raw,
        applicable_max=applicable,
        total=total,
        verdict=_verdict(verdict),
        band=_verdict(band),
        vetoes=tuple(vetoes),
        elements=tuple(elements),
        items=tuple(items),
        priorities=tuple(priorities[:PRIORITY_COUNT]),
        warnings=tuple(warnings),
    )
