"""The rules of a joint statement: declared counts and repeated signatories."""

from __future__ import annotations

from collections.abc import Iterator

from .._model.signatories import repeated_organisations
from .._model.statements import Statement
from .._util.echo import quoted
from .engine import Finding, check


def count_mismatch(statement: Statement) -> Iterator[Finding]:
    """A declared signatory count equals the number of signatories listed, when a list is given."""
    declared, listed = statement.signatory_count, len(statement.signatories)
    if declared is not None and listed and declared != listed:
        yield (
            "$.signatory_count",
            f"the text declares {declared} signatories but {listed} are listed",
        )


def signatory_repeated(statement: Statement) -> Iterator[Finding]:
    """No organisation is listed twice in one statement, under one spelling or two.

    Each signatory that is the same organisation as one listed above it
    (by :func:`civicspace.people.match_organisations`) is reported once, at its
    own position, naming the first position and the rule that matched.
    """
    listed = statement.signatories
    for later, earlier, match in repeated_organisations(listed):
        yield (
            f"$.signatories[{later}]",
            f"signatory {later} ({quoted(listed[later].name)}) is signatory {earlier} "
            f"({quoted(listed[earlier].name)}) again: {match.explanation}",
        )


check(
    Statement,
    "statement.count_mismatch",
    "A statement declares a number of signatories that differs from the number it lists.",
)(count_mismatch)


check(
    Statement,
    "statement.signatory_repeated",
    "A statement lists one organisation twice, under one spelling or two.",
)(signatory_repeated)
