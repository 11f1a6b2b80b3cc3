"""Kind ``annual_summary``: 安全社区建设年度工作总结 (docx, pdf)."""

from __future__ import annotations

from typing import Any

from ..models.annual_summary import AnnualSummary
from ..models.dossier import Dossier
from ..views.annual_summary import annual_summary_title, annual_summary_view
from ..views.document import DocumentView
from .base import Document, Kind, Part, RenderContext
from .registry import declare

NAME = "annual_summary"


def _documents(dossier: Dossier) -> list[Document]:
    summary = dossier.annual_summary
    if summary is None:
        return []
    title = annual_summary_title(summary, dossier.community)
    return [Document(NAME, title, title, summary)]


def _view(summary: Any, context: RenderContext) -> DocumentView:
    assert isinstance(summary, AnnualSummary)
    dossier = context.need_dossier("the annual summary (projects and injury records)")
    return annual_summary_view(summary, dossier.community, dossier.projects, context.statistics)


def _annex(dossier: Dossier) -> str:
    assert dossier.annual_summary is not None
    return annual_summary_title(dossier.annual_summary, dossier.community)


KIND = declare(
    Kind(
        name=NAME,
        label="安全社区建设年度工作总结",
        model=AnnualSummary,
        part=Part(field="annual_summary", file="annual_summary", schema="annual-summary"),
        documents=_documents,
        views={"document": _view},
        order=80,
        annex_title=_annex,
    )
)
