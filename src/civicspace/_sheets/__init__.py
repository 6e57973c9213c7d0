"""Spreadsheets in: templates that partners fill, and workbooks read back into a collection.

Public through :mod:`civicspace.sheets`.  Only this module, :mod:`.codes` and
:mod:`.cli` import without the ``tables`` extra; the others import openpyxl
or pyarrow.
"""
