"""The Cambodia dataset says what the source texts say: no more, no less.

Each test quotes the line of tests/data/sources/civicus-cambodia-articles.txt it rests on.
"""

from __future__ import annotations

import pathlib

import attrs

import civicspace
from civicspace.collection import Collection

SOURCE_TEXT = pathlib.Path(__file__).parent / "data" / "sources" / "civicus-cambodia-articles.txt"


def _case(collection: Collection, case_id: str) -> civicspace.Case:
    return next(case for case in collection.cases if case.id == case_id)


def _statement(collection: Collection, statement_id: str) -> civicspace.Statement:
    return next(s for s in collection.statements if s.id == statement_id)


def _law(collection: Collection, law_id: str) -> civicspace.Law:
    return next(law for law in collection.laws if law.id == law_id)


def test_the_ansa_signatory_is_spelled_as_printed(cambodia: Collection) -> None:
    # L628: "9. Affiliated Network for Social Accountability (ANSA) Cambodia"
    statement = _statement(cambodia, "charges-against-journalists-joint-statement")
    signatory = statement.signatories[8]
    assert "Affiliated Network for Social Accountability (ANSA) Cambodia" == signatory.name
    assert "ANSA" == signatory.acronym


def test_the_hrc51_benchmarks_are_demands_in_the_texts_words(cambodia: Collection) -> None:
    # L322: "We call on the Council to take note of the benchmarks ... specifically:"
    # L324-326: three bullets, each a benchmark of its own.
    statement = _statement(cambodia, "hrc51-oral-statement-cambodia")
    expected = [
        "step up efforts to address these violations",
        "take note of the benchmarks set out in the Special Rapporteur’s report, particularly"
        " those relating to the opening up of civic and political space and ceasing the"
        " persecution of human rights defenders",
        "Release detained human rights defenders and political dissidents and drop the charges"
        " against them",
        "Desist from applying and reform draconian laws including the Law on Associations and"
        " Non-Governmental Organizations (LANGO)",
        "Restore and re-enfranchise a variety of political parties, and ensure free and fair"
        " elections.",
        "be prepared to take stronger action by way of a stronger monitoring mandate",
    ]
    assert expected == [demand.text for demand in statement.demands]
    assert all("; " not in demand.text for demand in statement.demands)
    # The benchmarks are the Special Rapporteur's; the text names no one of whom each is asked.
    assert [None, None, None] == [demand.addressee for demand in statement.demands[2:5]]


def test_only_the_khmer_thavrak_members_and_sar_kanika_were_said_to_be_denied_bail(
    cambodia: Collection,
) -> None:
    # L561: "Many of the activists arrested remain in detention and have also been denied
    # bail. They include ... members of Khmer Thavrak and Sar Kanika ... Others detained
    # include Muong Sopheak and Mean Prommony, ... (KSILA)."
    summary = _case(cambodia, "rong-chhun-2020").summary or ""
    assert "KSILA were also detained" in summary
    assert "Khmer Thavrak and KSILA" not in summary


def test_kem_leys_family_is_counted_not_named_and_given_no_status(
    cambodia: Collection,
) -> None:
    # L501: "Soon after his death, Kem Ley’s then-pregnant wife and four sons fled Cambodia
    # fearing for their lives. Australia granted them asylum ..."
    case = _case(cambodia, "kem-ley-2016")
    assert ["kem-ley", "oeuth-ang"] == [person.id for person in case.people]
    (exile,) = [event for event in case.events if event.kind == "exile"]
    assert (5, ()) == (exile.people_count, exile.people)
    assert "at_large" not in {s.value for s in civicspace.cases.case_statuses(case).values()}
    summary = civicspace.analysis.summarise(cambodia)
    assert civicspace.cases.PersonStatus.AT_LARGE not in summary.people_by_status


def test_articles_494_and_495_carry_no_heading_the_text_never_gives(
    cambodia: Collection,
) -> None:
    # L602: "both were charged with incitement to commit a felony under Articles 494 and 495
    # of the Cambodian Criminal Code" -- cited together; no text says which defines what.
    code = _law(cambodia, "khm/code/criminal-code")
    articles = {article.number: article for article in code.articles}
    assert (None, None) == (articles["494"].heading, articles["495"].heading)
    assert ((), ()) == (articles["494"].restricts, articles["495"].restricts)


