"""The library's exception tree: one root, a category and an exit code per kind of failure.

The command line exits with these codes: 0 done, 1 invalid input, 2 usage error (argparse),
3 no such path, 4 broken template, 5 PDF conversion failed, 6 no LibreOffice, 7 a font is
missing, 8 ``build --strict`` with warnings.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with one input value, located as precisely as the source allows.

    ``path`` is the field path inside the document (``phases[2].end``); ``file``, ``line`` and
    ``column`` (1-based) locate it in the source file when the value came from one.
    """

    path: str
    message: str
    file: str | None = None
    line: int | None = None
    column: int | None = None

    @property
    def location(self) -> str:
        """Return ``file:line:col`` (as much of it as is known), or an empty string."""
        if self.file is None:
            return ""
        parts = [self.file]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)

    def __str__(self) -> str:
        head = " ".join(p for p in (self.location, self.path) if p)
        return f"{head}: {self.message}" if head else self.message


class SafeCommunityDocsError(Exception):
    """Root of every error the library raises on purpose."""

    category: str = "error"
    exit_code: int = 1


class InputError(SafeCommunityDocsError, ValueError):
    """Input data is invalid; ``problems`` lists every problem found, each located."""

    category = "input"
    exit_code = 1

    def __init__(self, problems: Sequence[Problem], summary: str | None = None) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        lines = [str(p) for p in self.problems]
        head = summary or f"{len(self.problems)} problem(s) in the input"
        super().__init__(head + ("\n" + "\n".join(lines) if lines else ""))


class InputNotFound(SafeCommunityDocsError, FileNotFoundError):
    """An input path does not exist (the CLI exits with 3; 2 is a usage error)."""

    category = "not-found"
    exit_code = 3

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        super().__init__(f"{self.path}: no such file or folder")


class TemplateError(SafeCommunityDocsError):
    """A Word template is broken or refers to names the document's view does not provide."""

    category = "template"
    exit_code = 4

    def __init__(
        self,
        message: str,
        template: str | None = None,
        part: str | None = None,
        variables: Sequence[str] = (),
    ) -> None:
        self.template = template
        self.part = part
        self.variables = tuple(variables)
        where = ":".join(x for x in (template, part) if x)
        super().__init__(f"{where}: {message}" if where else message)


class ConversionError(SafeCommunityDocsError):
    """A converter (LibreOffice) failed to turn a document into PDF."""

    category = "conversion"
    exit_code = 5

    def __init__(
        self,
        message: str,
        converter: str = "",
        returncode: int | None = None,
        stderr_tail: str = "",
    ) -> None:
        self.converter = converter
        self.returncode = returncode
        self.stderr_tail = stderr_tail
        super().__init__(message)


class ConverterNotFound(ConversionError):
    """No usable converter is installed; the message says how to install one."""

    category = "converter-not-found"
    exit_code = 6


class FontNotFound(SafeCommunityDocsError, RuntimeError):
    """A font the library draws with (the CJK font of the charts, a font of the PDF mapping) is
    not installed."""

    category = "font-not-found"
    exit_code = 7


class MissingDependency(SafeCommunityDocsError, ImportError):
    """An optional part the call needs is not installed; the message names the install step.

    Raised at the call that needs the part (a chart, a workbook, a PDF), never at import time:
    ``import safecommunity_docs``, ``validate`` and ``score`` work without any optional part.
    """

    category = "missing-dependency"
    exit_code = 9

    def __init__(self, module: str, needed_for: str, install: str) -> None:
        self.module = module
        self.needed_for = needed_for
        self.install = install
        super().__init__(f"{needed_for} needs the Python package '{module}': {install}")


_INSTALL_HINTS: dict[str, str] = {
    "matplotlib": "pip install 'safecommunity-docs' (matplotlib is a dependency; reinstall it)",
    "openpyxl": "pip install 'safecommunity-docs' (openpyxl is a dependency; reinstall it)",
    "docx": "pip install 'safecommunity-docs' (python-docx is a dependency; reinstall it)",
    "docxtpl": "pip install 'safecommunity-docs' (docxtpl is a dependency; reinstall it)",
    "pypdf": "pip install 'safecommunity-docs[pdf]'",
    "pandas": "pip install 'safecommunity-docs[pandas]'",
}


def require(module: str, needed_for: str) -> None:
    """Import ``module`` or raise :class:`MissingDependency` saying what needs it and how to
    install it."""
    import importlib

    try:
        importlib.import_module(module)
    except ImportError as exc:
        hint = _INSTALL_HINTS.get(module.split(".")[0], f"pip install {module}")
        raise MissingDependency(module, needed_for, hint) from exc
