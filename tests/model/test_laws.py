"""Laws: the record, ELI-style ids, status over time, resolving citations, maxima, counts."""

import datetime
import json
import re

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import civicspace
from civicspace import strategies as cst
from civicspace._pipeline.convert import converter
from civicspace._pipeline.schemas import reference_validator
from civicspace._rules.engine import check_record
from civicspace.common import PartialDate
from civicspace.laws import (
    Article,
    Law,
    LawKind,
    LawReference,
    LawStatus,
    StatusChange,
    article_exists,
    count_references_by_article,
    count_references_by_article_and_key,
    in_force_on,
    law_id,
    law_status_on,
    laws_in_force,
    resolve_citation,
    resolve_instrument,
    statutory_maximum,
)
from civicspace.readers import parse_citation
from civicspace.sentences import LIFE, Money, StatutoryPenalty, Term

# The law records published as examples in schemas/law.json: real instruments from
# ../shared/sources/civicus-cambodia-articles.txt, every fact with its quote.
EXAMPLES = {example["id"]: example for example in civicspace.schema("law")["examples"]}
LAWS = {law_key: civicspace.load(example) for law_key, example in EXAMPLES.items()}
CRIMINAL_CODE = LAWS["khm/code/2009/criminal-code"]
LANGO = LAWS["khm/law/2015/lango"]
STATE_OF_EMERGENCY = LAWS["khm/law/2020/state-of-emergency"]
COVID = LAWS["khm/law/covid-19"]
GATEWAY = LAWS["khm/sub-decree/2021/national-internet-gateway"]
CYBERCRIME = LAWS["khm/draft-law/cybercrime"]
PUBLIC_ORDER = LAWS["khm/draft-law/public-order"]
NOTICE_175 = LAWS["khm/notice/175"]
TRAFFICKING = LAWS["khm/law/2008/suppression-of-human-trafficking-and-sexual-exploitation"]

ID = re.compile(r"[a-z0-9]([a-z0-9._:/-]*[a-z0-9])?")


def quotes(law):
    """Every quote a law record rests on."""
    found = [source.quote for source in law.sources]
    for part in (*law.status, *law.articles, *law.features):
        found += [source.quote for source in part.sources]
    return found


def test_the_examples_are_the_instruments_the_source_texts_name():
    assert 9 == len(LAWS)
    assert all(isinstance(law, Law) for law in LAWS.values())
    assert ["Criminal Code", "Penal Code"] == list(CRIMINAL_CODE.titles)
    assert ("LANGO",) == LANGO.short_names
    assert LawKind.DRAFT_LAW is CYBERCRIME.kind is PUBLIC_ORDER.kind
    assert LawKind.SUB_DECREE is GATEWAY.kind
    # Every statement of fact carries its quote.
    for law in LAWS.values():
        assert quotes(law), law.id
        assert all(quotes(law)), law.id


def test_the_state_of_emergency_law_as_published():
    # "prison sentences of up to five years – rising to ten years if deemed to ‘impact
    # national security’ – and fines of up to 5,000,000 riels"
    (penalty,) = STATE_OF_EMERGENCY.penalties
    assert Term(years=5) == penalty.maximum_term
    assert Money(5000000, "KHR") == penalty.maximum_fine
    assert [Term(years=10)] == [variant.maximum_term for variant in penalty.aggravated]
    # "The draft State of Emergency Law contains no sunset clause and can only be ended by
    # Royal Decree"
    features = [feature.feature.value for feature in STATE_OF_EMERGENCY.features]
    assert {"sunset_clause_absent", "ended_only_by_decree"} <= set(features)
    # "The Law on the Management of the Nation in State of Emergency (April 2020)"
    assert [(LawStatus.ADOPTED, PartialDate(2020, 4))] == [
        (change.status, change.date) for change in STATE_OF_EMERGENCY.status
    ]


def test_the_covid_law_allows_up_to_twenty_years():
    # "a similarly broad Covid-19 law that allows for up to 20-year prison sentences"
    assert [Term(years=20)] == [penalty.maximum_term for penalty in COVID.penalties]


def test_notice_175_was_rescinded_in_november_2018():
    # "Notice No. 175 - which was rescinded afterwards, in November 2018"
    assert [(LawStatus.RESCINDED, PartialDate(2018, 11))] == [
        (change.status, change.date) for change in NOTICE_175.status
    ]


