"""The model: frozen attrs classes of every record type and pure functions over them.

No I/O and no (un)structuring here; nothing in this package imports from
another civicspace subpackage.
"""
