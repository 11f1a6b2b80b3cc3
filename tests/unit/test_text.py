"""Text normalisation: XML-illegal control characters never reach a document, and are reported."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from safecommunity_docs import load
from safecommunity_docs.models import Community, normalise_text
from tests.conftest import COMMUNITY, PLAN

XML_LEGAL = ("\t", "\n", "\r")


def test_vertical_tab_becomes_line_break() -> None:
    text, changes = normalise_text("第一行\v第二行")
    assert text == "第一行\n第二行"
    assert changes == ["1 × U+000B replaced by a line break"]


def test_other_controls_are_removed_and_counted() -> None:
    text, changes = normalise_text("a\x00b\x07c\x1fd\ufffe")
    assert text == "abcd"
    assert changes == [
        "4 XML-illegal control character(s) removed (U+0000, U+0007, U+001F, U+FFFE)"
    ]


def test_crlf_and_clean_text() -> None:
    assert normalise_text("a\r\nb\rc") == (
        "a\nb\nc",
        ["2 × CR/CRLF line ending replaced by a line break (LF)"],
    )
    assert normalise_text("清河街道 & <安全>") == ("清河街道 & <安全>", [])


@given(st.text())
def test_normalised_text_is_xml_legal(value: str) -> None:
    text, _ = normalise_text(value)
    for ch in text:
        code = ord(ch)
        assert (
            ch in XML_LEGAL or 0x20 <= code <= 0xD7FF or 0xE000 <= code <= 0xFFFD or code >= 0x10000
        ), repr(ch)
    assert normalise_text(text) == (text, [])


def test_models_normalise_text_fields() -> None:
    community = Community.model_validate({**COMMUNITY, "name": "测试\v街道\x01"})
    assert community.name == "测试\n街道"


def test_blank_text_is_refused() -> None:
    with pytest.raises(ValidationError, match="不能为空"):
        Community.model_validate({**COMMUNITY, "name": " \x02 "})


def test_loader_reports_each_change_with_its_location(tmp_path: Path) -> None:
    folder = tmp_path / "c"
    folder.mkdir()
    (folder / "community.yaml").write_text(
        yaml.safe_dump(COMMUNITY, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    plan = dict(PLAN, title="工作\v计划\x08")
    (folder / "plan.yaml").write_text(
        yaml.safe_dump(plan, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    dossier = load(folder)
    assert dossier.work_plan is not None
    assert dossier.work_plan.title == "工作\n计划"
    [change] = dossier.text_changes
    assert change.path == "title"
    assert change.file == f"{folder}/plan.yaml"
    assert change.line == 1
    assert "U+000B replaced by a line break" in change.description
    assert "U+0008" in change.description
