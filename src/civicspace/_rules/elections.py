"""The rules of an election: seats, shares and parties."""

from __future__ import annotations

from collections.abc import Iterator

from .._model.elections import Election, seat_share
from .._model.signatories import Signatory, repeated_organisations
from .._util.echo import quoted
from .engine import Finding, check


@check(
    Election,
    "election.seats_exceed_total",
    (
        "A result of an election contest, or all its results together, win more seats than the "
        "contest had."
    ),
)
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
                    f"{quoted(result.party)} won {result.seats}, but there were only "
                    f"{contest.total} {contest.contested}",
                )
        listed = contest.seats_listed
        if not over and listed > contest.total:
            yield (
                f"{where}.total",
                f"the results add up to {listed} {contest.contested}, "
                f"more than the {contest.total} there were",
            )


@check(
    Election,
    "election.share_mismatch",
    "A result's stated share is not 100 * seats / total rounded to the decimals it states.",
)
def shares_match_seats(election: Election) -> Iterator[Finding]:
    """A stated share is the seats' share of the total, rounded to the decimals it states.

    The share expected is :func:`civicspace.elections.seat_share`: ``100 * seats /
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


@check(
    Election,
    "election.party_repeated",
    "An election contest lists one party twice, under one spelling or two.",
)
def parties_unique(election: Election) -> Iterator[Finding]:
    """No party is listed twice in one contest, under one spelling or two.

    Two results are one party by the rules of
    :func:`civicspace.people.match_organisations` (same organisation id; same name
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
                f"result {later} ({quoted(named[later].name)}) is result {earlier} "
                f"({quoted(named[earlier].name)}) again: {match.explanation}",
            )
