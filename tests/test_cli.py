"""The command line: validate and schema, exit codes, and python -m."""

import json
import subprocess
import sys

import pytest

import civicspace
from civicspace._cli import main

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
    assert f"{path}: valid\n1 checked: 1 valid, 0 invalid\n" == capsys.readouterr().out


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
    assert 1 == main(["validate", "--kind", "scale", path])
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
    assert "0 invalid" in out and "examples/rating-philippines-2020.json: valid" in out


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
