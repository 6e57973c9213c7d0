"""Money, reported amounts and totals per currency.

Phrases quoted in test ids and comments come from
/work/shared/sources/civicus-cambodia-articles.txt.
"""

# The project asserts `expected == actual`, which ruff calls a Yoda condition.

from __future__ import annotations

import decimal
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from civicspace._model.money import (
    CurrencyMismatchError,
    Money,
    MoneyError,
    ReportedAmount,
    total_by_currency,
)
from civicspace.errors import CivicspaceError, FieldValueError
from civicspace.strategies import amounts, currency_codes, money, reported_amounts


def khr(amount: int | str | Decimal) -> Money:
    return Money(amount=amount, currency="KHR")


def usd(amount: int | str | Decimal) -> Money:
    return Money(amount=amount, currency="USD")


# -- Money ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("amount", "printed"),
    [
        (4_000_000, "4000000 KHR"),
        ("4000000", "4000000 KHR"),
        (Decimal("4000000"), "4000000 KHR"),
        ("1250.50", "1250.50 KHR"),
        ("0", "0 KHR"),
        ("0.00", "0.00 KHR"),
        (Decimal("4E+6"), "4000000 KHR"),
        (Decimal("1E-7"), "0.0000001 KHR"),
    ],
)
def test_money_keeps_the_amount_as_given(amount: int | str | Decimal, printed: str) -> None:
    assert printed == str(khr(amount))


@pytest.mark.parametrize(
    "amount",
    [
        1000.0,
        True,
        "1e3",
        "-5",
        "+5",
        " 1000",
        "1000\n",
        "4,000,000",
        "1_000",
        "0012",
        ".5",
        "5.",
        "NaN",
        "",
        "\u0661\u0660\u0660\u0660",  # Arabic-Indic digits
        Decimal("NaN"),
        Decimal("sNaN"),
        Decimal("Infinity"),
        Decimal("-1"),
        Decimal("-0"),
        -1,
        None,
        [1000],
    ],
)
def test_money_rejects_bad_amounts(amount: object) -> None:
    with pytest.raises(FieldValueError) as info:
        Money(amount=amount, currency="KHR")  # type: ignore[arg-type]
    assert "amount" == info.value.field


def test_float_rejection_says_why() -> None:
    with pytest.raises(FieldValueError, match="floats cannot hold"):
        usd(17200.0)  # type: ignore[arg-type]


@pytest.mark.parametrize("code", ["khr", "KHR\n", " KHR", "XYZ", "RIEL", "KH", "", 840, None])
def test_money_rejects_bad_currencies(code: object) -> None:
    with pytest.raises(FieldValueError) as info:
        Money(amount=1, currency=code)  # type: ignore[arg-type]
    assert "currency" == info.value.field
    assert isinstance(info.value, CivicspaceError)


def test_equality_is_by_value_within_a_currency() -> None:
    assert usd("1000") == usd("1000.00")
    assert hash(usd("1000")) == hash(usd("1000.00"))
    assert 1 == len({usd("1000"), usd(1000), usd("1000.000")})
    assert "1000.00 USD" == str(usd("1000.00"))
    assert usd(1000) != khr(1000)


def test_addition_and_comparison_within_a_currency() -> None:
    assert usd("1250.50") == usd(1000) + usd("250.50")
    assert "1250.50 USD" == str(usd(1000) + usd("250.50"))
    assert usd(1000) < usd("1000.01")
    assert usd(1000) <= usd("1000.00")
    assert khr(5_000_000) > khr(4_000_000)
    assert khr(4_000_000) >= khr("4000000.0")


def test_currencies_never_mix() -> None:
    # "a fine of 4 million riel (USD 1,000)": the two figures are not addable.
    with pytest.raises(CurrencyMismatchError) as info:
        khr(4_000_000) + usd(1000)
    assert ("KHR", "USD") == info.value.currencies
    assert "KHR" in str(info.value)
    assert "USD" in str(info.value)
    for compare in (Money.__lt__, Money.__le__, Money.__gt__, Money.__ge__):
        with pytest.raises(CurrencyMismatchError):
            compare(usd(1), khr(4000))


def test_money_does_not_mix_with_numbers() -> None:
    with pytest.raises(TypeError):
        _ = usd(1) + 1  # type: ignore[operator]
    with pytest.raises(TypeError):
        _ = usd(1) < 2  # type: ignore[operator]
    assert usd(1) != Decimal(1)


@settings(max_examples=300)
@given(st.data(), currency_codes())
def test_addition_is_exact_associative_and_commutative(data: st.DataObject, code: str) -> None:
    # Up to 40 significant digits: beyond the default 28-digit decimal context.
    big = amounts(max_value=10**30, max_places=10)
    a, b, c = (Money(amount=data.draw(big), currency=code) for _ in range(3))
    assert Fraction(a.amount) + Fraction(b.amount) == Fraction((a + b).amount)
    assert (a + b) + c == a + (b + c)
    assert a + b == b + a
    assert a == a + Money(amount=0, currency=code)


