"""The fast path (the ``fast`` extra) against the pure path: same verdicts, same issues.

The differential tests run only where jsonschema-rs and orjson are
installed; each runs the same JSON text through both paths, switching with
:func:`civicspace._pipeline.fast.proven.use_pure`.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import civicspace
import civicspace.strategies as cst
from civicspace._pipeline.fast import proven as _fast
from civicspace._pipeline.json_paths import child_path
from civicspace._pipeline.schemas import SCHEMA_BASE


@pytest.fixture
def restore_path() -> Iterator[None]:
    before = _fast._pure
    yield
    _fast.use_pure(before)


def _both_paths(text: bytes) -> tuple[list[Any], list[Any]]:
    _fast.use_pure(False)
    try:
        fast = civicspace.validate(text)
        _fast.use_pure(True)
        pure = civicspace.validate(text)
    finally:
        _fast.use_pure(False)
    return pure, fast


def _members(value: Any, path: str = "$", steps: tuple[Any, ...] = ()) -> Iterator[Any]:
    yield path, steps, value
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _members(item, child_path(path, key), (*steps, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _members(item, child_path(path, index), (*steps, index))


# Replacements chosen where the two validators could part: types, regex edges (Python's
# \s counts \x1c-\x1f as space, its $ matches before a final newline), dates, bounds.
_REPLACEMENTS = [
    12345,
    -1,
    1.5,
    True,
    None,
    "",
    " ",
    "\x1c",
    "\x1f\x1e",
    "\u0085",
    "\u3000",
    "abc\n",
    "P18M\n",
    "2020-02-30",
    "2020-13-01",
    "0000",
    "x" * 201,
    [],
    {},
    ["not", "an", "object"],
]


def _replaced(document: Any, steps: tuple[Any, ...], new: Any) -> Any:
    copy = json.loads(json.dumps(document))
    if not steps:
        return new
    target = copy
    for step in steps[:-1]:
        target = target[step]
    target[steps[-1]] = new
    return copy


def test_use_pure_turns_the_fast_path_off(restore_path: None) -> None:
    _fast.use_pure(True)
    assert (False, None) == (_fast.active(), _fast.parse(b'{"a": 1}'))


def test_the_fast_path_is_on_exactly_when_the_extra_is_installed(restore_path: None) -> None:
    _fast.use_pure(False)
    try:
        import jsonschema_rs  # noqa: F401
        import orjson  # noqa: F401
    except ImportError:
        installed = False
    else:
        installed = True
    assert installed == _fast.active()


@given(st.sampled_from(civicspace.record_types()).flatmap(cst.documents))
def test_valid_documents_pass_on_both_paths(document: Any) -> None:
    pytest.importorskip("jsonschema_rs")
    text = json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode()
    assert ([], []) == _both_paths(text)


@given(
    st.sampled_from(civicspace.record_types()).flatmap(cst.documents),
    st.data(),
    st.sampled_from(_REPLACEMENTS),
    st.booleans(),
)
def test_a_document_mutated_at_one_member_gets_the_same_issues_on_both_paths(
    document: Any, data: st.DataObject, new: Any, compact: bool
) -> None:
    pytest.importorskip("jsonschema_rs")
    members = [steps for _, steps, _ in _members(document)]
    steps = data.draw(st.sampled_from(members))
    mutated = _replaced(document, steps, new)
    separators = (",", ":") if compact else (", ", ": ")
    text = json.dumps(mutated, ensure_ascii=False, separators=separators).encode()
    pure, fast = _both_paths(text)
    assert pure == fast


@pytest.mark.parametrize(
    "text",
    [
        b'{"type":"rating","type":"rating"}',
        b'{"type":"rating","country":NaN}',
        b'\xef\xbb\xbf{"type":"rating"}',
        b'{"type":"rating","year":123456789012345678901234567890}',
        b'{"type":"rating","country":"\\ud800"}',
        b'{"type":"rating","country":"KHM"',
        b'{"type" :"rating","type":"rating"}',
    ],
)
def test_text_the_strict_parser_refuses_gets_the_same_issues_on_both_paths(text: bytes) -> None:
    pytest.importorskip("jsonschema_rs")
    pure, fast = _both_paths(text)
    assert pure == fast


@given(st.sampled_from(civicspace.record_types()).flatmap(cst.documents), st.booleans())
def test_fast_parse_reads_the_value_the_strict_parser_reads_or_declines(
    document: Any, compact: bool
) -> None:
    pytest.importorskip("orjson")
    from civicspace._pipeline.parse import parse_json

    separators = (",", ":") if compact else (", ", ": ")
    text = json.dumps(document, ensure_ascii=False, separators=separators).encode()
    found = _fast.parse(text)
    assert found is None or parse_json(text) == found


# -- The compiled schemas (pure Python, always on) against jsonschema ----------------------------


def _compiled_agrees(kind: str, value: Any) -> None:
    from civicspace._pipeline.validation import schema_issues

    assert (schema_issues(kind, value) == []) == _fast.proven_valid_pure(kind, value)


@given(st.sampled_from(civicspace.record_types()).flatmap(cst.documents))
def test_the_compiled_schemas_pass_every_valid_document(document: Any) -> None:
    assert _fast.proven_valid_pure(document["type"], document)


@given(
    st.sampled_from(civicspace.record_types()).flatmap(cst.documents),
    st.data(),
    st.sampled_from(_REPLACEMENTS),
)
def test_the_compiled_schemas_agree_with_jsonschema_on_mutated_documents(
    document: Any, data: st.DataObject, new: Any
) -> None:
    members = [steps for _, steps, _ in _members(document) if steps]
    steps = data.draw(st.sampled_from(members))
    _compiled_agrees(document["type"], _replaced(document, steps, new))


@given(
    st.sampled_from(civicspace.record_types()).flatmap(cst.documents),
    st.data(),
)
def test_the_compiled_schemas_agree_with_jsonschema_without_a_member(
    document: Any, data: st.DataObject
) -> None:
    members = [steps for _, steps, _ in _members(document) if steps and isinstance(steps[-1], str)]
    if not members:
        return
    steps = data.draw(st.sampled_from(members))
    mutated = json.loads(json.dumps(document))
    target = mutated
    for step in steps[:-1]:
        target = target[step]
    del target[steps[-1]]
    _compiled_agrees(document["type"], mutated)


def test_a_schema_with_a_keyword_the_compiler_lacks_is_left_to_jsonschema() -> None:
    with pytest.raises(_fast._Unsupported):
        _fast._Compiler().schema({"uniqueItems": True}, SCHEMA_BASE)
