"""The injury-record columns of the newer card: product section headers and generation inference."""

from __future__ import annotations

from typing import Any

from ..codes.cards import CardVersion

_PRODUCT_PARTS = {"name": ("产品名称", "产品{n}名称"), "brand_model": ("品牌/型号", "品牌型号"),
                  "category": ("产品分类", "产品{n}分类")}  # fmt: skip
NEWER_COLUMNS = ("product_relation", "typical_case")
"""Besides the product columns, the columns only the newer card has."""


def product_headers() -> dict[str, str]:
    """产品名称1, 品牌/型号1, 产品分类1 … (and product1_name …) -> ``products.0.name`` …"""
    mapping: dict[str, str] = {}
    for part, titles in _PRODUCT_PARTS.items():
        for n in (1, 2):
            key = f"products.{n - 1}.{part}"
            mapping[f"product{n}_{part}"] = key
            for title in titles:
                mapping[title.format(n=n) if "{n}" in title else f"{title}{n}"] = key
        mapping[titles[0]] = f"products.0.{part}"
    return mapping


def is_newer_column(field_name: str) -> bool:
    """Whether a column (by field) exists only on the newer card."""
    return field_name.startswith("products.") or field_name in NEWER_COLUMNS


def put_cell(record: dict[str, Any], field_name: str, value: Any) -> None:
    """Set a cell's value; ``products.1.name`` goes into the second product of the record."""
    if not field_name.startswith("products."):
        record[field_name] = value
        return
    _, index, part = field_name.split(".")
    products: list[dict[str, Any]] = record.setdefault("products", [])
    while len(products) <= int(index):
        products.append({})
    products[int(index)][part] = value


def infer_generation(rows: list[Any], label: str, newer: list[str]) -> str | None:
    """Rows that state no 报告卡版本 in a file with the newer card's columns ``newer`` (their
    headers) are newer cards; return the note that says so and names the columns, or ``None``.
    """
    if not newer:
        return None
    inferred = 0
    for record in rows:
        if isinstance(record, dict) and not record.get("card_version"):
            record["card_version"] = CardVersion.PRODUCT.value
            inferred += 1
    if not inferred:
        return None
    return (
        f"{label}: 报告卡版本推断为{CardVersion.PRODUCT.label} (card generation of "
        f"{inferred} row(s) inferred as 'product' from the column(s) {', '.join(newer)}; "
        "state it in a 报告卡版本 column to decide it yourself)"
    )
