"""Every issue code the library reports, with what it means.

Codes are stable: once released, a code keeps its meaning and is never
reused.  Codes are dotted: the part before the dot says which step found the
problem (``json`` the parser, ``document`` the record type, ``schema`` a
schema rule, ``value`` a model class's own check), or which record kind a
cross-field rule belongs to (``rating``, ``scale``).
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

__all__ = ["ISSUE_CODES", "schema_code"]

_SCHEMA_KEYWORDS = {
    "additionalProperties": "a member the schema does not define",
    "anyOf": "none of the alternatives the schema allows",
    "const": "not the one value allowed here",
    "dependentRequired": "a member given without another that must come with it",
    "enum": "not one of the values allowed here",
    "exclusiveMaximum": "a number at or above the limit",
    "exclusiveMinimum": "a number at or below the limit",
    "format": "a string that is not of its format (a date that does not exist, say)",
    "maxItems": "an array with too many items",
    "maxLength": "a string that is too long",
    "maxProperties": "an object with too many members",
    "maximum": "a number above the maximum",
    "minItems": "an array with too few items",
    "minLength": "a string that is too short",
    "minProperties": "an object with too few members",
    "minimum": "a number below the minimum",
    "multipleOf": "a number that is not a multiple of the step",
    "not": "a value of a form the schema excludes",
    "oneOf": "a value matching none, or more than one, of the alternatives",
    "pattern": "a string not of the form required",
    "required": "a required member that is missing",
    "type": "a value of the wrong JSON type",
    "uniqueItems": "an array with repeated items",
}


def schema_code(keyword: str) -> str:
    """The issue code for a failed schema keyword: ``minItems`` → ``schema.min_items``."""
    snake = "".join(f"_{char.lower()}" if char.isupper() else char for char in keyword)
    return f"schema.{snake}"


ISSUE_CODES: Mapping[str, str] = MappingProxyType(
    {
        "json.syntax": "The text is not JSON.",
        "json.encoding": "The bytes are not UTF-8.",
        "json.byte_order_mark": "The text starts with a byte order mark, which JSON forbids.",
        "json.duplicate_key": "A key appears more than once in one object.",
        "json.non_finite_number": "NaN or Infinity, which are not JSON numbers.",
        "json.lone_surrogate": "A string holds a lone UTF-16 surrogate escape.",
        "json.too_deep": "The document is nested too deeply to read.",
        "json.number_too_long": "A number has too many digits to read.",
        "document.not_object": "The document is not a JSON object.",
        "document.type_missing": "The document has no string `type` member naming its kind.",
        "document.type_unknown": "The document's `type` names no record kind.",
        **{
            schema_code(keyword): f"Schema rule `{keyword}`: {meaning}."
            for keyword, meaning in _SCHEMA_KEYWORDS.items()
        },
        "value.invalid": (
            "A value the schema lets through but the model refuses "
            "(a country code followed by a newline, say)."
        ),
        "rating.score_outside_band": (
            "A rating's score falls outside the CIVICUS band of its category."
        ),
        "collection.duplicate_id": "Two records of one kind in a collection have the same id.",
        "collection.article_missing": (
            "A charge cites an article that its law's record does not list."
        ),
        "collection.law_not_in_force": (
            "A charge cites a law (a draft, say) that was not in force on the charge date."
        ),
        "collection.unresolved_reference": (
            "A record refers to an id that no record of that kind in the collection has."
        ),
        "json.record_too_large": "A record is larger than the size limit for one record.",
        "scale.range_empty": "A scale's minimum is not below its maximum.",
        "scale.band_inverted": "A band's minimum is above its maximum.",
        "scale.band_outside_range": "A band's scores reach outside the scale's range.",
        "scale.bands_overlap": (
            "Two bands cover the same scores, or are not listed from most open to most closed."
        ),
        "scale.category_repeated": "Two bands of one scale have the same category.",
        "session.member_count": (
            "A session's member list does not have the Council's 47 seats' worth of members."
        ),
        "session.member_repeated": "A session lists one member state twice.",
        "session.member_not_un_member": (
            "A session lists as a member a place that is not a UN member state (Hong Kong, say)."
        ),
        "session.dates_reversed": "A session ends before it starts.",
        "session.side_event_outside": (
            "A side event is dated before its session starts or after it ends."
        ),
        "session.side_event_time_reversed": "A side event does not end after it starts.",
        "penalty.minimum_term_above_maximum": (
            "A penalty's minimum term ends after its maximum term, from some start dates or all."
        ),
        "penalty.minimum_fine_above_maximum": "A penalty's minimum fine is above its maximum fine.",
        "penalty.fine_currencies_differ": (
            "A penalty's minimum and maximum fines are in different currencies."
        ),
        "sentence.suspended_exceeds_term": (
            "A sentence's suspended part is longer than its term, from some start dates or all."
        ),
        "law.status_out_of_order": (
            "A law's status history lists a change dated certainly before one listed above it."
        ),
        "law.status_contradiction": (
            "Two entries of a law's status history on one date contradict: one ends the "
            "instrument (rescinded, repealed), the other does not."
        ),
        "law.status_repeated": "A law's status history lists one status on one date twice.",
        "law.article_repeated": (
            "A law lists two articles with the same number (case and suffix spacing ignored)."
        ),
        "law.draft_enacted": (
            "A law of kind draft_law has a history saying it was adopted, promulgated, "
            "in force or amended; record it as the kind of law it became."
        ),
        "law.feature_note_missing": "A criticised feature of kind other has no note saying what.",
        "event.people_count_mismatch": (
            "An event lists more people than the number the source states it concerned."
        ),
        "event.concerns_nobody": (
            "An event names neither people (by id or by count) nor organisations of its case."
        ),
        "case.concerns_nobody": (
            "A case lists neither people nor organisations, and none of its events counts "
            "unnamed people."
        ),
        "case.duplicate_id": (
            "Two people, two organisations or two charges of one case have the same id."
        ),
        "case.unresolved_reference": (
            "An event, charge, sentence or affiliation names a person, charge or organisation "
            "that the case does not have."
        ),
        "case.verdict_before_arrest": (
            "A conviction, sentence or acquittal is dated before the arrest or detention "
            "it follows."
        ),
        "case.release_before_detention": (
            "A bail, release or other end of custody is dated before the custody it ends began."
        ),
        "case.release_while_not_detained": (
            "A bail or release concerns someone whom no event listed above puts in custody."
        ),
        "case.in_absentia_while_detained": (
            "An event or sentence in absentia concerns someone in custody at the time."
        ),
        "case.in_absentia_misplaced": (
            "An event says in_absentia though its kind cannot happen in absentia (an arrest, say)."
        ),
        "collection.conflicting_person": (
            "Two records of a collection give one person id different names."
        ),
        "collection.conflicting_organisation": (
            "Two records of a collection give one organisation id different names."
        ),
        "collection.exchange_rate_outlier": (
            "A reported currency equivalent implies an exchange rate more than a quarter away "
            "from the median of the collection's rates for the same pair (three or more)."
        ),
        "statement.count_mismatch": (
            "A statement declares a number of signatories that differs from the number it lists."
        ),
        "statement.signatory_repeated": (
            "A statement lists one organisation twice, under one spelling or two."
        ),
        "election.seats_exceed_total": (
            "A result of an election contest, or all its results together, win more seats than "
            "the contest had."
        ),
        "election.share_mismatch": (
            "A result's stated share is not 100 * seats / total rounded to the decimals it states."
        ),
        "election.party_repeated": (
            "An election contest lists one party twice, under one spelling or two."
        ),
    }
)
"""Every issue code, mapped to a one-line meaning; codes never change meaning once released."""
