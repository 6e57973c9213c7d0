"""Country names as published, places that are not countries, and Council member lists.

Phrases and lists quoted here come from
/work/shared/sources/civicus-cambodia-articles.txt.
"""

import json
from importlib import resources

import pycountry
import pytest
from hypothesis import given
from hypothesis import strategies as st

import civicspace
from civicspace import ParseError
from civicspace._model.countries import _index, _normalise
from civicspace.countries import PlaceKind, country_code, lookup_place, place_of
from civicspace.errors import NotACountryError
from civicspace.readers import parse_members

# The member list printed after the 42nd session's advocacy priorities, verbatim.
HRC42_MEMBERS_TEXT = (
    "Afghanistan; Angola; Argentina; Australia; Austria; Bahamas; Bahrain; Bangladesh; "
    "Brazil; Bulgaria; Burkina Faso; Cameroon; Chile; China; Croatia; Cuba; Czechia; "
    "Democratic Republic of the Congo; Denmark; Egypt; Eritrea; Fiji; Hungary; Iceland; "
    "India; Iraq; Italy; Japan; Mexico; Nepal; Nigeria; Pakistan; Peru; Philippines; Qatar; "
    "Rwanda; Saudi Arabia; Senegal; Slovakia; Somalia; South Africa; Spain; Togo; Tunisia; "
    "Ukraine; United Kingdom of Great Britain and Northern Ireland; and Uruguay."
)
HRC42_MEMBERS = [
    "AFG",
    "AGO",
    "ARG",
    "AUS",
    "AUT",
    "BHS",
    "BHR",
    "BGD",
    "BRA",
    "BGR",
    "BFA",
    "CMR",
    "CHL",
    "CHN",
    "HRV",
    "CUB",
    "CZE",
    "COD",
    "DNK",
    "EGY",
    "ERI",
    "FJI",
    "HUN",
    "ISL",
    "IND",
    "IRQ",
    "ITA",
    "JPN",
    "MEX",
    "NPL",
    "NGA",
    "PAK",
    "PER",
    "PHL",
    "QAT",
    "RWA",
    "SAU",
    "SEN",
    "SVK",
    "SOM",
    "ZAF",
    "ESP",
    "TGO",
    "TUN",
    "UKR",
    "GBR",
    "URY",
]

# The list printed after the 45th session's: commas, no "and", no full stop, and
# "SomaliaSudan" run together.
HRC45_MEMBERS_TEXT = (
    "Afghanistan, Angola, Argentina, Armenia, Australia, Austria, Bahamas, Bahrain, "
    "Bangladesh, Bulgaria, Burkina Faso, Cameroon, Chile, Czech Republic, Democratic "
    "Republic of the Congo, Denmark, Eritrea, Fiji, Germany, India, Indonesia, Italy, Libya, "
    "Marshall Islands, Mauritania, Mexico, Namibia, Nepal, Netherlands, Nigeria, Poland, "
    "Pakistan, Peru, Philippines, Qatar, Republic of Korea, Senegal, Slovakia, SomaliaSudan, "
    "Spain, Togo, Ukraine, Uruguay, Venezuela"
)
HRC45_MEMBERS = [
    "AFG",
    "AGO",
    "ARG",
    "ARM",
    "AUS",
    "AUT",
    "BHS",
    "BHR",
    "BGD",
    "BGR",
    "BFA",
    "CMR",
    "CHL",
    "CZE",
    "COD",
    "DNK",
    "ERI",
    "FJI",
    "DEU",
    "IND",
    "IDN",
    "ITA",
    "LBY",
    "MHL",
    "MRT",
    "MEX",
    "NAM",
    "NPL",
    "NLD",
    "NGA",
    "POL",
    "PAK",
    "PER",
    "PHL",
    "QAT",
    "KOR",
    "SEN",
    "SVK",
    "ESP",
    "TGO",
    "UKR",
    "URY",
    "VEN",
]


# -- country_code ----------------------------------------------------------------------------

PUBLISHED = [
    # (the text around the name, the name as printed, its code)
    ("Cuba; Czechia; Democratic", "Czechia", "CZE"),
    ("Chile, Czech Republic, Democratic", "Czech Republic", "CZE"),
    (
        "Ukraine; United Kingdom of Great Britain and Northern Ireland; and Uruguay.",
        "United Kingdom of Great Britain and Northern Ireland",
        "GBR",
    ),
    (
        "Czechia; Democratic Republic of the Congo; Denmark",
        "Democratic Republic of the Congo",
        "COD",
    ),
    ("Qatar, Republic of Korea, Senegal", "Republic of Korea", "KOR"),
    ("cases of reprisals in Egypt, Bahrain, Viet Nam and China", "Viet Nam", "VNM"),
    ("Austria; Bahamas; Bahrain", "Bahamas", "BHS"),
    ("Libya, Marshall Islands, Mauritania", "Marshall Islands", "MHL"),
    ("Saudi Arabia is a member of the Human Rights Council.", "Saudi Arabia", "SAU"),
    ("Uruguay, Venezuela", "Venezuela", "VEN"),
    ("The Philippines (Civic space rating:Obstructed)", "The Philippines", "PHL"),
    ("In Hong Kong, new security law allows for retroactive detention", "Hong Kong", "HKG"),
]


