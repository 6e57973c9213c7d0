"""Tables out: a collection as tidy, analysis-ready Apache Arrow tables.

Needs the ``tables`` extra (``pip install 'civicspace[tables]'``: pyarrow,
and openpyxl for Excel); without it, importing this module raises
:class:`~civicspace.errors.MissingExtraError` saying so in one line.

>>> import civicspace.tables
>>> from civicspace import datasets
>>> found = civicspace.tables.tables(datasets.load("cambodia"))
>>> found["sentences"].num_rows
11
>>> found["case_people"].select(["case_id", "person_id", "status"]).slice(0, 1).to_pylist()
[{'case_id': 'mother-nature-2020', 'person_id': 'thun-ratha', 'status': 'convicted'}]

One row per thing, with keys that join them: ``case_id`` joins everything a
case holds, ``law_id`` the laws, ``statement_id`` the statements, and every
row's ``path`` is where it stands in the collection document (sources name
the ``owner_path`` they belong to).  :data:`LAYOUT` lists every table and
column with its Arrow type and meaning; the docs' table reference is
generated from it.
"""

from __future__ import annotations

from ._tables import require

require()

from civicspace.collection import Collection  # noqa: E402

from ._tables.build import Tables, build_tables  # noqa: E402
from ._tables.layout import LAYOUT, Column, TableLayout, table_layout  # noqa: E402
from ._tables.write import FORMATS, write, write_csv, write_parquet, write_xlsx  # noqa: E402
from ._util.public import publish as _publish  # noqa: E402

__all__ = [
    "FORMATS",
    "LAYOUT",
    "Column",
    "TableLayout",
    "Tables",
    "table_layout",
    "tables",
    "write",
    "write_csv",
    "write_parquet",
    "write_xlsx",
]


def tables(collection: Collection) -> Tables:
    """The collection as tables: a read-only mapping, table name → ``pyarrow.Table``.

    Every table of :data:`LAYOUT` is there, in its order, empty when the
    collection holds nothing for it; each has the layout's fixed schema
    (dates as ``date32``, money as ``decimal128(38, 4)``, enumerations as
    dictionary strings) and ``to_pandas()`` works on each.  Derived columns
    (a person's status, days of pre-trial detention, the rating in force,
    conflicting accounts) come from civicspace's own functions.  Accounts of
    one ruling that disagree stay separate rows of ``sentences``, marked
    ``conflicting``.

    Raises:
        civicspace.errors.TablesError: when an amount has more than four decimal places or
            34 digits, so that no column holds it exactly.
        CivicspaceError: when ``collection`` is not a :class:`~civicspace.Collection`.

    """
    return build_tables(collection)


_publish(globals(), __all__, __name__)
