"""Partial dates, countries and sources."""

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

import civicspace
from civicspace import strategies as cst
from civicspace.common import DatePrecision, PartialDate, Source


@pytest.mark.parametrize(
    ("text", "parts", "precision"),
    [
        ("2021", (2021, None, None), DatePrecision.YEAR),
        ("2021-05", (2021, 5, None), DatePrecision.MONTH),
        ("2021-05-05", (2021, 5, 5), DatePrecision.DAY),
        ("2024-02-29", (2024, 2, 29), DatePrecision.DAY),
    ],
)
def test_partial_date_keeps_its_precision(text, parts, precision):
    date = PartialDate.parse(text)
    assert parts == (date.year, date.month, date.day)
    assert precision == date.precision
    assert text == str(date)


@pytest.mark.parametrize(
    "text",
    [
        "2021-5",
        "21",
        "2021-00",
        "2021-13",
        "2023-02-29",
        "2020-02-30",
        "0000",
        "20200903",
        "2020-W36-4",
        "2020-09-03T00:00",
        " 2021",
        "2021\n",
        "May 2021",
        "",
    ],
)
def test_partial_date_refuses_what_is_not_a_calendar_date(text):
    with pytest.raises(civicspace.ParseError):
        PartialDate.parse(text)


def test_a_day_needs_a_month_and_bools_are_not_years():
    with pytest.raises(civicspace.errors.InvalidDateError):
        PartialDate(2021, None, 5)
    with pytest.raises(TypeError):
        PartialDate(True)


@given(cst.partial_dates())
def test_partial_date_text_round_trips(date):
    assert date == PartialDate.parse(str(date))


@given(cst.partial_dates(), cst.partial_dates())
def test_order_is_the_order_of_the_json_strings(a, b):
    assert (a < b) == (str(a) < str(b))
    assert (a == b) == (str(a) == str(b))


@given(cst.partial_dates(), cst.partial_dates())
def test_before_is_certain_or_says_it_cannot_tell(a, b):
    answer = a.before(b)
    if answer is True:
        assert a.latest < b.earliest
    elif answer is False:
        assert a.earliest >= b.latest
    else:
        assert a.latest >= b.earliest and a.earliest < b.latest
    if answer is True:
        assert b.before(a) is False


@given(cst.partial_dates(), st.dates())
def test_contains_matches_earliest_and_latest(date, day):
    assert date.contains(day) == (date.earliest <= day <= date.latest)
    assert date.contains(date.earliest) and date.contains(date.latest)


def test_mother_nature_dates_compare_only_where_precision_allows():
    # "On 3 September 2020 ... were arbitrarily detained" and sentenced "in May 2021".
    detained, sentenced = PartialDate.parse("2020-09-03"), PartialDate.parse("2021-05")
    assert detained.before(sentenced) is True
    assert PartialDate.parse("2021-05").before(PartialDate.parse("2021-05-05")) is None
    assert datetime.date(2021, 5, 31) == sentenced.latest


def test_country_name_reads_pycountry():
    assert "Cambodia" == civicspace.countries.country_name("KHM")
    with pytest.raises(civicspace.ParseError):
        civicspace.countries.country_name("KHM\n")


def test_a_source_needs_a_url_or_a_title():
    with pytest.raises(civicspace.FieldValueError) as raised:
        Source(publisher="CIVICUS")
    assert "title" == raised.value.field
    assert "https://a.org" == Source(url="https://a.org").url
    with pytest.raises(civicspace.FieldValueError):
        Source(url="https://a.org/\n")
