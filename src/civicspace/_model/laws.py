"""Laws: legal instruments, their articles, their status over time, and citations of them.

A :class:`Law` (record type ``"law"``) is one instrument of one jurisdiction:
a code, a law, a sub-decree, a notice, a draft.  Its status history says
when it was drafted, adopted, brought into force, amended, rescinded or
repealed; its articles carry the penalties they state and the freedoms they
restrict; its criticised features are data with a source.  Charges refer to
it by id with a :class:`LawReference`.

The pure functions answer the questions monitors ask of laws: which status
an instrument had on a date, which instruments were in force, which law a
published citation names, and how often each article is cited.
"""

from __future__ import annotations

import datetime
import difflib
import enum
import functools
import re
import unicodedata
from collections import Counter
from collections.abc import Hashable, Iterable, Mapping
from typing import Any, TypeVar

import attrs

from .._util.patterns import LazyPattern
from ..errors import (
    AmbiguousInstrumentError,
    FieldValueError,
    InstrumentNotFoundError,
    InstrumentResolutionError,
    UnknownLawError,
)
from .citations import (
    Citation,
    canonical_article_number,
    check_article_number,
    check_article_numbers,
)
from .money import Money
from .records import record_type
from .sentences import AggravatedPenalty, StatutoryPenalty
from .terms import Life, Term
from .values import (
    Derivation,
    LawVersion,
    PartialDate,
    Source,
    check_country,
    check_id,
    check_not_empty,
    check_text,
    country_name,
)

__all__ = [
    "AmbiguousInstrumentError",
    "Article",
    "CriticisedFeature",
    "Feature",
    "Freedom",
    "InstrumentMatch",
    "InstrumentNotFoundError",
    "InstrumentResolutionError",
    "Law",
    "LawKind",
    "LawReference",
    "LawStatus",
    "StatusChange",
    "StatutoryMaximum",
    "UnknownLawError",
    "article_exists",
    "count_references_by_article",
    "count_references_by_article_and_key",
    "in_force_on",
    "law_id",
    "law_status_on",
    "laws_in_force",
    "resolve_citation",
    "resolve_instrument",
    "statutory_maximum",
]

K = TypeVar("K", bound=Hashable)


class LawKind(enum.Enum):
    """What kind of instrument a law is."""

    CONSTITUTION = "constitution"
    CODE = "code"
    LAW = "law"
    SUB_DECREE = "sub_decree"
    DECREE = "decree"
    NOTICE = "notice"
    REGULATION = "regulation"
    DRAFT_LAW = "draft_law"
    """A bill not (as far as the record knows) enacted: never in force."""


class LawStatus(enum.Enum):
    """A change in an instrument's legal standing, as its status history records it."""

    DRAFTED = "drafted"
    ADOPTED = "adopted"
    PROMULGATED = "promulgated"
    IN_FORCE = "in_force"
    """Entered into force."""
    AMENDED = "amended"
    """Amended, and so in force."""
    RESCINDED = "rescinded"
    REPEALED = "repealed"


#: Statuses that end an instrument's life.
ENDING_STATUSES = frozenset({LawStatus.RESCINDED, LawStatus.REPEALED})
#: Statuses that make or keep an instrument law.
_IN_FORCE = frozenset({LawStatus.IN_FORCE, LawStatus.AMENDED})
#: Statuses before which an instrument was certainly not in force.
_NOT_YET = frozenset(
    {LawStatus.DRAFTED, LawStatus.ADOPTED, LawStatus.PROMULGATED, LawStatus.IN_FORCE}
)


class Freedom(enum.Enum):
    """A civic freedom that a provision restricts."""

    EXPRESSION = "expression"
    ASSEMBLY = "assembly"
    ASSOCIATION = "association"
    PRIVACY = "privacy"
    INFORMATION = "information"


class CriticisedFeature(enum.Enum):
    """A feature of an instrument that monitors criticise."""

    SUNSET_CLAUSE_ABSENT = "sunset_clause_absent"
    """No date or condition on which the instrument lapses by itself."""
    SUNSET_CLAUSE_PRESENT = "sunset_clause_present"
    """The instrument lapses by itself (recorded where monitors weigh it)."""
    ENDED_ONLY_BY_DECREE = "ended_only_by_decree"
    """Only the executive, by decree, can end it."""
    VAGUE_TERMS = "vague_terms"
    OVERBROAD_TERMS = "overbroad_terms"
    DISPROPORTIONATE_PENALTIES = "disproportionate_penalties"
    UNFETTERED_EXECUTIVE_POWER = "unfettered_executive_power"
    SURVEILLANCE = "surveillance"
    """Powers to monitor communications or online traffic."""
    PRIOR_NOTIFICATION = "prior_notification"
    """Activities must be notified to the authorities in advance."""
    REGISTRATION_REQUIRED = "registration_required"
    """Unregistered groups may not act."""
    POLITICAL_NEUTRALITY = "political_neutrality"
    """Organisations must stay "politically neutral"."""
    OTHER = "other"
    """Anything else; the ``note`` says what."""


