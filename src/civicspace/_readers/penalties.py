"""Reading penalties as courts and monitors print them: "sentenced to death", "74 lashes".

:func:`parse_penalty` reads what a court imposed, as a phrase: a custodial
term, where stated with its regime ("ten years in a reinforced-regime
colony") or its proceedings ("15 days of administrative arrest"); life,
aggravated or not; the death penalty; lashes; a non-custodial penalty ("two
years of restricted freedom"); an additional penalty ("deprived of political
rights for five years", "banned from travel for five years"); or several of
these joined by "and" or commas ("10 years in prison and 1,000 lashes").
The result, a :class:`StatedPenalty`, holds the members of a
:class:`~civicspace.Sentence` the phrase states.  Terms are read by
:func:`~civicspace.readers.parse_term`'s rules (one term, not a range or a
maximum); the rules shared with the other readers are in :mod:`.numbers`.
"""

from __future__ import annotations

import functools
from typing import Any, Final

import attrs

from .._model.common import check_tuple_of
from .._model.limits import limits_of
from .._model.sentences import (
    AdditionalPenalty,
    AdditionalPenaltyKind,
    DetentionRegime,
    NonCustodialKind,
    NonCustodialPenalty,
    Proceedings,
    Sentence,
)
from .._model.terms import LIFE, Life, Term
from .._util.patterns import LazyPattern
from ..errors import FieldValueError
from .numbers import _FLAGS, _INEXACT, _NUMBER, _normalise, _refuse, _UnreadableNumber, _whole
from .terms import _read_one

__all__ = ["StatedPenalty", "parse_penalty"]

#: Phrases longer than this are refused before they are read: no penalty runs so long.
_MAX_LENGTH: Final = 1000

