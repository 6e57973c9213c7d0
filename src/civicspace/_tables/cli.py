"""``civicspace export``: a collection file or a shipped dataset, written out as tables.

Importing this module needs no extra: the parser is built without pyarrow,
and running the command says in one line which extra to install.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any, BinaryIO, TextIO

import civicspace

from .._util.exits import EXIT_INVALID, EXIT_OK, EXIT_USAGE
from .._util.progress import Progress
from .._util.regular import open_regular
from ..errors import MissingExtraError, TablesError
from . import require

__all__ = ["add_parser", "run"]


def add_parser(commands: Any) -> None:
    """Add the ``export`` command to the ``civicspace`` subcommands."""
    export = commands.add_parser(
        "export",
        help="write a collection or a dataset out as tables (CSV, Parquet or Excel)",
        description=(
            "Validate a collection document (or JSON Lines of records, or a dataset shipped "
            "with civicspace, by name) and write it out as tables, one per kind of thing. "
            "Nothing is written from invalid input. Exit 0 when written, 1 if the input is "
            "invalid, 2 if it cannot be read or the arguments are wrong. Needs the 'tables' "
            "extra, except for --format popolo (a Popolo bundle, popolo.json) and --format "
            "uwazi (the CSV files Uwazi imports)."
        ),
    )
    export.add_argument(
        "source", metavar="FILE|DATASET", help="a JSON file, - for standard input, or a dataset"
    )
    export.add_argument(
        "--format",
        required=True,
        choices=("csv", "parquet", "xlsx", "popolo", "uwazi"),
        help="the file format",
    )
    export.add_argument("--out", required=True, metavar="DIR", help="the folder to write into")
    export.add_argument(
        "--partition",
        choices=("country",),
        help="parquet only: write tables with a country as datasets partitioned by it",
    )
    export.add_argument(
        "--case-data",
        action="store_true",
        help="popolo only: carry the records Popolo has no class for as flagged properties",
    )


def _read(source: str) -> tuple[str, BinaryIO | bytes] | str:
    """The input's name and a stream or bytes to load, or a one-line reason it cannot be read.

    A file is opened only when it is a regular file (never a device or a FIFO);
    :func:`civicspace.load` then reads it record by record, each within its bound.
    """
    from civicspace import datasets  # not needed for --help

    if source == "-":
        return "-", sys.stdin.buffer
    path = Path(source)
    if path.exists():
        try:
            return source, open_regular(path, sys.maxsize)
        except OSError as error:
            return f"cannot read {source}: {error.strerror or error}"
    if source in datasets.names():
        return f"datasets/{source}.json", datasets.document(source)
    return (
        f"cannot read {source}: no such file, and no dataset of that name "
        f"(the datasets are: {', '.join(datasets.names())})"
    )


def _collection(loaded: Any) -> civicspace.Collection:
    if isinstance(loaded, civicspace.Collection):
        return loaded
    return civicspace.Collection.of(loaded if isinstance(loaded, list) else [loaded])


_INTEROP = ("popolo", "uwazi")


def _loaded(source: str, out: TextIO, err: TextIO) -> tuple[str, civicspace.Collection] | int:
    """The source's name and its records as a collection, or the exit code after saying why."""
    read = _read(source)
    if isinstance(read, str):
        err.write(f"civicspace export: {read}\n")
        return EXIT_USAGE
    name, data = read
    try:
        return name, _collection(civicspace.load(data))
    except OSError as error:  # a read that failed part way
        err.write(f"civicspace export: cannot read {name}: {error.strerror or error}\n")
        return EXIT_USAGE
    except civicspace.ValidationError as error:
        out.writelines(f"{name}: {issue}\n" for issue in error.issues)
        count = len(error.issues)
        out.write(f"{name}: {count} issue{'s' * (count != 1)}; nothing exported\n")
        return EXIT_INVALID
    finally:
        if not isinstance(data, bytes) and data is not sys.stdin.buffer:
            data.close()


def _interop(
    args: argparse.Namespace, name: str, collection: civicspace.Collection, out: TextIO, err: TextIO
) -> int:
    """``civicspace export --format popolo|uwazi``: no extra needed."""
    import json

    from civicspace import interop

    try:
        if args.format == "popolo":
            bundle = interop.to_popolo(collection, case_data=args.case_data)
            path = Path(args.out) / "popolo.json"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(bundle, ensure_ascii=False, indent=2) + "\n", "utf-8")
            written = [path]
        else:
            written = interop.write_uwazi(collection, args.out)
    except OSError as error:
        err.write(f"civicspace export: cannot write {args.out}: {error.strerror or error}\n")
        return EXIT_USAGE
    files = f"{len(written)} file{'s' * (len(written) != 1)}"
    out.write(f"{name}: {args.format}, {files} written to {args.out}\n")
    return EXIT_OK


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Run ``civicspace export`` with parsed ``args``; the exit code."""
    if args.partition is not None and args.format != "parquet":
        err.write("civicspace export: --partition goes with --format parquet only\n")
        return EXIT_USAGE
    if args.format not in _INTEROP:
        try:
            require("civicspace export", excel=args.format == "xlsx")
        except MissingExtraError as error:
            err.write(f"{error}\n")
            return EXIT_USAGE
    loaded = _loaded(args.source, out, err)
    if isinstance(loaded, int):
        return loaded
    name, collection = loaded
    if args.format in _INTEROP:
        return _interop(args, name, collection, out, err)

    from civicspace import tables

    shown = Progress(err)

    def progress(table: str) -> None:
        shown.show(f"writing {table}", now=True)

    try:
        found = tables.tables(collection)
        written = tables.write(
            found, args.out, args.format, partition=args.partition, progress=progress
        )
    except TablesError as error:
        err.write(f"civicspace export: {name}: {error}\n")
        return EXIT_INVALID
    except OSError as error:
        err.write(f"civicspace export: cannot write {args.out}: {error.strerror or error}\n")
        return EXIT_USAGE
    finally:
        shown.done()
    rows = sum(table.num_rows for table in found.values())
    out.write(f"{name}: {len(found)} tables, {rows} rows, {len(written)} written to {args.out}\n")
    return EXIT_OK
