"""Sheets → a collection document, each value remembering the cell it came from.

Each row is an object of the document.  Its place is its ``path`` cell when
the sheet has one (an export of :mod:`civicspace.tables` does); otherwise it
is found from the row's keys: an event's ``case_id`` and ``event_index`` put
it at ``$.cases[i].events[event_index]``, where ``i`` is the row of that case
on the cases sheet; rows without an index column take the next place in the
order of the sheet.  Each column with a ``field`` in the layout writes its
value there; the columns civicspace derives are ignored on reading (it
derives them again).  The document is then validated as usual, and every
issue is put on the cell its path came from.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, Final

import attrs
import pyarrow as pa  # type: ignore[import-untyped]

import civicspace
from civicspace.collection import member_types
from civicspace.errors import Issue

from .._tables.layout import LAYOUT, PLACES, Column, TableLayout
from .cells import CellIssue, CellReading, Refusal, Sheet, cell_ref, column_letter, echo
from .files import read_sheets
from .passes import further_issues
from .values import Bad, Read, read_value, with_places

__all__ = ["IGNORED_SHEETS", "SheetReading", "read_path"]


#: Sheets a template adds for people, which hold no data.
IGNORED_SHEETS: Final = frozenset({"how_to_fill_in", "lists"})

_TABLES: Final = {layout.name: layout for layout in LAYOUT}
_PATH_SYNTAX: Final = re.compile(r"\$(?:\.[a-z_]+(?:\[[0-9]+\])?)+")
_TOKEN: Final = re.compile(r"\.([a-z_]+)|\[([0-9]+)\]")


@attrs.define(eq=False)
class _Row:
    table: TableLayout
    sheet: str
    number: int
    values: dict[str, Any]
    columns: dict[str, int]  # column name → column number on the sheet
    path: str | None = None
    file: str | None = None  # the CSV file's name

    def cell(self, name: str | None) -> tuple[int, str]:
        number = self.columns.get(name or "", min(self.columns.values(), default=1))
        return number, cell_ref(self.sheet, self.number, number, self.file)

    def issue(self, issue: Issue, name: str | None) -> CellIssue:
        number, ref = self.cell(name)
        return CellIssue(
            issue, sheet=self.sheet, row=self.number, column=column_letter(number), cell=ref
        )


@attrs.frozen
class SheetReading:
    """A workbook or CSV folder read back: the collection document and its issues.

    Attributes:
        document: The collection document read; its canonical form (as
            :func:`civicspace.dump` writes it) when valid; ``None`` when the
            file was refused.
        issues: Every issue, each with the cell it is on when there is one.
        readings: What the prose readers read in cells, for a person to check.
        readable: ``False`` when the file was refused as a whole (too large,
            macros, external links, not UTF-8, not a workbook).

    """

    document: dict[str, Any] | None
    issues: tuple[CellIssue, ...]
    readings: tuple[CellReading, ...] = ()
    readable: bool = True

    @property
    def valid(self) -> bool:
        """Whether the file was read and the collection has no issue."""
        return self.readable and not self.issues

    def collection(self) -> civicspace.Collection:
        """The collection read.

        Raises:
            ValidationError: when the reading has issues.

        """
        if not self.valid or self.document is None:
            raise civicspace.ValidationError([item.issue for item in self.issues])
        loaded = civicspace.load(self.document)
        assert isinstance(loaded, civicspace.Collection)
        return loaded


def read_path(path: Path, progress: Callable[[str], None] | None = None) -> SheetReading:
    """Read a workbook, a CSV folder or a CSV file; never raises for what is in it.

    ``progress``, when given, is called with a line saying what is being done.
    """
    try:
        sheets = read_sheets(path, progress)
    except Refusal as refusal:
        return SheetReading(None, (refusal.issue,), readable=False)
    return _Reader(progress).read(sheets)


class _Reader:
    def __init__(self, progress: Callable[[str], None] | None = None) -> None:
        self.progress = progress
        self.issues: list[CellIssue] = []
        self.pending: list[tuple[_Row, str | None, str, str]] = []  # row, column, code, message
        self.readings: list[CellReading] = []
        self.rows: dict[str, list[_Row]] = {}
        self.keys: dict[str, dict[tuple[Any, ...], _Row]] = {}
        self.by_path: dict[str, _Row] = {}
        self.taken: dict[str, int] = {}  # list path → places given in sheet order
        self.cells: dict[str, tuple[_Row, str | None]] = {}  # path → the row and column
        self.files: dict[str, str | None] = {}  # sheet → its CSV file's name
        self.gaps: set[str] = set()  # places of lists that no row gives
        self.document: dict[str, Any] = {"type": "collection"}

    # -- issues ----------------------------------------------------------------------------------

    def at(self, sheet: str, row: int | None, column: int | None, code: str, message: str) -> None:
        file = self.files.get(sheet)
        ref = None if row is None or column is None else cell_ref(sheet, row, column, file)
        self.issues.append(
            CellIssue(
                Issue("$", code, message),
                sheet=sheet,
                row=row,
                column=None if column is None else column_letter(column),
                cell=ref,
            )
        )

    def on(self, row: _Row, column: str | None, code: str, message: str) -> None:
        self.pending.append((row, column, code, message))

    def _flush(self) -> None:
        for row, column, code, message in self.pending:
            layout_column = _column(row.table, column)
            path = "$"
            if row.path is not None:
                path = row.path
                if layout_column is not None and layout_column.field:
                    path = _target(row.path, layout_column.field.split("[]")[0]) or row.path
            self.issues.append(row.issue(Issue(path, code, message), column))

    # -- reading ---------------------------------------------------------------------------------

    def say(self, text: str) -> None:
        if self.progress is not None:
            self.progress(text)

    def read(self, sheets: list[Sheet]) -> SheetReading:
        self.say("reading the cells")
        for sheet in sheets:
            self.sheet(sheet)
        self.say("placing the rows")
        # Rows placed by an owner's path come last, when every row they may name is placed.
        for table in sorted(
            _TABLES, key=lambda name: _OWNED.index(name) + 1 if name in _OWNED else 0
        ):
            if table in self.rows:
                self.place(table)
        self.write()
        self._flush()
        self._orphans()
        self._gaps(self.document, "$")
        # The document's own issues too, but one issue per cell: a cell already
        # found wrong is not reported again as, say, a required value missing.
        # What a cell found wrong leaves out of the document would only repeat its issue:
        # an issue on the place of such a cell, or on an object holding it, is not reported.
        # The rules' issues are found past the schema's too: every problem in one pass.
        cells = {issue.cell for issue in self.issues if issue.cell is not None}
        holding = {
            prefix
            for issue in self.issues
            if issue.cell is not None and issue.issue.path != "$"
            for prefix in _prefixes(issue.issue.path)
        }
        self.say("validating the collection")
        found = civicspace.validate(self.document)
        seen = {(issue.path, issue.code) for issue in found}
        found += [
            issue
            for issue in further_issues(self.document, found)
            if (issue.path, issue.code) not in seen
        ]
        for issue in found:
            if any(issue.path == gap or issue.path.startswith(gap + ".") for gap in self.gaps):
                continue  # on a place no row gives: that is reported
            located = self._locate(issue)
            if located.cell is None or (located.cell not in cells and issue.path not in holding):
                self.issues.append(located)
        if self.issues:
            return self._result(self.document)
        self.say("loading the collection")
        return self._result(civicspace.dump(civicspace.load(self.document)))

    def _result(self, document: dict[str, Any]) -> SheetReading:
        return SheetReading(document, tuple(self.issues), tuple(self.readings))

    def sheet(self, sheet: Sheet) -> None:
        name = sheet.name
        self.files[name] = sheet.file
        if name in IGNORED_SHEETS:
            return
        for line, place, code, message in sheet.problems:
            self.at(name, line, place, code, message)
        if name not in _TABLES:
            self.at(
                name,
                1,
                1,
                "sheet.unknown_sheet",
                f"no table is called {echo(name)}{_did_you_mean(name, _TABLES)}; the tables "
                f"are {', '.join(_TABLES)}",
            )
            return
        if name in self.rows:
            self.at(name, 1, 1, "sheet.unknown_sheet", f"a second sheet for the table {name}")
            return
        self._hidden(sheet)
        layout = _TABLES[name]
        known_columns = {column.name: column for column in layout.columns}
        columns: dict[str, int] = {}
        for number, title in enumerate(sheet.header, start=1):
            if title in (None, ""):
                continue
            if not isinstance(title, str) or title not in known_columns:
                self.at(
                    name,
                    1,
                    number,
                    "sheet.unknown_column",
                    f"the table {name} has no column {echo(title)}"
                    f"{_did_you_mean(str(title), known_columns)}; its columns are "
                    f"{', '.join(known_columns)}",
                )
            elif title in columns:
                self.at(name, 1, number, "sheet.unknown_column", f"a second column {echo(title)}")
            else:
                columns[title] = number
        for merged_row, merged_column in sheet.merged:
            self.at(
                name,
                merged_row,
                merged_column,
                "sheet.merged",
                "a merged cell: its value belongs to one row and column only; unmerge it "
                "and fill each cell",
            )
        headed = {n for n, title in enumerate(sheet.header, start=1) if title not in (None, "")}
        keys = set(layout.key) | {"path"}
        dates = {c.name for c in layout.columns if f"{c.name}_precision" in known_columns}
        rows = self.rows.setdefault(name, [])
        for number, values in sheet.rows:
            row = _Row(layout, name, number, {}, columns, file=sheet.file)
            for index, value in enumerate(values, start=1):
                if value in (None, "") or index in headed:
                    continue
                self.at(
                    name,
                    number,
                    index,
                    "sheet.unknown_column",
                    "a value in a column with no header: it belongs to no field",
                )
            for title, index in columns.items():
                column = known_columns[title]
                if (
                    column.field is None
                    and title not in keys
                    and title not in _PLACING
                    and not title.endswith("_places")
                ):
                    continue  # derived: civicspace derives it again
                value = values[index - 1] if index <= len(values) else None
                if value is None or value == "":
                    continue
                try:
                    read = read_value(
                        column,
                        value,
                        typed=sheet.typed,
                        is_date=title in dates,
                        key=title in keys or title.endswith("_id") or column.field == "id",
                    )
                except Bad as bad:
                    self.on(row, title, bad.code, bad.message)
                    continue
                if isinstance(read, Read) and not read.text:
                    read.text = str(value)
                row.values[title] = read
            _place_decimals(row.values)
            rows.append(row)

    def _hidden(self, sheet: Sheet) -> None:
        """Issues for what the workbook hides: what is imported must be seen."""
        name = sheet.name
        if sheet.hidden:
            self.at(
                name,
                1,
                1,
                "sheet.hidden",
                f"the sheet {name} is hidden, so its rows would be imported unseen; unhide it "
                "(right-click a sheet tab > Unhide), check it, or delete it",
            )
        for number in sheet.hidden_rows:
            self.at(
                name,
                number,
                1,
                "sheet.hidden",
                f"row {number} is hidden, so its values would be imported unseen; unhide it "
                "(select the rows around it, right-click > Unhide), check it, or delete it",
            )
        used = {
            index
            for _, values in sheet.rows
            for index, value in enumerate(values, start=1)
            if value not in (None, "")
        } | {index for index, title in enumerate(sheet.header, start=1) if title not in (None, "")}
        for column in sheet.hidden_columns:
            if column in used:
                self.at(
                    name,
                    1,
                    column,
                    "sheet.hidden",
                    f"column {column_letter(column)} is hidden, so its values would be imported "
                    "unseen; unhide it (select the columns around it, right-click > Unhide)",
                )

    # -- placing rows ----------------------------------------------------------------------------

    def place(self, table: str) -> None:
        if table in self.keys:
            return
        self.keys[table] = {}
        rows = self.rows.get(table, [])
        with_path = [row for row in rows if "path" in row.values]
        for row in with_path:
            path = row.values["path"]
            if not _PATH_SYNTAX.fullmatch(path):
                self.on(row, "path", "sheet.bad_path", f"{echo(path)} is not a JSON path")
            else:
                row.path = path
        self._place_by_keys(table, [row for row in rows if "path" not in row.values])
        keys = self.keys[table]
        for row in rows:
            if row.path is None:
                continue
            if row.path in self.by_path:
                self.on(row, "path", "sheet.duplicate_row", f"a second row for {row.path}")
                row.path = None
                continue
            self.by_path[row.path] = row
            key = tuple(row.values.get(name) for name in _TABLES[table].key)
            if None not in key:
                if key in keys and table not in _PATH_KEYED:
                    self.on(
                        row,
                        _TABLES[table].key[-1],
                        "sheet.duplicate_row",
                        f"a second row with {', '.join(map(str, key))}",
                    )
                keys.setdefault(key, row)

    def _parent(self, row: _Row, table: str) -> str | None:
        """The path of the row of ``table`` that ``row``'s keys name; an issue if none."""
        self.place(table)
        names = _TABLES[table].key
        key = tuple(row.values.get(name) for name in names)
        for name, value in zip(names, key, strict=True):
            if value is None:
                self.on(
                    row,
                    name,
                    "sheet.missing_key",
                    f"{name} is empty: the row cannot be placed without it",
                )
                return None
        parent = self.keys[table].get(key)
        if parent is None or parent.path is None:
            shown = ", ".join(
                f"{name} {echo(value)}" for name, value in zip(names, key, strict=True)
            )
            self.on(
                row,
                names[-1] if parent is None else None,
                "sheet.unknown_reference",
                f"no row of {table} has {shown}",
            )
            return None
        return parent.path

    def next_place(self, base: str) -> str:
        """The next free place of the list at ``base``, for rows placed in sheet order."""
        position = self.taken.get(base, 0)
        self.taken[base] = position + 1
        return f"{base}[{position}]"

    def _place_by_keys(self, table: str, rows: list[_Row]) -> None:
        if not rows:
            return
        special = _SPECIAL.get(table)
        if special is not None:
            for row in rows:
                row.path = special(self, row)
            return
        place = PLACES[table]
        groups: dict[str, list[_Row]] = {}
        for row in rows:
            parent = "$" if place.parent is None else self._parent(row, place.parent)
            if parent is not None:
                groups.setdefault(f"{parent}.{place.member}", []).append(row)
        for base, members in groups.items():
            self._positions(base, members, place.index)

    def _positions(self, base: str, rows: list[_Row], index: str | None) -> None:
        """Give each row its place in the list at ``base``, by its index or in sheet order."""
        taken: dict[int, _Row] = {}
        free: list[_Row] = []
        for row in rows:
            position = row.values.get(index) if index else None
            if position is None:
                free.append(row)
            elif position in taken or position < 0:
                self.on(row, index, "sheet.bad_index", f"{index} {position} is taken or negative")
            else:
                taken[position] = row
        position = 0
        for row in free:
            while position in taken:
                position += 1
            taken[position] = row
        for position, row in taken.items():
            if index and position >= len(taken):
                self.on(
                    row,
                    index,
                    "sheet.bad_index",
                    f"{index} {position}: the positions must be 0, 1, 2, ... with none left out",
                )
                continue
            row.path = f"{base}[{position}]"

    # -- writing ---------------------------------------------------------------------------------

    def write(self) -> None:
        for table, rows in self.rows.items():
            layout = _TABLES[table]
            scalar = any(column.field == "" for column in layout.columns)
            for row in rows:
                if row.path is None:
                    continue
                if not scalar:
                    self._set(row, None, row.path, {}, merge=True)
                    member = row.path.split("[", 1)[0].removeprefix("$.")
                    if row.path.count("[") == 1 and member in member_types():
                        self._set(row, None, f"{row.path}.type", member_types()[member])
                for name, value in row.values.items():
                    column = _column(layout, name)
                    if column is None or column.field is None:
                        continue
                    if isinstance(value, Read):
                        target = _target(row.path, value.field)
                        self._set(row, name, target, value.value)
                        self.readings.append(
                            CellReading(row.cell(name)[1], target or "", value.text, value.value)
                        )
                        continue
                    self._write(row, name, column.field, value)

    def _write(self, row: _Row, name: str, field: str, value: Any) -> None:
        assert row.path is not None
        if "[]." in field:
            items, _, key = field.partition("[].")
            for position, item in enumerate(value):
                if item == "" and key != "name":
                    continue  # "empty text for none"
                self._set(row, name, _target(row.path, f"{items}[{position}].{key}"), item)
            return
        if isinstance(value, list) and not value:
            return
        self._set(row, name, _target(row.path, field), value)

    def _set(
        self, row: _Row, name: str | None, path: str | None, value: Any, *, merge: bool = False
    ) -> None:
        if path is None:
            self.on(row, name, "sheet.bad_path", f"{row.path} has no place for this column")
            return
        steps: list[str | int] = [key or int(index) for key, index in _TOKEN.findall(path)]
        node: Any = self.document
        for position, step in enumerate(steps):
            last = position == len(steps) - 1
            following = None if last else steps[position + 1]
            fresh: Any = value if last else ([] if isinstance(following, int) else {})
            if isinstance(step, str):
                if not isinstance(node, dict):
                    self.on(row, name, "sheet.bad_path", f"{path} goes through a value")
                    return
                if step not in node:
                    node[step] = fresh
                elif last and not ((merge and node[step] == {}) or node[step] == value):
                    if merge and isinstance(node[step], dict):
                        return
                    self._conflict(row, name, path)
                    return
                node = node[step]
            else:
                if not isinstance(node, list):
                    self.on(row, name, "sheet.bad_path", f"{path} goes through a value")
                    return
                node.extend([None] * (step + 1 - len(node)))
                if node[step] is None:
                    node[step] = fresh
                elif last and not ((merge and isinstance(node[step], dict)) or node[step] == value):
                    self._conflict(row, name, path)
                    return
                node = node[step]
        if name is not None:
            self.cells[path] = (row, name)

    def _conflict(self, row: _Row, name: str | None, path: str) -> None:
        other, at = None, path
        while other is None and at not in ("", "$"):
            found = self.cells.get(at)
            other = None if found is None else found[0].cell(found[1])[1]
            at = at[: max(at.rfind("."), at.rfind("["))]
        self.on(
            row, name, "sheet.conflict", f"this value is given differently by {other or 'a cell'}"
        )

    def _gaps(self, node: Any, path: str) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                self._gaps(value, f"{path}.{key}")
        elif isinstance(node, list):
            for position, value in enumerate(node):
                if value is None:
                    self._gap(f"{path}[{position}]", path, node, position)
                else:
                    self._gaps(value, f"{path}[{position}]")

    def _orphans(self) -> None:
        """Issues for rows whose path goes through a place no row gives (its row deleted)."""
        for path, row in list(self.by_path.items()):
            for above in _prefixes(path):
                if above == path or not above.endswith("]") or above in self.by_path:
                    continue
                member = above[: above.rfind("[")]
                if member[member.rfind(".") + 1 :] not in _ROW_MEMBERS or above in self.gaps:
                    continue
                self.gaps.add(above)
                issue = Issue(
                    above,
                    "sheet.bad_index",
                    f"no row gives {above}, which this row's path goes through (a row "
                    "deleted?); restore that row, or correct this path",
                )
                self.issues.append(row.issue(issue, "path"))

    def _gap(self, place: str, base: str, items: list[Any], position: int) -> None:
        """An issue for a place no row gives (a row deleted), on the path of the row after it."""
        self.gaps.add(place)
        issue = Issue(
            place,
            "sheet.bad_index",
            f"no row gives {place}: the rows' paths leave it out (a row deleted?); restore "
            "the row, or number the paths after it one lower",
        )
        following = (
            self.by_path.get(f"{base}[{later}]")
            for later in range(position + 1, len(items))
            if items[later] is not None
        )
        row = next((found for found in following if found is not None), None)
        self.issues.append(CellIssue(issue) if row is None else row.issue(issue, "path"))

    # -- issues of the document, back on their cells ---------------------------------------------

    def _locate(self, issue: Issue) -> CellIssue:
        found = self.cells.get(issue.path)
        if found is not None:
            return found[0].issue(issue, found[1])
        row: _Row | None = None
        path = issue.path
        relative = ""
        while path and path != "$":
            row = self.by_path.get(path)
            if row is not None:
                break
            cut = max(path.rfind("."), path.rfind("["))
            relative = path[cut:] + relative
            path = path[:cut]
        if row is None:
            return CellIssue(issue)
        name = _column_for(row.table, relative.lstrip(".")) if relative else None
        if name is None:
            name = row.table.key[-1] if row.table.key[-1] in row.columns else None
        return row.issue(issue, name)


