"""Every echo of user data in a rule's message is bounded, however long the data.

Reproductions of what a hostile-input probe found: two signatories named
``"Z" * 20000`` gave a 100,076-character ``statement.signatory_repeated``
message; the same for ``collection.conflicting_person``,
``election.party_repeated`` and long ids in ``case.unresolved_reference``.
"""

# The project asserts `expected == actual`, which ruff calls a Yoda condition.

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import civicspace
from civicspace._util.echo import ELLIPSIS, MAX_ECHO, MAX_MESSAGE, cut, echo, quoted

EXAMPLES = json.loads(
    (Path(__file__).parents[2] / "docs" / "issue_examples.json").read_text(encoding="utf-8")
)["examples"]

LONG = "Z" * 20000


def _example(code: str) -> dict[str, Any]:
    return copy.deepcopy(EXAMPLES[code]["document"])


def _signatories() -> dict[str, Any]:
    document = _example("statement.signatory_repeated")
    document["signatories"] = [{"name": LONG}, {"name": LONG}]
    return document


def _parties() -> dict[str, Any]:
    document = _example("election.party_repeated")
    results = document["contests"][0]["results"]
    results[0]["party"] = results[1]["party"] = LONG
    results[0].pop("acronym", None)
    return document


def _person() -> dict[str, Any]:
    document = _example("collection.conflicting_person")
    document["people"][0]["name"] = LONG
    document["cases"][0]["people"][0]["name"] = "Y" + LONG[1:]
    return document


def _reference() -> dict[str, Any]:
    document = _example("case.unresolved_reference")
    document["sentences"][0]["person"] = "k" * 190
    return document


@pytest.mark.parametrize(
    ("code", "build"),
    [
        ("statement.signatory_repeated", _signatories),
        ("election.party_repeated", _parties),
        ("collection.conflicting_person", _person),
        ("case.unresolved_reference", _reference),
    ],
)
def test_a_rule_message_echoes_long_values_bounded(code: str, build: Any) -> None:
    document = build()
    issues = civicspace.validate(document)
    assert code in {issue.code for issue in issues}
    longest = max(len(issue.message) for issue in issues if issue.code == code)
    assert longest <= MAX_MESSAGE + len(ELLIPSIS)


def test_a_thousand_long_signatories_print_a_bounded_report() -> None:
    document = _example("statement.signatory_repeated")
    document["signatories"] = [{"name": LONG} for _ in range(1000)]
    issues = civicspace.validate(document)
    assert 999 == len(issues)
    assert all(len(issue.message) <= MAX_MESSAGE + len(ELLIPSIS) for issue in issues)


def test_a_long_name_is_quoted_with_its_length() -> None:
    # The message still says whose name it is, cut, and how long it was.
    issues = civicspace.validate(_signatories())
    assert f"{cut(LONG)!r} (20000 characters)" in issues[0].message


def test_a_short_value_is_quoted_as_before() -> None:
    assert "'CCHR'" == quoted("CCHR")


@given(st.text(max_size=300))
def test_quoted_is_bounded_and_whole_when_short(text: str) -> None:
    shown = quoted(text)
    assert len(shown) <= 4 * MAX_ECHO + 40  # repr escapes a character in at most 10
    assert (repr(text) == shown) == (len(text) <= MAX_ECHO)


@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(),
        lambda inner: st.lists(inner) | st.dictionaries(st.text(), inner),
    )
)
def test_echo_is_bounded(value: Any) -> None:
    assert len(echo(value)) <= 2 * MAX_ECHO + 60
