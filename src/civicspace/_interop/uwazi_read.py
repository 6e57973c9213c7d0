"""Uwazi CSV files into a collection: what civicspace wrote, and what Uwazi itself exports.

Uwazi's own CSV export (``app/api/csv/csvExporter.ts``) heads its columns
with the properties' labels (``Title``, ``Date added``, ``Template``, then
each template's property labels), writes a date in the instance's date
format and a date range as ``from~to``, and holds entities of several
templates in one file, each row naming its template.  civicspace's export
heads its columns with the properties' names, one template a file, and a
range as ``from:to``.  Both read here: a header is made safe as Uwazi
makes a property name, a row's template is its ``Template`` cell or else
the file's, and a range takes either separator.
"""

from __future__ import annotations

import calendar
import csv
import datetime
import io
import re
import zipfile
import zlib
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Final

import attrs

import civicspace
from civicspace.collection import Collection
from civicspace.errors import Issue

from .._util.regular import read_regular
from .uwazi import (
    EXPORT_RANGE_SEPARATOR,
    MULTI_VALUE_SEPARATOR,
    RANGE_SEPARATOR,
    TEMPLATES,
    _Property,
    _Template,
    safe_name,
)

__all__ = ["UwaziIssue", "UwaziReading", "from_uwazi"]

#: Columns Uwazi's export writes for every entity, which hold no property of ours.
COMMON_COLUMNS: Final = frozenset(
    {"title", "date_added", "template", "documents", "attachments", "published", "language"}
)
#: The largest CSV file read, in bytes.
MAX_FILE_BYTES: Final = 50_000_000
_SHOWN: Final = 60
_PARTIAL = re.compile(r"[0-9]{4}(-[0-9]{2}){0,2}")


@attrs.frozen(kw_only=True)
class UwaziIssue:
    """One problem of an Uwazi CSV file, where it is: the file, the row and the column.

    Attributes:
        file: The file's name, as given.
        row: The row, counting the header as row 1 (as a spreadsheet shows
            it); ``None`` for the file as a whole.
        column: The column's header, as written; ``None`` for a whole row.
        issue: The issue, with its stable code and a message; its path is the
            JSON path of the value in the collection read, when it has one.
    """

    file: str
    row: int | None
    column: str | None
    issue: Issue

    def __str__(self) -> str:
        """``file:row [column]: message [code]``."""
        where = self.file + (f":{self.row}" if self.row is not None else "")
        where += f" [{self.column}]" if self.column is not None else ""
        return f"{where}: {self.issue.message} [{self.issue.code}]"


@attrs.frozen(kw_only=True)
class UwaziReading:
    """What :func:`from_uwazi` read: a collection that validates (or ``None``) and the issues."""

    collection: Collection | None
    issues: tuple[UwaziIssue, ...] = ()


def _bounded(value: str) -> str:
    text = repr(value)
    return text if len(text) <= _SHOWN else text[: _SHOWN - 1] + "…"


# --- dates -----------------------------------------------------------------------


def _date_pattern(date_format: str) -> re.Pattern[str]:
    """A moment.js date format (``DD/MM/YYYY``, Uwazi's ``dd/MM/yyyy``) as a pattern."""
    moment = date_format.replace("dd", "DD").replace("yyyy", "YYYY").upper()
    pattern = ""
    for token in re.findall(r"YYYY|MM|DD|M|D|.", moment):
        pattern += {
            "YYYY": r"(?P<year>[0-9]{4})",
            "MM": r"(?P<month>[0-9]{1,2})",
            "M": r"(?P<month>[0-9]{1,2})",
            "DD": r"(?P<day>[0-9]{1,2})",
            "D": r"(?P<day>[0-9]{1,2})",
        }.get(token, re.escape(token))
    return re.compile(pattern)


