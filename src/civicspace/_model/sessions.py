"""Sessions of the UN Human Rights Council, their members, and what was asked of them.

A :class:`Session` (record type ``"session"``) holds what the published texts
say about one regular session of the Council: its number and dates, the items
on its agenda (each about a country or a theme, with the demands made about
it), the side events held during it and the member states that sat on the
Council.  The functions here join a session's membership with civic-space
ratings (:func:`council_ratings`, :func:`council_change`) and gather what the
sessions did about one country (:func:`sessions_concerning`,
:func:`agenda_concerning`, :func:`demands_about`).
"""

from __future__ import annotations

import datetime
import enum
import re
from collections import Counter
from collections.abc import Iterable
from typing import Any, Final

import attrs

from .._util.patterns import LazyPattern
from ..errors import FieldValueError, IncompleteSessionError, ParseError
from .common import Derivation, PartialDate, Source, check_text, is_country_code
from .ratings import CivicusRating, CountryRating, RatingHistory
from .records import record_type

__all__ = [
    "COUNCIL_SEATS",
    "AgendaItem",
    "AgendaItemKind",
    "CouncilChange",
    "CouncilRatings",
    "Demand",
    "IncompleteSessionError",
    "PrintedMember",
    "Session",
    "SessionDemand",
    "SessionItem",
    "SideEvent",
    "Speaker",
    "agenda_concerning",
    "council_change",
    "council_ratings",
    "demands_about",
    "sessions_concerning",
]

COUNCIL_SEATS: Final = 47
"""The number of seats on the UN Human Rights Council; a full member list has this many."""

_TIME = LazyPattern(r"([01][0-9]|2[0-3]):[0-5][0-9]", re.ASCII)


def _check_optional_country(
    _instance: object, attribute: attrs.Attribute[Any], value: str | None
) -> None:
    if value is not None and not is_country_code(value):
        raise FieldValueError(
            f"{value!r} is not an ISO 3166-1 alpha-3 country code", field=attribute.name
        )


def _check_countries(
    _instance: object, attribute: attrs.Attribute[Any], value: tuple[str, ...]
) -> None:
    for index, code in enumerate(value):
        if not is_country_code(code):
            raise FieldValueError(
                f"member {index} ({code!r}) is not an ISO 3166-1 alpha-3 country code",
                field=attribute.name,
            )


def _check_time(_instance: object, attribute: attrs.Attribute[Any], value: str | None) -> None:
    if value is not None and (not isinstance(value, str) or _TIME.fullmatch(value) is None):
        raise FieldValueError(
            f"{value!r} is not a time of day of the form HH:MM (00:00 to 23:59)",
            field=attribute.name,
        )


def _check_end_time(
    instance: SideEvent, attribute: attrs.Attribute[Any], value: str | None
) -> None:
    _check_time(instance, attribute, value)
    if value is not None and instance.start_time is None:
        raise FieldValueError("an end time needs a start time", field=attribute.name)


def _check_whole_number(low: int, high: int) -> Any:
    def check(_instance: object, attribute: attrs.Attribute[Any], value: int | None) -> None:
        if value is None:
            return
        if type(value) is not int or not low <= value <= high:
            raise FieldValueError(
                f"{value!r} is not a whole number from {low} to {high}", field=attribute.name
            )

    return check


class AgendaItemKind(enum.Enum):
    """What kind of business an agenda item is."""

    RESOLUTION = "resolution"
    """A resolution presented to the Council ("the resolution on Cambodia")."""
    MANDATE_RENEWAL = "mandate_renewal"
    """The renewal of a mechanism's mandate (a Special Rapporteur, a Commission of Inquiry)."""
    REPORT = "report"
    """A report presented to the Council (by the High Commissioner, a Special Rapporteur)."""
    INTERACTIVE_DIALOGUE = "interactive_dialogue"
    """An interactive dialogue with a mandate holder, in which states and NGOs speak."""
    GENERAL_DEBATE = "general_debate"
    """The general debate under one of the Council's agenda items."""
    VOTE = "vote"
    """A vote of the Council's members."""


@attrs.frozen(kw_only=True)
class Demand:
    """A demand made about an agenda item, and of whom.

    Attributes:
        text: What is demanded, in the words of the text ("Renew the mandate
            of the Special Rapporteur on the human rights situation in
            Cambodia").
        addressee: Of whom it is demanded ("the Human Rights Council",
            "States", "the Cambodian government"); ``None`` when the text
            names no one.
        made_by: Who made it ("CIVICUS"), when the text says.
        date: When it was made, when the text says.

    """

    text: str = attrs.field(validator=check_text)
    addressee: str | None = attrs.field(default=None, validator=check_text)
    made_by: str | None = attrs.field(default=None, validator=check_text)
    date: PartialDate | None = None


