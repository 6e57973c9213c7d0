"""A static site of a collection, readable from ``file://``: needs the ``site`` extra.

``pip install 'civicspace[site]'`` installs matplotlib and Jinja2.
:func:`build_site` writes an index (counts, the cases, the latest events,
the rating chart of each country), an index of people by name, a page of
the words the pages use, and a page per country, case, law, statement,
Human Rights Council session, person, organisation and election, each fact
with the published sentence it rests on and each derived value marked as
derived.  The pages need no server, no script and no network: links are
relative, the style sheet and the charts (SVG, each with alternative text
and a table of the same facts) are files of the site, every string from the
data is escaped, and a URL from the data is a link only when it is http(s).
From the command line: ``civicspace site cambodia --out site/``.

>>> import tempfile
>>> from civicspace import datasets, site
>>> with tempfile.TemporaryDirectory() as out:
...     written = site.build_site(datasets.load("cambodia"), out, charts=False)
...     print(written[-1].name, sum(path.suffix == ".html" for path in written))
index.html 146

Without the extra, :func:`build_site` raises :class:`~civicspace.errors.MissingExtraError`,
whose one-line message says what to install.
"""

from __future__ import annotations

import datetime
from pathlib import Path

from ._site import require
from .collection import Collection
from .common import PartialDate

__all__ = ["build_site"]


def build_site(
    collection: Collection,
    out_dir: str | Path,
    *,
    today: datetime.date | PartialDate | None = None,
    charts: bool = True,
) -> list[Path]:
    """Write the site of a validated ``collection`` under ``out_dir``; the files written.

    The pages are written into a new folder beside ``out_dir`` and moved
    there once every page is written, so a build that fails leaves
    ``out_dir`` as it was.  ``out_dir`` is made if missing; files already
    there are overwritten, others left alone.  Page names are safe and short
    for every valid id (a long id keeps its start and a digest of the whole).
    Open ``index.html`` in a browser.

    Args:
        collection: The records, as :func:`civicspace.load` or
            :func:`civicspace.datasets.load` returns them.
        out_dir: Where to write.
        today: The day the pages say which laws are in force on (default:
            the day of the build, which the pages then state), so that a
            site can be rebuilt the same.
        charts: ``False`` leaves the charts and their tables out (the other
            tables stay): many thousands of cases build in a fraction of the time.

    Raises:
        MissingExtraError: when the ``site`` extra is not installed.
        OSError: when ``out_dir`` cannot be written.

    """
    require("civicspace.site")
    from ._site.build import build

    return build(collection, out_dir, today=today, draw=charts)
