"""Helpers the tests share: edit one member of a document, and read what validate found."""

import copy
from typing import Any

import civicspace


def changed(document: Any, *steps: str | int, value: Any) -> Any:
    """A deep copy of ``document`` with the member at ``steps`` replaced (removed for ``...``)."""
    result = copy.deepcopy(document)
    target = result
    for step in steps[:-1]:
        target = target[step]
    if value is ...:
        del target[steps[-1]]
    else:
        target[steps[-1]] = value
    return result


def paths_and_codes(data: Any, **options: Any) -> list[tuple[str, str]]:
    """What :func:`civicspace.validate` reports, as ``(path, code)`` pairs."""
    return [(issue.path, issue.code) for issue in civicspace.validate(data, **options)]
