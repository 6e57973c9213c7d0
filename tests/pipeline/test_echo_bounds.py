"""Echoes of keys are bounded, and long keys stay apart.

Reproductions of the probe's findings: a duplicate key was echoed whole (a
50 MB key gave a 52,428,957-character message); unknown members longer than
80 characters collapsed into one issue once their cut names matched (100,000
members gave 1 issue), and ``Issue.steps`` held the cut key.
"""

# The project asserts `expected == actual`, which ruff calls a Yoda condition.

from __future__ import annotations

import json

import civicspace
from civicspace._pipeline.report import issue_json
from civicspace._util.echo import MAX_ECHO

KEY = "k" * 5_000_000


def test_a_duplicate_long_key_is_echoed_cut() -> None:
    text = '{"type": "rating", "' + KEY + '": 1, "' + KEY + '": 2}'
    issues = civicspace.validate(text)
    assert ["json.duplicate_key"] == [issue.code for issue in issues]
    assert len(issues[0].message) < 3 * MAX_ECHO
    assert ("k" * MAX_ECHO + "…") in issues[0].path
    assert (KEY,) == issues[0].steps


def test_long_unknown_members_never_collapse() -> None:
    members = 10_000
    document = {"type": "rating", "country": "KHM", "rating": "repressed", "as_of": "2021"}
    document.update({"x" * 100 + str(number): 1 for number in range(members)})
    issues = civicspace.validate(document)
    unknown = [issue for issue in issues if issue.code == "schema.additional_properties"]
    assert members == len(unknown)
    assert [("x" * 100 + str(number),) for number in range(members)] == [
        issue.steps for issue in unknown
    ]
    assert members == len(set(unknown))  # distinct issues, though their paths are cut alike


def test_the_json_form_keeps_the_bound() -> None:
    # report.json: steps as the path shows them, long keys cut.
    document = {"type": "rating", "y" * 1000: 1}
    issue = next(issue for issue in civicspace.validate(document) if len(issue.steps[0]) == 1000)
    shown = issue_json(issue)
    assert ["y" * MAX_ECHO + "…"] == shown["steps"]
    assert len(json.dumps(shown)) < 1000


def test_an_issue_value_is_also_given_as_json_data() -> None:
    # A client reads "repressd", not the JSON text "\"repressd\"" to parse again.
    document = {"type": "rating", "country": "KHM", "rating": "repressd", "as_of": "2021"}
    issue = civicspace.validate(document)[0]
    assert ('"repressd"', "repressd") == (issue.value, issue.instance)
    shown = civicspace.dump(issue)
    assert ('"repressd"', "repressd") == (shown["value"], shown["instance"])


def test_a_cut_value_has_no_instance() -> None:
    document = {"type": "rating", "country": "KHM", "rating": "r" * 500, "as_of": "2021"}
    issue = civicspace.validate(document)[0]
    assert issue.value is not None and issue.instance is None
    assert "instance" not in civicspace.dump(issue)


LONG = "x" * 100


def test_issues_below_long_keys_of_parsed_values_hold_the_real_keys() -> None:
    value = {LONG + "1": float("nan"), LONG + "2": {LONG + "\ud800": 1}, LONG + "3": [object()]}
    expected = [
        ("json.non_finite_number", (LONG + "1",)),
        ("json.lone_surrogate", (LONG + "2", LONG + "\ud800")),
        ("json.not_json", (LONG + "3", 0)),
    ]
    assert expected == [(issue.code, issue.steps) for issue in civicspace.validate(value)]


def test_issues_below_long_keys_of_json_text_hold_the_real_keys() -> None:
    text = '{"%s1": NaN, "%s2": {"%s": 1, "%s": 2}}' % (LONG, LONG, LONG, LONG)  # noqa: UP031
    expected = [
        ("json.non_finite_number", (LONG + "1",)),
        ("json.duplicate_key", (LONG + "2", LONG)),
    ]
    assert expected == [(issue.code, issue.steps) for issue in civicspace.validate(text)]


def test_a_parsed_key_of_thousands_of_digits_is_an_issue() -> None:
    # The probe's reproduction: a parsed dict key 10**5000 raised ValueError.
    issues = civicspace.validate({10**5000: 1})
    expected = [
        (
            "$",
            "json.key_not_string",
            "an object key must be a string; this object has a key that is a whole number "
            "too long to show",
        )
    ]
    assert expected == [(issue.path, issue.code, issue.message) for issue in issues]
    assert "100" == civicspace.validate({100: 1})[0].suggestion
