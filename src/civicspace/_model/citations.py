"""Reading citations of laws as published text prints them.

"articles 494 and 495 of the Criminal Code", "Article 445 of Cambodia’s
Criminal Code", "articles 88, 494, and 495 of Cambodia’s Penal Code",
"article 39": :func:`parse_citation` turns such a phrase into
:class:`Citation` values, each an instrument as written and the article
numbers in the order given.  It reads text only: which law record a name
stands for is decided by :func:`civicspace.laws.resolve_instrument`, given the
laws.
"""

from __future__ import annotations

import re
from typing import Any

import attrs

from .._util.patterns import LazyPattern
from ..errors import FieldValueError
from .values import check_text

__all__ = ["Citation", "canonical_article_number", "is_article_number"]

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
class Citation:
    """A reference to a legal instrument and, optionally, some of its articles, as written.

    Attributes:
        instrument: The instrument as the text names it, without a leading
            "the": ``"Cambodia’s Penal Code"``, ``"Criminal Code"``;
            ``None`` when the text names none ("article 39").
        articles: The article numbers in the order written (``("88",
            "494", "495")``); empty when the whole instrument is cited.
        as_written: The part of the text this citation was read from.

    """

    instrument: str | None = attrs.field(default=None, validator=check_text)
    articles: tuple[str, ...] = attrs.field(default=(), validator=check_article_numbers)
    as_written: str = attrs.field(validator=check_text)
