"""The tables keep every fact of a valid collection: ids, counts and sums rebuilt from them agree.

Every object of the collection that is a row (a case, an event, a signatory,
a source, ...) is found by walking the model, with its JSON path; the rows of
its table carry exactly those paths.  Values are rebuilt from the rows and
compared with the model: texts, dates as given, terms, amounts per currency.
The same law holds for drawn collections (a cheap property test), and
Parquet gives back the tables it was given.
"""

from collections import defaultdict
from decimal import Decimal

import attrs
import pyarrow.parquet as pq
from hypothesis import HealthCheck, Phase, given, settings

import civicspace
import civicspace.tables
from civicspace import strategies
from civicspace._model.elections import ElectionFigure
from civicspace._model.sessions import PrintedMember

# Drawn collections are large: shrinking a failure took minutes, so failures show as drawn.
NO_SHRINK = (Phase.explicit, Phase.reuse, Phase.generate)

#: The table each kind of model object is a row of.
ROWS = {
    civicspace.CountryRating: "ratings",
    civicspace.RatingScale: "scales",
    civicspace.ratings.ScoreBand: "scale_bands",
    civicspace.Law: "laws",
    civicspace.laws.StatusChange: "law_statuses",
    civicspace.laws.Article: "law_articles",
    civicspace.sentences.StatutoryPenalty: "penalties",
    civicspace.sentences.AggravatedPenalty: "penalties",
    civicspace.laws.Feature: "law_features",
    civicspace.PersonRecord: "people",
    civicspace.OrganisationRecord: "organisations",
    civicspace.people.Identifier: "identifiers",
    civicspace.people.Affiliation: "affiliations",
    civicspace.Case: "cases",
    civicspace.CasePerson: "case_people",
    civicspace.CaseOrganisation: "case_organisations",
    civicspace.Event: "events",
    civicspace.Charge: "charges",
    civicspace.Sentence: "sentences",
    civicspace.cases.CustodyPeriod: "custody_credited",
    civicspace.Statement: "statements",
    civicspace.statements.Signatory: "signatures",
    civicspace.statements.StatementDemand: "statement_demands",
    civicspace.statements.Concern: "statement_concerns",
    civicspace.Session: "sessions",
    civicspace.sessions.AgendaItem: "agenda_items",
    civicspace.sessions.Demand: "session_demands",
    civicspace.sessions.SideEvent: "side_events",
    PrintedMember: "session_printed_members",
    civicspace.Election: "elections",
    civicspace.elections.Contest: "election_contests",
    civicspace.elections.PartyResult: "election_results",
    ElectionFigure: "election_figures",
    civicspace.common.Derivation: "derived",
    civicspace.Source: "sources",
}


def walk(obj, path="$"):
    """Every model object inside ``obj`` with its JSON path, ``obj`` included."""
    yield path, obj
    for field in attrs.fields(type(obj)):
        value = getattr(obj, field.name)
        if isinstance(value, tuple):
            for index, item in enumerate(value):
                if attrs.has(type(item)):
                    yield from walk(item, f"{path}.{field.name}[{index}]")
        elif attrs.has(type(value)) and not isinstance(value, civicspace.PartialDate):
            yield from walk(value, f"{path}.{field.name}")


def objects(collection):
    found = defaultdict(dict)
    for path, obj in walk(collection):
        if type(obj) in ROWS:
            found[ROWS[type(obj)]][path] = obj
    return found


def rows(table):
    return {row["path"]: row for row in table.to_pylist()}


def text(value):
    return None if value is None else str(value)


