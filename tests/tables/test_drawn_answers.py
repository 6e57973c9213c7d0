"""On drawn collections, answers read from the tables agree with the library's functions."""

import datetime
from collections import defaultdict

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

import civicspace
import civicspace.tables
from civicspace import strategies

# Drawn collections are large: shrinking a failure took minutes, so failures show as drawn.
NO_SHRINK = (Phase.explicit, Phase.reuse, Phase.generate)

DRAWN = settings(
    max_examples=10,
    deadline=None,
    phases=NO_SHRINK,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@DRAWN
@given(
    strategies.collections(),
    st.dates(min_value=datetime.date(1990, 1, 1), max_value=datetime.date(2030, 12, 31)),
)
def test_ratings_in_force_agree_with_rating_history(collection, day):
    rows = civicspace.tables.tables(collection)["ratings"].to_pylist()
    current = {
        row["country"]: row["path"]
        for row in rows
        if row["in_force_from"] <= day
        and (row["in_force_until"] is None or row["in_force_until"] > day)
    }
    history = civicspace.ratings.RatingHistory(collection.ratings)
    expected = {}
    for country in history.countries:
        found = history.rating_on(country, day)
        if found is not None:
            # The very record, not only its category: found by identity among the ratings.
            index = next(i for i, r in enumerate(collection.ratings) if r is found)
            expected[country] = f"$.ratings[{index}]"
    assert expected == current


@DRAWN
@given(strategies.collections())
def test_people_charged_per_article_agree_with_count_by_article(collection):
    built = civicspace.tables.tables(collection)
    people = defaultdict(set)
    for row in built["charge_people"].to_pylist():
        people[row["case_id"], row["charge_id"]].add(row["person_id"])
    charged = defaultdict(set)
    for row in built["charge_citations"].to_pylist():
        key = (row["case_id"], row["charge_id"])
        charged[row["law_id"], row["article_key"]] |= {(row["case_id"], p) for p in people[key]}
    counted = {article: len(found) for article, found in charged.items()}
    assert civicspace.analysis.count_by_article(collection) == counted


@DRAWN
@given(strategies.collections())
def test_statuses_and_conflicts_are_the_library_s(collection):
    built = civicspace.tables.tables(collection)
    statuses = {
        (row["case_id"], row["person_id"]): row["status"]
        for row in built["case_people"].to_pylist()
    }
    assert {
        (case.id, person): status.value
        for case in collection.cases
        for person, status in civicspace.cases.case_statuses(case).items()
    } == statuses
    marked = {row["path"] for row in built["sentences"].to_pylist() if row["conflicting"]}
    assert {
        path for found in civicspace.analysis.conflicts(collection) for path in found.paths
    } == marked
