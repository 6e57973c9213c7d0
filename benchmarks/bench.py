"""civicspace against peers that do the same work, on one batch of case records, in one run.

Run from the repository root, in a venv with the ``bench`` extra::

    python benchmarks/bench.py            # several minutes (the --jobs file has 100,000 lines)
    python benchmarks/bench.py --quick    # a short run, for development

Prints records per second for each path, the per-stage profile of one
representative case, memory per loaded record, the ``--jobs`` speed-up, the
time of ``import civicspace`` from an installed wheel, and every target as a
ratio measured in this run.  Set ``CIVICSPACE_PURE=1`` to measure civicspace
without its ``fast`` extra.
"""

from __future__ import annotations

import argparse
import datetime
import functools
import gc
import inspect
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import sysconfig
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from importlib import metadata
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

import orjson
from batch import build_batch, digest

import civicspace

ROOT = Path(__file__).resolve().parent.parent


def rate(
    run: Callable[[], object],
    count: int,
    seconds: float,
    repeats: int = 5,
    clock: Callable[[], float] = time.perf_counter,
) -> float:
    """Records per second: the best of ``repeats`` timings of ``run`` over ``count`` records."""
    loops = 1
    while True:  # calibrate: enough loops to take about seconds / repeats
        start = clock()
        for _ in range(loops):
            run()
        elapsed = clock() - start
        if elapsed >= seconds / repeats / 4:
            break
        loops *= 2
    loops = max(1, int(loops * (seconds / repeats) / elapsed))
    best = float("inf")
    for _ in range(repeats):
        start = clock()
        for _ in range(loops):
            run()
        best = min(best, clock() - start)
    return count * loops / best


def rates_round_robin(
    runs: dict[str, tuple[Callable[[], object], int, float]], repeats: int = 5
) -> dict[str, float]:
    """Records per second of each run, ``(run, records, seconds)``, in CPU time of this process.

    Each run is calibrated on its own, then the timed repeats go round the runs in turn, so
    that a busy spell of a shared machine falls on every path alike rather than on a few; the
    best repeat of each is kept.  CPU time, not wall time: the work of other processes on the
    machine is not counted (their effect on caches and clock speed still is).
    """
    clock = time.process_time
    loops: dict[str, int] = {}
    for name, (run, _count, seconds) in runs.items():
        n = 1
        while True:
            start = clock()
            for _ in range(n):
                run()
            elapsed = clock() - start
            if elapsed >= seconds / repeats / 4:
                break
            n *= 2
        loops[name] = max(1, int(n * (seconds / repeats) / max(elapsed, 1e-9)))
    best = dict.fromkeys(runs, float("inf"))
    for _ in range(repeats):
        for name, (run, _count, _seconds) in runs.items():
            start = clock()
            for _ in range(loops[name]):
                run()
            best[name] = min(best[name], clock() - start)
    return {name: count * loops[name] / best[name] for name, (_r, count, _s) in runs.items()}


def per_record_memory(load: Callable[[bytes], Any], batch: list[bytes]) -> tuple[float, float]:
    """Bytes held per loaded record, and the peak per record while loading the batch."""
    gc.collect()
    tracemalloc.start()
    loaded = [load(text) for text in batch]
    held, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    del loaded
    return held / len(batch), peak / len(batch)


def streaming_peak(batch: list[bytes], copies: int) -> tuple[int, int]:
    """Records read, and peak traced bytes, validating a JSON Lines file of ``copies`` batches.

    The file is read lazily by ``civicspace.validate_records``; a flat peak as the
    file grows is what "memory does not grow with the file" means.
    """
    with tempfile.TemporaryFile() as handle:
        for _ in range(copies):
            handle.writelines(text.strip() + b"\n" for text in batch)
        handle.seek(0)
        gc.collect()
        tracemalloc.start()
        records = sum(1 for _ in civicspace.validate_records(handle))
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    return records, peak


def command_time(args: list[str], runs: int, **options: Any) -> float:
    """Best wall time, in milliseconds, of running a command ``runs`` times."""
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(args, check=True, capture_output=True, **options)
        best = min(best, time.perf_counter() - start)
    return best * 1000


