"""Small tools every layer may use: lazy regular expressions, per-run memos, deprecation."""

from .memo import one_run, per_run
from .patterns import LazyPattern
from .public import publish
from .renamed import RENAMED

__all__ = [
    "RENAMED",
    "LazyPattern",
    "one_run",
    "per_run",
    "publish",
]
