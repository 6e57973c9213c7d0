"""``validate``, ``load`` and ``dump`` against the strict path, on mutated records.

The fast structuring path builds a whole record in one generated function
(:mod:`civicspace._pipeline.fast.structure`), and ``dump`` writes it in one
(:mod:`civicspace._pipeline.fast.dump`).  These tests hold them to the old
path, step by step as ``validate`` ran before them: the strict parser, the
schema through jsonschema, the strict cattrs converter, then every rule.
Records are the Cambodia dataset's cases, the cases of ``examples/world`` and
drawn records of every type, each mutated in one to three places in ways the
schema mostly lets through (values moved from elsewhere in the record, items
repeated, swapped or dropped, members dropped, edge values such as a text of
U+001C or 30 February), so that the model's checks and the rules decide.
Each runs in the pure build and with the ``fast`` extra.

CI draws a few dozen records per test; ``CIVICSPACE_DIFFERENTIAL_EXAMPLES``
asks for more (the figure reported for the change was run so).
"""

from __future__ import annotations

import copy
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

import civicspace
import civicspace.strategies as cst
from civicspace._model.records import RECORD_TYPES
from civicspace._pipeline.convert import converter
from civicspace._pipeline.fast import proven as _fast
from civicspace._pipeline.fast.dump import unstructure
from civicspace._pipeline.parse import parse_json
from civicspace._pipeline.structure import structure_record
from civicspace._pipeline.validation import schema_issues
from civicspace._rules.engine import check_record
from civicspace.errors import Issue, ValidationError

EXAMPLES = int(os.environ.get("CIVICSPACE_DIFFERENTIAL_EXAMPLES", "25"))
WORLD = Path(__file__).resolve().parents[2] / "examples" / "world"

BOTH = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.function_scoped_fixture,
    ],
)


def _shipped() -> list[Any]:
    cases = list(json.loads(civicspace.datasets.document("cambodia"))["cases"])
    for path in sorted(WORLD.glob("*.json")):
        document = json.loads(path.read_text("utf-8"))
        cases.extend(document["cases"] if document.get("type") == "collection" else [document])
    return cases


SHIPPED = _shipped()

# Values the schema lets through at many members where the model or the rules may not:
# Python's str.strip() counts U+001C to U+001F as space, the schema's \S does not; a
# day that does not exist; terms and years at their edges.
_EDGES = ["\x1c", "\x1f\x1e", "a\x1c", "2020-02-30", "2021-02-29", "2019", "P0D", "P99Y", 0, 1]


