"""Where the default Word templates are: package data, one ``<name>.docx`` per template."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from ...errors import TemplateError


def default_template(name: str) -> Path:
    """Return the path of the default template ``name`` shipped with the package."""
    resource = resources.files("safecommunity_docs").joinpath("templates", f"{name}.docx")
    path = Path(str(resource))
    if not path.is_file():
        raise TemplateError(f"no default template for document kind '{name}'", template=str(path))
    return path
