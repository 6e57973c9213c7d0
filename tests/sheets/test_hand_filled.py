"""A workbook filled by hand from one Cambodia case reads back valid; planted mistakes are found.

The workbook is the case template, typed into with openpyxl as a person types
into Excel: by column name, dates as text, a term and a fine as the sources
write them ("20 months", "4 million riel (USD 1,000)").
"""

import pytest

import civicspace
import civicspace.sheets

from .conftest import Filler, fill_case


def test_the_hand_filled_case_reads_back_to_the_case(tmp_path, case_document):
    path = fill_case(tmp_path / "case.xlsx", case_document).save()
    reading = civicspace.sheets.read_tables(path)
    assert [] == [str(issue) for issue in reading.issues]
    expected = civicspace.dump(civicspace.load({"type": "collection", "cases": [case_document]}))
    assert expected == reading.document
    assert isinstance(reading.collection(), civicspace.Collection)
    # What the prose readers read is reported, cell by cell.
    assert "sentences!D2: read '20 months' as 'P20M'" == str(reading.readings[0])
    assert {"$.cases[0].sentences[0].fine"} == {
        found.path for found in reading.readings if found.cell == "sentences!F2"
    }


def test_five_planted_mistakes_are_reported_on_exactly_their_cells(tmp_path, case_document):
    filler = fill_case(tmp_path / "case.xlsx", case_document)
    events = filler.workbook["events"]
    events["D3"] = "03/09/2020"  # a date typed in a locale's format (D: date, row 3: event 1)
    events["E2"] = "3"  # people_count: a number stored as text
    filler.workbook["event_people"]["C2"] = "thun-ratha "  # a trailing space in an id
    filler.add("charges", case_id="mother-nature-2002", charge_id="x", offence="incitement")
    filler.workbook["sentences"]["S2"] = "=A1"  # court (column S): a formula
    reading = civicspace.sheets.read_tables(filler.save())

    assert {
        "events!D3": "sheet.locale_date",
        "events!E2": "sheet.number_as_text",
        "event_people!C2": "sheet.whitespace",
        "charges!A3": "sheet.unknown_reference",
        "sentences!S2": "sheet.formula",
    } == {issue.cell: issue.issue.code for issue in reading.issues}
    assert 5 == len(reading.issues)
    by_cell = {issue.cell: issue for issue in reading.issues}
    assert "$.cases[0].events[1].date" == by_cell["events!D3"].issue.path
    assert ("events", 3, "D") == (
        by_cell["events!D3"].sheet,
        by_cell["events!D3"].row,
        by_cell["events!D3"].column,
    )
    assert str(by_cell["events!D3"]).startswith("events!D3: $.cases[0].events[1].date: ")


def test_schema_issues_land_on_the_cell_of_their_field(tmp_path, case_document):
    filler = fill_case(tmp_path / "case.xlsx", case_document)
    filler.workbook["events"]["C2"] = None  # kind, which every event needs
    filler.workbook["cases"]["B2"] = "Cambodia"  # not an ISO 3166-1 alpha-3 code
    reading = civicspace.sheets.read_tables(filler.save())
    assert {
        "events!C2": "schema.required",
        "cases!B2": "schema.enum",
    } == {issue.cell: issue.issue.code for issue in reading.issues}


def test_a_merged_cell_and_an_unknown_column_are_issues_on_their_cells(tmp_path, case_document):
    filler = fill_case(tmp_path / "case.xlsx", case_document)
    filler.workbook["events"].merge_cells("H2:I2")
    filler.workbook["cases"]["F1"] = "severity"
    filler.workbook["cases"]["F2"] = "high"
    reading = civicspace.sheets.read_tables(filler.save())
    assert {
        "events!H2": "sheet.merged",
        "cases!F1": "sheet.unknown_column",
    } == {issue.cell: issue.issue.code for issue in reading.issues}


def test_rows_out_of_place_are_issues(tmp_path, case_document):
    filler = fill_case(tmp_path / "case.xlsx", case_document)
    filler.workbook["events"]["B3"] = 0  # event_index 0 twice
    filler.workbook["case_people"]["A2"] = None  # no case_id: the row has no place
    reading = civicspace.sheets.read_tables(filler.save())
    codes = {issue.cell: issue.issue.code for issue in reading.issues}
    assert "sheet.bad_index" == codes["events!B3"]
    assert "sheet.missing_key" == codes["case_people!A2"]


