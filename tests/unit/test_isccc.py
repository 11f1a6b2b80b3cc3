"""The English ISCCC application: its input (limits, Chinese only in names and titles), the
en formatting and message catalogue, the view's sections, and missing texts as warnings."""

from __future__ import annotations

import io
import re
import shutil
from datetime import date
from decimal import Decimal
from pathlib import Path

import docx
import pytest
import yaml
from babel.messages.extract import extract_from_file
from babel.messages.pofile import read_po
from tools.compile_messages import catalogues, compiled

import safecommunity_docs as scd
from safecommunity_docs.build import context_for
from safecommunity_docs.kinds import get_kind
from safecommunity_docs.models.dossier import Dossier
from safecommunity_docs.views import isccc as isccc_views
from safecommunity_docs.views.document import DocumentView
from safecommunity_docs.views.l10n import Formatter
from safecommunity_docs.views.messages import Labels, catalogue_path
from tests.conftest import EXAMPLES, ROOT

QINGHE = EXAMPLES / "qinghe-street"
PACKAGE = ROOT / "src" / "safecommunity_docs"
INDICATOR_TITLES = (
    "Indicator 1: An infrastructure based on partnership and collaboration",
    "Indicator 2: Long-term, sustainable programmes covering all genders",
    "Indicator 3: Programmes that target high-risk groups and environments",
    "Indicator 4: Programmes that are based on the available evidence",
    "Indicator 5: Programmes that document the frequency and causes of injuries",
    "Indicator 6: Evaluation measures",
    "Indicator 7: Ongoing participation in national and international Safe Community",
)

# Independent of the library: a Chinese character is a Han ideograph, a CJK symbol or
# punctuation mark or a full-width form; it may stand only in a quoted title 《…》 or in a
# parenthesised original name without Latin letters right after a word and a space.
HAN = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")
ALLOWED = re.compile(r"《[^《》]*》|(?<=[\w.”\]] )[(（][^()（）A-Za-z]*[)）]")


def stray(text: str) -> list[str]:
    return HAN.findall(ALLOWED.sub("", text))


@pytest.fixture(scope="module")
def qinghe() -> Dossier:
    return scd.load(QINGHE)


def _view(dossier: Dossier) -> DocumentView:
    assert dossier.isccc is not None
    return get_kind("isccc_application").view("document", dossier.isccc, context_for(dossier))


