"""The command line: validate and schema, exit codes, and python -m."""

import json
import subprocess
import sys

import pytest

import civicspace
from civicspace._cli.app import main
from civicspace._pipeline.resources import example_files

VALID = {"type": "rating", "country": "KHM", "rating": "repressed", "as_of": "2020"}


@pytest.fixture
def files(tmp_path):
    def write(name, content):
        path = tmp_path / name
        path.write_bytes(content if isinstance(content, bytes) else json.dumps(content).encode())
        return str(path)

    return write


def test_all_valid_exits_0_with_a_summary(files, capsys):
    path = files("good.json", VALID)
    assert 0 == main(["validate", path])
    assert "1 record read: 1 valid, 0 invalid, 0 issues\n" == capsys.readouterr().out


def test_any_invalid_exits_1_and_prints_file_path_message_code(files, capsys):
    good = files("good.json", VALID)
    bad = files("bad.json", dict(VALID, country="XXX", as_of="2020-02-30"))
    assert 1 == main(["validate", "--quiet", good, bad])
    lines = capsys.readouterr().out.splitlines()
    assert [f"{bad}: $.country", f"{bad}: $.as_of"] == [
        line.split(": ")[0] + ": " + line.split(": ")[1] for line in lines
    ]
    assert lines[0].endswith("[schema.enum]") and lines[1].endswith("[schema.format]")


def test_malformed_json_is_invalid_input_not_a_usage_error(files, capsys):
    path = files("broken.json", b'{"type": "rating",')
    assert 1 == main(["validate", path])
    assert "[json.syntax]" in capsys.readouterr().out


def test_a_file_that_cannot_be_read_exits_2(tmp_path, capsys):
    assert 2 == main(["validate", str(tmp_path / "missing.json")])
    assert "cannot read" in capsys.readouterr().err
    assert 2 == main(["validate", str(tmp_path)])


def test_no_paths_is_a_usage_error(capsys):
    assert 2 == main(["validate"])
    assert "PATH" in capsys.readouterr().err


def test_kind_reads_documents_as_that_type(files, capsys):
    path = files("scale.json", VALID)
    assert 1 == main(["validate", "--type", "scale", path])
    assert "[schema.const]" in capsys.readouterr().out


def test_standard_input_is_read_with_a_dash():
    run = subprocess.run(
        [sys.executable, "-m", "civicspace", "validate", "-"],
        input=json.dumps(dict(VALID, rating="bogus")).encode(),
        capture_output=True,
        check=False,
    )
    assert 1 == run.returncode
    assert b"-: $.rating: " in run.stdout
    assert b"" == run.stderr


def test_examples_shipped_in_the_package_are_valid(capsys):
    assert 0 == main(["validate", "--examples"])
    out = capsys.readouterr().out
    assert out.startswith(f"{len(list(example_files()))} records read: ")
    assert ", 0 invalid, 0 issues\n" in out


def test_schema_prints_a_published_schema(capsys):
    assert 0 == main(["schema", "rating"])
    assert civicspace.schema("rating") == json.loads(capsys.readouterr().out)
    assert 0 == main(["schema", "--list"])
    assert list(civicspace.schema_names()) == capsys.readouterr().out.split()


def test_schema_of_no_such_name_exits_2(capsys):
    assert 2 == main(["schema", "case-file"])
    assert "no schema named 'case-file'" in capsys.readouterr().err
    assert 2 == main(["schema"])


@pytest.mark.parametrize("argv", [["--help"], ["validate", "--help"], ["schema", "--help"]])
def test_help_everywhere(argv, capsys):
    with pytest.raises(SystemExit) as raised:
        main(argv)
    assert 0 == raised.value.code
    assert "usage: civicspace" in capsys.readouterr().out


def test_version_and_bad_arguments():
    run = subprocess.run(
        [sys.executable, "-m", "civicspace", "--version"], capture_output=True, check=False
    )
    assert (0, f"civicspace {civicspace.__version__}\n".encode()) == (run.returncode, run.stdout)
    bad = subprocess.run(
        [sys.executable, "-m", "civicspace", "validate", "--no-such-flag"],
        capture_output=True,
        check=False,
    )
    assert 2 == bad.returncode
    assert b"Traceback" not in bad.stderr


