"""The static site: one HTML page per country, case, law, statement and session, and an index.

Pages are rendered from the Jinja2 templates in ``templates/`` with
autoescaping on for everything, so a string from data is always text; a
URL from data becomes a link only when it is an absolute http(s) URL.
Links are relative and every resource (the style sheet, the charts) is a
file of the site, so the pages work from ``file://`` with no server, no
script and no network.  Derived facts (statuses, custody, totals,
conflicts, laws in force) come from the library's public functions.

Pages are written one at a time and charts are freed once saved, so the
memory a build takes beyond the collection itself grows only with the
index's lists.
"""

from __future__ import annotations

import datetime
import gc
import heapq
import json
import os
import re
import shutil
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import attrs
import jinja2

from .. import __version__
from ..analysis import conflicts, ruling_totals, statements_concerning, summarise
from ..cases import Case, Event, arrest_to_verdict, case_statuses, event_kinds, pretrial_detention
from ..collection import Collection
from ..common import Derivation, PartialDate
from ..countries import country_name
from ..elections import Election
from ..errors import CivicspaceError, IncompleteSessionError
from ..laws import Law, canonical_article_number, in_force_on
from ..people import CaseOrganisation, CasePerson
from ..ratings import CountryRating, RatingHistory
from ..sentences import Remainder, Sentence, StatutoryPenalty, Term
from ..sessions import Session, council_ratings
from ..statements import Statement
from . import charts
from .formatting import (
    amount_text,
    date_text,
    file_name,
    http_url,
    money_text,
    more_text,
    shorten,
    term_text,
    value_text,
)

__all__ = ["build"]

#: Charts drawn between two garbage collections: a figure is a web of reference
#: cycles, and collecting often keeps the peak flat over thousands of cases.
_COLLECT_EVERY = 50
_LATEST_EVENTS = 15


