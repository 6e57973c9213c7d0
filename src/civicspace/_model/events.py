"""Events in a case, after the HURIDOCS event formats, and the vocabulary of their kinds.

What can happen to people in a case (an arrest, a charge, bail, a
conviction in absentia, a deportation, ...) is a controlled vocabulary kept
as **data**, in ``civicspace/data/event_kinds.json``: each kind has a
description and its effect on the people it concerns (the status they have
after it, whether it puts them in custody or ends their custody, whether it
is a verdict, whether it can happen in their absence).  The status
derivation and the chronology checks read those effects from the file, not
from code.

To add a kind, add one entry to ``data/event_kinds.json`` and its name to
the enum of ``case.json#/$defs/event/properties/kind`` (a test proves the two
lists equal); nothing else changes.
"""

from __future__ import annotations

import enum
import functools
import json
from collections.abc import Mapping
from importlib import resources
from types import MappingProxyType
from typing import Any

import attrs

from ..errors import CivicspaceError, FieldValueError
from .common import PartialDate, Source, check_optional_bool, check_optional_int, check_text
from .custody import CustodyKind
from .huridocs import read_huridocs_code
from .money import ReportedAmount
from .people import check_ids
from .sentences import _REPORTED
from .terms import Life, Term, TermRange

#: The most people one event may list (``case.json#/$defs/event``).
MAX_EVENT_PEOPLE = 500

__all__ = [
    "Actor",
    "ActorKind",
    "CountQualifier",
    "CustodyEffect",
    "CustodyStatus",
    "Designation",
    "DesignationCategory",
    "DesignationEffect",
    "Event",
    "EventKind",
    "LegalOutcome",
    "OrganisationStatus",
    "PersonStatus",
    "event_kinds",
]


class PersonStatus(enum.Enum):
    """Where a person of a case stands, derived from the case's events, never stored.

    See :func:`civicspace.cases.person_status` for how it is derived.  The JSON
    form (in ``data/event_kinds.json``) is the value.  It is one status for
    two kinds of fact; :class:`LegalOutcome` and :class:`CustodyStatus`
    keep them apart.
    """

    DETAINED = "detained"
    """Held: arrested or in pre-trial detention, not yet convicted."""
    ON_BAIL = "on_bail"
    """Released pending trial, on bail or under judicial supervision."""
    CONVICTED = "convicted"
    """Convicted or sentenced, in their presence or without the source saying otherwise."""
    CONVICTED_IN_ABSENTIA = "convicted_in_absentia"
    """Convicted or sentenced in their absence."""
    RELEASED = "released"
    """Free: released from custody, acquitted or pardoned."""
    AT_LARGE = "at_large"
    """Beyond the authorities' reach: deported or in exile."""
    CHARGES_DROPPED = "charges_dropped"
    """The charges were dropped or dismissed."""
    UNKNOWN = "unknown"
    """No event says (or the person disappeared)."""
    DECEASED = "deceased"
    """Died: killed, died in custody or executed; neither held nor free."""


class LegalOutcome(enum.Enum):
    """Where a person stands before the law, one of the two facts of status over time.

    The other is :class:`CustodyStatus`: a person convicted and then released
    is ``convicted`` and ``released`` at once.  See
    :func:`civicspace.cases.status_history`.  The JSON form (``"outcome"`` in
    ``data/event_kinds.json``) is the value.
    """

    CHARGED = "charged"
    """Charged with an offence, no verdict yet."""
    CONVICTED = "convicted"
    """Convicted or sentenced, in their presence or without the source saying otherwise."""
    CONVICTED_IN_ABSENTIA = "convicted_in_absentia"
    """Convicted or sentenced in their absence."""
    ACQUITTED = "acquitted"
    """Found not guilty."""
    CHARGES_DROPPED = "charges_dropped"
    """The charges were dropped or dismissed."""
    PARDONED = "pardoned"
    """Pardoned or granted amnesty."""
    UNKNOWN = "unknown"
    """No event says: never charged as far as the case reports, or not reported."""


