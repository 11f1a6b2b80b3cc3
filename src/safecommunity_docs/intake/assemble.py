"""Intake rows -> one dossier per community, every bad cell reported with sheet, row, column
letter, the value and what was expected."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from ..errors import InputError, Problem
from ..io.loader import validation_context
from ..models.base import Loc, parse_loc
from ..models.dossier import Dossier
from ..models.problems import problems_from
from .cells import from_cell
from .fields import Column, Kind, scalar_kind
from .layout import headers
from .locate import letter, locator
from .reader import Cell, SheetRows
from .sheets import (
    COMMUNITY,
    NUMBER,
    OTHER,
    ROLE,
    SHEETS,
    STAR,
    Key,
    Sheet,
    processing_order,
    specs_of,
)
from .tree import EMPTY_LIST, EMPTY_MAPPING, Data, get, place


@dataclass
class Community:
    """One community's data as read, and where each value came from."""

    name: str
    data: Data = field(default_factory=dict)
    cells: dict[Loc, tuple[str, Cell]] = field(default_factory=dict)
    keys: dict[tuple[Loc, Any], int] = field(default_factory=dict)
    counts: dict[Loc, int] = field(default_factory=dict)


class Intake:
    """Collects the rows of a workbook into communities and their problems."""

    def __init__(self, file: str, sheets: dict[str, SheetRows]) -> None:
        self.file = file
        self.sheets = sheets
        self.problems: list[Problem] = []
        self.communities: dict[str, Community] = {}

    def cell_problem(self, sheet: str, cell: Cell, message: str, path: str = "") -> None:
        """A problem at one cell, with its letter and value."""
        shown = f" {cell.value!r}" if cell.value is not None else ""
        self.problems.append(
            Problem(
                path=path,
                message=f"{letter(cell.column)}{cell.row}{shown}: {message}",
                file=f"{self.file}[{sheet}]",
                line=cell.row,
                column=cell.column,
            )
        )

    def check_headers(self) -> None:
        """Unknown column titles are errors (a typo would silently lose a column)."""
        for name, sheet in self.sheets.items():
            known = {h.title for h in headers(name)} if _known(name) else None
            if known is None:
                continue
            for column, title in sheet.titles.items():
                if title not in known:
                    cell = Cell(title, 1, column)
                    self.cell_problem(
                        name,
                        cell,
                        f"未知列名 (unknown column; expected one of {', '.join(sorted(known))})",
                    )

    def community_of(self, sheet: str, row: int, cells: dict[str, Cell]) -> Community | None:
        cell = cells.get(COMMUNITY)
        if cell is None:
            if len(self.communities) == 1:
                return next(iter(self.communities.values()))
            self.cell_problem(
                sheet,
                Cell(None, row, 1),
                "缺少社区名称 (the 社区 column is empty and the workbook has several communities)",
            )
            return None
        found = self.communities.get(str(from_cell("text", cell.value)))
        if found is None:
            self.cell_problem(
                sheet,
                cell,
                f"未知社区 (no such community on 基本情况; known: "
                f"{', '.join(self.communities) or 'none'})",
            )
        return found

    def read(self) -> None:
        """Read every sheet into the communities (基本情况 first, parents before children)."""
        self.check_headers()
        for spec in processing_order():
            sheet = self.sheets.get(spec.name)
            if sheet is None:
                continue
            shared = len(specs_of(spec.name)) > 1
            for row, cells in sheet.rows:
                if shared:
                    role = cells.get(ROLE)
                    if role is None or str(role.value).strip() != spec.role:
                        if spec is specs_of(spec.name)[0]:
                            self._check_role(spec.name, row, role)
                        continue
                self.read_row(spec, row, cells)
        self.read_other()

    def _check_role(self, sheet: str, row: int, role: Cell | None) -> None:
        roles = [s.role for s in specs_of(sheet)]
        if role is None or str(role.value).strip() not in roles:
            cell = role or Cell(None, row, 2)
            self.cell_problem(
                sheet,
                cell,
                f"应从下拉列表选择角色 (expected one of {', '.join(r or '' for r in roles)})",
            )

    def read_row(self, spec: Sheet, row: int, cells: dict[str, Cell]) -> None:
        if spec.top:
            name_column = next(c for c in spec.columns if c.path == ("name",))
            cell = cells.get(name_column.title)
            if cell is None:
                self.cell_problem(
                    spec.name,
                    Cell(None, row, 1),
                    "缺少社区名称 (社区名称 is required: it names the community)",
                )
                return
            name = str(from_cell("text", cell.value))
            if name in self.communities:
                self.cell_problem(spec.name, cell, "社区名称重复 (a community is one row)")
                return
            community: Community | None = Community(name)
            self.communities[name] = community  # type: ignore[assignment]
        else:
            community = self.community_of(spec.name, row, cells)
        if community is None:
            return
        loc = self.locate_row(spec, community, row, cells)
        if loc is None:
            return
        community.cells.setdefault(loc, (spec.name, Cell(None, row, 1)))
        if spec.numbered:
            number = cells.get(NUMBER)
            value = from_cell("int", number.value) if number else int(loc[-1]) + 1
            self.register(community, spec, loc, value, number, spec.name)
        if not spec.listed and loc in community.counts:
            self.cell_problem(spec.name, Cell(None, row, 1), "重复的行 (this part is one row)")
            return
        community.counts[loc] = 1
        self.fill(community, spec.name, loc, spec.columns, cells)
        named = {(k.field,) for k in self._children_keys(spec)}
        for column in spec.columns:
            if column.path in named:
                value = cells.get(column.title)
                if value is not None:
                    self.register(
                        community, spec, loc, from_cell(column.kind, value.value), value, spec.name
                    )

    def _children_keys(self, spec: Sheet) -> list[Key]:
        out = []
        for child in SHEETS:
            positions = [n for n, p in enumerate(child.path) if p == STAR]
            for star, key in enumerate(child.keys):
                if child.path[: positions[star] + 1] == spec.path and key.field is not None:
                    out.append(key)
        return out

    def register(
        self, community: Community, spec: Sheet, loc: Loc, value: Any, cell: Cell | None, sheet: str
    ) -> None:
        """Record that the list item at ``loc`` is named ``value`` (for rows that refer to it)."""
        pattern = tuple(p if p != STAR else "" for p in spec.path)
        entry = ((*loc[:-1], len(pattern)), value)
        if entry in community.keys and community.keys[entry] != loc[-1]:
            if cell is not None:
                self.cell_problem(
                    sheet,
                    cell,
                    "名称重复 (another row has this name; rows of "
                    "other sheets could not tell them apart)",
                )
            return
        community.keys[entry] = int(loc[-1])

    def locate_row(
        self, spec: Sheet, community: Community, row: int, cells: dict[str, Cell]
    ) -> Loc | None:
        """The loc of this row's element: parents looked up (or made) by their names."""
        positions = [n for n, p in enumerate(spec.path) if p == STAR]
        loc: list[str | int] = []
        star = 0
        for n, part in enumerate(spec.path):
            if part != STAR:
                loc.append(part)
                continue
            if star == len(spec.keys):  # the row's own list: the next item
                at = tuple(loc)
                index = community.counts.get(at, 0)
                community.counts[at] = index + 1
                loc.append(index)
                continue
            key = spec.keys[star]
            star += 1
            cell = cells.get(key.title)
            if cell is None:
                self.cell_problem(
                    spec.name,
                    Cell(None, row, 1),
                    f"缺少{key.title} (required: it names the item this row belongs to)",
                )
                return None
            value = from_cell(_key_kind(key), cell.value)
            entry = ((*tuple(loc), n + 1), value)
            found = community.keys.get(entry)
            if found is None and key.parent is not None:
                at = tuple(loc)
                index = community.counts.get(at, 0)
                community.counts[at] = index + 1
                community.keys[entry] = index
                found = index
                parent_loc = (*at, index)
                place(community.data, (*parent_loc, key.field or ""), value)
                community.cells[(*parent_loc, key.field or "")] = (spec.name, cell)
                community.cells.setdefault(parent_loc, (spec.name, cell))
            elif found is None:
                self.cell_problem(
                    spec.name,
                    cell,
                    f"找不到{key.title} ({_where(spec, positions[star - 1])})",
                )
                return None
            if key.parent is not None:
                self.fill(community, spec.name, (*loc, found), key.parent_columns, cells)
            loc.append(found)
        return tuple(loc)

    def fill(
        self,
        community: Community,
        sheet: str,
        loc: Loc,
        columns: list[Column],
        cells: dict[str, Cell],
    ) -> None:
        """Place the row's values at ``loc``, each remembered with its cell."""
        for column in columns:
            cell = cells.get(column.title)
            if cell is None:
                continue
            at = (*loc, *column.path)
            value = from_cell(column.kind, cell.value)
            earlier = community.cells.get(at)
            if earlier is not None and earlier[1].row != cell.row:
                if get(community.data, at) != value:  # a parent column repeated on a later row
                    self.cell_problem(
                        sheet,
                        cell,
                        f"与第{earlier[1].row}行不一致 (the "
                        f"{column.title} of this group differs from row "
                        f"{earlier[1].row}: {earlier[1].value!r})",
                    )
                continue
            place(community.data, at, value)
            community.cells[at] = (sheet, cell)

    def read_other(self) -> None:
        """The 其他内容 rows: a field path and its content."""
        sheet = self.sheets.get(OTHER)
        if sheet is None:
            return
        for row, cells in sheet.rows:
            path = cells.get("字段路径")
            if path is None:
                self.cell_problem(OTHER, Cell(None, row, 2), "缺少字段路径 (field path required)")
                continue
            community = self.community_of(OTHER, row, cells)
            if community is None:
                continue
            loc = parse_loc(str(path.value).strip())
            content = cells.get("内容")
            value: Any = "" if content is None else from_cell("text", content.value)
            value = [] if value == EMPTY_LIST else {} if value == EMPTY_MAPPING else value
            try:
                place(community.data, loc, value)
            except TypeError as exc:
                self.cell_problem(OTHER, path, f"字段路径与其他内容冲突 ({exc})")
                continue
            community.cells[loc] = (OTHER, content or path)

    def dossiers(self) -> list[Dossier]:
        """Validate every community; raise :class:`InputError` with every problem found."""
        self.read()
        out: list[Dossier] = []
        for community in self.communities.values():
            try:
                out.append(
                    Dossier.model_validate(community.data, context=validation_context(Dossier))
                )
            except ValidationError as exc:
                self.problems.extend(
                    problems_from(exc, Dossier, locator(self.file, community.name, community.cells))
                )
        if not self.communities and not self.problems:
            self.problems.append(
                Problem(
                    path="",
                    file=f"{self.file}[基本情况]",
                    message="没有社区 (基本情况 has no filled row)",
                )
            )
        if self.problems:
            raise InputError(self.problems, f"{self.file}: {len(self.problems)} problem(s)")
        return out


def _key_kind(key: Key) -> Kind:
    if key.field is None:
        return "int"
    if key.parent is not None:
        found = scalar_kind(key.parent.model_fields[key.field].annotation)
        if found is not None:
            return found[0]
    return "text"


def _known(name: str) -> bool:
    return name == OTHER or bool(specs_of(name))


def _where(spec: Sheet, index: int) -> str:
    """Which sheet lists the items a row of ``spec`` names at list level ``index``."""
    prefix = spec.path[: index + 1]
    owner = next((s.name for s in SHEETS if s.path == prefix), None)
    return f"no row of {owner} has this name" if owner else "no such item"
