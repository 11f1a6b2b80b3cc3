"""The collector runs less often while a dossier is built, and as before afterwards."""

from __future__ import annotations

import gc
import importlib
from collections.abc import Iterator

import pytest

from safecommunity_docs import build, load
from safecommunity_docs.gctuning import BUILD_THRESHOLDS, fewer_collections
from tests.conftest import EXAMPLES


@pytest.fixture(autouse=True)
def defaults() -> Iterator[None]:
    before = gc.get_threshold()
    gc.set_threshold(700, 10, 10)
    yield
    gc.set_threshold(*before)


def test_thresholds_are_raised_inside_and_restored_after() -> None:
    with fewer_collections():
        assert gc.get_threshold() == BUILD_THRESHOLDS
        with fewer_collections():  # nested: left to the outer block
            assert gc.get_threshold() == BUILD_THRESHOLDS
        assert gc.get_threshold() == BUILD_THRESHOLDS
    assert gc.get_threshold() == (700, 10, 10)


def test_a_higher_threshold_of_the_process_is_never_lowered() -> None:
    gc.set_threshold(100_000, 5, 50)
    with fewer_collections():
        assert gc.get_threshold() == (100_000, 20, 50)
    assert gc.get_threshold() == (100_000, 5, 50)


def test_a_change_made_inside_the_block_is_kept() -> None:
    with fewer_collections():
        gc.set_threshold(1000, 10, 10)
    assert gc.get_threshold() == (1000, 10, 10)


def test_thresholds_are_restored_when_the_block_fails() -> None:
    with pytest.raises(RuntimeError), fewer_collections():
        raise RuntimeError("boom")
    assert gc.get_threshold() == (700, 10, 10)


def test_build_runs_with_fewer_collections(monkeypatch: pytest.MonkeyPatch) -> None:
    build_module = importlib.import_module("safecommunity_docs.build")  # the module, not build()
    seen: list[tuple[int, int, int]] = []
    run = build_module._run

    def recording(*args: object, **kwargs: object) -> None:
        seen.append(gc.get_threshold())
        run(*args, **kwargs)

    monkeypatch.setattr(build_module, "_run", recording)
    result = build(load(EXAMPLES / "dongshan-town"), None, ["docx"])
    assert result.outputs
    assert seen == [BUILD_THRESHOLDS]
    assert gc.get_threshold() == (700, 10, 10)
