"""Reference pages generated from the package itself, so docs and code never drift.

At build time (Sphinx's ``builder-inited``) this writes Markdown pages into
``docs/_generated/``:

- ``api.md`` and ``api/<module>.md``: the API reference, the root's own names
  and then one page for each public module (:data:`API_MODULES`), an
  ``autodoc`` entry for every name in its ``__all__``;
- ``strategies.md``: ``civicspace.strategies``;
- ``datasets.md``: ``civicspace.datasets``;
- ``charts.md`` and ``site.md``: ``civicspace.charts`` and ``civicspace.site``;
- ``schemas/<name>.md``: one page per shipped schema
  (:func:`civicspace.schema_names`), with its title, ``$id``, description,
  a table of members for the schema and each definition, and its examples;
- ``tables.md``: :mod:`civicspace.tables` and every table and column of
  ``civicspace.tables.LAYOUT``, with its Arrow type and meaning;
- ``issue-codes.md``: every code in :data:`civicspace.ISSUE_CODES`, with the
  example document from ``docs/issue_examples.json`` that triggers it and
  what :func:`civicspace.validate` reports for it, run at build time.

The page-building functions are plain functions of the installed package,
importable without Sphinx, so ``tests/test_docs.py`` runs them too.
"""

from __future__ import annotations

import argparse
import ast
import contextlib
import importlib
import inspect
import io
import json
import os
import pkgutil
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import civicspace
from civicspace._pipeline import codes as _codes

DOCS = Path(__file__).resolve().parent.parent
GENERATED = "_generated"
EXAMPLES_FILE = DOCS / "issue_examples.json"

# -- The API reference -----------------------------------------------------------------------------

#: The public modules with a reference page of their own, beside the API reference.
OWN_PAGES = frozenset({"strategies", "datasets", "tables", "sheets", "charts", "site"})

#: The public modules documented on the API reference pages, one page each.
API_MODULES = tuple(sorted(civicspace._SUBMODULES - OWN_PAGES))

#: What ``__version__`` is; a string cannot carry a docstring of its own.
VERSION_DOC = "The installed version of civicspace, as :pep:`440` writes it (``0.1.0``)."


def _private_modules() -> list[str]:
    return [
        found.name
        for found in pkgutil.walk_packages(civicspace.__path__, "civicspace.")
        if found.name.startswith("civicspace._")
        and found.name != "civicspace.__main__"
        and not found.ispkg
    ] + ["civicspace.errors"]


def home_module(name: str, public: Any = civicspace) -> str | None:
    """The private module that defines the public name ``<public>.<name>``, if one does."""
    obj = getattr(public, name)
    module = getattr(obj, "__module__", None)
    if (
        isinstance(module, str)
        and module.startswith("civicspace._")
        and (inspect.isclass(obj) or callable(obj))
    ):
        return module
    for candidate in _private_modules():
        loaded = importlib.import_module(candidate)
        if name in getattr(loaded, "__all__", ()) and getattr(loaded, name, None) is obj:
            return candidate
    return None


def attribute_doc(module: str, name: str) -> str | None:
    """The docstring written for a module-level constant: a string right after it, or ``#:``.

    Sphinx's two conventions: ``NAME = value`` followed by a string literal,
    or ``#:`` comment lines right above the assignment.
    """
    source = inspect.getsource(importlib.import_module(module))
    tree = ast.parse(source)
    lines = source.splitlines()
    body = tree.body
    for index, node in enumerate(body):
        targets: list[ast.expr] = []
        if isinstance(node, ast.Assign):
            targets = list(node.targets)
        elif isinstance(node, ast.AnnAssign):
            targets = [node.target]
        if not any(isinstance(target, ast.Name) and target.id == name for target in targets):
            continue
        following = body[index + 1] if index + 1 < len(body) else None
        if (
            isinstance(following, ast.Expr)
            and isinstance(following.value, ast.Constant)
            and isinstance(following.value.value, str)
        ):
            return inspect.cleandoc(following.value.value)
        comments: list[str] = []
        line = node.lineno - 2
        while line >= 0 and lines[line].lstrip().startswith("#:"):
            comments.insert(0, lines[line].lstrip()[2:].strip())
            line -= 1
        return "\n".join(comments) or None
    return None


def root_names() -> tuple[list[str], dict[str, str]]:
    """The root's own names, and its other names with the public module that documents each."""
    own: list[str] = []
    elsewhere: dict[str, str] = {}
    for name in civicspace.__all__:
        obj = getattr(civicspace, name)
        module = getattr(obj, "__module__", "")
        if (
            inspect.isclass(obj)
            and not module.startswith("civicspace._")
            and module != "civicspace"
        ):
            elsewhere[name] = module
        else:
            own.append(name)
    return own, elsewhere


