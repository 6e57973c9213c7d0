"""Popolo 1.0.1's own draft-3 schemas (vendored in tests/data/popolo), in an offline registry."""

import functools
import json
from pathlib import Path

import referencing
import referencing.jsonschema
from jsonschema import Draft3Validator

POPOLO = Path(__file__).parent.parent / "data" / "popolo"

#: The bundle member each Popolo class is listed in.
MEMBERS = {
    "persons": "person",
    "organizations": "organization",
    "memberships": "membership",
    "areas": "area",
    "events": "event",
    "posts": "post",
}


@functools.cache
def registry() -> referencing.Registry:
    """Every vendored schema under its own id."""
    resources = []
    for path in sorted((POPOLO / "schemas").glob("*.json")):
        contents = json.loads(path.read_text(encoding="utf-8"))
        resource = referencing.jsonschema.DRAFT3.create_resource(contents)
        resources.append((contents["id"].rstrip("#"), resource))
        resources.append((contents["id"], resource))
    return referencing.Registry().with_resources(resources).crawl()


@functools.cache
def validator(name: str) -> Draft3Validator:
    """The draft-3 validator of Popolo's schema ``name`` (``person``, ``organization``, ...)."""
    schema = json.loads((POPOLO / "schemas" / f"{name}.json").read_text(encoding="utf-8"))
    return Draft3Validator(schema, registry=registry())


def bundle_errors(bundle: dict) -> list[str]:
    """Every error of every object of a bundle under its class's schema, as 'path: message'."""
    found = []
    for member, name in MEMBERS.items():
        for index, item in enumerate(bundle.get(member, [])):
            for error in validator(name).iter_errors(item):
                found.append(f"{member}[{index}]{error.json_path[1:]}: {error.message}")
    return found


def unflagged(bundle: dict) -> list[str]:
    """Properties of a bundle's objects that Popolo does not define and no '+' flags."""
    found = []
    for member, name in MEMBERS.items():
        defined = set(validator(name).schema["properties"])
        for index, item in enumerate(bundle.get(member, [])):
            found += [
                f"{member}[{index}].{key}" for key in item if key not in defined and key[0] != "+"
            ]
    return found
