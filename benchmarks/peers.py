"""The peers the benchmark measures civicspace against, on the same case records.

* pydantic v2 and msgspec models of a case that do the work civicspace does
  on one: the same members, types, enums, lengths and patterns as
  ``case.json`` and the schemas it refers to (patterns with the lookarounds
  written out, because pydantic's regex engine has none); the schemas'
  ``anyOf`` / ``dependentRequired`` / ``if``-``then`` rules and the date
  format, and the model's own checks (a custody period that ends before it
  starts, a term range whose minimum outlasts its maximum); and civicspace's
  cross-field rules of a case (references between people, organisations,
  charges, sentences and events; chronology of arrests, verdicts and
  releases; custody as the events put it, in absentia; suspended parts
  within the term).  The pydantic models run them as a pydantic user would,
  in ``model_validator(mode="after")`` hooks; the msgspec path decodes into
  Structs and calls the same checks as plain functions (:func:`msgspec_load`).
  ``test_peers.py`` shows that the peers accept the batch and refuse the
  mutations civicspace refuses, with the same codes and paths for the rules.
* jsonschema-rs and fastjsonschema over civicspace's published schemas: for
  jsonschema-rs, every shipped schema in one registry; fastjsonschema knows
  only drafts 4, 6 and 7, so the case schema is bundled into one draft-07
  document (``$defs`` to ``definitions``, ``dependentRequired`` to
  ``dependencies``, a ``$ref`` with sibling keywords wrapped in ``allOf``).
"""

from __future__ import annotations

import calendar
import datetime
import re
from typing import Annotated, Any, Literal

import msgspec
import pydantic
from pydantic import AfterValidator, ConfigDict, StringConstraints, model_validator

import civicspace

# -- Patterns, as in common.json / sentence.json / law.json (lookarounds written out) ------------

YEAR = "([1-9][0-9]{3}|0[1-9][0-9]{2}|00[1-9][0-9]|000[1-9])"
PARTIAL_DATE = f"^{YEAR}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$"
DAY = f"^{YEAR}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"
_TERM = "P(0D|[1-9][0-9]*Y([1-9][0-9]*M)?([1-9][0-9]*D)?|[1-9][0-9]*M([1-9][0-9]*D)?|[1-9][0-9]*D)"
TERM = f"^{_TERM}$"
TERM_OR_LIFE = f"^(life|{_TERM})$"
SUSPENDED = f"^(remainder|{_TERM})$"
AMOUNT = r"^(0|[1-9][0-9]*)(\.[0-9]+)?$"
ID = "^[a-z0-9]([a-z0-9._:/-]*[a-z0-9])?$"
TEXT = r"\S"
URL = r"^https?://[^\s/?#]+([/?#][^\s]*)?$"
ARTICLE = "^[0-9A-Za-z]+([ .-][0-9A-Za-z]+){0,3}$"


def _enum(schema: str, *where: str) -> tuple[str, ...]:
    node: Any = civicspace.schema(schema)
    for step in where:
        node = node[step]
    return tuple(node["enum"])


COUNTRIES = _enum("common", "$defs", "country")
CURRENCIES = _enum("sentence", "$defs", "currency")
EVENT_KINDS = _enum("case", "$defs", "event", "properties", "kind")
ROLES = _enum("person", "$defs", "role")
ORGANISATION_KINDS = _enum("organisation", "$defs", "kind")
CUSTODY_KINDS = _enum("sentence", "$defs", "custody_period", "properties", "kind")
OUTCOMES = _enum("sentence", "$defs", "sentence", "properties", "appeal_outcome")

# -- The rules, over either peer's objects ---------------------------------------------------------
#
# What civicspace checks on a case beyond its schema, written once over attribute access so that
# the pydantic models and the msgspec Structs run the same code: absent arrays are ``None`` in
# both.  Each finding is ``(code, path)``, with civicspace's codes and paths, so that the
# agreement test can compare them with civicspace's issues.

