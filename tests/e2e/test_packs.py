"""Each jurisdiction pack builds a dossier that scores with its own bands and says so in the
documents; the Sichuan example builds into a PDF dossier worded as its pack words it."""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

import docx
import pytest
import yaml
from pypdf import PdfReader

import safecommunity_docs as scd
from safecommunity_docs.build import build
from safecommunity_docs.models import Rubric
from tests.conftest import EXAMPLES


def _expected_label(rubric: Rubric, total: Decimal) -> str:
    """The label of the band of ``rubric`` that holds ``total``."""
    return next(
        b.label for b in rubric.bands if b.min <= total and (b.max is None or total < b.max)
    )


def _with_pack(tmp: Path, example: str, pack: str, rubric: str) -> Path:
    """A copy of ``example`` following ``pack``, its assessment on ``rubric``."""
    folder = tmp / example
    shutil.copytree(EXAMPLES / example, folder)
    (folder / "options.yaml").write_text(f"pack: {pack}\n", encoding="utf-8")
    path = folder / "assessment.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data.update(rubric=rubric)
    target = scd.load_rubric(rubric)
    if target.grades:  # a graded scorecard: every part graded, a few parts short of 'a'
        grades = list(target.grades)
        data["items"] = [
            {
                "item": item.id,
                "grades": {p.name: grades[(n + k) % 7 == 0] for k, p in enumerate(item.parts)},
                "evidence": ["会议纪要"],
            }
            for n, (_, item) in enumerate(target.items())
        ]
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return folder


def _folder(tmp: Path, pack: str) -> Path:
    if pack == "chongqing-municipal":
        return EXAMPLES / "qinghe-street"
    if pack == "sichuan-township":
        return EXAMPLES / "guihua-town"
    if pack == "national-field":
        return _with_pack(tmp, "jiangkou-park", pack, "national-field")
    return _with_pack(tmp, "dongshan-town", pack, "aqt9001-generic")


def _text(path: Path) -> str:
    document = docx.Document(str(path))
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells).replace("\u200b", "")


@pytest.mark.parametrize("pack_id", scd.pack_ids())
def test_each_pack_builds_a_dossier_scored_with_its_own_bands(pack_id: str, tmp_path: Path) -> None:
    dossier = scd.load(_folder(tmp_path, pack_id))
    pack = scd.rubrics.pack_for(dossier)
    assert pack.id == pack_id
    result = build(dossier, tmp_path / "out", formats=["docx"])
    report = scd.score(dossier, pack.loaded_rubrics[dossier.assessment.rubric])  # type: ignore[union-attr]
    rubric = pack.loaded_rubrics[report.rubric_id]
    label = _expected_label(rubric, report.total)
    assert report.band.label == label
    files = [tmp_path / "out" / name for name in result.files()]
    reports = [p for p in files if p.name.endswith("自评报告.docx")]
    assert len(reports) == 1
    text = _text(reports[0])
    assert report.verdict.label in text
    work_report = next(p for p in files if p.name.endswith("工作报告.docx"))
    assert f"对照《{pack.standard.title}》开展的工作" in _text(work_report)


@pytest.mark.libreoffice
def test_the_sichuan_example_builds_a_pdf_dossier_in_its_packs_words(tmp_path: Path) -> None:
    dossier = scd.load(EXAMPLES / "guihua-town")
    build(dossier, tmp_path, formats=["pdf"])
    reader = PdfReader(str(tmp_path / "dossier.pdf"))
    cover = reader.pages[0].extract_text()
    assert "四川省安全乡镇（街道）" in cover
    assert "执行标准：DB51/T 1795-2025" in cover
    contents = reader.pages[1].extract_text().replace("\n", "")
    order = [contents.index(word) for word in ("申请书", "工作报告", "自评报告", "诊断报告")]
    assert order == sorted(order)