# -- ids ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("parts", "expected"),
    [
        (("KHM", LawKind.CODE, "Criminal Code", 2009), "khm/code/2009/criminal-code"),
        (("KHM", "law", "LANGO", 2015), "khm/law/2015/lango"),
        (("KHM", "law", "State of Emergency", 2020), "khm/law/2020/state-of-emergency"),
        (
            ("KHM", LawKind.SUB_DECREE, "National Internet Gateway", 2021),
            "khm/sub-decree/2021/national-internet-gateway",
        ),
        (("KHM", LawKind.DRAFT_LAW, "Cybercrime", None), "khm/draft-law/cybercrime"),
        (("KHM", LawKind.NOTICE, "175", None), "khm/notice/175"),
        (("KHM", "law", "Covid-19", None), "khm/law/covid-19"),
        (("FRA", "code", "Code pénal", None), "fra/code/code-penal"),
        (("KHM", "law", "  Public -- Order! ", None), "khm/law/public-order"),
    ],
)
def test_law_id_builds_eli_style_ids(parts, expected):
    assert expected == law_id(*parts)


def test_every_example_id_is_built_from_its_record():
    for law in LAWS.values():
        jurisdiction, kind, *rest = law.id.split("/")
        year = int(rest[0]) if len(rest) == 2 else None
        assert (jurisdiction, kind) == (law.jurisdiction.lower(), law.kind.value.replace("_", "-"))
        assert law.id == law_id(law.jurisdiction, law.kind, rest[-1], year)


@pytest.mark.parametrize(
    "parts",
    [
        ("KH", "law", "LANGO", 2015),
        ("XXX", "law", "LANGO", 2015),
        ("KHM", "statute", "LANGO", 2015),
        ("KHM", "law", "—", 2015),
        ("KHM", "law", "", None),
        ("KHM", "law", "LANGO", 0),
        ("KHM", "law", "LANGO", True),
    ],
)
def test_law_id_refuses_parts_that_make_no_id(parts):
    with pytest.raises(ValueError):
        law_id(*parts)


@given(
    cst.countries(),
    st.sampled_from(LawKind),
    st.text(min_size=1, max_size=30).filter(lambda name: re.search("[A-Za-z0-9]", name)),
    st.none() | st.integers(1, 9999),
)
def test_law_id_is_a_record_id_whose_parts_can_be_read_back(jurisdiction, kind, name, year):
    built = law_id(jurisdiction, kind, name, year)
    assert ID.fullmatch(built)
    parts = built.split("/")
    assert [jurisdiction.lower(), kind.value.replace("_", "-")] == parts[:2]
    assert ([str(year)] if year is not None else []) == parts[2:-1]
    # The name part is already in id form: building again from it changes nothing.
    assert built == law_id(jurisdiction, kind, parts[-1], year)


# -- the record ---------------------------------------------------------------------------------


def test_articles_are_found_by_number_canonically():
    assert all(article_exists(CRIMINAL_CODE, number) for number in ["88", "445", "494", "495"])
    assert not article_exists(CRIMINAL_CODE, "496")
    assert article_exists(TRAFFICKING, "39")
    law = Law(
        id="khm/law/test",
        jurisdiction="KHM",
        kind=LawKind.LAW,
        titles=("Test Law",),
        articles=(Article(number="13 bis"),),
    )
    assert article_exists(law, "13-Bis")
    assert law.article("13BIS") is law.articles[0]
    assert not article_exists(law, "13")


def test_a_law_reference_json_form():
    (citation,) = parse_citation("articles 88, 494, and 495 of Cambodia’s Penal Code")
    reference = resolve_citation(citation, LAWS.values())
    expected = {
        "law": "khm/code/2009/criminal-code",
        "articles": ["88", "494", "495"],
        "as_written": "articles 88, 494, and 495 of Cambodia’s Penal Code",
    }
    document = converter.unstructure(reference)
    assert expected == document
    assert [] == list(reference_validator("law.json#/$defs/reference").iter_errors(document))


@pytest.mark.parametrize(
    ("build", "field"),
    [
        (lambda: Law(id="KHM/law", jurisdiction="KHM", kind=LawKind.LAW, titles=("A",)), "id"),
        (lambda: Law(id="khm/law/a", jurisdiction="KH", kind=LawKind.LAW, titles=("A",)), None),
        (lambda: Law(id="khm/law/a", jurisdiction="KHM", kind=LawKind.LAW, titles=()), "titles"),
        (lambda: Law(id="khm/law/a", jurisdiction="KHM", kind=LawKind.LAW, titles=(" ",)), None),
        (lambda: Article(number="494\n"), "number"),
        (lambda: Article(number="494", heading=""), "heading"),
        (lambda: LawReference(law="khm/code/2009/criminal-code", articles=("494(1)",)), None),
        (
            lambda: civicspace.laws.Feature(
                feature=civicspace.laws.CriticisedFeature.OTHER, sources=()
            ),
            None,
        ),
    ],
)
def test_an_invalid_law_object_cannot_be_built(build, field):
    with pytest.raises(civicspace.FieldValueError) as raised:
        build()
    if field is not None:
        assert field == raised.value.field


