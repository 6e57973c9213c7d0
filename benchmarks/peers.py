"""The peers the benchmark measures civicspace against, on the same case records.

* pydantic v2 and msgspec models of a case, **generated from the published schema**
  (``civicspace.schema("case", bundle=True)``): one model per object of the schema, with its
  members, types, enums, constants, lengths, patterns and bounds, and the schema's keywords
  beyond types (``anyOf`` of required members, ``minProperties``, ``dependentRequired``,
  ``if``/``then``/``else``, ``format: date``) run by a small interpreter generated per object.
  A keyword the generator does not know stops it (:class:`UnknownKeyword`): when the schema
  grows, the peers grow with it or the benchmark stops loudly, never silently.  pydantic's
  regex engine has no lookarounds: the two the schemas use are written out
  (:data:`LOOKAROUND_FREE`; ``test_peers.py`` proves each rewrite matches what the original
  matches).
* What stays written by hand: the model's own checks beyond the schema (:data:`MODEL_CHECKS`: a
  custody period that ends before it starts, a term range whose minimum outlasts its maximum)
  and civicspace's cross-field rules of a case (:func:`case_findings`, each under civicspace's
  code and path; :data:`RULE_CODES` lists the codes, and ``test_peers.py`` fails when
  civicspace has a rule on a case that the list lacks).  The pydantic models run them as a
  pydantic user would, in ``model_validator(mode="after")`` hooks; the msgspec path decodes into
  Structs and runs the same checks as plain functions (:func:`msgspec_load`).
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
from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import Annotated, Any, Literal

import msgspec
import pydantic
from pydantic import AfterValidator, ConfigDict, StringConstraints, model_validator

import civicspace
import civicspace.cases
from civicspace._model.cases import ChargeVerdicts

BUNDLE: dict[str, Any] = civicspace.schema("case", bundle=True)
DEFS: dict[str, Any] = BUNDLE["$defs"]
ROOT = "case"  # the name the generated models give the bundle's root

# -- Patterns: pydantic's regex engine (Rust's regex) has no lookarounds --------------------------

YEAR = "([1-9][0-9]{3}|0[1-9][0-9]{2}|00[1-9][0-9]|000[1-9])"
_TERM_PARTS_FREE = (
    "[1-9][0-9]*Y([1-9][0-9]*M)?([1-9][0-9]*D)?|[1-9][0-9]*M([1-9][0-9]*D)?|[1-9][0-9]*D"
)
LOOKAROUND_FREE = {
    # a year that is not 0000
    "(?!0000)[0-9]{4}": YEAR,
    # at least one of years, months, days (an alternative of its own inside the term's group)
    "(?=[1-9])([1-9][0-9]*Y)?([1-9][0-9]*M)?([1-9][0-9]*D)?": _TERM_PARTS_FREE,
}
_LOOKAROUND = re.compile(r"\(\?<?[=!]")


def lookaround_free(pattern: str) -> str:
    """``pattern`` with the schemas' lookarounds written out; a new lookaround stops the peers."""
    for fragment, written_out in LOOKAROUND_FREE.items():
        pattern = pattern.replace(fragment, written_out)
    if _LOOKAROUND.search(pattern):
        raise UnknownKeyword(f"a lookaround LOOKAROUND_FREE does not write out: {pattern}")
    return pattern


# -- The rules, over either peer's objects ---------------------------------------------------------
#
# What civicspace checks on a case beyond its schema, written once over attribute access so that
# the pydantic models and the msgspec Structs run the same code: absent members are ``None`` in
# both.  Each finding is ``(code, path)``, with civicspace's codes and paths, so that the
# agreement test can compare them with civicspace's issues.

