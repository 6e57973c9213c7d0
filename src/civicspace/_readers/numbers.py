"""Numbers and refusals shared by the readers of prose (terms, amounts, rating phrases).

Each reader reads one phrase, whole, and never guesses: a number it cannot
read exactly, a qualifier it does not know ("more than a year", "some
years"), a missing unit or currency, or any text left over raises
:class:`~civicspace.ParseError` with the text as given.

Shared rules: runs of whitespace (including no-break spaces) count as one
space, and whitespace around the phrase is ignored.  Words are read in any
case.  A number is written in digits (``18``, ``5000000`` or, with commas
between groups of three, ``5,000,000``; no leading zeros), as a word from
``one`` to ``ninety-nine`` (``twenty-five`` or ``twenty five``), or as
``a``/``an`` for one.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Final

from .._util.patterns import LazyPattern
from ..errors import ParseError

__all__: list[str] = []

# -- Numbers ---------------------------------------------------------------------------------------

_ONES: Final = (
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
    "eighteen", "nineteen",
)  # fmt: skip
_TENS: Final = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")


def _number_words() -> dict[str, int]:
    words = {"a": 1, "an": 1}
    words.update((word, value) for value, word in enumerate(_ONES, start=1))
    for step, tens in enumerate(_TENS, start=2):
        words[tens] = step * 10
        for value, ones in enumerate(_ONES[:9], start=1):
            words[f"{tens}-{ones}"] = words[f"{tens} {ones}"] = step * 10 + value
    return words


_WORD_VALUES: Final = _number_words()
_ARTICLES: Final = frozenset({"a", "an"})
# Longest first, so that "twenty-one" is tried before "twenty".
_WORDS: Final = "|".join(
    re.escape(word).replace(r"\ ", " ") for word in sorted(_WORD_VALUES, key=len, reverse=True)
)
_WHOLE_DIGITS: Final = r"(?:[1-9][0-9]{0,2}(?:,[0-9]{3})+|[1-9][0-9]*|0)"
_NUMBER: Final = rf"(?:{_WHOLE_DIGITS}|(?:{_WORDS})\b)"
_DECIMAL_NUMBER: Final = rf"(?:{_WHOLE_DIGITS}(?:\.[0-9]+)?|(?:{_WORDS})\b)"
# "1.250" is 1.25 in English and 1250 in much of Europe: refused as ambiguous.
_EUROPEAN_GROUPING: Final = LazyPattern(r"[1-9][0-9]{0,2}\.[0-9]{3}", re.ASCII)
_SPACES: Final = LazyPattern(r"\s+")
_FLAGS: Final = re.IGNORECASE


def _normalise(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


class _UnreadableNumber(ValueError):
    """A figure in digits too long to be read as a whole number."""


#: Figures in digits longer than this are refused, not converted: no term or count runs so long.
_MAX_DIGITS: Final = 30


def _whole(number: str) -> int:
    word = number.casefold()
    if word in _WORD_VALUES:
        return _WORD_VALUES[word]
    digits = number.replace(",", "")
    if len(digits) > _MAX_DIGITS:
        raise _UnreadableNumber(
            f"has a figure of {len(digits):,} digits; at most {_MAX_DIGITS} are read"
        )
    return int(digits)


def _decimal(number: str) -> Decimal:
    word = number.casefold()
    if word in _WORD_VALUES:
        return Decimal(_WORD_VALUES[word])
    return Decimal(number.replace(",", ""))


def _refuse(text: object, message: str, suggestions: tuple[str, ...] = ()) -> ParseError:
    return ParseError(message, text=str(text), suggestions=suggestions)


# Qualifiers that make a figure inexact; named in the refusal so the reason is clear.
_INEXACT: Final = LazyPattern(
    r"\b(?:about|around|approximately|roughly|nearly|almost|over|more than|less than|"
    r"fewer than|at least|at most|some|several|few|many|a few|dozens?|hundreds|thousands|"
    r"millions|billions)\b",
    _FLAGS,
)
