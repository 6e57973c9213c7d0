"""One cell's value, read as its column's type: the readings a person can rely on.

- A workbook's cells carry types; a CSV file's are all text.  A number typed
  as text in a workbook (Excel's green triangle) is an issue for a number
  column, as is a formula (never evaluated) and a merged cell.
- An amount may be text in either, as digits with an optional decimal point:
  Excel's numbers hold 15 digits, text holds them all.  A column with the
  ``money`` reader also takes prose ("4 million riel (USD 1,000)").
- A whole number in a text column reads as its digits (an article 494); a
  date cell in a date-as-given column reads as that day (``2020-09-03``).
  A date typed as ``03/09/2020`` is an issue: day and month cannot be told
  apart.
- A list cell is JSON (``["journalist"]``, as the export writes it) or items
  separated by ``;``.
- Text is kept as typed, but a space before or after an id, a key or an
  enumerated value is an issue.
"""

from __future__ import annotations

import datetime
import decimal
import json
import re
from typing import Any, Final

import pyarrow as pa  # type: ignore[import-untyped]

import civicspace
from civicspace.sentences import Life, Term, TermRange

from .._tables.layout import AMOUNT, SHARE, Column
from .._tables.write import ESCAPE
from .._util.echo import cut
from .cells import BadSerial, Formula, ShownDate, echo

__all__ = ["Bad", "Read", "number", "read_value", "with_places"]

# Bounded: int() of thousands of digits raises, and no column holds such a number.
_INTEGER: Final = re.compile(r"-?[0-9]{1,18}")
_DECIMAL: Final = re.compile(r"-?[0-9]{1,40}(?:\.[0-9]{1,40})?")
_FLOAT: Final = re.compile(r"-?[0-9]{1,40}(?:\.[0-9]{1,40})?(?:[eE][-+]?[0-9]{1,3})?")
_GROUPED: Final = re.compile(r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]{1,40})?")
#: An amount as the schema writes it: kept as typed ("4.80" stays "4.80").
_AMOUNT: Final = re.compile(r"(?:0|[1-9][0-9]{0,39})(?:\.[0-9]{1,40})?")

_ISO_DATE: Final = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_LOCALE_DATE: Final = re.compile(r"[0-9]{1,2}[/.\-][0-9]{1,2}[/.\-][0-9]{2,4}")
_ISO_TERM: Final = re.compile(r"(?:P[0-9YMD]+|life)(?:/P[0-9YMD]+)?")


