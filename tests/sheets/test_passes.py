"""The rules' issues past the schema's: found on a copy, reported at their places."""

import civicspace
from civicspace._sheets.passes import further_issues


def case(id, **members):
    return {
        "type": "case",
        "id": id,
        "country": "KHM",
        "title": "Arrest",
        "people": [{"id": "p", "name": "P"}],
        "events": [{"kind": "arrest", "date": "2020-01-01", "people": ["p"]}],
        **members,
    }


def test_a_rule_s_issue_behind_a_removed_record_keeps_its_place():
    broken = case("a")
    del broken["title"]  # the schema's issue: the copy goes without this case
    idle = case("b")
    idle["events"].append({"kind": "charge", "date": "2020-01-02"})  # concerns nobody
    document = {"type": "collection", "cases": [broken, idle]}
    issues = civicspace.validate(document)
    assert ["schema.required"] == [issue.code for issue in issues]
    assert [("$.cases[1].events[1]", "event.concerns_nobody")] == [
        (issue.path, issue.code) for issue in further_issues(document, issues)
    ]


def test_a_suggested_value_is_put_in_and_its_own_issues_left_out():
    document = {"type": "collection", "cases": [case("a")]}
    document["cases"][0]["events"][0]["kind"] = "arrestt"
    document["cases"][0]["events"].append({"kind": "charge", "date": "2020-01-02"})
    issues = civicspace.validate(document)
    assert ["schema.enum"] == [issue.code for issue in issues]
    assert [("$.cases[0].events[1]", "event.concerns_nobody")] == [
        (issue.path, issue.code) for issue in further_issues(document, issues)
    ]


def test_no_schema_issue_means_nothing_further():
    document = {"type": "collection", "cases": [case("a")]}
    assert [] == further_issues(document, civicspace.validate(document))


def test_a_reference_to_an_object_taken_out_is_not_reported():
    law = {"type": "law", "id": "khm/code/criminal-code", "jurisdiction": "KHM", "kind": "code"}
    citing = case(
        "a",
        charges=[
            {
                "id": "c",
                "offence": "incitement",
                "citations": [{"law": "khm/code/criminal-code", "articles": ["494"]}],
            }
        ],
    )
    document = {"type": "collection", "laws": [law], "cases": [citing]}
    issues = civicspace.validate(document)
    assert ["schema.required"] == [issue.code for issue in issues]  # the law has no title
    assert [] == further_issues(document, issues)
