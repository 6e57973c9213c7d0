"""Uwazi CSV export: the files follow Uwazi's import rules (app/api/csv/ in huridocs/uwazi).

The rules are written anew here from Uwazi's source and fixtures (MIT): header names made
safe by app/shared/propertyNames.ts, a required title column, '|' between values, ':'
between the ends of a date range on import, relationships matched by title, thesaurus
CSVs with a language column.
"""

import csv
import io
import json

from hypothesis import HealthCheck, Phase, given, settings

import civicspace
from civicspace import datasets, strategies
from civicspace._interop.uwazi import (
    MULTI_VALUE_SEPARATOR,
    TEMPLATES,
    date_range,
    safe_name,
    thesauri,
    to_uwazi,
)

DRAWN = settings(
    max_examples=15,
    deadline=None,
    phases=(Phase.explicit, Phase.reuse, Phase.generate),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def rows(text):
    return list(csv.DictReader(io.StringIO(text)))


def test_safe_names_as_uwazis_fixtures_expect_them():
    # app/api/csv/specs/test.csv's header line, and the names csvLoader.spec.js finds in
    # the imported metadata (text_label, header_with_dots, date_label, ...).
    header = (
        "Title , header.with.dots, text label  , numeric label, non configured, select_label, "
        "not defined type, geolocation_geolocation,auto id, Multi Select Label, Date label"
    )
    expected = [
        "title",
        "header_with_dots",
        "text_label",
        "numeric_label",
        "non_configured",
        "select_label",
        "not_defined_type",
        "geolocation_geolocation",
        "auto_id",
        "multi_select_label",
        "date_label",
    ]
    assert expected == [safe_name(label) for label in header.split(",")]


def test_a_partial_date_is_the_range_of_its_days():
    assert "2021-05-01:2021-05-31" == date_range("2021-05")
    assert "2020-02-01:2020-02-29" == date_range("2020-02")
    assert "2015-01-01:2015-12-31" == date_range("2015")
    assert "2020-09-03:2020-09-03" == date_range("2020-09-03")


def test_every_vocabulary_of_the_schemas_is_a_thesaurus():
    enums = set()

    def walk(node):
        if isinstance(node, dict):
            enum = node.get("enum")
            if enum and all(isinstance(value, str) for value in enum):
                enums.add(tuple(enum))
            for key, value in node.items():
                if key != "examples":
                    walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    for name in civicspace.schema_names():
        walk(civicspace.schema(name))
    assert enums == set(thesauri().values())
    assert ("open", "narrowed", "obstructed", "repressed", "closed") in thesauri().values()


def check_uwazi_rules(export):
    """Every rule of Uwazi's CSV import the files must meet; the entity rows by template."""
    files = export.files
    described = rows(files["templates.csv"])
    by_template = {}
    for template in TEMPLATES:
        properties = [row for row in described if row["template"] == template.name]
        assert all(safe_name(row["label"]) == row["name"] for row in properties)
        if template.file not in files:
            continue
        entities = rows(files[template.file])
        header = next(csv.reader(io.StringIO(files[template.file])))
        assert ["title", *(row["name"] for row in properties[1:])] == header
        assert all(safe_name(name) == name for name in header)
        titles = [entity["title"] for entity in entities]
        assert len(titles) == len(set(titles)), template.name
        assert all(title and MULTI_VALUE_SEPARATOR not in title for title in titles)
        by_template[template.name] = (properties, entities)
    for name, (properties, entities) in by_template.items():
        for prop in properties:
            for entity in entities:
                cell = entity[prop["name"]]
                if not cell:
                    continue
                values = cell.split(MULTI_VALUE_SEPARATOR)
                if prop["type"] == "relationship":
                    target = {e["title"] for e in by_template[prop["relationship_to"]][1]}
                    assert set(values) <= target, (name, prop["name"], cell)
                elif prop["type"] in ("select", "multiselect"):
                    labels = rows(files[f"thesauri/{safe_name(prop['thesaurus'])}.csv"])
                    assert set(values) <= {row["English"] for row in labels}
                    assert prop["type"] == "multiselect" or len(values) == 1
                elif prop["type"] == "daterange":
                    start, end = cell.split(":")
                    assert len(start) == len(end) == 10 and start <= end
                elif prop["type"] == "numeric":
                    float(cell)
    return by_template


def test_cambodia_exports_files_uwazis_import_rules_accept():
    cambodia = datasets.load("cambodia")
    found = check_uwazi_rules(to_uwazi(cambodia))
    assert len(cambodia.cases) == len(found["Case"][1])
    assert {case.id for case in cambodia.cases} == {
        row["civicspace_id"] for row in found["Case"][1]
    }


def test_an_event_of_a_month_is_a_range_with_its_precision():
    case = civicspace.load(
        {
            "type": "case",
            "id": "eng-malai",
            "country": "KHM",
            "title": "Eng Malai arrested",
            "people": [{"id": "eng-malai", "name": "Eng Malai", "roles": ["youth_activist"]}],
            "events": [{"kind": "arrest", "date": "2021-05", "people": ["eng-malai"]}],
        }
    )
    export = to_uwazi(civicspace.Collection(cases=(case,)))
    [event] = rows(export.files["05-case-event.csv"])
    assert {
        "title": "eng-malai: arrest, 2021-05",
        "civicspace_id": "eng-malai/events/0",
        "case": "Eng Malai arrested",
        "kind": "arrest",
        # mysql-dbpopulate-mt.sql, list 04: ('03010100000004', '030101000000', ...)
        "huridocs_act": "030101000000",
        "date": "2021-05-01:2021-05-31",
        "date_precision": "month",
        "people": "Eng Malai",
        "organisations": "",
        "people_count": "",
        "people_count_qualifier": "",
        "subject": "",
        "scheduled": "",
        "place": "",
        "note": "",
        "sources": "",
    } == event


def test_two_people_of_one_name_get_titles_apart():
    collection = civicspace.load(
        {
            "type": "collection",
            "people": [
                {"type": "person", "id": "sok-1", "name": "Sok"},
                {"type": "person", "id": "sok-2", "name": "Sok"},
            ],
        }
    )
    people = rows(to_uwazi(collection).files["02-person.csv"])
    assert ["Sok [sok-1]", "Sok [sok-2]"] == [person["title"] for person in people]


@DRAWN
@given(strategies.collections())
def test_drawn_collections_export_files_uwazis_import_rules_accept(collection):
    check_uwazi_rules(to_uwazi(collection))
    json.dumps(to_uwazi(collection).files)
