"""UN Human Rights Council sessions: the record, its checks, and joins with ratings.

Phrases quoted here come from /work/shared/sources/civicus-cambodia-articles.txt.
"""

import copy
import datetime
import random

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import civicspace
from civicspace import FieldValueError, ParseError
from civicspace import strategies as cst
from civicspace._model.sessions import PrintedMember
from civicspace.common import PartialDate
from civicspace.errors import IncompleteSessionError
from civicspace.ratings import CivicusRating, CountryRating, RatingHistory
from civicspace.readers import parse_members
from civicspace.sessions import (
    AgendaItem,
    AgendaItemKind,
    Demand,
    Session,
    SideEvent,
    agenda_concerning,
    council_change,
    council_ratings,
    demands_about,
    sessions_concerning,
)
from civicspace.strategies.sessions import printed_members

from .._edit import changed
from .test_countries import HRC42_MEMBERS_TEXT, HRC45_MEMBERS_TEXT

EXAMPLES = {example["number"]: example for example in civicspace.schema("session")["examples"]}
SESSIONS = {number: civicspace.load(example) for number, example in EXAMPLES.items()}


def test_the_examples_are_the_four_sessions_the_texts_discuss():
    assert [42, 45, 48, 51] == sorted(SESSIONS)


def test_the_42nd_session_has_no_dates_because_its_sentence_gives_no_year():
    # "The forty-second Session of the UN Human Rights Council will take place from 9 to 27
    # September."
    session = SESSIONS[42]
    assert (None, None) == (session.start, session.end)
    assert "from 9 to 27 September." in session.sources[0].quote


def test_the_45th_session_dates_as_published():
    # "The 45th Session of the UN Human Rights Council will sit from 14 September - 6 October,
    # 2020"
    session = SESSIONS[45]
    assert (PartialDate(2020, 9, 14), PartialDate(2020, 10, 6)) == (session.start, session.end)


def test_a_side_event_as_published():
    # "The continued silencing and imprisonment of Saudi women human rights defenders, 26 Sep,
    # 9.30-10.30am, Room XXIV" ... "Panelists, including Lina Al-Hathloul, the sister of
    # detained human rights defender Loujain Al-Hathloul"
    event = SESSIONS[42].side_events[1]
    assert ("09:30", "10:30", "Room XXIV", "SAU", None) == (
        event.start_time,
        event.end_time,
        event.room,
        event.country,
        event.date,
    )
    assert ["Lina Al-Hathloul"] == [speaker.name for speaker in event.panel]


def test_the_42nd_example_members_are_the_published_list():
    assert parse_members(HRC42_MEMBERS_TEXT).members == SESSIONS[42].members


def test_the_agenda_of_the_42nd_session():
    # "We join calls for the HRC to renew the mandate of the Commission of Inquiry for a
    # further year"
    burundi = SESSIONS[42].agenda[0]
    assert (AgendaItemKind.MANDATE_RENEWAL, "BDI") == (burundi.kind, burundi.country)
    assert "renew the mandate of the Commission of Inquiry for a further year" == (
        burundi.demands[0].text
    )
    # "the resolution on reprisals will be presented for a vote to the Council members"
    reprisals = SESSIONS[42].agenda[3]
    assert (AgendaItemKind.VOTE, None, "reprisals") == (
        reprisals.kind,
        reprisals.country,
        reprisals.theme,
    )


def test_an_item_number_as_published():
    # "the Item 10 interactive dialogue with the Special Rapporteur on Cambodia and the Item 2
    # general debate"
    items = SESSIONS[45].agenda
    assert [(AgendaItemKind.INTERACTIVE_DIALOGUE, 10), (AgendaItemKind.GENERAL_DEBATE, 2)] == [
        (item.kind, item.item_number) for item in items[:2]
    ]


# -- Near misses --------------------------------------------------------------------------------


def _with(number, change):
    document = copy.deepcopy(EXAMPLES[number])
    change(document)
    return document


