"""Every command writes through one safe output: a full disk, a closed pipe, an ASCII console.

Reproductions of the probe's findings: ``import``, ``export``, ``template``,
``site`` and ``chart`` wrote to raw standard output, so ``> /dev/full`` and
``| head -1`` gave tracebacks; ``import --format json`` under
``PYTHONIOENCODING=ascii`` printed invalid JSON escapes; Ctrl-C while the
library was importing, or while ``--jobs 2`` workers started, printed one.
"""

# The project asserts `expected == actual`, which ruff calls a Yoda condition.

from __future__ import annotations

import json
import os
import shlex
import signal
import subprocess
import sys
from pathlib import Path

import pytest

COMMAND = [sys.executable, "-m", "civicspace"]
ENV = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}


def _run(arguments: list[str], **options: object) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [*COMMAND, *arguments], capture_output=True, check=False, timeout=120, env=ENV, **options
    )


def _shell(arguments: list[str], redirect: str) -> subprocess.CompletedProcess[bytes]:
    line = " ".join(map(shlex.quote, [*COMMAND, *arguments])) + " " + redirect
    return subprocess.run(
        ["sh", "-c", line], capture_output=True, check=False, timeout=120, env=ENV
    )


@pytest.fixture(scope="module")
def workbook(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A case template folder with one case in it: the ``import`` command has work to report."""
    folder = tmp_path_factory.mktemp("sheets") / "cases"
    made = _run(["template", "--type", "case", "--format", "csv", str(folder)])
    assert 0 == made.returncode, made.stderr
    (folder / "cases.csv").write_text(
        "case_id,country,title,summary\nkong-raiya-2019,KHM,Kong Raiya arrêté,\n", "utf-8"
    )
    (folder / "case_people.csv").write_text(
        "case_id,person_id,name,other_names,other_name_notes,roles,nationalities\n"
        "kong-raiya-2019,kong-raiya,Kong Raiya,,,défenseur ☃,\n",
        "utf-8",
    )
    return folder


def _commands(workbook: Path, tmp_path: Path) -> dict[str, list[str]]:
    return {
        "import": ["import", "--format", "json", str(workbook)],
        "export": ["export", "cambodia", "--format", "csv", "--out", str(tmp_path / "tables")],
        "template": ["template", "--type", "rating", str(tmp_path / "rating.xlsx")],
        "site": ["site", "cambodia", "--no-charts", "--out", str(tmp_path / "site")],
        "chart": [
            "chart",
            "signatures",
            "cambodia",
            "--out",
            str(tmp_path / "signatures.svg"),
        ],
    }


NAMES = ["import", "export", "template", "site", "chart"]


@pytest.mark.parametrize("name", NAMES)
def test_a_full_disk_is_one_line_and_exit_2(name: str, workbook: Path, tmp_path: Path) -> None:
    run = _shell(_commands(workbook, tmp_path)[name], ">/dev/full")
    expected = (2, b"civicspace: cannot write the output: No space left on device\n")
    assert expected == (run.returncode, run.stderr)


@pytest.mark.parametrize("name", NAMES)
def test_a_closed_pipe_ends_quietly(name: str, workbook: Path, tmp_path: Path) -> None:
    arguments = _commands(workbook, tmp_path)[name]
    process = subprocess.Popen(
        [*COMMAND, *arguments], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=ENV
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # the reader went away before the command wrote (`| head -0`)
    error = process.stderr.read()
    process.stderr.close()
    assert (141, b"") == (process.wait(timeout=120), error)


@pytest.mark.parametrize("encoding", ["ascii", "cp1252"])
def test_import_json_on_a_console_without_the_characters_is_json(
    workbook: Path, encoding: str
) -> None:
    run = subprocess.run(
        [*COMMAND, "import", "--format", "json", str(workbook)],
        capture_output=True,
        check=False,
        timeout=120,
        env={**ENV, "PYTHONIOENCODING": encoding},
    )
    assert b"Traceback" not in run.stderr
    assert run.stdout.isascii() == (encoding == "ascii")
    printed = json.loads(run.stdout.decode(encoding))  # valid JSON: \u escapes, never \xe9
    assert "défenseur ☃" in json.dumps(printed, ensure_ascii=False)


def test_text_on_an_ascii_console_escapes_as_json_does(workbook: Path) -> None:
    run = subprocess.run(
        [*COMMAND, "import", str(workbook)],
        capture_output=True,
        check=False,
        timeout=120,
        env={**ENV, "PYTHONIOENCODING": "ascii"},
    )
    assert b"Traceback" not in run.stderr
    assert b"\\xe" not in run.stdout


_INTERRUPTED_IMPORT = """
import os, signal, sys
import civicspace._cli as cli

class Interrupt:
    # Ctrl-C as a terminal sends it, at the moment the command line's modules load.
    def find_spec(self, name, path=None, target=None):
        if name == "civicspace._cli.app":
            os.kill(os.getpid(), signal.SIGINT)
        return None

sys.meta_path.insert(0, Interrupt())
raise SystemExit(cli.main(["validate", "--examples"]))
"""


def test_ctrl_c_while_the_command_line_loads_is_exit_130() -> None:
    run = subprocess.run(
        [sys.executable, "-c", _INTERRUPTED_IMPORT],
        capture_output=True,
        check=False,
        timeout=120,
        env=ENV,
    )
    assert (130, b"civicspace: interrupted\n") == (run.returncode, run.stderr)


_INTERRUPTED_WORKERS = """
import multiprocessing, os, signal, sys, time
from civicspace._cli.app import _pool

if __name__ == "__main__":
    pool = _pool(multiprocessing.get_context("spawn"), 2)
    # Ctrl-C to the whole process group, as a terminal sends it, while the workers start.
    try:
        os.killpg(os.getpgid(0), signal.SIGINT)
        time.sleep(5)
    except KeyboardInterrupt:
        print("interrupted")
    time.sleep(1.5)  # the workers' start-up is under way or done
    pool.terminate()
    pool.join()
"""


def test_ctrl_c_while_workers_start_reaches_the_main_process_alone(tmp_path: Path) -> None:
    script = tmp_path / "workers.py"
    script.write_text(_INTERRUPTED_WORKERS, "utf-8")
    run = subprocess.run(
        [sys.executable, str(script)],
        capture_output=True,
        check=False,
        timeout=120,
        env=ENV,
        start_new_session=True,  # its own process group: the signal reaches no one else
    )
    assert (0, b"interrupted\n", b"") == (run.returncode, run.stdout, run.stderr)


def test_the_interrupt_handler_is_restored_after_the_workers_start() -> None:
    import multiprocessing

    from civicspace._cli.app import _pool

    before = signal.getsignal(signal.SIGINT)
    pool = _pool(multiprocessing.get_context("spawn"), 1)
    pool.terminate()
    pool.join()
    assert before == signal.getsignal(signal.SIGINT)


def test_a_duplicate_huge_key_prints_a_bounded_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The probe's 60 MB file put 31 MB on standard output; the echo is bounded now.
    from civicspace._cli.app import main

    key = "k" * 10_000_000
    path = tmp_path / "duplicate.json"
    path.write_text('{"type": "rating", "' + key + '": 1, "' + key + '": 2}', "utf-8")
    assert 1 == main(["validate", "--quiet", str(path)])
    printed = capsys.readouterr().out
    assert 1 == printed.count("\n") and len(printed) < 500
    assert "json.duplicate_key" in printed
