"""Reading back an export of a collection gives the same collection, through Excel and CSV.

The Cambodia dataset comes back as the very document it is, and so do drawn
collections: an amount drawn as ``1000.00`` comes back as ``1000.00`` (the
tables' ``_places`` columns keep how each decimal is written), a whole-number
score as a whole number.
"""

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings

import civicspace
import civicspace.sheets
import civicspace.tables
from civicspace import datasets, strategies

# Drawn collections are large: failures show as drawn, without shrinking.
NO_SHRINK = (Phase.explicit, Phase.reuse, Phase.generate)


def read_back(collection, format, folder):
    written = civicspace.tables.write(civicspace.tables.tables(collection), folder, format)
    return civicspace.sheets.read_tables(folder if format == "csv" else written[0])


@pytest.mark.parametrize("format", ["xlsx", "csv"])
def test_the_cambodia_dataset_reads_back_as_its_document(tmp_path, format):
    collection = datasets.load("cambodia")
    reading = read_back(collection, format, tmp_path)
    assert [] == [str(issue) for issue in reading.issues]
    assert civicspace.dump(collection) == reading.document
    assert collection == reading.collection()


@settings(
    max_examples=8,
    phases=NO_SHRINK,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(strategies.collections())
def test_drawn_collections_read_back_equal_through_excel_and_csv(collection):
    for format in ("xlsx", "csv"):
        with tempfile.TemporaryDirectory() as folder:
            reading = read_back(collection, format, Path(folder))
            assert [] == [str(issue) for issue in reading.issues], format
            assert civicspace.dump(collection) == reading.document, format
            assert collection == reading.collection(), format
