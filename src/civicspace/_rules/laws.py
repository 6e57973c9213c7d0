"""The rules of a law and of the statutory penalties it states."""

from __future__ import annotations

from collections.abc import Iterator

from .._model.laws import ENACTED_STATUSES, ENDING_STATUSES, CriticisedFeature, Law, LawKind
from .._model.penalties import AggravatedPenalty, StatutoryPenalty
from .._model.terms import IncomparableTermsError, Life
from .._util.echo import quoted
from .engine import Finding, _repeats, check


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


@check(
    StatutoryPenalty,
    "penalty.minimum_term_above_maximum",
    "A penalty's minimum term ends after its maximum term, from some start dates or all.",
)
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


@check(
    StatutoryPenalty,
    "penalty.fine_currencies_differ",
    "A penalty's minimum and maximum fines are in different currencies.",
)
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


@check(
    StatutoryPenalty,
    "penalty.equivalent_in_same_currency",
    "A penalty's reported equivalent of its maximum fine is in the fine's own currency.",
)
def equivalent_in_another_currency(penalty: StatutoryPenalty) -> Iterator[Finding]:
    """A reported equivalent of the maximum fine is in another currency than the fine."""
    fine, equivalent = penalty.maximum_fine, penalty.maximum_fine_equivalent
    if fine is not None and equivalent is not None and fine.currency == equivalent.currency:
        yield (
            "$.maximum_fine_equivalent",
            f"the equivalent {equivalent} is in the fine's own currency, {fine.currency}",
        )


@check(
    StatutoryPenalty,
    "penalty.minimum_fine_above_maximum",
    "A penalty's minimum fine is above its maximum fine.",
)
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


@check(
    Law,
    "law.status_out_of_order",
    "A law's status history lists a change dated certainly before one listed above it.",
)
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


@check(
    Law,
    "law.status_contradiction",
    (
        "Two entries of a law's status history on one date contradict: one ends the instrument "
        "(rescinded, repealed), the other does not."
    ),
)
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


@check(
    Law,
    "law.status_repeated",
    "A law's status history lists one status on one date twice.",
)
def status_not_repeated(law: Law) -> Iterator[Finding]:
    """No status is listed twice with the same date."""
    for index, first in _repeats((change.status, str(change.date)) for change in law.status):
        change = law.status[index]
        yield (
            f"$.status[{index}]",
            f"{change.status.value!r} on {change.date} is already status {first}",
        )


@check(
    Law,
    "law.article_repeated",
    "A law lists two articles with the same number (case and suffix spacing ignored).",
)
def articles_unique(law: Law) -> Iterator[Finding]:
    """No two articles have the same number, case and suffix spacing ignored."""
    for index, first in _repeats(article.key for article in law.articles):
        yield (
            f"$.articles[{index}].number",
            f"article {quoted(law.articles[index].number)} is already article {first}",
        )


@check(
    Law,
    "law.draft_enacted",
    (
        "A law of kind draft_law has a history saying it was adopted, promulgated, in force, "
        "amended or adopted over a veto; record it as the kind of law it became."
    ),
)
def draft_not_enacted(law: Law) -> Iterator[Finding]:
    """A draft law's history never says it was adopted (over a veto too) or later."""
    if law.kind is not LawKind.DRAFT_LAW:
        return
    for index, change in enumerate(law.status):
        if change.status in ENACTED_STATUSES:
            yield (
                f"$.status[{index}].status",
                f"a draft_law cannot have been {change.status.value!r}; "
                "give the kind of law it became",
            )


@check(
    Law,
    "law.feature_note_missing",
    "A criticised feature of kind other has no note saying what.",
)
def other_feature_has_note(law: Law) -> Iterator[Finding]:
    """A criticised feature of kind ``other`` has a note saying what it is."""
    for index, feature in enumerate(law.features):
        if feature.feature is CriticisedFeature.OTHER and feature.note is None:
            yield f"$.features[{index}]", "a feature of kind 'other' needs a note saying what it is"
