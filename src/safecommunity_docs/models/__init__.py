"""Typed input models of a Safe Community dossier (pydantic v2; pure: no I/O, no rendering)."""

from .annual_summary import AnnualSummary
from .application import Application
from .assessment import Assessment, ItemScore, PreviousResult
from .base import Month, RuleViolations, StrictModel, TextChange, normalise_text
from .common import Annex, Budget, BudgetLine, Person, QuantTarget, Table, TargetDirection
from .community import AgeBand, Community, Contact, Facilities, Honor, Population
from .counting import RecordCount
from .diagnosis import (
    Conclusions,
    DataSource,
    DiagnosisReport,
    Hazard,
    HazardUnit,
    Recommendation,
    Survey,
    SurveyResult,
)
from .dossier import Acknowledgement, BuildOptions, Dossier
from .injury import InjuryRecord
from .operating_rules import OperatingRules
from .organisation import Committee, Office, Organisation, WorkingGroup
from .pack import Assumption, Pack, PackCover, PackStandard, ProjectAreas
from .project import (
    Evaluation,
    Measure,
    Milestone,
    ProjectTarget,
    PromotionProject,
    Resources,
    Responsibility,
    TargetGroup,
)
from .rubric import Reapplication, Rubric, RubricElement, RubricItem, RubricPart, VerdictBand
from .section import Intro, PointStyle, Section
from .work_plan import (
    STANDARD_SECTIONS,
    BasisDocument,
    CustomSection,
    Objectives,
    Phase,
    Task,
    WorkPlan,
)

__all__ = [
    "STANDARD_SECTIONS",
    "Acknowledgement",
    "AgeBand",
    "Annex",
    "AnnualSummary",
    "Application",
    "Assessment",
    "Assumption",
    "BasisDocument",
    "Budget",
    "BudgetLine",
    "BuildOptions",
    "Committee",
    "Community",
    "Conclusions",
    "Contact",
    "CustomSection",
    "DataSource",
    "DiagnosisReport",
    "Dossier",
    "Evaluation",
    "Facilities",
    "Hazard",
    "HazardUnit",
    "Honor",
    "InjuryRecord",
    "Intro",
    "ItemScore",
    "Measure",
    "Milestone",
    "Month",
    "Objectives",
    "Office",
    "OperatingRules",
    "Organisation",
    "Pack",
    "PackCover",
    "PackStandard",
    "Person",
    "Phase",
    "PointStyle",
    "Population",
    "PreviousResult",
    "ProjectAreas",
    "ProjectTarget",
    "PromotionProject",
    "QuantTarget",
    "Reapplication",
    "Recommendation",
    "RecordCount",
    "Resources",
    "Responsibility",
    "Rubric",
    "RubricElement",
    "RubricItem",
    "RubricPart",
    "RuleViolations",
    "Section",
    "StrictModel",
    "Survey",
    "SurveyResult",
    "Table",
    "TargetDirection",
    "TargetGroup",
    "Task",
    "TextChange",
    "VerdictBand",
    "WorkPlan",
    "WorkingGroup",
    "normalise_text",
]
