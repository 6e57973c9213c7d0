"""People and organisations, after Popolo: names, other names, identifiers, roles, affiliations.

A :class:`CasePerson` and a :class:`CaseOrganisation` are embedded in the case
records they take part in, each with an ``id`` unique within the case; the
same id in several cases is the same person or organisation.  The
standalone records ``"person"`` (:class:`PersonRecord`) and
``"organisation"`` (:class:`OrganisationRecord`) are the same objects with a
``type`` tag, for collections that hold people and organisations that
statements and cases refer to.
"""

from __future__ import annotations

import enum
from typing import Any

import attrs

from ..errors import FieldValueError
from .common import (
    PartialDate,
    Source,
    check_country,
    check_id,
    check_text,
    is_country_code,
)
from .records import record_type

__all__ = [
    "Affiliation",
    "Age",
    "CaseOrganisation",
    "CasePerson",
    "Gender",
    "Identifier",
    "OrganisationKind",
    "OrganisationRecord",
    "OtherName",
    "PersonRecord",
    "Role",
    "check_ids",
]


def check_ids(_instance: object, attribute: attrs.Attribute[Any], value: tuple[str, ...]) -> None:
    """Attrs validator: every item of ``value`` is a record id (``common.json#/$defs/id``)."""
    for item in value:
        check_id(_instance, attribute, item)


class Role(enum.Enum):
    """What a person is, as far as a case is concerned.  The JSON form is the value.

    A person's roles are given per case ("youth activist Kong Raiya"), since
    the same person may be targeted as a journalist in one case and as an
    opposition member in another.  Add a value here and to
    ``person.json#/$defs/role`` together.
    """

    HUMAN_RIGHTS_DEFENDER = "human_rights_defender"
    """Defends human rights, as a profession or a cause ("human rights defenders")."""
    ENVIRONMENTAL_DEFENDER = "environmental_defender"
    """Defends the environment or natural resources ("environmental rights defenders")."""
    LAND_RIGHTS_DEFENDER = "land_rights_defender"
    """Defends communities' rights to land and housing."""
    JOURNALIST = "journalist"
    """Gathers or publishes news, for a media outlet or independently."""
    TRADE_UNIONIST = "trade_unionist"
    """Leads or belongs to a trade union."""
    OPPOSITION_MEMBER = "opposition_member"
    """Belongs to or supports an opposition party, banned or not ("former CNRP members")."""
    STUDENT_ACTIVIST = "student_activist"
    """A student campaigning on public issues."""
    YOUTH_ACTIVIST = "youth_activist"
    """A young person campaigning on public issues ("youth activist Kong Raiya")."""
    ACTIVIST = "activist"
    """Campaigns on public issues, where no more specific role fits."""
    LAWYER = "lawyer"
    """A lawyer, often one who defends other people in such cases."""
    MONK = "monk"
    """A Buddhist monk or other member of a religious order."""
    ARTIST = "artist"
    """A musician, writer, painter or other artist."""
    ACADEMIC = "academic"
    """A researcher or teacher."""
    ONLINE_CRITIC = "online_critic"
    """Targeted for what they posted online ("a Facebook post that criticized the government")."""
    FAMILY_MEMBER = "family_member"
    """A relative targeted with or because of another person ("alongside three family members")."""
    OTHER = "other"
    """None of the above."""


class OrganisationKind(enum.Enum):
    """What kind of body an organisation is.  The JSON form is the value."""

    NGO = "ngo"
    """A non-governmental organisation or civil society group ("a grassroots group")."""
    UNION = "union"
    """A trade union or federation of unions."""
    MEDIA_OUTLET = "media_outlet"
    """A newspaper, broadcaster, news site or news agency ("Radio Free Asia")."""
    PARTY = "party"
    """A political party ("Cambodia National Rescue Party")."""
    NETWORK = "network"
    """A network, alliance or coalition of organisations ("FORUM-ASIA")."""
    GOVERNMENT_BODY = "government_body"
    """A ministry, police force or other part of the state, courts aside."""
    COURT = "court"
    """A court or tribunal."""
    COMPANY = "company"
    """A business."""
    OTHER = "other"
    """None of the above."""


@attrs.frozen(kw_only=True)
class OtherName:
    """Another name a person or organisation goes by, with what kind of name it is.

    "Eng Malai (aka So Metta)" is ``Person(name="Eng Malai",
    other_names=(OtherName(name="So Metta", note="aka"),))``.

    Attributes:
        name: The name as published.
        note: What kind of name it is, in a word or two: ``"aka"``,
            ``"known as"``, ``"spelling in another source"``, ``"former name"``.

    """

    name: str = attrs.field(validator=check_text)
    note: str | None = attrs.field(default=None, validator=check_text)


@attrs.frozen(kw_only=True)
class Identifier:
    """An identifier a person or organisation has in another system (Popolo's identifiers).

    Attributes:
        scheme: The system, in a word: ``"wikidata"``, ``"un-wgad"``,
            ``"front-line-defenders"``.
        identifier: The identifier in that system: ``"Q123"``.

    """

    scheme: str = attrs.field(validator=check_text)
    identifier: str = attrs.field(validator=check_text)


