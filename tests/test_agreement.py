"""Schema and model agree, both ways, for every record type."""

import json

import pycountry
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import civicspace
from civicspace import strategies
from civicspace._convert import converter
from civicspace._schemas import reference_validator, validator

from ._bundle import bundled
from ._schema_strategy import from_schema

KINDS = civicspace.record_types()

# Objects that records embed, with a schema of their own: (schema reference,
# model class, strategy).  Every model class with its own schema is here or
# is a record type.
EMBEDDED = [
    ("common.json#/$defs/source", civicspace.Source, strategies.sources),
    ("scale.json#/$defs/band", civicspace.ScoreBand, strategies.score_bands),
]
EMBEDDED_IDS = [reference for reference, _, _ in EMBEDDED]


@pytest.mark.parametrize(("reference", "cls", "strategy"), EMBEDDED, ids=EMBEDDED_IDS)
def test_embedded_model_to_json_is_schema_valid_and_structures_back_equal(reference, cls, strategy):
    @given(strategy())
    def check(value):
        document = json.loads(json.dumps(converter.unstructure(value), ensure_ascii=False))
        assert [] == list(reference_validator(reference).iter_errors(document))
        assert value == converter.structure(document, cls)

    check()


@pytest.mark.parametrize(("reference", "cls", "strategy"), EMBEDDED, ids=EMBEDDED_IDS)
def test_embedded_schema_valid_json_structures_into_the_model(reference, cls, strategy):
    @settings(max_examples=100, suppress_health_check=[HealthCheck.too_slow])
    @given(from_schema(bundled(reference)))
    def check(document):
        value = converter.structure(document, cls)
        assert document == converter.unstructure(value)

    check()


@pytest.mark.parametrize("kind", KINDS)
def test_model_to_json_is_schema_valid_and_loads_back_equal(kind):
    @given(strategies.records(kind))
    def check(record):
        document = civicspace.dump(record)
        # What reaches the wire is JSON text, so go through it.
        text = json.dumps(document, ensure_ascii=False)
        assert [] == list(validator(kind).iter_errors(json.loads(text)))
        assert [] == civicspace.validate(text)
        assert record == civicspace.load(text)
        assert document == civicspace.dump(civicspace.load(document))

    check()


@pytest.mark.parametrize("kind", KINDS)
def test_schema_valid_json_structures_into_the_model(kind):
    @settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
    @given(from_schema(bundled(kind)))
    def check(document):
        assert [] == list(validator(kind).iter_errors(document))
        # The cross-field rules may still refuse it; the model must not.
        issues = civicspace.validate(document)
        assert [] == [issue for issue in issues if issue.code.split(".")[0] in {"value", "json"}]
        if not issues:
            assert document == civicspace.dump(civicspace.load(document))

    check()


def test_country_enum_is_iso_3166_as_pycountry_has_it():
    expected = sorted(country.alpha_3 for country in pycountry.countries)
    assert expected == civicspace.schema("common")["$defs"]["country"]["enum"]


@pytest.mark.parametrize("name", civicspace.schema_names())
def test_every_schema_is_documented_and_its_examples_validate(name):
    document = civicspace.schema(name)
    assert document["$id"] == f"https://schemas.civicspace.dev/v1/{name}.json"
    assert document["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert document["title"] and document["description"]
    assert "examples" in document
    for example in document["examples"]:
        assert [] == list(validator(name).iter_errors(example))
    for definition in document.get("$defs", {}).values():
        assert definition.get("description")


@pytest.mark.parametrize("kind", KINDS)
def test_every_record_schema_has_examples_that_load(kind):
    examples = civicspace.schema(kind)["examples"]
    assert examples
    for example in examples:
        assert example == civicspace.dump(civicspace.load(example))


def test_every_optional_field_defaults_to_unset():
    # dump leaves unset fields out, so dump(load(x)) == x holds only if
    # every default is "unset": None or an empty tuple.
    import attrs

    seen = set()
    stack = [civicspace.CountryRating, civicspace.RatingScale]
    while stack:
        cls = stack.pop()
        if cls in seen:
            continue
        seen.add(cls)
        attrs.resolve_types(cls)
        for field in attrs.fields(cls):
            if field.default is not attrs.NOTHING:
                assert field.default in (None, ()), (cls, field.name)
        stack.extend(
            arg
            for field in attrs.fields(cls)
            for arg in getattr(field.type, "__args__", (field.type,))
            if attrs.has(arg)
        )
    assert {civicspace.Source, civicspace.ScoreBand} <= seen


@given(st.sampled_from(KINDS).flatmap(strategies.documents))
def test_documents_strategy_gives_valid_documents(document):
    assert [] == civicspace.validate(document)
