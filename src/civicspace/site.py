"""A static site of a collection, readable from ``file://``: needs the ``site`` extra.

``pip install 'civicspace[site]'`` installs matplotlib and Jinja2.
:func:`build_site` writes an index (counts, the rating chart of each
country, the latest events) and a page per country, case, law, statement
and Human Rights Council session, each fact with the published sentence it
rests on.  The pages need no server, no script and no network: links are
relative, the style sheet and the charts (SVG, each with alternative text
and a table of the same facts) are files of the site, every string from the
data is escaped, and a URL from the data is a link only when it is http(s).
From the command line: ``civicspace site cambodia --out site/``.

>>> import tempfile
>>> from civicspace import datasets, site
>>> with tempfile.TemporaryDirectory() as out:
...     written = site.build_site(datasets.load("cambodia"), out, charts=False)
...     print(written[-1].name, sum(path.suffix == ".html" for path in written))
index.html 76

Without the extra, :func:`build_site` raises :class:`~civicspace.errors.MissingExtraError`,
whose one-line message says what to install.
"""

from __future__ import annotations

import datetime
from pathlib import Path

from ._site._extra import require
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

    ``out_dir`` is made if missing; files already there are overwritten,
    others left alone.  Open ``index.html`` in a browser.

    Args:
        collection: The records, as :func:`civicspace.load` or
            :func:`civicspace.datasets.load` returns them.
        out_dir: Where to write.
        today: The day the pages say which laws are in force on (default:
            today), so that a site can be rebuilt the same.
        charts: ``False`` leaves the charts and their tables out (the other
            tables stay): many thousands of cases build in a fraction of the time.

    Raises:
        MissingExtraError: when the ``site`` extra is not installed.
        OSError: when ``out_dir`` cannot be written.

    """
    require("civicspace.site")
    from ._site.build import build

    return build(collection, out_dir, today=today, draw=charts)
