"""公文 elements measured on the PDFs of an example dossier (pdfplumber, LibreOffice for real):
folios at the outer side, the 落款 against the right margin, the cover's 仿宋 block."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pdfplumber
import pytest
from pypdf import PdfReader

from safecommunity_docs import load
from safecommunity_docs.build import BuildResult, build
from safecommunity_docs.models import Dossier
from safecommunity_docs.render.pdf import LibreOfficeConverter
from safecommunity_docs.views.format import fmt_date
from tests.conftest import EXAMPLES

pytestmark = pytest.mark.libreoffice
MM = 72 / 25.4
LEFT, RIGHT = 28 * MM, 26 * MM  # the type area's margins (portrait)
CHAR = 15.75  # one body character (16 pt, −0.25 pt spacing)
FOLIO_CHAR = 14.0  # one character of the 14 pt folio
NESTED = re.compile(r"（[^（）]*（[^（）]*）[^（）]*）")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Dossier, BuildResult]]:
    dossier = load(EXAMPLES / "qinghe-street")
    out = tmp_path_factory.mktemp("gongwen")
    with LibreOfficeConverter(workers=2) as converter:
        yield dossier, build(dossier, out, formats=["docx", "xlsx", "pdf"], converter=converter)


def _pdf(result: BuildResult, name: str) -> Path:
    return next(p for p in result.paths if p.name == name)


def _lines(page: pdfplumber.page.Page) -> list[tuple[str, float, float, list[str]]]:
    """Text lines of a page, top to bottom: (text, x0, x1, font names), blanks left out."""
    rows: dict[int, list[dict[str, object]]] = {}
    for char in page.chars:
        if str(char["text"]).strip():
            rows.setdefault(round(float(str(char["top"]))), []).append(char)
    out = []
    for _, chars in sorted(rows.items()):
        chars.sort(key=lambda c: float(str(c["x0"])))
        out.append(
            (
                "".join(str(c["text"]) for c in chars),
                float(str(chars[0]["x0"])),
                float(str(chars[-1]["x1"])),
                [str(c["fontname"]) for c in chars],
            )
        )
    return out


def test_folios_stand_at_the_outer_side(built: tuple[Dossier, BuildResult]) -> None:
    _, result = built
    measured = 0
    with pdfplumber.open(_pdf(result, "dossier.pdf")) as pdf:
        for index, page in enumerate(pdf.pages):
            found = [line for line in _lines(page) if re.fullmatch(r"—(\d+)—", line[0])]
            if not found:
                continue
            text, x0, x1, _ = found[-1]
            folio = int(text.strip("—"))
            width = float(page.width)
            portrait = width < float(page.height)
            where = (index, folio, round(x0, 1), round(width - x1, 1))
            if folio % 2:
                assert width - x1 < x0, where
                if portrait:
                    assert width - x1 == pytest.approx(RIGHT + FOLIO_CHAR, abs=2), where
            else:
                assert x0 < width - x1, where
                if portrait:
                    assert x0 == pytest.approx(LEFT + FOLIO_CHAR, abs=2), where
            measured += 1
    assert measured > 100, "every numbered page of the dossier was measured"


def test_application_signoff_is_sealed_with_the_contact_as_a_note(
    built: tuple[Dossier, BuildResult],
) -> None:
    dossier, result = built
    application = dossier.application
    assert application is not None
    assert application.sealed
    dated = fmt_date(application.submitted_on)
    with pdfplumber.open(_pdf(result, "清河街道安全社区评定申请书.pdf")) as pdf:
        page = pdf.pages[-1]
        width = float(page.width)
        lines = _lines(page)
    texts = [line[0] for line in lines]
    signer = texts.index(application.applicant)
    date_row = texts.index(dated)
    assert date_row == signer + 1
    # the line above the signer is the 附件说明's last entry: the blank rows between are text-free
    assert re.match(r"(附件：)?\d+\.", texts[signer - 1]), "two blank rows: room for the seal"
    note = "".join(line[0] for line in lines[date_row + 1 :] if not line[0].startswith("—"))
    assert note.startswith("（联系人："), "the 附注 under the date"
    assert note.endswith("）")
    assert lines[date_row + 1][1] == pytest.approx(LEFT + 2 * CHAR, abs=2), "居左空二字"
    _, s0, s1, _ = lines[signer]
    _, d0, d1, _ = lines[date_row]
    assert width - s1 >= RIGHT + 2 * CHAR - 2, "the body never closer than 右空二字"
    # LibreOffice ignores w:autoSpaceDE and sets about 3 pt between digits and Chinese, so
    # its date is up to one character wider than Word's: centred within half a character.
    assert (s0 + s1) / 2 == pytest.approx((d0 + d1) / 2, abs=CHAR / 2 + 1), "centred"
    contact_rows = [t for t in texts if "联系人" in t]
    assert len(contact_rows) == 1


def test_every_project_plan_ends_with_its_signoff(built: tuple[Dossier, BuildResult]) -> None:
    dossier, result = built
    assert dossier.work_plan is not None
    for project in dossier.projects:
        name = next(p for p in result.paths if p.suffix == ".pdf" and project.title in p.name)
        with pdfplumber.open(name) as pdf:
            page = pdf.pages[-1]
            width = float(page.width)
            lines = _lines(page)
        texts = [line[0] for line in lines]
        signer = project.lead_unit or dossier.work_plan.issuing_body
        assert signer in texts, name
        row = texts.index(signer)
        dated, d0, _d1, _ = lines[row + 1]
        assert re.fullmatch(r"\d{4}年\d{1,2}月\d{1,2}日", dated), name
        assert width - lines[row][2] == pytest.approx(RIGHT + 2 * CHAR, abs=2), "右空二字"
        body_first, date_first = lines[row][1], d0
        assert date_first - body_first == pytest.approx(2 * CHAR, abs=3), "日期右移二字"


def test_cover_block_is_fangsong_with_a_seal_line(built: tuple[Dossier, BuildResult]) -> None:
    _, result = built
    with pdfplumber.open(_pdf(result, "dossier.pdf")) as pdf:
        lines = _lines(pdf.pages[0])
    labels = ("申报单位", "申报级别", "申报日期", "（盖章）")
    block = [line for line in lines if line[0].startswith(labels)]
    assert [line[0][:4] for line in block] == ["申报单位", "（盖章）", "申报级别", "申报日期"]
    for text, _, _, fonts in block:
        assert all("FandolFang" in font for font in fonts), (text, set(fonts))
    assert re.fullmatch(r"申报日期：\d{4}年\d{1,2}月\d{1,2}日", block[-1][0])


def test_no_nested_round_brackets_in_bookmarks(built: tuple[Dossier, BuildResult]) -> None:
    _, result = built
    reader = PdfReader(_pdf(result, "dossier.pdf"))
    titles: list[str] = []

    def walk(items: list[object]) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                titles.append(str(getattr(item, "title", "")))

    walk(list(reader.outline))
    assert len(titles) > 20
    assert [t for t in titles if NESTED.search(t)] == []