def check_lossless(collection):
    built = civicspace.tables.tables(collection)
    found = objects(collection)
    # Every row is an object of the collection, and every object a row.
    for name in set(ROWS.values()):
        assert set(found[name]) == set(rows(built[name])), name

    source_rows = rows(built["sources"])
    for path, source in found["sources"].items():
        row = source_rows[path]
        assert (source.url, source.title, source.publisher, source.quote, text(source.date)) == (
            row["url"],
            row["title"],
            row["publisher"],
            row["quote"],
            row["date"],
        )
        if ".sources[" in path:  # a band's one source is at .source
            assert path.rsplit(".sources[", 1)[0] == row["owner_path"]
    derived_rows = rows(built["derived"])
    for path, mark in found["derived"].items():
        row = derived_rows[path]
        assert (path.rsplit(".derived[", 1)[0], mark.member, mark.how.value, mark.note) == (
            row["owner_path"],
            row["member"],
            row["how"],
            row["note"],
        )
    event_rows = rows(built["events"])
    for path, event in found["events"].items():
        row = event_rows[path]
        actor = event.actor
        assert (
            event.kind,
            text(event.date),
            event.people_count,
            event.in_absentia,
            None if event.people_count_qualifier is None else event.people_count_qualifier.value,
            event.subject,
            None if actor is None else (actor.name, actor.kind.value),
            event.kind_info.huridocs_act,
        ) == (
            row["kind"],
            row["date"],
            row["people_count"],
            row["in_absentia"],
            row["people_count_qualifier"],
            row["subject"],
            None if row["actor"] is None else (row["actor"], row["actor_kind"]),
            row["huridocs_act"],
        )
    penalty_rows = rows(built["penalties"])
    for case_index, case in enumerate(collection.cases):
        for charge_index, charge in enumerate(case.charges):
            if charge.penalty is not None:
                row = penalty_rows[f"$.cases[{case_index}].charges[{charge_index}].penalty"]
                assert (case.id, charge.id, None) == (
                    row["case_id"],
                    row["charge_id"],
                    row["law_id"],
                )
    sentence_rows = rows(built["sentences"])
    for path, sentence in found["sentences"].items():
        row = sentence_rows[path]
        term = sentence.term
        written = (
            f"{term.minimum}/{term.maximum}"
            if isinstance(term, civicspace.sentences.TermRange)
            else term
        )
        assert (text(written), text(sentence.suspended), text(sentence.imposed_on)) == (
            row["term"],
            row["suspended"],
            row["imposed_on"],
        )

    # Ids and counts per case, from the tables.
    for name, member, key in (
        ("events", "events", "event_index"),
        ("charges", "charges", "charge_id"),
        ("sentences", "sentences", "sentence_index"),
        ("case_people", "people", "person_id"),
    ):
        by_case = defaultdict(list)
        for row in built[name].to_pylist():
            by_case[row["case_id"]].append(row[key])
        for index, case in enumerate(collection.cases):
            expected = [
                position if key.endswith("_index") else item.id
                for position, item in enumerate(getattr(case, member))
            ]
            assert expected == by_case.get(case.id, []), (name, index)
    links = {
        "event_people": sum(len(e.people) for c in collection.cases for e in c.events),
        "event_organisations": sum(
            len(e.organisations) for c in collection.cases for e in c.events
        ),
        "event_charges": sum(len(e.charges) for c in collection.cases for e in c.events),
        "charge_people": sum(len(g.people) for c in collection.cases for g in c.charges),
        "charge_citations": sum(
            max(1, len(r.articles))
            for c in collection.cases
            for g in c.charges
            for r in g.citations
        ),
        "session_members": sum(len(s.members) for s in collection.sessions),
    }
    assert links == {name: built[name].num_rows for name in links}

    # Sums per currency, exactly.
    def money_sums(amounts):
        totals = defaultdict(Decimal)
        for money in amounts:
            if money is not None:
                totals[money.currency] += money.amount
        return dict(totals)

    def table_sums(table, prefix):
        totals = defaultdict(Decimal)
        for row in built[table].to_pylist():
            if row[f"{prefix}_currency"] is not None:
                totals[row[f"{prefix}_currency"]] += row[f"{prefix}_amount"]
        return dict(totals)

    sentences = [s for c in collection.cases for s in c.sentences]
    for kind in ("fine", "compensation"):
        reported = [getattr(s, kind) for s in sentences]
        assert money_sums(r.amount for r in reported if r) == table_sums("sentences", kind)
        assert money_sums(r.equivalent for r in reported if r) == table_sums(
            "sentences", f"{kind}_equivalent"
        )
    demanded = [e.demanded for c in collection.cases for e in c.events if e.demanded]
    assert money_sums(d.amount for d in demanded) == table_sums("events", "demanded")
    seats = sum(r.seats for e in collection.elections for c in e.contests for r in c.results)
    assert seats == sum(built["election_results"].column("seats").to_pylist())
    return built


def test_the_cambodia_tables_are_lossless(cambodia):
    built = check_lossless(cambodia)
    assert 676 == built["sources"].num_rows  # every fact of the dataset carries a source


def test_every_table_has_its_layout_and_goes_to_pandas(cambodia):
    built = civicspace.tables.tables(cambodia)
    assert [layout.name for layout in civicspace.tables.LAYOUT] == list(built)
    for layout in civicspace.tables.LAYOUT:
        assert layout.schema() == built[layout.name].schema
        assert built[layout.name].num_rows == len(built[layout.name].to_pandas())


def test_conflicting_accounts_stay_separate_rows_marked(cambodia):
    built = civicspace.tables.tables(cambodia)
    marked = {row["path"] for row in built["sentences"].to_pylist() if row["conflicting"]}
    assert {
        path for found in civicspace.analysis.conflicts(cambodia) for path in found.paths
    } == marked


def test_partial_dates_keep_their_text_and_precision_and_a_date_only_when_exact(cambodia):
    built = civicspace.tables.tables(cambodia)
    for row in built["events"].to_pylist():
        if row["date"] is None:
            continue
        parsed = civicspace.PartialDate.parse(row["date"])
        assert parsed.precision.value == row["date_precision"]
        exact = parsed.earliest if parsed.precision is civicspace.common.DatePrecision.DAY else None
        assert exact == row["date_date"]


DRAWN = settings(
    max_examples=10,
    deadline=None,
    phases=NO_SHRINK,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@DRAWN
@given(strategies.collections())
def test_drawn_collections_are_lossless(collection):
    check_lossless(collection)


@DRAWN
@given(strategies.collections())
def test_parquet_gives_back_the_tables(tmp_path_factory, collection):
    built = civicspace.tables.tables(collection)
    folder = tmp_path_factory.mktemp("parquet")
    civicspace.tables.write_parquet(built, folder)
    for name, table in built.items():
        assert table == pq.read_table(folder / f"{name}.parquet"), name