def _kind_order(name: str, public: Any = civicspace) -> tuple[int, str]:
    obj = getattr(public, name)
    if inspect.isclass(obj):
        return (2 if issubclass(obj, BaseException) else 1), name.lower()
    if callable(obj):
        return 3, name.lower()
    return 0, name.lower()


def _rst_entry(name: str, module: str, public: Any = civicspace) -> str:
    obj = getattr(public, name)
    target = f"{public.__name__}.{name}"
    if inspect.isclass(obj):
        options = ["   :members:"]
        if issubclass(obj, BaseException):
            options.append("   :show-inheritance:")
        if issubclass(obj, __import__("enum").Enum):
            options.append("   :undoc-members:")
        return "\n".join([f".. autoclass:: {target}", *options])
    if callable(obj):
        return f".. autofunction:: {target}"
    doc = VERSION_DOC if name == "__version__" else attribute_doc(module, name) or ""
    body = "\n".join(f"   {line}" if line else "" for line in doc.splitlines())
    return f".. py:data:: {target}\n   :type: {_data_type(module, name, public)}\n\n{body}"


def _data_type(module: str, name: str, public: Any = civicspace) -> str:
    """A constant's type as annotated in its module (``Final`` says nothing: its value's type)."""
    obj = getattr(public, name)
    annotations = getattr(importlib.import_module(module), "__annotations__", {})
    written = annotations.get(name)
    if isinstance(written, str) and not written.startswith("Final"):
        return written
    return type(obj).__name__


def api_page() -> str:
    """The API reference's first page: the root's own names, then a page per public module."""
    own, elsewhere = root_names()
    parts = [
        "# API reference",
        "",
        "`import civicspace` gives the entry points below, the record classes and the main "
        "errors; everything else is in a public module by domain, one page each, every one an "
        "attribute of `civicspace` after a plain import. Names not listed on these pages are "
        "private and may change without notice. The Hypothesis strategies are on "
        "{doc}`strategies`.",
        "",
        "```{toctree}",
        ":maxdepth: 1",
        "",
        *(f"api/{name}" for name in API_MODULES),
        "```",
        "",
        "## The package",
        "",
        "```{eval-rst}",
        "\n\n".join(
            _rst_entry(name, home_module(name) or "civicspace")
            for name in sorted(own, key=_kind_order)
        ),
        "```",
        "",
        "Also at the root, documented in their modules:",
        "",
        *(
            f"- {{py:class}}`civicspace.{name} <{module}.{name}>`"
            for name, module in sorted(elsewhere.items())
        ),
        "",
    ]
    return "\n".join(parts)


def module_api_page(name: str) -> str:
    """The API reference page of the public module ``civicspace.<name>``."""
    public = importlib.import_module(f"civicspace.{name}")
    summary = (inspect.getdoc(public) or "").split("\n\n", 1)
    parts = [f"# `civicspace.{name}`", "", summary[0], ""]
    if len(summary) > 1:
        parts += [summary[1], ""]
    entries = [
        _rst_entry(member, home_module(member, public) or public.__name__, public)
        for member in sorted(public.__all__, key=lambda member: _kind_order(member, public))
    ]
    parts += [
        "```{eval-rst}",
        f".. module:: {public.__name__}",
        "",
        "\n\n".join(entries),
        "```",
        "",
    ]
    return "\n".join(parts)


def _module_page(title: str, module: str, exclude: str = "") -> str:
    excluded = [f"   :exclude-members: {exclude}"] if exclude else []
    return "\n".join(
        [
            f"# {title}",
            "",
            "```{eval-rst}",
            f".. automodule:: {module}",
            "   :members:",
            "   :member-order: bysource",
            *excluded,
            "```",
            "",
        ]
    )


def strategies_page() -> str:
    """The reference page of ``civicspace.strategies``."""
    return _module_page("Hypothesis strategies", "civicspace.strategies")


def datasets_page() -> str:
    """The reference page of ``civicspace.datasets``."""
    return _module_page("Datasets", "civicspace.datasets")


_TABLES_API = (
    "autofunction:: civicspace.tables.tables",
    "autoclass:: civicspace.tables.Tables",
    "autofunction:: civicspace.tables.write",
    "autofunction:: civicspace.tables.write_csv",
    "autofunction:: civicspace.tables.write_parquet",
    "autofunction:: civicspace.tables.write_xlsx",
    "autofunction:: civicspace.tables.table_layout",
    "autoclass:: civicspace.tables.TableLayout",
    "autoclass:: civicspace.tables.Column",
)


