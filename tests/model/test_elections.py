"""Elections: the record, its checks, its references and :func:`civicspace.elections.seat_share`.

Phrases quoted here come from /work/shared/sources/civicus-cambodia-articles.txt, the
article "CAMBODIA: ‘No free and fair election can take place in the current political
environment’".
"""

from decimal import Decimal
from fractions import Fraction

import attrs
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import civicspace
from civicspace import FieldValueError
from civicspace import strategies as cst
from civicspace._model.elections import MAX_SEATS, MAX_SHARE_DECIMALS, ElectionFigure, FigureUnit
from civicspace.common import PartialDate
from civicspace.elections import Contest, Election, PartyResult, seat_share

from .._edit import changed, paths_and_codes

TITLE = "CAMBODIA: ‘No free and fair election can take place in the current political environment’"
# "The official results of the elections for the commune and sangkat – an administrative
# subdivision – council held on 5 June 2022 gave the ruling Cambodian People’s Party (CPP)
# 9,376 (80.7 per cent) of the 11,622 council seats and 1,648 (99.8 per cent) of the 1,652
# positions of commune chief. The recently reactivated Candlelight Party gained 2,198
# (18.9 per cent) of council seats and four commune chief positions. The remaining 48
# council seats went to other small parties."
CPP = {"party": "Cambodian People’s Party", "acronym": "CPP"}
COMMUNE_2022 = {
    "type": "election",
    "id": "khm-commune-2022",
    "country": "KHM",
    "date": "2022-06-05",
    "title": "Commune and sangkat council elections",
    "contests": [
        {
            "contested": "council seats",
            "total": 11622,
            "results": [
                {**CPP, "seats": 9376, "share": "80.7"},
                {"party": "Candlelight Party", "seats": 2198, "share": "18.9"},
                {"party": "other small parties", "group": True, "seats": 48},
            ],
        },
        {
            "contested": "positions of commune chief",
            "total": 1652,
            "results": [
                {**CPP, "seats": 1648, "share": "99.8"},
                {"party": "Candlelight Party", "seats": 4},
            ],
        },
    ],
    "sources": [
        {
            "title": TITLE,
            "publisher": "CIVICUS",
            "quote": "The remaining 48 council seats went to other small parties.",
        }
    ],
}

codes = paths_and_codes


def election_codes(document):
    return [(path, code) for path, code in codes(document) if code.startswith("election.")]


# -- The 2022 commune elections -----------------------------------------------------------------


def test_the_2022_commune_results_pass_every_check():
    assert [] == civicspace.validate(COMMUNE_2022)


def test_the_2022_commune_results_load_as_stated():
    election = civicspace.load(COMMUNE_2022)
    council, chiefs = election.contests
    assert PartialDate(2022, 6, 5) == election.date
    # "9,376 (80.7 per cent) of the 11,622 council seats"
    assert (
        PartyResult(
            party="Cambodian People’s Party", acronym="CPP", seats=9376, share=Decimal("80.7")
        )
        == council.results[0]
    )
    # 9,376 + 2,198 + 48: "The remaining 48 council seats went to other small parties."
    assert 11622 == council.seats_listed == council.total
    # "1,648 (99.8 per cent) of the 1,652 positions of commune chief" and "four commune chief
    # positions"
    assert (1652, 1652) == (chiefs.seats_listed, chiefs.total)
    assert [True] == [result.group for result in council.results if result.group]
    assert COMMUNE_2022 == civicspace.dump(election)


@pytest.mark.parametrize(
    ("seats", "total", "decimals", "share"),
    [
        (9376, 11622, 1, "80.7"),  # "9,376 (80.7 per cent) of the 11,622 council seats"
        (9376, 11622, 2, "80.67"),
        (9376, 11622, 0, "81"),
        (2198, 11622, 1, "18.9"),  # "2,198 (18.9 per cent) of council seats"
        (1648, 1652, 1, "99.8"),  # "1,648 (99.8 per cent) of the 1,652 positions"
        (4, 1652, 2, "0.24"),
        (1, 8, 1, "12.5"),
        (1, 16, 1, "6.2"),  # 6.25: a tie rounds to the even digit
        (3, 16, 1, "18.8"),  # 18.75
        (0, 5, 2, "0.00"),
        (5, 5, 0, "100"),
    ],
)
def test_seat_share_rounds_half_even_to_the_decimals_asked(seats, total, decimals, share):
    assert share == str(seat_share(seats, total, decimals))


@pytest.mark.parametrize(("seats", "total", "decimals"), [(1, 0, 1), (-1, 5, 1), (1, 5, -1)])
def test_seat_share_refuses_what_is_not_a_share(seats, total, decimals):
    with pytest.raises(ValueError, match="a share needs a positive total"):
        seat_share(seats, total, decimals)


