"""Hostile files: each gets a clear issue or a clear refusal, in bounded time, never a traceback."""

import os
import time
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

import civicspace._sheets.files
import civicspace.sheets
from civicspace.sheets import MAX_BYTES, MAX_ROWS


def workbook(path):
    book = Workbook()
    sheet = book.active
    sheet.title = "ratings"
    sheet.append(["country", "rating", "as_of"])
    sheet.append(["KHM", "repressed", "2022-12"])
    book.save(path)
    return path


def rewritten(source, target, replace=None, add=None):
    """A copy of the zip ``source`` with some entries' bytes changed and others added."""
    replace = replace or {}
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for item in old.infolist():
            data = old.read(item.filename)
            if item.filename in replace:
                data = replace[item.filename](data)
            new.writestr(item.filename, data)
        for name, data in (add or {}).items():
            new.writestr(name, data)
    return target


def refused(path, code):
    start = time.perf_counter()
    reading = civicspace.sheets.read_tables(path)
    elapsed = time.perf_counter() - start
    assert [code] == [issue.issue.code for issue in reading.issues]
    assert not reading.readable
    assert reading.document is None
    assert elapsed < 30  # bounded, not timed: a refusal never reads the input
    return str(reading.issues[0])


def test_a_plain_workbook_reads(tmp_path):
    reading = civicspace.sheets.read_tables(workbook(tmp_path / "ok.xlsx"))
    assert [] == list(reading.issues)


