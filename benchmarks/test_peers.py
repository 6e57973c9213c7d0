"""The benchmark's peers do civicspace's work: they accept the batch and refuse what it refuses.

Run with the ``bench`` extra installed: ``python -m pytest benchmarks/test_peers.py``.  Not
part of the test suite (``testpaths`` is ``tests``): it checks the benchmark, not the library.

Each record of the batch is mutated in ways that break one of civicspace's rules of a case, or
one of the checks its schema and model make beyond field types; a mutation must be refused by
civicspace, by the pydantic peer and by the msgspec peer alike, and for the rules with the same
codes at the same paths.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from typing import Any

import hypothesis
import pytest
from batch import batch_records
from hypothesis import strategies as st
from peers import case_findings, msgspec_decoder, msgspec_load, pydantic_load

import civicspace

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


RULE_MUTATIONS: list[Mutation] = [
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


@hypothesis.settings(max_examples=60, deadline=None)
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
