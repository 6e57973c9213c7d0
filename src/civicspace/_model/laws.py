"""Laws: legal instruments, their articles and their status over time.

A :class:`Law` (record type ``"law"``) is one instrument of one jurisdiction:
a code, a law, a sub-decree, a notice, a draft.  Its status history says
when it was drafted, adopted, brought into force, amended, rescinded or
repealed; its articles carry the penalties they state and the freedoms they
restrict; its criticised features are data with a source.  Charges refer to
it by id with a :class:`~civicspace._model.articles.LawReference`.

The pure functions answer the questions monitors ask of laws: which status
an instrument had on a date and which instruments were in force.  Which law
a published citation names, and how often each article is cited, is in
:mod:`civicspace._model.citations`; what a law's penalties allow, in
:mod:`civicspace._model.penalties`.
"""

from __future__ import annotations

import datetime
import enum
import re
import unicodedata
from collections.abc import Hashable, Iterable, Mapping
from typing import Any, TypeVar

import attrs

from ..errors import FieldValueError
from .articles import (
    canonical_article_number,
    check_article_number,
)
from .common import (
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
from .penalties import StatutoryPenalty
from .records import record_type

__all__ = [
    "Article",
    "CriticisedFeature",
    "Feature",
    "Freedom",
    "Law",
    "LawKind",
    "LawStatus",
    "StatusChange",
    "article_exists",
    "in_force_on",
    "law_id",
    "law_status_on",
    "laws_by_id",
    "laws_in_force",
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
    VETOED = "vetoed"
    """The head of state refused to sign the adopted text: not law unless the veto is overridden."""
    VETO_OVERRIDDEN = "veto_overridden"
    """Parliament overrode a veto, adopting the text again; it may then be promulgated."""
    STRUCK_DOWN = "struck_down"
    """A court annulled the instrument as unconstitutional or unlawful."""
    WITHDRAWN = "withdrawn"
    """A draft withdrawn by its sponsor before adoption."""
    REJECTED = "rejected"
    """A draft voted down by parliament."""


#: Statuses that end an instrument's life.
ENDING_STATUSES = frozenset(
    {
        LawStatus.RESCINDED,
        LawStatus.REPEALED,
        LawStatus.STRUCK_DOWN,
        LawStatus.WITHDRAWN,
        LawStatus.REJECTED,
    }
)
#: Statuses that say the instrument was enacted, which a draft law never was.
ENACTED_STATUSES = frozenset(
    {
        LawStatus.ADOPTED,
        LawStatus.PROMULGATED,
        LawStatus.IN_FORCE,
        LawStatus.AMENDED,
        LawStatus.VETO_OVERRIDDEN,
    }
)
#: Statuses that make or keep an instrument law.
_IN_FORCE = frozenset({LawStatus.IN_FORCE, LawStatus.AMENDED})
#: Statuses after which an instrument is not (yet) law.
_NOT_LAW = frozenset({LawStatus.DRAFTED, LawStatus.VETOED})
#: Statuses before which an instrument was certainly not in force.
_NOT_YET = frozenset(
    {
        LawStatus.DRAFTED,
        LawStatus.ADOPTED,
        LawStatus.PROMULGATED,
        LawStatus.IN_FORCE,
        LawStatus.VETOED,
        LawStatus.VETO_OVERRIDDEN,
    }
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
    and ``amended`` mean in force; ``drafted``, ``vetoed`` and the statuses
    that end an instrument (``rescinded``, ``repealed``, ``struck_down``,
    ``withdrawn``, ``rejected``) mean not; ``adopted``, ``veto_overridden``
    and ``promulgated`` cannot tell, since an instrument may enter into
    force later.  Before the first entry it was not in force if that entry
    is ``drafted``, ``adopted``, ``promulgated``, ``in_force``, ``vetoed`` or
    ``veto_overridden``, and the record cannot tell otherwise.  A law of kind
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
    if current.status in _NOT_LAW or current.status in ENDING_STATUSES:
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


def laws_by_id(laws: Iterable[Law]) -> Mapping[str, Law]:
    """The laws keyed by id; the first of two laws with one id wins."""
    found: dict[str, Law] = {}
    for law in laws:
        found.setdefault(law.id, law)
    return found
