"""The benchmark's peers do civicspace's work: they accept the batch and refuse what it refuses.

Run with the ``bench`` extra installed: ``python -m pytest -p no:xdist benchmarks/test_peers.py``
(``.ci/run`` does).  Not part of the library's test suite (``testpaths`` is ``tests``): it checks
the benchmark, not the library.

* The peers cannot go stale: they declare exactly the members the published case schema
  declares, they know every rule civicspace runs on a case, their hand-written patterns match
  what the schema's match, and a keyword the generator does not know stops it.
* Each record of the batch is mutated in ways that break one of civicspace's rules of a case,
  or one of the checks its schema and model make beyond field types, and at random (a member
  dropped, added or given another value); a mutation must be refused by civicspace, by the
  pydantic peer and by the msgspec peer alike, and for the rules with the same codes at the
  same paths.
"""

from __future__ import annotations

import copy
import json
import re
import typing
from collections.abc import Callable, Iterator
from typing import Any

import attrs
import hypothesis
import pytest
from batch import batch_records, dataset_cases, world_cases
from hypothesis import strategies as st
from peers import (
    BUNDLE,
    DEFS,
    LOOKAROUND_FREE,
    MODEL_CHECKS,
    RULE_CODES,
    MCase,
    PCase,
    UnknownKeyword,
    _Generator,
    case_findings,
    declared_members,
    lookaround_free,
    msgspec_decoder,
    msgspec_load,
    pydantic_load,
    schema_members,
)

import civicspace
from civicspace._rules.engine import rule_codes
from civicspace.cases import Case

RECORDS = batch_records()
Mutation = Callable[[dict[str, Any]], bool]  # edits the case in place; False when it cannot


def _people(case: dict[str, Any]) -> list[str]:
    return [person["id"] for person in case.get("people", ())]


def _events(case: dict[str, Any], *added: dict[str, Any]) -> bool:
    """Add events before the case's own, so that the person is not held when they happen."""
    case["events"] = [*added, *case.get("events", ())]
    return True


def unknown_person_in_event(case: dict[str, Any]) -> bool:
    if not case.get("events"):
        return False
    case["events"][0]["people"] = ["nobody-of-this-case"]
    return True


def unknown_charge_in_event(case: dict[str, Any]) -> bool:
    return _events(case, {"kind": "charge", "people_count": 2, "charges": ["no-such-charge"]})


def unknown_person_sentenced(case: dict[str, Any]) -> bool:
    if not case.get("sentences"):
        return False
    case["sentences"][-1]["person"] = "nobody-of-this-case"
    return True


def duplicate_person(case: dict[str, Any]) -> bool:
    if len(case.get("people", ())) < 2:
        return False
    case["people"][-1]["id"] = case["people"][0]["id"]
    return True


def released_never_held(case: dict[str, Any]) -> bool:
    if not _people(case):
        return False
    return _events(case, {"kind": "bail", "people": [_people(case)[0]]})


def arrested_in_absentia(case: dict[str, Any]) -> bool:
    if not _people(case):
        return False
    return _events(case, {"kind": "arrest", "people": [_people(case)[0]], "in_absentia": False})


def convicted_in_absentia_while_held(case: dict[str, Any]) -> bool:
    if not _people(case):
        return False
    person = _people(case)[-1]
    return _events(
        case,
        {"kind": "arrest", "people": [person], "date": "2031-01-02"},
        {"kind": "conviction", "people": [person], "date": "2031-02", "in_absentia": True},
    )


def verdict_before_arrest(case: dict[str, Any]) -> bool:
    if not _people(case):
        return False
    person = _people(case)[0]
    return _events(
        case,
        {"kind": "arrest", "people": [person], "date": "2035-05-05"},
        {"kind": "conviction", "people": [person], "date": "2034"},
    )


def released_before_arrest(case: dict[str, Any]) -> bool:
    if not _people(case):
        return False
    person = _people(case)[0]
    return _events(
        case,
        {"kind": "pre_trial_detention", "people": [person], "date": "2036-07"},
        {"kind": "release", "people": [person], "date": "2036-06-30"},
    )


def sentenced_in_absentia_while_held(case: dict[str, Any]) -> bool:
    if not _people(case):
        return False
    person = _people(case)[0]
    _events(case, {"kind": "arrest", "people": [person], "date": "2037-01-01"})
    case["sentences"] = [
        *case.get("sentences", ()),
        {"person": person, "term": "P1Y", "in_absentia": True, "imposed_on": "2037-03-03"},
    ]
    return True


