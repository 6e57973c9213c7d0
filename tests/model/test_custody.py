"""Custody periods, days in custody and release dates.

Phrases quoted in test ids and comments come from
/work/shared/sources/civicus-cambodia-articles.txt.
"""

# The project asserts `expected == actual`, which ruff calls a Yoda condition.

from __future__ import annotations

import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import civicspace
from civicspace._model.custody import (
    CustodyError,
    CustodyKind,
    CustodyPeriod,
    days_in_custody,
    term_release_date,
)
from civicspace._model.terms import LIFE, Term, TermError, add_term
from civicspace.errors import FieldValueError
from civicspace.strategies import custody_dates, custody_periods, terms

D = datetime.date


# -- examples from the source texts ---------------------------------------------------------------


def test_rfa_journalists_nine_months() -> None:
    # "The pair were arrested on 14 November 2017 and held in pre-trial detention for
    # nine months. They were released on bail and placed under judicial supervision on
    # 21 August 2018."
    held = CustodyPeriod(D(2017, 11, 14), D(2018, 8, 21), kind=CustodyKind.PRE_TRIAL)
    assert (
        CustodyPeriod(start=D(2017, 11, 14), end=D(2018, 8, 21), kind=CustodyKind.PRE_TRIAL) == held
    )
    assert 280 == days_in_custody([held])
    # "nine months" is a round figure: at least nine months, less than ten.
    assert D(2018, 8, 14) == add_term(held.start, Term(months=9))
    assert held.end is not None
    assert add_term(held.start, Term(months=9)) <= held.end < add_term(held.start, Term(months=10))
    assert Term(days=280) > Term(months=9)
    assert Term(days=280) < Term(months=10)


# "On 3 September 2020, Thun Ratha, Long Kunthea and Phoung Keorasmey ... were arbitrarily
# detained"; "They were also denied bail"; "In May 2021, the authorities convicted and
# sentenced three Mother Nature activists to 18 and 20 months in prison."  The text gives
# the month of the verdict only; the day, 5 May 2021, is from the court's public record.
MOTHER_NATURE_DETAINED = D(2020, 9, 3)
MOTHER_NATURE_SENTENCED = D(2021, 5, 5)


def test_mother_nature_pre_trial_detention() -> None:
    detention = CustodyPeriod(start=MOTHER_NATURE_DETAINED, end=MOTHER_NATURE_SENTENCED)
    assert 244 == days_in_custody([detention])
    # Counted while still held, with `until`:
    still_held = CustodyPeriod(start=MOTHER_NATURE_DETAINED)
    assert 244 == days_in_custody([still_held], until=MOTHER_NATURE_SENTENCED)


@pytest.mark.parametrize(
    ("term", "from_sentencing_with_credit", "from_detention"),
    [
        # "Thun Ratha was handed 20 months in jail"
        (Term(months=20), D(2022, 5, 6), D(2022, 5, 3)),
        # "Keoreaksmey, Kunthea and Chea Kunthin ... were given 18 months"
        (Term(months=18), D(2022, 3, 6), D(2022, 3, 3)),
    ],
)
def test_mother_nature_release_dates(
    term: Term, from_sentencing_with_credit: datetime.date, from_detention: datetime.date
) -> None:
    credit = days_in_custody(
        [CustodyPeriod(start=MOTHER_NATURE_DETAINED, end=MOTHER_NATURE_SENTENCED)]
    )
    # Months are calendar months, so crediting 244 days against a term counted from the
    # verdict is not the same as counting the term from the arrest.
    assert from_sentencing_with_credit == term_release_date(MOTHER_NATURE_SENTENCED, term, credit)
    assert from_detention == term_release_date(MOTHER_NATURE_DETAINED, term)


