"""The penalty reader: parse_penalty reads what courts and monitors print.

Each example quotes the published line the phrase comes from.
"""

# The project asserts `expected == actual`, which ruff calls a Yoda condition.

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from civicspace import ParseError
from civicspace._model.sentences import (
    AdditionalPenalty,
    AdditionalPenaltyKind,
    DetentionRegime,
    NonCustodialKind,
    NonCustodialPenalty,
    Proceedings,
)
from civicspace._readers.penalties import StatedPenalty, parse_penalty
from civicspace.readers import parse_term
from civicspace.sentences import LIFE, Term

TRAVEL = AdditionalPenaltyKind.TRAVEL_BAN
RIGHTS = AdditionalPenaltyKind.DEPRIVATION_OF_POLITICAL_RIGHTS

# (the published line, the phrase, what it reads as)
PUBLISHED = [
    (
        # Amnesty International, April 2024: "a Revolutionary Court in Esfahan province
        # sentenced him to death in April 2024"
        "sentenced him to death in April 2024",
        "sentenced to death",
        StatedPenalty(death=True),
    ),
    (
        # Raw Story, 27 March 2017: "Alexei Navalny has been sentenced to 15 days in prison"
        "Alexei Navalny has been sentenced to 15 days in prison",
        "15 days of administrative arrest",
        StatedPenalty(term=Term(days=15), proceedings=Proceedings.ADMINISTRATIVE),
    ),
    (
        # TASS, 3 March 2023 (Viasna names the regime "reinforced")
        "sentencing him to 10 years in a maximum security penal colony",
        "ten years in a reinforced-regime colony",
        StatedPenalty(
            term=Term(years=10),
            regime=DetentionRegime.REINFORCED_REGIME_COLONY,
            regime_as_printed="reinforced-regime colony",
        ),
    ),
    (
        "was sentenced to eight years in a strict-regime colony",
        "eight years in a strict-regime colony",
        StatedPenalty(
            term=Term(years=8),
            regime=DetentionRegime.STRICT_REGIME_COLONY,
            regime_as_printed="strict-regime colony",
        ),
    ),
    (
        # Hacking News, May 2014: "sentenced to prison for ten years plus 1,000 lashes"
        "sentenced to prison for ten years plus 1,000 lashes",
        "10 years in prison and 1,000 lashes",
        StatedPenalty(term=Term(years=10), lashes=1000),
    ),
    ("sentenced to 74 lashes", "74 lashes", StatedPenalty(lashes=74)),
    (
        "deprived of political rights for five years",
        "deprived of political rights for five years",
        StatedPenalty(
            additional_penalties=(
                AdditionalPenalty(
                    kind=RIGHTS,
                    term=Term(years=5),
                    as_printed="deprived of political rights for five years",
                ),
            )
        ),
    ),
    (
        "banned from travel for five years",
        "banned from travel for five years",
        StatedPenalty(
            additional_penalties=(
                AdditionalPenalty(
                    kind=TRAVEL, term=Term(years=5), as_printed="banned from travel for five years"
                ),
            )
        ),
    ),
    (
        # Al Jazeera America, 23 September 2014: "sentenced Ilham Tohti ... to life in prison"
        "sentenced Ilham Tohti ... to life in prison",
        "life imprisonment",
        StatedPenalty(term=LIFE),
    ),
    (
        "life imprisonment with no possibility of release",
        "life imprisonment with no possibility of release",
        StatedPenalty(term=LIFE, aggravated_life=True),
    ),
    (
        # National Post, 28 December 2020: "sentenced ... Loujain al-Hathloul to five years and
        # eight months in prison ... Hathloul was also given a five-year travel ban"
        "to five years and eight months in prison ... also given a five-year travel ban",
        "five years and eight months in prison and a five-year travel ban",
        StatedPenalty(
            term=Term(years=5, months=8),
            additional_penalties=(
                AdditionalPenalty(
                    kind=TRAVEL, term=Term(years=5), as_printed="a five-year travel ban"
                ),
            ),
        ),
    ),
    (
        "two years of restricted freedom",
        "two years of restricted freedom",
        StatedPenalty(
            non_custodial=(
                NonCustodialPenalty(
                    kind=NonCustodialKind.RESTRICTED_FREEDOM,
                    term=Term(years=2),
                    as_printed="two years of restricted freedom",
                ),
            )
        ),
    ),
]


