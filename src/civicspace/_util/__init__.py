"""Small tools every layer may use: lazy regular expressions, per-run memos, deprecation."""

from .extras import require_extra
from .hints import classes_in
from .memo import one_run, per_run
from .patterns import LazyPattern
from .public import publish
from .renamed import RENAMED

__all__ = [
    "RENAMED",
    "LazyPattern",
    "classes_in",
    "one_run",
    "per_run",
    "publish",
    "require_extra",
]
