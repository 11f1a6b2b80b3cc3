"""The columns of an intake sheet, derived from a pydantic model's fields and their titles."""

from __future__ import annotations

import types
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from ..models.problems import unwrap_type
from ..models.work_plan_dates import DateSpec

Kind = Literal[
    "text", "month", "int", "number", "bool", "date", "datetime", "choice", "lines", "codes"
]
"""How a column's cells are written and read (see :mod:`.cells`)."""

EXPECTED: dict[str, str] = {
    "text": "文本",
    "month": "月份，写作 2026-03",
    "int": "整数",
    "number": "数字",
    "bool": "从下拉列表选择：是 / 否",
    "date": "日期，如 2026-03-01",
    "datetime": "日期和时间，如 2026-03-01 14:30",
    "choice": "从下拉列表选择",
    "lines": "每行一项（单元格内换行：Alt+Enter）",
    "codes": "从代码表选择，多项用“；”分隔",
}
"""What a cell of each kind expects, as the input message and the error messages say it."""


@dataclass(frozen=True)
class Column:
    """One column of a sheet: the field it fills (path inside the row's element), its title."""

    path: tuple[str, ...]
    title: str
    kind: Kind
    required: bool = False
    choices: tuple[str, ...] = ()
    description: str = ""

    @property
    def expected(self) -> str:
        """What the cell expects, in Chinese."""
        return EXPECTED[self.kind]

    @property
    def message(self) -> str:
        """The input message shown when the cell is selected (Excel allows 255 characters)."""
        need = "必填" if self.required else "选填"
        text = f"{need}。{self.expected}。{self.description}".strip()
        return text if len(text) <= 250 else text[:249] + "…"


def _is_month(annotation: Any) -> bool:
    if get_origin(annotation) in (Union, types.UnionType):
        return any(_is_month(arg) for arg in get_args(annotation))
    for meta in getattr(annotation, "__metadata__", ()):
        if "\\d{4}-" in str(getattr(meta, "pattern", None) or ""):
            return True
    return False


def _optional(annotation: Any) -> bool:
    origin = get_origin(annotation)
    if origin in (Union, types.UnionType):
        return type(None) in get_args(annotation)
    return False


def scalar_kind(annotation: Any) -> tuple[Kind, tuple[str, ...]] | None:
    """The kind and choices of a one-cell field, or None for lists of models and mappings."""
    tp = unwrap_type(annotation)
    origin = get_origin(tp)
    if origin is Literal:
        return "choice", tuple(str(a) for a in get_args(tp))
    if origin is list:
        item = unwrap_type(get_args(tp)[0])
        if isinstance(item, type) and issubclass(item, Enum):
            return "codes", tuple(str(m.value) for m in item)
        if item is str:
            return "lines", ()
        return None
    if not isinstance(tp, type):
        return None
    if issubclass(tp, Enum):
        return "choice", tuple(str(m.value) for m in tp)
    if tp is bool:
        return "bool", ("是", "否")
    if tp is int:
        return "int", ()
    if tp is Decimal:
        return "number", ()
    if tp is datetime:
        return "datetime", ()
    if tp is date:
        return "date", ()
    if tp is str:
        return ("month" if _is_month(annotation) else "text"), ()
    if tp is DateSpec:  # a date as written (2025-09, 20xx年9月~10月): text, read by the model
        return "text", ()
    return None


def _nested(annotation: Any) -> type[BaseModel] | None:
    tp = unwrap_type(annotation)
    return tp if isinstance(tp, type) and issubclass(tp, BaseModel) else None


def columns_of(
    model: type[BaseModel],
    exclude: frozenset[str] = frozenset(),
    prefix: tuple[str, ...] = (),
    titles: tuple[str, ...] = (),
    required: bool = True,
) -> list[Column]:
    """Every one-cell field of ``model`` and of its single nested models, in field order.

    ``exclude`` names dotted paths (``leader``, ``organisation.committee.director``) left to
    other sheets; lists of models and mappings are never columns (other sheets or the
    其他内容 sheet hold them).
    """
    out: list[Column] = []
    for name, info in model.model_fields.items():
        path = (*prefix, name)
        if ".".join(path) in exclude:
            continue
        out.extend(_field_columns(info, path, titles, required, exclude))
    return out


def _field_columns(
    info: FieldInfo,
    path: tuple[str, ...],
    titles: tuple[str, ...],
    required: bool,
    exclude: frozenset[str],
) -> list[Column]:
    title = info.title or path[-1]
    nested = _nested(info.annotation)
    if nested is not None:
        inner = required and info.is_required() and not _optional(info.annotation)
        return columns_of(nested, exclude, path, (*titles, title), inner)
    kind = scalar_kind(info.annotation)
    if kind is None:
        return []
    return [
        Column(
            path=path,
            title="·".join((*titles, title)),
            kind=kind[0],
            required=required and info.is_required(),
            choices=kind[1],
            description=info.description or "",
        )
    ]