_KINDS = {
    name: (
        kind.custody and kind.custody.value,
        kind.verdict,
        kind.requires_custody,
        kind.in_absentia,
        kind,
    )
    for name, kind in civicspace.cases.event_kinds().items()
}
_BEGINS, _ENDS = "begins", "ends"
_DETAILS = {name: kind.details for name, kind in civicspace.cases.event_kinds().items()}
#: Every event member that only some kinds carry.
_DETAIL_MEMBERS = tuple(dict.fromkeys(member for names in _DETAILS.values() for member in names))

#: The codes of civicspace's rules on a case (and on what it holds) that :func:`case_findings`
#: reports; ``test_peers.py`` fails when civicspace has one more.
RULE_CODES = frozenset(
    {
        "event.people_count_mismatch",
        "event.concerns_nobody",
        "event.detail_misplaced",
        "sentence.suspended_exceeds_term",
        "case.charge_replaces_itself",
        "case.concerns_nobody",
        "case.duplicate_id",
        "case.in_absentia_misplaced",
        "case.in_absentia_while_detained",
        "case.release_before_detention",
        "case.release_while_not_detained",
        "case.sentence_duplicate_id",
        "case.sentence_relation_invalid",
        "case.sentence_unknown_reference",
        "case.unresolved_reference",
        "case.verdict_before_arrest",
        "sentence.fine_given_twice",
        "derived.unknown_member",
        "penalty.minimum_term_above_maximum",
        "penalty.fine_currencies_differ",
        "penalty.equivalent_in_same_currency",
        "penalty.minimum_fine_above_maximum",
    }
)
_MEMBER_PART = re.compile(r"([a-z][a-z0-9_]*)(?:\[([0-9]+)\])?")


def _holds(record: Any, member: str) -> bool:
    """Whether the member path names a value ``record`` has (set, and not empty)."""
    value = record
    for part in member.split("."):
        match = _MEMBER_PART.fullmatch(part)
        if match is None:
            return False
        fields = getattr(type(value), "__struct_fields__", None) or getattr(
            type(value), "model_fields", {}
        )
        if match[1] not in fields:
            return False
        value = getattr(value, match[1])
        if match[2] is not None:
            if not isinstance(value, tuple) or int(match[2]) >= len(value):
                return False
            value = value[int(match[2])]
    return value is not None and value != ()


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
    events: Any, person: str, charges: frozenset[str]
) -> list[tuple[int, Any, tuple[Any, ...], int | None, int | None]]:
    """``(index, event, kind, held_since before, held_since after)`` for the person's events.

    Scheduled events are left out; a verdict on some charges that others override (an
    acquittal while another charge stands) leaves custody as it was, as civicspace decides it
    (its :class:`ChargeVerdicts` over the peer's events).
    """
    steps = []
    held: int | None = None
    tracker: ChargeVerdicts | None = None
    for index, event in enumerate(events):
        if event.people is None or event.scheduled or person not in event.people:
            continue
        kind = _KINDS[event.kind]
        was = held
        overridden = False
        if event.charges and kind[4].outcome is not None:
            if tracker is None:
                tracker = ChargeVerdicts(charges)
            overridden = tracker.overall(event, kind[4]) is not None
        if overridden:
            pass
        elif kind[0] == _BEGINS and held is None:
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


_BOUNDS = ("minimum_term", "maximum_term", "minimum_fine", "maximum_fine")


