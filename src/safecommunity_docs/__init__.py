"""safecommunity-docs: typed data in, standard-compliant Chinese Safe Community dossiers out.

Load a community folder with :func:`load`, check it with :func:`validate`; every model of the
dossier (``Community``, ``WorkPlan``, ``DiagnosisReport``, ``PromotionProject``, ``Assessment``,
``InjuryRecord``, ``Rubric``) is importable from here.
"""

from . import codes
from .api import ValidationReport, validate
from .errors import (
    ConversionError,
    ConverterNotFound,
    InputError,
    InputNotFound,
    Problem,
    SafeCommunityDocsError,
    TemplateError,
)
from .io import load, load_file, load_rubric, read_records, rubric_ids
from .models import (
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

__version__ = "0.1.0"

__all__ = [
    "Assessment",
    "BuildOptions",
    "Community",
    "ConversionError",
    "ConverterNotFound",
    "DiagnosisReport",
    "Dossier",
    "InjuryRecord",
    "InputError",
    "InputNotFound",
    "Problem",
    "PromotionProject",
    "Rubric",
    "SafeCommunityDocsError",
    "TemplateError",
    "TextChange",
    "ValidationReport",
    "WorkPlan",
    "__version__",
    "codes",
    "json_schema",
    "load",
    "load_file",
    "load_rubric",
    "read_records",
    "rubric_ids",
    "validate",
    "write_schemas",
]
