"""Render the first page of every document kind of an example to PNG for the documentation.

Usage: python tools/docs_images.py [EXAMPLE] [OUT_DIR] [KIND,KIND…]   (default:
examples/qinghe-street, docs/images, every kind the example has). Builds the example in memory (Word and Excel), converts each kind's first
document with LibreOffice, and writes ``<kind>.png`` (page 1 at 50 dpi, via pdftoppm) for every
declared kind. Run by ``make docs``; the images are build output, not committed.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from safecommunity_docs import LibreOfficeConverter, build, load
from safecommunity_docs.build import Output
from safecommunity_docs.kinds import all_kinds

ROOT = Path(__file__).resolve().parents[1]


def first_of_each_kind(outputs: list[Output]) -> dict[str, Output]:
    """The first Word document of each kind, else its first workbook."""
    chosen: dict[str, Output] = {}
    for output in outputs:
        held = chosen.get(output.kind)
        if held is None or (held.format != "docx" and output.format == "docx"):
            chosen[output.kind] = output
    return chosen


def main(argv: list[str]) -> int:
    example = Path(argv[0]) if argv else ROOT / "examples" / "qinghe-street"
    out = Path(argv[1]) if len(argv) > 1 else ROOT / "docs" / "images"
    out.mkdir(parents=True, exist_ok=True)
    dossier = load(example)
    result = build(dossier, formats=["docx", "xlsx", "pdf"])
    pdfs = {o.kind: o for o in result.outputs if o.format == "pdf"}
    sources = first_of_each_kind([o for o in result.outputs if o.format in ("docx", "xlsx")])
    held = {o.kind for o in result.outputs}
    pages = {"dossier_cover", "dossier_contents"}
    wanted = {k.name for k in all_kinds() if k.name in held or k.name in pages}
    if len(argv) > 2:  # only these kinds (e.g. the 复评 kinds from examples/fenglin-street)
        wanted &= set(argv[2].split(","))
    with LibreOfficeConverter(workers=1) as converter, tempfile.TemporaryDirectory() as tmp:
        for kind in sorted(wanted):
            if kind in pdfs:
                pdf = pdfs[kind].read()
            elif kind in sources:
                pdf = converter.convert(sources[kind].read(), kind)
            else:
                pdf = _from_dossier(result.outputs, kind)
            path = Path(tmp) / f"{kind}.pdf"
            path.write_bytes(pdf)
            subprocess.run(
                [
                    "pdftoppm",
                    "-png",
                    "-r",
                    "50",
                    "-f",
                    "1",
                    "-l",
                    "1",
                    "-singlefile",
                    path,
                    out / kind,
                ],
                check=True,
            )
            print(f"{out / kind}.png")
    return 0


def _from_dossier(outputs: list[Output], kind: str) -> bytes:
    """The cover (page 1) or the 目录 (page 2) of dossier.pdf, as a one-page PDF."""
    from io import BytesIO

    from pypdf import PdfReader, PdfWriter

    dossier = next(o for o in outputs if o.kind == "dossier")
    reader = PdfReader(BytesIO(dossier.read()))
    writer = PdfWriter()
    writer.add_page(reader.pages[0 if kind == "dossier_cover" else 1])
    buffer = BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
