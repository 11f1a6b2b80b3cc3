"""Code lists: unique codes and labels; lookup by label, alias or code."""

from __future__ import annotations

import pytest

from safecommunity_docs.codes import ALL_CODE_LISTS, InjuryCause, InjuryIntent, InjuryPlace


@pytest.mark.parametrize("enum", ALL_CODE_LISTS, ids=lambda e: e.__name__)
def test_codes_and_labels_unique(enum: type) -> None:
    members = list(enum)
    assert len({m.code for m in members}) == len(members)
    assert len({m.label for m in members}) == len(members)
    assert [m.code for m in members] == list(range(1, len(members) + 1))


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
