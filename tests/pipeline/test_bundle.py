"""``schema(name, bundle=True)``: one self-contained document, equivalent to the registry's."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator
from referencing import Registry
from referencing.jsonschema import DRAFT202012

import civicspace
import civicspace.strategies as cst

from .._edit import changed

KINDS = civicspace.record_types()


def _registry_validator(name: str) -> Draft202012Validator:
    resources = [
        (document["$id"], DRAFT202012.create_resource(document))
        for document in map(civicspace.schema, civicspace.schema_names())
    ]
    registry: Registry[Any] = Registry().with_resources(resources)
    return Draft202012Validator(
        civicspace.schema(name),
        registry=registry,
        format_checker=Draft202012Validator.FORMAT_CHECKER,
    )


def _bundled_validator(name: str) -> Draft202012Validator:
    # No registry at all: every $ref must resolve inside the document.
    return Draft202012Validator(
        civicspace.schema(name, bundle=True), format_checker=Draft202012Validator.FORMAT_CHECKER
    )


VALIDATORS = {name: (_registry_validator(name), _bundled_validator(name)) for name in KINDS}


def _keys(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            yield key
            if key not in ("examples", "enum", "const"):
                yield from _keys(value)
    elif isinstance(node, list):
        for item in node:
            yield from _keys(item)


def _refs(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref":
                yield value
            else:
                yield from _refs(value)
    elif isinstance(node, list):
        for item in node:
            yield from _refs(item)


@pytest.mark.parametrize("name", [*KINDS, "report"])
def test_a_bundle_is_a_valid_draft_2020_12_schema_that_refers_only_inside_itself(name: str):
    bundled = civicspace.schema(name, bundle=True)
    Draft202012Validator.check_schema(bundled)
    assert "https://json-schema.org/draft/2020-12/schema" == bundled["$schema"]
    assert all(ref.startswith("#/") for ref in _refs(bundled))
    assert [] == [key for key in _keys(bundled) if key == "$id"]


def test_the_case_bundle_holds_what_it_uses_from_other_files():
    definitions = civicspace.schema("case", bundle=True)["$defs"]
    assert {"common.id", "common.source", "sentence.sentence", "person.person"} <= set(definitions)


def test_a_bundle_keeps_title_description_and_examples():
    original, bundled = civicspace.schema("case"), civicspace.schema("case", bundle=True)
    kept = ("title", "description", "examples")
    assert [original[k] for k in kept] == [bundled[k] for k in kept]


def _same_verdicts(name: str, document: Any) -> None:
    by_registry, by_bundle = VALIDATORS[name]
    registry_errors = sorted(e.json_path for e in by_registry.iter_errors(document))
    bundle_errors = sorted(e.json_path for e in by_bundle.iter_errors(document))
    assert registry_errors == bundle_errors


@settings(max_examples=15)
@given(st.sampled_from(KINDS).flatmap(cst.documents))
def test_the_bundle_accepts_every_drawn_document(document: Any):
    _same_verdicts(document["type"], document)
    assert [] == list(VALIDATORS[document["type"]][1].iter_errors(document))


_REPLACEMENTS = [1, -1, 1.5, None, True, "", "x" * 300, "2020-02-30", "KHM\n", [], {}, {"a": 1}]


@settings(max_examples=30)
@given(st.sampled_from(KINDS).flatmap(cst.documents), st.data(), st.sampled_from(_REPLACEMENTS))
def test_the_bundle_and_the_registry_agree_on_mutated_documents(
    document: Any, data: st.DataObject, new: Any
):
    def members(value: Any, steps: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
        yield steps
        if isinstance(value, dict | list):
            items = value.items() if isinstance(value, dict) else enumerate(value)
            for key, item in items:
                yield from members(item, (*steps, key))

    steps = data.draw(st.sampled_from([s for s in members(document) if s]))
    _same_verdicts(document["type"], changed(document, *steps, value=new))


def _undeclared_requirements(node: Any, where: str = "#") -> Iterator[str]:
    """ajv's ``strictRequired``: a member a schema object requires is in its own properties."""
    if isinstance(node, dict):
        if isinstance(node.get("required"), list) and node.get("type", "object") == "object":
            declared = node.get("properties", {})
            yield from (f"{where}: {name}" for name in node["required"] if name not in declared)
        for key, value in node.items():
            if key not in ("enum", "const", "examples"):
                yield from _undeclared_requirements(value, f"{where}/{key}")
    elif isinstance(node, list):
        for index, item in enumerate(node):
            yield from _undeclared_requirements(item, f"{where}/{index}")


@pytest.mark.parametrize("name", civicspace.schema_names())
def test_a_bundle_declares_every_member_it_requires_where_it_requires_it(name: str):
    # What ajv's strict mode asks (.ci/run compiles every bundle with ajv itself).
    assert [] == list(_undeclared_requirements(civicspace.schema(name, bundle=True)))
