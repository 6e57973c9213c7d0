"""What a workbook shows is what is read: hidden parts, month cells, serials out of range."""

import datetime

from openpyxl import Workbook

import civicspace.sheets


def ratings_workbook(path, rows, **styles):
    book = Workbook()
    sheet = book.active
    sheet.title = "ratings"
    sheet.append(["country", "rating", "as_of"])
    for row in rows:
        sheet.append(row)
    for ref, fmt in styles.items():
        sheet[ref].number_format = fmt
    return book, sheet


def cells_and_codes(reading):
    return [(issue.cell, issue.issue.code) for issue in reading.issues]


def test_a_hidden_sheet_is_an_issue_on_its_first_cell(tmp_path):
    # Issue: "Hidden sheets and hidden rows are imported silently".
    book, sheet = ratings_workbook(tmp_path / "b.xlsx", [["KHM", "repressed", "2022"]])
    sheet.sheet_state = "hidden"
    book.create_sheet("laws")
    book.save(tmp_path / "b.xlsx")
    reading = civicspace.sheets.read_tables(tmp_path / "b.xlsx")
    assert [("ratings!A1", "sheet.hidden")] == cells_and_codes(reading)
    assert "the sheet ratings is hidden" in reading.issues[0].issue.message


def test_a_hidden_row_and_a_hidden_column_are_issues_on_their_cells(tmp_path):
    book, sheet = ratings_workbook(
        tmp_path / "b.xlsx",
        [["KHM", "repressed", "2022"], ["THA", "repressed", "2022"], ["MMR", "closed", "2022"]],
    )
    sheet.row_dimensions[3].hidden = True
    sheet.column_dimensions["C"].hidden = True
    sheet.column_dimensions["H"].hidden = True  # empty: nothing is hidden there
    book.save(tmp_path / "b.xlsx")
    reading = civicspace.sheets.read_tables(tmp_path / "b.xlsx")
    assert [("ratings!A3", "sheet.hidden"), ("ratings!C1", "sheet.hidden")] == cells_and_codes(
        reading
    )


def test_the_template_s_hidden_lists_sheet_is_no_issue(tmp_path):
    path = civicspace.sheets.write_template(tmp_path / "t.xlsx", type="rating")
    from openpyxl import load_workbook

    book = load_workbook(path)
    book["ratings"].append(["KHM", "repressed", "2022"])
    book.save(path)
    assert [] == cells_and_codes(civicspace.sheets.read_tables(path))


def test_a_month_cell_is_read_as_the_month_it_shows_and_said_so(tmp_path):
    # Issue: "An Excel date cell formatted mmm-yy (what Excel makes of "2021-06") is
    # silently read as 2021-06-01".
    book, _sheet = ratings_workbook(
        tmp_path / "b.xlsx", [["KHM", "repressed", datetime.datetime(2021, 6, 1)]], C2="mmm-yy"
    )
    book.save(tmp_path / "b.xlsx")
    reading = civicspace.sheets.read_tables(tmp_path / "b.xlsx")
    assert [] == cells_and_codes(reading)
    assert "2021-06" == reading.document["ratings"][0]["as_of"]
    assert ["ratings!C2: read '2021-06-01, a date cell formatted mmm-yy' as '2021-06'"] == [
        str(found) for found in reading.readings
    ]


def test_a_year_cell_is_read_as_the_year(tmp_path):
    book, _sheet = ratings_workbook(
        tmp_path / "b.xlsx", [["KHM", "repressed", datetime.datetime(2021, 1, 1)]], C2="yyyy"
    )
    book.save(tmp_path / "b.xlsx")
    reading = civicspace.sheets.read_tables(tmp_path / "b.xlsx")
    assert "2021" == reading.document["ratings"][0]["as_of"]


def test_a_day_cell_is_read_as_the_day(tmp_path):
    book, _sheet = ratings_workbook(
        tmp_path / "b.xlsx", [["KHM", "repressed", datetime.datetime(2021, 6, 3)]], C2="d mmm yyyy"
    )
    book.save(tmp_path / "b.xlsx")
    assert (
        "2021-06-03"
        == civicspace.sheets.read_tables(tmp_path / "b.xlsx").document["ratings"][0]["as_of"]
    )


def test_serials_outside_excel_s_dates_are_refused_as_dates_not_called_formulas(tmp_path):
    # Issue: "-1 is accepted as 1899-12-29; 2958466 is reported as a formula".
    book, _sheet = ratings_workbook(
        tmp_path / "b.xlsx",
        [["KHM", "repressed", -1], ["THA", "repressed", 2958466]],
        C2="yyyy-mm-dd",
        C3="yyyy-mm-dd",
    )
    book.save(tmp_path / "b.xlsx")
    reading = civicspace.sheets.read_tables(tmp_path / "b.xlsx")
    assert [("ratings!C2", "sheet.bad_date"), ("ratings!C3", "sheet.bad_date")] == (
        cells_and_codes(reading)
    )
    assert "the number 2958466 in a date cell is no date" in reading.issues[1].issue.message
    assert "formula" not in reading.issues[1].issue.message


def test_a_month_cell_in_a_column_of_days_is_an_issue(tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.title = "custody_credited"
    sheet.append(["case_id", "sentence_index", "period_index", "start"])
    sheet.append(["khm-1", 0, 0, datetime.datetime(2021, 6, 1)])
    sheet["D2"].number_format = "mmm-yy"
    book.save(tmp_path / "b.xlsx")
    reading = civicspace.sheets.read_tables(tmp_path / "b.xlsx")
    assert ("custody_credited!D2", "sheet.month_date") in [
        (issue.cell, issue.issue.code) for issue in reading.issues
    ]
    month = next(issue for issue in reading.issues if issue.issue.code == "sheet.month_date")
    assert "the cell shows only a month" in month.issue.message
