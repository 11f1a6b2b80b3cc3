"""PDF conversion: the fake converter, the fontconfig file, font checks, and real LibreOffice runs."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PageObject, PdfReader

import safecommunity_docs
from safecommunity_docs.dossier_pdf import own_workers
from safecommunity_docs.errors import ConversionError, ConverterNotFound
from safecommunity_docs.render.pdf import (
    Converter,
    FakeConverter,
    LibreOfficeConverter,
    check_pdf,
    embedded_fonts,
    fake_pdf,
    fandol_dir,
    font_warnings,
    write_fontconfig,
)
from safecommunity_docs.render.pdf.fontcheck import _maps_han
from safecommunity_docs.render.pdf.fontconfig import fontconfig_text
from safecommunity_docs.render.pdf.libreoffice import office_allocator, office_environment
from safecommunity_docs.render.pdf.profile import template_for
from tests.conftest import EXAMPLES
from tests.lo import worker_killed_after_first_document

IN_CI = os.environ.get("CI") == "true"


def _first_page_text(pdf: bytes) -> str:
    return PdfReader(io.BytesIO(pdf)).pages[0].extract_text().replace("\n", "")


@pytest.fixture(scope="module")
def dossier() -> safecommunity_docs.Dossier:
    return safecommunity_docs.load(EXAMPLES / "qinghe-street")


@pytest.fixture(scope="module")
def documents(dossier: safecommunity_docs.Dossier) -> list[tuple[str, bytes]]:
    """The work plan and the promotion projects of qinghe-street as Word bytes, with titles."""
    assert dossier.work_plan is not None
    items = [
        (
            dossier.work_plan.title,
            safecommunity_docs.render(dossier.work_plan, "docx", dossier=dossier),
        )
    ]
    for project in dossier.projects:
        items.append((project.title, safecommunity_docs.render(project, "docx", dossier=dossier)))
    return items


# --- without LibreOffice ---------------------------------------------------------------------


def test_fake_converter_returns_one_deterministic_page_with_the_name() -> None:
    with FakeConverter() as fake:
        assert isinstance(fake, Converter)
        first = fake.convert(b"PK\x03\x04 docx", "清河街道 工作计划")
        again = fake.convert(b"PK\x03\x04 other", "清河街道 工作计划")
        assert first == again
        assert check_pdf(first, "x", "fake") == 1
        assert "清河街道 工作计划" in _first_page_text(first)
        metadata = PdfReader(io.BytesIO(first)).metadata
        assert metadata is not None
        assert metadata.title == "清河街道 工作计划"
        assert fake.convert_many([("a", b"PK1"), ("b", b"PK2")]) == [fake_pdf("a"), fake_pdf("b")]
        assert fake.stats.documents == 4


def test_fake_converter_refuses_named_documents_and_non_zip_bytes() -> None:
    fake = FakeConverter(fail=["bad"])
    with pytest.raises(ConversionError) as caught:
        fake.convert(b"PK", "bad")
    assert caught.value.converter == "fake"
    with pytest.raises(ConversionError):
        fake.convert(b"not a zip", "plain")


@pytest.mark.parametrize("data", [None, b"", b"hello", b"%PDF-1.4 broken"])
def test_check_pdf_rejects_missing_or_broken_output(data: bytes | None) -> None:
    with pytest.raises(ConversionError) as caught:
        check_pdf(data, "doc", "libreoffice", returncode=1, stderr_tail="boom")
    assert caught.value.stderr_tail == "boom"
    assert caught.value.returncode == 1


def test_font_warnings_flag_a_font_that_is_not_embedded() -> None:
    [font] = embedded_fonts(fake_pdf("名称"))
    assert (font.name, font.embedded, font.subset) == ("Helvetica", False, False)
    warnings = font_warnings(fake_pdf("名称"), expected=["FandolFang"])
    assert "font Helvetica is not embedded" in warnings
    assert "Chinese text is set in Helvetica, a font without Chinese glyphs" in warnings
    assert "expected font FandolFang is not used" in warnings


def test_font_warnings_read_each_fonts_tounicode_map_not_the_page_text(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Extracting the text of every page re-parsed every font per page: a minute for 581 pages."""

    def no_text(*_: object, **__: object) -> str:
        raise AssertionError("page text extracted")

    monkeypatch.setattr(PageObject, "extract_text", no_text)
    han = "Chinese text is set in Helvetica, a font without Chinese glyphs"
    assert han in font_warnings(fake_pdf("名称"))
    assert han not in font_warnings(fake_pdf("name"))


@pytest.mark.parametrize(
    ("cmap", "han"),
    [
        (b"1 beginbfchar <4E00> <0041> endbfchar", False),
        (b"1 beginbfchar <0003> <4E2D> endbfchar", True),
        (b"1 beginbfrange <0001> <0003> <0041> endbfrange", False),
        (b"1 beginbfrange <0001> <0003> <4DFE> endbfrange", True),
        (b"1 beginbfrange <0001> <0002> [<0041> <6587>] endbfrange", True),
    ],
)
def test_tounicode_maps_are_read_for_chinese_destinations(cmap: bytes, han: bool) -> None:
    assert _maps_han(cmap) is han