def _check_subject(
    instance: AgendaItem, attribute: attrs.Attribute[Any], value: str | None
) -> None:
    check_text(instance, attribute, value)
    if value is None and instance.country is None:
        raise FieldValueError("an agenda item concerns a country, a theme or both", field="theme")


@attrs.frozen(kw_only=True)
class AgendaItem:
    """An item of business on a session's agenda: about a country, a theme or both.

    Attributes:
        kind: Resolution, mandate renewal, report, interactive dialogue,
            general debate or vote.
        item_number: The Council's agenda item it falls under, 1 to 10, when
            the text says ("the Item 10 interactive dialogue").
        title: The item as the text names it ("Interactive Dialogue with the
            Special Rapporteur on human rights in Cambodia").
        country: The country it concerns, ISO 3166-1 alpha-3.
        theme: The theme it concerns ("reprisals", "arbitrary detention").
            An item has a country, a theme or both.
        demands: The demands the texts make about it.

    """

    kind: AgendaItemKind
    item_number: int | None = attrs.field(default=None, validator=_check_whole_number(1, 10))
    title: str | None = attrs.field(default=None, validator=check_text)
    country: str | None = attrs.field(default=None, validator=_check_optional_country)
    theme: str | None = attrs.field(default=None, validator=_check_subject)
    demands: tuple[Demand, ...] = ()


@attrs.frozen(kw_only=True)
class Speaker:
    """A speaker on a side event's panel.

    Attributes:
        name: The speaker's name as printed ("Lina Al-Hathloul").
        role: Who the speaker is, as the text puts it ("the sister of
            detained human rights defender Loujain Al-Hathloul").

    """

    name: str = attrs.field(validator=check_text)
    role: str | None = attrs.field(default=None, validator=check_text)


@attrs.frozen(kw_only=True)
class SideEvent:
    """An event held beside a session, with its time, room and panel.

    Times are strings ``"HH:MM"`` on the 24-hour clock, local time at the
    venue as published: "1-2pm" is ``start_time="13:00"``,
    ``end_time="14:00"``.  A date is given only when the text gives its
    year; "16 Sep" with no year leaves ``date`` out (quote it in the
    session's sources).

    Attributes:
        title: The event's title as printed.
        date: The day it is held, to the precision the text gives.
        start_time: When it starts, ``"HH:MM"``.
        end_time: When it ends, ``"HH:MM"``; only with a start time.
        room: Where ("Room XXIV").
        country: The country it concerns, when it concerns one.
        panel: The speakers the text names.

    """

    title: str = attrs.field(validator=check_text)
    date: PartialDate | None = None
    start_time: str | None = attrs.field(default=None, validator=_check_time)
    end_time: str | None = attrs.field(default=None, validator=_check_end_time)
    room: str | None = attrs.field(default=None, validator=check_text)
    country: str | None = attrs.field(default=None, validator=_check_optional_country)
    panel: tuple[Speaker, ...] = ()


def _check_read_countries(
    _instance: object, attribute: attrs.Attribute[Any], value: tuple[str, ...]
) -> None:
    if len(value) > COUNCIL_SEATS:
        raise FieldValueError(
            f"an entry is read as at most {COUNCIL_SEATS} member states, not {len(value)}",
            field=attribute.name,
        )
    _check_countries(_instance, attribute, value)


@attrs.frozen(kw_only=True)
class PrintedMember:
    """One entry of a Council member list as the text prints it, and how it is read.

    A text's list may run two names together ("SomaliaSudan") or leave names
    out.  The entry keeps the printed words; ``countries`` holds the member
    states it is read as, and nothing the text does not print is filled in.

    Attributes:
        printed: The entry as printed, character for character.
        countries: The member states it is read as, ISO 3166-1 alpha-3, in
            the order printed (``("SOM", "SDN")`` for "SomaliaSudan"); empty
            when it cannot be read as any.

    """

    printed: str = attrs.field(validator=check_text)
    countries: tuple[str, ...] = attrs.field(default=(), validator=_check_read_countries)


