"""Kind ``isccc_application``: the English application to the ISCCC (docx, pdf).

Built from ``isccc.yaml`` and the rest of the dossier, in the Latin template layout. It is a
file of its own, not a part of the Chinese ``dossier.pdf`` (``bound=False``): it goes to
another assessor, in another language. Texts the community has not written in English are
placeholders in the document and warnings of ``validate`` and ``build``.
"""

from __future__ import annotations

from typing import Any

from ..models.dossier import Dossier
from ..models.isccc import IscccApplication, missing_texts
from ..views.document import DocumentView
from ..views.isccc import isccc_title, isccc_view
from .base import Document, Kind, Part, RenderContext
from .registry import declare

NAME = "isccc_application"


def _documents(dossier: Dossier) -> list[Document]:
    if dossier.isccc is None:
        return []
    title = isccc_title(dossier.isccc)
    return [Document(NAME, title, title, dossier.isccc)]


def _view(isccc: Any, context: RenderContext) -> DocumentView:
    assert isinstance(isccc, IscccApplication)
    dossier = context.need_dossier("the ISCCC application (community, projects, injuries)")
    return isccc_view(isccc, dossier, context.statistics, context.score, context.rubric.title)


def _notes(dossier: Dossier) -> list[str]:
    """One warning per English text the application needs and the community has not written."""
    if dossier.isccc is None:
        return []
    out = []
    for path in missing_texts(dossier.isccc, dossier.projects):
        source = dossier.source_of(path)
        where = f"{source[0]}:{source[1]} " if source and source[1] else ""
        out.append(
            f"{where}{path}: 缺少英文文本 (no English text: the ISCCC application shows a "
            "placeholder; nothing is machine-translated)"
        )
    return out


KIND = declare(
    Kind(
        name=NAME,
        label="国际安全社区英文申请书",
        template_title="International Safe Community application",
        model=IscccApplication,
        part=Part(field="isccc", file="isccc", schema="isccc"),
        documents=_documents,
        views={"document": _view},
        order=85,
        bound=False,
        typography="latin",
        notes=_notes,
    )
)