def _check_texts(
    _instance: object, attribute: attrs.Attribute[Any], value: tuple[str, ...]
) -> None:
    for text in value:
        if not isinstance(text, str) or not text.strip():
            raise FieldValueError("this text is empty", field=attribute.name)


@attrs.frozen(kw_only=True)
class StatusChange:
    """One entry of an instrument's status history: it became ``status`` on ``date``.

    Record the date of the change itself ("adopted in February 2021"), not
    of a report that the status still holds.

    Attributes:
        status: What the instrument became.
        date: When, to the precision the source gives.
        sources: Where it was reported.

    """

    status: LawStatus
    date: PartialDate
    sources: tuple[Source, ...] = ()


@attrs.frozen(kw_only=True)
class Article:
    """One article of an instrument, by the instrument's own numbering.

    Attributes:
        number: The article's number as the instrument numbers it: ``"494"``,
            ``"39"``, ``"13 bis"``.
        heading: The article's heading, or the offence it defines as the
            source names it ("incitement to commit a felony").
        penalties: The penalties it states.
        restricts: The civic freedoms it restricts.
        version: Which version of the instrument the article's text, heading
            and penalties come from (the draft or the adopted text), when the
            source says.
        sources: Where the article, its heading or its use was reported.

    """

    number: str = attrs.field(validator=check_article_number)
    heading: str | None = attrs.field(default=None, validator=check_text)
    penalties: tuple[StatutoryPenalty, ...] = ()
    restricts: tuple[Freedom, ...] = ()
    version: LawVersion | None = None
    sources: tuple[Source, ...] = ()

    @property
    def key(self) -> str:
        """The number in canonical form (see :func:`civicspace.laws.canonical_article_number`)."""
        return canonical_article_number(self.number)


@attrs.frozen(kw_only=True)
class Feature:
    """A feature of an instrument that monitors criticise, with where they said so.

    Attributes:
        feature: Which feature.
        note: What the criticism says, in a sentence; required for ``other``.
        restricts: The civic freedoms the feature restricts.
        version: Which version of the instrument has the feature (the draft
            or the adopted text), when the source says.
        sources: Where the criticism was published (at least one).

    """

    feature: CriticisedFeature
    note: str | None = attrs.field(default=None, validator=check_text)
    restricts: tuple[Freedom, ...] = ()
    version: LawVersion | None = None
    sources: tuple[Source, ...] = attrs.field(validator=check_not_empty)


@record_type("law")
@attrs.frozen(kw_only=True)
class Law:
    """A legal instrument of a jurisdiction (record type ``"law"``).

    Attributes:
        id: A stable identifier, built the way ELI builds them:
            jurisdiction, kind, year and number or short name
            (``"khm/code/2009/criminal-code"``); see :func:`law_id`.
        jurisdiction: ISO 3166-1 alpha-3 code of the country.
        kind: What kind of instrument it is.
        titles: Its titles as published, the official one first (at least one).
        short_names: Short names and acronyms ("LANGO").
        status: Its status history, oldest first.
        articles: Its articles, each number once.
        penalties: Penalties the instrument states where the source names
            no article ("up to 20-year prison sentences for violations of
            Covid-19 measures"): the most it provides for.
        features: Criticised features, each with a source.
        sources: Where the instrument was reported.
        derived: The values that rest on a reading rather than a quote, each
            marked with how it was derived (:class:`~civicspace.common.Derivation`).

    """

    id: str = attrs.field(validator=check_id)
    jurisdiction: str = attrs.field(validator=check_country)
    kind: LawKind
    titles: tuple[str, ...] = attrs.field(validator=[check_not_empty, _check_texts])
    short_names: tuple[str, ...] = attrs.field(default=(), validator=_check_texts)
    status: tuple[StatusChange, ...] = ()
    articles: tuple[Article, ...] = ()
    penalties: tuple[StatutoryPenalty, ...] = ()
    features: tuple[Feature, ...] = ()
    sources: tuple[Source, ...] = ()
    derived: tuple[Derivation, ...] = ()

    @property
    def title(self) -> str:
        """The first title: the official one."""
        return self.titles[0]

    def article(self, number: str) -> Article | None:
        """The article with that number (compared canonically), or ``None``."""
        key = canonical_article_number(number)
        return next((article for article in self.articles if article.key == key), None)


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


