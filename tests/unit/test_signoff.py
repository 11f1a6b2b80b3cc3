"""The 落款 per GB/T 9704 7.3.5: sealed and unsealed layouts, joint signers, the 附注; Word output."""

from __future__ import annotations

import io
import zipfile
from datetime import date

import pytest
from docx import Document as WordDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Twips
from lxml import etree

from safecommunity_docs.render.docx.engine import render_docx
from safecommunity_docs.render.docx.folio import number_from
from safecommunity_docs.views.builder import BlockBuilder
from safecommunity_docs.views.document import Block, DocumentView
from safecommunity_docs.views.format import aside
from safecommunity_docs.views.signoff import add_signoff, chars

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
DAY = date(2026, 3, 10)  # 2026年3月10日: 6.5 characters wide


def _signoff(signers: list[str], *, sealed: bool, note: str = "") -> list[Block]:
    b = BlockBuilder()
    add_signoff(b, signers, DAY, sealed=sealed, note=note)
    return b.blocks


def _kinds(blocks: list[Block]) -> list[str]:
    return [block.kind for block in blocks]


def test_sealed_date_four_characters_in_and_the_body_centred_on_it() -> None:
    blocks = _signoff(["东山镇人民政府"], sealed=True)
    assert _kinds(blocks) == ["blank", "blank", "signature", "date"], "room for the seal"
    signature, dated = blocks[2], blocks[3]
    assert dated.text == "2026年3月10日"
    assert dated.indent_right == 4.0
    assert signature.indent_right is not None
    centre_of_date = dated.indent_right + chars(dated.text) / 2
    assert signature.indent_right + chars(signature.text) / 2 == centre_of_date


def test_sealed_long_body_keeps_two_characters_and_centres_the_date_under_it() -> None:
    body = "云州市临川区清河街道办事处"
    signature, dated = _signoff([body], sealed=True)[2:]
    assert signature.indent_right == 2.0
    assert dated.indent_right == 2.0 + (chars(body) - chars(dated.text)) / 2


def test_unsealed_body_two_characters_in_and_the_date_two_characters_right_of_it() -> None:
    body = "清河街道安全社区促进委员会办公室"
    blocks = _signoff([body], sealed=False)
    assert _kinds(blocks) == ["blank", "signature", "date"]
    signature, dated = blocks[1], blocks[2]
    assert signature.indent_right == 2.0
    assert dated.indent_left is not None, "the date is placed by its first character"
    first_of_body = 28 - signature.indent_right - chars(body)
    assert dated.indent_left - first_of_body == 2.0


def test_unsealed_short_body_moves_left_for_a_longer_date() -> None:
    signature, dated = _signoff(["某办"], sealed=False)[1:]
    assert dated.indent_left is not None
    assert 28 - dated.indent_left - chars(dated.text) == 2.0, "the date keeps 右空二字"
    assert signature.indent_right is not None
    assert signature.indent_right + chars("某办") == 2.0 + chars(dated.text) + 2.0


def test_joint_signers_one_per_row() -> None:
    signers = ["东山镇人民政府", "青溪县应急管理局安全科"]
    unsealed = _signoff(signers, sealed=False)
    assert _kinds(unsealed) == ["blank", "signature", "signature", "date"]
    assert [b.text for b in unsealed[1:3]] == signers
    assert {b.indent_right for b in unsealed[1:3]} == {2.0}
    sealed = _signoff(signers, sealed=True)
    assert _kinds(sealed) == ["blank"] * 2 + ["signature"] + ["blank"] * 4 + ["signature", "date"]
    centres = {b.indent_right + chars(b.text) / 2 for b in sealed if b.indent_right is not None}
    assert len(centres) == 1, "every body centred on the date"


def test_note_is_a_bracketed_line_under_the_date() -> None:
    blocks = _signoff(["某街道办事处"], sealed=True, note="联系人：张三，电话：123")
    assert blocks[-2].kind == "date"
    assert blocks[-1] == Block("p", "（联系人：张三，电话：123）")


