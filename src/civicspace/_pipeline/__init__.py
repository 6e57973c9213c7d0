"""The data flow from bytes to model objects and back.

documents (tell a document from JSON Lines) -> parse (strict JSON) ->
schemas and validation (schema issues with paths and codes) -> convert and
structure (values to model objects) -> dump; fast holds the generated
functions and the optional accelerators; codes lists every issue code.
"""

import importlib
from typing import TYPE_CHECKING, Any

from .codes import ISSUE_CODES, register_code
from .documents import MAX_RECORD_BYTES, RecordText, is_json_lines, read_records, split_json_lines
from .fast import verdict
from .parse import parse_json
from .report import RecordReport, ReportBuilder, Summary, record_json
from .resources import dataset_files, example_files, rating_scales
from .schemas import UnknownSchemaError, schema, schema_names
from .validation import schema_issues

if TYPE_CHECKING:
    from .fast.dump import unstructure
    from .fast.structure import structure_proven
    from .structure import structure_record

# Structuring and dumping need cattrs, which ``import civicspace`` does without:
# these load on first use.
_LAZY = {
    "structure_proven": ".fast.structure",
    "structure_record": ".structure",
    "unstructure": ".fast.dump",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value  # found once: later lookups skip this function
    return value


__all__ = [
    "ISSUE_CODES",
    "MAX_RECORD_BYTES",
    "RecordReport",
    "RecordText",
    "ReportBuilder",
    "Summary",
    "UnknownSchemaError",
    "dataset_files",
    "example_files",
    "is_json_lines",
    "parse_json",
    "rating_scales",
    "read_records",
    "record_json",
    "register_code",
    "schema",
    "schema_issues",
    "schema_names",
    "split_json_lines",
    "structure_proven",
    "structure_record",
    "unstructure",
    "verdict",
]