# -- status over time ---------------------------------------------------------------------------


def history(*entries, kind=LawKind.LAW):
    return Law(
        id="khm/law/test",
        jurisdiction="KHM",
        kind=kind,
        titles=("Test Law",),
        status=tuple(
            StatusChange(status=LawStatus(status), date=PartialDate.parse(date))
            for status, date in entries
        ),
    )


def test_a_status_takes_effect_on_the_first_day_its_date_may_be():
    # "Notice No. 175 - which was rescinded afterwards, in November 2018"
    assert law_status_on(NOTICE_175, datetime.date(2018, 10, 31)) is None
    rescinded = NOTICE_175.status[0]
    assert rescinded == law_status_on(NOTICE_175, datetime.date(2018, 11, 1))
    assert rescinded == law_status_on(NOTICE_175, PartialDate(2018, 11))
    assert rescinded == law_status_on(NOTICE_175, PartialDate(2030))
    assert in_force_on(NOTICE_175, datetime.date(2018, 11, 1)) is False
    # Before a rescission the record cannot say whether it was in force.
    assert in_force_on(NOTICE_175, datetime.date(2018, 10, 31)) is None


@pytest.mark.parametrize(
    ("law", "day", "expected"),
    [
        # "In February 2021, the authorities adopted the “Sub-decree on the Establishment of a
        # National Internet Gateway”": not in force before; adoption alone cannot tell after.
        (GATEWAY, datetime.date(2021, 1, 31), False),
        (GATEWAY, datetime.date(2021, 2, 1), None),
        # A draft law is never in force.
        (CYBERCRIME, datetime.date(2021, 9, 1), False),
        (PUBLIC_ORDER, datetime.date(2030, 1, 1), False),
        # No history: the record cannot tell.
        (CRIMINAL_CODE, datetime.date(2020, 6, 19), None),
        (LANGO, datetime.date(2014, 12, 31), False),
        (LANGO, datetime.date(2015, 1, 1), None),
    ],
)
def test_in_force_on_the_example_laws(law, day, expected):
    assert expected is in_force_on(law, day)


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        ("2014-12-31", False),  # before the draft
        ("2015-01-01", False),  # drafted
        ("2015-06-30", False),
        ("2015-07-01", None),  # adopted, not known in force
        ("2015-08-12", True),  # in force
        ("2020", True),  # amended
        ("2022-04-30", True),
        ("2022-05-01", False),  # repealed
    ],
)
def test_in_force_on_follows_the_history(day, expected):
    law = history(
        ("drafted", "2015"),
        ("adopted", "2015-07"),
        ("in_force", "2015-08-12"),
        ("amended", "2020-03"),
        ("repealed", "2022-05"),
    )
    assert expected is in_force_on(law, PartialDate.parse(day))


def test_statuses_on_one_day_keep_their_order():
    law = history(("adopted", "2015-08-12"), ("in_force", "2015-08-12"))
    assert LawStatus.IN_FORCE is law_status_on(law, datetime.date(2015, 8, 12)).status
    assert in_force_on(law, datetime.date(2015, 8, 12)) is True


def test_laws_in_force_on_a_date_in_a_jurisdiction():
    in_force = history(("in_force", "2015-08"))
    ended = history(("in_force", "2015"), ("repealed", "2019"))
    elsewhere = Law(
        id="tha/law/test",
        jurisdiction="THA",
        kind=LawKind.LAW,
        titles=("Test Law",),
        status=(StatusChange(status=LawStatus.IN_FORCE, date=PartialDate(2010)),),
    )
    laws = [*LAWS.values(), in_force, ended, elsewhere]
    assert (in_force,) == laws_in_force(laws, "KHM", datetime.date(2020, 1, 1))
    assert (in_force, ended) == laws_in_force(laws, "KHM", PartialDate(2018))
    assert (elsewhere,) == laws_in_force(laws, "THA", datetime.date(2020, 1, 1))


days = st.dates(min_value=datetime.date(1890, 1, 1), max_value=datetime.date(2110, 12, 31))


