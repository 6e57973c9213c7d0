"""Ratings: parsing published text, ordering, changes, histories and scales."""

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

import civicspace
from civicspace import strategies as cst
from civicspace.common import PartialDate
from civicspace.ratings import (
    ChangeDirection,
    CivicusRating,
    CountryRating,
    RatingHistory,
    compare_scores,
    rating_change,
    rating_scales,
)

# Phrases as the source texts print them (../shared/sources/civicus-cambodia-articles.txt).
PUBLISHED = [
    ("The country is rated as closed", "closed", CivicusRating.CLOSED),
    ("Cameroon, rated as ‘repressed’ in CIVICUS’s Monitor", "‘repressed’", CivicusRating.REPRESSED),
    ("Civic space rating:Obstructed", "Obstructed", CivicusRating.OBSTRUCTED),
    ('Civic space in Cambodia is rated as "Repressed"', '"Repressed"', CivicusRating.REPRESSED),
    ("Saudi Arabia (Civic space rating: Closed)", " Closed", CivicusRating.CLOSED),
    ("OPEN NARROWED OBSTRUCTED  REPRESSED CLOSED", "NARROWED", CivicusRating.NARROWED),
]


@pytest.mark.parametrize(("context", "word", "expected"), PUBLISHED, ids=[p[1] for p in PUBLISHED])
def test_rating_parse_reads_published_forms(context, word, expected):
    assert word in context
    assert expected == CivicusRating.parse(word)


@pytest.mark.parametrize(
    "text", ["", "repress", "rated as repressed", "very closed", "1", "open-ish"]
)
def test_rating_parse_refuses_anything_else(text):
    with pytest.raises(civicspace.ParseError) as raised:
        CivicusRating.parse(text)
    assert text == raised.value.text


def test_rating_parse_suggests_close_ratings_without_choosing():
    with pytest.raises(civicspace.ParseError) as raised:
        CivicusRating.parse("represed")
    assert ("repressed",) == raised.value.suggestions
    assert "did you mean repressed?" in str(raised.value)


def test_ratings_run_from_open_to_closed():
    assert [
        CivicusRating.OPEN,
        CivicusRating.NARROWED,
        CivicusRating.OBSTRUCTED,
        CivicusRating.REPRESSED,
        CivicusRating.CLOSED,
    ] == sorted(CivicusRating, reverse=True)[::-1]
    assert [0, 1, 2, 3, 4] == [rating.rank for rating in CivicusRating]


@given(cst.ratings(), cst.ratings(), cst.ratings())
def test_rating_order_is_total_and_transitive(a, b, c):
    assert (a < b) + (a == b) + (a > b) == 1
    assert (a <= b) == (not a > b)
    if a <= b and b <= c:
        assert a <= c


@given(cst.ratings(), cst.ratings())
def test_rating_change_agrees_with_the_order(before, after):
    change = rating_change(before, after)
    expected = {
        True: ChangeDirection.DOWNGRADE,
        False: ChangeDirection.UPGRADE if after < before else ChangeDirection.UNCHANGED,
    }[after > before]
    assert expected == change.direction
    assert abs(after.rank - before.rank) == change.steps
    assert (change.steps == 0) == (change.direction == "unchanged")


@given(cst.ratings(), cst.ratings())
def test_rating_change_is_symmetric_in_steps_and_opposite_in_direction(a, b):
    there, back = rating_change(a, b), rating_change(b, a)
    assert there.steps == back.steps
    opposite = {"downgrade": "upgrade", "upgrade": "downgrade", "unchanged": "unchanged"}
    assert opposite[there.direction] == back.direction


def test_rating_change_examples():
    # "in June, the Philippines was added to CIVICUS's Watchlist": obstructed,
    # and a later move to repressed is one step down.
    down = rating_change(CivicusRating.OBSTRUCTED, CivicusRating.REPRESSED)
    assert ("downgrade", 1) == (down.direction, down.steps)
    up = rating_change(CivicusRating.CLOSED, CivicusRating.OPEN)
    assert ("upgrade", 4) == (up.direction, up.steps)
    same = rating_change(CivicusRating.REPRESSED, CivicusRating.REPRESSED)
    assert ("unchanged", 0) == (same.direction, same.steps)


def rating(country, value, as_of, **extra):
    return CountryRating(
        country=country, rating=CivicusRating(value), as_of=PartialDate.parse(as_of), **extra
    )


HISTORY = RatingHistory(
    [
        rating("PHL", "obstructed", "2019"),
        rating("PHL", "obstructed", "2020-06", watchlist=True),
        rating("PHL", "repressed", "2020-12"),
        rating("KHM", "repressed", "2019-09"),
        rating("SAU", "closed", "2019-09"),
    ]
)


def test_rating_in_force_on_a_date():
    assert HISTORY.rating_on("PHL", datetime.date(2018, 12, 31)) is None
    assert CivicusRating.OBSTRUCTED == HISTORY.rating_on("PHL", datetime.date(2020, 6, 1)).rating
    assert HISTORY.rating_on("PHL", datetime.date(2020, 6, 1)).watchlist
    assert CivicusRating.REPRESSED == HISTORY.rating_on("PHL", PartialDate(2021)).rating
    assert HISTORY.rating_on("FRA", datetime.date(2021, 1, 1)) is None


def test_changes_between_dates_skip_repeats():
    changes = HISTORY.changes("PHL")
    assert [("obstructed", "repressed", "downgrade", 1)] == [
        (c.previous.rating.value, c.current.rating.value, c.change.direction, c.change.steps)
        for c in changes
    ]
    assert () == HISTORY.changes("PHL", end=datetime.date(2020, 11, 30))
    assert () == HISTORY.changes("PHL", start=PartialDate(2020, 12))


