"""Totals count a ruling reported in conflicting accounts once, as a range."""

import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import civicspace
from civicspace import datasets, strategies
from civicspace.common import PartialDate
from civicspace.sentences import Sentence, Term


def test_the_dataset_counts_each_ruling_once():
    cambodia = datasets.load("cambodia")
    every = [found.sentence for found in cambodia.sentences()]
    rulings = civicspace.analysis.ruling_totals(cambodia)
    summary = civicspace.analysis.summarise(cambodia)
    assert (202, (182, 184), summary.sentence_months, summary.rulings) == (
        civicspace.sentences.account_totals(every).maximum_months,
        (rulings.minimum_months, rulings.maximum_months),
        (rulings.minimum_months, rulings.maximum_months),
        rulings.sentences,
    )


@settings(max_examples=30, deadline=None)
@given(strategies.cases())
def test_without_conflicts_rulings_and_accounts_agree(case):
    # Each sentence its own ruling: the two totals are the same figures.
    distinct = {}
    for sentence in case.sentences:
        distinct.setdefault((sentence.person, sentence.imposed_on), sentence)
    single = civicspace.Case(
        id=case.id,
        country=case.country,
        title=case.title,
        people=case.people,
        sentences=tuple(distinct.values()),
        organisations=case.organisations,
    )
    assert civicspace.sentences.account_totals(
        single.sentences
    ) == civicspace.analysis.ruling_totals(single)


def test_ruling_totals_refuses_what_is_not_a_case():
    with pytest.raises(civicspace.CivicspaceError, match="item 0 is not a Case"):
        civicspace.analysis.ruling_totals([Sentence(person="x", term=Term(months=1))])


# -- sentence_release_date -------------------------------------------------------------------------

SERVED = Sentence(
    person="sok",
    term=Term(months=18),
    suspended=civicspace.sentences.REMAINDER,
    imposed_on=PartialDate(2021, 11, 2),
)


@pytest.mark.parametrize("start", [None, PartialDate(2021, 11, 2), datetime.date(2021, 11, 2)])
def test_release_date_is_a_date_from_the_sentences_own_day(start):
    found = civicspace.sentences.sentence_release_date(SERVED, start)
    assert (datetime.date, datetime.date(2021, 11, 2)) == (type(found), found)


@pytest.mark.parametrize(
    ("start", "message"),
    [
        ("2021-11-02", "start must be a datetime.date"),
        (PartialDate(2021, 11), "start must be a day; 2021-11 is only known to the month"),
        (datetime.datetime(2021, 11, 2), "start must be a datetime.date"),
    ],
)
def test_release_date_refuses_what_is_not_a_day(start, message):
    with pytest.raises(civicspace.errors.SentenceError, match=message) as caught:
        civicspace.sentences.sentence_release_date(SERVED, start)
    assert "until" not in str(caught.value)


def test_release_date_without_a_day_to_start_from_says_to_pass_start():
    vague = Sentence(person="sok", term=Term(months=2), imposed_on=PartialDate(2021))
    with pytest.raises(civicspace.errors.SentenceError, match=r"pass start=datetime\.date"):
        civicspace.sentences.time_to_serve(vague)


@settings(max_examples=40, deadline=None)
@given(strategies.sentences(), st.dates(max_value=datetime.date(2100, 1, 1)))
def test_a_release_date_is_always_a_day_not_before_the_start(sentence, start):
    try:
        found = civicspace.sentences.sentence_release_date(sentence, start)
    except (
        civicspace.errors.SentenceError,
        civicspace.errors.IncomparableTermsError,
        civicspace.errors.TermError,
    ):
        return
    assert (datetime.date, True) == (type(found), found >= start)
