"""Kind ``archive_index``: 安全社区创建档案目录 (docx, pdf), every piece of evidence numbered."""

from __future__ import annotations

from typing import Any

from ..models.dossier import Dossier
from ..views.archive_index import archive_index_view, archive_title
from ..views.document import DocumentView
from .base import Document, Kind, RenderContext
from .registry import declare

NAME = "archive_index"


def _documents(dossier: Dossier) -> list[Document]:
    if dossier.assessment is None:
        return []
    title = archive_title(dossier.community)
    return [Document(NAME, title, title, dossier)]


def _view(dossier: Any, context: RenderContext) -> DocumentView:
    assert isinstance(dossier, Dossier)
    return archive_index_view(dossier, context.rubric)


KIND = declare(
    Kind(
        name=NAME,
        label="安全社区创建档案目录",
        model=Dossier,
        documents=_documents,
        views={"document": _view},
        order=85,
        annex_title=lambda dossier: archive_title(dossier.community),
    )
)
