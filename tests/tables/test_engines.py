"""Real engines read the exports and agree with what the library computes.

The Cambodia dataset is exported once per format through the command line;
DuckDB queries the Parquet files, pandas the CSV files, openpyxl reads the
workbook back and Dask reads the country-partitioned Parquet datasets on its
synchronous scheduler. Each answers the same questions, and each answer is
compared with the library's own: people charged under each article of the
Criminal Code (count_by_article), prison months per case as a range
(summarise), fines per currency (account_totals), the statements with the
most signatories, and the ratings in force on a date (RatingHistory).
"""

import datetime
import itertools
from collections import Counter, defaultdict
from decimal import Decimal

import dask.dataframe as dd
import duckdb
import pandas as pd
import pytest
from openpyxl import load_workbook

import civicspace
from civicspace._cli.app import main

CRIMINAL_CODE = "khm/code/criminal-code"
DAY = datetime.date(2021, 6, 1)
TOP = 3


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    root = tmp_path_factory.mktemp("exports")
    for name, extra in (
        ("parquet", []),
        ("csv", []),
        ("xlsx", []),
        ("partitioned", ["--partition", "country"]),
    ):
        fmt = "parquet" if name == "partitioned" else name
        argv = ["export", "cambodia", "--format", fmt, "--out", str(root / name), *extra]
        assert 0 == main(argv)
    return root


# -- What the library says -------------------------------------------------------------------------


def charged_by_article(collection):
    return {
        article: count
        for (law, article), count in civicspace.analysis.count_by_article(collection).items()
        if law == CRIMINAL_CODE
    }


def months_by_case(collection):
    found = {}
    for case in collection.cases:
        summary = civicspace.analysis.summarise(civicspace.Collection(cases=(case,)))
        if summary.rulings > summary.life_sentences + summary.terms_not_counted:
            found[case.id] = summary.sentence_months
    return found


def fines(collection):
    totals = civicspace.sentences.account_totals(
        s for case in collection.cases for s in case.sentences
    )
    return {money.currency: money.amount for money in totals.fines}


def most_signed(collection):
    ranked = sorted((-len(s.signatories), s.id) for s in collection.statements)
    return [(statement, -count) for count, statement in ranked[:TOP]]


def ratings_on(collection, day):
    history = civicspace.ratings.RatingHistory(collection.ratings)
    found = {country: history.rating_on(country, day) for country in history.countries}
    return {country: rating.rating.value for country, rating in found.items() if rating}


def test_the_questions_have_answers(cambodia):
    # Agreement on empty answers would prove nothing.
    assert all(
        answer
        for answer in (
            charged_by_article(cambodia),
            months_by_case(cambodia),
            fines(cambodia),
            most_signed(cambodia),
            ratings_on(cambodia, DAY),
        )
    )


# -- DuckDB over Parquet ---------------------------------------------------------------------------

CHARGED_SQL = """
SELECT c.article_key, count(DISTINCT p.case_id || '/' || p.person_id)
FROM 'charge_citations.parquet' AS c
JOIN 'charge_people.parquet' AS p USING (case_id, charge_id)
WHERE c.law_id = ?
GROUP BY c.article_key
"""

MONTHS_SQL = """
WITH rulings AS (
    SELECT case_id, ruling_index,
        coalesce(bool_or(term_life), false) AS life,
        coalesce(bool_or(term_minimum_days > 0 OR term_maximum_days > 0), false) AS days,
        coalesce(min(term_minimum_months), 0) AS least,
        coalesce(max(term_maximum_months), 0) AS most
    FROM 'sentences.parquet'
    GROUP BY case_id, ruling_index
)
SELECT case_id, sum(least), sum(most) FROM rulings WHERE NOT life AND NOT days GROUP BY case_id
"""

FINES_SQL = """
SELECT fine_currency, sum(fine_amount) FROM 'sentences.parquet'
WHERE fine_currency IS NOT NULL GROUP BY fine_currency
"""

SIGNED_SQL = f"""
SELECT statement_id, count(*) AS signed FROM 'signatures.parquet'
GROUP BY statement_id ORDER BY signed DESC, statement_id LIMIT {TOP}
"""

