"""Kind ``application``: 安全社区评定申请书 (docx, pdf)."""

from __future__ import annotations

from typing import Any

from ..models.application import Application
from ..models.dossier import Dossier
from ..views.application import application_title, application_view
from ..views.document import DocumentView
from ..views.dossier import title_name
from .base import Document, Kind, Part, RenderContext
from .registry import annex_titles, declare, dossier_kinds

NAME = "application"


def _documents(dossier: Dossier) -> list[Document]:
    # Without an application.yaml the letter is written from the dossier alone.
    if dossier.application is None and dossier.work_plan is None:
        return []
    asked = "复评" if dossier.reassessment is not None else "评定"
    stem = f"{dossier.community.name}安全社区{asked}申请书"
    title = application_title(dossier.application, dossier.community, title_name(dossier))
    return [Document(NAME, stem, title, dossier.application or dossier)]


def _view(model: Any, context: RenderContext) -> DocumentView:
    dossier = model if isinstance(model, Dossier) else context.need_dossier("the application")
    application = model if isinstance(model, Application) else dossier.application
    assessment = dossier.assessment
    report = context.score_of(assessment) if assessment is not None else None
    others = [k for k in dossier_kinds(dossier) if k.name != NAME]
    return application_view(
        application, dossier, context.rubric, report, annex_titles(others, dossier)
    )


KIND = declare(
    Kind(
        name=NAME,
        label="安全社区评定申请书",
        model=Application,
        part=Part(field="application", file="application", schema="application"),
        documents=_documents,
        views={"document": _view},
        order=10,
    )
)