def read_date(text: str, date_format: str = "YYYY-MM-DD") -> tuple[datetime.date, str] | None:
    """A date written as Uwazi reads one, with its precision; ``None`` if it is none.

    The instance's format first, then ``YYYY-MM-DD``, ``YYYY/MM/DD``, ``YYYY MM DD``
    and ``YYYY`` (a year alone is its first day, of precision ``year``).
    """
    text = text.strip()
    for form in (date_format, "YYYY-MM-DD", "YYYY/MM/DD", "YYYY MM DD", "YYYY"):
        found = _date_pattern(form).fullmatch(text)
        if found is None:
            continue
        parts = found.groupdict()
        try:
            day = datetime.date(
                int(parts["year"]), int(parts.get("month") or 1), int(parts.get("day") or 1)
            )
        except ValueError:
            return None
        return day, ("day" if parts.get("day") else "month" if parts.get("month") else "year")
    return None


def _partial(start: datetime.date, end: datetime.date | None, precision: str) -> str:
    """The partial date a range stands for, at ``precision`` (inferred from the range if empty)."""
    if not precision and end is not None:
        whole_month = start.day == 1 and end == start.replace(
            day=calendar.monthrange(start.year, start.month)[1]
        )
        whole_year = (start.month, start.day) == (1, 1) and end == start.replace(month=12, day=31)
        precision = "year" if whole_year else "month" if whole_month else "day"
    if precision == "year":
        return f"{start.year:04d}"
    if precision == "month":
        return f"{start.year:04d}-{start.month:02d}"
    return start.isoformat()


# --- reading ---------------------------------------------------------------------


@attrs.define
class _Row:
    """One entity row: where it is, its template, its cells by property name."""

    file: str
    row: int
    template: _Template
    cells: dict[str, tuple[str, str]]  # property name → (header as written, value)
    record: dict[str, Any] = attrs.field(factory=dict)


