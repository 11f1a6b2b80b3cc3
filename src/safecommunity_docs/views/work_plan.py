"""The work plan (安全社区创建工作计划) view: numbered sections, tables and annexes in order."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Literal

from ..models.common import Annex, Budget, QuantTarget
from ..models.community import Community
from ..models.rubric import Rubric
from ..models.section import Intro, Section
from ..models.work_plan import BasisDocument, Objectives, WorkPlan
from ..models.work_plan_markers import marker_of
from .builder import DEFAULT_POINT_STYLE, BlockBuilder
from .document import Block, DocumentView, TableView
from .format import fmt_amount, fmt_month, fmt_month_range, fmt_number, fmt_value
from .numbering import point_prefix
from .signoff import add_signoff
from .work_plan_marks import heading, number, points
from .work_plan_org import MEMBERS_ANNEX, group_paragraph, members_table, organisation_section
from .work_plan_phases import NONE, phases_section, top_level_phase
from .work_plan_rules import mechanisms_section

Align = Literal["left", "center", "right"]


def work_plan_view(
    plan: WorkPlan, community: Community | None = None, rubric: Rubric | None = None
) -> DocumentView:
    """Build the view of a creation work plan, ready for a renderer.

    Sections come in ``plan.ordered_sections()`` order, numbered 一、二、三…; each standard
    section has its own layout (targets and phases as tables, the organisation and its working
    groups as one paragraph each, their members in an annex, the operating rules as run-in
    paragraphs), extra sections are laid out like free-form sections. The community, when
    given, names the document in its keywords and the member annex; ``rubric`` gives the score
    bands of the 达标条件. The 文号 is printed under the title (else the plan period, when
    the plan states one), the approval line closes the text. Numbers the plan writes itself
    (markers) and its dates are printed as written.
    """
    members = members_table(plan.organisation) if plan.organisation is not None else None
    annexes = list(plan.annexes)
    if members is not None:
        annexes.insert(0, Annex(title=MEMBERS_ANNEX))
    doc = BlockBuilder()
    doc.paragraphs(plan.preamble)
    n = 0
    for key in plan.ordered_sections():
        if key == "phases" and plan.phases_layout == "top_level":
            _intro(doc, plan.intros.get(key))
            for phase in plan.phases:
                n += 1
                top_level_phase(doc, phase, n)
            continue
        n += 1
        extra = next((s for s in plan.extra_sections if s.id == key), None)
        if extra is not None:
            _section(doc, plan, extra, 1, n)
            continue
        heading(doc, 1, n, plan.heading_of(key), plan.markers.get(key))
        _intro(doc, plan.intros.get(key))
        _standard(doc, plan, key, rubric, _annex_label(annexes, 1))
    doc.paragraphs(plan.closing)
    if plan.approved_by:
        doc.add("p", f"本计划经{plan.approved_by}研究同意，自印发之日起实施。")
    _annex_note(doc, annexes)
    add_signoff(doc, [plan.issuing_body, *plan.joint_bodies], plan.issue_date, sealed=plan.sealed)
    for i, annex in enumerate(annexes, start=1):
        label = _annex_label(annexes, i)
        if members is not None and i == 1:
            doc.add("annex_label", label)
            doc.add("annex_title", annex.title)
            doc.blocks.append(Block("table", table=members))
        else:
            _annex(doc, annex, label)
    keywords = ("安全社区", "工作计划") + ((community.name,) if community else ())
    period = ""
    if plan.period_start is not None and plan.period_end is not None:
        period = f"（{fmt_month_range(plan.period_start, plan.period_end)}）"
    return DocumentView(
        title=plan.title,
        subtitle=plan.document_number or period,
        blocks=tuple(doc.blocks),
        author=plan.issuing_body,
        document_date=plan.issue_date,
        subject="安全社区创建工作计划",
        keywords=keywords,
    )


def _standard(
    doc: BlockBuilder, plan: WorkPlan, key: str, rubric: Rubric | None, members: str
) -> None:
    """The content of a standard section, after its heading and intro; ``members`` is the
    label of the member annex (附件1)."""
    if key == "basis":
        _basis(doc, plan.basis_documents)
    elif key == "guiding_ideology":
        doc.paragraphs(plan.guiding_ideology)
    elif key == "objectives" and plan.objectives is not None:
        _objectives(doc, plan.objectives)
    elif key in ("focus_areas", "requirements", "safeguards"):
        sections: list[Section] = getattr(plan, key)
        for n, section in enumerate(sections, start=1):
            _section(doc, plan, section, 2, n)
    elif key == "organisation" and plan.organisation is not None:
        organisation_section(doc, plan.organisation, members)
    elif key == "mechanisms" and plan.operating_rules is not None:
        office = plan.organisation.office if plan.organisation is not None else None
        mechanisms_section(
            doc, plan.operating_rules, office.name if office is not None else None, rubric
        )
    elif key == "phases":
        phases_section(doc, plan.phases)
    elif key == "budget" and plan.budget is not None:
        _budget(doc, plan.budget)


def _basis(doc: BlockBuilder, documents: Sequence[BasisDocument]) -> None:
    """One paragraph per document: 1.《…》（文号）； the last ending in 。"""
    last = len(documents)
    for i, basis in enumerate(documents, start=1):
        ref = f"（{basis.number}）" if basis.number else ""
        end = "。" if i == last else "；"
        mark = basis.marker if basis.marker is not None else point_prefix(DEFAULT_POINT_STYLE, i)
        doc.add("p", f"{mark}《{basis.title}》{ref}{end}")


def _intro(doc: BlockBuilder, intro: Intro | None) -> None:
    if intro is not None:
        doc.paragraphs(intro.paragraphs)
        points(doc, intro.points, intro.point_style)


def _section(doc: BlockBuilder, plan: WorkPlan, section: Section, level: int, n: int) -> None:
    """A section headed at ``level``; without a heading its number runs into its first text."""
    if section.heading is not None:
        heading(doc, level, n, section.heading, section.marker)
        _section_body(doc, plan, section, level)
        return
    start = len(doc.blocks)
    _section_body(doc, plan, section, level)
    mark = number(level, n, section.marker)
    if start < len(doc.blocks) and doc.blocks[start].kind == "p":
        doc.blocks[start] = Block("p", mark + doc.blocks[start].text)
    else:
        doc.blocks.insert(start, Block("p", mark))


def _section_body(doc: BlockBuilder, plan: WorkPlan, section: Section, level: int) -> None:
    doc.paragraphs(section.paragraphs)
    points(doc, section.points, section.point_style)
    for part in section.includes:
        if part == "basis":
            _basis(doc, plan.basis_documents)
        elif plan.budget is not None:
            _budget(doc, plan.budget)
    n = 0
    for group in section.working_groups:
        n += 1
        group_paragraph(doc, group, level + 1, n)
    for sub in section.subsections:
        n += 1
        _section(doc, plan, sub, level + 1, n)


def _objectives(doc: BlockBuilder, objectives: Objectives) -> None:
    if objectives.statement_style is None and not any(
        marker_of(s) is not None for s in objectives.statements
    ):
        doc.paragraphs(objectives.statements)
    else:
        points(doc, objectives.statements, objectives.statement_style)
    if objectives.targets:
        doc.table("量化工作目标", _targets_table(objectives.targets))


def _targets_table(targets: Sequence[QuantTarget]) -> TableView:
    """序号 | 指标 | (目标人群) | 目标 | 基线 | 完成时间; the 目标人群 column only when used."""
    with_group = any(t.group for t in targets)
    rows = []
    for i, t in enumerate(targets, start=1):
        baseline = NONE
        if t.baseline is not None:
            year = f"（{t.baseline_year}年）" if t.baseline_year else ""
            baseline = fmt_value(t.baseline, t.baseline_unit or t.unit) + year
        cells = [
            str(i),
            t.indicator,
            *([t.group or NONE] if with_group else []),
            t.direction.label + fmt_value(t.value, t.unit),
            baseline,
            fmt_month(t.deadline) if t.deadline else NONE,
        ]
        rows.append(tuple(cells))
    columns = ("序号", "指标", *(("目标人群",) if with_group else ()), "目标", "基线", "完成时间")
    align: tuple[Align, ...] = ("center", "left", *(("left",) if with_group else ()))
    return _table(columns, rows, (*align, "center", "center", "center"))


def _budget(doc: BlockBuilder, budget: Budget) -> None:
    total = budget.total if budget.total is not None else budget.computed_total
    wan = total / Decimal(10000)
    about = "" if wan == wan.quantize(Decimal("0.01")) else "约"
    amount = f"{fmt_amount(total)}（{about}{fmt_amount(total, 'wan')}）"
    if not budget.lines:
        doc.add("p", f"创建工作经费预算共计{amount}。")
    else:
        doc.add("p", f"创建工作经费预算共计{amount}，明细见表{doc.tables + 1}。")
        doc.table("经费预算", _budget_table(budget, total))
    if budget.note:
        doc.add("p", budget.note)


def _budget_table(budget: Budget, total: Decimal) -> TableView:
    """序号 | 支出项目 | 金额（元） | 资金来源 | 备注, ending with the 合计 row."""
    amounts = [line.amount for line in budget.lines] + [total]
    places = 0 if all(a == a.to_integral() for a in amounts) else 2
    rows = [
        (str(i), line.item, fmt_number(line.amount, places), line.source or NONE, line.note or "")
        for i, line in enumerate(budget.lines, start=1)
    ]
    rows.append(("", "合计", fmt_number(total, places), "", ""))
    columns = ("序号", "支出项目", "金额（元）", "资金来源", "备注")
    return _table(columns, rows, ("center", "left", "right", "left", "left"), total_row=True)


def _annex_label(annexes: Sequence[Annex], i: int) -> str:
    """The annex's label as written (附1件), else 附件1, 附件2 …; a lone attachment is just
    附件 (GB/T 9704)."""
    if 0 < i <= len(annexes) and annexes[i - 1].label is not None:
        return str(annexes[i - 1].label)
    return "附件" if len(annexes) == 1 else f"附件{i}"


def _annex_note(doc: BlockBuilder, annexes: Sequence[Annex]) -> None:
    """附件说明: 附件：1.×× and the following titles on their own lines, no punctuation."""
    if not annexes:
        return
    doc.add("blank")
    if any(annex.label is not None for annex in annexes):
        # Labels as written: each line names its annex by its own label.
        doc.add(
            "annex_note",
            "\n".join(f"{_annex_label(annexes, i)}：{a.title}" for i, a in enumerate(annexes, 1)),
        )
        return
    if len(annexes) == 1:
        doc.add("annex_note", f"附件：{annexes[0].title}")
        return
    # One paragraph with line breaks: its hanging indent lines 2.×× up under 1.××.
    doc.add(
        "annex_note",
        "附件：" + "\n".join(f"{i}.{annex.title}" for i, annex in enumerate(annexes, start=1)),
    )


def _annex(doc: BlockBuilder, annex: Annex, label: str) -> None:
    doc.add("annex_label", label)
    doc.add("annex_title", annex.title)
    doc.paragraphs(annex.paragraphs)
    if annex.table is not None:
        rows = [tuple(cell or "" for cell in row) for row in annex.table.rows]
        table = _table(tuple(annex.table.columns), rows, None)
        if annex.paragraphs:
            doc.table(annex.title, table)
        else:
            # The annex title already names a table that stands alone.
            doc.blocks.append(Block("table", table=table))


def _table(
    columns: tuple[str, ...],
    rows: Sequence[tuple[str, ...]],
    align: tuple[Align, ...] | None,
    *,
    merge_down: tuple[tuple[int, int, int], ...] = (),
    total_row: bool = False,
) -> TableView:
    """A table whose widths fit its content; numbers and short columns centred."""
    aligns: list[Align] = []
    for c, header in enumerate(columns):
        cells = [row[c] for row in rows if row[c]]
        longest = max([len(header), *(len(cell) for cell in cells)])
        numeric = bool(cells) and all(_is_number(cell) for cell in cells)
        aligns.append("center" if numeric or longest <= 6 else "left")
    return TableView(
        columns,
        tuple(rows),
        align=align or tuple(aligns),
        merge_down=merge_down,
        total_row=total_row,
    )


def _is_number(text: str) -> bool:
    return text.replace(",", "").replace(".", "", 1).replace("%", "").isdigit()
