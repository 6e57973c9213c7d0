"""Status over time: legal outcome and custody as two facts, on any date."""

import datetime

import attrs
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import civicspace
from civicspace import strategies
from civicspace.cases import (
    CustodyStatus,
    Event,
    LegalOutcome,
    PersonStatus,
    Standing,
    outcome_on,
    person_status,
    standing_on,
    status_history,
)
from civicspace.common import PartialDate

D = datetime.date


def remainder_case(*extra_events):
    """Arrested 2021-03-12, sentenced 2021-11-02 to 18 months, the rest suspended."""
    return civicspace.load(
        {
            "type": "case",
            "id": "remainder",
            "country": "KHM",
            "title": "Sentenced to the time already served",
            "people": [{"id": "sok", "name": "Sok"}],
            "events": [
                {"kind": "arrest", "date": "2021-03-12", "people": ["sok"]},
                {"kind": "sentence", "date": "2021-11-02", "people": ["sok"]},
                *extra_events,
            ],
            "sentences": [
                {
                    "person": "sok",
                    "term": "P18M",
                    "suspended": "remainder",
                    "imposed_on": "2021-11-02",
                }
            ],
        }
    )


def test_custody_ends_when_the_remainder_is_suspended_after_time_served():
    case = remainder_case()
    history = civicspace.cases.status_history(case, "sok")
    assert [
        (0, LegalOutcome.UNKNOWN, CustodyStatus.DETAINED, ()),
        (1, LegalOutcome.CONVICTED, CustodyStatus.RELEASED, (0,)),
    ] == [(step.index, step.outcome, step.custody, step.sentences) for step in history]
    assert CustodyStatus.DETAINED == civicspace.cases.custody_on(case, "sok", D(2021, 11, 1))
    assert CustodyStatus.RELEASED == civicspace.cases.custody_on(case, "sok", D(2021, 11, 2))
    assert LegalOutcome.CONVICTED == civicspace.cases.outcome_on(case, "sok", D(2022, 1, 1))


def test_person_status_keeps_its_meaning():
    assert PersonStatus.CONVICTED == civicspace.cases.person_status(remainder_case(), "sok")


def test_a_release_does_not_overwrite_a_conviction():
    case = remainder_case(
        {"kind": "appeal", "date": "2022-01", "people": ["sok"]},
    )
    held = civicspace.load(
        {
            **civicspace.dump(case),
            "sentences": [{"person": "sok", "term": "P18M", "imposed_on": "2021-11-02"}],
            "events": [
                *civicspace.dump(case)["events"],
                {"kind": "release", "date": "2022-05-02", "people": ["sok"]},
            ],
        }
    )
    assert (
        PersonStatus.RELEASED,
        Standing(outcome=LegalOutcome.CONVICTED, custody=CustodyStatus.RELEASED),
    ) == (
        civicspace.cases.person_status(held, "sok"),
        civicspace.cases.standing_on(held, "sok", D(2023, 1, 1)),
    )
    assert CustodyStatus.DETAINED == civicspace.cases.custody_on(held, "sok", D(2022, 5, 1))


def test_a_full_term_to_serve_keeps_custody():
    case = civicspace.load(
        {
            **civicspace.dump(remainder_case()),
            "sentences": [{"person": "sok", "term": "P18M", "imposed_on": "2021-11-02"}],
        }
    )
    assert CustodyStatus.DETAINED == civicspace.cases.custody_on(case, "sok", D(2022, 1, 1))


def test_a_partial_date_straddling_the_day_is_not_guessed():
    case = civicspace.load(
        {
            "type": "case",
            "id": "kong-raiya-2019",
            "country": "KHM",
            "title": "Kong Raiya",
            "people": [{"id": "kong-raiya", "name": "Kong Raiya"}],
            "events": [
                {"kind": "arrest", "date": "2019-07", "people": ["kong-raiya"]},
                {"kind": "bail", "date": "2019-11-28", "people": ["kong-raiya"]},
            ],
        }
    )
    assert Standing(
        outcome=LegalOutcome.UNKNOWN, custody=CustodyStatus.UNKNOWN, certain=False, undecided=(0,)
    ) == civicspace.cases.standing_on(case, "kong-raiya", D(2019, 7, 15))
    assert Standing(outcome=LegalOutcome.UNKNOWN, custody=CustodyStatus.DETAINED) == (
        civicspace.cases.standing_on(case, "kong-raiya", D(2019, 8, 1))
    )
    assert CustodyStatus.ON_BAIL == civicspace.cases.custody_on(case, "kong-raiya", D(2020, 1, 1))


