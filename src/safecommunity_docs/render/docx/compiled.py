"""What Jinja makes of a template part, kept per process: compiled code, undeclared variables.

A dossier renders a dozen documents from a handful of Word templates, and every render would
parse and compile the same parts again. Each render still gets its own environment (the
sandbox's clock is per render); only what does not depend on an environment's state is kept:
the Python code of a part (immutable) and a part's undeclared variables (a frozenset). Both
are keyed by the SHA-256 of the source and by everything in the environment that changes how
a source is parsed or compiled (:func:`options`), and at most :data:`KEPT` of each are kept.
A source that fails to parse or compile is never kept: it fails again on the next render.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Mapping
from types import CodeType
from typing import Any, Generic, TypeVar

from jinja2 import Environment

KEPT = 256
"""Compiled parts (and parts' variable sets) kept per process; the least recently used go."""

_V = TypeVar("_V")


def options(env: Environment) -> tuple[object, ...]:
    """Everything of ``env`` its parser and code generator look at: its class (the sandbox's
    own parsing and operators), its syntax, autoescaping, finalize, and its filters and tests
    with what each is passed (the generated code calls them by name)."""

    def calls(functions: Mapping[str, Any]) -> tuple[object, ...]:
        return tuple(
            (name, getattr(f, "jinja_pass_arg", None)) for name, f in sorted(functions.items())
        )

    return (
        type(env),
        env.block_start_string,
        env.block_end_string,
        env.variable_start_string,
        env.variable_end_string,
        env.comment_start_string,
        env.comment_end_string,
        env.line_statement_prefix,
        env.line_comment_prefix,
        env.trim_blocks,
        env.lstrip_blocks,
        env.newline_sequence,
        env.keep_trailing_newline,
        tuple(sorted(env.extensions)),
        env.optimized,
        env.autoescape,
        env.finalize,
        env.is_async,
        calls(env.filters),
        calls(env.tests),
    )


def digest(source: str) -> str:
    """The SHA-256 of a template part's text."""
    return hashlib.sha256(source.encode("utf-8")).hexdigest()


class Kept(Generic[_V]):
    """A bounded, thread-safe store of immutable values, least recently used out first."""

    def __init__(self, size: int = KEPT) -> None:
        self._size = size
        self._values: OrderedDict[Hashable, _V] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable, make: Callable[[], _V]) -> _V:
        """The value kept under ``key``, else ``make()`` kept (an exception keeps nothing)."""
        with self._lock:
            if key in self._values:
                self._values.move_to_end(key)
                return self._values[key]
        value = make()
        with self._lock:
            self._values[key] = value
            while len(self._values) > self._size:
                self._values.popitem(last=False)
        return value

    def __len__(self) -> int:
        return len(self._values)


CODE: Kept[CodeType] = Kept()
"""Compiled template parts (see :meth:`.sandbox.BoundedSandbox.from_string`)."""

UNDECLARED: Kept[frozenset[str]] = Kept()
"""The undeclared variables of template parts (see :func:`.parts.check_template`)."""


__all__ = ["CODE", "KEPT", "UNDECLARED", "Kept", "digest", "options"]
