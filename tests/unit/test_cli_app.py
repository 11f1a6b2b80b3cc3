"""The command line through typer's ``CliRunner``: every command, every documented exit code,
``category: message`` with a remedy and no traceback (unless ``--traceback``), completion."""

from __future__ import annotations

import importlib
import io
import os
import re
import signal
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import yaml
from typer.testing import CliRunner, Result

from safecommunity_docs import errors
from safecommunity_docs.cli import app as cli_app
from safecommunity_docs.cli import main
from safecommunity_docs.kinds import all_kinds
from tests.conftest import EXAMPLES, ROOT

QINGHE = str(EXAMPLES / "qinghe-street")


def invoke(*args: str) -> Result:
    return CliRunner().invoke(cli_app.make_app(), list(args))


def _commands() -> list[list[str]]:
    """Every command and command group path of the application."""
    import typer

    group: Any = typer.main.get_command(cli_app.make_app())
    found: list[list[str]] = []

    def walk(command: Any, path: list[str]) -> None:
        for name in command.list_commands(None):
            sub = command.get_command(None, name)
            found.append([*path, name])
            if hasattr(sub, "list_commands"):
                walk(sub, [*path, name])

    walk(group, [])
    return found


def test_every_command_of_the_issue_is_there() -> None:
    names = {" ".join(path) for path in _commands()}
    assert names >= {
        "init",
        "validate",
        "check",
        "score",
        "build",
        "schema",
        "rubrics",
        "templates",
        "templates export",
        "doctor",
        "fonts",
        "fonts install",
    }


@pytest.mark.parametrize("path", _commands(), ids=" ".join)
def test_every_command_has_examples_in_its_help(path: list[str]) -> None:
    result = invoke(*path, "--help")
    assert result.exit_code == 0, result.output
    assert "Examples" in result.stdout
    examples = result.stdout[result.stdout.index("Examples") :]
    assert f"safecommunity-docs {path[0]}" in examples


def test_the_top_level_help_lists_every_command_and_the_global_options() -> None:
    result = invoke("--help")
    assert result.exit_code == 0
    for word in ("init", "validate", "check", "score", "build", "templates", "fonts"):
        assert word in result.stdout
    for option in ("--traceback", "--version", "--install-completion", "--show-completion"):
        assert option in result.stdout


def test_version_exits_0() -> None:
    from safecommunity_docs import __version__

    result = invoke("--version")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"safecommunity-docs {__version__}"


def test_shell_completion_script_names_the_program() -> None:
    result = invoke("--show-completion", "bash")
    assert result.exit_code == 0, result.output
    assert "_SAFECOMMUNITY_DOCS_COMPLETE" in result.stdout


def test_completion_completes_command_names() -> None:
    env = {
        "_SAFECOMMUNITY_DOCS_COMPLETE": "complete_bash",
        "COMP_WORDS": "safecommunity-docs va",
        "COMP_CWORD": "1",
    }
    result = CliRunner().invoke(cli_app.make_app(), [], env=env, prog_name="safecommunity-docs")
    assert "validate" in result.stdout


# --- 0: each command doing its work -------------------------------------------------------


def test_validate_check_score_exit_0_on_a_valid_dossier(tmp_path: Path) -> None:
    valid = invoke("validate", QINGHE)
    assert valid.exit_code == 0
    assert f"✓ {QINGHE} (Dossier): valid" in valid.stdout
    scored = invoke("score", QINGHE, "--xlsx", str(tmp_path / "s.xlsx"))
    assert scored.exit_code == 0
    assert "结论：达到市级安全社区标准" in scored.stdout
    assert openpyxl.load_workbook(tmp_path / "s.xlsx").sheetnames
    checked = invoke("check", QINGHE, "--min-severity", "error")
    assert checked.exit_code == 0, checked.stderr
    assert "合计" in checked.stdout


def test_build_templates_schema_and_rubrics_exit_0(tmp_path: Path) -> None:
    built = invoke("build", QINGHE, "-o", str(tmp_path / "out"), "--formats", "xlsx")
    assert built.exit_code == 0, built.stderr
    written = [line.split(maxsplit=1)[1] for line in built.stdout.splitlines()]
    assert written
    for path in written:
        assert openpyxl.load_workbook(path).sheetnames
    exported = invoke("templates", "export", str(tmp_path / "tpl"))
    assert exported.exit_code == 0
    assert sorted(p.name for p in (tmp_path / "tpl").iterdir()) == sorted(
        f"{kind.template}.docx" for kind in all_kinds() if kind.template
    )
    schemas = invoke("schema", "-o", str(tmp_path / "schemas"))
    assert schemas.exit_code == 0
    assert (tmp_path / "schemas" / "community.schema.json").is_file()
    rubrics = invoke("rubrics")
    assert rubrics.exit_code == 0
    expected = [
        "aqt9001-generic",
        "chongqing-municipal (alias city)",
        "national-field",
        "sichuan-township",
    ]
    for line, name in zip(rubrics.stdout.splitlines(), expected, strict=True):
        assert line.startswith(name + " ")
    packs = invoke("packs")
    assert packs.exit_code == 0
    row = next(line for line in packs.stdout.splitlines() if line.startswith("sichuan-township"))
    assert row.split()[1:3] == ["DB51/T", "1795-2025"]


