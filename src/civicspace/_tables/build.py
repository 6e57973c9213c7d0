"""A validated collection → one Arrow table per kind of thing, as :mod:`.layout` defines them.

Everything derived (a person's status, days of pre-trial detention,
conflicting accounts, canonical article numbers, the rating in force) comes
from civicspace's public functions; nothing here re-derives it.
"""

from __future__ import annotations

import decimal
import itertools
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, Final

import pyarrow as pa  # type: ignore[import-untyped]

import civicspace
from civicspace.cases import Case, CustodyEffect
from civicspace.collection import Collection
from civicspace.common import Derivation, PartialDate, Source
from civicspace.people import CasePerson
from civicspace.ratings import RatingHistory
from civicspace.sentences import Life, Money, ReportedAmount, Term, TermRange

from ..errors import TablesError
from .layout import LAYOUT, TableLayout

__all__ = ["Tables", "TablesError", "build_tables"]

Row = dict[str, Any]
_PLACES = decimal.Decimal("0.0001")


class Tables(Mapping[str, pa.Table]):
    """The tables of one collection: a read-only mapping, table name → ``pyarrow.Table``.

    Every table of the layout is present, empty when the collection has
    nothing for it, in the layout's order.
    """

    __slots__ = ("_tables",)

    def __init__(self, tables: dict[str, pa.Table]) -> None:
        self._tables = tables

    def __getitem__(self, name: str) -> pa.Table:
        """The table called ``name``."""
        return self._tables[name]

    def __iter__(self) -> Iterator[str]:
        """The table names, in the layout's order."""
        return iter(self._tables)

    def __len__(self) -> int:
        """How many tables."""
        return len(self._tables)

    def __repr__(self) -> str:
        """The tables and their rows."""
        rows = ", ".join(f"{name}: {table.num_rows}" for name, table in self._tables.items())
        return f"Tables({rows})"


def _enum(value: Any) -> str | None:
    return None if value is None else str(value.value)


def _date(name: str, value: PartialDate | None) -> Row:
    if value is None:
        return {name: None, f"{name}_precision": None, f"{name}_date": None}
    precision = value.precision
    return {
        name: str(value),
        f"{name}_precision": precision.value,
        f"{name}_date": value.earliest if value.day is not None else None,
    }


def _person_facts(person: CasePerson) -> Row:
    age = person.age
    return {
        "gender": _enum(person.gender),
        "age_years": None if age is None else age.years,
        **_date("age_on", None if age is None else age.on),
    }


def _amount(value: decimal.Decimal, path: str) -> decimal.Decimal:
    if value != value.quantize(_PLACES, rounding=decimal.ROUND_DOWN) or value.adjusted() > 33:
        raise TablesError(
            f"the amount {value} has more than 4 decimal places or 34 digits, "
            "so no decimal128(38, 4) column holds it exactly",
            path=path,
        )
    return value


def _places(value: decimal.Decimal | None) -> int | None:
    """The decimal places ``value`` is written with: 2 for ``4000000.00``."""
    if value is None:
        return None
    exponent = value.as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


def _money(name: str, value: Money | None, path: str) -> Row:
    if value is None:
        return {f"{name}_amount": None, f"{name}_currency": None, f"{name}_amount_places": None}
    return {
        f"{name}_amount": _amount(value.amount, path),
        f"{name}_currency": value.currency,
        f"{name}_amount_places": _places(value.amount),
    }


def _reported(name: str, value: ReportedAmount | None, path: str) -> Row:
    if value is None:
        return {
            **_money(name, None, path),
            **_money(f"{name}_equivalent", None, path),
            f"{name}_approximate": None,
        }
    return {
        **_money(name, value.amount, path),
        **_money(f"{name}_equivalent", value.equivalent, path),
        f"{name}_approximate": value.approximate,
    }


#: The largest number an int64 column holds: a longer term has its ISO text only.
_INT64: Final = 2**63 - 1


