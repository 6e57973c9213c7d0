"""HURIDOCS micro-thesaurus codes: how the vocabularies point at the Events Standard Formats.

The HURIDOCS Events Standard Formats (1993, revised 2001) classify "who did
what to whom" with micro-thesauri whose terms have 12-digit codes:
``030101000000`` in list 04, Types of Acts, is an arrest.  The vocabularies
of civicspace carry the code a kind corresponds to where one truly does (an
event kind's ``huridocs_act`` in ``data/event_kinds.json``, a custody kind's
in ``data/custody_kinds.json``), so records can be matched with systems
that use the formats.  Only the codes are shipped: the term texts are
HURIDOCS' own, and our descriptions are ours.
"""

from __future__ import annotations

import re

from ..errors import CivicspaceError

__all__ = ["HURIDOCS_CODE_DIGITS", "read_huridocs_code"]

#: How many digits a HURIDOCS micro-thesaurus code has.
HURIDOCS_CODE_DIGITS = 12

_CODE = re.compile(rf"[0-9]{{{HURIDOCS_CODE_DIGITS}}}")


def read_huridocs_code(value: object, where: str) -> str | None:
    """A HURIDOCS code read from a vocabulary data file, checked to be 12 digits.

    Args:
        value: The value the file gives; ``None`` when it gives none.
        where: What gives it, for the error (``"event kind 'arrest'"``).

    Returns:
        The code, or ``None`` when the file gives none.

    Raises:
        CivicspaceError: when the value is not a string of 12 digits.

    """
    if value is None:
        return None
    if not isinstance(value, str) or _CODE.fullmatch(value) is None:
        raise CivicspaceError(
            f"{where}: a HURIDOCS code is a string of {HURIDOCS_CODE_DIGITS} digits,"
            f" not {str(value)[:40]!r}"
        )
    return value
