"""The work plan (安全社区创建工作计划) view: numbered sections, tables and annexes in order."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Literal

from ..models.common import Annex, Budget, Person, QuantTarget
from ..models.community import Community
from ..models.organisation import Committee, Office, Organisation, WorkingGroup
from ..models.section import Intro, Section
from ..models.work_plan import Objectives, Phase, Task, WorkPlan
from .builder import DEFAULT_POINT_STYLE, HEADING_KINDS, BlockBuilder, sentence
from .document import Block, DocumentView, TableView
from .format import fmt_amount, fmt_date, fmt_month, fmt_month_range, fmt_number, fmt_value
from .numbering import chinese_number, heading_number, point_prefix

Align = Literal["left", "center", "right"]

"""How points, statements and tasks are numbered when the model does not say."""

NONE = "—"
"""What an empty table cell shows."""

_DUTY_STYLE = {1: "1.", 2: "1.", 3: "（1）"}
"""Numbering of the duties listed under a heading of each level (deeper: ①)."""


def work_plan_view(plan: WorkPlan, community: Community | None = None) -> DocumentView:
    """Build the view of a creation work plan, ready for a renderer.

    Sections come in ``plan.ordered_sections()`` order, numbered 一、二、三…; each standard
    section has its own layout (targets and phases as tables, the organisation as lists of
    people and duties), extra sections are laid out like free-form sections. The community,
    when given, only names the document in its keywords.
    """
    doc = BlockBuilder()
    doc.paragraphs(plan.preamble)
    n = 0
    for key in plan.ordered_sections():
        if key == "phases" and plan.phases_layout == "top_level":
            _intro(doc, plan.intros.get(key))
            for phase in plan.phases:
                n += 1
                _top_level_phase(doc, phase, n)
            continue
        n += 1
        extra = next((s for s in plan.extra_sections if s.id == key), None)
        if extra is not None:
            _section(doc, extra, 1, n)
            continue
        doc.heading(1, n, plan.heading_of(key))
        _intro(doc, plan.intros.get(key))
        _standard(doc, plan, key)
    doc.paragraphs(plan.closing)
    _annex_note(doc, plan.annexes)
    doc.add("blank")
    doc.add("signature", plan.issuing_body)
    doc.add("date", fmt_date(plan.issue_date))
    for i, annex in enumerate(plan.annexes, start=1):
        _annex(doc, annex, _annex_label(plan.annexes, i))
    keywords = ("安全社区", "工作计划") + ((community.name,) if community else ())
    return DocumentView(
        title=plan.title,
        subtitle=f"（{fmt_month_range(plan.period_start, plan.period_end)}）",
        blocks=tuple(doc.blocks),
        author=plan.issuing_body,
        document_date=plan.issue_date,
        subject="安全社区创建工作计划",
        keywords=keywords,
    )


def _standard(doc: BlockBuilder, plan: WorkPlan, key: str) -> None:
    """The content of a standard section, after its heading and intro."""
    if key == "basis":
        last = len(plan.basis_documents)
        for i, basis in enumerate(plan.basis_documents, start=1):
            number = f"（{basis.number}）" if basis.number else ""
            end = "。" if i == last else "；"
            doc.add("p", f"{point_prefix(DEFAULT_POINT_STYLE, i)}《{basis.title}》{number}{end}")
    elif key == "guiding_ideology":
        doc.paragraphs(plan.guiding_ideology)
    elif key == "objectives" and plan.objectives is not None:
        _objectives(doc, plan.objectives)
    elif key in ("focus_areas", "requirements", "safeguards"):
        sections: list[Section] = getattr(plan, key)
        for n, section in enumerate(sections, start=1):
            _section(doc, section, 2, n)
    elif key == "organisation" and plan.organisation is not None:
        _organisation(doc, plan.organisation)
    elif key == "phases":
        _phases(doc, plan.phases)
    elif key == "budget" and plan.budget is not None:
        _budget(doc, plan.budget)


def _intro(doc: BlockBuilder, intro: Intro | None) -> None:
    if intro is not None:
        doc.paragraphs(intro.paragraphs)
        doc.points(intro.points, intro.point_style)


def _section(doc: BlockBuilder, section: Section, level: int, n: int) -> None:
    """A section headed at ``level``; without a heading its number runs into its first text."""
    if section.heading is not None:
        doc.heading(level, n, section.heading)
        _section_body(doc, section, level)
        return
    start = len(doc.blocks)
    _section_body(doc, section, level)
    number = heading_number(level, n) if level in HEADING_KINDS else point_prefix("①", n)
    if start < len(doc.blocks) and doc.blocks[start].kind == "p":
        doc.blocks[start] = Block("p", number + doc.blocks[start].text)
    else:
        doc.blocks.insert(start, Block("p", number))


def _section_body(doc: BlockBuilder, section: Section, level: int) -> None:
    doc.paragraphs(section.paragraphs)
    doc.points(section.points, section.point_style)
    n = 0
    for group in section.working_groups:
        n += 1
        _group(doc, group, level + 1, n)
    for sub in section.subsections:
        n += 1
        _section(doc, sub, level + 1, n)


def _objectives(doc: BlockBuilder, objectives: Objectives) -> None:
    if objectives.statement_style is None:
        doc.paragraphs(objectives.statements)
    else:
        doc.points(objectives.statements, objectives.statement_style)
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


def _person(person: Person) -> str:
    """陈立新（街道办事处主任，清河街道办事处，联系电话：…）; only the parts given."""
    details = [d for d in (person.position, person.unit) if d]
    if person.phone:
        details.append(f"联系电话：{person.phone}")
    return person.name + (f"（{'，'.join(details)}）" if details else "")


def _people(people: Sequence[Person]) -> str:
    return "、".join(_person(p) for p in people)


def _duties(doc: BlockBuilder, duties: Sequence[str], level: int) -> None:
    """Duties listed under a heading of ``level``, numbered one level below it."""
    if duties:
        doc.add("p", "主要职责：")
        doc.points(duties, _DUTY_STYLE.get(level, "①"))


def _organisation(doc: BlockBuilder, organisation: Organisation) -> None:
    n = 1
    _committee(doc, organisation.committee)
    if organisation.office is not None:
        n += 1
        _office(doc, organisation.office, n)
    for group in organisation.working_groups:
        n += 1
        _group(doc, group, 2, n)


def _committee(doc: BlockBuilder, committee: Committee) -> None:
    doc.heading(2, 1, committee.name)
    small = committee.name.endswith("小组")
    head, deputy = ("组长", "副组长") if small else ("主任", "副主任")
    doc.add("p", sentence(f"{head}：{_person(committee.director)}"))
    if committee.deputy_directors:
        doc.add("p", sentence(f"{deputy}：{_people(committee.deputy_directors)}"))
    if committee.members:
        doc.add("p", sentence(f"成员：{_people(committee.members)}"))
    _duties(doc, committee.duties, 2)
    if committee.meeting_rule:
        doc.add("p", committee.meeting_rule)


def _office(doc: BlockBuilder, office: Office, n: int) -> None:
    doc.heading(2, n, office.name)
    if office.location:
        doc.add("p", sentence(f"办公室设在{office.location}"))
    doc.add("p", sentence(f"办公室主任：{_person(office.director)}"))
    if office.staff:
        doc.add("p", sentence(f"工作人员：{_people(office.staff)}"))
    if office.phone:
        doc.add("p", sentence(f"联系电话：{office.phone}"))
    _duties(doc, office.duties, 2)


def _group(doc: BlockBuilder, group: WorkingGroup, level: int, n: int) -> None:
    """A working group headed at ``level``: lead unit, leaders, members, meetings, duties."""
    doc.heading(level, n, group.name)
    # One sentence naming the group, so that a unit or deputy shared by several groups is
    # not printed as the same sentence again and again.
    heads = [f"由{group.lead_unit}牵头"] if group.lead_unit else []
    heads.append(f"组长{_person(group.leader)}")
    if group.deputy_leaders:
        heads.append(f"副组长{_people(group.deputy_leaders)}")
    doc.add("p", sentence(f"{group.name}" + "，".join(heads)))
    for label, text in (("成员", _people(group.members)), ("例会制度", group.meeting_rule)):
        if text:
            doc.add("p", sentence(f"{label}：{text}"))
    _duties(doc, group.duties, level)


def _phase_heading(phase: Phase) -> str:
    months = fmt_month_range(phase.start, phase.end)
    return f"{phase.name}（{months}）" if phase.name else months


def _phases(doc: BlockBuilder, phases: Sequence[Phase]) -> None:
    """Each phase under a （一） heading, then one table of every phase's tasks."""
    for n, phase in enumerate(phases, start=1):
        doc.heading(2, n, _phase_heading(phase))
        doc.paragraphs(phase.summary)
        doc.paragraphs(phase.goals)
    if any(phase.tasks for phase in phases):
        doc.table("工作步骤及时间节点", _phases_table(phases))


