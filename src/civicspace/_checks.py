"""Semantic checks: the fourth step of the data flow, rules across fields.

Each rule is one named function registered with :func:`check` under its
issue code; it receives a structured record and yields ``(path, message)``
for each breach.  :func:`check_record` runs every rule of a record's class.
"""

from __future__ import annotations

import itertools
import typing
from collections.abc import Callable, Hashable, Iterable, Iterator
from typing import Any, TypeVar

import attrs

from . import _across_statements, _case_rules
from ._across_cases import conflicting_organisations, conflicting_people
from ._cases import Case
from ._codes import ISSUE_CODES
from ._collection import Collection, Reference, references, register_references
from ._consistency import classes_in, implied_exchange_rates
from ._convert import collection_members
from ._countries import is_un_member_state, place_of
from ._data import rating_scales
from ._elections import Election, seat_share
from ._errors import Issue
from ._events import Event
from ._laws import (
    ENDING_STATUSES,
    CriticisedFeature,
    Law,
    LawKind,
    LawStatus,
    article_exists,
    in_force_on,
)
from ._memo import one_run
from ._ratings import CountryRating
from ._scales import RatingScale, ScaleDirection
from ._sentences import AggravatedPenalty, Sentence, StatutoryPenalty
from ._sessions import COUNCIL_SEATS, Session
from ._signatories import Signatory, repeated_organisations
from ._statements import Statement
from ._terms import IncomparableTermsError, Life, Term, TermRange

__all__ = ["check", "check_record", "checks_of"]

R = TypeVar("R")
Finding = tuple[str, str]
Rule = Callable[[Any], Iterator[Finding]]

_RULES: dict[type[Any], list[tuple[str, Rule]]] = {}


def check(cls: type[R], code: str) -> Callable[[Callable[[R], Iterator[Finding]]], Rule]:
    """Register a rule for records of ``cls`` that reports under ``code``."""
    if code not in ISSUE_CODES:
        raise LookupError(f"{code} is not in ISSUE_CODES")

    def register(rule: Callable[[R], Iterator[Finding]]) -> Rule:
        _RULES.setdefault(cls, []).append((code, rule))
        return rule

    return register


def checks_of(cls: type[Any]) -> tuple[tuple[str, Rule], ...]:
    """The rules registered for ``cls``, as ``(code, rule)`` pairs."""
    return tuple(_RULES.get(cls, ()))


def check_record(record: Any, path: str = "$") -> list[Issue]:
    """Run every rule of the record and of every object inside it.

    The objects a record holds (a collection's records, a case's sentences,
    a law's penalties) are checked first, each with its own path, then the
    record's own rules, in the order they were registered.  Data several
    rules derive (a case's timelines) is computed once per run (#9, _memo.py).
    """
    issues: list[Issue] = []
    with one_run():
        _check_tree(record, path, issues)
    return issues


def _check_tree(obj: Any, path: str, issues: list[Issue]) -> None:
    for name in _fields_reaching_rules(type(obj)):
        value = getattr(obj, name)
        if isinstance(value, tuple):
            for index, item in enumerate(value):
                if attrs.has(type(item)):
                    _check_tree(item, f"{path}.{name}[{index}]", issues)
        elif attrs.has(type(value)):
            _check_tree(value, f"{path}.{name}", issues)
    issues.extend(
        Issue(path + where.removeprefix("$"), code, message)
        for code, rule in checks_of(type(obj))
        for where, message in rule(obj)
    )


_FIELDS_REACHING_RULES: dict[type[Any], tuple[str, ...]] = {}


def _fields_reaching_rules(cls: type[Any]) -> tuple[str, ...]:
    """The fields of ``cls`` that may hold an object with rules, at any depth."""
    found = _FIELDS_REACHING_RULES.get(cls)
    if found is None:
        hints = typing.get_type_hints(cls) if attrs.has(cls) else {}
        found = _FIELDS_REACHING_RULES[cls] = tuple(
            field.name
            for field in (attrs.fields(cls) if attrs.has(cls) else ())
            if any(
                _reaches_rules(inner) for inner in classes_in(hints[field.name]) if attrs.has(inner)
            )
        )
    return found


