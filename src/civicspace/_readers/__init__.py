"""Readers of published prose: terms, amounts, rating phrases, citations, signatory lists."""

from .citations import parse_citation
from .members import MemberList, UnreadMember, parse_members
from .prose import StatedTerm, parse_money, parse_rating_phrase, parse_term
from .signatories import parse_signatories

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
