"""The dossier's own pages, 封面 and 目录: kinds the PDF stage renders before the parts."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..models.dossier import Dossier
from ..views.document import DocumentView
from ..views.dossier import ContentsEntry, Request, contents_view, cover_view, dossier_request
from .base import Document, Kind, RenderContext
from .registry import declare


@dataclass(frozen=True)
class Contents:
    """What the 目录 lists: each part and annex, its title and the folio it starts on."""

    dossier: Dossier
    entries: Sequence[ContentsEntry]


def _none(dossier: Dossier) -> list[Document]:
    return []  # rendered by the PDF stage, not as documents of their own


def request_of(dossier: Dossier, context: RenderContext) -> Request:
    """What ``dossier`` asks for, from the context's score (computed once per build)."""
    review = dossier.reassessment is not None
    if dossier.assessment is None:
        return dossier_request(None, None, review)
    return dossier_request(context.rubric, context.score_of(dossier.assessment), review)


def _cover(dossier: Any, context: RenderContext) -> DocumentView:
    assert isinstance(dossier, Dossier)
    return cover_view(dossier, request_of(dossier, context))


def _contents(contents: Any, context: RenderContext) -> DocumentView:
    assert isinstance(contents, Contents)
    return contents_view(contents.dossier, contents.entries, request_of(contents.dossier, context))


COVER = declare(
    Kind(
        name="dossier_cover",
        label="安全社区评定申报材料（封面）",
        model=Dossier,
        documents=_none,
        views={"document": _cover},
        order=0,
        page_numbers=False,
        in_dossier=False,
    )
)

CONTENTS = declare(
    Kind(
        name="dossier_contents",
        label="安全社区评定申报材料（目录）",
        model=Contents,
        documents=_none,
        views={"document": _contents},
        order=1,
        page_numbers=False,
        in_dossier=False,
    )
)
