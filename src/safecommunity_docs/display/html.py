"""HTML for Jupyter: score reports, findings, statistics tables and build results.

Every piece of user text goes through :func:`html.escape`; the markup is plain tables with
inline styles, so it reads the same in JupyterLab, VS Code and a saved notebook.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal
from html import escape
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..analysis import CountTable, InjuryStatistics
    from ..build import BuildResult
    from ..compliance import Findings
    from ..scoring import ScoreReport

_TABLE = 'style="border-collapse:collapse;font-size:13px"'
_CELL = 'style="border:1px solid #ccc;padding:2px 6px;text-align:{align}"'
_BADGE = (
    'style="display:inline-block;padding:2px 10px;border-radius:10px;color:#fff;'
    'background:{colour};font-weight:bold"'
)
_COLOURS = {"error": "#c62828", "warning": "#ef6c00", "info": "#1565c0"}


def _cell(value: object, header: bool = False) -> str:
    tag = "th" if header else "td"
    align = "right" if isinstance(value, int | float | Decimal) else "left"
    return f"<{tag} {_CELL.format(align=align)}>{escape(str(value))}</{tag}>"


def table(columns: Sequence[str], rows: Iterable[Sequence[object]], caption: str = "") -> str:
    """A bordered HTML table of ``rows`` under ``columns`` (every cell escaped)."""
    head = "".join(_cell(c, header=True) for c in columns)
    body = "".join("<tr>" + "".join(_cell(v) for v in row) + "</tr>" for row in rows)
    cap = f"<caption style='text-align:left'><b>{escape(caption)}</b></caption>" if caption else ""
    return f"<table {_TABLE}>{cap}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _bar(percent: Decimal, width: int = 160) -> str:
    filled = max(0, min(width, round(float(percent) * width / 100)))
    return (
        f'<div style="width:{width}px;background:#eee;height:10px">'
        f'<div style="width:{filled}px;background:#2e7d32;height:10px"></div></div>'
    )


def score_html(report: ScoreReport) -> str:
    """The verdict as a badge, the total, one bar per element and the items that lost most."""
    colour = "#c62828" if report.verdict.code == "fail" else "#2e7d32"
    if report.vetoes and report.verdict.code != "fail":
        colour = "#ef6c00"
    badge = f"<span {_BADGE.format(colour=colour)}>{escape(report.verdict.label)}</span>"
    head = (
        f"<p>{badge} <b>{report.total}</b> / {report.scale} "
        f"<small>({escape(report.rubric_id)} {escape(report.rubric_version)})</small></p>"
    )
    vetoes = "".join(f"<p style='color:#c62828'>{escape(v.message)}</p>" for v in report.vetoes)
    rows = "".join(
        f"<tr>{_cell(e.id)}{_cell(e.title)}{_cell(e.score)}{_cell(e.max)}"
        f"<td {_CELL.format(align='left')}>{_bar(e.percent)}</td>{_cell(e.percent)}</tr>"
        for e in report.elements
    )
    head_row = "".join(_cell(c, True) for c in ("要素", "名称", "得分", "满分", "", "得分率%"))
    elements = f"<table {_TABLE}><thead><tr>{head_row}</tr></thead><tbody>{rows}</tbody></table>"
    lost = table(
        ("指标", "失分", "评分标准"),
        ((i.id, i.lost, i.text[:60]) for i in report.priorities[:5]),
        "失分最多的指标",
    )
    return f"<div>{head}{vetoes}{elements}<br>{lost}</div>"


def findings_html(findings: Findings) -> str:
    """Findings grouped by element: severity, rule, field (with file:line) and message."""
    if not findings:
        return "<p>没有发现问题 (no findings)</p>"
    groups: dict[tuple[int, str], list[str]] = {}
    for f in findings.sorted():
        colour = _COLOURS.get(f.severity.value, "#555")
        mark = f" <i>(acknowledged: {escape(f.reason or '')})</i>" if f.acknowledged else ""
        where = " ".join(x for x in (f.location, f.path) if x)
        groups.setdefault((f.element, f.element_title), []).append(
            f"<tr><td {_CELL.format(align='left')} ><span style='color:{colour}'>"
            f"{escape(f.severity.value)}</span></td>{_cell(f.rule)}{_cell(where)}"
            f"<td {_CELL.format(align='left')}>{escape(f.message_zh)}{mark}</td></tr>"
        )
    parts = [f"<p><b>{len(findings)}</b> finding(s), {len(findings.errors)} error(s)</p>"]
    head = "".join(_cell(c, True) for c in ("级别", "规则", "位置", "说明"))
    for (element, title), rows in groups.items():
        parts.append(
            f"<table {_TABLE}><caption style='text-align:left'><b>{element} "
            f"{escape(title)}</b></caption><thead><tr>{head}</tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table>"
        )
    return "<div>" + "".join(parts) + "</div>"


def count_table_html(counts: CountTable) -> str:
    """One frequency table: label, count, share in %."""
    rows = [(r.label, r.count, r.share) for r in counts.rows]
    return table(("类别", "例数", "构成比%"), [*rows, ("合计", counts.total, "")], counts.title)


def statistics_html(stats: InjuryStatistics) -> str:
    """The period, the overall rate and the main tables (cause, place, age group, year)."""
    period = f"{stats.period_start} — {stats.period_end}" if stats.period_start else "没有伤害记录"
    rate = stats.rates.overall.rate
    head = (
        f"<p><b>{stats.record_count}</b> 例伤害, {escape(period)}; "
        f"年均伤害发生率 {rate if rate is not None else '—'}‰</p>"
    )
    tables = "".join(
        f"<div style='display:inline-block;vertical-align:top;margin-right:12px'>"
        f"{count_table_html(t)}</div>"
        for t in (stats.cause, stats.place, stats.age_group, stats.year)
    )
    notes = table(
        ("类别", "对象", "数值", "参照"),
        (
            (f.category, f.subject, f"{f.value}{f.unit}", f"{f.reference}{f.unit}")
            for f in stats.findings
        ),
        "发现",
    )
    return f"<div>{head}{tables}{notes}</div>"


def build_html(result: BuildResult) -> str:
    """The files a build wrote (linked when on disk), their pages, and the warnings."""
    rows = []
    for o in result.outputs:
        name = escape(o.path.name)
        link = name if o.data is not None else f'<a href="{escape(o.path.as_posix())}">{name}</a>'
        rows.append(
            "<tr>"
            f"<td {_CELL.format(align='left')}>{link}</td>{_cell(o.kind)}{_cell(o.format)}"
            f"{_cell(o.title)}{_cell(o.pages if o.pages is not None else '')}</tr>"
        )
    head = "".join(_cell(c, True) for c in ("文件", "类型", "格式", "标题", "页数"))
    files = f"<table {_TABLE}><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    warnings = "".join(f"<li>{escape(w)}</li>" for w in result.warnings)
    return (
        f"<div><p><b>{len(result.outputs)}</b> file(s), {len(result.warnings)} warning(s), "
        f"{len(result.findings)} finding(s)</p>{files}"
        + (f"<details><summary>warnings</summary><ul>{warnings}</ul></details>" if warnings else "")
        + "</div>"
    )