def test_no_role_is_given_that_no_sentence_states(cambodia: Collection) -> None:
    # L505: "in relation to a Facebook post that criticized the government" says why he was
    # sentenced, not what he is; "youth activist Kong Raiya" is what the text calls him.
    roles = {
        role.value for case in cambodia.cases for person in case.people for role in person.roles
    }
    assert "online_critic" not in roles
    assert "family_member" not in roles


def test_a_restricted_freedom_is_named_by_a_quote_of_its_feature(cambodia: Collection) -> None:
    # L236: "The draft law bestows executive power to ban or restrict meetings" (assembly);
    # L240: "... to protect freedom of expression and assembly, as well as the right to
    # privacy"; L266: "... clamp down on freedom of expression online and erode privacy rights."
    words = {
        "assembly": ("assembly", "meetings", "protest"),
        "association": ("organisations", "CSOs"),
        "expression": ("expression",),
        "privacy": ("privacy",),
    }
    unsupported = []
    for law in cambodia.laws:
        for feature in law.features:
            quotes = " ".join(source.quote or "" for source in feature.sources)
            for freedom in feature.restricts:
                if not any(word in quotes for word in words.get(freedom.value, (freedom.value,))):
                    unsupported.append((law.id, str(feature.feature), freedom.value))
    assert [] == unsupported


def test_a_restricted_freedom_the_quotes_do_not_name_is_marked_as_a_reading(
    cambodia: Collection,
) -> None:
    # L236: "The draft law bestows executive power to ban or restrict meetings" names no
    # freedom; nor does "The political neutrality clause has been repeatedly used to shut
    # down independent CSOs" (LANGO) or "allows for retroactive detention of protestors"
    # (Hong Kong).  Each such tag is marked; every tag whose quotes name it is not.
    marked, unmarked = [], []
    for law in cambodia.laws:
        marks = _marks(law)
        for i, feature in enumerate(law.features):
            quotes = " ".join(source.quote or "" for source in feature.sources).lower()
            for k, freedom in enumerate(feature.restricts):
                member = f"features[{i}].restricts[{k}]"
                if freedom.value not in quotes:
                    marked.append((law.id, freedom.value, marks.get(member)))
                else:
                    unmarked.append(marks.get(member))
    other = civicspace.common.DerivationKind.OTHER
    lango = "khm/law/2015/associations-and-non-governmental-organisations"
    expected = [
        (lango, "association", other),
        (lango, "association", other),
        ("khm/law/2020/state-of-emergency", "assembly", other),
        ("hkg/law/2020/national-security", "assembly", other),
    ]
    assert expected == marked
    assert {None} == set(unmarked)


def test_both_accounts_of_the_mother_nature_2021_investigation_are_kept(
    cambodia: Collection,
) -> None:
    # L412: "charged for investigating river pollution in the Tonle Sap river in Phnom Penh"
    # L414: "'plotting' to violently overthrow institutions – just for recording sewage going
    # into the Mekong river"
    case = _case(cambodia, "mother-nature-2021")
    (charge,) = [event for event in case.events if event.kind == "charge"]
    quotes = " ".join(source.quote or "" for source in charge.sources)
    assert ("Tonle Sap" in quotes, "Mekong" in quotes) == (True, True)
    assert "Tonle Sap" in (case.summary or "") and "Mekong" in (case.summary or "")


def _marks(record: object) -> dict[str, civicspace.common.DerivationKind]:
    return {derivation.member: derivation.how for derivation in getattr(record, "derived", ())}


def test_every_rating_date_is_marked_as_a_reading(cambodia: Collection) -> None:
    # L5: "will take place from 9 to 27 September." (no year); L59: "in June, the Philippines
    # was added to CIVICUS’s Watchlist" (no year); no article dates its rating.
    assert [] == [
        (index, str(rating.as_of))
        for index, rating in enumerate(cambodia.ratings)
        if "as_of" not in _marks(rating)
    ]


def test_the_anniversary_dates_are_marked_as_inferred(cambodia: Collection) -> None:
    # L491: "Today, on the fourth anniversary of the killing ... Kem Ley";
    # L505: "In July 2019, a day prior to the third anniversary of Kem Ley’s death"
    inferred = civicspace.common.DerivationKind.INFERRED_DATE
    statement = _statement(cambodia, "kem-ley-2020-joint-statement")
    assert inferred == _marks(statement)["date"]
    case = _case(cambodia, "kong-raiya-2019")
    assert "2019-07-09" == str(case.events[0].date)
    assert inferred == _marks(case)["events[0].date"]
    assert inferred == _marks(case)["sentences[0].custody_credited[0].start"]
    assert civicspace.common.DerivationKind.COUNTED == _marks(case)["events[0].people_count"]


