"""Scoring: an assessment and its rubric -> ScoreReport (Decimal arithmetic, verdict, priorities)."""

from .engine import quantize, score
from .report import ElementResult, ItemResult, ScoreReport, Verdict, Veto

__all__ = ["ElementResult", "ItemResult", "ScoreReport", "Verdict", "Veto", "quantize", "score"]
