"""Parsed input with positions: every value's file, line and column, keyed by its field path."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import yaml

from ..errors import InputError, Problem
from ..models.base import Loc, TextChange, format_loc, normalise_text


@dataclass(frozen=True, slots=True)
class Position:
    """Where a value stands: 1-based line and column, and the sheet for spreadsheets."""

    line: int
    column: int
    sheet: str | None = None


@dataclass
class Source:
    """One parsed input file: its data and the position of every mapping key and list item."""

    file: str
    data: Any
    positions: dict[Loc, Position] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    written: dict[Loc, str] = field(default_factory=dict)
    """The text as written of values that were read as something else (a YAML ``yes`` read as
    ``True``, a date written ``2024/01/05``), for messages that show what the user wrote."""

    def locate(self, loc: Loc) -> Position | None:
        """Return the position of ``loc`` or of its nearest ancestor that has one."""
        for n in range(len(loc), -1, -1):
            pos = self.positions.get(loc[:n])
            if pos is not None:
                return pos
        return None

    def problem(self, loc: Loc, message: str) -> Problem:
        """Build a :class:`Problem` at ``loc`` inside this file."""
        pos = self.locate(loc)
        return Problem(
            path=format_loc(loc),
            message=message,
            file=self._file_label(pos),
            line=pos.line if pos else None,
            column=pos.column if pos else None,
        )

    def _file_label(self, pos: Position | None) -> str:
        return f"{self.file}[{pos.sheet}]" if pos and pos.sheet else self.file


class _Loader(yaml.CSafeLoader if yaml.__with_libyaml__ else yaml.SafeLoader):  # type: ignore[misc]
    """PyYAML's safe loader (on libyaml when PyYAML has it: about 3× faster), except that an
    impossible date stays the text it was written as.

    ``2026-13-01`` then reaches the model as text and is reported at its field like any other
    bad date, instead of aborting the whole parse.
    """

    def construct_yaml_timestamp(self, node: yaml.ScalarNode) -> Any:
        try:
            return super().construct_yaml_timestamp(node)
        except ValueError:
            return str(node.value)


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _Loader.construct_yaml_timestamp)

# What PyYAML refuses anywhere in a stream (yaml.reader.Reader.NON_PRINTABLE).
_NON_PRINTABLE = re.compile("[^\t\n\r -~\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def parse_yaml(text: str, file: str) -> Source:
    """Parse YAML (or JSON, a subset) keeping each key's and item's position.

    Syntax errors raise :class:`InputError` at the offending line; duplicate keys and control
    characters are reported as problems of the returned source (each at its line, column and
    field), so that they come together with every other problem of the input.
    """
    bad = list(_NON_PRINTABLE.finditer(text))
    if bad:
        text = _NON_PRINTABLE.sub(" ", text)
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        reason = exc.problem or exc.context or "invalid YAML"
        raise InputError(
            [
                Problem(
                    path="",
                    message=f"YAML syntax error: {reason}",
                    file=file,
                    line=mark.line + 1 if mark else None,
                    column=mark.column + 1 if mark else None,
                )
            ]
        ) from exc
    except (yaml.YAMLError, ValueError, TypeError) as exc:
        raise InputError(
            [Problem(path="", message=f"YAML error: {exc}", file=file, line=1, column=1)]
        ) from exc
    finally:
        loader.dispose()
    source = Source(file=file, data=data)
    if node is not None:
        _walk(node, (), source)
    else:
        source.positions[()] = Position(1, 1)
    for match in bad:
        source.problems.append(_control_character(source, text, match.start(), match.group()))
    return source


def _control_character(source: Source, text: str, offset: int, char: str) -> Problem:
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    here = (line, column)
    # The innermost key or item that starts at or before the character holds it.
    loc = max(
        (k for k, pos in source.positions.items() if (pos.line, pos.column) <= here),
        key=lambda k: (source.positions[k].line, source.positions[k].column, len(k)),
        default=(),
    )
    return Problem(
        path=format_loc(loc),
        message=f"控制字符不能出现在 YAML 文件中 (control character U+{ord(char):04X} is not "
        "allowed in a YAML file; delete it, or write a line break as a new line of a '|' block)",
        file=source.file,
        line=line,
        column=column,
    )


def _mark(node: yaml.Node) -> Position:
    return Position(node.start_mark.line + 1, node.start_mark.column + 1)


def _walk(node: yaml.Node, loc: Loc, source: Source) -> None:
    source.positions.setdefault(loc, _mark(node))
    if isinstance(node, yaml.ScalarNode):
        if node.tag != "tag:yaml.org,2002:str":
            source.written[loc] = str(node.value)
    elif isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                continue
            key = str(key_node.value)
            if key in seen:
                pos = _mark(key_node)
                source.problems.append(
                    Problem(
                        path=format_loc((*loc, key)),
                        message=f"重复的字段 (key '{key}' appears twice in this mapping; "
                        "YAML would keep only the last one)",
                        file=source.file,
                        line=pos.line,
                        column=pos.column,
                    )
                )
            seen.add(key)
            source.positions[(*loc, key)] = _mark(key_node)
            _walk(value_node, (*loc, key), source)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            source.positions[(*loc, i)] = _mark(item)
            _walk(item, (*loc, i), source)


def normalise_data(data: Any, loc: Loc, source: Source, changes: list[TextChange]) -> Any:
    """Return ``data`` with every string normalised for XML, recording each change."""
    if isinstance(data, str):
        clean, notes = normalise_text(data)
        if notes:
            pos = source.locate(loc)
            changes.append(
                TextChange(
                    path=format_loc(loc),
                    description="; ".join(notes),
                    file=source._file_label(pos),
                    line=pos.line if pos else None,
                    column=pos.column if pos else None,
                )
            )
        return clean
    if isinstance(data, Mapping):
        return {k: normalise_data(v, (*loc, str(k)), source, changes) for k, v in data.items()}
    if isinstance(data, list):
        return [normalise_data(v, (*loc, i), source, changes) for i, v in enumerate(data)]
    return data
