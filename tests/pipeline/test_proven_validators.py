"""Schema-held validators: those the fast path leaves out are ones the schema holds.

The fast structuring path (:mod:`civicspace._pipeline.fast.structure`) runs each attrs
validator of an object it builds except those :func:`schema_held` names: a validator
that checks one value against one definition of ``common.json``.  That is sound only if,
wherever such a validator stands, the schema's member is that definition (or an array of
it), and the validator refuses nothing the definition accepts, on every engine that may
pass a record on to structuring (jsonschema, the compiled schemas, jsonschema-rs).
"""

from __future__ import annotations

import typing
from collections.abc import Iterator, Mapping
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from civicspace._model import limits as _limits
from civicspace._model.common import check_country, check_id, check_text, check_url
from civicspace._model.records import RECORD_TYPES
from civicspace._pipeline.fast import proven as _proven
from civicspace._pipeline.fast.structure import schema_held, unheld_validator
from civicspace.errors import FieldValueError

COMMON = _limits._schema_file("common.json")


HELD = schema_held(rust=True)  # every validator held on some path: those by any engine too


def _held_parts(validator: Any) -> list[Any]:
    """The parts of a field's validator that :func:`schema_held` names."""
    parts = getattr(validator, "_validators", None) or (validator,)
    found = []
    for part in parts:
        inner = getattr(part, "validator", part)
        if inner in HELD:
            found.append(inner)
    return found


def _places(
    cls: type[Any], schema: Mapping[str, Any], file: str, seen: set[tuple[Any, ...]]
) -> Iterator[tuple[type[Any], str, Any, Mapping[str, Any]]]:
    """Each field with a held validator, at every place its class stands, and its member's schema.

    For a field holding a tuple, the schema of the array's items.
    """
    schema, file = _limits._resolve(schema, file)
    key = (cls, id(schema))
    if key in seen or not isinstance(schema.get("properties"), Mapping):
        return
    seen.add(key)
    hints = typing.get_type_hints(cls)
    for field in attrs.fields(cls):
        member = schema["properties"].get(field.name)
        if member is None:
            continue
        resolved, member_file = _limits._resolve(member, file)
        items = resolved.get("items")
        for part in _held_parts(field.validator):
            if typing.get_origin(hints[field.name]) is tuple:
                yield cls, field.name, part, _limits._resolve(items, member_file)[0]
            else:
                yield cls, field.name, part, resolved
        for inner in _limits._model_classes_in(hints[field.name]):
            if isinstance(items, Mapping):
                yield from _places(inner, items, member_file, seen)
            else:
                yield from _places(inner, member, file, seen)


def _every_place() -> list[tuple[type[Any], str, Any, Mapping[str, Any]]]:
    seen: set[tuple[Any, ...]] = set()
    return [
        place
        for name, cls in RECORD_TYPES.items()
        for place in _places(cls, _limits._schema_file(f"{name}.json"), f"{name}.json", seen)
    ]


PLACES = _every_place()


def test_the_held_validators_stand_somewhere() -> None:
    assert set(HELD) == {part for _, _, part, _ in PLACES}
    assert set(schema_held()) < set(HELD)


@pytest.mark.parametrize("place", PLACES, ids=lambda place: f"{place[0].__qualname__}.{place[1]}")
def test_wherever_a_held_validator_stands_its_member_is_its_definition(
    place: tuple[type[Any], str, Any, Mapping[str, Any]],
) -> None:
    _, _, part, member = place
    assert COMMON["$defs"][HELD[part]] is member


def _rust(definition: Mapping[str, Any]) -> Any:
    """``is_valid`` of jsonschema-rs on ``definition``, as the fast path runs it."""
    jsonschema_rs = pytest.importorskip("jsonschema_rs")
    found = jsonschema_rs.validator_for(_proven._for_rust(definition), validate_formats=True)
    return found.is_valid


def _engines(definition: Mapping[str, Any]) -> list[Any]:
    """``is_valid`` of each engine that may pass a record on to structuring."""
    from jsonschema import Draft202012Validator

    engines = [
        Draft202012Validator(definition).is_valid,
        _proven._Compiler().schema(definition, COMMON["$id"]),
    ]
    try:
        return [*engines, _rust(definition)]
    except pytest.skip.Exception:
        return engines


def _refuses(validator: Any, value: Any) -> bool:
    field = attrs.fields(_Holder).value
    try:
        validator(None, field, value)
    except FieldValueError:
        return True
    return False


@attrs.frozen
class _Holder:
    value: Any


# Python's str.isspace() and re's \s: U+001C to U+001F, U+0085, the Unicode spaces.
SPACES = " \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2028\u2029\u202f\u205f\u3000\ufeff"


@given(st.text(alphabet=st.sampled_from(SPACES + "a\u200b")) | st.text())
def test_check_text_refuses_nothing_the_text_definition_accepts(value: str) -> None:
    if _refuses(check_text, value):
        assert [False] * len(_engines(COMMON["$defs"]["text"])) == [
            check(value) for check in _engines(COMMON["$defs"]["text"])
        ]


def test_check_country_refuses_no_code_the_country_definition_accepts() -> None:
    accepted = COMMON["$defs"]["country"]["enum"]
    assert [] == [code for code in accepted if _refuses(check_country, code)]


@pytest.mark.parametrize(
    ("validator", "value", "definition"),
    [(check_id, "an-id\n", "id"), (check_url, "https://example.org\n", "url")],
)
def test_ids_and_urls_are_held_only_by_rust_python_lets_dollar_match_before_a_newline(
    validator: Any, value: str, definition: str
) -> None:
    # Why check_id and check_url run unless jsonschema-rs proved the record: jsonschema
    # accepts what they refuse, and jsonschema-rs refuses it.
    from jsonschema import Draft202012Validator

    assert (validator in schema_held(), validator in schema_held(rust=True)) == (False, True)
    assert (True, True, False) == (
        _refuses(validator, value),
        Draft202012Validator(COMMON["$defs"][definition]).is_valid(value),
        _rust(COMMON["$defs"][definition])(value),
    )


ID_LIKE = "abcxyz0189._:/-\n\r \tA\u0130\u212a"  # the id's letters, and near misses


@given(
    st.from_regex(COMMON["$defs"]["id"]["pattern"])
    | st.text(alphabet=st.sampled_from(ID_LIKE), max_size=12)
    | st.text(alphabet="ab", min_size=195, max_size=205)
)
def test_check_id_refuses_nothing_the_id_definition_accepts_in_jsonschema_rs(value: str) -> None:
    from civicspace._model.people import check_ids

    if _refuses(check_id, value):
        assert False is _rust(COMMON["$defs"]["id"])(value)
    assert _refuses(check_id, value) == _refuses(check_ids, (value,))


URL_LIKE = "htps:/.aexmplorg?#\n\r \t\x1c\x85\u3000"


@given(
    st.from_regex(COMMON["$defs"]["url"]["pattern"])
    | st.builds(
        str.__add__, st.sampled_from(["http://", "https://", "ftp://", ""]), st.text(URL_LIKE)
    )
)
def test_check_url_refuses_nothing_the_url_definition_accepts_in_jsonschema_rs(value: str) -> None:
    if _refuses(check_url, value):
        assert False is _rust(COMMON["$defs"]["url"])(value)


def test_a_validator_loses_only_its_held_parts() -> None:
    both = attrs.validators.and_(check_text, check_id)
    assert (None, None, check_id, check_id, None) == (
        unheld_validator(check_text),
        unheld_validator(attrs.validators.optional(check_country)),
        unheld_validator(check_id),
        unheld_validator(both),
        unheld_validator(both, rust=True),
    )
