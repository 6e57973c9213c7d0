"""Small tools every layer may use: lazy regular expressions, per-run memos, deprecation."""
