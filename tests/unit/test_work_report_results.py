"""Every number of each example's 创建成效 is recomputed here from the example's files (plain
YAML and CSV reading and counting, no library code) and found in the Word report."""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from functools import cache
from pathlib import Path
from typing import Any

import docx
import pytest
import yaml

import safecommunity_docs
from safecommunity_docs.build import context_for
from safecommunity_docs.kinds import get_kind
from tests.conftest import EXAMPLES

FOLDERS = ("qinghe-street", "dongshan-town", "jiangkou-park")
HEADER = ["序号", "指标", "目标", "基线", "结果", "完成情况"]
CHANGES = ("下降", "提高")


def _yaml(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _half_up(value: Decimal, places: int) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def _plain(value: Decimal) -> str:
    text = format(Decimal(value).normalize(), "f")
    return text


def _one(value: Decimal) -> str:
    return format(_half_up(value, 1), "f")


@cache
def _data(folder: str) -> dict[str, Any]:
    root = EXAMPLES / folder
    with (root / "injuries.csv").open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    return {
        "rows": rows,
        "community": _yaml(root / "community.yaml"),
        "plan": _yaml(root / "plan.yaml"),
        "projects": [_yaml(p) for p in sorted((root / "projects").glob("*.yaml"))],
        "diagnosis": _yaml(root / "diagnosis.yaml"),
        "assessment": _yaml(root / "assessment.yaml"),
    }


@cache
def _document(folder: str) -> tuple[str, list[list[str]]]:
    dossier = safecommunity_docs.load(EXAMPLES / folder)
    data = get_kind("work_report").render(dossier, "docx", context_for(dossier))
    document = docx.Document(io.BytesIO(data))
    texts = [p.text for p in document.paragraphs]
    start = texts.index("三、创建成效")
    end = next(i for i in range(start + 1, len(texts)) if texts[i].startswith("四、"))
    [table] = [
        t for t in document.tables if [c.text.replace("\n", "") for c in t.rows[0].cells] == HEADER
    ]
    rows = [[c.text.replace("\n", "") for c in row.cells] for row in table.rows[1:]]
    return "\n".join(texts[start:end]), rows


def _year(row: dict[str, str]) -> int:
    return int(row["伤害发生时间"][:4])


def _matches(row: dict[str, str], spec: dict[str, Any]) -> bool:
    age = int(row["年龄"])
    return (
        (not spec.get("causes") or row["伤害发生原因"] in spec["causes"])
        and (not spec.get("places") or row["伤害发生地点"] in spec["places"])
        and (not spec.get("activities") or row["伤害发生时活动"] in spec["activities"])
        and ("age_from" not in spec or age >= spec["age_from"])
        and ("age_to" not in spec or age <= spec["age_to"])
        and (not spec.get("deaths") or row["伤害结局"] == "死亡")
    )


def _survey(surveys: list[dict[str, Any]], spec: dict[str, Any]) -> Decimal | None:
    found = [
        (s["conducted"], Decimal(str(r["value"])))
        for s in surveys
        for r in s.get("results", [])
        if r["indicator"] == spec["indicator"] and spec.get("group") in (None, r.get("group"))
    ]
    return max(found)[1] if found else None


def _numbers_as_values(text: str) -> str:
    """``text`` with every number written by value (30.0 and 30 alike)."""
    return re.sub(r"\d+(?:\.\d+)?", lambda m: repr(float(m.group(0))), text)


def _expected(target: dict[str, Any], data: dict[str, Any]) -> dict[str, Any] | None:
    """Baseline, result, their unit, change and verdict of one target; None: not computable."""
    measure = target.get("measure")
    if measure is None:
        return None
    value = Decimal(str(target.get("value", target.get("target"))))
    direction, unit = target["direction"], target["unit"]
    relative = direction in CHANGES and unit == "%"
    baseline = Decimal(str(target["baseline"])) if "baseline" in target else None
    if "records" in measure:
        spec = measure["records"]
        counts = Counter(_year(r) for r in data["rows"] if _matches(r, spec))
        last = max(_year(r) for r in data["rows"])
        result = Decimal(counts[last])
        base_year = target.get("baseline_year")
        baseline = Decimal(counts[base_year]) if base_year else None
        out_unit = "例" if relative else unit
        labels = (f"{base_year}年", f"{last}年")
    elif "survey" in measure:
        before = _survey(data["diagnosis"].get("surveys", []), measure["survey"])
        baseline = before if before is not None else baseline
        result = _survey(data["assessment"].get("surveys", []), measure["survey"])
        assert result is not None, target["indicator"]
        out_unit, labels = "%", ("", "")
    else:
        result = Decimal(str(measure["reported"]["value"]))
        out_unit, labels = target.get("baseline_unit") or unit, ("", "")
    change = None
    if direction in CHANGES:
        assert baseline is not None
        assert baseline != 0
        if relative:
            change = _half_up((result - baseline) * 100 / baseline, 1)
            met = -change >= value if direction == "下降" else change >= value
        else:
            met = baseline - result >= value if direction == "下降" else result - baseline >= value
    elif direction == "不高于":
        met = result <= value
    else:
        met = result >= value
    return {
        "indicator": target["indicator"],
        "aim": f"{direction}{_plain(value)}{unit}",
        "baseline": baseline,
        "result": result,
        "unit": out_unit,
        "labels": labels if "records" in measure else None,
        "change": change,
        "met": met,
    }


def _cell(value: Decimal | None, unit: str, label: str | None) -> str:
    if value is None:
        return "—"
    return f"{_plain(value)}{unit}" + (f"（{label}）" if label else "")


def _change(change: Decimal) -> str:
    if change == 0:
        return "持平"
    return f"{'下降' if change < 0 else '上升'}{_one(abs(change))}%"


def _row(e: dict[str, Any], owner: str) -> list[str]:
    labels = e["labels"] or (None, None)
    result = _cell(e["result"], e["unit"], labels[1])
    if e["change"] is not None:
        result += "\n" + _change(e["change"])
    return [
        e["indicator"] + owner,
        e["aim"],
        _cell(e["baseline"], e["unit"], labels[0] if e["baseline"] is not None else None),
        result,
        "已达到" if e["met"] else "未达到",
    ]


@pytest.mark.parametrize("folder", FOLDERS)
def test_the_injury_trend_is_recomputed(folder: str) -> None:
    data = _data(folder)
    text, _ = _document(folder)
    years = Counter(_year(r) for r in data["rows"])
    population = Decimal(data["community"]["population"]["total"])
    span = range(min(years), max(years) + 1)
    counts = "、".join(f"{years[y]}例" for y in list(span)[:-1]) + f"和{years[max(span)]}例"
    assert f"{min(span)}—{max(span)}年辖区伤害病例分别为{counts}" in text
    rates = [_half_up(Decimal(years[y]) * 1000 / population, 2) for y in span]
    shown = "、".join(f"{r}‰" for r in rates[:-1]) + f"和{rates[-1]}‰"
    assert f"伤害发生率分别为{shown}" in text
    before = date.fromisoformat(str(data["community"]["creation_start"])).year - 1
    after = max(span)
    diff = years[after] - years[before]
    change = _half_up(Decimal(diff) * 100 / years[before], 1)
    assert (
        f"{after}年与创建前的{before}年相比，伤害病例{'减少' if diff <= 0 else '增加'}{abs(diff)}例，"
        f"{_change(change)}" in text
    )
    causes = Counter(r["伤害发生原因"] for r in data["rows"])
    ranked = causes.most_common()
    cutoff = ranked[5][1] if len(ranked) > 5 else 0
    for cause, total in ranked[:5]:
        if total <= cutoff:
            continue
        b = sum(1 for r in data["rows"] if r["伤害发生原因"] == cause and _year(r) == before)
        a = sum(1 for r in data["rows"] if r["伤害发生原因"] == cause and _year(r) == after)
        told = f"{cause}由{b}例变为{a}例"
        if b:
            told += f"（{_change(_half_up(Decimal(a - b) * 100 / b, 1))}）"
        assert told in text, cause


@pytest.mark.parametrize("folder", FOLDERS)
def test_every_target_is_recomputed(folder: str) -> None:
    data = _data(folder)
    text, rows = _document(folder)
    plan = data["plan"]["objectives"]["targets"]
    expected_plan = [_expected(t, data) for t in plan]
    expected_rows = []
    for n, (target, e) in enumerate(zip(plan, expected_plan, strict=True), start=1):
        if e is None:
            expected_rows.append([str(n), target["indicator"], "", "", "", "暂无数据"])
            assert f"{target['indicator']}（目标为" in text
            continue
        expected_rows.append([str(n), *_row(e, "")])
    plan_keys = {
        (e["indicator"], e["aim"], e["baseline"], e["result"], e["met"])
        for e in expected_plan
        if e is not None
    }
    counted = list(expected_plan)
    for project in data["projects"]:
        for target in project["targets"]:
            e = _expected(target, data)
            counted.append(e)
            if e is None:
                assert target["indicator"] in text
                continue
            key = (e["indicator"], e["aim"], e["baseline"], e["result"], e["met"])
            if key in plan_keys:
                continue
            expected_rows.append([str(len(expected_rows) + 1), *_row(e, f"（{project['title']}）")])
    for got, want in zip(rows, expected_rows, strict=True):
        if want[-1] == "暂无数据":
            assert got[0:2] == want[0:2]
            assert got[-1] == "暂无数据"
        else:  # cells re-broken to the column, decimals made equal down a column (views/cells.py)
            assert [_numbers_as_values(g) for g in got] == [
                _numbers_as_values(w.replace("\n", "")) for w in want
            ]
    met = sum(1 for e in counted if e is not None and e["met"])
    missed = sum(1 for e in counted if e is not None and not e["met"])
    assert (
        f"共设定量化目标{len(counted)}项，其中可由监测记录、调查或台账计算的{met + missed}项，"
        f"已达到{met}项、尚未达到{missed}项" in text
    )
    for e in expected_plan:
        if e is None:
            continue
        sentence = f"{e['indicator']}："
        parts = []
        if e["baseline"] is not None and e["labels"]:
            parts.append(f"{e['labels'][0]}为{_plain(e['baseline'])}{e['unit']}")
        if e["labels"]:
            parts.append(f"{e['labels'][1]}为{_plain(e['result'])}{e['unit']}")
        else:
            parts.append(f"为{_plain(e['result'])}{e['unit']}")
        if e["change"] is not None:
            parts.append(_change(e["change"]))
        sentence_tail = f"目标为{e['aim']}，{'已达到目标' if e['met'] else '尚未达到目标'}"
        line = next(line for line in text.split("\n") if line.startswith(sentence))
        for part in parts:
            assert part in line, (line, part)
        assert sentence_tail in line


@pytest.mark.parametrize("folder", FOLDERS)
def test_every_project_has_its_outcome(folder: str) -> None:
    data = _data(folder)
    text, _ = _document(folder)
    for project in data["projects"]:
        measures = project["measures"]
        head = f"{project['title']}设定目标{len(project['targets'])}项"
        assert head in text
        sessions = [m["sessions"] for m in measures if "sessions" in m]
        people = [m["participants"] for m in measures if "participants" in m]
        if sessions:
            assert f"{head}，开展活动{sum(sessions)}场次" in text
        if people:
            assert f"参与和受益{sum(people)}人次" in text


EFFECT_HEADER = ["序号", "指标", "2024年例数", "2025年例数", "率比", "95%置信区间", "评价"]


def _ratio(a: int, b: int) -> tuple[str, str]:
    """Rate ratio and 95 % interval of ``a`` cases after against ``b`` before over the same
    population (Haldane's 0.5 with a zero count), as the table prints them, and the reading."""
    import math

    fa, fb = (a + 0.5, b + 0.5) if 0 in (a, b) else (float(a), float(b))
    rr = fa / fb
    spread = 1.959963984540054 * math.sqrt(1 / fa + 1 / fb)
    low, high = rr * math.exp(-spread), rr * math.exp(spread)

    def two(x: float) -> str:
        return format(_half_up(Decimal(repr(x)), 2), "f")

    reading = "显著下降" if high < 1 else "显著上升" if low > 1 else "无显著变化"
    return f"{two(rr)}|{two(low)}—{two(high)}", reading


@pytest.mark.parametrize("folder", FOLDERS)
def test_every_counted_target_has_its_rate_ratio(folder: str) -> None:
    data = _data(folder)
    dossier = safecommunity_docs.load(EXAMPLES / folder)
    document = docx.Document(
        io.BytesIO(get_kind("work_report").render(dossier, "docx", context_for(dossier)))
    )
    [table] = [
        t
        for t in document.tables
        if [c.text.replace("\n", "") for c in t.rows[0].cells] == EFFECT_HEADER
    ]
    shown = {tuple(c.text.replace("\n", "") for c in row.cells[2:]) for row in table.rows[1:]}
    last = max(_year(r) for r in data["rows"])
    wanted = set()
    targets = [*data["plan"]["objectives"]["targets"]]
    targets += [t for p in data["projects"] for t in p["targets"]]
    for target in targets:
        spec = target.get("measure", {}).get("records")
        year = target.get("baseline_year")
        if spec is None or year is None or year == last:
            continue
        counts = Counter(_year(r) for r in data["rows"] if _matches(r, spec))
        a, b = counts[last], counts[year]
        ratio, reading = _ratio(a, b)
        assert (year, last) == (2024, 2025)  # the examples compare the same two years
        wanted.add((str(b), str(a), *ratio.split("|"), reading))
    assert wanted
    assert shown == wanted
    texts = "\n".join(p.text for p in document.paragraphs)
    assert "按结果年份与基线年份的伤害发生率之比（率比）及其95%置信区间评价干预效果" in texts
    assert texts.count("按发生率比评价，") == sum(
        1
        for p in data["projects"]
        if any(
            t.get("measure", {}).get("records") and t.get("baseline_year") not in (None, last)
            for t in p["targets"]
        )
    )