def _environment() -> jinja2.Environment:
    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("civicspace._site", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    environment.globals.update(
        date_text=date_text,
        value_text=value_text,
        term_text=term_text,
        amount_text=amount_text,
        money_text=money_text,
        more_text=more_text,
        penalty_text=penalty_text,
        http_url=http_url,
        shorten=shorten,
        words=words,
        anchor=anchor,
        kind_description=kind_description,
        version=__version__,
    )
    return environment


def words(value: Any) -> str:
    """An enum value or code as words: ``pre_trial_detention`` is ``pre trial detention``."""
    text = getattr(value, "value", value)
    return str(text).replace("_", " ")


def kind_description(kind: str) -> str:
    """What an event kind means, as the shipped vocabulary (``event_kinds()``) describes it."""
    found = event_kinds().get(kind)
    return "" if found is None else found.description


def anchor(number: str) -> str:
    """The fragment id of an article on its law's page, from its canonical number."""
    return "article-" + re.sub(r"[^a-z0-9]+", "-", canonical_article_number(number).lower())


def penalty_text(penalty: StatutoryPenalty) -> str:
    """``up to 5 years, a fine up to 5,000,000 KHR; if ...: up to 10 years``."""

    def level(minimum: Any, maximum: Any, low_fine: Any, high_fine: Any) -> list[str]:
        parts = []
        if minimum is not None or maximum is not None:
            low = "" if minimum is None else f"from {term_text(minimum)} "
            parts.append(low + ("" if maximum is None else f"up to {term_text(maximum)}"))
        if low_fine is not None or high_fine is not None:
            low = "" if low_fine is None else f"from {money_text(low_fine)} "
            high = "" if high_fine is None else f"up to {money_text(high_fine)}"
            parts.append(f"a fine {low}{high}".strip())
        return parts

    text = ", ".join(
        level(
            penalty.minimum_term, penalty.maximum_term, penalty.minimum_fine, penalty.maximum_fine
        )
    )
    for variant in penalty.aggravated:
        changed = level(
            variant.minimum_term, variant.maximum_term, variant.minimum_fine, variant.maximum_fine
        )
        text += f"; {variant.condition}: {', '.join(changed)}"
    return text


@attrs.frozen
class _Person:
    """A person of the collection: the record, if any, and each case that names them."""

    id: str
    name: str
    record: CasePerson | None
    cases: tuple[tuple[Case, CasePerson], ...]


@attrs.frozen
class _Organisation:
    """An organisation of the collection: the record, if any, and where it appears."""

    id: str
    name: str
    record: CaseOrganisation | None
    cases: tuple[tuple[Case, CaseOrganisation], ...]
    elections: tuple[Election, ...]
    members: tuple[tuple[str, str | None], ...]


class _Site:
    """The pages of one collection, and where each record's page is."""

    def __init__(
        self,
        collection: Collection,
        out: Path,
        today: datetime.date,
        today_given: bool,
        draw: bool,
        progress: Callable[[int, int], None] | None,
    ):
        self.collection = collection
        self.out = out
        self.today = today
        self.today_given = today_given
        self.draw = draw
        self.progress = progress
        self.environment = _environment()
        self.written: list[Path] = []
        self.drawn = 0
        self.history = RatingHistory(collection.ratings)  # type: ignore[arg-type]  # attrs converter
        self.laws = {law.id: law for law in reversed(collection.laws)}
        self.cases = {case.id: case for case in reversed(collection.cases)}
        self.people = _people(collection)
        self.organisations = _organisations(collection)
        self.elections = {election.id: election for election in reversed(collection.elections)}
        self.sessions = {session.number for session in collection.sessions}
        self.statements = {statement.id for statement in collection.statements}
        cases_in = Counter(case.country for case in collection.cases)
        # The countries with most cases first (the collection's subject), then by code.
        self.countries = sorted(
            {rating.country for rating in collection.ratings}
            | set(cases_in)
            | {law.jurisdiction for law in collection.laws},
            key=lambda code: (-cases_in[code], code),
        )
        self.rating_chart_shown: dict[str, dict[str, Any] | None] = {}
        # Each case's statuses, worked out for its page and read again by its people's pages.
        self.statuses: dict[str, Any] = {}
        self.citing: dict[tuple[str, str | None], list[Case]] = {}
        for case in collection.cases:
            for key in dict.fromkeys(_cited(case)):
                self.citing.setdefault(key, []).append(case)
        self.total = (
            len(self.countries)
            + len(self.cases)
            + len(self.laws)
            + len(collection.statements)
            + len(collection.sessions)
            + len(self.people)
            + len(self.organisations)
            + len(self.elections)
            + 3  # the people index, the vocabulary and the index
        )

    # -- links -------------------------------------------------------------------------------

    def href(self, kind: str, key: Any, root: str) -> str | None:
        """The relative link to a record's page from a page ``root`` deep; ``None`` if none."""
        if kind == "case" and key in self.cases:
            return f"{root}case/{file_name(key)}"
        if kind == "law" and key in self.laws:
            return f"{root}law/{file_name(key)}"
        if kind == "statement" and key in self.statements:
            return f"{root}statement/{file_name(key)}"
        if kind == "session" and key in self.sessions:
            return f"{root}session/{key}.html"
        if kind == "country" and key in self.countries:
            return f"{root}country/{key}.html"
        if kind == "person" and key in self.people:
            return f"{root}person/{file_name(key)}"
        if kind == "organisation" and key in self.organisations:
            return f"{root}organisation/{file_name(key)}"
        if kind == "election" and key in self.elections:
            return f"{root}election/{file_name(key)}"
        return None

    def law_title(self, law_id: str) -> str:
        """The title of the law with that id, or the id when the collection lacks the law."""
        law = self.laws.get(law_id)
        return law_id if law is None else law.title

    # -- writing -----------------------------------------------------------------------------

    def page(self, path: str, template: str, **context: Any) -> None:
        root = "../" * path.count("/")
        target = self.out / path
        target.parent.mkdir(parents=True, exist_ok=True)
        link: Callable[[str, Any], str | None] = lambda kind, key: self.href(kind, key, root)  # noqa: E731
        # Streamed to the file in pieces: the index of a large collection is never one string.
        self.environment.get_template(template).stream(
            root=root,
            link=link,
            country_name=_country,
            person_name=lambda person: (
                self.people[person].name if person in self.people else person
            ),
            law_title=self.law_title,
            **context,
        ).dump(str(target), encoding="utf-8")
        self.written.append(target)
        if self.progress is not None:
            self.progress(sum(1 for path in self.written if path.suffix == ".html"), self.total)

    def chart(self, name: str, make: Callable[[], charts.Chart]) -> dict[str, Any] | None:
        """Draw and save a chart as ``charts/NAME.svg``; what the page shows of it."""
        if not self.draw:
            return None
        chart = make()
        target = self.out / "charts" / f"{name}.svg"
        target.parent.mkdir(parents=True, exist_ok=True)
        charts.save(chart, str(target), "svg")
        self.written.append(target)
        shown = {
            "src": f"charts/{name}.svg",
            "title": chart.title,
            "alt": chart.alt,
            "header": chart.header,
            "rows": chart.rows,
        }
        del chart
        self.drawn += 1
        if self.drawn % _COLLECT_EVERY == 0:
            gc.collect()
        return shown

    def build(self) -> list[Path]:
        self.out.mkdir(parents=True, exist_ok=True)
        style = self.out / "static" / "site.css"
        style.parent.mkdir(exist_ok=True)
        with resources.as_file(resources.files(__package__).joinpath("static", "site.css")) as css:
            shutil.copyfile(css, style)
        self.written.append(style)
        for country in self.countries:
            self.country_page(country)
        for index, case in enumerate(self.collection.cases):
            if self.cases[case.id] is case:
                self.case_page(case, index)
        for law in self.collection.laws:
            if self.laws[law.id] is law:
                self.law_page(law)
        for statement in self.collection.statements:
            self.statement_page(statement)
        for session in self.collection.sessions:
            self.session_page(session)
        for person in self.people.values():
            self.person_page(person)
        for organisation in self.organisations.values():
            self.organisation_page(organisation)
        for election in self.collection.elections:
            if self.elections[election.id] is election:
                self.election_page(election)
        self.people_page()
        self.vocabulary_page()
        self.index_page()
        gc.collect()
        return self.written

    # -- pages -------------------------------------------------------------------------------

    def rating_chart(self, country: str) -> dict[str, Any] | None:
        if not self.history.of(country):
            return None
        return self.chart(
            f"rating-{country}", lambda: charts.rating_chart(self.history.ratings, country)
        )

    def index_page(self) -> None:
        collection = self.collection
        summary = summarise(collection)
        statements = collection.statements
        self.page(
            "index.html",
            "index.html",
            title="civic-space record",
            summary=summary,
            countries=[
                (country, self.history.of(country)[-1:], self.rating_chart_shown.get(country))
                for country in self.countries
            ],
            latest=_latest(collection.cases),
            cases=collection.cases,
            people=len(self.people),
            laws=[law for law in collection.laws if self.laws[law.id] is law],
            statements=statements,
            sessions=collection.sessions,
            organisations=list(self.organisations.values()),
            elections=[e for e in collection.elections if self.elections[e.id] is e],
            signatures=self.chart("signatures", lambda: charts.signatures_chart(statements))
            if statements
            else None,
            co_signing=self.chart("co-signing", lambda: charts.co_signing_chart(statements))
            if len(statements) > 0 and any(s.signatories for s in statements)
            else None,
        )

    def people_page(self) -> None:
        self.page(
            "people.html",
            "people.html",
            title="People",
            people=sorted(
                self.people.values(), key=lambda found: (found.name.casefold(), found.id)
            ),
        )

    def vocabulary_page(self) -> None:
        self.page(
            "vocabulary.html",
            "vocabulary.html",
            title="The words the pages use",
            kinds=list(event_kinds().values()),
            enums=_schema_enums(),
        )

    def country_page(self, country: str) -> None:
        shown = self.rating_chart(country)
        self.rating_chart_shown[country] = shown
        self.page(
            f"country/{country}.html",
            "country.html",
            title=_country(country),
            country=country,
            ratings=self.history.of(country),
            chart=shown,
            cases=[case for case in self.collection.cases if case.country == country],
            laws=[
                (law, in_force_on(law, self.today))
                for law in self.collection.laws
                if law.jurisdiction == country and self.laws[law.id] is law
            ],
            today=self.today,
            today_given=self.today_given,
            sessions=[s for s in self.collection.sessions if s.concerns(country)],
            elections=[e for e in self.collection.elections if e.country == country],
        )

    def case_page(self, case: Case, index: int) -> None:
        statuses = case_statuses(case)
        self.statuses[case.id] = statuses
        people = [
            {
                "person": person,
                "place": place,
                "status": statuses[person.id],
                "pretrial": _days_text(pretrial_detention(case, person.id)),
                "to_verdict": _days_text(arrest_to_verdict(case, person.id)),
            }
            for place, person in enumerate(case.people)
        ]
        draws = bool(case.people) and any(event.date is not None for event in case.events)
        shown = (
            self.chart(f"custody-{index}", lambda: charts.custody_chart(case)) if draws else None
        )
        by_person: dict[str, list[Sentence]] = {}
        for sentence in case.sentences:
            by_person.setdefault(sentence.person, []).append(sentence)
        self.page(
            f"case/{file_name(case.id)}",
            "case.html",
            title=case.title,
            case=case,
            people=people,
            organisations={body.id: body for body in case.organisations},
            charges={charge.id: charge for charge in case.charges},
            chart=shown,
            totals=_rulings(case, case.sentences) if case.sentences else None,
            included=_included(case, case.sentences),
            totals_by_person={
                person: (len(found), _included(case, found), _rulings(case, found))
                for person, found in by_person.items()
            },
            conflicts=conflicts(case),
            statements=statements_concerning(self.collection.statements, case=case.id),
            suspended_text=_suspended,
            derived=_derivations(case),
        )

    def law_page(self, law: Law) -> None:
        articles = [
            (article, self.citing.get((law.id, article.key), [])) for article in law.articles
        ]
        self.page(
            f"law/{file_name(law.id)}",
            "law.html",
            title=law.title,
            law=law,
            articles=articles,
            whole=self.citing.get((law.id, None), []),
            uncited=[
                (key[1], cases)
                for key, cases in self.citing.items()
                if key[0] == law.id and key[1] is not None and law.article(key[1]) is None
            ],
            in_force=in_force_on(law, self.today),
            today=self.today,
            today_given=self.today_given,
            statements=statements_concerning(self.collection.statements, law=law.id),
            derived=_derivations(law),
        )

    def statement_page(self, statement: Statement) -> None:
        self.page(
            f"statement/{file_name(statement.id)}",
            "statement.html",
            title=statement.title,
            statement=statement,
            derived=_derivations(statement),
        )

    def session_page(self, session: Session) -> None:
        try:
            ratings = council_ratings(session, self.history)
            by_member: dict[str, CountryRating] = {r.country: r for r in ratings.ratings}
            problem = None
        except IncompleteSessionError as error:
            ratings, by_member, problem = None, {}, str(error)
        self.page(
            f"session/{session.number}.html",
            "session.html",
            title=f"Human Rights Council, session {session.number}",
            session=session,
            ratings=ratings,
            by_member=by_member,
            problem=problem,
            derived=_derivations(session),
        )

    def person_page(self, person: _Person) -> None:
        rows = []
        for case, named in person.cases:
            place = case.people.index(named)
            rows.append(
                {
                    "case": case,
                    "person": named,
                    "place": place,
                    "status": self.statuses[case.id][person.id],
                    "sentences": [s for s in case.sentences if s.person == person.id],
                    "derived": _derivations(case),
                }
            )
        self.page(
            f"person/{file_name(person.id)}",
            "person.html",
            title=person.name,
            found=person,
            rows=rows,
            statements=statements_concerning(self.collection.statements, person=person.id),
            suspended_text=_suspended,
            derived=_derivations(person.record),
        )

    def organisation_page(self, organisation: _Organisation) -> None:
        self.page(
            f"organisation/{file_name(organisation.id)}",
            "organisation.html",
            title=organisation.name,
            found=organisation,
            derived=_derivations(organisation.record),
        )

    def election_page(self, election: Election) -> None:
        self.page(
            f"election/{file_name(election.id)}",
            "election.html",
            title=election.title,
            election=election,
            derived=_derivations(election),
        )


def _people(collection: Collection) -> dict[str, _Person]:
    """Every person of the collection by id: the standalone records, then those cases name."""
    records: dict[str, CasePerson] = {}
    for standalone in collection.people:
        records.setdefault(standalone.id, standalone)
    named: dict[str, list[tuple[Case, CasePerson]]] = {}
    seen: set[str] = set()
    for case in collection.cases:
        if case.id in seen:
            continue
        seen.add(case.id)
        for person in case.people:
            named.setdefault(person.id, []).append((case, person))
    found: dict[str, _Person] = {}
    for person_id in [*records, *named]:
        if person_id in found:
            continue
        record = records.get(person_id)
        in_cases = named.get(person_id, [])
        name = record.name if record is not None else in_cases[0][1].name
        found[person_id] = _Person(id=person_id, name=name, record=record, cases=tuple(in_cases))
    return found


def _organisations(collection: Collection) -> dict[str, _Organisation]:
    """Every organisation by id: records, those the cases name, and the parties of elections."""
    records: dict[str, CaseOrganisation] = {}
    for standalone in collection.organisations:
        records.setdefault(standalone.id, standalone)
    named: dict[str, list[tuple[Case, CaseOrganisation]]] = {}
    members: dict[str, dict[str, str | None]] = {}
    seen: set[str] = set()
    for case in collection.cases:
        if case.id in seen:
            continue
        seen.add(case.id)
        for body in case.organisations:
            named.setdefault(body.id, []).append((case, body))
        for person in case.people:
            for affiliation in person.affiliations:
                members.setdefault(affiliation.organisation, {}).setdefault(
                    person.id, affiliation.role
                )
    for person in collection.people:
        for affiliation in person.affiliations:
            members.setdefault(affiliation.organisation, {}).setdefault(person.id, affiliation.role)
    in_elections: dict[str, list[Election]] = {}
    for election in collection.elections:
        for contest in election.contests:
            for result in contest.results:
                if result.organisation is not None:
                    chosen = in_elections.setdefault(result.organisation, [])
                    if election not in chosen:
                        chosen.append(election)
    found: dict[str, _Organisation] = {}
    for body_id in [*records, *named]:
        if body_id in found:
            continue
        record = records.get(body_id)
        in_cases = named.get(body_id, [])
        name = record.name if record is not None else in_cases[0][1].name
        found[body_id] = _Organisation(
            id=body_id,
            name=name,
            record=record,
            cases=tuple(in_cases),
            elections=tuple(in_elections.get(body_id, ())),
            members=tuple(members.get(body_id, {}).items()),
        )
    return found


def _derivations(record: Any) -> dict[str, Derivation]:
    """The record's derived marks by the member they mark (the first mark of a member wins)."""
    found: dict[str, Derivation] = {}
    for derivation in getattr(record, "derived", ()):
        found.setdefault(derivation.member, derivation)
    return found


def _included(case: Case, sentences: Iterable[Sentence]) -> int:
    """How many of these sentences another sentence of the case includes (counted with it)."""
    included = {name for sentence in case.sentences for name in sentence.includes}
    return sum(1 for sentence in sentences if sentence.id in included)


def _rulings(case: Case, sentences: Iterable[Sentence]) -> Any:
    """The rulings these sentences of the case add up to, or ``None`` if the calendar decides.

    A ruling's accounts are counted once, as a range (:func:`ruling_totals`),
    so two accounts of one ruling that disagree are never added together.
    """
    try:
        return ruling_totals(attrs.evolve(case, sentences=tuple(sentences)))
    except CivicspaceError:
        return None


def _schema_enums() -> list[tuple[str, str, tuple[str, ...]]]:
    """Each code list of words in the shipped schemas: its name, its description, its values.

    Read from the schemas themselves, wherever an ``enum`` of lower-case
    words stands (codes such as countries and currencies aside), so a value
    added there is listed with no change here.  A list is named by its
    ``title``, else by its schema's title and the members that lead to it
    (``Law: status change, status``).
    """
    found: dict[tuple[str, ...], tuple[str, str, tuple[str, ...]]] = {}
    folder = resources.files("civicspace").joinpath("schemas")
    for entry in sorted(folder.iterdir(), key=lambda item: item.name):
        if not entry.name.endswith(".json") or entry.name == "report.json":
            continue
        schema = json.loads(entry.read_text("utf-8"))
        for steps, node in _enums(schema, ()):
            values = tuple(node["enum"])
            title = node.get("title") or ", ".join(
                [str(schema.get("title", entry.name)), *(step.replace("_", " ") for step in steps)]
            )
            found.setdefault(values, (str(title), str(node.get("description", "")), values))
    return sorted(found.values())


def _enums(node: Any, steps: tuple[str, ...]) -> Iterator[tuple[tuple[str, ...], Any]]:
    """Every ``enum`` of lower-case words under ``node``, with the names of the members to it."""
    if isinstance(node, dict):
        values = node.get("enum")
        if (
            isinstance(values, list)
            and len(values) > 1
            and all(isinstance(value, str) and value == value.lower() for value in values)
        ):
            yield steps, node
        for key, value in node.items():
            named = () if key in ("$defs", "properties", "items") else (key,)
            yield from _enums(value, steps + named)
    elif isinstance(node, list):
        for item in node:
            yield from _enums(item, steps)


def _country(code: str | None) -> str:
    if code is None:
        return ""
    try:
        return country_name(code)
    except ValueError:
        return code


def _cited(case: Case) -> Iterator[tuple[str, str | None]]:
    for charge in case.charges:
        for citation in charge.citations:
            if not citation.articles:
                yield citation.law, None
            for number in citation.articles:
                yield citation.law, canonical_article_number(number)


def _days_text(days: Any) -> str:
    if days is None:
        return "no arrest and verdict"
    if days.exact is not None:
        return f"{days.exact} days"
    if days.maximum is not None:
        return f"{days.minimum} to {days.maximum} days"
    if days.minimum:
        return f"at least {days.minimum} days (some dates unknown)"
    return "not known (dates missing)"


def _suspended(value: Term | Remainder | None) -> str:
    if value is None:
        return ""
    if isinstance(value, Remainder):
        return "the remainder, for time served"
    return term_text(value)


def _latest(cases: Iterable[Case]) -> list[tuple[Case, Event]]:
    """The most recent dated events across the cases, latest first."""
    dated = (
        (event.date, -index, -place, case, event)
        for index, case in enumerate(cases)
        for place, event in enumerate(case.events)
        if event.date is not None
    )
    best = heapq.nlargest(_LATEST_EVENTS, dated, key=lambda item: item[:3])
    return [(case, event) for *_, case, event in best]


def _staging(target: Path) -> Path:
    """A new empty folder beside ``target``, on its file system, for a build to write into."""
    target.parent.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(prefix=f".{target.name[:40]}.building-", dir=target.parent))


