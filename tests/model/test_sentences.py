"""Sentences and statutory penalties: the model, its JSON form and the arithmetic on it.

Phrases quoted in comments come from
/work/shared/sources/civicus-cambodia-articles.txt.  Sentences are embedded in
case records, so their JSON is tested here through the steps `validate` runs:
the schema (`sentence.json`), structuring (for model-only rules, with paths)
and the cross-field checks.
"""

# The project asserts `expected == actual`, which ruff calls a Yoda condition.

from __future__ import annotations

import datetime
import importlib
import json
from decimal import Decimal
from typing import Any

import attrs
import pycountry
import pytest
from hypothesis import given
from hypothesis import strategies as st

import civicspace
from civicspace import strategies
from civicspace._pipeline.convert import converter
from civicspace._pipeline.schemas import reference_validator
from civicspace._pipeline.structure import structure_record
from civicspace._pipeline.validation import schema_issues
from civicspace._rules.engine import check_record
from civicspace.cases import CustodyKind, CustodyPeriod
from civicspace.common import PartialDate
from civicspace.errors import IncomparableTermsError, SentenceError
from civicspace.sentences import (
    LIFE,
    REMAINDER,
    AggravatedPenalty,
    AppealOutcome,
    Money,
    ReportedAmount,
    Sentence,
    StatutoryPenalty,
    Term,
    TermRange,
    account_totals,
    add_term,
    compare_with_penalty,
    sentence_release_date,
    served_concurrently,
    served_consecutively,
    time_to_serve,
)

D = datetime.date


def khr(amount: int | str) -> Money:
    return Money(amount, "KHR")


def usd(amount: int | str) -> Money:
    return Money(amount, "USD")


def load_sentence(document: dict[str, Any]) -> Sentence:
    """What `validate` would do for an embedded sentence: schema, structure, checks."""
    assert [] == schema_issues("sentence", document)
    sentence, issues = structure_record(Sentence, document)
    assert [] == issues
    assert [] == check_record(sentence)
    assert document == converter.unstructure(sentence)
    return sentence


def paths_and_codes(document: dict[str, Any]) -> list[tuple[str, str]]:
    """Every issue the steps find, as (path, code), stopping at the first step that finds any."""
    issues = schema_issues("sentence", document)
    if not issues:
        sentence, issues = structure_record(Sentence, document)
        if not issues:
            issues = check_record(sentence)
    return [(issue.path, issue.code) for issue in issues]


# -- examples from the source texts ---------------------------------------------------------------

# "Thun Ratha was handed 20 months in jail and a fine of 4 million riel (USD 1,000).
# Alejandro Gonzalez-Davidson ... was tried in absentia and given the same sentence.
# Keoreaksmey, Kunthea and Chea Kunthin, a youth activist also tried in absentia, were given
# 18 months and the same four million riel fine."
FINE = {
    "amount": {"amount": "4000000", "currency": "KHR"},
    "equivalent": {"amount": "1000", "currency": "USD"},
}
MOTHER_NATURE = [
    {"person": "thun-ratha", "term": "P20M", "fine": FINE},
    {"person": "alejandro-gonzalez-davidson", "term": "P20M", "fine": FINE, "in_absentia": True},
    {"person": "phuon-keoreaksmey", "term": "P18M", "fine": FINE},
    {"person": "long-kunthea", "term": "P18M", "fine": FINE},
    {"person": "chea-kunthin", "term": "P18M", "fine": FINE, "in_absentia": True},
]


def test_twenty_months_and_a_fine_of_4_million_riel() -> None:
    sentence = load_sentence(MOTHER_NATURE[0])
    assert Term(months=20) == sentence.term
    assert "P20M" == str(sentence.term)
    expected_fine = ReportedAmount(amount=khr(4_000_000), equivalent=usd(1000))
    assert expected_fine == sentence.fine
    assert Decimal(4000) == sentence.fine.implied_rate


def test_mother_nature_sentences_add_up() -> None:
    # "were today sentenced by the Phnom Penh Municipal Court to jail for 18 to 20 months"
    totals = account_totals(load_sentence(document) for document in MOTHER_NATURE)
    assert 5 == totals.sentences
    assert 5 == totals.with_term
    assert 0 == totals.life
    assert 94 == totals.minimum_months
    assert 94 == totals.maximum_months
    assert (khr(20_000_000),) == totals.fines
    assert () == totals.compensation


def test_sentenced_to_18_to_20_months() -> None:
    # "three environmental defenders were sentenced to 18 to 20 months in prison"
    document = {"person": "thun-ratha", "term": {"minimum": "P18M", "maximum": "P20M"}}
    sentence = load_sentence(document)
    assert TermRange(minimum=Term(months=18), maximum=Term(months=20)) == sentence.term
    totals = account_totals([sentence])
    assert (18, 20) == (totals.minimum_months, totals.maximum_months)
    with pytest.raises(SentenceError, match="range"):
        sentence_release_date(sentence, D(2021, 5, 5))


