"""Reading signatory lists as published, and telling when two spellings are one organisation.

Every list here is copied, line for line, from
/work/shared/sources/civicus-cambodia-articles.txt (non-breaking spaces and
all).
"""

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

import civicspace
from civicspace import ParseError
from civicspace import strategies as cst
from civicspace.people import (
    CaseOrganisation,
    MatchRule,
    OtherName,
    match_organisations,
    normalise_organisation_name,
)
from civicspace.readers import parse_signatories
from civicspace.statements import Signatory

#: "Cambodia and COVID19: State of Emergency draft law will put civic freedoms at further risk":
#: "CIVICUS, FORUM-ASIA, Frontline Defenders and Civil Rights Defenders are seriously concerned".
STATE_OF_EMERGENCY_LIST = "\n".join(
    [
        "    • Asian Forum for Human Rights and Development (FORUM-ASIA)",
        "    • CIVICUS: World Alliance for Citizen Participation",
        "    • Civil Rights Defenders",
        "    • Frontline Defenders",
    ]
)

#: "Cambodia Human Rights Crisis: The UN Human Rights Council Should Act Now", after "Sincerely,".
HRC48_LIST = "\n".join(
    [
        "    1. Amnesty International",
        "    2. ARTICLE 19",
        "    3. Asian Forum for Human Rights and Development (FORUM-ASIA)",
        "    4. CIVICUS – World Alliance for Citizen Participation",
        "    5. Human Rights Watch",
        "    6. International Federation for Human Rights (FIDH)",
        "    7. World Organisation Against Torture (OMCT)",
    ]
)

#: "Cambodia: 4 years on, no effective investigation into Kem Ley’s unlawful killing":
#: "We, the 30 undersigned organizations, will continue our call ...".
KEM_LEY_LIST = "\n".join(
    [
        "    Amnesty International\xa0",
        "    Article 19",
        "    ASEAN Parliamentarians for Human Rights (APHR)",
        "    Asian Democracy Network (ADN)\xa0",
        "    Asian Forum for Human Rights and Development (FORUM-ASIA)",
        "    Asian Network for Free Elections (ANFREL)",
        "    Cambodian Alliance of Trade Unions (CATU)",
        "    Cambodian Center for Human Rights (CCHR)",
        "    Cambodian Food and Service Workers Federation (CFSWF)",
        "    Cambodian Human Rights and Development Association (ADHOC)",
        "    Cambodian Institute for Democracy (CID)",
        "    Cambodian League for the Promotion and Defense of Human Rights (LICADHO)",
        "    Center for Alliance of Labor and Human Rights (CENTRAL)",
        "    CIVICUS: World Alliance for Citizen Participation",
        "    Civil Rights Defenders",
        "    Coalition of Cambodian Farmer Community (CCFC-Association)",
        "    Committee for Free and Fair Elections in Cambodia (COMFREL)",
        "    Equitable Cambodia",
        "    Human Rights Watch (HRW)",
        "    Informal Democratic Economy Association (IDEA)",
        "    International Commission of Jurists (ICJ)",
        "    International Federation for Human Rights (FIDH),"
        " within the framework of the Observatory for the Protection of Human Rights Defenders",
        "    International Freedom of Expression Exchange (IFEX)\xa0",
        "    Lawyers’ Rights Watch Canada (LRWC)",
        "    Mother Nature Cambodia",
        "    Not1More (N1M)",
        "    People Center for Development and Peace (PDP-CENTER)",
        "    Transparency International Cambodia (TI-C)\xa0",
        "    World Organization Against Torture (OMCT),"
        " within the framework of the Observatory for the Protection of Human Rights Defenders",
        "    Youth Resource Development Program (YRDP)",
    ]
)

