"""Prose readers: parse_term, parse_money and parse_rating_phrase.

Every phrase of each kind in ../shared/sources/civicus-cambodia-articles.txt is
quoted below, in the sentence it comes from, with what it reads as (or why it
is refused).
"""

# The project asserts `expected == actual`, which ruff calls a Yoda condition.

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

import civicspace
from civicspace import FieldValueError, ParseError
from civicspace import strategies as cst
from civicspace.ratings import CivicusRating
from civicspace.readers import StatedTerm, parse_money, parse_rating_phrase, parse_term
from civicspace.sentences import LIFE, Money, ReportedAmount, Term, TermRange

UNITS = ("years", "months", "days")


def months(count: int) -> Term:
    return Term(months=count)


def years(count: int) -> Term:
    return Term(years=count)


def span(low: Term, high: Term) -> TermRange:
    return TermRange(minimum=low, maximum=high)


# -- Terms: every term phrase in the source ------------------------------------------------------

# (the sentence around the phrase, the phrase, what it reads as)
PUBLISHED_TERMS = [
    (
        "Sokha has been barred from politics and could face up to 30 years in prison",
        "up to 30 years",
        StatedTerm(term=years(30), is_maximum=True),
    ),
    (
        "three environmental defenders were sentenced to 18 to 20 months in prison",
        "18 to 20 months",
        StatedTerm(term=span(months(18), months(20))),
    ),
    (
        "prison sentences of up to five years – rising to ten years if deemed to ‘impact",
        "up to five years – rising to ten years",
        StatedTerm(term=years(5), is_maximum=True, aggravated_maximum=years(10)),
    ),
    (
        "“plotting” to overthrow the government and face up to 10 years in prison",
        "up to 10 years",
        StatedTerm(term=years(10), is_maximum=True),
    ),
    (
        "a similarly broad Covid-19 law that allows for up to 20-year prison sentences",
        "up to 20-year",
        StatedTerm(term=years(20), is_maximum=True),
    ),
    (
        "sentenced three Mother Nature activists to 18 and 20 months in prison",
        "18 and 20 months",
        StatedTerm(term=span(months(18), months(20)), separate_terms=True),
    ),
    (
        "I was deported a year and a half after we started MNC",
        "a year and a half",
        StatedTerm(term=Term(years=1, months=6)),
    ),
    (
        "the two activists were fined and sentenced to a year in jail",
        "a year",
        StatedTerm(term=years(1)),
    ),
    (
        "They were sentenced to 18 months in prison for ‘incitement’",
        "18 months",
        StatedTerm(term=months(18)),
    ),
    (
        "found Oeuth Ang guilty of murder and sentenced him to life imprisonment",
        "life imprisonment",
        StatedTerm(term=LIFE),
    ),
    (
        "and sentenced him to two years in prison, with the remainder of his sentence suspended",
        "two years",
        StatedTerm(term=years(2)),
    ),
    (
        "Kong Raiya was previously sentenced to 18 months’ imprisonment in 2015",
        "18 months",
        StatedTerm(term=months(18)),
    ),
    (
        "He wasarrested in September 2020 andspent a year in jail for incitement",
        "a year",
        StatedTerm(term=years(1)),
    ),
    (
        "arrested on 14 November 2017 and held in pre-trial detention for nine months",
        "nine months",
        StatedTerm(term=months(9)),
    ),
    (
        "later sentenced to two years imprisonment and ordered to pay 70 million riels",
        "two years",
        StatedTerm(term=years(2)),
    ),
    (
        "sentenced by the Phnom Penh Municipal Court to jail for 18 to 20 months after being",
        "18 to 20 months",
        StatedTerm(term=span(months(18), months(20))),
    ),
    (
        "Thun Ratha was handed 20 months in jail and a fine of 4 million riel (USD 1,000)",
        "20 months",
        StatedTerm(term=months(20)),
    ),
    (
        "a youth activist also tried in absentia, were given 18 months and the same four",
        "18 months",
        StatedTerm(term=months(18)),
    ),
    (
        "Ahead of the four-year anniversary of Dr. Kem Ley’s killing",
        "four-year",
        StatedTerm(term=years(4)),
    ),
]