@record_type("session")
@attrs.frozen(kw_only=True)
class Session:
    """A regular session of the UN Human Rights Council (record type ``"session"``).

    Regular sessions are numbered in the order they sit, so their numbers
    order them in time even where a text gives no dates.  Dates are given to
    the precision the text gives and only with their year: "from 9 to 27
    September", with no year in the sentence, leaves ``start`` and ``end``
    out, and the sentence goes into ``sources`` as a quote.

    The checks (``civicspace.validate``) report a member list that is not
    :data:`COUNCIL_SEATS` long, a member listed twice or that is not a UN
    member state, an end before the start, and a side event dated outside
    the session or ending before it starts.

    Attributes:
        number: The session's number: 42 for the forty-second.
        start: The first day of the session.
        end: The last day of the session.
        agenda: The items on its agenda that the texts discuss.
        side_events: Events held beside it.
        members: The member states that sat on the Council for the session,
            ISO 3166-1 alpha-3, in the order the text lists them.  Empty
            when the text gives no list, or no full one.
        printed_members: A member list that is not full (names run
            together, names left out), entry by entry as printed, with the
            member states each is read as; see :attr:`unaccounted_seats`.
        sources: Where these facts were published.
        derived: The values that rest on a reading rather than a quote, each
            marked with how it was derived (:class:`~civicspace.common.Derivation`).

    """

    number: int = attrs.field(validator=_check_whole_number(1, 999))
    start: PartialDate | None = None
    end: PartialDate | None = None
    agenda: tuple[AgendaItem, ...] = ()
    side_events: tuple[SideEvent, ...] = ()
    members: tuple[str, ...] = attrs.field(default=(), validator=_check_countries)
    printed_members: tuple[PrintedMember, ...] = ()
    sources: tuple[Source, ...] = ()
    derived: tuple[Derivation, ...] = ()

    @property
    def unaccounted_seats(self) -> int | None:
        """The Council's seats a printed member list does not account for.

        :data:`COUNCIL_SEATS` less the member states its entries are read
        as; ``None`` when the session has no printed member list.  A list of
        44 entries that runs "SomaliaSudan" together reads as 45 states and
        leaves 2 seats unaccounted for.
        """
        if not self.printed_members:
            return None
        return COUNCIL_SEATS - sum(len(entry.countries) for entry in self.printed_members)

    def concerns(self, country: str) -> bool:
        """Whether an agenda item or a side event of the session concerns ``country``."""
        return any(item.country == country for item in self.agenda) or any(
            event.country == country for event in self.side_events
        )


@attrs.frozen(kw_only=True)
class CouncilRatings:
    """A session's members and their civic-space ratings on a day; see :func:`council_ratings`.

    Attributes:
        session: The session's number.
        day: The day the ratings were in force.
        threshold: The least closed rating that counts (by default
            ``repressed``, so "repressed or closed").
        members: The session's members, in its order.
        ratings: The rating in force on ``day`` of each member that had one,
            in the members' order.

    """

    session: int
    day: datetime.date
    threshold: CivicusRating
    members: tuple[str, ...]
    ratings: tuple[CountryRating, ...]

    @property
    def flagged(self) -> tuple[str, ...]:
        """The members rated ``threshold`` or more closed, in the members' order."""
        return tuple(record.country for record in self.ratings if record.rating >= self.threshold)

    @property
    def count(self) -> int:
        """How many members are rated ``threshold`` or more closed."""
        return len(self.flagged)

    @property
    def unrated(self) -> tuple[str, ...]:
        """The members with no rating in force on ``day``."""
        rated = {record.country for record in self.ratings}
        return tuple(member for member in self.members if member not in rated)

    def by_rating(self) -> dict[CivicusRating, int]:
        """How many members sat in each category, every category a key, most open first."""
        counts = Counter(record.rating for record in self.ratings)
        return {rating: counts[rating] for rating in CivicusRating}


def _day_of(session: Session, day: datetime.date | PartialDate | None) -> datetime.date:
    if isinstance(day, datetime.date):
        return day
    if isinstance(day, PartialDate):
        return day.earliest
    if session.start is None:
        raise IncompleteSessionError(
            f"session {session.number} has no start date; say which day to take the ratings on"
        )
    return session.start.earliest


def council_ratings(
    session: Session,
    history: RatingHistory,
    day: datetime.date | PartialDate | None = None,
    *,
    threshold: CivicusRating = CivicusRating.REPRESSED,
) -> CouncilRatings:
    """Join a session's members with their ratings on a day.

    ``day`` defaults to the session's start; a partial date stands for its
    first day, as in :meth:`RatingHistory.rating_on`.  A member listed twice
    is counted once.  ``.flagged`` and ``.count`` then answer "which members,
    and how many, are rated repressed or closed" (or ``threshold`` or more
    closed).

    Raises:
        IncompleteSessionError: when the session lists no members, or has no
            start date and no ``day`` is given.

    """
    if not session.members:
        raise IncompleteSessionError(f"session {session.number} lists no members")
    when = _day_of(session, day)
    members = tuple(dict.fromkeys(session.members))
    ratings = tuple(
        record
        for record in (history.rating_on(member, when) for member in members)
        if record is not None
    )
    return CouncilRatings(
        session=session.number, day=when, threshold=threshold, members=members, ratings=ratings
    )


