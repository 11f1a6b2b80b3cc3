"""Kind ``injury_ledger``: 伤害监测台账 (xlsx with drop-downs and COUNTIFS summaries)."""

from __future__ import annotations

from typing import Any

from ..models.dossier import Dossier
from ..render.xlsx.ledger import render_ledger
from ..views.ledger import ledger_view
from .base import Document, Kind, RenderContext
from .registry import register


def _documents(dossier: Dossier) -> list[Document]:
    if not dossier.injury_records:
        return []
    name = dossier.community.name
    return [Document("injury_ledger", f"{name}伤害监测台账", "伤害监测台账", dossier)]


def _xlsx(dossier: Any, context: RenderContext) -> bytes:
    assert isinstance(dossier, Dossier)
    return render_ledger(ledger_view(dossier.injury_records, dossier.community))


KIND = register(
    Kind(
        name="injury_ledger",
        label="伤害监测台账",
        formats=("xlsx",),
        model=Dossier,
        documents=_documents,
        extra={"xlsx": _xlsx},
    )
)
