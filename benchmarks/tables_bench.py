"""Tables out: ``civicspace.tables.tables`` on 10,000 drawn cases, against ``load`` of the same.

Run from the repository root, in a venv with the ``tables`` extra::

    python benchmarks/tables_bench.py               # 10,000 cases, best of 3
    python benchmarks/tables_bench.py --size 2000   # fewer, for development

The cases are the drawn records of ``benchmarks/cases.jsonl`` (drawn from
civicspace's strategies, see ``batch.py``), cycled to the size asked, each
copy with its own case id, as JSON Lines (the drawn cases cite laws they do
not carry, so they are valid records, not one valid collection).  Timed:
``load`` of those lines (parse, schema, structure, checks, for every case)
and ``tables()`` of a collection of the loaded cases, as ``civicspace
export cases.jsonl`` runs them.  The target (issue #17): tables() takes at most twice
as long as load.  ``--writers`` times the three writers too, for
information (the Excel writer, openpyxl, is much the slowest).
"""

from __future__ import annotations

import argparse
import gc
import itertools
import json
import platform
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import civicspace
import civicspace.tables

HERE = Path(__file__).parent
TARGET = 2.0


def case_lines(size: int) -> bytes:
    """JSON Lines of ``size`` cases cycled from ``cases.jsonl``, ids made unique."""
    drawn = [json.loads(line) for line in (HERE / "cases.jsonl").read_text("utf-8").splitlines()]
    lines = [
        json.dumps({**case, "id": f"{case['id']}-{index}"}, ensure_ascii=False)
        for index, case in zip(range(size), itertools.cycle(drawn), strict=False)
    ]
    return "\n".join(lines).encode()


def best(run: Callable[[], Any], repeats: int) -> tuple[float, Any]:
    """The best time of ``repeats`` runs, and the last result."""
    times = []
    result = None
    for _ in range(repeats):
        gc.collect()
        start = time.perf_counter()
        result = run()
        times.append(time.perf_counter() - start)
    return min(times), result


def main() -> None:
    """Time load and tables() on one collection and print the ratio."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=10_000, help="cases in the collection")
    parser.add_argument("--repeats", type=int, default=3, help="timed runs of each")
    parser.add_argument("--writers", action="store_true", help="time the writers too")
    args = parser.parse_args()

    document = case_lines(args.size)
    loading, cases = best(lambda: civicspace.load(document), args.repeats)
    collection = civicspace.Collection(cases=tuple(cases))
    building, built = best(lambda: civicspace.tables.tables(collection), args.repeats)
    rows = sum(table.num_rows for table in built.values())
    print(f"python {platform.python_version()}, civicspace {civicspace.__version__}")
    print(f"{args.size:,} cases, {len(document) / 1e6:.1f} MB of JSON Lines, {rows:,} table rows")
    print(f"load      {loading:8.2f} s  ({args.size / loading:,.0f} cases/s)")
    print(f"tables()  {building:8.2f} s  ({args.size / building:,.0f} cases/s)")
    ratio = building / loading
    verdict = "met" if ratio <= TARGET else "MISSED"
    print(f"tables() / load = {ratio:.2f} (target at most {TARGET:.0f}: {verdict})")
    if not args.writers:
        return
    with tempfile.TemporaryDirectory() as folder:
        for format in civicspace.tables.FORMATS:
            target = Path(folder) / format
            start = time.perf_counter()
            civicspace.tables.write(built, target, format)
            seconds = time.perf_counter() - start
            print(f"write {format:<8}{seconds:8.2f} s")


if __name__ == "__main__":
    main()