def test_fontconfig_puts_our_cache_first_and_maps_the_declared_names(tmp_path: Path) -> None:
    text = fontconfig_text([tmp_path / "fonts"], tmp_path / "cache")
    assert text.index("<cachedir>") < text.index("<dir>") < text.index("<include")
    assert f"<cachedir>{tmp_path / 'cache'}</cachedir>" in text
    for name in (
        "仿宋_GB2312",
        "仿宋",
        "FangSong",
        "楷体_GB2312",
        "楷体",
        "KaiTi",
        "黑体",
        "SimHei",
        "宋体",
        "SimSun",
        "方正小标宋简体",
    ):
        assert f"<string>{name}</string></test>" in text
    assert "/var/cache" not in text


def test_fontconfig_file_resolves_the_names_to_open_fonts(tmp_path: Path) -> None:
    # fontconfig comes with the set-up's packages; its absence is a failure, never a skip.
    assert shutil.which("fc-match"), "fontconfig is missing: run the set-up (make test)"
    conf = write_fontconfig(tmp_path)
    env = {**os.environ, "FONTCONFIG_FILE": str(conf)}

    def family(name: str) -> str:
        done = subprocess.run(
            ["fc-match", "-f", "%{family[0]}:%{style[0]}", name],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        return done.stdout

    fang, kai = (
        ("FandolFang", "FandolKai") if fandol_dir() else ("Noto Serif CJK SC", "AR PL UKai CN")
    )
    assert family("仿宋_GB2312").startswith(fang)
    assert family("楷体_GB2312").startswith(kai)
    assert family("黑体").startswith("Noto Sans CJK SC")
    assert family("宋体").startswith("Noto Serif CJK SC")
    assert family("方正小标宋简体") == "Noto Serif CJK SC:Bold"


def test_converter_not_found_without_soffice_on_path(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(ConverterNotFound) as caught:
        LibreOfficeConverter()
    assert "apt-get install" in str(caught.value)
    assert "libreoffice-writer-nogui" in str(caught.value)
    assert caught.value.converter == "libreoffice"


def test_soffice_runs_without_a_dask_nannys_malloc_trim_threshold(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A Dask worker's MALLOC_TRIM_THRESHOLD_ (64 KiB) made LibreOffice slower."""
    monkeypatch.setenv("MALLOC_TRIM_THRESHOLD_", "65536")
    monkeypatch.setenv("SCD_KEPT", "yes")
    env = office_environment(tmp_path / "fonts.conf")
    assert "MALLOC_TRIM_THRESHOLD_" not in env
    assert env["SCD_KEPT"] == "yes"
    assert env["FONTCONFIG_FILE"] == str(tmp_path / "fonts.conf")
    assert os.environ["MALLOC_TRIM_THRESHOLD_"] == "65536", "this process's own is left alone"


def test_soffice_runs_on_the_allocator_found_and_keeps_an_inherited_preload(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    library = tmp_path / "libfast.so"
    library.write_bytes(b"")
    monkeypatch.setenv("SAFECOMMUNITY_DOCS_OFFICE_MALLOC", str(library))
    monkeypatch.setenv("LD_PRELOAD", "/opt/other.so")
    assert office_allocator() == str(library)
    assert office_environment(tmp_path / "fonts.conf")["LD_PRELOAD"] == f"{library} /opt/other.so"
    monkeypatch.delenv("LD_PRELOAD")
    assert office_environment(tmp_path / "fonts.conf")["LD_PRELOAD"] == str(library)
    monkeypatch.setenv("SAFECOMMUNITY_DOCS_OFFICE_MALLOC", "system")
    assert office_allocator() is None
    assert "LD_PRELOAD" not in office_environment(tmp_path / "fonts.conf")
    monkeypatch.setenv("SAFECOMMUNITY_DOCS_OFFICE_MALLOC", str(tmp_path / "absent.so"))
    assert office_allocator() is None, "a library that is not there is never preloaded"


def test_the_set_up_installs_tcmalloc_for_soffice(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SAFECOMMUNITY_DOCS_OFFICE_MALLOC", raising=False)
    found = office_allocator()
    assert found is not None
    assert found.endswith("libtcmalloc_minimal.so.4")


# --- with LibreOffice ------------------------------------------------------------------------


@pytest.mark.libreoffice
def test_every_worker_gets_the_office_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MALLOC_TRIM_THRESHOLD_", "65536")
    with LibreOfficeConverter(workers=2) as converter:
        envs = [worker.env for worker in converter._workers]
    assert len(envs) == 2
    assert all("MALLOC_TRIM_THRESHOLD_" not in env for env in envs)
    assert all(env["FONTCONFIG_FILE"] == str(converter.fontconfig) for env in envs)
    assert all(env["LD_PRELOAD"].endswith("libtcmalloc_minimal.so.4") for env in envs)


@pytest.mark.libreoffice
def test_real_conversion_embeds_the_open_fonts(documents: list[tuple[str, bytes]]) -> None:
    if IN_CI:
        assert fandol_dir() is not None, "the set-up must install FandolFang/FandolKai"
    title, docx = documents[0]
    with LibreOfficeConverter(workers=1, max_documents=1) as converter:
        assert converter.mode == "uno", "the set-up installs python3-uno for warm workers"
        pdf = converter.convert(docx, title)
        second_title, second_docx = documents[1]
        assert check_pdf(converter.convert(second_docx, second_title), second_title, "test") > 0
        stats = converter.stats
    assert (stats.documents, stats.starts, stats.recycles, stats.restarts) == (2, 2, 2, 0)
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) > 0
    # Extraction may put a space between Latin digits and CJK (「2026 年」): compare without.
    assert "".join(title.split()) in "".join(_first_page_text(pdf).split())
    fonts = embedded_fonts(pdf)
    assert fonts
    assert all(font.embedded and font.subset for font in fonts)
    names = {font.name for font in fonts}
    assert any(name.startswith("NotoSansCJK") for name in names)  # 黑体 headings
    expected = ["FandolFang", "FandolKai"] if fandol_dir() else []
    assert font_warnings(pdf, expected=expected) == []


@pytest.mark.libreoffice
def test_a_killed_worker_is_restarted_and_every_document_comes_back(
    documents: list[tuple[str, bytes]],
) -> None:
    items = documents[:4] * 2
    with LibreOfficeConverter(workers=2) as converter:
        converter.start()
        with worker_killed_after_first_document(converter) as killed:
            pdfs = converter.convert_many(items)
        stats = converter.stats
    assert killed
    assert len(pdfs) == len(items)
    for (title, _), pdf in zip(items, pdfs, strict=True):
        assert check_pdf(pdf, title, "test") > 0
        assert "".join(title.split()) in "".join(_first_page_text(pdf).split())
    assert stats.restarts >= 1
    assert stats.documents == len(items)


@pytest.mark.libreoffice
def test_a_document_over_the_timeout_fails_after_one_retry_and_the_converter_recovers(
    documents: list[tuple[str, bytes]],
) -> None:
    title, docx = documents[1]
    with LibreOfficeConverter(workers=1, timeout=0.01) as converter:
        with pytest.raises(ConversionError) as caught:
            converter.convert(docx, title)
        assert str(caught.value).startswith(f"{title}: ")
        assert "did not finish converting it within 0.01 s, twice" in str(caught.value)
        assert caught.value.converter == "libreoffice"
        assert converter.stats.restarts == 2
        assert converter.stats.retries == 1
        converter.timeout = 60
        assert check_pdf(converter.convert(docx, title), title, "test") > 0
        assert converter.worker_pids()
    assert not converter.root.exists()


@pytest.mark.libreoffice
def test_batch_fallback_converts_every_document_in_one_soffice_call(
    documents: list[tuple[str, bytes]],
) -> None:
    items = documents[1:3]
    with LibreOfficeConverter(mode="oneshot") as converter:
        pdfs = converter.convert_many(items)
        assert converter.stats.documents == len(items)
        assert converter.stats.retries == 0
    for (title, _), pdf in zip(items, pdfs, strict=True):
        assert title in _first_page_text(pdf)


@pytest.mark.libreoffice
def test_a_worker_leaves_its_profile_to_the_next_one(
    documents: list[tuple[str, bytes]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first worker that stops cleanly keeps its profile in the user's cache; the next
    worker starts from a copy of it instead of building one (about 0.45 s of CPU)."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    title, docx = documents[1]
    with LibreOfficeConverter(workers=1) as first:
        template = template_for(first.soffice)
        assert not template.exists()
        assert check_pdf(first.convert(docx, title), title, "test") > 0
    assert (template / "user" / "registrymodifications.xcu").is_file()
    (template / "user" / "seeded-from-the-template").write_text("")
    with LibreOfficeConverter(workers=1) as second:
        assert check_pdf(second.convert(docx, title), title, "test") > 0
        profile = second.root / "worker-0" / "profile" / "user"
        assert (profile / "seeded-from-the-template").is_file()


@pytest.mark.parametrize(("cores", "workers"), [(None, 1), (1, 1), (2, 1), (3, 2), (4, 2), (16, 2)])
def test_a_build_leaves_one_core_to_rendering(
    cores: int | None, workers: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On two cores one office converts a dossier as fast as two and starts once."""
    monkeypatch.setattr(os, "cpu_count", lambda: cores)
    assert own_workers() == workers
