"""User templates: every rendered part is checked, and hostile Jinja is refused, not run."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest

from safecommunity_docs import TemplateError
from safecommunity_docs.render.docx import compiled, sandbox
from safecommunity_docs.render.docx.engine import default_template, render_docx
from tests.unit.test_docx_engine import _view

BODY = "word/document.xml"
FOOTER = "word/footer1.xml"
CORE = "docProps/core.xml"
_ANCHORS = {BODY: "{{ title }}", FOOTER: "PAGE", CORE: "<dc:language>"}


def _template(tmp_path: Path, part: str, tag: str) -> Path:
    """The work-plan template with ``tag`` added to ``part`` (the core comments for core.xml)."""
    anchor = _ANCHORS[part]
    new = {
        BODY: anchor + tag,
        FOOTER: anchor + tag,
        CORE: f"<dc:description>{tag}</dc:description>{anchor}",
    }[part]
    out = tmp_path / "work_plan.docx"
    with (
        zipfile.ZipFile(default_template("work_plan")) as z_in,
        zipfile.ZipFile(out, "w") as z_out,
    ):
        for info in z_in.infolist():
            data = z_in.read(info.filename)
            if info.filename == part:
                assert anchor.encode() in data
                data = data.replace(anchor.encode(), new.encode("utf-8"), 1)
            z_out.writestr(info, data)
    return out


HOSTILE = [
    "{% include 'other.docx' %}",
    "{% import 'macros' as m %}",
    "{% from 'macros' import m %}",
    "{% extends 'base' %}",
    "{{ range(10**9)|list|length }}",
    "{% for i in range(10**9) %}{% endfor %}",
    "{{ 'A'*10**9 }}",
    "{{ ['A']*10**9 }}",
    "{{ 9**(9**9) }}",
    "{{ 2**5000 }}",
    "{{ 'a'|center(10**9) }}",
    "{{ 'a'.ljust(10**9) }}",
    "{{ '%*d' % (10**9, 1) }}",
    "{{ ('a'*999999)|replace('a', 'a'*999999) }}",
    "{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}",
    "{{ 1/0 }}",
]


@pytest.mark.parametrize("part", [BODY, FOOTER, CORE])
@pytest.mark.parametrize("tag", HOSTILE)
def test_hostile_template_constructs_are_refused_naming_the_part(
    tmp_path: Path, part: str, tag: str
) -> None:
    with pytest.raises(TemplateError) as info:
        render_docx(_view(), _template(tmp_path, part, tag))
    assert info.value.part == part
    assert f":{part}:" in str(info.value)


@pytest.mark.parametrize("part", [BODY, FOOTER])
def test_a_part_that_runs_too_long_is_stopped(
    tmp_path: Path, part: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sandbox, "MAX_SECONDS", 0.2)
    loops = "{% for i in range(99999) %}{% for j in range(99999) %}{% endfor %}{% endfor %}"
    with pytest.raises(TemplateError, match=r"ran longer than 0\.2 s") as info:
        render_docx(_view(), _template(tmp_path, part, loops))
    assert info.value.part == part


def test_a_part_that_grows_too_large_is_stopped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sandbox, "MAX_PART_CHARS", 200_000)
    loop = "{% for i in range(1000) %}{{ 'x' * 1000 }}{% endfor %}"
    with pytest.raises(TemplateError, match="longer than 200000 characters") as info:
        render_docx(_view(), _template(tmp_path, BODY, loop))
    assert info.value.part == BODY


def test_unknown_variables_in_the_core_properties_are_named(tmp_path: Path) -> None:
    with pytest.raises(TemplateError) as info:
        render_docx(_view(), _template(tmp_path, CORE, "{{ issuer }}"))
    assert info.value.part == CORE
    assert info.value.variables == ("issuer",)


def test_core_properties_render_the_views_plain_text(tmp_path: Path) -> None:
    title = "清河街道 <计划> & {{ x }}"
    data = render_docx(_view(title=title), _template(tmp_path, CORE, "{{ title }}：{{ 6*7 }}"))
    props = docx.Document(io.BytesIO(data)).core_properties
    assert props.comments == f"{title}：42"


def test_a_footer_variable_is_escaped(tmp_path: Path) -> None:
    data = render_docx(_view(title="甲 & <乙>"), _template(tmp_path, FOOTER, "{{ title }}"))
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        footer = z.read(FOOTER).decode("utf-8")
    assert "甲 &amp; &lt;乙&gt;" in footer


def test_parts_are_compiled_once_per_process_and_each_environment_keeps_its_escaping(
    tmp_path: Path,
) -> None:
    template = _template(tmp_path, FOOTER, "{{ title }}")
    first = render_docx(_view(title="甲 & <乙>"), template)
    kept = (len(compiled.CODE), len(compiled.UNDECLARED))
    second = render_docx(_view(title="甲 & <乙>"), template)
    assert (len(compiled.CODE), len(compiled.UNDECLARED)) == kept, "nothing compiled again"
    assert second == first
    with zipfile.ZipFile(io.BytesIO(second)) as z:
        assert "甲 &amp; &lt;乙&gt;" in z.read(FOOTER).decode("utf-8")
    source = "{{ title }}"
    assert sandbox.sandbox().from_string(source).render(title="<甲>") == "&lt;甲&gt;"
    assert sandbox.sandbox(autoescape=False).from_string(source).render(title="<甲>") == "<甲>"


def test_a_broken_template_fails_on_every_render(tmp_path: Path) -> None:
    template = _template(tmp_path, BODY, "{% if %}")
    for _ in range(2):
        with pytest.raises(TemplateError, match="syntax error") as info:
            render_docx(_view(), template)
        assert info.value.part == BODY