RATING_LINE = json.dumps(VALID)
BAD_LINE = json.dumps(dict(VALID, country="XX", rating="bogus"))


def jsonl(*lines):
    return ("\n".join(lines) + "\n").encode()


def test_json_lines_are_told_from_content_and_issues_carry_the_line(files, capsys):
    path = files("records.jsonl", jsonl(RATING_LINE, BAD_LINE, "", RATING_LINE, "{broken"))
    assert 1 == main(["validate", path])
    out = capsys.readouterr().out.splitlines()
    assert [
        f"{path}: line 2: $.country",
        f"{path}: line 2: $.rating",
        f"{path}: line 5, column 2: $",
    ] == [": ".join(line.split(": ")[:3]) for line in out[:3]]
    assert "4 records read: 2 valid, 2 invalid, 3 issues" == out[3]


def test_json_report_follows_its_published_schema(files, capsys):
    from civicspace._pipeline.schemas import validator

    path = files("records.jsonl", jsonl(RATING_LINE, BAD_LINE, BAD_LINE))
    assert 1 == main(["validate", "--format", "json", path])
    report = json.loads(capsys.readouterr().out)
    assert [] == list(validator("report").iter_errors(report))
    assert [1, 2] == [record["index"] for record in report["records"]]
    assert {"records": 3, "valid": 1, "invalid": 2, "issues": 4} == {
        key: report["summary"][key] for key in ("records", "valid", "invalid", "issues")
    }
    assert not report["truncated"]


@pytest.mark.parametrize("output", ["text", "json"])
def test_max_issues_caps_output_without_stopping_the_count(files, capsys, output):
    path = files("records.jsonl", jsonl(*[BAD_LINE] * 5))
    assert 1 == main(["validate", "--format", output, "--max-issues", "3", path])
    out = capsys.readouterr().out
    if output == "json":
        report = json.loads(out)
        assert 3 == sum(len(record["issues"]) for record in report["records"])
        assert (10, True) == (report["summary"]["issues"], report["truncated"])
    else:
        assert 3 == out.count("[schema.")
        assert "5 records read: 0 valid, 5 invalid, 10 issues" in out


def test_jobs_give_the_same_report_in_input_order(files, capsys):
    lines = [BAD_LINE if index % 7 == 3 else RATING_LINE for index in range(2000)]
    path = files("records.jsonl", jsonl(*lines))
    assert 1 == main(["validate", "--format", "json", path])
    alone = capsys.readouterr().out
    assert 1 == main(["validate", "--format", "json", "--jobs", "2", path])
    assert alone == capsys.readouterr().out


def test_a_record_over_the_size_limit_is_reported_and_skipped(files, capsys, monkeypatch):
    import civicspace._pipeline.documents

    monkeypatch.setattr(civicspace._pipeline.documents, "MAX_RECORD_BYTES", 1000)
    monkeypatch.setattr(civicspace._pipeline.documents.read_records, "__defaults__", (1000,))
    huge = json.dumps(dict(VALID, padding="x" * 5000))
    path = files("records.jsonl", jsonl(RATING_LINE, huge, RATING_LINE))
    assert 1 == main(["validate", path])
    out = capsys.readouterr().out
    assert f"{path}: line 2: $: " in out and "[json.record_too_large]" in out
    assert "3 records read: 2 valid, 1 invalid" in out


def test_progress_shows_on_a_terminal_and_not_in_a_pipe(files, monkeypatch):
    import io

    import civicspace._cli.app

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    clock = iter(range(0, 10_000))
    monkeypatch.setattr(civicspace._cli.app.time, "monotonic", lambda: next(clock))
    path = files("records.jsonl", jsonl(*[RATING_LINE] * 5))
    for err, shown in ((Terminal(), True), (io.StringIO(), False)):
        args = civicspace._cli.app._parser().parse_args(["validate", "--quiet", path])
        assert 0 == civicspace._cli.app._validate(args, io.StringIO(), err)
        assert shown == ("records, " in err.getvalue())
