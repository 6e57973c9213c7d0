"""Whether the ``site`` extra is installed, and the one-line error when it is not."""

from __future__ import annotations

from .._util import require_extra
from ..errors import MissingExtraError

__all__ = ["MissingExtraError", "require"]

_PACKAGES = ("matplotlib", "jinja2")


def require(what: str) -> None:
    """Raise :class:`MissingExtraError` naming ``what`` unless matplotlib and Jinja2 import."""
    require_extra("site", what, *_PACKAGES)