# Durations in the source that are not exact, each refused.
PUBLISHED_INEXACT_TERMS = [
    (
        "detention ... for nearly five months until the authorities released him",
        "nearly five months",
    ),
    ("they hid without legal status for more than a year in Thailand", "more than a year"),
    ("It has been over two years since Saudi Arabia intensified", "over two years"),
    ("Cambodia has been under attack for several years", "several years"),
    ("police shot four people dead, 38 wounded and a 15-year-old boy missing", "15-year-old"),
    ("Following a half-day trial on March 23, 2017", "half-day"),
]


@pytest.mark.parametrize(("sentence", "phrase", "expected"), PUBLISHED_TERMS)
def test_every_published_term_is_read(sentence, phrase, expected):
    assert phrase in sentence
    assert expected == parse_term(phrase)


@pytest.mark.parametrize(("sentence", "phrase"), PUBLISHED_INEXACT_TERMS)
def test_published_inexact_durations_are_refused(sentence, phrase):
    assert phrase in sentence
    with pytest.raises(ParseError) as raised:
        parse_term(phrase)
    assert phrase == raised.value.text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("18-20 months", StatedTerm(term=span(months(18), months(20)))),
        ("18 – 20 months", StatedTerm(term=span(months(18), months(20)))),
        ("between 18 and 20 months", StatedTerm(term=span(months(18), months(20)))),
        ("from two to three years", StatedTerm(term=span(years(2), years(3)))),
        ("18 months to two years", StatedTerm(term=span(months(18), years(2)))),
        ("six months to a year", StatedTerm(term=span(months(6), years(1)))),
        ("two and a half years", StatedTerm(term=Term(years=2, months=6))),
        ("one year", StatedTerm(term=years(1))),
        ("an year", StatedTerm(term=years(1))),
        ("twenty-one months", StatedTerm(term=months(21))),
        ("Twenty One Months", StatedTerm(term=months(21))),
        ("ninety-nine years", StatedTerm(term=years(99))),
        ("1,000 days", StatedTerm(term=Term(days=1000))),
        ("0 days", StatedTerm(term=Term())),
        ("six-month", StatedTerm(term=months(6))),
        ("  18\u00a0months\n", StatedTerm(term=months(18))),
        ("life", StatedTerm(term=LIFE)),
        ("life in prison", StatedTerm(term=LIFE)),
        ("up to life imprisonment", StatedTerm(term=LIFE, is_maximum=True)),
        (
            "up to five years, rising to ten",
            StatedTerm(term=years(5), is_maximum=True, aggravated_maximum=years(10)),
        ),
        (
            "up to 20 years rising to life imprisonment",
            StatedTerm(term=years(20), is_maximum=True, aggravated_maximum=LIFE),
        ),
        (
            "up to six months - rising to two years",
            StatedTerm(term=months(6), is_maximum=True, aggravated_maximum=years(2)),
        ),
        (
            "UP TO FIVE YEARS – RISING TO TEN YEARS",
            StatedTerm(term=years(5), is_maximum=True, aggravated_maximum=years(10)),
        ),
    ],
)
def test_other_terms_are_read(text, expected):
    assert expected == parse_term(text)