#: "Cambodia: Charges against journalists must be dropped": "This joint statement is endorsed by:".
JOURNALISTS_LIST = "\n".join(
    [
        "    1. Cambodian Journalists Alliance (CamboJA)",
        "    2. Cambodian Center for Human Rights (CCHR)",
        "    3. Cambodian Center for Independent Media (CCIM)",
        "    4. Cambodian Food and Service Workers Federation (CFSWF)",
        "    5. Cambodian Human Rights and Development Association (ADHOC)",
        "    6. Minority Rights Organization (MIRO)",
        "    7. Ponlok Khmer (PKH)",
        "    8. Youth Resource Development Program (YRDP)",
        "    9. Affiliated Network for Social Accountability (ANSA) Cambodia",
        "    10. Community Legal Education Center (CLEC)",
        "    11. Khmer Kampuchea Krom for Human Rights and Development Association (KKKHRDA)",
        "    12. Independent Democracy of Informal Economy Association (IDEA)",
        "    13. Center for Alliance of Labor and Human Rights (CENTRAL)",
        "    14. Cambodian Tourism Workers Union Federation (CTWUF)",
        "    15. Equitable Cambodia (EC)",
        "    16. Gender and Development for Cambodia (GADC)",
        "    17. Sahmakum Teang Tnaut (STT)",
        "    18. Coalition of Cambodian Farmer Community (CCFC)",
        "    19. International Freedom of Expression Exchange (IFEX)",
        "    20. Article 19",
        "    21. FIDH,"
        " within the framework of the Observatory for the Protection of Human Rights Defenders",
        "    22. World Organisation Against Torture (OMCT),"
        " within the framework of the Observatory for the Protection of Human Rights Defenders",
        "    23. Building Community Voices (BCV)",
        "    24. Committee for Free and Fair Elections in Cambodia (COMFREL)",
        "    25. Cambodian League for the Promotion and Defense of Human Rights (LICADHO)",
        "    26. CIVICUS: World Alliance for Citizen Participation",
        "    27. Alliance for Conflict Transformation (ACT)",
        "    28. International Federation of Journalists (IFJ)",
        "    29. Reporters Without Borders (RSF)",
        "    30. International Commission of Jurists (ICJ)",
        "    31. Asian Forum for Human Rights and Development (FORUM-ASIA)",
        "    32. Cambodian Independent Teachers’ Association (CITA)",
        "    33. Amnesty International (AI)",
        "    34. Cambodian Volunteers for Society (CVS)",
        "    35. Cambodian Independent Civil-Servants Association (CICA)",
        "    36. ASEAN Parliamentarians for Human Rights (APHR)",
        "    37. Cambodian Youth Network (CYN)",
    ]
)


# -- Reading lists --------------------------------------------------------------------------------

KEM_LEY_DECLARATION = (
    "Today, on the fourth anniversary of the killing of prominent political commentator and "
    "human rights defender Kem Ley, we, the 30 undersigned organizations, call on the Cambodian "
    "authorities to create an independent Commission of Inquiry"
)


def declared_count(sentence):
    numbers = re.findall(r"\b(?:the|we, the) ([0-9]+) undersigned", sentence)
    assert len(numbers) == 1
    return int(numbers[0])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Four named in the statement's first sentence.
        (STATE_OF_EMERGENCY_LIST, 4),
        (HRC48_LIST, 7),
        # "we, the 30 undersigned organizations"
        (KEM_LEY_LIST, declared_count(KEM_LEY_DECLARATION)),
        # The issue: "a numbered list of 37 endorsers"; the last line is "37. Cambodian Youth ...".
        (JOURNALISTS_LIST, 37),
    ],
    ids=["state-of-emergency", "hrc48-letter", "kem-ley", "journalists"],
)
def test_every_list_in_the_sources_reads_to_the_number_it_has(text, expected):
    assert expected == len(parse_signatories(text))


def test_the_kem_ley_list_reads_to_its_declared_count_and_names():
    read = parse_signatories(KEM_LEY_LIST)
    assert 30 == declared_count(KEM_LEY_DECLARATION) == len(read)
    assert Signatory(name="Amnesty International") == read[0]
    assert Signatory(name="Youth Resource Development Program", acronym="YRDP") == read[-1]
    assert Signatory(name="Lawyers’ Rights Watch Canada", acronym="LRWC") == read[23]
    assert (
        Signatory(name="Coalition of Cambodian Farmer Community", acronym="CCFC-Association")
        == (read[15])
    )


def test_a_qualifier_after_a_comma_is_kept_word_for_word():
    line = (
        "International Federation for Human Rights (FIDH), within the framework of the "
        "Observatory for the Protection of Human Rights Defenders"
    )
    expected = (
        Signatory(
            name="International Federation for Human Rights",
            acronym="FIDH",
            qualifier=(
                "within the framework of the Observatory for the Protection of Human Rights "
                "Defenders"
            ),
        ),
    )
    assert expected == parse_signatories(line)
    assert expected[0] == parse_signatories(KEM_LEY_LIST)[21]


def test_an_acronym_used_as_the_name_is_the_name_and_nothing_is_looked_up():
    read = parse_signatories(JOURNALISTS_LIST)[20]
    assert ("FIDH", None) == (read.name, read.acronym)
    assert read.qualifier.startswith("within the framework of the Observatory")


def test_an_acronym_inside_the_name_is_taken_out_of_it():
    expected = Signatory(
        name="Affiliated Network for Social Accountability Cambodia", acronym="ANSA"
    )
    assert expected == parse_signatories(JOURNALISTS_LIST)[8]


def test_numbers_and_bullets_are_dropped_and_colons_and_dashes_kept():
    assert (
        Signatory(name="Cambodian Journalists Alliance", acronym="CamboJA"),
        Signatory(name="CIVICUS – World Alliance for Citizen Participation"),
        Signatory(name="CIVICUS: World Alliance for Citizen Participation"),
    ) == (
        parse_signatories("1. Cambodian Journalists Alliance (CamboJA)")
        + parse_signatories(HRC48_LIST)[3:4]
        + parse_signatories(STATE_OF_EMERGENCY_LIST)[1:2]
    )


