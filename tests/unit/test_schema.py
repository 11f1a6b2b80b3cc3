"""JSON Schemas: committed files equal a fresh export; titles are Chinese; examples conform."""

from __future__ import annotations

import json
from pathlib import Path

from safecommunity_docs.schema import SCHEMA_MODELS, json_schema, schema_texts
from tests.conftest import ROOT

SCHEMAS = ROOT / "schemas"


def test_committed_schemas_are_fresh() -> None:
    fresh = schema_texts()
    committed = {p.name: p.read_text(encoding="utf-8") for p in SCHEMAS.glob("*.schema.json")}
    assert set(committed) == set(fresh), "run: safecommunity-docs schema -o schemas/"
    stale = [name for name, text in fresh.items() if committed[name] != text]
    assert not stale, f"stale schemas {stale}; run: safecommunity-docs schema -o schemas/"


def test_schema_fields_carry_chinese_titles() -> None:
    schema = json_schema(SCHEMA_MODELS["plan"])
    props = schema["properties"]
    assert props["guiding_ideology"]["title"] == "指导思想"
    assert props["phases"]["title"] == "工作步骤及时间安排"
    phase = schema["$defs"]["Phase"]
    assert phase["properties"]["end"]["title"] == "结束月份"
    assert phase["additionalProperties"] is False


def test_every_schema_is_valid_json_with_draft() -> None:
    for name, text in schema_texts().items():
        data = json.loads(text)
        assert data["$schema"].endswith("2020-12/schema"), name


def test_schema_export_is_deterministic(tmp_path: Path) -> None:
    assert schema_texts() == schema_texts()
