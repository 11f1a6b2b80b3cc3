"""Deterministic zip containers (docx/xlsx): fixed member timestamps and order."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import datetime

FIXED_TIME = (1980, 1, 1, 0, 0, 0)


_CORE_DATES = re.compile(rb"(<dcterms:(?:created|modified)\b[^>]*>)[^<]*(</dcterms:)")


def normalise_zip(data: bytes, document_date: datetime | None = None) -> bytes:
    """Rewrite a zip so that the same members give the same bytes: fixed timestamps and modes.

    With ``document_date``, the created and modified dates of ``docProps/core.xml`` are set to
    it (writers stamp the time of saving there). Member order is kept ([Content_Types].xml
    must stay first for some readers).
    """
    stamp = document_date.strftime("%Y-%m-%dT%H:%M:%SZ").encode() if document_date else None
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            payload = source.read(info.filename)
            if stamp is not None and info.filename == "docProps/core.xml":
                payload = _CORE_DATES.sub(lambda m: m.group(1) + stamp + m.group(2), payload)
            target.writestr(fixed, payload)
    return out.getvalue()


def replace_parts(package: bytes, replaced: dict[str, bytes]) -> bytes:
    """The zip ``package`` (docx, xlsx) with the parts named in ``replaced`` swapped for those
    bytes, every other part and every entry's zip metadata kept: same input, same bytes.
    Compressed fast: what it writes goes to the converter (page numbers, folios), not to
    the user."""
    source = zipfile.ZipFile(io.BytesIO(package))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as target:
        for info in source.infolist():
            data = replaced.get(info.filename)
            target.writestr(info, data if data is not None else source.read(info.filename))
    return out.getvalue()