_SENTENCED: Final = LazyPattern(
    r"(?:(?:was|were|is|are|has been|have been) )?(?:sentenced|handed|given) (?:to )?(?P<rest>.+)",
    _FLAGS,
)
_DEATH: Final = LazyPattern(
    r"(?:the )?death(?: penalty| sentence)?|(?:a )?death sentence|(?:capital punishment)",
    _FLAGS,
)
_LIFE_AGGRAVATED: Final = LazyPattern(
    r"life(?: imprisonment| in prison)?,? (?:without (?:the )?(?:possibility of )?"
    r"(?:parole|release)|with no (?:possibility of )?(?:parole|release))",
    _FLAGS,
)
_LASHES: Final = LazyPattern(rf"(?P<n>{_NUMBER}) lash(?:es)?", _FLAGS)
_CUSTODY_WORDS: Final = (
    r"(?:in prison|in jail|of imprisonment|imprisonment|(?:in )?prison(?: term)?)"
)
_PLAIN_TERM: Final = LazyPattern(rf"(?P<t>.+?)(?: {_CUSTODY_WORDS})?", _FLAGS)
_ADMINISTRATIVE: Final = LazyPattern(
    r"(?P<t>.+?)(?: of|'|’)? (?P<w>administrative (?:arrest|detention))"
    r"|(?P<w2>administrative (?:arrest|detention)) (?:of|for) (?P<t2>.+)",
    _FLAGS,
)
#: The regimes read, by the words that name them; the words matched are kept as printed.
_REGIMES: Final = (
    (r"(?:colony[- ]settlement|settlement colony|open colony)", DetentionRegime.COLONY_SETTLEMENT),
    (r"general[- ]regime (?:penal |correctional )?colony", DetentionRegime.GENERAL_REGIME_COLONY),
    (
        r"(?:reinforced|enhanced|increased)[- ]regime (?:penal |correctional )?colony",
        DetentionRegime.REINFORCED_REGIME_COLONY,
    ),
    (r"strict[- ]regime (?:penal |correctional )?colony", DetentionRegime.STRICT_REGIME_COLONY),
    (r"special[- ]regime (?:penal |correctional )?colony", DetentionRegime.SPECIAL_REGIME_COLONY),
    (r"military (?:prison|jail|detention facility)", DetentionRegime.MILITARY_PRISON),
    (r"(?:forced[- ])?lab(?:ou|o)r camp", DetentionRegime.LABOUR_CAMP),
)
_REGIME: Final = LazyPattern(
    rf"(?P<t>.+?),? (?:(?:to be )?served )?(?:in|at) (?:an? |the )?"
    rf"(?P<w>{'|'.join(f'(?:{words})' for words, _ in _REGIMES)})",
    _FLAGS,
)
_REGIME_WORDS: Final = tuple((LazyPattern(words, _FLAGS), regime) for words, regime in _REGIMES)
_NON_CUSTODIAL: Final = (
    (r"restrict(?:ed|ion of) freedom", NonCustodialKind.RESTRICTED_FREEDOM),
    (r"corrective labou?r", NonCustodialKind.CORRECTIVE_LABOUR),
    (r"compulsory labou?r|forced labou?r", NonCustodialKind.COMPULSORY_LABOUR),
    (r"community service|public works", NonCustodialKind.COMMUNITY_SERVICE),
    (r"probation", NonCustodialKind.PROBATION),
)
_NON_CUSTODIAL_ALTERNATIVES: Final = "|".join(f"(?:{words})" for words, _ in _NON_CUSTODIAL)
_NON_CUSTODIAL_PHRASE: Final = LazyPattern(
    rf"(?P<t>.+?) (?:of )?(?P<w>{_NON_CUSTODIAL_ALTERNATIVES})"
    rf"|(?P<w2>{_NON_CUSTODIAL_ALTERNATIVES})(?: (?:for|of) (?P<t2>.+))?",
    _FLAGS,
)
_NON_CUSTODIAL_WORDS: Final = tuple(
    (LazyPattern(words, _FLAGS), kind) for words, kind in _NON_CUSTODIAL
)
#: Additional penalties: the words that name each, and whether a term may follow ("for ...").
_ADDITIONAL: Final = (
    (
        r"(?:deprived of|deprivation of|stripped of) (?:his |her |their )?political rights",
        AdditionalPenaltyKind.DEPRIVATION_OF_POLITICAL_RIGHTS,
    ),
    (
        r"(?:banned|barred|prohibited) from (?:foreign )?travel(?:l?ing)?(?: abroad)?"
        r"|(?:a |an )?(?:foreign )?travel ban|ban on (?:foreign )?travel(?:l?ing)?(?: abroad)?"
        r"|(?:banned|barred|prohibited) from leaving the country",
        AdditionalPenaltyKind.TRAVEL_BAN,
    ),
    (
        r"(?:banned|barred|prohibited) from (?:working as|practi[sc]ing|practi[sc]ing as)"
        r" (?:an? )?[a-z][a-z -]{0,60}?",
        AdditionalPenaltyKind.PROFESSION_BAN,
    ),
    (
        r"(?:banned|barred|prohibited) from (?:holding public office|standing for election"
        r"|running for (?:public )?office)",
        AdditionalPenaltyKind.PUBLIC_OFFICE_BAN,
    ),
    (
        r"(?:deprived of|stripped of|deprivation of) (?:his |her |their )?"
        r"(?:nationality|citizenship)",
        AdditionalPenaltyKind.DEPRIVATION_OF_NATIONALITY,
    ),
    (
        r"confiscation of (?:his |her |their |personal )?(?:property|assets)",
        AdditionalPenaltyKind.CONFISCATION_OF_PROPERTY,
    ),
    (r"internal exile|banishment", AdditionalPenaltyKind.INTERNAL_EXILE),
    (
        r"(?:banned|barred|prohibited) from (?!travel|leaving|working as|practi[sc]ing"
        r"|holding public|standing for|running for)[a-z][a-z -]{0,60}?",
        AdditionalPenaltyKind.ACTIVITY_BAN,
    ),
)
_ADDITIONAL_AFTER: Final = tuple(
    LazyPattern(rf"(?P<w>{words})(?: for (?P<t>.+))?", _FLAGS) for words, _ in _ADDITIONAL
)
#: "a 10-year travel ban", "a five-year ban on foreign travel": the term first.
_TRAVEL_BAN_AFTER_TERM: Final = LazyPattern(
    rf"(?:an? )?(?P<t>{_NUMBER}-(?:year|month|day)) (?:(?:foreign )?travel ban"
    r"|ban on (?:foreign )?travel(?:l?ing)?(?: abroad)?)",
    _FLAGS,
)
_SEPARATOR: Final = LazyPattern(
    r",? and |, (?:plus |as well as )?|,? plus |,? as well as |,? (?=followed by )", _FLAGS
)
#: "and a fine", "two separate fines": fines named without their amount.
_FINES: Final = LazyPattern(
    rf"(?:an? |one )?(?:separate )?fine|(?P<n>{_NUMBER}) (?:separate )?fines", _FLAGS
)
#: "one year of restricted freedom after release", "followed by two years of probation".
_AFTER_RELEASE: Final = LazyPattern(
    r"(?P<p>.+?),? (?:to be served )?after (?:his |her |their |the )?release"
    r"(?: from (?:prison|custody))?"
    r"|followed by (?P<p2>.+)",
    _FLAGS,
)
#: "19 years in total", "a total of 19 years": a term that counts earlier sentences.
_IN_TOTAL: Final = LazyPattern(
    r"(?:in total|a total of|a combined(?: total of)?) (?P<p>.+)|(?P<p2>.+?),? in total", _FLAGS
)
#: The kinds that are additional penalties beside a custodial term, main penalties without one.
_BESIDE_A_TERM: Final = {
    NonCustodialKind.RESTRICTED_FREEDOM: AdditionalPenaltyKind.RESTRICTED_FREEDOM,
    NonCustodialKind.PROBATION: AdditionalPenaltyKind.PROBATION,
}