def test_kong_raiya_remainder_suspended_for_time_served() -> None:
    # "the authorities arrested youth activist Kong Raiya ... In July 2019, a day prior to the
    # third anniversary of Kem Ley's death" (Kem Ley was killed "On July 10, 2016"); "remained
    # in pre-trial detention ... for nearly five months until the authorities released him on
    # bail on November 28, 2019. On June 19, 2020, the Phnom Penh Municipal Court convicted Kong
    # Raiya in absentia ... and sentenced him to two years in prison, with the remainder of his
    # sentence suspended due to time served in pre-trial detention."
    document = {
        "person": "kong-raiya",
        "term": "P2Y",
        "suspended": "remainder",
        "in_absentia": True,
        "imposed_on": "2020-06-19",
        "court": "Phnom Penh Municipal Court",
        "custody_credited": [
            {"start": "2019-07-09", "end": "2019-11-28", "kind": "pre_trial_detention"}
        ],
    }
    sentence = load_sentence(document)
    assert REMAINDER is sentence.suspended
    assert PartialDate(2020, 6, 19) == sentence.imposed_on
    assert 142 == civicspace.cases.days_in_custody(sentence.custody_credited)
    assert 0 == time_to_serve(sentence, D(2020, 6, 19))
    assert D(2020, 6, 19) == sentence_release_date(sentence, D(2020, 6, 19))
    # Without the suspension, the 142 days are credited against the two years.
    served = attrs.evolve(sentence, suspended=None)
    assert D(2022, 6, 19) - datetime.timedelta(days=142) == sentence_release_date(
        served, D(2020, 6, 19)
    )
    assert (D(2022, 6, 19) - D(2020, 6, 19)).days - 142 == time_to_serve(served, D(2020, 6, 19))


def test_life_imprisonment_upheld() -> None:
    # "the court found Oeuth Ang guilty of murder and sentenced him to life imprisonment. On
    # May 24, 2019, the Supreme Court upheld his sentence."
    document = {
        "person": "oeuth-ang",
        "term": "life",
        "imposed_on": "2017-03-23",
        "appeal_outcome": "upheld",
    }
    sentence = load_sentence(document)
    assert LIFE is sentence.term
    assert AppealOutcome.UPHELD is sentence.appeal_outcome
    with pytest.raises(SentenceError, match="life"):
        time_to_serve(sentence, D(2017, 3, 23))
    totals = account_totals([sentence, load_sentence(MOTHER_NATURE[0])])
    assert (1, 2, 20) == (totals.life, totals.with_term, totals.minimum_months)
    assert LIFE is served_consecutively([sentence, Term(months=20)])
    assert LIFE is served_concurrently([Term(months=20), sentence])


def test_compensation_of_70_million_riels() -> None:
    # "sentenced to two years imprisonment and ordered to pay 70 million riels ($17,200) in
    # compensation to plaintiffs ... His sentence was upheld in November 2019 by the Court of
    # Appeal"
    document = {
        "person": "rath-rott-mony",
        "term": "P2Y",
        "compensation": {
            "amount": {"amount": "70000000", "currency": "KHR"},
            "equivalent": {"amount": "17200", "currency": "USD"},
        },
        "appeal_outcome": "upheld",
    }
    sentence = load_sentence(document)
    assert khr(70_000_000) == sentence.compensation.amount
    totals = account_totals([sentence])
    assert ((), (khr(70_000_000),)) == (totals.fines, totals.compensation)
    assert 24 == totals.minimum_months


def test_nine_months_of_pre_trial_detention_as_credit() -> None:
    # "The pair were arrested on 14 November 2017 and held in pre-trial detention for nine
    # months. They were released on bail ... on 21 August 2018."  (They were not sentenced;
    # the two-year term here is made up to show the credit.)
    held = {"start": "2017-11-14", "end": "2018-08-21", "kind": "pre_trial_detention"}
    period = converter.structure(held, CustodyPeriod)
    assert CustodyPeriod(D(2017, 11, 14), D(2018, 8, 21), kind=CustodyKind.PRE_TRIAL) == period
    assert held == converter.unstructure(period)
    sentence = load_sentence({"person": "uon-chhin", "term": "P2Y", "custody_credited": [held]})
    start = D(2019, 1, 1)
    assert D(2021, 1, 1) - datetime.timedelta(days=280) == sentence_release_date(sentence, start)


# "prison sentences of up to five years – rising to ten years if deemed to 'impact national
# security' – and fines of up to 5,000,000 riels (about $1,250 USD)"
STATE_OF_EMERGENCY = {
    "maximum_term": "P5Y",
    "maximum_fine": {"amount": "5000000", "currency": "KHR"},
    "aggravated": [{"condition": "if deemed to impact national security", "maximum_term": "P10Y"}],
}


def load_penalty(document: dict[str, Any]) -> StatutoryPenalty:
    reference = "sentence.json#/$defs/statutory_penalty"
    assert [] == list(reference_validator(reference).iter_errors(document))
    penalty, issues = structure_record(StatutoryPenalty, document)
    assert [] == issues
    assert document == converter.unstructure(penalty)
    return penalty


def test_up_to_five_years_rising_to_ten() -> None:
    penalty = load_penalty(STATE_OF_EMERGENCY)
    variant = AggravatedPenalty(
        condition="if deemed to impact national security", maximum_term=Term(years=10)
    )
    expected = StatutoryPenalty(
        maximum_term=Term(years=5), maximum_fine=khr(5_000_000), aggravated=(variant,)
    )
    assert expected == penalty
    assert [] == check_record(penalty)
    # A variant states what changes; the fine stays as in the base penalty.
    heavier = StatutoryPenalty(maximum_term=Term(years=10), maximum_fine=khr(5_000_000))
    assert heavier == penalty.applying(variant)
    assert (attrs.evolve(penalty, aggravated=()), heavier) == penalty.levels()


@pytest.mark.parametrize(
    ("term", "fine", "within_base", "within_variant", "applies", "exceeds_all"),
    [
        ("P3Y", "4000000", True, True, "base", False),
        ("P5Y", None, True, True, "base", False),
        ("P8Y", "5000000", False, True, "variant", False),
        ("P12Y", None, False, False, None, True),
        ("life", None, False, False, None, True),
        ("P3Y", "6000000", False, False, None, True),  # the variant keeps the base's fine
        ({"minimum": "P4Y", "maximum": "P6Y"}, None, None, True, "variant", False),
        ("P60M1D", None, False, True, "variant", False),
    ],
)
def test_sentence_against_the_state_of_emergency_penalty(
    term: Any,
    fine: str | None,
    within_base: bool | None,
    within_variant: bool | None,
    applies: str | None,
    exceeds_all: bool | None,
) -> None:
    penalty = load_penalty(STATE_OF_EMERGENCY)
    document: dict[str, Any] = {"person": "someone", "term": term}
    if fine is not None:
        document["fine"] = {"amount": {"amount": fine, "currency": "KHR"}}
    comparison = compare_with_penalty(load_sentence(document), penalty)
    assert (within_base, (within_variant,)) == (comparison.within_base, comparison.within_variants)
    expected = {"base": penalty, "variant": penalty.aggravated[0], None: None}[applies]
    assert expected == comparison.applies
    assert exceeds_all == comparison.exceeds_all


