"""Small tools every layer may use: lazy regular expressions, per-run memos, deprecation."""

from .memo import one_run, per_run
from .patterns import LazyPattern

__all__ = [
    "LazyPattern",
    "one_run",
    "per_run",
]
