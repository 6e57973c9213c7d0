"""The benchmark's batch: representative case records, built reproducibly.

Records are drawn from civicspace's own strategies (people, organisations,
charges, law references, sentences, sources, and the private helpers that
:func:`civicspace.strategies.cases` uses to keep events consistent), shaped
toward the issue's representative case: three people, one charge citing two
articles, six events, three sentences with fines, one source.

Reproducible: the drawing runs under ``@hypothesis.seed(SEED)`` with the
example database off and only the generate phase, so one Hypothesis version
and one version of the strategies draw the same records every time.  As the
strategies change with the library, the drawn records are kept in
``benchmarks/cases.jsonl``, so that figures stay comparable from commit to
commit; ``python benchmarks/batch.py`` draws them afresh and rewrites the
file (``bench.py`` prints the batch's digest).
"""

from __future__ import annotations

import hashlib
import json
import warnings
from pathlib import Path
from typing import Any

import attrs
import hypothesis
import hypothesis.errors
from hypothesis import strategies as st

from civicspace import datasets, dump, validate
from civicspace import strategies as cs
from civicspace.cases import Case
from civicspace.strategies._common import _index, _subsets
from civicspace.strategies.cases import _affiliated, _case_events

SEED = 20261128
BATCH_FILE = Path(__file__).parent / "cases.jsonl"  # the distinct records, one per line
WORLD = Path(__file__).parent.parent / "examples" / "world"  # cases from thirteen countries
DRAWS = 200  # examples Hypothesis generates; the batch keeps the distinct ones near the target size
LOW, HIGH = 1200, 2600  # bytes: the target is about 1.9 KB of compact JSON


@st.composite
def representative_cases(draw: st.DrawFn) -> Case:
    """A valid case of the representative shape (see the module docstring)."""
    bodies = draw(st.lists(cs.organisations(), min_size=1, max_size=1))
    persons = draw(
        st.lists(cs.people(()), min_size=3, max_size=3, unique_by=lambda person: person.id)
    )
    persons = _affiliated(draw, persons, bodies)
    person_ids = [person.id for person in persons]
    charge = draw(cs.charges(person_ids))
    reference = draw(cs.law_references())
    articles = draw(st.lists(cs.article_numbers(), min_size=2, max_size=2, unique=True))
    charge = attrs.evolve(
        charge,
        citations=(attrs.evolve(reference, articles=tuple(articles)),),
        people=tuple(person_ids[i] for i in draw(_subsets(3, 1))),
    )
    days = draw(st.lists(cs.custody_dates(), min_size=6, max_size=6))
    happened, ever_held = _case_events(draw, days, person_ids, [charge.id])
    imposed = []
    for sentence in draw(st.lists(cs.sentences(), min_size=3, max_size=3)):
        person = person_ids[draw(_index(3))]
        absent = None if sentence.in_absentia and person in ever_held else sentence.in_absentia
        fine = sentence.fine if sentence.fine is not None else draw(cs.reported_amounts())
        imposed.append(attrs.evolve(sentence, person=person, in_absentia=absent, fine=fine))
    return Case(
        id=draw(cs.identifiers()),
        country=draw(cs.countries()),
        title=draw(cs.texts()),
        summary=draw(st.none() | cs.texts(200)),
        people=tuple(persons),
        organisations=tuple(bodies),
        events=happened,
        charges=(charge,),
        sentences=tuple(imposed),
        sources=(draw(cs.sources()),),
    )


def encode(document: Any) -> bytes:
    """Compact UTF-8 JSON, as a database export would hold it."""
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode()


def world_cases() -> list[bytes]:
    """The cases of ``examples/world/*.json``, by file name, as compact JSON bytes."""
    return [encode(json.loads(path.read_bytes())) for path in sorted(WORLD.glob("*.json"))]


def dataset_cases() -> list[bytes]:
    """The cases of the shipped Cambodia dataset, as compact JSON bytes."""
    return [encode(case) for case in json.loads(datasets.document("cambodia"))["cases"]]


def batch_records() -> list[bytes]:
    """The distinct records of the batch, as compact JSON bytes.

    The valid cases of the shipped Cambodia dataset, then the drawn records of
    ``cases.jsonl`` that civicspace accepts (drawn first if the file is absent), then the cases
    of ``examples/world``.
    """
    if not BATCH_FILE.exists():
        BATCH_FILE.write_bytes(b"\n".join(draw_records()) + b"\n")
    candidates = dataset_cases() + BATCH_FILE.read_bytes().splitlines() + world_cases()
    return [text for text in candidates if not validate(text)]


def build_batch(size: int = 200) -> list[bytes]:
    """``size`` case records as JSON bytes: :func:`batch_records`, cycled."""
    distinct = batch_records()
    return [distinct[i % len(distinct)] for i in range(size)]


def draw_records() -> list[bytes]:
    """The distinct records near the target size among ``DRAWS`` drawn with ``SEED``."""
    drawn: list[bytes] = []

    @hypothesis.seed(SEED)
    @hypothesis.settings(
        database=None,
        max_examples=DRAWS,
        phases=[hypothesis.Phase.generate],
        deadline=None,
        suppress_health_check=list(hypothesis.HealthCheck),
    )
    @hypothesis.given(representative_cases())
    def collect(case: Case) -> None:
        text = encode(dump(case))
        if LOW <= len(text) <= HIGH and text not in drawn:
            drawn.append(text)

    with warnings.catch_warnings():  # deprecation notes from Hypothesis are not the batch's
        warnings.simplefilter("ignore", hypothesis.errors.HypothesisDeprecationWarning)
        collect()
    return drawn


def digest(batch: list[bytes]) -> str:
    """A short fingerprint of the batch, to confirm runs drew the same records."""
    return hashlib.sha256(b"\n".join(batch)).hexdigest()[:12]


if __name__ == "__main__":
    BATCH_FILE.write_bytes(b"\n".join(draw_records()) + b"\n")
    records = BATCH_FILE.read_bytes().splitlines()
    print(f"wrote {len(records)} records to {BATCH_FILE}, digest {digest(records)}")
