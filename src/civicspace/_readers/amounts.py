"""Reading amounts as prose reports them: "4 million riel (USD 1,000)".

:func:`parse_money` turns such a phrase into a
:class:`~civicspace.sentences.ReportedAmount`; the rules it shares with the other
readers are in :mod:`.numbers`.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Final

from .._model.money import Money, ReportedAmount, is_currency_code
from .._util.patterns import LazyPattern
from ..errors import FieldValueError
from .numbers import (
    _DECIMAL_NUMBER,
    _EUROPEAN_GROUPING,
    _FLAGS,
    _INEXACT,
    _decimal,
    _normalise,
    _refuse,
)

__all__ = ["parse_money"]

# -- Money -----------------------------------------------------------------------------------------

#: Currency names and symbols read, in any case, and their ISO 4217 codes.
_CURRENCY_WORDS: Final = {
    "riel": "KHR",
    "riels": "KHR",
    "dollar": "USD",
    "dollars": "USD",
    "us dollar": "USD",
    "us dollars": "USD",
    "$": "USD",
    "us$": "USD",
    "euro": "EUR",
    "euros": "EUR",
    "€": "EUR",
    "baht": "THB",
}
_MULTIPLIERS: Final = {"thousand": 3, "million": 6, "billion": 9}
_QUALIFIER: Final = r"(?:about|approximately|approx\.|around|roughly)"
_PREFIX: Final = r"(?:US\$|\$|€|[A-Za-z]{3})"
_SUFFIX: Final = r"(?:US dollars?|dollars?|riels?|euros?|baht|[A-Za-z]{3})"
_MONEY: Final = LazyPattern(
    rf"(?:(?P<pre>{_PREFIX}) ?)?(?P<n>{_DECIMAL_NUMBER})"
    rf"(?: (?P<mult>{'|'.join(_MULTIPLIERS)}))?(?: (?P<post>{_SUFFIX}))?",
    _FLAGS,
)
_REPORTED: Final = LazyPattern(
    rf"(?:(?P<q1>{_QUALIFIER}) )?(?P<main>[^()]+?)"
    rf"(?: \((?:(?P<q2>{_QUALIFIER}) )?(?P<equivalent>[^()]+)\))?",
    _FLAGS,
)


def _currency(mark: str | None) -> str | None:
    if mark is None:
        return None
    known = _CURRENCY_WORDS.get(mark.casefold())
    if known is not None:
        return known
    upper = mark.upper()
    if upper in {"KHR", "USD", "EUR", "THB"} or (mark.isupper() and is_currency_code(mark)):
        return upper
    raise ValueError(f"{mark!r} is not a currency the reader knows")


def _scaled(number: str, multiplier: str | None) -> Decimal:
    value = _decimal(number)
    if multiplier is None:
        return value
    sign, digits, exponent = value.as_tuple()
    assert isinstance(exponent, int)
    scaled = Decimal((sign, digits, exponent + _MULTIPLIERS[multiplier.casefold()]))
    return Decimal(int(scaled)) if scaled == scaled.to_integral_value() else scaled


def _read_money(phrase: str) -> Money:
    match = _MONEY.fullmatch(phrase)
    if match is None:
        raise ValueError(f"{phrase!r} is not an amount with its currency, such as '4 million riel'")
    number = match["n"]
    if _EUROPEAN_GROUPING.fullmatch(number):
        raise ValueError(
            f"{number!r} is ambiguous: a point before three digits is 1.25 in English "
            "and 1250 in much of Europe"
        )
    before, after = _currency(match["pre"]), _currency(match["post"])
    if before is None and after is None:
        raise ValueError(f"{phrase!r} names no currency")
    if before is not None and after is not None and before != after:
        raise ValueError(f"{phrase!r} names two currencies, {before} and {after}")
    currency = before or after
    assert currency is not None
    return Money(amount=_scaled(number, match["mult"]), currency=currency)


def parse_money(text: str) -> ReportedAmount:
    """Read an amount as prose reports it: ``"4 million riel (USD 1,000)"``.

    The phrase is an amount, optionally followed by its equivalent in
    another currency in parentheses; "about", "approximately", "approx.",
    "around" or "roughly" before either marks the figures approximate
    (``approximate=True``; otherwise ``None``).  An amount is:

    - a number: digits with an optional decimal part ("5,000,000",
      "1,250.50") or a number word ("four", "a"); a point followed by
      exactly three digits after one to three digits ("1.250") is refused,
      as it is 1250 in much of Europe;
    - optionally ``thousand``, ``million`` or ``billion``, exactly: "1.5
      million" is 1500000;
    - its currency, before or after the number, exactly once (a symbol
      before and the same code after, "$1,250 USD", is read too):
      riel/riels → KHR, dollar(s)/US dollar(s)/``$``/``US$`` → USD (as
      Cambodian sources use them), euro(s)/``€`` → EUR, baht → THB, or
      any ISO 4217 code in capitals ("USD", "KHR", "MMK").

    Amounts are exact :class:`~decimal.Decimal` values: "4 million" is
    ``Decimal(4000000)``.

    Raises:
        ParseError: for anything else, with :attr:`~ParseError.text` the text
            as given: no currency ("about 4 million"), no number ("4 riel
            (USD)"), a qualifier other than the above ("up to 5,000,000
            riels", "a few hundred million dollars"), an equivalent in the
            same currency, or a zero amount with an equivalent.

    """
    if not isinstance(text, str):
        raise _refuse(
            text, f"an amount is text such as '4 million riel', not {type(text).__name__}"
        )
    phrase = _normalise(text)
    match = _REPORTED.fullmatch(phrase)
    if match is None:
        raise _refuse(text, f"{text!r} is not an amount, optionally with an equivalent in (...)")
    try:
        amount = _read_money(match["main"])
        equivalent = None if match["equivalent"] is None else _read_money(match["equivalent"])
        approximate = True if (match["q1"] or match["q2"]) else None
        return ReportedAmount(amount=amount, equivalent=equivalent, approximate=approximate)
    except (ValueError, FieldValueError) as error:
        inexact = _INEXACT.search(phrase) or re.search(r"\bup to\b", phrase, _FLAGS)
        reason = (
            f"{inexact.group(0)!r} qualifies the figure, and the reader never guesses a number"
            if inexact is not None and not (match["q1"] or match["q2"])
            else str(error)
        )
        raise _refuse(text, f"{text!r} is not an amount the reader understands: {reason}") from None
