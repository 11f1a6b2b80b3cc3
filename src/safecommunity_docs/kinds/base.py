"""What a document kind is: one typed declaration, and the context its views share."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..analysis import Baseline, InjuryStatistics, analyse, project_baselines
from ..analysis.outcomes import Outcomes, outcomes
from ..compliance import Findings, check
from ..errors import InputError, Problem
from ..models.assessment import Assessment
from ..models.dossier import Dossier
from ..models.rubric import Rubric
from ..render.docx.template_body import Typography
from ..render.docx.templates import default_template
from ..render.formats import Format, RenderOptions, ViewRole, formats, get_format
from ..scoring import ScoreReport, score
from ..views.document import DocumentView

if TYPE_CHECKING:
    from ..render.pdf.base import Converter


@dataclass(frozen=True)
class Document:
    """One document of a kind in a dossier: its model, file stem and title."""

    kind: str
    stem: str
    title: str
    model: Any
    format_stems: dict[str, str] = field(default_factory=dict)

    def stem_for(self, fmt: str) -> str:
        """The file stem of this document in format ``fmt``."""
        return self.format_stems.get(fmt, self.stem)


@dataclass(frozen=True)
class Part:
    """Where a kind's input sits: a field of :class:`Dossier` and its file in a community folder.

    ``file`` is the stem of a YAML/JSON file (``plan`` → ``plan.yaml``); ``folder`` a folder
    with one file per item (``projects/``); ``records`` the stems of a record table (.csv or
    .xlsx) whose rows are ``row`` models; ``schema`` the stem of the JSON Schema written for the
    part's model (a record table's: one row).
    """

    field: str
    file: str | None = None
    folder: str | None = None
    records: tuple[str, ...] = ()
    row: type | None = None
    schema: str | None = None


class RenderContext:
    """What every view of one dossier shares, computed once: the rubric, the score, the injury
    statistics, the compliance findings; plus the user's template folder and the PDF converter.

    The builder makes one context per dossier and hands it to every view, so the score and the
    statistics are computed once per build, whatever the number of documents that show them.
    The rubric is loaded by the caller (views never load rubrics); without one, documents that
    need it raise :class:`InputError`.
    """

    def __init__(
        self,
        dossier: Dossier | None = None,
        template_dir: Path | None = None,
        *,
        rubric: Rubric | None = None,
        converter: Converter | None = None,
    ) -> None:
        self.dossier = dossier
        self.template_dir = template_dir
        self.converter = converter
        self._rubric = rubric

    @property
    def rubric(self) -> Rubric:
        """The rubric of the dossier's assessment (passed in by the caller)."""
        if self._rubric is None:
            raise InputError(
                [Problem(path="rubric", message="this document needs the assessment's rubric")]
            )
        return self._rubric

    @cached_property
    def score(self) -> ScoreReport | None:
        """The assessment's scores against :attr:`rubric`, or None without an assessment."""
        if self.dossier is None or self.dossier.assessment is None:
            return None
        return score(self.dossier.assessment, self.rubric)

    @cached_property
    def statistics(self) -> InjuryStatistics:
        """The injury statistics of the dossier's records (with the community's population)."""
        dossier = self.need_dossier("the injury statistics")
        return analyse(dossier.injury_records, dossier.community)

    @cached_property
    def baselines(self) -> dict[str, tuple[Baseline | None, ...]]:
        """Each project's target baselines counted from the injury records, by project id
        (empty without a dossier)."""
        if self.dossier is None:
            return {}
        return project_baselines(self.dossier.projects, self.dossier.injury_records)

    @cached_property
    def outcomes(self) -> Outcomes:
        """The 创建成效: every measured target evaluated and the injury trend (shown by the
        work report and the self-assessment report)."""
        return outcomes(self.need_dossier("the 创建成效"))

    @cached_property
    def findings(self) -> Findings:
        """The dossier's compliance findings, checked once with :attr:`score` and
        :attr:`statistics` (nothing is computed twice)."""
        dossier = self.need_dossier("the compliance check")
        return check(dossier, self.score, self.statistics, rubric=self._rubric)

    def score_of(self, assessment: Assessment) -> ScoreReport:
        """The scores of ``assessment``: the dossier's, computed once, or those of another
        assessment rendered on its own."""
        if self.dossier is not None and self.dossier.assessment is assessment:
            report = self.score
            assert report is not None
            return report
        return score(assessment, self.rubric)

    def need_dossier(self, what: str) -> Dossier:
        """The dossier, or a clear error saying that ``what`` is written from one."""
        if self.dossier is None:
            raise InputError(
                [
                    Problem(
                        path="dossier",
                        message=f"{what} is written from the dossier; pass dossier=…",
                    )
                ]
            )
        return self.dossier