def test_penalty_comparison_never_converts_or_guesses() -> None:
    penalty = StatutoryPenalty(maximum_term=Term(days=30), maximum_fine=khr(5_000_000))
    in_dollars = Sentence(person="a", fine=ReportedAmount(amount=usd(1000)))
    assert None is compare_with_penalty(in_dollars, penalty).within_base
    one_month = Sentence(person="a", term=Term(months=1))
    assert None is compare_with_penalty(one_month, penalty).within_base
    assert None is compare_with_penalty(one_month, penalty).exceeds_all
    # A penalty threatens only what it states.
    fine_only = StatutoryPenalty(maximum_fine=khr(5_000_000))
    assert False is compare_with_penalty(one_month, fine_only).within_base
    prison_only = StatutoryPenalty(maximum_term=Term(years=5))
    fined = Sentence(person="a", fine=ReportedAmount(amount=khr(1)))
    assert False is compare_with_penalty(fined, prison_only).within_base
    # Compensation is not a penalty.
    compensated = Sentence(person="a", compensation=ReportedAmount(amount=khr(70_000_000)))
    assert True is compare_with_penalty(compensated, prison_only).within_base


# -- near misses: each refused with its path -----------------------------------------------------


def fined(amount: Any, currency: Any = "KHR") -> dict[str, Any]:
    return {"fine": {"amount": {"amount": amount, "currency": currency}}}


def credited(**period: str) -> dict[str, Any]:
    return {"custody_credited": [period]}


AMOUNT, CURRENCY = "$.fine.amount.amount", "$.fine.amount.currency"
START, END = "$.custody_credited[0].start", "$.custody_credited[0].end"
SUSPENDED_TOO_LONG = "sentence.suspended_exceeds_term"


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"term": "P1.5M"}, [("$.term", "schema.pattern")]),
        ({"term": "life "}, [("$.term", "schema.pattern")]),
        ({"term": "P06M"}, [("$.term", "schema.pattern")]),
        ({"term": "P0Y6M"}, [("$.term", "schema.pattern")]),
        ({"term": "P2W"}, [("$.term", "schema.pattern")]),
        ({"term": "p18m"}, [("$.term", "schema.pattern")]),
        ({"term": "P18M\n"}, [("$.term", "value.invalid")]),
        ({"term": 18}, [("$.term", "schema.type")]),  # one bad value, one issue
        ({"term": {"minimum": "P20M", "maximum": "P18M"}}, [("$.term.maximum", "value.invalid")]),
        ({"term": {"minimum": "P1M", "maximum": "P30D"}}, [("$.term.maximum", "value.invalid")]),
        (fined("-5"), [(AMOUNT, "schema.pattern")]),
        (fined("1e3"), [(AMOUNT, "schema.pattern")]),
        (fined("4,000,000"), [(AMOUNT, "schema.pattern")]),
        (fined(4000000.0), [(AMOUNT, "schema.type")]),
        (fined("4000\n"), [(AMOUNT, "value.invalid")]),
        (fined("4000000", "XXY"), [(CURRENCY, "schema.enum")]),
        (fined("4000000", "khr"), [(CURRENCY, "schema.enum")]),
        (
            {"fine": {**FINE, "equivalent": FINE["amount"]}},
            [("$.fine.equivalent", "value.invalid")],
        ),
        ({"fine": {**FINE, "approximate": None}}, [("$.fine.approximate", "schema.type")]),
        ({"suspended": "P3Y"}, [("$.suspended", SUSPENDED_TOO_LONG)]),
        ({"suspended": "P24M1D"}, [("$.suspended", SUSPENDED_TOO_LONG)]),
        ({"suspended": "all"}, [("$.suspended", "schema.pattern")]),
        (credited(start="2020-02-01", end="2020-01-31"), [(END, "value.invalid")]),
        (credited(start="2020-02-30"), [(START, "schema.format")]),
        (
            credited(start="2020-2-01"),
            [(START, "schema.pattern")],  # one bad value, one issue
        ),
        ({"custody_credited": []}, [("$.custody_credited", "schema.min_items")]),
        ({"appeal_outcome": "overturned"}, [("$.appeal_outcome", "schema.enum")]),
        ({"person": "Kong Raiya"}, [("$.person", "schema.pattern")]),
        ({"in_absentia": "yes"}, [("$.in_absentia", "schema.type")]),
        ({"sentence": "P2Y"}, [("$.sentence", "schema.additional_properties")]),
    ],
)
def test_near_misses_are_refused_with_their_path(
    change: dict[str, Any], expected: list[tuple[str, str]]
) -> None:
    document = {"person": "kong-raiya", "term": "P2Y", **change}
    assert expected == paths_and_codes(document)


def test_a_sentence_states_something() -> None:
    assert [("$", "schema.any_of")] == paths_and_codes({"person": "kong-raiya"})
    assert [("$", "schema.any_of"), ("$", "schema.dependent_required")] == paths_and_codes(
        {"person": "kong-raiya", "suspended": "remainder"}
    )
    with pytest.raises(civicspace.FieldValueError) as nothing:
        Sentence(person="kong-raiya")
    assert "term" == nothing.value.field
    with pytest.raises(civicspace.FieldValueError) as alone:
        Sentence(person="kong-raiya", fine=ReportedAmount(amount=khr(1)), suspended=REMAINDER)
    assert "suspended" == alone.value.field


