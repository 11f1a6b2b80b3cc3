"""What a document kind is: its name, formats, the documents it yields and how to render them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..io import load_rubric
from ..models.dossier import Dossier
from ..models.rubric import Rubric
from ..views.document import DocumentView


@dataclass(frozen=True)
class Document:
    """One document of a kind in a dossier: its model, file stem and title."""

    kind: str
    stem: str
    title: str
    model: Any
    format_stems: dict[str, str] = field(default_factory=dict)

    def stem_for(self, fmt: str) -> str:
        """The file stem of this document in format ``fmt``."""
        return self.format_stems.get(fmt, self.stem)


@dataclass(frozen=True)
class RenderContext:
    """What rendering may use besides the model: the dossier and the user's template folder."""

    dossier: Dossier | None = None
    template_dir: Path | None = None


@dataclass(frozen=True)
class Kind:
    """A registered document kind.

    ``documents`` lists the kind's documents in a dossier; ``view`` builds the Word view of one;
    ``extra`` renders the formats other than docx (e.g. the 自评表 workbook) by format name.
    """

    name: str
    label: str
    formats: tuple[str, ...]
    model: type
    documents: Callable[[Dossier], list[Document]]
    view: Callable[[Any, RenderContext], DocumentView] | None = None
    extra: dict[str, Callable[[Any, RenderContext], bytes]] = field(default_factory=dict)


def rubric_for(dossier: Dossier | None) -> Rubric:
    """The rubric of the dossier's assessment (the default city rubric without one)."""
    if dossier is not None and dossier.assessment is not None:
        return load_rubric(dossier.assessment.rubric)
    return load_rubric()
