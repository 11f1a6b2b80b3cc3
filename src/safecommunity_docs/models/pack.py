"""A jurisdiction pack as data: the standard, who confers the title, rubrics, thresholds, wording."""

from __future__ import annotations

from string import Formatter
from typing import Self

from pydantic import Field, PrivateAttr, model_validator

from ..codes import ProjectArea
from .base import Loc, Rules, StrictModel, Text
from .rubric import Rubric

PACK_ID = r"^[a-z][a-z0-9-]*$"

COVER_FIELDS = ("level", "programme", "standard", "code", "issuing_body", "jurisdiction")
"""The placeholders a pack's cover wording may use."""


class PackStandard(StrictModel):
    """The standard the documents cite (执行标准)."""

    code: Text = Field(title="标准编号", description="e.g. AQ/T 9001-2006, DB51/T 1795-2025.")
    title: Text = Field(title="标准名称", description="e.g. 安全社区建设基本要求.")
    issued_by: Text | None = Field(default=None, title="发布机关")


class ProjectAreas(StrictModel):
    """The project areas a dossier's safety promotion projects must cover."""

    min_count: int = Field(default=0, ge=0, title="最少领域数")
    named: list[ProjectArea] = Field(
        default_factory=list, title="必须覆盖的领域", description="Areas each needing a project."
    )


class PackCover(StrictModel):
    """The cover's wording; ``{level}``, ``{programme}``, ``{standard}``, ``{code}``,
    ``{issuing_body}`` and ``{jurisdiction}`` are filled in."""

    heading: Text = Field(
        default="{level}{programme}",
        title="封面名称",
        description="What the cover's large lines name before 评定/申报材料, e.g. 市级安全社区.",
    )
    lines: list[Text] = Field(
        default_factory=list,
        title="封面附加行",
        description="Lines printed under the date, e.g. 执行标准：{code}.",
    )


class Assumption(StrictModel):
    """A value of the pack that no public text supports: where it is and why it was chosen."""

    path: str = Field(title="字段路径", description="e.g. min_creation_months, rubrics.")
    note: Text = Field(title="说明")


class Pack(StrictModel):
    """A jurisdiction pack: what one scheme's documents cite, how they are scored and checked."""

    id: str = Field(pattern=PACK_ID, title="标识")
    aliases: list[str] = Field(default_factory=list, title="别名")
    title: Text = Field(title="名称")
    jurisdiction: Text = Field(title="适用地区")
    programme: Text = Field(
        default="安全社区", title="称号名称", description="e.g. 安全社区, 安全乡镇（街道）."
    )
    standard: PackStandard = Field(title="执行标准")
    issuing_body: Text = Field(title="命名单位", description="Who confers the title.")
    rubrics: list[str] = Field(
        min_length=1,
        title="评分标准",
        description="Shipped rubric ids or rubric files (relative to the pack file); the first "
        "is the default.",
    )
    min_creation_months: int = Field(ge=0, title="最短创建期（月）")
    project_areas: ProjectAreas = Field(default_factory=ProjectAreas, title="安全促进项目领域")
    dossier_order: list[str] = Field(
        default_factory=list,
        title="材料顺序",
        description="Document kinds in dossier order; kinds left out follow in declared order.",
    )
    cover: PackCover = Field(default_factory=PackCover, title="封面")
    assumed: list[Assumption] = Field(
        default_factory=list,
        title="推定内容",
        description="Values no public text supports (assumed; replace when the text is found).",
    )
    sources: list[Text] = Field(default_factory=list, title="依据")

    _rubrics: dict[str, Rubric] = PrivateAttr(default_factory=dict)

    @property
    def ids(self) -> tuple[str, ...]:
        """The pack's id and its aliases."""
        return (self.id, *self.aliases)

    @property
    def loaded_rubrics(self) -> dict[str, Rubric]:
        """The pack's rubrics by id and alias, once the loader has attached them."""
        return dict(self._rubrics)

    def attach(self, rubrics: list[Rubric]) -> Self:
        """Attach the loaded rubrics named by :attr:`rubrics` (in that order)."""
        self._rubrics = {key: r for r in rubrics for key in (r.id, *r.aliases)}
        return self

    @property
    def default_rubric(self) -> str:
        """The id of the rubric an assessment gets when it names none."""
        first = next(iter(self._rubrics.values()), None)
        return first.id if first is not None else self.rubrics[0]

    def cover_text(self, template: str, level: str) -> str:
        """``template`` with the pack's values filled in (``level`` e.g. 市级)."""
        return template.format(
            level=level,
            programme=self.programme,
            standard=self.standard.title,
            code=self.standard.code,
            issuing_body=self.issuing_body,
            jurisdiction=self.jurisdiction,
        )

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        rules = Rules()
        texts: list[tuple[Loc, str]] = [(("cover", "heading"), self.cover.heading)]
        texts += [(("cover", "lines", i), line) for i, line in enumerate(self.cover.lines)]
        for loc, text in texts:
            try:
                names = [f for _, f, _, _ in Formatter().parse(text) if f is not None]
            except ValueError as exc:
                rules.check(False, loc, f"封面文字格式错误 ({exc})")
                continue
            unknown = [n for n in names if n not in COVER_FIELDS]
            rules.check(
                not unknown,
                loc,
                f"未知占位符 ({', '.join('{' + n + '}' for n in unknown)}; known: "
                f"{', '.join('{' + f + '}' for f in COVER_FIELDS)})",
            )
        fields = type(self).model_fields
        for i, assumption in enumerate(self.assumed):
            rules.check(
                assumption.path.split(".")[0].split("[")[0] in fields,
                ("assumed", i, "path"),
                f"未知字段 ('{assumption.path}' names no field of the pack)",
            )
        for i, name in enumerate(self.project_areas.named):
            rules.check(
                self.project_areas.named.index(name) == i,
                ("project_areas", "named", i),
                f"领域重复 ({name.label})",
            )
        rules.raise_if_any()
        return self