def _phases_table(phases: Sequence[Phase]) -> TableView:
    """阶段 | 时间节点 | 工作任务 | 责任单位 | 完成时限: a row per task, phase cells merged."""
    rows: list[tuple[str, ...]] = []
    merges: list[tuple[int, int, int]] = []
    for n, phase in enumerate(phases, start=1):
        name = phase.name or f"第{chinese_number(n)}阶段"
        months = fmt_month_range(phase.start, phase.end)
        first = len(rows)
        for task in phase.tasks:
            deadline = fmt_date(task.deadline) if task.deadline else NONE
            rows.append((name, months, task.text, task.owner or NONE, deadline))
        if not phase.tasks:
            rows.append((name, months, NONE, NONE, NONE))
        if len(rows) - first > 1:
            merges += [(first, 0, len(rows) - first), (first, 1, len(rows) - first)]
    columns = ("阶段", "时间节点", "工作任务", "责任单位", "完成时限")
    align: tuple[Align, ...] = ("center", "center", "left", "left", "center")
    return _table(columns, rows, align, merge_down=tuple(merges))


def _task(task: Task) -> str:
    """The text of a task with its owner and deadline in brackets after it."""
    details = []
    if task.owner:
        details.append(f"责任单位：{task.owner}")
    if task.deadline:
        details.append(f"完成时限：{fmt_date(task.deadline)}")
    return task.text + (f"（{'；'.join(details)}）" if details else "")


def _top_level_phase(doc: BlockBuilder, phase: Phase, n: int) -> None:
    doc.heading(1, n, _phase_heading(phase))
    doc.paragraphs(phase.summary)
    doc.paragraphs(phase.goals)
    doc.points([_task(t) for t in phase.tasks], DEFAULT_POINT_STYLE)


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
    """附件1, 附件2 …; a lone attachment is just 附件 (GB/T 9704)."""
    return "附件" if len(annexes) == 1 else f"附件{i}"


def _annex_note(doc: BlockBuilder, annexes: Sequence[Annex]) -> None:
    """附件说明: 附件：1.×× and the following titles on their own lines, no punctuation."""
    if not annexes:
        return
    doc.add("blank")
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
            doc.bare_table(table)


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
