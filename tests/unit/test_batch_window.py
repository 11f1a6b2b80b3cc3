"""A batch holds a bounded number of communities in flight: memory does not grow with N."""

from __future__ import annotations

import importlib
import json
import shutil
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from safecommunity_docs.batch import CommunityResult, batch
from tests.conftest import EXAMPLES

batch_module = importlib.import_module("safecommunity_docs.batch")


class _Counting(ThreadPoolExecutor):
    """A thread pool that records the most tasks submitted and not yet finished."""

    def __init__(self) -> None:
        super().__init__(max_workers=3)
        self.outstanding = 0
        self.most = 0
        self.submitted = 0
        self._lock = threading.Lock()

    def submit(self, fn: Any, /, *args: Any, **kwargs: Any) -> Future[Any]:
        with self._lock:
            self.outstanding += 1
            self.submitted += 1
            self.most = max(self.most, self.outstanding)
        future = super().submit(fn, *args, **kwargs)
        future.add_done_callback(self._finished)
        return future

    def _finished(self, _: Future[Any]) -> None:
        with self._lock:
            self.outstanding -= 1


def _fake_build(
    source: str, output: str, formats: Any, force: bool, cache_dir: str
) -> CommunityResult:
    return CommunityResult(Path(source).name, source, output, "built", pages=3)


def test_at_most_a_window_of_communities_is_in_flight(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folders = []
    for n in range(9):
        folder = tmp_path / "in" / f"c{n}"
        folder.mkdir(parents=True)
        (folder / "community.yaml").write_text("name: x\n", encoding="utf-8")
        folders.append(folder)
    monkeypatch.setattr(batch_module, "build_community", _fake_build)
    monkeypatch.setattr(batch_module, "WINDOW", 2)
    executor = _Counting()
    try:
        result = batch([tmp_path / "in"], tmp_path / "out", ["docx"], executor)
    finally:
        executor.shutdown()
    assert executor.most <= 2
    assert result.built == 9
    report = json.loads(result.report_json.read_text(encoding="utf-8"))
    assert [row["community"] for row in report["communities"]] == [f.name for f in folders]
    lines = (tmp_path / "out" / "batch-report.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 9


def test_a_rerun_with_nothing_changed_submits_nothing(tmp_path: Path) -> None:
    for name in ("qinghe-street", "dongshan-town"):
        shutil.copytree(EXAMPLES / name, tmp_path / "in" / name)
    executor = _Counting()
    try:
        first = batch([tmp_path / "in"], tmp_path / "out", ["xlsx"], executor)
        submitted = executor.submitted
        again = batch([tmp_path / "in"], tmp_path / "out", ["xlsx"], executor)
        changed = tmp_path / "in" / "dongshan-town" / "community.yaml"
        changed.write_text(changed.read_text(encoding="utf-8") + "# 改\n", encoding="utf-8")
        third = batch([tmp_path / "in"], tmp_path / "out", ["xlsx"], executor)
    finally:
        executor.shutdown()
    assert (first.built, submitted) == (2, 2)
    assert (again.unchanged, again.built) == (2, 0)
    assert (third.unchanged, third.built) == (1, 1)
    assert executor.submitted == 3, "only the changed community went to the executor"