# -- The checks ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("share", "stated"),
    [
        ("80.6", "80.7"),
        ("80.70", "80.67"),
        ("80", "81"),
        ("87.0", "80.7"),
        ("80.675", "80.675"),
        ("80.674", "80.675"),
    ],
)
def test_a_share_the_seats_do_not_give_is_reported_at_the_share(share, stated):
    document = changed(COMMUNE_2022, "contests", 0, "results", 0, "share", value=share)
    path = "$.contests[0].results[0].share"
    expected = [] if share == stated else [(path, "election.share_mismatch")]
    assert expected == election_codes(document)


def test_the_share_mismatch_message_gives_the_share_expected():
    document = changed(COMMUNE_2022, "contests", 0, "results", 0, "share", value="80.6")
    (issue,) = civicspace.validate(document)
    assert "9376 of 11622 is 80.7 per cent to 1 decimal, not 80.6" == issue.message


def test_one_result_above_the_total_is_reported_at_its_seats():
    # "2,198" typed as 21,980
    document = changed(COMMUNE_2022, "contests", 0, "results", 1, "seats", value=21980)
    assert [
        ("$.contests[0].results[1].seats", "election.seats_exceed_total"),
        ("$.contests[0].results[1].share", "election.share_mismatch"),
    ] == election_codes(document)


def test_results_adding_up_to_more_than_the_total_are_reported_at_the_total():
    # 9,376 + 2,198 + 49 = 11,623 council seats, one more than the 11,622 there were
    document = changed(COMMUNE_2022, "contests", 0, "results", 2, "seats", value=49)
    (issue,) = civicspace.validate(document)
    assert ("$.contests[0].total", "election.seats_exceed_total") == (issue.path, issue.code)
    assert "the results add up to 11623 council seats, more than the 11622 there were" == (
        issue.message
    )


def test_results_adding_up_to_less_than_the_total_are_as_published():
    # A text that does not account for every seat is not completed: 9,376 + 2,198 alone.
    document = changed(
        COMMUNE_2022, "contests", 0, "results", value=COMMUNE_2022["contests"][0]["results"][:2]
    )
    assert [] == civicspace.validate(document)


@pytest.mark.parametrize(
    ("again", "repeated"),
    [
        ({"party": "CPP", "seats": 0}, True),  # the name of one is the acronym of the other
        ({"party": "Cambodian People's Party", "seats": 0}, True),  # another apostrophe
        ({"party": "The Cambodian Peoples Party", "seats": 0}, True),
        ({"party": "Candlelight Party", "acronym": "CP", "seats": 0}, False),
        ({"party": "Cambodia People Party", "acronym": "CPP", "seats": 0}, False),  # acronym alone
    ],
)
def test_a_party_listed_twice_in_a_contest_is_reported_at_the_second(again, repeated):
    results = [{**CPP, "seats": 1648}, again]
    document = changed(COMMUNE_2022, "contests", 1, "results", value=results)
    expected = [("$.contests[1].results[1]", "election.party_repeated")] if repeated else []
    assert expected == election_codes(document)


def test_organisation_ids_decide_whether_two_results_are_one_party():
    results = [
        {**CPP, "organisation": "cambodian-peoples-party", "seats": 1},
        {"party": "Candlelight Party", "organisation": "cambodian-peoples-party", "seats": 1},
        {**CPP, "organisation": "another-party", "seats": 1},
    ]
    document = changed(COMMUNE_2022, "contests", 1, "results", value=results)
    assert [("$.contests[1].results[1]", "election.party_repeated")] == election_codes(document)
    (issue,) = civicspace.validate(document)
    assert "both have the id 'cambodian-peoples-party'" in issue.message


def test_one_party_in_two_contests_is_not_repeated():
    # The CPP and the Candlelight Party win council seats and commune chief positions.
    assert [] == election_codes(COMMUNE_2022)


# -- Near misses --------------------------------------------------------------------------------

RESULT = ("contests", 0, "results", 0)