def variant(**bounds: Any) -> dict[str, Any]:
    return {"aggravated": [{"condition": "if deemed to impact national security", **bounds}]}


def riel(amount: str, currency: str = "KHR") -> dict[str, str]:
    return {"amount": amount, "currency": currency}


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"maximum_term": "P1.5M"}, [("$.maximum_term", "value.invalid")]),
        ({"maximum_term": "life "}, [("$.maximum_term", "value.invalid")]),
        ({"minimum_term": "life"}, [("$.minimum_term", "value.invalid")]),
        ({"maximum_fine": riel("-1")}, [("$.maximum_fine.amount", "value.invalid")]),
        ({"maximum_fine": riel("1", "XXY")}, [("$.maximum_fine.currency", "value.invalid")]),
        (variant(), [("$.aggravated[0].maximum_term", "value.invalid")]),
    ],
)
def test_penalty_near_misses_are_refused_with_their_path(
    change: dict[str, Any], expected: list[tuple[str, str]]
) -> None:
    document = {**STATE_OF_EMERGENCY, **change}
    assert list(reference_validator("sentence.json#/$defs/statutory_penalty").iter_errors(document))
    _, issues = structure_record(StatutoryPenalty, document)
    assert expected == [(issue.path, issue.code) for issue in issues]


TERM_ABOVE = "penalty.minimum_term_above_maximum"
FINE_ABOVE = "penalty.minimum_fine_above_maximum"
CURRENCIES_DIFFER = "penalty.fine_currencies_differ"


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"minimum_term": "P6Y"}, [("$.minimum_term", TERM_ABOVE)]),
        ({"minimum_term": "P1M", "maximum_term": "P30D"}, [("$.minimum_term", TERM_ABOVE)]),
        ({"minimum_fine": riel("6000000")}, [("$.minimum_fine", FINE_ABOVE)]),
        ({"minimum_fine": riel("1", "USD")}, [("$.minimum_fine", CURRENCIES_DIFFER)]),
        # A variant is checked with the base's bounds it leaves alone, and reported at itself.
        (
            {"minimum_term": "P3Y", **variant(maximum_term="P2Y")},
            [("$.aggravated[0].maximum_term", TERM_ABOVE)],
        ),
        (
            variant(minimum_fine=riel("1", "USD")),
            [("$.aggravated[0].minimum_fine", CURRENCIES_DIFFER)],
        ),
        (variant(maximum_fine=riel("1")), []),
    ],
)
def test_penalty_cross_field_rules(change: dict[str, Any], expected: list[tuple[str, str]]) -> None:
    penalty = load_penalty({**STATE_OF_EMERGENCY, **change})
    assert expected == [(issue.path, issue.code) for issue in check_record(penalty)]


def test_a_base_breach_is_reported_once_not_again_for_each_variant() -> None:
    # P11Y breaches both the base's five years and the variant's ten: once each, where stated.
    penalty = load_penalty({**STATE_OF_EMERGENCY, "minimum_term": "P11Y"})
    expected = ["$.minimum_term", "$.aggravated[0].maximum_term"]
    assert expected == [issue.path for issue in check_record(penalty)]
    fine_variant = load_penalty(
        {**STATE_OF_EMERGENCY, "minimum_term": "P6Y", **variant(maximum_fine=riel("9000000"))}
    )
    assert ["$.minimum_term"] == [issue.path for issue in check_record(fine_variant)]


def test_currency_enum_is_iso_4217_as_pycountry_has_it() -> None:
    expected = sorted(currency.alpha_3 for currency in pycountry.currencies)
    assert expected == civicspace.schema("sentence")["$defs"]["currency"]["enum"]


def test_money_and_custody_periods_take_positional_arguments() -> None:
    assert Money(amount=4_000_000, currency="KHR") == Money(4_000_000, "KHR")
    assert CustodyPeriod(start=D(2019, 7, 9), end=D(2019, 11, 28)) == CustodyPeriod(
        D(2019, 7, 9), D(2019, 11, 28)
    )
    assert None is CustodyPeriod(D(2019, 7, 9)).end


def test_amounts_dump_without_exponents() -> None:
    assert {"amount": "1000", "currency": "USD"} == civicspace.dump(Money(Decimal("1E+3"), "USD"))
    assert {"amount": "0.00", "currency": "USD"} == civicspace.dump(Money("0.00", "USD"))


def test_every_optional_field_defaults_to_unset() -> None:
    for cls in (Sentence, StatutoryPenalty, AggravatedPenalty, ReportedAmount, CustodyPeriod):
        attrs.resolve_types(cls)
        for field in attrs.fields(cls):
            if field.default is not attrs.NOTHING:
                assert field.default in (None, ()), (cls, field.name)


# -- properties ------------------------------------------------------------------------------------


@given(strategies.sentences())
def test_drawn_sentences_pass_every_step_and_survive_json(sentence: Sentence) -> None:
    document = json.loads(json.dumps(civicspace.dump(sentence), ensure_ascii=False))
    assert sentence == load_sentence(document)


@given(strategies.statutory_penalties())
def test_drawn_penalties_pass_every_rule(penalty: StatutoryPenalty) -> None:
    assert [] == check_record(penalty)


@st.composite
def finite_sentences(draw: st.DrawFn) -> Sentence:
    """Finite terms, a suspended part (never longer) or none, and credit: what release needs."""
    term = draw(strategies.terms())
    months = draw(st.integers(0, term.years * 12 + term.months))
    part = Term(months=months, days=draw(st.integers(0, term.days)))
    return Sentence(
        person="someone",
        term=term,
        suspended=draw(st.sampled_from([None, part])),
        custody_credited=tuple(draw(st.lists(strategies.custody_periods(), max_size=3))),
    )


