"""Reading citations from prose: "articles 494 and 495 of the Criminal Code"."""

from __future__ import annotations

import re

from .._model.articles import ARTICLE_NUMBER_PATTERN as _NUMBER
from .._model.citations import Citation
from .._util.patterns import LazyPattern
from ..errors import ParseError

__all__ = ["parse_citation"]


_KEYWORD = r"(?:articles?|arts?\.)"


_TRAILING = ".,;: "

_GROUP_START = LazyPattern(rf"{_KEYWORD}\s+(?=[0-9])", re.IGNORECASE)


_BARE_KEYWORD = LazyPattern(rf"{_KEYWORD}(?=\s|$)", re.IGNORECASE)


_LIST_SEPARATOR = LazyPattern(r"\s*,\s*(?:(?:and|&)\s+)?|\s+(?:and|&)\s+", re.IGNORECASE)


_OF = LazyPattern(r"\s+of\s+", re.IGNORECASE)


_NEXT_GROUP = LazyPattern(rf"\s*[,;]?\s*(?:(?:and|&)\s+)?(?={_KEYWORD}\s+[0-9])", re.IGNORECASE)


_NEXT_GROUP_ANYWHERE = LazyPattern(
    rf"\s*[,;]?\s*(?:(?:and|&)\s+)?\b(?={_KEYWORD}\s+[0-9])", re.IGNORECASE
)


_LEADING_THE = LazyPattern(r"the\s+", re.IGNORECASE)


_INSTRUMENT_WORD = LazyPattern(
    r"\b(?:code|law|act|constitution|decree|sub-decree|notice|regulations?|rules|covenant|"
    r"convention|charter|declaration|treaty|statute|ordinance|order|directive|circular|"
    r"prakas|proclamation|bill)\b",
    re.IGNORECASE,
)


_ACRONYM = LazyPattern(r"\b[A-Z][A-Z0-9-]*[A-Z]\b")


_NAME_END = LazyPattern(
    r"(?:\b[A-Z][^\s]*|\b[0-9][^\s]*|\)|\b(?i:code|law|act|constitution|decree|sub-decree|"
    r"notice|regulations?|rules|covenant|convention|charter|declaration|treaty|statute|"
    r"ordinance|order|directive|circular|prakas|proclamation|bill))$"
)


def _error(text: str, start: int, end: int, why: str) -> ParseError:
    part = text[start:end].strip() or text
    start = text.find(part, start) if part != text else 0
    return ParseError(
        f"{part!r} at character {start} of {text!r} {why}; a citation reads like "
        "'articles 494 and 495 of the Criminal Code', 'Article 445 of Cambodia’s Criminal Code' "
        "or 'article 39'",
        text=part,
    )


def _instrument(text: str, start: int, end: int) -> str:
    """The instrument named by ``text[start:end]``, or a ParseError."""
    part = text[start:end].rstrip(_TRAILING)
    the = _LEADING_THE.match(part)
    name = part[the.end() :] if the else part
    if not name or not (_INSTRUMENT_WORD.search(name) or _ACRONYM.search(name)):
        raise _error(
            text,
            start,
            start + len(part),
            "names no legal instrument (no word such as Code, Law, Decree or Constitution, "
            "and no acronym)",
        )
    if _NAME_END.search(name) is None:
        raise _error(
            text,
            start,
            start + len(part),
            "does not end as the name of an instrument does (with a capitalised word, a "
            "number, a closing parenthesis or a word such as Code or Law)",
        )
    return name


def _numbers(text: str, pos: int) -> tuple[list[str], int]:
    """The article numbers of a list starting at ``pos``, and where the list ends."""
    numbers: list[str] = []
    while True:
        match = _NUMBER.match(text, pos)
        if match is None:
            raise _error(text, pos, len(text), "is not an article number")
        number, suffix, _letter = match.groups()
        numbers.append(f"{number} {suffix}" if suffix else match.group(0))
        pos = match.end()
        separator = _LIST_SEPARATOR.match(text, pos)
        if separator is None or _NUMBER.match(text, separator.end()) is None:
            return numbers, pos
        pos = separator.end()