def test_no_issuing_body_is_an_error() -> None:
    with pytest.raises(ValueError, match="issuing body"):
        _signoff([""], sealed=True)


def test_aside_never_nests_round_brackets() -> None:
    assert aside("入户抽查") == "（入户抽查）"
    assert aside("入户抽查（320户）") == "（入户抽查〔320户〕）"


def _docx(blocks: list[Block]) -> bytes:
    view = DocumentView(
        title="关于测试的申请书",
        subtitle="",
        blocks=(Block("p", "正文。"), *blocks),
        author="某街道办事处",
        document_date=DAY,
        kind="application",
    )
    return render_docx(view)


def test_word_signoff_paragraphs_are_right_aligned_with_their_indents() -> None:
    blocks = _signoff(["东山镇人民政府"], sealed=True, note="联系人：张三")
    document = WordDocument(io.BytesIO(_docx(blocks)))
    paragraphs = {p.text: p for p in document.paragraphs if p.text}
    signature, dated = paragraphs["东山镇人民政府"], paragraphs["2026年3月10日"]
    for paragraph, block in ((signature, blocks[2]), (dated, blocks[3])):
        assert paragraph.style is not None
        assert paragraph.style.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.RIGHT
        assert block.indent_right is not None
        assert paragraph.paragraph_format.right_indent == Twips(round(block.indent_right * 315))
    assert dated.paragraph_format.right_indent == Twips(4 * 315), "成文日期右空四字"
    texts = [p.text for p in document.paragraphs]
    assert texts.index("（联系人：张三）") == texts.index("2026年3月10日") + 1


def test_word_unsealed_date_is_set_from_its_first_character() -> None:
    blocks = _signoff(["清河街道安全社区促进委员会办公室"], sealed=False)
    document = WordDocument(io.BytesIO(_docx(blocks)))
    dated = next(p for p in document.paragraphs if p.text == "2026年3月10日")
    assert dated.alignment == WD_ALIGN_PARAGRAPH.LEFT
    assert blocks[-1].indent_left is not None
    assert dated.paragraph_format.left_indent == Twips(round(blocks[-1].indent_left * 315))


def test_word_footers_put_the_folio_at_the_outer_side() -> None:
    data = _docx(_signoff(["某街道办事处"], sealed=False))
    document = WordDocument(io.BytesIO(data))
    settings = document.settings.element
    assert settings.find(f"{W}evenAndOddHeaders") is not None
    section = document.sections[0]
    odd, even = section.footer, section.even_page_footer
    assert odd.paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.RIGHT
    assert odd.paragraphs[0].paragraph_format.right_indent == Twips(280), "居右空一字"
    assert even.paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.LEFT
    assert even.paragraphs[0].paragraph_format.left_indent == Twips(280), "居左空一字"
    assert "PAGE" in etree.tostring(even._element).decode()


def _footer_targets(docx: bytes) -> dict[str, str]:
    with zipfile.ZipFile(io.BytesIO(docx)) as z:
        root = etree.fromstring(z.read("word/document.xml"))
        rels = etree.fromstring(z.read("word/_rels/document.xml.rels"))
    targets = {rel.get("Id"): rel.get("Target") for rel in rels}
    return {
        ref.get(f"{W}type"): targets[ref.get(f"{R}id")] for ref in root.iter(f"{W}footerReference")
    }


def test_a_part_numbered_from_an_even_folio_swaps_its_footers() -> None:
    data = _docx(_signoff(["某街道办事处"], sealed=False))
    assert _footer_targets(data) == {"default": "footer1.xml", "even": "footer2.xml"}
    assert _footer_targets(number_from(data, 37)) == {
        "default": "footer1.xml",
        "even": "footer2.xml",
    }
    assert _footer_targets(number_from(data, 38)) == {
        "default": "footer2.xml",
        "even": "footer1.xml",
    }