@pytest.mark.parametrize(
    "text",
    [
        "18 to months",  # a number without its unit
        "18 to 20",
        "some years",
        "a few months",
        "years",
        "18",
        "",
        "1.5 years",  # fractions are never rounded
        "half a year",
        "two and a half months",  # half a month is not a whole number of days
        "a and a half years",
        "20 to 18 months",  # ends in the wrong order
        "30 days to one month",  # which is longer depends on the calendar
        "18 months and 20 months",  # the same unit twice: one term or two?
        "six months and one year",  # ascending units: one term or two?
        "two years and six months and ten days",  # "and" only before the last unit
        "three years and six months, rising to ten",  # rising from what maximum?
        "between 18 to 20 months",
        "from 18 and 20 months",
        "a to two years",
        "twenty-one-months",
        "20-years",
        "twenty - one months",
        "018 months",
        "1,00 days",
        "one hundred years",
        "up to",
        "up to 18 to 20 months",  # a range is not a maximum
        "up to five years – rising to three years",  # not longer
        "up to life rising to life",
        "up to 30 days rising to one month",  # longer only from some start dates
        "five years – rising to ten years",  # rising from what maximum?
        "up to five years – rising to a",
        "up to life rising to ten",
        "18 months in prison",  # text left over
        "18 months’ imprisonment",
        "sentenced to 18 months",
        "3 hours",
        "P18M",
        "two weeks",
    ],
)
def test_terms_not_fully_understood_are_refused(text):
    with pytest.raises(ParseError) as raised:
        parse_term(text)
    assert text == raised.value.text


def test_weeks_are_refused_with_the_days_as_suggestion():
    with pytest.raises(ParseError) as raised:
        parse_term("two weeks")
    assert ("14 days",) == raised.value.suggestions


@pytest.mark.parametrize("value", [18, None, b"18 months"])
def test_a_term_must_be_text(value):
    with pytest.raises(ParseError) as raised:
        parse_term(value)
    assert str(value) == raised.value.text


# -- Terms: laws ---------------------------------------------------------------------------------

_ONES = (
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
    "eighteen", "nineteen",
)  # fmt: skip
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")


def in_words(number: int, joiner: str = "-") -> str:
    """One to ninety-nine in English words, written independently of the reader."""
    tens, ones = divmod(number, 10)
    if number < 20:
        return _ONES[number - 1]
    return _TENS[tens - 2] + (joiner + _ONES[ones - 1] if ones else "")


def unit_term(count: int, unit: str) -> Term:
    return Term(**{unit: count})


def rendered(count: int, style: str) -> str:
    return {"digits": str(count), "separated": f"{count:,}"}.get(style) or in_words(
        count, " " if style == "spaced words" else "-"
    )


number_styles = st.sampled_from(["digits", "separated", "words", "spaced words"])
units = st.sampled_from(UNITS)
word_counts = st.integers(min_value=1, max_value=99)


@given(count=st.integers(min_value=0, max_value=10**9), unit=units)
def test_digits_of_any_whole_number_of_units_read_back(count, unit):
    expected = StatedTerm(term=unit_term(count, unit))
    assert (expected, expected) == (
        parse_term(f"{count} {unit}"),
        parse_term(f"{count:,} {unit}"),
    )


@given(count=word_counts, unit=units, style=number_styles, singular=st.booleans())
def test_every_rendering_of_one_to_ninety_nine_units_reads_back(count, unit, style, singular):
    written = f"{rendered(count, style)} {unit[:-1] if singular else unit}"
    assert StatedTerm(term=unit_term(count, unit)) == parse_term(written)


@given(count=word_counts, unit=units, style=number_styles)
def test_the_hyphenated_adjective_reads_as_the_term(count, unit, style):
    assert StatedTerm(term=unit_term(count, unit)) == parse_term(
        f"{rendered(count, style)}-{unit[:-1]}"
    )


@given(count=word_counts, unit=units, style=number_styles, case=st.sampled_from(["upper", "title"]))
def test_case_and_spacing_do_not_change_the_reading(count, unit, style, case):
    written = f"up to {rendered(count, style)} {unit}"
    changed = "  " + getattr(written, case)().replace(" ", " \t ") + " \n"
    assert parse_term(written) == parse_term(changed)


@given(count=word_counts, unit=units, style=number_styles)
def test_up_to_states_a_maximum_equal_to_the_term(count, unit, style):
    written = f"{rendered(count, style)} {unit}"
    stated = parse_term(written)
    assert StatedTerm(term=stated.term, is_maximum=True) == parse_term(f"up to {written}")


