"""The fast structuring path (``_pipeline/fast/structure.py``) against the strict converter.

The fast path builds objects from records the schema has proven valid,
leaving out the converter's checks of JSON types and members.  It must give
the very objects the strict converter gives, and for a record the model
refuses (a check the schema does not express), the very same issues.
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
from civicspace._model.common import PartialDate
from civicspace._model.records import RECORD_TYPES
from civicspace._pipeline.convert import converter
from civicspace._pipeline.fast import structure as _fast_structure
from civicspace._pipeline.fast.structure import builder, structure_proven
from civicspace._pipeline.structure import structure_record
from civicspace._pipeline.validation import schema_issues

from .._edit import changed
from .._unseen import Inner, Outer, outers

KINDS = st.sampled_from(civicspace.record_types())


def _as_parsed(document: Any) -> Any:
    """The document as a JSON parser gives it back."""
    return json.loads(json.dumps(document, ensure_ascii=False))


def _members(value: Any, steps: tuple[Any, ...] = ()) -> Iterator[tuple[tuple[Any, ...], Any]]:
    yield steps, value
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _members(item, (*steps, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _members(item, (*steps, index))


# Values where the model may refuse what the schema accepts: newlines at the end of a
# pattern-checked string (Python's $), impossible calendar dates, reversed bounds, whole floats.
_REPLACEMENTS: list[Any] = [
    "abc\n",
    "P18M\n",
    "KHM\n",
    "https://example.org\n",
    "2021-02-30",
    "2021-13",
    "2020-02-29",
    "P0D",
    "P99Y",
    " ",
    "x",
    18.0,
    0,
    -1,
    True,
    None,
    [],
    {},
]


@st.composite
def mutated_documents(draw: st.DrawFn) -> tuple[str, Any]:
    """A valid document with one member replaced by another of its values, a near miss, or gone."""
    kind = draw(KINDS)
    document = draw(cst.documents(kind))
    members = [(steps, value) for steps, value in _members(document) if steps]
    steps, _ = draw(st.sampled_from(members))
    others = [value for _, value in members]
    new = draw(st.sampled_from([*_REPLACEMENTS, *others, ...]))
    if new is ... and isinstance(steps[-1], int):
        new = []
    return kind, _as_parsed(changed(document, *steps, value=new))


def _strict(kind: str, value: Any) -> tuple[Any, list[Any]]:
    return structure_record(RECORD_TYPES[kind], value)


@given(KINDS.flatmap(lambda kind: st.tuples(st.just(kind), cst.documents(kind))))
def test_a_valid_document_builds_the_object_the_strict_converter_builds(
    drawn: tuple[str, Any],
) -> None:
    kind, document = drawn
    document = _as_parsed(document)
    expected = converter.structure(document, RECORD_TYPES[kind])
    assert (expected, []) == structure_proven(RECORD_TYPES[kind], document)
    assert expected == builder(RECORD_TYPES[kind])(document)


@given(KINDS.flatmap(cst.records))
def test_a_record_loads_back_equal_through_the_fast_path(record: Any) -> None:
    text = json.dumps(civicspace.dump(record), ensure_ascii=False).encode()
    assert record == civicspace.load(text)


@given(mutated_documents())
def test_a_schema_valid_document_gets_the_strict_result_whatever_the_model_says(
    drawn: tuple[str, Any],
) -> None:
    kind, document = drawn
    if schema_issues(kind, document):
        return  # the fast path is only ever given what the schema passed
    expected = _strict(kind, document)
    assert expected == structure_proven(RECORD_TYPES[kind], document)
    try:
        built = builder(RECORD_TYPES[kind])(document)
    except Exception:
        return  # refused: the strict converter writes the issues
    # What the fast builder accepts, the strict converter accepts as the same object.
    assert expected == (built, [])


@given(mutated_documents(), st.booleans())
def test_validate_and_load_report_the_same_issues_with_and_without_the_fast_path(
    drawn: tuple[str, Any], compact: bool
) -> None:
    _, document = drawn
    separators = (",", ":") if compact else (", ", ": ")
    text = json.dumps(document, ensure_ascii=False, separators=separators).encode()
    fast = civicspace.validate(text)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(
            _fast_structure,
            "structure_proven",
            lambda cls, value, **_: structure_record(cls, value),
        )
        strict = civicspace.validate(text)
    assert strict == fast


# -- Examples: what the schema cannot say is still refused, with the strict path and code --------

# "sentenced by the Phnom Penh Municipal Court to jail for 18 to 20 months"
CASE = {
    "type": "case",
    "id": "mother-nature-2021",
    "country": "KHM",
    "title": "Mother Nature Cambodia activists sentenced",
    "people": [{"id": "thun-ratha", "name": "Thun Ratha"}],
    "sentences": [
        {"person": "thun-ratha", "term": {"minimum": "P18M", "maximum": "P20M"}},
    ],
}


def _paths_and_codes(document: Any) -> list[tuple[str, str]]:
    text = json.dumps(document).encode()
    return [(issue.path, issue.code) for issue in civicspace.validate(text)]


def test_the_example_case_loads_through_the_fast_path() -> None:
    expected = converter.structure(CASE, RECORD_TYPES["case"])
    assert expected == civicspace.load(json.dumps(CASE).encode())


def test_a_range_whose_minimum_is_above_its_maximum_is_still_refused() -> None:
    reversed_range = {"minimum": "P20M", "maximum": "P18M"}
    document = changed(CASE, "sentences", 0, "term", value=reversed_range)
    assert [] == schema_issues("case", document)  # the schema cannot say it
    expected = [("$.sentences[0].term.maximum", "value.invalid")]
    assert expected == _paths_and_codes(document)


@pytest.mark.parametrize("date", ["2021-02-30", "2021-13", "2021-04-31"])
def test_a_date_that_is_not_in_the_calendar_is_still_refused(date: str) -> None:
    document = changed(CASE, "sentences", 0, "imposed_on", value=date)
    # A parsed value (not text) takes the strict path.
    expected = [(issue.path, issue.code) for issue in civicspace.validate(document)]
    assert ["$.sentences[0].imposed_on"] == [path for path, _ in expected]
    assert expected == _paths_and_codes(document)


def test_an_id_ending_in_a_newline_is_still_refused() -> None:
    # Python's $ matches before a final newline, so the schema's pattern lets it through.
    document = changed(CASE, "id", value="mother-nature-2021\n")
    assert [("$.id", "value.invalid")] == _paths_and_codes(document)


def test_a_whole_number_written_as_a_float_is_a_whole_number() -> None:
    assert 2021 == builder(PartialDate)("2021").year
    built = builder(int)(18.0)
    assert (18, int) == (built, type(built))


# -- Builders are derived from the fields: a new class or field needs nothing -------------------


@given(outers())
def test_a_class_the_fast_path_has_never_seen_builds_from_its_fields(outer: Outer) -> None:
    assert outer == builder(Outer)(converter.unstructure(outer))


def test_infinity_read_from_1e400_is_refused_as_the_strict_converter_refuses_it() -> None:
    assert float("inf") == json.loads("1e400")  # what a JSON parser gives the fast path
    with pytest.raises(TypeError):
        builder(float)(json.loads("1e400"))
    assert 25.0 == builder(float)(25.0)


def test_a_member_the_class_lacks_gets_the_strict_issue_even_past_the_schema() -> None:
    document = changed(CASE, "people", 0, "alias", value="So Metta")
    assert _strict("case", document) == structure_proven(RECORD_TYPES["case"], document)
    with pytest.raises(KeyError):
        builder(RECORD_TYPES["case"])(document)


def test_a_traceback_through_a_generated_function_shows_its_source() -> None:
    import traceback

    with pytest.raises(KeyError) as raised:
        builder(civicspace.Case)({"type": "case", "id": "a"})
    frames = traceback.extract_tb(raised.value.__traceback__)
    generated = [frame for frame in frames if frame.filename.startswith("<civicspace generated")]
    assert ["build_Case"] == [frame.name for frame in generated]
    assert "value['country']" in (generated[0].line or "")


@pytest.mark.parametrize(
    ("hint", "expected"),
    [
        (civicspace.Case, True),
        (civicspace.sentences.Money, True),
        (civicspace.Source, True),
        (civicspace.sentences.TermRange, True),
        (PartialDate, False),
        (civicspace.sentences.Term, False),
        (civicspace.sentences.Life, False),
        (str, False),
        (tuple[civicspace.CasePerson, ...], False),
    ],
)
def test_the_classes_built_field_by_field_are_those_the_converter_serves_so(
    hint: Any, expected: bool
) -> None:
    assert expected == _fast_structure.is_generic_attrs_class(hint)


def test_a_class_the_converter_has_never_seen_is_served_field_by_field() -> None:
    assert [True, True] == [_fast_structure.is_generic_attrs_class(cls) for cls in (Outer, Inner)]


def test_a_source_cited_twice_in_a_record_is_one_object_equal_to_the_strict_one() -> None:
    source = {"url": "https://example.org/a", "title": "A", "date": "2021-05"}
    document = {
        "type": "case",
        "id": "twice",
        "country": "KHM",
        "title": "Cited twice",
        "people": [{"id": "a", "name": "A", "sources": [source]}],
        "sources": [dict(source), {"url": "https://example.org/b"}],
    }
    built, issues = structure_proven(civicspace.Case, _as_parsed(document))
    assert ([], converter.structure(document, civicspace.Case)) == (issues, built)
    assert built.sources[0] is built.people[0].sources[0]
    assert {} == _fast_structure._SHARED


def test_a_member_refused_once_in_a_record_is_refused_everywhere_in_it() -> None:
    # A URL ending in a newline: jsonschema's $ matches before it, the model refuses it.
    bad = {"url": "https://example.org/a\n", "title": "B"}
    document = {
        "type": "case",
        "id": "twice",
        "country": "KHM",
        "title": "Cited twice",
        "sources": [{"url": "https://example.org/a", "title": "A"}, bad, dict(bad)],
    }
    assert structure_record(civicspace.Case, _as_parsed(document)) == structure_proven(
        civicspace.Case, _as_parsed(document)
    )


def test_with_attrs_validators_off_the_fast_path_builds_what_the_class_builds() -> None:
    import attrs

    document = {"type": "case", "id": "abc\n", "country": "KHM", "title": " "}
    with attrs.validators.disabled():
        expected = converter.structure(document, civicspace.Case)
        assert expected == builder(civicspace.Case)(_as_parsed(document))
    with pytest.raises(civicspace.FieldValueError):
        builder(civicspace.Case)(_as_parsed(document))


def test_a_class_that_does_more_in_its_init_is_called_not_built_slot_by_slot() -> None:
    import attrs

    @attrs.frozen(kw_only=True)
    class Noted:
        name: str = attrs.field(validator=attrs.validators.min_len(1))
        shout: str = attrs.field(init=False)

        def __attrs_post_init__(self) -> None:
            object.__setattr__(self, "shout", self.name.upper())

    @attrs.frozen(kw_only=True, cache_hash=True)
    class Hashed:
        name: str

    assert "A" == builder(Noted)({"name": "a"}).shout
    assert hash(Hashed(name="a")) == hash(builder(Hashed)({"name": "a"}))
    assert (None, None) == (
        _fast_structure._slot_setters(Noted),
        _fast_structure._slot_setters(Hashed),
    )
    with pytest.raises(ValueError):
        builder(Noted)({"name": ""})


def test_an_object_built_with_validators_off_is_never_shared_into_a_checked_record() -> None:
    import attrs

    source = {"url": "https://example.org/a\n", "title": "B"}  # the model refuses the URL
    with attrs.validators.disabled():
        builder(civicspace.Source)(dict(source))
    document = {"type": "case", "id": "a", "country": "KHM", "title": "T", "sources": [source]}
    assert structure_record(civicspace.Case, _as_parsed(document)) == structure_proven(
        civicspace.Case, _as_parsed(document)
    )
    assert None is structure_proven(civicspace.Case, _as_parsed(document))[0]
