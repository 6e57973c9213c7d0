"""``civicspace export`` and the writers: what is written, exit codes, the missing extra."""

import json
import re
import subprocess
import sys

import pyarrow.parquet as pq
import pytest
from hypothesis import HealthCheck, Phase, given, settings
from openpyxl import load_workbook

import civicspace
import civicspace.tables
from civicspace import datasets, strategies
from civicspace._cli.app import main

# Drawn collections are large: shrinking a failure took minutes, so failures show as drawn.
NO_SHRINK = (Phase.explicit, Phase.reuse, Phase.generate)

RATING = {"type": "rating", "country": "KHM", "rating": "repressed", "as_of": "2020"}
LAW = {
    "type": "law",
    "id": "khm/code/criminal-code",
    "jurisdiction": "KHM",
    "kind": "code",
    "titles": ["Criminal Code"],
}
TABLES = [layout.name for layout in civicspace.tables.LAYOUT]


def test_csv_writes_one_utf8_file_per_table(tmp_path, capsys):
    assert 0 == main(["export", "cambodia", "--format", "csv", "--out", str(tmp_path)])
    assert sorted(f"{name}.csv" for name in TABLES) == sorted(p.name for p in tmp_path.iterdir())
    header = (tmp_path / "case_people.csv").read_text("utf-8").splitlines()[0]
    assert header.startswith('"path","case_id","country","person_id","name",')
    out = capsys.readouterr()
    assert re.fullmatch(r"datasets/cambodia.json: 40 tables, \d+ rows, 40 written to .*\n", out.out)
    assert "" == out.err  # no progress off a terminal


def test_parquet_files_read_back_equal(tmp_path):
    assert 0 == main(["export", "cambodia", "--format", "parquet", "--out", str(tmp_path)])
    built = civicspace.tables.tables(datasets.load("cambodia"))
    for name, table in built.items():
        assert table == pq.read_table(tmp_path / f"{name}.parquet")


def test_partitioned_parquet_splits_tables_with_a_country(tmp_path):
    argv = ["export", "cambodia", "--format", "parquet", "--partition", "country"]
    assert 0 == main([*argv, "--out", str(tmp_path)])
    assert {"country=KHM", "country=THA"} <= {p.name for p in (tmp_path / "cases").iterdir()}
    assert (tmp_path / "laws.parquet").is_file()
    partitioned = {layout.name for layout in civicspace.tables.LAYOUT if layout.partition}
    assert partitioned == {p.name for p in tmp_path.iterdir() if p.is_dir()}


def test_a_collection_file_and_json_lines_export(tmp_path):
    document = tmp_path / "collection.json"
    document.write_text(json.dumps({"type": "collection", "ratings": [RATING], "laws": [LAW]}))
    lines = tmp_path / "records.jsonl"
    lines.write_text(json.dumps(RATING) + "\n" + json.dumps(LAW) + "\n")
    for source, out in ((document, "one"), (lines, "two")):
        argv = ["export", str(source), "--format", "parquet", "--out", str(tmp_path / out)]
        assert 0 == main(argv)
        assert 1 == pq.read_table(tmp_path / out / "ratings.parquet").num_rows
        assert ["Criminal Code"] == pq.read_table(tmp_path / out / "laws.parquet")[
            "title"
        ].to_pylist()


def test_unreadable_input_exits_2_with_one_line(tmp_path, capsys):
    missing = tmp_path / "missing.json"
    argv = ["export", str(missing), "--format", "csv", "--out", str(tmp_path / "out")]
    assert 2 == main(argv)
    err = capsys.readouterr().err
    assert [
        f"civicspace export: cannot read {missing}: no such file, and no dataset of that name "
        "(the datasets are: cambodia)"
    ] == err.splitlines()
    assert not (tmp_path / "out").exists()


def test_a_directory_is_unreadable_too(tmp_path, capsys):
    assert 2 == main(["export", str(tmp_path), "--format", "csv", "--out", str(tmp_path / "o")])
    assert 1 == len(capsys.readouterr().err.splitlines())


def test_invalid_input_exits_1_with_the_issues_and_writes_nothing(tmp_path, capsys):
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(dict(RATING, rating="repressd", as_of="2020-02-30")))
    assert 1 == main(["export", str(bad), "--format", "xlsx", "--out", str(tmp_path / "out")])
    lines = capsys.readouterr().out.splitlines()
    assert [
        f"{bad}: $.rating schema.enum",
        f"{bad}: $.as_of schema.format",
        f"{bad}: 2 issues; nothing exported",
    ] == [re.sub(r": [^$]*\[(.*)\]$", r" \1", line) for line in lines]
    assert not (tmp_path / "out").exists()


def test_partition_goes_with_parquet_only(tmp_path, capsys):
    argv = ["export", "cambodia", "--format", "csv", "--partition", "country"]
    assert 2 == main([*argv, "--out", str(tmp_path)])
    assert "--partition goes with --format parquet only" in capsys.readouterr().err


