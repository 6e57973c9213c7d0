"""Across many cases: a person's cases, counts, and one identity per id in a collection.

The functions take a :class:`~civicspace.Collection` (its ``cases``) or any
iterable of :class:`~civicspace.Case`, and never mutate.  Counts come as
dicts, most common first (ties in the order first seen), and count each
person of each case once: a person in two cases counts twice, once per case.

This module also tells collections which records cases and people refer to
(charges cite laws, standalone people's affiliations name organisations),
and holds the rules that keep one identity per person id and per
organisation id across a collection.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable
from typing import TypeVar

from .._model.cases import Case, person_status
from .._model.citations import count_references_by_article
from .._model.collection import Collection
from .._model.events import CustodyStatus, LegalOutcome, PersonStatus
from .._model.people import Role
from .._model.standing import status_history
from .._util.patterns import LazyPattern
from ..errors import CivicspaceError

__all__ = [
    "cases_of",
    "count_by_article",
    "count_by_country",
    "count_by_custody",
    "count_by_offence",
    "count_by_outcome",
    "count_by_role",
    "count_by_status",
]

K = TypeVar("K", bound=Hashable)
Finding = tuple[str, str]
_SPACES = LazyPattern(r"\s+")


def _cases_in(source: Collection | Iterable[Case]) -> tuple[Case, ...]:
    cases = source.cases if isinstance(source, Collection) else tuple(source)
    for index, case in enumerate(cases):
        if not isinstance(case, Case):
            raise CivicspaceError(f"item {index} is not a Case but {type(case).__name__}")
    return cases


def _ranked(counts: Counter[K]) -> dict[K, int]:
    return dict(counts.most_common())


def cases_of(source: Collection | Iterable[Case], person_id: str) -> tuple[Case, ...]:
    """The cases that name the person among their people, in the order given.

    Kong Raiya's 2015 and 2019 cases, both naming ``"kong-raiya"``, are his
    cases; the collection rule ``collection.conflicting_person`` makes sure
    the id means one person throughout.

    Raises:
        CivicspaceError: when an item is not a :class:`~civicspace.Case`.

    """
    return tuple(
        case for case in _cases_in(source) if any(person.id == person_id for person in case.people)
    )


def count_by_status(source: Collection | Iterable[Case]) -> dict[PersonStatus, int]:
    """How many people of the cases have each status (:func:`~civicspace.cases.person_status`).

    Each person of each case counts once (a person listed twice in one case,
    once).  A person has one such status, so one convicted and then
    released counts as ``released`` only: :func:`count_by_outcome` and
    :func:`count_by_custody` count the two kinds of fact apart.
    """
    counts: Counter[PersonStatus] = Counter()
    for case in _cases_in(source):
        for person_id in dict.fromkeys(person.id for person in case.people):
            counts[person_status(case, person_id)] += 1
    return _ranked(counts)


def _last_standing(case: Case, person_id: str) -> tuple[LegalOutcome, CustodyStatus]:
    steps = status_history(case, person_id)
    if not steps:
        return LegalOutcome.UNKNOWN, CustodyStatus.UNKNOWN
    return steps[-1].outcome, steps[-1].custody


def count_by_outcome(source: Collection | Iterable[Case]) -> dict[LegalOutcome, int]:
    """How many people of the cases have each legal outcome after every event of their case.

    The legal half of status over time (:func:`~civicspace.cases.status_history`):
    a person convicted and then released counts as ``convicted`` here and
    as ``released`` in :func:`count_by_custody`.  Each person of each case
    counts once.
    """
    counts: Counter[LegalOutcome] = Counter()
    for case in _cases_in(source):
        for person_id in dict.fromkeys(person.id for person in case.people):
            counts[_last_standing(case, person_id)[0]] += 1
    return _ranked(counts)


def count_by_custody(source: Collection | Iterable[Case]) -> dict[CustodyStatus, int]:
    """How many people of the cases are in each custody status after every event of their case.

    The custody half of status over time (:func:`~civicspace.cases.status_history`),
    so a person whose remainder was suspended after time served counts as
    ``released``.  Each person of each case counts once.
    """
    counts: Counter[CustodyStatus] = Counter()
    for case in _cases_in(source):
        for person_id in dict.fromkeys(person.id for person in case.people):
            counts[_last_standing(case, person_id)[1]] += 1
    return _ranked(counts)


def count_by_country(source: Collection | Iterable[Case]) -> dict[str, int]:
    """How many cases each country (ISO 3166-1 alpha-3) has."""
    return _ranked(Counter(case.country for case in _cases_in(source)))


def count_by_role(source: Collection | Iterable[Case]) -> dict[Role, int]:
    """How many people of the cases have each role; a person of a case counts once per role."""
    counts: Counter[Role] = Counter()
    for case in _cases_in(source):
        seen: set[str] = set()
        for person in case.people:
            if person.id not in seen:
                seen.add(person.id)
                counts.update(list(dict.fromkeys(person.roles)))
    return _ranked(counts)


def _offence_key(offence: str) -> str:
    return _SPACES.sub(" ", offence.strip()).casefold()


def count_by_offence(source: Collection | Iterable[Case]) -> dict[str, int]:
    """How many people were charged with each offence, as reported.

    Offences are the same when their text is, ignoring case and runs of
    white space; each is keyed by its first spelling.  A person charged
    twice with one offence in one case counts once for it.
    """
    counts: Counter[str] = Counter()
    spelling: dict[str, str] = {}
    for case in _cases_in(source):
        charged: dict[str, set[str]] = {}
        for charge in case.charges:
            key = _offence_key(charge.offence)
            spelling.setdefault(key, charge.offence)
            charged.setdefault(key, set()).update(charge.people)
        for key, people in charged.items():
            counts[spelling[key]] += len(people)
    return _ranked(counts)


def count_by_article(
    source: Collection | Iterable[Case],
) -> dict[tuple[str, str | None], int]:
    """How many people were charged under each article: ``(law id, article) → people``.

    Articles are compared canonically (:func:`~civicspace.laws.canonical_article_number`);
    a citation of a whole law counts under ``(law id, None)``.  A person
    charged under one article by two charges of one case counts once for it.
    """
    counts: Counter[tuple[str, str | None]] = Counter()
    for case in _cases_in(source):
        charged: dict[tuple[str, str | None], set[str]] = {}
        for charge in case.charges:
            for article in count_references_by_article(charge.citations):
                charged.setdefault(article, set()).update(charge.people)
        for article, people in charged.items():
            counts[article] += len(people)
    return _ranked(counts)


# -- Collections --------------------------------------------------------------------------------