class Bad(Exception):
    """A cell that cannot be read as its column's type: an issue code and a message."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


class Read:
    """A value read from prose: the JSON value and where it goes (``field`` replaced)."""

    def __init__(self, field: str, value: Any) -> None:
        self.field = field
        self.value = value
        self.text = ""


def _decimal_text(value: decimal.Decimal) -> str:
    text = format(value.normalize(), "f")
    return "0" if text in ("-0", "") else text


def number(value: float) -> int | float:
    """A JSON number as JSON writes it: a whole number as an int (12, not 12.0)."""
    if value.is_integer() and abs(value) < 2**53:
        return int(value)
    return value


def with_places(amount: str, places: int) -> str:
    """``amount`` written with ``places`` decimal places, when that keeps its value.

    The tables hold amounts as decimals, which forget how they were written;
    their ``_places`` column says it: ``with_places("4000000", 2)`` is
    ``"4000000.00"``.  An amount whose value would change is left as it is.
    """
    if not 0 <= places <= 40:
        return amount
    try:
        value = decimal.Decimal(amount)
        placed = value.quantize(decimal.Decimal(1).scaleb(-places))
    except decimal.InvalidOperation:
        return amount
    return format(placed, "f") if placed == value else amount


def _term_json(term: Term | TermRange | Life) -> Any:
    if isinstance(term, TermRange):
        return {"minimum": str(term.minimum), "maximum": str(term.maximum)}
    return str(term)


def _text(value: Any, *, strict_spaces: bool) -> str:
    if isinstance(value, bool):
        raise Bad("sheet.wrong_type", f"{value} is not text; type the text")
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value.is_integer():
            return str(int(value))
        raise Bad("sheet.wrong_type", f"the number {value} in a text column; type it as text")
    if isinstance(value, datetime.datetime | datetime.date):
        raise Bad("sheet.wrong_type", "a date cell in a text column; type the text")
    text = str(value)
    if strict_spaces and text != text.strip():
        raise Bad(
            "sheet.whitespace",
            f"{echo(text)} has a space before or after it, which an id or a code never has",
        )
    return text


def _day(value: Any, column: str) -> str:
    if isinstance(value, datetime.datetime):
        if value.time() != datetime.time():
            raise Bad("sheet.wrong_type", f"{value} has a time of day; {column} takes a date")
        return value.date().isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    raise Bad("sheet.wrong_type", f"{echo(value)} is not a date")


def _shown_date(column: Column, value: ShownDate, *, is_date: bool) -> Read:
    """A date cell showing a month or a year: read as what it shows, and said so."""
    if is_date and column.field is not None:
        read = Read(column.field, value.text())
        read.text = f"{value.date.isoformat()}, a date cell formatted {cut(value.format)}"
        return read
    if column.type == pa.date32():
        raise Bad(
            "sheet.month_date",
            f"the cell shows only a {value.shown} (its format is {echo(value.format)}), but "
            f"{column.name} takes a day: type the day as YYYY-MM-DD",
        )
    raise Bad("sheet.wrong_type", f"a date cell in the column {column.name}; type its value")


def _locale(text: str, column: str) -> None:
    if _LOCALE_DATE.fullmatch(text.strip()):
        raise Bad(
            "sheet.locale_date",
            f"{echo(text)} may be day/month or month/day; type {column} as YYYY-MM-DD "
            "(or YYYY-MM, YYYY when that is all that is known)",
        )


def _number_text(text: str, kind: str) -> Bad:
    return Bad(
        "sheet.number_as_text",
        f"{echo(text)} is a number stored as text; make it a {kind} cell "
        "(Excel: Convert to Number)",
    )


def read_value(column: Column, value: Any, *, typed: bool, is_date: bool, key: bool) -> Any:
    """The JSON value of a non-empty cell of ``column``; a :class:`Read` for prose read.

    ``is_date`` says the column is a date as given (YYYY, YYYY-MM or
    YYYY-MM-DD); ``key`` that spaces around the value are an issue.

    Raises:
        Bad: when the cell cannot be read as the column's type.

    """
    if not typed and isinstance(value, str) and value.startswith(ESCAPE):
        value = value[1:]  # the CSV export's escape of a formula start, or of a quote
    if isinstance(value, Formula):
        raise Bad(
            "sheet.formula",
            f"the formula {echo(value.text)} is not evaluated; paste its value instead",
        )
    if isinstance(value, BadSerial):
        raise Bad(
            "sheet.bad_date",
            f"the number {value.serial} in a date cell is no date Excel has (1900-01-01 to "
            f"9999-12-31); type the date as YYYY-MM-DD",
        )
    if isinstance(value, ShownDate):
        return _shown_date(column, value, is_date=is_date)
    kind = column.type
    if column.reader == "term" and isinstance(value, str):
        return _term(column, value)
    if kind == pa.string() or pa.types.is_dictionary(kind):
        if is_date:
            if isinstance(value, datetime.date):
                return _day(value, column.name)
            text = _text(value, strict_spaces=True)
            _locale(text, column.name)
            return text
        if column.name.endswith("_currency"):
            _currency(column, value)
        return _text(value, strict_spaces=key or pa.types.is_dictionary(kind))
    if kind == pa.int64():
        if isinstance(value, bool):
            raise Bad("sheet.wrong_type", f"{value} is not a whole number")
        if isinstance(value, int):
            return value
        if isinstance(value, float) and value.is_integer():
            return int(value)
        if isinstance(value, str) and _INTEGER.fullmatch(value.strip()):
            if typed:
                raise _number_text(value, "number")
            return int(value)
        raise Bad("sheet.wrong_type", f"{echo(value)} is not a whole number")
    if kind == pa.float64():
        if isinstance(value, int | float) and not isinstance(value, bool):
            return number(float(value))
        if isinstance(value, str) and _FLOAT.fullmatch(value.strip()):
            if typed and float(f"{float(value):.15g}") == float(value):
                raise _number_text(value, "number")  # it fits in a number cell: make it one
            return number(float(value))
        raise Bad("sheet.wrong_type", f"{echo(value)} is not a number")
    if kind in (AMOUNT, SHARE):
        return _amount(column, value)
    if kind == pa.bool_():
        if isinstance(value, bool):
            return value
        if isinstance(value, str) and value.strip().lower() in ("true", "false"):
            return value.strip().lower() == "true"
        raise Bad("sheet.wrong_type", f"{echo(value)} is not TRUE or FALSE")
    if kind == pa.date32():
        if isinstance(value, datetime.date):
            return _day(value, column.name)
        if isinstance(value, str) and _ISO_DATE.fullmatch(value):
            return value
        if isinstance(value, str):
            _locale(value, column.name)
        raise Bad("sheet.wrong_type", f"{echo(value)} is not a date (YYYY-MM-DD)")
    if pa.types.is_list(kind):
        return _list(value)
    raise Bad("sheet.wrong_type", f"{echo(value)} cannot be read")  # pragma: no cover


def _amount(column: Column, value: Any) -> Any:
    if isinstance(value, bool):
        raise Bad("sheet.wrong_type", f"{value} is not an amount")
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return _decimal_text(decimal.Decimal(repr(value)))
    text = str(value)
    if _AMOUNT.fullmatch(text.strip()):
        return text.strip()
    if _DECIMAL.fullmatch(text.strip()):
        return _decimal_text(decimal.Decimal(text.strip()))
    currency = column.name.removesuffix("_amount") + "_currency"
    if _GROUPED.fullmatch(text.strip()):
        raise Bad(
            "sheet.wrong_type",
            f"{echo(text)} has thousands separators: type {text.strip().replace(',', '')} "
            f"(digits and a decimal point only), and its currency in {currency}",
        )
    if column.reader == "money" and column.field is not None:
        try:
            reported = civicspace.readers.parse_money(text)
        except civicspace.ParseError:
            raise Bad(
                "sheet.prose",
                f"{echo(text)} is not an amount civicspace reads: type digits and a decimal "
                f"point (4000000) with the currency in {currency}, or prose such as "
                "'4 million riel (USD 1,000)'",
            ) from None
        base = column.field.removesuffix(".amount.amount")
        return Read(base, civicspace.dump(reported))
    raise Bad(
        "sheet.wrong_type",
        f"{echo(text)} is not an amount: type digits and a decimal point (4000000), and the "
        f"currency in {currency}",
    )


def currency_hint(text: str) -> str | None:
    """The ISO 4217 code a currency's name means (``Riel`` → ``KHR``); ``None`` if none."""
    import pycountry

    word = text.strip().casefold()
    if not word or len(word) > 60:
        return None
    try:
        return civicspace.readers.parse_money(f"1 {word}").amount.currency
    except (civicspace.ParseError, AttributeError):
        pass
    found = [
        currency.alpha_3
        for currency in pycountry.currencies
        if word == currency.name.casefold() or word in currency.name.casefold().split()
    ]
    return found[0] if len(found) == 1 else None


