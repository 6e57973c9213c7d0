"""Hostile input: values JSON cannot hold, quadratic paths, unbounded echoes, odd text.

Bad data never raises: every test here gets issues back, never an exception,
in time linear in the input and with what the issues repeat of the input
bounded.  Each runs on the pure path and, where the ``fast`` extra is
installed, on the fast path too.
"""

from __future__ import annotations

import datetime
import decimal
import enum
import gc
import io
import json
import math
import time
import tracemalloc
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import civicspace
from civicspace._pipeline.fast import proven as _fast

RATING = {"type": "rating", "country": "KHM", "rating": "repressed", "as_of": "2020"}
PERSON = {"type": "person", "id": "kong-raiya", "name": "Kong Raiya"}


def _installed() -> bool:
    try:
        import jsonschema_rs  # noqa: F401
        import orjson  # noqa: F401
    except ImportError:
        return False
    return True


@pytest.fixture(params=["pure", "fast"] if _installed() else ["pure"])
def path(request: pytest.FixtureRequest) -> Iterator[str]:
    before = _fast._pure
    _fast.use_pure(request.param == "pure")
    yield request.param
    _fast.use_pure(before)


#: Run on the pure path and, where the ``fast`` extra is installed, on the fast path.
both_paths = pytest.mark.usefixtures("path")


def found(data: Any) -> list[tuple[str, str]]:
    return [(issue.path, issue.code) for issue in civicspace.validate(data)]


# -- Values JSON cannot hold -----------------------------------------------------------------------


class Colour(enum.Enum):
    RED = "red"


def _cycle() -> list[Any]:
    items: list[Any] = []
    items.append(items)
    return items


@both_paths
@pytest.mark.parametrize(
    ("value", "code", "words"),
    [
        (datetime.date(2020, 2, 1), "json.not_json", "a date; write it as the string '2020-02-01'"),
        (datetime.datetime(2020, 2, 1, 9, 30), "json.not_json", "'2020-02-01'"),
        ({"a", "b"}, "json.not_json", "a set"),
        (frozenset(), "json.not_json", "a set"),
        (b"2020", "json.not_json", "bytes"),
        (bytearray(b"2020"), "json.not_json", "bytes"),
        (decimal.Decimal("1.5"), "json.not_json", "'1.5'"),
        (decimal.Decimal("NaN"), "json.not_json", "Decimal that is not a number"),
        (object(), "json.not_json", "an object of type object"),
        (("2020",), "json.not_json", "a tuple; write it as a list"),
        (Colour.RED, "json.not_json", "an enum member"),
        (10**5000, "json.number_too_long", "more than 4300 digits"),
        (float("nan"), "json.non_finite_number", "NaN is not a JSON number"),
        (float("-inf"), "json.non_finite_number", "-Infinity is not a JSON number"),
        ("20\ud80020", "json.lone_surrogate", "lone UTF-16 surrogate"),
    ],
    ids=lambda value: type(value).__name__ if not isinstance(value, str) else None,
)
def test_a_value_json_cannot_hold_is_an_issue_at_its_path(value: Any, code: str, words: str):
    issues = civicspace.validate(dict(RATING, as_of=value))
    assert [("$.as_of", code)] == [(issue.path, issue.code) for issue in issues]
    assert words in issues[0].message


@both_paths
def test_a_date_from_a_yaml_loader_gets_the_string_it_stands_for_as_a_suggestion():
    (issue,) = civicspace.validate(dict(RATING, as_of=datetime.date(2020, 2, 1)))
    assert "2020-02-01" == issue.suggestion


@both_paths
def test_a_list_that_holds_itself_is_an_issue_where_it_does():
    assert [("$.sources[0]", "json.cycle")] == found(dict(PERSON, sources=_cycle()))


@both_paths
def test_a_value_shared_by_two_members_is_json_and_valid():
    source = {"title": "Cambodia: Civic space", "publisher": "CIVICUS"}
    assert [] == civicspace.validate(dict(PERSON, sources=[source, source]))


@both_paths
@pytest.mark.parametrize(
    ("key", "shown"), [(None, "None (null)"), (1, "1 (an int)"), (("a",), "a tuple")]
)
def test_a_key_that_is_not_a_string_is_an_issue_on_its_object(key: Any, shown: str):
    issues = civicspace.validate({**RATING, key: "x"})
    assert [("$", "json.key_not_string")] == [(issue.path, issue.code) for issue in issues]
    assert shown in issues[0].message


@both_paths
def test_an_int_key_never_prints_as_an_array_index():
    issues = civicspace.validate({"type": "rating", 1: {"a": 2}})
    assert all("[1]" not in issue.path for issue in issues)


@both_paths
def test_subclasses_of_json_types_read_as_those_types():
    class Name(str):
        pass

    class Flag(enum.StrEnum):
        REPRESSED = "repressed"

    value = dict(RATING, country=Name("KHM"), rating=Flag.REPRESSED)
    assert [] == civicspace.validate(value)
    assert civicspace.load(RATING) == civicspace.load(value)


