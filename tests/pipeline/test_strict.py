"""Near misses: each rejected by validate, by load and by the command line,
with a path pointing at the field."""

import json

import pytest

import civicspace
from civicspace._cli.app import main

from .._edit import changed

VALID = {
    "type": "rating",
    "country": "KHM",
    "rating": "repressed",
    "as_of": "2020-09",
    "watchlist": False,
    "score": 25,
    "sources": [{"url": "https://monitor.civicus.org/country/cambodia/", "date": "2020-09-03"}],
}


def with_(path, value):
    """VALID with the member at ``path`` (a tuple of steps) replaced, or removed for ``...``."""
    return changed(VALID, *path, value=value)


NEAR_MISSES = [
    # (id, member path, bad value, expected issue path, expected code)
    ("bool-is-not-a-number", ("score",), True, "$.score", "schema.type"),
    ("string-is-not-a-number", ("score",), "18", "$.score", "schema.type"),
    ("int-is-not-a-string", ("country",), 116, "$.country", "schema.type"),
    ("bool-is-not-a-string", ("rating",), True, "$.rating", "schema.enum"),
    ("int-is-not-a-bool", ("watchlist",), 1, "$.watchlist", "schema.type"),
    ("string-is-not-a-bool", ("watchlist",), "true", "$.watchlist", "schema.type"),
    ("trailing-newline-country", ("country",), "KHM\n", "$.country", "schema.enum"),
    ("lower-case-country", ("country",), "khm", "$.country", "schema.enum"),
    ("alpha-2-country", ("country",), "KH", "$.country", "schema.enum"),
    ("retired-country", ("country",), "YUG", "$.country", "schema.enum"),
    ("trailing-newline-date", ("as_of",), "2020\n", "$.as_of", "value.invalid"),
    ("no-such-day", ("as_of",), "2020-02-30", "$.as_of", "schema.format"),
    ("no-such-month", ("as_of",), "2020-13", "$.as_of", "schema.pattern"),
    ("year-zero", ("as_of",), "0000", "$.as_of", "schema.pattern"),
    ("basic-format-date", ("as_of",), "20200903", "$.as_of", "schema.pattern"),
    ("week-date", ("as_of",), "2020-W36-4", "$.as_of", "schema.pattern"),
    ("date-with-time", ("as_of",), "2020-09-03T10:00", "$.as_of", "schema.pattern"),
    ("unknown-rating", ("rating",), "bogus", "$.rating", "schema.enum"),
    ("capitalised-rating", ("rating",), "Repressed", "$.rating", "schema.enum"),
    ("score-above-100", ("score",), 101, "$.score", "schema.maximum"),
    ("score-below-0", ("score",), -1, "$.score", "schema.minimum"),
    ("score-outside-band", ("score",), 90, "$.score", "rating.score_outside_band"),
    ("string-is-not-a-list", ("sources",), "https://a.org", "$.sources", "schema.type"),
    ("object-is-not-a-list", ("sources",), {"url": "https://a.org"}, "$.sources", "schema.type"),
    ("empty-list", ("sources",), [], "$.sources", "schema.min_items"),
    ("null-for-optional", ("score",), None, "$.score", "schema.type"),
    ("missing-required", ("as_of",), ..., "$.as_of", "schema.required"),
    ("unknown-member", ("rated",), "closed", "$.rated", "schema.additional_properties"),
    ("ftp-url", ("sources", 0, "url"), "ftp://a.org/x", "$.sources[0].url", "schema.pattern"),
    (
        "url-with-newline",
        ("sources", 0, "url"),
        "https://a.org/x\n",
        "$.sources[0].url",
        "value.invalid",
    ),
    ("blank-title", ("sources", 0, "title"), "   ", "$.sources[0].title", "schema.pattern"),
    (
        "source-needs-url-or-title",
        ("sources", 0),
        {"date": "2020"},
        "$.sources[0]",
        "schema.any_of",
    ),
    ("wrong-type-tag", ("type",), "ratings", "$.type", "document.type_unknown"),
    ("type-tag-not-a-string", ("type",), 1, "$.type", "document.type_missing"),
]


