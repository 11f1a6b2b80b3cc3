"""The compliance report (合规检查报告) view: one row per finding, every cell formatted."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from ..compliance import Finding, Findings, Severity
from ..models.dossier import Dossier
from .dossier import dossier_date

SEVERITY_LABELS: dict[Severity, str] = {
    Severity.ERROR: "错误",
    Severity.WARNING: "警告",
    Severity.INFO: "提示",
}
"""How the report names each severity."""

COLUMNS: tuple[str, ...] = (
    "序号",
    "规则",
    "要素",
    "严重程度",
    "位置/字段",
    "文件:行",
    "说明",
    "依据",
    "已确认",
    "确认理由",
)
"""The report's columns, in order."""

YES, NO = "是", "否"


@dataclass(frozen=True, slots=True)
class ComplianceRow:
    """One finding as the report shows it (every value a string, user text kept as written)."""

    number: int
    rule: str
    element: str
    severity: Severity
    path: str
    location: str
    message: str
    reference: str
    acknowledged: str
    reason: str

    @property
    def severity_label(self) -> str:
        """错误, 警告 or 提示."""
        return SEVERITY_LABELS[self.severity]

    def cells(self) -> tuple[int | str, ...]:
        """The row's cells in :data:`COLUMNS` order."""
        return (
            self.number,
            self.rule,
            self.element,
            self.severity_label,
            self.path,
            self.location,
            self.message,
            self.reference,
            self.acknowledged,
            self.reason,
        )


@dataclass(frozen=True, slots=True)
class ComplianceReportView:
    """Everything the 合规检查报告 workbook needs."""

    title: str
    community: str
    document_date: date
    summary: str
    columns: tuple[str, ...]
    rows: tuple[ComplianceRow, ...]


def element_label(finding: Finding) -> str:
    """「3 事故与伤害风险辨识及其评价」: the element's number and Chinese title."""
    return f"{finding.element} {finding.element_title}"


def finding_text(finding: Finding) -> str:
    """The Chinese message, the English one and the specifics, one per line."""
    return "\n".join(t for t in (finding.message_zh, finding.message_en, finding.detail) if t)


def summary_line(findings: Findings) -> str:
    """「共 5 条：错误 2 条（已确认 1 条，未确认 1 条）、警告 2 条、提示 1 条」."""
    counts = Counter(f.severity for f in findings)
    errors = findings.errors
    acknowledged = len(errors) - len(findings.blocking)
    parts = []
    for severity in Severity:
        part = f"{SEVERITY_LABELS[severity]} {counts[severity]} 条"
        if severity is Severity.ERROR and counts[severity]:
            part += f"（已确认 {acknowledged} 条，未确认 {len(findings.blocking)} 条）"
        parts.append(part)
    return f"共 {len(findings)} 条：" + "、".join(parts)


def compliance_report_view(dossier: Dossier, findings: Findings) -> ComplianceReportView:
    """The 合规检查报告 of ``dossier``: one row per finding, in the findings' order (severity,
    element, rule, path), dated like the dossier."""
    rows = tuple(
        ComplianceRow(
            number=n,
            rule=f.rule,
            element=element_label(f),
            severity=f.severity,
            path=f.path,
            location=f.location,
            message=finding_text(f),
            reference=f.reference,
            acknowledged=YES if f.acknowledged else NO,
            reason=f.reason or "",
        )
        for n, f in enumerate(findings, start=1)
    )
    name = dossier.community.name
    return ComplianceReportView(
        title=f"{name}合规检查报告",
        community=name,
        document_date=dossier_date(dossier),
        summary=summary_line(findings),
        columns=COLUMNS,
        rows=rows,
    )