@given(finite_sentences(), strategies.custody_dates(), strategies.custody_periods())
def test_more_credit_never_makes_the_release_later(
    sentence: Sentence, start: D, extra: CustodyPeriod
) -> None:
    before = sentence_release_date(sentence, start)
    more = attrs.evolve(sentence, custody_credited=(*sentence.custody_credited, extra))
    after = sentence_release_date(more, start)
    assert start <= after <= before
    assert (after - start).days == time_to_serve(more, start)


@given(finite_sentences(), strategies.custody_dates())
def test_release_falls_between_start_and_the_full_term(sentence: Sentence, start: D) -> None:
    assert isinstance(sentence.term, Term)
    assert start <= sentence_release_date(sentence, start) <= add_term(start, sentence.term)
    without_credit = attrs.evolve(sentence, custody_credited=())
    assert sentence_release_date(sentence, start) <= sentence_release_date(without_credit, start)


@given(finite_sentences(), strategies.custody_dates(), strategies.terms())
def test_release_is_monotone_in_the_term(sentence: Sentence, start: D, extra: Term) -> None:
    assert isinstance(sentence.term, Term)
    longer = attrs.evolve(sentence, term=sentence.term + extra)
    assert sentence_release_date(sentence, start) <= sentence_release_date(longer, start)


custodial = strategies.custodial_terms()


@given(st.lists(custodial, max_size=4), st.randoms())
def test_consecutive_and_concurrent_ignore_order(items: list[Any], random: Any) -> None:
    shuffled = random.sample(items, len(items))
    assert served_consecutively(items) == served_consecutively(shuffled)
    try:
        expected = served_concurrently(items)
    except IncomparableTermsError:
        return
    assert expected == served_concurrently(shuffled)


@given(custodial, custodial, custodial)
def test_consecutive_is_associative_with_identity(a: Any, b: Any, c: Any) -> None:
    left = served_consecutively([served_consecutively([a, b]), c])
    right = served_consecutively([a, served_consecutively([b, c])])
    assert left == right == served_consecutively([a, b, c])
    assert a == served_consecutively([a, Term()]) == served_consecutively([a])
    assert Term() == served_consecutively([]) == served_concurrently([])
    assert LIFE is served_consecutively([a, LIFE]) is served_concurrently([LIFE, a])


@given(st.lists(strategies.day_free_terms(), min_size=1, max_size=4), strategies.custody_dates())
def test_concurrent_is_the_longest_and_never_longer_than_consecutive(
    items: list[Term], start: D
) -> None:
    longest = served_concurrently(items)
    assert isinstance(longest, Term)
    assert longest in items
    assert all(item <= longest for item in items)
    assert longest == served_concurrently([*items, longest])
    total = served_consecutively(items)
    assert isinstance(total, Term)
    assert add_term(start, longest) <= add_term(start, total)


def test_concurrent_refuses_what_the_calendar_decides() -> None:
    with pytest.raises(IncomparableTermsError):
        served_concurrently([Term(months=1), Term(days=30)])
    assert Term(days=31) == served_concurrently([Term(months=1), Term(days=31)])


def test_ranges_combine_end_by_end() -> None:
    range_ = TermRange(minimum=Term(months=18), maximum=Term(months=20))
    expected = TermRange(minimum=Term(months=42), maximum=Term(months=44))
    assert expected == served_consecutively([range_, Term(years=2)])
    assert TermRange(minimum=Term(months=24), maximum=Term(months=24)) == served_concurrently(
        [range_, Term(years=2)]
    )
    with pytest.raises(SentenceError):
        served_consecutively(["P18M"])  # type: ignore[list-item]


light_sentences = st.builds(
    lambda term, fine, compensation: Sentence(
        person="someone",
        term=term if (term, fine, compensation) != (None, None, None) else Term(),
        fine=fine,
        compensation=compensation,
    ),
    st.none() | strategies.custodial_terms(),
    st.none() | strategies.reported_amounts(),
    st.none() | strategies.reported_amounts(),
)


@given(st.lists(light_sentences, max_size=6))
def test_totals_add_up_what_they_say(sentences: list[Sentence]) -> None:
    totals = account_totals(sentences)
    terms = [sentence.term for sentence in sentences if sentence.term is not None]
    finite_terms = [term for term in terms if term is not LIFE]
    assert len(sentences) == totals.sentences
    assert len(terms) == totals.with_term
    assert len(terms) - len(finite_terms) == totals.life
    lows = [term.minimum if isinstance(term, TermRange) else term for term in finite_terms]
    highs = [term.maximum if isinstance(term, TermRange) else term for term in finite_terms]
    assert served_consecutively(lows) == totals.term_minimum
    assert served_consecutively(highs) == totals.term_maximum
    fines = [sentence.fine.amount for sentence in sentences if sentence.fine is not None]
    for total in totals.fines:
        same_currency = [fine.amount for fine in fines if fine.currency == total.currency]
        assert sum(same_currency, Decimal(0)) == total.amount
    assert {fine.currency for fine in fines} == {total.currency for total in totals.fines}


@given(strategies.statutory_penalties(), st.data())
def test_a_sentence_at_the_maxima_is_within_and_more_is_not(
    penalty: StatutoryPenalty, data: st.DataObject
) -> None:
    term, fine = penalty.maximum_term, penalty.maximum_fine
    at_maxima = Sentence(
        person="someone",
        term=term,
        fine=None if fine is None else ReportedAmount(amount=fine),
        compensation=ReportedAmount(amount=khr(1)),
    )
    comparison = compare_with_penalty(at_maxima, penalty)
    assert True is comparison.within_base
    assert penalty is comparison.applies
    assert False is comparison.exceeds_all
    if isinstance(term, Term):
        extra = data.draw(strategies.terms().filter(lambda extra: extra != Term()))
        longer = attrs.evolve(at_maxima, term=term + extra)
        assert False is compare_with_penalty(longer, penalty).within_base


