"""Every example in the docstrings runs."""

import doctest
import importlib
import pkgutil
from pathlib import Path

import pytest

import civicspace

MODULES = [
    name
    for _, name, _ in pkgutil.iter_modules(civicspace.__path__, "civicspace.")
    if name != "civicspace.__main__"
]


@pytest.mark.parametrize("name", ["civicspace", *MODULES])
def test_docstring_examples(name):
    failures, _ = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert 0 == failures


def test_readme_examples():
    readme = Path(__file__).parent.parent / "README.md"
    failures, tried = doctest.testfile(str(readme), module_relative=False)
    assert (0, True) == (failures, tried > 0)
