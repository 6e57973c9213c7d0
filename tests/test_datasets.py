"""The datasets that ship with civicspace: valid, sourced word for word, and summarised.

The Cambodia dataset encodes tests/data/sources/civicus-cambodia-articles.txt
(a copy of the published texts).  These tests run in CI on every change, so a
schema or rule change that breaks the dataset fails the build.
"""

from __future__ import annotations

import json
import pathlib
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import attrs
import pytest

import civicspace
from civicspace import datasets
from civicspace._analysis.derived import derived_values
from civicspace._cli.app import main
from civicspace.collection import Collection

SOURCE_TEXT = pathlib.Path(__file__).parent / "data" / "sources" / "civicus-cambodia-articles.txt"
PUBLISHER = "CIVICUS"


def _articles() -> dict[str, tuple[str, ...]]:
    """Each article of the source texts by its title, as its lines (titles open with '  • ')."""
    bodies: dict[str, list[str]] = {}
    title = None
    for line in SOURCE_TEXT.read_text(encoding="utf-8").splitlines():
        if line.startswith("  • "):
            title = line[4:].strip()
            bodies[title] = []
        elif title is not None:
            bodies[title].append(line)
    return {title: tuple(lines) for title, lines in bodies.items()}


def _objects_with_sources(obj: Any, path: str = "$") -> Iterator[tuple[str, Any]]:
    """Every object inside ``obj`` that has a ``sources`` field, with its path."""
    if isinstance(obj, tuple):
        for index, item in enumerate(obj):
            yield from _objects_with_sources(item, f"{path}[{index}]")
    elif attrs.has(type(obj)):
        names = [field.name for field in attrs.fields(type(obj))]
        if "sources" in names:
            yield path, obj
        for name in names:
            if name != "sources":
                yield from _objects_with_sources(getattr(obj, name), f"{path}.{name}")


def test_the_datasets_are_listed_by_name() -> None:
    assert ("cambodia",) == datasets.names()


def test_an_unknown_dataset_is_a_lookup_error_naming_the_known_ones() -> None:
    with pytest.raises(datasets.UnknownDatasetError) as caught:
        datasets.load("atlantis")
    assert "atlantis" == caught.value.name
    assert isinstance(caught.value, LookupError)
    assert isinstance(caught.value, civicspace.CivicspaceError)
    assert "cambodia" in str(caught.value)


def test_the_dataset_is_valid_against_every_schema_and_rule() -> None:
    assert [] == civicspace.validate(datasets.document("cambodia"))


def test_the_dataset_is_stored_in_its_canonical_form(cambodia: Collection) -> None:
    assert json.loads(datasets.document("cambodia")) == civicspace.dump(cambodia)


def test_every_fact_carries_a_source(cambodia: Collection) -> None:
    unsourced = [path for path, obj in _objects_with_sources(cambodia) if not obj.sources]
    assert [] == unsourced


def test_every_source_is_an_article_of_the_texts_and_quotes_it_byte_for_byte(
    cambodia: Collection,
) -> None:
    # A quote is the source's own characters (non-breaking spaces kept) within one line of
    # the article it names: separate lines (a caption and a question, the bullets of a list)
    # are never joined into one quote.
    articles = _articles()
    problems = []
    for path, obj in _objects_with_sources(cambodia):
        for index, source in enumerate(obj.sources):
            where = f"{path}.sources[{index}]"
            if source.title not in articles:
                problems.append((where, "no article with this title", source.title))
            elif source.publisher != PUBLISHER or source.quote is None:
                problems.append((where, "publisher or quote missing", source.title))
            elif not any(source.quote in line for line in articles[source.title]):
                problems.append((where, "quote not in the article", source.quote))
    assert [] == problems


def test_the_texts_disagreement_on_the_mother_nature_sentences_is_kept(
    cambodia: Collection,
) -> None:
    # "Thun Ratha was handed 20 months in jail and a fine of 4 million riel (USD 1,000)."
    # against "They were sentenced to 18 months in prison for ‘incitement’."
    expected = [("mother-nature-2020", "thun-ratha", {"P20M", "P18M"})]
    actual = [
        (found.case, found.person, {str(account.term) for account in found.accounts})
        for found in civicspace.analysis.conflicts(cambodia)
    ]
    assert expected == actual
    for found in civicspace.analysis.conflicts(cambodia):
        assert all(account.sources for account in found.accounts)