def _set(path, value):
    def change(document):
        edited = changed(document, *path, value=value)
        document.clear()
        document.update(edited)

    return change


NEAR_MISSES = [
    # (id, session, change, expected path, expected code)
    ("46-members", 42, lambda d: d["members"].pop(), "$.members", "session.member_count"),
    (
        "48-members",
        42,
        lambda d: d["members"].append("KHM"),
        "$.members",
        "session.member_count",
    ),
    (
        "repeated-member",
        42,
        _set(("members", 46), "AFG"),
        "$.members[46]",
        "session.member_repeated",
    ),
    (
        "territory-member",
        42,
        _set(("members", 13), "HKG"),
        "$.members[13]",
        "session.member_not_un_member",
    ),
    (
        "observer-member",
        42,
        _set(("members", 13), "VAT"),
        "$.members[13]",
        "session.member_not_un_member",
    ),
    ("unknown-member", 42, _set(("members", 0), "XXX"), "$.members[0]", "schema.enum"),
    (
        "name-for-member",
        42,
        _set(("members", 0), "Afghanistan"),
        "$.members[0]",
        "schema.enum",
    ),
    ("empty-members", 45, _set(("members",), []), "$.members", "schema.min_items"),
    ("end-before-start", 45, _set(("end",), "2020-09-13"), "$.end", "session.dates_reversed"),
    (
        "end-year-before-start",
        45,
        _set(("end",), "2019"),
        "$.end",
        "session.dates_reversed",
    ),
    ("number-zero", 45, _set(("number",), 0), "$.number", "schema.minimum"),
    ("number-string", 45, _set(("number",), "45"), "$.number", "schema.type"),
    ("number-bool", 45, _set(("number",), True), "$.number", "schema.type"),
    ("number-fraction", 45, _set(("number",), 45.5), "$.number", "schema.type"),
    ("unknown-kind", 45, _set(("agenda", 0, "kind"), "debate"), "$.agenda[0].kind", "schema.enum"),
    (
        "item-number-11",
        45,
        _set(("agenda", 0, "item_number"), 11),
        "$.agenda[0].item_number",
        "schema.maximum",
    ),
    (
        "no-country-no-theme",
        45,
        _set(("agenda", 0, "country"), ...),
        "$.agenda[0]",
        "schema.any_of",
    ),
    (
        "demand-without-text",  # an addressee may be left out; the text may not
        45,
        _set(("agenda", 0, "demands", 0, "text"), ...),
        "$.agenda[0].demands[0].text",
        "schema.required",
    ),
    (
        "time-as-printed",
        42,
        _set(("side_events", 0, "start_time"), "1pm"),
        "$.side_events[0].start_time",
        "schema.pattern",
    ),
    (
        "hour-25",
        42,
        _set(("side_events", 0, "start_time"), "25:00"),
        "$.side_events[0].start_time",
        "schema.pattern",
    ),
    (
        "time-with-dot",
        42,
        _set(("side_events", 0, "start_time"), "09.30"),
        "$.side_events[0].start_time",
        "schema.pattern",
    ),
    (
        "time-with-newline",
        42,
        _set(("side_events", 0, "end_time"), "14:0\n"),
        "$.side_events[0].end_time",
        "schema.pattern",
    ),
    (
        "end-time-alone",
        42,
        _set(("side_events", 0, "start_time"), ...),
        "$.side_events[0]",
        "schema.dependent_required",
    ),
    (
        "ends-before-it-starts",
        42,
        _set(("side_events", 1, "end_time"), "09:00"),
        "$.side_events[1].end_time",
        "session.side_event_time_reversed",
    ),
    (
        "ends-as-it-starts",
        42,
        _set(("side_events", 1, "end_time"), "09:30"),
        "$.side_events[1].end_time",
        "session.side_event_time_reversed",
    ),
    (
        "side-event-before-session",
        45,
        _set(
            ("side_events",),
            [{"title": "Civic space as an early warning system", "date": "2020-09-13"}],
        ),
        "$.side_events[0].date",
        "session.side_event_outside",
    ),
    (
        "side-event-after-session",
        45,
        _set(
            ("side_events",),
            [{"title": "Civic space as an early warning system", "date": "2020-10-07"}],
        ),
        "$.side_events[0].date",
        "session.side_event_outside",
    ),
    (
        "side-event-month-before",
        45,
        _set(
            ("side_events",),
            [{"title": "Civic space as an early warning system", "date": "2020-08"}],
        ),
        "$.side_events[0].date",
        "session.side_event_outside",
    ),
    (
        "blank-speaker",
        42,
        _set(("side_events", 1, "panel", 0, "name"), " "),
        "$.side_events[1].panel[0].name",
        "schema.pattern",
    ),
    ("unknown-member-key", 45, _set(("chair",), "Fiji"), "$.chair", "schema.additional_properties"),
    ("null-start", 45, _set(("start",), None), "$.start", "schema.type"),
]