def suspended_beyond_term(case: dict[str, Any]) -> bool:
    if not case.get("sentences"):
        return False
    sentence = case["sentences"][0]
    sentence["term"], sentence["suspended"] = "P1M", "P32D"
    sentence.pop("aggravated_life", None)  # the schema has it only with a life term
    return True


def counted_fewer_than_named(case: dict[str, Any]) -> bool:
    if len(_people(case)) < 2:
        return False
    return _events(case, {"kind": "threat", "people": _people(case)[:2], "people_count": 1})


def concerns_nobody(case: dict[str, Any]) -> bool:
    for member in ("people", "organisations", "charges", "sentences"):
        case.pop(member, None)
    case["events"] = [{"kind": "ban", "date": "2020"}]
    return True


def designation_on_an_arrest(case: dict[str, Any]) -> bool:
    return _events(
        case, {"kind": "threat", "people_count": 2, "designation": {"category": "extremist"}}
    )


def term_change_both_ways(case: dict[str, Any]) -> bool:
    return _events(
        case,
        {"kind": "commutation", "people_count": 1, "term_after": "P1Y", "reduced_by": "P2Y"},
    )


def term_change_on_a_threat(case: dict[str, Any]) -> bool:
    return _events(case, {"kind": "threat", "people_count": 1, "reduced_by": "P2Y"})


def derived_member_unknown(case: dict[str, Any]) -> bool:
    case["derived"] = [{"member": "events[999].date", "how": "inferred_date"}]
    return True


def penalty_minimum_above_maximum(case: dict[str, Any]) -> bool:
    if not case.get("charges"):
        return False
    case["charges"][0]["penalty"] = {"minimum_term": "P3Y", "maximum_term": "P2Y"}
    return True


def penalty_fines_in_two_currencies(case: dict[str, Any]) -> bool:
    if not case.get("charges"):
        return False
    case["charges"][-1]["penalty"] = {
        "minimum_fine": {"amount": "100", "currency": "KHR"},
        "maximum_fine": {"amount": "50", "currency": "USD"},
        "maximum_fine_equivalent": {"amount": "5", "currency": "USD"},
        "aggravated": [
            {"condition": "if repeated", "minimum_fine": {"amount": "900", "currency": "USD"}}
        ],
    }
    return True


RULE_MUTATIONS: list[Mutation] = [
    designation_on_an_arrest,
    term_change_both_ways,
    term_change_on_a_threat,
    derived_member_unknown,
    penalty_minimum_above_maximum,
    penalty_fines_in_two_currencies,
    unknown_person_in_event,
    unknown_charge_in_event,
    unknown_person_sentenced,
    duplicate_person,
    released_never_held,
    arrested_in_absentia,
    convicted_in_absentia_while_held,
    verdict_before_arrest,
    released_before_arrest,
    sentenced_in_absentia_while_held,
    suspended_beyond_term,
    counted_fewer_than_named,
    concerns_nobody,
]


def impossible_day(case: dict[str, Any]) -> bool:
    return _events(case, {"kind": "threat", "people_count": 3, "date": "2021-02-30"})


def custody_ends_before_it_starts(case: dict[str, Any]) -> bool:
    if not case.get("sentences"):
        return False
    case["sentences"][0]["custody_credited"] = [{"start": "2020-05-05", "end": "2020-05-04"}]
    return True


def sentence_without_penalty(case: dict[str, Any]) -> bool:
    if not case.get("sentences"):
        return False
    case["sentences"][0] = {"person": case["sentences"][0]["person"], "court": "a court"}
    return True


def suspended_without_term(case: dict[str, Any]) -> bool:
    if not case.get("sentences"):
        return False
    sentence = case["sentences"][0]
    sentence.pop("term", None)
    sentence["suspended"] = "P1M"
    sentence["fine"] = {"amount": {"amount": "10", "currency": "KHR"}}
    return True


def range_inverted(case: dict[str, Any]) -> bool:
    if not case.get("sentences"):
        return False
    case["sentences"][0]["term"] = {"minimum": "P2Y", "maximum": "P20M"}
    case["sentences"][0].pop("suspended", None)
    return True


def source_untitled(case: dict[str, Any]) -> bool:
    case["sources"] = [{"publisher": "a publisher"}]
    return True


