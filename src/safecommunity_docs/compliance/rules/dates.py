"""Rules on the order of the dossier's dates (element 10)."""

from __future__ import annotations

from collections.abc import Iterator

from ..context import Context, month
from ..findings import Severity
from ..rule import Hit, rule
from ..textfacts import EVALUATION, has_any

E, INFO = Severity.ERROR, Severity.INFO


@rule(
    "SC-E10-006",
    E,
    "申请日期早于自评日期",
    "The application is dated before the self-assessment it reports.",
    "档案真实性: no document dated before what it cites",
)
def before_assessment(ctx: Context) -> Iterator[Hit]:
    app, assessment = ctx.dossier.application, ctx.dossier.assessment
    if app is not None and assessment is not None and app.submitted_on < assessment.assessed_on:
        yield Hit(
            "application.submitted_on",
            f"application {app.submitted_on}, assessment {assessment.assessed_on}",
        )


@rule(
    "SC-E10-007",
    E,
    "申请日期早于项目效果评估或项目结束",
    "The application comes before a project's "
    "evaluation (or, without one in the schedule, its end).",
    "AQ/T 9001 §5 效果; 评定管理办法",
)
def before_evaluation(ctx: Context) -> Iterator[Hit]:
    app = ctx.dossier.application
    if app is None:
        return
    applied = month(app.submitted_on)
    for i, p in enumerate(ctx.dossier.projects):
        rows = [k for k, row in enumerate(p.schedule) if has_any(row.work, EVALUATION)]
        if rows:
            k = rows[-1]
            if applied < p.schedule[k].end:
                yield Hit(
                    f"projects[{i}].schedule[{k}].end",
                    f"evaluation ends {p.schedule[k].end}, application {app.submitted_on}",
                )
        elif applied < p.end:
            yield Hit(f"projects[{i}].end", f"project ends {p.end}, application {app.submitted_on}")


@rule(
    "SC-E10-010",
    INFO,
    "确认记录未对应任何检查结果",
    "An acknowledgement matches no finding (the rule no longer fires there).",
    "BuildOptions.acknowledged",
)
def stale_acknowledgement(ctx: Context) -> Iterator[Hit]:
    # Filled in by check(), which alone sees every finding; nothing to find here.
    return iter(())
