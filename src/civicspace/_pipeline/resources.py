"""Data shipped inside the package: rating scales, example documents and datasets."""

from __future__ import annotations

import functools
import json
from collections.abc import Mapping
from importlib import resources
from importlib.resources.abc import Traversable
from types import MappingProxyType

from .._model.scales import RatingScale

__all__ = ["dataset_files", "example_files", "rating_scales"]


def _json_files(*parts: str) -> list[Traversable]:
    folder = resources.files("civicspace").joinpath(*parts)
    return sorted(
        (entry for entry in folder.iterdir() if entry.name.endswith(".json")),
        key=lambda entry: entry.name,
    )


@functools.cache
def rating_scales() -> Mapping[str, RatingScale]:
    """The rating scales that ship with civicspace, by id.

    ``civicus-monitor`` (the CIVICUS Monitor), ``freedom-house-fotn``
    (Freedom on the Net), ``freedom-house-fiw`` (Freedom in the World, whose
    categories have no published score bands) and
    ``rsf-world-press-freedom-index``.  Each band cites where it was published.
    """
    from .convert import converter  # on first use: cattrs is not imported with civicspace

    scales = (
        converter.structure(json.loads(entry.read_text("utf-8")), RatingScale)
        for entry in _json_files("data", "scales")
    )
    return MappingProxyType({scale.id: scale for scale in scales})


def example_files() -> list[Traversable]:
    """The example documents that ship inside the package, by file name."""
    return _json_files("examples")


def dataset_files() -> list[Traversable]:
    """The datasets that ship inside the package (``data/datasets``), by file name."""
    return _json_files("data", "datasets")
