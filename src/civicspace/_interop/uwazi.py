"""Uwazi CSV files out of a collection: entities by template, thesauri, template descriptions.

Uwazi (HURIDOCS) imports one CSV of entities of one template at a time
(``app/api/csv/``): a ``title`` column, other columns named by the
template's property names (a label made safe: trimmed, lower-cased, every
character but ASCII letters and digits ``_``), several values of a
multi-value property joined by ``|``, a date range as ``from:to``, a
relationship as the titles of the entities it points to (an unknown title
creates an entity), a select or multiselect as thesaurus labels (an unknown
label is added).  A thesaurus imports from a CSV whose column is a language
(``English``) and whose rows are its labels.

Everything here reads the collection as JSON (:func:`civicspace.dump`) and
the vocabularies from the shipped schemas' enums: a new value in a schema is
a new label of its thesaurus with no change here.
"""

from __future__ import annotations

import calendar
import csv
import functools
import io
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, Final

import attrs

import civicspace
from civicspace.cases import event_kinds
from civicspace.collection import Collection
from civicspace.countries import country_name

__all__ = [
    "MULTI_VALUE_SEPARATOR",
    "RANGE_SEPARATOR",
    "UwaziExport",
    "safe_name",
    "thesauri",
    "to_uwazi",
    "write_uwazi",
]

#: Uwazi's separator of the values of a multi-value cell (``csvConstants.multiValueSeparator``).
MULTI_VALUE_SEPARATOR: Final = "|"
#: Uwazi's separator of the ends of a date range on import (``dateRangeImportSeparator``).
RANGE_SEPARATOR: Final = ":"
#: The separator of a date range in Uwazi's own CSV export (``dateRangeExportSeparator``).
EXPORT_RANGE_SEPARATOR: Final = "~"
#: The language column of a thesaurus CSV and of the labels.
LANGUAGE: Final = "English"

Row = dict[str, str]


def safe_name(label: str) -> str:
    """A property's name as Uwazi makes it from its label (``app/shared/propertyNames.ts``).

    Trimmed, every character that is not an ASCII letter or digit made
    ``_``, lower-cased: ``" Date label "`` → ``date_label``.
    """
    return re.sub(r"[^a-z0-9]", "_", label.strip(), flags=re.IGNORECASE).lower()


# --- vocabularies ----------------------------------------------------------------


@functools.cache
def _vocabularies() -> dict[tuple[str, str], tuple[str, tuple[str, ...]]]:
    """(schema, JSON pointer) of every string enum → (thesaurus name, values), from the schemas."""
    found: dict[tuple[str, str], tuple[str, tuple[str, ...]]] = {}
    for name in civicspace.schema_names():

        def walk(node: Any, pointer: str, context: str, key: str, schema: str = name) -> None:
            if isinstance(node, dict):
                title = node.get("title") if isinstance(node.get("title"), str) else None
                enum = node.get("enum")
                if isinstance(enum, list) and enum and all(isinstance(v, str) for v in enum):
                    word = key.replace("_", " ")
                    # "Status change" for its member status, not "Status change status".
                    own = word in context.lower().split() and context
                    label = title or own or f"{context} {word}".strip()
                    found[(schema, pointer)] = (label[:1].upper() + label[1:], tuple(enum))
                for member, value in node.items():
                    if member != "examples":
                        walk(value, f"{pointer}/{member}", title or context, member)
            elif isinstance(node, list):
                for index, value in enumerate(node):
                    walk(value, f"{pointer}/{index}", context, key)

        walk(civicspace.schema(name), "", "", "")
    return found


def thesauri() -> dict[str, tuple[str, ...]]:
    """Every vocabulary of the schemas as an Uwazi thesaurus: name → labels (the enum's values).

    The labels are the values themselves (``environmental_defender``,
    ``KHM``), so that what Uwazi holds reads back without a table of
    translations; an administrator may translate them in Uwazi.
    """
    return {name: values for name, values in sorted(_vocabularies().values())}


def _thesaurus(schema: str, pointer: str) -> str:
    """The name of the thesaurus of the enum at ``pointer`` of ``schema``."""
    return _vocabularies()[(schema, pointer)][0]


# --- templates -------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class _Property:
    """One property of an Uwazi template, and how a record's JSON fills it."""

    label: str
    type: str
    value: Callable[[Mapping[str, Any], _Context], str]
    thesaurus: tuple[str, str] | None = None
    content: str | None = None  # the template a relationship points to
    # How a cell reads back: the record member it fills, and how (_interop.uwazi_read).
    member: str | None = None
    read: str = "text"

    @property
    def name(self) -> str:
        return safe_name(self.label)


