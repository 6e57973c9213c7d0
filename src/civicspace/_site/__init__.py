"""Charts and a static site for a collection: the ``site`` extra (matplotlib, Jinja2).

Nothing here is imported by the core; :mod:`civicspace.charts` and
:mod:`civicspace.site` import it when called, after :func:`require` has said
whether the extra is installed.
"""

from __future__ import annotations

from .._util.extras import require_extra

__all__ = ["require"]


def require(what: str) -> None:
    """Raise :class:`~civicspace.errors.MissingExtraError` naming ``what`` without the extra."""
    require_extra("site", what, "matplotlib", "jinja2")
