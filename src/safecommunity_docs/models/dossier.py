"""The whole dossier: the community and every part, plus the options of a build."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Literal, Self

from pydantic import Field, PrivateAttr, model_validator

from .annual_summary import AnnualSummary
from .application import Application
from .assessment import Assessment
from .base import Loc, Rules, StrictModel, Text, TextChange, parse_loc
from .community import Community
from .diagnosis import DiagnosisReport
from .injury import InjuryRecord
from .isccc import IscccApplication, cross_check
from .pack import Pack
from .project import PromotionProject
from .reassessment import Reassessment
from .work_plan import WorkPlan

Format = Literal["docx", "xlsx", "pdf"]


def _all_formats() -> list[Format]:
    return ["docx", "xlsx", "pdf"]


class Acknowledgement(StrictModel):
    """A compliance finding the author has looked at and accepts, with the reason recorded."""

    rule: str = Field(pattern=r"^SC-E\d+-\d{3}$", title="规则编号", description="e.g. SC-E5-003.")
    path: str | None = Field(
        default=None,
        title="字段路径",
        description="e.g. projects[2].targets[0].baseline; empty: every finding of the rule.",
    )
    reason: Text = Field(title="理由")


class BuildOptions(StrictModel):
    """How to build the dossier: formats, templates, and the order of parts."""

    formats: list[Format] = Field(default_factory=_all_formats, title="输出格式")
    template_dir: str | None = Field(
        default=None,
        title="自定义模板目录",
        description="Folder of exported templates (<kind>.docx), relative to the community "
        "folder (or to the dossier file's folder).",
    )
    pack: str | None = Field(
        default=None,
        title="评定方案",
        description="The jurisdiction pack the documents follow: a shipped pack's id "
        "(chongqing-municipal, alias city; national-field; sichuan-township; aqt9001-generic), "
        "the id of a pack in pack_dir, or the path of a pack file (relative to the community "
        "folder). Default: the pack of the assessment's rubric, else chongqing-municipal.",
    )
    pack_dir: str | None = Field(
        default=None,
        title="评定方案目录",
        description="A folder of your own packs (<id>.yaml), relative to the community folder.",
    )
    part_order: list[str] | None = Field(
        default=None,
        title="材料顺序",
        description="Document kinds in dossier order (default: the kinds' declared order: "
        "申请书, 工作报告, 工作计划, 风险诊断报告, 安全促进项目实施方案, 自评报告, 伤害监测台账, "
        "年度工作总结). A kind left out is not built, and the build says so.",
    )
    acknowledged: list[Acknowledgement] = Field(
        default_factory=list,
        title="已确认的检查结果",
        description="Compliance findings accepted deliberately, each with its reason.",
    )


class Dossier(StrictModel):
    """A community's complete dossier input."""

    community: Community = Field(title="社区概况")
    work_plan: WorkPlan | None = Field(default=None, title="工作计划")
    diagnosis: DiagnosisReport | None = Field(default=None, title="风险诊断报告")
    projects: list[PromotionProject] = Field(default_factory=list, title="安全促进项目")
    assessment: Assessment | None = Field(default=None, title="自评")
    application: Application | None = Field(default=None, title="评定申请书")
    annual_summary: AnnualSummary | None = Field(default=None, title="年度工作总结")
    isccc: IscccApplication | None = Field(
        default=None, title="ISCCC英文申请书", description="English texts (isccc.yaml)."
    )
    reassessment: Reassessment | None = Field(
        default=None, title="复评", description="复评: designation, continued improvement."
    )
    injury_records: list[InjuryRecord] = Field(default_factory=list, title="伤害监测记录")
    options: BuildOptions = Field(default_factory=BuildOptions, title="生成选项")

    _text_changes: list[TextChange] = PrivateAttr(default_factory=list)
    _warnings: list[str] = PrivateAttr(default_factory=list)
    _source_dir: Path | None = PrivateAttr(default=None)
    _locator: Callable[[Loc], tuple[str, int | None] | None] | None = PrivateAttr(default=None)
    _pack: Pack | None = PrivateAttr(default=None)

    def __repr__(self) -> str:
        parts = [
            label
            for label, present in (
                ("work plan", self.work_plan),
                ("diagnosis", self.diagnosis),
                ("assessment", self.assessment),
                ("application", self.application),
                ("annual summary", self.annual_summary),
            )
            if present is not None
        ]
        parts.insert(2, f"{len(self.projects)} project(s)")
        parts.append(f"{len(self.injury_records):,} injury record(s)")
        where = f" from {self._source_dir}" if self._source_dir is not None else ""
        return f"<Dossier {self.community.name}{where}: {', '.join(parts)}>"

    __str__ = __repr__

    @property
    def source_dir(self) -> Path | None:
        """The folder the dossier was loaded from (relative paths in its options start here),
        or None for a dossier made in memory."""
        return self._source_dir

    def source_of(self, path: str) -> tuple[str, int | None] | None:
        """The file (and line, when known) the value at field ``path`` was loaded from, e.g.
        ``("examples/x/plan.yaml", 42)`` for ``work_plan.phases[2].end``; the nearest enclosing
        value that has a line stands in for one that has none (a missing field). None for a
        dossier made in memory or a part no file held."""
        return self._locator(parse_loc(path)) if self._locator is not None else None

    @property
    def pack(self) -> Pack | None:
        """The pack the loader resolved from ``options.pack`` (None: a shipped pack applies,
        see :func:`safecommunity_docs.rubrics.pack_for`)."""
        return self._pack

    @property
    def warnings(self) -> list[str]:
        """Things a reviewer should look at that are not errors (e.g. duplicate injury cards)."""
        return list(self._warnings)

    def duplicate_records(self) -> list[tuple[int, int]]:
        """Pairs (first, later) of injury records with the same person, time and cause."""
        first: dict[object, int] = {}
        pairs = []
        for i, record in enumerate(self.injury_records):
            j = first.setdefault(record.duplicate_key, i)
            if j != i:
                pairs.append((j, i))
        return pairs

    @property
    def text_changes(self) -> list[TextChange]:
        """What text normalisation changed while loading (empty for clean input)."""
        return list(self._text_changes)

    @model_validator(mode="after")
    def _cross_rules(self) -> Self:
        rules = Rules()
        ids = [p.id for p in self.projects]
        for i, pid in enumerate(ids):
            rules.check(
                ids.index(pid) == i,
                ("projects", i, "id"),
                f"项目标识重复 (project id '{pid}' is used twice)",
            )
        cards = [r.card_no for r in self.injury_records]
        if len(set(cards)) != len(cards):
            first: dict[str, int] = {}
            for i, card in enumerate(cards):
                j = first.setdefault(card, i)
                rules.check(
                    j == i,
                    ("injury_records", i, "card_no"),
                    f"卡片编号重复 (card {card} is also injury_records[{j}])",
                )
        if self.isccc is not None:
            rules.violations.extend(cross_check(self.isccc, self.projects))
        rules.raise_if_any()
        return self
