"""Issues an API client can act on: structured fields, JSON form, reports, one record."""

from __future__ import annotations

import io
import json
import pickle
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

import civicspace
from civicspace._cli.app import main

RATING = {"type": "rating", "country": "KHM", "rating": "repressed", "as_of": "2020"}
PERSON = {"type": "person", "id": "kong-raiya", "name": "Kong Raiya"}
CASE = {
    "type": "case",
    "id": "khm/2021/kong-raiya",
    "country": "KHM",
    "title": "Kong Raiya",
    "people": [{"id": "kong-raiya", "name": "Kong Raiya"}],
    "events": [{"kind": "arest", "date": "2021-03-12", "people": ["kong-raiya"]}],
}
REPORT_SCHEMA = Draft202012Validator(civicspace.schema("report", bundle=True))


def _one(data: Any) -> civicspace.Issue:
    (issue,) = civicspace.validate(data)
    return issue


# -- Structured fields -----------------------------------------------------------------------------


def test_an_enum_near_miss_suggests_the_value_meant():
    issue = _one(CASE)
    assert ("$.events[0].kind", "arrest", '"arest"') == (issue.path, issue.suggestion, issue.value)
    assert "arrest" in issue.expected and "release" in issue.expected
    assert issue.message.endswith('; did you mean "arrest"?')


def test_a_suggestion_is_given_only_when_one_value_is_closest():
    # "KHN" is as near to "KHM" as to "SHN": no guess.
    assert None is _one(dict(RATING, country="KHN")).suggestion
    assert "KHM" == _one(dict(RATING, country="khm")).suggestion


def test_an_unknown_member_suggests_the_member_meant():
    issue = _one(dict(RATING, sorces=[]))
    assert ("$.sorces", "sources") == (issue.path, issue.suggestion)
    assert "sources" in issue.expected


def test_a_date_in_words_is_one_issue_with_its_iso_form_as_the_suggestion():
    case = json.loads(json.dumps(CASE))
    case["events"][0].update(kind="arrest", date="12 March 2021")
    issue = _one(case)
    assert ("$.events[0].date", "schema.pattern") == (issue.path, issue.code)
    assert "2021-03-12" == issue.suggestion


@pytest.mark.parametrize(
    ("value", "code", "expected"),
    [
        ("", "schema.min_length", 1),
        (5, "schema.type", ("string",)),
        ("x" * 20_001, "schema.max_length", 20_000),
    ],
)
def test_the_limit_or_type_expected_is_a_field(value: Any, code: str, expected: Any):
    issue = _one(dict(PERSON, name=value))
    assert (code, expected) == (issue.code, issue.expected)


def test_a_value_is_echoed_as_json_text_cut_to_80_characters():
    issue = _one(dict(PERSON, name=5))
    assert "5" == issue.value
    long = _one(dict(RATING, rating="r" * 1000))
    assert long.value is not None and long.value.startswith('"rrr') and "…" in long.value


@given(st.lists(st.one_of(st.text(max_size=5), st.integers(0, 99)), max_size=6))
def test_steps_are_the_path_as_keys_and_indices(steps: list[str | int]):
    from civicspace._pipeline.json_paths import join_path

    issue = civicspace.Issue(join_path("$", steps), "x", "m")
    assert tuple(steps) == issue.steps


def test_the_structured_fields_survive_pickling_and_old_constructor_calls():
    issue = _one(CASE)
    again = pickle.loads(pickle.dumps(issue))
    assert (issue, issue.suggestion, issue.expected) == (again, again.suggestion, again.expected)
    old = civicspace.Issue("$.a", "schema.enum", "m", "https://x#/enum", 2, 3)
    assert (None, None, None, 2, 3) == (
        old.value,
        old.expected,
        old.suggestion,
        old.line,
        old.column,
    )


def test_no_message_names_a_file_inside_the_package():
    issues = civicspace.validate(CASE)
    assert all(".json" not in issue.message for issue in issues)


# -- Issues and reports as JSON --------------------------------------------------------------------


def test_dump_of_an_issue_is_its_json_form():
    assert {
        "path": "$.events[0].kind",
        "steps": ["events", 0, "kind"],
        "code": "schema.enum",
        "value": '"arest"',
        "suggestion": "arrest",
    }.items() <= civicspace.dump(_one(CASE)).items()


def test_validation_report_follows_its_schema_and_is_what_the_command_line_prints(tmp_path, capsys):
    lines = [json.dumps(RATING), json.dumps(CASE), json.dumps(dict(PERSON, name=""))]
    path = tmp_path / "records.jsonl"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    report = civicspace.validation_report(path.read_bytes(), file=str(path))
    assert [] == list(REPORT_SCHEMA.iter_errors(report))
    assert 1 == main(["validate", "--format", "json", str(path)])
    assert json.loads(capsys.readouterr().out) == report
    assert (3, 2, ["khm/2021/kong-raiya", "kong-raiya"]) == (
        report["summary"]["records"],
        report["summary"]["invalid"],
        [record["id"] for record in report["records"]],
    )


@settings(max_examples=20)
@given(st.integers(0, 5))
def test_max_issues_cuts_the_records_shown_never_the_count(limit: int):
    text = "\n".join(json.dumps(dict(RATING, rating="x", country="y")) for _ in range(3))
    report = civicspace.validation_report(text, max_issues=limit)
    shown = sum(len(record["issues"]) for record in report["records"])
    assert (min(limit, 6), 6, limit < 6) == (
        shown,
        report["summary"]["issues"],
        report["truncated"],
    )


def test_the_report_of_an_empty_run_and_of_a_valid_one():
    assert {"records": [], "truncated": False} == {
        key: civicspace.validation_report(RATING)[key] for key in ("records", "truncated")
    }


# -- Exactly one record ----------------------------------------------------------------------------


def test_load_one_reads_one_record_from_text_a_value_or_a_binary_file():
    expected = civicspace.load(RATING)
    text = json.dumps(RATING)
    assert [expected] * 4 == [
        civicspace.load_one(RATING),
        civicspace.load_one(text),
        civicspace.load_one(text.encode()),
        civicspace.load_one(io.BytesIO(text.encode())),
    ]


@pytest.mark.parametrize("wrap", [str, str.encode, lambda text: io.BytesIO(text.encode())])
def test_load_one_refuses_json_lines_clearly(wrap: Any):
    text = json.dumps(RATING) + "\n" + json.dumps(PERSON) + "\n"
    with pytest.raises(civicspace.ValidationError) as raised:
        civicspace.load_one(wrap(text))
    (issue,) = raised.value.issues
    assert ("$", "document.json_lines") == (issue.path, issue.code)
    assert "2 records" in issue.message


def test_load_one_raises_the_issues_load_raises():
    with pytest.raises(civicspace.ValidationError) as one:
        civicspace.load_one(dict(PERSON, name=""))
    with pytest.raises(civicspace.ValidationError) as any_:
        civicspace.load(dict(PERSON, name=""))
    assert (any_.value.issues, "kong-raiya") == (one.value.issues, one.value.record_id)
