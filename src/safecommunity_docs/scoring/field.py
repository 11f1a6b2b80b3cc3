"""A field assessment's (现场评定) total against its rubric: the band, and whether it calls for
rectification (the rubric's band coded ``rectify``, e.g. 75 to below 100 of the national 150)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..models.reassessment import FieldAssessment
from ..models.rubric import Rubric, VerdictBand

RECTIFY = "rectify"
"""The code of a rubric's band whose totals pass once the points lost are rectified."""


@dataclass(frozen=True, slots=True)
class FieldResult:
    """The field total's band, the points lost on the scale and the items' lost points."""

    total: Decimal
    scale: Decimal
    band: VerdictBand
    items_lost: Decimal

    @property
    def lost(self) -> Decimal:
        """Points lost in the field (the scale less the total)."""
        return self.scale - self.total

    @property
    def rectify(self) -> bool:
        """Whether the total falls in the rubric's rectify band."""
        return self.band.code == RECTIFY


def field_result(field: FieldAssessment, rubric: Rubric) -> FieldResult:
    """The band of ``field.total`` in ``rubric`` (the total is capped at the scale)."""
    total = min(field.total, rubric.scale)
    band = next(b for b in rubric.bands if b.min <= total and (b.max is None or total < b.max))
    lost = sum((i.lost for i in field.items if i.lost is not None), Decimal(0))
    return FieldResult(total=field.total, scale=rubric.scale, band=band, items_lost=lost)