_KINDS = {
    name: (
        kind.custody and kind.custody.value,
        kind.verdict,
        kind.requires_custody,
        kind.in_absentia,
    )
    for name, kind in civicspace.cases.event_kinds().items()
}
_BEGINS, _ENDS = "begins", "ends"


def day_bounds(text: str) -> tuple[datetime.date, datetime.date]:
    """The first and last day a partial date (``"2021"``, ``"2021-05"``, ...) may be."""
    year = int(text[:4])
    if len(text) == 4:
        return datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    month = int(text[5:7])
    if len(text) == 7:
        return datetime.date(year, month, 1), datetime.date(
            year, month, calendar.monthrange(year, month)[1]
        )
    day = datetime.date(year, month, int(text[8:10]))
    return day, day


def before(first: str, second: str) -> bool:
    """Whether the partial date ``first`` is certainly earlier than ``second``."""
    return day_bounds(first)[1] < day_bounds(second)[0]


def valid_partial_date(text: str) -> str:
    """A partial date naming a real day (``"2021-02-30"`` is refused)."""
    day_bounds(text)  # raises ValueError for a day the month lacks
    return text


_TERM_PARTS = re.compile(r"P(?:([0-9]+)Y)?(?:([0-9]+)M)?(?:([0-9]+)D)?")


def term_parts(text: str) -> tuple[int, int]:
    """A term's whole months and days: ``"P1Y6M"`` is ``(18, 0)``."""
    match = _TERM_PARTS.fullmatch(text)
    assert match is not None
    years, months, days = (int(part or 0) for part in match.groups())
    return years * 12 + months, days


def _add(start: datetime.date, months: int, days: int) -> datetime.date:
    year, month = divmod(start.year * 12 + start.month - 1 + months, 12)
    month += 1
    end = datetime.date(year, month, min(start.day, calendar.monthrange(year, month)[1]))
    return end + datetime.timedelta(days=days)


_STARTS = [datetime.date(2000, 1, 1) + datetime.timedelta(days=n) for n in range(4 * 366)]


def never_longer(short: str, long: str) -> bool:
    """Whether the term ``short`` ends no later than ``long`` from every start date."""
    (a_months, a_days), (b_months, b_days) = term_parts(short), term_parts(long)
    span, days = a_months - b_months, a_days - b_days
    if span <= 0 and days <= 0:
        return True
    if span >= 0 and 28 * span - 3 + days > 0:
        return False
    if span > 0 and 31 * span + 3 + days <= 0:
        return True
    return all(_add(start, a_months, a_days) <= _add(start, b_months, b_days) for start in _STARTS)


def _timeline(
    events: Any, person: str
) -> list[tuple[int, Any, tuple[Any, ...], int | None, int | None]]:
    """``(index, event, kind, held_since before, held_since after)`` for the person's events."""
    steps = []
    held: int | None = None
    for index, event in enumerate(events):
        if event.people is None or person not in event.people:
            continue
        kind = _KINDS[event.kind]
        was = held
        if kind[0] == _BEGINS and held is None:
            held = index
        elif kind[0] == _ENDS:
            held = None
        steps.append((index, event, kind, was, held))
    return steps


def _stays(steps: list[Any]) -> list[tuple[int, int | None]]:
    found: list[tuple[int, int | None]] = []
    begin: int | None = None
    for index, _event, _kind, was, held in steps:
        if held is not None and was is None:
            begin = index
        elif was is not None and held is None:
            found.append((was, index))
            begin = None
    if begin is not None:
        found.append((begin, None))
    return found