def _reaches_rules(cls: type[Any]) -> bool:
    return cls in _RULES or bool(_fields_reaching_rules(cls))


def _repeats(keys: Iterable[Hashable]) -> Iterator[tuple[int, int]]:
    """``(index, first index)`` for every item whose key an earlier item already had."""
    first: dict[Hashable, int] = {}
    for index, key in enumerate(keys):
        earliest = first.setdefault(key, index)
        if earliest != index:
            yield index, earliest


def _records_with_paths(collection: Collection) -> Iterator[tuple[str, str, Any]]:
    kinds = collection_members()
    counters: dict[str, int] = {}
    for member, record in collection.members():
        index = counters[member] = counters.get(member, -1) + 1
        yield kinds[member], f"$.{member}[{index}]", record


@check(Collection, "collection.duplicate_id")
def ids_unique_per_kind(collection: Collection) -> Iterator[Finding]:
    """No two records of one kind share an id."""
    first: dict[tuple[str, str], str] = {}
    for kind, path, record in _records_with_paths(collection):
        record_id = getattr(record, "id", None)
        if record_id is None:
            continue
        seen = first.setdefault((kind, record_id), path)
        if seen != path:
            yield f"{path}.id", f"the {kind} id {record_id!r} is already used at {seen}"


@check(Collection, "collection.unresolved_reference")
def references_resolve(collection: Collection) -> Iterator[Finding]:
    """Every reference names a record of its kind that the collection holds."""
    known = {
        (kind, record.id)
        for kind, _, record in _records_with_paths(collection)
        if getattr(record, "id", None) is not None
    }
    for _, path, record in _records_with_paths(collection):
        for reference in references(record):
            if (reference.kind, reference.id) not in known:
                yield (
                    path + reference.path.removeprefix("$"),
                    f"no {reference.kind} with id {reference.id!r} in this collection",
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


@check(Collection, "collection.article_missing")
def cited_articles_exist(collection: Collection) -> Iterator[Finding]:
    """A charge cites only articles its law lists, when the law lists any."""
    for path, _, citation, law in _charge_citations(collection):
        if not law.articles:
            continue  # the record does not enumerate its articles: it cannot tell
        for index, number in enumerate(citation.articles):
            if not article_exists(law, number):
                yield (
                    f"{path}.articles[{index}]",
                    f"{law.title} ({law.id}) lists no article {number}; "
                    "add the article to the law record or correct the citation",
                )


@check(Collection, "collection.law_not_in_force")
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
                f"{law.title} ({law.id}) was not in force on {charge.date}, the date of the charge",
            )


@check(Collection, "collection.exchange_rate_outlier")
def exchange_rates_agree(collection: Collection) -> Iterator[Finding]:
    """A reported equivalent implies a rate near the others of its currency pair.

    See :func:`~civicspace.implied_exchange_rates` for the rule.
    """
    for rate in implied_exchange_rates(collection):
        if rate.outlier:
            yield (
                rate.path,
                f"{rate.rate:,.2f} {rate.currency} per {rate.per} is far from the other "
                f"{rate.currency}/{rate.per} equivalents in this collection; check both amounts",
            )


@check(CountryRating, "rating.score_outside_band")
def score_within_rating_band(record: CountryRating) -> Iterator[Finding]:
    """A rating's score lies in the CIVICUS band of its category."""
    if record.score is None:
        return
    scale = rating_scales()["civicus-monitor"]
    band = next(band for band in scale.bands if band.category == record.rating.value)
    if not band.covers(record.score):
        yield (
            "$.score",
            f"a score of {record.score} is outside the {band.label} band "
            f"({band.minimum} to {band.maximum}) of the {scale.name}",
        )