@given(
    low=st.integers(min_value=0, max_value=10**6),
    high=st.integers(min_value=0, max_value=10**6),
    unit=units,
    joint=st.sampled_from([" to ", "-", " – ", "–"]),
)
def test_a_range_reads_in_order_and_is_refused_out_of_order(low, high, unit, joint):
    text = f"{low}{joint}{high} {unit}"
    if low <= high:
        expected = StatedTerm(term=span(unit_term(low, unit), unit_term(high, unit)))
        assert expected == parse_term(text)
    else:
        with pytest.raises(ParseError) as raised:
            parse_term(text)
        assert text == raised.value.text


@given(low=word_counts, extra=st.integers(min_value=1, max_value=50), unit=units)
def test_rising_to_a_longer_term_is_the_aggravated_maximum(low, extra, unit):
    high = low + extra
    expected = StatedTerm(
        term=unit_term(low, unit), is_maximum=True, aggravated_maximum=unit_term(high, unit)
    )
    assert (expected, expected) == (
        parse_term(f"up to {in_words(low)} {unit} – rising to {high} {unit}"),
        parse_term(f"up to {low} {unit}, rising to {high}"),
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("three years and six months", StatedTerm(term=Term(years=3, months=6))),
        ("one year and six months", StatedTerm(term=Term(years=1, months=6))),
        ("a year and six months", StatedTerm(term=Term(years=1, months=6))),
        ("two years, six months and ten days", StatedTerm(term=Term(years=2, months=6, days=10))),
        ("one month and 15 days", StatedTerm(term=Term(months=1, days=15))),
        (
            "up to three years and six months",
            StatedTerm(term=Term(years=3, months=6), is_maximum=True),
        ),
    ],
)
def test_descending_units_joined_by_and_are_one_term(text, expected):
    # Courts state sentences so: "three years and six months" is one term of 3 years 6
    # months.  Same-unit pairs stay two terms, as in L293 of the source texts: "the
    # authorities convicted and sentenced three Mother Nature activists to 18 and 20 months
    # in prison".
    assert expected == parse_term(text)
    assert StatedTerm(term=span(months(18), months(20)), separate_terms=True) == parse_term(
        "18 and 20 months"
    )


@given(
    counts=st.tuples(*(st.integers(min_value=0, max_value=99) for _ in UNITS)),
    style=number_styles,
)
def test_every_descending_compound_of_units_reads_as_one_term(counts, style):
    named = [(count, unit) for count, unit in zip(counts, UNITS, strict=True) if count]
    if len(named) < 2:
        return
    parts = [f"{rendered(count, style)} {unit}" for count, unit in named]
    written = ", ".join(parts[:-1]) + " and " + parts[-1]
    expected = Term(**{unit: count for count, unit in named})
    assert StatedTerm(term=expected) == parse_term(written)
    ascending = " and ".join(reversed(parts[-2:]))
    with pytest.raises(ParseError):
        parse_term(ascending)


@given(st.text(max_size=40) | st.sampled_from([phrase for _, phrase, _ in PUBLISHED_TERMS]))
def test_any_text_is_read_or_refused_with_itself_as_the_text(text):
    try:
        assert isinstance(parse_term(text), StatedTerm)
    except ParseError as error:
        assert text == error.text


# -- StatedTerm's own rules ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"term": "P18M"}, "term"),
        ({"term": years(1), "is_maximum": 1}, "is_maximum"),
        ({"term": span(years(1), years(2)), "is_maximum": True}, "is_maximum"),
        ({"term": years(1), "separate_terms": True}, "separate_terms"),
        ({"term": years(5), "aggravated_maximum": years(10)}, "aggravated_maximum"),
        (
            {"term": years(5), "is_maximum": True, "aggravated_maximum": years(5)},
            "aggravated_maximum",
        ),
        ({"term": LIFE, "is_maximum": True, "aggravated_maximum": LIFE}, "aggravated_maximum"),
        (
            {"term": Term(days=30), "is_maximum": True, "aggravated_maximum": months(1)},
            "aggravated_maximum",
        ),
        (
            {"term": years(5), "is_maximum": True, "aggravated_maximum": "P10Y"},
            "aggravated_maximum",
        ),
    ],
)
def test_stated_term_refuses_what_states_nothing_clear(fields, field):
    with pytest.raises(FieldValueError) as raised:
        StatedTerm(**fields)
    assert field == raised.value.field


