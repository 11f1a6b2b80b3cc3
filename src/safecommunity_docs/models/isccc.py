"""The English application to the International Safe Community Certifying Centre (ISCCC).

The community writes its own English texts (``isccc.yaml``); the application adds the facts
of the dossier (population, injury counts, projects, self-assessment). Nothing is
machine-translated: a text left out is shown as a placeholder and reported as missing
(:func:`missing_texts`).

**Chinese characters** (Han ideographs, CJK symbols and punctuation, full-width forms) may
stand in an English text only inside a *quoted title* 《…》 or as an *original name*: a
parenthesised run without Latin letters directly after a word, e.g.
``Qinghe Subdistrict (清河街道)`` (:func:`stray_chinese`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from datetime import date
from typing import Self

from pydantic import Field, model_validator

from .base import Loc, Rules, StrictModel, Text

CHINESE = re.compile(
    r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef\U00020000-\U0002ffff]"
)
"""A Chinese character: a Han ideograph, a CJK symbol or punctuation mark, a full-width form."""

ALLOWED_CHINESE = re.compile(r"《[^《》]*》|(?<=[\w.’'\"”)\]] )[(（][^()（）A-Za-z]*[)）]")
"""Where Chinese may stand: a quoted title 《…》, or an original name in ASCII parentheses
(or full-width ones) holding no Latin letter, after a word and one space
(``Qinghe Subdistrict (清河街道)``)."""


def stray_chinese(text: str) -> list[str]:
    """The Chinese characters of ``text`` outside quoted titles and original names, in order."""
    return CHINESE.findall(ALLOWED_CHINESE.sub("", text))


def word_count(paragraphs: Sequence[str]) -> int:
    """Words of the paragraphs: runs of characters between spaces (a name in 《》 counts one)."""
    return sum(len(p.split()) for p in paragraphs)


SECTIONS = ("presentation", "overview", "work_so_far")
"""The application's opening sections, in order."""

INDICATORS = (
    "governance",
    "programmes",
    "high_risk",
    "evidence",
    "injury_recording",
    "evaluation",
    "networking",
)
"""The seven ISCCC indicators, in the order of the application template."""


class IndicatorTexts(StrictModel):
    """One narrative per ISCCC indicator (paragraphs of English text)."""

    governance: list[Text] = Field(
        default_factory=list,
        title="Indicator 1",
        description="An infrastructure based on partnership and collaboration, governed by a "
        "cross-sectional group responsible for safety promotion.",
    )
    programmes: list[Text] = Field(
        default_factory=list,
        title="Indicator 2",
        description="Long-term, sustainable programmes covering all genders, ages, "
        "environments and situations.",
    )
    high_risk: list[Text] = Field(
        default_factory=list,
        title="Indicator 3",
        description="Programmes targeting high-risk groups and environments, and programmes "
        "promoting safety for vulnerable groups.",
    )
    evidence: list[Text] = Field(
        default_factory=list,
        title="Indicator 4",
        description="Programmes based on the available evidence.",
    )
    injury_recording: list[Text] = Field(
        default_factory=list,
        title="Indicator 5",
        description="Programmes documenting the frequency and causes of injuries.",
    )
    evaluation: list[Text] = Field(
        default_factory=list,
        title="Indicator 6",
        description="Evaluation measures to assess programmes, processes and the effects of "
        "change.",
    )
    networking: list[Text] = Field(
        default_factory=list,
        title="Indicator 7",
        description="Ongoing participation in national and international Safe Community networks.",
    )


class WordLimits(StrictModel):
    """At most this many words per section (the defaults follow the application template's
    page guidance: about one page for the presentation, two for the overview, three for the
    work so far, two and a half per indicator)."""

    presentation: int = Field(default=400, ge=1, title="Community presentation")
    overview: int = Field(default=600, ge=1, title="Overview")
    work_so_far: int = Field(default=1000, ge=1, title="Work so far")
    indicator: int = Field(default=800, ge=1, title="Each indicator")


class IscccProject(StrictModel):
    """A promotion project's English name and target groups (keyed by the project's id)."""

    name: Text | None = Field(default=None, title="English name")
    target_groups: list[Text] = Field(
        default_factory=list,
        title="English target groups",
        description="One per target group of the project, in the same order.",
    )


class IscccContact(StrictModel):
    """The applicant's contact person, in English (a name may add the original: Sun Jianhua
    (孙建华))."""

    name: Text = Field(title="Name")
    position: Text | None = Field(default=None, title="Position")
    organisation: Text | None = Field(default=None, title="Organisation")
    email: Text | None = Field(default=None, title="E-mail")
    phone: Text | None = Field(default=None, title="Telephone")
    address: Text | None = Field(default=None, title="Postal address")


