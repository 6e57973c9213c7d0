"""Read regular files only, with a size bound enforced while reading.

A path may name a device (``/dev/zero`` never ends), a FIFO (opening it waits
for a writer, forever) or a link to one of them.  :func:`open_regular` opens
without waiting (``O_NONBLOCK``), then refuses whatever ``fstat`` says is not a
regular file; :func:`read_regular` reads at most ``limit`` bytes and refuses a
file that holds more, counting what it reads rather than trusting the size the
file claims.  Both raise :class:`OSError` with a message a person can act on.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import BinaryIO

__all__ = ["open_regular", "read_regular"]

_CHUNK = 1 << 20


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a FIFO (a named pipe)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def open_regular(path: str | Path, limit: int) -> BinaryIO:
    """The regular file at ``path`` opened for reading in binary; links are followed.

    Raises:
        OSError: when ``path`` cannot be opened, is not a regular file (a
            device, FIFO, socket or folder, or a link to one), or claims more
            than ``limit`` bytes.

    """
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    try:
        mode = os.fstat(descriptor).st_mode
        if not stat.S_ISREG(mode):
            raise OSError(
                errno.EINVAL, f"{_kind(mode)}, not a regular file: only regular files are read"
            )
        size = os.fstat(descriptor).st_size
        if size > limit:
            raise OSError(errno.EFBIG, f"it holds {size} bytes; at most {limit} are read")
        if hasattr(os, "set_blocking"):
            os.set_blocking(descriptor, True)
        return os.fdopen(descriptor, "rb")
    except BaseException:
        os.close(descriptor)
        raise


def read_regular(path: str | Path, limit: int) -> bytes:
    """The bytes of the regular file at ``path``, at most ``limit`` of them.

    The bound holds while reading: a file that grows, or claims less than it
    holds, is refused as soon as ``limit + 1`` bytes have been read.

    Raises:
        OSError: as :func:`open_regular` does, and when the file turns out to
            hold more than ``limit`` bytes.

    """
    with open_regular(path, limit) as file:
        parts: list[bytes] = []
        total = 0
        while chunk := file.read(min(_CHUNK, limit + 1 - total)):
            parts.append(chunk)
            total += len(chunk)
            if total > limit:
                raise OSError(
                    errno.EFBIG, f"it holds more than {limit} bytes; at most {limit} are read"
                )
    return b"".join(parts)