# -- Money: every amount in the source -----------------------------------------------------------


def khr(amount: int | str) -> Money:
    return Money(amount, "KHR")


def usd(amount: int | str) -> Money:
    return Money(amount, "USD")


PUBLISHED_AMOUNTS = [
    (
        "prison sentences of up to five years ... and fines of up to 5,000,000 riels (about "
        "$1,250 USD).",
        "5,000,000 riels (about $1,250 USD)",
        ReportedAmount(amount=khr(5_000_000), equivalent=usd(1_250), approximate=True),
    ),
    (
        "sentenced to two years imprisonment and ordered to pay 70 million riels ($17,200) in "
        "compensation",
        "70 million riels ($17,200)",
        ReportedAmount(amount=khr(70_000_000), equivalent=usd(17_200)),
    ),
    (
        "Thun Ratha was handed 20 months in jail and a fine of 4 million riel (USD 1,000).",
        "4 million riel (USD 1,000)",
        ReportedAmount(amount=khr(4_000_000), equivalent=usd(1_000)),
    ),
    (
        "were given 18 months and the same four million riel fine",
        "four million riel",
        ReportedAmount(amount=khr(4_000_000)),
    ),
    (
        "CPP lawyers have demanded two billion riels (USD 500,000) for compensation.",
        "two billion riels (USD 500,000)",
        ReportedAmount(amount=khr(2_000_000_000), equivalent=usd(500_000)),
    ),
]

# Amounts in the source that are not exact, each refused.
PUBLISHED_INEXACT_AMOUNTS = [
    (
        "a business worth a few hundred million dollars – was controlled by",
        "a few hundred million dollars",
    ),
    ("such as importing billions of dollars per year worth of garments", "billions of dollars"),
    ("and fines of up to 5,000,000 riels (about $1,250 USD)", "up to 5,000,000 riels"),
]


@pytest.mark.parametrize(("sentence", "phrase", "expected"), PUBLISHED_AMOUNTS)
def test_every_published_amount_is_read(sentence, phrase, expected):
    assert phrase in sentence
    actual = parse_money(phrase)
    assert expected == actual
    # Exact and in its simplest form: "4 million" is 4000000, not 4E+6.
    assert format(expected.amount.amount, "f") == str(actual.amount.amount)


@pytest.mark.parametrize(("sentence", "phrase"), PUBLISHED_INEXACT_AMOUNTS)
def test_published_inexact_amounts_are_refused(sentence, phrase):
    assert phrase in sentence
    with pytest.raises(ParseError) as raised:
        parse_money(phrase)
    assert phrase == raised.value.text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("4 million riels", ReportedAmount(amount=khr(4_000_000))),
        ("1.5 million riels", ReportedAmount(amount=khr(1_500_000))),
        ("1.2345678 million riels", ReportedAmount(amount=khr("1234567.8"))),
        ("a million riels", ReportedAmount(amount=khr(1_000_000))),
        ("twenty-five thousand riels", ReportedAmount(amount=khr(25_000))),
        ("KHR 4,000,000", ReportedAmount(amount=khr(4_000_000))),
        ("4,000,000 KHR", ReportedAmount(amount=khr(4_000_000))),
        ("US$500,000", ReportedAmount(amount=usd(500_000))),
        ("$ 1,250.50", ReportedAmount(amount=usd("1250.50"))),
        ("USD1,000", ReportedAmount(amount=usd(1_000))),
        ("500 US dollars", ReportedAmount(amount=usd(500))),
        ("five dollars", ReportedAmount(amount=usd(5))),
        ("€20", ReportedAmount(amount=Money(20, "EUR"))),
        ("20 euros", ReportedAmount(amount=Money(20, "EUR"))),
        ("300,000 baht", ReportedAmount(amount=Money(300_000, "THB"))),
        ("2 million MMK", ReportedAmount(amount=Money(2_000_000, "MMK"))),
        ("0.125 USD", ReportedAmount(amount=usd("0.125"))),
        ("1,250.500 USD", ReportedAmount(amount=usd("1250.500"))),
        ("about 4 million riels", ReportedAmount(amount=khr(4_000_000), approximate=True)),
        (
            "approximately 4 million riels (USD 1,000)",
            ReportedAmount(amount=khr(4_000_000), equivalent=usd(1_000), approximate=True),
        ),
        (
            "4 million riel (roughly US$1,000)",
            ReportedAmount(amount=khr(4_000_000), equivalent=usd(1_000), approximate=True),
        ),
        (
            "  4\u00a0million  Riels\n(usd 1,000) ",
            ReportedAmount(amount=khr(4_000_000), equivalent=usd(1_000)),
        ),
    ],
)
def test_other_amounts_are_read(text, expected):
    assert expected == parse_money(text)