def case_findings(case: Any) -> list[tuple[str, str]]:
    """Every breach of civicspace's cross-field rules of a case, as ``(code, path)``."""
    found: list[tuple[str, str]] = []
    people = case.people or ()
    organisations = case.organisations or ()
    events = case.events or ()
    charges = case.charges or ()
    sentences = case.sentences or ()
    for index, event in enumerate(events):
        named = event.people or ()
        if event.people_count is not None and event.people_count < len(named):
            found.append(("event.people_count_mismatch", f"$.events[{index}].people_count"))
        if not named and event.people_count is None and not event.organisations:
            found.append(("event.concerns_nobody", f"$.events[{index}]"))
    for index, sentence in enumerate(sentences):
        term, suspended = sentence.term, sentence.suspended
        if suspended is None or suspended == "remainder" or term is None or term == "life":
            continue
        longest = term if isinstance(term, str) else term.maximum
        if not never_longer(suspended, longest):
            found.append(("sentence.suspended_exceeds_term", f"$.sentences[{index}].suspended"))
    if not people and not organisations and not any(e.people_count for e in events):
        found.append(("case.concerns_nobody", "$"))
    for member, items in (
        ("people", people),
        ("organisations", organisations),
        ("charges", charges),
    ):
        seen: set[str] = set()
        for index, item in enumerate(items):
            if item.id in seen:
                found.append(("case.duplicate_id", f"$.{member}[{index}].id"))
            seen.add(item.id)
    for index, event in enumerate(events):
        if event.in_absentia is not None and not _KINDS[event.kind][3]:
            found.append(("case.in_absentia_misplaced", f"$.events[{index}].in_absentia"))
    person_ids = list(dict.fromkeys(person.id for person in people))
    timelines = {person: _timeline(events, person) for person in person_ids}
    stays = {person: _stays(steps) for person, steps in timelines.items()}
    # case.in_absentia_while_detained
    for steps in timelines.values():
        for index, event, _kind, was, _held in steps:
            if event.in_absentia and was is not None:
                found.append(("case.in_absentia_while_detained", f"$.events[{index}].in_absentia"))
    for index, sentence in enumerate(sentences):
        imposed = sentence.imposed_on
        if not sentence.in_absentia or imposed is None:
            continue
        for begin, end in stays.get(sentence.person, ()):
            began = events[begin].date
            ended = None if end is None else events[end].date
            if began is None or not before(began, imposed):
                continue
            if end is None or (ended is not None and before(imposed, ended)):
                found.append(
                    ("case.in_absentia_while_detained", f"$.sentences[{index}].in_absentia")
                )
                break
    # case.release_before_detention
    reported: set[tuple[int, int]] = set()
    for spells in stays.values():
        for begin, end in spells:
            if end is None or (end, begin) in reported:
                continue
            began, ended = events[begin].date, events[end].date
            if began is not None and ended is not None and before(ended, began):
                reported.add((end, begin))
                found.append(("case.release_before_detention", f"$.events[{end}].date"))
    # case.release_while_not_detained
    for person, steps in timelines.items():
        for index, event, kind, was, _held in steps:
            if kind[2] and was is None:
                where = event.people.index(person)
                found.append(
                    ("case.release_while_not_detained", f"$.events[{index}].people[{where}]")
                )
    # case.unresolved_reference
    known_people = {person.id for person in people}
    known_organisations = {organisation.id for organisation in organisations}
    known_charges = {charge.id for charge in charges}
    code = "case.unresolved_reference"
    for index, person in enumerate(people):
        for inner, affiliation in enumerate(person.affiliations or ()):
            if affiliation.organisation not in known_organisations:
                found.append((code, f"$.people[{index}].affiliations[{inner}].organisation"))
    for index, event in enumerate(events):
        for member, known in (
            ("people", known_people),
            ("organisations", known_organisations),
            ("charges", known_charges),
        ):
            for inner, name in enumerate(getattr(event, member) or ()):
                if name not in known:
                    found.append((code, f"$.events[{index}].{member}[{inner}]"))
    for index, charge in enumerate(charges):
        for inner, name in enumerate(charge.people or ()):
            if name not in known_people:
                found.append((code, f"$.charges[{index}].people[{inner}]"))
    for index, sentence in enumerate(sentences):
        if sentence.person not in known_people:
            found.append((code, f"$.sentences[{index}].person"))
    # case.verdict_before_arrest
    reported = set()
    for steps in timelines.values():
        arrest: int | None = None
        for index, event, kind, _was, _held in steps:
            if kind[1] and arrest is not None and (index, arrest) not in reported:
                arrested, decided = events[arrest].date, event.date
                if arrested is not None and decided is not None and before(decided, arrested):
                    reported.add((index, arrest))
                    found.append(("case.verdict_before_arrest", f"$.events[{index}].date"))
            if kind[0] == _BEGINS:
                arrest = index
    return found