@pytest.mark.parametrize(
    ("steps", "value", "path", "code"),
    [
        ((*RESULT, "share"), 80.7, "$.contests[0].results[0].share", "schema.type"),
        ((*RESULT, "share"), "80,7", "$.contests[0].results[0].share", "schema.pattern"),
        ((*RESULT, "share"), "080.7", "$.contests[0].results[0].share", "schema.pattern"),
        ((*RESULT, "share"), "100.1", "$.contests[0].results[0].share", "schema.pattern"),
        ((*RESULT, "share"), "-80.7", "$.contests[0].results[0].share", "schema.pattern"),
        ((*RESULT, "share"), "80.67455", "$.contests[0].results[0].share", "schema.pattern"),
        ((*RESULT, "share"), "80.7%", "$.contests[0].results[0].share", "schema.pattern"),
        ((*RESULT, "seats"), "9376", "$.contests[0].results[0].seats", "schema.type"),
        ((*RESULT, "seats"), 9376.5, "$.contests[0].results[0].seats", "schema.type"),
        ((*RESULT, "seats"), -1, "$.contests[0].results[0].seats", "schema.minimum"),
        ((*RESULT, "seats"), True, "$.contests[0].results[0].seats", "schema.type"),
        ((*RESULT, "seats"), ..., "$.contests[0].results[0].seats", "schema.required"),
        ((*RESULT, "group"), "yes", "$.contests[0].results[0].group", "schema.type"),
        ((*RESULT, "party"), " ", "$.contests[0].results[0].party", "schema.pattern"),
        (
            (*RESULT, "organisation"),
            "CPP",
            "$.contests[0].results[0].organisation",
            "schema.pattern",
        ),
        (
            (*RESULT, "votes"),
            5300000,
            "$.contests[0].results[0].votes",
            "schema.additional_properties",
        ),
        (("contests", 0, "total"), 0, "$.contests[0].total", "schema.minimum"),
        (("contests", 0, "results"), [], "$.contests[0].results", "schema.min_items"),
        (("contests",), [], "$.contests", "schema.min_items"),
        (("date",), "2022-6-5", "$.date", "schema.pattern"),
        (("date",), ..., "$.date", "schema.required"),
        (("country",), "Cambodia", "$.country", "schema.enum"),
    ],
)
def test_near_misses_are_refused_with_their_path(steps, value, path, code):
    assert [(path, code)] == codes(changed(COMMUNE_2022, *steps, value=value))


def test_a_share_with_a_final_newline_is_refused():
    # Python's re lets "$" match before a final newline; the model refuses what slips through.
    document = changed(COMMUNE_2022, *RESULT, "share", value="80.7\n")
    assert ["$.contests[0].results[0].share"] == [path for path, _ in codes(document)]


@pytest.mark.parametrize(
    "share",
    [80.7, "80.7", Decimal("100.1"), Decimal("-0"), Decimal("NaN"), Decimal("80.67455")],
)
def test_the_model_refuses_a_share_that_is_not_a_stated_percentage(share):
    with pytest.raises(FieldValueError, match="is not a percentage from 0 to 100"):
        PartyResult(party="Candlelight Party", seats=2198, share=share)


@pytest.mark.parametrize("seats", [True, -1, 2198.0, MAX_SEATS + 1])
def test_the_model_refuses_seats_that_are_not_a_count(seats):
    with pytest.raises(FieldValueError, match="is not a whole number from 0"):
        PartyResult(party="Candlelight Party", seats=seats)


def test_the_model_refuses_a_group_flag_that_is_not_a_bool():
    with pytest.raises(FieldValueError, match="group must be true, false or None"):
        PartyResult(party="other small parties", group="yes", seats=48)


def test_a_contest_may_give_its_total_only_and_an_election_needs_a_contest():
    # "the ruling Cambodian People’s Party won nearly all the 125 seats that were at stake"
    assert () == Contest(contested="seats", total=125).results
    with pytest.raises(FieldValueError, match="at least one contest"):
        Election(
            id="khm-commune-2022",
            country="KHM",
            date=PartialDate(2022, 6, 5),
            title="Commune and sangkat council elections",
            contests=(),
        )


# -- In a collection ----------------------------------------------------------------------------

LINKED = changed(COMMUNE_2022, *RESULT, "organisation", value="cambodian-peoples-party")


def test_a_result_organisation_must_name_an_organisation_of_the_collection():
    collection = {"type": "collection", "elections": [LINKED]}
    assert [
        ("$.elections[0].contests[0].results[0].organisation", "collection.unresolved_reference")
    ] == codes(collection)
    party = {"type": "organisation", "id": "cambodian-peoples-party", "name": CPP["party"]}
    assert [] == codes({**collection, "organisations": [party]})


def test_election_ids_are_unique_in_a_collection():
    collection = {"type": "collection", "elections": [COMMUNE_2022, COMMUNE_2022]}
    assert [("$.elections[1].id", "collection.duplicate_id")] == codes(collection)


# -- Properties ---------------------------------------------------------------------------------

#: ``(seats, total)`` with the seats at most the total.
SEATS_AND_TOTAL = st.integers(1, MAX_SEATS).flatmap(
    lambda total: st.tuples(st.integers(0, total), st.just(total))
)


@given(cst.documents("election"))
def test_drawn_elections_pass_every_check(document):
    assert [] == civicspace.validate(document)