@pytest.mark.parametrize(
    ("context", "name", "expected"), PUBLISHED, ids=[name for _, name, _ in PUBLISHED]
)
def test_country_code_reads_names_as_the_texts_print_them(context, name, expected):
    assert name in context
    assert expected == country_code(name)


UN_STYLE = [
    ("the Bahamas", "BHS"),
    ("BAHAMAS.", "BHS"),
    ("Bolivia (Plurinational State of)", "BOL"),
    ("Iran (Islamic Republic of)", "IRN"),
    ("Venezuela (Bolivarian Republic of)", "VEN"),
    ("Micronesia (Federated States of)", "FSM"),
    ("Netherlands (Kingdom of the)", "NLD"),
    ("Côte d’Ivoire", "CIV"),
    ("Cote d'Ivoire", "CIV"),
    ("Türkiye", "TUR"),
    ("Turkey", "TUR"),
    ("Republic of Moldova", "MDA"),
    ("United Republic of Tanzania", "TZA"),
    ("Democratic People's Republic of Korea", "PRK"),
    ("State of Palestine", "PSE"),
    ("Holy See", "VAT"),
    ("Guinea Bissau", "GNB"),
    ("Antigua & Barbuda", "ATG"),
    ("Republic of the Congo", "COG"),
    ("Congo", "COG"),
    ("Sao Tome and Principe", "STP"),
    ("The former Yugoslav Republic of Macedonia", "MKD"),
]


@pytest.mark.parametrize(("name", "expected"), UN_STYLE, ids=[name for name, _ in UN_STYLE])
def test_country_code_reads_un_style_and_older_names(name, expected):
    assert expected == country_code(name)


def test_a_typo_is_refused_with_the_real_name_first():
    # "Saudi Arabi, also rated as closed, remains a serious ongoing concern"
    with pytest.raises(ParseError) as raised:
        country_code("Saudi Arabi")
    assert not isinstance(raised.value, NotACountryError)
    assert "Saudi Arabi" == raised.value.text
    assert "Saudi Arabia" == raised.value.suggestions[0]
    assert "did you mean 'Saudi Arabia'" in str(raised.value)


def test_suggestions_name_each_place_once():
    with pytest.raises(ParseError) as raised:
        country_code("Saudi Arabi")
    places = [lookup_place(name) for name in raised.value.suggestions]
    assert len(set(places)) == len(places)


def test_two_names_run_together_are_named_as_such():
    with pytest.raises(ParseError) as raised:
        country_code("SomaliaSudan")
    assert ("Somalia", "Sudan") == raised.value.suggestions[:2]
    assert "run together" in str(raised.value)


@pytest.mark.parametrize("name", ["Korea", "Congo-Kinshasa", "", "   ", "KHM", "the", "Europe"])
def test_names_that_are_no_country_are_refused_not_guessed(name):
    with pytest.raises(ParseError) as raised:
        country_code(name)
    assert name == raised.value.text


def test_korea_alone_is_ambiguous_and_both_koreas_are_suggested():
    with pytest.raises(ParseError) as raised:
        country_code("Korea")
    assert {"South Korea", "North Korea"} <= set(raised.value.suggestions)


@pytest.mark.parametrize(
    ("name", "subdivision"),
    [
        ("Xinjiang", "CN-XJ"),
        ("Tibet", "CN-XZ"),
        ("Xinjiang Uyghur Autonomous Region", "CN-XJ"),
        ("Tibet Autonomous Region", "CN-XZ"),
    ],
)
def test_regions_named_in_the_texts_are_regions_of_china_not_countries(name, subdivision):
    # "China's mass human rights violations in Hong Kong, Tibet, and Xinjiang"
    with pytest.raises(NotACountryError) as raised:
        country_code(name)
    place = raised.value.place
    assert (PlaceKind.REGION, None, "CHN", subdivision) == (
        place.kind,
        place.code,
        place.part_of,
        place.subdivision,
    )
    assert ("China",) == raised.value.suggestions
    assert isinstance(raised.value, ParseError)