@both_paths
def test_nesting_deeper_than_any_record_is_an_issue_not_a_recursion_error():
    deep: Any = "x"
    for _ in range(100_000):
        deep = [deep]
    assert [("$", "json.too_deep")] == found(dict(PERSON, sources=deep))


@both_paths
def test_a_value_whose_shared_parts_unfold_past_the_limit_is_refused_quickly():
    grown: Any = "x"
    for _ in range(200):  # 2**200 strings once unfolded; 200 lists as Python objects
        grown = [grown, grown]
    started = time.perf_counter()
    assert [("$", "json.record_too_large")] == found(dict(PERSON, sources=grown))
    assert time.perf_counter() - started < 5


_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(),
    st.text(alphabet=st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF), max_size=2),
    st.dates(),
    st.datetimes(),
    st.decimals(allow_nan=True),
    st.binary(max_size=4),
    st.builds(object),
    st.sampled_from([Colour.RED, frozenset({1})]),
    st.builds(lambda: 10**5000),  # built, not sampled: Hypothesis cannot print it
    st.sets(st.integers(), max_size=3),
)
_KEYS = st.one_of(
    st.text(max_size=8), st.integers(), st.none(), st.tuples(st.integers()), st.booleans()
)
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(_KEYS, inner, max_size=4),
        st.tuples(inner, inner),
    ),
    max_leaves=20,
)


@both_paths
@settings(max_examples=60)
@given(_VALUES, st.sampled_from([RATING, PERSON, {}]))
def test_any_value_gets_issues_and_never_an_exception(value: Any, record: dict[str, Any]):
    for data in (value, {**record, "sources": value}, {**record, "as_of": value}):
        issues = civicspace.validate(data)
        assert all(isinstance(issue, civicspace.Issue) for issue in issues)
        reports = list(civicspace.validate_records(data))
        assert issues == [issue for report in reports for issue in report.issues]


# -- Time linear in the input ----------------------------------------------------------------------


def _best_time(run: Callable[[], Any], repeat: int = 3) -> float:
    best = math.inf
    gc.disable()  # the collector's passes grow with the heap, not with the work measured
    try:
        for _ in range(repeat):
            started = time.perf_counter()
            run()
            best = min(best, time.perf_counter() - started)
    finally:
        gc.enable()
    return best


def _grows_linearly(make: Callable[[int], Any], small: int, check: Callable[[Any], Any]) -> None:
    """Eight times the input costs far less than 64 times the time (quadratic would).

    Timed on one path: the fast path changes how a valid record is proven
    valid, never how issues are written, where the quadratic paths were.
    """
    little, large = make(small), make(8 * small)
    check(little)  # warm: validators built, caches filled
    ratio = _best_time(lambda: check(large)) / _best_time(lambda: check(little), repeat=7)
    assert ratio < 24, ratio


def _unknown_members(n: int) -> dict[str, Any]:
    return {**RATING, **{f"k{i}": i for i in range(n)}}


def test_unknown_members_cost_linear_time_as_text():
    _grows_linearly(lambda n: json.dumps(_unknown_members(n)), 1500, civicspace.validate)


def test_unknown_members_cost_linear_time_as_a_parsed_value():
    _grows_linearly(_unknown_members, 1500, civicspace.validate)


def test_many_bad_items_cost_linear_time():
    def make(n: int) -> dict[str, Any]:
        return dict(PERSON, sources=[{"title": "", "x": i} for i in range(n)])

    _grows_linearly(make, 100, civicspace.validate)


def test_many_values_json_cannot_hold_cost_linear_time():
    def make(n: int) -> dict[str, Any]:
        return dict(PERSON, sources=[{datetime.date(2020, 1, 1), i} for i in range(n)])

    _grows_linearly(make, 5000, civicspace.validate)


def test_many_json_lines_cost_linear_time():
    def make(n: int) -> str:
        return "\n".join(json.dumps({"type": "bogus", "n": i}) for i in range(n))

    _grows_linearly(make, 500, civicspace.validate)


# -- Bounded echoes --------------------------------------------------------------------------------


@both_paths
def test_a_huge_type_is_echoed_cut_with_its_length():
    (issue,) = civicspace.validate({"type": "x" * 5_000_000})
    assert len(issue.message) < 500
    assert "(5000000 characters)" in issue.message


@both_paths
@pytest.mark.parametrize("key", ["k" * 5_000_000, "a key " * 1_000_000])
def test_a_huge_unknown_key_is_cut_in_the_path_and_the_message(key: str):
    started = time.perf_counter()
    issues = civicspace.validate(json.dumps({**RATING, key: 1}))
    assert time.perf_counter() - started < 5
    (issue,) = issues
    assert (True, True) == (len(issue.path) < 200, len(issue.message) < 1000)
    assert issue.path.endswith("…']") and f"({len(key)} characters)" in issue.message


@both_paths
def test_a_huge_value_is_cut_in_every_issue():
    text = json.dumps(dict(RATING, rating="r" * 1_000_000, country="c" * 1_000_000))
    for issue in civicspace.validate(text):
        assert len(str(issue)) < 1000
        assert issue.value is None or len(issue.value) < 200


