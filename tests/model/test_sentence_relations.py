"""How sentences relate to each other, fines without an amount, and releases known to a window.

The laws: a sentence another includes never adds to totals; a term that
follows another is released that one's release plus its own term; a
release window holds every release from a day of a partial date, and is
one day for a day; status over time is uncertain inside the window and
released after it.  The rules refuse ids used twice, references to no
sentence, to another person's, to oneself and cycles.  Real lines are in
``tests/test_world_examples.py``.
"""

from __future__ import annotations

import datetime
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import civicspace
from civicspace import strategies
from civicspace._model.cases import Case, CasePerson
from civicspace._model.common import PartialDate
from civicspace._model.events import CustodyStatus, Event
from civicspace._model.sentences import (
    AdditionalPenaltyKind,
    NonCustodialKind,
    NonCustodialPenalty,
    Sentence,
    account_totals,
    sentence_release_date,
    sentence_release_window,
)
from civicspace._model.standing import (
    sentences_after_changes,
    standing_on,
    status_history,
    term_release_on,
)
from civicspace._model.terms import Term, add_term
from civicspace._readers.penalties import parse_penalty
from civicspace.errors import FieldValueError, SentenceError

D = datetime.date
DAY = datetime.timedelta(days=1)


def day_of(value: datetime.date) -> PartialDate:
    return PartialDate.from_date(value)


finite_terms = strategies.terms().filter(lambda term: term != Term())
starts = st.dates(min_value=D(1990, 1, 1), max_value=D(2040, 12, 31))


# -- Laws ----------------------------------------------------------------------------------------


@given(st.lists(strategies.sentences(), min_size=1, max_size=4), st.data())
def test_an_included_sentence_never_adds_to_totals(drawn: list[Sentence], data: Any) -> None:
    sentences = [
        attrs.evolve(sentence, id=f"s{index}", person="p", includes=(), follows=None)
        for index, sentence in enumerate(drawn)
    ]
    chosen = data.draw(st.sets(st.sampled_from(range(len(sentences))), min_size=1))
    combined = Sentence(
        person="p",
        term=data.draw(finite_terms),
        includes=tuple(f"s{index}" for index in sorted(chosen)),
    )
    kept = [sentence for index, sentence in enumerate(sentences) if index not in chosen]
    assert account_totals([*kept, combined]) == account_totals([*sentences, combined])


@given(st.lists(strategies.day_free_terms(), min_size=1, max_size=4), strategies.day_free_terms())
def test_concurrent_terms_add_only_the_longest(terms: list[Term], other: Term) -> None:
    # "the sentences are to run concurrently": the longest counts, once.
    first, *rest = terms
    group = [Sentence(id="s0", person="p", term=first)] + [
        Sentence(id=f"s{index}", person="p", term=term, concurrent_with="s0")
        for index, term in enumerate(rest, start=1)
    ]
    alone = Sentence(person="p", term=other)
    totals = account_totals([*group, alone])
    assert civicspace.sentences.served_concurrently(terms) + other == totals.term_minimum
    assert (len(terms) + 1, len(terms) + 1) == (totals.sentences, totals.with_term)


def test_a_term_concurrent_with_life_adds_nothing() -> None:
    sentences = [
        Sentence(id="life", person="p", term=civicspace.sentences.LIFE),
        Sentence(person="p", term=Term(years=7), concurrent_with="life"),
    ]
    totals = account_totals(sentences)
    assert (1, Term()) == (totals.life, totals.term_minimum)


@given(starts, finite_terms, finite_terms, st.integers(0, 400))
def test_a_consecutive_term_is_released_after_the_one_it_follows(
    start: datetime.date, first: Term, second: Term, later: int
) -> None:
    before = Sentence(id="a", person="p", term=first, imposed_on=day_of(start))
    imposed = min(start + datetime.timedelta(days=later), sentence_release_date(before))
    after = Sentence(id="b", person="p", term=second, follows="a", imposed_on=day_of(imposed))
    assert add_term(sentence_release_date(before), second) == sentence_release_date(
        after, among=[before, after]
    )


@given(starts, finite_terms, finite_terms)
def test_a_term_that_follows_one_already_served_runs_from_its_own_date(
    start: datetime.date, first: Term, second: Term
) -> None:
    before = Sentence(id="a", person="p", term=first, imposed_on=day_of(start))
    imposed = sentence_release_date(before) + DAY
    after = Sentence(id="b", person="p", term=second, follows="a", imposed_on=day_of(imposed))
    assert add_term(imposed, second) == sentence_release_date(after, among=[before])


