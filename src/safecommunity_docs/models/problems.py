"""Turn pydantic validation errors into located, readable problems (file:line:col path: message)."""

from __future__ import annotations

import difflib
import types
from collections.abc import Callable, Sequence
from typing import Any, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError

from ..codes import CodedEnum
from ..errors import Problem
from .base import TEXT_LIMIT, Loc, RuleViolations

Locator = Callable[[Loc, str], Problem]
"""Builds a problem for a loc of the validated document (it knows which file holds it)."""

Written = Callable[[Loc], str | None]
"""Returns the text as written in the file of the value at a loc, when it was read as another
type (YAML ``yes`` -> ``True``) or rewritten on import (``2024/01/05`` -> ``2024-01-05``)."""


def unwrap_type(tp: Any) -> Any:
    """Strip Annotated and Optional wrappers down to the interesting type."""
    while True:
        origin = get_origin(tp)
        if origin is None:
            return tp
        if origin in (Union, types.UnionType):
            args = [a for a in get_args(tp) if a is not type(None)]
            if len(args) != 1:
                return tp
            tp = args[0]
        elif str(origin) == "typing.Annotated" or getattr(tp, "__metadata__", None) is not None:
            tp = get_args(tp)[0]
        else:
            return tp


def resolve(
    model: type[BaseModel], loc: Sequence[Any], keep_last: bool = False
) -> tuple[Loc, str | None, type[BaseModel] | None]:
    """Map a pydantic loc onto the document: drop pydantic's internal tags.

    Returns the cleaned loc, the Chinese title of the field it ends on (if known) and the model
    that holds that field.
    """
    out, title, holder, _ = _resolve(model, loc, keep_last)
    return out, title, holder


def _resolve(
    model: type[BaseModel], loc: Sequence[Any], keep_last: bool
) -> tuple[Loc, str | None, type[BaseModel] | None, Any]:
    tp: Any = model
    out: list[str | int] = []
    title: str | None = None
    holder: type[BaseModel] | None = None
    for n, part in enumerate(loc):
        last = n == len(loc) - 1
        tp = unwrap_type(tp)
        if isinstance(tp, type) and issubclass(tp, BaseModel):
            if isinstance(part, str) and part in tp.model_fields:
                info = tp.model_fields[part]
                holder, title = tp, info.title
                tp = info.annotation
                out.append(part)
            elif last and keep_last:
                holder, title = tp, None
                out.append(part)
            continue
        origin = get_origin(tp)
        if origin is list and isinstance(part, int):
            tp = get_args(tp)[0]
            out.append(part)
        elif origin is dict and isinstance(part, str) and part != "[key]":
            tp = get_args(tp)[1]
            out.append(part)
    return tuple(out), title, holder, unwrap_type(tp)


_PATTERNS = {
    r"^\d{4}-(0[1-9]|1[0-2])$": "a month written YYYY-MM, e.g. 2026-03",
    r"^[a-z0-9][a-z0-9-]*$": "lower-case letters, digits and hyphens, e.g. elderly-falls",
    r"^[a-z][a-z0-9_]*$": "a lower-case identifier, e.g. concept_basis",
}


_EXPECTED = {
    "decimal_parsing": "应为数字 (expected a number, e.g. 12.5)",
    "decimal_type": "应为数字 (expected a number, e.g. 12.5)",
    "int_parsing": "应为整数 (expected a whole number)",
    "int_type": "应为整数 (expected a whole number)",
    "int_from_float": "应为整数 (expected a whole number)",
    "date_parsing": "应为日期 (expected a date like 2026-03-01)",
    "date_from_datetime_parsing": "应为日期 (expected a date like 2026-03-01)",
    "date_type": "应为日期 (expected a date like 2026-03-01)",
    "datetime_parsing": "应为日期时间 (expected a date and time like 2024-03-05 14:30)",
    "datetime_from_date_parsing": "应为日期时间 (expected a date and time like 2024-03-05 14:30)",
    "datetime_type": "应为日期时间 (expected a date and time like 2024-03-05 14:30)",
    "bool_parsing": "应为是/否 (expected true or false)",
    "list_type": "应为列表 (expected a list: one '- item' per line)",
    "model_type": "应为字段映射 (expected a mapping of fields)",
    "model_attributes_type": "应为字段映射 (expected a mapping of fields)",
    "dict_type": "应为映射 (expected a mapping)",
    "string_type": "应为文本 (expected text)",
}


