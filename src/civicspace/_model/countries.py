"""Country names as published, read into ISO 3166-1 alpha-3 codes, and what a place is.

Published texts name countries many ways: "Czechia" and "Czech Republic",
"United Kingdom of Great Britain and Northern Ireland", "Democratic Republic
of the Congo", "Viet Nam", "the Bahamas".  :func:`country_code` reads every
name pycountry (ISO 3166) knows — short, official and common names, and the
inverted ISO forms put the right way round ("Korea, Republic of" is also
"Republic of Korea") — plus a small table of aliases shipped in
``civicspace/data/countries.json``, each with its reason.

Matching is exact after normalisation, never fuzzy: case, accents, the word
"the", apostrophes, full stops and other punctuation do not matter, so
"BAHAMAS", "the Bahamas" and "Bahamas." are one name, and "Bolivia
(Plurinational State of)" is ISO's "Bolivia, Plurinational State of".  A name
that is not known is refused with the closest known names as suggestions
("Saudi Arabi" suggests "Saudi Arabia"); the library never picks one.

Not every place is a country.  ISO 3166-1 has entries for territories that
are not states (Hong Kong, HKG); :func:`country_code` answers their codes,
as ratings and the ``country`` schema use them, and :func:`lookup_place`
says what they are.  Regions with no ISO 3166-1 code (Tibet, Xinjiang) raise
:class:`NotACountryError`, which says whose region they are.

pycountry and the alias table load on first use and the name index is built
once, so ``import civicspace`` stays cheap.
"""

from __future__ import annotations

import difflib
import enum
import functools
import json
import re
import unicodedata
from collections.abc import Iterator, Mapping
from importlib import resources
from types import MappingProxyType
from typing import Any

import attrs

from .._util.patterns import LazyPattern
from ..errors import CivicspaceError, NotACountryError, ParseError

__all__ = [
    "NotACountryError",
    "Place",
    "PlaceKind",
    "country_code",
    "is_place_name",
    "is_un_member_state",
    "lookup_place",
    "part_of_suggestion",
    "place_of",
    "place_spelling",
    "un_member_states",
]


class PlaceKind(enum.Enum):
    """What a named place is, as far as membership of the UN is concerned."""

    UN_MEMBER_STATE = "un_member_state"
    """One of the 193 member states of the United Nations."""
    UN_OBSERVER_STATE = "un_observer_state"
    """A non-member observer state of the UN: the Holy See, the State of Palestine."""
    TERRITORY = "territory"
    """An ISO 3166-1 entry that is not a UN member or observer state (Hong Kong, Greenland)."""
    REGION = "region"
    """Part of a country, with no ISO 3166-1 code of its own (Tibet, Xinjiang)."""


@attrs.frozen(kw_only=True)
class Place:
    """A place a published text names, and what it is.

    Attributes:
        name: Its name: the ISO 3166 English short name for an ISO entry
            ("Hong Kong", "Korea, Republic of"), else the usual English name
            ("Xinjiang").
        kind: A UN member state, an observer state, a territory or a region.
        code: The ISO 3166-1 alpha-3 code; ``None`` for a region, which has none.
        part_of: The alpha-3 code of the country it belongs to, where the
            shipped data says (Hong Kong and Macao: CHN; Tibet, Xinjiang: CHN);
            else ``None``.
        subdivision: Its ISO 3166-2 code as a part of that country (Xinjiang:
            ``"CN-XJ"``), where the data gives one.
        description: What it is, in words ("an autonomous region of China"),
            where the data gives it.

    """

    name: str
    kind: PlaceKind
    code: str | None = None
    part_of: str | None = None
    subdivision: str | None = None
    description: str | None = None

    @property
    def is_state(self) -> bool:
        """Whether it is a UN member or observer state."""
        return self.kind in {PlaceKind.UN_MEMBER_STATE, PlaceKind.UN_OBSERVER_STATE}

    def __str__(self) -> str:
        """Say what it is: "Xinjiang is an autonomous region of China (CHN)"."""
        if self.kind is PlaceKind.UN_MEMBER_STATE:
            return f"{self.name} ({self.code}) is a UN member state"
        if self.kind is PlaceKind.UN_OBSERVER_STATE:
            return f"{self.name} ({self.code}) is a UN observer state, not a member state"
        what = self.description or (
            "a territory" if self.kind is PlaceKind.TERRITORY else "a region"
        )
        if self.part_of is not None and self.description is None:
            what += f" of {_short_name(self.part_of)}"
        where = f" ({self.part_of})" if self.part_of is not None else ""
        coded = f" with ISO 3166-1 code {self.code}" if self.code is not None else ""
        state = "a UN member state" if self.kind is PlaceKind.TERRITORY else "a country"
        return f"{self.name} is {what}{where}{coded}, not {state}"