@pytest.mark.parametrize(
    ("number", "change", "path", "code"),
    [case[1:] for case in NEAR_MISSES],
    ids=[case[0] for case in NEAR_MISSES],
)
def test_near_misses_are_reported_with_path_and_code(number, change, path, code):
    document = _with(number, change)
    issues = civicspace.validate(document)
    assert (path, code) in [(issue.path, issue.code) for issue in issues]
    with pytest.raises(civicspace.ValidationError):
        civicspace.load(document)


@pytest.mark.parametrize(
    ("date", "outside"),
    [
        ("2020-09", False),  # "2020-09" may be 14 September or later: precision cannot tell
        ("2020", False),
        ("2020-10", False),
        ("2020-09-14", False),
        ("2020-10-06", False),
        ("2020-09-13", True),
        ("2020-10-07", True),
        ("2020-11", True),
        ("2021", True),
    ],
)
def test_a_side_event_is_outside_only_when_its_precision_says_so(date, outside):
    document = _with(45, _set(("side_events",), [{"title": "A side event", "date": date}]))
    codes = [issue.code for issue in civicspace.validate(document)]
    assert outside == ("session.side_event_outside" in codes)


def test_the_45th_published_list_is_short_of_the_councils_seats():
    members = parse_members(HRC45_MEMBERS_TEXT).members
    document = _with(45, _set(("members",), list(members)))
    issues = civicspace.validate(document)
    assert [("$.members", "session.member_count")] == [(issue.path, issue.code) for issue in issues]
    assert "the Council has 47 seats, but 43 members are listed" == issues[0].message


# -- The model refuses what it cannot hold -------------------------------------------------------


@pytest.mark.parametrize(
    ("build", "field"),
    [
        (lambda: Session(number=True), "number"),
        (lambda: Session(number=0), "number"),
        (lambda: Session(number=42, members=("KHM\n",)), "members"),
        (lambda: AgendaItem(kind=AgendaItemKind.REPORT), "theme"),
        (lambda: AgendaItem(kind=AgendaItemKind.REPORT, country="khm"), "country"),
        (lambda: AgendaItem(kind=AgendaItemKind.REPORT, theme=" "), "theme"),
        (
            lambda: AgendaItem(kind=AgendaItemKind.VOTE, theme="reprisals", item_number=0),
            "item_number",
        ),
        (lambda: SideEvent(title="x", start_time="13:00\n"), "start_time"),
        (lambda: SideEvent(title="x", start_time="1-2pm"), "start_time"),
        (lambda: SideEvent(title="x", end_time="14:00"), "end_time"),
        (lambda: Demand(text="Renew the mandate", addressee=""), "addressee"),
        (lambda: PrintedMember(printed="SomaliaSudan", countries=("som",)), "countries"),
        (lambda: PrintedMember(printed=" "), "printed"),
    ],
)
def test_the_model_refuses_values_it_cannot_hold(build, field):
    with pytest.raises(FieldValueError) as raised:
        build()
    assert field == raised.value.field