def unknown_field(case: dict[str, Any]) -> bool:
    case["status"] = "open"
    return True


def people_count_zero(case: dict[str, Any]) -> bool:
    return _events(case, {"kind": "threat", "people_count": 0})


SHAPE_MUTATIONS: list[Mutation] = [
    impossible_day,
    custody_ends_before_it_starts,
    sentence_without_penalty,
    suspended_without_term,
    range_inverted,
    source_untitled,
    unknown_field,
    people_count_zero,
]


def _refused(load: Callable[[bytes], object], text: bytes) -> bool:
    try:
        load(text)
    except ValueError:  # pydantic.ValidationError, msgspec.ValidationError and RulesError
        return True
    return False


@pytest.mark.parametrize("index", range(len(RECORDS)))
def test_every_peer_accepts_the_batch(index: int) -> None:
    text = RECORDS[index]
    assert [] == civicspace.validate(text)
    assert (False, False) == (_refused(pydantic_load, text), _refused(msgspec_load, text))


def _mutated(data: st.DataObject, mutations: list[Mutation]) -> tuple[Mutation, bytes] | None:
    case = copy.deepcopy(json.loads(data.draw(st.sampled_from(RECORDS))))
    mutation = data.draw(st.sampled_from(mutations))
    if not mutation(case):
        return None
    return mutation, json.dumps(case, ensure_ascii=False).encode()


@hypothesis.settings(max_examples=150, deadline=None)
@hypothesis.given(st.data())
def test_the_peers_report_the_rules_civicspace_reports(data: st.DataObject) -> None:
    drawn = _mutated(data, RULE_MUTATIONS)
    hypothesis.assume(drawn is not None)
    assert drawn is not None
    _mutation, text = drawn
    issues = civicspace.validate(text)
    expected = sorted((issue.code, issue.path) for issue in issues)
    hypothesis.event("breaks a rule" if expected else "breaks none here")
    assert expected == sorted(case_findings(msgspec_decoder.decode(text)))
    refused = bool(expected)
    assert (refused, refused) == (_refused(pydantic_load, text), _refused(msgspec_load, text))


@hypothesis.settings(max_examples=40, deadline=None)
@hypothesis.given(st.data())
def test_the_peers_refuse_what_the_schema_and_model_refuse(data: st.DataObject) -> None:
    drawn = _mutated(data, SHAPE_MUTATIONS)
    hypothesis.assume(drawn is not None)
    assert drawn is not None
    _mutation, text = drawn
    assert civicspace.validate(text) != []
    assert (True, True) == (_refused(pydantic_load, text), _refused(msgspec_load, text))


# -- The peers cannot go stale ---------------------------------------------------------------------


def test_the_batch_holds_the_dataset_and_the_world_examples() -> None:
    assert 34 == len(dataset_cases())
    assert 21 == len(world_cases())
    assert set(dataset_cases()) | set(world_cases()) <= set(RECORDS)


def test_the_peers_declare_every_member_the_schema_declares() -> None:
    expected = schema_members()
    assert "events.designation.category" in expected  # nested through refs and arrays
    assert (expected, expected) == (declared_members(PCase), declared_members(MCase))


def _classes_reachable(cls: type[Any]) -> Iterator[type[Any]]:
    seen: set[type[Any]] = set()
    todo = [cls]
    while todo:
        each = todo.pop()
        if each in seen or not attrs.has(each):
            continue
        seen.add(each)
        yield each
        hints = typing.get_type_hints(each)
        for field in attrs.fields(each):
            todo.extend(_types_in(hints[field.name]))


def _types_in(annotation: Any) -> Iterator[type[Any]]:
    if isinstance(annotation, type):
        yield annotation
    for argument in typing.get_args(annotation):
        yield from _types_in(argument)


def test_the_peers_know_every_rule_civicspace_runs_on_a_case() -> None:
    codes = rule_codes()
    reachable = {code for cls in _classes_reachable(Case) for code in codes.get(cls, ())}
    assert reachable == RULE_CODES


def test_the_model_checks_name_objects_of_the_schema() -> None:
    assert set(MODEL_CHECKS) <= {name for name, node in DEFS.items() if "properties" in node}


