"""Popolo bundles out of a collection, and person and organisation records out of Popolo bundles.

A bundle is the de-facto Popolo exchange document (EveryPolitician's):
``{"persons", "organizations", "memberships", "areas", "events"}``.  What
Popolo 1.0.1 defines is written in its own properties; what it does not
(a person's nationalities and roles, an organisation's acronym, our sources
in full) is written in properties flagged with a leading ``+``, as the
specification's JSON patterns advise, so that a consumer never takes them
for Popolo's.  The records Popolo has no class for (cases, laws, ratings,
statements, sessions, elections) travel, when asked for, whole under the
bundle's ``+civicspace`` member, or are left out.

Everything here works on JSON data: the collection is dumped with
:func:`civicspace.dump` and the records read back are checked with
:func:`civicspace.validate` before they are loaded.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Mapping
from typing import Any, Final

import attrs

import civicspace
from civicspace.collection import Collection
from civicspace.countries import country_name
from civicspace.errors import Issue, ValidationError

from .._util.echo import quoted

__all__ = ["PopoloReading", "from_popolo", "to_popolo"]

#: The bundle members Popolo's classes go in, in the order they are written.
BUNDLE_MEMBERS: Final = ("persons", "organizations", "memberships", "areas", "events")
#: The member that carries the records Popolo has no class for.
EXTRA_MEMBER: Final = "+civicspace"
#: The scheme of the identifier a person or organisation keeps its Popolo id under
#: when that id is not a civicspace id.
POPOLO_ID_SCHEME: Final = "popolo"
#: The classification of an area that is a country, whose identifier is its ISO 3166-1 code.
COUNTRY: Final = "country"
_SHOWN: Final = 60

# Organisation classifications other tools write, read as our kinds.  A
# classification that is one of our kinds is read as itself; one not listed
# here leaves the kind out rather than guess.
_CLASSIFICATIONS: Final[Mapping[str, str]] = {
    "political party": "party",
    "legislature": "government_body",
    "chamber": "government_body",
    "committee": "government_body",
    "executive": "government_body",
    "government": "government_body",
    "ministry": "government_body",
    "trade union": "union",
    "coalition": "network",
    "alliance": "network",
    "media": "media_outlet",
    "civil society organisation": "ngo",
    "civil society organization": "ngo",
}


@attrs.frozen(kw_only=True)
class PopoloReading:
    """What :func:`from_popolo` read: a collection (when anything could be read) and the issues.

    Attributes:
        collection: The person and organisation records read (and, from a
            bundle civicspace wrote with ``case_data=True``, every other
            record), as a collection that validates; ``None`` when the input
            is no Popolo bundle or what it holds does not validate.
        issues: Every problem, each with the JSON path of the bundle member
            it is about; a value left out (an unreadable name, an
            identifier that is not a string) is an issue too.
    """

    collection: Collection | None
    issues: tuple[Issue, ...] = ()


# --- out -------------------------------------------------------------------------


def to_popolo(collection: Collection, *, case_data: bool = False) -> dict[str, Any]:
    """The Popolo bundle of ``collection``: persons, organizations, memberships, areas, events.

    Persons are the collection's person records and the people its cases
    name (one person per id); organizations likewise, with our kind as
    their ``classification`` and their country as an area; memberships are
    the persons' affiliations; areas are the countries organisations are
    based in and elections are held in, with the ISO 3166-1 alpha-3 code as
    identifier; events are the elections and the Human Rights Council
    sessions.  Nationalities, roles, acronyms and our sources are flagged
    ``+`` properties.

    With ``case_data=True`` the bundle also holds every record Popolo has no
    class for, whole, under ``+civicspace``, and marks persons and
    organizations that only cases name (``+in_cases``), so that
    :func:`from_popolo` reads the collection back equal.
    """
    data = civicspace.dump(collection)
    records = {member: data.get(member, []) for member in ("people", "organisations")}
    people: dict[str, dict[str, Any]] = {}
    organisations: dict[str, dict[str, Any]] = {}
    in_cases: dict[str, list[str]] = {}
    for record in records["people"]:
        people.setdefault(record["id"], record)
    for record in records["organisations"]:
        organisations.setdefault(record["id"], record)
    for case in data.get("cases", []):
        for person in case.get("people", []):
            if person["id"] not in people:
                people[person["id"]] = person
                in_cases[f"person/{person['id']}"] = []
            in_cases.get(f"person/{person['id']}", []).append(case["id"])
        for organisation in case.get("organisations", []):
            if organisation["id"] not in organisations:
                organisations[organisation["id"]] = organisation
                in_cases[f"organisation/{organisation['id']}"] = []
            in_cases.get(f"organisation/{organisation['id']}", []).append(case["id"])
    countries: list[str] = []
    persons = [_person(person) for person in people.values()]
    memberships = [
        _membership(person["id"], index, affiliation)
        for person in people.values()
        for index, affiliation in enumerate(person.get("affiliations", []))
    ]
    organizations = [
        _organization(organisation, countries) for organisation in organisations.values()
    ]
    events = [_election(election, countries) for election in data.get("elections", [])]
    events += [_session(session) for session in data.get("sessions", [])]
    if case_data:
        for person in persons:
            cases = in_cases.get(f"person/{person['id']}")
            if cases is not None:
                person["+in_cases"] = sorted(set(cases))
        for organization in organizations:
            cases = in_cases.get(f"organisation/{organization['id']}")
            if cases is not None:
                organization["+in_cases"] = sorted(set(cases))
    bundle: dict[str, Any] = {
        "persons": persons,
        "organizations": organizations,
        "memberships": memberships,
        "areas": [_area(code) for code in countries],
        "events": events,
    }
    if case_data:
        rest = {
            member: records
            for member, records in data.items()
            if member not in ("type", "people", "organisations")
        }
        if rest:
            bundle[EXTRA_MEMBER] = {"type": "collection", **rest}
    return bundle


def _names(record: Mapping[str, Any], popolo: dict[str, Any]) -> None:
    """The name, other names and identifiers Popolo and we share."""
    popolo["name"] = record["name"]
    for member in ("other_names", "identifiers"):
        if member in record:
            popolo[member] = [dict(item) for item in record[member]]


def _sources(record: Mapping[str, Any], popolo: dict[str, Any]) -> None:
    """Our sources: as Popolo links where they have a URL, and whole, flagged."""
    if "sources" not in record:
        return
    links = [
        {"url": source["url"], **({"note": source["title"]} if "title" in source else {})}
        for source in record["sources"]
        if "url" in source
    ]
    if links:
        popolo["sources"] = links
    popolo["+sources"] = [dict(source) for source in record["sources"]]


#: Our genders in the words Popolo bundles use (EveryPolitician's "female", "male"); the others
#: travel as our own values.
_POPOLO_GENDERS: Final = {"woman": "female", "man": "male"}


def _person(person: Mapping[str, Any]) -> dict[str, Any]:
    """A Popolo person of one of our people."""
    popolo: dict[str, Any] = {"id": person["id"]}
    _names(person, popolo)
    if "nationalities" in person:
        popolo["+nationalities"] = list(person["nationalities"])
    if "roles" in person:
        popolo["+roles"] = list(person["roles"])
    if "gender" in person:
        popolo["gender"] = _POPOLO_GENDERS.get(person["gender"], person["gender"])
    if "age" in person:
        popolo["+age"] = dict(person["age"])
    _sources(person, popolo)
    return popolo


def _membership(person: str, index: int, affiliation: Mapping[str, Any]) -> dict[str, Any]:
    """A Popolo membership of one affiliation of a person."""
    membership = {
        "id": f"{person}/membership/{index}",
        "person_id": person,
        "organization_id": affiliation["organisation"],
    }
    if "role" in affiliation:
        membership["role"] = affiliation["role"]
    return membership


def _organization(organisation: Mapping[str, Any], countries: list[str]) -> dict[str, Any]:
    """A Popolo organization of one of our organisations; its country joins ``countries``."""
    popolo: dict[str, Any] = {"id": organisation["id"]}
    _names(organisation, popolo)
    if "kind" in organisation:
        popolo["classification"] = organisation["kind"]
    if "country" in organisation:
        popolo["area_id"] = _area_id(organisation["country"], countries)
    if "acronym" in organisation:
        popolo["+acronym"] = organisation["acronym"]
    _sources(organisation, popolo)
    return popolo


def _area_id(code: str, countries: list[str]) -> str:
    """The id of the area of country ``code``, which joins ``countries`` once."""
    if code not in countries:
        countries.append(code)
    return f"country/{code.lower()}"


def _area(code: str) -> dict[str, Any]:
    """The Popolo area of a country."""
    return {
        "id": f"country/{code.lower()}",
        "name": country_name(code),
        "identifier": code,
        "classification": COUNTRY,
    }


def _election(election: Mapping[str, Any], countries: list[str]) -> dict[str, Any]:
    """The Popolo event of an election."""
    event: dict[str, Any] = {
        "id": election["id"],
        "name": election["title"],
        "classification": "election",
        "start_date": election["date"],
        "+country": election["country"],
    }
    _area_id(election["country"], countries)
    return event


def _ordinal(number: int) -> str:
    """``42`` → ``42nd``."""
    suffix = (
        "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    )
    return f"{number}{suffix}"


def _session(session: Mapping[str, Any]) -> dict[str, Any]:
    """The Popolo event of a Human Rights Council session."""
    event: dict[str, Any] = {
        "id": f"hrc-session-{session['number']}",
        "name": f"Human Rights Council, {_ordinal(session['number'])} session",
        "classification": "session",
    }
    if "start" in session:
        event["start_date"] = session["start"]
    if "end" in session:
        event["end_date"] = session["end"]
    return event


# --- in --------------------------------------------------------------------------


@functools.cache
def _id_pattern() -> re.Pattern[str]:
    """Our id pattern, read from the schema."""
    return re.compile(civicspace.schema("common")["$defs"]["id"]["pattern"])


@functools.cache
def _limits() -> dict[str, int]:
    """The item limits of the person and organisation members we fill, from the schemas."""
    person = civicspace.schema("person")["properties"]
    organisation = civicspace.schema("organisation")["properties"]
    return {
        "person." + name: person[name]["maxItems"]
        for name in (
            "other_names",
            "identifiers",
            "roles",
            "nationalities",
            "affiliations",
            "sources",
        )
    } | {
        "organisation." + name: organisation[name]["maxItems"]
        for name in ("other_names", "sources")
    }


@functools.cache
def _kinds() -> frozenset[str]:
    """Our organisation kinds, from the schema."""
    return frozenset(civicspace.schema("organisation")["$defs"]["kind"]["enum"])


def _bounded(value: Any) -> str:
    """A value as shown in a message, cut to a bounded length."""
    text = repr(value)
    return text if len(text) <= _SHOWN else text[: _SHOWN - 1] + "…"


def _issue(path: str, code: str, message: str) -> Issue:
    """An issue of reading a bundle."""
    return Issue(path=path, code=code, message=message)


def _text(value: Any) -> bool:
    """Whether ``value`` is a string with something in it."""
    return isinstance(value, str) and not value.isspace() and value != ""


class _Reader:
    """One reading of one bundle: the issues, and the map from Popolo ids to ours."""

    def __init__(self) -> None:
        self.issues: list[Issue] = []
        self.ids: dict[str, dict[str, str]] = {"person": {}, "organisation": {}}
        self.taken: dict[str, set[str]] = {"person": set(), "organisation": set()}

    def flag(self, path: str, code: str, message: str) -> None:
        self.issues.append(_issue(path, code, message))

    def items(self, bundle: Mapping[str, Any], member: str) -> Iterator[tuple[str, dict[str, Any]]]:
        """The objects of a bundle member, each with its path; anything else is an issue."""
        value = bundle.get(member, [])
        if not isinstance(value, list):
            self.flag(f"$.{member}", "popolo.wrong_type", f"{member} must be an array")
            return
        for index, item in enumerate(value):
            path = f"$.{member}[{index}]"
            if isinstance(item, dict):
                yield path, item
            else:
                self.flag(path, "popolo.wrong_type", f"a member of {member} must be an object")

    def our_id(self, kind: str, popolo_id: Any, path: str, index: int) -> tuple[str, str | None]:
        """Our id for a Popolo id, and the original when it had to change."""
        original = popolo_id if _text(popolo_id) else None
        candidate = original.strip() if original is not None else ""
        if original is None or not _id_pattern().fullmatch(candidate) or len(candidate) > 200:
            slug = re.sub(r"[^a-z0-9._:/-]+", "-", candidate.lower()).strip("._:/-")[:180]
            candidate = slug.rstrip("._:/-") or f"{kind}-{index + 1}"
        base, number = candidate, 1
        while candidate in self.taken[kind]:
            number += 1
            candidate = f"{base}-{number}"
        self.taken[kind].add(candidate)
        if original is not None:
            self.ids[kind].setdefault(original, candidate)
        if original is None:
            self.flag(f"{path}.id", "popolo.id_changed", f"no id: read as {candidate!r}")
        return candidate, (original if original is not None and original != candidate else None)

    def valid(self, record: dict[str, Any], path: str) -> bool:
        """Whether a record read validates alone; if not, its issues, at the bundle's path."""
        found = civicspace.validate(record)
        for issue in found:
            self.issues.append(
                Issue(
                    path=path + issue.path[1:],
                    code=issue.code,
                    message=f"{issue.message}: the {record['type']} is left out",
                    schema=issue.schema,
                )
            )
        return not found

    def limited(self, items: list[Any], limit: str, path: str) -> list[Any]:
        """``items`` cut to the schema's limit, with an issue when cut."""
        most = _limits()[limit]
        if len(items) > most:
            self.flag(
                path, "popolo.over_limit", f"{len(items)} items, of which the first {most} are read"
            )
            return items[:most]
        return items

    def names(self, item: Mapping[str, Any], path: str, record: dict[str, Any], kind: str) -> None:
        """Other names and identifiers, each checked."""
        other_names = []
        for index, other in enumerate(item.get("other_names") or []):
            where = f"{path}.other_names[{index}]"
            if not isinstance(other, dict) or not _text(other.get("name")):
                self.flag(where, "popolo.unreadable", "an other name without a name is left out")
                continue
            name = {"name": other["name"]}
            if _text(other.get("note")):
                name["note"] = other["note"]
            if name not in other_names:
                other_names.append(name)
        identifiers = list(record.get("identifiers", []))
        if kind == "organisation" and item.get("identifiers"):
            self.flag(
                f"{path}.identifiers",
                "popolo.not_held",
                "a civicspace organisation has no identifiers: they are left out",
            )
        for index, identifier in enumerate(
            item.get("identifiers") or [] if kind == "person" else []
        ):
            where = f"{path}.identifiers[{index}]"
            if (
                not isinstance(identifier, dict)
                or not _text(identifier.get("identifier"))
                or not _text(identifier.get("scheme"))
            ):
                self.flag(
                    where,
                    "popolo.unreadable",
                    "an identifier without a scheme and an identifier, both strings, is left out",
                )
                continue
            identifiers.append(
                {"scheme": identifier["scheme"], "identifier": identifier["identifier"]}
            )
        if other_names:
            record["other_names"] = self.limited(
                other_names, f"{kind}.other_names", f"{path}.other_names"
            )
        if identifiers:
            record["identifiers"] = self.limited(
                identifiers, f"{kind}.identifiers", f"{path}.identifiers"
            )

    def sources(
        self, item: Mapping[str, Any], path: str, record: dict[str, Any], kind: str
    ) -> None:
        """Our sources whole from ``+sources``, or Popolo's links as sources."""
        if isinstance(item.get("+sources"), list):
            sources = [source for source in item["+sources"] if isinstance(source, dict)]
        else:
            sources = [
                {"url": link["url"], **({"title": link["note"]} if _text(link.get("note")) else {})}
                for link in item.get("sources") or []
                if isinstance(link, dict) and _text(link.get("url"))
            ]
        if sources:
            record["sources"] = self.limited(sources, f"{kind}.sources", f"{path}.sources")

    def strings(self, item: Mapping[str, Any], member: str, path: str) -> list[str]:
        """A flagged list of strings; anything else in it is an issue."""
        value = item.get(member)
        if value is None:
            return []
        if not isinstance(value, list) or not all(_text(entry) for entry in value):
            self.flag(
                f"{path}.{member}", "popolo.wrong_type", f"{member} must be an array of strings"
            )
            return []
        return list(value)

    def person(self, path: str, index: int, item: Mapping[str, Any]) -> dict[str, Any] | None:
        """A person record of a Popolo person, or ``None`` (with an issue) when it has no name."""
        if not _text(item.get("name")):
            self.flag(f"{path}.name", "popolo.unreadable", "a person without a name is left out")
            return None
        our, original = self.our_id("person", item.get("id"), path, index)
        record: dict[str, Any] = {"type": "person", "id": our, "name": item["name"]}
        if original is not None:
            record["identifiers"] = [{"scheme": POPOLO_ID_SCHEME, "identifier": original}]
        self.names(item, path, record, "person")
        for member in ("roles", "nationalities"):
            values = self.strings(item, f"+{member}", path)
            if values:
                record[member] = self.limited(values, f"person.{member}", f"{path}.+{member}")
        self.gender(item, path, record)
        if "+age" in item:
            record["age"] = item["+age"]
        self.sources(item, path, record, "person")
        return record

    def gender(self, item: Mapping[str, Any], path: str, record: dict[str, Any]) -> None:
        """Popolo's gender in our words ("female" is woman); one we cannot read is an issue."""
        value = item.get("gender")
        if value is None:
            return
        if not isinstance(value, str):
            self.flag(f"{path}.gender", "popolo.wrong_type", "gender must be a string")
            return
        ours = {popolo: our for our, popolo in _POPOLO_GENDERS.items()}
        known = set(civicspace.schema("person")["properties"]["gender"]["enum"])
        word = value.strip().lower()
        gender = ours.get(word, word)
        if gender in known:
            record["gender"] = gender
        else:
            self.flag(
                f"{path}.gender",
                "popolo.unreadable",
                f"the gender {quoted(value)} is none of ours ({', '.join(sorted(known))}); "
                "it is left out",
            )

    def organisation(
        self, path: str, index: int, item: Mapping[str, Any], areas: Mapping[str, str]
    ) -> dict[str, Any] | None:
        """An organisation record of a Popolo organization, or ``None`` when it has no name."""
        if not _text(item.get("name")):
            self.flag(
                f"{path}.name", "popolo.unreadable", "an organization without a name is left out"
            )
            return None
        our, original = self.our_id("organisation", item.get("id"), path, index)
        record: dict[str, Any] = {"type": "organisation", "id": our, "name": item["name"]}
        if _text(item.get("+acronym")):
            record["acronym"] = item["+acronym"]
        if original is not None:
            self.flag(f"{path}.id", "popolo.id_changed", f"not a civicspace id: read as {our!r}")
        self.names(item, path, record, "organisation")
        area = item.get("area_id")
        if isinstance(area, str) and area in areas:
            record["country"] = areas[area]
        classification = item.get("classification")
        if isinstance(classification, str):
            word = classification.strip().lower()
            kind = word if word in _kinds() else _CLASSIFICATIONS.get(word)
            if kind is not None:
                record["kind"] = kind
        self.sources(item, path, record, "organisation")
        return {key: record[key] for key in _ORGANISATION_ORDER if key in record}


