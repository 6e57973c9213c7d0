"""Signatories of statements: reading them as published, and telling when two are one body.

A :class:`Signatory` is an organisation as a statement lists it: its name,
the acronym in parentheses, the qualifier the text attaches after a comma
("within the framework of the Observatory for the Protection of Human Rights
Defenders"), and, when the data links it to an organisation record, that
record's id.  Published lists give no ids, so the id is optional and never
made up from the name: a signatory without one is an organisation known by
its name alone, and :func:`match_organisations` says, rule by rule, when two
spellings name the same body.

:func:`parse_signatories` reads a list as published, one signatory a line,
numbered or bulleted or neither.
"""

from __future__ import annotations

import enum
import unicodedata
from collections.abc import Iterator, Sequence
from typing import Any, Final, Protocol

import attrs

from .._util.echo import quoted
from .._util.patterns import LazyPattern
from .common import check_country, check_id, check_text
from .people import OrganisationKind

__all__ = [
    "MatchRule",
    "NamedOrganisation",
    "OrganisationMatch",
    "Signatory",
    "match_organisations",
    "normalise_organisation_name",
]


@attrs.frozen(kw_only=True)
class Signatory:
    """An organisation that signed or endorsed a statement (``statement.json#/$defs/signatory``).

    "International Federation for Human Rights (FIDH), within the framework
    of the Observatory for the Protection of Human Rights Defenders" is
    ``Signatory(name="International Federation for Human Rights",
    acronym="FIDH", qualifier="within the framework of the Observatory for
    the Protection of Human Rights Defenders")``.

    The organisation's fields are those of :class:`civicspace.CaseOrganisation`,
    with the id optional: a published list names organisations, it gives no
    ids, and civicspace never makes one up from a name.  Give ``id`` when
    the data links the signatory to an organisation record; in a collection
    it must name one (rule ``collection.unresolved_reference``).

    Attributes:
        id: The id of the organisation record this signatory is, when known.
        name: The name as the list prints it, without the acronym.
        acronym: The acronym printed in parentheses after the name: ``"FIDH"``.
        qualifier: What the text attaches after a comma, word for word.
        country: Where the organisation is based, ISO 3166-1 alpha-3.
        kind: What kind of body it is.

    """

    id: str | None = attrs.field(default=None, validator=attrs.validators.optional(check_id))
    name: str = attrs.field(validator=check_text)
    acronym: str | None = attrs.field(default=None, validator=check_text)
    qualifier: str | None = attrs.field(default=None, validator=check_text)
    country: str | None = attrs.field(
        default=None, validator=attrs.validators.optional(check_country)
    )
    kind: OrganisationKind | None = None

    def __str__(self) -> str:
        """The signatory as a list prints it: ``"Name (ACRONYM), qualifier"``.

        :func:`parse_signatories` reads it back to an equal signatory (without
        ``id``, ``country`` and ``kind``, which a list does not print) when the
        name holds no parentheses or comma and the acronym no space.
        """
        text = self.name if self.acronym is None else f"{self.name} ({self.acronym})"
        return text if self.qualifier is None else f"{text}, {self.qualifier}"


# -- Reading lists as published -----------------------------------------------------------------


# -- Telling when two spellings name one organisation ---------------------------------------------

#: American spellings → British, word by word, so that either spelling compares equal.
_SPELLINGS: Final = {
    "organization": "organisation",
    "organizations": "organisations",
    "center": "centre",
    "centers": "centres",
    "defense": "defence",
    "labor": "labour",
    "program": "programme",
    "programs": "programmes",
}
_APOSTROPHES: Final = LazyPattern(r"['’‘`´]")
_NOT_WORD: Final = LazyPattern(r"[\W_]+")


def normalise_organisation_name(name: str) -> str:
    """The form of an organisation's name that :func:`match_organisations` compares.

    Unicode compatibility forms folded (NFKC), case folded, apostrophes
    dropped ("Lawyers’ Rights" = "Lawyers Rights"), "&" read as "and",
    every other run of punctuation, dashes and spaces made one space, a
    leading "the" dropped, and American spellings made British word by word
    (organization, center, defense, labor, program).  So "CIVICUS: World
    Alliance for Citizen Participation" and "CIVICUS – World Alliance for
    Citizen Participation" both become "civicus world alliance for citizen
    participation".  The result may be empty (a name of punctuation only).
    """
    text = unicodedata.normalize("NFKC", name).casefold().replace("&", " and ")
    words = _NOT_WORD.sub(" ", _APOSTROPHES.sub("", text)).split()
    if words[:1] == ["the"]:
        words = words[1:]
    return " ".join(_SPELLINGS.get(word, word) for word in words)


class NamedOrganisation(Protocol):
    """What :func:`match_organisations` reads: a name, an acronym, and an id if any.

    :class:`Signatory`, :class:`civicspace.CaseOrganisation` and
    :class:`civicspace.OrganisationRecord` all fit.
    """

    @property
    def name(self) -> str:
        """The name in full."""

    @property
    def acronym(self) -> str | None:
        """The acronym, or ``None``."""


class MatchRule(enum.Enum):
    """The rule by which :func:`match_organisations` found two organisations to be one."""

    SAME_ID = "same_id"
    """Both have an id, and it is the same."""
    SAME_NAME = "same_name"
    """A name of one and a name of the other are equal once normalised
    (:func:`normalise_organisation_name`): spelling, case, punctuation and
    dashes set aside."""
    NAME_IS_ACRONYM = "name_is_acronym"
    """One is listed by a name that is the other's acronym ("FIDH" and
    "International Federation for Human Rights (FIDH)")."""