# -- Membership joined with ratings ---------------------------------------------------------------

# Ratings as the texts state them; the texts give no dates for them, so each is
# taken as in force from January 2019 (a choice of this test, not a fact).
STATED = [
    ("SAU", CivicusRating.CLOSED),  # "Saudi Arabi, also rated as closed"
    ("CMR", CivicusRating.REPRESSED),  # "Cameroon, rated as ‘repressed’ in CIVICUS’s Monitor"
    ("CHN", CivicusRating.CLOSED),  # "China (Civic space rating:Closed)"
    ("PHL", CivicusRating.OBSTRUCTED),  # "The Philippines (Civic space rating:Obstructed)"
    ("KHM", CivicusRating.REPRESSED),  # "the country is rated as ‘repressed’ in CIVICUS’s monitor"
    ("BDI", CivicusRating.CLOSED),  # "Burundi (Civic space rating:Closed)"
]
HISTORY = RatingHistory(
    CountryRating(country=country, rating=rating, as_of=PartialDate(2019, 1))
    for country, rating in STATED
)
SESSION_42 = SESSIONS[42]
SESSION_45 = attrs.evolve(SESSIONS[45], members=parse_members(HRC45_MEMBERS_TEXT).members)


def test_which_members_of_the_42nd_session_are_rated_repressed_or_closed():
    # "Saudi Arabia is a member of the Human Rights Council."
    joined = council_ratings(SESSION_42, HISTORY, PartialDate(2019, 9))
    assert ("CMR", "CHN", "SAU") == joined.flagged
    assert 3 == joined.count
    assert datetime.date(2019, 9, 1) == joined.day
    assert 47 - 4 == len(joined.unrated)
    assert {CivicusRating.OBSTRUCTED: 1, CivicusRating.REPRESSED: 1, CivicusRating.CLOSED: 2} == {
        rating: count for rating, count in joined.by_rating().items() if count
    }


def test_a_session_with_no_start_needs_a_day():
    with pytest.raises(IncompleteSessionError):
        council_ratings(SESSION_42, HISTORY)


def test_a_session_with_no_members_cannot_be_joined():
    with pytest.raises(IncompleteSessionError):
        council_ratings(SESSIONS[45], HISTORY)


def test_the_45th_session_defaults_to_its_first_day():
    assert datetime.date(2020, 9, 14) == council_ratings(SESSION_45, HISTORY).day


def test_change_between_the_42nd_and_45th_sessions():
    change = council_change(SESSION_42, SESSION_45, HISTORY, earlier_day=PartialDate(2019, 9))
    assert ((), ("CHN", "SAU"), ("CMR",)) == (change.joined, change.left, change.stayed)


def test_a_member_downgraded_while_on_the_council_joins_the_set():
    downgraded = RatingHistory(
        [
            *HISTORY.ratings,
            CountryRating(
                country="PHL", rating=CivicusRating.REPRESSED, as_of=PartialDate(2020, 12)
            ),
        ]
    )
    change = council_change(
        SESSION_45, SESSION_45, downgraded, later_day=datetime.date(2020, 12, 8)
    )
    assert (("PHL",), ()) == (change.joined, change.left)


def test_a_threshold_of_closed_counts_only_closed_members():
    joined = council_ratings(
        SESSION_42, HISTORY, PartialDate(2019, 9), threshold=CivicusRating.CLOSED
    )
    assert ("CHN", "SAU") == joined.flagged


_UN_MEMBERS = sorted(civicspace.countries.un_member_states())


def _ratings_of_members():
    return st.lists(
        st.builds(
            lambda country, rating, as_of: CountryRating(
                country=country, rating=rating, as_of=as_of
            ),
            st.sampled_from(_UN_MEMBERS),
            cst.ratings(),
            cst.partial_dates(datetime.date(2015, 1, 1), datetime.date(2025, 12, 31)),
        ),
        max_size=60,
    ).map(RatingHistory)


