"""Charts of a collection, as matplotlib figures: needs the ``site`` extra.

``pip install 'civicspace[site]'`` installs matplotlib and Jinja2.  Each
function returns a :class:`matplotlib.figure.Figure` drawn on matplotlib's
Agg canvas (no display needed, nothing kept by pyplot), with a title and
labelled axes, readable in greyscale: series differ by hatching and marker
shape.  Save one with ``figure.savefig("rating.svg")``, or from the command
line: ``civicspace chart rating-history cambodia --country KHM --out rating.svg``.

>>> from civicspace import charts, datasets
>>> cambodia = datasets.load("cambodia")
>>> figure = charts.rating_history(cambodia, "KHM")
>>> figure.get_axes()[0].get_title()
'Civic-space rating of Cambodia'

Without the extra, each function raises
:class:`civicspace.errors.MissingExtraError`, whose one-line message says what
to install.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from ._site import require
from .cases import Case
from .collection import Collection
from .ratings import CountryRating

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = ["co_signing", "custody_timeline", "rating_history", "signatures"]


def _charts() -> Any:
    require("civicspace.charts")
    from ._site import charts

    return charts


def rating_history(ratings: Collection | Iterable[CountryRating], country: str) -> Figure:
    """A step chart of ``country``'s civic-space ratings over time, changes of category marked.

    ``ratings`` is a collection (its ratings are used) or any ratings.  The
    five ratings run from open at the top to closed at the bottom; a rating
    takes effect on the first day its ``as_of`` date may be (as
    :class:`~civicspace.ratings.RatingHistory` reads it), and each downgrade or
    upgrade is marked and dated.

    Raises:
        civicspace.errors.MissingExtraError: when the ``site`` extra is not installed.

    """
    found = ratings.ratings if isinstance(ratings, Collection) else tuple(ratings)
    figure: Figure = _charts().rating_chart(found, country).figure
    return figure


def custody_timeline(case: Case) -> Figure:
    """A case's custody over time: one row per person of the case.

    Spells in custody (as :func:`~civicspace.cases.timeline` tracks them) are bars,
    hatched before the person's first verdict and solid after it; the days
    a partial date leaves open are a dotted outline; events are marks by
    kind (custody begins, ends, verdict, other), a partial date drawn as a
    range; and a ruling reported in accounts that disagree
    (:func:`~civicspace.analysis.conflicts`) shows the range of dates on which its
    term would end.

    Raises:
        civicspace.errors.MissingExtraError: when the ``site`` extra is not installed.

    """
    figure: Figure = _charts().custody_chart(case).figure
    return figure


def signatures(collection: Collection) -> Figure:
    """Per statement of ``collection``: the signatories it lists (bars) and the count it declares.

    Raises:
        civicspace.errors.MissingExtraError: when the ``site`` extra is not installed.

    """
    figure: Figure = _charts().signatures_chart(collection.statements).figure
    return figure


def co_signing(collection: Collection, top: int = 12) -> Figure:
    """The ``top`` pairs of organisations that signed most statements of ``collection`` together.

    Organisations are gathered across spellings as
    :func:`~civicspace.analysis.co_signatories` gathers them.

    Raises:
        civicspace.errors.MissingExtraError: when the ``site`` extra is not installed.

    """
    figure: Figure = _charts().co_signing_chart(collection.statements, top).figure
    return figure
