"""The ``site`` and ``chart`` subcommands: a collection file or a dataset in, pages or a chart out.

Exit codes as for ``validate``: 0 done, 1 when the input is not a valid
collection (every issue printed), 2 for input that cannot be read, bad
arguments or a missing extra (one line on standard error).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, BinaryIO, TextIO

from .. import datasets
from .._api import load
from .._util.exits import EXIT_INVALID, EXIT_OK, EXIT_USAGE
from .._util.progress import Progress
from .._util.regular import open_regular
from ..collection import Collection
from ..errors import MissingExtraError, ValidationError
from . import require

__all__ = ["CHART_KINDS", "add_commands", "chart", "site"]

#: The kinds of chart ``civicspace chart`` draws, and what each needs.
CHART_KINDS = {
    "rating-history": "a country's rating over time (needs --country)",
    "custody-timeline": "a case's custody, one row per person (needs --case)",
    "signatures": "signatories listed and declared, per statement",
    "co-signing": "the organisations that sign together most",
}


def add_commands(commands: Any) -> None:
    """Register ``site`` and ``chart`` on the subparsers of the ``civicspace`` parser."""
    pages = commands.add_parser(
        "site",
        help="write a static site of a collection (needs the 'site' extra)",
        description=(
            "Write HTML pages for a collection document or a shipped dataset: an index and a "
            "page per country, case, law, statement and session, each fact with its source. "
            "The pages work from file:// with no server. Exit 0 when written, 1 if the input is "
            "not a valid collection, 2 if it cannot be read."
        ),
    )
    pages.add_argument("input", metavar="FILE|DATASET", help="a collection file or a dataset name")
    pages.add_argument("--out", required=True, metavar="DIR", help="the folder to write into")
    pages.add_argument(
        "--no-charts", action="store_true", help="leave the charts out (a faster build)"
    )
    pages.add_argument(
        "--today",
        type=_day,
        metavar="YYYY-MM-DD",
        help="the day the pages say which laws are in force on (default: the day of the build, "
        "which the pages state)",
    )
    pages.set_defaults(run=site)

    drawn = commands.add_parser(
        "chart",
        help="draw one chart of a collection as SVG or PNG (needs the 'site' extra)",
        description=(
            "Draw a chart of a collection document or a shipped dataset: "
            + "; ".join(f"{kind}: {meaning}" for kind, meaning in CHART_KINDS.items())
            + ". The format follows --out's suffix, .svg or .png."
        ),
    )
    drawn.add_argument("kind", choices=tuple(CHART_KINDS), metavar="KIND", help="the chart")
    drawn.add_argument("input", metavar="FILE|DATASET", help="a collection file or a dataset name")
    drawn.add_argument("--out", required=True, metavar="FILE", help="FILE.svg or FILE.png")
    which = drawn.add_mutually_exclusive_group()
    which.add_argument("--country", metavar="CODE", help="the country, ISO 3166-1 alpha-3")
    which.add_argument("--case", metavar="ID", help="the id of the case")
    drawn.set_defaults(run=chart)


def _day(text: str) -> datetime.date:
    """A ``YYYY-MM-DD`` argument as a date; argparse reports anything else as a usage error."""
    try:
        if len(text) != 10:
            raise ValueError(text)
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text[:40]!r} is not a day written YYYY-MM-DD, such as 2024-01-31"
        ) from None


def _pages_shown(progress: Progress) -> Callable[[int, int], None]:
    """What the build calls with pages written and pages in all: a line of progress."""

    def shown(pages: int, total: int) -> None:
        progress.show(f"writing pages: {pages} of {total}", now=pages == total)

    return shown


def _collection(command: str, given: str, out: TextIO, err: TextIO) -> Collection | int:
    """The collection ``given`` names (a file, else a dataset), or the exit code on failure."""
    path = Path(given)
    data: BinaryIO | bytes
    try:
        if path.exists():
            # Only a regular file, read record by record within the bound of each.
            data = open_regular(path, sys.maxsize)
            where = given
        elif given in datasets.names():
            data = datasets.document(given)
            where = f"datasets/{given}.json"
        else:
            err.write(f"civicspace {command}: cannot read {given}: no such file or dataset\n")
            return EXIT_USAGE
        with contextlib.nullcontext() if isinstance(data, bytes) else data:
            found = load(data, record_type="collection")
    except OSError as error:
        err.write(f"civicspace {command}: cannot read {given}: {error.strerror or error}\n")
        return EXIT_USAGE
    except ValidationError as error:
        out.writelines(f"{where}: {issue}\n" for issue in error.issues)
        out.write(f"{where}: {len(error.issues)} issues; nothing written\n")
        return EXIT_INVALID
    if not isinstance(found, Collection):  # JSON Lines load as a list
        err.write(f"civicspace {command}: {given} holds records, not one collection document\n")
        return EXIT_USAGE
    return found


def site(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Run ``civicspace site``; the exit code."""
    try:
        require("civicspace site")
    except MissingExtraError as error:
        err.write(f"{error}\n")
        return EXIT_USAGE
    from .build import build

    collection = _collection("site", args.input, out, err)
    if isinstance(collection, int):
        return collection
    progress = Progress(err)
    try:
        written = build(
            collection,
            args.out,
            today=args.today,
            draw=not args.no_charts,
            progress=_pages_shown(progress),
        )
    except OSError as error:
        progress.done()
        err.write(f"civicspace site: cannot write {args.out}: {error.strerror or error}\n")
        return EXIT_USAGE
    progress.done()
    pages = sum(1 for path in written if path.suffix == ".html")
    out.write(f"{args.out}: {pages} pages, {len(written)} files; open index.html\n")
    return EXIT_OK


def chart(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Run ``civicspace chart``; the exit code."""
    try:
        require("civicspace chart")
    except MissingExtraError as error:
        err.write(f"{error}\n")
        return EXIT_USAGE
    from . import charts

    fmt = Path(args.out).suffix.lower().lstrip(".")
    if fmt not in ("svg", "png"):
        err.write(f"civicspace chart: --out must end in .svg or .png, not {args.out!r}\n")
        return EXIT_USAGE
    if args.kind == "rating-history" and args.country is None:
        err.write("civicspace chart: rating-history needs --country CODE\n")
        return EXIT_USAGE
    if args.kind == "custody-timeline" and args.case is None:
        err.write("civicspace chart: custody-timeline needs --case ID\n")
        return EXIT_USAGE
    collection = _collection("chart", args.input, out, err)
    if isinstance(collection, int):
        return collection
    if args.kind == "rating-history":
        if args.country not in {rating.country for rating in collection.ratings}:
            err.write(f"civicspace chart: {args.input} has no rating of {args.country!r}\n")
            return EXIT_USAGE
        drawn = charts.rating_chart(collection.ratings, args.country)
    elif args.kind == "custody-timeline":
        case = next((case for case in collection.cases if case.id == args.case), None)
        if case is None:
            err.write(f"civicspace chart: {args.input} has no case {args.case!r}\n")
            return EXIT_USAGE
        drawn = charts.custody_chart(case)
    elif args.kind == "signatures":
        drawn = charts.signatures_chart(collection.statements)
    else:
        drawn = charts.co_signing_chart(collection.statements)
    try:
        charts.save(drawn, args.out, fmt)
    except OSError as error:
        err.write(f"civicspace chart: cannot write {args.out}: {error.strerror or error}\n")
        return EXIT_USAGE
    out.write(f"{args.out}: {drawn.title}\n")
    return EXIT_OK