_SHEETS_API = (
    "autofunction:: civicspace.sheets.read_tables",
    "autofunction:: civicspace.sheets.write_template",
    "autoclass:: civicspace.sheets.SheetReading",
    "autoclass:: civicspace.sheets.CellIssue",
    "autoclass:: civicspace.sheets.CellReading",
    "autodata:: civicspace.sheets.MAX_ROWS",
    "autodata:: civicspace.sheets.MAX_BYTES",
    "autodata:: civicspace.sheets.MAX_ENTRIES",
    "autodata:: civicspace.sheets.TEMPLATE_TYPES",
)


def _arrow_type(data_type: Any) -> str:
    import pyarrow as pa

    if pa.types.is_dictionary(data_type):
        return f"dictionary<{data_type.value_type}>"
    return str(data_type).replace("[day]", "")


def tables_page() -> str:
    """The tables reference: ``civicspace.tables`` and every table and column of its layout."""
    from civicspace import tables
    from civicspace._tables import layout

    # The conventions are written once, in the docstring of the module defining the layout.
    written = inspect.cleandoc(layout.__doc__ or "")
    conventions = written[written.index("Conventions") :]
    lines = ["# Tables", "", "```{eval-rst}", ".. automodule:: civicspace.tables", ""]
    lines += [f".. {entry}\n" for entry in _TABLES_API]
    lines += ["```", "", "## Spreadsheets in", "", "```{eval-rst}"]
    lines += [".. automodule:: civicspace.sheets", "   :no-index:", ""]
    lines += [f".. {entry}\n" for entry in _SHEETS_API]
    lines += ["```", "", "## Conventions", "", conventions]
    lines += ["", "## The tables", ""]
    lines += [f"- [`{table.name}`](#table-{table.name}): {table.row}" for table in tables.LAYOUT]
    for table in tables.LAYOUT:
        lines += ["", f"(table-{table.name})=", f"### `{table.name}`", "", f"{table.row}."]
        key = ", ".join(f"`{column}`" for column in table.key)
        lines += ["", f"One row per key {key}."]
        if table.partition:
            lines += [f"Partitioned by `{table.partition}` in a partitioned Parquet export."]
        lines += ["", "| column | Arrow type | meaning |", "| --- | --- | --- |"]
        lines += [
            f"| `{column.name}` | `{_arrow_type(column.type)}` | {_cell(column.meaning)} |"
            for column in table.columns
        ]
    return "\n".join(lines) + "\n"


def charts_page() -> str:
    """The reference page of ``civicspace.charts``."""
    return _module_page("Charts", "civicspace.charts")


def site_page() -> str:
    """The reference page of ``civicspace.site``."""
    return _module_page("Static site", "civicspace.site")


# -- The schema reference --------------------------------------------------------------------------

_ID_PREFIX = "https://schemas.civicspace.dev/v1/"
_MAX_ENUM = 12


def _label(schema_name: str, definition: str | None = None) -> str:
    label = f"schema-{schema_name}" if definition is None else f"schema-{schema_name}-{definition}"
    return label.replace("_", "-")


def _resolve(reference: str, current: str) -> tuple[str, str | None]:
    """``(schema name, definition or None)`` that a ``$ref`` points at."""
    where, _, pointer = reference.removeprefix(_ID_PREFIX).partition("#")
    name = where.removesuffix(".json") if where else current
    definition = pointer.removeprefix("/$defs/") or None
    return name, definition


def _target(schema_name: str, definition: str | None) -> dict[str, Any]:
    document = civicspace.schema(schema_name)
    return document if definition is None else dict(document["$defs"][definition])