def _slots(value: Any, steps: tuple[Any, ...] = ()) -> Iterator[tuple[tuple[Any, ...], Any]]:
    yield steps, value
    if isinstance(value, dict):
        for key, item in value.items():
            if key != "type":
                yield from _slots(item, (*steps, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _slots(item, (*steps, index))


def _at(document: Any, steps: tuple[Any, ...]) -> Any:
    for step in steps:
        document = document[step]
    return document


@st.composite
def _mutated(draw: st.DrawFn, document: Any) -> Any:
    """``document`` changed in one to three places, each drawn among the ways below.

    A member's value replaced by that of a member of the same name elsewhere, or by an
    edge value of its JSON type; two members of one object exchanged (a start and an end);
    an item of an array repeated, swapped with another or dropped; a member dropped.
    """
    document = copy.deepcopy(document)
    for _ in range(draw(st.integers(1, 3))):
        slots = list(_slots(document))
        scalars = [(steps, value) for steps, value in slots if steps and not _container(value)]
        lists = [(steps, value) for steps, value in slots if isinstance(value, list) and value]
        members = [steps for steps, _ in slots if steps and isinstance(steps[-1], str)]
        pairs = [
            (value, a, b)
            for _, value in slots
            if isinstance(value, dict)
            for a in value
            for b in value
            if a < b and "type" not in (a, b) and type(value[a]) is type(value[b])
        ]
        ways = ["move", "move", "edge", "exchange", "repeat", "swap", "drop_item", "drop_member"]
        how = draw(st.sampled_from(ways))
        if how == "exchange" and pairs:  # two members of one object, of one JSON type, swapped
            value, a, b = draw(st.sampled_from(pairs))
            value[a], value[b] = value[b], value[a]
        elif how in ("move", "edge") and scalars:
            steps, old = draw(st.sampled_from(scalars))
            if how == "move":  # the value of a member of the same name elsewhere in the record
                name = _member_name(steps)
                same = [value for at, value in scalars if _member_name(at) == name]
                new = draw(st.sampled_from(same))
            else:  # an edge value of the same JSON type
                new = draw(st.sampled_from([v for v in _EDGES if type(v) is type(old)] or _EDGES))
            _at(document, steps[:-1])[steps[-1]] = new
        elif how in ("repeat", "swap", "drop_item") and lists:
            steps, items = draw(st.sampled_from(lists))
            index = draw(st.integers(0, len(items) - 1))
            if how == "repeat":
                items.insert(draw(st.integers(0, len(items))), copy.deepcopy(items[index]))
            elif how == "swap":
                other = draw(st.integers(0, len(items) - 1))
                items[index], items[other] = items[other], items[index]
            else:
                del items[index]
        elif members:
            steps = draw(st.sampled_from(members))
            del _at(document, steps[:-1])[steps[-1]]
    return document


def _member_name(steps: tuple[Any, ...]) -> Any:
    """The name of the member a value stands at (an item of an array: the array's)."""
    return next((step for step in reversed(steps) if isinstance(step, str)), None)


def _container(value: Any) -> bool:
    return isinstance(value, dict | list)


def _strict(text: bytes) -> list[Issue]:
    """The issues of ``text`` on the old path: strict parser, jsonschema, cattrs, the rules."""
    try:
        value = parse_json(text)
    except ValidationError as error:
        return list(error.issues)
    kind = value.get("type") if isinstance(value, dict) else None
    if kind not in RECORD_TYPES:
        return civicspace.validate(text)  # not a record: no structuring to compare
    issues = schema_issues(kind, value)
    if issues:
        return issues
    record, issues = structure_record(RECORD_TYPES[kind], value)
    if issues:
        return issues
    return check_record(record)


def _triples(issues: list[Issue]) -> list[tuple[str, str, str]]:
    return [(issue.path, issue.code, issue.message) for issue in issues]


@pytest.fixture(params=["pure", "fast"])
def build(request: pytest.FixtureRequest) -> Iterator[str]:
    before = _fast._pure
    if request.param == "fast":
        pytest.importorskip("jsonschema_rs")
        pytest.importorskip("orjson")
    _fast.use_pure(request.param == "pure")
    yield request.param
    _fast.use_pure(before)


def _agrees(document: Any) -> list[tuple[str, str, str]]:
    text = json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode()
    expected = _triples(_strict(text))
    actual = _triples(civicspace.validate(text))
    assert expected == actual
    if not expected:  # loaded as the strict converter builds it; dumped as it writes it
        record = civicspace.load(text)
        assert structure_record(type(record), json.loads(text)) == (record, [])
        assert converter.unstructure(record) == unstructure(record)
    return expected


def _count(issues: list[tuple[str, str, str]]) -> None:
    """Hypothesis's statistics: how many records were refused, and at which step."""
    event("refused" if issues else "accepted")
    steps = {code.partition(".")[0] for _, code, _ in issues}
    for step in sorted(steps):
        event(f"refused: {'the schema' if step == 'schema' else step}")


@BOTH
@given(st.sampled_from(SHIPPED).flatmap(_mutated))
def test_mutated_shipped_cases_get_the_old_paths_issues(build: str, document: Any) -> None:
    _count(_agrees(document))


@BOTH
@given(
    st.sampled_from(civicspace.record_types())
    .flatmap(cst.documents)
    .flatmap(lambda document: st.one_of(st.just(document), _mutated(document)))
)
def test_mutated_drawn_records_get_the_old_paths_issues(build: str, document: Any) -> None:
    _count(_agrees(document))


def test_every_shipped_case_passes_on_both_paths(build: str) -> None:
    assert [[]] * len(SHIPPED) == [_agrees(document) for document in SHIPPED]


@pytest.mark.parametrize("text", ["\x1c", "a\x1c"])
def test_a_text_python_counts_as_space_is_refused_as_the_strict_path_refuses_it(
    build: str, text: str
) -> None:
    # The dataset's first case, its title only this text: the schema's \S accepts U+001C,
    # the model's check_text (str.strip) refuses a title of nothing else.
    document = copy.deepcopy(SHIPPED[0])
    document["title"] = text
    raw = json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode()
    assert _triples(_strict(raw)) == _triples(civicspace.validate(raw))
