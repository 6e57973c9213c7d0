"""Conflicting accounts, implied exchange rates and collection summaries.

Phrases quoted in comments come from
/work/shared/sources/civicus-cambodia-articles.txt.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import attrs
from hypothesis import given
from hypothesis import strategies as st

import civicspace
from civicspace import strategies as cs
from civicspace.analysis import (
    ConflictingAccounts,
    ImpliedRate,
    conflicts,
    implied_exchange_rates,
    summarise,
)
from civicspace.cases import PersonStatus
from civicspace.collection import Collection
from civicspace.common import PartialDate, Source
from civicspace.sentences import Money, ReportedAmount, Sentence, Term, TermRange

from .._edit import paths_and_codes

MAY_2021 = PartialDate.parse("2021-05")
# Two articles on one ruling (2021): one gives the range, the other the lower end.
RANGE_SOURCE = Source(
    title="Cambodia: Conviction of environmental defenders another blow to civil society",
    publisher="CIVICUS",
    quote="sentenced to 18 to 20 months in prison",
)
LOWER_SOURCE = Source(title="Another article", publisher="CIVICUS", quote="18 months")


def _sentence(person: str, term: Term | TermRange, source: Source, **more: Any) -> Sentence:
    return Sentence(person=person, term=term, imposed_on=MAY_2021, sources=(source,), **more)


def _case(*sentences: Sentence, case_id: str = "mother-nature-2021") -> civicspace.Case:
    people = dict.fromkeys(sentence.person for sentence in sentences)
    return civicspace.Case(
        id=case_id,
        country="KHM",
        title="Mother Nature activists convicted",
        people=tuple(civicspace.CasePerson(id=person, name=person.title()) for person in people),
        sentences=sentences,
    )


def _khr_usd(khr: int, usd: int) -> ReportedAmount:
    return ReportedAmount(amount=Money(khr, "KHR"), equivalent=Money(usd, "USD"))


# -- Conflicts ------------------------------------------------------------------------------------


def test_two_accounts_of_one_sentence_that_disagree_are_a_conflict() -> None:
    # "18 to 20 months" in one article, "18 months" in another.
    ranged = _sentence("long-kunthea", TermRange.parse("P18M/P20M"), RANGE_SOURCE)
    lower = _sentence("long-kunthea", Term(months=18), LOWER_SOURCE)
    case = _case(ranged, lower)
    expected = (
        ConflictingAccounts(
            case="mother-nature-2021",
            person="long-kunthea",
            imposed_on=MAY_2021,
            paths=("$.sentences[0]", "$.sentences[1]"),
            accounts=(ranged, lower),
        ),
    )
    assert expected == conflicts(case)
    collection = Collection(cases=(case,))
    assert ("$.cases[0].sentences[0]", "$.cases[0].sentences[1]") == conflicts(collection)[0].paths


def test_accounts_that_agree_but_for_their_sources_corroborate() -> None:
    one = _sentence("long-kunthea", Term(months=18), RANGE_SOURCE)
    other = _sentence("long-kunthea", Term(months=18), LOWER_SOURCE)
    assert () == conflicts(_case(one, other))


def test_sentences_of_different_rulings_or_people_are_not_accounts_of_one() -> None:
    first = _sentence("long-kunthea", Term(months=18), RANGE_SOURCE)
    later = attrs.evolve(first, term=Term(years=2), imposed_on=PartialDate.parse("2022"))
    other_person = attrs.evolve(first, person="thun-ratha", term=Term(months=20))
    assert () == conflicts(_case(first, later, other_person))


@given(cs.sentences(), cs.sentences())
def test_a_conflict_is_exactly_two_differing_accounts_of_one_ruling(
    first: Sentence, second: Sentence
) -> None:
    second = attrs.evolve(second, person=first.person, imposed_on=first.imposed_on)
    differ = attrs.evolve(first, sources=()) != attrs.evolve(second, sources=())
    expected = ((first, second),) if differ else ()
    assert expected == tuple(found.accounts for found in conflicts(_case(first, second)))


# -- Implied exchange rates ---------------------------------------------------------------------


def test_the_riel_equivalents_of_the_texts_imply_rates_near_4000() -> None:
    # "4 million riel (USD 1,000)", "70 million riels ($17,200)",
    # "5,000,000 riels (about $1,250 USD)"
    amounts = (
        _khr_usd(4_000_000, 1_000),
        _khr_usd(70_000_000, 17_200),
        attrs.evolve(_khr_usd(5_000_000, 1_250), approximate=True),
    )
    sentences = tuple(
        Sentence(person=f"person-{index}", fine=amount) for index, amount in enumerate(amounts)
    )
    rates = implied_exchange_rates(Collection(cases=(_case(*sentences),)))
    expected = (
        ImpliedRate(
            path="$.cases[0].sentences[0].fine",
            currency="KHR",
            per="USD",
            rate=Decimal(4000),
            approximate=None,
            outlier=False,
        ),
        ImpliedRate(
            path="$.cases[0].sentences[1].fine",
            currency="KHR",
            per="USD",
            rate=_khr_usd(70_000_000, 17_200).implied_rate,
            approximate=None,
            outlier=False,
        ),
        ImpliedRate(
            path="$.cases[0].sentences[2].fine",
            currency="KHR",
            per="USD",
            rate=Decimal(4000),
            approximate=True,
            outlier=False,
        ),
    )
    assert expected == rates


def _document_with_fines(usd: list[int]) -> dict[str, Any]:
    sentences = [
        {
            "person": f"person-{index}",
            "fine": {
                "amount": {"amount": str(4000 * 1000 * (index + 1)), "currency": "KHR"},
                "equivalent": {"amount": str(amount), "currency": "USD"},
            },
        }
        for index, amount in enumerate(usd)
    ]
    people = [{"id": f"person-{index}", "name": f"Person {index}"} for index in range(len(usd))]
    case = {"type": "case", "id": "fines", "country": "KHM", "title": "Fines", "people": people}
    return {"type": "collection", "cases": [{**case, "sentences": sentences}]}


def test_a_slipped_zero_in_an_equivalent_is_reported_where_it_stands() -> None:
    # The third fine is 12,000,000 riels "(USD 30,000)": a slipped zero, 400 riels a dollar.
    document = _document_with_fines([1_000, 2_000, 30_000])
    expected = [("$.cases[0].sentences[2].fine", "collection.exchange_rate_outlier")]
    assert expected == paths_and_codes(document)
    assert [] == paths_and_codes(_document_with_fines([1_000, 2_000, 3_000]))


def test_two_rates_cannot_tell_which_one_is_off() -> None:
    assert [] == paths_and_codes(_document_with_fines([1_000, 20_000]))


@given(
    st.lists(st.integers(3_900, 4_100), min_size=3, max_size=8),
    st.integers(0, 7),
    st.sampled_from([10, 100, Decimal("0.1")]),
)
def test_one_rate_off_by_a_factor_of_ten_or_more_is_the_outlier(
    rates: list[int], which: int, factor: Decimal | int
) -> None:
    which %= len(rates)
    amounts = [
        _khr_usd(rate * 1000 * (factor if index == which else 1), 1000)
        for index, rate in enumerate(rates)
    ]
    sentences = tuple(
        Sentence(person=f"p{index}", fine=amount) for index, amount in enumerate(amounts)
    )
    found = implied_exchange_rates(_case(*sentences))
    assert [index == which for index in range(len(rates))] == [rate.outlier for rate in found]


@given(st.lists(cs.reported_amounts(), min_size=1, max_size=6))
def test_every_equivalent_gives_one_rate_in_order(amounts: list[ReportedAmount]) -> None:
    sentences = tuple(
        Sentence(person=f"p{index}", fine=amount) for index, amount in enumerate(amounts)
    )
    expected = [
        (f"$.sentences[{index}].fine", amount.implied_rate)
        for index, amount in enumerate(amounts)
        if amount.equivalent is not None
    ]
    assert expected == [
        (rate.path, rate.rate) for rate in implied_exchange_rates(_case(*sentences))
    ]


# -- Summaries ------------------------------------------------------------------------------------


def test_a_summary_counts_a_conflicting_ruling_once_as_a_range() -> None:
    ranged = _sentence(
        "long-kunthea",
        TermRange.parse("P18M/P20M"),
        RANGE_SOURCE,
        fine=_khr_usd(4_000_000, 1_000),
    )
    lower = _sentence("long-kunthea", Term(months=18), LOWER_SOURCE)
    other = _sentence("thun-ratha", Term(years=2), RANGE_SOURCE, fine=_khr_usd(4_000_000, 1_000))
    summary = summarise(Collection(cases=(_case(ranged, lower, other),)))
    assert 2 == summary.rulings
    assert (18 + 24, 20 + 24) == summary.sentence_months
    assert {"KHR": (Money(8_000_000, "KHR"), Money(8_000_000, "KHR"))} == summary.fines
    assert 1 == summary.conflicts
    assert {"cases": 1} == summary.records
    assert {PersonStatus.UNKNOWN: 2} == summary.people_by_status
    expected_text = "\n".join(
        [
            "records: 1 cases",
            "people by status: unknown 2",
            "sentences: 2 rulings, 42 to 44 months of prison in total; "
            "1 reported in conflicting accounts",
            "fines and compensation: 8,000,000 KHR",
            "statements: 0, with 0 signatures by 0 organisations",
            "laws cited most: none",
        ]
    )
    assert expected_text == summary.to_text()


@given(cs.collections())
def test_a_summary_agrees_with_the_collection(collection: Collection) -> None:
    summary = summarise(collection)
    low, high = summary.sentence_months
    assert low <= high
    rulings = {
        (case_index, sentence.person, sentence.imposed_on)
        for case_index, case in enumerate(collection.cases)
        for sentence in case.sentences
    }
    assert len(rulings) == summary.rulings
    assert summary.rulings >= summary.life_sentences + summary.terms_not_counted
    assert len(collection.statements) == summary.statements
    assert sum(len(s.signatories) for s in collection.statements) == summary.signatures
    assert sum(count for _, count in summary.laws_cited) >= len(summary.laws_cited)
    assert len(conflicts(collection)) == summary.conflicts
