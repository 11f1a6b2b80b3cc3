"""The Jinja sandbox of Word templates, with bounds on time, value sizes and output size.

Templates are data written by users, so a template must not be able to hang or exhaust a
build. On top of :class:`jinja2.sandbox.SandboxedEnvironment` (no private attributes, ranges of
at most ``MAX_RANGE`` = 100,000 items) this environment

* refuses ``{% include %}``, ``{% import %}``, ``{% from … import %}`` and ``{% extends %}``
  when the template is parsed (a template is one self-contained part);
* refuses operators and calls whose result would be larger than :data:`MAX_VALUE_CHARS`
  characters or items (``'A' * 10**9``, ``'a'|center(10**9)``, ``'%*d' % (10**9, 1)``) or an
  integer beyond :data:`MAX_INT_BITS` bits (``10 ** 10 ** 10``), before computing them;
* stops a part whose evaluation takes longer than :data:`MAX_SECONDS` or writes more than
  :data:`MAX_PART_CHARS` characters; the clock is looked at on every loop step, call,
  attribute look-up, operator, filter and piece of output.

Every refusal is a :class:`jinja2.exceptions.SecurityError`; the engine reports it as a
``TemplateError`` naming the template and the part.
"""

from __future__ import annotations

import math
import re
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, MutableMapping, Sized
from types import CodeType
from typing import Any

from jinja2 import Environment, StrictUndefined, Template, nodes
from jinja2.exceptions import SecurityError
from jinja2.runtime import Context
from jinja2.sandbox import SandboxedEnvironment

from .compiled import CODE, digest, options

MAX_SECONDS = 20.0
"""Wall time one part of a template (body, a header, a footer, the core properties) may take."""

MAX_PART_CHARS = 64_000_000
"""Characters one rendered part may hold (the XML, user text included)."""

MAX_VALUE_CHARS = 1_000_000
"""Characters (or items) of any one value a template computes, and the largest integer argument
a call or filter accepts."""

MAX_INT_BITS = 4096
"""Bits of the largest integer a template operator may produce."""

MAX_RANGE = 100_000
"""Numbers one ``range()`` may hold (as jinja2.sandbox)."""

_REFUSED_TAGS: dict[type[nodes.Node], str] = {
    nodes.Include: "{% include %}",
    nodes.Import: "{% import %}",
    nodes.FromImport: "{% from … import %}",
    nodes.Extends: "{% extends %}",
}
_PRINTF = re.compile(r"%[#0\- +]*(\*|\d+)?(?:\.(\*|\d+))?")


def _size(value: object) -> int:
    return len(value) if isinstance(value, (str, bytes, list, tuple)) else 0


