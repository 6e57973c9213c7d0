"""The rules of a collection: ids unique per type, references resolved, accounts agreeing."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from .._analysis.consistency import implied_exchange_rates
from .._model.collection import Collection, member_types
from .._model.laws import Law, article_exists, in_force_on
from .._util.echo import cut, quoted
from .engine import Finding, check
from .references import references


def _records_with_paths(collection: Collection) -> Iterator[tuple[str, str, Any]]:
    kinds = member_types()
    counters: dict[str, int] = {}
    for member, record in collection.members():
        index = counters[member] = counters.get(member, -1) + 1
        yield kinds[member], f"$.{member}[{index}]", record


@check(
    Collection,
    "collection.duplicate_id",
    "Two records of one kind in a collection have the same id.",
)
def ids_unique_per_kind(collection: Collection) -> Iterator[Finding]:
    """No two records of one kind share an id."""
    first: dict[tuple[str, str], str] = {}
    for kind, path, record in _records_with_paths(collection):
        record_id = getattr(record, "id", None)
        if record_id is None:
            continue
        seen = first.setdefault((kind, record_id), path)
        if seen != path:
            yield f"{path}.id", f"the {kind} id {quoted(record_id)} is already used at {seen}"


@check(
    Collection,
    "collection.unresolved_reference",
    "A record refers to an id that no record of that kind in the collection has.",
)
def references_resolve(collection: Collection) -> Iterator[Finding]:
    """Every reference names a record of its kind that the collection holds."""
    known = {
        (kind, record.id)
        for kind, _, record in _records_with_paths(collection)
        if getattr(record, "id", None) is not None
    }
    for _, path, record in _records_with_paths(collection):
        for reference in references(record):
            if (reference.record_type, reference.id) not in known:
                yield (
                    path + reference.path.removeprefix("$"),
                    f"no {reference.record_type} with id {quoted(reference.id)} in this collection",
                )


def _charge_citations(collection: Collection) -> Iterator[tuple[str, Any, Any, Law]]:
    """Each charge citation whose law the collection holds: path, charge, citation, law."""
    laws = {law.id: law for law in collection.laws}
    for case_index, case in enumerate(collection.cases):
        for charge_index, charge in enumerate(case.charges):
            for index, citation in enumerate(charge.citations):
                law = laws.get(citation.law)
                if law is not None:
                    path = f"$.cases[{case_index}].charges[{charge_index}].citations[{index}]"
                    yield path, charge, citation, law


@check(
    Collection,
    "collection.article_missing",
    "A charge cites an article that its law's record does not list.",
)
def cited_articles_exist(collection: Collection) -> Iterator[Finding]:
    """A charge cites only articles its law lists, when the law lists any."""
    for path, _, citation, law in _charge_citations(collection):
        if not law.articles:
            continue  # the record does not enumerate its articles: it cannot tell
        for index, number in enumerate(citation.articles):
            if not article_exists(law, number):
                yield (
                    f"{path}.articles[{index}]",
                    f"{cut(law.title)} ({cut(law.id)}) lists no article {quoted(number)}; "
                    "add the article to the law record or correct the citation",
                )


@check(
    Collection,
    "collection.law_not_in_force",
    "A charge cites a law (a draft, say) that was not in force on the charge date.",
)
def cited_laws_in_force(collection: Collection) -> Iterator[Finding]:
    """A charge does not cite a law that was certainly not in force on the charge date."""
    for path, charge, _, law in _charge_citations(collection):
        if charge.date is None:
            continue
        # Certainly not in force: on the first and on the last day the date may be.
        if in_force_on(law, charge.date.earliest) is False and (
            in_force_on(law, charge.date.latest) is False
        ):
            yield (
                f"{path}.law",
                f"{cut(law.title)} ({cut(law.id)}) was not in force on {charge.date}, "
                "the date of the charge",
            )


@check(
    Collection,
    "collection.exchange_rate_outlier",
    (
        "A reported currency equivalent implies an exchange rate more than a quarter away from "
        "the median of the collection's rates for the same pair (three or more)."
    ),
)
def exchange_rates_agree(collection: Collection) -> Iterator[Finding]:
    """A reported equivalent implies a rate near the others of its currency pair.

    See :func:`~civicspace.analysis.implied_exchange_rates` for the rule.
    """
    for rate in implied_exchange_rates(collection):
        if rate.outlier:
            yield (
                rate.path,
                f"{rate.rate:,.2f} {rate.currency} per {rate.per} is far from the other "
                f"{rate.currency}/{rate.per} equivalents in this collection; check both amounts",
            )


def _conflicts(named: Iterable[tuple[str, str, str]], noun: str) -> Iterator[Finding]:
    first: dict[str, tuple[str, str]] = {}
    for path, record_id, name in named:
        seen = first.setdefault(record_id, (path, name))
        if seen[1] != name:
            yield (
                f"{path}.name",
                f"the {noun} {quoted(record_id)} is named {quoted(name)} here "
                f"but {quoted(seen[1])} at {seen[0]}; "
                f"one id is one {noun}: use one name and give the others as other_names",
            )


def conflicting_people(collection: Collection) -> Iterator[Finding]:
    """A person id names one person: every record giving it gives the same ``name``.

    The standalone people come first, then the people of each case, in
    order; each later record whose name differs from the first is reported.
    """
    named = [
        (f"$.people[{i}]", person.id, person.name) for i, person in enumerate(collection.people)
    ]
    named += [
        (f"$.cases[{c}].people[{i}]", person.id, person.name)
        for c, case in enumerate(collection.cases)
        for i, person in enumerate(case.people)
    ]
    return _conflicts(named, "person")


def conflicting_organisations(collection: Collection) -> Iterator[Finding]:
    """An organisation id names one organisation: every record giving it gives the same ``name``.

    Checked as :func:`conflicting_people` checks people, over the
    standalone organisations and those of each case.
    """
    named = [
        (f"$.organisations[{i}]", organisation.id, organisation.name)
        for i, organisation in enumerate(collection.organisations)
    ]
    named += [
        (f"$.cases[{c}].organisations[{i}]", organisation.id, organisation.name)
        for c, case in enumerate(collection.cases)
        for i, organisation in enumerate(case.organisations)
    ]
    return _conflicts(named, "organisation")


check(
    Collection,
    "collection.conflicting_person",
    "Two records of a collection give one person id different names.",
)(conflicting_people)


check(
    Collection,
    "collection.conflicting_organisation",
    "Two records of a collection give one organisation id different names.",
)(conflicting_organisations)
