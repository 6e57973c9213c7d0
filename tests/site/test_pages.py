"""What the pages say: rulings counted once, people, law titles, derived values, vocabulary."""

import json
import re
from html import unescape
from importlib import resources
from pathlib import Path
from urllib.parse import unquote, urlsplit

import civicspace
from civicspace import site
from civicspace._site.formatting import file_name
from civicspace.cases import event_kinds
from civicspace.collection import Collection

from ._pages import read
from .conftest import TODAY


def text_of(page):
    """The page's text without tags, entities read, spaces folded."""
    html = page.read_text("utf-8")
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", "", html))).strip()


def reachable(out, start="index.html"):
    """Every page reachable by links from ``start``, as paths relative to ``out``."""
    seen, todo = set(), [out / start]
    while todo:
        page = todo.pop()
        if page in seen or not page.is_file() or page.suffix != ".html":
            continue
        seen.add(page)
        for tag, _name, value in read(page)[0]:
            parts = urlsplit(value)
            if tag == "a" and not parts.scheme and parts.path:
                todo.append((page.parent / unquote(parts.path)).resolve())
    return {page.relative_to(out.resolve()).as_posix() for page in seen}


def test_one_ruling_reported_two_ways_is_one_ruling_with_both_accounts(cambodia_site):
    # Issue 27, item 23: "Thun Ratha: 2 accounts, terms of 38 months" for one 18-or-20-month
    # ruling; "All accounts together: 5 sentences" above a table of 6 accounts.
    out, _ = cambodia_site
    page = out / "case" / "mother-nature-2020.html"
    shown = text_of(page)
    assert "Thun Ratha: 1 ruling in 2 accounts, a term of 18 months to 20 months." in shown
    assert "38 months" not in shown
    html = page.read_text("utf-8")
    table = html[html.index("Sentences as reported") : html.index("<h3>Totals</h3>")]
    rows = table.count('<tr><th scope="row">')
    assert 6 == rows
    assert f"5 rulings, reported in the {rows} accounts of the table" in shown


def test_every_person_is_reachable_from_the_index(cambodia, cambodia_site):
    # Issue 27, item 24: "no people index (Chea Kunthin cannot be reached from the index)".
    out, _ = cambodia_site
    pages = reachable(out)
    people = {person.person.id for person in cambodia.people_in_cases()} | {
        person.id for person in cambodia.people
    }
    assert set() == {f"person/{file_name(p)}" for p in people} - pages
    assert "person/chea-kunthin.html" in pages
    assert "Chea Kunthin" in text_of(out / "person" / "chea-kunthin.html")


def test_every_organisation_and_election_has_a_page_reached_from_the_index(cambodia, cambodia_site):
    # Issue 27, item 24: "elections and organisations are counted but have no pages".
    out, _ = cambodia_site
    pages = reachable(out)
    expected = {f"organisation/{file_name(body.id)}" for body in cambodia.organisations}
    expected |= {f"election/{file_name(election.id)}" for election in cambodia.elections}
    assert set() == expected - pages
    election = cambodia.elections[0]
    assert election.title in text_of(out / "election" / file_name(election.id))


def test_a_charge_shows_the_title_of_the_law_it_cites(cambodia_site):
    # Issue 27, item 24: "charges show law ids (`khm/code/criminal-code`) instead of titles".
    out, _ = cambodia_site
    html = (out / "case" / "mother-nature-2020.html").read_text("utf-8")
    assert '<a href="../law/khm~2fcode~2fcriminal-code.html">Criminal Code</a>' in html
    assert ">khm/code/criminal-code<" not in html


def test_derived_values_are_shown_as_derived(cambodia, cambodia_site):
    # Issue 27, item 24: "derived values (inferred dates, identity merges) are not shown as such".
    out, _ = cambodia_site
    case = next(case for case in cambodia.cases if case.id == "mother-nature-2020")
    shown = text_of(out / "case" / "mother-nature-2020.html")
    assert "Values derived by reading" in shown
    assert [True] * len(case.derived) == [
        f"{derivation.member}: {derivation.how.value.replace('_', ' ')}" in shown
        for derivation in case.derived
    ]
    # The inferred date of the 18-month account is marked beside it in the table.
    assert "May 2021 (derived: inferred date)" in shown
    assert shown.count("(derived: identity merge)") == 2


