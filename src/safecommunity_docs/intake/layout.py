"""The header row of each sheet: which column holds what (community, role, keys, fields)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from functools import cache

from .fields import Column, Kind, scalar_kind
from .sheets import COMMUNITY, NUMBER, OTHER, ROLE, Key, Sheet, specs_of


@dataclass(frozen=True)
class Header:
    """One column of a sheet as written: its title, kind, drop-down and input message."""

    title: str
    kind: Kind
    choices: tuple[str, ...] = ()
    message: str = ""
    required: bool = False

    @property
    def width(self) -> int:
        """Column width in characters."""
        wide = {"lines": 40, "text": 22, "codes": 18, "datetime": 17, "date": 12, "month": 10}
        base = wide.get(self.kind, 10)
        if self.choices:
            base = max(base, min(24, max(len(c) for c in self.choices) * 2 + 2))
        return max(base, min(30, len(self.title) * 2 + 2))


def _key_header(key: Key) -> Header:
    if key.field is None:
        return Header(
            key.title, "int", (), f"必填。所属{key.title[:-2]}的序号（见该工作表的序号列）。", True
        )
    kind: Kind = "text"
    choices: tuple[str, ...] = ()
    if key.parent is not None:
        found = scalar_kind(key.parent.model_fields[key.field].annotation)
        if found is not None:
            kind, choices = found
    where = "新名称即新增一项" if key.parent is not None else "须与所属工作表中的名称一致"
    return Header(key.title, kind, choices, f"必填。{key.title}（{where}）。", True)


def _column_header(column: Column) -> Header:
    return Header(column.title, column.kind, column.choices, column.message, column.required)


@cache
def headers(name: str) -> tuple[Header, ...]:
    """The columns of sheet ``name``, in order."""
    if name == OTHER:
        return (
            Header(COMMUNITY, "text", (), "社区名称（与基本情况一致）；只有一个社区时可不填。"),
            Header("字段路径", "text", (), "必填。字段路径，如 work_plan.preamble[0]。", True),
            Header("字段", "text", (), "字段的中文名称（仅供参考，导入时不读取）。"),
            Header("内容", "text", (), "该字段的内容。"),
        )
    specs = specs_of(name)
    out: list[Header] = []
    if not specs[0].top:
        out.append(
            Header(COMMUNITY, "text", (), "社区名称（与基本情况一致）；只有一个社区时可不填。")
        )
    if len(specs) > 1:
        roles = tuple(s.role or "" for s in specs)
        out.append(Header(ROLE, "choice", roles, "必填。从下拉列表选择人员的角色。", True))
    for spec in specs:
        for key in spec.keys:
            out.append(_key_header(key))
            out.extend(_column_header(c) for c in key.parent_columns)
        if spec.numbered:
            out.append(Header(NUMBER, "int", (), "本行的序号，其他工作表按它引用本行。"))
        out.extend(_column_header(c) for c in spec.columns)
    unique: dict[str, Header] = {}
    for header in out:
        unique.setdefault(header.title, header)
    return tuple(unique.values())


def sheet_columns(spec: Sheet) -> dict[str, Column]:
    """The columns of one spec by title (its key and parent columns are looked up apart)."""
    return {c.title: c for c in spec.columns}


def placeholder(header: Header) -> object:
    """A made-up example value for a column no example dossier fills."""
    if header.choices:
        return header.choices[0]
    return {
        "int": 1,
        "number": 1.5,
        "date": date(2026, 1, 1),
        "datetime": datetime(2026, 1, 1, 8, 30),
        "month": "2026-01",
        "lines": "第一项\n第二项",
    }.get(header.kind, f"（{header.title}）")
