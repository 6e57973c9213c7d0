"""Questions over many records: across cases and statements, consistency, summaries.

Also the values derived from a reading.  Public through :mod:`civicspace.analysis`.
"""