def parse_citation(text: str) -> tuple[Citation, ...]:
    """The citations in a phrase such as ``"articles 494 and 495 of the Criminal Code"``.

    The phrase is one or more article groups, or an instrument alone:

    - a group is ``Article``/``Articles``/``Art.``/``Arts.`` (any case), a
      list of numbers ("494", "88, 494, and 495", "494 & 495", "13 bis"),
      and optionally ``of`` and the instrument ("of Cambodia’s Penal Code");
    - groups are joined by "and", a comma or a semicolon ("Article 445 of
      Cambodia’s Criminal Code and Article 39 of the Law on the Suppression
      of Human Trafficking and Sexual Exploitation" is two citations);
    - a group without an instrument takes the instrument of the group that
      follows it, and the two are one citation ("Article 494 and Article 495
      of the Criminal Code"); a group with no instrument after it keeps none;
    - an instrument must contain a word naming a kind of instrument (Code,
      Law, Decree, Constitution, Notice, ...) or an acronym (ICCPR, LANGO),
      and end with a capitalised word, a number, a closing parenthesis or
      such a word, so that running prose is not taken for a name
      ("… Criminal Code and with the alleged production" is refused).

    The instrument is kept as written, less a leading "the" and trailing
    punctuation; an inserted article's suffix is joined by one space
    ("13-bis" is read as "13 bis").  Whitespace around the phrase is ignored.

    Raises:
        ParseError: when any part of the text is not understood; its
            ``text`` is that part ("under" in "under article 39").

    """
    if not isinstance(text, str):
        raise ParseError(f"a citation is text, not {type(text).__name__}", text=str(text))
    end = len(text.rstrip(_TRAILING + "\t\n\r"))
    pos = len(text) - len(text.lstrip())
    if pos >= end:
        raise ParseError("an empty text cites nothing", text=text)
    if _GROUP_START.match(text, pos) is None:
        if _BARE_KEYWORD.match(text, pos):
            raise _error(text, pos, end, "names articles without their numbers")
        following = _NEXT_GROUP_ANYWHERE.search(text, pos, end)
        if following is not None:
            raise _error(text, pos, following.start(), "is not part of a citation")
        name = _instrument(text, pos, end)
        return (Citation(instrument=name, as_written=text[pos:end]),)
    groups: list[tuple[str | None, list[str], int, int]] = []
    while True:
        start = pos
        keyword = _GROUP_START.match(text, pos, end)
        if keyword is None:
            raise _error(text, pos, end, "is not part of a citation")
        numbers, pos = _numbers(text[:end], keyword.end())
        instrument = None
        of = _OF.match(text, pos, end)
        if of is not None:
            following = _NEXT_GROUP_ANYWHERE.search(text, of.end(), end)
            stop = end if following is None else following.start()
            instrument = _instrument(text, of.end(), stop)
            pos = stop
        groups.append((instrument, numbers, start, pos))
        if pos >= end:
            break
        joined = _NEXT_GROUP.match(text, pos, end)
        if joined is None:
            raise _error(text, pos, end, "does not continue the citation")
        pos = joined.end()
    return tuple(_merge(text, groups))


def _merge(text: str, groups: list[tuple[str | None, list[str], int, int]]) -> list[Citation]:
    citations: list[Citation] = []
    pending: list[str] = []
    pending_start: int | None = None
    for instrument, numbers, start, stop in groups:
        if pending_start is None:
            pending_start = start
        pending.extend(numbers)
        if instrument is not None:
            citations.append(
                Citation(
                    instrument=instrument,
                    articles=tuple(pending),
                    as_written=text[pending_start:stop].rstrip(_TRAILING),
                )
            )
            pending, pending_start = [], None
    if pending_start is not None:
        citations.append(
            Citation(
                articles=tuple(pending),
                as_written=text[pending_start : groups[-1][3]].rstrip(_TRAILING),
            )
        )
    return citations
