"""Completeness of a community folder: files it does not read, and dossier parts it lacks."""

from __future__ import annotations

import difflib
from collections.abc import Collection, Mapping
from pathlib import Path
from typing import Any

from ..errors import Problem
from ..models.dossier import Dossier

PARTS: tuple[tuple[str, str, str, str], ...] = (
    ("work_plan", "plan.yaml", "工作计划", "work plan"),
    ("diagnosis", "diagnosis.yaml", "事故与伤害风险诊断报告", "injury risk diagnosis"),
    ("projects", "projects/*.yaml", "安全促进项目实施方案", "safety promotion project"),
    ("assessment", "assessment.yaml", "自评", "self-assessment"),
    ("injury_records", "injuries.csv or injuries.xlsx", "伤害监测记录", "injury record"),
)
"""The parts of a complete dossier besides ``community``: field, file, Chinese and English name."""


def missing_parts(dossier: Dossier | Mapping[str, Any]) -> list[Problem]:
    """Return one problem per dossier part that is missing or empty, in dossier order.

    Pure: it looks at the dossier (or at a dossier's raw data, a mapping of its fields) only.
    The problems have no file; ``path`` is the dossier field, e.g. ``work_plan``.
    """
    get = (lambda key: getattr(dossier, key)) if isinstance(dossier, Dossier) else dossier.get
    return [
        Problem(path=key, message=f"缺少{zh} (the dossier has no {en}; add {file})")
        for key, file, zh, en in PARTS
        if not get(key)
    ]


def unexpected_files(folder: Path, shown: str, expected: Collection[str]) -> list[str]:
    """Warn about each file of ``folder`` the loader does not read, naming the nearest expected.

    ``expected`` holds the names the loader reads (``plan.yaml``, ``injuries.csv``, …; the
    ``projects`` folder is read too). Hidden files and Office lock files (``~$…``) are skipped.
    """
    warnings = []
    names = sorted(expected)
    for path in sorted(folder.iterdir()):
        name = path.name
        if (
            name in expected
            or name.startswith((".", "~$"))
            or (path.is_dir() and name == "projects")
        ):
            continue
        guess = difflib.get_close_matches(name.lower(), names, n=1, cutoff=0.6)
        usual = ", ".join(n for n in names if n.endswith((".yaml", ".csv")))
        hint = f"; did you mean {guess[0]}?" if guess else f"; the files read are {usual}, …"
        what = "folder" if path.is_dir() else "file"
        warnings.append(
            f"{Path(shown) / name}: 未读取的{'文件夹' if path.is_dir() else '文件'} "
            f"(unknown {what} {name} is ignored{hint})"
        )
    return warnings
