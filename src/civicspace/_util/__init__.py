"""Small tools every layer may use.

Lazy regular expressions, per-run memos, publishing names, the check for a
missing extra, walking type hints.
"""
