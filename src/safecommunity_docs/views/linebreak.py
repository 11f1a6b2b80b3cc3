"""Where lines break: titles split at word boundaries, cell text wrapped by whole units.

LibreOffice breaks 2号 titles wherever the line is full (「…项目实施方 / 案」), breaks between a
number and its unit or inside a date in narrow cells (「58 / %」, 「2025年3 / 月10日」), and
ignores U+2060 WORD JOINER next to CJK text (measured with LibreOffice 7.4), so the breaks are
decided here and written as explicit line breaks. Widths are in em of the text's size.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

TITLE_EM = 20.0
"""2号 (22 pt) characters across the 156 mm type area (442 pt)."""
TOC_EM = 25.0
"""Characters of a 目录 line's title that leave room for the dot leader and a folio."""
AUTOSPACE = 0.25
"""LibreOffice puts about a fifth of an em between CJK text and Latin letters or digits."""

OPENING = "（(《「『【〔“‘"
CLOSING = "）)》」』】〕”’、，。；：！？…%‰·"
_NARROW = {".": 0.3, ",": 0.3, ":": 0.3, ";": 0.3, " ": 0.3, "%": 0.85, "‰": 1.0}
_UNIT = (
    r"(?:%|‰|万元|亿元|元|万人|万|人次|人|户|个|家|起|名|次|所|处|辆|岁|项|场|套|台|条|份|册|年|月|日|"
    r"小时|天|分钟|分|米|公里|km²|km|m²|m)"
)
_TOKEN = re.compile(
    r"\d{4}年(?:\d{1,2}月(?:\d{1,2}日)?)?"  # a date, a month or a year
    r"|\d{1,2}月\d{1,2}日"
    rf"|[-+−]?\d+(?:[.,．]\d+)*{_UNIT}?"  # a number with its unit
    r"|[A-Za-z]+(?:[-'][A-Za-z]+)*"  # a Latin word
    r"|\s+"
    r"|."
)
_FINE = re.compile(r"\d+(?:[.．]\d+)?[年月日%‰]?|[A-Za-z]+|\s+|.")
"""Pieces of a date or a number that is wider than a line: 「2025年」「10月」…."""


def _is_wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in "WF"


@lru_cache(maxsize=4096)
def _char(ch: str) -> tuple[float, bool, bool]:
    """A character's width in em, whether it is ASCII, whether it is a letter or a digit."""
    width = 1.0 if _is_wide(ch) else _NARROW.get(ch, 0.5 if ch.isdigit() else 0.6)
    return width, ch.isascii(), ch.isalnum()


@lru_cache(maxsize=16384)
def em_width(text: str) -> float:
    """Estimated width of ``text`` in em: CJK and full-width marks 1, digits ½, Latin letters
    0.6, plus LibreOffice's automatic space where CJK meets Latin letters or digits.

    Texts come back again and again while tables are fitted and wrapped: the widths of
    characters and of whole texts are kept (a float, which callers cannot change)."""
    width = 0.0
    was_ascii = was_alnum = False
    for ch in text:
        em, ascii_, alnum = _char(ch)
        width += em
        if alnum and was_alnum and ascii_ != was_ascii:
            width += AUTOSPACE
        was_ascii, was_alnum = ascii_, alnum
    return width


def _joined(line: str, width: float, piece: str) -> float:
    """:func:`em_width` of ``line + piece`` from ``width``, the width of ``line``: the two
    widths and the automatic space where they meet (it depends only on those two
    characters)."""
    if not line:
        return em_width(piece)
    _, was_ascii, was_alnum = _char(line[-1])
    _, ascii_, alnum = _char(piece[0])
    gap = AUTOSPACE if alnum and was_alnum and ascii_ != was_ascii else 0.0
    return width + gap + em_width(piece)


def _beyond(line: str, width: float, capacity: float) -> bool:
    """Whether ``line`` without white space at its end is wider than ``capacity``, ``width``
    being the whole line's width summed piece by piece: measured whole where white space
    ends it or the sum lies within rounding of the capacity (another order of summing may
    round otherwise)."""
    if line[-1].isspace() or abs(width - capacity) < 1e-9:
        return em_width(line.rstrip()) > capacity
    return width > capacity


def tokens(text: str, fine: bool = False) -> list[str]:
    """``text`` cut into pieces no line may break inside: dates, numbers with their units,
    Latin words, single characters (``fine``: a date in its year, month and day, a number
    apart from a unit in characters); a closing mark joins the piece before it, an opening
    mark the piece after it. (A new list each call: the pieces are kept as a tuple.)"""
    return list(_tokens(text, fine))


@lru_cache(maxsize=16384)
def _tokens(text: str, fine: bool) -> tuple[str, ...]:
    pieces = [m.group(0) for m in (_FINE if fine else _TOKEN).finditer(text)]
    out: list[str] = []
    glue = ""
    for piece in pieces:
        if out and piece[0] in CLOSING and not glue:
            out[-1] += piece
        elif piece in OPENING or (len(piece) == 1 and piece in "—-/～~"):
            if piece in OPENING:
                glue += piece
            elif out:
                out[-1] += piece
            else:
                glue += piece
        else:
            out.append(glue + piece)
            glue = ""
    if glue:
        if out:
            out[-1] += glue
        else:
            out.append(glue)
    return tuple(out)


