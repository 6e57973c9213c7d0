"""Tables out: a collection as analysis-ready Arrow tables, and their writers.

Public through :mod:`civicspace.tables`.  Only this module and :mod:`.cli`
import without the ``tables`` extra; the others import pyarrow.
"""

from __future__ import annotations

from ..errors import MissingExtraError

__all__ = ["MissingExtraError", "require"]

_INSTALL = "pip install 'civicspace[tables]'"


def require(what: str = "civicspace.tables", *, excel: bool = False) -> None:
    """Check that the ``tables`` extra is installed.

    Raises:
        MissingExtraError: naming the extra and how to install it, in one line.

    """
    try:
        import pyarrow  # type: ignore[import-untyped]  # noqa: F401

        if excel:
            import openpyxl  # type: ignore[import-untyped]  # noqa: F401
    except ImportError:
        raise MissingExtraError(f"{what} needs the 'tables' extra: {_INSTALL}") from None
