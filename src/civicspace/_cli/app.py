"""The ``civicspace`` command line: the I/O edge around :func:`civicspace.validate`.

Exit codes: 0 when every record is valid, 1 when any is invalid (malformed
JSON included), 2 for bad arguments, a file that cannot be read or output
that cannot be written, 130 when interrupted (Ctrl-C: the summary so far is
printed first), 141 when the output's reader went away (a pipe into
``head``), as for a program ended by SIGPIPE.  None of them with a traceback.
"""

from __future__ import annotations

import argparse
import codecs
import contextlib
import io
import itertools
import json
import os
import re
import sys
import time
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, BinaryIO, TextIO, cast

from .._api import RecordReport, _report, record_types
from .._pipeline.documents import RecordText, read_records
from .._pipeline.report import ReportBuilder
from .._pipeline.resources import example_files
from .._pipeline.schemas import schema, schema_names
from .._util.exits import EXIT_BROKEN_PIPE, EXIT_INTERRUPTED, EXIT_INVALID, EXIT_OK, EXIT_USAGE
from .._util.progress import Progress
from .._version import __version__
from ..errors import UnknownDatasetError, UnknownSchemaError

__all__ = ["main"]


MAX_JOBS = 64

# Records handed to the worker processes at a time, per job: bounds memory.
_BATCH_PER_JOB = 512


def _jobs(text: str) -> int:
    value = _whole(text)
    if not 1 <= value <= MAX_JOBS:
        raise argparse.ArgumentTypeError(f"{text} is not a whole number from 1 to {MAX_JOBS}")
    return value


def _whole(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text[:40]!r} is not a whole number") from None


def _count(text: str) -> int:
    value = _whole(text)
    if value < 0:
        raise argparse.ArgumentTypeError(f"{text} is negative")
    return value


class _WriteError(Exception):
    """Standard output refused a write: full disk, closed pipe, ..."""

    def __init__(self, error: OSError) -> None:
        self.error = error
        super().__init__(str(error))


def _escape(match: re.Match[str]) -> str:
    code = ord(match[0])
    if code > 0xFFFF:  # as JSON writes it: a surrogate pair
        code -= 0x10000
        return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"
    return f"\\u{code:04x}"


_NOT_ASCII = re.compile("[^\x00-\x7f]")


class _Output:
    r"""Standard output whose failures are told apart from failures to read input.

    Every command writes through it.  On an output that is not UTF-8 (an
    ASCII or cp1252 console), a character the encoding lacks is written as
    JSON writes it, ``\u2603``: a person reads it, and JSON output stays JSON.
    Other attributes (``isatty``, ``fileno``, ``encoding``) are the stream's.
    """

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        encoding = getattr(stream, "encoding", None) or "utf-8"
        try:
            self.codec = codecs.lookup(encoding).name
        except LookupError:
            self.codec = "ascii"
        self.ascii_only = self.codec != "utf-8"

    def __getattr__(self, name: str) -> Any:
        return getattr(self.stream, name)

    def _shown(self, match: re.Match[str]) -> str:
        # A character the encoding has stays itself (é on cp1252); others are escaped.
        try:
            match[0].encode(self.codec)
        except UnicodeEncodeError:
            return _escape(match)
        return match[0]

    def write(self, text: str) -> int:
        if self.ascii_only and not text.isascii():
            text = _NOT_ASCII.sub(self._shown, text)
        try:
            return self.stream.write(text)
        except OSError as error:
            raise _WriteError(error) from None
        except ValueError as error:  # written to after it was closed
            raise _WriteError(OSError(str(error))) from None

    def writelines(self, lines: Iterable[str]) -> None:
        for line in lines:
            self.write(line)

    def flush(self) -> None:
        try:
            self.stream.flush()
        except OSError as error:
            raise _WriteError(error) from None


class _Errors:
    """Standard error for the commands of the extras: a write it refuses is dropped.

    Standard error is where a failure is told; when that fails too (closed,
    full), there is no one left to tell, and the exit code says it.
    """

    def __init__(self, stream: TextIO | None) -> None:
        self.stream = stream

    def __getattr__(self, name: str) -> Any:
        return getattr(self.stream, name)

    def isatty(self) -> bool:
        try:
            return self.stream is not None and self.stream.isatty()
        except (AttributeError, OSError, ValueError):
            return False

    def write(self, text: str) -> int:
        with contextlib.suppress(AttributeError, OSError, ValueError):
            if self.stream is not None:
                self.stream.write(text)
        return len(text)

    def flush(self) -> None:
        with contextlib.suppress(AttributeError, OSError, ValueError):
            if self.stream is not None:
                self.stream.flush()


