"""Periods in custody, the days they add up to, and release dates after credit for time served.

A :class:`CustodyPeriod` is half-open, ``[start, end)``: ``start`` is the
first day in custody and ``end`` the first day out (the day of release on
bail, say).  Days are whole calendar days; times of day are not modelled.
"""

from __future__ import annotations

import datetime
import enum
import functools
import json
from collections.abc import Iterable, Mapping
from importlib import resources
from types import MappingProxyType
from typing import Any

import attrs

from ..errors import CivicspaceError, CustodyError, FieldValueError
from .huridocs import read_huridocs_code
from .terms import Term, add_term

__all__ = [
    "CustodyError",
    "CustodyKind",
    "CustodyPeriod",
    "custody_kind_codes",
    "days_in_custody",
    "term_release_date",
]


class CustodyKind(enum.StrEnum):
    """The kind of custody a person is held in.  The JSON form is the value."""

    PRE_TRIAL = "pre_trial_detention"
    """Held before or during trial, before a final conviction ("placed in pre-trial detention")."""
    IMPRISONMENT = "imprisonment"
    """Serving a custodial sentence after conviction."""
    HOUSE_ARREST = "house_arrest"
    """Confined to a residence by order of a court or the authorities."""
    PSYCHIATRIC_DETENTION = "psychiatric_detention"
    """Confined to a psychiatric hospital against their will."""
    INTERNMENT = "internment"
    """Held without charge or trial by administrative decision, in a camp or another facility."""


@functools.cache
def custody_kind_codes() -> Mapping[CustodyKind, str]:
    """The HURIDOCS Types of Acts code of each kind of custody that one corresponds to.

    The codes are the 12-digit codes of the HURIDOCS micro-thesaurus Types
    of Acts (list 04 of the Events Standard Formats), kept as data in
    ``data/custody_kinds.json``: ``custody_kind_codes()[CustodyKind.HOUSE_ARREST]``
    is ``"030105000000"``.  A kind no term corresponds to is absent.  The
    micro-thesaurus Types of Detention (list 29) classifies the grounds a
    person is held on, not the form of custody, so no kind maps to it.

    Raises:
        CivicspaceError: when the data file is malformed (an unknown kind,
            a code that is not 12 digits, a kind named twice).

    """
    text = resources.files("civicspace").joinpath("data", "custody_kinds.json").read_text("utf-8")
    try:
        entries = json.loads(text)["kinds"]
        pairs = [
            (
                CustodyKind(entry["kind"]),
                read_huridocs_code(entry.get("huridocs_act"), f"custody kind {entry['kind']!r}"),
            )
            for entry in entries
        ]
    except (KeyError, ValueError, TypeError) as error:
        raise CivicspaceError(f"data/custody_kinds.json is malformed: {error}") from None
    if len({kind for kind, _ in pairs}) != len(pairs):
        raise CivicspaceError("data/custody_kinds.json names a kind twice")
    return MappingProxyType({kind: code for kind, code in pairs if code is not None})


def _is_day(value: object) -> bool:
    return isinstance(value, datetime.date) and not isinstance(value, datetime.datetime)


def _check_day(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not _is_day(value):
        raise FieldValueError(
            f"{attribute.name} must be a datetime.date (not a datetime), not {value!r}",
            field=attribute.name,
        )


def _check_end_not_before_start(
    instance: CustodyPeriod, attribute: attrs.Attribute[Any], value: datetime.date | None
) -> None:
    if value is None:
        return
    _check_day(instance, attribute, value)
    if value < instance.start:
        raise FieldValueError(
            f"custody cannot end ({value}) before it starts ({instance.start})",
            field=attribute.name,
        )


def _check_kind(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and not isinstance(value, CustodyKind):
        raise FieldValueError(
            f"kind must be a CustodyKind, one of "
            f"{', '.join(kind.value for kind in CustodyKind)}; not {value!r}",
            field=attribute.name,
        )


@attrs.frozen
class CustodyPeriod:
    """A span of days a person was held: ``[start, end)``.

    ``end`` is the first day out of custody, so a person arrested on
    14 November 2017 and bailed on 21 August 2018 was held
    ``CustodyPeriod(date(2017, 11, 14), date(2018, 8, 21))``, 280 days.
    ``end == start`` is an empty period; ``end`` before ``start`` is refused.
    ``end=None`` means the person is still held.  ``start`` and ``end`` may
    be given by position or by keyword; ``kind`` by keyword only.  The JSON
    form is ``{"start": "2017-11-14", "end": "2018-08-21", "kind":
    "pre_trial_detention"}``, with ``end`` and ``kind`` left out when unset.

    Attributes:
        start: The first day in custody.
        end: The first day out of custody, or ``None`` while still held.
        kind: The kind of custody, where the source says; ``None`` when it does not.

    """

    start: datetime.date = attrs.field(validator=_check_day)
    end: datetime.date | None = attrs.field(default=None, validator=_check_end_not_before_start)
    kind: CustodyKind | None = attrs.field(default=None, kw_only=True, validator=_check_kind)

    @property
    def is_open(self) -> bool:
        """Whether the person is still held (no end date)."""
        return self.end is None


def days_in_custody(periods: Iterable[CustodyPeriod], until: datetime.date | None = None) -> int:
    """Count the days spent in custody over ``periods``, counting overlapping days once.

    Only days before ``until`` count (``until`` itself does not), so a
    period starting on or after ``until`` counts 0.  An open period (no
    end) counts up to ``until``, which is then required.  Periods of every
    kind count; pass only the kinds you want.

    Raises:
        CustodyError: when a period is open and ``until`` is ``None``, or an
            item is not a :class:`CustodyPeriod`, or ``until`` is not a date.

    """
    if until is not None and not _is_day(until):
        raise CustodyError(f"until must be a datetime.date (not a datetime), not {until!r}")
    spans: list[tuple[datetime.date, datetime.date]] = []
    for index, period in enumerate(periods):
        if not isinstance(period, CustodyPeriod):
            raise CustodyError(f"item {index} is not a CustodyPeriod but {type(period).__name__}")
        end = period.end
        if end is None:
            if until is None:
                raise CustodyError(
                    f"the period from {period.start} is still open; "
                    "pass until= to count its days up to a date"
                )
            end = until
        elif until is not None:
            end = min(end, until)
        if period.start < end:
            spans.append((period.start, end))
    total = 0
    current_start: datetime.date | None = None
    current_end = datetime.date.min
    for start, end in sorted(spans):
        if current_start is None or start > current_end:
            if current_start is not None:
                total += (current_end - current_start).days
            current_start, current_end = start, end
        elif end > current_end:
            current_end = end
    if current_start is not None:
        total += (current_end - current_start).days
    return total


def term_release_date(start: datetime.date, term: Term, credit_days: int = 0) -> datetime.date:
    """Return the first day out for a term served from ``start``, less ``credit_days`` served.

    That is ``add_term(start, term)`` moved ``credit_days`` earlier, but
    never before ``start``.  Credit is usually pre-trial detention counted
    with :func:`days_in_custody` up to the day the sentence starts.  More
    credit never makes the date later.

    Raises:
        CustodyError: when ``credit_days`` is not a whole number 0 or more.
        TermError: for :data:`~civicspace.sentences.LIFE`, which has no end date, and
            for an end after 9999-12-31.

    """
    if type(credit_days) is not int or credit_days < 0:
        raise CustodyError(
            f"credit_days must be a whole number of days, 0 or more, not {credit_days!r}"
        )
    end = add_term(start, term)
    if credit_days >= (end - start).days:
        return start
    return end - datetime.timedelta(days=credit_days)