@pytest.mark.parametrize(
    ("line", "phrase", "expected"), PUBLISHED, ids=[phrase for _, phrase, _ in PUBLISHED]
)
def test_published_penalties_read_as_they_are_meant(
    line: str, phrase: str, expected: StatedPenalty
) -> None:
    assert expected == parse_penalty(phrase)


def test_a_penalty_read_makes_the_sentence() -> None:
    stated = parse_penalty("sentenced to 10 years in prison, 1,000 lashes and a 10-year travel ban")
    sentence = stated.sentence("raif-badawi", court="Jeddah Criminal Court")
    assert (Term(years=10), 1000) == (sentence.term, sentence.lashes)
    assert Term(years=10) == sentence.additional_penalties[0].term
    assert "Jeddah Criminal Court" == sentence.court


@pytest.mark.parametrize(
    ("phrase", "reason"),
    [
        ("about 70 lashes", "not an exact penalty"),
        ("five years in prison and six years in prison", "states term twice"),
        ("death by hanging", "not a penalty the reader understands"),
        ("a heavy sentence", "not a penalty the reader understands"),
        ("18 to 20 months", "not a penalty the reader understands"),
        ("x" * 1001, "at most 1000 characters"),
        ("1" * 40 + " lashes", "digits"),
    ],
)
def test_what_the_reader_cannot_read_is_refused(phrase: str, reason: str) -> None:
    with pytest.raises(ParseError, match=reason):
        parse_penalty(phrase)


def test_a_term_of_4301_digits_is_a_parse_error_not_a_value_error() -> None:
    with pytest.raises(ParseError, match="4,301 digits"):
        parse_term("1" * 4301 + " months")


@given(st.integers(1, 99), st.sampled_from(["years", "months", "days"]))
def test_any_count_of_lashes_and_any_administrative_arrest_reads_back(
    count: int, unit: str
) -> None:
    assert StatedPenalty(lashes=count) == parse_penalty(f"{count} lashes")
    expected = StatedPenalty(term=Term(**{unit: count}), proceedings=Proceedings.ADMINISTRATIVE)
    assert expected == parse_penalty(f"{count} {unit} of administrative arrest")


@given(
    st.integers(1, 30),
    st.sampled_from(
        [
            ("general-regime colony", DetentionRegime.GENERAL_REGIME_COLONY),
            ("reinforced-regime colony", DetentionRegime.REINFORCED_REGIME_COLONY),
            ("strict-regime colony", DetentionRegime.STRICT_REGIME_COLONY),
            ("special-regime colony", DetentionRegime.SPECIAL_REGIME_COLONY),
            ("colony-settlement", DetentionRegime.COLONY_SETTLEMENT),
            ("military prison", DetentionRegime.MILITARY_PRISON),
            ("labour camp", DetentionRegime.LABOUR_CAMP),
        ]
    ),
)
def test_a_term_in_each_regime_reads_with_its_words(
    years: int, regime: tuple[str, DetentionRegime]
) -> None:
    words, expected_regime = regime
    expected = StatedPenalty(
        term=Term(years=years), regime=expected_regime, regime_as_printed=words
    )
    assert expected == parse_penalty(f"{years} years in a {words}")


@given(
    st.lists(
        st.sampled_from(["74 lashes", "a 10-year travel ban", "death"]),
        min_size=1,
        max_size=3,
        unique=True,
    )
)
def test_parts_joined_by_and_read_as_each_part(parts: list[str]) -> None:
    read = [parse_penalty(part) for part in parts]
    joined = parse_penalty(" and ".join(parts))
    for part in read:
        for name in ("death", "lashes"):
            if getattr(part, name) is not None:
                assert getattr(part, name) == getattr(joined, name)
    expected_bans = tuple(ban for part in read for ban in part.additional_penalties)
    assert expected_bans == joined.additional_penalties
