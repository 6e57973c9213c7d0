"""Consistency across the records of a collection: conflicting accounts and implied exchange rates.

Real data is assembled from several published texts, and texts disagree.
These pure functions find where: two accounts of one sentence that differ
(:func:`conflicts`), and currency equivalents whose implied rates stand out
from the others (:func:`implied_exchange_rates`).  Neither resolves
anything: both accounts, and every rate, stay in the data with their sources.
"""

from __future__ import annotations

import statistics
import typing
from collections.abc import Iterable, Iterator
from decimal import Decimal
from typing import Any, Final, TypeVar

import attrs

from .._model.cases import Case
from .._model.collection import Collection
from .._model.common import PartialDate
from .._model.money import ReportedAmount
from .._model.sentences import Sentence, SentenceTotals, included_positions, rulings_totals
from .._util.hints import classes_in
from ..errors import CivicspaceError
from .derived import without_derived

__all__ = [
    "DEFAULT_RATE_TOLERANCE",
    "ConflictingAccounts",
    "ImpliedRate",
    "conflicts",
    "implied_exchange_rates",
    "ruling_totals",
]

T = TypeVar("T")

#: How far, as a fraction of the median, an implied rate may stray before it
#: is an outlier: 0.25 lets a rate drift a quarter either way (currencies move
#: over the years a collection spans) and catches a slipped zero or a swapped
#: pair of amounts, which are off by a factor of ten or more.
DEFAULT_RATE_TOLERANCE: Final = Decimal("0.25")

#: The fewest rates of one currency pair from which an outlier can be told:
#: with two, nothing says which of them is off.
_FEWEST_RATES_FOR_OUTLIERS: Final = 3


@attrs.frozen(kw_only=True)
class ConflictingAccounts:
    """Two or more accounts of one sentence that say different things.

    Accounts are the sentences a case lists for one person with the same
    :attr:`~civicspace.Sentence.imposed_on` (both ``None`` counts as the
    same): the ruling as each source reported it.  They conflict when they
    differ in anything but their sources, as the Mother Nature sentences of
    2021 do ("18 to 20 months" in one article, "18 months" in another).

    Attributes:
        case: The id of the case.
        person: The id of the person sentenced.
        imposed_on: The date of the ruling the accounts report, as given.
        paths: Where each account stands in the document, in order
            (``$.cases[3].sentences[0]``).
        accounts: The sentences, in the same order, each with its sources.

    """

    case: str
    person: str
    imposed_on: PartialDate | None
    paths: tuple[str, ...]
    accounts: tuple[Sentence, ...]


def _without_sources(sentence: Sentence) -> Sentence:
    return attrs.evolve(sentence, sources=())


def _cases_of(records: Collection | Case) -> Iterator[tuple[str, Case]]:
    if isinstance(records, Case):
        yield "$", records
    else:
        for index, case in enumerate(records.cases):
            yield f"$.cases[{index}]", case


def rulings_of(case: Case) -> dict[tuple[str, PartialDate | None], list[int]]:
    """The case's sentences grouped by ruling: ``(person, imposed_on)`` to indexes, in order.

    The sentences of one ruling are accounts of it, one per source that
    reported it differently or the same.
    """
    rulings: dict[tuple[str, PartialDate | None], list[int]] = {}
    for index, sentence in enumerate(case.sentences):
        rulings.setdefault((sentence.person, sentence.imposed_on), []).append(index)
    return rulings


def conflicts(
    records: Collection | Case, *, derived: bool = True
) -> tuple[ConflictingAccounts, ...]:
    """Every sentence reported in accounts that disagree, in document order.

    Accounts that agree in everything but their sources corroborate each
    other and are not listed.  ``records`` is a collection or one case;
    paths are from its root.  With ``derived=False`` the values the records
    mark as derived are left out first (:func:`~civicspace.analysis.without_derived`):
    accounts grouped as one ruling only by an inferred date are then apart,
    and paths are those of what remains.
    """
    if not derived:
        pruned = without_derived(records)
        if pruned is None:
            return ()
        records = pruned
    found: list[ConflictingAccounts] = []
    for case_path, case in _cases_of(records):
        for (person, imposed_on), indexes in rulings_of(case).items():
            accounts = tuple(case.sentences[index] for index in indexes)
            if len({_without_sources(account) for account in accounts}) > 1:
                found.append(
                    ConflictingAccounts(
                        case=case.id,
                        person=person,
                        imposed_on=imposed_on,
                        paths=tuple(f"{case_path}.sentences[{index}]" for index in indexes),
                        accounts=accounts,
                    )
                )
    return tuple(found)


@attrs.frozen(kw_only=True)
class ImpliedRate:
    """The exchange rate a reported equivalent implies, and whether it stands out.

    "a fine of 4 million riel (USD 1,000)" implies 4,000 KHR per USD.

    Attributes:
        path: Where the reported amount stands (``$.cases[0].sentences[1].fine``).
        currency: The currency of the amount (``"KHR"``).
        per: The currency of the equivalent (``"USD"``).
        rate: Units of :attr:`currency` per unit of :attr:`per`
            (:attr:`~civicspace.sentences.ReportedAmount.implied_rate`).
        approximate: The reported amount's own qualifier ("about $1,250").
        outlier: ``True`` when the rate strays from the median rate of its
            currency pair by more than the tolerance; only told when the
            collection has at least three rates for the pair.

    """

    path: str
    currency: str
    per: str
    rate: Decimal
    approximate: bool | None
    outlier: bool


