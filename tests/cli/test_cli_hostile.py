"""The command line under hostile conditions: a message and an exit code, never a traceback."""

from __future__ import annotations

import json
import os
import shlex
import signal
import subprocess
import sys
import tracemalloc
from pathlib import Path

import pytest

from civicspace._cli.app import main

RATING = {"type": "rating", "country": "KHM", "rating": "repressed", "as_of": "2020"}
COMMAND = [sys.executable, "-m", "civicspace"]


@pytest.fixture(scope="module")
def many(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Enough invalid records to fill any pipe: 20,000 lines with two issues each."""
    path = tmp_path_factory.mktemp("many") / "many.jsonl"
    line = json.dumps(dict(RATING, rating="bogus", note="é"))
    path.write_text((line + "\n") * 20_000, "utf-8")
    return path


def _shell(command: str, **options: object) -> subprocess.CompletedProcess[bytes]:
    line = " ".join(map(shlex.quote, COMMAND)) + " " + command
    return subprocess.run(["sh", "-c", line], capture_output=True, check=False, timeout=120)


def _no_traceback(run: subprocess.CompletedProcess[bytes]) -> None:
    assert b"Traceback" not in run.stderr, run.stderr.decode()


def test_standard_input_closed():
    run = _shell("validate - <&-")
    _no_traceback(run)
    assert (2, b"civicspace validate: cannot read -: standard input is closed\n") == (
        run.returncode,
        run.stderr,
    )


def test_standard_output_closed(many: Path):
    run = _shell(f"validate {shlex.quote(str(many))} >&-")
    _no_traceback(run)
    assert 2 == run.returncode
    assert b"standard output is closed" in run.stderr


def test_standard_error_closed(tmp_path: Path):
    path = tmp_path / "few.jsonl"
    path.write_text((json.dumps(dict(RATING, rating="bogus")) + "\n") * 3, "utf-8")
    run = _shell(f"validate {shlex.quote(str(path))} 2>&- | tail -1")
    assert (0, b"       3  schema.enum\n", b"") == (run.returncode, run.stdout, run.stderr)
    bad = _shell("validate --jobs 0 x 2>&-")
    assert (2, b"") == (bad.returncode, bad.stderr)


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full (Linux)")
def test_output_to_a_full_disk(many: Path):
    run = _shell(f"validate {shlex.quote(str(many))} >/dev/full")
    _no_traceback(run)
    assert (2, b"civicspace: cannot write the output: No space left on device\n") == (
        run.returncode,
        run.stderr,
    )


@pytest.mark.parametrize("encoding", ["ascii", "cp1252"])
@pytest.mark.parametrize("output", ["text", "json"])
def test_an_output_encoding_without_the_characters(tmp_path: Path, encoding: str, output: str):
    path = tmp_path / "odd.json"
    path.write_text(json.dumps({**RATING, "né ☃": 1, "rating": "répressed"}), "utf-8")
    run = subprocess.run(
        [*COMMAND, "validate", "--format", output, str(path)],
        capture_output=True,
        check=False,
        env={**os.environ, "PYTHONIOENCODING": encoding},
    )
    _no_traceback(run)
    assert (1, b"") == (run.returncode, run.stderr)
    printed = run.stdout.decode(encoding)
    if output == "json":
        issues = json.loads(printed)["records"][0]["issues"]
        assert ["$.rating", "$['né ☃']"] == sorted(issue["path"] for issue in issues)
    else:
        assert "\\u2603" in printed or "\\xe9" in printed


def test_a_pipe_closed_by_its_reader_ends_quietly(many: Path):
    process = subprocess.Popen(
        [*COMMAND, "validate", str(many)], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.readline()
    process.stdout.close()  # as `head -1` does
    error = process.stderr.read()
    process.stderr.close()
    assert (141, b"") == (process.wait(timeout=120), error)


@pytest.mark.parametrize("output", ["text", "json"])
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_ctrl_c_prints_the_summary_so_far_and_exits_130(many: Path, output: str, jobs: str):
    process = subprocess.Popen(
        [*COMMAND, "validate", "--format", output, "--jobs", jobs, str(many)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        bufsize=0,  # unbuffered: what readline reads is not lost to communicate
    )
    assert process.stdout is not None
    first = process.stdout.readline()  # running, and reading the file
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=120)
    out = first + out
    assert 130 == process.returncode
    assert b"Traceback" not in err and b"interrupted" in err
    if output == "json":
        report = json.loads(out)
        assert (True, report["summary"]["records"]) == (
            report["interrupted"],
            report["summary"]["valid"] + report["summary"]["invalid"],
        )
    else:
        assert b" records read: 0 valid, " in out or b"1 record read: 0 valid, " in out


def test_jobs_are_bounded(capsys: pytest.CaptureFixture[str]):
    with pytest.raises(SystemExit) as exited:
        main(["validate", "--jobs", "1000", "x.json"])
    assert 2 == exited.value.code
    assert "from 1 to 64" in capsys.readouterr().err


def test_the_json_report_streams_in_memory_that_does_not_grow_with_the_records(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    def peak(records: int) -> int:
        path = tmp_path / f"{records}.jsonl"
        path.write_text("".join(f'{{"type": "bogus", "n": {n}}}\n' for n in range(records)))
        with open(os.devnull, "w", encoding="utf-8") as null:  # not captured: kept by pytest
            monkeypatch.setattr(sys, "stdout", null)
            tracemalloc.start()
            try:
                assert 1 == main(["validate", "--format", "json", str(path)])
                return tracemalloc.get_traced_memory()[1]
            finally:
                tracemalloc.stop()

    small, large = peak(300), peak(2400)
    assert large < small + 1_000_000, (small, large)


def test_the_schema_command_bundles(capsys: pytest.CaptureFixture[str]):
    import civicspace

    assert 0 == main(["schema", "case", "--bundle"])
    assert civicspace.schema("case", bundle=True) == json.loads(capsys.readouterr().out)


@pytest.mark.parametrize("command", [["export", "--format", "popolo"], ["site"]])
def test_export_and_site_read_only_regular_files(command, tmp_path, capsys):
    # /dev/zero never ends and a FIFO blocks a plain read forever: both are refused unread.
    os.mkfifo(tmp_path / "fifo.json")
    for source in ("/dev/zero", str(tmp_path / "fifo.json")):
        argv = [command[0], source, *command[1:], "--out", str(tmp_path / "out")]
        assert 2 == main(argv)
        assert "not a regular file" in capsys.readouterr().err
