"""Documents: collections, JSON Lines, integrity across records, streams, pickling."""

import io
import json
import pickle

import pytest
from hypothesis import given
from hypothesis import strategies as st

import civicspace
from civicspace import strategies as cst
from civicspace._pipeline.documents import is_json_lines, read_records

from .._edit import changed, paths_and_codes

RATING = {"type": "rating", "country": "KHM", "rating": "repressed", "as_of": "2020"}
SCALE = civicspace.dump(civicspace.ratings.rating_scales()["civicus-monitor"])


def test_a_collection_loads_into_one_object():
    document = {"type": "collection", "ratings": [RATING], "scales": [SCALE]}
    collection = civicspace.load(document)
    assert (civicspace.ratings.CivicusRating.REPRESSED,) == tuple(
        r.rating for r in collection.ratings
    )
    assert document == civicspace.dump(collection)


def test_ids_are_unique_per_kind_in_a_collection():
    document = {"type": "collection", "scales": [SCALE, SCALE]}
    assert [("$.scales[1].id", "collection.duplicate_id")] == paths_and_codes(document)


def test_each_record_in_a_collection_is_checked_at_its_path():
    document = {"type": "collection", "ratings": [RATING, dict(RATING, score=90)]}
    assert [("$.ratings[1].score", "rating.score_outside_band")] == paths_and_codes(document)


def test_schema_problems_in_a_collection_have_full_paths():
    document = {"type": "collection", "ratings": [RATING, dict(RATING, country="XX")], "x": 1}
    assert [("$.ratings[1].country", "schema.enum"), ("$.x", "schema.additional_properties")] == (
        paths_and_codes(document)
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('{"a": 1}', False),
        ('{"a": 1}\n', False),
        ('{"a": 1}\n\n  \n', False),
        ('{"a": 1}\n{"b": 2}', True),
        ('\n\n{"a": 1}\n[2]\n', True),
        ('{\n  "a": 1\n}\n', False),
        ("[1,\n2]", False),
        ("not json\n{}", False),
    ],
)
def test_json_lines_are_told_from_a_single_document(text, expected):
    assert expected == is_json_lines(text)
    assert expected == is_json_lines(text.encode())


def test_validate_and_load_take_json_lines():
    text = "\n".join([json.dumps(RATING), json.dumps(dict(RATING, rating="bogus")), "", "[1"])
    issues = civicspace.validate(text)
    assert [(2, "$.rating", "schema.enum"), (4, "$", "json.syntax")] == [
        (issue.line, issue.path, issue.code) for issue in issues
    ]
    with pytest.raises(civicspace.ValidationError):
        civicspace.load(text)
    good = "\n".join([json.dumps(RATING), json.dumps(dict(RATING, country="PHL"))])
    assert ["KHM", "PHL"] == [record.country for record in civicspace.load(good)]


def test_validate_records_reads_a_stream_lazily():
    lines = (json.dumps(dict(RATING, as_of=str(1900 + n))) + "\n" for n in range(500))

    class Once(io.RawIOBase):
        def __init__(self):
            self.pending = b""

        def readable(self):
            return True

        def readinto(self, buffer):
            while not self.pending:
                try:
                    self.pending = next(lines).encode()
                except StopIteration:
                    return 0
            size = min(len(buffer), len(self.pending))
            buffer[:size], self.pending = self.pending[:size], self.pending[size:]
            return size

    reports = civicspace.validate_records(io.BufferedReader(Once()))
    first = next(reports)
    assert (0, 1, "rating", True) == (first.index, first.line, first.record_type, first.valid)
    assert 499 == sum(1 for _ in reports)


def test_read_records_skips_an_oversized_line_without_keeping_it():
    data = b'{"a": 1}\n' + b"x" * 10_000 + b'\n{"b": 2}\n'
    records = list(read_records(io.BytesIO(data), limit=100))
    assert [(1, b'{"a": 1}'), (2, None), (3, b'{"b": 2}')] == [(r.line, r.data) for r in records]
    assert records[1].size >= 10_000


def test_models_validators_issues_and_errors_pickle():
    record = civicspace.load(RATING)
    assert record == pickle.loads(pickle.dumps(record))
    assert civicspace.validate is pickle.loads(pickle.dumps(civicspace.validate))
    issue = civicspace.validate(dict(RATING, rating="x"))[0]
    assert issue == pickle.loads(pickle.dumps(issue))
    with pytest.raises(civicspace.ValidationError) as raised:
        civicspace.load(dict(RATING, rating="x"))
    copy = pickle.loads(pickle.dumps(raised.value))
    assert (raised.value.issues, raised.value.record_type, str(raised.value)) == (
        copy.issues,
        copy.record_type,
        str(copy),
    )


