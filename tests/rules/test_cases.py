"""The cross-field rules of a case (``case.*`` and ``event.*`` codes), each near miss reported
with its path, every other problem of the document still reported, and no false alarm from a
partial date.  The documents are the source texts' cases of :mod:`tests.model.test_cases`.
"""

from __future__ import annotations

from typing import Any

import pytest

import civicspace

from .._edit import changed, paths_and_codes
from ..model.test_cases import (
    KONG_RAIYA_2015,
    KONG_RAIYA_2019,
    MOTHER_NATURE_CASE,
    kong_raiya_collection,
)

# -- Near misses of the rules ----------------------------------------------------------------------


SEMANTIC = [
    # An event naming a person absent from the case.
    (
        ("events", 2, "people"),
        ["kong-raiya", "kem-ley"],
        [("$.events[2].people[1]", "case.unresolved_reference")],
    ),
    (
        ("events", 3, "charges"),
        ["defamation"],
        [("$.events[3].charges[0]", "case.unresolved_reference")],
    ),
    (
        ("charges", 0, "people"),
        ["kong-raya"],
        [("$.charges[0].people[0]", "case.unresolved_reference")],
    ),
    (
        ("sentences", 0, "person"),
        "kong-raya",
        [("$.sentences[0].person", "case.unresolved_reference")],
    ),
    (
        ("people", 0, "affiliations"),
        [{"organisation": "khmer-thavrak"}],
        [("$.people[0].affiliations[0].organisation", "case.unresolved_reference")],
    ),
    # An id used twice.
    (
        ("people",),
        [{"id": "kong-raiya", "name": "Kong Raiya"}, {"id": "kong-raiya", "name": "Kong Raiya"}],
        [("$.people[1].id", "case.duplicate_id")],
    ),
    (
        ("charges",),
        [KONG_RAIYA_2019["charges"][0], KONG_RAIYA_2019["charges"][0]],
        [("$.charges[1].id", "case.duplicate_id")],
    ),
    # A conviction dated before the arrest it follows.
    (("events", 3, "date"), "2019-06-19", [("$.events[3].date", "case.verdict_before_arrest")]),
    (("events", 3, "date"), "2018", [("$.events[3].date", "case.verdict_before_arrest")]),
    # A release (bail) dated before the detention it ends.
    (("events", 2, "date"), "2019-06-28", [("$.events[2].date", "case.release_before_detention")]),
    # A bail while known not to be detained: bailed twice.
    (
        ("events",),
        [
            KONG_RAIYA_2019["events"][0],
            KONG_RAIYA_2019["events"][2],
            KONG_RAIYA_2019["events"][2],
            KONG_RAIYA_2019["events"][3],
        ],
        [("$.events[2].people[0]", "case.release_while_not_detained")],
    ),
    # A bail with no arrest listed above: the source may not record the arrest.
    (("events",), [KONG_RAIYA_2019["events"][2], KONG_RAIYA_2019["events"][3]], []),
    # A conviction in absentia of someone in custody at the time.
    (
        ("events",),
        [KONG_RAIYA_2019["events"][0], KONG_RAIYA_2019["events"][3]],
        [
            ("$.events[1].in_absentia", "case.in_absentia_while_detained"),
            ("$.sentences[0].in_absentia", "case.in_absentia_while_detained"),
        ],
    ),
    # Only some kinds happen in absentia.
    (
        ("events", 0, "in_absentia"),
        True,
        [("$.events[0].in_absentia", "case.in_absentia_misplaced")],
    ),
]


@pytest.mark.parametrize(("steps", "value", "expected"), SEMANTIC)
def test_semantic_near_misses_are_reported_with_their_path(
    steps: tuple[Any, ...], value: Any, expected: list[tuple[str, str]]
) -> None:
    document = changed(KONG_RAIYA_2019, *steps, value=value)
    assert [] == [
        issue for issue in civicspace.validate(document) if issue.code.startswith("schema")
    ]
    assert expected == paths_and_codes(document)


def test_every_semantic_problem_of_a_document_is_reported() -> None:
    document = changed(KONG_RAIYA_2019, "events", 3, "date", value="2019-06-19")
    document = changed(document, "events", 2, "people", value=["kong-raiya", "kem-ley"])
    document = changed(
        document,
        "people",
        value=[{"id": "kong-raiya", "name": "Kong Raiya"}, {"id": "kong-raiya", "name": "K. R."}],
    )
    expected = [
        ("$.people[1].id", "case.duplicate_id"),
        ("$.events[2].people[1]", "case.unresolved_reference"),
        ("$.events[3].date", "case.verdict_before_arrest"),
    ]
    assert expected == paths_and_codes(document)
    with pytest.raises(civicspace.ValidationError) as error:
        civicspace.load(document)
    assert 3 == len(error.value.issues)


def test_each_finding_names_the_other_event() -> None:
    document = changed(KONG_RAIYA_2019, "events", 3, "date", value="2019-06-19")
    (issue,) = civicspace.validate(document)
    assert (
        "the conviction on 2019-06-19 is dated before the pre trial detention it follows, "
        "on 2019-07 ($.events[1])"
    ) == issue.message


def test_a_case_inside_a_collection_is_checked_at_its_own_path() -> None:
    bad = changed(KONG_RAIYA_2019, "events", 2, "date", value="2019-06-28")
    bad = changed(bad, "charges", 0, "citations", value=...)
    assert [("$.cases[1].events[2].date", "case.release_before_detention")] == paths_and_codes(
        kong_raiya_collection(cases=[KONG_RAIYA_2015, bad])
    )


@pytest.mark.parametrize(
    ("arrested", "decided"),
    [
        ("2020-09-03", "2020-09"),
        ("2020-09", "2020-09-03"),
        ("2020", "2020-01"),
        ("2020-09-03", "2020"),
    ],
)
def test_partial_dates_raise_no_false_alarm(arrested: str, decided: str) -> None:
    document = changed(KONG_RAIYA_2019, "events", 0, "date", value=arrested)
    document = changed(document, "events", 1, "date", value=arrested)
    document = changed(document, "events", 2, "date", value=decided)
    document = changed(document, "events", 3, "date", value=decided)
    document = changed(document, "sentences", 0, "imposed_on", value=decided)
    assert [] == civicspace.validate(document)


def test_a_sentence_in_absentia_while_held_is_reported_by_date() -> None:
    # Held from 3 September 2020 with no release listed: a sentence in absentia in May 2021
    # cannot be right.
    document = changed(MOTHER_NATURE_CASE, "sentences", 0, "in_absentia", value=True)
    assert [("$.sentences[0].in_absentia", "case.in_absentia_while_detained")] == paths_and_codes(
        document
    )
    # Bailed in November 2019, sentenced in absentia in June 2020: fine; before the bail: not.
    early = changed(KONG_RAIYA_2019, "sentences", 0, "imposed_on", value="2019-10")
    assert [("$.sentences[0].in_absentia", "case.in_absentia_while_detained")] == paths_and_codes(
        early
    )
    unsure = changed(KONG_RAIYA_2019, "sentences", 0, "imposed_on", value="2019-11")
    assert [] == paths_and_codes(unsure)
