"""Cases: people, organisations, events and charges; derived statuses and figures; checks.

Phrases quoted in comments come from
/work/shared/sources/civicus-cambodia-articles.txt.
"""

# The project asserts `expected == actual`, which ruff calls a Yoda condition.

from __future__ import annotations

import datetime
import json
from typing import Any

import attrs
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import civicspace
from civicspace import CivicspaceError, FieldValueError, strategies
from civicspace._model import events as events_module
from civicspace._rules.engine import check_record
from civicspace.analysis import (
    cases_of,
    count_by_article,
    count_by_country,
    count_by_offence,
    count_by_role,
    count_by_status,
)
from civicspace.cases import (
    Case,
    DayCount,
    Event,
    PersonStatus,
    arrest_to_verdict,
    case_statuses,
    event_kinds,
    person_status,
    pretrial_detention,
    timeline,
)
from civicspace.collection import Collection
from civicspace.common import PartialDate
from civicspace.people import CasePerson, Role

from .._edit import changed, paths_and_codes

D = datetime.date
CRIMINAL_CODE = "khm/code/2009/criminal-code"
CIVICUS = "https://monitor.civicus.org/country/cambodia/"
HRW = "https://www.hrw.org/news/2020/06/19/cambodia"
MOTHER_NATURE = ["thun-ratha", "long-kunthea", "phuon-keoreaksmey"]
IN_ABSENTIA = ["alejandro-gonzalez-davidson", "chea-kunthin"]
FINE = {
    "amount": {"amount": "4000000", "currency": "KHR"},
    "equivalent": {"amount": "1000", "currency": "USD"},
}


def defender(person_id: str, name: str, **more: Any) -> dict[str, Any]:
    return {
        "id": person_id,
        "name": name,
        "roles": ["environmental_defender"],
        "affiliations": [{"organisation": "mother-nature-cambodia"}],
        **more,
    }


# "On 3 September 2020, Thun Ratha, Long Kunthea and Phoung Keorasmey, activists with
# environmental group Mother Nature Cambodia, were arbitrarily detained ... On 6th September
# 2020, the three were charged with 'incitement to commit a felony or cause social unrest'
# (articles 494 and 495 of the Cambodian Criminal Code) and placed in pre-trial detention.
# They were also denied bail."  "In May 2021, the authorities convicted and sentenced three
# Mother Nature activists to 18 and 20 months in prison. Two others were convicted in absentia."
MOTHER_NATURE_CASE: dict[str, Any] = {
    "type": "case",
    "id": "mother-nature-2020",
    "country": "KHM",
    "title": "Mother Nature Cambodia activists convicted of incitement",
    "people": [
        defender("thun-ratha", "Thun Ratha"),
        defender("long-kunthea", "Long Kunthea"),
        defender(
            "phuon-keoreaksmey",
            "Phuon Keoreaksmey",
            other_names=[{"name": "Phoung Keorasmey", "note": "spelling in another source"}],
        ),
        defender(
            "alejandro-gonzalez-davidson",
            "Alejandro Gonzalez-Davidson",
            affiliations=[{"organisation": "mother-nature-cambodia", "role": "co-founder"}],
        ),
        {"id": "chea-kunthin", "name": "Chea Kunthin", "roles": ["youth_activist"]},
    ],
    "organisations": [
        {
            "id": "mother-nature-cambodia",
            "name": "Mother Nature Cambodia",
            "acronym": "MNC",
            "country": "KHM",
            "kind": "ngo",
        }
    ],
    "events": [
        # "Alejandro Gonzalez-Davidson, the group's co-founder who has been deported from Cambodia"
        {"kind": "deportation", "people": ["alejandro-gonzalez-davidson"]},
        {"kind": "arrest", "date": "2020-09-03", "people": MOTHER_NATURE, "place": "Phnom Penh"},
        {
            "kind": "charge",
            "date": "2020-09-06",
            "people": MOTHER_NATURE,
            "charges": ["incitement"],
        },
        {
            "kind": "pre_trial_detention",
            "date": "2020-09-06",
            "people": MOTHER_NATURE,
            "note": "They were also denied bail.",
        },
        {"kind": "conviction", "date": "2021-05", "people": MOTHER_NATURE},
        {"kind": "conviction", "date": "2021-05", "people": IN_ABSENTIA, "in_absentia": True},
    ],
    "charges": [
        {
            "id": "incitement",
            "offence": "incitement to commit a felony or cause social unrest",
            "citations": [
                {
                    "law": CRIMINAL_CODE,
                    "articles": ["494", "495"],
                    "as_written": "articles 494 and 495 of the Cambodian Criminal Code",
                }
            ],
            "people": MOTHER_NATURE + IN_ABSENTIA,
        }
    ],
    "sentences": [
        # "Thun Ratha was handed 20 months in jail and a fine of 4 million riel (USD 1,000).
        # Alejandro Gonzalez-Davidson ... was tried in absentia and given the same sentence.
        # Keoreaksmey, Kunthea and Chea Kunthin, a youth activist also tried in absentia, were
        # given 18 months and the same four million riel fine."
        {"person": "thun-ratha", "term": "P20M", "fine": FINE, "imposed_on": "2021-05"},
        {
            "person": "alejandro-gonzalez-davidson",
            "term": "P20M",
            "fine": FINE,
            "in_absentia": True,
            "imposed_on": "2021-05",
        },
        {"person": "phuon-keoreaksmey", "term": "P18M", "fine": FINE, "imposed_on": "2021-05"},
        {"person": "long-kunthea", "term": "P18M", "fine": FINE, "imposed_on": "2021-05"},
        {
            "person": "chea-kunthin",
            "term": "P18M",
            "fine": FINE,
            "in_absentia": True,
            "imposed_on": "2021-05",
        },
    ],
    "sources": [{"url": CIVICUS, "publisher": "CIVICUS"}],
}