def penalty_findings(penalty: Any, path: str) -> list[tuple[str, str]]:
    """Every breach of civicspace's rules of a statutory penalty (a charge's), as ``(code, path)``.

    Each level in full: the base penalty, then each aggravated variant applied over it (the
    bounds it states replace the base's), reported only where the variant states a bound in
    question.
    """
    found: list[tuple[str, str]] = []
    base = {name: getattr(penalty, name) for name in _BOUNDS}
    levels = [("", base, penalty)]
    for index, variant in enumerate(penalty.aggravated or ()):
        level = dict(base)
        level.update(
            (name, getattr(variant, name)) for name in _BOUNDS if getattr(variant, name) is not None
        )
        levels.append((f".aggravated[{index}]", level, variant))

    def stated_in(where: str, stated: Any, *names: str) -> str:
        name = next((name for name in names if getattr(stated, name) is not None), names[0])
        return f"{path}{where}.{name}"

    for where, level, stated in levels:
        low, high = level["minimum_term"], level["maximum_term"]
        states_terms = stated.minimum_term is not None or stated.maximum_term is not None
        if (
            low is not None
            and high is not None
            and high != "life"
            and (stated is penalty or states_terms)
            and not never_longer(low, high)
        ):
            found.append(
                (
                    "penalty.minimum_term_above_maximum",
                    stated_in(where, stated, "minimum_term", "maximum_term"),
                )
            )
        low, high = level["minimum_fine"], level["maximum_fine"]
        states_fines = stated.minimum_fine is not None or stated.maximum_fine is not None
        if low is None or high is None or not (stated is penalty or states_fines):
            continue
        fine_path = stated_in(where, stated, "minimum_fine", "maximum_fine")
        if low.currency != high.currency:
            found.append(("penalty.fine_currencies_differ", fine_path))
        elif Decimal(low.amount) > Decimal(high.amount):
            found.append(("penalty.minimum_fine_above_maximum", fine_path))
    fine, equivalent = penalty.maximum_fine, penalty.maximum_fine_equivalent
    if fine is not None and equivalent is not None and fine.currency == equivalent.currency:
        found.append(("penalty.equivalent_in_same_currency", f"{path}.maximum_fine_equivalent"))
    return found


def _reaches(sentences: Any, first: dict[str, int], start: str, target: str) -> bool:
    """Whether the sentence ``start`` includes ``target``, directly or through others."""
    seen: set[str] = set()
    todo = [start]
    while todo:
        name = todo.pop()
        if name in seen or name not in first:
            continue
        seen.add(name)
        included = sentences[first[name]].includes or ()
        if target in included:
            return True
        todo.extend(included)
    return False