def test_a_zip_bomb_is_refused_before_it_is_inflated(tmp_path):
    path = tmp_path / "bomb.xlsx"
    chunk = b"\0" * (1 << 24)
    with (
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as bomb,
        bomb.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as entry,
    ):
        for _ in range(MAX_BYTES // len(chunk) + 1):
            entry.write(chunk)
    assert path.stat().st_size < MAX_BYTES // 100
    assert "zip bomb" in refused(path, "sheet.too_large")


def test_a_zip_of_very_many_entries_is_refused(tmp_path):
    path = tmp_path / "many.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        for index in range(civicspace.sheets.MAX_ENTRIES + 1):
            archive.writestr(f"x/{index}", b"")
    refused(path, "sheet.too_large")


def test_a_dimension_claiming_a_million_rows_changes_nothing_read(tmp_path):
    # The rows read are the rows there, whatever <dimension> claims.
    plain = workbook(tmp_path / "plain.xlsx")
    path = rewritten(
        plain,
        tmp_path / "million.xlsx",
        {"xl/worksheets/sheet1.xml": lambda data: data.replace(b"A1:C2", b"A1:C1000000")},
    )
    reading = civicspace.sheets.read_tables(path)
    assert ([], "KHM") == (list(reading.issues), reading.document["ratings"][0]["country"])


def test_a_csv_file_of_more_rows_than_the_cap_is_refused(tmp_path):
    path = tmp_path / "ratings.csv"
    path.write_bytes(b"country,rating,as_of\n" + b"KHM,repressed,2022\n" * (MAX_ROWS + 1))
    assert f"more than {MAX_ROWS} rows" in refused(path, "sheet.too_large")


def test_a_sheet_of_more_rows_than_the_cap_is_refused_while_streaming(tmp_path):
    # No dimension claims anything: the rows are counted as they stream.
    rows = b"".join(
        b'<row r="%d"><c r="A%d" t="inlineStr"><is><t>KHM</t></is></c></row>' % (n, n)
        for n in range(1, MAX_ROWS + 3)
    )

    def long_sheet(data):
        start, end = data.index(b"<sheetData>"), data.index(b"</sheetData>")
        data = data[:start] + b"<sheetData>" + rows + data[end:]
        return data.replace(b'<dimension ref="A1:C2" />', b"")

    plain = workbook(tmp_path / "plain.xlsx")
    path = rewritten(plain, tmp_path / "long.xlsx", {"xl/worksheets/sheet1.xml": long_sheet})
    assert f"more than {MAX_ROWS} rows" in refused(path, "sheet.too_large")


def test_external_links_are_refused(tmp_path):
    path = rewritten(
        workbook(tmp_path / "plain.xlsx"),
        tmp_path / "linked.xlsx",
        add={"xl/externalLinks/externalLink1.xml": b"<externalLink/>"},
    )
    assert "Break Link" in refused(path, "sheet.external_link")


def test_a_macro_enabled_workbook_renamed_xlsx_is_refused(tmp_path):
    macro = b"application/vnd.ms-excel.sheet.macroEnabled.main+xml"
    path = rewritten(
        workbook(tmp_path / "plain.xlsx"),
        tmp_path / "macros.xlsx",
        {
            "[Content_Types].xml": lambda data: data.replace(
                b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", macro
            )
        },
        add={"xl/vbaProject.bin": b"\xd0\xcf\x11\xe0"},
    )
    refused(path, "sheet.macro_enabled")


@pytest.mark.parametrize(
    "content", [b"hello", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, b"PK\x03\x04broken"]
)
def test_what_is_not_a_workbook_is_refused(tmp_path, content):
    path = tmp_path / "cases.xlsx"
    path.write_bytes(content)
    refused(path, "sheet.unreadable")


def test_a_damaged_entry_is_refused(tmp_path):
    path = workbook(tmp_path / "damaged.xlsx")
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        entry = archive.getinfo("[Content_Types].xml")
    start = entry.header_offset + 30 + len(entry.filename) + len(entry.extra)
    data[start : start + 40] = bytes(byte ^ 0x55 for byte in data[start : start + 40])
    path.write_bytes(bytes(data))
    refused(path, "sheet.unreadable")


def test_a_latin1_csv_is_refused_with_the_line_and_the_fix(tmp_path):
    path = tmp_path / "case_people.csv"
    path.write_bytes("case_id,person_id,name\nx,y,Sok Ché\n".encode("latin-1"))
    message = refused(path, "sheet.encoding")
    assert "line 2" in message and "CSV UTF-8" in message and "'é'" in message


def test_a_utf16_csv_is_refused(tmp_path):
    path = tmp_path / "ratings.csv"
    path.write_bytes("country,rating,as_of\nKHM,repressed,2022\n".encode("utf-16"))
    assert "UTF-16" in refused(path, "sheet.encoding")


@pytest.mark.parametrize(
    "content",
    [
        "\ufeffcountry,rating,as_of\nKHM,repressed,2022\n",  # Excel's "CSV UTF-8": a BOM first
        "country;rating;as_of\nKHM;repressed;2022\n",  # Excel's CSV where "," is the decimal
        "country\trating\tas_of\nKHM\trepressed\t2022\n",
    ],
)
def test_a_bom_semicolons_and_tabs_read_as_meant(tmp_path, content):
    path = tmp_path / "ratings.csv"
    path.write_bytes(content.encode("utf-8"))
    reading = civicspace.sheets.read_tables(path)
    assert [] == list(reading.issues)
    assert "KHM" == reading.document["ratings"][0]["country"]


def test_an_empty_folder_and_a_missing_file_are_refused(tmp_path):
    refused(tmp_path, "sheet.unreadable")
    refused(tmp_path / "nothing.xlsx", "sheet.unreadable")


# -- what the probe of the last release found ---------------------------------------------------


def sheet_xml(rows, dimension="A1:C2"):
    """A worksheet part: ``rows`` is the XML of its rows, ``dimension`` what it claims."""
    return (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        b'<dimension ref="%s"/><sheetData>%s</sheetData></worksheet>' % (dimension.encode(), rows)
    )


def text_cell(ref, text):
    return b'<c r="%s" t="inlineStr"><is><t>%s</t></is></c>' % (ref.encode(), text.encode())


def with_sheet(tmp_path, rows, dimension="A1:C2", name="probe.xlsx"):
    plain = workbook(tmp_path / "plain.xlsx")
    part = sheet_xml(rows, dimension)
    return rewritten(plain, tmp_path / name, {"xl/worksheets/sheet1.xml": lambda _: part})


HEADER = (
    b'<row r="1">'
    + b"".join(
        text_cell(f"{c}1", t) for c, t in zip("ABC", ["country", "rating", "as_of"], strict=True)
    )
    + b"</row>"
)


def test_a_row_and_a_cell_outside_the_declared_dimension_are_read_not_dropped(tmp_path):
    rows = (
        HEADER
        + b'<row r="2">'
        + text_cell("A2", "KHM")
        + text_cell("B2", "repressed")
        + text_cell("C2", "2022-12")
        + b'</row><row r="3">'
        + text_cell("A3", "XXX")
        + text_cell("B3", "repressed")
        + text_cell("C3", "2022-12")
        + b"</row>"
    )
    reading = civicspace.sheets.read_tables(with_sheet(tmp_path, rows, "A1:C2"))
    assert [("ratings!A3", "$.ratings[1].country")] == [
        (issue.cell, issue.issue.path) for issue in reading.issues
    ]


def test_a_value_in_a_column_outside_the_dimension_is_reported(tmp_path):
    rows = (
        HEADER
        + b'<row r="2">'
        + text_cell("A2", "KHM")
        + text_cell("B2", "repressed")
        + text_cell("C2", "2022-12")
        + text_cell("F2", "what is this")
        + b"</row>"
    )
    reading = civicspace.sheets.read_tables(with_sheet(tmp_path, rows, "A1:C2"))
    assert [("ratings!F2", "sheet.unknown_column")] == [
        (issue.cell, issue.issue.code) for issue in reading.issues
    ]


def test_three_million_empty_cells_in_a_row_are_refused_while_the_row_is_read(tmp_path):
    rows = HEADER + b'<row r="2">' + b"<c/>" * 3_000_000 + b"</row>"
    path = with_sheet(tmp_path, rows)
    assert path.stat().st_size < 100_000
    message = refused(path, "sheet.too_large")
    assert "row 2 of the sheet ratings holds more than 16384 cells" in message


def test_the_memory_of_a_long_row_is_bounded_while_it_is_read(tmp_path):
    # 300,000 empty cells took some 100 MB when the row was built before it was counted.
    import tracemalloc

    rows = HEADER + b'<row r="2">' + b"<c/>" * 300_000 + b"</row>"
    path = with_sheet(tmp_path, rows)
    tracemalloc.start()
    try:
        reading = civicspace.sheets.read_tables(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert ["sheet.too_large"] == [issue.issue.code for issue in reading.issues]
    assert peak < 20_000_000


def test_a_value_beyond_the_column_limit_is_refused(tmp_path):
    rows = HEADER + b'<row r="2">' + text_cell("ZZ2", "x") + b"</row>"
    assert "a value in ZZ2, beyond column SF" in refused(
        with_sheet(tmp_path, rows), "sheet.too_large"
    )


def test_an_unclosed_quote_is_an_issue_on_its_line_and_the_rows_after_it_are_read(tmp_path):
    (tmp_path / "ratings.csv").write_text(
        'country,rating,as_of\nKHM,repressed,"2022\nTHA,repressed,2022\nMMR,closed,2022\n',
        "utf-8",
    )
    reading = civicspace.sheets.read_tables(tmp_path)
    assert [("ratings.csv line 2 (column C)", "sheet.csv_syntax")] == [
        (issue.cell, issue.issue.code) for issue in reading.issues
    ]
    assert "never closed" in reading.issues[0].issue.message
    assert ["THA", "MMR"] == [rating["country"] for rating in reading.document["ratings"]]


def test_a_link_to_dev_zero_in_a_folder_is_refused_at_once(tmp_path):
    (tmp_path / "cases.csv").write_text("case_id,country,title\nkhm-1,KHM,Arrest\n", "utf-8")
    (tmp_path / "sources.csv").symlink_to("/dev/zero")
    message = refused(tmp_path, "sheet.unreadable")
    assert "a device, not a regular file" in message and "sources.csv" in message


def test_dev_zero_itself_is_refused_at_once():
    assert "a device, not a regular file" in refused(Path("/dev/zero"), "sheet.unreadable")


def test_a_fifo_is_refused_without_waiting(tmp_path):
    os.mkfifo(tmp_path / "events.csv")
    (tmp_path / "cases.csv").write_text("case_id,country,title\nkhm-1,KHM,Arrest\n", "utf-8")
    assert "a FIFO" in refused(tmp_path, "sheet.unreadable")
    os.mkfifo(tmp_path / "book.xlsx")
    assert "a FIFO" in refused(tmp_path / "book.xlsx", "sheet.unreadable")


def test_a_csv_file_larger_than_the_bound_is_refused_while_read(tmp_path, monkeypatch):
    # The bound counts the bytes read, not the size the file claims.
    monkeypatch.setattr(civicspace._sheets.files, "MAX_BYTES", 100)
    (tmp_path / "cases.csv").write_text("case_id,country,title\n" + "khm-1,KHM,x\n" * 20, "utf-8")
    assert "at most 100 are read" in refused(tmp_path, "sheet.too_large")


def test_a_row_added_below_a_filled_case_workbook_s_dimension_is_read(tmp_path, case_document):
    # Issue: "add <row r="3"> with id BAD ID and country XXX to a filled case workbook's
    # cases sheet, leave <dimension ref="A1:D2"/> -- read_tables returns valid, one case".
    from .conftest import fill_case

    filled = fill_case(tmp_path / "case.xlsx", case_document).save()
    with zipfile.ZipFile(filled) as archive:
        part = next(
            name
            for name in archive.namelist()
            if name.startswith("xl/worksheets/sheet")
            and b"mother-nature-2020" in archive.read(name)
            and b'<dimension ref="A1:D2" />' in archive.read(name)
        )

    def add_row(data):
        row = b'<row r="3">' + text_cell("A3", "BAD ID") + text_cell("B3", "XXX") + b"</row>"
        return data.replace(b"</sheetData>", row + b"</sheetData>")

    path = rewritten(filled, tmp_path / "added.xlsx", {part: add_row})
    reading = civicspace.sheets.read_tables(path)
    assert not reading.valid
    assert {"cases!A3", "cases!B3"} <= {issue.cell for issue in reading.issues}


def test_rows_out_of_order_are_refused_as_unreadable(tmp_path):
    rows = HEADER + b'<row r="3">' + text_cell("A3", "KHM") + b'</row><row r="2"></row>'
    assert "out of order" in refused(with_sheet(tmp_path, rows), "sheet.unreadable")


def test_cells_without_references_after_empty_ones_land_in_their_columns(tmp_path):
    rows = (
        HEADER
        + b'<row r="2">'
        + text_cell("A2", "KHM")
        + b'<c r="B2" s="0"/>'
        + b'<c t="inlineStr"><is><t>2022</t></is></c>'
        + b"</row>"
    )
    reading = civicspace.sheets.read_tables(with_sheet(tmp_path, rows))
    assert ["ratings!B2"] == [issue.cell for issue in reading.issues]  # rating: empty
    assert "2022" == reading.document["ratings"][0]["as_of"]


def test_a_workbook_of_more_cells_than_the_bound_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(civicspace._sheets.files, "MAX_CELLS", 5)
    assert "more than 5 cells" in refused(workbook(tmp_path / "b.xlsx"), "sheet.too_large")


def test_rows_upon_rows_of_empty_cells_are_refused_before_they_are_parsed(tmp_path):
    # 400 rows of 16,000 empty cells each: no row breaks Excel's bound, the workbook breaks
    # the bound on cells, counted before any XML is parsed.
    row = b"<c/>" * 16_000
    rows = HEADER + b"".join(b'<row r="%d">' % n + row + b"</row>" for n in range(2, 402))
    message = refused(with_sheet(tmp_path, rows), "sheet.too_large")
    assert "more than 5000000 cells" in message


def test_a_shared_strings_part_of_too_many_strings_is_refused_unparsed(tmp_path, monkeypatch):
    monkeypatch.setattr(civicspace._sheets.files, "MAX_CELLS", 1000)
    strings = (
        b'<?xml version="1.0" encoding="UTF-8"?>'
        b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        + b"<si><t>x</t></si>" * 1001
        + b"</sst>"
    )
    plain = workbook(tmp_path / "plain.xlsx")
    path = rewritten(plain, tmp_path / "strings.xlsx", add={"xl/sharedStrings.xml": strings})
    assert "more than 1000 texts" in refused(path, "sheet.too_large")