@check(RatingScale, "scale.range_empty")
def range_not_empty(scale: RatingScale) -> Iterator[Finding]:
    """A scale's minimum lies below its maximum."""
    if scale.minimum >= scale.maximum:
        yield "$.maximum", f"the maximum {scale.maximum} is not above the minimum {scale.minimum}"


@check(RatingScale, "scale.band_inverted")
def bands_not_inverted(scale: RatingScale) -> Iterator[Finding]:
    """A band's minimum is not above its maximum."""
    for index, band in enumerate(scale.bands):
        if band.minimum is not None and band.maximum is not None and band.minimum > band.maximum:
            yield (
                f"$.bands[{index}].maximum",
                f"the maximum {band.maximum} is below the minimum {band.minimum}",
            )


@check(RatingScale, "scale.band_outside_range")
def bands_within_range(scale: RatingScale) -> Iterator[Finding]:
    """Every published band lies within the scale's range."""
    for index, band in enumerate(scale.bands):
        for name in ("minimum", "maximum"):
            bound = getattr(band, name)
            if bound is not None and not scale.minimum <= bound <= scale.maximum:
                yield (
                    f"$.bands[{index}].{name}",
                    f"{bound} is outside the scale's range {scale.minimum} to {scale.maximum}",
                )


@check(RatingScale, "scale.bands_overlap")
def bands_in_order(scale: RatingScale) -> Iterator[Finding]:
    """Published bands run from most open to most closed and overlap at most at a bound."""
    stated = [(index, band) for index, band in enumerate(scale.bands) if band.stated]
    higher_is_open = scale.direction is ScaleDirection.HIGHER_IS_MORE_OPEN
    for (_, more_open), (index, less_open) in itertools.pairwise(stated):
        assert more_open.minimum is not None and more_open.maximum is not None
        assert less_open.minimum is not None and less_open.maximum is not None
        if higher_is_open:
            in_order = less_open.maximum <= more_open.minimum
        else:
            in_order = less_open.minimum >= more_open.maximum
        if not in_order:
            yield (
                f"$.bands[{index}]",
                f"{less_open.label} ({less_open.minimum} to {less_open.maximum}) overlaps "
                f"or is not less open than {more_open.label} "
                f"({more_open.minimum} to {more_open.maximum})",
            )


@check(RatingScale, "scale.category_repeated")
def categories_unique(scale: RatingScale) -> Iterator[Finding]:
    """No two bands of a scale share a category."""
    for index, first in _repeats(band.category for band in scale.bands):
        yield (
            f"$.bands[{index}].category",
            f"{scale.bands[index].category!r} is already the category of band {first}",
        )


@check(Session, "session.member_count")
def council_seats_filled(session: Session) -> Iterator[Finding]:
    """A session's member list, when given, has one member for each of the Council's 47 seats."""
    if session.members and len(session.members) != COUNCIL_SEATS:
        yield (
            "$.members",
            f"the Council has {COUNCIL_SEATS} seats, but {len(session.members)} members are listed",
        )


@check(Session, "session.member_repeated")
def members_unique(session: Session) -> Iterator[Finding]:
    """No member state is listed twice for one session."""
    for index, first in _repeats(session.members):
        yield f"$.members[{index}]", f"{session.members[index]} is already member {first}"


@check(Session, "session.member_not_un_member")
def members_are_un_member_states(session: Session) -> Iterator[Finding]:
    """Every member is a UN member state: only they are elected to the Council."""
    for index, code in enumerate(session.members):
        if not is_un_member_state(code):
            yield (
                f"$.members[{index}]",
                f"{place_of(code)}; only UN member states sit on the Council",
            )


@check(Session, "session.dates_reversed")
def session_ends_after_it_starts(session: Session) -> Iterator[Finding]:
    """A session does not end before it starts, as far as the dates' precision can tell."""
    if session.start is not None and session.end is not None and session.end.before(session.start):
        yield "$.end", f"the session ends in {session.end}, before it starts in {session.start}"


@check(Session, "session.side_event_outside")
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