def _prefixes(path: str) -> Iterable[str]:
    """``path`` and the paths of the objects holding it: ``$.a[0].b``, ``$.a[0]``, ``$.a``."""
    while path and path != "$":
        yield path
        path = path[: max(path.rfind("."), path.rfind("["))]


def _place_decimals(values: dict[str, Any]) -> None:
    """Write each decimal with the places its ``_places`` column gives; drop those columns."""
    for title in [title for title in values if title.endswith("_places")]:
        places = values.pop(title)
        amount = values.get(title.removesuffix("_places"))
        if isinstance(amount, str) and isinstance(places, int):
            values[title.removesuffix("_places")] = with_places(amount, places)


def _did_you_mean(name: str, names: Iterable[str]) -> str:
    """``; did you mean 'events'?`` when a name is close to ``name``; empty otherwise."""
    if len(name) > 2 * max((len(known) for known in names), default=0):
        return ""
    close = difflib.get_close_matches(name.strip().lower(), list(names), n=1, cutoff=0.6)
    return f"; did you mean {close[0]!r}?" if close else ""


#: Columns that place a row (keys, indexes, owners): read even where civicspace derives them.
_PLACING: Final = (
    frozenset(place.index for place in PLACES.values() if place.index is not None)
    | {"citation_index", "article_index", "contest_index", "result_index", "penalty_index"}
    | {
        "variant_index",
        "owner_path",
        "record",
        "record_id",
        "case_id",
        "person_id",
        "law_id",
        "article",
        "statement_id",
        "scale_id",
        "session",
        "election_id",
        "charge_id",
    }
)
#: Tables keyed by their path: two rows never share a key but their path.
_PATH_KEYED: Final = frozenset(layout.name for layout in LAYOUT if layout.key == ("path",))