_DAYS = st.dates(datetime.date(2014, 1, 1), datetime.date(2026, 12, 31))


@given(cst.council_members(), _ratings_of_members(), _DAYS, cst.ratings())
def test_council_ratings_count_what_the_history_counts(members, history, day, threshold):
    session = Session(number=1, members=members)
    joined = council_ratings(session, history, day, threshold=threshold)
    counts = history.count_by_rating(day, members)
    assert sum(n for rating, n in counts.items() if rating >= threshold) == joined.count
    assert counts == joined.by_rating()
    assert set(joined.flagged) <= set(members)
    for member in joined.flagged:
        assert history.rating_on(member, day).rating >= threshold
    assert len(members) == len(joined.ratings) + len(joined.unrated)


@given(
    cst.council_members(), cst.council_members(), _ratings_of_members(), _DAYS, _DAYS, cst.ratings()
)
def test_council_change_is_the_difference_of_the_two_sets(
    earlier_members, later_members, history, earlier_day, later_day, threshold
):
    change = council_change(
        Session(number=1, members=earlier_members),
        Session(number=2, members=later_members),
        history,
        earlier_day=earlier_day,
        later_day=later_day,
        threshold=threshold,
    )
    before, after = set(change.before.flagged), set(change.after.flagged)
    assert after - before == set(change.joined)
    assert before - after == set(change.left)
    assert before & after == set(change.stayed)
    assert (before - set(change.left)) | set(change.joined) == after


# -- What the sessions did about a country ---------------------------------------------------------


def _shuffled(sessions, seed=11):
    shuffled = list(sessions)
    random.Random(seed).shuffle(shuffled)
    return shuffled


def test_sessions_concerning_cambodia_burundi_and_saudi_arabia():
    sessions = _shuffled(SESSIONS.values())
    assert [42, 45, 48, 51] == [s.number for s in sessions_concerning(sessions, "KHM")]
    assert [42, 45] == [s.number for s in sessions_concerning(sessions, "BDI")]
    # Only through a side event: "The continued silencing and imprisonment of Saudi women human
    # rights defenders"
    assert [42] == [s.number for s in sessions_concerning(sessions, "SAU")]
    assert [] == list(sessions_concerning(sessions, "URY"))


def test_agenda_items_concerning_cambodia_in_session_order():
    found = agenda_concerning(_shuffled(SESSIONS.values()), "KHM")
    assert [
        (42, AgendaItemKind.REPORT),
        (42, AgendaItemKind.MANDATE_RENEWAL),
        (45, AgendaItemKind.INTERACTIVE_DIALOGUE),
        (45, AgendaItemKind.GENERAL_DEBATE),
        (48, AgendaItemKind.RESOLUTION),
        (48, AgendaItemKind.MANDATE_RENEWAL),
        (51, AgendaItemKind.INTERACTIVE_DIALOGUE),
    ] == [(entry.session, entry.item.kind) for entry in found]


def test_demands_about_cambodia_over_time():
    expected = [
        (42, "the Human Rights Council", "for the Special Rapporteur’s mandate to be renewed"),
        (45, "States", "deliver statements jointly or in a national capacity"),
        (48, "the Human Rights Council", "Request the OHCHR to monitor and report"),
        (48, "the Human Rights Council", "Renew the mandate of the Special Rapporteur"),
        (51, "the Council", "take note of the benchmarks"),
        (51, "the Cambodian government", "Release detained human rights defenders"),
    ]
    found = demands_about(_shuffled(SESSIONS.values()), "KHM")
    # Compare the start of each demand's text: the full texts are long.
    assert expected == [
        (entry.session, entry.demand.addressee, entry.demand.text[: len(start)])
        for entry, (_, _, start) in zip(found, expected, strict=True)
    ]


