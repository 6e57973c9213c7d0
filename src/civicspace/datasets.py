"""Datasets that ship with civicspace: real published material, encoded and validated.

Each dataset is one ``collection`` document (see the ``collection`` schema)
inside the package, in which every fact carries its source: the published
text it comes from and the sentence it rests on, word for word.  Where
texts disagree, both accounts are kept (:func:`civicspace.analysis.conflicts` lists
them); what they do not say is left out.

>>> import civicspace
>>> from civicspace import datasets
>>> datasets.names()
('cambodia',)
>>> cambodia = datasets.load("cambodia")
>>> [case.id for case in civicspace.analysis.cases_of(cambodia, "kong-raiya")][:2]
['kong-raiya-2015', 'kong-raiya-2019']

``cambodia``
    Published CIVICUS texts on civic space in Cambodia: the cases of
    defenders, journalists, unionists and opposition members they describe,
    the laws and articles used against them, the joint statements with their
    full signatory lists and declared counts, the ratings they state (of
    Cambodia and of other countries) and the 2022 commune election results.
"""

from __future__ import annotations

import functools

from ._api import load as _load
from ._model.collection import Collection
from ._pipeline.resources import dataset_files
from .errors import UnknownDatasetError

__all__ = ["document", "load", "names"]


def names() -> tuple[str, ...]:
    """The names of the datasets that ship with civicspace, in sorted order."""
    return tuple(entry.name.removesuffix(".json") for entry in dataset_files())


def document(name: str) -> bytes:
    """The dataset's collection document as shipped: JSON text, UTF-8.

    Raises:
        civicspace.errors.UnknownDatasetError: when no dataset has that name.

    """
    for entry in dataset_files():
        if entry.name == f"{name}.json":
            return entry.read_bytes()
    raise UnknownDatasetError(name, known=names())


@functools.cache
def load(name: str) -> Collection:
    """The dataset as a validated :class:`~civicspace.Collection` (built once, then shared).

    Raises:
        civicspace.errors.UnknownDatasetError: when no dataset has that name.
        ValidationError: when the dataset breaks a rule of this version of the
            library (a bug: the test suite validates every dataset).

    """
    collection = _load(document(name), record_type="collection")
    assert isinstance(collection, Collection)  # the kind says so
    return collection