def _checked(valid: Callable[[bytes], bool], batch: list[bytes], name: str) -> None:
    """Refuse to time a path that refuses a record of the batch: it would do other work."""
    refused = sum(1 for text in batch if not valid(text))
    if refused:
        raise SystemExit(f"{name} refuses {refused} of the batch's records: not comparable")


def _accepts(load: Callable[[bytes], object]) -> Callable[[bytes], bool]:
    def valid(text: bytes) -> bool:
        try:
            load(text)
        except ValueError:
            return False
        return True

    return valid


# -- Where the time goes: one representative case, stage by stage ---------------------------------


def representative(batch: list[bytes]) -> bytes:
    """The record nearest the issue's representative case.

    Three people, one organisation, one charge, six events, three sentences.
    """
    shape = {"people": 3, "organisations": 1, "charges": 1, "events": 6, "sentences": 3}

    def distance(text: bytes) -> int:
        case = orjson.loads(text)
        return sum(abs(len(case.get(member, ())) - want) for member, want in shape.items())

    return min(dict.fromkeys(batch), key=distance)


def stage_profile(text: bytes, seconds: float) -> dict[str, float] | None:
    """Microseconds per call of each step of ``load`` on one record, best of 7, in CPU time.

    The steps are private functions of civicspace, so this part reads private
    modules; ``None`` (and a note) when they have moved.
    """
    try:
        from civicspace._pipeline.fast import proven as verdict
        from civicspace._pipeline.fast.dump import unstructure
        from civicspace._pipeline.fast.structure import structure_proven
        from civicspace._rules.engine import check_record
    except ImportError as error:
        print(f"  (the stage profile needs civicspace's private modules: {error})")
        return None
    value = verdict.parse(text)
    obj = civicspace.load(text)
    # As validate runs it: told whether jsonschema-rs proved the record (trees before that
    # keyword had one path).
    rust = verdict.active() and verdict.proven_valid("case", value)
    if "by_rust" in inspect.signature(structure_proven).parameters:
        structure = functools.partial(structure_proven, civicspace.Case, value, by_rust=rust)
    else:
        structure = functools.partial(structure_proven, civicspace.Case, value)
    stages: dict[str, Callable[[], object]] = {
        "parse (strict, orjson with the fast extra)": lambda: verdict.parse(text),
        "schema (jsonschema-rs with the fast extra)": lambda: verdict.proven_valid("case", value),
        "structure (generated, attrs validators)": structure,
        "checks (every rule of a case)": lambda: check_record(obj),
        "dump (to JSON-ready values)": lambda: unstructure(obj),
        "validate(bytes), all of it": lambda: civicspace.validate(text),
        "load(bytes), all of it": lambda: civicspace.load(text),
    }
    # CPU time of this process: the steps are short, and other work on a shared machine
    # would otherwise be counted in them.
    return {
        name: 1e6 / rate(run, 1, seconds / len(stages), repeats=7, clock=time.process_time)
        for name, run in stages.items()
    }


# -- civicspace validate --jobs -------------------------------------------------------------------


VALIDATE_COMMAND = (sys.executable, "-m", "civicspace", "validate", "--format", "json")
PIP = (sys.executable, "-m", "pip")


def jobs_speedup(batch: list[bytes], lines: int) -> tuple[float, float, bool]:
    """Seconds for ``civicspace validate --jobs 1`` and ``--jobs 2`` on one file; same report?"""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "cases.jsonl"
        with path.open("wb") as handle:
            for index in range(lines):
                handle.write(batch[index % len(batch)].strip() + b"\n")
        reports: list[bytes] = []
        times: list[float] = []
        for jobs in ("1", "2"):
            start = time.perf_counter()
            done = subprocess.run(
                [*VALIDATE_COMMAND, "--jobs", jobs, str(path)],
                capture_output=True,
                check=False,
            )
            times.append(time.perf_counter() - start)
            if done.returncode not in (0, 1):
                raise SystemExit(f"civicspace validate --jobs {jobs} failed: {done.stderr!r}")
            reports.append(done.stdout)
    return times[0], times[1], reports[0] == reports[1]


# -- import civicspace, from an installed wheel ---------------------------------------------------


