"""Reading a Human Rights Council member list from prose: countries, with what could not be read."""

from __future__ import annotations

import re

import attrs

from .._model.countries import (
    PlaceKind,
    is_place_name,
    lookup_place,
    part_of_suggestion,
    place_spelling,
)
from ..errors import NotACountryError, ParseError

__all__ = ["MemberList", "UnreadMember", "parse_members"]


@attrs.frozen(kw_only=True)
class UnreadMember:
    """An entry of a member list that :func:`parse_members` could not read.

    Attributes:
        text: The entry as printed, without the separators around it.
        position: Where it stands among the list's entries, counting from 0.
        message: Why it could not be read.
        suggestions: The closest known names, best first; empty when none.

    """

    text: str
    position: int
    message: str
    suggestions: tuple[str, ...] = ()


@attrs.frozen(kw_only=True)
class MemberList:
    """A published member list as read by :func:`parse_members`.

    Attributes:
        members: The alpha-3 codes of the members read, in the list's order
            (a member printed twice is read twice).
        unread: Every entry that could not be read, in the list's order.

    """

    members: tuple[str, ...]
    unread: tuple[UnreadMember, ...] = ()

    @property
    def complete(self) -> bool:
        """Whether every entry was read."""
        return not self.unread


_BULLETS = "•·*-–—"


def _entries(text: str) -> list[str]:
    # Semicolons separate when there are any, so names with commas survive.
    separator = ";" if ";" in text else ","
    pieces = [piece for line in text.splitlines() for piece in line.split(separator)]
    entries = []
    for piece in pieces:
        entry = piece.strip().lstrip(_BULLETS).strip()
        entry = re.sub(r"^and\s+", "", entry, flags=re.IGNORECASE).rstrip(".").strip()
        if entry:
            entries.append(entry)
    return entries


def _member(entry: str) -> str:
    place = lookup_place(entry)
    if place.kind is not PlaceKind.UN_MEMBER_STATE:
        raise NotACountryError(
            str(place), text=entry, place=place, suggestions=part_of_suggestion(place)
        )
    assert place.code is not None
    return place.code


def _known(name: str) -> bool:
    return is_place_name(name)


def _names_at(entries: list[str], position: int) -> tuple[list[str], int]:
    """The names the entry at ``position`` holds, and how many entries they take up."""
    entry = entries[position]
    if position + 1 < len(entries):
        # An ISO name with a comma in it ("Korea, Republic of"), cut in two by
        # a comma-separated list.
        pair = f"{entry}, {entries[position + 1]}"
        if _known(pair) and "," in place_spelling(pair):
            return [pair], 2
    if not _known(entry):
        # "Ukraine and Uruguay": two names joined by "and" without a comma.
        head, joined, tail = entry.rpartition(" and ")
        if joined and _known(head) and _known(tail):
            return [head, tail], 1
    return [entry], 1


def parse_members(text: str) -> MemberList:
    """Read a published list of member states, and report every entry it could not read.

    Entries are separated by semicolons ("Afghanistan; Angola; …; and
    Uruguay.") or, in a list without semicolons, by commas, and by line
    breaks; "and" before the last entry, a final full stop and bullets are
    dropped.  Each entry is read as :func:`country_code` reads names, and
    must name a UN member state: a territory (Hong Kong) or a region is
    reported, not read.  In a comma-separated list an ISO name with a comma
    in it ("Korea, Republic of") is read whole.

    >>> parse_members("Afghanistan; Angola; Saudi Arabi; and Uruguay.").members
    ('AFG', 'AGO', 'URY')

    Never raises for a bad entry: each becomes an :class:`UnreadMember` with
    the reason and suggestions.
    """
    if not isinstance(text, str):
        raise TypeError(f"expected the text of a list, got {type(text).__name__}")
    entries = _entries(text)
    members: list[str] = []
    unread: list[UnreadMember] = []
    position = 0
    while position < len(entries):
        names, used = _names_at(entries, position)
        for name in names:
            try:
                members.append(_member(name))
            except ParseError as error:
                unread.append(_unread(name, position, error))
        position += used
    return MemberList(members=tuple(members), unread=tuple(unread))


def _unread(entry: str, position: int, error: ParseError) -> UnreadMember:
    return UnreadMember(
        text=entry, position=position, message=str(error), suggestions=error.suggestions
    )