def _patterns(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "pattern" and isinstance(value, str):
                yield value
            elif key not in ("examples", "description"):
                yield from _patterns(value)
    elif isinstance(node, list):
        for item in node:
            yield from _patterns(item)


LOOKAROUND_PATTERNS = sorted({p for p in _patterns(BUNDLE) if lookaround_free(p) != p})


def test_every_fragment_written_out_is_one_the_schema_uses() -> None:
    assert all(any(f in p for p in LOOKAROUND_PATTERNS) for f in LOOKAROUND_FREE)


@pytest.mark.parametrize("pattern", LOOKAROUND_PATTERNS)
@hypothesis.settings(max_examples=300, deadline=None)
@hypothesis.given(data=st.data())
def test_a_pattern_written_out_matches_what_the_schema_pattern_matches(
    pattern: str, data: st.DataObject
) -> None:
    written_out = lookaround_free(pattern)
    text = data.draw(
        st.from_regex(written_out, fullmatch=True)
        | st.text(alphabet="0123456789-PYMDlife", max_size=14)
        | st.from_regex(r"P[0-9]{1,3}Y?[0-9]{0,3}M?[0-9]{0,3}D?", fullmatch=True)
        | st.from_regex(r"0{3,4}[0-9]?(-[0-9]{2}){0,2}", fullmatch=True)
    )
    expected = re.search(pattern, text) is not None
    assert expected == (re.search(written_out, text) is not None)


@pytest.mark.parametrize(
    "node",
    [
        {"type": "array", "items": {"type": "string"}, "uniqueItems": True},
        {"type": "string", "format": "email"},
        {"type": "object", "properties": {"a": {"type": "string"}}},  # extra members allowed
        {"oneOf": [{"type": "string"}, {"type": "integer"}]},
        {"type": "integer", "exclusiveMinimum": 0},
    ],
)
def test_the_generator_stops_at_a_keyword_it_does_not_know(node: dict[str, Any]) -> None:
    shape = {"type": "object", "additionalProperties": False, "properties": {"member": node}}
    if node.get("type") == "object":
        shape = node
    for backend in ("pydantic", "msgspec"):
        with pytest.raises(UnknownKeyword):
            _Generator(backend).model(shape, "grown")  # type: ignore[arg-type]


def test_a_lookaround_not_written_out_stops_the_pydantic_generator() -> None:
    # Rust's regex, pydantic's engine, has none; msgspec's (Python's re) has them.
    shape = {
        "type": "object",
        "additionalProperties": False,
        "properties": {"member": {"type": "string", "pattern": "^(?<=a)b$"}},
    }
    with pytest.raises(UnknownKeyword):
        _Generator("pydantic").model(shape, "grown")


# -- Drawn mutations: a member dropped, added or given another value ------------------------------

OTHER_VALUES: list[Any] = [
    None,
    "",
    " ",
    "x",
    "2021-02-30",
    "P0Y",
    "life",
    "KHR",
    0,
    -1,
    1,
    1.5,
    True,
    False,
    [],
    ["x"],
    {},
    {"kind": "arrest"},
]


def _places(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield path
    if isinstance(value, dict):
        for key, inner in value.items():
            yield from _places(inner, (*path, key))
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            yield from _places(inner, (*path, index))


@st.composite
def randomly_mutated(draw: st.DrawFn) -> bytes:
    case = json.loads(draw(st.sampled_from(RECORDS)))
    for _ in range(draw(st.integers(1, 2))):
        places = [place for place in _places(case) if place]
        place = draw(st.sampled_from(places))
        *parent_path, last = place
        parent = case
        for step in parent_path:
            parent = parent[step]
        how = draw(st.sampled_from(["drop", "replace", "add"]))
        other = copy.deepcopy(draw(st.sampled_from(OTHER_VALUES)))  # later draws may edit it
        if how == "drop":
            del parent[last]
        elif how == "replace":
            parent[last] = other
        elif isinstance(parent, dict):
            parent["unknown_member"] = other
        else:
            parent.append(other)
    return json.dumps(case, ensure_ascii=False).encode()


@hypothesis.settings(max_examples=300, deadline=None)
@hypothesis.given(randomly_mutated())
def test_the_peers_refuse_a_drawn_mutation_as_civicspace_does(text: bytes) -> None:
    refused = civicspace.validate(text) != []
    hypothesis.event("refused" if refused else "accepted")
    assert (refused, refused) == (_refused(pydantic_load, text), _refused(msgspec_load, text))
