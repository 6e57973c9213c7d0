"""Articles of laws: their numbers, and references from records to a law and its articles.

An article number is letters and digits as a law prints them ("494", "13
bis", "3.1", "IV"); :func:`canonical_article_number` says when two are the
same article.  A :class:`LawReference` is how a charge (or any record)
cites a law: its id and, optionally, article numbers.
"""

from __future__ import annotations

import re
from typing import Any

import attrs

from .._util.patterns import LazyPattern
from ..errors import FieldValueError
from .common import check_id, check_text

__all__ = [
    "ARTICLE_NUMBER_PATTERN",
    "LawReference",
    "canonical_article_number",
    "check_article_number",
    "check_article_numbers",
    "is_article_number",
]

# Latin ordinal suffixes of inserted articles: 13 bis, 13 ter, ...
_SUFFIXES = "bis|ter|quater|quinquies|sexies|septies|octies|nonies|novies|decies"
ARTICLE_NUMBER_PATTERN = LazyPattern(
    rf"([0-9]+(?:\.[0-9]+)*)(?:[ -]?({_SUFFIXES})\b|([a-z])\b)?", re.IGNORECASE | re.ASCII
)
_ARTICLE_NUMBER = LazyPattern(r"[0-9A-Za-z]+(?:[ .-][0-9A-Za-z]+){0,3}", re.ASCII)


def is_article_number(text: object) -> bool:
    """Whether ``text`` is an article number: ``"494"``, ``"13 bis"``, ``"3.1"``, ``"IV"``.

    Letters and digits, in up to four parts joined by single spaces, dots or
    hyphens; at most 30 characters.
    """
    return isinstance(text, str) and len(text) <= 30 and _ARTICLE_NUMBER.fullmatch(text) is not None


def canonical_article_number(number: str) -> str:
    """The form under which two article numbers are the same article.

    Case is ignored and an inserted article's suffix is joined by one space:
    ``"13 Bis"``, ``"13-bis"`` and ``"13bis"`` are all ``"13 bis"``.
    """
    folded = number.strip().casefold()
    match = ARTICLE_NUMBER_PATTERN.fullmatch(folded)
    if match is not None and match.group(2) is not None:
        return f"{match.group(1)} {match.group(2)}"
    return re.sub(r"\s+", " ", folded)


def check_article_number(_instance: object, attribute: attrs.Attribute[Any], value: str) -> None:
    """Attrs validator: ``value`` is an article number (see :func:`is_article_number`)."""
    if not is_article_number(value):
        raise FieldValueError(f"{value!r} is not an article number", field=attribute.name)


def check_article_numbers(
    _instance: object, attribute: attrs.Attribute[Any], value: tuple[str, ...]
) -> None:
    """Attrs validator: every item of ``value`` is an article number."""
    for number in value:
        if not is_article_number(number):
            raise FieldValueError(f"{number!r} is not an article number", field=attribute.name)


@attrs.frozen(kw_only=True)
class LawReference:
    """A reference from a charge (or any record) to a law and, optionally, its articles.

    Attributes:
        law: The ``id`` of the law record.
        articles: The article numbers cited, in the order cited; empty when
            the whole instrument is cited.
        as_written: The citation as published ("articles 494 and 495 of
            Cambodia’s Penal Code").

    """

    law: str = attrs.field(validator=check_id)
    articles: tuple[str, ...] = attrs.field(default=(), validator=check_article_numbers)
    as_written: str | None = attrs.field(default=None, validator=check_text)
