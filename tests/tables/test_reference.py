"""The generated reference page shows every table and every column of the layout."""

import sys
from pathlib import Path

import civicspace.tables

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "docs" / "_ext"))

import civicspace_docs  # lives in docs/_ext


def test_reference_page_shows_every_table_and_column():
    page = civicspace_docs.tables_page()
    for layout in civicspace.tables.LAYOUT:
        assert f"### `{layout.name}`" in page
        for column in layout.columns:
            assert f"| `{column.name}` | `" in page.split(f"### `{layout.name}`")[1], column.name
    assert "## Conventions\n\nConventions, the same in every table:" in page


def test_every_table_is_in_the_generated_pages():
    assert "tables.md" in civicspace_docs.generated_pages()


def test_column_names_are_unique_and_keys_are_columns():
    for layout in civicspace.tables.LAYOUT:
        names = [column.name for column in layout.columns]
        assert len(set(names)) == len(names), layout.name
        assert set(layout.key) <= set(names), layout.name
        assert layout.partition is None or layout.partition in names
