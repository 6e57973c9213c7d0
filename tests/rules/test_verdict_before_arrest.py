"""``case.verdict_before_arrest`` with an undated detention between the arrest and the verdict.

The probe's reproduction: an arrest of 2019-07-09, an undated
``pre_trial_detention``, then a conviction of 2019-06-19.  With a dated
detention, or an undated ``charge``, the rule fired; with the undated
detention it was missed.
"""

# The project asserts `expected == actual`, which ruff calls a Yoda condition.

from __future__ import annotations

from typing import Any

import pytest

import civicspace


def _case(middle: dict[str, Any]) -> dict[str, Any]:
    # "In July 2019 ... the authorities arrested youth activist Kong Raiya ... Kong Raiya
    # remained in pre-trial detention" (the conviction's date is the probe's, before the arrest).
    return {
        "type": "case",
        "id": "kong-raiya-2019",
        "country": "KHM",
        "title": "Kong Raiya convicted of incitement",
        "people": [{"id": "kong-raiya", "name": "Kong Raiya"}],
        "events": [
            {"kind": "arrest", "date": "2019-07-09", "people": ["kong-raiya"]},
            middle,
            {"kind": "conviction", "date": "2019-06-19", "people": ["kong-raiya"]},
        ],
    }


@pytest.mark.parametrize(
    "middle",
    [
        {"kind": "pre_trial_detention", "people": ["kong-raiya"]},
        {"kind": "pre_trial_detention", "date": "2019-07-10", "people": ["kong-raiya"]},
        {"kind": "charge", "people": ["kong-raiya"]},
    ],
)
def test_a_verdict_before_the_arrest_is_found_whatever_lies_between(middle: dict[str, Any]) -> None:
    issues = civicspace.validate(_case(middle))
    expected = [("$.events[2].date", "case.verdict_before_arrest")]
    assert expected == [(issue.path, issue.code) for issue in issues]


def test_the_message_names_the_dated_arrest() -> None:
    issues = civicspace.validate(_case({"kind": "pre_trial_detention", "people": ["kong-raiya"]}))
    expected = (
        "the conviction on 2019-06-19 is dated before the arrest it follows, "
        "on 2019-07-09 ($.events[0])"
    )
    assert expected == issues[0].message