def test_the_reported_riel_equivalents_agree_at_about_4000_a_dollar(
    cambodia: Collection,
) -> None:
    rates = civicspace.analysis.implied_exchange_rates(cambodia)
    assert {("KHR", "USD")} == {(rate.currency, rate.per) for rate in rates}
    assert [] == [rate.path for rate in rates if rate.outlier]
    assert all(Decimal(3900) < rate.rate < Decimal(4200) for rate in rates)


def test_the_2022_commune_election_figures_add_up(cambodia: Collection) -> None:
    # "9,376 (80.7 per cent) of the 11,622 council seats ... The remaining 48 council seats
    # went to other small parties."
    election = next(e for e in cambodia.elections if e.id == "khm-commune-2022")
    council = election.contests[0]
    assert 11_622 == council.total
    assert 11_622 == sum(result.seats for result in council.results)
    assert Decimal("80.7") == council.results[0].share


def test_the_kem_ley_statement_lists_its_30_undersigned_organisations(
    cambodia: Collection,
) -> None:
    statement = next(s for s in cambodia.statements if s.id == "kem-ley-2020-joint-statement")
    assert 30 == statement.signatory_count
    assert 30 == len(statement.signatories)


def test_kong_raiya_is_one_person_across_his_cases(cambodia: Collection) -> None:
    # "three Cambodian activists–Lem Sokha, Phan Phana, and Kung Raiya–were arrested"
    cases = [case.id for case in civicspace.analysis.cases_of(cambodia, "kong-raiya")]
    assert {"kong-raiya-2015", "kong-raiya-2019"} <= set(cases)
    names = {
        person.name
        for case in cambodia.cases
        for person in case.people
        if person.id == "kong-raiya"
    }
    assert {"Kong Raiya"} == names


def test_a_law_year_appears_in_an_id_only_where_the_texts_state_it(
    cambodia: Collection,
) -> None:
    # "the 2015 Law on Associations and Non-Governmental Organisations (LANGO)";
    # no text gives the year of the Criminal Code.
    ids = {law.id for law in cambodia.laws}
    assert "khm/code/criminal-code" in ids
    assert "khm/law/2015/associations-and-non-governmental-organisations" in ids


def test_the_summary_counts_what_the_dataset_holds(cambodia: Collection) -> None:
    summary = civicspace.analysis.summarise(cambodia)
    assert len(cambodia.cases) == summary.records["cases"]
    assert 1 == summary.conflicts
    low, high = summary.sentence_months
    assert 2 == high - low  # Thun Ratha: 18 or 20 months
    assert "KHR" in summary.fines
    assert "khm/code/criminal-code" == summary.laws_cited[0][0]


def test_the_command_validates_the_dataset_and_prints_its_summary(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert 0 == main(["dataset", "cambodia"])
    lines = capsys.readouterr().out.splitlines()
    assert "datasets/cambodia.json: valid" == lines[0]
    assert (
        civicspace.analysis.summarise(datasets.load("cambodia")).to_text().splitlines() == lines[1:]
    )


def test_the_command_lists_every_derived_value_with_its_path_how_and_note(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert 0 == main(["dataset", "cambodia", "--derived"])
    lines = capsys.readouterr().out.splitlines()
    found = derived_values(datasets.load("cambodia"))
    expected = [
        "datasets/cambodia.json: valid",
        *(f"{path}\t{mark.how.value}\t{mark.note or ''}" for path, mark in found),
        f"datasets/cambodia.json: {len(found)} derived values",
    ]
    assert expected == lines
    # The 18-month account of Thun Ratha rests on a merge: its quote names no one.
    assert "$.cases[2].sentences[1].person\tidentity_merge" in "\n".join(lines)


def test_the_command_lists_datasets_and_refuses_unknown_names(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert 0 == main(["dataset", "--list"])
    assert "cambodia\n" == capsys.readouterr().out
    assert 2 == main(["dataset", "atlantis"])
    assert "no dataset named 'atlantis'" in capsys.readouterr().err
    assert 2 == main(["dataset"])


def test_the_command_reports_a_dataset_this_version_refuses_and_exits_1(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    issue = civicspace.Issue(
        "$.cases[0].id", "collection.duplicate_id", "the case id is used twice"
    )

    def refused(name: str) -> Collection:
        raise civicspace.ValidationError([issue], record_type="collection")

    monkeypatch.setattr(datasets, "load", refused)
    assert 1 == main(["dataset", "cambodia"])
    expected = [f"datasets/cambodia.json: {issue}", "datasets/cambodia.json: 1 issues"]
    assert expected == capsys.readouterr().out.splitlines()
