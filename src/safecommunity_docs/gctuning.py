"""Fewer garbage collections while a dossier is built.

A build allocates millions of short-lived objects (XML trees, cells, PDF objects) on top of a
large heap of long-lived ones (modules, models, schemas). With CPython's default thresholds
(700, 10, 10) a qinghe-street build ran 6 full collections, each walking that whole heap: 0.4 s
of its 5.3 s of Python CPU, and 0.55 s in the collector all told. With (5000, 20, 10) it ran no
full collection and 0.16 s in the collector (``benchmarks/RESULTS.md``). The thresholds are
raised only while :func:`fewer_collections` is entered, never lowered, and put back after.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

BUILD_THRESHOLDS = (5000, 20, 10)
"""The collector's thresholds while a dossier is built (each at least the process's own)."""


@contextmanager
def fewer_collections() -> Iterator[None]:
    """Raise the collector's thresholds to at least :data:`BUILD_THRESHOLDS` inside the block
    (or, as a decorator, while the function runs).

    Nested or concurrent blocks leave the thresholds to the outermost one; what the process
    had is restored when it ends (unless someone changed them meanwhile)."""
    before = gc.get_threshold()
    raised = tuple(max(a, b) for a, b in zip(before, BUILD_THRESHOLDS, strict=True))
    if raised == before:
        yield
        return
    gc.set_threshold(*raised)
    try:
        yield
    finally:
        if gc.get_threshold() == raised:
            gc.set_threshold(*before)
