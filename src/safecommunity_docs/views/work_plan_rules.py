"""The work plan's 工作机制与考核: reporting, evaluation, 责任书, rewards, appraisal, 达标条件."""

from __future__ import annotations

from ..models.operating_rules import OperatingRules
from ..models.rubric import Rubric, VerdictBand
from .builder import BlockBuilder, sentence
from .format import fmt_number
from .numbering import heading_number

DEFAULT_OFFICE = "安全社区创建办公室"


def _band(band: VerdictBand) -> str:
    """One score band as cadres read it: 90分及以上为“…”, 70分至不足90分为“…”."""
    low, high = fmt_number(band.min), fmt_number(band.max) if band.max is not None else ""
    if band.max is None:
        return f"{low}分及以上为“{band.label}”"
    if band.min == 0:
        return f"不足{high}分为“{band.label}”"
    return f"{low}分至不足{high}分为“{band.label}”"


def pass_condition(rubric: Rubric) -> str:
    """The 达标条件 paragraph written from the rubric's bands, veto and reapplication rule."""
    bands = sorted(rubric.bands, key=lambda b: b.min, reverse=True)
    top = bands[0]
    threshold = rubric.reapplication.threshold if rubric.reapplication else top.min
    text = (
        f"创建工作以《{rubric.title}》为达标依据，满分{fmt_number(rubric.scale)}分，"
        f"{'，'.join(_band(b) for b in bands)}"
    )
    if rubric.veto_any_item_zero is not None:
        veto = next((b.label for b in rubric.bands if b.code == rubric.veto_any_item_zero), "")
        text += f"；任一二级指标得0分的，结论为“{veto}”"
    return (
        text
        + f"。自评得分达到{fmt_number(threshold)}分方可申请评定，失分的要素由牵头单位限期整改。"
    )


def mechanisms_section(
    doc: BlockBuilder, rules: OperatingRules, office: str | None, rubric: Rubric | None
) -> None:
    """Each rule a run-in paragraph （一）信息报送。…; rules set to null are left out, and the
    达标条件 needs a rubric unless its text is given."""
    report_to = rules.report_to or office or DEFAULT_OFFICE
    items: list[tuple[str, str]] = []
    if rules.report_day is not None:
        items.append(
            (
                "信息报送",
                f"各工作组和成员单位于每月{rules.report_day}日前向{report_to}报送"
                f"{rules.report_content}，汇总情况每月通报一次。",
            )
        )
    named = (
        ("检查评估", rules.evaluation),
        ("目标责任", rules.responsibility_letter),
        ("表彰奖惩", rules.rewards),
        ("绩效考核", rules.performance),
    )
    items += [(label, text) for label, text in named if text]
    condition = rules.pass_condition or (pass_condition(rubric) if rubric else None)
    if condition:
        items.append(("达标条件", condition))
    for n, (label, text) in enumerate(items, start=1):
        doc.p(f"{heading_number(2, n)}{label}。{sentence(text)}")
