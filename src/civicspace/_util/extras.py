"""Whether an optional extra is installed, and the one-line error when it is not."""

from __future__ import annotations

import importlib

from ..errors import MissingExtraError

__all__ = ["require_extra"]


def require_extra(extra: str, what: str, *packages: str) -> None:
    """Raise :class:`MissingExtraError` naming ``extra`` unless every one of ``packages`` imports.

    ``what`` names the call or command that needs it; the message is one line
    that says how to install it.
    """
    missing = []
    for name in packages:
        try:
            importlib.import_module(name)
        except ImportError:
            missing.append(name)
    if missing:
        raise MissingExtraError(
            f"{what} needs the '{extra}' extra ({', '.join(missing)} missing): "
            f"pip install 'civicspace[{extra}]'"
        )
