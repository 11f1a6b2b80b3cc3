"""What a notebook shows: HTML reprs (escaped), DataFrames with proper dtypes, inline charts."""

from __future__ import annotations

import io
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import pytest
from PIL import Image

import safecommunity_docs as scd
from safecommunity_docs import analyse, build, charts, check, load, score
from safecommunity_docs.compliance import Finding, Findings, Severity
from safecommunity_docs.errors import MissingDependency

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "qinghe-street"


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _parse(html: str) -> _Text:
    parser = _Text()
    parser.feed(html)
    parser.close()
    return parser


@pytest.fixture(scope="module")
def dossier() -> scd.Dossier:
    return load(EXAMPLE)


def test_score_report_shows_verdict_total_and_every_element(dossier: scd.Dossier) -> None:
    report = score(dossier)
    parsed = _parse(report._repr_html_())
    text = "".join(parsed.text)
    assert report.verdict.label in text
    assert str(report.total) in text
    for element in report.elements:
        assert element.title in text
    assert "table" in parsed.tags


def test_score_report_to_pandas_has_numeric_and_categorical_columns(dossier: scd.Dossier) -> None:
    report = score(dossier)
    items = report.to_pandas()
    assert len(items) == len(report.items)
    assert items["max"].dtype == "float64"
    assert items["score"].dtype == "float64"
    assert isinstance(items["element_id"].dtype, pd.CategoricalDtype)
    scored = [i for i in report.items if i.score is not None]
    assert items["score"].sum() == pytest.approx(float(sum(i.score for i in scored if i.score)))
    elements = report.to_pandas("elements")
    assert list(elements["title"]) == [e.title for e in report.elements]
    assert elements["percent"].dtype == "float64"


def test_findings_show_grouped_and_escaped(dossier: scd.Dossier) -> None:
    findings = check(dossier)
    frame = findings.to_pandas()
    assert len(frame) == len(findings)
    assert frame["severity"].cat.ordered
    assert list(frame["severity"].cat.categories) == ["error", "warning", "info"]
    assert frame["line"].dtype == "Int64"
    hostile = Finding(
        rule="SC-E1-001",
        element=1,
        element_title="组织机构",
        severity=Severity.ERROR,
        path="community.name",
        message_zh="<script>alert(1)</script>",
        message_en="x",
        detail="",
        reference="",
    )
    html = Findings((hostile,))._repr_html_()
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert "组织机构" in "".join(_parse(html).text)
    assert "no findings" in Findings()._repr_html_()


def test_statistics_tables_and_frames(dossier: scd.Dossier) -> None:
    stats = analyse(dossier)
    html = stats._repr_html_()
    text = "".join(_parse(html).text)
    assert str(stats.record_count) in text
    assert stats.cause.title in text
    long = stats.to_pandas()
    cause = long[long["dimension"] == "cause"]
    assert cause["count"].sum() == stats.cause.total == stats.record_count
    assert cause["share"].dtype == "float64"
    assert isinstance(long["dimension"].dtype, pd.CategoricalDtype)
    one = stats.cause.to_pandas()
    assert list(one["label"]) == [r.label for r in stats.cause.rows]
    assert one["label"].cat.ordered
    assert one["code"].dtype == "Int64"
    rates = stats.rates.to_pandas()
    assert rates["rate"].dtype == "float64"
    total = rates[
        (rates["age_group"] == rates["age_group"].cat.categories[-1]) & (rates["sex"] == "合计")
    ]
    assert stats.rates.overall.rate is not None
    assert total["rate"].iloc[0] == pytest.approx(float(stats.rates.overall.rate))


def test_build_result_lists_files_with_pages(dossier: scd.Dossier, tmp_path: Path) -> None:
    result = build(dossier, tmp_path / "out", formats=["xlsx"])
    parsed = _parse(result._repr_html_())
    assert parsed.tags.count("a") == len(result.outputs)
    text = "".join(parsed.text)
    for output in result.outputs:
        assert output.path.name in text
    in_memory = build(dossier, formats=["xlsx"])
    assert _parse(in_memory._repr_html_()).tags.count("a") == 0


def test_charts_display_inline_as_png(dossier: scd.Dossier) -> None:
    found = charts(dossier)
    assert found
    assert dossier.diagnosis is not None
    first = found[0]
    image = Image.open(io.BytesIO(first._repr_png_()))
    assert image.format == "PNG"
    assert image.width > 300
    assert first.title in repr(first)


def test_to_pandas_without_pandas_says_how_to_install(
    dossier: scd.Dossier, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(MissingDependency, match=r"safecommunity-docs\[pandas\]"):
        score(dossier).to_pandas()
