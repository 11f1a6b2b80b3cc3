"""The library's functions for programs and notebooks: load and validate inputs."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .build import render_document
from .errors import InputError, Problem
from .io import RecordSummary, check, load_rubric
from .kinds import Document, Kind, RenderContext, get_kind, kind_for_model
from .models import Assessment, Dossier, Rubric, TextChange
from .render.docx.engine import render_docx
from .render.xlsx import render_scorecard
from .scoring import ScoreReport
from .scoring import score as _score
from .views.scorecard import scorecard_view


@dataclass(frozen=True)
class ValidationReport:
    """The outcome of :func:`validate`: the problems found and the text normalisations made."""

    path: str
    model: str
    problems: tuple[Problem, ...] = ()
    text_changes: tuple[TextChange, ...] = field(default=())
    warnings: tuple[str, ...] = ()
    records: RecordSummary | None = None
    """Rows read, imported and rejected, when an injury-record file was read."""

    @property
    def ok(self) -> bool:
        """True when the input has no problems."""
        return not self.problems


def validate(path: Path | str) -> ValidationReport:
    """Validate a community folder, a dossier file or a single part file without raising.

    A part file is recognised by its name (``community.yaml``, ``plan.yaml``, ``diagnosis.yaml``,
    ``assessment.yaml``, ``projects/*.yaml``), a ``.csv``/``.xlsx`` file holds injury records;
    any other YAML/JSON file is read as a whole dossier. A missing path still raises
    :class:`~safecommunity_docs.InputNotFound`.
    """
    c = check(path)
    return ValidationReport(str(path), c.model, c.problems, c.text_changes, c.warnings, c.records)


def score(
    assessment: Assessment | Dossier, rubric: Rubric | str | Path | None = None
) -> ScoreReport:
    """Score a self-assessment (or a dossier's) against its rubric.

    ``rubric`` may be a :class:`Rubric`, the id of a shipped rubric or a rubric file; by default
    the rubric the assessment names (``city`` unless it says otherwise).
    """
    if isinstance(assessment, Dossier):
        if assessment.assessment is None:
            raise InputError([Problem(path="assessment", message="the dossier has no assessment")])
        assessment = assessment.assessment
    if not isinstance(rubric, Rubric):
        rubric = load_rubric(rubric if rubric is not None else assessment.rubric)
    return _score(assessment, rubric)


def render_xlsx(
    assessment: Assessment | Dossier,
    rubric: Rubric | str | Path | None = None,
    community: str | None = None,
) -> bytes:
    """Return the self-assessment workbook (自评表, .xlsx bytes) with live formulas.

    Subtotals, the total and the verdict are formulas, so a consultant can change a score in
    Excel and see the verdict change; they equal :func:`score` for the data written.
    """
    if isinstance(assessment, Dossier):
        community = community if community is not None else assessment.community.name
        if assessment.assessment is None:
            raise InputError([Problem(path="assessment", message="the dossier has no assessment")])
        assessment = assessment.assessment
    if not isinstance(rubric, Rubric):
        rubric = load_rubric(rubric if rubric is not None else assessment.rubric)
    return render_scorecard(scorecard_view(assessment, rubric, community or ""))


def render(
    model: object,
    fmt: str = "docx",
    *,
    dossier: Dossier | None = None,
    template: Path | str | None = None,
    kind: str | None = None,
) -> bytes:
    """Render one document as ``fmt`` bytes: a WorkPlan, PromotionProject, DiagnosisReport,
    Assessment or Application model, or a Dossier with ``kind`` naming the document
    (``work_report``, ``injury_ledger``).

    ``dossier`` supplies the community (names, population) where the document shows it;
    ``template`` is a user template (.docx) exported with ``safecommunity-docs templates export``.
    """
    spec = get_kind(kind) if kind is not None else kind_for_model(model)
    if isinstance(model, Dossier) and dossier is None:
        dossier = model
    return _render_kind(spec, model, fmt, dossier, template)


def _render_kind(
    kind: Kind, model: object, fmt: str, dossier: Dossier | None, template: Path | str | None
) -> bytes:
    if fmt not in kind.formats:
        raise InputError(
            [
                Problem(
                    path="format",
                    message=f"{kind.name} offers {', '.join(kind.formats)}, not {fmt}",
                )
            ]
        )
    context = RenderContext(dossier=dossier)
    if template is not None and fmt == "docx" and kind.view is not None:
        return render_docx(kind.view(model, context), Path(template))
    return render_document(kind, Document(kind.name, kind.name, kind.label, model), fmt, context)
