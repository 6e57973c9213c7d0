"""Uwazi CSV files in: what civicspace wrote reads back; Uwazi's own export reads too."""

import datetime
import os
import zipfile

from hypothesis import HealthCheck, Phase, given, settings

import civicspace
from civicspace import datasets, strategies
from civicspace._interop.uwazi import safe_name, to_uwazi
from civicspace._interop.uwazi_read import UwaziReading, from_uwazi, read_date

DRAWN = settings(
    max_examples=15,
    deadline=None,
    phases=(Phase.explicit, Phase.reuse, Phase.generate),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def where(reading):
    return [(i.file, i.row, i.column, i.issue.code) for i in reading.issues]


def without_elections(files):
    # Elections are written for Uwazi but not read back: Uwazi holds no results.
    return {name: text for name, text in files.items() if name != "08-election.csv"}


def test_dates_as_uwazi_reads_them():
    # csvLoader.spec.js: with the instance's format dd/MM/yyyy, test.csv's 03/01/2022 and
    # 01/03/2022 are imported as 1641168000 (3 January 2022) and 1646092800 (1 March 2022).
    assert (datetime.date(2022, 1, 3), "day") == read_date("03/01/2022", "dd/MM/yyyy")
    assert (datetime.date(2022, 3, 1), "day") == read_date("01/03/2022", "dd/MM/yyyy")
    assert datetime.datetime(2022, 1, 3, tzinfo=datetime.UTC).timestamp() == 1641168000
    # typeParsers.ts: YYYY-MM-DD, YYYY/MM/DD, YYYY MM DD and YYYY are read whatever the format.
    assert (datetime.date(2020, 9, 3), "day") == read_date("2020/09/03", "dd/MM/yyyy")
    assert (datetime.date(2020, 1, 1), "year") == read_date("2020", "dd/MM/yyyy")
    assert read_date("31/02/2022", "dd/MM/yyyy") is None


def test_cambodia_reads_back_into_what_it_was_written_from():
    files = to_uwazi(datasets.load("cambodia")).files
    reading = from_uwazi(files)
    assert [] == where(reading)
    assert reading.collection is not None
    again = without_elections(to_uwazi(reading.collection).files)
    for name, text in without_elections(files).items():
        assert (name, text.splitlines()) == (name, again.get(name, "").splitlines())
    assert without_elections(files).keys() == again.keys()


def test_people_and_organisations_read_back_equal():
    collection = civicspace.load(
        {
            "type": "collection",
            "people": [
                {
                    "type": "person",
                    "id": "eng-malai",
                    "name": "Eng Malai",
                    "other_names": [{"name": "So Metta", "note": "aka"}, {"name": "E. Malai"}],
                    "identifiers": [{"scheme": "wikidata", "identifier": "Q1234567"}],
                    "roles": ["youth_activist"],
                    "nationalities": ["KHM"],
                    "affiliations": [{"organisation": "khmer-thavrak", "role": "member"}],
                    "sources": [
                        {
                            "url": "https://monitor.civicus.org/explore/cambodia/",
                            "title": "Cambodia",
                            "publisher": "CIVICUS",
                            "date": "2021-06",
                            "quote": "Eng Malai (aka So Metta)",
                        }
                    ],
                },
                {"type": "person", "id": "sok-1", "name": "Sok"},
                {"type": "person", "id": "sok-2", "name": "Sok"},
            ],
            "organisations": [
                {
                    "type": "organisation",
                    "id": "khmer-thavrak",
                    "name": "Khmer Thavrak",
                    "country": "KHM",
                    "kind": "ngo",
                }
            ],
        }
    )
    assert UwaziReading(collection=collection, issues=()) == from_uwazi(to_uwazi(collection).files)


# What Uwazi's own CSV export writes (csvExporter.ts): labels as headers, the common
# Title, Date added and Template columns, entities of several templates in one file,
# dates in the instance's format, ranges joined by '~', a Spanish column beside.
UWAZI_EXPORT = (
    "Title,Date added,Template,Civicspace id,Country,Kind,Title__es,"
    "People,Case,Date,Documents,Attachments,Published\r\n"
    "Mother Nature Cambodia,12/05/2024,Organisation,,KHM,ngo,Naturaleza Madre Camboya,"
    ",,,,,Published\r\n"
    "Long Kunthea,12/05/2024,Person,,,,,,,,,,Published\r\n"
    "Long Kunthea arrested,12/05/2024,Case,,KHM,,,Long Kunthea,,,,,Published\r\n"
    "The arrest,12/05/2024,Case event,,,arrest,,Long Kunthea,Long Kunthea arrested,"
    "03/09/2020~03/09/2020,,,Published\r\n"
    "In detention,12/05/2024,Case event,,,pre_trial_detention,,Long Kunthea,"
    "Long Kunthea arrested,01/09/2020~30/09/2020,,,Published\r\n"
)


def test_uwazis_own_export_reads_with_its_date_format_and_language():
    reading = from_uwazi({"export.csv": UWAZI_EXPORT}, date_format="dd/MM/yyyy")
    assert [] == where(reading)
    expected = civicspace.load(
        {
            "type": "collection",
            "people": [{"type": "person", "id": "long-kunthea", "name": "Long Kunthea"}],
            "organisations": [
                {
                    "type": "organisation",
                    "id": "mother-nature-cambodia",
                    "name": "Mother Nature Cambodia",
                    "country": "KHM",
                    "kind": "ngo",
                }
            ],
            "cases": [
                {
                    "type": "case",
                    "id": "long-kunthea-arrested",
                    "country": "KHM",
                    "title": "Long Kunthea arrested",
                    "people": [{"id": "long-kunthea", "name": "Long Kunthea"}],
                    "events": [
                        {"kind": "arrest", "date": "2020-09-03", "people": ["long-kunthea"]},
                        {
                            "kind": "pre_trial_detention",
                            "date": "2020-09",
                            "people": ["long-kunthea"],
                        },
                    ],
                }
            ],
        }
    )
    assert expected == reading.collection
    spanish = from_uwazi({"export.csv": UWAZI_EXPORT}, date_format="dd/MM/yyyy", language="es")
    assert spanish.collection is not None
    assert "Naturaleza Madre Camboya" == spanish.collection.organisations[0].name


def test_bad_cells_are_issues_by_file_row_and_column():
    files = {
        "02-person.csv": "title,civicspace_id,affiliations\r\nSok,Not An Id,Nobody\r\n",
        "05-case-event.csv": "title,kind,date,case\r\nx,arrest,soon,Unknown case\r\n",
        "06-rating.csv": b"title,rating\r\n\xff\r\n",
        "misc.csv": "name\r\nx\r\n",
    }
    reading = from_uwazi(files)
    assert [
        ("06-rating.csv", None, None, "uwazi.unreadable"),
        ("misc.csv", 1, None, "uwazi.no_title"),
        ("02-person.csv", 2, "civicspace_id", "uwazi.bad_id"),
        ("02-person.csv", 2, "affiliations", "uwazi.unknown_title"),
        ("05-case-event.csv", 2, "case", "uwazi.unknown_title"),
        ("05-case-event.csv", 2, "date", "uwazi.bad_value"),
        ("05-case-event.csv", 2, "case", "uwazi.missing"),
    ] == where(reading)
    # What could be read is read: Sok, with an id of the reader's making.
    assert reading.collection is not None
    assert [("sok", "Sok")] == [(p.id, p.name) for p in reading.collection.people]
    assert all(issue.issue.code in civicspace.ISSUE_CODES for issue in reading.issues)


@DRAWN
@given(strategies.collections())
def test_drawn_collections_read_back_into_the_same_files(collection):
    files = to_uwazi(collection).files
    reading = from_uwazi(files)
    assert [] == where(reading)
    assert reading.collection is not None
    again = without_elections(to_uwazi(reading.collection).files)
    for name, text in without_elections(files).items():
        assert (name, text.splitlines()) == (name, again.get(name, "").splitlines())
    assert without_elections(files).keys() == again.keys()


def test_language_columns_as_in_uwazis_thesauri_fixture():
    # arrangeThesauriTest.csv heads a language's column with the property's name or label
    # and "__" and the language: "select_property__en, Select Property__es".
    assert ["select_property__en", "select_property__es"] == [
        safe_name(header) for header in ["select_property__en", " Select Property__es"]
    ]
    files = {
        "01-organisation.csv": (
            "Title,Title__es, Kind__es,Kind\nMother Nature Cambodia,Madre Naturaleza Camboya,ngo,\n"
        )
    }
    spanish = from_uwazi(files, language="es")
    assert [] == where(spanish)
    assert spanish.collection is not None
    assert [("Madre Naturaleza Camboya", "ngo")] == [
        (o.name, o.kind.value) for o in spanish.collection.organisations
    ]
    english = from_uwazi(files)
    assert english.collection is not None
    assert [("Mother Nature Cambodia", None)] == [
        (o.name, o.kind) for o in english.collection.organisations
    ]


def test_empty_values_between_separators_are_no_values():
    # typeParsers.ts parseMultiValue: values.split('|').filter(value => value !== '').
    files = {"02-person.csv": "title,roles\nSok,journalist||lawyer|\n"}
    reading = from_uwazi(files)
    assert reading.collection is not None
    assert ["journalist", "lawyer"] == [role.value for role in reading.collection.people[0].roles]


def test_a_zip_with_import_csv_reads_as_uwazi_imports_it(tmp_path):
    # Uwazi imports entities with files from a ZIP whose CSV is import.csv.
    path = tmp_path / "import.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("import.csv", "Title,Template\nKong Raiya,Person\n")
        archive.writestr("files/photo.jpg", b"\xff\xd8")
    reading = from_uwazi(path)
    assert reading.collection is not None
    assert ["Kong Raiya"] == [person.name for person in reading.collection.people]
    bad = tmp_path / "bad.zip"
    bad.write_bytes(b"not a zip")
    assert [("uwazi.unreadable")] == [found.issue.code for found in from_uwazi(bad).issues]


def test_the_huridocs_act_column_is_derived_and_not_read_back():
    case = civicspace.load(
        {
            "type": "case",
            "id": "eng-malai",
            "country": "KHM",
            "title": "Eng Malai arrested",
            "people": [{"id": "eng-malai", "name": "Eng Malai"}],
            "events": [{"kind": "arrest", "date": "2021-05", "people": ["eng-malai"]}],
        }
    )
    files = dict(to_uwazi(civicspace.Collection(cases=(case,))).files)
    read = from_uwazi(files)
    assert [] == where(read)
    written = files["05-case-event.csv"]
    assert "030101000000" in written
    # Another code, or none, in the column changes nothing: the kind decides.
    for code in ("999999999999", ""):
        files["05-case-event.csv"] = written.replace("030101000000", code)
        assert read == from_uwazi(files)


def test_only_regular_files_are_read(tmp_path):
    # A FIFO would block a plain read forever, and /dev/zero never ends.
    os.mkfifo(tmp_path / "01-organisation.csv")
    (tmp_path / "02-person.csv").symlink_to("/dev/zero")
    reading = from_uwazi(tmp_path)
    assert (None, ["uwazi.unreadable"]) == (
        reading.collection,
        [found.issue.code for found in reading.issues],
    )
    assert "only regular files are read" in reading.issues[0].issue.message
