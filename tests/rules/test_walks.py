"""The case rules walk the events once for every person (``_rules/cases.py``).

Each rule reads a person's timeline and spells in custody from one walk of the case's events;
the walk must give exactly what :func:`civicspace.cases.timeline` and ``stays`` give person by
person, so that the rules' verdicts and issues are those of the walk per person they replace.
"""

from __future__ import annotations

import json

from hypothesis import given, settings

import civicspace
import civicspace.datasets
import civicspace.strategies as cst
from civicspace._model.cases import stays
from civicspace._rules.cases import _walks
from civicspace._util.memo import one_run
from civicspace.cases import Case, Event, timeline
from civicspace.people import CasePerson


def _per_person(case: Case) -> dict[str, object]:
    people = [person.id for person in case.people]
    return {person: (tuple(timeline(case, person)), stays(case, person)) for person in people}


@settings(max_examples=50)
@given(cst.cases())
def test_one_walk_gives_every_timeline_as_timeline_walks_each(case: Case) -> None:
    assert _per_person(case) == _walks(case)


def test_one_walk_gives_the_shipped_cases_timelines() -> None:
    for document in json.loads(civicspace.datasets.document("cambodia"))["cases"]:
        case = civicspace.load(json.dumps(document))
        assert _per_person(case) == _walks(case)


def test_an_event_naming_a_person_twice_is_one_step_of_their_timeline() -> None:
    case = Case(
        id="twice",
        country="KHM",
        title="Named twice",
        people=(CasePerson(id="a", name="A"), CasePerson(id="a", name="A again")),
        events=(
            Event(kind="arrest", people=("a", "a")),
            Event(kind="release", people=("a", "b", "a")),
            Event(kind="bail", people=("b",)),
        ),
    )
    assert _per_person(case) == _walks(case)
    assert [0, 1] == [step.index for step in _walks(case)["a"][0]]


def test_within_a_run_the_walk_is_made_once() -> None:
    case = civicspace.load(
        json.dumps(json.loads(civicspace.datasets.document("cambodia"))["cases"][0])
    )
    with one_run():
        assert _walks(case) is _walks(case)
