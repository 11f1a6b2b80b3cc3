"""The work plan's 组织机构及职责: one paragraph per body, the member lists as an annex table."""

from __future__ import annotations

from collections.abc import Sequence

from ..models.common import Person
from ..models.organisation import Committee, Office, Organisation, WorkingGroup
from ..models.work_plan_markers import marker_of
from .builder import BlockBuilder, sentence
from .document import TableView
from .work_plan_marks import number

MEMBERS_ANNEX = "创建工作机构组成人员名单"
"""Title of the annex listing everyone in the committee, the office and the working groups."""

MEMBER_WIDTHS = (14, 56)
"""A narrow column for the body's name, the rest for its people (half-width units of the 70
a table row holds)."""


def _titles(committee: Committee) -> tuple[str, str]:
    """主任/副主任 for a committee, 组长/副组长 for a 领导小组."""
    return ("组长", "副组长") if committee.name.endswith("小组") else ("主任", "副主任")


def _names(people: Sequence[Person]) -> str:
    return "、".join(p.name for p in people)


def _with_position(person: Person) -> str:
    return f"{person.name}（{person.position}）" if person.position else person.name


def _duties(duties: Sequence[str]) -> str:
    """The duties run together as one passage: 主要职责是：…。…。"""
    return "主要职责是：" + "".join(sentence(d) for d in duties) if duties else ""


def organisation_section(doc: BlockBuilder, organisation: Organisation, annex: str) -> None:
    """Committee, office and working groups, each a heading and one paragraph of prose;
    ``annex`` names the annex that lists their members (e.g. 附件1)."""
    committee = organisation.committee
    head, deputy = _titles(committee)
    doc.heading(2, 1, committee.name)
    text = f"{committee.name}由{_with_position(committee.director)}任{head}"
    if committee.deputy_directors:
        text += f"，{_names(committee.deputy_directors)}任{deputy}"
    if committee.members:
        units = list(dict.fromkeys(p.unit or p.name for p in committee.members))
        text += f"，{len(committee.members)}名成员由{'、'.join(units[:3])}"
        text += "等单位负责人担任" if len(units) > 3 else "负责人担任"
    text += f"，组成人员见{annex}。" + _duties(committee.duties)
    doc.p(text + (sentence(committee.meeting_rule) if committee.meeting_rule else ""))
    n = 1
    if organisation.office is not None:
        n += 1
        _office(doc, organisation.office, n)
    if organisation.working_groups:
        n += 1
        groups = organisation.working_groups
        doc.heading(2, n, "专项工作组")
        doc.p(
            f"{committee.name}下设{len(groups)}个专项工作组，分领域组织风险辨识和安全促进项目实施，"
            f"组成人员见{annex}。"
        )
        for i, group in enumerate(groups, start=1):
            group_paragraph(doc, group, 3, i)


def _office(doc: BlockBuilder, office: Office, n: int) -> None:
    doc.heading(2, n, office.name)
    text = f"{office.name}设在{office.location}，" if office.location else ""
    text += f"{_with_position(office.director)}任办公室主任"
    if office.staff:
        text += f"，{_names(office.staff)}为工作人员"
    if office.phone:
        text += f"，联系电话：{office.phone}"
    doc.p(text + "。" + _duties(office.duties))


def group_paragraph(doc: BlockBuilder, group: WorkingGroup, level: int, n: int) -> None:
    """A working group as one run-in paragraph numbered at ``level`` (or by its own marker):
    who leads it, what it does, how often it meets. Duties the plan numbers itself follow, one
    paragraph each, with their markers; a leader the plan does not name is left out."""
    text = f"{number(level, n, group.marker)}{group.name}。"
    if group.lead_unit and group.leader is not None:
        text += f"由{group.lead_unit}牵头，{group.leader.name}任组长。"
    elif group.lead_unit:
        text += f"由{group.lead_unit}牵头。"
    elif group.leader is not None:
        text += f"{group.leader.name}任组长。"
    marked = any(marker_of(d) is not None for d in group.duties)
    if not marked:
        text += "".join(sentence(d) for d in group.duties)
    doc.p(text + (sentence(group.meeting_rule) if group.meeting_rule and not marked else ""))
    if marked:
        for duty in group.duties:
            doc.p((marker_of(duty) or "") + duty)
        if group.meeting_rule:
            doc.p(sentence(group.meeting_rule))


def _person(person: Person) -> str:
    """陈立新（清河街道办事处主任，电话：…）: the name, then the unit and position."""
    where = (person.unit or "") + (person.position or "")
    if person.phone:
        where += f"，电话：{person.phone}" if where else f"电话：{person.phone}"
    return f"{person.name}（{where}）" if where else person.name


def _people(people: Sequence[Person]) -> str:
    return "、".join(_person(p) for p in people)


def _roles(people: Sequence[tuple[str, Sequence[Person]]]) -> str:
    """组长：…；副组长：…；成员：…: every role that has someone, in one flowing cell."""
    return "；".join(f"{role}：{_people(group)}" for role, group in people if group)


def members_table(organisation: Organisation) -> TableView:
    """机构 | 组成人员: a row per body, its people by role with their units and positions."""
    committee = organisation.committee
    head, deputy = _titles(committee)
    rows = [
        (
            committee.name,
            _roles(
                [
                    (head, [committee.director]),
                    (deputy, committee.deputy_directors),
                    ("成员", committee.members),
                ]
            ),
        )
    ]
    office = organisation.office
    if office is not None:
        rows.append(
            (office.name, _roles([("主任", [office.director]), ("工作人员", office.staff)]))
        )
    for group in organisation.working_groups:
        people = [
            ("组长", [group.leader] if group.leader is not None else []),
            ("副组长", group.deputy_leaders),
            ("成员", group.members),
        ]
        rows.append((group.name, _roles(people)))
    return TableView(
        ("机构", "组成人员"), tuple(rows), widths=MEMBER_WIDTHS, align=("center", "left")
    )