@attrs.frozen(kw_only=True)
class OrganisationMatch:
    """Whether two organisations are one, and why; see :func:`match_organisations`.

    Attributes:
        same: Whether they are the same organisation.
        rule: The rule that matched, or ``None`` when they are not the same.
        explanation: Why, in a sentence a person can check.

    """

    same: bool
    rule: MatchRule | None
    explanation: str

    def __bool__(self) -> bool:
        """Whether the two organisations are the same (``same``)."""
        return self.same


def _key(text: str) -> str:
    """The normalised form, or the bare case-folded text when normalising leaves nothing."""
    return normalise_organisation_name(text) or " ".join(text.casefold().split())


def _names(organisation: Any) -> list[str]:
    names = [organisation.name]
    names += [other.name for other in getattr(organisation, "other_names", ())]
    return names


def _label(organisation: Any) -> str:
    acronym = organisation.acronym
    return organisation.name if acronym is None else f"{organisation.name} ({acronym})"


def match_organisations(first: NamedOrganisation, second: NamedOrganisation) -> OrganisationMatch:
    """Whether two organisations, as two lists spell them, are one, with the rule that says so.

    The rules, in order:

    1. When both have an id, the ids decide (:attr:`MatchRule.SAME_ID`):
       two ids are two organisations, whatever their names.
    2. A name of one equals a name of the other once normalised
       (:attr:`MatchRule.SAME_NAME`): "World Organisation Against Torture
       (OMCT)" and "World Organization Against Torture (OMCT)".  Other
       names (``other_names``) count as names.
    3. The name of one is the acronym of the other, both normalised
       (:attr:`MatchRule.NAME_IS_ACRONYM`): "FIDH, within the framework
       of ..." and "International Federation for Human Rights (FIDH)".

    Nothing else merges.  Words in common never do ("Cambodian Center for
    Human Rights" and "Cambodian Center for Independent Media"), nor does
    an acronym alone: "International Commission of Jurists (ICJ)" and
    "International Court of Justice (ICJ)" are two bodies, and the
    explanation of the non-match says the acronym was shared.  Symmetric:
    ``match_organisations(a, b).same == match_organisations(b, a).same``.
    """
    first_id, second_id = getattr(first, "id", None), getattr(second, "id", None)
    if first_id is not None and second_id is not None:
        if first_id == second_id:
            return OrganisationMatch(
                same=True,
                rule=MatchRule.SAME_ID,
                explanation=f"both have the id {quoted(first_id)}",
            )
        return OrganisationMatch(
            same=False,
            rule=None,
            explanation=f"the ids {quoted(first_id)} and {quoted(second_id)} differ",
        )
    second_names = {_key(name): name for name in _names(second)}
    for name in _names(first):
        other = second_names.get(_key(name))
        if other is not None:
            how = (
                "are the same name"
                if name == other
                else "are the same name once spelling, case, punctuation and dashes are set aside"
            )
            return OrganisationMatch(
                same=True,
                rule=MatchRule.SAME_NAME,
                explanation=f"{quoted(name)} and {quoted(other)} {how} ({quoted(_key(name))})",
            )
    for one, two in ((first, second), (second, first)):
        if two.acronym is not None and _key(two.acronym) in {_key(name) for name in _names(one)}:
            return OrganisationMatch(
                same=True,
                rule=MatchRule.NAME_IS_ACRONYM,
                explanation=f"{quoted(one.name)} is the acronym of {quoted(_label(two))}",
            )
    if (
        first.acronym is not None
        and second.acronym is not None
        and _key(first.acronym) == _key(second.acronym)
    ):
        explanation = (
            f"{quoted(_label(first))} and {quoted(_label(second))} share an acronym but not a "
            "name; an acronym alone never makes two organisations one"
        )
    else:
        explanation = (
            f"{quoted(_label(first))} and {quoted(_label(second))} share neither name nor acronym"
        )
    return OrganisationMatch(same=False, rule=None, explanation=explanation)


def repeated_organisations(
    listed: Sequence[NamedOrganisation],
) -> Iterator[tuple[int, int, OrganisationMatch]]:
    """``(index, earlier index, match)`` for each item that is an organisation listed above it.

    Items are compared by :func:`match_organisations`; each repeat is given
    once, with the first earlier item it matches.  The earlier items are
    indexed by every key a rule compares, so a list of thousands is checked
    in linear time, not by comparing every pair.
    """
    seen: dict[tuple[str, str], list[int]] = {}
    for later, item in enumerate(listed):
        name = _key(item.name)
        acronym = None if item.acronym is None else _key(item.acronym)
        item_id = getattr(item, "id", None)
        keys = [("name", name)]
        keys += [] if acronym is None else [("acronym", acronym)]
        keys += [] if item_id is None else [("id", item_id)]
        # A name matches an earlier name or acronym; an acronym matches an earlier name.
        candidates = [("name", name), ("acronym", name)]
        candidates += [] if acronym is None else [("name", acronym)]
        candidates += [] if item_id is None else [("id", item_id)]
        for earlier in sorted({index for key in candidates for index in seen.get(key, ())}):
            match = match_organisations(listed[earlier], item)
            if match.same:
                yield later, earlier, match
                break
        for key in keys:
            seen.setdefault(key, []).append(later)
