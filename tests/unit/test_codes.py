"""Code lists: unique codes and labels; lookup by label, alias or code."""

from __future__ import annotations

import pytest

from safecommunity_docs.codes import (
    ALL_CODE_LISTS,
    CodedEnum,
    InjuryCause,
    InjuryIntent,
    InjuryNature,
    InjuryPlace,
)
from safecommunity_docs.codes.cards import CARD_CODES, CardVersion, code_list


@pytest.mark.parametrize("enum", ALL_CODE_LISTS, ids=lambda e: e.__name__)
def test_codes_and_labels_unique(enum: type[CodedEnum]) -> None:
    members = list(enum)
    assert len({m.label for m in members}) == len(members)
    listed = [m for m in members if m.on_default_list]
    assert [m.code for m in listed] == list(range(1, len(listed) + 1))


@pytest.mark.parametrize("version", list(CardVersion))
def test_each_generation_numbers_its_lists_from_one(version: CardVersion) -> None:
    for field, codes in CARD_CODES[version].items():
        assert list(codes) == list(range(1, len(codes) + 1)), field
        assert len(set(codes.values())) == len(codes), field


def test_generations_number_burns_differently_and_split_other_unknown() -> None:
    assert code_list(CardVersion.V2006, "nature", InjuryNature)[6] is InjuryNature.BURN
    assert code_list(CardVersion.PRODUCT, "nature", InjuryNature)[5] is InjuryNature.BURN
    assert code_list(None, "nature", InjuryNature)[5] is InjuryNature.BURN
    newer = code_list(CardVersion.PRODUCT, "intent", InjuryIntent)
    assert (newer[4], newer[5]) == (InjuryIntent.UNKNOWN, InjuryIntent.OTHER)
    assert code_list(None, "intent", InjuryIntent)[4] is InjuryIntent.OTHER_UNKNOWN
    # without a generation, a number of the newer card only is not read as anything
    assert InjuryNature.lookup(9) is None
    assert InjuryNature("不清楚") is InjuryNature.UNKNOWN
    assert "also 其他, 不清楚 (by label)" in InjuryNature.choices()
    assert CardVersion("新版") is CardVersion.PRODUCT
    assert CardVersion(2006.0) is CardVersion.V2006


def test_lookup_by_label_alias_and_code() -> None:
    assert InjuryCause("跌倒/坠落") is InjuryCause.FALL
    assert InjuryCause(3) is InjuryCause.FALL
    assert InjuryCause("3") is InjuryCause.FALL
    assert InjuryCause(" 跌倒 ") is InjuryCause.FALL
    assert InjuryPlace("公路") is InjuryPlace.ROAD
    assert InjuryIntent("自杀") is InjuryIntent.SELF_HARM
    assert InjuryCause.lookup("99") is None
    assert InjuryCause.lookup(True) is None
    with pytest.raises(ValueError, match="not a valid"):
        InjuryCause("飞来横祸")


def test_label_is_value_and_str() -> None:
    assert str(InjuryCause.DROWNING) == "溺水" == InjuryCause.DROWNING.label
    assert InjuryCause.DROWNING.code == 9
    assert "9 溺水" in InjuryCause.choices()
