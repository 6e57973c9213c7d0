"""Derived values: marked on the record, checked, and left out on request.

Phrases quoted in comments come from tests/data/sources/civicus-cambodia-articles.txt.
"""

from __future__ import annotations

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import civicspace
from civicspace import FieldValueError, datasets
from civicspace import strategies as cs
from civicspace.analysis import conflicts, derived_values, summarise, without_derived
from civicspace.cases import Case, Event
from civicspace.collection import Collection
from civicspace.common import Derivation, DerivationKind, PartialDate, Source
from civicspace.people import CasePerson
from civicspace.ratings import CivicusRating, CountryRating

from .._edit import paths_and_codes

KEM_LEY = "Cambodia: 4 years on, no effective investigation into Kem Ley’s unlawful killing"
ARREST = Source(
    title=KEM_LEY,
    publisher="CIVICUS",
    quote="In July 2019, a day prior to the third anniversary of Kem Ley’s death, the authorities"
    " arrested youth activist Kong Raiya alongside three family members",
)
INFERRED_ARREST = Derivation(
    member="events[0].date",
    how=DerivationKind.INFERRED_DATE,
    note="A day prior to the third anniversary of the killing on July 10, 2016.",
    sources=(ARREST,),
)


def arrest_case(*derived: Derivation) -> Case:
    return Case(
        id="kong-raiya-2019",
        country="KHM",
        title="Kong Raiya arrested",
        people=(CasePerson(id="kong-raiya", name="Kong Raiya"),),
        events=(
            Event(
                kind="arrest",
                date=PartialDate.parse("2019-07-09"),
                people=("kong-raiya",),
                people_count=4,
            ),
        ),
        sources=(ARREST,),
        derived=derived,
    )


def test_an_inferred_date_is_marked_and_kept_in_place() -> None:
    case = arrest_case(INFERRED_ARREST)
    assert PartialDate.parse("2019-07-09") == case.events[0].date
    assert (("$.events[0].date", INFERRED_ARREST),) == derived_values(case)


def test_without_derived_unsets_an_optional_value_and_drops_the_marks() -> None:
    counted = Derivation(member="events[0].people_count", how=DerivationKind.COUNTED)
    pruned = without_derived(arrest_case(INFERRED_ARREST, counted))
    assert pruned is not None
    assert (None, None, ()) == (
        pruned.events[0].date,
        pruned.events[0].people_count,
        pruned.derived,
    )


def test_without_derived_can_leave_out_one_kind_only() -> None:
    counted = Derivation(member="events[0].people_count", how=DerivationKind.COUNTED)
    pruned = without_derived(
        arrest_case(INFERRED_ARREST, counted), kinds=frozenset({DerivationKind.COUNTED})
    )
    assert pruned is not None
    assert (PartialDate.parse("2019-07-09"), None) == (
        pruned.events[0].date,
        pruned.events[0].people_count,
    )
    assert (INFERRED_ARREST,) == pruned.derived


def test_a_merged_person_is_taken_out_with_the_references_to_them() -> None:
    # "three Cambodian activists–Lem Sokha, Phan Phana, and Kung Raiya–were arrested"
    case = Case(
        id="thai-border-arrests",
        country="THA",
        title="Arrests at the Thai border",
        people=(
            CasePerson(id="lem-sokha", name="Lem Sokha"),
            CasePerson(id="kong-raiya", name="Kong Raiya"),
        ),
        events=(Event(kind="arrest", people=("lem-sokha", "kong-raiya"), people_count=3),),
        derived=(Derivation(member="people[1]", how=DerivationKind.IDENTITY_MERGE),),
    )
    pruned = without_derived(case)
    assert pruned is not None
    assert (("lem-sokha",), ("lem-sokha",), 3) == (
        tuple(person.id for person in pruned.people),
        pruned.events[0].people,
        pruned.events[0].people_count,
    )


def test_a_record_that_cannot_stand_without_the_value_is_left_out() -> None:
    # "The forty-second Session ... will take place from 9 to 27 September." (no year)
    rating = CountryRating(
        country="KHM",
        rating=CivicusRating.REPRESSED,
        as_of=PartialDate.parse("2019"),
        derived=(Derivation(member="as_of", how=DerivationKind.INFERRED_YEAR),),
    )
    assert without_derived(rating) is None
    assert () == without_derived(Collection(ratings=(rating,))).ratings


def test_a_mark_must_name_a_value_the_record_holds() -> None:
    document = civicspace.dump(arrest_case(INFERRED_ARREST))
    document["derived"][0]["member"] = "events[3].date"
    assert [("$.derived[0].member", "derived.unknown_member")] == paths_and_codes(document)
    document["derived"][0]["member"] = "summary"  # a member the case leaves out
    assert [("$.derived[0].member", "derived.unknown_member")] == paths_and_codes(document)


@pytest.mark.parametrize(
    "member", ["", "Events[0]", "events[01].date", "events.[0]", "a.b.c.d.e.f.g"]
)
def test_a_member_path_is_checked_by_the_model_and_the_schema(member: str) -> None:
    with pytest.raises(FieldValueError):
        Derivation(member=member, how=DerivationKind.OTHER)
    document = civicspace.dump(arrest_case(INFERRED_ARREST))
    document["derived"][0]["member"] = member
    assert any(code.startswith("schema.") for _, code in paths_and_codes(document))


def test_the_derived_argument_defaults_to_counting_every_value() -> None:
    # "Thun Ratha was handed 20 months" against "They were sentenced to 18 months": the
    # second account has no date, and is grouped with the first only by an inferred one.
    cambodia = datasets.load("cambodia")
    assert summarise(cambodia) == summarise(cambodia, derived=True)
    assert conflicts(cambodia) == conflicts(cambodia, derived=True)
    assert 1 == len(conflicts(cambodia))
    assert () == conflicts(cambodia, derived=False)
    assert 0 == summarise(cambodia, derived=False).conflicts


@settings(max_examples=25)
@given(cs.collections())
def test_without_derived_leaves_no_marks_and_is_idempotent(collection: Collection) -> None:
    pruned = without_derived(collection)
    assert () == derived_values(pruned)
    assert pruned == without_derived(pruned)
    assert summarise(pruned) == summarise(collection, derived=False)
    assert conflicts(pruned) == conflicts(collection, derived=False)


@settings(max_examples=25)
@given(st.one_of(cs.cases(), cs.country_ratings(), cs.laws(), cs.statements(), cs.sessions()))
def test_a_record_without_marks_is_its_own_pruning(record: object) -> None:
    bare = attrs.evolve(record, derived=())
    assert bare == without_derived(bare)
    assert [] == [
        issue for issue in civicspace.validate(civicspace.dump(record)) if "derived" in issue.code
    ]