def test_the_undated_18_month_account_is_marked_as_dated_by_a_reading(
    cambodia: Collection,
) -> None:
    # L410: "They were sentenced to 18 months in prison for ‘incitement’." (no date)
    case = _case(cambodia, "mother-nature-2020")
    assert "P18M" == str(case.sentences[1].term)
    assert civicspace.common.DerivationKind.INFERRED_DATE == _marks(case)["sentences[1].imposed_on"]


def test_the_kung_raiya_merge_and_the_thai_border_country_are_marked(
    cambodia: Collection,
) -> None:
    # L716: "three Cambodian activists–Lem Sokha, Phan Phana, and Kung Raiya–were arrested by
    # local authorities at the Thai border."
    case = _case(cambodia, "thai-border-arrests")
    marks = _marks(case)
    assert civicspace.common.DerivationKind.INFERRED_COUNTRY == marks["country"]
    assert civicspace.common.DerivationKind.IDENTITY_MERGE == marks["people[2]"]
    person = case.people[2]
    assert ("kong-raiya", ["Kung Raiya"]) == (person.id, [n.name for n in person.other_names])


def test_kem_leys_family_count_is_marked_as_counted(cambodia: Collection) -> None:
    # L501: "Kem Ley’s then-pregnant wife and four sons fled Cambodia" -- five, by counting.
    case = _case(cambodia, "kem-ley-2016")
    (index,) = [i for i, event in enumerate(case.events) if event.kind == "exile"]
    assert civicspace.common.DerivationKind.COUNTED == _marks(case)[f"events[{index}].people_count"]


def test_the_summary_without_derived_values_counts_what_the_texts_state(
    cambodia: Collection,
) -> None:
    # Without the inferred date (L410 gives none) the 18-month account is a ruling of its own.
    stated = civicspace.analysis.summarise(cambodia, derived=False)
    assert (0, 0) == (stated.records.get("ratings", 0), stated.conflicts)
    assert civicspace.analysis.summarise(cambodia) == civicspace.analysis.summarise(
        cambodia, derived=True
    )


def test_the_state_of_emergency_penalties_are_the_drafts(cambodia: Collection) -> None:
    # L236 (on the draft): "Failure to follow these measures could result in severely
    # disproportionate prison sentences of up to five years"; L295: "The Law on the
    # Management of the Nation in State of Emergency (April 2020)" -- adopted.
    law = _law(cambodia, "khm/law/2020/state-of-emergency")
    assert ["adopted"] == [change.status.value for change in law.status]
    assert [civicspace.laws.LawVersion.DRAFT] == [penalty.version for penalty in law.penalties]
    for feature in law.features:
        titles = {source.title for source in feature.sources}
        expected = (
            civicspace.laws.LawVersion.DRAFT
            if all("draft law" in (title or "") for title in titles)
            else civicspace.laws.LawVersion.ADOPTED
        )
        assert expected == feature.version


def test_the_four_council_sessions_are_in_the_dataset(cambodia: Collection) -> None:
    # L5: "The forty-second Session ... will take place from 9 to 27 September." (no year:
    # no dates); L41: "The 45th Session ... will sit from 14 September - 6 October, 2020";
    # L258: "the upcoming 48th session"; L306: "Statement at the 51st Session".
    sessions = {session.number: session for session in cambodia.sessions}
    assert [42, 45, 48, 51] == sorted(sessions)
    assert (None, None) == (sessions[42].start, sessions[42].end)
    assert ("2020-09-14", "2020-10-06") == (str(sessions[45].start), str(sessions[45].end))
    assert 47 == len(sessions[42].members)  # L37 lists 47 members
    assert () == sessions[45].members  # L148 is not a full list: see the next test