@pytest.mark.parametrize(
    "text",
    [
        "4 riel (USD)",  # an equivalent without a number
        "about 4 million",  # no currency
        "4 million",
        "4,000,000",
        "riels",
        "",
        "(USD 1,000)",
        "4 million riel (USD 1,000",
        "4 million riel USD 1,000",
        "4 million riel (USD 1,000) fine",
        "4 million riel (4 million riel)",  # an equivalent in the same currency
        "0 riels (USD 1,000)",  # zero with an equivalent
        "$5 KHR",  # two currencies
        "1.250 USD",  # 1.25 or 1250?
        "1.250 million riels",
        "1,5 million riels",
        "5.000.000 riels",
        "4m riels",
        "4 millions riels",
        "4 million riel million",
        "some riels",
        "about a few hundred million dollars",
        "at least 4 million riels",
        "4 million top",  # TOP is a currency in capitals only
        "4 million ABC",  # not an ISO 4217 code
        "4 million the",
        "-4 riels",
        "4e6 riels",
        "4 million riels (USD 1,000) (EUR 900)",
        "4 million riels (about)",
    ],
)
def test_amounts_not_fully_understood_are_refused(text):
    with pytest.raises(ParseError) as raised:
        parse_money(text)
    assert text == raised.value.text


@pytest.mark.parametrize("value", [4_000_000, Decimal(4), None])
def test_an_amount_must_be_text(value):
    with pytest.raises(ParseError) as raised:
        parse_money(value)
    assert str(value) == raised.value.text


# -- Money: laws ---------------------------------------------------------------------------------

EUROPEAN_GROUPING = re.compile(r"[1-9][0-9]{0,2}\.[0-9]{3}")


@given(
    amount=cst.amounts(),
    template=st.sampled_from(["{} riels", "{} KHR", "USD {}", "${}", "US${} USD", "{} dollars"]),
)
def test_digits_with_separators_read_back_exactly_for_every_amount(amount, template):
    text = template.format(f"{amount:,f}")
    if EUROPEAN_GROUPING.fullmatch(f"{amount:,f}"):
        with pytest.raises(ParseError):
            parse_money(text)
        return
    actual = parse_money(text).amount.amount
    # Equal in value and in form: the places written are kept.
    assert amount.as_tuple() == actual.as_tuple()


@given(amount=cst.amounts())
def test_digits_without_separators_read_back(amount):
    if EUROPEAN_GROUPING.fullmatch(f"{amount:f}"):
        return
    assert amount == parse_money(f"{amount:f} riels").amount.amount


@given(
    count=st.integers(min_value=1, max_value=999_999),
    multiplier=st.sampled_from([("thousand", 10**3), ("million", 10**6), ("billion", 10**9)]),
    words=st.booleans(),
)
def test_a_multiplier_multiplies_exactly(count, multiplier, words):
    if words:
        count = count % 99 + 1
    written = in_words(count) if words else f"{count:,}"
    word, factor = multiplier
    expected = ReportedAmount(amount=khr(count * factor))
    actual = parse_money(f"{written} {word} riels")
    assert expected == actual
    assert str(count * factor) == str(actual.amount.amount)


