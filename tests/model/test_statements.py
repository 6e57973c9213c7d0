"""Statements: the record, its checks, its references, and questions across statements.

Phrases quoted here come from /work/shared/sources/civicus-cambodia-articles.txt.
"""

import copy
import json

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import civicspace
from civicspace import FieldValueError
from civicspace import strategies as cst
from civicspace._rules.engine import check_record
from civicspace.analysis import (
    co_signatories,
    organisation_groups,
    statements_concerning,
    statements_joined,
)
from civicspace.readers import parse_signatories
from civicspace.statements import Concern, Deliverer, Statement, StatementDemand, StatementKind

from .._edit import paths_and_codes
from .test_signatories import HRC48_LIST, JOURNALISTS_LIST, KEM_LEY_LIST, STATE_OF_EMERGENCY_LIST

EXAMPLES = {example["id"]: example for example in civicspace.schema("statement")["examples"]}
KEM_LEY = EXAMPLES["kem-ley-2020-joint-statement"]


codes = paths_and_codes


def statement(statement_id, kind, title, listed, **rest):
    return Statement(
        id=statement_id,
        kind=kind,
        title=title,
        signatories=parse_signatories(listed),
        **rest,
    )


SOURCE_STATEMENTS = (
    statement(
        "state-of-emergency-2020",
        StatementKind.JOINT_STATEMENT,
        "Cambodia and COVID19: State of Emergency draft law will put civic freedoms at further "
        "risk",
        STATE_OF_EMERGENCY_LIST,
        demands=(
            StatementDemand(
                text="immediately revise the draft law to bring it in line with international "
                "human rights laws and standards",
                addressee="The Cambodian government",
                concerns=(Concern(law="khm/draft_law/2020/state-of-emergency"),),
            ),
        ),
    ),
    statement(
        "hrc48-open-letter-cambodia",
        StatementKind.OPEN_LETTER,
        "Cambodia Human Rights Crisis: The UN Human Rights Council Should Act Now",
        HRC48_LIST,
        session=48,
    ),
    statement(
        "kem-ley-2020-joint-statement",
        StatementKind.JOINT_STATEMENT,
        "Cambodia: 4 years on, no effective investigation into Kem Ley’s unlawful killing",
        KEM_LEY_LIST,
        signatory_count=30,
        demands=(
            StatementDemand(
                text="stop such harassment",
                addressee="the Cambodian government",
                concerns=(Concern(case="kong-raiya-2019"), Concern(person="kong-raiya")),
            ),
        ),
    ),
    statement(
        "journalists-2019-joint-statement",
        StatementKind.JOINT_STATEMENT,
        "Cambodia: Charges against journalists must be dropped",
        JOURNALISTS_LIST,
        demands=(
            StatementDemand(
                text="call for charges against two former Radio Free Asia (RFA) journalists, "
                "Mr. Uon Chhin and Mr. Yeang Sothearin (known as Yeang Sochea Meta), to be dropped",
                addressee="the government",
                concerns=(Concern(case="uon-chhin-yeang-sothearin-2017"),),
            ),
        ),
    ),
)


# -- The record -----------------------------------------------------------------------------------


@pytest.mark.parametrize("example", list(EXAMPLES.values()), ids=list(EXAMPLES))
def test_schema_examples_load_and_dump_back(example):
    assert [] == civicspace.validate(example)
    assert example == civicspace.dump(civicspace.load(example))


def test_the_kem_ley_example_keeps_its_declared_count_and_thirty_signatories():
    loaded = civicspace.load(KEM_LEY)
    assert (30, 30) == (loaded.signatory_count, len(loaded.signatories))
    assert parse_signatories(KEM_LEY_LIST) == loaded.signatories


def test_the_hrc51_statement_was_delivered_by_a_named_person():
    loaded = civicspace.load(EXAMPLES["hrc51-oral-statement-cambodia"])
    assert (StatementKind.ORAL_STATEMENT, 51, Deliverer(name="Lisa Majumdar")) == (
        loaded.kind,
        loaded.session,
        loaded.delivered_by,
    )


def test_a_declared_count_without_its_list_is_no_issue():
    # "We, the following 32 human rights organisations, call on the Cambodian authorities"
    # and the text published no list.
    assert [] == codes(EXAMPLES["national-internet-gateway-joint-statement"])


def test_the_source_statements_pass_every_check():
    for record in SOURCE_STATEMENTS:
        assert [] == civicspace.validate(civicspace.dump(record))


