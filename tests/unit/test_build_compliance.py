"""A build runs the compliance check once: findings in the result, manifest.json and 合规检查报告.xlsx;
``strict`` refuses unacknowledged errors; an acknowledgement's reason is recorded."""

from __future__ import annotations

import io
import json
import re
import sys
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet
from pypdf import PdfReader

from safecommunity_docs import InputError, build, load
from safecommunity_docs.build import context_for
from safecommunity_docs.cli import main
from safecommunity_docs.compliance import Findings, check
from safecommunity_docs.kinds import annex_titles, base, default_order, kinds
from tests.compliance_base import broken, clean, dossier, write_dossier, yaml_line
from tests.lo import to_pdf

REPORT = "合规检查报告.xlsx"
HEADER = [
    "序号",
    "规则",
    "要素",
    "严重程度",
    "位置/字段",
    "文件:行",
    "说明",
    "依据",
    "已确认",
    "确认理由",
]
SEVERITY = {"error": "错误", "warning": "警告", "info": "提示"}
REASON = '=HYPERLINK("http://example.com","信号灯已立项")，2026年12月完工'
ERRORS = ("SC-E3-012", "SC-E4-007")


def _acknowledged(data: dict[str, Any]) -> dict[str, Any]:
    data["options"] = {"acknowledged": [{"rule": rule, "reason": REASON} for rule in ERRORS]}
    return data


def _sheet(folder: Path) -> Worksheet:
    ws = load_workbook(folder / REPORT)["合规检查结果"]
    assert isinstance(ws, Worksheet)
    return ws


def _rows(ws: Worksheet) -> list[list[Any]]:
    return [[c.value for c in row] for row in ws.iter_rows(min_row=4)]