class _Reader:
    def __init__(self, date_format: str, language: str | None) -> None:
        self.date_format = date_format
        self.language = language
        self.issues: list[UwaziIssue] = []
        self.rows: list[_Row] = []
        self.titles: dict[str, dict[str, str]] = {template.name: {} for template in TEMPLATES}
        self.ids: dict[str, set[str]] = {template.name: set() for template in TEMPLATES}

    def flag(self, file: str, row: int | None, column: str | None, code: str, message: str) -> None:
        issue = Issue(path="$", code=code, message=message)
        self.issues.append(UwaziIssue(file=file, row=row, column=column, issue=issue))

    # files

    def read_file(self, name: str, data: str | bytes) -> None:
        if isinstance(data, bytes):
            if len(data) > MAX_FILE_BYTES:
                self.flag(name, None, None, "uwazi.unreadable", "the file is too large to read")
                return
            try:
                data = data.decode("utf-8-sig")
            except UnicodeDecodeError:
                self.flag(name, None, None, "uwazi.unreadable", "the file is not UTF-8 text")
                return
        data = data.removeprefix("\ufeff")
        try:
            lines = list(csv.reader(io.StringIO(data, newline="")))
        except csv.Error as error:
            self.flag(name, None, None, "uwazi.unreadable", f"not CSV: {error}")
            return
        if not lines:
            return
        header = lines[0]
        names = [safe_name(cell) for cell in header]
        if "title" not in names:
            self.flag(name, 1, None, "uwazi.no_title", "the file has no Title column")
            return
        by_file = self.template_of_file(name)
        known = {prop.name for template in TEMPLATES for prop in template.properties}
        for written, safe in zip(header, names, strict=True):
            base = safe.partition("__")[0]
            if base not in known and base not in COMMON_COLUMNS and safe.strip("_"):
                self.flag(name, 1, written, "uwazi.unknown_column", "no template has this property")
        for number, line in enumerate(lines[1:], start=2):
            if not any(cell.strip() for cell in line):
                continue
            cells = self.cells(header, names, line)
            template = by_file
            if "template" in cells:
                template = self.template_named(cells["template"][1])
                if template is None:
                    self.flag(
                        name,
                        number,
                        cells["template"][0],
                        "uwazi.unknown_template",
                        f"{_bounded(cells['template'][1])} is no template civicspace reads",
                    )
                    continue
            if template is None:
                self.flag(
                    name,
                    None,
                    None,
                    "uwazi.unknown_template",
                    "no Template column, and the "
                    "file's name names no template (01-organisation.csv, person.csv, ...)",
                )
                return
            if template.record_type is None:
                continue  # a template civicspace writes but does not read back (elections)
            self.rows.append(_Row(file=name, row=number, template=template, cells=cells))

    def cells(
        self, header: list[str], names: list[str], line: list[str]
    ) -> dict[str, tuple[str, str]]:
        cells: dict[str, tuple[str, str]] = {}
        chosen: dict[str, tuple[str, str]] = {}
        for written, safe, value in zip(header, names, line, strict=False):
            base, separator, language = safe.partition("__")
            if not separator:
                cells.setdefault(base, (written, value))
            elif language == self.language and value.strip():
                chosen[base] = (written, value)
        return cells | chosen

    @staticmethod
    def template_of_file(name: str) -> _Template | None:
        stem = safe_name(re.sub(r"^[0-9]+[-_ ]*", "", Path(name).stem))
        for template in TEMPLATES:
            if Path(name).name == template.file or stem in {
                safe_name(template.name),
                safe_name(Path(template.file).stem[3:]),
            }:
                return template
        return None

    @staticmethod
    def template_named(name: str) -> _Template | None:
        for template in TEMPLATES:
            if safe_name(template.name) == safe_name(name):
                return template
        return None

    # rows: first the ids and titles, then the values

    def identify(self) -> None:
        for row in self.rows:
            template = row.template
            title = " ".join(row.cells.get("title", ("", ""))[1].split())
            given = row.cells.get("civicspace_id", ("", ""))[1].strip()
            if given and (given in self.ids[template.name] or not _is_id(given)):
                column = row.cells["civicspace_id"][0]
                self.flag(
                    row.file,
                    row.row,
                    column,
                    "uwazi.bad_id",
                    f"{_bounded(given)} is not a civicspace id, or is given twice: "
                    "the row gets one of its own",
                )
                given = ""
            if template.record_type in ("rating", "session", "event") and not given:
                given = f"{safe_name(template.name)}/{row.file}/{row.row}"
            our = given or self.made_id(template, title, row)
            self.ids[template.name].add(our)
            row.record["id"] = our
            if title:
                self.titles[template.name].setdefault(title, our)

    def made_id(self, template: _Template, title: str, row: _Row) -> str:
        base = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:150] or f"row-{row.row}"
        candidate, number = base, 1
        while candidate in self.ids[template.name]:
            number += 1
            candidate = f"{base}-{number}"
        return candidate

    def fill(self, row: _Row) -> None:
        record = row.record
        template = row.template
        title = " ".join(row.cells.get("title", ("", ""))[1].split())
        suffix = f" [{record['id']}]"
        if template.title_member is not None:
            name = title.removesuffix(suffix) if title.endswith(suffix) else title
            if not name:
                self.flag(row.file, row.row, "title", "uwazi.missing", "the title is empty")
                row.record = {}
                return
            record[template.title_member] = [name] if template.title_member == "titles" else name
        lists: dict[str, list[str]] = {}
        for prop in template.properties:
            if prop.name not in row.cells or prop.read in ("id", "derived"):
                continue
            written, cell = row.cells[prop.name]
            self.cell(row, prop, written, cell, lists)
        self.zip_lists(row, lists)

    def cell(
        self, row: _Row, prop: _Property, written: str, cell: str, lists: dict[str, list[str]]
    ) -> None:
        record, member = row.record, str(prop.member)
        if not cell.strip():
            return
        values = cell.split(MULTI_VALUE_SEPARATOR)
        read = prop.read
        if read == "text":
            record[member] = cell
        elif read == "texts":
            record[member] = [value for value in values if value.strip()]
        elif read == "yesno":
            if cell.strip().lower() not in ("yes", "no"):
                self.bad(row, written, cell, "yes or no")
            else:
                record[member] = cell.strip().lower() == "yes"
        elif read == "number":
            number = _number(cell)
            if number is None:
                self.bad(row, written, cell, "a number")
            else:
                record[member] = number
        elif read == "date":
            self.date(row, prop, written, cell)
        elif read == "precision":
            pass  # read with its date
        elif read in ("other_names", "notes", "roles"):
            lists[read] = values
        elif read == "identifiers":
            found = []
            for value in values:
                scheme, separator, identifier = value.partition(": ")
                if not separator or not scheme.strip() or not identifier.strip():
                    self.bad(row, written, value, "scheme: identifier")
                    continue
                found.append({"scheme": scheme, "identifier": identifier})
            if found:
                record[member] = found
        elif read in ("affiliations", "relations", "embedded", "relation"):
            ids = self.related(row, written, str(prop.content), values)
            if read == "affiliations":
                lists["affiliations"] = ids
            elif read == "relation":
                if ids:
                    record[member] = ids[0]
            elif ids:
                record[member] = ids
        elif read == "other_titles":
            record["titles"] = [*record.get("titles", []), *(v for v in values if v.strip())]
        elif read == "sources":
            record[member] = [_source(line) for line in cell.splitlines() if line.strip()]

    def related(self, row: _Row, written: str, target: str, titles: list[str]) -> list[str]:
        ids = []
        for title in titles:
            title = " ".join(title.split())
            if not title:
                continue
            found = self.titles[target].get(title)
            if found is None:
                self.flag(
                    row.file,
                    row.row,
                    written,
                    "uwazi.unknown_title",
                    f"{_bounded(title)} is the title of no {target} entity read",
                )
            elif found not in ids:
                ids.append(found)
        return ids

    def date(self, row: _Row, prop: _Property, written: str, cell: str) -> None:
        separator = EXPORT_RANGE_SEPARATOR if EXPORT_RANGE_SEPARATOR in cell else RANGE_SEPARATOR
        start_text, _, end_text = cell.partition(separator)
        start = read_date(start_text, self.date_format) if start_text.strip() else None
        end = read_date(end_text, self.date_format) if end_text.strip() else None
        if start is None or (end_text.strip() and end is None):
            self.bad(row, written, cell, f"a date or range in {self.date_format}")
            return
        precision = row.cells.get(f"{safe_name(prop.label)}_precision", ("", ""))[1].strip()
        if precision not in ("", "year", "month", "day"):
            self.bad(row, f"{written} precision", precision, "year, month or day")
            precision = ""
        if not precision and end is None:
            precision = start[1]
        row.record[str(prop.member)] = _partial(start[0], end[0] if end else None, precision)

    def bad(self, row: _Row, written: str, cell: str, expected: str) -> None:
        self.flag(
            row.file,
            row.row,
            written,
            "uwazi.bad_value",
            f"{_bounded(cell)} is not {expected}: left out",
        )

    def zip_lists(self, row: _Row, lists: dict[str, list[str]]) -> None:
        if "other_names" in lists:
            notes = lists.get("notes", [])
            names = lists["other_names"]
            other_names = [
                {"name": name, **({"note": note} if note.strip() else {})}
                for name, note in zip(names, [*notes, *[""] * len(names)], strict=False)
                if name.strip()
            ]
            if other_names:
                row.record["other_names"] = other_names
        if "affiliations" in lists:
            roles = lists.get("roles", [])
            organisations = lists["affiliations"]
            affiliations = [
                {"organisation": organisation, **({"role": role} if role.strip() else {})}
                for organisation, role in zip(
                    organisations, [*roles, *[""] * len(organisations)], strict=False
                )
            ]
            if affiliations:
                row.record["affiliations"] = affiliations


