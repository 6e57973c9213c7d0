"""Readers of published prose: terms, amounts, rating phrases, citations, signatory lists."""
