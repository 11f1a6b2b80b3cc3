"""DataFrames of the library's results, with proper dtypes: numbers as float64/int64,
categories as (ordered) categoricals, optional integers as Int64. Needs pandas (the ``pandas``
extra); a missing pandas raises :class:`~safecommunity_docs.MissingDependency`."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Literal

from ..errors import require

if TYPE_CHECKING:
    import pandas as pd

    from ..analysis import CountTable, InjuryStatistics, RateTable
    from ..compliance import Findings
    from ..scoring import ScoreReport

SEVERITIES = ("error", "warning", "info")


def _pandas() -> None:
    require("pandas", "DataFrames (to_pandas)")


def _float(value: Decimal | None) -> float:
    return float("nan") if value is None else float(value)


def count_table_frame(counts: CountTable) -> pd.DataFrame:
    """One frequency table: ``label`` (ordered categorical, table order), ``code`` (Int64),
    ``count`` (int64) and ``share`` in % (float64)."""
    _pandas()
    import pandas as pd

    labels = [r.label for r in counts.rows]
    return pd.DataFrame(
        {
            "label": pd.Categorical(labels, categories=list(dict.fromkeys(labels)), ordered=True),
            "code": pd.array([r.code for r in counts.rows], dtype="Int64"),
            "count": pd.array([r.count for r in counts.rows], dtype="int64"),
            "share": pd.array([float(r.share) for r in counts.rows], dtype="float64"),
        }
    )


def statistics_frame(stats: InjuryStatistics) -> pd.DataFrame:
    """Every frequency table in long form: ``dimension`` (categorical, in the statistics'
    order), ``title``, ``label``, ``code``, ``count``, ``share``."""
    _pandas()
    import pandas as pd

    frames = []
    for t in (*stats.tables, *stats.focus):
        frame = count_table_frame(t)
        frame["label"] = frame["label"].astype("string")
        frame.insert(0, "title", t.title)
        frame.insert(0, "dimension", t.dimension)
        frames.append(frame)
    out = pd.concat(frames, ignore_index=True)
    order = list(dict.fromkeys(out["dimension"]))
    out["dimension"] = pd.Categorical(out["dimension"], categories=order, ordered=True)
    out["title"] = out["title"].astype("string")
    return out


def rates_frame(rates: RateTable) -> pd.DataFrame:
    """Rates per 1,000 residents per year by age group and sex (合计 last): ``age_group``
    (ordered categorical), ``sex`` (categorical), ``count``, ``population`` (Int64), ``rate``
    (float64, NaN when it cannot be computed)."""
    _pandas()
    import pandas as pd

    rows = []
    for group in (*rates.rows, rates.totals):
        for sex, rate in (("男", group.male), ("女", group.female), ("合计", group.total)):
            rows.append((group.label, sex, rate.count, rate.population, _float(rate.rate)))
    labels = list(dict.fromkeys(r[0] for r in rows))
    return pd.DataFrame(
        {
            "age_group": pd.Categorical([r[0] for r in rows], categories=labels, ordered=True),
            "sex": pd.Categorical([r[1] for r in rows], categories=["男", "女", "合计"]),
            "count": pd.array([r[2] for r in rows], dtype="int64"),
            "population": pd.array([r[3] for r in rows], dtype="Int64"),
            "rate": pd.array([r[4] for r in rows], dtype="float64"),
        }
    )


def score_frame(report: ScoreReport, level: Literal["items", "elements"] = "items") -> pd.DataFrame:
    """The scored items (``id``, ``element_id`` categorical, ``text``, ``max``, ``score`` —
    NaN when N/A or unscored —, ``lost``, ``not_applicable``) or the elements (``id``,
    ``title``, ``score``, ``max``, ``percent``), numbers as float64."""
    _pandas()
    import pandas as pd

    if level == "elements":
        return pd.DataFrame(
            {
                "id": pd.array([e.id for e in report.elements], dtype="string"),
                "title": pd.array([e.title for e in report.elements], dtype="string"),
                "score": [float(e.score) for e in report.elements],
                "max": [float(e.max) for e in report.elements],
                "percent": [float(e.percent) for e in report.elements],
            }
        )
    elements = [e.id for e in report.elements]
    return pd.DataFrame(
        {
            "id": pd.array([i.id for i in report.items], dtype="string"),
            "element_id": pd.Categorical(
                [i.element_id for i in report.items], categories=elements, ordered=True
            ),
            "text": pd.array([i.text for i in report.items], dtype="string"),
            "max": [float(i.max) for i in report.items],
            "score": [_float(i.score) for i in report.items],
            "lost": [float(i.lost) for i in report.items],
            "not_applicable": pd.array([i.not_applicable for i in report.items], dtype="bool"),
        }
    )


def findings_frame(findings: Findings) -> pd.DataFrame:
    """One row per finding: ``severity`` (ordered categorical error < warning < info),
    ``rule``, ``element`` (int64), ``element_title``, ``path``, ``file``, ``line`` (Int64),
    both messages, ``detail``, ``reference``, ``acknowledged`` (bool) and ``reason``."""
    _pandas()
    import pandas as pd

    items = list(findings)

    def text(values: list[str] | list[str | None]) -> pd.api.extensions.ExtensionArray:
        return pd.array(values, dtype="string")

    return pd.DataFrame(
        {
            "severity": pd.Categorical(
                [f.severity.value for f in items], categories=list(SEVERITIES), ordered=True
            ),
            "rule": text([f.rule for f in items]),
            "element": pd.array([f.element for f in items], dtype="int64"),
            "element_title": text([f.element_title for f in items]),
            "path": text([f.path for f in items]),
            "file": text([f.file for f in items]),
            "line": pd.array([f.line for f in items], dtype="Int64"),
            "message_zh": text([f.message_zh for f in items]),
            "message_en": text([f.message_en for f in items]),
            "detail": text([f.detail for f in items]),
            "reference": text([f.reference for f in items]),
            "acknowledged": pd.array([f.acknowledged for f in items], dtype="bool"),
            "reason": text([f.reason for f in items]),
        }
    )