@given(
    units=st.integers(min_value=1, max_value=10**9),
    places=st.integers(min_value=1, max_value=9),
)
def test_a_decimal_times_a_multiplier_is_exact(units, places):
    number = Decimal(units).scaleb(-places)
    written = f"{number:f}"
    if EUROPEAN_GROUPING.fullmatch(written):
        return
    assert number * 10**6 == parse_money(f"{written} million riels").amount.amount


def write_reported(reported: ReportedAmount) -> str:
    about = "about " if reported.approximate else ""
    amount = reported.amount
    text = f"{about}{amount.amount:,f} {amount.currency}"
    if reported.equivalent is not None:
        text += f" ({reported.equivalent.currency} {reported.equivalent.amount:,f})"
    return text


@given(cst.reported_amounts().filter(lambda reported: reported.approximate is not False))
def test_a_reported_amount_written_with_codes_reads_back(reported):
    text = write_reported(reported)
    figures = [f"{reported.amount.amount:,f}"]
    if reported.equivalent is not None:
        figures.append(f"{reported.equivalent.amount:,f}")
    if any(EUROPEAN_GROUPING.fullmatch(figure) for figure in figures):
        with pytest.raises(ParseError):
            parse_money(text)
    else:
        assert reported == parse_money(text)


@given(st.text(max_size=40) | st.sampled_from([phrase for _, phrase, _ in PUBLISHED_AMOUNTS]))
def test_any_text_is_an_amount_or_refused_with_itself_as_the_text(text):
    try:
        assert isinstance(parse_money(text), ReportedAmount)
    except ParseError as error:
        assert text == error.text


# -- Ratings: every rating phrase in the source --------------------------------------------------

PUBLISHED_RATINGS = [
    (
        "The country is rated as closed on the CIVICUS monitor, representing its total",
        "rated as closed on the CIVICUS monitor",
        CivicusRating.CLOSED,
    ),
    ("Saudi Arabi, also rated as closed, remains", "also rated as closed", CivicusRating.CLOSED),
    (
        "Cameroon, rated as ‘repressed’ in CIVICUS’s Monitor, continues",
        "rated as ‘repressed’ in CIVICUS’s Monitor",
        CivicusRating.REPRESSED,
    ),
    (
        "Burundi is rates as ‘closed’ in CIVICUS’s Monitor, reflecting",
        "is rates as ‘closed’ in CIVICUS’s Monitor",
        CivicusRating.CLOSED,
    ),
    (
        "the country is rated as ‘repressed’ in CIVICUS’s monitor – and this Session",
        "is rated as ‘repressed’ in CIVICUS’s monitor",
        CivicusRating.REPRESSED,
    ),
    (
        "crisis in Nicaragua, which the CIVICUS Monitor rates as ‘repressed’.",
        "which the CIVICUS Monitor rates as ‘repressed’",
        CivicusRating.REPRESSED,
    ),
    (
        "The Philippines (Civic space rating:Obstructed)",
        "Civic space rating:Obstructed",
        CivicusRating.OBSTRUCTED,
    ),
    ("Burundi (Civic space rating:Closed)", "Civic space rating:Closed", CivicusRating.CLOSED),
    (
        "Cambodia (Civic space rating:Repressed)",
        "Civic space rating:Repressed",
        CivicusRating.REPRESSED,
    ),
    (
        "Saudi Arabia (Civic space rating: Closed)",
        "Civic space rating: Closed",
        CivicusRating.CLOSED,
    ),
    ("China (Civic space rating:Closed)", "Civic space rating:Closed", CivicusRating.CLOSED),
    (
        "fundamental freedoms in half of ASEAN Member States are rated as ‘repressed’.",
        "are rated as ‘repressed’",
        CivicusRating.REPRESSED,
    ),
    (
        "Civic space in Cambodia is rated as repressed by the CIVICUS Monitor.",
        "rated as repressed by the CIVICUS Monitor",
        CivicusRating.REPRESSED,
    ),
    (
        'Civic space in Cambodia is rated as "Repressed" by the CIVICUS Monitor',
        'rated as "Repressed" by the CIVICUS Monitor',
        CivicusRating.REPRESSED,
    ),
    (
        "Civic space in Cambodia is rated ‘repressed’ by theCIVICUS Monitor.",
        "rated ‘repressed’ by theCIVICUS Monitor",
        CivicusRating.REPRESSED,
    ),
    (
        "Civic space inCambodiais rated ‘repressed’ by theCIVICUS Monitor.",
        "is rated ‘repressed’ by theCIVICUS Monitor",
        CivicusRating.REPRESSED,
    ),
    (
        "Civic space in Cambodia is rated as ‘repressed’ by the CIVICUS Monitor.",
        "is rated as ‘repressed’ by the CIVICUS Monitor",
        CivicusRating.REPRESSED,
    ),
    (
        "Civic space in Cambodia is rated as Repressed by the CIVICUS Monitor",
        "rated as Repressed by the CIVICUS Monitor",
        CivicusRating.REPRESSED,
    ),
    (
        "is rated as ‘repressed’ by the CIVICUS Monitor.",
        "rated as ‘repressed’",
        CivicusRating.REPRESSED,
    ),
]


