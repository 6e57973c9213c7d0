"""Schema-proven construction: the limit checks the fast path skips are the schema's own.

The fast path builds objects from a value its schema has proved, with the ``__init__`` attrs
wrote (:func:`civicspace._model.limits.unchecked_init`), leaving out the generated limit checks.
That is sound only if every check left out is one the schema holds wherever an object of the
class can stand: these tests prove it, per class, from the schemas and on drawn documents, and
that the verdicts and issues stay those of the strict converter.
"""

from __future__ import annotations

import copy
import json
import typing
from collections.abc import Iterator, Mapping
from typing import Any

import attrs
import pytest
from hypothesis import event, given
from hypothesis import strategies as st

import civicspace
import civicspace.strategies as cst
from civicspace._model import limits as _limits
from civicspace._model.limits import Limit, limits_of, unchecked_init
from civicspace._model.records import RECORD_TYPES
from civicspace._pipeline.fast.proven import proven_valid
from civicspace._pipeline.fast.structure import structure_proven
from civicspace._pipeline.structure import structure_record

KINDS = st.sampled_from(civicspace.record_types())
LIMITED = sorted(_limits._all_limits(), key=lambda cls: cls.__qualname__)


def _places(
    cls: type[Any], schema: Mapping[str, Any], file: str, seen: set[tuple[Any, ...]]
) -> Iterator[tuple[type[Any], set[Limit]]]:
    """Every place ``cls`` stands in the schemas, with the limits the schema states there."""
    schema, file = _limits._resolve(schema, file)
    key = (cls, id(schema))
    if key in seen or not isinstance(schema.get("properties"), Mapping):
        return
    seen.add(key)
    properties, required = schema["properties"], set(schema.get("required", ()))
    hints = typing.get_type_hints(cls)
    stated: set[Limit] = set()
    for field in attrs.fields(cls):
        member = properties.get(field.name)
        if member is None:
            continue
        found, member_file = _limits._constraints(member, file)
        for keyword, value in found.items():
            stated.add(Limit(field.name, keyword, value, required=field.name in required))
        resolved, _ = _limits._resolve(member, file)
        items = resolved.get("items")
        inner_schema, inner_file = (
            (items, member_file)
            if isinstance(items, Mapping)
            else (
                member,
                file,
            )
        )
        if isinstance(items, Mapping):
            for keyword, value in _limits._constraints(items, member_file)[0].items():
                stated.add(Limit(field.name, keyword, value, items=True))
        for inner in _limits._model_classes_in(hints[field.name]):
            yield from _places(inner, inner_schema, inner_file, seen)
    yield cls, stated


def _every_place() -> list[tuple[type[Any], set[Limit]]]:
    seen: set[tuple[Any, ...]] = set()
    return [
        place
        for name, cls in RECORD_TYPES.items()
        for place in _places(cls, _limits._schema_file(f"{name}.json"), f"{name}.json", seen)
    ]


@pytest.mark.parametrize("cls", LIMITED, ids=lambda cls: cls.__qualname__)
def test_every_check_left_out_is_one_the_schema_states_wherever_the_class_stands(
    cls: type[Any],
) -> None:
    places = [stated for where, stated in _every_place() if where is cls]
    assert places, "the class stands somewhere in the schemas"
    assert [set(limits_of(cls))] * len(places) == places


@pytest.mark.parametrize("cls", LIMITED, ids=lambda cls: cls.__qualname__)
def test_the_fast_path_builds_the_class_without_its_limit_checks(cls: type[Any]) -> None:
    init = unchecked_init(cls)
    assert init is not None
    assert init.__code__.co_filename.startswith("<attrs generated")


def _objects(obj: Any, value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, Any]]:
    """Each model object of a loaded record, with the path of its JSON value."""
    if attrs.has(type(obj)) and isinstance(value, dict):
        yield obj, path
        for field in attrs.fields(type(obj)):
            if field.name in value:
                yield from _objects(
                    getattr(obj, field.name), value[field.name], (*path, field.name)
                )
    elif isinstance(obj, tuple) and isinstance(value, list):
        for index, (item, inner) in enumerate(zip(obj, value, strict=False)):
            yield from _objects(item, inner, (*path, index))


def _broken(value: Any, limit: Limit) -> Any:
    """A value breaking ``limit`` that keeps the rest of ``value`` as it was."""
    keyword, bound = limit.keyword, limit.value
    if keyword == "maxLength":
        return value + value[-1:] * (int(bound) + 1 - len(value)) if value else "x" * (bound + 1)
    if keyword == "minLength":
        return ""
    if keyword == "maxItems":
        return [value[0]] * (int(bound) + 1)
    if keyword == "minItems":
        return []
    if keyword == "minimum":
        return bound - 1
    return bound + 1  # maximum


@given(KINDS.flatmap(lambda kind: st.tuples(st.just(kind), cst.documents(kind))))
def test_a_document_breaking_a_check_left_out_is_refused_by_the_schema(
    drawn: tuple[str, Any],
) -> None:
    kind, document = drawn
    value = json.loads(json.dumps(document))
    record, issues = structure_record(RECORD_TYPES[kind], value)
    assert [] == issues
    for obj, path in _objects(record, value):
        for limit in limits_of(type(obj)):
            holder = value
            for step in path:
                holder = holder[step]
            member = holder.get(limit.field)
            if member is None or (limit.items and not member):
                continue
            mutated = copy.deepcopy(value)
            target = mutated
            for step in path:
                target = target[step]
            if limit.items:
                target[limit.field][0] = _broken(member[0], limit)
            else:
                target[limit.field] = _broken(member, limit)
            event(f"{type(obj).__name__}.{limit.field} {limit.keyword}")
            assert False is proven_valid(kind, mutated)


@given(KINDS.flatmap(lambda kind: st.tuples(st.just(kind), cst.documents(kind))))
def test_a_proven_document_builds_what_the_checked_constructors_build(
    drawn: tuple[str, Any],
) -> None:
    kind, document = drawn
    value = json.loads(json.dumps(document))
    assert proven_valid(kind, value)
    assert structure_record(RECORD_TYPES[kind], value) == structure_proven(
        RECORD_TYPES[kind], value
    )