@pytest.mark.parametrize("on", ["2021-11-02", PartialDate(2021, 11), datetime.datetime(2021, 1, 1)])
def test_a_day_that_is_not_a_date_is_refused(on):
    with pytest.raises(civicspace.errors.CustodyError, match=r"on must be a datetime\.date"):
        civicspace.cases.standing_on(remainder_case(), "sok", on)


def test_an_unknown_person_is_refused():
    with pytest.raises(civicspace.errors.UnknownPersonError):
        civicspace.cases.status_history(remainder_case(), "nobody")


def test_counts_offer_both_kinds_of_fact():
    cases = [remainder_case()]
    assert (
        {LegalOutcome.CONVICTED: 1},
        {CustodyStatus.RELEASED: 1},
        {PersonStatus.CONVICTED: 1},
    ) == (
        civicspace.analysis.count_by_outcome(cases),
        civicspace.analysis.count_by_custody(cases),
        civicspace.analysis.count_by_status(cases),
    )


def test_event_kinds_agree_on_custody():
    # A kind that begins custody leaves people detained; one that ends it, not detained.
    wrong = [
        kind.name
        for kind in civicspace.cases.event_kinds().values()
        if (kind.custody is civicspace.cases.CustodyEffect.BEGINS)
        != (kind.custody_status is CustodyStatus.DETAINED)
        or (kind.custody is civicspace.cases.CustodyEffect.ENDS and kind.custody_status is None)
    ]
    assert [] == wrong


@settings(max_examples=30, deadline=None)
@given(strategies.cases())
def test_standing_after_every_event_is_the_last_step_of_the_history(case):
    for person in case.people:
        history = civicspace.cases.status_history(case, person.id)
        standing = civicspace.cases.standing_on(case, person.id, datetime.date.max)
        last = (
            (history[-1].outcome, history[-1].custody)
            if history
            else (LegalOutcome.UNKNOWN, CustodyStatus.UNKNOWN)
        )
        if standing.certain:
            assert last == (standing.outcome, standing.custody)
        assert all(step.outcome_changed or step.custody_changed for step in history)


def test_an_event_on_their_charges_shows_a_person_was_charged():
    # "the hearing ... on the charges of treason": no charge event, but charged by then.
    case = civicspace.load(
        {
            "type": "case",
            "id": "kem-sokha-2020",
            "country": "KHM",
            "title": "Kem Sokha's treason trial",
            "people": [{"id": "kem-sokha", "name": "Kem Sokha"}],
            "charges": [{"id": "treason", "offence": "treason", "people": ["kem-sokha"]}],
            "events": [
                {"kind": "ban", "people": ["kem-sokha"]},
                {
                    "kind": "trial_hearing",
                    "date": "2020-01",
                    "people": ["kem-sokha"],
                    "charges": ["treason"],
                },
            ],
        }
    )
    assert [(1, LegalOutcome.CHARGED, ("treason",))] == [
        (step.index, step.outcome, step.charges)
        for step in civicspace.cases.status_history(case, "kem-sokha")
    ]


# -- Scheduled events -----------------------------------------------------------------------------


def zsombor_case(scheduled):
    """Aun Pheap charged on 28 August 2017 and summoned to a trial hearing on 25 December 2019.

    Source (civicus-cambodia-articles.txt, L602): "both were charged with incitement to commit
    a felony under Articles 494 and 495 of the Cambodian Criminal Code ... summoned to appear at
    a trial hearing on 25 December 2019".  A hearing the summons sets is scheduled, not held.
    """
    return civicspace.load(
        {
            "type": "case",
            "id": "aun-pheap",
            "country": "KHM",
            "title": "Former Cambodia Daily journalists charged with incitement",
            "people": [{"id": "aun-pheap", "name": "Aun Pheap"}],
            "events": [
                {"kind": "arrest", "date": "2017-08-28", "people": ["aun-pheap"]},
                {"kind": "release", "date": "2017-08-28", "people": ["aun-pheap"]},
                {
                    "kind": "conviction",
                    "date": "2019-12-25",
                    "people": ["aun-pheap"],
                    **({"scheduled": scheduled} if scheduled is not None else {}),
                },
            ],
        }
    )


