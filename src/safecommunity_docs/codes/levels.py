"""申报级别 as data: a level is its Chinese name, checked against the list of known levels."""

from __future__ import annotations

from typing import Any, ClassVar

from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import core_schema

KNOWN_LEVELS: tuple[str, ...] = ("区级", "县级", "市级", "省级", "国家级", "国际")
"""The levels a Safe Community title is awarded at, lowest first."""

LEVEL_ALIASES: dict[str, str] = {"全国": "国家级"}
"""Other ways a level is written, and the level they mean."""


class TargetLevel(str):
    """申报级别: one of :data:`KNOWN_LEVELS` (or an alias of one), kept as its name.

    Each level exists once (``TargetLevel("市级") is TargetLevel.CITY``), so levels compare by
    identity or by value alike.
    """

    DISTRICT: ClassVar[TargetLevel]
    COUNTY: ClassVar[TargetLevel]
    CITY: ClassVar[TargetLevel]
    PROVINCE: ClassVar[TargetLevel]
    NATIONAL: ClassVar[TargetLevel]
    INTERNATIONAL: ClassVar[TargetLevel]
    _known: ClassVar[dict[str, TargetLevel]] = {}

    def __new__(cls, value: str) -> TargetLevel:
        name = LEVEL_ALIASES.get(value.strip(), value.strip()) if isinstance(value, str) else ""
        if name in cls._known:
            return cls._known[name]
        if name not in KNOWN_LEVELS:
            raise ValueError(
                f"unknown level {value!r}; expected one of {', '.join(KNOWN_LEVELS)}"
                f" (or {', '.join(LEVEL_ALIASES)})"
            )
        level = super().__new__(cls, name)
        cls._known[name] = level
        return level

    @property
    def label(self) -> str:
        """The level's Chinese name (市级, 区级 …)."""
        return str.__str__(self)

    def __repr__(self) -> str:
        return f"TargetLevel({self.label!r})"

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        return core_schema.no_info_plain_validator_function(
            cls._validate,
            serialization=core_schema.plain_serializer_function_ser_schema(str),
        )

    @classmethod
    def _validate(cls, value: Any) -> TargetLevel:
        if not isinstance(value, str):
            raise ValueError(f"expected a level name, one of {', '.join(KNOWN_LEVELS)}")
        return cls(value)

    @classmethod
    def __get_pydantic_json_schema__(
        cls, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        return {
            "type": "string",
            "enum": [*KNOWN_LEVELS, *LEVEL_ALIASES],
            "description": "申报级别: " + ", ".join(KNOWN_LEVELS) + "; 全国 = 国家级.",
        }


TargetLevel.DISTRICT = TargetLevel("区级")
TargetLevel.COUNTY = TargetLevel("县级")
TargetLevel.CITY = TargetLevel("市级")
TargetLevel.PROVINCE = TargetLevel("省级")
TargetLevel.NATIONAL = TargetLevel("国家级")
TargetLevel.INTERNATIONAL = TargetLevel("国际")
