"""The Jinja-tagged body of the default Word templates: a title area and one loop over blocks."""

from __future__ import annotations

from .ooxml import BLOCK_STYLES, package, paragraph

TEMPLATE_KINDS: dict[str, str] = {
    "dossier_cover": "安全社区评定申报材料（封面）",
    "dossier_contents": "安全社区评定申报材料（目录）",
    "application": "安全社区评定申请书",
    "work_report": "安全社区建设工作报告",
    "diagnosis_report": "事故与伤害风险诊断报告",
    "work_plan": "安全社区创建工作计划",
    "promotion_project": "安全促进项目实施方案",
    "self_assessment": "安全社区自评报告",
}
"""Kinds with a default template: kind -> template title (the file is ``<kind>.docx``)."""


def _tag(tag: str) -> str:
    """A paragraph that holds only a docxtpl paragraph tag (removed when rendering)."""
    return paragraph("GWPlain", tag)


def body_xml() -> str:
    """Title, optional subtitle, a blank row, then every block in the style of its kind."""
    parts = [
        paragraph("GWTitle", "{{ title }}"),
        _tag("{%p if subtitle %}"),
        paragraph("GWSubtitle", "{{ subtitle }}"),
        _tag("{%p endif %}"),
        paragraph("GWPlain"),
        _tag("{%p for b in blocks %}"),
    ]
    first = True
    for kind, style in BLOCK_STYLES.items():
        parts.append(_tag(f"{{%p {'if' if first else 'elif'} b.kind == '{kind}' %}}"))
        parts.append(paragraph(style, "" if kind == "blank" else "{{ b.text }}"))
        first = False
    parts.append(_tag("{%p elif b.kind == 'table' %}"))
    parts.append(paragraph("GWPlain", "{{p b.table }}"))
    parts.append(_tag("{%p elif b.kind == 'figure' %}"))
    parts.append(paragraph("GWFigure", "{{ b.image }}"))
    parts.append(_tag("{%p endif %}"))
    parts.append(_tag("{%p endfor %}"))
    return "".join(parts)


UNNUMBERED = frozenset({"dossier_cover", "dossier_contents"})
"""Templates whose pages carry no page number."""


def template_bytes(kind: str) -> bytes:
    """The default template of ``kind`` as .docx bytes (deterministic)."""
    return package(body_xml(), TEMPLATE_KINDS[kind], footer=kind not in UNNUMBERED)