@settings(max_examples=300)
@given(money(), money())
def test_mismatch_always_raises(a: Money, b: Money) -> None:
    if a.currency == b.currency:
        assert (a < b) == (a.amount < b.amount)
        return
    with pytest.raises(CurrencyMismatchError):
        a + b
    with pytest.raises(CurrencyMismatchError):
        _ = a < b
    assert a != b


# -- ReportedAmount -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("amount", "equivalent", "approximate", "rate"),
    [
        # "Thun Ratha was handed 20 months in jail and a fine of 4 million riel (USD 1,000)"
        (khr(4_000_000), usd(1000), None, Decimal(4000)),
        # "fines of up to 5,000,000 riels (about $1,250 USD)"
        (khr(5_000_000), usd(1250), True, Decimal(4000)),
        # "CPP lawyers have demanded two billion riels (USD 500,000) for compensation"
        (khr(2_000_000_000), usd(500_000), None, Decimal(4000)),
    ],
)
def test_implied_rate_from_the_source(
    amount: Money, equivalent: Money, approximate: bool | None, rate: Decimal
) -> None:
    reported = ReportedAmount(amount=amount, equivalent=equivalent, approximate=approximate)
    assert rate == reported.implied_rate
    assert approximate == reported.approximate


def test_implied_rate_that_does_not_divide_evenly() -> None:
    # "ordered to pay 70 million riels ($17,200) in compensation"
    reported = ReportedAmount(amount=khr(70_000_000), equivalent=usd(17_200))
    rate = reported.implied_rate
    assert rate is not None
    assert Decimal("4069.77") == rate.quantize(Decimal("0.01"))
    assert 50 == len(rate.as_tuple().digits)


def test_implied_rate_without_equivalent() -> None:
    assert None is ReportedAmount(amount=usd(1250), approximate=True).implied_rate


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"amount": khr(4_000_000), "equivalent": khr(4_000_000)}, "equivalent"),
        ({"amount": khr(4_000_000), "equivalent": usd(0)}, "equivalent"),
        ({"amount": khr(0), "equivalent": usd(1000)}, "equivalent"),
        ({"amount": khr(1), "equivalent": "USD 1,000"}, "equivalent"),
        ({"amount": "4 million riel"}, "amount"),
        ({"amount": khr(1), "approximate": "about"}, "approximate"),
        ({"amount": khr(1), "approximate": 1}, "approximate"),
    ],
)
def test_reported_amount_rejects(kwargs: dict[str, object], field: str) -> None:
    with pytest.raises(FieldValueError) as info:
        ReportedAmount(**kwargs)  # type: ignore[arg-type]
    assert field == info.value.field


@settings(max_examples=300)
@given(reported_amounts())
def test_implied_rate_times_equivalent_is_the_amount(reported: ReportedAmount) -> None:
    rate = reported.implied_rate
    if reported.equivalent is None:
        assert rate is None
        return
    assert rate is not None
    with decimal.localcontext() as context:
        context.prec = 200
        error = abs(rate * reported.equivalent.amount - reported.amount.amount)
        # the rate is rounded to 50 significant digits: relative error under 1e-49
        assert error <= reported.amount.amount * Decimal("1e-49")


# -- totals ---------------------------------------------------------------------------------------


def test_total_of_the_mother_nature_fines() -> None:
    # "Thun Ratha was handed 20 months in jail and a fine of 4 million riel (USD 1,000).
    # Alejandro Gonzalez-Davidson ... was tried in absentia and given the same sentence.
    # Keoreaksmey, Kunthea and Chea Kunthin ... were given 18 months and the same four
    # million riel fine."
    fines = [khr(4_000_000)] * 5
    assert {"KHR": khr(20_000_000)} == total_by_currency(fines)


def test_totals_keep_currencies_apart_and_sorted() -> None:
    # "ordered to pay 70 million riels ($17,200) in compensation"
    totals = total_by_currency([usd("17200"), khr(70_000_000), usd("0.50"), khr(4_000_000)])
    assert {"KHR": khr(74_000_000), "USD": usd("17200.50")} == totals
    assert ["KHR", "USD"] == list(totals)
    assert {} == total_by_currency([])
    with pytest.raises(MoneyError, match="item 1"):
        total_by_currency([usd(1), 1])  # type: ignore[list-item]


@settings(max_examples=300)
@given(st.lists(money(), max_size=12), st.data())
def test_totals_are_exact_and_order_free(items: list[Money], data: st.DataObject) -> None:
    totals = total_by_currency(items)
    expected: dict[str, Fraction] = {}
    for item in items:
        expected[item.currency] = expected.get(item.currency, Fraction(0)) + Fraction(item.amount)
    assert expected == {code: Fraction(total.amount) for code, total in totals.items()}
    assert all(code == total.currency for code, total in totals.items())
    assert totals == total_by_currency(data.draw(st.permutations(items)))