@attrs.frozen(kw_only=True)
class _Template:
    """One Uwazi template: its name, the file its entities go in, its records and properties."""

    name: str
    file: str
    records: Callable[[Mapping[str, Any]], list[Mapping[str, Any]]]
    title: Callable[[Mapping[str, Any]], str]
    key: Callable[[Mapping[str, Any]], str]
    properties: tuple[_Property, ...]
    # The record type it reads back into (None: not read back), and the member its title is.
    record_type: str | None = None
    title_member: str | None = None


class _Context:
    """The unique titles given so far, per template, by each record's key."""

    def __init__(self) -> None:
        self.titles: dict[str, dict[str, str]] = {}

    def title(self, template: str, key: str) -> str:
        return self.titles.get(template, {}).get(key, key)

    def titles_of(self, template: str, keys: Sequence[str]) -> str:
        return _joined([self.title(template, key) for key in keys])


def _joined(values: Sequence[str]) -> str:
    """Values of a multi-value cell, each with the separator in it made a slash."""
    return MULTI_VALUE_SEPARATOR.join(v.replace(MULTI_VALUE_SEPARATOR, "/") for v in values)


def _text(member: str) -> Callable[[Mapping[str, Any], _Context], str]:
    def value(record: Mapping[str, Any], context: _Context) -> str:
        found = record.get(member)
        if found is None:
            return ""
        if isinstance(found, bool):
            return "yes" if found else "no"
        return str(found)

    return value


def _many(
    member: str, part: Callable[[Any], str] = str
) -> Callable[[Mapping[str, Any], _Context], str]:
    def value(record: Mapping[str, Any], context: _Context) -> str:
        return _joined([part(item) for item in record.get(member, [])])

    return value


def _related(member: str, template: str, part: Callable[[Any], str] = str) -> Callable[..., str]:
    def value(record: Mapping[str, Any], context: _Context) -> str:
        return context.titles_of(template, [part(item) for item in record.get(member, [])])

    return value


def date_range(date: str) -> str:
    """A partial date as the day range Uwazi holds: ``2021-05`` → ``2021-05-01:2021-05-31``."""
    parts = [int(part) for part in date.split("-")]
    if len(parts) == 3:
        return f"{date}{RANGE_SEPARATOR}{date}"
    year = parts[0]
    first, last = (parts[1], parts[1]) if len(parts) == 2 else (1, 12)
    end = calendar.monthrange(year, last)[1]
    return f"{year:04d}-{first:02d}-01{RANGE_SEPARATOR}{year:04d}-{last:02d}-{end:02d}"


def precision(date: str) -> str:
    """The precision of a partial date: ``year``, ``month`` or ``day``."""
    return ("year", "month", "day")[date.count("-")]


def _date(member: str) -> Callable[[Mapping[str, Any], _Context], str]:
    def value(record: Mapping[str, Any], context: _Context) -> str:
        return date_range(record[member]) if member in record else ""

    return value


def _precision(member: str) -> Callable[[Mapping[str, Any], _Context], str]:
    def value(record: Mapping[str, Any], context: _Context) -> str:
        return precision(record[member]) if member in record else ""

    return value


#: The characters escaped with a backslash in a source's title and publisher (Markdown's
#: escapes), so that a line of sources reads back into the same parts.
SOURCE_ESCAPED: Final = "\\[]()<>,:"


def escape(text: str, escaped: str = SOURCE_ESCAPED) -> str:
    """Text on one line, with each of ``escaped`` (and the backslash) escaped by a backslash."""
    line = " ".join(text.splitlines())
    return "".join(f"\\{char}" if char in escaped or char == "\\" else char for char in line)


def source_line(source: Mapping[str, Any]) -> str:
    """One source as a line of Markdown: ``- [title](url) (publisher, date): “quote”``.

    A source without a title is ``<url>``; one without a URL is its title.
    Titles and publishers are escaped (:func:`escape`); a publisher that
    looks like a date has its first character escaped; quotes are on one line.
    """
    title = escape(source["title"]) if "title" in source else None
    if "url" in source:
        url = escape(source["url"], "()<>")
        head = f"[{title}]({url})" if title is not None else f"<{url}>"
    else:
        head = title or ""
    rest = []
    if "publisher" in source:
        publisher = escape(source["publisher"])
        rest.append(f"\\{publisher}" if _DATE_LIKE.fullmatch(publisher) else publisher)
    if "date" in source:
        rest.append(source["date"])
    line = f"- {head}" + (f" ({', '.join(rest)})" if rest else "")
    if "quote" in source:
        line += f": “{' '.join(source['quote'].splitlines())}”"
    return line