@given(st.sampled_from(["2022", "2022-03", "2022-02"]), finite_terms, st.data())
def test_a_release_window_holds_every_release_from_a_day_of_the_date(
    text: str, term: Term, data: Any
) -> None:
    date = PartialDate.parse(text)
    sentence = Sentence(person="p", term=term, imposed_on=date)
    first, last = sentence_release_window(sentence)
    on = data.draw(st.dates(min_value=date.earliest, max_value=date.latest))
    assert first <= sentence_release_date(sentence, on) <= last
    assert (first, last) == (
        sentence_release_date(sentence, date.earliest),
        sentence_release_date(sentence, date.latest),
    )


@given(starts, finite_terms)
def test_a_release_window_of_a_day_is_the_release_date(start: datetime.date, term: Term) -> None:
    sentence = Sentence(person="p", term=term, imposed_on=day_of(start))
    release = sentence_release_date(sentence)
    assert (release, release) == sentence_release_window(sentence)


def _held_then_sentenced(term: Term, verdict: str) -> Case:
    return Case(
        id="c",
        country="RUS",
        title="Held, then sentenced in a month known only",
        people=(CasePerson(id="p", name="P"),),
        events=(
            Event(kind="arrest", date=PartialDate.parse("2022-02-20"), people=("p",)),
            Event(kind="sentence", date=PartialDate.parse(verdict), people=("p",)),
        ),
        sentences=(Sentence(person="p", term=term, imposed_on=PartialDate.parse(verdict)),),
    )


@given(st.integers(1, 200), st.data())
def test_status_is_uncertain_inside_the_window_and_released_after_it(days: int, data: Any) -> None:
    case = _held_then_sentenced(Term(days=days), "2022-03")
    first, last = D(2022, 3, 1) + days * DAY, D(2022, 3, 31) + days * DAY
    (step,) = [s for s in status_history(case, "p") if s.assumed_on is not None]
    assert (first, last) == (step.assumed_on, step.assumed_until)
    inside = data.draw(st.dates(min_value=first, max_value=last - DAY))
    standing = standing_on(case, "p", inside)
    assert (CustodyStatus.DETAINED, False, (1,)) == (
        standing.custody,
        standing.certain,
        standing.undecided,
    )
    after = standing_on(case, "p", data.draw(st.dates(min_value=last, max_value=D(2030, 1, 1))))
    assert (CustodyStatus.RELEASED, True, True) == (after.custody, after.certain, after.assumed)
    before = standing_on(case, "p", first - DAY)
    # Before the window, held; certainly so once the month of the verdict is over.
    assert (CustodyStatus.DETAINED, first - DAY >= D(2022, 3, 31) or None) == (
        before.custody,
        before.certain or None,
    )


def test_fifteen_days_in_march_2022() -> None:
    # "sentenced in March 2022 to 15 days": out 16 March at the earliest, 15 April at the latest
    case = _held_then_sentenced(Term(days=15), "2022-03")
    assert False is standing_on(case, "p", D(2022, 4, 1)).certain
    assert CustodyStatus.RELEASED == standing_on(case, "p", D(2022, 4, 15)).custody
    assert None is term_release_on(case, "p")


def test_consecutive_terms_in_status_over_time() -> None:
    # "a further three years, to be served after the current term"
    case = Case(
        id="c",
        country="BLR",
        title="A further term, to be served after the current one",
        people=(CasePerson(id="p", name="P"),),
        events=(
            Event(kind="arrest", date=PartialDate.parse("2020-01-10"), people=("p",)),
            Event(kind="sentence", date=PartialDate.parse("2021-01-10"), people=("p",)),
            Event(kind="sentence", date=PartialDate.parse("2022-01-10"), people=("p",)),
        ),
        sentences=(
            Sentence(
                id="first",
                person="p",
                term=Term(years=2),
                imposed_on=PartialDate.parse("2021-01-10"),
            ),
            Sentence(
                person="p",
                term=Term(years=3),
                follows="first",
                imposed_on=PartialDate.parse("2022-01-10"),
            ),
        ),
    )
    assert D(2026, 1, 10) == term_release_on(case, "p")
    assert CustodyStatus.DETAINED == standing_on(case, "p", D(2025, 6, 1)).custody
    assert CustodyStatus.RELEASED == standing_on(case, "p", D(2026, 1, 10)).custody


def test_a_term_that_follows_a_quashed_one_runs_from_its_own_date() -> None:
    quashed = Sentence(
        id="a",
        person="p",
        term=Term(years=2),
        imposed_on=PartialDate.parse("2021-01-10"),
        appeal_outcome=civicspace.sentences.AppealOutcome.QUASHED,
    )
    after = Sentence(
        person="p", term=Term(years=1), follows="a", imposed_on=PartialDate.parse("2022-01-10")
    )
    case = Case(
        id="c",
        country="BLR",
        title="t",
        people=(CasePerson(id="p", name="P"),),
        sentences=(quashed, after),
    )
    (standing,) = sentences_after_changes(case, "p")
    assert (None, D(2023, 1, 10)) == (standing.follows, term_release_on(case, "p"))


