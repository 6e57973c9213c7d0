r"""civicspace: civic-space monitoring data as typed, validated, immutable objects.

Ratings, cases, sentences, laws and joint statements, as published by the
CIVICUS Monitor and its partners, each with a published JSON Schema
(``civicspace/schemas``), a frozen attrs class and strict conversion between
the two.

>>> import civicspace
>>> record = civicspace.load(
...     {"type": "rating", "country": "KHM", "rating": "repressed", "as_of": "2022-12"}
... )
>>> record.rating
<CivicusRating.REPRESSED: 'repressed'>
>>> for issue in civicspace.validate(
...     '{"type": "rating", "country": "KHM\\n", "rating": "represed", "as_of": "2022"}'
... ):
...     print(issue.path, issue.code)
$.country schema.enum
$.rating schema.enum

The root holds the entry points (:func:`validate`, :func:`load`,
:func:`load_one`, :func:`dump`, ...), the record classes and the main
errors.  Everything else lives in a public module by domain, each an
attribute of this package after ``import civicspace`` and loaded on first
use: :mod:`civicspace.cases`, :mod:`~civicspace.people`,
:mod:`~civicspace.sentences`, :mod:`~civicspace.laws`,
:mod:`~civicspace.ratings`, :mod:`~civicspace.statements`,
:mod:`~civicspace.sessions`, :mod:`~civicspace.elections`,
:mod:`~civicspace.countries`, :mod:`~civicspace.common`,
:mod:`~civicspace.collection`, :mod:`~civicspace.readers`,
:mod:`~civicspace.analysis`, :mod:`~civicspace.errors`,
:mod:`~civicspace.strategies`, :mod:`~civicspace.datasets`,
:mod:`~civicspace.interop` (Popolo and Uwazi), and behind
extras :mod:`~civicspace.tables`, :mod:`~civicspace.sheets`,
:mod:`~civicspace.charts` and :mod:`~civicspace.site`.
"""

from __future__ import annotations

from ._version import __version__

# Not typing.TYPE_CHECKING: importing typing would cost more than the whole package.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from . import analysis as analysis
    from . import cases as cases
    from . import charts as charts
    from . import collection as collection
    from . import common as common
    from . import countries as countries
    from . import datasets as datasets
    from . import elections as elections
    from . import errors as errors
    from . import interop as interop
    from . import laws as laws
    from . import people as people
    from . import ratings as ratings
    from . import readers as readers
    from . import sentences as sentences
    from . import sessions as sessions
    from . import sheets as sheets
    from . import site as site
    from . import statements as statements
    from . import strategies as strategies
    from . import tables as tables
    from ._api import (
        dump,
        load,
        load_one,
        record_types,
        validate,
        validate_records,
        validation_report,
    )
    from ._pipeline.codes import ISSUE_CODES
    from ._pipeline.parse import parse_json
    from ._pipeline.report import RecordReport
    from ._pipeline.schemas import schema, schema_names
    from .cases import Case, Charge, Event
    from .collection import Collection
    from .common import PartialDate, Source
    from .elections import Election
    from .errors import (
        CivicspaceError,
        FieldValueError,
        Issue,
        MissingExtraError,
        ParseError,
        ValidationError,
    )
    from .laws import Law
    from .people import CaseOrganisation, CasePerson, OrganisationRecord, PersonRecord
    from .ratings import CountryRating, RatingScale
    from .sentences import Sentence
    from .sessions import Session
    from .statements import Statement

__all__ = [
    "ISSUE_CODES",
    "Case",
    "CaseOrganisation",
    "CasePerson",
    "Charge",
    "CivicspaceError",
    "Collection",
    "CountryRating",
    "Election",
    "Event",
    "FieldValueError",
    "Issue",
    "Law",
    "MissingExtraError",
    "OrganisationRecord",
    "ParseError",
    "PartialDate",
    "PersonRecord",
    "RatingScale",
    "RecordReport",
    "Sentence",
    "Session",
    "Source",
    "Statement",
    "ValidationError",
    "__version__",
    "dump",
    "load",
    "load_one",
    "parse_json",
    "record_types",
    "schema",
    "schema_names",
    "validate",
    "validate_records",
    "validation_report",
]

#: Where each name of the root is defined; it loads on first use.
_ROOT_NAMES: dict[str, str] = {
    "Case": ".cases",
    "CaseOrganisation": ".people",
    "CasePerson": ".people",
    "Charge": ".cases",
    "CivicspaceError": ".errors",
    "Collection": ".collection",
    "CountryRating": ".ratings",
    "Election": ".elections",
    "Event": ".cases",
    "FieldValueError": ".errors",
    "ISSUE_CODES": "._pipeline.codes",
    "Issue": ".errors",
    "Law": ".laws",
    "MissingExtraError": ".errors",
    "OrganisationRecord": ".people",
    "ParseError": ".errors",
    "PartialDate": ".common",
    "PersonRecord": ".people",
    "RatingScale": ".ratings",
    "RecordReport": "._pipeline.report",
    "Sentence": ".sentences",
    "Session": ".sessions",
    "Source": ".common",
    "Statement": ".statements",
    "ValidationError": ".errors",
    "dump": "._api",
    "load": "._api",
    "load_one": "._api",
    "parse_json": "._pipeline.parse",
    "record_types": "._api",
    "schema": "._pipeline.schemas",
    "schema_names": "._pipeline.schemas",
    "validate": "._api",
    "validate_records": "._api",
    "validation_report": "._api",
}

#: The public modules, attributes of the package after ``import civicspace``.
_SUBMODULES = frozenset(
    {
        "analysis",
        "cases",
        "charts",
        "collection",
        "common",
        "countries",
        "datasets",
        "elections",
        "errors",
        "interop",
        "laws",
        "people",
        "ratings",
        "readers",
        "sentences",
        "sessions",
        "sheets",
        "site",
        "statements",
        "strategies",
        "tables",
    }
)


def __getattr__(name: str) -> object:
    """Load a root name or a public module on first use (PEP 562)."""
    import importlib

    if name in _SUBMODULES:
        return importlib.import_module(f"{__name__}.{name}")
    module = _ROOT_NAMES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module, __name__), name)
    if isinstance(value, type) and value.__module__.startswith(f"{__name__}._"):
        from ._util.public import publish

        publish({name: value}, (name,), __name__)  # a class defined for the root
    globals()[name] = value  # found once: later lookups skip this function
    return value


def __dir__() -> list[str]:
    """The root's names and its public modules."""
    return sorted({*__all__, *_SUBMODULES})
