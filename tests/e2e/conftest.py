"""Session fixtures of the end-to-end tests: every example built once (Word, Excel, PDF and
dossier.pdf) on one pair of warm LibreOffice workers, shared by the test modules that read it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from safecommunity_docs import load
from safecommunity_docs.build import BuildResult, build
from safecommunity_docs.models import Dossier
from safecommunity_docs.render.pdf import LibreOfficeConverter
from tests.conftest import SHOWCASE

FOLDERS = list(SHOWCASE)
SHARED = {"test_dossier_pdf", "test_layout_pdf"}
"""The modules that read the session's :func:`built` dossiers: one xdist worker runs them all,
so each example's PDF dossier is built once."""


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Under ``pytest -n N --dist loadgroup`` each module runs on one worker (its module
    fixtures are made once), the modules that share :func:`built` on the same one."""
    for item in items:
        module = item.path.stem
        item.add_marker(pytest.mark.xdist_group("built" if module in SHARED else module))


@pytest.fixture(scope="session")
def converter() -> Iterator[LibreOfficeConverter]:
    with LibreOfficeConverter(workers=2) as shared:
        yield shared


@pytest.fixture(scope="session", params=FOLDERS, ids=lambda p: p.name)
def built(
    request: pytest.FixtureRequest,
    converter: LibreOfficeConverter,
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[Dossier, BuildResult, Path]:
    """An example dossier, its build result and its output folder (built once a session)."""
    dossier = load(request.param)
    out = tmp_path_factory.mktemp(request.param.name)
    return dossier, build(dossier, out, formats=["docx", "xlsx", "pdf"], converter=converter), out
