"""The 落款 of a document per GB/T 9704-2012 7.3.5-7.3.6: issuing bodies, date, seals, 附注.

Every line of the 落款 is a right-aligned block whose ``indent_right`` says how far (in
characters of the body text) its last character stands from the right margin:

- sealed (7.3.5.1): two blank rows after the body leave room for the seal (42 mm, about four
  rows: its top then lies within one row of the body, and the signature and date sit just
  below its centre); the date 右空四字; each issuing body centred on the date (a body too long
  for that keeps 右空二字 and the date is centred under it instead); joint issuers one per
  row, four blank rows apart so that their seals neither touch nor overlap;
- unsealed (7.3.5.2): one blank row; each issuing body 右空二字, one per row; the date on the
  next row, its first character two characters right of the issuing body's (a date longer
  than that keeps 右空二字 and the bodies move left instead); the date is set from the left
  (``indent_left``, its first character), as the standard places it;
- a 附注 (7.3.6), e.g. the contact, on the row after the date, 居左空二字 in round brackets.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from .builder import BlockBuilder
from .document import display_width
from .format import fmt_date

SEALED_DATE_INDENT = 4.0  # 成文日期右空四字
UNSEALED_INDENT = 2.0  # 发文机关署名右空二字
SHIFT = 2.0  # unsealed: the date's first character two characters right of the body's
SEAL_ROWS = 2  # blank rows before a sealed signature: room for the top of the seal
SEAL_GAP_ROWS = 4  # blank rows between joint sealed issuers: seals about four rows high
LINE_CHARS = 28  # characters of a body line (the type area's width)
NOMINAL_DATE = "2000年10月10日"  # lays out the bodies of an undated document


def chars(text: str) -> float:
    """Width of ``text`` in body characters (a half-width digit counts one half)."""
    return display_width(text) / 2


def _sealed(signers: Sequence[str], dated: str) -> tuple[list[float], float]:
    """Right indents of the issuing bodies and of the date, sealed layout."""
    centre = max(
        SEALED_DATE_INDENT + chars(dated) / 2,
        max(UNSEALED_INDENT + chars(s) / 2 for s in signers),
    )
    return [centre - chars(s) / 2 for s in signers], centre - chars(dated) / 2


def _unsealed(signers: Sequence[str], dated: str) -> tuple[list[float], float]:
    """Right indents of the issuing bodies and of the date, unsealed layout."""
    first = max(UNSEALED_INDENT + chars(s) for s in signers)  # leftmost first character
    date_right = first - SHIFT - chars(dated)
    move = max(0.0, UNSEALED_INDENT - date_right)
    return [UNSEALED_INDENT + move for _ in signers], date_right + move


def add_signoff(
    b: BlockBuilder,
    signers: Sequence[str],
    when: date | None,
    *,
    sealed: bool,
    note: str = "",
) -> None:
    """Add the 落款 of ``signers`` (the main issuing body first) dated ``when``, sealed or
    not, with ``note`` as its 附注 (without brackets; none when empty). An undated document
    (``when`` None) has no date line; its bodies stand where they would above a date."""
    names = [s for s in signers if s]
    if not names:
        raise ValueError("a 落款 needs at least one issuing body")
    dated = fmt_date(when) if when is not None else ""
    indents, date_indent = (_sealed if sealed else _unsealed)(names, dated or NOMINAL_DATE)
    for _ in range(SEAL_ROWS if sealed else 1):
        b.add("blank")
    for i, (name, indent) in enumerate(zip(names, indents, strict=True)):
        if sealed and i:
            for _ in range(SEAL_GAP_ROWS):
                b.add("blank")
        b.add("signature", name, indent_right=indent)
    if dated and sealed:
        b.add("date", dated, indent_right=date_indent)
    elif dated:  # placed by its first character (首字比署名首字右移二字), whatever digits measure
        b.add("date", dated, indent_left=LINE_CHARS - date_indent - chars(dated))
    if note:
        b.p(f"（{note}）")


__all__ = ["add_signoff", "chars"]
