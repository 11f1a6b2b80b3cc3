"""Batches: many communities through an executor, failures reported, rebuilds skipped, a PDF
cache so an unchanged document is never converted twice, and a Dask cluster as the executor."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from benchmarks.communities import make_communities
from openpyxl import load_workbook

from safecommunity_docs.batch import batch


def _communities(folder: Path, count: int, broken: int = 0) -> list[Path]:
    """``count`` varied communities (see benchmarks/communities.py); the last ``broken`` ones
    have a bad plan (an impossible date) or no community.yaml (a broken community.json)."""
    made = make_communities(folder, count)
    for k, target in enumerate(made[len(made) - broken :]):
        if k % 2 == 0:
            plan = target / "plan.yaml"
            plan.write_text(
                plan.read_text(encoding="utf-8") + "\nissue_date: 2026-13-40\n", encoding="utf-8"
            )
        else:
            (target / "community.yaml").unlink()
            (target / "community.json").write_text("{", encoding="utf-8")
    return made


def test_thirty_communities_two_broken_then_nothing_then_one(tmp_path: Path) -> None:
    made = _communities(tmp_path / "in", 30, broken=2)
    seen: list[str] = []
    first = batch(
        made,
        tmp_path / "out",
        ["docx", "xlsx"],
        jobs=2,
        progress=lambda row: seen.append(row.status),
    )
    assert (first.built, first.failed, first.unchanged) == (28, 2, 0)
    assert len(seen) == 30
    rows = first.rows()
    assert [r.source for r in rows] == [str(p) for p in made]
    failed = [r for r in rows if r.status == "failed"]
    assert [Path(r.source).name for r in failed] == [made[28].name, made[29].name]
    assert failed[0].error.startswith("input: ")
    assert "issue_date" in failed[0].error
    assert all(r.verdict for r in rows if r.status == "built")
    report = json.loads(first.report_json.read_text(encoding="utf-8"))
    assert report["summary"]["built"] == 28
    sheet = load_workbook(first.report_xlsx).active
    assert sheet is not None
    assert sheet.max_row == 31
    assert {sheet.cell(r, 2).value for r in range(2, 32)} == {"已生成", "失败"}
    for row in rows[:28]:
        manifest = json.loads((Path(row.output) / "manifest.json").read_text(encoding="utf-8"))
        assert manifest["fingerprint"]

    second = batch(made, tmp_path / "out", ["docx", "xlsx"], jobs=2)
    assert (second.built, second.unchanged, second.failed) == (0, 28, 2)
    assert all(r.verdict for r in second.rows() if r.status == "unchanged")

    plan = made[3] / "plan.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("。", "；", 1), encoding="utf-8")
    third = batch(made, tmp_path / "out", ["docx", "xlsx"], jobs=2)
    assert (third.built, third.unchanged, third.failed) == (1, 27, 2)
    assert [r.source for r in third.rows() if r.status == "built"] == [str(made[3])]
    forced = batch(made[:2], tmp_path / "out", ["docx", "xlsx"], jobs=1, force=True)
    assert forced.built == 2


@pytest.mark.libreoffice
def test_an_unchanged_document_is_never_converted_twice(tmp_path: Path) -> None:
    (community,) = _communities(tmp_path / "in", 1)
    first = batch([community], tmp_path / "out", ["docx", "pdf"], jobs=1).rows()[0]
    assert first.status == "built"
    assert first.converted > 5
    assert first.pages
    plan = community / "plan.yaml"
    text = plan.read_text(encoding="utf-8")
    plan.write_text(text.replace("。", "；", 1), encoding="utf-8")
    again = batch([community], tmp_path / "out", ["docx", "pdf"], jobs=1).rows()[0]
    assert again.status == "built"
    # the work plan (and what shows its text or its page count) converts again; the rest,
    # projects, diagnosis, self-assessment, cover, comes from the cache
    assert 1 <= again.converted <= first.converted // 3, (again.converted, first.converted)
    assert again.pages == first.pages


def test_the_same_batch_through_a_dask_cluster(tmp_path: Path) -> None:
    import distributed  # the dask extra; installed with dev

    made = _communities(tmp_path / "in", 4, broken=1)
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        result = batch(made, tmp_path / "out", ["docx"], client.get_executor())
    errors = [r.error for r in result.rows() if r.status == "failed"]
    assert (result.built, result.failed) == (3, 1), errors
    assert all((Path(r.output) / "manifest.json").is_file() for r in result.rows()[:3])


def test_the_batch_command_prints_a_summary_and_exits_1_when_one_failed(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from safecommunity_docs.cli import app as cli_app

    made = _communities(tmp_path / "in", 3, broken=1)
    runner = CliRunner()
    args = ["batch", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--formats", "xlsx"]
    failed = runner.invoke(cli_app.make_app(), [*args, "--jobs", "1"])
    assert failed.exit_code == 1, failed.output
    assert "2 built, 0 unchanged, 1 failed" in failed.output
    assert made[2].name in failed.output
    assert (tmp_path / "out" / "batch-report.xlsx").is_file()
    ok = runner.invoke(
        cli_app.make_app(),
        ["batch", *map(str, made[:2]), "-o", str(tmp_path / "out"), "--formats", "xlsx"],
    )
    assert ok.exit_code == 0, ok.output
    assert "0 built, 2 unchanged, 0 failed" in ok.output
