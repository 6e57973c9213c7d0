"""Whether the ``site`` extra is installed, and the one-line error when it is not."""

from __future__ import annotations

from .._util.extras import require_extra

__all__ = ["require"]

_PACKAGES = ("matplotlib", "jinja2")


def require(what: str) -> None:
    """Raise :class:`~civicspace.errors.MissingExtraError` naming ``what`` without its packages."""
    require_extra("site", what, *_PACKAGES)