# -- The world's penalties ------------------------------------------------------------------------
#
# Real cases from other countries, each quoting the published line it rests on.

from civicspace._model.sentences import (  # noqa: E402  (new names, from their defining module)
    AdditionalPenalty,
    AdditionalPenaltyKind,
    CourtKind,
    DetentionRegime,
    NonCustodialKind,
    NonCustodialPenalty,
    Proceedings,
)

# The strategies package exports a function named like the module: import the module by path.
sentence_strategies = importlib.import_module("civicspace.strategies.sentences")

# Hengaw, "Iranian Judiciary Imposes Death Sentence on Activist Musician Toomaj Salehi",
# 24 April 2024: "Toomaj Salehi ... has been sentenced to capital punishment by Branch One of
# the Isfahan Revolutionary Court on allegations of “corruption on earth.”" ... "the trial court
# also considered a supplementary sentence alongside the execution verdict and sentenced Toomaj
# Salehi to two years of travel ban, ban on artistic activities, ..."
TOOMAJ_SALEHI = {
    "person": "toomaj-salehi",
    "death": True,
    "additional_penalties": [
        {"kind": "travel_ban", "term": "P2Y", "as_printed": "two years of travel ban"},
        {"kind": "activity_ban", "as_printed": "ban on artistic activities"},
    ],
    "imposed_on": "2024-04",
    "court": "Branch One of the Isfahan Revolutionary Court",
    "court_kind": "revolutionary",
    "proceedings": "criminal",
}

# Al Jazeera, "Saudi Arabia: 10-year travel ban for freed blogger Raif Badawi", 12 March 2022:
# "The sentence handed down to Raif was 10 years in prison followed by a travel ban for the same
# length of time."  And, of the 2014 ruling: "sentenced to prison for ten years plus 1,000
# lashes ... The criminal court in Jeddah also ordered Badawi to pay one million Saudi riyals"
# (Hacking News, "Saudi blogger sentenced to ten years", May 2014).
RAIF_BADAWI = {
    "person": "raif-badawi",
    "term": "P10Y",
    "lashes": 1000,
    "fine": {"amount": {"amount": "1000000", "currency": "SAR"}},
    "additional_penalties": [
        {"kind": "travel_ban", "term": "P10Y", "as_printed": "a travel ban for the same length"}
    ],
    "imposed_on": "2014-05",
    "court": "Jeddah Criminal Court",
    "court_kind": "ordinary",
}

# TASS, 3 March 2023: "The Leninsky District Court in Minsk on Friday found Nobel laureate Ales
# Bialiatski ... guilty of the criminal charges lodged against him, sentencing him to 10 years in
# a maximum security penal colony and fining him about $65,000."  Belarus's regimes are general,
# reinforced, strict and special: the category is the reinforced one (Viasna's word); the
# words as printed are TASS's.
ALES_BIALIATSKI = {
    "person": "ales-bialiatski",
    "term": "P10Y",
    "regime": "reinforced_regime_colony",
    "regime_as_printed": "maximum security penal colony",
    "imposed_on": "2023-03-03",
    "court": "Leninsky District Court in Minsk",
    "proceedings": "criminal",
}

# Al Jazeera America, "China sentences Uighur scholar to life in prison", 23 September 2014:
# "A Chinese court on Tuesday sentenced Ilham Tohti ... to life in prison for “inciting
# separatism,” ... The court also ordered Tohti’s assets confiscated".
ILHAM_TOHTI = {
    "person": "ilham-tohti",
    "term": "life",
    "additional_penalties": [
        {"kind": "confiscation_of_property", "as_printed": "ordered Tohti’s assets confiscated"}
    ],
    "imposed_on": "2014-09-23",
}

# Raw Story, 27 March 2017: "Russian opposition leader Alexei Navalny has been sentenced to 15
# days in prison after being detained at a major opposition protest ... for resisting police
# orders" (an administrative offence: administrative arrest).
ALEXEI_NAVALNY = {
    "person": "alexei-navalny",
    "term": "P15D",
    "imposed_on": "2017-03-27",
    "proceedings": "administrative",
}

# National Post, 28 December 2020: "A Saudi court on Monday sentenced prominent women’s rights
# activist Loujain al-Hathloul to five years and eight months in prison ... The court suspended
# two years and 10 months of her sentence ... Hathloul was also given a five-year travel ban";
# the court is "the Specialized Criminal Court in Riyadh, which handles terrorism and national
# security charges" (The New Arab, March 2021).
LOUJAIN_AL_HATHLOUL = {
    "person": "loujain-al-hathloul",
    "term": "P5Y8M",
    "suspended": "P2Y10M",
    "additional_penalties": [
        {"kind": "travel_ban", "term": "P5Y", "as_printed": "a five-year travel ban"}
    ],
    "imposed_on": "2020-12-28",
    "court": "Specialized Criminal Court",
    "court_kind": "counter_terrorism",
    "custody_credited": [{"start": "2018-05-15", "kind": "pre_trial_detention"}],
}

WORLD = [
    TOOMAJ_SALEHI,
    RAIF_BADAWI,
    ALES_BIALIATSKI,
    ILHAM_TOHTI,
    ALEXEI_NAVALNY,
    LOUJAIN_AL_HATHLOUL,
]


@pytest.mark.parametrize("document", WORLD, ids=[document["person"] for document in WORLD])
def test_each_case_from_the_world_loads_and_dumps_as_written(document: dict[str, Any]) -> None:
    load_sentence(document)