def test_a_region_says_what_it_is():
    with pytest.raises(NotACountryError) as raised:
        country_code("Xinjiang")
    assert "Xinjiang is an autonomous region of China (CHN), not a country" == str(raised.value)


def test_hong_kong_has_an_iso_code_but_is_a_territory_of_china():
    # "the decision to draft a national security law for Hong Kong"
    assert "HKG" == country_code("Hong Kong")
    place = lookup_place("Hong Kong")
    assert (PlaceKind.TERRITORY, "HKG", "CHN", "CN-HK", False) == (
        place.kind,
        place.code,
        place.part_of,
        place.subdivision,
        place.is_state,
    )
    assert place == lookup_place("Hong Kong SAR") == place_of("HKG")
    assert str(place).endswith("not a UN member state")


def test_the_texts_misspelling_of_xinjiang_is_refused_with_xinjiang_suggested():
    # "Mass detention, torture and mistreatment of millions of Uighurs and Turkic Muslims in
    # Xianjang"
    with pytest.raises(ParseError) as raised:
        country_code("Xianjang")
    assert "Xinjiang" in raised.value.suggestions


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Cambodia", PlaceKind.UN_MEMBER_STATE),
        ("Holy See", PlaceKind.UN_OBSERVER_STATE),
        ("State of Palestine", PlaceKind.UN_OBSERVER_STATE),
        ("Greenland", PlaceKind.TERRITORY),
        ("Taiwan", PlaceKind.TERRITORY),
        ("Tibet", PlaceKind.REGION),
    ],
)
def test_lookup_place_tells_states_from_territories_and_regions(name, kind):
    assert kind == lookup_place(name).kind


@pytest.mark.parametrize("country", list(pycountry.countries), ids=lambda c: c.alpha_3)
def test_every_iso_name_reads_as_its_code_in_any_case(country):
    names = [country.name]
    for attribute in ("official_name", "common_name"):
        if getattr(country, attribute, None):
            names.append(getattr(country, attribute))
    for name in names:
        for variant in (name, name.upper(), name.lower(), name.casefold()):
            assert country.alpha_3 == country_code(variant), variant


def _known_names():
    return sorted(_index().spelled.values())


@given(
    st.sampled_from(_known_names()),
    st.lists(st.booleans(), max_size=80),
    st.sampled_from(["", "the ", "The ", "THE "]),
    st.sampled_from(["", ".", " ", "  .", ","]),
)
def test_case_a_leading_the_and_trailing_punctuation_do_not_matter(name, flips, before, after):
    flipped = "".join(
        char.swapcase() if index < len(flips) and flips[index] else char
        for index, char in enumerate(name)
    )
    variant = f"{before}{flipped}{after}"
    assert lookup_place(name) == lookup_place(variant)


@given(st.text(max_size=30))
def test_any_text_is_read_exactly_or_refused_with_readable_suggestions(text):
    try:
        place = lookup_place(text)
    except ParseError as error:
        assert text == error.text
        assert len(error.suggestions) <= 3
        for suggestion in error.suggestions:
            lookup_place(suggestion)
    else:
        # Read only when it is a known name up to normalisation: never a best guess.
        assert place == _index().places[_normalise(text)]


@given(st.sampled_from(_known_names()), st.data())
def test_a_name_with_a_letter_dropped_is_never_read_as_that_name(name, data):
    letters = [index for index, char in enumerate(name) if char.isalnum()]
    drop = data.draw(st.sampled_from(letters))
    typo = name[:drop] + name[drop + 1 :]
    try:
        place = lookup_place(typo)
    except ParseError:
        return
    # Only a name that is itself known reads ("Niger" from "Nigeri"... is not one).
    assert _normalise(typo) in _index().places
    assert place == _index().places[_normalise(typo)]


def test_every_un_member_state_with_a_letter_dropped_suggests_itself():
    for code in sorted(civicspace.countries.un_member_states()):
        name = place_of(code).name
        typo = name[:-1] if name[-1].isalnum() else name[:-2]
        if _normalise(typo) in _index().places:
            continue
        with pytest.raises(ParseError) as raised:
            country_code(typo)
        assert name in raised.value.suggestions, (typo, raised.value.suggestions)


def test_the_shipped_table_is_sound():
    text = resources.files("civicspace").joinpath("data", "countries.json").read_text("utf-8")
    data = json.loads(text)
    iso = {country.alpha_3 for country in pycountry.countries}
    members = data["un_member_states"]["codes"]
    assert 193 == len(members) == len(set(members))
    assert set(members) <= iso
    assert not {"HKG", "MAC", "TWN", "PSE", "VAT", "GRL", "PRI"} & set(members)
    assert frozenset(members) == civicspace.countries.un_member_states()
    for alias in data["aliases"]:
        assert alias["code"] in iso and alias["reason"].strip()
        assert alias["code"] == country_code(alias["name"])
    for entry in data["territories"] + data["regions"]:
        assert entry["reason"].strip()
        assert pycountry.subdivisions.get(code=entry["subdivision"]) is not None