def _months_days(term: Term | None) -> tuple[int | None, int | None]:
    """A term's months and days as numbers; ``None`` for a number no int64 column holds."""
    if term is None:
        return None, None
    months = term.years * 12 + term.months
    return (months if months <= _INT64 else None), (term.days if term.days <= _INT64 else None)


def _term(name: str, term: Term | TermRange | Life | None) -> Row:
    low: Term | None
    high: Term | None
    if isinstance(term, TermRange):
        low, high = term.minimum, term.maximum
        text: str | None = f"{term.minimum}/{term.maximum}"
    elif isinstance(term, Term):
        low = high = term
        text = str(term)
    else:
        low = high = None
        text = None if term is None else str(term)
    low_months, low_days = _months_days(low)
    high_months, high_days = _months_days(high)
    return {
        name: text,
        f"{name}_minimum_months": low_months,
        f"{name}_minimum_days": low_days,
        f"{name}_maximum_months": high_months,
        f"{name}_maximum_days": high_days,
        f"{name}_life": None if term is None else isinstance(term, Life),
    }


def _listed(name: str, items: tuple[Any, ...]) -> Row:
    """A sentence's list of penalties as three aligned lists of text; empty text for none."""
    return {
        f"{name}_kinds": [str(item.kind.value) for item in items],
        f"{name}_terms": ["" if item.term is None else str(item.term) for item in items],
        f"{name}_as_printed": [item.as_printed or "" for item in items],
    }


def _named(item: Any) -> Row:
    return {
        "name": item.name,
        "other_names": [other.name for other in item.other_names],
        "other_name_notes": [other.note or "" for other in item.other_names],
    }


