"""Laws of the reading: the CSV escape and the decimal places are undone exactly."""

import decimal

from hypothesis import given
from hypothesis import strategies as st

from civicspace._sheets.values import read_value, with_places
from civicspace._tables.layout import table_layout
from civicspace._tables.write import _FORMULA_STARTS, _neutral

TITLE = next(column for column in table_layout("cases").columns if column.name == "title")


@given(st.text(min_size=1))
def test_a_neutralised_text_reads_back_as_it_was_and_starts_no_formula(text):
    written = _neutral(text)
    assert not written.startswith(_FORMULA_STARTS[:-1])
    assert text == read_value(TITLE, written, typed=False, is_date=False, key=False)


@given(
    st.decimals(min_value=0, max_value=10**20, places=4, allow_nan=False, allow_infinity=False),
    st.integers(min_value=0, max_value=4),
)
def test_an_amount_with_its_places_reads_back_as_written(value, places):
    written = format(value.quantize(decimal.Decimal(1).scaleb(-places)), "f")
    # What the tables hold: the value, its written places forgotten (decimal128(38, 4)).
    held = format(decimal.Decimal(written).quantize(decimal.Decimal("0.0001")), "f")
    assert written == with_places(held, places)
    normalised = format(decimal.Decimal(written).normalize(), "f")
    assert written == with_places(normalised, places)


@given(st.decimals(min_value=0, max_value=10**6, places=4, allow_nan=False), st.integers(0, 3))
def test_with_places_never_changes_a_value(value, places):
    text = format(value, "f")
    assert decimal.Decimal(text) == decimal.Decimal(with_places(text, places))