class IscccApplication(StrictModel):
    """The English ISCCC application: the texts the community writes; the facts come from the
    rest of the dossier."""

    application_date: date = Field(title="Application date")
    community_name: Text | None = Field(
        default=None, title="English name of the community", description="e.g. Qinghe Subdistrict."
    )
    region: Text | None = Field(
        default=None,
        title="Where it is, in English",
        description="e.g. Linchuan District, Yunzhou City, Y Province.",
    )
    country: Text = Field(default="China", title="Country")
    presentation: list[Text] = Field(default_factory=list, title="Community presentation")
    overview: list[Text] = Field(default_factory=list, title="Overview")
    work_so_far: list[Text] = Field(default_factory=list, title="Work so far")
    indicators: IndicatorTexts = Field(default_factory=IndicatorTexts, title="Indicators")
    projects: dict[str, IscccProject] = Field(
        default_factory=dict, title="Projects in English", description="Keyed by project id."
    )
    contact: IscccContact | None = Field(default=None, title="Contact person")
    limits: WordLimits = Field(default_factory=WordLimits, title="Word limits")

    def section(self, name: str) -> list[str]:
        """The paragraphs of an opening section or of an indicator, by name."""
        if name in SECTIONS:
            return list(getattr(self, name))
        return list(getattr(self.indicators, name))

    @model_validator(mode="after")
    def _english_within_limits(self) -> Self:
        rules = Rules()
        for loc, paragraphs, limit in self._sections():
            words = word_count(paragraphs)
            rules.check(
                words <= limit,
                loc,
                f"超出字数限制 (too long: {words} words, the limit is {limit}; "
                "shorten it or raise limits in isccc.yaml)",
            )
        for loc, text in self._texts():
            stray = stray_chinese(text)
            rules.check(
                not stray,
                loc,
                f"英文文本含中文 (Chinese characters {''.join(dict.fromkeys(stray))!r} outside a "
                "name or a quoted title; write names as 'English (原名)' and titles as 《…》)",
            )
        rules.raise_if_any()
        return self

    def _sections(self) -> Iterator[tuple[Loc, list[str], int]]:
        for name in SECTIONS:
            yield (name,), getattr(self, name), getattr(self.limits, name)
        for name in INDICATORS:
            yield ("indicators", name), getattr(self.indicators, name), self.limits.indicator

    def _texts(self) -> Iterator[tuple[Loc, str]]:
        for loc, paragraphs, _ in self._sections():
            for i, text in enumerate(paragraphs):
                yield (*loc, i), text
        for field in ("community_name", "region", "country"):
            value = getattr(self, field)
            if value:
                yield (field,), value
        for key, project in self.projects.items():
            if project.name:
                yield ("projects", key, "name"), project.name
            for i, group in enumerate(project.target_groups):
                yield ("projects", key, "target_groups", i), group
        if self.contact is not None:
            for field, value in self.contact:
                if value:
                    yield ("contact", field), value


def missing_texts(isccc: IscccApplication, projects: Sequence[object]) -> list[str]:
    """The field paths (``isccc.indicators.evaluation``) of the English texts the application
    needs and the community has not written; ``projects`` are the dossier's promotion
    projects (each needs an English name and target groups)."""
    out = [f"isccc.{f}" for f in ("community_name", "region") if getattr(isccc, f) is None]
    out += [f"isccc.{name}" for name in SECTIONS if not getattr(isccc, name)]
    out += [f"isccc.indicators.{n}" for n in INDICATORS if not getattr(isccc.indicators, n)]
    for project in projects:
        pid = str(getattr(project, "id", ""))
        english = isccc.projects.get(pid)
        if english is None or english.name is None:
            out.append(f"isccc.projects.{pid}.name")
        groups = list(getattr(project, "target_groups", ()))
        if groups and (english is None or not english.target_groups):
            out.append(f"isccc.projects.{pid}.target_groups")
    if isccc.contact is None:
        out.append("isccc.contact")
    return out


def cross_check(isccc: IscccApplication, projects: Sequence[object]) -> list[tuple[Loc, str]]:
    """Problems between the English texts and the projects: an unknown project id, or a
    number of English target groups other than the project's."""
    found: list[tuple[Loc, str]] = []
    by_id = {str(getattr(p, "id", "")): p for p in projects}
    for key, english in isccc.projects.items():
        project = by_id.get(key)
        if project is None:
            known = ", ".join(by_id) or "none"
            found.append(
                (("isccc", "projects", key), f"没有此项目 (no project '{key}'; known: {known})")
            )
            continue
        groups = len(getattr(project, "target_groups", ()))
        if english.target_groups and len(english.target_groups) != groups:
            found.append(
                (
                    ("isccc", "projects", key, "target_groups"),
                    f"目标人群数量不一致 ({len(english.target_groups)} English target groups, "
                    f"the project has {groups})",
                )
            )
    return found
