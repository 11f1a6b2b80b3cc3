"""The tutorial notebook runs from top to bottom and shows what it promises: the HTML views of
the findings, the score and the statistics, DataFrames, an inline chart and a build."""

from __future__ import annotations

from pathlib import Path

import nbformat
from nbclient import NotebookClient

import safecommunity_docs as scd

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOK = ROOT / "docs" / "tutorial.ipynb"


def test_the_tutorial_executes_and_shows_html_views_and_a_chart() -> None:
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    NotebookClient(
        notebook,
        timeout=600,
        kernel_name="python3",
        resources={"metadata": {"path": NOTEBOOK.parent}},
    ).execute()
    outputs = [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    html = "".join(o.get("data", {}).get("text/html", "") for o in outputs)
    pngs = [o["data"]["image/png"] for o in outputs if "image/png" in o.get("data", {})]
    report = scd.score(scd.load(ROOT / "examples" / "qinghe-street"))
    assert report.verdict.label in html  # the score report's badge
    assert "伤害" in html  # the statistics view
    assert "<table" in html  # findings, DataFrames
    assert "dossier.pdf" not in html  # the tutorial builds Word and Excel only
    assert len(pngs) == 1  # the chart, inline
    assert "<a href=" in html  # the build result links its files
