"""Reading custodial terms as prose states them: "18 to 20 months", "up to five years".

:func:`parse_term` turns such a phrase into a :class:`StatedTerm`; the
rules it shares with the other readers are in :mod:`.numbers`.
"""

from __future__ import annotations

from typing import Any, Final

import attrs

from .._model.terms import LIFE, IncomparableTermsError, Life, Term, TermRange
from .._util.patterns import LazyPattern
from ..errors import FieldValueError, ParseError
from .numbers import (
    _ARTICLES,
    _FLAGS,
    _INEXACT,
    _NUMBER,
    _WHOLE_DIGITS,
    _normalise,
    _refuse,
    _UnreadableNumber,
    _whole,
)

__all__ = ["StatedTerm", "parse_term"]

# -- Terms -----------------------------------------------------------------------------------------

_UNIT: Final = r"(?:year|month|day)s?"
_SINGLE: Final = LazyPattern(rf"(?P<n>{_NUMBER}) (?P<u>{_UNIT})", _FLAGS)
_ADJECTIVE: Final = LazyPattern(rf"(?P<n>{_NUMBER})-(?P<u>year|month|day)", _FLAGS)
_HALF_BEFORE: Final = LazyPattern(rf"(?P<n>{_NUMBER}) and a half (?P<u>years?)", _FLAGS)
_HALF_AFTER: Final = LazyPattern(rf"(?P<n>{_NUMBER}) (?P<u>years?) and a half", _FLAGS)
_LIFE_WORDS: Final = LazyPattern(r"life(?: imprisonment| in prison)?", _FLAGS)
_BARE_NUMBER: Final = LazyPattern(_NUMBER, _FLAGS)
_RANGE_TO: Final = LazyPattern(
    rf"(?:(?P<prefix>between|from) )?(?P<n1>{_NUMBER})(?: (?P<u1>{_UNIT}))?"
    rf" (?P<joint>to|and) (?P<n2>{_NUMBER}) (?P<u2>{_UNIT})",
    _FLAGS,
)
_RANGE_DASH: Final = LazyPattern(
    rf"(?P<n1>{_WHOLE_DIGITS}) ?[-–—] ?(?P<n2>{_WHOLE_DIGITS}) (?P<u2>{_UNIT})", _FLAGS
)
_UP_TO: Final = LazyPattern(r"up to (?P<rest>.+)", _FLAGS)
_RISING: Final = LazyPattern(r"(?P<base>.+?)(?: ?[-–—] ?|, | )rising to (?P<aggravated>.+)", _FLAGS)
_WEEKS: Final = LazyPattern(rf"(?P<n>{_NUMBER})[ -]weeks?", _FLAGS)
# "three years and six months", "two years, six months and ten days": one term.
_COMPOUND: Final = LazyPattern(
    rf"(?P<head>{_NUMBER} {_UNIT}(?:, {_NUMBER} {_UNIT})*) and (?P<last>{_NUMBER} {_UNIT})",
    _FLAGS,
)
_PART_SEPARATOR: Final = LazyPattern(r", ", _FLAGS)
_UNIT_ORDER: Final = {"year": 0, "month": 1, "day": 2}


def _unit_term(count: int, unit: str) -> Term:
    key = unit.casefold().rstrip("s")
    return Term(**{f"{key}s": count})


def _check_stated(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, (Term, TermRange)) and value is not LIFE:
        raise FieldValueError(
            f"{attribute.name} must be a Term, a TermRange or LIFE, not {value!r}",
            field=attribute.name,
        )


def _check_flag(instance: StatedTerm, attribute: attrs.Attribute[Any], value: object) -> None:
    if type(value) is not bool:
        raise FieldValueError(f"{attribute.name} must be True or False", field=attribute.name)
    if value and attribute.name == "is_maximum" and isinstance(instance.term, TermRange):
        raise FieldValueError(
            "a range is not a maximum: 'up to 18 to 20 months' states nothing clear",
            field=attribute.name,
        )
    if value and attribute.name == "separate_terms" and not isinstance(instance.term, TermRange):
        raise FieldValueError(
            "separate terms are stated as a TermRange of the shorter and the longer",
            field=attribute.name,
        )