def test_a_name_is_not_a_code():
    with pytest.raises(ParseError):
        demands_about(SESSIONS.values(), "Cambodia")


def test_dated_demands_sort_within_a_session():
    def demand(date):
        return Demand(text="Renew the mandate", addressee="the Council", date=date)

    item = AgendaItem(
        kind=AgendaItemKind.RESOLUTION,
        country="KHM",
        demands=(demand(PartialDate(2021, 9, 20)), demand(None), demand(PartialDate(2021, 9))),
    )
    found = demands_about([Session(number=48, agenda=(item,))], "KHM")
    assert [None, PartialDate(2021, 9), PartialDate(2021, 9, 20)] == [
        entry.demand.date for entry in found
    ]


_FEW_COUNTRIES = st.sampled_from(["KHM", "BDI", "SAU"])


def _small_sessions():
    item = st.builds(
        AgendaItem,
        kind=st.sampled_from(AgendaItemKind),
        country=_FEW_COUNTRIES,
        demands=st.lists(
            st.builds(
                Demand,
                text=st.sampled_from(["Renew the mandate", "Release the defenders"]),
                addressee=st.just("the Council"),
                date=st.none() | cst.partial_dates(),
            ),
            max_size=3,
        ).map(tuple),
    )
    return st.lists(
        st.builds(
            Session,
            number=st.integers(1, 60),
            agenda=st.lists(item, max_size=3).map(tuple),
            side_events=st.lists(
                st.builds(SideEvent, title=st.just("A side event"), country=_FEW_COUNTRIES),
                max_size=1,
            ).map(tuple),
        ),
        max_size=6,
        unique_by=lambda session: session.number,
    )


@given(_small_sessions(), _FEW_COUNTRIES, st.randoms(use_true_random=False))
def test_what_concerns_a_country_is_everything_about_it_in_order(sessions, country, rng):
    shuffled = list(sessions)
    rng.shuffle(shuffled)
    found = demands_about(shuffled, country)
    assert found == demands_about(sessions, country)
    assert sum(
        len(item.demands) for s in sessions for item in s.agenda if item.country == country
    ) == len(found)
    keys = [(entry.session, entry.demand.date is not None, entry.demand.date) for entry in found]
    assert keys == sorted(keys, key=lambda key: (key[0], key[1], key[2] or PartialDate(1)))
    assert all(entry.item.country == country for entry in found)
    concerning = sessions_concerning(shuffled, country)
    assert [s.number for s in concerning] == sorted(s.number for s in concerning)
    assert {s.number for s in concerning} == {s.number for s in sessions if s.concerns(country)}
    items = agenda_concerning(shuffled, country)
    assert {entry.session for entry in items} <= {s.number for s in concerning}


@given(cst.sessions())
def test_generated_sessions_pass_every_check(session):
    assert [] == civicspace.validate(civicspace.dump(session))


# -- A member list as printed ---------------------------------------------------------------------


def test_a_printed_member_list_keeps_a_run_together_entry_and_counts_the_missing_seats():
    # "Slovakia, SomaliaSudan, Spain": one entry, read as two member states.
    entries = (
        PrintedMember(printed="Slovakia", countries=("SVK",)),
        PrintedMember(printed="SomaliaSudan", countries=("SOM", "SDN")),
    )
    session = Session(number=45, printed_members=entries)
    assert 44 == session.unaccounted_seats
    assert None is Session(number=45).unaccounted_seats
    document = civicspace.dump(session)
    assert [] == civicspace.validate(document)
    assert session == civicspace.load(document)


@given(st.lists(printed_members(), min_size=1, max_size=5).map(tuple))
def test_unaccounted_seats_are_the_seats_less_the_states_read(entries):
    session = Session(number=45, printed_members=entries)
    read = sum(len(entry.countries) for entry in entries)
    assert civicspace.sessions.COUNCIL_SEATS - read == session.unaccounted_seats