_DATE_LIKE: Final = re.compile(r"[0-9]{4}(-[0-9]{2}){0,2}")


def _sources(record: Mapping[str, Any], context: _Context) -> str:
    return "\n".join(source_line(source) for source in record.get("sources", []))


def _id(record: Mapping[str, Any], context: _Context) -> str:
    return str(record.get("id", ""))


def _identifier(identifier: Mapping[str, str]) -> str:
    return f"{identifier['scheme']}: {identifier['identifier']}"


_ID = _Property(label="civicspace id", type="text", value=_id, member="id", read="id")
_SOURCES = _Property(
    label="sources", type="markdown", value=_sources, member="sources", read="sources"
)
_COUNTRY = ("common", "/$defs/country")


def _huridocs_act(record: Mapping[str, Any], context: _Context) -> str:
    code = event_kinds()[record["kind"]].huridocs_act
    return "" if code is None else code


#: The HURIDOCS Types of Acts code of an event's kind (empty where none corresponds):
#: derived from the kind, so it is written and never read back.
_HURIDOCS_ACT = _Property(
    label="huridocs act", type="text", value=_huridocs_act, member="kind", read="derived"
)


def _people(data: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    """The person records and, once each, the people cases name that no record gives."""
    people = {person["id"]: person for person in data.get("people", [])}
    for case in data.get("cases", []):
        for person in case.get("people", []):
            people.setdefault(person["id"], person)
    return list(people.values())


def _organisations(data: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    """The organisation records and, once each, those only cases name."""
    organisations = {record["id"]: record for record in data.get("organisations", [])}
    for case in data.get("cases", []):
        for organisation in case.get("organisations", []):
            organisations.setdefault(organisation["id"], organisation)
    return list(organisations.values())


def _events(data: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    """Every event of every case, with the case's id and the event's own id (``case/events/N``)."""
    return [
        {**event, "case": case["id"], "id": f"{case['id']}/events/{index}"}
        for case in data.get("cases", [])
        for index, event in enumerate(case.get("events", []))
    ]


def _ratings(data: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    """The ratings, each with an id of its place (two may share country and date)."""
    return [
        {**rating, "id": f"ratings/{index}"} for index, rating in enumerate(data.get("ratings", []))
    ]


def _sessions(data: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    """The sessions, each with an id of its number."""
    return [
        {**session, "id": f"hrc-session-{session['number']}"}
        for session in data.get("sessions", [])
    ]


def _select(member: str, schema: str, pointer: str, multi: bool = False) -> _Property:
    """A select (or multiselect) property filled with a member's value(s), from a thesaurus."""
    return _Property(
        label=member.replace("_", " "),
        type="multiselect" if multi else "select",
        value=_many(member) if multi else _text(member),
        thesaurus=(schema, pointer),
        member=member,
        read="texts" if multi else "text",
    )


def _plain(label: str, type: str = "text", read: str = "text") -> _Property:
    """A property filled with the member of the label's safe name, as it is."""
    member = safe_name(label)
    return _Property(label=label, type=type, value=_text(member), member=member, read=read)


def _dated(member: str) -> tuple[_Property, _Property]:
    """A partial date as a date range and its precision as text."""
    label = member.replace("_", " ")
    return (
        _Property(label=label, type="daterange", value=_date(member), member=member, read="date"),
        _Property(
            label=f"{label} precision",
            type="text",
            value=_precision(member),
            member=member,
            read="precision",
        ),
    )


def _relation(label: str, target: str, value: Callable[..., str], read: str) -> _Property:
    """A relationship to entities of template ``target``, named by title."""
    member = safe_name(label)
    return _Property(
        label=label, type="relationship", value=value, content=target, member=member, read=read
    )


def _texts(label: str, member: str, part: Callable[[Any], str], read: str) -> _Property:
    """A text property holding several values of a member, joined by ``|``."""
    return _Property(label=label, type="text", value=_many(member, part), member=member, read=read)


_OTHER_NAMES = (
    _texts("other names", "other_names", lambda other: other["name"], "other_names"),
    _texts("other name notes", "other_names", lambda other: other.get("note", ""), "notes"),
)


#: The templates, in the order their files import (a relationship's target first).
TEMPLATES: Final = (
    _Template(
        name="Organisation",
        file="01-organisation.csv",
        records=_organisations,
        title=lambda record: record["name"],
        key=lambda record: record["id"],
        record_type="organisation",
        title_member="name",
        properties=(
            _ID,
            _plain("acronym"),
            *_OTHER_NAMES,
            _select("country", *_COUNTRY),
            _select("kind", "organisation", "/$defs/kind"),
            _SOURCES,
        ),
    ),
    _Template(
        name="Person",
        file="02-person.csv",
        records=_people,
        title=lambda record: record["name"],
        key=lambda record: record["id"],
        record_type="person",
        title_member="name",
        properties=(
            _ID,
            *_OTHER_NAMES,
            _texts("identifiers", "identifiers", _identifier, "identifiers"),
            _select("roles", "person", "/$defs/role", multi=True),
            _select("nationalities", *_COUNTRY, multi=True),
            _relation(
                "affiliations",
                "Organisation",
                _related("affiliations", "Organisation", lambda a: a["organisation"]),
                "affiliations",
            ),
            _texts("affiliation roles", "affiliations", lambda a: a.get("role", ""), "roles"),
            _SOURCES,
        ),
    ),
    _Template(
        name="Law",
        file="03-law.csv",
        records=lambda data: list(data.get("laws", [])),
        title=lambda record: record["titles"][0],
        key=lambda record: record["id"],
        record_type="law",
        title_member="titles",
        properties=(
            _ID,
            _select("jurisdiction", *_COUNTRY),
            _select("kind", "law", "/properties/kind"),
            _Property(
                label="other titles",
                type="text",
                value=lambda r, c: _joined(r["titles"][1:]),
                member="titles",
                read="other_titles",
            ),
            _texts("short names", "short_names", str, "texts"),
            _SOURCES,
        ),
    ),
    _Template(
        name="Case",
        file="04-case.csv",
        records=lambda data: list(data.get("cases", [])),
        title=lambda record: record["title"],
        key=lambda record: record["id"],
        record_type="case",
        title_member="title",
        properties=(
            _ID,
            _select("country", *_COUNTRY),
            _plain("summary", type="markdown"),
            _relation(
                "people", "Person", _related("people", "Person", lambda p: p["id"]), "embedded"
            ),
            _relation(
                "organisations",
                "Organisation",
                _related("organisations", "Organisation", lambda o: o["id"]),
                "embedded",
            ),
            _SOURCES,
        ),
    ),
    _Template(
        name="Case event",
        file="05-case-event.csv",
        records=_events,
        title=lambda record: (
            f"{record['case']}: {record['kind'].replace('_', ' ')}, {record.get('date', 'undated')}"
        ),
        key=lambda record: record["id"],
        record_type="event",
        properties=(
            _ID,
            _relation("case", "Case", lambda r, c: c.title("Case", r["case"]), "relation"),
            _select("kind", "case", "/$defs/event/properties/kind"),
            _HURIDOCS_ACT,
            *_dated("date"),
            _relation(
                "people",
                "Person",
                lambda r, c: c.titles_of("Person", list(r.get("people", []))),
                "relations",
            ),
            _relation(
                "organisations",
                "Organisation",
                lambda r, c: c.titles_of("Organisation", list(r.get("organisations", []))),
                "relations",
            ),
            _plain("people count", type="numeric", read="number"),
            _select("people_count_qualifier", "common", "/$defs/count_qualifier"),
            _plain("subject"),
            _plain("scheduled", read="yesno"),
            _plain("place"),
            _plain("note"),
            _SOURCES,
        ),
    ),
    _Template(
        name="Rating",
        file="06-rating.csv",
        records=_ratings,
        title=lambda record: (
            f"{country_name(record['country'])}: {record['rating']} ({record['as_of']})"
        ),
        key=lambda record: record["id"],
        record_type="rating",
        properties=(
            _select("country", *_COUNTRY),
            _select("rating", "rating", "/properties/rating"),
            *_dated("as_of"),
            _plain("watchlist", read="yesno"),
            _plain("score", type="numeric", read="number"),
            _SOURCES,
        ),
    ),
    _Template(
        name="Statement",
        file="07-statement.csv",
        records=lambda data: list(data.get("statements", [])),
        title=lambda record: record["title"],
        key=lambda record: record["id"],
        record_type="statement",
        title_member="title",
        properties=(
            _ID,
            _select("kind", "statement", "/$defs/kind"),
            *_dated("date"),
            _plain("venue"),
            _plain("session", type="numeric", read="number"),
            _plain("signatory count", type="numeric", read="number"),
            _SOURCES,
        ),
    ),
    _Template(
        name="Election",
        file="08-election.csv",
        records=lambda data: list(data.get("elections", [])),
        title=lambda record: record["title"],
        key=lambda record: record["id"],
        properties=(_ID, _select("country", *_COUNTRY), *_dated("date"), _SOURCES),
    ),
    _Template(
        name="Human Rights Council session",
        file="09-session.csv",
        records=_sessions,
        title=lambda record: f"Human Rights Council session {record['number']}",
        key=lambda record: record["id"],
        record_type="session",
        properties=(
            _plain("number", type="numeric", read="number"),
            *_dated("start"),
            *_dated("end"),
            _select("members", *_COUNTRY, multi=True),
            _SOURCES,
        ),
    ),
)


# --- writing ---------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class UwaziExport:
    """The files of an Uwazi export: relative path → CSV text, in the order to import them.

    ``templates.csv`` describes the templates an administrator creates
    first (template, property label, name, type, thesaurus, relationship
    target); ``thesauri/NAME.csv`` holds each thesaurus (import them into
    thesauri of those names); then one entity CSV per template, numbered in
    the order to import them, each imported into its template.
    """

    files: Mapping[str, str]


def _csv(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """CSV text as Uwazi reads it: a header line, then the rows, every field quoted where needed."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")  # RFC 4180: a lone \r is quoted too
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


def _unique_titles(
    template: _Template, records: list[Mapping[str, Any]], context: _Context
) -> None:
    """Give each record a title no other record of the template has (its id added when needed)."""

    def plain(record: Mapping[str, Any]) -> str:
        # One line, and no multi-value separator, so that a relationship cell can name it.
        return " ".join(template.title(record).replace(MULTI_VALUE_SEPARATOR, "/").split())

    counts: dict[str, int] = {}
    for record in records:
        counts[plain(record)] = counts.get(plain(record), 0) + 1
    titles: dict[str, str] = {}
    used: set[str] = set()
    for record in records:
        title = plain(record)
        if counts[title] > 1 or title in used:
            title = f"{title} [{template.key(record)}]"
        used.add(title)
        titles[template.key(record)] = title
    context.titles[template.name] = titles


def _template_rows() -> Iterator[list[str]]:
    for template in TEMPLATES:
        yield [template.name, "Title", "title", "text", "", ""]
        for prop in template.properties:
            thesaurus = _thesaurus(*prop.thesaurus) if prop.thesaurus else ""
            yield [template.name, prop.label, prop.name, prop.type, thesaurus, prop.content or ""]


def _thesaurus_file(name: str) -> str:
    return f"thesauri/{safe_name(name)}.csv"


def to_uwazi(collection: Collection) -> UwaziExport:
    """The Uwazi CSV files of ``collection``: templates, thesauri and one entity file per template.

    Each entity file has a ``title`` column (titles unique within their
    template: a repeated title gets the record's id in brackets) and one
    column per property, named by its safe name; the civicspace id is kept
    in ``civicspace_id``; a partial date is a date range (``2021-05`` →
    ``2021-05-01:2021-05-31``) with its precision in a text property;
    relationships are the titles of the entities they point to; select and
    multiselect values are thesaurus labels.  A template with no records has
    no file.
    """
    data = civicspace.dump(collection)
    context = _Context()
    files: dict[str, str] = {
        "templates.csv": _csv(
            ["template", "label", "name", "type", "thesaurus", "relationship_to"],
            list(_template_rows()),
        )
    }
    for name, labels in thesauri().items():
        files[_thesaurus_file(name)] = _csv([LANGUAGE], [[label] for label in labels])
    prepared = [(template, template.records(data)) for template in TEMPLATES]
    for template, records in prepared:
        _unique_titles(template, records, context)
    for template, records in prepared:
        if not records:
            continue
        header = ["title", *(prop.name for prop in template.properties)]
        rows = [
            [
                context.title(template.name, template.key(record)),
                *(prop.value(record, context) for prop in template.properties),
            ]
            for record in records
        ]
        files[template.file] = _csv(header, rows)
    return UwaziExport(files=files)


def write_uwazi(collection: Collection, directory: str | Path) -> list[Path]:
    """Write :func:`to_uwazi`'s files under ``directory`` (made if missing); the paths written."""
    root = Path(directory)
    written = []
    for name, text in to_uwazi(collection).files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
