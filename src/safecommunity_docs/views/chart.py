"""Format-neutral chart data: what a chart shows, already labelled in Chinese by the view."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

ChartKind = Literal["bar", "barh", "pie", "line", "stacked_bar"]
"""``bar`` vertical (grouped when several series), ``barh`` horizontal, ``pie`` one series as
shares of its total, ``line`` one line per series, ``stacked_bar`` series stacked per category."""

CHART_KINDS: tuple[ChartKind, ...] = ("bar", "barh", "pie", "line", "stacked_bar")

ChartValue = Decimal | int


@dataclass(frozen=True, slots=True)
class ChartSeries:
    """One named run of values, one value per category of the chart it belongs to.

    Values are exact numbers (``int`` counts or ``Decimal`` rates and shares); the renderer
    prints a ``Decimal`` with the digits it has, so the view decides the precision.
    """

    name: str
    values: tuple[ChartValue, ...]

    def __post_init__(self) -> None:
        object.__setattr__(self, "values", tuple(self.values))
        for value in self.values:
            if isinstance(value, bool) or not isinstance(value, Decimal | int):
                raise ValueError(
                    f"series {self.name!r}: value {value!r} is not an int or a Decimal"
                )
            if isinstance(value, Decimal) and not value.is_finite():
                raise ValueError(f"series {self.name!r}: value {value} is not finite")


@dataclass(frozen=True, slots=True)
class ChartSpec:
    """A whole chart as data: its kind, Chinese title, category labels and series.

    ``x_label`` and ``y_label`` name the category and value axes as the reader sees them
    (for ``barh`` the value axis is horizontal, still ``y_label``). ``unit`` is appended to
    every printed value (``"%"``, ``"‰"``, ``"例"``); leave it empty when the axis label
    already says it. Construction raises ``ValueError`` when the shape is inconsistent.
    """

    kind: ChartKind
    title: str
    categories: tuple[str, ...]
    series: tuple[ChartSeries, ...]
    x_label: str = ""
    y_label: str = ""
    unit: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "categories", tuple(self.categories))
        object.__setattr__(self, "series", tuple(self.series))
        if self.kind not in CHART_KINDS:
            raise ValueError(f"unknown chart kind {self.kind!r}; expected one of {CHART_KINDS}")
        if not self.categories:
            raise ValueError(f"chart {self.title!r} has no categories")
        if not self.series:
            raise ValueError(f"chart {self.title!r} has no series")
        for series in self.series:
            if len(series.values) != len(self.categories):
                raise ValueError(
                    f"chart {self.title!r}: series {series.name!r} has {len(series.values)} "
                    f"values for {len(self.categories)} categories"
                )
        if len(self.series) > 1 and any(not s.name.strip() for s in self.series):
            raise ValueError(f"chart {self.title!r}: every series needs a name for the legend")
        if self.kind == "pie":
            self._check_pie()

    def _check_pie(self) -> None:
        if len(self.series) != 1:
            raise ValueError(f"pie chart {self.title!r} takes one series, not {len(self.series)}")
        values = self.series[0].values
        if any(v < 0 for v in values):
            raise ValueError(f"pie chart {self.title!r} has a negative value")
        if sum(values) <= 0:
            raise ValueError(f"pie chart {self.title!r} has nothing to share out (total is 0)")

    @property
    def multi_series(self) -> bool:
        """Whether the chart has several series and so needs a legend."""
        return len(self.series) > 1
