"""``civicspace template`` and ``civicspace import``: exit codes, lines, the JSON report."""

import argparse
import io
import json

import jsonschema

import civicspace
import civicspace.sheets
import civicspace.tables
from civicspace import datasets
from civicspace._cli.app import main
from civicspace._sheets.cli import run


def test_template_writes_a_workbook_and_a_csv_folder(tmp_path, capsys):
    assert 0 == main(["template", "--type", "law", str(tmp_path / "law.xlsx")])
    assert 0 == main(["template", "--type", "case", "--format", "csv", str(tmp_path / "c")])
    assert (
        f"{tmp_path / 'law.xlsx'}: a law template (xlsx)\n"
        == capsys.readouterr().out.split("\n", 1)[0] + "\n"
    )
    names = sorted(path.name for path in (tmp_path / "c").iterdir())
    assert "how_to_fill_in.txt" in names and "events.csv" in names
    assert civicspace.sheets.read_tables(tmp_path / "law.xlsx").valid


def test_import_of_an_export_writes_the_collection(tmp_path, capsys):
    collection = datasets.load("cambodia")
    written = civicspace.tables.write(civicspace.tables.tables(collection), tmp_path, "xlsx")
    out = tmp_path / "collection.json"
    assert 0 == main(["import", str(written[0]), "--out", str(out)])
    assert civicspace.dump(collection) == json.loads(out.read_text("utf-8"))
    assert capsys.readouterr().out.startswith(f"{written[0]}: valid (19 ratings, 15 laws")


def test_import_of_an_invalid_folder_prints_cells_and_exits_1(tmp_path, capsys):
    (tmp_path / "cases.csv").write_text("case_id,country,title\nkhm-1 ,KHM,Arrest\n", "utf-8")
    out = tmp_path / "collection.json"
    assert 1 == main(["import", str(tmp_path), "--out", str(out)])
    assert [
        f"{tmp_path}: cases.csv line 2 (column A): $.cases[0].id: 'khm-1 ' has a space "
        "before or after it, which an id or a code never has [sheet.whitespace]",
        f"{tmp_path}: 1 issue; nothing written",
    ] == capsys.readouterr().out.splitlines()
    assert not out.exists()


def test_the_json_report_names_each_cell_and_follows_its_schema(tmp_path, capsys):
    (tmp_path / "cases.csv").write_text("case_id,country,title\nkhm-1,Cambodia,Arrest\n", "utf-8")
    assert 1 == main(["import", str(tmp_path), "--format", "json"])
    report = json.loads(capsys.readouterr().out)
    jsonschema.validate(report, civicspace.schema("report"))
    cells = [issue.get("cell") for issue in report["records"][0]["issues"]]
    assert {
        "sheet": "cases",
        "row": 2,
        "column": "B",
        "ref": "cases.csv line 2 (column B)",
    } in cells


def test_a_refused_file_exits_2_without_a_traceback(tmp_path, capsys):
    path = tmp_path / "ratings.csv"
    path.write_bytes("country,rating,as_of\nKHM,répressed,2022\n".encode("latin-1"))
    assert 2 == main(["import", str(path)])
    captured = capsys.readouterr()
    assert "[sheet.encoding]" in captured.out
    assert "Traceback" not in captured.err
    assert 2 == main(["import", str(tmp_path / "missing.xlsx")])


class Terminal(io.StringIO):
    """Standard error as a terminal."""

    def isatty(self):
        return True


def test_import_shows_progress_on_a_terminal_only(tmp_path):
    # Issue: "import (13.5 s on a 2.5 MB workbook) ... print no progress; validate and export do".
    written = civicspace.tables.write(
        civicspace.tables.tables(datasets.load("cambodia")), tmp_path, "xlsx"
    )
    args = argparse.Namespace(command="import", source=str(written[0]), out=None, format="text")
    terminal, pipe = Terminal(), io.StringIO()
    assert 0 == run(args, io.StringIO(), terminal)
    assert 0 == run(args, io.StringIO(), pipe)
    shown = terminal.getvalue()
    assert "\r\033[Kreading cases" in shown and "\r\033[Kvalidating the collection" in shown
    assert shown.endswith("\r\033[K")
    assert "" == pipe.getvalue()


def test_read_tables_reports_progress_to_a_callback(tmp_path):
    (tmp_path / "cases.csv").write_text("case_id,country,title\nkhm-1,KHM,Arrest\n", "utf-8")
    lines = []
    civicspace.sheets.read_tables(tmp_path, progress=lines.append)
    assert [
        "reading cases.csv",
        "reading the cells",
        "placing the rows",
        "validating the collection",
    ] == lines