def _sentence_relation_findings(events: Any, sentences: Any) -> list[tuple[str, str]]:
    """The rules on sentence ids and the relations between sentences, as ``(code, path)``."""
    found: list[tuple[str, str]] = []
    first: dict[str, int] = {}
    for index, sentence in enumerate(sentences):
        if sentence.id is not None:
            if sentence.id in first:
                found.append(("case.sentence_duplicate_id", f"$.sentences[{index}].id"))
            first.setdefault(sentence.id, index)
    included: dict[str, int] = {}
    for index, sentence in enumerate(sentences):
        for name in sentence.includes or ():
            included.setdefault(name, index)
    invalid = "case.sentence_relation_invalid"
    for index, sentence in enumerate(sentences):
        references = [
            (f"includes[{inner}]", name) for inner, name in enumerate(sentence.includes or ())
        ]
        references += [
            (member, getattr(sentence, member))
            for member in ("follows", "concurrent_with")
            if getattr(sentence, member) is not None
        ]
        for member, name in references:
            path = f"$.sentences[{index}].{member}"
            target = first.get(name)
            if target is None:
                found.append(("case.sentence_unknown_reference", path))
                continue
            other = sentences[target]
            including = member.startswith("includes")
            if (
                target == index
                or other.person != sentence.person
                or (not including and name in included)
                or (
                    including
                    and sentence.id is not None
                    and _reaches(sentences, first, name, sentence.id)
                )
                or (
                    including
                    and sentence.imposed_on is not None
                    and other.imposed_on is not None
                    and before(sentence.imposed_on, other.imposed_on)
                )
            ):
                found.append((invalid, path))
        if sentence.follows is not None and sentence.concurrent_with is not None:
            found.append((invalid, f"$.sentences[{index}].concurrent_with"))
        if sentence.follows is not None:
            seen, current = {index}, sentence
            while current.follows is not None and current.follows in first:
                position = first[current.follows]
                if position == index:
                    found.append((invalid, f"$.sentences[{index}].follows"))
                    break
                if position in seen:
                    break
                seen.add(position)
                current = sentences[position]
    for index, event in enumerate(events):
        for inner, name in enumerate(event.sentences or ()):
            if name not in first:
                found.append(
                    ("case.sentence_unknown_reference", f"$.events[{index}].sentences[{inner}]")
                )
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
        if (
            not named
            and event.people_count is None
            and not event.organisations
            and event.subject is None
        ):
            found.append(("event.concerns_nobody", f"$.events[{index}]"))
        carried = _DETAILS[event.kind]
        for member in _DETAIL_MEMBERS:
            if getattr(event, member) is not None and member not in carried:
                found.append(("event.detail_misplaced", f"$.events[{index}].{member}"))
        if event.term_after is not None and event.reduced_by is not None:
            found.append(("event.detail_misplaced", f"$.events[{index}].reduced_by"))
    for index, sentence in enumerate(sentences):
        term, suspended = sentence.term, sentence.suspended
        if suspended is None or suspended == "remainder" or term is None or term == "life":
            continue
        longest = term if isinstance(term, str) else term.maximum
        if not never_longer(suspended, longest):
            found.append(("sentence.suspended_exceeds_term", f"$.sentences[{index}].suspended"))
    for index, sentence in enumerate(sentences):
        if sentence.fine is not None:
            for inner, penalty in enumerate(sentence.non_custodial or ()):
                if penalty.kind == "fine":
                    where = f"$.sentences[{index}].non_custodial[{inner}].kind"
                    found.append(("sentence.fine_given_twice", where))
    if not people and not organisations and not any(e.people_count or e.subject for e in events):
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
    replaced = {charge.replaces for charge in charges if charge.replaces is not None}
    timelines = {
        person: _timeline(
            events,
            person,
            frozenset(
                charge.id
                for charge in charges
                if person in (charge.people or ()) and charge.id not in replaced
            ),
        )
        for person in person_ids
    }
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
        ended: int | None = None
        for index, event, kind, was, held in steps:
            if kind[2] and was is None and ended is not None:
                where = event.people.index(person)
                found.append(
                    ("case.release_while_not_detained", f"$.events[{index}].people[{where}]")
                )
            if was is not None and held is None:
                ended = index
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
        if charge.replaces is not None and charge.replaces not in known_charges:
            found.append((code, f"$.charges[{index}].replaces"))
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
    found += _sentence_relation_findings(events, sentences)
    replaces = {charge.id: charge.replaces for charge in charges}
    for index, charge in enumerate(charges):
        seen, step = {charge.id}, charge.replaces
        while step is not None and step not in seen:
            seen.add(step)
            step = replaces.get(step)
        if step is not None:
            found.append(("case.charge_replaces_itself", f"$.charges[{index}].replaces"))
    for index, charge in enumerate(charges):
        if charge.penalty is not None:
            found += penalty_findings(charge.penalty, f"$.charges[{index}].penalty")
    for index, derivation in enumerate(case.derived or ()):
        if derivation.member == "derived" or not _holds(case, derivation.member):
            found.append(("derived.unknown_member", f"$.derived[{index}].member"))
    return found


# -- Models generated from the schema --------------------------------------------------------------


class UnknownKeyword(Exception):
    """The schema uses a keyword, or a form of one, that the peers' generator does not know.

    Raised when the peers are built (on import): a schema that grew a construct the peers cannot
    state stops the benchmark rather than letting a peer check less than civicspace does.
    """


_ANNOTATIONS = {"description", "title", "examples", "$comment", "default", "deprecated"}
Problem = str
ObjectRule = Callable[[dict[str, Any], Any], Problem | None]
Checker = Callable[[Any], Iterator[Problem]]


