"""Readers of published prose: terms, amounts, rating phrases, citations, signatory lists."""

from .amounts import parse_money
from .citations import parse_citation
from .members import MemberList, UnreadMember, parse_members
from .ratings import parse_rating_phrase
from .signatories import parse_signatories
from .terms import StatedTerm, parse_term

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
