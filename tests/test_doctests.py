"""Every example in the docstrings runs."""

import doctest
import importlib
import pkgutil

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
