"""What a community's build depends on, as one hash: its input files, the user's templates, the
rubric, the formats, the fonts and the library's version. A rebuild with the same fingerprint
and the same files in the output folder has nothing to do."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from pathlib import Path

from .render.pdf.cache import converter_identity


def _files(folder: Path) -> list[tuple[str, str]]:
    out = []
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not any(
            part.startswith(".") for part in path.relative_to(folder).parts
        ):
            out.append(
                (path.relative_to(folder).as_posix(), hashlib.sha256(path.read_bytes()).hexdigest())
            )
    return out


def input_fingerprint(
    folder: Path, formats: Sequence[str] | None, template_dir: Path | None = None
) -> str:
    """The SHA-256 of everything a build of the community ``folder`` reads: every file in it
    (hidden ones excepted; ``options.yaml`` and the assessment's rubric name among them), the
    files of a ``template_dir`` outside it, the ``formats`` asked for (``None``: the options'),
    and :func:`~safecommunity_docs.render.pdf.cache.converter_identity` (fonts and the
    library's version, which fixes the shipped rubrics and templates)."""
    outside = template_dir is not None and template_dir.is_dir()
    state = {
        "inputs": _files(folder),
        "templates": _files(template_dir) if outside and template_dir is not None else [],
        "formats": sorted(formats) if formats is not None else None,
        "converter": converter_identity(),
    }
    return hashlib.sha256(json.dumps(state, ensure_ascii=False).encode("utf-8")).hexdigest()


def outputs_intact(folder: Path, manifest: dict[str, object]) -> bool:
    """Whether every file ``manifest`` lists is in ``folder`` with its recorded SHA-256."""
    files = manifest.get("files")
    if not isinstance(files, list) or not files:
        return False
    for entry in files:
        if not isinstance(entry, dict):
            return False
        path = folder / str(entry.get("path", ""))
        if not path.is_file() or hashlib.sha256(path.read_bytes()).hexdigest() != entry.get(
            "sha256"
        ):
            return False
    return True
