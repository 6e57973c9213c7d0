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
import re
import shutil
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import jinja2

from .. import __version__
from ..analysis import conflicts, ruling_totals, statements_concerning, summarise
from ..cases import Case, Event, arrest_to_verdict, case_statuses, pretrial_detention
from ..collection import Collection
from ..common import PartialDate
from ..countries import country_name
from ..errors import IncompleteSessionError
from ..laws import Law, canonical_article_number, in_force_on
from ..ratings import CountryRating, RatingHistory
from ..sentences import Remainder, StatutoryPenalty, Term, account_totals
from ..sessions import Session, council_ratings
from ..statements import Statement
from . import charts
from ._text import amount_text, date_text, file_name, http_url, money_text, shorten, term_text

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
        term_text=term_text,
        amount_text=amount_text,
        money_text=money_text,
        penalty_text=penalty_text,
        http_url=http_url,
        shorten=shorten,
        words=words,
        anchor=anchor,
        version=__version__,
    )
    return environment


def words(value: Any) -> str:
    """An enum value or code as words: ``pre_trial_detention`` is ``pre trial detention``."""
    text = getattr(value, "value", value)
    return str(text).replace("_", " ")


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


class _Site:
    """The pages of one collection, and where each record's page is."""

    def __init__(self, collection: Collection, out: Path, today: datetime.date, draw: bool):
        self.collection = collection
        self.out = out
        self.today = today
        self.draw = draw
        self.environment = _environment()
        self.written: list[Path] = []
        self.drawn = 0
        self.history = RatingHistory(collection.ratings)  # type: ignore[arg-type]  # attrs converter
        self.laws = {law.id: law for law in reversed(collection.laws)}
        self.cases = {case.id: case for case in reversed(collection.cases)}
        self.people = {person.id: person.name for person in collection.people}
        for case in collection.cases:
            for person in case.people:
                self.people.setdefault(person.id, person.name)
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
        self.citing: dict[tuple[str, str | None], list[Case]] = {}
        for case in collection.cases:
            for key in dict.fromkeys(_cited(case)):
                self.citing.setdefault(key, []).append(case)

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
        return None

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
            person_name=lambda person: self.people.get(person, person),
            **context,
        ).dump(str(target), encoding="utf-8")
        self.written.append(target)

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
            laws=[law for law in collection.laws if self.laws[law.id] is law],
            statements=statements,
            sessions=collection.sessions,
            signatures=self.chart("signatures", lambda: charts.signatures_chart(statements))
            if statements
            else None,
            co_signing=self.chart("co-signing", lambda: charts.co_signing_chart(statements))
            if len(statements) > 0 and any(s.signatories for s in statements)
            else None,
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
            sessions=[s for s in self.collection.sessions if s.concerns(country)],
        )

    def case_page(self, case: Case, index: int) -> None:
        statuses = case_statuses(case)
        people = [
            {
                "person": person,
                "status": statuses[person.id],
                "pretrial": _days_text(pretrial_detention(case, person.id)),
                "to_verdict": _days_text(arrest_to_verdict(case, person.id)),
            }
            for person in case.people
        ]
        draws = bool(case.people) and any(event.date is not None for event in case.events)
        shown = (
            self.chart(f"custody-{index}", lambda: charts.custody_chart(case)) if draws else None
        )
        by_person: dict[str, list[Any]] = {}
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
            totals=ruling_totals(case) if case.sentences else None,
            totals_by_person={person: account_totals(found) for person, found in by_person.items()},
            conflicts=conflicts(case),
            statements=statements_concerning(self.collection.statements, case=case.id),
            suspended_text=_suspended,
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
            statements=statements_concerning(self.collection.statements, law=law.id),
        )

    def statement_page(self, statement: Statement) -> None:
        self.page(
            f"statement/{file_name(statement.id)}",
            "statement.html",
            title=statement.title,
            statement=statement,
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
        )


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


def build(
    collection: Collection,
    out_dir: str | Path,
    *,
    today: datetime.date | PartialDate | None = None,
    draw: bool = True,
) -> list[Path]:
    """Write the site of ``collection`` under ``out_dir``; the paths written, in order."""
    day = today.earliest if isinstance(today, PartialDate) else today
    site = _Site(collection, Path(out_dir), day or datetime.date.today(), draw)
    return site.build()