def test_count_by_rating_is_the_annual_table():
    expected = {
        CivicusRating.OPEN: 0,
        CivicusRating.NARROWED: 0,
        CivicusRating.OBSTRUCTED: 1,
        CivicusRating.REPRESSED: 1,
        CivicusRating.CLOSED: 1,
    }
    assert expected == HISTORY.count_by_rating(datetime.date(2020, 7, 1))
    assert {**expected, CivicusRating.OBSTRUCTED: 0} == HISTORY.count_by_rating(
        datetime.date(2020, 7, 1), countries=["KHM", "SAU", "SAU", "FRA"]
    )


@given(st.lists(cst.country_ratings(), max_size=12), cst.partial_dates())
def test_rating_on_is_the_latest_rating_that_took_effect(records, day):
    history = RatingHistory(records)
    for country in history.countries:
        found = history.rating_on(country, day)
        started = [r for r in records if r.country == country and r.as_of.earliest <= day.earliest]
        if not started:
            assert found is None
        else:
            assert max(r.as_of for r in started) == found.as_of
    total = sum(history.count_by_rating(day).values())
    assert total == sum(1 for c in history.countries if history.rating_on(c, day) is not None)


# Scales -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("scale", "score", "category"),
    [
        ("civicus-monitor", 0, "closed"),
        ("civicus-monitor", 20, "closed"),
        ("civicus-monitor", 21, "repressed"),
        ("civicus-monitor", 100, "open"),
        ("freedom-house-fotn", 69, "partly_free"),
        ("freedom-house-fotn", 70, "free"),
        ("rsf-world-press-freedom-index", 85, "good"),  # a shared bound goes to the more open band
        ("rsf-world-press-freedom-index", 84.99, "satisfactory"),
        ("rsf-world-press-freedom-index", 40, "difficult"),
        ("rsf-world-press-freedom-index", 39.5, "very_serious"),
    ],
)
def test_scales_map_scores_to_categories(scale, score, category):
    assert category == rating_scales()[scale].category(score)


@pytest.mark.parametrize(
    ("scale", "score"),
    [("civicus-monitor", 20.5), ("civicus-monitor", 101), ("freedom-house-fiw", 50)],
)
def test_a_score_in_no_band_is_an_error_not_a_guess(scale, score):
    with pytest.raises(civicspace.errors.ScoreOutsideBandsError):
        rating_scales()[scale].category(score)


def test_every_shipped_band_cites_its_source_and_scales_are_valid():
    for scale in rating_scales().values():
        assert [] == civicspace.validate(civicspace.dump(scale))
        assert all(band.source.url or band.source.title for band in scale.bands)


def test_civicus_bands_name_the_rating_categories():
    assert [r.value for r in CivicusRating] == [
        b.category for b in rating_scales()["civicus-monitor"].bands
    ]


def test_comparing_scores_across_scales_only_where_meaningful():
    scales = rating_scales()
    same = compare_scores(
        scales["civicus-monitor"], 30, scales["rsf-world-press-freedom-index"], 45
    )
    assert (True, -15) == (same.meaningful, same.difference)
    unstated = compare_scores(scales["civicus-monitor"], 30, scales["freedom-house-fiw"], 45)
    assert (False, None) == (unstated.meaningful, unstated.difference)
    assert "Freedom in the World publishes no score bands" == unstated.reason
    reversed_ = civicspace.RatingScale(
        id="old-index",
        name="Old index",
        publisher="Someone",
        direction=civicspace.ratings.ScaleDirection.LOWER_IS_MORE_OPEN,
        minimum=0,
        maximum=100,
        bands=scales["civicus-monitor"].bands[::-1],
    )
    opposite = compare_scores(scales["civicus-monitor"], 30, reversed_, 45)
    assert not opposite.meaningful
    assert "opposite directions" in opposite.reason


@given(cst.rating_scales(), st.data())
def test_every_score_of_a_stated_scale_falls_in_exactly_the_first_covering_band(scale, data):
    score = data.draw(st.integers(0, 100) | st.floats(0, 100))
    if not scale.stated:
        with pytest.raises(civicspace.errors.ScoreOutsideBandsError):
            scale.band(score)
        return
    covering = [band for band in scale.bands if band.covers(score)]
    assert covering
    assert covering[0] == scale.band(score)


def test_scale_checks_catch_overlapping_and_repeated_bands():
    document = civicspace.dump(rating_scales()["civicus-monitor"])
    document["bands"][1]["minimum"] = 50  # narrowed 50-80
    document["bands"][2]["maximum"] = 70  # obstructed 41-70 overlaps narrowed 50-80
    document["bands"][3]["category"] = "closed"  # repressed renamed closed: repeated
    document["bands"][4]["minimum"] = 15  # closed 15-10: inverted
    document["bands"][4]["maximum"] = 10
    document["bands"][0]["maximum"] = 120  # open 81-120: beyond the scale
    found = [(issue.path, issue.code) for issue in civicspace.validate(document)]
    assert [
        ("$.bands[0].maximum", "schema.maximum"),
    ] == found
    document["bands"][0]["maximum"] = 100
    found = [(issue.path, issue.code) for issue in civicspace.validate(document)]
    assert [
        ("$.bands[4].maximum", "scale.band_inverted"),
        ("$.bands[2]", "scale.bands_overlap"),
        ("$.bands[4].category", "scale.category_repeated"),
    ] == found