class CustodyStatus(enum.Enum):
    """Where a person is in custody terms, the other fact of status over time.

    The first is :class:`LegalOutcome`.  The JSON form (``"custody_status"``
    in ``data/event_kinds.json``) is the value.
    """

    DETAINED = "detained"
    """Held: arrested, in pre-trial detention, or serving a sentence."""
    ON_BAIL = "on_bail"
    """Free pending trial, on bail or under judicial supervision."""
    RELEASED = "released"
    """Free: released, acquitted, pardoned, charges dropped, or nothing left to serve."""
    AT_LARGE = "at_large"
    """Beyond the authorities' reach: deported, exchanged or in exile."""
    UNKNOWN = "unknown"
    """No event says (never arrested as far as the case reports, or disappeared)."""
    DECEASED = "deceased"
    """Died (killed, died in custody or executed): neither held nor free from then on."""


class OrganisationStatus(enum.Enum):
    """Where an organisation stands, derived from the events that concern it, never stored.

    See :func:`~civicspace.cases.organisation_status_on`.  The JSON form
    (``"organisation_status"`` in ``data/event_kinds.json``) is the value.
    """

    UNKNOWN = "unknown"
    """No event says: operating as far as the case reports."""
    OPERATING = "operating"
    """Allowed to operate again: a suspension ended, a registration restored."""
    SUSPENDED = "suspended"
    """Its activity, licence or registration suspended for a time."""
    BANNED = "banned"
    """Banned from publishing, broadcasting or operating at all, until a reinstatement."""
    CLOSED = "closed"
    """Forced to close, by order or by pressure."""
    DEREGISTERED = "deregistered"
    """Its registration or licence revoked."""
    DISSOLVED = "dissolved"
    """Dissolved by a court or another authority."""
    LIQUIDATED = "liquidated"
    """Ordered liquidated by a court: wound up as a legal person."""


class DesignationEffect(enum.Enum):
    """An event kind's effect on designations (``"designation"`` in ``data/event_kinds.json``)."""

    IMPOSES = "imposes"
    """It designates the people or organisations it concerns."""
    LIFTS = "lifts"
    """It lifts a designation of theirs."""


class DesignationCategory(enum.Enum):
    """The category of a label a state puts on people or organisations.

    ``case.json#/$defs/designation``; the JSON form is the value.
    """

    FOREIGN_AGENT = "foreign_agent"
    """Said to act for or be funded from abroad ("foreign agent", "inoagent")."""
    EXTREMIST = "extremist"
    """An "extremist" person, organisation or material."""
    TERRORIST = "terrorist"
    """Listed as a terrorist or terrorist organisation, or its supporter."""
    UNDESIRABLE = "undesirable"
    """An organisation whose activity is banned as "undesirable"."""
    OTHER = "other"
    """Another label, given as printed."""


def _check_label(instance: Designation, attribute: attrs.Attribute[Any], value: str | None) -> None:
    check_text(instance, attribute, value)
    if value is None and instance.category is DesignationCategory.OTHER:
        raise FieldValueError(
            "a designation of the category 'other' gives its label as printed", field="label"
        )


def _check_category(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, DesignationCategory):
        raise FieldValueError(
            f"{value!r} is not a DesignationCategory; the categories are "
            f"{', '.join(category.value for category in DesignationCategory)}",
            field=attribute.name,
        )


@attrs.frozen(kw_only=True)
class Designation:
    """A label a state puts on people or organisations (``case.json#/$defs/designation``).

    Russia's Ministry of Justice adding a journalist to its register of
    "foreign agents" is ``Designation(category=DesignationCategory.FOREIGN_AGENT,
    label="foreign agent")``.

    Attributes:
        category: Which category the label falls in.
        label: The label as the source prints it; required for
            :attr:`DesignationCategory.OTHER`.

    """

    category: DesignationCategory = attrs.field(validator=_check_category)
    label: str | None = attrs.field(default=None, validator=_check_label)

    def covers(self, other: Designation) -> bool:
        """Whether lifting this designation lifts ``other``: same category, and label if given."""
        return self.category is other.category and self.label in (None, other.label)


