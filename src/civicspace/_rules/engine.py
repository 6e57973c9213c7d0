"""Semantic checks: the fourth step of the data flow, rules across fields.

Each rule is one named function registered with :func:`check` under its
issue code; it receives a structured record and yields ``(path, message)``
for each breach.  :func:`check_record` runs every rule of a record's class.
"""

from __future__ import annotations

import typing
from collections.abc import Callable, Hashable, Iterable, Iterator
from typing import Any, TypeVar

import attrs

from .._pipeline.codes import register_code
from .._util.echo import MAX_MESSAGE, cut
from .._util.hints import classes_in
from .._util.memo import one_run
from ..errors import Issue

__all__ = ["check", "check_record", "checks_of"]

R = TypeVar("R")
Finding = tuple[str, str]
Rule = Callable[[Any], Iterator[Finding]]

_RULES: dict[type[Any], list[tuple[str, Rule]]] = {}


def check(
    cls: type[R], code: str, meaning: str
) -> Callable[[Callable[[R], Iterator[Finding]]], Rule]:
    """Register a rule for records of ``cls`` that reports under ``code``.

    ``meaning`` is the one line :data:`civicspace.ISSUE_CODES` gives for the
    code, and the issue-code reference of the docs prints: a rule's code and
    its meaning are written here, beside the rule, and nowhere else.
    """
    register_code(code, meaning)
    _CODES_OF.setdefault(cls, []).append(code)

    def register(rule: Callable[[R], Iterator[Finding]]) -> Rule:
        _RULES.setdefault(cls, []).append((code, rule))
        _PLANS.clear()
        return rule

    return register


_CODES_OF: dict[type[Any], list[str]] = {}


def rule_codes() -> dict[type[Any], tuple[str, ...]]:
    """Each class with rules, and the codes of its rules in registration order."""
    return {cls: tuple(codes) for cls, codes in _CODES_OF.items()}


def checks_of(cls: type[Any]) -> tuple[tuple[str, Rule], ...]:
    """The rules registered for ``cls``, as ``(code, rule)`` pairs."""
    return tuple(_RULES.get(cls, ()))


def check_record(record: Any, path: str = "$") -> list[Issue]:
    """Run every rule of the record and of every object inside it.

    The objects a record holds (a collection's records, a case's sentences,
    a law's penalties) are checked first, each with its own path, then the
    record's own rules, in the order they were registered.  Data several
    rules derive (a case's timelines) is computed once per run (_util/memo.py).
    """
    issues: list[Issue] = []
    with one_run():
        _check_tree(record, path, issues)
    return issues


# Per class: the fields that may reach rules, and the class's own rules (dropped when one is added).
_PLANS: dict[type[Any], tuple[tuple[str, ...], tuple[tuple[str, Rule], ...]]] = {}


def _check_tree(obj: Any, path: str, issues: list[Issue]) -> None:
    cls = type(obj)
    plan = _PLANS.get(cls)
    if plan is None:
        plan = _PLANS[cls] = (_fields_reaching_rules(cls), checks_of(cls))
    fields, rules = plan
    for name in fields:
        value = getattr(obj, name)
        if isinstance(value, tuple):
            for index, item in enumerate(value):
                if attrs.has(type(item)):
                    _check_tree(item, f"{path}.{name}[{index}]", issues)
        elif attrs.has(type(value)):
            _check_tree(value, f"{path}.{name}", issues)
    for code, rule in rules:
        for where, message in rule(obj):
            # Each echo in a rule's message is bounded where it is written; a
            # message built from many of them (or from a model's explanation) is bounded here.
            issues.append(Issue(path + where.removeprefix("$"), code, cut(message, MAX_MESSAGE)))


_FIELDS_REACHING_RULES: dict[type[Any], tuple[str, ...]] = {}


def _fields_reaching_rules(cls: type[Any]) -> tuple[str, ...]:
    """The fields of ``cls`` that may hold an object with rules, at any depth."""
    found = _FIELDS_REACHING_RULES.get(cls)
    if found is None:
        hints = typing.get_type_hints(cls) if attrs.has(cls) else {}
        found = _FIELDS_REACHING_RULES[cls] = tuple(
            field.name
            for field in (attrs.fields(cls) if attrs.has(cls) else ())
            if any(
                _reaches_rules(inner) for inner in classes_in(hints[field.name]) if attrs.has(inner)
            )
        )
    return found


def _reaches_rules(cls: type[Any]) -> bool:
    return cls in _RULES or bool(_fields_reaching_rules(cls))


def _repeats(keys: Iterable[Hashable]) -> Iterator[tuple[int, int]]:
    """``(index, first index)`` for every item whose key an earlier item already had."""
    first: dict[Hashable, int] = {}
    for index, key in enumerate(keys):
        earliest = first.setdefault(key, index)
        if earliest != index:
            yield index, earliest
