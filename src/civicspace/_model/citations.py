"""Reading citations of laws as published text prints them.

"articles 494 and 495 of the Criminal Code", "Article 445 of Cambodia’s
Criminal Code", "articles 88, 494, and 495 of Cambodia’s Penal Code",
"article 39": :func:`parse_citation` turns such a phrase into
:class:`Citation` values, each an instrument as written and the article
numbers in the order given.  Which law record a name stands for is decided
by :func:`resolve_instrument`, given the laws (:func:`resolve_citation`
turns a citation into a reference to a law); how often each article is
cited is counted by :func:`count_references_by_article`.
"""

from __future__ import annotations

import difflib
import functools
import unicodedata
from collections import Counter
from collections.abc import Hashable, Iterable
from typing import TypeVar

import attrs

from .._util.patterns import LazyPattern
from ..errors import AmbiguousInstrumentError, InstrumentNotFoundError
from .articles import LawReference, canonical_article_number, check_article_numbers
from .common import check_text
from .laws import Law

__all__ = [
    "ArticleKey",
    "Citation",
    "InstrumentMatch",
    "count_references_by_article",
    "count_references_by_article_and_key",
    "resolve_citation",
    "resolve_instrument",
]

K = TypeVar("K", bound=Hashable)


@attrs.frozen(kw_only=True)
class Citation:
    """A reference to a legal instrument and, optionally, some of its articles, as written.

    Attributes:
        instrument: The instrument as the text names it, without a leading
            "the": ``"Cambodia’s Penal Code"``, ``"Criminal Code"``;
            ``None`` when the text names none ("article 39").
        articles: The article numbers in the order written (``("88",
            "494", "495")``); empty when the whole instrument is cited.
        as_written: The part of the text this citation was read from.

    """

    instrument: str | None = attrs.field(default=None, validator=check_text)
    articles: tuple[str, ...] = attrs.field(default=(), validator=check_article_numbers)
    as_written: str = attrs.field(validator=check_text)


# -- Resolving citations -------------------------------------------------------------------------


@attrs.frozen
class InstrumentMatch:
    """How a name as written was matched to a law record.

    Attributes:
        law: The law it names.
        name: The title or short name of the law it matched.
        explanation: How, in a sentence.

    """

    law: Law
    name: str
    explanation: str


_QUOTES = str.maketrans({"’": "'", "‘": "'", "‛": "'", "`": "'", "“": '"', "”": '"'})
_HYPHENS = str.maketrans({char: "-" for char in "‐‑‒–—"})
_THE = LazyPattern(r"^the(?:\s+|$)")
_PARENTHESIS = LazyPattern(r"^(.*?)\s*\(([^()]+)\)$")
_YEAR = LazyPattern(r"^([0-9]{4})\s+(.+)$")


def _name_key(text: str) -> str:
    """Case, quote marks, dashes, spacing, a leading "the" and edge punctuation ignored."""
    folded = unicodedata.normalize("NFKC", text).translate(_QUOTES).translate(_HYPHENS)
    folded = " ".join(folded.casefold().split()).strip(" .,;:")
    return _THE.sub("", folded).strip(" .,;:")