@check(Session, "session.side_event_time_reversed")
def side_events_end_after_they_start(session: Session) -> Iterator[Finding]:
    """A side event's end time is later than its start time."""
    for index, event in enumerate(session.side_events):
        start, end = event.start_time, event.end_time
        if start is not None and end is not None and end <= start:
            yield (
                f"$.side_events[{index}].end_time",
                f"the event ends at {end}, which is not after it starts at {start}",
            )


def _penalty_levels(
    penalty: StatutoryPenalty,
) -> Iterator[tuple[str, StatutoryPenalty, StatutoryPenalty | AggravatedPenalty]]:
    """Each level in full, with where it is stated: the base, then each variant applied.

    A variant's level is only reported on when the variant states one of the
    two bounds in question, so a breach of the base alone is reported once.
    """
    yield "$", penalty, penalty
    for index, variant in enumerate(penalty.aggravated):
        yield f"$.aggravated[{index}]", penalty.applying(variant), variant


def _stated_in(where: str, stated: StatutoryPenalty | AggravatedPenalty, *names: str) -> str:
    """The path of the first of ``names`` that ``stated`` states, for a finding."""
    name = next((name for name in names if getattr(stated, name) is not None), names[0])
    return f"{where}.{name}"


@check(StatutoryPenalty, "penalty.minimum_term_above_maximum")
def minimum_term_within_maximum(penalty: StatutoryPenalty) -> Iterator[Finding]:
    """A minimum term ends no later than the maximum term from every start date."""
    for where, level, stated in _penalty_levels(penalty):
        low, high = level.minimum_term, level.maximum_term
        if low is None or high is None or isinstance(high, Life):
            continue
        if stated is not penalty and stated.minimum_term is None and stated.maximum_term is None:
            continue
        path = _stated_in(where, stated, "minimum_term", "maximum_term")
        try:
            if not low <= high:
                yield path, f"the minimum {low} is longer than the maximum {high}"
        except IncomparableTermsError:
            yield path, f"the minimum {low} ends after the maximum {high} from some start dates"


@check(StatutoryPenalty, "penalty.fine_currencies_differ")
def fines_in_one_currency(penalty: StatutoryPenalty) -> Iterator[Finding]:
    """A minimum and a maximum fine are in one currency."""
    for where, level, stated in _penalty_levels(penalty):
        low, high = level.minimum_fine, level.maximum_fine
        if low is None or high is None or low.currency == high.currency:
            continue
        if stated is not penalty and stated.minimum_fine is None and stated.maximum_fine is None:
            continue
        path = _stated_in(where, stated, "minimum_fine", "maximum_fine")
        yield path, f"the minimum fine is in {low.currency} but the maximum in {high.currency}"


@check(StatutoryPenalty, "penalty.minimum_fine_above_maximum")
def minimum_fine_within_maximum(penalty: StatutoryPenalty) -> Iterator[Finding]:
    """A minimum fine is not above the maximum fine of the same currency."""
    for where, level, stated in _penalty_levels(penalty):
        low, high = level.minimum_fine, level.maximum_fine
        if low is None or high is None or low.currency != high.currency:
            continue
        if stated is not penalty and stated.minimum_fine is None and stated.maximum_fine is None:
            continue
        if low.amount > high.amount:
            path = _stated_in(where, stated, "minimum_fine", "maximum_fine")
            yield path, f"the minimum fine {low} is above the maximum {high}"


@check(Event, "event.people_count_mismatch")
def people_count_matches(event: Event) -> Iterator[Finding]:
    """An event lists no more people than the source counts; the others are unnamed."""
    if event.people_count is not None and event.people_count < len(event.people):
        listed = len(event.people)
        yield (
            "$.people_count",
            f"the source says {event.people_count} people and the event lists {listed}",
        )


@check(Event, "event.concerns_nobody")
def concerns_somebody(event: Event) -> Iterator[Finding]:
    """An event concerns someone: people (named, or counted by ``people_count``), organisations."""
    if not event.people and event.people_count is None and not event.organisations:
        yield "$", "the event names no people and no organisations; give whom it concerns"