_COLUMNS: Final = {
    layout.name: {column.name: column for column in layout.columns} for layout in LAYOUT
}


def _column(layout: TableLayout, name: str | None) -> Column | None:
    return _COLUMNS[layout.name].get(name or "")


def _column_for(layout: TableLayout, relative: str) -> str | None:
    """The column whose field ``relative`` (a path below the row's) is, or lies under."""
    plain = re.sub(r"\[[0-9]+\]", "[]", relative)
    best: tuple[int, str] | None = None
    for column in layout.columns:
        field = column.field
        if not field or field.startswith("^"):
            continue
        under = plain == field or plain.startswith((field + ".", field + "["))
        if under and (best is None or len(field) > best[0]):
            best = (len(field), column.name)
    return None if best is None else best[1]


def _target(path: str, field: str) -> str | None:
    """The path ``field`` names from a row at ``path``; ``None`` when ``^name`` is not on it."""
    if field == "":
        return path
    if field.startswith("^"):
        anchor, _, rest = field[1:].partition(".")
        found = list(re.finditer(rf"\.{anchor}\[[0-9]+\]", path))
        if not found:
            return None
        base = path[: found[-1].end()]
        return f"{base}.{rest}" if rest else base
    return f"{path}.{field}"


# -- tables whose rows are placed by more than one index ----------------------------------------