# "In July 2019 ... the authorities arrested youth activist Kong Raiya ... Kong Raiya remained
# in pre-trial detention on apparently politically motivated charges of incitement for nearly
# five months until the authorities released him on bail on November 28, 2019. On June 19,
# 2020, the Phnom Penh Municipal Court convicted Kong Raiya in absentia of 'incitement to commit
# a felony' under articles 88, 494, and 495 of Cambodia's Penal Code, and sentenced him to two
# years in prison, with the remainder of his sentence suspended due to time served in pre-trial
# detention."
KONG_RAIYA_2019: dict[str, Any] = {
    "type": "case",
    "id": "kong-raiya-2019",
    "country": "KHM",
    "title": "Kong Raiya convicted in absentia over Kem Ley t-shirts",
    "people": [{"id": "kong-raiya", "name": "Kong Raiya", "roles": ["youth_activist"]}],
    "events": [
        {"kind": "arrest", "date": "2019-07", "people": ["kong-raiya"]},
        {"kind": "pre_trial_detention", "date": "2019-07", "people": ["kong-raiya"]},
        {"kind": "bail", "date": "2019-11-28", "people": ["kong-raiya"]},
        {
            "kind": "conviction",
            "date": "2020-06-19",
            "people": ["kong-raiya"],
            "charges": ["incitement"],
            "in_absentia": True,
        },
    ],
    "charges": [
        {
            "id": "incitement",
            "offence": "incitement to commit a felony",
            "citations": [
                {
                    "law": CRIMINAL_CODE,
                    "articles": ["88", "494", "495"],
                    "as_written": "articles 88, 494, and 495 of Cambodia’s Penal Code",
                }
            ],
            "people": ["kong-raiya"],
        }
    ],
    "sentences": [
        {
            "person": "kong-raiya",
            "term": "P2Y",
            "suspended": "remainder",
            "in_absentia": True,
            "imposed_on": "2020-06-19",
            "court": "Phnom Penh Municipal Court",
        }
    ],
    "sources": [{"url": HRW, "publisher": "Human Rights Watch"}],
}

# "Kong Raiya was previously sentenced to 18 months' imprisonment in 2015 on spurious
# incitement charges in relation to a Facebook post that criticized the government."
KONG_RAIYA_2015: dict[str, Any] = {
    "type": "case",
    "id": "kong-raiya-2015",
    "country": "KHM",
    "title": "Kong Raiya sentenced over a Facebook post",
    "people": [{"id": "kong-raiya", "name": "Kong Raiya", "roles": ["online_critic"]}],
    "events": [{"kind": "sentence", "date": "2015", "people": ["kong-raiya"]}],
    "charges": [{"id": "incitement", "offence": "incitement", "people": ["kong-raiya"]}],
    "sentences": [{"person": "kong-raiya", "term": "P18M", "imposed_on": "2015"}],
}

# "The two former RFA journalists, Uon Chhin and Yeang Sothearin, were charged ... with
# supplying a foreign state with information prejudicial to national defence, under Article
# 445 of Cambodia's Criminal Code and with the alleged production of pornography under Article
# 39 of the Law on the Suppression of Human Trafficking and Sexual Exploitation. The pair were
# arrested on 14 November 2017 and held in pre-trial detention for nine months. They were
# released on bail and placed under judicial supervision on 21 August 2018."
RFA = ["uon-chhin", "yeang-sothearin"]
RFA_CASE: dict[str, Any] = {
    "type": "case",
    "id": "rfa-journalists-2017",
    "country": "KHM",
    "title": "Former RFA journalists Uon Chhin and Yeang Sothearin",
    "people": [
        {
            "id": "uon-chhin",
            "name": "Uon Chhin",
            "roles": ["journalist"],
            "affiliations": [{"organisation": "rfa", "role": "former journalist"}],
        },
        {
            "id": "yeang-sothearin",
            "name": "Yeang Sothearin",
            # "Mr. Yeang Sothearin (known as Yeang Sochea Meta)"
            "other_names": [{"name": "Yeang Sochea Meta", "note": "known as"}],
            "roles": ["journalist"],
            "affiliations": [{"organisation": "rfa", "role": "former journalist"}],
        },
    ],
    "organisations": [
        {"id": "rfa", "name": "Radio Free Asia", "acronym": "RFA", "kind": "media_outlet"}
    ],
    "events": [
        {"kind": "arrest", "date": "2017-11-14", "people": RFA},
        {"kind": "pre_trial_detention", "date": "2017-11-14", "people": RFA},
        {"kind": "bail", "date": "2018-08-21", "people": RFA},
        {"kind": "judicial_supervision", "date": "2018-08-21", "people": RFA},
        # "On 3 October 2019, the Court announced its decision to continue its investigation"
        {"kind": "investigation_continued", "date": "2019-10-03", "people": RFA},
        # "the Appeal Court's hearing on 23 December 2019, on the charges of production of
        # pornography, as well as the hearing on 20 January 2020 on the charges of supplying a
        # foreign state with information prejudicial to national defence"
        {"kind": "appeal", "date": "2019-12-23", "people": RFA, "charges": ["pornography"]},
        {"kind": "appeal", "date": "2020-01-20", "people": RFA, "charges": ["espionage"]},
    ],
    "charges": [
        {
            "id": "espionage",
            "offence": "supplying a foreign state with information prejudicial to national defence",
            "citations": [{"law": CRIMINAL_CODE, "articles": ["445"]}],
            "people": RFA,
        },
        {
            "id": "pornography",
            "offence": "production of pornography",
            "citations": [
                {
                    "law": "khm/law/2008/suppression-of-human-trafficking-and-sexual-exploitation",
                    "articles": ["39"],
                }
            ],
            "people": RFA,
        },
    ],
}


DATE = "$.events[2].date"


# -- The cases of the source texts ----------------------------------------------------------------