def _copy(
    tmp_path: Path, edit: dict[str, object] | None = None, drop: tuple[str, ...] = ()
) -> Path:
    folder = tmp_path / "qinghe"
    shutil.copytree(QINGHE, folder)
    data = yaml.safe_load((folder / "isccc.yaml").read_text(encoding="utf-8"))
    for key in drop:
        head, _, tail = key.partition(".")
        if tail:
            del data[head][tail]
        else:
            del data[key]
    data.update(edit or {})
    (folder / "isccc.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    return folder


def test_the_view_has_every_template_section_in_order(qinghe: Dossier) -> None:
    headings = [b.text for b in _view(qinghe).blocks if b.kind == "h1"]
    assert headings[:3] == ["1. Community presentation", "2. Overview", "3. Work so far"]
    assert len(headings) == 10
    for n, (heading, title) in enumerate(zip(headings[3:], INDICATOR_TITLES, strict=True), 4):
        assert heading.startswith(f"{n}. {title}")


def test_the_view_combines_the_english_text_with_the_dossier_facts(qinghe: Dossier) -> None:
    view = _view(qinghe)
    texts = view.texts()
    assert qinghe.isccc is not None
    assert qinghe.isccc.indicators.evidence[0] in texts
    # babel, locale en: thousands separators, dates in words, English code-list labels
    assert "68,240 (33,610 male, 34,630 female)" in texts
    assert "1 March 2025" in texts
    assert view.blocks[-1].text == "20 November 2026"
    assert {"Falls", "Home", "Older people"} <= set(texts)
    assert "“Steady Steps” home fall prevention for older people" in texts
    stats = scd.analyse(qinghe)
    assert Formatter("en").number(stats.record_count) in " ".join(texts)
    assert any("94.5 of 100 points" in t for t in texts)
    assert view.language == "en-GB"


def test_no_chinese_outside_names_and_quoted_titles(qinghe: Dossier) -> None:
    texts = _view(qinghe).texts()
    assert [t for t in texts if stray(t)] == []
    assert any("(清河街道)" in t for t in texts)  # the original name is kept, in brackets


def test_every_label_the_view_uses_has_an_english_translation() -> None:
    labels = Labels("en")
    literal = [
        msgid
        for module in ("isccc.py", "isccc_facts.py")
        for _, msgid, _, _ in extract_from_file(
            "python", PACKAGE / "views" / module, keywords={"L": None, "labels": None}
        )
        if isinstance(msgid, str)
    ]
    assert len(literal) > 40
    headings = [*isccc_views.SECTION_HEADINGS.values(), *isccc_views.INDICATOR_HEADINGS.values()]
    codes = [member.label for enum in isccc_views.CODE_LISTS for member in enum]
    assert [m for m in [*literal, *headings, *codes] if not labels.has(m)] == []


def test_building_the_views_of_every_example_needs_no_missing_label(qinghe: Dossier) -> None:
    assert qinghe.isccc is not None
    english = qinghe.isccc.model_copy(update={"projects": {}})
    for folder in ("qinghe-street", "dongshan-town", "jiangkou-park"):
        dossier = scd.load(EXAMPLES / folder).model_copy(update={"isccc": english})
        view = _view(dossier)
        assert "[untranslated label]" not in " ".join(view.texts()), folder


def test_the_compiled_catalogue_is_fresh_and_shipped() -> None:
    [po] = catalogues()
    assert po == PACKAGE / catalogue_path("en", ".po")
    assert po.with_suffix(".mo").read_bytes() == compiled(po), (
        "run: python tools/compile_messages.py"
    )
    with po.open("rb") as fp:
        assert all(m.string for m in read_po(fp) if m.id)


def test_formatting_follows_the_locale() -> None:
    en, zh = Formatter("en"), Formatter()
    assert (en.number(68240), zh.number(68240)) == ("68,240", "68240")
    assert (en.date(date(2026, 11, 5)), zh.date(date(2026, 11, 5))) == (
        "5 November 2026",
        "2026年11月5日",
    )
    assert (en.month("2025-03"), zh.month("2025-03")) == ("March 2025", "2025年3月")
    assert en.percent(Decimal("22.04")) == "22.0%"
    with pytest.raises(ValueError, match="unsupported locale"):
        Formatter("fr")


def test_a_text_over_its_word_limit_is_a_located_error(tmp_path: Path) -> None:
    folder = _copy(tmp_path, {"limits": {"overview": 50}})
    with pytest.raises(scd.InputError) as caught:
        scd.load(folder)
    [problem] = caught.value.problems
    assert problem.path == "overview"
    assert problem.file is not None
    assert problem.file.endswith("isccc.yaml")
    assert problem.line is not None
    assert "the limit is 50" in problem.message


def test_chinese_outside_a_name_is_a_located_error(tmp_path: Path) -> None:
    folder = _copy(tmp_path, {"overview": ["The community is 清河街道 in Yunzhou."]})
    with pytest.raises(scd.InputError) as caught:
        scd.load(folder)
    [problem] = caught.value.problems
    assert problem.path == "overview[0]"
    assert "清河街道" in problem.message


def test_an_unknown_project_id_is_a_located_error(tmp_path: Path) -> None:
    folder = _copy(tmp_path, {"projects": {"elderly-fall": {"name": "Fall prevention"}}})
    with pytest.raises(scd.InputError) as caught:
        scd.load(folder)
    [problem] = caught.value.problems
    assert problem.path == "projects.elderly-fall"
    assert "elderly-falls" in problem.message


def test_missing_english_texts_are_placeholders_and_warnings(tmp_path: Path) -> None:
    folder = _copy(tmp_path, {"projects": {}}, drop=("indicators.evaluation", "work_so_far"))
    dossier = scd.load(folder)
    view = _view(dossier)
    texts = view.texts()
    assert "[English text missing: isccc.indicators.evaluation]" in texts
    assert "[English text missing: isccc.work_so_far]" in texts
    assert "[English text missing: isccc.projects.elderly-falls.name]" in texts
    assert not [t for t in texts if stray(t)]
    warnings = scd.validate(folder).warnings
    missing = [w for w in warnings if "no English text" in w]
    paths = {w.split(": ")[0].split(" ")[-1] for w in missing}
    assert {"isccc.indicators.evaluation", "isccc.work_so_far"} <= paths
    assert {f"isccc.projects.{p.id}.name" for p in dossier.projects} <= paths
    assert all("isccc.yaml:" in w for w in missing)
    result = scd.build(dossier, formats=["docx"])
    assert [w for w in result.warnings if "no English text" in w] == missing
    application = next(o for o in result.outputs if o.kind == "isccc_application")
    body = "\n".join(p.text for p in docx.Document(io.BytesIO(application.read())).paragraphs)
    assert "[English text missing: isccc.indicators.evaluation]" in body


def test_the_complete_example_has_no_missing_text_warning() -> None:
    assert [w for w in scd.validate(QINGHE).warnings if "no English text" in w] == []