def test_toomaj_salehi_sentenced_to_death_has_no_release_date() -> None:
    sentence = load_sentence(TOOMAJ_SALEHI)
    assert True is sentence.death
    assert CourtKind.REVOLUTIONARY == sentence.court_kind
    expected = AdditionalPenalty(
        kind=AdditionalPenaltyKind.TRAVEL_BAN,
        term=Term(years=2),
        as_printed="two years of travel ban",
    )
    assert expected == sentence.additional_penalties[0]
    with pytest.raises(SentenceError, match="death sentence has no release date"):
        sentence_release_date(sentence, D(2024, 4, 24))
    with pytest.raises(SentenceError, match="death sentence"):
        time_to_serve(sentence, D(2024, 4, 24))
    totals = account_totals([sentence])
    assert (1, 1, 0, 0) == (totals.sentences, totals.death, totals.with_term, totals.life)
    assert Term() == totals.term_maximum


def test_raif_badawi_lashes_add_no_months() -> None:
    sentence = load_sentence(RAIF_BADAWI)
    totals = account_totals([sentence])
    assert 1000 == totals.lashes
    assert 120 == totals.maximum_months
    assert (Money(1_000_000, "SAR"),) == totals.fines
    assert D(2024, 5, 7) == sentence_release_date(sentence, D(2014, 5, 7))


def test_ales_bialiatski_ten_years_in_a_reinforced_regime_colony() -> None:
    sentence = load_sentence(ALES_BIALIATSKI)
    assert DetentionRegime.REINFORCED_REGIME_COLONY == sentence.regime
    assert D(2033, 3, 3) == sentence_release_date(sentence)
    assert 120 == account_totals([sentence]).maximum_months


def test_ilham_tohti_life_counts_as_life() -> None:
    sentence = load_sentence(ILHAM_TOHTI)
    totals = account_totals([sentence])
    assert (1, 0, Term()) == (totals.life, totals.aggravated_life, totals.term_maximum)
    with pytest.raises(SentenceError, match="life imprisonment has no release date"):
        sentence_release_date(sentence)


def test_fifteen_days_of_administrative_arrest_are_fifteen_days_in_custody() -> None:
    sentence = load_sentence(ALEXEI_NAVALNY)
    assert Proceedings.ADMINISTRATIVE == sentence.proceedings
    assert 15 == time_to_serve(sentence)
    assert D(2017, 4, 11) == sentence_release_date(sentence)
    assert Term(days=15) == account_totals([sentence]).term_maximum


def test_loujain_al_hathloul_part_suspended_and_a_travel_ban() -> None:
    sentence = load_sentence(LOUJAIN_AL_HATHLOUL)
    assert CourtKind.COUNTER_TERRORISM == sentence.court_kind
    # 2 years 10 months to serve from the arrest: out on 15 March 2021 ("She could therefore be
    # released around end of February 2021"; she was released on 10 February).  The travel ban
    # adds nothing to custody.
    assert D(2021, 3, 15) == sentence_release_date(sentence, D(2018, 5, 15))
    assert 68 == account_totals([sentence]).maximum_months


def test_aggravated_life_needs_life_and_counts_as_life() -> None:
    # "life imprisonment with no possibility of release"
    document = {"person": "someone", "term": "life", "aggravated_life": True}
    sentence = load_sentence(document)
    totals = account_totals([sentence, load_sentence(ILHAM_TOHTI)])
    assert (2, 1) == (totals.life, totals.aggravated_life)
    assert served_consecutively([sentence]) is LIFE
    with pytest.raises(SentenceError, match="aggravated life imprisonment"):
        sentence_release_date(sentence, D(2020, 1, 1))
    assert [("$.term", "schema.const")] == paths_and_codes({**document, "term": "P5Y"})
    with pytest.raises(civicspace.FieldValueError) as refused:
        Sentence(person="someone", term=Term(years=5), aggravated_life=True)
    assert "aggravated_life" == refused.value.field


def test_a_regime_needs_the_term_it_describes() -> None:
    document = {"person": "someone", "lashes": 74, "regime": "strict_regime_colony"}
    assert [("$", "schema.dependent_required")] == paths_and_codes(document)
    with pytest.raises(civicspace.FieldValueError) as refused:
        Sentence(person="someone", lashes=74, regime=DetentionRegime.STRICT_REGIME_COLONY)
    assert "regime" == refused.value.field


@pytest.mark.parametrize(
    ("document", "field"),
    [
        ({"person": "someone", "death": False}, "death"),
        ({"person": "someone", "lashes": 0}, "lashes"),
        ({"person": "someone", "lashes": 10001}, "lashes"),
        ({"person": "someone", "non_custodial": [{"term": "P1Y"}]}, "non_custodial"),
        (
            {"person": "someone", "additional_penalties": [{"kind": "exile"}]},
            "additional_penalties",
        ),
        ({"person": "someone", "term": "P1Y", "court_kind": "people"}, "court_kind"),
        ({"person": "someone", "term": "P1Y", "proceedings": "civil"}, "proceedings"),
    ],
)
def test_new_members_near_misses_are_refused_with_their_path(
    document: dict[str, Any], field: str
) -> None:
    found = paths_and_codes(document)
    assert found
    assert any(path.startswith(f"$.{field}") for path, _ in found), found


def test_a_penalty_alone_is_a_sentence() -> None:
    for document in (
        {"person": "someone", "death": True},
        {"person": "someone", "lashes": 74},
        {"person": "someone", "non_custodial": [{"kind": "restricted_freedom", "term": "P2Y"}]},
        {"person": "someone", "additional_penalties": [{"kind": "travel_ban", "term": "P5Y"}]},
    ):
        sentence = load_sentence(document)
        if not sentence.death:
            assert 0 == time_to_serve(sentence, D(2020, 1, 1))
            assert Term() == account_totals([sentence]).term_maximum