# Apostrophes and full stops vanish ("Côte d'Ivoire", "U.S."); other punctuation
# separates words ("Guinea-Bissau", "Bolivia (Plurinational State of)").
_VANISH = LazyPattern(r"['’‘`´.]")
_SEPARATE = LazyPattern(r"[^0-9a-z]+")


def _normalise(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name)
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    text = _VANISH.sub("", bare.casefold().replace("&", " and "))
    words = [word for word in _SEPARATE.split(text) if word and word != "the"]
    return " ".join(words)


@attrs.frozen
class _Index:
    # normalised name → place; normalised name → the name as the data spells it.
    places: Mapping[str, Place]
    spelled: Mapping[str, str]
    by_code: Mapping[str, Place]
    members: frozenset[str]


def _data() -> dict[str, Any]:
    text = resources.files("civicspace").joinpath("data", "countries.json").read_text("utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded


def _iso_names(country: Any) -> Iterator[str]:
    """A pycountry entry's names, and inverted ISO names the right way round."""
    for attribute in ("name", "official_name", "common_name"):
        name = getattr(country, attribute, None)
        if not name:
            continue
        yield name
        head, comma, tail = name.partition(", ")
        # "Korea, Republic of" → "Republic of Korea"; "Congo, The Democratic
        # Republic of the" → "The Democratic Republic of the Congo".
        if comma and ", " not in tail and re.search(r"\bof( the)?$", tail, re.IGNORECASE):
            yield f"{tail} {head}"


@functools.cache
def _index() -> _Index:
    import pycountry

    data = _data()
    members = frozenset(data["un_member_states"]["codes"])
    observers = frozenset(data["un_observer_states"]["codes"])
    territories = {entry["code"]: entry for entry in data["territories"]}
    places: dict[str, Place] = {}
    spelled: dict[str, str] = {}
    by_code: dict[str, Place] = {}

    def add(name: str, place: Place) -> None:
        key = _normalise(name)
        known = places.get(key)
        if known is not None and known != place:
            raise CivicspaceError(f"country name {name!r} is ambiguous: {known} or {place}")
        places[key] = place
        spelled.setdefault(key, name)

    for country in sorted(pycountry.countries, key=lambda country: country.alpha_3):
        code = country.alpha_3
        kind = (
            PlaceKind.UN_MEMBER_STATE
            if code in members
            else PlaceKind.UN_OBSERVER_STATE
            if code in observers
            else PlaceKind.TERRITORY
        )
        extra = territories.get(code, {})
        place = Place(
            name=country.name,
            kind=kind,
            code=code,
            part_of=extra.get("part_of"),
            subdivision=extra.get("subdivision"),
            description=extra.get("description"),
        )
        by_code[code] = place
        for name in (*_iso_names(country), *extra.get("other_names", ())):
            add(name, place)
    for alias in data["aliases"]:
        add(alias["name"], by_code[alias["code"]])
    for region in data["regions"]:
        place = Place(
            name=region["name"],
            kind=PlaceKind.REGION,
            part_of=region["part_of"],
            subdivision=region["subdivision"],
            description=region["description"],
        )
        for name in (region["name"], *region["other_names"]):
            add(name, place)
    return _Index(
        places=MappingProxyType(places),
        spelled=MappingProxyType(spelled),
        by_code=MappingProxyType(by_code),
        members=members,
    )


def _short_name(code: str) -> str:
    place = _index().by_code.get(code)
    return code if place is None else place.name


def _run_together(key: str) -> tuple[str, ...]:
    """Two known names written with no separator between them: "SomaliaSudan"."""
    compact = {known.replace(" ", ""): known for known in _index().places}
    squeezed = key.replace(" ", "")
    for cut in range(1, len(squeezed)):
        first, second = compact.get(squeezed[:cut]), compact.get(squeezed[cut:])
        if first is not None and second is not None:
            spelled = _index().spelled
            return (spelled[first], spelled[second])
    return ()


def _unknown(name: object) -> ParseError:
    key = _normalise(name) if isinstance(name, str) else ""
    index = _index()
    together = _run_together(key) if key else ()
    close = difflib.get_close_matches(key, list(index.places), n=10, cutoff=0.6)
    # One suggestion a place, in its closest spelling: not "Saudi Arabia" and
    # "Kingdom of Saudi Arabia" both.
    seen = [index.places[_normalise(name)] for name in together]
    suggestions = list(together)
    for match in close:
        if index.places[match] not in seen and len(suggestions) < 3:
            seen.append(index.places[match])
            suggestions.append(index.spelled[match])
    if together:
        hint = f"; it reads as {together[0]!r} and {together[1]!r} run together"
    elif suggestions:
        hint = f"; did you mean {' or '.join(repr(name) for name in suggestions)}?"
    else:
        hint = ""
    return ParseError(
        f"{name!r} is not a country name civicspace knows{hint}",
        text=str(name),
        suggestions=suggestions,
    )


def lookup_place(name: str) -> Place:
    """What a published name denotes: a UN member state, observer state, territory or region.

    The name is matched as :func:`country_code` matches it.

    >>> lookup_place("Xinjiang").kind
    <PlaceKind.REGION: 'region'>
    >>> hong_kong = lookup_place("Hong Kong")
    >>> (hong_kong.code, hong_kong.part_of, hong_kong.is_state)
    ('HKG', 'CHN', False)

    Raises:
        ParseError: when the name is not known, with the closest known names
            as suggestions.

    """
    if isinstance(name, str):
        place = _index().places.get(_normalise(name))
        if place is not None:
            return place
    raise _unknown(name)


def country_code(name: str) -> str:
    """The ISO 3166-1 alpha-3 code of a country named as published.

    Every ISO 3166 short, official and common name is read, with the aliases
    shipped in ``civicspace/data/countries.json``; case, accents, the word
    "the" and punctuation do not matter.  Nothing is guessed.

    >>> [country_code(name) for name in ("Czechia", "Czech Republic", "the Bahamas")]
    ['CZE', 'CZE', 'BHS']

    Territories with an ISO 3166-1 entry get their code (Hong Kong: HKG),
    as the ``country`` of a rating does; ask :func:`lookup_place` whether a
    name is a UN member state.

    Raises:
        NotACountryError: for a region with no ISO 3166-1 code (Tibet,
            Xinjiang); its message says whose region it is and its
            suggestions hold that country's name.
        ParseError: when the name is not known: its suggestions are the
            closest known names, best first ("Saudi Arabi" → "Saudi Arabia").

    """
    place = lookup_place(name)
    if place.code is None:
        raise NotACountryError(
            str(place), text=name, place=place, suggestions=part_of_suggestion(place)
        )
    return place.code


def place_of(code: str) -> Place:
    """What the ISO 3166-1 entry with alpha-3 ``code`` is: ``place_of("HKG").kind`` is a territory.

    Raises:
        ParseError: when ``code`` is not a current ISO 3166-1 alpha-3 code.

    """
    place = _index().by_code.get(code) if isinstance(code, str) else None
    if place is None:
        raise ParseError(f"{code!r} is not an ISO 3166-1 alpha-3 country code", text=str(code))
    return place


def un_member_states() -> frozenset[str]:
    """The alpha-3 codes of the 193 UN member states, the only states the Council can seat."""
    return _index().members


def is_un_member_state(code: str) -> bool:
    """Whether ``code`` is the ISO 3166-1 alpha-3 code of a UN member state."""
    return code in un_member_states()


def part_of_suggestion(place: Place) -> tuple[str, ...]:
    """The country a territory is part of, as a suggestion: Hong Kong → China."""
    return () if place.part_of is None else (_short_name(place.part_of),)


def is_place_name(name: str) -> bool:
    """Whether ``name`` is a spelling of a country or territory that civicspace knows."""
    return _normalise(name) in _index().places


def place_spelling(name: str) -> str:
    """The spelling under which a known place name is listed (its commas included)."""
    return _index().spelled[_normalise(name)]
