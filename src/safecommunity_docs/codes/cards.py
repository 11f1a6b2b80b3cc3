"""The two generations of the national injury card and each one's code numbers, by label.

Two generations of the 全国伤害监测报告卡 are in use, named here by what tells them apart:

``2006``
    The card of the national injury surveillance system as introduced in 2006: three parts,
    伤害性质 may list several natures (the first is the main one), and 活动, 意图, 性质 and 部位
    end with one merged 其他/不清楚. Its 性质 numbering is the one of 2006-era forms such as
    Songjiang's, where 烧烫伤 is 6: 5 脑震荡、脑挫裂伤 before it (the order of 5 and 6 is taken
    from that form; the other numbers agree with the default list).
``product``
    The newer card (national export, hospital systems): a fourth part 伤害涉及产品信息 (product
    name, brand/model, category, twice; 产品相关) and 典型案例, 性质 and 部位 single choice
    (选择最严重的一种), and 其他 and 不清楚 as separate codes (活动 9/10, 意图 5/4, 性质 8/9,
    部位 7/8). Its revision year could not be confirmed, so it is named by the part it adds.

The *default list* (a record that states no generation) is the library's long-standing list:
the national numbering (烧烫伤 = 5) with the merged 其他/不清楚. A code number is only ever
turned into a label through one of these lists; every rule compares labels (enum members).
The 2006-era variant with 13 body-part codes mixing regions and systems is not modelled.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Self

from . import (
    MERGED_OTHER_UNKNOWN,
    BodyPart,
    CodedEnum,
    InjuryActivity,
    InjuryIntent,
    InjuryNature,
)


class CardVersion(StrEnum):
    """报告卡版本: which generation of the national injury card a record was written on."""

    V2006 = "2006"
    PRODUCT = "product"

    @property
    def label(self) -> str:
        """The Chinese name used in messages and the ledger."""
        return _LABELS[self]

    @classmethod
    def _missing_(cls, value: object) -> Self | None:
        text = str(int(value) if isinstance(value, float) and value.is_integer() else value)
        text = text.strip()
        for member in cls:
            if text == member.value or text in _ALIASES[member]:
                return member
        return None


_LABELS = {
    CardVersion.V2006: "2006版报告卡",
    CardVersion.PRODUCT: "新版报告卡（含伤害涉及产品信息）",
}
_ALIASES: dict[CardVersion, tuple[str, ...]] = {
    CardVersion.V2006: ("2006版", "2006版报告卡", "旧版", "老版"),
    CardVersion.PRODUCT: (
        "新版",
        "新版报告卡",
        "产品版",
        "含产品信息",
        _LABELS[CardVersion.PRODUCT],
    ),
}

_NATURE_2006: tuple[InjuryNature, ...] = (
    InjuryNature.FRACTURE,
    InjuryNature.SPRAIN,
    InjuryNature.OPEN_WOUND,
    InjuryNature.CONTUSION,
    InjuryNature.CONCUSSION,
    InjuryNature.BURN,
    InjuryNature.ORGAN,
    InjuryNature.OTHER_UNKNOWN,
)


def _newer(enum: type[CodedEnum]) -> dict[int, CodedEnum]:
    """The newer card's list of a field that splits 其他/不清楚: every member but the merged one."""
    return {m.code: m for m in enum if m.label not in ("其他/不清楚", "不清楚/其他")}


CARD_CODES: dict[CardVersion, dict[str, dict[int, CodedEnum]]] = {
    CardVersion.V2006: {"nature": dict(enumerate(_NATURE_2006, start=1))},
    CardVersion.PRODUCT: {
        "activity": _newer(InjuryActivity),
        "intent": _newer(InjuryIntent),
        "nature": _newer(InjuryNature),
        "body_part": _newer(BodyPart),
    },
}
"""The numbers of each generation where they differ from the default list, field by field."""


def generation_specific(member: CodedEnum) -> bool:
    """Whether only one generation has ``member``: the merged 其他/不清楚 (2006 card) or the
    separate 其他 and 不清楚 of the newer card."""
    return member in MERGED_OTHER_UNKNOWN or not member.on_default_list


def code_list(
    version: CardVersion | None, field: str, enum: type[CodedEnum]
) -> dict[int, CodedEnum]:
    """The code numbers of ``field`` on the card of ``version`` (``None``: the default list)."""
    if version is not None and field in CARD_CODES[version]:
        return CARD_CODES[version][field]
    return {m.code: m for m in enum if m.on_default_list}


def card_code(version: CardVersion | None, field: str, member: CodedEnum) -> int | None:
    """The number of ``member`` on the card of ``version``, or ``None`` when it has none."""
    for number, candidate in code_list(version, field, type(member)).items():
        if candidate is member:
            return number
    return None


def read_code(
    version: CardVersion | None, field: str, enum: type[CodedEnum], value: object
) -> object:
    """Turn a code number into its member by the list of ``version``; leave other values alone.

    Without a generation the value is left to the enum, which reads numbers by the default list
    (and reports an unknown one with its codes). Raises ``ValueError`` naming the generation and
    its codes when a number is not on that generation's list.
    """
    if version is None:
        return value
    number: int | None = None
    if isinstance(value, int) and not isinstance(value, bool):
        number = value
    elif isinstance(value, float) and value.is_integer():
        number = int(value)
    elif isinstance(value, str) and value.strip().isdigit():
        number = int(value.strip())
    if number is None:
        return value
    codes = code_list(version, field, enum)
    if number in codes:
        return codes[number]
    shown = ", ".join(f"{n} {m.label}" for n, m in codes.items())
    raise ValueError(
        f"{version.label}没有代码{number} (code {number} is not on the {version.value} card's "
        f"list; codes: {shown})"
    )
