"""HURIDOCS codes on the event and custody vocabularies, checked against the micro-thesauri.

The codes lists are vendored (codes only, no term texts) in
``tests/data/huridocs/codes.json``; its README says where they come from.
"""

# The project asserts `expected == actual`, which ruff calls a Yoda condition.

from __future__ import annotations

import json
import pathlib
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from civicspace._model.custody import CustodyKind, custody_kind_codes
from civicspace._model.events import event_kinds
from civicspace._model.huridocs import HURIDOCS_CODE_DIGITS, read_huridocs_code
from civicspace.errors import CivicspaceError

_CODES = json.loads(
    (pathlib.Path(__file__).parent.parent / "data" / "huridocs" / "codes.json").read_text("utf-8")
)
TYPES_OF_ACTS = frozenset(_CODES["04"])
TYPES_OF_DETENTION = frozenset(_CODES["29"])


def test_the_vendored_lists_are_whole() -> None:
    # FIELD.md: "04 Types of Acts (532 terms, five levels ...)"; list 29 has 9 rows in mt_vocab.
    assert (532, 9) == (len(TYPES_OF_ACTS), len(TYPES_OF_DETENTION))


def test_every_event_kind_code_is_a_types_of_acts_code() -> None:
    shipped = {kind.name: kind.huridocs_act for kind in event_kinds().values()}
    coded = {name: code for name, code in shipped.items() if code is not None}
    assert {} == {name: code for name, code in coded.items() if code not in TYPES_OF_ACTS}
    assert all(re.fullmatch(r"[0-9]{12}", code) for code in coded.values())


def test_every_custody_kind_code_is_a_types_of_acts_code() -> None:
    codes = custody_kind_codes()
    assert {} == {kind: code for kind, code in codes.items() if code not in TYPES_OF_ACTS}
    assert all(re.fullmatch(r"[0-9]{12}", code) for code in codes.values())
    assert all(isinstance(kind, CustodyKind) for kind in codes)


def test_examples() -> None:
    # mysql-dbpopulate-mt.sql, list 04: ('03010100000004', '030101000000', ...) and
    # ('03010500000004', '030105000000', ...), the terms for an arrest and a house arrest.
    assert "030101000000" == event_kinds()["arrest"].huridocs_act
    assert "030105000000" == custody_kind_codes()[CustodyKind.HOUSE_ARREST]
    # A court's verdict is no act in the formats' sense: no code is forced on it.
    assert event_kinds()["conviction"].huridocs_act is None


def test_an_event_kind_named_like_a_custody_kind_carries_its_code() -> None:
    codes = custody_kind_codes()
    shared = [kind for kind in CustodyKind if kind.value in event_kinds()]
    assert [kind for kind in CustodyKind if kind is not CustodyKind.IMPRISONMENT] == shared
    assert [codes.get(kind) for kind in shared] == [
        event_kinds()[kind.value].huridocs_act for kind in shared
    ]


@given(st.from_regex(rf"[0-9]{{{HURIDOCS_CODE_DIGITS}}}", fullmatch=True))
def test_twelve_digits_read_as_themselves(code: str) -> None:
    assert code == read_huridocs_code(code, "test")


@given(
    st.one_of(
        st.text(max_size=30).filter(lambda text: re.fullmatch(r"[0-9]{12}", text) is None),
        st.integers(),
        st.lists(st.text(max_size=3), max_size=2),
    )
)
def test_anything_else_is_refused(value: object) -> None:
    with pytest.raises(CivicspaceError):
        read_huridocs_code(value, "test")
