"""Interop with other tools of the field: Popolo bundles, Uwazi CSV files.

This package re-exports nothing: :mod:`civicspace.interop` is its public face.
"""
