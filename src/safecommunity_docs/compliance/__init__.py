"""Compliance checker: rules over a dossier -> findings (rule id, severity, field path, message).

Pure: imports only models, analysis, scoring and codes; reads no user file, writes nothing.
"""

from .check import RULES, check, rule_by_id
from .findings import Finding, Findings, Severity
from .options import AREA_KEYWORDS, DEFAULT_OPTIONS, REQUIRED_AREAS, CheckOptions, options_for
from .rule import ELEMENTS, Hit, Rule

__all__ = [
    "AREA_KEYWORDS",
    "DEFAULT_OPTIONS",
    "ELEMENTS",
    "REQUIRED_AREAS",
    "RULES",
    "CheckOptions",
    "Finding",
    "Findings",
    "Hit",
    "Rule",
    "Severity",
    "check",
    "options_for",
    "rule_by_id",
]