def _currency(column: Column, value: Any) -> None:
    """An issue for a currency cell holding a currency's name rather than its ISO 4217 code."""
    if not isinstance(value, str) or (len(value) == 3 and value.isupper()):
        return
    code = currency_hint(value)
    hint = f"; did you mean {code!r}?" if code else ""
    raise Bad(
        "sheet.wrong_type",
        f"{echo(value)} is not an ISO 4217 currency code (KHR, USD, ...){hint}",
    )


def _term(column: Column, text: str) -> Any:
    if _ISO_TERM.fullmatch(text):
        low, _, high = text.partition("/")
        return {"minimum": low, "maximum": high} if high else low
    if text != text.strip():
        raise Bad("sheet.whitespace", f"{echo(text)} has a space before or after it")
    try:
        stated = civicspace.readers.parse_term(text)
    except civicspace.ParseError as error:
        raise Bad(
            "sheet.prose",
            f"{echo(text)} is not a term civicspace reads: {cut(str(error), 300)}",
        ) from None
    if stated.aggravated_maximum is not None or stated.separate_terms:
        raise Bad("sheet.prose", f"{echo(text)} states more than one term; give one per row")
    if stated.is_maximum and column.name != "maximum_term":
        raise Bad("sheet.prose", f"{echo(text)} states a maximum, not a term")
    return Read(column.field or column.name, _term_json(stated.term))


def _list(value: Any) -> list[str]:
    if not isinstance(value, str):
        return [_text(value, strict_spaces=False)]
    text = value.strip()
    if text.startswith("["):
        try:
            items = json.loads(text)
        except ValueError:
            raise Bad("sheet.wrong_type", f"{echo(value)} is not a JSON list of texts") from None
        if not isinstance(items, list) or not all(isinstance(item, str) for item in items):
            raise Bad("sheet.wrong_type", f"{echo(value)} is not a JSON list of texts")
        return items
    return [item.strip() for item in value.split(";")]