@check(Sentence, "sentence.suspended_exceeds_term")
def suspended_within_term(sentence: Sentence) -> Iterator[Finding]:
    """A suspended part is no longer than the term (a range's maximum) from any start date."""
    term, suspended = sentence.term, sentence.suspended
    if not isinstance(suspended, Term) or term is None or isinstance(term, Life):
        return
    longest = term.maximum if isinstance(term, TermRange) else term
    try:
        if not suspended <= longest:
            yield "$.suspended", f"the suspended part {suspended} is longer than the term {term}"
    except IncomparableTermsError:
        yield (
            "$.suspended",
            (f"the suspended part {suspended} ends after the term {term} from some start dates"),
        )


# -- Laws ---------------------------------------------------------------------------------------


@check(Law, "law.status_out_of_order")
def status_in_date_order(law: Law) -> Iterator[Finding]:
    """Every status change is dated no earlier than the changes listed above it.

    Partial dates count as out of order only when certainly earlier: "2020"
    after "2020-04" is in order, "2019-12" after "2020" is not.
    """
    for index, change in enumerate(law.status):
        for earlier, previous in enumerate(law.status[:index]):
            if change.date.before(previous.date) is True:
                yield (
                    f"$.status[{index}].date",
                    f"{change.date} is before {previous.date}, the date of status {earlier} "
                    "listed above it; list the history oldest first",
                )
                break


@check(Law, "law.status_contradiction")
def statuses_on_one_date_agree(law: Law) -> Iterator[Finding]:
    """No date has both a status ending the instrument and one that does not."""
    for index, change in enumerate(law.status):
        ends = change.status in ENDING_STATUSES
        for earlier, previous in enumerate(law.status[:index]):
            if previous.date == change.date and (previous.status in ENDING_STATUSES) != ends:
                yield (
                    f"$.status[{index}].status",
                    f"{change.status.value!r} on {change.date} contradicts "
                    f"{previous.status.value!r} on the same date (status {earlier})",
                )
                break


@check(Law, "law.status_repeated")
def status_not_repeated(law: Law) -> Iterator[Finding]:
    """No status is listed twice with the same date."""
    for index, first in _repeats((change.status, str(change.date)) for change in law.status):
        change = law.status[index]
        yield (
            f"$.status[{index}]",
            f"{change.status.value!r} on {change.date} is already status {first}",
        )


@check(Law, "law.article_repeated")
def articles_unique(law: Law) -> Iterator[Finding]:
    """No two articles have the same number, case and suffix spacing ignored."""
    for index, first in _repeats(article.key for article in law.articles):
        yield (
            f"$.articles[{index}].number",
            f"article {law.articles[index].number!r} is already article {first}",
        )


_ENACTED = frozenset(
    {LawStatus.ADOPTED, LawStatus.PROMULGATED, LawStatus.IN_FORCE, LawStatus.AMENDED}
)


@check(Law, "law.draft_enacted")
def draft_not_enacted(law: Law) -> Iterator[Finding]:
    """A draft law's history does not say it was adopted, promulgated, in force or amended."""
    if law.kind is not LawKind.DRAFT_LAW:
        return
    for index, change in enumerate(law.status):
        if change.status in _ENACTED:
            yield (
                f"$.status[{index}].status",
                f"a draft_law cannot have been {change.status.value!r}; "
                "give the kind of law it became",
            )


@check(Law, "law.feature_note_missing")
def other_feature_has_note(law: Law) -> Iterator[Finding]:
    """A criticised feature of kind ``other`` has a note saying what it is."""
    for index, feature in enumerate(law.features):
        if feature.feature is CriticisedFeature.OTHER and feature.note is None:
            yield f"$.features[{index}]", "a feature of kind 'other' needs a note saying what it is"


# -- Cases (case.json); the rules are in _case_rules.py and _across_cases.py ----------------------