@pytest.mark.parametrize(
    ("member", "value", "path", "code"),
    [case[1:] for case in NEAR_MISSES],
    ids=[case[0] for case in NEAR_MISSES],
)
def test_near_miss_is_rejected_everywhere_with_its_path(
    member, value, path, code, tmp_path, capsys
):
    document = with_(member, value)
    text = json.dumps(document)

    issues = civicspace.validate(text)
    assert (path, code) in [(issue.path, issue.code) for issue in issues]
    assert issues == civicspace.validate(document) == civicspace.validate(text.encode())

    with pytest.raises(civicspace.ValidationError) as raised:
        civicspace.load(document)
    assert issues == list(raised.value.issues)
    assert path in str(raised.value)

    submitted = tmp_path / "submitted.json"
    submitted.write_text(text)
    assert 1 == main(["validate", str(submitted)])
    printed = capsys.readouterr().out
    assert f"{submitted}: {path}: " in printed
    assert f"[{code}]" in printed


def test_the_valid_document_is_valid():
    assert [] == civicspace.validate(VALID)
    assert VALID == civicspace.dump(civicspace.load(VALID))


def test_a_whole_number_float_is_a_whole_number():
    # JSON Schema counts 18.0 as an integer; the score keeps the form it was given.
    document = with_(("score",), 25.0)
    assert [] == civicspace.validate(document)
    assert document == civicspace.dump(civicspace.load(document))


def test_every_problem_is_reported_not_the_first():
    document = dict(VALID, country="khm", rating="bogus", as_of="2020-02-30", extra=1)
    del document["watchlist"]
    expected = [
        ("$.country", "schema.enum"),
        ("$.rating", "schema.enum"),
        ("$.as_of", "schema.format"),
        ("$.extra", "schema.additional_properties"),
    ]
    assert expected == [(issue.path, issue.code) for issue in civicspace.validate(document)]


def test_validation_never_mutates_its_input():
    document = with_(("country",), "KHM\n")
    before = json.dumps(document)
    civicspace.validate(document)
    with pytest.raises(civicspace.ValidationError):
        civicspace.load(document)
    assert before == json.dumps(document)


def test_every_reported_code_is_documented():
    codes = {
        issue.code for case in NEAR_MISSES for issue in civicspace.validate(with_(case[1], case[2]))
    }
    assert codes <= set(civicspace.ISSUE_CODES)


def test_a_schema_issue_names_the_rule_it_broke():
    issues = civicspace.validate(with_(("country",), "XXX"))
    assert "https://schemas.civicspace.dev/v1/common.json#/$defs/country/enum" == issues[0].schema


def test_validation_error_names_the_record_type():
    with pytest.raises(civicspace.ValidationError) as raised:
        civicspace.load(with_(("rating",), "bogus"))
    assert "rating" == raised.value.record_type
    assert str(raised.value).startswith("invalid rating record: 1 issue")
    assert isinstance(raised.value, civicspace.CivicspaceError)


@pytest.mark.parametrize(
    ("document", "expected"),
    [
        ([], [("$", "document.not_object")]),
        ("[1, 2]", [("$", "document.not_object")]),
        ('"rating"', [("$", "document.not_object")]),
        ({}, [("$.type", "document.type_missing")]),
        ({"type": None}, [("$.type", "document.type_missing")]),
        ('{"type": "case-file"}', [("$.type", "document.type_unknown")]),
        ("not json", [("$", "json.syntax")]),
    ],
)
def test_a_document_that_is_no_record(document, expected):
    assert expected == [(issue.path, issue.code) for issue in civicspace.validate(document)]


def test_kind_can_be_given_instead_of_read():
    document = dict(VALID, type="scale")
    issues = civicspace.validate(document, record_type="rating")
    assert [("$.type", "schema.const")] == [(issue.path, issue.code) for issue in issues]
    with pytest.raises(civicspace.CivicspaceError):
        civicspace.validate(VALID, record_type="no-such-kind")
