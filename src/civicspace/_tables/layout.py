"""The tables: every table's columns with name, Arrow type and meaning, written once.

``civicspace.tables.tables`` builds from these definitions and the docs
render the reference page from them, so the two cannot drift.

Conventions, the same in every table:

- ``path`` is the JSON path of the object a row comes from, from the root of
  the collection document (``$.cases[3].events[2]``): a key for every row,
  and what rows of ``sources`` name as their ``owner_path``.
- A date that may be partial is three columns: ``<name>`` the date as given
  (``"2021"``, ``"2021-05"``, ``"2021-05-04"``), ``<name>_precision``
  (``year``, ``month`` or ``day``) and ``<name>_date``, a real date only when
  the precision is ``day`` (nothing is guessed for a partial date).
- Money is a decimal amount (``decimal128(38, 4)``: exact to four places) and its
  ISO 4217 currency; a reported amount adds its reported equivalent and
  whether it was approximate.
- Enumerations are dictionary-encoded strings, their JSON values.
- A list of short values (roles, titles) is a list column; the CSV and
  Excel writers write it as JSON text (``["journalist"]``).

Each column also says where its value stands in the collection document
(``field``, relative to the row's ``path``), or ``None`` when civicspace
derives it; :mod:`civicspace.sheets` reads tables back into a document
through it.  A field is dotted keys (``fine.amount.amount``); ``""`` is the
object at ``path`` itself (an item of a list of ids); ``^name.key`` is
``key`` of the last ``name[i]`` the path passes through (a citation's law on
the row of one of its articles); ``name[].key`` zips a list column into a list
of objects (other names and their notes).  ``reader`` names the prose reader a
cell of the column may use: ``term`` (:func:`civicspace.readers.parse_term`) or
``money`` (:func:`civicspace.readers.parse_money`).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final

import attrs
import pyarrow as pa  # type: ignore[import-untyped]

from ..collection import member_types

__all__ = ["AMOUNT", "LAYOUT", "PLACES", "Column", "Place", "TableLayout", "chain", "table_layout"]

#: Money amounts: 38 digits, four of them after the point.
AMOUNT: Final = pa.decimal128(38, 4)
#: Percentages of election results: as the schema allows, up to four places.
SHARE: Final = pa.decimal128(7, 4)
ENUM: Final = pa.dictionary(pa.int32(), pa.string())
TEXT: Final = pa.string()
INT: Final = pa.int64()
BOOL: Final = pa.bool_()
DATE: Final = pa.date32()
TEXTS: Final = pa.list_(pa.string())


@attrs.frozen
class Column:
    """One column of a table.

    Attributes:
        name: The column name.
        type: Its Arrow type.
        meaning: What it holds, in one line.
        field: Where its value stands in the collection document, relative
            to the row's path; ``None`` for a value civicspace derives.
        reader: The prose reader a cell may use instead: ``term`` or ``money``.

    """

    name: str
    type: pa.DataType
    meaning: str
    field: str | None = None
    reader: str | None = None


@attrs.frozen
class TableLayout:
    """One table: its name, what a row is, its key and its columns.

    Attributes:
        name: The table name (also the file, sheet and folder name).
        row: What one row is, in one line.
        key: The columns that together identify a row.
        columns: The columns, in order.
        partition: The column a country-partitioned export splits it by;
            ``None`` when the table has no country for every row.

    """

    name: str
    row: str
    key: tuple[str, ...]
    columns: tuple[Column, ...]
    partition: str | None = None

    def schema(self) -> pa.Schema:
        """The table's Arrow schema."""
        return pa.schema([pa.field(column.name, column.type) for column in self.columns])


def _date(name: str, meaning: str, *, derived: bool = False) -> list[Column]:
    return [
        Column(
            name,
            TEXT,
            f"{meaning}, as given: YYYY, YYYY-MM or YYYY-MM-DD",
            None if derived else name,
        ),
        Column(f"{name}_precision", ENUM, f"How much of {name} is known: year, month or day"),
        Column(f"{name}_date", DATE, f"{name} as a date, only when known to the day"),
    ]


def _places(name: str) -> Column:
    """The decimal places a decimal column's value is written with: what keeps "4.80" as "4.80"."""
    return Column(
        f"{name}_places",
        INT,
        f"Decimal places {name} is written with (2 for 4000000.00), which the decimal "
        "column does not keep",
    )


def _money(name: str, meaning: str, field: str, reader: str | None = None) -> list[Column]:
    return [
        Column(f"{name}_amount", AMOUNT, f"{meaning}: the amount", f"{field}.amount", reader),
        Column(f"{name}_currency", TEXT, f"{meaning}: its ISO 4217 currency", f"{field}.currency"),
        _places(f"{name}_amount"),
    ]


