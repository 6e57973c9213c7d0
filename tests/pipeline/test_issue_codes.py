"""An issue's code does not depend on ``kind=``: a body that is no object is one code.

Whatever the kind, ``document.not_object``.  The probe's reproduction: an
array body gave ``schema.type`` with ``kind="case"`` and
``document.not_object`` without.
"""

# The project asserts `expected == actual`, which ruff calls a Yoda condition.

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import civicspace

NOT_OBJECTS = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4),
    max_leaves=8,
)


def _codes(body: Any, kind: str | None) -> list[str]:
    return [issue.code for issue in civicspace.validate(body, record_type=kind)]


def test_an_array_body_gets_the_same_code_with_and_without_kind() -> None:
    body = b'[{"type": "case", "id": "kong-raiya-2019"}]'
    assert ["document.not_object"] == _codes(body, "case") == _codes(body, None)


@pytest.mark.parametrize("kind", civicspace.record_types())
@given(value=NOT_OBJECTS)
def test_a_body_that_is_no_object_is_one_code_whatever_the_kind(kind: str, value: Any) -> None:
    text = json.dumps(value)
    assert ["document.not_object"] == _codes(text, kind) == _codes(text, None)


@pytest.mark.parametrize("kind", civicspace.record_types())
@given(value=NOT_OBJECTS.filter(lambda value: not isinstance(value, str)))
def test_a_parsed_value_that_is_no_object_is_the_same_code(kind: str, value: Any) -> None:
    # (A str given to validate is JSON text, read above.)
    assert ["document.not_object"] == _codes(value, kind) == _codes(value, None)