def test_one_line_reads_as_one_signatory():
    assert (Signatory(name="Civil Rights Defenders"),) == parse_signatories(
        "Civil Rights Defenders"
    )


def test_a_list_punctuated_as_a_sentence_reads_without_its_semicolons():
    assert (
        Signatory(name="Article 19"),
        Signatory(name="Amnesty International", acronym="AI"),
    ) == (parse_signatories("Article 19;\nAmnesty International (AI);"))


def test_blank_lines_are_skipped():
    assert 2 == len(parse_signatories("\n  1. Article 19\n\n  2. Amnesty International (AI)\n\n"))


def test_words_in_parentheses_stay_in_the_name():
    assert (Signatory(name="Mr. Yeang Sothearin (known as Yeang Sochea Meta)"),) == (
        parse_signatories("Mr. Yeang Sothearin (known as Yeang Sochea Meta)")
    )


def test_empty_parentheses_are_dropped():
    # "Cornelius Hanung, Asia Advocacy and Campaigns Officer of CIVICUS ()": an address removed.
    assert (Signatory(name="Frontline Defenders"),) == parse_signatories("Frontline Defenders ()")


@pytest.mark.parametrize(
    "text",
    [
        "1. Cambodian Journalists Alliance (CamboJA)\n2. Cambodian Center for Human Rights (CCHR)\n"
        "4. Cambodian Food and Service Workers Federation (CFSWF)",
        "2. Cambodian Center for Human Rights (CCHR)\n1. Cambodian Journalists Alliance (CamboJA)",
    ],
    ids=["a-line-missing", "out-of-order"],
)
def test_numbering_that_skips_or_goes_back_is_refused(text):
    with pytest.raises(ParseError, match="is a line missing or out of order"):
        parse_signatories(text)


@pytest.mark.parametrize("line", ["3.", "•", "- ", "(CCHR)"])
def test_a_line_naming_no_organisation_is_refused(line):
    with pytest.raises(ParseError, match="names no organisation"):
        parse_signatories(line)


def test_not_text_is_refused_with_a_parse_error():
    with pytest.raises(ParseError):
        parse_signatories(None)


_PLAIN = st.text(
    alphabet=st.characters(
        categories=("L", "N"), include_characters=" ’'&:-", exclude_characters="()"
    ),
    min_size=1,
    max_size=30,
).filter(lambda text: text.strip() and not re.match(r"\s*(?:[0-9]{1,4}[.)]|[•◦▪‣·*–—-])", text))
_WORD = st.text(alphabet=st.characters(categories=("L", "N")), min_size=1, max_size=12)


@given(
    st.builds(
        Signatory,
        name=_PLAIN.map(lambda text: " ".join(text.split())),
        acronym=st.none() | _WORD,
        qualifier=st.none() | _PLAIN.map(lambda text: " ".join(text.split())),
    )
)
def test_a_printed_signatory_reads_back_equal(signatory):
    assert (signatory,) == parse_signatories(str(signatory))


@given(st.lists(cst.signatories(), min_size=1, max_size=5))
def test_a_list_reads_in_order_numbered_or_bulleted_or_plain(listed):
    plain = [Signatory(name=" ".join(s.name.split()) or "x") for s in listed]
    plain = [s for s in plain if re.fullmatch(r"[^(),0-9•◦▪‣·*–—-][^(),]*(?<![;,])", s.name)]
    numbered = "\n".join(f"{index}. {s}" for index, s in enumerate(plain, 1))
    bulleted = "\n".join(f"• {s}" for s in plain)
    assert tuple(plain) == parse_signatories(numbered) == parse_signatories(bulleted)


# -- Matching -------------------------------------------------------------------------------------


def one(line):
    (signatory,) = parse_signatories(line)
    return signatory