def test_session_45s_member_list_is_kept_as_printed_and_never_filled_in(
    cambodia: Collection,
) -> None:
    # L41: "for the 47 Council members to address"; L148: "... Senegal, Slovakia, SomaliaSudan,
    # Spain, ..." -- 44 entries, one of them two names run together, none for Brazil or Japan.
    (session,) = [s for s in cambodia.sessions if s.number == 45]
    entries = session.printed_members
    assert 44 == len(entries)
    (joined,) = [(i, e) for i, e in enumerate(entries) if len(e.countries) != 1]
    index, entry = joined
    assert ("SomaliaSudan", ("SOM", "SDN")) == (entry.printed, entry.countries)
    assert (
        civicspace.common.DerivationKind.OTHER
        == _marks(session)[f"printed_members[{index}].countries"]
    )
    assert 2 == session.unaccounted_seats
    read = [code for e in entries for code in e.countries]
    assert not {"BRA", "JPN"} & set(read)
    assert len(read) == len(set(read))
    # The entries read as one state are what civicspace's own reader makes of the line; the
    # one it leaves unread is the entry read as two.
    line = SOURCE_TEXT.read_text(encoding="utf-8").splitlines()[147]
    parsed = civicspace.readers.parse_members(line)
    assert parsed.members == tuple(e.countries[0] for e in entries if len(e.countries) == 1)
    assert [("SomaliaSudan", index)] == [(u.text, u.position) for u in parsed.unread]


def test_the_3_january_2014_garment_protest_is_a_case(cambodia: Collection) -> None:
    # L573: "the 3 January 2014 protests by garment workers in Phnom Penh ... during which
    # police shot four people dead, 38 wounded and a 15-year-old boy missing."
    # L575: "the killings of workers Kim Phaleap, Sam Ravy, Yean Rithy and Pheng Kosal, or
    # for Khem Sophath’s disappearance."
    case = _case(cambodia, "garment-workers-protest-2014")
    expected = [("killing", 4, 4), ("assault", 38, 0), ("disappearance", 1, 1)]
    assert expected == [
        (event.kind, event.people_count, len(event.people)) for event in case.events
    ]
    assert {"2014-01-03"} == {str(event.date) for event in case.events}
    marks = _marks(case)
    assert civicspace.common.DerivationKind.IDENTITY_MERGE == marks["events[0].people"]
    assert civicspace.common.DerivationKind.IDENTITY_MERGE == marks["events[2].people"]


def test_the_two_civicus_statements_are_in_the_dataset(cambodia: Collection) -> None:
    # L553: "CIVICUS ... calls on the Cambodian authorities to drop the baseless charges
    # against ... Rong Chhun"; L677: "The defenders sentenced must be released immediately
    # and unconditionally." -- a demand that names no addressee.
    rong = _statement(cambodia, "rong-chhun-a-year-on-statement")
    assert "the Cambodian authorities" == rong.demands[0].addressee
    assert rong.concerns(case="rong-chhun-2020")
    conviction = _statement(cambodia, "environmental-defenders-conviction-statement")
    assert None is conviction.demands[0].addressee
    assert conviction.concerns(case="mother-nature-2020")


def test_counted_unnamed_groups_are_counts_with_their_qualifiers(cambodia: Collection) -> None:
    # L80/L242: "at least 22 people have been arrested for sharing allegedly ‘false news’";
    # L83: "had arbitrarily detained nearly 90 people"; L242: "Human rights defenders,
    # including the Acting Director of ... LICADHO, have been threatened".
    at_least, nearly = (
        civicspace.cases.CountQualifier.AT_LEAST,
        civicspace.cases.CountQualifier.NEARLY,
    )
    expected = {
        "false-news-arrests-2020": ("arrest", 22, at_least),
        "arbitrary-detentions-2019": ("arrest", 90, nearly),
    }
    actual = {
        case_id: (event.kind, event.people_count, event.people_count_qualifier)
        for case_id in expected
        for event in _case(cambodia, case_id).events
    }
    assert expected == actual
    assert all(not _case(cambodia, case_id).people for case_id in expected)


def test_a_group_the_text_does_not_count_is_its_words_not_a_number(cambodia: Collection) -> None:
    # L242: "Human rights defenders, including the Acting Director of local human rights rights
    # group LICADHO, have been threatened" -- no number; L199: "CIVICUS documented the
    # arbitrary arrest of dozens of activists".
    (threat,) = _case(cambodia, "licadho-acting-director-threatened").events
    (arrest,) = _case(cambodia, "arbitrary-arrests-of-activists").events
    expected = [
        (
            "threat",
            None,
            "Human rights defenders, including the Acting Director of local human rights rights"
            " group LICADHO",
        ),
        ("arrest", None, "dozens of activists"),
    ]
    assert expected == [(e.kind, e.people_count, e.subject) for e in (threat, arrest)]


