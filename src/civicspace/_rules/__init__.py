"""Rules across fields: the step after structuring.

:mod:`.engine` runs the rules registered for each class of a record, and
every object inside it; each other module holds the rules of one record type
(or of the objects that type embeds), registered with :func:`.engine.check`
under an issue code and its meaning.  :mod:`.references` says what each
record type refers to, for the collection's rules.
"""

from . import (
    cases,
    collection,
    derived,
    elections,
    laws,
    ratings,
    scales,
    sessions,
    statements,
)
from .engine import check, check_record, checks_of, rule_codes
from .references import Reference, references

__all__ = [
    "Reference",
    "cases",
    "check",
    "check_record",
    "checks_of",
    "collection",
    "derived",
    "elections",
    "laws",
    "ratings",
    "references",
    "rule_codes",
    "scales",
    "sessions",
    "statements",
]