_ORGANISATION_ORDER: Final = (
    "type", "id", "name", "acronym", "other_names", "identifiers", "country", "kind", "sources"
)  # fmt: skip


def _countries(reader: _Reader, bundle: Mapping[str, Any]) -> dict[str, str]:
    """Area id → ISO 3166-1 alpha-3 code, for the areas that are countries."""
    codes: dict[str, str] = {}
    for path, area in reader.items(bundle, "areas"):
        identifier = area.get("identifier")
        if area.get("classification") != COUNTRY or not isinstance(identifier, str):
            continue
        try:
            country_name(identifier)
        except (LookupError, ValueError):
            reader.flag(
                f"{path}.identifier",
                "popolo.unknown_country",
                f"{_bounded(identifier)} is no ISO 3166-1 alpha-3 code: the country is left out",
            )
            continue
        if isinstance(area.get("id"), str):
            codes[area["id"]] = identifier
    return codes


def _bundle(data: Any, reader: _Reader) -> Mapping[str, Any] | None:
    """The bundle as parsed JSON, or ``None`` with an issue."""
    if isinstance(data, str | bytes | bytearray):
        try:
            data = civicspace.parse_json(data)
        except ValidationError as error:
            reader.issues.extend(error.issues)
            return None
    if not isinstance(data, dict) or not any(member in data for member in BUNDLE_MEMBERS):
        reader.flag(
            "$",
            "popolo.not_bundle",
            "not a Popolo bundle: an object with persons, organizations or memberships",
        )
        return None
    return data


