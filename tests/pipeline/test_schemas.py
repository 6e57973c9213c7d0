"""The schema registry: built once from package files, never fetching."""

import pytest
import referencing.exceptions
from jsonschema import Draft202012Validator

import civicspace
from civicspace._pipeline.codes import schema_code
from civicspace._pipeline.schemas import SCHEMA_BASE, registry, validator


def test_every_shipped_schema_is_in_the_registry():
    for name in civicspace.schema_names():
        assert civicspace.schema(name) == registry().contents(f"{SCHEMA_BASE}{name}.json")


def test_an_unknown_reference_is_an_error_not_a_fetch():
    resolver = registry().resolver()
    with pytest.raises(referencing.exceptions.Unresolvable):
        resolver.lookup("https://example.org/schemas/elsewhere.json")
    checker = Draft202012Validator(
        {"$ref": "https://schemas.civicspace.dev/v1/missing.json"}, registry=registry()
    )
    with pytest.raises(referencing.exceptions.Unresolvable):
        checker.validate({})


def test_validators_are_built_once():
    assert validator("rating") is validator("rating")


def test_schema_returns_a_copy_callers_may_change():
    copy = civicspace.schema("rating")
    copy["title"] = "changed"
    assert "changed" != civicspace.schema("rating")["title"]


def test_unknown_schema_name():
    with pytest.raises(civicspace.errors.UnknownSchemaError):
        civicspace.schema("nope")


def _keywords(node):
    if isinstance(node, dict):
        for key, value in node.items():
            yield key
            if key not in {"properties", "$defs", "examples", "enum", "const", "dependentRequired"}:
                yield from _keywords(value)
            elif key in {"properties", "$defs"}:
                for sub in value.values():
                    yield from _keywords(sub)
    elif isinstance(node, list):
        for item in node:
            yield from _keywords(item)


ANNOTATIONS = {
    "$schema",
    "$id",
    "$ref",
    "$defs",
    "title",
    "description",
    "examples",
    "properties",
    "items",
    "if",
    "then",
    "else",
}


def test_every_schema_keyword_in_use_has_a_documented_issue_code():
    used = {key for name in civicspace.schema_names() for key in _keywords(civicspace.schema(name))}
    for keyword in used - ANNOTATIONS:
        assert schema_code(keyword) in civicspace.ISSUE_CODES, keyword


def test_a_format_we_rely_on_is_checked():
    # jsonschema checks formats only when asked; prove the date format is on.
    assert not validator("rating").is_valid(
        {"type": "rating", "country": "KHM", "rating": "open", "as_of": "2021-02-29"}
    )


def test_every_pattern_survives_adversarial_input_quickly():
    import re
    import time

    patterns = set()

    def collect(node):
        if isinstance(node, dict):
            if isinstance(node.get("pattern"), str):
                patterns.add(node["pattern"])
            for value in node.values():
                collect(value)
        elif isinstance(node, list):
            for value in node:
                collect(value)

    for name in civicspace.schema_names():
        collect(civicspace.schema(name))
    attacks = ["a" * 50_000 + "!", "2" * 50_000, "http://" + "a" * 50_000 + " ", " " * 50_000]
    for pattern in patterns:
        compiled = re.compile(pattern)
        for attack in attacks:
            started = time.perf_counter()
            compiled.search(attack)
            assert time.perf_counter() - started < 0.5, pattern
