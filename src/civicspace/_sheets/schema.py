"""What the schemas say of a column: its enumerated values and its description.

A column's place in the document is its table's list chain (``cases``,
``events``) and its field (``kind``); the collection schema is walked along
it, through ``$ref``, ``allOf`` and ``anyOf``, so the dropdowns of a template
are the schemas' own enums, never a copy.
"""

from __future__ import annotations

import functools
from typing import Any

import civicspace

from .._tables.layout import Column, chain

__all__ = ["chain", "column_schema", "enum_values"]


@functools.cache
def _schema(name: str) -> dict[str, Any]:
    found: dict[str, Any] = civicspace.schema(name)
    return found


def _resolve(node: dict[str, Any], base: str) -> tuple[dict[str, Any], str]:
    while "$ref" in node:
        ref = str(node["$ref"])
        target, _, pointer = ref.partition("#")
        if target:
            base = target.rsplit("/", 1)[-1].removesuffix(".json")
        node = _schema(base)
        for part in pointer.strip("/").split("/") if pointer.strip("/") else []:
            node = node[part]
    return node, base


def _alternatives(node: dict[str, Any], base: str) -> list[tuple[dict[str, Any], str]]:
    node, base = _resolve(node, base)
    found = [(node, base)]
    for keyword in ("allOf", "anyOf", "oneOf"):
        for part in node.get(keyword, []):
            found += _alternatives(part, base)
    return found


def _child(node: dict[str, Any], base: str, key: str) -> tuple[dict[str, Any], str] | None:
    for alternative, where in _alternatives(node, base):
        if key in alternative.get("properties", {}):
            return alternative["properties"][key], where
    return None


def _items(node: dict[str, Any], base: str) -> tuple[dict[str, Any], str] | None:
    for alternative, where in _alternatives(node, base):
        if isinstance(alternative.get("items"), dict):
            return alternative["items"], where
    return None


def column_schema(table: str, column: Column) -> dict[str, Any] | None:
    """The schema of a column's value, resolved; ``None`` when it is not found."""
    members = chain(table)
    if members is None or not column.field or column.field.startswith("^"):
        return None
    node: tuple[dict[str, Any], str] | None = (_schema("collection"), "collection")
    for member in members:
        assert node is not None
        node = _child(*node, member)
        node = None if node is None else _items(*node)
        if node is None:
            return None
    for key in column.field.replace("[]", "").split("."):
        assert node is not None
        node = _child(*node, key)
        if node is None:
            return None
        if "[]" in column.field and key == column.field.split("[]")[0]:
            node = _items(*node)
            if node is None:
                return None
    assert node is not None
    resolved = _alternatives(*node)
    merged: dict[str, Any] = {}
    for alternative, _ in resolved:
        for keyword, value in alternative.items():
            merged.setdefault(keyword, value)
    return merged


def enum_values(table: str, column: Column) -> list[str]:
    """The values the schemas allow in a column, when they enumerate them; else ``[]``."""
    found = column_schema(table, column)
    if found is None:
        return []
    if "items" in found and isinstance(found["items"], dict):
        return []  # a list column: one cell holds several values, no dropdown
    values = found.get("enum", [])
    return [value for value in values if isinstance(value, str)]
