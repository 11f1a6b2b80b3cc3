"""The library's functions for programs and notebooks: validate, score and render documents."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .analysis import InjuryStatistics
from .analysis import analyse as _analyse
from .build import context_for, preflight
from .compliance import CheckOptions, Findings
from .compliance import check as _check
from .display.chart import Chart
from .errors import InputError, Problem
from .io import RecordSummary, load, load_rubric
from .io import check as check_input
from .kinds import RenderContext, dossier_kinds, get_kind, kind_for_model
from .models import Assessment, Community, Dossier, InjuryRecord, Rubric, TextChange
from .names import ChartFormat, Format, KindName
from .render.formats import RenderOptions, get_format
from .scoring import ScoreReport
from .scoring import score as _score
from .views.chart import ChartSpec
from .views.scorecard import scorecard_view

if TYPE_CHECKING:
    from .render.pdf.base import Converter


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
    ``assessment.yaml``, ``projects/*.yaml`` …, as the document kinds declare them); a
    ``.csv``/``.xlsx`` file holds injury records; any other YAML/JSON file is read as a whole
    dossier. A dossier that loads is also checked for everything :func:`build` would stop on
    (:func:`~safecommunity_docs.build.preflight`), so a dossier that validates builds. A missing
    path still raises :class:`~safecommunity_docs.InputNotFound`.
    """
    c = check_input(path)
    problems = c.problems
    if c.dossier is not None and not problems:
        problems = tuple(preflight(c.dossier))
    return ValidationReport(str(path), c.model, problems, c.text_changes, c.warnings, c.records)


def check(dossier: Dossier | Path | str, *, options: CheckOptions | None = None) -> Findings:
    """Check a dossier (or the community folder / dossier file at a path) the way a reviewer
    would and return its compliance :class:`~safecommunity_docs.compliance.Findings`.

    Each finding has its rule id, element, severity, field path (with file:line when the
    dossier was loaded from files), both messages and its reference; findings acknowledged in
    the options carry their reason. ``options`` default to the thresholds of the dossier's
    jurisdiction pack (its minimum creation period and project areas). ``findings.blocking`` (error-level findings nobody
    acknowledged) is what stops ``build(..., strict=True)``. Bad input raises
    :class:`~safecommunity_docs.InputError` as :func:`~safecommunity_docs.load` does.
    """
    if not isinstance(dossier, Dossier):
        dossier = load(dossier)
    context = context_for(dossier)
    return _check(
        dossier, context.score, context.statistics, rubric=context.rubric, options=options
    )


def analyse(
    data: Dossier | Sequence[InjuryRecord], community: Community | None = None
) -> InjuryStatistics:
    """The injury statistics of a dossier (its records and community), or of ``records`` of
    ``community``: every frequency table, the rates per 1,000 residents, the changes by year,
    the focus groups and the findings, exactly as the documents show them.

    ``data`` may be the :class:`InjuryRecords` :func:`read_records` returns. A dossier's
    statistics are the ones :func:`build` uses (with its community unless ``community`` is
    given).
    """
    if isinstance(data, Dossier):
        if community is None:
            return context_for(data).statistics
        return _analyse(data.injury_records, community)
    if community is None:
        raise InputError(
            [
                Problem(
                    path="community",
                    message="injury records are analysed with their "
                    "community (its population gives the rates): pass community=",
                )
            ]
        )
    return _analyse(list(data), community)


def charts(dossier: Dossier) -> list[Chart]:
    """Every chart the dossier's documents print, in document order, each with its data
    (``chart.spec``) and its PNG (``chart.png()``); a notebook shows each one inline."""
    context = context_for(dossier)
    found: list[Chart] = []
    for kind in dossier_kinds(dossier):
        if "document" not in kind.views:
            continue
        for document in kind.documents(dossier):
            view = kind.view("document", document.model, context)
            found.extend(Chart(b.chart) for b in view.blocks if b.chart is not None)
    return found


def _no_assessment() -> InputError:
    return InputError([Problem(path="assessment", message="the dossier has no assessment")])


def score(
    assessment: Assessment | Dossier, rubric: Rubric | str | Path | None = None
) -> ScoreReport:
    """Score a self-assessment (or a dossier's) against its rubric.

    ``rubric`` may be a :class:`Rubric`, the id of a shipped rubric or a rubric file; by default
    the rubric the assessment names (``city`` unless it says otherwise).
    """
    if isinstance(assessment, Dossier):
        if assessment.assessment is None:
            raise _no_assessment()
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
            raise _no_assessment()
        assessment = assessment.assessment
    if not isinstance(rubric, Rubric):
        rubric = load_rubric(rubric if rubric is not None else assessment.rubric)
    view = scorecard_view(assessment, rubric, community or "")
    return get_format("xlsx").render(view, RenderOptions())


def render(
    model: object,
    fmt: Format | ChartFormat = "docx",
    *,
    dossier: Dossier | None = None,
    template: Path | str | None = None,
    kind: KindName | None = None,
    converter: Converter | None = None,
) -> bytes:
    """Render one document as ``fmt`` bytes (``docx``, ``xlsx``, ``pdf``; ``png`` for a chart).

    ``model`` is a document's input — a WorkPlan, PromotionProject, DiagnosisReport,
    Assessment, Application or AnnualSummary — or a Dossier with ``kind`` naming a document
    written from the whole dossier (``work_report``, ``injury_ledger``), or a chart's
    ``ChartSpec`` (``png``). ``dossier`` supplies the community, records and rubric where the
    document shows them; ``template`` is a user template (.docx) exported with
    ``safecommunity-docs templates export``. A PDF is converted by ``converter``, else by a
    LibreOffice worker started and closed for this one document.
    """
    if isinstance(model, ChartSpec):
        if get_format(fmt).view != "chart":
            raise InputError([Problem(path="format", message=f"a chart renders as png, not {fmt}")])
        return get_format(fmt).render(model, RenderOptions())
    spec = get_kind(kind) if kind is not None else kind_for_model(model)
    if isinstance(model, Dossier) and dossier is None:
        dossier = model
    context = _context(model, dossier, converter)
    return spec.render(model, fmt, context, template=Path(template) if template else None)


def _context(model: object, dossier: Dossier | None, converter: Converter | None) -> RenderContext:
    if dossier is not None:
        return context_for(dossier, converter=converter)
    rubric = load_rubric(model.rubric) if isinstance(model, Assessment) else load_rubric()
    return RenderContext(None, rubric=rubric, converter=converter)
