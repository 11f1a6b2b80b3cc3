"""What a batch needs from a community's options.yaml before loading the community: its template
folder (for the fingerprint). Problems are not reported here: the build reports them, located."""

from __future__ import annotations

from pathlib import Path

import yaml


def template_dir_of(folder: Path) -> Path | None:
    """The ``template_dir`` that ``folder``'s options.yaml names (relative to the folder), or
    None when there is none or the file cannot be read."""
    options = folder / "options.yaml"
    if not options.is_file():
        return None
    try:
        data = yaml.safe_load(options.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError):
        return None  # the build reports it, located
    given = data.get("template_dir") if isinstance(data, dict) else None
    if not isinstance(given, str):
        return None
    path = Path(given)
    return path if path.is_absolute() else folder / path
