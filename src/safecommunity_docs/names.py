"""The names a program passes to the library, as types a type checker can check.

``Format`` lists the formats a document is written in and ``KindName`` the document kinds, so
``build(dossier, formats=["docx", "pfd"])`` or ``render(plan, "xlsx", kind="work_pan")`` fails
``mypy --strict`` instead of at run time. A format added with
:func:`~safecommunity_docs.render.formats.register_format` is a plain ``str``: pass it through
``typing.cast``.
"""

from __future__ import annotations

from typing import Literal

Format = Literal["docx", "xlsx", "pdf"]
"""A format a dossier document is written in."""

ChartFormat = Literal["png"]
"""The format a chart (:class:`~safecommunity_docs.views.chart.ChartSpec`) is drawn in."""

KindName = Literal[
    "dossier_cover",
    "dossier_contents",
    "application",
    "work_report",
    "improvement_report",
    "rectification_report",
    "work_plan",
    "diagnosis_report",
    "promotion_project",
    "self_assessment",
    "injury_ledger",
    "annual_summary",
    "archive_index",
    "isccc_application",
    "compliance_report",
]
"""A document kind (``safecommunity-docs`` declares one per module in ``kinds/``)."""