@pytest.mark.parametrize(
    "document", [MOTHER_NATURE_CASE, KONG_RAIYA_2019, KONG_RAIYA_2015, RFA_CASE]
)
def test_the_cases_of_the_source_texts_are_valid_and_round_trip(document: dict[str, Any]) -> None:
    assert [] == civicspace.validate(json.dumps(document))
    case = civicspace.load(document)
    assert isinstance(case, Case)
    assert document == civicspace.dump(case)


def test_mother_nature_statuses_are_derived_from_the_events() -> None:
    case = civicspace.load(MOTHER_NATURE_CASE)
    expected = {
        "thun-ratha": PersonStatus.CONVICTED,
        "long-kunthea": PersonStatus.CONVICTED,
        "phuon-keoreaksmey": PersonStatus.CONVICTED,
        "alejandro-gonzalez-davidson": PersonStatus.CONVICTED_IN_ABSENTIA,
        "chea-kunthin": PersonStatus.CONVICTED_IN_ABSENTIA,
    }
    assert expected == case_statuses(case)
    assert {PersonStatus.CONVICTED: 3, PersonStatus.CONVICTED_IN_ABSENTIA: 2} == count_by_status(
        [case]
    )


def test_status_follows_each_event_in_turn() -> None:
    case = civicspace.load(MOTHER_NATURE_CASE)
    expected = [
        PersonStatus.DETAINED,  # arrest
        PersonStatus.DETAINED,  # charge: no change
        PersonStatus.DETAINED,  # pre-trial detention
        PersonStatus.CONVICTED,
    ]
    statuses = [
        person_status(attrs.evolve(case, events=case.events[: index + 1]), "thun-ratha")
        for index in range(1, 5)
    ]
    assert expected == statuses
    # Deported ("at large"), then convicted in absentia.
    deported_only = attrs.evolve(case, events=case.events[:1])
    assert PersonStatus.AT_LARGE == person_status(deported_only, "alejandro-gonzalez-davidson")
    assert PersonStatus.UNKNOWN == person_status(deported_only, "chea-kunthin")


def test_mother_nature_pretrial_detention_is_bounded_by_the_month_of_the_verdict() -> None:
    case = civicspace.load(MOTHER_NATURE_CASE)
    # From 3 September 2020 to a verdict "in May 2021": 240 days if on 1 May, 270 if on 31 May.
    expected = DayCount(minimum=240, maximum=270)
    assert expected == pretrial_detention(case, "thun-ratha")
    assert expected == arrest_to_verdict(case, "thun-ratha")
    assert None is expected.exact
    # Never arrested: no days, and no time from arrest to verdict.
    assert DayCount(minimum=0, maximum=0) == pretrial_detention(case, "chea-kunthin")
    assert None is arrest_to_verdict(case, "chea-kunthin")


def test_mother_nature_charges_counted_by_article_and_offence() -> None:
    case = civicspace.load(MOTHER_NATURE_CASE)
    assert {(CRIMINAL_CODE, "494"): 5, (CRIMINAL_CODE, "495"): 5} == count_by_article([case])
    assert {"incitement to commit a felony or cause social unrest": 5} == count_by_offence([case])
    assert {Role.ENVIRONMENTAL_DEFENDER: 4, Role.YOUTH_ACTIVIST: 1} == count_by_role([case])


def test_kong_raiya_bailed_then_convicted_in_absentia() -> None:
    case = civicspace.load(KONG_RAIYA_2019)
    assert PersonStatus.CONVICTED_IN_ABSENTIA == person_status(case, "kong-raiya")
    # "in July 2019" to "November 28, 2019": "nearly five months", 120 to 150 days.
    assert DayCount(minimum=120, maximum=150) == pretrial_detention(case, "kong-raiya")
    # To the verdict of 19 June 2020: from 31 July 2019, 324 days; from 1 July, 354.
    assert DayCount(minimum=324, maximum=354) == arrest_to_verdict(case, "kong-raiya")


def test_rfa_journalists_held_nine_months_then_on_bail() -> None:
    case = civicspace.load(RFA_CASE)
    assert {"uon-chhin": PersonStatus.ON_BAIL, "yeang-sothearin": PersonStatus.ON_BAIL} == (
        case_statuses(case)
    )
    # 14 November 2017 to 21 August 2018: nine months, 280 days, every date known to the day.
    detention = pretrial_detention(case, "yeang-sothearin")
    assert 280 == detention.exact
    assert civicspace.cases.days_in_custody(
        [civicspace.cases.CustodyPeriod(D(2017, 11, 14), D(2018, 8, 21))]
    ) == (detention.exact)
    # No verdict yet: the investigation continued and appeal hearings were set.
    assert None is arrest_to_verdict(case, "uon-chhin")
    assert ("Yeang Sothearin", "Yeang Sochea Meta") == case.person("yeang-sothearin").names
    assert case.events == case.events_of("uon-chhin")
    assert () == case.events_of("kong-raiya")


def test_an_alias_is_another_name_with_a_note() -> None:
    # "Eng Malai (aka So Metta), who are members of Khmer Thavrak"
    document = {
        "type": "person",
        "id": "eng-malai",
        "name": "Eng Malai",
        "other_names": [{"name": "So Metta", "note": "aka"}],
        "roles": ["youth_activist"],
        "affiliations": [{"organisation": "khmer-thavrak", "role": "member"}],
    }
    person = civicspace.load(document)
    assert isinstance(person, civicspace.PersonRecord)
    assert isinstance(person, CasePerson)
    assert ("Eng Malai", "So Metta") == person.names
    assert document == civicspace.dump(person)


def test_an_organisation_names_itself_with_its_acronym() -> None:
    # "Mother Nature Cambodia (MNC), a civil society organisation (CSO)"
    document = {
        "type": "organisation",
        "id": "mother-nature-cambodia",
        "name": "Mother Nature Cambodia",
        "acronym": "MNC",
        "country": "KHM",
        "kind": "ngo",
    }
    organisation = civicspace.load(document)
    assert ("Mother Nature Cambodia", "MNC") == organisation.names
    assert document == civicspace.dump(organisation)


