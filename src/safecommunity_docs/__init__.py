"""safecommunity-docs: typed data in, standard-compliant Chinese Safe Community dossiers out.

Load a community folder with :func:`load`, check it with :func:`validate`, score its
self-assessment with :func:`score`, and write its documents with :func:`build` (or one document
with :func:`render`); every model of the
dossier (``Community``, ``WorkPlan``, ``DiagnosisReport``, ``PromotionProject``, ``Assessment``,
``InjuryRecord``, ``Rubric``) is importable from here.
"""

from . import codes
from .api import ValidationReport, render, render_xlsx, score, validate
from .build import BuildResult, Output, build
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
from .io import load, load_file, load_rubric, read_records, rubric_ids
from .models import (
    AnnualSummary,
    Assessment,
    BuildOptions,
    Community,
    DiagnosisReport,
    Dossier,
    InjuryRecord,
    PromotionProject,
    Rubric,
    TextChange,
    WorkPlan,
)
from .schema import json_schema, write_schemas
from .scoring import ScoreReport

__version__ = "0.1.0"

__all__ = [
    "AnnualSummary",
    "Assessment",
    "BuildOptions",
    "BuildResult",
    "Community",
    "ConversionError",
    "ConverterNotFound",
    "DiagnosisReport",
    "Dossier",
    "FontNotFound",
    "InjuryRecord",
    "InputError",
    "InputNotFound",
    "MissingDependency",
    "Output",
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
    "build",
    "codes",
    "json_schema",
    "load",
    "load_file",
    "load_rubric",
    "read_records",
    "render",
    "render_xlsx",
    "rubric_ids",
    "score",
    "validate",
    "write_schemas",
]