def from_popolo(data: Any) -> PopoloReading:
    """Read a Popolo bundle (JSON text, bytes or parsed) into person and organisation records.

    Persons become person records (other names, identifiers; nationalities
    and roles from the flagged ``+`` properties civicspace writes);
    organizations become organisation records (a classification that is one
    of our kinds, or a common synonym such as ``legislature`` or ``political
    party``, becomes the kind; a country area their country); memberships
    become the persons' affiliations, with their role.  An id that is not a
    civicspace id is made one and kept as an identifier of scheme
    ``popolo``.  Posts, events and the rest of Popolo are not read.  A bundle
    civicspace wrote with ``case_data=True`` reads back into the collection
    it came from.

    Never raises on bad input: every problem is an issue of the reading.
    """
    reader = _Reader()
    bundle = _bundle(data, reader)
    if bundle is None:
        return PopoloReading(collection=None, issues=tuple(reader.issues))
    areas = _countries(reader, bundle)
    people: list[dict[str, Any]] = []
    organisations: list[dict[str, Any]] = []
    for index, (path, item) in enumerate(reader.items(bundle, "persons")):
        if "+in_cases" in item:
            reader.our_id("person", item.get("id"), path, index)
            continue
        person = reader.person(path, index, item)
        if person is not None and reader.valid(person, path):
            people.append(person)
    for index, (path, item) in enumerate(reader.items(bundle, "organizations")):
        if "+in_cases" in item:
            reader.our_id("organisation", item.get("id"), path, index)
            continue
        organisation = reader.organisation(path, index, item, areas)
        if organisation is not None and reader.valid(organisation, path):
            organisations.append(organisation)
        elif organisation is not None:
            ids = reader.ids["organisation"]
            for key in [key for key, value in ids.items() if value == organisation["id"]]:
                del ids[key]
    _affiliations(reader, bundle, people)
    collection: dict[str, Any] = {"type": "collection"}
    extra = bundle.get(EXTRA_MEMBER)
    if isinstance(extra, dict):
        collection.update({key: value for key, value in extra.items() if key != "type"})
    if people:
        collection["people"] = people
    if organisations:
        collection["organisations"] = organisations
    order = (
        "ratings",
        "scales",
        "laws",
        "people",
        "organisations",
        "cases",
        "sessions",
        "statements",
        "elections",
    )
    collection = {
        "type": "collection",
        **{key: collection[key] for key in order if key in collection},
    }
    found = civicspace.validate(collection)
    if found:
        return PopoloReading(collection=None, issues=(*reader.issues, *found))
    return PopoloReading(collection=civicspace.load(collection), issues=tuple(reader.issues))