check(Case, "case.concerns_nobody")(_case_rules.concerns_nobody)
check(Case, "case.duplicate_id")(_case_rules.duplicate_ids)
check(Case, "case.unresolved_reference")(_case_rules.unresolved_references)
check(Case, "case.verdict_before_arrest")(_case_rules.verdict_before_arrest)
check(Case, "case.release_before_detention")(_case_rules.release_before_detention)
check(Case, "case.release_while_not_detained")(_case_rules.release_while_not_detained)
check(Case, "case.in_absentia_while_detained")(_case_rules.in_absentia_while_detained)
check(Case, "case.in_absentia_misplaced")(_case_rules.in_absentia_misplaced)
check(Collection, "collection.conflicting_person")(conflicting_people)
check(Collection, "collection.conflicting_organisation")(conflicting_organisations)

# -- Statements (statement.json); the rules are in _across_statements.py -------------------------

check(Statement, "statement.count_mismatch")(_across_statements.count_mismatch)
check(Statement, "statement.signatory_repeated")(_across_statements.signatory_repeated)


# -- Elections (election.json) ------------------------------------------------------------------


@register_references(Election)
def _election_references(election: Election) -> Iterator[Reference]:
    """Each result's organisation, where it gives one."""
    for index, contest in enumerate(election.contests):
        for inner, result in enumerate(contest.results):
            if result.organisation is not None:
                where = f"$.contests[{index}].results[{inner}].organisation"
                yield Reference(where, "organisation", result.organisation)


@check(Election, "election.seats_exceed_total")
def seats_within_total(election: Election) -> Iterator[Finding]:
    """No result, nor all of a contest's results together, has more seats than the contest had.

    A result above the total is reported at its ``seats``; when no single
    result is, results that add up to more than the total are reported once,
    at the contest's ``total``.
    """
    for index, contest in enumerate(election.contests):
        where, over = f"$.contests[{index}]", False
        for inner, result in enumerate(contest.results):
            if result.seats > contest.total:
                over = True
                yield (
                    f"{where}.results[{inner}].seats",
                    f"{result.party!r} won {result.seats}, but there were only "
                    f"{contest.total} {contest.contested}",
                )
        listed = contest.seats_listed
        if not over and listed > contest.total:
            yield (
                f"{where}.total",
                f"the results add up to {listed} {contest.contested}, "
                f"more than the {contest.total} there were",
            )


@check(Election, "election.share_mismatch")
def shares_match_seats(election: Election) -> Iterator[Finding]:
    """A stated share is the seats' share of the total, rounded to the decimals it states.

    The share expected is :func:`civicspace.seat_share`: ``100 * seats /
    total`` rounded half-even to as many decimals as the stated share has,
    so 9,376 of 11,622 seats (80.67%) may be stated as "81", "80.7" or
    "80.67", but not as "80.6" or "80.70".
    """
    for index, contest in enumerate(election.contests):
        for inner, result in enumerate(contest.results):
            decimals = result.share_decimals
            if result.share is None or decimals is None:
                continue
            expected = seat_share(result.seats, contest.total, decimals)
            if expected != result.share:
                yield (
                    f"$.contests[{index}].results[{inner}].share",
                    f"{result.seats} of {contest.total} is {expected} per cent "
                    f"to {decimals} decimal{'' if decimals == 1 else 's'}, not {result.share}",
                )


@check(Election, "election.party_repeated")
def parties_unique(election: Election) -> Iterator[Finding]:
    """No party is listed twice in one contest, under one spelling or two.

    Two results are one party by the rules of
    :func:`civicspace.match_organisations` (same organisation id; same name
    once normalised; the name of one the acronym of the other).  Each result
    that repeats one above it is reported once, at its own position.
    """
    for index, contest in enumerate(election.contests):
        named = [
            Signatory(id=result.organisation, name=result.party, acronym=result.acronym)
            for result in contest.results
        ]
        for later, earlier, match in repeated_organisations(named):
            yield (
                f"$.contests[{index}].results[{later}]",
                f"result {later} ({named[later].name!r}) is result {earlier} "
                f"({named[earlier].name!r}) again: {match.explanation}",
            )