def test_an_open_spell_counts_only_up_to_a_given_day() -> None:
    loaded = civicspace.load(KONG_RAIYA_2019)
    case = attrs.evolve(loaded, events=loaded.events[:2])
    assert PersonStatus.DETAINED == person_status(case, "kong-raiya")
    assert DayCount(minimum=0, maximum=None, skipped=("$.events[0]",)) == pretrial_detention(
        case, "kong-raiya"
    )
    # From July 2019 up to (not including) 1 August 2019: 1 to 31 days.
    assert DayCount(minimum=1, maximum=31) == pretrial_detention(
        case, "kong-raiya", until=D(2019, 8, 1)
    )


def test_an_undated_end_is_skipped_and_named() -> None:
    document = changed(KONG_RAIYA_2019, "events", 2, "date", value=...)
    case = civicspace.load(document)
    assert DayCount(minimum=0, maximum=None, skipped=("$.events[0]",)) == pretrial_detention(
        case, "kong-raiya"
    )
    undated_arrest = civicspace.load(changed(KONG_RAIYA_2019, "events", 0, "date", value=...))
    assert DayCount(minimum=0, maximum=None, skipped=("$.events[0]",)) == arrest_to_verdict(
        undated_arrest, "kong-raiya"
    )


def test_asking_about_a_person_the_case_lacks_raises() -> None:
    case = civicspace.load(RFA_CASE)
    for function in (person_status, pretrial_detention, arrest_to_verdict):
        with pytest.raises(civicspace.errors.UnknownPersonError):
            function(case, "kong-raiya")
    with pytest.raises(civicspace.errors.UnknownPersonError):
        case.person("kong-raiya")


# -- Across cases: one person, many cases ---------------------------------------------------------


CRIMINAL_CODE_LAW = {
    "type": "law",
    "id": CRIMINAL_CODE,
    "jurisdiction": "KHM",
    "kind": "code",
    "titles": ["Criminal Code", "Penal Code"],
}
# Charges cite laws by id; a collection resolves the citations against its laws.


def kong_raiya_collection(**more: Any) -> dict[str, Any]:
    return {
        "type": "collection",
        "laws": [CRIMINAL_CODE_LAW],
        "cases": [KONG_RAIYA_2015, KONG_RAIYA_2019],
        **more,
    }


def test_kong_raiya_is_one_person_across_his_two_cases() -> None:
    collection = Collection(
        cases=(civicspace.load(KONG_RAIYA_2015), civicspace.load(KONG_RAIYA_2019))
    )
    # Without the Criminal Code in the collection, the 2019 charge's citation dangles.
    unresolved = [("$.cases[1].charges[0].citations[0].law", "collection.unresolved_reference")]
    assert unresolved == [(issue.path, issue.code) for issue in check_record(collection)]
    with_law = attrs.evolve(collection, laws=(civicspace.load(CRIMINAL_CODE_LAW),))
    assert [] == check_record(with_law)
    expected = ("kong-raiya-2015", "kong-raiya-2019")
    assert expected == tuple(case.id for case in cases_of(collection, "kong-raiya"))
    assert expected == tuple(case.id for case in cases_of(collection.cases, "kong-raiya"))
    assert () == cases_of(collection, "thun-ratha")
    assert {PersonStatus.CONVICTED: 1, PersonStatus.CONVICTED_IN_ABSENTIA: 1} == count_by_status(
        collection
    )
    assert {"KHM": 2} == count_by_country(collection)
    assert {Role.ONLINE_CRITIC: 1, Role.YOUTH_ACTIVIST: 1} == count_by_role(collection)
    # "incitement to commit a felony" and "incitement" are different offences as reported.
    assert {"incitement": 1, "incitement to commit a felony": 1} == count_by_offence(collection)


def test_one_id_with_two_names_is_reported_across_the_collection() -> None:
    # "three Cambodian activists–Lem Sokha, Phan Phana, and Kung Raiya–were arrested"
    respelled = changed(KONG_RAIYA_2019, "people", 0, "name", value="Kung Raiya")
    document = {
        "type": "collection",
        "people": [{"type": "person", "id": "kong-raiya", "name": "Kong Raiya"}],
        "cases": [KONG_RAIYA_2015, respelled],
    }
    assert ("$.cases[1].people[0].name", "collection.conflicting_person") in paths_and_codes(
        document
    )
    aliased = changed(
        KONG_RAIYA_2019,
        "people",
        0,
        "other_names",
        value=[{"name": "Kung Raiya", "note": "spelling in another source"}],
    )
    assert not any(
        issue.code == "collection.conflicting_person"
        for issue in civicspace.validate({**document, "cases": [KONG_RAIYA_2015, aliased]})
    )


def test_one_organisation_id_with_two_names_is_reported() -> None:
    renamed = changed(RFA_CASE, "organisations", 0, "name", value="RFA Khmer")
    document = {
        "type": "collection",
        "organisations": [
            {"type": "organisation", "id": "rfa", "name": "Radio Free Asia", "kind": "media_outlet"}
        ],
        "cases": [renamed],
    }
    assert ("$.cases[0].organisations[0].name", "collection.conflicting_organisation") in (
        paths_and_codes(document)
    )


def test_a_collection_resolves_laws_people_and_cases() -> None:
    document = kong_raiya_collection(
        people=[
            {
                "type": "person",
                "id": "eng-malai",
                "name": "Eng Malai",
                "affiliations": [{"organisation": "khmer-thavrak"}],
            },
            {"type": "person", "id": "eng-malai", "name": "Eng Malai"},
        ],
        cases=[KONG_RAIYA_2015, KONG_RAIYA_2015],
    )
    expected = [
        ("$.people[1].id", "collection.duplicate_id"),
        ("$.cases[1].id", "collection.duplicate_id"),
        ("$.people[0].affiliations[0].organisation", "collection.unresolved_reference"),
    ]
    assert expected == paths_and_codes(document)


