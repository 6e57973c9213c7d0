"""Status over time: legal outcome and custody as two facts, on any date."""

import datetime

import pytest
from hypothesis import given, settings

import civicspace
from civicspace import strategies
from civicspace.cases import CustodyStatus, LegalOutcome, PersonStatus, Standing
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
