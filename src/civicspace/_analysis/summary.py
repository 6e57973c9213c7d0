"""A summary of a collection: what it holds, in figures a reader checks first.

:func:`summarise` counts; :meth:`CollectionSummary.to_text` renders the
figures as the command line prints them.  Sentences reported in accounts
that disagree (:func:`~civicspace.analysis.conflicts`) are counted once, as a range
from the shortest account to the longest, so a total never hides a conflict.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

import attrs

from .._model.collection import Collection
from .._model.events import PersonStatus
from .._model.money import Money, total_by_currency
from .._model.sentences import Sentence
from .._model.terms import Life, Term, TermRange
from .across_cases import count_by_status
from .across_statements import organisation_groups
from .consistency import conflicts, rulings_of
from .derived import without_derived

__all__ = ["CollectionSummary", "summarise"]


@attrs.frozen(kw_only=True)
class CollectionSummary:
    """Figures about one collection (see :func:`summarise`).

    Ranges are ``(least, most)``: equal unless accounts of a sentence
    disagree, when the least takes every ruling's shortest account and the
    most its longest.

    Attributes:
        records: How many records of each kind, by collection member, in
            member order, kinds without records left out.
        people_by_status: How many people of the cases have each status,
            most common first (:func:`~civicspace.analysis.count_by_status`).
        rulings: How many sentences, counting the accounts of one ruling once.
        sentence_months: The prison terms of those rulings added up, in months.
        life_sentences: How many rulings are of life imprisonment.
        terms_not_counted: Rulings whose term has days (a month is not a
            fixed number of days) or is not stated, left out of the months.
        fines: Fines and compensation added up per ISO 4217 currency, in
            sorted order of currency.
        statements: How many statements.
        signatures: How many signatures the statements list in all.
        signatories: How many organisations signed, each counted once across
            its spellings (:func:`~civicspace.analysis.organisation_groups`).
        laws_cited: Law id and the number of people charged under it, most
            first (ties in the order first cited); each person of a case
            counts once per law.
        conflicts: How many rulings are reported in accounts that disagree.

    """

    records: dict[str, int]
    people_by_status: dict[PersonStatus, int]
    rulings: int
    sentence_months: tuple[int, int]
    life_sentences: int
    terms_not_counted: int
    fines: dict[str, tuple[Money, Money]]
    statements: int
    signatures: int
    signatories: int
    laws_cited: tuple[tuple[str, int], ...]
    conflicts: int

    def to_text(self, top: int = 5) -> str:
        """Render the figures as lines of text; ``top`` laws cited most are listed."""
        lines = ["records: " + _joined(f"{count} {kind}" for kind, count in self.records.items())]
        lines.append(
            "people by status: "
            + _joined(f"{status.value} {count}" for status, count in self.people_by_status.items())
        )
        months = _span(*self.sentence_months)
        lines.append(
            f"sentences: {self.rulings} rulings, {months} months of prison in total"
            + (f", {self.life_sentences} of life" if self.life_sentences else "")
            + (f", {self.terms_not_counted} not counted" if self.terms_not_counted else "")
            + (f"; {self.conflicts} reported in conflicting accounts" if self.conflicts else "")
        )
        lines.append(
            "fines and compensation: "
            + _joined(
                f"{_span(f'{low.amount:,}', f'{high.amount:,}')} {currency}"
                for currency, (low, high) in self.fines.items()
            )
        )
        lines.append(
            f"statements: {self.statements}, with {self.signatures} signatures "
            f"by {self.signatories} organisations"
        )
        lines.append(
            "laws cited most: "
            + _joined(f"{law} ({count} charged)" for law, count in self.laws_cited[:top])
        )
        return "\n".join(lines)


def _joined(parts: Iterable[str]) -> str:
    return ", ".join(parts) or "none"


def _span(low: object, high: object) -> str:
    return str(low) if low == high else f"{low} to {high}"


def _ruling_months(accounts: list[Sentence]) -> tuple[int, int] | None:
    """The shortest and longest term of a ruling's accounts in months, ``None`` if not countable.

    Accounts that state no term are passed over; a ruling none of whose
    accounts states one is ``(0, 0)`` (a fine alone, say).
    """
    bounds: list[int] = []
    for account in accounts:
        term = account.term
        ends = (term.minimum, term.maximum) if isinstance(term, TermRange) else (term,)
        for end in ends:
            if end is None:
                continue
            if not isinstance(end, Term) or end.days:
                return None
            bounds.append(end.total_months)
    return (min(bounds), max(bounds)) if bounds else (0, 0)


def _ruling_payments(accounts: list[Sentence]) -> dict[str, tuple[Money, Money]]:
    """Fine plus compensation per currency, least and most across the accounts that state any."""
    totals: dict[str, list[Money]] = {}
    for account in accounts:
        stated = [
            reported.amount
            for reported in (account.fine, account.compensation)
            if reported is not None
        ]
        for currency, amount in total_by_currency(stated).items():
            totals.setdefault(currency, []).append(amount)
    return {currency: (min(amounts), max(amounts)) for currency, amounts in totals.items()}


def summarise(collection: Collection, *, derived: bool = True) -> CollectionSummary:
    """Count what ``collection`` holds: records, people by status, sentences, fines, statements.

    A ruling is the sentences a case lists for one person with one
    ``imposed_on``: accounts of the same ruling.  With ``derived=False`` the
    values the records mark as derived are left out first
    (:func:`~civicspace.analysis.without_derived`), so the figures count what the
    texts state alone; the default counts every value, derived or not.
    """
    if not derived:
        collection = without_derived(collection)
    rulings = [
        [case.sentences[index] for index in indexes]
        for case in collection.cases
        for indexes in rulings_of(case).values()
    ]
    least = most = life = not_counted = 0
    fines: dict[str, tuple[Money, Money]] = {}
    for accounts in rulings:
        if any(isinstance(account.term, Life) for account in accounts):
            life += 1
        elif (months := _ruling_months(accounts)) is None:
            not_counted += 1
        else:
            least, most = least + months[0], most + months[1]
        for currency, (low, high) in _ruling_payments(accounts).items():
            if currency in fines:
                low, high = fines[currency][0] + low, fines[currency][1] + high
            fines[currency] = (low, high)

    laws: Counter[str] = Counter()
    for case in collection.cases:
        charged = dict.fromkeys(
            (citation.law, person)
            for charge in case.charges
            for citation in charge.citations
            for person in charge.people
        )
        laws.update(law for law, _ in charged)
    return CollectionSummary(
        records={
            member.name: len(getattr(collection, member.name))
            for member in attrs.fields(Collection)
            if getattr(collection, member.name)
        },
        people_by_status=count_by_status(collection),
        rulings=len(rulings),
        sentence_months=(least, most),
        life_sentences=life,
        terms_not_counted=not_counted,
        fines={currency: fines[currency] for currency in sorted(fines)},
        statements=len(collection.statements),
        signatures=sum(len(statement.signatories) for statement in collection.statements),
        signatories=len(organisation_groups(collection.statements)),
        laws_cited=tuple(laws.most_common()),
        conflicts=len(conflicts(collection)),
    )
