"""The README's examples run exactly as a reader copies them.

Its ``pycon`` blocks run in ``tests/test_doctests.py``; here, each
``python`` block is saved as a file and run with a fresh interpreter from an
empty folder, as a reader would run it, and each import the prose shows
works after ``import civicspace`` alone.
"""

import re
import subprocess
import sys
from pathlib import Path

import pytest

README = Path(__file__).resolve().parent.parent / "README.md"
_BLOCK = re.compile(r"^```python\n(.*?)^```", re.MULTILINE | re.DOTALL)


def python_blocks():
    return _BLOCK.findall(README.read_text("utf-8"))


def test_the_readme_has_python_blocks():
    assert len(python_blocks()) >= 1


@pytest.mark.parametrize("index", range(len(python_blocks())))
def test_python_block_runs_as_a_script(index, tmp_path):
    script = tmp_path / "example.py"
    script.write_text(python_blocks()[index], "utf-8")
    done = subprocess.run(
        [sys.executable, str(script)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert (0, "") == (done.returncode, done.stderr)


def test_multiprocessing_example_prints_what_its_comment_says(tmp_path):
    (block,) = [block for block in python_blocks() if "multiprocessing" in block]
    script = tmp_path / "example.py"
    script.write_text(block, "utf-8")
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            f"import runpy; runpy.run_path({str(script)!r}, run_name='__main__')",
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert "[0, 1]\n" == done.stdout


def test_datasets_as_the_readme_names_them():
    text = README.read_text("utf-8")
    assert "civicspace.datasets.load(" not in text
    assert "from civicspace import\n  datasets" in text or "from civicspace import datasets" in text