def wrap(text: str, capacity: float) -> str:
    """``text`` with a line break wherever a line of ``capacity`` em is full, between whole
    pieces (see :func:`tokens`); a last line of one character takes a piece from the line
    before. Lines that fit, and pieces longer than a line, are left to the renderer."""
    out = []
    for paragraph in text.split("\n"):
        if em_width(paragraph) <= capacity:
            out.append(paragraph)
            continue
        lines: list[list[str]] = [[]]
        pieces = [
            fine
            for piece in _tokens(paragraph, False)
            for fine in ([piece] if em_width(piece) <= capacity else _tokens(piece, True))
        ]
        current, width = "", 0.0  # the last line's text and its width
        for piece in pieces:
            candidate = current + piece
            wide = _joined(current, width, piece)
            if lines[-1] and not piece.isspace() and _beyond(candidate, wide, capacity):
                lines.append([piece])
                current, width = piece, em_width(piece)
            else:
                lines[-1].append(piece)  # white space stays at the end of its line
                current, width = candidate, wide
        last = "".join(lines[-1])
        if len(lines) > 1 and len(last) < 2 and len(lines[-2]) > 2:
            lines[-1].insert(0, lines[-2].pop())
        out.append("\n".join("".join(line) for line in lines if line))
    return "\n".join(out)


_SUFFIXES = (
    "项目实施方案",
    "实施方案",
    "工作计划",
    "工作方案",
    "工作报告",
    "工作总结",
    "诊断报告",
    "自评报告",
    "申请书",
    "报告",
    "总结",
)
_AFTER = ("街道", "镇", "乡", "开发区", "园区", "社区", "办事处", "委员会", "的", "与", "和", "及")
_BEFORE = ("安全", "项目")
FALLBACK = 6


def _priority(text: str, pos: int) -> int | None:
    """How good a break before ``text[pos]`` is (lower is better); None where none may be."""
    before, after = text[pos - 1], text[pos]
    if after in CLOSING or before in OPENING:
        return None
    if before.isascii() and after.isascii() and (before.isalnum() or after.isalnum()):
        return None  # inside a number or a Latin word
    if after in "（(":
        return -2 if re.match(r"[（(][^）)]*\d", text[pos:]) else 1
    if text[:pos] == "关于":
        return 0
    if any(text.startswith(s, pos) for s in _SUFFIXES):
        return 3 if text.startswith("实施方案", pos) and text[:pos].endswith("项目") else 1
    if text[:pos].endswith(_AFTER) or before in "”）)》" or after in "“《":
        return 1 if not text[:pos].endswith(("的", "与", "和", "及")) else 2
    if any(text.startswith(s, pos) for s in _BEFORE):
        return 2
    if re.match(r"\d{4}年|\d", text[pos:]) and re.search(r"\d年?$", text[:pos]):
        return None  # inside a date
    quotes = text[:pos].count("“") - text[:pos].count("”")
    return FALLBACK + (3 if quotes > 0 else 0)


def title_lines(
    text: str, capacity: float = TITLE_EM, *, balanced: bool = True, most: int = 3
) -> list[str]:
    """A title as lines of at most ``capacity`` em, broken at word boundaries: after 「关于」,
    before the 「（…）」 of a period, before 「实施方案」「工作计划」「报告」…, after the
    community's name; lines of even length (``balanced``) or the first line as full as a good
    break allows; never a line of fewer than three characters. A text that takes more than
    ``most`` lines, or has line breaks of its own, is left as it is."""
    width = em_width(text)
    if width <= capacity or len(text) < 6 or "\n" in text or width > most * capacity:
        return [text]
    best: tuple[float, list[str]] | None = None
    for pos in range(3, len(text) - 2):
        priority = _priority(text, pos)
        head, tail = text[:pos], text[pos:]
        if priority is None or em_width(head) > capacity:
            continue
        rest = (
            title_lines(tail, capacity, balanced=balanced, most=most - 1)
            if em_width(tail) > capacity
            else [tail]
        )
        if any(len(line) < 3 or em_width(line) > capacity for line in rest):
            continue
        shape = (
            abs(em_width(head) - em_width(rest[0])) if balanced else (capacity - em_width(head)) / 2
        )
        score = 4 * priority + shape + 20 * (len(rest) - 1)
        if best is None or score < best[0]:
            best = (score, [head, *rest])
    return best[1] if best is not None else [text]


def break_title(text: str, capacity: float = TITLE_EM) -> str:
    """:func:`title_lines` joined by line breaks (the text of a title paragraph)."""
    return "\n".join(title_lines(text, capacity))


ZWSP = "\u200b"
_HINT = re.compile(r"(?<=\d、)(?=\d)")


def break_hints(text: str) -> str:
    """``text`` with a zero-width space after each 「、」 between two numbers: LibreOffice otherwise
    takes a list such as 「1.1、1.3、1.4…」 for one word, breaks it inside a number (「1. / 4」),
    starts a line with 「、」 and spreads the line before it over the full width."""
    return _HINT.sub(ZWSP, text)


__all__ = [
    "TITLE_EM",
    "TOC_EM",
    "break_hints",
    "break_title",
    "em_width",
    "title_lines",
    "tokens",
    "wrap",
]