# --------------------------------------------------------------------------- ids


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def law_id(jurisdiction: str, kind: LawKind | str, name: str, year: int | None = None) -> str:
    """An ELI-style id: ``jurisdiction/kind/year/name``, lower case, year optional.

    ``law_id("KHM", LawKind.CODE, "Criminal Code", 2009)`` is
    ``"khm/code/2009/criminal-code"``; ``law_id("KHM", "draft_law",
    "Cybercrime")`` is ``"khm/draft-law/cybercrime"``.  The kind is written
    with hyphens; ``name`` (a number such as ``"175"`` or a short name such as
    ``"LANGO"``) is lower-cased, accents are dropped and every run of other
    characters becomes one hyphen.  Leave ``year`` out when the source gives
    none: it is never guessed.

    Raises:
        ValueError: when the jurisdiction is not an ISO 3166-1 alpha-3 code,
            the kind is unknown, the year is outside 1 to 9999, or the name
            has no letter or digit.

    """
    country_name(jurisdiction)  # raises ParseError (a ValueError) for an unknown country
    kind = LawKind(kind)
    if year is not None and (type(year) is not int or not 1 <= year <= 9999):
        raise ValueError(f"year {year!r} is not a year from 1 to 9999")
    slug = _slug(name)
    if not slug:
        raise ValueError(f"{name!r} has no letter or digit to name the law by")
    parts = [jurisdiction.lower(), kind.value.replace("_", "-")]
    if year is not None:
        parts.append(str(year))
    parts.append(slug)
    return "/".join(parts)


# --------------------------------------------------------------------------- status


def _as_day(value: datetime.date | PartialDate) -> datetime.date:
    return value.earliest if isinstance(value, PartialDate) else value


def _history(law: Law) -> list[StatusChange]:
    # Stable: entries taking effect on the same day keep the order given.
    return sorted(law.status, key=lambda change: change.date.earliest)


def law_status_on(law: Law, day: datetime.date | PartialDate) -> StatusChange | None:
    """The entry of the status history in effect on ``day``; ``None`` before the first.

    An entry takes effect on the first day its date may be: a status dated
    ``"2020-04"`` holds from 1 April 2020, one dated ``"2015"`` from
    1 January 2015, and it holds until the next entry takes effect.  Entries
    taking effect on the same day keep the order they are listed in; the
    later one wins.  A partial ``day`` stands for its first day.
    """
    when = _as_day(day)
    current = None
    for change in _history(law):
        if change.date.earliest > when:
            break
        current = change
    return current


def in_force_on(law: Law, day: datetime.date | PartialDate) -> bool | None:
    """Whether the instrument was in force on ``day``; ``None`` when the record cannot tell.

    By the entry in effect on ``day`` (see :func:`law_status_on`): ``in_force``
    and ``amended`` mean in force; ``drafted``, ``rescinded`` and
    ``repealed`` mean not; ``adopted`` and ``promulgated`` cannot tell, since
    an instrument may enter into force later.  Before the first entry it was
    not in force if that entry is ``drafted``, ``adopted``, ``promulgated``
    or ``in_force``, and the record cannot tell otherwise.  A law of kind
    ``draft_law`` with no history is not in force; any other law with no
    history cannot tell.
    """
    current = law_status_on(law, day)
    if current is None:
        history = _history(law)
        if not history:
            return False if law.kind is LawKind.DRAFT_LAW else None
        return False if history[0].status in _NOT_YET else None
    if current.status in _IN_FORCE:
        return True
    if current.status is LawStatus.DRAFTED or current.status in ENDING_STATUSES:
        return False
    return None


def laws_in_force(
    laws: Iterable[Law], jurisdiction: str, day: datetime.date | PartialDate
) -> tuple[Law, ...]:
    """The laws of ``jurisdiction`` certainly in force on ``day``, in the order given.

    A law whose record cannot tell (:func:`in_force_on` answers ``None``) is
    left out.
    """
    return tuple(
        law for law in laws if law.jurisdiction == jurisdiction and in_force_on(law, day) is True
    )