def test_a_death_sentence_is_within_only_a_law_that_provides_death() -> None:
    sentence = load_sentence(TOOMAJ_SALEHI)
    assert False is compare_with_penalty(sentence, StatutoryPenalty(maximum_term=LIFE)).within_base
    capital = StatutoryPenalty(maximum_term=Term(years=10), death=True)
    assert True is compare_with_penalty(sentence, capital).within_base
    variant = AggravatedPenalty(condition="if it amounts to corruption on earth", death=True)
    comparison = compare_with_penalty(
        sentence, StatutoryPenalty(maximum_term=Term(years=10), aggravated=(variant,))
    )
    assert (False, (True,)) == (comparison.within_base, comparison.within_variants)
    assert variant == comparison.applies


def test_lashes_cannot_be_told_against_a_penalty() -> None:
    sentence = load_sentence(RAIF_BADAWI)
    penalty = StatutoryPenalty(maximum_term=Term(years=15), maximum_fine=Money(3_000_000, "SAR"))
    assert None is compare_with_penalty(sentence, penalty).within_base


# -- Laws of the arithmetic, for the new penalties -------------------------------------------------

no_custody = st.builds(
    Sentence,
    person=st.just("someone"),
    death=st.none() | st.just(True),
    lashes=st.none() | st.integers(1, 10000),
    non_custodial=st.lists(sentence_strategies.non_custodial_penalties(), max_size=2).map(tuple),
    additional_penalties=st.lists(
        sentence_strategies.additional_penalties(), min_size=1, max_size=2
    ).map(tuple),
)


@given(st.lists(light_sentences, max_size=4), st.lists(no_custody, max_size=4))
def test_penalties_without_custody_add_no_months(
    custodial: list[Sentence], others: list[Sentence]
) -> None:
    alone = account_totals(custodial)
    together = account_totals([*custodial, *others])
    assert alone.term_minimum == together.term_minimum
    assert alone.term_maximum == together.term_maximum
    assert alone.life == together.life
    assert alone.with_term == together.with_term
    assert sum(1 for sentence in others if sentence.death) == together.death
    assert sum(sentence.lashes or 0 for sentence in others) == together.lashes
    assert served_consecutively(custodial) == served_consecutively([*custodial, *others])


@given(no_custody, strategies.custody_dates())
def test_without_a_term_nothing_is_served_unless_death(sentence: Sentence, start: D) -> None:
    if sentence.death:
        with pytest.raises(SentenceError):
            sentence_release_date(sentence, start)
    else:
        assert start == sentence_release_date(sentence, start)


@given(finite_sentences(), strategies.custody_dates(), st.data())
def test_regime_proceedings_and_court_change_no_date(
    sentence: Sentence, start: D, data: st.DataObject
) -> None:
    described = attrs.evolve(
        sentence,
        regime=data.draw(sentence_strategies.sentence_values("detention_regime", DetentionRegime)),
        proceedings=data.draw(sentence_strategies.sentence_values("proceedings", Proceedings)),
        court_kind=data.draw(sentence_strategies.sentence_values("court_kind", CourtKind)),
        lashes=data.draw(st.none() | st.integers(1, 10000)),
        non_custodial=(NonCustodialPenalty(kind=NonCustodialKind.PROBATION, term=Term(years=1)),),
    )
    assert sentence_release_date(sentence, start) == sentence_release_date(described, start)


@given(st.lists(light_sentences, max_size=4), st.data())
def test_aggravated_life_counts_as_life(sentences: list[Sentence], data: st.DataObject) -> None:
    marked = [
        attrs.evolve(sentence, aggravated_life=data.draw(st.booleans()))
        if sentence.term is LIFE
        else sentence
        for sentence in sentences
    ]
    plain, aggravated = account_totals(sentences), account_totals(marked)
    assert attrs.evolve(plain, aggravated_life=aggravated.aggravated_life) == aggravated
    assert sum(1 for sentence in marked if sentence.aggravated_life) == aggravated.aggravated_life


def test_ruling_totals_count_a_death_sentence_once_over_its_accounts() -> None:
    # Two accounts of one ruling (one person, one day): one gives death and a travel ban, the
    # other death alone; a second ruling gives 74 lashes and 15 days, another 100 lashes.
    accounts = (
        load_sentence(TOOMAJ_SALEHI),
        Sentence(person="toomaj-salehi", death=True, imposed_on=PartialDate(2024, 4)),
        Sentence(person="someone", lashes=74, term=Term(days=15), imposed_on=PartialDate(2020)),
        Sentence(person="someone", lashes=100, imposed_on=PartialDate(2021)),
    )
    case = civicspace.Case(
        id="world",
        country="IRN",
        title="Penalties",
        people=(
            civicspace.CasePerson(id="toomaj-salehi", name="Toomaj Salehi"),
            civicspace.CasePerson(id="someone", name="Someone"),
        ),
        sentences=accounts,
    )
    totals = civicspace.analysis.ruling_totals(case)
    assert (3, 1, 174, Term(days=15)) == (
        totals.sentences,
        totals.death,
        totals.lashes,
        totals.term_maximum,
    )
    assert (2, 174) == (account_totals(accounts).death, account_totals(accounts).lashes)


@given(strategies.statutory_penalties())
def test_a_death_sentence_is_within_a_level_exactly_when_it_provides_death(
    penalty: StatutoryPenalty,
) -> None:
    comparison = compare_with_penalty(Sentence(person="someone", death=True), penalty)
    levels = penalty.levels()
    assert bool(levels[0].death) == comparison.within_base
    assert tuple(bool(level.death) for level in levels[1:]) == comparison.within_variants