@attrs.frozen(kw_only=True)
class CouncilChange:
    """How the flagged members changed between two sessions; see :func:`council_change`.

    Attributes:
        before: The earlier session's members and ratings.
        after: The later session's.

    """

    before: CouncilRatings
    after: CouncilRatings

    @property
    def joined(self) -> tuple[str, ...]:
        """Flagged in the later session and not the earlier, in the later session's order.

        A member joins the set by being elected while rated repressed or
        closed, or by being downgraded while on the Council.
        """
        earlier = set(self.before.flagged)
        return tuple(member for member in self.after.flagged if member not in earlier)

    @property
    def left(self) -> tuple[str, ...]:
        """Flagged in the earlier session and not the later, in the earlier session's order."""
        later = set(self.after.flagged)
        return tuple(member for member in self.before.flagged if member not in later)

    @property
    def stayed(self) -> tuple[str, ...]:
        """Flagged in both sessions, in the later session's order."""
        earlier = set(self.before.flagged)
        return tuple(member for member in self.after.flagged if member in earlier)


def council_change(
    earlier: Session,
    later: Session,
    history: RatingHistory,
    *,
    earlier_day: datetime.date | PartialDate | None = None,
    later_day: datetime.date | PartialDate | None = None,
    threshold: CivicusRating = CivicusRating.REPRESSED,
) -> CouncilChange:
    """Which members joined or left the repressed-or-closed set between two sessions.

    Each session's members are rated on its own day (by default its start),
    as :func:`council_ratings` does.

    Raises:
        IncompleteSessionError: as :func:`council_ratings` does.

    """
    return CouncilChange(
        before=council_ratings(earlier, history, earlier_day, threshold=threshold),
        after=council_ratings(later, history, later_day, threshold=threshold),
    )


@attrs.frozen(kw_only=True)
class SessionItem:
    """An agenda item and the number of the session it was on."""

    session: int
    item: AgendaItem


@attrs.frozen(kw_only=True)
class SessionDemand:
    """A demand, with the agenda item it was made about and the session's number."""

    session: int
    item: AgendaItem
    demand: Demand


def _country(code: str) -> str:
    if not is_country_code(code):
        raise ParseError(
            f"{code!r} is not an ISO 3166-1 alpha-3 code;"
            " civicspace.countries.country_code reads names",
            text=str(code),
        )
    return code


def _by_number(sessions: Iterable[Session]) -> list[Session]:
    return sorted(sessions, key=lambda session: session.number)


def sessions_concerning(sessions: Iterable[Session], country: str) -> tuple[Session, ...]:
    """The sessions with an agenda item or side event about ``country``, in session order.

    Sessions with equal numbers keep the order they were given in.

    Raises:
        ParseError: when ``country`` is not an ISO 3166-1 alpha-3 code.

    """
    code = _country(country)
    return tuple(session for session in _by_number(sessions) if session.concerns(code))


def agenda_concerning(sessions: Iterable[Session], country: str) -> tuple[SessionItem, ...]:
    """The agenda items about ``country``, in session order, then agenda order.

    Raises:
        ParseError: when ``country`` is not an ISO 3166-1 alpha-3 code.

    """
    code = _country(country)
    return tuple(
        SessionItem(session=session.number, item=item)
        for session in _by_number(sessions)
        for item in session.agenda
        if item.country == code
    )


def demands_about(sessions: Iterable[Session], country: str) -> tuple[SessionDemand, ...]:
    """The demands made about ``country``, oldest first.

    Sorted by session number (the Council numbers its sessions in the order
    they sit), then within a session by the demand's date, undated demands
    first, then in the order given.  Dates of different precision sort as
    :class:`PartialDate` does (a month before the days in it).

    Raises:
        ParseError: when ``country`` is not an ISO 3166-1 alpha-3 code.

    """
    found = [
        SessionDemand(session=entry.session, item=entry.item, demand=demand)
        for entry in agenda_concerning(sessions, country)
        for demand in entry.item.demands
    ]
    return tuple(
        sorted(
            found,
            key=lambda entry: (
                entry.session,
                entry.demand.date is not None,
                entry.demand.date or PartialDate(1),
            ),
        )
    )