@functools.cache
def _most_fines() -> int:
    """The most fines a sentence names: the schema's limit on its non-custodial penalties."""
    return next(
        int(limit.value)
        for limit in limits_of(Sentence)
        if limit.field == "non_custodial" and limit.keyword == "maxItems" and not limit.items
    )


@attrs.frozen(kw_only=True)
class StatedPenalty:
    """What a phrase says a court imposed, as the members of a :class:`~civicspace.Sentence`.

    "ten years in a reinforced-regime colony" is ``StatedPenalty(
    term=Term(years=10), regime=DetentionRegime.REINFORCED_REGIME_COLONY,
    regime_as_printed="reinforced-regime colony")``; "sentenced to death" is
    ``StatedPenalty(death=True)``.  Each attribute has the meaning of the
    :class:`~civicspace.Sentence` member of its name; :meth:`sentence`
    builds the sentence.

    Attributes:
        term: The custodial term, or :data:`~civicspace.sentences.LIFE`.
        aggravated_life: ``True`` for life without parole or release.
        regime: The regime or place of detention.
        regime_as_printed: The regime in the phrase's words.
        death: ``True`` for the death penalty.
        lashes: The number of lashes.
        non_custodial: Non-custodial penalties, in the order read.
        additional_penalties: Additional penalties, in the order read.
        proceedings: ``ADMINISTRATIVE`` for an administrative arrest.
        combined: ``True`` when the phrase gives the term as a total ("19
            years in total", "a total of 19 years"), which counts earlier
            sentences: give their ids as ``includes`` to :meth:`sentence`.
            Not a member of the sentence.

    """

    term: Term | Life | None = None
    aggravated_life: bool | None = None
    regime: DetentionRegime | None = None
    regime_as_printed: str | None = None
    death: bool | None = None
    lashes: int | None = None
    non_custodial: tuple[NonCustodialPenalty, ...] = attrs.field(
        default=(), validator=check_tuple_of(NonCustodialPenalty)
    )
    additional_penalties: tuple[AdditionalPenalty, ...] = attrs.field(
        default=(), validator=check_tuple_of(AdditionalPenalty)
    )
    proceedings: Proceedings | None = None
    combined: bool | None = None

    def sentence(self, person: str, **more: Any) -> Sentence:
        """The :class:`~civicspace.Sentence` of ``person`` this penalty states, with ``more``.

        ``more`` gives the members a phrase does not state (``imposed_on``,
        ``court`` ...).

        Raises:
            FieldValueError: when the members do not make a valid sentence.

        """
        members = attrs.asdict(self, recurse=False)
        del members["combined"]
        return Sentence(person=person, **members, **more)