class CustodyEffect(enum.Enum):
    """An event kind's effect on custody (``"custody"`` in ``data/event_kinds.json``)."""

    BEGINS = "begins"
    """It puts the people it concerns in custody, if they are not already held."""
    ENDS = "ends"
    """It ends their custody, if they are held."""


@attrs.frozen(kw_only=True)
class EventKind:
    """One kind of event of the vocabulary, with its effects; see :func:`event_kinds`.

    Attributes:
        name: The kind, as events write it: ``"pre_trial_detention"``.
        description: What it means.
        status: The status of the people concerned after such an event;
            ``None`` when it does not change their status.
        status_in_absentia: Their status instead when the event is in
            absentia; ``None`` to use :attr:`status`.
        custody: Whether it begins or ends custody; ``None`` for neither.
        verdict: Whether it is a court's verdict, which ends pre-trial detention.
        in_absentia: Whether it can happen in the person's absence.
        requires_custody: Whether the people concerned must be held when it happens.
        outcome: The legal outcome it leaves the people concerned with;
            ``None`` when it does not change it.
        outcome_in_absentia: The outcome instead when the event is in
            absentia; ``None`` to use :attr:`outcome`.
        custody_status: Where it leaves them in custody terms; ``None`` when
            it does not change that.
        custody_kind: The kind of custody it puts them in (house arrest);
            ``None`` when the kind does not say.
        organisation_status: The status it leaves the organisations it
            concerns in; ``None`` when it does not change it.
        designation: Whether it imposes or lifts a designation; ``None`` for neither.
        changes_term: Whether it changes a sentence's term (a commutation, a reduction).
        details: The event members that only events of this kind may give
            (``("designation",)``, ``("term_after", "reduced_by")``,
            ``("lashes",)``); rule ``event.detail_misplaced`` reports them
            on an event of another kind.
        huridocs_act: The code of the term of the HURIDOCS micro-thesaurus
            Types of Acts (list 04) the kind corresponds to, 12 digits
            (``"030101000000"`` for an arrest); ``None`` when no term does.

    """

    name: str
    description: str
    status: PersonStatus | None = None
    status_in_absentia: PersonStatus | None = None
    custody: CustodyEffect | None = None
    verdict: bool = False
    in_absentia: bool = False
    requires_custody: bool = False
    outcome: LegalOutcome | None = None
    outcome_in_absentia: LegalOutcome | None = None
    custody_status: CustodyStatus | None = None
    custody_kind: CustodyKind | None = None
    organisation_status: OrganisationStatus | None = None
    designation: DesignationEffect | None = None
    changes_term: bool = False
    details: tuple[str, ...] = ()
    huridocs_act: str | None = None

    def outcome_after(self, in_absentia: bool | None) -> LegalOutcome | None:
        """The legal outcome an event of this kind leaves, given whether it was in absentia."""
        if in_absentia and self.outcome_in_absentia is not None:
            return self.outcome_in_absentia
        return self.outcome

    def status_after(self, in_absentia: bool | None) -> PersonStatus | None:
        """The status an event of this kind leaves, given whether it was in absentia."""
        if in_absentia and self.status_in_absentia is not None:
            return self.status_in_absentia
        return self.status


_KIND_KEYS = frozenset(
    {
        "kind",
        "description",
        "status",
        "status_in_absentia",
        "custody",
        "verdict",
        "in_absentia",
        "requires_custody",
        "outcome",
        "outcome_in_absentia",
        "custody_status",
        "custody_kind",
        "organisation_status",
        "designation",
        "changes_term",
        "details",
        "huridocs_act",
    }
)


