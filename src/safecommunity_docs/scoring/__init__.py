"""Scoring: an assessment and its rubric -> ScoreReport (Decimal arithmetic, verdict, priorities)."""

from .engine import quantize, score
from .report import ElementResult, ItemResult, ScoreReport, Verdict

__all__ = ["ElementResult", "ItemResult", "ScoreReport", "Verdict", "quantize", "score"]