def shape_problems(case: Any) -> list[str]:
    """What civicspace's model refuses that the peers' field types let through, as paths.

    The schemas' ``anyOf`` / ``dependentRequired`` / ``if``-``then`` and the date format, and
    the model's own checks: a custody period does not end before it starts, a term range's
    minimum ends no later than its maximum.  The pydantic models do this in their validators;
    the msgspec path calls this function after decoding.
    """
    problems: list[str] = []

    def date(text: str | None, path: str) -> None:
        if text is not None:
            try:
                day_bounds(text)
            except ValueError:
                problems.append(path)

    def sources(items: Any, path: str) -> None:
        for index, source in enumerate(items or ()):
            if source.url is None and source.title is None:
                problems.append(f"{path}.sources[{index}]")
            date(source.date, f"{path}.sources[{index}].date")

    sources(case.sources, "$")
    for index, person in enumerate(case.people or ()):
        sources(person.sources, f"$.people[{index}]")
    for index, organisation in enumerate(case.organisations or ()):
        sources(organisation.sources, f"$.organisations[{index}]")
    for index, event in enumerate(case.events or ()):
        date(event.date, f"$.events[{index}].date")
        sources(event.sources, f"$.events[{index}]")
    for index, charge in enumerate(case.charges or ()):
        date(charge.date, f"$.charges[{index}].date")
        sources(charge.sources, f"$.charges[{index}]")
    for index, sentence in enumerate(case.sentences or ()):
        path = f"$.sentences[{index}]"
        if sentence.term is None and sentence.fine is None and sentence.compensation is None:
            problems.append(path)
        if sentence.suspended is not None and sentence.term is None:
            problems.append(f"{path}.suspended")
        term = sentence.term
        if not (term is None or isinstance(term, str) or never_longer(term.minimum, term.maximum)):
            problems.append(f"{path}.term")
        date(sentence.imposed_on, f"{path}.imposed_on")
        for inner, period in enumerate(sentence.custody_credited or ()):
            try:
                start = datetime.date.fromisoformat(period.start)
                if period.end is not None and datetime.date.fromisoformat(period.end) < start:
                    problems.append(f"{path}.custody_credited[{inner}].end")
            except ValueError:
                problems.append(f"{path}.custody_credited[{inner}]")
        sources(sentence.sources, path)
    return problems


# -- pydantic v2 -----------------------------------------------------------------------------------

Text = Annotated[str, StringConstraints(min_length=1, max_length=20000, pattern=TEXT)]
Id = Annotated[str, StringConstraints(min_length=1, max_length=200, pattern=ID)]
PartialDate = Annotated[
    str,
    StringConstraints(min_length=4, max_length=10, pattern=PARTIAL_DATE),
    AfterValidator(valid_partial_date),
]
Day = Annotated[
    str,
    StringConstraints(min_length=10, max_length=10, pattern=DAY),
    AfterValidator(valid_partial_date),
]
Url = Annotated[str, StringConstraints(min_length=8, max_length=2000, pattern=URL)]
Term = Annotated[str, StringConstraints(min_length=3, max_length=32, pattern=TERM)]
TermOrLife = Annotated[str, StringConstraints(min_length=3, max_length=32, pattern=TERM_OR_LIFE)]
Suspended = Annotated[str, StringConstraints(min_length=3, max_length=32, pattern=SUSPENDED)]
Amount = Annotated[str, StringConstraints(min_length=1, max_length=40, pattern=AMOUNT)]
Article = Annotated[str, StringConstraints(min_length=1, max_length=30, pattern=ARTICLE)]
Country = Literal[COUNTRIES]  # type: ignore[valid-type]
Currency = Literal[CURRENCIES]  # type: ignore[valid-type]


