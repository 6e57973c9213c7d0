"""The ``civicspace`` command line (:mod:`.app`): the I/O edge around the library."""
