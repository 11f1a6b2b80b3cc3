"""Fill a Word template from a document view: docxtpl in a sandbox, escaped, strictly re-parsed."""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import fields
from datetime import datetime
from pathlib import Path
from typing import Any

import jinja2
from docx.shared import Mm
from docxtpl import DocxTemplate, InlineImage
from jinja2 import StrictUndefined, meta
from jinja2.exceptions import SecurityError
from jinja2.sandbox import SandboxedEnvironment
from lxml import etree

from ...errors import TemplateError, require
from ...models.base import normalise_text
from ...views.chart import ChartSpec
from ...views.document import Block, DocumentView
from ..zipfix import normalise_zip
from .tables import RawXml, table_xml, text_xml
from .templates import default_template

_STRICT = etree.XMLParser(recover=False, resolve_entities=False, huge_tree=True)


def environment() -> SandboxedEnvironment:
    """The Jinja environment of every render: sandboxed, autoescaping, undefined is an error."""
    return SandboxedEnvironment(autoescape=True, undefined=StrictUndefined)


class _StrictTemplate(DocxTemplate):  # type: ignore[misc]
    """docxtpl repairs broken XML silently (``recover=True``); we refuse it instead."""

    def render_xml_part(
        self,
        src_xml: str,
        part: Any,
        context: dict[str, Any],
        jinja_env: jinja2.Environment | None = None,
    ) -> str:
        name = str(getattr(part, "partname", "word/document.xml")).lstrip("/")
        try:
            xml: str = super().render_xml_part(src_xml, part, context, jinja_env)
        except SecurityError as exc:
            raise TemplateError(
                f"refused by the sandbox: {exc}", template=self._label, part=name
            ) from exc
        except jinja2.UndefinedError as exc:
            raise TemplateError(
                f"undefined in template: {exc}", template=self._label, part=name
            ) from exc
        except jinja2.TemplateError as exc:
            raise TemplateError(f"template error: {exc}", template=self._label, part=name) from exc
        try:
            etree.fromstring(xml.encode("utf-8"), _STRICT)
        except etree.XMLSyntaxError as exc:
            raise TemplateError(
                f"rendered XML is not well-formed: {exc}", template=self._label, part=name
            ) from exc
        return xml

    _label: str = ""


def _template_parts(path: Path) -> dict[str, str]:
    """The XML of every part that may hold template tags: body, headers, footers."""
    with zipfile.ZipFile(path) as z:
        names = [
            n
            for n in z.namelist()
            if n == "word/document.xml"
            or ((n.startswith("word/header") or n.startswith("word/footer")) and n.endswith(".xml"))
        ]
        return {n: z.read(n).decode("utf-8") for n in names}


def check_template(path: Path, allowed: set[str], env: SandboxedEnvironment | None = None) -> None:
    """Raise :class:`TemplateError` naming every variable of the template the view lacks."""
    env = env or environment()
    probe = DocxTemplate(str(path))
    unknown: dict[str, list[str]] = {}
    for name, xml in _template_parts(path).items():
        text = re.sub(r"<[^>]+>", "", xml)
        for opening, closing in (("{{", "}}"), ("{%", "%}"), ("{#", "#}")):
            if text.count(opening) != text.count(closing):
                raise TemplateError(
                    f"unbalanced template tags: {text.count(opening)} × "
                    f"'{opening}' but {text.count(closing)} × '{closing}'",
                    template=str(path),
                    part=name,
                )
        try:
            parsed = env.parse(probe.patch_xml(xml))
        except jinja2.TemplateSyntaxError as exc:
            raise TemplateError(
                f"template syntax error: {exc.message} (line {exc.lineno})",
                template=str(path),
                part=name,
            ) from exc
        missing = sorted(meta.find_undeclared_variables(parsed) - allowed)
        if missing:
            unknown[name] = missing
    if unknown:
        where = "; ".join(f"{part}: {', '.join(names)}" for part, names in unknown.items())
        variables = sorted({v for names in unknown.values() for v in names})
        raise TemplateError(
            f"unknown template variable(s) {where}; the view provides {', '.join(sorted(allowed))}",
            template=str(path),
            part=next(iter(unknown)),
            variables=variables,
        )


CORE_PROPERTY_LIMIT = 255  # characters python-docx (and Word) accept in a core property


def _plain(value: str) -> str:
    """Metadata text: XML-safe and cut to the core-property limit (the document keeps it all)."""
    text = normalise_text(value)[0].replace("\n", " ")
    return text if len(text) <= CORE_PROPERTY_LIMIT else text[: CORE_PROPERTY_LIMIT - 1] + "…"


def _text(value: str) -> RawXml:
    return RawXml(text_xml(value))


def _chart(spec: ChartSpec) -> bytes:
    """Draw a chart (matplotlib is imported only for documents that have one)."""
    require("matplotlib", "a chart")
    from ..charts import render_chart

    return render_chart(spec)


def _context(view: DocumentView, tpl: DocxTemplate) -> dict[str, Any]:
    def block(b: Block) -> dict[str, Any]:
        table = table_xml(b.table) if b.table is not None else None
        png = b.image if b.image is not None else (_chart(b.chart) if b.chart is not None else None)
        image = InlineImage(tpl, io.BytesIO(png), width=Mm(b.image_width_mm)) if png else None
        return {"kind": b.kind, "text": _text(b.text), "table": table, "image": image}

    context: dict[str, Any] = {f.name: getattr(view, f.name) for f in fields(view)}
    context.update(
        title=_text(view.title),
        subtitle=_text(view.subtitle),
        blocks=[block(b) for b in view.blocks],
    )
    return context


def render_docx(view: DocumentView, template: Path | None = None) -> bytes:
    """Render ``view`` into .docx bytes with ``template`` (default: the kind's own).

    A fresh template object is used for every document. The template's variables are checked
    against the view first; text is escaped; the rendered XML must parse strictly. Same view,
    same bytes (zip timestamps and core properties come from the document's date).
    """
    if template is None and not view.kind:
        raise TemplateError("the view names no document kind: pass template=…")
    path = template or default_template(view.kind)
    allowed = {f.name for f in fields(view)}
    env = environment()
    check_template(path, allowed, env)
    tpl = _StrictTemplate(str(path))
    tpl._label = str(path)
    tpl.render(_context(view, tpl), jinja_env=env, autoescape=True)
    stamp = datetime(view.document_date.year, view.document_date.month, view.document_date.day)
    props = tpl.docx.core_properties
    props.title = _plain(view.title)
    props.author = _plain(view.author)
    props.subject = _plain(view.subject or view.title)
    props.keywords = _plain("；".join(view.keywords))
    props.language = "zh-CN"
    props.created = stamp
    props.modified = stamp
    props.last_modified_by = _plain(view.author)
    props.revision = 1
    buffer = io.BytesIO()
    tpl.save(buffer)
    return normalise_zip(buffer.getvalue(), stamp)


__all__ = ["check_template", "default_template", "environment", "render_docx"]
