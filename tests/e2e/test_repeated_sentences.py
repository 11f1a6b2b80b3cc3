"""No document of any example prints the same sentence (over 15 characters) twice."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import docx
import pytest

import safecommunity_docs as scd
from safecommunity_docs.build import BuildResult
from tests.conftest import EXAMPLES

FOLDERS = sorted(p for p in EXAMPLES.iterdir() if p.is_dir())
LONGER_THAN = 15
SKIPPED_STYLES = ("GW Title", "GW Subtitle", "GW Heading", "GW Caption", "GW Annex Title")
"""Headings, titles and the captions of tables and figures (labels, not sentences)."""
SENTENCE = re.compile(r"[^。！？；]+[。！？；]?")


@pytest.fixture(scope="module", params=FOLDERS, ids=lambda p: p.name)
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    out = tmp_path_factory.mktemp(request.param.name)
    return scd.build(scd.load(request.param), out, formats=["docx"])


def sentences(path: Path) -> list[str]:
    """The sentences of the body paragraphs of a Word file (table cells are not paragraphs of
    the body, so they are left out), headings and captions skipped."""
    found = []
    for paragraph in docx.Document(str(path)).paragraphs:
        if paragraph.style is not None and paragraph.style.name.startswith(SKIPPED_STYLES):
            continue
        found += [s.strip() for s in SENTENCE.findall(paragraph.text) if s.strip()]
    return found


def repeated(texts: list[str]) -> dict[str, int]:
    counts = Counter(t for t in texts if len(t) > LONGER_THAN)
    return {text: n for text, n in counts.items() if n > 1}


def test_the_check_finds_a_repeat() -> None:
    text = "伤害发生率按常住人口计算并按年平均。"
    assert repeated([text, "短句。", text]) == {text: 2}
    assert repeated(["短句。", "短句。"]) == {}


def test_no_sentence_is_printed_twice(built: BuildResult) -> None:
    documents = [p for p in built.paths if p.suffix == ".docx"]
    assert len(documents) >= 6
    found = {p.name: repeated(sentences(p)) for p in documents}
    assert {name: texts for name, texts in found.items() if texts} == {}
