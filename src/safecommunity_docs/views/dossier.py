"""The dossier's own pages: the cover (封面) and the contents (目录) with real page numbers."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import Enum

from ..models.dossier import Dossier
from ..models.rubric import Rubric
from ..rubrics import pack_for
from ..scoring import ScoreReport
from .builder import BlockBuilder
from .document import DocumentView
from .format import fmt_date
from .linebreak import TOC_EM, title_lines
from .numbering import heading_number


class Request(Enum):
    """What a dossier asks for, from its self-assessment verdict; the value names the materials."""

    TITLE = "评定申报材料"  # top band: apply to be named a safe community
    CREATION = "创建工作考核材料"  # a middle band (创建考核合格): the year's creation work assessed
    SELF = "创建自评材料"  # the lowest band (不合格): a self-assessment report, no application
    REVIEW = "复评申报材料"  # a community holding the title asks to keep it (复评)

    @property
    def cover_lines(self) -> tuple[str, str]:
        """The cover's two large lines after the level: (「评定」, 「申报材料」) …."""
        return {
            Request.TITLE: ("评定", "申报材料"),
            Request.CREATION: ("创建工作", "考核材料"),
            Request.SELF: ("创建", "自评材料"),
            Request.REVIEW: ("复评", "申报材料"),
        }[self]


def meets_standard(rubric: Rubric, report: ScoreReport) -> bool:
    """Return True when the verdict is the rubric's top band (e.g. 达到市级安全社区标准)."""
    return report.verdict.code == max(rubric.bands, key=lambda band: band.min).code


def dossier_request(
    rubric: Rubric | None, report: ScoreReport | None, review: bool = False
) -> Request:
    """What the dossier asks for: the title at the rubric's top band (or without a score) —
    its renewal when ``review`` (a 复评 dossier) —, the creation work assessed in a middle band,
    a self-assessment report in the lowest band."""
    if rubric is None or report is None or meets_standard(rubric, report):
        return Request.REVIEW if review else Request.TITLE
    if report.verdict.code == min(rubric.bands, key=lambda band: band.min).code:
        return Request.SELF
    return Request.CREATION


def title_name(dossier: Dossier) -> str:
    """The title the dossier is about, in its jurisdiction pack's wording (``cover.heading``):
    「市级安全社区」, 「四川省安全乡镇（街道）」 …."""
    pack = pack_for(dossier)
    return pack.cover_text(pack.cover.heading, dossier.community.target_level.label)


def cover_lines(dossier: Dossier) -> list[str]:
    """The pack's further cover lines (``cover.lines``), e.g. 「执行标准：DB51/T 1795-2025《…》」."""
    pack = pack_for(dossier)
    level = dossier.community.target_level.label
    return [pack.cover_text(line, level) for line in pack.cover.lines]


def dossier_subject(dossier: Dossier, request: Request = Request.TITLE) -> str:
    """「市级安全社区评定申报材料」, 「市级安全社区创建工作考核材料」 …."""
    return f"{title_name(dossier)}{request.value}"


def dossier_title(dossier: Dossier, request: Request = Request.TITLE) -> str:
    """「清河街道市级安全社区评定申报材料」, 「东山镇市级安全社区创建工作考核材料」 …."""
    return dossier.community.name + dossier_subject(dossier, request)


def issuing_body(dossier: Dossier) -> str:
    """Who signs the community's documents: the work plan's issuing body, else its name."""
    plan = dossier.work_plan
    return plan.issuing_body if plan is not None else dossier.community.name


def report_date(dossier: Dossier) -> date:
    """The date of the reports: the assessment's, else the plan's, else the creation start."""
    if dossier.assessment is not None:
        return dossier.assessment.assessed_on
    if dossier.work_plan is not None and dossier.work_plan.issue_date is not None:
        return dossier.work_plan.issue_date
    return dossier.community.creation_start


def applicant(dossier: Dossier) -> str:
    """Who applies: the application's applicant, else :func:`issuing_body`."""
    if dossier.application is not None:
        return dossier.application.applicant
    return issuing_body(dossier)