class _Unread(Exception):
    """A part of the phrase that is no penalty the reader knows."""


def _term(text: str, *, life: bool = False) -> Term | Life:
    read = _read_one(text)
    if read is None:
        raise _Unread(text)
    term = read[0]
    if isinstance(term, Life) and not life:
        raise _Unread(text)
    return term


def _finite(text: str) -> Term:
    term = _term(text)
    assert isinstance(term, Term)
    return term


def _regime_of(words: str) -> DetentionRegime:
    for pattern, regime in _REGIME_WORDS:
        if pattern.fullmatch(words):
            return regime
    raise _Unread(words)  # pragma: no cover - the words matched one of the patterns


def _non_custodial_kind(words: str) -> NonCustodialKind:
    for pattern, kind in _NON_CUSTODIAL_WORDS:
        if pattern.fullmatch(words):
            return kind
    raise _Unread(words)  # pragma: no cover - the words matched one of the patterns


def _additional(part: str) -> AdditionalPenalty | None:
    for pattern, (_, kind) in zip(_ADDITIONAL_AFTER, _ADDITIONAL, strict=True):
        match = pattern.fullmatch(part)
        if match is not None:
            stated = match["t"]
            term: Term | Life | None = None
            if stated is not None:
                term = _term(stated, life=True)
            return AdditionalPenalty(kind=kind, term=term, as_printed=part)
    match = _TRAVEL_BAN_AFTER_TERM.fullmatch(part)
    if match is not None:
        return AdditionalPenalty(
            kind=AdditionalPenaltyKind.TRAVEL_BAN, term=_term(match["t"]), as_printed=part
        )
    return None


def _after_release(part: str, stated: str) -> dict[str, Any]:
    """A penalty served after release ("followed by two years of probation"): additional."""
    additional = _additional(stated)
    if additional is not None:
        return {"additional_penalties": (attrs.evolve(additional, as_printed=part),)}
    read = _read_part(stated)
    found = read.get("non_custodial", ())
    if set(read) != {"non_custodial"} or len(found) != 1 or found[0].kind not in _BESIDE_A_TERM:
        raise _Unread(part)
    penalty = AdditionalPenalty(
        kind=_BESIDE_A_TERM[found[0].kind], term=found[0].term, as_printed=part
    )
    return {"additional_penalties": (penalty,)}


