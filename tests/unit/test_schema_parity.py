"""The shipped JSON Schemas give the loader's verdict: every example file and every fixture of
``tests/fixtures/schema_parity`` is valid for both or invalid for both."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from safecommunity_docs.errors import InputError
from safecommunity_docs.io import load_file, model_for_file
from safecommunity_docs.io.source import parse_yaml
from safecommunity_docs.models.work_plan_dates import PATTERN, DateSpec
from safecommunity_docs.schema import SCHEMA_MODELS
from tests.conftest import EXAMPLES, ROOT

PARITY = ROOT / "tests" / "fixtures" / "schema_parity"
SCHEMAS = ROOT / "schemas"
EXAMPLE_FILES = sorted(p for p in EXAMPLES.rglob("*") if p.suffix in (".yaml", ".yml", ".json"))
FIXTURES = sorted(PARITY.rglob("*.yaml"))
SEEDS = sorted((ROOT / "tests" / "fixtures" / "seed_plans").glob("*.yaml"))


def _schema_stem(path: Path) -> str:
    """The schema a file is checked against: by its part name, or a fixture's name prefix."""
    if path.is_relative_to(PARITY) or path.parent.name == "seed_plans":
        return "plan" if path.parent.name == "seed_plans" else path.stem.split("-")[0]
    model = model_for_file(path)
    return next(stem for stem, m in SCHEMA_MODELS.items() if m is model)


def _plain(value: Any) -> Any:
    """YAML data as JSON has it: dates as ISO text."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _schema_ok(path: Path) -> bool:
    schema = json.loads((SCHEMAS / f"{_schema_stem(path)}.schema.json").read_text("utf-8"))
    data = _plain(parse_yaml(path.read_text(encoding="utf-8"), str(path)).data)
    validator = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
    return not list(validator.iter_errors(data))


def _loader_ok(path: Path) -> bool:
    try:
        load_file(path, SCHEMA_MODELS[_schema_stem(path)])
    except InputError:
        return False
    return True


def _id(path: Path) -> str:
    return str(path.relative_to(ROOT))


@pytest.mark.parametrize("path", [*EXAMPLE_FILES, *SEEDS, *FIXTURES], ids=_id)
def test_schema_and_loader_agree(path: Path) -> None:
    expected = path.parent.name != "invalid"
    assert (_schema_ok(path), _loader_ok(path)) == (expected, expected)


def test_every_kind_of_file_is_covered() -> None:
    assert len(EXAMPLE_FILES) >= 20
    assert {p.parent.name for p in FIXTURES} == {"valid", "invalid"}
    assert "schemas/plan.schema.json" in {
        f"schemas/{_schema_stem(p)}.schema.json" for p in FIXTURES
    }


WRITTEN = [
    "2025-09",
    "2025-04-15",
    "20xx年9月~20xx年10月",
    "20xx年11月~20xx年2月",
    "20xx年3月~5月",
    "20xx年11月—20xx年底",
    "20xx年12月底至20xx年6月底",
    "20xx 年 4 月底前",
    "20xx年 5 月-11 月底",
    "4月中旬",
    "2025年9月—2026年6月",
    "11月~2月",
    "4月15日",
]
NOT_DATES = ["20xx-09", "2025-9", "13月", "底", "2025年13月", "9月32日", "明年", "2025年", ""]


@pytest.mark.parametrize("text", WRITTEN + NOT_DATES)
def test_date_pattern_is_the_parser(text: str) -> None:
    """The JSON Schema's pattern (run by jsonschema) accepts exactly what DateSpec reads."""
    schema = {"type": "string", "pattern": PATTERN}
    by_schema = Draft202012Validator(schema).is_valid(text)
    try:
        DateSpec.parse(text)
        parsed = True
    except ValueError:
        parsed = False
    assert by_schema == parsed == (text in WRITTEN)