def _reported(name: str, meaning: str) -> list[Column]:
    return [
        *_money(name, meaning, f"{name}.amount", "money"),
        *_money(
            f"{name}_equivalent",
            f"{meaning}: the equivalent the source reports",
            f"{name}.equivalent",
        ),
        Column(
            f"{name}_approximate",
            BOOL,
            f"{meaning}: whether the source calls it approximate",
            f"{name}.approximate",
        ),
    ]


def _term(name: str, meaning: str) -> list[Column]:
    return [
        Column(
            name,
            TEXT,
            f"{meaning}, as given: P18M, P1Y6M, P18M/P20M for a range, life",
            name,
            "term",
        ),
        Column(f"{name}_minimum_months", INT, f"{meaning}: its least, years and months in months"),
        Column(f"{name}_minimum_days", INT, f"{meaning}: days of its least (never made months)"),
        Column(f"{name}_maximum_months", INT, f"{meaning}: its most, years and months in months"),
        Column(f"{name}_maximum_days", INT, f"{meaning}: days of its most (never made months)"),
        Column(f"{name}_life", BOOL, f"{meaning}: whether it is life imprisonment"),
    ]


_PATH = Column("path", TEXT, "JSON path of the object in the collection document")
_CASE = Column("case_id", TEXT, "The case (cases.case_id)")
_COUNTRY = Column("country", TEXT, "The case's country, ISO 3166-1 alpha-3 (for partitioning)")
_LAW = Column("law_id", TEXT, "The law (laws.law_id)")


def _case_table(name: str, row: str, key: tuple[str, ...], *columns: Column) -> TableLayout:
    # The case's id and country are the case's own fields on its row, derived on the others.
    case, country = _CASE, _COUNTRY
    if name == "cases":
        case, country = attrs.evolve(_CASE, field="id"), attrs.evolve(_COUNTRY, field="country")
    return TableLayout(
        name, row, ("case_id", *key), (_PATH, case, country, *columns), partition="country"
    )


_VERSION = Column(
    "version", ENUM, "Which version of the instrument it comes from: draft or adopted", "version"
)


def _penalty() -> list[Column]:
    return [
        Column("minimum_term", TEXT, "Least term the law states, as given", "minimum_term", "term"),
        Column("minimum_term_months", INT, "Least term: years and months, in months"),
        Column("minimum_term_days", INT, "Least term: days"),
        Column(
            "maximum_term",
            TEXT,
            "Most term the law states, as given (life for life)",
            "maximum_term",
            "term",
        ),
        Column("maximum_term_months", INT, "Most term: years and months, in months"),
        Column("maximum_term_days", INT, "Most term: days"),
        Column("maximum_term_life", BOOL, "Whether the most is life imprisonment"),
        *_money("minimum_fine", "Least fine", "minimum_fine"),
        *_money("maximum_fine", "Most fine", "maximum_fine"),
        *_money(
            "maximum_fine_equivalent",
            "The equivalent of the most fine a report adds",
            "maximum_fine_equivalent",
        ),
        Column(
            "equivalent_approximate",
            BOOL,
            "Whether the report calls the equivalent approximate",
            "equivalent_approximate",
        ),
        _VERSION,
        Column("death", BOOL, "Whether the law provides the death penalty", "death"),
    ]


def _listed(name: str, member: str, meaning: str, kinds: str) -> list[Column]:
    """A sentence's list of penalties, one text per item in each of three aligned columns."""
    return [
        Column(
            f"{name}_kinds", TEXTS, f"{meaning}: the kind of each ({kinds})", f"{member}[].kind"
        ),
        Column(
            f"{name}_terms",
            TEXTS,
            f"{meaning}: the term of each, as given; empty text for none",
            f"{member}[].term",
        ),
        Column(
            f"{name}_as_printed",
            TEXTS,
            f"{meaning}: each in the source's words; empty text for none",
            f"{member}[].as_printed",
        ),
    ]


_NATIONALITIES = Column(
    "nationalities",
    TEXTS,
    "The countries of which they are a national, ISO 3166-1 alpha-3",
    "nationalities",
)

_PERSON_FACTS = [
    Column("gender", ENUM, "Their gender where the source states it: woman, man, ...", "gender"),
    Column("age_years", INT, "Their age in whole years, as the source reports it", "age.years"),
    Column(
        "age_on", TEXT, "When they were that age, as given: YYYY, YYYY-MM or YYYY-MM-DD", "age.on"
    ),
    Column("age_on_precision", ENUM, "How much of age_on is known: year, month or day"),
    Column("age_on_date", DATE, "age_on as a date, only when known to the day"),
]

_NAMED = [
    Column("name", TEXT, "Name as published", "name"),
    Column("other_names", TEXTS, "Other names (aliases, spellings)", "other_names[].name"),
    Column(
        "other_name_notes",
        TEXTS,
        "For each other name, its note; empty text for none",
        "other_names[].note",
    ),
]


