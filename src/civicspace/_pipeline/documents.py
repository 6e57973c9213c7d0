"""Documents: telling a single JSON document from JSON Lines, and reading records.

The step before parsing.  A document is either one JSON value (a record or
a collection) or JSON Lines: one record per line.  The form is told from the
content: it is JSON Lines when its first non-blank line is a whole JSON value
and more non-blank text follows.  A pretty-printed document never qualifies,
because its first line is not a whole value.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any, BinaryIO

import attrs

__all__ = [
    "MAX_RECORD_BYTES",
    "RecordText",
    "is_json_lines",
    "read_records",
    "split_json_lines",
]

#: The largest record, in bytes, read from one line of JSON Lines or as a
#: whole document from a stream; a larger one is reported, not read.
MAX_RECORD_BYTES = 64 * 1024 * 1024

_CHUNK = 1024 * 1024


@attrs.frozen
class RecordText:
    """The text of one record and where it came from.

    Attributes:
        line: The line it starts on, for JSON Lines; ``None`` for a document.
        data: Its bytes, or ``None`` when it was too large to read.
        size: Its size in bytes (for a record too large to read, at least
            this size).
    """

    line: int | None
    data: bytes | None
    size: int


def _is_whole_value(line: bytes | str) -> bool:
    try:
        json.loads(line)
    except (ValueError, RecursionError):
        return False
    return True


# JSON's whitespace; str.strip() would also take U+2028, U+0085 and others.
_SPACE = " \t\r\n"
_SPACE_BYTES = b" \t\r\n"
_NOT_SPACE = re.compile("[^ \t\r\n]")
_NOT_SPACE_BYTES = re.compile(b"[^ \t\r\n]")


def is_json_lines(data: bytes | bytearray | str) -> bool:
    """Whether ``data`` is JSON Lines rather than one JSON document."""
    if isinstance(data, str):
        first, _, rest = data.lstrip(_SPACE).partition("\n")
        return bool(rest.strip(_SPACE)) and _is_whole_value(first)
    first_bytes, _, rest_bytes = bytes(data).lstrip(_SPACE_BYTES).partition(b"\n")
    return bool(rest_bytes.strip(_SPACE_BYTES)) and _is_whole_value(first_bytes)


def split_json_lines(data: bytes | bytearray | str) -> Iterator[tuple[int, bytes | str]]:
    r"""The non-blank lines of JSON Lines text, with their line numbers from 1.

    Lines end at ``\n`` (a ``\r`` before it is dropped), as JSON Lines
    defines and as :func:`read_records` reads a stream; never at the other
    characters :meth:`str.splitlines` breaks on (U+2028, U+0085, ...), which
    JSON strings may hold.  Lazy: memory stays bounded by the longest line.
    """
    text: Any = data if isinstance(data, str) else bytes(data)
    if isinstance(text, str):
        newline: Any = "\n"
        carriage: Any = "\r"
        search: Any = _NOT_SPACE.search
    else:
        newline, carriage, search = b"\n", b"\r", _NOT_SPACE_BYTES.search
    before = 0  # newlines before ``start``
    start = 0
    while (found := search(text, start)) is not None:  # blank lines skipped at C speed
        where = found.start()
        begins = max(start, text.rfind(newline, start, where) + 1)
        before += text.count(newline, start, begins)
        end = text.find(newline, where)
        if end < 0:
            end = len(text)
        yield before + 1, text[begins:end].removesuffix(carriage)
        before += 1
        start = end + 1


def _read_line(stream: BinaryIO, limit: int) -> tuple[bytes, int, bool]:
    """One line (line end dropped): its bytes, its size, and whether it fit the limit."""
    line = stream.readline(limit + 1)
    if len(line) <= limit or line.endswith(b"\n"):
        return line.removesuffix(b"\n").removesuffix(b"\r"), len(line), True
    size = len(line)
    while line and not line.endswith(b"\n"):  # skip the rest without keeping it
        line = stream.readline(_CHUNK)
        size += len(line)
    return b"", size, False


def read_records(stream: BinaryIO, limit: int = MAX_RECORD_BYTES) -> Iterator[RecordText]:
    """The records of a stream: one document, or one per line of JSON Lines.

    Memory stays bounded by ``limit`` whatever the stream's length: JSON Lines
    are read a line at a time, and a line or document over ``limit`` bytes is
    yielded with ``data=None`` instead of being read.
    """
    number = 0
    first = b""
    while not first.strip(_SPACE_BYTES):
        first, size, fits = _read_line(stream, limit)
        number += 1
        if not fits:
            yield RecordText(number, None, size)
            yield from _remaining_lines(stream, number, limit)
            return
        if size == 0:  # empty stream
            yield RecordText(None, b"", 0)
            return
    if _is_whole_value(first):
        second = stream.read(1)
        blank_lines = 0
        while second and second in _SPACE_BYTES:
            blank_lines += second == b"\n"
            second = stream.read(1)
        if not second:
            yield RecordText(None, first, len(first))
            return
        yield RecordText(number, first, len(first))
        rest, size, fits = _read_line(stream, limit)
        number += 1 + blank_lines
        # The byte read ahead belongs to the next line.
        yield from _line_record(number, second + rest, size + 1, fits)
        yield from _remaining_lines(stream, number, limit)
        return
    body = stream.read(limit + 1 - len(first))
    # Blank lines before the document are kept, and the first line's own end, so that
    # positions stay true (a file without a final newline gets none).
    ending = b"\r\n"[2 - (size - len(first)) :] if size > len(first) else b""
    whole = b"\n" * (number - 1) + first + ending + body
    if len(whole) > limit:
        yield RecordText(None, None, len(whole))
        return
    yield RecordText(None, whole, len(whole))


def _line_record(number: int, line: bytes, size: int, fits: bool) -> Iterator[RecordText]:
    if not fits:
        yield RecordText(number, None, size)
    elif line.strip(_SPACE_BYTES):
        yield RecordText(number, line, size)


def _remaining_lines(stream: BinaryIO, number: int, limit: int) -> Iterator[RecordText]:
    while True:
        line, size, fits = _read_line(stream, limit)
        if size == 0:
            return
        number += 1
        yield from _line_record(number, line, size, fits)
