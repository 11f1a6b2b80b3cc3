"""The application for assessment (评定申请书) view: a short formal letter (GB/T 9704)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from ..models.application import Application
from ..models.community import Community, Contact
from ..models.dossier import Dossier
from ..models.rubric import Rubric
from ..scoring import ScoreReport
from .builder import BlockBuilder
from .document import DocumentView
from .dossier import issuing_body, meets_standard, report_date, title_name
from .format import fmt_date, fmt_number
from .self_assessment import verdict_sentence
from .signoff import add_signoff
from .work_report_facts import SUB_UNIT_LABELS


def application_title(
    application: Application | None, community: Community, name: str | None = None
) -> str:
    """Return the letter's title: the application's own, else 关于申请评定市级安全社区的申请书
    (``name``: the title applied for in the pack's wording, default 「<level>安全社区」)."""
    if application is not None and application.title:
        return application.title
    return f"关于申请评定{name or community.target_level.label + '安全社区'}的申请书"


def default_addressee(community: Community) -> str:
    """Return the default addressee: the parent jurisdiction's 安全生产委员会办公室."""
    return f"{community.parent_jurisdiction}安全生产委员会办公室"


def application_date(application: Application | None, dossier: Dossier) -> date:
    """Return the letter's date: submitted_on, else the reports' date (:func:`report_date`)."""
    return application.submitted_on if application is not None else report_date(dossier)


def _introduction(dossier: Dossier) -> str:
    community = dossier.community
    text = (
        f"{community.name}隶属{community.parent_jurisdiction}，辖区面积"
        f"{fmt_number(community.area_km2.normalize())}平方公里，共有"
        f"{fmt_number(community.households)}户、常住人口{fmt_number(community.population.total)}人"
    )
    if community.sub_units:
        text += f"，下辖{len(community.sub_units)}个{SUB_UNIT_LABELS[community.type]}"
    return text + "。"


def _work_done(dossier: Dossier) -> str:
    community = dossier.community
    done = []
    plan = dossier.work_plan
    if plan is not None and plan.organisation is not None:
        org = plan.organisation
        text = f"成立了{org.committee.name}"
        if org.working_groups:
            text += f"，设立{len(org.working_groups)}个工作组"
        done.append(text)
    if plan is not None:
        done.append(f"制定了《{plan.title}》")
    if dossier.diagnosis is not None:
        done.append(f"开展事故与伤害风险诊断并形成《{dossier.diagnosis.title}》")
    if dossier.projects:
        key = sum(1 for p in dossier.projects if p.key_project)
        text = f"实施安全促进项目{len(dossier.projects)}个"
        done.append(text + (f"（其中重点项目{key}个）" if key else ""))
    if dossier.injury_records:
        done.append(f"收集伤害监测报告卡{fmt_number(len(dossier.injury_records))}份")
    text = (
        f"{community.name}自{fmt_date(community.creation_start)}起启动{title_name(dossier)}创建工作"
    )
    return text + ("，" + "，".join(done) if done else "") + "。"


def _result(dossier: Dossier, rubric: Rubric, report: ScoreReport) -> str:
    assessment = dossier.assessment
    assert assessment is not None
    text = (
        f"{fmt_date(assessment.assessed_on)}，{assessment.assessor}对照《{rubric.title}》"
        f"逐项开展了自评。{verdict_sentence(report, rubric, dossier.community.name)}"
    )
    if not meets_standard(rubric, report) and any(e.improvement for e in assessment.items):
        text += "对自评发现的主要失分项，已制定整改措施（见自评报告）。"
    return text


def standard_body(dossier: Dossier, rubric: Rubric, report: ScoreReport | None) -> list[str]:
    """Return the standard request text written from the dossier, one string per paragraph.

    It says who the community is, since when and how it has built the safe community (working
    groups, projects, injury records), the self-assessment total and verdict, and the request:
    below the rubric's top band it asks for an assessment of the creation work instead.
    ``report`` is the assessment's score against ``rubric`` (None without an assessment).
    """
    community = dossier.community
    paragraphs = [_introduction(dossier), _work_done(dossier)]
    result = (rubric, report) if report is not None else None
    if result is not None:
        paragraphs.append(_result(dossier, *result))
    name = title_name(dossier)
    if result is None or meets_standard(*result):
        paragraphs.append(f"现特申请{name}评定，请予审查。")
    else:
        # Below the standard the community asks to have its creation work assessed, not to be
        # named a safe community.
        paragraphs.append(f"现特申请对{community.name}{name}创建工作进行评定，请予审查。")
    return paragraphs


def _annex_note(b: BlockBuilder, titles: list[str]) -> None:
    if not titles:
        return
    if len(titles) == 1:
        b.add("annex_note", f"附件：{titles[0]}")
        return
    # One paragraph with line breaks: its hanging indent lines 2.×× up under 1.××.
    b.add("annex_note", "附件：" + "\n".join(f"{i}.{t}" for i, t in enumerate(titles, start=1)))


def _contact_line(contact: Contact) -> str:
    """「联系人：××，电话：××」, the 附注 of the letter (its brackets are added by the 落款)."""
    text = f"联系人：{contact.position or ''}{contact.name}"
    if contact.phone:
        text += f"，电话：{contact.phone}"
    return text


def application_view(
    application: Application | None,
    dossier: Dossier,
    rubric: Rubric,
    report: ScoreReport | None,
    attachments: Sequence[str] = (),
) -> DocumentView:
    """Build the application letter (评定申请书) of a dossier.

    ``application`` gives the addressee, applicant, date, title, body, attachments and contact;
    what it leaves out (or all of it, when it is None) comes from the dossier: the parent
    jurisdiction's 安委办 as addressee, the work plan's issuing body as applicant, the standard
    request text (see :func:`standard_body`), ``attachments`` (the titles of the dossier's
    other documents, in dossier order), the community's contact, and the assessment's (else the
    plan's) date. ``report`` is the assessment's score against ``rubric``.
    """
    community = dossier.community
    addressee = application.addressee if application else default_addressee(community)
    applicant = application.applicant if application else issuing_body(dossier)
    when = application_date(application, dossier)
    body = (
        application.body
        if application and application.body
        else standard_body(dossier, rubric, report)
    )
    annexes = (
        application.attachments if application and application.attachments else list(attachments)
    )
    contact = application.contact if application and application.contact else community.contact
    b = BlockBuilder()
    b.add("plain", addressee if addressee.endswith(("：", ":")) else addressee + "：")
    b.paragraphs(body)
    if annexes:
        b.add("blank")
        _annex_note(b, list(annexes))
    joint = application.joint_bodies if application else []
    sealed = application.sealed if application else True
    note = _contact_line(contact) if contact is not None else ""
    add_signoff(b, [applicant, *joint], when, sealed=sealed, note=note)
    return DocumentView(
        title=application_title(application, community, title_name(dossier)),
        subtitle="",
        blocks=tuple(b.blocks),
        author=applicant,
        document_date=when,
        subject="安全社区评定申请书",
        keywords=("安全社区", "评定申请书", community.name),
    )


__all__ = [
    "application_date",
    "application_title",
    "application_view",
    "default_addressee",
    "meets_standard",
    "standard_body",
]
