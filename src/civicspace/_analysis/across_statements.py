"""Across statements: who signs with whom, how often, and which statements concern what.

The same organisation is spelt differently from one statement to the next
("World Organisation Against Torture (OMCT)", "World Organization Against
Torture (OMCT)"), so these functions first gather the signatories of all the
statements into organisations (:func:`organisation_groups`) by the rules of
:func:`civicspace.people.match_organisations`, then count.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence

import attrs

from .._model.signatories import Signatory, _key
from .._model.statements import Statement

__all__ = [
    "CoSigning",
    "OrganisationGroup",
    "co_signatories",
    "organisation_groups",
    "statements_concerning",
    "statements_joined",
]

Finding = tuple[str, str]


# -- References and checks ----------------------------------------------------------------------


# -- Gathering signatories into organisations ---------------------------------------------------


@attrs.frozen(kw_only=True)
class OrganisationGroup:
    """One organisation as several statements list it; see :func:`organisation_groups`.

    Attributes:
        name: The name it is first listed under.
        acronym: The first acronym it is listed with, or ``None``.
        id: Its organisation id, when a listing gives one.
        spellings: Every distinct name it is listed under, first seen first.
        statements: The ids of the statements it signed, in the order the
            statements were given, each once.

    """

    name: str
    acronym: str | None
    id: str | None
    spellings: tuple[str, ...]
    statements: tuple[str, ...]

    @property
    def count(self) -> int:
        """How many statements it signed."""
        return len(self.statements)


class _Groups:
    """Union-find over signatory listings, never joining two different ids."""

    def __init__(self, size: int, ids: Sequence[str | None]) -> None:
        self.parent = list(range(size))
        self.ids = list(ids)

    def root(self, item: int) -> int:
        while self.parent[item] != item:
            self.parent[item] = self.parent[self.parent[item]]
            item = self.parent[item]
        return item

    def join(self, first: int, second: int) -> None:
        one, two = self.root(first), self.root(second)
        if one == two:
            return
        if (
            self.ids[one] is not None
            and self.ids[two] is not None
            and self.ids[one] != self.ids[two]
        ):
            return
        low, high = min(one, two), max(one, two)
        self.parent[high] = low
        self.ids[low] = self.ids[low] if self.ids[low] is not None else self.ids[high]


def _listings(statements: Iterable[Statement]) -> list[tuple[str, Signatory]]:
    return [
        (statement.id, signatory) for statement in statements for signatory in statement.signatories
    ]


def _group_listings(listings: Sequence[tuple[str, Signatory]]) -> list[int]:
    """The group (the index of its first listing) of each listing."""
    groups = _Groups(len(listings), [signatory.id for _, signatory in listings])
    by_id: dict[str, int] = {}
    by_name: dict[str, int] = {}
    for index, (_, signatory) in enumerate(listings):
        if signatory.id is not None:
            groups.join(by_id.setdefault(signatory.id, index), index)
        groups.join(by_name.setdefault(_key(signatory.name), index), index)
    for index, (_, signatory) in enumerate(listings):
        if signatory.acronym is not None and _key(signatory.acronym) in by_name:
            groups.join(by_name[_key(signatory.acronym)], index)
    return [groups.root(index) for index in range(len(listings))]


def organisation_groups(statements: Iterable[Statement]) -> tuple[OrganisationGroup, ...]:
    """The organisations that signed ``statements``, each gathered from all its spellings.

    Listings are gathered by the rules of
    :func:`civicspace.people.match_organisations`: the same id, the same
    normalised name, or a name that is another listing's acronym; and
    transitively, so "FIDH" joins "International Federation for Human
    Rights (FIDH)" even when they never share a statement.  Two listings
    with different ids are never gathered, and a listing without an id
    joins the first group its name matches.  Groups come in the order of
    their first listing.
    """
    listings = _listings(statements)
    roots = _group_listings(listings)
    members: dict[int, list[int]] = {}
    for index, root in enumerate(roots):
        members.setdefault(root, []).append(index)
    found = []
    for indices in members.values():
        signatories = [listings[index][1] for index in indices]
        found.append(
            OrganisationGroup(
                name=signatories[0].name,
                acronym=next((s.acronym for s in signatories if s.acronym is not None), None),
                id=next((s.id for s in signatories if s.id is not None), None),
                spellings=tuple(dict.fromkeys(s.name for s in signatories)),
                statements=tuple(dict.fromkeys(listings[index][0] for index in indices)),
            )
        )
    return tuple(found)


def statements_joined(statements: Iterable[Statement]) -> tuple[OrganisationGroup, ...]:
    """Every organisation with the statements it signed, most statements first.

    Organisations that signed as many statements keep the order of their
    first listing.  ``.count`` of each is how many statements it joined;
    two listings of one organisation in one statement count once.
    """
    return tuple(sorted(organisation_groups(statements), key=lambda group: -group.count))


@attrs.frozen(kw_only=True)
class CoSigning:
    """Two organisations and the statements both signed; see :func:`co_signatories`.

    Attributes:
        first: The organisation listed first (by first listing overall).
        second: The other one.
        statements: The ids of the statements both signed, in order.

    """

    first: OrganisationGroup
    second: OrganisationGroup
    statements: tuple[str, ...]

    @property
    def count(self) -> int:
        """How many statements both signed."""
        return len(self.statements)


def co_signatories(statements: Iterable[Statement]) -> tuple[CoSigning, ...]:
    """Every pair of organisations that signed a statement together, most often first.

    Organisations are gathered as :func:`organisation_groups` gathers them.
    Pairs signing together equally often keep the order of their first
    organisation, then of their second.  Symmetric: a pair is listed once.
    """
    given = list(statements)
    listings = _listings(given)
    roots = _group_listings(listings)
    groups = organisation_groups(given)
    by_root = dict(zip(dict.fromkeys(roots), groups, strict=True))
    order = {root: position for position, root in enumerate(by_root)}
    together: dict[tuple[int, int], list[str]] = {}
    offset = 0
    for statement in given:
        size = len(statement.signatories)
        signed = sorted(set(roots[offset : offset + size]), key=order.__getitem__)
        offset += size
        for one, two in itertools.combinations(signed, 2):
            together.setdefault((one, two), []).append(statement.id)
    pairs = sorted(
        together.items(), key=lambda item: (-len(item[1]), order[item[0][0]], order[item[0][1]])
    )
    return tuple(
        CoSigning(first=by_root[one], second=by_root[two], statements=tuple(dict.fromkeys(ids)))
        for (one, two), ids in pairs
    )


def statements_concerning(
    statements: Iterable[Statement],
    *,
    case: str | None = None,
    law: str | None = None,
    person: str | None = None,
) -> tuple[Statement, ...]:
    """The statements with a demand concerning the case, law or person with that id, in order.

    Give exactly one of ``case``, ``law`` and ``person``.

    Raises:
        TypeError: when none or several are given.

    """
    if sum(value is not None for value in (case, law, person)) != 1:
        raise TypeError("give exactly one of case, law and person")
    return tuple(
        statement
        for statement in statements
        if statement.concerns(case=case, law=law, person=person)
    )