@given(cst.laws(), days)
def test_status_on_is_the_latest_entry_in_effect(law, day):
    current = law_status_on(law, day)
    started = [change for change in law.status if change.date.earliest <= day]
    if current is None:
        assert [] == started
    else:
        assert current in started
        assert all(change.date.earliest <= current.date.earliest for change in started)


@given(cst.laws(), cst.partial_dates())
def test_a_partial_day_stands_for_its_first_day(law, day):
    assert law_status_on(law, day) == law_status_on(law, day.earliest)
    assert in_force_on(law, day) is in_force_on(law, day.earliest)


@given(cst.laws(), days, days)
def test_in_force_on_changes_only_when_an_entry_takes_effect(law, first, second):
    first, second = sorted([first, second])
    if not any(first < change.date.earliest <= second for change in law.status):
        assert in_force_on(law, first) is in_force_on(law, second)


@given(st.lists(cst.laws(), max_size=4), cst.countries(), days)
def test_laws_in_force_are_the_laws_of_the_jurisdiction_in_force(laws, jurisdiction, day):
    found = laws_in_force(laws, jurisdiction, day)
    expected = [
        law for law in laws if law.jurisdiction == jurisdiction and in_force_on(law, day) is True
    ]
    assert expected == list(found)


# -- resolving citations ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "law", "name"),
    [
        ("Criminal Code", CRIMINAL_CODE, "Criminal Code"),
        ("Cambodia’s Penal Code", CRIMINAL_CODE, "Penal Code"),
        ("Cambodia’s Criminal Code", CRIMINAL_CODE, "Criminal Code"),
        ("Cambodian Criminal Code", CRIMINAL_CODE, "Criminal Code"),
        ("the criminal code", CRIMINAL_CODE, "Criminal Code"),
        ("Criminal Code of the Kingdom of Cambodia", CRIMINAL_CODE, "Criminal Code"),
        ("LANGO", LANGO, "LANGO"),
        ("lango", LANGO, "LANGO"),
        (
            "Law on Associations and Non-Governmental Organizations (LANGO)",
            LANGO,
            "Law on Associations and Non-Governmental Organizations",
        ),
        (
            "2015 Law on Associations and Non-Governmental Organisations",
            LANGO,
            "Law on Associations and Non-Governmental Organisations",
        ),
        ("NIG", GATEWAY, "NIG"),
        (
            "Sub-Decree on the Establishment of the National Internet Gateway",
            GATEWAY,
            "Sub-Decree on the Establishment of the National Internet Gateway",
        ),
        (
            "Law on the Suppression of Human Trafficking and Sexual Exploitation",
            TRAFFICKING,
            "Law on the Suppression of Human Trafficking and Sexual Exploitation",
        ),
        ("Notice No. 175", NOTICE_175, "Notice No. 175"),
    ],
)
def test_resolve_instrument_finds_the_law_a_published_name_stands_for(written, law, name):
    match = resolve_instrument(written, LAWS.values())
    assert (law, name) == (match.law, match.name)
    assert law.id in match.explanation


def test_a_match_says_what_was_set_aside():
    match = resolve_instrument("Cambodia’s Penal Code", LAWS.values())
    assert "'cambodia's'" in match.explanation
    assert "KHM" in match.explanation


def test_a_qualifier_naming_another_jurisdiction_is_not_set_aside():
    with pytest.raises(civicspace.errors.InstrumentNotFoundError):
        resolve_instrument("Thailand’s Criminal Code", LAWS.values())


def test_an_unknown_name_is_never_guessed():
    with pytest.raises(civicspace.errors.InstrumentNotFoundError) as raised:
        resolve_instrument("Criminal Cod", LAWS.values())
    assert "'Criminal Code'" in str(raised.value)  # suggested, not chosen
    assert () == raised.value.candidates
    with pytest.raises(civicspace.errors.InstrumentNotFoundError):
        resolve_instrument("Constitution of the Kingdom of Cambodia", LAWS.values())


def test_a_name_several_laws_have_is_ambiguous():
    thai_code = Law(
        id="tha/code/criminal-code",
        jurisdiction="THA",
        kind=LawKind.CODE,
        titles=("Criminal Code",),
    )
    laws = [*LAWS.values(), thai_code]
    with pytest.raises(civicspace.errors.AmbiguousInstrumentError) as raised:
        resolve_instrument("the Criminal Code", laws)
    assert ("khm/code/2009/criminal-code", "tha/code/criminal-code") == raised.value.candidates
    assert CRIMINAL_CODE == resolve_instrument("Cambodia’s Criminal Code", laws).law
    assert CRIMINAL_CODE == resolve_instrument("Criminal Code", laws, jurisdiction="KHM").law
    assert thai_code == resolve_instrument("Criminal Code", laws, jurisdiction="THA").law


