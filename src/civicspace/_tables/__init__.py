"""Tables out: a collection as analysis-ready Arrow tables, and their writers.

Public through :mod:`civicspace.tables`.  Only this module and :mod:`.cli`
import without the ``tables`` extra; the others import pyarrow.
"""

from __future__ import annotations

from .._util.extras import require_extra

__all__ = ["require"]


def require(what: str = "civicspace.tables", *, excel: bool = False) -> None:
    """Check that the ``tables`` extra is installed (with openpyxl when ``excel``).

    Raises:
        MissingExtraError: naming the extra and how to install it, in one line.

    """
    require_extra("tables", what, "pyarrow", *(("openpyxl",) if excel else ()))
