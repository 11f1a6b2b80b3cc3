"""工作机制与考核: the rules a creation plan runs by (reporting, evaluation, 责任书, rewards)."""

from __future__ import annotations

from pydantic import Field

from .base import StrictModel, Text

DEFAULT_EVALUATION = (
    "创建办公室每半年组织一次检查评估，对照计划和项目目标检查进度和成效，形成评估报告报促进委员会，"
    "对滞后的工作限期纠正。"
)
DEFAULT_RESPONSIBILITY = "促进委员会与各成员单位、各工作组牵头单位签订创建目标责任书，把目标、任务和时限落实到单位和责任人。"
DEFAULT_REWARDS = "对成绩突出的单位和个人予以通报表彰；对工作不力、未按期完成任务的单位通报批评，并约谈其主要负责人。"
DEFAULT_PERFORMANCE = "创建工作完成情况纳入各成员单位年度绩效考核，考核结果作为评先评优的重要依据。"


class OperatingRules(StrictModel):
    """The operating rules of the creation work, each with a sensible default; a text set to
    null is left out of the plan."""

    report_day: int | None = Field(
        default=25,
        ge=1,
        le=28,
        title="每月报送日",
        description="Working groups and member units report to the office (安办) by this day "
        "of every month; null: no monthly reporting rule.",
    )
    report_to: Text | None = Field(
        default=None,
        title="报送单位",
        description="Who receives the monthly reports; empty: the plan's office (安办), else "
        "安全社区创建办公室.",
    )
    report_content: Text = Field(default="当月工作进展、活动记录和台账资料", title="报送内容")
    evaluation: Text | None = Field(default=DEFAULT_EVALUATION, title="半年检查评估")
    responsibility_letter: Text | None = Field(default=DEFAULT_RESPONSIBILITY, title="目标责任书")
    rewards: Text | None = Field(default=DEFAULT_REWARDS, title="表彰奖惩")
    performance: Text | None = Field(default=DEFAULT_PERFORMANCE, title="纳入绩效考核")
    pass_condition: Text | None = Field(
        default=None,
        title="达标条件",
        description="What score passes; empty: written from the score bands of the rubric the "
        "build uses.",
    )