def _check_aggravated(instance: StatedTerm, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    if not isinstance(value, Term) and value is not LIFE:
        raise FieldValueError(
            f"{attribute.name} must be a Term, LIFE or None, not {value!r}", field=attribute.name
        )
    if not instance.is_maximum:
        raise FieldValueError(
            "an aggravated maximum ('rising to ten years') needs a maximum ('up to five years')",
            field=attribute.name,
        )
    try:
        longer = not isinstance(instance.term, TermRange) and value > instance.term
    except IncomparableTermsError:
        longer = False
    if not longer:
        raise FieldValueError(
            f"the aggravated maximum {value} must be longer than the maximum "
            f"{instance.term} from every start date",
            field=attribute.name,
        )


@attrs.frozen(kw_only=True)
class StatedTerm:
    """A custodial term as prose states it: one term, a range, life, or a maximum.

    "18 months" is ``StatedTerm(term=Term(months=18))``; "18 to 20 months" has
    ``term=TermRange(minimum=Term(months=18), maximum=Term(months=20))``;
    "18 and 20 months" (terms given to different people) has the same range
    and ``separate_terms=True``; "up to five years – rising to ten years" is
    ``StatedTerm(term=Term(years=5), is_maximum=True,
    aggravated_maximum=Term(years=10))``; "life imprisonment" has
    ``term=LIFE``.

    Rules: a range is never a maximum; ``separate_terms`` goes with a range
    only; an aggravated maximum goes with a maximum only and must be longer
    than it from every start date (``LIFE`` is longer than every term).

    Attributes:
        term: The term, range or :data:`~civicspace.sentences.LIFE` stated.
        is_maximum: ``True`` when the text states an upper limit ("up to"),
            as laws do; ``False`` when it states the term itself.
        aggravated_maximum: The heavier maximum the text adds ("rising to
            ten years"), or ``None``.
        separate_terms: ``True`` when two terms are joined by "and" ("18 and
            20 months"): each end of the range is a term given, rather than
            the range being the bounds of one term.

    """

    term: Term | Life | TermRange = attrs.field(validator=_check_stated)
    is_maximum: bool = attrs.field(default=False, validator=_check_flag)
    aggravated_maximum: Term | Life | None = attrs.field(default=None, validator=_check_aggravated)
    separate_terms: bool = attrs.field(default=False, validator=_check_flag)


def _read_one(phrase: str) -> tuple[Term | Life, str | None] | None:
    """A single term (no range, no "up to") and the unit it was stated in, or None."""
    if _LIFE_WORDS.fullmatch(phrase):
        return LIFE, None
    for pattern, half in (
        (_SINGLE, False),
        (_ADJECTIVE, False),
        (_HALF_BEFORE, True),
        (_HALF_AFTER, True),
    ):
        match = pattern.fullmatch(phrase)
        if match is not None and not (
            pattern is _HALF_BEFORE and match["n"].casefold() in _ARTICLES
        ):
            term = _unit_term(_whole(match["n"]), match["u"])
            return (term + Term(months=6) if half else term), match["u"]
    return _read_compound(phrase)


def _read_compound(phrase: str) -> tuple[Term, None] | None:
    """Units in descending order joined by "and" (and commas): one term, or None."""
    match = _COMPOUND.fullmatch(phrase)
    if match is None:
        return None
    parts = [*_PART_SEPARATOR.split(match["head"]), match["last"]]
    counts: dict[str, int] = {}
    order = -1
    for part in parts:
        single = _SINGLE.fullmatch(part)
        if single is None:
            return None
        unit = single["u"].casefold().rstrip("s")
        if _UNIT_ORDER[unit] <= order:
            return None  # "18 months and 20 months", "six months and a year": not one term
        order = _UNIT_ORDER[unit]
        counts[f"{unit}s"] = _whole(single["n"])
    return Term(**counts), None


def _read_range(phrase: str) -> StatedTerm | None:
    match = _RANGE_TO.fullmatch(phrase) or _RANGE_DASH.fullmatch(phrase)
    if match is None:
        return None
    groups = match.groupdict()
    prefix = (groups.get("prefix") or "").casefold()
    joint = (groups.get("joint") or "-").casefold()
    first_unit = groups.get("u1")
    if first_unit is None and match["n1"].casefold() in _ARTICLES:
        return None  # "a to two years"
    separate = joint == "and" and not prefix
    if separate and first_unit is not None:
        return None  # "18 months and 20 months", "six months and one year": refused.
    if (prefix == "between") != (joint == "and") and not separate:
        return None  # "between 18 to 20 months", "from 18 and 20 months"
    minimum = _unit_term(_whole(match["n1"]), first_unit or match["u2"])
    maximum = _unit_term(_whole(match["n2"]), match["u2"])
    try:
        stated = TermRange(minimum=minimum, maximum=maximum)
    except FieldValueError as error:
        raise _RangeOrderError(str(error)) from None
    return StatedTerm(term=stated, separate_terms=separate)


class _RangeOrderError(Exception):
    pass


def _read_maximum(rest: str, text: str) -> StatedTerm | None:
    rising = _RISING.fullmatch(rest)
    if rising is None:
        read = _read_one(rest)
        return None if read is None else StatedTerm(term=read[0], is_maximum=True)
    base = _read_one(rising["base"])
    if base is None:
        return None
    aggravated_text = rising["aggravated"]
    aggravated = _read_one(aggravated_text)
    if (
        aggravated is None
        and _BARE_NUMBER.fullmatch(aggravated_text)
        and aggravated_text.casefold() not in _ARTICLES
        and base[1] is not None
    ):
        # "up to five years, rising to ten": the unit is the maximum's.
        aggravated = (_unit_term(_whole(aggravated_text), base[1]), base[1])
    if aggravated is None:
        return None
    try:
        return StatedTerm(term=base[0], is_maximum=True, aggravated_maximum=aggravated[0])
    except FieldValueError as error:
        raise _refuse(text, f"{text!r}: {error}") from None


def parse_term(text: str) -> StatedTerm:
    """Read a custodial term as prose states it: ``"18 to 20 months"``, ``"up to 30 years"``.

    The phrase is one of:

    - a number and a unit, ``year``, ``month`` or ``day``, singular or
      plural: "18 months", "two years", "a year", "nine months";
    - the hyphenated adjective, singular: "20-year", "four-year";
    - whole years and a half: "a year and a half", "two and a half years"
      (six months more; half a month or a day is not a whole unit, and is
      refused);
    - units in descending order joined by "and", as courts state sentences:
      "three years and six months" (one term of 3 years 6 months), "two
      years, six months and ten days";
    - life: "life imprisonment", "life in prison", "life" (:data:`LIFE`);
    - a range, shorter first: "18 to 20 months", "18-20 months" (digits),
      "18 months to two years", "between 18 and 20 months", "from 18 to 20
      months"; a unit left out of the first end is that of the second;
    - two terms given, shorter first: "18 and 20 months"
      (``separate_terms=True``); the same unit twice ("18 months and 20
      months") or units in ascending order ("six months and one year") are
      refused, as they may be one term or two;
    - "up to" and a single term or life: "up to 30 years", "up to 20-year"
      (``is_maximum=True``), optionally followed by "rising to" and a longer
      term, after a dash, a comma or a space: "up to five years – rising to
      ten years", "up to five years, rising to ten" (the unit left out is the
      maximum's).

    Raises:
        ParseError: for anything else, with :attr:`~ParseError.text` the text
            as given: qualified figures ("over two years", "some years"),
            weeks (with the days as a suggestion), fractions ("1.5 years"), a
            range whose ends are in the wrong order or whose order depends on
            the calendar ("30 days to one month"), a figure of more than 30
            digits, and text left over.

    """
    if not isinstance(text, str):
        raise _refuse(text, f"a term is text such as '18 months', not {type(text).__name__}")
    phrase = _normalise(text)
    try:
        read = _read_term(phrase, text)
    except _RangeOrderError as error:
        raise _refuse(text, f"{text!r} is not a range: {error}") from None
    except _UnreadableNumber as error:
        raise _refuse(text[:80], f"the term {error}") from None
    if read is not None:
        return read
    raise _term_error(text, phrase)


def _read_term(phrase: str, text: str) -> StatedTerm | None:
    single = _read_one(phrase)
    if single is not None:
        return StatedTerm(term=single[0])
    up_to = _UP_TO.fullmatch(phrase)
    if up_to is not None:
        return _read_maximum(up_to["rest"], text)
    return _read_range(phrase)


def _term_error(text: str, phrase: str) -> ParseError:
    weeks = _WEEKS.fullmatch(phrase)
    if weeks is not None:
        days = f"{_whole(weeks['n']) * 7} days"
        return _refuse(
            text,
            f"{text!r}: weeks are not read, because courts state terms in years, months and "
            f"days; write {days!r}",
            (days,),
        )
    inexact = _INEXACT.search(phrase)
    if inexact is not None:
        return _refuse(
            text,
            f"{text!r} is not an exact term: {inexact.group(0)!r} qualifies the figure, "
            "and the reader never guesses a number",
        )
    return _refuse(
        text,
        f"{text!r} is not a term the reader understands, such as '18 months', "
        "'18 to 20 months', 'up to five years' or 'life imprisonment'",
    )