class BoundedSandbox(SandboxedEnvironment):
    """A :class:`SandboxedEnvironment` that refuses what could hang or exhaust the process."""

    intercepted_binops = frozenset({"*", "**", "%", "+"})

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self.deadline = math.inf
        self.filters = {name: self._bounded(f) for name, f in self.filters.items()}
        self.globals["range"] = self._range

    def start_clock(self) -> None:
        """Give the part rendered next :data:`MAX_SECONDS`."""
        self.deadline = time.monotonic() + MAX_SECONDS

    def tick(self) -> None:
        """Raise :class:`SecurityError` when the part's time is up."""
        if time.monotonic() > self.deadline:
            raise SecurityError(f"the template ran longer than {MAX_SECONDS:g} s")

    def from_string(
        self,
        source: str | nodes.Template,
        globals: MutableMapping[str, Any] | None = None,
        template_class: type[Template] | None = None,
    ) -> Template:
        """A template of ``source`` bound to this environment, its code compiled once per
        process (see :mod:`.compiled`)."""
        if not isinstance(source, str):
            return super().from_string(source, globals, template_class)
        key = (digest(source), options(self))
        code = CODE.get(key, lambda: self._code(source))
        cls = template_class or self.template_class
        return cls.from_code(self, code, self.make_globals(globals), None)

    def _code(self, source: str) -> CodeType:
        code = self.compile(source)
        assert isinstance(code, CodeType)  # compile returns code unless raw
        return code

    # parsing: refuse tags that reach outside the part; bound every loop
    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        tree = super()._parse(source, name, filename)
        for kind, tag in _REFUSED_TAGS.items():
            found = next(iter(tree.find_all(kind)), None)
            if found is not None:
                raise SecurityError(f"{tag} is not allowed in a template (line {found.lineno})")
        for loop in tree.find_all(nodes.For):
            loop.iter = nodes.Call(
                nodes.EnvironmentAttribute("bounded_iter"), [loop.iter], [], None, None
            )
        return tree

    def bounded_iter(self, iterable: Iterable[Any]) -> Iterator[Any]:
        """Iterate ``iterable``, looking at the clock on every step."""
        for item in iterable:
            self.tick()
            yield item

    def _range(self, *args: int) -> Iterator[int]:
        self._check_ints(args)
        numbers = range(*args)
        if len(numbers) > MAX_RANGE:
            raise SecurityError(f"range of {len(numbers)} numbers (the limit is {MAX_RANGE})")
        return self.bounded_iter(numbers)

    # values
    @staticmethod
    def _check_ints(values: Iterable[object]) -> None:
        for value in values:
            if isinstance(value, int) and abs(value) > MAX_VALUE_CHARS:
                raise SecurityError(f"argument {value} is larger than {MAX_VALUE_CHARS}")

    @staticmethod
    def _check_size(size: int, what: str) -> None:
        if size > MAX_VALUE_CHARS:
            raise SecurityError(f"{what} would hold {size} items (the limit is {MAX_VALUE_CHARS})")

    def _check_result(self, value: object) -> object:
        self.tick()
        if isinstance(value, Sized) and not isinstance(value, Mapping):
            self._check_size(len(value), "a value")
        return value

    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        """Check the size of ``left operator right`` before computing it."""
        self.tick()
        ints = isinstance(left, int) and isinstance(right, int)
        if operator == "*":
            if ints and left.bit_length() + right.bit_length() > MAX_INT_BITS:
                raise SecurityError(f"a product beyond {MAX_INT_BITS} bits")
            for seq, count in ((left, right), (right, left)):
                if _size(seq) and isinstance(count, int):
                    self._check_size(_size(seq) * count, "a repetition")
        elif operator == "**" and ints:
            if abs(left) > 1 and right * math.log2(abs(left)) > MAX_INT_BITS:
                raise SecurityError(f"a power beyond {MAX_INT_BITS} bits")
        elif operator == "+":
            self._check_size(_size(left) + _size(right), "a sum")
        elif operator == "%" and isinstance(left, str):
            for width in (w for m in _PRINTF.finditer(left) for w in m.groups() if w):
                if width == "*" or int(width) > MAX_VALUE_CHARS:
                    raise SecurityError(f"format width {width} in '%' formatting")
        return self._check_result(super().call_binop(context, operator, left, right))

    def call(__self, __context: Context, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        """Check integer arguments before a call and the size of its result after it."""
        __self.tick()
        __self._check_ints([*args, *kwargs.values()])
        return __self._check_result(super().call(__context, __obj, *args, **kwargs))

    def getattr(self, obj: Any, attribute: str) -> Any:
        """Look at the clock, then look the attribute up as the sandbox does."""
        self.tick()
        return super().getattr(obj, attribute)

    def getitem(self, obj: Any, argument: Any) -> Any:
        """Look at the clock, then look the item up as the sandbox does."""
        self.tick()
        return super().getitem(obj, argument)

    def _bounded(self, function: Callable[..., Any]) -> Callable[..., Any]:
        def bounded(*args: Any, **kwargs: Any) -> Any:
            self.tick()
            self._check_ints([*args, *kwargs.values()])
            strings = [_size(a) for a in (*args, *kwargs.values()) if isinstance(a, str)]
            if len(strings) >= 2:  # replace(old, new) and the like multiply their inputs
                self._check_size(max(strings) * max(sorted(strings)[-2], 1), "a filter result")
            return self._check_result(function(*args, **kwargs))

        for attribute in ("jinja_pass_arg",):
            if hasattr(function, attribute):
                setattr(bounded, attribute, getattr(function, attribute))
        return bounded


def render_bounded(env: Environment, chunks: Iterable[str]) -> str:
    """Join a template's output ``chunks``, stopping at the time and size bounds."""
    out: list[str] = []
    total = 0
    tick = env.tick if isinstance(env, BoundedSandbox) else None
    for chunk in chunks:
        total += len(chunk)
        if total > MAX_PART_CHARS:
            raise SecurityError(f"the part would be longer than {MAX_PART_CHARS} characters")
        if tick is not None:
            tick()
        out.append(chunk)
    return "".join(out)


def sandbox(autoescape: bool = True) -> BoundedSandbox:
    """The environment of every render: bounded sandbox, autoescaping (XML parts; plain text
    for the core properties), undefined is an error."""
    env = BoundedSandbox(autoescape=autoescape, undefined=StrictUndefined)
    env.template_class = _BoundedTemplate
    return env


class _BoundedTemplate(Template):
    """A template whose :meth:`render` starts the clock and keeps to the bounds."""

    def render(self, *args: Any, **kwargs: Any) -> str:
        env = self.environment
        if isinstance(env, BoundedSandbox):
            env.start_clock()
        context = self.new_context(dict(*args, **kwargs))
        return render_bounded(env, self.root_render_func(context))


__all__ = [
    "MAX_INT_BITS",
    "MAX_PART_CHARS",
    "MAX_RANGE",
    "MAX_SECONDS",
    "MAX_VALUE_CHARS",
    "BoundedSandbox",
    "render_bounded",
    "sandbox",
]