def _condition(node: dict[str, Any]) -> Callable[[dict[str, Any]], bool]:
    """A subschema applied to an object's members that are set (name to value), as a test."""
    tests: list[Callable[[dict[str, Any]], bool]] = []
    for key, value in node.items():
        if key == "required":
            names = tuple(value)
            tests.append(lambda members, names=names: all(name in members for name in names))
        elif key == "properties":
            for name, sub in value.items():
                if sub is True:
                    continue
                if set(sub) - _ANNOTATIONS != {"const"}:
                    raise UnknownKeyword(f"a condition on {name!r}: {sub}")
                const = sub["const"]
                tests.append(
                    lambda members, name=name, const=const: (
                        name not in members or members[name] == const
                    )
                )
        elif key not in _ANNOTATIONS:
            raise UnknownKeyword(f"{key!r} in a condition on an object")
    return lambda members: all(test(members) for test in tests)


def _object_rules(node: dict[str, Any], name: str) -> list[ObjectRule]:
    """The keywords of an object schema beyond its members' types, as rules on its members."""
    rules: list[ObjectRule] = []
    if "anyOf" in node:
        branches = [_condition(branch) for branch in node["anyOf"]]
        rules.append(
            lambda members, _obj: (
                None if any(branch(members) for branch in branches) else f"{name}: anyOf"
            )
        )
    if "minProperties" in node:
        least = node["minProperties"]
        rules.append(
            lambda members, _obj: None if len(members) >= least else f"{name}: minProperties"
        )
    for key, needed in node.get("dependentRequired", {}).items():
        rules.append(
            lambda members, _obj, key=key, needed=tuple(needed): (
                None
                if key not in members or all(each in members for each in needed)
                else f"{name}.{key}: dependentRequired"
            )
        )
    if "if" in node:
        holds = _condition(node["if"])
        then = _condition(node.get("then", {}))
        otherwise = _condition(node.get("else", {}))
        rules.append(
            lambda members, _obj: (
                None if (then if holds(members) else otherwise)(members) else f"{name}: if/then"
            )
        )
    hand = MODEL_CHECKS.get(name)
    if hand is not None:
        rules.append(lambda _members, obj: hand(obj))
    return rules


def _term_range(obj: Any) -> Problem | None:
    if never_longer(obj.minimum, obj.maximum):
        return None
    return "a range's minimum must end no later than its maximum"


def _custody_period(obj: Any) -> Problem | None:
    if obj.end is None or obj.start <= obj.end:  # ISO days sort as text
        return None
    return "custody cannot end before it starts"


#: The model's own checks beyond the schema, by the ``$defs`` name of the object they check.
MODEL_CHECKS: dict[str, Callable[[Any], Problem | None]] = {
    "sentence.term_range": _term_range,
    "sentence.custody_period": _custody_period,
}

_OBJECT_KEYS = {
    "type",
    "additionalProperties",
    "required",
    "properties",
    "anyOf",
    "minProperties",
    "dependentRequired",
    "if",
    "then",
    "else",
}
_STRING_KEYS = {"type", "minLength", "maxLength", "pattern", "format", "if", "then"}
_NUMBER_KEYS = {"type", "minimum", "maximum"}
_ARRAY_KEYS = {"type", "items", "minItems", "maxItems"}


def _date_check(node: dict[str, Any]) -> int | None:
    """The least length from which a string must name a real day, or ``None`` for never."""
    if node.get("format") == "date":
        return 0
    if "format" in node:
        raise UnknownKeyword(f"format {node['format']!r}")
    if "if" in node:
        condition, then = node["if"], node.get("then")
        if set(condition) != {"minLength"} or then != {"format": "date"}:
            raise UnknownKeyword(f"a string's if/then: {condition} / {then}")
        return int(condition["minLength"])
    return None


def _real_day(least: int) -> Callable[[str], str]:
    def check(text: str) -> str:
        if len(text) >= least:
            day_bounds(text)  # raises ValueError for a day the month lacks
        return text

    return check