def article_exists(law: Law, number: str) -> bool:
    """Whether ``law`` has an article numbered ``number`` (compared canonically)."""
    return law.article(number) is not None


# --------------------------------------------------------------------------- resolving citations


@attrs.frozen
class InstrumentMatch:
    """How a name as written was matched to a law record.

    Attributes:
        law: The law it names.
        name: The title or short name of the law it matched.
        explanation: How, in a sentence.

    """

    law: Law
    name: str
    explanation: str


_QUOTES = str.maketrans({"’": "'", "‘": "'", "‛": "'", "`": "'", "“": '"', "”": '"'})
_HYPHENS = str.maketrans({char: "-" for char in "‐‑‒–—"})
_THE = LazyPattern(r"^the(?:\s+|$)")
_PARENTHESIS = LazyPattern(r"^(.*?)\s*\(([^()]+)\)$")
_YEAR = LazyPattern(r"^([0-9]{4})\s+(.+)$")


def _name_key(text: str) -> str:
    """Case, quote marks, dashes, spacing, a leading "the" and edge punctuation ignored."""
    folded = unicodedata.normalize("NFKC", text).translate(_QUOTES).translate(_HYPHENS)
    folded = " ".join(folded.casefold().split()).strip(" .,;:")
    return _THE.sub("", folded).strip(" .,;:")


