"""How long ``import civicspace`` takes over a bare interpreter, from an installed package.

Run it with the interpreter of the environment to measure (``.ci/run`` runs it with the
built wheel installed alone)::

    python benchmarks/import_time.py [--runs N]

Each run starts a new interpreter (``-I``: isolated, so the source tree is not on the path)
and takes the best of ``--runs`` wall times, for ``pass``, ``import civicspace`` and, for
comparison, the first ``validate`` call's imports.  The figure is a difference of the two, in
milliseconds; nothing is asserted.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time

PROGRAMS = {
    "bare interpreter": "pass",
    "import civicspace": "import civicspace",
    "import civicspace; validate a rating": (
        "import civicspace; civicspace.validate("
        '{"type": "rating", "country": "KHM", "rating": "repressed", "as_of": "2022"})'
    ),
}


def best_of(code: str, runs: int) -> float:
    """The best wall time of ``runs`` new interpreters running ``code``, in milliseconds."""
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-I", "-c", code], check=True)
        best = min(best, time.perf_counter() - start)
    return best * 1000


def main() -> None:
    """Print each program's best time and its difference from the bare interpreter."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    runs = parser.parse_args().runs
    times = {name: best_of(code, runs) for name, code in PROGRAMS.items()}
    bare = times["bare interpreter"]
    for name, ms in times.items():
        print(f"{name:40} {ms:7.1f} ms  (+{ms - bare:.1f} ms over a bare interpreter)")


if __name__ == "__main__":
    main()
