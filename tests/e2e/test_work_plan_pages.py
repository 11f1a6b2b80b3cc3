"""Each example's work plan is as long as a real one: 6 to 10 pages as PDF (LibreOffice)."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader

import safecommunity_docs as scd
from safecommunity_docs.render.pdf import LibreOfficeConverter
from tests.conftest import EXAMPLES

pytestmark = pytest.mark.libreoffice
FOLDERS = sorted(p for p in EXAMPLES.iterdir() if (p / "community.yaml").is_file())


@pytest.fixture(scope="module")
def converter() -> Iterator[LibreOfficeConverter]:
    with LibreOfficeConverter(workers=1) as shared:
        yield shared


@pytest.mark.parametrize("folder", FOLDERS, ids=lambda p: p.name)
def test_work_plan_is_six_to_ten_pages(folder: Path, converter: LibreOfficeConverter) -> None:
    dossier = scd.load(folder)
    plan = dossier.work_plan
    assert plan is not None
    reader = PdfReader(io.BytesIO(scd.render(plan, "pdf", dossier=dossier, converter=converter)))
    assert 6 <= len(reader.pages) <= 10, len(reader.pages)
    texts = ["".join(page.extract_text().split()) for page in reader.pages]
    # The member lists are an annex of their own, after the signed body.
    annex = next(i for i, t in enumerate(texts) if t.startswith("附件") and "组成人员名单" in t)
    assert annex > 0
    assert plan.issuing_body in "".join(texts[:annex])
    assert plan.organisation is not None
    assert all(g.leader.name in "".join(texts[annex:]) for g in plan.organisation.working_groups)
