"""Deterministic zips: timestamps and core-property dates do not depend on the clock."""

from __future__ import annotations

import io
import zipfile
from datetime import datetime

from safecommunity_docs.render.zipfix import FIXED_TIME, normalise_zip

CORE = (
    b'<cp:coreProperties xmlns:dcterms="http://purl.org/dc/terms/">'
    b'<dcterms:created xsi:type="dcterms:W3CDTF">2031-05-06T07:08:09Z</dcterms:created>'
    b'<dcterms:modified xsi:type="dcterms:W3CDTF">2032-01-02T03:04:05Z</dcterms:modified>'
    b"</cp:coreProperties>"
)


def _zip(when: tuple[int, int, int, int, int, int]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr(zipfile.ZipInfo("[Content_Types].xml", date_time=when), b"<Types/>")
        z.writestr(zipfile.ZipInfo("docProps/core.xml", date_time=when), CORE)
    return buffer.getvalue()


def test_same_members_same_bytes_whatever_the_clock() -> None:
    day = datetime(2026, 10, 20)
    a = normalise_zip(_zip((2020, 1, 1, 0, 0, 0)), day)
    b = normalise_zip(_zip((2024, 6, 7, 8, 9, 10)), day)
    assert a == b
    with zipfile.ZipFile(io.BytesIO(a)) as z:
        assert [i.filename for i in z.infolist()] == ["[Content_Types].xml", "docProps/core.xml"]
        assert all(i.date_time == FIXED_TIME for i in z.infolist())
        core = z.read("docProps/core.xml")
    assert core.count(b"2026-10-20T00:00:00Z") == 2
    assert b"2031" not in core
    assert b"2032" not in core