def test_a_banned_platform_and_a_barred_board_are_what_the_ban_concerns(
    cambodia: Collection,
) -> None:
    # L455: "the informal election monitoring platform run by civil society was banned the
    # government"; L714: "the former prime minister barredthe Oversight Board from entering"
    (platform,) = _case(cambodia, "election-monitoring-platform-ban-2018").events
    assert "the informal election monitoring platform run by civil society" == platform.subject
    assert civicspace.cases.ActorKind.GOVERNMENT == (platform.actor and platform.actor.kind)
    (barred,) = _case(cambodia, "oversight-board-barred").events
    assert ("ban", ("oversight-board",)) == (barred.kind, barred.organisations)


def test_the_2018_national_assembly_election_as_far_as_stated(cambodia: Collection) -> None:
    # L451: "Cambodia held an election of representatives for the National Assembly on 29 July
    # 2018 ... the ruling Cambodian People’s Party won nearly all the 125 seats"
    election = next(e for e in cambodia.elections if e.id == "khm-national-assembly-2018")
    assert "2018-07-29" == str(election.date)
    assert [("seats", 125, ())] == [(c.contested, c.total, c.results) for c in election.contests]


def test_who_acted_is_data(cambodia: Collection) -> None:
    # L505: "the Phnom Penh Municipal Court convicted Kong Raiya in absentia";
    # L575: "The cybercrime police alsoquestioned Am Sam Ath"
    conviction = _case(cambodia, "kong-raiya-2019").events[5]
    assert civicspace.cases.Actor(
        name="the Phnom Penh Municipal Court", kind=civicspace.cases.ActorKind.COURT
    ) == (conviction.actor)
    questioning = _case(cambodia, "kea-sokun-2020").events[3]
    assert questioning.actor is not None
    assert ("The cybercrime police", civicspace.cases.ActorKind.POLICE) == (
        questioning.actor.name,
        questioning.actor.kind,
    )


def test_nationality_penalty_without_a_law_and_a_fines_equivalent(cambodia: Collection) -> None:
    # L374: "Alejandro Gonzalez-Davidson, a Spanish national"; L81: "could face up to 30 years
    # in prison if convicted"; L236: "fines of up to 5,000,000 riels (about $1,250 USD)"
    mnc = _case(cambodia, "mother-nature-2020")
    assert ("ESP",) == mnc.person("alejandro-gonzalez-davidson").nationalities
    (treason,) = _case(cambodia, "kem-sokha-2020").charges
    assert treason.penalty is not None and "P30Y" == str(treason.penalty.maximum_term)
    (penalty,) = _law(cambodia, "khm/law/2020/state-of-emergency").penalties
    assert civicspace.sentences.Money("1250", "USD") == penalty.maximum_fine_equivalent
    assert penalty.equivalent_approximate is True


def test_kem_sokhas_trial_year_is_marked_as_a_reading(cambodia: Collection) -> None:
    # L81: "Opposition Leader, Kem Sokha, on trial since January" -- no year; the article is
    # for the 45th session (L41: "will sit from 14 September - 6 October, 2020").
    case = _case(cambodia, "kem-sokha-2020")
    assert "2020-01" == str(case.events[1].date)
    assert civicspace.common.DerivationKind.INFERRED_YEAR == _marks(case)["events[1].date"]


def test_the_18_month_account_of_thun_ratha_is_marked_as_an_identity_merge(
    cambodia: Collection,
) -> None:
    # L410: "They were sentenced to 18 months in prison for ‘incitement’." -- names no one.
    case = _case(cambodia, "mother-nature-2020")
    assert ("thun-ratha", "P18M") == (case.sentences[1].person, str(case.sentences[1].term))
    assert civicspace.common.DerivationKind.IDENTITY_MERGE == _marks(case)["sentences[1].person"]
    # Without the merge the dataset holds no conflict: the conflict rests on it.
    merged = frozenset({civicspace.common.DerivationKind.IDENTITY_MERGE})
    assert () == civicspace.analysis.conflicts(
        civicspace.analysis.without_derived(cambodia, kinds=merged)
    )


def test_the_may_2021_dates_of_the_conviction_are_marked_as_read_from_other_articles(
    cambodia: Collection,
) -> None:
    # L679: "were today sentenced by the Phnom Penh Municipal Court" -- no date; L293:
    # "In May 2021, the authorities convicted and sentenced three Mother Nature activists".
    case = _case(cambodia, "mother-nature-2020")
    marks = _marks(case)
    dated = [f"events[{i}].date" for i, e in enumerate(case.events) if str(e.date) == "2021-05"]
    dated += [
        f"sentences[{i}].imposed_on"
        for i, s in enumerate(case.sentences)
        if str(s.imposed_on) == "2021-05"
    ]
    assert 8 == len(dated)
    assert {civicspace.common.DerivationKind.INFERRED_DATE} == {marks[member] for member in dated}


