"""Chart specs and the PNG renderer: shapes, sizes, fonts, determinism and clean metadata."""

from __future__ import annotations

import hashlib
import io
import os
import struct
import subprocess
import sys
import warnings
import zlib
from decimal import Decimal
from pathlib import Path
from typing import Any
from unittest import mock

import docx
import matplotlib
import pytest
from matplotlib import font_manager
from matplotlib.legend import Legend
from matplotlib.text import Text

from safecommunity_docs.render.charts import (
    DPI,
    FONT_FAMILY,
    PIXELS,
    ChartFontError,
    drawn,
    render_chart,
)
from safecommunity_docs.render.charts import fonts as chart_fonts
from safecommunity_docs.render.charts.pie import MERGED, OTHER, slices
from safecommunity_docs.render.charts.png import PNG_SIGNATURE, strip_volatile
from safecommunity_docs.render.charts.style import format_value, wrap_label
from safecommunity_docs.views.chart import ChartSeries, ChartSpec
from safecommunity_docs.views.document import Block
from tests.conftest import EXAMPLES

ROOT = Path(__file__).resolve().parents[2]

CAUSES = (
    "跌倒/坠落",
    "非机动车车祸",
    "机动车车祸",
    "刀/锐器伤",
    "动物伤",
    "烧烫伤",
    "钝器伤",
    "中毒",
    "溺水",
    "窒息/悬吊",
)
PLACES = ("家中", "公路/街道", "公共居住场所", "贸易和服务场所", "学校与公共场所", "体育和运动场所")
AGES = ("0～14岁", "15～24岁", "25～44岁", "45～59岁", "60～79岁", "80岁及以上")
MONTHS = tuple(f"{y}年{m}月" for y in (2023, 2024, 2025) for m in range(1, 13))


def _one(kind: Any, categories: tuple[str, ...], values: tuple[int, ...], **kw: str) -> ChartSpec:
    return ChartSpec(kind, "伤害病例分布", categories, (ChartSeries("例数", values),), **kw)


SPECS: dict[str, ChartSpec] = {
    "bar": _one("bar", CAUSES, (207, 54, 39, 36, 26, 22, 19, 6, 5, 4), y_label="例数（例）"),
    "barh": _one("barh", CAUSES, (207, 54, 39, 36, 26, 22, 19, 6, 5, 4), y_label="例数（例）"),
    "pie": _one("pie", PLACES, (170, 85, 34, 19, 15, 4)),
    "line": _one("line", MONTHS, tuple(8 + (i * 7) % 13 for i in range(36)), y_label="例数（例）"),
    "stacked_bar": ChartSpec(
        "stacked_bar",
        "分性别、年龄组伤害病例构成",
        AGES,
        (ChartSeries("男", (20, 10, 55, 35, 66, 12)), ChartSeries("女", (17, 11, 36, 40, 67, 21))),
        x_label="年龄组",
        y_label="例数（例）",
    ),
    "grouped_rates": ChartSpec(
        "bar",
        "分性别伤害发生率",
        AGES,
        (
            ChartSeries("男", tuple(Decimal(v) / 10 for v in (32, 96, 40, 220, 156, 48))),
            ChartSeries("女", tuple(Decimal(v) / 10 for v in (36, 104, 44, 144, 164, 84))),
        ),
        y_label="发生率（‰）",
    ),
}