def test_doctor_exits_with_the_diagnosis_code() -> None:
    from safecommunity_docs.doctor import diagnose

    result = invoke("doctor")
    assert result.exit_code == diagnose().exit_code
    assert "PDF:" in result.stdout


def test_fonts_install_exits_0_when_the_fonts_are_there(tmp_path: Path) -> None:
    from safecommunity_docs.render.pdf import fandol_dir

    source = fandol_dir()
    assert source is not None, "the set-up installs FandolFang/FandolKai"
    for font in source.glob("*.otf"):
        (tmp_path / font.name).write_bytes(font.read_bytes())
    result = invoke("fonts", "install", str(tmp_path))
    assert result.exit_code == 0, result.output
    assert "already there" in result.stdout


# --- 1 … 9: the documented error codes ----------------------------------------------------


def test_1_invalid_input_prints_every_problem_and_the_remedy(tmp_path: Path) -> None:
    folder = tmp_path / "bad"
    folder.mkdir()
    community = (EXAMPLES / "qinghe-street" / "community.yaml").read_text(encoding="utf-8")
    (folder / "community.yaml").write_text(
        community.replace("area_km2: 6.8", "area_km2: much"), encoding="utf-8"
    )
    result = invoke("score", str(folder))
    assert result.exit_code == 1
    assert result.stderr.startswith("input: ")
    assert f"{folder}/community.yaml:" in result.stderr
    assert "area_km2" in result.stderr
    assert "remedy: " in result.stderr
    assert "Traceback" not in result.output


def test_1_templates_export_refuses_to_overwrite_and_writes_nothing(tmp_path: Path) -> None:
    (tmp_path / "work_plan.docx").write_bytes(b"mine")
    result = invoke("templates", "export", str(tmp_path))
    assert result.exit_code == 1
    assert "remedy: " in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["work_plan.docx"]
    assert (tmp_path / "work_plan.docx").read_bytes() == b"mine"


@pytest.mark.parametrize(
    "args",
    [["bogus"], ["validate"], ["build"], ["score", "x", "--no-such-option"], ["fonts"], []],
)
def test_2_usage_errors_name_the_usage_and_the_remedy(args: list[str]) -> None:
    result = invoke(*args)
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert lines[0].startswith("usage: ")
    assert lines[1].strip().startswith("safecommunity-docs")
    assert lines[2].startswith("remedy: ")
    assert "--help" in lines[2]


def test_3_not_found(tmp_path: Path) -> None:
    for command in ("validate", "check", "score", "build"):
        result = invoke(command, str(tmp_path / "nowhere"))
        assert result.exit_code == 3, command
        assert result.stderr.startswith(f"not-found: {tmp_path / 'nowhere'}: no such file")
        assert "remedy: " in result.stderr


def test_4_a_broken_template(tmp_path: Path) -> None:
    templates = tmp_path / "tpl"
    assert invoke("templates", "export", str(templates)).exit_code == 0
    path = templates / "work_plan.docx"
    out = io.BytesIO()
    with zipfile.ZipFile(path) as z_in, zipfile.ZipFile(out, "w") as z_out:
        for info in z_in.infolist():
            body = z_in.read(info.filename)
            if info.filename == "word/document.xml":
                body = body.replace(b"{{ subtitle }}", b"{{ subtitle ")
            z_out.writestr(info, body)
    path.write_bytes(out.getvalue())
    target = tmp_path / "out"
    result = invoke(
        "build", QINGHE, "-o", str(target), "--formats", "docx", "--templates", str(templates)
    )
    assert result.exit_code == 4
    assert result.stderr.splitlines()[-2].startswith(f"template: {path}:word/document.xml:")
    assert "templates export" in result.stderr.splitlines()[-1]
    assert not target.exists()


def _failing_build(monkeypatch: pytest.MonkeyPatch, exc: BaseException) -> None:
    def build(*args: object, **kwargs: object) -> None:
        raise exc

    monkeypatch.setattr(importlib.import_module("safecommunity_docs.build"), "build", build)


