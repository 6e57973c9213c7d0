"""The bundles and their OpenAPI form: no definition refers to itself, and OpenAPI takes them.

Reproductions of the probe's findings: the case, collection and law bundles
held ``$defs.sentence = {"$ref": "#/$defs/sentence"}`` (a loop for ajv,
jsonschema and openapi-spec-validator); a bundle could not go into an OpenAPI
3.1 document (``PointerToNowhere: '/$defs/common.id'``).
"""

# The project asserts `expected == actual`, which ruff calls a Yoda condition.

from __future__ import annotations

import asyncio
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from jsonschema import Draft202012Validator
from openapi_spec_validator import validate as validate_openapi

import civicspace
from civicspace._cli.app import main

NAMES = civicspace.schema_names()
HOWTO = Path(__file__).parents[2] / "docs" / "howto"


def _refs(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref" and isinstance(value, str):
                yield value
            elif key not in ("enum", "const", "examples"):
                yield from _refs(value)
    elif isinstance(node, list):
        for item in node:
            yield from _refs(item)


@pytest.mark.parametrize("name", NAMES)
def test_no_definition_of_a_bundle_is_only_a_reference_to_itself(name: str) -> None:
    definitions = civicspace.schema(name, bundle=True).get("$defs", {})
    assert [] == [
        key for key, value in definitions.items() if value.get("$ref") == f"#/$defs/{key}"
    ]


@pytest.mark.parametrize("name", ["case", "collection", "law"])
def test_the_sentence_file_in_a_bundle_points_at_its_sentence(name: str) -> None:
    definitions = civicspace.schema(name, bundle=True)["$defs"]
    assert "#/$defs/sentence.sentence" == definitions["sentence"]["$ref"]
    # Following it ends: jsonschema validates through it without a RecursionError.
    validator = Draft202012Validator({"$ref": "#/$defs/sentence", "$defs": definitions})
    assert [] == list(validator.iter_errors({"person": "kong-raiya", "term": "P2Y"}))


@pytest.mark.parametrize("name", NAMES)
def test_the_openapi_form_is_a_valid_openapi_3_1_document(name: str) -> None:
    document = civicspace.schema(name, openapi=True)
    validate_openapi(document)
    schemas = document["components"]["schemas"]
    assert "3.1.0" == document["openapi"]
    assert name in schemas
    prefix = "#/components/schemas/"
    assert all(ref.startswith(prefix) for ref in _refs(document))
    assert all(ref.removeprefix(prefix).split("/")[0] in schemas for ref in _refs(document))


@pytest.mark.parametrize("name", civicspace.record_types())
def test_the_openapi_form_accepts_what_the_schema_accepts(name: str) -> None:
    # The component, validated with its siblings in reach, takes the schema's own examples.
    document = civicspace.schema(name, openapi=True)
    validator = Draft202012Validator(
        {"$ref": f"#/components/schemas/{name}", "components": document["components"]},
        format_checker=Draft202012Validator.FORMAT_CHECKER,
    )
    for example in civicspace.schema(name)["examples"]:
        assert [] == list(validator.iter_errors(example))
    assert [] != list(validator.iter_errors({"type": name, "bogus": 1}))


def test_the_command_line_prints_the_openapi_form(capsys: pytest.CaptureFixture[str]) -> None:
    assert 0 == main(["schema", "case", "--openapi"])
    assert civicspace.schema("case", openapi=True) == json.loads(capsys.readouterr().out)


@pytest.fixture(scope="module")
def fastapi_app() -> Any:
    sys.path.insert(0, str(HOWTO))
    try:
        import fastapi_endpoint
    finally:
        sys.path.remove(str(HOWTO))
    return fastapi_endpoint.app


def _call(app: Any, method: str, url: str, body: bytes = b"") -> httpx.Response:
    async def call() -> httpx.Response:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            return await client.request(method, url, content=body)

    return asyncio.run(call())


def test_a_fastapi_app_describes_its_body_with_the_openapi_form(fastapi_app: Any) -> None:
    described = _call(fastapi_app, "GET", "/openapi.json").json()
    validate_openapi(described)
    body = described["paths"]["/cases"]["post"]["requestBody"]["content"]["application/json"]
    assert {"$ref": "#/components/schemas/case"} == body["schema"]
    assert "common.id" in described["components"]["schemas"]


def test_a_fastapi_app_answers_with_civicspaces_issues(fastapi_app: Any) -> None:
    answer = _call(fastapi_app, "POST", "/cases", b'[{"type": "case"}]')
    expected = {
        "valid": False,
        "issues": [
            {
                "path": "$",
                "steps": [],
                "code": "document.not_object",
                "message": "a record must be a JSON object",
            }
        ],
    }
    assert (422, expected) == (answer.status_code, answer.json())
