"""Strategies for Human Rights Council sessions (session.json)."""

from __future__ import annotations

import datetime

from hypothesis import strategies as st

from .._model.common import PartialDate
from .._model.countries import un_member_states
from .._model.sessions import (
    COUNCIL_SEATS,
    AgendaItem,
    AgendaItemKind,
    Demand,
    PrintedMember,
    Session,
    SideEvent,
    Speaker,
)
from ._common import (
    _marking,
    _optional_tuple,
    _record_strategy,
    countries,
    partial_dates,
    sources,
    texts,
)

__all__ = [
    "agenda_items",
    "council_members",
    "demands",
    "printed_members",
    "sessions",
    "side_events",
    "speakers",
    "times_of_day",
]


def times_of_day() -> st.SearchStrategy[str]:
    """Times of day ``"HH:MM"`` on the 24-hour clock."""
    return st.builds(
        lambda hour, minute: f"{hour:02d}:{minute:02d}", st.integers(0, 23), st.integers(0, 59)
    )


def demands() -> st.SearchStrategy[Demand]:
    """Demands, with or without who made them and when."""
    return st.builds(
        Demand,
        text=texts(),
        addressee=st.none() | texts(),
        made_by=st.none() | texts(),
        date=st.none() | partial_dates(),
    )


def agenda_items() -> st.SearchStrategy[AgendaItem]:
    """Agenda items about a country, a theme or both."""
    subject = st.one_of(
        st.tuples(countries(), st.none() | texts()), st.tuples(st.none() | countries(), texts())
    )
    return st.builds(
        lambda kind, number, title, about, asked: AgendaItem(
            kind=kind,
            item_number=number,
            title=title,
            country=about[0],
            theme=about[1],
            demands=asked,
        ),
        st.sampled_from(AgendaItemKind),
        st.none() | st.integers(1, 10),
        st.none() | texts(),
        subject,
        _optional_tuple(demands()),
    )


def speakers() -> st.SearchStrategy[Speaker]:
    """Panel speakers, with or without a role."""
    return st.builds(Speaker, name=texts(), role=st.none() | texts())


def side_events(
    dates: st.SearchStrategy[PartialDate] | None = None,
) -> st.SearchStrategy[SideEvent]:
    """Side events dated by ``dates`` (default: any date) or undated; ends after starts."""
    times = st.one_of(
        st.just((None, None)),
        st.tuples(times_of_day(), st.none()),
        st.lists(times_of_day(), min_size=2, max_size=2, unique=True).map(sorted).map(tuple),
    )
    return st.builds(
        lambda title, date, start_end, room, country, panel: SideEvent(
            title=title,
            date=date,
            start_time=start_end[0],
            end_time=start_end[1],
            room=room,
            country=country,
            panel=panel,
        ),
        texts(),
        st.none() | (partial_dates() if dates is None else dates),
        times,
        st.none() | texts(),
        st.none() | countries(),
        _optional_tuple(speakers()),
    )


def council_members() -> st.SearchStrategy[tuple[str, ...]]:
    """A full Council: 47 distinct UN member states, in any order."""
    return st.permutations(sorted(un_member_states())).map(
        lambda codes: tuple(codes[:COUNCIL_SEATS])
    )


def printed_members() -> st.SearchStrategy[PrintedMember]:
    """An entry of a member list as printed, read as none, one or a few member states."""
    return st.builds(
        PrintedMember,
        printed=texts(),
        countries=st.lists(
            st.sampled_from(sorted(un_member_states())), max_size=3, unique=True
        ).map(tuple),
    )


@_record_strategy(Session)
def sessions() -> st.SearchStrategy[Session]:
    """Sessions that pass every ``session.*`` check.

    Side events are dated within the session, the end is not before the start,
    and the member list is absent or a full Council.
    """

    @st.composite
    def build(draw: st.DrawFn) -> Session:
        start, end = draw(st.none() | partial_dates()), draw(st.none() | partial_dates())
        if start is not None and end is not None and end < start:
            start, end = end, start
        # Any day between the start's first day and the end's last, at any
        # precision, is never certainly outside the session.
        low = datetime.date(1900, 1, 1) if start is None else start.earliest
        high = datetime.date(2100, 12, 31) if end is None else end.latest
        return Session(
            number=draw(st.integers(1, 999)),
            start=start,
            end=end,
            agenda=draw(_optional_tuple(agenda_items())),
            side_events=draw(_optional_tuple(side_events(partial_dates(low, high)))),
            members=draw(st.just(()) | council_members()),
            printed_members=draw(_optional_tuple(printed_members(), max_size=3)),
            sources=draw(_optional_tuple(sources(), max_size=2)),
        )

    return _marking(build(), ("number",))