@pytest.mark.parametrize(
    ("change", "path", "code"),
    [
        ({"signatory_count": "30"}, "$.signatory_count", "schema.type"),
        ({"signatory_count": 30.5}, "$.signatory_count", "schema.type"),
        ({"signatory_count": True}, "$.signatory_count", "schema.type"),
        ({"signatory_count": 0}, "$.signatory_count", "schema.minimum"),
        ({"session": 0}, "$.session", "schema.minimum"),
        ({"kind": "statement"}, "$.kind", "schema.enum"),
        ({"signatories": []}, "$.signatories", "schema.min_items"),
        ({"signatories": ["Amnesty International"]}, "$.signatories[0]", "schema.type"),
        ({"signatories": [{"name": "Amnesty International", "id": "Amnesty"}]}, None, None),
        ({"delivered_by": "Lisa Majumdar"}, "$.delivered_by", "schema.type"),
        ({"addressees": ["  "]}, "$.addressees[0]", "schema.pattern"),
        ({"date": "2020-07-32"}, "$.date", "schema.pattern"),
    ],
)
def test_near_misses_are_refused_with_their_path(change, path, code):
    document = {**copy.deepcopy(KEM_LEY), **change}
    if path is None:
        path, code = "$.signatories[0].id", "schema.pattern"
    assert (path, code) in codes(document)


@pytest.mark.parametrize(
    ("concern", "path", "code"),
    [
        ({}, "$.demands[0].concerns[0]", "schema.any_of"),
        ({"case": "Kong Raiya"}, "$.demands[0].concerns[0].case", "schema.pattern"),
        (
            {"cases": "kong-raiya-2019"},
            "$.demands[0].concerns[0].cases",
            "schema.additional_properties",
        ),
        ({"case": "kong-raiya-2019\n"}, "$.demands[0].concerns[0].case", "value.invalid"),
    ],
)
def test_a_bad_concern_is_refused_with_its_path(concern, path, code):
    document = copy.deepcopy(KEM_LEY)
    document["demands"][0]["concerns"] = [concern]
    assert (path, code) in codes(document)


def test_a_concern_names_something():
    with pytest.raises(FieldValueError, match="a concern names a case, a law or a person"):
        Concern()


@pytest.mark.parametrize("count", [0, -1, 100_001, True, 30.0])
def test_a_declared_count_is_a_whole_number_from_one(count):
    with pytest.raises(FieldValueError):
        Statement(id="s", kind=StatementKind.JOINT_STATEMENT, title="t", signatory_count=count)


# -- Checks ---------------------------------------------------------------------------------------


def test_a_declared_count_that_differs_from_the_list_is_reported_with_both_numbers():
    document = copy.deepcopy(KEM_LEY)
    del document["signatories"][12]
    issues = civicspace.validate(document)
    assert [("$.signatory_count", "statement.count_mismatch")] == [
        (issue.path, issue.code) for issue in issues
    ]
    assert "the text declares 30 signatories but 29 are listed" == issues[0].message


def test_the_same_organisation_twice_under_two_spellings_is_reported_with_both_positions():
    document = copy.deepcopy(KEM_LEY)
    # "22. World Organisation Against Torture (OMCT)" from the journalists' list, added to the
    # Kem Ley list that has "World Organization Against Torture (OMCT)" at position 28.
    document["signatories"].append(
        {"name": "World Organisation Against Torture", "acronym": "OMCT"}
    )
    document["signatory_count"] = 31
    issues = civicspace.validate(document)
    assert [("$.signatories[30]", "statement.signatory_repeated")] == [
        (issue.path, issue.code) for issue in issues
    ]
    assert issues[0].message.startswith(
        "signatory 30 ('World Organisation Against Torture') is signatory 28 "
        "('World Organization Against Torture') again: "
    )


def test_an_acronym_and_its_name_in_one_list_are_reported():
    listed = parse_signatories(
        "1. International Federation for Human Rights (FIDH)\n2. FIDH, within the framework of the"
        " Observatory for the Protection of Human Rights Defenders"
    )
    record = Statement(id="s", kind=StatementKind.JOINT_STATEMENT, title="t", signatories=listed)
    issues = civicspace.validate(civicspace.dump(record))
    assert [("$.signatories[1]", "statement.signatory_repeated")] == [
        (issue.path, issue.code) for issue in issues
    ]
    assert "'FIDH' is the acronym of 'International Federation for Human Rights (FIDH)'" in (
        issues[0].message
    )


def test_two_cambodian_centers_in_one_list_are_no_issue():
    # "2. Cambodian Center for Human Rights (CCHR)" and "3. Cambodian Center for Independent Media"
    assert [] == codes(civicspace.dump(SOURCE_STATEMENTS[3]))


