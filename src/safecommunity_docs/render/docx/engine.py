"""Fill a Word template from a document view: docxtpl in a sandbox, escaped, strictly re-parsed."""

from __future__ import annotations

import io
from dataclasses import fields
from datetime import datetime
from pathlib import Path
from typing import Any

import jinja2
from docx.shared import Mm
from docxtpl import DocxTemplate, InlineImage
from jinja2.exceptions import SecurityError
from jinja2.sandbox import SandboxedEnvironment
from lxml import etree

from ...errors import TemplateError, require
from ...models.base import normalise_text
from ...views.chart import ChartSpec
from ...views.document import Block, DocumentView
from ...views.keep import keep_with_next
from ...views.linebreak import break_hints, break_title
from ..zipfix import normalise_zip
from .body import replace_body
from .parts import CORE_FIELDS, CORE_PART, check_template
from .sandbox import sandbox
from .sections import break_xml, settle_last
from .tables import RawXml, table_xml, text_xml
from .templates import default_template

_STRICT = etree.XMLParser(recover=False, resolve_entities=False, huge_tree=True)


def environment() -> SandboxedEnvironment:
    """The Jinja environment of every render: a bounded sandbox (see :mod:`.sandbox`),
    autoescaping, undefined is an error."""
    return sandbox()


_FAILURES = (jinja2.TemplateError, ArithmeticError, RecursionError, MemoryError)
"""What evaluating a template may raise: Jinja's errors (the sandbox's refusals included),
arithmetic errors (``1/0``, a float overflow), runaway recursion, memory exhaustion."""


def _template_error(exc: BaseException, template: str, part: str) -> TemplateError:
    if isinstance(exc, SecurityError):
        why = f"refused by the sandbox: {exc}"
    elif isinstance(exc, jinja2.UndefinedError):
        why = f"undefined in template: {exc}"
    elif isinstance(exc, jinja2.TemplateError):
        why = f"template error: {exc}"
    else:
        why = f"template evaluation failed: {type(exc).__name__}: {exc}"
    return TemplateError(why, template=template, part=part)


class _StrictTemplate(DocxTemplate):  # type: ignore[misc]
    """docxtpl repairs broken XML silently (``recover=True``); we refuse it instead. Every
    rendered part (body, headers, footers, footnotes, core properties) goes through the same
    bounded sandbox, and its errors name the part."""

    def __init__(self, path: Path, meta_context: dict[str, Any]) -> None:
        super().__init__(str(path))
        self._label = str(path)
        self._meta_context = meta_context

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
        except _FAILURES as exc:
            raise _template_error(exc, self._label, name) from exc
        try:
            etree.fromstring(xml.encode("utf-8"), _STRICT)
        except etree.XMLSyntaxError as exc:
            raise TemplateError(
                f"rendered XML is not well-formed: {exc}", template=self._label, part=name
            ) from exc
        return xml

    def render_properties(
        self, context: dict[str, Any], jinja_env: jinja2.Environment | None = None
    ) -> None:
        """Render the core properties as plain text from the view's own values (python-docx
        escapes them), in the same bounded sandbox."""
        env = sandbox(autoescape=False)
        props = self.docx.core_properties
        for name in CORE_FIELDS:
            source = getattr(props, name) or ""
            if "{" not in source:
                continue
            try:
                value = env.from_string(source).render(self._meta_context)
            except _FAILURES as exc:
                raise _template_error(exc, self._label, CORE_PART) from exc
            setattr(props, name, _plain(value))

    def map_tree(self, tree: Any) -> None:
        """Put the rendered body in place, in time linear in its size."""
        replace_body(self.docx._element, tree)


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


CHAR_TWIPS = 315  # one body character: 16 pt less the −0.25 pt character spacing
SIGNATURE_INDENT = 2  # 右空二字, the 落款 lines' indent when the view gives none


def right_twips(chars: float | None) -> int:
    """A 落款 line's right indent in twips from ``chars`` body characters (default 二字)."""
    return round((SIGNATURE_INDENT if chars is None else chars) * CHAR_TWIPS)


_SECTION = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}sectPr"


def _last_section(tpl: DocxTemplate) -> etree._Element | None:
    """The body's own ``w:sectPr``, found by name: after docxtpl renders, the body is parsed
    by a plain lxml parser, and while that element's proxy lives (until the garbage
    collector frees it: a Dask worker runs it late) it lacks python-docx's ``.sectPr``."""
    found: etree._Element | None = tpl.docx.element.body.find(_SECTION)
    return found