@functools.cache
def _jurisdiction_forms(code: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Prefixes and suffixes that name a jurisdiction: "cambodia's ", " of cambodia"."""
    import pycountry

    country = pycountry.countries.get(alpha_3=code)
    names = {
        _name_key(getattr(country, field))
        for field in ("name", "common_name", "official_name")
        if country is not None and hasattr(country, field)
    }
    prefixes: set[str] = set()
    suffixes: set[str] = set()
    for name in names:
        prefixes |= {f"{name}'s ", f"the {name}'s "}
        if name.endswith("a"):
            prefixes.add(f"{name}n ")  # Cambodia → Cambodian
        suffixes |= {f" of {name}", f" of the {name}"}
    longest_first = sorted(prefixes, key=len, reverse=True), sorted(suffixes, key=len, reverse=True)
    return tuple(longest_first[0]), tuple(longest_first[1])


def _readings(written: str, law: Law) -> list[tuple[str, str]]:
    """The keys ``written`` may stand for when it names ``law``, each with what was set aside."""
    key = _name_key(written)
    readings = [(key, "")]
    parenthesis = _PARENTHESIS.match(key)
    if parenthesis:
        outside, inside = parenthesis.groups()
        readings += [(outside, f" without '({inside})'"), (inside, f" by '{inside}'")]
    prefixes, suffixes = _jurisdiction_forms(law.jurisdiction)
    years = {str(change.date.year) for change in law.status}
    more = []
    for text, how in readings:
        year = _YEAR.match(text)
        if year and year.group(1) in years:
            more.append(
                (year.group(2), f"{how} once the year {year.group(1)} of its history is set aside")
            )
        for prefix in prefixes:
            if text.startswith(prefix):
                more.append(
                    (
                        text[len(prefix) :],
                        f"{how} once '{prefix.strip()}', naming its jurisdiction "
                        f"{law.jurisdiction}, is set aside",
                    )
                )
        for suffix in suffixes:
            if text.endswith(suffix):
                more.append(
                    (
                        text[: -len(suffix)],
                        f"{how} once '{suffix.strip()}', naming its jurisdiction "
                        f"{law.jurisdiction}, is set aside",
                    )
                )
    return readings + more


def resolve_instrument(
    written: str, laws: Iterable[Law], *, jurisdiction: str | None = None
) -> InstrumentMatch:
    """The law record that a name as written ("Cambodia’s Penal Code") stands for.

    A name matches a law when, ignoring case, quote marks, dashes, spacing,
    a leading "the" and edge punctuation, it equals one of the law's titles
    or short names, either as it is or once one of these is set aside:

    - a qualifier naming the law's own jurisdiction: "Cambodia’s …",
      "Cambodian …" (the country's name plus "n", for names ending in "a"),
      "… of Cambodia", "… of the Kingdom of Cambodia";
    - a trailing acronym in parentheses, or everything but it
      ("Law on Associations and Non-Governmental Organizations (LANGO)");
    - a leading year that one of its status entries is dated in ("2015 Law
      on Associations …").

    ``jurisdiction`` limits the search to one country's laws.  Nothing is
    ever guessed: no match and several matches are errors.

    Raises:
        InstrumentNotFoundError: when no law matches; its message lists close
            titles, if any, as suggestions only.
        AmbiguousInstrumentError: when laws with different ids match; its
            ``candidates`` lists them.

    """
    chosen = [law for law in laws if jurisdiction is None or law.jurisdiction == jurisdiction]
    found: dict[str, InstrumentMatch] = {}
    for law in chosen:
        names = {_name_key(name): name for name in (*law.titles, *law.short_names)}
        for key, how in _readings(written, law):
            if key in names and law.id not in found:
                kind = "short name" if names[key] in law.short_names else "title"
                found[law.id] = InstrumentMatch(
                    law,
                    names[key],
                    f"{written!r} matches the {kind} {names[key]!r} of {law.id}{how} "
                    "(case, quote marks and a leading 'the' ignored)",
                )
    where = f" of {jurisdiction}" if jurisdiction is not None else ""
    if len(found) > 1:
        ids = sorted(found)
        raise AmbiguousInstrumentError(
            f"{written!r} could name any of the laws{where} {', '.join(ids)}; cite one by its id",
            written=written,
            candidates=ids,
        )
    if not found:
        titles = [name for law in chosen for name in (*law.titles, *law.short_names)]
        close = difflib.get_close_matches(written, titles, n=3, cutoff=0.6)
        hint = f"; close titles (not chosen): {', '.join(map(repr, close))}" if close else ""
        raise InstrumentNotFoundError(
            f"no law{where} has a title or short name matching {written!r}{hint}",
            written=written,
        )
    return next(iter(found.values()))


def resolve_citation(
    citation: Citation, laws: Iterable[Law], *, jurisdiction: str | None = None
) -> LawReference:
    """The :class:`LawReference` a parsed citation stands for, given the laws.

    The instrument is resolved by :func:`resolve_instrument`; the article
    numbers and the text as written are kept.  Whether the law has those
    articles is not checked here (see :func:`article_exists`).

    Raises:
        InstrumentNotFoundError: when the citation names no instrument, or
            one that no law matches.
        AmbiguousInstrumentError: when it matches several laws.

    """
    if citation.instrument is None:
        raise InstrumentNotFoundError(
            f"{citation.as_written!r} names no instrument to look up", written=citation.as_written
        )
    match = resolve_instrument(citation.instrument, laws, jurisdiction=jurisdiction)
    return LawReference(
        law=match.law.id, articles=citation.articles, as_written=citation.as_written
    )


# --------------------------------------------------------------------------- penalties


@attrs.frozen
class StatutoryMaximum:
    """The most the law allows for a charge, and what that rests on; see :func:`statutory_maximum`.

    Attributes:
        reference: The reference it was worked out for.
        penalty: The greatest maximum term and the greatest maximum fine of
            the penalties used, and every aggravated variant of theirs with
            the maxima it has over its own penalty stated in full; no
            minimum.  ``None`` when the law record states no penalty that
            applies.  Compare a sentence with it by
            :func:`civicspace.sentences.compare_with_penalty`.
        articles: The cited articles whose own penalties were used.
        from_instrument: Whether the instrument's own penalties were used
            (see :func:`statutory_maximum`).
        without_penalty: Cited articles the law has that state no penalty.
        missing: Cited articles the law record does not have.

    """

    reference: LawReference
    penalty: StatutoryPenalty | None
    articles: tuple[str, ...] = ()
    from_instrument: bool = False
    without_penalty: tuple[str, ...] = ()
    missing: tuple[str, ...] = ()


def _greatest_term(terms: Iterable[Term | Life | None]) -> Term | Life | None:
    greatest: Term | Life | None = None
    for term in terms:
        if term is not None and (greatest is None or term > greatest):
            greatest = term
    return greatest


def _greatest_fine(fines: Iterable[Money | None]) -> Money | None:
    greatest: Money | None = None
    for fine in fines:
        if fine is not None and (greatest is None or fine > greatest):
            greatest = fine
    return greatest


def _restated(penalty: StatutoryPenalty, variant: AggravatedPenalty) -> AggravatedPenalty:
    """``variant`` with its maxima stated in full, as they are with ``penalty`` as its base."""
    applied = penalty.applying(variant)
    return AggravatedPenalty(
        condition=variant.condition,
        maximum_term=applied.maximum_term,
        maximum_fine=applied.maximum_fine,
    )


def _combine(penalties: list[StatutoryPenalty]) -> StatutoryPenalty | None:
    if not penalties:
        return None
    variants: list[AggravatedPenalty] = []
    for penalty in penalties:
        for variant in penalty.aggravated:
            restated = _restated(penalty, variant)
            if restated not in variants:
                variants.append(restated)
    return StatutoryPenalty(
        maximum_term=_greatest_term(penalty.maximum_term for penalty in penalties),
        maximum_fine=_greatest_fine(penalty.maximum_fine for penalty in penalties),
        aggravated=tuple(variants),
    )


def statutory_maximum(laws: Iterable[Law], reference: LawReference) -> StatutoryMaximum:
    """The most the law allows for a charge citing ``reference``: the heaviest cited article.

    The penalties used are those of the cited articles.  When none of the
    cited articles states a penalty, or the reference cites the whole
    instrument, the instrument's own penalties are used (they are the most
    it provides for); a reference to the whole instrument also uses every
    article's penalties.  From the penalties used, the result takes the
    greatest maximum term and the greatest maximum fine (penalties for
    several articles are not added up: a court sentences within the
    heaviest), keeps every aggravated variant with its condition and the
    maxima it has over its own penalty, stated in full, and states no
    minimum.  Whether a sentence exceeds it is answered by
    :func:`civicspace.sentences.compare_with_penalty` given this penalty.

    Raises:
        UnknownLawError: when no law has the reference's id.
        IncomparableTermsError: when two maximum terms compare differently
            from different start dates (one month against 30 days).
        CurrencyMismatchError: when two maximum fines are in different
            currencies.

    """
    law = laws_by_id(laws).get(reference.law)
    if law is None:
        raise UnknownLawError(f"no law has the id {reference.law!r}")
    used: list[StatutoryPenalty] = []
    with_penalty: list[str] = []
    without: list[str] = []
    missing: list[str] = []
    for number in reference.articles:
        article = law.article(number)
        if article is None:
            missing.append(number)
        elif article.penalties:
            with_penalty.append(number)
            used.extend(article.penalties)
        else:
            without.append(number)
    from_instrument = not used and bool(law.penalties)
    if from_instrument:
        used.extend(law.penalties)
    if not reference.articles:
        from_instrument = bool(law.penalties)
        used = [*law.penalties]
        for article in law.articles:
            if article.penalties:
                with_penalty.append(article.number)
                used.extend(article.penalties)
    return StatutoryMaximum(
        reference=reference,
        penalty=_combine(used),
        articles=tuple(with_penalty),
        from_instrument=from_instrument,
        without_penalty=tuple(without),
        missing=tuple(missing),
    )


# --------------------------------------------------------------------------- counting

#: An article as counted: the law's id and the article's canonical number,
#: or ``None`` for a citation of the whole instrument.
ArticleKey = tuple[str, str | None]


def _keys(reference: LawReference) -> list[ArticleKey]:
    if not reference.articles:
        return [(reference.law, None)]
    # A reference that repeats an article cites it once.
    return [
        (reference.law, number)
        for number in dict.fromkeys(canonical_article_number(n) for n in reference.articles)
    ]


def count_references_by_article(references: Iterable[LawReference]) -> dict[ArticleKey, int]:
    """How many references cite each article, most cited first.

    An article is ``(law id, canonical number)``; a reference citing the whole
    instrument counts under ``(law id, None)``.  A reference that names an
    article twice counts it once.  Ties keep the order first seen.
    """
    counts = Counter(key for reference in references for key in _keys(reference))
    return dict(counts.most_common())


def count_references_by_article_and_key(
    items: Iterable[tuple[K, LawReference]],
) -> dict[ArticleKey, dict[K, int]]:
    """How often each article is cited, split by a key such as the role of the person charged.

    ``items`` pairs each reference with its key (``("journalist",
    reference)``).  Articles come most cited first, as in
    :func:`count_references_by_article`; the keys of each article, most
    frequent first.
    """
    by_article: dict[ArticleKey, Counter[K]] = {}
    for group, reference in items:
        for key in _keys(reference):
            by_article.setdefault(key, Counter())[group] += 1
    ranked = sorted(by_article.items(), key=lambda item: -item[1].total())
    return {key: dict(counter.most_common()) for key, counter in ranked}


def laws_by_id(laws: Iterable[Law]) -> Mapping[str, Law]:
    """The laws keyed by id; the first of two laws with one id wins."""
    found: dict[str, Law] = {}
    for law in laws:
        found.setdefault(law.id, law)
    return found