def _say(err: TextIO | None, text: str) -> None:
    """Write a line to standard error, if there is one that works."""
    try:
        if err is not None:
            err.write(text + "\n")
            err.flush()
    except (OSError, ValueError):
        pass


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="civicspace",
        description="Validate civic-space monitoring data against the civicspace JSON Schemas.",
    )
    parser.add_argument("--version", action="version", version=f"civicspace {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    check = commands.add_parser(
        "validate",
        help="validate JSON documents and JSON Lines, reporting every problem",
        description=(
            "Validate JSON documents (a record or a collection) and JSON Lines files (one "
            "record per line), told apart by their content. Each problem is printed as "
            "FILE: [line L: ]PATH: MESSAGE [CODE], then a summary. Exit 0 if all records are "
            "valid, 1 if any is invalid, 2 if a file cannot be read or the arguments are wrong."
        ),
    )
    check.add_argument(
        "paths", nargs="*", metavar="PATH", help="a file to validate; - reads standard input"
    )
    check.add_argument(
        "--examples",
        action="store_true",
        help="validate the example documents shipped inside the package",
    )
    check.add_argument(
        "--type",
        dest="record_type",
        choices=record_types(),
        help="read every record as this record type instead of by its 'type' member",
    )
    check.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text for people (default) or one JSON report for machines (schema: report)",
    )
    check.add_argument(
        "--max-issues",
        type=_count,
        metavar="N",
        help="show at most N issues; the summary still counts them all",
    )
    check.add_argument(
        "--jobs",
        type=_jobs,
        default=1,
        metavar="N",
        help=f"validate in N processes (1 to {MAX_JOBS}); the same report, in input order",
    )
    check.add_argument(
        "-q", "--quiet", action="store_true", help="text format: print only the problems"
    )

    show = commands.add_parser(
        "schema",
        help="print a published JSON Schema",
        description="Print one of the JSON Schemas that ship with civicspace.",
    )
    show.add_argument("name", nargs="?", metavar="NAME", help="the schema, e.g. rating")
    show.add_argument("--list", action="store_true", help="list the schema names")
    show.add_argument(
        "--bundle",
        action="store_true",
        help="one self-contained document, every schema it refers to under its $defs",
    )
    show.add_argument(
        "--openapi",
        action="store_true",
        help="an OpenAPI 3.1 document: the bundle under components/schemas, references rewritten",
    )

    data = commands.add_parser(
        "dataset",
        help="validate a dataset shipped inside the package and summarise it",
        description=(
            "Validate one of the datasets that ship with civicspace (real published material, "
            "every fact with its source) and print a summary of what it holds. Exit 0 if it "
            "is valid, 1 if not, 2 for an unknown name."
        ),
    )
    data.add_argument("name", nargs="?", metavar="NAME", help="the dataset, e.g. cambodia")
    data.add_argument("--list", action="store_true", help="list the dataset names")
    data.add_argument(
        "--derived",
        action="store_true",
        help="list every value that rests on a reading (path, how, note) instead of the summary",
    )
    from .._tables import cli as tables_cli

    tables_cli.add_parser(commands)
    from .._sheets import cli as sheets_cli

    sheets_cli.add_parsers(commands)
    from .._site.cli import add_commands

    add_commands(commands)  # site and chart
    return parser


def _validate_one(job: tuple[int, RecordText, str | None]) -> RecordReport:
    index, text, record_type = job
    return _report(index, text, record_type)[1]


