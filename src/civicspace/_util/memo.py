"""Derived data remembered for the length of one run of the checks, then dropped.

Several rules of a record derive the same data from it (a case's rules each
walk every person's :func:`~civicspace.cases.timeline`).  A function wrapped with
:func:`per_run` computes its value once per object and arguments while a
:func:`one_run` block is open, and every time outside one.  The memo lives
in a :class:`~contextvars.ContextVar` set only inside the block, so it is
never shared between threads or runs and is freed when the block ends:
nothing is cached globally, and the objects remembered are kept alive only
for the block (so that their ``id`` cannot be reused within it).
"""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Callable, Hashable, Iterator
from contextvars import ContextVar
from typing import Any, Concatenate, ParamSpec, TypeVar

__all__ = ["one_run", "per_run"]

P = ParamSpec("P")
T = TypeVar("T")
O = TypeVar("O")  # noqa: E741 (the object the value is derived from)

_MEMO: ContextVar[dict[tuple[Hashable, ...], tuple[Any, Any]] | None] = ContextVar(
    "civicspace_memo", default=None
)


@contextlib.contextmanager
def one_run() -> Iterator[None]:
    """Remember :func:`per_run` values until the block ends (blocks may nest)."""
    token = _MEMO.set({})
    try:
        yield
    finally:
        _MEMO.reset(token)


def per_run(function: Callable[Concatenate[O, P], T]) -> Callable[Concatenate[O, P], T]:
    """``function(obj, *args)``, computed once per ``obj`` (by identity) and ``args`` in a run.

    ``args`` must be hashable.  Outside a :func:`one_run` block every call
    computes afresh.  The value must not be mutated by callers: give back
    tuples, not lists.
    """

    def remembered(obj: O, /, *args: P.args, **kwargs: P.kwargs) -> T:
        memo = _MEMO.get()
        if memo is None:
            return function(obj, *args, **kwargs)
        key = (function, id(obj), *args, *kwargs.items())
        hit = memo.get(key)
        if hit is not None and hit[0] is obj:
            value: T = hit[1]
            return value
        value = function(obj, *args, **kwargs)
        memo[key] = (obj, value)
        return value

    functools.update_wrapper(remembered, function)
    return remembered