def test_a_citation_of_a_law_the_collection_lacks_is_unresolved() -> None:
    document = {"type": "collection", "cases": [KONG_RAIYA_2015, KONG_RAIYA_2019]}
    assert [
        ("$.cases[1].charges[0].citations[0].law", "collection.unresolved_reference")
    ] == paths_and_codes(document)


def test_counts_refuse_what_is_not_a_case() -> None:
    with pytest.raises(CivicspaceError):
        count_by_country([civicspace.load(RFA_CASE), "case"])


# -- Near misses: each rejected with its path, every other problem still reported ----------------


@pytest.mark.parametrize(
    ("steps", "value", "expected"),
    [
        (("events", 2, "kind"), "released_on_bail", [("$.events[2].kind", "schema.enum")]),
        (("events", 2, "kind"), "Bail", [("$.events[2].kind", "schema.enum")]),
        (("events", 2, "people"), [], [("$.events[2].people", "schema.min_items")]),
        (
            ("events", 2, "people"),
            ...,
            [
                ("$.events[2]", "event.concerns_nobody"),
                ("$.events[3].in_absentia", "case.in_absentia_while_detained"),
                ("$.sentences[0].in_absentia", "case.in_absentia_while_detained"),
            ],
        ),
        (("events", 2, "people"), ["Kong Raiya"], [("$.events[2].people[0]", "schema.pattern")]),
        (
            ("events", 2, "date"),
            "28 November 2019",
            [(DATE, "schema.pattern")],  # one bad value, one issue
        ),
        (("events", 2, "date"), "2019-11-31", [(DATE, "schema.format")]),
        (("events", 2, "in_absentia"), "no", [("$.events[2].in_absentia", "schema.type")]),
        (("people", 0, "roles"), ["youth activist"], [("$.people[0].roles[0]", "schema.enum")]),
        (("people", 0, "aka"), "Kung Raiya", [("$.people[0].aka", "schema.additional_properties")]),
        (("people",), [], [("$.people", "schema.min_items")]),
        (
            ("charges", 0, "citations", 0, "articles"),
            ["art. 494"],
            [("$.charges[0].citations[0].articles[0]", "schema.pattern")],
        ),
        (("country",), "Cambodia", [("$.country", "schema.enum")]),
        (("status",), "convicted", [("$.status", "schema.additional_properties")]),
        (("sentences", 0, "person"), "Kong Raiya", [("$.sentences[0].person", "schema.pattern")]),
        (("events", 2, "place"), " ", [("$.events[2].place", "schema.pattern")]),
    ],
)
def test_schema_near_misses_are_refused_with_their_path(
    steps: tuple[Any, ...], value: Any, expected: list[tuple[str, str]]
) -> None:
    document = changed(KONG_RAIYA_2019, *steps, value=value)
    assert expected == paths_and_codes(document)
    with pytest.raises(civicspace.ValidationError) as error:
        civicspace.load(document)
    assert ("case", "kong-raiya-2019") == (error.value.record_type, error.value.record_id)


def test_an_unknown_event_kind_is_reported_with_every_other_schema_problem() -> None:
    document = changed(KONG_RAIYA_2019, "events", 1, "kind", value="detention")
    document = changed(document, "events", 3, "date", value="2020-06-31")
    document = changed(document, "people", 0, "roles", value=["activists"])
    expected = [
        ("$.events[1].kind", "schema.enum"),
        ("$.events[3].date", "schema.format"),
        ("$.people[0].roles[0]", "schema.enum"),
    ]
    assert expected == sorted(paths_and_codes(document))
    (kind,) = [issue for issue in civicspace.validate(document) if issue.path == "$.events[1].kind"]
    allowed = f'"detention" is not one of the {len(event_kinds())} values allowed'
    assert kind.message.startswith(allowed)


def test_an_event_kind_outside_the_vocabulary_cannot_be_built() -> None:
    with pytest.raises(FieldValueError) as error:
        Event(kind="detention", people=("kong-raiya",))
    assert "kind" == error.value.field


# -- The vocabulary is data ----------------------------------------------------------------------


def test_the_schema_enum_is_the_vocabulary_of_the_data_file() -> None:
    enum = civicspace.schema("case")["$defs"]["event"]["properties"]["kind"]["enum"]
    assert list(event_kinds()) == enum


def test_every_kind_is_described_and_its_effects_are_consistent() -> None:
    for name, kind in event_kinds().items():
        assert name == kind.name
        assert kind.description.strip()
        if kind.status_in_absentia is not None:
            assert kind.in_absentia
    assert PersonStatus.ON_BAIL == event_kinds()["bail"].status
    assert event_kinds()["conviction"].verdict


def test_every_role_and_organisation_kind_is_in_its_schema() -> None:
    person = civicspace.schema("person")["$defs"]["role"]["enum"]
    assert [role.value for role in Role] == person
    organisation = civicspace.schema("organisation")["$defs"]["kind"]["enum"]
    assert [kind.value for kind in civicspace.people.OrganisationKind] == organisation


@pytest.mark.parametrize(
    ("record", "embedded"), [("person", "person"), ("organisation", "organisation")]
)
def test_a_standalone_record_is_the_embedded_object_with_a_type(record: str, embedded: str) -> None:
    document = civicspace.schema(record)
    inner = document["$defs"][embedded]
    assert {"type", *inner["properties"]} == set(document["properties"])
    for name, member in inner["properties"].items():
        assert member == document["properties"][name]
    assert ["type", *inner["required"]] == document["required"]


