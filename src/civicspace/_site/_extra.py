"""Whether the ``site`` extra is installed, and the one-line error when it is not."""

from __future__ import annotations

import importlib.util

from ..errors import MissingExtraError

__all__ = ["MissingExtraError", "require"]

_PACKAGES = ("matplotlib", "jinja2")


def require(what: str) -> None:
    """Raise :class:`MissingExtraError` naming ``what`` unless matplotlib and Jinja2 import."""
    missing = [name for name in _PACKAGES if importlib.util.find_spec(name) is None]
    if missing:
        raise MissingExtraError(
            f"{what} needs the 'site' extra ({', '.join(missing)} missing): "
            "pip install 'civicspace[site]'"
        )
