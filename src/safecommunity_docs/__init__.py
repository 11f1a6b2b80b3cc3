"""safecommunity-docs: typed data in, standard-compliant Chinese Safe Community dossiers out.

Load a community folder with :func:`load`, check it with :func:`validate` (input errors) and
:func:`check` (compliance findings, as a reviewer reads it), score its
self-assessment with :func:`score`, and write its documents with :func:`build` (or one document
with :func:`render`); every model of the
dossier (``Community``, ``WorkPlan``, ``DiagnosisReport``, ``PromotionProject``, ``Assessment``,
``InjuryRecord``, ``Rubric``) is importable from here.
"""

from __future__ import annotations

import importlib
import sys
import types
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from . import codes
    from .analysis import InjuryStatistics
    from .api import (
        ValidationReport,
        analyse,
        charts,
        check,
        render,
        render_xlsx,
        score,
        validate,
    )
    from .batch import BatchResult, CommunityResult, batch
    from .build import BuildResult, Output, build
    from .compliance import Findings
    from .display.chart import Chart
    from .errors import (
        ConversionError,
        ConverterNotFound,
        FontNotFound,
        InputError,
        InputNotFound,
        MissingDependency,
        Problem,
        SafeCommunityDocsError,
        TemplateError,
    )
    from .io import (
        InjuryRecords,
        load,
        load_file,
        load_pack,
        load_rubric,
        pack_ids,
        read_records,
        rubric_ids,
    )
    from .models import (
        AnnualSummary,
        Assessment,
        BuildOptions,
        Community,
        DiagnosisReport,
        Dossier,
        InjuryRecord,
        Pack,
        PromotionProject,
        Rubric,
        TextChange,
        WorkPlan,
    )
    from .names import ChartFormat, Format, KindName
    from .render.pdf import Converter, FakeConverter, LibreOfficeConverter
    from .schema import json_schema, write_schemas
    from .scoring import ScoreReport

_EXPORTS: dict[str, str] = {
    "AnnualSummary": "models",
    "Assessment": "models",
    "BatchResult": "batch",
    "BuildOptions": "models",
    "BuildResult": "build",
    "Community": "models",
    "CommunityResult": "batch",
    "Chart": "display.chart",
    "ChartFormat": "names",
    "ConversionError": "errors",
    "Converter": "render.pdf",
    "ConverterNotFound": "errors",
    "DiagnosisReport": "models",
    "Dossier": "models",
    "FakeConverter": "render.pdf",
    "Findings": "compliance",
    "FontNotFound": "errors",
    "Format": "names",
    "InjuryRecords": "io",
    "InjuryRecord": "models",
    "InputError": "errors",
    "InputNotFound": "errors",
    "InjuryStatistics": "analysis",
    "KindName": "names",
    "LibreOfficeConverter": "render.pdf",
    "MissingDependency": "errors",
    "Output": "build",
    "Problem": "errors",
    "PromotionProject": "models",
    "Pack": "models",
    "Rubric": "models",
    "SafeCommunityDocsError": "errors",
    "ScoreReport": "scoring",
    "TemplateError": "errors",
    "TextChange": "models",
    "ValidationReport": "api",
    "WorkPlan": "models",
    "analyse": "api",
    "batch": "batch",
    "build": "build",
    "charts": "api",
    "check": "api",
    "codes": "",
    "json_schema": "schema",
    "load": "io",
    "load_file": "io",
    "load_pack": "io",
    "load_rubric": "io",
    "pack_ids": "io",
    "read_records": "io",
    "render": "api",
    "render_xlsx": "api",
    "rubric_ids": "io",
    "score": "api",
    "validate": "api",
    "write_schemas": "schema",
}
"""Public name -> the submodule that defines it ("" for a submodule itself). Importing the
package loads none of them: each is imported on first use (PEP 562), so ``import
safecommunity_docs`` stays light and a program pays only for what it uses."""


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = importlib.import_module(f".{module or name}", __name__)
    if module:
        value = getattr(value, name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_EXPORTS))


class _Package(types.ModuleType):
    """The package module: ``build`` and ``render`` are public functions that share their names
    with a submodule (``build.py``, ``render/``). Loading the submodule must not replace the
    function on the package, as the import system would by default."""

    def __setattr__(self, name: str, value: Any) -> None:
        if _EXPORTS.get(name) and isinstance(value, types.ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package


__version__ = "0.1.0"

__all__ = [
    "AnnualSummary",
    "Assessment",
    "BatchResult",
    "BuildOptions",
    "BuildResult",
    "Chart",
    "ChartFormat",
    "Community",
    "CommunityResult",
    "ConversionError",
    "Converter",
    "ConverterNotFound",
    "DiagnosisReport",
    "Dossier",
    "FakeConverter",
    "Findings",
    "FontNotFound",
    "Format",
    "InjuryRecord",
    "InjuryRecords",
    "InjuryStatistics",
    "InputError",
    "InputNotFound",
    "KindName",
    "LibreOfficeConverter",
    "MissingDependency",
    "Output",
    "Pack",
    "Problem",
    "PromotionProject",
    "Rubric",
    "SafeCommunityDocsError",
    "ScoreReport",
    "TemplateError",
    "TextChange",
    "ValidationReport",
    "WorkPlan",
    "__version__",
    "analyse",
    "batch",
    "build",
    "charts",
    "check",
    "codes",
    "json_schema",
    "load",
    "load_file",
    "load_pack",
    "load_rubric",
    "pack_ids",
    "read_records",
    "render",
    "render_xlsx",
    "rubric_ids",
    "score",
    "validate",
    "write_schemas",
]
