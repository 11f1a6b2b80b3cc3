"""Projects followed up at a re-assessment: each original target against its value now."""

from __future__ import annotations

from ..models.dossier import Dossier
from ..models.outcome import Measurement, ReportedResult
from ..models.project import PromotionProject
from .outcomes import TargetOutcome, evaluate

FOLLOW_UP_SOURCE = "跟踪统计"
"""Where a follow-up result comes from when it does not say."""


def follow_up_outcomes(project: PromotionProject, dossier: Dossier) -> tuple[TargetOutcome, ...]:
    """Every target of ``project`` its follow-up names, evaluated with the follow-up's value:
    a given ``result`` as a reported value (the target's baseline kept), else the target's own
    record count in the follow-up's ``year`` (default: the records' last year). Empty without
    a follow-up."""
    if project.follow_up is None:
        return ()
    targets = {t.indicator: t for t in project.targets}
    out = []
    for entry in project.follow_up.results:
        target = targets.get(entry.indicator)
        if target is None:  # the model refuses this; a program may have changed it since
            continue
        if entry.result is not None:
            reported = ReportedResult.model_construct(
                value=entry.result, source=entry.source or FOLLOW_UP_SOURCE, as_of=entry.as_of
            )
            measure = Measurement.model_construct(records=None, survey=None, reported=reported)
            target = target.model_copy(update={"measure": measure})
        elif target.measure is not None and target.measure.records is not None:
            spec = target.measure.records
            if entry.year is not None:
                spec = spec.model_copy(update={"result_year": entry.year})
            measure = target.measure.model_copy(update={"records": spec})
            target = target.model_copy(update={"measure": measure})
        out.append(evaluate(target, project.title, dossier))
    return tuple(out)


def untracked_targets(project: PromotionProject) -> list[int]:
    """Indexes of the project's targets its follow-up leaves without a result."""
    if project.follow_up is None:
        return []
    named = {entry.indicator for entry in project.follow_up.results}
    return [i for i, t in enumerate(project.targets) if t.indicator not in named]
