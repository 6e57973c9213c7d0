"""Statements: joint statements, open letters and oral statements, their signatories and demands.

A :class:`Statement` (record type ``"statement"``) is one dated text by one
or several organisations: "we, the 30 undersigned organizations" followed by
thirty names, an open letter "To Members and Observer States of the United
Nations Human Rights Council", a statement at the 51st session of the
Council "delivered by" a named person.  It keeps the count the text
declares apart from the signatories it lists, so that a statement that says
30 and lists 29 is caught (rule ``statement.count_mismatch``), and its
demands name the cases, laws and people they concern by id.
"""

from __future__ import annotations

import enum
from typing import Any

import attrs

from ..errors import FieldValueError
from .common import Derivation, PartialDate, Source, check_id, check_optional_id, check_text
from .records import record_type
from .signatories import Signatory

__all__ = ["Concern", "Deliverer", "Statement", "StatementDemand", "StatementKind"]

MAX_SIGNATORY_COUNT = 100_000
"""The largest declared signatory count a statement may give (statement.json says so too)."""


def _check_concern(instance: Concern, attribute: attrs.Attribute[Any], value: str | None) -> None:
    check_optional_id(instance, attribute, value)
    if instance.case is None and instance.law is None and value is None:
        raise FieldValueError("a concern names a case, a law or a person", field="person")


@attrs.frozen(kw_only=True)
class Concern:
    """What a demand concerns, by id: ``{"case": id}``, ``{"law": id}`` or ``{"person": id}``.

    One member is the usual form; a concern that names several concerns
    each of them.  In a collection every id must name a record of its kind
    (rule ``collection.unresolved_reference``).

    Attributes:
        case: The id of a case record.
        law: The id of a law record.
        person: The id of a person record.

    """

    case: str | None = attrs.field(default=None, validator=check_optional_id)
    law: str | None = attrs.field(default=None, validator=check_optional_id)
    person: str | None = attrs.field(default=None, validator=_check_concern)


@attrs.frozen(kw_only=True)
class StatementDemand:
    """A demand a statement makes, and of whom (``statement.json#/$defs/demand``).

    Aligned with the session :class:`civicspace.sessions.Demand`: the same ``text``
    and ``addressee``; who made it and when are the statement's own.

    Attributes:
        text: What is demanded, in the words of the text ("create an
            independent Commission of Inquiry").
        addressee: Of whom ("the Cambodian authorities", "the Human Rights
            Council"); ``None`` when the text names no one ("The defenders
            sentenced must be released immediately and unconditionally").
        concerns: The cases, laws and people it concerns, where the text
            names them.

    """

    text: str = attrs.field(validator=check_text)
    addressee: str | None = attrs.field(default=None, validator=check_text)
    concerns: tuple[Concern, ...] = ()


@attrs.frozen(kw_only=True)
class Deliverer:
    """Who delivered an oral statement (``statement.json#/$defs/delivered_by``).

    Attributes:
        name: The name as the text prints it ("Lisa Majumdar").
        person: The id of the person record, when the data has one.
        role: Who they are, as the text puts it ("CIVICUS Advocacy Officer").

    """

    name: str = attrs.field(validator=check_text)
    person: str | None = attrs.field(default=None, validator=check_optional_id)
    role: str | None = attrs.field(default=None, validator=check_text)


class StatementKind(enum.Enum):
    """What kind of text a statement is.  The JSON form is the value."""

    JOINT_STATEMENT = "joint_statement"
    """A statement by several organisations ("Joint Statement")."""
    OPEN_LETTER = "open_letter"
    """A letter addressed to someone and published ("To Members and Observer States ...")."""
    ORAL_STATEMENT = "oral_statement"
    """A statement read out at a meeting, such as a session of the UN Human Rights Council."""
    PRESS_RELEASE = "press_release"
    """A release to the media by one or a few organisations."""
    SUBMISSION = "submission"
    """A written submission to a body: a UN review, a consultation."""


def _check_session(_instance: object, attribute: attrs.Attribute[Any], value: int | None) -> None:
    if value is not None and (type(value) is not int or not 1 <= value <= 999):
        raise FieldValueError(f"{value!r} is not a session number from 1 to 999", field="session")


def _check_count(_instance: object, attribute: attrs.Attribute[Any], value: int | None) -> None:
    if value is not None and (type(value) is not int or not 1 <= value <= MAX_SIGNATORY_COUNT):
        raise FieldValueError(
            f"{value!r} is not a count of signatories from 1 to {MAX_SIGNATORY_COUNT}",
            field=attribute.name,
        )


def _check_texts(
    _instance: object, attribute: attrs.Attribute[Any], value: tuple[str, ...]
) -> None:
    for index, text in enumerate(value):
        if not isinstance(text, str) or not text.strip():
            raise FieldValueError(f"item {index} is empty", field=attribute.name)


@record_type("statement")
@attrs.frozen(kw_only=True)
class Statement:
    """A joint statement, open letter, oral statement, press release or submission.

    Record type ``"statement"``.  The declared count is kept apart from the
    list: ``signatory_count`` is the number the text states ("we, the 30
    undersigned organizations" is 30), ``signatories`` the organisations it
    lists, in its order.  A text that declares a count and prints no list
    (the list was not published with it) leaves ``signatories`` empty.

    The checks (``civicspace.validate``) report a declared count that
    differs from a non-empty list (``statement.count_mismatch``) and an
    organisation listed twice, under one spelling or two
    (``statement.signatory_repeated``); in a collection, every id a
    statement gives must name a record of its kind.

    Attributes:
        id: The statement's id, unique among the statements of a collection.
        kind: Joint statement, open letter, oral statement, press release or
            submission.
        title: The title as published.
        date: When it was published or delivered, to the precision given.
        venue: Where it was delivered, in words ("HRC 51, interactive
            dialogue with the Special Rapporteur on Cambodia").
        session: The number of the UN Human Rights Council session it was
            made at or for, when it was: 51 for the 51st.
        delivered_by: Who read it out, for an oral statement.
        addressees: To whom it is addressed, as the text puts it ("Members
            and Observer States of the United Nations Human Rights Council").
        signatory_count: How many signatories the text says there are.
        signatories: The organisations that signed, in the order listed.
        demands: What it demands, and of whom.
        sources: Where it was published.
        derived: The values that rest on a reading rather than a quote, each
            marked with how it was derived (:class:`~civicspace.common.Derivation`).

    """

    id: str = attrs.field(validator=check_id)
    kind: StatementKind
    title: str = attrs.field(validator=check_text)
    date: PartialDate | None = None
    venue: str | None = attrs.field(default=None, validator=check_text)
    session: int | None = attrs.field(default=None, validator=_check_session)
    delivered_by: Deliverer | None = None
    addressees: tuple[str, ...] = attrs.field(default=(), validator=_check_texts)
    signatory_count: int | None = attrs.field(default=None, validator=_check_count)
    signatories: tuple[Signatory, ...] = ()
    demands: tuple[StatementDemand, ...] = ()
    sources: tuple[Source, ...] = ()
    derived: tuple[Derivation, ...] = ()

    def concerns(
        self, *, case: str | None = None, law: str | None = None, person: str | None = None
    ) -> bool:
        """Whether a demand of the statement concerns the case, law or person with that id.

        Give one of the three; with several, any of them counts.
        """
        return any(
            (case is not None and concern.case == case)
            or (law is not None and concern.law == law)
            or (person is not None and concern.person == person)
            for demand in self.demands
            for concern in demand.concerns
        )