def test_kong_raiyas_2015_charge_is_dated_by_his_sentence_and_marked(
    cambodia: Collection,
) -> None:
    # L505: "Kong Raiya was previously sentenced to 18 months’ imprisonment in 2015 on
    # spurious incitement charges" -- the year is the sentence's.
    case = _case(cambodia, "kong-raiya-2015")
    assert "2015" == str(case.charges[0].date)
    assert civicspace.common.DerivationKind.INFERRED_DATE == _marks(case)["charges[0].date"]


def test_an_alias_note_says_whose_spelling_it_is(cambodia: Collection) -> None:
    # L716: "three Cambodian activists–Lem Sokha, Phan Phana, and Kung Raiya–were arrested"
    # is the article of the Thai border case itself; L565 (the Rong Chhun statement) prints
    # "Cambodian National Rescue Party".
    (kung,) = _case(cambodia, "thai-border-arrests").people[2].other_names
    assert "spelling in the article that reports this case" == kung.note
    (cnrp,) = [o for o in _case(cambodia, "rong-chhun-2020").organisations if o.acronym == "CNRP"]
    assert "spelling in the article that reports this case, and in another" == (
        cnrp.other_names[0].note
    )


def test_the_state_of_emergency_laws_adoption_and_draft_link_are_marked(
    cambodia: Collection,
) -> None:
    # L295: "The Law on the Management of the Nation in State of Emergency (April 2020)";
    # L232: "Cambodia’s draft State of Emergency Law" -- never named with the adopted law.
    law = _law(cambodia, "khm/law/2020/state-of-emergency")
    marks = _marks(law)
    assert civicspace.common.DerivationKind.INFERRED_DATE == marks["status[0].date"]
    drafts = [f"penalties[{i}]" for i, p in enumerate(law.penalties)]
    drafts += [
        f"features[{i}]"
        for i, f in enumerate(law.features)
        if f.version is civicspace.laws.LawVersion.DRAFT
    ]
    assert {civicspace.common.DerivationKind.OTHER} == {marks[member] for member in drafts}


def test_the_ngo_law_and_the_penal_code_are_marked_as_identity_merges(
    cambodia: Collection,
) -> None:
    # L430: "In 2015 the government passed a repressive NGO law"; L505: "under articles 494
    # and 495 of Cambodia’s Penal Code" against L602 "of the Cambodian Criminal Code".
    merge = civicspace.common.DerivationKind.IDENTITY_MERGE
    lango = _law(cambodia, "khm/law/2015/associations-and-non-governmental-organisations")
    ngo_quotes = [
        f"{name}[{i}].sources[{j}]"
        for name in ("status", "features")
        for i, item in enumerate(getattr(lango, name))
        for j, source in enumerate(item.sources)
        if "NGO law" in (source.quote or "")
    ]
    assert 2 == len(ngo_quotes)
    assert {merge} == {_marks(lango)[member] for member in ngo_quotes}
    code = _law(cambodia, "khm/code/criminal-code")
    assert merge == _marks(code)[f"titles[{code.titles.index('Penal Code')}]"]
    penal = [
        (case.id, f"charges[{i}].citations[{j}].law")
        for case in cambodia.cases
        for i, charge in enumerate(case.charges)
        for j, citation in enumerate(charge.citations)
        if "Penal Code" in (citation.as_written or "")
    ]
    assert 3 == len(penal)
    assert {merge} == {_marks(_case(cambodia, case_id))[member] for case_id, member in penal}


def test_organisations_merged_from_several_names_are_marked(cambodia: Collection) -> None:
    # L577: "Independent Democratic Association of Informal Economy (IDEA)" against L631:
    # "12. Independent Democracy of Informal Economy Association (IDEA)"; L712: "Labor Rights
    # Supported Union of Khmer Employees of NagaWorld" against L316: "the Nagaworld workers
    # union".
    merges = {
        (case.id, organisation.acronym or organisation.name, name.name)
        for case in cambodia.cases
        for i, organisation in enumerate(case.organisations)
        for j, name in enumerate(organisation.other_names)
        if _marks(case).get(f"organisations[{i}].other_names[{j}]")
        == civicspace.common.DerivationKind.IDENTITY_MERGE
    }
    expected = {
        ("kea-sokun-2020", "IDEA", "Independent Democracy of Informal Economy Association"),
        ("kea-sokun-2020", "IDEA", "Informal Democratic Economy Association"),
        ("kea-sokun-2020", "CENTRAL", "Center for Alliance of Labor and Human Rights"),
        ("kea-sokun-2020", "CCFC", "Coalition of Cambodian Farmer Community"),
        ("kem-sokha-2020", "CNRP", "Cambodian National Rescue Party"),
        ("rong-chhun-2020", "CNRP", "Cambodian National Rescue Party"),
        (
            "nagaworld-union",
            "Labor Rights Supported Union of Khmer Employees of NagaWorld",
            "Nagaworld workers union",
        ),
    }
    assert expected == merges


