"""Strict JSON parsing, including every file of JSONTestSuite's parsing tests."""

from pathlib import Path

import pytest

import civicspace
from civicspace._cli.app import main

from .._edit import paths_and_codes

SUITE = Path(__file__).parent.parent / "data" / "jsontestsuite" / "test_parsing"
MUST_REJECT = sorted(SUITE.glob("n_*.json"))
MUST_ACCEPT = sorted(SUITE.glob("y_*.json"))
EITHER = sorted(SUITE.glob("i_*.json"))


codes = paths_and_codes


@pytest.mark.parametrize("path", MUST_REJECT, ids=[p.name for p in MUST_REJECT])
def test_malformed_json_is_an_issue_with_a_position(path):
    issues = civicspace.validate(path.read_bytes())
    assert 1 <= len(issues)
    assert all(issue.code.startswith("json.") for issue in issues), issues


@pytest.mark.parametrize("path", MUST_ACCEPT, ids=[p.name for p in MUST_ACCEPT])
def test_valid_json_parses_and_then_meets_the_schema(path):
    data = path.read_bytes()
    issues = civicspace.validate(data)
    if path.name.startswith("y_object_duplicated_key"):
        # Legal JSON, but a later duplicate would silently win: civicspace refuses it.
        assert [("$.a", "json.duplicate_key")] == [(i.path, i.code) for i in issues]
        return
    assert not any(issue.code.startswith("json.") for issue in issues), issues
    assert issues  # none of these is a civicspace record


@pytest.mark.parametrize("path", EITHER, ids=[p.name for p in EITHER])
def test_implementation_defined_json_never_crashes(path, capsys):
    issues = civicspace.validate(path.read_bytes())
    assert issues
    assert 1 == main(["validate", str(path)])
    assert path.name in capsys.readouterr().out


def test_every_suite_file_through_the_command_line(capsys):
    assert 1 == main(["validate", "--quiet", *map(str, MUST_REJECT + MUST_ACCEPT)])
    printed = capsys.readouterr().out
    assert all(path.name in printed for path in MUST_REJECT)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('{"a": NaN}', [("$.a", "json.non_finite_number")]),
        (
            "[Infinity, -Infinity]",
            [("$[0]", "json.non_finite_number"), ("$[1]", "json.non_finite_number")],
        ),
        (
            '{"a": {"b": 1, "b": 2}, "a": 3}',
            [("$.a", "json.duplicate_key"), ("$.a.b", "json.duplicate_key")],
        ),
        ('{"odd key": 1, "odd key": 2}', [("$['odd key']", "json.duplicate_key")]),
        ('["\\ud800"]', [("$[0]", "json.lone_surrogate")]),
        ('{"\\udc00x": 1}', [("$['\\udc00x']", "json.lone_surrogate")]),
        ("\ufeff{}", [("$", "json.byte_order_mark")]),
        (b"\xef\xbb\xbf{}", [("$", "json.byte_order_mark")]),
        (b'{"a": "\xff"}', [("$", "json.encoding")]),
        ("[" * 100_000 + "]" * 100_000, [("$", "json.too_deep")]),
        ("1" * 5000, [("$", "json.number_too_long")]),
        ("", [("$", "json.syntax")]),
    ],
    ids=[
        "nan",
        "infinity",
        "duplicates",
        "odd-key",
        "lone-surrogate",
        "surrogate-key",
        "bom-text",
        "bom-bytes",
        "not-utf8",
        "deep",
        "long-number",
        "empty",
    ],
)
def test_each_hostile_input_gets_its_own_code(text, expected):
    assert expected == codes(text)


def test_a_paired_surrogate_escape_is_a_character():
    assert [("$", "document.not_object")] == codes('"\\ud83d\\ude00"')


def test_syntax_errors_carry_line_and_column():
    (issue,) = civicspace.validate('{\n  "type": "rating",\n  "country": KHM\n}')
    assert (3, 14) == (issue.line, issue.column)
    assert str(issue).startswith("line 3, column 14: $: malformed JSON: ")


def test_parse_json_returns_plain_values():
    assert {"a": [1, 2.5, None, True, "x"]} == civicspace.parse_json(
        '{"a": [1, 2.5, null, true, "x"]}'
    )
