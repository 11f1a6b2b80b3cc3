"""Characters the mapped fonts cannot draw are found in the views, before any conversion."""

from __future__ import annotations

from datetime import date

from fontTools.ttLib import TTFont  # type: ignore[import-untyped]

from safecommunity_docs import load
from safecommunity_docs.build import build
from safecommunity_docs.render.pdf import FakeConverter
from safecommunity_docs.render.pdf.coverage import (
    _ranges,
    charset,
    coverage_warnings,
    font_file,
    font_map,
    mapped_font,
)
from safecommunity_docs.views.document import Block, DocumentView, TableView
from safecommunity_docs.views.work_plan import work_plan_view
from tests.conftest import EXAMPLES

EXT_B = "𠮷"  # U+20BB7: CJK Extension B, not in FandolFang


def _view(text: str, cell: str = "成立委员会", title: str = "工作计划") -> DocumentView:
    table = TableView(columns=("阶段", "任务"), rows=(("启动", cell),))
    return DocumentView(
        kind="work_plan",
        title=title,
        subtitle="",
        blocks=(Block("p", text), Block("table", table=table)),
        author="测试街道办事处",
        document_date=date(2025, 3, 1),
    )


def test_the_font_map_is_the_converters_fontconfig() -> None:
    mapping = font_map()
    assert mapping["仿宋_GB2312"] == ["FandolFang", "Noto Serif CJK SC"]
    assert mapping["黑体"] == ["Noto Sans CJK SC"]
    assert mapping["方正小标宋简体"] == ["Noto Serif CJK SC"]


def test_one_warning_per_character_and_text_naming_a_font_that_has_it() -> None:
    warnings = coverage_warnings(_view(f"甲{EXT_B}乙{EXT_B}丙", cell=f"任务{EXT_B}"))
    assert len(warnings) == 2, warnings
    body, cell = warnings
    mapped = mapped_font("仿宋_GB2312")
    assert mapped is not None
    assert 0x20BB7 not in mapped[1]
    assert f"U+20BB7) is not in {mapped[0]}" in body
    assert "第1段（p）" in body
    assert "第2段（table）表格" in cell
    assert "任务𠮷" in cell
    named = body.rsplit("; ", 1)[1].removesuffix(" has it")
    found = font_file(named)
    assert found is not None
    assert 0x20BB7 in charset(*found)


def test_injected_fonts_and_finder() -> None:
    fonts = {"方正小标宋简体": ("TitleFont", frozenset(map(ord, "工作计划"))), "仿宋_GB2312": None}
    warnings = coverage_warnings(
        _view("无从检查", title="工作计划书书"),
        fonts=lambda declared: fonts.get(declared),
        finder=lambda char: None,
    )
    assert warnings == [
        "标题 「工作计划书书」: 书 (U+4E66) is not in TitleFont (the font for 方正小标宋简体) "
        "so the PDF may lack it; no installed font has it"
    ]


def test_the_example_documents_need_no_other_font() -> None:
    dossier = load(EXAMPLES / "qinghe-street")
    assert dossier.work_plan is not None
    assert coverage_warnings(work_plan_view(dossier.work_plan, dossier.community)) == []


def test_a_build_with_pdf_warns_before_conversion(tmp_path) -> None:  # type: ignore[no-untyped-def]
    dossier = load(EXAMPLES / "qinghe-street")
    assert dossier.work_plan is not None
    plan = dossier.work_plan.model_copy(update={"guiding_ideology": [f"坚持{EXT_B}原则"]})
    result = build(
        dossier.model_copy(update={"work_plan": plan}),
        tmp_path,
        formats=["docx", "pdf"],
        converter=FakeConverter(),
    )
    hits = [w for w in result.warnings if "U+20BB7" in w]
    assert len(hits) == 1, result.warnings
    assert "工作计划" in hits[0]


def test_fontconfigs_charset_is_the_fonts_own_cmap() -> None:
    """The charset read with fc-query (fast) is the cmap fontTools reads (slow), control
    characters aside (they are never checked)."""
    for family in ("FandolFang", "Noto Serif CJK SC"):
        found = font_file(family)
        assert found is not None, family
        with TTFont(str(found[0]), fontNumber=found[1], lazy=True) as font:
            cmap = {c for c in font.getBestCmap() if c >= 0x20}
        assert {c for c in charset(*found) if c >= 0x20} == cmap, family
    assert _ranges("20-22 4e00 9fa5-9fa6") == frozenset({0x20, 0x21, 0x22, 0x4E00, 0x9FA5, 0x9FA6})
    assert _ranges("not a charset") is None