def _is_id(text: str) -> bool:
    pattern = civicspace.schema("common")["$defs"]["id"]["pattern"]
    return len(text) <= 200 and re.fullmatch(pattern, text) is not None


def _number(cell: str) -> int | float | None:
    text = cell.strip()
    if re.fullmatch(r"-?[0-9]+", text):
        return int(text)
    if re.fullmatch(r"-?[0-9]*\.?[0-9]+(e[-+]?[0-9]+)?", text, flags=re.IGNORECASE):
        return float(text)
    return None


def _unescaped(text: str, wanted: str, start: int = 0) -> int:
    """Where ``wanted`` first occurs in ``text`` from ``start`` outside a backslash escape; -1."""
    index = start
    while index < len(text):
        if text[index] == "\\":
            index += 2
            continue
        if text.startswith(wanted, index):
            return index
        index += 1
    return -1


def _unescape(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)


def _source(line: str) -> dict[str, Any]:
    """A source from the Markdown line civicspace writes (``source_line``); else its title."""
    text = line.removeprefix("- ")
    source: dict[str, Any] = {}
    if text.startswith("<") and _unescaped(text, ">") > 0:
        end = _unescaped(text, ">")
        source["url"] = _unescape(text[1:end])
        text = text[end + 1 :]
    elif text.startswith("[") and _unescaped(text, "](") > 0:
        middle = _unescaped(text, "](")
        end = _unescaped(text, ")", middle + 2)
        if end < 0:
            return {"title": line}
        source["title"] = _unescape(text[1:middle])
        source["url"] = _unescape(text[middle + 2 : end])
        text = text[end + 1 :]
    else:
        cuts = [cut for cut in (_unescaped(text, " ("), _unescaped(text, ": “")) if cut >= 0]
        end = min(cuts, default=len(text))
        if end > 0:
            source["title"] = _unescape(text[:end])
        text = text[end:]
    if text.startswith(" (") and _unescaped(text, ")") > 0:
        end = _unescaped(text, ")")
        rest = text[2:end]
        text = text[end + 1 :]
        comma = _unescaped(rest, ", ")
        parts = [rest[:comma], rest[comma + 2 :]] if comma >= 0 else [rest]
        if _PARTIAL.fullmatch(parts[-1]):
            source["date"] = parts.pop()
        if parts:
            source["publisher"] = _unescape(parts[0])
    if text.startswith(": “") and text.endswith("”"):
        source["quote"] = text[3:-1]
        text = ""
    if text or not source:
        return {"title": line}
    return source


