"""Money: exact decimal amounts in ISO 4217 currencies, as fines and compensation are reported.

Amounts are :class:`~decimal.Decimal`, never floats, and arithmetic is exact.
Amounts in different currencies are never added or compared: published
equivalents ("4 million riel (USD 1,000)") are kept beside the amount in a
:class:`ReportedAmount`, not used for conversion.
"""

from __future__ import annotations

import decimal
import functools
import re
from collections.abc import Iterable
from decimal import Decimal
from typing import Any, Final

import attrs

from .._util.patterns import LazyPattern
from ..errors import CurrencyMismatchError, FieldValueError, MoneyError
from .common import check_optional_bool

__all__ = [
    "CurrencyMismatchError",
    "Money",
    "MoneyError",
    "ReportedAmount",
    "total_by_currency",
]

_CURRENCY_CODE = LazyPattern(r"[A-Z]{3}", re.ASCII)
#: The decimal text an amount is written in: digits and one optional point.
DECIMAL_TEXT = LazyPattern(r"(?:0|[1-9][0-9]*)(?:\.[0-9]+)?", re.ASCII)
_RATE_PRECISION: Final = 50


@functools.lru_cache(maxsize=512)
def is_currency_code(code: str) -> bool:
    import pycountry

    return pycountry.currencies.get(alpha_3=code) is not None


def _to_decimal(value: Decimal | int | str) -> Decimal:
    if isinstance(value, (bool, float)):
        raise FieldValueError(
            f"an amount must be a Decimal, an int or a decimal string, not {type(value).__name__} "
            f"{value!r} (floats cannot hold most decimal amounts exactly)",
            field="amount",
        )
    if isinstance(value, int):
        amount = Decimal(value)
    elif isinstance(value, str):
        if DECIMAL_TEXT.fullmatch(value) is None:
            raise FieldValueError(
                f"{value[:40]!r} is not a decimal amount such as '4000000' or '1250.50' "
                "(digits and one optional point; no sign, exponent, spaces or separators)",
                field="amount",
            )
        amount = Decimal(value)
    elif isinstance(value, Decimal):
        amount = value
    else:
        raise FieldValueError(
            f"an amount must be a Decimal, an int or a decimal string, not {type(value).__name__}",
            field="amount",
        )
    if not amount.is_finite():
        raise FieldValueError(f"an amount must be a finite number, not {amount}", field="amount")
    if amount.is_signed():
        raise FieldValueError(f"an amount cannot be negative, not {amount}", field="amount")
    return amount