@pytest.mark.parametrize(
    ("exc", "code", "category", "remedy"),
    [
        (
            errors.ConversionError("soffice crashed twice on 工作计划.docx"),
            5,
            "conversion",
            "doctor",
        ),
        (
            errors.ConverterNotFound("LibreOffice (soffice) is not installed"),
            6,
            "converter-not-found",
            "--formats docx,xlsx",
        ),
        (
            errors.FontNotFound("Noto Sans CJK is not installed"),
            7,
            "font-not-found",
            "fonts install",
        ),
        (
            errors.MissingDependency("pypdf", "PDF", "pip install 'safecommunity-docs[pdf]'"),
            9,
            "missing-dependency",
            "install the package",
        ),
    ],
)
def test_5_6_7_9_library_errors_print_category_message_and_remedy(
    monkeypatch: pytest.MonkeyPatch, exc: Exception, code: int, category: str, remedy: str
) -> None:
    _failing_build(monkeypatch, exc)
    result = invoke("build", QINGHE, "--formats", "pdf")
    assert result.exit_code == code == exc.exit_code  # type: ignore[attr-defined]
    assert result.stderr.splitlines() == [
        f"{category}: {exc}",
        f"remedy: {cli_output_remedy(category)}",
    ]
    assert remedy in result.stderr


def cli_output_remedy(category: str) -> str:
    from safecommunity_docs.cli.output import REMEDIES

    return REMEDIES[category]


def test_8_strict_with_warnings_writes_the_files_and_exits_8(tmp_path: Path) -> None:
    from tests.compliance_base import acknowledge_blocking

    folder = tmp_path / "street"
    assert invoke("init", str(folder), "--type", "街道").exit_code == 0
    acknowledge_blocking(folder, "测试：示例数据")
    plan = folder / "plan.yaml"
    data = yaml.safe_load(plan.read_text(encoding="utf-8"))
    data["title"] += "\v（草稿）"  # a vertical tab: normalised, with a build warning
    plan.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    target = tmp_path / "out"
    result = invoke("build", str(folder), "-o", str(target), "--formats", "xlsx", "--strict")
    assert result.exit_code == 8, result.stderr
    assert "strict: " in result.stderr
    assert sorted(target.glob("*.xlsx"))


def test_70_an_unexpected_error_has_no_traceback_unless_asked(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _failing_build(monkeypatch, RuntimeError("boom"))
    plain = invoke("build", QINGHE)
    assert plain.exit_code == 70
    assert plain.stderr.splitlines() == [
        "internal error: RuntimeError: boom",
        "remedy: run again with --traceback and report what it prints",
    ]
    shown = invoke("--traceback", "build", QINGHE)
    assert shown.exit_code == 70
    assert shown.stderr.startswith("Traceback (most recent call last):")
    assert "raise exc" in shown.stderr
    assert shown.stderr.splitlines()[-2] == "internal error: RuntimeError: boom"


def test_traceback_option_shows_a_library_error_traceback(tmp_path: Path) -> None:
    result = invoke("--traceback", "score", str(tmp_path / "nowhere"))
    assert result.exit_code == 3
    assert "Traceback (most recent call last):" in result.stderr
    assert "InputNotFound" in result.stderr


@pytest.mark.parametrize(("signum", "code"), [(signal.SIGTERM, 143), (signal.SIGINT, 130)])
def test_130_143_a_signal_stops_the_command_with_one_line(
    monkeypatch: pytest.MonkeyPatch, signum: int, code: int
) -> None:
    def build(*args: object, **kwargs: object) -> None:
        os.kill(os.getpid(), signum)

    monkeypatch.setattr(importlib.import_module("safecommunity_docs.build"), "build", build)
    result = invoke("build", QINGHE)
    assert result.exit_code == code
    name = "SIGTERM" if signum == signal.SIGTERM else "SIGINT"
    assert result.stderr.splitlines() == [
        f"{'terminated' if code == 143 else 'interrupted'}: stopped ({name}); "
        "the output folder is as it was"
    ]


def test_main_returns_the_same_codes_as_the_runner(tmp_path: Path) -> None:
    assert main(["validate", QINGHE]) == 0
    assert main(["validate", str(tmp_path / "nowhere")]) == 3
    assert main(["bogus"]) == 2


def test_readme_lists_the_internal_error_code() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert re.search(r"^\| 70 \| .*--traceback.* \|$", readme, flags=re.M)


def test_70_the_operating_system_refusing_a_file_is_reported_without_traceback(
    tmp_path: Path,
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    result = invoke("schema", "-o", str(blocker / "schemas"))
    assert result.exit_code == 70
    assert result.stderr.splitlines() == [
        f"file system: [Errno 20] Not a directory: '{blocker / 'schemas'}'",
        "remedy: check the path, its permissions and the free space",
    ]
