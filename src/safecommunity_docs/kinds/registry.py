"""The registry of document kinds; the CLI, the API and the builder learn every kind from here."""

from __future__ import annotations

from ..errors import SafeCommunityDocsError
from .base import Kind

_KINDS: dict[str, Kind] = {}

DEFAULT_ORDER = (
    "application",
    "work_report",
    "work_plan",
    "diagnosis_report",
    "promotion_project",
    "self_assessment",
    "injury_ledger",
)
"""The dossier order of DOMAIN.md §7: 申请书, 工作报告, then the annexes."""


def register(kind: Kind) -> Kind:
    """Add ``kind`` to the registry (a second kind of the same name is a programming error)."""
    if kind.name in _KINDS:
        raise SafeCommunityDocsError(f"document kind '{kind.name}' is registered twice")
    _KINDS[kind.name] = kind
    return kind


def kinds(order: list[str] | tuple[str, ...] | None = None) -> list[Kind]:
    """Every registered kind in dossier order (``order``, else DEFAULT_ORDER; others last)."""
    sequence = list(order) if order is not None else list(DEFAULT_ORDER)
    unknown = [name for name in sequence if name not in _KINDS and name not in DEFAULT_ORDER]
    if unknown:
        raise SafeCommunityDocsError(f"unknown document kind(s) in the order: {', '.join(unknown)}")
    rank = {name: i for i, name in enumerate(sequence)}
    listed = [k for k in _KINDS.values() if k.name in rank]
    rest = [k for k in _KINDS.values() if k.name not in rank] if order is None else []
    return sorted(listed, key=lambda k: rank[k.name]) + rest


def get_kind(name: str) -> Kind:
    """Return the kind called ``name``."""
    try:
        return _KINDS[name]
    except KeyError:
        raise SafeCommunityDocsError(
            f"unknown document kind '{name}'; known: {', '.join(_KINDS)}"
        ) from None


def kind_for_model(model: object) -> Kind:
    """Return the one kind whose model is the type of ``model``.

    Several kinds are made from a whole dossier (the work report, the injury ledger): for those
    name the kind (``get_kind``) or build the dossier.
    """
    matches = [kind for kind in _KINDS.values() if isinstance(model, kind.model)]
    if len(matches) == 1:
        return matches[0]
    if not matches:
        raise SafeCommunityDocsError(f"no document kind renders a {type(model).__name__}")
    raise SafeCommunityDocsError(
        f"a {type(model).__name__} makes several documents "
        f"({', '.join(k.name for k in matches)}); pass kind=… or use build()"
    )
