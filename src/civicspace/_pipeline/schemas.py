"""The published JSON Schemas: read once from package files into one registry.

Every ``*.json`` file in ``civicspace/schemas`` is loaded through
:mod:`importlib.resources` into a single :class:`referencing.Registry` and
crawled.  Nothing is ever retrieved: a ``$ref`` to a URI that is not one of
the shipped schemas is an error (:class:`referencing.exceptions.Unresolvable`),
never a network request.

jsonschema is imported only here and only when a validator is first asked
for, so ``import civicspace`` stays cheap.
"""

from __future__ import annotations

import functools
import json
from importlib import resources
from typing import TYPE_CHECKING, Any

from ..errors import UnknownSchemaError

if TYPE_CHECKING:
    from jsonschema.protocols import Validator
    from referencing import Registry

__all__ = [
    "SCHEMA_BASE",
    "UnknownSchemaError",
    "reference_validator",
    "registry",
    "schema",
    "schema_names",
    "validator",
]

#: The base of every schema ``$id``; the path segment ``v1`` is the contract's
#: major version and changes only with a breaking change to the JSON form.
SCHEMA_BASE = "https://schemas.civicspace.dev/v1/"


@functools.cache
def _contents() -> dict[str, dict[str, Any]]:
    folder = resources.files("civicspace") / "schemas"
    found: dict[str, dict[str, Any]] = {}
    for entry in folder.iterdir():
        if entry.name.endswith(".json"):
            found[entry.name.removesuffix(".json")] = json.loads(entry.read_text("utf-8"))
    return found


def schema_names() -> tuple[str, ...]:
    """The names of the shipped schemas (``"rating"``, ``"common"``, ...), sorted."""
    return tuple(sorted(_contents()))


def schema(name: str) -> dict[str, Any]:
    """The shipped schema called ``name``, as a fresh JSON-ready dict.

    Raises:
        UnknownSchemaError: when no schema has that name.

    """
    copy: dict[str, Any] = json.loads(json.dumps(_named(name)))
    return copy


def _named(name: str) -> dict[str, Any]:
    try:
        return _contents()[name]
    except KeyError:
        raise UnknownSchemaError(
            f"no schema named {name!r}; the schemas are {', '.join(schema_names())}"
        ) from None


def _refuse_retrieval(uri: str) -> Any:
    raise UnknownSchemaError(f"{uri} is not a civicspace schema; schemas are never fetched")


@functools.cache
def registry() -> Registry[Any]:
    """The registry of every shipped schema, crawled, with retrieval refused."""
    from referencing import Registry
    from referencing.jsonschema import DRAFT202012

    resources_ = [
        (contents["$id"], DRAFT202012.create_resource(contents))
        for contents in _contents().values()
    ]
    empty: Registry[Any] = Registry(retrieve=_refuse_retrieval)  # type: ignore[call-arg]
    built = empty.with_resources(resources_)
    return built.crawl()


@functools.cache
def validator(name: str) -> Validator:
    """A Draft 2020-12 validator for the named schema, with formats checked.

    Built once per schema and cached; safe to share between threads.
    """
    from jsonschema import Draft202012Validator

    return Draft202012Validator(
        _named(name),
        registry=registry(),
        format_checker=Draft202012Validator.FORMAT_CHECKER,
    )


@functools.cache
def reference_validator(reference: str) -> Validator:
    """A validator for a part of a shipped schema, such as ``common.json#/$defs/source``.

    For the objects that records embed (a source, a sentence inside a case),
    whose schemas are definitions rather than whole files.
    """
    from jsonschema import Draft202012Validator

    return Draft202012Validator(
        {"$ref": SCHEMA_BASE + reference},
        registry=registry(),
        format_checker=Draft202012Validator.FORMAT_CHECKER,
    )
