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


def schema(name: str, *, bundle: bool = False, openapi: bool = False) -> dict[str, Any]:
    """The shipped schema called ``name``, as a fresh JSON-ready dict.

    With ``bundle=True``, one self-contained Draft 2020-12 document that
    refers to no other file: every definition it uses from another schema
    is copied under its ``$defs`` (``common.json#/$defs/id`` becomes
    ``#/$defs/common.id``, a whole file ``person.json`` becomes
    ``#/$defs/person``) and every ``$ref`` points inside it.  It accepts
    exactly what the registry-based schema accepts, and fits where a single
    document is needed (a tool that cannot fetch, a JavaScript validator): it
    is written in the form ajv's strict mode compiles (no union types; a member
    that a branch of ``anyOf`` or an ``if``/``then``/``else`` requires is declared
    there).

    With ``openapi=True``, an OpenAPI 3.1 document holding the bundle under
    ``components/schemas``: the schema itself as ``components/schemas/NAME``
    and each of its definitions beside it, every ``$ref`` rewritten to
    ``#/components/schemas/...``.  Copy its ``components`` into your API's
    description and refer to ``#/components/schemas/NAME`` from a request
    body.

    Raises:
        UnknownSchemaError: when no schema has that name.

    """
    if openapi:
        return _openapi(name)
    if bundle:
        return _bundled(name)
    copy: dict[str, Any] = json.loads(json.dumps(_named(name)))
    return copy


_DROPPED = ("$schema", "$id", "$defs", "examples")


def _bundled(name: str) -> dict[str, Any]:
    from urllib.parse import urldefrag, urljoin

    by_id = {contents["$id"]: key for key, contents in _contents().items()}
    root = _named(name)
    wanted = [name]  # files whose definitions go under $defs, found as refs are rewritten
    defs: dict[str, Any] = {}

    def local(uri: str, pointer: str) -> str:
        other = by_id.get(uri)
        if other is None:
            raise UnknownSchemaError(f"{uri} is not a civicspace schema")
        if other == name:
            return "#" + pointer
        if other not in wanted:
            wanted.append(other)
        parts = pointer.split("/")
        if len(parts) >= 3 and parts[1] == "$defs":  # /$defs/X/... -> /$defs/other.X/...
            return "/".join(["#", "$defs", f"{other}.{parts[2]}", *parts[3:]])
        return f"#/$defs/{other}{pointer}"

    def rewrite(node: Any, base: str) -> Any:
        if isinstance(node, dict):
            out: dict[str, Any] = {}
            for key, value in node.items():
                if key == "$ref" and isinstance(value, str):
                    out[key] = local(*urldefrag(urljoin(base, value)))
                elif key in ("enum", "const", "examples"):
                    out[key] = value
                elif key in ("anyOf", "oneOf") and isinstance(value, list):
                    out[key] = [_declared(rewrite(branch, base)) for branch in value]
                elif key in ("if", "then", "else"):
                    out[key] = _declared(rewrite(value, base))
                else:
                    out[key] = rewrite(value, base)
            if isinstance(out.get("type"), list):
                out.update(_one_type(out, out.pop("type")))
            return out
        if isinstance(node, list):
            return [rewrite(item, base) for item in node]
        return node

    # Whole files are rewritten as nodes, so that a file's top-level "$ref" is rewritten
    # too (sentence.json's "#/$defs/sentence" is #/$defs/sentence.sentence, never itself).
    body = rewrite({key: value for key, value in root.items() if key != "$id"}, root["$id"])
    own = body.pop("$defs", {})
    index = 1
    while index < len(wanted):  # grows as the files rewritten refer to further files
        other = wanted[index]
        contents = _named(other)
        base = contents["$id"]
        defs[other] = rewrite({k: v for k, v in contents.items() if k not in _DROPPED}, base)
        for key, value in contents.get("$defs", {}).items():
            defs[f"{other}.{key}"] = rewrite(value, base)
        index += 1
    bundled: dict[str, Any] = {"$schema": "https://json-schema.org/draft/2020-12/schema", **body}
    bundled["$defs"] = {**own, **defs}
    copy: dict[str, Any] = json.loads(json.dumps(bundled))
    return copy


def _openapi(name: str) -> dict[str, Any]:
    from .._version import __version__

    bundled = _bundled(name)
    definitions = bundled.pop("$defs", {})
    bundled.pop("$schema", None)
    # The file's own definitions are named as other files' are in a bundle, NAME.KEY, so
    # that none takes the place of the schema itself (person.json defines "person").
    own = set(_named(name).get("$defs", {}))
    renamed = {key: f"{name}.{key}" if key in own else key for key in definitions}

    def target(ref: str) -> str:
        first, _, rest = ref.removeprefix("#/$defs/").partition("/")
        return "#/components/schemas/" + renamed.get(first, first) + (f"/{rest}" if rest else "")

    def moved(node: Any) -> Any:
        if isinstance(node, dict):
            return {
                key: (
                    target(value)
                    if key == "$ref" and isinstance(value, str)
                    else value
                    if key in ("enum", "const", "examples")
                    else moved(value)
                )
                for key, value in node.items()
            }
        if isinstance(node, list):
            return [moved(item) for item in node]
        return node

    schemas = {name: moved(bundled)}
    schemas.update((renamed[key], moved(value)) for key, value in definitions.items())
    return {
        "openapi": "3.1.0",
        "info": {
            "title": f"civicspace {name}",
            "version": __version__,
            "description": f"The civicspace {name} schema as components/schemas/{name}, "
            "with every definition it uses beside it.",
        },
        "components": {"schemas": schemas},
    }


def _declared(branch: Any) -> Any:
    """A branch that only requires members, naming them under ``properties`` too.

    ``{"required": ["url"]}`` becomes ``{"properties": {"url": true}, "required":
    ["url"]}``: the same meaning (``true`` accepts any value, and the object's own
    ``properties`` still check it), in the form ajv's strict mode asks for
    (``strictRequired``: a required member is declared where it is required).
    """
    if isinstance(branch, dict) and set(branch) == {"required"}:
        return {"properties": dict.fromkeys(branch["required"], True), **branch}
    return branch


def _one_type(node: dict[str, Any], types: list[str]) -> dict[str, Any]:
    """``"type": ["string", "object"]`` as ajv's strict mode asks for it (no union types).

    The same meaning: ``"anyOf": [{"type": "string"}, {"type": "object"}]``, or
    that inside an ``allOf`` where the node has an ``anyOf`` of its own.
    """
    branches = [{"type": kind} for kind in types]
    if "anyOf" in node:
        return {"allOf": [*node.get("allOf", []), {"anyOf": branches}]}
    return {"anyOf": branches}


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