def with_references():
    return {
        "type": "collection",
        "statements": [
            {
                "type": "statement",
                "id": "kem-ley-2020-joint-statement",
                "kind": "joint_statement",
                "title": "Cambodia: 4 years on, no effective investigation into Kem Ley’s "
                "unlawful killing",
                "delivered_by": {"name": "Lisa Majumdar", "person": "lisa-majumdar"},
                "signatories": [{"id": "mother-nature-cambodia", "name": "Mother Nature Cambodia"}],
                "demands": [
                    {
                        "text": "stop such harassment",
                        "addressee": "the Cambodian government",
                        "concerns": [
                            {"case": "kong-raiya-2019"},
                            {"law": "khm/code/2009/criminal-code", "person": "kong-raiya"},
                        ],
                    }
                ],
            }
        ],
    }


def test_a_statement_naming_records_the_collection_lacks_is_reported_at_each_path():
    assert [
        ("$.statements[0].signatories[0].id", "collection.unresolved_reference"),
        ("$.statements[0].delivered_by.person", "collection.unresolved_reference"),
        ("$.statements[0].demands[0].concerns[0].case", "collection.unresolved_reference"),
        ("$.statements[0].demands[0].concerns[1].law", "collection.unresolved_reference"),
        ("$.statements[0].demands[0].concerns[1].person", "collection.unresolved_reference"),
    ] == codes(with_references())


def test_a_statement_naming_records_the_collection_holds_is_no_issue():
    document = with_references()
    document["organisations"] = [
        {"type": "organisation", "id": "mother-nature-cambodia", "name": "Mother Nature Cambodia"}
    ]
    document["people"] = [
        {"type": "person", "id": "lisa-majumdar", "name": "Lisa Majumdar"},
        {"type": "person", "id": "kong-raiya", "name": "Kong Raiya"},
    ]
    document["laws"] = [
        {
            "type": "law",
            "id": "khm/code/2009/criminal-code",
            "jurisdiction": "KHM",
            "kind": "code",
            "titles": ["Criminal Code"],
        }
    ]
    document["cases"] = [
        {
            "type": "case",
            "id": "kong-raiya-2019",
            "country": "KHM",
            "title": "Youth activist Kong Raiya convicted of incitement",
            "people": [{"id": "kong-raiya", "name": "Kong Raiya", "roles": ["youth_activist"]}],
        }
    ]
    assert [] == codes(document)


def test_a_bad_statement_in_json_lines_is_reported_and_the_next_one_still_checked():
    bad = {**copy.deepcopy(KEM_LEY), "signatory_count": "thirty"}
    short = copy.deepcopy(KEM_LEY)
    del short["signatories"][0]
    text = "\n".join(json.dumps(document) for document in (bad, short))
    assert [
        (1, "$.signatory_count", "schema.type"),
        (2, "$.signatory_count", "statement.count_mismatch"),
    ] == [(issue.line, issue.path, issue.code) for issue in civicspace.validate(text)]


@settings(max_examples=30, deadline=None)
@given(cst.collections())
def test_collections_drawn_hold_statements_whose_references_resolve(collection):
    # The checks alone: a collection's other records are the other issues' tests.
    issues = check_record(collection)
    assert [] == [
        issue
        for issue in issues
        if issue.code.startswith("statement.")
        or (issue.code == "collection.unresolved_reference" and ".statements[" in issue.path)
    ]


@given(cst.statements())
def test_statements_drawn_pass_every_check(record):
    assert [] == civicspace.validate(civicspace.dump(record))


# -- Across statements ----------------------------------------------------------------------------


def test_how_many_statements_each_organisation_joined_in_the_sources():
    joined = statements_joined(SOURCE_STATEMENTS)
    top = [(group.name, group.count, group.spellings) for group in joined[:2]]
    assert [
        (
            "Asian Forum for Human Rights and Development",
            4,
            ("Asian Forum for Human Rights and Development",),
        ),
        (
            "CIVICUS: World Alliance for Citizen Participation",
            4,
            (
                "CIVICUS: World Alliance for Citizen Participation",
                "CIVICUS – World Alliance for Citizen Participation",
            ),
        ),
    ] == top
    by_acronym = {group.acronym: group for group in joined if group.acronym}
    assert ("World Organisation Against Torture", 3) == (
        by_acronym["OMCT"].name,
        by_acronym["OMCT"].count,
    )
    assert (
        ("International Federation for Human Rights", "FIDH"),
        (
            "hrc48-open-letter-cambodia",
            "kem-ley-2020-joint-statement",
            "journalists-2019-joint-statement",
        ),
    ) == (by_acronym["FIDH"].spellings, by_acronym["FIDH"].statements)


def test_idea_spelt_two_ways_stays_two_organisations():
    groups = organisation_groups(SOURCE_STATEMENTS)
    assert 2 == len([group for group in groups if group.acronym == "IDEA"])