@given(st.data())
def test_one_seat_count_raised_past_the_total_is_reported_at_that_result(data):
    election = data.draw(cst.elections())
    index = data.draw(st.integers(0, len(election.contests) - 1))
    contest = election.contests[index]
    assume(contest.results)  # a contest may give its total only
    inner = data.draw(st.integers(0, len(contest.results) - 1))
    others = contest.seats_listed - contest.results[inner].seats
    assume(contest.total < MAX_SEATS or others > 0)  # else no count the schema allows is too many
    seats = data.draw(st.integers(contest.total - others + 1, MAX_SEATS))
    document = changed(
        civicspace.dump(election), "contests", index, "results", inner, "seats", value=seats
    )
    where = f"$.contests[{index}]"
    path = f"{where}.results[{inner}].seats" if seats > contest.total else f"{where}.total"
    assert [(path, "election.seats_exceed_total")] == [
        found for found in codes(document) if found[1] == "election.seats_exceed_total"
    ]


@given(
    SEATS_AND_TOTAL,
    st.integers(0, MAX_SHARE_DECIMALS),
)
def test_shares_computed_from_the_seats_always_agree(seats_and_total, decimals):
    seats, total = seats_and_total
    result = PartyResult(
        party="Candlelight Party", seats=seats, share=seat_share(seats, total, decimals)
    )
    contest = Contest(contested="council seats", total=total, results=(result,))
    election = civicspace.load(COMMUNE_2022)
    document = civicspace.dump(attrs.evolve(election, contests=(contest,)))
    assert [] == civicspace.validate(document)
    assert decimals == result.share_decimals


@given(
    SEATS_AND_TOTAL,
    st.integers(0, MAX_SHARE_DECIMALS),
    st.sampled_from([-1, 1]),
)
def test_a_share_one_unit_off_in_its_last_decimal_is_reported(seats_and_total, decimals, step):
    seats, total = seats_and_total
    share = seat_share(seats, total, decimals) + step * Decimal(1).scaleb(-decimals)
    assume(0 <= share <= 100)
    result = {"party": "Candlelight Party", "seats": seats, "share": str(share)}
    contest = {"contested": "council seats", "total": total, "results": [result]}
    document = changed(COMMUNE_2022, "contests", value=[contest])
    assert [("$.contests[0].results[0].share", "election.share_mismatch")] == codes(document)


@given(
    SEATS_AND_TOTAL,
    st.integers(0, MAX_SHARE_DECIMALS),
)
def test_seat_share_is_the_exact_share_rounded_half_even(seats_and_total, decimals):
    seats, total = seats_and_total
    share = seat_share(seats, total, decimals)
    unit = Fraction(1, 10**decimals)
    error = abs(Fraction(share) - Fraction(100 * seats, total))
    assert decimals == max(0, -share.as_tuple().exponent)
    assert error <= unit / 2
    if error == unit / 2:  # a tie: the last digit is even
        assert 0 == share.as_tuple().digits[-1] % 2


@given(cst.elections(), st.data())
def test_a_result_listed_again_is_reported_at_its_new_position(election, data):
    index = data.draw(st.integers(0, len(election.contests) - 1))
    contest = election.contests[index]
    assume(contest.results)  # a contest may give its total only
    again = attrs.evolve(data.draw(st.sampled_from(contest.results)), seats=0, share=None)
    contests = list(election.contests)
    contests[index] = attrs.evolve(contest, results=(*contest.results, again))
    document = civicspace.dump(attrs.evolve(election, contests=tuple(contests)))
    path = f"$.contests[{index}].results[{len(contest.results)}]"
    assert [(path, "election.party_repeated")] == election_codes(document)


# -- Other figures an election's text states ----------------------------------------------------


def test_a_figure_is_kept_as_printed_and_round_trips():
    # "its popular vote surged from 3.5 million to 5.3 million"
    figure = ElectionFigure(
        measure="popular vote",
        party="Cambodian People’s Party",
        value=Decimal("5300000"),
        unit=FigureUnit.COUNT,
        previous=Decimal("3500000"),
        as_written="from 3.5 million to 5.3 million",
    )
    document = {
        "type": "election",
        "id": "khm-commune-2022",
        "country": "KHM",
        "date": "2022-06-05",
        "title": "Commune and sangkat council elections",
        "contests": [{"contested": "council seats", "total": 11622}],
        "figures": [civicspace.dump(figure)],
    }
    assert [] == civicspace.validate(document)
    assert (figure,) == civicspace.load(document).figures
    assert "5300000" == document["figures"][0]["value"]


@pytest.mark.parametrize("value", [Decimal("-1"), Decimal("NaN"), 3, "3", 3.0])
def test_a_figure_refuses_a_number_it_cannot_write(value):
    with pytest.raises(FieldValueError) as caught:
        ElectionFigure(measure="seats", value=value, unit=FigureUnit.COUNT)
    assert "value" == caught.value.field
