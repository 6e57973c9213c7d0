"""Status over time for cases from many countries, encoded from public reports.

Each test encodes a well-documented case with the dates the cited reports give, and asserts
what a reader would ask of it: custody and legal outcome on dates, an organisation's status,
the designations in force, the term after changes.  The reports are named in each docstring;
the facts are the widely reported ones, paraphrased, not quoted.
"""

from __future__ import annotations

import datetime
from typing import Any

import attrs
import pytest

import civicspace
from civicspace._model.cases import person_status, pretrial_detention
from civicspace._model.common import PartialDate
from civicspace._model.custody import CustodyKind
from civicspace._model.events import (
    CustodyStatus,
    Designation,
    DesignationCategory,
    Event,
    LegalOutcome,
    OrganisationStatus,
    PersonStatus,
)
from civicspace._model.sentences import AppealOutcome, sentence_release_window
from civicspace._model.standing import (
    custody_on,
    designations_in_force,
    organisation_history,
    organisation_status_on,
    outcome_on,
    sentences_after_changes,
    standing_on,
    status_history,
    term_release_on,
)
from civicspace._model.terms import Term
from civicspace.errors import FieldValueError

D = datetime.date


def case(case_id: str, country: str, title: str, **members: Any) -> Any:
    """Load a case document built from its members; every document must validate."""
    return civicspace.load(
        {"type": "case", "id": case_id, "country": country, "title": title, **members}
    )


def person(person_id: str, name: str) -> dict[str, Any]:
    """A person of a case."""
    return {"id": person_id, "name": name}


def event(kind: str, date: str | None, *people: str, **more: Any) -> dict[str, Any]:
    """An event naming ``people``."""
    found: dict[str, Any] = {"kind": kind, **more}
    if date is not None:
        found["date"] = date
    if people:
        found["people"] = list(people)
    return found


# -- Death in custody, execution ------------------------------------------------------------------


def navalny() -> Any:
    """Alexei Navalny: detained on his return to Moscow on 17 January 2021, sentenced to 19 years
    in a special-regime colony on 4 August 2023, moved to the IK-3 colony at Kharp in December
    2023, and died there on 16 February 2024 (Russia's Federal Penitentiary Service, as reported
    by Reuters and the BBC on 16 February 2024).
    """
    return case(
        "navalny-2021",
        "RUS",
        "Alexei Navalny detained, sentenced and dead in custody",
        people=[person("navalny", "Alexei Navalny")],
        events=[
            event("arrest", "2021-01-17", "navalny", place="Sheremetyevo airport, Moscow"),
            event("sentence", "2023-08-04", "navalny"),
            event("transfer", "2023-12", "navalny", place="IK-3 colony, Kharp, Yamalo-Nenets"),
            event("death_in_custody", "2024-02-16", "navalny", place="IK-3 colony, Kharp"),
        ],
        sentences=[{"person": "navalny", "term": "P19Y", "imposed_on": "2023-08-04"}],
    )


def test_a_death_in_custody_leaves_the_person_neither_held_nor_free() -> None:
    found = navalny()
    assert CustodyStatus.DETAINED == custody_on(found, "navalny", D(2024, 2, 15))
    assert CustodyStatus.DECEASED == custody_on(found, "navalny", D(2024, 2, 16))
    assert CustodyStatus.DECEASED == custody_on(found, "navalny", D(2045, 1, 1))
    assert LegalOutcome.CONVICTED == outcome_on(found, "navalny", D(2024, 2, 16))
    assert PersonStatus.DECEASED == person_status(found, "navalny")
    assert [CustodyStatus.DETAINED, LegalOutcome.CONVICTED, CustodyStatus.DECEASED] == [
        status_history(found, "navalny")[0].custody,
        status_history(found, "navalny")[1].outcome,
        status_history(found, "navalny")[-1].custody,
    ]


def test_a_release_after_a_death_changes_nothing() -> None:
    found = navalny()
    handed_over = Event(
        kind="release",
        date=PartialDate(2024, 2, 24),
        people=("navalny",),
        note="his body is handed over to his mother",
    )
    later = attrs.evolve(found, events=(*found.events, handed_over))
    assert CustodyStatus.DECEASED == custody_on(later, "navalny", D(2024, 3, 1))
    assert status_history(found, "navalny") == status_history(later, "navalny")


def test_an_execution() -> None:
    """Mohsen Shekari, arrested in September 2022 during the protests, sentenced to death by a
    Revolutionary Court in Tehran on 20 November 2022 and executed on 8 December 2022, the first
    execution over the protests (Amnesty International, 8 December 2022).
    """
    found = case(
        "shekari-2022",
        "IRN",
        "Mohsen Shekari executed",
        people=[person("shekari", "Mohsen Shekari")],
        events=[
            event("arrest", "2022-09", "shekari"),
            event("conviction", "2022-11-20", "shekari", note="sentenced to death"),
            event("execution", "2022-12-08", "shekari"),
        ],
    )
    assert CustodyStatus.DETAINED == custody_on(found, "shekari", D(2022, 12, 7))
    assert CustodyStatus.DECEASED == custody_on(found, "shekari", D(2022, 12, 8))
    assert PersonStatus.DECEASED == person_status(found, "shekari")


# -- House arrest, residential surveillance, commutation -----------------------------------------


def suu_kyi() -> Any:
    """Aung San Suu Kyi: detained after the Depayin attack on 30 May 2003 and held under house
    arrest from September 2003; on 11 August 2009 a court sentenced her to three years, which the
    junta commuted the same day to 18 months of further house arrest; freed on 13 November 2010
    when it expired (BBC and Reuters, 11 August 2009 and 13 November 2010).
    """
    return case(
        "suu-kyi-2003",
        "MMR",
        "Aung San Suu Kyi under house arrest",
        people=[person("suu-kyi", "Aung San Suu Kyi")],
        events=[
            event("arrest", "2003-05-30", "suu-kyi"),
            event("house_arrest", "2003-09", "suu-kyi", place="Yangon"),
            event("sentence", "2009-08-11", "suu-kyi"),
            event("commutation", "2009-08-11", "suu-kyi", term_after="P18M"),
            event("release_on_completion", "2010-11-13", "suu-kyi"),
        ],
        sentences=[{"person": "suu-kyi", "term": "P3Y", "imposed_on": "2009-08-11"}],
    )


def test_house_arrest_is_custody_of_its_kind() -> None:
    found = suu_kyi()
    held = standing_on(found, "suu-kyi", D(2005, 1, 1))
    assert (CustodyStatus.DETAINED, CustodyKind.HOUSE_ARREST) == (held.custody, held.custody_kind)
    after = standing_on(found, "suu-kyi", D(2010, 1, 1))
    assert (CustodyStatus.DETAINED, CustodyKind.HOUSE_ARREST) == (after.custody, after.custody_kind)
    freed = standing_on(found, "suu-kyi", D(2010, 11, 13))
    assert (CustodyStatus.RELEASED, None, False) == (
        freed.custody,
        freed.custody_kind,
        freed.assumed,
    )
    assert CustodyStatus.DETAINED == custody_on(found, "suu-kyi", D(2010, 11, 12))


def test_a_commutation_changes_the_term() -> None:
    found = suu_kyi()
    assert (Term(months=18),) == tuple(s.term for s in sentences_after_changes(found, "suu-kyi"))
    before = sentences_after_changes(found, "suu-kyi", D(2009, 8, 10))
    assert (Term(years=3),) == tuple(s.term for s in before)
    assert D(2011, 2, 11) == term_release_on(found, "suu-kyi")


def test_residential_surveillance_is_custody() -> None:
    """Ai Weiwei, detained at Beijing airport on 3 April 2011, held at an undisclosed place under
    residential surveillance, and released on bail on 22 June 2011 (Xinhua and the BBC,
    22 June 2011).
    """
    found = case(
        "ai-weiwei-2011",
        "CHN",
        "Ai Weiwei held in secret for 81 days",
        people=[person("ai-weiwei", "Ai Weiwei")],
        events=[
            event("arrest", "2011-04-03", "ai-weiwei", place="Beijing Capital airport"),
            event("residential_surveillance", "2011-04", "ai-weiwei"),
            event("bail", "2011-06-22", "ai-weiwei"),
        ],
    )
    assert CustodyStatus.DETAINED == custody_on(found, "ai-weiwei", D(2011, 5, 1))
    assert CustodyStatus.ON_BAIL == custody_on(found, "ai-weiwei", D(2011, 6, 22))
    assert 80 == pretrial_detention(found, "ai-weiwei").exact


# -- Terms served, exchanges ----------------------------------------------------------------------


def test_custody_ends_when_an_administrative_arrest_is_served() -> None:
    """Alexei Navalny, detained at the anti-corruption protest in Moscow on 26 March 2017, fined
    20,000 roubles and given 15 days of administrative arrest by the Tverskoy court on 27 March;
    he walked free on 10 April 2017 (Reuters, 10 April 2017).  No release event is entered: the
    term says it, and the fine beside it holds no one.
    """
    found = case(
        "navalny-2017",
        "RUS",
        "Alexei Navalny's 15 days of administrative arrest",
        people=[person("navalny", "Alexei Navalny")],
        events=[
            event("arrest", "2017-03-26", "navalny", place="Pushkin Square, Moscow"),
            event("sentence", "2017-03-27", "navalny"),
        ],
        sentences=[
            {
                "person": "navalny",
                "fine": {"amount": {"amount": "20000", "currency": "RUB"}},
                "imposed_on": "2017-03-27",
                "proceedings": "administrative",
            },
            {
                "person": "navalny",
                "term": "P15D",
                "imposed_on": "2017-03-27",
                "court": "Tverskoy District Court",
                "custody_credited": [{"start": "2017-03-26", "end": "2017-03-27"}],
            },
        ],
    )
    held = standing_on(found, "navalny", D(2017, 4, 9))
    assert (CustodyStatus.DETAINED, False) == (held.custody, held.assumed)
    free = standing_on(found, "navalny", D(2017, 4, 10))
    assert (CustodyStatus.RELEASED, True) == (free.custody, free.assumed)
    assumed = status_history(found, "navalny")[-1]
    assert (D(2017, 4, 10), (0, 1), 1) == (assumed.assumed_on, assumed.sentences, assumed.index)


def test_a_prisoner_exchange() -> None:
    """Vladimir Kara-Murza, arrested in Moscow on 11 April 2022, sentenced to 25 years on
    17 April 2023, freed in the prisoner exchange of 1 August 2024 and flown to Germany (Reuters,
    1 August 2024).
    """
    found = case(
        "kara-murza-2022",
        "RUS",
        "Vladimir Kara-Murza freed in an exchange",
        people=[person("kara-murza", "Vladimir Kara-Murza")],
        events=[
            event("arrest", "2022-04-11", "kara-murza"),
            event("sentence", "2023-04-17", "kara-murza"),
            event("prisoner_exchange", "2024-08-01", "kara-murza", place="Ankara"),
        ],
        sentences=[{"person": "kara-murza", "term": "P25Y", "imposed_on": "2023-04-17"}],
    )
    assert CustodyStatus.DETAINED == custody_on(found, "kara-murza", D(2024, 7, 31))
    assert CustodyStatus.AT_LARGE == custody_on(found, "kara-murza", D(2024, 8, 1))
    assert LegalOutcome.CONVICTED == outcome_on(found, "kara-murza", D(2024, 8, 1))
    assert D(2048, 4, 17) == term_release_on(found, "kara-murza")


# -- Outcomes per charge, re-arrest on the day of an acquittal ------------------------------------


def test_convicted_on_one_charge_and_acquitted_on_another() -> None:
    """Chelsea Manning, held from May 2010; on 30 July 2013 a military judge acquitted her of
    aiding the enemy and convicted her of Espionage Act offences (The Guardian, 30 July 2013).
    """
    found = case(
        "manning-2010",
        "USA",
        "Chelsea Manning convicted of Espionage Act offences",
        people=[person("manning", "Chelsea Manning")],
        charges=[
            {
                "id": "espionage",
                "offence": "violations of the Espionage Act",
                "people": ["manning"],
            },
            {"id": "aiding-the-enemy", "offence": "aiding the enemy", "people": ["manning"]},
        ],
        events=[
            event("arrest", "2010-05", "manning"),
            event("conviction", "2013-07-30", "manning", charges=["espionage"]),
            event("acquittal", "2013-07-30", "manning", charges=["aiding-the-enemy"]),
        ],
    )
    assert LegalOutcome.CONVICTED == outcome_on(found, "manning", D(2013, 8, 1))
    assert CustodyStatus.DETAINED == custody_on(found, "manning", D(2013, 8, 1))
    assert PersonStatus.CONVICTED == person_status(found, "manning")


def test_an_acquittal_on_one_charge_leaves_the_other_pending() -> None:
    found = case(
        "pending",
        "USA",
        "Acquitted on one charge, the other not yet tried",
        people=[person("p", "P")],
        charges=[
            {"id": "a", "offence": "a", "people": ["p"]},
            {"id": "b", "offence": "b", "people": ["p"]},
        ],
        events=[
            event("arrest", "2020-01-01", "p"),
            event("acquittal", "2020-06-01", "p", charges=["a"]),
            event("acquittal", "2020-09-01", "p", charges=["b"]),
        ],
    )
    assert (LegalOutcome.CHARGED, CustodyStatus.DETAINED) == (
        outcome_on(found, "p", D(2020, 7, 1)),
        custody_on(found, "p", D(2020, 7, 1)),
    )
    assert (LegalOutcome.ACQUITTED, CustodyStatus.RELEASED) == (
        outcome_on(found, "p", D(2020, 9, 1)),
        custody_on(found, "p", D(2020, 9, 1)),
    )


def kavala() -> Any:
    """Osman Kavala, detained on 18 October 2017, acquitted in the Gezi Park trial on
    18 February 2020 and detained again that night on a charge over the 2016 coup attempt;
    convicted on 25 April 2022 (Amnesty International, 18 February 2020 and 25 April 2022).
    """
    return case(
        "kavala-2017",
        "TUR",
        "Osman Kavala held, acquitted, re-arrested",
        people=[person("kavala", "Osman Kavala")],
        events=[
            event("arrest", "2017-10-18", "kavala"),
            event("pre_trial_detention", "2017-11-01", "kavala"),
            event("acquittal", "2020-02-18", "kavala"),
            event("arrest", "2020-02-18", "kavala", note="on a new charge over the coup attempt"),
            event("conviction", "2022-04-25", "kavala"),
        ],
    )


def test_a_re_arrest_on_the_day_of_an_acquittal() -> None:
    found = kavala()
    history = status_history(found, "kavala")
    assert [
        (0, CustodyStatus.DETAINED),
        (2, CustodyStatus.RELEASED),
        (3, CustodyStatus.DETAINED),
    ] == [(step.index, step.custody) for step in history if step.custody_changed]
    assert CustodyStatus.DETAINED == custody_on(found, "kavala", D(2020, 2, 18))
    held = (D(2022, 4, 25) - D(2017, 10, 18)).days
    assert held == pretrial_detention(found, "kavala").exact


# -- Organisations and designations ---------------------------------------------------------------


def memorial() -> Any:
    """International Memorial: added to the Ministry of Justice's register of "foreign agents" on
    4 October 2016, and ordered liquidated by Russia's Supreme Court on 28 December 2021
    (Memorial's statement and Reuters, 28 December 2021).
    """
    return case(
        "memorial-2021",
        "RUS",
        "International Memorial liquidated",
        organisations=[{"id": "memorial", "name": "International Memorial", "kind": "ngo"}],
        events=[
            {
                "kind": "designation",
                "date": "2016-10-04",
                "organisations": ["memorial"],
                "designation": {"category": "foreign_agent", "label": "foreign agent"},
                "actor": {"name": "Ministry of Justice", "kind": "ministry"},
            },
            {
                "kind": "liquidation",
                "date": "2021-12-28",
                "organisations": ["memorial"],
                "actor": {"name": "Supreme Court of the Russian Federation", "kind": "court"},
            },
        ],
    )


def test_an_organisation_liquidated() -> None:
    found = memorial()
    assert OrganisationStatus.UNKNOWN == organisation_status_on(found, "memorial", D(2021, 12, 27))
    assert OrganisationStatus.LIQUIDATED == organisation_status_on(
        found, "memorial", D(2021, 12, 28)
    )
    assert [1] == [step.index for step in organisation_history(found, "memorial")][1:]


def test_a_foreign_agent_designation() -> None:
    found = memorial()
    agent = Designation(category=DesignationCategory.FOREIGN_AGENT, label="foreign agent")
    assert () == designations_in_force(found, "memorial", D(2016, 10, 3))
    assert (agent,) == designations_in_force(found, "memorial", D(2016, 10, 4))


def test_designations_accumulate_and_lift() -> None:
    """Meduza: designated a "foreign agent" media outlet on 23 April 2021 and an "undesirable
    organisation" on 26 January 2023 (Meduza and Reuters, 23 April 2021 and 26 January 2023).
    The lifting is made up, to show one: none has been reported.
    """
    found = case(
        "meduza-2021",
        "RUS",
        "Meduza designated",
        organisations=[{"id": "meduza", "name": "Meduza", "kind": "media_outlet"}],
        events=[
            {
                "kind": "designation",
                "date": "2021-04-23",
                "organisations": ["meduza"],
                "designation": {"category": "foreign_agent", "label": "foreign agent"},
            },
            {
                "kind": "designation",
                "date": "2023-01-26",
                "organisations": ["meduza"],
                "designation": {"category": "undesirable", "label": "undesirable organisation"},
            },
            {
                "kind": "designation_lifted",
                "date": "2030-01-01",
                "organisations": ["meduza"],
                "designation": {"category": "foreign_agent"},
            },
        ],
    )
    agent = Designation(category=DesignationCategory.FOREIGN_AGENT, label="foreign agent")
    undesirable = Designation(
        category=DesignationCategory.UNDESIRABLE, label="undesirable organisation"
    )
    assert (agent,) == designations_in_force(found, "meduza", D(2022, 6, 1))
    assert (agent, undesirable) == designations_in_force(found, "meduza", D(2023, 2, 1))
    assert (undesirable,) == designations_in_force(found, "meduza", D(2030, 1, 1))


# -- Incidents that name no one -------------------------------------------------------------------


def test_an_internet_shutdown_names_no_one() -> None:
    """Iran's near-total internet shutdown from 16 November 2019, during the protests over fuel
    prices (NetBlocks and Amnesty International, November 2019).
    """
    document = {
        "type": "case",
        "id": "iran-shutdown-2019",
        "country": "IRN",
        "title": "Iran shuts down the internet during the fuel-price protests",
        "events": [
            {
                "kind": "internet_shutdown",
                "date": "2019-11-16",
                "subject": "internet access across Iran",
            },
            {
                "kind": "protest_dispersal",
                "date": "2019-11-16",
                "subject": "protests over the rise in fuel prices",
                "people_count": 304,
                "people_count_qualifier": "at_least",
                "note": "Amnesty International counted at least 304 people killed",
            },
        ],
    }
    assert [] == civicspace.validate(document)


# -- Sentence changes -----------------------------------------------------------------------------


def reduced(*changes: dict[str, Any]) -> Any:
    """A person held from 2010, sentenced to 33 years on 1 June 2011, and the changes given."""
    return case(
        "reduced",
        "BHR",
        "A 33-year term reduced",
        people=[person("p", "P")],
        events=[
            event("arrest", "2010-03-01", "p"),
            event("sentence", "2011-06-01", "p"),
            *changes,
        ],
        sentences=[{"person": "p", "term": "P33Y", "imposed_on": "2011-06-01"}],
    )


def test_a_partial_pardon_reduces_the_term_without_a_release() -> None:
    found = reduced(event("sentence_reduction", "2020-01-01", "p", reduced_by="P6Y"))
    assert (Term(years=27),) == tuple(s.term for s in sentences_after_changes(found, "p"))
    assert D(2038, 6, 1) == term_release_on(found, "p")
    assert CustodyStatus.DETAINED == custody_on(found, "p", D(2020, 1, 2))
    assert CustodyStatus.DETAINED == custody_on(found, "p", D(2038, 5, 31))
    assert CustodyStatus.RELEASED == custody_on(found, "p", D(2038, 6, 1))
    before = sentences_after_changes(found, "p", D(2019, 12, 31))
    assert (Term(years=33),) == tuple(s.term for s in before)


def test_a_reduction_below_the_time_served_releases_on_the_day_of_the_change() -> None:
    found = reduced(event("commutation", "2020-01-01", "p", term_after="P5Y"))
    assert D(2016, 6, 1) == term_release_on(found, "p")
    assert CustodyStatus.RELEASED == custody_on(found, "p", D(2020, 1, 1))
    assert CustodyStatus.DETAINED == custody_on(found, "p", D(2019, 12, 31))


def test_a_quashed_sentence_no_longer_stands() -> None:
    found = reduced()
    quashed = attrs.evolve(
        found,
        sentences=(attrs.evolve(found.sentences[0], appeal_outcome=AppealOutcome.QUASHED),),
    )
    assert () == sentences_after_changes(quashed, "p")
    assert None is term_release_on(quashed, "p")


# -- What an event may carry ----------------------------------------------------------------------


def codes(document: dict[str, Any]) -> list[tuple[str, str]]:
    """The (path, code) of every issue validation reports."""
    return [(issue.path, issue.code) for issue in civicspace.validate(document)]


def one_event(**fields: Any) -> dict[str, Any]:
    """A case document with one event of the fields given, naming one person."""
    return {
        "type": "case",
        "id": "c",
        "country": "RUS",
        "title": "t",
        "people": [{"id": "p", "name": "P"}],
        "events": [{"people": ["p"], **fields}],
    }


def test_details_only_on_the_kinds_that_carry_them() -> None:
    agent = {"category": "foreign_agent", "label": "inoagent"}
    assert [] == codes(one_event(kind="designation", designation=agent))
    assert [("$.events[0].designation", "event.detail_misplaced")] == codes(
        one_event(kind="arrest", designation=agent)
    )
    assert [("$.events[0].reduced_by", "event.detail_misplaced")] == codes(
        one_event(kind="release_on_completion", reduced_by="P6Y")
    )
    assert [("$.events[0].reduced_by", "event.detail_misplaced")] == codes(
        one_event(kind="commutation", reduced_by="P6Y", term_after="P20Y")
    )
    assert [] == codes(one_event(kind="commutation", term_after="life"))


def test_a_label_of_another_category_is_kept_as_printed() -> None:
    other = one_event(kind="designation", designation={"category": "other"})
    assert ["schema.required"] == [code for _, code in codes(other)]
    printed = {"category": "other", "label": "agent of foreign influence"}
    assert [] == codes(one_event(kind="designation", designation=printed))


def test_the_model_refuses_another_category_without_its_label() -> None:
    with pytest.raises(FieldValueError):
        Designation(category=DesignationCategory.OTHER)
    with pytest.raises(FieldValueError):
        Event(kind="designation", people=("p",), designation="foreign_agent")  # type: ignore[arg-type]


# -- Death sentences ------------------------------------------------------------------------------


def test_a_quashed_death_sentence_no_longer_stands() -> None:
    """Toomaj Salehi, rapper: arrested on 30 October 2022, bailed on 18 November 2023 and
    re-arrested on 30 November 2023; sentenced to death by the Revolutionary Court of Isfahan on
    24 April 2024; the Supreme Court overturned the death sentence on 22 June 2024, as his lawyer
    announced (Reuters and Amnesty International, April and June 2024).
    """
    found = case(
        "salehi-2022",
        "IRN",
        "Toomaj Salehi sentenced to death, the sentence quashed",
        people=[person("salehi", "Toomaj Salehi")],
        events=[
            event("arrest", "2022-10-30", "salehi"),
            event("bail", "2023-11-18", "salehi"),
            event("arrest", "2023-11-30", "salehi"),
            event("sentence", "2024-04-24", "salehi"),
            event(
                "appeal_decision",
                "2024-06-22",
                "salehi",
                actor={"name": "the Supreme Court", "kind": "court"},
            ),
        ],
        sentences=[
            {
                "person": "salehi",
                "death": True,
                "imposed_on": "2024-04-24",
                "court": "Revolutionary Court of Isfahan",
                "court_kind": "revolutionary",
                "appeal_outcome": "quashed",
            }
        ],
    )
    assert () == sentences_after_changes(found, "salehi")
    assert None is term_release_on(found, "salehi")
    assert CustodyStatus.ON_BAIL == custody_on(found, "salehi", D(2023, 11, 20))
    assert CustodyStatus.DETAINED == custody_on(found, "salehi", D(2024, 7, 1))


def test_a_death_sentence_commuted_to_a_term() -> None:
    """Ali al-Nimr, arrested at 17 on 14 February 2012 and sentenced to death by the Specialized
    Criminal Court on 27 May 2014; his sentence was commuted to ten years including time served,
    as Saudi Arabia's Human Rights Commission announced on 7 February 2021 (Reuters, 7 February
    2021).  The term and the custody credited give the day it runs out, not a reported release.
    """
    found = case(
        "al-nimr-2012",
        "SAU",
        "Ali al-Nimr's death sentence commuted",
        people=[person("al-nimr", "Ali al-Nimr")],
        events=[
            event("arrest", "2012-02-14", "al-nimr"),
            event("sentence", "2014-05-27", "al-nimr"),
            event("commutation", "2021-02", "al-nimr", term_after="P10Y"),
        ],
        sentences=[
            {
                "person": "al-nimr",
                "death": True,
                "imposed_on": "2014-05-27",
                "court": "Specialized Criminal Court",
                "court_kind": "counter_terrorism",
                "custody_credited": [{"start": "2012-02-14", "end": "2014-05-27"}],
            }
        ],
    )
    before = sentences_after_changes(found, "al-nimr", D(2021, 1, 1))
    assert [(True, None)] == [(s.death, s.term) for s in before]
    after = sentences_after_changes(found, "al-nimr")
    assert [(None, Term(years=10))] == [(s.death, s.term) for s in after]
    assert D(2022, 2, 14) == term_release_on(found, "al-nimr")
    assert CustodyStatus.DETAINED == custody_on(found, "al-nimr", D(2022, 2, 13))
    assert CustodyStatus.RELEASED == custody_on(found, "al-nimr", D(2022, 2, 14))


# -- Killings, floggings, bans, reclassified charges ----------------------------------------------


def test_a_person_killed_is_deceased(cambodia: Any) -> None:
    # "On July 10, 2016, Kem Ley was shot and killed" (CIVICUS, the Cambodia dataset)
    (kem_ley,) = [case for case in cambodia.cases if any(p.id == "kem-ley" for p in case.people)]
    assert [CustodyStatus.UNKNOWN, CustodyStatus.DECEASED] == [
        custody_on(kem_ley, "kem-ley", on) for on in (D(2016, 7, 9), D(2016, 7, 10))
    ]
    assert PersonStatus.DECEASED == person_status(kem_ley, "kem-ley")


def test_a_person_killed_stays_deceased() -> None:
    """Natalia Estemirova of Memorial, abducted in Grozny and found shot dead the same day, 15 July
    2009 (Human Rights Watch, 15 July 2009); a later event naming her changes nothing."""
    found = case(
        "estemirova-2009",
        "RUS",
        "Natalia Estemirova abducted and killed",
        people=[person("estemirova", "Natalia Estemirova")],
        events=[
            event("disappearance", "2009-07-15", "estemirova", place="Grozny"),
            event("killing", "2009-07-15", "estemirova", place="Ingushetia"),
            event("release", "2009-07-16", "estemirova"),
        ],
    )
    assert [("killing", CustodyStatus.DECEASED)] == [
        (step.event.kind, step.custody) for step in status_history(found, "estemirova")
    ]
    assert CustodyStatus.DECEASED == custody_on(found, "estemirova", D(2010, 1, 1))


def test_an_outlet_banned_until_reinstated() -> None:
    found = case(
        "outlet",
        "MMR",
        "An outlet banned, then allowed to publish again",
        organisations=[{"id": "o", "name": "O", "kind": "media_outlet"}],
        events=[
            {"kind": "ban", "date": "2021-03-09", "organisations": ["o"]},
            {"kind": "reinstatement", "date": "2022-01-01", "organisations": ["o"]},
        ],
    )
    assert [OrganisationStatus.BANNED, OrganisationStatus.OPERATING] == [
        organisation_status_on(found, "o", on) for on in (D(2021, 3, 9), D(2022, 1, 1))
    ]


def test_lashes_only_on_a_corporal_punishment() -> None:
    assert [] == codes(one_event(kind="corporal_punishment", lashes=50))
    assert [("$.events[0].lashes", "event.detail_misplaced")] == codes(
        one_event(kind="ill_treatment", lashes=50)
    )


def test_an_acquittal_on_a_reclassified_charge_decides_the_outcome() -> None:
    # Without replaces, the earlier charge would still stand undecided and keep the person
    # "charged" and held after the acquittal.
    def acquitted(replaces: dict[str, str]) -> Any:
        return case(
            "reclassified",
            "GEO",
            "Acquitted on the charge that replaced the first",
            people=[person("p", "P")],
            charges=[
                {"id": "assault", "offence": "assaulting a police officer", "people": ["p"]},
                {"id": "resistance", "offence": "resistance", "people": ["p"], **replaces},
            ],
            events=[
                event("arrest", "2025-01-12", "p", charges=["assault"]),
                event("acquittal", "2025-08-06", "p", charges=["resistance"]),
            ],
        )

    on = D(2025, 8, 7)
    replaced = acquitted({"replaces": "assault"})
    assert (LegalOutcome.ACQUITTED, CustodyStatus.RELEASED) == (
        outcome_on(replaced, "p", on),
        custody_on(replaced, "p", on),
    )
    both = acquitted({})
    assert (LegalOutcome.CHARGED, CustodyStatus.DETAINED) == (
        outcome_on(both, "p", on),
        custody_on(both, "p", on),
    )


def test_a_charge_replaces_another_of_its_case_never_itself() -> None:
    def charges(*pairs: tuple[str, str | None]) -> dict[str, Any]:
        return {
            "type": "case",
            "id": "c",
            "country": "GEO",
            "title": "t",
            "people": [{"id": "p", "name": "P"}],
            "charges": [
                {"id": name, "offence": name, **({"replaces": old} if old else {})}
                for name, old in pairs
            ],
        }

    assert [] == codes(charges(("a", None), ("b", "a")))
    assert [("$.charges[1].replaces", "case.unresolved_reference")] == codes(
        charges(("a", None), ("b", "z"))
    )
    assert [("$.charges[0].replaces", "case.charge_replaces_itself")] == codes(charges(("a", "a")))
    assert [
        ("$.charges[0].replaces", "case.charge_replaces_itself"),
        ("$.charges[1].replaces", "case.charge_replaces_itself"),
    ] == codes(charges(("a", "b"), ("b", "a")))


def test_psychiatric_detention_is_custody_of_its_kind() -> None:
    """Mikhail Kosenko, a Bolotnaya Square protester, "rearrested in June 2012" and held in
    pre-trial detention; "On 8 October 2013 Mikhail was sentenced to compulsory psychiatric
    treatment"; his appeal dismissed on 25 March 2014 and he was "sent for enforced psychiatric
    treatment" (HRO.org); the ruling that discharged him "entered into force on 21 June 2014"
    (Amnesty International UK).
    """
    found = case(
        "kosenko-2012",
        "RUS",
        "Mikhail Kosenko committed to a psychiatric hospital",
        people=[person("kosenko", "Mikhail Kosenko")],
        events=[
            event("pre_trial_detention", "2012-06", "kosenko"),
            event("conviction", "2013-10-08", "kosenko"),
            event("appeal_decision", "2014-03-25", "kosenko"),
            event("psychiatric_detention", None, "kosenko", place="psychiatric hospital No. 5"),
            event("release", "2014-06-21", "kosenko"),
        ],
    )
    assert [
        ("pre_trial_detention", None),
        ("conviction", None),
        ("psychiatric_detention", CustodyKind.PSYCHIATRIC_DETENTION),
        ("release", None),
    ] == [(step.event.kind, step.custody_kind) for step in status_history(found, "kosenko")]
    assert CustodyStatus.RELEASED == custody_on(found, "kosenko", D(2014, 6, 21))


def test_internment_without_trial_is_custody_of_its_kind() -> None:
    found = case(
        "interned",
        "CHN",
        "Held in a camp without charge, then released",
        people=[person("p", "P")],
        events=[
            event("internment", "2018-04", "p", place="a 'vocational training' centre"),
            event("release", "2019-07", "p"),
        ],
    )
    standing = standing_on(found, "p", D(2018, 12, 1))
    assert (CustodyStatus.DETAINED, CustodyKind.INTERNMENT, LegalOutcome.UNKNOWN) == (
        standing.custody,
        standing.custody_kind,
        standing.outcome,
    )


def test_a_commutation_changes_the_sentence_it_names() -> None:
    # Two sentences of one person; the commutation names the first, imposed earlier. Without
    # sentences it would change the last sentence imposed by then, the second.
    def commuted(**named: Any) -> Any:
        return case(
            "two-sentences",
            "IRN",
            "A death sentence commuted after a later prison sentence",
            people=[person("p", "P")],
            events=[
                event("arrest", "2019-01-10", "p"),
                event("sentence", "2019-06-01", "p"),
                event("sentence", "2020-02-01", "p"),
                event("commutation", "2021-03-01", "p", term_after="P20Y", **named),
            ],
            sentences=[
                {"id": "death", "person": "p", "death": True, "imposed_on": "2019-06-01"},
                {"id": "prison", "person": "p", "term": "P5Y", "imposed_on": "2020-02-01"},
            ],
        )

    named = sentences_after_changes(commuted(sentences=["death"]), "p")
    assert [("death", None, Term(years=20)), ("prison", None, Term(years=5))] == [
        (s.id, s.death, s.term) for s in named
    ]
    unnamed = sentences_after_changes(commuted(), "p")
    assert [("death", True, None), ("prison", None, Term(years=20))] == [
        (s.id, s.death, s.term) for s in unnamed
    ]
    with pytest.raises(civicspace.ValidationError) as caught:
        commuted(sentences=["nine"])
    assert [("$.events[3].sentences[0]", "case.sentence_unknown_reference")] == [
        (issue.path, issue.code) for issue in caught.value.issues
    ]


def test_a_term_counted_from_an_arrest_known_only_to_the_month() -> None:
    # "Two years, counted from his arrest in March 2021": the custody since then is credited, and
    # the release is known to a window, March 2023; inside it status over time cannot tell.
    found = case(
        "counted-from",
        "BLR",
        "Two years counted from an arrest known to the month",
        people=[person("p", "P")],
        events=[
            event("arrest", "2021-03", "p"),
            event("sentence", "2022-01-10", "p"),
        ],
        sentences=[
            {"person": "p", "term": "P2Y", "imposed_on": "2022-01-10", "counted_from": "2021-03"}
        ],
    )
    (sentence,) = found.sentences
    assert (D(2023, 3, 1), D(2023, 3, 31)) == sentence_release_window(sentence)
    assert [
        (CustodyStatus.DETAINED, True),
        (CustodyStatus.DETAINED, False),
        (CustodyStatus.RELEASED, True),
    ] == [
        (standing.custody, standing.certain)
        for standing in (
            standing_on(found, "p", on) for on in (D(2023, 2, 28), D(2023, 3, 15), D(2023, 3, 31))
        )
    ]
    assert None is term_release_on(found, "p")