def test_who_signs_with_whom_most_often_in_the_sources():
    pairs = co_signatories(SOURCE_STATEMENTS)
    first = pairs[0]
    assert (
        "Asian Forum for Human Rights and Development",
        "CIVICUS: World Alliance for Citizen Participation",
        4,
    ) == (first.first.name, first.second.name, first.count)
    assert all(pair.count <= pairs[0].count for pair in pairs)


def test_the_statements_that_concern_a_case_or_a_law():
    assert ("kem-ley-2020-joint-statement",) == tuple(
        s.id for s in statements_concerning(SOURCE_STATEMENTS, case="kong-raiya-2019")
    )
    assert ("state-of-emergency-2020",) == tuple(
        s.id
        for s in statements_concerning(
            SOURCE_STATEMENTS, law="khm/draft_law/2020/state-of-emergency"
        )
    )
    assert () == statements_concerning(SOURCE_STATEMENTS, case="rong-chhun-2020")


@pytest.mark.parametrize("given_ids", [{}, {"case": "kong-raiya-2019", "law": "x"}])
def test_statements_concerning_needs_exactly_one_id(given_ids):
    with pytest.raises(TypeError):
        statements_concerning(SOURCE_STATEMENTS, **given_ids)


_FEW_STATEMENTS = st.lists(cst.statements(), max_size=4)


@given(_FEW_STATEMENTS)
def test_each_organisation_joins_each_statement_once_and_every_listing_is_counted(statements):
    groups = statements_joined(statements)
    counts = [group.count for group in groups]
    assert counts == sorted(counts, reverse=True)
    assert all(len(set(group.statements)) == group.count for group in groups)
    listed = {(s.id, signatory.name) for s in statements for signatory in s.signatories}
    assert listed == {
        (statement_id, name)
        for group in groups
        for statement_id in group.statements
        for name in group.spellings
        if (statement_id, name) in listed
    }


@given(_FEW_STATEMENTS)
def test_a_pair_signs_together_no_more_often_than_either_signs(statements):
    for pair in co_signatories(statements):
        assert pair.first != pair.second
        assert pair.count <= min(pair.first.count, pair.second.count)
        assert set(pair.statements) <= set(pair.first.statements) & set(pair.second.statements)


@given(_FEW_STATEMENTS, cst.signatories(), cst.signatories())
def test_two_matching_signatories_are_gathered_into_one_organisation(statements, one, other):
    one, other = attrs.evolve(one, id=None), attrs.evolve(other, id=None)
    extra = Statement(id="extra", kind=StatementKind.JOINT_STATEMENT, title="t", signatories=(one,))
    more = Statement(id="more", kind=StatementKind.JOINT_STATEMENT, title="t", signatories=(other,))
    groups = organisation_groups([*statements, extra, more])
    holding = [group for group in groups if {"extra", "more"} & set(group.statements)]
    if civicspace.people.match_organisations(one, other).same:
        assert 1 == len(holding)


@given(_FEW_STATEMENTS)
def test_statements_concerning_keeps_order_and_only_those_that_concern(statements):
    targets = [
        concern.case
        for s in statements
        for demand in s.demands
        for concern in demand.concerns
        if concern.case is not None
    ]
    for case in targets[:2]:
        found = statements_concerning(statements, case=case)
        assert list(found) == [s for s in statements if s.concerns(case=case)]
        assert found


_POOL_SIGNATORIES = st.builds(
    civicspace.statements.Signatory,
    id=st.none() | st.sampled_from(["omct", "fidh", "cchr"]),
    name=st.sampled_from(
        [
            "World Organisation Against Torture",
            "World Organization Against Torture",
            "FIDH",
            "International Federation for Human Rights",
            "Cambodian Center for Human Rights",
            "CCHR",
            "!!",
        ]
    ),
    acronym=st.none() | st.sampled_from(["OMCT", "FIDH", "CCHR", "CCIM"]),
)


@given(st.lists(_POOL_SIGNATORIES, max_size=8))
def test_repeats_reported_are_those_a_pairwise_search_finds(listed):
    record = Statement(
        id="s", kind=StatementKind.JOINT_STATEMENT, title="t", signatories=tuple(listed)
    )
    expected = []
    for later in range(len(listed)):
        for earlier in range(later):
            if civicspace.people.match_organisations(listed[earlier], listed[later]).same:
                expected.append((f"$.signatories[{later}]", f"is signatory {earlier} "))
                break
    found = [
        (issue.path, issue.message)
        for issue in check_record(record)
        if issue.code == "statement.signatory_repeated"
    ]
    assert [path for path, _ in expected] == [path for path, _ in found]
    assert all(part in message for (_, part), (_, message) in zip(expected, found, strict=True))