def _walk(obj: Any, path: str, cls: type[T]) -> Iterator[tuple[str, T]]:
    """Every object of ``cls`` inside ``obj`` (attrs objects and tuples), with its path."""
    if isinstance(obj, cls):
        yield path, obj
        return
    if isinstance(obj, tuple):
        for index, item in enumerate(obj):
            yield from _walk(item, f"{path}[{index}]", cls)
    elif attrs.has(type(obj)) and _may_hold(type(obj), cls):
        for field in attrs.fields(type(obj)):
            yield from _walk(getattr(obj, field.name), f"{path}.{field.name}", cls)


def _may_hold(holder: type[Any], cls: type[Any]) -> bool:
    """Whether the attrs class ``holder`` can hold a ``cls`` at any depth, by its type hints."""
    key = (holder, cls)
    known = _HOLDS.get(key)
    if known is None:
        _HOLDS[key] = False  # a class that holds itself does not loop
        hints = typing.get_type_hints(holder)
        known = _HOLDS[key] = any(
            inner is cls or (attrs.has(inner) and _may_hold(inner, cls))
            for field in attrs.fields(holder)
            for inner in classes_in(hints[field.name])
        )
    return known


_HOLDS: dict[tuple[type[Any], type[Any]], bool] = {}


def implied_exchange_rates(
    records: Any, tolerance: Decimal = DEFAULT_RATE_TOLERANCE
) -> tuple[ImpliedRate, ...]:
    """Every reported equivalent in ``records``, as an implied rate, in document order.

    ``records`` is any record (a collection, a case, a sentence).  A rate is
    an outlier when its currency pair has at least three rates and it lies
    outside ``median × (1 ± tolerance)``.  Rates are compared only within one
    pair: KHR per USD never with KHR per EUR.
    """
    found: list[tuple[str, ReportedAmount, tuple[str, str], Decimal]] = [
        (path, amount, (amount.amount.currency, amount.equivalent.currency), amount.implied_rate)
        for path, amount in _walk(records, "$", ReportedAmount)
        if amount.equivalent is not None and amount.implied_rate is not None
    ]
    by_pair: dict[tuple[str, str], list[Decimal]] = {}
    for _, _, pair, rate in found:
        by_pair.setdefault(pair, []).append(rate)
    medians = {
        pair: statistics.median(rates)
        for pair, rates in by_pair.items()
        if len(rates) >= _FEWEST_RATES_FOR_OUTLIERS
    }
    return tuple(
        ImpliedRate(
            path=path,
            currency=pair[0],
            per=pair[1],
            rate=rate,
            approximate=amount.approximate,
            outlier=pair in medians and abs(rate - medians[pair]) > medians[pair] * tolerance,
        )
        for path, amount, pair, rate in found
    )


def ruling_totals(records: Collection | Case | Iterable[Case]) -> SentenceTotals:
    """Add up the sentences of cases counting each ruling once, as a range over its accounts.

    A ruling is the sentences a case lists for one person with one
    ``imposed_on`` (see :class:`ConflictingAccounts`); accounts that
    disagree ("18 to 20 months" and "18 months") add the shortest account's
    term to :attr:`~civicspace.sentences.SentenceTotals.term_minimum` and the longest
    to :attr:`~civicspace.sentences.SentenceTotals.term_maximum`; accounts that agree
    count once.  :attr:`~civicspace.sentences.SentenceTotals.sentences` counts
    rulings; a ruling any account of which is life counts in
    :attr:`~civicspace.sentences.SentenceTotals.life` (and, if aggravated, in
    ``aggravated_life``); a ruling any account of which is death counts in
    ``death``; its least account of lashes adds to ``lashes``.  Fines and compensation add
    each ruling's least account per currency to ``fines`` and
    ``compensation``, and its greatest to ``fines_maximum`` and
    ``compensation_maximum``.  Otherwise the rules of
    :func:`~civicspace.sentences.account_totals` apply: suspended parts included,
    credit not taken off, every appeal outcome counted, a ruling another
    of its case includes (:attr:`~civicspace.Sentence.includes`) left out.

    Raises:
        CivicspaceError: when an item is not a :class:`~civicspace.Case`.
        IncomparableTermsError: when which account is shorter depends on
            the calendar (``P1M`` against ``P30D``).

    """
    if isinstance(records, Collection | Case):
        cases = [case for _, case in _cases_of(records)]
    else:
        cases = list(records)
    checked = []
    for position, case in enumerate(cases):
        if not isinstance(case, Case):
            raise CivicspaceError(f"item {position} is not a Case but {type(case).__name__}")
        found = [
            [case.sentences[index] for index in indexes] for indexes in rulings_of(case).values()
        ]
        left_out = included_positions(found)  # ids refer within one case
        checked += [accounts for index, accounts in enumerate(found) if index not in left_out]
    return rulings_totals(checked, leave_out_included=False)