def test_resolve_citation_keeps_the_articles_and_the_text():
    (citation,) = parse_citation("Articles 494 and 495 of the Cambodian Criminal Code")
    expected = LawReference(
        law="khm/code/2009/criminal-code",
        articles=("494", "495"),
        as_written="Articles 494 and 495 of the Cambodian Criminal Code",
    )
    assert expected == resolve_citation(citation, LAWS.values())
    (bare,) = parse_citation("article 39")
    with pytest.raises(civicspace.errors.InstrumentNotFoundError):
        resolve_citation(bare, LAWS.values())


@given(cst.laws(), st.data())
def test_every_title_and_short_name_resolves_to_its_law(law, data):
    name = data.draw(st.sampled_from([*law.titles, *law.short_names]))
    written = data.draw(st.sampled_from([name, f"the {name}", name.upper(), f"  {name} "]))
    assume(written.strip())
    assert law == resolve_instrument(written, [law]).law


# -- statutory maxima ---------------------------------------------------------------------------


def penalty(years=None, fine=None, **more):
    return StatutoryPenalty(
        maximum_term=None if years is None else Term(years=years),
        maximum_fine=None if fine is None else Money(fine, "KHR"),
        **more,
    )


TEST_LAW = Law(
    id="khm/law/test",
    jurisdiction="KHM",
    kind=LawKind.LAW,
    titles=("Test Law",),
    articles=(
        Article(number="1"),
        Article(number="2", penalties=(penalty(2, 1000000),)),
        Article(number="3", penalties=(penalty(5),)),
        Article(number="4", penalties=(penalty(fine=4000000),)),
    ),
    penalties=(penalty(10),),
)


def test_the_state_of_emergency_maximum_is_five_years_rising_to_ten():
    result = statutory_maximum(LAWS.values(), LawReference(law=STATE_OF_EMERGENCY.id))
    assert result.from_instrument
    assert Term(years=5) == result.penalty.maximum_term
    assert Money(5000000, "KHR") == result.penalty.maximum_fine
    # The variant keeps the base penalty's fine: what it leaves out is as in the base.
    expected = civicspace.sentences.AggravatedPenalty(
        condition="if deemed to ‘impact national security’",
        maximum_term=Term(years=10),
        maximum_fine=Money(5000000, "KHR"),
    )
    assert (expected,) == result.penalty.aggravated


@pytest.mark.parametrize(
    ("years", "within_base", "within_variant"),
    [(5, True, True), (7, False, True), (11, False, False)],
)
def test_a_sentence_compared_with_the_statutory_maximum(years, within_base, within_variant):
    result = statutory_maximum(LAWS.values(), LawReference(law=STATE_OF_EMERGENCY.id))
    sentence = civicspace.Sentence(person="someone", term=Term(years=years))
    comparison = civicspace.sentences.compare_with_penalty(sentence, result.penalty)
    assert (within_base, (within_variant,)) == (
        comparison.within_base,
        comparison.within_variants,
    )


def test_the_criminal_code_record_states_no_penalty_for_494_and_495():
    (citation,) = parse_citation("articles 494 and 495 of the Cambodian Criminal Code")
    result = statutory_maximum(LAWS.values(), resolve_citation(citation, LAWS.values()))
    assert result.penalty is None
    assert ("494", "495") == result.without_penalty


@pytest.mark.parametrize(
    ("articles", "years", "fine", "used", "from_instrument", "without", "missing"),
    [
        (("2", "3"), 5, 1000000, ("2", "3"), False, (), ()),
        (("2", "4"), 2, 4000000, ("2", "4"), False, (), ()),
        (("1", "3", "9"), 5, None, ("3",), False, ("1",), ("9",)),
        (("1",), 10, None, (), True, ("1",), ()),
        (("9",), 10, None, (), True, (), ("9",)),
        ((), 10, 4000000, ("2", "3", "4"), True, (), ()),
    ],
)
def test_the_heaviest_cited_article_sets_the_maximum(
    articles, years, fine, used, from_instrument, without, missing
):
    result = statutory_maximum([TEST_LAW], LawReference(law=TEST_LAW.id, articles=articles))
    assert Term(years=years) == result.penalty.maximum_term
    assert (None if fine is None else Money(fine, "KHR")) == result.penalty.maximum_fine
    assert (used, from_instrument, without, missing) == (
        result.articles,
        result.from_instrument,
        result.without_penalty,
        result.missing,
    )