def test_the_candlelight_harassment_year_is_marked_and_the_conviction_is_a_case_of_its_own(
    cambodia: Collection,
) -> None:
    # L349: "became the target of harassment and intimidation throughout the election
    # period" -- no date; L712: "These include the conviction against members of the
    # opposition Candlelight Party" -- in another article, with no link to the elections.
    harassment = _case(cambodia, "candlelight-party-2022")
    assert ["threat"] == [event.kind for event in harassment.events]
    assert civicspace.common.DerivationKind.INFERRED_YEAR == _marks(harassment)["events[0].date"]
    conviction = _case(cambodia, "candlelight-party-members-conviction")
    assert [("conviction", None)] == [(e.kind, e.date) for e in conviction.events]


def test_the_nagaworld_summary_gives_no_order_the_texts_do_not(cambodia: Collection) -> None:
    # L316 and L712 are two statements; neither dates what it reports.
    assert "later" not in (_case(cambodia, "nagaworld-union").summary or "")


def test_the_philippines_rating_is_dated_by_the_article_that_states_it(
    cambodia: Collection,
) -> None:
    # L59: "in June, the Philippines was added to CIVICUS’s Watchlist" -- the watchlist, not
    # the rating; the rating is stated in the article for the September 2020 session.
    (rating,) = [r for r in cambodia.ratings if r.country == "PHL"]
    assert ("obstructed", "2020-09", True) == (
        rating.rating.value,
        str(rating.as_of),
        rating.watchlist,
    )


def test_charges_and_articles_carry_only_the_texts_words(cambodia: Collection) -> None:
    # L596: "were charged by the Phnom Penh Municipal Court with supplying a foreign state
    # with information prejudicial to national defence, under Article 445" -- the charge's
    # wording, not the article's heading; no text says "espionage".
    case = _case(cambodia, "uon-chhin-yeang-sothearin-2017")
    assert "espionage" not in {charge.id for charge in case.charges}
    headings = {
        (law.id, article.number): article.heading
        for law in cambodia.laws
        for article in law.articles
        if article.number in ("445", "39")
    }
    assert {None} == set(headings.values())


def test_the_councils_demands_are_all_kept(cambodia: Collection) -> None:
    # L17: "and for enhanced scrutiny of the country’s human rights obligations by the OHCHR";
    # L86: "explore supporting a resolution which mandates yearly reporting from the High
    # Commissioner"; L324-328: the three benchmarks and "a stronger monitoring mandate".
    demands = {
        session.number: [demand.text for item in session.agenda for demand in item.demands]
        for session in cambodia.sessions
    }
    assert (
        "for enhanced scrutiny of the country’s human rights obligations by the OHCHR"
        in demands[42]
    )
    assert any("mandates yearly reporting from the High Commissioner" in t for t in demands[45])
    expected_51 = [
        "take note of the benchmarks set out in the Special Rapporteur’s report",
        "Release detained human rights defenders and political dissidents and drop the charges"
        " against them",
        "Desist from applying and reform draconian laws including the Law on Associations and"
        " Non-Governmental Organizations (LANGO)",
        "Restore and re-enfranchise a variety of political parties, and ensure free and fair"
        " elections.",
        "be prepared to take stronger action by way of a stronger monitoring mandate",
    ]
    assert expected_51 == demands[51]


def test_the_hrc48_letters_facts_are_encoded(cambodia: Collection) -> None:
    # L260: "barred its co-founders, Sam Rainsy and Kem Sokha and more than a hundred CNRP
    # politicians from politics"; L262: "“plotting” ... and face up to 10 years in prison".
    bans = [e for e in _case(cambodia, "cnrp-dissolution").events if e.kind == "ban"]
    assert [(2, None, None), (0, 100, civicspace.cases.CountQualifier.MORE_THAN)] == [
        (len(e.people), e.people_count, e.people_count_qualifier) for e in bans
    ]
    (plotting,) = [c for c in _case(cambodia, "mother-nature-2021").charges if c.id == "plotting"]
    assert plotting.penalty is not None and "P10Y" == str(plotting.penalty.maximum_term)


