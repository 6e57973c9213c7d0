"""Messages a person can act on: did-you-mean, currencies by name, one reason, the right cell."""

import zipfile

import civicspace.sheets
from civicspace._cli.app import main

CASE = "case_id,country,title\nkhm-1,KHM,Arrest of a journalist\n"
PEOPLE = "case_id,person_id,name\nkhm-1,sok,Sok\n"
EVENTS = "case_id,event_index,kind,date\nkhm-1,0,arrest,2020-09-03\n"
EVENT_PEOPLE = "case_id,event_index,person_id\nkhm-1,0,sok\n"


def read(tmp_path, **files):
    for name, text in files.items():
        (tmp_path / f"{name}.csv").write_text(text, "utf-8")
    return civicspace.sheets.read_tables(tmp_path)


def found(reading):
    return [(issue.cell, issue.issue.code, issue.issue.message) for issue in reading.issues]


def test_a_misspelt_sheet_gets_a_did_you_mean(tmp_path):
    reading = read(tmp_path, cases=CASE, case_people=PEOPLE, event=EVENTS)
    [(cell, code, message)] = found(reading)
    assert ("event.csv line 1 (column A)", "sheet.unknown_sheet") == (cell, code)
    assert "no table is called 'event'; did you mean 'events'?" in message


def test_a_misspelt_column_gets_a_did_you_mean(tmp_path):
    reading = read(tmp_path, cases="case_id,country,titel\nkhm-1,KHM,Arrest\n")
    messages = [message for _, code, message in found(reading) if code == "sheet.unknown_column"]
    assert 1 == len(messages)
    assert "the table cases has no column 'titel'; did you mean 'title'?" in messages[0]


def test_a_header_of_a_megabyte_gives_a_bounded_message(tmp_path):
    reading = read(tmp_path, cases=f"case_id,country,title,{'x' * 1_000_000}\nkhm-1,KHM,A,b\n")
    assert all(len(message) < 2_000 for _, _, message in found(reading))


def sentence(amount, currency):
    return (
        "case_id,sentence_index,person_id,term,fine_amount,fine_currency\n"
        f'khm-1,0,sok,P18M,"{amount}",{currency}\n'
    )


def test_riel_as_a_currency_suggests_khr(tmp_path):
    reading = read(tmp_path, cases=CASE, case_people=PEOPLE, sentences=sentence("2000000", "Riel"))
    assert [
        (
            "sentences.csv line 2 (column F)",
            "sheet.wrong_type",
            "'Riel' is not an ISO 4217 currency code (KHR, USD, ...); did you mean 'KHR'?",
        )
    ] == found(reading)


def test_thousands_separators_get_one_reason_and_the_fix(tmp_path):
    # Issue: "'2,000,000' is not an amount civicspace reads: '2,000,000' is not an amount the
    # reader understands: '2,000,000' names no currency (the currency is in the next column)".
    reading = read(tmp_path, cases=CASE, case_people=PEOPLE, sentences=sentence("2,000,000", "KHR"))
    [(cell, code, message)] = found(reading)
    assert ("sentences.csv line 2 (column E)", "sheet.wrong_type") == (cell, code)
    assert (
        "'2,000,000' has thousands separators: type 2000000 (digits and a decimal point "
        "only), and its currency in fine_currency"
    ) == message
    assert 1 == message.count("2,000,000")


def test_an_owner_path_past_the_last_event_is_an_issue_on_it_and_makes_no_event(tmp_path):
    # Issue: "a sources owner_path past the last event creates phantom events and points
    # at cases!A2".
    reading = read(
        tmp_path,
        cases=CASE,
        case_people=PEOPLE,
        events=EVENTS,
        event_people=EVENT_PEOPLE,
        sources="owner_path,title\n$.cases[0].events[3],Report\n",
    )
    assert [("sources.csv line 2 (column A)", "sheet.unknown_reference")] == [
        (cell, code) for cell, code, _ in found(reading)
    ]
    assert 1 == len(reading.document["cases"][0]["events"])


def test_a_malformed_owner_path_says_so_on_its_cell(tmp_path):
    # Issue: "a malformed one says "did you mean 'scales'?"".
    reading = read(
        tmp_path, cases=CASE, case_people=PEOPLE, sources="owner_path,title\ncases[0],Report\n"
    )
    [(cell, code, message)] = found(reading)
    assert ("sources.csv line 2 (column A)", "sheet.bad_path") == (cell, code)
    assert "'cases[0]' is not a JSON path" in message and "scales" not in message


