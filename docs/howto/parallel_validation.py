"""Validate many submissions in parallel, with the standard library's multiprocessing.

:func:`civicspace.validate` is a plain module-level function and issues
pickle, so a process pool can map it over submissions; results come back in
input order.  Run this file to validate three sample submissions.
"""

import multiprocessing
from collections.abc import Sequence
from typing import Any

import civicspace


def validate_all(
    submissions: Sequence[Any], processes: int = 2, chunksize: int = 64
) -> list[list[civicspace.Issue]]:
    """The issues of each submission, in input order, found by ``processes`` worker processes.

    The "spawn" start method behaves the same on every platform; workers
    import civicspace (and load the schemas) once each, so give them many
    submissions per task (``chunksize``) rather than one.
    """
    context = multiprocessing.get_context("spawn")
    with context.Pool(processes) as pool:
        return pool.map(civicspace.validate, submissions, chunksize=chunksize)


SUBMISSIONS = [
    b'{"type": "rating", "country": "KHM", "rating": "repressed", "as_of": "2020"}',
    b'{"type": "rating", "country": "PHL", "rating": "obstructed", "as_of": "2020-06"}',
    b'{"type": "rating", "country": "CHN", "rating": "closed", "as_of": "2020-02-30"}',
]

if __name__ == "__main__":
    results = validate_all(SUBMISSIONS)
    invalid = sum(1 for issues in results if issues)
    print(f"{len(results)} submissions, {invalid} invalid")
    for number, issues in enumerate(results):
        for issue in issues:
            print(f"submission {number}: {issue}")