def _read_details(details: object) -> tuple[str, ...]:
    if not isinstance(details, list) or not all(isinstance(name, str) for name in details):
        raise CivicspaceError(f"an event kind's details must be a list of member names: {details}")
    return tuple(details)


def _read_kind(entry: dict[str, Any]) -> EventKind:
    unknown = set(entry) - _KIND_KEYS
    if unknown:
        raise CivicspaceError(f"event kind entry has unknown keys {sorted(unknown)}: {entry}")
    flags = {
        name: entry.get(name, False)
        for name in ("verdict", "in_absentia", "requires_custody", "changes_term")
    }
    if any(type(flag) is not bool for flag in flags.values()):
        raise CivicspaceError(f"event kind {entry.get('kind')!r}: flags must be true or false")

    def status(name: str) -> PersonStatus | None:
        value = entry.get(name)
        return None if value is None else PersonStatus(value)

    def outcome(name: str) -> LegalOutcome | None:
        value = entry.get(name)
        return None if value is None else LegalOutcome(value)

    return EventKind(
        name=entry["kind"],
        outcome=outcome("outcome"),
        outcome_in_absentia=outcome("outcome_in_absentia"),
        custody_status=(
            None if entry.get("custody_status") is None else CustodyStatus(entry["custody_status"])
        ),
        description=entry["description"],
        status=status("status"),
        status_in_absentia=status("status_in_absentia"),
        custody=None if entry.get("custody") is None else CustodyEffect(entry["custody"]),
        custody_kind=None
        if entry.get("custody_kind") is None
        else CustodyKind(entry["custody_kind"]),
        organisation_status=(
            None
            if entry.get("organisation_status") is None
            else OrganisationStatus(entry["organisation_status"])
        ),
        designation=(
            None if entry.get("designation") is None else DesignationEffect(entry["designation"])
        ),
        details=_read_details(entry.get("details", [])),
        huridocs_act=read_huridocs_code(
            entry.get("huridocs_act"), f"event kind {entry.get('kind')!r}"
        ),
        **flags,
    )


@functools.cache
def event_kinds() -> Mapping[str, EventKind]:
    """The vocabulary of event kinds shipped in ``data/event_kinds.json``, in its order.

    Raises:
        CivicspaceError: when the data file is malformed (an unknown key, a
            status that :class:`PersonStatus` lacks, a kind named twice).

    """
    text = resources.files("civicspace").joinpath("data", "event_kinds.json").read_text("utf-8")
    try:
        kinds = [_read_kind(entry) for entry in json.loads(text)["kinds"]]
    except (KeyError, ValueError, TypeError) as error:
        raise CivicspaceError(f"data/event_kinds.json is malformed: {error}") from None
    found = {kind.name: kind for kind in kinds}
    if len(found) != len(kinds):
        raise CivicspaceError("data/event_kinds.json names a kind twice")
    return MappingProxyType(found)


def _check_kind(_instance: object, attribute: attrs.Attribute[Any], value: str) -> None:
    if value not in event_kinds():
        raise FieldValueError(
            f"{value!r} is not an event kind; the kinds are {', '.join(event_kinds())}",
            field=attribute.name,
        )


