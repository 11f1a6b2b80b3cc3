"""Kind ``promotion_project``: 安全促进项目实施方案 (docx), one per project."""

from __future__ import annotations

from typing import Any

from ..models.dossier import Dossier
from ..models.project import PromotionProject
from ..views.document import DocumentView
from ..views.project import project_title, project_view
from .base import Document, Kind, RenderContext
from .registry import register


def _documents(dossier: Dossier) -> list[Document]:
    return [
        Document("promotion_project", project_title(p, dossier.community), p.title, p)
        for p in dossier.projects
    ]


def _view(project: Any, context: RenderContext) -> DocumentView:
    assert isinstance(project, PromotionProject)
    community = context.dossier.community if context.dossier else None
    return project_view(project, community)


KIND = register(
    Kind(
        name="promotion_project",
        label="安全促进项目实施方案",
        formats=("docx",),
        model=PromotionProject,
        documents=_documents,
        view=_view,
    )
)
