"""The texts around the code name only what exists.

Every ``civicspace.<name>`` that a docstring, comment, docs page, README or
CONTRIBUTING mentions is a module or attribute that imports today: a text
that names a module since moved, or a function since renamed, fails here.
"""

import importlib
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

#: Names the texts mention on purpose although they do not exist: examples of a name to
#: come, a name that must fail, and file names.
NOT_NAMES = {"civicspace.new_name", "civicspace.no_such_name", "civicspace.xlsx", "civicspace._"}

_MENTION = re.compile(r"(?<![\w/.-])civicspace((?:\.[A-Za-z_]\w*)+)")


def _texts():
    for folder in ("src", "docs", "tests", "benchmarks"):
        for path in sorted((ROOT / folder).rglob("*")):
            if path.suffix in {".py", ".md", ".html"} and not {"_generated", "_build"} & set(
                path.parts
            ):
                yield path
    yield from (ROOT / "README.md", ROOT / "CONTRIBUTING.md")


def _resolves(dotted):
    parts = dotted.split(".")
    for end in range(len(parts), 0, -1):
        try:
            found = importlib.import_module(".".join(parts[:end]))
        except ImportError:
            continue
        for part in parts[end:]:
            if not hasattr(found, part):
                return False
            found = getattr(found, part)
        return True
    return False


def mentions():
    found = {}
    for path in _texts():
        for match in _MENTION.finditer(path.read_text("utf-8")):
            dotted = "civicspace" + match.group(1)
            if dotted.startswith("civicspace.__main__") or dotted in NOT_NAMES:
                continue
            found.setdefault(dotted, path.relative_to(ROOT).as_posix())
    return found


def test_texts_mention_many_names():
    assert len(mentions()) > 250


@pytest.mark.parametrize(("dotted", "where"), sorted(mentions().items()))
def test_a_name_a_text_mentions_exists(dotted, where):
    assert _resolves(dotted), f"{where} mentions {dotted}, which does not exist"
