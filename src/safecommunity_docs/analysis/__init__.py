"""Injury statistics: pure functions from injury records (and the community) to typed tables.

``analyse(records, community)`` returns an :class:`InjuryStatistics` holding every frequency
table (shares by largest remainder, adding up to exactly 100), the sex × age table, rates per
1,000 residents per year (overall, by sex, by age group × sex, by calendar year), year-on-year
change, the focus groups' leading causes, the
两高一脆弱 / 三重点 findings and possible duplicate records. Nothing here reads files or formats
text beyond the code lists' labels and the age-group labels.
"""

from .baselines import (
    Baseline,
    count_filter,
    effective_baseline,
    project_baselines,
    record_baseline,
)
from .effect import RateRatio, rate_ratio
from .findings import (
    DEFAULT_RULES,
    Finding,
    FindingCategory,
    FindingRules,
    high_risk_environments,
    high_risk_groups,
    vulnerable_groups,
)
from .focus import (
    FocusGroup,
    children,
    children_top_causes,
    disabled_people,
    disabled_top_causes,
    focus_groups,
    group_top_causes,
    older_people,
    older_top_causes,
    top_causes,
)
from .groups import (
    DEFAULT_GROUPS,
    AgeGroups,
    SexAgeRow,
    SexAgeTable,
    by_age_group,
    sex_age_table,
)
from .priorities import derive_findings, findings, key_groups, key_places, key_problems
from .rates import (
    AgeSexRates,
    Rate,
    RateTable,
    YearChange,
    YearRates,
    band_population,
    overall_rate,
    rate,
    rate_table,
    year_on_year,
    year_rates,
    years_covered,
)
from .rounding import change_percent, largest_remainder, percent, quantize
from .statistics import InjuryStatistics, analyse, duplicate_pairs
from .tables import (
    CODED_FIELDS,
    MISSING_LABEL,
    CodedField,
    CountRow,
    CountTable,
    by_hour,
    by_month,
    by_sub_unit,
    by_year,
    count_by,
    count_values,
    make_table,
)

__all__ = [
    "CODED_FIELDS",
    "DEFAULT_GROUPS",
    "DEFAULT_RULES",
    "MISSING_LABEL",
    "AgeGroups",
    "AgeSexRates",
    "Baseline",
    "CodedField",
    "CountRow",
    "CountTable",
    "Finding",
    "FindingCategory",
    "FindingRules",
    "FocusGroup",
    "InjuryStatistics",
    "Rate",
    "RateRatio",
    "RateTable",
    "SexAgeRow",
    "SexAgeTable",
    "YearChange",
    "YearRates",
    "analyse",
    "band_population",
    "by_age_group",
    "by_hour",
    "by_month",
    "by_sub_unit",
    "by_year",
    "change_percent",
    "children",
    "children_top_causes",
    "count_by",
    "count_filter",
    "count_values",
    "derive_findings",
    "disabled_people",
    "disabled_top_causes",
    "duplicate_pairs",
    "effective_baseline",
    "findings",
    "focus_groups",
    "group_top_causes",
    "high_risk_environments",
    "high_risk_groups",
    "key_groups",
    "key_places",
    "key_problems",
    "largest_remainder",
    "make_table",
    "older_people",
    "older_top_causes",
    "overall_rate",
    "percent",
    "project_baselines",
    "quantize",
    "rate",
    "rate_ratio",
    "rate_table",
    "record_baseline",
    "sex_age_table",
    "top_causes",
    "vulnerable_groups",
    "year_on_year",
    "year_rates",
    "years_covered",
]