def _files(source: str | Path | Mapping[str, str | bytes]) -> list[tuple[str, str | bytes]]:
    """The CSV files of a source: a mapping, a folder, a CSV file, or a ZIP (Uwazi's import.csv).

    Raises:
        OSError: when the source cannot be read.
        zipfile.BadZipFile: when a ``.zip`` is no ZIP.
    """
    if isinstance(source, Mapping):
        return list(source.items())
    root = Path(source)
    if root.is_file() and root.suffix.lower() == ".zip":
        found: list[tuple[str, str | bytes]] = []
        with zipfile.ZipFile(root) as archive:
            for info in archive.infolist():
                if info.is_dir() or not info.filename.lower().endswith(".csv"):
                    continue
                with archive.open(info) as member:  # at most one byte past the limit
                    found.append((info.filename, member.read(MAX_FILE_BYTES + 1)))
        return found
    if not root.is_dir():
        # Only a regular file is read, and no more of it than a CSV file may hold.
        return [(root.name, read_regular(root, MAX_FILE_BYTES))]
    return [
        (path.relative_to(root).as_posix(), read_regular(path, MAX_FILE_BYTES))
        for path in sorted(root.rglob("*.csv"))
    ]


def from_uwazi(
    source: str | Path | Mapping[str, str | bytes],
    *,
    date_format: str = "YYYY-MM-DD",
    language: str | None = None,
) -> UwaziReading:
    """Read Uwazi CSV files into a collection: a folder, a CSV file, a ZIP, or name → CSV text.

    Reads the files :func:`to_uwazi` writes and those Uwazi's own CSV export
    writes (labels as headers, a ``Template`` column, ``from~to`` ranges,
    dates in the instance's ``date_format``, such as ``DD/MM/YYYY``).  With
    ``language`` (``es``), a column ``name__es`` is read instead of ``name``
    where it has a value; other languages' columns are left aside.  The
    template descriptions and thesauri files are not entities and are
    skipped; elections are written but not read back (Uwazi holds no results).

    Never raises on bad input: every problem is an :class:`UwaziIssue` naming
    the file, row and column.
    """
    reader = _Reader(date_format, language)
    try:
        files = _files(source)
    except zlib.error:
        reader.flag(str(source), None, None, "uwazi.unreadable", "a ZIP member is corrupt")
        return UwaziReading(collection=None, issues=tuple(reader.issues))
    except OSError as error:
        reader.flag(str(source), None, None, "uwazi.unreadable", f"cannot read: {error.strerror}")
        return UwaziReading(collection=None, issues=tuple(reader.issues))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError, RuntimeError):
        # RuntimeError: an encrypted member; NotImplementedError: a compression not read.
        reader.flag(str(source), None, None, "uwazi.unreadable", "not a ZIP file civicspace reads")
        return UwaziReading(collection=None, issues=tuple(reader.issues))
    for name, data in files:
        if name == "templates.csv" or name.startswith("thesauri/"):
            continue
        reader.read_file(name, data)
    reader.identify()
    for entity in reader.rows:
        reader.fill(entity)
    collection, places = _assemble(reader)
    found = civicspace.validate(collection)
    for issue in found:
        file, row = _place(places, issue.path)
        reader.issues.append(UwaziIssue(file=file, row=row, column=None, issue=issue))
    if found:
        return UwaziReading(collection=None, issues=tuple(reader.issues))
    return UwaziReading(collection=civicspace.load(collection), issues=tuple(reader.issues))