def test_life_is_the_greatest_maximum():
    law = Law(
        id="khm/law/test",
        jurisdiction="KHM",
        kind=LawKind.LAW,
        titles=("Test Law",),
        articles=(
            Article(number="1", penalties=(StatutoryPenalty(maximum_term=LIFE),)),
            Article(number="2", penalties=(penalty(30),)),
        ),
    )
    result = statutory_maximum([law], LawReference(law=law.id, articles=("2", "1")))
    assert LIFE is result.penalty.maximum_term


def test_death_in_any_cited_article_is_in_the_maximum():
    # Iran's Islamic Penal Code, article 286: "corruption on earth" is punishable by death.
    law = Law(
        id="irn/code/test",
        jurisdiction="IRN",
        kind=LawKind.CODE,
        titles=("Test Code",),
        articles=(
            Article(number="286", penalties=(StatutoryPenalty(death=True),)),
            Article(number="500", penalties=(penalty(1),)),
        ),
    )
    result = statutory_maximum([law], LawReference(law=law.id, articles=("500", "286")))
    assert True is result.penalty.death
    assert Term(years=1) == result.penalty.maximum_term
    only = statutory_maximum([law], LawReference(law=law.id, articles=("500",)))
    assert None is only.penalty.death


def test_a_reference_to_no_known_law_is_an_error():
    with pytest.raises(civicspace.errors.UnknownLawError):
        statutory_maximum(LAWS.values(), LawReference(law="khm/law/no-such-law"))


@given(cst.laws(), st.data())
def test_the_maximum_is_at_least_every_cited_articles_maximum(law, data):
    numbers = tuple(data.draw(st.lists(st.sampled_from([a.number for a in law.articles] or ["1"]))))
    reference = LawReference(law=law.id, articles=numbers)
    try:
        result = statutory_maximum([law], reference)
    except (civicspace.errors.IncomparableTermsError, civicspace.errors.CurrencyMismatchError):
        assume(False)
    cited = [law.article(number) for number in numbers]
    used = [p for article in cited if article is not None for p in article.penalties]
    if not numbers:
        used = [*law.penalties, *(p for article in law.articles for p in article.penalties)]
    elif not used:
        used = list(law.penalties)
    if not used:
        assert result.penalty is None
        return
    for stated in used:
        if stated.maximum_term is not None:
            assert stated.maximum_term <= result.penalty.maximum_term
        if stated.maximum_fine is not None:
            assert stated.maximum_fine <= result.penalty.maximum_fine
        for variant in stated.aggravated:
            applied = stated.applying(variant)
            assert (variant.condition, applied.maximum_term, applied.maximum_fine) in [
                (restated.condition, restated.maximum_term, restated.maximum_fine)
                for restated in result.penalty.aggravated
            ]
    assert result.penalty.minimum_term is None and result.penalty.minimum_fine is None
    assert [] == check_record(result.penalty)


# -- counting citations -------------------------------------------------------------------------

# The charges the source texts report, each a citation as published and who was charged.
CHARGES = [
    ("activist", "articles 88, 494, and 495 of Cambodia’s Penal Code"),  # Kong Raiya
    ("activist", "articles 494 and 495 of Cambodia’s Penal Code"),
    ("defender", "Article 495 of Cambodia’s Penal Code"),  # Rong Chhun
    ("journalist", "Article 445 of Cambodia’s Criminal Code"),  # Uon Chhin, Yeang Sothearin
    (
        "journalist",
        "Article 39 of the Law on the Suppression of Human Trafficking and Sexual Exploitation",
    ),
    ("journalist", "Articles 494 and 495 of the Cambodian Criminal Code"),  # Aun Pheap
    ("activist", "articles 494 and 495 of the Cambodian Criminal Code"),  # Mother Nature
]


def charged():
    return [
        (role, resolve_citation(citation, LAWS.values()))
        for role, text in CHARGES
        for citation in parse_citation(text)
    ]


def test_how_often_each_article_is_cited():
    code = "khm/code/2009/criminal-code"
    expected = {
        (code, "495"): 5,
        (code, "494"): 4,
        (code, "88"): 1,
        (code, "445"): 1,
        ("khm/law/2008/suppression-of-human-trafficking-and-sexual-exploitation", "39"): 1,
    }
    counts = count_references_by_article(reference for _, reference in charged())
    assert expected == counts
    assert list(expected) == list(counts)


