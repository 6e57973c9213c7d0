"""Model-like classes civicspace has never seen, for the generated fast paths.

The fast structure and dump paths generate their functions from a class's
fields, so a new class or field needs nothing of them; these classes prove it.
``tags`` is required and declared after optional fields, to test the key
order the converter gives (required members before optional ones).
"""

from __future__ import annotations

import attrs
from hypothesis import strategies as st

from civicspace import strategies as cst
from civicspace.common import PartialDate


@attrs.frozen(kw_only=True)
class Inner:
    name: str
    count: int | None = None


@attrs.frozen(kw_only=True)
class Outer:
    inners: tuple[Inner, ...] = ()
    first: Inner | None = None
    on: PartialDate | None = None
    tags: tuple[str, ...]


def outers() -> st.SearchStrategy[Outer]:
    inners = st.builds(Inner, name=st.text(), count=st.none() | st.integers())
    return st.builds(
        Outer,
        inners=st.lists(inners).map(tuple),
        first=st.none() | inners,
        on=st.none() | cst.partial_dates(),
        tags=st.lists(st.text()).map(tuple),
    )
