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


_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def heading_number(level: int, n: int) -> str:
    """The GB/T 9704 heading number of the ``n``-th heading at ``level`` (1-4).

    1: 一、 2: （一） 3: 1. 4: （1）
    """
    if level == 1:
        return f"{chinese_number(n)}、"
    if level == 2:
        return f"（{chinese_number(n)}）"
    if level == 3:
        return f"{n}."
    if level == 4:
        return f"（{n}）"
    raise ValueError(f"heading levels are 1 to 4, got {level}")


def point_prefix(style: str, n: int) -> str:
    """The prefix of the ``n``-th enumerated point in a style: 一是 / （一） / ① / 1. / 1、 /
    （1）."""
    if style == "一是":
        return f"{chinese_number(n)}是"
    if style == "（一）":
        return f"（{chinese_number(n)}）"
    if style == "①":
        return _CIRCLED[n - 1] if n <= len(_CIRCLED) else f"（{n}）"
    if style == "1.":
        return f"{n}."
    if style == "1、":
        return f"{n}、"
    if style == "（1）":
        return f"（{n}）"
    raise ValueError(f"unknown point style {style!r}")