def test_how_often_each_article_is_cited_against_whom():
    code = "khm/code/2009/criminal-code"
    counts = count_references_by_article_and_key(charged())
    assert {"activist": 3, "defender": 1, "journalist": 1} == counts[(code, "495")]
    assert list(counts[(code, "495")]) == ["activist", "defender", "journalist"]
    assert {"journalist": 1} == counts[(code, "445")]


def test_a_whole_instrument_and_a_repeated_article_are_counted_once_each():
    references = [
        LawReference(law="khm/law/2015/lango"),
        LawReference(law="khm/code/2009/criminal-code", articles=("13 bis", "13-Bis", "14")),
    ]
    expected = {
        ("khm/law/2015/lango", None): 1,
        ("khm/code/2009/criminal-code", "13 bis"): 1,
        ("khm/code/2009/criminal-code", "14"): 1,
    }
    assert expected == count_references_by_article(references)


@given(st.lists(cst.law_references(), max_size=8))
def test_counts_add_up_and_come_most_cited_first(references):
    counts = count_references_by_article(references)
    expected_total = sum(
        len({civicspace.laws.canonical_article_number(n) for n in ref.articles}) or 1
        for ref in references
    )
    assert expected_total == sum(counts.values())
    assert sorted(counts.values(), reverse=True) == list(counts.values())
    by_role = count_references_by_article_and_key(
        (len(ref.articles) % 2, ref) for ref in references
    )
    assert counts == {key: sum(groups.values()) for key, groups in by_role.items()}


# -- checks -------------------------------------------------------------------------------------


def law_document(**members):
    document = json.loads(json.dumps(EXAMPLES["khm/code/2009/criminal-code"]))
    document.update(members)
    return document


def status(state, date):
    return {"status": state, "date": date}


def found(document):
    return [(issue.path, issue.code) for issue in civicspace.validate(document)]


@pytest.mark.parametrize(
    ("members", "expected"),
    [
        (
            {"status": [status("in_force", "2015"), status("adopted", "2014-12")]},
            [("$.status[1].date", "law.status_out_of_order")],
        ),
        (
            {"status": [status("in_force", "2015-08"), status("repealed", "2015-08")]},
            [("$.status[1].status", "law.status_contradiction")],
        ),
        (
            {"status": [status("adopted", "2015"), status("adopted", "2015")]},
            [("$.status[1]", "law.status_repeated")],
        ),
        (
            {"articles": [{"number": "13 bis"}, {"number": "494"}, {"number": "13-Bis"}]},
            [("$.articles[2].number", "law.article_repeated")],
        ),
        (
            {
                "kind": "draft_law",
                "status": [status("drafted", "2020"), status("in_force", "2021")],
            },
            [("$.status[1].status", "law.draft_enacted")],
        ),
        (
            {"features": [{"feature": "other", "sources": [{"title": "A report"}]}]},
            [("$.features[0]", "law.feature_note_missing")],
        ),
        (
            {
                "articles": [
                    {
                        "number": "495",
                        "penalties": [
                            {
                                "minimum_fine": {"amount": "4000000", "currency": "KHR"},
                                "maximum_fine": {"amount": "1000000", "currency": "KHR"},
                            }
                        ],
                    }
                ]
            },
            [("$.articles[0].penalties[0].minimum_fine", "penalty.minimum_fine_above_maximum")],
        ),
        # Partial dates are out of order only when certainly so.
        ({"status": [status("adopted", "2020-04"), status("in_force", "2020")]}, []),
        ({"status": [status("in_force", "2015-08"), status("amended", "2015-08")]}, []),
        ({"status": [status("rescinded", "2018-11"), status("repealed", "2018-11")]}, []),
    ],
)
def test_a_law_breaking_a_rule_gets_an_issue_with_its_path(members, expected):
    assert expected == found(law_document(**members))


