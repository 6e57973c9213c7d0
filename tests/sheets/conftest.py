"""Shared pieces of the sheets tests: a case of the Cambodia dataset, as a person fills it in."""

import json

import pytest
from openpyxl import load_workbook

import civicspace.sheets
from civicspace import datasets

CASE = "mother-nature-2020"


def without_inner_sources(case):
    """The case with sources on the case only: what a partner's workbook gives."""

    def strip(value):
        if isinstance(value, dict):
            return {key: strip(item) for key, item in value.items() if key != "sources"}
        if isinstance(value, list):
            return [strip(item) for item in value]
        return value

    stripped = strip(case)
    stripped["sources"] = case["sources"]
    for charge in stripped.get("charges", []):
        charge.pop("citations", None)  # citations with their law: tests/sheets/test_citations.py
    return stripped


@pytest.fixture(scope="session")
def case_document():
    document = json.loads(datasets.document("cambodia"))
    case = next(case for case in document["cases"] if case["id"] == CASE)
    return without_inner_sources(case)


class Filler:
    """Types rows into a template as a person would: by column name, one row after another."""

    def __init__(self, path):
        self.path = path
        self.workbook = load_workbook(path)
        self.next_row = {}

    def add(self, sheet_name, **values):
        sheet = self.workbook[sheet_name]
        columns = {cell.value: cell.column for cell in sheet[1]}
        row = self.next_row.get(sheet_name, 2)
        for name, value in values.items():
            sheet.cell(row=row, column=columns[name], value=value)
        self.next_row[sheet_name] = row + 1
        return row

    def save(self):
        self.workbook.save(self.path)
        return self.path


def fill_case(path, case):
    """Fill a case template at ``path`` with ``case`` (a case document), as a person would."""
    civicspace.sheets.write_template(path, type="case")
    filler = Filler(path)
    cid = case["id"]
    filler.add("cases", case_id=cid, country=case["country"], title=case["title"])
    filler.workbook["cases"]["D2"] = case.get("summary")
    for person in case.get("people", []):
        filler.add(
            "case_people",
            case_id=cid,
            person_id=person["id"],
            name=person["name"],
            roles="; ".join(person.get("roles", [])) or None,
            nationalities="; ".join(person.get("nationalities", [])) or None,
            other_names="; ".join(o["name"] for o in person.get("other_names", [])) or None,
            other_name_notes="; ".join(o.get("note", "") for o in person.get("other_names", []))
            or None,
        )
        for affiliation in person.get("affiliations", []):
            filler.add(
                "affiliations",
                case_id=cid,
                person_id=person["id"],
                organisation_id=affiliation["organisation"],
                role=affiliation.get("role"),
            )
    for organisation in case.get("organisations", []):
        filler.add(
            "case_organisations",
            case_id=cid,
            organisation_id=organisation["id"],
            name=organisation["name"],
            acronym=organisation.get("acronym"),
            organisation_country=organisation.get("country"),
            kind=organisation.get("kind"),
            other_names="; ".join(o["name"] for o in organisation.get("other_names", [])) or None,
            other_name_notes="; ".join(
                o.get("note", "") for o in organisation.get("other_names", [])
            )
            or None,
        )
    for index, event in enumerate(case.get("events", [])):
        filler.add(
            "events",
            case_id=cid,
            event_index=index,
            kind=event["kind"],
            date=event.get("date"),
            people_count=event.get("people_count"),
            people_count_qualifier=event.get("people_count_qualifier"),
            subject=event.get("subject"),
            actor=event.get("actor", {}).get("name"),
            actor_kind=event.get("actor", {}).get("kind"),
            in_absentia=event.get("in_absentia"),
            place=event.get("place"),
            note=event.get("note"),
        )
        for person in event.get("people", []):
            filler.add("event_people", case_id=cid, event_index=index, person_id=person)
        for organisation in event.get("organisations", []):
            filler.add(
                "event_organisations", case_id=cid, event_index=index, organisation_id=organisation
            )
        for charge in event.get("charges", []):
            filler.add("event_charges", case_id=cid, event_index=index, charge_id=charge)
    for charge in case.get("charges", []):
        filler.add(
            "charges",
            case_id=cid,
            charge_id=charge["id"],
            offence=charge["offence"],
            date=charge.get("date"),
        )
        for person in charge.get("people", []):
            filler.add("charge_people", case_id=cid, charge_id=charge["id"], person_id=person)
    for index, sentence in enumerate(case.get("sentences", [])):
        term = sentence.get("term")
        fine = sentence.get("fine")
        filler.add(
            "sentences",
            case_id=cid,
            sentence_index=index,
            person_id=sentence["person"],
            # Prose, as the sources write it: the readers read it.
            term={"P20M": "20 months", "P18M": "18 months"}.get(term, term),
            fine_amount=None if fine is None else "4 million riel (USD 1,000)",
            in_absentia=sentence.get("in_absentia"),
            imposed_on=sentence.get("imposed_on"),
            court=sentence.get("court"),
        )
    for mark in case.get("derived", []):
        filler.add(
            "derived",
            record="cases",
            record_id=cid,
            member=mark["member"],
            how=mark["how"],
            note=mark.get("note"),
        )
    for source in case["sources"]:
        filler.add("sources", record="cases", record_id=cid, **source)
    return filler
