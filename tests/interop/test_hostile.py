"""Whatever the input, the readers give issues, never a traceback."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from civicspace._interop.popolo import PopoloReading, from_popolo
from civicspace._interop.uwazi_read import UwaziReading, from_uwazi

HOSTILE = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=20,
)
popolo_keys = st.sampled_from(
    ["id", "name", "other_names", "identifiers", "+roles", "+nationalities", "+sources",
     "sources", "classification", "area_id", "person_id", "organization_id", "role",
     "identifier", "scheme", "note", "url", "+in_cases", "+acronym"]
)  # fmt: skip
popolo_objects = st.dictionaries(popolo_keys, json_values, max_size=6)
bundles = st.dictionaries(
    st.sampled_from(["persons", "organizations", "memberships", "areas", "events", "+civicspace"]),
    st.lists(popolo_objects, max_size=4) | json_values,
    min_size=1,
)


@HOSTILE
@given(bundles | json_values)
def test_any_json_reads_into_issues_or_records(data):
    assert isinstance(from_popolo(data), PopoloReading)


headers = st.sampled_from(
    ["title", "Title", "civicspace_id", "template", "kind", "date", "date_precision", "people",
     "case", "affiliations", "affiliation_roles", "other_names", "other_name_notes", "roles",
     "score", "sources", "country", "number", "start", "title__es", "identifiers", "x"]
)  # fmt: skip
cells = st.sampled_from(
    ["", "Sok", "arrest", "2020", "2020-05-01:2020-05-31", "01/02/2020~x", "Person", "Case",
     "Case event", "Rating", "a|b", "KHM", "yes", "12.5", "wikidata: Q1", "- [t](u) (p, 2020)",
     "sok", "Sok|Sok", "month", "x\ny", "Human Rights Council session", "1"]
)  # fmt: skip
names = st.sampled_from(
    ["01-organisation.csv", "02-person.csv", "04-case.csv", "05-case-event.csv", "06-rating.csv",
     "09-session.csv", "export.csv", "other.csv"]
)  # fmt: skip
contents = st.tuples(
    st.lists(headers, min_size=1, max_size=6), st.lists(st.lists(cells, max_size=7), max_size=4)
)
files = st.dictionaries(names, contents, max_size=4)


def as_csv(header, rows):
    quote = lambda cell: '"' + cell.replace('"', '""') + '"'  # noqa: E731
    return "\n".join(",".join(quote(cell) for cell in line) for line in [header, *rows]) + "\n"


@HOSTILE
@given(files)
def test_any_csv_reads_into_issues_or_records(drawn):
    reading = from_uwazi({name: as_csv(*content) for name, content in drawn.items()})
    assert isinstance(reading, UwaziReading)


@HOSTILE
@given(st.dictionaries(st.sampled_from(["02-person.csv", "x.csv"]), st.binary(max_size=60)))
def test_any_bytes_read_into_issues(drawn):
    assert isinstance(from_uwazi(drawn), UwaziReading)