def test_a_follower_without_the_sentence_it_follows_is_refused() -> None:
    after = Sentence(
        person="p", term=Term(years=1), follows="a", imposed_on=PartialDate.parse("2022-01-10")
    )
    with pytest.raises(SentenceError, match="not among the sentences given"):
        sentence_release_date(after)
    assert D(2023, 1, 10) == sentence_release_date(after, D(2022, 1, 10))


def test_sentences_that_follow_one_another_in_a_cycle_are_refused() -> None:
    a = Sentence(id="a", person="p", term=Term(years=1), follows="b")
    b = Sentence(id="b", person="p", term=Term(years=1), follows="a")
    with pytest.raises(SentenceError, match="cycle"):
        sentence_release_window(a, among=[a, b])


def test_unstated_fines_count_apart_from_stated_ones() -> None:
    fine = NonCustodialPenalty(kind=NonCustodialKind.FINE)
    sentences = [
        Sentence(person="p", term=Term(years=3), non_custodial=(fine,)),
        Sentence(person="q", non_custodial=(fine, fine)),
    ]
    assert 3 == account_totals(sentences).unstated_fines


# -- Rules ---------------------------------------------------------------------------------------


def _document(sentences: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "type": "case",
        "id": "c",
        "country": "RUS",
        "title": "t",
        "people": [{"id": "p", "name": "P"}, {"id": "q", "name": "Q"}],
        "sentences": sentences,
    }


def _codes(sentences: list[dict[str, Any]]) -> list[tuple[str, str]]:
    return [(issue.path, issue.code) for issue in civicspace.validate(_document(sentences))]


A = {"id": "a", "person": "p", "term": "P2Y", "imposed_on": "2020"}


@pytest.mark.parametrize(
    ("sentences", "expected"),
    [
        ([A, {**A, "term": "P3Y"}], [("$.sentences[1].id", "case.sentence_duplicate_id")]),
        (
            [A, {"person": "p", "term": "P3Y", "includes": ["b"]}],
            [("$.sentences[1].includes[0]", "case.sentence_unknown_reference")],
        ),
        (
            [A, {"person": "p", "term": "P3Y", "follows": "b"}],
            [("$.sentences[1].follows", "case.sentence_unknown_reference")],
        ),
        (
            [A, {"person": "q", "term": "P3Y", "includes": ["a"]}],
            [("$.sentences[1].includes[0]", "case.sentence_relation_invalid")],
        ),
        (
            [{**A, "follows": "a"}],
            [
                ("$.sentences[0].follows", "case.sentence_relation_invalid"),
                ("$.sentences[0].follows", "case.sentence_relation_invalid"),
            ],
        ),
        (
            [
                A,
                {"id": "b", "person": "p", "term": "P9Y", "includes": ["a"]},
                {"person": "p", "term": "P1Y", "follows": "a"},
            ],
            [("$.sentences[2].follows", "case.sentence_relation_invalid")],
        ),
        (
            [{**A, "follows": "b"}, {"id": "b", "person": "p", "term": "P1Y", "follows": "a"}],
            [
                ("$.sentences[0].follows", "case.sentence_relation_invalid"),
                ("$.sentences[1].follows", "case.sentence_relation_invalid"),
            ],
        ),
        (
            [
                {**A, "includes": ["b"]},
                {"id": "b", "person": "p", "term": "P1Y", "includes": ["a"]},
            ],
            [
                ("$.sentences[0].includes[0]", "case.sentence_relation_invalid"),
                ("$.sentences[1].includes[0]", "case.sentence_relation_invalid"),
            ],
        ),
        (
            [
                A,
                {"id": "b", "person": "p", "term": "P1Y"},
                {"person": "p", "term": "P3Y", "follows": "a", "concurrent_with": "b"},
            ],
            [("$.sentences[2].concurrent_with", "case.sentence_relation_invalid")],
        ),
        (
            [A, {"person": "p", "term": "P3Y", "concurrent_with": "c"}],
            [("$.sentences[1].concurrent_with", "case.sentence_unknown_reference")],
        ),
        (
            [A, {"person": "p", "term": "P3Y", "concurrent_with": "a"}],
            [],
        ),
        (
            [A, {"person": "p", "term": "P3Y", "imposed_on": "2019", "concurrent_with": "a"}],
            [],
        ),
        (
            [A, {"person": "p", "term": "P3Y", "imposed_on": "2019-05", "includes": ["a"]}],
            [("$.sentences[1].includes[0]", "case.sentence_relation_invalid")],
        ),
        (
            [A, {"person": "p", "term": "P3Y", "imposed_on": "2020-05", "includes": ["a"]}],
            [],
        ),
        (
            [
                {
                    **A,
                    "fine": {"amount": {"amount": "1200000", "currency": "RUB"}},
                    "non_custodial": [{"kind": "fine"}],
                }
            ],
            [("$.sentences[0].non_custodial[0]", "sentence.fine_given_twice")],
        ),
        (
            [
                A,
                {"id": "b", "person": "p", "term": "P9Y", "includes": ["a"]},
                {"person": "p", "term": "P1Y", "follows": "b"},
            ],
            [],
        ),
        (
            [
                {**A, "includes": ["c"]},
                {"id": "b", "person": "p", "term": "P9Y", "includes": ["a"]},
                {"id": "c", "person": "p", "term": "P4Y", "includes": ["b"]},
            ],
            [
                ("$.sentences[0].includes[0]", "case.sentence_relation_invalid"),
                ("$.sentences[1].includes[0]", "case.sentence_relation_invalid"),
                ("$.sentences[2].includes[0]", "case.sentence_relation_invalid"),
            ],
        ),
    ],
)
def test_relations_near_misses(
    sentences: list[dict[str, Any]], expected: list[tuple[str, str]]
) -> None:
    assert expected == _codes(sentences)


