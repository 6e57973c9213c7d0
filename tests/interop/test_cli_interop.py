"""civicspace export --format popolo|uwazi and civicspace import --from popolo."""

import json

import civicspace
from civicspace import datasets
from civicspace._cli.app import main

from ._popolo_schemas import bundle_errors


def test_export_popolo_and_import_it_back(tmp_path, capsys):
    assert 0 == main(
        ["export", "cambodia", "--format", "popolo", "--case-data", "--out", str(tmp_path)]
    )
    bundle = json.loads((tmp_path / "popolo.json").read_text(encoding="utf-8"))
    assert [] == bundle_errors(bundle)
    out = tmp_path / "collection.json"
    assert 0 == main(
        ["import", str(tmp_path / "popolo.json"), "--from", "popolo", "--out", str(out)]
    )
    assert datasets.load("cambodia") == civicspace.load(out.read_bytes())
    assert "datasets/cambodia.json: popolo, 1 file written" in capsys.readouterr().out


def test_export_uwazi_writes_the_templates_thesauri_and_entities(tmp_path):
    assert 0 == main(["export", "cambodia", "--format", "uwazi", "--out", str(tmp_path)])
    assert (tmp_path / "templates.csv").is_file()
    assert (tmp_path / "thesauri" / "event_kind.csv").is_file()
    assert (tmp_path / "04-case.csv").read_text(encoding="utf-8").startswith("title,civicspace_id,")


def test_import_popolo_reports_bad_input_by_path(tmp_path, capsys):
    bad = tmp_path / "bad.json"
    bad.write_text('{"persons": 3}', encoding="utf-8")
    # What is left out is reported; the rest is read (exit 0), unless nothing readable is left.
    assert 0 == main(["import", str(bad), "--from", "popolo", "--format", "json"])
    report = json.loads(capsys.readouterr().out)
    issues = report["records"][0]["issues"]
    assert [("$.persons", "popolo.wrong_type")] == [(i["path"], i["code"]) for i in issues]
    bad.write_text("[]", encoding="utf-8")
    assert 1 == main(["import", str(bad), "--from", "popolo"])
    assert "popolo.not_bundle" in capsys.readouterr().out
    assert 2 == main(["import", str(tmp_path / "missing.json"), "--from", "popolo"])


def test_export_uwazi_and_import_it_back(tmp_path, capsys):
    assert 0 == main(["export", "cambodia", "--format", "uwazi", "--out", str(tmp_path / "u")])
    out = tmp_path / "collection.json"
    assert 0 == main(["import", str(tmp_path / "u"), "--from", "uwazi", "--out", str(out)])
    read = civicspace.load(out.read_bytes())
    assert {case.id for case in datasets.load("cambodia").cases} == {case.id for case in read.cases}
    assert "34 cases" in capsys.readouterr().out


def test_import_uwazi_names_file_row_and_column(tmp_path, capsys):
    (tmp_path / "02-person.csv").write_text("title,affiliations\nSok,Nobody\n", encoding="utf-8")
    assert 0 == main(["import", str(tmp_path), "--from", "uwazi"])
    shown = capsys.readouterr().out
    assert "02-person.csv:2 [affiliations]: 'Nobody' is the title of no Organisation" in shown
    assert 2 == main(["import", str(tmp_path / "missing"), "--from", "uwazi"])