@pytest.mark.parametrize(
    ("code", "expected"), [("KHM", True), ("HKG", False), ("VAT", False), ("khm", False)]
)
def test_is_un_member_state(code, expected):
    assert expected == civicspace.countries.is_un_member_state(code)


def test_place_of_refuses_what_is_no_code():
    with pytest.raises(ParseError):
        place_of("YUG")


# -- parse_members ---------------------------------------------------------------------------


def test_the_42nd_session_list_reads_whole():
    read = parse_members(HRC42_MEMBERS_TEXT)
    assert tuple(HRC42_MEMBERS) == read.members
    assert () == read.unread
    assert read.complete
    assert civicspace.sessions.COUNCIL_SEATS == len(read.members)


def test_the_45th_session_list_reads_all_but_the_entry_run_together():
    read = parse_members(HRC45_MEMBERS_TEXT)
    assert tuple(HRC45_MEMBERS) == read.members
    assert 1 == len(read.unread)
    unread = read.unread[0]
    assert ("SomaliaSudan", 38) == (unread.text, unread.position)
    assert ("Somalia", "Sudan") == unread.suggestions[:2]
    assert not read.complete


def test_a_typo_in_a_list_is_reported_with_its_suggestions():
    read = parse_members("Afghanistan; Saudi Arabi; and Uruguay.")
    assert ("AFG", "URY") == read.members
    assert [("Saudi Arabi", 1, "Saudi Arabia")] == [
        (entry.text, entry.position, entry.suggestions[0]) for entry in read.unread
    ]


def test_places_that_are_not_un_member_states_are_reported_for_what_they_are():
    read = parse_members("China, Hong Kong, Tibet, Holy See and Cuba")
    assert ("CHN", "CUB") == read.members
    assert ["Hong Kong", "Tibet", "Holy See"] == [entry.text for entry in read.unread]
    assert "not a UN member state" in read.unread[0].message
    assert "Tibet is an autonomous region of China (CHN), not a country" == read.unread[1].message
    assert ("China",) == read.unread[1].suggestions


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Togo, Ukraine and Uruguay", ("TGO", "UKR", "URY")),
        ("Togo, Ukraine, and Uruguay.", ("TGO", "UKR", "URY")),
        ("Trinidad and Tobago and Uruguay", ("TTO", "URY")),
        ("Bosnia and Herzegovina, Antigua and Barbuda", ("BIH", "ATG")),
        ("Korea, Republic of, Congo, The Democratic Republic of the", ("KOR", "COD")),
        ("Bolivia, Plurinational State of, Chile", ("BOL", "CHL")),
        ("• Afghanistan\n• Angola\n- Argentina\n", ("AFG", "AGO", "ARG")),
        ("Afghanistan;\nAngola;\nand Argentina.", ("AFG", "AGO", "ARG")),
        ("Afghanistan; Korea, Republic of; Chile", ("AFG", "KOR", "CHL")),
        ("", ()),
    ],
)
def test_list_forms(text, expected):
    read = parse_members(text)
    assert (expected, ()) == (read.members, read.unread)


def test_parse_members_refuses_what_is_not_text():
    with pytest.raises(TypeError):
        parse_members(["Afghanistan"])


_MEMBER_NAMES = sorted(place_of(code).name for code in civicspace.countries.un_member_states())


@given(
    st.lists(st.sampled_from(_MEMBER_NAMES), min_size=1, max_size=50),
    st.sampled_from(["; ", ", ", "\n", ";\n"]),
    st.booleans(),
    st.booleans(),
)
def test_a_printed_list_of_member_names_reads_back_in_order(names, separator, and_, stop):
    text = separator.join(names[:-1])
    last = f"and {names[-1]}" if and_ and len(names) > 1 else names[-1]
    text = f"{text}{separator}{last}" if len(names) > 1 else last
    if stop:
        text += "."
    read = parse_members(text)
    assert (tuple(country_code(name) for name in names), ()) == (read.members, read.unread)


@given(st.text(max_size=200))
def test_parse_members_never_raises_and_reads_only_member_states(text):
    read = parse_members(text)
    assert all(civicspace.countries.is_un_member_state(code) for code in read.members)
    for entry in read.unread:
        assert entry.text.strip() and entry.message
