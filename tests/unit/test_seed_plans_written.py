"""The nine sample plans as written: no invented values; their own markers, section order and
dates kept through a YAML and a JSON round trip and into the Word document; a repeated marker
kept and reported as a warning."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from docx import Document

from safecommunity_docs.api import render
from safecommunity_docs.compliance import Severity, check
from safecommunity_docs.io import load_file
from safecommunity_docs.models.work_plan import WorkPlan
from safecommunity_docs.views.linebreak import ZWSP
from safecommunity_docs.views.numbering import chinese_number
from tests.compliance_base import clean, dossier
from tests.unit.test_seed_plans import FIXTURES, PLANS, SEED, written_dates


def cn(n: int, form: str = "（{}）") -> list[str]:
    """The first ``n`` Chinese numbers in ``form``: (一) (二) …, 一是 二是 …"""
    return [form.format(chinese_number(i)) for i in range(1, n + 1)]


def ar(n: int, form: str = "{}、") -> list[str]:
    """The first ``n`` Arabic numbers in ``form``: 1、 2、 …, (1) (2) …"""
    return [form.format(i) for i in range(1, n + 1)]


def _circled(n: int) -> list[str]:
    return list("①②③④⑤⑥⑦⑧⑨⑩"[:n])


H = cn(9, "{}、")
"""一、二、三、…"""
P = "({})"
"""The half-width brackets of the originals' (一) and (1)."""
DUTIES = (7, 3, 3, 3, 3, 3, 3, 5)

MARKERS: dict[int, list[str]] = {
    1: [
        *H[:3],
        "(一)",
        *cn(3, "{}是"),
        "(二)",
        "一是",
        "(二)",  # repeated in the original: kept, and reported
        *[m for g, d in enumerate(DUTIES, start=1) for m in (f"{g}、", *_circled(d))],
        H[3],
        *[m for p, t in enumerate((5, 7, 3, 3), start=1) for m in (f"{p}、", *ar(t, P))],
    ],
    2: [H[0], H[1], *ar(3), H[2], H[3]],
    3: [
        *H[:3],
        "(一)",
        *cn(4, "{}是"),
        *cn(6, P)[1:],
        H[3],
        *[
            m
            for p, t in enumerate((3, 5, 4, 0), start=1)
            for m in (f"({chinese_number(p)})", *ar(t))
        ],
        H[4],
        *cn(4, P),
    ],
    4: [*H[:3], "(一)是", "(二)是", *ar(3)],
    5: [H[0], *ar(3), H[1], *ar(6)],
    6: [H[0], H[1], *ar(2), H[2], *ar(5), H[3], *ar(2)],
    7: [
        H[0],
        H[1],
        *cn(4, P),
        H[2],
        "(一)",
        *ar(2, "{}."),
        "(二)",
        *ar(2, "{}."),
        "(三)",
        *ar(5, "{}."),
        "(四)",
        *ar(2),
        "(五)",
        *ar(5),
    ],
    8: [*H[:3], *cn(6, P), H[3], *cn(5, P)],
    9: [H[0], H[1], "(一)", *ar(4), "(二)", H[2], H[3], *cn(4, P), H[4], *cn(3, P)],
}
"""The numbers each original writes, in document order (headings and numbered items)."""

NUMBER = re.compile(
    r"^(?:[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\)是?|[一二三四五六七八九十]+是"
    r"|（[一二三四五六七八九十\d]+）|\(\d+\)|\d+、|\d+\.|[①-⑳])"
)
"""A number at the start of a paragraph, in any of the forms the plans write."""


def _load(n: int) -> WorkPlan:
    plan, changes = load_file(FIXTURES / f"plan{n}.yaml", WorkPlan)
    assert changes == []
    return plan


def _paragraphs(plan: WorkPlan) -> list[tuple[str, str]]:
    """(style, text) of every non-empty paragraph of the plan's Word document."""
    doc = Document(io.BytesIO(render(plan, "docx")))
    out = [(p.style.name if p.style else "", p.text.replace(ZWSP, "")) for p in doc.paragraphs]
    cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    return [(s, t) for s, t in out if t.strip()] + [("cell", c) for c in cells if c.strip()]


def _dates(plan: WorkPlan) -> list[str]:
    written = [written_dates(p) for p in plan.phases]
    return written + [str(t.deadline) for p in plan.phases for t in p.tasks if t.deadline]


@pytest.mark.parametrize("n", PLANS)
def test_loads_without_invented_values(n: int) -> None:
    """The originals state no issue date, no plan period, no leaders and no real years."""
    plan = _load(n)
    assert (plan.issue_date, plan.period_start, plan.period_end) == (None, None, None)
    groups = [g for s in plan.focus_areas for g in s.working_groups]
    assert all(g.leader is None for g in groups)
    assert not any(re.search(r"\d{4}", d) for d in _dates(plan))
    texts = [t for _, t in _paragraphs(plan)]
    assert not any("待定" in t or "组长" in t for t in texts)
    assert not any(re.search(r"\d{4}年\d{1,2}月\d{1,2}日", t) for t in texts)  # no 成文日期
    assert not any(t.startswith("（") and "年" in t for t in texts[1:2])  # no period subtitle
    assert texts[-1 - sum(1 for s, _ in _paragraphs(plan) if s == "cell")] == plan.issuing_body


