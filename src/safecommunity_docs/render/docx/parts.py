"""The parts of a Word template that hold Jinja tags, and their check before any rendering."""

from __future__ import annotations

import re
import zipfile
from functools import partial
from pathlib import Path

import jinja2
from docxtpl import DocxTemplate
from jinja2 import meta
from jinja2.exceptions import SecurityError
from jinja2.sandbox import SandboxedEnvironment

from ...errors import TemplateError
from .compiled import UNDECLARED, digest, options

CORE_PART = "docProps/core.xml"
CORE_FIELDS = ("author", "comments", "identifier", "language", "subject", "title")
"""The core properties docxtpl renders as templates (the rest are left as they are)."""

_XML_PART = re.compile(r"word/(document|header\d*|footer\d*|footnotes)\.xml")


def is_template_part(name: str) -> bool:
    """Whether docxtpl renders the zip member ``name`` as a template: the body, the headers,
    the footers and the footnotes."""
    return _XML_PART.fullmatch(name) is not None


def template_parts(path: Path) -> dict[str, str]:
    """The text of every part rendered as a template: the XML parts and ``docProps/core.xml``'s
    rendered properties, one line each."""
    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n).decode("utf-8") for n in z.namelist() if is_template_part(n)}
    props = DocxTemplate(str(path)).get_docx().core_properties
    parts[CORE_PART] = "\n".join(str(getattr(props, f) or "") for f in CORE_FIELDS)
    return parts


def _balance(text: str, template: str, part: str) -> None:
    for opening, closing in (("{{", "}}"), ("{%", "%}"), ("{#", "#}")):
        if text.count(opening) != text.count(closing):
            raise TemplateError(
                f"unbalanced template tags: {text.count(opening)} × "
                f"'{opening}' but {text.count(closing)} × '{closing}'",
                template=template,
                part=part,
            )


def _undeclared(env: SandboxedEnvironment, text: str) -> frozenset[str]:
    return frozenset(meta.find_undeclared_variables(env.parse(text)))


def check_template(path: Path, allowed: set[str], env: SandboxedEnvironment) -> None:
    """Raise :class:`TemplateError` naming the part for a syntax error or a refused tag
    (include, import, extends) in any rendered part, and naming every variable of the
    template the view lacks."""
    unknown: dict[str, list[str]] = {}
    patch = DocxTemplate(str(path)).patch_xml
    for name, source in template_parts(path).items():
        _balance(re.sub(r"<[^>]+>", "", source), str(path), name)
        text = source if name == CORE_PART else patch(source)
        try:
            undeclared = UNDECLARED.get(
                (digest(text), options(env)),
                partial(_undeclared, env, text),
            )
        except jinja2.TemplateSyntaxError as exc:
            raise TemplateError(
                f"template syntax error: {exc.message} (line {exc.lineno})",
                template=str(path),
                part=name,
            ) from exc
        except SecurityError as exc:
            raise TemplateError(f"refused: {exc}", template=str(path), part=name) from exc
        missing = sorted(undeclared - allowed)
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


__all__ = ["CORE_FIELDS", "CORE_PART", "check_template", "is_template_part", "template_parts"]
