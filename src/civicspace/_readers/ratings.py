"""Reading a CIVICUS Monitor rating from the phrase that states it: "rated as ‘repressed’".

:func:`parse_rating_phrase` turns such a phrase into a
:class:`~civicspace.ratings.CivicusRating`; the rules it shares with the other readers are
in :mod:`.numbers`.
"""

from __future__ import annotations

from typing import Final

from .._model.ratings import CivicusRating
from .._util.patterns import LazyPattern
from ..errors import ParseError
from .numbers import (
    _FLAGS,
    _normalise,
    _refuse,
)

__all__ = ["parse_rating_phrase"]

# -- Ratings ---------------------------------------------------------------------------------------

_RATING_WORD: Final = r"(?P<word>‘[^‘’]*’|'[^']*'|\"[^\"]*\"|“[^“”]*”|[A-Za-z]+)"
_MONITOR: Final = r"(?:the ?CIVICUS Monitor|CIVICUS(?:’s|'s) Monitor)"
_RATING_PHRASES: Final = (
    LazyPattern(
        rf"(?:(?:is|are|was|were) )?(?:also )?(?:rated|rates)(?: as)? {_RATING_WORD}"
        rf"(?: (?:by|on|in) {_MONITOR})?",
        _FLAGS,
    ),
    LazyPattern(rf"(?:which )?(?:the )?CIVICUS Monitor rates(?: as)? {_RATING_WORD}", _FLAGS),
    LazyPattern(rf"civic space rating ?: ?{_RATING_WORD}", _FLAGS),
)


def parse_rating_phrase(text: str) -> CivicusRating:
    """Read a CIVICUS Monitor rating from the phrase that states it: ``"rated as ‘repressed’"``.

    The phrase is one of:

    - "rated" or "rates" (as published, "Burundi is rates as ‘closed’"),
      optionally after "is", "are", "was" or "were" and "also", optionally
      followed by "as", then the rating, optionally followed by "by", "on"
      or "in" and the Monitor ("the CIVICUS Monitor", "CIVICUS’s Monitor";
      "theCIVICUS Monitor", as published, is read too): "rated as closed on
      the CIVICUS monitor", "also rated as closed";
    - "the CIVICUS Monitor rates as" and the rating;
    - "Civic space rating:" and the rating: "Civic space rating:Obstructed".

    The rating is one word, bare or in matching quotes (‘’, '', "", “”),
    read by :meth:`CivicusRating.parse <civicspace.ratings.CivicusRating.parse>`.

    Raises:
        ParseError: for anything else, with :attr:`~ParseError.text` the text
            as given and the closest ratings as suggestions when the word is
            misspelt: another monitor ("rated as ‘repressed’ by Freedom
            House"), a qualified rating ("mostly closed"), or text left over.

    """
    if not isinstance(text, str):
        raise _refuse(text, f"a rating phrase is text, not {type(text).__name__}")
    phrase = _normalise(text)
    for pattern in _RATING_PHRASES:
        match = pattern.fullmatch(phrase)
        if match is not None:
            try:
                return CivicusRating.parse(match["word"])
            except ParseError as error:
                raise _refuse(text, f"{text!r}: {error}", error.suggestions) from None
    raise _refuse(
        text,
        f'{text!r} is not a phrase stating a CIVICUS rating, such as "rated as ‘repressed’" '
        "or 'Civic space rating: Closed'",
    )