def _items(item: Any, maximum: int) -> Any:
    return Annotated[tuple[item, ...], pydantic.Field(min_length=1, max_length=maximum)]


class Model(pydantic.BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


class PSource(Model):
    url: Url | None = None
    title: Text | None = None
    publisher: Text | None = None
    date: PartialDate | None = None
    quote: Text | None = None

    @model_validator(mode="after")
    def _url_or_title(self) -> PSource:
        if self.url is None and self.title is None:
            raise ValueError("a source needs a url or a title")
        return self


Sources = _items(PSource, 50)


class POtherName(Model):
    name: Text
    note: Text | None = None


class PIdentifier(Model):
    scheme: Text
    identifier: Text


class PAffiliation(Model):
    organisation: Id
    role: Text | None = None


class PPerson(Model):
    id: Id
    name: Text
    other_names: _items(POtherName, 50) | None = None  # type: ignore[valid-type]
    identifiers: _items(PIdentifier, 50) | None = None  # type: ignore[valid-type]
    roles: _items(Literal[ROLES], 20) | None = None  # type: ignore[valid-type]
    affiliations: _items(PAffiliation, 50) | None = None  # type: ignore[valid-type]
    sources: Sources | None = None  # type: ignore[valid-type]


class POrganisation(Model):
    id: Id
    name: Text
    acronym: Text | None = None
    other_names: _items(POtherName, 50) | None = None  # type: ignore[valid-type]
    country: Country | None = None  # type: ignore[valid-type]
    kind: Literal[ORGANISATION_KINDS] | None = None  # type: ignore[valid-type]
    sources: Sources | None = None  # type: ignore[valid-type]


class PMoney(Model):
    amount: Amount
    currency: Currency  # type: ignore[valid-type]


class PReportedAmount(Model):
    amount: PMoney
    equivalent: PMoney | None = None
    approximate: bool | None = None


class PEvent(Model):
    kind: Literal[EVENT_KINDS]  # type: ignore[valid-type]
    date: PartialDate | None = None
    people: _items(Id, 500) | None = None  # type: ignore[valid-type]
    people_count: Annotated[int, pydantic.Field(ge=1, le=500)] | None = None
    organisations: _items(Id, 200) | None = None  # type: ignore[valid-type]
    charges: _items(Id, 200) | None = None  # type: ignore[valid-type]
    demanded: PReportedAmount | None = None
    in_absentia: bool | None = None
    place: Text | None = None
    note: Text | None = None
    sources: Sources | None = None  # type: ignore[valid-type]


class PReference(Model):
    law: Id
    articles: _items(Article, 100) | None = None  # type: ignore[valid-type]
    as_written: Text | None = None


class PCharge(Model):
    id: Id
    offence: Text
    citations: _items(PReference, 50) | None = None  # type: ignore[valid-type]
    people: _items(Id, 500) | None = None  # type: ignore[valid-type]
    date: PartialDate | None = None
    sources: Sources | None = None  # type: ignore[valid-type]


class PTermRange(Model):
    minimum: Term
    maximum: Term

    @model_validator(mode="after")
    def _minimum_within_maximum(self) -> PTermRange:
        if not never_longer(self.minimum, self.maximum):
            raise ValueError("a range's minimum must end no later than its maximum")
        return self


class PCustodyPeriod(Model):
    start: Day
    end: Day | None = None
    kind: Literal[CUSTODY_KINDS] | None = None  # type: ignore[valid-type]

    @model_validator(mode="after")
    def _end_not_before_start(self) -> PCustodyPeriod:
        if self.end is not None and self.end < self.start:  # ISO days sort as text
            raise ValueError("custody cannot end before it starts")
        return self


class PSentence(Model):
    person: Id
    term: TermOrLife | PTermRange | None = None
    suspended: Suspended | None = None
    fine: PReportedAmount | None = None
    compensation: PReportedAmount | None = None
    in_absentia: bool | None = None
    imposed_on: PartialDate | None = None
    court: Text | None = None
    appeal_outcome: Literal[OUTCOMES] | None = None  # type: ignore[valid-type]
    custody_credited: _items(PCustodyPeriod, 50) | None = None  # type: ignore[valid-type]
    sources: Sources | None = None  # type: ignore[valid-type]

    @model_validator(mode="after")
    def _states_a_penalty(self) -> PSentence:
        if self.term is None and self.fine is None and self.compensation is None:
            raise ValueError("a sentence states a custodial term, a fine, compensation or more")
        if self.suspended is not None and self.term is None:
            raise ValueError("a suspended part needs the custodial term it is part of")
        return self


class PCase(Model):
    type: Literal["case"]
    id: Id
    country: Country  # type: ignore[valid-type]
    title: Text
    summary: Text | None = None
    people: _items(PPerson, 500) | None = None  # type: ignore[valid-type]
    organisations: _items(POrganisation, 200) | None = None  # type: ignore[valid-type]
    events: _items(PEvent, 1000) | None = None  # type: ignore[valid-type]
    charges: _items(PCharge, 200) | None = None  # type: ignore[valid-type]
    sentences: _items(PSentence, 500) | None = None  # type: ignore[valid-type]
    sources: Sources | None = None  # type: ignore[valid-type]

    @model_validator(mode="after")
    def _cross_field_rules(self) -> PCase:
        found = case_findings(self)
        if found:
            raise ValueError("; ".join(f"{path}: {code}" for code, path in found))
        return self


# -- msgspec ---------------------------------------------------------------------------------------


def _s(pattern: str, low: int, high: int) -> Any:
    return Annotated[str, msgspec.Meta(pattern=pattern, min_length=low, max_length=high)]


def _many(item: Any, maximum: int) -> Any:
    return Annotated[tuple[item, ...], msgspec.Meta(min_length=1, max_length=maximum)]


MText = _s(TEXT, 1, 20000)
MId = _s(ID, 1, 200)
MPartialDate = _s(PARTIAL_DATE, 4, 10)
MDay = _s(DAY, 10, 10)


class Struct(
    msgspec.Struct, frozen=True, forbid_unknown_fields=True, omit_defaults=True, kw_only=True
):
    pass


class MSource(Struct):
    url: _s(URL, 8, 2000) | None = None  # type: ignore[valid-type]
    title: MText | None = None  # type: ignore[valid-type]
    publisher: MText | None = None  # type: ignore[valid-type]
    date: MPartialDate | None = None  # type: ignore[valid-type]
    quote: MText | None = None  # type: ignore[valid-type]


MSources = _many(MSource, 50)


class MOtherName(Struct):
    name: MText  # type: ignore[valid-type]
    note: MText | None = None  # type: ignore[valid-type]


class MIdentifier(Struct):
    scheme: MText  # type: ignore[valid-type]
    identifier: MText  # type: ignore[valid-type]


class MAffiliation(Struct):
    organisation: MId  # type: ignore[valid-type]
    role: MText | None = None  # type: ignore[valid-type]


class MPerson(Struct):
    id: MId  # type: ignore[valid-type]
    name: MText  # type: ignore[valid-type]
    other_names: _many(MOtherName, 50) | None = None  # type: ignore[valid-type]
    identifiers: _many(MIdentifier, 50) | None = None  # type: ignore[valid-type]
    roles: _many(Literal[ROLES], 20) | None = None  # type: ignore[valid-type]
    affiliations: _many(MAffiliation, 50) | None = None  # type: ignore[valid-type]
    sources: MSources | None = None  # type: ignore[valid-type]


class MOrganisation(Struct):
    id: MId  # type: ignore[valid-type]
    name: MText  # type: ignore[valid-type]
    acronym: MText | None = None  # type: ignore[valid-type]
    other_names: _many(MOtherName, 50) | None = None  # type: ignore[valid-type]
    country: Literal[COUNTRIES] | None = None  # type: ignore[valid-type]
    kind: Literal[ORGANISATION_KINDS] | None = None  # type: ignore[valid-type]
    sources: MSources | None = None  # type: ignore[valid-type]


class MMoney(Struct):
    amount: _s(AMOUNT, 1, 40)  # type: ignore[valid-type]
    currency: Literal[CURRENCIES]  # type: ignore[valid-type]


class MReportedAmount(Struct):
    amount: MMoney
    equivalent: MMoney | None = None
    approximate: bool | None = None


class MEvent(Struct):
    kind: Literal[EVENT_KINDS]  # type: ignore[valid-type]
    date: MPartialDate | None = None  # type: ignore[valid-type]
    people: _many(MId, 500) | None = None  # type: ignore[valid-type]
    people_count: Annotated[int, msgspec.Meta(ge=1, le=500)] | None = None
    organisations: _many(MId, 200) | None = None  # type: ignore[valid-type]
    charges: _many(MId, 200) | None = None  # type: ignore[valid-type]
    demanded: MReportedAmount | None = None
    in_absentia: bool | None = None
    place: MText | None = None  # type: ignore[valid-type]
    note: MText | None = None  # type: ignore[valid-type]
    sources: MSources | None = None  # type: ignore[valid-type]


class MReference(Struct):
    law: MId  # type: ignore[valid-type]
    articles: _many(_s(ARTICLE, 1, 30), 100) | None = None  # type: ignore[valid-type]
    as_written: MText | None = None  # type: ignore[valid-type]


class MCharge(Struct):
    id: MId  # type: ignore[valid-type]
    offence: MText  # type: ignore[valid-type]
    citations: _many(MReference, 50) | None = None  # type: ignore[valid-type]
    people: _many(MId, 500) | None = None  # type: ignore[valid-type]
    date: MPartialDate | None = None  # type: ignore[valid-type]
    sources: MSources | None = None  # type: ignore[valid-type]


class MTermRange(Struct):
    minimum: _s(TERM, 3, 32)  # type: ignore[valid-type]
    maximum: _s(TERM, 3, 32)  # type: ignore[valid-type]


class MCustodyPeriod(Struct):
    start: MDay  # type: ignore[valid-type]
    end: MDay | None = None  # type: ignore[valid-type]
    kind: Literal[CUSTODY_KINDS] | None = None  # type: ignore[valid-type]


class MSentence(Struct):
    person: MId  # type: ignore[valid-type]
    term: _s(TERM_OR_LIFE, 3, 32) | MTermRange | None = None  # type: ignore[valid-type]
    suspended: _s(SUSPENDED, 3, 32) | None = None  # type: ignore[valid-type]
    fine: MReportedAmount | None = None
    compensation: MReportedAmount | None = None
    in_absentia: bool | None = None
    imposed_on: MPartialDate | None = None  # type: ignore[valid-type]
    court: MText | None = None  # type: ignore[valid-type]
    appeal_outcome: Literal[OUTCOMES] | None = None  # type: ignore[valid-type]
    custody_credited: _many(MCustodyPeriod, 50) | None = None  # type: ignore[valid-type]
    sources: MSources | None = None  # type: ignore[valid-type]


class MCase(Struct, tag_field="type", tag="case"):
    id: MId  # type: ignore[valid-type]
    country: Literal[COUNTRIES]  # type: ignore[valid-type]
    title: MText  # type: ignore[valid-type]
    summary: MText | None = None  # type: ignore[valid-type]
    people: _many(MPerson, 500) | None = None  # type: ignore[valid-type]
    organisations: _many(MOrganisation, 200) | None = None  # type: ignore[valid-type]
    events: _many(MEvent, 1000) | None = None  # type: ignore[valid-type]
    charges: _many(MCharge, 200) | None = None  # type: ignore[valid-type]
    sentences: _many(MSentence, 500) | None = None  # type: ignore[valid-type]
    sources: MSources | None = None  # type: ignore[valid-type]


msgspec_decoder = msgspec.json.Decoder(MCase)
msgspec_encoder = msgspec.json.Encoder()


class RulesError(ValueError):
    """A case the msgspec peer decoded breaks a rule its types cannot state."""


def msgspec_load(text: bytes) -> MCase:
    """Decode a case into Structs and run the model's checks and the case rules over it."""
    case = msgspec_decoder.decode(text)
    problems = shape_problems(case)
    found = case_findings(case)
    if problems or found:
        raise RulesError("; ".join([*problems, *(f"{path}: {code}" for code, path in found)]))
    return case


def pydantic_load(text: bytes) -> PCase:
    """``PCase.model_validate_json``: the types, the validators and the case rules."""
    return PCase.model_validate_json(text)


# -- Schema validators over the published schemas -------------------------------------------------


def jsonschema_rs_validator(name: str = "case") -> Any:
    """A jsonschema-rs validator for a shipped schema, every schema in its registry."""
    import jsonschema_rs

    shipped = [civicspace.schema(each) for each in civicspace.schema_names()]
    registry = jsonschema_rs.Registry([(each["$id"], each) for each in shipped])
    return jsonschema_rs.validator_for(
        civicspace.schema(name), registry=registry, validate_formats=True
    )


def jsonschema_validator(name: str = "case") -> Any:
    """A plain jsonschema validator, as a user would build one: a registry, formats checked."""
    from jsonschema import Draft202012Validator
    from referencing import Registry
    from referencing.jsonschema import DRAFT202012

    shipped = [civicspace.schema(each) for each in civicspace.schema_names()]
    registry: Any = Registry().with_resources(
        (each["$id"], DRAFT202012.create_resource(each)) for each in shipped
    )
    return Draft202012Validator(
        civicspace.schema(name),
        registry=registry,
        format_checker=Draft202012Validator.FORMAT_CHECKER,
    )


_ANNOTATIONS = {"description", "title", "examples", "$comment"}


def draft7_bundle(name: str = "case") -> dict[str, Any]:
    """The named schema and everything it refers to as one draft-07 document."""
    definitions: dict[str, Any] = {}

    def target(ref: str, here: str) -> str:
        file, _, pointer = ref.partition("#")
        file = file.removesuffix(".json") or here
        if not pointer:
            return f"#/definitions/{file}"
        return f"#/definitions/{file}.{pointer.removeprefix('/$defs/')}"

    def convert(node: Any, here: str) -> Any:
        if isinstance(node, list):
            return [convert(item, here) for item in node]
        if not isinstance(node, dict):
            return node
        out: dict[str, Any] = {}
        for key, value in node.items():
            if key in ("$schema", "$id", "$defs") or key in _ANNOTATIONS:
                continue
            if key == "$ref":
                out[key] = target(value, here)
            elif key == "dependentRequired":
                out["dependencies"] = value
            elif key in ("properties", "dependencies"):
                out[key] = {member: convert(sub, here) for member, sub in value.items()}
            elif key in ("enum", "const", "required"):
                out[key] = value
            else:
                out[key] = convert(value, here)
        if "$ref" in out and len(out) > 1:  # draft 7 ignores a $ref's siblings
            out = {"allOf": [{"$ref": out.pop("$ref")}], **out}
        return out

    for file in civicspace.schema_names():
        contents = civicspace.schema(file)
        for key, sub in contents.get("$defs", {}).items():
            definitions[f"{file}.{key}"] = convert(sub, file)
        definitions[file] = convert(contents, file)
    root = dict(definitions[name])
    root["$schema"] = "http://json-schema.org/draft-07/schema#"
    root["definitions"] = definitions
    return root


def fastjsonschema_validator(name: str = "case") -> Any:
    """fastjsonschema's compiled validator for the draft-07 bundle of the named schema."""
    import fastjsonschema

    return fastjsonschema.compile(draft7_bundle(name))