def _read_part(part: str) -> dict[str, Any]:
    """The members one part of a phrase states ("74 lashes"), or :class:`_Unread`."""
    fines = _FINES.fullmatch(part)
    if fines is not None:
        count = 1 if fines["n"] is None else _whole(fines["n"])
        if not 1 <= count <= _most_fines():
            raise _Unread(part)
        fine = NonCustodialPenalty(kind=NonCustodialKind.FINE, as_printed=part)
        return {"non_custodial": (fine,) * count}
    after = _AFTER_RELEASE.fullmatch(part)
    if after is not None:
        return _after_release(part, after["p"] or after["p2"])
    total = _IN_TOTAL.fullmatch(part)
    if total is not None:
        read = _read_part(total["p"] or total["p2"])
        if "term" not in read:
            raise _Unread(part)
        return {**read, "combined": True}
    if _DEATH.fullmatch(part):
        return {"death": True}
    if _LIFE_AGGRAVATED.fullmatch(part):
        return {"term": LIFE, "aggravated_life": True}
    lashes = _LASHES.fullmatch(part)
    if lashes is not None:
        return {"lashes": _whole(lashes["n"])}
    additional = _additional(part)
    if additional is not None:
        return {"additional_penalties": (additional,)}
    administrative = _ADMINISTRATIVE.fullmatch(part)
    if administrative is not None:
        stated = administrative["t"] or administrative["t2"]
        return {"term": _term(stated), "proceedings": Proceedings.ADMINISTRATIVE}
    regime = _REGIME.fullmatch(part)
    if regime is not None:
        return {
            "term": _term(regime["t"], life=True),
            "regime": _regime_of(regime["w"]),
            "regime_as_printed": regime["w"],
        }
    non_custodial = _NON_CUSTODIAL_PHRASE.fullmatch(part)
    if non_custodial is not None:
        stated = non_custodial["t"] or non_custodial["t2"]
        words = non_custodial["w"] or non_custodial["w2"]
        penalty = NonCustodialPenalty(
            kind=_non_custodial_kind(words),
            term=None if stated is None else _finite(stated),
            as_printed=part,
        )
        return {"non_custodial": (penalty,)}
    plain = _PLAIN_TERM.fullmatch(part)
    if plain is not None:
        return {"term": _term(plain["t"], life=True)}
    raise _Unread(part)  # pragma: no cover - the plain pattern matches any text


class _Twice(Exception):
    """Two parts state the same member: two terms, say."""


def _merge(first: dict[str, Any], second: dict[str, Any]) -> dict[str, Any]:
    merged = dict(first)
    for name, value in second.items():
        if name in ("non_custodial", "additional_penalties"):
            merged[name] = merged.get(name, ()) + value
        elif name in merged:
            raise _Twice(name)
        else:
            merged[name] = value
    return merged


def _read_parts(phrase: str, text: str) -> dict[str, Any] | None:
    """The members of ``phrase`` read as parts joined by separators, or ``None``.

    The whole phrase is tried first, then each split at a separator, leftmost
    first; a split whose parts state one member twice is passed over, and
    refused only when no reading is left.
    """
    memo: dict[int, dict[str, Any] | None] = {}
    cuts = [(match.start(), match.end()) for match in _SEPARATOR.finditer(phrase)]
    twice: list[str] = []

    def read_from(start: int) -> dict[str, Any] | None:
        if start in memo:
            return memo[start]
        found: dict[str, Any] | None = None
        try:
            found = _read_part(phrase[start:])
        except _Unread:
            for cut_start, cut_end in cuts:
                if cut_start <= start:
                    continue
                try:
                    head = _read_part(phrase[start:cut_start])
                except _Unread:
                    continue
                rest = read_from(cut_end)
                if rest is None:
                    continue
                try:
                    found = _merge(head, rest)
                except _Twice as error:
                    twice.append(str(error))
                    continue
                break
        memo[start] = found
        return found

    members = read_from(0)
    if members is None and twice:
        raise _refuse(
            text,
            f"{text!r} states {twice[0].replace('_', ' ')} twice; read each part on its own, "
            "as the reader never guesses whether terms run together or one after another",
        )
    return members


def _beside_a_term(members: dict[str, Any]) -> dict[str, Any]:
    """Restricted freedom and probation beside a custodial term are additional penalties."""
    if "term" not in members:
        return members
    kept = [p for p in members.get("non_custodial", ()) if p.kind not in _BESIDE_A_TERM]
    moved = [
        AdditionalPenalty(kind=_BESIDE_A_TERM[p.kind], term=p.term, as_printed=p.as_printed)
        for p in members.get("non_custodial", ())
        if p.kind in _BESIDE_A_TERM
    ]
    if not moved:
        return members
    return {
        **members,
        "non_custodial": tuple(kept),
        "additional_penalties": (*members.get("additional_penalties", ()), *moved),
    }