@functools.cache
def _jurisdiction_forms(code: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Prefixes and suffixes that name a jurisdiction: "cambodia's ", " of cambodia"."""
    import pycountry

    country = pycountry.countries.get(alpha_3=code)
    names = {
        _name_key(getattr(country, field))
        for field in ("name", "common_name", "official_name")
        if country is not None and hasattr(country, field)
    }
    prefixes: set[str] = set()
    suffixes: set[str] = set()
    for name in names:
        prefixes |= {f"{name}'s ", f"the {name}'s "}
        if name.endswith("a"):
            prefixes.add(f"{name}n ")  # Cambodia → Cambodian
        suffixes |= {f" of {name}", f" of the {name}"}
    longest_first = sorted(prefixes, key=len, reverse=True), sorted(suffixes, key=len, reverse=True)
    return tuple(longest_first[0]), tuple(longest_first[1])


def _readings(written: str, law: Law) -> list[tuple[str, str]]:
    """The keys ``written`` may stand for when it names ``law``, each with what was set aside."""
    key = _name_key(written)
    readings = [(key, "")]
    parenthesis = _PARENTHESIS.match(key)
    if parenthesis:
        outside, inside = parenthesis.groups()
        readings += [(outside, f" without '({inside})'"), (inside, f" by '{inside}'")]
    prefixes, suffixes = _jurisdiction_forms(law.jurisdiction)
    years = {str(change.date.year) for change in law.status}
    more = []
    for text, how in readings:
        year = _YEAR.match(text)
        if year and year.group(1) in years:
            more.append(
                (year.group(2), f"{how} once the year {year.group(1)} of its history is set aside")
            )
        for prefix in prefixes:
            if text.startswith(prefix):
                more.append(
                    (
                        text[len(prefix) :],
                        f"{how} once '{prefix.strip()}', naming its jurisdiction "
                        f"{law.jurisdiction}, is set aside",
                    )
                )
        for suffix in suffixes:
            if text.endswith(suffix):
                more.append(
                    (
                        text[: -len(suffix)],
                        f"{how} once '{suffix.strip()}', naming its jurisdiction "
                        f"{law.jurisdiction}, is set aside",
                    )
                )
    return readings + more


def resolve_instrument(
    written: str, laws: Iterable[Law], *, jurisdiction: str | None = None
) -> InstrumentMatch:
    """The law record that a name as written ("Cambodia’s Penal Code") stands for.

    A name matches a law when, ignoring case, quote marks, dashes, spacing,
    a leading "the" and edge punctuation, it equals one of the law's titles
    or short names, either as it is or once one of these is set aside:

    - a qualifier naming the law's own jurisdiction: "Cambodia’s …",
      "Cambodian …" (the country's name plus "n", for names ending in "a"),
      "… of Cambodia", "… of the Kingdom of Cambodia";
    - a trailing acronym in parentheses, or everything but it
      ("Law on Associations and Non-Governmental Organizations (LANGO)");
    - a leading year that one of its status entries is dated in ("2015 Law
      on Associations …").

    ``jurisdiction`` limits the search to one country's laws.  Nothing is
    ever guessed: no match and several matches are errors.

    Raises:
        InstrumentNotFoundError: when no law matches; its message lists close
            titles, if any, as suggestions only.
        AmbiguousInstrumentError: when laws with different ids match; its
            ``candidates`` lists them.

    """
    chosen = [law for law in laws if jurisdiction is None or law.jurisdiction == jurisdiction]
    found: dict[str, InstrumentMatch] = {}
    for law in chosen:
        names = {_name_key(name): name for name in (*law.titles, *law.short_names)}
        for key, how in _readings(written, law):
            if key in names and law.id not in found:
                kind = "short name" if names[key] in law.short_names else "title"
                found[law.id] = InstrumentMatch(
                    law,
                    names[key],
                    f"{written!r} matches the {kind} {names[key]!r} of {law.id}{how} "
                    "(case, quote marks and a leading 'the' ignored)",
                )
    where = f" of {jurisdiction}" if jurisdiction is not None else ""
    if len(found) > 1:
        ids = sorted(found)
        raise AmbiguousInstrumentError(
            f"{written!r} could name any of the laws{where} {', '.join(ids)}; cite one by its id",
            written=written,
            candidates=ids,
        )
    if not found:
        titles = [name for law in chosen for name in (*law.titles, *law.short_names)]
        close = difflib.get_close_matches(written, titles, n=3, cutoff=0.6)
        hint = f"; close titles (not chosen): {', '.join(map(repr, close))}" if close else ""
        raise InstrumentNotFoundError(
            f"no law{where} has a title or short name matching {written!r}{hint}",
            written=written,
        )
    return next(iter(found.values()))


def resolve_citation(
    citation: Citation, laws: Iterable[Law], *, jurisdiction: str | None = None
) -> LawReference:
    """The :class:`LawReference` a parsed citation stands for, given the laws.

    The instrument is resolved by :func:`resolve_instrument`; the article
    numbers and the text as written are kept.  Whether the law has those
    articles is not checked here (see :func:`article_exists`).

    Raises:
        InstrumentNotFoundError: when the citation names no instrument, or
            one that no law matches.
        AmbiguousInstrumentError: when it matches several laws.

    """
    if citation.instrument is None:
        raise InstrumentNotFoundError(
            f"{citation.as_written!r} names no instrument to look up", written=citation.as_written
        )
    match = resolve_instrument(citation.instrument, laws, jurisdiction=jurisdiction)
    return LawReference(
        law=match.law.id, articles=citation.articles, as_written=citation.as_written
    )


# -- Counting ------------------------------------------------------------------------------------

#: An article as counted: the law's id and the article's canonical number,
#: or ``None`` for a citation of the whole instrument.
ArticleKey = tuple[str, str | None]


def _keys(reference: LawReference) -> list[ArticleKey]:
    if not reference.articles:
        return [(reference.law, None)]
    # A reference that repeats an article cites it once.
    return [
        (reference.law, number)
        for number in dict.fromkeys(canonical_article_number(n) for n in reference.articles)
    ]


def count_references_by_article(references: Iterable[LawReference]) -> dict[ArticleKey, int]:
    """How many references cite each article, most cited first.

    An article is ``(law id, canonical number)``; a reference citing the whole
    instrument counts under ``(law id, None)``.  A reference that names an
    article twice counts it once.  Ties keep the order first seen.
    """
    counts = Counter(key for reference in references for key in _keys(reference))
    return dict(counts.most_common())


def count_references_by_article_and_key(
    items: Iterable[tuple[K, LawReference]],
) -> dict[ArticleKey, dict[K, int]]:
    """How often each article is cited, split by a key such as the role of the person charged.

    ``items`` pairs each reference with its key (``("journalist",
    reference)``).  Articles come most cited first, as in
    :func:`count_references_by_article`; the keys of each article, most
    frequent first.
    """
    by_article: dict[ArticleKey, Counter[K]] = {}
    for group, reference in items:
        for key in _keys(reference):
            by_article.setdefault(key, Counter())[group] += 1
    ranked = sorted(by_article.items(), key=lambda item: -item[1].total())
    return {key: dict(counter.most_common()) for key, counter in ranked}
