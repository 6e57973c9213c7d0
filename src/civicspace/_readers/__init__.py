"""Readers of published prose, one per module.

Terms, amounts, rating phrases, citations, signatory and member lists.  Public
through :mod:`civicspace.readers`.
"""
