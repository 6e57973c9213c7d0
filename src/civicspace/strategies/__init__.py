"""Hypothesis strategies for every civicspace model class and record type.

For property tests of code that consumes civicspace data, downstream as well
as here.  Every object drawn is valid: it passes the model's own checks, and
its :func:`civicspace.dump` passes :func:`civicspace.validate`.  Requires
Hypothesis (``pip install civicspace[test]`` or ``pip install hypothesis``).

:func:`documents` draws valid JSON documents of a record type and
:func:`records` the model objects; every other function here draws one model
class, some narrowed by their arguments (:func:`money` in one currency,
:func:`people` affiliated to given organisations).  Enumerations need no
strategy of their own: ``hypothesis.strategies.sampled_from(civicspace.laws.LawKind)``.
Examples shrink toward small ones, optional members left out.

>>> from civicspace import strategies, validate
>>> from hypothesis import given
>>> @given(strategies.documents("rating"))
... def test_ratings_validate(document):
...     assert validate(document) == []
>>> test_ratings_validate()
"""

import importlib
import pkgutil

from ._common import countries, derivations, identifiers, partial_dates, sources, texts, urls
from ._records import documents, records
from .cases import actors, cases, charges, designations, event_kind_names, events
from .collections import collections
from .elections import contests, election_figures, elections, party_results, shares
from .laws import (
    article_numbers,
    criticised_features,
    freedoms,
    law_articles,
    law_references,
    laws,
    status_changes,
)
from .people import (
    affiliations,
    ages,
    organisation_records,
    organisations,
    other_names,
    people,
    person_identifiers,
    person_records,
)
from .ratings import country_ratings, rating_scales, ratings, score_bands
from .sentences import (
    additional_penalties,
    aggravated_penalties,
    amounts,
    currency_codes,
    custodial_terms,
    custody_dates,
    custody_kinds,
    custody_periods,
    day_free_terms,
    money,
    month_free_terms,
    non_custodial_penalties,
    reported_amounts,
    sentence_values,
    sentences,
    statutory_penalties,
    term_ranges,
    terms,
    terms_or_life,
)
from .sessions import (
    agenda_items,
    council_members,
    demands,
    printed_members,
    sessions,
    side_events,
    speakers,
    times_of_day,
)
from .statements import concerns, deliverers, signatories, statement_demands, statements

__all__ = [
    "actors",
    "additional_penalties",
    "affiliations",
    "agenda_items",
    "ages",
    "aggravated_penalties",
    "amounts",
    "article_numbers",
    "cases",
    "charges",
    "collections",
    "concerns",
    "contests",
    "council_members",
    "countries",
    "country_ratings",
    "criticised_features",
    "currency_codes",
    "custodial_terms",
    "custody_dates",
    "custody_kinds",
    "custody_periods",
    "day_free_terms",
    "deliverers",
    "demands",
    "derivations",
    "designations",
    "documents",
    "election_figures",
    "elections",
    "event_kind_names",
    "events",
    "freedoms",
    "identifiers",
    "law_articles",
    "law_references",
    "laws",
    "money",
    "month_free_terms",
    "non_custodial_penalties",
    "organisation_records",
    "organisations",
    "other_names",
    "partial_dates",
    "party_results",
    "people",
    "person_identifiers",
    "person_records",
    "printed_members",
    "rating_scales",
    "ratings",
    "records",
    "reported_amounts",
    "score_bands",
    "sentence_values",
    "sentences",
    "sessions",
    "shares",
    "side_events",
    "signatories",
    "sources",
    "speakers",
    "statement_demands",
    "statements",
    "status_changes",
    "statutory_penalties",
    "term_ranges",
    "terms",
    "terms_or_life",
    "texts",
    "times_of_day",
    "urls",
]

# A record type's strategy module registers its records strategy when imported
# (``_record_strategy``): import every module, so a new one needs no line here
# for ``records`` and ``documents`` to find it.
for _found in pkgutil.iter_modules(__path__):
    importlib.import_module(f"{__name__}.{_found.name}")