def _need(reader: _Reader, row: _Row, *names: str) -> list[Any] | None:
    values = [row.values.get(name) for name in names]
    for name, value in zip(names, values, strict=True):
        if value is None:
            reader.on(row, name, "sheet.missing_key", f"{name} is empty: the row cannot be placed")
            return None
    return values


def _citation(reader: _Reader, row: _Row) -> str | None:
    found = _need(reader, row, "citation_index")
    charge = reader._parent(row, "charges")
    if found is None or charge is None:
        return None
    base = f"{charge}.citations[{found[0]}]"
    article = row.values.get("article_index")
    return base if article is None else f"{base}.articles[{article}]"


def _result(reader: _Reader, row: _Row) -> str | None:
    found = _need(reader, row, "contest_index", "result_index")
    election = reader._parent(row, "elections")
    if found is None or election is None:
        return None
    return f"{election}.contests[{found[0]}].results[{found[1]}]"


def _penalty(reader: _Reader, row: _Row) -> str | None:
    if row.values.get("charge_id") is not None:
        charge = reader._parent(row, "charges")
        if charge is None:
            return None
        variant = row.values.get("variant_index")
        base = f"{charge}.penalty"
        return base if variant is None else f"{base}.aggravated[{variant}]"
    found = _need(reader, row, "penalty_index")
    owner = reader._parent(row, "law_articles" if row.values.get("article") else "laws")
    if found is None or owner is None:
        return None
    base = f"{owner}.penalties[{found[0]}]"
    variant = row.values.get("variant_index")
    return base if variant is None else f"{base}.aggravated[{variant}]"


