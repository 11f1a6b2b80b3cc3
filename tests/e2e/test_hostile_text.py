"""Every text field of real documents, filled with hostile text, comes out literally in Word."""

from __future__ import annotations

import io
from typing import Any

import docx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

from safecommunity_docs import load, load_rubric, render
from safecommunity_docs.models import Dossier, normalise_text
from tests.conftest import EXAMPLES
from tests.texts import map_texts

DOSSIER = load(EXAMPLES / "qinghe-street")


def _hostile_copy(model: BaseModel, make: Any) -> tuple[BaseModel, list[str]]:
    made: list[str] = []

    def change(_: str) -> str:
        made.append(make(len(made)))
        return made[-1]

    data = map_texts(model, change)
    context = {"rubrics": {"city": load_rubric("city")}}
    return type(model).model_validate(data, context=context), made


def _document_text(data: bytes) -> str:
    document = docx.Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text.replace("\u2060", "") for cell in row.cells)  # word joiners
    return "\n".join(parts)


def _check(model: BaseModel, make: Any, dossier: Dossier = DOSSIER) -> None:
    hostile, texts = _hostile_copy(model, make)
    shown = _document_text(render(hostile, "docx", dossier=dossier))
    missing = [
        t for t in texts if normalise_text(t)[0].strip() and normalise_text(t)[0] not in shown
    ]
    assert not missing, missing[:3]


def _marker(i: int) -> str:
    return f"〔{i}〕<w:p>&amp;{{{{ title }}}}{{% endfor %}}{{_{{'\"=SUM(A1)\v]]>"


def test_every_plan_text_field_is_literal() -> None:
    assert DOSSIER.work_plan is not None
    _check(DOSSIER.work_plan, _marker)


def test_every_project_text_field_is_literal() -> None:
    for project in DOSSIER.projects:
        _check(project, _marker)


def test_every_assessment_text_field_is_literal() -> None:
    assert DOSSIER.assessment is not None
    _check(DOSSIER.assessment, _marker)


def test_ten_thousand_character_fields() -> None:
    assert DOSSIER.work_plan is not None
    _check(DOSSIER.work_plan, lambda i: f"〔{i}〕" + ("安全&<{{x}}>" * 1200)[:9990])


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.text(
        alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=60
    )
)
def test_arbitrary_unicode_in_every_project_field(text: str) -> None:
    _check(DOSSIER.projects[0], lambda i: f"〔{i}〕{text}")