def _publish(staging: Path, target: Path, written: list[Path]) -> list[Path]:
    """Move a finished build from ``staging`` to ``target``; the paths under ``target``.

    A missing or empty ``target`` is replaced by the whole folder in one
    rename.  Otherwise each file is renamed over its namesake (one atomic
    rename a file), and the files of ``target`` the build did not write are
    left alone.
    """
    moved = [target / path.relative_to(staging) for path in written]
    if target.is_dir() and not any(target.iterdir()):
        target.rmdir()
    if not target.exists():
        os.rename(staging, target)
        return moved
    for source, destination in zip(written, moved, strict=True):
        destination.parent.mkdir(parents=True, exist_ok=True)
        os.replace(source, destination)
    shutil.rmtree(staging, ignore_errors=True)
    return moved


def build(
    collection: Collection,
    out_dir: str | Path,
    *,
    today: datetime.date | PartialDate | None = None,
    draw: bool = True,
    progress: Callable[[int, int], None] | None = None,
) -> list[Path]:
    """Write the site of ``collection`` under ``out_dir``; the paths written, in order.

    The pages are written into a new folder beside ``out_dir`` and moved
    there once all are written: a build that fails leaves ``out_dir`` as it
    was.  ``progress`` is called after each page with the pages written and
    the pages there will be.
    """
    day = today.earliest if isinstance(today, PartialDate) else today
    target = Path(out_dir)
    staging = _staging(target.resolve())
    try:
        site = _Site(
            collection,
            staging,
            day or datetime.date.today(),
            today_given=day is not None,
            draw=draw,
            progress=progress,
        )
        written = site.build()
        return _publish(staging, target, written)
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
