"""PNG chunk handling: read the chunk list and drop text and time chunks so bytes are stable."""

from __future__ import annotations

import struct
import zlib

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"

VOLATILE_CHUNKS = frozenset({b"tEXt", b"zTXt", b"iTXt", b"tIME"})
"""Chunks that may carry a software version or a date; none is needed to show the image."""


def png_chunks(data: bytes) -> list[tuple[bytes, bytes]]:
    """Return the ``(type, payload)`` chunks of a PNG, checking the signature and every CRC.

    Raises ``ValueError`` when ``data`` is not a well-formed PNG.
    """
    if not data.startswith(PNG_SIGNATURE):
        raise ValueError("not a PNG: the signature is missing")
    chunks: list[tuple[bytes, bytes]] = []
    pos = len(PNG_SIGNATURE)
    while pos < len(data):
        if pos + 8 > len(data):
            raise ValueError("truncated PNG chunk header")
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind = data[pos + 4 : pos + 8]
        end = pos + 8 + length
        if end + 4 > len(data):
            raise ValueError(f"truncated PNG chunk {kind!r}")
        payload = data[pos + 8 : end]
        (crc,) = struct.unpack(">I", data[end : end + 4])
        if zlib.crc32(kind + payload) != crc:
            raise ValueError(f"bad CRC in PNG chunk {kind!r}")
        chunks.append((kind, payload))
        pos = end + 4
        if kind == b"IEND":
            break
    return chunks


def _chunk(kind: bytes, payload: bytes) -> bytes:
    return (
        struct.pack(">I", len(payload))
        + kind
        + payload
        + struct.pack(">I", zlib.crc32(kind + payload))
    )


def strip_volatile(data: bytes) -> bytes:
    """Return the PNG without text or time chunks (``tEXt``, ``zTXt``, ``iTXt``, ``tIME``)."""
    chunks = png_chunks(data)
    if not any(kind in VOLATILE_CHUNKS for kind, _ in chunks):
        return data
    return PNG_SIGNATURE + b"".join(
        _chunk(kind, payload) for kind, payload in chunks if kind not in VOLATILE_CHUNKS
    )


def png_size(data: bytes) -> tuple[int, int]:
    """Return ``(width, height)`` in pixels from the PNG's ``IHDR`` chunk."""
    kind, payload = png_chunks(data)[0]
    if kind != b"IHDR":
        raise ValueError("PNG does not start with IHDR")
    width, height = struct.unpack(">II", payload[:8])
    return int(width), int(height)