@attrs.frozen
class Place:
    """Where the rows of a table sit in a collection document.

    Attributes:
        parent: The table whose rows hold them (``"cases"``), or ``None`` for
            the collection itself.
        member: The list member of the parent that holds them (``"events"``).
        index: The column that orders them within it, where there is one.

    """

    parent: str | None
    member: str
    index: str | None = None


#: Where a row of each table goes when its sheet has no path: under which parent, in what list.
PLACES: Final[dict[str, Place]] = {
    **{table: Place(None, table) for table in member_types()},
    "scale_bands": Place("scales", "bands", "band_index"),
    "law_statuses": Place("laws", "status", "status_index"),
    "law_articles": Place("laws", "articles"),
    "law_features": Place("laws", "features", "feature_index"),
    "case_people": Place("cases", "people"),
    "case_organisations": Place("cases", "organisations"),
    "events": Place("cases", "events", "event_index"),
    "event_people": Place("events", "people"),
    "event_organisations": Place("events", "organisations"),
    "event_charges": Place("events", "charges"),
    "charges": Place("cases", "charges"),
    "charge_people": Place("charges", "people"),
    "sentences": Place("cases", "sentences", "sentence_index"),
    "custody_credited": Place("sentences", "custody_credited", "period_index"),
    "signatures": Place("statements", "signatories", "signatory_index"),
    "statement_demands": Place("statements", "demands", "demand_index"),
    "statement_concerns": Place("statement_demands", "concerns", "concern_index"),
    "session_members": Place("sessions", "members", "member_index"),
    "session_printed_members": Place("sessions", "printed_members", "entry_index"),
    "agenda_items": Place("sessions", "agenda", "item_index"),
    "session_demands": Place("agenda_items", "demands", "demand_index"),
    "side_events": Place("sessions", "side_events", "side_event_index"),
    "election_contests": Place("elections", "contests", "contest_index"),
    "election_figures": Place("elections", "figures", "figure_index"),
}


def chain(table: str) -> list[str] | None:
    """The list members from the collection down to a row of ``table``; ``None`` if unknown."""
    special = {
        "charge_citations": ["cases", "charges", "citations"],
        "election_results": ["elections", "contests", "results"],
        "penalties": ["laws", "penalties"],
        "identifiers": ["people", "identifiers"],
        "affiliations": ["people", "affiliations"],
        "sources": ["cases", "sources"],
        "derived": ["cases", "derived"],
    }
    if table in special:
        return special[table]
    members: list[str] = []
    current: str | None = table
    while current is not None:
        place = PLACES.get(current)
        if place is None:
            return None
        members.insert(0, place.member)
        current = place.parent
    return members


