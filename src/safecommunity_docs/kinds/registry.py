"""The registry of document kinds; the CLI, the API, the loader and the builder learn every kind
from here, and every list of kinds elsewhere is derived from the declarations."""

from __future__ import annotations

from collections.abc import Sequence

from ..errors import InputError, Problem, SafeCommunityDocsError
from ..models.dossier import Dossier
from ..rubrics import pack_for
from .base import Kind

_KINDS: dict[str, Kind] = {}


def declare(kind: Kind) -> Kind:
    """Add ``kind`` to the registry (a second kind of the same name is a programming error)."""
    if kind.name in _KINDS:
        raise SafeCommunityDocsError(f"document kind '{kind.name}' is declared twice")
    _KINDS[kind.name] = kind
    return kind


register = declare
"""The former name of :func:`declare`."""


def undeclare(name: str) -> None:
    """Remove a declared kind (for tests and plug-ins that add one for a while)."""
    _KINDS.pop(name, None)


def all_kinds() -> list[Kind]:
    """Every declared kind, the dossier's own pages included, in dossier order."""
    return sorted(_KINDS.values(), key=lambda k: (k.order, k.name))


def default_order() -> tuple[str, ...]:
    """The names of the dossier's parts in their declared order (申请书, 工作报告, 附件 …)."""
    return tuple(k.name for k in all_kinds() if k.in_dossier)


def kinds(order: Sequence[str] | None = None) -> list[Kind]:
    """The dossier's kinds in ``order`` (a user's ``part_order``), else in declared order.

    A name that is no dossier kind raises :class:`InputError`; use :func:`left_out` to report
    the kinds an order leaves out.
    """
    if order is None:
        return [k for k in all_kinds() if k.in_dossier]
    unknown = [name for name in order if name not in default_order()]
    if unknown:
        raise InputError([unknown_kinds_problem(unknown)])
    return [_KINDS[name] for name in dict.fromkeys(order)]


def part_order(dossier: Dossier) -> list[str] | None:
    """The dossier's order of parts: the user's ``options.part_order``, else its jurisdiction
    pack's ``dossier_order`` followed by the kinds it does not name (in declared order), else
    None (the declared order)."""
    if dossier.options.part_order is not None:
        return dossier.options.part_order
    preferred = [name for name in pack_for(dossier).dossier_order if name in default_order()]
    if not preferred:
        return None
    return [*dict.fromkeys(preferred), *(n for n in default_order() if n not in preferred)]


def dossier_kinds(dossier: Dossier) -> list[Kind]:
    """The kinds of ``dossier`` in its order (:func:`part_order`)."""
    return kinds(part_order(dossier))


def unknown_kinds_problem(unknown: Sequence[str], path: str = "options.part_order") -> Problem:
    """The problem of a part order that names kinds that do not exist."""
    return Problem(
        path=path,
        message=f"unknown document kind(s) {', '.join(repr(n) for n in unknown)}; "
        f"known: {', '.join(default_order())}",
    )


def left_out(order: Sequence[str] | None) -> list[str]:
    """The dossier kinds a user's ``part_order`` does not name (they are not built)."""
    if order is None:
        return []
    return [name for name in default_order() if name not in order]


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
    name the kind (``kind=…``) or build the dossier.
    """
    matches = [k for k in _KINDS.values() if k.in_dossier and isinstance(model, k.model)]
    if len(matches) == 1:
        return matches[0]
    if not matches:
        raise SafeCommunityDocsError(f"no document kind renders a {type(model).__name__}")
    raise SafeCommunityDocsError(
        f"a {type(model).__name__} makes several documents "
        f"({', '.join(k.name for k in matches)}); pass kind=… or use build()"
    )


def annex_titles(dossier_kinds: Sequence[Kind], dossier: Dossier) -> list[str]:
    """How the application's 附件说明 names the dossier's other documents, in dossier order."""
    return [
        k.annex_title(dossier)
        for k in dossier_kinds
        if k.annex_title is not None and k.documents(dossier)
    ]
