"""A parsed value takes the path text takes: the same issues, records and reports.

Differential: every record type, valid and mutated at one member, given as a
dict, as ``str`` and as ``bytes``, on the pure path and (where the ``fast``
extra is installed) on the fast path.  Issues are compared with every field,
the structured ones included, through their JSON form.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import civicspace
import civicspace.strategies as cst
from civicspace._pipeline.fast import proven as _fast

from .._edit import changed

KINDS = st.sampled_from(civicspace.record_types())

# Replacements where paths could part: types, regex edges, dates, bounds, near misses
# of enums (suggestions), long values (cut echoes), members the schema does not define.
_REPLACEMENTS: list[Any] = [
    12345,
    -1,
    1.5,
    18.0,
    True,
    None,
    "",
    " ",
    "\x1c",
    "\u2028",
    "abc\n",
    "KHM\n",
    "P18M\n",
    "2020-02-30",
    "12 March 2021",
    "arest",
    "represed",
    "x" * 300,
    [],
    {},
    {"unknown": 1},
    ["not", "an", "object"],
]


def _members(value: Any, steps: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield steps
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _members(item, (*steps, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _members(item, (*steps, index))


def _fast_installed() -> bool:
    try:
        import jsonschema_rs  # noqa: F401
        import orjson  # noqa: F401
    except ImportError:
        return False
    return True


def _reports(data: Any) -> list[Any]:
    return [
        (
            report.index,
            report.line,
            report.record_type,
            report.id,
            [civicspace.dump(i) for i in report.issues],
        )
        for report in civicspace.validate_records(data)
    ]


def _every_form(document: Any) -> dict[str, list[Any]]:
    text = json.dumps(document, ensure_ascii=False)
    found = {}
    for pure in (True, False):
        if not pure and not _fast_installed():
            continue
        _fast.use_pure(pure)
        try:
            for name, data in (("dict", document), ("str", text), ("bytes", text.encode())):
                found[f"{name}, {'pure' if pure else 'fast'}"] = _reports(data)
        finally:
            _fast.use_pure(False)
    return found


def _all_alike(found: dict[str, list[Any]]) -> None:
    first = next(iter(found.values()))
    assert {name: first for name in found} == found


@settings(max_examples=40)
@given(KINDS.flatmap(cst.documents))
def test_a_valid_document_is_valid_in_every_form_on_every_path(document: Any) -> None:
    found = _every_form(document)
    _all_alike(found)
    assert [] == next(iter(found.values()))[0][4]


@settings(max_examples=30)
@given(KINDS.flatmap(cst.documents), st.data(), st.sampled_from(_REPLACEMENTS))
def test_a_mutated_document_gets_the_same_issues_in_every_form_on_every_path(
    document: Any, data: st.DataObject, new: Any
) -> None:
    steps = data.draw(st.sampled_from([s for s in _members(document) if s]))
    _all_alike(_every_form(changed(document, *steps, value=new)))


@settings(max_examples=40)
@given(KINDS.flatmap(cst.documents), st.data())
def test_a_document_without_a_member_gets_the_same_issues_in_every_form(
    document: Any, data: st.DataObject
) -> None:
    members = [s for s in _members(document) if s and isinstance(s[-1], str)]
    steps = data.draw(st.sampled_from(members))
    _all_alike(_every_form(changed(document, *steps, value=...)))


@settings(max_examples=20)
@given(KINDS.flatmap(cst.documents))
def test_load_of_a_dict_is_load_of_its_text(document: Any) -> None:
    text = json.dumps(document, ensure_ascii=False)
    assert civicspace.load(text.encode()) == civicspace.load(document)
    assert civicspace.load_one(text) == civicspace.load_one(document)


@pytest.mark.parametrize("pure", [True, False] if _fast_installed() else [True])
def test_a_parsed_value_is_proven_valid_without_jsonschema(pure: bool, monkeypatch) -> None:
    # The same path as text: a valid record never reaches jsonschema, which only writes issues.
    from civicspace._pipeline import validation as schema_issues

    def refuse(*args: Any) -> Any:
        raise AssertionError("jsonschema ran on a valid record")

    document = {"type": "rating", "country": "KHM", "rating": "repressed", "as_of": "2020"}
    civicspace.validate(document)  # builds the validators first
    monkeypatch.setattr(schema_issues, "validator", refuse)
    _fast.use_pure(pure)
    try:
        assert [] == civicspace.validate(document)
    finally:
        _fast.use_pure(False)
