"""Kind ``injury_ledger``: 伤害监测台账 (xlsx with drop-downs and COUNTIFS summaries)."""

from __future__ import annotations

from typing import Any

from ..models.dossier import Dossier
from ..models.injury import InjuryRecord
from ..views.ledger import LedgerView, ledger_view
from .base import BoundWorkbook, Document, Kind, Part, RenderContext
from .registry import declare

NAME = "injury_ledger"


def _documents(dossier: Dossier) -> list[Document]:
    if not dossier.injury_records:
        return []
    name = dossier.community.name
    return [Document(NAME, f"{name}伤害监测台账", "伤害监测台账", dossier)]


def _workbook(dossier: Any, context: RenderContext) -> LedgerView:
    assert isinstance(dossier, Dossier)
    return ledger_view(dossier.injury_records, dossier.community)


KIND = declare(
    Kind(
        name=NAME,
        label="伤害监测台账",
        model=Dossier,
        part=Part(
            field="injury_records",
            records=("injuries", "injury_records"),
            row=InjuryRecord,
            schema="injury-record",
        ),
        documents=_documents,
        views={"workbook": _workbook},
        order=70,
        # The summary sheets (COUNTIFS over the hidden record sheet): the figures the
        # diagnosis report quotes, as the assessor will find them in the 台账.
        bound_workbook=BoundWorkbook(
            title=lambda dossier: f"{dossier.community.name}伤害监测汇总表",
            sheets=("按原因", "按地点", "按年龄性别", "按月份"),
        ),
    )
)
