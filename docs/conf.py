"""Sphinx configuration: MyST Markdown pages, the furo theme, autodoc over the public API.

The API, strategy, schema and issue-code reference pages are generated at
build time by ``_ext/civicspace_docs.py`` from the installed package, into
``_generated/`` (not kept in git).  Build with warnings as errors, as CI
does::

    python -m pip install -e '.[docs]'
    python -m sphinx -W --keep-going -b html docs docs/_build/html
"""

import sys
from pathlib import Path

import civicspace

sys.path.insert(0, str(Path(__file__).parent / "_ext"))

project = "civicspace"
author = "The civicspace developers"
copyright = "the civicspace developers"
release = civicspace.__version__
version = ".".join(release.split(".")[:2])

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "civicspace_docs",
]

source_suffix = {".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build", "**/.ipynb_checkpoints"]

myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

autodoc_member_order = "bysource"
autodoc_typehints = "signature"
autodoc_preserve_defaults = False
autodoc_class_signature = "mixed"
napoleon_google_docstring = True
napoleon_numpy_docstring = False
napoleon_use_ivar = True


html_theme = "furo"
html_title = f"civicspace {release}"