class _Resources:
    """Stands in for importlib.resources, serving a changed event_kinds.json."""

    def __init__(self, text: str) -> None:
        self.text = text

    def files(self, _package: str) -> _Resources:
        return self

    def joinpath(self, *_parts: str) -> _Resources:
        return self

    def read_text(self, _encoding: str) -> str:
        return self.text


def shipped_vocabulary() -> dict[str, Any]:
    path = events_module.resources.files("civicspace").joinpath("data", "event_kinds.json")
    data: dict[str, Any] = json.loads(path.read_text("utf-8"))
    return data


@pytest.fixture
def vocabulary(monkeypatch: pytest.MonkeyPatch) -> Any:
    """Serve a changed vocabulary file; the shipped one is back after the test."""

    def serve(data: dict[str, Any]) -> None:
        monkeypatch.setattr(events_module, "resources", _Resources(json.dumps(data)))
        event_kinds.cache_clear()

    yield serve
    event_kinds.cache_clear()


def test_a_new_kind_is_one_entry_in_the_data_file(vocabulary: Any) -> None:
    data = shipped_vocabulary()
    data["kinds"].append(
        {
            "kind": "curfew",
            "description": "The person may not leave home at night.",
            "status": "detained",
            "custody": "begins",
        }
    )
    vocabulary(data)
    case = civicspace.load(KONG_RAIYA_2019)
    held = attrs.evolve(
        case,
        events=(
            *case.events,
            Event(kind="curfew", date=PartialDate(2020, 7), people=("kong-raiya",)),
        ),
    )
    assert PersonStatus.DETAINED == person_status(held, "kong-raiya")
    assert [] == check_record(held)


@pytest.mark.parametrize(
    "entry",
    [
        {"kind": "raid", "description": "x", "status": "raided"},
        {"kind": "raid", "description": "x", "custody": "starts"},
        {"kind": "raid", "description": "x", "verdict": "yes"},
        {"kind": "raid", "description": "x", "effect": "none"},
        {"kind": "raid", "description": "x", "custody_kind": "cellar"},
        {"kind": "raid", "description": "x", "organisation_status": "gone"},
        {"kind": "raid", "description": "x", "designation": "adds"},
        {"kind": "raid", "description": "x", "changes_term": "yes"},
        {"kind": "arrest", "description": "the same kind twice"},
        {"description": "no kind"},
    ],
)
def test_a_malformed_vocabulary_is_refused(vocabulary: Any, entry: dict[str, Any]) -> None:
    data = shipped_vocabulary()
    data["kinds"].append(entry)
    vocabulary(data)
    with pytest.raises(CivicspaceError):
        event_kinds()


# -- Properties ----------------------------------------------------------------------------------


@given(strategies.cases())
def test_drawn_cases_pass_every_step_and_survive_json(case: Case) -> None:
    text = json.dumps(civicspace.dump(case), ensure_ascii=False)
    assert [] == civicspace.validate(text)
    assert case == civicspace.load(text)


def coarser(date: PartialDate | None, how: int) -> PartialDate | None:
    if date is None or how == 0:
        return date
    if how == 1 or date.month is None:
        return PartialDate(date.year)
    return PartialDate(date.year, date.month)


@given(strategies.cases(), st.data())
def test_less_precise_dates_never_raise_an_alarm_and_only_widen_the_bounds(
    case: Case, data: st.DataObject
) -> None:
    coarse = attrs.evolve(
        case,
        events=tuple(
            attrs.evolve(event, date=coarser(event.date, data.draw(st.integers(0, 2))))
            for event in case.events
        ),
    )
    assert [] == check_record(coarse)
    for person in case.people:
        fine, wide = pretrial_detention(case, person.id), pretrial_detention(coarse, person.id)
        assert wide.minimum <= fine.minimum
        if fine.maximum is not None and wide.maximum is not None:
            assert fine.maximum <= wide.maximum
        assert set(fine.skipped) == set(wide.skipped)


@given(strategies.cases())
def test_bounds_are_ordered_and_agree_when_dates_are_known_to_the_day(case: Case) -> None:
    for person in case.people:
        for count in (pretrial_detention(case, person.id), arrest_to_verdict(case, person.id)):
            if count is None:
                continue
            assert 0 <= count.minimum
            assert count.maximum is None or count.minimum <= count.maximum
            assert (count.exact is not None) == (
                count.minimum == count.maximum and not count.skipped
            )
        steps = list(timeline(case, person.id))
        if all(step.event.date is not None and step.event.date.day is not None for step in steps):
            assert pretrial_detention(case, person.id, until=D(2041, 1, 1)).exact is not None


@given(strategies.cases(), st.data())
def test_the_last_event_that_says_decides_the_status(case: Case, data: st.DataObject) -> None:
    assume(case.people)  # a case may concern organisations only
    person = data.draw(st.sampled_from(case.people)).id
    kinds = event_kinds()
    name = data.draw(st.sampled_from(sorted(kinds)))
    in_absentia = data.draw(st.none() | st.booleans()) if kinds[name].in_absentia else None
    added = attrs.evolve(
        case,
        events=(*case.events, Event(kind=name, people=(person,), in_absentia=in_absentia)),
    )
    expected = kinds[name].status_after(in_absentia) or person_status(case, person)
    assert expected == person_status(added, person)
    others = {p.id: person_status(case, p.id) for p in case.people if p.id != person}
    assert others == {p: s for p, s in case_statuses(added).items() if p != person}


@given(st.lists(strategies.cases(), max_size=2))
def test_counts_add_up_to_what_they_count(cases: list[Case]) -> None:
    pairs = sum(len({person.id for person in case.people}) for case in cases)
    assert pairs == sum(count_by_status(cases).values())
    assert len(cases) == sum(count_by_country(cases).values())
    for case in cases:
        for person in case.people:
            found = cases_of(cases, person.id)
            assert case in found
            assert all(any(p.id == person.id for p in other.people) for other in found)