def test_a_scheduled_event_changes_no_status():
    scheduled, held = zsombor_case(True), zsombor_case(None)
    assert [0, 1] == [step.index for step in status_history(scheduled, "aun-pheap")]
    assert [0, 1, 2] == [step.index for step in status_history(held, "aun-pheap")]
    day = D(2020, 1, 1)
    assert LegalOutcome.UNKNOWN == outcome_on(scheduled, "aun-pheap", day)
    assert LegalOutcome.CONVICTED == outcome_on(held, "aun-pheap", day)
    assert PersonStatus.RELEASED == person_status(scheduled, "aun-pheap")
    assert True is scheduled.events[2].scheduled
    assert False is scheduled.events[2].happened


def facts(case, person_id):
    """Each step of the person's history as (index, outcome, custody)."""
    return [(step.index, step.outcome, step.custody) for step in status_history(case, person_id)]


def test_scheduled_false_means_it_happened_as_when_left_out():
    assert facts(zsombor_case(None), "aun-pheap") == facts(zsombor_case(False), "aun-pheap")


@settings(max_examples=30, deadline=None)
@given(strategies.cases())
def test_scheduled_events_never_change_status_history(case):
    """Dropping every scheduled event leaves each person's history as it was (by event)."""
    kept = [index for index, event in enumerate(case.events) if event.happened]
    without = attrs.evolve(case, events=tuple(case.events[index] for index in kept))
    for person in case.people:
        expected = [kept[index] for index, _, _ in facts(without, person.id)]
        assert expected == [index for index, _, _ in facts(case, person.id)]
        assert [rest for _, *rest in facts(without, person.id)] == [
            rest for _, *rest in facts(case, person.id)
        ]
        assert person_status(without, person.id) == person_status(case, person.id)


@settings(max_examples=30, deadline=None)
@given(strategies.cases(), st.data())
def test_a_later_event_never_changes_status_before_it(case, data):
    """An event appended after every dated event changes no one's standing before its date."""
    assume(case.people)
    latest = max(
        (event.date.latest for event in case.events if event.date is not None),
        default=D(2000, 1, 1),
    )
    day = latest + datetime.timedelta(days=data.draw(st.integers(1, 400)))
    kind = data.draw(strategies.event_kind_names())
    named = data.draw(st.sampled_from([person.id for person in case.people]))
    later = attrs.evolve(
        case,
        events=(*case.events, Event(kind=kind, date=PartialDate.from_date(day), people=(named,))),
    )
    for before in {day - datetime.timedelta(days=1), latest, min(latest, D(2000, 1, 1))}:
        for person in case.people:
            assert standing_on(case, person.id, before) == standing_on(later, person.id, before)


@settings(max_examples=30, deadline=None)
@given(strategies.cases())
def test_death_is_final_and_a_kind_of_custody_is_custody(case):
    """After a death in custody or an execution nothing changes custody; a kind of custody
    (house arrest) is always custody; an assumed release only ever releases someone held.
    """
    for person in case.people:
        history = status_history(case, person.id)
        custody = [step.custody for step in history]
        if CustodyStatus.DECEASED in custody:
            first = custody.index(CustodyStatus.DECEASED)
            assert [CustodyStatus.DECEASED] * (len(custody) - first) == custody[first:]
        for before, step in zip((None, *history), history, strict=False):
            if step.custody_kind is not None:
                assert CustodyStatus.DETAINED == step.custody
            if step.assumed_on is not None:
                assert before is not None
                assert (CustodyStatus.DETAINED, CustodyStatus.RELEASED) == (
                    before.custody,
                    step.custody,
                )
