"""The static site's build: time for the Cambodia dataset, memory over many drawn cases.

Run from the repository root, with the ``site`` extra installed::

    python3 -m pip install -e '.[site]' && python3 benchmarks/site_bench.py

``--cases N`` sets the largest site without charts (default 10,000 cases),
``--charted N`` the largest with them (default 1,000: each custody chart is
drawn and written, about 0.1 s); each is also measured at a tenth of its size,
so that the two peaks show whether memory grows with the number of cases.

The many-case sites repeat the drawn records of ``benchmarks/cases.jsonl``
(drawn from civicspace's strategies, texts full of control characters and
astral code points) under new ids.  Their charges cite laws the collection
does not hold, which the pages show as text.  Each of these builds runs in
a process of its own: memory is the process's peak resident set during the
build (``VmHWM``, reset just before it through ``/proc/self/clear_refs``:
Linux only) less its resident set when the build began (the interpreter, the
libraries and the collection itself), so it counts what matplotlib and the
Agg renderer hold in C as well; time is wall-clock and processor time.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import attrs

import civicspace
from civicspace import datasets, site
from civicspace.collection import Collection

HERE = Path(__file__).parent
TODAY = civicspace.PartialDate(2024, 1, 1)


def drawn_cases() -> list[civicspace.Case]:
    """The benchmark batch's distinct drawn cases (``benchmarks/cases.jsonl``)."""
    lines = (HERE / "cases.jsonl").read_text("utf-8").splitlines()
    return [civicspace.load(line) for line in lines if line.strip()]


def many(cases: list[civicspace.Case], count: int) -> Collection:
    """``count`` cases, the drawn ones repeated under new ids."""
    return Collection(
        cases=tuple(
            attrs.evolve(cases[index % len(cases)], id=f"c{index}-{cases[index % len(cases)].id}")
            for index in range(count)
        )
    )


def build(collection: Collection, charts: bool) -> tuple[float, float, int, int]:
    """Wall seconds, processor seconds, files written and bytes written, for one build."""
    with tempfile.TemporaryDirectory() as folder:
        wall, cpu = time.perf_counter(), time.process_time()
        written = site.build_site(collection, folder, today=TODAY, charts=charts)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        size = sum(path.stat().st_size for path in written)
    return wall, cpu, len(written), size


def peak(count: int, charts: bool) -> dict[str, float]:
    """Build a site of ``count`` drawn cases in a new process: its peak growth and times."""
    done = subprocess.run(
        [sys.executable, __file__, "--one", str(count), str(int(charts))],
        capture_output=True,
        text=True,
        check=True,
    )
    found: dict[str, float] = json.loads(done.stdout)
    return found


def _status(field: str) -> int:
    """A memory figure of this process from ``/proc/self/status``, in bytes (Linux only)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1]) * 1024
    raise LookupError(field)


def one(count: int, charts: bool) -> None:
    """In this process: build the site of ``count`` drawn cases and print its figures as JSON."""
    collection = many(drawn_cases(), count)
    site.build_site(many(drawn_cases(), 2), tempfile.mkdtemp(), charts=charts)  # imports, fonts
    Path("/proc/self/clear_refs").write_text("5")  # Linux: the peak starts again from here
    before = _status("VmRSS")
    wall, cpu, files, size = build(collection, charts)
    after = _status("VmHWM")
    figures = {"peak_growth_bytes": after - before, "wall_s": wall, "cpu_s": cpu, "files": files}
    print(json.dumps({**figures, "baseline_bytes": before, "bytes_written": size}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=10_000, help="largest site without charts")
    parser.add_argument("--charted", type=int, default=1_000, help="largest site with charts")
    parser.add_argument("--repeats", type=int, default=3, help="Cambodia builds; the best counts")
    parser.add_argument("--one", nargs=2, type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        one(args.one[0], bool(args.one[1]))
        return

    cambodia = datasets.load("cambodia")
    runs = [build(cambodia, charts=True) for _ in range(args.repeats)]
    wall = min(run[0] for run in runs)
    cpu = min(run[1] for run in runs)
    _, _, files, size = runs[0]
    print(
        f"Cambodia ({len(cambodia.cases)} cases): best of {args.repeats} builds "
        f"{wall:.2f} s wall, {cpu:.2f} s processor; {files} files, {size / 1e6:.1f} MB"
    )
    results: dict[str, dict[str, float]] = {
        "cambodia": {"wall_s": wall, "cpu_s": cpu, "files": files, "bytes": size}
    }

    distinct = len(drawn_cases())
    print(f"\nmemory over many drawn cases ({distinct} distinct, repeated), one process each:")
    print(
        f"{'cases':>8} {'charts':>7} {'peak growth MB':>15} {'baseline MB':>12}"
        f" {'wall s':>8} {'cpu s':>7}"
    )
    for count, charts in (
        (args.cases // 10, False),
        (args.cases, False),
        (args.charted // 10, True),
        (args.charted, True),
    ):
        found = peak(count, charts)
        print(
            f"{count:>8} {charts!s:>7} {found['peak_growth_bytes'] / 1e6:>15.1f} "
            f"{found['baseline_bytes'] / 1e6:>12.1f} {found['wall_s']:>8.1f} {found['cpu_s']:>7.1f}"
        )
        results[f"{count}-{'charts' if charts else 'tables'}"] = found
    print("\n" + json.dumps(results))


if __name__ == "__main__":
    main()