def test_complainants_are_the_actors_of_their_lawsuits(cambodia: Collection) -> None:
    # L698: "The complaintwas brought by Hun Sen"; L604: "The summons follows a lawsuit filed
    # by Lieutenant Colonel Sophat Serivuthy, a soldier commander in Mondulkiri."
    actors = [
        (case_id, event.actor.name if event.actor else None)
        for case_id in ("soeng-senkaruna", "sath-chanboth-2019")
        for event in _case(cambodia, case_id).events
        if event.kind == "lawsuit"
    ]
    expected = [
        ("soeng-senkaruna", "Hun Sen"),
        ("sath-chanboth-2019", "Lieutenant Colonel Sophat Serivuthy"),
    ]
    assert expected == actors


def test_rath_rott_mony_is_a_former_trade_union_leader(cambodia: Collection) -> None:
    # L606: "Mr. Rath Rott Mony, a translator for Russia Today, and former trade union leader"
    person = _case(cambodia, "rath-rott-mony-2019").people[0]
    assert ("trade_unionist",) == tuple(role.value for role in person.roles)


def test_hearings_the_texts_only_schedule_or_hope_for_are_scheduled(
    cambodia: Collection,
) -> None:
    # L600: "We hope that the Appeal Court’s hearing on 23 December 2019 ... as well as the
    # hearing on 20 January 2020 ... will provide justice"; L602: "summoned to appear at a
    # trial hearing on 25 December 2019".
    expected = [
        ("uon-chhin-yeang-sothearin-2017", "appeal", "2019-12-23"),
        ("uon-chhin-yeang-sothearin-2017", "appeal", "2020-01-20"),
        ("aun-pheap-peter-zsombor-2017", "trial_hearing", "2019-12-25"),
    ]
    scheduled = [
        (case.id, event.kind, str(event.date))
        for case in cambodia.cases
        for event in case.events
        if event.scheduled
    ]
    assert expected == scheduled


def test_status_over_time_ignores_the_scheduled_hearings(cambodia: Collection) -> None:
    # L600/L602: a hearing set or hoped for is not known to have happened, so each person's
    # history is what it is without it.
    def history(case: civicspace.Case, person: str) -> list[tuple[object, ...]]:
        return [
            (step.outcome, step.custody, str(step.date))
            for step in civicspace.cases.status_history(case, person)
        ]

    for case_id in ("uon-chhin-yeang-sothearin-2017", "aun-pheap-peter-zsombor-2017"):
        case = _case(cambodia, case_id)
        held = tuple(event for event in case.events if not event.scheduled)
        assert len(held) < len(case.events)
        without = attrs.evolve(case, events=held)
        for person in case.people:
            assert history(without, person.id) == history(case, person.id)
            assert civicspace.cases.person_status(
                without, person.id
            ) == civicspace.cases.person_status(case, person.id)
    # Were the appeal hearing held, Uon Chhin's history would gain a step: the flag matters.
    case = _case(cambodia, "uon-chhin-yeang-sothearin-2017")
    as_held = attrs.evolve(
        case, events=tuple(attrs.evolve(event, scheduled=None) for event in case.events)
    )
    assert len(history(as_held, "uon-chhin")) == len(history(case, "uon-chhin")) + 1


def test_the_2022_election_integrity_figures_are_kept_as_printed(cambodia: Collection) -> None:
    # L343: "the CPP won over 3,000 more seats than it did in the 2017 elections, and its
    # popular vote surged from 3.5 million to 5.3 million"; L345: "winning one-fifth of the
    # popular vote"; L355: "93 per cent of the 74,885 accredited election observers".
    election = next(e for e in cambodia.elections if e.id == "khm-commune-2022")
    actual = [
        (
            f.party,
            str(f.value),
            f.unit.value,
            f.qualifier and f.qualifier.value,
            f.previous and str(f.previous),
        )
        for f in election.figures
    ]
    cpp = "Cambodian People’s Party"
    expected = [
        (cpp, "3000", "count", "more_than", None),
        (cpp, "5300000", "count", None, "3500000"),
        ("Candlelight Party", "20", "per_cent", None, None),
        (None, "74885", "count", None, None),
        (None, "93", "per_cent", None, None),
    ]
    assert expected == actual
    assert all(figure.as_written and figure.sources for figure in election.figures)