def _section_breaks(view: DocumentView, tpl: DocxTemplate) -> dict[int, RawXml]:
    """The section-break paragraph of every ``section`` block, by block index: it ends the
    section before the block (the other orientation) with the template's section."""
    section = _last_section(tpl)
    if section is None:
        raise TemplateError("the template has no section properties (w:sectPr)")
    out: dict[int, RawXml] = {}
    current = "portrait"
    for i, b in enumerate(view.blocks):
        if b.kind == "section" and b.text != current:
            out[i] = RawXml(break_xml(section, current, first=not out))
            current = b.text
    return out


def _shown(b: Block) -> str:
    """The text of a block as typeset: annex titles broken at word boundaries, lists of
    numbers given break opportunities (views/linebreak.py)."""
    return break_title(b.text) if b.kind == "annex_title" else break_hints(b.text)


def _context(view: DocumentView, tpl: DocxTemplate, breaks: dict[int, RawXml]) -> dict[str, Any]:
    def block(i: int, b: Block, keep: bool) -> dict[str, Any]:
        if b.kind == "section":
            # rendered where every template renders tables: the break replaces the paragraph
            cut = breaks.get(i, RawXml(""))
            return {"kind": "table", "text": _text(""), "table": cut, "image": None, "keep": False}
        turned = orientation[i] == "landscape"
        table = table_xml(b.table, keep_with_next=keep, landscape=turned) if b.table else None
        png = b.image if b.image is not None else (_chart(b.chart) if b.chart is not None else None)
        image = InlineImage(tpl, io.BytesIO(png), width=Mm(b.image_width_mm)) if png else None
        return {
            "kind": b.kind,
            "text": _text(_shown(b)),
            "table": table,
            "image": image,
            "keep": keep,
            "right": right_twips(b.indent_right) if b.indent_left is None else 0,
            "left": round(b.indent_left * CHAR_TWIPS) if b.indent_left is not None else 0,
            "align": "right" if b.indent_left is None else "left",
        }

    orientation: list[str] = []  # the page orientation each block is set on
    current = "portrait"
    for b in view.blocks:
        current = b.text if b.kind == "section" else current
        orientation.append(current)
    context: dict[str, Any] = {f.name: getattr(view, f.name) for f in fields(view)}
    keeps = keep_with_next(view.blocks)
    context.update(
        title=_text(break_title(view.title)),
        subtitle=_text(view.subtitle),
        blocks=[
            block(i, b, keep) for i, (b, keep) in enumerate(zip(view.blocks, keeps, strict=True))
        ],
    )
    return context


def render_docx(view: DocumentView, template: Path | None = None) -> bytes:
    """Render ``view`` into .docx bytes with ``template`` (default: the kind's own).

    A fresh template object is used for every document (the Jinja code of its parts is
    compiled once per process, see :mod:`.compiled`). The template's variables are checked
    against the view first; text is escaped; the rendered XML must parse strictly. Same view,
    same bytes (zip timestamps and core properties come from the document's date).
    """
    if template is None and not view.kind:
        raise TemplateError("the view names no document kind: pass template=…")
    path = template or default_template(view.kind)
    allowed = {f.name for f in fields(view)}
    env = environment()
    check_template(path, allowed, env)
    tpl = _StrictTemplate(path, {f.name: getattr(view, f.name) for f in fields(view)})
    tpl.init_docx()
    breaks = _section_breaks(view, tpl)
    tpl.render(_context(view, tpl, breaks), jinja_env=env, autoescape=True)
    last = _last_section(tpl)
    if breaks and last is not None:
        settle_last(last)
    day = view.document_date
    stamp = datetime(day.year, day.month, day.day) if day is not None else None
    props = tpl.docx.core_properties
    props.title = _plain(view.title)
    props.author = _plain(view.author)
    props.subject = _plain(view.subject or view.title)
    props.keywords = _plain("；".join(view.keywords))
    props.language = view.language
    if stamp is not None:
        props.created = stamp
        props.modified = stamp
    props.last_modified_by = _plain(view.author)
    props.revision = 1
    buffer = io.BytesIO()
    tpl.save(buffer)
    return normalise_zip(buffer.getvalue(), stamp)


__all__ = ["check_template", "default_template", "environment", "render_docx"]