def dossier_date(dossier: Dossier) -> date:
    """The dossier's date: the application's, else :func:`report_date`."""
    if dossier.application is not None:
        return dossier.application.submitted_on
    return report_date(dossier)


VALUE_COLUMN = "\u3000" * 5
"""Five ideographic spaces: a cover line's text starting under the values (after 「申报单位：」)."""


def cover_view(dossier: Dossier, request: Request = Request.TITLE) -> DocumentView:
    """The cover: community, what the dossier asks for (the level applied for, or the creation
    work assessed, or a self-assessment), then in 仿宋 the applicant with a （盖章） line for its
    seal, the level and the date (2026年3月10日); the title is named and further lines added
    as the dossier's jurisdiction pack words them (:func:`title_name`, :func:`cover_lines`)."""
    community = dossier.community
    name = title_name(dossier)
    first, second = request.cover_lines
    b = BlockBuilder()
    for _ in range(4):
        b.add("blank")
    b.add("annex_title", f"{name}{first}")
    b.add("annex_title", second)
    extra = cover_lines(dossier)
    for _ in range(max(8 - len(extra), 2)):  # the pack's further lines take blank rows: one page
        b.add("blank")
    verb, aim = ("申报", "申报级别") if request is Request.TITLE else ("报送", "创建目标")
    b.add("cover_line", f"{verb}单位：{applicant(dossier)}")
    b.add("cover_line", f"{VALUE_COLUMN}（盖章）")
    b.add("cover_line", f"{aim}：{name}")
    b.add("cover_line", f"{verb}日期：{fmt_date(dossier_date(dossier))}")
    for line in extra:
        b.add("cover_line", line)
    return DocumentView(
        title=community.name,
        subtitle="",
        blocks=tuple(b.blocks),
        author=applicant(dossier),
        document_date=dossier_date(dossier),
        subject=dossier_title(dossier, request),
    )


@dataclass(frozen=True)
class ContentsEntry:
    """One line of the 目录: a part of the dossier (``level`` 1) or an annex inside a part
    (``level`` 2); ``label`` 「附件1」 for annexes; ``page`` the folio it starts on."""

    title: str
    page: int
    level: int = 1
    label: str = ""

    @property
    def heading(self) -> str:
        """「附件1　title」, or the title alone."""
        return f"{self.label}\u3000{self.title}" if self.label else self.title


def _toc_lines(heading: str, indent: int) -> str:
    """A 目录 heading broken at word boundaries into lines that leave room for the leader and
    the folio; lines after the first hang two characters in (the style's hanging indent), an
    annex's two more."""
    lines = title_lines(heading, TOC_EM - indent - 2, balanced=False)
    return ("\n" + "\u3000" * indent).join(lines)


def contents_view(
    dossier: Dossier, entries: Sequence[ContentsEntry], request: Request = Request.TITLE
) -> DocumentView:
    """The 目录: one line per part, numbered 一、二、…, and indented under a part the annexes
    it holds, each with the folio it starts on (the number printed in its page's footer);
    ``request`` words its subject as the cover does."""
    b = BlockBuilder()
    n = 0
    for entry in entries:
        if entry.level == 1:
            n += 1
            b.add("toc", f"{_toc_lines(heading_number(1, n) + entry.heading, 0)}\t{entry.page}")
        else:
            b.add("toc", f"\u3000\u3000{_toc_lines(entry.heading, 2)}\t{entry.page}")
    return DocumentView(
        title="目　　录",
        subtitle="",
        blocks=tuple(b.blocks),
        author=applicant(dossier),
        document_date=dossier_date(dossier),
        subject=dossier_title(dossier, request),
    )


def annexes_in(view: DocumentView) -> list[tuple[str, str]]:
    """The annexes a document holds, as (label, title): each 「附件1」 label block with the
    annex title that follows it."""
    found: list[tuple[str, str]] = []
    blocks = view.blocks
    for block, after in itertools.pairwise(blocks):
        if block.kind == "annex_label":
            found.append((block.text, after.text if after.kind == "annex_title" else ""))
    return found
