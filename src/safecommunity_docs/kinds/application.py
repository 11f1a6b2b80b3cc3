"""Kind ``application``: 安全社区评定申请书 (docx)."""

from __future__ import annotations

from typing import Any

from ..errors import InputError, Problem
from ..models.application import Application
from ..models.dossier import Dossier
from ..views.application import application_title, application_view
from ..views.document import DocumentView
from .base import Document, Kind, RenderContext, rubric_for
from .registry import register


def _documents(dossier: Dossier) -> list[Document]:
    # Without an application.yaml the letter is written from the dossier alone.
    if dossier.application is None and dossier.work_plan is None:
        return []
    stem = f"{dossier.community.name}安全社区评定申请书"
    title = application_title(dossier.application, dossier.community)
    return [Document("application", stem, title, dossier.application or dossier)]


def _view(model: Any, context: RenderContext) -> DocumentView:
    if isinstance(model, Dossier):
        return application_view(model.application, model, rubric_for(model))
    assert isinstance(model, Application)
    if context.dossier is None:
        raise InputError(
            [
                Problem(
                    path="dossier",
                    message="the application is written from the dossier; pass dossier=…",
                )
            ]
        )
    return application_view(model, context.dossier, rubric_for(context.dossier))


KIND = register(
    Kind(
        name="application",
        label="安全社区评定申请书",
        formats=("docx",),
        model=Application,
        documents=_documents,
        view=_view,
    )
)