RATINGS_SQL = """
SELECT country, rating FROM 'ratings.parquet'
WHERE in_force_from <= ? AND (in_force_until IS NULL OR in_force_until > ?)
"""


@pytest.fixture
def duck(exported, monkeypatch):
    monkeypatch.chdir(exported / "parquet")
    with duckdb.connect() as connection:
        yield connection


def test_duckdb_people_charged_under_each_article(duck, cambodia):
    rows = duck.execute(CHARGED_SQL, [CRIMINAL_CODE]).fetchall()
    assert charged_by_article(cambodia) == dict(rows)


def test_duckdb_prison_months_per_case(duck, cambodia):
    rows = duck.execute(MONTHS_SQL).fetchall()
    assert months_by_case(cambodia) == {case: (int(low), int(high)) for case, low, high in rows}


def test_duckdb_fines_per_currency(duck, cambodia):
    assert fines(cambodia) == dict(duck.execute(FINES_SQL).fetchall())


def test_duckdb_statements_with_most_signatories(duck, cambodia):
    assert most_signed(cambodia) == duck.execute(SIGNED_SQL).fetchall()


def test_duckdb_ratings_in_force_on_a_date(duck, cambodia):
    rows = duck.execute(RATINGS_SQL, [DAY, DAY]).fetchall()
    assert ratings_on(cambodia, DAY) == dict(rows)


def test_duckdb_reads_the_partitioned_datasets_too(exported, cambodia):
    rows = duckdb.sql(
        f"SELECT count(*) FROM read_parquet('{exported}/partitioned/sentences/*/*.parquet', "
        "hive_partitioning = true) WHERE country = 'KHM'"
    ).fetchall()
    expected = sum(len(case.sentences) for case in cambodia.cases if case.country == "KHM")
    assert [(expected,)] == rows


# -- pandas over CSV -------------------------------------------------------------------------------


def _decimal(text):
    return Decimal(text) if text else None


@pytest.fixture(scope="module")
def frames(exported):
    folder = exported / "csv"
    amounts = {"fine_amount": _decimal}
    return {
        name: pd.read_csv(folder / f"{name}.csv", converters=amounts if name == "sentences" else {})
        for name in ("charge_citations", "charge_people", "sentences", "signatures", "ratings")
    }


def test_pandas_people_charged_under_each_article(frames, cambodia):
    cited = frames["charge_citations"]
    joined = cited[cited.law_id == CRIMINAL_CODE].merge(
        frames["charge_people"], on=["case_id", "charge_id"]
    )
    counts = joined.drop_duplicates(["article_key", "case_id", "person_id"]).groupby(
        "article_key", dropna=False
    )
    assert charged_by_article(cambodia) == {
        str(article): int(count) for article, count in counts.size().items()
    }


def test_pandas_prison_months_per_case(frames, cambodia):
    sentences = frames["sentences"].assign(
        days=lambda f: (f.term_minimum_days.fillna(0) > 0) | (f.term_maximum_days.fillna(0) > 0),
        life=lambda f: f.term_life.fillna(False).astype(bool),
    )
    rulings = sentences.groupby(["case_id", "ruling_index"]).agg(
        life=("life", "any"),
        days=("days", "any"),
        least=("term_minimum_months", "min"),
        most=("term_maximum_months", "max"),
    )
    counted = rulings[~rulings.life & ~rulings.days].fillna(0).groupby("case_id").sum()
    assert months_by_case(cambodia) == {
        case: (int(row.least), int(row.most)) for case, row in counted.iterrows()
    }


def test_pandas_fines_per_currency(frames, cambodia):
    sentences = frames["sentences"].dropna(subset=["fine_currency"])
    totals = {
        currency: sum(group.fine_amount, Decimal(0))
        for currency, group in sentences.groupby("fine_currency")
    }
    assert fines(cambodia) == totals


