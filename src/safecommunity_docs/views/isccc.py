"""The English application to the International Safe Community Certifying Centre (ISCCC).

Sections as the ISCCC application template has them: 1 Community presentation, 2 Overview,
3 Work so far, then one section per indicator (4–10). Each gives the community's own English
text (a placeholder where it is missing: nothing is machine-translated) followed by facts of
the dossier, formatted for locale ``en`` with every fixed label from the message catalogue.
"""

from __future__ import annotations

from collections.abc import Callable

from ..analysis import InjuryStatistics
from ..codes import CommunityType, InjuryCause, InjuryPlace, ProjectArea
from ..models.dossier import Dossier
from ..models.isccc import INDICATORS, SECTIONS, IscccApplication
from ..scoring import ScoreReport
from . import isccc_facts as facts
from .document import Block, DocumentView
from .isccc_facts import English

LOCALE = "en"

SECTION_HEADINGS = {
    "presentation": "社区介绍",
    "overview": "社区概况",
    "work_so_far": "已开展的工作",
}
"""The opening sections' headings (message ids)."""

INDICATOR_HEADINGS = {
    "governance": "以合作伙伴关系为基础、由跨部门小组领导的安全促进组织机构",
    "programmes": "覆盖不同性别、年龄、环境和状况的长期、持续的项目",
    "high_risk": "针对高风险人群和环境的项目，以及促进弱势群体安全的项目",
    "evidence": "基于现有证据的项目",
    "injury_recording": "记录伤害发生频率和原因的项目",
    "evaluation": "评估项目、过程和变化效果的措施",
    "networking": "持续参与国家和国际安全社区网络",
}
"""One heading per ISCCC indicator (message ids), in the template's order."""

CODE_LISTS = (InjuryCause, InjuryPlace, ProjectArea, CommunityType)
"""Code lists whose labels the application prints (each needs an English label)."""

FACTS_LABEL = "档案数据"

Facts = Callable[[English], None]


def _section(
    e: English, number: int, heading: str, paragraphs: list[str], path: str, add_facts: Facts | None
) -> None:
    e.blocks.append(Block("h1", f"{number}. {heading}", outline=True))
    if paragraphs:
        e.blocks.extend(Block("p", text) for text in paragraphs)
    else:
        e.blocks.append(Block("p", e.missing(path)))
    if add_facts is not None:
        e.blocks.append(Block("h2", e.labels(FACTS_LABEL)))
        add_facts(e)


def _contact(e: English) -> None:
    contact = e.isccc.contact
    L = e.labels
    if contact is None:
        e.blocks.append(Block("plain", f"{L('联系人')}: {e.missing('isccc.contact')}"))
        return
    lines = [(L("联系人"), contact.name)]
    for label, value in (
        ("职务", contact.position),
        ("单位", contact.organisation),
        ("电话", contact.phone),
        ("电子邮箱", contact.email),
        ("通信地址", contact.address),
    ):
        if value:
            lines.append((L(label), value))
    e.blocks.extend(Block("plain", f"{label}: {value}") for label, value in lines)


def _presentation(e: English, dossier: Dossier) -> None:
    facts.community_facts(e, dossier.community)
    _contact(e)


def isccc_title(isccc: IscccApplication) -> str:
    """The application's title (the same for every community)."""
    del isccc
    from .messages import Labels

    return Labels(LOCALE)("国际安全社区认证申请书")


def isccc_view(
    isccc: IscccApplication,
    dossier: Dossier,
    stats: InjuryStatistics,
    score: ScoreReport | None,
    rubric_title: str,
) -> DocumentView:
    """Build the English application from the community's texts and the dossier's facts."""
    e = English(isccc)
    L, community, projects = e.labels, dossier.community, dossier.projects
    opening: dict[str, Facts] = {
        "presentation": lambda e: _presentation(e, dossier),
        "overview": lambda e: facts.facility_facts(e, community),
        "work_so_far": lambda e: facts.work_facts(e, projects, score, rubric_title),
    }
    evidence: dict[str, Facts | None] = {
        "governance": lambda e: facts.governance_facts(e, dossier.work_plan),
        "programmes": lambda e: facts.programme_facts(e, projects),
        "high_risk": lambda e: facts.high_risk_facts(e, projects),
        "evidence": lambda e: facts.evidence_facts(e, stats),
        "injury_recording": lambda e: facts.injury_facts(e, stats),
        "evaluation": lambda e: facts.evaluation_facts(e, projects),
        "networking": None,
    }
    for number, name in enumerate(SECTIONS, start=1):
        _section(
            e,
            number,
            L(SECTION_HEADINGS[name]),
            isccc.section(name),
            f"isccc.{name}",
            opening[name],
        )
    for n, name in enumerate(INDICATORS, start=1):
        heading = L("指标{n}：{title}", n=n, title=L(INDICATOR_HEADINGS[name]))
        _section(
            e,
            len(SECTIONS) + n,
            heading,
            isccc.section(name),
            f"isccc.indicators.{name}",
            evidence[name],
        )
    e.blocks.append(Block("blank"))
    e.blocks.append(Block("signature", isccc.community_name or e.missing("isccc.community_name")))
    e.blocks.append(Block("date", e.fmt.date(isccc.application_date)))
    name = isccc.community_name or e.missing("isccc.community_name")
    return DocumentView(
        title=L("国际安全社区认证申请书"),
        subtitle=f"{name} ({community.name})",
        blocks=tuple(e.blocks),
        author=isccc.community_name or "",
        document_date=isccc.application_date,
        subject=L("国际安全社区认证申请书"),
        keywords=("International Safe Community", "ISCCC", name),
        language="en-GB",
    )