def _enum_within(node: dict[str, Any]) -> bool:
    """Whether every value of a string enum meets its siblings (so they add nothing)."""
    if set(node) - _ANNOTATIONS - {"enum", "type", "minLength", "maxLength", "pattern"}:
        return False
    low, high = node.get("minLength", 0), node.get("maxLength", 1 << 30)
    pattern = re.compile(node.get("pattern", ""))
    return all(
        isinstance(value, str) and low <= len(value) <= high and pattern.search(value)
        for value in node["enum"]
    )


def _class_name(name: str) -> str:
    return "".join(part.title() for part in re.split(r"[._]", name))


class _Generator:
    """Builds one backend's models from the bundle, one class per object schema."""

    def __init__(self, backend: Literal["pydantic", "msgspec"]) -> None:
        self.pydantic = backend == "pydantic"
        self.classes: dict[str, Any] = {}
        self.checkers: dict[str, Checker | None] = {}

    def node(self, node: Any, name: str) -> tuple[Any, Checker | None]:
        """The annotation for a subschema and (msgspec) the checks its type cannot state."""
        keys = set(node) - _ANNOTATIONS
        if "$ref" in node:
            if keys != {"$ref"}:
                raise UnknownKeyword(f"a $ref with siblings at {name}: {sorted(keys)}")
            target = node["$ref"].removeprefix("#/$defs/")
            return self.definition(target)
        if "const" in node:
            if keys != {"const"}:
                raise UnknownKeyword(f"a const with siblings at {name}")
            return Literal[node["const"]], None
        if "enum" in node:
            if keys - {"type"} != {"enum"} and not _enum_within(node):
                raise UnknownKeyword(f"an enum with siblings that narrow it at {name}")
            return Literal[tuple(node["enum"])], None
        kind = node.get("type")
        if kind is None and "if" in node:
            return self.either(node, name)
        if kind == "object":
            return self.model(node, name)
        if kind == "array":
            return self.array(node, name)
        if kind == "string":
            return self.string(node, name)
        if kind in ("integer", "number"):
            if keys - _NUMBER_KEYS:
                raise UnknownKeyword(f"{sorted(keys - _NUMBER_KEYS)} at {name}")
            base: Any = int if kind == "integer" else float
            bounds = {"ge": node.get("minimum"), "le": node.get("maximum")}
            bounds = {key: value for key, value in bounds.items() if value is not None}
            meta = pydantic.Field(**bounds) if self.pydantic else msgspec.Meta(**bounds)
            return Annotated[base, meta], None
        if kind == "boolean" and keys == {"type"}:
            return bool, None
        raise UnknownKeyword(f"{sorted(keys)} at {name}")

    def definition(self, target: str) -> tuple[Any, Checker | None]:
        node = DEFS[target]
        if node.get("type") == "object":
            if target not in self.classes:
                self.model(node, target)
            return self.classes[target], self.checkers[target]
        return self.node(node, target)

    def either(self, node: dict[str, Any], name: str) -> tuple[Any, Checker | None]:
        """``if: {type: T}, then: A, else: B`` (and an ``anyOf`` of types): ``A | B``."""
        keys = set(node) - _ANNOTATIONS
        condition = node["if"]
        if keys - {"if", "then", "else", "anyOf"} or set(condition) != {"type"}:
            raise UnknownKeyword(f"if/then/else at {name}: {sorted(keys)}")
        if any(set(branch) != {"type"} for branch in node.get("anyOf", ())):
            raise UnknownKeyword(f"an anyOf beyond types at {name}")
        first, first_check = self.node(node["then"], name)
        second, second_check = self.node(node["else"], name)
        python = {"string": str, "object": object}[condition["type"]]

        def check(value: Any) -> Iterator[Problem]:
            chosen = first_check if isinstance(value, python) else second_check
            if chosen is not None:
                yield from chosen(value)

        return first | second, check

    def string(self, node: dict[str, Any], name: str) -> tuple[Any, Checker | None]:
        keys = set(node) - _ANNOTATIONS
        if keys - _STRING_KEYS:
            raise UnknownKeyword(f"{sorted(keys - _STRING_KEYS)} at {name}")
        least = _date_check(node)
        pattern = node.get("pattern")
        low, high = node.get("minLength"), node.get("maxLength")
        if self.pydantic:
            constraints = StringConstraints(
                min_length=low,
                max_length=high,
                pattern=None if pattern is None else lookaround_free(pattern),
            )
            if least is None:
                return Annotated[str, constraints], None
            return Annotated[str, constraints, AfterValidator(_real_day(least))], None
        meta = msgspec.Meta(
            **{
                key: value
                for key, value in (("pattern", pattern), ("min_length", low), ("max_length", high))
                if value is not None
            }
        )
        if least is None:
            return Annotated[str, meta], None
        real_day = _real_day(least)

        def check(text: str) -> Iterator[Problem]:
            try:
                real_day(text)
            except ValueError:
                yield f"{name}: not a real day"

        return Annotated[str, meta], check

    def array(self, node: dict[str, Any], name: str) -> tuple[Any, Checker | None]:
        keys = set(node) - _ANNOTATIONS
        if keys - _ARRAY_KEYS:
            raise UnknownKeyword(f"{sorted(keys - _ARRAY_KEYS)} at {name}")
        item, item_check = self.node(node["items"], name)
        bounds = {"min_length": node.get("minItems"), "max_length": node.get("maxItems")}
        bounds = {key: value for key, value in bounds.items() if value is not None}
        meta = pydantic.Field(**bounds) if self.pydantic else msgspec.Meta(**bounds)
        if item_check is None:
            return Annotated[tuple[item, ...], meta], None

        def check(items: tuple[Any, ...]) -> Iterator[Problem]:
            for each in items:
                yield from item_check(each)

        return Annotated[tuple[item, ...], meta], check

    def model(self, node: dict[str, Any], name: str) -> tuple[Any, Checker | None]:
        keys = set(node) - _ANNOTATIONS - {"$defs", "$schema", "$id"}
        if keys - _OBJECT_KEYS or node.get("additionalProperties") is not False:
            raise UnknownKeyword(f"an object at {name}: {sorted(keys - _OBJECT_KEYS)}")
        required = set(node.get("required", ()))
        fields: dict[str, tuple[Any, Any]] = {}
        checks: dict[str, Checker] = {}
        for member, sub in node.get("properties", {}).items():
            annotation, check = self.node(sub, f"{name}.{member}")
            # an absent member is None, which the annotation refuses as a value (JSON null)
            fields[member] = (annotation, ... if member in required else None)
            if check is not None:
                checks[member] = check
        rules = _object_rules(node, name)
        if name == ROOT:
            rules.append(_rules_of_a_case)
        if self.pydantic:
            cls = self._pydantic_model(name, fields, rules)
            checker: Checker | None = None
        else:
            cls, checker = self._msgspec_struct(name, fields, rules, checks)
        self.classes[name], self.checkers[name] = cls, checker
        return cls, checker

    def _pydantic_model(
        self, name: str, fields: dict[str, tuple[Any, Any]], rules: list[ObjectRule]
    ) -> Any:
        validators: dict[str, Any] = {}
        if rules:

            def schema_rules(self: Any) -> Any:
                members = {key: value for key, value in self.__dict__.items() if value is not None}
                for rule in rules:
                    problem = rule(members, self)
                    if problem is not None:
                        raise ValueError(problem)
                return self

            validators["schema_rules"] = model_validator(mode="after")(schema_rules)
        return pydantic.create_model(  # type: ignore[call-overload]
            "P" + _class_name(name),
            __config__=PYDANTIC_CONFIG,
            __validators__=validators,
            **fields,
        )

    def _msgspec_struct(
        self,
        name: str,
        fields: dict[str, tuple[Any, Any]],
        rules: list[ObjectRule],
        checks: dict[str, Checker],
    ) -> tuple[Any, Checker | None]:
        cls = msgspec.defstruct(
            "M" + _class_name(name),
            [
                (member, annotation) if default is ... else (member, annotation, default)
                for member, (annotation, default) in fields.items()
            ],
            kw_only=True,
            frozen=True,
            forbid_unknown_fields=True,
            omit_defaults=True,
        )
        names = tuple(fields)
        if not rules and not checks:
            return cls, None

        def check(obj: Any) -> Iterator[Problem]:
            members = {}
            for member in names:
                value = getattr(obj, member)
                if value is not None:
                    members[member] = value
            for rule in rules:
                problem = rule(members, obj)
                if problem is not None:
                    yield problem
            for member, inner in checks.items():
                if member in members:
                    yield from inner(members[member])

        return cls, check


