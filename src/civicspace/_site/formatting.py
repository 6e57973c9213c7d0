"""How the charts and pages write values from the model: dates, terms, money, names, file names."""

from __future__ import annotations

import enum
import hashlib
import re
import textwrap
from typing import Any

import attrs

from ..common import PartialDate
from ..sentences import Life, Money, ReportedAmount, Term, TermRange

__all__ = [
    "FILE_NAME_MAX",
    "amount_text",
    "date_text",
    "file_name",
    "http_url",
    "more_text",
    "shorten",
    "term_text",
    "value_text",
    "wrap",
]

#: The longest file name :func:`file_name` gives, far below the 255 bytes file systems allow.
FILE_NAME_MAX = 120
_KEPT = 80  # the characters of a long id kept readable before its digest
#: The names Windows keeps for devices, whatever follows their first dot.
_DEVICES = frozenset(
    ["con", "prn", "aux", "nul"] + [f"{port}{n}" for port in ("com", "lpt") for n in range(10)]
)


_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
_HTTP = re.compile(r"https?://[^\s/?#]+(?:[/?#]\S*)?", re.ASCII)


def date_text(date: PartialDate | None) -> str:
    """``19 June 2020``, ``May 2021`` or ``2015``, to the precision known; ``undated`` for none."""
    if date is None:
        return "undated"
    if date.month is None:
        return f"{date.year}"
    month = _MONTHS[date.month - 1]
    if date.day is None:
        return f"{month} {date.year}"
    return f"{date.day} {month} {date.year}"


def _plural(count: int, unit: str) -> str:
    return f"{count} {unit}" + ("" if count == 1 else "s")


def term_text(term: Term | TermRange | Life | None) -> str:
    """``2 years 6 months``, ``18 months to 20 months``, ``life``; ``none`` for no term."""
    if term is None:
        return "none"
    if isinstance(term, Life):
        return "life"
    if isinstance(term, TermRange):
        return f"{term_text(term.minimum)} to {term_text(term.maximum)}"
    parts = [
        _plural(value, unit)
        for value, unit in ((term.years, "year"), (term.months, "month"), (term.days, "day"))
        if value
    ]
    return " ".join(parts) or "0 days"


def more_text(record: Any, shown: str) -> str:
    """What an attrs record holds beyond the members named in ``shown`` (space-separated).

    Each member that is set, in the record's order, as ``member: value``
    (``lashes: 1,000``; ``regime: strict regime colony``); a flag that is
    true as its name alone (``death``), so that a member added to the
    contract is shown with no change here.
    """
    skip = set(shown.split())
    parts = []
    for field in attrs.fields(type(record)):
        value = getattr(record, field.name)
        if field.name in skip or value is None or value is False or value == ():
            continue
        label = field.name.replace("_", " ")
        parts.append(label if value is True else f"{label}: {value_text(value)}")
    return "; ".join(parts)


def value_text(value: Any) -> str:
    """A member's value as text, whatever its type: ``strict regime colony``, ``10 years``.

    An enum as words, a term, an amount, a date, a list item by item, a
    record's values in turn (its texts quoted), a number with its thousands
    grouped.
    """
    if isinstance(value, enum.Enum):
        return str(value.value).replace("_", " ")
    if isinstance(value, (Term, TermRange, Life)):
        return term_text(value)
    if isinstance(value, ReportedAmount):
        return amount_text(value)
    if isinstance(value, PartialDate):
        return date_text(value)
    if isinstance(value, tuple):
        return ", ".join(value_text(item) for item in value)
    if attrs.has(type(value)):
        inner = [getattr(value, field.name) for field in attrs.fields(type(value))]
        return " ".join(
            value_text(item)
            if not isinstance(item, str) or isinstance(item, enum.Enum)
            else f"“{item}”"
            for item in inner
            if item is not None and item != ()
        )
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}"
    return str(value)


def money_text(money: Money) -> str:
    """``4,000,000 KHR``: the exact amount with thousands separated, and the code."""
    return f"{money.amount:,f} {money.currency}"


def amount_text(amount: ReportedAmount | None) -> str:
    """``4,000,000 KHR (reported as 1,000 USD)``; ``none`` for no amount."""
    if amount is None:
        return "none"
    text = ("about " if amount.approximate else "") + money_text(amount.amount)
    if amount.equivalent is not None:
        text += f" (reported as {money_text(amount.equivalent)})"
    return text


def shorten(text: str, limit: int = 48) -> str:
    """``text`` cut to ``limit`` characters with an ellipsis when longer."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def file_name(record_id: str) -> str:
    """A file name for a record id, the same for the same id and distinct for distinct ids.

    Ids are lower-case ASCII letters, digits and ``._:/-``; ``/`` and ``:``
    would make a path or a URL scheme, so they become ``~2f`` and ``~3a``
    (ids never hold ``~``).  An id whose first part names a Windows device
    (``con``, ``nul.x``, ``com1``) has its first letter written the same way
    (``~63on.html``), so that the site can be copied to any file system.
    A name that would pass :data:`FILE_NAME_MAX` characters (an id of 200
    characters, many of them slashes) keeps its first 80 characters, then
    ``~~`` and the SHA-256 digest of the id in 32 hex digits: ``~~`` never
    occurs in a short name, so long and short names never meet.
    """
    name = record_id.replace("/", "~2f").replace(":", "~3a") + ".html"
    if name.split(".", 1)[0] in _DEVICES:
        name = f"~{ord(name[0]):02x}{name[1:]}"
    if len(name) <= FILE_NAME_MAX:
        return name
    digest = hashlib.sha256(record_id.encode("utf-8")).hexdigest()[:32]
    return f"{name[:_KEPT]}~~{digest}.html"


def wrap(text: str, width: int = 64) -> str:
    """``text`` broken into lines of at most ``width`` characters at spaces, nothing left out.

    A word longer than a line is broken inside; every character of ``text``
    is kept (runs of spaces become one), so a title is never cut short.
    """
    return (
        "\n".join(textwrap.wrap(text, width, break_long_words=True, break_on_hyphens=False)) or text
    )


def http_url(url: str | None) -> str | None:
    """``url`` when it is an absolute http(s) URL without whitespace, else ``None``."""
    if url is not None and _HTTP.fullmatch(url):
        return url
    return None