@pytest.mark.parametrize(
    ("first", "second", "rule"),
    [
        (
            "World Organisation Against Torture (OMCT)",
            "World Organization Against Torture (OMCT), within the framework of the Observatory "
            "for the Protection of Human Rights Defenders",
            MatchRule.SAME_NAME,
        ),
        (
            "CIVICUS: World Alliance for Citizen Participation",
            "CIVICUS – World Alliance for Citizen Participation",
            MatchRule.SAME_NAME,
        ),
        # "NGO Centre for Alliance of Labour and Human Rights (CENTRAL)" in another article.
        (
            "Center for Alliance of Labor and Human Rights (CENTRAL)",
            "Centre for Alliance of Labour and Human Rights (CENTRAL)",
            MatchRule.SAME_NAME,
        ),
        ("ARTICLE 19", "Article 19", MatchRule.SAME_NAME),
        ("Equitable Cambodia", "Equitable Cambodia (EC)", MatchRule.SAME_NAME),
        # "a licence to The Cambodian Journalists Alliance (CamboJA)"
        (
            "The Cambodian Journalists Alliance (CamboJA)",
            "Cambodian Journalists Alliance (CamboJA)",
            MatchRule.SAME_NAME,
        ),
        (
            "FIDH, within the framework of the Observatory for the Protection of Human Rights "
            "Defenders",
            "International Federation for Human Rights (FIDH)",
            MatchRule.NAME_IS_ACRONYM,
        ),
    ],
    ids=["omct", "civicus", "central", "article-19", "equitable", "the-camboja", "fidh"],
)
def test_two_spellings_of_one_organisation_match_with_the_rule_named(first, second, rule):
    match = match_organisations(one(first), one(second))
    assert (True, rule) == (match.same, match.rule)
    assert bool(match)
    assert (True, rule) == (match_organisations(one(second), one(first)).same, rule)


def test_the_explanation_names_both_spellings_and_what_they_share():
    match = match_organisations(
        one("World Organisation Against Torture (OMCT)"),
        one("World Organization Against Torture (OMCT)"),
    )
    assert (
        "'World Organisation Against Torture' and 'World Organization Against Torture' are the "
        "same name once spelling, case, punctuation and dashes are set aside "
        "('world organisation against torture')"
    ) == match.explanation


def test_two_cambodian_centers_that_share_words_are_not_one():
    match = match_organisations(
        one("Cambodian Center for Human Rights (CCHR)"),
        one("Cambodian Center for Independent Media (CCIM)"),
    )
    assert (False, None) == (match.same, match.rule)
    assert not match
    assert "share neither name nor acronym" in match.explanation


def test_an_acronym_alone_never_merges_and_the_explanation_says_so():
    # Two spellings of IDEA in the sources, in two statements.
    first = one("Informal Democratic Economy Association (IDEA)")
    second = one("Independent Democracy of Informal Economy Association (IDEA)")
    match = match_organisations(first, second)
    assert (False, None) == (match.same, match.rule)
    assert "an acronym alone never makes two organisations one" in match.explanation


def test_other_names_of_an_organisation_record_count_as_names():
    record = CaseOrganisation(
        id="idea",
        name="Independent Democratic Association of Informal Economy",
        acronym="IDEA",
        other_names=(OtherName(name="Informal Democratic Economy Association"),),
    )
    match = match_organisations(record, one("Informal Democratic Economy Association (IDEA)"))
    assert (True, MatchRule.SAME_NAME) == (match.same, match.rule)


def test_ids_decide_when_both_have_one():
    same_name = [
        Signatory(id="omct", name="World Organisation Against Torture"),
        Signatory(id="omct-geneva", name="World Organisation Against Torture"),
    ]
    assert (False, None) == (
        match_organisations(*same_name).same,
        match_organisations(*same_name).rule,
    )
    one_id = Signatory(id="omct", name="OMCT")
    assert MatchRule.SAME_ID == match_organisations(same_name[0], one_id).rule


def test_names_of_punctuation_only_match_only_themselves():
    assert not match_organisations(Signatory(name="!!"), Signatory(name="??"))
    assert match_organisations(Signatory(name="!!"), Signatory(name="!!"))


@given(cst.signatories(), cst.signatories())
def test_matching_is_symmetric(first, second):
    assert match_organisations(first, second).same == match_organisations(second, first).same


@given(cst.signatories())
def test_every_signatory_is_itself(signatory):
    assert match_organisations(signatory, signatory).same


@given(st.text(max_size=40))
def test_normalising_twice_changes_nothing(name):
    once = normalise_organisation_name(name)
    assert once == normalise_organisation_name(once)


@given(
    st.lists(
        st.sampled_from(
            [
                ("Organization", "Organisation"),
                ("Center", "Centre"),
                ("Labor", "Labour"),
                ("Defense", "Defence"),
                ("Program", "Programme"),
                ("for", "FOR"),
                (":", " –"),
                ("’s", "s"),
                ("&", "and"),
            ]
        ),
        min_size=1,
        max_size=6,
    )
)
def test_spelling_case_and_punctuation_variants_normalise_equal(words):
    american = " ".join(word for word, _ in words)
    british = " ".join(word for _, word in words)
    assert normalise_organisation_name(american) == normalise_organisation_name(british)


def test_normalised_form_of_the_civicus_names():
    assert (
        "civicus world alliance for citizen participation"
        == normalise_organisation_name("CIVICUS: World Alliance for Citizen Participation")
        == normalise_organisation_name("CIVICUS – World Alliance for Citizen Participation")
    )


def test_parse_signatories_is_public():
    assert civicspace.readers.parse_signatories is parse_signatories
