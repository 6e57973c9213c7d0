"""The schemas' limits, held by the model: what the constructors accept dumps valid.

For every record type, drawn objects are pushed to each limit the schemas
state (string lengths, item counts, number bounds) and one step past it: at
the limit the object builds and its document passes the schemas; past it the
constructor refuses with a FieldValueError naming the field.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

import civicspace
from civicspace import strategies
from civicspace._model.limits import Limit, limits_of
from civicspace._model.records import RECORD_TYPES
from civicspace._pipeline.validation import schema_issues

Path = tuple[tuple[str, int | None], ...]


def objects_in(obj: Any, path: Path = ()) -> Iterator[tuple[Path, Any]]:
    """Every attrs object inside ``obj`` (itself first), with the path that reaches it."""
    yield path, obj
    for field in attrs.fields(type(obj)):
        value = getattr(obj, field.name)
        if isinstance(value, tuple):
            for index, item in enumerate(value):
                if attrs.has(type(item)):
                    yield from objects_in(item, (*path, (field.name, index)))
        elif attrs.has(type(value)):
            yield from objects_in(value, (*path, (field.name, None)))


def replaced(root: Any, path: Path, new: Any) -> Any:
    """``root`` with the object at ``path`` replaced by ``new``."""
    if not path:
        return new
    (name, index), rest = path[0], path[1:]
    value = getattr(root, name)
    if index is None:
        return attrs.evolve(root, **{name: replaced(value, rest, new)})
    items = list(value)
    items[index] = replaced(items[index], rest, new)
    return attrs.evolve(root, **{name: tuple(items)})


def at_and_past(limit: Limit, value: Any) -> tuple[Any, Any] | None:
    """A value at the limit (``None`` where none can be made safely) and one past it."""
    keyword, bound = limit.keyword, limit.value
    if keyword in ("maxLength", "minLength") and isinstance(value, str):
        past = "x" * (bound + 1) if keyword == "maxLength" else "x" * (bound - 1)
        at = "x" * bound if keyword == "maxLength" and bound > len(value) else None
        return at, past
    if keyword == "minItems" and not limit.required:
        return None  # an empty optional array is an absent member, which the schema allows
    if keyword in ("maxItems", "minItems") and isinstance(value, tuple) and value:
        if keyword == "maxItems":
            return value + (value[-1],) * (bound - len(value)), value + (value[-1],) * (
                bound + 1 - len(value)
            )
        return None, value[: bound - 1]
    if keyword in ("minimum", "maximum") and type(value) in (int, float):
        step = -1 if keyword == "minimum" else 1
        return type(value)(bound), type(value)(bound + step)
    return None


def schema_codes(record: Any) -> list[tuple[str, str]]:
    kind = civicspace.dump(record)["type"]
    return [(issue.path, issue.code) for issue in schema_issues(kind, civicspace.dump(record))]


def test_every_record_type_has_limits_from_its_schema() -> None:
    expected = set(RECORD_TYPES)
    actual = {kind for kind, cls in RECORD_TYPES.items() if limits_of(cls)}
    assert expected == actual


def test_the_limits_are_read_from_the_schemas() -> None:
    # election.json: "title": common.json#/$defs/text (maxLength 20000); "sources": maxItems 50.
    limits = set(limits_of(civicspace.Election))
    assert Limit("title", "maxLength", 20000, required=True) in limits
    assert Limit("sources", "maxItems", 50) in limits


def test_an_election_past_its_limits_is_refused_at_construction() -> None:
    from civicspace import datasets

    election = datasets.load("cambodia").elections[0]
    with pytest.raises(civicspace.FieldValueError, match="at most 20,000") as raised:
        attrs.evolve(election, title="x" * 20_001)
    assert "title" == raised.value.field
    with pytest.raises(civicspace.FieldValueError, match="at most 50") as raised:
        attrs.evolve(election, sources=(election.sources[0],) * 51)
    assert "sources" == raised.value.field


@settings(
    max_examples=60,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
)
@given(kind=st.sampled_from(sorted(RECORD_TYPES)), data=st.data())
def test_at_every_limit_the_record_dumps_valid_and_past_it_is_refused(kind, data) -> None:
    record = data.draw(strategies.records(kind))
    reachable = [
        (path, obj, limit)
        for path, obj in objects_in(record)
        for limit in limits_of(type(obj))
        if at_and_past(limit, getattr(obj, limit.field)) is not None
    ]
    if not reachable:
        return
    path, obj, limit = data.draw(st.sampled_from(reachable))
    at, past = at_and_past(limit, getattr(obj, limit.field))
    with pytest.raises(civicspace.FieldValueError) as raised:
        attrs.evolve(obj, **{limit.field: past})
    assert limit.field == raised.value.field
    if at is not None:
        try:
            changed = attrs.evolve(obj, **{limit.field: at})
        except civicspace.FieldValueError:
            return  # the model's own rule for this field (a pattern, say) refuses the filler
        assert [] == schema_codes(replaced(record, path, changed))
