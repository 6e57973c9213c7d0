"""Deprecating public names: a warning for at least one minor release, then removal.

The rule (CONTRIBUTING.md, "Deprecating a public name"): a public function,
class or method that is going away is first wrapped with :func:`deprecated`
in a release ``X.Y``.  Using it then emits a :class:`DeprecationWarning`
that names the release it goes away in and what to use instead, and it keeps
working until that release, which is ``X.(Y+1)`` at the earliest.  What a
decorator cannot wrap (an argument value, an old JSON form) gets a
module-level :class:`Deprecation` whose :meth:`~Deprecation.warn` is called
where the old form is read.  The release that adds the warning gets a
``changelog.d/<issue>.deprecated.md`` fragment; the one that removes the name
a ``changed`` fragment.

>>> import warnings
>>> @deprecated(since="0.2", removed_in="0.3", instead="civicspace.ratings.rating_change")
... def compare(before, after):
...     '''Compare two ratings.'''
...     return before == after
>>> with warnings.catch_warnings(record=True) as caught:
...     warnings.simplefilter("always")
...     compare(1, 1)
True
>>> caught[0].category.__name__
'DeprecationWarning'
>>> for part in str(caught[0].message).split("; "):
...     print(part)
compare is deprecated since civicspace 0.2 and will be removed in 0.3
use civicspace.ratings.rating_change instead
"""

from __future__ import annotations

import functools
import warnings
from collections.abc import Callable
from typing import Any, TypeVar

import attrs

from ..errors import CivicspaceError
from .patterns import LazyPattern

__all__ = ["Deprecation", "deprecated", "deprecation_of", "minor_version"]

_Wrapped = TypeVar("_Wrapped", bound=Callable[..., Any])

_VERSION = LazyPattern(r"(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)")


def minor_version(version: str) -> tuple[int, int]:
    """Return the ``(major, minor)`` of a release: ``"0.3"``, ``"1.2.0"``, ``"0.1.0.dev0"``.

    Raises:
        CivicspaceError: when ``version`` does not start with ``MAJOR.MINOR``.

    """
    found = _VERSION.match(version)
    if found is None:
        raise CivicspaceError(f"{version!r} is not a version of the form MAJOR.MINOR[...]")
    return int(found.group(1)), int(found.group(2))


def _check_removal(instance: Deprecation, _: attrs.Attribute[Any], removed_in: str) -> None:
    major, minor = minor_version(instance.since)
    if minor_version(removed_in) <= (major, minor):
        raise CivicspaceError(
            f"{instance.name} is deprecated since {instance.since}, so it may be removed in "
            f"{major}.{minor + 1} at the earliest, not in {removed_in}"
        )


@attrs.frozen(kw_only=True)
class Deprecation:
    """A public name or form that warns now and goes away in a later release.

    Attributes:
        name: What is deprecated, as users write it (``"compare"``,
            ``"Case.statuses"``, ``"the 'as_of' member of a scale"``).
        since: The release that started warning (``"0.2"``).
        removed_in: The release it is removed in: a later minor (or major)
            release than ``since``, so that it warns for one minor release
            at least.
        instead: What to use instead, when there is a replacement.

    """

    name: str
    since: str = attrs.field(validator=lambda _i, _a, value: minor_version(value))
    removed_in: str = attrs.field(validator=_check_removal)
    instead: str | None = None

    @property
    def message(self) -> str:
        """The warning's text: what, since when, removed when, and what to use instead."""
        text = (
            f"{self.name} is deprecated since civicspace {self.since} "
            f"and will be removed in {self.removed_in}"
        )
        return f"{text}; use {self.instead} instead" if self.instead else text

    def warn(self, stacklevel: int = 2) -> None:
        """Emit the :class:`DeprecationWarning`; ``stacklevel`` as for :func:`warnings.warn`.

        The default points at the caller of the function that calls this.
        """
        warnings.warn(self.message, DeprecationWarning, stacklevel=stacklevel + 1)


def deprecation_of(obj: object) -> Deprecation | None:
    """The :class:`Deprecation` that :func:`deprecated` attached to ``obj``, if any."""
    found = getattr(obj, "_civicspace_deprecation", None)
    return found if isinstance(found, Deprecation) else None


def deprecated(
    *, since: str, removed_in: str, instead: str | None = None, name: str | None = None
) -> Callable[[_Wrapped], _Wrapped]:
    """Mark a function, method or class as deprecated: each use warns, then runs as before.

    Calling the wrapped function (or making an instance of the wrapped class)
    emits a :class:`DeprecationWarning` pointing at the caller's line.  The
    docstring gains a ``.. deprecated::`` note, which the API reference
    shows, and the object gets ``__deprecated__`` (the message, as
    :pep:`702` has it).  ``name`` defaults to the object's ``__qualname__``.

    Raises:
        CivicspaceError: when ``removed_in`` is not a later minor release than
            ``since``: a name warns for one minor release at least.

    """

    def wrap(obj: _Wrapped) -> _Wrapped:
        deprecation = Deprecation(
            name=name or obj.__qualname__, since=since, removed_in=removed_in, instead=instead
        )
        note = f"\n\n.. deprecated:: {since}\n   {deprecation.message}.\n"
        target: Any
        if isinstance(obj, type):
            original_init: Callable[..., None] = obj.__init__  # type: ignore[misc]

            @functools.wraps(original_init)
            def init(self: Any, *args: Any, **kwargs: Any) -> None:
                deprecation.warn()
                original_init(self, *args, **kwargs)

            obj.__init__ = init  # type: ignore[misc]
            target = obj
        else:

            @functools.wraps(obj)
            def call(*args: Any, **kwargs: Any) -> Any:
                deprecation.warn()
                return obj(*args, **kwargs)

            target = call
        target.__doc__ = (obj.__doc__ or "") + note
        target.__deprecated__ = deprecation.message
        target._civicspace_deprecation = deprecation
        wrapped: _Wrapped = target
        return wrapped

    return wrap
