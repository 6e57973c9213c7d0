"""The ``civicspace`` command line: the I/O edge around the library."""

from .app import main

__all__ = ["main"]