def test_the_index_puts_cases_before_the_rating_charts(cambodia_site):
    # Issue 27, item 24: "the index puts ten rating charts before the cases".
    out, _ = cambodia_site
    html = (out / "index.html").read_text("utf-8")
    assert html.index('id="cases"') < html.index('id="countries"')
    assert html.index('id="cases"') < html.index("charts/rating-")


def test_the_in_force_day_is_the_one_given(cambodia_site):
    out, _ = cambodia_site
    shown = text_of(out / "law" / "khm~2fcode~2fcriminal-code.html")
    assert "On 2024-01-01: the record cannot tell whether it is in force." in shown


def test_without_a_day_the_pages_say_it_is_the_build_day(cambodia, tmp_path):
    site.build_site(Collection(laws=cambodia.laws[:1]), tmp_path, charts=False)
    law = cambodia.laws[0]
    assert "(the day the site was built)" in text_of(tmp_path / "law" / file_name(law.id))


def test_every_event_kind_and_schema_code_list_is_described(cambodia_site):
    # New vocabulary values appear with no change to the site: read from the data and schemas.
    out, _ = cambodia_site
    html = (out / "vocabulary.html").read_text("utf-8")
    for kind in event_kinds().values():
        assert f'<dt id="event-{kind.name}">' in html
        assert str(_escaped(kind.description)) in html
    role = json.loads(resources.files("civicspace").joinpath("schemas", "person.json").read_text())
    assert [True] * len(role["$defs"]["role"]["enum"]) == [
        value.replace("_", " ") in html for value in role["$defs"]["role"]["enum"]
    ]


def test_an_event_kind_carries_its_description(cambodia_site):
    out, _ = cambodia_site
    html = (out / "case" / "mother-nature-2020.html").read_text("utf-8")
    arrest = event_kinds()["arrest"].description
    assert f'<span class="kind" title="{_escaped(arrest)}">arrest</span>' in html


def _escaped(text):
    from markupsafe import escape

    return str(escape(text))


def test_a_site_without_charts_is_fine_with_no_people(tmp_path):
    site.build_site(Collection(), tmp_path, today=TODAY, charts=False)
    assert "The record names no one." in text_of(tmp_path / "people.html")


def test_an_event_shows_the_details_its_kind_carries_and_a_charge_what_it_replaces(tmp_path):
    # "Saudi Arabian activist Raif Badawi has been lashed 50 times" (IBTimes UK); Mzia
    # Amaglobeli's charge "reclassified on August 6" (Civil.ge): both in examples/world/.
    world = Path(__file__).parents[2] / "examples" / "world"
    documents = [
        json.loads((world / f"{name}.json").read_text("utf-8"))
        for name in ("raif-badawi-2012-2022", "mzia-amaglobeli-2025")
    ]
    laws = [
        {"type": "law", "id": law, "jurisdiction": "GEO", "kind": "code", "titles": ["Code"]}
        for law in ("geo/code/criminal-code",)
    ]
    collection = Collection.of([*map(civicspace.load, documents), *map(civicspace.load, laws)])
    site.build_site(collection, tmp_path, today=TODAY, charts=False)
    badawi = text_of(tmp_path / "case" / "raif-badawi-2012-2022.html")
    amaglobeli = text_of(tmp_path / "case" / "mzia-amaglobeli-2025.html")
    assert "outside the Al-Juffali mosque in Jeddah — lashes: 50" in badawi
    # The sentence's members beyond the table's columns, each named: "1,000 lashes, a 10-year
    # travel ban, and a lifetime ban from appearing in the media" (Amnesty International USA).
    assert (
        "lashes: 1,000; additional penalties: travel ban 10 years “a 10-year travel ban”, "
        "activity ban life “a lifetime ban from appearing in the media”"
    ) in badawi
    assert "— replaces assaulting a police officer" in amaglobeli


def test_the_totals_say_which_accounts_a_later_sentence_includes(tmp_path):
    # Navalny's real term of February 2021 includes the suspended sentence of 2014
    # (examples/world/navalny-2021-2024.json): four accounts, three rulings.
    world = Path(__file__).parents[2] / "examples" / "world"
    document = json.loads((world / "navalny-2021-2024.json").read_text("utf-8"))
    site.build_site(Collection.of([civicspace.load(document)]), tmp_path, charts=False)
    page = text_of(tmp_path / "case" / "navalny-2021-2024.html")
    assert (
        "3 rulings, reported in the 4 accounts of the table, 1 of them included in a later "
        "sentence and counted with it"
    ) in page
    assert "Alexei Navalny: 3 rulings in 4 accounts (1 included in a later sentence)" in page