def _rules_of_a_case(_members: dict[str, Any], case: Any) -> Problem | None:
    found = case_findings(case)
    return "; ".join(f"{path}: {code}" for code, path in found) if found else None


PYDANTIC_CONFIG = ConfigDict(extra="forbid", frozen=True, strict=True)

_pydantic = _Generator("pydantic")
PCase: Any = _pydantic.model(BUNDLE, ROOT)[0]
PYDANTIC_MODELS: dict[str, Any] = _pydantic.classes
_msgspec = _Generator("msgspec")
MCase: Any
MCase, _check_msgspec_case = _msgspec.model(BUNDLE, ROOT)
MSGSPEC_STRUCTS: dict[str, Any] = _msgspec.classes

msgspec_decoder = msgspec.json.Decoder(MCase)
msgspec_encoder = msgspec.json.Encoder()


class RulesError(ValueError):
    """A case the msgspec peer decoded breaks a rule its types cannot state."""


def msgspec_load(text: bytes) -> Any:
    """Decode a case into Structs and run the schema's rules, the model's and the case's."""
    case = msgspec_decoder.decode(text)
    problems = list(_check_msgspec_case(case)) if _check_msgspec_case is not None else []
    if problems:
        raise RulesError("; ".join(problems))
    return case


def pydantic_load(text: bytes) -> Any:
    """``PCase.model_validate_json``: the types, the validators and the case rules."""
    return PCase.model_validate_json(text)