def _check_people_count(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and (type(value) is not int or not 1 <= value <= MAX_EVENT_PEOPLE):
        raise FieldValueError(
            f"{value!r} is not a count of people from 1 to {MAX_EVENT_PEOPLE}", field=attribute.name
        )


class CountQualifier(enum.Enum):
    """How a text qualifies a figure it gives (``common.json#/$defs/count_qualifier``).

    "At least 22 people have been arrested" is 22 with :attr:`AT_LEAST`;
    "nearly 90 people" is 90 with :attr:`NEARLY`.  The figure is the one
    printed, never adjusted.
    """

    ABOUT = "about"
    NEARLY = "nearly"
    AT_LEAST = "at_least"
    MORE_THAN = "more_than"
    AT_MOST = "at_most"
    FEWER_THAN = "fewer_than"


class ActorKind(enum.Enum):
    """What kind of body carried out an event (``case.json#/$defs/actor``)."""

    COURT = "court"
    PROSECUTOR = "prosecutor"
    POLICE = "police"
    """The police, including the military police."""
    MILITARY = "military"
    MINISTRY = "ministry"
    GOVERNMENT = "government"
    """The government, "the authorities", a head of government."""
    ELECTION_COMMISSION = "election_commission"
    LOCAL_AUTHORITY = "local_authority"
    COMPANY = "company"
    OTHER = "other"


@attrs.frozen(kw_only=True)
class Actor:
    """Who carried out an event, as the source names them.

    "the Phnom Penh Municipal Court convicted Kong Raiya in absentia" is
    ``Actor(name="the Phnom Penh Municipal Court", kind=ActorKind.COURT)``.

    Attributes:
        name: The actor as the source names it.
        kind: What kind of body it is.

    """

    name: str = attrs.field(validator=check_text)
    kind: ActorKind


def _check_term_after(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and not isinstance(value, (Term, TermRange, Life)):
        raise FieldValueError(
            f"{attribute.name} must be a Term, TermRange or LIFE, not {value!r}",
            field=attribute.name,
        )


def _check_designation(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and not isinstance(value, Designation):
        raise FieldValueError(
            f"designation must be a Designation, not {value!r}", field="designation"
        )


def _check_reduced_by(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and not isinstance(value, Term):
        raise FieldValueError(f"reduced_by must be a Term, not {value!r}", field="reduced_by")


def _check_qualifier(instance: Event, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and instance.people_count is None:
        raise FieldValueError(
            "a qualifier ('at least', 'nearly') qualifies a people_count: give the count",
            field=attribute.name,
        )


@attrs.frozen(kw_only=True)
class Event:
    """Something that happened to people or organisations of a case (``case.json#/$defs/event``).

    "On 6th September 2020, the three were charged ... and placed in
    pre-trial detention" is two events, a ``charge`` and a
    ``pre_trial_detention``, each dated ``2020-09-06`` and naming the three.
    A case lists its events in the order they happened; the status of each
    person and the chronology checks follow that order.  An event concerns
    people, organisations or a subject (rule ``event.concerns_nobody``): "the
    National Election Committee (NEC)'s decision to bar the Candlelight
    Party (CP)" is a ``disqualification`` naming only the party.  The
    effects of its kind (status, custody) apply to its people only.

    Attributes:
        kind: What happened: a kind of :func:`event_kinds`.
        date: When, to the precision the source gives; ``None`` when it gives none.
        people: The ids of the people of the case it concerns; ``()`` when it
            concerns none (a party dissolved).
        people_count: How many people the source says it concerned ("three
            Cambodian activists ... were arrested"); ``None`` when it states
            no number.  :attr:`people` lists those the source names and the
            rest are unnamed ("four Mother Nature activists", none named, is
            ``people_count=4`` with no people), so it never lists more (rule
            ``event.people_count_mismatch``).  It counts people only, never
            :attr:`organisations`.
        people_count_qualifier: How the source qualifies the count ("at
            least 22 people" is ``people_count=22`` with
            :attr:`CountQualifier.AT_LEAST`); ``None`` for an exact count.
        organisations: The ids of the case's organisations it concerns: the
            party dissolved or disqualified, the union harassed, the
            newspaper closed.
        subject: Whom or what it concerns, in the source's words, when that
            is neither a person nor an organisation of the case ("the
            informal election monitoring platform run by civil society").
        charges: The ids of the case's charges it concerns ("the hearing ...
            on the charges of production of pornography").
        sentences: The ids of the case's sentences it concerns
            (:attr:`Sentence.id <civicspace.Sentence.id>`): the sentence a
            commutation or reduction changes, an appeal decides.  A change
            that names none changes each of its people's last sentence that
            may have been imposed by then.
        actor: Who acted, as the source names them ("the cybercrime
            police"); ``None`` when it does not say.
        demanded: A fine or compensation demanded by a prosecutor or a
            plaintiff, not imposed ("CPP lawyers have demanded two billion
            riels (USD 500,000) for compensation"); ``None`` when none is
            reported.  What a court imposes goes into the case's sentences.
        in_absentia: ``True`` when it happened in the people's absence
            ("convicted in absentia"), ``False`` when the source says they
            were present; only for kinds that can (rule ``case.in_absentia_misplaced``).
        designation: For a kind that imposes or lifts a designation: which
            (rule ``event.detail_misplaced``); left out on a lifting, every
            designation of the people or organisations is lifted.
        term_after: For a kind that changes a term (a commutation, a
            reduction): the custodial term after the change ("commuted to
            life imprisonment" is :data:`~civicspace.sentences.LIFE`).
        reduced_by: For a kind that changes a term: by how much it is
            reduced ("reduced by six years" is ``Term(years=6)``).
        lashes: For a ``corporal_punishment`` event: how many lashes were
            inflicted that time ("he received 50 lashes"); the sentence's
            lashes say how many were imposed.
        fine: For a ``fine`` event: the amount of a fine imposed outside a
            sentence of the case (an organisation fined by a regulator); a
            fine a court imposes on a person it tries is a sentence's.
        scheduled: ``True`` when the source says it was scheduled, announced
            or hoped for and does not say it took place ("summoned to appear
            at a trial hearing on 25 December 2019"); status over time and
            the chronology rules ignore such an event.  ``None`` (left out)
            or ``False``: it took place.  See :attr:`happened`.
        place: Where, as published.
        note: Anything else the source says about it ("They were also denied bail").
        sources: Where it was reported.

    """

    kind: str = attrs.field(validator=_check_kind)
    date: PartialDate | None = None
    people: tuple[str, ...] = attrs.field(default=(), validator=check_ids)
    people_count: int | None = attrs.field(default=None, validator=_check_people_count)
    people_count_qualifier: CountQualifier | None = attrs.field(
        default=None, validator=_check_qualifier
    )
    organisations: tuple[str, ...] = attrs.field(default=(), validator=check_ids)
    subject: str | None = attrs.field(default=None, validator=check_text)
    charges: tuple[str, ...] = attrs.field(default=(), validator=check_ids)
    sentences: tuple[str, ...] = attrs.field(default=(), validator=check_ids)
    actor: Actor | None = None
    demanded: ReportedAmount | None = attrs.field(default=None, validator=_REPORTED)
    in_absentia: bool | None = attrs.field(default=None, validator=check_optional_bool)
    designation: Designation | None = attrs.field(default=None, validator=_check_designation)
    term_after: Term | TermRange | Life | None = attrs.field(
        default=None, validator=_check_term_after
    )
    reduced_by: Term | None = attrs.field(default=None, validator=_check_reduced_by)
    lashes: int | None = attrs.field(default=None, validator=check_optional_int)
    fine: ReportedAmount | None = attrs.field(default=None, validator=_REPORTED)
    scheduled: bool | None = attrs.field(default=None, validator=check_optional_bool)
    place: str | None = attrs.field(default=None, validator=check_text)
    note: str | None = attrs.field(default=None, validator=check_text)
    sources: tuple[Source, ...] = ()

    @property
    def happened(self) -> bool:
        """Whether it is known to have taken place: not :attr:`scheduled`.

        Status over time acts only on events that happened.
        """
        return not self.scheduled

    @property
    def kind_info(self) -> EventKind:
        """The vocabulary entry of :attr:`kind`, with its effects."""
        return event_kinds()[self.kind]