class _Builder:
    """Rows per table, filled by walking a collection once."""

    def __init__(self) -> None:
        self.rows: dict[str, list[Row]] = {layout.name: [] for layout in LAYOUT}

    def add(self, table: str, row: Row) -> None:
        self.rows[table].append(row)

    def sources(
        self, owner: str, record: str, record_id: str | None, sources: Iterable[Source]
    ) -> None:
        for index, source in enumerate(sources):
            self.add(
                "sources",
                {
                    "path": f"{owner}.sources[{index}]",
                    "owner_path": owner,
                    "record": record,
                    "record_id": record_id,
                    "url": source.url,
                    "title": source.title,
                    "publisher": source.publisher,
                    **_date("date", source.date),
                    "quote": source.quote,
                },
            )

    def derived(
        self, owner: str, record: str, record_id: str | None, marks: Iterable[Derivation]
    ) -> None:
        for index, mark in enumerate(marks):
            path = f"{owner}.derived[{index}]"
            self.add(
                "derived",
                {
                    "path": path,
                    "owner_path": owner,
                    "record": record,
                    "record_id": record_id,
                    "member": mark.member,
                    "how": mark.how.value,
                    "note": mark.note,
                    "sources": len(mark.sources),
                },
            )
            self.sources(path, record, record_id, mark.sources)

    # -- records ---------------------------------------------------------------------------------

    def ratings(self, collection: Collection) -> None:
        history = RatingHistory(collection.ratings)  # type: ignore[arg-type]  # attrs converter
        until: dict[int, Any] = {}
        for country in history.countries:
            ordered = history.of(country)
            for before, after in itertools.pairwise(ordered):
                until[id(before)] = after.as_of.earliest
        for index, rating in enumerate(collection.ratings):
            path = f"$.ratings[{index}]"
            self.add(
                "ratings",
                {
                    "path": path,
                    "country": rating.country,
                    "rating": rating.rating.value,
                    **_date("as_of", rating.as_of),
                    "in_force_from": rating.as_of.earliest,
                    "in_force_until": until.get(id(rating)),
                    "watchlist": rating.watchlist,
                    "score": rating.score,
                },
            )
            self.sources(path, "ratings", None, rating.sources)
            self.derived(path, "ratings", None, rating.derived)

    def scales(self, collection: Collection) -> None:
        for index, scale in enumerate(collection.scales):
            path = f"$.scales[{index}]"
            self.add(
                "scales",
                {
                    "path": path,
                    "scale_id": scale.id,
                    "name": scale.name,
                    "publisher": scale.publisher,
                    "direction": _enum(scale.direction),
                    "minimum": scale.minimum,
                    "maximum": scale.maximum,
                },
            )
            for band_index, band in enumerate(scale.bands):
                band_path = f"{path}.bands[{band_index}]"
                self.add(
                    "scale_bands",
                    {
                        "path": band_path,
                        "scale_id": scale.id,
                        "band_index": band_index,
                        "category": band.category,
                        "label": band.label,
                        "minimum": band.minimum,
                        "maximum": band.maximum,
                    },
                )
                # A band has one source, at .source: listed as the first of its sources.
                self.add_band_source(band_path, scale.id, band.source)

    def add_band_source(self, band_path: str, scale_id: str, source: Source) -> None:
        start = len(self.rows["sources"])
        self.sources(band_path, "scales", scale_id, (source,))
        self.rows["sources"][start]["path"] = f"{band_path}.source"

    def penalties(self, law_id: str, article: str | None, path: str, penalties: Any) -> None:
        for index, penalty in enumerate(penalties):
            self.penalty(
                f"{path}.penalties[{index}]",
                penalty,
                {"law_id": law_id, "article": article, "case_id": None, "charge_id": None},
                index,
            )

    def penalty(self, base: str, penalty: Any, owner: Row, index: int | None) -> None:
        """The rows of one statutory penalty, its aggravated variants after it."""
        levels: list[tuple[str, int | None, str | None, Any]] = [(base, None, None, penalty)]
        levels += [
            (f"{base}.aggravated[{variant_index}]", variant_index, variant.condition, variant)
            for variant_index, variant in enumerate(penalty.aggravated)
        ]
        for level_path, variant_index, condition, level in levels:
            low_months, low_days = _months_days(level.minimum_term)
            high = level.maximum_term
            high_months, high_days = _months_days(high if isinstance(high, Term) else None)
            self.add(
                "penalties",
                {
                    "path": level_path,
                    **owner,
                    "penalty_index": index,
                    "variant_index": variant_index,
                    "condition": condition,
                    "minimum_term": None if level.minimum_term is None else str(level.minimum_term),
                    "minimum_term_months": low_months,
                    "minimum_term_days": low_days,
                    "maximum_term": None if high is None else str(high),
                    "maximum_term_months": high_months,
                    "maximum_term_days": high_days,
                    "maximum_term_life": None if high is None else isinstance(high, Life),
                    **_money("minimum_fine", level.minimum_fine, level_path),
                    **_money("maximum_fine", level.maximum_fine, level_path),
                    **_money(
                        "maximum_fine_equivalent",
                        getattr(level, "maximum_fine_equivalent", None),
                        level_path,
                    ),
                    "equivalent_approximate": getattr(level, "equivalent_approximate", None),
                    "version": _enum(getattr(level, "version", None)),
                    "death": level.death,
                },
            )

    def laws(self, collection: Collection) -> None:
        for index, law in enumerate(collection.laws):
            path = f"$.laws[{index}]"
            self.add(
                "laws",
                {
                    "path": path,
                    "law_id": law.id,
                    "jurisdiction": law.jurisdiction,
                    "kind": law.kind.value,
                    "title": law.title,
                    "titles": list(law.titles),
                    "short_names": list(law.short_names),
                },
            )
            self.sources(path, "laws", law.id, law.sources)
            self.derived(path, "laws", law.id, law.derived)
            for status_index, change in enumerate(law.status):
                change_path = f"{path}.status[{status_index}]"
                self.add(
                    "law_statuses",
                    {
                        "path": change_path,
                        "law_id": law.id,
                        "status_index": status_index,
                        "status": change.status.value,
                        **_date("date", change.date),
                    },
                )
                self.sources(change_path, "laws", law.id, change.sources)
            for article_index, article in enumerate(law.articles):
                article_path = f"{path}.articles[{article_index}]"
                self.add(
                    "law_articles",
                    {
                        "path": article_path,
                        "law_id": law.id,
                        "article": article.number,
                        "article_key": civicspace.laws.canonical_article_number(article.number),
                        "heading": article.heading,
                        "restricts": [freedom.value for freedom in article.restricts],
                        "version": _enum(article.version),
                    },
                )
                self.sources(article_path, "laws", law.id, article.sources)
                self.penalties(law.id, article.number, article_path, article.penalties)
            self.penalties(law.id, None, path, law.penalties)
            for feature_index, feature in enumerate(law.features):
                feature_path = f"{path}.features[{feature_index}]"
                self.add(
                    "law_features",
                    {
                        "path": feature_path,
                        "law_id": law.id,
                        "feature_index": feature_index,
                        "feature": feature.feature.value,
                        "note": feature.note,
                        "restricts": [freedom.value for freedom in feature.restricts],
                        "version": _enum(feature.version),
                    },
                )
                self.sources(feature_path, "laws", law.id, feature.sources)

    def person_parts(
        self, path: str, record: str, record_id: str, case_id: str | None, person: Any
    ) -> None:
        for index, identifier in enumerate(person.identifiers):
            self.add(
                "identifiers",
                {
                    "path": f"{path}.identifiers[{index}]",
                    "owner_path": path,
                    "case_id": case_id,
                    "person_id": person.id,
                    "scheme": identifier.scheme,
                    "identifier": identifier.identifier,
                },
            )
        for index, affiliation in enumerate(person.affiliations):
            self.add(
                "affiliations",
                {
                    "path": f"{path}.affiliations[{index}]",
                    "owner_path": path,
                    "case_id": case_id,
                    "person_id": person.id,
                    "organisation_id": affiliation.organisation,
                    "role": affiliation.role,
                },
            )
        self.sources(path, record, record_id, person.sources)

    def people(self, collection: Collection) -> None:
        for index, person in enumerate(collection.people):
            path = f"$.people[{index}]"
            self.add(
                "people",
                {
                    "path": path,
                    "person_id": person.id,
                    **_named(person),
                    "roles": [role.value for role in person.roles],
                    "nationalities": list(person.nationalities),
                    **_person_facts(person),
                },
            )
            self.person_parts(path, "people", person.id, None, person)
        for index, organisation in enumerate(collection.organisations):
            path = f"$.organisations[{index}]"
            self.add(
                "organisations",
                {
                    "path": path,
                    "organisation_id": organisation.id,
                    **_named(organisation),
                    "acronym": organisation.acronym,
                    "country": organisation.country,
                    "kind": _enum(organisation.kind),
                },
            )
            self.sources(path, "organisations", organisation.id, organisation.sources)

    def cases(self, collection: Collection) -> None:
        conflicting = {
            path for found in civicspace.analysis.conflicts(collection) for path in found.paths
        }
        for index, case in enumerate(collection.cases):
            self.case(f"$.cases[{index}]", case, conflicting)

    def case(self, path: str, case: Case, conflicting: set[str]) -> None:
        common = {"case_id": case.id, "country": case.country}
        self.add(
            "cases",
            {
                "path": path,
                **common,
                "title": case.title,
                "summary": case.summary,
                "people": len(case.people),
                "events": len(case.events),
                "sentences": len(case.sentences),
            },
        )
        self.sources(path, "cases", case.id, case.sources)
        self.derived(path, "cases", case.id, case.derived)
        for index, person in enumerate(case.people):
            person_path = f"{path}.people[{index}]"
            arrested = next(
                (
                    step.event.date
                    for step in civicspace.cases.timeline(case, person.id)
                    if step.kind.custody is CustodyEffect.BEGINS
                ),
                None,
            )
            pretrial = civicspace.cases.pretrial_detention(case, person.id)
            to_verdict = civicspace.cases.arrest_to_verdict(case, person.id)
            self.add(
                "case_people",
                {
                    "path": person_path,
                    **common,
                    "person_id": person.id,
                    **_named(person),
                    "roles": [role.value for role in person.roles],
                    "nationalities": list(person.nationalities),
                    **_person_facts(person),
                    "status": civicspace.cases.person_status(case, person.id).value,
                    **_date("arrested", arrested),
                    "pretrial_days_minimum": pretrial.minimum,
                    "pretrial_days_maximum": pretrial.maximum,
                    "arrest_to_verdict_days_minimum": None
                    if to_verdict is None
                    else to_verdict.minimum,
                    "arrest_to_verdict_days_maximum": None
                    if to_verdict is None
                    else to_verdict.maximum,
                },
            )
            self.person_parts(person_path, "cases", case.id, case.id, person)
        for index, organisation in enumerate(case.organisations):
            organisation_path = f"{path}.organisations[{index}]"
            self.add(
                "case_organisations",
                {
                    "path": organisation_path,
                    **common,
                    "organisation_id": organisation.id,
                    **_named(organisation),
                    "acronym": organisation.acronym,
                    "organisation_country": organisation.country,
                    "kind": _enum(organisation.kind),
                },
            )
            self.sources(organisation_path, "cases", case.id, organisation.sources)
        self.events(path, case, common)
        self.charges(path, case, common)
        self.sentences(path, case, common, conflicting)

    def events(self, path: str, case: Case, common: Row) -> None:
        for index, event in enumerate(case.events):
            event_path = f"{path}.events[{index}]"
            self.add(
                "events",
                {
                    "path": event_path,
                    **common,
                    "event_index": index,
                    "kind": event.kind,
                    **_date("date", event.date),
                    "people_count": event.people_count,
                    "people_count_qualifier": _enum(event.people_count_qualifier),
                    "subject": event.subject,
                    "actor": None if event.actor is None else event.actor.name,
                    "actor_kind": None if event.actor is None else event.actor.kind.value,
                    "in_absentia": event.in_absentia,
                    "designation_category": (
                        None if event.designation is None else event.designation.category.value
                    ),
                    "designation_label": (
                        None if event.designation is None else event.designation.label
                    ),
                    **_term("term_after", event.term_after),
                    "reduced_by": None if event.reduced_by is None else str(event.reduced_by),
                    "sentence_ids": list(event.sentences),
                    "lashes": event.lashes,
                    **_reported("fine", event.fine, event_path),
                    "scheduled": event.scheduled,
                    "place": event.place,
                    "note": event.note,
                    **_reported("demanded", event.demanded, event_path),
                    "huridocs_act": event.kind_info.huridocs_act,
                },
            )
            for table, column, member in (
                ("event_people", "person_id", "people"),
                ("event_organisations", "organisation_id", "organisations"),
                ("event_charges", "charge_id", "charges"),
            ):
                for item_index, item in enumerate(getattr(event, member)):
                    self.add(
                        table,
                        {
                            "path": f"{event_path}.{member}[{item_index}]",
                            **common,
                            "event_index": index,
                            column: item,
                        },
                    )
            self.sources(event_path, "cases", case.id, event.sources)

    def charges(self, path: str, case: Case, common: Row) -> None:
        for index, charge in enumerate(case.charges):
            charge_path = f"{path}.charges[{index}]"
            self.add(
                "charges",
                {
                    "path": charge_path,
                    **common,
                    "charge_id": charge.id,
                    "offence": charge.offence,
                    **_date("date", charge.date),
                    "replaces": charge.replaces,
                },
            )
            for person_index, person in enumerate(charge.people):
                self.add(
                    "charge_people",
                    {
                        "path": f"{charge_path}.people[{person_index}]",
                        **common,
                        "charge_id": charge.id,
                        "person_id": person,
                    },
                )
            for citation_index, citation in enumerate(charge.citations):
                citation_path = f"{charge_path}.citations[{citation_index}]"
                articles: list[tuple[int | None, str | None]] = list(enumerate(citation.articles))
                for article_index, article in articles or [(None, None)]:
                    self.add(
                        "charge_citations",
                        {
                            "path": citation_path
                            if article_index is None
                            else f"{citation_path}.articles[{article_index}]",
                            **common,
                            "charge_id": charge.id,
                            "citation_index": citation_index,
                            "article_index": article_index,
                            "law_id": citation.law,
                            "article": article,
                            "article_key": None
                            if article is None
                            else civicspace.laws.canonical_article_number(article),
                            "as_written": citation.as_written,
                        },
                    )
            if charge.penalty is not None:
                owner = {
                    "law_id": None,
                    "article": None,
                    "case_id": case.id,
                    "charge_id": charge.id,
                }
                self.penalty(f"{charge_path}.penalty", charge.penalty, owner, None)
            self.sources(charge_path, "cases", case.id, charge.sources)

    def sentences(self, path: str, case: Case, common: Row, conflicting: set[str]) -> None:
        # A ruling is the sentences of one person with one imposed_on
        # (civicspace.analysis.conflicts).
        rulings: dict[tuple[str, PartialDate | None], int] = {}
        for index, sentence in enumerate(case.sentences):
            sentence_path = f"{path}.sentences[{index}]"
            ruling = rulings.setdefault((sentence.person, sentence.imposed_on), len(rulings))
            suspended = sentence.suspended
            months, days = _months_days(suspended if isinstance(suspended, Term) else None)
            credited = sentence.custody_credited
            self.add(
                "sentences",
                {
                    "path": sentence_path,
                    **common,
                    "sentence_index": index,
                    "person_id": sentence.person,
                    "ruling_index": ruling,
                    "conflicting": sentence_path in conflicting,
                    **_term("term", sentence.term),
                    "aggravated_life": sentence.aggravated_life,
                    "suspended": None if suspended is None else str(suspended),
                    "suspended_months": months,
                    "suspended_days": days,
                    "suspended_remainder": None
                    if suspended is None
                    else not isinstance(suspended, Term),
                    "regime": _enum(sentence.regime),
                    "regime_as_printed": sentence.regime_as_printed,
                    "death": sentence.death,
                    "lashes": sentence.lashes,
                    **_listed("non_custodial", sentence.non_custodial),
                    **_reported("fine", sentence.fine, sentence_path),
                    **_reported("compensation", sentence.compensation, sentence_path),
                    **_listed("additional_penalties", sentence.additional_penalties),
                    "in_absentia": sentence.in_absentia,
                    **_date("imposed_on", sentence.imposed_on),
                    "court": sentence.court,
                    "court_kind": _enum(sentence.court_kind),
                    "proceedings": _enum(sentence.proceedings),
                    "sentence_id": sentence.id,
                    "includes": list(sentence.includes),
                    "follows": sentence.follows,
                    "concurrent_with": sentence.concurrent_with,
                    "appeal_outcome": _enum(sentence.appeal_outcome),
                    "custody_credited_days": civicspace.cases.days_in_custody(credited)
                    if all(period.end is not None for period in credited)
                    else None,
                    **_date("counted_from", sentence.counted_from),
                },
            )
            for period_index, period in enumerate(credited):
                self.add(
                    "custody_credited",
                    {
                        "path": f"{sentence_path}.custody_credited[{period_index}]",
                        **common,
                        "sentence_index": index,
                        "period_index": period_index,
                        "start": period.start,
                        "end": period.end,
                        "kind": _enum(period.kind),
                    },
                )
            self.sources(sentence_path, "cases", case.id, sentence.sources)

    def statements(self, collection: Collection) -> None:
        records = collection.organisations
        for index, statement in enumerate(collection.statements):
            path = f"$.statements[{index}]"
            deliverer = statement.delivered_by
            self.add(
                "statements",
                {
                    "path": path,
                    "statement_id": statement.id,
                    "kind": statement.kind.value,
                    "title": statement.title,
                    **_date("date", statement.date),
                    "venue": statement.venue,
                    "session": statement.session,
                    "delivered_by": None if deliverer is None else deliverer.name,
                    "delivered_by_person": None if deliverer is None else deliverer.person,
                    "delivered_by_role": None if deliverer is None else deliverer.role,
                    "addressees": list(statement.addressees),
                    "signatory_count": statement.signatory_count,
                    "signatures": len(statement.signatories),
                },
            )
            self.sources(path, "statements", statement.id, statement.sources)
            self.derived(path, "statements", statement.id, statement.derived)
            for signatory_index, signatory in enumerate(statement.signatories):
                matches = [
                    (record, match)
                    for record in records
                    if (match := civicspace.people.match_organisations(signatory, record))
                ]
                only = matches[0] if len(matches) == 1 else None
                self.add(
                    "signatures",
                    {
                        "path": f"{path}.signatories[{signatory_index}]",
                        "statement_id": statement.id,
                        "signatory_index": signatory_index,
                        "signatory_id": signatory.id,
                        "name": signatory.name,
                        "acronym": signatory.acronym,
                        "qualifier": signatory.qualifier,
                        "signatory_country": signatory.country,
                        "kind": _enum(signatory.kind),
                        "organisation_id": None if only is None else only[0].id,
                        "match_rule": None if only is None else _enum(only[1].rule),
                        "matches": len(matches),
                    },
                )
            for demand_index, demand in enumerate(statement.demands):
                demand_path = f"{path}.demands[{demand_index}]"
                self.add(
                    "statement_demands",
                    {
                        "path": demand_path,
                        "statement_id": statement.id,
                        "demand_index": demand_index,
                        "text": demand.text,
                        "addressee": demand.addressee,
                    },
                )
                for concern_index, concern in enumerate(demand.concerns):
                    self.add(
                        "statement_concerns",
                        {
                            "path": f"{demand_path}.concerns[{concern_index}]",
                            "statement_id": statement.id,
                            "demand_index": demand_index,
                            "concern_index": concern_index,
                            "case_id": concern.case,
                            "law_id": concern.law,
                            "person_id": concern.person,
                        },
                    )

    def sessions(self, collection: Collection) -> None:
        for index, session in enumerate(collection.sessions):
            path = f"$.sessions[{index}]"
            number = session.number
            self.add(
                "sessions",
                {
                    "path": path,
                    "session": number,
                    **_date("start", session.start),
                    **_date("end", session.end),
                },
            )
            self.sources(path, "sessions", str(number), session.sources)
            self.derived(path, "sessions", str(number), session.derived)
            for member_index, member in enumerate(session.members):
                self.add(
                    "session_members",
                    {
                        "path": f"{path}.members[{member_index}]",
                        "session": number,
                        "member_index": member_index,
                        "country": member,
                    },
                )
            for entry_index, entry in enumerate(session.printed_members):
                self.add(
                    "session_printed_members",
                    {
                        "path": f"{path}.printed_members[{entry_index}]",
                        "session": number,
                        "entry_index": entry_index,
                        "printed": entry.printed,
                        "countries": list(entry.countries),
                    },
                )
            for item_index, item in enumerate(session.agenda):
                item_path = f"{path}.agenda[{item_index}]"
                self.add(
                    "agenda_items",
                    {
                        "path": item_path,
                        "session": number,
                        "item_index": item_index,
                        "kind": item.kind.value,
                        "item_number": item.item_number,
                        "title": item.title,
                        "country": item.country,
                        "theme": item.theme,
                    },
                )
                for demand_index, demand in enumerate(item.demands):
                    self.add(
                        "session_demands",
                        {
                            "path": f"{item_path}.demands[{demand_index}]",
                            "session": number,
                            "item_index": item_index,
                            "demand_index": demand_index,
                            "text": demand.text,
                            "addressee": demand.addressee,
                            "made_by": demand.made_by,
                            **_date("date", demand.date),
                        },
                    )
            for side_index, side in enumerate(session.side_events):
                self.add(
                    "side_events",
                    {
                        "path": f"{path}.side_events[{side_index}]",
                        "session": number,
                        "side_event_index": side_index,
                        "title": side.title,
                        **_date("date", side.date),
                        "start_time": side.start_time,
                        "end_time": side.end_time,
                        "room": side.room,
                        "country": side.country,
                        "panel": [speaker.name for speaker in side.panel],
                        "panel_roles": [speaker.role or "" for speaker in side.panel],
                    },
                )

    def elections(self, collection: Collection) -> None:
        for index, election in enumerate(collection.elections):
            path = f"$.elections[{index}]"
            self.add(
                "elections",
                {
                    "path": path,
                    "election_id": election.id,
                    "country": election.country,
                    **_date("date", election.date),
                    "title": election.title,
                },
            )
            self.sources(path, "elections", election.id, election.sources)
            for contest_index, contest in enumerate(election.contests):
                contest_path = f"{path}.contests[{contest_index}]"
                self.add(
                    "election_contests",
                    {
                        "path": contest_path,
                        "election_id": election.id,
                        "country": election.country,
                        "contest_index": contest_index,
                        "contested": contest.contested,
                        "total": contest.total,
                        "results": len(contest.results),
                    },
                )
                for result_index, result in enumerate(contest.results):
                    self.add(
                        "election_results",
                        {
                            "path": f"{contest_path}.results[{result_index}]",
                            "election_id": election.id,
                            "country": election.country,
                            "contest_index": contest_index,
                            "contested": contest.contested,
                            "total": contest.total,
                            "result_index": result_index,
                            "party": result.party,
                            "acronym": result.acronym,
                            "organisation_id": result.organisation,
                            "group": result.group,
                            "seats": result.seats,
                            "share": result.share,
                            "share_places": _places(result.share),
                        },
                    )
            for figure_index, figure in enumerate(election.figures):
                figure_path = f"{path}.figures[{figure_index}]"
                self.add(
                    "election_figures",
                    {
                        "path": figure_path,
                        "election_id": election.id,
                        "country": election.country,
                        "figure_index": figure_index,
                        "measure": figure.measure,
                        "party": figure.party,
                        "value": figure.value,
                        "value_places": _places(figure.value),
                        "unit": figure.unit.value,
                        "qualifier": _enum(figure.qualifier),
                        "previous": figure.previous,
                        "previous_places": _places(figure.previous),
                        "as_written": figure.as_written,
                    },
                )
                self.sources(figure_path, "elections", election.id, figure.sources)


def _table(layout: TableLayout, rows: list[Row]) -> pa.Table:
    schema = layout.schema()
    if not rows:
        return schema.empty_table()
    columns = {name: [row[name] for row in rows] for name in schema.names}
    return pa.Table.from_pydict(columns, schema=schema)


def build_tables(collection: Collection) -> Tables:
    """The tables of ``collection``; see :func:`civicspace.tables.tables`."""
    if not isinstance(collection, Collection):
        raise civicspace.CivicspaceError(
            f"tables() takes a civicspace.Collection, not {type(collection).__name__}"
        )
    builder = _Builder()
    builder.ratings(collection)
    builder.scales(collection)
    builder.laws(collection)
    builder.people(collection)
    builder.cases(collection)
    builder.statements(collection)
    builder.sessions(collection)
    builder.elections(collection)
    return Tables({layout.name: _table(layout, builder.rows[layout.name]) for layout in LAYOUT})