@pytest.mark.parametrize(
    ("members", "expected"),
    [
        ({"titles": []}, ("$.titles", "schema.min_items")),
        ({"kind": "Code"}, ("$.kind", "schema.enum")),
        ({"kind": "sub-decree"}, ("$.kind", "schema.enum")),
        ({"id": "KHM/code/2009/criminal-code"}, ("$.id", "schema.pattern")),
        ({"jurisdiction": "KH"}, ("$.jurisdiction", "schema.enum")),
        ({"short_names": []}, ("$.short_names", "schema.min_items")),
        ({"short_names": None}, ("$.short_names", "schema.type")),
        ({"articles": [{"number": "494\n"}]}, ("$.articles[0].number", "value.invalid")),
        ({"articles": [{"number": "494(1)"}]}, ("$.articles[0].number", "schema.pattern")),
        ({"articles": [{"number": 494}]}, ("$.articles[0].number", "schema.type")),
        (
            {"articles": [{"number": "494", "restricts": ["speech"]}]},
            ("$.articles[0].restricts[0]", "schema.enum"),
        ),
        (
            {"status": [{"status": "in force", "date": "2020"}]},
            ("$.status[0].status", "schema.enum"),
        ),
        (
            {"status": [{"status": "in_force", "date": "2020-13"}]},
            ("$.status[0].date", "schema.pattern"),
        ),
        ({"status": [{"status": "in_force"}]}, ("$.status[0].date", "schema.required")),
        ({"features": [{"feature": "vague_terms"}]}, ("$.features[0].sources", "schema.required")),
        (
            {"features": [{"feature": "vague", "sources": [{"title": "A"}]}]},
            ("$.features[0].feature", "schema.enum"),
        ),
        ({"penalties": [{}]}, ("$.penalties[0]", "schema.any_of")),
        ({"penalties": [{"maximum_term": "5 years"}]}, ("$.penalties[0].maximum_term", None)),
        ({"in_force": True}, ("$.in_force", "schema.additional_properties")),
    ],
)
def test_near_misses_are_refused_with_their_path(members, expected):
    path, code = expected
    issues = found(law_document(**members))
    assert path in [where for where, _ in issues]
    if code is not None:
        assert (path, code) in issues
    document = law_document(**members)
    with pytest.raises(civicspace.ValidationError) as raised:
        civicspace.load(document)
    assert "law" == raised.value.record_type
    assert document["id"] == raised.value.record_id


@given(cst.laws(), st.data())
def test_a_repeated_article_is_always_caught(law, data):
    assume(law.articles)
    index = data.draw(st.integers(0, len(law.articles) - 1))
    repeated = Article(number=law.articles[index].number.upper())
    document = civicspace.dump(law)
    document["articles"].append(civicspace.dump(repeated))
    expected = [(f"$.articles[{len(law.articles)}].number", "law.article_repeated")]
    assert expected == [(path, code) for path, code in found(document) if code.startswith("law.")]


@given(cst.laws())
def test_a_history_listed_newest_first_is_caught_when_dates_certainly_differ(law):
    reversed_history = list(reversed(law.status))
    document = civicspace.dump(law)
    if not reversed_history:
        return
    document["status"] = [civicspace.dump(change) for change in reversed_history]
    out_of_order = any(
        later.date.before(earlier.date) is True
        for index, later in enumerate(reversed_history)
        for earlier in reversed_history[:index]
    )
    codes = {code for _, code in found(document)}
    assert out_of_order == ("law.status_out_of_order" in codes)


def test_a_law_vetoed_then_adopted_over_the_veto() -> None:
    """Georgia's law "On Transparency of Foreign Influence": "After the unpopular law was passed
    on 14 May, Georgia's President Salome Zourabichvili vetoed the legislation ... four days
    later"; "The Georgian parliament voted to overturn the presidential veto ... on Tuesday"
    (Novaya Gazeta Europe, 28 May 2024).
    """
    law = civicspace.load(
        {
            "type": "law",
            "id": "geo/law/2024/transparency-of-foreign-influence",
            "jurisdiction": "GEO",
            "kind": "law",
            "titles": ["On Transparency of Foreign Influence"],
            "status": [
                {"status": "adopted", "date": "2024-05-14"},
                {"status": "vetoed", "date": "2024-05-18"},
                {"status": "veto_overridden", "date": "2024-05-28"},
            ],
        }
    )
    day = datetime.date
    assert [None, False, None] == [
        in_force_on(law, on) for on in (day(2024, 5, 15), day(2024, 5, 20), day(2024, 5, 29))
    ]
    assert False is in_force_on(law, day(2024, 5, 1))


def test_a_law_struck_down_is_no_longer_in_force() -> None:
    law = civicspace.load(
        {
            "type": "law",
            "id": "xyz/law/2020/l",
            "jurisdiction": "KHM",
            "kind": "law",
            "titles": ["L"],
            "status": [
                {"status": "in_force", "date": "2020-01-01"},
                {"status": "struck_down", "date": "2021-06-01"},
            ],
        }
    )
    assert [True, False] == [
        in_force_on(law, on) for on in (datetime.date(2021, 1, 1), datetime.date(2021, 7, 1))
    ]
