"""Kind ``promotion_project``: 安全促进项目实施方案 (docx, pdf), one per project."""

from __future__ import annotations

from typing import Any

from ..analysis import project_baselines
from ..models.dossier import Dossier
from ..models.project import PromotionProject
from ..views.document import DocumentView
from ..views.dossier import issuing_body
from ..views.project import project_title, project_view
from .base import Document, Kind, Part, RenderContext
from .registry import declare

NAME = "promotion_project"


def _documents(dossier: Dossier) -> list[Document]:
    return [
        Document(NAME, project_title(p, dossier.community), p.title, p) for p in dossier.projects
    ]


def _view(project: Any, context: RenderContext) -> DocumentView:
    assert isinstance(project, PromotionProject)
    dossier = context.dossier
    if dossier is None:
        return project_view(project)
    if any(p is project for p in dossier.projects):
        baselines = context.baselines[project.id]
    else:  # a project rendered with another dossier's records
        baselines = project_baselines([project], dossier.injury_records)[project.id]
    plan = dossier.work_plan
    return project_view(
        project,
        dossier.community,
        baselines,
        signer=issuing_body(dossier),
        plan_date=plan.issue_date if plan is not None else None,
    )


def _annex(dossier: Dossier) -> str:
    return f"{dossier.community.name}安全促进项目实施方案（{len(dossier.projects)}项）"


KIND = declare(
    Kind(
        name=NAME,
        label="安全促进项目实施方案",
        model=PromotionProject,
        part=Part(field="projects", folder="projects", schema="project"),
        documents=_documents,
        views={"document": _view},
        order=50,
        annex_title=_annex,
    )
)
