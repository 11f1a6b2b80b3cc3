"""``check(dossier)``: run every rule over a dossier and return its findings, acknowledged or not."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ..analysis import InjuryStatistics, analyse
from ..models import Acknowledgement, Dossier, Rubric
from ..rubrics import pack_for, shipped_rubric
from ..scoring import ScoreReport
from ..scoring import score as score_assessment
from . import rules as _rules  # noqa: F401  (registers the rules)
from .context import Context
from .findings import Finding, Findings
from .options import CheckOptions, options_for
from .rule import REGISTRY, Hit, Rule

STALE = "SC-E10-010"


def _rule_order(rule: Rule) -> tuple[int, int]:
    return rule.element, int(rule.id.rsplit("-", 1)[1])


RULES: tuple[Rule, ...] = tuple(sorted(REGISTRY, key=_rule_order))
"""Every rule, by element and number."""


def rule_by_id(rule_id: str) -> Rule:
    """Return the rule ``rule_id``; ``KeyError`` if there is none."""
    for rule in RULES:
        if rule.id == rule_id:
            return rule
    raise KeyError(rule_id)


def _score(
    dossier: Dossier, rubric: Rubric | None
) -> tuple[ScoreReport | None, Rubric | None, str | None]:
    assessment = dossier.assessment
    if assessment is None:
        return None, rubric, None
    rubric = rubric or pack_for(dossier).loaded_rubrics.get(assessment.rubric)
    rubric = rubric or shipped_rubric(assessment.rubric)
    if rubric is None:
        return None, None, f"unknown rubric '{assessment.rubric}'"
    try:
        return score_assessment(assessment, rubric), rubric, None
    except ValueError as exc:  # InputError: the assessment does not fit the rubric
        return None, rubric, str(exc)


def _matches(ack: Acknowledgement, finding: Finding) -> bool:
    return ack.rule == finding.rule and (ack.path is None or ack.path == finding.path)


def check(
    dossier: Dossier,
    score: ScoreReport | None = None,
    stats: InjuryStatistics | None = None,
    *,
    rubric: Rubric | None = None,
    options: CheckOptions | None = None,
    acknowledged: Sequence[Acknowledgement] | None = None,
    rules: Iterable[Rule] | None = None,
) -> Findings:
    """Check ``dossier`` against every compliance rule and return the sorted findings.

    ``score`` and ``stats`` are the dossier's :class:`ScoreReport` and
    :class:`InjuryStatistics` when the caller has them already (a build computes them once);
    otherwise they are computed here (the score against ``rubric``, by default the shipped rubric
    the assessment names). ``options`` default to the thresholds of the dossier's jurisdiction
    pack (:func:`~safecommunity_docs.rubrics.pack_for`, :func:`.options_for`). ``acknowledged`` (default: ``dossier.options.acknowledged``) marks
    matching findings as accepted with their reason; an acknowledgement that matches nothing is
    itself reported (info). Each finding carries the file and line of its path when the dossier
    was loaded from files (:meth:`Dossier.source_of`). Pure: reads no file of the user's, writes
    nothing.
    """
    problem = None
    if score is None:
        score, rubric, problem = _score(dossier, rubric)
    elif rubric is None:
        rubric = shipped_rubric(score.rubric_id)
    if stats is None:
        stats = analyse(dossier.injury_records, dossier.community)
    if options is None:
        options = options_for(pack_for(dossier))
    ctx = Context(dossier, options, score, stats, rubric, problem)
    found = [f for rule in (RULES if rules is None else rules) for f in rule.run(ctx)]
    acks = list(dossier.options.acknowledged if acknowledged is None else acknowledged)
    out: list[Finding] = []
    for finding in found:
        ack = next((a for a in acks if _matches(a, finding)), None)
        out.append(finding if ack is None else finding.acknowledge(ack.reason))
    stale = rule_by_id(STALE)
    for i, ack in enumerate(acks):
        if not any(_matches(ack, f) for f in found):
            where = f"{ack.rule} at {ack.path}" if ack.path else ack.rule
            out.extend(
                stale.run_hits(ctx, [Hit(f"options.acknowledged[{i}]", f"{where}: {ack.reason}")])
            )
    return Findings(tuple(_located(f, dossier) for f in out)).sorted()


def _located(finding: Finding, dossier: Dossier) -> Finding:
    """The finding with the file and line its path was loaded from, when the loader knows it."""
    source = dossier.source_of(finding.path)
    return finding if source is None else finding.at(*source)