def test_kong_raiya_nearly_five_months() -> None:
    # "In July 2019, a day prior to the third anniversary of Kem Ley's death" (he was shot
    # "On July 10, 2016"), Kong Raiya "remained in pre-trial detention ... for nearly five
    # months until the authorities released him on bail on November 28, 2019."
    held = CustodyPeriod(start=D(2019, 7, 9), end=D(2019, 11, 28))
    served = days_in_custody([held])
    assert 142 == served
    assert Term(months=4) < Term(days=served) < Term(months=5)
    # "sentenced him to two years in prison, with the remainder of his sentence suspended
    # due to time served": two years counted from the arrest end long after the bail.
    assert D(2021, 7, 9) == term_release_date(held.start, Term(years=2))


def test_rong_chhun_still_held_a_year_on() -> None:
    # "Rong Chhun ... was arrested on 31 July 2020."  "One year on from his arrest, ...
    # his ongoing detention during a pandemic is putting his life at risk."
    held = CustodyPeriod(start=D(2020, 7, 31))
    assert held.is_open
    assert 365 == days_in_custody([held], until=D(2021, 7, 31))
    with pytest.raises(CustodyError, match="still open"):
        days_in_custody([held])


def test_overlapping_periods_count_once() -> None:
    pre_trial = CustodyPeriod(start=D(2020, 9, 3), end=D(2021, 5, 5))
    imprisonment = CustodyPeriod(
        start=D(2021, 5, 1), end=D(2021, 6, 1), kind=CustodyKind.IMPRISONMENT
    )
    later = CustodyPeriod(start=D(2022, 1, 1), end=D(2022, 1, 11), kind=CustodyKind.HOUSE_ARREST)
    assert 244 + 27 + 10 == days_in_custody([imprisonment, later, pre_trial])
    assert 244 + 27 == days_in_custody([imprisonment, later, pre_trial], until=D(2022, 1, 1))
    assert 0 == days_in_custody([later], until=D(2021, 12, 31))
    assert 1 == days_in_custody([later], until=D(2022, 1, 2))
    assert 0 == days_in_custody([])


# -- construction ---------------------------------------------------------------------------------


def test_custody_kinds_are_the_schemas() -> None:
    schema = civicspace.schema("sentence")["$defs"]["custody_period"]["properties"]["kind"]
    assert schema["enum"] == [kind.value for kind in CustodyKind]
    assert CustodyKind.HOUSE_ARREST is CustodyKind("house_arrest")


def test_an_empty_period_is_allowed() -> None:
    assert 0 == days_in_custody([CustodyPeriod(start=D(2020, 1, 1), end=D(2020, 1, 1))])


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"start": D(2018, 8, 21), "end": D(2017, 11, 14)}, "end"),
        ({"start": datetime.datetime(2020, 1, 1)}, "start"),
        ({"start": "2020-09-03"}, "start"),
        ({"start": D(2020, 1, 1), "end": "2021-05-05"}, "end"),
        ({"start": D(2020, 1, 1), "kind": "imprisonment"}, "kind"),
    ],
)
def test_custody_period_rejects(kwargs: dict[str, object], field: str) -> None:
    with pytest.raises(FieldValueError) as info:
        CustodyPeriod(**kwargs)  # type: ignore[arg-type]
    assert field == info.value.field


def test_end_before_start_message() -> None:
    with pytest.raises(FieldValueError) as info:
        CustodyPeriod(start=D(2018, 8, 21), end=D(2017, 11, 14))
    assert "custody cannot end (2017-11-14) before it starts (2018-08-21)" == str(info.value)


def test_days_in_custody_rejects_bad_arguments() -> None:
    with pytest.raises(CustodyError):
        days_in_custody([(D(2020, 1, 1), D(2020, 2, 1))])  # type: ignore[list-item]
    with pytest.raises(CustodyError):
        days_in_custody([], until=datetime.datetime(2020, 1, 1))


# -- properties of days_in_custody ---------------------------------------------------------------