def _code(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return f"`` {text} ``" if "`" in text else f"`{text}`"


def _ref_role(schema_name: str, definition: str | None) -> str:
    target = _target(schema_name, definition)
    shown = target.get("title") or definition or schema_name
    return f"{{ref}}`{shown} <{_label(schema_name, definition)}>`"


def _items_range(node: dict[str, Any]) -> str:
    low, high = node.get("minItems"), node.get("maxItems")
    if low is not None and high is not None:
        return f", {low} to {high} items"
    if low is not None:
        return f", at least {low}"
    if high is not None:
        return f", at most {high}"
    return ""


def value_summary(node: dict[str, Any], current: str) -> str:
    """A one-line Markdown description of the values a subschema allows."""
    parts = []
    if "$ref" in node:
        parts.append(_ref_role(*_resolve(node["$ref"], current)))
    if "const" in node:
        parts.append(_code(node["const"]))
    if "enum" in node:
        values = node["enum"]
        shown = ", ".join(_code(value) for value in values[:_MAX_ENUM])
        more = f", … ({len(values)} values)" if len(values) > _MAX_ENUM else ""
        parts.append(f"one of {shown}{more}")
    for keyword in ("anyOf", "oneOf"):
        if keyword in node:
            choices = [value_summary(choice, current) for choice in node[keyword]]
            if all(choices):
                parts.append(" or ".join(f"({choice})" for choice in choices))
    kind = node.get("type")
    if kind == "array":
        items = node.get("items", {})
        parts.append(f"array of {value_summary(items, current) or 'values'}{_items_range(node)}")
    elif kind == "object":
        members = ", ".join(f"`{member}`" for member in node.get("properties", {}))
        parts.append(f"object with {members}" if members else "object")
    elif isinstance(kind, str) and "const" not in node and "enum" not in node:
        parts.append(kind)
    elif isinstance(kind, list):
        parts.append(" or ".join(kind))
    limits = []
    for keyword, words in (
        ("minLength", "at least {} characters"),
        ("maxLength", "at most {} characters"),
        ("minimum", "at least {}"),
        ("maximum", "at most {}"),
        ("format", "format {}"),
    ):
        if keyword in node:
            limits.append(words.format(node[keyword]))
    if "pattern" in node:
        limits.append(f"matching {_code(node['pattern'])}")
    if limits:
        parts.append("; ".join(limits))
    return ", ".join(part for part in parts if part)


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def _description(node: dict[str, Any], current: str) -> str:
    if node.get("description"):
        return str(node["description"])
    if "$ref" in node:
        return str(_target(*_resolve(node["$ref"], current)).get("description", ""))
    return ""


def members_table(node: dict[str, Any], current: str) -> list[str]:
    """A Markdown table of an object schema's members, or nothing for a non-object."""
    properties = node.get("properties")
    if not properties:
        return []
    required = set(node.get("required", ()))
    rows = ["| member | required | value | description |", "| --- | --- | --- | --- |"]
    for member, subschema in properties.items():
        rows.append(
            f"| `{member}` | {'yes' if member in required else 'no'} "
            f"| {_cell(value_summary(subschema, current))} "
            f"| {_cell(_description(subschema, current))} |"
        )
    extra = node.get("additionalProperties")
    note = "No other members are allowed." if extra is False else ""
    return [*rows, "", note] if note else rows


def compact_json(value: Any, indent: int = 0, width: int = 88) -> str:
    """JSON with nested values indented and short values kept on one line."""
    flat = json.dumps(value, ensure_ascii=False)
    if len(flat) + indent <= width or not isinstance(value, dict | list) or not value:
        return flat
    pad = " " * (indent + 2)
    if isinstance(value, dict):
        members = [
            f"{pad}{json.dumps(key, ensure_ascii=False)}: "
            f"{compact_json(item, indent + 2, width).lstrip()}"
            for key, item in value.items()
        ]
        return "{\n" + ",\n".join(members) + "\n" + " " * indent + "}"
    if all(not isinstance(item, dict | list) for item in value):
        lines, line = [], ""
        for item in value:
            text = json.dumps(item, ensure_ascii=False)
            if line and len(pad) + len(line) + len(text) + 2 > width:
                lines.append(line.rstrip())
                line = ""
            line += text + ", "
        lines.append(line.removesuffix(", "))
        return (
            "[\n" + ",\n".join(pad + line.rstrip(",") for line in lines) + "\n" + " " * indent + "]"
        )
    items = [pad + compact_json(item, indent + 2, width) for item in value]
    return "[\n" + ",\n".join(items) + "\n" + " " * indent + "]"


def _model_class(name: str) -> str | None:
    if name not in civicspace.record_types():
        return None
    examples = civicspace.schema(name).get("examples", [])
    if not examples:
        return None
    cls = type(civicspace.load(examples[0]))
    return f"civicspace.{cls.__name__}" if hasattr(civicspace, cls.__name__) else None


def schema_page(name: str) -> str:
    """The reference page of one shipped schema."""
    document = civicspace.schema(name)
    lines = [f"({_label(name)})=", f"# `{name}`: {document.get('title', name)}", ""]
    lines += [f"`$id`: `{document['$id']}`", ""]
    model = _model_class(name)
    if model:
        lines += [f'A record type: `"type": "{name}"`, loaded as {{py:class}}`{model}`.', ""]
    lines += [document.get("description", ""), ""]
    table = members_table(document, name)
    if table:
        lines += ["## Members", "", *table, ""]
    definitions = document.get("$defs", {})
    if definitions:
        lines += ["## Definitions", ""]
    for definition, node in definitions.items():
        lines += [f"({_label(name, definition)})=", f"### `{definition}`: {node.get('title', '')}"]
        lines += ["", node.get("description", ""), ""]
        summary = value_summary(node, name)
        if summary and not node.get("properties"):
            lines += [f"Value: {summary}", ""]
        lines += members_table(node, name)
        lines += [""]
        for example in node.get("examples", [])[:3]:
            lines += ["```json", compact_json(example), "```", ""]
    if document.get("examples"):
        lines += ["## Examples", ""]
        for example in document["examples"]:
            lines += ["```json", compact_json(example), "```", ""]
    lines += [
        f"The schema itself: `civicspace.schema({name!r})`, or `civicspace schema {name}` "
        "on the command line.",
        "",
    ]
    return "\n".join(lines)


def schemas_index() -> str:
    """The page listing every shipped schema."""
    lines = [
        "# Schema reference",
        "",
        "The JSON Schemas (Draft 2020-12) that ship inside the package, one page each, "
        "generated from the schema files at build time. Record types are marked; the "
        "others hold definitions the records share.",
        "",
        "| schema | title | record type |",
        "| --- | --- | --- |",
    ]
    for name in civicspace.schema_names():
        title = civicspace.schema(name).get("title", "")
        record = "yes" if name in civicspace.record_types() else ""
        lines.append(f"| {{ref}}`{name} <{_label(name)}>` | {_cell(title)} | {record} |")
    lines += ["", "```{toctree}", ":hidden:", "", *civicspace.schema_names(), "```", ""]
    return "\n".join(lines)


# -- Issue codes -----------------------------------------------------------------------------------

_MAP_KEYWORDS = {"properties", "$defs", "patternProperties", "dependentSchemas"}
_SCHEMA_KEYWORDS = {"items", "not", "additionalProperties", "contains", "if", "then", "else"}
_LIST_KEYWORDS = {"anyOf", "allOf", "oneOf", "prefixItems"}


def _keywords_and_refs(node: Any, current: str) -> Iterator[tuple[str, str | None]]:
    if not isinstance(node, dict):
        return
    for keyword, value in node.items():
        yield keyword, None
        if keyword == "$ref":
            yield "$ref", _resolve(value, current)[0]
        elif keyword in _MAP_KEYWORDS:
            for sub in value.values():
                yield from _keywords_and_refs(sub, current)
        elif keyword in _SCHEMA_KEYWORDS:
            yield from _keywords_and_refs(value, current)
        elif keyword in _LIST_KEYWORDS:
            for sub in value:
                yield from _keywords_and_refs(sub, current)


def keywords_in_use() -> set[str]:
    """The schema keywords that documents are validated against: record schemas and their refs."""
    seen: set[str] = set()
    waiting = list(civicspace.record_types())
    keywords: set[str] = set()
    while waiting:
        name = waiting.pop()
        if name in seen:
            continue
        seen.add(name)
        for keyword, referenced in _keywords_and_refs(civicspace.schema(name), name):
            keywords.add(keyword)
            if referenced is not None:
                waiting.append(referenced)
    return keywords


def unreachable_schema_codes() -> dict[str, str]:
    """``schema.*`` codes whose keyword no schema a document meets uses: code → keyword."""
    in_use = keywords_in_use()
    return {
        _codes.schema_code(keyword): keyword
        for keyword in _codes._SCHEMA_KEYWORDS
        if keyword not in in_use
    }


def issue_examples() -> dict[str, dict[str, Any]]:
    """The examples in ``docs/issue_examples.json``: code → example."""
    examples: dict[str, dict[str, Any]] = json.loads(EXAMPLES_FILE.read_text("utf-8"))["examples"]
    return examples


def _joined(parts: str | list[list[Any]]) -> str:
    if isinstance(parts, str):
        return parts
    return "".join(piece * count for piece, count in parts)


def run_example(example: dict[str, Any]) -> list[civicspace.Issue]:
    """What :func:`civicspace.validate` reports for an example's input.

    An example gives exactly one input: ``document`` (a parsed JSON value),
    ``text`` (JSON text), ``bytes`` (bytes, written as a string whose
    characters are byte values) or ``stream`` (bytes read from an open
    binary file through :func:`civicspace.validate_records`) or ``python``
    (a Python expression for a parsed value JSON cannot write, with
    ``datetime`` and ``decimal`` imported).  ``text``, ``bytes`` and
    ``stream`` may be a list of ``[piece, times]`` pairs.  With ``"call":
    "load_one"``, the input goes to :func:`civicspace.load_one` instead.
    """
    inputs = {"document", "text", "bytes", "stream", "csv", "python", "popolo", "uwazi"}
    if len(inputs & set(example)) != 1:
        raise ValueError(
            "an example needs exactly one of document, text, bytes, stream, csv, python, "
            f"popolo, uwazi: {example}"
        )
    if "popolo" in example:
        from civicspace import interop

        return list(interop.from_popolo(example["popolo"]).issues)
    if "uwazi" in example:
        from civicspace import interop

        files = {name: _joined(text).encode("latin-1") for name, text in example["uwazi"].items()}
        return [found.issue for found in interop.from_uwazi(files).issues]
    if "csv" in example:
        return [found.issue for found in sheet_issues(example)]
    if example.get("call") == "load_one":
        try:
            civicspace.load_one(_joined(example["text"]))
        except civicspace.ValidationError as error:
            return list(error.issues)
        return []
    if "python" in example:
        import datetime
        import decimal

        namespace = {"datetime": datetime, "decimal": decimal}
        return civicspace.validate(eval(example["python"], namespace))  # the docs' own text
    if "document" in example:
        return civicspace.validate(example["document"])
    if "text" in example:
        return civicspace.validate(_joined(example["text"]))
    if "bytes" in example:
        return civicspace.validate(_joined(example["bytes"]).encode("latin-1"))
    stream = io.BytesIO(_joined(example["stream"]).encode("latin-1"))
    return [issue for report in civicspace.validate_records(stream) for issue in report.issues]


#: Codes that only a workbook (.xlsx) produces, so that no example of CSV text can (and
#: sheet.empty, which civicspace import gives); the tests in tests/sheets/ produce each.
WORKBOOK_ONLY_CODES = frozenset(
    {
        "sheet.bad_date",
        "sheet.empty",
        "sheet.external_link",
        "sheet.formula",
        "sheet.hidden",
        "sheet.macro_enabled",
        "sheet.merged",
        "sheet.month_date",
        "sheet.number_as_text",
    }
)


def sheet_issues(example: dict[str, Any]) -> list[Any]:
    """What :func:`civicspace.sheets.read_tables` reports for a ``csv`` example's folder.

    ``csv`` maps file names to their bytes, written as for ``bytes`` (a string
    whose characters are byte values, or ``[piece, times]`` pairs).
    """
    import tempfile

    import civicspace.sheets

    with tempfile.TemporaryDirectory() as folder:
        for name, parts in example["csv"].items():
            (Path(folder) / name).write_bytes(_joined(parts).encode("latin-1"))
        return list(civicspace.sheets.read_tables(folder).issues)


def _described_parts(parts: list[list[Any]], as_bytes: bool) -> str:
    shown = []
    for piece, count in parts:
        literal = repr(piece.encode("latin-1")) if as_bytes else repr(piece)
        shown.append(literal if count == 1 else f"{literal} * {count}")
    return " + ".join(shown)


def describe_input(example: dict[str, Any]) -> list[str]:
    """Markdown lines showing an example's input."""
    if "document" in example:
        return ["```json", compact_json(example["document"]), "```"]
    if "uwazi" in example:
        lines = ["Uwazi CSV files, read by `civicspace.interop.from_uwazi`:", ""]
        for name, text in example["uwazi"].items():
            shown = _joined(text).encode("latin-1").decode("utf-8", "replace").rstrip("\n")
            lines += [f"`{name}`:", "", "```text", shown, "```", ""]
        return lines
    if "popolo" in example:
        return [
            "A Popolo bundle, read by `civicspace.interop.from_popolo`:",
            "",
            "```json",
            compact_json(example["popolo"]),
            "```",
        ]
    if "csv" in example:
        lines = ["A folder of CSV files, read by `civicspace import FOLDER`:", ""]
        for name, parts in example["csv"].items():
            if isinstance(parts, str):
                shown = parts.encode("latin-1").decode("utf-8", "replace").rstrip("\n")
                lines += [f"`{name}`:", "", "```text", shown, "```", ""]
            else:
                lines += [f"`{name}`: the bytes {_described_parts(parts, as_bytes=True)}", ""]
        return lines
    if "python" in example:
        return ["```python", f"civicspace.validate({example['python']})", "```"]
    if example.get("call") == "load_one":
        return ["```python", f"civicspace.load_one({_joined(example['text'])!r})", "```"]
    if "text" in example and isinstance(example["text"], str):
        return ["```text", example["text"], "```"]
    key = next(key for key in ("text", "bytes", "stream") if key in example)
    parts = example[key]
    if isinstance(parts, str):
        parts = [[parts, 1]]
    expression = _described_parts(parts, as_bytes=key != "text")
    if key == "stream":
        return [
            "```python",
            f"civicspace.validate_records(io.BytesIO({expression}))",
            "```",
        ]
    return ["```python", f"civicspace.validate({expression})", "```"]


#: Titles of the sections of the issue-code page, by the part of a code before its dot.
CODE_GROUPS = {
    "json": "Reading JSON",
    "document": "Telling the record type",
    "schema": "Schema rules",
    "value": "The model's own checks",
    "sheet": "Reading spreadsheets (civicspace import)",
    "popolo": "Reading Popolo bundles (civicspace import --from popolo)",
    "uwazi": "Reading Uwazi CSV files (civicspace import --from uwazi)",
}


def issue_codes_page() -> str:
    """The page listing every issue code with an example that produces it."""
    examples = issue_examples()
    unreachable = unreachable_schema_codes()
    groups: dict[str, list[str]] = {}
    for code in civicspace.ISSUE_CODES:
        groups.setdefault(code.split(".")[0], []).append(code)
    lines = [
        "# Issue codes",
        "",
        "Every code {py:func}`civicspace.validate` reports, from "
        "{py:data}`civicspace.ISSUE_CODES`, with a document that produces it and what "
        "validation says about that document (run when these pages were built). Codes are "
        "stable: once released, a code keeps its meaning and is never reused. The part "
        "before the dot says which step found the problem, or which kind of record a rule "
        "across fields belongs to.",
        "",
    ]
    for prefix, codes in groups.items():
        title = CODE_GROUPS.get(prefix, f"Rules of `{prefix}` objects")
        lines += [f"## {title}", ""]
        for code in codes:
            lines += [f"(issue-{code.replace('.', '-').replace('_', '-')})=", f"### `{code}`", ""]
            lines += [civicspace.ISSUE_CODES[code], ""]
            example = examples.get(code)
            if example is None:
                if code in unreachable:
                    lines += [
                        f"No shipped schema uses the keyword `{unreachable[code]}` yet, so no "
                        "document can produce this code; it is kept for schemas to come.",
                        "",
                    ]
                elif code in WORKBOOK_ONLY_CODES:
                    lines += [
                        "Only a workbook (.xlsx) produces this code, so no text example is "
                        "shown; see the how-to on collecting case reports with a spreadsheet.",
                        "",
                    ]
                else:
                    lines += ["No example yet.", ""]
                continue
            if example.get("note"):
                lines += [example["note"], ""]
            lines += describe_input(example)
            lines += ["", "Validation reports:", "", "```text"]
            found = sheet_issues(example) if "csv" in example else run_example(example)
            lines += [str(issue) for issue in found]
            lines += ["```", ""]
    return "\n".join(lines)


# -- The command line ------------------------------------------------------------------------------


def _help(argv: list[str]) -> str:
    from civicspace._cli import app as _cli

    out = io.StringIO()
    columns = os.environ.get("COLUMNS")
    os.environ["COLUMNS"] = "80"  # the same width on every machine
    try:
        with contextlib.redirect_stdout(out), contextlib.suppress(SystemExit):
            _cli.main(argv)
    finally:
        if columns is None:
            del os.environ["COLUMNS"]
        else:
            os.environ["COLUMNS"] = columns
    return out.getvalue().rstrip()


def cli_page() -> str:
    """The command-line reference: ``civicspace --help`` and each command's help, as printed."""
    from civicspace._cli import app as _cli

    parser = _cli._parser()
    commands = next(
        action.choices
        for action in parser._actions
        if isinstance(action, argparse._SubParsersAction)
    )
    lines = [
        "# Command line",
        "",
        "`pip install civicspace` installs the `civicspace` command. Its help, as it prints:",
        "",
        "```text",
        "$ civicspace --help",
        _help(["--help"]),
        "```",
        "",
    ]
    for command in commands:
        lines += [f"## `civicspace {command}`", "", "```text", f"$ civicspace {command} --help"]
        lines += [_help([command, "--help"]), "```", ""]
    return "\n".join(lines)


# -- Unreleased changes -------------------------------------------------------------------------

CHANGELOG_FRAGMENTS = DOCS.parent / "changelog.d"
#: A changelog fragment's file name: ``<issue>.<type>.md``, or ``<issue>.<type>.<n>.md`` for more
#: than one of a type.
FRAGMENT = re.compile(
    r"(?P<issue>[1-9][0-9]*)\.(?P<type>added|changed|fixed|deprecated)(?:\.[0-9]+)?\.md"
)


def unreleased_page() -> str:
    """The changelog fragments not yet rendered into CHANGELOG.md, by type, as towncrier will."""
    by_type: dict[str, list[str]] = {"added": [], "changed": [], "fixed": [], "deprecated": []}
    fragments = sorted(
        CHANGELOG_FRAGMENTS.glob("*.md"),
        key=lambda path: [int(part) for part in path.name.split(".") if part.isdigit()],
    )
    for path in fragments:
        found = FRAGMENT.fullmatch(path.name)
        if found:
            text = " ".join(path.read_text("utf-8").split())
            by_type[found.group(2)].append(f"- {text} (#{found.group(1)})")
    lines = ["## Unreleased", ""]
    for kind, entries in by_type.items():
        if entries:
            lines += [f"### {kind.title()}", "", *entries, ""]
    if len(lines) == 2:
        lines += ["Nothing yet.", ""]
    return "\n".join(lines)


# -- Writing the pages -----------------------------------------------------------------------------


def generated_pages() -> dict[str, str]:
    """Every generated page: path under ``docs/_generated/`` → Markdown text."""
    pages: dict[str, Callable[[], str]] = {
        "api.md": api_page,
        **{f"api/{name}.md": lambda name=name: module_api_page(name) for name in API_MODULES},
        "strategies.md": strategies_page,
        "datasets.md": datasets_page,
        "tables.md": tables_page,
        "charts.md": charts_page,
        "site.md": site_page,
        "issue-codes.md": issue_codes_page,
        "command-line.md": cli_page,
        "unreleased.inc": unreleased_page,
        "schemas/index.md": schemas_index,
    }
    for name in civicspace.schema_names():
        pages[f"schemas/{name}.md"] = lambda name=name: schema_page(name)  # type: ignore[misc]
    return {path: make() for path, make in pages.items()}


def write_pages(srcdir: Path) -> list[Path]:
    """Write the generated pages under ``srcdir/_generated``; only changed files are touched.

    Pages that are no longer generated (a schema removed, say) are deleted.
    Returns the files written.
    """
    root = srcdir / GENERATED
    pages = generated_pages()
    written = []
    for relative, text in pages.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.exists() or path.read_text("utf-8") != text:
            path.write_text(text, "utf-8")
            written.append(path)
    for stale in (path for path in root.rglob("*") if path.is_file()):
        if stale.relative_to(root).as_posix() not in pages:
            stale.unlink()
    return written


def _on_builder_inited(app: Any) -> None:
    write_pages(Path(app.srcdir))


def publish_attribute_docs() -> int:
    """Let autodoc find the strings written under the attributes of public classes.

    A public class reports its public module (``civicspace.cases``) as its
    module, so autodoc looks for the docstrings of its attributes (enumeration
    members) there, where there are none.  This copies them from the modules
    that define the classes into Sphinx's analyzer of each public module, and
    returns how many it copied.
    """
    from sphinx.pycode import ModuleAnalyzer

    copied = 0
    for public in (civicspace, *(importlib.import_module(f"civicspace.{m}") for m in API_MODULES)):
        analyzer = ModuleAnalyzer.for_module(public.__name__)
        analyzer.analyze()
        for name in public.__all__:
            obj = getattr(public, name)
            home = home_module(name, public)
            if not inspect.isclass(obj) or obj.__module__ != public.__name__ or home is None:
                continue
            for (qualname, attribute), lines in (
                ModuleAnalyzer.for_module(home).find_attr_docs().items()
            ):
                if qualname == name:
                    analyzer.attr_docs.setdefault((qualname, attribute), lines)
                    copied += 1
    return copied


def setup(app: Any) -> dict[str, Any]:
    """Register with Sphinx: write the generated pages before sources are read."""
    app.connect("builder-inited", _on_builder_inited)
    app.connect("builder-inited", lambda _app: publish_attribute_docs())
    return {"version": civicspace.__version__, "parallel_read_safe": True}