@given(strategies.collections(), st.data())
def test_renaming_a_person_of_a_case_is_reported_at_that_name(
    collection: Collection, data: st.DataObject
) -> None:
    people = [(c, i) for c, case in enumerate(collection.cases) for i, _ in enumerate(case.people)]
    if not people:
        return
    c, i = data.draw(st.sampled_from(people))
    case = collection.cases[c]
    clash = attrs.evolve(case.people[i], name=case.people[i].name + " (renamed)")
    # The same person id, given again in a case of its own under another name.
    twin = attrs.evolve(
        case, id=case.id + "-twin", people=(clash,), events=(), charges=(), sentences=()
    )
    changed_collection = attrs.evolve(collection, cases=(*collection.cases, twin))
    where = f"$.cases[{len(collection.cases)}].people[0].name"
    assert [(where, "collection.conflicting_person")] == [
        (issue.path, issue.code)
        for issue in check_record(changed_collection)
        if issue.code.startswith("collection.conflicting")
    ]


def _thai_border_arrest(people: list[str], count: int) -> dict[str, object]:
    # "Recently, three Cambodian activists–Lem Sokha, Phan Phana, and Kung Raiya–were arrested
    # by local authorities at the Thai border."
    return {
        "type": "case",
        "id": "thai-border-arrests-2023",
        "country": "KHM",
        "title": "Three Cambodian activists arrested at the Thai border",
        "people": [
            {"id": "lem-sokha", "name": "Lem Sokha"},
            {"id": "phan-phana", "name": "Phan Phana"},
            {"id": "kong-raiya", "name": "Kong Raiya"},
        ],
        "events": [{"kind": "arrest", "people": people, "people_count": count}],
    }


def test_an_event_lists_no_more_people_than_the_source_counts() -> None:
    three = ["lem-sokha", "phan-phana", "kong-raiya"]
    assert [] == list(civicspace.validate(_thai_border_arrest(three, 3)))
    # Two named of three: the third is unnamed, which is no contradiction.
    assert [] == list(civicspace.validate(_thai_border_arrest(three[:2], 3)))
    assert [("$.events[0].people_count", "event.people_count_mismatch")] == paths_and_codes(
        _thai_border_arrest(three, 2)
    )
    assert 3 == civicspace.load(_thai_border_arrest(three, 3)).events[0].people_count


@given(st.data())
def test_a_generated_event_count_always_matches_its_people(data: st.DataObject) -> None:
    event = data.draw(strategies.events())
    assert event.people_count is None or event.people_count >= len(event.people)


# -- Organisations: what happens to a party, a union, a newspaper ----------------------------


def organisation_case(
    case_id: str, title: str, bodies: list[dict[str, Any]], *events: dict[str, Any], **more: Any
) -> dict[str, Any]:
    return {
        "type": "case",
        "id": case_id,
        "country": "KHM",
        "title": title,
        **more,
        "organisations": bodies,
        "events": list(events),
    }


CANDLELIGHT = {"id": "candlelight-party", "name": "Candlelight Party", "acronym": "CP"}
CNRP = {"id": "cambodia-national-rescue-party", "name": "Cambodia National Rescue Party"}
NAGAWORLD_UNION = {
    "id": "labor-rights-supported-union-of-khmer-employees-of-nagaworld",
    "name": "Labor Rights Supported Union of Khmer Employees of NagaWorld",
}
CAMBODIA_DAILY = {"id": "cambodia-daily", "name": "Cambodia Daily", "kind": "media_outlet"}

# "... strongly condemn Cambodia’s National Election Committee (NEC)’s decision to bar the
# Candlelight Party (CP) - the country’s main opposition party–from contesting in the upcoming
# general election in July 2023."
CANDLELIGHT_2023 = organisation_case(
    "candlelight-party-2023",
    "Candlelight Party barred from the July 2023 general election",
    [CANDLELIGHT],
    {"kind": "disqualification", "organisations": ["candlelight-party"]},
)


def test_a_case_may_concern_an_organisation_alone() -> None:
    assert [] == civicspace.validate(CANDLELIGHT_2023)
    case = civicspace.load(CANDLELIGHT_2023)
    assert () == case.people
    assert ("candlelight-party",) == case.events[0].organisations
    assert () == case.events[0].people
    assert {} == case_statuses(case)
    assert CANDLELIGHT_2023 == civicspace.dump(case)


def test_a_dissolution_by_a_court_names_the_party() -> None:
    # "it was dissolved by the Supreme Court on the grounds that it fostered dissent with the
    # assistance of foreign powers."
    document = organisation_case(
        "cnrp-dissolution",
        "The Cambodia National Rescue Party dissolved by the Supreme Court",
        [CNRP],
        {
            "kind": "dissolution",
            "organisations": ["cambodia-national-rescue-party"],
            "note": "by the Supreme Court",
        },
    )
    assert [] == civicspace.validate(document)
    assert "dissolution" == civicspace.load(document).events[0].kind


def test_a_conviction_of_unnamed_union_members_names_their_union() -> None:
    # "the conviction of labour union leaders and activists from the Labor Rights Supported
    # Union of Khmer Employees of NagaWorld"
    document = organisation_case(
        "nagaworld-union",
        "Leaders and activists of the NagaWorld union convicted",
        [NAGAWORLD_UNION],
        {"kind": "conviction", "organisations": [NAGAWORLD_UNION["id"]]},
    )
    assert [] == civicspace.validate(document)
    assert {} == case_statuses(civicspace.load(document))


