"""The Word engine: generated GB/T 9704 templates, sandboxed escaping renders, strict XML."""

from __future__ import annotations

import io
import re
import time
import zipfile
from datetime import date, datetime
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Pt
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from safecommunity_docs import TemplateError
from safecommunity_docs.kinds import Kind, all_kinds
from safecommunity_docs.models import normalise_text
from safecommunity_docs.render.docx.engine import default_template, render_docx
from safecommunity_docs.render.docx.template_body import template_bytes
from safecommunity_docs.views.document import Block, DocumentView, TableView

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _view(
    title: str = "测试街道安全社区创建工作计划",
    text: str = "为加强安全工作，制定本计划。",
    cell: str = "成立委员会",
    kind: str = "work_plan",
) -> DocumentView:
    table = TableView(
        columns=("阶段", "工作任务"),
        rows=(("启动", cell), ("启动", "召开大会")),
        widths=(1, 3),
        merge_down=((0, 0, 2),),
    )
    return DocumentView(
        kind=kind,
        title=title,
        subtitle="（2025年3月—2026年12月）",
        blocks=(
            Block("p", text),
            Block("h1", "一、指导思想"),
            Block("h2", "（一）总体要求"),
            Block("caption", "表1 工作任务"),
            Block("table", table=table),
            Block("blank"),
            Block("signature", "测试街道办事处"),
            Block("date", "2025年3月1日"),
        ),
        author="测试街道办事处",
        document_date=date(2025, 3, 1),
    )


def _open(data: bytes) -> docx.document.Document:
    return docx.Document(io.BytesIO(data))


def _custom(tmp_path: Path, old: str, new: str) -> Path:
    source = default_template("work_plan").read_bytes()
    out = tmp_path / "work_plan.docx"
    with zipfile.ZipFile(io.BytesIO(source)) as z_in, zipfile.ZipFile(out, "w") as z_out:
        for info in z_in.infolist():
            data = z_in.read(info.filename)
            if info.filename == "word/document.xml":
                assert old.encode() in data
                data = data.replace(old.encode(), new.encode(), 1)
            z_out.writestr(info, data)
    return out


@pytest.mark.parametrize("kind", [k for k in all_kinds() if k.template], ids=lambda k: k.name)
def test_committed_templates_equal_a_fresh_generation(kind: Kind) -> None:
    assert kind.template is not None
    fresh = template_bytes(kind.template_title or kind.label, kind.page_numbers, kind.typography)
    assert default_template(kind.template).read_bytes() == fresh, (
        "run: python tools/make_templates.py"
    )


def test_template_styles_follow_gbt9704() -> None:
    document = docx.Document(str(default_template("work_plan")))
    section = document.sections[0]
    assert round(section.page_width.mm) == 210
    assert round(section.page_height.mm) == 297
    assert round(section.top_margin.mm) == 37
    assert round(section.bottom_margin.mm) == 35
    assert round(section.left_margin.mm) == 28
    assert round(section.right_margin.mm) == 26
    grid = section._sectPr.find(qn("w:docGrid"))
    assert grid.get(qn("w:type")) == "lines"
    assert grid.get(qn("w:linePitch")) == "579"
    expected = {
        "Normal": ("仿宋_GB2312", 16),
        "GW Title": ("方正小标宋简体", 22),
        "GW Heading 1": ("黑体", 16),
        "GW Heading 2": ("楷体_GB2312", 16),
        "GW Heading 3": ("仿宋_GB2312", 16),
        "GW Table Text": ("仿宋_GB2312", 12),
    }
    for name, (font, size) in expected.items():
        style = document.styles[name]
        assert style.font.size == Pt(size), name
        fonts = style.element.rPr.rFonts
        for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
            assert fonts.get(qn(slot)) == font, (name, slot)
        assert fonts.get(qn("w:hint")) == "eastAsia"
        assert style.element.rPr.find(qn("w:lang")).get(qn("w:eastAsia")) == "zh-CN"
        assert style.font.bold is None, "GB/T 9704 headings are never bold"
    normal = document.styles["Normal"].element.pPr
    assert normal.find(qn("w:spacing")).get(qn("w:line")) == "579"
    assert normal.find(qn("w:spacing")).get(qn("w:lineRule")) == "exact"
    assert normal.find(qn("w:ind")).get(qn("w:firstLine")) == "630"
    assert normal.find(qn("w:widowControl")).get(qn("w:val")) == "0"
    with zipfile.ZipFile(default_template("work_plan")) as z:
        styles = z.read("word/styles.xml").decode()
        footer = z.read("word/footer1.xml").decode()
    assert "Theme" not in styles, "no theme font attributes"
    assert "PAGE" in footer
    assert "— " in footer


