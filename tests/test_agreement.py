"""Schema and model agree, both ways, for every record type."""

import json
from decimal import Decimal

import pycountry
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import civicspace
from civicspace import strategies
from civicspace._model.records import RECORD_TYPES
from civicspace._pipeline.convert import converter
from civicspace._pipeline.schemas import reference_validator, validator

from ._bundle import bundled
from ._schema_strategy import from_schema

KINDS = civicspace.record_types()

# Objects that records embed, with a schema of their own: (schema reference,
# model class, strategy).  Every model class with its own schema is here or
# is a record type.
EMBEDDED = [
    ("common.json#/$defs/source", civicspace.Source, strategies.sources),
    ("common.json#/$defs/derivation", civicspace.common.Derivation, strategies.derivations),
    ("scale.json#/$defs/band", civicspace.ratings.ScoreBand, strategies.score_bands),
    ("session.json#/$defs/agenda_item", civicspace.sessions.AgendaItem, strategies.agenda_items),
    ("session.json#/$defs/demand", civicspace.sessions.Demand, strategies.demands),
    ("session.json#/$defs/side_event", civicspace.sessions.SideEvent, strategies.side_events),
    ("session.json#/$defs/speaker", civicspace.sessions.Speaker, strategies.speakers),
    ("law.json#/$defs/status_change", civicspace.laws.StatusChange, strategies.status_changes),
    ("law.json#/$defs/article", civicspace.laws.Article, strategies.law_articles),
    ("law.json#/$defs/feature", civicspace.laws.Feature, strategies.criticised_features),
    ("law.json#/$defs/reference", civicspace.laws.LawReference, strategies.law_references),
    ("sentence.json#/$defs/term", civicspace.sentences.Term, strategies.terms),
    (
        "sentence.json#/$defs/term_or_life",
        civicspace.sentences.Term | civicspace.sentences.Life,
        strategies.terms_or_life,
    ),
    ("sentence.json#/$defs/term_range", civicspace.sentences.TermRange, strategies.term_ranges),
    (
        "sentence.json#/$defs/custodial_term",
        civicspace.sentences.Term | civicspace.sentences.TermRange | civicspace.sentences.Life,
        strategies.custodial_terms,
    ),
    ("sentence.json#/$defs/money", civicspace.sentences.Money, strategies.money),
    (
        "sentence.json#/$defs/reported_amount",
        civicspace.sentences.ReportedAmount,
        strategies.reported_amounts,
    ),
    (
        "sentence.json#/$defs/custody_period",
        civicspace.cases.CustodyPeriod,
        strategies.custody_periods,
    ),
    (
        "sentence.json#/$defs/aggravated_penalty",
        civicspace.sentences.AggravatedPenalty,
        strategies.aggravated_penalties,
    ),
    (
        "sentence.json#/$defs/statutory_penalty",
        civicspace.sentences.StatutoryPenalty,
        strategies.statutory_penalties,
    ),
    ("sentence.json#/$defs/sentence", civicspace.Sentence, strategies.sentences),
    ("person.json#/$defs/person", civicspace.CasePerson, strategies.people),
    ("person.json#/$defs/other_name", civicspace.people.OtherName, strategies.other_names),
    ("person.json#/$defs/identifier", civicspace.people.Identifier, strategies.person_identifiers),
    ("person.json#/$defs/affiliation", civicspace.people.Affiliation, strategies.affiliations),
    (
        "organisation.json#/$defs/organisation",
        civicspace.CaseOrganisation,
        strategies.organisations,
    ),
    ("case.json#/$defs/event", civicspace.Event, strategies.events),
    ("case.json#/$defs/actor", civicspace.cases.Actor, strategies.actors),
    ("case.json#/$defs/charge", civicspace.Charge, strategies.charges),
    ("statement.json#/$defs/signatory", civicspace.statements.Signatory, strategies.signatories),
    (
        "statement.json#/$defs/demand",
        civicspace.statements.StatementDemand,
        strategies.statement_demands,
    ),
    ("statement.json#/$defs/concern", civicspace.statements.Concern, strategies.concerns),
    ("statement.json#/$defs/delivered_by", civicspace.statements.Deliverer, strategies.deliverers),
    ("election.json#/$defs/contest", civicspace.elections.Contest, strategies.contests),
    ("election.json#/$defs/result", civicspace.elections.PartyResult, strategies.party_results),
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


def breaks_a_rule_schemas_cannot_state(node):
    """Whether a document breaks a model rule that compares two members, which JSON Schema
    cannot state; tests/test_sentences.py shows each refused with its path."""
    if isinstance(node, list):
        return any(breaks_a_rule_schemas_cannot_state(item) for item in node)
    if not isinstance(node, dict):
        return False
    start, end = node.get("start"), node.get("end")
    if isinstance(start, str) and isinstance(end, str) and end < start:
        return True  # a custody period ends before it starts
    amount, equivalent = node.get("amount"), node.get("equivalent")
    if isinstance(amount, dict) and isinstance(equivalent, dict):
        if amount["currency"] == equivalent["currency"]:
            return True  # an equivalent in the amount's own currency
        if not (Decimal(amount["amount"]) and Decimal(equivalent["amount"])):
            return True  # an equivalent of (or for) nothing
    low, high = node.get("minimum"), node.get("maximum")
    if isinstance(low, str) and isinstance(high, str):
        try:
            civicspace.sentences.TermRange(
                minimum=civicspace.sentences.Term.parse(low),
                maximum=civicspace.sentences.Term.parse(high),
            )
        except civicspace.FieldValueError:
            return True  # a range whose minimum may end after its maximum
    return any(breaks_a_rule_schemas_cannot_state(item) for item in node.values())


@pytest.mark.parametrize(("reference", "cls", "strategy"), EMBEDDED, ids=EMBEDDED_IDS)
def test_embedded_schema_valid_json_structures_into_the_model(reference, cls, strategy):
    @settings(
        max_examples=100,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
    )
    @given(from_schema(bundled(reference)))
    def check(document):
        assume(not breaks_a_rule_schemas_cannot_state(document))
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
    @settings(
        suppress_health_check=[
            HealthCheck.too_slow,
            HealthCheck.filter_too_much,
            HealthCheck.data_too_large,  # a drawn collection is large by nature
        ]
    )
    @given(from_schema(bundled(kind)))
    def check(document):
        assert [] == list(validator(kind).iter_errors(document))
        assume(not breaks_a_rule_schemas_cannot_state(document))  # a case embeds sentences
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
    stack = [*RECORD_TYPES.values()]
    while stack:
        cls = stack.pop()
        if cls in seen:
            continue
        seen.add(cls)
        if cls in {civicspace.PartialDate, civicspace.sentences.Term}:
            continue  # written as strings, not as objects with members
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
    embedded = {cls for _, cls, _ in EMBEDDED if attrs.has(cls)}
    assert embedded <= seen


@given(st.sampled_from(KINDS).flatmap(strategies.documents))
def test_documents_strategy_gives_valid_documents(document):
    assert [] == civicspace.validate(document)


def _enum_fields():
    """Every (class, field, enum, schema of the member) the record types reach."""
    import enum
    import typing

    import attrs

    from civicspace._model.limits import _model_classes_in, _resolve, _schema_file

    def enums_in(hint):
        if isinstance(hint, type) and issubclass(hint, enum.Enum):
            yield hint
        for argument in typing.get_args(hint):
            yield from enums_in(argument)

    seen, found = set(), []

    def walk(cls, schema, file):
        if cls in seen:
            return
        seen.add(cls)
        schema, file = _resolve(schema, file)
        properties = schema.get("properties", {})
        hints = typing.get_type_hints(cls)
        for field in attrs.fields(cls):
            member = properties.get(field.name)
            if member is None:
                continue
            resolved, member_file = _resolve(member, file)
            items = resolved.get("items")
            inner, _inner_file = (
                _resolve(items, member_file)
                if isinstance(items, dict)
                else (
                    resolved,
                    member_file,
                )
            )
            for enumeration in enums_in(hints[field.name]):
                found.append((cls, field.name, enumeration, inner))
            for nested in _model_classes_in(hints[field.name]):
                walk(nested, items if isinstance(items, dict) else member, member_file)

    for name, cls in RECORD_TYPES.items():
        walk(cls, _schema_file(f"{name}.json"), f"{name}.json")
    return found


def test_every_python_enum_has_the_values_of_its_schema_enum():
    # The schema holds each code list; a Python enum is a copy, and must agree value for value.
    checked = set()
    for cls, name, enumeration, schema in _enum_fields():
        if "enum" not in schema:
            continue
        assert sorted(member.value for member in enumeration) == sorted(schema["enum"]), (
            f"{cls.__name__}.{name}: {enumeration.__name__}"
        )
        checked.add(enumeration)
    assert len(checked) >= 12