@pytest.mark.parametrize("n", PLANS)
def test_renders_its_own_markers_in_order(n: int) -> None:
    numbers = [m.group(0) for _, t in _paragraphs(_load(n)) if (m := NUMBER.match(t))]
    assert numbers == MARKERS[n]


@pytest.mark.parametrize("n", PLANS)
def test_renders_its_section_order_and_dates_as_written(n: int) -> None:
    plan = _load(n)
    paragraphs = _paragraphs(plan)
    top = [t for s, t in paragraphs if s.endswith("Heading 1")]
    headings = [h for h, _ in SEED[n]["sections"]]
    expected = [H[i] + h for i, h in enumerate(headings) if h is not None]
    assert top == expected
    for i, h in enumerate(headings):
        if h is None:  # a run-in section: its number opens its first paragraph
            assert any(t.startswith(H[i]) and s.startswith("Normal") for s, t in paragraphs)
    shown = "\n".join(t for _, t in paragraphs)
    for written in _dates(plan):
        assert written in shown


def _roundtrip_yaml(plan: WorkPlan, tmp_path: Path) -> WorkPlan:
    path = tmp_path / "plan.yaml"
    path.write_text(
        yaml.safe_dump(plan.model_dump(mode="json"), allow_unicode=True), encoding="utf-8"
    )
    return load_file(path, WorkPlan)[0]


def _roundtrip_json(plan: WorkPlan, tmp_path: Path) -> WorkPlan:
    path = tmp_path / "plan.json"
    path.write_text(plan.model_dump_json(), encoding="utf-8")
    return load_file(path, WorkPlan)[0]


def _markers(data: Any) -> list[str]:
    """Every marker of a dumped plan, in order."""
    if isinstance(data, dict):
        own = [data["marker"]] if isinstance(data.get("marker"), str) else []
        return own + [m for k, v in data.items() if k != "marker" for m in _markers(v)]
    if isinstance(data, list):
        return [m for v in data for m in _markers(v)]
    return []


@pytest.mark.parametrize("n", PLANS)
@pytest.mark.parametrize("trip", [_roundtrip_yaml, _roundtrip_json], ids=["yaml", "json"])
def test_markers_and_dates_survive_a_round_trip(n: int, trip: Any, tmp_path: Path) -> None:
    plan = _load(n)
    again = trip(plan, tmp_path)
    assert again.model_dump(mode="json") == plan.model_dump(mode="json")
    written = yaml.safe_load((FIXTURES / f"plan{n}.yaml").read_text(encoding="utf-8"))
    assert sorted(_markers(again.model_dump(mode="json"))) == sorted(_markers(written))
    assert _dates(again) == _dates(plan)
    assert [written_dates(p) for p in again.phases] == [
        str(p.get("dates") or p.get("start")) for p in written.get("phases", [])
    ]
    assert json.loads(again.model_dump_json()) == json.loads(plan.model_dump_json())


def test_repeated_marker_is_kept_and_reported_as_a_warning() -> None:
    plan = _load(1)
    assert [s.marker for s in plan.focus_areas] == ["(一)", "(二)", "(二)"]
    data = clean()
    data["work_plan"] = yaml.safe_load((FIXTURES / "plan1.yaml").read_text(encoding="utf-8"))
    findings = check(dossier(data)).filter(rule="SC-E4-017")
    assert [(f.path, f.severity) for f in findings] == [
        ("work_plan.focus_areas[2].marker", Severity.WARNING)
    ]
    assert "work_plan.focus_areas[1].marker" in findings[0].detail
    texts = [t for _, t in _paragraphs(plan)]
    assert sum(t.startswith("(二)") for t in texts) == 2
    assert not any(t.startswith(("（三）", "(三)")) for t in texts)


def test_dates_without_a_year_say_the_checks_did_not_run() -> None:
    data = clean()
    data["work_plan"] = yaml.safe_load((FIXTURES / "plan1.yaml").read_text(encoding="utf-8"))
    findings = check(dossier(data)).filter(rule="SC-E4-018")
    details = {f.path: f.detail for f in findings}
    assert {f"work_plan.phases[{i}].dates" for i in range(4)} | {"work_plan.issue_date"} == set(
        details
    ) - {"work_plan.period_start"}
    assert all(f.severity is Severity.INFO for f in findings)
    assert "20xx年11月~20xx年2月" in details["work_plan.phases[1].dates"]
    assert check(dossier(data)).filter(rule="SC-E4-004") == check(dossier()).filter(
        rule="SC-E4-004"
    )