@st.composite
def clustered_periods(draw: st.DrawFn) -> list[CustodyPeriod]:
    """Periods within a few weeks of each other, so that they overlap and touch often."""
    base = draw(custody_dates())
    periods = []
    for _ in range(draw(st.integers(min_value=0, max_value=6))):
        start = base + datetime.timedelta(days=draw(st.integers(min_value=0, max_value=40)))
        length = draw(st.one_of(st.none(), st.integers(min_value=0, max_value=30)))
        end = None if length is None else start + datetime.timedelta(days=length)
        periods.append(CustodyPeriod(start=start, end=end, kind=draw(st.sampled_from(CustodyKind))))
    return periods


periods_lists = st.one_of(st.lists(custody_periods(), max_size=6), clustered_periods())
until_dates = st.one_of(st.none(), custody_dates())


def _needs_until(periods: list[CustodyPeriod], until: datetime.date | None) -> bool:
    return until is None and any(period.end is None for period in periods)


@settings(max_examples=300)
@given(periods_lists, custody_dates())
def test_days_match_a_day_by_day_count(periods: list[CustodyPeriod], until: datetime.date) -> None:
    held: set[int] = set()  # day ordinals
    for period in periods:
        end = until if period.end is None else min(period.end, until)
        held.update(range(period.start.toordinal(), end.toordinal()))
    assert len(held) == days_in_custody(periods, until=until)


@settings(max_examples=300)
@given(periods_lists, until_dates, st.data())
def test_order_and_duplicates_do_not_matter(
    periods: list[CustodyPeriod], until: datetime.date | None, data: st.DataObject
) -> None:
    if _needs_until(periods, until):
        with pytest.raises(CustodyError):
            days_in_custody(periods, until=until)
        return
    total = days_in_custody(periods, until=until)
    assert total == days_in_custody(data.draw(st.permutations(periods)), until=until)
    assert total == days_in_custody(periods + periods, until=until)


@settings(max_examples=300)
@given(periods_lists, until_dates)
def test_total_lies_between_the_longest_and_the_sum(
    periods: list[CustodyPeriod], until: datetime.date | None
) -> None:
    if _needs_until(periods, until):
        return
    lengths = [days_in_custody([period], until=until) for period in periods]
    total = days_in_custody(periods, until=until)
    assert max(lengths, default=0) <= total <= sum(lengths)


@settings(max_examples=300)
@given(periods_lists, custody_dates(), st.integers(min_value=0, max_value=2000))
def test_total_grows_with_until(
    periods: list[CustodyPeriod], until: datetime.date, extra: int
) -> None:
    later = until + datetime.timedelta(days=extra)
    assert days_in_custody(periods, until=until) <= days_in_custody(periods, until=later)


# -- term_release_date -----------------------------------------------------------------------------


def test_release_date_examples() -> None:
    assert D(2022, 3, 3) == term_release_date(D(2020, 9, 3), Term(months=18))
    assert D(2020, 9, 3) == term_release_date(D(2020, 9, 3), Term(months=1), credit_days=10_000)
    assert D(2020, 9, 3) == term_release_date(D(2020, 9, 3), Term(days=30), credit_days=30)
    assert D(2020, 9, 4) == term_release_date(D(2020, 9, 3), Term(days=30), credit_days=29)


def test_release_date_rejects() -> None:
    for bad in (-1, 1.5, True, "10"):
        with pytest.raises(CustodyError, match="credit_days"):
            term_release_date(D(2020, 9, 3), Term(months=18), bad)  # type: ignore[arg-type]
    with pytest.raises(TermError, match="no end date"):
        term_release_date(D(2020, 9, 3), LIFE)  # type: ignore[arg-type]


@settings(max_examples=300)
@given(
    custody_dates(),
    terms(),
    st.integers(min_value=0, max_value=20000),
    st.integers(min_value=0, max_value=20000),
)
def test_more_credit_never_means_a_later_release(
    start: datetime.date, term: Term, credit: int, more: int
) -> None:
    release = term_release_date(start, term, credit)
    assert add_term(start, term) == term_release_date(start, term)
    assert start <= release <= add_term(start, term)
    assert term_release_date(start, term, credit + more) <= release
    if release > start:
        assert credit == (add_term(start, term) - release).days
