"""Every issue code the library reports, with what it means.

Codes are stable: once released, a code keeps its meaning and is never
reused.  Codes are dotted: the part before the dot says which step found the
problem (``json`` the parser, ``document`` the record type, ``schema`` a
schema rule, ``value`` a model class's own check), or which record kind a
cross-field rule belongs to (``rating``, ``scale``).
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

__all__ = ["ISSUE_CODES", "register_code", "schema_code"]

_SCHEMA_KEYWORDS = {
    "additionalProperties": "a member the schema does not define",
    "anyOf": "none of the alternatives the schema allows",
    "const": "not the one value allowed here",
    "dependentRequired": "a member given without another that must come with it",
    "enum": "not one of the values allowed here",
    "exclusiveMaximum": "a number at or above the limit",
    "exclusiveMinimum": "a number at or below the limit",
    "format": "a string that is not of its format (a date that does not exist, say)",
    "maxItems": "an array with too many items",
    "maxLength": "a string that is too long",
    "maxProperties": "an object with too many members",
    "maximum": "a number above the maximum",
    "minItems": "an array with too few items",
    "minLength": "a string that is too short",
    "minProperties": "an object with too few members",
    "minimum": "a number below the minimum",
    "multipleOf": "a number that is not a multiple of the step",
    "not": "a value of a form the schema excludes",
    "oneOf": "a value matching none, or more than one, of the alternatives",
    "pattern": "a string not of the form required",
    "required": "a required member that is missing",
    "type": "a value of the wrong JSON type",
    "uniqueItems": "an array with repeated items",
}


def register_code(code: str, meaning: str) -> None:
    """Add a code to :data:`ISSUE_CODES`; a code registered twice must keep its meaning."""
    if _CODES.setdefault(code, meaning) != meaning:
        raise ValueError(f"issue code {code!r} is registered with two meanings")


def schema_code(keyword: str) -> str:
    """The issue code for a failed schema keyword: ``minItems`` → ``schema.min_items``."""
    snake = "".join(f"_{char.lower()}" if char.isupper() else char for char in keyword)
    return f"schema.{snake}"


_CODES: dict[str, str] = {
    "json.syntax": "The text is not JSON.",
    "json.encoding": "The bytes are not UTF-8.",
    "json.byte_order_mark": "The text starts with a byte order mark, which JSON forbids.",
    "json.duplicate_key": "A key appears more than once in one object.",
    "json.non_finite_number": "NaN or Infinity, which are not JSON numbers.",
    "json.lone_surrogate": "A string holds a lone UTF-16 surrogate escape.",
    "json.too_deep": "The document is nested too deeply to read.",
    "json.number_too_long": "A number has too many digits to read.",
    "document.not_object": "The document is not a JSON object.",
    "document.type_missing": "The document has no string `type` member naming its kind.",
    "document.type_unknown": "The document's `type` names no record kind.",
    "value.invalid": (
        "A value the schema lets through but the model refuses "
        "(a country code followed by a newline, say)."
    ),
    "json.record_too_large": "A record is larger than the size limit for one record.",
    # Spreadsheets in (civicspace.sheets, civicspace import): each on a cell where it has one.
    "sheet.unreadable": "The file is not a workbook (.xlsx), a CSV file or a folder of them.",
    "sheet.too_large": "The workbook or a sheet is over a size limit (a zip bomb, too many rows).",
    "sheet.macro_enabled": "The workbook holds macros (a macro-enabled file, perhaps renamed).",
    "sheet.external_link": "The workbook links to other workbooks, whose values it would show.",
    "sheet.encoding": "A CSV file is not UTF-8 (Latin-1, Windows-1252 or UTF-16).",
    "sheet.unknown_sheet": "A sheet or CSV file names no table of the layout.",
    "sheet.unknown_column": "A column names no column of its table, or a value has no header.",
    "sheet.missing_key": "A cell the row's place depends on (a case id, an index) is empty.",
    "sheet.unknown_reference": "A row names a row of another sheet that is not there.",
    "sheet.duplicate_row": "Two rows of a sheet have the same key or path.",
    "sheet.bad_index": "A position column leaves a place out, or gives one twice.",
    "sheet.bad_path": "A path cell is not a JSON path, or its place cannot hold the value.",
    "sheet.conflict": "Two cells give one value of the document differently.",
    "sheet.wrong_type": "A cell's value is not of its column's type (text, number, date, ...).",
    "sheet.number_as_text": "A number column's cell holds a number stored as text.",
    "sheet.formula": "A cell holds a formula, which is never evaluated.",
    "sheet.merged": "A merged cell, whose value belongs to one row and column only.",
    "sheet.locale_date": "A date typed as 03/09/2020, where day and month cannot be told apart.",
    "sheet.whitespace": "An id, key or code has a space before or after it.",
    "sheet.prose": "A term or amount written as prose that civicspace's readers do not read.",
    "sheet.csv_syntax": "A CSV line cannot be read: a quote that opens a field is never closed.",
    "sheet.hidden": "A hidden sheet, or a hidden row or column with values, which would be unseen.",
    "sheet.bad_date": "A number in a date cell that is no date Excel has (past 9999-12-31, say).",
    "sheet.month_date": "A date cell showing only a month or a year, in a column that takes a day.",
    "sheet.empty": "Nothing to import: no sheet has a row below its header.",
    # Popolo bundles in (civicspace.interop.from_popolo, civicspace import --format popolo).
    "popolo.not_bundle": "The document is not a Popolo bundle (persons, organizations, ...).",
    "popolo.wrong_type": "A member of a Popolo bundle is not of the JSON type Popolo gives it.",
    "popolo.unreadable": "A Popolo object lacks what a record needs (a name), and is left out.",
    "popolo.id_changed": "A Popolo id is missing, or an organization's is no civicspace id.",
    "popolo.not_held": "Popolo data a record has no place for (an organization's identifiers).",
    "popolo.over_limit": "More items than a civicspace record holds: the first ones are read.",
    "popolo.unknown_reference": "A membership names a person or organization the bundle lacks.",
    "popolo.unknown_country": "A country area's identifier is no ISO 3166-1 alpha-3 code.",
    # Uwazi CSV files in (civicspace.interop.from_uwazi, civicspace import --from uwazi).
    "uwazi.unreadable": "An Uwazi file cannot be read: not UTF-8, not CSV, too large.",
    "uwazi.no_title": "An Uwazi entity file has no Title column, which Uwazi requires.",
    "uwazi.unknown_column": "A column names no property of any template civicspace reads.",
    "uwazi.unknown_template": "A row's template (or a file's) is none civicspace reads.",
    "uwazi.unknown_title": "A relationship names a title no entity read has.",
    "uwazi.bad_id": "A civicspace id cell holds no civicspace id, or one given twice.",
    "uwazi.bad_value": "A cell's value is not of its property's type (a date, a number).",
    "uwazi.missing": "A row lacks what its record needs (a title, an event's case or kind).",
    "json.not_json": (
        "A value given already parsed holds what JSON cannot: a date, a set, bytes, "
        "a Decimal, a tuple, an object of another class."
    ),
    "json.key_not_string": "A value given already parsed has an object key that is not a string.",
    "json.cycle": "A value given already parsed contains itself.",
    "document.json_lines": (
        "One record was asked for, but the text is JSON Lines (one record per line)."
    ),
    **{
        schema_code(keyword): f"Schema rule `{keyword}`: {meaning}."
        for keyword, meaning in _SCHEMA_KEYWORDS.items()
    },
}

ISSUE_CODES: Mapping[str, str] = MappingProxyType(_CODES)
"""Every issue code, mapped to a one-line meaning; codes never change meaning once released."""