def test_a_lawsuit_carries_the_compensation_demanded_not_a_sentence() -> None:
    # "CPP lawyers have demanded two billion riels (USD 500,000) for compensation."
    demanded = {
        "amount": {"amount": "2000000000", "currency": "KHR"},
        "equivalent": {"amount": "500000", "currency": "USD"},
    }
    document = {
        "type": "case",
        "id": "soeng-senkaruna",
        "country": "KHM",
        "title": "Defamation lawsuit against Soeng Senkaruna of ADHOC",
        "people": [{"id": "soeng-senkaruna", "name": "Soeng Senkaruna"}],
        "events": [{"kind": "lawsuit", "people": ["soeng-senkaruna"], "demanded": demanded}],
    }
    assert [] == civicspace.validate(document)
    case = civicspace.load(document)
    expected = civicspace.sentences.ReportedAmount(
        amount=civicspace.sentences.Money(amount=2000000000, currency="KHR"),
        equivalent=civicspace.sentences.Money(amount=500000, currency="USD"),
    )
    assert expected == case.events[0].demanded
    assert PersonStatus.UNKNOWN == person_status(case, "soeng-senkaruna")
    (rate,) = civicspace.analysis.implied_exchange_rates(case)
    assert ("$.events[0].demanded", 4000) == (rate.path, rate.rate)
    assert document == civicspace.dump(case)


def test_a_ban_from_politics_leaves_the_status_the_trial_left() -> None:
    # "Opposition Leader, Kem Sokha, on trial since January on unsubstantiated charges of
    # treason. Sokha has been barred from politics"
    document = {
        "type": "case",
        "id": "kem-sokha-2020",
        "country": "KHM",
        "title": "Opposition leader Kem Sokha on trial for treason",
        "people": [{"id": "kem-sokha", "name": "Kem Sokha"}],
        "events": [
            {"kind": "arrest", "people": ["kem-sokha"]},
            {"kind": "trial_hearing", "date": "2020-01", "people": ["kem-sokha"]},
            {"kind": "ban", "people": ["kem-sokha"]},
        ],
    }
    assert [] == civicspace.validate(document)
    case = civicspace.load(document)
    assert PersonStatus.DETAINED == person_status(case, "kem-sokha")
    assert [False, False, False] == [step.kind.verdict for step in timeline(case, "kem-sokha")]


def test_censorship_and_closure_name_the_work_and_the_outlet() -> None:
    # "Cambodia’s culture ministryordered police to prevent the spread of the music video
    # called “Blood Workers” ... The video, which had been posted on the human rights group
    # LICADHO’s Facebook page, was by rapper Kea Sokun"; "the Cambodia Daily, which has since
    # been forced to close due to a tax requirement."
    document = organisation_case(
        "kea-sokun-2020",
        "Rapper Kea Sokun's “Blood Workers” video blocked",
        [{"id": "licadho", "name": "LICADHO"}, CAMBODIA_DAILY],
        {"kind": "censorship", "people": ["kea-sokun"], "organisations": ["licadho"]},
        {"kind": "closure", "organisations": ["cambodia-daily"]},
        people=[{"id": "kea-sokun", "name": "Kea Sokun"}],
    )
    assert [] == civicspace.validate(document)
    assert {"kea-sokun": PersonStatus.UNKNOWN} == case_statuses(civicspace.load(document))


def test_an_event_naming_an_organisation_the_case_lacks_is_unresolved() -> None:
    document = changed(CANDLELIGHT_2023, "events", 0, "organisations", value=["cp"])
    assert [("$.events[0].organisations[0]", "case.unresolved_reference")] == paths_and_codes(
        document
    )


def test_an_event_or_a_case_that_concerns_nobody_is_reported() -> None:
    no_party = changed(CANDLELIGHT_2023, "events", 0, "organisations", value=...)
    assert [("$.events[0]", "event.concerns_nobody")] == paths_and_codes(no_party)
    nothing = changed(no_party, "organisations", value=...)
    assert [
        ("$.events[0]", "event.concerns_nobody"),
        ("$", "case.concerns_nobody"),
    ] == paths_and_codes(nothing)
    # People the source counts without naming them are people the event concerns.
    counted = changed(no_party, "events", 0, "people_count", value=3)
    assert [] == paths_and_codes(counted)


@pytest.mark.parametrize(
    ("steps", "value", "expected"),
    [
        (("events", 0, "organisations"), [], [("$.events[0].organisations", "schema.min_items")]),
        (
            ("events", 0, "organisations"),
            ["Candlelight Party"],
            [("$.events[0].organisations[0]", "schema.pattern")],
        ),
        (
            ("events", 0, "demanded"),
            {"amount": {"amount": 2000000000, "currency": "KHR"}},
            [("$.events[0].demanded.amount.amount", "schema.type")],
        ),
        (("events", 0, "kind"), "barred", [("$.events[0].kind", "schema.enum")]),
        (("people",), [], [("$.people", "schema.min_items")]),
    ],
)
def test_organisation_near_misses_are_refused_with_their_path(
    steps: tuple[Any, ...], value: Any, expected: list[tuple[str, str]]
) -> None:
    assert expected == paths_and_codes(changed(CANDLELIGHT_2023, *steps, value=value))


@given(strategies.cases(), st.sampled_from(sorted(event_kinds())))
def test_an_event_that_names_no_people_changes_no_status(case: Case, kind: str) -> None:
    assume(case.organisations)
    added = attrs.evolve(
        case,
        events=(*case.events, Event(kind=kind, organisations=(case.organisations[0].id,))),
    )
    assert case_statuses(case) == case_statuses(added)
    assert [] == check_record(added)


@given(strategies.cases())
def test_generated_cases_concern_somebody_and_resolve_their_organisations(case: Case) -> None:
    assert case.people or case.organisations
    bodies = {body.id for body in case.organisations}
    for event in case.events:
        assert event.people or event.organisations
        assert set(event.organisations) <= bodies
    if not case.people:
        assert ((), ()) == (case.charges, case.sentences)


def test_the_new_kinds_change_no_status_and_no_custody() -> None:
    new = ["lawsuit", "dissolution", "disqualification", "ban", "censorship", "closure"]
    kinds = event_kinds()
    assert [(None, None, False)] * len(new) == [
        (kinds[name].status, kinds[name].custody, kinds[name].verdict) for name in new
    ]
