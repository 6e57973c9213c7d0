"""Popolo bundles: valid under Popolo's own schemas, read back equal, bad input as issues."""

import json

from hypothesis import HealthCheck, Phase, given, settings

import civicspace
from civicspace import datasets, strategies
from civicspace._interop.popolo import PopoloReading, from_popolo, to_popolo
from civicspace.errors import Issue

from ._popolo_schemas import POPOLO, bundle_errors, unflagged, validator

DRAWN = settings(
    max_examples=15,
    deadline=None,
    phases=(Phase.explicit, Phase.reuse, Phase.generate),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def test_the_vendored_schemas_accept_popolos_own_examples():
    for name in ("person", "organization", "membership", "area", "event"):
        example = json.loads((POPOLO / "examples" / f"{name}.json").read_text(encoding="utf-8"))
        assert [] == [error.message for error in validator(name).iter_errors(example)]


def test_the_validator_refuses_what_popolo_refuses():
    # Popolo's dates are reduced ISO 8601, never an empty string.
    errors = list(validator("person").iter_errors({"name": "A", "birth_date": ""}))
    assert ["pattern"] == [error.validator for error in errors]


def test_cambodia_exports_valid_popolo():
    for case_data in (False, True):
        bundle = to_popolo(datasets.load("cambodia"), case_data=case_data)
        assert [] == bundle_errors(bundle)
    members = {"persons", "organizations", "memberships", "areas", "events", "+civicspace"}
    assert members == set(bundle)
    # Every property Popolo does not define is flagged with a leading "+".
    assert [] == unflagged(bundle)


def test_cambodia_reads_back_equal_with_case_data():
    cambodia = datasets.load("cambodia")
    reading = from_popolo(json.dumps(to_popolo(cambodia, case_data=True)))
    assert PopoloReading(collection=cambodia, issues=()) == reading


def test_without_case_data_the_people_cases_name_become_person_records():
    cambodia = datasets.load("cambodia")
    reading = from_popolo(to_popolo(cambodia))
    assert () == reading.issues
    assert reading.collection is not None
    named = {person.id for case in cambodia.cases for person in case.people}
    assert named == {person.id for person in reading.collection.people}
    assert () == reading.collection.cases


def test_a_person_and_organisation_in_popolo_terms():
    collection = civicspace.load(
        {
            "type": "collection",
            "people": [
                {
                    "type": "person",
                    "id": "eng-malai",
                    "name": "Eng Malai",
                    "other_names": [{"name": "So Metta", "note": "aka"}],
                    "identifiers": [{"scheme": "wikidata", "identifier": "Q1234567"}],
                    "nationalities": ["KHM"],
                    "affiliations": [{"organisation": "khmer-thavrak", "role": "member"}],
                }
            ],
            "organisations": [
                {
                    "type": "organisation",
                    "id": "khmer-thavrak",
                    "name": "Khmer Thavrak",
                    "country": "KHM",
                    "kind": "ngo",
                }
            ],
        }
    )
    expected = {
        "persons": [
            {
                "id": "eng-malai",
                "name": "Eng Malai",
                "other_names": [{"name": "So Metta", "note": "aka"}],
                "identifiers": [{"scheme": "wikidata", "identifier": "Q1234567"}],
                "+nationalities": ["KHM"],
            }
        ],
        "organizations": [
            {
                "id": "khmer-thavrak",
                "name": "Khmer Thavrak",
                "classification": "ngo",
                "area_id": "country/khm",
            }
        ],
        "memberships": [
            {
                "id": "eng-malai/membership/0",
                "person_id": "eng-malai",
                "organization_id": "khmer-thavrak",
                "role": "member",
            }
        ],
        "areas": [
            {
                "id": "country/khm",
                "name": "Cambodia",
                "identifier": "KHM",
                "classification": "country",
            }
        ],
        "events": [],
    }
    assert expected == to_popolo(collection)
    assert PopoloReading(collection=collection, issues=()) == from_popolo(expected)


# An EveryPolitician-style bundle (ep-popolo-v1.0.json's shape), made up: UUID ids,
# multilingual other names, a legislature and a party, memberships with a legislative period.
EVERYPOLITICIAN = {
    "persons": [
        {
            "id": "0b1c2d3e-0000-4000-8000-000000000001",
            "name": "Jane Example",
            "gender": "female",
            "other_names": [
                {"lang": "fr", "name": "Jeanne Exemple", "note": "multilingual"},
                {"lang": "fr", "name": "Jeanne Exemple", "note": "multilingual"},
            ],
            "identifiers": [{"scheme": "wikidata", "identifier": "Q99999999"}],
            "links": [{"url": "https://example.org/jane", "note": "website"}],
        }
    ],
    "organizations": [
        {"id": "legislature", "name": "National Assembly", "classification": "legislature"},
        {
            "id": "party/example_party",
            "name": "Example Party",
            "classification": "party",
            "identifiers": [{"scheme": "wikidata", "identifier": "Q88888888"}],
        },
    ],
    "memberships": [
        {
            "person_id": "0b1c2d3e-0000-4000-8000-000000000001",
            "organization_id": "legislature",
            "on_behalf_of_id": "party/example_party",
            "legislative_period_id": "term/1",
            "role": "member",
        },
        {
            "person_id": "0b1c2d3e-0000-4000-8000-000000000001",
            "organization_id": "party/example_party",
        },
    ],
    "areas": [{"id": "area/north", "name": "North", "type": "constituency"}],
    "events": [
        {
            "id": "term/1",
            "name": "1st Legislature",
            "classification": "legislative period",
            "start_date": "2019",
        }
    ],
}


def test_an_everypolitician_bundle_reads_into_people_and_organisations():
    reading = from_popolo(EVERYPOLITICIAN)
    expected = civicspace.load(
        {
            "type": "collection",
            "people": [
                {
                    "type": "person",
                    "id": "0b1c2d3e-0000-4000-8000-000000000001",
                    "name": "Jane Example",
                    "other_names": [{"name": "Jeanne Exemple", "note": "multilingual"}],
                    "identifiers": [{"scheme": "wikidata", "identifier": "Q99999999"}],
                    "gender": "woman",
                    "affiliations": [
                        {"organisation": "legislature", "role": "member"},
                        {"organisation": "party/example_party"},
                    ],
                }
            ],
            "organisations": [
                {
                    "type": "organisation",
                    "id": "legislature",
                    "name": "National Assembly",
                    "kind": "government_body",
                },
                {
                    "type": "organisation",
                    "id": "party/example_party",
                    "name": "Example Party",
                    "kind": "party",
                },
            ],
        }
    )
    assert expected == reading.collection
    assert [("$.organizations[1].identifiers", "popolo.not_held")] == [
        (issue.path, issue.code) for issue in reading.issues
    ]


def test_ids_that_are_not_ours_are_made_ours_and_kept_as_identifiers():
    reading = from_popolo(
        {
            "persons": [{"id": "Person Q1", "name": "A"}, {"id": "person-q1", "name": "B"}],
            "memberships": [],
        }
    )
    assert reading.collection is not None
    assert [("person-q1", ("Person Q1",)), ("person-q1-2", ("person-q1",))] == [
        (person.id, tuple(i.identifier for i in person.identifiers))
        for person in reading.collection.people
    ]


def test_bad_input_is_issues_with_paths_never_a_traceback():
    cases = {
        b"[1]": [("$", "popolo.not_bundle")],
        b"{": [("$", "json.syntax")],
        b'{"persons": 3}': [("$.persons", "popolo.wrong_type")],
        b'{"persons": [3, {"name": " "}, {"name": "A", "identifiers": [{"scheme": 1}]}]}': [
            ("$.persons[0]", "popolo.wrong_type"),
            ("$.persons[1].name", "popolo.unreadable"),
            ("$.persons[2].id", "popolo.id_changed"),
            ("$.persons[2].identifiers[0]", "popolo.unreadable"),
        ],
        b'{"memberships": [{"person_id": "x", "organization_id": "y"}]}': [
            ("$.memberships[0].person_id", "popolo.unknown_reference")
        ],
        b'{"areas": [{"id": "a", "classification": "country", "identifier": "XXX"}]}': [
            ("$.areas[0].identifier", "popolo.unknown_country")
        ],
    }
    for data, expected in cases.items():
        reading = from_popolo(data)
        assert expected == [(issue.path, issue.code) for issue in reading.issues], data
        assert all(issue.code in civicspace.ISSUE_CODES for issue in reading.issues)


def test_a_record_that_does_not_validate_is_left_out_with_its_issues():
    reading = from_popolo(
        {
            "persons": [
                {"id": "a", "name": "A", "+nationalities": ["XXX"]},
                {"id": "b", "name": "B"},
            ],
            "organizations": [{"id": "o", "name": "O" * 20_001}],
            "memberships": [{"person_id": "b", "organization_id": "o"}],
        }
    )
    assert reading.collection is not None
    assert ["b"] == [person.id for person in reading.collection.people]
    assert [
        ("$.persons[0].nationalities[0]", "schema.enum"),
        ("$.organizations[0].name", "schema.max_length"),
        ("$.memberships[0].organization_id", "popolo.unknown_reference"),
    ] == [(issue.path, issue.code) for issue in reading.issues]


def test_a_long_value_is_echoed_bounded():
    reading = from_popolo({"memberships": [{"person_id": "x" * 10_000, "organization_id": "y"}]})
    assert all(len(issue.message) < 200 for issue in reading.issues)
    assert isinstance(reading.issues[0], Issue)


@DRAWN
@given(strategies.collections())
def test_drawn_collections_export_valid_popolo_and_read_back_equal(collection):
    bundle = to_popolo(collection, case_data=True)
    assert [] == bundle_errors(bundle)
    assert [] == unflagged(bundle)
    assert PopoloReading(collection=collection, issues=()) == from_popolo(json.dumps(bundle))


def test_a_gender_in_popolo_words_is_read_in_ours_and_another_is_an_issue():
    # EveryPolitician bundles say "female" and "male"; we say woman and man.
    def person(gender):
        bundle = {"persons": [{"id": "p", "name": "P", "gender": gender}]}
        reading = from_popolo(json.dumps(bundle))
        found = [(issue.path, issue.code) for issue in reading.issues]
        return reading.collection.people[0].gender, found

    assert (civicspace.people.Gender.WOMAN, []) == person("Female")
    assert (civicspace.people.Gender.NON_BINARY, []) == person("non_binary")
    assert (None, [("$.persons[0].gender", "popolo.unreadable")]) == person("f" * 500)
    assert (None, [("$.persons[0].gender", "popolo.wrong_type")]) == person(5)