def test_follows_needs_a_term() -> None:
    assert [("$.sentences[1]", "schema.dependent_required")] == _codes(
        [A, {"person": "p", "lashes": 3, "follows": "a"}]
    )
    with pytest.raises(FieldValueError, match="follows needs the custodial term"):
        Sentence(person="p", lashes=3, follows="a")


@settings(max_examples=150, deadline=None)
@given(strategies.records("case"))
def test_drawn_cases_pass_the_sentence_rules(case: Case) -> None:
    codes = {issue.code for issue in civicspace.validate(civicspace.dump(case))}
    assert set() == {code for code in codes if "sentence" in code}


# -- Reading ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("three years and a fine", [("fine", None)]),
        ("five years followed by two years of probation", [("probation", "P2Y")]),
        (
            "five years and one year of restricted freedom after release",
            [("restricted_freedom", "P1Y")],
        ),
        (
            "9 years in a strict-regime colony and one and a half years of restriction of freedom",
            [("restricted_freedom", "P1Y6M")],
        ),
    ],
)
def test_penalties_beside_a_term_are_read(text: str, kinds: list[tuple[str, str | None]]) -> None:
    read = parse_penalty(text)
    found = [(p.kind.value, None if p.term is None else str(p.term)) for p in read.non_custodial]
    found += [
        (p.kind.value, None if p.term is None else str(p.term)) for p in read.additional_penalties
    ]
    assert kinds == found


def test_restricted_freedom_alone_is_the_main_penalty() -> None:
    read = parse_penalty("two years of restricted freedom")
    assert ([NonCustodialKind.RESTRICTED_FREEDOM], ()) == (
        [p.kind for p in read.non_custodial],
        read.additional_penalties,
    )


def test_a_total_is_read_and_given_its_includes() -> None:
    read = parse_penalty("sentenced to 19 years in total")
    assert (Term(years=19), True) == (read.term, read.combined)
    sentence = read.sentence("p", id="total", includes=("earlier",))
    assert ("earlier",) == sentence.includes
    assert AdditionalPenaltyKind.PROBATION.value == "probation"


@given(strategies.records("case"))
def test_a_release_window_of_a_drawn_case_is_never_empty(case: Case) -> None:
    windows = [
        (step.assumed_on, step.assumed_until)
        for person in case.people
        for step in status_history(case, person.id)
        if step.assumed_until is not None
    ]
    assert [] == [(on, until) for on, until in windows if on is None or not on < until]


def test_ids_refer_within_their_own_case_in_ruling_totals() -> None:
    # Two cases use the id "first" for the same person id; only the first case includes it.
    def case(case_id: str, *sentences: Sentence) -> Case:
        return Case(
            id=case_id,
            country="RUS",
            title="t",
            people=(CasePerson(id="p", name="P"),),
            sentences=sentences,
        )

    first = Sentence(
        id="first", person="p", term=Term(years=2), imposed_on=PartialDate.parse("2020")
    )
    combined = Sentence(
        person="p", term=Term(years=5), includes=("first",), imposed_on=PartialDate.parse("2021")
    )
    totals = civicspace.analysis.ruling_totals([case("a", first, combined), case("b", first)])
    assert (2, Term(years=7)) == (totals.sentences, totals.term_minimum)