def _chunks(data: bytes) -> list[tuple[bytes, bytes]]:
    """Parse PNG chunks independently of the code under test, checking every CRC."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, out = 8, []
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind, payload = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + length]
        (crc,) = struct.unpack(">I", data[pos + 8 + length : pos + 12 + length])
        assert zlib.crc32(kind + payload) == crc
        out.append((kind, payload))
        pos += 12 + length
    return out


@pytest.fixture(scope="module")
def rendered() -> dict[str, bytes]:
    return {name: render_chart(spec) for name, spec in SPECS.items()}


@pytest.mark.parametrize("name", list(SPECS))
def test_each_kind_renders_a_png_of_the_fixed_size(rendered: dict[str, bytes], name: str) -> None:
    data = rendered[name]
    assert data.startswith(PNG_SIGNATURE)
    chunks = _chunks(data)
    assert chunks[0][0] == b"IHDR"
    assert chunks[-1][0] == b"IEND"
    width, height = struct.unpack(">II", chunks[0][1][:8])
    assert (width, height) == PIXELS == (1220, 720)
    bit_depth, colour_type = chunks[0][1][8:10]
    assert (bit_depth, colour_type) == (8, 2), "8-bit RGB: no alpha for the PDF to mask"
    phys = dict(chunks)[b"pHYs"]
    x_ppm, y_ppm, unit = struct.unpack(">IIB", phys)
    assert unit == 1
    assert round(x_ppm * 0.0254) == round(y_ppm * 0.0254) == DPI
    assert 10_000 < len(data) < 400_000


@pytest.mark.parametrize("name", list(SPECS))
def test_png_has_no_text_time_or_software_metadata(rendered: dict[str, bytes], name: str) -> None:
    data = rendered[name]
    kinds = {kind for kind, _ in _chunks(data)}
    assert kinds <= {b"IHDR", b"pHYs", b"IDAT", b"IEND"}
    assert not kinds & {b"tEXt", b"zTXt", b"iTXt", b"tIME"}
    assert b"atplotlib" not in data
    assert b"Software" not in data


def test_same_spec_gives_the_same_bytes() -> None:
    for spec in SPECS.values():
        assert render_chart(spec) == render_chart(spec)


def test_bytes_do_not_depend_on_the_process() -> None:
    script = (
        "import hashlib, sys\n"
        "from tests.unit.test_charts import SPECS\n"
        "from safecommunity_docs.render.charts import render_chart\n"
        "print(hashlib.sha256(render_chart(SPECS['stacked_bar'])).hexdigest())\n"
        "print('matplotlib.pyplot' in sys.modules)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONHASHSEED": "4321", "PYTHONPATH": str(ROOT)},
    ).stdout.split()
    assert out[0] == hashlib.sha256(render_chart(SPECS["stacked_bar"])).hexdigest()
    assert out[1] == "False", "rendering must not import pyplot"


def test_chinese_labels_raise_no_missing_glyph_warning() -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        for spec in SPECS.values():
            render_chart(spec)
    assert [str(w.message) for w in caught] == []


def test_the_warning_check_would_see_a_missing_glyph() -> None:
    spec = ChartSpec("bar", "表情", ("甲\U0001f600",), (ChartSeries("例数", (1,)),))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        render_chart(spec)
    assert any("missing from font" in str(w.message) for w in caught)


def test_rendering_leaves_the_global_rc_settings_alone() -> None:
    before = dict(matplotlib.rcParams)
    render_chart(SPECS["pie"])
    assert dict(matplotlib.rcParams) == before


def test_the_family_resolves_to_the_simplified_chinese_face() -> None:
    found = font_manager.findfont(
        font_manager.FontProperties(family=FONT_FAMILY), fallback_to_default=False
    )
    assert "NotoSansCJK" in str(found)
    assert font_manager.get_font(found).family_name == "Noto Sans CJK SC"


def test_a_missing_font_names_the_debian_package(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(chart_fonts, "_find", lambda weight: None)
    monkeypatch.setattr(chart_fonts, "_candidate_files", list)
    with pytest.raises(ChartFontError, match="fonts-noto-cjk"):
        chart_fonts.ensure_font()


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"categories": ("甲", "乙"), "series": (ChartSeries("a", (1,)),)}, "1 values for 2"),
        ({"categories": (), "series": (ChartSeries("a", ()),)}, "no categories"),
        ({"categories": ("甲",), "series": ()}, "no series"),
        ({"kind": "radar"}, "unknown chart kind"),
        ({"series": (ChartSeries("a", (1,)), ChartSeries("", (2,)))}, "needs a name"),
        ({"kind": "pie", "series": (ChartSeries("a", (-1,)),)}, "negative"),
        ({"kind": "pie", "series": (ChartSeries("a", (0,)),)}, "total is 0"),
        ({"kind": "pie", "series": (ChartSeries("a", (1,)), ChartSeries("b", (1,)))}, "one series"),
    ],
)
def test_invalid_specs_raise_value_error(kwargs: dict[str, Any], message: str) -> None:
    fields: dict[str, Any] = {
        "kind": "bar",
        "title": "图",
        "categories": ("甲",),
        "series": (ChartSeries("a", (1,)),),
    }
    fields.update(kwargs)
    with pytest.raises(ValueError, match=message):
        ChartSpec(**fields)


@pytest.mark.parametrize("value", [1.5, True, Decimal("NaN"), "3"])
def test_series_values_are_exact_numbers(value: Any) -> None:
    with pytest.raises(ValueError, match="series"):
        ChartSeries("a", (value,))


def test_lists_are_frozen_into_tuples() -> None:
    series = ChartSeries("a", [1, 2])  # type: ignore[arg-type]
    spec = ChartSpec("bar", "图", ["甲", "乙"], [series])  # type: ignore[arg-type]
    assert series.values == (1, 2)
    assert spec.categories == ("甲", "乙")
    assert spec.series == (series,)


def test_pie_merges_small_slices_into_other_and_puts_it_last() -> None:
    spec = _one(
        "pie", ("家中", "公路/街道", "农场/农田", "体育和运动场所", "其他"), (60, 30, 2, 2, 6)
    )
    parts = slices(spec)
    # The slice holds the table's 其他 (6.0%) and two small places: it must not pass for 其他.
    assert [p.label for p in parts] == ["家中", "公路/街道", MERGED]
    assert parts[-1].value == 10
    assert [p.percent for p in parts] == [Decimal("60.0"), Decimal("30.0"), Decimal("10.0")]


def test_pie_percentages_are_largest_remainder_shares() -> None:
    thirds = slices(_one("pie", ("甲", "乙", "丙"), (1, 1, 1)))
    assert [p.percent for p in thirds] == [Decimal("33.4"), Decimal("33.3"), Decimal("33.3")]
    # Shares the view computed for its table (by largest remainder, over all rows) come back
    # unchanged, also those a half-up rounding of the same counts would print differently.
    shares = tuple(Decimal(v) for v in ("33.4", "33.3", "33.3"))
    spec = ChartSpec("pie", "构成", ("甲", "乙", "丙"), (ChartSeries("构成比", shares),))
    assert [p.percent for p in slices(spec)] == list(shares)
    sevenths = slices(_one("pie", tuple("甲乙丙丁戊己庚"), (1,) * 7))
    assert sum(p.percent for p in sevenths) == Decimal("100.0")


def test_pie_keeps_a_single_small_slice_and_caps_the_slice_count() -> None:
    lone = slices(_one("pie", ("甲", "乙", "丙"), (90, 8, 2)))
    assert [p.label for p in lone] == ["甲", "乙", "丙"]
    many = slices(_one("pie", tuple("甲乙丙丁戊己庚辛壬癸"), (10,) * 10))
    assert len(many) == 8
    assert many[-1].label == OTHER
    assert many[-1].value == 30


def test_values_print_with_the_views_digits_and_grouped_thousands() -> None:
    assert format_value(5) == "5"
    assert format_value(Decimal("12.50"), "%") == "12.50%"
    assert format_value(1234567) == "1,234,567"
    assert format_value(Decimal("1E+2")) == "100"


def test_long_labels_wrap_at_slashes_and_evenly() -> None:
    assert wrap_label("家中", 8) == "家中"
    assert wrap_label("跌倒/坠落", 6) == "跌倒/\n坠落"
    assert wrap_label("80岁及以上", 8) == "80岁\n及以上"
    assert all(len(line) >= 2 for line in wrap_label("体育和运动场所", 6).split("\n"))


def test_strip_volatile_drops_text_chunks() -> None:
    data = render_chart(SPECS["bar"])
    chunk = b"tEXtSoftware\x00x"
    text = struct.pack(">I", len(chunk) - 4) + chunk + struct.pack(">I", zlib.crc32(chunk))
    spoiled = data[:33] + text + data[33:]
    assert b"tEXt" in {k for k, _ in _chunks(spoiled)}
    assert strip_volatile(spoiled) == data


HOURS = tuple(f"{h}时" for h in range(24))
CROWDED: dict[str, ChartSpec] = {
    "hours": _one("bar", HOURS, tuple(3 + (h * 5) % 17 for h in range(24)), y_label="例数"),
    "forty_bars": _one("bar", tuple(f"第{i}组" for i in range(40)), tuple(range(100, 140))),
    "grouped_barh": ChartSpec(
        "barh",
        "分性别伤害原因",
        CAUSES,
        (ChartSeries("男", tuple(range(30, 40))), ChartSeries("女", tuple(range(20, 30)))),
    ),
}
"""Charts with many bars: their labels must not be shrunk below 五号 either."""


def _texts(fig: Any) -> list[Text]:
    """Every piece of text a reader sees in the figure (visible and not blank)."""
    return [t for t in fig.findobj(Text) if t.get_visible() and t.get_text().strip()]


@pytest.mark.parametrize("name", [*SPECS, *CROWDED])
def test_every_text_prints_at_least_wuhao(name: str) -> None:
    spec = {**SPECS, **CROWDED}[name]
    printed_in = Block("figure", chart=spec).image_width_mm / 25.4
    with drawn(spec) as fig:
        scale = printed_in / fig.get_figwidth()
        texts = _texts(fig)
        sizes = {t.get_text(): t.get_fontsize() * scale for t in texts}
    assert scale < 1, "the document shrinks the figure, so figure points print smaller"
    assert len(texts) >= 6
    small = {text: round(size, 2) for text, size in sizes.items() if size < 10.5}
    assert small == {}


@pytest.mark.parametrize("name", list(SPECS))
def test_no_title_is_drawn_inside_the_image(name: str) -> None:
    spec = SPECS[name]
    with drawn(spec) as fig:
        shown = [t.get_text() for t in _texts(fig)]
        suptitle = fig.get_suptitle()
        axes_titles = [ax.get_title(loc) for ax in fig.axes for loc in ("left", "center", "right")]
    assert spec.title not in shown
    assert suptitle == ""
    assert axes_titles == ["", "", ""]


def _legend_texts(fig: Any) -> list[str]:
    legends = list(fig.findobj(Legend))
    assert len(legends) == 1
    return [t.get_text() for t in legends[0].get_texts()]


def test_the_pie_legend_gives_every_slice_its_value_and_share() -> None:
    spec = SPECS["pie"]
    with drawn(spec) as fig:
        entries = _legend_texts(fig)
    parts = slices(spec)
    assert len(entries) == len(parts) == 6
    for entry, part in zip(entries, parts, strict=True):
        name, rest = entry.split("  ")
        assert name == part.label
        assert rest == f"{part.value}（{part.percent}%）"
    total = sum(SPECS["pie"].series[0].values)
    assert entries[0] == f"家中  170（{Decimal(17000) / total:.1f}%）"


def test_a_pie_of_the_views_shares_prints_those_shares_once() -> None:
    shares = tuple(Decimal(v) for v in ("48.6", "24.3", "9.7", "7.4", "5.7", "2.2", "2.1"))
    labels = (
        "家中",
        "公路/街道",
        "学校与公共场所",
        "贸易和服务场所",
        "工业和建筑场所",
        "农场/农田",
        "其他",
    )
    spec = ChartSpec("pie", "伤害发生地点构成", labels, (ChartSeries("构成比", shares),), unit="%")
    with drawn(spec) as fig:
        entries = _legend_texts(fig)
    assert entries == [
        "家中  48.6%",
        "公路/街道  24.3%",
        "学校与公共场所  9.7%",
        "贸易和服务场所  7.4%",
        "工业和建筑场所  5.7%",
        f"{MERGED}  4.3%",
    ]


@pytest.mark.parametrize("name", ["bar", "line", "stacked_bar", *CROWDED])
def test_category_and_value_labels_do_not_touch(name: str) -> None:
    spec = {**SPECS, **CROWDED}[name]
    with drawn(spec) as fig:
        renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]
        ax = fig.axes[0]
        groups = [
            [t for t in ax.get_xticklabels() + ax.get_yticklabels() if t.get_text().strip()],
            [t for t in ax.texts if t.get_text().strip()],
        ]
        boxes = [[t.get_window_extent(renderer) for t in group] for group in groups]
    assert boxes[0]
    for group in boxes:
        for i, box in enumerate(group):
            assert not any(box.overlaps(other) for other in group[i + 1 :])


def test_charts_in_the_built_report_print_every_text_at_least_wuhao(tmp_path: Path) -> None:
    from safecommunity_docs import build, load
    from safecommunity_docs.build import context_for
    from safecommunity_docs.views.diagnosis import diagnosis_view

    dossier = load(EXAMPLES / "qinghe-street")
    assert dossier.diagnosis is not None
    view = diagnosis_view(dossier.diagnosis, dossier, context_for(dossier).statistics)
    specs = [b.chart for b in view.blocks if b.chart is not None]
    smallest = []
    for spec in specs:
        with drawn(spec) as fig:
            smallest.append(min(t.get_fontsize() for t in _texts(fig)))
    result = build(dossier, tmp_path, formats=["docx"])
    [output] = [o for o in result.outputs if o.kind == "diagnosis_report"]
    document = docx.Document(io.BytesIO(output.path.read_bytes()))
    shapes = list(document.inline_shapes)
    assert len(shapes) == len(specs) >= 4
    for shape, size in zip(shapes, smallest, strict=True):
        blip = shape._inline.graphic.graphicData.pic.blipFill.blip
        png = dict(_chunks(document.part.related_parts[blip.embed].blob))
        width_px = struct.unpack(">I", png[b"IHDR"][:4])[0]
        ppm = struct.unpack(">IIB", png[b"pHYs"])[0]
        figure_in = width_px / (ppm * 0.0254)
        assert size * shape.width.inches / figure_in >= 10.5


SPECS_KINDS = {spec.kind for spec in SPECS.values()}


def _settled(spec: ChartSpec) -> bytes:
    """``spec`` rendered as :func:`render_chart` does, but after two constrained-layout
    passes whatever its kind."""
    from safecommunity_docs.render import charts

    with mock.patch.object(charts, "_SECOND_PASS", frozenset(SPECS_KINDS)):
        return render_chart(spec)


def test_one_layout_pass_draws_what_two_draw_for_the_kinds_given_one() -> None:
    """Only the kinds in ``_SECOND_PASS`` get a second layout pass: for every other kind, on
    the specs here and on every chart of every example's diagnosis report, the second pass
    would change no byte."""
    from safecommunity_docs import load
    from safecommunity_docs.build import context_for
    from safecommunity_docs.render.charts import _SECOND_PASS
    from safecommunity_docs.views.diagnosis import diagnosis_view

    specs = list(SPECS.values())
    for folder in sorted(p for p in EXAMPLES.iterdir() if p.is_dir()):
        dossier = load(folder)
        if dossier.diagnosis is not None:
            view = diagnosis_view(dossier.diagnosis, dossier, context_for(dossier).statistics)
            specs += [b.chart for b in view.blocks if b.chart is not None]
    once = [spec for spec in specs if spec.kind not in _SECOND_PASS]
    assert len(once) >= 20
    assert {spec.kind for spec in once} == SPECS_KINDS - _SECOND_PASS
    for spec in once:
        assert render_chart(spec) == _settled(spec), spec.title
    # The comparison can see a difference: one pass alone moves a pie's legend.
    from safecommunity_docs.render import charts

    pie = SPECS["pie"]
    with mock.patch.object(charts, "_SECOND_PASS", frozenset()):
        assert render_chart(pie) != _settled(pie)