def _check_currency(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if (
        not isinstance(value, str)
        or _CURRENCY_CODE.fullmatch(value) is None
        or not is_currency_code(value)
    ):
        raise FieldValueError(
            f"{value!r} is not an ISO 4217 alphabetic currency code such as 'KHR' or 'USD'",
            field=attribute.name,
        )


def _exponent(amount: Decimal) -> int:
    exponent = amount.as_tuple().exponent
    assert isinstance(exponent, int)  # finite amounts only
    return exponent


def _exact_sum(left: Decimal, right: Decimal) -> Decimal:
    """``left + right`` with enough precision that nothing is rounded."""
    with decimal.localcontext() as context:
        digits = max(left.adjusted(), right.adjusted()) - min(_exponent(left), _exponent(right))
        context.prec = max(digits + 2, 1)
        context.Emax, context.Emin = decimal.MAX_EMAX, decimal.MIN_EMIN
        context.traps[decimal.Inexact] = True
        return left + right


@attrs.frozen(order=False)
class Money:
    """An exact, non-negative amount in one currency: a fine, compensation, a bail sum.

    ``Money(4000000, "KHR")`` and ``Money(amount=4000000, currency="KHR")``
    are the same; the JSON form is ``{"amount": "4000000", "currency": "KHR"}``.

    ``amount`` accepts a :class:`~decimal.Decimal`, an ``int`` or a decimal
    string (``"4000000"``, ``"1250.50"``); floats and bools are refused, and
    so are NaN, infinities and negative amounts (including ``-0``).  The
    amount is kept as given, so ``Money(amount="1000.00", ...)`` keeps its
    two places; write it out with ``format(money.amount, "f")``, which never
    uses an exponent.  ``currency`` is an ISO 4217 alphabetic code.

    **Equality** is by value: ``1000`` and ``1000.00`` of one currency are
    equal and hash alike.  Amounts in different currencies are unequal.

    **Ordering and addition** only happen within one currency; across
    currencies they raise :class:`CurrencyMismatchError`.  Addition is
    exact, whatever the number of digits.

    Attributes:
        amount: The amount, in units of the currency (riel, dollars).
        currency: ISO 4217 alphabetic code, upper case: ``"KHR"``.

    """

    amount: Decimal = attrs.field(converter=_to_decimal)
    currency: str = attrs.field(validator=_check_currency)

    def __str__(self) -> str:
        """Amount and code, as in ``4000000 KHR``."""
        return f"{self.amount:f} {self.currency}"

    def _same_currency(self, other: Money, operation: str) -> None:
        if self.currency != other.currency:
            raise CurrencyMismatchError(operation, self.currency, other.currency)

    def __add__(self, other: Money) -> Money:
        """Exact sum of two amounts in one currency.

        Raises:
            CurrencyMismatchError: when the currencies differ.

        """
        if not isinstance(other, Money):
            return NotImplemented
        self._same_currency(other, "add")
        return Money(amount=_exact_sum(self.amount, other.amount), currency=self.currency)

    def __lt__(self, other: Money) -> bool:
        """Compare amounts of one currency; raises :class:`CurrencyMismatchError` otherwise."""
        if not isinstance(other, Money):
            return NotImplemented
        self._same_currency(other, "compare")
        return self.amount < other.amount

    def __le__(self, other: Money) -> bool:
        """Compare amounts of one currency; raises :class:`CurrencyMismatchError` otherwise."""
        if not isinstance(other, Money):
            return NotImplemented
        self._same_currency(other, "compare")
        return self.amount <= other.amount

    def __gt__(self, other: Money) -> bool:
        """Compare amounts of one currency; raises :class:`CurrencyMismatchError` otherwise."""
        if not isinstance(other, Money):
            return NotImplemented
        self._same_currency(other, "compare")
        return self.amount > other.amount

    def __ge__(self, other: Money) -> bool:
        """Compare amounts of one currency; raises :class:`CurrencyMismatchError` otherwise."""
        if not isinstance(other, Money):
            return NotImplemented
        self._same_currency(other, "compare")
        return self.amount >= other.amount


def _check_money(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, Money):
        raise FieldValueError(
            f"{attribute.name} must be Money, not {value!r}", field=attribute.name
        )


def _check_equivalent_is_a_conversion(
    instance: ReportedAmount, attribute: attrs.Attribute[Any], value: Money | None
) -> None:
    if value is None:
        return
    _check_money(instance, attribute, value)
    if value.currency == instance.amount.currency:
        raise FieldValueError(
            f"the equivalent {value} is in the same currency as the amount {instance.amount}; "
            "an equivalent states the amount in another currency",
            field=attribute.name,
        )
    if not (value.amount and instance.amount.amount):
        raise FieldValueError(
            f"an amount with an equivalent must be above zero on both sides, "
            f"not {instance.amount} ({value})",
            field=attribute.name,
        )


@attrs.frozen(kw_only=True)
class ReportedAmount:
    """An amount as a source reports it, with the equivalent it gives in another currency.

    "a fine of 4 million riel (USD 1,000)" is
    ``ReportedAmount(amount=Money(amount=4000000, currency="KHR"),
    equivalent=Money(amount=1000, currency="USD"))``;
    "fines of up to 5,000,000 riels (about $1,250 USD)" sets
    ``approximate=True``.  The equivalent is the source's own conversion,
    kept for the record; nothing in the library converts with it.  When given,
    it must be in another currency, and both amounts must be above zero.

    Attributes:
        amount: The amount as imposed or demanded, in the currency of the
            ruling or law.
        equivalent: The same amount in another currency, as the source gives
            it; ``None`` when it gives none.
        approximate: ``True`` when the source marks the figures as
            approximate ("about $1,250"), ``False`` when it stresses they
            are exact, ``None`` (the default, left out of JSON) when it says
            neither.  With an equivalent, the qualifier usually belongs to
            the conversion, so :attr:`implied_rate` is then approximate too.

    """

    amount: Money = attrs.field(validator=_check_money)
    equivalent: Money | None = attrs.field(
        default=None, validator=_check_equivalent_is_a_conversion
    )
    approximate: bool | None = attrs.field(default=None, validator=check_optional_bool)

    @property
    def implied_rate(self) -> Decimal | None:
        """Units of the amount's currency per unit of the equivalent's: 4000 for KHR per USD.

        ``amount / equivalent``, exact when the quotient has at most 50
        significant digits and rounded to 50 otherwise.  ``None`` without an
        equivalent.
        """
        if self.equivalent is None:
            return None
        with decimal.localcontext() as context:
            context.prec = _RATE_PRECISION
            context.Emax, context.Emin = decimal.MAX_EMAX, decimal.MIN_EMIN
            return self.amount.amount / self.equivalent.amount


def total_by_currency(amounts: Iterable[Money]) -> dict[str, Money]:
    """Add amounts exactly, one total per currency, with currency codes as keys in sorted order.

    An empty input gives an empty dict.  Amounts are never converted between
    currencies.

    Raises:
        MoneyError: when an item is not :class:`Money`.

    """
    totals: dict[str, Money] = {}
    for index, amount in enumerate(amounts):
        if not isinstance(amount, Money):
            raise MoneyError(f"item {index} is not Money but {type(amount).__name__}")
        previous = totals.get(amount.currency)
        totals[amount.currency] = amount if previous is None else previous + amount
    return {code: totals[code] for code in sorted(totals)}