def _got(value: Any, written: str | None = None) -> str:
    if written is not None:
        return f" (got {written[:60]!r}{'…' if len(written) > 60 else ''})"
    if isinstance(value, dict | list):
        return ""
    text = repr(value)
    return f" (got {text[:60]}{'…' if len(text) > 60 else ''})"


def _unquoted(value: Any, written: str | None) -> str | None:
    """Explain a YAML value that is not text because it was left unquoted, or ``None``."""
    if written is None or isinstance(value, str):
        return None
    if value is None:
        if not written.strip():
            return "应为文本 (expected text; the value is empty: write the text after the colon)"
        shown = written
        read_as = "nothing (null)"
    else:
        shown = written
        read_as = {bool: "true/false", int: "a number", float: "a number"}.get(
            type(value), "a date"
        )
    return (
        f"应为文本，请加引号 (expected text; YAML reads the unquoted {shown} as {read_as}: "
        f'put it in quotes, "{shown}")'
    )


def _coded(enum: type[CodedEnum], value: Any, written: str | None) -> str:
    """List the codes with their labels and suggest the nearest label for a typo."""
    text = written if written is not None else value if isinstance(value, str) else None
    shown = repr(text) if text is not None else repr(value)
    names = {name: m for m in enum for name in (m.label, *getattr(m, "_aliases", ()))}
    near = difflib.get_close_matches((text or "").strip(), list(names), n=1, cutoff=0.5)
    hint = ""
    if near:
        member = names[near[0]]
        hint = f"did you mean {member.code} {member.label}? "
    return f"不是有效的代码或名称 (unknown value {shown}; {hint}codes: {enum.choices()})"


def describe(
    error: Any,
    title: str | None,
    holder: type[BaseModel] | None,
    key: str | int | None,
    leaf: Any = None,
    written: str | None = None,
) -> str:
    """Return the message for one pydantic error dict.

    ``leaf`` is the type of the field the error is about and ``written`` the value's text as
    written in the file, when it was read as another type.
    """
    kind = error["type"]
    label = f"「{title}」" if title else ""
    head = f"{title}: " if title else ""
    value = error.get("input")
    if kind == "missing":
        return f"缺少必填字段{label} (field required)"
    if kind == "extra_forbidden":
        allowed = ", ".join(holder.model_fields) if holder is not None else ""
        return f"未知字段 (unknown field '{key}'; allowed: {allowed})"
    if kind == "string_pattern_mismatch":
        pattern = (error.get("ctx") or {}).get("pattern", "")
        expected = _PATTERNS.get(pattern, f"text matching {pattern}")
        return f"{head}格式不正确 (expected {expected}){_got(value, written)}"
    if kind == "string_type":
        hint = _unquoted(value, written)
        if hint is not None:
            return f"{head}{hint}"
    if kind in ("string_too_long", "too_long") and isinstance(value, str):
        return (
            f"{head}文本过长 (text of {len(value):,} characters; at most {TEXT_LIMIT:,} "
            f"characters in one field){_got(value)}"
        )
    if kind == "enum" and isinstance(leaf, type) and issubclass(leaf, CodedEnum):
        return f"{head}{_coded(leaf, value, written)}"
    if kind in _EXPECTED:
        return f"{head}{_EXPECTED[kind]}{_got(value, written)}"
    message = str(error["msg"])
    if kind in ("value_error", "assertion_error") and message.startswith("Value error, "):
        message = message[len("Value error, ") :]
    return f"{head}{message}{_got(value, written)}"


def problems_from(
    exc: ValidationError,
    model: type[BaseModel],
    locate: Locator,
    written: Written | None = None,
) -> list[Problem]:
    """Convert every error of ``exc`` (raised validating ``model``) into a located problem.

    Reviewer-rule violations raised by model validators are expanded so that each one points
    at its own field. ``written`` gives the text as written of values read as another type.
    """
    problems: list[Problem] = []
    for error in exc.errors(include_url=False):
        raw_loc = tuple(error["loc"])
        kind = error["type"]
        cause = (error.get("ctx") or {}).get("error")
        if isinstance(cause, RuleViolations):
            base, _, _ = resolve(model, raw_loc)
            for sub, message in cause.violations:
                problems.append(locate((*base, *sub), message))
            continue
        loc, title, holder, leaf = _resolve(model, raw_loc, kind == "extra_forbidden")
        key = raw_loc[-1] if raw_loc else None
        shown = written(loc) if written is not None else None
        problems.append(locate(loc, describe(error, title, holder, key, leaf, shown)))
    return problems