#: The members whose items are each a row of a table.
_ROW_MEMBERS: Final = frozenset(place.member for place in PLACES.values())
#: Tables whose rows may be placed by an ``owner_path``: placed after all others, in this order.
_OWNED: Final = ("identifiers", "affiliations", "derived", "sources")
#: (table, member): the lists whose items are rows of a table of their own.
_ROW_LISTS: Final = frozenset((place.parent, place.member) for place in PLACES.values()) | {
    ("charges", "citations"),
    ("election_contests", "results"),
    ("laws", "penalties"),
    ("law_articles", "penalties"),
    ("people", "identifiers"),
    ("people", "affiliations"),
    ("case_people", "identifiers"),
    ("case_people", "affiliations"),
}


def _owner_path(reader: _Reader, row: _Row, owner: Any) -> str | None:
    """``owner``, an ``owner_path`` cell, when it names a row (or a part of one) that is there."""
    if not isinstance(owner, str) or not _PATH_SYNTAX.fullmatch(owner):
        reader.on(
            row,
            "owner_path",
            "sheet.bad_path",
            f"{echo(owner)} is not a JSON path: write it as an export does, such as "
            "$.cases[0].events[1]",
        )
        return None
    path, relative = owner, ""
    while path and path != "$":
        found = reader.by_path.get(path)
        if found is not None:
            member = _TOKEN.match(relative)
            if member is None or (found.table.name, member.group(1)) not in _ROW_LISTS:
                return owner
            break
        cut = max(path.rfind("."), path.rfind("["))
        relative, path = path[cut:] + relative, path[:cut]
    reader.on(
        row,
        "owner_path",
        "sheet.unknown_reference",
        f"no row is at {echo(owner)}: give the path of a row of the workbook",
    )
    return None