def _place(places: dict[str, tuple[str, int]], path: str) -> tuple[str, int | None]:
    """The file and row of the record a JSON path is in."""
    for prefix in sorted(places, key=len, reverse=True):
        if path == prefix or path.startswith((prefix + ".", prefix + "[")):
            return places[prefix]
    return "", None


_MEMBERS: Final = {
    "organisation": "organisations",
    "person": "people",
    "law": "laws",
    "rating": "ratings",
    "statement": "statements",
    "session": "sessions",
}
_ORDER: Final = (
    "ratings", "scales", "laws", "people", "organisations", "cases", "sessions", "statements",
    "elections",
)  # fmt: skip


def _assemble(reader: _Reader) -> tuple[dict[str, Any], dict[str, tuple[str, int]]]:
    """The collection document of the rows read, and where each record came from."""
    members: dict[str, list[dict[str, Any]]] = {}
    places: dict[str, tuple[str, int]] = {}
    people: dict[str, dict[str, Any]] = {}
    organisations: dict[str, dict[str, Any]] = {}
    cases: dict[str, dict[str, Any]] = {}
    events: list[_Row] = []
    for row in reader.rows:
        record = row.record
        kind = row.template.record_type
        if not record:
            continue
        if kind == "event":
            events.append(row)
            continue
        if kind in ("rating", "session"):
            del record["id"]
        member = "cases" if kind == "case" else _MEMBERS[str(kind)]
        placed = members.setdefault(member, [])
        places[f"$.{member}[{len(placed)}]"] = (row.file, row.row)
        placed.append({"type": kind, **record})
        if kind == "case":
            cases[record["id"]] = placed[-1]
        if kind == "person":
            people[record["id"]] = record
        elif kind == "organisation":
            organisations[record["id"]] = record
    _events_into_cases(reader, events, cases, places)
    for case in cases.values():
        for member, found in (("people", people), ("organisations", organisations)):
            if member in case:
                case[member] = [dict(found[ident]) for ident in case[member] if ident in found]
        in_case = {organisation["id"] for organisation in case.get("organisations", [])}
        for person in case.get("people", []):
            affiliations = [
                a for a in person.get("affiliations", []) if a["organisation"] in in_case
            ]
            person.pop("affiliations", None)
            if affiliations:
                person["affiliations"] = affiliations
    document: dict[str, Any] = {"type": "collection"}
    document.update({member: members[member] for member in _ORDER if member in members})
    return document, places


def _events_into_cases(
    reader: _Reader,
    events: list[_Row],
    cases: dict[str, dict[str, Any]],
    places: dict[str, tuple[str, int]],
) -> None:
    """Each event into its case, in the order of their ids (``case/events/N``), else of rows."""

    def order(row: _Row) -> tuple[int, int]:
        tail = str(row.record["id"]).rpartition("/events/")[2]
        return (int(tail) if tail.isdigit() else 1_000_000, row.row)

    for row in sorted(events, key=order):
        event = dict(row.record)
        case_id = event.pop("case", None)
        event.pop("id", None)
        if case_id not in cases:
            reader.flag(row.file, row.row, "case", "uwazi.missing", "the event names no case read")
            continue
        if "kind" not in event:
            reader.flag(row.file, row.row, "kind", "uwazi.missing", "the event has no kind")
            continue
        case = cases[case_id]
        for member in ("people", "organisations"):
            for ident in event.get(member, []):
                if ident not in case.setdefault(member, []):
                    case[member].append(ident)
        case.setdefault("events", []).append(event)
        index = list(cases).index(case_id)
        places[f"$.cases[{index}].events[{len(case['events']) - 1}]"] = (row.file, row.row)
