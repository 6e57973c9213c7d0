"""Readers of published prose: the phrases courts and monitors print, as model values.

Terms, amounts, rating phrases, article citations, signatory and member
lists.  Each reader refuses what it cannot read with
:class:`~civicspace.errors.ParseError`.
"""

from ._readers.citations import parse_citation
from ._readers.members import MemberList, UnreadMember, parse_members
from ._readers.prose import StatedTerm, parse_money, parse_rating_phrase, parse_term
from ._readers.signatories import parse_signatories
from ._util.public import publish as _publish

__all__ = [
    "MemberList",
    "StatedTerm",
    "UnreadMember",
    "parse_citation",
    "parse_members",
    "parse_money",
    "parse_rating_phrase",
    "parse_signatories",
    "parse_term",
]

_publish(globals(), __all__, __name__)