def test_a_csv_template_filled_in_reads_back(tmp_path):
    folder = civicspace.sheets.write_template(tmp_path / "rating", type="rating", format="csv")
    assert (folder / "how_to_fill_in.txt").exists()
    (folder / "ratings.csv").write_text(
        "country,rating,as_of,watchlist,score\nKHM,repressed,2022-12,FALSE,\n", "utf-8"
    )
    (folder / "sources.csv").write_text(
        "owner_path,record,record_id,url,title,publisher,date,quote\n"
        "$.ratings[0],,,https://monitor.civicus.org/country/cambodia/,,,,\n",
        "utf-8",
    )
    reading = civicspace.sheets.read_tables(folder)
    assert [] == [str(issue) for issue in reading.issues]
    assert [
        {
            "type": "rating",
            "country": "KHM",
            "rating": "repressed",
            "as_of": "2022-12",
            "watchlist": False,
            "sources": [{"url": "https://monitor.civicus.org/country/cambodia/"}],
        }
    ] == reading.document["ratings"]


def test_a_template_has_dropdowns_from_the_schemas_and_a_how_to_sheet(tmp_path):
    from openpyxl import load_workbook

    path = civicspace.sheets.write_template(tmp_path / "case.xlsx", type="case")
    workbook = load_workbook(path)
    assert "how_to_fill_in" == workbook.sheetnames[0]
    events = workbook["events"]
    assert "kind" == events["C1"].value
    assert events["C1"].comment is not None
    formulas = {
        str(validation.sqref).split(":")[0]: validation.formula1
        for validation in events.data_validations.dataValidation
    }
    listed = [
        row[0].value for row in workbook["lists"][formulas["C2"].split("!")[1].replace("$", "")]
    ]
    assert list(civicspace.cases.event_kinds()) == listed
    assert "@" == events.column_dimensions["D"].number_format  # a date as given stays text


def test_filler_types_as_a_person_does(tmp_path):
    # The helper itself: columns by name, rows one after another.
    path = civicspace.sheets.write_template(tmp_path / "t.xlsx", type="rating")
    filler = Filler(path)
    assert 2 == filler.add("ratings", country="KHM")
    assert 3 == filler.add("ratings", country="THA")


@pytest.mark.parametrize("format", ["xlsx", "csv"])
@pytest.mark.parametrize("type", sorted(civicspace.sheets.TEMPLATE_TYPES))
def test_every_empty_template_reads_back_as_an_empty_valid_collection(tmp_path, type, format):
    # civicspace import says "nothing to import" of it (tests/sheets/test_messages.py).
    path = civicspace.sheets.write_template(tmp_path / f"{type}.{format}", type=type, format=format)
    reading = civicspace.sheets.read_tables(path)
    assert (True, {"type": "collection"}) == (reading.valid, reading.document)


def test_a_csv_folder_with_mistakes_reports_them_on_their_cells(tmp_path):
    folder = civicspace.sheets.write_template(tmp_path / "case", type="case", format="csv")
    files = {
        "cases.csv": "case_id,country,title\nkhm-1,KHM,Arrest of a journalist\n",
        "case_people.csv": "case_id,person_id,name\nkhm-1,sok,Sok\nkhm-9,chan,Chan\n",
        "events.csv": (
            "case_id,event_index,kind,date,people_count\n"
            "khm-1,0,arrest,03/09/2020,1\n"
            "khm-1,1,charge,2020-09-05,one\n"
        ),
        "event_people.csv": "case_id,event_index,person_id\nkhm-1,0,sok\nkhm-1,1, sok\n",
        "sentences.csv": "case_id,sentence_index,person_id,term\nkhm-1,0,sok,a few years\n",
        "sources.csv": "record,record_id,title\ncases,khm-1,Report\n",
    }
    for name, text in files.items():
        (folder / name).write_text(text, "utf-8")
    reading = civicspace.sheets.read_tables(folder)
    assert {
        "case_people.csv line 3 (column A)": "sheet.unknown_reference",
        "events.csv line 2 (column D)": "sheet.locale_date",
        "events.csv line 3 (column E)": "sheet.wrong_type",
        "event_people.csv line 3 (column C)": "sheet.whitespace",
        "sentences.csv line 2 (column D)": "sheet.prose",
    } == {issue.cell: issue.issue.code for issue in reading.issues}


def test_a_charges_penalty_and_a_derived_mark_are_placed_by_their_keys(tmp_path, case_document):
    filler = fill_case(tmp_path / "case.xlsx", case_document)
    charge = case_document["charges"][0]["id"]
    filler.add("penalties", case_id=case_document["id"], charge_id=charge, maximum_term="P30Y")
    reading = civicspace.sheets.read_tables(filler.save())
    assert [] == [str(issue) for issue in reading.issues]
    case = reading.collection().cases[0]
    assert civicspace.sentences.Term(years=30) == case.charges[0].penalty.maximum_term
    marks = case_document["derived"]
    assert [(mark["member"], mark["how"]) for mark in marks] == [
        (mark.member, mark.how.value) for mark in case.derived
    ]