def parse_penalty(text: str) -> StatedPenalty:
    """Read what a court imposed, as a phrase: ``"ten years in a strict-regime colony"``.

    The phrase, after an optional "sentenced to" (or "was sentenced to",
    "handed", "given"), is one part or several joined by "and", commas or
    "plus".  A part is one of:

    - the death penalty: "death", "the death penalty", "a death sentence";
    - a term as :func:`~civicspace.readers.parse_term` reads one ("ten years",
      "three years and six months", "life imprisonment"), optionally
      followed by "in prison", "in jail", "of imprisonment";
    - life without release: "life imprisonment without parole", "life
      imprisonment with no possibility of release" (``aggravated_life``);
    - a term in a regime or place: "ten years in a reinforced-regime
      colony", "eight years in a strict-regime penal colony", "two years in
      a colony-settlement", "five years in a military prison", "three years
      in a labour camp" (the regime's words kept as printed);
    - an administrative arrest: "15 days of administrative arrest", "15
      days' administrative detention", "administrative arrest of 15 days"
      (the term, and ``proceedings`` administrative);
    - lashes: "74 lashes", "1,000 lashes";
    - a non-custodial penalty: "two years of restricted freedom",
      "restriction of freedom for two years", "one year of corrective
      labour", "community service for one year", "probation for two years";
      beside a custodial term, restricted freedom and probation are
      additional penalties ("nine years and one and a half years of
      restriction of freedom"), as they are after release ("one year of
      restricted freedom after release", "followed by two years of
      probation");
    - a fine the phrase names without its amount: "a fine", "two separate
      fines" (a non-custodial penalty of kind ``fine`` each);
    - a term given as a total that counts earlier sentences: "19 years in
      total", "a total of 19 years" (``combined``);
    - an additional penalty, with "for" and a term or "life" where it has
      one: "deprived of political rights for five years", "banned from
      travel for five years", "a 10-year travel ban", "banned from working
      as a journalist for five years" (a profession), "banned from
      administering websites for two years" (an activity), "confiscation of
      property", "deprived of his nationality".

    Raises:
        ParseError: for anything else, with :attr:`~ParseError.text` the text
            as given: a part the reader does not know, two custodial terms
            (whether they run together is never guessed), a qualified figure
            ("about 70 lashes"), or a figure with too many digits.

    """
    if not isinstance(text, str):
        raise _refuse(text, f"a penalty is text such as '74 lashes', not {type(text).__name__}")
    phrase = _normalise(text)
    if len(phrase) > _MAX_LENGTH:
        raise _refuse(text[:80], f"a penalty phrase is at most {_MAX_LENGTH} characters")
    sentenced = _SENTENCED.fullmatch(phrase)
    if sentenced is not None:
        phrase = sentenced["rest"]
    try:
        members = _read_parts(phrase.rstrip("."), text)
    except _UnreadableNumber as error:
        raise _refuse(text[:80], f"a penalty phrase {error}") from None
    if members:
        try:
            return StatedPenalty(**_beside_a_term(members))
        except FieldValueError as error:  # pragma: no cover - every part is valid alone
            raise _refuse(text, f"{text!r}: {error}") from None
    inexact = _INEXACT.search(phrase)
    if inexact is not None:
        raise _refuse(
            text,
            f"{text!r} is not an exact penalty: {inexact.group(0)!r} qualifies the figure, "
            "and the reader never guesses a number",
        )
    raise _refuse(
        text,
        f"{text!r} is not a penalty the reader understands, such as 'sentenced to death', "
        "'ten years in a strict-regime colony', '15 days of administrative arrest' or "
        "'74 lashes'",
    )
