"""Input: parse YAML/JSON/CSV/XLSX files with positions and validate them into models."""

from ..rubrics import pack_ids, rubric_ids
from .check import Checked, check
from .completeness import missing_parts
from .injury_file import InjuryRecords, read_records
from .loader import (
    DEFAULT_RUBRIC,
    PART_FILES,
    load,
    load_file,
    load_folder,
    load_rubric,
    load_text,
    model_for_file,
)
from .packs import load_pack
from .record_check import RecordSummary

__all__ = [
    "DEFAULT_RUBRIC",
    "PART_FILES",
    "Checked",
    "InjuryRecords",
    "RecordSummary",
    "check",
    "load",
    "load_file",
    "load_folder",
    "load_pack",
    "load_rubric",
    "load_text",
    "missing_parts",
    "model_for_file",
    "pack_ids",
    "read_records",
    "rubric_ids",
]
