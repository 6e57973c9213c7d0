"""Bundle a shipped schema into one self-contained draft-7 style document.

hypothesis-jsonschema follows no references across files, so the agreement
tests inline every ``$ref`` before generating instances from a schema.
"""

from typing import Any

from civicspace import schema


def _resolve(ref: str, current: str) -> tuple[Any, str]:
    document, _, pointer = ref.partition("#")
    name = document.removesuffix(".json") if document else current
    node: Any = schema(name)
    for part in pointer.strip("/").split("/") if pointer else []:
        node = node[part.replace("~1", "/").replace("~0", "~")]
    return node, name


def bundled(reference: str) -> dict[str, Any]:
    """``reference`` is a schema name (``"rating"``) or ``"common.json#/$defs/source"``."""

    def inline(node: Any, current: str) -> Any:
        if isinstance(node, dict):
            if "$ref" in node:
                target, target_name = _resolve(node["$ref"], current)
                merged = {**target, **{k: v for k, v in node.items() if k != "$ref"}}
                return inline(merged, target_name)
            return {
                key: inline(value, current)
                for key, value in node.items()
                if key not in {"$schema", "$id", "$defs", "examples"}
            }
        if isinstance(node, list):
            return [inline(item, current) for item in node]
        return node

    if "#" in reference:
        target, name = _resolve(reference, "")
    else:
        target, name = schema(reference), reference
    result: dict[str, Any] = inline(target, name)
    return result