def wheel_import_time(runs: int) -> tuple[float, float, str]:
    """Best wall time of ``import civicspace`` from a wheel installed into a new venv.

    The wheel is built from the working tree (``pip wheel``) and installed with its bytecode
    compiled, as ``pip install`` does, into a venv of its own.  The venv reads the
    dependencies (attrs, jsonschema, ...) from this environment's site-packages, through a
    path file, without processing that environment's own path files, so the editable
    install of the working tree is not on its path.  Returns the import time, the bare
    interpreter start time (both milliseconds) and the file ``civicspace`` was imported from.
    """
    with tempfile.TemporaryDirectory() as folder:
        where = Path(folder)
        subprocess.run(
            [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(where), "."],
            cwd=ROOT,
            check=True,
            capture_output=True,
        )
        wheel = next(where.glob("civicspace-*.whl"))
        venv = where / "venv"
        subprocess.run(
            [sys.executable, "-m", "venv", "--without-pip", str(venv)],
            check=True,
            capture_output=True,
        )
        python = str(venv / "bin" / "python")
        subprocess.run(
            [*PIP, "--python", python, "install", "--quiet", "--no-deps", str(wheel)],
            check=True,
            capture_output=True,
        )
        site = subprocess.run(
            [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()
        Path(site, "outer-dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
        environment = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        environment.pop("PYTHONPATH", None)
        origin = subprocess.run(
            [python, "-c", "import civicspace; print(civicspace.__file__)"],
            check=True,
            capture_output=True,
            text=True,
            env=environment,
        ).stdout.strip()
        imports = command_time([python, "-c", "import civicspace"], runs, env=environment)
        bare = command_time([python, "-c", "pass"], runs, env=environment)
        shutil.rmtree(venv)
    return imports, bare, origin


VERSIONS = (
    *("civicspace", "attrs", "cattrs", "jsonschema", "jsonschema-rs", "orjson"),
    *("pydantic", "pydantic-core", "msgspec", "fastjsonschema", "hypothesis"),
)


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "absent"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="short timings, for development")
    parser.add_argument("--size", type=int, default=200, help="records in the batch")
    parser.add_argument(
        "--jobs-lines", type=int, default=None, help="lines of the --jobs file (100,000)"
    )
    parser.add_argument("--no-jobs", action="store_true", help="leave out the --jobs timing")
    parser.add_argument(
        "--no-import", action="store_true", help="leave out the wheel's import time"
    )
    options = parser.parse_args()
    seconds = 0.3 if options.quick else 2.0
    runs = 3 if options.quick else 10
    jobs_lines = options.jobs_lines or (4_000 if options.quick else 100_000)

    batch = build_batch(options.size)
    count = len(batch)
    from civicspace._pipeline.fast import (
        proven as _fast,  # the accelerator, when the fast extra is installed
    )

    accelerated = _fast.active()
    print(
        f"{datetime.date.today()} · Python {platform.python_version()} · {platform.machine()} · "
        f"{os.cpu_count()} cores · {platform.processor() or platform.platform()}"
    )
    versions = ", ".join(f"{name} {_version(name)}" for name in VERSIONS)
    print(f"versions: {versions}")
    mean = statistics.mean(map(len, batch))
    print(
        f"batch: {count} case records ({len(set(batch))} distinct: the shipped dataset's valid "
        f"cases, the drawn ones and examples/world), {mean:.0f} bytes each on average, "
        f"digest {digest(batch)}; "
        f"civicspace fast path: {'on' if accelerated else 'off'}"
    )

    import fastjsonschema
    from peers import (
        fastjsonschema_validator,
        jsonschema_rs_validator,
        jsonschema_validator,
        msgspec_encoder,
        msgspec_load,
        pydantic_load,
    )

    rs = jsonschema_rs_validator()
    naive = jsonschema_validator()
    fjs = fastjsonschema_validator()

    def fjs_valid(text: bytes) -> bool:
        try:
            fjs(orjson.loads(text))
        except fastjsonschema.JsonSchemaException:
            return False
        return True

    parsed = [orjson.loads(text) for text in batch]
    _checked(lambda text: not civicspace.validate(text), batch, "civicspace")
    _checked(_accepts(pydantic_load), batch, "pydantic with the rules")
    _checked(_accepts(msgspec_load), batch, "msgspec with the rules")
    _checked(lambda text: rs.is_valid(orjson.loads(text)), batch, "jsonschema-rs")
    _checked(lambda text: naive.is_valid(json.loads(text)), batch, "jsonschema")
    _checked(fjs_valid, batch, "fastjsonschema")
    objects = [civicspace.load(text) for text in batch]
    models = [pydantic_load(text) for text in batch]
    structs = [msgspec_load(text) for text in batch]
    # Every path must read back what it wrote.
    assert [civicspace.load(json.dumps(civicspace.dump(o))) for o in objects] == objects
    assert [orjson.loads(m.model_dump_json(exclude_none=True)) for m in models] == parsed

    def each(work: Callable[[Any], object], items: list[Any]) -> Callable[[], None]:
        def run() -> None:
            for item in items:
                work(item)

        return run

    def civicspace_dump(obj: Any) -> bytes:  # civicspace.dump gives JSON-ready values
        return json.dumps(civicspace.dump(obj), ensure_ascii=False).encode()

    def civicspace_dump_orjson(obj: Any) -> bytes:
        return orjson.dumps(civicspace.dump(obj))

    def pure(work: Callable[[Any], object]) -> Callable[[Any], object]:
        def run(item: Any) -> object:
            _fast.use_pure(True)
            try:
                return work(item)
            finally:
                _fast.use_pure(False)

        return run

    def rs_valid(text: bytes) -> bool:
        return bool(rs.is_valid(orjson.loads(text)))

    def naive_valid(text: bytes) -> bool:
        return bool(naive.is_valid(json.loads(text)))

    def pydantic_dump(model: Any) -> bytes:
        return bytes(model.model_dump_json(exclude_none=True).encode())

    VALIDATE, PURE = "civicspace validate(bytes)", "civicspace validate(bytes), pure path"
    VALIDATE_DICT, LOAD_DICT = "civicspace validate(dict)", "civicspace load(dict)"
    LOAD, DUMP = "civicspace load(bytes)", "civicspace dump + orjson.dumps"
    RS, NAIVE = "orjson.loads + jsonschema-rs is_valid", "json.loads + jsonschema (naive)"
    PYDANTIC_IN = "pydantic v2 with the rules: model_validate_json"
    PYDANTIC_OUT = "pydantic v2 model_dump_json"
    MSGSPEC_IN = "msgspec with the rules: decode + checks"
    paths: dict[str, tuple[Callable[[Any], object], list[Any]]] = {
        VALIDATE: (civicspace.validate, batch),
        PURE: (pure(civicspace.validate), batch),
        VALIDATE_DICT: (civicspace.validate, parsed),
        LOAD: (civicspace.load, batch),
        "civicspace load(bytes), pure path": (pure(civicspace.load), batch),
        LOAD_DICT: (civicspace.load, parsed),
        PYDANTIC_IN: (pydantic_load, batch),
        MSGSPEC_IN: (msgspec_load, batch),
        "orjson.loads alone (the floor)": (orjson.loads, batch),
        RS: (rs_valid, batch),
        "orjson.loads + fastjsonschema (draft-07 bundle)": (fjs_valid, batch),
        NAIVE: (naive_valid, batch),
        DUMP: (civicspace_dump_orjson, objects),
        "civicspace dump + json.dumps": (civicspace_dump, objects),
        PYDANTIC_OUT: (pydantic_dump, models),
        "msgspec encode (objects to bytes)": (msgspec_encoder.encode, structs),
    }
    width = max(map(len, paths))
    print(f"\n{'path':<{width}}  {'records/s':>10}   (CPU time, best of 5, paths in turn)")
    rates = rates_round_robin(
        {
            name: (each(work, items), count, seconds / 2 if name == NAIVE else seconds)
            for name, (work, items) in paths.items()
        }
    )
    for name in paths:
        print(f"{name:<{width}}  {rates[name]:>10,.0f}")

    print("\nratios, civicspace / peer (same run):")
    for mine, theirs in [
        (VALIDATE, PYDANTIC_IN),
        (LOAD, PYDANTIC_IN),
        (LOAD, MSGSPEC_IN),
        (VALIDATE, RS),
        (PURE, NAIVE),
        (DUMP, PYDANTIC_OUT),
        (DUMP, "msgspec encode (objects to bytes)"),
    ]:
        print(f"  {mine} / {theirs}: {rates[mine] / rates[theirs]:.3f}")

    case = representative(batch)
    print(
        f"\nper-stage profile of one representative case ({len(case):,} bytes; "
        "CPU microseconds per call, best of 7):"
    )
    stages = stage_profile(case, seconds * 3)
    for name, micro in (stages or {}).items():
        print(f"  {name:<45} {micro:>8.1f} µs")

    print("\nmemory per loaded record (tracemalloc: held after loading the batch / peak):")
    memory = {
        "civicspace load": per_record_memory(civicspace.load, batch),
        "pydantic v2": per_record_memory(pydantic_load, batch),
        "msgspec": per_record_memory(msgspec_load, batch),
        "orjson.loads (dicts)": per_record_memory(orjson.loads, batch),
    }
    for name, (held, peak) in memory.items():
        print(f"  {name:<22} {held:>9,.0f} B held  {peak:>9,.0f} B peak")

    print("\nstreaming validate_records over a JSON Lines file (peak traced memory):")
    for copies in (1, 10):
        records, peak = streaming_peak(batch, copies)
        print(f"  {records:>7,} records: {peak / 1024:>8,.0f} KiB peak")

    one = two = imports = helps = None
    same = False
    if not options.no_jobs:
        one, two, same = jobs_speedup(batch, jobs_lines)
        print(
            f"\ncivicspace validate on {jobs_lines:,} lines of JSON Lines: --jobs 1 {one:.1f} s, "
            f"--jobs 2 {two:.1f} s; same report: {same}"
        )
    if not options.no_import:
        imports, bare, origin = wheel_import_time(runs)
        helps = command_time([sys.executable, "-m", "civicspace", "--help"], runs)
        print(
            f"\nimport civicspace from an installed wheel: {imports:.0f} ms (interpreter start "
            f"alone {bare:.0f} ms; imported from {origin}); civicspace --help: {helps:.0f} ms "
            f"(best of {runs})"
        )

    # Issue #29's targets first: the ratios of its table, in this run.
    targets: list[tuple[str, float, float]] = [
        (
            "validate(bytes) >= 1.0 x pydantic with the rules",
            rates[VALIDATE] / rates[PYDANTIC_IN],
            1,
        ),
        ("load(bytes) >= 0.6 x pydantic with the rules", rates[LOAD] / rates[PYDANTIC_IN], 0.6),
        ("dump + orjson >= 1.0 x pydantic model_dump_json", rates[DUMP] / rates[PYDANTIC_OUT], 1),
        ("validate(dict) >= 0.8 x validate(bytes)", rates[VALIDATE_DICT] / rates[VALIDATE], 0.8),
        (
            "memory per case < pydantic's (pydantic / civicspace)",
            memory["pydantic v2"][0] / memory["civicspace load"][0],
            1.0,
        ),
        ("load(dict) >= 0.8 x load(bytes)", rates[LOAD_DICT] / rates[LOAD], 0.8),
    ]
    if stages:
        structure = stages["structure (generated, attrs validators)"]
        checks = stages["checks (every rule of a case)"]
        targets.append(("structuring <= 50 µs a case (50 / measured)", 50 / structure, 1))
        targets.append(("checks <= 30 µs a case (30 / measured)", 30 / checks, 1))
    if one is not None and two is not None:
        targets.append(("--jobs 2 >= 1.7 x --jobs 1, same report", one / two if same else 0.0, 1.7))
    if imports is not None and helps is not None:
        targets.append(("import civicspace <= 150 ms, wheel (150 / measured)", 150 / imports, 1.0))
        targets.append(("civicspace --help < 300 ms (300 / measured)", 300 / helps, 1.0))
    print("\ntargets, as a ratio that must reach the figure on the right:")
    for label, ratio, needed in targets:
        verdict = "met" if ratio >= needed else "NOT met"
        print(f"  {label:<55} {ratio:7.2f} >= {needed:<4}  {verdict}")
    if not accelerated:
        print("  (the fast extra is not installed or CIVICSPACE_PURE is set: the paths without")
        print("   'pure path' measure the pure path too)")


if __name__ == "__main__":
    main()