def _manifest(folder: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    return data


def test_build_puts_the_findings_into_the_result_the_manifest_and_the_workbook(
    tmp_path: Path,
) -> None:
    path = write_dossier(tmp_path / "in", broken())
    expected = check(load(path))
    out = tmp_path / "out"
    result = build(load(path), out, formats=["xlsx"])
    assert result.findings == expected
    assert _manifest(out)["findings"] == expected.to_list()
    assert (out / REPORT) in result.paths
    entry = next(f for f in _manifest(out)["files"] if f["path"] == REPORT)
    assert (entry["kind"], entry["format"]) == ("compliance_report", "xlsx")
    ws = _sheet(out)
    assert [c.value for c in ws[3]] == HEADER
    rows = _rows(ws)
    assert len(rows) == len(expected)
    for n, (row, finding) in enumerate(zip(rows, expected, strict=True), start=1):
        assert row[:6] == [
            n,
            finding.rule,
            f"{finding.element} {finding.element_title}",
            SEVERITY[finding.severity.value],
            finding.path,
            finding.location,
        ]
        assert row[6].split("\n") == [finding.message_zh, finding.message_en, finding.detail]
        assert row[7:] == [finding.reference, "否", None]
    assert ws["A1"].value == "测试街道合规检查报告"
    assert ws["A2"].value == "共 5 条：错误 2 条（已确认 0 条，未确认 2 条）、警告 2 条、提示 1 条"


def test_the_workbook_filters_freezes_its_header_and_prints_landscape_fitted(
    tmp_path: Path,
) -> None:
    result = build(dossier(broken()), tmp_path / "out", formats=["xlsx"])
    ws = _sheet(tmp_path / "out")
    last = 3 + len(result.findings)
    assert ws.auto_filter.ref == f"A3:J{last}"
    assert ws.freeze_panes == "A4"
    assert ws.print_title_rows == "$3:$3"
    assert ws.page_setup.orientation == "landscape"
    assert ws.page_setup.fitToWidth == 1
    assert ws.page_setup.fitToHeight == 0
    assert ws.sheet_properties.pageSetUpPr is not None
    assert ws.sheet_properties.pageSetUpPr.fitToPage


def test_error_findings_become_build_warnings_with_file_and_line(tmp_path: Path) -> None:
    path = write_dossier(tmp_path / "in", broken())
    result = build(load(path), tmp_path / "out", formats=["xlsx"])
    line = yaml_line(path, "work_plan.objectives.targets[1].baseline")
    found = [w for w in result.warnings if re.search(r": SC-E\d+-\d{3} ", w)]
    assert len(found) == 2
    assert any(
        w.startswith(f"{path}:{line} work_plan.objectives.targets[1].baseline: SC-E4-007 ")
        for w in found
    )
    assert _manifest(tmp_path / "out")["warnings"] == result.warnings


def test_strict_refuses_unacknowledged_errors_and_writes_nothing(tmp_path: Path) -> None:
    path = write_dossier(tmp_path / "in", broken())
    with pytest.raises(InputError, match="strict build refused: 2 compliance error") as caught:
        build(load(path), tmp_path / "out", formats=["xlsx"], strict=True)
    problems = caught.value.problems
    assert [p.path for p in problems] == [
        "diagnosis.hazard_units[0].hazards[0].deadline",
        "work_plan.objectives.targets[1].baseline",
    ]
    assert [p.message.split()[0] for p in problems] == list(ERRORS)
    assert problems[0].file == str(path)
    assert problems[0].line == yaml_line(path, "diagnosis.hazard_units[0].hazards[0].deadline")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in"]


def test_strict_builds_when_every_error_is_acknowledged_and_records_the_reason(
    tmp_path: Path,
) -> None:
    path = write_dossier(tmp_path / "in", _acknowledged(broken()))
    out = tmp_path / "out"
    result = build(load(path), out, formats=["xlsx"], strict=True)
    assert result.findings.blocking == Findings()
    assert not [w for w in result.warnings if "SC-E" in w]
    recorded = [f for f in _manifest(out)["findings"] if f["acknowledged"]]
    assert [(f["rule"], f["reason"]) for f in recorded] == [(rule, REASON) for rule in ERRORS]
    ws = _sheet(out)
    rows = {row[1]: row for row in _rows(ws)}
    for rule in ERRORS:
        assert rows[rule][8:] == ["是", REASON]
    # The reason looks like a formula; it is written as text, as typed.
    cells = [c for row in ws.iter_rows() for c in row if c.value == REASON]
    assert len(cells) == 2
    assert all(c.data_type == "s" for c in cells)
    assert not [c for row in ws.iter_rows() for c in row if c.data_type == "f"]


def test_cli_build_strict_exits_1_then_builds_once_acknowledged(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = write_dossier(tmp_path / "bad", broken())
    out = tmp_path / "out"
    assert main(["build", str(bad), "-o", str(out), "--formats", "xlsx", "--strict"]) == 1
    err = capsys.readouterr().err
    assert "strict build refused" in err
    assert all(rule in err for rule in ERRORS)
    assert not out.exists()
    good = write_dossier(tmp_path / "good", _acknowledged(broken()))
    assert main(["build", str(good), "-o", str(out), "--formats", "xlsx", "--strict"]) == 0
    assert (out / REPORT).is_file()
    assert [f["reason"] for f in _manifest(out)["findings"] if f["acknowledged"]] == [REASON] * 2


def test_the_check_runs_once_per_build_on_the_shared_score_and_statistics(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: dict[str, int] = {"check": 0, "analyse": 0, "score": 0}

    def counted(name: str, fn: Any) -> Any:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            calls[name] += 1
            return fn(*args, **kwargs)

        return wrapper

    for name in calls:
        monkeypatch.setattr(base, name, counted(name, getattr(base, name)))
    # The checker computes the score and the statistics itself only when it is not given them.
    checker = sys.modules["safecommunity_docs.compliance.check"]
    for name, own in (("analyse", "checker analyse"), ("score_assessment", "checker score")):
        calls[own] = 0
        monkeypatch.setattr(checker, name, counted(own, getattr(checker, name)))
    build(dossier(broken()), tmp_path / "out", formats=["xlsx"])
    assert calls == {
        "check": 1,
        "analyse": 1,
        "score": 1,
        "checker analyse": 0,
        "checker score": 0,
    }


def test_the_report_comes_last_and_is_no_annex_of_the_application() -> None:
    assert default_order()[-1] == "compliance_report"
    data = dossier()
    annexes = annex_titles(kinds(), data)
    assert annexes
    assert not [a for a in annexes if "合规检查" in a]
    assert [d.stem for d in kinds()[-1].documents(data)] == ["合规检查报告"]


def test_a_clean_dossier_gets_a_report_with_no_rows(tmp_path: Path) -> None:
    result = build(dossier(clean()), tmp_path / "out", formats=["xlsx"])
    assert result.findings == Findings()
    ws = _sheet(tmp_path / "out")
    assert _rows(ws) == []
    assert ws["A2"].value == "共 0 条：错误 0 条、警告 0 条、提示 0 条"


@pytest.mark.libreoffice
def test_the_report_converts_to_a_pdf_with_the_header_on_every_page(tmp_path: Path) -> None:
    """Enough findings for several printed pages: LibreOffice converts the workbook, and every
    page repeats the header row and shows its page number."""
    data = broken()
    hazards = data["diagnosis"]["hazard_units"][0]["hazards"]
    for n in range(60):
        hazards.append({**hazards[0], "description": f"第{n}处隐患：路口无信号灯"})
    result = build(dossier(data), tmp_path / "out", formats=["xlsx"])
    assert len(result.findings) > 60
    pdf = PdfReader(io.BytesIO(to_pdf(REPORT, (tmp_path / "out" / REPORT).read_bytes(), tmp_path)))
    pages = [page.extract_text() for page in pdf.pages]
    assert len(pages) > 1
    assert "测试街道合规检查报告" in pages[0]
    for n, text in enumerate(pages, start=1):
        assert "确认理由" in text, n
        assert f"第 {n} 页，共 {len(pages)} 页" in text, n
    printed = "".join(pages)
    assert all(f.rule in printed for f in result.findings)
    assert "第59处隐患" in printed


def test_context_findings_are_the_check_of_the_dossier() -> None:
    data = dossier(broken())
    context = context_for(data)
    assert context.findings == check(data)
    assert context.findings is context.findings