def test_pandas_statements_with_most_signatories(frames, cambodia):
    counts = frames["signatures"].groupby("statement_id").size().reset_index(name="signed")
    top = counts.sort_values(["signed", "statement_id"], ascending=[False, True]).head(TOP)
    assert most_signed(cambodia) == [(s, int(n)) for s, n in top.itertuples(index=False)]


def test_pandas_ratings_in_force_on_a_date(frames, cambodia):
    ratings = frames["ratings"]
    start = pd.to_datetime(ratings.in_force_from)
    until = pd.to_datetime(ratings.in_force_until)
    day = pd.Timestamp(DAY)
    current = ratings[(start <= day) & (until.isna() | (until > day))]
    assert ratings_on(cambodia, DAY) == dict(zip(current.country, current.rating, strict=True))


# -- The workbook, read back with openpyxl -------------------------------------------------------


@pytest.fixture(scope="module")
def sheets(exported):
    workbook = load_workbook(exported / "xlsx" / "civicspace.xlsx", read_only=True)
    found = {}
    try:
        for sheet in workbook.worksheets:
            rows = sheet.iter_rows(values_only=True)
            header = next(rows)
            # A read-only sheet leaves out trailing empty cells of a row.
            found[sheet.title] = [
                dict(itertools.zip_longest(header, row[: len(header)])) for row in rows
            ]
    finally:
        workbook.close()
    return found


def test_workbook_has_every_table_with_its_rows(sheets, cambodia):
    import civicspace.tables

    built = civicspace.tables.tables(cambodia)
    assert {name: table.num_rows for name, table in built.items()} == {
        name: len(rows) for name, rows in sheets.items()
    }


def test_workbook_header_rows_are_frozen(exported):
    workbook = load_workbook(exported / "xlsx" / "civicspace.xlsx")
    frozen = {sheet.freeze_panes for sheet in workbook.worksheets}
    workbook.close()
    assert {"A2"} == frozen


def test_workbook_answers(sheets, cambodia):
    people = defaultdict(set)
    charged = defaultdict(set)
    for row in sheets["charge_people"]:
        people[row["case_id"], row["charge_id"]].add(row["person_id"])
    for row in sheets["charge_citations"]:
        if row["law_id"] == CRIMINAL_CODE:
            key = (row["case_id"], row["charge_id"])
            charged[row["article_key"]] |= {(row["case_id"], p) for p in people[key]}
    assert charged_by_article(cambodia) == {a: len(p) for a, p in charged.items()}

    totals = defaultdict(Decimal)
    for row in sheets["sentences"]:
        if row["fine_currency"] is not None:
            assert isinstance(row["fine_amount"], (int, float))  # a number cell
            totals[row["fine_currency"]] += Decimal(str(row["fine_amount"]))
    assert fines(cambodia) == dict(totals)

    signed = Counter(row["statement_id"] for row in sheets["signatures"])
    ranked = sorted(signed.items(), key=lambda item: (-item[1], item[0]))[:TOP]
    assert most_signed(cambodia) == ranked

    day = datetime.datetime.combine(DAY, datetime.time())
    current = {
        row["country"]: row["rating"]
        for row in sheets["ratings"]
        if row["in_force_from"] <= day
        and (row["in_force_until"] is None or row["in_force_until"] > day)
    }
    assert isinstance(sheets["ratings"][0]["in_force_from"], datetime.datetime)  # a date cell
    assert ratings_on(cambodia, DAY) == current


# -- Dask over the partitioned datasets -----------------------------------------------------------


def test_dask_fines_per_currency_on_the_local_scheduler(exported, cambodia):
    sentences = dd.read_parquet(exported / "partitioned" / "sentences")
    fined = sentences[sentences.fine_currency.notnull()]
    totals = fined.groupby("fine_currency").fine_amount.sum().compute(scheduler="sync")
    assert fines(cambodia) == {currency: Decimal(amount) for currency, amount in totals.items()}


def test_dask_sees_the_partition_column(exported, cambodia):
    cases = dd.read_parquet(exported / "partitioned" / "cases")
    counted = cases.groupby("country", observed=True).size().compute(scheduler="threads")
    assert Counter(case.country for case in cambodia.cases) == {
        str(country): int(n) for country, n in counted.items()
    }
