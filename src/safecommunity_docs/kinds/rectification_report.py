"""Kind ``rectification_report``: the 整改报告 of a 复评 whose field assessment (现场评定) falls
in its rubric's rectify band (docx, pdf); written from ``reassessment.yaml``."""

from __future__ import annotations

from typing import Any

from ..errors import InputError, Problem
from ..models.dossier import Dossier
from ..models.reassessment import FieldAssessment
from ..models.rubric import Rubric
from ..rubrics import shipped_rubric
from ..scoring.field import field_result
from ..views.document import DocumentView
from ..views.rectification import rectification_title, rectification_view
from .base import Document, Kind, RenderContext
from .registry import declare

NAME = "rectification_report"


def field_rubric(field: FieldAssessment, context: RenderContext | None = None) -> Rubric:
    """The rubric the field assessment names: the context's when it is that one, else the
    shipped one (:class:`InputError` for an unknown id)."""
    if context is not None:
        try:
            held = context.rubric
        except InputError:  # the dossier has no rubric of its own
            held = None
        if held is not None and held.id == field.rubric:
            return held
    rubric = shipped_rubric(field.rubric)
    if rubric is None:
        raise InputError(
            [
                Problem(
                    path="reassessment.field_assessment.rubric",
                    message=f"unknown rubric '{field.rubric}'",
                )
            ]
        )
    return rubric


def _documents(dossier: Dossier) -> list[Document]:
    reassessment = dossier.reassessment
    if reassessment is None or reassessment.field_assessment is None:
        return []
    field = reassessment.field_assessment
    rubric = shipped_rubric(field.rubric)
    if rubric is None or not field_result(field, rubric).rectify:
        return []
    title = rectification_title(dossier.community)
    return [Document(NAME, title, title, field)]


def _view(field: Any, context: RenderContext) -> DocumentView:
    assert isinstance(field, FieldAssessment)
    dossier = context.need_dossier("the rectification report (the re-assessment)")
    assert dossier.reassessment is not None
    rubric = field_rubric(field, context)
    return rectification_view(
        field, dossier.reassessment, dossier.community, rubric, field_result(field, rubric)
    )


KIND = declare(
    Kind(
        name=NAME,
        label="安全社区复评整改报告",
        model=FieldAssessment,
        documents=_documents,
        views={"document": _view},
        order=26,
    )
)