@pytest.mark.parametrize(("sentence", "phrase", "expected"), PUBLISHED_RATINGS)
def test_every_published_rating_phrase_is_read(sentence, phrase, expected):
    assert phrase in sentence
    assert expected == parse_rating_phrase(phrase)


@pytest.mark.parametrize(
    "text",
    [
        "now has a mostly closed civic space",  # from the source: not a rating phrase
        "mostly closed",
        "rated as mostly closed",
        "rated as ‘repressed’ by Freedom House",  # another monitor
        "rated as Not Free",
        "rated as represed",
        "rated as ‘repressed’’",
        "rated as ‘repressed",
        "rated as ‘repressed or closed’",
        "rated as",
        "repressed",  # the word alone: use CivicusRating.parse
        "Civic space rating:",
        "Civic space ratings from the CIVICUS Monitor",
        "rated as ‘repressed’.",
        "",
    ],
)
def test_rating_phrases_not_fully_understood_are_refused(text):
    with pytest.raises(ParseError) as raised:
        parse_rating_phrase(text)
    assert text == raised.value.text


def test_a_misspelt_rating_is_refused_with_suggestions():
    with pytest.raises(ParseError) as raised:
        parse_rating_phrase("rated as ‘represed’ by the CIVICUS Monitor")
    assert ("repressed",) == raised.value.suggestions


def test_a_rating_phrase_must_be_text():
    with pytest.raises(ParseError) as raised:
        parse_rating_phrase(None)
    assert "None" == raised.value.text


QUOTES = [("", ""), ("‘", "’"), ("'", "'"), ('"', '"'), ("“", "”")]
TEMPLATES = [
    "rated as {}",
    "is also rated {}",
    "rates as {} on the CIVICUS Monitor",
    "were rated as {} in CIVICUS's Monitor",
    "the CIVICUS Monitor rates as {}",
    "Civic space rating: {}",
]


@given(
    rating=st.sampled_from(CivicusRating),
    quotes=st.sampled_from(QUOTES),
    template=st.sampled_from(TEMPLATES),
    case=st.sampled_from(["lower", "upper", "title"]),
)
def test_every_rating_in_every_form_reads_back(rating, quotes, template, case):
    word = getattr(rating.value, case)()
    assert rating == parse_rating_phrase(template.format(quotes[0] + word + quotes[1]))


@given(st.text(max_size=40) | st.sampled_from([phrase for _, phrase, _ in PUBLISHED_RATINGS]))
def test_any_text_is_a_rating_or_refused_with_itself_as_the_text(text):
    try:
        assert isinstance(parse_rating_phrase(text), CivicusRating)
    except ParseError as error:
        assert text == error.text


def test_the_readers_are_public():
    assert {"StatedTerm", "parse_money", "parse_rating_phrase", "parse_term"} <= set(
        civicspace.readers.__all__
    )