#: Every table, in export order, with its columns, their Arrow types and meanings, and where
#: each row and column sits in the collection document.
LAYOUT: Final[tuple[TableLayout, ...]] = (
    TableLayout(
        "ratings",
        "A country's civic-space rating as of a date",
        ("path",),
        (
            _PATH,
            Column("country", TEXT, "ISO 3166-1 alpha-3", "country"),
            Column("rating", ENUM, "open, narrowed, obstructed, repressed or closed", "rating"),
            *_date("as_of", "When the rating applies"),
            Column("in_force_from", DATE, "First day in force: the first day as_of may be"),
            Column("in_force_until", DATE, "First day of the country's next rating; null if none"),
            Column(
                "watchlist", BOOL, "Whether the country is on the Monitor's watchlist", "watchlist"
            ),
            Column("score", pa.float64(), "The score, when the monitor gives one", "score"),
        ),
        partition="country",
    ),
    TableLayout(
        "scales",
        "A monitor's score scale",
        ("scale_id",),
        (
            _PATH,
            Column("scale_id", TEXT, "The scale", "id"),
            Column("name", TEXT, "Its name", "name"),
            Column("publisher", TEXT, "Who publishes it", "publisher"),
            Column(
                "direction", ENUM, "Whether higher scores are more open or more closed", "direction"
            ),
            Column("minimum", pa.float64(), "Lowest score", "minimum"),
            Column("maximum", pa.float64(), "Highest score", "maximum"),
        ),
    ),
    TableLayout(
        "scale_bands",
        "One band of a score scale",
        ("scale_id", "band_index"),
        (
            _PATH,
            Column("scale_id", TEXT, "The scale (scales.scale_id)"),
            Column("band_index", INT, "Position in the scale's bands, from 0"),
            Column("category", TEXT, "The category", "category"),
            Column("label", TEXT, "The label as published", "label"),
            Column("minimum", pa.float64(), "Lowest score of the band", "minimum"),
            Column("maximum", pa.float64(), "Highest score of the band", "maximum"),
        ),
    ),
    TableLayout(
        "laws",
        "A legal instrument",
        ("law_id",),
        (
            _PATH,
            attrs.evolve(_LAW, field="id"),
            Column("jurisdiction", TEXT, "Its jurisdiction", "jurisdiction"),
            Column("kind", ENUM, "code, law, sub_decree, decree, notice, draft_law, ...", "kind"),
            Column("title", TEXT, "Its first title"),
            Column("titles", TEXTS, "All its titles", "titles"),
            Column("short_names", TEXTS, "Its short names", "short_names"),
        ),
    ),
    TableLayout(
        "law_statuses",
        "A change of a law's status (draft, adopted, in force, ...)",
        ("law_id", "status_index"),
        (
            _PATH,
            _LAW,
            Column("status_index", INT, "Position in the law's history, from 0"),
            Column("status", ENUM, "The status from that date", "status"),
            *_date("date", "When"),
        ),
    ),
    TableLayout(
        "law_articles",
        "An article of a law",
        ("law_id", "article"),
        (
            _PATH,
            _LAW,
            Column("article", TEXT, "Article number as given", "number"),
            Column("article_key", TEXT, "The number as canonical_article_number reads it"),
            Column("heading", TEXT, "Its heading", "heading"),
            Column("restricts", TEXTS, "Freedoms it restricts", "restricts"),
            _VERSION,
        ),
    ),
    TableLayout(
        "penalties",
        "A statutory penalty of a law, an article or a charge, or an aggravated variant of one",
        ("law_id", "article", "penalty_index", "variant_index"),
        (
            _PATH,
            Column("law_id", TEXT, "The law (laws.law_id); null for a charge's penalty"),
            Column("article", TEXT, "The article; null for a penalty of the whole law"),
            Column("case_id", TEXT, "The case of the charge; null for a law's penalty"),
            Column("charge_id", TEXT, "The charge (charges.charge_id); null for a law's penalty"),
            Column(
                "penalty_index",
                INT,
                "Position among the law's or article's penalties; null for a charge's",
            ),
            Column("variant_index", INT, "Position among aggravated variants; null for the base"),
            Column(
                "condition",
                TEXT,
                "When the aggravated variant applies; null for the base",
                "condition",
            ),
            *_penalty(),
        ),
    ),
    TableLayout(
        "law_features",
        "A feature of a law that critics point at",
        ("law_id", "feature_index"),
        (
            _PATH,
            _LAW,
            Column("feature_index", INT, "Position, from 0"),
            Column("feature", ENUM, "The criticised feature", "feature"),
            Column("note", TEXT, "What the source says", "note"),
            Column("restricts", TEXTS, "Freedoms it restricts", "restricts"),
            _VERSION,
        ),
    ),
    TableLayout(
        "people",
        "A person record of the collection (people named across cases)",
        ("person_id",),
        (
            _PATH,
            Column("person_id", TEXT, "The person", "id"),
            *_NAMED,
            Column("roles", TEXTS, "Their roles", "roles"),
            _NATIONALITIES,
            *_PERSON_FACTS,
        ),
    ),
    TableLayout(
        "organisations",
        "An organisation record of the collection",
        ("organisation_id",),
        (
            _PATH,
            Column("organisation_id", TEXT, "The organisation", "id"),
            *_NAMED,
            Column("acronym", TEXT, "Its acronym", "acronym"),
            Column("country", TEXT, "Where it is based", "country"),
            Column("kind", ENUM, "ngo, union, media_outlet, party, network, ...", "kind"),
        ),
    ),
    TableLayout(
        "identifiers",
        "An identifier of a person (in a case or a person record)",
        ("path",),
        (
            _PATH,
            Column("owner_path", TEXT, "The person's path"),
            Column("case_id", TEXT, "The case; null for a person record"),
            Column("person_id", TEXT, "The person"),
            Column("scheme", TEXT, "The identifier's scheme", "scheme"),
            Column("identifier", TEXT, "The identifier", "identifier"),
        ),
    ),
    TableLayout(
        "affiliations",
        "A person's affiliation to an organisation (in a case or a person record)",
        ("path",),
        (
            _PATH,
            Column("owner_path", TEXT, "The person's path"),
            Column("case_id", TEXT, "The case; null for a person record"),
            Column("person_id", TEXT, "The person"),
            Column("organisation_id", TEXT, "The organisation", "organisation"),
            Column("role", TEXT, "Their role in it", "role"),
        ),
    ),
    _case_table(
        "cases",
        "A case",
        (),
        Column("title", TEXT, "Short title", "title"),
        Column("summary", TEXT, "What happened", "summary"),
        Column("people", INT, "How many people it names"),
        Column("events", INT, "How many events it lists"),
        Column("sentences", INT, "How many sentences it lists (accounts, conflicting ones apart)"),
    ),
    _case_table(
        "case_people",
        "A person of a case, with what civicspace derives for them",
        ("person_id",),
        Column("person_id", TEXT, "The person, within the case", "id"),
        *_NAMED,
        Column("roles", TEXTS, "Their roles in this case", "roles"),
        _NATIONALITIES,
        *_PERSON_FACTS,
        Column("status", ENUM, "Their status, from civicspace.cases.person_status"),
        *_date("arrested", "Their first arrest or detention in the case", derived=True),
        Column("pretrial_days_minimum", INT, "Days of pre-trial detention, least"),
        Column(
            "pretrial_days_maximum", INT, "Days of pre-trial detention, most; null if unbounded"
        ),
        Column("arrest_to_verdict_days_minimum", INT, "Days from arrest to verdict, least"),
        Column("arrest_to_verdict_days_maximum", INT, "Days from arrest to verdict, most"),
    ),
    _case_table(
        "case_organisations",
        "An organisation of a case",
        ("organisation_id",),
        Column("organisation_id", TEXT, "The organisation, within the case", "id"),
        *_NAMED,
        Column("acronym", TEXT, "Its acronym", "acronym"),
        Column("organisation_country", TEXT, "Where it is based", "country"),
        Column("kind", ENUM, "ngo, union, media_outlet, party, network, ...", "kind"),
    ),
    _case_table(
        "events",
        "An event of a case, in the order the case lists them",
        ("event_index",),
        Column("event_index", INT, "Position in the case's events, from 0"),
        Column("kind", ENUM, "What happened: arrest, charge, conviction, ...", "kind"),
        *_date("date", "When"),
        Column("people_count", INT, "How many people the source says it concerned", "people_count"),
        Column(
            "people_count_qualifier",
            ENUM,
            "How the source qualifies the count: about, nearly, at_least, ...; null if exact",
            "people_count_qualifier",
        ),
        Column(
            "subject",
            TEXT,
            "Whom or what it concerns when neither a person nor an organisation of the case",
            "subject",
        ),
        Column("actor", TEXT, "Who acted, as the source names them", "actor.name"),
        Column(
            "actor_kind",
            ENUM,
            "What kind of body acted: court, prosecutor, police, ...",
            "actor.kind",
        ),
        Column("in_absentia", BOOL, "Whether it happened in the people's absence", "in_absentia"),
        Column(
            "designation_category",
            ENUM,
            "The designation imposed or lifted: foreign_agent, extremist, terrorist, ...",
            "designation.category",
        ),
        Column(
            "designation_label", TEXT, "The designation's label as printed", "designation.label"
        ),
        *_term("term_after", "The term after a commutation or reduction"),
        Column(
            "reduced_by",
            TEXT,
            "By how much a reduction cuts the term, as given: P6Y",
            "reduced_by",
            "term",
        ),
        Column(
            "sentence_ids",
            TEXTS,
            "The sentences it concerns, a commutation's or an appeal's (sentences.sentence_id)",
            "sentences",
        ),
        Column("lashes", INT, "Lashes inflicted at a corporal punishment carried out", "lashes"),
        *_reported("fine", "A fine imposed outside a sentence (an event of kind fine)"),
        Column(
            "scheduled",
            BOOL,
            "Whether it was only scheduled, not known to have happened; null means it happened",
            "scheduled",
        ),
        Column("place", TEXT, "Where", "place"),
        Column("note", TEXT, "Anything else the source says", "note"),
        *_reported("demanded", "Fine or compensation demanded, not imposed"),
        Column(
            "huridocs_act",
            TEXT,
            "The HURIDOCS Types of Acts code of the kind (12 digits); null when none corresponds",
        ),
    ),
    _case_table(
        "event_people",
        "A person an event names",
        ("event_index", "person_id"),
        Column("event_index", INT, "The event (events.event_index)"),
        Column("person_id", TEXT, "The person (case_people.person_id)", ""),
    ),
    _case_table(
        "event_organisations",
        "An organisation an event names",
        ("event_index", "organisation_id"),
        Column("event_index", INT, "The event (events.event_index)"),
        Column(
            "organisation_id", TEXT, "The organisation (case_organisations.organisation_id)", ""
        ),
    ),
    _case_table(
        "event_charges",
        "A charge an event concerns",
        ("event_index", "charge_id"),
        Column("event_index", INT, "The event (events.event_index)"),
        Column("charge_id", TEXT, "The charge (charges.charge_id)", ""),
    ),
    _case_table(
        "charges",
        "A charge brought in a case",
        ("charge_id",),
        Column("charge_id", TEXT, "The charge, within the case", "id"),
        Column("offence", TEXT, "The offence as reported", "offence"),
        *_date("date", "When they were charged"),
        Column(
            "replaces",
            TEXT,
            "The earlier charge it replaces, reclassified or amended (charges.charge_id)",
            "replaces",
        ),
    ),
    _case_table(
        "charge_people",
        "A person charged with a charge",
        ("charge_id", "person_id"),
        Column("charge_id", TEXT, "The charge (charges.charge_id)"),
        Column("person_id", TEXT, "The person (case_people.person_id)", ""),
    ),
    _case_table(
        "charge_citations",
        "A law, and an article of it, that a charge cites; one row per article",
        ("charge_id", "citation_index", "article_index"),
        Column("charge_id", TEXT, "The charge (charges.charge_id)"),
        Column("citation_index", INT, "Position among the charge's citations"),
        Column("article_index", INT, "Position among its articles; null for a whole law"),
        attrs.evolve(_LAW, field="^citations.law"),
        Column("article", TEXT, "The article as given; null when the whole law is cited", ""),
        Column(
            "article_key", TEXT, "The article as civicspace.laws.canonical_article_number reads it"
        ),
        Column("as_written", TEXT, "The citation as the source writes it", "^citations.as_written"),
    ),
    _case_table(
        "sentences",
        "A sentence as one source reports it; accounts of one ruling share ruling_index",
        ("sentence_index",),
        Column("sentence_index", INT, "Position in the case's sentences, from 0"),
        Column("person_id", TEXT, "The person sentenced (case_people.person_id)", "person"),
        Column("ruling_index", INT, "The ruling: sentences of one person with one imposed_on"),
        Column("conflicting", BOOL, "Whether accounts of its ruling disagree (conflicts)"),
        *_term("term", "The custodial term"),
        Column(
            "suspended",
            TEXT,
            "The part suspended, as given; remainder for the remainder",
            "suspended",
        ),
        Column("suspended_months", INT, "The part suspended: years and months, in months"),
        Column("suspended_days", INT, "The part suspended: days"),
        Column("suspended_remainder", BOOL, "Whether the remainder after time served is suspended"),
        *_reported("fine", "The fine"),
        *_reported("compensation", "The compensation"),
        Column("in_absentia", BOOL, "Whether imposed in the person's absence", "in_absentia"),
        *_date("imposed_on", "When it was imposed"),
        Column("court", TEXT, "The court", "court"),
        Column("appeal_outcome", ENUM, "What an appeal did to it", "appeal_outcome"),
        Column("custody_credited_days", INT, "Days of custody credited (days_in_custody)"),
        *_date("counted_from", "The day, month or year the term is counted from"),
        Column(
            "aggravated_life",
            BOOL,
            "Whether a life term is aggravated (without parole or release)",
            "aggravated_life",
        ),
        Column(
            "regime", ENUM, "The regime or place of detention: strict_regime_colony, ...", "regime"
        ),
        Column("regime_as_printed", TEXT, "The regime in the source's words", "regime_as_printed"),
        Column("death", BOOL, "Whether the court imposed the death penalty", "death"),
        Column("lashes", INT, "The number of lashes imposed", "lashes"),
        *_listed(
            "non_custodial",
            "non_custodial",
            "Penalties served without custody",
            "restricted_freedom, corrective_labour, ...",
        ),
        *_listed(
            "additional_penalties",
            "additional_penalties",
            "Penalties beside the main one",
            "travel_ban, deprivation_of_political_rights, ...",
        ),
        Column("court_kind", ENUM, "The kind of court: ordinary, revolutionary, ...", "court_kind"),
        Column("proceedings", ENUM, "criminal or administrative", "proceedings"),
        Column("sentence_id", TEXT, "The sentence's id, for others to refer to", "id"),
        Column(
            "includes",
            TEXTS,
            "The sentences it includes (sentences.sentence_id): a combined or substituted term",
            "includes",
        ),
        Column(
            "follows",
            TEXT,
            "The sentence after which it is served (sentences.sentence_id)",
            "follows",
        ),
        Column(
            "concurrent_with",
            TEXT,
            "The sentence it runs concurrently with (sentences.sentence_id)",
            "concurrent_with",
        ),
    ),
    _case_table(
        "custody_credited",
        "A period of custody credited against a sentence",
        ("sentence_index", "period_index"),
        Column("sentence_index", INT, "The sentence (sentences.sentence_index)"),
        Column("period_index", INT, "Position, from 0"),
        Column("start", DATE, "First day", "start"),
        Column("end", DATE, "Day of release, not counted; null when still open", "end"),
        Column("kind", ENUM, "What kind of custody", "kind"),
    ),
    TableLayout(
        "statements",
        "A joint statement",
        ("statement_id",),
        (
            _PATH,
            Column("statement_id", TEXT, "The statement", "id"),
            Column("kind", ENUM, "joint_statement, open_letter, oral_statement, ...", "kind"),
            Column("title", TEXT, "Its title", "title"),
            *_date("date", "When"),
            Column("venue", TEXT, "Where it was delivered", "venue"),
            Column(
                "session", INT, "The Human Rights Council session (sessions.session)", "session"
            ),
            Column("delivered_by", TEXT, "Who delivered it", "delivered_by.name"),
            Column("delivered_by_person", TEXT, "Their person id", "delivered_by.person"),
            Column("delivered_by_role", TEXT, "Their role", "delivered_by.role"),
            Column("addressees", TEXTS, "Whom it addresses", "addressees"),
            Column("signatory_count", INT, "How many signatories it declares", "signatory_count"),
            Column("signatures", INT, "How many signatories it lists"),
        ),
    ),
    TableLayout(
        "signatures",
        "A signatory of a statement, with the organisation record it matches",
        ("statement_id", "signatory_index"),
        (
            _PATH,
            Column("statement_id", TEXT, "The statement (statements.statement_id)"),
            Column("signatory_index", INT, "Position in the list, from 0"),
            Column("signatory_id", TEXT, "The organisation id the data gives it", "id"),
            Column("name", TEXT, "Name as listed", "name"),
            Column("acronym", TEXT, "Acronym as listed", "acronym"),
            Column("qualifier", TEXT, "Qualifier as listed", "qualifier"),
            Column("signatory_country", TEXT, "Where it is based", "country"),
            Column("kind", ENUM, "What kind of body", "kind"),
            Column("organisation_id", TEXT, "The one organisation record it matches; else null"),
            Column("match_rule", ENUM, "How it matched (civicspace.people.match_organisations)"),
            Column("matches", INT, "How many organisation records match it"),
        ),
    ),
    TableLayout(
        "statement_demands",
        "A demand of a statement",
        ("statement_id", "demand_index"),
        (
            _PATH,
            Column("statement_id", TEXT, "The statement (statements.statement_id)"),
            Column("demand_index", INT, "Position, from 0"),
            Column("text", TEXT, "The demand", "text"),
            Column("addressee", TEXT, "Whom it addresses", "addressee"),
        ),
    ),
    TableLayout(
        "statement_concerns",
        "A case, law or person a demand of a statement concerns",
        ("statement_id", "demand_index", "concern_index"),
        (
            _PATH,
            Column("statement_id", TEXT, "The statement (statements.statement_id)"),
            Column("demand_index", INT, "The demand (statement_demands.demand_index)"),
            Column("concern_index", INT, "Position, from 0"),
            Column("case_id", TEXT, "The case it concerns", "case"),
            Column("law_id", TEXT, "The law it concerns", "law"),
            Column("person_id", TEXT, "The person it concerns", "person"),
        ),
    ),
    TableLayout(
        "sessions",
        "A session of the UN Human Rights Council",
        ("session",),
        (
            _PATH,
            Column("session", INT, "Its number", "number"),
            *_date("start", "First day"),
            *_date("end", "Last day"),
        ),
    ),
    TableLayout(
        "session_members",
        "A member state of the Council during a session",
        ("session", "country"),
        (
            _PATH,
            Column("session", INT, "The session (sessions.session)"),
            Column("member_index", INT, "Position in the list, from 0"),
            Column("country", TEXT, "ISO 3166-1 alpha-3", ""),
        ),
    ),
    TableLayout(
        "session_printed_members",
        "An entry of a session's member list as the text prints it, when it is not a full list",
        ("session", "entry_index"),
        (
            _PATH,
            Column("session", INT, "The session (sessions.session)"),
            Column("entry_index", INT, "Position in the list, from 0"),
            Column("printed", TEXT, "The entry as printed", "printed"),
            Column("countries", TEXTS, "The member states it is read as", "countries"),
        ),
    ),
    TableLayout(
        "agenda_items",
        "An item of a session's agenda",
        ("session", "item_index"),
        (
            _PATH,
            Column("session", INT, "The session (sessions.session)"),
            Column("item_index", INT, "Position, from 0"),
            Column("kind", ENUM, "What kind of item", "kind"),
            Column("item_number", INT, "The agenda item number", "item_number"),
            Column("title", TEXT, "Its title", "title"),
            Column("country", TEXT, "The country it concerns", "country"),
            Column("theme", TEXT, "Its theme", "theme"),
        ),
    ),
    TableLayout(
        "session_demands",
        "A demand made under an agenda item",
        ("session", "item_index", "demand_index"),
        (
            _PATH,
            Column("session", INT, "The session (sessions.session)"),
            Column("item_index", INT, "The item (agenda_items.item_index)"),
            Column("demand_index", INT, "Position, from 0"),
            Column("text", TEXT, "The demand", "text"),
            Column("addressee", TEXT, "Whom it addresses", "addressee"),
            Column("made_by", TEXT, "Who made it", "made_by"),
            *_date("date", "When"),
        ),
    ),
    TableLayout(
        "side_events",
        "A side event of a session",
        ("session", "side_event_index"),
        (
            _PATH,
            Column("session", INT, "The session (sessions.session)"),
            Column("side_event_index", INT, "Position, from 0"),
            Column("title", TEXT, "Its title", "title"),
            *_date("date", "When"),
            Column("start_time", TEXT, "Start time as given", "start_time"),
            Column("end_time", TEXT, "End time as given", "end_time"),
            Column("room", TEXT, "Where", "room"),
            Column("country", TEXT, "The country it concerns", "country"),
            Column("panel", TEXTS, "The speakers' names", "panel[].name"),
            Column(
                "panel_roles", TEXTS, "Each speaker's role; empty text for none", "panel[].role"
            ),
        ),
    ),
    TableLayout(
        "elections",
        "An election",
        ("election_id",),
        (
            _PATH,
            Column("election_id", TEXT, "The election", "id"),
            Column("country", TEXT, "ISO 3166-1 alpha-3", "country"),
            *_date("date", "When"),
            Column("title", TEXT, "Its title", "title"),
        ),
        partition="country",
    ),
    TableLayout(
        "election_contests",
        "A contest of an election: what was contested, and how many seats or posts",
        ("election_id", "contest_index"),
        (
            _PATH,
            Column("election_id", TEXT, "The election (elections.election_id)"),
            Column("country", TEXT, "The election's country (for partitioning)"),
            Column("contest_index", INT, "Position among the election's contests"),
            Column("contested", TEXT, "What was contested", "contested"),
            Column("total", INT, "Seats or posts contested", "total"),
            Column("results", INT, "How many results it lists (election_results)"),
        ),
        partition="country",
    ),
    TableLayout(
        "election_results",
        "A party's result in a contest of an election",
        ("election_id", "contest_index", "result_index"),
        (
            _PATH,
            Column("election_id", TEXT, "The election (elections.election_id)"),
            Column("country", TEXT, "The election's country (for partitioning)"),
            Column("contest_index", INT, "Position among the election's contests"),
            Column("contested", TEXT, "What was contested", "^contests.contested"),
            Column("total", INT, "Seats or posts contested", "^contests.total"),
            Column("result_index", INT, "Position among the contest's results"),
            Column("party", TEXT, "The party or group", "party"),
            Column("acronym", TEXT, "Its acronym", "acronym"),
            Column("organisation_id", TEXT, "Its organisation record", "organisation"),
            Column("group", BOOL, "Whether it is a group of parties", "group"),
            Column("seats", INT, "Seats won", "seats"),
            Column(
                "share", SHARE, "Share of the total in per cent, as the text states it", "share"
            ),
            _places("share"),
        ),
        partition="country",
    ),
    TableLayout(
        "election_figures",
        "Another number a text states about an election: a popular vote, observers accredited",
        ("election_id", "figure_index"),
        (
            _PATH,
            Column("election_id", TEXT, "The election (elections.election_id)"),
            Column("country", TEXT, "The election's country (for partitioning)"),
            Column("figure_index", INT, "Position among the election's figures"),
            Column("measure", TEXT, "What it counts, in the text's words", "measure"),
            Column("party", TEXT, "The party it is about", "party"),
            Column("value", AMOUNT, "The number", "value"),
            _places("value"),
            Column("unit", ENUM, "count or per_cent", "unit"),
            Column("qualifier", ENUM, "How the text qualifies it: more_than, ...", "qualifier"),
            Column("previous", AMOUNT, "The number it changed from", "previous"),
            _places("previous"),
            Column("as_written", TEXT, "The words it was printed in", "as_written"),
        ),
        partition="country",
    ),
    TableLayout(
        "derived",
        "A mark on a value of a record that rests on a reading rather than a quote",
        ("path",),
        (
            _PATH,
            Column("owner_path", TEXT, "The path of the record the mark is on"),
            Column("record", ENUM, "The collection member of the record: cases, laws, ..."),
            Column("record_id", TEXT, "The record's id (a session's number); null for ratings"),
            Column(
                "member",
                TEXT,
                "The member holding the value, relative to the record: events[0].date",
                "member",
            ),
            Column(
                "how",
                ENUM,
                "How it was derived: inferred_date, identity_merge, counted, ...",
                "how",
            ),
            Column("note", TEXT, "The reading, in words", "note"),
            Column("sources", INT, "How many quotes it rests on (sources with this owner_path)"),
        ),
    ),
    TableLayout(
        "sources",
        "A source of an object: where a fact was published and the sentence it rests on",
        ("path",),
        (
            _PATH,
            Column("owner_path", TEXT, "The path of the object it is a source of"),
            Column("record", ENUM, "The collection member of the record: cases, laws, ..."),
            Column("record_id", TEXT, "The record's id (a session's number); null for ratings"),
            Column("url", TEXT, "Where it was published", "url"),
            Column("title", TEXT, "The title of the text", "title"),
            Column("publisher", TEXT, "Who published it", "publisher"),
            *_date("date", "When it was published"),
            Column("quote", TEXT, "The sentence the fact rests on, word for word", "quote"),
        ),
    ),
)


def table_layout(name: str) -> TableLayout:
    """The layout of the table called ``name``.

    Raises:
        KeyError: when no table has that name.

    """
    for layout in LAYOUT:
        if layout.name == name:
            return layout
    raise KeyError(name)


def columns_of(name: str) -> Iterator[str]:
    """The column names of a table, in order."""
    return (column.name for column in table_layout(name).columns)
