"""The rules of a Human Rights Council session: its members and side events."""

from __future__ import annotations

from collections.abc import Iterator

from .._model.countries import is_un_member_state, place_of
from .._model.sessions import COUNCIL_SEATS, Session
from .engine import Finding, _repeats, check


@check(
    Session,
    "session.member_count",
    "A session's member list does not have the Council's 47 seats' worth of members.",
)
def council_seats_filled(session: Session) -> Iterator[Finding]:
    """A session's member list, when given, has one member for each of the Council's 47 seats."""
    if session.members and len(session.members) != COUNCIL_SEATS:
        yield (
            "$.members",
            f"the Council has {COUNCIL_SEATS} seats, but {len(session.members)} members are listed",
        )


@check(
    Session,
    "session.member_repeated",
    "A session lists one member state twice.",
)
def members_unique(session: Session) -> Iterator[Finding]:
    """No member state is listed twice for one session."""
    for index, first in _repeats(session.members):
        yield f"$.members[{index}]", f"{session.members[index]} is already member {first}"


@check(
    Session,
    "session.member_not_un_member",
    "A session lists as a member a place that is not a UN member state (Hong Kong, say).",
)
def members_are_un_member_states(session: Session) -> Iterator[Finding]:
    """Every member is a UN member state: only they are elected to the Council."""
    for index, code in enumerate(session.members):
        if not is_un_member_state(code):
            yield (
                f"$.members[{index}]",
                f"{place_of(code)}; only UN member states sit on the Council",
            )


@check(
    Session,
    "session.dates_reversed",
    "A session ends before it starts.",
)
def session_ends_after_it_starts(session: Session) -> Iterator[Finding]:
    """A session does not end before it starts, as far as the dates' precision can tell."""
    if session.start is not None and session.end is not None and session.end.before(session.start):
        yield "$.end", f"the session ends in {session.end}, before it starts in {session.start}"


@check(
    Session,
    "session.side_event_outside",
    "A side event is dated before its session starts or after it ends.",
)
def side_events_within_session(session: Session) -> Iterator[Finding]:
    """A side event is not dated before its session starts or after it ends.

    Only a date that is certainly outside counts: "2020-09" is not outside a
    session that starts on 14 September 2020.
    """
    for index, event in enumerate(session.side_events):
        if event.date is None:
            continue
        if session.start is not None and event.date.before(session.start):
            yield (
                f"$.side_events[{index}].date",
                f"{event.date} is before the session starts ({session.start})",
            )
        elif session.end is not None and session.end.before(event.date):
            yield (
                f"$.side_events[{index}].date",
                f"{event.date} is after the session ends ({session.end})",
            )


@check(
    Session,
    "session.side_event_time_reversed",
    "A side event does not end after it starts.",
)
def side_events_end_after_they_start(session: Session) -> Iterator[Finding]:
    """A side event's end time is later than its start time."""
    for index, event in enumerate(session.side_events):
        start, end = event.start_time, event.end_time
        if start is not None and end is not None and end <= start:
            yield (
                f"$.side_events[{index}].end_time",
                f"the event ends at {end}, which is not after it starts at {start}",
            )
