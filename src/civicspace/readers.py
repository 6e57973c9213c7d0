"""Readers of published prose: the phrases courts and monitors print, as model values.

Terms, amounts, rating phrases, article citations, signatory and member
lists.  Each reader refuses what it cannot read with
:class:`~civicspace.errors.ParseError`.
"""

from ._readers.amounts import parse_money
from ._readers.citations import parse_citation
from ._readers.members import MemberList, UnreadMember, parse_members
from ._readers.penalties import StatedPenalty, parse_penalty
from ._readers.ratings import parse_rating_phrase
from ._readers.signatories import parse_signatories
from ._readers.terms import StatedTerm, parse_term
from ._util.public import publish as _publish

__all__ = [
    "MemberList",
    "StatedPenalty",
    "StatedTerm",
    "UnreadMember",
    "parse_citation",
    "parse_members",
    "parse_money",
    "parse_penalty",
    "parse_rating_phrase",
    "parse_signatories",
    "parse_term",
]

_publish(globals(), __all__, __name__)