def _person_part(member: str) -> Callable[[_Reader, _Row], str | None]:
    def place(reader: _Reader, row: _Row) -> str | None:
        owner = row.values.get("owner_path")
        if owner is not None:
            owner = _owner_path(reader, row, owner)
        else:
            owner = reader._parent(row, "case_people" if row.values.get("case_id") else "people")
        if owner is None:
            return None
        return reader.next_place(f"{owner}.{member}")

    return place


def _owned(member: str) -> Callable[[_Reader, _Row], str | None]:
    def place(reader: _Reader, row: _Row) -> str | None:
        return _source(reader, row, member)

    return place


def _source(reader: _Reader, row: _Row, member: str = "sources") -> str | None:
    owner = row.values.get("owner_path")
    if owner is not None:
        owner = _owner_path(reader, row, owner)
        if owner is None:
            return None
    else:
        record, record_id = row.values.get("record"), row.values.get("record_id")
        if record not in member_types() or record_id is None:
            reader.on(
                row,
                "owner_path",
                "sheet.missing_key",
                "give owner_path, or record (cases, laws, ...) and record_id",
            )
            return None
        owner = _owner(reader, row, str(record), record_id)
        if owner is None:
            return None
    return reader.next_place(f"{owner}.{member}")


def _owner(reader: _Reader, row: _Row, record: str, record_id: Any) -> str | None:
    reader.place(record)
    keys = reader.keys[record]
    found = keys.get((record_id,))
    if found is None and str(record_id).isdigit():
        found = keys.get((int(record_id),))  # a session, by its number
    if found is not None and found.path is not None:
        return found.path
    reader.on(
        row, "record_id", "sheet.unknown_reference", f"no row of {record} is {echo(record_id)}"
    )
    return None


_SPECIAL: Final[dict[str, Callable[[_Reader, _Row], str | None]]] = {
    "charge_citations": _citation,
    "election_results": _result,
    "penalties": _penalty,
    "identifiers": _person_part("identifiers"),
    "affiliations": _person_part("affiliations"),
    "sources": _source,
    "derived": _owned("derived"),
}


def columns_read(layout: TableLayout) -> Iterable[Column]:
    """The columns of a table that reading uses: those with a field, keys and indexes."""
    return (
        column
        for column in layout.columns
        if column.name != "path"
        and (column.field is not None or column.name in layout.key or column.name in _PLACING)
    )


def is_text(column: Column) -> bool:
    """Whether a column holds text (a dropdown or free text) rather than a number or a date."""
    return bool(column.type == pa.string() or pa.types.is_dictionary(column.type))