def test_render_writes_styles_text_and_properties() -> None:
    data = render_docx(_view())
    document = _open(data)
    styles = [(p.style.name, p.text) for p in document.paragraphs if p.text]
    assert styles[:3] == [
        ("GW Title", "测试街道安全社区创建工作计划"),
        ("GW Subtitle", "（2025年3月—2026年12月）"),
        ("Normal", "为加强安全工作，制定本计划。"),
    ]
    assert ("GW Heading 1", "一、指导思想") in styles
    assert ("GW Signature", "2025年3月1日") in styles
    [table] = document.tables
    assert [c.text for c in table.rows[0].cells] == ["阶段", "工作任务"]
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    props = document.core_properties
    assert props.title == "测试街道安全社区创建工作计划"
    assert props.author == "测试街道办事处"
    assert props.language == "zh-CN"
    assert props.created is not None
    assert props.created.replace(tzinfo=None) == datetime(2025, 3, 1)


def test_same_view_same_bytes_whatever_the_clock() -> None:
    first = render_docx(_view())
    time.sleep(1.1)
    assert render_docx(_view()) == first


def test_sandbox_refuses_attribute_escapes(tmp_path: Path) -> None:
    template = _custom(tmp_path, "{{ title }}", "{{ title.__class__.__mro__ }}")
    with pytest.raises(TemplateError, match=r"sandbox|unsafe"):
        render_docx(_view(), template)
    template = _custom(tmp_path, "{{ title }}", "{{ ''.__class__.__mro__[1].__subclasses__() }}")
    with pytest.raises(TemplateError):
        render_docx(_view(), template)


def test_unknown_template_variables_are_named(tmp_path: Path) -> None:
    template = _custom(tmp_path, "{{ title }}", "{{ title }}{{ issuer }}{{ budget_total }}")
    with pytest.raises(TemplateError) as info:
        render_docx(_view(), template)
    assert info.value.variables == ("budget_total", "issuer")
    assert info.value.part == "word/document.xml"
    assert "budget_total" in str(info.value)


def test_broken_xml_from_a_template_is_refused(tmp_path: Path) -> None:
    # A valid template whose expression emits raw markup: docxtpl would "repair" the result.
    template = _custom(tmp_path, "{{ title }}", "{{ '\\x3cw:p\\x3e' | safe }}")
    with pytest.raises(TemplateError, match="not well-formed"):
        render_docx(_view(), template)


def test_template_syntax_error_names_the_part(tmp_path: Path) -> None:
    for broken in ("{{ title ", "{% if title %}{{ title }}", "{{ title }} }}"):
        template = _custom(tmp_path, "{{ title }}", broken)
        with pytest.raises(TemplateError) as info:
            render_docx(_view(), template)
        assert info.value.part == "word/document.xml", broken