class Gender(enum.Enum):
    """A person's gender where the source states it (``person.json#/$defs/person``).

    Never inferred from a name or a photo.  The JSON form is the value.
    """

    WOMAN = "woman"
    """A woman ("a woman human rights defender", "she")."""
    MAN = "man"
    """A man."""
    NON_BINARY = "non_binary"
    """Non-binary, genderqueer or agender, as the source says."""
    OTHER = "other"
    """Another gender identity the source names; its words stay in a source's quote."""


def _check_years(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if type(value) is not int:
        raise FieldValueError(f"years must be a whole number, not {value!r}", field=attribute.name)


@attrs.frozen(kw_only=True)
class Age:
    """An age as a source reports it (``person.json#/$defs/age``).

    "a 17-year-old student", in a report of March 2022, is
    ``Age(years=17, on=PartialDate(2022, 3))``.

    Attributes:
        years: The age in whole years, as printed.
        on: When the person was that age, to the precision known (the date
            of the report, or of the event it describes); ``None`` when the
            source does not say.

    """

    years: int = attrs.field(validator=_check_years)
    on: PartialDate | None = None


@attrs.frozen(kw_only=True)
class Affiliation:
    """A person's tie to an organisation, by the organisation's id.

    Inside a case, ``organisation`` is the id of one of the case's
    organisations (rule ``case.unresolved_reference``); for a standalone
    person record, the id of an organisation record of the collection.

    Attributes:
        organisation: The organisation's id.
        role: The person's role in it, as published: ``"co-founder"``,
            ``"Vice-President"``, ``"member"``.

    """

    organisation: str = attrs.field(validator=check_id)
    role: str | None = attrs.field(default=None, validator=check_text)


def _check_nationalities(
    _instance: object, attribute: attrs.Attribute[Any], value: tuple[str, ...]
) -> None:
    for code in value:
        if not is_country_code(code):
            raise FieldValueError(
                f"{code!r} is not an ISO 3166-1 alpha-3 country code", field=attribute.name
            )


@attrs.frozen(kw_only=True)
class CasePerson:
    """A person as a case names them (``person.json#/$defs/person``), inside a case record.

    A person standing alone in a collection is a
    :class:`PersonRecord`; :meth:`Collection.people_in_cases
    <civicspace.Collection.people_in_cases>` lists the people of every case.

    Attributes:
        id: Unique among the people of a case; the same id in two cases is
            the same person, who must then have the same ``name`` in both
            (rule ``collection.conflicting_person``).
        name: The name the record uses for the person.
        other_names: Aliases and other spellings ("So Metta", "aka").
        identifiers: Identifiers in other systems.
        roles: What the person is, as far as the case is concerned.
        nationalities: The countries of which the person is a national, as
            ISO 3166-1 alpha-3 codes, where the source says ("a Spanish
            national" is ``("ESP",)``).
        gender: Their gender where the source states it; ``None`` when it
            does not (never inferred from a name).
        age: Their age as the source reports it, with the date it held on.
        affiliations: The organisations the person belongs to.
        sources: Where the person was named.

    """

    id: str = attrs.field(validator=check_id)
    name: str = attrs.field(validator=check_text)
    other_names: tuple[OtherName, ...] = ()
    identifiers: tuple[Identifier, ...] = ()
    roles: tuple[Role, ...] = ()
    nationalities: tuple[str, ...] = attrs.field(default=(), validator=_check_nationalities)
    gender: Gender | None = None
    age: Age | None = None
    affiliations: tuple[Affiliation, ...] = ()
    sources: tuple[Source, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        """The name, then every other name, in order."""
        return (self.name, *(other.name for other in self.other_names))


@record_type("person")
@attrs.frozen(kw_only=True)
class PersonRecord(CasePerson):
    """A standalone person (record type ``"person"``): a :class:`CasePerson` with a ``type`` tag.

    For collections that hold the people their cases and statements refer
    to.  Its affiliations name organisation records of the collection (rule
    ``collection.unresolved_reference``).
    """


@attrs.frozen(kw_only=True)
class CaseOrganisation:
    """An organisation as a case names it (``organisation.json#/$defs/organisation``).

    One standing alone in a collection is an
    :class:`OrganisationRecord`.

    Attributes:
        id: Unique among the organisations of a case; the same id in two
            records is the same organisation, which must then have the same
            ``name`` in both (rule ``collection.conflicting_organisation``).
        name: The name the record uses, in full: ``"Mother Nature Cambodia"``.
        acronym: The acronym it goes by: ``"MNC"``.
        other_names: Other names and spellings.
        country: Where it is based, as an ISO 3166-1 alpha-3 code.
        kind: What kind of body it is.
        sources: Where it was named.

    """

    id: str = attrs.field(validator=check_id)
    name: str = attrs.field(validator=check_text)
    acronym: str | None = attrs.field(default=None, validator=check_text)
    other_names: tuple[OtherName, ...] = ()
    country: str | None = attrs.field(
        default=None, validator=attrs.validators.optional(check_country)
    )
    kind: OrganisationKind | None = None
    sources: tuple[Source, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        """The name, the acronym if any, then every other name, in order."""
        acronym = () if self.acronym is None else (self.acronym,)
        return (self.name, *acronym, *(other.name for other in self.other_names))


@record_type("organisation")
@attrs.frozen(kw_only=True)
class OrganisationRecord(CaseOrganisation):
    """A standalone organisation (record type ``"organisation"``): a :class:`CaseOrganisation`.

    For collections that hold the organisations their people belong to and
    their statements name.
    """
