"""Charts a notebook displays inline: a chart's data with its PNG drawn on demand."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..views.chart import ChartSpec


@dataclass(frozen=True)
class Chart:
    """One chart of a document: its data (:attr:`spec`, categories and series) and, drawn
    when first asked for, its PNG as printed in the Word document (:meth:`png`). Jupyter shows
    it inline through ``_repr_png_``."""

    spec: ChartSpec
    _png: list[bytes] = field(default_factory=list, repr=False, compare=False)

    @property
    def title(self) -> str:
        """The chart's caption in the document."""
        return self.spec.title

    def png(self) -> bytes:
        """The chart drawn as a PNG (matplotlib, the document's fonts)."""
        if not self._png:
            from ..render.formats import RenderOptions, get_format

            self._png.append(get_format("png").render(self.spec, RenderOptions()))
        return self._png[0]

    def _repr_png_(self) -> bytes:
        return self.png()

    def __repr__(self) -> str:
        return (
            f"<Chart {self.spec.kind} {self.spec.title!r}: {len(self.spec.categories)} categories>"
        )