def test_an_owner_path_to_a_row_places_the_source(tmp_path):
    reading = read(
        tmp_path,
        cases=CASE,
        case_people=PEOPLE,
        events=EVENTS,
        event_people=EVENT_PEOPLE,
        sources="owner_path,title\n$.cases[0].events[0],Report\n",
    )
    assert [] == found(reading)
    assert [{"title": "Report"}] == reading.document["cases"][0]["events"][0]["sources"]


def test_validate_of_a_workbook_points_to_import(tmp_path, capsys):
    # Issue: "civicspace validate file.xlsx says "not valid UTF-8" instead of pointing to import".
    path = tmp_path / "cases.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
    assert 1 == main(["validate", str(path)])
    out = capsys.readouterr().out
    assert "civicspace import" in out and "UTF-8" not in out


def test_an_empty_template_imports_as_nothing_and_exits_1(tmp_path, capsys):
    # Issue: "an empty template imports as valid with exit 0".
    path = civicspace.sheets.write_template(tmp_path / "case.xlsx", type="case")
    assert 1 == main(["import", str(path)])
    out = capsys.readouterr().out
    assert "nothing to import" in out and "[sheet.empty]" in out


def test_every_problem_is_reported_in_one_pass(tmp_path):
    # Issue: "a workbook with a misspelt role and a bad date, once fixed, then reveals an
    # unresolved reference; a half-filled row hides event.concerns_nobody until the next
    # import".
    reading = read(
        tmp_path,
        cases=CASE,
        case_people="case_id,person_id,name,roles\nkhm-1,sok,Sok,journalst\n",
        events=(
            "case_id,event_index,kind,date\n"
            "khm-1,0,arrest,03/09/2020\n"
            "khm-1,1,arrest,2020-09-04\n"
            "khm-1,2,charge,2020-09-05\n"
        ),
        event_people="case_id,event_index,person_id\nkhm-1,0,sok\nkhm-1,1,chan\n",
    )
    assert {
        ("case_people.csv line 2 (column D)", "schema.enum"),
        ("events.csv line 2 (column D)", "sheet.locale_date"),
        ("event_people.csv line 3 (column C)", "case.unresolved_reference"),
        ("events.csv line 4 (column B)", "event.concerns_nobody"),
    } == {(cell, code) for cell, code, _ in found(reading)}


def test_cells_of_five_thousand_digits_give_bounded_issues(tmp_path):
    # Issue: "a CSV term or index cell of 5,000 digits (civicspace import traceback)".
    digits = "1" * 5000
    reading = read(
        tmp_path,
        cases=CASE,
        case_people=PEOPLE,
        events=f"case_id,event_index,kind,date\nkhm-1,{digits},arrest,2020\n",
        sentences=f"case_id,sentence_index,person_id,term\nkhm-1,0,sok,P{digits}M\n",
    )
    assert {
        ("events.csv line 2 (column B)", "sheet.wrong_type"),
        ("sentences.csv line 2 (column D)", "schema.max_length"),
    } <= {(cell, code) for cell, code, _ in found(reading)}
    assert all(len(message) < 500 for _, _, message in found(reading))


def test_a_deleted_event_row_of_an_export_is_an_issue_on_a_row_that_names_it(tmp_path):
    # Issue: "a removed event row lands on the case's id cell".
    import civicspace
    import civicspace.tables
    from civicspace import datasets

    collection = datasets.load("cambodia")
    written = civicspace.tables.write(civicspace.tables.tables(collection), tmp_path, "csv")
    events = tmp_path / "events.csv"
    lines = events.read_text("utf-8").splitlines(keepends=True)
    removed = next(n for n, line in enumerate(lines) if line.startswith('"$.cases[0].events[1]"'))
    events.write_text("".join(lines[:removed] + lines[removed + 1 :]), "utf-8")
    assert written
    reading = civicspace.sheets.read_tables(tmp_path)
    assert [("$.cases[0].events[1]", "A", "sheet.bad_index")] == [
        (issue.issue.path, issue.column, issue.issue.code) for issue in reading.issues
    ]
    assert "no row gives $.cases[0].events[1]" in reading.issues[0].issue.message
