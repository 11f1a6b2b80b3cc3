"""The public API is pinned: changing it is a deliberate act that updates this list."""

from __future__ import annotations

import safecommunity_docs

PINNED = [
    "AnnualSummary",
    "Assessment",
    "BatchResult",
    "BuildOptions",
    "BuildResult",
    "Chart",
    "ChartFormat",
    "Community",
    "CommunityResult",
    "ConversionError",
    "Converter",
    "ConverterNotFound",
    "DiagnosisReport",
    "Dossier",
    "FakeConverter",
    "Findings",
    "FontNotFound",
    "Format",
    "InjuryRecord",
    "InjuryRecords",
    "InjuryStatistics",
    "InputError",
    "InputNotFound",
    "KindName",
    "LibreOfficeConverter",
    "MissingDependency",
    "Output",
    "Problem",
    "PromotionProject",
    "Pack",
    "Rubric",
    "SafeCommunityDocsError",
    "ScoreReport",
    "TemplateError",
    "TextChange",
    "ValidationReport",
    "WorkPlan",
    "__version__",
    "analyse",
    "batch",
    "build",
    "charts",
    "check",
    "codes",
    "json_schema",
    "load",
    "load_file",
    "load_pack",
    "load_rubric",
    "pack_ids",
    "read_records",
    "render",
    "render_xlsx",
    "rubric_ids",
    "score",
    "validate",
    "write_schemas",
]


def test_all_is_pinned() -> None:
    assert sorted(safecommunity_docs.__all__) == sorted(PINNED)


def test_every_name_resolves() -> None:
    for name in safecommunity_docs.__all__:
        assert getattr(safecommunity_docs, name) is not None, name


def test_exception_tree() -> None:
    from safecommunity_docs import errors

    assert issubclass(errors.InputError, errors.SafeCommunityDocsError)
    assert issubclass(errors.InputError, ValueError)
    assert issubclass(errors.InputNotFound, errors.SafeCommunityDocsError)
    assert issubclass(errors.TemplateError, errors.SafeCommunityDocsError)
    assert issubclass(errors.ConverterNotFound, errors.ConversionError)
    codes = {
        cls.exit_code
        for cls in (
            errors.InputError,
            errors.InputNotFound,
            errors.TemplateError,
            errors.ConversionError,
            errors.ConverterNotFound,
            errors.FontNotFound,
            errors.MissingDependency,
        )
    }
    assert len(codes) == 7


def test_every_error_class_is_exported() -> None:
    from safecommunity_docs import errors

    classes = {
        name
        for name, value in vars(errors).items()
        if isinstance(value, type) and issubclass(value, errors.SafeCommunityDocsError)
    }
    assert classes <= set(safecommunity_docs.__all__)
    assert issubclass(errors.MissingDependency, ImportError)


def test_library_never_prints_or_exits() -> None:
    # The library has no print() or sys.exit calls; only the CLI (the cli package) and the scripts that run as
    # processes of their own (under ``if __name__ == "__main__"``) talk to a terminal.
    import re
    from pathlib import Path

    src = Path(safecommunity_docs.__file__).parent
    for path in src.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        is_cli = path.relative_to(src).parts[0] == "cli"
        if is_cli or 'if __name__ == "__main__":' in text:
            continue
        assert not re.search(r"(?<!\w)print\(", text), path
        assert "sys.exit" not in text, path


def test_render_one_document() -> None:
    import io

    import docx

    from tests.conftest import EXAMPLES

    dossier = safecommunity_docs.load(EXAMPLES / "dongshan-town")
    assert dossier.work_plan is not None
    data = safecommunity_docs.render(dossier.work_plan, "docx", dossier=dossier)
    document = docx.Document(io.BytesIO(data))
    title = document.paragraphs[0].text
    assert "\n" in title, "the long title is broken into two lines"
    assert title.replace("\n", "") == dossier.work_plan.title
    assert dossier.assessment is not None
    xlsx = safecommunity_docs.render(dossier.assessment, "xlsx", dossier=dossier)
    assert xlsx[:2] == b"PK"