def declared_members(cls: Any, prefix: str = "") -> set[str]:
    """The member paths a generated class declares, nested (``events.designation.category``)."""
    fields = getattr(cls, "__struct_fields__", None) or tuple(cls.model_fields)
    hints = (
        {f.name: f.type for f in msgspec.structs.fields(cls)}
        if hasattr(cls, "__struct_fields__")
        else {name: info.annotation for name, info in cls.model_fields.items()}
    )
    found: set[str] = set()
    for name in fields:
        path = f"{prefix}{name}"
        found.add(path)
        for inner in _classes_in(hints[name]):
            found |= declared_members(inner, f"{path}.")
    return found


def _classes_in(annotation: Any) -> Iterator[Any]:
    if isinstance(annotation, type) and (
        issubclass(annotation, pydantic.BaseModel) or issubclass(annotation, msgspec.Struct)
    ):
        yield annotation
        return
    for argument in getattr(annotation, "__args__", ()) or ():
        yield from _classes_in(argument)
    origin = getattr(annotation, "__origin__", None)
    if origin is not None and origin is not annotation and hasattr(annotation, "__metadata__"):
        yield from _classes_in(origin)


def schema_members(node: Any = None, prefix: str = "") -> set[str]:
    """The member paths the published case schema declares, nested, through refs and branches."""
    node = BUNDLE if node is None else node
    found: set[str] = set()
    if not isinstance(node, dict):
        return found
    if "$ref" in node:
        return schema_members(DEFS[node["$ref"].removeprefix("#/$defs/")], prefix)
    for name, sub in node.get("properties", {}).items():
        found.add(f"{prefix}{name}")
        found |= schema_members(sub, f"{prefix}{name}.")
    for key in ("items", "then", "else"):
        if key in node:
            found |= schema_members(node[key], prefix)
    return found


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