def _members(value, path="$", steps=()):
    """Every member below ``value``: its path, the steps to it, and its value."""
    if isinstance(value, dict):
        items = value.items()
    elif isinstance(value, list):
        items = enumerate(value)
    else:
        items = ()
    for key, item in items:
        child = civicspace._pipeline.json_paths.child_path(path, key)
        yield child, (*steps, key), item
        yield from _members(item, child, (*steps, key))


def _wrong_type(value):
    if isinstance(value, bool):
        return "true"
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, str):
        return 12345
    if isinstance(value, list):
        return {"not": "a list"}
    return ["not", "an", "object"]


@given(st.sampled_from(civicspace.record_types()).flatmap(cst.documents), st.data())
def test_a_document_mutated_at_one_member_is_reported_at_that_path(document, data):
    members = [
        (path, steps, value) for path, steps, value in _members(document) if path != "$.type"
    ]
    if not members:
        return
    path, steps, value = data.draw(st.sampled_from(members))
    mutated = changed(document, *steps, value=_wrong_type(value))
    assert path in [issue.path for issue in civicspace.validate(mutated)]


def test_library_errors_pickle_with_their_fields():
    parse_error = civicspace.ParseError("no", text="represed", suggestions=["repressed"])
    copy = pickle.loads(pickle.dumps(parse_error))
    assert (str(parse_error), "represed", ("repressed",)) == (
        copy.args[0],
        copy.text,
        copy.suggestions,
    )
    field_error = civicspace.FieldValueError("bad", field="country")
    assert "country" == pickle.loads(pickle.dumps(field_error)).field


def test_validation_runs_under_multiprocessing():
    import multiprocessing

    documents = [RATING, dict(RATING, rating="x"), dict(RATING, country="PHL")]
    with multiprocessing.get_context("spawn").Pool(2) as pool:
        results = pool.map(civicspace.validate, documents)
    assert [[], ["schema.enum"], []] == [[issue.code for issue in found] for found in results]


CRIMINAL_CODE = {
    "type": "law",
    "id": "khm/code/2009/criminal-code",
    "jurisdiction": "KHM",
    "kind": "code",
    "titles": ["Criminal Code"],
    "articles": [{"number": "494"}, {"number": "495"}],
}
CYBERCRIME_DRAFT = {
    "type": "law",
    "id": "khm/draft-law/cybercrime",
    "jurisdiction": "KHM",
    "kind": "draft_law",
    "titles": ["Draft Law on Cybercrime"],
}


def mother_nature_case(citation, date="2020-09-06"):
    # "On 6th September 2020, the three were charged with 'incitement to commit a felony
    # or cause social unrest' (articles 494 and 495 of the Cambodian Criminal Code)"
    return {
        "type": "case",
        "id": "mother-nature-2020",
        "country": "KHM",
        "title": "Mother Nature Cambodia activists detained in September 2020",
        "people": [{"id": "thun-ratha", "name": "Thun Ratha"}],
        "charges": [
            {
                "id": "incitement",
                "offence": "incitement to commit a felony or cause social unrest",
                "citations": [citation],
                "people": ["thun-ratha"],
                "date": date,
            }
        ],
    }


def test_a_charge_citing_an_article_its_law_lists_is_valid():
    document = {
        "type": "collection",
        "laws": [CRIMINAL_CODE],
        "cases": [mother_nature_case({"law": CRIMINAL_CODE["id"], "articles": ["494", "495"]})],
    }
    assert [] == paths_and_codes(document)


def test_a_charge_citing_an_article_its_law_does_not_list_is_reported():
    citation = {"law": CRIMINAL_CODE["id"], "articles": ["494", "949"]}
    document = {
        "type": "collection",
        "laws": [CRIMINAL_CODE],
        "cases": [mother_nature_case(citation)],
    }
    expected = [("$.cases[0].charges[0].citations[0].articles[1]", "collection.article_missing")]
    assert expected == paths_and_codes(document)
    # A law record that lists no articles cannot tell.
    unlisted = {key: value for key, value in CRIMINAL_CODE.items() if key != "articles"}
    assert [] == paths_and_codes(dict(document, laws=[unlisted]))


@pytest.mark.parametrize(
    ("date", "expected"),
    [("2020-09-06", [("$.cases[0].charges[0].citations[0].law", "collection.law_not_in_force")])],
)
def test_a_charge_citing_a_draft_never_in_force_is_reported(date, expected):
    citation = {"law": CYBERCRIME_DRAFT["id"]}
    document = {
        "type": "collection",
        "laws": [CYBERCRIME_DRAFT],
        "cases": [mother_nature_case(citation, date)],
    }
    assert expected == paths_and_codes(document)


def test_a_charge_citing_a_law_that_cannot_be_told_in_force_is_not_reported():
    # A code with no status history: the record cannot tell, so no alarm.
    code = {key: value for key, value in CRIMINAL_CODE.items() if key != "articles"}
    citation = {"law": code["id"], "articles": ["494"]}
    document = {"type": "collection", "laws": [code], "cases": [mother_nature_case(citation)]}
    assert [] == paths_and_codes(document)
