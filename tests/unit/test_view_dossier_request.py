"""The dossier's title and cover say what it asks for: the title, the creation work assessed, or
a self-assessment, from the score's band (read from the cover the library writes)."""

from __future__ import annotations

import io
from functools import cache

import docx
import pytest

from safecommunity_docs import load
from safecommunity_docs.build import context_for
from safecommunity_docs.kinds.dossier_pages import COVER, request_of
from safecommunity_docs.models import Dossier
from safecommunity_docs.views.dossier import Request, dossier_subject, dossier_title
from tests.conftest import EXAMPLES

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


@cache
def _dossier(name: str) -> Dossier:
    return load(EXAMPLES / name)


def _cover_text(dossier: Dossier) -> list[str]:
    data = COVER.render(dossier, "docx", context_for(dossier))
    document = docx.Document(io.BytesIO(data))
    return [p.text for p in document.paragraphs if p.text.strip()]


EXPECTED = [
    # (example, what it asks, title, the cover's two large lines, its unit line)
    (
        "qinghe-street",
        Request.TITLE,
        "清河街道市级安全社区评定申报材料",
        ["市级安全社区评定", "申报材料"],
        "申报单位：",
    ),
    (
        "dongshan-town",
        Request.CREATION,
        "东山镇市级安全社区创建工作考核材料",
        ["市级安全社区创建工作", "考核材料"],
        "报送单位：",
    ),
    (
        "jiangkou-park",
        Request.SELF,
        "江口经济开发区市级安全社区创建自评材料",
        ["市级安全社区创建", "自评材料"],
        "报送单位：",
    ),
]


@pytest.mark.parametrize(("name", "request_", "title", "lines", "unit"), EXPECTED)
def test_title_and_cover_follow_the_score(
    name: str, request_: Request, title: str, lines: list[str], unit: str
) -> None:
    dossier = _dossier(name)
    context = context_for(dossier)
    assert request_of(dossier, context) is request_
    assert dossier_title(dossier, request_) == title
    assert dossier_subject(dossier, request_) == title.removeprefix(dossier.community.name)
    text = _cover_text(dossier)
    assert all(line in text for line in lines), text
    assert any(t.startswith(unit) for t in text), text
    applying = [t for t in text if t.startswith("申报级别")]
    assert applying == (["申报级别：市级安全社区"] if request_ is Request.TITLE else [])
    if request_ is not Request.TITLE:
        assert not any("申报" in t for t in text), text


def test_without_an_assessment_the_dossier_applies() -> None:
    dossier = _dossier("dongshan-town").model_copy(update={"assessment": None})
    assert request_of(dossier, context_for(dossier)) is Request.TITLE


def test_the_default_title_is_the_application() -> None:
    dossier = _dossier("qinghe-street")
    assert dossier_title(dossier) == "清河街道市级安全社区评定申报材料"


def test_cover_block_is_fangsong_with_a_seal_line_and_the_date_unspaced() -> None:
    dossier = load(EXAMPLES / "qinghe-street")
    data = COVER.render(dossier, "docx", context_for(dossier))
    document = docx.Document(io.BytesIO(data))
    block = [
        p for p in document.paragraphs if p.style is not None and p.style.name == "GW Cover Line"
    ]
    assert [p.text.strip("\u3000") for p in block] == [
        f"申报单位：{dossier.application.applicant if dossier.application else ''}",
        "（盖章）",
        "申报级别：市级安全社区",
        "申报日期：2026年11月5日",
    ]
    style = block[0].style
    assert style is not None
    assert style.font.name == "仿宋_GB2312"
    assert style.element.find(f"{{{W}}}pPr/{{{W}}}autoSpaceDE") is not None, "no space at digits"
