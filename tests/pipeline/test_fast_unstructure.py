"""The fast unstructuring path (``_pipeline/fast/dump.py``) against the strict converter.

:func:`civicspace.dump` uses one generated function per class; it must give
exactly the values the converter gives, in the same key order, so that the
JSON written from them is the same bytes.
"""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

import civicspace
import civicspace.strategies as cst
from civicspace._pipeline.convert import converter
from civicspace._pipeline.fast.dump import dumper

from .._unseen import Outer, outers


def _bytes(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False).encode()


@given(st.sampled_from(civicspace.record_types()).flatmap(cst.records))
def test_dump_writes_the_bytes_the_converter_writes(record: Any) -> None:
    assert _bytes(converter.unstructure(record)) == _bytes(civicspace.dump(record))


@given(st.sampled_from(civicspace.record_types()).flatmap(cst.records))
def test_dump_keeps_the_converter_key_order_at_every_depth(record: Any) -> None:
    def keys(value: Any) -> Any:
        if isinstance(value, dict):
            return [(key, keys(item)) for key, item in value.items()]
        if isinstance(value, list):
            return [keys(item) for item in value]
        return value

    assert keys(converter.unstructure(record)) == keys(civicspace.dump(record))


def test_the_mother_nature_sentence_dumps_as_the_converter_dumps_it() -> None:
    # "sentenced ... to jail for 18 to 20 months"
    document = {
        "type": "case",
        "id": "mother-nature-2021",
        "country": "KHM",
        "title": "Mother Nature Cambodia activists sentenced",
        "people": [{"id": "thun-ratha", "name": "Thun Ratha"}],
        "sentences": [{"person": "thun-ratha", "term": {"minimum": "P18M", "maximum": "P20M"}}],
    }
    case = civicspace.load(document)
    assert document == civicspace.dump(case)
    assert _bytes(converter.unstructure(case)) == _bytes(civicspace.dump(case))


@given(outers())
def test_a_class_the_fast_path_has_never_seen_dumps_from_its_fields(outer: Outer) -> None:
    assert _bytes(converter.unstructure(outer)) == _bytes(dumper(Outer)(outer))