HOSTILE = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)),
    max_size=200,
) | st.sampled_from(
    [
        "& < > \" '",
        "{{ title }}",
        "{% for x in blocks %}x{% endfor %}",
        "{_{ a }_}",
        "{_% b %_}",
        "{{p b.table }}",
        "=SUM(A1)",
        "\x0b\x00\x1f",
        "</w:t></w:r><w:r><w:t>",
        "]]><![CDATA[",
        "第一行\n第二行\t缩进",
    ]
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(title=HOSTILE, text=HOSTILE, cell=HOSTILE)
def test_any_text_shows_literally(title: str, text: str, cell: str) -> None:
    document = _open(render_docx(_view(title or "标题", text or "正文", cell or "单元格")))
    shown = [p.text for p in document.paragraphs]
    # a long title is broken into lines at word boundaries (views/linebreak.py)
    assert normalise_text(title or "标题")[0].replace("\n", "") == shown[0].replace("\n", "")
    assert normalise_text(text or "正文")[0] in shown
    shown_cell = document.tables[0].cell(1, 1).text
    assert shown_cell.replace("\n", "") == normalise_text(cell or "单元格")[0].replace("\n", "")


def test_ten_thousand_characters() -> None:
    long = ("安全社区&<>{{x}}" * 1000)[:10000]
    document = _open(render_docx(_view(text=long, cell=long)))
    assert long in [p.text for p in document.paragraphs]
    assert document.tables[0].cell(1, 1).text.replace("\n", "") == long


def test_text_in_xml_is_escaped_not_markup() -> None:
    data = render_docx(_view(text="<w:b/>&amp;{{ title }}"))
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        xml = z.read("word/document.xml").decode()
    assert "&lt;w:b/&gt;&amp;amp;" in xml
    assert re.search(r"<w:b/>&amp;", xml) is None


def _png(width: int = 40, height: int = 20) -> bytes:
    import struct
    import zlib

    raw = b"".join(b"\x00" + b"\xff\x00\x00" * width for _ in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


def test_figures_are_embedded_with_captions_below() -> None:
    from safecommunity_docs.views.builder import BlockBuilder

    builder = BlockBuilder()
    builder.p("正文")
    builder.figure("伤害原因构成", _png(), width_mm=120)
    view = DocumentView(
        kind="work_plan",
        title="图",
        subtitle="",
        blocks=tuple(builder.blocks),
        author="测试",
        document_date=date(2025, 1, 1),
    )
    data = render_docx(view)
    document = _open(data)
    [shape] = document.inline_shapes
    assert round(shape.width.mm) == 120
    styles = [(p.style.name, p.text) for p in document.paragraphs]
    assert styles[-2:] == [("GW Figure", ""), ("GW Caption", "图1 伤害原因构成")]
    assert render_docx(view) == data


def test_sections_settle_while_the_rendered_body_keeps_its_plain_proxy(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # docxtpl parses the rendered body with a plain lxml parser; while that proxy is alive
    # (a Dask worker collects garbage late) the body has no python-docx attributes
    from docxtpl import DocxTemplate

    kept: list[object] = []
    fix_tables = DocxTemplate.fix_tables

    def keeping(self: DocxTemplate, xml: str) -> object:
        tree = fix_tables(self, xml)
        kept.append(tree)
        return tree

    monkeypatch.setattr(DocxTemplate, "fix_tables", keeping)
    table = TableView(columns=("序号", "内容"), rows=(("1", "排查"),))
    view = DocumentView(
        kind="diagnosis_report",
        title="测试街道事故与伤害风险诊断报告",
        subtitle="",
        blocks=(
            Block("p", "正文。"),
            Block("section", "landscape"),
            Block("table", table=table),
            Block("section", "portrait"),
            Block("p", "后文。"),
        ),
        author="测试街道",
        document_date=date(2025, 3, 1),
    )
    document = _open(render_docx(view))
    assert kept
    assert not hasattr(kept[0], "sectPr")  # the plain proxy was alive
    orientations = [s.orientation for s in document.sections]
    assert [int(o) for o in orientations] == [0, 1, 0]  # portrait, landscape, portrait
