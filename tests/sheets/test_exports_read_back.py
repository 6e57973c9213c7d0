"""Exports read back exactly: formula-like text, decimals as written, whole numbers, long terms.

Each test builds the case of the issue that found it, exports it to CSV and to
Excel with :mod:`civicspace.tables`, and reads it back with
:func:`civicspace.sheets.read_tables`.
"""

import csv
import json

import pytest

import civicspace
import civicspace.sheets
import civicspace.tables

# Issue: "names, titles, quotes and notes starting with =, +, -, @, tab or CR
# (=HYPERLINK("http://x","click"), -2+3+cmd|' /C calc'!A0) are written as they are".
FORMULAS = [
    '=HYPERLINK("http://x","click")',
    "-2+3+cmd|' /C calc'!A0",
    "+1",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\tindented",
    "\rreturned",
    "'quoted already",
]


def case_titled(title, name):
    return {
        "type": "case",
        "id": "khm-1",
        "country": "KHM",
        "title": title,
        "people": [{"id": "p", "name": name, "roles": ["journalist"]}],
        "events": [{"kind": "arrest", "date": "2020-09-03", "people": ["p"]}],
    }


def collection(*records, **members):
    document = {"type": "collection", **members}
    for record in records:
        document.setdefault(f"{record['type']}s", []).append(record)
    return document


def read_back(document, format, folder):
    tables = civicspace.tables.tables(civicspace.load(document))
    written = civicspace.tables.write(tables, folder, format)
    return civicspace.sheets.read_tables(folder if format == "csv" else written[0])


@pytest.mark.parametrize("text", FORMULAS)
def test_csv_export_writes_no_formula_and_reads_back_the_text(tmp_path, text):
    document = civicspace.dump(civicspace.load(collection(case_titled(text, text))))
    reading = read_back(document, "csv", tmp_path)
    for path in tmp_path.glob("*.csv"):
        with path.open(newline="", encoding="utf-8") as file:
            for row in csv.reader(file):
                starts = [cell for cell in row if cell[:1] in ("=", "+", "-", "@", "\t", "\r")]
                assert [] == starts, path.name
    assert [] == [str(issue) for issue in reading.issues]
    assert document == reading.document


@pytest.mark.parametrize("text", FORMULAS)
def test_xlsx_export_reads_back_formula_like_text(tmp_path, text):
    document = civicspace.dump(civicspace.load(collection(case_titled(text, text))))
    reading = read_back(document, "xlsx", tmp_path)
    assert [] == [str(issue) for issue in reading.issues]
    assert document == reading.document


def sentenced(fine, penalty):
    case = case_titled("Conviction", "Thun Ratha")
    case["events"].append({"kind": "conviction", "date": "2021-05-05", "people": ["p"]})
    case["sentences"] = [
        {
            "person": "p",
            "term": "P20M",
            "fine": {"amount": {"amount": fine, "currency": "KHR"}},
            "imposed_on": "2021-05-05",
        }
    ]
    law = {
        "type": "law",
        "id": "khm/code/criminal-code",
        "jurisdiction": "KHM",
        "kind": "code",
        "titles": ["Criminal Code"],
        "articles": [
            {
                "number": "494",
                "penalties": [
                    {"maximum_fine": {"amount": penalty, "currency": "USD"}, "maximum_term": "P2Y"}
                ],
            }
        ],
    }
    rating = {
        "type": "rating",
        "country": "KHM",
        "rating": "closed",
        "as_of": "2022",
        "score": 12,
    }
    return collection(case, law, rating)


@pytest.mark.parametrize("format", ["csv", "xlsx"])
def test_decimals_keep_their_places_and_a_whole_score_stays_whole(tmp_path, format):
    # Issue: "a fine of "4000000.00" reads back as "4000000", a penalty "4.80" as "4.8",
    # a rating score of 12 as 12.0".
    document = civicspace.dump(civicspace.load(sentenced("4000000.00", "4.80")))
    assert "4000000.00" == document["cases"][0]["sentences"][0]["fine"]["amount"]["amount"]
    reading = read_back(document, format, tmp_path)
    assert [] == [str(issue) for issue in reading.issues]
    assert json.dumps(document, sort_keys=True) == json.dumps(reading.document, sort_keys=True)


@pytest.mark.parametrize("format", ["csv", "xlsx", "parquet"])
def test_a_valid_term_of_a_quintillion_years_exports_and_reads_back(tmp_path, format):
    # Issue: "A valid term such as P1000000000000000000Y crashes civicspace export
    # (OverflowError)". The term is kept as its ISO text; its months, past any int64, are null.
    document = sentenced("1", "1")
    document["cases"][0]["sentences"][0]["term"] = "P1000000000000000000Y"
    document = civicspace.dump(civicspace.load(document))
    tables = civicspace.tables.tables(civicspace.load(document))
    row = tables["sentences"].to_pylist()[0]
    assert ("P1000000000000000000Y", None) == (row["term"], row["term_minimum_months"])
    if format == "parquet":
        civicspace.tables.write(tables, tmp_path, format)
        return
    reading = read_back(document, format, tmp_path)
    assert [] == [str(issue) for issue in reading.issues]
    assert document == reading.document
