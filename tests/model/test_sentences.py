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
