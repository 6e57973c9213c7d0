"""Derived data remembered for one run of the checks (``_util/memo.py``)."""

from __future__ import annotations

from typing import Any

import attrs
from hypothesis import given
from hypothesis import strategies as st

import civicspace.strategies as cst
from civicspace._model.cases import Case
from civicspace._rules.engine import check_record, checks_of
from civicspace._util.memo import one_run, per_run
from civicspace.errors import Issue


class _Thing:
    """An object compared by identity, as the memo keys objects."""


def _counting() -> tuple[list[tuple[int, int]], Any]:
    calls: list[tuple[int, int]] = []

    @per_run
    def derive(thing: _Thing, number: int) -> tuple[int, ...]:
        calls.append((id(thing), number))
        return (number, number)

    return calls, derive


@given(st.lists(st.integers(0, 3), max_size=20))
def test_within_a_run_each_object_and_arguments_are_derived_once(numbers: list[int]) -> None:
    calls, derive = _counting()
    things = [_Thing(), _Thing()]
    with one_run():
        results = [derive(thing, number) for number in numbers for thing in things]
    assert [(number, number) for number in numbers for _ in things] == results
    assert len({(id(thing), number) for number in numbers for thing in things}) == len(calls)


@given(st.lists(st.integers(0, 3), max_size=20))
def test_outside_a_run_every_call_derives_afresh(numbers: list[int]) -> None:
    calls, derive = _counting()
    thing = _Thing()
    assert [(number, number) for number in numbers] == [derive(thing, n) for n in numbers]
    assert len(numbers) == len(calls)


def test_a_run_forgets_what_it_remembered_when_it_ends() -> None:
    calls, derive = _counting()
    thing = _Thing()
    for _ in range(2):
        with one_run():
            derive(thing, 1)
            derive(thing, 1)
    assert 2 == len(calls)


def _rules_without_the_memo(case: Case) -> list[Issue]:
    """The case's own rules, each run on its own outside any run: nothing remembered."""
    return [
        Issue(where, code, message)
        for code, rule in checks_of(Case)
        for where, message in rule(case)
    ]


@given(cst.records("case"), st.randoms(use_true_random=False))
def test_the_case_rules_find_the_same_with_the_memo(case: Case, random: Any) -> None:
    events = list(case.events)
    random.shuffle(events)  # events out of order: chronology and custody findings
    shuffled = attrs.evolve(case, events=tuple(events))
    own = {(issue.path, issue.code) for issue in _rules_without_the_memo(shuffled)}
    found = [issue for issue in check_record(shuffled) if (issue.path, issue.code) in own]
    assert _rules_without_the_memo(shuffled) == found
