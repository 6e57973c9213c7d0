"""Citations of laws as published text prints them: parse_citation and article numbers."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

import civicspace
from civicspace import strategies as cst
from civicspace.laws import Citation, canonical_article_number, is_article_number
from civicspace.readers import parse_citation

# Every mention of "article" in ../shared/sources/civicus-cambodia-articles.txt that is a
# citation: (the sentence around it, the citation phrase, what it cites).
PUBLISHED = [
    (
        "convicted Kong Raiya in absentia of “incitement to commit a felony” under articles 88, "
        "494, and 495 of Cambodia’s Penal Code, and sentenced him to two years in prison",
        "articles 88, 494, and 495 of Cambodia’s Penal Code",
        [("Cambodia’s Penal Code", ("88", "494", "495"))],
    ),
    (
        "convicted him in absentia of “incitement to commit a felony” under articles 494 and 495 "
        "of Cambodia’s Penal Code and sentenced him to two years in prison",
        "articles 494 and 495 of Cambodia’s Penal Code",
        [("Cambodia’s Penal Code", ("494", "495"))],
    ),
    (
        "Chhun was charged with incitement under Article 495 of Cambodia’s Penal Code after he "
        "advocated for the land rights of villagers",
        "Article 495 of Cambodia’s Penal Code",
        [("Cambodia’s Penal Code", ("495",))],
    ),
    (
        "with supplying a foreign state with information prejudicial to national defence, under "
        "Article 445 of Cambodia’s Criminal Code and with the alleged production of pornography",
        "Article 445 of Cambodia’s Criminal Code",
        [("Cambodia’s Criminal Code", ("445",))],
    ),
    (
        "with the alleged production of pornography under Article 39 of the Law on the "
        "Suppression of Human Trafficking and Sexual Exploitation. The pair were arrested",
        "Article 39 of the Law on the Suppression of Human Trafficking and Sexual Exploitation",
        [("Law on the Suppression of Human Trafficking and Sexual Exploitation", ("39",))],
    ),
    (
        "the burden of proof standards enshrined in Article 38 of the Constitution of the Kingdom "
        "of Cambodia. Throughout the case",
        "Article 38 of the Constitution of the Kingdom of Cambodia",
        [("Constitution of the Kingdom of Cambodia", ("38",))],
    ),
    (
        "both were charged with incitement to commit a felony under Articles 494 and 495 of the "
        "Cambodian Criminal Code, and summoned to appear at a trial hearing",
        "Articles 494 and 495 of the Cambodian Criminal Code",
        [("Cambodian Criminal Code", ("494", "495"))],
    ),
    (
        "the three were charged with ‘incitement to commit a felony or cause social unrest’ "
        "(articles 494 and 495 of the Cambodian Criminal Code) and placed in pre-trial detention.",
        "articles 494 and 495 of the Cambodian Criminal Code",
        [("Cambodian Criminal Code", ("494", "495"))],
    ),
    (
        "In July, the Human Rights Committee published its General Comment 37 on Article 21 of "
        "the ICCPR – the freedom of peaceful assembly.",
        "Article 21 of the ICCPR",
        [("ICCPR", ("21",))],
    ),
    (
        "Desist from applying and reform draconian laws including the Law on Associations and "
        "Non-Governmental Organizations (LANGO)",
        "the Law on Associations and Non-Governmental Organizations (LANGO)",
        [("Law on Associations and Non-Governmental Organizations (LANGO)", ())],
    ),
]


def as_pairs(citations):
    return [(citation.instrument, citation.articles) for citation in citations]


@pytest.mark.parametrize(
    ("context", "phrase", "expected"), PUBLISHED, ids=[case[1][:40] for case in PUBLISHED]
)
def test_parse_citation_reads_every_citation_in_the_source_texts(context, phrase, expected):
    assert phrase in context
    citations = parse_citation(phrase)
    assert expected == as_pairs(citations)
    assert [phrase] == [citation.as_written for citation in citations]


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("articles 494 and 495 of the Criminal Code", [("Criminal Code", ("494", "495"))]),
        ("article 39", [(None, ("39",))]),
        ("Article 39", [(None, ("39",))]),
        ("ARTICLES 494 & 495", [(None, ("494", "495"))]),
        ("Art. 494", [(None, ("494",))]),
        ("Arts. 494, 495 of the Criminal Code", [("Criminal Code", ("494", "495"))]),
        ("Article 13 bis", [(None, ("13 bis",))]),
        ("article 13-bis", [(None, ("13 bis",))]),
        ("article 13bis", [(None, ("13 bis",))]),
        ("articles 13 bis and 14 of the Criminal Code", [("Criminal Code", ("13 bis", "14"))]),
        ("Article 3.1 of the Criminal Code", [("Criminal Code", ("3.1",))]),
        ("articles 494 and 495 of the Criminal Code.", [("Criminal Code", ("494", "495"))]),
        ("  article 39  ", [(None, ("39",))]),
        # Two groups, one instrument: the first group takes the instrument that follows it.
        ("Article 494 and Article 495 of the Criminal Code", [("Criminal Code", ("494", "495"))]),
        # Two instruments: two citations, the "and" inside the second title kept.
        (
            "Article 445 of Cambodia’s Criminal Code and Article 39 of the Law on the Suppression "
            "of Human Trafficking and Sexual Exploitation",
            [
                ("Cambodia’s Criminal Code", ("445",)),
                ("Law on the Suppression of Human Trafficking and Sexual Exploitation", ("39",)),
            ],
        ),
        (
            "article 445 of the Criminal Code; article 39",
            [("Criminal Code", ("445",)), (None, ("39",))],
        ),
        ("LANGO", [("LANGO", ())]),
        ("the Covid-19 law", [("Covid-19 law", ())]),
        ("Notice No. 175", [("Notice No. 175", ())]),
    ],
)
def test_parse_citation_reads_the_forms_citations_take(phrase, expected):
    assert expected == as_pairs(parse_citation(phrase))


def test_a_citation_keeps_the_text_it_was_read_from():
    phrase = "Article 445 of Cambodia’s Criminal Code and Article 39 of the Law on the Suppression"
    expected = [
        "Article 445 of Cambodia’s Criminal Code",
        "Article 39 of the Law on the Suppression",
    ]
    assert expected == [citation.as_written for citation in parse_citation(phrase)]


@pytest.mark.parametrize(
    ("text", "not_understood"),
    [
        # Mentions of "article" in the source texts that are not citations.
        ("an article on the Cambodia Daily Khmer", "an article on the Cambodia Daily Khmer"),
        # Prose around a citation.
        ("under articles 494 and 495 of the Criminal Code", "under"),
        (
            "Article 445 of Cambodia’s Criminal Code and with the alleged production",
            "Cambodia’s Criminal Code and with the alleged production",
        ),
        ("articles 494 and", "and"),
        ("articles 494(1) of the Criminal Code", "(1) of the Criminal Code"),
        ("article 5 of the day", "the day"),
        ("articles of the Criminal Code", "articles of the Criminal Code"),
        ("the freedom of peaceful assembly", "the freedom of peaceful assembly"),
        ("", ""),
        ("   ", "   "),
    ],
)
def test_parse_citation_refuses_what_it_does_not_understand(text, not_understood):
    with pytest.raises(civicspace.ParseError) as raised:
        parse_citation(text)
    assert not_understood == raised.value.text
    assert isinstance(raised.value, civicspace.CivicspaceError)


def test_parse_citation_refuses_what_is_not_text():
    with pytest.raises(civicspace.ParseError):
        parse_citation(494)


# -- properties ---------------------------------------------------------------------------------

_WORDS = st.sampled_from(["Criminal", "Penal", "Labour", "Press", "National", "Internet"])
_KINDS = st.sampled_from(["Code", "Law", "Sub-decree", "Constitution", "Notice", "Act"])
instruments = st.builds(lambda words, kind: " ".join([*words, kind]), st.lists(_WORDS), _KINDS)
numbers = st.builds(
    lambda number, suffix: f"{number}{suffix}",
    st.integers(1, 9999),
    st.sampled_from(["", " bis", " ter", " quater", "a", ".2"]),
)


def _listed(items, style):
    if len(items) == 1:
        return items[0]
    if style == "oxford":
        return ", ".join(items[:-1]) + ", and " + items[-1]
    if style == "and":
        return ", ".join(items[:-1]) + " and " + items[-1]
    return ", ".join(items)


@given(
    st.lists(numbers, min_size=1, max_size=5),
    st.none() | instruments,
    st.sampled_from(["oxford", "and", "comma"]),
    st.sampled_from(["article", "Articles", "ARTICLES", "Art.", "arts."]),
    st.booleans(),
)
def test_what_is_written_is_what_is_read(articles, instrument, style, keyword, the):
    phrase = f"{keyword} {_listed(articles, style)}"
    if instrument is not None:
        phrase += f" of {'the ' if the else ''}{instrument}"
    expected = [Citation(instrument=instrument, articles=tuple(articles), as_written=phrase)]
    assert expected == list(parse_citation(phrase))


@given(st.lists(st.tuples(st.lists(numbers, min_size=1, max_size=3), instruments), min_size=1))
def test_citations_joined_by_and_are_read_one_by_one(groups):
    phrases = [f"articles {_listed(articles, 'and')} of the {name}" for articles, name in groups]
    expected = [(name, tuple(articles)) for articles, name in groups]
    assert expected == as_pairs(parse_citation(" and ".join(phrases)))


@given(st.text(max_size=80))
def test_parse_citation_returns_citations_or_raises_parse_error(text):
    try:
        citations = parse_citation(text)
    except civicspace.ParseError as error:
        assert error.text in text or error.text == text
        return
    assert citations
    for citation in citations:
        assert citation.as_written in text
        assert all(is_article_number(number) for number in citation.articles)


@given(cst.article_numbers())
def test_canonical_article_number_is_idempotent_and_case_blind(number):
    key = canonical_article_number(number)
    assert key == canonical_article_number(key)
    assert key == canonical_article_number(number.upper())
    assert is_article_number(key)


@pytest.mark.parametrize(
    ("numbers", "same"),
    [
        (["13 bis", "13 Bis", "13-bis", "13bis", "13 BIS"], True),
        (["494", " 494 "], True),
        (["494", "495"], False),
        (["13", "13 bis"], False),
        (["13 bis", "13 ter"], False),
    ],
)
def test_canonical_article_number_says_when_two_numbers_are_one_article(numbers, same):
    assert same == (len({canonical_article_number(number) for number in numbers}) == 1)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("494", True),
        ("13 bis", True),
        ("3.1", True),
        ("IV", True),
        ("1.2.3.4", True),
        ("494\n", False),
        ("", False),
        ("13  bis", False),
        ("494(1)", False),
        ("1.2.3.4.5", False),
        ("1" * 31, False),
        (494, False),
    ],
)
def test_is_article_number(text, expected):
    assert expected == is_article_number(text)