@both_paths
def test_a_huge_id_is_cut_in_the_record_report():
    (report,) = civicspace.validate_records(json.dumps(dict(PERSON, id="a" * 1_000_000)))
    assert report.id is not None and len(report.id) < 200


# -- Text: JSON Lines, surrogates, encodings -------------------------------------------------------


@both_paths
def test_json_lines_split_only_at_newlines_as_str_and_as_bytes():
    lines = [
        json.dumps(dict(PERSON, name="Kong\u2028Raiya"), ensure_ascii=False),
        json.dumps(dict(PERSON, name="Kong\u0085Raiya", extra=1), ensure_ascii=False),
        "",
        json.dumps(dict(PERSON, name="K\u2029", extra=2), ensure_ascii=False),
    ]
    text = "\n".join(lines)
    as_str = [(i.line, i.path, i.code) for i in civicspace.validate(text)]
    as_bytes = [(i.line, i.path, i.code) for i in civicspace.validate(text.encode())]
    stream = civicspace.validate_records(io.BytesIO(text.encode()))
    as_stream = [(i.line, i.path, i.code) for r in stream for i in r.issues]
    expected = [
        (2, "$.extra", "schema.additional_properties"),
        (4, "$.extra", "schema.additional_properties"),
    ]
    assert [expected] * 3 == [as_str, as_bytes, as_stream]


@both_paths
def test_a_raw_lone_surrogate_in_str_is_refused_as_its_escape_is():
    raw = '{"type": "person", "id": "kong-raiya", "name": "Kong \ud800"}'
    escaped = '{"type": "person", "id": "kong-raiya", "name": "Kong \\ud800"}'
    assert [("$.name", "json.lone_surrogate")] * 2 == [*found(raw), *found(escaped)]


@both_paths
def test_a_number_too_long_to_read_is_an_issue_at_its_member():
    text = '{"type": "rating", "score": 1' + "0" * 5000 + "}"
    (issue,) = civicspace.validate(text)
    assert ("$.score", "json.number_too_long") == (issue.path, issue.code)
    assert "set_int_max_str_digits" not in issue.message


@both_paths
def test_utf16_without_a_byte_order_mark_says_to_save_as_utf8():
    (issue,) = civicspace.validate(json.dumps(RATING).encode("utf-16-le"))
    assert "json.encoding" == issue.code and "UTF-16" in issue.message


@both_paths
def test_a_stream_without_a_final_newline_reports_what_bytes_report():
    text = b'\n{"type": "rating",\n "country": "KHM'  # a truncated last record, no newline
    from_stream = civicspace.validate(io.BytesIO(text))
    assert civicspace.validate(text) == from_stream
    assert "control character" not in from_stream[0].message


def test_blank_lines_cost_memory_bounded_by_the_input():
    data = json.dumps(RATING).encode() + b"\n" * 2_000_000 + json.dumps(RATING).encode()
    tracemalloc.start()
    try:
        assert [] == civicspace.validate(data)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 4 * len(data), peak


# -- The record id, and clear errors for wrong arguments -------------------------------------------


@both_paths
def test_the_record_id_is_kept_for_text_as_for_a_parsed_value():
    bad = dict(PERSON, name="")
    reports = [
        *civicspace.validate_records(bad),
        *civicspace.validate_records(json.dumps(bad)),
        *civicspace.validate_records(json.dumps(bad).encode()),
    ]
    assert ["kong-raiya"] * 3 == [report.id for report in reports]
    with pytest.raises(civicspace.ValidationError) as raised:
        civicspace.load(json.dumps(bad))
    assert "kong-raiya" == raised.value.record_id


def test_a_text_mode_file_is_refused_with_a_clear_error(tmp_path):
    path = tmp_path / "record.json"
    path.write_text(json.dumps(RATING), "utf-8")
    for call in (civicspace.validate, civicspace.load, civicspace.load_one):
        with open(path, encoding="utf-8") as file, pytest.raises(civicspace.CivicspaceError) as e:
            call(file)
        assert "binary mode" in str(e.value)
    with pytest.raises(civicspace.CivicspaceError, match="binary mode"):
        civicspace.validate(io.StringIO("{}"))


@pytest.mark.parametrize("kind", [[], 1, "bogus", ("rating",)])
def test_a_kind_that_is_no_record_type_is_a_clear_error(kind: Any):
    with pytest.raises(civicspace.CivicspaceError, match="record_type must be one of"):
        civicspace.validate("{}", record_type=kind)


_LINE_CHARS = st.sampled_from(["a", " ", "\t", "\r", "\n", "\u2028", "\u0085", "\x0b", "{", "é"])


@given(st.lists(_LINE_CHARS, max_size=30).map("".join))
def test_json_lines_split_as_the_stream_reader_splits(text: str):
    from civicspace._pipeline.documents import split_json_lines

    expected = [
        (number, line.removesuffix("\r"))
        for number, line in enumerate(text.split("\n"), start=1)
        if line.strip(" \t\r\n")
    ]
    assert expected == list(split_json_lines(text))
    encoded = [(number, line.encode()) for number, line in expected]
    assert encoded == list(split_json_lines(text.encode()))