def _reports(
    stream: BinaryIO, record_type: str | None, jobs: int, pool: Any
) -> Iterator[RecordReport]:
    numbered = ((index, text, record_type) for index, text in enumerate(read_records(stream)))
    if pool is None:
        yield from map(_validate_one, numbered)
        return
    batch_size = _BATCH_PER_JOB * jobs
    while batch := list(itertools.islice(numbered, batch_size)):
        yield from pool.map(_validate_one, batch, chunksize=max(1, len(batch) // (4 * jobs)))


def _pool(context: Any, jobs: int) -> Any:
    """Worker processes started deaf to Ctrl-C, so that it never interrupts their start-up.

    A process started while SIGINT is ignored keeps ignoring it (Python
    installs its handler only where the signal has its default action), so a
    Ctrl-C during the workers' imports reaches the main process alone.
    """
    import signal

    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        return context.Pool(jobs, initializer=_ignore_interrupts)
    finally:
        signal.signal(signal.SIGINT, previous)


def _ignore_interrupts() -> None:
    """Worker processes leave Ctrl-C to the main process, which reports and stops."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _inputs(args: argparse.Namespace, err: TextIO) -> list[tuple[str, BinaryIO]] | None:
    inputs: list[tuple[str, BinaryIO]] = []
    if args.examples:
        inputs.extend(
            (f"examples/{entry.name}", io.BytesIO(entry.read_bytes())) for entry in example_files()
        )
    for path in args.paths:
        if path == "-":
            if sys.stdin is None:
                _say(err, "civicspace validate: cannot read -: standard input is closed")
                _closed(inputs)
                return None
            inputs.append(("-", sys.stdin.buffer))
            continue
        try:
            inputs.append((path, open(path, "rb")))  # noqa: SIM115 - closed by the caller
        except OSError as error:
            _say(err, f"civicspace validate: cannot read {path}: {error.strerror or error}")
            _closed(inputs)
            return None
    return inputs


def _closed(inputs: list[tuple[str, BinaryIO]]) -> None:
    for _, stream in inputs:
        if stream is not getattr(sys.stdin, "buffer", None):
            stream.close()


class _JsonReport:
    """Writes the JSON report as records come, so memory stays bounded however many fail."""

    def __init__(self, out: _Output) -> None:
        self.out = out
        self.records = 0

    def _dumps(self, value: Any) -> str:
        return json.dumps(value, ensure_ascii=self.out.ascii_only, indent=2)

    def start(self, heading: dict[str, Any]) -> None:
        members = "".join(f"  {self._dumps(k)}: {self._dumps(v)},\n" for k, v in heading.items())
        self.out.write("{\n" + members + '  "records": [')

    def record(self, entry: dict[str, Any]) -> None:
        text = self._dumps(entry).replace("\n", "\n    ")
        self.out.write(("\n    " if not self.records else ",\n    ") + text)
        self.records += 1

    def end(self, ending: dict[str, Any]) -> None:
        members = ",\n".join(
            f"  {self._dumps(k)}: {self._dumps(v).replace(chr(10), chr(10) + '  ')}"
            for k, v in ending.items()
        )
        self.out.write(("\n  ]" if self.records else "]") + ",\n" + members + "\n}\n")


def _validate(args: argparse.Namespace, out: _Output, err: TextIO) -> int:
    if not args.paths and not args.examples:
        _say(err, "civicspace validate: give at least one PATH (or - for standard input)")
        return EXIT_USAGE
    inputs = _inputs(args, err)
    if inputs is None:
        return EXIT_USAGE
    builder = ReportBuilder(args.max_issues)
    summary = builder.summary
    progress = Progress(err)
    report_json = _JsonReport(out) if args.format == "json" else None
    pool = None
    interrupted = False
    name = ""
    try:
        if report_json is not None:
            report_json.start(builder.heading())
        if args.jobs > 1:
            import multiprocessing

            pool = _pool(multiprocessing.get_context("spawn"), args.jobs)
        for name, stream in inputs:
            for report in _reports(stream, args.record_type, args.jobs, pool):
                if report_json is not None:
                    entry = builder.add(name, report)
                    if entry is not None:
                        report_json.record(entry)
                else:
                    summary.add(report)
                    if not report.valid:
                        shown = builder.shown_issues(report)
                        out.writelines(f"{name}: {issue}\n" for issue in shown)
                rate = summary.records / max(time.monotonic() - progress.started, 1e-9)
                progress.show(f"{summary.records} records, {rate:,.0f}/s")
    except KeyboardInterrupt:
        interrupted = True
    except OSError as error:  # a directory, or a read that failed part way
        _say(err, f"civicspace validate: cannot read {name}: {error.strerror or error}")
        return EXIT_USAGE
    finally:
        progress.done()
        if pool is not None:
            pool.terminate()
        _closed(inputs)
    if report_json is not None:
        report_json.end(builder.ending(interrupted))
    elif not args.quiet or interrupted:
        out.write(summary.text() + "\n")
    if interrupted:
        out.flush()
        _say(err, "civicspace validate: interrupted; the summary covers the records read so far")
        return EXIT_INTERRUPTED
    return EXIT_INVALID if summary.invalid else EXIT_OK


def _schema(args: argparse.Namespace, out: _Output, err: TextIO) -> int:
    if args.list:
        out.write("".join(f"{name}\n" for name in schema_names()))
        return EXIT_OK
    if args.name is None:
        _say(err, "civicspace schema: give a NAME or --list")
        return EXIT_USAGE
    try:
        found = schema(args.name, bundle=args.bundle, openapi=args.openapi)
    except UnknownSchemaError as error:
        _say(err, f"civicspace schema: {error}")
        return EXIT_USAGE
    out.write(json.dumps(found, indent=2, ensure_ascii=out.ascii_only) + "\n")
    return EXIT_OK


def _dataset(args: argparse.Namespace, out: _Output, err: TextIO) -> int:
    from .. import datasets
    from .._analysis.summary import summarise
    from ..errors import ValidationError

    if args.list:
        out.write("".join(f"{name}\n" for name in datasets.names()))
        return EXIT_OK
    if args.name is None:
        _say(err, "civicspace dataset: give a NAME or --list")
        return EXIT_USAGE
    where = f"datasets/{args.name}.json"
    try:
        collection = datasets.load(args.name)
    except UnknownDatasetError as error:
        _say(err, f"civicspace dataset: {error}")
        return EXIT_USAGE
    except ValidationError as error:
        out.writelines(f"{where}: {issue}\n" for issue in error.issues)
        out.write(f"{where}: {len(error.issues)} issues\n")
        return EXIT_INVALID
    if args.derived:
        from .._analysis.derived import derived_values

        found = derived_values(collection)
        out.write(f"{where}: valid\n")
        out.writelines(f"{path}\t{mark.how.value}\t{mark.note or ''}\n" for path, mark in found)
        out.write(f"{where}: {len(found)} derived values\n")
        return EXIT_OK
    out.write(f"{where}: valid\n{summarise(collection).to_text()}\n")
    return EXIT_OK


def _tolerant(stream: TextIO | None) -> None:
    """Characters the output's encoding lacks (ASCII, a cp1252 console) become escapes."""
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is not None:
        with contextlib.suppress(OSError, ValueError):
            reconfigure(errors="backslashreplace")


def _silence_stdout() -> None:
    """Point standard output at the null device, so that the exit flush cannot fail again."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)
    except (AttributeError, OSError, ValueError):
        pass


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); the exit code."""
    err = sys.stderr
    _tolerant(err)
    try:
        args = _parser().parse_args(argv)
        if sys.stdout is None:
            _say(err, "civicspace: standard output is closed; nothing can be written")
            return EXIT_USAGE
        _tolerant(sys.stdout)
        out = _Output(sys.stdout)
        commands = {"validate": _validate, "dataset": _dataset, "schema": _schema}
        if args.command in commands:
            code = commands[args.command](args, out, err)
        else:
            # The extras' commands write through the same safe output as validate.
            code = _extension(args, cast(TextIO, out), cast(TextIO, _Errors(err)))
        out.flush()
        return code
    except KeyboardInterrupt:
        _say(err, "civicspace: interrupted")
        return EXIT_INTERRUPTED
    except _WriteError as error:
        _silence_stdout()
        if isinstance(error.error, BrokenPipeError):
            return EXIT_BROKEN_PIPE  # the reader has gone (head): nothing to tell it
        _say(err, f"civicspace: cannot write the output: {error.error.strerror or error.error}")
        return EXIT_USAGE


def _extension(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """The commands of the extras: export (tables), import and template (sheets), site, chart."""
    if args.command == "export":
        from .._tables import cli as tables_cli

        return tables_cli.run(args, out, err)
    if args.command in ("import", "template"):
        from .._sheets import cli as sheets_cli

        return sheets_cli.run(args, out, err)
    return int(args.run(args, out, err))  # site and chart