@dataclass(frozen=True)
class BoundWorkbook:
    """A kind's workbook bound into dossier.pdf as a numbered 附件: its ``title`` in the 目录
    and the bookmarks, and the ``sheets`` printed (the others are hidden, still counted by
    formulas), in the workbook's own print setup made printable (see ``render.xlsx.annex``)."""

    title: Callable[[Dossier], str]
    sheets: tuple[str, ...]


ViewBuilder = Callable[[Any, RenderContext], Any]
"""Builds one view of a document from its model and the shared context."""


@dataclass(frozen=True)
class Kind:
    """A document kind, declared once in ``kinds/<name>.py``.

    ``name`` and ``label`` identify it; ``model`` is the input it renders (``Dossier`` for
    documents written from the whole dossier) and ``part`` where that input sits in a dossier
    and a community folder;
    ``documents`` lists its documents in a dossier; ``views`` builds the view each output format
    renders (``document`` for Word and PDF, ``workbook`` for Excel); ``order`` is its place in
    the dossier; ``annex_title`` how the application's 附件说明 names it (None: not listed);
    ``template_title`` the title of its default Word template (default: ``label``);
    ``page_numbers`` whether its pages carry 「— n —」; ``in_dossier`` False for the dossier's
    own front matter (cover, 目录), which the PDF stage renders; ``bound_workbook`` binds
    its workbook (one per document) into dossier.pdf as a numbered 附件; ``bound`` False
    keeps its documents out of dossier.pdf and its 目录 (they are still built, in the
    dossier's order, as files of their own: the English ISCCC application);
    ``typography`` chooses its default template's layout (``gbt9704`` or ``latin``);
    ``notes`` lists what its documents lack in a dossier (validate and build report each as a
    warning).
    """

    name: str
    label: str
    model: type
    documents: Callable[[Dossier], list[Document]]
    views: Mapping[ViewRole, ViewBuilder]
    order: int
    part: Part | None = None
    annex_title: Callable[[Dossier], str] | None = None
    template_title: str = ""
    page_numbers: bool = True
    in_dossier: bool = True
    bound_workbook: BoundWorkbook | None = None
    bound: bool = True
    typography: Typography = "gbt9704"
    notes: Callable[[Dossier], list[str]] | None = None

    @property
    def formats(self) -> tuple[str, ...]:
        """The output formats this kind offers, from the format registry and its views."""
        return tuple(f.name for f in formats() if f.view in self.views)

    @property
    def template(self) -> str | None:
        """The name of its default Word template (``<name>.docx``), or None without one."""
        return self.name if "document" in self.views else None

    def template_path(self, context: RenderContext) -> Path | None:
        """The Word template to use: ``<name>.docx`` in the user's template folder, else the
        default one (None for a kind without Word output)."""
        if self.template is None:
            return None
        if context.template_dir is not None:
            own = context.template_dir / f"{self.template}.docx"
            if own.is_file():
                return own
        return default_template(self.template)

    def render(
        self,
        model: Any,
        fmt: str,
        context: RenderContext,
        name: str = "",
        template: Path | None = None,
    ) -> bytes:
        """Render ``model`` (one of this kind's documents) as ``fmt`` bytes; ``template`` is a
        Word template that wins over the context's template folder and the default."""
        view = self.view(self.format(fmt).view, model, context)
        return self.render_view(view, fmt, context, name, template)

    def render_view(
        self,
        view: Any,
        fmt: str,
        context: RenderContext,
        name: str = "",
        template: Path | None = None,
    ) -> bytes:
        """Render an already built view of this kind as ``fmt`` bytes (views are built once
        per document and shared by the formats that render them)."""
        document = self.format(fmt).view == "document"
        options = RenderOptions(
            template=(template or self.template_path(context)) if document else None,
            converter=context.converter,
            name=name or self.label,
        )
        return self.format(fmt).render(view, options)

    def format(self, fmt: str) -> Format:
        """The registered format ``fmt``, if this kind offers it (else :class:`InputError`)."""
        found = get_format(fmt)
        if found.view not in self.views:
            raise InputError(
                [
                    Problem(
                        path="format",
                        message=f"{self.name} offers {', '.join(self.formats)}, not {fmt}",
                    )
                ]
            )
        return found

    def view(self, role: ViewRole, model: Any, context: RenderContext) -> Any:
        """Build the ``role`` view of ``model``; document views carry the kind's name."""
        built = self.views[role](model, context)
        if isinstance(built, DocumentView):
            built = replace(built, kind=self.name)
        return built


def one_document(kind: str, attribute: str) -> Callable[[Dossier], list[Document]]:
    """``documents`` for a kind whose part is one optional model with a ``title``."""

    def documents(dossier: Dossier) -> list[Document]:
        model = getattr(dossier, attribute)
        if model is None:
            return []
        return [Document(kind, model.title, model.title, model)]

    return documents
