"""Document kinds: each module of this package declares one kind (or the dossier's own pages).

The modules are found and imported here, so adding a kind is adding its module: nothing else
lists kinds by hand. The registry (:func:`kinds`, :func:`get_kind`, …) answers for all of them.
"""

from __future__ import annotations

import importlib
import pkgutil

from .base import BoundWorkbook, Document, Kind, Part, RenderContext
from .registry import (
    all_kinds,
    annex_titles,
    declare,
    default_order,
    dossier_kinds,
    get_kind,
    kind_for_model,
    kinds,
    left_out,
    part_order,
    register,
    undeclare,
    unknown_kinds_problem,
)

_INFRASTRUCTURE = frozenset({"base", "registry"})

for _module in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
    if _module.name not in _INFRASTRUCTURE:
        importlib.import_module(f"{__name__}.{_module.name}")

__all__ = [
    "BoundWorkbook",
    "Document",
    "Kind",
    "Part",
    "RenderContext",
    "all_kinds",
    "annex_titles",
    "declare",
    "default_order",
    "dossier_kinds",
    "get_kind",
    "kind_for_model",
    "kinds",
    "left_out",
    "part_order",
    "register",
    "undeclare",
    "unknown_kinds_problem",
]
