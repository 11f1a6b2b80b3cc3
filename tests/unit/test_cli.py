"""The command line: exit codes, located problems on stdout, input printed literally."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from safecommunity_docs.cli import main
from safecommunity_docs.kinds import all_kinds
from tests.conftest import COMMUNITY, PLAN


def _folder(tmp_path: Path, plan: dict[str, object]) -> Path:
    folder = tmp_path / "street"
    folder.mkdir()
    for name, data in (("community.yaml", COMMUNITY), ("plan.yaml", plan)):
        (folder / name).write_text(
            yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8"
        )
    return folder


def test_validate_valid_folder_exits_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(_folder(tmp_path, PLAN))]) == 0
    assert "valid" in capsys.readouterr().out


def test_validate_invalid_exits_1_and_prints_every_problem(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = dict(PLAN, period_end="2025-13", issue_date="soon")
    folder = _folder(tmp_path, plan)
    assert main(["validate", str(folder)]) == 1
    out = capsys.readouterr().out
    assert f"{folder}/plan.yaml:3:1 issue_date: 成文日期: 应为日期" in out
    assert f"{folder}/plan.yaml:5:1 period_end: 计划结束月份: 格式不正确" in out
    assert "2 problem(s)" in out


def test_validate_missing_path_exits_3(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(tmp_path / "nope")]) == 3
    assert "no such file or folder" in capsys.readouterr().err


@pytest.mark.parametrize(
    "argv",
    [["bogus"], ["validate"], ["build"], ["score", "x", "--no-such-option"], ["fonts"]],
)
def test_usage_errors_exit_2_not_the_not_found_code(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith("usage: ")
    assert f"safecommunity-docs {argv[0] if argv[0] != 'bogus' else ''}".strip() in err
    assert "--help' shows the options and examples" in err
    assert "Traceback" not in err


def test_help_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    for command in ("validate", "build", "score", "doctor", "fonts"):
        assert command in out


def test_exit_codes_of_the_errors_are_distinct_and_not_argparse_usage() -> None:
    from safecommunity_docs import cli, errors

    codes = [
        cli.EXIT_OK,
        errors.InputError.exit_code,
        cli.EXIT_USAGE,
        errors.InputNotFound.exit_code,
        errors.TemplateError.exit_code,
        errors.ConversionError.exit_code,
        errors.ConverterNotFound.exit_code,
        errors.FontNotFound.exit_code,
        cli.EXIT_STRICT,
        errors.MissingDependency.exit_code,
    ]
    assert codes == list(range(10))


def test_readme_lists_every_exit_code() -> None:
    import re

    from safecommunity_docs import errors
    from tests.conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    rows = dict(re.findall(r"^\| (\d) \| (.+) \|$", readme, flags=re.M))
    assert sorted(int(code) for code in rows) == list(range(10))
    for cls in (
        errors.MissingDependency,
        errors.InputNotFound,
        errors.TemplateError,
        errors.ConversionError,
        errors.ConverterNotFound,
        errors.FontNotFound,
    ):
        assert cls.__name__ in rows[str(cls.exit_code)]
    assert "usage" in rows["2"]
    assert "--strict" in rows["8"]


def test_problem_locations_are_printed_literally_not_as_emoji(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # ":100:" is rich's emoji code for 💯; a problem on line 100 must print as "yaml:100:1".
    plan = {key: value for key, value in PLAN.items() if key != "issue_date"}
    folder = _folder(tmp_path, plan)
    text = (folder / "plan.yaml").read_text(encoding="utf-8")
    padding = "".join(f"# {i}\n" for i in range(99 - text.count("\n")))
    (folder / "plan.yaml").write_text(text + padding + "issue_date: soon\n", encoding="utf-8")
    assert main(["validate", str(folder / "plan.yaml")]) == 1
    out = capsys.readouterr().out
    assert "💯" not in out
    assert f"{folder}/plan.yaml:100:1 issue_date: 成文日期: 应为日期" in out


def _hostile_folder(tmp_path: Path, name: str) -> Path:
    import shutil

    from tests.conftest import EXAMPLES

    folder = tmp_path / "[red]x[/red] :100: [/]"
    shutil.copytree(EXAMPLES / "qinghe-street", folder)
    path = folder / "community.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["name"] = name
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return folder


HOSTILE_NAME = "[/]清河[bold]街道[/bold] :100: [link=x]"


def test_score_prints_a_markup_like_community_name_literally(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _hostile_folder(tmp_path, HOSTILE_NAME)
    assert main(["score", str(folder)]) == 0
    out = capsys.readouterr().out
    assert f"{HOSTILE_NAME} 自评（chongqing-municipal）" in out
    assert "总分" in out


def test_build_and_validate_print_markup_like_names_and_paths_literally(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _hostile_folder(tmp_path, HOSTILE_NAME)
    target = tmp_path / "out [/] :100:"
    assert main(["validate", str(folder)]) == 0
    assert f"✓ {folder} (Dossier): valid" in capsys.readouterr().out
    assert main(["build", str(folder), "-o", str(target), "--formats", "xlsx"]) == 0
    out = capsys.readouterr().out
    written = sorted(target.glob("*.xlsx"))
    assert written
    lines = [line.split(maxsplit=1) for line in out.splitlines()]
    for path in written:
        assert ["xlsx", str(path)] in lines


def test_validate_part_file_by_name(tmp_path: Path) -> None:
    folder = _folder(tmp_path, PLAN)
    assert main(["validate", str(folder / "plan.yaml")]) == 0
    assert main(["validate", str(folder / "community.yaml")]) == 0


def test_validate_reports_text_changes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = _folder(tmp_path, dict(PLAN, title="计划\v标题"))
    assert main(["validate", str(folder)]) == 0
    assert "text normalised" in capsys.readouterr().err


def test_schema_command_writes_files(tmp_path: Path) -> None:
    assert main(["schema", "-o", str(tmp_path / "s")]) == 0
    assert (tmp_path / "s" / "dossier.schema.json").is_file()


def test_rubrics_command_lists_shipped(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rubrics"]) == 0
    assert "chongqing-municipal (alias city)" in capsys.readouterr().out


def test_score_prints_table_and_verdict(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    from tests.conftest import EXAMPLES

    assert main(["score", str(EXAMPLES / "dongshan-town"), "--xlsx", str(tmp_path / "s.xlsx")]) == 0
    out = capsys.readouterr().out
    assert "总分" in out
    assert "结论：创建考核合格" in out
    assert "改进重点" in out
    assert (tmp_path / "s.xlsx").stat().st_size > 0


def test_score_json(capsys: pytest.CaptureFixture[str]) -> None:
    import json

    from tests.conftest import EXAMPLES

    assert main(["score", str(EXAMPLES / "qinghe-street"), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["verdict"]["code"] == "city-standard"
    assert report["total"] == "94.5"


def test_build_and_custom_templates(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import io
    import zipfile

    import docx

    from tests.conftest import EXAMPLES

    templates = tmp_path / "tpl"
    assert main(["templates", "export", str(templates)]) == 0
    assert sorted(p.name for p in templates.iterdir()) == sorted(
        f"{kind.template}.docx" for kind in all_kinds() if kind.template
    )
    assert main(["templates", "export", str(templates)]) == 1, "no silent overwrite"
    # A consultant edits the work-plan template: a fixed line under the title.
    path = templates / "work_plan.docx"
    data = path.read_bytes()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as z_in, zipfile.ZipFile(out, "w") as z_out:
        for info in z_in.infolist():
            body = z_in.read(info.filename)
            if info.filename == "word/document.xml":
                body = body.replace(
                    b"{{ subtitle }}",
                    b"{{ subtitle }}\xef\xbc\x88\xe5\xae\x9a\xe7\xa8\xbf\xef\xbc\x89",
                )
            z_out.writestr(info, body)
    path.write_bytes(out.getvalue())
    target = tmp_path / "out"
    assert (
        main(
            [
                "build",
                str(EXAMPLES / "qinghe-street"),
                "-o",
                str(target),
                "--formats",
                "docx",
                "--templates",
                str(templates),
            ]
        )
        == 0
    )
    plan = next(target.glob("*工作计划*.docx"))
    texts = [p.text for p in docx.Document(str(plan)).paragraphs]
    # The subtitle (the plan's 文号) with the template's addition:
    assert "清街办发〔2025〕9号（定稿）" in texts
    project = next(target.glob("*防跌倒*.docx"))
    assert "（定稿）" not in "".join(p.text for p in docx.Document(str(project)).paragraphs)


def test_build_refuses_unknown_formats(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from tests.conftest import EXAMPLES

    assert (
        main(
            ["build", str(EXAMPLES / "qinghe-street"), "-o", str(tmp_path), "--formats", "docx,odt"]
        )
        == 1
    )
    assert "unknown format 'odt'" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []
