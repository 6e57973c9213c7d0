"""Real cases from the world: ``examples/world/`` holds them to the sourcing rule and the answers.

Each ``examples/world/<id>.json`` is one case document encoded from public
reports (human-rights organisations, UN bodies, news agencies); its research
notes, ``examples/world/_research/<id>.json``, keep the passages of each
report exactly as the stored copy printed them.  These tests check that every
document validates and is stored in canonical form, that every quote is one
of those passages' words byte for byte, and, case by case, the answers a
reader asks: status on a date, sentence totals, release dates.
"""

from __future__ import annotations

import datetime
import json
import pathlib
from collections.abc import Iterator
from typing import Any

import pytest

import civicspace
from civicspace._analysis.consistency import ruling_totals
from civicspace._model.cases import Case, person_status, standing_charges_of
from civicspace._model.custody import CustodyKind
from civicspace._model.events import (
    CustodyStatus,
    DesignationCategory,
    LegalOutcome,
    OrganisationStatus,
    PersonStatus,
)
from civicspace._model.people import Gender
from civicspace._model.sentences import (
    AdditionalPenaltyKind,
    AppealOutcome,
    CourtKind,
    DetentionRegime,
    NonCustodialKind,
    Proceedings,
    Sentence,
    account_totals,
    sentence_release_date,
    sentence_release_window,
    served_consecutively,
    time_to_serve,
)
from civicspace._model.standing import (
    custody_on,
    designations_in_force,
    organisation_status_on,
    outcome_on,
    sentences_after_changes,
    standing_on,
    status_history,
    term_release_on,
)
from civicspace._model.terms import LIFE, Term, add_term
from civicspace._readers.penalties import parse_penalty
from civicspace.errors import SentenceError

WORLD = pathlib.Path(__file__).parent.parent / "examples" / "world"
RESEARCH = WORLD / "_research"
FILES = sorted(WORLD.glob("*.json"))
day = datetime.date


def _document(name: str) -> dict[str, Any]:
    return json.loads((WORLD / f"{name}.json").read_text(encoding="utf-8"))


def _case(name: str) -> Case:
    case = civicspace.load(_document(name))
    assert isinstance(case, Case)
    return case


def _sources(obj: Any, path: str = "$") -> Iterator[tuple[str, dict[str, Any]]]:
    """Every source object inside a JSON document, with its path."""
    if isinstance(obj, dict):
        for key, value in obj.items():
            if key == "sources":
                for index, source in enumerate(value):
                    yield f"{path}.sources[{index}]", source
            else:
                yield from _sources(value, f"{path}.{key}")
    elif isinstance(obj, list):
        for index, item in enumerate(obj):
            yield from _sources(item, f"{path}[{index}]")


def test_at_least_twelve_cases_from_ten_countries() -> None:
    countries = {_document(path.stem)["country"] for path in FILES}
    assert (len(FILES) >= 12, len(countries) >= 10) == (True, True)


@pytest.mark.parametrize("path", FILES, ids=[path.stem for path in FILES])
def test_validates_and_is_canonical(path: pathlib.Path) -> None:
    text = path.read_text(encoding="utf-8")
    document = json.loads(text)
    assert [] == [(issue.path, issue.code) for issue in civicspace.validate(text)]
    assert document == civicspace.dump(civicspace.load(document))
    assert text == json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    assert path.stem == document["id"]


@pytest.mark.parametrize("path", FILES, ids=[path.stem for path in FILES])
def test_every_quote_is_a_passage_of_its_report_byte_for_byte(path: pathlib.Path) -> None:
    """Each quote sits in a passage kept from the report its url names, with its publisher."""
    notes = json.loads((RESEARCH / path.name).read_text(encoding="utf-8"))
    reports = {report["url"]: report for report in notes["sources"]}
    unmatched = []
    for where, source in _sources(json.loads(path.read_text(encoding="utf-8"))):
        report = reports.get(source.get("url", ""), {})
        exact = any(source.get("quote", "\0") in passage for passage in report.get("passages", ()))
        if not exact or source.get("publisher") != report.get("publisher"):
            unmatched.append(where)
    assert [] == unmatched


@pytest.mark.parametrize("path", FILES, ids=[path.stem for path in FILES])
def test_every_event_sentence_and_charge_is_sourced(path: pathlib.Path) -> None:
    document = json.loads(path.read_text(encoding="utf-8"))
    unsourced = [
        f"{member}[{index}]"
        for member in ("events", "sentences", "charges")
        for index, item in enumerate(document.get(member, ()))
        if not item.get("sources")
    ]
    assert [] == unsourced


# -- The answers, case by case ---------------------------------------------------------------------


def _sentences_of(case: Case, person: str) -> list[Sentence]:
    return [sentence for sentence in case.sentences if sentence.person == person]


def test_bialiatski_ten_years_and_co_defendants_totals() -> None:
    # "was sentenced on Friday by a Minsk court to 10 years in a penal colony"
    case = _case("bialiatski-viasna-2023")
    totals = account_totals(case.sentences)
    assert (4, 34 * 12) == (totals.sentences, totals.minimum_months)
    assert PersonStatus.CONVICTED_IN_ABSENTIA == person_status(case, "zmitser-salaujou")
    assert CustodyStatus.DETAINED == custody_on(case, "ales-bialiatski", day(2024, 1, 1))
    assert LegalOutcome.CONVICTED == outcome_on(case, "ales-bialiatski", day(2024, 1, 1))


def test_mzia_amaglobeli_two_years_counted_from_her_arrest() -> None:
    # "The sentence is to be counted from the date of her arrest, 12 January 2025."
    case = _case("mzia-amaglobeli-2025")
    (sentence,) = case.sentences
    assert day(2027, 1, 12) == sentence_release_date(sentence)
    assert ("2025-01-12", ()) == (str(sentence.counted_from), sentence.custody_credited)
    assert CustodyStatus.DETAINED == custody_on(case, "mzia-amaglobeli", day(2026, 1, 1))
    assert LegalOutcome.CONVICTED == outcome_on(case, "mzia-amaglobeli", day(2026, 1, 1))


def test_loujain_al_hathloul_two_years_ten_months_to_serve() -> None:
    # "The court suspended two years and 10 months of her sentence"
    case = _case("loujain-al-hathloul-2018-2021")
    (sentence,) = case.sentences
    start = day(2018, 5, 15)
    assert day(2021, 3, 15) == sentence_release_date(sentence, start)
    assert CustodyStatus.RELEASED == custody_on(case, "loujain-al-hathloul", day(2021, 6, 1))
    assert LegalOutcome.CONVICTED == outcome_on(case, "loujain-al-hathloul", day(2021, 6, 1))


def test_alaa_abd_el_fattah_pardoned_after_almost_six_years() -> None:
    # "President Abdel Fattah al-Sisi had issued a presidential pardon"
    case = _case("alaa-abd-el-fattah-2019-2025")
    assert CustodyStatus.DETAINED == custody_on(case, "alaa-abd-el-fattah", day(2024, 12, 1))
    assert CustodyStatus.RELEASED == custody_on(case, "alaa-abd-el-fattah", day(2025, 10, 1))
    assert LegalOutcome.PARDONED == outcome_on(case, "alaa-abd-el-fattah", day(2025, 10, 1))
    assert CustodyStatus.DETAINED == custody_on(case, "mohamed-el-baqer", day(2022, 1, 1))
    totals = account_totals(case.sentences)
    assert 13 * 12 == totals.minimum_months
    (alaa,) = _sentences_of(case, "alaa-abd-el-fattah")
    assert day(2026, 12, 20) == sentence_release_date(alaa)


def test_ilham_tohti_life_has_no_release_date() -> None:
    # "zu lebenslanger Haft verurteilt"
    case = _case("ilham-tohti-2014")
    (sentence,) = case.sentences
    with pytest.raises(SentenceError):
        sentence_release_date(sentence, day(2014, 9, 23))
    totals = account_totals(case.sentences)
    assert (1, Term()) == (totals.life, totals.term_minimum)
    assert CustodyStatus.DETAINED == custody_on(case, "ilham-tohti", day(2020, 1, 1))


def test_maria_ressa_convicted_of_cyber_libel_acquitted_of_tax_free_on_bail() -> None:
    # "convicted of cyber libel"; "acquitted by the Court of Tax Appeals (CTA) on 4 counts"
    case = _case("maria-ressa-2020-2023")
    (sentence,) = _sentences_of(case, "maria-ressa")
    totals = account_totals([sentence])
    assert (6, 72) == (totals.minimum_months, totals.maximum_months)
    assert LegalOutcome.CONVICTED == outcome_on(case, "maria-ressa", day(2023, 10, 1))
    assert CustodyStatus.ON_BAIL == custody_on(case, "maria-ressa", day(2023, 10, 1))


def test_osman_kavala_held_throughout_and_convicted_though_acquitted_of_espionage() -> None:
    # "He was cleared of these charges in February 2020, but was immediately arrested"
    # "The court said it decided to acquit Kavala of espionage charge"
    case = _case("osman-kavala-2017-2022")
    assert CustodyStatus.DETAINED == custody_on(case, "osman-kavala", day(2020, 6, 1))
    assert CustodyStatus.DETAINED == custody_on(case, "osman-kavala", day(2022, 6, 1))
    assert LegalOutcome.CONVICTED == outcome_on(case, "osman-kavala", day(2022, 6, 1))
    totals = account_totals(case.sentences)
    assert (1, 7 * 18 * 12) == (totals.life, totals.minimum_months)


def test_myanmar_reporters_two_years_each_from_a_military_court() -> None:
    case = _case("myanmar-dvb-mizzima-2021")
    assert 48 == account_totals(case.sentences).minimum_months
    assert [CustodyStatus.DETAINED] * 2 == [
        custody_on(case, person, day(2021, 7, 1)) for person in ("aung-kyaw", "zaw-zaw")
    ]
    assert day(2023, 6, 2) == sentence_release_date(_sentences_of(case, "zaw-zaw")[0])


def test_salma_al_shehab_thirty_four_years() -> None:
    case = _case("salma-al-shehab-2021-2022")
    (sentence,) = case.sentences
    assert 34 * 12 == account_totals([sentence]).minimum_months
    assert day(2056, 8, 15) == sentence_release_date(sentence)
    assert 12419 == time_to_serve(sentence)


def test_status_history_steps_are_in_event_order() -> None:
    case = _case("toomaj-salehi-2022-2024")
    indices = [step.index for step in status_history(case, "toomaj-salehi")]
    assert sorted(indices) == indices


def test_navalny_died_in_custody_neither_released_nor_detained() -> None:
    # "Alexei Navalny died aged 47 on 16 February 2024 in a penal colony"
    case = _case("navalny-2021-2024")
    assert CustodyStatus.DETAINED == custody_on(case, "alexei-navalny", day(2024, 1, 1))
    assert CustodyStatus.DECEASED == custody_on(case, "alexei-navalny", day(2024, 3, 1))
    assert PersonStatus.DECEASED == person_status(case, "alexei-navalny")
    assert LegalOutcome.CONVICTED == outcome_on(case, "alexei-navalny", day(2024, 3, 1))
    regimes = [sentence.regime for sentence in case.sentences]
    assert [
        None,
        None,
        DetentionRegime.STRICT_REGIME_COLONY,
        DetentionRegime.SPECIAL_REGIME_COLONY,
    ] == regimes
    # "as well as one and a half years of restriction of freedom"
    (restriction,) = case.sentences[2].additional_penalties
    assert (AdditionalPenaltyKind.RESTRICTED_FREEDOM, Term(years=1, months=6)) == (
        restriction.kind,
        restriction.term,
    )


def test_navalny_house_arrest_is_custody_and_administrative_arrests_end_when_served() -> None:
    # "placed under house arrest"; "dal 30 dicembre 2014 al 18 febbraio 2015"
    # "sentenced to 30 days' administrative arrest" (25 days in another account)
    case = _case("navalny-2014-2017")
    navalny = "alexei-navalny"
    assert CustodyStatus.DETAINED == custody_on(case, navalny, day(2014, 3, 15))
    assert CustodyStatus.RELEASED == custody_on(case, navalny, day(2015, 3, 1))
    fifteen_days = case.sentences[2]
    assert (15, day(2017, 4, 11)) == (
        time_to_serve(fifteen_days),
        sentence_release_date(fifteen_days),
    )
    administrative = [s for s in case.sentences if s.proceedings is Proceedings.ADMINISTRATIVE]
    assert [None, Term(days=30), Term(days=25)] == [s.term for s in administrative]
    assert CustodyStatus.DETAINED == custody_on(case, navalny, day(2017, 3, 30))
    assert CustodyStatus.DETAINED == custody_on(case, navalny, day(2017, 6, 20))


def test_toomaj_salehi_quashed_death_sentence_no_longer_stands() -> None:
    # "On 22 June 2024, the Supreme Court overturned the death sentence"
    case = _case("toomaj-salehi-2022-2024")
    death = _sentences_of(case, "toomaj-salehi")[1]
    assert (True, CourtKind.REVOLUTIONARY, AppealOutcome.QUASHED) == (
        death.death,
        death.court_kind,
        death.appeal_outcome,
    )
    with pytest.raises(SentenceError):
        sentence_release_date(death, day(2024, 4, 23))
    standing = [s for s in case.sentences if s.appeal_outcome is not AppealOutcome.QUASHED]
    assert (1, 0) == (account_totals(case.sentences).death, account_totals(standing).death)
    assert CustodyStatus.DETAINED == custody_on(case, "toomaj-salehi", day(2024, 7, 1))


def test_narges_mohammadi_lashes_add_no_months() -> None:
    # "2 1/2 years in prison, 80 lashes"; "eight years and two months in prison; two years in
    # internal “exile”"
    case = _case("narges-mohammadi-2021-2022")
    totals = account_totals(case.sentences)
    assert (128, 80) == (totals.minimum_months, totals.lashes)
    assert Term(years=10, months=8) == served_consecutively(case.sentences)
    (exile,) = case.sentences[1].additional_penalties
    assert (AdditionalPenaltyKind.INTERNAL_EXILE, Term(years=2)) == (exile.kind, exile.term)
    assert CustodyStatus.DETAINED == custody_on(case, "narges-mohammadi", day(2022, 2, 1))


def test_raif_badawi_released_on_completion_then_banned_from_travel() -> None:
    # "10 years behind bars, 1,000 lashes, a 10-year travel ban"; "Released on Friday, March 11"
    case = _case("raif-badawi-2012-2022")
    (sentence,) = case.sentences
    assert (120, 1000) == (
        account_totals(case.sentences).minimum_months,
        account_totals(case.sentences).lashes,
    )
    assert CustodyStatus.RELEASED == custody_on(case, "raif-badawi", day(2022, 6, 1))
    assert LegalOutcome.CONVICTED == outcome_on(case, "raif-badawi", day(2022, 6, 1))
    ban = next(
        p for p in sentence.additional_penalties if p.kind is AdditionalPenaltyKind.TRAVEL_BAN
    )
    assert day(2032, 3, 11) == add_term(day(2022, 3, 11), ban.term)


def test_ilham_tohti_life_with_political_rights_and_property_taken() -> None:
    case = _case("ilham-tohti-2014")
    (sentence,) = case.sentences
    assert [
        (AdditionalPenaltyKind.DEPRIVATION_OF_POLITICAL_RIGHTS, LIFE),
        (AdditionalPenaltyKind.CONFISCATION_OF_PROPERTY, None),
    ] == [(p.kind, p.term) for p in sentence.additional_penalties]
    assert CustodyStatus.DETAINED == custody_on(case, "ilham-tohti", day(2014, 3, 1))


def test_osman_kavala_aggravated_life_counts_as_life() -> None:
    case = _case("osman-kavala-2017-2022")
    totals = account_totals(case.sentences)
    assert (1, 1) == (totals.life, totals.aggravated_life)


def test_nicaraguans_released_expelled_and_stripped_of_nationality() -> None:
    # "the United States received 222 political prisoners released by Nicaragua"
    case = _case("nicaragua-222-2023")
    assert CustodyStatus.AT_LARGE == custody_on(case, "felix-maradiaga", day(2023, 3, 1))
    assert [222, 222, 222] == [event.people_count for event in case.events]
    assert "deprivation_of_nationality" == case.events[-1].kind


def test_iran_internet_shutdown_concerns_no_named_person() -> None:
    # "Iran’s government cut off the Internet for over 80 million people"
    case = _case("iran-internet-shutdown-2019")
    (event,) = case.events
    assert ("internet_shutdown", (), ()) == (event.kind, event.people, event.organisations)


def test_designations_as_printed() -> None:
    memorial = _case("memorial-liquidation-2021").events[0].designation
    muratov = _case("muratov-foreign-agent-2023").events[0].designation
    assert (DesignationCategory.FOREIGN_AGENT, "foreign-agent NGO") == (
        memorial.category,
        memorial.label,
    )
    assert (DesignationCategory.FOREIGN_AGENT, "foreign agent") == (
        muratov.category,
        muratov.label,
    )


def test_memorial_liquidated_and_designated_a_foreign_agent() -> None:
    # "liquidated the Memorial International society (designated as a foreign-agent NGO)"
    case = _case("memorial-liquidation-2021")
    on = day(2022, 1, 1)
    status_on, in_force = organisation_status_on, designations_in_force
    assert OrganisationStatus.LIQUIDATED == status_on(case, "memorial-international", on)
    assert [(DesignationCategory.FOREIGN_AGENT, "foreign-agent NGO")] == [
        (d.category, d.label) for d in in_force(case, "memorial-international", on)
    ]
    # the Moscow City Court's hearing was only scheduled: nothing changed for the other Memorial
    assert OrganisationStatus.UNKNOWN == status_on(case, "memorial-hrc", on)


def test_muratov_foreign_agent_from_1_september_2023() -> None:
    # "On 1 September 2023, the Russian Ministry of Justice designated ... Dmitry Muratov"
    case = _case("muratov-foreign-agent-2023")
    in_force = designations_in_force
    assert () == in_force(case, "dmitry-muratov", day(2023, 8, 31))
    assert [DesignationCategory.FOREIGN_AGENT] == [
        d.category for d in in_force(case, "dmitry-muratov", day(2023, 9, 1))
    ]


def test_apple_daily_closed_and_myanmar_outlets_banned() -> None:
    status_on = organisation_status_on
    apple = _case("apple-daily-jimmy-lai")
    assert OrganisationStatus.CLOSED == status_on(apple, "apple-daily", day(2021, 7, 1))
    assert CustodyStatus.DETAINED == custody_on(apple, "jimmy-lai", day(2025, 12, 31))
    # "Military authorities banned both independent news outlets on March 9"
    myanmar = _case("myanmar-dvb-mizzima-2021")
    assert [("dvb", "mizzima")] == [e.organisations for e in myanmar.events if e.kind == "ban"]
    assert [OrganisationStatus.UNKNOWN, OrganisationStatus.BANNED] * 2 == [
        status_on(myanmar, outlet, on)
        for outlet in ("dvb", "mizzima")
        for on in (day(2021, 3, 8), day(2021, 3, 9))
    ]


def test_navalny_held_under_house_arrest_past_his_suspended_sentence() -> None:
    # "His house arrest ended." (18 February 2015), after the suspended sentence of 30 December
    # 2014: the release the case records says when custody ended, not the sentence.
    case = _case("navalny-2014-2017")
    navalny = "alexei-navalny"
    standing = standing_on(case, navalny, day(2015, 1, 15))
    assert (CustodyStatus.DETAINED, CustodyKind.HOUSE_ARREST, LegalOutcome.CONVICTED) == (
        standing.custody,
        standing.custody_kind,
        standing.outcome,
    )
    assert CustodyStatus.RELEASED == custody_on(case, navalny, day(2015, 2, 18))


def test_raif_badawi_flogged_once_of_a_thousand_lashes() -> None:
    # "Saudi Arabian activist Raif Badawi has been lashed 50 times"; "After the outcry, he was
    # not lashed again."
    case = _case("raif-badawi-2012-2022")
    (flogging,) = [event for event in case.events if event.kind == "corporal_punishment"]
    assert (50, 1000) == (flogging.lashes, account_totals(case.sentences).lashes)
    assert [CustodyStatus.DETAINED] * 2 == [
        custody_on(case, "raif-badawi", on) for on in (day(2015, 1, 8), day(2015, 1, 10))
    ]


def test_mzia_amaglobeli_convicted_on_the_reclassified_charge() -> None:
    # "Amaghlobeli was initially charged with assaulting a police officer ... which was
    # reclassified on August 6 to a charge under part 1 of Article 353"
    case = _case("mzia-amaglobeli-2025")
    assert frozenset({"resistance"}) == standing_charges_of(case, "mzia-amaglobeli")
    assert [("resistance", "assault-on-police")] == [
        (charge.id, charge.replaces) for charge in case.charges if charge.replaces
    ]
    assert LegalOutcome.CONVICTED == outcome_on(case, "mzia-amaglobeli", day(2025, 8, 7))


def test_administrative_arrest_ends_when_served() -> None:
    # "ruled to arrest Russian opposition figure Alexei Navalny for 15 days"
    case = _case("navalny-2014-2017")
    assert CustodyStatus.RELEASED == custody_on(case, "alexei-navalny", day(2017, 4, 20))


def test_quashed_death_sentence_no_longer_stands_after_changes() -> None:
    case = _case("toomaj-salehi-2022-2024")
    after = sentences_after_changes(case, "toomaj-salehi")
    assert (0, 75) == (account_totals(after).death, account_totals(after).minimum_months)


def test_abdulhadi_al_khawaja_life_from_a_military_court() -> None:
    # "condamné par un tribunal militaire à la détention à perpétuité en juin 2011"
    case = _case("abdulhadi-al-khawaja-2011")
    (sentence,) = case.sentences
    assert (LIFE, CourtKind.MILITARY) == (sentence.term, sentence.court_kind)
    with pytest.raises(SentenceError):
        sentence_release_date(sentence, day(2011, 6, 22))
    assert CustodyStatus.DETAINED == custody_on(case, "abdulhadi-al-khawaja", day(2012, 4, 25))
    assert ["arrest", "ill_treatment", "sentence", "hunger_strike"] == [
        event.kind for event in case.events
    ]


def test_jimmy_lai_held_since_2020_and_sentenced_to_twenty_years() -> None:
    # "Lai, 78, was arrested in August 2020"; "é condenado a 20 anos de prisão"
    case = _case("apple-daily-jimmy-lai")
    assert CustodyStatus.DETAINED == custody_on(case, "jimmy-lai", day(2024, 1, 1))
    assert LegalOutcome.CONVICTED == outcome_on(case, "jimmy-lai", day(2026, 3, 1))
    assert 240 == account_totals(case.sentences).minimum_months
    assert ["search", "asset_freeze", "closure"] == [
        event.kind for event in case.events if event.organisations == ("apple-daily",)
    ]


def test_memorial_hearing_was_only_scheduled() -> None:
    # "tomorrow the Mos-cow City Court will consider a similar claim"
    case = _case("memorial-liquidation-2021")
    assert [True, True, True, False] == [event.happened for event in case.events]


def test_hong_kong_warrants_for_activists_abroad_change_no_custody() -> None:
    # "Hong Kong police on Monday issued arrest warrants and offered bounties for eight
    # activists and former lawmakers who have fled the city"
    case = _case("hong-kong-bounties-2023")
    (warrant,) = [event for event in case.events if event.kind == "arrest_warrant"]
    assert (8, 8) == (len(warrant.people), warrant.people_count)
    after = day(2023, 7, 4)
    assert [(LegalOutcome.CHARGED, CustodyStatus.UNKNOWN)] * 8 == [
        (outcome_on(case, person, after), custody_on(case, person, after))
        for person in warrant.people
    ]
    assert [False] == [event.happened for event in case.events if event.kind == "asset_freeze"]


def test_memorial_fined_as_a_foreign_agent_before_its_liquidation() -> None:
    # "Moscow's Tverskoi Court has fined the human rights society Memorial 300,000 rubles"
    case = _case("memorial-liquidation-2021")
    (fine,) = [event for event in case.events if event.kind == "fine"]
    assert fine.fine is not None
    assert ("300000", "RUB") == (str(fine.fine.amount.amount), fine.fine.amount.currency)
    memorial = "memorial-international"
    assert OrganisationStatus.UNKNOWN == organisation_status_on(case, memorial, day(2019, 10, 23))


def test_osman_kavala_held_after_the_european_court_called_for_his_release() -> None:
    # "The European Court of Human Rights (ECHR) has ruled that Turkey violated the rights of
    # Osman Kavala ... while also calling for his immediate release."
    case = _case("osman-kavala-2017-2022")
    (ruling,) = [event for event in case.events if event.kind == "international_ruling"]
    assert "The European Court of Human Rights" == (ruling.actor and ruling.actor.name)
    assert CustodyStatus.DETAINED == custody_on(case, "osman-kavala", day(2019, 12, 11))


def test_ages_and_genders_as_the_reports_give_them() -> None:
    # "The 34-year-old, who has two young children, was arrested ... to see her family."
    # "Alexei Navalny died aged 47 on 16 February 2024"
    shehab = _case("salma-al-shehab-2021-2022").person("salma-al-shehab")
    navalny = _case("navalny-2021-2024").person("alexei-navalny")
    assert (Gender.WOMAN, 34, "2022-08-17") == (
        shehab.gender,
        shehab.age and shehab.age.years,
        str(shehab.age and shehab.age.on),
    )
    assert (None, 47, "2024-02-16") == (
        navalny.gender,
        navalny.age and navalny.age.years,
        str(navalny.age and navalny.age.on),
    )


# -- What a sentence could not say before: amountless fines, penalties beside a term, relations,
# -- releases known to a window


def test_navalny_real_term_includes_the_revoked_suspended_sentence() -> None:
    # "replaced his suspended sentence in the Yves Rocher case of 2014 with a real one";
    # "He will spend 2 years and 8 months in the colony"
    case = _case("navalny-2021-2024")
    suspended, real, fraud, extremism = case.sentences
    assert ("yves-rocher-2014", ("yves-rocher-2014",)) == (suspended.id, real.includes)
    # The suspended 3.5 years no longer count on their own: 2y8m + 9y + 19y, not 3y6m more.
    assert Term(years=30, months=8) == account_totals(case.sentences).term_minimum
    assert 3 == account_totals(case.sentences).sentences
    standing = sentences_after_changes(case, "alexei-navalny")
    assert [real, fraud, extremism] == list(standing)
    # Before the real term was imposed, the suspended sentence stood on its own.
    assert suspended in sentences_after_changes(case, "alexei-navalny", day(2021, 1, 1))
    assert Term(years=30, months=8) == ruling_totals(case).term_minimum


def test_navalny_fraud_sentence_of_march_2022_ends_within_a_window() -> None:
    # "in March 2022, the Lefortovo Court of Moscow ... sentenced the politician to 9 years of
    # strict regime and a fine of 1.2 million rub."
    case = _case("navalny-2021-2024")
    fraud = case.sentences[2]
    assert (day(2031, 3, 1), day(2031, 3, 31)) == sentence_release_window(fraud)
    with pytest.raises(SentenceError):
        sentence_release_date(fraud)


def test_navalny_thirty_days_of_june_2017_end_within_a_window() -> None:
    # "Earlier on June 12, Alexei Navalny, 41, was detained"; "sentenced to 30 days’
    # administrative arrest" in June 2017: out between 12 July (sentenced on the day of the
    # arrest) and 30 July (on 30 June).
    case = _case("navalny-2014-2017")
    navalny = "alexei-navalny"
    (step,) = [s for s in status_history(case, navalny) if s.assumed_until is not None]
    assert (day(2017, 7, 12), day(2017, 7, 30)) == (step.assumed_on, step.assumed_until)
    before, inside, after = (
        standing_on(case, navalny, on)
        for on in (day(2017, 7, 11), day(2017, 7, 20), day(2017, 7, 30))
    )
    assert (CustodyStatus.DETAINED, True) == (before.custody, before.certain)
    assert (CustodyStatus.DETAINED, False) == (inside.custody, inside.certain)
    assert (CustodyStatus.RELEASED, True, True) == (after.custody, after.certain, after.assumed)


def test_narges_mohammadi_two_fines_without_amounts() -> None:
    # "sentenced the activist to 2 1/2 years in prison, 80 lashes, and two separate fines"
    case = _case("narges-mohammadi-2021-2022")
    first = case.sentences[0]
    assert [NonCustodialKind.FINE, NonCustodialKind.FINE] == [p.kind for p in first.non_custodial]
    totals = account_totals(case.sentences)
    assert (2, ()) == (totals.unstated_fines, totals.fines)
    # Sentenced in January 2022, after the hearing of 4 January, to eight years and two months:
    # out between 4 and 31 March 2030, not known to the day.
    assert None is term_release_on(case, "narges-mohammadi")
    assert False is standing_on(case, "narges-mohammadi", day(2030, 3, 10)).certain


def test_probation_and_restricted_freedom_beside_a_term() -> None:
    # "a suspended sentence of three years and six months in prison and five years' probation";
    # "which includes three years of probation and five years of a travel ban"
    navalny = _case("navalny-2014-2017").sentences[0]
    hathloul = _case("loujain-al-hathloul-2018-2021").sentences[0]
    assert [(AdditionalPenaltyKind.PROBATION, Term(years=5))] == [
        (p.kind, p.term) for p in navalny.additional_penalties
    ]
    assert (AdditionalPenaltyKind.PROBATION, Term(years=3)) in [
        (p.kind, p.term) for p in hathloul.additional_penalties
    ]
    assert Term() == account_totals([navalny]).term_minimum - Term(years=3, months=6)


def test_the_reader_reads_the_printed_lines() -> None:
    # The lines above, as printed, read into the members the examples hold.
    fraud = parse_penalty(
        "9 years in a strict-regime colony, as well as one and a half years of restriction of "
        "freedom"
    )
    assert [(AdditionalPenaltyKind.RESTRICTED_FREEDOM, Term(years=1, months=6))] == [
        (p.kind, p.term) for p in fraud.additional_penalties
    ]
    mohammadi = parse_penalty("2 and a half years in prison, 80 lashes, and two separate fines")
    assert (2, 80) == (len(mohammadi.non_custodial), mohammadi.lashes)