def test_without_the_extra_the_command_and_module_name_it_in_one_line(tmp_path):
    blocked = "import sys; sys.modules['pyarrow'] = None; "
    command = blocked + (
        "from civicspace._cli.app import main; "
        f"sys.exit(main(['export', 'cambodia', '--format', 'csv', '--out', {str(tmp_path)!r}]))"
    )
    done = subprocess.run([sys.executable, "-c", command], capture_output=True, text=True)
    assert (
        2,
        "civicspace export needs the 'tables' extra (pyarrow missing): "
        "pip install 'civicspace[tables]'\n",
    ) == (
        done.returncode,
        done.stderr,
    )
    module = blocked + (
        "import civicspace\n"
        "try:\n    import civicspace.tables\n"
        "except ImportError as error:\n    print(type(error).__name__, error)"
    )
    done = subprocess.run([sys.executable, "-c", module], capture_output=True, text=True)
    expected = (
        "MissingExtraError civicspace.tables needs the 'tables' extra (pyarrow missing): "
        "pip install 'civicspace[tables]'\n"
    )
    assert (expected, "") == (done.stdout, done.stderr)


def test_excel_without_openpyxl_names_the_extra(tmp_path):
    command = (
        "import sys; sys.modules['openpyxl'] = None; import civicspace.tables\n"
        "from civicspace import datasets\n"
        "found = civicspace.tables.tables(datasets.load('cambodia'))\n"
        "try:\n"
        f"    civicspace.tables.write_xlsx(found, {str(tmp_path / 'x.xlsx')!r})\n"
        "except civicspace.errors.MissingExtraError as error:\n"
        "    print(error)"
    )
    done = subprocess.run([sys.executable, "-c", command], capture_output=True, text=True)
    expected = (
        "civicspace.tables.write_xlsx needs the 'tables' extra (openpyxl missing): "
        "pip install 'civicspace[tables]'\n"
    )
    assert (expected, "") == (done.stdout, done.stderr)


def test_help_works_without_the_extra():
    command = (
        "import sys; sys.modules['pyarrow'] = None; "
        "from civicspace._cli.app import main; main(['export', '--help'])"
    )
    done = subprocess.run([sys.executable, "-c", command], capture_output=True, text=True)
    assert (0, True) == (done.returncode, "--partition" in done.stdout)


def test_an_amount_no_column_holds_is_an_error_naming_its_path():
    sentence = civicspace.Sentence(
        person="p",
        fine=civicspace.sentences.ReportedAmount(
            amount=civicspace.sentences.Money("1.00005", "USD")
        ),
    )
    case = civicspace.Case(
        id="c",
        country="KHM",
        title="t",
        people=(civicspace.CasePerson(id="p", name="P"),),
        sentences=(sentence,),
    )
    with pytest.raises(civicspace.errors.TablesError) as raised:
        civicspace.tables.tables(civicspace.Collection(cases=(case,)))
    assert "$.cases[0].sentences[0]" == raised.value.path
    assert str(raised.value).startswith("$.cases[0].sentences[0]: the amount 1.00005 has more than")


def test_tables_refuses_what_is_not_a_collection():
    with pytest.raises(
        civicspace.CivicspaceError, match=r"takes a civicspace\.Collection, not Case"
    ):
        civicspace.tables.tables(civicspace.Case(id="c", country="KHM", title="t"))


def _unescaped(value):
    if not isinstance(value, str):
        return value
    return re.sub(r"_x([0-9A-F]{4})_", lambda found: chr(int(found.group(1), 16)), value)


@settings(
    max_examples=8,
    deadline=None,
    phases=NO_SHRINK,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(strategies.collections())
def test_drawn_texts_survive_the_workbook(tmp_path_factory, collection):
    built = civicspace.tables.tables(collection)
    path = tmp_path_factory.mktemp("xlsx") / "tables.xlsx"
    civicspace.tables.write_xlsx(built, path)
    workbook = load_workbook(path, read_only=True)
    try:
        for name in ("sources", "events", "case_people"):
            sheet = workbook[name]
            read = [
                [_unescaped(v) for v in row] for row in sheet.iter_rows(min_row=2, values_only=True)
            ]
            column = built[name].column_names.index("path")
            expected_paths = built[name].column("path").to_pylist()
            assert expected_paths == [row[column] for row in read]
            if name == "sources":
                quotes = built[name].column("quote").to_pylist()
                index = built[name].column_names.index("quote")
                assert quotes == [row[index] if index < len(row) else None for row in read]
    finally:
        workbook.close()


def test_noncharacters_xml_cannot_carry_are_written_as_excel_escapes(tmp_path):
    # U+FFFE and U+FFFF are not XML characters: written raw, they made the workbook unreadable.
    quote = "a\uffffb\ufffec\x0c"
    collection = civicspace.load(
        {
            "type": "collection",
            "ratings": [
                {
                    "type": "rating",
                    "country": "KHM",
                    "rating": "repressed",
                    "as_of": "2020",
                    "sources": [{"title": "t", "quote": quote}],
                }
            ],
        }
    )
    path = civicspace.tables.write_xlsx(civicspace.tables.tables(collection), tmp_path / "t.xlsx")
    workbook = load_workbook(path, read_only=True)
    try:
        sheet = workbook["sources"]
        index = [cell.value for cell in next(sheet.iter_rows(max_row=1))].index("quote")
        (row,) = sheet.iter_rows(min_row=2, values_only=True)
        assert quote == _unescaped(row[index])
    finally:
        workbook.close()
