"""The archive index (档案目录): every piece of evidence the self-assessment lists, numbered
element by element, with the rubric items it supports."""

from __future__ import annotations

from dataclasses import dataclass

from ..models.assessment import Assessment
from ..models.community import Community
from ..models.dossier import Dossier
from ..models.rubric import Rubric, RubricElement
from .builder import BlockBuilder
from .document import DocumentView, TableView
from .dossier import issuing_body, report_date
from .format import fmt_date


@dataclass(frozen=True, slots=True)
class ArchiveEntry:
    """One archived piece of evidence: its number (1-03), text and the items it supports."""

    code: str
    text: str
    items: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ArchivePart:
    """The evidence of one element (一级指标): the part's number (1, 2 …) and its entries."""

    number: int
    element: RubricElement
    entries: tuple[ArchiveEntry, ...]


def archive_parts(rubric: Rubric, assessment: Assessment | None) -> tuple[ArchivePart, ...]:
    """The evidence of ``assessment`` by element in rubric order, each text once per element
    (with every item that lists it); elements without evidence keep their number."""
    entries = {e.item: e for e in assessment.items} if assessment is not None else {}
    parts = []
    for number, element in enumerate(rubric.elements, start=1):
        found: dict[str, list[str]] = {}
        for item in element.items:
            entry = entries.get(item.id)
            for text in entry.evidence if entry is not None else []:
                found.setdefault(text, []).append(item.id)
        parts.append(
            ArchivePart(
                number,
                element,
                tuple(
                    ArchiveEntry(f"{number}-{n:02d}", text, tuple(items))
                    for n, (text, items) in enumerate(found.items(), start=1)
                ),
            )
        )
    return tuple(parts)


def archive_title(community: Community) -> str:
    """The archive index's title, e.g. 清河街道安全社区创建档案目录."""
    return f"{community.name}安全社区创建档案目录"


def archive_index_view(dossier: Dossier, rubric: Rubric) -> DocumentView:
    """Build the archive index of a dossier: a short note, then one numbered table per element
    of ``rubric`` listing the assessment's evidence (档案编号, 材料名称, 对应指标); elements
    without evidence say so. The work plan's issuing body signs it on the assessment date."""
    community = dossier.community
    parts = archive_parts(rubric, dossier.assessment)
    total = sum(len(p.entries) for p in parts)
    b = BlockBuilder()
    b.p(
        f"本目录按《{rubric.title}》的{len(parts)}项一级指标分类编排{community.name}安全社区"
        f"创建档案，共{total}份材料。档案编号由一级指标序号和材料顺序号组成，"
        "“对应指标”为该材料所证明的二级指标。"
    )
    for part in parts:
        b.h1(part.element.title)
        if not part.entries:
            b.p("自评未列出本部分的证明材料。")
            continue
        b.table(
            f"{part.element.title}档案",
            TableView(
                columns=("档案编号", "材料名称", "对应指标"),
                rows=tuple((e.code, e.text, "、".join(e.items)) for e in part.entries),
                align=("center", "left", "center"),
            ),
        )
    author = issuing_body(dossier)
    when = report_date(dossier)
    b.add("blank")
    b.add("signature", author)
    b.add("date", fmt_date(when))
    return DocumentView(
        title=archive_title(community),
        subtitle="",
        blocks=tuple(b.blocks),
        author=author,
        document_date=when,
        subject="安全社区创建档案目录",
        keywords=("安全社区", "档案目录", community.name),
    )


__all__ = [
    "ArchiveEntry",
    "ArchivePart",
    "archive_index_view",
    "archive_parts",
    "archive_title",
]
