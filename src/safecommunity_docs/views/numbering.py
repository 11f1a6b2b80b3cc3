"""Chinese numbering of headings and lists: 一、（一）1.（1）and friends."""

from __future__ import annotations

_DIGITS = "零一二三四五六七八九"


def chinese_number(n: int) -> str:
    """Return ``n`` (1…99) in Chinese numerals: 1 -> 一, 10 -> 十, 12 -> 十二, 21 -> 二十一."""
    if not 0 < n < 100:
        raise ValueError(f"chinese_number supports 1 to 99, got {n}")
    tens, ones = divmod(n, 10)
    if tens == 0:
        return _DIGITS[ones]
    head = "" if tens == 1 else _DIGITS[tens]
    return head + "十" + (_DIGITS[ones] if ones else "")
