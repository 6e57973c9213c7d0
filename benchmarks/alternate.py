"""Trees of civicspace against each other, alternated in separate processes.

Run from the repository root, in the venv of ``bench.py``::

    python benchmarks/alternate.py /tmp/before/src src --rounds 3

Each argument is a directory holding the ``civicspace`` package (a commit's
``src``: ``git archive COMMIT src | tar -x -C /tmp/before``).  Each round runs
every tree in turn, one process each, so that a busy spell of a shared machine
falls on all alike; the least CPU time of each path over the rounds is kept.
Printed per tree: µs per record of the batch for ``validate``, ``load``, the
pydantic peer and ``dump`` + ``orjson.dumps``, and µs per call on the
representative case for each step of ``bench.py``'s stage profile.  The
trees' ``bench.py`` differences do not matter: only this file's code times them.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent


def _best(run: Callable[[Any], object], items: list[Any], repeats: int = 7) -> float:
    """µs per item: the least CPU time of ``repeats`` passes over ``items``."""
    least = float("inf")
    for _ in range(repeats):
        start = time.process_time()
        for item in items:
            run(item)
        least = min(least, time.process_time() - start)
    return least / len(items) * 1e6


def measure() -> dict[str, float]:
    """The figures of the civicspace on the path (called in a child process)."""
    import inspect

    import orjson
    from batch import build_batch
    from bench import representative
    from peers import pydantic_load

    import civicspace
    from civicspace._pipeline.fast import proven as verdict
    from civicspace._pipeline.fast.dump import unstructure
    from civicspace._pipeline.fast.structure import structure_proven
    from civicspace._rules.engine import check_record

    batch = build_batch(200)
    objects = [civicspace.load(text) for text in batch]
    for text in batch:
        civicspace.validate(text)
        pydantic_load(text)
    figures = {
        "validate": _best(civicspace.validate, batch),
        "load": _best(civicspace.load, batch),
        "pydantic": _best(pydantic_load, batch),
        "dump+orjson": _best(lambda obj: orjson.dumps(civicspace.dump(obj)), objects),
    }
    text = representative(batch)
    value = verdict.parse(text)
    obj = civicspace.load(text)
    options: dict[str, Any] = {}
    if "by_rust" in inspect.signature(structure_proven).parameters:
        options["by_rust"] = verdict.active() and verdict.proven_valid("case", value)
    steps: dict[str, Callable[[Any], object]] = {
        "rep parse": lambda _: verdict.parse(text),
        "rep schema": lambda _: verdict.proven_valid("case", value),
        "rep structure": lambda _: structure_proven(civicspace.Case, value, **options),
        "rep checks": lambda _: check_record(obj),
        "rep dump": lambda _: unstructure(obj),
        "rep validate": lambda _: civicspace.validate(text),
        "rep load": lambda _: civicspace.load(text),
    }
    for name, run in steps.items():
        figures[name] = _best(run, [None] * 200, repeats=9)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("trees", nargs="+", help="directories holding the civicspace package")
    parser.add_argument("--rounds", type=int, default=3)
    options = parser.parse_args()
    least: dict[str, dict[str, float]] = {tree: {} for tree in options.trees}
    for number in range(options.rounds):
        for tree in options.trees:
            environment = {**os.environ, "PYTHONPATH": os.pathsep.join([tree, str(HERE)])}
            found = json.loads(
                subprocess.run(
                    [sys.executable, __file__, "--child"],
                    env=environment,
                    check=True,
                    capture_output=True,
                    text=True,
                ).stdout
            )
            for name, micro in found.items():
                least[tree][name] = min(least[tree].get(name, float("inf")), micro)
            print(f"round {number + 1}: {tree}", file=sys.stderr)
    for tree, figures in least.items():
        shown = ", ".join(f"{name} {micro:.1f}" for name, micro in figures.items())
        ratio = figures["pydantic"] / figures["validate"]
        print(f"{tree}: {shown}; validate / pydantic {ratio:.2f}")


if __name__ == "__main__":
    if sys.argv[1:] == ["--child"]:
        sys.path.insert(0, str(HERE))
        print(json.dumps(measure()))
    else:
        main()