def _affiliations(reader: _Reader, bundle: Mapping[str, Any], people: list[dict[str, Any]]) -> None:
    """The memberships of persons in organizations, as affiliations of the people read."""
    by_id = {person["id"]: person for person in people}
    for path, membership in reader.items(bundle, "memberships"):
        person_id, organization_id = membership.get("person_id"), membership.get("organization_id")
        person = reader.ids["person"].get(person_id) if isinstance(person_id, str) else None
        organisation = (
            reader.ids["organisation"].get(organization_id)
            if isinstance(organization_id, str)
            else None
        )
        if person is None or organisation is None:
            missing = "person_id" if person is None else "organization_id"
            reader.flag(
                f"{path}.{missing}",
                "popolo.unknown_reference",
                f"{_bounded(membership.get(missing))} names nothing in the bundle: "
                "the membership is left out",
            )
            continue
        if person not in by_id:
            continue
        affiliation = {"organisation": organisation}
        if _text(membership.get("role")):
            affiliation["role"] = membership["role"]
        affiliations = by_id[person].setdefault("affiliations", [])
        if len(affiliations) >= _limits()["person.affiliations"]:
            reader.flag(
                path,
                "popolo.over_limit",
                "the person has too many memberships: this one is left out",
            )
            continue
        affiliations.append(affiliation)
