"""Kind ``improvement_report``: 安全社区持续改进报告 of a 复评 (docx, pdf), from
``reassessment.yaml``, the projects' follow-ups and the injury records."""

from __future__ import annotations

from typing import Any

from ..models.dossier import Dossier
from ..models.reassessment import Reassessment
from ..views.document import DocumentView
from ..views.reassessment import reassessment_title, reassessment_view
from .base import Document, Kind, Part, RenderContext
from .registry import declare

NAME = "improvement_report"


def _documents(dossier: Dossier) -> list[Document]:
    if dossier.reassessment is None:
        return []
    title = reassessment_title(dossier.reassessment, dossier.community)
    return [Document(NAME, title, title, dossier.reassessment)]


def _view(reassessment: Any, context: RenderContext) -> DocumentView:
    assert isinstance(reassessment, Reassessment)
    dossier = context.need_dossier("the continued-improvement report (projects, injury records)")
    return reassessment_view(reassessment, dossier)


def _annex(dossier: Dossier) -> str:
    assert dossier.reassessment is not None
    return reassessment_title(dossier.reassessment, dossier.community)


KIND = declare(
    Kind(
        name=NAME,
        label="安全社区持续改进报告",
        model=Reassessment,
        part=Part(field="reassessment", file="reassessment", schema="reassessment"),
        documents=_documents,
        views={"document": _view},
        order=25,
        annex_title=_annex,
    )
)
